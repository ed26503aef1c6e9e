"""Krippendorff's unitizing alpha (alpha_U) on the code point continuum, per label and overall.

The definitions are Krippendorff's (2004, section 12.4), computed as DKPro Agreement's
``KrippendorffAlphaUnitizingAgreement`` does: each label is its own continuum; the observed
disagreement of two annotators sums, over their overlapping units, the squared differences of
the two starts and of the two ends, and the squared length of every unit that lies in the other's
gap; the expected disagreement places every unit anywhere in every gap of any annotator. The
overall value is ``1 - mean(D_o) / mean(D_e)`` over labels, not the mean of per-label alphas.

The continuum is the selected documents one after another. A gap ends where its document ends:
a span never crosses a document, so chance places none across one, and the result does not depend
on the order the documents were imported in (on one document this is exactly DKPro's value).
Overlapping spans of one annotator and one label are read as their union (DKPro assumes units of
one annotator and category never overlap): a span nested in another of its label is no unit of its
own. ``LabelPart.joined`` counts such spans, and every report says how many there were.

Every per-document part is a sum, so the bootstrap can add parts of resampled documents; only
the cross term (units against gaps) needs all units and gaps together (see ``cross_term``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate, combinations

from annotator.agreement.metrics import Score

Unit = tuple[int, int]  # start, end (exclusive) in code points

NO_UNITS = "no annotator marked a span of this label"
NO_ROOM = "the spans of this label leave no room for chance disagreement"
NO_RATERS = "unitizing alpha needs at least two annotators"
NO_DOCUMENTS = "no document was finished by every selected annotator"


@dataclass(frozen=True)
class LabelPart:
    """One document's additive share of one label's disagreement sums."""

    observed: int  # sum over annotator pairs of the distances between their units
    units: int  # N_c: units of all annotators
    cubes: int  # sum of 2l^3 - 3l^2 + l over units
    squares: int  # sum of l(l - 1) over units
    lengths: tuple[int, ...]  # every unit's length
    gaps: tuple[int, ...]  # every annotator's gaps (positive lengths)
    joined: int = 0  # spans that were no unit of their own: nested in or overlapping another


@dataclass(frozen=True)
class LabelAlpha:
    """alpha_U of one label with its observed and expected disagreement."""

    alpha_u: Score
    d_o: float
    d_e: float
    units: int


def union(units: Iterable[Unit]) -> list[Unit]:
    """The units in order, overlapping ones joined (touching ones stay two units)."""
    out: list[Unit] = []
    for start, end in sorted(units):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def observed_distance(a: Sequence[Unit], b: Sequence[Unit]) -> int:
    """DKPro's summed distance of two annotators' (ordered, disjoint) units on one stretch."""
    total = 0
    hit_b = [False] * len(b)
    first = 0
    for s1, e1 in a:
        while first < len(b) and b[first][1] <= s1:
            first += 1
        hit = False
        j = first
        while j < len(b) and b[j][0] < e1:
            s2, e2 = b[j]
            total += (s1 - s2) ** 2 + (e1 - e2) ** 2
            hit = hit_b[j] = True
            j += 1
        if not hit:  # the unit lies in the other's gap
            total += (e1 - s1) ** 2
    return total + sum((e - s) ** 2 for (s, e), hit in zip(b, hit_b, strict=True) if not hit)


def gaps(units: Sequence[Unit], length: int) -> list[int]:
    """The positive stretches of a document of ``length`` code points that no unit covers."""
    out: list[int] = []
    pos = 0
    for start, end in units:
        if start > pos:
            out.append(start - pos)
        pos = end
    if length > pos:
        out.append(length - pos)
    return out


def document_part(length: int, by_annotator: Sequence[Iterable[Unit]]) -> LabelPart:
    """One label's part on one document, from every selected annotator's spans of that label."""
    spans = [list(u) for u in by_annotator]
    layers = [union(u) for u in spans]
    observed = sum(observed_distance(a, b) for a, b in combinations(layers, 2))
    lengths = tuple(e - s for layer in layers for s, e in layer)
    return LabelPart(
        observed=observed,
        units=len(lengths),
        cubes=sum(2 * n**3 - 3 * n**2 + n for n in lengths),
        squares=sum(n * (n - 1) for n in lengths),
        lengths=lengths,
        gaps=tuple(g for layer in layers for g in gaps(layer, length)),
        joined=sum(map(len, spans)) - len(lengths),
    )


def cross_term(lengths: Iterable[int], gap_lengths: Iterable[int]) -> int:
    """Sum over units of l^2 times the number of places it fits in each gap: sum (g - l + 1), g >= l."""
    ordered = sorted(gap_lengths)
    count = [len(ordered) - i for i in range(len(ordered) + 1)]
    plus_one = list(accumulate(reversed([g + 1 for g in ordered]), initial=0))[::-1]
    total = 0
    for n in lengths:
        i = bisect_left(ordered, n)
        total += n * n * (plus_one[i] - n * count[i])
    return total


def label_alpha(
    observed: float,
    units: float,
    cubes: float,
    squares: float,
    cross: float,
    length: float,
    raters: int,
) -> LabelAlpha:
    """alpha_U of one label from its summed parts over a continuum of ``length`` code points."""
    n = int(units)
    if raters < 2:
        return LabelAlpha(Score.undefined(NO_RATERS), 0.0, 0.0, n)
    if length <= 0:
        return LabelAlpha(Score.undefined(NO_DOCUMENTS), 0.0, 0.0, n)
    d_o = 2.0 * observed / (raters * (raters - 1) * length * length)
    denominator = raters * length * (raters * length - 1) - squares
    chance = (units - 1) * cubes / 3.0 + cross
    d_e = 2.0 / length * chance / denominator if denominator > 0 else 0.0
    if units == 0:
        return LabelAlpha(Score.undefined(NO_UNITS), d_o, d_e, n)
    if d_e <= 0.0:
        return LabelAlpha(Score.undefined(NO_ROOM), d_o, d_e, n)
    return LabelAlpha(Score(1.0 - d_o / d_e), d_o, d_e, n)


def overall(per_label: Mapping[str, LabelAlpha], raters: int, length: float) -> Score:
    """``1 - mean(D_o) / mean(D_e)`` over labels (DKPro's overall alpha_U)."""
    if raters < 2:
        return Score.undefined(NO_RATERS)
    if length <= 0:
        return Score.undefined(NO_DOCUMENTS)
    d_o = sum(v.d_o for v in per_label.values())
    d_e = sum(v.d_e for v in per_label.values())
    if not any(v.units for v in per_label.values()):
        return Score.undefined("no annotator marked a span of any selected label")
    if d_e <= 0.0:
        return Score.undefined(NO_ROOM.replace("this label", "the selected labels"))
    return Score(1.0 - d_o / d_e)  # the means share one denominator, the label count
