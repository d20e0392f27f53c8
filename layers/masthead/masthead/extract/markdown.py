"""Markdown with optional YAML/TOML front matter."""

from __future__ import annotations

import re

from .draft import Draft
from .frontmatter import apply_metadata, split_front_matter
from .text import credit_line

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`+([^`]+)`+")
_CJK_END = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def inline(text: str) -> str:
    """Markdown inline syntax to plain text."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    for _ in range(3):  # nested emphasis
        text, changed = _EMPHASIS.subn(r"\2", text)
        if not changed:
            break
    return text


def join_lines(lines: list[str]) -> str:
    """Join a paragraph's lines: a space between words, nothing between CJK characters."""
    out = ""
    for line in lines:
        line = line.strip()
        if out and not (_CJK_END.search(out) or _CJK_START.search(line)):
            out += " "
        out += line
    return out


def blocks(source: str):
    """Yield ('heading', level, text) and ('paragraph', 0, text) blocks of a Markdown body."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraph: list[str] = []
    in_fence = None
    fence_lines: list[str] = []

    def flush():
        if paragraph:
            text = join_lines(paragraph)
            paragraph.clear()
            return ("paragraph", 0, inline(text))
        return None

    for line in lines:
        if in_fence:
            if line.strip().startswith(in_fence):
                in_fence = None
                if fence_lines:
                    yield ("paragraph", 0, "\n".join(fence_lines))
                fence_lines = []
            else:
                fence_lines.append(line)
            continue
        if m := _FENCE.match(line):
            if (b := flush()):
                yield b
            in_fence = m.group(1)
            continue
        if not line.strip():
            if (b := flush()):
                yield b
            continue
        if paragraph and (m := _SETEXT.match(line)) and len(paragraph) == 1:
            level = 1 if m.group(1).startswith("=") else 2
            yield ("heading", level, inline(paragraph.pop()))
            continue
        if _RULE.match(line) or _REF_DEF.match(line):
            if (b := flush()):
                yield b
            continue
        if m := _ATX.match(line):
            if (b := flush()):
                yield b
            yield ("heading", len(m.group(1)), inline(m.group(2)))
            continue
        if credit_line(line):  # "Reference:" / "Image:" lines stand alone even without a blank line
            if (b := flush()):
                yield b
            yield ("paragraph", 0, inline(line.strip()))
            continue
        if _LIST.match(line) or _QUOTE.match(line):
            if (b := flush()):
                yield b
            paragraph.append(_LIST.sub("", _QUOTE.sub("", line)))
            continue
        paragraph.append(line)
    if (b := flush()):
        yield b
    if fence_lines:
        yield ("paragraph", 0, "\n".join(fence_lines))


def parse_markdown(source: str) -> Draft:
    front, body = split_front_matter(source)
    draft = Draft()
    if front:
        apply_metadata(draft, front)
    seen_text = False
    first_heading = None
    for kind, level, value in blocks(body):
        if kind == "heading":
            if first_heading is None:
                first_heading = value
            # A top-level heading before any text is the article's display title, not a section.
            if level == 1 and not seen_text:
                continue
            draft.headings.append(value)
            draft.paragraphs.append(value)
        else:
            seen_text = True
            draft.credit_or_paragraph(value)
    if not draft.title:
        draft.title = first_heading
        if first_heading in draft.headings:
            draft.headings.remove(first_heading)
    return draft
