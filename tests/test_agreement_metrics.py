"""The coefficients against published values and the reference libraries."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.agreement.metrics import cohen_kappa, fleiss_kappa, krippendorff_alpha

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal example:
# 4 coders x 12 units with missing values (None).
K2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# The widely reproduced Fleiss example: 10 subjects, 14 raters, 5 categories (counts per category).
FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip


def _units(matrix: list[list[int | None]]) -> list[tuple[list[str], int]]:
    return [
        ([str(row[u]) for row in matrix if row[u] is not None], 1) for u in range(len(matrix[0]))
    ]


def test_krippendorff_2011_published_value() -> None:
    assert krippendorff_alpha(_units(K2011)).value == pytest.approx(0.743, abs=5e-4)


def test_averaging_pairwise_alphas_is_not_the_multi_coder_alpha() -> None:
    from itertools import combinations

    pairwise = [krippendorff_alpha(_units([a, b])).value for a, b in combinations(K2011, 2)]
    mean = sum(v for v in pairwise if v is not None) / len(pairwise)
    assert mean != pytest.approx(krippendorff_alpha(_units(K2011)).value, abs=0.01)


def test_fleiss_published_value() -> None:
    units = [([str(c) for c, n in enumerate(row) for _ in range(n)], 1) for row in FLEISS]
    assert fleiss_kappa(units, 14).value == pytest.approx(0.210, abs=5e-4)


def test_cohen_published_value() -> None:
    # 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> observed 0.70, expected 0.50
    pairs = [(("y", "y"), 20), (("y", "n"), 5), (("n", "y"), 10), (("n", "n"), 15)]
    kappa, observed = cohen_kappa(pairs)
    assert observed.value == pytest.approx(0.70) and kappa.value == pytest.approx(0.40)


def test_undefined_values_are_null_with_a_reason() -> None:
    one = krippendorff_alpha([(["O", "O", "O"], 50)])
    assert one.value is None and "one category" in one.reason
    lonely = krippendorff_alpha([(["O"], 10)])
    assert lonely.value is None and "two annotators" in lonely.reason
    kappa, observed = cohen_kappa([(("O", "O"), 9)])
    assert kappa.value is None and observed.value == 1.0
    assert fleiss_kappa([(["a", "b"], 3)], 1).value is None


values = st.sampled_from(["O", "speaker", "claim", "claim+speaker"])


@given(
    st.lists(
        st.lists(st.one_of(st.none(), values), min_size=3, max_size=3), min_size=2, max_size=30
    )
)
def test_alpha_matches_the_krippendorff_library(rows: list[list[str | None]]) -> None:
    import krippendorff
    import numpy as np

    cats = {v: i for i, v in enumerate(["O", "speaker", "claim", "claim+speaker"])}
    matrix = np.array(
        [[np.nan if r[c] is None else cats[r[c]] for r in rows] for c in range(3)], dtype=float
    )
    ours = krippendorff_alpha([([v for v in r if v is not None], 1) for r in rows])
    pairable = sum(1 for r in rows if sum(v is not None for v in r) >= 2)
    used = {v for r in rows if sum(x is not None for x in r) >= 2 for v in r if v is not None}
    if pairable == 0 or len(used) < 2:
        assert ours.value is None
        return
    theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert ours.value == pytest.approx(theirs, abs=1e-9)


@given(st.lists(st.tuples(values, values), min_size=1, max_size=40))
def test_cohen_matches_scikit_learn(pairs: list[tuple[str, str]]) -> None:
    from sklearn.metrics import cohen_kappa_score

    kappa, _ = cohen_kappa(Counter(pairs).items())
    if kappa.value is None:
        assert len({v for p in pairs for v in p}) == 1
        return
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = cohen_kappa_score([a for a, _ in pairs], [b for _, b in pairs])
    assert kappa.value == pytest.approx(theirs, abs=1e-9)


@given(st.lists(st.lists(values, min_size=4, max_size=4), min_size=1, max_size=30))
def test_fleiss_matches_statsmodels(rows: list[list[str]]) -> None:
    from statsmodels.stats.inter_rater import aggregate_raters
    from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss

    ours = fleiss_kappa([(r, 1) for r in rows], 4)
    if ours.value is None:
        assert len({v for r in rows for v in r}) == 1
        return
    cats = ["O", "speaker", "claim", "claim+speaker"]
    table, _ = aggregate_raters([[cats.index(v) for v in r] for r in rows])
    assert ours.value == pytest.approx(sm_fleiss(table), abs=1e-9)
