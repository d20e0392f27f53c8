"""What every handler module shares: Powertools set up from the environment, and the batch wrapper.

Service name, log level and metrics namespace come from the template's environment variables
(POWERTOOLS_SERVICE_NAME, POWERTOOLS_LOG_LEVEL, POWERTOOLS_METRICS_NAMESPACE).
"""

from __future__ import annotations

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response

__all__ = ["EventType", "batch_handler", "powertools"]


def powertools() -> tuple[Logger, Metrics, Tracer]:
    # Patch only botocore (what the handlers call): patch_all would import requests, httpx and more.
    return Logger(), Metrics(), Tracer(patch_modules=["botocore"])


def batch_handler(event_type: EventType, record_handler, logger: Logger, metrics: Metrics, tracer: Tracer):
    """A Lambda handler that runs `record_handler` per record and reports partial batch failures."""
    processor = BatchProcessor(event_type=event_type)

    @logger.inject_lambda_context(clear_state=True)
    @tracer.capture_lambda_handler
    @metrics.log_metrics
    def lambda_handler(event, context):
        return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)

    return lambda_handler
