"""NotifyFunction: index table stream -> one SNS notification per real change, published in batches."""

from __future__ import annotations

from collections.abc import Callable

from aws_lambda_powertools.metrics import MetricUnit

from ..notify import Notification
from ..service.batch import Record, run_batch
from ..service.notify_step import NotifyStep
from .common import LambdaHandler, Wiring, lambda_entry, powertools, stream_records


def make_handler(wiring: Callable[[], Wiring[NotifyStep]]) -> LambdaHandler:
    """The notify handler; `wiring` is called on each invocation (the runtime's is built once)."""
    logger, metrics, tracer = powertools()

    def notify_record(step: NotifyStep, record: Record) -> list[Notification]:
        notifications = step.notifications(step.parse(record.body if isinstance(record.body, dict) else {}))
        for notification in notifications:
            metrics.add_metric(name=notification.event_type.replace(".", "_"), unit=MetricUnit.Count, value=1)
            logger.info("notification", extra={"event_type": notification.event_type, "event_id": notification.body["event_id"]})
        return notifications

    @lambda_entry(logger, metrics, tracer)
    def lambda_handler(event: dict, context: object) -> dict:
        # Stream records come from our own table: there is no dead-letter queue here; a failed
        # record is retried by the event source mapping and then sent to its OnFailure destination.
        wired = wiring()
        records = stream_records(event)
        # Always one metric: a batch of changes that announce nothing (a moved timer, a re-upload
        # of identical content) is normal, and an empty metrics flush is a warning in the logs.
        metrics.add_metric(name="Stream_records", unit=MetricUnit.Count, value=len(records))
        return run_batch(records, lambda record, _seconds: notify_record(wired.step, record), wired.step.send).response()

    return lambda_handler
