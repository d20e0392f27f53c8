"""ExtractFunction: S3 object events (via the ingest queue) -> extracted metadata on the index queue."""

from aws_lambda_powertools.metrics import MetricUnit

from masthead.s3events import correlation_key
from masthead.service.batch import Record, run_batch
from masthead.service.handler import lambda_entry, powertools, remaining_seconds, sqs_records
from masthead.service.runtime import extract_dead_letters, extract_reserve_seconds, extract_step

logger, metrics, tracer = powertools()


def extract_record(record: Record, seconds: float | None):
    logger.set_correlation_id(correlation_key(record.body))
    messages = extract_step().handle(record.body, seconds)
    for message in messages:
        status = (message.extraction or {}).get("status", "deleted")
        metrics.add_metric(name=f"Uploads_{status}", unit=MetricUnit.Count, value=1)
        if status == "rejected":
            logger.warning("upload rejected", extra={"key": message.key, "error": message.extraction["error"]})
        else:
            logger.info("upload extracted", extra={"key": message.key, "action": message.action, "status": status})
    return messages


@lambda_entry(logger, metrics, tracer)
def lambda_handler(event, context):
    result = run_batch(
        sqs_records(event),
        extract_record,
        extract_step().send,
        remaining_seconds=remaining_seconds(context),
        reserve_seconds=extract_reserve_seconds(),
        dead_letters=extract_dead_letters(),
        source="IngestQueue",
    )
    metrics.add_metric(name="Messages_dead_lettered", unit=MetricUnit.Count, value=len(result.dead_lettered))
    return result.response()
