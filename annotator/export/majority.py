"""The majority layer: what more than half of the annotators who finished a document agree on.

A span counts when more than half of the finished layers have a span with the same start, end and
label; its attributes are the values more than half of those spans share; a relation counts when
more than half of the layers link the same two majority spans with the same label. A document
needs at least two finished layers (one annotator's work is hers, not a majority) and one span
with a majority; otherwise it has no majority layer, and the reason says why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotator.model.document import Layer, Relation, Span, Status
from annotator.model.layers import MAJORITY_LAYER

Key = tuple[int, int, str]
MIN_FINISHED = 2  # a majority of one annotator would be her own layer


@dataclass(frozen=True)
class Majority:
    """A document's majority layer, or (``layer`` None) why it has none."""

    layer: Layer | None
    reason: str = ""


def majority_layer(layers: list[Layer]) -> Majority:
    """The majority of a document's finished layers (the others are read for the reason only)."""
    done = [la for la in layers if la.status == Status.DONE.value]
    if len(done) < MIN_FINISHED:
        return Majority(None, f"finished by {len(done)} of its {len(layers)} annotators: a "
                              f"majority needs {MIN_FINISHED}")  # fmt: skip
    need = len(done) // 2 + 1
    counts: Counter[Key] = Counter()
    for la in done:
        counts.update({(s.start, s.end, s.label) for s in la.spans})
    keys = sorted(k for k, n in counts.items() if n >= need)
    spans: list[Span] = []
    sid_of: dict[Key, str] = {}
    for i, key in enumerate(keys, 1):
        matching = [s for la in done for s in la.spans if (s.start, s.end, s.label) == key]
        values: Counter[tuple[str, str]] = Counter()
        for s in matching:
            values.update(s.attributes.items())
        attrs = {name: value for (name, value), n in sorted(values.items()) if n >= need}
        sid_of[key] = f"s{i}"
        spans.append(Span(key[0], key[1], key[2], matching[0].text, attrs, f"s{i}"))
    rel_counts: Counter[tuple[Key, Key, str]] = Counter()
    for la in done:
        by_sid = {s.sid: (s.start, s.end, s.label) for s in la.spans}
        rel_counts.update(
            {(by_sid[str(r.head)], by_sid[str(r.child)], r.label) for r in la.relations
             if str(r.head) in by_sid and str(r.child) in by_sid}
        )  # fmt: skip
    relations = [
        Relation(sid_of[h], sid_of[c], label, f"r{i}")
        for i, (h, c, label) in enumerate(
            sorted(
                k for k, n in rel_counts.items() if n >= need and k[0] in sid_of and k[1] in sid_of
            ),
            1,
        )
    ]
    if not spans:
        return Majority(None, f"no span has a majority of the {len(done)} annotators who "
                              "finished it")  # fmt: skip
    return Majority(Layer(MAJORITY_LAYER, Status.DONE.value, spans, relations))
