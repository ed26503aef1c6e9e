"""Curation into a gold layer: what the finished annotators proposed, and what is still open.

A candidate is a span (start, end, label) that at least one finished annotator marked, with who
marked it. Unanimous candidates (or majority ones, as the lead chooses) can be accepted at once;
the rest are walked one by one: accept, reject or edit. Decisions are remembered per document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.model.document import Layer, Span

Key = tuple[int, int, str]


@dataclass(frozen=True)
class Candidate:
    """A span proposed by some annotators."""

    start: int
    end: int
    label: str
    text: str
    annotators: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]  # the values most of its annotators gave

    @property
    def key(self) -> Key:
        return (self.start, self.end, self.label)


def candidates(layers: Mapping[str, Layer]) -> list[Candidate]:
    """Every distinct span of the given (finished) layers, in text order."""
    found: dict[Key, list[tuple[str, Span]]] = {}
    for name, layer in sorted(layers.items()):
        for s in layer.spans:
            found.setdefault((s.start, s.end, s.label), []).append((name, s))
    out: list[Candidate] = []
    for key, marks in sorted(found.items()):
        votes: Counter[tuple[str, str]] = Counter()
        for _name, s in marks:
            votes.update(s.attributes.items())
        best: dict[str, tuple[int, str]] = {}
        for (attr, value), n in sorted(votes.items()):
            if attr not in best or n > best[attr][0]:
                best[attr] = (n, value)
        out.append(Candidate(key[0], key[1], key[2], marks[0][1].text,
                             tuple(sorted({n for n, _ in marks})),
                             tuple(sorted((a, v) for a, (_n, v) in best.items()))))  # fmt: skip
    return out


def needed(rule: str, annotators: int) -> int:
    """How many annotators must agree: all of them, or more than half."""
    return annotators if rule == "all" else annotators // 2 + 1


def acceptable(cands: Sequence[Candidate], annotators: int, rule: str,
               gold: Sequence[Span], decisions: Mapping[Key, str]) -> list[Candidate]:  # fmt: skip
    """Candidates the rule accepts that are neither in gold nor decided yet."""
    have = {(s.start, s.end, s.label) for s in gold}
    need = needed(rule, annotators)
    return [
        c
        for c in cands
        if len(c.annotators) >= need and c.key not in have and c.key not in decisions
    ]


def open_disagreements(cands: Sequence[Candidate], annotators: int,
                       gold: Sequence[Span], decisions: Mapping[Key, str]) -> list[Candidate]:  # fmt: skip
    """Candidates not everyone marked, still to be decided (not in gold, not rejected)."""
    have = {(s.start, s.end, s.label) for s in gold}
    return [c for c in cands
            if len(c.annotators) < annotators and c.key not in have and c.key not in decisions]  # fmt: skip


def agreed_relations(layers: Mapping[str, Layer], rule: str) -> list[tuple[Key, Key, str]]:
    """Relations (head key, child key, label) that the rule's number of annotators drew."""
    votes: Counter[tuple[Key, Key, str]] = Counter()
    for layer in layers.values():
        keys = {s.sid: (s.start, s.end, s.label) for s in layer.spans}
        votes.update({(keys[str(r.head)], keys[str(r.child)], r.label) for r in layer.relations
                      if str(r.head) in keys and str(r.child) in keys})  # fmt: skip
    need = needed(rule, len(layers))
    return sorted(k for k, n in votes.items() if n >= need)
