"""The regression corpus of hostile uploads: each case is a recipe (a few bytes of Python, not
megabytes of fixture) for one upload and the outcome it must get.

Used by tests/safety/test_hostile.py (outcome, no raise, no garbage) and bench/safety.py (each case run
alone through `masthead extract`, its wall time and peak memory reported in docs/benchmarks.md).
Every class of attack found so far is here; add the next one beside its kind.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class Case:
    name: str
    key: str
    build: Callable[[], bytes]
    outcome: str  # "accepted" or the rejection code
    title: str | None = None  # for accepted cases: the title it must get

    def data(self) -> bytes:
        return self.build()


def _docx(document: str, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return out.getvalue()


def _docx_header_patch(offset_in_header: int, value: int, central: bool = False) -> bytes:
    """A one-part .docx with one header byte changed (encryption flag, compression method)."""
    data = bytearray(_docx(f"<w:document {W}><w:body><w:p><w:r><w:t>T</w:t></w:r></w:p></w:body></w:document>"))
    local = data.find(b"PK\x03\x04")
    data[local + offset_in_header] |= value
    if central:
        directory = data.find(b"PK\x01\x02")
        data[directory + offset_in_header + 2] |= value
    return bytes(data)


def _deflate64_docx() -> bytes:
    data = bytearray(_docx(f"<w:document {W}><w:body><w:p><w:r><w:t>T</w:t></w:r></w:p></w:body></w:document>"))
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature) + offset
        data[at : at + 2] = (9).to_bytes(2, "little")  # method 9: Deflate64
    return bytes(data)


_ENTITY_BOMB = (
    '<?xml version="1.0"?><!--' + "x" * 6000 + '--><!DOCTYPE d [<!ENTITY a "' + "A" * 1000 + '">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    f"<w:document {W}><w:body><w:p><w:r><w:t>Title</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</w:t></w:r></w:p></w:body></w:document>"
)

CASES: list[Case] = [
    # --- Markdown: patterns that used to backtrack ----------------------------------------------
    Case("heading-padded", "articles/h/heading.md", lambda: b"# a" + b" " * 3000 + b"b\n\nThe body of the article.\n", "accepted", "a b"),
    Case("heading-hashes", "articles/h/hashes.md", lambda: b"#" * 50000 + b" x\n\nbody\n", "missing_title"),
    Case("emphasis-underscores", "articles/h/emph.md", lambda: b"# T\n\n" + b"_a " * 20000 + b"\n", "accepted", "T"),
    Case("emphasis-stars", "articles/h/stars.md", lambda: b"# T\n\n" + b"*a " * 20000 + b"\n", "accepted", "T"),
    Case("emphasis-run", "articles/h/run.md", lambda: b"# T\n\nx" + b"*" * 200000 + b"y z\n", "accepted", "T"),
    Case("brackets-unclosed", "articles/h/brackets.md", lambda: b"# T\n\n" + b"[" * 50000 + b"x\n", "accepted", "T"),
    Case("links-unclosed", "articles/h/links.md", lambda: b"# T\n\n" + b"[a](" * 20000 + b"\n", "accepted", "T"),
    Case("images-unclosed", "articles/h/images.md", lambda: b"# T\n\n" + b"![" * 30000 + b"x\n", "accepted", "T"),
    Case("autolinks-unclosed", "articles/h/autolinks.md", lambda: b"# T\n\nText " + b"<http://" * 50000 + b"\n", "accepted", "T"),
    Case("code-ticks", "articles/h/ticks.md", lambda: b"# T\n\nText " + b"`" * 50000 + b"x\n", "accepted", "T"),
    Case("ref-links-unclosed", "articles/h/refs.md", lambda: b"# T\n\n" + b"[a][" * 30000 + b"\n", "accepted", "T"),
    Case("quotes-nested", "articles/h/quotes.md", lambda: b"# T\n\n" + b"> " * 50000 + b"x\n", "accepted", "T"),
    Case("rule-almost", "articles/h/rule.md", lambda: b"# T\n\n" + b"- " * 30000 + b"x\n", "accepted", "T"),
    Case("setext-almost", "articles/h/setext.md", lambda: b"# T\n\nline\n" + b"=" * 200000 + b"x\n", "accepted", "T"),
    Case("lines-many", "articles/h/lines.md", lambda: b"# T\n\n" + b"a\n" * 130000, "too_complex"),
    Case("lines-just-under", "articles/h/lines-under.md", lambda: b"# T\n\n" + b"- item\n" * 79000, "accepted", "T"),
    Case("long-paragraph-lines", "articles/h/joined.md", lambda: b"# T\n\n" + b"word\n" * 78000, "accepted", "T"),
    # lines an ordered list's marker opens that read as dates ("31. Mai 2012"): a date search each
    Case("list-date-items", "articles/h/dates.md", lambda: b"# T\n\n" + b"31. Mai 2012\n" * 78000, "accepted", "T"),
    Case(
        "credit-padded", "articles/h/credit.md", lambda: b"# T\n\nBody text.\n\nReference: a" + b" " * 100000 + b"b, c\n", "accepted", "T"
    ),
    Case("credit-commas", "articles/h/commas.md", lambda: b"# T\n\nBody text.\n\nImage: " + b" , " * 50000 + b"\n", "accepted", "T"),
    Case("title-site-suffix-spaces", "articles/h/suffix.md", lambda: b"---\ntitle: 'a" + b" " * 50000 + b"| b'\n---\nBody.\n", "accepted"),
    Case(
        "byline-spaces",
        "articles/h/byline.txt",
        lambda: b"Title\nBy a" + b" " * 100000 + b"(x\nBody text that is long enough.\n",
        "accepted",
        "Title",
    ),
    Case("text-title-pipes", "articles/h/pipes.txt", lambda: b"a | " * 500_000 + b"\nBody text.\n", "accepted"),
    Case("text-title-labels", "articles/h/labels.txt", lambda: b"[NEW] " * 300_000 + b"T\nBody text.\n", "accepted"),
    Case(
        "text-byline-long", "articles/h/byline-long.txt", lambda: b"Title\nBy " + b"a, " * 700_000 + b"\nBody text.\n", "accepted", "Title"
    ),
    Case("text-date-runs", "articles/h/dates.txt", lambda: b"Title\n" + b"2024/01/01 " * 200_000 + b"\nBody text.\n", "accepted", "Title"),
    # a header of tens of thousands of byline or dated lines: each costs a byline's and a date's reading
    Case("text-byline-run", "articles/h/bylines.txt", lambda: b"Title\n" + b"Von John Smith, Berlin\n" * 79_000, "accepted", "Title"),
    Case("text-dated-run", "articles/h/dated.txt", lambda: b"Title\n" + "Publié le 13 mars 2017\n".encode() * 79_000, "accepted", "Title"),
    Case(
        "html-title-pipes",
        "articles/h/title-pipes.html",
        lambda: b"<html><head><title>" + b"a | " * 500_000 + b"</title></head><body><p>Body.</p></body></html>",
        "accepted",
    ),
    # --- front matter and JSON: values of the wrong type or size --------------------------------
    Case("yaml-long-tag", "articles/h/tag.md", lambda: b"---\ntitle: !" + b"x" * 600 + b" a\n---\nbody\n", "bad_front_matter"),
    Case("yaml-huge-int", "articles/h/int.md", lambda: b"---\ntitle: x\nposition: " + b"9" * 5000 + b"\n---\nbody\n", "bad_front_matter"),
    Case("yaml-bad-date", "articles/h/date.md", lambda: b"---\ntitle: x\ndate: 2024-13-45\n---\nbody\n", "bad_front_matter"),
    Case("yaml-infinite-position", "articles/h/inf.md", lambda: b"---\ntitle: x\nposition: .inf\n---\nbody\n", "accepted", "x"),
    Case("toml-bad-int", "articles/h/toml.md", lambda: b"+++\ntitle = 'x'\nposition = 1_\n+++\nbody\n", "bad_front_matter"),
    Case(
        "toml-huge-int",
        "articles/h/toml-big.md",
        lambda: b"+++\ntitle = 'x'\nposition = " + b"9" * 5000 + b"\n+++\nbody\n",
        "bad_front_matter",
    ),
    Case("title-mapping", "articles/h/title-map.md", lambda: b"---\ntitle: {x: 1, y: [2]}\n---\nbody body\n", "missing_title"),
    Case(
        "title-mapping-heading",
        "articles/h/title-map2.md",
        lambda: b"---\ntitle: {x: 1}\ntags: {a: b}\nauthor: [[x]]\n---\n# Real\n\nbody\n",
        "accepted",
        "Real",
    ),
    Case("json-title-list", "articles/h/title.json", lambda: b'{"headline": ["a", {"b": 1}], "articleBody": "body"}', "missing_title"),
    Case(
        "json-huge-number",
        "articles/h/num.json",
        lambda: b'{"headline": "x", "articleBody": "y", "position": ' + b"9" * 5000 + b"}",
        "bad_json",
    ),
    Case(
        "json-many-keys",
        "articles/h/keys.json",
        lambda: b'{"headline": "x", "articleBody": "y", ' + b", ".join(b'"k%d": 1' % i for i in range(90_000)) + b"}",
        "accepted",
        "x",
    ),
    Case(
        "json-keywords-long",
        "articles/h/keywords.json",
        lambda: b'{"headline": "x", "articleBody": "y", "keywords": "' + b"a," * 700_000 + b'"}',
        "accepted",
        "x",
    ),
    Case("json-deep", "articles/h/deep.json", lambda: b"[" * 100000 + b"]" * 100000, "bad_json"),
    Case("json-many-containers", "articles/h/many.json", lambda: b"[" + b"[]," * 2000000 + b"[]]", "too_complex"),
    Case(
        "json-body-html-bomb",
        "articles/h/body.json",
        lambda: b'{"headline": "x", "body_html": "' + b"<div/>" * 100000 + b'"}',
        "too_complex",
    ),
    # a body kept as rich text: as many blocks as the loader allows, a block of millions of pieces
    Case(
        "json-rich-text-blocks",
        "articles/h/blocks.json",
        lambda: (
            b'{"title": "T", "content": ['
            + b",".join([b'{"type": "paragraph", "children": [{"type": "text", "text": "w"}]}'] * 33000)
            + b"]}"
        ),
        "accepted",
        "T",
    ),
    Case(
        "json-rich-text-pieces",
        "articles/h/pieces.json",
        lambda: b'{"title": "T", "body": [{"_type": "block", "children": [' + b"1," * 3000000 + b'{"text": "w"}]}]}',
        "no_body",
    ),
    # --- issue manifests --------------------------------------------------------------------------
    Case("manifest-huge-volume", "issues/huge.yaml", lambda: b"publication: Iolite\nvolume: " + b"9" * 60 + b"\n", "bad_manifest"),
    Case("manifest-features-int", "issues/features-int.yaml", lambda: b"publication: Iolite\nvolume: 3\nfeatures: 5\n", "bad_manifest"),
    Case(
        "manifest-features-string",
        "issues/features-str.yaml",
        lambda: b"publication: Iolite\nvolume: 3\nfeatures: Cover story\n",
        "accepted",
    ),
    Case(
        "manifest-description-huge",
        "issues/description.md",
        lambda: b"---\npublication: Iolite\nvolume: 1\n---\n" + b"word " * 1_000_000,
        "accepted",
    ),
    Case("manifest-volume-mapping", "issues/volume-map.yaml", lambda: b"publication: Iolite\nvolume: {n: 3}\n", "bad_manifest"),
    # --- HTML: budgets before the parser ----------------------------------------------------------
    Case(
        "html-attributes",
        "articles/h/attrs.html",
        lambda: ("<html><body><h1>T</h1><p " + " ".join(f"a{i}=1" for i in range(100000)) + ">x</p></body></html>").encode(),
        "too_complex",
    ),
    Case(
        "html-attributes-after-odd-script-end",
        "articles/h/attrs-script.html",
        lambda: (
            "<html><body><h1>T</h1><script>x</script x><p " + " ".join(f"a{i}" for i in range(100000)) + ">x</p></body></html>"
        ).encode(),
        "too_complex",
    ),
    Case(
        "html-attributes-in-svg-script",
        "articles/h/attrs-svg.html",
        lambda: (
            "<html><body><h1>T</h1><svg><script><p " + " ".join(f"a{i}" for i in range(100000)) + ">x</p></script></svg></body></html>"
        ).encode(),
        "too_complex",
    ),
    Case(
        "html-script-with-less-than",
        "articles/h/script-lt.html",
        lambda: b"<html><body><h1>Title</h1><script>if(a<b" + b" c=d" * 5000 + b")</script><p>Body.</p></body></html>",
        "accepted",
        "Title",
    ),
    Case(
        "html-attributes-unclosed-quote",
        "articles/h/quote.html",
        lambda: b'<html><body><h1>T</h1><p title="' + b"a " * 200000 + b"</p></body></html>",
        "no_body",
    ),
    Case(
        "html-self-closing-divs",
        "articles/h/divs.html",
        lambda: b"<html><body><h1>T</h1>" + b"<div/>" * 20000 + b"<p>x</p></body></html>",
        "too_deeply_nested",
    ),
    Case(
        "html-self-closing-under-precheck",
        "articles/h/divs-9k.html",
        lambda: b"<html><body><h1>T</h1>" + b"<div/>" * 9500 + b"<p>x</p></body></html>",
        "too_deeply_nested",
    ),
    Case(
        "html-self-closing-many",
        "articles/h/divs-many.html",
        lambda: b"<html><body><h1>T</h1>" + b"<div/>" * 130000 + b"<p>x</p></body></html>",
        "too_complex",
    ),
    Case(
        "html-svg-paths",
        "articles/h/svg.html",
        lambda: b"<html><body><h1>Title here</h1><svg>" + b'<path d="M0"/>' * 20000 + b"</svg><p>Body text.</p></body></html>",
        "accepted",
        "Title here",
    ),
    Case(
        "html-empty-elements",
        "articles/h/empty.html",
        lambda: b"<html><body><h1>T</h1>" + b"<i></i>" * 1000000 + b"<p>x</p></body></html>",
        "too_complex",
    ),
    Case(
        "html-open-spans",
        "articles/h/spans.html",
        lambda: b"<html><body><h1>T</h1>" + b"<span>" * 50000 + b"</body></html>",
        "too_deeply_nested",
    ),
    Case(
        "html-metas",
        "articles/h/metas.html",
        lambda: b"<html><head>" + b"<meta name=a content=b>" * 200000 + b"</head><body><h1>T</h1><p>x</p></body></html>",
        "too_complex",
    ),
    Case(
        "html-nested-blockquotes",
        "articles/h/blockquotes.html",
        lambda: b"<html><body><h1>T</h1>" + (b"<blockquote>" * 155 + b"x" + b"</blockquote>" * 155) * 255 + b"</body></html>",
        "accepted",
        "T",
    ),
    Case(
        "html-nested-lists",
        "articles/h/lists.html",
        lambda: b"<html><body><h1>T</h1>" + (b"<ul><li>" * 77 + b"item" + b"</li></ul>" * 77) * 255 + b"</body></html>",
        "accepted",
        "T",
    ),
    Case(
        "html-nested-definitions",
        "articles/h/dl.html",
        lambda: b"<html><body><h1>T</h1>" + (b"<dl><dd>" * 77 + b"<p>x</p>" + b"</dd></dl>" * 77) * 255 + b"</body></html>",
        "accepted",
        "T",
    ),
    Case(
        "html-nested-too-deep",
        "articles/h/deep.html",
        lambda: b"<html><body><h1>T</h1>" + b"<blockquote>" * 170 + b"x" + b"</blockquote>" * 170 + b"</body></html>",
        "too_deeply_nested",
    ),
    Case(
        "html-bylines",
        "articles/h/bylines.html",
        lambda: b"<html><body><h1>T</h1>" + b"<div class=author>by a</div>" * 20000 + b"<p>Body.</p></body></html>",
        "accepted",
        "T",
    ),
    Case(
        "html-datelines",
        "articles/h/datelines.html",
        lambda: b"<html><body><h1>T</h1>" + b"<span>posted 2024</span>" * 25000 + b"<p>Body.</p></body></html>",
        "accepted",
        "T",
    ),
    Case(
        # a page in <div>s and <br>s is read a line per break: every break gets a line end of its own
        "html-breaks",
        "articles/h/breaks.html",
        lambda: b"<html><body><h1>T</h1><div>" + b"word <a>x</a> <br>" * 25000 + b"</div></body></html>",
        "accepted",
        "T",
    ),
    Case(
        # text between <br>s in 6,000 elements of their own, beside paragraphs: every element is weighed
        # as a story written in lines, and the heaviest is read a line at a time
        "html-break-holders",
        "articles/h/break-holders.html",
        lambda: (
            b"<html><body><h1>T</h1><p>"
            + b"A paragraph of the page. " * 20
            + b"</p>"
            + (b"<div>" + b"A line of a story written in line breaks, long enough. " * 4 + b"<br><br>More.</div>") * 6000
            + b"</body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # one element holding 30,000 lines between <br>s beside a paragraph: read a line at a time
        "html-break-lines",
        "articles/h/break-lines.html",
        lambda: (
            b"<html><body><h1>T</h1><p>A paragraph.</p><div>"
            + b"A line of a story written in line breaks.<br><br>" * 30000
            + b"</div></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # two <h1>s and eight <h2>s of 500 KB each, no metadata title: each is compared with the
        # <title> as at most 400 characters, not cleaned whole
        "html-huge-headings",
        "articles/h/headings.html",
        lambda: (
            b"<html><head><title>A story | Site</title></head><body>"
            + b"".join(b"<h1>" + b"word " * 100000 + b"</h1>" for _ in range(2))
            + b"".join(b"<h2>" + b"word " * 100000 + b"</h2>" for _ in range(8))
            + b"<p>Body text of the story.</p></body></html>"
        ),
        "accepted",
    ),
    Case(
        # a byline link followed by 20 links of its kind, each holding 200,000 characters: each is
        # measured, none is tidied or split into names
        "html-byline-fellows",
        "articles/h/fellows.html",
        lambda: (
            b"<html><body><article><h1>T</h1><div class='authors'><a class='author-item' href='/a/'>Jane Doe</a>"
            + (b"<a class='author-item' href='/a/'>" + b"Many words of a name " * 10000 + b"</a>") * 20
            + b"</div><p>Body text of the story.</p></article></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # no metadata, and a hundred sidebars in the story, each of 300 author marks and a list:
        # only the first few are looked into for the one byline they might hold
        "html-side-columns",
        "articles/h/columns.html",
        lambda: (
            b"<html><body><article><h1>T</h1><p>Body text of the story, long enough to be the story.</p>"
            + (b"<div class='sidebar'><ul><li>x</li></ul>" + b"<span class='author'>A</span>" * 300 + b"</div>") * 100
            + b"</article></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # Korean bylines that almost match: a byline box, a first paragraph and last paragraphs of
        # two-syllable words with "=" and brackets, and no role where one is looked for
        "html-korean-bylines",
        "articles/h/ko.html",
        lambda: (
            "<html lang='ko'><body><article><h1>제목</h1><div class='byline'>"
            + "[가가=가가 " * 20000
            + "</div><p>"
            + "(가가=가가) 가가 가가·" * 20000
            + "</p>"
            + ("<p>" + "가가 가가 기자가 " * 20000 + "기자 a@b</p>") * 3
            + "</article></body></html>"
        ).encode(),
        "accepted",
        "제목",
    ),
    Case(
        # a site's bar of dated boxes nested 150 deep, above 20,000 branches of the body before the
        # headline's: each date found there is placed by climbing to the body
        "html-dated-site-bars",
        "articles/h/bars.html",
        lambda: (
            b"<html><body>"
            + (b"<div>" * 150 + b"<span class='date'>09.12.2019</span>" * 200 + b"</div>" * 150)
            + b"<div>x</div>" * 20000
            + b"<main><h1>T</h1><p>Body text of the story, long enough to be the story.</p></main></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # 4,000 asides nested around one story card's date: each aside's date is looked for, and
        # whether it is a card's, without climbing the whole chain each time
        "html-nested-aside-cards",
        "articles/h/asides.html",
        lambda: (
            b"<html><body><main><article><h1>T</h1><p>Body text of the story, long enough to be the story.</p></article></main>"
            + b"<aside>" * 4000
            + b"<article><div class='date'>19.03.2024</div></article>"
            + b"</aside>" * 4000
            + b"</body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # 150 cards nested around 12,000 elements, each with a date: whether a card holds a story's
        # linked title is looked for once per card, not once per date in it
        "html-nested-dated-cards",
        "articles/h/cards.html",
        lambda: (
            b"<html><body><main><h1>T</h1><p>Body text of the story, long enough to be the story.</p></main>"
            + b"<div class='card'><span class='date'>09.12.2019</span>" * 150
            + b"<div><b>x</b></div>" * 12000
            + b"</div>" * 150
            + b"</body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # 70 picture captions nested around 30,000 paragraphs: the paragraphs of a caption are
        # collected once, by the outermost caption, not once by each caption they are in
        "html-nested-captions",
        "articles/h/captions.html",
        lambda: (
            b"<html><body><article><h1>T</h1><p>Body text of the story, long enough to be the story.</p>"
            + b"<figure><figcaption>" * 70
            + b"<p></p>" * 30000
            + b"</figcaption></figure>" * 70
            + b"</article></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # 150 <pre>s nested around 1 MB of text, then <dt>s in <dl>s 75 deep around 500 KB: each
        # text is read once, by the outermost block, not once per level (a fuzzed page of nested
        # <dt>s gave a 28-million-character body; this case gave 150 MB, in 3 s and 460 MB)
        "html-nested-blocks",
        "articles/h/nested.html",
        lambda: (
            b"<html><body><article><h1>T</h1><p>Body text of the story, long enough to be the story.</p>"
            + b"<pre>" * 150
            + b"word " * 200_000
            + b"</pre>" * 150
            + b"<dl><dt>" * 75
            + b"more " * 100_000
            + b"</dt></dl>" * 75
            + b"</article></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # 150 content roots nested around 39,800 elements on a page without paragraphs: the roots
        # are ranked from one another, not by a walk of each one's subtree per selector (1.1 s before)
        "html-nested-content-roots",
        "articles/h/content-roots.html",
        lambda: (
            b"<html><body><h1>T</h1>" + b"<div class='content'>" * 150 + b"<span>x</span>" * 39_800 + b"</div>" * 150 + b"</body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # 18,000 list entries and paragraphs that are a link each: every one is looked into
        "html-linked-entries",
        "articles/h/linked.html",
        lambda: (
            b"<html><body><h1>T</h1><p>Body text of the story.</p><ul>"
            + b"<li><a href='/x'>x</a></li><p><a>y</a> </p>" * 9000
            + b"</ul></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # no story's worth of paragraphs: the content-root candidates are climbed into, 150 nested wrappers
        "html-nested-roots",
        "articles/h/roots.html",
        lambda: (
            b"<html><body><h1>T</h1><p>t</p>"
            + b'<div class="content"><div class="post">' * 75
            + b'<div class="entry-content">'
            + b"<div>words here</div>" * 3000
            + b"</div>"
            + b"</div></div>" * 75
            + b'<div class="content">x</div>' * 200
            + b"</body></html>"
        ),
        "accepted",
        "T",
    ),
    Case(
        # no <h1> and no metadata title: the <h2>s are compared with a long <title>, ten at most
        "html-h2s-title",
        "articles/h/h2s.html",
        lambda: (
            b"<html><head><title>"
            + b"a " * 20000
            + b"</title></head><body>"
            + b"<h2>"
            + b"a " * 150
            + b"</h2>" * 20000
            + b"<p>Body.</p></body></html>"
        ),
        "accepted",
    ),
    Case(
        # no date anywhere: the page's own data is searched for one, through megabytes of near-keys
        "html-publish-keys",
        "articles/h/keys.html",
        lambda: b"<html><body><h1>T</h1><script>" + b'{"publishDate": "20x", "postTime":' * 60000 + b"</script><p>Body.</p></body></html>",
        "accepted",
        "T",
    ),
    Case("html-angle-brackets", "articles/h/lt.html", lambda: b"<html><body><h1>T</h1>" + b"<" * 1000000 + b"</body></html>", "no_body"),
    Case("html-unclosed-tag", "articles/h/tag.html", lambda: b"<html><body><h1>T</h1><a " + b"x" * 2000000 + b"</body></html>", "no_body"),
    Case(
        "html-scripts-unclosed",
        "articles/h/script.html",
        lambda: b"<html><body><h1>T</h1><p>" + b"<script" * 200000 + b"</p></body></html>",
        "too_complex",
    ),
    Case(
        "html-class-long",
        "articles/h/class.html",
        lambda: b"<html><body><h1>T</h1><p class='" + b"a-" * 200000 + b"'>Body.</p></body></html>",
        "accepted",
        "T",
    ),
    Case(
        "html-json-ld-deep",
        "articles/h/ld.html",
        lambda: (
            b"<html><head><script type='application/ld+json'>"
            + b"[" * 100000
            + b"]" * 100000
            + b"</script></head><body><h1>T</h1><p>x</p></body></html>"
        ),
        "accepted",
        "T",
    ),
    Case("html-charset-long", "articles/h/charset.html", lambda: b"<meta charset=" + b"a" * 100000, "missing_title"),
    # --- Word .docx -------------------------------------------------------------------------------
    Case("docx-entity-after-comment", "articles/h/entity.docx", lambda: _docx(_ENTITY_BOMB), "bad_docx"),
    Case(
        "docx-utf16-part",
        "articles/h/utf16.docx",
        lambda: _docx(f'<?xml version="1.0" encoding="UTF-16"?><w:document {W}/>'.encode("utf-16")),
        "bad_docx",
    ),
    Case(
        "docx-nested-paragraphs",
        "articles/h/nested.docx",
        lambda: _docx(f"<w:document {W}><w:body>" + "<w:p>" * 100000 + "</w:p>" * 100000 + "</w:body></w:document>"),
        "missing_title",
    ),
    Case(
        "docx-many-paragraphs",
        "articles/h/many.docx",
        lambda: _docx(f"<w:document {W}><w:body>" + "<w:p><w:r><w:t>w</w:t></w:r></w:p>" * 250000 + "</w:body></w:document>"),
        "too_complex",
    ),
    Case(
        "docx-styles-generated",
        "articles/h/styles.docx",
        lambda: _docx(
            f'<w:document {W}><w:body><w:p><w:pPr><w:pStyle w:val="a1"/></w:pPr><w:r><w:t>T</w:t></w:r></w:p><w:p><w:r><w:t>Body.</w:t></w:r></w:p></w:body></w:document>',
            {
                "word/styles.xml": f"<w:styles {W}>"
                + "".join(f'<w:style w:styleId="s{i}"><w:name w:val="n{i}"/></w:style>' for i in range(90_000))
                + "</w:styles>"
            },
        ),
        "accepted",  # its first short paragraph is the title; 90,000 styles are read within the budget
    ),
    Case(
        "docx-many-footnotes",
        "articles/h/footnotes.docx",
        lambda: _docx(
            f"<w:document {W}><w:body><w:p><w:r><w:t>T</w:t></w:r></w:p><w:p><w:r><w:t>Body.</w:t></w:r></w:p></w:body></w:document>",
            {
                "word/footnotes.xml": f"<w:footnotes {W}>"
                + '<w:footnote w:id="1"><w:p><w:r><w:t>n</w:t></w:r></w:p></w:footnote>' * 30_000
                + "</w:footnotes>",
                "word/endnotes.xml": f"<w:endnotes {W}>"
                + "<w:endnote><w:p>" * 20_000
                + "</w:p></w:endnote>" * 20_000
                + "<w:endnote>"
                + "<w:p>" * 50_000
                + "</w:p>" * 50_000
                + "</w:endnote></w:endnotes>",
            },
        ),
        "accepted",  # 30,000 notes (the references list keeps 50), 20,000 nested notes, a note of 50,000 nested paragraphs: each read once
    ),
    Case("docx-encrypted", "articles/h/encrypted.docx", lambda: _docx_header_patch(6, 1, central=True), "bad_docx"),
    Case("docx-deflate64", "articles/h/deflate64.docx", _deflate64_docx, "bad_docx"),
    Case("docx-truncated", "articles/h/truncated.docx", lambda: _docx(f"<w:document {W}><w:body></w:body></w:document>")[:60], "bad_docx"),
    Case("docx-corrupt-xml", "articles/h/corrupt.docx", lambda: _docx("<w:document"), "bad_docx"),
    # --- plain text -------------------------------------------------------------------------------
    Case("text-digits", "articles/h/digits.txt", lambda: b"Title\n" + b"1" * 200000 + b"\nbody body body\n", "accepted", "Title"),
    Case("text-date-padded", "articles/h/date.txt", lambda: b"Title\n2024" + b" " * 100000 + b"/01/01\nbody\n", "accepted", "Title"),
    # a word of 400,000 letters under the title, where a pasted page's header is read (names, handles)
    Case("text-long-word", "articles/h/word.txt", lambda: b"Title\n" + b"aB" * 200_000 + b"\nbody body body\n", "accepted", "Title"),
    Case(
        "text-shift-jis-large",
        "articles/h/sjis.txt",
        lambda: ("タイトル\n\n" + "日本語の本文です。" * 300000).encode("cp932"),
        "accepted",
        "タイトル",
    ),
]
