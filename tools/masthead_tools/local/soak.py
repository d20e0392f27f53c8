"""Long runs of `masthead up` (its soak test and benchmark): the command in a process of its own,
random editors' work sent to it through a plain client, and that process's memory and threads
read from outside, as a developer's machine would see them.

The process is measured, not this one: a test runner's process holds what earlier tests left and
what it captures, and would blur a leak with its own growth."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BANNER_END = "Ctrl-C stops it."


class RandomChanges:
    """One random change at a time: a delete of a key present (30 % of the time), else an upload
    or update of a key with a body of random length. `expected` is what the index should then
    list: each present key with the title of its last upload."""

    def __init__(self, s3, bucket: str, keys: int = 40, seed: int = 7) -> None:
        self.s3, self.bucket = s3, bucket
        self.rng = random.Random(seed)
        self.keys = [f"articles/soak/{n:02d}.md" for n in range(keys)]
        self.expected: dict[str, str] = {}
        self.made = 0

    def make(self) -> None:
        key = self.rng.choice(self.keys)
        if key in self.expected and self.rng.random() < 0.3:
            self.s3.delete_object(Bucket=self.bucket, Key=key)
            del self.expected[key]
        else:
            title = f"Soak {key} {self.made}"
            front = f"---\ntitle: {title}\ncategory: News\ntags: [a, b]\n---\n"
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=(front + "Body text. " * self.rng.randint(5, 300)).encode())
            self.expected[key] = title
        self.made += 1


def process_status(pid: int | str = "self") -> dict[str, int]:
    """Resident memory (KB) and thread count of a process (Linux /proc)."""
    wanted = {"VmRSS": "rss_kb", "Threads": "threads"}
    status: dict[str, int] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as lines:
        for line in lines:
            name, _, value = line.partition(":")
            if name in wanted:
                status[wanted[name]] = int(value.split()[0])
    return status


@dataclass
class UpProcess:
    """`masthead up` started as a developer starts it, its live view going to a file."""

    port: int
    log: Path
    cwd: Path
    extra: list[str] = field(default_factory=list)
    process: subprocess.Popen | None = None
    lines: list[str] = field(default_factory=list)

    def __enter__(self) -> UpProcess:
        command = [sys.executable, "-m", "masthead_tools.cli", "up", "--port", str(self.port), *self.extra]
        self._out = self.log.open("w", encoding="utf-8")
        self.process = subprocess.Popen(command, cwd=self.cwd, stdout=self._out, stderr=subprocess.STDOUT, text=True, env={**os.environ})
        deadline = time.monotonic() + 120
        while BANNER_END not in (text := self.log.read_text(encoding="utf-8")):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"masthead up did not start:\n{text[-3000:]}")
            time.sleep(0.1)
        self.lines = text.splitlines()
        return self

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._out.close()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def named(self, what: str) -> str:
        """A resource name from the banner (`bucket`, `table`, `topic`)."""
        return next(line.split()[-1] for line in self.lines if line.strip().startswith(what + " "))

    def stop(self, signum: int = signal.SIGINT, timeout: float = 60) -> int:
        assert self.process is not None
        self.process.send_signal(signum)
        return self.process.wait(timeout=timeout)


@dataclass
class SoakSample:
    changes: int
    seconds: float
    rss_mb: float
    threads: int


def soak(
    up: UpProcess, changes: RandomChanges, listed, total: int, every: int = 40, seconds: float = float("inf"), pause: float = 0.01
) -> list[SoakSample]:
    """Make `total` random changes through `up` (or as many as `seconds` allow, ending on a whole
    `every`); after every `every` of them, wait until the index lists exactly what the bucket
    holds (`listed()`: key -> title), then read the process's memory and threads. Raises if the
    index does not catch up within two minutes."""
    assert up.process is not None
    started, samples = time.monotonic(), []
    while changes.made < total and not (changes.made % every == 0 and time.monotonic() - started > seconds):
        changes.make()
        time.sleep(pause)
        if changes.made % every == 0:
            _wait_until_indexed(changes, listed)
            status = process_status(up.process.pid)
            samples.append(SoakSample(changes.made, time.monotonic() - started, status["rss_kb"] / 1024, status["threads"]))
    return samples


def _wait_until_indexed(changes: RandomChanges, listed, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while (now := listed()) != changes.expected:
        if time.monotonic() > deadline:
            missing = {k: v for k, v in changes.expected.items() if now.get(k) != v}
            raise AssertionError(f"the index did not catch up after {changes.made} changes: {len(missing)} key(s) behind")
        time.sleep(0.2)
    time.sleep(0.5)  # the notifications of the last changes, sent after the index has them
