"""The template's state machines on moto's Step Functions, which runs the real definition
(moto's `execute_state_machine`), and Lambda's side of their `lambda:invoke` tasks.

moto cannot run a Lambda function, so a task's Invoke call is answered here: the stack invokes the
handler as the event source mappings do, one invocation at a time (the handlers share the process's
environment), and the answer is shaped as Lambda's (a raised error is a FunctionError).

Two things moto's interpreter does not take are adapted, and nothing else:
- `ItemBatcher` (every item becomes its own child execution): each item's input is shaped as a
  batch of one, the `BatchInput` beside it, as ReindexFunction reads either;
- EXPRESS child executions run as STANDARD ones (moto knows only those; the states are the same);
- the S3 listing is moto's first ListObjectsV2 page (up to 1,000 keys): enough for a laptop.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import unquote

from .template import resources_of_type

_SUBSTITUTION = re.compile(r"\$\{([A-Za-z0-9_]+)\}")
_INVOKE_PATH = re.compile(r"/functions/([^/]+)/invocations")


def state_machine_definitions(template: dict, resolve: Callable) -> dict[str, tuple[str, dict]]:
    """Logical id -> (name, definition with its DefinitionSubstitutions made) for each state machine."""
    found = {}
    for logical, resource in resources_of_type(template, "AWS::Serverless::StateMachine").items():
        props = resource["Properties"]
        values = {k: str(resolve(v)) for k, v in (props.get("DefinitionSubstitutions") or {}).items()}
        definition = json.loads(_substitute(json.dumps(props["Definition"]), values))
        _numbers(definition)
        found[logical] = (str(resolve(props["Name"])), definition)
    return found


def _substitute(text: str, values: dict[str, str]) -> str:
    """${Name} -> its DefinitionSubstitutions value (JSON-escaped: the text is JSON)."""
    return _SUBSTITUTION.sub(lambda m: json.dumps(values[m.group(1)])[1:-1] if m.group(1) in values else m.group(0), text)


def _numbers(node) -> None:
    """Substituted numbers arrive as strings ("20"); ASL wants numbers where numbers go."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("MaxItemsPerBatch", "MaxConcurrency") and isinstance(value, str) and value.isdigit():
                node[key] = int(value)
            else:
                _numbers(value)
    elif isinstance(node, list):
        for value in node:
            _numbers(value)


def for_moto(definition: dict) -> dict:
    """The definition as moto's interpreter takes it (see the module's docstring)."""
    adapted = json.loads(json.dumps(definition))
    _unbatch(adapted.get("States") or {})
    return adapted


def _unbatch(states: dict) -> None:
    for state in states.values():
        batcher = state.pop("ItemBatcher", None)
        if batcher is not None:
            state["ItemSelector"] = {
                "Key.$": "$$.Map.Item.Value.Key",
                "ETag.$": "$$.Map.Item.Value.ETag",
                "Size.$": "$$.Map.Item.Value.Size",
                "BatchInput": batcher.get("BatchInput") or {},
            }
        for nested in ("ItemProcessor", "Iterator"):
            if nested in state:
                config = state[nested].get("ProcessorConfig") or {}
                if config.get("ExecutionType") == "EXPRESS":
                    config["ExecutionType"] = "STANDARD"
                _unbatch(state[nested].get("States") or {})


class LambdaInvokes:
    """Answers the state machines' Lambda Invoke calls with the stack's handlers (in-process)."""

    def __init__(self, invoke: Callable[[str, dict], dict], functions_by_name: dict[str, str]) -> None:
        self._invoke = invoke
        self._functions = functions_by_name  # function name -> logical id
        self.calls = 0

    def attach(self, session) -> None:
        session.events.register_first("before-send.lambda.Invoke", self._answer)

    def _answer(self, request, **_) -> object:
        from botocore.awsrequest import AWSResponse

        match = _INVOKE_PATH.search(request.url)
        name = unquote(match.group(1)).rsplit(":", 1)[-1] if match else ""
        logical = self._functions.get(name)
        if logical is None:
            return None  # not one of the stack's: moto answers
        payload = json.loads(request.body or b"{}")
        headers = {"X-Amz-Executed-Version": "$LATEST"}
        self.calls += 1
        try:
            result = self._invoke(logical, payload)  # one at a time: the stack's invoke holds a lock
        except Exception as exc:  # noqa: BLE001 - a raised error is the function's error, as on Lambda
            result = {"errorType": type(exc).__name__, "errorMessage": str(exc)[:1000]}
            headers["X-Amz-Function-Error"] = "Unhandled"
        body = json.dumps(result, default=str).encode()
        response = AWSResponse(request.url, 200, headers, _Raw(body))
        response._content = body
        return response


class _Raw:
    """The raw body botocore streams a response from."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_):
        yield self._body

    def read(self, *_) -> bytes:
        return self._body
