"""`masthead extract`: JSON lines, exit codes, the size check before reading."""

from __future__ import annotations

import json

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


def test_keys_are_relative_to_the_root_however_the_files_are_named(tmp_path, capsys, monkeypatch):
    article = tmp_path / "real" / "articles" / "2024" / "a.md"
    article.parent.mkdir(parents=True)
    article.write_text("# Title\n\nBody text.\n")
    (tmp_path / "link").symlink_to(tmp_path / "real")  # the root named through a symlink
    monkeypatch.chdir(tmp_path / "real" / "articles")
    assert main(["extract", "--root", str(tmp_path / "link"), "--json", "2024/a.md", "../articles/2024/a.md"]) == 0
    keys = [json.loads(line)["key"] for line in capsys.readouterr().out.splitlines()]
    assert keys == ["articles/2024/a.md", "articles/2024/a.md"]


def test_keys_without_a_root_are_the_paths_without_dot_parts_doubled_or_leading_slashes(tmp_path, capsys, monkeypatch):
    article = tmp_path / "articles" / "2024" / "a.md"
    article.parent.mkdir(parents=True)
    article.write_text("# Title\n\nBody text.\n")
    monkeypatch.chdir(tmp_path)
    names = ["articles/2024/a.md", "./articles//2024/./a.md", str(article)]
    assert main(["extract", "--json", *names]) == 0
    keys = [json.loads(line)["key"] for line in capsys.readouterr().out.splitlines()]
    assert keys == ["articles/2024/a.md", "articles/2024/a.md", str(article).lstrip("/")]
