"""The extractor's regular expressions come from the build's cache of the engine's code, and are the
same patterns re.compile makes; a cache that is missing, stale, from another Python or damaged
changes nothing but the time."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re

import pytest

import masthead.extract
from masthead.extract import precompiled


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("patterns") / "patterns.cache"
    count = precompiled.build(str(path))
    cache = precompiled._load(str(path))
    assert count == len(cache) > 100
    return cache


@pytest.fixture
def no_compiling(monkeypatch):
    """re.compile refused: a pattern that is not taken from the cache fails the test."""

    def refused(source, flags=0):
        raise AssertionError(f"compiled, not taken from the cache: {source!r}")

    monkeypatch.setattr(precompiled.re, "compile", refused)


def test_every_cached_pattern_is_the_pattern_re_compile_makes(built, monkeypatch):
    monkeypatch.setattr(precompiled, "_CACHE", built)
    for source, flags in built:
        cached, compiled = precompiled.pattern(source, flags), re.compile(source, flags)
        assert cached == compiled  # equal patterns: the same source, flags and engine code
        assert (cached.groups, cached.groupindex) == (compiled.groups, compiled.groupindex)


def test_every_pattern_of_the_extractor_comes_from_the_cache(built, monkeypatch, no_compiling):
    monkeypatch.setattr(precompiled, "_CACHE", built)
    for source, flags in built:
        precompiled.pattern(source, flags)
    # every pattern a module of the extractor holds was compiled through the cache (none by re.compile)
    held = {
        value.pattern
        for module in pkgutil.iter_modules(masthead.extract.__path__)
        for value in vars(importlib.import_module(f"masthead.extract.{module.name}")).values()
        if isinstance(value, re.Pattern)
    }
    assert held and held <= {source for source, _ in built}


def test_the_lazy_patterns_are_in_the_cache(built):
    # compiled on first use only (CJK classes: ms each), and still built ahead
    assert precompiled._LAZY
    for function in precompiled._LAZY:
        patterns = function()
        for compiled in patterns if isinstance(patterns, tuple) else (patterns,):
            assert any(source == compiled.pattern for source, _ in built)


def test_a_pattern_the_cache_does_not_hold_is_compiled(monkeypatch):
    monkeypatch.setattr(precompiled, "_CACHE", {})
    assert precompiled.pattern(r"\bnew\b", re.I).search("A NEW rule").group(0) == "NEW"


def test_code_the_engine_refuses_is_compiled_anew(built, monkeypatch):
    source, flags = next(iter(built))
    entry = built[(source, flags)]
    damaged = (entry[0], b"\xff\xff\xff\x7f" * 4, *entry[2:])
    monkeypatch.setattr(precompiled, "_CACHE", {(source, flags): damaged, ("x", 0): ("not", "an", "entry")})
    assert precompiled.pattern(source, flags) == re.compile(source, flags)
    assert precompiled.pattern("x").match("x")


@pytest.mark.parametrize("damage", ["another-engine", "empty", "garbage", "wrong-shape", "missing"])
def test_a_cache_from_another_engine_or_damaged_is_not_read(tmp_path, built, damage):
    path = tmp_path / "patterns.cache"
    contents = {
        "another-engine": marshal.dumps((((3, 0), 0, 4, 0, 0), dict(built))),  # right entries, another Python's
        "empty": b"",
        "garbage": b"not marshal data",
        "wrong-shape": marshal.dumps(["a list"]),
    }
    if damage in contents:
        path.write_bytes(contents[damage])
    assert precompiled._load(str(path)) == {}
