"""Mutated real uploads through the extractor, to find the hostile cases the regression corpus lacks
(run alone with `make bench-fuzz`; it needs ../shared).

Each round takes a real page or sample at random (../shared/webcorpus/pages and ../shared/corpus),
mutates it a few times — cut, a tag or a piece of markup injected up to thousands of times, a stretch
repeated, bytes inserted, the whole re-encoded, a stretch upper-cased or shuffled — and extracts it
in this process with a time budget. A finding is an upload that:
  - fails inside the extractor (`internal_error`) or runs past the budget (`too_slow`);
  - takes longer than --slow seconds;
  - yields a body more than twice the upload's size (text read again and again).
Each finding is written to --out with what it was made from, to be turned into a case of
tests/safety/cases.py once understood. Exit status 1 when there is any.

  .venv/bin/python bench/fuzz.py [--rounds 3000] [--seed 1] [--slow 0.6] [--out DIR]
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "layers" / "masthead"))

from masthead.extract import ExtractOptions, extract  # noqa: E402

SHARED = ROOT.parent / "shared"
SOURCES = (SHARED / "webcorpus" / "pages", SHARED / "corpus")
# Pieces of markup, front matter and text that rules look for, injected many times over.
PIECES = (
    b"<div>", b"</div>", b"<p>", b"</p>", b"<h1>Headline here</h1>", b"<h2>Related</h2><ul>", b"<article>",
    b"<pre>", b"<dl><dt>", b"<li><a href='/x'>Other story</a></li>", b"<div class='content'>", b"<div class='post'>",
    b"<span class='byline'>By John Smith", b"<a rel=author href=/author/x>Jane Doe</a>", b"<time datetime='2021-05-04'>4 May 2021</time>",
    b"<p class='meta'>Published 2020-01-01</p>", b"<figure><figcaption><p>Photo: X", b"<table><tr><td>", b"<svg><title>",
    b"<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"Y\"}}</script>",
    b"<meta name=author content='A B'>", b"<!--", b"-->", b"&#x0;", b"<br><br>", b"<math><mi>",
    b"---\n", b"# ", b"## Heading\n", b"\n\n", b"*", b"[", b"](", b"`", b"> ", b"- ", b"By John Smith\n", b"2021-05-04\n",
    b"{", b"}", b"\"author\": ", b"title: ", b"date: ", b"tags: [",
)  # fmt: skip
ENCODINGS = ("cp932", "euc_jp", "utf-16", "latin-1", "iso2022_jp")


def _mutate(data: bytes, rnd: random.Random) -> bytes:
    """One to six mutations of an upload."""
    for _ in range(rnd.randint(1, 6)):
        at = rnd.randrange(len(data) + 1)
        end = min(len(data), at + rnd.randrange(1, 3000))
        kind = rnd.randrange(7)
        if kind == 0:
            data = data[:at]
        elif kind == 1:
            data = data[:at] + rnd.choice(PIECES) * rnd.choice((1, 10, 200, 2000, 8000)) + data[at:]
        elif kind == 2:
            data = data[:at] + data[at:end] * rnd.choice((2, 30, 300)) + data[at:]
        elif kind == 3:
            data = data[:at] + bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 40))) + data[at:]
        elif kind == 4:
            data = data.decode("utf-8", "replace").encode(rnd.choice(ENCODINGS), "replace")
        elif kind == 5:
            data = data[:at] + data[at:end].upper() + data[end:]
        else:
            stretch = bytearray(data[at:end])
            rnd.shuffle(stretch)
            data = data[:at] + bytes(stretch) + data[end:]
    return data


def _key(source: Path, number: int) -> str:
    suffix = source.suffix or ".html"
    return f"issues/fuzz{number}{suffix}" if "issues" in source.parts else f"articles/fuzz/{number}{suffix}"


def _finding(result, seconds: float, data: bytes, slow: float) -> str | None:
    if not result.accepted and result.metadata.error.code in ("internal_error", "too_slow"):
        return result.metadata.error.code
    if seconds > slow:
        return f"slow ({seconds:.2f} s)"
    if result.accepted and result.body and len(result.body) > 2 * len(data) + 10_000:
        return f"body of {len(result.body):,} characters from {len(data):,} bytes"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--slow", type=float, default=0.6, help="seconds past which an upload is a finding")
    parser.add_argument("--budget", type=float, default=5.0, help="the extractor's time budget, seconds")
    parser.add_argument("--out", default=None, help="where findings are written (default: a new temporary folder)")
    args = parser.parse_args()
    sources = sorted(p for folder in SOURCES if folder.is_dir() for p in folder.rglob("*") if p.is_file() and p.suffix)
    sources = [p for p in sources if p.name not in ("expected.json", "README.md")]
    if not sources:
        print(f"no uploads to mutate under {SHARED}")
        return 2
    logging.getLogger("masthead").setLevel(logging.CRITICAL)  # an internal error is a finding, not a traceback
    out = Path(args.out or tempfile.mkdtemp(prefix="masthead-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)
    rnd, options, findings = random.Random(args.seed), ExtractOptions(time_budget=args.budget), 0
    slowest = (0.0, "")
    for number in range(args.rounds):
        source = rnd.choice(sources)
        data = _mutate(source.read_bytes(), rnd)
        started = time.perf_counter()
        result = extract(_key(source, number), data, options)
        seconds = time.perf_counter() - started
        slowest = max(slowest, (seconds, source.name))
        if (what := _finding(result, seconds, data, args.slow)) is not None:
            findings += 1
            path = out / f"{args.seed}-{number}{source.suffix}"
            path.write_bytes(data)
            print(f"{what}: {path} (from {source.relative_to(SHARED)})", flush=True)
    print(f"{args.rounds} mutated uploads (seed {args.seed}): {findings} finding(s); slowest {slowest[0]:.2f} s ({slowest[1]})")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
