"""A web page's publication and modification dates: where pages keep them, in what order they are
trusted, and which calendar day they mean. Pure: the HTML parser hands in what it found.

Order (publication first, the first value that parses wins): JSON-LD of the article, meta tags
(the table below, most specific first), microdata, then what the page shows (a <time>, a dateline;
read by htmldoc), then the date in the page's URL. The day is the publisher's: a UTC instant is
turned into the page's own zone (an offset another timestamp on the page carries, else the country of
its web address, else its language), never into Masthead's default zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from . import dates, precompiled

PUBLISHED_LD_KEYS = ("datePublished", "dateCreated", "uploadDate")
MODIFIED_LD_KEYS = ("dateModified",)

# Meta names, properties and itemprops (lower case) that hold the publication date, most explicit first.
PUBLISHED_METAS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date.available",
    "article.published",
    "cxenseparse:recs:publishtime",
    "cxenseparse:publishtime",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "date.created",
    "datecreated",
    "publish-date",
    "publish_date",
    "publishdate",
    "published_time",
    "publication_date",
    "pubdate",
    "pub_date",
    "og:pubdate",
    "release_date",
    "originalpublicationdate",
    "created-date",
    "article_date_original",
    "cxenseparse:afp-publicdate",
)
# Generic names that as often hold a modification or crawl date: trusted after a date the page shows.
WEAK_PUBLISHED_METAS = ("date", "dc.date", "dcterms.date")
MODIFIED_METAS = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "date.modified",
    "date.updated",
    "last-modified",
    "dcterms.modified",
    "modified-date",
)

# /2024/04/28/, /2024-04-28-, /20240428/ in a URL path: a last resort, but a reliable one.
_URL_DATE = precompiled.pattern(r"/((?:19|20)\d{2})([/-]?)(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
# The same with a section between the year and the day, or a month and day of one digit, each a
# segment of its own: /2010/POLITICS/08/13/, /2013/middle_east/8/3/, /2014/6/29/.
_URL_SPLIT_DATE = precompiled.pattern(r"/((?:19|20)\d{2})/(?:[A-Za-z][\w-]{0,30}/)?(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/")
_OFFSET = precompiled.pattern(r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*([+-]\d{2}:?\d{2})\b")
_UTC = precompiled.pattern(r"(?:\d(?:Z|\s*[+-]00:?00)\b)|\b(?:GMT|UTC)\b")
_BARE_TIME = precompiled.pattern(r"\d{1,2}:\d{2}")

# Languages (and language-country tags) whose publishers keep one time zone. An ambiguous one
# (es, en, ar, pt) is looked up with its country only.
LANGUAGE_ZONES = {
    "ja": "Asia/Tokyo",
    "ko": "Asia/Seoul",
    "zh": "Asia/Shanghai",
    "zh-cn": "Asia/Shanghai",
    "zh-tw": "Asia/Taipei",
    "zh-hk": "Asia/Hong_Kong",
    "de": "Europe/Berlin",
    "de-at": "Europe/Vienna",
    "de-ch": "Europe/Zurich",
    "fr": "Europe/Paris",
    "fr-ca": "America/Toronto",
    "it": "Europe/Rome",
    "nl": "Europe/Amsterdam",
    "sv": "Europe/Stockholm",
    "nb": "Europe/Oslo",
    "no": "Europe/Oslo",
    "nn": "Europe/Oslo",
    "da": "Europe/Copenhagen",
    "fi": "Europe/Helsinki",
    "pl": "Europe/Warsaw",
    "cs": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest",
    "el": "Europe/Athens",
    "tr": "Europe/Istanbul",
    "ru": "Europe/Moscow",
    "uk": "Europe/Kyiv",
    "he": "Asia/Jerusalem",
    "hi": "Asia/Kolkata",
    "th": "Asia/Bangkok",
    "vi": "Asia/Ho_Chi_Minh",
    "id": "Asia/Jakarta",
    "ms": "Asia/Kuala_Lumpur",
    "fa": "Asia/Tehran",
    "es-es": "Europe/Madrid",
    "es-mx": "America/Mexico_City",
    "es-ar": "America/Argentina/Buenos_Aires",
    "es-co": "America/Bogota",
    "es-pe": "America/Lima",
    "es-cl": "America/Santiago",
    "es-bo": "America/La_Paz",
    "es-uy": "America/Montevideo",
    "es-ve": "America/Caracas",
    "pt-br": "America/Sao_Paulo",
    "pt-pt": "Europe/Lisbon",
    "en-gb": "Europe/London",
    "en-ie": "Europe/Dublin",
    "en-au": "Australia/Sydney",
    "en-in": "Asia/Kolkata",
    "en-za": "Africa/Johannesburg",
    "en-us": "America/New_York",
    "en-ca": "America/Toronto",
}


def first_date(values: Iterable[object], month_first: bool = False) -> str | None:
    """The first value that is a date (an unparseable first source must not hide a good second)."""
    for value in values:
        if isinstance(value, (str, int, float)) and dates.parse_datetime(value, month_first=month_first):
            return str(value)
    return None


def url_date(url: str | None) -> str | None:
    """The date in a URL's path (/2024/04/28/…, /2010/POLITICS/08/13/…), as YYYY-MM-DD."""
    if not url or len(url) > 2000:
        return None
    if m := _URL_DATE.search(url):
        return f"{m.group(1)}-{m.group(3)}-{m.group(4)}"
    if m := _URL_SPLIT_DATE.search(url):
        return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


# A publication date under a key of the page's own data: a script's state or data layer
# ("publishTime":"2024-09-04T16:20:35+05:30", ct_postDate: "…", tp.push(["setCustomVariable",
# "publishtime", "…"])) or a data attribute (data-publish-date="…"); a value is an ISO day, with its
# time if any. The pattern starts with one class, of the keys' first letters, so that the regex
# engine skips to those at C speed; an alternation in front, or a letter under IGNORECASE, makes it
# try every byte of the page (30 ns a byte against 6).


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)


@precompiled.lazy
def _keyed_date_pattern() -> re.Pattern[bytes]:
    """Compiled on first use (1 ms): only a page that declares and shows no date needs it."""
    return precompiled.pattern(
        (
            "[PpFf](?:"
            + "|".join(
                _any_case(key)
                for key in ("ublished", "ublishing", "ublish", "ub", "ost", "irst_published", "irstpublished", "irst-publication")
            )
            + ")[_-]?(?:"
            + "|".join(_any_case(word) for word in ("date", "timestamp", "time", "at", "on"))
            + ")?[\"']?[ \t]{0,3}[:=,][ \t]{0,3}\\[?[\"']"
            + r"([0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?)"
        ).encode()
    )


_MAX_KEYED = 20


def keyed_date(page: bytes) -> str | None:
    """The first publication date the page keeps under a key of its own data: the date of last
    resort, for a page that declares and shows none."""
    for n, match in enumerate(_keyed_date_pattern().finditer(page)):
        if n >= _MAX_KEYED:
            break
        if found := first_date([match.group(1).decode("ascii")]):
            return found
    return None


def is_utc(value: str) -> bool:
    """Whether a timestamp is a UTC instant (its calendar day may not be the publisher's)."""
    return bool(_UTC.search(value[:100]))


def is_month_first(language: str | None) -> bool:
    """US English writes 04/05/2024 for April 5; every other language the corpus holds day first."""
    return (language or "").lower().replace("_", "-") in ("en-us", "en")


def page_zone(language: str | None, timestamps: Iterable[str], url: str | None = None) -> dt.tzinfo | None:
    """The publisher's zone: a non-zero offset one of the page's timestamps carries, else the zone
    of the country its web address is in (inews.co.uk on a page that says lang="en-US"), else the
    zone of the page's language (when it has one zone)."""
    for value in timestamps:
        if isinstance(value, str) and (m := _OFFSET.search(value[:100])):
            digits = m.group(1).replace(":", "")
            minutes = int(digits[1:3]) * 60 + int(digits[3:5])
            if minutes:
                return dt.timezone(dt.timedelta(minutes=-minutes if digits[0] == "-" else minutes))
    tag = (language or "").lower().replace("_", "-")
    name = COUNTRY_ZONES.get(_country(url)) or (LANGUAGE_ZONES.get(tag) or LANGUAGE_ZONES.get(tag.split("-")[0]) if tag else None)
    return dates.zone(name) if name else None


# Countries with one time zone, by their internet domain. Not here: domains sold for other uses
# (.co, .io, .tv, .me, .ai, .fm, .ly) and countries of several zones.
COUNTRY_ZONES = {
    "uk": "Europe/London",
    "ie": "Europe/Dublin",
    "de": "Europe/Berlin",
    "at": "Europe/Vienna",
    "ch": "Europe/Zurich",
    "fr": "Europe/Paris",
    "be": "Europe/Brussels",
    "nl": "Europe/Amsterdam",
    "lu": "Europe/Luxembourg",
    "es": "Europe/Madrid",
    "it": "Europe/Rome",
    "se": "Europe/Stockholm",
    "no": "Europe/Oslo",
    "dk": "Europe/Copenhagen",
    "fi": "Europe/Helsinki",
    "is": "Atlantic/Reykjavik",
    "pl": "Europe/Warsaw",
    "cz": "Europe/Prague",
    "sk": "Europe/Bratislava",
    "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia",
    "gr": "Europe/Athens",
    "tr": "Europe/Istanbul",
    "ua": "Europe/Kyiv",
    "lt": "Europe/Vilnius",
    "lv": "Europe/Riga",
    "ee": "Europe/Tallinn",
    "si": "Europe/Ljubljana",
    "hr": "Europe/Zagreb",
    "rs": "Europe/Belgrade",
    "ba": "Europe/Sarajevo",
    "al": "Europe/Tirane",
    "am": "Asia/Yerevan",
    "il": "Asia/Jerusalem",
    "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul",
    "cn": "Asia/Shanghai",
    "tw": "Asia/Taipei",
    "hk": "Asia/Hong_Kong",
    "sg": "Asia/Singapore",
    "th": "Asia/Bangkok",
    "vn": "Asia/Ho_Chi_Minh",
    "ph": "Asia/Manila",
    "my": "Asia/Kuala_Lumpur",
    "in": "Asia/Kolkata",
    "pk": "Asia/Karachi",
    "ir": "Asia/Tehran",
    "za": "Africa/Johannesburg",
    "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi",
    "na": "Africa/Windhoek",
    "ls": "Africa/Maseru",
    "eg": "Africa/Cairo",
    "nz": "Pacific/Auckland",
    "ar": "America/Argentina/Buenos_Aires",
    "cl": "America/Santiago",
    "pe": "America/Lima",
    "uy": "America/Montevideo",
    "ve": "America/Caracas",
    "bo": "America/La_Paz",
    "ec": "America/Guayaquil",
    "py": "America/Asuncion",
}
_HOST = precompiled.pattern(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", re.I)


def _country(url: str | None) -> str:
    """The country domain of a web address ("https://inews.co.uk/…" -> "uk"), or ""."""
    host = _HOST.match(url or "")
    return host.group(1).lower().rstrip(".").rsplit(".", 1)[-1] if host else ""


def local_iso(value: str | None, zone: dt.tzinfo | None, default_tz: str, month_first: bool = False) -> str | None:
    """`value` as ISO 8601 in the publisher's zone: a UTC instant is moved into `zone`, a time
    without an offset is read in it; without a zone, as dates.parse_datetime reads it."""
    if not value:
        return None
    parsed = dates.parse_datetime(value, default_tz, month_first=month_first)
    if parsed is None:
        return None
    head = value[:100]
    if _UTC.search(head) and parsed.utcoffset():
        parsed = parsed.replace(tzinfo=dt.UTC)  # "… GMT", "… UTC": read in the default zone above
    if zone is not None:
        if _UTC.search(head):
            parsed = parsed.astimezone(zone)
        elif not _OFFSET.search(head):
            parsed = parsed.replace(tzinfo=zone)
    if not _BARE_TIME.search(value[:100]):
        # A day alone stays that day: midnight in the page's zone, or left to the default zone.
        day = parsed.date()
        return dt.datetime(day.year, day.month, day.day, tzinfo=zone).isoformat() if zone is not None else day.isoformat()
    return parsed.isoformat()
