"""Builds each step from its settings and boto3 clients, once per Lambda container (on first use).

Settings are read when a handler first runs, not at import, so tests and the local runner can set
the environment after importing the handler module.
"""

from __future__ import annotations

from functools import lru_cache

from ..extract import ExtractOptions
from .pipeline import ExtractStep, IndexStep, NotifyStep


def _client(service: str):
    import boto3

    return boto3.client(service)


@lru_cache(maxsize=1)
def extract_step() -> ExtractStep:
    from ..adapters.aws import S3Objects, SqsSender
    from ..settings import ExtractSettings

    settings = ExtractSettings()
    return ExtractStep(
        objects=S3Objects(_client("s3")),
        index_queue=SqsSender(_client("sqs"), settings.index_queue_url),
        options=ExtractOptions(max_bytes=settings.max_upload_bytes, default_tz=settings.default_timezone),
    )


@lru_cache(maxsize=1)
def index_step() -> IndexStep:
    from ..adapters.dynamodb import DynamoIndexStore
    from ..settings import IndexSettings

    return IndexStep(store=DynamoIndexStore(_client("dynamodb"), IndexSettings().table_name))


@lru_cache(maxsize=1)
def notify_step() -> NotifyStep:
    from ..adapters.aws import SnsPublisher
    from ..settings import NotifySettings

    return NotifyStep(topic=SnsPublisher(_client("sns"), NotifySettings().topic_arn))


def reset() -> None:
    """Forget built steps (tests and the local runner switch environments)."""
    for factory in (extract_step, index_step, notify_step):
        factory.cache_clear()
