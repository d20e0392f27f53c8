"""The field contract shared by `masthead extract --json`, the index and the notifications.

One model per kind of upload outcome: an accepted article, an accepted issue manifest, a rejected
upload. Field names and bounds here are the contract; docs/index.md and docs/events.md describe it.
"""

# No `from __future__ import annotations` here: pydantic would evaluate every field's annotation
# from its string (a compile per field), about 50 ms more on every cold start and `masthead extract`.
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, TypeAdapter

# Length bounds for every text field (characters). Extraction truncates to these before building
# the model, so a valid upload never fails validation; the model still enforces them.
TITLE_MAX = 300
SUBTITLE_MAX = 300
NAME_MAX = 120
TAG_MAX = 60
SUMMARY_MAX = 300
HEADING_MAX = 200
LINE_MAX = 300
DESCRIPTION_MAX = 2000
MAX_AUTHORS = 10
MAX_TAGS = 20
MAX_LIST = 50
ERROR_MESSAGE_MAX = 500

Title = Annotated[str, StringConstraints(min_length=1, max_length=TITLE_MAX)]
Short = Annotated[str, StringConstraints(max_length=LINE_MAX)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built on first use: cold start


class ArticleMetadata(_Strict):
    key: str
    status: Literal["accepted"] = "accepted"
    kind: Literal["article"] = "article"
    format: Literal["markdown", "html", "text", "json", "docx"]
    article_id: str
    title: Title
    subtitle: Annotated[str, StringConstraints(max_length=SUBTITLE_MAX)] | None = None
    authors: list[Annotated[str, StringConstraints(max_length=NAME_MAX)]] = Field(default_factory=list, max_length=MAX_AUTHORS)
    published_at: str | None = None
    updated_at: str | None = None
    category: Annotated[str, StringConstraints(max_length=TAG_MAX)] | None = None
    tags: list[Annotated[str, StringConstraints(max_length=TAG_MAX)]] = Field(default_factory=list, max_length=MAX_TAGS)
    labels: list[Annotated[str, StringConstraints(max_length=TAG_MAX)]] = Field(default_factory=list, max_length=MAX_TAGS)
    language: str | None = None
    issue_id: str | None = None
    position: int | None = None
    summary: Annotated[str, StringConstraints(max_length=SUMMARY_MAX)] | None = None
    headings: list[Annotated[str, StringConstraints(max_length=HEADING_MAX)]] = Field(default_factory=list, max_length=MAX_LIST)
    references: list[Short] = Field(default_factory=list, max_length=MAX_LIST)
    image_credits: list[Short] = Field(default_factory=list, max_length=MAX_LIST)
    related_titles: list[Short] = Field(default_factory=list, max_length=MAX_LIST)
    word_count: int = 0
    reading_minutes: int = 0
    # Scheduling, as the upload declares it (ISO 8601 with an offset): not public before
    # `release_at` nor after `expiry_at`, never while `draft`.
    release_at: str | None = None
    expiry_at: str | None = None
    draft: bool = False


class IssueMetadata(_Strict):
    key: str
    status: Literal["accepted"] = "accepted"
    kind: Literal["issue"] = "issue"
    issue_id: str
    publication: Annotated[str, StringConstraints(max_length=NAME_MAX)] | None = None
    volume: int | None = None
    title: Annotated[str, StringConstraints(max_length=TITLE_MAX)] | None = None
    released_on: str | None = None
    cover: Short | None = None
    features: list[Short] = Field(default_factory=list, max_length=MAX_LIST)
    description: Annotated[str, StringConstraints(max_length=DESCRIPTION_MAX)] | None = None


class RejectionError(_Strict):
    code: str
    message: Annotated[str, StringConstraints(max_length=ERROR_MESSAGE_MAX)]


class Rejection(_Strict):
    key: str
    status: Literal["rejected"] = "rejected"
    error: RejectionError


def _extraction_kind(value: Any) -> str:
    """Which model an extraction result (a model or its JSON form) is: rejected, issue or article."""
    get = value.get if isinstance(value, dict) else lambda name, default=None: getattr(value, name, default)
    if get("status") == "rejected":
        return "rejected"
    return "issue" if get("kind") == "issue" else "article"


# One upload's outcome, tagged by `status` and `kind` (as carried on the index queue).
Extraction = Annotated[
    Annotated[ArticleMetadata, Tag("article")] | Annotated[IssueMetadata, Tag("issue")] | Annotated[Rejection, Tag("rejected")],
    Discriminator(_extraction_kind),
]

_extraction_adapter: TypeAdapter[Extraction] | None = None


def extraction_from_dict(data: dict) -> ArticleMetadata | IssueMetadata | Rejection:
    """Rebuild an extraction result from its JSON form, with every bound of the contract checked."""
    global _extraction_adapter
    if _extraction_adapter is None:  # built on first use: cold start
        _extraction_adapter = TypeAdapter(Extraction)
    return _extraction_adapter.validate_python(data)
