"""The contract's results (masthead.model) as pydantic validates them: tagged by `status` and
`kind` as they travel on the index queue, with every bound of the contract checked."""

from typing import Annotated, Any

from pydantic import Discriminator, Tag, TypeAdapter

from .model import ArticleMetadata, IssueMetadata, Outcome, Rejection


def _extraction_kind(value: Any) -> str:
    """Which result an extraction (an object or its JSON form) is: rejected, issue or article."""
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


def _adapter() -> TypeAdapter[Extraction]:
    global _extraction_adapter
    if _extraction_adapter is None:  # built on first use: cold start
        _extraction_adapter = TypeAdapter(Extraction)
    return _extraction_adapter


def extraction_from_dict(data: dict) -> Outcome:
    """Rebuild an extraction result from its JSON form, with every bound of the contract checked."""
    return _adapter().validate_python(data)


def validated(outcome: Outcome) -> Outcome:
    """The same result, checked against every bound of the contract (raises ValidationError)."""
    return _adapter().validate_python(outcome)
