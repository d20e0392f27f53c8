"""The web corpus as pasted copies: each page's text as a browser copies it from the headline on, read by `masthead extract` as a .txt upload, written to docs/benchmarks.md.

An editor who pastes a web page into a text file copies what the browser shows: the headline, then
the deck, captions, the site's buttons, the byline and the date in the page's own order, then the
text. This makes that copy of each of the 339 labelled pages of ../shared/webcorpus (a blank line
after each paragraph or heading, a line break after the other blocks; scripts, styles and frames
left out; the copy starts at the first <h1>) and scores title, authors and date with the labels and
the rules of ../shared/tools/web-vs-trafilatura.

The pages the corpus does not hold (bench/heldout.py's, unlabelled) are pasted the same way, and each
copy's authors and date are compared with what Masthead reads from the page's HTML (0.95 / 0.97 on the
labelled pages): how often the copy gives the page's own reading, where the HTML gives one.

For both pools, the text: how often a copy's text keeps between half and twice the words Masthead
reads as the HTML page's text (where that is 100 words or more), neither cut short by the page's
furniture nor run on into it.

  .venv/bin/python bench/pasted.py [--print]
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from heldout import fetch  # bench/heldout.py
from sections import publish  # bench/sections.py

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "web-vs-trafilatura"
CORPUS = ROOT.parent / "shared" / "webcorpus"
START, END = "<!-- pasted:start -->", "<!-- pasted:end -->"
_BLOCKS = "p, div, li, h1, h2, h3, h4, h5, h6, br, tr, header, footer, section, article, blockquote, figcaption, dt, dd, time, nav, aside, ul, ol, table, form, main"
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption"})


def pasted_copy(page: bytes) -> str | None:
    """The text a browser copies from the page's headline on."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    for node in tree.css("script, style, noscript, template, svg, iframe, head"):
        node.decompose()
    body = tree.body
    if body is None:
        return None
    if (headline := body.css_first("h1")) is not None:
        headline.insert_before("\x01")
    for node in body.css(_BLOCKS):
        node.insert_after("\n\n" if node.tag in _PARAGRAPHS else "\n")
    text = (body.text(deep=True) or "").split("\x01", 1)[-1]
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _tool():
    loader = importlib.machinery.SourceFileLoader("web_vs_trafilatura", str(TOOL))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _paste(pages: dict[str, bytes], folder: Path) -> dict[str, str]:
    """Each page's pasted copy written under `folder`: {its name there: the page's key}."""
    keys = {}
    for key, page in pages.items():
        if text := pasted_copy(page):
            name = key.rsplit(".", 1)[0] + ".txt"
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
            keys[name] = key
    return keys


def _extract(root: Path, names) -> dict[str, dict]:
    command = [str(ROOT / ".venv" / "bin" / "masthead"), "extract", "--json", "--time-budget", "0", "--root", str(root)]
    done = subprocess.run([*command, *(str(root / n) for n in names)], capture_output=True, text=True, check=False)
    return {o["key"]: o for o in map(json.loads, done.stdout.splitlines()) if o.get("key")}


def run(folder: Path) -> dict:
    labels = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))["files"]
    keys = _paste({key: (CORPUS / key).read_bytes() for key in labels}, folder / "corpus")
    results = {keys[k]: o for k, o in _extract(folder / "corpus", keys).items() if k in keys}
    scores, totals, right, _ = _tool().score(results, labels)
    from_html = _extract(CORPUS, labels)
    text = text_kept((from_html.get(key) or {}, copy) for key, copy in results.items())
    return {
        "pages": len(keys),
        "scores": scores,
        "totals": totals,
        "right": right,
        "text": text,
        "heldout": heldout_agreement(folder / "heldout"),
    }


def text_kept(pairs) -> list[int]:
    """[copies whose text has half to twice the words of their HTML's, copies of HTML pages with 100 words or more]."""
    counts = [0, 0]
    for html, copy in pairs:
        if (words := html.get("word_count") or 0) >= 100:
            counts[1] += 1
            counts[0] += words / 2 <= (copy.get("word_count") or 0) <= words * 2
    return counts


def heldout_agreement(folder: Path) -> dict:
    """How often the pasted copy of a held-out page gives the authors and the day its HTML gives."""
    pages = {page.name: page for page in fetch()}
    keys = _paste({name: page.read_bytes() for name, page in pages.items()}, folder)
    from_html = _extract(pages[next(iter(pages))].parent, pages)
    from_copy = _extract(folder, keys)
    counts = {field: [0, 0] for field in ("authors", "date")}  # [the copy agrees, the HTML has one]
    for name, key in keys.items():
        html, copy = from_html.get(key) or {}, from_copy.get(name) or {}
        if html.get("authors"):
            counts["authors"][1] += 1
            counts["authors"][0] += {a.casefold() for a in html["authors"]} == {a.casefold() for a in copy.get("authors") or []}
        if html.get("published_at"):
            counts["date"][1] += 1
            counts["date"][0] += (copy.get("published_at") or "")[:10] == html["published_at"][:10]
    text = text_kept((from_html.get(key) or {}, from_copy.get(name) or {}) for name, key in keys.items())
    return {"pages": len(keys), **counts, "text": text}


def render(report: dict) -> str:
    s, t, r, h = report["scores"], report["totals"], report["right"], report["heldout"]
    return (
        "\n".join(
            [
                START,
                "## Real web pages pasted as text",
                "",
                f"`bench/pasted.py`: the {report['pages']} pages of the web corpus as a browser copies them from the headline on",
                "(deck, captions, the site's buttons, byline and date in the page's own order, then the text), each read",
                "as a pasted `.txt` upload and scored with the corpus's labels and rules.",
                "",
                "| pasted copies | title | authors | date | text |",
                "|---|---:|---:|---:|---:|",
                f"| Masthead | {s['title']:.3f} ({r['title']}/{t['title']}) | {s['authors']:.3f} ({r['authors']}/{t['authors']}) | "
                f"{s['date']:.3f} ({r['date']}/{t['date']}) | {_share(report['text'])} |",
                "",
                f"The {h['pages']} held-out pages (`bench/heldout.py`'s, unlabelled) pasted the same way: how often the copy gives",
                "the authors and the day Masthead reads from the page's HTML, where the HTML gives them.",
                "In both pools, \"text\": how often the copy's text has half to twice the words of the HTML page's text",
                "(where that has 100 or more): neither cut short by the page's furniture nor run on into it.",
                "",
                "| pasted held-out copies | authors | date | text |",
                "|---|---:|---:|---:|",
                f"| agree with the HTML | {_share(h['authors'])} | {_share(h['date'])} | {_share(h['text'])} |",
                END,
            ]
        )
        + "\n"
    )


def _share(count: list[int]) -> str:
    agree, total = count
    return f"{agree / total:.3f} ({agree}/{total})" if total else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--print", action="store_true", help="print the section instead of writing it")
    args = parser.parse_args()
    if not TOOL.exists():
        print(f"{TOOL} is not here: the pasted-page benchmark needs ../shared beside the checkout", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        section = render(run(Path(folder)))
    publish(section, args.out, START, END, args.print, "the pasted-page section")
    return 0


if __name__ == "__main__":
    sys.exit(main())
