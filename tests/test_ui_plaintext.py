"""Ids, titles, annotator names and labels show literally wherever they reach a widget (issue 13.6).

An annotator named ``<img src=x>`` or a document id ``<b>x</b>`` rendered as rich text would load a
local file or turn bold; everything the user reads must be the characters themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.ui.compare import CompareDialog
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session

TEXT = "قال الوزير إن المحادثات مثمرة"
NAME = "<img src=x>"
DOC_ID = "<b>x</b>"
TITLE = "<i>عنوان</i> & <a href='y'>z</a>"


def rendered(text: str) -> str:
    """What Qt shows for a string it may take for rich text (tooltips, AutoText)."""
    if not Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def shown(label: QLabel) -> str:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    return rendered(label.text())


def _window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    i = TEXT.index("الوزير")
    span = {"id": "s1", "start": i, "end": i + 6, "label": "speaker"}
    anns = [
        {"annotator": NAME, "status": "done", "spans": [span]},
        {"annotator": "<b>bob</b>", "status": "done", "spans": []},
    ]
    src = tmp_path / "in.jsonl"
    line = {"id": DOC_ID, "title": TITLE, "text": TEXT, "annotations": anns}
    src.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    project = Project.create(tmp_path / "p.db", default_schema())
    project.add_documents(read_inputs([src], ImportOptions()))
    window = MainWindow(Session(project, NAME))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.doclist.table.setFocus()
    qtbot.keyClick(window.doclist.table, Qt.Key.Key_Down)  # open the one document by keyboard
    qtbot.keyClick(window.doclist.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session.document is not None)
    return window


def test_status_bar_shows_the_annotator_name_and_document_id_literally(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = _window(qtbot, tmp_path)
    assert NAME in shown(w.status_line.who)
    assert DOC_ID in shown(w.status_line.doc_status)
    w.action("lead_mode").trigger()
    assert NAME in shown(w.status_line.who)


def test_tooltips_show_ids_titles_and_span_text_literally(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    model = w.doclist.model
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert isinstance(tip, str) and rendered(tip) == f"{DOC_ID}: {TITLE}"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) == TITLE
    for button in w.label_bar.buttons.values():
        assert "<" not in rendered(button.toolTip())  # descriptions are text, not markup


def test_compare_dialog_names_annotators_literally(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    w.action("compare").trigger()
    (dialog,) = w.findChildren(CompareDialog)
    texts = [shown(label) for label in dialog.findChildren(QLabel)]
    assert any(t.startswith(NAME) for t in texts)
    assert any(t.startswith("<b>bob</b>") for t in texts)
    assert TITLE in dialog.windowTitle()


def test_schema_descriptions_in_tooltips_show_literally(qtbot: QtBot, tmp_path: Path) -> None:
    from annotator.config import resource_path
    from annotator.model.schema import parse_schema

    source = resource_path("schema.toml").read_text("utf-8")
    source = source.replace('"Event → each party taking part."', '"<img src=x> each party"')
    project = Project.create(tmp_path / "p.db", parse_schema(source))
    w = MainWindow(Session(project, NAME))
    qtbot.addWidget(w)
    tips = [rendered(a.toolTip()) for a in w.actions_by_id.values()]
    assert "<img src=x> each party" in tips
