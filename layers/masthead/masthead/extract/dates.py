"""Dates as editors write them, to ISO 8601 with an offset.

A bare date or a time without an offset is taken in the publication's time zone (Asia/Tokyo unless
configured), because that is where the magazine's editors date their articles.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
# Japanese eras: first year of each era in the Gregorian calendar.
_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926, "R": 2019, "H": 1989, "S": 1926}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_SLASHED = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_KANJI = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})\s*[時:]\s*(\d{1,2})\s*分?)?")
_ERA = re.compile(r"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


@lru_cache(maxsize=8)
def _zone(name: str) -> dt.tzinfo:
    from zoneinfo import ZoneInfo  # imported lazily: only dates without an offset need it

    return ZoneInfo(name)


def _offset(text: str) -> dt.tzinfo:
    if text == "Z":
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))


def _build(year, month, day, hour=None, minute=None, second=None, tz: dt.tzinfo | None = None, default_tz="Asia/Tokyo"):
    try:
        value = dt.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return None
    if not 1900 <= value.year <= 2200:
        return None
    return value.replace(tzinfo=tz or _zone(default_tz))


def parse_datetime(value: object, default_tz: str = "Asia/Tokyo") -> dt.datetime | None:
    """Parse a date or date-time in any of the supported shapes; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=_zone(default_tz))
    if isinstance(value, dt.date):
        return _build(value.year, value.month, value.day, default_tz=default_tz)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # epoch seconds or milliseconds
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None  # a mapping or a list is not a date, whatever its text contains
    text = value.strip()[:200]
    return _parse_text(text.translate(_FULLWIDTH_DIGITS), default_tz) if text else None


def _parse_text(text: str, default_tz: str) -> dt.datetime | None:
    if m := _ISO.search(text):
        y, mo, d, h, mi, s, off = m.groups()
        return _build(y, mo, d, h, mi, s, _offset(off) if off else None, default_tz)
    if m := _ERA.search(text):
        era, year, mo, d = m.groups()
        return _build(_ERAS[era] + (1 if year == "元" else int(year)) - 1, mo, d, default_tz=default_tz)
    if m := _KANJI.search(text):
        y, mo, d, h, mi = m.groups()
        return _build(y, mo, d, h, mi, default_tz=default_tz)
    if m := _SLASHED.search(text):
        y, mo, d, h, mi, s = m.groups()
        return _build(y, mo, d, h, mi, s, default_tz=default_tz)
    if (m := _MONTH_FIRST.search(text)) and (month := _MONTHS.get(m.group(1).lower())):
        return _build(m.group(3), month, m.group(2), default_tz=default_tz)
    if (m := _DAY_FIRST.search(text)) and (month := _MONTHS.get(m.group(2).lower())):
        return _build(m.group(3), month, m.group(1), default_tz=default_tz)
    return None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９／：－", "0123456789/:-")


def iso_datetime(value: object, default_tz: str = "Asia/Tokyo") -> str | None:
    parsed = parse_datetime(value, default_tz)
    return parsed.isoformat() if parsed else None


def iso_date(value: object, default_tz: str = "Asia/Tokyo") -> str | None:
    parsed = parse_datetime(value, default_tz)
    return parsed.date().isoformat() if parsed else None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date written in a line of text: (matched text, start, end)."""
    text = text.translate(_FULLWIDTH_DIGITS)
    for pattern in (_ISO, _ERA, _KANJI, _SLASHED, _MONTH_FIRST, _DAY_FIRST):
        if (m := pattern.search(text)) and parse_datetime(m.group(0)):
            return m.group(0), m.start(), m.end()
    return None
