"""JSON articles: IPTC ninjs (2.x lowercase and 3.x camelCase), schema.org JSON-LD documents, and
the exports of blog platforms and CMSes: WordPress' REST API (with its `_embed` names and its UTC
twins of each date), Ghost, a plain {"title", "body"}; a body as text, as HTML (read as a page's
article is) or as structured rich text (richtext.py: Contentful, Sanity, Strapi, Lexical, Editor.js)."""

from __future__ import annotations

import datetime as dt
import json

from ..errors import ExtractionRejected
from . import richtext, text
from .draft import Draft
from .frontmatter import apply_metadata, folded_names

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


def parse_json(source: str) -> Draft:
    data = _article_object(load_json(source))
    embedded = data.get("_embedded")
    data = _rendered(data)
    draft = Draft()
    apply_metadata(draft, data)
    _read_ninjs(draft, data)
    _read_site_zone(draft, data)
    _read_unpublished(draft, data)
    if isinstance(embedded, dict):
        _read_embedded(draft, embedded)
    _read_featured_caption(draft, data.get("feature_image_caption"))
    by = data.get("by") or data.get("byline")
    if by and not draft.authors:
        draft.authors = [by]
    if isinstance(data.get("authors"), list) and not draft.authors:
        draft.authors = [a.get("name") if isinstance(a, dict) else a for a in data["authors"]]
    draft.subtitle = draft.subtitle or data.get("subheadline") or data.get("alternativeHeadline")
    draft.summary = draft.summary or data.get("description_text") or data.get("description")
    _read_body(draft, data)
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


def _read_body(draft: Draft, data: dict) -> None:
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
        for line in str(body).replace("\r\n", "\n").split("\n"):
            if line.strip():
                draft.credit_or_paragraph(line.strip())
    elif isinstance(html_body, str):
        from .htmldoc import read_article_html  # only an export with an HTML body pays for the page reader

        read_article_html(draft, html_body)
    else:
        _read_rich_text(draft, data)


# Where a CMS keeps a body as structured rich text (Contentful, Sanity, Strapi, Payload, Editor.js).
_RICH_TEXT_KEYS = ("body", "content", "richText", "rich_text", "blocks", "text", "articleBody", "bodyText", "contentText")


def _read_rich_text(draft: Draft, data: dict) -> None:
    for key in _RICH_TEXT_KEYS:
        if isinstance(data.get(key), (dict, list)) and (found := richtext.lines(data[key])):
            for kind, line in found:
                if kind == "heading":
                    draft.heading(line)
                else:
                    draft.credit_or_paragraph(line)
            return


# WordPress gives each date twice: in the site's zone ("date") and in UTC ("date_gmt").
_SITE_AND_UTC_TIMES = (("published", "date", "date_gmt"), ("updated", "modified", "modified_gmt"))
_MAX_OFFSET_MINUTES = 14 * 60


def _read_site_zone(draft: Draft, data: dict) -> None:
    """The site's own offset on WordPress' dates, from their UTC twins ("2025-06-03T09:30:00" and
    "2025-06-03T13:30:00" were written at -04:00): without it a bare time would be read in the
    default zone, the right day but the wrong instant."""
    for field, local_key, utc_key in _SITE_AND_UTC_TIMES:
        local, utc = data.get(local_key), data.get(utc_key)
        if getattr(draft, field) == local and (zoned := _with_offset(local, utc)):
            setattr(draft, field, zoned)


def _read_unpublished(draft: Draft, data: dict) -> None:
    """A draft as a CMS marks one without a status: Strapi's (and Ghost's) `publishedAt` is there
    and null until the entry is published; Sanity keeps a draft under an `_id` of "drafts.…". A
    status or a draft flag of the document's own says more and is kept."""
    if draft.draft is not None or draft.pubstatus is not None:
        return
    folded = folded_names(data)
    sanity_id = data.get("_id")
    if ("publishedat" in folded and folded["publishedat"] is None) or (isinstance(sanity_id, str) and sanity_id.startswith("drafts.")):
        draft.draft = True


def _with_offset(local: object, utc: object) -> str | None:
    if not (isinstance(local, str) and isinstance(utc, str) and len(local) <= 40 and len(utc) <= 40):
        return None
    try:
        site_time, utc_time = dt.datetime.fromisoformat(local), dt.datetime.fromisoformat(utc)
    except ValueError:
        return None  # a draft's "0000-00-00T00:00:00", or no time at all
    if site_time.tzinfo is not None or utc_time.tzinfo is not None:
        return None
    minutes, seconds = divmod(round((site_time - utc_time).total_seconds()), 60)
    if seconds or minutes % 15 or abs(minutes) > _MAX_OFFSET_MINUTES:
        return None  # not two readings of one instant
    hours, minutes = divmod(abs(minutes), 60)
    return f"{site_time.isoformat()}{'-' if site_time < utc_time else '+'}{hours:02d}:{minutes:02d}"


def _read_embedded(draft: Draft, embedded: dict) -> None:
    """WordPress' `_embed`: the names its ids stand for (the author's; the category's and the
    tags' in "wp:term", one list per taxonomy) and its featured image's credit."""
    if not draft.authors:
        draft.authors = [author.get("name") for author in _objects(embedded.get("author"))]  # (what names no one is dropped)
    terms = [term for group in _list(embedded.get("wp:term")) for term in _objects(group)]
    named = [(term.get("taxonomy"), term["name"]) for term in terms if isinstance(term.get("name"), str)]
    categories = [name for taxonomy, name in named if taxonomy == "category"]
    if categories and not draft.category:
        draft.category, categories = categories[0], categories[1:]
    draft.tags.extend([*categories, *(name for taxonomy, name in named if taxonomy == "post_tag")])
    for media in _objects(embedded.get("wp:featuredmedia"))[:1]:
        details = media.get("media_details")
        image = details.get("image_meta") if isinstance(details, dict) else None
        credit = image.get("credit") if isinstance(image, dict) else None
        if isinstance(credit, str) and credit.strip():
            draft.image_credits.append(credit)  # the photo's own credit (IPTC/EXIF), as WordPress read it
        caption = media.get("caption")
        _read_featured_caption(draft, caption.get("rendered") if isinstance(caption, dict) else caption)


def _read_featured_caption(draft: Draft, caption: object) -> None:
    """A featured image's caption (Ghost's feature_image_caption, WordPress' media caption): its
    credit when it is a credit line ("Photo: Ann Lee"); a caption is not body text."""
    line = text.clean(caption, 1000)
    if line and (found := text.credit_line(line)):
        getattr(draft, found[0]).extend(found[1])


def _list(value: object) -> list:
    return value[:MAX_LIST] if isinstance(value, list) else []


def _objects(value: object) -> list[dict]:
    return [item for item in _list(value) if isinstance(item, dict)]


MAX_LIST = 200  # names of terms and authors read from an export: more is no article's
