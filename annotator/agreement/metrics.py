"""Chance-corrected agreement coefficients, computed from counts (pure Python).

Each function returns ``Score(value, reason)``: a number, or None with the reason it is undefined
(one category everywhere, nothing pairable). Never 0 or 1 in place of "undefined".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Score:
    """A coefficient, or None with the reason it is undefined."""

    value: float | None
    reason: str = ""

    @staticmethod
    def undefined(reason: str) -> Score:
        return Score(None, reason)


def coincidences(units: Iterable[tuple[Sequence[str], int]]) -> dict[tuple[str, str], float]:
    """The coincidence matrix of nominal values, from units given as (values present, count).

    Missing values are simply absent from a unit; units with fewer than two values are not
    pairable and do not count (n counts pairable values only).
    """
    o: dict[tuple[str, str], float] = {}
    for values, count in units:
        m = len(values)
        if m < 2:
            continue
        tally = Counter(values)
        for c, nc in tally.items():
            for k, nk in tally.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                if pairs:
                    o[(c, k)] = o.get((c, k), 0.0) + pairs * count / (m - 1)
    return o


def alpha_from_coincidences(o: Mapping[tuple[str, str], float]) -> Score:
    """Nominal Krippendorff's alpha, ``1 - D_o / D_e``, from a (summed) coincidence matrix."""
    n_c: dict[str, float] = {}
    for (c, _k), v in o.items():
        n_c[c] = n_c.get(c, 0.0) + v
    n = sum(n_c.values())
    if n <= 0:
        return Score.undefined("no unit has values from two annotators")
    if len([c for c, v in n_c.items() if v > 0]) < 2:
        return Score.undefined("only one category is used, so chance agreement is total")
    disagree = sum(v for (c, k), v in o.items() if c != k)
    expected = (n * n - sum(v * v for v in n_c.values())) / (n - 1)
    return Score(1.0 - disagree / expected)


def krippendorff_alpha(units: Iterable[tuple[Sequence[str], int]]) -> Score:
    """Nominal Krippendorff's alpha from units given as (values present, how many such units)."""
    return alpha_from_coincidences(coincidences(units))


@dataclass(frozen=True)
class FleissSums:
    """What Fleiss' kappa needs, summed over units (additive over documents)."""

    units: float
    agreement: float  # sum over units of P_i
    categories: Mapping[str, float]  # how many ratings each category got


def fleiss_sums(units: Iterable[tuple[Sequence[str], int]], raters: int) -> FleissSums:
    """Fleiss' sums over units carrying exactly ``raters`` values (others are left out)."""
    total = 0
    agreement = 0.0
    cat: Counter[str] = Counter()
    for values, count in units:
        if len(values) != raters or raters < 2:
            continue
        tally = Counter(values)
        agreement += count * (sum(v * v for v in tally.values()) - raters) / (raters * (raters - 1))
        for c, v in tally.items():
            cat[c] += v * count
        total += count
    return FleissSums(total, agreement, dict(cat))


def fleiss_from_sums(sums: FleissSums, raters: int) -> Score:
    """Fleiss' kappa from its sums."""
    if raters < 2:
        return Score.undefined("Fleiss' kappa needs at least two annotators")
    if sums.units <= 0:
        return Score.undefined("no document was finished by every selected annotator")
    p_bar = sums.agreement / sums.units
    p_e = sum((v / (sums.units * raters)) ** 2 for v in sums.categories.values())
    if p_e >= 1.0 - 1e-12:
        return Score.undefined("only one category is used, so chance agreement is total")
    return Score((p_bar - p_e) / (1 - p_e))


def fleiss_kappa(units: Iterable[tuple[Sequence[str], int]], raters: int) -> Score:
    """Fleiss' kappa; every unit must carry exactly ``raters`` values."""
    return fleiss_from_sums(fleiss_sums(units, raters), raters)


def cohen_kappa(pairs: Iterable[tuple[tuple[str, str], float]]) -> tuple[Score, Score]:
    """Cohen's kappa and observed agreement from counted (a's value, b's value) pairs."""
    joint: dict[tuple[str, str], float] = {}
    for pair, count in pairs:
        joint[pair] = joint.get(pair, 0.0) + count
    n = sum(joint.values())
    if n <= 0:
        none = Score.undefined("the two annotators finished no document in common")
        return none, none
    p_o = sum(v for (a, b), v in joint.items() if a == b) / n
    pa: dict[str, float] = {}
    pb: dict[str, float] = {}
    for (a, b), v in joint.items():
        pa[a] = pa.get(a, 0.0) + v
        pb[b] = pb.get(b, 0.0) + v
    p_e = sum(v * pb.get(c, 0.0) for c, v in pa.items()) / (n * n)
    if p_e >= 1.0 - 1e-12:
        return Score.undefined("only one category is used, so chance agreement is total"), Score(
            p_o
        )
    return Score((p_o - p_e) / (1 - p_e)), Score(p_o)


def pair_names(annotators: Sequence[str]) -> list[tuple[str, str]]:
    """Every unordered pair, in the given order."""
    return list(combinations(annotators, 2))
