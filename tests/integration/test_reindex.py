"""Reindex runs on moto: the template's state machine (its real definition, run by moto's Step
Functions) feeding ReindexFunction, then the pipeline as for uploads.

"The extractor upgrade" is played by a new EXTRACTOR_VERSION and a changed rule: uploads under
articles/2025/04/ get one more tag, and a file the old rules rejected (a title and no body) is read
with the body its editors meant it to have.
"""

from __future__ import annotations

import json
import threading
from dataclasses import replace

import pytest

import masthead
from masthead.errors import Unprocessable
from masthead.ids import article_id_for_key
from masthead.service import extract_step, reindex_step
from masthead_tools import reindex as reindex_tools
from masthead_tools.local.stack import LocalStack, embedded_aws, upload_folder
from masthead_tools.reindex import read_progress, run_counts
from tests.builders import SAMPLES, TEMPLATE

CHANGED_FOLDER = "articles/2025/04/"
LATE_BODY = "articles/late/needs-body.md"
NEW_VERSION = "2099.1.0"


def _upgrade_extractor(monkeypatch) -> None:
    real_extract = extract_step.extract

    def upgraded(key, data, options=None):
        if key == LATE_BODY:
            data += b"\nThe body the old rules could not find, read by the new ones.\n"
        result = real_extract(key, data, options)
        metadata = result.metadata
        if key.startswith(CHANGED_FOLDER) and metadata.status == "accepted":
            result = type(result)(replace(metadata, tags=[*metadata.tags, "reindexed"]), result.body)
        return result

    monkeypatch.setattr(masthead, "EXTRACTOR_VERSION", NEW_VERSION)
    monkeypatch.setattr(extract_step, "extract", upgraded)


def _indexed(stack: LocalStack) -> LocalStack:
    upload_folder(stack, SAMPLES)
    stack.upload(LATE_BODY, b"---\ntitle: A title and nothing else\n---\n")
    stack.run_until_idle()
    stack.notifications()
    return stack


def _documents(stack: LocalStack) -> dict[str, dict]:
    """Every document item (articles, manifests), by key, without what a run stamps on it."""
    found = {}
    for page in stack.dynamodb.get_paginator("scan").paginate(TableName=stack.table):
        for item in page["Items"]:
            if item["SK"]["S"] in ("ARTICLE", "MANIFEST"):
                doc = {k: v for k, v in item.items() if k not in ("indexed_at", "reindex_run", "rejected_at", "first_indexed_at")}
                found[item["key"]["S"]] = doc
    return found


def _progress(stack: LocalStack, execution: str, run_id: str):
    return read_progress(stack.session.client("stepfunctions"), stack.dynamodb, stack.table, execution, run_id)


def _keys(notifications: list[dict], event_type: str) -> list[str]:
    return sorted(
        (n["body"].get("article") or n["body"].get("rejection") or {}).get("key", "")
        for n in notifications
        if n["event_type"] == event_type
    )


def test_a_run_updates_exactly_the_items_whose_extraction_changed(stack, monkeypatch):
    _indexed(stack)
    before = _documents(stack)
    _upgrade_extractor(monkeypatch)

    execution = stack.start_reindex("run-1")
    assert stack.wait_for_execution(execution)["status"] == "SUCCEEDED"
    stack.run_until_idle()

    after = _documents(stack)
    changed = sorted(k for k in after if {**after[k], "extractor_version": None} != {**before[k], "extractor_version": None})
    in_folder = sorted(k for k, d in before.items() if k.startswith(CHANGED_FOLDER) and d["status"]["S"] == "accepted")
    assert in_folder and changed == sorted([*in_folder, LATE_BODY])
    assert {d["extractor_version"]["S"] for d in after.values()} == {NEW_VERSION}
    notifications = stack.notifications()
    assert _keys(notifications, "article.updated") == in_folder
    assert _keys(notifications, "article.published") == [LATE_BODY]
    assert len(notifications) == len(in_folder) + 1  # nothing for the items that came out the same
    updated = next(n for n in notifications if n["event_type"] == "article.updated")
    assert updated["body"]["changed_fields"] == ["tags"]
    progress = _progress(stack, execution, "run-1")
    assert progress.listed == progress.done == progress.sent == progress.indexed == len(before)
    assert progress.changed == len(in_folder) + 1 and progress.failed == 0
    assert stack.dead_letters() == dict.fromkeys(stack.dead_letters(), 0)


@pytest.mark.parametrize("upload_first", [False, True], ids=["run-message-first", "upload-first"])
def test_a_new_upload_during_the_run_wins(stack, monkeypatch, upload_first):
    _indexed(stack)
    key = f"{CHANGED_FOLDER}bitcoin-record-high.txt"
    _upgrade_extractor(monkeypatch)
    assert stack.wait_for_execution(stack.start_reindex("run-2"))["status"] == "SUCCEEDED"
    newer = "Bitcoin record high, corrected\n\nA corrected report, uploaded while the run was going.\n"
    index_queue = stack.queue_urls["IndexQueue"]
    if upload_first:  # the run's messages wait while the new upload goes all the way through
        held = []
        while messages := stack.sqs.receive_message(QueueUrl=index_queue, MaxNumberOfMessages=10).get("Messages", []):
            held += [m["Body"] for m in messages]
            for m in messages:
                stack.sqs.delete_message(QueueUrl=index_queue, ReceiptHandle=m["ReceiptHandle"])
        stack.upload(key, newer.encode())
        stack.run_until_idle()
        for body in held:
            stack.sqs.send_message(QueueUrl=index_queue, MessageBody=body)
    else:
        stack.upload(key, newer.encode())
    stack.run_until_idle()

    article = stack.reader().get_article(article_id_for_key(key))
    assert article["title"] == "Bitcoin record high, corrected"
    assert "reindexed" in article["tags"]  # the upload, extracted by the new rules
    item = stack.dynamodb.get_item(TableName=stack.table, Key={"PK": {"S": f"ARTICLE#{article['article_id']}"}, "SK": {"S": "ARTICLE"}})
    assert "reindex_run" not in item["Item"]  # the upload's version, not the run's
    counts = _run_counts(stack, "run-2")
    assert counts.get("indexed_stale", 0) == (1 if upload_first else 0)


def _run_counts(stack: LocalStack, run_id: str) -> dict[str, int]:
    return run_counts(stack.dynamodb, stack.table, run_id)


def _interrupt_after(monkeypatch, batches: int) -> None:
    """The run's batches after the first `batches` fail (no retry helps): the run stops half done."""
    real = reindex_step.ReindexStep.handle
    calls = {"n": 0}

    def failing(self, batch, seconds=None):
        calls["n"] += 1
        if calls["n"] > batches:
            raise Unprocessable("interrupted by the test")
        return real(self, batch, seconds)

    monkeypatch.setattr(reindex_step.ReindexStep, "handle", failing)


def _outcome(interrupt: bool) -> tuple[dict, list, dict]:
    with embedded_aws():
        stack = _indexed(LocalStack(TEMPLATE).create())
        with pytest.MonkeyPatch.context() as patch:
            _upgrade_extractor(patch)
            if interrupt:
                with pytest.MonkeyPatch.context() as breaking:
                    _interrupt_after(breaking, 8)
                    execution = stack.start_reindex("run-3")
                    first = stack.wait_for_execution(execution)
                    stack.run_until_idle()
                # Batches failed for good: the run fails (AWS), or its map run counts them (moto,
                # which does not apply the map's failure tolerance); either way it needs resuming.
                interrupted = _progress(stack, execution, "run-3")
                assert first["status"] == "FAILED" or interrupted.failed == interrupted.listed - 8
                assert _run_counts(stack, "run-3")["checked"] == 8
            assert stack.wait_for_execution(stack.start_reindex("run-3"))["status"] == "SUCCEEDED"
            stack.run_until_idle()
            notifications = stack.notifications()
            # A second run over what this one left: nothing is outdated any more.
            again = stack.wait_for_execution(stack.start_reindex("run-4", outdated_only=True))
            stack.run_until_idle()
            assert again["status"] == "SUCCEEDED"
            assert stack.notifications() == []
            return _documents(stack), notifications, _run_counts(stack, "run-4")


def _content(documents: dict[str, dict]) -> dict[str, tuple]:
    """What two stacks can agree on (their sequencers, versions and times differ): each key's
    status, visibility, extractor and fingerprint (a hash of everything extracted)."""
    return {
        key: tuple((doc.get(name) or {}).get("S") for name in ("status", "visibility", "extractor_version", "fingerprint"))
        for key, doc in documents.items()
    }


def test_an_interrupted_run_resumed_ends_as_an_uninterrupted_one_and_a_second_run_does_nothing():
    documents, notifications, second = _outcome(interrupt=False)
    resumed_documents, resumed_notifications, resumed_second = _outcome(interrupt=True)

    def announced(found):
        return sorted((n["event_type"], json.dumps(n["body"].get("article", {}).get("key"))) for n in found)

    assert _content(resumed_documents) == _content(documents)
    assert {v[2] for v in _content(documents).values()} == {NEW_VERSION}
    assert announced(resumed_notifications) == announced(notifications)
    assert len({n["body"]["event_id"] for n in resumed_notifications}) == len(resumed_notifications)
    for counts in (second, resumed_second):
        assert counts["checked"] == counts["skipped_current"] == len(documents)
        assert "sent" not in counts and "indexed" not in counts


def test_only_a_prefix_and_only_pipeline_keys_are_reextracted(stack, monkeypatch):
    _indexed(stack)
    stack.s3.put_object(Bucket=stack.bucket, Key="exports/not-an-article.md", Body=b"# no")
    _upgrade_extractor(monkeypatch)
    assert stack.wait_for_execution(stack.start_reindex("run-5", prefix=CHANGED_FOLDER))["status"] == "SUCCEEDED"
    stack.run_until_idle()
    counts = _run_counts(stack, "run-5")
    in_folder = [k for k in _documents(stack) if k.startswith(CHANGED_FOLDER)]
    assert counts["checked"] == counts["sent"] == len(in_folder)
    assert {n["event_type"] for n in stack.notifications()} == {"article.updated"}
    assert stack.wait_for_execution(stack.start_reindex("run-6"))["status"] == "SUCCEEDED"
    assert _run_counts(stack, "run-6")["skipped_elsewhere"] == 1


def test_a_key_the_index_never_saw_is_indexed_and_a_deleted_one_is_not_brought_back(stack):
    _indexed(stack)
    stack.s3.put_object(
        Bucket=stack.bucket, Key="articles/lost/event-lost.md", Body=b"---\ntitle: Lost event\n---\nIts event never came.\n"
    )
    stack.delete("articles/2025/01/defi-rules-japan.md")
    stack.run_until_idle()
    stack.notifications()
    assert stack.wait_for_execution(stack.start_reindex("run-7"))["status"] == "SUCCEEDED"
    stack.run_until_idle()
    notifications = stack.notifications()
    assert _keys(notifications, "article.published") == ["articles/lost/event-lost.md"]
    assert len(notifications) == 1
    assert stack.reader().get_article(article_id_for_key("articles/2025/01/defi-rules-japan.md")) is None


def test_masthead_reindex_starts_a_run_and_shows_its_progress_until_the_index_has_handled_it(stack, monkeypatch, capsys):
    """The command as an operator runs it (here against the embedded AWS): it starts the run and
    returns once every message the run queued has been indexed, with the run's counts."""
    from masthead_tools.cli import main

    _indexed(stack)
    _upgrade_extractor(monkeypatch)
    real_read = reindex_tools.read_progress

    def read_between_invocations(*args, **kwargs):
        # The command's thread reads the embedded AWS while this one runs the functions that write
        # it (a DynamoDB item changing while a query read it failed the command's thread once).
        with stack.exclusively():
            return real_read(*args, **kwargs)

    monkeypatch.setattr(reindex_tools, "read_progress", read_between_invocations)
    arguments = ["reindex", "--state-machine-arn", stack.state_machines["ReindexStateMachine"], "--table", stack.table]
    finished: dict = {}
    command = threading.Thread(target=lambda: finished.update(code=main([*arguments, "--outdated-only", "--json", "--interval", "0.05"])))
    command.start()
    while command.is_alive():  # the index side, as IndexFunction's event source mapping would run it
        stack.run_until_idle()
        command.join(0.05)

    assert finished["code"] == 0
    captured = capsys.readouterr()
    final = json.loads(captured.out.strip().splitlines()[-1])
    documents = _documents(stack)
    assert final["status"] == "SUCCEEDED" and final["failed"] == 0
    assert final["counts"]["sent"] == final["counts"]["indexed"] == final["listed"] == len(documents)
    assert final["changed"] == len([k for k, d in documents.items() if k.startswith(CHANGED_FOLDER) and d["status"]["S"] == "accepted"]) + 1
    assert "started reindex-" in captured.err and f"{len(documents)}/{len(documents)} objects" in captured.err
