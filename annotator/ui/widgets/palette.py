"""The label palette: one chip per label with its colour, Arabic and English names and key,
in rows that wrap (a schema with a thousand labels makes it taller, never the window wider).

Signals:
    labelChosen(str): a label button was clicked.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QSizePolicy, QWidget

from annotator.model.schema import Schema
from annotator.ui.names import description, name
from annotator.ui.widgets.flow import FlowLayout
from annotator.ui.widgets.plain import tooltip


class LabelPalette(QWidget):
    """A row of label buttons."""

    labelChosen = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = FlowLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.buttons: dict[str, QPushButton] = {}
        for lab in schema.labels:
            button = QPushButton(f"{lab.key}  {name(lab)}", self)
            c = QColor(lab.color)
            button.setStyleSheet(
                f"QPushButton {{ border: 2px solid {lab.color}; border-radius: 4px;"
                f" padding: 3px 10px; background: rgba({c.red()}, {c.green()}, {c.blue()}, 50); }}"
            )
            button.setToolTip(tooltip(description(lab)))
            button.clicked.connect(lambda _=False, lid=lab.id: self.labelChosen.emit(lid))
            layout.addWidget(button)
            self.buttons[lab.id] = button


MAX_PALETTE_ROWS_HEIGHT = 96  # about three rows of chips; more scroll


class PaletteArea(QScrollArea):
    """The palette, scrolling vertically once it needs more than a few rows."""

    def __init__(self, palette: LabelPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_widget = palette
        self.setWidget(palette)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # measured as if the scroll bar were there, so showing it never needs another row
        inner = width - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        need = self.palette_widget.heightForWidth(inner)
        return max(1, min(need, MAX_PALETTE_ROWS_HEIGHT)) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.heightForWidth(self.width()))
