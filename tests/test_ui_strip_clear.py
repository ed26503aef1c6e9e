"""The attribute strip never hides the span it is about (a tester's breaks, real keys and mouse).

A stance labelled on the last line on screen, then linked to its speaker: the arc's room pushed
the stance's line under the strip. A span labelled at the bottom edge scrolled the view a screen
(the strip scrolled the bar, which counts lines, by a number of pixels), and Ctrl+A then a label
key jumped from the top to the middle of a long document.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from tests.test_ui_attribution import _lines_on_screen
from tests.ui_helpers import drag, make_window

SPEAKER = "أجرى رأس النظام السوري مكالمة هاتفية مع الرئيس الصيني شي جين بينغ."
PARAS = [SPEAKER] + [
    f"الفقرة {i}: وتناولا خلال الاتصال العلاقات الثنائية بين البلدين وسبل توسيع آفاق التعاون."
    for i in range(60)
]
TEXT = "\n".join(PARAS)


def _wheel(w: MainWindow, clicks: int) -> None:
    """Turn the mouse wheel over the article (negative: down the text)."""
    port = w.view.viewport()
    centre = QPointF(port.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(port.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * clicks),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(port, event)


def _last_full_line_word(w: MainWindow, word: str) -> int:
    """The offset of ``word`` in the paragraph whose line is the last one wholly on screen."""
    port = w.view.viewport()
    full = [r for r in _lines_on_screen(w) if r.bottom() < port.geometry().bottom()]
    off = w.view.offset_at(QPoint(port.width() // 2, full[-1].center().y() - port.y()))
    return TEXT.index(word, TEXT.rfind("\n", 0, off) + 1)


def _shown_whole(w: MainWindow, start: int, end: int) -> bool:
    """The span's first and last characters are inside the viewport (above the strip)."""
    port = w.view.viewport().rect()
    return port.contains(w.view.point_of(start)) and port.contains(w.view.point_of(end - 1))


def _label(qtbot: QtBot, w: MainWindow, start: int, end: int, key: Qt.Key) -> None:
    drag(qtbot, w, start, end)
    qtbot.keyClick(w.view, key)


def test_a_link_does_not_push_the_span_under_the_strip(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view, chooser = w.view, w.controller.chooser
    speaker = TEXT.index("النظام السوري")
    _label(qtbot, w, speaker, speaker + len("النظام السوري"), Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    stance = _last_full_line_word(w, "العلاقات")
    end = stance + len("العلاقات")
    _label(qtbot, w, stance, end, Qt.Key.Key_3)
    assert chooser.isVisible() and chooser.choices[0] == ("polarity", "support")
    assert _shown_whole(w, stance, end)
    before = view.verticalScrollBar().value()
    qtbot.keyClick(view, Qt.Key.Key_H)  # holder: the stance's speaker
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert [r.label for r in w.session.relations] == ["holder"]
    # the arc's room moved the text down: the stance comes back above the strip, the strip stays
    qtbot.waitUntil(lambda: _shown_whole(w, stance, end))
    assert chooser.isVisible()
    assert view.verticalScrollBar().value() - before <= 2  # a line or two, not a screen
    strip = chooser.geometry()
    assert all(not r.intersects(strip) for r in _lines_on_screen(w))
    qtbot.keyClick(view, Qt.Key.Key_2)  # the strip still answers its digits
    assert w.session.span(w.session.selected).attributes == {"polarity": "oppose"}  # type: ignore[union-attr]


def test_labelling_at_the_bottom_edge_scrolls_a_line_not_a_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view = w.view
    bar = view.verticalScrollBar()
    _wheel(w, -3)
    qtbot.waitUntil(lambda: bar.value() > 0)
    before = bar.value()
    start = _last_full_line_word(w, "البلدين")
    end = start + len("البلدين")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.point_of(start + 2))
    assert view.selection() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_1)  # speaker: its kind is asked for in the strip
    assert w.controller.chooser.isVisible() and len(w.session.spans) == 1
    assert _shown_whole(w, start, end)
    assert bar.value() - before <= 2, "the view jumped"


def test_the_readers_own_scrolling_is_not_undone(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    bar = w.view.verticalScrollBar()
    start = TEXT.index("العلاقات")
    _label(qtbot, w, start, start + len("العلاقات"), Qt.Key.Key_3)
    assert w.controller.chooser.isVisible() and bar.value() == 0
    _wheel(w, -5)  # reading on while the strip waits
    qtbot.waitUntil(lambda: bar.value() > 0)
    after = bar.value()
    qtbot.wait(20)  # what the layout does once the event loop is back
    QApplication.processEvents()
    assert bar.value() == after and not _shown_whole(w, start, start + len("العلاقات"))


def test_a_whole_document_span_keeps_the_view_and_a_one_row_strip(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view, chooser = w.view, w.controller.chooser
    start = TEXT.index("العلاقات")
    _label(qtbot, w, start, start + len("العلاقات"), Qt.Key.Key_2)  # claim: its form is asked
    one_row = chooser.height()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.session.spans == []
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_2)
    (span,) = w.session.spans
    assert span.label == "claim" and span.start == 0 and chooser.isVisible()
    assert view.verticalScrollBar().value() == 0, "the view jumped from the top"
    assert view.viewport().rect().contains(view.point_of(0))  # where it starts, with its tag
    quote = next(q.text() for q in chooser.findChildren(QLabel) if q.isVisible())
    assert "\n" not in quote and "أجرى" in quote
    assert chooser.height() == one_row  # the span's line breaks do not add a row


def test_scrolling_another_document_never_places_the_strips_span_in_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Tester A: a claim labelled deep in a long article (its form asked in the strip), then a
    shorter article read with the wheel: every click placed the claim's offsets in the shorter
    text ("QTextCursor::setPosition: Position '260737' out of range", twice a click; a Qt warning
    fails the test)."""
    short = "\n".join(PARAS[:30])
    w = make_window(qtbot, tmp_path, {"a": TEXT, "b": short})
    view, chooser = w.view, w.controller.chooser
    start = TEXT.rindex("العلاقات")
    assert start > len(short)
    view.select_range(start, start + len("العلاقات"))  # the last paragraph
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert chooser.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the next document
    assert w.session.document is not None and w.session.document.text == short
    assert not chooser.isVisible()
    bar = view.verticalScrollBar()
    for _ in range(3):
        before = bar.value()
        _wheel(w, -2)
        qtbot.waitUntil(lambda before=before: bar.value() > before)  # type: ignore[misc]
        QApplication.processEvents()  # what the strip does once the event loop is back
    assert not chooser.isVisible()
