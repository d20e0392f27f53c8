"""ReindexFunction: a batch of the bucket listing (from the reindex state machine's Distributed Map)
-> the stored version of each key extracted again and queued for the index."""

from __future__ import annotations

from collections.abc import Callable

from aws_lambda_powertools.metrics import MetricUnit

from ..service.reindex_step import ReindexStep, parse_batch
from .common import LambdaHandler, Wiring, lambda_entry, powertools, remaining_seconds


def make_handler(wiring: Callable[[], Wiring[ReindexStep]]) -> LambdaHandler:
    """The reindex handler; `wiring` is called on each invocation (the runtime's is built once).

    It answers with the batch's counts. A batch it cannot read raises Unprocessable (the state
    machine does not retry it); any other error fails the batch, which the state machine retries
    whole: the messages of a batch sent twice are indexed once."""
    logger, metrics, tracer = powertools()

    @lambda_entry(logger, metrics, tracer)
    def lambda_handler(event: dict, context: object) -> dict:
        wired = wiring()
        # Counted first: an invocation that fails still flushes a metric (and no empty-metrics warning).
        metrics.add_metric(name="Reindex_batches", unit=MetricUnit.Count, value=1)
        batch = parse_batch(event)
        logger.append_keys(reindex_run=batch.run_id)
        remaining = remaining_seconds(context)
        seconds = max(1.0, remaining() - wired.reserve_seconds) if remaining else None
        counts = wired.step.handle(batch, seconds)
        for name, value in counts.items():
            metrics.add_metric(name=f"Reindex_{name}", unit=MetricUnit.Count, value=value)
        logger.info("reindex batch queued", extra={"counts": dict(counts)})
        return {"run_id": batch.run_id, **counts}

    return lambda_handler
