"""The window asks layers for their kind, not their name: a model's layer is no annotator in the
export dialog, and no candidate when the lead curates gold."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.store import Project
from annotator.ui.dialogs.exportdialog import ExportDialog
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from tests.test_layer_kinds import _project


def test_export_dialog_lists_people_and_the_combined_layers(qtbot: QtBot, tmp_path: Path) -> None:
    session = Session(Project.open(_project(tmp_path)), "layla")
    dialog = ExportDialog(session)
    qtbot.addWidget(dialog)
    choices = [dialog.layer.itemData(i) for i in range(dialog.layer.count())]
    assert choices == [("annotator", "layla"), ("annotator", "omar"), ("layer", "gold"),
                       ("layer", "majority"), ("layer", "all")]  # fmt: skip
    assert dialog.layer.currentData() == ("annotator", "layla")
    session.project.close()


def test_curation_candidates_are_the_annotators_layers(qtbot: QtBot, tmp_path: Path) -> None:
    w = MainWindow(Session(Project.open(_project(tmp_path)), "maha"))
    qtbot.addWidget(w)
    w.session.open_document(w.session.project.find_document("d1").id)
    w.action("lead_mode").trigger()
    # layla, omar and the tagger (a model's layer, finished) all marked a span on d1: only the
    # two people are candidates for gold; the tagger's event is no disagreement to decide
    assert sorted(w.curation.layers) == ["layla", "omar"]
    assert all(c.label != "event" for c in w.curation.open)
    w.session.project.close()
