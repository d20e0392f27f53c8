"""The production wiring of each handler: its step over boto3 adapters, built from its settings once
per Lambda container (on first use), importing only that step's modules (import cost is cold-start
cost).

Settings are read when a handler first runs, not at import, so tests and the local runner can set
the environment after importing the handler module; reset() forgets what was built.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..adapters.aws import DeadLetterQueue
    from ..handlers.common import Wiring
    from .extract_step import ExtractStep
    from .index_step import IndexStep
    from .notify_step import NotifyStep
    from .reindex_step import ReindexStep


@cache
def _client(service: str) -> Any:
    """One client per service per container (the index queue and the dead-letter queue share SQS's)."""
    import boto3
    from botocore.config import Config

    # Bounded network waits: a stalled connection must fail one record, not hold the batch until
    # the function times out (botocore's default read timeout is 60 s).
    return boto3.client(service, config=Config(connect_timeout=5, read_timeout=15, retries={"max_attempts": 3, "mode": "standard"}))


def _dead_letters(queue_url: str | None) -> DeadLetterQueue | None:
    from ..adapters.aws import DeadLetterQueue

    return DeadLetterQueue(_client("sqs"), queue_url) if queue_url else None


@lru_cache(maxsize=1)
def extract_wiring() -> Wiring[ExtractStep]:
    from ..adapters.aws import S3Objects, SqsSender
    from ..extract import ExtractOptions
    from ..handlers.common import Wiring
    from ..settings import ExtractSettings
    from .extract_step import ExtractStep

    settings = ExtractSettings()
    step = ExtractStep(
        objects=S3Objects(_client("s3")),
        index_queue=SqsSender(_client("sqs"), settings.index_queue_url),
        options=ExtractOptions(
            max_bytes=settings.max_upload_bytes, default_tz=settings.default_timezone, time_budget=settings.time_budget_seconds
        ),
        bucket=settings.bucket_name,
    )
    return Wiring(step, _dead_letters(settings.dead_letter_queue_url), settings.reserve_seconds)


@lru_cache(maxsize=1)
def index_wiring() -> Wiring[IndexStep]:
    from ..adapters.dynamodb import DynamoIndexStore
    from ..handlers.common import Wiring
    from ..settings import IndexSettings
    from .index_step import IndexStep

    settings = IndexSettings()
    timers = None
    if settings.release_schedule_group and settings.release_target_arn and settings.release_role_arn:
        from ..adapters.aws import SchedulerTimers

        timers = SchedulerTimers(
            lambda: _client("scheduler"), settings.release_schedule_group, settings.release_target_arn, settings.release_role_arn
        )
    step = IndexStep(store=DynamoIndexStore(_client("dynamodb"), settings.table_name), timers=timers, default_tz=settings.default_timezone)
    return Wiring(step, _dead_letters(settings.dead_letter_queue_url), settings.reserve_seconds)


@lru_cache(maxsize=1)
def reindex_wiring() -> Wiring[ReindexStep]:
    from ..adapters.aws import S3Objects, SqsSender
    from ..adapters.dynamodb import DynamoIndexStore
    from ..extract import ExtractOptions
    from ..handlers.common import Wiring
    from ..settings import ReindexSettings
    from .extract_step import ExtractStep
    from .reindex_step import ReindexStep

    settings = ReindexSettings()
    options = ExtractOptions(
        max_bytes=settings.max_upload_bytes, default_tz=settings.default_timezone, time_budget=settings.time_budget_seconds
    )
    extract = ExtractStep(
        objects=S3Objects(_client("s3")),
        index_queue=SqsSender(_client("sqs"), settings.index_queue_url),
        options=options,
        bucket=settings.bucket_name,
    )
    step = ReindexStep(extract=extract, store=DynamoIndexStore(_client("dynamodb"), settings.table_name), bucket=settings.bucket_name)
    return Wiring(step, None, settings.reserve_seconds)


@lru_cache(maxsize=1)
def notify_wiring() -> Wiring[NotifyStep]:
    from ..adapters.aws import SnsPublisher
    from ..handlers.common import Wiring
    from ..settings import NotifySettings
    from .notify_step import NotifyStep

    return Wiring(NotifyStep(topic=SnsPublisher(_client("sns"), NotifySettings().topic_arn)))


def reset() -> None:
    """Forget what was built (tests and the local runner switch environments)."""
    for factory in (_client, extract_wiring, index_wiring, notify_wiring, reindex_wiring):
        factory.cache_clear()
