"""`masthead up`: the pipeline on a local endpoint that stays up, used by plain AWS clients.

Any client talks to it as to AWS: boto3 with `endpoint_url` here, as the AWS CLI would. Uploads,
deletes and renames go through the whole pipeline within seconds, with the notifications
docs/events.md describes; the command stops cleanly on SIGINT and SIGTERM; a long run of random
changes leaves no threads behind and keeps its memory bounded.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import boto3
import pytest

from masthead.ids import article_id_for_key
from masthead_tools.local.server import free_port
from masthead_tools.local.soak import RandomChanges, UpProcess, soak
from masthead_tools.local.up import LocalMasthead
from masthead_tools.reader import IndexReader
from masthead_tools.tail import find_topic, tail
from tests.builders import ROOT, SAMPLES, TEMPLATE


def _client(service: str, endpoint: str):
    return boto3.client(service, endpoint_url=endpoint, region_name="ap-northeast-1", aws_access_key_id="any", aws_secret_access_key="any")


def _until(condition, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.05)
    raise AssertionError("not within the time")


class _Tail:
    """`masthead tail` in a thread: the notifications a subscriber gets from now on."""

    def __init__(self, endpoint: str, count: int) -> None:
        self.sns, self.sqs = _client("sns", endpoint), _client("sqs", endpoint)
        topic = find_topic(self.sns, "masthead-local")
        assert topic
        before = len(self.sns.list_subscriptions()["Subscriptions"])
        self.lines: list[str] = []
        out = type("Out", (), {"write": lambda _, text: self.lines.append(text), "flush": lambda _: None})()
        self.thread = threading.Thread(target=tail, args=(self.sqs, self.sns, topic, count, 30.0, True, out), daemon=True)
        self.thread.start()
        _until(lambda: len(self.sns.list_subscriptions()["Subscriptions"]) > before)

    def events(self) -> list[tuple[str, str]]:
        import json

        self.thread.join(timeout=35)
        bodies = [json.loads(line) for line in self.lines if line.strip()]
        return [(b["event_type"], (b.get("article") or b.get("rejection") or {}).get("key")) for b in bodies]


@pytest.fixture
def local():
    with LocalMasthead(TEMPLATE, free_port()) as running:
        running.seed(SAMPLES)
        assert running.wait_idle(120)
        yield running


def test_uploads_deletes_renames_and_bad_files_from_any_client_flow_through_within_seconds(local):
    info = local.describe()
    s3, reader = _client("s3", info["endpoint"]), IndexReader(_client("dynamodb", info["endpoint"]), info["table"])
    bucket = info["bucket"]
    watcher = _Tail(info["endpoint"], count=5)

    started = time.monotonic()
    s3.put_object(Bucket=bucket, Key="articles/2026/11/local-dev.md", Body=b"---\ntitle: Developed locally\n---\nA body.\n")
    article = _until(lambda: reader.get_article(article_id_for_key("articles/2026/11/local-dev.md")))
    assert article["title"] == "Developed locally" and time.monotonic() - started < 5
    # A rename is a copy and a delete (what `aws s3 mv` does): a new id, the old one removed.
    s3.copy_object(Bucket=bucket, Key="articles/2026/11/renamed.md", CopySource={"Bucket": bucket, "Key": "articles/2026/11/local-dev.md"})
    s3.delete_object(Bucket=bucket, Key="articles/2026/11/local-dev.md")
    _until(lambda: reader.get_article(article_id_for_key("articles/2026/11/renamed.md")))
    _until(lambda: reader.get_article(article_id_for_key("articles/2026/11/local-dev.md")) is None)
    s3.put_object(Bucket=bucket, Key="articles/2026/11/broken.json", Body=b"{")
    rejected = _until(lambda: [r for r in reader.all_pages(reader.rejected) if r["key"] == "articles/2026/11/broken.json"])
    assert rejected[0]["error"]["code"] and rejected[0]["error"]["message"]
    s3.delete_object(Bucket=bucket, Key="articles/2026/11/renamed.md")

    assert watcher.events() == [
        ("article.published", "articles/2026/11/local-dev.md"),
        ("article.published", "articles/2026/11/renamed.md"),
        ("article.removed", "articles/2026/11/local-dev.md"),
        ("article.rejected", "articles/2026/11/broken.json"),
        ("article.removed", "articles/2026/11/renamed.md"),
    ]
    assert local.errors == []


def test_the_reader_finds_the_local_table_without_being_told(local, capsys):
    from masthead_tools.cli import main

    assert main(["articles", "--endpoint-url", local.describe()["endpoint"], "--limit", "50"]) == 0
    assert "Japan's FSA outlines rules for DeFi intermediaries" in capsys.readouterr().out  # a sample's title


def test_a_reindex_run_against_the_local_endpoint_re_extracts_every_object_and_changes_nothing_current(capsys):
    """`masthead reindex --endpoint-url`: moto's Step Functions on the endpoint run the template's
    state machine, its Lambda tasks answered by the stack's handlers. With the same extractor every
    object is checked and none is changed or announced again."""
    import json

    from masthead_tools.cli import main

    shown: list[str] = []
    with LocalMasthead(TEMPLATE, free_port(), say=shown.append) as running:
        running.seed(SAMPLES)
        assert running.wait_idle(120)
        endpoint, bucket = running.describe()["endpoint"], running.describe()["bucket"]
        objects = sum(page.get("KeyCount", 0) for page in _client("s3", endpoint).get_paginator("list_objects_v2").paginate(Bucket=bucket))
        announced = sum(line.startswith("  > ") for line in shown)
        capsys.readouterr()
        assert main(["reindex", "--endpoint-url", endpoint, "--json", "--interval", "0.2"]) == 0
        progress = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert running.wait_idle(60) and running.errors == []
    assert announced > 20 and sum(line.startswith("  > ") for line in shown) == announced  # nothing announced again
    assert progress["status"] == "SUCCEEDED" and progress["failed"] == 0
    assert progress["counts"]["checked"] == objects and progress["changed"] == 0


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_masthead_up_starts_serves_and_stops_cleanly(signum):
    port = free_port()
    command = [sys.executable, "-m", "masthead_tools.cli", "up", "--port", str(port), "--source", str(SAMPLES)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ})
    try:
        started, lines = time.monotonic(), []
        while not any("Ctrl-C stops it." in line for line in lines):
            line = process.stdout.readline()
            assert line, "".join(lines)[-2000:]
            lines.append(line)
        assert time.monotonic() - started < 30, "".join(lines)  # resources created and seeded in seconds
        endpoint = f"http://127.0.0.1:{port}"
        assert f"AWS at {endpoint}" in "".join(lines)
        bucket = next(line.split()[-1] for line in lines if line.strip().startswith("bucket"))
        _client("s3", endpoint).put_object(Bucket=bucket, Key="articles/x/hello.md", Body=b"---\ntitle: Hello\n---\nBody.\n")
        table = next(line.split()[-1] for line in lines if line.strip().startswith("table"))
        reader = IndexReader(_client("dynamodb", endpoint), table)
        _until(lambda: reader.get_article(article_id_for_key("articles/x/hello.md")), timeout=30)
        process.send_signal(signum)
        out, _ = process.communicate(timeout=60)
        assert process.returncode == 0, out[-2000:]
        assert "stopped" in out
    finally:
        if process.poll() is None:
            process.kill()


def test_a_long_run_of_random_changes_keeps_memory_and_threads_level_and_stops_cleanly(tmp_path):
    """An hour of editors' work, shortened (MASTHEAD_SOAK_CHANGES, 400 by default): random uploads,
    updates and deletes over a few dozen keys, sent to `masthead up` in a process of its own. After
    every 40 changes the index must list exactly what the bucket holds (none lost, none out of
    order); memory and threads are read from outside once caches are warm. What a versioned bucket
    keeps grows with every change (a few KB), so memory may creep, not climb: a leak of a copy of
    the table per change (what moto's bookkeeping did before) is megabytes a change."""
    total = int(os.environ.get("MASTHEAD_SOAK_CHANGES", "400"))
    with UpProcess(free_port(), tmp_path / "up.log", ROOT) as up:
        reader = IndexReader(_client("dynamodb", up.endpoint), up.named("table"))
        changes = RandomChanges(_client("s3", up.endpoint), up.named("bucket"), keys=30)
        samples = soak(up, changes, lambda: {a["key"]: a["title"] for a in reader.all_pages(reader.latest_articles)}, total)
        assert up.stop(signal.SIGINT) == 0
    log = (tmp_path / "up.log").read_text(encoding="utf-8")
    assert " ! " not in log and log.rstrip().endswith("stopped"), log[-3000:]  # no round failed; a clean stop
    warm, last = samples[1], samples[-1]  # from 80 changes on, every key has been seen
    grown, made = last.rss_mb - warm.rss_mb, last.changes - warm.changes
    assert grown < 0.1 * made + 20, [(s.changes, round(s.rss_mb)) for s in samples]
    assert max(s.threads for s in samples[1:]) <= warm.threads + 4, [(s.changes, s.threads) for s in samples]


def test_a_restart_with_state_keeps_the_bucket_and_rebuilds_the_same_index(tmp_path):
    def titles(running) -> dict[str, str]:
        reader = IndexReader(_client("dynamodb", running.describe()["endpoint"]), running.describe()["table"])
        return {a["key"]: a["title"] for a in reader.all_pages(reader.latest_articles)}

    with LocalMasthead(TEMPLATE, free_port(), state=tmp_path) as first:
        first.seed(SAMPLES)
        s3 = _client("s3", first.describe()["endpoint"])
        s3.put_object(
            Bucket=first.describe()["bucket"], Key="articles/kept/日本語 の 記事.md", Body="---\ntitle: 残る\n---\n本文。\n".encode()
        )
        s3.delete_object(Bucket=first.describe()["bucket"], Key="articles/2025/01/defi-rules-japan.md")
        assert first.wait_idle(120)
        before = titles(first)
    assert (tmp_path / "bucket" / "articles" / "kept" / "日本語 の 記事.md").is_file()
    with LocalMasthead(TEMPLATE, free_port(), state=tmp_path) as second:
        assert second.wait_idle(120)
        assert titles(second) == before and "articles/2025/01/defi-rules-japan.md" not in before
