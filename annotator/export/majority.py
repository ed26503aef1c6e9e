"""The majority layer: what more than half of the annotators who finished a document agree on.

A span counts when more than half of the finished layers have a span with the same start, end and
label; its attributes are the values more than half of those spans share; a relation counts when
more than half of the layers link the same two majority spans with the same label.
"""

from __future__ import annotations

from collections import Counter

from annotator.model.document import Layer, Relation, Span, Status
from annotator.model.layers import MAJORITY_LAYER

Key = tuple[int, int, str]


def majority_layer(layers: list[Layer]) -> Layer | None:
    """The majority layer of a document's finished layers, or None when none is finished."""
    done = [la for la in layers if la.status == Status.DONE.value]
    if not done:
        return None
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
    return Layer(MAJORITY_LAYER, Status.DONE.value, spans, relations)
