"""ExtractFunction: S3 object events (via the ingest queue) -> extracted metadata on the index queue."""

from __future__ import annotations

from collections.abc import Callable

from aws_lambda_powertools.metrics import MetricUnit

from ..messages import IndexMessage
from ..model import Rejection, as_dict
from ..service.batch import Record
from ..service.extract_step import ExtractStep
from .common import LambdaHandler, Wiring, lambda_entry, powertools, run_sqs_batch


def make_handler(wiring: Callable[[], Wiring[ExtractStep]]) -> LambdaHandler:
    """The extract handler; `wiring` is called on each invocation (the runtime's is built once)."""
    logger, metrics, tracer = powertools()

    def extract_record(step: ExtractStep, record: Record, seconds: float | None) -> list[IndexMessage]:
        events = step.events(str(record.body))
        logger.set_correlation_id(events[0].key if events else None)
        messages = step.handle(events, seconds)
        for message in messages:
            status = message.extraction.status if message.extraction else "deleted"
            metrics.add_metric(name=f"Uploads_{status}", unit=MetricUnit.Count, value=1)
            if isinstance(message.extraction, Rejection):
                logger.warning("upload rejected", extra={"key": message.key, "error": as_dict(message.extraction.error)})
            else:
                logger.info("upload extracted", extra={"key": message.key, "action": message.action, "status": status})
        return messages

    @lambda_entry(logger, metrics, tracer)
    def lambda_handler(event: dict, context: object) -> dict:
        wired = wiring()
        return run_sqs_batch(
            event,
            context,
            wired,
            lambda record, seconds: extract_record(wired.step, record, seconds),
            wired.step.send,
            source="IngestQueue",
            metrics=metrics,
        )

    return lambda_handler
