"""JSON articles: IPTC ninjs (2.x lowercase and 3.x camelCase), schema.org JSON-LD documents, and
the exports of blog platforms and CMSes (WordPress' REST API, Ghost, a plain {"title", "body"})."""

from __future__ import annotations

import json

from ..errors import ExtractionRejected
from . import text
from .draft import Draft
from .frontmatter import apply_metadata

# An article or manifest is a few hundred values; a parsed value costs 50-100 bytes of memory, so a
# 10 MB file of '[],' would need hundreds of MB. Objects and arrays are counted before parsing.
MAX_CONTAINERS = 100_000


def load_json(source: str, code: str = "bad_json"):
    if source.count("{") + source.count("[") > MAX_CONTAINERS:
        raise ExtractionRejected("too_complex", detail=f"its JSON has more than {MAX_CONTAINERS:,} objects and lists")
    try:
        return json.loads(source)
    except json.JSONDecodeError as exc:
        raise ExtractionRejected(code, detail=f"{exc.msg} at line {exc.lineno}") from None
    except RecursionError:
        raise ExtractionRejected(code, detail="it is nested too deeply") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise ExtractionRejected(code, detail=f"a value cannot be read ({exc})") from None


def _role_value(items, preferred: tuple[str | None, ...] = ("main", "", None)):
    """ninjs 3 lists like headlines/bodies/descriptions: [{'role': 'main', 'value': ...}, ...]."""
    if isinstance(items, str):
        return items
    if not isinstance(items, list):
        return None
    for role in preferred:
        for item in items:
            if isinstance(item, dict) and item.get("role") == role and item.get("value"):
                return item
    return next((i for i in items if isinstance(i, dict) and i.get("value")), None)


def _value(item):
    return item.get("value") if isinstance(item, dict) else item


def _html_to_text(value: str) -> list[str]:
    from .htmlparse import check_tree_depth, parse_tree

    tree = parse_tree(value)
    check_tree_depth(tree.body)
    for node in tree.css("script, style"):
        node.decompose()
    blocks = tree.css("h1, h2, h3, h4, h5, h6, p, li, blockquote")
    if blocks:
        return [b.text(deep=True, separator=" ").strip() for b in blocks if b.text(deep=True).strip()]
    return [line for line in (tree.text(deep=True, separator="\n") or "").split("\n") if line.strip()]


def parse_json(source: str) -> Draft:
    data = _rendered(_article_object(load_json(source)))
    draft = Draft()
    apply_metadata(draft, data)
    _read_ninjs(draft, data)
    by = data.get("by") or data.get("byline")
    if by and not draft.authors:
        draft.authors = [by]
    if isinstance(data.get("authors"), list) and not draft.authors:
        draft.authors = [a.get("name") if isinstance(a, dict) else a for a in data["authors"]]
    draft.subtitle = draft.subtitle or data.get("subheadline") or data.get("alternativeHeadline")
    draft.summary = draft.summary or data.get("description_text") or data.get("description")
    for p in _body_paragraphs(data):
        draft.credit_or_paragraph(p)
    return draft


# An export that wraps the article in an object or a list of its own ({"data": {...}}, {"posts":
# [...]}, JSON:API's "attributes", Contentful's "fields").
_WRAPPERS = (
    "data",
    "article",
    "post",
    "story",
    "item",
    "entry",
    "node",
    "document",
    "attributes",
    "fields",
    "articles",
    "posts",
    "stories",
    "items",
    "entries",
    "results",
)
_TITLE_KEYS = ("title", "headline", "heading", "headlines")


def _article_object(data: object) -> dict:
    """The object that holds the article: the top level, the first of a list, a JSON-LD @graph's
    node with a headline or body, or the object an export wraps it in (three wrappers at most)."""
    for _ in range(3):
        if isinstance(data, list) and data and isinstance(data[0], dict):
            data = data[0]
        if not isinstance(data, dict):
            raise ExtractionRejected("bad_json", detail="the top level is not an object with article fields")
        graph = data.get("@graph")
        if isinstance(graph, list):
            data = next((n for n in graph if isinstance(n, dict) and ("headline" in n or "articleBody" in n)), data)
        wrapped = [data[key] for key in _WRAPPERS if isinstance(data.get(key), (dict, list))]
        if any(key in data for key in _TITLE_KEYS) or len(wrapped) != 1:
            return data
        data = wrapped[0]
    return data if isinstance(data, dict) else {}


def _rendered(data: dict) -> dict:
    """An export's fields as text: WordPress' REST API gives each text as {"rendered": "<html>"},
    and its categories and tags as numbers (ids of terms listed elsewhere, which name nothing)."""
    if not any(isinstance(value, dict) and "rendered" in value for value in data.values()):
        return data
    return {key: _text_of_field(key, value) for key, value in data.items()}


_ID_LISTS = frozenset({"categories", "tags", "category", "tag", "author"})


def _text_of_field(key: str, value: object) -> object:
    if isinstance(value, dict) and isinstance(value.get("rendered"), str):
        return value["rendered"]
    if key in _ID_LISTS and isinstance(value, list):
        return [item for item in value if not isinstance(item, int)]
    return None if key in _ID_LISTS and isinstance(value, int) else value


def _read_ninjs(draft: Draft, data: dict) -> None:
    """ninjs 3.x headlines, descriptions and subjects (role-tagged lists)."""
    if "headlines" in data:
        draft.title = _value(_role_value(data["headlines"]))
        sub = _role_value(data["headlines"], ("subtitle", "sub", "subheadline"))
        if isinstance(sub, dict) and sub.get("role") in ("subtitle", "sub", "subheadline"):
            draft.subtitle = sub.get("value")
    if "descriptions" in data:
        draft.summary = _value(_role_value(data["descriptions"], ("summary", "main", "", None)))
    if "subjects" in data or "subject" in data:
        subjects = text.as_list(data.get("subjects") or data.get("subject"))
        if subjects:
            draft.category = draft.category or subjects[0]
            draft.tags = [*draft.tags, *subjects]


# Where an export keeps the text: as text, or as HTML (a CMS's "body" or "content" is usually its
# HTML; plain text read as HTML gives the same lines).
_TEXT_BODY_KEYS = ("body_text", "articleBody", "text", "plaintext", "plain_text", "content_text")
_HTML_BODY_KEYS = ("body_html", "html", "content_html", "bodyHtml", "contentHtml", "body", "content", "bodyText", "contentText")


def _body_paragraphs(data: dict) -> list[str]:
    """Body: ninjs 3 bodies, ninjs 2 body_text/body_html, schema.org articleBody/text, an export's
    body, content or html."""
    body = next((data[k] for k in _TEXT_BODY_KEYS if isinstance(data.get(k), str) and data[k].strip()), None)
    html_body = next((data[k] for k in _HTML_BODY_KEYS if isinstance(data.get(k), str) and data[k].strip()), None)
    if "bodies" in data:
        item = _role_value(data["bodies"])
        if isinstance(item, dict):
            if "html" in str(item.get("contentType", "")).lower():
                html_body = item.get("value")
            else:
                body = item.get("value")
    if body:
        return [p.strip() for p in str(body).replace("\r\n", "\n").split("\n") if p.strip()]
    if isinstance(html_body, str):
        return _html_to_text(html_body)
    return []
