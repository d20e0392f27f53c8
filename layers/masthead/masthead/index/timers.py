"""Which release or expiry timer an article needs after a change, and what it says when it fires.
Pure: the index step sets and clears them through the ReleaseTimers port."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from . import schema as s
from .visibility import next_change

# EventBridge Scheduler fills this in with the time the schedule was set to fire.
SCHEDULED_TIME = "<aws.scheduler.scheduled-time>"
KINDS = ("release", "expire")
# An article with any of these can have a timer (its own release or expiry, or its issue's release).
_TIMED_FIELDS = ("release_at", "expiry_at", "issue_release_at")


def timer_name(kind: str, article_id: str) -> str:
    """A schedule name (at most 64 of [0-9A-Za-z-_.]) that is the same for every version of the
    article: a new version moves the timer instead of adding one."""
    digest = hashlib.sha256(article_id.encode()).hexdigest()[:12]
    return f"{kind}-{article_id[:40]}-{digest}"


@dataclass(frozen=True)
class TimerChanges:
    set: dict[str, tuple[datetime, dict]]  # name -> (when, message)
    clear: tuple[str, ...]


def timer_changes(previous: dict | None, doc: dict | None, now: datetime) -> TimerChanges:
    """The timers of an article after its document became `doc` (None or a tombstone or rejection:
    none). Timers are cleared only where the previous version could have had one, so an article
    that never had release or expiry times costs no scheduler call."""
    article = doc if doc and doc.get("type") == "article" and doc.get("status") == "accepted" else None
    source = article or doc or previous or {}
    # The key's own id (its item's PK), the same for every version, tombstone included.
    pk = str(source.get(s.TABLE_PK, ""))
    if not pk.startswith("ARTICLE#"):
        return TimerChanges({}, ())
    article_id = pk.split("#", 1)[1]
    wanted: dict[str, tuple[datetime, dict]] = {}
    due = next_change(article, now) if article else None
    if due is not None and article is not None:
        kind, at = due
        message = {"kind": kind, "key": article["key"], "sequencer": article["sequencer"], "scheduled_time": SCHEDULED_TIME}
        wanted[timer_name(kind, article_id)] = (at, message)
    had = any((d or {}).get(f) for d in (previous, doc) for f in _TIMED_FIELDS)
    clear = tuple(timer_name(k, article_id) for k in KINDS if had and timer_name(k, article_id) not in wanted)
    return TimerChanges(wanted, clear)
