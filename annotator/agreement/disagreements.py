"""Why two annotators disagree: every span that is not matched exactly, with what went wrong.

Spans matched exactly (same start, end and label) agree. The rest are paired one-to-one by
overlap (largest overlap first), spans of the same label first: such a pair differs in its
boundaries only. What is left is paired by overlap whatever the labels: a pair with the same
boundaries differs in its label only; a pair differing in both is counted as such. A span
overlapping nothing left on the other side was missed by the other annotator. Each disagreement counts once, whichever side it is seen from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from annotator.agreement.records import DisagreementRow, SpanRef
from annotator.agreement.spans import exact_matches, overlap_matches
from annotator.model.document import Span


class Kind(StrEnum):
    """What a disagreement is about."""

    BOUNDARY = "boundary"  # same label, different start or end
    LABEL = "label"  # same start and end, different label
    BOTH = "boundary_and_label"
    MISSED = "missed"  # one annotator marked it, the other marked nothing overlapping it


@dataclass(frozen=True)
class Disagreement:
    """One disagreement between annotators ``a`` and ``b`` (a side is None when it was missed)."""

    kind: Kind
    a: str
    b: str
    a_span: Span | None
    b_span: Span | None


def classify(
    a: str,
    a_spans: Sequence[Span],
    b: str,
    b_spans: Sequence[Span],
    exact: Sequence[tuple[Span, Span]] | None = None,
) -> list[Disagreement]:
    """Every disagreement of ``a`` and ``b`` on one document, in text order (``exact``: the
    exact matches, when the caller has them already)."""
    if exact is None:
        exact = exact_matches(a_spans, b_spans)
    done_a = {id(x) for x, _ in exact}
    done_b = {id(y) for _, y in exact}
    rest_a = [s for s in a_spans if id(s) not in done_a]
    rest_b = [s for s in b_spans if id(s) not in done_b]
    out: list[Disagreement] = []
    for any_label in (False, True):  # same label first: its overlapping span is its partner
        for x, y in overlap_matches(rest_a, rest_b, any_label=any_label):
            done_a.add(id(x))
            done_b.add(id(y))
            same_bounds = (x.start, x.end) == (y.start, y.end)
            kind = Kind.BOUNDARY if x.label == y.label else Kind.LABEL if same_bounds else Kind.BOTH
            out.append(Disagreement(kind, a, b, x, y))
        rest_a = [s for s in rest_a if id(s) not in done_a]
        rest_b = [s for s in rest_b if id(s) not in done_b]
    out += [Disagreement(Kind.MISSED, a, b, s, None) for s in rest_a]
    out += [Disagreement(Kind.MISSED, a, b, None, s) for s in rest_b]
    return sorted(out, key=lambda d: _position(d))


def _position(d: Disagreement) -> tuple[int, int]:
    spans = [s for s in (d.a_span, d.b_span) if s is not None]
    return (min(s.start for s in spans), min(s.end for s in spans))


def _ref(s: Span | None) -> SpanRef | None:
    return None if s is None else SpanRef(s.start, s.end, s.label, s.text)


def as_row(d: Disagreement) -> DisagreementRow:
    """A disagreement as the report lists it: kind, the two annotators and their spans."""
    return DisagreementRow(d.kind.value, d.a, d.b, _ref(d.a_span), _ref(d.b_span))
