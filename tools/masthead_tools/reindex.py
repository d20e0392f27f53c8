"""`masthead reindex`: start a reindex run on a deployed stack (or a local endpoint) and show its
progress until every re-extracted object has gone through the index.

A run is one execution of ReindexStateMachine (a Distributed Map over the bucket listing feeding
ReindexFunction), identified by its run id. Its progress is read from two places:
- the map run (Step Functions DescribeMapRun): listed objects handed to batches, done and failed;
- the run's progress items in the index table (RUN#<run id>): keys checked, skipped, sent to the
  index, and what the index did with them (indexed_<outcome>), ADDed by the functions themselves.
Resuming a run starts the state machine again with the same run id: the keys done already come out
the same again ("duplicate"), so the resumed run ends as an uninterrupted one would.
"""

from __future__ import annotations

import json
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

# What the index did with a re-extracted key and counts as a change (a write readers see).
CHANGED_OUTCOMES = ("published", "updated", "removed", "deleted", "rejected", "scheduled", "withheld")


@dataclass
class RunProgress:
    run_id: str
    status: str  # the execution's: RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
    listed: int = 0  # objects the map has handed out so far (its total once listing is done)
    done: int = 0  # objects whose batch finished
    failed: int = 0  # objects whose batch failed after its retries
    counts: dict[str, int] = field(default_factory=dict)  # the progress item's counters

    @property
    def sent(self) -> int:
        return self.counts.get("sent", 0)

    @property
    def indexed(self) -> int:
        return self.counts.get("indexed", 0)

    @property
    def changed(self) -> int:
        return sum(self.counts.get(f"indexed_{outcome}", 0) for outcome in CHANGED_OUTCOMES)

    @property
    def settled(self) -> bool:
        """The execution has ended and the index has handled every message it sent."""
        return self.status != "RUNNING" and self.indexed >= self.sent

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "status": self.status,
            "listed": self.listed,
            "done": self.done,
            "failed": self.failed,
            "changed": self.changed,
            "counts": self.counts,
        }


def new_run_id(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("reindex-%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]


def start_run(sfn, state_machine_arn: str, run_id: str, prefix: str = "", outdated_only: bool = False) -> str:
    """Start (or, with a run id used before, resume) a run; returns its execution ARN."""
    run = {"run_id": run_id, "prefix": prefix, "outdated_only": outdated_only}
    name = f"{run_id}-{uuid.uuid4().hex[:8]}"[:80]
    return sfn.start_execution(stateMachineArn=state_machine_arn, name=name, input=json.dumps(run))["executionArn"]


def read_progress(sfn, dynamodb, table: str, execution_arn: str, run_id: str) -> RunProgress:
    status = sfn.describe_execution(executionArn=execution_arn)["status"]
    progress = RunProgress(run_id, status)
    for summary in _map_runs(sfn, execution_arn):
        items = sfn.describe_map_run(mapRunArn=summary["mapRunArn"]).get("itemCounts", {})
        progress.listed += int(items.get("total", 0))
        progress.done += int(items.get("succeeded", 0))
        progress.failed += int(items.get("failed", 0)) + int(items.get("timedOut", 0)) + int(items.get("aborted", 0))
    progress.counts = run_counts(dynamodb, table, run_id)
    return progress


def _map_runs(sfn, execution_arn: str) -> list[dict]:
    """The execution's map runs; none yet before its map state starts (where moto fails instead
    of answering with an empty list: an error, in-process an AttributeError)."""
    from botocore.exceptions import ClientError

    try:
        return sfn.list_map_runs(executionArn=execution_arn).get("mapRuns", [])
    except (ClientError, AttributeError):
        return []


def run_counts(dynamodb, table: str, run_id: str) -> dict[str, int]:
    """The run's counters, summed over its progress items (one Query: they share a partition)."""
    counts: dict[str, int] = {}
    arguments = {
        "TableName": table,
        "KeyConditionExpression": "PK = :pk",
        "ExpressionAttributeValues": {":pk": {"S": f"RUN#{run_id}"}},
        "ConsistentRead": True,
    }
    while True:
        response = dynamodb.query(**arguments)
        for item in response.get("Items", []):
            for name, value in item.items():
                if "N" in value:
                    counts[name] = counts.get(name, 0) + int(value["N"])
        if "LastEvaluatedKey" not in response:
            return dict(sorted(counts.items()))
        arguments["ExclusiveStartKey"] = response["LastEvaluatedKey"]


def line(progress: RunProgress) -> str:
    """One line of progress: a bar over the listed objects, then what the index made of them."""
    total = max(progress.listed, 1)
    width = 30
    filled = int(width * min(1.0, (progress.done + progress.failed) / total))
    skipped = sum(v for k, v in progress.counts.items() if k.startswith("skipped_"))
    return (
        f"[{'#' * filled}{'.' * (width - filled)}] {progress.done + progress.failed}/{progress.listed} objects"
        f"  sent {progress.sent}  skipped {skipped}  indexed {progress.indexed}/{progress.sent}"
        f"  changed {progress.changed}  failed {progress.failed}  ({progress.status.lower()})"
    )


def watch(read, interval: float = 2.0, index_wait: float = 600.0, out=None) -> RunProgress:
    """Poll `read()` until the run has settled (or the index has not caught up `index_wait`
    seconds after the execution ended), printing a progress line (to `out`, standard error by
    default) each time it changes."""
    out = out or sys.stderr
    shown = ""
    ended_at = None
    while True:
        progress = read()
        text = line(progress)
        if text != shown:
            print(("\r" if out.isatty() else "") + text, end="" if out.isatty() else "\n", file=out, flush=True)
            shown = text
        if progress.settled:
            break
        if progress.status != "RUNNING":
            ended_at = ended_at or time.monotonic()
            if time.monotonic() - ended_at > index_wait:
                break
        time.sleep(interval)
    if out.isatty():
        print(file=out)
    return progress
