"""IndexFunction: extracted metadata (via the index queue) -> the DynamoDB index, in sequencer order."""

from aws_lambda_powertools.metrics import MetricUnit
from masthead.s3events import correlation_key
from masthead.service.handler import EventType, batch_handler, powertools
from masthead.service.runtime import index_step

logger, metrics, tracer = powertools()


@tracer.capture_method
def handle_record(record):
    logger.set_correlation_id(correlation_key(record.body))
    plan = index_step().handle(record.body)
    metrics.add_metric(name=f"Index_{plan.outcome}", unit=MetricUnit.Count, value=1)
    logger.info("index change", extra={"outcome": plan.outcome, "writes": len(plan.ops)})


lambda_handler = batch_handler(EventType.SQS, handle_record, logger, metrics, tracer)
