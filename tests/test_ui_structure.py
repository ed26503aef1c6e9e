"""Label tags and brackets over right-to-left, left-to-right and mixed lines (issue 18).

The geometry records (``annotator.ui.structure``) are checked against what Qt itself says: the
cursor rectangles of the span's own positions fall inside its fragments, positions outside the
span do not, and tags sit above the text without covering any line.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.text.bidi import article_direction
from annotator.ui.docview import ArticleView
from annotator.ui.mainwindow import MainWindow
from annotator.ui.structure import (
    Box,
    Gutter,
    LineMeasure,
    Metrics,
    SpanEnd,
    Tag,
    place_block,
)
from tests.ui_helpers import make_window

ARABIC = "قال وزير الخارجية إن المحادثات كانت مثمرة وأكدت الوزارة أن الزيارة ستتم قريبا"
MIXED = "قال الرئيس Xi Jinping إن الزيارة الأولى منذ عام 2004 كانت مهمة جدا"
LATIN = "The minister said on Tuesday that the talks were fruitful"


def _metrics(width: float = 500.0) -> Metrics:
    return Metrics(12.0, 12.0, width, Gutter.LEFT, lambda label: 40.0, lambda label: 50.0)


def _rtl_line(n: int, right: float = 440.0, advance: float = 10.0) -> LineMeasure:
    """A right-to-left line of n characters: character i from right - (i+1)*advance."""
    glyphs = tuple((i, right - (i + 1) * advance, right - i * advance) for i in range(n))
    return LineMeasure(0, n, 20.0, glyphs)


def test_nested_and_crossing_spans_stack_their_tags_without_overlap() -> None:
    spans = [SpanEnd(1, "speaker", 2, 6), SpanEnd(2, "claim", 0, 10), SpanEnd(3, "event", 4, 8)]
    geo = place_block([_rtl_line(20)], spans, [], _metrics())
    tags = {t.span_id: t for t in geo.tags}
    assert {t.row for t in tags.values()} == {0, 1, 2}
    assert tags[1].row < tags[2].row  # the inner span lower, next to its words
    for a in geo.tags:
        assert a.box.y1 <= geo.lines[0].top  # above the text, never over it
        for b in geo.tags:
            assert a is b or not a.box.intersects(b.box)
    assert geo.lines[0].rows == 3 and geo.lines[0].gap >= 3 * 12.0


def test_a_span_split_by_a_run_of_the_other_direction_gets_a_bracket_per_piece() -> None:
    # visual order right to left: chars 0-3, then 8-5 laid out left to right further left, 4
    line = _rtl_line(10)
    glyphs = list(line.glyphs)
    ltr = [(i, glyphs[4][1] - (9 - i) * 10.0, glyphs[4][1] - (8 - i) * 10.0) for i in (5, 6, 7, 8)]
    glyphs = glyphs[:5] + ltr + glyphs[9:]
    line = LineMeasure(0, 10, 20.0, tuple(sorted(glyphs)))
    geo = place_block([line], [SpanEnd(1, "claim", 2, 6)], [], _metrics())
    assert len(geo.fragments) == 2
    assert len(geo.brackets) == 2
    first = geo.tags[0]
    assert first.fragment.x1 == 440.0 - 2 * 10.0  # over the piece holding its first character
    assert abs(first.box.cx - first.fragment.cx) < 1e-6


def _painted(view: ArticleView) -> list[Tag]:
    view.viewport().repaint()
    return [t for geo in view.structure.blocks for t in geo.tags]


def _line_rects(view: ArticleView) -> list[Box]:
    return [
        Box(0, room.top, view.viewport().width(), room.top + room.height)
        for geo in view.structure.blocks
        for room in geo.lines
    ]


def _check_against_cursor(w: MainWindow, start: int, end: int) -> None:
    """The span's fragments hold the cursor positions inside it and none outside it."""
    view = w.view
    span = next(s for s in w.session.spans if (s.start, s.end) == (start, end))
    frags = [f.box for geo in view.structure.blocks for f in geo.fragments if f.span_id == span.id]
    assert frags
    cursor = view.textCursor()

    def rect_at(pos: int) -> tuple[float, float]:
        cursor.setPosition(view.conv.to_utf16(pos))
        r = view.cursorRect(cursor)
        return r.x() + 0.5, r.center().y()

    def inside(x: float, y: float, slack: float) -> bool:
        return any(f.x0 - slack <= x <= f.x1 + slack and f.y0 <= y <= f.y1 for f in frags)

    for pos in range(start + 1, end):
        if w.session.document is not None and w.session.document.text[pos - 1] != " ":
            assert inside(*rect_at(pos), 1.5), pos
    for pos in (*range(max(0, start - 6), start), *range(end + 1, end + 6)):
        x, y = rect_at(pos)
        assert not inside(x, y, -1.5), pos


def _tags_clear_of_text(view: ArticleView) -> None:
    tags = _painted(view)
    for t in tags:
        assert not any(t.box.intersects(r) for r in _line_rects(view))
        assert t.box.y1 <= t.fragment.y0
        for u in tags:
            assert t is u or not t.box.intersects(u.box)


def test_tags_sit_over_their_words_on_a_right_to_left_line(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": ARABIC})
    s = w.session
    spans = [("وزير الخارجية", "speaker"), ("الخارجية", "event"), ("المحادثات كانت مثمرة", "claim")]
    for words, label in spans:
        i = ARABIC.index(words)
        s.add_span(i, i + len(words), label)
    _tags_clear_of_text(w.view)
    tags = {t.span_id: t for t in _painted(w.view)}
    for sp in s.spans:
        _check_against_cursor(w, sp.start, sp.end)
        tag = tags[sp.id or 0]
        assert abs(tag.box.cx - tag.fragment.cx) < 1.0  # centred over its words
    outer = next(sp for sp in s.spans if sp.label == "speaker")
    inner = next(sp for sp in s.spans if sp.label == "event")
    assert tags[outer.id or 0].row > tags[inner.id or 0].row  # nested: stacked, inner lower
    # right to left: the first words of the line are on the right
    speaker, claim = tags[outer.id or 0], next(t for t in tags.values() if t.label == "claim")
    assert speaker.fragment.x0 > claim.fragment.x1


def test_tags_and_brackets_on_a_mixed_line(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": MIXED})
    s = w.session
    name = MIXED.index("Xi Jinping")
    s.add_span(name, name + len("Xi Jinping"), "speaker")
    year = MIXED.index("عام 2004")
    s.add_span(year, year + len("عام 2004"), "event")
    split = MIXED.index("الرئيس Xi")  # an Arabic word and the first half of the Latin name
    s.add_span(split, split + len("الرئيس Xi"), "claim")
    _tags_clear_of_text(w.view)
    for sp in s.spans:
        _check_against_cursor(w, sp.start, sp.end)
    view = w.view
    pieces = {
        sp.label: [f for geo in view.structure.blocks for f in geo.fragments if f.span_id == sp.id]
        for sp in s.spans
    }
    assert len(pieces["speaker"]) == 1 and len(pieces["event"]) == 1  # whole, though mixed
    assert len(pieces["claim"]) == 2  # "الرئيس" on the right, "Xi" at the far end of the name
    brackets = [b for geo in view.structure.blocks for b in geo.brackets]
    assert sorted(b.label for b in brackets) == ["claim", "claim"]
    claim_tag = next(t for t in _painted(view) if t.label == "claim")
    right_piece = max(pieces["claim"], key=lambda f: f.box.x1)
    assert claim_tag.fragment == right_piece.box  # over "الرئيس", where the span starts


def test_tags_on_a_latin_line_and_across_a_line_break(qtbot: QtBot, tmp_path: Path) -> None:
    text = LATIN + " " + " ".join([LATIN] * 6)
    w = make_window(qtbot, tmp_path, {"a": text})
    s = w.session
    i = text.index("the talks")
    s.add_span(i, i + len("the talks were fruitful"), "claim")
    s.add_span(0, len("The minister"), "speaker")
    long_start = text.index("Tuesday", 100)
    long_end = text.index("fruitful", long_start + 150) + len("fruitful")
    assert s.add_span(long_start, long_end, "event") is not None  # long enough to wrap
    _tags_clear_of_text(w.view)
    for sp in s.spans:
        _check_against_cursor(w, sp.start, sp.end)
    view = w.view
    event = next(sp for sp in s.spans if sp.label == "event")
    pieces = [f for geo in view.structure.blocks for f in geo.fragments if f.span_id == event.id]
    assert len({f.line for f in pieces}) >= 2
    brackets = [b for geo in view.structure.blocks for b in geo.brackets if b.span_id == event.id]
    assert len(brackets) == len(pieces)
    tag = next(t for t in _painted(view) if t.span_id == event.id)
    assert tag.line == min(f.line for f in pieces)  # over the first line only
    # an English article reads left to right: its first words on the left
    tags = {t.label: t for t in _painted(view)}
    assert tags["speaker"].fragment.x1 < tags["claim"].fragment.x0
    assert tags["speaker"].fragment.x0 < view.viewport().width() / 4


def test_an_article_reads_in_the_direction_of_most_of_its_letters() -> None:
    assert article_direction(LATIN) == "ltr"
    assert article_direction("Reuters: " + ARABIC) == "rtl"  # a Latin opening does not decide
    assert article_direction(MIXED) == "rtl"
    assert article_direction("2024 - 12") == "rtl"


def test_labelling_keeps_the_text_where_it_was_and_undo_removes_the_tag(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": ARABIC + "\n" + ARABIC})
    view = w.view
    cursor = view.textCursor()
    cursor.setPosition(len(ARABIC) + 5)
    before = view.cursorRect(cursor)
    w.session.add_span(4, 8, "speaker")
    assert [t.label for t in _painted(view)] == ["speaker"]
    assert view.cursorRect(cursor) == before  # a first tag on a line takes room kept for it
    w.session.undo()
    assert _painted(view) == []
