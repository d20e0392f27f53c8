"""The reader CLI against an index on moto."""

from __future__ import annotations

import json

from masthead_tools.cli import main


def test_reader_cli_against_an_embedded_index(stack, capsys):
    stack.upload("articles/a.md", b"---\ntitle: Hello\ncategory: Tax\n---\n\nBody.\n")
    stack.run_until_idle()
    args = ["--table", stack.table, "--region", "ap-northeast-1", "--json"]
    assert main(["articles", "--category", "tax", *args]) == 0
    assert [a["title"] for a in json.loads(capsys.readouterr().out)["items"]] == ["Hello"]
    assert main(["rejected", *args]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == []
