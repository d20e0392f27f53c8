"""`masthead up`: the pipeline on an embedded AWS that stays up, for developing against the index.

A moto server on localhost holds the template's resources; any client (the AWS CLI, boto3 with
`endpoint_url`, `masthead articles --endpoint-url`) talks to it. Its S3 reports every object
created or removed (server.py), and the stack delivers the event as the bucket's notification
configuration says. The same LocalStack as `masthead demo` and the tests runs the event source
mappings, here round after round on a thread of its own, and fires release timers when they are
due. One engine: only the loop is new.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

from .server import RecordingMotoServer
from .stack import REGION, LocalStack, patched_environ, upload_folder

# Seconds between rounds when nothing moved: an upload is picked up within about this long.
IDLE_PAUSE = 0.2


def forget_moto_bookkeeping(shard_iterators_in_use: set[str]) -> None:
    """Drop what moto keeps that only grows, so a server that stays up stays in bounded memory:
    every model instance ever made, for its dashboard (every item and stream record written), and
    every stream shard iterator ever handed out (each GetRecords makes one). The backends keep their own references to what is live."""
    from moto.core.model_instances import model_data
    from moto.dynamodbstreams.models import dynamodbstreams_backends

    for models in model_data.values():
        for model in models.values():
            tracked = getattr(model, "instances_tracked", None)
            if isinstance(tracked, list):
                tracked.clear()
    next_to_read: dict[int, tuple[object, int]] = {}  # shard -> (shard, the first sequence still to be read)
    for regions in dynamodbstreams_backends.values():
        for backend in regions.values():
            for arn in [arn for arn in backend.shard_iterators if arn not in shard_iterators_in_use]:
                backend.shard_iterators.pop(arn, None)
            for iterator in backend.shard_iterators.values():
                shard = iterator.stream_shard
                first = min(next_to_read.get(id(shard), (shard, iterator.sequence_number))[1], iterator.sequence_number)
                next_to_read[id(shard)] = (shard, first)
    for shard, first in next_to_read.values():
        _trim_read_records(shard, first)


def forget_delivered_messages() -> None:
    """Drop moto's record of every message ever published to a topic (kept for its test API), the
    certificate it makes to sign each one (about 1 KB a message), and every receipt handle ever
    deleted from a queue (kept so a second delete of one succeeds). Called once the pipeline is
    idle, when no delete of a message it received is still to come."""
    from moto.sns.models import sns_backends
    from moto.sqs.models import sqs_backends

    for regions in sns_backends.values():
        for backend in regions.values():
            backend._message_public_keys.clear()
            for topic in backend.topics.values():
                topic.sent_notifications.clear()
    for regions in sqs_backends.values():
        for backend in regions.values():
            for queue in backend.queues.values():
                queue.deleted_messages.clear()


def release_free_memory() -> None:
    """Give the C allocator's free pages back to the system (glibc only): a busy moment's
    short-lived megabytes (a batch of uploads, their parsed pages) whose pages glibc otherwise
    keeps, so the process's size would show the busiest moment, not what it holds."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
        trim = getattr(libc, "malloc_trim", None)
    except OSError:
        return
    if trim is not None:
        trim(0)


def _trim_read_records(shard, first_unread: int) -> None:
    """Drop the stream records every reader is past (DynamoDB keeps them 24 hours; moto, forever).
    Sequence numbers stay as they were:
    the shard's numbering starts later by as many records as are dropped."""
    done = int(first_unread) - int(shard.starting_sequence_number)
    if done > 0:
        del shard.items[:done]
        shard.starting_sequence_number += done


class _Stopping(Exception):
    """Raised between two batches of a round once stop() was asked for."""


class LocalMasthead:
    """The stack on a moto server, its event source mappings pumped until stop()."""

    def __init__(
        self,
        template: Path,
        port: int | None = None,
        runtime: str = "inprocess",
        stack_name: str = "masthead-local",
        say: Callable | None = None,
        state: Path | None = None,
    ) -> None:
        """`state`: a folder the bucket is saved to on stop and restored from on start (the index
        is rebuilt from it by the pipeline, as from any upload)."""
        self.template, self.port, self.runtime, self.stack_name = template, port, runtime, stack_name
        self.state = state
        self.say = say or (lambda line: None)
        self.server: RecordingMotoServer | None = None
        self.stack: LocalStack | None = None
        self._exit = ExitStack()
        self._stopping = threading.Event()
        self._pump: threading.Thread | None = None
        self.errors: list[str] = []
        self._idle = threading.Event()

    # --- life cycle --------------------------------------------------------------------------
    def start(self) -> LocalMasthead:
        self.server = RecordingMotoServer(self.port)
        self.server.start()
        self._exit.callback(self.server.stop)
        # This process's clients (the stack's, the in-process handlers') call the server too.
        local = {"AWS_ENDPOINT_URL": self.server.url, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
        local["MOTO_PORT"] = self.server.url.rsplit(":", 1)[-1]  # where moto's state machines send their calls
        quiet = {"POWERTOOLS_TRACE_DISABLED": "true", "POWERTOOLS_METRICS_DISABLED": "true"}  # no X-Ray daemon, no EMF lines
        self._exit.enter_context(patched_environ({**local, "AWS_DEFAULT_REGION": REGION, **quiet}))
        self.stack = LocalStack(self.template, stack_name=self.stack_name, runtime=self.runtime).create()
        self._exit.callback(self.stack.close)
        self.stack.watch_server(self.server)
        self.server.s3_events.notify = self._on_s3_change
        self._pump = threading.Thread(target=self._run, name="masthead-up-pump", daemon=True)
        self._pump.start()
        if self.state is not None and (self.state / "bucket").is_dir():
            self.say(f"restoring the bucket from {self.state}: {self.seed(self.state / 'bucket')} file(s)")
        return self

    def stop(self) -> None:
        """Stop the loop (after the round it is in), then the stack and the server."""
        self._stopping.set()
        if self._pump is not None:
            self._pump.join(timeout=60)
        if self.state is not None and self.stack is not None:
            self.say(f"saving the bucket to {self.state}: {self._save_bucket(self.state / 'bucket')} file(s)")
        if self.server is not None and self.server.s3_events is not None:
            self.server.s3_events.notify = None
        self._exit.close()

    def __enter__(self) -> LocalMasthead:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def seed(self, source: Path) -> int:
        keys, _ = upload_folder(self.stack, source)
        return len(keys)

    def _save_bucket(self, folder: Path) -> int:
        """The bucket's current objects as files (keys as paths), replacing what the folder held."""
        import shutil

        assert self.stack is not None
        saved = folder.with_name(folder.name + ".saving")
        shutil.rmtree(saved, ignore_errors=True)
        count = 0
        for page in self.stack.s3.get_paginator("list_objects_v2").paginate(Bucket=self.stack.bucket):
            for entry in page.get("Contents", []):
                target = saved / entry["Key"]
                if not target.resolve().is_relative_to(saved.resolve()):
                    continue  # a key like ../x names no file inside the folder
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(self.stack.s3.get_object(Bucket=self.stack.bucket, Key=entry["Key"])["Body"].read())
                count += 1
        shutil.rmtree(folder, ignore_errors=True)
        saved.mkdir(parents=True, exist_ok=True)
        saved.rename(folder)
        return count

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until a round moved nothing (for scripts and tests); False on timeout."""
        deadline = time.monotonic() + timeout
        self._idle.clear()
        while time.monotonic() < deadline:
            if self._idle.wait(0.05):
                return True
        return False

    # --- the loop ------------------------------------------------------------------------------
    def _run(self) -> None:
        stack = self.stack
        assert stack is not None
        wrote = False
        while not self._stopping.is_set():
            try:
                moved = stack.run_once(progress=self._progress)
                if stack.runtime == "inprocess":
                    stack.recorder.calls.clear()  # noted for the permission tests; kept by nobody here
                moved += stack.fire_due_timers(datetime.now(UTC))
                self._show_notifications()
            except _Stopping:
                return
            except Exception as exc:  # noqa: BLE001 - the loop outlives one bad round (it is retried next round)
                self.errors = [*self.errors[-99:], repr(exc)]  # the last hundred: a loop that stays up keeps no more
                self.say(f"  ! {exc!r}")
                moved = 0
            if not moved:
                if wrote:  # the work is done: hand back to the system what it took on the way
                    forget_moto_bookkeeping(set(stack.stream_positions()))
                    forget_delivered_messages()
                    release_free_memory()
                    wrote = False
                self._idle.set()
                self._stopping.wait(IDLE_PAUSE)
            else:
                wrote = True

    def _on_s3_change(self, event_name: str, bucket: str, key: str, version_id: str | None) -> None:
        assert self.stack is not None
        record = self.stack.on_s3_change(event_name, bucket, key, version_id)
        verb = "upload" if event_name.startswith("ObjectCreated") else "delete"
        self.say(f"{verb:<8} {key}" + ("" if record else "  (outside articles/ and issues/: not indexed)"))

    def _progress(self, function: str, count: int) -> None:
        self.say(f"  {function.removesuffix('Function').lower():<8} {count} record(s)")
        if self._stopping.is_set():
            raise _Stopping  # between two batches: a busy round (a queue kept full) must not hold up the stop
        # After each batch, not each round: under a steady stream of uploads a round lasts long.
        forget_moto_bookkeeping(set(self.stack.stream_positions()) if self.stack else set())

    def _show_notifications(self) -> None:
        """The stack's own subscriber queue, read (and emptied) for the live view."""
        assert self.stack is not None
        for notification in self.stack.notifications():
            self.say("  > " + notification_line(notification["body"]))

    # --- what a developer needs to know ---------------------------------------------------------
    def describe(self) -> dict:
        stack = self.stack
        assert stack is not None and self.server is not None
        return {
            "endpoint": self.server.url,
            "region": REGION,
            "bucket": stack.bucket,
            "table": stack.table,
            "topic": stack.topic_arn,
            "queues": dict(stack.queue_urls),
        }


def notification_line(body: dict) -> str:
    """One line for a notification: its type and what it is about."""
    subject = body.get("article") or body.get("issue") or body.get("rejection") or {}
    what = subject.get("key") or subject.get("issue_id") or ""
    detail = subject.get("title") or subject.get("message") or ""
    extra = f" ({body['reason']})" if body.get("reason") else ""
    return f"{body.get('event_type', '?'):<18} {what}{extra}  {detail}".rstrip()


def banner(info: dict) -> str:
    endpoint, bucket = info["endpoint"], info["bucket"]
    return "\n".join(
        [
            f"Masthead is up: AWS at {endpoint} (region {info['region']}, any access key)",
            f"  bucket   {bucket}",
            f"  table    {info['table']}",
            f"  topic    {info['topic']}",
            "Try:",
            f"  aws --endpoint-url {endpoint} s3 cp my-article.md s3://{bucket}/articles/2026/11/my-article.md",
            f"  aws --endpoint-url {endpoint} s3 rm s3://{bucket}/articles/2026/11/my-article.md",
            f"  masthead articles --endpoint-url {endpoint}",
            f"  masthead rejected --endpoint-url {endpoint}",
            f"  masthead tail --endpoint-url {endpoint}",
            f"  masthead reindex --endpoint-url {endpoint}",
            "Ctrl-C stops it.",
        ]
    )


_SIGNAL_POLL = 0.2


def run(args) -> int:
    from .template import default_template_path

    template = Path(args.template) if args.template else default_template_path()
    if template is None or not template.is_file():
        print("masthead up: template.yaml not found; pass --template", file=sys.stderr)
        return 2

    def say(line: str) -> None:
        print(f"{datetime.now().strftime('%H:%M:%S')} {line}", flush=True)

    # The handler only notes the signal: Python runs it in the main thread between two bytecodes,
    # where taking a lock (Event.set) can deadlock against the same thread's Event.wait. The main
    # thread sleeps in short steps, so it runs the handler soon even when the kernel delivered the
    # signal to another thread (a sleep or lock wait is interrupted only in the thread signalled).
    signals: list[int] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda number, _frame: signals.append(number))
    state = Path(args.state) if args.state else None
    with LocalMasthead(template, args.port, args.runtime, args.stack_name, say, state) as local:
        if args.source:
            say(f"seeding from {args.source}: {local.seed(Path(args.source))} file(s)")
        print(banner(local.describe()), flush=True)
        while not signals:
            time.sleep(_SIGNAL_POLL)
        say("stopping ...")
    say("stopped")
    return 0
