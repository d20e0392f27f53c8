"""Random editors' work for long runs of `masthead up` (its soak test and benchmark): uploads,
updates and deletes over a fixed set of keys, and the process's resident memory."""

from __future__ import annotations

import random


class RandomChanges:
    """One random change at a time: a delete of a key present (30 % of the time), else an upload
    or update of a key with a body of random length. `present` is what the bucket then holds."""

    def __init__(self, s3, bucket: str, keys: int = 40, seed: int = 7) -> None:
        self.s3, self.bucket = s3, bucket
        self.rng = random.Random(seed)
        self.keys = [f"articles/soak/{n:02d}.md" for n in range(keys)]
        self.present: set[str] = set()
        self.made = 0

    def make(self) -> None:
        key = self.rng.choice(self.keys)
        if key in self.present and self.rng.random() < 0.3:
            self.s3.delete_object(Bucket=self.bucket, Key=key)
            self.present.discard(key)
        else:
            front = f"---\ntitle: Soak {key} {self.made}\ncategory: News\ntags: [a, b]\n---\n"
            self.s3.put_object(Bucket=self.bucket, Key=key, Body=(front + "Body text. " * self.rng.randint(5, 300)).encode())
            self.present.add(key)
        self.made += 1


def rss_mb() -> float:
    """This process's resident memory (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
