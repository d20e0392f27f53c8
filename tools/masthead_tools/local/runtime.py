"""Built functions under the real Lambda runtime, without Docker: the Runtime Interface Emulator that
ships inside the SAM CLI (`samcli/local/rapid/aws-lambda-rie-*`) running the `awslambdaric` runtime
client on Python 3.13, as Lambda does.

Each function gets an execution environment of its own: its built code copied read-only as the task
root, the built layer where `/opt/python` puts it, Lambda's variables, the template's Timeout (the
emulator enforces it and starts the runtime again on the next call) and MemorySize (enforced by a
memory cgroup where this machine lets us create one; otherwise reported against the peak the runtime
measured). An environment stays warm between calls, as Lambda's do.

The emulator's own REPORT line is wrong on init time, duration and memory, so a shim around the
handler measures them in the runtime process and prints one line the runner reads.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .server import free_port
from .template import global_function_property, resources_of_type

REPORT_PREFIX = "MASTHEAD-REPORT "
RUNTIME_PYTHON = "python3.13"

# Imported by the runtime client in place of the function's handler: it times the handler's import
# (the function's init, from the process's start) and each call, and reports peak memory.
SHIM = r'''
import importlib, json, os, resource, time

def _process_age():
    """Seconds since this process started (from /proc: the interpreter's own start counts)."""
    with open("/proc/self/stat") as f:
        started = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return max(0.0, uptime - started / os.sysconf("SC_CLK_TCK"))

_module, _attr = os.environ["MASTHEAD_HANDLER"].rsplit(".", 1)
_handler = getattr(importlib.import_module(_module), _attr)
_init = _process_age()
_calls = 0

def handler(event, context):
    global _calls
    _calls += 1
    start = time.monotonic()
    try:
        return _handler(event, context)
    finally:
        report = {
            "init_s": round(_init, 3) if _calls == 1 else None,
            "duration_s": round(time.monotonic() - start, 3),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
        print("MASTHEAD-REPORT " + json.dumps(report), flush=True)
'''

# The emulator starts this in place of the runtime: it joins the function's memory cgroup (when
# there is one) and becomes the runtime client, so the limit holds for the runtime and nothing else.
BOOTSTRAP = """#!/bin/sh
if [ -n "$MASTHEAD_CGROUP_PROCS" ]; then echo $$ > "$MASTHEAD_CGROUP_PROCS"; fi
exec "$@"
"""


@dataclass
class Invocation:
    response: object
    logs: list[str]
    report: dict = field(default_factory=dict)
    timed_out: bool = False
    error: bool = False
    memory_note: str = ""
    out_of_memory: bool = False

    @property
    def exit_code(self) -> int:
        return 1 if self.timed_out or self.error else 0

    @property
    def failed(self) -> bool:
        """Whether Lambda would count the whole call as failed (an error, a timeout, a crash)."""
        return self.timed_out or self.error


@dataclass
class FunctionSpec:
    logical_id: str
    handler: str
    timeout: int
    memory_mb: int


def function_spec(template: dict, logical_id: str) -> FunctionSpec:
    functions = resources_of_type(template, "AWS::Serverless::Function")
    if logical_id not in functions:
        raise SystemExit(f"masthead: no function {logical_id} in template.yaml (one of {', '.join(sorted(functions))})")
    props = functions[logical_id]["Properties"]
    return FunctionSpec(
        logical_id,
        props["Handler"],
        int(props.get("Timeout") or global_function_property(template, "Timeout", 3)),
        int(props.get("MemorySize") or global_function_property(template, "MemorySize", 128)),
    )


def find_emulator(root: Path) -> Path:
    """The RIE binary inside the SAM CLI's package (make installs the SAM CLI into .venv/sam)."""
    for site in sorted((root / ".venv" / "sam" / "lib").glob("python3*/site-packages")):
        binary = site / "samcli" / "local" / "rapid" / "aws-lambda-rie-x86_64"
        if binary.exists():
            return binary
    raise SystemExit("masthead: no aws-lambda-rie in .venv/sam (run `make sam-build` once)")


def runtime_python(root: Path) -> Path:
    """A Python 3.13 with the runtime client (awslambdaric), made once in .venv/lambda-runtime."""
    venv = root / ".venv" / "lambda-runtime"
    python = venv / "bin" / "python"
    if not python.exists():
        base = shutil.which(RUNTIME_PYTHON) or RUNTIME_PYTHON
        subprocess.run([base, "-m", "venv", str(venv)], check=True, env={**os.environ, "PYENV_VERSION": "3.13.0"}, stdout=sys.stderr)
        # boto3 beside the runtime client, as Lambda's Python runtime carries it (the layer does not).
        subprocess.run([str(python), "-m", "pip", "install", "-q", "awslambdaric>=3,<5", "boto3"], check=True, stdout=sys.stderr)
    return python


_BUILT_FROM = ("template.yaml", "functions", "layers")


def ensure_built(root: Path) -> Path:
    """.aws-sam/build, built again when the template, a function or the layer changed since."""
    build = root / ".aws-sam" / "build"
    built = build / "template.yaml"
    if not built.exists() or _newest_source(root) > built.stat().st_mtime:
        # The build talks on stderr: stdout carries the functions' responses alone.
        subprocess.run(["make", "--no-print-directory", "-C", str(root), "sam-build"], check=True, stdout=sys.stderr)
    return build


def _newest_source(root: Path) -> float:
    newest = 0.0
    for name in _BUILT_FROM:
        path = root / name
        paths = [path] if path.is_file() else path.rglob("*")
        for source in paths:
            if source.is_file() and "__pycache__" not in source.parts and ".egg-info" not in str(source):
                newest = max(newest, source.stat().st_mtime)
    return newest


def _read_only_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    for path in [target, *target.rglob("*")]:
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode):
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return target


def sandbox(tmp: Path, code: Path, layer: Path | None) -> dict[str, Path]:
    """The function's code (and layer) copied read-only, as Lambda mounts them, and the shim."""
    paths = {"task": _read_only_copy(code, tmp / "task"), "shim": tmp / "shim"}
    if layer is not None:
        paths["opt"] = _read_only_copy(layer, tmp / "opt")
    paths["shim"].mkdir()
    (paths["shim"] / "masthead_invoke_shim.py").write_text(SHIM)
    bootstrap = paths["shim"] / "bootstrap"
    bootstrap.write_text(BOOTSTRAP)
    bootstrap.chmod(0o755)
    return paths


def lambda_variables(spec: FunctionSpec, paths: dict[str, Path], region: str) -> dict[str, str]:
    """What Lambda sets for any function: the task root, the import path (code, layer, then the
    shim), the timeout, memory and region."""
    opt = paths["opt"] / "python" if "opt" in paths else None
    layer = [opt / "lib" / "python3.13" / "site-packages", opt] if opt else []
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LAMBDA_TASK_ROOT": str(paths["task"]),
        "PYTHONPATH": os.pathsep.join(str(p) for p in (paths["task"], *layer, paths["shim"])),
        "PYTHONDONTWRITEBYTECODE": "1",  # /var/task and /opt are read-only on Lambda
        "MASTHEAD_HANDLER": spec.handler,
        "AWS_LAMBDA_FUNCTION_NAME": spec.logical_id,
        "AWS_LAMBDA_FUNCTION_TIMEOUT": str(spec.timeout),
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(spec.memory_mb),
        "AWS_REGION": region,
        "AWS_DEFAULT_REGION": region,
    }


class MemoryLimit:
    """A memory cgroup holding one function's runtime at its MemorySize, as Lambda holds it: over
    the limit the kernel kills the runtime. Only where this process may create one (root on a
    cgroup v1 or v2 machine); `create` returns None elsewhere."""

    def __init__(self, path: Path, version: int) -> None:
        self.path = path
        self.version = version

    @classmethod
    def create(cls, name: str, megabytes: int) -> MemoryLimit | None:
        limit = str(megabytes * 1024 * 1024)
        v2 = Path("/sys/fs/cgroup")
        candidates = []
        if "memory" in _read(v2 / "cgroup.subtree_control").split():
            candidates.append((v2 / name, 2, {"memory.max": limit, "memory.swap.max": "0"}))
        candidates.append((v2 / "memory" / name, 1, {"memory.limit_in_bytes": limit, "memory.memsw.limit_in_bytes": limit}))
        for path, version, settings in candidates:
            try:
                path.mkdir(exist_ok=True)
                for setting, value in settings.items():
                    if (path / setting).exists():
                        (path / setting).write_text(value)
            except OSError:
                _remove(path)
                continue
            return cls(path, version)
        return None

    @classmethod
    def available(cls) -> bool:
        """Whether this machine lets us hold a function at its MemorySize."""
        probe = cls.create(f"masthead-probe-{os.getpid()}", 64)
        if probe is None:
            return False
        probe.close()
        return True

    @property
    def procs(self) -> Path:
        return self.path / "cgroup.procs"

    def kills(self) -> int:
        """How many times the kernel has killed a process of this cgroup for memory."""
        text = _read(self.path / ("memory.events" if self.version == 2 else "memory.oom_control"))
        found = re.search(r"oom_kill (\d+)", text)
        return int(found.group(1)) if found else 0

    def close(self) -> None:
        _remove(self.path)


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def _remove(path: Path) -> None:
    for _ in range(50):  # a killed process leaves its cgroup a moment after it exits
        try:
            path.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.05)


class FunctionRuntime:
    """One function's execution environment: the emulator and the runtime client, started on the
    first call and kept warm; after a timeout or a crash the emulator starts the runtime again on
    the next call (a cold start, as on Lambda)."""

    def __init__(
        self, root: Path, spec: FunctionSpec, variables: dict[str, str], code: Path, layer: Path | None = None, enforce_memory: bool = True
    ) -> None:
        self.spec = spec
        self.emulator, self.python = find_emulator(root), runtime_python(root)
        self._tmp = tempfile.TemporaryDirectory(prefix=f"masthead-{spec.logical_id}-")
        self.paths = sandbox(Path(self._tmp.name), code, layer)
        self.memory = MemoryLimit.create(Path(self._tmp.name).name, spec.memory_mb) if enforce_memory else None
        region = variables.get("AWS_REGION") or variables.get("AWS_DEFAULT_REGION") or "ap-northeast-1"
        self.env = {**variables, **lambda_variables(spec, self.paths, region)}
        if self.memory is not None:
            self.env["MASTHEAD_CGROUP_PROCS"] = str(self.memory.procs)
        self._process: subprocess.Popen | None = None
        self._lines: list[str] = []
        self._lock = threading.Lock()
        self.port = 0

    def _start(self) -> None:
        self.port, api_port = free_port(), free_port()
        command = [
            str(self.emulator),
            "--log-level",
            "error",
            "--runtime-interface-emulator-address",
            f"127.0.0.1:{self.port}",
            "--runtime-api-address",
            f"127.0.0.1:{api_port}",
            str(self.paths["shim"] / "bootstrap"),
            str(self.python),
            "-m",
            "awslambdaric",
            "masthead_invoke_shim.handler",
        ]
        self._process = subprocess.Popen(
            command,
            cwd=self.paths["task"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read_output, args=(self._process,), daemon=True).start()

    def _read_output(self, process: subprocess.Popen) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.strip():
                with self._lock:
                    self._lines.append(line.rstrip("\n"))

    def invoke(self, event: dict) -> Invocation:
        if self._process is None or self._process.poll() is not None:
            self._start()
        with self._lock:
            mark = len(self._lines)
        kills = self.memory.kills() if self.memory else 0
        response, status = _post(self.port, event, timeout=self.spec.timeout + 30)
        logs = self._logs_since(mark, wait=status == 200)
        report: dict = next((json.loads(line[len(REPORT_PREFIX) :]) for line in logs if line.startswith(REPORT_PREFIX)), {})
        timed_out = isinstance(response, str) and response.startswith("Task timed out")
        timed_out = timed_out or _emulator_duration_ms(logs) >= self.spec.timeout * 1000
        out_of_memory = self.memory is not None and self.memory.kills() > kills
        # An error, a crash (the emulator answers 502) or no answer from the handler: never a success.
        error = not timed_out and (status != 200 or not isinstance(response, dict) or "errorType" in response or not report)
        shown = [line for line in logs if not line.startswith(REPORT_PREFIX)]
        return Invocation(response, shown, report, timed_out, error, self._memory_note(report, out_of_memory), out_of_memory)

    def _logs_since(self, mark: int, wait: bool) -> list[str]:
        """This call's lines: up to the emulator's REPORT line, which follows the response."""
        deadline = time.monotonic() + (5 if wait else 0.3)
        while True:
            with self._lock:
                lines = self._lines[mark:]
            if any(line.startswith("REPORT RequestId") for line in lines) or time.monotonic() > deadline:
                return lines
            time.sleep(0.01)

    def _memory_note(self, report: dict, out_of_memory: bool) -> str:
        peak = report.get("max_rss_mb")
        used = f"peak {peak} MB of {self.spec.memory_mb} MB" if peak is not None else f"MemorySize {self.spec.memory_mb} MB"
        if out_of_memory:
            return f"killed: over its MemorySize of {self.spec.memory_mb} MB (enforced by a memory cgroup, as on Lambda)"
        if self.memory is not None:
            return f"{used}, enforced by a memory cgroup"
        # Enforcing it needs a cgroup this process may create; a container (and most laptops' users) may not.
        return f"{used}; the limit is not enforced here (no writable cgroup), so a function over it would not fail as on AWS"

    def close(self) -> None:
        if self._process is not None:
            try:
                os.killpg(self._process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait(timeout=10)
            self._process = None
        if self.memory is not None:
            self.memory.close()
        self._tmp.cleanup()

    def __enter__(self) -> FunctionRuntime:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def built(build: Path, logical_id: str) -> tuple[Path, Path | None]:
    """A function's built code and the built layer (when the build has one)."""
    layer = build / "MastheadLayer"
    return build / logical_id, (layer if layer.is_dir() else None)


_EMULATOR_DURATION = re.compile(r"^REPORT RequestId: .*?\tDuration: ([\d.]+) ms")


def _emulator_duration_ms(logs: list[str]) -> float:
    """The emulator's own duration of the call (wrong about init, right about hitting the timeout,
    which it counts from the start of the first call, init included)."""
    found = [float(m.group(1)) for line in logs if (m := _EMULATOR_DURATION.match(line))]
    return max(found, default=0.0)


def _post(port: int, event: dict, timeout: float) -> tuple[object, int]:
    """(response, HTTP status): the emulator answers 200 for errors and timeouts, 502 when the
    runtime process died."""
    url = f"http://127.0.0.1:{port}/2015-03-31/functions/function/invocations"
    data = json.dumps(event).encode()
    deadline = time.monotonic() + 20
    while True:  # the emulator takes a moment to listen
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST"), timeout=timeout) as answer:
                body, status = answer.read().decode(), answer.status
                break
        except urllib.error.HTTPError as failed:
            body, status = failed.read().decode(errors="replace"), failed.code
            break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    try:
        return json.loads(body), status
    except ValueError:
        return body, status
