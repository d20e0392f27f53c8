"""Fixtures every layer may use: an embedded AWS built from the template (integration and e2e
only: it starts moto), and the shared corpus beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import SHARED_CORPUS, TEMPLATE


@pytest.fixture
def stack():
    """The template's resources on moto, with the real handlers loaded; torn down after the test."""
    from masthead_tools.local.stack import LocalStack, embedded_aws

    with embedded_aws():
        yield LocalStack(TEMPLATE).create()


@pytest.fixture
def corpus() -> Path:
    if not (SHARED_CORPUS / "expected.json").is_file():
        pytest.skip("../shared/corpus is not beside this checkout")
    return SHARED_CORPUS
