"""When an accepted article is public: its release time, expiry time and draft flag against a
clock. Pure."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Visibility = Literal["public", "scheduled", "expired", "draft"]


def instant(iso: str | None) -> datetime | None:
    """An ISO 8601 time (the extraction contract writes offsets) as an aware datetime."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def release_time(doc: dict) -> datetime | None:
    """When an article may be public: its own release time, else its issue's (an article follows
    its issue's release unless it says otherwise)."""
    return instant(doc.get("release_at")) or instant(doc.get("issue_release_at"))


def issue_release(released_on: object, tz: str) -> datetime | None:
    """An issue's `released_on` day as the instant it begins in the publisher's zone."""
    if not isinstance(released_on, str):
        return None
    try:
        day = date.fromisoformat(released_on[:10])
        zone = ZoneInfo(tz)
    except (ValueError, ZoneInfoNotFoundError):
        return None
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def visibility(doc: dict, now: datetime) -> Visibility:
    """A draft never; after its expiry, expired; before its release, scheduled; else public."""
    if doc.get("draft"):
        return "draft"
    expiry = instant(doc.get("expiry_at"))
    if expiry is not None and expiry <= now:
        return "expired"
    release = release_time(doc)
    if release is not None and release > now:
        return "scheduled"
    return "public"


def next_change(doc: dict, now: datetime) -> tuple[Literal["release", "expire"], datetime] | None:
    """The next time this article's visibility changes by the clock alone, and to what: its release
    while scheduled, its expiry while public. None when nothing is due (a draft, expired, or no times)."""
    state = visibility(doc, now)
    if state == "scheduled":
        return "release", release_time(doc)  # type: ignore[return-value]
    expiry = instant(doc.get("expiry_at"))
    if state == "public" and expiry is not None:
        return "expire", expiry
    return None
