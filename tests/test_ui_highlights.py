"""Which colour goes where: marks bucketed by block and cut into segments (no Qt needed)."""

from __future__ import annotations

from annotator.ui.highlights import Mark, SpanLayer


def _layer() -> SpanLayer:
    layer = SpanLayer()
    layer.reset([0, 20, 40])  # three blocks of 20 units
    return layer


def test_nested_spans_give_inner_background_and_outer_underline() -> None:
    layer = _layer()
    claim = Mark(2, 15, "claim", 1)
    stance = Mark(5, 9, "stance", 2)
    layer.replace([claim, stance])
    segs = layer.segments(0, 0, 19)
    assert [(s.start, s.end) for s in segs] == [(2, 5), (5, 9), (9, 15)]
    assert segs[0].inner == claim and segs[0].outer is None
    assert segs[1].inner == stance and segs[1].outer == claim
    assert segs[2].inner == claim


def test_suggestions_are_dashed_only() -> None:
    layer = _layer()
    sug = Mark(1, 4, "speaker", -7, True)
    layer.replace([sug])
    (seg,) = layer.segments(0, 0, 19)
    assert seg.inner is None and seg.dashed == sug


def test_changes_report_only_their_blocks() -> None:
    layer = _layer()
    a, b = Mark(2, 5, "claim", 1), Mark(45, 50, "event", 2)
    assert layer.replace([a, b]) == {0, 2}
    across = Mark(15, 25, "claim", 3)  # crosses a paragraph break
    assert layer.change([across], []) == {0, 1}
    assert layer.change([], [a]) == {0}
    assert layer.set_emphasis({2}) == {2}
    assert layer.set_emphasis({2}) == set()
    assert [s.inner for s in layer.segments(1, 20, 19)] == [across]
