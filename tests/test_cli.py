"""The masthead command: extract's output and exit codes, the demo's JSON, the reader CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SAMPLES

from masthead_tools.cli import main


def test_extract_json_lines_and_exit_codes(tmp_path, capsys):
    good = tmp_path / "articles" / "a.md"
    good.parent.mkdir(parents=True)
    good.write_text("# Title\n\nBody text.\n")
    bad = tmp_path / "articles" / "b.md"
    bad.write_text("")
    assert main(["extract", "--root", str(tmp_path), "--json", str(good)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["key"] == "articles/a.md" and record["status"] == "accepted" and "body" not in record
    assert main(["extract", "--root", str(tmp_path), "--json", "--with-body", str(good), str(bad)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["status"] for r in lines] == ["accepted", "rejected"]
    assert lines[0]["body"] == "Body text."
    assert main(["extract"]) == 2
    assert main(["extract", "--root", str(tmp_path / "articles"), str(tmp_path / "elsewhere.md")]) == 2


def test_extract_checks_size_before_reading(tmp_path, capsys):
    big = tmp_path / "big.md"
    big.write_bytes(b"# T\n\n" + b"x" * 5000)
    assert main(["extract", "--json", "--max-bytes", "1000", str(big)]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["code"] == "too_large"


def test_demo_json_on_a_folder_we_choose(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "issues").mkdir()
    (tmp_path / "articles" / "one.md").write_text("---\ntitle: One\nissue: iolite-vol-3\n---\n\nBody one.\n")
    (tmp_path / "articles" / "two.html").write_text("<html><head><title>Two | Iolite</title></head><body><p>Body two.</p></body></html>")
    (tmp_path / "articles" / "bad.json").write_text("{")
    (tmp_path / "issues" / "v3.yaml").write_text("publication: Iolite\nvolume: 3\ntitle: Three\n")
    (tmp_path / "notes.txt").write_text("outside the notified prefixes: never indexed")
    result = subprocess.run(
        [sys.executable, "-m", "masthead_tools.cli", "demo", "--source", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    state = json.loads(result.stdout)
    assert sorted(a["title"] for a in state["articles"]) == ["One", "Two"]
    assert [r["key"] for r in state["rejected"]] == ["articles/bad.json"]
    assert [(i["issue_id"], i["article_count"]) for i in state["issues"]] == [("iolite-vol-3", 1)]
    assert "notes.txt" in result.stderr and "not indexed" in result.stderr
    types = sorted(n["event_type"] for n in state["notifications"])
    assert types == ["article.published", "article.published", "article.rejected", "issue.updated", "issue.updated"]


def test_reader_cli_against_an_embedded_index(stack, capsys):
    stack.upload("articles/a.md", b"---\ntitle: Hello\ncategory: Tax\n---\n\nBody.\n")
    stack.run_until_idle()
    args = ["--table", stack.table, "--region", "ap-northeast-1", "--json"]
    assert main(["articles", "--category", "tax", *args]) == 0
    assert [a["title"] for a in json.loads(capsys.readouterr().out)["items"]] == ["Hello"]
    assert main(["rejected", *args]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == []


def test_score_extraction_reports_full_marks(corpus):
    tool = corpus.parent / "tools" / "score-extraction"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run([sys.executable, str(tool)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.strip().splitlines()[-1].endswith("(100.0%)")


def test_samples_folder_is_part_of_the_repo():
    assert any(SAMPLES.rglob("*.docx")) and any(SAMPLES.rglob("*.html")) and any(SAMPLES.glob("issues/*"))
