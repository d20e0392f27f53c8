"""Bodies that CMSes keep as structured rich text instead of HTML: Contentful's Rich Text document,
Sanity's Portable Text, Strapi's Blocks, Lexical's editor state (Payload CMS) and Editor.js's blocks. Each becomes the lines a reader
sees, in order: ("heading", text) or ("text", text), the inline pieces of a block (spans, links,
marks) joined as they read. Pure data in, pure data out; walked without recursion and within a
node budget, whatever the nesting of the upload.
"""

from __future__ import annotations

from collections.abc import Iterator

# The JSON loader refuses more than 100,000 objects and lists; a body is walked no further than that.
MAX_NODES = 100_000

Line = tuple[str, str]  # ("heading" | "text", the line's text)

# Contentful: block node types whose inline content is one line; containers (lists, quotes, tables)
# hold such blocks (embedded entries and assets hold none: their content is empty).
_CONTENTFUL_HEADINGS = frozenset(f"heading-{n}" for n in range(1, 7))
_CONTENTFUL_LINES = _CONTENTFUL_HEADINGS | {"paragraph", "table-header-cell", "table-cell"}
# Sanity block styles that are headings; a block's other styles ("normal", "blockquote") are text.
_SANITY_HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
# Strapi Blocks and Lexical nodes whose children are inline (any other's are blocks: a list's).
_STRAPI_LINES = frozenset({"paragraph", "heading", "quote", "code", "list-item", "listitem"})


def lines(value: object) -> list[Line] | None:
    """The lines of a structured body, or None when `value` is none of the known shapes."""
    if isinstance(value, dict) and value.get("nodeType") == "document":
        return list(_contentful(value))
    if isinstance(value, dict) and isinstance(value.get("blocks"), list):
        value = value["blocks"]  # Editor.js saves {"time", "blocks", "version"}
    elif isinstance(value, dict) and isinstance(root := value.get("root"), dict) and isinstance(root.get("children"), list):
        value = root["children"]  # Lexical saves {"root": {"type": "root", "children": [...]}}
    if not isinstance(value, list) or not value or not all(isinstance(item, dict) for item in value[:MAX_NODES]):
        return None
    first = value[0]
    if "_type" in first:
        return list(_sanity(value))
    if "children" in first and "type" in first:
        return list(_strapi(value))
    if "data" in first and "type" in first:
        return list(_editorjs(value))
    return None


def _inline_text(node: object, budget: list[int]) -> str:
    """The text of an inline tree, its leaves in order (Contentful "value", Sanity and Strapi "text")."""
    pieces: list[str] = []
    stack = [node]
    while stack and budget[0] > 0:
        item = stack.pop()
        budget[0] -= 1
        if not isinstance(item, dict):
            continue
        leaf = item.get("value", item.get("text"))
        if isinstance(leaf, str):
            pieces.append(leaf)
        children = item.get("content", item.get("children"))
        if isinstance(children, list):
            stack.extend(reversed(children[: budget[0]]))
    return "".join(pieces).strip()


def _block_tree(roots: object, kind_key: str, children_key: str, lines: frozenset[str], headings: frozenset[str]) -> Iterator[Line]:
    """The lines of a tree of blocks (Contentful's nodes, Strapi's and Lexical's blocks): a block of
    a kind in `lines` is one line, its inline text; any other block's children are blocks (a list,
    a list item, a quote, a table); an embedded entry or a picture has none."""
    budget = [MAX_NODES]
    stack = list(reversed(roots[:MAX_NODES])) if isinstance(roots, list) else []
    while stack and budget[0] > 0:
        node = stack.pop()
        budget[0] -= 1
        if not isinstance(node, dict):
            continue
        kind = node.get(kind_key)
        if kind in lines:
            if line := _inline_text(node, budget):
                yield ("heading" if kind in headings else "text", line)
        elif isinstance(children := node.get(children_key), list):
            stack.extend(reversed(children[: budget[0]]))


def _contentful(document: dict) -> Iterator[Line]:
    return _block_tree(document.get("content"), "nodeType", "content", _CONTENTFUL_LINES, _CONTENTFUL_HEADINGS)


def _sanity(blocks: list) -> Iterator[Line]:
    budget = [MAX_NODES]
    for block in blocks[:MAX_NODES]:
        # a block's spans are its text (an image, an embed has none)
        if line := _inline_text({"children": block.get("children")}, budget):
            yield ("heading" if block.get("style") in _SANITY_HEADINGS else "text", line)


def _strapi(blocks: list) -> Iterator[Line]:
    return _block_tree(blocks, "type", "children", _STRAPI_LINES, frozenset({"heading"}))


def _editorjs(blocks: list) -> Iterator[Line]:
    for block in blocks[:MAX_NODES]:
        data = block.get("data")
        if not isinstance(data, dict):
            continue
        kind = block.get("type")
        if kind in ("paragraph", "header", "quote", "code") and isinstance(line := data.get("text", data.get("code")), str):
            yield ("heading" if kind == "header" else "text", line)
        elif kind == "list" and isinstance(items := data.get("items"), list):
            for item in items[:MAX_NODES]:
                line = item.get("content") if isinstance(item, dict) else item  # (version 2 nests items)
                if isinstance(line, str):
                    yield ("text", line)
