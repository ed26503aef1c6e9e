"""Cells that read in their own direction: an Arabic title in an English interface is laid out
right to left (its final punctuation and the elision mark on its left), and a Latin id in an Arabic
interface left to right. Qt otherwise lays every cell out in the interface's direction. Cells
without letters (numbers) keep the interface's direction, so columns of numbers stay aligned."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from annotator.text.bidi import reading_direction

_QT = {"ltr": Qt.LayoutDirection.LeftToRight, "rtl": Qt.LayoutDirection.RightToLeft}


class NaturalDirection(QStyledItemDelegate):
    """Lays each cell's text out in the direction of its first strong letter."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        direction = reading_direction(option.text)
        if direction is not None:
            option.direction = _QT[direction]


def natural_direction(view: QAbstractItemView, *columns: int) -> None:
    """Give the cells of ``view`` (or of some of its columns) their text's own direction.

    Only for cells showing the articles' own text or ids (titles, span texts, attribute values, file
    names): a sentence of the interface that quotes Arabic reads in the interface's direction."""
    delegate = NaturalDirection(view)
    if not columns:
        view.setItemDelegate(delegate)
    for column in columns:
        view.setItemDelegateForColumn(column, delegate)
