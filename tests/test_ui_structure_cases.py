"""Tags and arcs checked against Qt's own cursor rectangles on the lines an audit found untested
(issue 18): a Latin line, arcs between wrapped lines of one paragraph, a right-to-left span cut by
a line break, and lines with emoji (code points in the store, UTF-16 in Qt). The arc toggle is
driven by its key, and an arc's tooltip by a real mouse move."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from annotator.model.document import Span
from annotator.ui.compare import CompareDialog
from annotator.ui.docview import ArticleView
from annotator.ui.i18n import install
from annotator.ui.mainwindow import MainWindow
from annotator.ui.structscene import ARCS_ALL_LIMIT, ArcMode
from annotator.ui.structure import TAG_PAD_X, Arc, Tag
from tests.ui_helpers import (
    drag,
    lead_window,
    make_window,
    many_relations,
    painted,
    segments_clear,
)

ARABIC = "قال وزير الخارجية إن المحادثات كانت مثمرة وأكدت الوزارة أن الزيارة ستتم قريبا"
LATIN = "The minister said on Tuesday that the talks were fruitful and the visit will go ahead"
EMOJI = "🙂 قال الرئيس 😀😀 إن الزيارة 🇵🇸 كانت مثمرة 👍🏽 وأكد الوزير 𝕏 أن الاتفاق سيوقع"
MIXED = "قال الرئيس Xi Jinping إن الزيارة الأولى منذ عام 2004 كانت مهمة"
EMOJI_LATIN = "😀 The minister 🎉🎉 said 𝕏 that the talks 👍🏽 were fruitful"
CTRL = Qt.KeyboardModifier.ControlModifier


# ------------------------------------------------------------------------------- helpers
def char_middle(view: ArticleView, pos: int) -> tuple[float, float] | None:
    """The middle of the character at code point ``pos`` as Qt's cursor rectangles place it
    (None at a line break between its two edges, or for a space)."""
    if view.text[pos].isspace():
        return None
    cursor = view.textCursor()
    cursor.setPosition(view.conv.to_utf16(pos))
    a = view.cursorRect(cursor)
    cursor.setPosition(view.conv.to_utf16(pos + 1))
    b = view.cursorRect(cursor)
    if a.center().y() != b.center().y() or abs(a.x() - b.x()) < 2:
        return None
    return (a.x() + b.x()) / 2 + 0.5, a.center().y()


def on_words(view: ArticleView, span_id: int, start: int, end: int) -> None:
    """The span's fragments hold every character of it and none of its neighbours."""
    _tags, frags, _arcs = painted(view)
    mine = [f.box for f in frags if f.span_id == span_id]
    assert mine, span_id
    for pos in range(start, end):
        mid = char_middle(view, pos)
        if mid is not None:
            assert any(b.x0 - 1 <= mid[0] <= b.x1 + 1 and b.y0 <= mid[1] <= b.y1 for b in mine), (
                pos,
                view.text[pos],
            )
    for pos in (*range(max(0, start - 4), start), *range(end, min(len(view.text), end + 4))):
        mid = char_middle(view, pos)
        if mid is not None:
            assert not any(b.x0 + 1 < mid[0] < b.x1 - 1 and b.y0 <= mid[1] <= b.y1 for b in mine), (
                pos,
                view.text[pos],
            )


def tag_over_first_word(view: ArticleView, span_id: int, start: int) -> Tag:
    """The tag stands over the piece holding the span's first character, above its line."""
    tags, _frags, _arcs = painted(view)
    tag = tags[span_id]
    mid = char_middle(view, start)
    assert mid is not None
    frag = tag.fragment
    assert frag.x0 - 1 <= mid[0] <= frag.x1 + 1 and frag.y0 <= mid[1] <= frag.y1
    assert tag.box.y1 <= frag.y0  # above the words, not over them
    assert frag.x0 - 1 <= tag.box.cx <= frag.x1 + 1 or tag.box.width > frag.width
    return tag


def label(qtbot: QtBot, w: MainWindow, words: str, key: Qt.Key, base: int = 0) -> Span:
    """Drag over ``words`` (first occurrence from ``base``) and press a label key."""
    start = w.view.text.index(words, base)
    before = {s.id for s in w.session.spans}
    drag(qtbot, w, start, start + len(words))
    qtbot.keyClick(w.view, key)
    qtbot.keyClick(w.view, Qt.Key.Key_Escape)  # the attribute strip
    (span,) = [s for s in w.session.spans if s.id not in before]
    assert span.text == words
    return span


def arc_joins(arc: Arc, head: Tag, child: Tag) -> None:
    """The arc leaves the head's tag top and its arrow points at the child's tag top."""
    x, y = arc.points[0]
    assert head.box.x0 < x < head.box.x1 and y == head.box.y0
    assert arc.arrow is not None
    (tx, ty), (_bx, by) = arc.arrow
    assert child.box.x0 < tx < child.box.x1 and ty == child.box.y0 and by < ty


def text_extent(view: ArticleView) -> tuple[float, float]:
    """Left and right of the text lines as Qt lays them out (cursor rectangles of every line)."""
    xs = []
    cursor = view.textCursor()
    for pos in range(0, len(view.text) + 1):
        cursor.setPosition(view.conv.to_utf16(pos))
        xs.append(view.cursorRect(cursor).x())
    return min(xs), max(xs)


# ------------------------------------------------------------------ left-to-right line
def test_an_arc_on_a_latin_line_runs_left_to_right_over_the_words(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": LATIN})
    speaker = label(qtbot, w, "The minister", Qt.Key.Key_1)
    claim = label(qtbot, w, "the talks were fruitful", Qt.Key.Key_2)
    event = label(qtbot, w, "the visit", Qt.Key.Key_4)
    assert w.session.add_relation("attributed_to", claim.id or 0, speaker.id or 0)
    for s in (speaker, claim, event):
        on_words(w.view, s.id or 0, s.start, s.end)
    head = tag_over_first_word(w.view, claim.id or 0, claim.start)
    child = tag_over_first_word(w.view, speaker.id or 0, speaker.start)
    tags, _frags, (arc,) = painted(w.view)
    arc_joins(arc, head, child)
    assert child.box.cx < head.box.cx  # left to right: the speaker opens the line, on the left
    assert child.fragment.x0 < w.view.viewport().width() / 4
    run_y = arc.points[1][1]
    assert all(run_y < t.box.y0 for t in tags.values())
    segments_clear(arc, [tags[event.id or 0].box])


# ---------------------------------------------------- wrapped lines of one paragraph
def test_an_arc_between_wrapped_lines_of_one_paragraph_runs_down_the_margin(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paragraph = " ".join([ARABIC] * 6)  # one block, several lines
    w = make_window(qtbot, tmp_path, {"a": paragraph})
    s = w.session
    first = s.add_span(4, 4 + len("وزير الخارجية"), "speaker")
    late = paragraph.rindex("المحادثات كانت مثمرة")
    claim = s.add_span(late, late + len("المحادثات كانت مثمرة"), "claim")
    assert first and claim and first.id and claim.id
    assert s.add_relation("attributed_to", claim.id, first.id)
    tags, _frags, (arc,) = painted(w.view)
    head, child = tags[claim.id], tags[first.id]
    assert head.line > child.line  # the same paragraph, a later line
    on_words(w.view, claim.id, claim.start, claim.end)
    on_words(w.view, first.id, first.start, first.end)
    tag_over_first_word(w.view, claim.id, claim.start)
    tag_over_first_word(w.view, first.id, first.start)
    arc_joins(arc, head, child)
    left, _right = text_extent(w.view)
    legs = zip(arc.points, arc.points[1:], strict=False)
    drop = head.box.y0 - child.box.y0 - 1
    verticals = [ax for (ax, ay), (bx, by) in legs if ax == bx and abs(ay - by) > drop]
    assert verticals and all(x < left for x in verticals)  # down the left margin, not the text
    segments_clear(arc, [t.box for sid, t in tags.items() if sid not in (claim.id, first.id)])


def test_an_arc_between_wrapped_latin_lines_runs_down_the_right_margin(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paragraph = " ".join([LATIN] * 5)
    w = make_window(qtbot, tmp_path, {"a": paragraph})
    s = w.session
    speaker = s.add_span(0, len("The minister"), "speaker")
    late = paragraph.rindex("the talks were fruitful")
    claim = s.add_span(late, late + len("the talks were fruitful"), "claim")
    assert speaker and claim and speaker.id and claim.id
    assert s.add_relation("attributed_to", claim.id, speaker.id)
    tags, _frags, (arc,) = painted(w.view)
    head, child = tags[claim.id], tags[speaker.id]
    assert head.line > child.line
    arc_joins(arc, head, child)
    _left, right = text_extent(w.view)
    xs = [x for x, _y in arc.points]
    assert max(xs) > right  # the margin where Latin lines end
    on_words(w.view, claim.id, claim.start, claim.end)


# ------------------------------------------------- a right-to-left span cut by a wrap
def test_a_right_to_left_span_across_a_line_break_gets_a_bracket_under_each_piece(
    qtbot: QtBot, tmp_path: Path
) -> None:
    paragraph = " ".join([ARABIC] * 5)
    w = make_window(qtbot, tmp_path, {"a": paragraph})
    view = w.view
    # the last word of the first line and the first of the second: found from Qt's layout
    cursor = view.textCursor()
    ys = []
    for pos in range(len(paragraph)):
        cursor.setPosition(pos)  # Arabic only: UTF-16 and code points agree
        ys.append(view.cursorRect(cursor).y())
    wrap = next(i for i in range(1, len(ys)) if ys[i] > ys[0] and paragraph[i - 1] == " ")
    start = paragraph.rindex(" ", 0, wrap - 1) + 1
    end = paragraph.index(" ", wrap)
    assert ys[start] == ys[0] and ys[end] > ys[0]
    span = w.session.add_span(start, end, "claim")
    assert span is not None and span.id is not None
    assert span.start == start and span.end == end
    _tags, frags, _arcs = painted(view)
    pieces = [f for f in frags if f.span_id == span.id]
    assert len(pieces) == 2 and len({f.line for f in pieces}) == 2
    brackets = [b for geo in view.structure.blocks for b in geo.brackets if b.span_id == span.id]
    assert sorted((b.x0, b.x1) for b in brackets) == sorted((f.box.x0, f.box.x1) for f in pieces)
    for b in brackets:
        piece = next(f for f in pieces if (f.box.x0, f.box.x1) == (b.x0, b.x1))
        assert piece.box.y1 <= b.y < piece.box.y1 + view.fontMetrics().height() / 2
    on_words(view, span.id, start, end)
    tag = tag_over_first_word(view, span.id, start)
    assert tag.line == min(f.line for f in pieces)  # over the first line only
    first_line = next(f for f in pieces if f.line == tag.line)
    assert first_line.box.x0 < view.viewport().width() / 3  # the END of a right-to-left line


# --------------------------------------------------------------------- emoji lines
@pytest.mark.parametrize("text", [EMOJI, EMOJI_LATIN], ids=["arabic", "latin"])
def test_tags_and_arcs_sit_over_the_right_words_after_emoji(
    qtbot: QtBot, tmp_path: Path, text: str
) -> None:
    w = make_window(qtbot, tmp_path, {"a": text})
    if text is EMOJI:
        words = [("الرئيس", Qt.Key.Key_1), ("الزيارة", Qt.Key.Key_4), ("كانت مثمرة", Qt.Key.Key_2),
                 ("الوزير", Qt.Key.Key_1), ("الاتفاق سيوقع", Qt.Key.Key_2)]  # fmt: skip
    else:
        words = [("The minister", Qt.Key.Key_1), ("said", Qt.Key.Key_4),
                 ("the talks", Qt.Key.Key_2), ("were fruitful", Qt.Key.Key_3)]  # fmt: skip
    spans = [label(qtbot, w, wd, key) for wd, key in words]
    for s in spans:
        assert text[s.start : s.end] == s.text
        on_words(w.view, s.id or 0, s.start, s.end)
        tag_over_first_word(w.view, s.id or 0, s.start)
    speaker, claim = spans[0], spans[2]
    assert w.session.add_relation("attributed_to", claim.id or 0, speaker.id or 0)
    tags, _frags, (arc,) = painted(w.view)
    arc_joins(arc, tags[claim.id or 0], tags[speaker.id or 0])
    rtl = text is EMOJI
    assert (tags[speaker.id or 0].box.cx > tags[claim.id or 0].box.cx) == rtl
    others = [t.box for sid, t in tags.items() if sid not in (claim.id, speaker.id)]
    segments_clear(arc, others)


# ------------------------------------------------------------------------- the R key
def test_the_r_key_cycles_all_arcs_the_selected_spans_and_none(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": ARABIC})
    speaker = label(qtbot, w, "وزير الخارجية", Qt.Key.Key_1)
    claim = label(qtbot, w, "المحادثات كانت مثمرة", Qt.Key.Key_2)
    ministry = label(qtbot, w, "الوزارة", Qt.Key.Key_1)
    event = label(qtbot, w, "الزيارة", Qt.Key.Key_4)
    s = w.session
    assert s.add_relation("attributed_to", claim.id or 0, speaker.id or 0)
    assert s.add_relation("participant", event.id or 0, ministry.id or 0)
    assert len(painted(w.view)[2]) == 2
    # select the claim by a click on its words, then R
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=w.view.point_of(claim.start + 2))  # fmt: skip
    assert s.selected == claim.id
    qtbot.keyClick(w.view, Qt.Key.Key_R)
    assert w.view.structure.mode is ArcMode.SELECTED
    assert [(a.head, a.child) for a in painted(w.view)[2]] == [(claim.id, speaker.id)]
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=w.view.point_of(ministry.start + 2))  # fmt: skip
    assert [(a.head, a.child) for a in painted(w.view)[2]] == [(event.id, ministry.id)]
    qtbot.keyClick(w.view, Qt.Key.Key_R)
    assert w.view.structure.mode is ArcMode.NONE and painted(w.view)[2] == []
    qtbot.keyClick(w.view, Qt.Key.Key_R)
    assert w.view.structure.mode is ArcMode.ALL and len(painted(w.view)[2]) == 2
    assert len(s.spans) == 4  # R is the toggle, never a label or a link key


@pytest.mark.parametrize(
    ("n", "mode"), [(ARCS_ALL_LIMIT - 1, ArcMode.ALL), (ARCS_ALL_LIMIT, ArcMode.SELECTED)]
)
def test_a_document_with_200_relations_opens_on_the_selected_spans_arcs(
    qtbot: QtBot, tmp_path: Path, n: int, mode: ArcMode
) -> None:
    assert ARCS_ALL_LIMIT == 200  # as the README says
    text = "كلمة " * (ARCS_ALL_LIMIT + 10)
    w = make_window(qtbot, tmp_path, {"a": text, "b": ARABIC})
    many_relations(w, n)
    doc = w.session.document
    assert doc is not None
    # open another document and come back with the keys, as an annotator would
    qtbot.keyClick(w.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert w.session.document is not None and w.session.document.id != doc.id
    qtbot.keyClick(w.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert w.session.document is not None and w.session.document.id == doc.id
    assert w.view.structure.mode is mode
    arcs = painted(w.view)[2]
    assert (len(arcs) > 0) == (mode is ArcMode.ALL)
    # after R the choice is the annotator's, kept for the next document
    qtbot.keyClick(w.view, Qt.Key.Key_R)
    assert w.view.structure.mode is mode.next()


# ---------------------------------------------------------------- hovering an arc
def test_hovering_an_arc_with_the_mouse_shows_who_said_what(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": EMOJI})
    speaker = label(qtbot, w, "الوزير", Qt.Key.Key_1)
    claim = label(qtbot, w, "الاتفاق سيوقع", Qt.Key.Key_2)
    assert w.session.add_relation("attributed_to", claim.id or 0, speaker.id or 0)
    _tags, _frags, (arc,) = painted(w.view)
    (x0, y), (x1, _y) = arc.points[1], arc.points[2]
    assert arc.label_box is not None
    # on the run, away from the label and the legs
    x = (
        (x0 + arc.label_box.x0) / 2
        if abs(x0 - arc.label_box.x0) > 8
        else (x1 + arc.label_box.x1) / 2
    )
    on_arc = QPoint(round(x), round(y))
    QTest.mouseMove(w.view.viewport(), on_arc + QPoint(0, 40))
    QTest.mouseMove(w.view.viewport(), on_arc)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    tip = QToolTip.text()
    for part in ("الوزير", "الاتفاق سيوقع", "attributed to", "layla"):
        assert part in tip
    assert tip.index("الاتفاق") < tip.index("attributed to") < tip.index("الوزير")  # head first
    QToolTip.hideText()
    # the same move over the words of the claim names its label, not the arc
    QTest.mouseMove(w.view.viewport(), w.view.point_of(claim.start + 1))
    qtbot.waitUntil(lambda: QToolTip.isVisible() and "attributed" not in QToolTip.text(),
                    timeout=5000)  # fmt: skip
    assert "Claim" in QToolTip.text()


# ------------------------------------------------- tag names and colours, both languages
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_tags_read_the_label_name_in_the_interface_language_on_the_schema_colour(
    qtbot: QtBot, tmp_path: Path, lang: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, lang)
        w = make_window(qtbot, tmp_path, {"a": ARABIC})
        spans = [label(qtbot, w, words, key) for words, key in (
            ("وزير الخارجية", Qt.Key.Key_1), ("المحادثات كانت مثمرة", Qt.Key.Key_2),
            ("قريبا", Qt.Key.Key_3), ("الزيارة", Qt.Key.Key_4))]  # fmt: skip
        tags, _frags, _arcs = painted(w.view)
        image = w.view.viewport().grab().toImage()
        painter = w.view.structure.painter
        font = QFontMetricsF(painter.font)
        for sp in spans:
            lab = w.session.schema.label(sp.label)
            shown = lab.ar if lang == "ar" else lab.en
            assert shown and painter.name(sp.label) == shown
            tag = tags[sp.id or 0]
            # the tag is as wide as that name (not the id, not the other language's)
            assert tag.box.width == pytest.approx(font.horizontalAdvance(shown) + 2 * TAG_PAD_X)
            colour = QColor(lab.color)
            inside = [image.pixelColor(x, y)
                      for x in range(int(tag.box.x0) + 2, int(tag.box.x1) - 1)
                      for y in range(int(tag.box.y0) + 2, int(tag.box.y1) - 1)]  # fmt: skip
            same = sum(1 for c in inside if c.rgb() == colour.rgb())
            assert same > len(inside) / 3, (sp.label, lab.color)
    finally:
        install(app, "en")


# ------------------------------------------------------------------ the compare view
def test_the_compare_view_draws_the_same_tags_and_arcs(qtbot: QtBot, tmp_path: Path) -> None:
    def one(word: str, lab: str, sid: str) -> dict[str, object]:
        i = EMOJI.index(word)
        return {"id": sid, "start": i, "end": i + len(word), "label": lab}

    rel = [{"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"}]
    anns = [
        {"annotator": "layla", "status": "done", "relations": rel,
         "spans": [one("الرئيس", "speaker", "s1"), one("كانت مثمرة", "claim", "s2")]},
        {"annotator": "omar", "status": "done", "relations": rel,
         "spans": [one("الوزير", "speaker", "s1"), one("الاتفاق سيوقع", "claim", "s2"),
                   one("الزيارة", "event", "s3")]},
    ]  # fmt: skip
    w = lead_window(qtbot, tmp_path, EMOJI, anns)
    qtbot.keyClick(w.view, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialogs = [d for d in QApplication.topLevelWidgets() if isinstance(d, CompareDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    for who, ann in zip(("layla", "omar"), anns, strict=True):
        view = dialog.views[who]
        qtbot.waitUntil(lambda v=view: bool(painted(v)[0]))  # once the dialog has settled
        tags, _frags, arcs = painted(view)
        spans = {sp.text: sp for sp in view._spans}
        assert len(tags) == len(ann["spans"])  # type: ignore[arg-type]
        for sp in spans.values():
            on_words(view, sp.id or 0, sp.start, sp.end)
            tag = tag_over_first_word(view, sp.id or 0, sp.start)
            assert view.structure.painter.name(tag.label) == w.session.schema.label(sp.label).en
        (arc,) = arcs
        claim = next(sp for sp in spans.values() if sp.label == "claim")
        speaker = next(sp for sp in spans.values() if sp.label == "speaker")
        arc_joins(arc, tags[claim.id or 0], tags[speaker.id or 0])
        assert view.arc_description(arc).endswith(f"(by {who})")
    dialog.close()


def test_r_typed_into_the_filter_or_the_find_bar_is_text_not_the_arc_toggle(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": LATIN})
    speaker = label(qtbot, w, "The minister", Qt.Key.Key_1)
    claim = label(qtbot, w, "the talks were fruitful", Qt.Key.Key_2)
    assert w.session.add_relation("attributed_to", claim.id or 0, speaker.id or 0)
    qtbot.keyClick(w.view, Qt.Key.Key_G, CTRL)
    qtbot.keyClicks(w.doclist.filter, "Reuters")
    assert w.doclist.filter.text() == "Reuters"
    assert w.view.structure.mode is ArcMode.ALL
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL)
    box = w.find_bar.box
    assert box.hasFocus()
    qtbot.keyClicks(box, "were")
    assert box.text() == "were" and w.view.structure.mode is ArcMode.ALL
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_R)  # in the article it is the toggle
    assert w.view.structure.mode is ArcMode.SELECTED


def test_an_arc_tooltip_reads_in_arabic_in_the_arabic_interface(
    qtbot: QtBot, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        install(app, "ar")
        w = make_window(qtbot, tmp_path, {"a": MIXED})
        speaker = label(qtbot, w, "Xi Jinping", Qt.Key.Key_1)
        claim = label(qtbot, w, "الزيارة الأولى", Qt.Key.Key_2)
        assert w.session.add_relation("attributed_to", claim.id or 0, speaker.id or 0)
        _tags, _frags, (arc,) = painted(w.view)
        (x0, y), (x1, _y) = arc.points[1], arc.points[2]
        box = arc.label_box
        assert box is not None
        x = (x0 + box.x0) / 2 if abs(x0 - box.x0) > 8 else (x1 + box.x1) / 2
        on_arc = QPoint(round(x), round(y))
        QTest.mouseMove(w.view.viewport(), on_arc + QPoint(0, 40))
        QTest.mouseMove(w.view.viewport(), on_arc)
        qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
        tip = QToolTip.text()
        relation = w.session.schema.relation_type("attributed_to").ar
        assert relation and relation in tip and "Xi Jinping" in tip and "layla" in tip
        assert "attributed" not in tip and "by" not in tip.split()
    finally:
        QToolTip.hideText()
        install(app, "en")
