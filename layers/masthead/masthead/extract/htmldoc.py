"""HTML articles: the page parsed once (htmlparse), what it declares about itself (htmlmeta), then
what it visibly shows: the story's root, its headline, the byline and dates (htmlbyline), its body.

parse_html is the order of those steps; the tree is read before it is changed (the first walk), and
the headline, byline and dates before the page furniture around them is removed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from itertools import islice
from typing import Any, NamedTuple

from ..errors import ExtractionRejected
from . import headerlines, htmlmeta, pagedates, people, precompiled, text
from .dates import find_date
from .draft import Draft, ExtractOptions
from .htmlbyline import (
    MAX_CANDIDATES,
    Shown,
    agency_byline,
    author_line_in_text,
    bold_byline,
    read_visible_byline,
    reporter_in_text,
    still_publisher,
)
from .htmlparse import check_tree_depth, parse_tree

# Elements that hold no article text, removed before the body is read. Not listed, because the tree
# shows nothing of them: <embed> (a void element) and <template> (its content is a fragment of its
# own, which no selector, tag lookup or text() reaches).
_DROP_CONTAINERS = "iframe, svg, canvas, form, button, select, textarea, object, nav, footer, aside, dialog"
# Scripts and styles are only ever inside what is read once the content root is chosen; a page has
# dozens of them in <head>, so they are removed from the root alone.
_DROP_CODE = "script, style, noscript"
_CODE_TAGS = frozenset({"script", "style", "noscript"})
_BOILERPLATE_WORDS = (
    "share sharing social sns related recommend recommended recommendations sidebar side menu nav navbar navigation "
    "breadcrumb breadcrumbs footer cookie cookies consent gdpr banner popular ranking subscribe subscription newsletter "
    "comment comments commentaires kommentare comentarios commenti advert advertisement ad ads adsense promo pagination pager widget "
    "toolbar skip modal popup header masthead logo"
).split()
# A word of the list as a whole segment of a class or id token ("share-bar", "site_footer", "ad"):
# tokens are cut at "-", "_" and spaces by str methods (C speed; a regex alternation is 5x slower).
_BOILERPLATE = frozenset(_BOILERPLATE_WORDS)


def _segments(names: str) -> list[str]:
    """Class and id names cut into words at "-", "_" and spaces (str.replace twice: a translate
    table is looked up per character, twenty-five times slower)."""
    return names.replace("-", " ").replace("_", " ").split()


_CONTENT_ROOTS = (
    "[itemprop=articleBody]",
    "article",
    "main",
    "[role=main]",
    ".post-content",
    ".entry-content",
    ".article-body",
    ".article-content",
    ".story-body",
    ".post",
    ".entry",
    "#content",
    ".content",
)
_CONTENT_ROOT_SELECTOR = ", ".join(_CONTENT_ROOTS)
_BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dd, dt"
_BLOCK_TAGS = frozenset(_BLOCKS.split(", "))
# Paragraphs whose class or id has one of these words as a whole segment ("post-byline",
# "meta_date") carry metadata the page shows (byline, date, kicker), not body text.
_METADATA_WORDS = frozenset("byline author meta category date label badge kicker eyebrow subtitle deck dek standfirst".split())


# What _boilerplate says of an element: not page furniture, furniture, furniture that holds the
# byline or the date ("widget article__authors", "nav meta"), dropped only once they are read, or
# furniture named only as a header (which may be the article's own: see _the_articles_header).
_NOT_FURNITURE, _FURNITURE, _BYLINE_BOX, _HEADER = 0, 1, 2, 3
_HEADER_WORDS = frozenset({"header", "masthead"})


def _boilerplate(node) -> int:
    attrs = node.attributes
    if not attrs:
        return _NOT_FURNITURE  # most blocks: nothing to read
    role = attrs.get("role")
    if role and role.lower() in _FURNITURE_ROLES:
        return _FURNITURE
    names = attrs.get("class") or ""
    if ident := attrs.get("id"):
        names = f"{names} {ident}"
    if not names:
        return _NOT_FURNITURE
    # A page repeats a few class strings over thousands of elements: each is cut into words once.
    found = _BOILERPLATE_NAMES.get(names)
    if found is None:
        segments = _segments(names.lower())
        if "elementor" in segments:  # the page builder's blocks ("elementor-widget-heading") hold the story too
            segments = [word for word in segments if word != "widget"]
        words = _BOILERPLATE.intersection(segments)
        found = (
            _NOT_FURNITURE
            if not words
            else _BYLINE_BOX
            if not _BYLINE_WORDS.isdisjoint(segments)
            else _HEADER
            if words <= _HEADER_WORDS
            else _FURNITURE
        )
        if len(names) <= 200:  # bounded in count and size: hostile class names cannot grow it
            if len(_BOILERPLATE_NAMES) >= _MAX_REMEMBERED_NAMES:
                _BOILERPLATE_NAMES.clear()
            _BOILERPLATE_NAMES[names] = found
    return found


_BOX_TAGS = frozenset({"aside", "footer"})  # a <nav> "meta" is the site's small top menu


def _names_a_byline_box(node) -> bool:
    """Whether an element's class or id has a byline word as a whole segment ("article-meta")."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return not _BYLINE_WORDS.isdisjoint(_segments(names.lower()))


_BOILERPLATE_NAMES: dict[str, int] = {}
_MAX_REMEMBERED_NAMES = 4096
_BYLINE_WORDS = frozenset(
    {"author", "authors", "autor", "autores", "auteur", "byline", "bylines", "meta", "date", "dateline", "writer", "reporter"}
)
_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
# "re" is in every class word _is_marked looks for (related, recommend, more-stories, read-more):
# one substring test per element instead of four (each selector of a walk is tried on every
# element, most of a walk's cost); the words are then checked on the few dozen elements it returns.
_RELATED_SELECTOR = "[class*=re], [id*=related]"


class _Marked(NamedTuple):
    """What the page marks up about itself, from one pass over the document (each css() call is a
    walk of the whole tree: the parse floor's share of the time is walks, not Python)."""

    metas: list  # each <meta>'s attributes
    scripts: list  # JSON-LD
    itemprops: list
    related: list  # elements whose class or id mentions related or recommended articles
    canonical: str | None
    author_links: list[str]  # the text of the first <a rel="author">s, read before any is dropped


_MARKED_SELECTOR = (
    'meta, rt, rp, script[type="application/ld+json"], link[rel="canonical"], a[rel="author"], [itemprop], ' + _RELATED_SELECTOR
)
# Related-articles class and id words over a "class id" string (a token boundary is also a space).
_RELATED_NAMES = precompiled.pattern(r"(?:^|[-_\s])(?:related|recommend(?:ed)?|more-stories|read-more)(?:$|[-_\s])", re.I)


class _FirstWalk(NamedTuple):
    """Everything read from the tree before it is changed: the marked elements from one walk (a
    walk costs as much as the parse; a selector more in a walk costs a fraction of that), and the
    body's paragraphs and containers from a second walk."""

    marked: _Marked
    paragraphs: list  # <p> in the body
    containers: list  # _DROP_CONTAINERS in the body
    breaks: list  # <br> in the body (the first _MAX_BREAKS)
    # Ruby readings (<rt>, and the <rp> brackets around them) are not the text: "子<rt>こ</rt>ども"
    # reads "子ども" (Japanese pages for learners and children put a reading over each kanji).
    ruby: list


# "br + br": a <br> after another among its element siblings (text between them is no element): the
# second and later of an element's line breaks, far fewer than all of them, and none alone.
_PARAGRAPHS_AND_CONTAINERS = "p, br + br, " + _DROP_CONTAINERS
_MAX_BREAKS = 5000


def _first_walk(tree) -> _FirstWalk:
    metas: list = []
    scripts: list = []
    itemprops: list = []
    related: list = []
    ruby: list = []
    author_links: list[str] = []
    canonical = None
    previous = None
    for node in tree.css(_MARKED_SELECTOR):
        # Lexbor lists an element once for each selector of the list it matches, one after the other.
        if (mem_id := node.mem_id) == previous:
            continue
        previous = mem_id
        tag, attrs = node.tag, node.attributes
        # each group as its selector alone would have found it
        if tag == "meta":
            metas.append(attrs)  # most of what this walk finds: nothing else to test on most
        elif tag == "rt" or tag == "rp":
            ruby.append(node)
            continue
        elif not (attrs and _is_marked(tag, attrs)):
            continue
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            scripts.append(node)
        elif tag == "link" and attrs.get("rel") == "canonical":
            canonical = canonical or attrs.get("href")
        elif tag == "a" and attrs.get("rel") == "author" and len(author_links) < _MAX_AUTHOR_LINKS:
            author_links.append(htmlmeta.node_text(node, limit=200))
        if "itemprop" in attrs and tag != "script":
            itemprops.append(node)
        if ("class" in attrs or "id" in attrs) and len(related) < MAX_CANDIDATES:
            if _RELATED_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
                related.append(node)
    # One walk of the body for both (the parser puts every <p> and every container there; a
    # <frameset> page's content is its "body"): thirteen lookups by tag name are thirteen walks,
    # a quarter slower in all on this machine's clock although each does less.
    body = tree.body
    tagged = [(node, node.tag) for node in body.css(_PARAGRAPHS_AND_CONTAINERS)] if body is not None else []
    paragraphs = [node for node, tag in tagged if tag == "p"]
    breaks = [node for node, tag in tagged if tag == "br"][:_MAX_BREAKS]
    containers = [node for node, tag in tagged if tag != "p" and tag != "br"]
    return _FirstWalk(_Marked(metas, scripts, itemprops, related, canonical, author_links), paragraphs, containers, breaks, ruby)


_MAX_AUTHOR_LINKS = 5


def _last_resort_authors(draft: Draft, blocks: list, author_links: list[str]) -> list[str]:
    """Where no one is named, or still only the publisher: an agency or a reporter in the text, an
    "Author:" line, or a bold name line; else the publisher named; else the person the
    <a rel="author"> links name."""
    paragraphs = [node for node, tag in blocks if tag == "p" and node.parent is not None]
    return (
        agency_byline(draft.paragraphs)
        or reporter_in_text(draft.paragraphs)
        or author_line_in_text(draft.paragraphs)
        or bold_byline(paragraphs)
        or draft.authors
        or _linked_author(author_links)
    )


def _linked_author(texts: list[str]) -> list[str]:
    """The person the page's <a rel="author"> links name, when they all name one (slate.fr's
    "L'AUTEUR" box in the sidebar, dropped with it before the bylines are read)."""
    names = {name for value in texts for name in people.clean_names([value], [])}
    return list(names) if len(names) == 1 and all(map(people.looks_like_person, names)) else []


def _is_marked(tag: str, attrs: dict) -> bool:
    """Whether _MARKED_SELECTOR matches: `type` and `rel` values compare case-insensitively in
    HTML, the [class*=] and [id*=] substrings case-sensitively."""
    if tag == "meta" or "itemprop" in attrs:
        return True
    if tag == "script":
        return (attrs.get("type") or "").lower() == "application/ld+json"
    if tag == "link" and (attrs.get("rel") or "").lower() == "canonical":
        return True
    if tag == "a" and attrs.get("rel") == "author":
        return True
    classes = attrs.get("class") or ""
    # _RELATED_SELECTOR's words, spelled out: a generator over them costs more than the tests
    related = "related" in classes or "recommend" in classes or "more-stories" in classes or "read-more" in classes
    return related or "related" in (attrs.get("id") or "")


# Elements whose text holds a related-articles heading, found by Lexbor (its own text is then
# checked in Python: a container holds the words too). Only the words the page was seen to hold
# are looked for: Lexbor reads an element's whole text for each word, most of that walk's cost.
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "p", "div", "span", "strong")
_HEADING_WORDS = {"related": "related", "read_more": "read more", "also_like": "you may also like", "kanren": "関連", "osusume": "おすすめ"}


def _related_heading_selector(words: list[str]) -> str:
    return ", ".join(f'{tag}:lexbor-contains("{word}" i)' for tag in _HEADING_TAGS for word in words)


# A related-articles heading as an element's own text, in the raw page (a group per word of
# _HEADING_WORDS): case variants spelled out (an IGNORECASE scan of the page is three times
# slower), so the costly heading search below runs only on the pages that have one, for the words
# they have. The look-ahead holds every alternative's first byte: at the thousands of ">" that
# start no heading, one test fails instead of each alternative in turn. The page is scanned as
# UTF-8 bytes, the upload itself (a scan of the decoded text is twice as slow on a page that is
# not all Latin-1). 関連 and おすすめ are also matched as character references (pages saved by
# some tools are all entities).
_RELATED_HEADING_TEXT = precompiled.pattern(
    rb">[ \t\r\n]*+(?=[RrYy&\xe3\xe9])(?:(?P<related>[Rr]elated|RELATED)|(?P<read_more>[Rr]ead [Mm]ore|READ MORE)"
    rb"|(?P<also_like>[Yy]ou [Mm]ay [Aa]lso [Ll]ike|YOU MAY ALSO LIKE)"
    + "|(?P<kanren>関連記事|関連ニュース".encode()
    + rb"|&#[xX]95[aA]2;&#[xX]9023;|&#38306;&#36899;)"
    + "|(?P<osusume>おすすめ記事".encode()
    + rb"|&#[xX]304[aA];&#[xX]3059;&#[xX]3059;&#[xX]3081;|&#12362;&#12377;&#12377;&#12417;))"
)


def _heading_words(page: bytes) -> list[str]:
    """The related-heading words (as _HEADING_WORDS gives them to Lexbor) the page shows."""
    found: list[str] = []
    for match in _RELATED_HEADING_TEXT.finditer(page):
        word = _HEADING_WORDS[match.lastgroup or ""]
        if word not in found:
            found.append(word)
            if len(found) == len(_HEADING_WORDS):
                break
    return found


def _related_titles(tree, page: bytes, candidates: list) -> list[str]:
    """Titles listed under a related-articles block (found by class/id, else by its heading)."""
    for node in candidates:
        titles = [
            t
            for t in (htmlmeta.node_text(item).strip() for item in (node.css("li") or node.css("a")))
            if t and not text.RELATED_HEADING.match(t)
        ]
        if titles:
            return titles
    words = _heading_words(page)
    if not words:
        return []
    for heading in tree.css(_related_heading_selector(words))[:MAX_CANDIDATES]:
        own = heading.text(deep=False).strip()
        if own and len(own) < 40 and text.RELATED_HEADING.match(own):
            sibling = heading.next
            while sibling is not None and sibling.tag == "-text":
                sibling = sibling.next
            if sibling is not None:
                titles = [htmlmeta.node_text(li).strip() for li in (sibling.css("li") or sibling.css("a"))]
                if titles:
                    return titles
    return []


# A kicker (topline) inside the <h1>, in an element of its own: "<span class=dachzeile>…</span>", or
# the story's category named as one ("<span class="category">Verbraucherschutz</span>").
_KICKER_WORDS = ("kicker", "dachzeile", "topline", "overline", "eyebrow", "roofline", "supertitle", "pretitle", "category")
# A badge after the headline, in an element of its own: "<span class="label abo">Abonnés</span>"
# (la-bas.org: for subscribers), "Premium", "Video".
_BADGE_WORDS = ("badge", "label", "premium", "paywall", "subscri")
_LABEL_WORDS = _KICKER_WORDS + _BADGE_WORDS
_BADGE_CHARS = 20
_MAX_HEADLINE_ELEMENTS = 200


def _labels_in(h1) -> list:
    """The elements inside an <h1> whose class names a kicker or a badge (the first four), found by a
    walk of its few elements: a selector list this long costs more to parse at each call than the walk."""
    found = []
    for node in islice(h1.traverse(), 1, _MAX_HEADLINE_ELEMENTS):
        classes = node.attributes.get("class")
        if classes and any(word in classes.lower() for word in _LABEL_WORDS):
            found.append(node)
            if len(found) == 4:
                break
    return found


def _headline_text(h1) -> str:
    """An <h1>'s text without a kicker element of its own in front, or a badge after it."""
    value = htmlmeta.node_text(h1).strip()
    for label in _labels_in(h1):
        words = htmlmeta.node_text(label).strip()
        if not words or len(value) <= len(words) + 10:
            continue
        if value.startswith(words):
            value = value[len(words) :].lstrip(" \t\r\n\xa0:|-–—")
        elif len(words) <= _BADGE_CHARS and value.endswith(words) and _names_a_badge(label):
            value = value[: -len(words)].rstrip(" \t\r\n\xa0:|-–—")
    return value


def _names_a_badge(node) -> bool:
    classes = (node.attributes.get("class") or "").lower()
    return any(word in classes for word in _BADGE_WORDS)


def _leading_part(h1, titles: list[str]) -> str | None:
    """The first element of an <h1> made of several (the headline, then a byline or the link home)
    when a title the page declares is it, or starts with it and it is at least half that title (a
    kicker element is shorter); unless a title is the whole <h1> (a headline in parts: "Title",
    "：", "Subtitle")."""
    first = h1.child
    while first is not None and first.tag == "-text" and not first.text_content.strip():
        first = first.next
    if first is None or first.tag == "-text" or first.next is None:
        return None
    part = text.clean(htmlmeta.node_text(first), 1200) or ""
    folded = part.casefold()
    whole_h1, tail = htmlmeta.node_text(h1), part[-8:]  # the rest of the <h1> starts after the part's end
    cut = whole_h1.find(tail) if tail else -1
    rest = (text.clean(whole_h1[cut + len(tail) :] if cut >= 0 else "", 1200) or "").casefold()
    wholes = [(text.clean(title) or "").casefold() for title in titles]
    if not folded or not rest or any(_unspaced(whole).startswith(_unspaced(folded + rest)) for whole in wholes):
        return None  # a title that is the whole <h1>: its parts are one headline
    return next((part for whole in wholes if whole.startswith(folded) and len(folded) * 2 >= len(whole)), None)


def _is_logo(h1, value: str, site_names: list[str]) -> bool:
    """An <h1> that is the site's name or part of it ("WordPress.com" in "The WordPress.com Blog"),
    or a link to the home page and nothing else: the logo, not the headline."""
    folded = value.strip().casefold()
    if any(text.same_text(value, site) or (len(folded) >= 4 and folded in site.casefold()) for site in site_names):
        return True
    if len(folded) > 40:
        return False  # a logo is a short name; a headline is not looked into
    link = h1.css_first("a[href]")
    if link is None or htmlmeta.node_text(link).strip() != value.strip():
        return False
    href = (link.attributes.get("href") or "").strip()
    host_and_path = href.split("://", 1)[1] if "://" in href else None
    return href in ("/", "") or (host_and_path is not None and "/" not in host_and_path.rstrip("/"))


def _a_document(tree, walk: _FirstWalk, blocks: list) -> bool:
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


def _word_processed(walk: _FirstWalk) -> bool:
    return any(map(_a_word_processors_meta, walk.marked.metas))


def _a_word_processors_meta(attrs: dict) -> bool:
    """<meta name="Generator" content="Microsoft Word 15">, <meta name="ProgId" content="Word.Document">."""
    name = (attrs.get("name") or "").lower()
    return name in ("generator", "progid") and _WORD_PROCESSORS.search((attrs.get("content") or "")[:200]) is not None


# The paragraph a word processor marks as the document's title (Google Docs' "title", Word's
# "MsoTitle"), or the <h1> a notes app marks so (Notion's "page-title", its Heading 1 blocks being
# <h1>s too): the headline, above the <h1>s, which are its sections.
_TITLE_CLASSES = {"p": frozenset({"title", "MsoTitle"}), "h1": frozenset({"page-title"})}


def _title_a_document(draft: Draft, blocks: list, walk: _FirstWalk, has_h1: bool, declared: bool) -> bool:
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


def _read_document_header(draft: Draft, tree, under_an_h1: bool) -> None:
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


def _headings(tree, headlines: list, meta_title: str | None, page_title: str | None, url: str | None = None) -> list:
    """The <h1>s of the story, else of the page; without a metadata title, the <h2> the address
    spells where no <h1> has words (a logo's picture), or the <h2> the <title> names on a page
    without an <h1>, or whose several <h1>s it names none of (a page builder's section headings:
    "<h2>Ear Candy!</h2>" over <h1>s "Ear Candy allert", "Dezent")."""
    h1s = headlines or tree.css("h1")
    if meta_title:
        return h1s
    texts = [_headline_text(h1) for h1 in h1s[:10]]
    if not any(texts) and (spelled := _h2_the_url_names(tree, url)):
        return spelled
    # a section's <h1> sharing no word with the <title>, which is an <h2>'s whole text (correctiv.org:
    # "<h1>Aktuelle Artikel</h1>" over "<h2>„Wir haben bereits die Zusage“</h2>"), or holds it before
    # the site's name (mk.co.kr's hidden "<h1>기사 상세</h1>", "article page", over the story's <h2>)
    if (
        page_title
        and any(texts)
        and all(_overlap(value, page_title) == 0 for value in texts)
        and (shown := _h2_the_title_is(tree, page_title) or _heading_the_title_repeats(tree, page_title))
    ):
        return shown
    if len(h1s) == 1 or _title_names_one(h1s, page_title):
        return h1s
    return _heading_the_title_repeats(tree, page_title) or _heading_the_title_repeats(tree, page_title, _ENTRY_TITLE) or h1s


def _h2_the_url_names(tree, url: str | None) -> list:
    """The <h2> whose words the address spells (carta.info's "<h2>Der neue Trend: Muss- statt
    Wunschkoalition</h2>" at /der-neue-trend-muss-statt-wunschkoalition/): the headline, on a page
    without a metadata title whose one <h1> is its logo's picture."""
    named = _url_slug(url)
    if len(named) < 12:  # a word or two ("/news/", "/index") spells no headline
        return []
    for h2 in tree.css("h2")[:20]:
        value = htmlmeta.node_text(h2, limit=400)
        if any(named == spelled or (len(named) >= 30 and spelled.startswith(named)) for spelled in _slugs(value)):
            return [h2]
    return []


_URL_SLUG = precompiled.pattern(r"[a-z0-9]+(?:-[a-z0-9]+)+")  # fullmatch only: no backtracking to speak of
_GERMAN_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def _url_slug(url: str | None) -> str:
    """The words the last part of an address's path spells ("der-neue-trend"), without an id
    number or a file extension after them; "" where it spells none."""
    path = (url or "")[:500].partition("?")[0].partition("#")[0].lower()
    last = path.rstrip("/").rpartition("/")[2]
    stem, dot, extension = last.rpartition(".")
    if dot and 2 <= len(extension) <= 5 and extension.isalpha():
        last = stem
    stem, dash, number = last.rpartition("-")
    if dash and number.isdigit():
        last = stem  # "…-wunschkoalition-43546": the story's id
    return last if _URL_SLUG.fullmatch(last) else ""


def _slugs(value: str) -> set[str]:
    """A heading's words as addresses spell them: letters without their accents, or German umlauts
    written out ("Grüße": "grue" or "gruesse")."""
    return {text.slug(value, 200), text.slug(value.translate(_GERMAN_SPELLING), 200)}


def _title_names_one(h1s: list, page_title: str | None) -> bool:
    """Whether the page's <title> holds the text of one of the first <h1>s."""
    folded = (text.clean(page_title) or "").casefold() if page_title else ""
    return any((text.clean(htmlmeta.node_text(h1, limit=400), 400) or "\0").casefold() in folded for h1 in h1s[:10])


def _h2_the_title_is(tree, page_title: str) -> list:
    """The <h2> whose text is the page's whole <title>."""
    for h2 in tree.css("h2")[:20]:
        if text.same_text(htmlmeta.node_text(h2, limit=400), page_title):
            return [h2]
    return []


def _h2_below_the_crumbs(blocks: list, heads: list) -> list:
    """The article's <h2> that repeats the words of an <h1> in the breadcrumb trail (abendblatt.de
    and brigitte.de end their trail with the story's title as an <h1>): the headline shown, whose
    header holds the byline and the date."""
    if not heads or heads[0].tag != "h1" or not _in_the_breadcrumbs(heads[0]):
        return []
    value = text.clean(htmlmeta.node_text(heads[0], limit=400), 400)
    h2s = (node for node, tag in blocks if tag == "h2")
    for h2 in islice(h2s, 20) if value else ():
        if text.same_text(text.clean(htmlmeta.node_text(h2, limit=400), 400), value):
            return [h2]
    return []


_CRUMB_LEVELS = 4  # the <h1>, its <li>, the <ol>, the trail's <nav> or <div>
_CRUMB_WORDS = frozenset({"breadcrumb", "breadcrumbs"})


def _in_the_breadcrumbs(node) -> bool:
    """Whether an element is (in) a breadcrumb trail, by its class or id or a near ancestor's."""
    for _ in range(_CRUMB_LEVELS):
        if node is None:
            return False
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if "crumb" in names and not _CRUMB_WORDS.isdisjoint(_segments(names)):
            return True
        node = node.parent
    return False


# The entry's title as the hAtom microformat marks it (Blogger's "<h3 class='post-title entry-title'>").
_ENTRY_TITLE = "h3.entry-title, h4.entry-title"


def _heading_the_title_repeats(tree, page_title: str | None, selector: str = "h2") -> list:
    """On a page without an <h1> or a metadata title, the <h2> (or, with `selector`, the heading
    marked as the entry's title) that is the page's <title> or one part of it ("Gregory Szorc's Digital Home |
    Mercurial's Journey to…" over <h2>Mercurial's Journey to…</h2>, "Python Insider: Python 3.6.0 is
    now available!" over Blogger's <h3 class="entry-title">): the headline, which the <title> may put
    after the site's name."""
    folded = (text.clean(page_title) or "").casefold() if page_title else ""
    for heading in tree.css(selector)[:10] if folded else []:
        value = (text.clean(htmlmeta.node_text(heading, limit=400), 400) or "").casefold()
        if len(value) >= 10 and value in folded:
            return [heading]
    return []


def _drop_furniture(furniture: list, unsettled: bool) -> list:
    """Drops the page furniture but an aside or footer named as a byline or meta box ("<footer
    class="article-meta">", "<aside class="author">"), or, where the metadata leaves the byline or
    the date `unsettled`, an aside of the article that holds its byline: they hold the byline and
    the date, and are returned for the caller to drop once they are read."""
    byline_furniture = [
        node
        for node in furniture
        if node.tag in _BOX_TAGS
        and (_names_a_byline_box(node) or (unsettled and (_article_byline_aside(node) or _dated_article_footer(node))))
    ]
    kept = {node.mem_id for node in byline_furniture}
    for node in furniture:
        if node.mem_id not in kept:
            node.decompose()
    return byline_furniture


# An author marked as one inside an aside ("c-article-meta__author", rel=author, itemprop=author).
_AUTHOR_MARKS = '[class*="author" i], [rel="author"], [itemprop="author"]'
_ARTICLE_LEVELS = 6
_MAX_AUTHOR_MARKS = 20


def _article_byline_aside(node) -> bool:
    """An <aside> of the article itself, a few levels inside an <article> or an element named as
    one, that marks an author (die-tagespost's "<section class="author">", skateboardmsm's
    "c-article-body__aside"): the story's byline column, not the site's sidebar."""
    return node.tag == "aside" and _of_the_article(node) and _one_author_box(node)


def _dated_article_footer(node) -> bool:
    """A footer of the article itself (a <footer>, or an element named as one, inside it) that shows
    a date near its start (jolie.de's "article__footer": "20. Juni 2019 · Ann-Marie Galazka über
    Stars"): the story's date line, not the site's footer."""
    if node.tag != "footer":
        classes = (node.attributes.get("class") or "").lower()
        if "footer" not in classes or "footer" not in _segments(classes):
            return False
    if not _of_the_article(node):
        return False
    start = " ".join(htmlmeta.node_text(node, limit=_FOOTER_CHARS)[: _FOOTER_CHARS * 10].split())[:_FOOTER_CHARS]
    return find_date(start) is not None


_FOOTER_CHARS = 300


def _of_the_article(node) -> bool:
    """Whether an element is a few levels inside an <article> or an element named as one."""
    parent = node.parent
    for _ in range(_ARTICLE_LEVELS):
        if parent is None or parent.tag in ("body", "html"):
            return False
        if parent.tag == "article":
            return True
        classes = (parent.attributes.get("class") or "").lower()
        if "article" in classes and "article" in _segments(classes):
            return True
        parent = parent.parent
    return False


def _one_author_box(node) -> bool:
    """Whether an element marks one author box with text (a byline), not a list of people (the
    people a story mentions, each in a "div.author.people" of its own)."""
    return _one_box_of(_author_marks(node))


def _author_marks(node) -> list:
    """The elements inside `node` marked as an author that hold text."""
    return [mark for mark in node.css(_AUTHOR_MARKS)[:_MAX_AUTHOR_MARKS] if mark.text(deep=True).strip()]


def _one_box_of(marks: list) -> bool:
    """Whether the marks are one box: one of them holds all the others."""
    ids = {mark.mem_id for mark in marks}
    return sum(1 for mark in marks if not _inside_box(mark, ids)) == 1


# What a page written by a script in the browser (Next.js, Nuxt, React, Angular) leaves in its saved
# HTML; each looked for as bytes (a memory search, not a pattern tried at every byte).
_SCRIPT_RENDERED = (
    b"__next_f.push",
    b"__NEXT_DATA__",
    b'id="__next"',
    b"window.__NUXT__",
    b"data-reactroot",
    b"data-server-rendered",
    b" ng-app",
)


def _read_without_class_rules(draft: Draft, source: str, raw: bytes | None, page: bytes) -> None:
    """The story was inside what looked like page furniture: the page is read again without the
    class rules. A page with no text at all that a script writes in the browser is refused as such:
    the saved file holds none of the article."""
    fresh = parse_tree(source, raw)
    for node in fresh.css(_DROP_CONTAINERS + ", " + _DROP_CODE):
        node.decompose()
    _read_body(draft, fresh.body)
    if not draft.paragraphs and any(marker in page for marker in _SCRIPT_RENDERED):
        raise ExtractionRejected("script_rendered")


def read_article_html(draft: Draft, fragment: str) -> None:
    """The body of an article that another format keeps as HTML (a CMS export's "content"), read
    as a page's article is: headings, paragraphs and credits, each block once (a paragraph inside a
    quote or a list item is not read again with it), its <h1>s as sections; embeds, forms and code
    are no text. Text without block elements is read a line at a time."""
    tree = parse_tree(fragment)
    check_tree_depth(tree.body)
    for node in tree.css(_DROP_CONTAINERS + ", " + _DROP_CODE):
        node.decompose()
    if tree.body is not None:
        _read_body(draft, tree.body, h1_sections=True)


def _headline_headers(
    root, blocks: list, headlines: list, heads: list, meta_title: str | None, title: str | None
) -> tuple[object, set[int], set[int]]:
    """The <h2> that is the headline (on a page without an <h1>, or whose <h1>s are its sections'
    headings: it stands where an <h1> would for the byline and the dateline), and the elements
    around the headline, which boilerplate removal spares: for good around the headline shown (the
    article's own header, with the byline, the date and the deck); around the <h2> that ends with
    the metadata title on a page without an <h1>, only until the byline and the date are read; so
    are the furniture rows right after the headline that show a date (_rows_after), whatever its tag
    (weltwoche.ch's share bar under an <h2> headline and its lead holds the date and the byline)."""
    if heads and heads[0].tag == "h2":
        return heads[0], set(_ancestors_within(root, heads[:1])), _rows_after(heads[0])
    # the header of the <h2> a breadcrumb's <h1> repeats is spared as an <h1>'s is (the dates and
    # bylines are still looked for from the <h1> on: a date may stand between the two)
    below = _h2_below_the_crumbs(blocks, heads)
    spared, after = set(_ancestors_within(root, below)), _rows_after(below[0]) if below else set()
    if headlines:
        shown = next((h1 for h1 in headlines[:5] if text.same_text(text.clean(htmlmeta.node_text(h1, limit=400), 400), title)), None)
        return None, set(_ancestors_within(root, headlines)) | spared, (_rows_after(shown) if shown is not None else set()) | after
    h2s = _h2_the_title_ends(blocks, meta_title)
    return (h2s[0] if h2s else None), spared, set(_ancestors_within(root, h2s)) | (_rows_after(h2s[0]) if h2s else set()) | after


_ROWS_AFTER = 3


def _rows_after(headline) -> set[int]:
    """Of the few elements right after the headline, those that show a date: a row named as
    furniture there ("social-area", with the share buttons) may hold the date too, and is read
    before it is dropped. A row without one goes at once (its buttons would push the byline below
    out of reach of the headline)."""
    rows: set[int] = set()
    node, seen = headline.next, 0
    while node is not None and seen < _ROWS_AFTER:
        if node.tag != "-text" and node.tag != "-comment":
            seen += 1
            # only furniture is dropped before the dates are read: only it needs looking into
            if _boilerplate(node) != _NOT_FURNITURE and find_date(htmlmeta.node_text(node, limit=300)[:300]):
                rows.add(node.mem_id)
        node = node.next
    return rows


def _h2_the_title_ends(blocks: list, meta_title: str | None) -> list:
    """In an article without an <h1>, the <h2> that ends with the metadata title ("<h2><strong>
    Deutschlandtakt</strong> Flixbus attackiert Deutsche Bahn</h2>"): the story's headline, with
    the date beside it in its header."""
    title = (text.clean(meta_title) or "").casefold() if meta_title else ""
    if len(title) < 10:
        return []
    h2s = (node for node, tag in blocks if tag == "h2")
    for h2 in islice(h2s, 10):
        if (text.clean(htmlmeta.node_text(h2, limit=400), 400) or "").casefold().endswith(title):
            return [h2]
    return []


_PREFIX_SEPARATORS = tuple("|»›-–—:·")


def _title_after_logo(logo: str, page_title: str) -> str | None:
    """The page's <title> after the site's name, when an <h1> that links home says that name
    first ("<h1><a href="/">Internet-Law</a></h1>" over "<title>Internet-Law » Headline")."""
    name, title = text.clean(logo) or "", text.clean(page_title) or ""
    rest = title[len(name) :].lstrip() if name and title.startswith(name) else ""
    if rest[:1] not in _PREFIX_SEPARATORS:
        return None
    rest = rest[1:].strip()
    return rest if len(rest) >= 10 else None


def _title_before_site(h1_text: str, page_title: str, longest: int = 30) -> str | None:
    """The page's <title> without the site's name, when the <h1> is only that name (a hidden logo
    heading: "<h1 class="hidden">好奇心日报</h1>" under "<title>Headline_智能_好奇心日报"); a short
    section glued on between headline and site ("_智能") goes with it. An <h1> longer than `longest`
    is a headline, unless it is known to be the logo."""
    name, title = text.clean(h1_text) or "", text.clean(page_title) or ""
    if not name or len(name) > longest or not title.endswith(name):
        return None
    head = text.strip_site_suffix(title, [name])
    if not head or head == title or head.endswith((":", "：")):
        return None  # ("«Evnukkmakeren»: - Nordmann dømt til livstid": a kicker before the headline)
    if " " not in head and head.lower() != head.upper():
        return None  # one word of a cased script is the section ("Blog - Schattiges Plätzchen"), not the headline
    cut = head.rfind("_")
    if title[len(head) : len(head) + 1] == "_" and cut >= 0 and len(head) - cut - 1 <= 12:
        head = head[:cut]  # "Headline_Section_Site": the section glued on the same way
    return head


def _unspaced(value: str) -> str:
    """The text without its spaces (the page's <title> spaces a headline's parts its own way)."""
    return "".join(value.split())


_KICKER_END = precompiled.pattern(r"[|:：•·–—-]\s*$")


def _after_kicker(heading: str, title: str, bars_only: bool = False) -> bool:
    """Whether `heading` is `title` with a kicker in front ("Local News | Title", "Update: Title";
    with `bars_only`, only a section set off by a bar: a <title> may drop a headline's own first
    part, "'Ends recession debate': economists weigh in…")."""
    if len(heading) > 2000:
        return False  # (a headline and a kicker are a few lines: a longer "heading" is not cleaned whole)
    heading, title = (text.clean(heading) or "").casefold(), (text.clean(title) or "").casefold()
    if not title or len(heading) <= len(title) or not heading.endswith(title):
        return False
    kicker = heading[: -len(title)].rstrip()
    return len(kicker) <= 60 and (kicker.endswith(("|", "｜")) if bars_only else bool(_KICKER_END.search(kicker)))


def _h1_the_page_title_repeats(h1_texts: list[str], page: str) -> str | None:
    """Without a metadata title: the <h1> that the page's <title> repeats (another is the logo), or
    the <title> where the <h1> sets a section off with a bar in front of it ("Local News |
    Headline"), or the <h1> whose words the <title> holds."""
    for value in h1_texts:
        if text.same_text(text.split_labels(text.clean(value, 1200) or "")[0], page):
            return value
        if _after_kicker(value, page, bars_only=True):
            return page
    return _closest_h1(h1_texts, page)


def _closest_h1(h1_texts: list[str], page: str) -> str | None:
    """Among several <h1>s, the one whose words the page's <title> holds, where the first with text
    holds almost none of them (an ad's <h1>, "Visit Harford County this fall", before the story's)."""
    texts = [value for value in h1_texts if value and value.strip() and len(value) <= 1000][:10]
    if len(texts) < 2 or _overlap(texts[0], page) >= 0.3:
        return None
    score, closest = max(((_overlap(value, page), value) for value in texts[1:] if len(value.split()) >= 3), default=(0.0, None))
    return closest if score >= 0.6 else None


def _a_label(h1: str, page: str, site_part: str) -> bool:
    """Whether an <h1> is a section's label or a logo's letters, not the headline, on a page without
    a metadata title: a lone word sharing none with the <title>'s headline, or a few short words
    sharing none with it but some with the site's part of the <title> ("O Opinion" under "… | AOC
    media - Analyse Opinion Critique"; a short headline of its own, "Легкий троннинг", shares neither)."""
    value = h1.strip()
    if _overlap(h1, page) != 0:
        return False
    if len(value) > len(page) and text.same_text(value, site_part.strip().lstrip("|｜-–—:·»›«").strip()):
        return False  # the site's name first, shorter than the headline the <h1> is
    if re.fullmatch(r"[A-Za-z][\w&'-]{0,19}", value):
        return True
    return len(value.split()) <= 3 and len(value) <= 30 and bool(site_part) and _overlap(h1, site_part) > 0


def _overlap(a: str, b: str) -> float:
    """Share of the shorter text's words (or characters, for CJK) found in the other."""

    def units(value: str) -> set[str]:
        value = (text.clean(value) or "").casefold()
        words = set(re.findall(r"\w+", value))
        return words if len(words) > 1 else set(value.replace(" ", ""))

    left, right = units(a), units(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


_CONTAINERS = frozenset({"li", "blockquote", "dd"})
_HELD = frozenset({"p", "li", "h2", "h3", "h4"})  # blocks whose containers are not read whole
# Blocks whose inner blocks are read on their own: the <h1> (the title, not body text) and a
# picture's caption (its paragraphs are credits, or a slideshow's story).
_READ_APART = frozenset({"h1", "figcaption"})


def _ancestors_within(root, nodes) -> dict[int, object]:
    """The elements between `root` and each of `nodes` (root excluded), by mem_id: one walk up from
    each node, stopping where an earlier walk passed."""
    found: dict[int, object] = {}
    stop = root.mem_id
    for node in nodes:
        parent = node.parent
        while parent is not None and (mem_id := parent.mem_id) != stop and mem_id not in found:
            found[mem_id] = parent
            parent = parent.parent
    return found


def parse_html(source: str, options: ExtractOptions, raw: bytes | None = None) -> Draft:
    """`raw`: the upload's bytes when they are UTF-8 (`source` decoded), handed to the parser as
    they are."""
    tree = parse_tree(source, raw)
    draft = Draft()
    walk = _first_walk(tree)
    for node in walk.ruby:
        node.decompose()
    meta_title, page_title, site_names, facts = _read_metadata(tree, source, options, draft, walk.marked)
    page = raw if raw is not None else source.encode("utf-8", "replace")
    draft.related_titles = _related_titles(tree, page, walk.marked.related)
    if tree.body is None:
        raise ExtractionRejected("no_body")
    broken = _text_between_breaks(walk.breaks)
    weighed = _paragraph_weights(walk.paragraphs, broken)
    weights = weighed.chars
    furniture = _furniture(tree.body, walk.containers, weights)
    side_date = _side_column_date(furniture) if not draft.published else None
    # where the metadata leaves the byline or the date unsettled, more page furniture is read first
    unsettled = not draft.authors or facts.publisher_only or not draft.published
    byline_furniture = _drop_furniture(furniture, unsettled)
    root = _content_root(tree, weighed)
    # The headline is read before boilerplate removal, and the elements around it survive it: the
    # byline and date usually sit beside it in an element named "header".
    check_tree_depth(root)
    code, blocks, lines = _walk_root(root, with_breaks=bool(broken))
    headlines = [node for node, tag in blocks if tag == "h1"]
    heads = _headings(tree, headlines, meta_title, page_title, facts.url)
    draft.title, meta_title = _visible_title(heads, meta_title, page_title, site_names)
    own_html = _a_document(tree, walk, blocks)
    sections = own_html and _title_a_document(draft, blocks, walk, bool(headlines), bool(meta_title or page_title))
    draft.title_candidates = [c for c in (meta_title, page_title) if c]
    h2_headline, kept, read_first = _headline_headers(root, blocks, headlines, heads, meta_title, draft.title)
    byline_boxes = _remove_boilerplate(root, code, [node for node, _ in blocks], weighed, kept, read_first, unsettled)
    declared_authors = draft.authors
    shown = read_visible_byline(draft, root, tree, facts, h2_headline, headlines)
    for node in byline_boxes + byline_furniture:
        node.decompose()
    _read_visible_labels(draft, root)
    # decompose() unlinks every element of the subtree it removes: the blocks still in the page are
    # the ones found before that still have a parent (no second walk of the article).
    # A page whose story has no container named as one is read from the element holding most of
    # its paragraphs (the bylines and dates above were looked for in the whole page).
    story = _paragraphs_holder(weighed, weights.get(root.mem_id, 0)) if root.mem_id == tree.body.mem_id else None
    if story is not None:
        _read_body(draft, story, None, bool(broken), h1_sections=sections)
    else:
        kept_lines = [(node, tag) for node, tag in lines if node.parent is not None or node.mem_id == root.mem_id]
        _read_body(draft, root, kept_lines, bool(broken), h1_sections=sections)
    if not draft.paragraphs:
        _read_without_class_rules(draft, source, raw, page)
    elif own_html:
        _read_document_header(draft, tree, bool(headlines) and not sections)  # (an <h1> that is a section heads no deck)
    publisher_named = facts.publisher_only and still_publisher(draft.authors, declared_authors)
    if not draft.authors or publisher_named:
        draft.authors = _last_resort_authors(draft, blocks, walk.marked.author_links)
    shown = shown if shown.outside or not side_date else shown._replace(outside=side_date)
    _settle_dates(draft, facts._replace(shown=shown), options, page)
    draft.authors = people.clean_names(draft.authors, list(facts.publishers))
    return draft


class _PageFacts(NamedTuple):
    """What the metadata tells the later steps: the page's timestamps (for its zone), its URL and
    meta tags (for the dates of last resort), whether its authors are only the publisher."""

    timestamps: list[str]
    url: str | None
    metas: dict[str, list[str]]
    publisher_only: bool = False  # the metadata's authors are the publisher: a visible byline wins
    unshown: bool = False  # the metadata's authors are named in meta tags only: a marked byline wins
    shown: Shown = Shown()
    title_date: str | None = None  # the date that ends the page's <title>
    title_aside: str | None = None  # the date in brackets that ends its headline ("…（2020年2月15日）｜Site")
    # The site's names and its address ("Le Monde" on www.lemonde.fr, "USA TODAY" on usatoday.com):
    # who the publisher is, for telling it from the people who write.
    publishers: tuple[str, ...] = ()


def _settle_dates(draft: Draft, facts: _PageFacts, options: ExtractOptions, page: bytes) -> None:
    """The publication date by the declared order (metadata, the date ending the <title>, shown in
    the article, a date in brackets ending the <title>'s headline, generic meta names, the URL,
    shown elsewhere: a site's header shows today's date, the page's own data; last the revision
    date, as in every format: draft.finish_article), both dates in the publisher's zone."""
    language = draft.language if isinstance(draft.language, str) else None
    month_first = pagedates.is_month_first(language)
    weak = pagedates.first_date(v for name in pagedates.WEAK_PUBLISHED_METAS for v in facts.metas.get(name, ()))
    in_url = pagedates.url_date(facts.url)
    shown = facts.shown
    declared = shown.in_article if _a_utc_day(draft.published, in_url, shown.in_article, options) else draft.published
    candidates = (declared, facts.title_date, shown.in_article, facts.title_aside, weak, in_url, shown.outside)
    draft.published = next((v for v in candidates if v), None) or pagedates.keyed_date(page)
    zone = pagedates.page_zone(language, facts.timestamps, facts.url)
    if zone is None and language is None and (draft.published or draft.updated):
        zone = pagedates.page_zone(_written_language(draft), ())
    if zone is None and isinstance(draft.published, str) and pagedates.is_utc(draft.published):
        draft.published = _publisher_day(draft.published, (shown.in_article, shown.outside, in_url), options) or draft.published
    for name in ("published", "updated"):
        value = getattr(draft, name)
        if isinstance(value, str):
            order = _day_order(value, in_url, month_first, options) if name == "published" else month_first
            value = value[:10] if _UTC_MIDNIGHT.match(value) else value  # a day stored as an instant
            local = pagedates.local_iso(value, zone, options.default_tz, order)
            if name == "published" and _utc_day_is_the_urls(value, local, in_url, options):
                local = pagedates.local_iso(value, dt.UTC, options.default_tz, order)
            setattr(draft, name, local)


def _written_language(draft: Draft) -> str | None:
    """The language the story is written in, for a page that declares none: its zone is then the
    publisher's (a German blog's "14. Juni 2019" is a day in Berlin)."""
    return text.detect_language(f"{draft.title or ''}\n" + "\n\n".join(draft.paragraphs[:40])[:4000])


_DAY_ONLY = precompiled.pattern(r"\d{4}-\d{2}-\d{2}")


def _a_utc_day(value: object, in_url: str | None, shown: str | None, options: ExtractOptions) -> bool:
    """Whether a declared day without a time ("sailthru.date": "2014-06-30") is the day after the
    one the URL holds and the article shows (/2014/6/29/, "June 29, 2014 08:08 pm"): the day in UTC
    of an evening story, where the article shows the publisher's own."""
    if not isinstance(value, str) or not in_url or not shown or not _DAY_ONLY.fullmatch(value):
        return False
    if (pagedates.local_iso(shown, None, options.default_tz) or "")[:10] != in_url:
        return False
    return dt.date.fromisoformat(value) - dt.date.fromisoformat(in_url) == dt.timedelta(days=1)


# Midnight UTC exactly is how a CMS stores a date without a time ("2020-01-10T00:00:00+00:00"): the
# day itself, which moving it into New York would make the 9th.
_UTC_MIDNIGHT = precompiled.pattern(r"\d{4}-\d{2}-\d{2}T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")


def _utc_day_is_the_urls(value: str, local: str | None, in_url: str | None, options: ExtractOptions) -> bool:
    """Whether a UTC instant falls on the day the URL holds in UTC but not in the zone the page was
    given ("2020-01-15T01:01:01+00:00" at /2020/01/15/ on an en-US page): the URL says the
    publisher's day, so the instant keeps it."""
    if not in_url or not local or local[:10] == in_url or not pagedates.is_utc(value):
        return False
    return (pagedates.local_iso(value, dt.UTC, options.default_tz) or "")[:10] == in_url


def _day_order(value: str, in_url: str | None, month_first: bool, options: ExtractOptions) -> bool:
    """Whether to read a numeric date month first: as the page's language says, unless the date in
    the URL is the other reading of an ambiguous one ("06/01/2026" on an English page whose URL holds
    /2026/01/06/: 6 January, not 1 June)."""
    if not in_url or value[:4].isdigit():
        return month_first  # an ISO date reads one way
    read = pagedates.local_iso(value, None, options.default_tz, month_first)
    other = pagedates.local_iso(value, None, options.default_tz, not month_first)
    return not month_first if read and other and read[:10] != in_url and other[:10] == in_url else month_first


def _publisher_day(instant: str, local: tuple[str | None, ...], options: ExtractOptions) -> str | None:
    """For a UTC instant of a page whose zone is unknown: the first date the page shows (or its
    URL holds) within a day of it, which is the publisher's own day; None when that is the
    instant's own day (the instant, with its time, stands)."""
    utc_day = pagedates.local_iso(instant, None, options.default_tz)
    if not utc_day:
        return None
    for value in local:
        day = pagedates.local_iso(value, None, options.default_tz) if value and not pagedates.is_utc(value) else None
        if day and abs(dt.date.fromisoformat(day[:10]) - dt.date.fromisoformat(utc_day[:10])) <= dt.timedelta(days=1):
            return value if day[:10] != utc_day[:10] else None
    return None


# Paragraphs weighed to find the story: enough for any article, bounded for a page of 80,000 tags.
_MAX_WEIGHED = 3000
_MAX_WEIGHT_DEPTH = 200


class _Weights(NamedTuple):
    chars: dict[int, int]  # characters of paragraph text inside each element, by mem_id
    # Each element holding paragraph text, with where it starts: (its first paragraph, -levels from
    # it), which sorts elements in document order (an ancestor before its descendants).
    holders: dict[int, tuple[tuple[int, int], Any]]
    parents: dict[int, tuple[int | None, Any]]  # each holder's parent (mem_id, element)


# Text written between <br>s in an element that is not a paragraph ("<div class="articleBody">Text
# <br><br>More text<br><br>…"): a story's paragraphs, when an element holds this much of it.
_BREAK_TEXT_CHARS = 200


def _text_between_breaks(breaks: list) -> list[tuple[Any, int]]:
    """Each element that holds _BREAK_TEXT_CHARS of text of its own (not inside its children)
    between <br>s (`breaks`: "br + br" matches), with that length: paragraphs written in lines."""
    parents = {parent.mem_id: parent for br in breaks if (parent := br.parent) is not None}
    found = []
    for parent in parents.values():
        if parent.tag not in _BLOCK_TAGS and (size := len((parent.text(deep=False) or "").strip())) >= _BREAK_TEXT_CHARS:
            found.append((parent, size))
    return found


def _paragraph_weights(paragraphs: list, broken: list[tuple[Any, int]]) -> _Weights:
    """Paragraph text inside each element, from one pass over the <p>s and their ancestors."""
    weights: dict[int, int] = {}
    holders: dict[int, tuple[tuple[int, int], Any]] = {}
    # Each element's parent, read from the tree once: the paragraphs of a story share their
    # ancestors, and a climb through this table costs a third of one through the tree's nodes.
    parents: dict[int, tuple[int | None, Any]] = {}
    # Text between <br>s weighs as paragraphs do, after them (document order is that of the <p>s).
    sized = [(paragraph, None) for paragraph in paragraphs[:_MAX_WEIGHED]] + list(broken)
    for index, (paragraph, known) in enumerate(sized):
        size = len(paragraph.text(deep=True).strip()) if known is None else known
        if size < 30:
            continue  # captions, datelines, empty spacers: not what makes a story
        node, mem_id, depth = paragraph, paragraph.mem_id, 0
        while mem_id is not None and depth < _MAX_WEIGHT_DEPTH:
            if mem_id in weights:
                weights[mem_id] += size
                mem_id, node = parents[mem_id]
            else:
                holders[mem_id] = ((index, -depth), node)
                weights[mem_id] = size
                parent = node.parent
                parents[mem_id] = (parent.mem_id, parent) if parent is not None else (None, None)
                mem_id, node = parents[mem_id]
            depth += 1
    return _Weights(weights, holders, parents)


def _read_metadata(
    tree, source: str, options: ExtractOptions, draft: Draft, marked: _Marked
) -> tuple[str | None, str | None, list[str], _PageFacts]:
    """What the page declares about itself (htmlmeta: each source read alone, merged in the
    declared order); returns the metadata title, the <title> and the site names seen."""
    metas = htmlmeta.metas(marked.metas)
    linked = htmlmeta.json_ld(marked.scripts)
    partials = {
        "json_ld": htmlmeta.from_json_ld(linked, options),
        "meta": htmlmeta.from_meta_tags(metas),
        "microdata": htmlmeta.from_microdata(marked.itemprops),
        "document": htmlmeta.from_document(tree),
    }
    declared = htmlmeta.merge(partials)
    declared_sites = (htmlmeta.first(metas, htmlmeta.SITE_NAME_METAS), htmlmeta.publisher_name(linked), htmlmeta.publisher_meta(metas))
    site_names = [n for n in declared_sites if n]
    url = marked.canonical or htmlmeta.first(metas, ("og:url",))
    whole_title = htmlmeta.page_title(tree)
    page_title = _before_a_dated_part(htmlmeta.without_site(whole_title, site_names, url))
    meta_title = _uncut_title(htmlmeta.without_site(declared.title, site_names, url), page_title)
    draft.subtitle, draft.authors = declared.subtitle, [_first_name_first(a, source) for a in declared.authors]
    publishers = (*site_names, url) if url else tuple(site_names)
    desks = htmlmeta.microdata_organisations(marked.itemprops)

    def is_publisher(name: str) -> bool:
        return htmlmeta.is_organisation(name, linked, [*publishers, *desks])

    publisher_only, unshown = _how_sure_the_authors_are(draft, metas, partials, source, is_publisher)
    draft.published, draft.updated = declared.published, declared.updated
    section = declared.category
    draft.category = section[0] if isinstance(section, list) and section else section
    draft.tags = declared.tags + declared.keywords
    draft.language, draft.summary, draft.issue = declared.language, declared.summary, declared.issue
    draft.expiry = declared.expiry
    title_date, title_aside = (None, None) if draft.published else _title_dates(whole_title)
    facts = _PageFacts(
        htmlmeta.timestamps(metas, linked),
        url,
        metas,
        publisher_only,
        unshown=unshown,
        title_date=title_date,
        title_aside=title_aside,
        publishers=publishers,
    )
    return meta_title, page_title, list(options.site_names) + site_names, facts


def _title_dates(title: str | None) -> tuple[str | None, str | None]:
    """A date that is the last part of the page's <title>, after a bar ("Headline | DW | 28.04.2023"):
    the page's own, where a live page's entries show dates of their own. And a date in brackets
    that ends the headline before the site's name ("…「お気に入りの一枚」（2020年2月15日）｜BIGLOBEニュース"),
    as news portals date their stories; it may also be an event's, so it comes after a date the
    article shows."""
    if not title or len(title) > 1000:
        return None, None
    parts = _TITLE_BARS.split(title)
    last = parts[-1].strip()
    found = find_date(last) if len(parts) > 1 and len(last) <= 30 else None
    if found and found[0] == last:
        return last, None
    aside = _BRACKETED_END.search(parts[-2] if len(parts) > 1 else parts[0])
    found = find_date(aside.group(1)) if aside else None
    if found and aside and found[0] == aside.group(1).strip():
        return None, found[0]
    dated = _dated_part(title)
    return None, (dated[1] if dated else None)


def _dated_part(title: str) -> tuple[int, str] | None:
    """A part of a <title> between dashes that is only a date ("Briefe - 26 Oktober 2010 - Blog -
    …", a blog's): where its separator starts, and the date."""
    if len(title) > 1000 or not _YEAR.search(title):
        return None
    separators = list(islice(_TITLE_DASHES.finditer(title), 6))
    for n, separator in enumerate(separators):
        end = separators[n + 1].start() if n + 1 < len(separators) else len(title)
        part = title[separator.end() : end].strip()
        if len(part) <= 30 and (found := find_date(part)) and found[0] == part:
            return separator.start(), part
    return None


def _before_a_dated_part(title: str | None) -> str | None:
    """A <title> cut before a part that is only a date ("Briefe - 26 Oktober 2010 - Blog - Bilder,
    News…" is "Briefe"): what follows is the blog's name and sections."""
    dated = _dated_part(title) if title else None
    head = title[: dated[0]].strip() if title and dated else ""
    return head if len(head) >= 3 else title


_YEAR = precompiled.pattern(r"\d\d\d\d")
_TITLE_BARS = precompiled.pattern(r"[|｜]")
_BRACKETED_END = precompiled.pattern(r"[（(]([^（）()]{6,40})[）)]\s*$")
_TITLE_DASHES = precompiled.pattern(r"\s[-–—|]\s")


def _uncut_title(meta_title: str | None, page_title: str | None) -> str | None:
    """A metadata title cut short by a quote mark written unescaped in its attribute
    (content="Biden called "unfit"") is the page's <title> that goes on from there with the quote."""
    if meta_title and page_title and len(page_title) > len(meta_title) and page_title.startswith(meta_title):
        if page_title[len(meta_title) :].lstrip()[:1] == '"':
            return page_title
    return meta_title


# "Gillman, Steve": one person, family name first, as some author meta tags are written.
_FAMILY_NAME_FIRST = precompiled.pattern(r"([^\W\d_][\w'’-]{0,30}), ([^\W\d_][\w'’.-]{0,30})")


def _how_sure_the_authors_are(
    draft: Draft, metas: dict[str, list[str]], partials: dict[str, htmlmeta.Declared], source: str, is_publisher
) -> tuple[bool, bool]:
    """Whether the metadata's authors are only the publisher (another author meta naming a person
    then replaces them, which settles it), and whether they are people named only in meta tags that
    nothing else on the page repeats (a blog theme's designer, a photo shoot's credit list). Either
    way a byline the page marks as one wins over them."""
    if draft.authors and all(map(is_publisher, draft.authors)):
        if person := htmlmeta.person_author_meta(metas, is_publisher):
            draft.authors = [person]  # another author meta names the writer
            return False, False
        return True, False
    return False, _named_only_in_metas(draft.authors, metas, partials, source)


def _named_only_in_metas(authors: list, metas: dict[str, list[str]], partials: dict[str, htmlmeta.Declared], source: str) -> bool:
    """Whether only meta tags name the authors, and the page holds each name no more often than its
    meta tags do (no byline, no data, no alt text shows it)."""
    if not authors or partials["json_ld"].authors or partials["microdata"].authors:
        return False
    in_metas = " ".join(value for values in metas.values() for value in values)
    return all(source.count(name) <= in_metas.count(name) for name in map(str, authors))


def _first_name_first(author, source: str):
    """A metadata author written "Family, Given" as the page shows it elsewhere ("Given Family"),
    so it is not read as two people; unchanged when the page does not show it so."""
    if not isinstance(author, str) or not (m := _FAMILY_NAME_FIRST.fullmatch(author.strip())):
        return author
    shown = f"{m.group(2)} {m.group(1)}"
    return text.PersonName(shown) if shown in source else author


def _furniture(body, containers: list, weights: dict[int, int]) -> list:
    """The page-furniture elements (forms, asides, navs...) to drop: all but one that wraps the
    story, which holds half the page's paragraph text. On a page without paragraphs (its text in
    <div>s and <br>s) only a <form> holding half the page's text stays: an ASP.NET page wraps the
    whole page in one. (A <nav> can hold most of the text of a page that has no story.)"""
    story = weights.get(body.mem_id, 0) / 2  # an element with half the page's paragraphs holds the story
    if story:
        return [node for node in containers if weights.get(node.mem_id, 0) <= story]
    half = len(body.text(deep=True)) / 2
    return [node for node in containers if node.tag != "form" or len(node.text(deep=True)) <= half]


def _side_column_date(furniture: list) -> str | None:
    """The date in the facts list of an <aside> ("<aside><ul class="content__meta"><li>Hintergrund
    <li class="date">19.07.2022</ul>"): read before the aside is dropped, for a page whose metadata
    has no date. It counts as a date shown outside the article. Not the date of a story's card in
    it (an <article> of its own: a list of other stories)."""
    for node in [node for node in furniture if node.tag == "aside"][:MAX_CANDIDATES]:
        facts = node.css_first(_SIDE_FACTS_SELECTOR)
        if facts is None or _in_a_card(facts, node):
            continue
        if len(value := htmlmeta.node_text(facts, limit=300)) <= 300 and (found := find_date(value)):
            return found[0]
    return None


def _in_a_card(node, aside) -> bool:
    """Whether an element of an <aside> is inside an <article> in it (looked for within the
    levels a real page nests: a hostile one may put hundreds of asides around one deep chain)."""
    stop = aside.mem_id
    for _ in range(_CARD_LEVELS):
        if node is None or node.mem_id == stop:
            return False
        if node.tag == "article":
            return True
        node = node.parent
    return False


_CARD_LEVELS = 50


_SIDE_FACTS_SELECTOR = "[class*=meta i], [class*=date i], [class*=byline i]"


_TAGLINE_CHARS = 200  # less paragraph text than this on a whole page is no story


def _content_root(tree, weights: _Weights):
    """The article's container: the first candidate (most specific selector first) holding at least
    half the paragraph text of the best one and a fair share (30 %) of the page's, so an empty
    <article> ad slot or a teaser card is passed over; the body when none does.

    Only elements holding that much paragraph text can qualify, and the weighing found them all:
    the candidates are those of them that match a content-root selector (no walk of the page)."""
    chars = weights.chars
    total = chars.get(tree.body.mem_id, 0)
    if total < _TAGLINE_CHARS:
        # No paragraphs, or only a line or two (a blog's tagline over posts written in <div>s and
        # <br>s): the most specific candidate of the whole page.
        candidates = list({node.mem_id: node for node in tree.css(_CONTENT_ROOT_SELECTOR)[:_MAX_ROOTS]}.values())
        own, ranks = _root_ranks(tree, candidates)
        return _innermost(candidates, min(candidates, key=lambda node: ranks[node.mem_id]), own, ranks) if candidates else tree.body
    # decompose() left the elements of dropped containers without a parent: they are out.
    heavy = [
        (key, node)
        for mem_id, (key, node) in weights.holders.items()
        if chars[mem_id] >= total * 0.3 and node.parent is not None and _is_content_root(node)
    ]
    best = max((chars[node.mem_id] for _, node in heavy), default=0)
    fair = [node for _, node in sorted(heavy, key=lambda pair: pair[0]) if chars[node.mem_id] >= best / 2]
    # The most specific selector first, then document order (min keeps the first of equals). An
    # element inside another candidate never wins: the outer one comes first in document order and
    # its subtree holds whatever the inner one matches. So only the outermost are ranked, and when
    # one is left (a wrapper, its <main> and its <article>) nothing is (a rank is up to a dozen
    # selector matches, each a walk of the element).
    fair_ids = {node.mem_id for node in fair}
    outermost = [node for node in fair if not _inside_any(node.mem_id, fair_ids, weights.parents)]
    if len(outermost) == 1:
        return outermost[0]
    return min(outermost, key=_root_rank) if outermost else tree.body


# Without a container named as the story's, the smallest element holding this share of the
# page's paragraph text is: what lies outside it is the page's navigation, teasers and footer.
_HOLDER_SHARE = 0.85


def _paragraphs_holder(weights: _Weights, total: int):
    """The element holding _HOLDER_SHARE of the paragraph text that holds least (the innermost).
    One paragraph that long is the story's, not its holder: the element around it holds the story
    (and the short paragraphs the weights leave out: a lead of one CJK sentence is under 30 characters)."""
    chars = weights.chars
    held = [(chars[mem_id], key, node) for mem_id, (key, node) in weights.holders.items() if chars[mem_id] >= total * _HOLDER_SHARE]
    held = [entry for entry in held if entry[2].parent is not None and entry[2].tag not in _NO_HOLDERS and not _boilerplate(entry[2])]
    return min(held, key=lambda entry: (entry[0], -entry[1][1]))[2] if held else None


_NO_HOLDERS = frozenset({"body", "html", "-document", "p"})


def _innermost(candidates: list, chosen, own: dict[int, int], ranks: dict[int, int]):
    """The element that earns `chosen` its rank: a wrapper ranks as the post it holds ("div.content"
    around a Blogger "widget Blog" around "div.post-body.entry-content"), and page furniture between
    them would take the story with it. An element that matches the selector itself is kept (an
    <article> stays the story, not the first teaser <article> inside it). `own`, `ranks`: _root_ranks."""
    rank, found = ranks[chosen.mem_id], False
    if own[chosen.mem_id] == rank:
        return chosen
    for node in candidates:
        found = found or node.mem_id == chosen.mem_id
        if found and node.mem_id != chosen.mem_id and _within(node, chosen) and ranks[node.mem_id] == rank:
            chosen = node
            if own[chosen.mem_id] == rank:
                break
    return chosen


def _root_ranks(tree, candidates: list) -> tuple[dict[int, int], dict[int, int]]:
    """Each candidate's own rank (the first content-root selector it matches itself) and its
    _root_rank, by mem_id, from the candidates alone (a walk of each one's subtree per selector made
    nested candidates quadratic): the content roots in an element's subtree are the candidates
    inside it, and its rank the best of theirs and its own. Each rank climbs to the candidates
    around it, and stops at one that ranks as well already: that one passed its own on when it was
    placed, and so did everything that improved it."""
    matching: dict[str, set[int]] = {}

    def lexbor_matches(selector: str) -> set[int]:
        if selector not in matching:  # one walk of the page per selector, the first time one is asked
            matching[selector] = {node.mem_id for node in tree.css(selector)}
        return matching[selector]

    own = {node.mem_id: _own_rank(node, lexbor_matches) for node in candidates}
    ranks = dict(own)
    for node in candidates:
        rank, parent = ranks[node.mem_id], node.parent
        while parent is not None:
            above = ranks.get(parent.mem_id)
            if above is not None:
                if above <= rank:
                    break
                ranks[parent.mem_id] = rank
            parent = parent.parent
    return own, ranks


def _within(node, ancestor) -> bool:
    parent, target = node.parent, ancestor.mem_id
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def _inside_any(mem_id: int, ids: set[int], parents: dict[int, tuple[int | None, Any]]) -> bool:
    """Whether an element holding paragraph text lies inside one of `ids` (climbing the weighing's
    table of parents, not the tree)."""
    parent = parents.get(mem_id, (None, None))[0]
    while parent is not None:
        if parent in ids:
            return True
        parent = parents.get(parent, (None, None))[0]
    return False


def _root_rank(node) -> int:
    """The first content-root selector that matches in the element's subtree."""
    return next(n for n, selector in enumerate(_CONTENT_ROOTS) if node.css_matches(selector))


def _own_rank(node, lexbor_matches: Callable[[str], set[int]]) -> int:
    """The first content-root selector that matches the element itself (len(_CONTENT_ROOTS) when
    none does), from its attributes. Where a class or id differs from the selector's in case alone,
    `lexbor_matches` (the page's elements a selector matches) decides: a quirks-mode page matches
    those in any case, a standards-mode one in theirs."""
    attrs, tag = node.attributes, node.tag
    classes = _HTML_SPACE.split(attrs.get("class") or "")
    ident = attrs.get("id") or ""
    for rank, selector in enumerate(_CONTENT_ROOTS):
        kind, name = selector[0], selector[1:]
        if kind == "[":
            attribute, value = name.rstrip("]").split("=")
            matched = attrs.get(attribute) == value
        elif kind == "." or kind == "#":
            names = classes if kind == "." else [ident]
            matched = name in names or (name in (n.lower() for n in names) and node.mem_id in lexbor_matches(selector))
        else:
            matched = tag == selector
        if matched:
            return rank
    return len(_CONTENT_ROOTS)


_ROOT_CLASSES = frozenset(s[1:] for s in _CONTENT_ROOTS if s.startswith("."))
_ROOT_IDS = frozenset(s[1:] for s in _CONTENT_ROOTS if s.startswith("#"))
_ROOT_NAME_SELECTOR = ", ".join(s for s in _CONTENT_ROOTS if s[0] in ".#")
_HTML_SPACE = precompiled.pattern(r"[ \t\n\f\r]+")


def _is_content_root(node) -> bool:
    """Whether a content-root selector matches the element itself."""
    attrs = node.attributes
    if node.tag in ("article", "main") or attrs.get("itemprop") == "articleBody" or attrs.get("role") == "main":
        return True
    classes = _HTML_SPACE.split(attrs.get("class") or "")
    ident = attrs.get("id") or ""
    if not _ROOT_CLASSES.isdisjoint(classes) or ident in _ROOT_IDS:
        return True
    if _ROOT_CLASSES.isdisjoint(c.lower() for c in classes) and ident.lower() not in _ROOT_IDS:
        return False
    # Only the case differs: a quirks-mode page matches class and id selectors in any case, so the
    # parser decides (the first match in the element's subtree is the element when it matches).
    first = node.css_first(_ROOT_NAME_SELECTOR)
    return first is not None and first.mem_id == node.mem_id


_MAX_ROOTS = 200


def _remove_boilerplate(
    root, code: list, blocks: list, weighed: _Weights, keep: set[int], read_first: set[int], unsettled: bool = False
) -> list:
    """Code, and elements whose class, id or role says page furniture, unless one holds half the
    story's paragraphs (a wrapper named "has-header" or "layout--sidebar" is the story itself) or
    the headline (`keep`: the article's own header). `code` and `blocks`: what
    root.css(_DROP_CODE + ", " + _BLOCKS) found. Returns the furniture that holds the byline or the
    date, and the furniture in `read_first`, for the caller to drop once it has read them."""
    for node in code:
        node.decompose()
    weights = weighed.chars
    story = weights.get(root.mem_id, 0) / 2
    byline_boxes = []
    # Only the blocks the body is read from and the elements around them can matter; the rest
    # (links, images, icons: most of a page) are never even looked at.
    found = [
        (node, kind)
        for node in [*_ancestors_within(root, blocks).values(), *blocks]
        if node.mem_id not in keep and (kind := _boilerplate(node)) and (not story or weights.get(node.mem_id, 0) < story)
    ]
    sections = _story_sections(found, weighed, story)
    article_id = root.mem_id if root.tag == "article" else None
    dropped = []
    # Where the metadata leaves the byline or the date unsettled, a column of the article named as
    # furniture that marks one author ("Tech-Sidebar" with "Tech-Author" and "Tech-Date") is read
    # first: the first few looked into, each a walk of its own elements.
    checked: list = []
    for node, kind in found:
        if node.mem_id in sections:
            continue
        if (
            kind == _BYLINE_BOX
            or node.mem_id in read_first
            or (kind == _HEADER and _the_articles_header(node, keep, article_id))
            or (unsettled and _a_column(node) and _one_of_the_first(checked, node) and _one_person_box(node))
            or (unsettled and _dated_article_footer(node))
        ):
            byline_boxes.append(node)
        else:
            dropped.append(node)
    # Furniture inside a byline box ("m-detail-header--meta" > "m-detail-header--horizontal-list")
    # goes with the box once it is read, not before: it holds the date.
    boxes = {node.mem_id for node in byline_boxes}
    for node in dropped:
        if not boxes or not _inside_box(node, boxes):
            node.decompose()
    return byline_boxes


_MAX_SIDE_COLUMNS = 4


def _one_of_the_first(checked: list, node) -> bool:
    """Whether `node` is among the first _MAX_SIDE_COLUMNS looked into (and counts it)."""
    if len(checked) >= _MAX_SIDE_COLUMNS:
        return False
    checked.append(node)
    return True


# Furniture words of a column beside the story ("Tech-Sidebar", "article-header-sidebar"), which
# may hold its byline; not those of a box of other stories, comments, or a picture's credits (nor a
# header alone: only the article's own is read, above).
_SIDE_WORDS = frozenset({"sidebar", "side"})
_COLUMN_WORDS = _SIDE_WORDS | {"header"}


def _a_column(node) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    if "side" not in names:  # most furniture: no column
        return False
    words = _BOILERPLATE.intersection(_segments(names))
    return words <= _COLUMN_WORDS and not words.isdisjoint(_SIDE_WORDS) and node.tag not in ("figure", "figcaption")


def _one_person_box(node) -> bool:
    """A column's one author box that names people ("Por Alberto Ávila"; a box of several, each
    marked: "Mathias Hagen – Journalist"), not a link to the list of them ("Voir tous les articles")."""
    marks = _author_marks(node)
    return _one_box_of(marks) and any(_names_a_person(mark) for mark in marks[:5])


def _names_a_person(mark) -> bool:
    """Whether an element's first line of text names a person."""
    first_line = next((line for line in htmlmeta.node_text(mark, limit=200).splitlines() if line.strip()), "")
    return len(first_line) <= 80 and any(map(people.looks_like_person, people.clean_names([first_line], [])))


_BOX_DEPTH = 6  # how far up a byline box is looked for: its list or row is a few levels inside it


def _inside_box(node, boxes: set[int]) -> bool:
    parent = node.parent
    for _ in range(_BOX_DEPTH):
        if parent is None:
            return False
        if parent.mem_id in boxes:
            return True
        parent = parent.parent
    return False


_MAX_SIBLINGS_BACK = 20


def _the_articles_header(node, keep: set[int], article_id: int | None) -> bool:
    """Whether a box named only as a header is the article's own: after the headline inside the
    article's header ("content-header__accreditation" after the <h1>'s block), or the first element
    of an <article> whose headline is elsewhere (20min.ch's "Article_header", with the lead, the
    byline and the date). It is read, then dropped. A site's header comes before the story, not
    after its headline, and is no <article>'s first element."""
    parent = node.parent
    if parent is None:
        return False
    parent_id = parent.mem_id
    after_headline = parent_id in keep
    first_of_article = not after_headline and parent_id == article_id
    if not (after_headline or first_of_article):
        return False
    sibling = node.prev
    for _ in range(_MAX_SIBLINGS_BACK):
        if sibling is None:
            return first_of_article
        if sibling.tag != "-text" and first_of_article:
            return False
        if sibling.tag == "h1" or sibling.mem_id in keep:
            return True
        sibling = sibling.prev
    return False


def _story_sections(found: list, weighed: _Weights, story: float) -> set[int]:
    """The elements among `found` that are the story's own sections: those holding paragraphs whose
    furniture word, over all of them, names half the story and only says they may carry ads
    ("TestReport__Section--Ads": a review's sections hold all of it). Each alone holds less than half."""
    chars = weighed.chars
    if not story or sum(chars.get(node.mem_id, 0) for node, _ in found) < story:
        return set()  # (most pages: the furniture holds little of the story)
    held = [(node, chars[node.mem_id]) for node, _ in found if chars.get(node.mem_id)]
    by_word: dict[frozenset, list] = {}
    for node, weight in held:
        attrs = node.attributes
        words = _BOILERPLATE.intersection(_segments(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
        by_word.setdefault(frozenset(words), []).append((node, weight))
    sections: set[int] = set()
    for words, members in by_word.items():
        ids = {node.mem_id for node, _ in members}
        # an element inside another of its group holds the same paragraphs: counted once
        if words and words <= _ADS_WORDS and sum(w for node, w in members if not _inside_any(node.mem_id, ids, weighed.parents)) >= story:
            sections.update(ids)
    return sections


# Furniture words that say what a section may carry rather than what it is: a story's sections
# "--Ads" are the story; a "comments" section holding half the page's text is still readers' talk.
_ADS_WORDS = frozenset({"ad", "ads", "advert", "advertisement", "adsense"})


def _visible_title(h1s: list, meta_title: str | None, page_title: str | None, site_names: list[str]) -> tuple[str | None, str | None]:
    """The visible headline: the <h1> that matches the metadata title, else the first one that is
    not a logo or a section label; else the metadata title. Returns it with the metadata title,
    which is the page's <title> when the page has no other and its only <h1> is a logo."""
    h1_texts = [_headline_text(h) for h in h1s]
    for value in h1_texts:
        bare = text.split_labels(text.clean(value, 1200) or "")[0]
        if meta_title and (text.same_text(bare, meta_title) or text.same_text(bare, text.strip_site_suffix(meta_title, site_names))):
            return value, meta_title
        if meta_title and _after_kicker(value, meta_title):
            return meta_title, meta_title
    if not h1_texts:
        return meta_title, meta_title
    page = text.strip_site_suffix(text.clean(page_title) or "", site_names, any_site=True) if page_title else ""
    if not meta_title and page and (repeated := _h1_the_page_title_repeats(h1_texts, page)):
        return repeated, meta_title
    for h1 in h1s[:3]:
        if part := _leading_part(h1, [t for t in (meta_title, page_title) if t]):
            return part, meta_title
    named = next((v for v in h1_texts if v and not any(text.same_text(v, s) for s in site_names)), None)
    visible = next((v for h1, v in zip(h1s, h1_texts, strict=True) if v and not _is_logo(h1, v, site_names)), None)
    # An <h1> that shares almost no words with the article's metadata title is a logo or a
    # section label, unless the page's <title> is that <h1> too (the metadata then holds a social
    # or print headline); so is a lone word that has nothing in common with the page's <title>.
    if visible and meta_title and _overlap(visible, meta_title) < 0.3 and not text.same_text(visible, page):
        return meta_title, meta_title
    # A logo <h1> names the site that the page's <title> ends with, or starts with; a site's name is
    # shorter than a headline ("Pluralsight Tech Blog | Managing Python Environments": the <h1> is the headline).
    if named and not meta_title and page_title and (headline := _title_before_site(named, page_title)) and len(headline) > len(named):
        return headline, headline
    logo = next((v for h1, v in zip(h1s, h1_texts, strict=True) if v and v != visible and _is_logo(h1, v, site_names)), None)
    # A logo <h1> (a link home) may name the site at length: "Historischer Markt › Historische Wehranlage in Horka e.V".
    if (
        logo
        and not visible
        and not meta_title
        and page_title
        and (headline := _title_after_logo(logo, page_title) or _title_before_site(logo, page_title, 60))
    ):
        return headline, headline
    if visible and not meta_title and page and _a_label(visible, page, (text.clean(page_title) or "")[len(page) :]):
        return page, page
    return visible or meta_title, meta_title


_CATEGORY_CLASSES = frozenset({"category", "post-category", "entry-category", "article-category"})
_DECK_CLASSES = frozenset({"subtitle", "deck", "dek", "standfirst", "sub-title", "subheadline", "MsoSubtitle"})
_CATEGORY_SELECTOR = ", ".join(f".{c}" for c in sorted(_CATEGORY_CLASSES)) + ", [rel='category tag']"
_DECK_SELECTOR = ", ".join(f".{c}" for c in sorted(_DECK_CLASSES))
_LABEL_SELECTOR = _CATEGORY_SELECTOR + ", " + _DECK_SELECTOR


def _read_visible_labels(draft: Draft, root) -> None:
    """Category and deck from the page's own classes when the metadata has none."""
    if draft.category and draft.subtitle:
        return
    # One walk for both, matching only what is missing (each class compared costs on every element).
    selector = _DECK_SELECTOR if draft.category else _CATEGORY_SELECTOR if draft.subtitle else _LABEL_SELECTOR
    for node in root.css(selector):
        classes = set((node.attributes.get("class") or "").split())
        if not draft.category and (classes & _CATEGORY_CLASSES or node.attributes.get("rel") == "category tag"):
            draft.category = htmlmeta.node_text(node)
        elif not draft.subtitle and classes & _DECK_CLASSES:
            draft.subtitle = htmlmeta.node_text(node)
        if draft.category and draft.subtitle:
            return


def _walk_root(root, with_breaks: bool) -> tuple[list, list, list]:
    """One walk of the article: the code to drop, its blocks (with their tags: each tag read once,
    a new string at every read), and the same with its <br>s when the page has text between them
    (they tell a story written without paragraphs; most pages have none to tell, and skip them)."""
    tagged = [(node, node.tag) for node in root.css(_DROP_CODE + ", " + (_LINES if with_breaks else _BLOCKS))]
    code = [node for node, tag in tagged if tag in _CODE_TAGS]
    lines = [(node, tag) for node, tag in tagged if tag not in _CODE_TAGS]
    return code, [(node, tag) for node, tag in lines if tag != "br"] if with_breaks else lines, lines


_LINES = _BLOCKS + ", br + br"


def _read_body(draft: Draft, root, blocks: list | None = None, breaks: bool = True, h1_sections: bool = False) -> None:
    """Headings, paragraphs and credits, in order; each container's text read once. A story written
    in <div>s and <br>s is read a line at a time. `blocks`: root.css(_LINES) with each element's
    tag, when the caller has them already (`breaks`: with the <br>s, when the page has text between them)."""
    blocks = [(node, node.tag) for node in root.css(_LINES if breaks else _BLOCKS)] if blocks is None else blocks
    holders = set(_ancestors_within(root, [node for node, tag in blocks if tag in _HELD]))
    read: set[int] = set()  # blocks inside a block already read whole
    captioned: set[int] = set()  # the paragraphs of a picture's caption: credits, not body
    headings, first = len(draft.headings), len(draft.paragraphs)
    for index, (node, tag) in enumerate(blocks):
        if tag == "br" or (mem_id := node.mem_id) in read or tag in _CONTAINERS and mem_id in holders:
            continue  # an outer block already gave the text, or the container's inner blocks carry it
        # Once a block is read whole, the blocks it holds are not read again: a chain of nested
        # <pre>s, or of <dt>s in <dl>s, would give its text once per level.
        if tag not in _READ_APART and (mem_id in holders or _may_hold_blocks(blocks, index)):
            read.update(inner.mem_id for inner in node.css(_BLOCKS))
        value = htmlmeta.node_text(node).strip()
        if tag == "figcaption" and node.mem_id in holders and node.mem_id not in captioned and len(value) <= _CAPTION_CHARS:
            # its captions inside too: a caption nested in one already read is not walked again
            captioned.update(inner.mem_id for inner in node.css("p, figcaption"))
        if value and (tag != "h1" or h1_sections):
            _read_block(draft, node, "figcaption" if tag == "p" and node.mem_id in captioned else tag, value)
    lines = _written_in_breaks(draft.paragraphs[first:], blocks) if breaks else None
    lines = root if lines is None and len(draft.paragraphs) == len(draft.headings) - headings else lines
    if lines is not None:
        # Pages that use <div>s and <br>s instead of paragraphs (their headings are in the text): a
        # line ends at a <br> or an element that starts a line, not at a link or a bold word.
        draft.paragraphs.clear()
        for node in lines.css(_LINE_ENDS)[:_MAX_LINE_ENDS]:
            node.insert_after("\n")
        for line in htmlmeta.node_text(lines).split("\n"):
            if line.strip() and not text.same_text(line, draft.title if isinstance(draft.title, str) else None):
                draft.credit_or_paragraph(line.strip())


# A picture's caption is a line or two; a slideshow's "captions" are the story (popsugar.com).
_CAPTION_CHARS = 300


def _written_in_breaks(paragraphs: list[str], blocks: list):
    """The element that holds the story in lines between <br>s, when more of the article is
    written so than in its blocks (its paragraphs are then a deck, captions or quotes): the one
    that holds most of that text."""
    broken = _text_between_breaks([node for node, tag in blocks if tag == "br"][:_MAX_BREAKS])
    total = sum(size for _, size in broken)
    if total <= sum(map(len, paragraphs)):
        return None
    element, size = max(broken, key=lambda pair: pair[1])
    return element if size >= total * 2 / 3 else None


_LINE_ENDS = "br, div, p, li, dd, dt, tr, blockquote, pre, section, article, header, footer, table, h1, h2, h3, h4, h5, h6"
_MAX_LINE_ENDS = 20_000  # a page of more is refused before it is parsed (MAX_TAGS); this bounds it anyway


def _may_hold_blocks(blocks: list, index: int) -> bool:
    """Whether the block at `index`, which holds no _HELD block (it is not a holder), can hold any
    block: blocks come in document order, so the next one is inside it if any is. One that is
    _HELD is not (the common case: the next paragraph, the next <li> of a list), and no walk of the
    block is needed."""
    return index + 1 < len(blocks) and blocks[index + 1][1] not in _HELD and blocks[index + 1][1] != "br"


_SECTION_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})  # (an <h1> only reaches here as a section's)


def _read_block(draft: Draft, node, tag: str, value: str) -> None:
    if tag == "p" and (attrs := node.attributes):
        classes = attrs.get("class") or ""
        names = _segments(f"{classes} {attrs.get('id') or ''}".lower())
        if not _METADATA_WORDS.isdisjoint(names) and "credit" not in classes:
            return
    if tag in _SECTION_HEADINGS:
        if not text.RELATED_HEADING.match(value):
            draft.heading(value)
        return
    if tag == "figcaption":
        if text.credit_line(value):
            draft.credit_or_paragraph(value)
        return
    if (tag == "li" or tag == "p") and len(value) <= _LINK_CHARS and _only_a_link(node):
        return  # a menu's entry, a list of other stories', a teaser: a link and nothing else
    draft.credit_or_paragraph(value)


_LINK_CHARS = 300  # a link's text is a line at most: a longer block is not looked into


def _only_a_link(node) -> bool:
    """Whether an element's text is all one link's (<li><a href="/politics">Politics</a></li>)."""
    child = node.child
    link = None
    while child is not None:
        tag = child.tag
        if tag == "a" and link is None:
            link = child
        elif tag == "-text":
            if (child.text_content or "").strip():
                return False
        elif tag[:1] != "-":
            return False
        child = child.next
    return link is not None
