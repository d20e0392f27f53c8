"""`sam validate --lint` and `sam build` pass, and every built function imports its handler from the
build output with the built layer on sys.path, under the Lambda runtime's Python when it is here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import ROOT

pytestmark = pytest.mark.slow


def sam() -> str:
    path = os.environ.get("MASTHEAD_SAM") or shutil.which("sam")
    if not path or not Path(path).exists():
        pytest.skip("the SAM CLI is not installed (make test installs it)")
    return path


def run(cmd, **kwargs):
    env = {**os.environ, "SAM_CLI_TELEMETRY": "0", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=900, **kwargs)


def test_sam_validate_lint():
    result = run([sam(), "validate", "--lint"])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def runtime_sdk() -> str:
    """What Lambda's Python runtime adds to the path: the AWS SDK (here: the runtime venv that
    `masthead invoke` uses, with awslambdaric and boto3)."""
    from masthead_tools.local.runtime import runtime_python

    python = runtime_python(ROOT)
    return subprocess.run(
        [str(python), "-c", "import boto3, os; print(os.path.dirname(os.path.dirname(boto3.__file__)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("sam-build")
    result = run([sam(), "build", "--build-dir", str(out), "--cache-dir", str(out.parent / "sam-cache")])
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_sam_build_layer_has_package_under_python(build_dir):
    assert (build_dir / "MastheadLayer" / "python" / "masthead" / "__init__.py").is_file()
    assert not (build_dir / "MastheadLayer" / "python" / "python").exists()


def test_the_built_layer_leaves_the_aws_sdk_to_the_runtime(build_dir):
    # Lambda's Python runtime carries boto3 and botocore (a matching pair); a second copy slows init.
    layer = build_dir / "MastheadLayer" / "python"
    assert not [name for name in ("boto3", "botocore", "s3transfer") if (layer / name).exists()]
    assert (layer / "aws_lambda_powertools").is_dir() and (layer / "pydantic").is_dir()


def test_the_built_layer_ships_bytecode_python_uses_without_the_source_check(build_dir):
    # /opt is read-only on Lambda: without bytecode every cold start compiles the layer again.
    layer = build_dir / "MastheadLayer" / "python"
    sources = [p for p in layer.rglob("*.py") if "dist-info" not in str(p)]
    missing = [p for p in sources if not (p.parent / "__pycache__" / f"{p.stem}.cpython-313.pyc").is_file()]
    assert sources and not missing, missing[:5]
    flags = {int.from_bytes((p.parent / "__pycache__" / f"{p.stem}.cpython-313.pyc").read_bytes()[4:8], "little") for p in sources}
    assert flags == {1}  # hash-based, unchecked (PEP 552): no stat of the source, whatever its mtime


def test_the_built_layer_ships_the_extractors_patterns_compiled(build_dir):
    # Built by the layer's Python: under the layer, every pattern the extractor compiles is in it.
    layer = build_dir / "MastheadLayer" / "python"
    assert (layer / "masthead" / "extract" / "patterns.cache").is_file()
    probe = (
        "import sys; sys.path[:0] = [sys.argv[1]]\n"
        "import importlib, pkgutil, masthead.extract\n"
        "from masthead.extract import precompiled\n"
        "for m in pkgutil.iter_modules(masthead.extract.__path__): importlib.import_module('masthead.extract.' + m.name)\n"
        "missing = [key for key in precompiled._COMPILED if key not in precompiled._CACHE]\n"
        "assert precompiled._CACHE and not missing, missing[:3]\n"
    )
    result = subprocess.run([sys.executable, "-S", "-c", probe, str(layer)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]


def test_the_built_layer_ships_only_the_runtime_package(build_dir, runtime_sdk):
    layer = build_dir / "MastheadLayer" / "python"
    ours = {p.relative_to(layer / "masthead").parts[0] for p in (layer / "masthead").rglob("*.py")}
    assert ours == {
        "__init__.py",
        "adapters",
        "contract.py",
        "errors.py",
        "extract",
        "handlers",
        "ids.py",
        "index",
        "messages.py",
        "model.py",
        "notify.py",
        "ports.py",
        "s3events.py",
        "service",
        "settings.py",
    }
    # Nothing of the laptop side is importable from the layer: not the tools, the CLI, moto or rich.
    probe = (
        "import sys; sys.path[:0] = [sys.argv[1]]; sys.path.append(sys.argv[2])\n"
        "import importlib.util as u\n"
        "found = [m for m in ('masthead_tools', 'moto', 'rich', 'pytest') if u.find_spec(m)]\n"
        "assert not found, found\n"
        "import masthead.extract, masthead.service.runtime, masthead.handlers.extract\n"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", probe, str(layer), runtime_sdk],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": os.environ["PATH"]},
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("function", ["ExtractFunction", "IndexFunction", "NotifyFunction"])
def test_built_function_imports_its_handler_with_the_built_layer(build_dir, function, runtime_sdk):
    code = build_dir / function
    layer = build_dir / "MastheadLayer" / "python"
    probe = (
        "import sys; sys.path[:0] = [sys.argv[1], sys.argv[2]]; sys.path.append(sys.argv[3])\n"
        "import app, masthead\n"
        "assert callable(app.lambda_handler)\n"
        "assert masthead.__file__.startswith(sys.argv[2]), masthead.__file__\n"
        "print(sys.version_info[:2])\n"
    )
    # -S: no site-packages, so only the build output, the standard library and the runtime's AWS SDK
    # (after them, as on Lambda) are importable.
    env = {"PATH": os.environ["PATH"], "POWERTOOLS_TRACE_DISABLED": "true", "AWS_DEFAULT_REGION": "ap-northeast-1"}
    result = subprocess.run(
        [sys.executable, "-S", "-c", probe, str(code), str(layer), runtime_sdk], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
