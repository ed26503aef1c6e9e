"""Text from the project reaches widgets as plain text, never as markup.

Document ids, titles, annotator names, labels and error sentences come from files and people: a
document id ``<b>x</b>`` or an annotator named ``<img src=x>`` must show literally (an ``<img>`` in
rich text loads a local file). QLabel, QMessageBox and tooltips guess "rich text" from a leading
tag, so every one of them that may show such text is made here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

TITLE = "annotator"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def fit_height(window: QWidget) -> None:
    """Let ``window`` grow (never shrink) to what its layout needs at its width. A window does not
    follow a word-wrapped label's height by itself: a sentence that wraps onto more lines would
    squeeze the fields above it instead."""
    layout = window.layout()
    if layout is not None:
        window.setMinimumHeight(layout.totalHeightForWidth(window.width()))


def tooltip(text: str) -> str:
    """A tooltip string that shows ``text`` literally (tooltips have no plain-text switch)."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def message_box(
    parent: QWidget | None, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Warning
) -> QMessageBox:
    """A message box whose sentence shows literally (not yet shown)."""
    box = QMessageBox(icon, TITLE, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def warn(parent: QWidget | None, text: str) -> None:
    """Show a warning sentence and wait for the annotator to read it."""
    message_box(parent, text).exec()


def inform(parent: QWidget | None, text: str) -> None:
    """Show an information sentence and wait for the annotator to read it."""
    message_box(parent, text, QMessageBox.Icon.Information).exec()
