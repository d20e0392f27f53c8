"""Every rejection code, with the hostile and broken inputs that produce it: fast, bounded, never a crash."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest

from masthead.extract import REJECTION_MESSAGES, ExtractOptions, extract
from tests.docx_factory import build_docx


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(120):
                f.write(b"\0" * (1 << 20))
    return out.getvalue()


BOMB = (
    "---\n"
    + "a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n"
    + "".join(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
    + "title: *a8\n---\nBody.\n"
)

CASES = [
    ("articles/a/empty.md", b"", "empty_file"),
    ("articles/a/blank.txt", b"  \n\t\n  ", "empty_file"),
    ("articles/a/bom.md", b"\xef\xbb\xbf", "empty_file"),
    ("articles/a/spaces.txt", "\u3000\u00a0\n\u2003".encode(), "empty_file"),  # ideographic, no-break, em spaces
    ("articles/a/big.md", b"# T\n\n" + b"x" * 2048, "too_large"),
    ("articles/a/png.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary_content"),
    ("articles/a/zip.txt", b"PK\x03\x04" + b"\0" * 30, "binary_content"),
    ("articles/a/nul.html", b"<html>\0\0\0\0binary", "binary_content"),
    ("articles/a/file.exe", b"just text", "unsupported_format"),
    ("articles/a/bad.md", b'---\ntitle: "unterminated\ndate: [2024\n---\nBody', "bad_front_matter"),
    ("articles/a/open.md", b"---\ntitle: never closed\n\nBody", "bad_front_matter"),
    ("articles/a/bomb.md", BOMB.encode(), "front_matter_too_complex"),
    ("articles/a/list-front.md", b"---\n- one\n- two\n---\nBody text", "bad_front_matter"),
    ("articles/a/long-front.md", b"---\ntitle: T\nnote: " + b"x" * 70_000 + b"\n---\nBody", "bad_front_matter"),
    ("articles/a/long-front-toml.md", b"+++\ntitle = 'T'\nnote = '" + b"x" * 70_000 + b"'\n+++\nBody", "bad_front_matter"),
    # text already broken by a lossy conversion: its characters are replacement marks
    ("articles/a/replaced.txt", ("Title\n\n" + "Caf\ufffd au lait " * 100).encode(), "undecodable"),
    ("articles/a/bad.json", b'{"headline": "x",}', "bad_json"),
    ("articles/a/list.json", b"[1, 2, 3]", "bad_json"),
    ("articles/a/bad-utf8.txt", b"\xef\xbb\xbfTitle\n\n\xff\xfe broken", "undecodable"),
    ("articles/a/bad.docx", b"PK\x03\x04 not really a zip", "bad_docx"),
    ("articles/a/renamed.docx", b"# A markdown file named .docx", "bad_docx"),
    ("articles/a/bomb.docx", _zip_bomb(), "docx_too_large"),
    ("articles/a/deep.html", ("<div>" * 3000 + "x" + "</div>" * 3000).encode(), "too_deeply_nested"),
    ("articles/a/notitle.json", b'{"body_text": "only a body"}', "missing_title"),
    ("articles/a/titleonly.md", b"---\ntitle: Just a title\n---\n", "no_body"),
    # a frameset page: its content is in the frames' own files
    ("articles/a/frames.html", b"<html><head><title>A story</title></head><frameset><frame src='story.html'></frameset></html>", "no_body"),
    (
        "articles/a/nav.html",
        b"<html><head><title>Menu | Iolite</title></head><body><nav><a>Home</a><a>News</a></nav><footer>(c)</footer></body></html>",
        "no_body",
    ),
    (
        "articles/a/app.html",
        b'<html><head><title>A story | Site</title><meta property="og:title" content="A story"></head>'
        b'<body><div id="__next"></div><script>self.__next_f.push([1,"the story, for the browser"])</script></body></html>',
        "script_rendered",
    ),
    ("issues/bad.yaml", b"title: no publication or volume\n", "bad_manifest"),
    ("issues/bad-date.yaml", b"publication: Iolite\nvolume: 3\nreleased_on: someday\n", "bad_manifest"),
    ("issues/cover.png", b"plain text", "unsupported_format"),
    ("articles/a/generated.html", b"<html><body><h1>T</h1>" + b"<i></i>" * 70000 + b"</body></html>", "too_complex"),
]


@pytest.mark.parametrize("key, data, code", CASES, ids=[c[0] for c in CASES])
def test_rejected_with_code_and_editor_message(key, data, code):
    tracemalloc.start()
    started = time.perf_counter()
    result = extract(key, data, ExtractOptions(max_bytes=1024 if code == "too_large" else 10 * 1024 * 1024))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.metadata.status == "rejected", result.as_dict()
    assert result.metadata.error.code == code
    message = result.metadata.error.message
    assert message and "{" not in message and "Traceback" not in message
    # Generous bounds (not a benchmark): hostile input must not hang or balloon.
    assert elapsed < 5
    assert peak < 64 * 1024 * 1024


def test_every_rejection_code_is_exercised():
    # internal_error: the test below; too_slow: tests/safety/test_hostile.py (it needs a tiny time budget)
    # cannot_index: test_index_step.py; duplicate_issue (given by the index, not the extractor): test_histories.py
    exercised = {code for _, _, code in CASES} | {"internal_error", "too_slow", "cannot_index", "duplicate_issue"}
    assert exercised == set(REJECTION_MESSAGES)


def test_a_bug_in_a_parser_rejects_the_file_instead_of_raising(monkeypatch):
    from masthead.extract import markdown

    def broken(_source):
        raise KeyError("bug")

    monkeypatch.setattr(markdown, "parse_markdown", broken)
    result = extract("articles/a/x.md", b"# T\n\nBody")
    assert result.metadata.error.code == "internal_error"


def test_docx_with_entity_declarations_is_refused():
    data = build_docx([(None, "x")])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                content = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>' + content.split(b"?>", 1)[1]
            dst.writestr(info, content)
    result = extract("articles/a/ent.docx", out.getvalue())
    assert result.metadata.error.code == "bad_docx"


def test_a_long_pretty_printed_html_page_is_not_refused_for_its_lines():
    # 100,000 lines but a few thousand tags: HTML is bounded by its tags, not its lines.
    words = "\n".join(["The story's paragraph goes on for many lines of text"] * 100_000)
    html = f"<html><head><title>Long</title></head><body><h1>Long</h1><p>{words}</p></body></html>"
    assert extract("articles/a/long.html", html.encode(), ExtractOptions(max_bytes=20 << 20)).accepted


@pytest.mark.parametrize("levels, rejected", [(156, False), (157, True)])
def test_nesting_depth_is_bounded_on_every_branch(levels, rejected):
    # html, body, then `levels` <div>s, each holding a <span> before the next level: no element of
    # the deep chain is its parent's first child. The paragraph at the bottom is at depth levels + 3.
    from masthead.extract.htmlparse import MAX_DEPTH

    assert levels + 3 in (MAX_DEPTH - 1, MAX_DEPTH)
    nested = "<div><span>aside</span>" * levels + "<p>A paragraph at the very bottom of the nesting.</p>" + "</div>" * levels
    html = f"<html><head><title>Deep</title></head><body>{nested}</body></html>"
    result = extract("articles/a/deep-branch.html", html.encode())
    assert (result.metadata.status == "rejected") is rejected
    assert not rejected or result.metadata.error.code == "too_deeply_nested"


@pytest.mark.parametrize(
    ("key", "data", "hint"),
    [
        ("articles/a/t.json", b'{"body_text": "only a body"}', '"title"'),
        ("articles/a/t.md", b"---\ntitle: {x: 1}\n---\nbody text", "'# Title' heading"),
        ("articles/a/t.html", b"<html><body><p>Body only text here.</p></body></html>", "<h1>"),
        ("articles/a/t.docx", build_docx([(None, "A first sentence of the story."), (None, "More.")]), "Word's Title style"),
    ],
)
def test_a_missing_title_is_explained_in_the_files_own_terms(key, data, hint):
    error = extract(key, data).as_dict()["error"]
    assert error["code"] == "missing_title" and hint in error["message"]


def test_a_manifests_release_month_alone_asks_for_the_day_it_goes_on_sale():
    # (a cover month is not the day an issue goes on sale: Iolite's "March 2025 issue" came out on 28 January)
    for month in ("2025-03", "March 2025"):
        result = extract("issues/iolite-vol-12.yaml", f"publication: Iolite\nvolume: 12\nreleased_on: {month}\n".encode())
        error = result.metadata.error
        assert error.code == "bad_manifest" and month in error.message and "the day the issue goes on sale" in error.message
