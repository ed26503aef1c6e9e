"""Active time per annotator and document, and the progress a lead reads (CLI and window)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.model.activity import IDLE_LIMIT_S, ActiveTime
from annotator.model.document import DocumentRecord, Span
from annotator.model.edits import AddSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def test_idle_stretches_and_pauses_are_not_work() -> None:
    clock = ActiveTime()
    assert clock.tick(100.0) == 0.0  # the first tick starts the count
    assert clock.tick(130.0) == 30.0
    assert clock.tick(130.0 + IDLE_LIMIT_S + 1) == 0.0  # away for more than two minutes
    assert clock.tick(130.0 + IDLE_LIMIT_S + 11) == 10.0
    assert clock.pause(300.0) == pytest.approx(300.0 - (130.0 + IDLE_LIMIT_S + 11))
    assert clock.tick(305.0) == 0.0  # after leaving the window, the count starts afresh
    assert clock.tick(301.0) == 0.0  # a clock that went back never gives negative time


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "p.db", default_schema())
    project.add_documents([DocumentRecord(f"d{i}", f"t{i}", f"{TEXT} {i}") for i in range(4)])
    project.assign(["layla", "omar"], 0.5, 2, 3)
    return project


def test_window_records_active_time_per_document(qtbot: QtBot, tmp_path: Path) -> None:
    project = _project(tmp_path)
    window = MainWindow(Session(project, "layla"))
    qtbot.addWidget(window)
    clock = FakeClock()
    timer = window.work_timer  # the window's own, on a clock the test moves
    timer.clock, timer.active = clock, ActiveTime()
    first, second = (d.id for d in list(project.documents())[:2])
    window.session.open_document(first)
    timer.tick()
    for step in (20, 30, 40):  # three edits
        clock.now += step
        timer.tick()
    clock.now += IDLE_LIMIT_S + 60  # lunch
    timer.tick()
    clock.now += 5
    window.session.open_document(second)  # the 5 s count on the first document
    clock.now += 12
    timer.pause()  # the window loses focus: 12 s on the second
    assert project.work_seconds(first, "layla") == pytest.approx(95.0)
    assert project.work_seconds(second, "layla") == pytest.approx(12.0)
    layla = project.progress().annotators["layla"]
    assert layla.seconds == pytest.approx(107.0) and layla.assigned == 3


def test_progress_command_and_view(qtbot: QtBot, tmp_path: Path) -> None:
    project = _project(tmp_path)
    doc = next(iter(project.documents()))
    project.set_status(doc.id, "layla", "done")
    project.add_work_time(doc.id, "layla", 1800.0)
    project.close()
    db = tmp_path / "p.db"
    data = json.loads(run("progress", str(db), "--json").stdout)
    layla = data["annotators"]["layla"]
    assert {k: layla[k] for k in ("assigned", "done", "skipped", "seconds")} == {
        "assigned": 3, "done": 1, "skipped": 0, "seconds": 1800.0}  # fmt: skip
    assert layla["spans_per_hour"] == 0.0 and data["annotators"]["omar"]["spans_per_hour"] is None
    assert {d["id"] for d in data["documents"]} == {"d0", "d1", "d2", "d3"}
    shared = [d for d in data["documents"] if len(d["annotators"]) == 2]
    assert len(shared) == 2  # the overlap half, both annotators on each
    table = run("progress", str(db), "--documents").stdout
    assert "layla" in table and "30 min" in table and "d0: " in table
    window = MainWindow(Session(Project.open(db), "lead"))
    qtbot.addWidget(window)
    window.show()
    window.menuBar().setFocus()
    window.actions_by_id["progress"].trigger()
    dialog = window.dialogs.progress_dialog
    # layla and omar; not the lead, who only opened the window (an empty layer under her name)
    names = [dialog.annotators.verticalHeaderItem(r).text() for r in range(dialog.annotators.rowCount())]  # fmt: skip
    assert sorted(names) == ["layla", "omar"]
    row = names.index("layla")
    assert (
        dialog.annotators.item(row, 0).text() == "3"
        and dialog.annotators.item(row, 4).text() == "0:30"
    )
    assert dialog.documents.rowCount() == 4
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_progress_table_columns_stay_apart_and_done_counts_within_assigned(tmp_path: Path) -> None:
    project = _project(tmp_path)
    docs = list(project.documents())
    for doc in docs:  # three assigned to layla, one not
        project.set_status(doc.id, "layla", "done")
    s = TEXT.index("الوزير")
    span = Span(s, s + 6, "speaker", "الوزير", doc_id=docs[0].id, annotator="layla")
    project.apply(AddSpan(span), "layla")
    project.add_work_time(docs[0].id, "layla", 0.1)  # a tenth of a second: no rate to give
    project.close()
    db = tmp_path / "p.db"
    layla = json.loads(run("progress", str(db), "--json").stdout)["annotators"]["layla"]
    assert (layla["assigned"], layla["done"], layla["done_unassigned"]) == (3, 3, 1)
    assert layla["spans_per_hour"] is None
    lines = run("progress", str(db)).stdout.splitlines()
    cells = {line.split("  ")[0].strip(): re.split(r"\s{2,}", line.strip()) for line in lines}
    assert cells["annotator"] == [
        "annotator", "assigned", "done", "skipped", "done, not assigned", "time", "spans/h"
    ]  # fmt: skip
    assert cells["layla"] == ["layla", "3", "3", "0", "1", "0 min", "—"]
    assert len({len(line) for line in lines[:4]}) == 1  # header, rule and rows line up
