"""Arabic cells read right to left in an English interface, Latin ones left to right in an Arabic
one: punctuation at the end of a title stays at its end."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from annotator.text.bidi import reading_direction
from tests.ui_helpers import make_window

RTL, LTR = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بشار الأسد يصل إلى الصين؟", "rtl"),
        ("2004.. بشار الأسد", "rtl"),  # digits and dots are weak: the first letter decides
        ("«الوزير»", "rtl"),
        ("AFP: قال الوزير", "ltr"),
        ("doc-7", "ltr"),
        ("\u200fdoc-7", "rtl"),  # a right-to-left mark is a strong letter too
        ("12 ◐", None),
        ("", None),
    ],
)
def test_reading_direction_is_that_of_the_first_strong_letter(
    text: str, expected: str | None
) -> None:
    assert reading_direction(text) == expected


def _direction(table: QTableView, row: int, column: int) -> Qt.LayoutDirection:
    """The direction the view's delegate lays the cell out in."""
    option = QStyleOptionViewItem()
    option.direction = table.layoutDirection()
    index = table.model().index(row, column)
    delegate = table.itemDelegateForIndex(index)
    assert isinstance(delegate, QStyledItemDelegate)
    delegate.initStyleOption(option, index)
    return option.direction


def test_document_list_lays_each_title_out_in_its_own_direction(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": "هل وصل الأسد؟\nنص", "b": "Reuters wire\nنص"})
    table = w.doclist.table
    assert table.layoutDirection() == LTR  # an English interface
    rows = {w.doclist.model.doc_at(r).title: r for r in range(2)}  # type: ignore[union-attr]
    assert _direction(table, rows["هل وصل الأسد؟"], 0) == RTL
    assert _direction(table, rows["Reuters wire"], 0) == LTR
    assert _direction(table, 0, 2) == LTR  # a span count keeps the interface's direction
    table.setLayoutDirection(RTL)
    assert _direction(table, rows["Reuters wire"], 0) == LTR
    assert _direction(table, 0, 2) == RTL


def test_span_texts_and_attributes_read_in_their_own_direction(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": "قال الوزير إن الحوار مستمر"})
    w.view.select_range(4, 10)
    w.action("label:speaker").trigger()
    table = w.spanpanel.table
    assert [sp.text for sp in w.session.spans] == ["الوزير"]
    w.spanpanel.refresh_now()  # the panel catches up after a pause in typing
    assert _direction(table, 0, 1) == RTL  # the article's words
    assert w.spanpanel.model.index(0, 4).data() == "kind: person"
    table.setLayoutDirection(RTL)  # as in the Arabic interface
    assert _direction(table, 0, 4) == LTR  # "kind=person" keeps its underscores and = in place
    assert _direction(table, 0, 1) == RTL
