"""Span and relation ids ("s17", "r4") given by edits: one past the highest number in the layer,
read from the file at each edit (another window may have added some), after deletes and undos too,
and in projects made before the index of id numbers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.model.edits import AddRelation, AddSpan, DeleteRelation, DeleteSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.identity import schema_version

TEXT = "قال الوزير إن المحادثات مثمرة وأكدت الحكومة دعمها للاتفاق في الزيارة الرسمية"


def _span(doc_id: int, word: str, label: str) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), label, word, doc_id=doc_id)


def _imported(sids: list[str], other: str = "s50") -> DocumentRecord:
    """A document whose layer "layla" came with these span ids, and "omar" with a higher one."""
    words = ["الوزير", "المحادثات", "الحكومة", "للاتفاق", "الزيارة", "الرسمية"]
    spans = [
        _span(0, w, "speaker").with_(doc_id=None, sid=sid)
        for w, sid in zip(words[: len(sids)], sids, strict=True)
    ]
    layers = [Layer("layla", "in_progress", spans, []),
              Layer("omar", "in_progress", [spans[0].with_(sid=other)], [])]  # fmt: skip
    return DocumentRecord("d1", "d1", TEXT, layers=layers)


def _add(project: Project, doc_id: int, word: str, label: str = "claim") -> Span:
    done = project.apply(AddSpan(_span(doc_id, word, label)), "layla")
    assert isinstance(done, AddSpan)
    return done.span


def test_a_new_span_takes_one_past_the_highest_number_of_its_own_layer(project: Project) -> None:
    # numbers compare as numbers ("s10" after "s9"); ids not of the form s<number> do not count,
    # and neither do other layers or documents
    project.add_documents([_imported(["s9", "s10", "s2", "claim-40", "S77"])])
    project.add_documents([DocumentRecord("d2", "d2", TEXT + " أمس")])  # texts are unique
    doc = project.find_document("d1").id
    assert _add(project, doc, "دعمها").sid == "s11"
    assert _add(project, doc, "قال").sid == "s12"
    other = project.find_document("d2").id
    assert _add(project, other, "قال").sid == "s1"


def test_digits_after_the_number_are_read_as_sqlite_reads_them(project: Project) -> None:
    project.add_documents([_imported(["s7b", "s3"])])
    doc = project.find_document("d1").id
    assert _add(project, doc, "دعمها").sid == "s8"


def test_ids_after_delete_and_undo(project: Project) -> None:
    project.add_documents([DocumentRecord("d1", "d1", TEXT)])
    doc = project.find_document("d1").id
    first = _add(project, doc, "قال")
    last = _add(project, doc, "دعمها")
    assert (first.sid, last.sid) == ("s1", "s2")
    deleted = project.apply(DeleteSpan(last), "layla")
    # the highest is gone: its number is free again
    again = _add(project, doc, "الحكومة")
    assert again.sid == "s2"
    # undoing the delete brings the span back under its row id; its old "s2" is taken now
    back = project.apply(deleted.inverse(), "layla")
    assert isinstance(back, AddSpan) and back.span.id == last.id and back.span.sid == "s3"
    assert sorted(s.sid for s in project.spans(doc, "layla")) == ["s1", "s2", "s3"]


def test_relation_ids_follow_the_same_rule(project: Project) -> None:
    project.add_documents([DocumentRecord("d1", "d1", TEXT)])
    doc = project.find_document("d1").id
    speaker = _add(project, doc, "الوزير", "speaker")
    claims = [_add(project, doc, w) for w in ("المحادثات", "مثمرة", "دعمها")]
    rels = []
    for claim in claims:
        done = project.apply(
            AddRelation(Relation(claim.id or 0, speaker.id or 0, "attributed_to")), "layla"
        )
        assert isinstance(done, AddRelation)
        rels.append(done.relation)
    assert [r.rid for r in rels] == ["r1", "r2", "r3"]
    project.apply(DeleteRelation(rels[-1]), "layla")
    project.apply(DeleteRelation(rels[0]), "layla")
    done = project.apply(
        AddRelation(Relation(claims[0].id or 0, speaker.id or 0, "attributed_to")), "layla"
    )
    assert isinstance(done, AddRelation) and done.relation.rid == "r3"


def test_each_edit_reads_the_ids_another_window_added(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Project.create(path, default_schema()) as p:
        p.add_documents([DocumentRecord("d1", "d1", TEXT)])
    one, two = Project.open(path), Project.open(path)
    try:
        doc = one.find_document("d1").id
        assert _add(one, doc, "قال").sid == "s1"
        assert _add(two, doc, "الوزير").sid == "s2"
        assert _add(one, doc, "الحكومة").sid == "s3"
        gone = two.spans(doc, "layla")[-1]
        two.apply(DeleteSpan(gone), "layla")
        assert _add(one, doc, "دعمها").sid == "s3"
    finally:
        one.close()
        two.close()


def test_a_project_made_before_the_index_gets_it_and_numbers_on(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Project.create(path, default_schema()) as p:
        p.add_documents([_imported(["s4", "s12"])])
    con = sqlite3.connect(path)
    with con:  # as a project of the previous version left it
        con.execute("DROP INDEX spans_sid_number")
        con.execute("DROP INDEX relations_rid_number")
        con.execute("DELETE FROM _sqlite_migrations WHERE name = '0015_layer_id_numbers'")
        con.execute(f"PRAGMA user_version = {schema_version() - 1}")
    con.close()
    with Project.open(path) as p:
        doc = p.find_document("d1").id
        assert _add(p, doc, "دعمها").sid == "s13"


def test_an_id_number_too_long_for_sqlite_still_leaves_room_for_new_ones(
    project: Project,
) -> None:
    project.add_documents([_imported(["s99999999999999999999"])])  # from some file
    doc = project.find_document("d1").id
    sids = [_add(project, doc, w).sid for w in ("قال", "دعمها", "مثمرة")]
    assert len(set(sids)) == 3 and all(s.startswith("s9223372036854775") for s in sids)
