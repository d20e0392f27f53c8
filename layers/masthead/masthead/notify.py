"""Index changes to notifications: one per real change, decided from a stream record's images. Pure.

The event types, body and attributes are the contract in docs/events.md and
masthead/schemas/notification.schema.json.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from .index import schema as s
from .index.views import article_view, issue_view, to_json_types

SCHEMA_VERSION = "1.0"
EVENT_TYPES = ("article.published", "article.updated", "article.removed", "article.scheduled", "article.rejected", "issue.updated")
# Why a public article left the lists (article.removed), by what it became.
_REMOVAL_REASONS = {"expired": "expired", "draft": "unpublished", "scheduled": "rescheduled"}


@dataclass(frozen=True)
class Notification:
    event_type: str
    body: dict
    attributes: dict[str, str]


def _event_id(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]


def _attributes(event_type: str, doc: dict | None) -> dict[str, str]:
    attributes = {"event_type": event_type}
    for name in ("category", "issue_id", "language"):
        value = (doc or {}).get(name)
        if value:
            attributes[name] = str(value)[:256]
    return attributes


def _envelope(event_type: str, event_id: str, occurred_at: str | None) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "event_id": event_id,
        "event_type": event_type,
        "occurred_at": occurred_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
    }


def _changed_fields(old: dict, new: dict) -> list[str]:
    changed = [f for f in s.ARTICLE_FIELDS if to_json_types(old.get(f)) != to_json_types(new.get(f)) and f not in ("key", "article_id")]
    if (old.get("source") or {}).get("sha256") != (new.get("source") or {}).get("sha256"):
        changed.append("content")
    return changed


def _document_notifications(old: dict | None, new: dict | None) -> list[Notification]:
    # A missing image reads as an empty item: its status (None) says it did not exist.
    before, after = old or {}, new or {}
    old_status, new_status = before.get("status"), after.get("status")
    doc = after or before
    pk = doc[s.TABLE_PK]
    sequencer = after.get("sequencer") or before.get("sequencer")
    if after.get("reindex_run"):
        # The same version, extracted again by a reindex run: an event of its own, not a repeat.
        sequencer = f"{sequencer}/{after['reindex_run']}"
    occurred = after.get("indexed_at")
    if new_status == "rejected":
        if old_status == "rejected" and before.get("fingerprint") == after.get("fingerprint"):
            return []
        return [_rejected(before, after, pk, sequencer, occurred)]
    if doc.get("type") != "article":
        return []  # an accepted or deleted manifest shows up as issue.updated on its issue item
    was_public, is_public = s.is_public(before), s.is_public(after)
    if is_public:
        if was_public and before.get("fingerprint") == after.get("fingerprint"):
            return []
        event_type = "article.updated" if was_public else "article.published"
        body = _envelope(event_type, _event_id(event_type, pk, sequencer), occurred)
        body["article"] = article_view(after)
        if event_type == "article.updated":
            body["changed_fields"] = _changed_fields(before, after)
            body["previous"] = {"issue_id": before.get("issue_id"), "category": before.get("category")}
        return [Notification(event_type, body, _attributes(event_type, after))]
    out = []
    if was_public:  # out of the lists: deleted, expired, made a draft or moved to a later release
        reason = _REMOVAL_REASONS.get(after.get("visibility", ""), "deleted") if new_status == "accepted" else "deleted"
        body = _envelope("article.removed", _event_id("article.removed", pk, sequencer, reason), occurred)
        body["article"] = article_view(before)
        body["reason"] = reason
        out.append(Notification("article.removed", body, _attributes("article.removed", before)))
    if new_status == "accepted" and after.get("visibility") == "scheduled" and _schedule_changed(before, after):
        body = _envelope("article.scheduled", _event_id("article.scheduled", pk, sequencer), occurred)
        body["article"] = article_view(after)
        out.append(Notification("article.scheduled", body, _attributes("article.scheduled", after)))
    return out


def _schedule_changed(before: dict, after: dict) -> bool:
    """Whether editors hear of a scheduled article again: new, moved (its own release time or its
    issue's), or its content changed."""
    return not (
        before.get("visibility") == "scheduled"
        and before.get("release_at") == after.get("release_at")
        and before.get("issue_release_at") == after.get("issue_release_at")
        and before.get("fingerprint") == after.get("fingerprint")
    )


def _rejected(before: dict, after: dict, pk: str, sequencer: str | None, occurred: str | None) -> Notification:
    body = _envelope("article.rejected", _event_id("article.rejected", pk, sequencer), occurred)
    body["rejection"] = {
        "key": after["key"],
        "kind": "article" if after.get("type") == "article" else "issue",
        "article_id": after.get("article_id"),
        "code": after["error"]["code"],
        "message": after["error"]["message"],
        "previous_status": before.get("status"),
    }
    return Notification("article.rejected", body, _attributes("article.rejected", None))


def _issue_notifications(old: dict | None, new: dict | None) -> list[Notification]:
    if new is None:
        return []
    # An issue nobody has described or filled yet looks like this; a change from it is a change.
    before = issue_view(old or {s.TABLE_PK: new[s.TABLE_PK]})
    after = issue_view(new)
    if before == after:
        return []
    body = _envelope("issue.updated", _event_id("issue.updated", new[s.TABLE_PK], new.get("revision")), None)
    body["issue"] = after
    body["changed_fields"] = sorted(k for k in after if before.get(k) != after[k])
    attributes = {"event_type": "issue.updated", "issue_id": after["issue_id"]}
    return [Notification("issue.updated", body, attributes)]


def notifications_for(old: dict | None, new: dict | None) -> list[Notification]:
    """The notifications one index change (old and new image of one item) amounts to."""
    item = new or old
    if not item:
        return []
    sk = item.get(s.TABLE_SK)
    if sk in (s.ARTICLE_SK, s.MANIFEST_SK):
        return _document_notifications(old, new)
    if sk == s.ISSUE_SK:
        return _issue_notifications(old, new)
    return []  # listing entries: covered by their article's own notification
