"""When an accepted article is public: its release time, expiry time and draft flag against a
clock. Pure."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

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


def visibility(doc: dict, now: datetime) -> Visibility:
    """A draft never; after its expiry, expired; before its release, scheduled; else public."""
    if doc.get("draft"):
        return "draft"
    expiry = instant(doc.get("expiry_at"))
    if expiry is not None and expiry <= now:
        return "expired"
    release = instant(doc.get("release_at"))
    if release is not None and release > now:
        return "scheduled"
    return "public"


def next_change(doc: dict, now: datetime) -> tuple[Literal["release", "expire"], datetime] | None:
    """The next time this article's visibility changes by the clock alone, and to what: its release
    while scheduled, its expiry while public. None when nothing is due (a draft, expired, or no times)."""
    state = visibility(doc, now)
    if state == "scheduled":
        return "release", instant(doc["release_at"])  # type: ignore[return-value]
    expiry = instant(doc.get("expiry_at"))
    if state == "public" and expiry is not None:
        return "expire", expiry
    return None
