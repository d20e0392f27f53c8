"""Notifications from index changes (plain images), validated against the published JSON Schema."""

from __future__ import annotations

import jsonschema
import pytest

from masthead.index import schema as s
from masthead.index.plan import plan_change
from masthead.notify import notifications_for
from tests.builders import NOTIFICATION_SCHEMA as SCHEMA
from tests.builders import message, stored_after


def validate(notifications):
    for n in notifications:
        jsonschema.validate(n.body, SCHEMA, format_checker=jsonschema.FormatChecker())
        assert n.body["event_type"] == n.event_type == n.attributes["event_type"]
    return notifications


def test_publish_update_remove_sequence():
    v1 = stored_after(plan_change(message(seq="0A"), None))
    (published,) = validate(notifications_for(None, v1))
    assert published.event_type == "article.published"
    assert published.attributes == {"event_type": "article.published", "category": "News", "issue_id": "iolite-vol-1", "language": "en"}
    assert published.body["article"]["title"] == "T"

    v2 = stored_after(plan_change(message(seq="0B", title="T2", sha="s2"), v1))
    (updated,) = validate(notifications_for(v1, v2))
    assert updated.event_type == "article.updated"
    assert "title" in updated.body["changed_fields"] and "content" in updated.body["changed_fields"]

    v3 = stored_after(plan_change(message(seq="0C", action="delete"), v2))
    (removed,) = validate(notifications_for(v2, v3))
    assert removed.event_type == "article.removed"
    assert removed.body["article"]["title"] == "T2"


def test_identical_reupload_and_listing_entries_send_nothing():
    v1 = stored_after(plan_change(message(seq="0A"), None))
    same = plan_change(message(seq="0B"), v1)
    assert notifications_for(v1, same.ops[0].item) == []
    listing = next(op.item for op in plan_change(message(seq="0A"), None).ops if op.item.get("type") == "listing")
    assert notifications_for(None, listing) == []


def test_event_id_is_stable_for_the_same_change_and_differs_between_changes():
    v1 = stored_after(plan_change(message(seq="0A"), None))
    first = notifications_for(None, v1)[0].body["event_id"]
    assert notifications_for(None, v1)[0].body["event_id"] == first  # a redelivered stream record
    v2 = stored_after(plan_change(message(seq="0B", title="x", sha="s2"), v1))
    assert notifications_for(v1, v2)[0].body["event_id"] != first


def test_rejection_notification_carries_code_and_editor_message_once():
    from masthead.messages import IndexMessage, SourceObject

    def rejected(seq, sha):
        return IndexMessage(
            action="upsert",
            key="articles/a/bad.md",
            sequencer=seq.ljust(40, "0"),
            source=SourceObject(bucket="b", key="articles/a/bad.md", sha256=sha),
            extraction={"key": "articles/a/bad.md", "status": "rejected", "error": {"code": "empty_file", "message": "Empty."}},
        )

    r1 = stored_after(plan_change(rejected("0A", "x"), None))
    (n,) = validate(notifications_for(None, r1))
    assert n.body["rejection"]["code"] == "empty_file" and n.body["rejection"]["message"] == "Empty."
    r2 = stored_after(plan_change(rejected("0B", "x"), r1))
    assert notifications_for(r1, r2) == []  # the same bad file again


def test_issue_updated_only_when_visible_fields_change():
    pk = {s.TABLE_PK: "ISSUE#iolite-vol-1", s.TABLE_SK: s.ISSUE_SK}
    bare = {**pk, "revision": 1}
    assert notifications_for(None, bare) == []  # nothing visible yet
    counted = {**pk, "revision": 2, "article_count": 1, "cat:News": 1, "issue_id": "iolite-vol-1"}
    (n,) = validate(notifications_for(bare, counted))
    assert n.body["issue"]["article_count"] == 1 and n.body["issue"]["categories"] == ["News"]
    assert n.attributes == {"event_type": "issue.updated", "issue_id": "iolite-vol-1"}
    assert notifications_for(counted, {**counted, "revision": 3}) == []


@pytest.mark.parametrize("event_type", ["article.published", "article.updated", "article.removed", "article.rejected", "issue.updated"])
def test_schema_documents_every_event_type(event_type):
    assert event_type in SCHEMA["properties"]["event_type"]["enum"]
