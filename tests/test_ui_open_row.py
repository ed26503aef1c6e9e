"""The document list's current row is the open document, however it was opened (a tester saw no
row highlighted after Ctrl+D opened the next document)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.ui.mainwindow import MainWindow
from tests.ui_helpers import make_window

DOCS = {
    "a": "قال الوزير إن الحوار مستمر.",
    "b": "أكدت الوزارة أن الزيارة ستتم.",
    "c": "وصل الرئيس إلى العاصمة.",
}


def _highlighted(w: MainWindow) -> list[str]:
    """The ids of the rows drawn selected in the document list."""
    table = w.doclist.table
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    docs = [w.doclist.model.doc_at(r) for r in rows]
    return [d.ext_id for d in docs if d is not None]


def test_ctrl_d_ctrl_k_and_alt_down_highlight_the_document_they_open(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, DOCS)
    ctrl = Qt.KeyboardModifier.ControlModifier
    assert _highlighted(w) == ["a"]
    qtbot.keyClick(w.view, Qt.Key.Key_D, ctrl)
    assert w.session.document is not None and w.session.document.ext_id == "b"
    assert _highlighted(w) == ["b"]
    qtbot.keyClick(w.view, Qt.Key.Key_K, ctrl)
    assert _highlighted(w) == ["c"]
    qtbot.keyClick(w.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _highlighted(w) == ["b"]


def test_a_document_imported_elsewhere_is_highlighted_when_ctrl_d_reaches_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from annotator.importers import read_inputs
    from annotator.importers.options import ImportOptions
    from annotator.store import Project

    w = make_window(qtbot, tmp_path, {"a": DOCS["a"]})
    late = tmp_path / "late"
    late.mkdir()
    (late / "z.txt").write_text(DOCS["c"], encoding="utf-8")
    with Project.open(tmp_path / "p.db") as other:  # the CLI, while the window is open
        other.add_documents(read_inputs([late], ImportOptions()))
    qtbot.waitUntil(lambda: len(w.doclist.model.all_rows()) == 2)  # the window sees the file
    qtbot.keyClick(w.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.session.document is not None and w.session.document.ext_id == "z")
    assert _highlighted(w) == ["z"]
