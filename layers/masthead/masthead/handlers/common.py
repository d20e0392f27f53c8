"""What every handler shares: Powertools set up from the environment, the Lambda wrapper, the
wiring a handler is built with, and the record shapes the batch runner reads.

Service name, log level and metrics namespace come from the template's environment variables
(POWERTOOLS_SERVICE_NAME, POWERTOOLS_LOG_LEVEL, POWERTOOLS_METRICS_NAMESPACE).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.logging.utils import copy_config_to_registered_loggers
from aws_lambda_powertools.metrics import MetricUnit

from ..ports import DeadLetters
from ..service.batch import Output, Record, run_batch

__all__ = ["LambdaHandler", "Wiring", "lambda_entry", "powertools", "remaining_seconds", "run_sqs_batch", "sqs_records", "stream_records"]

LambdaHandler = Callable[[dict, Any], dict]
Step = TypeVar("Step")


@dataclass(frozen=True)
class Wiring(Generic[Step]):
    """What a handler runs with: its step (and through it, its adapters), where messages no retry
    can help go, and the seconds kept back from the function's timeout for sending the outputs."""

    step: Step
    dead_letters: DeadLetters | None = None
    reserve_seconds: float = 0.0


def powertools() -> tuple[Logger, Metrics, Tracer]:
    logger = Logger()
    # The domain logs through the stdlib logger "masthead" (it imports no Powertools): give it the
    # function's handler, JSON format and level, so its lines ("object already gone", a batch cut
    # short) show at the level the template sets, like the handler's own, not at the root's WARNING.
    logging.getLogger(DOMAIN_LOGGER)  # registered before the configuration is copied to it
    copy_config_to_registered_loggers(source_logger=logger, include={DOMAIN_LOGGER})
    # Patch only botocore (what the handlers call): patch_all would import requests, httpx and more.
    return logger, Metrics(), Tracer(patch_modules=["botocore"])


DOMAIN_LOGGER = "masthead"


def lambda_entry(logger: Logger, metrics: Metrics, tracer: Tracer) -> Callable[[Callable], Callable]:
    """Decorate a Lambda handler with the Powertools logger context, tracing and metrics flush."""

    def decorate(handler: Callable) -> Callable:
        return logger.inject_lambda_context(clear_state=True)(tracer.capture_lambda_handler(metrics.log_metrics(handler)))

    return decorate


def sqs_records(event: dict) -> list[Record]:
    return [Record(id=r["messageId"], body=r.get("body") or "") for r in event.get("Records") or []]


def stream_records(event: dict) -> list[Record]:
    return [Record(id=r["dynamodb"]["SequenceNumber"], body=r) for r in event.get("Records") or []]


def remaining_seconds(context: object) -> Callable[[], float] | None:
    getter = getattr(context, "get_remaining_time_in_millis", None)
    return (lambda: getter() / 1000) if getter else None


def run_sqs_batch(
    event: dict,
    context: object,
    wired: Wiring,
    process: Callable[[Record, float | None], Iterable[Output]],
    flush: Callable[[list[tuple[str, Output]]], set[str]],
    *,
    source: str,
    metrics: Metrics,
) -> dict:
    """One SQS batch through `process` and `flush` within the function's time, messages no retry
    can help dead-lettered (and counted); the partial-batch response."""
    result = run_batch(
        sqs_records(event),
        process,
        flush,
        remaining_seconds=remaining_seconds(context),
        reserve_seconds=wired.reserve_seconds,
        dead_letters=wired.dead_letters,
        source=source,
    )
    metrics.add_metric(name="Messages_dead_lettered", unit=MetricUnit.Count, value=len(result.dead_lettered))
    return result.response()
