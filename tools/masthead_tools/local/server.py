"""A moto server on localhost that also notes every AWS call made to it, in a form a person reads
("S3 GetObject masthead-dev-uploads/articles/x.md", "SQS SendMessage masthead-dev-IndexQueue").

Functions run in processes of their own under the Lambda runtime, so what they did to AWS is read
where it lands: at the endpoint they all talk to.
"""

from __future__ import annotations

import io
import json
import logging
import socket
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote

from moto.server import ThreadedMotoServer

# Calls that read or change nothing a developer looks for (the SDK's own lookups, queue polling).
_QUIET = frozenset({"GetQueueUrl", "GetQueueAttributes", "ReceiveMessage", "DescribeTable", "ListTopics"})


@dataclass(frozen=True)
class Call:
    service: str
    action: str
    target: str  # bucket/key, table, queue or topic name

    def __str__(self) -> str:
        return f"{self.service} {self.action} {self.target}".rstrip()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Recorder:
    """WSGI middleware: the call each request makes, noted while recording is on, and held back
    before it is answered where a delay matches it (a slow AWS, on purpose)."""

    def __init__(self, app) -> None:
        self.app = app
        self.calls: list[Call] = []
        self.recording = False
        self.delays: list[tuple[Callable[[Call], bool], float]] = []
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if self.recording or self.delays:
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length) if length else b""
            environ["wsgi.input"] = io.BytesIO(body)  # the app reads it again
            call = describe(environ, body)
            if call is not None and self.recording:
                with self.lock:
                    self.calls.append(call)
            wait = max((seconds for matches, seconds in self.delays if call is not None and matches(call)), default=0)
            if wait:
                time.sleep(wait)
        return self.app(environ, start_response)


def describe(environ: dict, body: bytes) -> Call | None:
    """The service, action and resource of one request, by the protocol each service speaks."""
    target = environ.get("HTTP_X_AMZ_TARGET", "")
    if target:  # JSON protocols: DynamoDB, DynamoDB Streams, SQS
        prefix, _, action = target.partition(".")
        service = "SQS" if prefix.startswith("AmazonSQS") else "DynamoDB Streams" if "Streams" in prefix else "DynamoDB"
        try:
            params = json.loads(body or b"{}")
        except ValueError:
            params = {}
        name = params.get("TableName") or params.get("QueueUrl", "").rsplit("/", 1)[-1] or _transaction_tables(params)
        batch = params.get("TransactItems") or params.get("Entries")
        return None if action in _QUIET else Call(service, action, name + (f" ({len(batch)} entries)" if batch else ""))
    form = parse_qs(body.decode("utf-8", "replace")) if b"Action=" in body[:200] else {}
    if form:  # query protocols: SNS (and SQS from older SDKs)
        action = form["Action"][0]
        name = (form.get("TopicArn") or form.get("QueueUrl") or [""])[0].rsplit(":", 1)[-1].rsplit("/", 1)[-1]
        service = "SQS" if "QueueUrl" in form else "SNS"
        entries = sum(1 for field in form if field.endswith(".Id"))
        return None if action in _QUIET else Call(service, action, name + (f" ({entries} entries)" if entries else ""))
    # WSGI hands the path over as the request's bytes read as Latin-1: S3 keys are UTF-8.
    path = unquote(environ.get("PATH_INFO", "").encode("latin-1", "replace").decode("utf-8", "replace"))
    if path.startswith("/moto-api"):
        return None
    service = signed_service(environ)
    if service not in (None, "s3"):  # the other REST services (Scheduler, Lambda): method and path
        return Call(_REST_SERVICES.get(service, service), environ.get("REQUEST_METHOD", "GET"), path)
    return _s3_call(environ.get("REQUEST_METHOD", "GET"), path, environ.get("QUERY_STRING", ""))


_REST_SERVICES = {"scheduler": "Scheduler", "lambda": "Lambda", "states": "Step Functions"}


def signed_service(environ: dict) -> str | None:
    """The service a request is signed for (SigV4's credential scope, in the Authorization header
    or a presigned URL's X-Amz-Credential); None for an unsigned request. The path alone does not
    tell S3 from the other REST services: `PUT /schedules/x` would read as an object upload."""
    credential = ""
    authorization = environ.get("HTTP_AUTHORIZATION", "")
    if "Credential=" in authorization:
        credential = authorization.split("Credential=", 1)[1].split(",", 1)[0]
    elif "X-Amz-Credential" in environ.get("QUERY_STRING", ""):
        credential = (parse_qs(environ["QUERY_STRING"]).get("X-Amz-Credential") or [""])[0]
    parts = credential.strip().split("/")  # key id / date / region / service / aws4_request
    return parts[3] if len(parts) == 5 else None


def _transaction_tables(params: dict) -> str:
    tables = {
        operation.get("TableName")
        for item in params.get("TransactItems") or []
        for operation in item.values()
        if isinstance(operation, dict)
    }
    return ", ".join(sorted(t for t in tables if t))


_S3_ACTIONS = {"GET": "GetObject", "HEAD": "HeadObject", "PUT": "PutObject", "DELETE": "DeleteObject", "POST": "PostObject"}


def _s3_call(method: str, path: str, query: str) -> Call:
    bucket, _, key = path.lstrip("/").partition("/")
    if not key:
        action = {"GET": "ListObjects", "PUT": "CreateBucket", "HEAD": "HeadBucket"}.get(method, method)
        return Call("S3", action, bucket)
    return Call("S3", _S3_ACTIONS.get(method, method), f"{bucket}/{key}" + (f"?{query}" if "versionId" in query else ""))


# S3 requests that change what a key holds, as (method, has the subresource) -> event name. The
# rest (parts of multipart uploads, tags, ACLs, bucket calls) change no object.
_NOT_OBJECT_CHANGES = ("uploadId", "partNumber", "tagging", "acl", "retention", "legal-hold", "restore", "select")


def s3_object_changes(environ: dict, status: int, headers: dict[str, str], body: bytes) -> list[tuple[str, str, str, str | None]]:
    """(event name, bucket, key, version id) for each object a successful S3 request created or
    removed, as S3's event notifications name them; [] for any other request."""
    if status >= 300 or environ.get("HTTP_X_AMZ_TARGET") or environ.get("PATH_INFO", "").startswith("/moto-api"):
        return []
    if signed_service(environ) not in (None, "s3"):
        return []
    method = environ.get("REQUEST_METHOD", "GET")
    path = unquote(environ.get("PATH_INFO", "").encode("latin-1", "replace").decode("utf-8", "replace"))
    bucket, _, key = path.lstrip("/").partition("/")
    if hosted := _virtual_host_bucket(environ.get("HTTP_HOST", "")):  # bucket.localhost:4566/key
        bucket, key = hosted, path.lstrip("/")
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    version = headers.get("x-amz-version-id")
    if method == "POST" and not key and "delete" in query:
        return _deleted_objects(bucket, body)
    if not key or not bucket:
        return []
    if method == "PUT" and not any(name in query for name in _NOT_OBJECT_CHANGES):
        name = "ObjectCreated:Copy" if environ.get("HTTP_X_AMZ_COPY_SOURCE") else "ObjectCreated:Put"
        return [(name, bucket, key, version)]
    if method == "POST" and "uploadId" in query:
        return [("ObjectCreated:CompleteMultipartUpload", bucket, key, version)]
    if method == "DELETE" and "uploadId" not in query:
        if "versionId" in query:
            return [("ObjectRemoved:Delete", bucket, key, query["versionId"][0])]
        marker = headers.get("x-amz-delete-marker") == "true"
        return [("ObjectRemoved:DeleteMarkerCreated" if marker else "ObjectRemoved:Delete", bucket, key, version if marker else None)]
    return []


def _virtual_host_bucket(host: str) -> str | None:
    """The bucket of a virtual-hosted-style request (`<bucket>.localhost`, `<bucket>.s3.<...>`)."""
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    for suffix in (".localhost", ".s3.amazonaws.com"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    if ".s3." in name:
        return name.split(".s3.", 1)[0]
    return None


def _deleted_objects(bucket: str, body: bytes) -> list[tuple[str, str, str, str | None]]:
    """The keys a DeleteObjects answer reports deleted."""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)  # noqa: S314 - moto's own answer, not an upload
    except ET.ParseError:
        return []
    found = []
    for deleted in root.iter():
        if not deleted.tag.endswith("Deleted"):
            continue
        fields = {child.tag.rsplit("}", 1)[-1]: (child.text or "") for child in deleted}
        if fields.get("DeleteMarker") == "true":
            found.append(("ObjectRemoved:DeleteMarkerCreated", bucket, fields.get("Key", ""), fields.get("DeleteMarkerVersionId")))
        else:
            found.append(("ObjectRemoved:Delete", bucket, fields.get("Key", ""), fields.get("VersionId")))
    return [change for change in found if change[2]]


class _S3Events:
    """WSGI middleware: after each S3 request that created or removed objects, `notify` is called
    for each (as S3 would send its event notifications), before the client has its answer."""

    def __init__(self, app) -> None:
        self.app = app
        self.notify = None  # (event name, bucket, key, version id) -> None

    def __call__(self, environ, start_response):
        if self.notify is None or environ.get("HTTP_X_AMZ_TARGET"):
            return self.app(environ, start_response)
        answer: dict = {}

        def capture(status, headers, exc_info=None):
            answer["status"], answer["headers"] = int(status.split()[0]), {k.lower(): v for k, v in headers}
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        body = b"".join(self.app(environ, capture))
        for change in s3_object_changes(environ, answer.get("status", 500), answer.get("headers", {}), body):
            try:
                self.notify(*change)
            except Exception:  # noqa: BLE001 - a failed notification must not fail the upload (S3's are best effort too)
                logging.getLogger("masthead").exception("could not send the S3 event for %s", change[2])
        return [body]


class RecordingMotoServer(ThreadedMotoServer):
    """moto in server mode on 127.0.0.1 (a free port unless given), starting from an empty state,
    noting the calls made while `recording()` is on."""

    def __init__(self, port: int | None = None) -> None:
        super().__init__(ip_address="127.0.0.1", port=port or free_port(), verbose=False)
        self.recorder: _Recorder | None = None
        self.s3_events: _S3Events | None = None

    def _server_entry(self) -> None:
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
        from werkzeug.serving import make_server

        self.s3_events = _S3Events(DomainDispatcherApplication(create_backend_app))
        self.recorder = _Recorder(self.s3_events)
        self._server = make_server(self._ip_address, self._port, self.recorder, True, request_handler=MotoRequestHandler)
        self._server_ready_event.set()
        self._server.serve_forever()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> None:
        from .moto_fixes import install

        install()
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # request lines are not the functions' logs
        super().start()
        self._reset()

    def stop(self) -> None:
        self._reset()
        super().stop()

    def _reset(self) -> None:
        """moto keeps its state per process, not per server: a server starts from nothing and
        leaves nothing behind for the next one (or an in-process mock) in the same process."""
        urllib.request.urlopen(urllib.request.Request(f"{self.url}/moto-api/reset", method="POST"), timeout=30).close()
        # Its Step Functions run the state machines' definitions (the reindex run), as AWS does.
        config = json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode()
        urllib.request.urlopen(urllib.request.Request(f"{self.url}/moto-api/config", data=config, method="POST"), timeout=30).close()

    def start_recording(self) -> None:
        assert self.recorder is not None, "start() first"
        with self.recorder.lock:
            self.recorder.calls = []
        self.recorder.recording = True

    def delay(self, matches: Callable[[Call], bool], seconds: float) -> None:
        """Answer each call that `matches` only after `seconds`: an AWS that is slow to answer,
        which is how a function meets its Timeout on any machine, however fast it runs."""
        assert self.recorder is not None, "start() first"
        self.recorder.delays.append((matches, seconds))

    def stop_recording(self) -> list[Call]:
        assert self.recorder is not None, "start() first"
        self.recorder.recording = False
        with self.recorder.lock:
            calls, self.recorder.calls = self.recorder.calls, []
        return calls


def summarise(calls: list[Call]) -> list[str]:
    """One line per distinct call, in first-seen order, with a count when it repeats."""
    counts: dict[str, int] = {}
    for call in calls:
        counts[str(call)] = counts.get(str(call), 0) + 1
    return [f"{line}  (x{n})" if n > 1 else line for line, n in counts.items()]
