"""NotifyFunction: index table stream -> one SNS notification per real change."""

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from masthead.service.runtime import notify_step

logger = Logger()
metrics = Metrics()
tracer = Tracer(patch_modules=["botocore"])  # only what the handler uses: patch_all imports requests, httpx, ...
processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


@tracer.capture_method
def handle_record(record):
    image = record.dynamodb.new_image or record.dynamodb.old_image or {}
    logger.set_correlation_id(image.get("key"))
    for notification in notify_step().handle(record.raw_event):
        metrics.add_metric(name=notification.event_type.replace(".", "_"), unit=MetricUnit.Count, value=1)
        logger.info("notification published", extra={"event_type": notification.event_type, "event_id": notification.body["event_id"]})


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event, context):
    return process_partial_response(event=event, record_handler=handle_record, processor=processor, context=context)
