"""Structured rich-text bodies read as lines (plain data: no files, no AWS)."""

from __future__ import annotations

import pytest

from masthead.extract import richtext


def _contentful_text(value: str, *marks: str) -> dict:
    return {"nodeType": "text", "value": value, "marks": [{"type": mark} for mark in marks], "data": {}}


def _contentful(node_type: str, *content: dict) -> dict:
    return {"nodeType": node_type, "data": {}, "content": list(content)}


def test_contentful_blocks_headings_lists_quotes_and_inline_links():
    document = _contentful(
        "document",
        _contentful("heading-2", _contentful_text("Who may issue")),
        _contentful(
            "paragraph",
            _contentful_text("Only banks, "),
            _contentful("hyperlink", _contentful_text("the agency", "bold")),
            _contentful_text(" said."),
        ),
        _contentful(
            "unordered-list",
            _contentful("list-item", _contentful("paragraph", _contentful_text("First"))),
            _contentful("list-item", _contentful("paragraph", _contentful_text("Second"))),
        ),
        _contentful("blockquote", _contentful("paragraph", _contentful_text("A quote."))),
        {"nodeType": "embedded-asset-block", "data": {"target": {"sys": {"id": "img"}}}, "content": []},
        _contentful("hr"),
        _contentful("paragraph", _contentful_text("   ")),  # an empty paragraph is no line
        _contentful("table", _contentful("table-row", _contentful("table-cell", _contentful("paragraph", _contentful_text("Cell"))))),
    )
    assert richtext.lines(document) == [
        ("heading", "Who may issue"),
        ("text", "Only banks, the agency said."),
        ("text", "First"),
        ("text", "Second"),
        ("text", "A quote."),
        ("text", "Cell"),
    ]


def test_sanity_portable_text_blocks_and_styles():
    blocks = [
        {"_type": "block", "style": "h3", "children": [{"_type": "span", "text": "Who may issue"}]},
        {
            "_type": "block",
            "style": "normal",
            "children": [{"_type": "span", "text": "Only banks "}, {"_type": "span", "text": "may", "marks": ["em"]}],
        },
        {"_type": "image", "asset": {"_ref": "image-1"}, "alt": "not text"},
        {"_type": "block", "style": "blockquote", "listItem": "bullet", "children": [{"_type": "span", "text": "Quoted"}]},
    ]
    assert richtext.lines(blocks) == [("heading", "Who may issue"), ("text", "Only banks may"), ("text", "Quoted")]


def test_strapi_blocks_and_lexical_state_with_lists():
    text = lambda value: {"type": "text", "text": value}  # noqa: E731
    strapi = [
        {"type": "heading", "level": 2, "children": [text("Who may issue")]},
        {"type": "paragraph", "children": [text("Only "), {"type": "link", "url": "https://x", "children": [text("banks")]}]},
        {"type": "list", "format": "unordered", "children": [{"type": "list-item", "children": [text("First")]}]},
        {"type": "image", "image": {"url": "x.jpg"}, "children": [text("")]},
    ]
    assert richtext.lines(strapi) == [("heading", "Who may issue"), ("text", "Only banks"), ("text", "First")]
    lexical = {
        "root": {
            "type": "root",
            "children": [
                {"type": "heading", "tag": "h2", "children": [text("H")]},
                {"type": "list", "children": [{"type": "listitem", "children": [text("Item")]}]},
            ],
        }
    }
    assert richtext.lines(lexical) == [("heading", "H"), ("text", "Item")]


def test_editorjs_blocks_with_both_list_versions():
    saved = {
        "time": 1,
        "version": "2.30",
        "blocks": [
            {"type": "header", "data": {"text": "Who may issue", "level": 2}},
            {"type": "paragraph", "data": {"text": "Only <b>banks</b>."}},
            {"type": "list", "data": {"style": "unordered", "items": ["One", {"content": "Two", "items": []}]}},
            {"type": "image", "data": {"file": {"url": "x"}, "caption": "c"}},
        ],
    }
    assert richtext.lines(saved) == [("heading", "Who may issue"), ("text", "Only <b>banks</b>."), ("text", "One"), ("text", "Two")]


@pytest.mark.parametrize("value", ["text", [], ["a", "b"], [{"title": "no blocks"}], {"nodeType": "paragraph"}, {"root": "x"}, 3])
def test_what_is_no_structured_body_is_none(value):
    assert richtext.lines(value) is None


def test_a_body_of_more_nodes_than_the_budget_is_read_no_further():
    deep = {"nodeType": "document", "content": [_contentful("paragraph", _contentful_text("x")) for _ in range(richtext.MAX_NODES)]}
    found = richtext.lines(deep)
    assert found is not None and 0 < len(found) < richtext.MAX_NODES
    nested: dict = {"type": "list", "children": []}
    node = nested
    for _ in range(50_000):  # nesting far beyond Python's recursion limit: walked with a stack
        child: dict = {"type": "list", "children": []}
        node["children"].append(child)
        node = child
    node["children"].append({"type": "list-item", "children": [{"type": "text", "text": "deep"}]})
    assert richtext.lines([nested]) == [("text", "deep")]


def test_a_line_of_more_pieces_than_the_budget_is_cut(monkeypatch):
    monkeypatch.setattr(richtext, "MAX_NODES", 10)
    link = {"type": "link", "children": [{"type": "text", "text": "x"}] * 1000}
    found = richtext.lines([{"type": "paragraph", "children": [link] * 50}])
    assert found is not None and 0 < len(found[0][1]) < 10


def test_a_tree_of_more_blocks_than_the_budget_is_walked_no_further(monkeypatch):
    monkeypatch.setattr(richtext, "MAX_NODES", 10)
    read = []
    inline_text = richtext._inline_text
    monkeypatch.setattr(richtext, "_inline_text", lambda node, budget: read.append(node) or inline_text(node, budget))
    item = {"type": "list-item", "children": [{"type": "text", "text": "x"}]}
    lists = [{"type": "list", "children": [item] * 1000} for _ in range(5)]
    richtext.lines(lists)
    assert 0 < len(read) <= 10
