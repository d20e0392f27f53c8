"""The field contract shared by `masthead extract --json`, the index and the notifications.

One class per kind of upload outcome: an accepted article, an accepted issue manifest, a rejected
upload. Field names and bounds here are the contract; docs/index.md and docs/events.md describe it.

They are plain frozen dataclasses, so extraction builds them without loading a validation library
(pydantic's import and model building were 8 % of a `masthead extract` run over the web corpus).
Extraction bounds every field by construction; pydantic checks the same bounds, declared here,
wherever a result crosses a boundary: on the index queue (messages.IndexMessage) and in
contract.extraction_from_dict.
"""

# No `from __future__ import annotations` here: pydantic would evaluate every field's annotation
# from its string (a compile per field) when it first validates a result.
from dataclasses import dataclass, field, fields
from typing import Annotated, Any, Literal

# Length bounds for every text field (characters). Extraction truncates to these before building
# a result, so a valid upload never fails validation.
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


class Length:
    """A length bound on a text or a list, as pydantic enforces it (its core schema's min_length
    and max_length) wherever the contract is validated. Declared without importing pydantic: it
    calls this hook when it builds a schema."""

    __slots__ = ("max_length", "min_length")

    def __init__(self, max_length: int, min_length: int = 0) -> None:
        self.max_length, self.min_length = max_length, min_length

    def __repr__(self) -> str:
        return f"Length({self.max_length}, {self.min_length})"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> dict:
        bounded = {**handler(source), "max_length": self.max_length}
        if self.min_length:
            bounded["min_length"] = self.min_length
        return bounded


Format = Literal["markdown", "html", "text", "json", "docx"]
Title = Annotated[str, Length(TITLE_MAX, min_length=1)]
Short = Annotated[str, Length(LINE_MAX)]
Name = Annotated[str, Length(NAME_MAX)]
TagText = Annotated[str, Length(TAG_MAX)]
Heading = Annotated[str, Length(HEADING_MAX)]

# How pydantic validates a result (it reads `__pydantic_config__` from a standard dataclass): unknown
# fields refused, and a result built by extraction checked again wherever it is validated (in an
# index message), not taken as it is.
_STRICT = {"extra": "forbid", "revalidate_instances": "always"}


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleMetadata:
    __pydantic_config__ = _STRICT

    key: str
    status: Literal["accepted"] = "accepted"
    kind: Literal["article"] = "article"
    format: Format
    article_id: str
    title: Title
    subtitle: Annotated[str, Length(SUBTITLE_MAX)] | None = None
    authors: Annotated[list[Name], Length(MAX_AUTHORS)] = field(default_factory=list)
    published_at: str | None = None
    updated_at: str | None = None
    category: TagText | None = None
    tags: Annotated[list[TagText], Length(MAX_TAGS)] = field(default_factory=list)
    labels: Annotated[list[TagText], Length(MAX_TAGS)] = field(default_factory=list)
    language: str | None = None
    issue_id: str | None = None
    position: int | None = None
    summary: Annotated[str, Length(SUMMARY_MAX)] | None = None
    headings: Annotated[list[Heading], Length(MAX_LIST)] = field(default_factory=list)
    references: Annotated[list[Short], Length(MAX_LIST)] = field(default_factory=list)
    image_credits: Annotated[list[Short], Length(MAX_LIST)] = field(default_factory=list)
    related_titles: Annotated[list[Short], Length(MAX_LIST)] = field(default_factory=list)
    word_count: int = 0
    reading_minutes: int = 0
    # Scheduling, as the upload declares it (ISO 8601 with an offset): not public before
    # `release_at` nor after `expiry_at`, never while `draft`.
    release_at: str | None = None
    expiry_at: str | None = None
    draft: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueMetadata:
    __pydantic_config__ = _STRICT

    key: str
    status: Literal["accepted"] = "accepted"
    kind: Literal["issue"] = "issue"
    issue_id: str
    publication: Name | None = None
    volume: int | None = None
    title: Annotated[str, Length(TITLE_MAX)] | None = None
    released_on: str | None = None
    cover: Short | None = None
    features: Annotated[list[Short], Length(MAX_LIST)] = field(default_factory=list)
    description: Annotated[str, Length(DESCRIPTION_MAX)] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RejectionError:
    __pydantic_config__ = _STRICT

    code: str
    message: Annotated[str, Length(ERROR_MESSAGE_MAX)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejection:
    __pydantic_config__ = _STRICT

    key: str
    status: Literal["rejected"] = "rejected"
    error: RejectionError


# One upload's outcome (contract.Extraction is the same union, tagged for validation).
Outcome = ArticleMetadata | IssueMetadata | Rejection


def as_dict(outcome: Outcome | RejectionError) -> dict[str, Any]:
    """The JSON form of a result, fields in declaration order (every value is a JSON type): what
    dataclasses.asdict gives for these fields (lists copied, the error as a dict of its own), read
    field by field instead of through its deep copy of every value."""
    data = {name: getattr(outcome, name) for name in _FIELD_NAMES[type(outcome)]}
    for name, value in data.items():
        if isinstance(value, list):
            data[name] = list(value)  # lists of text: a copy, as asdict makes
        elif isinstance(value, RejectionError):
            data[name] = as_dict(value)
    return data


_FIELD_NAMES = {cls: tuple(f.name for f in fields(cls)) for cls in (ArticleMetadata, IssueMetadata, Rejection, RejectionError)}
