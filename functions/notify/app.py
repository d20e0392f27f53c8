"""NotifyFunction: index table stream -> one SNS notification per real change, published in batches."""

from aws_lambda_powertools.metrics import MetricUnit

from masthead.service.batch import Record, run_batch
from masthead.service.handler import lambda_entry, powertools, stream_records
from masthead.service.runtime import notify_step

logger, metrics, tracer = powertools()


def notify_record(record: Record, _seconds: float | None):
    notifications = notify_step().notifications(record.body)
    for notification in notifications:
        metrics.add_metric(name=notification.event_type.replace(".", "_"), unit=MetricUnit.Count, value=1)
        logger.info("notification", extra={"event_type": notification.event_type, "event_id": notification.body["event_id"]})
    return notifications


@lambda_entry(logger, metrics, tracer)
def lambda_handler(event, context):
    # Stream records come from our own table: none is unprocessable, so there is no dead-letter
    # queue here; a failure is retried by the event source mapping and then sent to OnFailure.
    return run_batch(stream_records(event), notify_record, notify_step().send).response()
