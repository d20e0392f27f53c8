"""A benchmark's own section of docs/benchmarks.md, between its start and end markers, rewritten
in place (or appended the first time) so each benchmark updates only what it measured."""

from __future__ import annotations

from pathlib import Path


def write_section(section: str, out: Path, start: str, end: str) -> None:
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    if start in text and end in text:
        text = text[: text.index(start)] + section.rstrip("\n") + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    out.write_text(text, encoding="utf-8")


def publish(section: str, out: str, start: str, end: str, print_only: bool, what: str) -> None:
    """A benchmark's section printed (--print), or written into `out` in its place."""
    if print_only:
        print(section)
    else:
        write_section(section, Path(out), start, end)
        print(f"wrote {what} of {out}")
