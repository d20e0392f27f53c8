"""The story in an HTML page: its container (the content root, found by where the paragraph text
is), the page furniture around it (removed by class, id and role, sparing what holds the byline or
the date until they are read), and its text: headings, paragraphs and credits, each block once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from . import htmlmeta, people, precompiled, text
from .dates import find_date
from .draft import Draft
from .htmlbyline import MAX_CANDIDATES

# Elements that hold no article text, removed before the body is read. Not listed, because the tree
# shows nothing of them: <embed> (a void element) and <template> (its content is a fragment of its
# own, which no selector, tag lookup or text() reaches).
DROP_CONTAINERS = "iframe, svg, canvas, form, button, select, textarea, object, nav, footer, aside, dialog"


# Scripts and styles are only ever inside what is read once the content root is chosen; a page has
# dozens of them in <head>, so they are removed from the root alone.
DROP_CODE = "script, style, noscript"


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


def name_words(names: str) -> list[str]:
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


# What boilerplate says of an element: not page furniture, furniture, furniture that holds the
# byline or the date ("widget article__authors", "nav meta"), dropped only once they are read, or
# furniture named only as a header (which may be the article's own: see _the_articles_header).
NOT_FURNITURE, _FURNITURE, _BYLINE_BOX, _HEADER = 0, 1, 2, 3


_HEADER_WORDS = frozenset({"header", "masthead"})


def boilerplate(node) -> int:
    attrs = node.attributes
    if not attrs:
        return NOT_FURNITURE  # most blocks: nothing to read
    role = attrs.get("role")
    if role and role.lower() in _FURNITURE_ROLES:
        return _FURNITURE
    names = attrs.get("class") or ""
    if ident := attrs.get("id"):
        names = f"{names} {ident}"
    if not names:
        return NOT_FURNITURE
    # A page repeats a few class strings over thousands of elements: each is cut into words once.
    found = _BOILERPLATE_NAMES.get(names)
    if found is None:
        segments = name_words(names.lower())
        if "elementor" in segments:  # the page builder's blocks ("elementor-widget-heading") hold the story too
            segments = [word for word in segments if word != "widget"]
        words = _BOILERPLATE.intersection(segments)
        found = (
            NOT_FURNITURE
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
    return not _BYLINE_WORDS.isdisjoint(name_words(names.lower()))


_BOILERPLATE_NAMES: dict[str, int] = {}


_MAX_REMEMBERED_NAMES = 4096


_BYLINE_WORDS = frozenset(
    {"author", "authors", "autor", "autores", "auteur", "byline", "bylines", "meta", "date", "dateline", "writer", "reporter"}
)


_FURNITURE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})


MAX_BREAKS = 5000


def drop_furniture(furniture: list, unsettled: bool) -> list:
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
        if "footer" not in classes or "footer" not in name_words(classes):
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
        if "article" in classes and "article" in name_words(classes):
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


_CONTAINERS = frozenset({"li", "blockquote", "dd"})


_HELD = frozenset({"p", "li", "h2", "h3", "h4"})  # blocks whose containers are not read whole


# Blocks whose inner blocks are read on their own: the <h1> (the title, not body text) and a
# picture's caption (its paragraphs are credits, or a slideshow's story).
_READ_APART = frozenset({"h1", "figcaption"})


def ancestors_within(root, nodes) -> dict[int, object]:
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


def text_between_breaks(breaks: list) -> list[tuple[Any, int]]:
    """Each element that holds _BREAK_TEXT_CHARS of text of its own (not inside its children)
    between <br>s (`breaks`: "br + br" matches), with that length: paragraphs written in lines."""
    parents = {parent.mem_id: parent for br in breaks if (parent := br.parent) is not None}
    found = []
    for parent in parents.values():
        if parent.tag not in _BLOCK_TAGS and (size := len((parent.text(deep=False) or "").strip())) >= _BREAK_TEXT_CHARS:
            found.append((parent, size))
    return found


def paragraph_weights(paragraphs: list, broken: list[tuple[Any, int]]) -> _Weights:
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


def furniture(body, containers: list, weights: dict[int, int]) -> list:
    """The page-furniture elements (forms, asides, navs...) to drop: all but one that wraps the
    story, which holds half the page's paragraph text. On a page without paragraphs (its text in
    <div>s and <br>s) only a <form> holding half the page's text stays: an ASP.NET page wraps the
    whole page in one. (A <nav> can hold most of the text of a page that has no story.)"""
    story = weights.get(body.mem_id, 0) / 2  # an element with half the page's paragraphs holds the story
    if story:
        return [node for node in containers if weights.get(node.mem_id, 0) <= story]
    half = len(body.text(deep=True)) / 2
    return [node for node in containers if node.tag != "form" or len(node.text(deep=True)) <= half]


def side_column_date(furniture: list) -> str | None:
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


def content_root(tree, weights: _Weights):
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


def paragraphs_holder(weights: _Weights, total: int):
    """The element holding _HOLDER_SHARE of the paragraph text that holds least (the innermost).
    One paragraph that long is the story's, not its holder: the element around it holds the story
    (and the short paragraphs the weights leave out: a lead of one CJK sentence is under 30 characters)."""
    chars = weights.chars
    held = [(chars[mem_id], key, node) for mem_id, (key, node) in weights.holders.items() if chars[mem_id] >= total * _HOLDER_SHARE]
    held = [entry for entry in held if entry[2].parent is not None and entry[2].tag not in _NO_HOLDERS and not boilerplate(entry[2])]
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


def remove_boilerplate(
    root, code: list, blocks: list, weighed: _Weights, keep: set[int], read_first: set[int], unsettled: bool = False
) -> list:
    """Code, and elements whose class, id or role says page furniture, unless one holds half the
    story's paragraphs (a wrapper named "has-header" or "layout--sidebar" is the story itself) or
    the headline (`keep`: the article's own header). `code` and `blocks`: what
    root.css(DROP_CODE + ", " + _BLOCKS) found. Returns the furniture that holds the byline or the
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
        for node in [*ancestors_within(root, blocks).values(), *blocks]
        if node.mem_id not in keep and (kind := boilerplate(node)) and (not story or weights.get(node.mem_id, 0) < story)
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
    words = _BOILERPLATE.intersection(name_words(names))
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
        words = _BOILERPLATE.intersection(name_words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))
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


def walk_root(root, with_breaks: bool) -> tuple[list, list, list]:
    """One walk of the article: the code to drop, its blocks (with their tags: each tag read once,
    a new string at every read), and the same with its <br>s when the page has text between them
    (they tell a story written without paragraphs; most pages have none to tell, and skip them)."""
    tagged = [(node, node.tag) for node in root.css(DROP_CODE + ", " + (_LINES if with_breaks else _BLOCKS))]
    code = [node for node, tag in tagged if tag in _CODE_TAGS]
    lines = [(node, tag) for node, tag in tagged if tag not in _CODE_TAGS]
    return code, [(node, tag) for node, tag in lines if tag != "br"] if with_breaks else lines, lines


_LINES = _BLOCKS + ", br + br"


def read_body(draft: Draft, root, blocks: list | None = None, breaks: bool = True, h1_sections: bool = False) -> None:
    """Headings, paragraphs and credits, in order; each container's text read once. A story written
    in <div>s and <br>s is read a line at a time. `blocks`: root.css(_LINES) with each element's
    tag, when the caller has them already (`breaks`: with the <br>s, when the page has text between them)."""
    blocks = [(node, node.tag) for node in root.css(_LINES if breaks else _BLOCKS)] if blocks is None else blocks
    holders = set(ancestors_within(root, [node for node, tag in blocks if tag in _HELD]))
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
    broken = text_between_breaks([node for node, tag in blocks if tag == "br"][:MAX_BREAKS])
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
        names = name_words(f"{classes} {attrs.get('id') or ''}".lower())
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
