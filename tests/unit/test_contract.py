"""The contract (masthead.model) as pydantic checks it: the bounds declared on the plain dataclasses
that extraction builds are enforced wherever a result is validated, and its JSON form round-trips."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest
from pydantic import ValidationError

from masthead import contract, model


def _article(**fields) -> model.ArticleMetadata:
    return model.ArticleMetadata(**{"key": "articles/a.md", "format": "markdown", "article_id": "a-1", "title": "T", **fields})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("title", "t" * (model.TITLE_MAX + 1)),
        ("summary", "s" * (model.SUMMARY_MAX + 1)),
        ("authors", ["n" * (model.NAME_MAX + 1)]),
        ("authors", ["Ann"] * (model.MAX_AUTHORS + 1)),
        ("tags", ["t" * (model.TAG_MAX + 1)]),
        ("headings", ["h"] * (model.MAX_LIST + 1)),
        ("format", "pdf"),
    ],
)
def test_a_result_outside_the_contract_is_refused(field, value):
    with pytest.raises(ValidationError):
        contract.validated(_article(**{field: value}))
    with pytest.raises(ValidationError):
        contract.extraction_from_dict({**model.as_dict(_article()), field: value})


def test_the_bounds_themselves_are_accepted():
    at_bounds = _article(title="t" * model.TITLE_MAX, authors=["n" * model.NAME_MAX] * model.MAX_AUTHORS)
    assert contract.validated(at_bounds) == at_bounds


def test_unknown_fields_are_refused_and_each_kind_comes_back_as_itself():
    with pytest.raises(ValidationError):
        contract.extraction_from_dict({**model.as_dict(_article()), "body": "x"})
    rejection = model.Rejection(key="k", error=model.RejectionError(code="empty_file", message="Empty."))
    issue = model.IssueMetadata(key="issues/v1.yaml", issue_id="iolite-vol-1", features=["a"])
    for outcome in (_article(tags=["web3"]), rejection, issue):
        assert contract.extraction_from_dict(model.as_dict(outcome)) == outcome


def test_extraction_loads_no_validation_library():
    """What `masthead extract` and the extractor import: pydantic is for the boundaries."""
    code = "import sys, masthead.extract.htmldoc, masthead.extract; print(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_the_json_form_is_what_dataclasses_asdict_gives_with_lists_copied():
    rejection = model.Rejection(key="k", error=model.RejectionError(code="empty_file", message="Empty."))
    issue = model.IssueMetadata(key="issues/v1.yaml", issue_id="iolite-vol-1", features=["a", "b"])
    article = _article(authors=["Ann"], tags=["web3"], headings=["H"], word_count=3, draft=True)
    for outcome in (article, rejection, issue, rejection.error):
        data = model.as_dict(outcome)
        assert data == dataclasses.asdict(outcome) and list(data) == [f.name for f in dataclasses.fields(outcome)]
    data = model.as_dict(article)
    data["authors"].append("Bob")
    assert article.authors == ["Ann"]
    assert model.as_dict(rejection)["error"] == {"code": "empty_file", "message": "Empty."}
