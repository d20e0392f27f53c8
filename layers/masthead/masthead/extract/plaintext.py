"""Plain text, including copies of web pages pasted from a browser.

A pasted page is read as the browser showed it: a breadcrumb trail or a category line, title (with
"[NEW]"-style labels), a date glued to the byline or behind its label ("Published:", "公開日："),
share-button lines, the title again, an optional deck, the body with its section headings,
"Reference:" and "Image:" lines, a "Tags:" line, a "Related articles" list, and then sidebars
(magazine promos, banners) that are neither body nor metadata.
"""

from __future__ import annotations

import datetime as dt
import re

from . import datelabels, people, precompiled, text
from .dates import find_date, find_day_without_year, find_short_year, parse_datetime
from .draft import Draft, merge_drafts
from .headerlines import NOT_IN_A_NAME, READING_TIME, a_date_line, a_newsroom, byline_names, date_byline, is_byline, labelled_date

_HEADER = precompiled.pattern(
    r"^(title|subtitle|author|authors|by|date|published|updated|category|tags|keywords|language|lang|issue|"
    r"タイトル|見出し|著者|筆者|日付|公開日|更新日|カテゴリ|カテゴリー|タグ|言語)\s*[:：]\s*(.+)$",
    re.I,
)
_HEADER_FIELDS = {
    "title": "title",
    "タイトル": "title",
    "見出し": "title",
    "subtitle": "subtitle",
    "author": "authors",
    "authors": "authors",
    "by": "authors",
    "著者": "authors",
    "筆者": "authors",
    "date": "published",
    "published": "published",
    "日付": "published",
    "公開日": "published",
    "updated": "updated",
    "更新日": "updated",
    "category": "category",
    "カテゴリ": "category",
    "カテゴリー": "category",
    "tags": "tags",
    "keywords": "tags",
    "タグ": "tags",
    "language": "language",
    "lang": "language",
    "言語": "language",
    "issue": "issue",
}
# The label of an advertisement's slot: under the story, the site's own; between two paragraphs, no end.
_AD_LABELS = r"advertisement|sponsored|広告|pr"
# Lines after which nothing is the article any more: sidebars, promos, footers.
_TAIL = precompiled.pattern(
    r"^\s*(side ?banner|magazine|popular(?: articles)?|ranking|most read|newsletter|"
    r"subscribe(?: now)?|back to top|page top|copyright|©.*|all rights reserved.*|人気記事|ランキング|"
    rf"バックナンバー|最新号|おすすめ|{_AD_LABELS})\s*$",
    re.I,
)
# What a page sets under the article: its topics, its filing, its writer's box, its share bar.
_ARTICLE_END = precompiled.pattern(
    r"^\s*(?:archivado en|filed under|ämnen i artikeln|この記事を書いた人|mehr über|spread the news|share this)\s*[:：]?\s*$",
    re.I,
)
# The comments' link and count, under the byline as a share bar is ("56 comments", "Kommentare").
_COMMENTS = precompiled.pattern(r"^\s*\d*\s*(?:comments?|kommentare|comentarios|commentaires|comentar)\s*[:：]?\s*$", re.I)
_SENTENCE_END = precompiled.pattern(r"[.。!?！？」』\")]$")
# A line of the page's tags under the article ("Tags: bitcoin, ETF", "タグ：ビットコイン").
_TAGS_LINE = precompiled.pattern(r"^(?:tags?|keywords?|タグ|キーワード)\s*[:：]\s*(\S.*)$", re.I)
# The separators of a breadcrumb trail ("Home > News > Crypto", "TOP ＞ ニュース").
_CRUMB_SEPARATOR = precompiled.pattern(r"\s*[>»›＞]\s*")
_HOME_WORDS = frozenset({"home", "top", "ホーム", "トップ"})


def _is_short(line: str, chars: int = 100) -> bool:
    return len(line) <= chars and not _SENTENCE_END.search(line)


# Which source each field comes from: "Title:"-style header lines say what they mean, so they come
# before what the layout of a pasted page suggests. Authors add up: the header's, then the bylines'.
PRIORITY: dict[str, tuple[str, ...]] = {
    "title": ("header", "layout"),
    "subtitle": ("header", "layout"),
    "published": ("header", "layout"),
    "updated": ("header", "layout"),
    "category": ("header", "layout"),
    "tags": ("header", "layout"),
    "language": ("header",),
    "issue": ("header",),
    "labels": ("layout",),
    "headings": ("layout",),
    "paragraphs": ("layout",),
    "references": ("layout",),
    "image_credits": ("layout",),
    "related_titles": ("layout",),
}
ADDED: dict[str, tuple[str, ...]] = {"authors": ("header", "layout")}


def parse_plaintext(source: str) -> Draft:
    lines = [line.strip() for line in source.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    blocks = [b for b in lines if b]
    header, start = _header_fields(blocks)
    return merge_drafts({"header": header, "layout": _layout(blocks, start, header)}, PRIORITY, ADDED)


def _header_fields(blocks: list[str]) -> tuple[Draft, int]:
    """ "Name: value" header lines at the very top, and where they end."""
    header, i = Draft(), 0
    while i < len(blocks) and (m := _HEADER.match(blocks[i])):
        field = _HEADER_FIELDS[m.group(1).lower()]
        value = m.group(2).strip()
        if field == "authors":
            header.authors.append(value)
        elif field == "tags":
            header.tags.extend(text.as_list(value))
        else:
            setattr(header, field, value)
        i += 1
    return header, i


def _layout(blocks: list[str], i: int, header: Draft) -> Draft:
    """What the layout of the text shows after the header lines (a pasted page: category, title,
    date and byline, deck, body). The header is context: with a header title, the first line is
    not read as the title; a date in the header is not looked for again."""
    draft = Draft()
    i = _skip_share_lines(blocks, i)
    i = _read_breadcrumbs(draft, blocks, i, header)
    head = i = _read_category_and_title(draft, blocks, i, header)
    i = _read_byline_lines(draft, blocks, i, header)
    i = _read_header_zone(draft, blocks, i, header)
    i = _read_deck(draft, blocks, i, header)
    blocks = _read_further_down(draft, blocks, i, header, head)
    if not (header.published or draft.published or header.updated or draft.updated) and (shown := _the_day_it_shows(blocks, i)):
        draft.published, at = shown
        read = {at}  # (the lines read are the page's, as a byline read further down is)
        if not (header.authors or draft.authors) and (beside := _name_beside_the_day(blocks, at, i, draft.title)):
            read.add(beside[0])
            draft.authors = beside[1]
        blocks = [block for j, block in enumerate(blocks) if j not in read]
    _read_body(draft, _body_lines(draft, blocks, i))
    return draft


def _the_day_it_shows(blocks: list[str], i: int) -> tuple[str, int] | None:
    """Where no date stood under the title: the one day the page shows on lines of their own from
    right above its text's first paragraph on ("19. Oktober 2019 15:07" past a header of menus,
    "12. September 2013" under the last paragraph). A page that shows several days says nothing of
    which is the article's (a listing of other stories, the comments' dates), and one shown well
    above the text is the site's (today's date in its bar): then none is read, nor on a page that
    shows dozens (an archive). Only the first _DAY_LINES lines are read. Returns the date and its line."""
    first: tuple[str, int] | None = None
    day: dt.date | None = None
    text_started, shown_lines = False, 0
    for j in range(i, min(len(blocks), i + _DAY_LINES)):
        line = blocks[j]
        if not _is_short(line, _TEXT_CHARS):
            text_started = True
        elif (shown := _a_date_alone(line)) is not None:
            parsed = parse_datetime(shown)
            shown_lines += 1
            if parsed is None or (day is not None and parsed.date() != day) or shown_lines > _MAX_DAYS_SHOWN:
                return None
            if not (text_started or _right_above_the_text(blocks, j)):
                return None
            first, day = first or (shown, j), parsed.date()
    return first


def _name_beside_the_day(blocks: list[str], at: int, i: int, title: object) -> tuple[int, list[str]] | None:
    """(line, names) of a person's name alone right above or under the day the page shows (line
    `at`) right above the text, as a byline stands beside its date ("Federico Mayol" / "03/05/2022
    22:46" past a list of the most read; "Verónica De Vita" / "miércoles, 4 de mayo de 2022"). Not a
    caption's, nor a comment's greeting ("Beate" / "19. Juni 2019" / "Guten Morgen Martina,"), nor
    an entry of a dated list (the next date on its other side) or of a menu (a word or two above
    it: "Phillies" / "Fantasy Football"), nor beside a day under the text."""
    if not _right_above_the_text(blocks, at):
        return None
    for k, step in ((at - 1, -1), (at + 1, 1)):
        if not i <= k < len(blocks) or blocks[k].endswith(",") or _a_caption(blocks, k):
            continue
        other = blocks[k + step] if i <= k + step < len(blocks) else ""
        if _a_date_alone(other) or (step < 0 and len(other.split()) <= _MENU_WORDS):
            continue
        if names := _name_line(blocks, k, title):
            return k, names
    return None


_MENU_WORDS = 2


def _right_above_the_text(blocks: list[str], j: int) -> bool:
    return any(not _is_short(line, _TEXT_CHARS) for line in blocks[j + 1 : j + 1 + _RIGHT_ABOVE])


# Real pages show their day alone on a line up to 29 times (a dated list of the day's news), and
# the copies of 526 pages run to 708 lines; a date line costs a date parse (15 µs), so an upload
# of tens of thousands of them is not read through.
_MAX_DAYS_SHOWN = 50
_DAY_LINES = 1000
# A date this few lines above the first paragraph is the article's header's (a share bar, a
# caption between them); the site's bar stands above its menus.
_RIGHT_ABOVE = 5


def _a_date_alone(line: str) -> str | None:
    """The date of a short line that is a date, with at most a word and the time beside it
    ("Donnerstag, 31. Mai 2012", "19.11.2012", "Datum 28.04.2023 – 14:10")."""
    if len(line) > _DATE_ALONE_CHARS or (dating := _dated_line(_unglued(line))) is None:
        return None
    date, start, end = dating
    return date if len(_WORD.findall(_TIME.sub(" ", f"{line[:start]} {line[end:]}"))) <= 1 else None


_DATE_ALONE_CHARS = 60


def _read_further_down(draft: Draft, blocks: list[str], i: int, header: Draft, head: int) -> list[str]:
    """Where no publication date or no byline stood under the title: the first short line further
    down that its label opens ("Publié le 13 mars 2017", "Erschienen am: 01.11.2023") and the first
    byline ("Par Jacques Munier", "von Mark Hosak —"), among the text's first lines, read as the
    date and the authors (a dated line's byline too: "Posted on August 2, 2019 by Daniel Lemire";
    a byline's date: "By Richard Lawler posted Aug 18th 2010 7:30PM") and taken out of the text;
    without a byline there, a name alone under the title or the deck (line `head`: the title's next)."""
    want_date, want_author = not (header.published or draft.published), not (header.authors or draft.authors)
    if not (want_date or want_author):
        return blocks  # (most pages: both stood under the title)
    read: list[int] = []
    for j in range(i, min(len(blocks), i + _FURTHER_DOWN)):
        line = _unglued(blocks[j]) if len(blocks[j]) <= 80 else ""
        if want_date and _PUBLISHED_LABEL.match(line) and (dating := _dated_line(line)):
            draft.published, start, end = dating
            want_date = False
            if want_author and (names := _names_beside_a_date(line[:start], line[end:], draft.title)):
                draft.authors, want_author = names, False
            read.append(j)
        elif want_author and (names := _byline(line)):
            draft.authors, want_author = names, False
            if want_date and (dating := find_date(line) or _short_year_date(line)):
                draft.published, want_date = dating[0], False  # ("von Anja Schmoll-Trautmann am 14. Mai 2014")
            read.append(j)
    if want_author and (lone := _lone_name(blocks, head, draft.title) or _labelled_author(blocks, draft.title)):
        j, draft.authors = lone
        if draft.subtitle == blocks[j]:
            draft.subtitle = None  # (a name alone under the title, followed by the text, looked like a deck)
        read += [j] if j >= i else []  # (above the body, the line is no part of it already)
    return [block for j, block in enumerate(blocks) if j not in read] if read else blocks


def _labelled_author(blocks: list[str], title: object) -> tuple[int, list[str]] | None:
    """(line, names) of the first name that a line of its own labels as the author's, anywhere on
    the page (DW's facts under the text: "Autorin/Autor" / "Roman Goncharenko"; "Author" /
    "Patrick Frye" past the share buttons, where the name under the title ran into the text)."""
    for j in range(1, min(len(blocks), _AUTHOR_LABEL_LINES)):
        if blocks[j - 1].casefold().rstrip(":： ") in _AUTHOR_LABELS and (names := _name_line(blocks, j, title)):
            return j, names
    return None


# A label that says the next line is the author (not "By", "Von" or "Text": a menu's or a
# comment's word as often, once past the header).
_AUTHOR_LABELS = frozenset(
    {"author", "authors", "autor", "autorin", "autorin/autor", "autor/in", "autor:in", "autoren", "autora", "autores"}
    | {"auteur", "auteurs", "autore", "autori", "作者", "著者", "筆者", "執筆者"}
)
_AUTHOR_LABEL_LINES = 1000


_FURTHER_DOWN = 40


def _skip_share_lines(blocks: list[str], i: int) -> int:
    while i < len(blocks) and text.SHARE_LINE.match(blocks[i]):
        i += 1
    return i


def _read_breadcrumbs(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """A breadcrumb trail above the title ("Home > News > Crypto"): its last step is the category.
    A trail has two separators or starts at the home page, so a title with one ">" stays a title."""
    if i + 1 >= len(blocks) or len(blocks[i]) > 200 or "«" in blocks[i] or "‹" in blocks[i] or "<" in blocks[i]:
        return i  # (a » that closes a « is a quotation mark: "Ayrault «assume» et «revendique» sa méthode"; a > a tag's)
    steps = _CRUMB_SEPARATOR.split(blocks[i])
    crumbs = 2 <= len(steps) <= 8 and all(0 < len(step) <= 40 and not _SENTENCE_END.search(step) for step in steps)
    if not crumbs or (len(steps) == 2 and steps[0].casefold() not in _HOME_WORDS):
        return i
    if not header.category and steps[-1].casefold() not in _HOME_WORDS:
        draft.category = steps[-1]
    return i + 1


def _read_category_and_title(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """A pasted page starts "Category / Title / date+byline": a short first line is the category
    only when the line after next is the date line."""
    if not header.title and not header.category and i + 2 < len(blocks) and _a_category_line(blocks, i):
        draft.category = blocks[i]
        i += 1
    elif not header.title and i + 2 < len(blocks) and blocks[i + 1] in _SEPARATOR_LINES and len(blocks[i]) <= 60 and _is_short(blocks[i]):
        i += 2  # a kicker, a dash, then the title ("Minderheit in Syrien" / "-" / "Drusen fordern …"): no text
    if not header.title and i < len(blocks):
        draft.title = blocks[i]
        i += 1
    return i


def _a_category_line(blocks: list[str], i: int) -> bool:
    """Whether a short line (three words at most) stands over the title and its date line (a date
    with its label, its time or its byline; the byline or the deck may stand between): "Blockchain" /
    the title / "2024/04/01 Editors of Iolite", "Millennial Decorating Mistakes" / "The 5 Biggest
    Decorating Mistakes Millennials Make — and How to Solve Them" / "December 19, 2016 by Maggie
    Winterfeldt". The title reads as a headline
    longer than the short line: not a deck that ends as a sentence does, a date, or a button or the
    site's name, shorter than it ("Ein Albtraum" / "PDF drucken" / "22.12.2018": the title)."""
    first, title, under = blocks[i], blocks[i + 1], blocks[i + 2]
    if len(first) > 30 or len(first.split()) > 3 or not _is_short(first) or date_byline(first) or date_byline(title) or is_byline(title):
        return False
    a_headline = len(first) < len(title) <= _HEADLINE_CHARS and not title.endswith(".") and not _dated_line(_unglued(title))
    if a_headline and not _a_date_line(under) and i + 3 < len(blocks) and _beside_the_title(blocks, i + 2):
        under = blocks[i + 3]  # (its byline or its deck between: "Blockchain" / the title / "By Ann Lee" / the date)
    return a_headline and _a_date_line(under)


def _a_date_line(line: str) -> bool:
    """A date line as typed (headerlines.a_date_line), or as a page's copy shows one (_dated_line)."""
    return a_date_line(line) or _dated_line(_unglued(line)) is not None


def _beside_the_title(blocks: list[str], k: int) -> bool:
    """A byline, a name or a deck of a sentence, as stands between a title and its date."""
    line = blocks[k]
    return is_byline(line) or bool(_name_line(blocks, k, None)) or (len(line) <= _DECK_MAX and _SENTENCE_END.search(line) is not None)


_DECK_MAX = 300  # (a deck is a sentence or two)


_HEADLINE_CHARS = 160


_SEPARATOR_LINES = frozenset({"-", "–", "—", "|", ":", "·", "•", "/"})


def _read_byline_lines(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """Date, byline, share bars and the repeated title, in any order, before the body: at most
    _HEADER_LINES of them (each costs a byline's and a date's reading: an upload of thousands of
    byline lines is not read through as its header)."""
    title_plain = text.split_labels(text.clean(header.title or draft.title) or "")[0]
    end = min(len(blocks), i + _HEADER_LINES)
    while i < end:
        line, shown = blocks[i], _unglued(blocks[i])  # (the title's repeat is compared as typed: "Web3")
        if text.SHARE_LINE.match(line) or _beside_a_date(line):  # (or a bar, a reading time)
            i += 1
        elif text.same_text(text.split_labels(line)[0], title_plain):
            draft.labels.extend(text.split_labels(line)[1])
            i += 1
        elif (labelled := labelled_date(shown)) is not None:
            date, updated, byline = labelled
            if updated and not (header.updated or draft.updated):
                draft.updated = date
            elif not updated and not (header.published or draft.published):
                draft.published = date
                draft.authors += [_without_handles(byline)] if byline else []
                i += 0 if byline else _names_under(draft, blocks, i, header)
            i += 1
        elif (found := date_byline(shown) if len(shown) <= 120 else None) and not (header.published or draft.published):
            draft.published = found[0]
            if found[1]:
                draft.authors.append(_without_handles(found[1]))
            else:
                i += _names_under(draft, blocks, i, header)
            i += 1
        elif names := _byline(shown):
            draft.authors.extend(names)
            if (dating := find_date(shown) or _short_year_date(shown)) and not (header.published or draft.published):
                draft.published = dating[0]  # "by Cristina Laila Apr. 28, 2023 1:15 pm"
            i += 1
        else:
            break
    return i


# Real pages put a handful of lines between the title and the text (a date, a byline, a bar of
# buttons, the title again); twenty is more than any has.
_HEADER_LINES = 20


def _names_under(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """Where no one is named yet, the byline under the date line `i` (_names_under_a_date) read into
    `draft`; returns how many lines it took."""
    if header.authors or draft.authors or not (under := _names_under_a_date(blocks, i + 1, draft.title)):
        return 0
    draft.authors += under[0]
    return under[1]


def _names_under_a_date(blocks: list[str], k: int, title: object) -> tuple[list[str], int] | None:
    """(names, lines) of the byline right under a date line: a byline, names on lines of their own,
    or a short line in a script without case ("山田太郎"); not a button, a heading or the time of
    the update ("Teilen", "Related Items", "(Mis à jour: 19:56"). A bar or a reading time may stand
    between them ("27. Januar 2026" / "•" / "Gregor Meier •")."""
    skipped = next((n for n in range(3) if not (k + n < len(blocks) and _beside_a_date(blocks[k + n]))), 2)
    k += skipped
    line = _without_handles(blocks[k]) if k < len(blocks) else ""
    if not line or len(line) > 40 or not _is_short(line) or _NO_BYLINE.search(line) or _a_caption(blocks, k):
        return None
    if names := _byline(line):
        return names, skipped + 1
    if stacked := _name_lines(blocks, k, title):
        return _flat(stacked), skipped + len(stacked)
    uncased = not any(ch.isalpha() and ch.lower() != ch.upper() for ch in line)
    return ([line], skipped + 1) if uncased and not (isinstance(title, str) and text.same_text(line, title)) else None


_NO_BYLINE = precompiled.pattern(r"[\d:：()（）\[\]]")


# How far under the title a pasted page's date and byline may stand, past its deck, a picture's
# caption, a teaser and the site's buttons ("Share this with", "Comments", "Iniciar sesión"): a few
# lines, and never past the second paragraph-long one (the deck's, then the body's).
_ZONE_LINES = 12
_LONG_LINE = 200
# A byline's first word or label on a line of its own, the name on the next ("Por" / "Juliet
# Jimenez", "Author:" / "Lauren Briggs", "Escribe" / "Camila Méndez").
_BY_WORD = frozenset(
    {"by", "por", "par", "von", "di", "da", "av", "door", "af", "przez", "od"}
    | {"author", "authors", "autor", "autora", "autores", "auteur", "auteurs", "autore", "autori", "escribe", "text", "texte", "tekst"}
    | {"written by", "posted by", "escrito por", "publicado por", "geschrieben von"}
)
# Words that make a dated line the update's ("Actualizado: 15 oct 2024", "Uppdaterad …").
_UPDATED = precompiled.pattern(datelabels.alternation(datelabels.UPDATED), re.I)


def _read_header_zone(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """Where the lines right under the title named no date or no author: the date and the byline a
    few lines further down (a bare name beside the date: "Noora Mykkanen" / "Published November 18,
    2024 9:26pm"). What stands between the title and the last of them is no body: the first phrase
    is the deck, the rest the site's buttons and captions. Returns where the body starts."""
    want_date, want_author = not (header.published or draft.published), not (header.authors or draft.authors)
    if not (want_date or want_author):
        return i
    zone = _zone(blocks, i)
    lines = {j: _unglued(blocks[j]) for j in zone}
    dated = {j: dating for j in zone if (dating := _dated_line(lines[j]))}
    undated = {j: when for j in zone if j not in dated and (when := _undated_line(lines[j]))}
    yearless = {j for j in zone if j not in dated and j not in undated and _yearless_line(lines[j])}
    anchors = _date_anchors(blocks, {*dated, *undated, *yearless})
    found: dict[float, tuple[str, object]] = {}  # line index -> (field, value); a dated line's name at index + 0.5
    for j in zone:
        line = lines[j]
        if (typed := date_byline(line)) and typed[1]:  # a date and its byline as typed ("April 1, 2024 – by Ann Lee")
            found[j], found[j + 0.5] = ("published", typed[0]), ("authors", [typed[1]])
        elif j in dated or j in undated:
            date, start, end = dated[j] if j in dated else (None, *undated[j])
            # (a time without a date gives none, but is the header's: the body starts after it; a
            # label alone on the line above says whose date it is: "Updated:" / "Mar 6, 2018")
            above = blocks[j - 1].strip(" :：") if j > 0 and not line[:start].strip() else ""
            updated = _UPDATED.search(line[:start]) or _UPDATED.fullmatch(above)
            found[j] = ("updated" if updated else "published", date)
            if not updated and (later := _update_after(line[end:])):
                found[j + 0.25] = ("updated", later)
            if names := _names_beside_a_date(line[:start], line[end:], draft.title):
                found[j + 0.5] = ("authors", names)
        elif names := _byline(line):
            found[j] = ("authors", names)
            if dating := find_date(line):
                found[j + 0.25] = ("published", dating[0])  # ("by Jack Davis December 23, 2016 at 7:18am")
        elif stack := _names_after_by_word(blocks, j) or _names_stacked_beside(blocks, j, anchors, draft.title):
            found[j + len(stack) - 1] = ("authors", _flat(stack))  # (at the last of their lines: the body starts after it)
    _mark_yearless(found, yearless)
    if not found:
        return i
    for _, (field, value) in sorted(found.items()):
        _take(draft, field, value, want_date, want_author)
    first, last = int(min(found)), int(max(found))
    if not (header.subtitle or draft.subtitle):
        draft.subtitle = next((blocks[j] for j in range(i, first) if _a_deck(blocks[j])), None)
    # (a bar or a reading time after the last of them is the header's too: "Gregor Meier •" / "3 Minuten")
    return next((k for k in range(last + 1, len(blocks)) if not _beside_a_date(blocks[k])), len(blocks))


def _lone_name(blocks: list[str], head: int, title: object) -> tuple[int, list[str]] | None:
    """(line, names) of a person's name alone on its line right under the title (line `head`), the
    deck or a picture's caption, above the short lines a byline has beside it on a page ("Ophélie
    Ostermann" / "|", "Elizabeth Gibney" / "Search for this author in:", "Marta Cañete" /
    "Corresponsal en Atenas", "Markus Mäki" / "Jaa artikkeli:"). Not the last of a list of names the
    line above began ("Herausgegeben von …, Jürgen Kaube," / "Berthold Kohler"). Right above the
    text, two words in capitals are a deck or a heading ("Market Analysis", "What Happened"):
    nothing tells them from a name there."""
    for j in _zone(blocks, head):
        above = blocks[j - 1] if j > head else ""
        if (j == head or (len(above) >= _DECK_CHARS and not above.endswith(","))) and j + 1 < len(blocks):
            if (names := _name_line(blocks, j, title)) and _alone_under_the_head(blocks, j, title):
                return j, names
    return None


_DECK_CHARS = 60


def _alone_under_the_head(blocks: list[str], j: int, title: object) -> bool:
    """Not the text's first line, nor one of a list of short lines (a menu's, a teaser's), a caption,
    the title's subject or a heading in capitals ("Site Navigation", "Nam Nghi Phu Quoc" of its
    title, "LO MÁS LEÍDO")."""
    line, under = blocks[j], blocks[j + 1]
    if len(under) >= _TEXT_CHARS or _name_line(blocks, j + 1, title) is not None or _a_caption(blocks, j) or _PICTURE_CREDIT.match(line):
        return False
    words = line.split()
    if any(len(word) >= 3 and word.isupper() for word in words) or _GLUED_WORDS.search(line) or words[0] in _ARTICLES:
        return False
    if not any(map(str.isupper, line)):
        return False  # (a script without case says nothing of what a line is: a name needs its capitals)
    return not (isinstance(title, str) and line.casefold() in title.casefold())


# Two words glued where the copy lost their break ("PaymentAnzeige"; not "McCarthy", "DeVito").
_GLUED_WORDS = precompiled.pattern(r"[a-zß-öø-ÿ]{4}[A-ZÀ-ÖØ-Þ]")
# A phrase's first word that no name starts with ("El Mundo", "Los Gallardos", "A Deep Dive").
_ARTICLES = frozenset("A The El La Los Las Le Les Der Die Das Il Lo Gli".split())


def _unglued(line: str) -> str:
    """A header line as the page showed it, where the copy glued what markup alone set apart: a word
    and the digits after it ("Tobias Mühlbauer24.04.2024", "Publiziert17. Dezember"), a name and
    the date, the date's label or the job title after it ("Shana Nys DambrotNovember 6, 2023", "Carla
    ChevezActualizado el 08/05/2022", "André KleinRedakteur")."""
    if len(line) > _LONG_LINE:
        return line  # (no header line is that long: the text is left as it is, unread)
    line = _GLUED_AFTER_YEAR.sub(" ", _GLUED_TIME.sub(r"\1 ", _GLUED_DIGITS.sub(" ", line)))
    for boundary in _LOWER_THEN_UPPER.finditer(line):
        rest = line[boundary.start() :]
        if _LABEL_AT.match(rest) or ((found := find_date(rest)) and found[1] == 0) or people.is_role(rest):
            return f"{line[: boundary.start()]} {rest}"
    return line


# (not after a letter of a script without spaces: "2024年4月1日" is as typed; nor in an hour written
# with an h: "à 10h30")
_GLUED_DIGITS = precompiled.pattern(r"(?<=[^\W\d_\u3000-\u9fff\uac00-\ud7af\uf900-\uffef])(?<!\dh)(?=\d)")
# A year and the word after it ("2.03.2018von Dennis Ziesecke"; not "May 2nd": only after four digits).
_GLUED_AFTER_YEAR = precompiled.pattern(r"(?<=(?<!\d)\d{4})(?=[^\W\d_\u3000-\u9fff\uac00-\ud7af\uf900-\uffef]{2})")
# A year and the time after it ("28 luglio 202010:43").
_GLUED_TIME = precompiled.pattern(r"(?<!\d)((?:19|20)\d\d)(?=\d{1,2}:\d\d(?!\d))")
_LOWER_THEN_UPPER = precompiled.pattern(r"(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")


def _a_deck(line: str) -> bool:
    """A deck among the lines above a pasted page's byline: a phrase of a few words (a caption's
    credit, a button or a place is not one)."""
    return (len(line) >= 40 or len(line.split()) >= 4) and not text.credit_line(line) and not _PICTURE_CREDIT.match(line)


def _zone(blocks: list[str], i: int) -> list[int]:
    zone, long_lines = [], 0
    for j in range(i, min(len(blocks), i + _ZONE_LINES)):
        long_lines += len(blocks[j]) >= _LONG_LINE
        if long_lines == 2:
            break
        zone.append(j)
    return zone


def _byline(line: str) -> list[str] | None:
    """The names of a byline line (headerlines.byline_names: "By …", "Par …", "Von …", "文：…") without
    the date or the social handle it may hold; a "By" glued to the name in the copy ("ByTravis
    Haney": the page put no space before its link) is a byline too."""
    if len(line) > 120:
        return None
    line = _GLUED_BY.sub(r"\1 ", _HANDLE.sub(" ", line))
    line = text.BYLINE_END.split(line, maxsplit=1)[0]  # ("By Jordan Robertson and Rachel Metz - AP Technology Writers | AP")
    if found := find_date(line):
        before = line[: found[1]].rstrip(" ([（")  # (the bracket the date opens: "by Mike Lacher (5/30/2014)")
        # what follows the date of a byline that opens the line ("By …", "文：…") is no name ("… Apr. 28,
        # 2023 at 1:15 pm", "… Published in FrontBurner", "… 01.04.2024 10:20 Uhr"); otherwise the date
        # goes, with the time written after it ("April 1, 2024 at 9:26 p.m. by Ann Lee")
        after = line[found[1] + len(found[0]) :]
        line = before if people.starts_with_by(before) or is_byline(before) else _TIME.sub(" ", f"{before} {after}").strip(" ,")
    names = byline_names(line)
    return (people.clean_names(names, []) or None) if names else None  # ("… Published in FrontBurner")


_GLUED_BY = precompiled.pattern(r"^([Bb]y|[Pp]or|[Pp]ar|[Vv]on)(?=[A-Z])")
# An e-mail address, then a handle ("mcason@al.com", "Aja Romano@ajaromano"): no part of a name.
# (an address is tried only where a run of its characters starts: at every letter of a long word it
# would read the word to its end, quadratic in its length)
_HANDLE = precompiled.pattern(r"(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.-]++|@\w++")


def _dated_line(line: str) -> tuple[str, int, int] | None:
    """The date (as find_date gives it) of a short line that is a date, with at most a label, a
    place or a time around it ("4 Febbraio 2025 - 14:41", "Bruselas - 15 oct 2024 - 08:22",
    "Actualizado: 15 oct 2024"), or of a line its label opens ("Publié le 30 août 2023 à 14h52, …")."""
    if len(line) > 160 or not (found := find_date(line) or _short_year_date(line)):
        return None
    if _PUBLISHED_LABEL.match(line):
        return found
    if len(line) > 2 and line[0] == "(" and line[-1] == ")":
        inner = _dated_line(line[1:-1])  # "(2020-01-21 11:12)"
        return (inner[0], inner[1] + 1, inner[2] + 1) if inner else None
    if (update := _UPDATED.search(line, found[2])) and find_date(line[update.end() :]):
        line = line[: update.start()]  # ("…, updated December 27, 2014 at 12:10 PM": the update is read apart)
    return _alone_but_for_a_label(line, found) or _dated_segment(line, found)


def _short_year_date(line: str) -> tuple[str, int, int] | None:
    """A numeric date with a two-digit year and the time after it ("15.04.25 09:56", "8/17/13
    11:04"), or alone on its line ("17.7.11"): its year written out, as find_date gives a date.
    With slashes, only where one number cannot be a month: "10/9/10" is 10 September in Europe and
    9 October in the US, and a copy does not say which (dots are the day's first, as Europe writes)."""
    if (found := find_short_year(line)) is None:
        return None
    written, start, end = found
    if _TIME_AFTER.match(line, end) is None and line[start:end] != line.strip():
        return None
    first, second, _ = written.replace("/", ".").split(".")
    if "/" in written and max(int(first), int(second)) <= 12:
        return None
    return found


_TIME_AFTER = precompiled.pattern(r"\s*+(?:[,-]|um|à|at)?\s*+\d{1,2}[:h]\d{2}", re.I)


def _alone_but_for_a_label(line: str, found: tuple[str, int, int]) -> tuple[str, int, int] | None:
    # (a time's "a.m." and a zone's brackets end no sentence: "February 28 2024, 9:54 a.m.", "… 9:00AM (UTC)")
    if len(line) > 80 or _SENTENCE_END.search(_TIME_SUFFIX.sub("", line)):
        return None
    after = line[found[2] :].lstrip(" \u3000")
    rest = f"{line[: found[1]]} {after}"
    # (a sentence that opens with its date, "2024年4月1日、政府は…", is the text)
    return found if not after.startswith(("、", "，")) and len(rest) <= 40 and len(_WORD.findall(rest)) <= 4 else None


def _dated_segment(line: str, found: tuple[str, int, int]) -> tuple[str, int, int] | None:
    """The date of a line of several parts when its part is a dated line ("Dec. 20, 2016, 12:44 PM
    UTC / Updated Dec. 20, 2016, 1:00 PM UTC", "| octubre 7, 2020 | 7:09 am | Agencia Efe.")."""
    starts = [separator.end() for separator in _SEGMENT.finditer(line, 0, found[1])]
    start = starts[-1] if starts else 0
    after = _SEGMENT.search(line, found[2])
    end = after.start() if after else len(line)
    inner = _alone_but_for_a_label(line[start:end], (found[0], found[1] - start, found[2] - start))
    return (inner[0], inner[1] + start, inner[2] + start) if inner else None


_SEGMENT = precompiled.pattern(r"\s*[|·•]\s*|\s+/\s+")


def _update_after(rest: str) -> str | None:
    """The update's date after a line's first date ("…, modifié le 30 août 2023 à 15h54", "… /
    Updated Dec. 20, 2016")."""
    if (label := _UPDATED.search(rest)) and (found := find_date(rest[label.end() :])):
        return found[0]
    return None


def _undated_line(line: str) -> tuple[int, int] | None:
    """(start, end) of the time a short line gives without a date, its label included: a time ago
    ("Zimbili Vilakazi|Published 15 hours ago", "hace 3 horas", "3時間前") or a date's label with
    the time of day alone ("Uppdaterad 15.59 | Publicerad 14.14"); with at most a name beside it."""
    if len(line) > 80:
        return None
    found = _TIME_AGO.search(line) or _LABELLED_TIME.search(line)
    if found is None:
        return None
    start, end = found.span()
    if label := _LABEL_BEFORE.search(line, 0, start):
        start = label.start()  # ("Published " before "15 hours ago")
    rest = _TIME.sub(" ", f"{line[:start]} {line[end:]}")
    return (start, end) if len(_WORD.findall(rest)) <= 4 else None


def _yearless_line(line: str) -> bool:
    """A short line that is a time alone ("9:51", "11:46 Uhr"), or a day and month without the year
    with at most a weekday and a time beside ("8 января, 17:46", "mandag 5. august kl. 14:47")."""
    if len(line) > 80:
        return False  # (no such line is that long: a paragraph is not searched for months)
    if _BARE_TIME.fullmatch(line):
        return any(ch in "123456789" for ch in line)  # ("0:00" is a player's, "Zur Mobilversion" under it no name)
    span = find_day_without_year(line)
    return span is not None and len(_WORD.findall(_TIME.sub(" ", f"{line[: span[0]]} {line[span[1] :]}"))) <= 2


def _mark_yearless(found: dict[float, tuple[str, object]], yearless: set[int]) -> None:
    """A time alone or a day without its year gives no date, but beside the names it is the
    header's, as the names are: the body starts after it."""
    named = [int(k) for k, (field, _) in found.items() if field == "authors"]
    for j in yearless:
        if any(abs(k - j) <= _MAX_STACKED + 2 for k in named):
            found[j] = ("published", None)


_BARE_TIME = precompiled.pattern(r"\d{1,2}:\d{2}(?:\s*(?:uhr|h|[ap]\.?m\.?))?", re.I)
_ALL_LABELS = datelabels.alternation(datelabels.PUBLISHED + datelabels.UPDATED)
_TIME_AGO = precompiled.pattern(datelabels.TIME_AGO, re.I)
_LABELLED_TIME = precompiled.pattern(rf"{_ALL_LABELS}\s*[:：]?\s*(?:kl\.?\s*)?\d{{1,2}}[:.h]\d{{2}}\b", re.I)
_LABEL_AT = precompiled.pattern(_ALL_LABELS, re.I)
_LABEL_BEFORE = precompiled.pattern(rf"{_ALL_LABELS}(?:\s+{datelabels.alternation(datelabels.GLUE)})?\s*[:：]?\s*$", re.I)
_TIME_SUFFIX = precompiled.pattern(r"(?:\b[ap]\.\s?m\.|\([A-Za-z]{2,5}\)|\d\s?(?:hrs?|h)\.)$", re.I)
_WORD = precompiled.pattern(r"[^\W\d_]{2,}")
# A label that opens a dated line, or stands alone on the line above the date ("Publié le").
_PUBLISHED_LABEL = precompiled.pattern(
    rf"(?:{datelabels.alternation(datelabels.PUBLISHED)})(?:\s+(?:{datelabels.alternation(datelabels.GLUE)}))?", re.I
)


def _names_after_by_word(blocks: list[str], j: int) -> list[list[str]] | None:
    """The names on the lines after a byline's first word alone on its line ("Por" / "Juliet
    Jimenez", "Von:" / "Bill McCarthy," / "Marisha Goldhamer")."""
    if j == 0 or blocks[j - 1].casefold().rstrip(":") not in _BY_WORD:
        return None
    stack = _name_lines(blocks, j, None)
    # (the names go on past a line that a comma ends: "Related Items" under "Brad Shaw" is a heading)
    ends = next((n for n, k in enumerate(range(j, j + len(stack))) if not blocks[k].endswith(",")), len(stack))
    return stack[: ends + 1] or _name_after_its_label(blocks[j])


def _name_after_its_label(line: str) -> list[list[str]] | None:
    """A name that its label alone says is one, though not every word of it is capitalised ("By" /
    "Cindy mangomini"): a few words, the first capitalised, no button's word."""
    words = line.split()
    if not (_is_bare(line) and words[0][:1].isupper()) or any(word.casefold() in _PAGE_WORDS for word in words):
        return None
    names = people.clean_names([line], [])
    return [names] if names else None


def _date_anchors(blocks: list[str], dated: set[int]) -> set[int]:
    """The date lines, each with the lines that may stand between it and its names: its label alone
    above it ("Publisert" / "torsdag 09. mai 2024"), a bar or a bullet ("Joe Weisenthal" / "|" /
    "Sep. 21, 2011, 3:03 PM"), a reading time ("15.05.2020, 07:11" / "| Lesedauer: 8 Minuten" /
    "Melanie Wassink"), an e-mail address."""
    anchors = set(dated)
    for j in dated:
        for step in (-1, 1):
            k = j + step
            while abs(k - j) <= 2 and 0 <= k < len(blocks) and _beside_a_date(blocks[k]):
                anchors.add(k)
                k += step
    return anchors


def _beside_a_date(line: str) -> bool:
    """A line that may stand between a date and its names, and is neither: a bar or a bullet, the
    writer's e-mail address, the reading time, a publication label alone."""
    stripped = line.strip(_BULLETS)
    if line in _SEPARATOR_LINES or _HANDLE.fullmatch(stripped):  # ("Bruno Wendel" / "bruno@…" / date)
        return True
    return bool(READING_TIME.fullmatch(stripped) or _PUBLISHED_LABEL.fullmatch(stripped.strip(":：")))


_BULLETS = " |·•-–—"


def _names_stacked_beside(blocks: list[str], j: int, anchors: set[int], title: object) -> list[list[str]] | None:
    """The bare names stacked on their own lines that start at line `j` and end right above a date
    (or start right below one): "Birgit Baumann" / "Anna Giulia Fink" / "3. Mai 2024, 17:47". Read
    from the first of them (a name line after another name line is no start)."""
    names = _name_lines(blocks, j, title)
    if not _flat(names):
        return None
    if j - 1 in anchors:
        return names if not _a_caption(blocks, j + len(names) - 1) else None
    if j > 0 and _name_line(blocks, j - 1, title) is not None:
        return None
    return names if j + len(names) in anchors else None


def _name_lines(blocks: list[str], j: int, title: object) -> list[list[str]]:
    """The bare names of each of the consecutive lines from line `j` on (a comma may end each; a
    line may list several: "Isabel Caro, Rocío Latorre y José Miguel Wilson"), at most _MAX_STACKED lines."""
    lines: list[list[str]] = []
    for k in range(j, min(len(blocks), j + _MAX_STACKED)):
        names = _name_line(blocks, k, title)
        if names is None or _a_caption(blocks, k):
            break
        lines.append(names)
    return lines


def _name_line(blocks: list[str], k: int, title: object) -> list[str] | None:
    """The names on a line of a stack of names; none on the initials an avatar shows above the
    name ("LP" / "Luana Patriolino"); None for a line that is no part of a stack."""
    line = blocks[k]
    if len(line) > _LONG_LINE:
        return None  # (no line of names is that long: not read through, a byline run on for megabytes)
    # (as the page showed it, without a handle or the job title beside: "André KleinRedakteur")
    if names := _bare_names(_without_desk(people.without_role(_without_handles(_unglued(line)).rstrip(","))), title):
        return names
    if people.is_wire_agency(agency := line.split(",", 1)[0].strip()):
        return [agency]  # a wire agency signs, with its dateline's place at most ("JIJI", "AFP, MANILA")
    if a_newsroom(line):
        return [line]  # the newsroom's signature where a name stands ("Editors of Iolite", "Redaktion MSM", "Iolite編集部")
    if 2 <= len(line) <= 3 and line.isupper() and k + 1 < len(blocks):
        return [] if line == "".join(word[0] for word in blocks[k + 1].split()).upper() else None
    return None


def _without_desk(line: str) -> str:
    """A name without the desk or the agency after it ("Mathilda Trausch, Online-Redaktion",
    "Peter Maahn/SP-X"): the person is the author."""
    head, comma, tail = line.rpartition(",")
    if comma and a_newsroom(tail.strip()):
        return head.strip()
    head, slash, tail = line.rpartition("/")
    return head.strip() if slash and " " not in tail and 2 <= len(tail) <= 8 and tail.isupper() else line


def _flat(lines: list[list[str]]) -> list[str]:
    return [name for names in lines for name in names]


def _bare_names(line: str, title: object) -> list[str]:
    """The names of a line that is a person's name, or a list of them, and nothing else."""
    if _a_bare_name(line, title):
        return people.clean_names([line], [])  # (without a handle glued to it: "Edilson La Rosaedilsonlarosa")
    parts = _NAME_LIST.split(line) if len(line) <= _LIST_CHARS else []
    if not (2 <= len(parts) <= _MAX_STACKED and all(_a_bare_name(part, title) for part in parts)):
        return _names_either_side_of_a_slash(line, title)
    # (an outlet in capitals beside people's names is none of them: "Jefferson Graham, USA TODAY")
    people_named = [part for part in parts if not part.isupper()]
    return people_named or parts


_LIST_CHARS = 160
# Commas and "and" in the languages read; not "&" or "/", which join the words of a desk or a
# beat ("News & Culture Writer").
_NAME_LIST = precompiled.pattern(r"\s*,\s*(?:(?:and|y|und|et|og|och)\s+)?|\s+(?:and|y|und|et|og|och)\s+", re.I)


_MAX_STACKED = 5


def _without_handles(line: str) -> str:
    """A name line without the address or handle beside it ("Mike Cason | mcason@al.com")."""
    return _HANDLE.sub(" ", line).strip(_BULLETS + ",")


def _names_beside_a_date(before: str, after: str, title: object) -> list[str] | None:
    """The byline or the bare name on a date's line, after it first ("Medical Daily 9/21/2016 Lizette
    Borreli": the site, the date, the writer), else before it ("Apartment Therapy Submissions Oct 13,
    2016", "Por Adriano Fernandes | 03/05/2022 20:36")."""
    for part in (after, before):
        part = _without_handles(_LABEL_BEFORE.sub("", _TIME.sub(" ", part)))  # ("Carla Chevez Actualizado el 08/05/2022")
        if part and (names := _byline(part) or ([part] if _a_bare_name(part, title) else None) or _a_name_and_role(part, title)):
            return names
    return None


def _a_name_and_role(line: str, title: object) -> list[str] | None:
    """A person's name and the job title a comma sets beside it ("Ann Lee, Staff Writer"): the name
    (not two names, or a name and a place: "Ann Lee, Berlin")."""
    named = people.clean_names([line], []) if "," in line else []
    return named if len(named) == 1 and _a_bare_name(named[0], title) else None


# A time of day ("9:26 pm"), or a zone in capitals that ends a line ("EST"; not a surname: "Ann Lee").
_TIME = precompiled.pattern(r"\b\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?\b|(?-i:\b[A-Z]{2,5})$", re.I)


def _names_either_side_of_a_slash(line: str, title: object) -> list[str]:
    """Two people's full names a slash joins ("Mathatisi Sebusi/Mohalenyane Phakela"); not a desk or
    a beat's words ("Politics/Culture Writer", "Senior Editor/Staff Writer")."""
    halves = [half.strip() for half in line.split("/")] if line.count("/") == 1 and len(line) <= _LIST_CHARS else []
    if not halves or not all(_a_bare_name(half, title) and not people.is_role(half.split()[-1]) for half in halves):
        return []
    return [name for half in halves for name in people.clean_names([half], [])]


def _a_bare_name(line: str, title: object) -> bool:
    """A line that is a person's name and nothing else: two to four capitalised words, the last
    no particle ("Artikel von" is a label)."""
    words = line.split()
    if not _is_bare(line) or (isinstance(title, str) and text.same_text(line, title)) or words[-1].islower():
        return False
    if any(word.casefold() in _PAGE_WORDS for word in words):
        return False  # a button or a heading of the page ("Text Size", "Related Items", "Browse Issues")
    return people.looks_like_person(line) and bool(people.clean_names([line], []))


# Words of a page's buttons and headings that are no one's name (not "More", "Close" or "Link": surnames).
_PAGE_WORDS = frozenset(
    "share print email e-mail comments related items menu text size login subscribe newsletter follow later video "
    "videos photos gallery listen save copy browse issues search advertisement sponsored teilen drucken merken "
    "compartir partager condividi report podcast magazine radio daily weekly navigation sign log recent latest popular trending".split()
)


def _is_bare(line: str) -> bool:
    """Two to four words, each with a letter, and nothing else: no digit, comma, quote or bracket
    ("Sevilla, Los Gallardos" beside a date is a place, "„Heikles“ Thema" a title)."""
    words = line.split()
    if not 2 <= len(words) <= 4 or len(line) > 40 or NOT_IN_A_NAME.search(line):
        return False
    if _SENTENCE_END.search(line) and not _LAST_INITIAL.search(line):
        return False  # (a period after an initial ends a name: "Nicolas Gutierrez C.")
    return all(any(ch.isalpha() for ch in word) for word in words)  # ("Nächster ❯" is a button)


_LAST_INITIAL = precompiled.pattern(r"\s[^\W\d_]\.$")


def _a_caption(blocks: list[str], j: int) -> bool:
    """Whether a name line is a picture's caption (its credit line under it: "Friedrich Merz" /
    "Foto: REUTERS/…")."""
    return j + 1 < len(blocks) and _PICTURE_CREDIT.match(blocks[j + 1]) is not None


_PICTURE_CREDIT = precompiled.pattern(r"(?:photo|foto|bild|image|imagen|immagine|picture|credit|写真|画像)s?\b", re.I)


def _take(draft: Draft, field: str, value, want_date: bool, want_author: bool) -> None:
    if field == "authors" and want_author and not draft.authors:
        draft.authors = list(value)
    elif field == "published" and want_date and not draft.published:
        draft.published = value
    elif field == "updated" and not draft.updated:
        draft.updated = value


def _read_deck(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """A short line right after the header, followed by a longer paragraph, is the deck."""
    if (
        not (header.subtitle or draft.subtitle)
        and i + 1 < len(blocks)
        and _is_short(blocks[i], 120)
        and len(blocks[i + 1]) > len(blocks[i])
        and not text.credit_line(blocks[i])
        and not text.RELATED_HEADING.match(blocks[i])
        and _TIME.sub("", blocks[i]).strip(" ,.-|")  # (a time left under the date, "03:26 pm", is no deck)
    ):
        draft.subtitle = blocks[i]
        i += 1
    return i


def _body_lines(draft: Draft, blocks: list[str], i: int) -> list[str]:
    """The body's lines up to the page furniture; a "Related articles" list goes to related_titles."""
    body_lines: list[str] = []
    related = False
    for k in range(i, len(blocks)):
        line = blocks[k]
        if _a_pictures_credit(line, blocks[k + 1] if k + 1 < len(blocks) else ""):
            draft.image_credits.append(line[1:].strip())
            continue
        if _AD_SLOT.fullmatch(line) and k + 1 < len(blocks) and not _is_short(blocks[k + 1], _TEXT_CHARS):
            continue  # an advertisement's slot between two paragraphs ("Advertisement" / the text goes on)
        if (share_bar := _a_share_bar(line, related)) or _TAIL.match(line) or _ARTICLE_END.match(line):
            if not related and _under_the_header(body_lines, share_bar):
                if share_bar:  # (its buttons go: "Print", "E-mail", "56 comments")
                    body_lines[:] = [kept for kept in body_lines if len(kept.split()) > _BUTTON_WORDS or not _is_short(kept, _TEXT_CHARS)]
                continue
            break  # share bar or sidebar after the article: the rest is page furniture
        if tags := _TAGS_LINE.match(line) if len(line) <= 500 else None:
            draft.tags.extend(text.as_list(tags.group(1)))
        elif text.RELATED_HEADING.match(line):
            related = True
        elif related and len(line) < _LONG_LINE:
            draft.related_titles.append(line)
        elif related:  # a paragraph: the list of other stories stood above the text, which goes on
            related = False
            body_lines.append(line)
        else:
            body_lines.append(line)
    return body_lines


def _a_share_bar(line: str, related: bool) -> bool:
    """A share bar, or the comments' link and count that stands with it (not in a list of other
    stories, where "Comment" is a story's button)."""
    return text.SHARE_LINE.match(line) is not None or (not related and _COMMENTS.match(line) is not None)


def _under_the_header(lines: list[str], share_bar: bool) -> bool:
    """Whether the lines read above a share bar or the site's furniture are the header's: a few
    short ones and no sentence (buttons, counts: "Print", "E-mail", "56 comments") or, above a share
    bar, one sentence (the deck, a picture's caption). The bar is then the header's, not the end of
    the text, as a copyright line under a story's one paragraph is."""
    return len(lines) <= _TOP_LINES and sum(not _is_short(line, _TEXT_CHARS) for line in lines) <= share_bar


_TOP_LINES = 10
_BUTTON_WORDS = 2  # (a line of a poem has more: it stays)
_AD_SLOT = precompiled.pattern(rf"\s*(?:{_AD_LABELS})\s*", re.I)


def _a_pictures_credit(line: str, next_line: str) -> bool:
    """A picture's credit line ("© Getty Images", "© Maizal / stock.adobe.com (Ausschnitt)") where
    the text goes on under it, not the page's copyright line that ends it ("© 2009-2020 NEWS.am",
    "© АО «Коммерсантъ». 123112, Москва, …", under which the site's legal notice follows)."""
    short = line.startswith("©") and len(line) <= _CREDIT_CHARS
    return short and not any(map(str.isdigit, line)) and len(next_line) >= _TEXT_CHARS


_CREDIT_CHARS = 60
_TEXT_CHARS = 80  # (a caption or a paragraph; a footer's links are shorter)


def _read_body(draft: Draft, body_lines: list[str]) -> None:
    """Paragraphs, with credit lines routed out; a short line between two long ones is a heading."""
    for n, line in enumerate(body_lines):
        if text.credit_line(line):
            draft.credit_or_paragraph(line)
            continue
        prev_long = n > 0 and not _is_short(body_lines[n - 1], 80)
        next_long = n + 1 < len(body_lines) and not _is_short(body_lines[n + 1], 80)
        if _is_short(line, 80) and len(line.split()) <= 14 and prev_long and next_long:
            draft.heading(line)
        else:
            draft.paragraphs.append(line)
