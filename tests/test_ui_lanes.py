"""Arcs between lines run down the margin in lanes of their own (issue 18, item 2).

Many relations between paragraphs: two arcs beside the same lines never share a lane and run a
readable distance apart, an arc spanning another runs outside it (so nested arcs do not cross),
and no arc crosses a tag or puts its label on one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from annotator.ui.structure import GUTTER, LANE_STEP, LANES, Arc, Box, Gutter, lane_x, lanes
from tests.ui_helpers import make_window

LINES = [f"قال المتحدث {n} إن الاتفاق سيوقع قريبا" for n in "أبجدهو"]
LATIN = [f"Speaker {n} said the deal would be signed soon" for n in "ABCDEF"]
FEW = [(0, 5), (1, 4), (2, 3), (3, 1)]  # claim -> speaker: four side by side at most
MANY = [(0, 5), (1, 4), (2, 3), (0, 2), (3, 5), (1, 2), (4, 5), (5, 0), (3, 1)]  # six
READABLE = 4.0  # pixels: six arcs side by side in the margin are still this far apart


def _crosses(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    (ax, ay), (bx, by) = a, b
    if ay == by:
        return box.y0 < ay < box.y1 and min(ax, bx) < box.x1 and box.x0 < max(ax, bx)
    return box.x0 < ax < box.x1 and min(ay, by) < box.y1 and box.y0 < max(ay, by)


def _margin_runs(arc: Arc, text_edge: float, gutter: Gutter) -> list[tuple[float, float, float]]:
    """The vertical segments of an arc that lie in the margin: (x, y0, y1)."""
    out = []
    for (ax, ay), (bx, by) in zip(arc.points, arc.points[1:], strict=False):
        outside = ax < text_edge if gutter is Gutter.LEFT else ax > text_edge
        if ax == bx and ay != by and outside:
            out.append((ax, min(ay, by), max(ay, by)))
    return out


def _linked(
    qtbot: QtBot, tmp_path: Path, lines: list[str], pairs: list[tuple[int, int]]
) -> tuple[MainWindow, dict[int, int]]:
    text = "\n".join(lines)
    w = make_window(qtbot, tmp_path, {"a": text})
    w.resize(1200, 1000)
    s = w.session
    speakers, claims = {}, {}
    base = 0
    for i, line in enumerate(lines):
        who = " ".join(line.split()[1:3])
        a = base + line.index(who)
        speakers[i] = s.add_span(a, a + len(who), "speaker").id  # type: ignore[union-attr]
        words = " ".join(line.split()[-4:])
        b = base + line.index(words)
        claims[i] = s.add_span(b, b + len(words), "claim").id  # type: ignore[union-attr]
        base += len(line) + 1
    rel = {}
    for k, (c, sp) in enumerate(pairs):
        r = s.add_relation("attributed_to", claims[c], speakers[sp])  # type: ignore[arg-type]
        assert r is not None and r.id is not None
        rel[k] = r.id
    return w, rel


def _check(w: MainWindow, rel: dict[int, int], apart: float) -> None:
    view = w.view
    view.viewport().repaint()
    arcs = {a.relation_id: a for a in view.structure.arcs}
    assert len(arcs) == len(rel)  # all on screen
    tags = [t.box for geo in view.structure.blocks for t in geo.tags]
    frags = [f.box for geo in view.structure.blocks for f in geo.fragments]
    gutter = view.structure.gutter()
    edge = min(f.x0 for f in frags) if gutter is Gutter.LEFT else max(f.x1 for f in frags)
    runs = {rid: _margin_runs(a, edge, gutter) for rid, a in arcs.items()}
    assert all(runs.values())  # every arc goes between lines, down the margin
    ids = sorted(runs)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            for xa, a0, a1 in runs[a]:
                for xb, b0, b1 in runs[b]:
                    if a0 < b1 and b0 < a1:  # beside the same lines: lanes apart
                        assert abs(xa - xb) >= apart - 0.01, (a, b)
    for arc in arcs.values():
        for p, q in zip(arc.points, arc.points[1:], strict=False):
            assert not any(_crosses(p, q, box) for box in tags), arc.relation_id
        if arc.label_box is not None:
            assert not any(arc.label_box.intersects(box) for box in tags)
    # nested: the arc from paragraph 1 to 4 is inside the one from 0 to 5, so nearer the text
    outer, inner = runs[rel[0]][0][0], runs[rel[1]][0][0]
    inner2 = runs[rel[2]][0][0]
    if gutter is Gutter.LEFT:
        assert outer < inner < inner2
    else:
        assert outer > inner > inner2


@pytest.mark.parametrize(("pairs", "apart"), [(FEW, LANE_STEP), (MANY, READABLE)])
def test_margin_arcs_in_arabic_take_lanes_of_their_own(
    qtbot: QtBot, tmp_path: Path, pairs: list[tuple[int, int]], apart: float
) -> None:
    assert LANES >= 4
    w, rel = _linked(qtbot, tmp_path, LINES, pairs)
    assert w.view.structure.gutter() is Gutter.LEFT
    _check(w, rel, apart)


def test_margin_arcs_in_english_take_lanes_on_the_right(qtbot: QtBot, tmp_path: Path) -> None:
    w, rel = _linked(qtbot, tmp_path, LATIN, MANY)
    assert w.view.structure.gutter() is Gutter.RIGHT
    _check(w, rel, READABLE)


def test_more_arcs_than_lanes_stay_apart_inside_the_margin() -> None:
    """Twenty arcs side by side: each its own x, all inside the margin, nearest the text first."""
    runs = [(float(i), 100.0 - i) for i in range(20)]  # nested: the first spans all the others
    taken = lanes(runs)
    assert sorted(taken) == list(range(20))
    for gutter, width in ((Gutter.LEFT, 800.0), (Gutter.RIGHT, 800.0)):
        xs = [lane_x(k, gutter, width, 20) for k in taken]
        assert len(set(xs)) == 20
        assert all(0.0 < x < GUTTER if gutter is Gutter.LEFT else width - GUTTER < x < width
                   for x in xs)  # fmt: skip
        inner = max(xs, key=lambda x: x if gutter is Gutter.LEFT else -x)
        assert xs.index(inner) == 19  # the innermost run, nearest the text
