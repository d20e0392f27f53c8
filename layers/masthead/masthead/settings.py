"""Each handler's environment, as a typed settings model read when the handler runs (not at import)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", frozen=True)


class ExtractSettings(_Settings):
    index_queue_url: str = Field(validation_alias="INDEX_QUEUE_URL")
    max_upload_bytes: int = Field(10 * 1024 * 1024, validation_alias="MAX_UPLOAD_BYTES", gt=0)
    default_timezone: str = Field("Asia/Tokyo", validation_alias="DEFAULT_TIMEZONE")


class IndexSettings(_Settings):
    table_name: str = Field(validation_alias="TABLE_NAME")


class NotifySettings(_Settings):
    topic_arn: str = Field(validation_alias="TOPIC_ARN")
