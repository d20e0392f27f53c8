"""Real web pages: Masthead against trafilatura and the parse floor, written to docs/benchmarks.md.

Runs ../shared/tools/web-vs-trafilatura (339 labelled news pages from 327 sites; each side one whole
process over all pages, imports included; the floor is a bare Lexbor parse + JSON-LD + meta + <h1>
and <title>) a few times, and reports the median run. Then once more over a copy of the pages
without their JSON-LD and meta tags: what each side reads from the page itself, as it must on a
page that declares little. Needs trafilatura in .venv (`make bench` installs it) and ../shared
beside the checkout; without them it says so and changes nothing.

  .venv/bin/python bench/web.py [--runs 3] [--print]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sections import write_section  # bench/sections.py

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "web-vs-trafilatura"
START, END = "<!-- web:start -->", "<!-- web:end -->"
_TIMES = re.compile(r"(\d+) pages; masthead ([\d.]+)s, trafilatura ([\d.]+)s")
_FLOOR = re.compile(r"parse floor .*?: ([\d.]+) pages/s; masthead at (\d+)% of it")
_FIELD = re.compile(r"^(title|authors|date)\s+masthead ([\d.]+) \((\d+)/(\d+)\)\s+trafilatura ([\d.]+) \((\d+)/(\d+)\)", re.M)


def run_once(corpus: Path | None = None) -> dict:
    env = {**os.environ, "TRAF_VENV": str(ROOT / ".venv")}
    command = [str(TOOL), "--masthead", str(ROOT / ".venv" / "bin" / "masthead")] + (["--corpus", str(corpus)] if corpus else [])
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=1800)
    out = result.stdout + result.stderr
    times, floor = _TIMES.search(out), _FLOOR.search(out)
    if not times or not floor:
        raise RuntimeError(f"web-vs-trafilatura printed no summary (exit {result.returncode}): {out[-500:]}")
    pages = int(times.group(1))
    fields = {m.group(1): m.groups()[1:] for m in _FIELD.finditer(out)}
    return {
        "pages": pages,
        "masthead_pps": pages / float(times.group(2)),
        "trafilatura_pps": pages / float(times.group(3)),
        "floor_pps": float(floor.group(1)),
        "fields": fields,
    }


# What a page declares about itself: its JSON-LD and its meta tags (the charset declaration stays).
_JSON_LD = re.compile(rb"<script[^>]*application/ld\+json[^>]*>.*?</script\s*>", re.S | re.I)
_META = re.compile(rb"<meta\b[^>]*>", re.I)
_CHARSET = re.compile(rb"<meta[^>]*charset[^>]*>", re.I)
_HEAD = re.compile(rb"<head\b[^>]*>", re.I)


def undeclared_copy(corpus: Path, into: Path) -> Path:
    """A copy of the corpus whose pages declare nothing: no JSON-LD, no meta tag but the charset."""
    for page in (corpus / "pages").rglob("*"):
        if page.is_file():
            data = page.read_bytes()
            charset = _CHARSET.search(data)
            data = _META.sub(b"", _JSON_LD.sub(b"", data))
            if charset:  # back where it was declared, inside <head> (markup before the doctype would make a quirks-mode page)
                head = _HEAD.search(data)
                at = head.end() if head else 0
                data = data[:at] + charset.group(0) + data[at:]
            target = into / page.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    shutil.copy(corpus / "expected.json", into / "expected.json")
    return into


def render(runs: list[dict], undeclared: dict | None = None) -> str:
    ratios = sorted(r["masthead_pps"] / r["trafilatura_pps"] for r in runs)
    median = runs[[r["masthead_pps"] / r["trafilatura_pps"] for r in runs].index(ratios[len(ratios) // 2])]
    floor_share = median["masthead_pps"] / median["floor_pps"]
    lines = [
        START,
        "## Real web pages: Masthead, trafilatura and the parse floor",
        "",
        f"`bench/web.py` runs `../shared/tools/web-vs-trafilatura` {len(runs)} times over {median['pages']} labelled news and",
        "magazine pages (327 sites, about 35 languages); each side is one whole process over all pages, imports",
        "included. Masthead runs its whole extraction (metadata, body, summary, headings, word count);",
        "trafilatura runs `extract_metadata`; the floor is a bare Lexbor parse + JSON-LD + meta + `<h1>`/`<title>`.",
        "The median run (by speed ratio):",
        "",
        "| | title | authors | date | pages/s |",
        "|---|---:|---:|---:|---:|",
    ]
    f = median["fields"]
    lines.append(f"| Masthead | {f['title'][0]} | {f['authors'][0]} | {f['date'][0]} | {median['masthead_pps']:.0f} |")
    lines.append(f"| trafilatura 2.x | {f['title'][3]} | {f['authors'][3]} | {f['date'][3]} | {median['trafilatura_pps']:.0f} |")
    lines.append(f"| parse floor | | | | {median['floor_pps']:.0f} |")
    ahead = all(float(f[field][0]) > float(f[field][3]) for field in ("title", "authors", "date"))
    five_times = sum(r >= 5 for r in ratios)
    lines += [
        "",
        f"Speed ratio against trafilatura: {', '.join(f'{r:.1f}×' for r in ratios)} over the runs; Masthead at {floor_share:.0%} of the",
        f"floor in the median run. Targets: ahead of trafilatura on every field ({'met' if ahead else 'not met'}); at least 5× its",
        f"pages/s ({'met' if ratios[len(ratios) // 2] >= 5 else 'not met'} in the median run, in {five_times} of {len(ratios)} runs);",
        f"35 % of the floor ({'met' if floor_share >= 0.35 else 'not met'}). Both sides share this machine with others: a run's ratio",
        "moves by a fifth from one run to the next, so the spread is reported, not one run.",
    ]
    if undeclared:
        u = undeclared["fields"]
        lines += [
            "",
            "The same pages without their JSON-LD and meta tags (the charset declaration kept): what each side",
            "reads from the page itself, as it must on a page that declares little.",
            "",
            "| without metadata | title | authors | date |",
            "|---|---:|---:|---:|",
            f"| Masthead | {u['title'][0]} | {u['authors'][0]} | {u['date'][0]} |",
            f"| trafilatura 2.x | {u['title'][3]} | {u['authors'][3]} | {u['date'][3]} |",
        ]
    lines.append(END)
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--print", action="store_true", help="print the section instead of writing it")
    args = parser.parse_args()
    if not TOOL.exists():
        print(f"{TOOL} is not here: the web-page benchmark needs ../shared beside the checkout", file=sys.stderr)
        return 0
    runs = [run_once() for _ in range(args.runs)]
    with tempfile.TemporaryDirectory() as folder:
        undeclared = run_once(undeclared_copy(TOOL.parent.parent / "webcorpus", Path(folder)))
    section = render(runs, undeclared)
    if args.print:
        print(section)
    else:
        write_section(section, Path(args.out), START, END)
        print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
