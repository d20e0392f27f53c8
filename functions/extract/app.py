"""ExtractFunction: S3 object events (via the ingest queue) -> extracted metadata on the index queue."""

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from masthead.s3events import correlation_key
from masthead.service.runtime import extract_step

logger = Logger()
metrics = Metrics()
tracer = Tracer(patch_modules=["botocore"])  # only what the handler uses: patch_all imports requests, httpx, ...
processor = BatchProcessor(event_type=EventType.SQS)


@tracer.capture_method
def handle_record(record):
    logger.set_correlation_id(correlation_key(record.body))
    for message in extract_step().handle(record.body):
        status = (message.extraction or {}).get("status", "deleted")
        metrics.add_metric(name=f"Uploads_{status}", unit=MetricUnit.Count, value=1)
        if status == "rejected":
            logger.warning("upload rejected", extra={"key": message.key, "error": message.extraction["error"]})
        else:
            logger.info("upload extracted", extra={"key": message.key, "action": message.action, "status": status})


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event, context):
    return process_partial_response(event=event, record_handler=handle_record, processor=processor, context=context)
