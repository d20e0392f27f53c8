"""The message the extract function sends to the index queue: one S3 change, extracted."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from .contract import Extraction


class SourceObject(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use: cold start

    bucket: str
    key: str
    version_id: str | None = None
    etag: str | None = None
    size: int | None = None
    sha256: str | None = None


class IndexMessage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use: cold start

    action: Literal["upsert", "delete"]
    key: str
    sequencer: str
    event_time: str | None = None
    source: SourceObject
    # What extraction made of the upload (ArticleMetadata, IssueMetadata or Rejection); None for deletes.
    extraction: Extraction | None = None
    extractor_version: str | None = None
    # Set by a reindex run (the run's id): the stored version of the key extracted again, not a new
    # upload. It replaces only that version, and only when the extraction differs.
    reindex_run: str | None = None

    @model_validator(mode="after")
    def _extraction_matches_action(self) -> IndexMessage:
        if (self.action == "upsert") != (self.extraction is not None):
            raise ValueError("an upsert carries its extraction and a delete none")
        return self


class ReleaseMessage(BaseModel):
    """What an EventBridge Scheduler schedule puts on the index queue when an article's release or
    expiry time comes: which version of which key it was made for, and the time it was set to."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    kind: Literal["release", "expire", "issue"]
    key: str  # the article's S3 key; for "issue", the issue id
    sequencer: str  # the article version's S3 sequencer; for "issue", the claims version
    scheduled_time: str | None = None  # <aws.scheduler.scheduled-time>, filled in by the scheduler
