"""Front matter and metadata dictionaries: YAML (safely), TOML, and the many names editors use."""

from __future__ import annotations

import re

from ..errors import ExtractionRejected
from . import precompiled
from .draft import Draft
from .text import as_list, scalar_text

_TEXT_FIELDS = frozenset({"title", "subtitle", "summary", "language", "position"})

MAX_FRONT_MATTER = 64 * 1024
# A front matter block is a few dozen values; more nodes than this, counting every alias expansion,
# is an alias bomb (or a mistake) and is refused before anything walks the whole structure.
MAX_NODES = 10_000

# The block between the fences may be empty ("---" right under "---": Jekyll pages without a value).
_YAML_FENCE = precompiled.pattern(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:(.*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_FENCE = precompiled.pattern(r"\A(?:\ufeff)?\+\+\+[ \t]*\r?\n(?:(.*?)\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(source: str) -> tuple[dict | None, str]:
    """(front matter as a dict or None, the rest of the document). Raises ExtractionRejected."""
    for fence, parse in ((_YAML_FENCE, load_yaml), (_TOML_FENCE, load_toml)):
        m = fence.match(source)
        if m:
            data = parse(m.group(1) or "")
            if data is None:
                data = {}
            if not isinstance(data, dict):
                raise ExtractionRejected("bad_front_matter", detail="it is not a list of 'name: value' lines")
            return data, source[m.end() :]
    if source.lstrip("\ufeff").startswith(("---\n", "---\r\n", "+++\n")):
        raise ExtractionRejected("bad_front_matter", detail="the closing '---' line is missing")
    return _metadata_lines(source) or (None, source)


# MultiMarkdown's, Pelican's and Python-Markdown's metadata: "Name: value" lines that open the file,
# up to the first blank line, without fences; a line that starts with a space goes on the value
# above. Read so only when the first line names the title: a text that opens "Note: …" is text.
_METADATA_LINE = precompiled.pattern(r"([A-Za-z][\w -]{0,39}):(?:[ \t]+(.*)|[ \t]*)")
_MAX_METADATA_LINES = 100


def _metadata_lines(source: str) -> tuple[dict, str] | None:
    data: dict[str, str] = {}
    name, end = None, 0
    for line in source[:MAX_FRONT_MATTER].lstrip("\ufeff").splitlines(keepends=True)[:_MAX_METADATA_LINES]:
        if not line.strip():
            break
        if name is not None and line[:1] in (" ", "\t"):
            data[name] = f"{data[name]} {line.strip()}".strip()
        elif m := _METADATA_LINE.fullmatch(line.rstrip("\r\n")):
            name = m.group(1)
            data[name] = m.group(2) or ""
        else:
            return None
        end += len(line)
    else:
        return None  # no blank line ends it: the file is all "name: value" lines, or more than a header has
    if not data or _fold(next(iter(data))) != "title":
        return None
    return data, source.lstrip("\ufeff")[end:]


def load_yaml(source: str):
    """yaml.safe_load with a size cap and alias-bomb protection."""
    import yaml

    if len(source) > MAX_FRONT_MATTER:
        raise ExtractionRejected("bad_front_matter", detail="it is longer than 64 KB")
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        loader = loader_class(source)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            _count_nodes(node)
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ExtractionRejected("bad_front_matter", detail=f"{problem}{where}") from None
    except RecursionError:
        raise ExtractionRejected("front_matter_too_complex") from None
    except (ValueError, TypeError, OverflowError) as exc:
        # A value the YAML types cannot hold: an integer of thousands of digits, a date like 2024-13-45.
        raise ExtractionRejected("bad_front_matter", detail=f"a value cannot be read ({exc})") from None
    return data


def _count_nodes(root) -> None:
    """Count nodes as a consumer would see them (aliases expanded), stopping at MAX_NODES."""
    import yaml

    seen = 0
    stack = [root]
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_NODES:
            raise ExtractionRejected("front_matter_too_complex")
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def load_toml(source: str):
    import tomllib

    if len(source) > MAX_FRONT_MATTER:
        raise ExtractionRejected("bad_front_matter", detail="it is longer than 64 KB")
    try:
        return tomllib.loads(source)
    except (tomllib.TOMLDecodeError, ValueError, OverflowError) as exc:
        raise ExtractionRejected("bad_front_matter", detail=str(exc)) from None


def _fold(name: str) -> str:
    return re.sub(r"[\s_\-:@]", "", str(name)).lower()


# Field -> accepted names (folded: lower case, no '_', '-', ':' or '@'), most specific first.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "subtitle": ("subtitle", "subheadline", "subheading", "subhead", "deck", "dek", "alternativeheadline", "alternatetitle", "standfirst"),
    "authors": ("authors", "author", "byline", "by", "creator", "creators", "writer", "writers", "contributors"),
    "published": (
        "publishedat",
        "published",
        "date",
        "datepublished",
        "publishdate",
        "pubdate",
        "publicationdate",
        "firstcreated",
        "created",
        "createdat",
    ),
    "updated": ("updatedat", "updated", "lastmod", "lastmodified", "modified", "datemodified", "versioncreated", "modifiedat"),
    "category": ("category", "categories", "section", "articlesection", "primarytag"),
    "tags": ("tags", "tag", "keywords", "keyword", "topics", "subjects", "subject"),
    "labels": ("labels", "label", "flags", "badges"),
    "language": ("language", "lang", "locale", "inlanguage"),
    "issue": ("issueid", "issue", "magazineissue", "ispartof", "edition"),
    "position": ("position", "order", "issueposition", "sortorder"),
    # (Ghost's custom_excerpt is the editor's; its excerpt may be the body's first words)
    "summary": ("summary", "description", "customexcerpt", "excerpt", "abstract", "lede", "lead"),
    # Scheduling: not public before `release` (an embargo), not after `expiry`; a draft never.
    "release": ("releaseat", "publishat", "embargo", "embargoed", "embargountil", "scheduledat", "scheduledfor", "golive"),
    "expiry": ("expirydate", "expiry", "expiresat", "expires", "expireat", "unpublishat", "unpublishdate", "embargoend"),
    "draft": ("draft",),
    # ninjs: usable, withheld, canceled; WordPress, Ghost, Pelican: draft, pending, private,
    # future or scheduled, published; schema.org: creativeWorkStatus
    "pubstatus": ("pubstatus", "status", "creativeworkstatus"),
}
_LOOKUP = {alias: field for field, aliases in ALIASES.items() for alias in aliases}


def folded_names(data: dict) -> dict:
    """`data` with names folded, keeping only names some field is known by (a document may have
    thousands of other keys; they are folded once, not once per field)."""
    folded = {}
    for key, value in data.items():
        name = _fold(key) if isinstance(key, str) and len(key) <= 40 else None
        if name in _LOOKUP and name not in folded:
            folded[name] = value
    return folded


def pick(data: dict, field: str, folded: dict | None = None):
    """The value of the first alias of `field` present in `data` (names folded)."""
    folded = folded if folded is not None else folded_names(data)
    for alias in ALIASES[field]:
        if alias in folded and folded[alias] not in (None, "", [], {}):
            return folded[alias]
    return None


def apply_metadata(draft: Draft, data: dict) -> None:
    """Fill a Draft from a metadata mapping (front matter, a JSON document) with aliased names."""
    folded = folded_names(data)
    for field in ALIASES:
        value = pick(data, field, folded)
        if value is None:
            continue
        if field == "category":
            values = as_list(value)
            if values:
                draft.category = values[0]
                draft.tags.extend(values[1:])
        elif field in ("tags", "labels"):
            getattr(draft, field).extend(as_list(value))
        elif field == "authors":
            draft.authors.extend(as_list(value) if isinstance(value, (list, tuple, dict)) else [value])
        elif field == "published" and value is False:
            draft.draft = True  # Jekyll: `published: false` keeps a post unpublished
        elif field in _TEXT_FIELDS and scalar_text(value) is None:
            continue  # a mapping or list where text belongs: ignored, so a later source can fill it
        else:
            setattr(draft, field, value)
