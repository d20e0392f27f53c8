"""ExtractFunction: S3 object events (via the ingest queue) -> extracted metadata on the index queue."""

from aws_lambda_powertools.metrics import MetricUnit
from masthead.s3events import correlation_key
from masthead.service.handler import EventType, batch_handler, powertools
from masthead.service.runtime import extract_step

logger, metrics, tracer = powertools()


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


lambda_handler = batch_handler(EventType.SQS, handle_record, logger, metrics, tracer)
