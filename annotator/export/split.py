"""Deterministic train/dev/test splits: a document's split depends only on its id and the seed.

Adding documents never moves an existing one to another split.
"""

from __future__ import annotations

import hashlib

from annotator.errors import UsageError

SPLIT_NAMES = ("train", "dev", "test")


def parse_split(spec: str) -> tuple[int, ...]:
    """'80,10,10' -> (80, 10, 10); the parts must be whole numbers adding up to 100."""
    try:
        parts = tuple(int(p) for p in spec.split(","))
    except ValueError:
        raise UsageError(
            "--split {spec!r}: give whole percentages such as 80,10,10", spec=spec
        ) from None
    if not 2 <= len(parts) <= 3 or any(p < 0 for p in parts) or sum(parts) != 100:
        raise UsageError(
            "--split {spec!r}: give two or three percentages that add up to 100", spec=spec
        )
    return parts


def split_of(doc_id: str, seed: int, parts: tuple[int, ...]) -> str:
    """The split ('train', 'dev' or 'test') of one document."""
    digest = hashlib.sha256(f"{seed}\x00{doc_id}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64 * 100
    total = 0.0
    for name, share in zip(SPLIT_NAMES, parts, strict=False):
        total += share
        if point < total:
            return name
    return SPLIT_NAMES[len(parts) - 1]
