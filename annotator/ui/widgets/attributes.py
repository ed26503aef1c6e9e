"""The attribute chooser: a small strip under the article, shown after labelling, that never takes
the keyboard and never covers the text.

It is not a menu: a popup menu grabs the keyboard until it closes, so the next key (Ctrl+Z, a
label key) went to the menu instead of the window. The strip takes no focus; while it is shown the
controller sends it plain digit keys (the values are numbered 1, 2, ... across the attributes) and
Escape; every other key goes where it always goes, and the strip hides when it no longer applies.

Where it sits: drawn over the text, under the labelled line, it hid the next line while the
annotator read on to choose. It now takes a band of its own at the foot of the article view (the
view's bottom viewport margin), naming the span it is for; the text keeps its place, and only
when the labelled line itself would fall under the band does the text scroll, by that much.

It reads in the interface's direction, not the article's: in the English interface over an Arabic
article it runs left to right ("«span» kind: 1 person 2 organization ..."), where inheriting the
view's right-to-left direction had laid it out backwards and drawn "kind:" as ":kind".

Signals:
    chosen(int, str, str): span id, attribute name, value.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFrame, QPushButton

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

    def __init__(self, view: QAbstractScrollArea) -> None:
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
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        # a resized article moves the band: the strip goes with it (the viewport is resized after
        # the view has laid it out, so its size is the new one by then)
        view.viewport().installEventFilter(self)
        self.hide()

    def show_for(self, span: Span, label: Label, line: QRect) -> None:
        """Show the values of ``span``'s attributes in the band under the article; ``line`` is
        where the span's line is in the viewport (kept visible)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, not when the event loop gets to it
                widget.deleteLater()
        self.span_id = span.id or 0
        self.choices, self.buttons = [], []
        self.setLayoutDirection(QApplication.layoutDirection())  # the interface's, not the view's
        short = span.text if len(span.text) <= SPAN_CHARS else span.text[: SPAN_CHARS - 1] + "…"
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
        port = self.view.viewport()
        below = line.bottom() - (port.height() - self._band_height())
        self.show()
        self.place()
        if below > 0:  # the labelled line would be under the band: bring it just above
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + below)
        self.raise_()

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False

    def hideEvent(self, e: QHideEvent) -> None:
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
