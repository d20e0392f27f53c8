"""IndexFunction: extracted metadata (via the index queue) -> the DynamoDB index, in sequencer order."""

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from masthead.s3events import correlation_key
from masthead.service.runtime import index_step

logger = Logger()
metrics = Metrics()
tracer = Tracer(patch_modules=["botocore"])  # only what the handler uses: patch_all imports requests, httpx, ...
processor = BatchProcessor(event_type=EventType.SQS)


@tracer.capture_method
def handle_record(record):
    logger.set_correlation_id(correlation_key(record.body))
    plan = index_step().handle(record.body)
    metrics.add_metric(name=f"Index_{plan.outcome}", unit=MetricUnit.Count, value=1)
    logger.info("index change", extra={"outcome": plan.outcome, "writes": len(plan.ops)})


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event, context):
    return process_partial_response(event=event, record_handler=handle_record, processor=processor, context=context)
