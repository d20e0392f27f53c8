"""Plain text, including copies of web pages pasted from a browser.

A pasted page is read as the browser showed it: a breadcrumb trail or a category line, title (with
"[NEW]"-style labels), a date glued to the byline or behind its label ("Published:", "公開日："),
share-button lines, the title again, an optional deck, the body with its section headings,
"Reference:" and "Image:" lines, a "Tags:" line, a "Related articles" list, and then sidebars
(magazine promos, banners) that are neither body nor metadata.
"""

from __future__ import annotations

import re

from . import precompiled, text
from .draft import Draft, merge_drafts
from .headerlines import date_byline, is_byline, labelled_date

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
# Lines after which nothing is the article any more: sidebars, promos, footers.
_TAIL = precompiled.pattern(
    r"^\s*(side ?banner|magazine|advertisement|sponsored|popular(?: articles)?|ranking|most read|newsletter|"
    r"subscribe(?: now)?|back to top|page top|copyright|©.*|all rights reserved.*|人気記事|ランキング|広告|"
    r"バックナンバー|最新号|おすすめ|pr)\s*$",
    re.I,
)
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
    i = _read_category_and_title(draft, blocks, i, header)
    i = _read_byline_lines(draft, blocks, i, header)
    i = _read_deck(draft, blocks, i, header)
    _read_body(draft, _body_lines(draft, blocks, i))
    return draft


def _skip_share_lines(blocks: list[str], i: int) -> int:
    while i < len(blocks) and text.SHARE_LINE.match(blocks[i]):
        i += 1
    return i


def _read_breadcrumbs(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """A breadcrumb trail above the title ("Home > News > Crypto"): its last step is the category.
    A trail has two separators or starts at the home page, so a title with one ">" stays a title."""
    if i + 1 >= len(blocks) or len(blocks[i]) > 200:
        return i
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
    if (
        not header.title
        and not header.category
        and i + 2 < len(blocks)
        and len(blocks[i]) <= 30
        and len(blocks[i].split()) <= 3
        and _is_short(blocks[i])
        and not date_byline(blocks[i])
        and not date_byline(blocks[i + 1])
        and not is_byline(blocks[i + 1])
        and date_byline(blocks[i + 2])
    ):
        draft.category = blocks[i]
        i += 1
    if not header.title and i < len(blocks):
        draft.title = blocks[i]
        i += 1
    return i


def _read_byline_lines(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """Date, byline, share bars and the repeated title, in any order, before the body."""
    title_plain = text.split_labels(text.clean(header.title or draft.title) or "")[0]
    while i < len(blocks):
        line = blocks[i]
        if text.SHARE_LINE.match(line):
            i += 1
        elif text.same_text(text.split_labels(line)[0], title_plain):
            draft.labels.extend(text.split_labels(line)[1])
            i += 1
        elif (labelled := labelled_date(line)) is not None:
            date, updated, byline = labelled
            if updated and not (header.updated or draft.updated):
                draft.updated = date
            elif not updated and not (header.published or draft.published):
                draft.published = date
                draft.authors += [byline] if byline else []
            i += 1
        elif (found := date_byline(line) if len(line) <= 120 else None) and not (header.published or draft.published):
            draft.published = found[0]
            if found[1]:
                draft.authors.append(found[1])
            elif i + 1 < len(blocks) and len(blocks[i + 1]) <= 40 and _is_short(blocks[i + 1]) and not (header.authors or draft.authors):
                draft.authors.append(blocks[i + 1])
                i += 1
            i += 1
        elif is_byline(line):
            draft.authors.append(line)
            i += 1
        else:
            break
    return i


def _read_deck(draft: Draft, blocks: list[str], i: int, header: Draft) -> int:
    """A short line right after the header, followed by a longer paragraph, is the deck."""
    if (
        not header.subtitle
        and i + 1 < len(blocks)
        and _is_short(blocks[i], 120)
        and len(blocks[i + 1]) > len(blocks[i])
        and not text.credit_line(blocks[i])
        and not text.RELATED_HEADING.match(blocks[i])
    ):
        draft.subtitle = blocks[i]
        i += 1
    return i


def _body_lines(draft: Draft, blocks: list[str], i: int) -> list[str]:
    """The body's lines up to the page furniture; a "Related articles" list goes to related_titles."""
    body_lines: list[str] = []
    related = False
    for line in blocks[i:]:
        if text.SHARE_LINE.match(line) or _TAIL.match(line):
            if body_lines or related:
                break  # share bar or sidebar after the article: the rest is page furniture
            continue
        if tags := _TAGS_LINE.match(line) if len(line) <= 500 else None:
            draft.tags.extend(text.as_list(tags.group(1)))
        elif text.RELATED_HEADING.match(line):
            related = True
        elif related:
            draft.related_titles.append(line)
        else:
            body_lines.append(line)
    return body_lines


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
