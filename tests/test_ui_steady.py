"""The text stays where the annotator sees it while labelling and linking (issues 15 and 18).

A second row of stacked tags or an arc over a line needs more room above the line than a plain
line keeps; on screen the line keeps its room through the edit (what does not fit is drawn
smaller) and takes its own room once scrolled away, so no word on screen moves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.docview import ArticleView
from annotator.ui.mainwindow import MainWindow
from annotator.ui.structure import Box
from tests.ui_helpers import drag, make_window

LINE = "قال الوفد إن الوزارة ترى الزيارة مثمرة"
PARAS = [f"{LINE} ({i})" for i in range(30)]
TEXT = "\n".join(PARAS)


def _y(view: ArticleView, offset: int) -> int:
    """Where the character at ``offset`` is drawn (viewport y of its cursor rectangle)."""
    cursor = view.textCursor()
    cursor.setPosition(view.conv.to_utf16(offset))
    return view.cursorRect(cursor).top()


def _settle(view: ArticleView) -> None:
    view.viewport().repaint()
    QApplication.processEvents()  # a pass that would give lines their own room runs here
    view.viewport().repaint()


def _label(qtbot: QtBot, w: MainWindow, start: int, end: int, key: Qt.Key) -> int:
    drag(qtbot, w, start, end)
    qtbot.keyClick(w.view, key)
    span = next(s for s in w.session.spans if (s.start, s.end) == (start, end))
    assert span.id is not None
    return span.id


def _text_lines(view: ArticleView) -> list[Box]:
    width = view.viewport().width()
    return [Box(0, r.top, width, r.top + r.height) for g in view.structure.blocks for r in g.lines]


def _drawn_clear_of_the_text(view: ArticleView) -> None:
    """Every tag and arc run drawn sits in the room between lines, none over another tag."""
    _settle(view)
    lines = _text_lines(view)
    tags = [t.box for g in view.structure.blocks for t in g.tags]
    for box in tags:
        assert not any(box.intersects(line) for line in lines)
        assert sum(box.intersects(other) for other in tags) == 1  # itself only
    for arc in view.structure.arcs:
        for x, y in arc.points:
            assert not any(line.contains(x, y) and line.y0 < y < line.y1 for line in lines)


def test_labelling_and_linking_move_no_word_on_screen(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view = w.view
    base = TEXT.index(PARAS[12])  # a paragraph in the middle of the screen
    bar = view.verticalScrollBar()
    while view.firstVisibleBlock().blockNumber() < 10 and bar.value() < bar.maximum():
        bar.setValue(bar.value() + 1)  # paragraph 10 at the top
    _settle(view)
    watched = {
        "above": TEXT.index("الوفد", TEXT.index(PARAS[10])),
        "word": base + PARAS[12].index("الوزارة"),
        "later": TEXT.index("الزيارة", TEXT.index(PARAS[14])),
        "next line": TEXT.index("قال", TEXT.index(PARAS[13])),
    }
    height = view.viewport().height()
    seen = {k: _y(view, v) for k, v in watched.items()}
    assert all(0 < y < height - 40 for y in seen.values()), seen  # all on screen

    def still() -> None:
        _settle(view)
        assert {k: _y(view, v) for k, v in watched.items()} == seen

    word = watched["word"]
    speaker = _label(qtbot, w, word, word + len("الوزارة"), Qt.Key.Key_1)
    still()
    claim_end = base + len(PARAS[12]) - len(" (12)")
    claim = _label(qtbot, w, word, claim_end, Qt.Key.Key_2)  # around the speaker: a second row
    still()
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # the attribute strip
    w.session.select(claim)
    qtbot.keyClick(view, Qt.Key.Key_A)  # attributed to: the only speaker is offered
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [(r.head, r.child) for r in w.session.relations] == [(claim, speaker)]
    still()
    # a speaker two paragraphs down, linked from the claim: an arc in the margin
    later = watched["later"]
    other = _label(qtbot, w, later, later + len("الزيارة"), Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    w.session.select(claim)
    qtbot.keyClick(view, Qt.Key.Key_A)
    while w.modes.link is not None and w.modes.link.current != other:
        qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(w.session.relations) == 2
    still()
    _drawn_clear_of_the_text(view)
    assert len(view.structure.arcs) == 2
    for _ in range(4):  # undo every step: nothing moves either
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        still()


def test_a_line_squeezed_by_an_edit_takes_its_own_room_once_off_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view = w.view
    s = w.session
    _settle(view)  # on screen before the edits
    start = TEXT.index("الوزارة")
    ids = [s.add_span(start, start + len(words), label) for words, label in
           (("الوزارة", "speaker"), ("الوزارة ترى", "stance"), ("الوزارة ترى الزيارة", "claim"))]  # fmt: skip
    assert all(sp is not None and sp.id is not None for sp in ids)
    _settle(view)
    first = view.structure.blocks[0]
    assert first.lines[0].scale < 1.0  # three rows in the room of a plain line: drawn smaller
    _drawn_clear_of_the_text(view)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    _settle(view)
    bar.setValue(0)
    _settle(view)
    first = view.structure.blocks[0]
    assert first.lines[0].scale == 1.0 and first.lines[0].rows == 3
    _drawn_clear_of_the_text(view)
