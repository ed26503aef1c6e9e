"""Span matching between two annotators: exact, and one-to-one overlap (largest overlap first)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.model.document import Span

Key = tuple[int, int, str]


def key(span: Span) -> Key:
    return (span.start, span.end, span.label)


@dataclass
class Counts:
    """True positives and the sizes of the two sides, pooled over documents."""

    tp: int = 0
    a: int = 0  # the reference's count (recall's denominator)
    b: int = 0  # the other's count (precision's denominator)

    def add(self, tp: int, a: int, b: int) -> None:
        self.tp += tp
        self.a += a
        self.b += b

    def prf(self) -> dict[str, float | None]:
        """Precision, recall and F1 with ``a`` as the reference; None where a count is zero."""
        p = self.tp / self.b if self.b else None
        r = self.tp / self.a if self.a else None
        f = 2 * self.tp / (self.a + self.b) if self.a + self.b else None
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "matched": self.tp,
            "in_a": self.a,
            "in_b": self.b,
        }


def exact_matches(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[Span, Span]]:
    """Pairs with the same start, end and label (each span used once)."""
    pool: dict[Key, list[Span]] = {}
    for s in b:
        pool.setdefault(key(s), []).append(s)
    out: list[tuple[Span, Span]] = []
    for s in a:
        partners = pool.get(key(s))
        if partners:
            out.append((s, partners.pop(0)))
    return out


def overlap_matches(
    a: Sequence[Span], b: Sequence[Span], *, any_label: bool = False
) -> list[tuple[Span, Span]]:
    """Same label (or any, with ``any_label``) and at least one shared character, matched
    one-to-one, largest overlap first.

    One long span never matches several short ones.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if any_label or x.label == y.label:
                shared = min(x.end, y.end) - max(x.start, y.start)
                if shared > 0:
                    candidates.append((-shared, x.start, i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[Span, Span]] = []
    for _neg, _start, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((a[i], b[j]))
    return out
