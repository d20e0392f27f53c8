"""What an HTML page declares about itself: JSON-LD, meta tags, microdata and the document element.

One small function per source reads what that source says into a partial record (`Declared`);
`merge` then takes each field from the first source that has it, in the order `PRIORITY` declares.
The tree walk that finds the nodes is htmldoc's business; what the page visibly shows is that of
htmltitle, htmlbody and htmlbyline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import NamedTuple

from . import pagedates, people, precompiled, text
from .draft import ExtractOptions, issue_from_mapping, merge_fields


@dataclass
class Declared:
    """The fields one source declares (None or empty where it says nothing)."""

    title: str | None = None
    subtitle: object = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    category: object = None  # JSON-LD articleSection may be a list: its first entry is taken after merging
    tags: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    language: object = None
    summary: object = None
    issue: str | None = None
    expiry: object = None  # not public after it


# Lexbor's text(separator=...) puts the separator between every two text nodes: a space there
# makes "<a>company</a>, which" read "company , which". A NUL marks the joints instead (the HTML
# parser drops NULs from the page's text), and each joint becomes a space only where the words on
# either side would otherwise run together: none before closing punctuation or after opening
# punctuation, none beside whitespace, none beside CJK or full-width characters (Japanese and
# Chinese put no space between words; a Korean word split by markup is one word).
_JOINT = "\x00"
_CLOSING = "\\s,.;:!?)\\]}%”’»…、。，．：；！？）」』】〉》"
_OPENING = "\\s(\\[{“‘«（「『【〈《"
_TIGHT_JOINT = precompiled.pattern(f"\x00(?:(?=[{_CLOSING}])|(?<=[{_OPENING}]\x00))")


@precompiled.lazy
def _wide_joint() -> re.Pattern[str]:
    """The tight joints, and a joint beside a character from U+3000 up (CJK, kana, hangul,
    full-width forms): for a text that is not ASCII, in the same pass. Compiled on first use (sre
    fills a charmap a code point at a time: ~1 ms)."""
    return precompiled.pattern(f"\x00(?:(?=[{_CLOSING}]|[^\x00-\u2fff])|(?<=(?:[{_OPENING}]|[^\x00-\u2fff])\x00))")


def node_text(node, limit: int | None = None) -> str:
    """An element's text as it reads: its text nodes joined, with a space where markup alone
    separates two words (a <br>, a block) and none where markup sits inside a phrase. A text
    longer than `limit` (which the caller only measures, to pass it over) keeps every joint as a
    space: a candidate byline may be the whole article."""
    value = node.text(deep=True, separator=_JOINT)
    if _JOINT not in value:  # most texts: one text node (the joints are resolved in _joined, inlined here)
        return value
    return _joined(value, limit)


def node_text_without(node, skipped: set[int], limit: int | None = None) -> str:
    """node_text without the text inside the elements whose mem_id is in `skipped` (text for
    screen readers only: "James O'Donnell<span class="screen-reader-text">archive page</span>")."""
    pieces = []
    for piece in node.traverse(include_text=True):
        if piece.tag != "-text":
            continue
        holder = piece.parent
        while holder is not None and holder.mem_id != node.mem_id and holder.mem_id not in skipped:
            holder = holder.parent
        if holder is None or holder.mem_id not in skipped:
            pieces.append(piece.text_content or "")
    return _joined(_JOINT.join(pieces), limit)


def _joined(value: str, limit: int | None) -> str:
    if _JOINT not in value:
        return value
    if limit is not None and len(value) > limit:
        return value.replace(_JOINT, " ")
    value = (_TIGHT_JOINT if value.isascii() else _wide_joint()).sub("", value)
    return value.replace(_JOINT, " ") if _JOINT in value else value


# For each field, the sources in the order they are believed: the first that declares it wins.
PRIORITY: dict[str, tuple[str, ...]] = {
    "title": ("json_ld", "meta", "microdata"),
    "subtitle": ("json_ld", "microdata", "meta"),
    "authors": ("json_ld", "microdata", "meta"),
    "published": ("json_ld", "meta", "microdata"),
    "updated": ("json_ld", "meta", "microdata"),
    "category": ("json_ld", "meta", "microdata"),
    "language": ("document", "json_ld", "meta"),
    "summary": ("meta", "json_ld"),
    "issue": ("json_ld",),
    "expiry": ("meta", "json_ld"),
}
# Fields every source adds to, in this order: the article's tags, then its keywords.
ADDED: dict[str, tuple[str, ...]] = {"tags": ("meta",), "keywords": ("json_ld", "meta")}


def merge(partials: dict[str, Declared]) -> Declared:
    return merge_fields(Declared(), partials, PRIORITY, ADDED)


assert {f.name for f in fields(Declared)} == set(PRIORITY) | set(ADDED), "every field has a declared order"


# --- JSON-LD -----------------------------------------------------------------------------------------

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "report",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
}
# Where JSON-LD nests the article: a graph, a page's main entity, a list's items.
_LD_NESTED = frozenset({"@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item", "hasPart", "subjectOf"})
_LD_SCALARS = frozenset({"headline", "alternativeHeadline", "datePublished", "dateModified", "description", "inLanguage", "name"})


class LinkedData(NamedTuple):
    articles: list[dict]  # article-typed nodes (or nodes with a headline), most likely first
    pages: list[dict]  # WebPage nodes: they date the page when the article node does not (Yoast)
    by_id: dict[str, dict]

    @property
    def article(self) -> dict:
        """The first article node, its JSON-LD scalars as text (some come as one-element lists;
        anything but text there is ignored)."""
        article = self.articles[0] if self.articles else {}
        return {k: (ld_scalar(v) if k in _LD_SCALARS else v) for k, v in article.items()}


def types(node: dict) -> set[str]:
    value = node.get("@type", [])
    return {str(t).lower() for t in (value if isinstance(value, list) else [value])}


def json_ld(scripts: list) -> LinkedData:
    """The page's JSON-LD nodes (with @graph flattened and nested nodes such as a WebPage's
    mainEntity visited)."""
    nodes: list[dict] = []
    for script in scripts:
        stack = _json_values(script.text(deep=True) or "")
        while stack and len(nodes) < 500:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                nodes.append(item)
                stack.extend(reversed([v for k, v in item.items() if k in _LD_NESTED and isinstance(v, (dict, list))]))
    by_id = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if types(n) & _ARTICLE_TYPES]
    typed = {id(n) for n in articles}
    articles += [n for n in nodes if "headline" in n and id(n) not in typed]
    pages = [n for n in nodes if types(n) & {"webpage", "itempage"} and id(n) not in typed]
    return LinkedData(articles, pages, by_id)


def _json_values(source: str) -> list:
    """The JSON values in a script (some pages put several objects one after another in one)."""
    decoder, values, at = json.JSONDecoder(), list[object](), 0
    while len(values) < 20:
        while at < len(source) and source[at] in " \t\r\n;,":
            at += 1
        if at >= len(source):
            break
        try:
            value, at = decoder.raw_decode(source, at)
        except (ValueError, RecursionError):
            break
        values.append(value)
    return values[::-1]  # popped from the end: the first value first


def ld_scalar(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return text.scalar_text(value)


def resolve(value, by_id):
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and str(value.get("@id")) in by_id:
        return by_id[str(value["@id"])]
    return value


def publisher_name(linked: LinkedData) -> str | None:
    publisher = resolve(linked.article.get("publisher"), linked.by_id)
    return ld_scalar(publisher.get("name")) if isinstance(publisher, dict) else None


def from_json_ld(linked: LinkedData, options: ExtractOptions) -> Declared:
    article, by_id = linked.article, linked.by_id
    dated = linked.articles + linked.pages
    part_of = article.get("isPartOf")
    return Declared(
        title=article.get("headline"),
        subtitle=article.get("alternativeHeadline"),
        authors=[a for a in _ld_people(article.get("author"), by_id) if not people.is_handle(a)] if article.get("author") else [],
        published=pagedates.first_date(ld_scalar(node.get(key)) for node in dated for key in pagedates.PUBLISHED_LD_KEYS),
        updated=pagedates.first_date(ld_scalar(node.get(key)) for node in dated for key in pagedates.MODIFIED_LD_KEYS),
        category=article.get("articleSection"),
        keywords=text.as_list(article.get("keywords")),
        language=article.get("inLanguage"),
        summary=article.get("description"),
        issue=_ld_issue(part_of, by_id, publisher_name(linked), options) if part_of else None,
        expiry=ld_scalar(article.get("expires")),
    )


def _ld_people(value, by_id) -> list[str]:
    out: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = resolve(item, by_id)
        if isinstance(item, dict):
            # schema.org allows a Person with givenName and familyName instead of a name.
            parts = (ld_scalar(item.get("givenName")), ld_scalar(item.get("familyName")))
            name = ld_scalar(item.get("name")) or " ".join(p for p in parts if p)
            if name:
                out.append(text.PersonName(name))
        elif isinstance(item, str) and item:
            out.append(item)  # a plain string may still be "A and B"
    return out


def _ld_issue(value, by_id, publisher: str | None, options: ExtractOptions):
    """The issue an article is part of, from a schema.org PublicationIssue in isPartOf."""
    candidates = value if isinstance(value, list) else [value]
    for candidate in candidates:
        candidate = resolve(candidate, by_id)
        if isinstance(candidate, dict) and "publicationissue" in types(candidate):
            parent = resolve(candidate.get("isPartOf"), by_id)
            return issue_from_mapping({**candidate, "isPartOf": parent}, options.site_names, publisher)
    return None


def is_organisation(name: str, linked: LinkedData, site_names: list[str]) -> bool:
    """Whether a metadata author is the publisher rather than a person: typed Organization in
    JSON-LD, the site's own name (also as its web address: "El Colombiano" on "www.elcolombiano.com"),
    a company or a web address ("mediaindonesia.com developer")."""
    if any(text.same_text(name, site) or text.names_the_domain(name, site) for site in site_names):
        return True
    if people.names_a_company_or_site(name):
        return True
    authors = linked.article.get("author")
    for item in authors if isinstance(authors, list) else [authors]:
        item = resolve(item, linked.by_id)
        if isinstance(item, dict) and text.same_text(ld_scalar(item.get("name")), name):
            return bool(types(item) & {"organization", "newsmediaorganization", "corporation"})
    return False


# --- meta tags ---------------------------------------------------------------------------------------

AUTHOR_METAS = (
    "author",
    "article:author",
    "og:article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "citation_author",
)
TITLE_METAS = ("og:title", "twitter:title")
SUBTITLE_METAS = ("subtitle", "og:subtitle")
SECTION_METAS = ("article:section", "og:article:section")
TAG_METAS = ("article:tag", "og:article:tag")  # one tag (or a list) per element, every element counts
KEYWORD_METAS = ("news_keywords", "keywords")
LANGUAGE_METAS = ("content-language", "og:locale", "language")
SUMMARY_METAS = ("description", "og:description", "twitter:description")
SITE_NAME_METAS = ("og:site_name", "application-name")
EXPIRY_METAS = ("article:expiration_time", "og:article:expiration_time")
# Google's robots rule: `<meta name="robots" content="noindex, unavailable_after: 2025-06-30">`.
_UNAVAILABLE_AFTER = precompiled.pattern(r"unavailable_after:\s*([^,;]{1,60})", re.I)


def metas(tags: list[dict]) -> dict[str, list[str]]:
    """Meta values by lower-cased name, property, itemprop or http-equiv; `tags`: each <meta>'s
    attributes (read once, by the walk that found it)."""
    found: dict[str, list[str]] = {}
    for attrs in tags:
        name = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        content = attrs.get("content") or attrs.get("value")  # some templates write value=
        if name and content:
            found.setdefault(name.strip().lower(), []).append(content)
    return found


def publisher_meta(found: dict[str, list[str]]) -> str | None:
    """`<meta name="publisher">`: the publisher's name (a URL there, as in `article:publisher`, is not)."""
    value = first(found, ("publisher",))
    return value if value and "://" not in value and len(value) <= 120 else None


def first(found: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    for name in names:
        if found.get(name):
            return found[name][0]
    return None


# A site's own author meta ("lrt_authors", "cXenseParse:author", "article:byline"), read after the
# common names: a name that ends in one of these words, not an app's or a social account's.
_SITE_AUTHOR_SUFFIXES = ("author", "authors", "byline", "authorname", "author_name", "creator", "writer")
_NOT_AUTHOR_METAS = ("twitter:", "smartbanner:", "al:", "apple-")


def meta_authors(found: dict[str, list[str]]) -> list[str]:
    """The values of the first author meta that can be names (an author page's URL or a social
    handle, common in `article:author`, does not hide the next one), as text ("田中宏昌，<b>ITmedia</b>"),
    and of "Mike Cason | mcason@al.com" or "www.site.info | Jane Doe" the side that names a person.
    A meta repeated names each author (`article:author` is a list in Open Graph; parsely-author);
    a later one that lists the first one's people and more names them all (nrk.no: `author` "Mathias
    Hagen", `article:author` "Mathias Hagen / Journalist" and "Anders Skjerdingstad / Journalist")."""
    chosen: list[str] = []
    for name in AUTHOR_METAS:
        if name in found and (values := _author_values(found[name])):
            if not chosen:
                chosen = values
            elif len(values) > len(chosen) and all(any(_same_person(known, value) for value in values) for known in chosen):
                return values
    if chosen:
        return chosen
    for name, values in found.items():
        if name.endswith(_SITE_AUTHOR_SUFFIXES) and name not in AUTHOR_METAS and not name.startswith(_NOT_AUTHOR_METAS):
            if named := _author_values(values):
                return named
    return []


def person_author_meta(found: dict[str, list[str]], is_publisher: Callable[[str], bool]) -> str | None:
    """A person's name (two to four capitalised words) in any author meta, for a page whose first
    author meta names only the publisher (`<meta name="author" content="Badische Zeitung">` beside
    `<meta property="cXenseParse:author" content="Lisa Petrich">`); not a newsroom, an agency, a
    company, a handle or a web address."""
    for name, values in found.items():
        if name in AUTHOR_METAS or (name.endswith(_SITE_AUTHOR_SUFFIXES) and not name.startswith(_NOT_AUTHOR_METAS)):
            for value in values[:_MAX_AUTHOR_VALUES]:
                value = people.without_address((text.clean(value, 120) or "").strip())
                if _is_person_value(value) and not is_publisher(value):
                    return value
    return None


_MAX_AUTHOR_VALUES = 20


# A newsroom's signature or a news agency in an author meta ("Redacción LR", "Online-Redaktion",
# "Anadolu Ajansı"), not a person: the publisher's own name stays where the page names no one else.
_DESK_WORDS = frozenset(
    "redacción redaccion redaktion redazione rédaction redakcja newsroom staff desk team editorial noticias news nachrichten "
    "agency agencia agence agentur agenzia ajansı ajansi press presse prensa".split()
)


def _is_person_value(value: str) -> bool:
    return (
        " " in value
        and len(value.split()) <= 4
        and _DESK_WORDS.isdisjoint(word.strip("-").casefold() for word in value.replace("-", " ").split())
        and "://" not in value
        and not people.is_handle(value)
        and not people.is_company(value)
        and people.looks_like_person(value)
    )


def _author_values(values: list[str]) -> list[str]:
    """Of one author meta's values, the people ("Jessica Holly", "Gail Levy" beside "7 News WSVN");
    else its first value that can be a name, a company's ("mediagene Inc.") only when none other can."""
    if len(values) == 1:  # most pages: one value, taken as it is
        value = _name_side(values[0])
        return [value] if value and not value.startswith("http") and not people.is_handle(value) else []
    people_named: list[str] = []
    first = company = None
    for value in values[:_MAX_AUTHOR_VALUES]:
        value = _name_side(value)
        if value and not value.startswith("http") and not people.is_handle(value):
            if people.is_company(value):
                company = company or value
            elif _is_person_value(value):
                people_named += [value] if value not in people_named else []
            else:
                first = first or value
    chosen = first or company
    return people_named or ([chosen] if chosen else [])


def _same_person(known: str, value: str) -> bool:
    """Whether an author meta's value names the person another one does, a role after the name or not."""
    known, value = known.casefold(), value.casefold()
    return value == known or value.startswith(known) and not value[len(known) : len(known) + 1].isalnum()


def _name_side(value: str) -> str:
    """Of "Mike Cason | mcason@al.com" or "www.site.info | Jane Doe", the side that names a person."""
    sides = [side for side in _BAR.split(text.clean(value, 400) or "") if side]
    return people.without_address(next((side for side in sides if people.looks_like_person(side)), sides[0] if sides else ""))


# A web address's last part standing in for a title ("adac-kindersitztest-herbst-2018" as og:title).
_SLUG = precompiled.pattern(r"[a-z0-9]++(?:[-_][a-z0-9]++){2,}")
_BAR = precompiled.pattern(r"\s*(?:\||｜)\s*")  # not a class: one with a non-Latin-1 character costs sre ~1 ms to compile


def from_meta_tags(found: dict[str, list[str]]) -> Declared:
    return Declared(
        title=next((value for name in TITLE_METAS for value in found.get(name, ())[:1] if not _SLUG.fullmatch(value.strip())), None),
        subtitle=first(found, SUBTITLE_METAS),
        authors=meta_authors(found),
        published=pagedates.first_date(value for name in pagedates.PUBLISHED_METAS for value in found.get(name, ())),
        updated=pagedates.first_date(value for name in pagedates.MODIFIED_METAS for value in found.get(name, ())),
        category=first(found, SECTION_METAS),
        tags=[tag for name in TAG_METAS for value in found.get(name, []) for tag in text.as_list(value)],
        keywords=text.as_list(first(found, KEYWORD_METAS)),
        language=_first_language(first(found, LANGUAGE_METAS)),
        summary=first(found, SUMMARY_METAS),
        expiry=first(found, EXPIRY_METAS) or _unavailable_after(found),
    )


def _first_language(value: str | None) -> str | None:
    """The first of the languages a page declares ("DE, AT, CH" -> "DE"): its own, which decides
    its zone and how it writes dates."""
    return value.split(",", 1)[0].strip() or None if value else value


def _unavailable_after(found: dict[str, list[str]]) -> str | None:
    for value in found.get("robots", []) + found.get("googlebot", []):
        if match := _UNAVAILABLE_AFTER.search(value[:500]):
            return match.group(1).strip()
    return None


# --- microdata ---------------------------------------------------------------------------------------

_MICRODATA_FIELDS = frozenset({"headline", "alternativeHeadline", "datePublished", "dateModified", "articleSection"})
_NOT_AUTHORED_ITEMS = ("image", "video", "photograph", "comment", "mediaobject", "review")
_MAX_AUTHOR_PROPS = 200
_MAX_SCOPE_DEPTH = 200


def from_microdata(itemprops: list) -> Declared:
    found = _itemprops(itemprops)
    return Declared(
        title=found.get("headline"),
        subtitle=found.get("alternativeHeadline"),
        authors=_microdata_authors(itemprops),
        published=pagedates.first_date((found.get("datePublished"),)),
        updated=pagedates.first_date((found.get("dateModified"),)),
        category=found.get("articleSection"),
    )


def microdata_organisations(itemprops: list) -> list[str]:
    """The names of the page's microdata authors typed as an organisation (`<div itemprop="author"
    itemtype="https://schema.org/Organization"><meta itemprop="name" content="Nature Editorial">`): a
    publisher's desk, as a JSON-LD author of that type is."""
    names = []
    for prop in itemprops[:_MAX_AUTHOR_PROPS]:
        attrs = prop.attributes
        if attrs.get("itemprop") == "author" and "organization" in (attrs.get("itemtype") or "").lower():
            named = prop.css_first("[itemprop=name]")
            value = (named.attributes.get("content") or node_text(named)) if named is not None else node_text(prop)
            if value and value.strip():
                names.append(value.strip())
    return names


_LOGO_CLASSES = ("site-title", "site-name", "logo", "brand")
_LOGO_LEVELS = 3


def _a_logo(node) -> bool:
    """Whether an element marked as the headline is the site's logo (majkaswelt.com's theme marks its
    "<h1 class="site-title"><a rel="home"><span itemprop="headline">MajkasWelt</span></a></h1>" so):
    itself, or a few levels inside, a link home or an element named as the site's title or logo."""
    for _ in range(_LOGO_LEVELS):
        if node is None:
            return False
        attrs = node.attributes
        classes = (attrs.get("class") or "").lower()
        if node.tag == "a" and "home" in (attrs.get("rel") or "").lower().split() or any(word in classes for word in _LOGO_CLASSES):
            return True
        node = node.parent
    return False


def _itemprops(nodes: list) -> dict[str, str]:
    """Microdata values by itemprop name (first occurrence)."""
    found: dict[str, str] = {}
    for node in nodes:
        attrs = node.attributes
        name = attrs.get("itemprop") or ""
        if name in found or name not in _MICRODATA_FIELDS or (name == "headline" and _a_logo(node)):
            continue
        value = attrs.get("content") or attrs.get("datetime") or node_text(node)
        if value and value.strip():
            found[name] = value
    return found


def _microdata_authors(itemprops: list) -> list[str]:
    """itemprop=author of the page's first item that has one, ignoring images, videos and comments
    (a photographer, a commenter) and the related-story cards that come after it."""
    authors: list[str] = []
    owner = None
    for prop in [node for node in itemprops if node.attributes.get("itemprop") == "author"][:_MAX_AUTHOR_PROPS]:
        scope = _item_scope(prop)
        itemtype = (scope.attributes.get("itemtype") or "").lower() if scope is not None else ""
        if any(word in itemtype for word in _NOT_AUTHORED_ITEMS) or _in_a_story_link(prop):
            continue
        key = scope.mem_id if scope is not None else _byline_box(prop)  # no item: one byline's box
        if owner is None:
            owner = (key,)
        elif owner != (key,):
            continue
        # Each name of the item: a Person given several names is several people written as one.
        for name in prop.css("[itemprop=name]") or [prop]:
            value = name.attributes.get("content") or node_text(name)
            if value and value.strip():
                # A byline box marked as the author ("By A, B, 7 News WSVN") is a byline, split as one.
                authors.append(value if people.starts_with_by(value.strip()) else text.PersonName(value))
    return authors


_STORY_LINK_LEVELS = 4


def _in_a_story_link(node) -> bool:
    """Whether an element lies in a link that holds a story's heading: another story's card, linked
    whole (infoworld.com's "<a class="card" href="…"><h3>…</h3><div itemprop="author">By …</div></a>")."""
    for _ in range(_STORY_LINK_LEVELS):
        node = node.parent
        if node is None:
            return False
        if node.tag == "a" and node.attributes.get("href") and node.css_first("h2, h3, h4, h5, h6") is not None:
            return True
    return False


def _byline_box(node) -> int | None:
    """The element two levels up, where one byline's several names sit side by side."""
    parent = node.parent
    grandparent = parent.parent if parent is not None else None
    return grandparent.mem_id if grandparent is not None else None


def _item_scope(node):
    """The nearest enclosing element with itemscope (the item an itemprop belongs to)."""
    parent, depth = node.parent, 0
    while parent is not None and depth < _MAX_SCOPE_DEPTH:
        if "itemscope" in parent.attributes:
            return parent
        parent, depth = parent.parent, depth + 1
    return None


# --- the document element ----------------------------------------------------------------------------


def from_document(tree) -> Declared:
    html_node = tree.css_first("html")
    return Declared(language=html_node.attributes.get("lang") if html_node else None)


def page_title(tree) -> str | None:
    title_node = tree.css_first("title")
    return title_node.text(deep=True) if title_node else None


# --- site names in titles ----------------------------------------------------------------------------


def without_site(title: str | None, site_names: list[str], url: str | None = None) -> str | None:
    """A metadata title without the site's name in front ("NEWS WEB EASY|Title") or behind it
    ("Title - La Stampa" of lastampa.it); names compared without spaces, dots and domain. `url`:
    the page's address, whose domain names the site too ("Support — WordPress.com", "… « SPREEBLICK"
    on spreeblick.com) where the page declares no site name."""
    label = text.domain_label(url) if url else None
    if not title or not (site_names or label):
        return title
    squashed = ({_squash(name) for name in site_names} | {label}) - {"", None}
    title = " ".join(title.split())
    for separator in ("|", "｜", " - ", " – ", " — ", " · ", " « ", " » "):
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and _squash(tail) in squashed:
            return head.strip()
        head, found, tail = title.partition(separator)
        if found and tail.strip() and _squash(head) in squashed:
            return tail.strip()
    return title


def _squash(name: str) -> str:
    name = name.casefold()
    if "." in name:
        name = _DOMAIN_ENDING.sub("", name)
    return "".join(filter(str.isalnum, name))


_DOMAIN_ENDING = precompiled.pattern(r"\.(?:com|net|org|de|it|fr|jp|es|co|uk|at|ch)\b")


def timestamps(found: dict[str, list[str]], linked: LinkedData) -> list[str]:
    """Every declared timestamp (their offsets tell the publisher's zone)."""
    values = [v for name in (*pagedates.PUBLISHED_METAS, *pagedates.MODIFIED_METAS) for v in found.get(name, ())]
    return values + [v for node in linked.articles for key in ("datePublished", "dateModified") if isinstance(v := node.get(key), str)]
