"""IndexFunction: extracted metadata (via the index queue) -> the DynamoDB index, in sequencer order."""

from aws_lambda_powertools.metrics import MetricUnit

from masthead.s3events import correlation_key
from masthead.service.batch import Record, run_batch
from masthead.service.handler import lambda_entry, powertools, remaining_seconds, sqs_records
from masthead.service.runtime import index_dead_letters, index_reserve_seconds, index_step

logger, metrics, tracer = powertools()


def index_record(record: Record, _seconds: float | None):
    logger.set_correlation_id(correlation_key(record.body))
    plan = index_step().handle(record.body)
    metrics.add_metric(name=f"Index_{plan.outcome}", unit=MetricUnit.Count, value=1)
    logger.info("index change", extra={"outcome": plan.outcome, "writes": len(plan.ops)})
    return ()


@lambda_entry(logger, metrics, tracer)
def lambda_handler(event, context):
    result = run_batch(
        sqs_records(event),
        index_record,
        lambda _outputs: set(),
        remaining_seconds=remaining_seconds(context),
        reserve_seconds=index_reserve_seconds(),
        dead_letters=index_dead_letters(),
        source="IndexQueue",
    )
    metrics.add_metric(name="Messages_dead_lettered", unit=MetricUnit.Count, value=len(result.dead_lettered))
    return result.response()
