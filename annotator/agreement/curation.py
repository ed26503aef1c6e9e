"""Curation into a gold layer: what the finished annotators proposed, and what is still open.

A candidate is a span (start, end, label) that at least one finished annotator marked, with who
marked it and which attribute values each gave. Annotators agree on a candidate when they marked it
with the same attribute values: unanimous candidates (or majority ones, as the lead chooses) can be
accepted at once; the rest, attribute disagreements included, are walked one by one: accept, reject
or edit. Decisions are remembered per document.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.model.document import Layer, Span

Key = tuple[int, int, str]
Attributes = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Candidate:
    """A span proposed by some annotators."""

    start: int
    end: int
    label: str
    text: str
    annotators: tuple[str, ...]
    attributes: Attributes  # the values the largest group of its annotators gave
    # each set of attribute values given, with who gave it, the largest group first
    variants: tuple[tuple[Attributes, tuple[str, ...]], ...] = ()

    @property
    def key(self) -> Key:
        return (self.start, self.end, self.label)

    @property
    def agreeing(self) -> int:
        """How many annotators marked this span with the same attribute values (the most)."""
        return len(self.variants[0][1]) if self.variants else len(self.annotators)


def candidates(layers: Mapping[str, Layer]) -> list[Candidate]:
    """Every distinct span of the given (finished) layers, in text order."""
    found: dict[Key, list[tuple[str, Span]]] = {}
    for name, layer in sorted(layers.items()):
        for s in layer.spans:
            found.setdefault((s.start, s.end, s.label), []).append((name, s))
    out: list[Candidate] = []
    for key, marks in sorted(found.items()):
        given: defaultdict[Attributes, set[str]] = defaultdict(set)
        for name, s in marks:
            given[tuple(sorted(s.attributes.items()))].add(name)
        variants = tuple(
            sorted(((a, tuple(sorted(who))) for a, who in given.items()),
                   key=lambda v: (-len(v[1]), v[0]))
        )  # fmt: skip
        out.append(Candidate(key[0], key[1], key[2], marks[0][1].text,
                             tuple(sorted({n for n, _ in marks})), variants[0][0], variants))  # fmt: skip
    return out


def needed(rule: str, annotators: int) -> int:
    """How many annotators must agree: all of them, or more than half."""
    return annotators if rule == "all" else annotators // 2 + 1


def acceptable(cands: Sequence[Candidate], annotators: int, rule: str,
               gold: Sequence[Span], decisions: Mapping[Key, str]) -> list[Candidate]:  # fmt: skip
    """Candidates the rule accepts (span and attribute values) that are neither in gold nor decided."""
    have = {(s.start, s.end, s.label) for s in gold}
    need = needed(rule, annotators)
    return [c for c in cands if c.agreeing >= need and c.key not in have and c.key not in decisions]


def open_disagreements(cands: Sequence[Candidate], annotators: int,
                       gold: Sequence[Span], decisions: Mapping[Key, str]) -> list[Candidate]:  # fmt: skip
    """Candidates not everyone marked alike (span or attribute values), still to be decided."""
    have = {(s.start, s.end, s.label) for s in gold}
    return [c for c in cands
            if c.agreeing < annotators and c.key not in have and c.key not in decisions]  # fmt: skip


def agreed_relations(layers: Mapping[str, Layer], rule: str) -> list[tuple[Key, Key, str]]:
    """Relations (head key, child key, label) that the rule's number of annotators drew."""
    votes: Counter[tuple[Key, Key, str]] = Counter()
    for layer in layers.values():
        keys = {s.sid: (s.start, s.end, s.label) for s in layer.spans}
        votes.update({(keys[str(r.head)], keys[str(r.child)], r.label) for r in layer.relations
                      if str(r.head) in keys and str(r.child) in keys})  # fmt: skip
    need = needed(rule, len(layers))
    return sorted(k for k, n in votes.items() if n >= need)
