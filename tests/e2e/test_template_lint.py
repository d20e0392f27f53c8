"""cfn-lint with the serverless rules and checkov pass on template.yaml; every skipped check is
justified next to it in the template (a `comment` for checkov, a `#` line for cfn-lint)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from masthead_tools.local.template import load_template
from tests.builders import ROOT, TEMPLATE

pytestmark = pytest.mark.slow


def tool(name: str) -> str:
    folder = os.environ.get("MASTHEAD_LINT_BIN")
    if not folder:
        pytest.skip("the template linters are installed by `make test` (MASTHEAD_LINT_BIN)")
    path = Path(folder) / name
    assert path.exists(), f"{path} is missing: `make test` installs it"
    return str(path)


def test_cfn_lint_with_serverless_rules():
    result = subprocess.run(
        [tool("cfn-lint"), "-t", str(TEMPLATE), "-a", "cfn_lint_serverless.rules"], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_checkov():
    result = subprocess.run(
        [tool("checkov"), "-f", str(TEMPLATE), "--framework", "cloudformation", "--compact", "--quiet"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_every_skipped_check_says_why():
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, resource in load_template(TEMPLATE)["Resources"].items():
        metadata = resource.get("Metadata") or {}
        for skip in (metadata.get("checkov") or {}).get("skip", []):
            assert len(skip.get("comment", "")) > 20, f"{name}: checkov {skip['id']} skipped without a reason"
        for check in ((metadata.get("cfn-lint") or {}).get("config") or {}).get("ignore_checks", []):
            block = text[text.index(f"  {name}:") :]
            before = block[: block.index(f"ignore_checks: [{check}")]
            assert before.rstrip().splitlines()[-1].strip().startswith("#"), f"{name}: cfn-lint {check} ignored without a reason"
