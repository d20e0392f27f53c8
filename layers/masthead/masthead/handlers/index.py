"""IndexFunction: extracted metadata (via the index queue) -> the DynamoDB index, in sequencer order."""

from __future__ import annotations

from collections.abc import Callable

from aws_lambda_powertools.metrics import MetricUnit

from ..service.batch import Record
from ..service.index_step import IndexStep
from .common import LambdaHandler, Wiring, lambda_entry, powertools, run_sqs_batch


def make_handler(wiring: Callable[[], Wiring[IndexStep]]) -> LambdaHandler:
    """The index handler; `wiring` is called on each invocation (the runtime's is built once)."""
    logger, metrics, tracer = powertools()

    def index_record(step: IndexStep, record: Record) -> tuple[()]:
        message = step.parse(str(record.body))
        logger.set_correlation_id(message.key)
        plan = step.handle(message)
        metrics.add_metric(name=f"Index_{plan.outcome}", unit=MetricUnit.Count, value=1)
        logger.info("index change", extra={"key": message.key, "outcome": plan.outcome, "writes": len(plan.ops)})
        return ()  # the write is the output; nothing to send with the batch

    @lambda_entry(logger, metrics, tracer)
    def lambda_handler(event: dict, context: object) -> dict:
        wired = wiring()
        return run_sqs_batch(
            event,
            context,
            wired,
            lambda record, _seconds: index_record(wired.step, record),
            lambda _outputs: set(),
            source="IndexQueue",
            metrics=metrics,
        )

    return lambda_handler
