"""Masthead benchmarks (run by hand: `make bench`; not part of the tests).

Measures, on this machine:
  1. extraction per format: articles/s, median and p95 ms per article, peak memory;
  2. cold import of each Lambda handler next to a bare `import boto3` handler, in the same run;
  3. how extraction time grows with article size, 10 KB to 5 MB;
  4. HTML metadata extraction side by side with trafilatura's `extract_metadata` (when installed):
     pages per second, and title / author / date accuracy against labels.

Writes docs/benchmarks.md (or --out). Pages for (4): --pages DIR with DIR/labels.json mapping file
names to {"title", "authors", "published" (YYYY-MM-DD)} (real pages you have labelled); by default
generated news pages (bench/pages.py), the repo's labelled HTML (bench/labels.json over samples/)
and the shared corpus's HTML when it is beside the checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "layers" / "masthead"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from masthead.extract import ExtractOptions  # noqa: E402
from masthead.extract import extract as _extract  # noqa: E402

# Speed is measured without the per-upload time budget (the safety net, not the subject here).
_UNBUDGETED = ExtractOptions(time_budget=None)


def extract(key: str, data: bytes):
    return _extract(key, data, _UNBUDGETED)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def _documents() -> dict[str, list[tuple[str, bytes]]]:
    """Accepted uploads by format, from samples/ and the shared corpus when present."""
    folders = [ROOT / "samples", ROOT.parent / "shared" / "corpus"]
    by_format: dict[str, list[tuple[str, bytes]]] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name not in ("expected.json", "README.md")):
            key = path.relative_to(folder).as_posix()
            data = path.read_bytes()
            result = extract(key, data)
            if result.accepted:
                fmt = "issue manifest" if result.metadata.kind == "issue" else result.metadata.format
                by_format.setdefault(fmt, []).append((key, data))
    return by_format


def bench_formats(min_seconds: float) -> list[dict]:
    rows = []
    for fmt, docs in sorted(_documents().items()):
        times = []
        started = time.perf_counter()
        while time.perf_counter() - started < min_seconds or len(times) < 50:
            for key, data in docs:
                t0 = time.perf_counter()
                extract(key, data)
                times.append(time.perf_counter() - t0)
        tracemalloc.start()
        for key, data in docs:
            extract(key, data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append(
            {
                "format": fmt,
                "files": len(docs),
                "articles_per_s": len(times) / sum(times),
                "median_ms": statistics.median(times) * 1000,
                "p95_ms": _percentile(times, 0.95) * 1000,
                "peak_mb": peak / 1024 / 1024,
            }
        )
    return rows


_IMPORT_PROBE = "import sys, time; sys.path.insert(0, sys.argv[1]); t = time.perf_counter(); import app; print(time.perf_counter() - t)"


def bench_cold_imports(runs: int) -> list[dict]:
    """Each handler's import in a fresh interpreter, as Lambda would (Lambda's environment set)."""
    with tempfile.TemporaryDirectory() as bare:
        Path(bare, "app.py").write_text("import boto3\n\n\ndef lambda_handler(event, context):\n    return boto3.__version__\n")
        env = {
            **os.environ,
            "LAMBDA_TASK_ROOT": bare,
            "AWS_LAMBDA_FUNCTION_NAME": "bench",
            "AWS_REGION": "ap-northeast-1",
            "AWS_DEFAULT_REGION": "ap-northeast-1",
            "POWERTOOLS_SERVICE_NAME": "bench",
        }
        targets = {"bare `import boto3` handler": bare}
        targets.update({f"{name} handler": str(ROOT / "functions" / name) for name in ("extract", "index", "notify")})
        samples: dict[str, list[float]] = {name: [] for name in targets}
        for _ in range(runs):  # interleaved, so machine noise hits every target alike
            for name, folder in targets.items():
                out = subprocess.run([sys.executable, "-c", _IMPORT_PROBE, folder], capture_output=True, text=True, env=env, check=True)
                samples[name].append(float(out.stdout.strip()))
    baseline = statistics.median(samples["bare `import boto3` handler"])
    return [
        {"handler": name, "median_ms": statistics.median(v) * 1000, "min_ms": min(v) * 1000, "ratio": statistics.median(v) / baseline}
        for name, v in samples.items()
    ]


def _sized_article(fmt: str, size: int) -> tuple[str, bytes]:
    # A paragraph of three sentences, a section heading every three paragraphs: a long feature's shape.
    para = (
        "Bitcoin miners consolidated after the halving while exchanges reported lower volumes and "
        "analysts expected interest-rate decisions to drive the next quarter. "
    ) * 3
    if fmt == "markdown":
        head, unit, tail, key = (
            "---\ntitle: Sized\nauthor: Bench\ndate: 2025-01-01\n---\n\n",
            f"{para}\n\n{para}\n\n{para}\n\n## Section\n\n",
            "",
            "articles/b.md",
        )
    elif fmt == "html":
        head = "<html><head><title>Sized | Iolite</title><meta name=author content=Bench></head><body><article><h1>Sized</h1>"
        unit, tail, key = f"<p>{para}</p><p>{para}</p><p>{para}</p><h2>Section</h2>", "</article></body></html>", "articles/b.html"
    else:
        head, unit, tail, key = "Markets\n\nSized\n\n2025/01/01Editors of Iolite\n\n", f"{para}\n\n", "", "articles/b.txt"
    count = max(1, (size - len(head) - len(tail)) // len(unit))
    return key, (head + unit * count + tail).encode()


def bench_sizes() -> list[dict]:
    rows = []
    for fmt in ("markdown", "html", "text"):
        for size in (10_000, 100_000, 1_000_000, 5_000_000):
            key, data = _sized_article(fmt, size)
            times = []
            for _ in range(3 if size >= 1_000_000 else 10):
                t0 = time.perf_counter()
                result = extract(key, data)
                times.append(time.perf_counter() - t0)
            assert result.accepted, result.as_dict()
            rows.append({"format": fmt, "size_kb": len(data) // 1024, "median_ms": statistics.median(times) * 1000})
    return rows


def _norm(value) -> str:
    return " ".join(unicodedata.normalize("NFKC", str(value or "")).casefold().split())


def _labelled_pages(pages: Path | None, generated: int) -> list[tuple[str, bytes, dict]]:
    """(name, html, label) for every labelled HTML page."""
    out = []
    sources = []
    if pages:
        sources.append((pages, json.loads((pages / "labels.json").read_text(encoding="utf-8"))))
    else:
        from pages import pages as generated_pages  # bench/pages.py

        out.extend(generated_pages(generated))
        sources.append((ROOT / "samples", json.loads((ROOT / "bench" / "labels.json").read_text(encoding="utf-8"))))
        corpus = ROOT.parent / "shared" / "corpus"
        if (corpus / "expected.json").is_file():
            labels = json.loads((corpus / "expected.json").read_text(encoding="utf-8"))["files"]
            sources.append((corpus, {k: v for k, v in labels.items() if k.endswith(".html") and v.get("status") == "accepted"}))
    for folder, labels in sources:
        for name, label in labels.items():
            path = folder / name
            raw = path.read_bytes()
            out.append((name, raw, label))
    return out


def bench_html_vs_trafilatura(pages: Path | None, rounds: int, generated: int) -> dict | None:
    try:
        from trafilatura.metadata import extract_metadata
    except ImportError:
        return None
    from masthead.extract.decode import decode_text

    labelled = _labelled_pages(pages, generated)

    def ours(name, raw):
        result = extract(f"articles/{name}", raw)
        if not result.accepted:
            return {}
        m = result.metadata
        return {"title": m.title, "authors": m.authors, "published": (m.published_at or "")[:10]}

    def theirs(name, raw):
        text, _ = decode_text(raw)
        meta = extract_metadata(text)
        if meta is None:
            return {}
        authors = [a.strip() for a in (meta.author or "").split(";") if a.strip()]
        return {"title": meta.title, "authors": authors, "published": (meta.date or "")[:10]}

    report = {"pages": len(labelled)}
    for label, fn in (("masthead", ours), ("trafilatura", theirs)):
        fn(*labelled[0][:2])  # warm up imports
        times = []
        for _ in range(rounds):
            for name, raw, _ in labelled:
                t0 = time.perf_counter()
                fn(name, raw)
                times.append(time.perf_counter() - t0)
        correct = {"title": 0, "authors": 0, "published": 0}
        for name, raw, want in labelled:
            got = fn(name, raw)
            correct["title"] += _norm(got.get("title")) == _norm(want.get("title"))
            correct["authors"] += sorted(map(_norm, got.get("authors") or [])) == sorted(map(_norm, want.get("authors") or []))
            correct["published"] += (got.get("published") or None) == want.get("published")
        report[label] = {"pages_per_s": len(times) / sum(times), "median_ms": statistics.median(times) * 1000, **correct}
    report["speedup"] = report["masthead"]["pages_per_s"] / report["trafilatura"]["pages_per_s"]
    return report


def _machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def render(formats, imports, sizes, html, args) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Measured by `make bench` (`bench/run.py`); numbers below are from the latest run. They are",
        "measurements, not tests: the test suite never times anything.",
        "",
        f"- Machine: {_machine()}",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        "",
        "## Extraction per format",
        "",
        "Every accepted upload of `samples/` (and `../shared/corpus` when present), extracted repeatedly.",
        "",
        "| format | files | articles/s | median ms | p95 ms | peak memory MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in formats:
        lines.append(
            f"| {r['format']} | {r['files']} | {r['articles_per_s']:.0f} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} | {r['peak_mb']:.2f} |"
        )
    lines += [
        "",
        "## Cold import of each handler",
        "",
        f"A fresh interpreter per import, {args.import_runs} runs each, interleaved; Lambda's environment variables set",
        "(so the X-Ray SDK takes its Lambda path). Ratio: median against the bare `import boto3` handler.",
        "This is the import alone, with bytecode present and tracing off: what a cold start costs as deployed",
        '(init plus the first invoke, tracing on, under the Lambda runtime) is in "Cold starts under the Lambda',
        'runtime" below.',
        "",
        "| handler | median ms | min ms | ratio |",
        "|---|---:|---:|---:|",
    ]
    for r in imports:
        lines.append(f"| {r['handler']} | {r['median_ms']:.0f} | {r['min_ms']:.0f} | {r['ratio']:.2f}× |")
    lines += [
        "",
        "What the handlers import up front: Powertools (Logger, Metrics, Tracer), botocore (the X-Ray",
        "patch needs it) and their own step's modules; pydantic models are built on first use, and boto3",
        "itself, the extraction parsers and the other steps' modules load on the first invocation that needs them.",
    ]
    lines += ["", "## Time against article size", "", "| format | size KB | median ms |", "|---|---:|---:|"]
    for r in sizes:
        lines.append(f"| {r['format']} | {r['size_kb']} | {r['median_ms']:.1f} |")
    lines += ["", "## HTML metadata: Masthead and trafilatura side by side", ""]
    if html is None:
        lines.append("trafilatura is not installed in this environment; `make bench` installs it.")
    else:
        m, t = html["masthead"], html["trafilatura"]
        n = html["pages"]
        source = args.pages or (
            f"{args.generated} generated news pages in five CMS layouts at real-page weight (bench/pages.py), "
            "the repo's labelled HTML (bench/labels.json over samples/) and the shared corpus's HTML"
        )
        lines += [
            f"{n} labelled pages from {source}. Masthead runs its whole extraction (metadata and body);",
            "trafilatura runs `extract_metadata` only.",
            "",
            "| extractor | pages/s | median ms | title | authors | date |",
            "|---|---:|---:|---:|---:|---:|",
            f"| Masthead | {m['pages_per_s']:.0f} | {m['median_ms']:.2f} | {m['title']}/{n} | {m['authors']}/{n} | {m['published']}/{n} |",
            f"| trafilatura | {t['pages_per_s']:.0f} | {t['median_ms']:.2f} | {t['title']}/{n} | {t['authors']}/{n} | {t['published']}/{n} |",
            "",
            f"Speed-up: {html['speedup']:.1f}×.",
            "",
            "The generated pages are labelled by construction and cover five template styles; they stand in for",
            "real pages, which this machine cannot fetch. To measure on real pages, save them with a labels.json",
            '(`{"page.html": {"title": ..., "authors": [...], "published": "YYYY-MM-DD"}}`) and run',
            "`make bench BENCH_ARGS='--pages DIR'`.",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--pages", type=Path, help="folder of HTML pages with labels.json")
    parser.add_argument("--seconds", type=float, default=1.0, help="minimum time per format")
    parser.add_argument("--import-runs", type=int, default=9)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the HTML pages")
    parser.add_argument("--generated", type=int, default=200, help="generated news pages (bench/pages.py) in the default page set")
    args = parser.parse_args()

    print("extraction per format ...", file=sys.stderr)
    formats = bench_formats(args.seconds)
    print("cold imports ...", file=sys.stderr)
    imports = bench_cold_imports(args.import_runs)
    print("article sizes ...", file=sys.stderr)
    sizes = bench_sizes()
    print("HTML vs trafilatura ...", file=sys.stderr)
    html = bench_html_vs_trafilatura(args.pages, args.rounds, args.generated)
    report = render(formats, imports, sizes, html, args)
    out = Path(args.out)
    previous = out.read_text(encoding="utf-8") if out.exists() else ""
    if "<!-- safety:start -->" in previous:  # bench/safety.py's section is kept until it rewrites it
        report = report.rstrip("\n") + "\n\n" + previous[previous.index("<!-- safety:start -->") :]
    out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
