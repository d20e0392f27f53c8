"""Builds each step (importing only that step's modules: import cost is cold-start cost) from its
settings and boto3 clients, once per Lambda container (on first use).

Settings are read when a handler first runs, not at import, so tests and the local runner can set
the environment after importing the handler module.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..adapters.aws import DeadLetterQueue
    from ..settings import ExtractSettings, IndexSettings
    from .extract_step import ExtractStep
    from .index_step import IndexStep
    from .notify_step import NotifyStep


@cache
def _client(service: str):
    """One client per service per container (the index queue and the dead-letter queue share SQS's)."""
    import boto3
    from botocore.config import Config

    # Bounded network waits: a stalled connection must fail one record, not hold the batch until
    # the function times out (botocore's default read timeout is 60 s).
    return boto3.client(service, config=Config(connect_timeout=5, read_timeout=15, retries={"max_attempts": 3, "mode": "standard"}))


@lru_cache(maxsize=4)
def _dead_letters(queue_url: str | None) -> DeadLetterQueue | None:
    from ..adapters.aws import DeadLetterQueue

    return DeadLetterQueue(_client("sqs"), queue_url) if queue_url else None


@lru_cache(maxsize=1)
def extract_settings() -> ExtractSettings:
    from ..settings import ExtractSettings

    return ExtractSettings()


@lru_cache(maxsize=1)
def extract_step() -> ExtractStep:
    from ..adapters.aws import S3Objects, SqsSender
    from ..extract import ExtractOptions
    from .extract_step import ExtractStep

    settings = extract_settings()
    return ExtractStep(
        objects=S3Objects(_client("s3")),
        index_queue=SqsSender(_client("sqs"), settings.index_queue_url),
        options=ExtractOptions(
            max_bytes=settings.max_upload_bytes, default_tz=settings.default_timezone, time_budget=settings.time_budget_seconds
        ),
        bucket=settings.bucket_name,
    )


def extract_dead_letters() -> DeadLetterQueue | None:
    return _dead_letters(extract_settings().dead_letter_queue_url)


def extract_reserve_seconds() -> float:
    return extract_settings().reserve_seconds


@lru_cache(maxsize=1)
def index_settings() -> IndexSettings:
    from ..settings import IndexSettings

    return IndexSettings()


def index_reserve_seconds() -> float:
    return index_settings().reserve_seconds


@lru_cache(maxsize=1)
def index_step() -> IndexStep:
    from ..adapters.dynamodb import DynamoIndexStore
    from .index_step import IndexStep

    return IndexStep(store=DynamoIndexStore(_client("dynamodb"), index_settings().table_name))


def index_dead_letters() -> DeadLetterQueue | None:
    return _dead_letters(index_settings().dead_letter_queue_url)


@lru_cache(maxsize=1)
def notify_step() -> NotifyStep:
    from ..adapters.aws import SnsPublisher
    from ..settings import NotifySettings
    from .notify_step import NotifyStep

    return NotifyStep(topic=SnsPublisher(_client("sns"), NotifySettings().topic_arn))


def reset() -> None:
    """Forget built steps (tests and the local runner switch environments)."""
    for factory in (_client, _dead_letters, extract_settings, extract_step, index_settings, index_step, notify_step):
        factory.cache_clear()
