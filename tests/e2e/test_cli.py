"""The masthead command end to end: the demo's JSON in a subprocess, the corpus scorer's full marks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.builders import ROOT


def test_demo_json_on_a_folder_we_choose_then_reindexed(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "issues").mkdir()
    (tmp_path / "articles" / "one.md").write_text("---\ntitle: One\nissue: iolite-vol-3\n---\n\nBody one.\n")
    (tmp_path / "articles" / "two.html").write_text("<html><head><title>Two | Iolite</title></head><body><p>Body two.</p></body></html>")
    (tmp_path / "articles" / "bad.json").write_text("{")
    (tmp_path / "issues" / "v3.yaml").write_text("publication: Iolite\nvolume: 3\ntitle: Three\n")
    (tmp_path / "notes.txt").write_text("outside the notified prefixes: never indexed")
    result = subprocess.run(
        [sys.executable, "-m", "masthead_tools.cli", "demo", "--source", str(tmp_path), "--json", "--reindex"],
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
    # The reindex run (same extractor) read every key again and changed nothing, so announced nothing.
    run = state["reindex"]
    assert run["status"] == "SUCCEEDED" and run["listed"] == 5 and run["failed"] == 0
    assert run["counts"]["skipped_elsewhere"] == 1 and run["counts"]["sent"] == run["counts"]["indexed_duplicate"] == 4
    assert run["changed"] == 0


def test_score_extraction_reports_full_marks(corpus):
    tool = corpus.parent / "tools" / "score-extraction"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run([sys.executable, str(tool)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.strip().splitlines()[-1].endswith("(100.0%)")
