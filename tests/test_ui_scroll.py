"""Jumping around long annotated documents (issue 15): scroll bar, Ctrl+End/Ctrl+Home, page keys.

Each jump is followed by the event loop, then the painted highlights are checked against the
spans on screen: the crash came from repainting inside the scroll bar's own signal.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.model.document import Relation, Span
from annotator.model.edits import AddRelation, AddSpan
from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import make_window

SENTENCE = "قال وزير الخارجية إن المحادثات كانت مثمرة وأكدت الوزارة أن الزيارة ستتم "
CTRL = Qt.KeyboardModifier.ControlModifier


def long_text(line_chars: int, lines: int) -> str:
    line = (SENTENCE * (line_chars // len(SENTENCE) + 1))[:line_chars].strip()
    return "\n".join([line] * lines) + "\n"


def settle(qtbot: QtBot, w: MainWindow) -> None:
    """Let the event loop run until the deferred highlight repaint has happened."""
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not w.view._repaint.isActive())
    popup = QApplication.activePopupWidget()
    if popup is not None:  # the attribute chooser after a label: keep the default
        popup.close()


def painted(w: MainWindow) -> set[int]:
    """Block numbers holding a painted highlight."""
    doc = w.view.document()
    return {
        doc.findBlock(sel.cursor.selectionStart()).blockNumber() for sel in w.view.extraSelections()
    }


def check_paint(w: MainWindow) -> None:
    """Every block on screen with a span is painted, and nothing off screen is."""
    view = w.view
    shown = set(view.visible_blocks())
    doc = view.document()
    with_spans = {doc.findBlock(view.conv.to_utf16(s.start)).blockNumber() for s in w.session.spans}
    assert painted(w) <= shown
    assert with_spans & shown <= painted(w)


def label_word_at(qtbot: QtBot, w: MainWindow, point: QPoint) -> None:
    """Double-click a word and press the speaker key."""
    qtbot.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    settle(qtbot, w)


@pytest.mark.parametrize(
    ("line_chars", "lines"), [(8400, 1), (840, 12), (840, 100), (200, 400), (30000, 2)]
)
def test_jumping_around_a_long_annotated_document_never_crashes(
    qtbot: QtBot, tmp_path: Path, line_chars: int, lines: int
) -> None:
    w = make_window(qtbot, tmp_path, {"long": long_text(line_chars, lines)})
    view, bar = w.view, w.view.verticalScrollBar()
    middle = QPoint(view.viewport().width() // 2, view.viewport().height() // 2)
    top = QPoint(view.viewport().width() // 2, 10)
    label_word_at(qtbot, w, top)  # a span at the top
    bar.setValue(bar.maximum() // 2)
    settle(qtbot, w)
    label_word_at(qtbot, w, middle)  # one in the middle
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    settle(qtbot, w)
    label_word_at(qtbot, w, view.point_of(len(view.text) - 3))  # one at the end
    assert len(w.session.spans) == 3
    assert bar.maximum() > 0

    for value in (bar.maximum() // 2, bar.maximum(), 0, bar.maximum(), bar.maximum() // 3, 0):
        bar.setValue(value)
        settle(qtbot, w)
        check_paint(w)
    for key in (Qt.Key.Key_End, Qt.Key.Key_Home) * 3:
        qtbot.keyClick(view, key, CTRL)
        settle(qtbot, w)
        check_paint(w)
    assert bar.value() == 0
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    settle(qtbot, w)
    check_paint(w)

    # the scroll bar dragged with the mouse from its top to its bottom
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
    settle(qtbot, w)
    x = bar.width() // 2
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, bar.width() + 3))
    for y in range(bar.width() + 3, bar.height(), max(bar.height() // 12, 1)):
        qtbot.mouseMove(bar, pos=QPoint(x, y))
        QApplication.processEvents()
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, bar.height() - 2))
    settle(qtbot, w)
    assert bar.value() > 0
    check_paint(w)


def annotate_words(w: MainWindow, every: int, tail: int) -> None:
    """Label a claim and its speaker, linked, every ``every`` words of the last ``tail``
    characters (an annotated project as another session left it), then reopen the document."""
    s = w.session
    doc = s.document
    assert doc is not None
    words = [m.span() for m in re.finditer(r"\S+", doc.text[-tail:])]
    base = max(0, len(doc.text) - tail)
    for i in range(0, len(words) - 1, every):
        (a, b), (c, d) = ((base + x, base + y) for x, y in words[i : i + 2])
        claim, speaker = (
            s.project.apply(AddSpan(Span(x, y, lab, doc.text[x:y], doc_id=doc.id,
                                         annotator="layla")), "layla")
            for x, y, lab in ((a, b, "claim"), (c, d, "speaker"))
        )  # fmt: skip
        assert isinstance(claim, AddSpan) and isinstance(speaker, AddSpan)
        s.project.apply(AddRelation(Relation(claim.span.id, speaker.span.id, "attributed_to",
                                             doc_id=doc.id, annotator="layla")), "layla")  # fmt: skip
    s.open_document(doc.id)


def last_line_on_screen(w: MainWindow) -> bool:
    """True when the document's last line (the empty one after a final line break, where Ctrl+End
    puts the cursor) and the last line of text are inside the viewport from top to bottom."""
    view = w.view
    height = view.viewport().rect().bottom()
    block = view.document().lastBlock()
    text_block = block.previous() if block.length() <= 1 and block.previous().isValid() else block
    for b in (block, text_block):
        layout = b.layout()
        line = layout.lineAt(layout.lineCount() - 1)
        top = view.blockBoundingGeometry(b).translated(view.contentOffset()).top() + line.y()
        if not (top >= 0 and top + line.height() <= height):
            return False
    return True


def drag_bar_to_bottom(qtbot: QtBot, w: MainWindow) -> None:
    """Press on the scroll bar's handle and drag it past the bottom of the bar."""
    bar = w.view.verticalScrollBar()
    x = bar.width() // 2
    span = bar.height() - 2 * bar.width()  # the trough between the arrow buttons
    y = bar.width() + round(span * bar.value() / max(1, bar.maximum() + bar.pageStep())) + 3
    qtbot.mousePress(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    for step in range(y, bar.height() + 40, max(bar.height() // 10, 1)):
        qtbot.mouseMove(bar, pos=QPoint(x, step))
        QApplication.processEvents()
    qtbot.mouseRelease(bar, Qt.MouseButton.LeftButton, pos=QPoint(x, bar.height() + 40))
    settle(qtbot, w)


@pytest.mark.parametrize(("line_chars", "lines"), [(8400, 1), (840, 12), (200, 30), (60, 200)])
def test_the_last_line_is_whole_on_screen_after_ctrl_end_and_a_drag_to_the_bottom(
    qtbot: QtBot, tmp_path: Path, line_chars: int, lines: int
) -> None:
    """Tags and arcs add room above lines; Qt's line-counted scroll range ignored it, and the
    last line ended under the bottom edge (all of it, for a long paragraph at 640x480)."""
    w = make_window(qtbot, tmp_path, {"long": long_text(line_chars, lines)})
    annotate_words(w, 3, 1500)
    view, bar = w.view, w.view.verticalScrollBar()
    for width, height in ((640, 480), (1200, 800), (900, 560), (640, 480)):
        w.resize(width, height)
        qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
        settle(qtbot, w)
        qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
        settle(qtbot, w)
        assert last_line_on_screen(w), (width, height, "Ctrl+End")
        assert view.selection() is None and bar.value() == bar.maximum()
        qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)
        settle(qtbot, w)
        drag_bar_to_bottom(qtbot, w)
        assert bar.value() == bar.maximum() and last_line_on_screen(w), (width, height, "drag")
        qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
        for _ in range(3):  # the bottom is the bottom: going on moves nothing
            qtbot.keyClick(view, Qt.Key.Key_PageDown)
            qtbot.keyClick(view, Qt.Key.Key_Down)
        settle(qtbot, w)
        assert bar.value() == bar.maximum() and last_line_on_screen(w)
    # the last word labelled once more: a second row of tags, drawn in the room its line keeps
    # (the view does not jump on labelling) unless the attribute strip, taking the foot of the
    # view, would cover the word; Ctrl+End shows the last line whole again
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    settle(qtbot, w)
    before = bar.value()
    word = view.point_of(len(view.text.rstrip()) - 2)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=word)
    qtbot.keyClick(view, Qt.Key.Key_1)
    settle(qtbot, w)
    under_strip = word.y() + view.fontMetrics().height() // 2 > view.viewport().height()
    assert bar.value() == before or under_strip
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)
    settle(qtbot, w)
    assert bar.value() == bar.maximum() and last_line_on_screen(w)


@pytest.mark.slow
def test_soak_scrolling_labelling_and_undoing(qtbot: QtBot, tmp_path: Path) -> None:
    """A few thousand steps of what an annotator does all day, on three long documents."""
    texts = {"a": long_text(840, 60), "b": long_text(9000, 1), "c": long_text(200, 300)}
    w = make_window(qtbot, tmp_path, texts)
    view, bar = w.view, w.view.verticalScrollBar()
    rng = random.Random(15)
    labelled = 0
    for step in range(3000):
        roll = rng.random()
        if roll < 0.3:
            bar.setValue(rng.randint(0, bar.maximum()))
        elif roll < 0.45:
            qtbot.keyClick(view, rng.choice((Qt.Key.Key_End, Qt.Key.Key_Home)), CTRL)
        elif roll < 0.55:
            qtbot.keyClick(view, rng.choice((Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)))
        elif roll < 0.75:
            vp = view.viewport()
            point = QPoint(rng.randint(20, vp.width() - 20), rng.randint(10, vp.height() - 10))
            qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=point)
            before = len(w.session.spans)
            qtbot.keyClick(view, rng.choice((Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_4)))
            labelled += len(w.session.spans) > before
        elif roll < 0.9:
            qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
        elif roll < 0.97:
            qtbot.keyClick(view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
        else:
            qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next doc
            if step % 2:
                qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        settle(qtbot, w)
        if step % 50 == 0:
            check_paint(w)
    assert labelled > 100
    check_paint(w)
