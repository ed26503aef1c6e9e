"""Review and curation do exactly what is shown (issue 15 item 3), driven with keys and the mouse.

Enter and Backspace act on the highlighted item wherever the focus is; in lead mode that is a
curation candidate, never a hidden suggestion; after a decision the next item is highlighted and the
others stay drawn; rejections are stored; annotators agree only when their attribute values agree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from annotator.jobs.suggest import suggest_project
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from tests import ui_helpers as helpers
from tests.ui_helpers import make_window

TEXT = (
    "وقالَ وزيرُ الخارجية إن المحادثات كانت مثمرة.\n"
    "وأضاف أن الزيارة الرسمية ستتم قريبا.\n"
    "من جهتها، أكدت وكالة الأنباء أن الحكومة ترفض رفضا قاطعا أي تدخل.\n"
    "وأجرى الرئيس اتصالا هاتفيا مع نظيره، وعقد اجتماعا مع الوفد."
)
CTRL = Qt.KeyboardModifier.ControlModifier


def sp(word: str, label: str, sid: str, **attrs: str) -> dict[str, Any]:
    i = TEXT.index(word)
    return {"id": sid, "start": i, "end": i + len(word), "label": label, "attributes": attrs}


def lead_window(qtbot: QtBot, tmp_path: Path, anns: list[dict[str, Any]]) -> MainWindow:
    return helpers.lead_window(qtbot, tmp_path, TEXT, anns)


THREE = [
    {"annotator": "layla", "status": "done",
     "spans": [sp("وزيرُ الخارجية", "speaker", "s1", kind="person"),
               sp("الزيارة", "event", "s2"), sp("ترفض", "stance", "s3")]},
    {"annotator": "omar", "status": "done",
     "spans": [sp("وزيرُ الخارجية", "speaker", "s1", kind="person"),
               sp("الزيارة", "event", "s2"), sp("اجتماعا", "event", "s3")]},
    {"annotator": "sara", "status": "done",
     "spans": [sp("وزيرُ الخارجية", "speaker", "s1", kind="state"),
               sp("الزيارة", "event", "s2")]},
]  # fmt: skip


def gold_keys(w: MainWindow) -> set[tuple[int, int, str]]:
    return {(s.start, s.end, s.label) for s in w.session.spans}


def dashed(w: MainWindow) -> int:
    return sum(1 for m in w.view.layer.marks() if m.suggestion)


def test_lead_mode_enter_acts_on_the_candidate_not_a_hidden_suggestion(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = lead_window(qtbot, tmp_path, THREE)
    qtbot.keyClick(w.view, Qt.Key.Key_S)  # suggestions shown
    assert w.action("suggestions").isChecked() and w.controller.review.items
    qtbot.keyClick(w.view, Qt.Key.Key_L, CTRL)  # lead mode
    assert w.session.layer == "gold"
    assert not w.action("suggestions").isChecked()  # suggestions are off, and cannot be turned on
    assert not w.action("suggestions").isEnabled()
    candidates = {(c.start, c.end, c.label) for c in w.curation.open}
    assert dashed(w) == len(candidates)  # only the candidates are drawn
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 10))
    highlighted = w.curation.open[w.curation_panel.list.currentRow()]
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert gold_keys(w) == {highlighted.key}  # the candidate shown, nothing else
    log = w.session.project.decision_log(w.session.document.id)  # type: ignore[union-attr]
    assert [(d["label"], d["decision"], d["decided_by"]) for d in log] == [
        (highlighted.label, "accept", "lead")
    ]


def test_enter_and_backspace_work_wherever_the_focus_is_and_move_on(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = lead_window(qtbot, tmp_path, THREE)
    qtbot.keyClick(w.view, Qt.Key.Key_L, CTRL)
    curation, panel = w.curation, w.curation_panel
    first, second, _third = curation.open  # the speaker (attributes differ), the stance, an event
    assert [c.label for c in curation.open] == ["speaker", "stance", "event"]
    w.doclist.table.setFocus()
    qtbot.keyClick(w.doclist.table, Qt.Key.Key_Return)  # from the document list
    assert gold_keys(w) == {first.key}
    assert panel.list.currentRow() == 0 and curation.open[0] == second  # the next one
    assert dashed(w) == 2  # the others stay drawn
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Down)  # the event
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Backspace)  # from the article
    assert [c.key for c in curation.open] == [second.key]
    assert dashed(w) == 1 and panel.list.currentRow() == 0
    w.doclist.filter.setFocus()
    qtbot.keyClick(w.doclist.filter, Qt.Key.Key_Return)  # from the filter box
    assert curation.open == [] and dashed(w) == 0
    assert not w.action("accept_item").isEnabled()  # nothing highlighted: Enter is free again
    decided = {
        (d["label"], d["decision"])
        for d in w.session.project.decision_log(w.session.document.id)  # type: ignore[union-attr]
    }
    assert decided == {("speaker", "accept"), ("stance", "accept"), ("event", "reject")}
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL)  # the last acceptance is undone: stance open again
    assert [c.key for c in curation.open] == [second.key]


def test_unanimity_includes_attribute_values(qtbot: QtBot, tmp_path: Path) -> None:
    w = lead_window(qtbot, tmp_path, THREE)
    qtbot.keyClick(w.view, Qt.Key.Key_L, CTRL)
    qtbot.mouseClick(w.curation_panel.unanimous, Qt.MouseButton.LeftButton)
    # all three marked the speaker, but sara said "state": not unanimous, still a candidate
    assert {s.label for s in w.session.spans} == {"event"}
    speaker = next(c for c in w.curation.open if c.label == "speaker")
    assert speaker.agreeing == 2 and len(speaker.annotators) == 3
    assert "kind: state (sara)" in w.curation_panel.list.item(0).text()
    qtbot.mouseClick(w.curation_panel.majority, Qt.MouseButton.LeftButton)  # 2 of 3 agree on person
    (gold_speaker,) = [s for s in w.session.spans if s.label == "speaker"]
    assert gold_speaker.attributes == {"kind": "person"}


def test_accepting_a_suggestion_keeps_the_others_shown_and_counted(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    review = w.controller.review
    qtbot.keyClick(w.view, Qt.Key.Key_S)
    total = len(review.items)
    events = [s for s in review.items if s.label == "event"]
    assert total > 4 and len(events) >= 2 and dashed(w) == total
    qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accept the highlighted one
    assert len(w.session.spans) == 1
    assert dashed(w) == total - 1 and len(review.items) == total - 1  # the others stay drawn
    assert review.current_item() is not None and w.action("accept_item").isEnabled()
    w.action("accept_suggestions:event").trigger()  # the Suggestions menu's "accept all events"
    assert dashed(w) == len(review.items) > 0 and w.action("suggestions").isChecked()
    qtbot.keyClick(w.view, Qt.Key.Key_S)  # hide
    assert dashed(w) == 0
    assert (
        f"{len(review.items)} suggestions" not in w.status_line.doc_status.text()
    )  # nothing stored
    qtbot.keyClick(w.view, Qt.Key.Key_S)  # and show again at once
    assert dashed(w) == len(review.items) > 0


def test_rejected_suggestions_stay_rejected_after_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    suggest_project(w.session.project)  # as `annotator suggest` would
    doc = w.session.document
    assert doc is not None
    w.session.open_document(doc.id)
    stored = w.controller.review.stored_open()
    assert f"{stored} suggestions: press S" in w.status_line.doc_status.text()
    qtbot.keyClick(w.view, Qt.Key.Key_S)
    rejected = w.controller.review.current_item()
    assert rejected is not None
    qtbot.keyClick(w.view, Qt.Key.Key_Backspace)
    assert (rejected.start, rejected.end, rejected.label) not in {
        (s.start, s.end, s.label) for s in w.controller.review.items
    }
    qtbot.keyClick(w.view, Qt.Key.Key_S)
    assert f"{stored - 1} suggestions: press S" in w.status_line.doc_status.text()
    path = w.session.project.path
    w.close()

    project = Project.open(path)
    again = MainWindow(Session(project, "layla"))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    again.session.open_document(doc.id)
    assert f"{stored - 1} suggestions: press S" in again.status_line.doc_status.text()
    qtbot.keyClick(again.view, Qt.Key.Key_S)
    keys = {(s.start, s.end, s.label) for s in again.controller.review.items}
    assert (rejected.start, rejected.end, rejected.label) not in keys
    assert len(keys) == stored - 1
    qtbot.keyClick(again.view, Qt.Key.Key_Z, CTRL)  # nothing of the last session to undo
    assert len(again.controller.review.items) == stored - 1


def test_backspace_in_the_filter_box_edits_the_filter_not_the_candidates(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = lead_window(qtbot, tmp_path, THREE)
    qtbot.keyClick(w.view, Qt.Key.Key_L, CTRL)
    before = list(w.curation.open)
    w.doclist.filter.setFocus()
    qtbot.keyClicks(w.doclist.filter, "d1x")
    qtbot.keyClick(w.doclist.filter, Qt.Key.Key_Backspace)
    assert w.doclist.filter.text() == "d1"
    assert w.curation.open == before and w.session.spans == []
