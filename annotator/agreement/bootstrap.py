"""Bootstrap 95% intervals over documents: resample documents, add their parts, recompute.

Every figure of the report is computed from sums over documents (``Stats``), so a resample is a
weighted sum: each document counts as often as it was drawn. Unitizing alpha's cross term (every
unit against every gap, ``unitizing.cross_term``) is the one figure that is not a plain sum; it is
recomputed per resample from the drawn documents' units and gaps. Intervals are percentile
intervals (2.5th and 97.5th) of the resampled values that are defined.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.agreement.metrics import Score

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

Key = tuple[str, ...]
Stats = Mapping[Key, float]
FigureId = tuple[str, ...]
Figures = Callable[[Mapping[Key, float], Mapping[str, float]], Mapping[FigureId, Score]]

LOW, HIGH = 2.5, 97.5  # percentiles of a 95% interval


@dataclass(frozen=True)
class Interval:
    """A 95% percentile interval and how many resamples had the figure defined."""

    low: float
    high: float
    defined: int


@dataclass(frozen=True)
class UnitSample:
    """One label's unit and gap lengths with the document each belongs to (row in ``stats``)."""

    lengths: Sequence[int]
    unit_docs: Sequence[int]
    gaps: Sequence[int]
    gap_docs: Sequence[int]


CHUNK_CELLS = 4_000_000  # resamples x documents (or gaps) held at once: ~32 MB of float64
DENSE_CELLS = 30_000_000  # documents x sums above which the sums stay sparse (~240 MB)


class _Cross:
    """``unitizing.cross_term`` for weighted documents, vectorised over one label."""

    def __init__(self, sample: UnitSample) -> None:
        import numpy as np

        order = np.argsort(np.asarray(sample.gaps, dtype=np.int64), kind="stable")
        self.gaps = np.asarray(sample.gaps, dtype=np.float64)[order]
        self.gap_docs = np.asarray(sample.gap_docs, dtype=np.int64)[order]
        self.lengths = np.asarray(sample.lengths, dtype=np.float64)
        self.unit_docs = np.asarray(sample.unit_docs, dtype=np.int64)
        self.first_fit = np.searchsorted(self.gaps, self.lengths, side="left")
        self.size = max(len(self.gaps), len(self.lengths))

    def __call__(self, weights: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        """The cross term of each resample (one row of ``weights`` per resample)."""
        import numpy as np

        wg = weights[:, self.gap_docs]
        pad = np.zeros((len(weights), 1))
        count = np.concatenate([np.cumsum(wg[:, ::-1], axis=1)[:, ::-1], pad], axis=1)
        wg *= self.gaps + 1.0
        plus_one = np.concatenate([np.cumsum(wg[:, ::-1], axis=1)[:, ::-1], pad], axis=1)
        fits = plus_one[:, self.first_fit] - self.lengths * count[:, self.first_fit]
        result: npt.NDArray[np.float64] = (
            weights[:, self.unit_docs] * (self.lengths**2) * fits
        ).sum(axis=1)
        return result


def intervals(
    stats: Sequence[Stats],
    units: Mapping[str, UnitSample],
    figures: Figures,
    resamples: int,
    seed: int,
    *,
    dense_cells: int = DENSE_CELLS,
) -> dict[FigureId, Interval | None]:
    """95% intervals of every figure ``figures`` gives, over ``resamples`` resamples of ``stats``.

    Resamples are drawn in chunks; the sums of a chunk are one matrix product (or, for very
    large projects, one weighted count per resample). A figure undefined in every resample gets
    None.
    """
    import numpy as np

    index: dict[Key, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for row, doc in enumerate(stats):
        for key, value in doc.items():
            rows.append(row)
            cols.append(index.setdefault(key, len(index)))
            vals.append(value)
    keys = list(index)
    n, k = len(stats), len(keys)
    row_a = np.asarray(rows, dtype=np.int64)
    col_a = np.asarray(cols, dtype=np.int64)
    val_a = np.asarray(vals, dtype=np.float64)
    dense = None
    if n * k <= dense_cells:
        dense = np.zeros((n, k))
        np.add.at(dense, (row_a, col_a), val_a)
    cross = {label: _Cross(sample) for label, sample in units.items()}
    widest = max([n, *(c.size for c in cross.values())])
    chunk = max(1, min(resamples, CHUNK_CELLS // max(widest, 1)))
    rng = np.random.default_rng(seed)
    samples: dict[FigureId, list[float]] = {}
    seen: set[FigureId] = set()
    done = 0
    while n and done < resamples:
        b = min(chunk, resamples - done)
        drawn = rng.integers(0, n, (b, n)) + np.arange(b)[:, None] * n
        weights = np.bincount(drawn.ravel(), minlength=b * n).reshape(b, n).astype(np.float64)
        if dense is not None:
            sums = weights @ dense
        else:
            sums = np.stack(
                [np.bincount(col_a, weights=w[row_a] * val_a, minlength=k) for w in weights]
            )
        crossed = {label: c(weights) for label, c in cross.items()}
        for i in range(b):
            total = dict(zip(keys, sums[i].tolist(), strict=True))
            terms = {label: float(v[i]) for label, v in crossed.items()}
            for fid, score in figures(total, terms).items():
                seen.add(fid)
                if score.value is not None:
                    samples.setdefault(fid, []).append(score.value)
        done += b
    out: dict[FigureId, Interval | None] = dict.fromkeys(seen)
    for fid, values in samples.items():
        low, high = np.percentile(np.asarray(values), [LOW, HIGH]).tolist()
        out[fid] = Interval(float(low), float(high), len(values))
    return out
