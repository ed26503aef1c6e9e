"""The attribute chooser: a small strip under the article, shown after labelling, that never takes
the keyboard and never covers the text.

It is not a menu: a popup menu grabs the keyboard until it closes, so the next key (Ctrl+Z, a
label key) went to the menu instead of the window. The strip takes no focus; while it is shown the
controller sends it plain digit keys (the values are numbered 1, 2, ... across the attributes) and
Escape; every other key goes where it always goes, and the strip hides when it no longer applies.

Where it sits: drawn over the text, under the labelled line, it hid the next line while the
annotator read on to choose. It now takes a band of its own at the foot of the article view (the
view's bottom viewport margin), naming the span it is for; the text keeps its place, and only
when the span would fall under the band does the text scroll, by whole lines (the plain text
view's scroll bar counts lines, not pixels: scrolling it by a pixel count jumped a screen), just
enough to show the span above the band. The span stays clear of the band while the strip is
shown: a link, a tag row or a zoom that moves the text (the layout changed, not the reader's
scrolling) brings it back above the band. A span taller than the view counts as shown while any
of it is on screen.

It reads in the interface's direction, not the article's: in the English interface over an Arabic
article it runs left to right ("«span» kind: 1 person 2 organization ..."), where inheriting the
view's right-to-left direction had laid it out backwards and drawn "kind:" as ":kind".

Signals:
    chosen(int, str, str): span id, attribute name, value.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QApplication, QFrame, QPlainTextEdit, QPushButton

from annotator.model.document import Span
from annotator.model.schema import Label
from annotator.text.bidi import article_words
from annotator.ui.names import attribute_name, value_name
from annotator.ui.widgets.flow import FlowLayout
from annotator.ui.widgets.plain import plain_label

SPAN_CHARS = 30  # how much of the span's text the strip repeats to say which span it is for
MAX_SHARE = 0.5  # of the view's height the strip may take (its values wrap into rows)


class AttributeChooser(QFrame):
    """The attribute values of one span, numbered; a click or a digit picks one."""

    chosen = Signal(int, str, str)

    def __init__(self, view: QPlainTextEdit) -> None:
        super().__init__(view)
        self.view = view
        self.setObjectName("attributePicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFont(QApplication.font())  # the interface's, not the article's large font
        self.span_id = 0
        self.choices: list[tuple[str, str]] = []
        self.buttons: list[QPushButton] = []
        self._where: Callable[[], QRect] = QRect  # the span's lines in the viewport
        self._follow = QTimer(self)  # after a layout change, once Qt has placed the lines
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self._settle)
        self._following = True  # the span was clear of the band when the reader last scrolled
        self._reader_scrolled = False  # since the last settle
        view.verticalScrollBar().actionTriggered.connect(self._scrolled)
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        # a resized article moves the band: the strip goes with it (the viewport is resized after
        # the view has laid it out, so its size is the new one by then)
        view.viewport().installEventFilter(self)
        layout = view.document().documentLayout()
        layout.update.connect(self._layout_changed)
        self.hide()

    def show_for(self, span: Span, label: Label, where: Callable[[], QRect]) -> None:
        """Show the values of ``span``'s attributes in the band under the article; ``where`` gives
        the viewport rectangle of the span's lines (kept clear of the band)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, not when the event loop gets to it
                widget.deleteLater()
        self.span_id = span.id or 0
        self._where = where
        self._following, self._reader_scrolled = True, False
        self.choices, self.buttons = [], []
        self.setLayoutDirection(QApplication.layoutDirection())  # the interface's, not the view's
        words = " ".join(span.text.split())  # one row: a span across paragraphs has line breaks
        short = words if len(words) <= SPAN_CHARS else words[: SPAN_CHARS - 1] + "…"
        self._layout.addWidget(plain_label(f"«{article_words(short)}»", self))
        for attr in label.attributes:
            self._layout.addWidget(plain_label(attribute_name(label, attr.name) + ":", self))
            for value in attr.values:
                number = len(self.choices) + 1
                mark = "✓ " if span.attributes.get(attr.name) == value else ""
                named = value_name(label, attr.name, value)
                shown = f"{number}  {mark}{named}" if number < 10 else f"{mark}{named}"
                button = QPushButton(shown, self)
                button.setObjectName(f"{attr.name}={value}")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setFlat(True)
                index = len(self.choices)
                button.clicked.connect(lambda _=False, n=index: self.pick(n))
                self._layout.addWidget(button)
                self.choices.append((attr.name, value))
                self.buttons.append(button)
        self.show()
        self.place()
        self.keep_clear()
        self.raise_()

    def _scrolled(self, _action: int) -> None:
        """The wheel, the keys or the bar: the reader moves the text (not a layout change)."""
        if self.isVisible():  # hidden, its span may be another document's: never placed
            self._reader_scrolled = True
            self._follow.start()

    def _layout_changed(self, _rect: object) -> None:
        if self.isVisible():
            self._follow.start()

    def _settle(self) -> None:
        """Once the event loop is back: after the reader's scroll, follow the span only if it is
        still in sight; after a layout change, bring a followed span back above the band."""
        if self._reader_scrolled:
            self._reader_scrolled = False
            self._following = self._step() == 0
        elif self._following:
            self.keep_clear()

    def _step(self) -> int:
        """The line to scroll by to show the span above the band: 1 down the text, -1 up, 0 when
        it is shown (all of it when it fits in the view, some of it when it is taller)."""
        span, height = self._where(), self.view.viewport().height()
        if span.height() <= height:
            return 1 if span.bottom() >= height else -1 if span.top() < 0 else 0
        return 1 if span.top() >= height else -1 if span.bottom() < 0 else 0

    def keep_clear(self) -> None:
        """Scroll by whole lines until the span is above the band, and no further."""
        if not self.isVisible():
            return
        bar = self.view.verticalScrollBar()
        last = 0
        for _ in range(bar.maximum() + 1):  # one line a step: each step moves at least a line
            step = self._step()
            if step in (0, -last) or not bar.minimum() <= bar.value() + step <= bar.maximum():
                return  # placed (or as well as whole lines can place it)
            bar.setValue(bar.value() + step)
            last = step

    def _band_height(self) -> int:
        """The strip's height at the article's width: its values wrap into as many rows as they
        need, up to a share of the view."""
        width = self.view.viewport().width()
        need = self._layout.heightForWidth(width)
        return min(need, max(int(self.view.height() * MAX_SHARE), self.fontMetrics().height()))

    def place(self) -> None:
        """Take the band at the foot of the view (again after a resize)."""
        height = self._band_height()
        self.view.setViewportMargins(0, 0, 0, height)
        port = self.view.viewport().geometry()
        self.setGeometry(port.x(), port.bottom() + 1, port.width(), height)
        self._layout.setGeometry(self.rect())  # now: a move at an unchanged size left old rows

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def hideEvent(self, e: QHideEvent) -> None:
        self._follow.stop()  # the article may be another document's by the time it fires
        self.view.setViewportMargins(0, 0, 0, 0)  # the band goes with the strip
        super().hideEvent(e)

    def pick(self, index: int) -> bool:
        """Choose the value numbered ``index + 1``; False when there is none."""
        if not self.isVisible() or not 0 <= index < len(self.choices):
            return False
        name, value = self.choices[index]
        self.hide()
        self.chosen.emit(self.span_id, name, value)
        return True
