"""The label palette: one button per label with its colour, Arabic and English names and key.

Signals:
    labelChosen(str): a label button was clicked.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from annotator.model.schema import Schema
from annotator.ui.widgets.plain import tooltip


class LabelPalette(QWidget):
    """A row of label buttons."""

    labelChosen = Signal(str)

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.buttons: dict[str, QPushButton] = {}
        for lab in schema.labels:
            button = QPushButton(f"{lab.key}  {lab.ar} · {lab.en}", self)
            c = QColor(lab.color)
            button.setStyleSheet(
                f"QPushButton {{ border: 2px solid {lab.color}; border-radius: 4px;"
                f" padding: 3px 10px; background: rgba({c.red()}, {c.green()}, {c.blue()}, 50); }}"
            )
            button.setToolTip(tooltip(lab.description))
            button.clicked.connect(lambda _=False, lid=lab.id: self.labelChosen.emit(lid))
            layout.addWidget(button)
            self.buttons[lab.id] = button
        layout.addStretch(1)
