"""Find in all documents after a large import: the search indexes what waits first, and says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.model.document import DocumentRecord
from annotator.store import Project
from annotator.store.search import ProjectSearch
from annotator.ui.dialogs import findall
from tests.test_ui_find import CTRL, SHIFT, type_text
from tests.ui_helpers import make_window


def test_the_summary_says_waiting_documents_are_prepared_before_the_hits(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(findall, "INDEXING_NOTICE", 3)
    w = make_window(qtbot, tmp_path, {"a": "خبر عن دمشق"})
    with Project.open(w.session.project.path) as other:  # the command line imports more
        other.add_documents([DocumentRecord(f"n{i}", f"n{i}", f"دمشق {i}") for i in range(3)])
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = w.finder.find_all_dialog
    assert dialog is not None
    shown: list[str] = []  # the summary line while the search runs
    search = dialog.project.search

    def spy(query: str) -> ProjectSearch:
        shown.append(dialog.summary.text())
        return search(query)

    monkeypatch.setattr(dialog.project, "search", spy)
    type_text(dialog.box, "دمشق")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert shown == ["Preparing 4 documents for searching…"]
    assert dialog.summary.text() == "Hits: 4 · documents: 4"
    qtbot.keyClick(dialog.box, Qt.Key.Key_A, CTRL)
    type_text(dialog.box, "خبر عن")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)  # nothing waits now: no such line
    assert shown[1:] == ["Hits: 4 · documents: 4"]
    assert dialog.summary.text() == "Hits: 1 · documents: 1"
