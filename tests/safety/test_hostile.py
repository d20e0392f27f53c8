"""Hostile uploads: the regression corpus (tests/safety/cases.py) and property-based fuzzing.

Whatever the bytes, extract() returns an accepted result or a rejection with a known code; it never
raises, never writes a Python repr() into a field, and keeps every field within the contract.
Time and memory budgets are measured by `make bench` (bench/safety.py), not asserted here; the
whole corpus through the pipeline is tests/integration/test_hostile_pipeline.py.
"""

from __future__ import annotations

import io
import json
import os
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead import contract, model
from masthead.extract import REJECTION_MESSAGES, ExtractOptions, extract
from tests.safety.cases import CASES, W

# No time budget here: a case that only passes because the timer cut it short would hide a
# regression to super-linear time (the benchmark reports time).
UNBUDGETED = ExtractOptions(time_budget=None)
_REPR_MARKERS = ("{'", "['", "datetime.", "Decimal(", "<object", "b'")


def _check_contract(result, given: str = "") -> None:
    """What every result must satisfy, accepted or not. `given`: the text the upload was made from
    (a repr marker that the editor typed is not a repr)."""
    data = result.as_dict()
    contract.extraction_from_dict(data)  # the contract's own bounds and types
    if data["status"] == "rejected":
        assert data["error"]["code"] in REJECTION_MESSAGES
        assert data["error"]["code"] != "internal_error", data
        assert len(data["error"]["message"]) <= model.ERROR_MESSAGE_MAX
        return
    for value in _strings(data):
        assert not any(marker in value and marker not in given for marker in _REPR_MARKERS), value


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_case_gets_its_outcome(case):
    result = extract(case.key, case.data(), UNBUDGETED)
    metadata = result.metadata
    outcome = metadata.status if metadata.status == "accepted" else metadata.error.code
    assert outcome == case.outcome, result.as_dict() if outcome == "accepted" else metadata.error.message
    if case.title is not None:
        assert metadata.title == case.title
    _check_contract(result)


def test_every_case_has_a_name_and_a_key_of_its_own():
    # the pipeline test writes every case to its key: two cases on one key would test one of them
    assert len({c.name for c in CASES}) == len({c.key for c in CASES}) == len(CASES)


def test_the_corpus_covers_every_format():
    suffixes = {c.key.rsplit(".", 1)[1] for c in CASES}
    assert {"md", "txt", "html", "json", "docx", "yaml"} <= suffixes


def test_a_slow_upload_is_rejected_as_too_slow_not_left_running():
    # Budget far below what a 3 MB article needs: the timer must cut extraction short.
    data = b"# T\n\n" + b"A sentence of the article body. " * 100_000
    result = extract("articles/a/slow.md", data, ExtractOptions(time_budget=0.001))
    assert result.metadata.error.code == "too_slow"
    assert "0.001 seconds" in result.metadata.error.message


def test_no_time_budget_reads_the_same_upload():
    data = b"# T\n\n" + b"A sentence of the article body. " * 100_000
    assert extract("articles/a/slow.md", data, UNBUDGETED).accepted


# --- fuzzing ----------------------------------------------------------------------------------------

# In CI (CI=true) the same examples run every time, so a failure there is reproducible, never a
# flake; on a developer's machine every run explores new ones (and --hypothesis-seed=N repeats one).
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces attackers (and careless editors) repeat: markup delimiters, separators, whitespace.
_PIECES = st.sampled_from(
    [
        "#",
        "# ",
        "*",
        "_",
        "~",
        "`",
        "[",
        "]",
        "(",
        ")",
        "![",
        "<",
        ">",
        "</",
        "/>",
        "<div>",
        "<div/>",
        "<p>",
        "<span class='author'>",
        "<script>",
        "---\n",
        "+++\n",
        "&amp;",
        "&#",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\u3000",
        "：",
        ":",
        ",",
        "、",
        "|",
        "-",
        "=",
        "By ",
        "Reference: ",
        "Image: ",
        "2024/01/01",
        "令和5年1月1日",
        "title: ",
        "x",
        "日本語",
        "\ufeff",
        "\x00",
        "\x1b$B",
        "{",
        "}",
        '"',
        "'",
        "\\",
    ]
)
_HOSTILE_TEXT = st.lists(st.tuples(_PIECES, st.integers(1, 2000)), min_size=1, max_size=12).map(
    lambda parts: "".join(piece * count for piece, count in parts)
)
_KEYS = st.sampled_from(
    [
        "articles/f/x.md",
        "articles/f/x.txt",
        "articles/f/x.html",
        "articles/f/x.json",
        "articles/f/x",
        "issues/x.yaml",
        "issues/x.md",
        "issues/x.json",
    ]
)
_ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp932", "euc_jp", "iso2022_jp", "cp1252"])


def _encode(value: str, encoding: str) -> bytes:
    return value.encode(encoding, errors="ignore")


@FUZZ
@given(key=_KEYS, body=_HOSTILE_TEXT, encoding=_ENCODINGS)
def test_fuzz_repeated_pieces_never_raise(key, body, encoding):
    _check_contract(extract(key, _encode(body, encoding), UNBUDGETED), body)


@FUZZ
@given(key=_KEYS, data=st.binary(max_size=4000))
def test_fuzz_random_bytes_never_raise(key, data):
    _check_contract(extract(key, data, UNBUDGETED), data.decode("latin-1"))


# Values of every JSON/YAML type, nested, in the places the parsers read.
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=50))
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12
)
_FIELDS = st.sampled_from(
    [
        "title",
        "headline",
        "subtitle",
        "author",
        "authors",
        "date",
        "published",
        "updated",
        "category",
        "tags",
        "keywords",
        "language",
        "issue",
        "isPartOf",
        "position",
        "summary",
        "description",
        "publication",
        "volume",
        "released_on",
        "features",
        "cover",
        "body_text",
        "articleBody",
        "body_html",
        "headlines",
        "by",
        "subjects",
    ]
)
_DOCUMENTS = st.dictionaries(_FIELDS, _VALUES, max_size=10)


@FUZZ
@given(document=_DOCUMENTS)
def test_fuzz_json_values_of_any_type(document):
    data = json.dumps({"headline": "Title", "body_text": "Body.", **document}).encode()
    given = json.dumps(document)
    _check_contract(extract("articles/f/x.json", data, UNBUDGETED), given)
    _check_contract(extract("issues/x.json", json.dumps({"publication": "Iolite", "volume": 1, **document}).encode(), UNBUDGETED), given)


@FUZZ
@given(document=_DOCUMENTS)
def test_fuzz_front_matter_values_of_any_type(document):
    import yaml

    front = yaml.safe_dump(document, allow_unicode=True)
    _check_contract(extract("articles/f/x.md", f"---\n{front}---\n# Heading\n\nBody.\n".encode(), UNBUDGETED), front)
    _check_contract(extract("issues/x.yaml", front.encode(), UNBUDGETED), front)


@FUZZ
@given(
    paragraphs=st.lists(st.tuples(st.sampled_from(["", "Title", "Heading1", "a1", "Normal"]), _HOSTILE_TEXT), max_size=6),
    core=st.one_of(st.none(), _HOSTILE_TEXT),
)
def test_fuzz_docx_never_raises(paragraphs, core):
    from xml.sax.saxutils import escape

    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r></w:p>' for style, text in paragraphs
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
        if core is not None:
            archive.writestr(
                "docProps/core.xml",
                f'<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{escape(core)}</dc:title></cp:coreProperties>',
            )
    _check_contract(extract("articles/f/x.docx", out.getvalue(), UNBUDGETED), "".join(t for _s, t in paragraphs) + (core or ""))


_LD_FIELDS = st.sampled_from(
    [
        "headline",
        "alternativeHeadline",
        "author",
        "datePublished",
        "dateModified",
        "articleSection",
        "keywords",
        "inLanguage",
        "description",
        "isPartOf",
        "publisher",
        "name",
        "@type",
        "@id",
        "@graph",
    ]
)


@FUZZ
@given(ld=st.dictionaries(_LD_FIELDS, _VALUES, max_size=8), meta=_SCALARS)
def test_fuzz_html_structured_data_of_any_type(ld, meta):
    from html import escape

    page = (
        f'<html lang="{escape(str(meta))}"><head><script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **ld})}</script>'
        f'<meta property="og:title" content="{escape(str(meta))}"><title>Page</title></head>'
        "<body><article><h1>Headline</h1><p>Body text.</p></article></body></html>"
    )
    _check_contract(extract("articles/f/x.html", page.encode(), UNBUDGETED), json.dumps(ld) + str(meta))
