"""Dates as editors write them, to ISO 8601 with an offset.

A bare date or a time without an offset is taken in the publication's time zone (Asia/Tokyo unless
configured), because that is where the magazine's editors date their articles.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from . import precompiled

# Month names (and their usual abbreviations) in the languages of the pages Masthead reads, in the
# forms dates use (Finnish partitive, Slavic and Greek genitive: "30 августа 2021", "19 Αυγούστου
# 2020"; Greek also without its accents, as upper-case text is written).
_MONTH_NAMES = (
    "jan january januar janvier janv enero ene gennaio gen janeiro januari tammikuu styczeń stycznia ledna január "
    "ocak janúar janar ianuarie januara tammikuuta января январь січня січень януари"
    " ιανουαρίου ιανουάριος ιανουαριου ιανουαριος ιαν",
    "feb february februar février févr fév febrero febbraio fevereiro fev februari helmikuu lutego února február "
    "şubat febrúar shkurt februarie februara helmikuuta февраля февраль лютого лютий февруари"
    " φεβρουαρίου φεβρουάριος φεβρουαριου φεβρουαριος φεβ",
    "mar march märz mär mars marzo março maart mrt maaliskuu marca března marec mart március martie marta maret maaliskuuta "
    "марта март березня березень"
    " μαρτίου μάρτιος μαρτιου μαρτιος μαρ",
    "apr april avril avr abril aprile abr huhtikuu kwietnia dubna apríl nisan április prill aprilie aprila "
    "huhtikuuta апреля апрель квітня квітень април"
    " απριλίου απρίλιος απριλιου απριλιος απρ",
    "may mai mayo maggio mag maio mei toukokuu maja května máj mayıs május maí maj toukokuuta мая май травня травень"
    " μαΐου μάιος μαϊου μαιου μαιος μαΐ μαϊ",
    "jun june juni juin junio giugno giu junho kesäkuu czerwca června jún haziran június júní qershor iunie juna "
    "kesäkuuta июня июнь червня червень юни"
    " ιουνίου ιούνιος ιουνιου ιουνιος ιουν",
    "jul july juli juillet juil julio luglio lug julho heinäkuu lipca července júl temmuz július júlí korrik iulie "
    "jula heinäkuuta июля июль липня липень юли"
    " ιουλίου ιούλιος ιουλιου ιουλιος ιουλ",
    "aug august août agosto ago augustus elokuu sierpnia srpna ağustos augusztus ágúst gusht augusti agustus avgust "
    "augusta elokuuta августа август серпня серпень"
    " αυγούστου αύγουστος αυγουστου αυγουστος αυγ",
    "sep sept september septembre septiembre settembre set setembro syyskuu września září eylül szeptember shtator "
    "septembrie septembar septembra syyskuuta сентября сентябрь вересня вересень септември"
    " σεπτεμβρίου σεπτέμβριος σεπτεμβριου σεπτεμβριος σεπ",
    "oct october oktober octobre octubre ottobre ott outubro out lokakuu października října okt ekim október tetor "
    "octombrie oktobar oktobra lokakuuta октября октябрь жовтня жовтень октомври"
    " οκτωβρίου οκτώβριος οκτωβριου οκτωβριος οκτ",
    "nov november novembre noviembre novembro marraskuu listopada listopadu kasım nóvember nëntor noiembrie "
    "novembar novembra marraskuuta ноября ноябрь листопада листопад ноември"
    " νοεμβρίου νοέμβριος νοεμβριου νοεμβριος νοε",
    "dec december dezember décembre déc diciembre dic dicembre dezembro dez joulukuu grudnia prosince decembrie "
    "aralık desember dhjetor decembar decembra joulukuuta декабря декабрь грудня грудень декември"
    " δεκεμβρίου δεκέμβριος δεκεμβριου δεκεμβριος δεκ",
)
# In Arabic: as Egypt and the Gulf name the months, with and without the hamza, then the Levant's
# one-word names ("03 يونيو 2020", "15 آذار 2024").
_ARABIC_MONTH_NAMES = (
    "يناير", "فبراير شباط", "مارس آذار", "أبريل إبريل ابريل نيسان", "مايو أيار ايار", "يونيو حزيران", "يوليو تموز",
    "أغسطس اغسطس", "سبتمبر أيلول ايلول", "أكتوبر اكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip
_MONTHS = {
    name: number
    for month_names in (_MONTH_NAMES, _ARABIC_MONTH_NAMES)
    for number, names in enumerate(month_names, start=1)
    for name in names.split()
}
# The Solar Hijri calendar of Iran's and Afghanistan's pages ("۲۹ بهمن ۱۳۹۸", "۱۳۹۹/۰۲/۲۱"): its months
# as Iran names them, then as Afghanistan does; each typed with the Persian or the Arabic yeh.
_SOLAR_HIJRI_MONTH_NAMES = (
    "فروردین حمل", "اردیبهشت ثور", "خرداد جوزا", "تیر سرطان", "مرداد امرداد اسد", "شهریور سنبله",
    "مهر میزان", "آبان عقرب", "آذر قوس", "دی جدی", "بهمن دلو", "اسفند حوت",
)  # fmt: skip
_SOLAR_HIJRI_MONTHS = {
    spelled: number
    for number, names in enumerate(_SOLAR_HIJRI_MONTH_NAMES, start=1)
    for name in names.split()
    for spelled in (name, name.replace("ی", "ي"))
}
_SOLAR_HIJRI = precompiled.pattern(
    r"(?<!\d)(\d{1,2})\s{0,3}(" + "|".join(sorted(_SOLAR_HIJRI_MONTHS, key=len, reverse=True)) + r")\s{0,3}(\d{4})(?!\d)"
)
_SOLAR_HIJRI_YEARS = range(1300, 1500)  # 1921-2121
# Whether a text is in the Arabic script at all: the pattern above is tried only then (it starts with
# a look-behind, so sre tries it at every character: 7 µs a line, against 2 µs for this class).
_ARABIC_SCRIPT = precompiled.pattern("[\u0600-\u06ff]")


def _from_solar_hijri(year: int, month: int, day: int) -> tuple[int, int, int] | None:
    """The Gregorian (year, month, day) of a Solar Hijri date; None for a day its month does not have.
    The arithmetic 33-year leap cycle, which agrees with the calendar's tables over _SOLAR_HIJRI_YEARS."""
    if year not in _SOLAR_HIJRI_YEARS or not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
        return None
    if month == 12 and day == 30 and _solar_hijri_day(year + 1, 1, 1) - _solar_hijri_day(year, 1, 1) == 365:
        return None  # the 30th of Esfand, in a common year
    gregorian = dt.date.fromordinal(_solar_hijri_day(year, month, day))
    return gregorian.year, gregorian.month, gregorian.day


def _solar_hijri_day(year: int, month: int, day: int) -> int:
    """The proleptic Gregorian ordinal (date.toordinal) of a Solar Hijri date."""
    year += 1595
    months = (month - 1) * 31 if month <= 7 else (month - 7) * 30 + 186
    return -356033 + 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day + months


# Japanese eras: first year of each era in the Gregorian calendar.
_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926, "R": 2019, "H": 1989, "S": 1926}

# The day of the week in brackets after a date ("2024年4月1日(月) 10:00", "2024/04/01（月）",
# "2024.04.01 (Mon)"): part of the date, so the time after it is the date's and the bracket is no byline.
_WEEKDAY = r"(?:\s*+[(（](?:[月火水木金土日](?:曜日?)?|[월화수목금토일](?:요일)?|(?i:mon|tue|wed|thu|fri|sat|sun)\.?)[)）])?"
_COMPACT_ISO = precompiled.pattern(r"\b(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?")
_ISO = precompiled.pattern(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_SLASHED = precompiled.pattern(
    rf"(\d{{4}})[/.](\d{{1,2}})[/.](\d{{1,2}}){_WEEKDAY}(?:(?:\s+|(?<=[)）])\s*)(\d{{1,2}}):(\d{{2}})(?::(\d{{2}}))?)?"
)
# Year, month and day each closed by a dot, as Korean and Hungarian write them ("2020. 06. 04.
# 11:27", "2024.03.05. 오후 3:07"): the time after it, in Korean with 오전/오후 (am/pm) before it.
_DOTTED = precompiled.pattern(r"(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.(?:\s*+(오전|오후)?\s*+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
# (Korean writes the same date in Hangul: "2024년 4월 1일 10시 20분")
# The time after it in the same script, its minutes optional, am/pm before it ("午後3時", "오후 3시 20분").
_KANJI = precompiled.pattern(
    rf"(\d{{4}})\s*[年년]\s*(\d{{1,2}})\s*[月월]\s*(\d{{1,2}})\s*[日일]{_WEEKDAY}"
    r"(?:\s*+(午前|午後|오전|오후)?\s*+(\d{1,2})\s*+(?:[:：](\d{2})|[時시](?:\s*+(\d{1,2})\s*+[分분])?))?"
)
_ERA = precompiled.pattern(r"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_FIRST = precompiled.pattern(r"\b([^\W\d_]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# "4 May 2022", "28. April 2024", "4 de mayo de 2022", "07 de mayo del 2022", "20 February, 2024".
_DAY_FIRST = precompiled.pattern(r"\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?([^\W\d_]{3,12})\.?,?\s+(?:del?\s+)?(\d{4})\b")
# "Fri Feb 18 10:27:24 2022" (C's ctime, in some templates' meta tags), "Tue Jan 28 15:28:56 CET
# 2020" (Java's Date.toString(), in some JSON-LD), with the zone's abbreviation.
_CTIME = precompiled.pattern(r"\b[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(?:([A-Z]{3,4})\s+)?(\d{4})\b")
# Zone abbreviations that name one offset (CST, IST and others name several: the page's zone then).
_ZONE_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "WET": 0, "WEST": 60, "BST": 60, "CET": 60, "CEST": 120, "MEZ": 60, "MESZ": 120, "EET": 120,
    "EEST": 180, "MSK": 180, "JST": 540, "KST": 540, "HKT": 480, "AEST": 600, "AEDT": 660,
    "EST": -300, "EDT": -240, "PST": -480, "PDT": -420, "MST": -420, "MDT": -360,
}  # fmt: skip
# 31.03.2020, 03/31/2020, 31-03-2020, 31. 03. 2020: day first unless the numbers or the page's language say otherwise.
# Slashes may stand between spaces, the same on both sides of the month ("١ / ١٢ / ٢٠٢٠" on Arabic
# pages, whose digits \d matches too).
_NUMERIC = precompiled.pattern(r"\b(\d{1,2})( ?/ ?|\. |[.-])(\d{1,2})\2(\d{4})\b(?:,?\s+(\d{1,2}):(\d{2}))?")


# What may follow a date: its time of day when the date's own pattern has none ("May 10, 2022
# 5:22 pm", "28. April 2024, um 14:05", "Wed, 04 May 2022 02:41:00 GMT"), and after a time the
# 12-hour clock's am/pm and a zone.
# (French writes the hour with an h: "à 10h30")
_CLOCK = precompiled.pattern(r",?\s*+(?:(?:at|um|à|a las|alle|om|kl\.?|-|\|)\s*+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?", re.I)
# A zone's abbreviation written after the time is the page's own offset ("10:00 BST", "9:26 pm EDT").
_MERIDIEM_ZONE = precompiled.pattern(
    r"\s*+(?:([ap])\.?\s?m\b\.?)?\s*+(GMT\b|UTC\b|Z\b|[+-]\d{2}:?\d{2}\b"
    + "".join(f"|(?-i:{name})\\b" for name in sorted(_ZONE_ABBREVIATIONS, key=len, reverse=True))
    + ")?",
    re.I,
)


# Pages of many countries pass through one process (the web corpus: 35 zones), and a zone is built
# from its file in ~40 µs: every zone seen stays (a few KB each, at most a few hundred exist).
@lru_cache(maxsize=512)
def _zone(name: str) -> dt.tzinfo:
    from zoneinfo import ZoneInfo  # imported lazily: only dates without an offset need it

    return ZoneInfo(name)


def zone(name: str) -> dt.tzinfo:
    """The IANA zone `name` (cached)."""
    return _zone(name)


def _named_or_numeric_offset(text: str) -> dt.tzinfo:
    minutes = _ZONE_ABBREVIATIONS.get(text)
    return dt.timezone(dt.timedelta(minutes=minutes)) if minutes is not None else _offset(text)


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
    value = value.replace(tzinfo=tz or _zone(default_tz))
    return None if value.year in (1969, 1970) and _is_epoch(value) else value


# The Unix epoch is what a template prints for a date it does not have ("pubdate":
# "1970-01-01T00:00:00.000+00:00", 0, or the epoch in the site's zone, 1969-12-31T19:00:00-05:00):
# never a publication date.
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_EPOCH_WALL = dt.datetime(1970, 1, 1)


def _is_epoch(value: dt.datetime) -> bool:
    return value.replace(tzinfo=None) == _EPOCH_WALL or value == _EPOCH


def parse_datetime(value: object, default_tz: str = "Asia/Tokyo", month_first: bool = False) -> dt.datetime | None:
    """Parse a date or date-time in any of the supported shapes; None when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=_zone(default_tz))
    if isinstance(value, dt.date):
        return _build(value.year, value.month, value.day, default_tz=default_tz)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value  # epoch seconds or milliseconds
        if not seconds:
            return None  # the epoch: a placeholder
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None  # a mapping or a list is not a date, whatever its text contains
    text = value.strip()[:200]
    return _parse_text(_halfwidth(text), default_tz, month_first) if text else None


def _clocked(
    text: str, end: int, date: tuple, clock: tuple = (None, None, None), tz: dt.tzinfo | None = None, default_tz: str = "Asia/Tokyo"
):
    """The date (y, m, d) at the time of day written at or after `end` (`clock` when its pattern
    read one): "5:22 pm" is 17:22, "12:05 am" is 00:05; a zone written after the time is kept."""
    hour, minute, second = clock
    if hour is None and (c := _CLOCK.match(text, end)):
        (hour, minute, second), end = c.groups(), c.end()
    if hour is not None and tz is None:
        after = _MERIDIEM_ZONE.match(text, end)  # every part optional: it always matches
        meridiem, written_zone = after.groups() if after else (None, None)
        if meridiem and 1 <= int(hour) <= 12:
            hour = int(hour) % 12 + (12 if meridiem in "pP" else 0)
        if written_zone:
            tz = dt.UTC if written_zone.upper() in ("GMT", "UTC", "Z") else _named_or_numeric_offset(written_zone)
    year, month, day = date
    return _build(year, month, day, hour, minute, second, tz, default_tz)


def _kanji_datetime(m: re.Match, default_tz: str) -> dt.datetime | None:
    """A _KANJI match as a date-time: "午後3時" is 15:00, "오전 9시 5분" 09:05."""
    y, mo, d, meridiem, h, colon_minutes, minutes = m.groups()
    if meridiem and h and 1 <= int(h) <= 12:
        h = int(h) % 12 + (12 if meridiem in ("午後", "오후") else 0)
    return _build(y, mo, d, h, colon_minutes or minutes, default_tz=default_tz)


def _parse_text(text: str, default_tz: str, month_first: bool = False) -> dt.datetime | None:
    if m := _ISO.search(text):
        y, mo, d, h, mi, s, off = m.groups()
        if h is not None and not off:
            return _clocked(text, m.end(), (y, mo, d), (h, mi, s), default_tz=default_tz)
        return _build(y, mo, d, h, mi, s, _offset(off) if off else None, default_tz)
    if m := _ERA.search(text):
        era, year, mo, d = m.groups()
        return _build(_ERAS[era] + (1 if year == "元" else int(year)) - 1, mo, d, default_tz=default_tz)
    if m := _COMPACT_ISO.search(text):
        y, mo, d, h, mi, s, off = m.groups()
        return _build(y, mo, d, h, mi, s, _offset(off) if off else None, default_tz)
    if m := _KANJI.search(text):
        return _kanji_datetime(m, default_tz)
    if m := _DOTTED.search(text):
        y, mo, d, meridiem, h, mi, s = m.groups()
        if meridiem and 1 <= int(h) <= 12:
            h = int(h) % 12 + (12 if meridiem == "오후" else 0)
        return _clocked(text, m.end(), (y, mo, d), (h, mi, s), default_tz=default_tz)
    if m := _SLASHED.search(text):
        y, mo, d, h, mi, s = m.groups()
        if not y.isascii() and (gregorian := _from_solar_hijri(int(y), int(mo), int(d))):
            y, mo, d = gregorian  # "۱۳۹۹/۰۲/۲۱": a year written in Persian digits is a Solar Hijri one
        return _clocked(text, m.end(), (y, mo, d), (h, mi, s), default_tz=default_tz)
    if not text.isascii() and _ARABIC_SCRIPT.search(text) and (m := _SOLAR_HIJRI.search(text)):
        gregorian = _from_solar_hijri(int(m.group(3)), _SOLAR_HIJRI_MONTHS[m.group(2)], int(m.group(1)))
        return _clocked(text, m.end(), gregorian, default_tz=default_tz) if gregorian else None
    if (m := _CTIME.search(text)) and (month := _MONTHS.get(m.group(1).lower())):
        minutes = _ZONE_ABBREVIATIONS.get(m.group(6) or "")
        tz = dt.timezone(dt.timedelta(minutes=minutes)) if minutes is not None else None
        return _build(m.group(7), month, m.group(2), m.group(3), m.group(4), m.group(5), tz, default_tz)
    if (m := _MONTH_FIRST.search(text)) and (month := _MONTHS.get(m.group(1).lower())):
        return _clocked(text, m.end(), (m.group(3), month, m.group(2)), default_tz=default_tz)
    if (m := _DAY_FIRST.search(text)) and (month := _MONTHS.get(m.group(2).lower())):
        return _clocked(text, m.end(), (m.group(3), month, m.group(1)), default_tz=default_tz)
    if m := _NUMERIC.search(text):
        first, separator, second, year, h, mi = m.groups()
        # Month first only with slashes or hyphens: a date with dots is day first in every country
        # ("| DW | 10.06.2013" on an English page is 10 June).
        swap = (month_first and separator != "." and int(first) <= 12) or int(second) > 12
        date = (year, first if swap else second, second if swap else first)
        return _clocked(text, m.end(), date, (h, mi, None), default_tz=default_tz)
    return None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９／：－", "0123456789/:-")


def _halfwidth(text: str) -> str:
    """Full-width digits and separators as ASCII (an ASCII text, most dates, is left as it is:
    str.translate reads a table per character, thirty times the cost of the test)."""
    return text if text.isascii() else text.translate(_FULLWIDTH_DIGITS)


def iso_datetime(value: object, default_tz: str = "Asia/Tokyo") -> str | None:
    parsed = parse_datetime(value, default_tz)
    return parsed.isoformat() if parsed else None


def iso_date(value: object, default_tz: str = "Asia/Tokyo") -> str | None:
    parsed = parse_datetime(value, default_tz)
    return parsed.date().isoformat() if parsed else None


# Every date pattern but the era one holds a four-digit year: a line without one (most bylines,
# captions and labels on a page) is ruled out by one scan instead of eight.
_YEAR_DIGITS = precompiled.pattern(r"\d\d\d\d")  # not \d{4}: a pattern that starts with a class is scanned for at C speed


# "10/12/20", "17.7.11", "8/17/13 11:04am": a numeric date with a two-digit year, found only where
# a line is known to be a date (an element marked as one, a short line under the headline): in
# running text it is as likely a score or a version.
_SHORT_YEAR = precompiled.pattern(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d\d)(?![\d./]|\.\d)")


def find_short_year_date(text: str) -> str | None:
    """The first numeric date with a two-digit year, its year written out ("10/12/20" ->
    "10/12/2020"; 69-99 are 1969-1999, as POSIX reads them), for the page's day order to read."""
    found = find_short_year(text)
    return found[0] if found else None


def find_short_year(text: str) -> tuple[str, int, int] | None:
    """find_short_year_date's date, with where it starts and ends in the text."""
    for m in _SHORT_YEAR.finditer(text[:300]):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 1 <= first <= 31 and 1 <= second <= 31 and min(first, second) <= 12:
            century = "19" if year >= 69 else "20"
            return f"{m.group(1)}{m.group(2)}{m.group(3)}{m.group(2)}{century}{m.group(4)}", m.start(), m.end()
    return None


# A day and a month's name without the year ("8 января, 17:46", "mandag 5. august kl. 14:47", "Dec. 3",
# "2月15日"): no date, but where a pasted page's header shows the day of a story of the week.
_DAY_THEN_MONTH = precompiled.pattern(r"(?<![\d.])(\d{1,2})\.?\s+([^\W\d_]{3,12})")
_MONTH_THEN_DAY = precompiled.pattern(r"([^\W\d_]{3,12})\.?\s+(\d{1,2})(?!\d)")
_KANJI_DAY = precompiled.pattern(r"\d{1,2}\s*月\s*\d{1,2}\s*日")


def find_day_without_year(text: str) -> tuple[int, int] | None:
    """(start, end) of the first day and month's name in a text (the caller knows it has no year)."""
    if found := _KANJI_DAY.search(text):
        return found.span()
    for pattern, day, month in ((_DAY_THEN_MONTH, 1, 2), (_MONTH_THEN_DAY, 2, 1)):
        for m in pattern.finditer(text):
            if m.group(month).lower() in _MONTHS and 1 <= int(m.group(day)) <= 31:
                return m.span()
    return None


_PATTERNS = (_ISO, _COMPACT_ISO, _ERA, _KANJI, _DOTTED, _SLASHED, _MONTH_FIRST, _DAY_FIRST, _NUMERIC)
_PATTERNS_WITH_SOLAR_HIJRI = (*_PATTERNS[:6], _SOLAR_HIJRI, *_PATTERNS[6:])


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first date written in a line of text: (the date as written, with the time of day written
    after it; where the date starts; where the date ends). What follows the date, its time
    included, is for the caller to read: a byline's name after it is cut at the time."""
    text = _halfwidth(text)
    if not _YEAR_DIGITS.search(text) and not _ERA.search(text):
        return None
    patterns = _PATTERNS if text.isascii() or not _ARABIC_SCRIPT.search(text) else _PATTERNS_WITH_SOLAR_HIJRI
    for pattern in patterns:
        if (m := pattern.search(text)) and parse_datetime(m.group(0)):
            written = text[m.start() : _clock_end(text, m.end())].rstrip() if pattern in _WITHOUT_CLOCK else m.group(0)
            return written, m.start(), m.end()
    return None


_WITHOUT_CLOCK = (_MONTH_FIRST, _DAY_FIRST)


def _clock_end(text: str, end: int) -> int:
    """Where the time of day written after a date ends ("April 1, 2024 at 9:26 pm EDT"), or `end`."""
    if not (clock := _CLOCK.match(text, end)):
        return end
    after = _MERIDIEM_ZONE.match(text, clock.end())
    return after.end() if after and (after.group(1) or after.group(2)) else clock.end()
