"""HTML articles: the page parsed once (htmlparse), what it declares about itself (htmlmeta), then
what it visibly shows: the story's container and its furniture (htmlbody), its headline
(htmltitle), the byline and dates (htmlbyline), its body (htmlbody); the dates settled last
(htmldates). An article's own HTML, not a web page, opens as a typed file does (htmldocument).

parse_html is the order of those steps; the tree is read before it is changed (the first walk), and
the headline, byline and dates before the page furniture around them is removed."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import ExtractionRejected
from . import htmlbody, htmldates, htmldocument, htmlmeta, htmltitle, people, precompiled, text
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


class FirstWalk(NamedTuple):
    """Everything read from the tree before it is changed: the marked elements from one walk (a
    walk costs as much as the parse; a selector more in a walk costs a fraction of that), and the
    body's paragraphs and containers from a second walk."""

    marked: _Marked
    paragraphs: list  # <p> in the body
    containers: list  # htmlbody.DROP_CONTAINERS in the body
    breaks: list  # <br> in the body (the first htmlbody.MAX_BREAKS)
    # Ruby readings (<rt>, and the <rp> brackets around them) are not the text: "子<rt>こ</rt>ども"
    # reads "子ども" (Japanese pages for learners and children put a reading over each kanji).
    ruby: list


# "br + br": a <br> after another among its element siblings (text between them is no element): the
# second and later of an element's line breaks, far fewer than all of them, and none alone.
_PARAGRAPHS_AND_CONTAINERS = "p, br + br, " + htmlbody.DROP_CONTAINERS


def _first_walk(tree) -> FirstWalk:
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
    breaks = [node for node, tag in tagged if tag == "br"][: htmlbody.MAX_BREAKS]
    containers = [node for node, tag in tagged if tag != "p" and tag != "br"]
    return FirstWalk(_Marked(metas, scripts, itemprops, related, canonical, author_links), paragraphs, containers, breaks, ruby)


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
    for node in fresh.css(htmlbody.DROP_CONTAINERS + ", " + htmlbody.DROP_CODE):
        node.decompose()
    htmlbody.read_body(draft, fresh.body)
    if not draft.paragraphs and any(marker in page for marker in _SCRIPT_RENDERED):
        raise ExtractionRejected("script_rendered")


def read_article_html(draft: Draft, fragment: str) -> None:
    """The body of an article that another format keeps as HTML (a CMS export's "content"), read
    as a page's article is: headings, paragraphs and credits, each block once (a paragraph inside a
    quote or a list item is not read again with it), its <h1>s as sections; embeds, forms and code
    are no text. Text without block elements is read a line at a time."""
    tree = parse_tree(fragment)
    check_tree_depth(tree.body)
    for node in tree.css(htmlbody.DROP_CONTAINERS + ", " + htmlbody.DROP_CODE):
        node.decompose()
    if tree.body is not None:
        htmlbody.read_body(draft, tree.body, h1_sections=True)


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
        return heads[0], set(htmlbody.ancestors_within(root, heads[:1])), _rows_after(heads[0])
    # the header of the <h2> a breadcrumb's <h1> repeats is spared as an <h1>'s is (the dates and
    # bylines are still looked for from the <h1> on: a date may stand between the two)
    below = htmltitle.h2_below_the_crumbs(blocks, heads)
    spared, after = set(htmlbody.ancestors_within(root, below)), _rows_after(below[0]) if below else set()
    if headlines:
        shown = next((h1 for h1 in headlines[:5] if text.same_text(text.clean(htmlmeta.node_text(h1, limit=400), 400), title)), None)
        return None, set(htmlbody.ancestors_within(root, headlines)) | spared, (_rows_after(shown) if shown is not None else set()) | after
    h2s = htmltitle.h2_the_title_ends(blocks, meta_title)
    return (h2s[0] if h2s else None), spared, set(htmlbody.ancestors_within(root, h2s)) | (_rows_after(h2s[0]) if h2s else set()) | after


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
            if htmlbody.boilerplate(node) != htmlbody.NOT_FURNITURE and find_date(htmlmeta.node_text(node, limit=300)[:300]):
                rows.add(node.mem_id)
        node = node.next
    return rows


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
    broken = htmlbody.text_between_breaks(walk.breaks)
    weighed = htmlbody.paragraph_weights(walk.paragraphs, broken)
    weights = weighed.chars
    furniture = htmlbody.furniture(tree.body, walk.containers, weights)
    side_date = htmlbody.side_column_date(furniture) if not draft.published else None
    # where the metadata leaves the byline or the date unsettled, more page furniture is read first
    unsettled = not draft.authors or facts.publisher_only or not draft.published
    byline_furniture = htmlbody.drop_furniture(furniture, unsettled)
    root = htmlbody.content_root(tree, weighed)
    # The headline is read before boilerplate removal, and the elements around it survive it: the
    # byline and date usually sit beside it in an element named "header".
    check_tree_depth(root)
    code, blocks, lines = htmlbody.walk_root(root, with_breaks=bool(broken))
    headlines = [node for node, tag in blocks if tag == "h1"]
    heads = htmltitle.headline_elements(tree, headlines, meta_title, page_title, facts.url)
    draft.title, meta_title = htmltitle.visible_title(heads, meta_title, page_title, site_names)
    own_html = htmldocument.a_document(tree, walk, blocks)
    sections = own_html and htmldocument.title_a_document(draft, blocks, walk, bool(headlines), bool(meta_title or page_title))
    draft.title_candidates = [c for c in (meta_title, page_title) if c]
    h2_headline, kept, read_first = _headline_headers(root, blocks, headlines, heads, meta_title, draft.title)
    byline_boxes = htmlbody.remove_boilerplate(root, code, [node for node, _ in blocks], weighed, kept, read_first, unsettled)
    declared_authors = draft.authors
    shown = read_visible_byline(draft, root, tree, facts, h2_headline, headlines)
    for node in byline_boxes + byline_furniture:
        node.decompose()
    _read_visible_labels(draft, root)
    # decompose() unlinks every element of the subtree it removes: the blocks still in the page are
    # the ones found before that still have a parent (no second walk of the article).
    # A page whose story has no container named as one is read from the element holding most of
    # its paragraphs (the bylines and dates above were looked for in the whole page).
    story = htmlbody.paragraphs_holder(weighed, weights.get(root.mem_id, 0)) if root.mem_id == tree.body.mem_id else None
    if story is not None:
        htmlbody.read_body(draft, story, None, bool(broken), h1_sections=sections)
    else:
        kept_lines = [(node, tag) for node, tag in lines if node.parent is not None or node.mem_id == root.mem_id]
        htmlbody.read_body(draft, root, kept_lines, bool(broken), h1_sections=sections)
    if not draft.paragraphs:
        _read_without_class_rules(draft, source, raw, page)
    elif own_html:
        htmldocument.read_document_header(draft, tree, bool(headlines) and not sections)  # (an <h1> that is a section heads no deck)
    publisher_named = facts.publisher_only and still_publisher(draft.authors, declared_authors)
    if not draft.authors or publisher_named:
        draft.authors = _last_resort_authors(draft, blocks, walk.marked.author_links)
    shown = shown if shown.outside or not side_date else shown._replace(outside=side_date)
    htmldates.settle_dates(draft, facts._replace(shown=shown), options, page)
    draft.authors = people.clean_names(draft.authors, list(facts.publishers))
    return draft


class PageFacts(NamedTuple):
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


def _read_metadata(
    tree, source: str, options: ExtractOptions, draft: Draft, marked: _Marked
) -> tuple[str | None, str | None, list[str], PageFacts]:
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
    page_title = htmltitle.before_a_dated_part(htmlmeta.without_site(whole_title, site_names, url))
    meta_title = htmltitle.uncut_title(htmlmeta.without_site(declared.title, site_names, url), page_title)
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
    title_date, title_aside = (None, None) if draft.published else htmltitle.title_dates(whole_title)
    facts = PageFacts(
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
