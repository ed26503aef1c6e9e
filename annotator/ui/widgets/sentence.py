"""A one-line status sentence that fits the width it gets.

The status bar holds several of them side by side; a long one (a refusal naming a file, the
"also open in another window" warning) is cut with an ellipsis at its logical end instead of
widening the window or pushing the others off it, and its whole text stays in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QWidget

from annotator.ui.widgets.plain import tooltip

MIN_CHARS = 8  # the narrowest a sentence gets before the window stops shrinking


class SentenceLabel(QLabel):
    """Plain text on one line, elided to the label's width; the full sentence in its tooltip."""

    def __init__(self, parent: QWidget | None = None, min_chars: int = MIN_CHARS) -> None:
        """``min_chars``: how much of the sentence stays readable when the bar is crowded (the
        other labels give way first when theirs is smaller)."""
        super().__init__(parent)
        self._min_chars = min_chars
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(tooltip(text))

    def minimumSizeHint(self) -> QSize:
        height = super().minimumSizeHint().height()
        if not self.text():
            return QSize(0, height)
        most = self.fontMetrics().averageCharWidth() * self._min_chars
        return QSize(min(most, self.sizeHint().width()), height)

    def shown_text(self) -> str:
        """What the annotator reads: the sentence, cut with … if the label is too narrow."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        align = QStyle.visualAlignment(self.layoutDirection(), self.alignment())
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(align | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
