"""An HTML page's publication and revision dates settled: each source's date taken in the declared
order, then read as a day in the publisher's zone (the page's own offset, language or address),
never shifted to another day by UTC."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from . import pagedates, precompiled, text
from .draft import Draft, ExtractOptions

if TYPE_CHECKING:
    from .htmldoc import PageFacts


def settle_dates(draft: Draft, facts: PageFacts, options: ExtractOptions, page: bytes) -> None:
    """The publication date by the declared order (metadata, the date ending the <title>, shown in
    the article, a date in brackets ending the <title>'s headline, generic meta names, the URL,
    shown elsewhere: a site's header shows today's date, the page's own data; last the revision
    date, as in every format: draft.finish_article), both dates in the publisher's zone."""
    language = draft.language if isinstance(draft.language, str) else None
    month_first = pagedates.is_month_first(language)
    weak = pagedates.first_date(v for name in pagedates.WEAK_PUBLISHED_METAS for v in facts.metas.get(name, ()))
    in_url = pagedates.url_date(facts.url)
    shown = facts.shown
    declared = shown.in_article if _a_utc_day(draft.published, in_url, shown.in_article, options) else draft.published
    candidates = (declared, facts.title_date, shown.in_article, facts.title_aside, weak, in_url, shown.outside)
    draft.published = next((v for v in candidates if v), None) or pagedates.keyed_date(page)
    zone = pagedates.page_zone(language, facts.timestamps, facts.url)
    if zone is None and language is None and (draft.published or draft.updated):
        zone = pagedates.page_zone(_written_language(draft), ())
    if zone is None and isinstance(draft.published, str) and pagedates.is_utc(draft.published):
        draft.published = _publisher_day(draft.published, (shown.in_article, shown.outside, in_url), options) or draft.published
    for name in ("published", "updated"):
        value = getattr(draft, name)
        if isinstance(value, str):
            order = _day_order(value, in_url, month_first, options) if name == "published" else month_first
            value = value[:10] if _UTC_MIDNIGHT.match(value) else value  # a day stored as an instant
            local = pagedates.local_iso(value, zone, options.default_tz, order)
            if name == "published" and _utc_day_is_the_urls(value, local, in_url, options):
                local = pagedates.local_iso(value, dt.UTC, options.default_tz, order)
            setattr(draft, name, local)


def _written_language(draft: Draft) -> str | None:
    """The language the story is written in, for a page that declares none: its zone is then the
    publisher's (a German blog's "14. Juni 2019" is a day in Berlin)."""
    return text.detect_language(f"{draft.title or ''}\n" + "\n\n".join(draft.paragraphs[:40])[:4000])


_DAY_ONLY = precompiled.pattern(r"\d{4}-\d{2}-\d{2}")


def _a_utc_day(value: object, in_url: str | None, shown: str | None, options: ExtractOptions) -> bool:
    """Whether a declared day without a time ("sailthru.date": "2014-06-30") is the day after the
    one the URL holds and the article shows (/2014/6/29/, "June 29, 2014 08:08 pm"): the day in UTC
    of an evening story, where the article shows the publisher's own."""
    if not isinstance(value, str) or not in_url or not shown or not _DAY_ONLY.fullmatch(value):
        return False
    if (pagedates.local_iso(shown, None, options.default_tz) or "")[:10] != in_url:
        return False
    return dt.date.fromisoformat(value) - dt.date.fromisoformat(in_url) == dt.timedelta(days=1)


# Midnight UTC exactly is how a CMS stores a date without a time ("2020-01-10T00:00:00+00:00"): the
# day itself, which moving it into New York would make the 9th.
_UTC_MIDNIGHT = precompiled.pattern(r"\d{4}-\d{2}-\d{2}T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")


def _utc_day_is_the_urls(value: str, local: str | None, in_url: str | None, options: ExtractOptions) -> bool:
    """Whether a UTC instant falls on the day the URL holds in UTC but not in the zone the page was
    given ("2020-01-15T01:01:01+00:00" at /2020/01/15/ on an en-US page): the URL says the
    publisher's day, so the instant keeps it."""
    if not in_url or not local or local[:10] == in_url or not pagedates.is_utc(value):
        return False
    return (pagedates.local_iso(value, dt.UTC, options.default_tz) or "")[:10] == in_url


def _day_order(value: str, in_url: str | None, month_first: bool, options: ExtractOptions) -> bool:
    """Whether to read a numeric date month first: as the page's language says, unless the date in
    the URL is the other reading of an ambiguous one ("06/01/2026" on an English page whose URL holds
    /2026/01/06/: 6 January, not 1 June)."""
    if not in_url or value[:4].isdigit():
        return month_first  # an ISO date reads one way
    read = pagedates.local_iso(value, None, options.default_tz, month_first)
    other = pagedates.local_iso(value, None, options.default_tz, not month_first)
    return not month_first if read and other and read[:10] != in_url and other[:10] == in_url else month_first


def _publisher_day(instant: str, local: tuple[str | None, ...], options: ExtractOptions) -> str | None:
    """For a UTC instant of a page whose zone is unknown: the first date the page shows (or its
    URL holds) within a day of it, which is the publisher's own day; None when that is the
    instant's own day (the instant, with its time, stands)."""
    utc_day = pagedates.local_iso(instant, None, options.default_tz)
    if not utc_day:
        return None
    for value in local:
        day = pagedates.local_iso(value, None, options.default_tz) if value and not pagedates.is_utc(value) else None
        if day and abs(dt.date.fromisoformat(day[:10]) - dt.date.fromisoformat(utc_day[:10])) <= dt.timedelta(days=1):
            return value if day[:10] != utc_day[:10] else None
    return None
