"""Who annotates what: every document once, an overlap share by several annotators for agreement.

A plan is deterministic for a seed: the documents are shuffled by the seed, the first share of
them (rounded) go to ``per_overlap`` annotators and the rest to one, each time to whoever has the
least work so far (earlier assignments count), ties broken in a seeded order. Planning again after
documents were added plans only the new ones, so nobody's earlier work moves.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.errors import UsageError
from annotator.model.layers import RESERVED_LAYERS


@dataclass(frozen=True)
class AssignmentPlan:
    """Documents (row ids) and who should annotate each; which of them are the overlap."""

    who: dict[int, tuple[str, ...]]
    overlap: frozenset[int]


def parse_share(text: str) -> float:
    """``20%``, ``20`` or ``0.2`` as a share in [0, 1]."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(%?)\s*", text)
    if m is None:
        raise UsageError(f"--overlap {text!r} is not a share: write it as 20% (or 0.2)")
    value = float(m.group(1))
    share = value / 100 if m.group(2) or value > 1 else value
    if not 0 <= share <= 1:
        raise UsageError(f"--overlap {text!r} is more than 100%")
    return share


def check_names(annotators: Sequence[str]) -> list[str]:
    """The annotator names, refusing empty, repeated and reserved ones."""
    names = [a.strip() for a in annotators]
    if not names or any(not a for a in names):
        raise UsageError("--annotators needs names separated by commas, such as layla,omar,sara")
    repeated = sorted({a for a in names if names.count(a) > 1})
    if repeated:
        raise UsageError(f"--annotators names {repeated[0]!r} twice")
    reserved = [a for a in names if a in RESERVED_LAYERS]
    if reserved:
        raise UsageError(f"{reserved[0]!r} names a layer of its own, not an annotator")
    return names


def plan(
    documents: Sequence[int],
    annotators: Sequence[str],
    overlap: float,
    per_overlap: int,
    seed: int,
    load: Mapping[str, int] | None = None,
) -> AssignmentPlan:
    """Assign ``documents`` (not yet assigned) to ``annotators``; ``load`` is earlier work."""
    names = check_names(annotators)
    if overlap > 0 and len(names) < 2:
        raise UsageError("an overlap needs at least two annotators (or --overlap 0%)")
    if overlap > 0 and not 2 <= per_overlap <= len(names):
        raise UsageError(
            f"--per-overlap {per_overlap}: the overlap needs 2 to {len(names)} annotators per document"
        )
    rng = random.Random(f"annotator-assign:{seed}")
    order = sorted(documents)
    rng.shuffle(order)
    shared = round(overlap * len(order))
    tiebreak = {n: rng.random() for n in names}
    work = {n: (load or {}).get(n, 0) for n in names}
    who: dict[int, tuple[str, ...]] = {}
    for i, doc in enumerate(order):
        k = per_overlap if i < shared else 1
        chosen = sorted(names, key=lambda n: (work[n], tiebreak[n]))[:k]
        for n in chosen:
            work[n] += 1
        who[doc] = tuple(sorted(chosen))
    return AssignmentPlan(who, frozenset(order[:shared]))
