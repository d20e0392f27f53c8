"""Word .docx: core properties, Title/Subtitle/Heading paragraph styles (or a first short paragraph
as the title), the byline and date lines typed under the title, paragraphs in order.

Read with zipfile and ElementTree rather than python-docx: two stdlib modules cost nothing at cold
start, and every size is checked (declared first, then while inflating) before XML is parsed.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from typing import NamedTuple

from ..errors import ExtractionRejected
from . import headerlines, precompiled, text
from .draft import Draft, ExtractOptions, merge_drafts

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "subject": "{http://purl.org/dc/elements/1.1/}subject",
    "creator": "{http://purl.org/dc/elements/1.1/}creator",
    "language": "{http://purl.org/dc/elements/1.1/}language",
    "description": "{http://purl.org/dc/elements/1.1/}description",
    "keywords": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
    "category": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}category",
    "created": "{http://purl.org/dc/terms/}created",
    "modified": "{http://purl.org/dc/terms/}modified",
}
MAX_MEMBERS = 2000
_P, _T, _TAB = f"{_W}p", f"{_W}t", f"{_W}tab"
_PPR, _PSTYLE, _VAL = f"{_W}pPr", f"{_W}pStyle", f"{_W}val"
_BREAKS = (f"{_W}br", f"{_W}cr")
_R, _RPR, _VANISH = f"{_W}r", f"{_W}rPr", f"{_W}vanish"
_OFF = frozenset({"0", "false", "off"})
# Word writes a text box twice: as a shape (mc:Choice) and again as VML for older readers (mc:Fallback).
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_STYLE_ID = precompiled.pattern(rb'<w:pStyle w:val="([^"<>]{1,200})"')
_SELF_DESCRIBING = {"Normal", "BodyText", "ListParagraph", "Quote", "Caption", "NoSpacing", "Subtitle"}
# Text in a real article's XML parts inflates about 5-20x; far beyond this ratio is a zip bomb.
MAX_RATIO = 200


def _human(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


# XML budget: a long article's document.xml has tens of thousands of elements; a book's a few
# hundred thousand. Counted ('<' bytes) before parsing, so the parse itself stays well under a second.
MAX_ELEMENTS = 300_000
# Word's own styles.xml has a few thousand elements (a few hundred styles and latent styles).
MAX_STYLE_ELEMENTS = 50_000
# What zipfile raises for encrypted members (RuntimeError), unsupported compression such as
# Deflate64 (NotImplementedError), and corrupt data (zlib.error, EOFError, BadZipFile, OSError).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


def _zip_problem(exc: Exception) -> str:
    if isinstance(exc, RuntimeError) and "encrypt" in str(exc).lower():
        return "it is protected with a password; save a copy without one"
    if isinstance(exc, NotImplementedError):
        return "it was compressed with a method Word does not use"  # the message goes on: "Save it again as .docx"
    return "it is damaged (the compressed data cannot be read)"


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        raise ExtractionRejected("docx_too_large", limit=_human(limit))
    out = bytearray()
    try:
        with archive.open(info) as stream:  # the declared size can lie: count what actually inflates
            while chunk := stream.read(65536):
                out += chunk
                if len(out) > limit:
                    raise ExtractionRejected("docx_too_large", limit=_human(limit))
    except _ZIP_ERRORS as exc:
        raise ExtractionRejected("bad_docx", detail=_zip_problem(exc)) from None
    return bytes(out)


def _parse_xml(data: bytes):
    """One XML part as a tree. Word writes UTF-8 XML without a DTD; a DTD or entity declaration
    anywhere (how entity-expansion bombs work), or UTF-16 that would hide one from this byte
    search, is refused, and so is a part with more elements than MAX_ELEMENTS."""
    import xml.etree.ElementTree as ET

    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:512]:
        raise ExtractionRejected("bad_docx", detail="its XML is not UTF-8, which Word always writes")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data or b"<!doctype" in data:
        raise ExtractionRejected("bad_docx", detail="it declares XML entities, which Word never writes")
    if data.count(b"<") > MAX_ELEMENTS:
        raise ExtractionRejected("too_complex", detail=f"its text has more than {MAX_ELEMENTS:,} XML elements")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise ExtractionRejected("bad_docx", detail=f"damaged XML ({exc})") from None


def _style_names(archive: zipfile.ZipFile, limit: int, wanted: set[str]) -> dict[str, str]:
    """The names of the paragraph styles the document uses (`wanted`), from styles.xml."""
    data = _read_member(archive, "word/styles.xml", limit)
    if not data or data.count(b"<") > MAX_STYLE_ELEMENTS:
        return {}  # no styles (or a generated sheet of them): style ids are read as they are
    root = _parse_xml(data)
    names = {}
    for style in root.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if style_id not in wanted:
            continue
        name = style.find(f"{_W}name")
        if name is not None:
            names[style_id] = (name.get(f"{_W}val") or "").lower()
    return names


def _paragraph_text(para) -> str:
    parts = []
    for node in para.iter():
        tag = node.tag
        if tag == _T and node.text:
            parts.append(node.text)
        elif tag == _TAB:
            parts.append(" ")
        elif tag in _BREAKS:
            parts.append("\n")
    return "".join(parts).strip()


def _paragraphs(document: bytes, styles: dict[str, str]) -> list[tuple[int | None, str]]:
    """(heading level or None, text) of every paragraph, in document order.

    A paragraph can hold others (text boxes). Paragraphs are read innermost first and emptied once
    read, so each element is visited once however deep they nest, and no text is read twice.
    """
    body = _parse_xml(document).find(f"{_W}body")
    if body is not None:
        _drop_unseen(body)
    found = list(body.iter(_P)) if body is not None else []
    paragraphs: list[tuple[int | None, str]] = []
    for para in reversed(found):
        properties = para.find(_PPR)  # two one-tag finds run in C; a path goes through ElementPath
        style_node = properties.find(_PSTYLE) if properties is not None else None
        style_id = (style_node.get(_VAL) if style_node is not None else "") or ""
        level = _heading_level(styles.get(style_id, style_id)) if style_id else None
        if level is None and style_id:
            level = _heading_level(style_id)
        value = _paragraph_text(para)
        para.clear()
        if value:
            paragraphs.append((level, value))
    paragraphs.reverse()
    return paragraphs


def _drop_unseen(body) -> None:
    """Empty what a reader of the document does not see: the copy of each text box Word keeps for
    older readers, and runs of hidden text (w:vanish: notes to the editor, a hidden draft)."""
    for fallback in list(body.iter(_FALLBACK)):
        fallback.clear()
    for run in list(body.iter(_R)):
        properties = run.find(_RPR)
        hidden = properties.find(_VANISH) if properties is not None else None
        if hidden is not None and hidden.get(_VAL, "true").lower() not in _OFF:
            run.clear()


SUBTITLE = -1  # the "level" of a paragraph in the Subtitle style


def _heading_level(style: str) -> int | None:
    """0 for Title, -1 for Subtitle, 1-9 for Heading N, None for body styles (English and localised
    names)."""
    style = style.lower().replace(" ", "")
    if style in ("title", "表題", "タイトル"):
        return 0
    if style in ("subtitle", "副題", "サブタイトル", "untertitel", "sous-titre", "subtítulo", "sottotitolo"):
        return SUBTITLE
    if m := re.match(r"^(?:heading|見出し|überschrift|titre|título|titolo)(\d)$", style):
        return int(m.group(1))
    return None


# Which part of the file each field comes from, the most deliberate first: the properties an
# editor filled in (File > Info), then what the document's styles say (Title, Subtitle, a byline).
PRIORITY: dict[str, tuple[str, ...]] = {
    "title": ("properties", "body"),
    "subtitle": ("properties", "body"),
    # Word fills in the file's author and dates by itself (the account that made the file, the day it
    # was made: often a template's, months before); a byline or a date typed under the title was meant.
    "authors": ("body", "properties"),
    "published": ("body", "properties"),
    "updated": ("body", "properties"),
    "category": ("properties",),
    "tags": ("properties",),
    "language": ("properties",),
    "summary": ("properties",),
    "headings": ("body",),
    "paragraphs": ("body",),
    "references": ("body",),
    "image_credits": ("body",),
}


def parse_docx(data: bytes, options: ExtractOptions) -> Draft:
    parts = _read_archive(data, options.max_docx_inflated)
    properties = _core_properties(parts.core) if parts.core else Draft()
    body = _body(_paragraphs(parts.document, parts.styles), properties)
    for notes in parts.notes:
        body.references.extend(_notes(notes))
    return merge_drafts({"properties": properties, "body": body}, PRIORITY)


class _Parts(NamedTuple):
    document: bytes
    core: bytes | None
    styles: dict[str, str]  # paragraph style id -> name, where the id does not say what it is
    notes: list[bytes]  # the footnotes and endnotes parts


# The article's notes: its sources, read as its references (as a Markdown file's footnotes are).
_NOTE_PARTS = ("word/footnotes.xml", "word/endnotes.xml")
_NOTES = (f"{_W}footnote", f"{_W}endnote")


def _notes(part: bytes) -> list[str]:
    """The text of each footnote or endnote (the separator lines Word keeps among them have none).
    Notes and their paragraphs are read innermost first, each paragraph emptied once read (as the
    body's are): text nested in an upload's notes is read once."""
    root = _parse_xml(part)
    _drop_unseen(root)
    found = []
    for note in reversed([element for element in root.iter() if element.tag in _NOTES]):
        texts = []
        for para in reversed(list(note.iter(_P))):
            texts.append(_paragraph_text(para))
            para.clear()
        if value := " ".join(filter(None, reversed(texts))):
            found.append(value)
    found.reverse()
    return found


def _read_archive(data: bytes, limit: int) -> _Parts:
    """The document part, the core properties part, the paragraph style names and the notes, within budget."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise ExtractionRejected("bad_docx", detail=f"it is not a valid Word file ({exc})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ExtractionRejected("bad_docx", detail="it has too many parts")
        declared = sum(i.file_size for i in infos)
        compressed = sum(i.compress_size for i in infos) or 1
        if declared > limit or declared / compressed > MAX_RATIO and declared > 10 * 1024 * 1024:
            raise ExtractionRejected("docx_too_large", limit=_human(limit))
        document = _read_member(archive, "word/document.xml", limit)
        if document is None:
            raise ExtractionRejected("bad_docx", detail="it has no document text (word/document.xml)")
        core_xml = _read_member(archive, "docProps/core.xml", 1024 * 1024)
        # styles.xml is often hundreds of KB; read it only when a paragraph style id is not
        # self-describing ('Heading2' is; a localised Word's 'a1' is not).
        style_ids = {m.group(1) for m in _STYLE_ID.finditer(document)}
        unknown = {i.decode() for i in style_ids} - _SELF_DESCRIBING
        styles = _style_names(archive, limit, unknown) if any(_heading_level(i) is None for i in unknown) else {}
        notes = [part for name in _NOTE_PARTS if (part := _read_member(archive, name, limit)) is not None]
    return _Parts(document, core_xml, styles, notes)


def _core_properties(core_xml: bytes) -> Draft:
    """Title, author, dates, category, keywords, language, subject and description of the file."""
    root = _parse_xml(core_xml)
    core = {}
    for field, tag in _CORE.items():
        node = root.find(tag)
        if node is not None and (node.text or "").strip():
            core[field] = node.text.strip()
    description = core.get("description")
    return Draft(
        title=core.get("title"),
        authors=[core["creator"]] if core.get("creator") and not _an_account(core["creator"]) else [],
        published=core.get("created"),
        updated=core.get("modified"),
        category=core.get("category"),
        tags=re.split(r"\s*[;,、]\s*", core["keywords"]) if core.get("keywords") else [],
        language=core.get("language"),
        subtitle=core.get("subject"),
        summary=description if description and "python-docx" not in description else None,
    )


# Accounts Word names as a file's author when no one set one: no one's name.
_ACCOUNTS = frozenset(
    {"microsoft office user", "microsoft office ユーザー", "windows user", "windows ユーザー", "user", "owner", "ユーザー"}
)


def _an_account(creator: str) -> bool:
    return creator.strip().casefold() in _ACCOUNTS


_HEADER_PARAGRAPHS = headerlines.HEADER_PARAGRAPHS + 1  # counted from the title's paragraph


def _body(paragraphs: list[tuple[int | None, str]], properties: Draft) -> Draft:
    """The title (a Title or first Heading 1 paragraph; in a file with neither, the first short
    paragraph), subtitle, byline and date lines, headings and body. The properties tell which
    Heading 1 is the title and whose byline a name line is."""
    body = Draft()
    known = properties.title if isinstance(properties.title, str) else None
    first_is_title = not known and not any(level is not None and 0 <= level <= 1 for level, _ in paragraphs)
    title_seen = False
    for n, (level, value) in enumerate(paragraphs):
        if n == 0 and first_is_title and headerlines.a_title_line(value):
            body.title, title_seen = value, True
        elif level is not None and 0 <= level <= 1 and not title_seen and (not known or text.same_text(value, known) or level == 0):
            body.title, title_seen = value, True
        elif level == 0 or level == SUBTITLE:
            body.subtitle = body.subtitle or value
        elif (
            n <= _HEADER_PARAGRAPHS and level is None and _read_header_line(body, value, properties.authors or body.authors, paragraphs, n)
        ):
            continue  # a byline or date paragraph right under the title is metadata, not body text
        elif level is not None:
            body.heading(value)
        else:
            body.credit_or_paragraph(value)
    return body


def _read_header_line(body: Draft, value: str, known: list, paragraphs: list[tuple[int | None, str]], n: int) -> bool:
    """Whether paragraph `n`, `value`, is a byline or a date line (headerlines.read_line, into
    `body`; a name alone is the byline beside a date line), or a line that names only the authors
    the file's properties know."""
    beside = [paragraphs[k][1] for k in (n - 1, n + 1) if 0 <= k < len(paragraphs) and paragraphs[k][0] is None]
    if headerlines.read_line(body, value, beside_a_date=any(map(headerlines.a_date_line, beside))):
        return True
    names = text.parse_authors(value) if len(value) <= 120 else []
    return bool(names and known and all(any(text.same_text(nm, a) for a in known) for nm in names))
