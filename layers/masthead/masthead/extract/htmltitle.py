"""The headline of an HTML page: which <h1> (or <h2>) shows it, what of it is a kicker, a badge, a
logo or a section label, and the page's <title> and metadata title without the site's name, a
leading kicker or a trailing date."""

from __future__ import annotations

import re
from itertools import islice

from . import htmlmeta, precompiled, text
from .dates import find_date
from .htmlbody import name_words

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


def headline_elements(tree, headlines: list, meta_title: str | None, page_title: str | None, url: str | None = None) -> list:
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


def h2_below_the_crumbs(blocks: list, heads: list) -> list:
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
        if "crumb" in names and not _CRUMB_WORDS.isdisjoint(name_words(names)):
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


def h2_the_title_ends(blocks: list, meta_title: str | None) -> list:
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


def title_dates(title: str | None) -> tuple[str | None, str | None]:
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


def before_a_dated_part(title: str | None) -> str | None:
    """A <title> cut before a part that is only a date ("Briefe - 26 Oktober 2010 - Blog - Bilder,
    News…" is "Briefe"): what follows is the blog's name and sections."""
    dated = _dated_part(title) if title else None
    head = title[: dated[0]].strip() if title and dated else ""
    return head if len(head) >= 3 else title


_YEAR = precompiled.pattern(r"\d\d\d\d")


_TITLE_BARS = precompiled.pattern(r"[|｜]")


_BRACKETED_END = precompiled.pattern(r"[（(]([^（）()]{6,40})[）)]\s*$")


_TITLE_DASHES = precompiled.pattern(r"\s[-–—|]\s")


def uncut_title(meta_title: str | None, page_title: str | None) -> str | None:
    """A metadata title cut short by a quote mark written unescaped in its attribute
    (content="Biden called "unfit"") is the page's <title> that goes on from there with the quote."""
    if meta_title and page_title and len(page_title) > len(meta_title) and page_title.startswith(meta_title):
        if page_title[len(meta_title) :].lstrip()[:1] == '"':
            return page_title
    return meta_title


def visible_title(h1s: list, meta_title: str | None, page_title: str | None, site_names: list[str]) -> tuple[str | None, str | None]:
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
