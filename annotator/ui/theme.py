"""Light and dark colour themes (Fusion style with a palette)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


def apply_theme(app: QApplication, theme: str) -> None:
    """Switch the whole application to the light or dark palette."""
    app.setStyle("Fusion")
    if theme != "dark":
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    role = QPalette.ColorRole
    for r, colour in (
        (role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"), (role.Base, "#1e1e1e"),
        (role.AlternateBase, "#2b2b2b"), (role.Text, "#e6e6e6"), (role.Button, "#3a3a3a"),
        (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d6fb4"), (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#3a3a3a"), (role.ToolTipText, "#e6e6e6"), (role.PlaceholderText, "#9a9a9a"),
    ):  # fmt: skip
        p.setColor(r, QColor(colour))
    app.setPalette(p)


CHIP_ALPHA = 0x55  # a label's colour behind its name: light enough to read the text on it


def chip_colour(colour: str, alpha: int = CHIP_ALPHA) -> str:
    """A label colour made translucent, written the way Qt reads it (#AARRGGBB: Qt takes an
    eight-digit colour as alpha first, so "#e6194b55" would be a dark teal)."""
    c = QColor(colour)
    c.setAlpha(alpha)
    return c.name(QColor.NameFormat.HexArgb)
