"""S3 notification parsing: key decoding, test events, ordering by sequencer."""

from __future__ import annotations

import json

import pytest

from masthead.s3events import NotAnS3Event, is_newer, normalise_sequencer, parse_notification
from tests.builders import load_event


def test_url_encoded_key_with_space_and_non_ascii_is_decoded():
    notification = json.loads(load_event("extract-s3-put.json")["Records"][0]["body"])
    # The events/ file has no version id (a local bucket's would not match it); AWS sends one.
    notification["Records"][0]["s3"]["object"]["versionId"] = "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"
    (event,) = parse_notification(json.dumps(notification))
    assert event.key == "articles/iolite-vol-12/Web3 特集 インタビュー.md"
    assert event.action == "created"
    assert event.version_id == "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY"
    assert event.sequencer == normalise_sequencer("0055AED6DCD90281E5")


def test_every_record_of_a_message_is_decoded_not_only_the_first():
    put = json.loads(load_event("extract-s3-put.json")["Records"][0]["body"])["Records"][0]
    second = json.loads(json.dumps(put))
    second["s3"]["object"]["key"] = "articles/a+b%2Fc%28d%29.md"
    events = parse_notification({"Records": [put, second]})
    assert [e.key for e in events] == ["articles/iolite-vol-12/Web3 特集 インタビュー.md", "articles/a b/c(d).md"]


def test_delete_marker_event():
    (event,) = parse_notification(load_event("extract-s3-delete.json")["Records"][0]["body"])
    assert event.action == "removed"
    assert event.event_name == "ObjectRemoved:DeleteMarkerCreated"


def test_s3_test_event_has_no_records():
    assert parse_notification(load_event("extract-s3-test-event.json")["Records"][0]["body"]) == []


def test_s3_event_wrapped_in_sns_envelope():
    inner = load_event("extract-s3-put.json")["Records"][0]["body"]
    (event,) = parse_notification(json.dumps({"Type": "Notification", "Message": inner}))
    assert event.key.endswith("インタビュー.md")


@pytest.mark.parametrize("body", ["not json", "[]", '{"hello": 1}', '{"Records": [{"eventSource": "aws:sqs"}]}'])
def test_messages_that_are_not_s3_events_raise(body):
    with pytest.raises(NotAnS3Event):
        parse_notification(body)


def test_sequencers_compare_after_right_padding():
    # Shorter sequencers are right-padded with zeros before comparing, as S3 documents.
    assert is_newer("0055AED6DCD90281E6", "0055AED6DCD90281E5")
    assert is_newer("0055AED6DCD90281E50", "0055AED6DCD90281E")
    assert not is_newer("0055AED6DCD90281E5", "0055AED6DCD90281E50")  # equal once padded
    assert not is_newer("0055AED6DCD90281E4", "0055AED6DCD90281E5")
    assert is_newer("01", None)


def test_events_without_sequencer_are_ordered_by_event_time():
    def record(time):
        return {
            "eventSource": "aws:s3",
            "eventName": "ObjectCreated:Put",
            "eventTime": time,
            "s3": {"bucket": {"name": "b"}, "object": {"key": "articles/x.md"}},
        }

    (early,) = parse_notification({"Records": [record("2025-01-01T00:00:00.000Z")]})
    (late,) = parse_notification({"Records": [record("2025-01-01T00:00:01.000Z")]})
    assert is_newer(late.sequencer, early.sequencer)


def test_eventbridge_object_deleted_and_ignored_detail_types():
    deleted = {
        "version": "0",
        "detail-type": "Object Deleted",
        "source": "aws.s3",
        "time": "2024-04-01T00:00:00Z",
        "detail": {
            "bucket": {"name": "b"},
            "object": {"key": "articles/a+b.md", "sequencer": "0A"},
            "deletion-type": "Delete Marker Created",
        },
    }
    (event,) = parse_notification(json.dumps(deleted))
    assert (event.action, event.key, event.sequencer) == ("removed", "articles/a b.md", "0A".ljust(40, "0"))
    assert parse_notification(json.dumps({**deleted, "detail-type": "Object Tags Added"})) == []


@pytest.mark.parametrize(
    "body, reason",
    [
        (
            '{"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": "k", "sequencer": "XYZ"}}}]}',
            "hexadecimal",
        ),
        (
            '{"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": "k", "sequencer": "'
            + "0" * 41
            + '"}}}]}',
            "longer",
        ),
        (
            '{"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": "b"}, "object": {"key": 5}}}]}',
            "string",
        ),
        ('{"source": "aws.s3", "detail-type": "Object Created", "detail": {"bucket": {"name": "b"}, "object": {}}}', "no bucket or key"),
    ],
)
def test_malformed_events_are_not_s3_events(body, reason):
    with pytest.raises(NotAnS3Event, match=reason):
        parse_notification(body)
