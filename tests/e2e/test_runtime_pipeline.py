"""The whole pipeline with every function under the real Lambda runtime (the SAM CLI's emulator and
awslambdaric on Python 3.13, `masthead demo --runtime lambda`): the built layer, the template's
Timeout and MemorySize, a moto server for AWS. What in-process runs cannot show: timeouts that kill
a batch, memory limits, init errors. Slow: a build (once) and a runtime per function."""

from __future__ import annotations

import sys
from collections import Counter

import pytest

from masthead_tools.local.demo import final_state, run_pipeline
from masthead_tools.local.runtime import MemoryLimit
from masthead_tools.local.stack import LocalStack, aws_for
from tests.builders import SAMPLES, SLOW_PAGE_BUDGET_SECONDS, TEMPLATE, slow_page

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the emulator runs on Linux")

GOOD_FIRST = b"# First\n\nThe first good article of the batch, with a few words.\n"
GOOD_LAST = b"# Last\n\nThe last good article of the batch, with a few words.\n"
PAGE = b"<html><head><title>Page</title></head><body><h1>Page</h1><p>A short page of a few words.</p></body></html>"


def _outcome(state: dict) -> dict:
    """What a reader of the index and a subscriber see, without times and version ids."""
    return {
        "articles": sorted((a["key"], a["title"], tuple(a["authors"]), a["published_at"], a["issue_id"]) for a in state["articles"]),
        "issues": sorted((i["issue_id"], i["title"], i["article_count"]) for i in state["issues"]),
        "rejected": sorted((r["key"], r["error"]["code"]) for r in state["rejected"]),
        "notifications": Counter(
            (n["event_type"], (n["body"].get("article") or n["body"].get("rejection") or n["body"].get("issue") or {}).get("key"))
            for n in state["notifications"]
        ),
        "dead_letters": {k: v for k, v in state["dead_letters"].items() if v},
    }


def test_the_samples_under_the_lambda_runtime_end_exactly_as_in_process():
    in_process = _outcome(run_pipeline(SAMPLES, TEMPLATE))
    under_runtime = _outcome(run_pipeline(SAMPLES, TEMPLATE, runtime="lambda"))
    assert under_runtime == in_process
    assert under_runtime["articles"] and under_runtime["rejected"] and not under_runtime["dead_letters"]


def _reads_of(key: str):
    """Matches the S3 reads of one key (the target is bucket/key, with ?versionId= when given)."""
    return lambda call: call.action == "GetObject" and call.target.partition("?")[0].endswith("/" + key)


def _run(uploads: dict[str, bytes], overrides: dict, slow_reads: tuple[str, ...] = ()) -> tuple[dict, list]:
    """Upload, run the pipeline under the runtime until idle; the final state and every call.
    S3 answers reads of the `slow_reads` keys after 3 s."""
    with aws_for("lambda") as server, LocalStack(TEMPLATE, runtime="lambda", overrides=overrides).create() as stack:
        for key in slow_reads:
            server.delay(_reads_of(key), seconds=3)
        for key, data in uploads.items():
            stack.upload(key, data)
        stack.run_until_idle()
        return final_state(stack), stack.invocations


def test_an_upload_over_its_time_budget_is_rejected_and_its_batch_neighbours_indexed():
    uploads = {"articles/batch/first.md": GOOD_FIRST, "articles/batch/slow.html": slow_page(), "articles/batch/last.md": GOOD_LAST}
    budget = {"EXTRACT_TIME_BUDGET_SECONDS": SLOW_PAGE_BUDGET_SECONDS, "BATCH_RESERVE_SECONDS": "1"}
    state, calls = _run(uploads, {"ExtractFunction": {"Timeout": 8, "Environment": budget}})
    outcome = _outcome(state)
    assert [a[0] for a in outcome["articles"]] == ["articles/batch/first.md", "articles/batch/last.md"]
    assert outcome["rejected"] == [("articles/batch/slow.html", "too_slow")]
    assert outcome["dead_letters"] == {}
    assert not any(done.failed for _, done in calls)  # no call timed out: the budget, not the runtime, stopped it


def test_a_batch_that_outlives_the_timeout_is_retried_whole_then_dead_lettered_and_nothing_is_indexed():
    # S3 answers the second upload's read after 3 s, past the function's 1 s Timeout: the runtime
    # kills the call, as on AWS, so every record of the batch returns to the queue and, after its
    # receives, lands in the dead-letter queue; none is lost and none is half-indexed (the other
    # upload is not indexed either, though it may have been extracted when the call died). No reserve: with one
    # above the Timeout, the handler would hand the records back without starting them.
    uploads = {"articles/batch/first.md": GOOD_FIRST, "articles/batch/stalled.html": PAGE}
    state, calls = _run(
        uploads,
        {"ExtractFunction": {"Timeout": 1, "Environment": {"BATCH_RESERVE_SECONDS": "0"}}},
        slow_reads=("articles/batch/stalled.html",),
    )
    assert state["articles"] == [] and state["rejected"] == []
    assert state["dead_letters"]["IngestDeadLetterQueue"] == 2
    assert calls and all(done.timed_out for name, done in calls if name == "ExtractFunction")


def test_an_init_error_fails_every_call_and_its_messages_are_dead_lettered_not_lost():
    state, calls = _run({"articles/batch/first.md": GOOD_FIRST}, {"ExtractFunction": {"Handler": "app.no_such_handler"}})
    assert state["articles"] == [] and state["notifications"] == []
    assert state["dead_letters"]["IngestDeadLetterQueue"] == 1
    extract_calls = [done for name, done in calls if name == "ExtractFunction"]
    assert len(extract_calls) == 5  # the ingest queue's maxReceiveCount, then the dead-letter queue
    assert all(done.error and not done.report for done in extract_calls)


@pytest.mark.skipif(not MemoryLimit.available(), reason="no memory cgroup can be made on this machine (the limit is reported, not held)")
def test_a_function_over_its_memory_size_is_killed_and_its_messages_dead_lettered():
    state, calls = _run({"articles/batch/first.md": GOOD_FIRST}, {"ExtractFunction": {"MemorySize": 40}})
    assert state["articles"] == []
    assert state["dead_letters"]["IngestDeadLetterQueue"] == 1
    extract_calls = [done for name, done in calls if name == "ExtractFunction"]
    assert extract_calls and all(done.failed and done.out_of_memory for done in extract_calls)
