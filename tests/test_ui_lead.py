"""Lead mode: agreement view, side-by-side comparison, curation into gold, blind annotation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def s(word: str, label: str, sid: str) -> dict[str, Any]:
    i = TEXT.index(word)
    return {"id": sid, "start": i, "end": i + len(word), "label": label}


def _window(qtbot: QtBot, tmp_path: Path, who: str = "lead") -> MainWindow:
    rel = [{"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"}]
    anns = [
        {"annotator": "layla", "status": "done", "relations": rel,
         "spans": [s("الوزير", "speaker", "s1"), s("المحادثات مثمرة", "claim", "s2"), s("الزيارة", "event", "s3")]},
        {"annotator": "omar", "status": "done", "relations": rel,
         "spans": [s("الوزير", "speaker", "s1"), s("المحادثات مثمرة", "claim", "s2"), s("ناجحة", "stance", "s3")]},
        {"annotator": "sara", "status": "done", "relations": [],
         "spans": [s("الوزير", "speaker", "s1"), s("المحادثات", "claim", "s2"), s("الزيارة", "event", "s3")]},
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "d1", "text": TEXT, "annotations": anns}, ensure_ascii=False),
        encoding="utf-8",
    )
    project = Project.create(tmp_path / "p.db", default_schema())
    project.add_documents(read_inputs([src], ImportOptions()))
    window = MainWindow(Session(project, who))
    qtbot.addWidget(window)
    window.show()
    window.session.open_document(project.find_document("d1").id)
    return window


def test_blind_annotation_shows_only_the_own_layer(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path, who="layla")
    assert {sp.annotator for sp in w.session.spans} == {"layla"} and len(w.session.spans) == 3
    w2 = MainWindow(Session(w.session.project, "newcomer"))
    qtbot.addWidget(w2)
    w2.session.open_document(w.session.document.id)  # type: ignore[union-attr]
    assert w2.session.spans == []


def test_curation_auto_accept_walk_and_undo(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    w.action("lead_mode").trigger()
    s, curation, panel = w.session, w.curation, w.curation_panel
    assert s.layer == "gold" and s.spans == []
    assert len(curation.open) == 4  # everything not unanimous: claim x2 forms, event, stance
    assert len(w.controller.suggestions) == 4  # drawn dashed
    curation.accept_all("all")
    assert [(sp.text, sp.label) for sp in s.spans] == [("الوزير", "speaker")]
    curation.accept_all("majority")  # the 2-of-3 claim and event, and the link two annotators drew
    assert {sp.text for sp in s.spans} == {"الزيارة", "الوزير", "المحادثات مثمرة"}
    assert [(r.label) for r in s.relations] == ["attributed_to"]
    remaining = [c.text for c in curation.open]
    assert set(remaining) == {"المحادثات", "ناجحة"}
    panel.list.setFocus()
    panel.list.setCurrentRow(remaining.index("ناجحة"))
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)  # accept the stance
    panel.list.setCurrentRow([c.text for c in curation.open].index("المحادثات"))
    qtbot.keyClick(panel.list, Qt.Key.Key_Backspace)  # reject the short claim
    assert curation.open == []
    log = s.project.decision_log(s.document.id)  # type: ignore[union-attr]
    assert {(d["label"], d["decision"], d["decided_by"]) for d in log} >= {
        ("stance", "accept", "lead"),
        ("claim", "reject", "lead"),
    }
    w.action("undo").trigger()  # the rejection comes back as an open disagreement
    assert [c.text for c in curation.open] == ["المحادثات"]
    w.action("undo").trigger()  # and the accepted stance leaves gold
    assert "ناجحة" not in [sp.text for sp in s.spans]
    w.action("lead_mode").trigger()
    assert s.layer == "lead" and not w.curation_dock.isVisible()


def test_compare_marks_differences(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    dialog = w.dialogs.show_compare()
    assert dialog is not None and set(dialog.views) == {"layla", "omar", "sara"}
    qtbot.addWidget(dialog)
    # the unanimous speaker is plain; the event omar lacks and the claim sara cut short are emphasised
    layla = dialog.views["layla"]
    emphasised = {m.span_id for m in layla.layer.marks() if m.span_id in layla.layer.emphasis}
    texts = {sp.text for sp in layla._spans if sp.id in emphasised}
    assert texts == {"الزيارة", "المحادثات مثمرة"}


def test_agreement_view_and_opening_a_document(qtbot: QtBot, tmp_path: Path) -> None:
    w = _window(qtbot, tmp_path)
    w.jobs.agreement()  # computed off the GUI thread
    qtbot.waitUntil(lambda: w.dialogs.agreement_dialog is not None, timeout=20000)
    dialog = w.dialogs.agreement_dialog
    assert dialog is not None
    assert dialog.matrix.rowCount() == 3 and dialog.matrix.item(0, 1).text().startswith("κ")
    assert dialog.documents.item(0, 0).text() == "d1"
    with qtbot.waitSignal(dialog.documentRequested):
        dialog.documents.cellDoubleClicked.emit(0, 0)
    # why agreement is low: the worst documents' disagreeing spans open the comparison too
    kinds = [dialog.why.item(r, 0).text() for r in range(4)]
    assert kinds == ["boundary only", "label only", "boundary and label", "missed"]
    row = next(i for i, d in enumerate(dialog.why_documents) if d)
    assert dialog.why.item(row, 0).text() == "d1" and "«" in dialog.why.item(row, 2).text()
    dialog.show()
    dialog.findChild(QTabWidget).setCurrentWidget(dialog.why)
    dialog.why.scrollToItem(dialog.why.item(row, 2))
    spot = dialog.why.visualItemRect(dialog.why.item(row, 2)).center()
    qtbot.mouseClick(dialog.why.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    with qtbot.waitSignal(dialog.documentRequested) as opened:
        qtbot.mouseDClick(dialog.why.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened.args == ["d1"]
