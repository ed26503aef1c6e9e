"""The project file: creation, edits with inverses, relations, statuses, and refusing bad files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.errors import EditError, ProjectError
from annotator.model.document import DocumentRecord, Relation, Span
from annotator.model.edits import AddRelation, AddSpan, DeleteSpan, UpdateSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.conftest import ARTICLE


def _doc(project: Project) -> int:
    project.add_documents([DocumentRecord("a1", "t", ARTICLE)])
    return project.find_document("a1").id


def _span(doc_id: int, word: str, label: str, text: str = ARTICLE) -> Span:
    s = text.index(word)
    return Span(s, s + len(word), label, word, doc_id=doc_id)


def test_edits_apply_and_their_inverses_undo(project: Project) -> None:
    doc = _doc(project)
    add = project.apply(AddSpan(_span(doc, "وزير الخارجية", "speaker")), "layla")
    assert isinstance(add, AddSpan) and add.span.sid == "s1" and add.span.id
    claim = project.apply(AddSpan(_span(doc, "المحادثات كانت مثمرة", "claim")), "layla")
    assert isinstance(claim, AddSpan)
    rel = project.apply(
        AddRelation(Relation(claim.span.id or 0, add.span.id or 0, "attributed_to")), "layla"
    )
    assert [r.rid for r in project.relations(doc, "layla")] == ["r1"]
    assert project.status(doc, "layla") == "in_progress"

    deleted = project.apply(DeleteSpan(add.span), "layla")
    assert project.relations(doc, "layla") == []  # the relation went with the span
    project.apply(deleted.inverse(), "layla")  # undo brings both back with their ids
    assert [s.id for s in project.spans(doc, "layla")] == [add.span.id, claim.span.id]
    assert project.relations(doc, "layla") == [rel.relation]  # type: ignore[union-attr]


def test_relabel_and_its_undo(project: Project) -> None:
    doc = _doc(project)
    add = project.apply(AddSpan(_span(doc, "الزيارة", "event")), "layla")
    assert isinstance(add, AddSpan)
    changed = project.apply(
        UpdateSpan(add.span, add.span.with_(label="claim", attributes={})), "layla"
    )
    assert project.spans(doc, "layla")[0].label == "claim"
    project.apply(changed.inverse(), "layla")
    assert project.spans(doc, "layla")[0].label == "event"


def test_forbidden_relation_and_bad_spans_are_refused(project: Project) -> None:
    doc = _doc(project)
    sp = project.apply(AddSpan(_span(doc, "وزير الخارجية", "speaker")), "x")
    ev = project.apply(AddSpan(_span(doc, "الزيارة", "event")), "x")
    assert isinstance(sp, AddSpan) and isinstance(ev, AddSpan)
    with pytest.raises(EditError, match="attributed_to goes from claim to speaker"):
        project.apply(AddRelation(Relation(ev.span.id or 0, sp.span.id or 0, "attributed_to")), "x")
    with pytest.raises(EditError, match="does not match the document text"):
        project.apply(AddSpan(Span(0, 3, "speaker", "xyz", doc_id=doc)), "x")
    with pytest.raises(EditError, match="outside the text"):
        project.apply(AddSpan(Span(0, 9999, "speaker", "x", doc_id=doc)), "x")
    with pytest.raises(EditError, match="unknown label"):
        project.apply(AddSpan(_span(doc, "قال", "person")), "x")
    assert len(project.spans(doc, "x")) == 2


def test_every_edit_is_on_disk_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    p = Project.create(path, default_schema())
    doc = _doc(p)
    p.apply(AddSpan(_span(doc, "الزيارة", "event")), "layla")
    # a second connection sees the edit without the first one closing
    other = sqlite3.connect(path)
    assert other.execute("SELECT label FROM spans").fetchall() == [("event",)]
    other.close()
    p.close()
    with Project.open(path) as again:
        assert [s.text for s in again.spans(doc, "layla")] == ["الزيارة"]
        assert again.changelog()[0]["action"] == "AddSpan"


def test_refuses_files_that_are_not_projects(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello " * 1000)
    with pytest.raises(ProjectError, match="is not an annotator project"):
        Project.open(text)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(ProjectError, match="SQLite file but not an annotator project"):
        Project.open(other)
    with pytest.raises(ProjectError, match="does not exist"):
        Project.open(tmp_path / "missing.db")


def test_refuses_a_project_written_by_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Project.create(path, default_schema()).close()
    con = sqlite3.connect(path)
    con.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('annotator', '0099_future', 'later')"
    )
    con.commit()
    con.close()
    with pytest.raises(ProjectError, match="written by a newer version of annotator"):
        Project.open(path)


def test_read_only_file_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    p = Project.create(path, default_schema())
    doc = _doc(p)
    p.close()
    path.chmod(0o444)
    try:
        with Project.open(path) as ro:
            if not ro.readonly:
                pytest.skip("running as a user who can write read-only files")
            with pytest.raises(ProjectError, match="read-only"):
                ro.apply(AddSpan(_span(doc, "الزيارة", "event")), "x")
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("name", ["أخبار #1.db", "news?draft.db", "50%20off.db"])
def test_opening_read_only_keeps_the_file_name_literal(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    p = Project.create(path, default_schema())
    _doc(p)
    p.close()
    with Project.open(path, readonly=True) as ro:
        assert ro.readonly and ro.document_count() == 1
