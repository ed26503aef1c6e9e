"""A link being dragged from a span's tag: where its line runs, and scrolling while it is dragged.

The line runs from the head's tag, where the view paints it now (a wheel scroll carries it along),
to the pointer. With the pointer near the top or bottom edge of the article the view scrolls a
line every ``AUTOSCROLL_MS`` until the pointer moves away, as in brat or INCEpTION, so the other
end may be pages away.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtWidgets import QPlainTextEdit

AUTOSCROLL_EDGE = 24  # pixels inside the viewport's top or bottom edge where a link drag scrolls
AUTOSCROLL_MS = 50  # between two steps of that scrolling
AUTOSCROLL_LINES = 1  # lines a step scrolls


class LinkDrag(QObject):
    """The link drag of one article view: its head span, the pointer, the scrolling at the edges."""

    def __init__(self, view: QPlainTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self.head = 0  # the span whose tag the drag started on (0: no drag)
        self.head_start: int | None = None  # its first character (for a head scrolled away)
        self.pointer: QPointF | None = None  # viewport; None until the mouse moved (a click)
        self._direction = 0  # -1 up, +1 down, 0 still
        self.timer = QTimer(self)
        self.timer.setObjectName("linkAutoscroll")
        self.timer.setInterval(AUTOSCROLL_MS)
        self.timer.timeout.connect(self.step)

    def start(self, head: int, head_start: int | None) -> None:
        self.head, self.head_start, self.pointer = head, head_start, None

    def move(self, pointer: QPointF) -> None:
        """The pointer moved to ``pointer`` (viewport): redraw the line, scroll at an edge."""
        self.pointer = pointer
        height = self.view.viewport().height()
        y = pointer.y()
        self._direction = -1 if y < AUTOSCROLL_EDGE else 1 if y > height - AUTOSCROLL_EDGE else 0
        if self._direction and not self.timer.isActive():
            self.timer.start()
        elif not self._direction:
            self.timer.stop()
        self.view.viewport().update()

    def step(self) -> None:
        """One step of scrolling towards the edge the pointer is at."""
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self._direction * AUTOSCROLL_LINES)
        self.view.viewport().update()

    def end(self) -> tuple[int, bool]:
        """Stop: the head, and whether the mouse moved (a drag) or not (a click on the tag)."""
        head, dragged = self.head, self.pointer is not None
        self.head, self.pointer, self._direction = 0, None, 0
        self.timer.stop()
        self.view.viewport().update()
        return head, dragged
