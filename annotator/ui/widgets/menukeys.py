"""Menus whose key sequences read left to right in the right-to-left (Arabic) interface.

Qt draws a menu item's shortcut ("Ctrl+=") in the menu's direction, so the Arabic interface showed
"=+Ctrl", "-+Ctrl" and ",+Ctrl". The style below isolates the shortcut as left-to-right text
(LRI ... PDI, as the F1 sheet's key column reads left to right), leaving the item's own text and
its place in the menu as the interface lays them out.
"""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionMenuItem,
    QWidget,
)

from annotator.text.bidi import isolate

BASE_STYLE = "Fusion"  # the application's (theme.py)


class KeysLeftToRight(QProxyStyle):
    """Fusion, with each menu item's shortcut isolated left to right."""

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if (
            element == QStyle.ControlElement.CE_MenuItem
            and isinstance(option, QStyleOptionMenuItem)
            and "\t" in option.text
        ):
            text, keys = option.text.split("\t", 1)
            option = QStyleOptionMenuItem(option)
            option.text = f"{text}\t{isolate(keys, 'ltr')}"
        super().drawControl(element, option, painter, widget)


def keys_left_to_right(menu: QMenu) -> None:
    """Draw ``menu``'s shortcuts left to right (the style lives as long as the menu)."""
    style = KeysLeftToRight(BASE_STYLE)
    style.setParent(menu)
    menu.setStyle(style)
