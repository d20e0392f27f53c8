"""What an HTML page visibly says about who wrote it and when: its byline and the dates it shows.

The metadata (htmlmeta) comes first; these are read where it names no one, only the publisher or
a placeholder, or gives no usable date: elements marked as a byline or a date (in the article
first, then the whole page), unmarked lines right under the headline ("By …", "Name | date"),
"Author: …" lines further down, author-page links, and, once the body is read, an agency's dateline
in the text or a bold name line.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import NamedTuple

from . import datelabels, htmlmeta, pagedates, people, precompiled, text
from .dates import find_date, find_short_year_date
from .draft import Draft

_ORG_WORDS = precompiled.pattern(
    r"\b(office|inc|ltd|llc|corp|corporation|company|co\.|group|university|bank|agency|institute|association|foundation|media|news|press|times|journal)\b|株式会社|事務所|大学|協会|新聞",
    re.I,
)
_BYLINE_SELECTOR = (
    "[class*=byline i], [class*=author i], [class*=meta i], [rel=author], [class*=date i], [class*=time i], time, [data-origindate], "
    "abbr[title]"
)
# Pages in other languages may name the byline in theirs ("autor", "rez_autor", "auteur"): two more
# substrings tried on every element, so not on pages in English or in Japanese, Chinese or Korean
# (whose class names are English).
_BYLINE_SELECTOR_NAMED_IN_OTHER_LANGUAGES = _BYLINE_SELECTOR + ", [class*=autor i], [class*=auteur i]"
_ENGLISH_CLASS_NAMES = ("en", "ja", "zh", "ko")


def _byline_selector(language: object) -> str:
    written = language[:2].lower() if isinstance(language, str) else ""
    return _BYLINE_SELECTOR if written in _ENGLISH_CLASS_NAMES else _BYLINE_SELECTOR_NAMED_IN_OTHER_LANGUAGES


_DATELINE = precompiled.pattern(
    datelabels.alternation(
        (*datelabels.PUBLISHED, *datelabels.UPDATED, "on", "created", "erstellt", "datum", "date", "fecha", "data", "dato")
    ),
    re.I,
)
_SEPARATORS = precompiled.pattern(r"\s*[·|•/｜]\s*|\s+[-–—]\s+")


# Bylines, datelines and related-articles blocks are near the top of a page or of its article: only
# the first candidates are looked at, so a page of 50,000 ".author" elements costs no more.
MAX_CANDIDATES = 200
_MAX_SCANNED = 2000


def _byline_names(value: str) -> list[str]:
    """'By A and B, Some Office · 2024/12/05' -> ['A', 'B']: drop dates and affiliations; of a
    Japanese credit line ("取材・文●山田太郎 撮影●佐藤花子"), the writers'."""
    if (writers := text.writers_credited(value)) is not None:
        return [name for writer in writers for name in _byline_names(writer)]
    found = find_date(value)
    if found:
        value = (value[: found[1]] + " " + value[found[2] :]).strip()
    if people.is_agency(text.clean(value) or ""):
        return [value.strip()]
    parts = [p for p in _SEPARATORS.split(value) if p.strip()]
    by_line = bool(parts) and people.starts_with_by(parts[0].strip())
    if by_line:
        # "By A, Executive Editor | Friday @ 6:43pm | Tags: …", "By A in News, Fashion", "By A on
        # Jul 04, 2014 at 11:30a @handle": what follows the names is not by-line
        by_line_end = _ROMANCE_BY_LINE_END if _ROMANCE_BY.match(parts[0].strip()) else _BY_LINE_END
        parts = [by_line_end.split(parts[0], 1)[0]]
    per_part: list[list[str]] = []
    for part in parts[:2]:
        keep = not any(per_part)  # an organisation that is the whole first byline is kept
        names = [_without_outlet(n) for n in text.parse_authors(part)]
        per_part.append([n for n in names if not _ORG_WORDS.search(n) or keep and text.same_text(n, part.strip())])
    # "Politik · Jochen Bittner, Tina Hildebrandt": beside full names, a lone word is a section label.
    if any(names and all(len(n.split()) >= 2 for n in names) for names in per_part):
        per_part = [names for names in per_part if not all(len(n.split()) == 1 and n[:1].isupper() for n in names)]
    # "Patricio Candia | Palma de Mallorca | 08/01/2014": between the person and the date, where.
    if found and len(per_part) == 2 and per_part[0] and all(len(n.split()) >= 2 for n in per_part[0]) and _SEPARATORS.search(value):
        per_part = per_part[:1]
    names = [n for part in per_part for n in part]
    if by_line:
        names = people.without_place_or_outlet(names)  # "Von Markus Balser, Berlin": where the story was written
    return [n for n in names if not _ORG_WORDS.search(n)] or names


_BY_LINE_END = precompiled.pattern(r"\s(?:in|on|at)\s")
# After a Spanish, Portuguese or French "by", "en"/"em" ("in") ends the names too ("Escribe Camila
# Méndez en Territorio"); after Dutch "door", "en" is "and".
_ROMANCE_BY = precompiled.pattern(r"(?:por|escribe|escrito por|par)\s", re.I)
_ROMANCE_BY_LINE_END = precompiled.pattern(r"\s(?:in|on|at|en|em)\s")


def _without_outlet(name: str) -> str:
    """A full name without the outlet glued after it ("Vasilisa Stepanenko The Associated Press")."""
    head, the, tail = name.partition(" The ")
    return head if the and len(head.split()) >= 2 and _ORG_WORDS.search(tail) else name


# A news agency's byline inside the text, where a page shows no other: the dateline of an agency
# story ("Hamburg (dpa/lno) – ...", "PARIS (AFP) - ...") at its start, or its source line
# ("Quelle: MDR/ls", an agency and its desk) at its end. Without a desk after a "/", only wire agencies count: a
# dateline naming the publisher itself ("Washington (CNN)") is not a byline.
_AGENCY_DATELINE = precompiled.pattern(r"[^\W\d][\w .'’-]{0,40}?\s\(([^\s()/]{2,20}/[^\s()/]{1,12}|[A-Za-z]{2,8})\)\s*[-–—]\s")
_WIRE_LINE = precompiled.pattern(r"([A-Za-z]{2,8})(?:\s*,\s*[^\W\d][\w .'’-]{1,30})?")
_SOURCE_LINE = precompiled.pattern(r"(?:quelle|source|fuente|fonte|kaynak)\s*:\s*(\S.{1,40})", re.I)


def agency_byline(paragraphs: list[str]) -> list[str]:
    for paragraph in paragraphs[:2]:
        if (m := _AGENCY_DATELINE.match(paragraph)) and ("/" in m.group(1) or people.is_wire_agency(m.group(1))):
            return [m.group(1)]
    for paragraph in paragraphs[-3:]:
        if (m := _SOURCE_LINE.fullmatch(paragraph.strip())) and people.is_agency(m.group(1)):
            return [m.group(1).strip()]
    return []


# A Korean reporter's byline in the text: the first paragraph's opening ("(서울=연합뉴스) 홍길동 기자 =
# …", "[부산=스포츠조선 선수민 기자] …") or, with the reporter's address, the last one's close
# ("…처리했다.부산=선수민 기자 sunsoo@sportschosun.com").
_KO_LEAD = precompiled.pattern(r"\s*(\S.{0,60}?(?:기자|특파원))\s*[=\])]")
_KO_TAIL = precompiled.pattern(r"(기자|특파원)\s*\(?[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}\)?\s*$")
_SENTENCE_END = precompiled.pattern(r".*[.!?。]|.*다\s")


def reporter_in_text(paragraphs: list[str]) -> list[str]:
    if paragraphs and (m := _KO_LEAD.match(paragraphs[0])) and (names := text.korean_reporters(m.group(1))):
        return names
    for paragraph in paragraphs[-3:]:
        tail = paragraph[-120:]
        if m := _KO_TAIL.search(tail):
            credit = tail[: m.end(1)]
            end = _SENTENCE_END.match(credit)
            if names := text.korean_reporters(credit[end.end() :] if end else credit):
                return names
    return []


def author_line_in_text(paragraphs: list[str]) -> list[str]:
    """The people an "Author: …" line among the text's last lines names ("Autor: Rechtsanwalt
    Sebastian Einbock" under a law firm's news)."""
    for line in paragraphs[-3:]:
        if len(line) <= 80 and people.starts_with_author_label(line):
            names = people.clean_names(_byline_names(line), [])
            if names and all(map(people.looks_like_person, names)):
                return names
    return []


def still_publisher(authors: list[str], declared: list[str]) -> bool:
    """Whether the authors are still the publisher the metadata named (a visible "by Lesotho
    Times" repeats it)."""
    publisher = {a.casefold() for a in declared}
    return all(a.casefold() in publisher for a in authors)


def bold_byline(paragraphs: list) -> list[str]:
    """People named by a paragraph that is one bold run and nothing else, among the first three
    or the last paragraph of the article: the byline of papers whose metadata names only the
    publisher ("<p><strong>Lê Phương</strong></p>" at the end, "<p><b>A Name/Another Name</b></p>"
    under the deck). Full names only: a bold "Key points" is a subheading."""
    for node in (paragraphs[:3] + paragraphs[-1:]) if len(paragraphs) > 3 else paragraphs:
        bold = node.child
        if bold is None or bold.tag not in ("strong", "b") or bold.next is not None:
            continue
        value = text.collapse_spaces(htmlmeta.node_text(node, limit=1000))
        if not 4 <= len(value) <= 80 or any(ch.isdigit() or ch in ":.!?" for ch in value):
            continue
        names = people.clean_names(_byline_names(value), [])
        if names and all(2 <= len(n.split()) <= 4 and people.looks_like_person(n) for n in names):
            if not _SUBHEADING_WORDS.intersection(value.casefold().split()):
                return names
    return []


# Words of the bold lines that open or close an article and are not names ("Key Takeaways",
# "Read More", "Follow Us", "The Background").
_SUBHEADING_WORDS = frozenset(
    "a about also an analysis and background breaking by comment conclusion context editor editor's facts follow for "
    "highlights how in introduction key live more news newsletter note of on opinion photos points read related share "
    "sources subscribe summary takeaways the this to top update updates video watch what when where who why with".split()
)


class Shown(NamedTuple):
    """The first date the page shows in the article, and outside it (a site header may show today's)."""

    in_article: str | None = None
    outside: str | None = None


def read_visible_byline(draft: Draft, root, tree, facts, headline=None, h1s: list | tuple = ()) -> Shown:
    """Visible byline when metadata has none (or names only the publisher, or names people only in
    meta tags), and the dates the page shows: in the article first, then the whole page (templates
    often put the byline above the content container). `facts`: what the metadata settled
    (htmldoc.PageFacts: publisher_only, unshown, timestamps, url). `headline`: the <h2> that is
    the headline, where it is not an <h1>; `h1s`: the article's <h1>s, in order."""
    shown: list[str | None] = [None, None]
    body = tree.body  # a new node object each time: compared by mem_id, never by identity
    scopes = (root, body) if body is not None and body.mem_id != root.mem_id else (root,)
    # Metadata authors that are placeholders ("No Author", "admin") leave the byline to be read too;
    # named in meta tags only, they give way to a byline marked as one, not to an unmarked line.
    publisher_only, unshown = facts.publisher_only, facts.unshown
    wanted = publisher_only or unshown or all(map(people.is_placeholder, draft.authors))
    if not wanted and not _needs_shown_date(draft, facts.timestamps, facts.url):
        return Shown()
    # The page's scan repeats the article's candidates: each is read once, its date kept (None when
    # it has none or was not looked at: the article's first date then comes before it). A byline
    # the article did not take is not taken in the page either.
    read: dict[int, str | None] = {}
    site = text.domain_label(facts.url, shortest=2) if facts.url else None  # the site's name as its address spells it ("dw")
    selector = _byline_selector(draft.language)
    places = _Places(tree, headline or _first_headline(h1s))
    for where, scope in enumerate(scopes):
        if not wanted and (shown[0] or shown[1]):
            break
        for node in scope.css(selector)[:MAX_CANDIDATES]:
            if not wanted and shown[where]:
                break  # nothing left to find in this scope: the rest would only be read
            if (mem_id := node.mem_id) in read:
                shown[where] = shown[where] or read[mem_id]
                continue
            value = htmlmeta.node_text(node, limit=300).strip()
            read[mem_id] = None
            if _not_a_byline(node) or "©" in value:
                continue  # ("© 2019": a footer's links, not a byline)
            # a post's meta box that goes on ("Von A am 21/02/2021. Abgelegt unter …"): the date it
            # starts with; the rest is too long to be a byline
            long_box = len(value) > 200
            if not shown[where] and (date := _shown_date(node, value[:_LONG_BOX_DATE_CHARS] if long_box else value)):
                if not places.took(node, date):
                    shown[where] = read[mem_id] = date
            if long_box:
                continue
            if wanted and node.tag != "time":
                wanted = not _took_byline(draft, node, value, publisher_only or unshown, site, places)
    needs_date = not draft.published and not shown[0] and not shown[1]
    unmarked_wanted = wanted and not unshown
    if needs_date or unmarked_wanted:
        # Unmarked elements, in document order: one walk for the dateline and the byline.
        heading = _Heading(headline.mem_id) if headline is not None else _Heading()
        unmarked = (tree.body or root).css(heading.selector)[:_MAX_SCANNED]
        shown[1] = _dateline(unmarked, heading, places, text.scalar_text(draft.title)) if needs_date else shown[1]
        if unmarked_wanted and (
            names := _unmarked_byline(unmarked, heading, places) or _author_page_link(root, places) or _headline_author_link(tree, places)
        ):
            draft.authors = names
    if not shown[0] and not shown[1]:
        shown[1] = places.bar_date  # the last resort, as a date shown outside the article is
    return Shown(*shown)


def _took_byline(draft: Draft, node, value: str, strict: bool, site: str | None, places: _Places) -> bool:
    """Whether a byline candidate names the article's authors (who then are the draft's): marked as
    the author's, or marked as metadata (not a heading) and naming people, and not in another story's card. `strict`,
    beside authors the metadata named (the publisher, or names its meta tags alone hold): marked as
    the author's, people only."""
    says_author = _says_author(node)
    if not says_author and (strict or node.tag in _HEADING_TAGS):
        return False  # (a heading marked as metadata only titles a group of links)
    if _labelled_as_a_picture_credit(node) or _a_picture_credit(value):
        return False
    found = find_date(value)
    if not _LETTER.search(_DATELINE.sub(" ", f"{value[: found[1]]} {value[found[2] :]}") if found else value):
        # a date or a time and nothing else (a listing's "30 августа 2021, 13:43" under each story),
        # or with its label alone ("Date: …", "Posted on …": Notion's property row "Date @April 2, 2024")
        return False
    names = people.clean_names(_visible_names(node, value, says_author), [])
    if not names or not (says_author or _names_a_person(node, names, value, site)):
        return False
    if strict and not all(map(people.looks_like_person, names)) or places.in_another_story(node):
        return False  # placed last: most candidates name nobody, and placing one climbs the page
    draft.authors = names + _fellow_names(node, names)
    return True


class _Places:
    """Where a date or a byline the page shows stands, seen from the headline: in the site's own bar
    above it (the body's branches before the one that holds the headline), whose date is the day the
    page was saved (nikkei's "2018年6月20日（水）", a clock "05/04/2022 08:43:31 am"); or in another
    story's card (an <article> that is not the headline's, the heading of a list's item, or an
    element named as a card or teaser that does not hold the headline: a listing of other stories),
    whose date and byline are that story's. The headline's part of the page is looked for the first
    time a date or a byline is placed, and only then."""

    def __init__(self, tree, headline=None) -> None:
        self._tree, self._headline = tree, headline
        self._looked = False
        self._before: set[int] = set()
        self._article: int | None = None  # the <article> that holds the headline
        self._around_headline: set[int] = set()  # the headline's ancestors
        self._cards: dict[int, bool] = {}  # whether a card holds a story's linked title, by mem_id
        self.bar_date: str | None = None  # the first date the site's bar shows

    def took(self, node, date: str) -> bool:
        """Whether `date` is not the article's: the bar's (kept as the last resort) or a card's."""
        place = self._place(node)
        if self._in_another_story(place):
            return True
        if place.branch in self._before:
            self.bar_date = self.bar_date or date
            return True
        return False

    def in_another_story(self, node) -> bool:
        """Whether an element stands in another story's card (its byline is that story's), named as
        one or not: a small box a few levels up that holds a story's linked title and not the
        headline (freebeacon.com's "Top hits": a category, a linked <h4>, an author-page link), or a
        link that holds the story's title and teaser as well. Each box's text is read before it is
        searched, and the climb stops at the first one too long to be a card: a climb reads one long
        text at most, and only when it ends there."""
        if self._in_another_story(self._place(node)):
            return True
        # the element's own link or heading is no story's title ("<h3 class="author"><a href=…>")
        own = {node.mem_id, *(inner.mem_id for inner in node.css(_LINKED_HEADING))}
        shown = len(node.text(deep=True))
        box = node.parent
        for _ in range(_TITLED_BOX_LEVELS):
            if box is None or box.mem_id in self._around_headline or (size := len(box.text(deep=True))) > _TITLED_BOX_CHARS:
                return False
            if box.tag == "a" and size > shown + _TEASER_CHARS and box.attributes.get("href"):
                return True  # a link to a story that holds its title and teaser too (badische-zeitung.de's "media-box__link")
            if any(title.mem_id not in own for title in box.css(_LINKED_HEADING)[:_MAX_TITLES]):
                return True
            own.add(box.mem_id)  # a heading around the element holds it, not a title beside it
            box = box.parent
        return False

    def _place(self, node) -> _Place:
        if not self._looked:
            self._look()
        return _placed(node)

    def _in_another_story(self, place: _Place) -> bool:
        if place.listed or place.article is not None and self._article is not None and place.article != self._article:
            return True
        # a card with a story's linked title, not the headline's (wikimediafoundation.org's related stories)
        return any(card.mem_id not in self._around_headline and self._titled(card) for card in place.cards)

    def _titled(self, card) -> bool:
        """Whether a card holds a story's linked title (each card looked into once)."""
        if (known := self._cards.get(card.mem_id)) is None:
            known = self._cards[card.mem_id] = card.css_first(_LINKED_HEADING) is not None
        return known

    def _look(self) -> None:
        self._looked = True
        body, headline = self._tree.body, self._headline or _first_headline(self._tree.css("h1")[:_MAX_HEADLINES])
        if headline is None or body is None:
            return
        branch, self._article, _, _ = _placed(headline)
        self._around_headline = _ancestors(headline)
        child = body.child
        while child is not None and child.mem_id != branch and len(self._before) < _MAX_BRANCHES:
            self._before.add(child.mem_id)
            child = child.next
        if child is None:
            self._before.clear()  # the headline is in no branch of the body


def _first_headline(h1s):
    """The first <h1> with text (a logo's may be empty)."""
    return next((h1 for h1 in h1s[:_MAX_HEADLINES] if h1.text(deep=True).strip()), None)


_MAX_HEADLINES = 5
_MAX_BRANCHES = 500


class _Place(NamedTuple):
    branch: int | None  # the mem_id of the body's child that holds the element (None outside the body)
    article: int | None  # the mem_id of the nearest <article> around it, or itself (None when there is none)
    listed: bool  # in a list's item headed by a link to a story: another story's card
    cards: tuple  # the nearest elements named as a card or teaser around it (_MAX_CARDS)


def _placed(node) -> _Place:
    """Where an element stands in the page (climbing to the body: at most _MAX_BRANCH_DEPTH levels)."""
    article, heading, listed = None, None, False
    cards: tuple = ()
    for level in range(_MAX_BRANCH_DEPTH):
        tag = node.tag
        if article is None and tag == "article":
            article = node.mem_id
        heading = heading or (node if tag in _STORY_HEADINGS else None)
        listed = listed or tag == "li" and _links_a_story(heading or _first_element(node))
        if level < _CARD_LEVELS and len(cards) < _MAX_CARDS and _named_a_card(node):
            cards = (*cards, node)  # a card holds its date a few levels down
        parent = node.parent
        if parent is None:
            return _Place(None, article, listed, cards)
        if parent.tag == "body":
            return _Place(node.mem_id, article, listed, cards)
        node = parent
    return _Place(None, article, listed, cards)


def _ancestors(node) -> set[int]:
    found: set[int] = set()
    while node is not None and len(found) < _MAX_BRANCH_DEPTH:
        found.add(node.mem_id)
        node = node.parent
    return found


# A heading marked as metadata only ("<h4 class="meta">TV Sendungen</h4>", a menu's group on dw.com) titles a
# group of links; a byline written as a heading is marked as the author's ("<h3 class="author">").
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CARD_WORDS = frozenset({"card", "cards", "teaser", "teasers"})
# A card not named as one: its title, a line or two of teaser, a byline and a date.
_TITLED_BOX_LEVELS = 5
_TITLED_BOX_CHARS = 500
_MAX_TITLES = 10
# A link that holds this much more than the byline is a teaser's, not an author page's (a name, a role).
_TEASER_CHARS = 60
_MAX_CARDS = 3
_CARD_LEVELS = 8
# A story's title linked from a card: the heading holds the link, or the link the heading.
_LINKED_HEADING = ", ".join(f"{h} a[href], a[href] {h}" for h in ("h2", "h3", "h4", "h5", "h6"))


def _named_a_card(node) -> bool:
    """Whether an element's class has "card" or "teaser" as a word of its own ("card card-blog")."""
    classes = (node.attributes.get("class") or "").lower()
    return ("card" in classes or "teaser" in classes) and not _CARD_WORDS.isdisjoint(_CLASS_PARTS.split(classes))


_STORY_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def _first_element(node):
    child = node.child
    while child is not None and child.tag in ("-text", "-comment"):
        child = child.next
    return child


def _links_a_story(heading) -> bool:
    """Whether a list item's heading links to a story (a card of it; "<h5>Datum:</h5>" labels a fact)."""
    return heading is not None and heading.tag in _STORY_HEADINGS and heading.css_first("a[href]") is not None


_MAX_BRANCH_DEPTH = 200


# Links to an author's page ("/author/jane-doe/", "/staff/uriel-gadessaud/"): in the article only,
# where the related stories' cards (each with its own author's link) are not.
_AUTHOR_PAGE_PARTS = (
    "author",
    "authors",
    "autor",
    "autoren",
    "autores",
    "auteur",
    "auteurs",
    "autore",
    "autori",
    "autorin",
    "forfatter",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "contributor",
    "contributors",
    "columnist",
    "columnists",
    "staff",
    "writer",
    "writers",
    "av",
)
# Found by their stems (a selector of a walk is tried on every element: nine, not one per part),
# then each link's address is matched against the parts themselves.
_AUTHOR_PAGE_STEMS = ("aut", "journalist", "reporter", "contributor", "columnist", "writer", "staff/", "forfatter/", "av/")
_AUTHOR_PAGE_LINK = ", ".join(f'a[href*="/{stem}"]' for stem in _AUTHOR_PAGE_STEMS)
_AUTHOR_PAGE_PART = precompiled.pattern("/(?:" + "|".join(_AUTHOR_PAGE_PARTS) + ")/")
# The person's own page: something after the part ("/av/amanda-hallsten"), not the index of them all
# ("/sns/reporter/?iref=…").
_AUTHOR_PAGE = precompiled.pattern("/(?:" + "|".join(_AUTHOR_PAGE_PARTS) + r")/[^/?#\s]")
_MAX_AUTHOR_PAGE_LINKS = 50


def _author_page_link(root, places: _Places) -> list[str]:
    """The person the first author-page link of the article names (its name item or its own text:
    the link may also hold the author's photo and its credit), when nothing else names one; a link
    in another story's card is that story's. A full name (or one in a script without spaces,
    "著者：後藤大地"): initials ("PA") are a desk's signature."""
    hrefs = ((node, node.attributes.get("href") or "") for node in root.css(_AUTHOR_PAGE_LINK)[:_MAX_AUTHOR_PAGE_LINKS])
    mine = ((node, href) for node, href in hrefs if _AUTHOR_PAGE_PART.search(href) and not places.in_another_story(node))
    link, href = next(mine, (None, ""))
    if link is None or not _AUTHOR_PAGE.search(href):
        return []
    named = link.css_first("[itemprop=name]") or link
    value = named.text(deep=False).strip() or htmlmeta.node_text(named).strip()
    names = people.clean_names(_byline_names(value), []) if len(value) <= 80 else []
    return names if names and all(people.looks_like_person(n) and people.is_full_name(n) for n in names) else []


def _headline_author_link(tree, places: _Places) -> list[str]:
    """The author-page link in the headline's own box when that box is outside the article
    ("<div class="articleHeader"><h1>…</h1><a href="/author/180/">著者：後藤大地</a></div>"): a
    box of a headline and its facts, not a whole column."""
    h1 = tree.css_first("h1")
    box = h1.parent if h1 is not None else None
    for _ in range(2):
        if box is None or box.tag in ("body", "html") or len(box.text(deep=True)) > _HEADLINE_BOX_CHARS:
            return []
        if names := _author_page_link(box, places):
            return names
        box = box.parent
    return []


_HEADLINE_BOX_CHARS = 1500


_LONG_BOX_DATE_CHARS = 80


def _shown_date(node, value: str) -> str | None:
    """The date an element shows, or keeps in an attribute for machines: <time datetime>, and the
    title of the microformats' <abbr title="2011-08-25T01:40:40Z">1 hr ago</abbr> (or of a dated
    box, <div class="timestamp" title="2016-06-13T1603Z">Jun 13, 4:03 PM</div>)."""
    attrs = node.attributes
    title = attrs.get("title")
    title = title if title and title[:1].isdigit() else None
    written = _first_unrevised_date(value) or find_short_year_date(value)
    return pagedates.first_date((attrs.get("datetime"), attrs.get("data-origindate"), title, written))


# The label of a revision's date, right before it ("Updated: Mar 6, 2018 Original: Dec 21, 2016").
_REVISED = precompiled.pattern(
    r"(?:updated|modified|aktualisiert|geändert|actualizado|actualizada|mis à jour|aggiornato|更新)\W{0,3}(?:on|am|el|le|il)?\W{0,3}$", re.I
)


def _first_unrevised_date(value: str) -> str | None:
    """The first date an element shows that is not labelled as its revision's, else its first."""
    first = found = find_date(value)
    offset = 0
    for _ in range(3):
        if found is None:
            break
        start, end = offset + found[1], offset + found[2]
        if not _REVISED.search(value[max(0, start - 24) : start]):
            return found[0]
        offset = end
        found = find_date(value[end:])
    return first[0] if first else None


def _needs_shown_date(draft: Draft, timestamps: list[str], url: str | None) -> bool:
    """Whether a date the page shows can matter (see htmldates.settle_dates): when the metadata has no
    publication date, or only a UTC instant on a page whose zone is unknown (the shown date then
    gives the publisher's day)."""
    if not isinstance(draft.published, str):
        return True
    if not pagedates.is_utc(draft.published):
        return False
    language = draft.language if isinstance(draft.language, str) else None
    return pagedates.page_zone(language, timestamps, url) is None


def _names_a_person(node, names: list[str], value: str, site: str | None = None) -> bool:
    """For an element marked only as metadata (a date or meta line), whether it names people rather
    than sections and tags ("In News, Portugal, Tourism"): a "By" line, or full names; beside a
    date or time ("Published 4 months ago") where the element is marked as one (a "timedContent"
    dialog holds neither). Not a menu (its links, each a word, read as one name), nor a name with the
    word the site's address spells ("DW Akademie", "About DW" on dw.com: the site's own links)."""
    if people.starts_with_by(value):
        return True
    if not all((len(name.split()) >= 2 or _written_without_spaces(name)) and people.looks_like_person(name) for name in names):
        return False
    if site and any(site in name.casefold().split() for name in names):
        return False
    classes = (node.attributes.get("class") or "").lower()
    if "nav" in classes or "menu" in classes:
        return False  # a menu of the site's meta links ("navmeta": Leitlinien, Impressum, Kontakt)
    return "meta" in classes or "byline" in classes or any(ch.isdigit() for ch in value)


def _written_without_spaces(name: str) -> bool:
    """A name in a script written without spaces ("島津健吾"): whole without a space between its parts."""
    return 2 <= len(name) <= 10 and min(name) >= "\u3000"


# Elements an author or date selector matches that are about something else: the readers' comments
# ("comment-author", "comment-form-author"), the tags or categories of the story, and a picture's
# caption and credit ("image-metadata", "photo-author").
_NOT_BYLINE_PARTS = frozenset("comment comments tag tags keywords categories category schlagworte image photo caption".split())
# The label before a picture's credit, in the languages read ("Foto:", "Photo:", "Bild:", "写真：").
_CLASS_PARTS = precompiled.pattern(r"[\s_-]+")
_CAPTION_LEVELS = 5


def _not_a_byline(node) -> bool:
    """Whether an element named as a byline is something else: a button, comments, tags, or a
    picture's credit (named so, or inside a <figcaption>), or an embedded post's (inside a <blockquote>)."""
    classes = node.attributes.get("class")
    if classes:
        classes = classes.lower()
        # a button beside the byline ("followAuthorBtn": "Themen bearbeiten") says what it does, not who wrote
        if "btn" in classes or "button" in classes or not _NOT_BYLINE_PARTS.isdisjoint(_CLASS_PARTS.split(classes)):
            return True
    return _in_a_caption(node) or _in_a_comment(node)


_COMMENT_PARTS = frozenset({"comment", "kommentar", "commentaire", "comentario"})  # one comment ("comments-open" is the post's)
_COMMENT_LEVELS = 3
_NAME_START = precompiled.pattern(r"[_-]")


def _in_a_comment(node) -> bool:
    """Whether an element is a few levels inside a reader's comment ("<div id="comment_57219133"
    class="comment_item">…<div class="author_name">"): the commenter wrote the comment, not the article."""
    node = node.parent
    for _ in range(_COMMENT_LEVELS):
        if node is None:
            return False
        attrs = node.attributes
        named = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        # a name that starts with the word ("comment_item", "comment-body"); "post_tag-kommentar"
        # is a tag of the post
        if "ment" in named and any(_NAME_START.split(name, 1)[0] in _COMMENT_PARTS for name in named.lower().split()):
            return True
        node = node.parent
    return False


def _labelled_as_a_picture_credit(node) -> bool:
    """Whether the element right before a byline labels it as a picture's credit ("<strong>Foto:</strong><p
    class="autor">Jaiver Nieto</p>")."""
    label = _sibling(node, before=True)
    if label is None:
        return False
    words = label.text_content if label.tag == "-text" else htmlmeta.node_text(label, limit=20)
    return len(words) <= 20 and words.strip().rstrip(":：").strip().casefold() in people.PICTURE_LABELS


_LETTER = precompiled.pattern(r"[^\W\d_]")


def _a_picture_credit(value: str) -> bool:
    """Whether a byline's text starts with a picture's label ("Фото из Инстаграма …" in a photo's
    "author" span on football.ua, "Photo: Jane Doe"): the photographer's, not the article's."""
    first = value[:20].split(None, 1)[0] if value[:20].strip() else ""
    return first.rstrip(":：").casefold() in people.PICTURE_LABELS


def _sibling(node, before: bool = False):
    """The nearest sibling after (or before) an element that is not blank text between them."""
    beside = node.prev if before else node.next
    while beside is not None and beside.tag == "-text" and not beside.text_content.strip():
        beside = beside.prev if before else beside.next
    return beside


def _in_a_caption(node) -> bool:
    """Whether an element is (in) a picture's caption, whose photographer wrote nothing, or a quote:
    an embedded post says who posted it and when ("Ein Beitrag geteilt von … am <time>23. Okt 2017</time>",
    "— Jane Doe (@jane) March 3, 2024"), not who wrote the article or when."""
    for _ in range(_CAPTION_LEVELS):
        if node is None:
            return False
        if node.tag == "figcaption" or node.tag == "blockquote":
            return True
        node = node.parent
    return False


def _says_author(node) -> bool:
    """Whether an element is marked as a byline (class, rel or itemprop), not any metadata line."""
    attrs = node.attributes
    classes = (attrs.get("class") or "").lower()
    return (
        "byline" in classes
        or "author" in classes
        or "autor" in classes  # Spanish, Portuguese, German, Italian ("autore"), Polish
        or "auteur" in classes
        or attrs.get("rel") == "author"
        or attrs.get("itemprop") == "author"
    )


def _visible_names(node, value: str, says_author: bool = False) -> list[str]:
    """The names in a byline element: those of the authors marked inside it, each read on its own
    ("<a rel=author>Chus del Pino</a>, <a rel=author>Martí Abad (Enviado especial)</a>"), else its
    text. `says_author`: the element is marked as the author's (_says_author)."""
    # an element marked twice (<div class="author" itemprop="author">) or inside another is read once
    inner = list({n.mem_id: n for n in node.css(_INNER_AUTHOR)[: _MAX_INNER_AUTHORS * 2] if n.mem_id != node.mem_id}.values())
    outermost = [n for n in inner[:_MAX_INNER_AUTHORS] if not any(_holds(other, n) for other in inner if other is not n)]
    # text for screen readers only is not shown ("James O'Donnell<span class="screen-reader-text">archive
    # page</span>", "Follow Nick Hodges on X"), and a role in an element of its own is no name
    # ("<span class="author__role">Journalist i Paris</span>")
    hidden = _not_names_in(node)
    if hidden:
        value = htmlmeta.node_text_without(node, hidden, limit=300).strip()
    if outermost:
        texts = (htmlmeta.node_text_without(n, hidden) if hidden else htmlmeta.node_text(n) for n in outermost)
        return [name for value in texts for name in _byline_names(value)]
    names = _byline_names(_without_the_colon_before_its_date(value) if says_author else value)
    if len(names) == 1 and len(names[0].split()) > 4:
        return _sibling_names(node) or names  # names glued together, each in an element of its own
    # The story's tags in a meta line ("01.12.2022 / <a rel=tag>CSP</a> / <a rel=tag>International</a>")
    tags = {htmlmeta.node_text(n, limit=80).strip() for n in node.css(_TAG_LINKS)[:_MAX_TAGS]} if names else set()
    return [name for name in names if name.strip() not in tags]


def _without_the_colon_before_its_date(value: str) -> str:
    """ "Martin Fowler: 25 Feb 2026" in an element marked as the author's: that colon joins a name
    to its date. Elsewhere the words before such a colon are a label ("Son Güncelleme : 30.04.2024"),
    as they are after a separator ("Jane Doe · Updated: …") or before more words."""
    if not (found := find_date(value)):
        return value
    head, tail = value[: found[1]].rstrip(), value[found[2] :]
    if not head.endswith((":", "：")) or any(map(str.isalpha, tail)):  # a time may follow the day
        return value
    name = head[:-1].strip()
    alone = " " in name and len(name.split()) <= 4 and not _SEPARATORS.search(name) and not _DATELINE.search(name)
    return f"{name} {value[found[1] :]}" if alone and people.looks_like_person(name) else value


_SCREEN_READER_CLASSES = frozenset(
    "screen-reader-text sr-only visually-hidden visuallyhidden u-visually-hidden element-invisible show-for-sr sr-text".split()
)
_MAX_HIDDEN = 20
_MAX_BYLINE_ELEMENTS = 200


def _not_names_in(node) -> set[int]:
    """The elements inside a byline whose text is no name: for screen readers only, or a role (their
    mem_ids), found by a walk of its few elements (cheaper than parsing a selector list at each call)."""
    hidden: set[int] = set()
    for inner in islice(node.traverse(), 1, _MAX_BYLINE_ELEMENTS):
        classes = inner.attributes.get("class")
        if classes and (not _SCREEN_READER_CLASSES.isdisjoint(classes.split()) or "role" in classes.lower()):
            hidden.add(inner.mem_id)
            if len(hidden) == _MAX_HIDDEN:
                break
    return hidden


_TAG_LINKS = 'a[rel~="tag"]'
_MAX_TAGS = 50


def _fellow_names(node, names: list[str]) -> list[str]:
    """The people the byline element's next siblings of its kind name, that it does not (Pravda's
    three <a class="post_article_author_item">, each an author's name and photo)."""
    kind = node.attributes.get("class")
    if not kind:
        return []
    tag, more = node.tag, list[str]()
    sibling = node.next
    for _ in range(_MAX_INNER_AUTHORS * 2):  # the elements and the spaces between them
        if sibling is None:
            break
        if sibling.tag == tag and sibling.attributes.get("class") == kind:
            value = htmlmeta.node_text(sibling, limit=240)
            value = text.collapse_spaces(value).strip() if len(value) <= 2000 else ""  # a name between indentation
            found = people.clean_names(_byline_names(value), []) if 0 < len(value) <= 80 else []
            more += [name for name in found if people.is_full_name(name) and people.looks_like_person(name) and name not in names + more]
        sibling = sibling.next
    return more


def _sibling_names(node) -> list[str]:
    """The names of a byline that lists its people as sibling elements of one kind, with nothing
    between them ("<span class=simple>Birgit Baumann</span> <span class=simple>Anna Giulia Fink</span>")."""
    for _ in range(3):  # through wrappers of a single element
        children = list(islice(node.iter(), _MAX_INNER_AUTHORS + 1))  # a byline of thousands of empty elements is not read
        if len(children) != 1:
            break
        node = children[0]
    kinds = {(child.tag, child.attributes.get("class")) for child in children}
    if not 2 <= len(children) <= _MAX_INNER_AUTHORS or len(kinds) != 1:
        return []
    names = [htmlmeta.node_text(child, limit=80).strip() for child in children]
    full = all(2 <= len(name.split()) <= 4 and people.looks_like_person(name) for name in names)
    return people.clean_names(names, []) if full else []


# An author inside a byline: marked as one, or named as its name or link ("AuthorLink_author-link__rg5qj"
# beside a section's badge, "News", in the same byline box).
_INNER_AUTHOR = (
    '.author, .autor, .auteur, [rel=author], [itemprop=author], [class*="author-name" i], [class*="author-link" i], '
    '[class*="author_name" i], [class*="authorname" i], [itemprop=name]'
)
_MAX_INNER_AUTHORS = 10


def _holds(outer, node) -> bool:
    """Whether `node` lies inside `outer` (a climb of its ancestors: a byline is a few levels deep)."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id == outer.mem_id:
            return True
        parent = parent.parent
    return False


_UNMARKED_SELECTOR = "h1, p, div, span, li, small, cite"


class _Heading(NamedTuple):
    """What the unmarked elements after the headline are counted from: every <h1>, and the <h2>
    that is the headline where the page has one (`h2`: its mem_id)."""

    h2: int | None = None

    @property
    def selector(self) -> str:
        return _UNMARKED_SELECTOR if self.h2 is None else "h2, " + _UNMARKED_SELECTOR

    def is_headline(self, node, tag: str) -> bool:
        return tag == "h1" or (tag == "h2" and node.mem_id == self.h2)


def _dateline(unmarked: list, heading: _Heading, places: _Places, title: str | None = None) -> str | None:
    """A date in an unmarked element: "Posted on March 3, 2024 by ..." anywhere, or the first full
    date in the few elements right after a headline (a page may have a hidden <h1> at its top);
    else a short line that starts with a date right above the headline ("14.06.2019 (ch)"). Not a
    picture's caption (it dates the picture), a comment, or another story's card. `title`: the
    article's title as read (a headline that is it is no logo, however short)."""
    after_headline = None
    above: tuple | None = None  # (the element, its date): a short line starting with a date, before any headline
    for n, node in enumerate(unmarked):
        if heading.is_headline(node, node.tag):
            if after_headline is None and above is not None and not _right_above(above[0], node, title):
                above = None
            after_headline = n
            continue
        value = node.text(deep=False)  # own text only: cheap, and a dateline is short (once its
        value = text.collapse_spaces(value) if len(value) <= 2000 else ""  # indentation is collapsed)
        near = after_headline is not None and n - after_headline <= _NEAR_HEADLINE
        if value and len(value) <= 120 and (dateline := find_date(value)) and _the_articles(node, dateline[0], places):
            if near or _DATELINE.search(value) or _labelled_date(node, value):
                return dateline[0]
            if after_headline is None and dateline[1] == 0 and len(value) <= 40:
                above = (node, dateline[0])
        # Right under the headline, a short line whose date is in a link or an inline element of
        # its own ("Par <a>Nicolas G.</a> le <a href="/index/2020/09/14/">14.09.2020 à 11h46</a>").
        if near and (whole := _short_line(node)) and (dateline := find_date(whole) or _short_year(whole)):
            if _the_articles(node, dateline[0], places):
                return dateline[0]
    return above[1] if above is not None and after_headline is not None else None


def _the_articles(node, date: str, places: _Places) -> bool:
    """Whether a date an unmarked element shows may be the article's."""
    return not _not_a_byline(node) and not places.took(node, date)


def _right_above(dated, headline, title: str | None = None) -> bool:
    """Whether an element is the one right before a headline that reads as one (a few words, not a
    logo's name), or inside a short one there: its date line (phys.org's "<div class="article__info">
    … <p>October 22, 2019</p></div>" over its <h1>). A short headline reads as one where it is the
    article's title ("Clankers with claws" on world.hey.com; a logo's <h1> gives way to the metadata's title)."""
    value = headline.text(deep=True)
    short = len(value.strip()) < 20 and not (title and text.same_text(value, title))
    if len(value) > 400 or short or " " not in value.strip():
        return False
    before = headline.prev
    while before is not None and before.tag in ("-text", "-comment"):
        before = before.prev
    if before is None or before.mem_id == dated.mem_id:
        return before is not None
    return _holds(before, dated) and len(" ".join(htmlmeta.node_text(before, limit=_ABOVE_CHARS).split())) <= _ABOVE_CHARS


_ABOVE_CHARS = 120


def _short_year(line: str) -> tuple[str, int, int] | None:
    """A date with a two-digit year that starts a short line under the headline ("10/12/20 - 10h02";
    not "Version 1.2.21"), or ends a byline there ("von Klaus-Peter Schöppner, 8.5.12")."""
    if len(line) > 60:
        return None
    if line[:1].isdigit():
        written = find_short_year_date(line)
        return (written, 0, len(written) - 2) if written and line.startswith(written[:-4]) else None
    if not people.starts_with_by(line) or not (written := find_short_year_date(line)):
        return None
    as_shown = written[:-4] + written[-2:]  # "8.5.2012" was "8.5.12"
    end = len(line.rstrip())
    return (written, end - len(as_shown), end) if line.rstrip().endswith(as_shown) else None


def _short_line(node) -> str | None:
    """An element's whole text when it is a line of at most 120 characters."""
    value = htmlmeta.node_text(node, limit=240)
    if len(value) > 240:
        return None
    value = text.collapse_spaces(value)
    return value if len(value) <= 120 else None


def _labelled_date(node, own: str) -> bool:
    """Whether a date the element shows is labelled by a child element ("<h5>Datum:</h5> 03.11.2021",
    "<strong>Published</strong> May 3"): the label is in its whole text, in front of the date."""
    value = htmlmeta.node_text(node, limit=1000)
    if len(value) > 1000:
        return False
    value = text.collapse_spaces(value)
    label = _DATELINE.search(value[:160])
    return label is not None and label.start() < value.find(own[:10])


_NEAR_HEADLINE = 30


def _unmarked_byline(unmarked: list, heading: _Heading, places: _Places) -> list[str]:
    """People named in a short "By Name" element among the few right after the headline, or in an
    "Author: Name" list item or line anywhere after it, when no element is marked as a byline
    (obfuscated class names, a bare <span>By</span><a>Name</a>, a facts box of label and value); not
    under another story's headline, in its card."""
    after_headline = None
    budget = _FAR_BYLINE_CHARS  # further down, the text read is bounded: a page can nest much there
    for n, node in enumerate(unmarked):
        tag = node.tag
        if heading.is_headline(node, tag):
            after_headline = after_headline if after_headline is not None else n
            continue
        near = after_headline is not None and n - after_headline <= _NEAR_HEADLINE
        if not near and (after_headline is None or tag not in _LABELLED_TAGS):
            continue
        if not near:
            # Far down, most lines are looked at only for a label: read as Lexbor joins them first.
            seen = node.text(deep=True, separator=" ")
            if (budget := budget - len(seen)) < 0:
                break
            # (the label's pattern takes any run of spaces: the line need not be collapsed first)
            if len(seen) > 2000 or not people.starts_with_author_label(seen.lstrip()):
                continue
        if (names := _unmarked_names(node, near)) and not places.in_another_story(node):
            return names
    return []


def _unmarked_names(node, near: bool) -> list[str]:
    """The people an unmarked line names: a wire agency or a "By Name" line right under the
    headline (`near`), an "Author: Name" line anywhere."""
    value = htmlmeta.node_text(node, limit=2000)
    value = text.collapse_spaces(value) if len(value) <= 2000 else ""  # a line's indentation collapsed
    if near and (agency := _WIRE_LINE.fullmatch(value)) and people.is_wire_agency(agency.group(1)):
        return [agency.group(1)]  # "JIJI", "AFP, MANILA" under the headline: the agency's byline
    if near and len(value) <= 80 and (names := _name_before_date(node, value)):
        return names
    if near and len(value) <= 80 and (credited := text.writers_credited(value)):
        return people.clean_names(credited, [])  # "文：山田太郎", "取材・文＝…" under the headline
    if len(value) > 80 or not (_by_line(value) if near else people.starts_with_author_label(value)):
        return []
    names = people.clean_names(_byline_names(value), [])
    return names if names and all(people.looks_like_person(name) for name in names) else []


def _by_line(value: str) -> bool:
    """A line that names who wrote: "By …", or a Korean reporter's byline ("김철수·이영희 기자 입력 …")."""
    return people.starts_with_by(value) or bool(text.korean_reporters(value))


_NAME_THEN_BAR = precompiled.pattern(r"([^\W\d][^|·•]{3,60}?)\s*[|·•]")


def _name_before_date(node, value: str) -> list[str]:
    """A full name and a bar, and the date beside it ("<span>Jane Doe |</span><span>05.04.2025</span>"):
    the line under a headline that names its author without a "By"."""
    if not (m := _NAME_THEN_BAR.fullmatch(value)):
        return []
    beside = _sibling(node)
    if beside is None or not find_date(htmlmeta.node_text(beside, limit=120)[:120]):
        return []
    names = people.clean_names([m.group(1)], [])
    person = len(names) == 1 and 2 <= len(names[0].split()) <= 4 and people.looks_like_person(names[0])
    return names if person and not _SUBHEADING_WORDS.intersection(names[0].casefold().split()) else []


# Where a labelled author stands away from the headline: a line of a facts box, not a whole block.
_LABELLED_TAGS = frozenset({"li", "p", "small", "span"})
_FAR_BYLINE_CHARS = 50_000
