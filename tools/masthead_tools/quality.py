"""`python -m masthead_tools.quality PATH...`: fail on any function longer than the ceiling.

ruff enforces the complexity ceiling (C901) and a statement count (PLR0915); neither counts lines,
and a function that needs a scroll bar is two functions (docs/architecture.md, "Quality gate").
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MAX_FUNCTION_LINES = 60


def long_functions(paths: list[Path], limit: int = MAX_FUNCTION_LINES) -> list[str]:
    found = []
    for path in sorted(p for base in paths for p in ([base] if base.is_file() else base.rglob("*.py"))):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    found.append(f"{path}:{node.lineno}: {node.name} is {length} lines (at most {limit})")
    return found


def main(argv: list[str] | None = None) -> int:
    found = long_functions([Path(a) for a in (argv if argv is not None else sys.argv[1:])])
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
