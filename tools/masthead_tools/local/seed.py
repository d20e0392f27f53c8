"""`masthead seed`: the template's resources on a local AWS endpoint (a moto server), named as
events/env.json names them, and the objects the events in events/ refer to, from samples/.

With it, `sam local invoke FUNCTION -e events/... --env-vars events/env.json` has something to read
and somewhere to write (README: "sam local invoke").
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import unquote_plus

from .stack import REGION, LocalStack, patched_environ

# The stack events/env.json names its resources after.
STACK_NAME = "masthead-dev"


def event_objects(events_dir: Path) -> list[str]:
    """The keys the S3 put events in `events_dir` name (each ingest message's notification)."""
    keys: list[str] = []
    for path in sorted(events_dir.glob("*.json")):
        event = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(event, dict):
            continue  # env.json maps functions to variables
        for record in event.get("Records") or []:
            body = record.get("body") if isinstance(record, dict) else None
            notification = json.loads(body) if isinstance(body, str) and body.startswith("{") else {}
            for entry in notification.get("Records") or []:
                if str(entry.get("eventName", "")).startswith("ObjectCreated"):
                    keys.append(unquote_plus(entry["s3"]["object"]["key"]))
    return keys


def seed(endpoint_url: str, root: Path, stack_name: str = STACK_NAME) -> dict:
    """Create the resources on `endpoint_url` and upload each event's object from root/samples.
    Returns the resource names (as events/env.json has them) and the keys uploaded."""
    credentials = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}  # any will do for moto
    environment = {"AWS_ENDPOINT_URL": endpoint_url, "AWS_DEFAULT_REGION": REGION}
    environment.update({k: v for k, v in credentials.items() if not os.environ.get(k)})
    with patched_environ(environment):
        stack = LocalStack(root / "template.yaml", stack_name=stack_name).create_resources()
        uploaded = []
        for key in event_objects(root / "events"):
            sample = root / "samples" / key
            if sample.is_file():
                stack.s3.put_object(Bucket=stack.bucket, Key=key, Body=sample.read_bytes())
                uploaded.append(key)
    return {"bucket": stack.bucket, "table": stack.table, "topic_arn": stack.topic_arn, "queues": stack.queue_urls, "uploaded": uploaded}


def run(args) -> int:
    root = Path(args.root).resolve() if args.root else Path(__file__).resolve().parents[3]
    made = seed(args.endpoint_url, root, args.stack_name)
    print(json.dumps(made, indent=2, ensure_ascii=False))
    return 0
