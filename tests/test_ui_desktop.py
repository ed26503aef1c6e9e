"""Desktop product: preferences persist, key clashes refused, long jobs cancel cleanly, help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.model.edits import SetStatus
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from tests.ui_helpers import cancelled_import, make_window

TEXT = "قال الوزير إن المحادثات مثمرة"


def test_preferences_persist_and_apply(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    dialog = w.dialogs.show_preferences(w.specs)
    qtbot.addWidget(dialog)
    dialog.name.setText("ليلى")
    dialog.font_size.setValue(24)
    dialog.family.setCurrentText("Noto Sans Arabic")
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.editors["zoom_in"].setKeySequence(QKeySequence("Ctrl+Shift+Up"))
    assert dialog.save()
    again = Settings()  # a fresh read from the settings file
    assert (
        again.get("annotator"),
        again.get("font_size"),
        again.get("theme"),
        again.get("language"),
    ) == ("ليلى", 24, "dark", "ar")
    assert again.key_overrides() == {"zoom_in": "Ctrl+Shift+Up"}
    assert w.view.font().pointSize() == 24 and w.view.font().family() == "Noto Sans Arabic"
    assert w.action("zoom_in").shortcut().toString() == "Ctrl+Shift+Up"
    app = QApplication.instance()
    assert isinstance(app, QApplication) and app.palette().base().color().lightness() < 80
    fresh = MainWindow(Session(w.session.project, "x"))  # a new window starts with them too
    qtbot.addWidget(fresh)
    assert (
        fresh.view.font().pointSize() == 24
        and fresh.action("zoom_in").shortcut().toString() == "Ctrl+Shift+Up"
    )
    from annotator.ui.theme import apply_theme

    apply_theme(app, "light")


def test_a_key_clash_is_refused_with_both_names(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    dialog = w.dialogs.show_preferences(w.specs)
    qtbot.addWidget(dialog)
    dialog.editors["undo"].setKeySequence(QKeySequence("Ctrl+D"))
    assert not dialog.save()
    assert (
        "Ctrl+D" in dialog.problem.text()
        and "Undo" in dialog.problem.text()
        and "Mark done" in dialog.problem.text()
    )
    assert Settings().key_overrides() == {}


def test_a_long_import_can_be_cancelled_and_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    dialog, failure = cancelled_import(qtbot, w, TEXT)
    assert "Cancelled" in failure
    assert "Nothing was imported" in dialog.summary.text()
    with Project.open(tmp_path / "p.db") as p:
        assert p.document_count() == 1


def test_export_runs_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.session.add_span(4, 10, "speaker")
    dialog = w.dialogs.show_export()
    qtbot.addWidget(dialog)
    dialog.out.setText(str(tmp_path / "out" / "layla.jsonl"))
    job = dialog.run_export()
    with qtbot.waitSignal(job.done, timeout=60000):
        pass
    line = json.loads((tmp_path / "out" / "layla.jsonl").read_text("utf-8"))
    assert [s["text"] for s in line["spans"]] == ["الوزير"]


def test_the_export_dialog_offers_the_registry_and_never_replaces_a_file(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from annotator.export.formats import FORMATS

    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.session.add_span(4, 10, "speaker")
    dialog = w.dialogs.show_export()
    qtbot.addWidget(dialog)
    assert [dialog.format.itemText(i) for i in range(dialog.format.count())] == [
        f.name for f in FORMATS
    ]
    out = tmp_path / "mine.jsonl"
    out.write_text("my own file\n", "utf-8")
    dialog.out.setText(str(out))
    job = dialog.run_export()
    with qtbot.waitSignal(job.failed, timeout=60000):
        pass
    assert f"{out} already exists" in dialog.message.text()
    dialog.force.setChecked(True)  # not an earlier export: still left alone
    job = dialog.run_export()
    with qtbot.waitSignal(job.failed, timeout=60000):
        pass
    assert "not written by an export of annotator" in dialog.message.text()
    assert out.read_text("utf-8") == "my own file\n"
    dialog.force.setChecked(False)
    dialog.out.setText(str(tmp_path / "new.jsonl"))
    job = dialog.run_export()
    with qtbot.waitSignal(job.done, timeout=60000):
        pass
    assert (tmp_path / "new.manifest.json").is_file()


def test_a_large_export_from_the_window_shares_work_with_worker_processes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.jobs import export as export_job
    from annotator.jobs import export_parallel
    from tests.test_export_parallel import SpyPool

    texts = {f"d{i:02}": f"{TEXT} رقم {i}" for i in range(30)}
    w = make_window(qtbot, tmp_path, texts)
    project = w.session.project
    for doc in project.documents():
        project.apply(SetStatus(doc.id, "layla", "todo", "done"), "layla")
    monkeypatch.setattr(export_parallel, "CHUNK", 4)
    monkeypatch.setattr(export_parallel, "WORTH_S", 0.0)
    monkeypatch.setattr(export_parallel, "ProcessPoolExecutor", SpyPool)
    monkeypatch.setattr(export_job, "workers_for", lambda store: 1)
    SpyPool.submitted = 0
    dialog = w.dialogs.show_export()
    qtbot.addWidget(dialog)
    dialog.out.setText(str(tmp_path / "out" / "layla.jsonl"))
    job = dialog.run_export()  # spawned from the job's thread, beside the Qt event loop
    with qtbot.waitSignal(job.done, timeout=60000):
        pass
    assert SpyPool.submitted > 0
    lines = (tmp_path / "out" / "layla.jsonl").read_text("utf-8").splitlines()
    assert [json.loads(x)["text"] for x in lines] == list(texts.values())


def test_help_shortcut_sheet_and_guideline(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    sheet = w.dialogs.show_shortcuts(list(w.actions_by_id.values()))
    qtbot.addWidget(sheet)
    rows = {
        sheet.table.item(r, 1).text(): sheet.table.item(r, 0).text()
        for r in range(sheet.table.rowCount())
    }
    assert rows["Undo"] == "Ctrl+Z" and any(k == "A" for k in rows.values())
    guide = w.dialogs.show_guideline()
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "Speaker" in text and "direct quote" in text and "attributed to" in text
