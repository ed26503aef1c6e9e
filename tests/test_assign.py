"""Assignment with overlap, annotators' packages, merging them back, and the window's filter."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.errors import UsageError
from annotator.model.assignment import parse_share, plan
from annotator.model.document import DocumentRecord
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from annotator.ui.widgets.doclist import DocList
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 120),
    st.integers(2, 5),
    st.floats(0, 1),
    st.integers(0, 99),
)
def test_every_document_once_and_the_overlap_by_several(docs: int, people: int, share: float, seed: int) -> None:  # fmt: skip
    names = [f"a{i}" for i in range(people)]
    per = min(2, people)
    made = plan(list(range(docs)), names, share, per, seed)
    assert sorted(made.who) == list(range(docs))  # every document, once
    assert len(made.overlap) == round(share * docs)
    for doc, who in made.who.items():
        assert len(set(who)) == len(who) == (per if doc in made.overlap else 1)
    load = Counter(n for who in made.who.values() for n in who)
    assert max(load.values(), default=0) - min((load[n] for n in names), default=0) <= 1  # balanced
    assert plan(list(range(docs)), names, share, per, seed) == made  # the same seed, the same plan


def test_share_and_bad_plans() -> None:
    assert parse_share("20%") == parse_share("20") == parse_share("0.2") == pytest.approx(0.2)
    for bad in ("abc", "150%", "-5%"):
        with pytest.raises(UsageError):
            parse_share(bad)
    with pytest.raises(UsageError, match="at least two"):
        plan([1, 2], ["layla"], 0.5, 2, 0)
    with pytest.raises(UsageError, match="twice"):
        plan([1], ["layla", "layla"], 0, 2, 0)
    with pytest.raises(UsageError, match="layer of its own"):
        plan([1], ["layla", "gold"], 0, 2, 0)
    seeds = {
        tuple(sorted(plan(list(range(30)), ["a", "b", "c"], 0.2, 2, k).overlap)) for k in range(5)
    }
    assert len(seeds) > 1  # the seed matters


def _records(n: int, start: int = 0) -> list[DocumentRecord]:
    return [
        DocumentRecord(f"d{i}", f"عنوان {i}", f"{TEXT} رقم {i}.") for i in range(start, start + n)
    ]


def test_assign_again_assigns_only_new_documents(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Project.create(db, default_schema()) as p:
        p.add_documents(_records(20))
    out = run("assign", str(db), "--annotators", "layla,omar,sara", "--overlap", "20%",
              "--per-overlap", "2", "--seed", "7", "--json")  # fmt: skip
    first = json.loads(out.stdout)
    assert first["assigned"] == 20 and first["overlap"] == 4 and sum(first["new"].values()) == 24
    with Project.open(db) as p:
        before = p.assignments()
        p.add_documents(_records(10, start=20))
    again = json.loads(run("assign", str(db), "--annotators", "layla,omar,sara", "--overlap", "20%",
                           "--seed", "7", "--json").stdout)  # fmt: skip
    assert again["assigned"] == 10 and again["overlap"] == 2
    with Project.open(db) as p:
        after = p.assignments()
    assert {d: w for d, w in after.items() if d in before} == before  # nobody's work moved
    assert len(after) == 30 and sorted(again["total"].values()) == [12, 12, 12]
    nothing = run("assign", str(db), "--annotators", "layla,omar,sara")
    assert nothing.returncode == 0 and "already assigned" in nothing.stdout


def _ext(db: Path, doc_id: int) -> str:
    with Project.open(db) as p:
        return p.document(doc_id).ext_id


def test_package_is_blind_and_merges_back(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Project.create(db, default_schema()) as p:
        p.add_documents(_records(9))
        p.assign(["layla", "omar"], 0.34, 2, 3)
        mine = set(p.assigned("layla"))
        shared = next(d for d, who in p.assignments().items() if len(who) == 2)
        p.set_status(shared, "omar", "done")  # omar's work on a document layla has too
        p.set_status(shared, "layla", "in_progress")
    out = tmp_path / "لیلى #1.db"
    done = run("package", str(db), "--annotator", "layla", "--out", str(out))
    assert done.returncode == 0, done.stderr
    with Project.open(out) as copy:
        ids = [d.ext_id for d in copy.documents()]
        assert copy.annotators() == ["layla"]  # no other layer travels: blind
        assert copy.status(copy.find_document(_ext(db, shared)).id, "layla") == "in_progress"
        with Project.open(db) as p:
            assert sorted(ids) == sorted(p.document(i).ext_id for i in mine)
        first = next(d for d in copy.documents() if d.ext_id != _ext(db, shared))
        copy.set_status(first.id, "layla", "done")
    again = run("package", str(db), "--annotator", "layla", "--out", str(out))
    assert again.returncode == 2 and "already exists" in again.stderr  # a usage mistake
    merged = run("merge", str(db), str(out), "--json")
    assert merged.returncode == 0, merged.stderr
    with Project.open(db) as p:
        assert p.status(p.find_document(first.ext_id).id, "layla") == "done"
    nobody = run("package", str(db), "--annotator", "sara", "--out", str(tmp_path / "s.db"))
    assert nobody.returncode == 2 and not (tmp_path / "s.db").exists()


def test_window_shows_an_annotator_her_documents(qtbot: QtBot, tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.db", default_schema())
    project.add_documents(_records(6))
    project.assign(["layla", "omar"], 0, 2, 1)
    window = MainWindow(Session(project, "layla"))
    qtbot.addWidget(window)
    window.show()
    doclist = window.findChild(DocList)
    assert doclist is not None and doclist.mine.isVisible()
    shown = {doclist.model.doc_at(r).id for r in range(doclist.model.rowCount())}
    assert shown == set(project.assigned("layla")) and len(shown) == 3
    qtbot.mouseClick(doclist.mine, Qt.MouseButton.LeftButton)  # untick: every document
    assert doclist.model.rowCount() == 6
    lead = MainWindow(Session(project, "lead"))  # nothing assigned to the lead: all, no box
    qtbot.addWidget(lead)
    lead.show()
    other = lead.findChild(DocList)
    assert other is not None and other.model.rowCount() == 6 and not other.mine.isVisible()


def test_assigning_an_empty_project_says_so(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    Project.create(db, default_schema()).close()
    result = run("assign", str(db), "--annotators", "ليلى,omar")
    assert result.returncode == 0 and "has no documents yet" in result.stdout
