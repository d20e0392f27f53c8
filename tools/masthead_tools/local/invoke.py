"""`masthead invoke FUNCTION -e EVENT`: one built function under the real Lambda runtime, without Docker.

The Runtime Interface Emulator that ships inside the SAM CLI (`samcli/local/rapid/aws-lambda-rie-*`)
runs the `awslambdaric` runtime client on Python 3.13, as Lambda does: the function's built code
copied read-only as the task root, the built layer where `/opt/python` puts it, the environment as
`sam local invoke --env-vars` resolves it, the template's Timeout (the emulator enforces it) and
MemorySize (reported against the peak memory the runtime measured; enforced only where the machine
lets us, which a container usually does not). AWS is a moto server started here and seeded with the
template's resources, unless the env file names an endpoint of its own (or none: real AWS).

The emulator's own REPORT line is wrong on init time, duration and memory, so a shim around the
handler measures them in the runtime process and prints one line the runner reads.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .seed import seed
from .stack import REGION
from .template import global_function_property, load_template, resources_of_type, sam_local_environment

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


@dataclass
class Invocation:
    response: object
    logs: list[str]
    report: dict = field(default_factory=dict)
    timed_out: bool = False
    error: bool = False
    memory_note: str = ""

    @property
    def exit_code(self) -> int:
        return 1 if self.timed_out or self.error else 0


def find_emulator(root: Path) -> Path:
    """The RIE binary inside the SAM CLI's package (make installs the SAM CLI into .venv/sam)."""
    for site in sorted((root / ".venv" / "sam" / "lib").glob("python3*/site-packages")):
        binary = site / "samcli" / "local" / "rapid" / "aws-lambda-rie-x86_64"
        if binary.exists():
            return binary
    raise SystemExit("masthead invoke: no aws-lambda-rie in .venv/sam (run `make sam-build` once)")


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


def ensure_built(root: Path) -> Path:
    build = root / ".aws-sam" / "build"
    if not (build / "template.yaml").exists():
        # The build talks on stderr: stdout carries the function's response alone.
        subprocess.run(["make", "--no-print-directory", "-C", str(root), "sam-build"], check=True, stdout=sys.stderr)
    return build


def _read_only_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    for path in [target, *target.rglob("*")]:
        mode = path.lstat().st_mode
        if not stat.S_ISLNK(mode):
            path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    return target


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _memory_note(memory_mb: int, report: dict) -> str:
    peak = report.get("max_rss_mb")
    used = f"peak {peak} MB of {memory_mb} MB" if peak is not None else f"MemorySize {memory_mb} MB"
    # Enforcing it needs a cgroup this process may write; a container (and most laptops' users) may not.
    return f"{used}; the limit is not enforced here (no writable cgroup), so a function over it would not fail as on AWS"


@dataclass
class FunctionSpec:
    logical_id: str
    handler: str
    timeout: int
    memory_mb: int


def function_spec(template: dict, logical_id: str) -> FunctionSpec:
    functions = resources_of_type(template, "AWS::Serverless::Function")
    if logical_id not in functions:
        raise SystemExit(f"masthead invoke: no function {logical_id} in template.yaml (one of {', '.join(sorted(functions))})")
    props = functions[logical_id]["Properties"]
    return FunctionSpec(
        logical_id,
        props["Handler"],
        int(props.get("Timeout") or global_function_property(template, "Timeout", 3)),
        int(props.get("MemorySize") or global_function_property(template, "MemorySize", 128)),
    )


def environment(
    template: dict, spec: FunctionSpec, overrides: dict, region: str, paths: dict[str, Path], credentials: dict[str, str]
) -> dict[str, str]:
    """What the runtime process sees: the function's variables as SAM resolves them, and what
    Lambda itself sets (paths, timeout, memory, region, credentials for a local endpoint)."""
    variables = sam_local_environment(template, spec.logical_id, overrides, region)
    if not variables.get("AWS_ENDPOINT_URL"):
        variables.pop("AWS_ENDPOINT_URL", None)  # real AWS: the caller's credentials and region
    return {
        "HOME": os.environ.get("HOME", "/tmp"),
        **(credentials or {k: os.environ[k] for k in _CREDENTIALS if k in os.environ}),
        **variables,
        **_lambda_variables(spec, paths, region),
    }


def _lambda_variables(spec: FunctionSpec, paths: dict[str, Path], region: str) -> dict[str, str]:
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


def _sandbox(tmp: str, code: Path, layer: Path | None) -> dict[str, Path]:
    """The function's code (and layer) copied read-only, as Lambda mounts them, and the shim."""
    paths = {"task": _read_only_copy(code, Path(tmp) / "task"), "shim": Path(tmp) / "shim"}
    if layer is not None:
        paths["opt"] = _read_only_copy(layer, Path(tmp) / "opt")
    paths["shim"].mkdir()
    (paths["shim"] / "masthead_invoke_shim.py").write_text(SHIM)
    return paths


_CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE")


def invoke(
    root: Path,
    logical_id: str,
    event: dict,
    overrides: dict,
    region: str = REGION,
    credentials: dict | None = None,
    timeout: int | None = None,
) -> Invocation:
    template = load_template(root / "template.yaml")
    spec = function_spec(template, logical_id)
    if timeout:
        spec.timeout = timeout
    build = ensure_built(root)
    emulator, python = find_emulator(root), runtime_python(root)
    with tempfile.TemporaryDirectory(prefix="masthead-invoke-") as tmp:
        paths = _sandbox(tmp, build / logical_id, build / "MastheadLayer")
        env = environment(template, spec, overrides, region, paths, credentials or {})
        return _run(emulator, python, env, paths["task"], event, spec)


def invoke_folder(
    root: Path, folder: Path, handler: str, event: dict, variables: dict[str, str], timeout: int = 30, memory_mb: int = 512
) -> Invocation:
    """Any handler in `folder` under the same runtime, with no layer (a baseline: a handler that
    imports only what the runtime ships, boto3)."""
    emulator, python = find_emulator(root), runtime_python(root)
    spec = FunctionSpec(folder.name, handler, timeout, memory_mb)
    with tempfile.TemporaryDirectory(prefix="masthead-invoke-") as tmp:
        paths = _sandbox(tmp, folder, None)
        env = {**variables, **_lambda_variables(spec, paths, variables.get("AWS_REGION", REGION))}
        return _run(emulator, python, env, paths["task"], event, spec)


def _run(emulator: Path, python: Path, env: dict[str, str], task: Path, event: dict, spec: FunctionSpec) -> Invocation:
    port, api_port = _free_port(), _free_port()
    command = [
        str(emulator),
        "--log-level",
        "error",
        "--runtime-interface-emulator-address",
        f"127.0.0.1:{port}",
        "--runtime-api-address",
        f"127.0.0.1:{api_port}",
        str(python),
        "-m",
        "awslambdaric",
        "masthead_invoke_shim.handler",
    ]
    process = subprocess.Popen(
        command, cwd=task, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        response = _post(port, event, timeout=spec.timeout + 30)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    logs = [line for line in output.splitlines() if line.strip()]
    report = next((json.loads(line[len(REPORT_PREFIX) :]) for line in logs if line.startswith(REPORT_PREFIX)), {})
    timed_out = any("Task timed out" in line for line in logs) or _emulator_duration_ms(logs) >= spec.timeout * 1000
    # An error, or no answer from the handler at all (its init failed): never a success.
    error = not timed_out and (not isinstance(response, dict) or "errorType" in response or not report)
    shown = [line for line in logs if not line.startswith(REPORT_PREFIX)]
    return Invocation(response, shown, report, timed_out, error, _memory_note(spec.memory_mb, report))


_EMULATOR_DURATION = re.compile(r"^REPORT RequestId: .*?\tDuration: ([\d.]+) ms")


def _emulator_duration_ms(logs: list[str]) -> float:
    """The emulator's own duration of the call (wrong about init, right about hitting the timeout,
    which it counts from the start of the first call, init included)."""
    found = [float(m.group(1)) for line in logs if (m := _EMULATOR_DURATION.match(line))]
    return max(found, default=0.0)


def _post(port: int, event: dict, timeout: float):
    url = f"http://127.0.0.1:{port}/2015-03-31/functions/function/invocations"
    data = json.dumps(event).encode()
    deadline = time.monotonic() + 20
    while True:  # the emulator takes a moment to listen
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data=data, method="POST"), timeout=timeout) as answer:
                body = answer.read().decode()
                break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
    try:
        return json.loads(body)
    except ValueError:
        return body


def local_endpoint(overrides: dict, root: Path):
    """A moto server seeded with the template's resources, when the env file names no endpoint of
    its own (env.json's host.docker.internal is Docker's view of this machine: replaced too)."""
    named = overrides.get("AWS_ENDPOINT_URL", "")
    if named and "host.docker.internal" not in named:
        return None, overrides
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # the server's request lines are not the function's logs
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{port}"
    seed(url, root)
    return server, {**overrides, "AWS_ENDPOINT_URL": url}


def run(args) -> int:
    root = Path(args.root).resolve() if args.root else Path(__file__).resolve().parents[3]
    event = json.loads(Path(args.event).read_text(encoding="utf-8"))
    env_file = json.loads(Path(args.env_vars).read_text(encoding="utf-8")) if args.env_vars else {}
    overrides = dict(env_file.get(args.function) or {}) if isinstance(env_file, dict) else {}
    server, overrides = local_endpoint(overrides, root)
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"} if server is not None else None
    try:
        result = invoke(root, args.function, event, overrides, args.region, credentials, args.timeout)
    finally:
        if server is not None:
            server.stop()
    _print(result)
    return result.exit_code


def _print(result: Invocation) -> None:
    print("--- logs", file=sys.stderr)
    for line in result.logs:
        print(line, file=sys.stderr)
    print("--- response", file=sys.stderr)
    print(json.dumps(result.response, ensure_ascii=False, indent=2))
    report = result.report
    state = "TIMED OUT" if result.timed_out else ("FUNCTION ERROR" if result.error else "ok")
    print(
        f"--- {state}: init {report.get('init_s')} s, duration {report.get('duration_s')} s, "
        f"max memory {report.get('max_rss_mb')} MB ({result.memory_note})",
        file=sys.stderr,
    )
