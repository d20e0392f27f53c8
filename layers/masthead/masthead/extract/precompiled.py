"""Regular expressions compiled once per build instead of once per process.

`re.compile` parses a pattern and turns it into the regex engine's code in Python: the extractor's
~150 patterns cost ~30 ms of every process that imports it (a Lambda cold start's first invoke, a
`masthead extract` run), most of it in the character classes of CJK and Arabic ranges, which sre
fills one code point at a time. The engine's code for each pattern is a list of integers: the
build (`make bytecode`, the layer's Makefile) writes them to `patterns.cache` beside this module,
as compileall writes bytecode, and `pattern()` hands them to the engine directly.

Nothing depends on the cache being there or being current: a pattern it does not hold (a new or
edited pattern, another Python, a missing or unreadable file) is compiled by `re.compile` as
before, and the engine validates the code it is given (bad code is refused, then compiled anew).
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]  # the engine re.compile itself hands its code to
import marshal
import os
import re
import sys
from array import array
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

CACHE_PATH = os.path.join(os.path.dirname(__file__), "patterns.cache")
# The engine's code is only valid for the engine that compiled it.
_ENGINE = (tuple(sys.version_info[:2]), _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)
# The code is kept as the bytes of an array of code words (a third of the size, and read without
# making an int object per word until the pattern is asked for).
_WORD = next((kind for kind in "IL" if array(kind).itemsize == _sre.CODESIZE), "I")

_Key = tuple[str | bytes, int]
# (flags, code words, groups, group index, index group): what _sre.compile takes after the pattern
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def _load(path: str) -> dict[_Key, _Entry]:
    try:
        with open(path, "rb") as cache:
            engine, entries = marshal.loads(cache.read())  # marshal.load(file) reads it piecemeal: 20x slower
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if engine == _ENGINE and isinstance(entries, dict) else {}


_CACHE = _load(CACHE_PATH)
_COMPILED: set[_Key] = set()  # every pattern asked for in this process: what build() writes
_LAZY: list[Callable[[], object]] = []

T = TypeVar("T")


def pattern(source: str | bytes, flags: int = 0) -> re.Pattern:
    """re.compile(source, flags), from the build's cache when it holds the pattern."""
    key = (source, int(flags))
    _COMPILED.add(key)
    entry = _CACHE.get(key)
    if entry is not None:
        try:
            flags, code, groups, groupindex, indexgroup = entry
            return _sre.compile(source, flags, array(_WORD, code).tolist(), groups, groupindex, indexgroup)
        except (RuntimeError, TypeError, ValueError):  # code the engine refuses: compiled anew
            pass
    return re.compile(source, flags)


def lazy(build: Callable[[], T]) -> Callable[[], T]:
    """A function that compiles patterns on first use (patterns only some uploads need), called
    once; build() calls it too, so that its patterns are in the cache."""
    once = lru_cache(maxsize=1)(build)
    _LAZY.append(once)
    return once


def _entry(source: str | bytes, flags: int) -> _Entry:
    """What re.compile hands to the engine for this pattern (re._compiler.compile, without the call)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(source, flags)
    code = array(_WORD, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def build(path: str = CACHE_PATH) -> int:
    """Import every extractor module, run every lazy pattern function, and write the engine's code
    of every pattern they compiled to `path`. Returns how many patterns it holds."""
    import importlib
    import pkgutil

    package = __name__.rpartition(".")[0]
    for module in pkgutil.iter_modules(sys.modules[package].__path__):
        importlib.import_module(f"{package}.{module.name}")
    for function in _LAZY:
        function()
    entries = {}
    for key in sorted(_COMPILED, key=repr):
        try:
            entries[key] = _entry(*key)
        except (ImportError, AttributeError, TypeError, ValueError):  # a Python whose re works otherwise: compiled in each process
            continue
    temporary = f"{path}.{os.getpid()}"
    with open(temporary, "wb") as cache:
        marshal.dump((_ENGINE, entries), cache)
    os.replace(temporary, path)  # a process reading the cache meanwhile sees the old one or the new one
    return len(entries)
