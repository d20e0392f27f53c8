"""HTML parsed within budgets: markup with more tags, attributes or nesting than the parser takes
quickly is refused (`too_complex`, `too_deeply_nested`) before, or right after, it is parsed.

Lexbor's time grows with tags x depth and with the square of one element's attributes, so the raw
markup is measured first, with the regex engine and str methods doing the per-tag work in C; what
is cheaper to check on the tree (depth, below _PRECHECK_TAGS tags) is checked there.
"""

from __future__ import annotations

import re
from itertools import accumulate, islice

from ..errors import ExtractionRejected
from . import precompiled

# Real pages nest 30-50 elements deep (49 at most in 339 pages of 327 sites); work on nested blocks
# grows with depth, so the bound is three times that, not more.
MAX_DEPTH = 160
# Real pages have a few thousand tags and a few dozen attributes on their busiest element; the
# parser's time and memory grow with both (with the square of the attributes of one element).
MAX_TAGS = 80_000
MAX_ATTRIBUTES = 400
# In script and style bodies "attributes" are mostly code that looks like them (real pages: up to
# ~600 in one stretch): budgets there only stop what would stall the parser if it were markup.
MAX_RAW_TEXT_ATTRIBUTES = 5_000
MAX_RAW_TEXT_ATTRIBUTES_TOTAL = 20_000
# One match per tag that can nest: ("", name, "") for an opening tag, ("/", name, "") for a closing
# one, ("", name, "/") for '<x/>'. Not counted: void elements (never nest) and elements whose end
# tag is optional (<p>, <li>, <td>: the parser closes them at the next sibling, so a page of
# unclosed paragraphs is not "deep"). A self-closing '<div/>' opens an element in HTML (the slash
# is ignored), except inside <svg> and <math>, where '<path/>' really is closed.
_NESTING_TAG = precompiled.pattern(
    r"<(/?)(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|option|optgroup"
    r"|tr|td|th|tbody|thead|tfoot|colgroup|rb|rt|rp)\b)([A-Za-z][^\s/<>]*+)(?:[^<>/]++|/(?!>))*+(/?)>",
    re.I,
)
_FOREIGN = frozenset({"svg", "math"})
_TAG_NAME = precompiled.pattern(r"<(/?)([A-Za-z][^\s/<>]*+)")
_NOT_NESTING = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "colgroup",
        "rb",
        "rt",
        "rp",
    }
)
# Tags long enough to hold many attributes; the attributes of those few are then counted.
_LONG_TAG_CHARS = 2000
# An unclosed quote runs to the end of the tag (as in the parser), so no value is scanned twice.
_ATTRIBUTE = precompiled.pattern(r"""[\s/]([^\s"'<>/=]++)(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s"'<>]*+))?""")
_TAG_START = precompiled.pattern(r"<[A-Za-z/!?]")
_RAW_TEXT_OPEN = precompiled.pattern(r"<(?:script|style)\b[^<>]*+>", re.I)
# Where the parser ends a script: "</script" followed by a space, "/" or ">" (attributes after it
# are ignored), so the markup after "</script x>" is counted too.
_RAW_TEXT_CLOSE = precompiled.pattern(r"</(?:script|style)(?=[\s/>])", re.I)


def check_depth(source: str) -> None:
    """Refuse markup nested deeper than MAX_DEPTH before the parser sees it.

    HTML parsers slow down with the square of nesting depth (Lexbor takes 20 s at 100,000 levels),
    so depth is measured on the raw tag sequence first, with the regex engine and itertools doing
    the per-tag work in C.
    """
    # Fast bound: tag names only (a short match per tag), every opening tag +1 (a self-closing one
    # too, as the HTML parser sees '<div/>'), every closing tag -1. Parsers ignore stray closing
    # tags, so the true depth is at most the running sum minus the lowest it has been.
    steps = [-1 if closing else 1 for closing, name in _TAG_NAME.findall(source) if name.lower() not in _NOT_NESTING]
    if len(steps) <= MAX_DEPTH:
        return
    sums = list(accumulate(steps))
    if max(sums) - min(0, min(sums)) <= MAX_DEPTH:
        return
    # Over the bound: read each tag to the end, where '<path/>' inside <svg> really is closed.
    tags = _NESTING_TAG.findall(source)
    depth, foreign = 0, 0
    for closing, name, self_closing in tags:
        name = name.lower()
        if closing:
            depth = max(0, depth - 1)
            foreign -= foreign > 0 and name in _FOREIGN
        elif not (self_closing and foreign):
            depth += 1
            foreign += name in _FOREIGN
        if depth > MAX_DEPTH:
            raise ExtractionRejected("too_deeply_nested")


def check_size(source: str, raw: bytes | None = None) -> int:
    """Refuse, before parsing, markup with more elements or attributes than a parser can take
    quickly. Returns at least the number of tags (counting stops past MAX_TAGS, so this is cheap).
    `raw`: the same text as UTF-8, where '<' is counted a byte at a time (the decoded text of a
    non-Latin page is two or four bytes a character)."""
    tags = source.count("<") if raw is None else raw.count(b"<")  # an upper bound
    if tags > MAX_TAGS and (tags := sum(1 for _ in islice(_TAG_START.finditer(source), MAX_TAGS + 1))) > MAX_TAGS:
        raise ExtractionRejected("too_complex", detail=f"it has more than {MAX_TAGS:,} HTML tags")
    # Attribute-heavy stretches are rare; only when there is one is it placed inside or outside the
    # page's script and style bodies (where code like `a<b;...` looks like attributes).
    heavy = _attribute_heavy(source)
    if heavy:
        spans = list(_raw_text_spans(source))
        in_raw = [n for start, n in heavy if any(a <= start < b for a, b in spans)]
        if len(in_raw) < len(heavy) or max(in_raw) > MAX_RAW_TEXT_ATTRIBUTES or sum(in_raw) > MAX_RAW_TEXT_ATTRIBUTES_TOTAL:
            raise ExtractionRejected("too_complex", detail=f"one element has more than {MAX_ATTRIBUTES} attributes")
    return tags


def _long_tags(source: str) -> list[tuple[int, str]]:
    """(position of its '<', text) of each tag longer than _LONG_TAG_CHARS (what the regex
    `<[A-Za-z][^<>]{2000,}` matches, without the '<'), found without reading every tag.

    A tag that long lies in a stretch between two '<' longer than _LONG_TAG_CHARS, and every such
    stretch holds a multiple of _LONG_TAG_CHARS: so only the stretch around each multiple is looked
    at (str.rfind/str.find at C speed), a few hundred per page instead of a piece per '<'. Each
    backward search is bounded by the stride and each stretch read forward once: linear in the page.
    """
    stride = _LONG_TAG_CHARS
    tags: list[tuple[int, str]] = []
    start = -1  # the '<' opening the stretch around the previous point, -1 before the first
    done = -1  # the stretch already looked at
    for point in range(stride, len(source), stride):
        found = source.rfind("<", point - stride, point)
        start = found if found >= 0 else start  # no '<' within a stride back: the same stretch
        if start < 0 or start == done:
            continue
        done = start
        end = source.find("<", point)
        end = end if end >= 0 else len(source)
        first = source[start + 1 : start + 2]
        if end - start - 1 > stride and first.isascii() and first.isalpha():
            # Where the tag closes, found in place: the stretch is often a whole script body, and
            # only a tag that long is copied out.
            close = source.find(">", start + 1, end)
            close = end if close < 0 else close
            if close - start - 1 > stride:
                tags.append((start, source[start + 1 : close]))
    return tags


def _attribute_heavy(source: str) -> list[tuple[int, int]]:
    """(position, attribute count) of each tag with more than MAX_ATTRIBUTES attributes."""
    # Counted in C (findall), not by a generator over match objects: a long tag is often a stretch
    # of script with hundreds of "attributes". No match starts at or takes in the "<" in front.
    counted = ((position, len(_ATTRIBUTE.findall(tag))) for position, tag in _long_tags(source))
    return [(position, n) for position, n in counted if n > MAX_ATTRIBUTES]


def _raw_text_spans(source: str):
    """(start, end) of each <script> and <style> body, in one forward pass. Their text is not read
    as tags, so they get looser attribute budgets; not none, because inside <svg> it is markup."""
    position = 0
    while (start := _RAW_TEXT_OPEN.search(source, position)) is not None:
        end = _RAW_TEXT_CLOSE.search(source, start.end())
        if end is None:
            yield start.end(), len(source)  # an unclosed script runs to the end of the page, as in the parser
            return
        yield start.end(), end.start()
        position = end.start()


# An element this many levels down (html and body included) means the page nests too deeply. The
# selector is matched right to left, climbing from every element: only first children start the
# climb, which finds the same pages (the element at that depth has a parent, whose first child is
# at that depth too) for about a quarter less work. Written without spaces: Lexbor parses the
# selector at every call, and its spaces are tokens too (a third less to parse).
_TOO_DEEP = ">".join(["*"] * (MAX_DEPTH - 1)) + ">:first-child"
# Below this many tags even the deepest nesting parses in a third of a second (Lexbor's cost grows
# with tags x depth), so the parsed content is checked instead, which is cheaper; above it the raw
# markup is checked before the parser sees it.
_PRECHECK_TAGS = 10_000


def parse_tree(source: str, raw: bytes | None = None):
    """Parse HTML with Lexbor, refusing up front markup too large and too deep to parse quickly."""
    from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser  # lazily: only HTML uploads pay for the parser

    if check_size(source, raw) > _PRECHECK_TAGS:
        check_depth(source)
    # raw: the same text, UTF-8. Without mutation events: the callbacks a browser runs as the tree is
    # built and changed (a <selectedcontent> mirroring its <option>) change nothing read here.
    return LexborHTMLParser(raw if raw is not None else source, options=LexborDocumentOptions.WO_EVENTS)


def check_tree_depth(node) -> None:
    """Refuse content nested deeper than MAX_DEPTH (checked on the part that will be read)."""
    if node is not None and node.css_first(_TOO_DEEP) is not None:
        raise ExtractionRejected("too_deeply_nested")
