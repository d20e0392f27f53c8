"""`masthead invoke FUNCTION -e EVENT`: one built function under the real Lambda runtime, without
Docker (local/runtime.py), with the environment as `sam local invoke --env-vars` resolves it.

AWS is a moto server started here and seeded with the template's resources (`masthead seed`),
unless the env file names an endpoint of its own (or none: real AWS). On the local server every AWS
call the function makes is noted, so the run shows what it did: objects read, messages queued,
items written, notifications published.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .runtime import FunctionRuntime, FunctionSpec, Invocation, built, ensure_built, function_spec
from .seed import seed
from .server import RecordingMotoServer, summarise
from .stack import REGION
from .template import load_template, sam_local_environment

_CREDENTIALS = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE")


def environment(template: dict, spec: FunctionSpec, overrides: dict, region: str, credentials: dict[str, str]) -> dict[str, str]:
    """The function's variables as SAM resolves them, with credentials for a local endpoint (or
    the caller's, for real AWS) and the region; Lambda's own variables come with the runtime."""
    variables = sam_local_environment(template, spec.logical_id, overrides, region)
    if not variables.get("AWS_ENDPOINT_URL"):
        variables.pop("AWS_ENDPOINT_URL", None)  # real AWS: the caller's credentials and region
    return {
        "HOME": os.environ.get("HOME", "/tmp"),
        **(credentials or {k: os.environ[k] for k in _CREDENTIALS if k in os.environ}),
        **variables,
        "AWS_REGION": region,
    }


def invoke(
    root: Path,
    logical_id: str,
    event: dict,
    overrides: dict,
    region: str = REGION,
    credentials: dict | None = None,
    timeout: int | None = None,
) -> Invocation:
    """One cold call of a built function under the runtime."""
    template = load_template(root / "template.yaml")
    spec = function_spec(template, logical_id)
    if timeout:
        spec.timeout = timeout
    code, layer = built(ensure_built(root), logical_id)
    with FunctionRuntime(root, spec, environment(template, spec, overrides, region, credentials or {}), code, layer) as runtime:
        return runtime.invoke(event)


def invoke_folder(
    root: Path, folder: Path, handler: str, event: dict, variables: dict[str, str], timeout: int = 30, memory_mb: int = 512
) -> Invocation:
    """Any handler in `folder` under the same runtime, with no layer (a baseline: a handler that
    imports only what the runtime ships, boto3)."""
    spec = FunctionSpec(folder.name, handler, timeout, memory_mb)
    with FunctionRuntime(root, spec, variables, folder) as runtime:
        return runtime.invoke(event)


def local_endpoint(overrides: dict, root: Path):
    """A moto server seeded with the template's resources, when the env file names no endpoint of
    its own (env.json's host.docker.internal is Docker's view of this machine: replaced too)."""
    named = overrides.get("AWS_ENDPOINT_URL", "")
    if named and "host.docker.internal" not in named:
        return None, overrides
    server = RecordingMotoServer()
    server.start()
    seed(server.url, root)
    return server, {**overrides, "AWS_ENDPOINT_URL": server.url}


def run(args) -> int:
    root = Path(args.root).resolve() if args.root else Path(__file__).resolve().parents[3]
    event = json.loads(Path(args.event).read_text(encoding="utf-8"))
    env_file = json.loads(Path(args.env_vars).read_text(encoding="utf-8")) if args.env_vars else {}
    overrides = dict(env_file.get(args.function) or {}) if isinstance(env_file, dict) else {}
    ensure_built(root)  # before the server starts: a first build takes a while
    server, overrides = local_endpoint(overrides, root)
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"} if server is not None else None
    calls = None
    try:
        if server is not None:
            server.start_recording()
        result = invoke(root, args.function, event, overrides, args.region, credentials, args.timeout)
        calls = server.stop_recording() if server is not None else None
    finally:
        if server is not None:
            server.stop()
    _print(result, None if calls is None else summarise(calls))
    return result.exit_code


def _print(result: Invocation, calls: list[str] | None) -> None:
    print("--- logs", file=sys.stderr)
    for line in result.logs:
        print(line, file=sys.stderr)
    if calls is not None:
        print("--- AWS calls the function made (local endpoint)", file=sys.stderr)
        for line in calls or ["none"]:
            print(f"  {line}", file=sys.stderr)
    print("--- response", file=sys.stderr)
    print(json.dumps(result.response, ensure_ascii=False, indent=2))
    report = result.report
    state = "TIMED OUT" if result.timed_out else ("FUNCTION ERROR" if result.error else "ok")
    print(
        f"--- {state}: init {report.get('init_s')} s, duration {report.get('duration_s')} s, "
        f"max memory {report.get('max_rss_mb')} MB ({result.memory_note})",
        file=sys.stderr,
    )
