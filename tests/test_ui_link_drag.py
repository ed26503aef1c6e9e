"""A link dragged from a span's tag, as brat and INCEpTION users expect: the line stays on the
head's tag when the mouse wheel scrolls the article mid-drag, and holding the pointer at the
bottom edge scrolls the article, so the other end can be pages away (a tester saw neither)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.docview import ArticleView
from annotator.ui.linkdrag import AUTOSCROLL_EDGE
from annotator.ui.structure import Box
from tests.ui_helpers import add_span, make_window, painted

PARAGRAPHS = 60
TEXT = "\n".join(
    f"قال الوزير إن المحادثات مثمرة في الجولة {i} 😀 Reuters." for i in range(PARAGRAPHS)
)
LEFT = Qt.MouseButton.LeftButton
WHEEL_NOTCH = 120  # Qt's angle delta of one notch of a mouse wheel


def _centre(box: Box) -> QPoint:
    return QPoint(round(box.cx), round(box.cy))


def _wheel(view: ArticleView, where: QPoint, notches: int) -> None:
    """Turn the mouse wheel ``notches`` towards the reader (down the article) with the button held."""
    event = QWheelEvent(
        QPointF(where), QPointF(view.viewport().mapToGlobal(where)), QPoint(0, 0),
        QPoint(0, -WHEEL_NOTCH * notches), LEFT, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)


def test_a_wheel_scroll_mid_drag_keeps_the_line_on_the_heads_tag(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view, bar = w.view, w.view.verticalScrollBar()
    claim = add_span(w, "المحادثات مثمرة", "claim")
    before = painted(view).tags[claim].box
    qtbot.mousePress(view.viewport(), LEFT, pos=_centre(before))
    middle = view.viewport().rect().center()
    qtbot.mouseMove(view.viewport(), pos=middle)
    painted(view)
    assert view.structure.drag_line == ((before.cx, before.y0), (middle.x(), middle.y()))
    _wheel(view, middle, 1)
    assert bar.value() > 0
    now = painted(view)
    line = view.structure.drag_line
    assert line is not None
    start, end = line
    assert end == (middle.x(), middle.y())  # the pointer did not move
    assert start[1] < before.y0  # the head went up with the text
    if claim in now.tags:
        assert start == (now.tags[claim].box.cx, now.tags[claim].box.y0)
    qtbot.mouseRelease(view.viewport(), LEFT, pos=middle)
    painted(view)
    assert view.structure.drag_line is None


def test_holding_the_pointer_at_the_bottom_edge_scrolls_to_a_far_span(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    view, bar = w.view, w.view.verticalScrollBar()
    claim = add_span(w, "المحادثات مثمرة", "claim")
    far = add_span(w, "الوزير", "speaker", TEXT.rindex("قال"))  # in the last paragraph
    drag = view.link_drag
    qtbot.mousePress(view.viewport(), LEFT, pos=_centre(painted(view).tags[claim].box))
    edge = QPoint(view.viewport().width() // 2, view.viewport().height() - AUTOSCROLL_EDGE // 2)
    qtbot.mouseMove(view.viewport(), pos=edge)
    assert drag.timer.isActive()
    for _ in range(bar.maximum()):  # a step per timer tick, driven here without waiting
        if far in painted(view).tags:
            break
        drag.timer.timeout.emit()
    assert far in painted(view).tags and bar.value() > 0
    line = view.structure.drag_line
    assert line is not None and line[0][1] < 0  # from the head, now above the view
    middle = view.viewport().rect().center()
    qtbot.mouseMove(view.viewport(), pos=middle)
    assert not drag.timer.isActive()  # away from the edge: the article stays
    target = _centre(painted(view).tags[far].box)
    qtbot.mouseMove(view.viewport(), pos=target)
    qtbot.mouseRelease(view.viewport(), LEFT, pos=target)
    assert [(r.head, r.label, r.child) for r in w.session.relations] == [
        (claim, "attributed_to", far)
    ]
    painted(view)
    assert not drag.timer.isActive() and view.structure.drag_line is None


def test_another_document_opened_mid_drag_ends_the_drag(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT, "b": "قال الرئيس إن الزيارة مهمة."})
    view = w.view
    claim = add_span(w, "المحادثات مثمرة", "claim")
    qtbot.mousePress(view.viewport(), LEFT, pos=_centre(painted(view).tags[claim].box))
    middle = view.viewport().rect().center()
    qtbot.mouseMove(view.viewport(), pos=middle)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # the next document
    assert w.session.document is not None and w.session.document.ext_id == "b"
    painted(view)
    assert view.structure.drag_line is None
    qtbot.mouseRelease(view.viewport(), LEFT, pos=middle)
    assert w.session.relations == [] and not view.link_drag.timer.isActive()
