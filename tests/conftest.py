"""Shared fixtures: the repo's template, samples and events; an embedded AWS built from the template."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"
SAMPLES = ROOT / "samples"
EVENTS = ROOT / "events"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # docx_factory


@pytest.fixture
def stack():
    """The template's resources on moto, with the real handlers loaded; torn down after the test."""
    from masthead_tools.local.stack import LocalStack, embedded_aws

    with embedded_aws():
        yield LocalStack(TEMPLATE).create()


def load_event(name: str) -> dict:
    return json.loads((EVENTS / name).read_text(encoding="utf-8"))


@pytest.fixture
def corpus() -> Path:
    if not (SHARED_CORPUS / "expected.json").is_file():
        pytest.skip("../shared/corpus is not beside this checkout")
    return SHARED_CORPUS
