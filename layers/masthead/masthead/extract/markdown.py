"""Markdown with optional YAML/TOML front matter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import headerlines, precompiled, text
from .dates import find_date
from .draft import Draft
from .frontmatter import apply_metadata, pick, split_front_matter
from .text import credit_line

# Every pattern here is matched against text an upload controls, so none may backtrack: character
# classes that exclude their own delimiters, possessive quantifiers, and no two adjacent
# quantifiers over the same characters. Ambiguous cases are settled in Python, in one pass.
_ATX = precompiled.pattern(r"^ {0,3}(#{1,6})(?:[ \t]++(.*+))?$")
_SETEXT = precompiled.pattern(r"^ {0,3}(?:=++|-++)[ \t]*+$")
_RULE = precompiled.pattern(r"^ {0,3}([-*_])(?:[ \t]*+\1){2,}+[ \t]*+$")
_FENCE = precompiled.pattern(r"^ {0,3}(```|~~~)")
_LIST = precompiled.pattern(r"^[ \t]*+(?:[-*+]|\d{1,3}[.)])[ \t]++")
_QUOTE = precompiled.pattern(r"^[ \t]*+(?:>[ \t]?)++")
_REF_DEF = precompiled.pattern(r"^ {0,3}\[[^\[\]]++\]:[ \t]++\S")
_IMAGE = precompiled.pattern(r"!\[([^\[\]]*+)\]\([^()]*+\)")
_LINK = precompiled.pattern(r"\[([^\[\]]++)\](?:\([^()]*+\)|\[[^\[\]]*+\])")
_AUTOLINK = precompiled.pattern(r"<(https?://[^<>\s]++)>")
_CODE = precompiled.pattern(r"(?<!`)(`++)([^`]++)\1(?!`)")
_DELIMITER_RUN = precompiled.pattern(r"[*_~]++")
# Syntax of the site generator, not text: Hugo's shortcodes ("{{< figure … >}}", "{{% notice %}}…"),
# Liquid's tags and output (Jekyll: "{% include ad.html %}", "{{ site.url }}"), attribute lists
# (kramdown's "{: .lead}", Pandoc's and Python-Markdown's "{#id .class}"), MDX's comments ("{/* … */}");
# footnote markers ("[^1]"). What a paired shortcode holds is text, and stays. No brace inside: a
# match is read once. (MDX's components are tags: cleaning takes them out, and keeps what they hold.)
_GENERATOR_SYNTAX = precompiled.pattern(r"\{\{[^{}]*+\}\}|\{%[^{}%]*+%\}|\{:[^{}]*+\}|\{[#.][\w-][^{}]*+\}|\{/\*[^{}]*+\}")
# An MDX file's imports and exports (a paragraph of JavaScript that opens so): no text.
_ESM = precompiled.pattern(
    r"import\s[^\n]*?\sfrom\s*+['\"]|import\s*+['\"{]|import\s++\*|export\s++(?:const|let|var|default|function|async|class|\{|\*)"
)
_FOOTNOTE_MARK = precompiled.pattern(r"\[\^[^\[\]\s]++\]")
_FOOTNOTE = precompiled.pattern(r" {0,3}\[\^[^\[\]\s]++\]:[ \t]*+(.*+)")
# First characters of block markers; a credit line ("Reference:", "画像：") starts with none of them.
_MARKERS = frozenset("`~=-*_[#+>0123456789")


def _heading_text(raw: str | None) -> str:
    """An ATX heading's text without its optional closing '#' run."""
    text = (raw or "").rstrip()
    bare = text.rstrip("#")
    if not bare or bare[-1] in " \t":
        text = bare.rstrip()
    return text


def _strip_emphasis(text: str) -> str:
    """Drop emphasis markers (*, _, ~) that open or close a span; keep snake_case and '2 * 3'."""

    def keep_or_drop(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        opens = not after.isspace()
        closes = not before.isspace()
        # a run between two letters or digits is part of the word (snake_case, 2*3*4)
        return "" if opens != closes or (opens and not (before.isalnum() and after.isalnum())) else m.group(0)

    return _DELIMITER_RUN.sub(keep_or_drop, text)


def inline(text: str) -> str:
    """Markdown inline syntax to plain text (each pattern only where its marker occurs)."""
    if "{" in text:
        text = _GENERATOR_SYNTAX.sub("", text)
    if "[^" in text:
        text = _FOOTNOTE_MARK.sub("", text)
    if "[" in text:
        text = _IMAGE.sub("", text) if "![" in text else text
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "`" in text:
        text = _CODE.sub(r"\2", text)
    if "*" in text or "_" in text or "~" in text:
        text = _strip_emphasis(text)
    return text


def _is_cjk(char: str) -> bool:
    return "\u3000" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines: a space between words, nothing between CJK characters."""
    parts: list[str] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if parts and not (_is_cjk(parts[-1][-1]) or _is_cjk(line[0])):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


Block = tuple[str, int, str]  # ('heading', level, text), ('paragraph', 0, text) or ('footnote', 0, text)


class _TypedLines(str):
    """A short paragraph's text that remembers the lines it was typed on: a header typed as "Ann
    Lee" / "2024/04/01" with no blank line between is two header lines, not "Ann Lee 2024/04/01"."""

    lines: tuple[str, ...] = ()


_MAX_TYPED_LINES = 4


class _BlockReader:
    """Markdown blocks, one line at a time: what is open between lines is a paragraph's lines or
    a code fence's."""

    def __init__(self) -> None:
        self.paragraph: list[str] = []
        self.fence: str | None = None
        self.fence_lines: list[str] = []
        self.date_items = 0  # ordered list items searched for a date

    def flush(self) -> list[Block]:
        if not self.paragraph:
            return []
        if _ESM.match(self.paragraph[0].lstrip()):
            self.paragraph.clear()
            return []
        text = inline(join_lines(self.paragraph))
        if 2 <= len(self.paragraph) <= _MAX_TYPED_LINES:
            text = _TypedLines(text)
            text.lines = tuple(inline(line.strip()) for line in self.paragraph if line.strip())
        self.paragraph.clear()
        return [("paragraph", 0, text)] if text.strip() else []  # ("{{< figure … >}}" alone is no paragraph)

    def close(self) -> list[Block]:
        """What is still open at the end of the text (an unclosed fence keeps its lines)."""
        return self.flush() + ([("paragraph", 0, "\n".join(self.fence_lines))] if self.fence_lines else [])

    def _fenced(self, line: str) -> list[Block]:
        if self.fence is not None and line.strip().startswith(self.fence):
            self.fence = None
            done = [("paragraph", 0, "\n".join(self.fence_lines))] if self.fence_lines else []
            self.fence_lines = []
            return done
        self.fence_lines.append(line)
        return []

    def read(self, line: str) -> list[Block]:
        """The blocks `line` completes."""
        if self.fence:
            return self._fenced(line)
        bare = line.lstrip()
        if not bare:
            return self.flush()
        # Every block marker is known by the line's first character: test only the patterns it allows.
        first = bare[0]
        if first in "`~" and (m := _FENCE.match(line)):
            done = self.flush()
            self.fence = m.group(1)
            return done
        if first in "=-" and len(self.paragraph) == 1 and _SETEXT.match(line):
            return [("heading", 1 if first == "=" else 2, inline(self.paragraph.pop()))]
        if first == "[" and (m := _FOOTNOTE.fullmatch(line)):
            return self.flush() + [("footnote", 0, inline(m.group(1)))]
        if (first in "-*_" and _RULE.match(line)) or (first == "[" and _REF_DEF.match(line)):
            return self.flush()
        if first == "|" and bare.rstrip().endswith("|") and len(bare) > 1:
            return self.flush() + _table_row(bare)
        if first == "#" and (m := _ATX.match(line)):
            heading = inline(_heading_text(m.group(2))).strip()
            return self.flush() + ([("heading", len(m.group(1)), heading)] if heading else [])
        if first not in _MARKERS and credit_line(line):  # "Reference:" / "Image:" lines stand alone even without a blank line
            return self.flush() + [("paragraph", 0, inline(line.strip()))]
        if (first in "-*+>" or first.isdigit()) and (_LIST.match(line) or _QUOTE.match(line)):
            done = self.flush()
            self.paragraph.append(bare if self._a_date(bare) else _LIST.sub("", _QUOTE.sub("", line)))
            return done
        self.paragraph.append(line)
        return []

    def _a_date(self, line: str) -> bool:
        """Whether a line that CommonMark reads as an ordered list's item is a date as Europe writes
        it ("3. Mai 2024", "1. April 2024, 10:00"): no editor numbers an item "3." before "Mai
        2024". Only the first _DATE_ITEMS such lines are searched (a date search each: a file of
        tens of thousands of them would take half a second); the rest are list items."""
        # (a bullet's or a quote's marker stands before any date: only a digit's line is searched)
        if not line[0].isdigit() or self.date_items >= _DATE_ITEMS:
            return False
        self.date_items += 1
        return (found := find_date(line)) is not None and found[1] == 0


# A text has a dateline or two, a diary a few dozen.
_DATE_ITEMS = 200


def _table_row(line: str) -> list[Block]:
    """A table's row ("| a | b |") as a line of its cells; its delimiter row ("|---|:-:|") as nothing."""
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    if all(cell.strip(":") and not cell.strip(":-") for cell in cells):
        return []
    text = " ".join(cell for cell in cells if cell)
    return [("paragraph", 0, inline(text))] if text else []


def blocks(source: str) -> Iterator[Block]:
    """The heading and paragraph blocks of a Markdown body, in order."""
    reader = _BlockReader()
    for line in source.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        yield from reader.read(line)
    yield from reader.close()


def parse_markdown(source: str) -> Draft:
    front, body = split_front_matter(source)
    draft = Draft()
    if front:
        apply_metadata(draft, front)
    seen_text = False
    first_heading = None
    paragraphs_read = 0
    read = list(blocks(body))
    paragraphs = [value for kind, _, value in read if kind == "paragraph"]  # (a name alone beside a date line is the byline)
    titled = front is not None and pick(front, "title") is not None
    for kind, level, value in read:
        if kind == "footnote":
            draft.references.append(value)  # the article's notes: its sources, not its text
            continue
        if kind == "heading":
            if first_heading is None:
                first_heading = value
            # A top-level heading before any text is the article's display title, not a section.
            if level == 1 and not seen_text:
                continue
            draft.heading(value)
            continue
        paragraphs_read += 1
        # (in a file whose title is its first line, not a heading, the header lines are counted under it)
        untitled = first_heading is None and not titled
        if (
            paragraphs_read <= headerlines.HEADER_PARAGRAPHS + untitled
            and not draft.headings
            and _a_header_line(draft, paragraphs, paragraphs_read - 1)
        ):
            continue  # "文：山田太郎", "2024年4月1日" under the title: metadata, not text
        seen_text = True
        draft.credit_or_paragraph(str(value))
    if not draft.title:
        # the first line, unless the front matter names a title (one that is no text: the line is text)
        draft.title = first_heading or (None if front and pick(front, "title") is not None else _first_line_title(draft))
        if first_heading in draft.headings:
            draft.headings.remove(first_heading)
    return draft


def _a_header_line(draft: Draft, paragraphs: list[str], n: int) -> bool:
    """Whether paragraph `n` is a byline or a date line, read into `draft` (headerlines.read_line;
    a name alone is the byline beside a date line)."""
    beside = [paragraphs[k] for k in (n - 1, n + 1) if 0 <= k < len(paragraphs)]
    value = paragraphs[n]
    lines = value.lines if isinstance(value, _TypedLines) else (value,)
    # (inline HTML around a header line is no part of it: "<small>By Ann Lee</small>")
    typed = "\n".join((text.clean(line) or "") if "<" in line else line for line in lines)
    return headerlines.read_line(draft, typed, beside_a_date=any(map(headerlines.a_date_line, beside)))


def _first_line_title(draft: Draft) -> str | None:
    """A file without a title heading or front matter starts with its title as a line of its own
    ("**Title**", bold or not)."""
    if draft.paragraphs and headerlines.a_title_line(draft.paragraphs[0]):
        return draft.paragraphs.pop(0)
    return None
