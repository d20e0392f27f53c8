"""NotifyFunction: index table stream -> one SNS notification per real change."""

from aws_lambda_powertools.metrics import MetricUnit
from masthead.service.handler import EventType, batch_handler, powertools
from masthead.service.runtime import notify_step

logger, metrics, tracer = powertools()


@tracer.capture_method
def handle_record(record):
    image = record.dynamodb.new_image or record.dynamodb.old_image or {}
    logger.set_correlation_id(image.get("key"))
    for notification in notify_step().handle(record.raw_event):
        metrics.add_metric(name=notification.event_type.replace(".", "_"), unit=MetricUnit.Count, value=1)
        logger.info("notification published", extra={"event_type": notification.event_type, "event_id": notification.body["event_id"]})


lambda_handler = batch_handler(EventType.DynamoDBStreams, handle_record, logger, metrics, tracer)
