"""Bytes to text: byte-order marks, a declared charset, then detection among the encodings editors use.

A declared charset other than UTF-8 gives way to UTF-8 where the bytes are valid UTF-8 and not ASCII:
a saved copy of a web page is UTF-8 under the charset it was served with.

Detection is deliberately narrow and fast: UTF-8 (strict), the three Japanese encodings, then
cp1252 as the last resort for Western text. A general statistical detector is slower to import and
mistakes short Japanese texts for other CJK encodings.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ExtractionRejected
from . import precompiled

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = precompiled.pattern(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["']|^\s*(?:charset|encoding)\s*:\s*)([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE | re.MULTILINE,
)
_ALIASES = {
    "shift-jis": "cp932",
    "shift_jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-jp": "euc_jp",
    "x-euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "windows-1252": "cp1252",
    "utf8": "utf-8",
    "utf-16": "utf-16",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
}


@precompiled.lazy
def _japanese() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Characters a Japanese text decoded with the right codec is made of (kana, common kanji, CJK
    punctuation and full-width forms), and what a wrong codec yields instead (half-width katakana,
    private-use characters). Compiled the first time an upload declares no charset and is not
    UTF-8: sre spends ~7 ms on these classes."""
    good = precompiled.pattern(r"[\u3040-\u30ff\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]")
    odd = precompiled.pattern(r"[\uff61-\uff9f\ue000-\uf8ff\ufffd]")
    return good, odd


def declared_charset(data: bytes) -> str | None:
    """The charset a document declares in its first 2 KB (HTML meta, XML prolog), if any."""
    match = _DECLARED.search(data[:2048])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _score_japanese(text: str) -> int:
    sample = text[:65536]  # a few pages settle it; counting a whole 10 MB file would not be cheap
    good, odd = _japanese()
    return good.subn("", sample)[1] - 4 * odd.subn("", sample)[1]


def _as_declared(data: bytes) -> tuple[str, str] | None:
    """The text in the charset the upload declares, if it declares one that reads it."""
    declared = declared_charset(data)
    if declared is None:
        return None
    if not declared.startswith("utf") and not data.isascii():
        # A page saved or converted as UTF-8 keeps the charset it was served with ("iso-8859-15" over
        # "kilómetros" in UTF-8 bytes, which Latin-9 reads "kilÃ³metros"): bytes that are valid UTF-8
        # and not ASCII are next to never text in another encoding.
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(declared), declared
    except (UnicodeDecodeError, LookupError):
        return None  # a wrong declaration is common: detection follows


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode an upload to text. Returns (text, encoding name). Raises ExtractionRejected."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name).lstrip("\ufeff"), name
            except UnicodeDecodeError:
                raise ExtractionRejected("undecodable") from None
    if (read := _as_declared(data)) is not None:
        return read
    # ISO-2022-JP is 7-bit, so it also decodes as UTF-8: look for its escape sequences first. A
    # single byte is found at memchr speed; a three-byte sequence is searched at a tenth of it.
    if b"\x1b" in data and (b"\x1b$B" in data or b"\x1b$@" in data):
        try:
            return data.decode("iso2022_jp"), "iso2022_jp"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for name in ("cp932", "euc_jp"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_score_japanese(text), name, text))
    if candidates:
        score, name, text = max(candidates)
        if score > 0:
            return text, name
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ExtractionRejected("undecodable") from None
    return text, "cp1252"
