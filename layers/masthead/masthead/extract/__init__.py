"""Extraction: one upload (key + bytes) to one typed result. Pure: no AWS, no I/O.

result = extract("articles/2024/04/x.txt", data)
result.metadata  # ArticleMetadata | IssueMetadata | Rejection
result.body      # the article text (never stored in the index)
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import model
from ..errors import ExtractionRejected, ExtractionTimedOut
from .budget import time_budget
from .draft import Draft, ExtractOptions, finish_article
from .rejections import REJECTION_MESSAGES, bounded_message

__all__ = [
    "ExtractOptions",
    "ExtractResult",
    "REJECTION_MESSAGES",
    "extract",
    "reject",
    "reject_too_large",
    "ARTICLE_SUFFIXES",
    "ISSUE_SUFFIXES",
]

ARTICLE_SUFFIXES: dict[str, model.Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mdx": "markdown",  # (its imports, exports and components are no text: markdown.py)
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".jsonld": "json",
    ".docx": "docx",
}
ISSUE_SUFFIXES = (".yaml", ".yml", ".json", ".md", ".markdown")

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word/Office file (.doc); save it as .docx"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"RIFF", "an audio/video/image file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an audio file"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


# A long article has a few thousand lines, a book a few tens of thousands; per-line work is linear,
# and this bounds the memory of the line lists (a 10 MB file of one-character lines has 5 million).
MAX_LINES = 80_000

# Bytes that occur in text; what is left after deleting them is control characters.
_TEXT_BYTES = bytes([9, 10, 12, 13, 27, *range(32, 256)])


@dataclass(frozen=True)
class ExtractResult:
    metadata: model.Outcome
    body: str | None = None

    @property
    def accepted(self) -> bool:
        return self.metadata.status == "accepted"

    def as_dict(self, with_body: bool = False) -> dict:
        data = model.as_dict(self.metadata)
        if with_body and self.body is not None:
            data["body"] = self.body
        return data


def reject(key: str, code: str, message: str | None = None) -> ExtractResult:
    return ExtractResult(model.Rejection(key=key, error=model.RejectionError(code=code, message=message or bounded_message(code))))


def reject_too_large(key: str, options: ExtractOptions) -> ExtractResult:
    """For callers that know the size before reading (S3 event size, file stat)."""
    return reject(key, "too_large", bounded_message("too_large", limit=_human(options.max_bytes)))


def _human(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _seconds(value: float | None) -> str:
    value = value or 0
    return "1 second" if value == 1 else f"{value:g} seconds"


def _binary_kind(data: bytes) -> str | None:
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"):
        return None  # UTF-16 text has NUL bytes by design
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary data"
    controls = len(sample.translate(None, _TEXT_BYTES))
    if sample and controls / len(sample) > 0.05:
        return "binary data"
    return None


def _suffix(key: str) -> str:
    name = key.rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[1] if "." in name.lstrip(".") else ""


def extract(key: str, data: bytes, options: ExtractOptions | None = None) -> ExtractResult:
    """Extract one upload. Never raises for bad input: a bad upload yields a Rejection."""
    options = options or ExtractOptions()
    try:
        with time_budget(options.time_budget):
            return _extract(key, data, options)
    except ExtractionRejected as rejected:
        return reject(key, rejected.code, rejected.message)
    except ExtractionTimedOut:
        _log().warning("extraction ran past its time budget", extra={"key": key, "budget_seconds": options.time_budget})
        return reject(key, "too_slow", bounded_message("too_slow", limit=_seconds(options.time_budget)))
    except RecursionError:
        return reject(key, "too_deeply_nested")
    except Exception:  # noqa: BLE001 - a bug must reject one file, not crash-loop a queue
        _log().exception("extraction failed unexpectedly", extra={"key": key})
        return reject(key, "internal_error")


def _log():
    """The extractor's logger, imported only when something goes wrong: `masthead extract` over many
    files never needs the logging module (the Lambda functions have it from Powertools)."""
    import logging

    return logging.getLogger(__name__)


def _extract(key: str, data: bytes, options: ExtractOptions) -> ExtractResult:
    if len(data) > options.max_bytes:
        raise ExtractionRejected("too_large", limit=_human(options.max_bytes))
    if data.isspace() or not data:  # as `not data.strip()`, without copying the upload
        raise ExtractionRejected("empty_file")
    suffix = _suffix(key)
    is_issue = key.startswith("issues/")
    if suffix == ".docx" and not is_issue:
        return _extract_docx(key, data, options)
    source, encoding = _text_of(data)
    if is_issue:
        if suffix not in ISSUE_SUFFIXES:
            raise ExtractionRejected("unsupported_format", suffix=suffix or "(no extension)")
        from .manifest import parse_manifest

        _check_lines(source)
        return ExtractResult(parse_manifest(key, source, suffix, options))
    fmt = _article_format(suffix, source)
    if fmt != "html":  # the HTML parser has its own budgets (tags, attributes, depth), not lines
        _check_lines(source)
    # UTF-8 bytes go to the HTML parser as they are: it would encode the text back to them.
    raw = data if encoding == "utf-8" else None
    metadata, body = finish_article(_parse_article(fmt, source, options, raw), key, fmt, options)
    return ExtractResult(metadata, body)


def _extract_docx(key: str, data: bytes, options: ExtractOptions) -> ExtractResult:
    if not data.startswith(b"PK\x03\x04"):
        what = _binary_kind(data)
        raise ExtractionRejected("bad_docx", detail=f"it is {what}" if what else "it is not a Word file")
    from .docx import parse_docx

    metadata, body = finish_article(parse_docx(data, options), key, "docx", options)
    return ExtractResult(metadata, body)


def _text_of(data: bytes) -> tuple[str, str]:
    """The upload as text (and its encoding), refused when it is binary or undecodable."""
    what = _binary_kind(data)
    if what:
        raise ExtractionRejected("binary_content", what=what)
    from .decode import decode_text

    source, encoding = decode_text(data)
    if not source or source.isspace():  # as `not source.strip()` (a BOM alone, no-break spaces), without a copy
        raise ExtractionRejected("empty_file")
    replacement = source.count("\ufffd") if "\ufffd" in source else 0  # `in` is four times faster than a count
    if replacement > 20 and replacement > len(source) * 0.02:
        raise ExtractionRejected("undecodable")
    return source, encoding


def _check_lines(source: str) -> None:
    """The text parsers do per-line work: their input's lines are bounded up front."""
    if len(source) > MAX_LINES and source.count("\n") > MAX_LINES:
        raise ExtractionRejected("too_complex", detail=f"it has more than {MAX_LINES:,} lines")


def _article_format(suffix: str, source: str) -> model.Format:
    """The article's format from its suffix; a .txt or suffix-less upload by how it starts."""
    fmt = ARTICLE_SUFFIXES.get(suffix)
    if fmt is None and suffix:
        raise ExtractionRejected("unsupported_format", suffix=suffix)
    if fmt not in (None, "text"):
        return fmt
    stripped = source.lstrip()[:200].lower()
    if stripped.startswith(("<!doctype html", "<html", "<head", "<article")):
        return "html"
    if stripped.startswith(("---\n", "---\r\n", "+++\n")):
        return "markdown"
    if stripped.startswith("{") and (fmt is None or _a_json_object(stripped, source)):
        return "json"
    return "text"


def _a_json_object(start: str, source: str) -> bool:
    """Whether a .txt upload is a JSON object saved as text ('{"title": …}'), not prose that opens
    with a brace: its first key's quote right after the brace, and a closing brace at its end."""
    return start[1:].lstrip()[:1] == '"' and source.rstrip()[-1:] == "}"


def _parse_article(fmt: str, source: str, options: ExtractOptions, raw: bytes | None = None) -> Draft:
    # Each parser is imported when first needed: an upload of one format loads only its parser.
    if fmt == "markdown":
        from .markdown import parse_markdown

        return parse_markdown(source)
    if fmt == "html":
        from .htmldoc import parse_html

        return parse_html(source, options, raw)
    if fmt == "json":
        from .jsondoc import parse_json

        return parse_json(source)
    from .plaintext import parse_plaintext

    return parse_plaintext(source)
