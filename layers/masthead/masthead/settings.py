"""Each handler's environment, as a typed settings model read when the handler runs (not at import)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", frozen=True)


class ExtractSettings(_Settings):
    index_queue_url: str = Field(validation_alias="INDEX_QUEUE_URL")
    dead_letter_queue_url: str | None = Field(None, validation_alias="DEAD_LETTER_QUEUE_URL")
    bucket_name: str | None = Field(None, validation_alias="BUCKET_NAME")
    max_upload_bytes: int = Field(10 * 1024 * 1024, validation_alias="MAX_UPLOAD_BYTES", gt=0)
    default_timezone: str = Field("Asia/Tokyo", validation_alias="DEFAULT_TIMEZONE")
    # Wall-clock seconds one upload's extraction may take before it is rejected as too_slow.
    time_budget_seconds: float = Field(5.0, validation_alias="EXTRACT_TIME_BUDGET_SECONDS", gt=0)
    # Seconds kept back from the function's timeout for reading the object and sending the batch.
    reserve_seconds: float = Field(10.0, validation_alias="BATCH_RESERVE_SECONDS", ge=0)


class ReindexSettings(_Settings):
    """The extract function's limits (an extraction must come out as an upload's would), and the
    table the stored versions are read from."""

    index_queue_url: str = Field(validation_alias="INDEX_QUEUE_URL")
    table_name: str = Field(validation_alias="TABLE_NAME")
    bucket_name: str = Field(validation_alias="BUCKET_NAME")
    max_upload_bytes: int = Field(10 * 1024 * 1024, validation_alias="MAX_UPLOAD_BYTES", gt=0)
    default_timezone: str = Field("Asia/Tokyo", validation_alias="DEFAULT_TIMEZONE")
    time_budget_seconds: float = Field(5.0, validation_alias="EXTRACT_TIME_BUDGET_SECONDS", gt=0)
    reserve_seconds: float = Field(10.0, validation_alias="BATCH_RESERVE_SECONDS", ge=0)


class IndexSettings(_Settings):
    table_name: str = Field(validation_alias="TABLE_NAME")
    dead_letter_queue_url: str | None = Field(None, validation_alias="DEAD_LETTER_QUEUE_URL")
    reserve_seconds: float = Field(5.0, validation_alias="BATCH_RESERVE_SECONDS", ge=0)
    # Release and expiry timers: EventBridge Scheduler's group, the queue they send to, the role
    # they send with. Without a group, articles with release or expiry times are still indexed
    # as scheduled or public, but nothing changes them when their time comes.
    release_schedule_group: str | None = Field(None, validation_alias="RELEASE_SCHEDULE_GROUP")
    release_target_arn: str | None = Field(None, validation_alias="RELEASE_TARGET_ARN")
    release_role_arn: str | None = Field(None, validation_alias="RELEASE_ROLE_ARN")
    # The zone an issue's released_on day begins in.
    default_timezone: str = Field("Asia/Tokyo", validation_alias="DEFAULT_TIMEZONE")


class NotifySettings(_Settings):
    topic_arn: str = Field(validation_alias="TOPIC_ARN")
