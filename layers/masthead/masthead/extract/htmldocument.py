"""An article's own HTML rather than a web page: a CMS's body, a document a word processor saved as
HTML, a notes app's export. It opens as a typed file does (title, deck, byline and date lines),
and a notes app's page keeps its author, date, tags and status in a table of properties."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import headerlines, htmlmeta, precompiled, text
from .draft import Draft

if TYPE_CHECKING:
    from .htmldoc import FirstWalk


def a_document(tree, walk: FirstWalk, blocks: list) -> bool:
    """Whether the upload is an article's own HTML, not a web page: a CMS's body (nothing in its
    <head>), or a document a word processor saved as HTML (Word, LibreOffice, Google Docs: it says
    so in <meta>, or marks its title paragraph as one; and it has none of a page's structured data,
    scripts, navigation, footer or forms)."""
    head = tree.head
    if head is None or head.child is None:
        return True
    marked = walk.marked
    if marked.scripts or marked.canonical or walk.containers:
        return False  # (first: what most pages fail, at no cost)
    if not _word_processed(walk) and _document_title(blocks) is None:
        return False
    return tree.css_first("script") is None  # (a walk, made only for what passed the tests above)


_WORD_PROCESSORS = precompiled.pattern(r"microsoft word|word\.document|libreoffice|openoffice|google docs|cocoa html writer", re.I)


def _word_processed(walk: FirstWalk) -> bool:
    return any(map(_a_word_processors_meta, walk.marked.metas))


def _a_word_processors_meta(attrs: dict) -> bool:
    """<meta name="Generator" content="Microsoft Word 15">, <meta name="ProgId" content="Word.Document">."""
    name = (attrs.get("name") or "").lower()
    return name in ("generator", "progid") and _WORD_PROCESSORS.search((attrs.get("content") or "")[:200]) is not None


# The paragraph a word processor marks as the document's title (Google Docs' "title", Word's
# "MsoTitle"), or the <h1> a notes app marks so (Notion's "page-title", its Heading 1 blocks being
# <h1>s too): the headline, above the <h1>s, which are its sections.
_TITLE_CLASSES = {"p": frozenset({"title", "MsoTitle"}), "h1": frozenset({"page-title"})}


def title_a_document(draft: Draft, blocks: list, walk: FirstWalk, has_h1: bool, declared: bool) -> bool:
    """An article's own HTML: the paragraph marked as its title is the title, or (in a word
    processor's file, or a text without an <h1> or a `declared` title) its first paragraph where
    that reads as a title: its <h1>s are then its sections (True), as they are in a word
    processor's file whose <title> is declared. Else, without an <h1> or a declared title, its
    leading heading."""
    word_processed = _word_processed(walk)
    if titled := _document_title(blocks, first_line=word_processed or not (has_h1 or declared)):
        draft.title = titled
        return True
    if not (draft.title or declared):
        draft.title = _leading_heading(blocks)
    return word_processed and declared  # a word processor's file titled in its <head>: its <h1>s are sections too


def _document_title(blocks: list, first_line: bool = False) -> str | None:
    """The paragraph marked as the title before a document's text begins; with `first_line`, its
    first paragraph when that reads as a title (a word processor's file without the Title style)."""
    for n, (node, tag) in enumerate(blocks[:_LEADING_BLOCKS]):
        if tag != "p" and tag != "h1":
            return None
        value = htmlmeta.node_text(node, limit=400).strip()
        if not _TITLE_CLASSES[tag].isdisjoint((node.attributes.get("class") or "").split()):
            return value or None
        if tag == "h1":
            return None
        if n == 0 and first_line and headerlines.a_title_line(value):
            return value
    return None


def read_document_header(draft: Draft, tree, under_an_h1: bool) -> None:
    """An article's own HTML (a CMS's body, a saved document) opens as a typed file does: its
    title and deck paragraphs, or an <h2> right under the <h1> before any text as the deck; then
    the byline and date lines, which are no text; then what its properties give (a Notion page's)."""
    paragraphs, headings = draft.paragraphs, draft.headings
    while paragraphs and paragraphs[0] in (draft.title, draft.subtitle) and paragraphs[0] not in headings:
        paragraphs.pop(0)
    opens_with_h2 = len(paragraphs) > 1 and bool(headings) and paragraphs[0] == headings[0] and paragraphs[1] not in headings
    if under_an_h1 and opens_with_h2 and not draft.subtitle:
        draft.subtitle = draft.paragraphs.pop(0)
        draft.headings.pop(0)
    headerlines.read_leading_lines(draft)
    _read_page_properties(draft, tree)


# A Notion page's properties, exported as a table of rows "label | value" above its text: the
# labels of the fields they give (English and Japanese, as a workspace names them), most specific first.
_PROPERTIES = "table.properties tr"


_PROPERTY_LABELS: dict[str, tuple[str, ...]] = {
    "authors": ("author", "authors", "by", "writer", "written by", "著者", "執筆者", "筆者", "ライター"),
    "published": ("published", "publish date", "publication date", "date", "公開日", "日付", "created", "作成日時"),
    "tags": ("tags", "tag", "keywords", "タグ"),
    "category": ("category", "section", "カテゴリ", "カテゴリー"),
    "pubstatus": ("status", "ステータス"),
}


_MAX_PROPERTIES = 50


def _read_page_properties(draft: Draft, tree) -> None:
    """A Notion page's properties (its author, date, tags, category and status) where nothing the
    document declares gave them: a person or a tag is an element of its own in the value, and a
    person's icon (the initial shown when there is no picture) is no part of the name."""
    rows: dict[str, Any] = {}
    for row in tree.css(_PROPERTIES)[:_MAX_PROPERTIES]:
        label, value = row.css_first("th"), row.css_first("td")
        if label is not None and value is not None:
            rows.setdefault(text.collapse_spaces(htmlmeta.node_text(label, limit=100)).casefold(), value)
    for field, labels in _PROPERTY_LABELS.items():
        value = next((rows[label] for label in labels if label in rows), None)
        if value is None or getattr(draft, field):
            continue
        icons = {icon.mem_id for icon in value.css(".icon")[:_MAX_PROPERTIES]}
        items = [htmlmeta.node_text_without(item, icons, limit=200) for item in value.css(".user, .selected-value")[:_MAX_PROPERTIES]]
        whole = text.collapse_spaces(htmlmeta.node_text_without(value, icons, limit=300))
        if field in ("authors", "tags"):
            setattr(draft, field, [text.collapse_spaces(item) for item in items] or [whole])
        else:  # (a date is read as any date is: "@April 2, 2024", a range's first day)
            setattr(draft, field, whole or None)


def _leading_heading(blocks: list) -> str | None:
    """The headline of an article's own HTML without an <h1> (a CMS's body, from its first
    heading): an <h2> or <h3> before its first paragraph."""
    for node, tag in blocks[:_LEADING_BLOCKS]:
        if tag == "p":
            return None
        if tag in ("h2", "h3"):
            return htmlmeta.node_text(node, limit=400).strip() or None
    return None


_LEADING_BLOCKS = 20
