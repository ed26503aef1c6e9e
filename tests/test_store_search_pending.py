"""Find in all documents indexes what was imported when it is first searched: imports do not pay
for the index, and every search still finds every document, whoever imported it, read-only too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.model.document import DocumentRecord
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.search import INDEXED_TABLE, SEARCH_TABLE

TEXTS = ("قال الرئيس الأسد إن المحادثات مثمرة", "وأكدت الحكومة دعمها للاتفاق", "زيارة الأسد")


def _add(project: Project, *texts: str, first: int = 1) -> None:
    project.add_documents(
        [DocumentRecord(f"d{i}", f"t{i}", text) for i, text in enumerate(texts, first)]
    )


def _indexed(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {INDEXED_TABLE}").fetchone()[0])
    finally:
        con.close()


def test_an_import_leaves_indexing_to_the_first_search(project: Project) -> None:
    _add(project, *TEXTS)
    assert project.pending_documents() == 3 and _indexed(project.path) == 0
    assert [h.ext_id for h in project.search("الاسد").hits] == ["d1", "d3"]
    assert project.pending_documents() == 0 and _indexed(project.path) == 3
    _add(project, "الأسد مرة أخرى", first=4)
    assert project.pending_documents() == 1
    assert [h.ext_id for h in project.search("الاسد").hits] == ["d1", "d3", "d4"]
    assert project.pending_documents() == 0


def test_documents_another_process_imported_are_found(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Project.create(path, default_schema()) as p:
        _add(p, *TEXTS[:2])
    window = Project.open(path)
    try:
        assert [h.ext_id for h in window.search("الاسد").hits] == ["d1"]
        with Project.open(path) as other:  # the command line, while the window is open
            _add(other, TEXTS[2], first=3)
        assert [h.ext_id for h in window.search("الاسد").hits] == ["d1", "d3"]
    finally:
        window.close()


def test_a_read_only_project_searches_what_is_not_indexed_without_writing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "news.db"
    with Project.create(path, default_schema()) as p:
        _add(p, *TEXTS[:2])
        p.search("الحكومة")  # these two are indexed
        _add(p, TEXTS[2], "الاسد ثالثا", first=3)  # these two are not
    with Project.open(path, readonly=True) as p:
        found = p.search("الأسد")
        assert [(h.ext_id, h.match) for h in found.hits] == [
            ("d1", "الأسد"), ("d3", "الأسد"), ("d4", "الاسد")
        ]  # fmt: skip
        assert p.search("الحكومة").documents == 1
        assert p.pending_documents() == 2
    assert _indexed(path) == 2


def test_many_hits_are_capped_across_indexed_and_waiting_documents(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Project.create(path, default_schema()) as p:
        _add(p, "الأسد " * 3, "لا شيء هنا")
        p.search("شيء")
        _add(p, "الأسد " * 3 + "ثانية", first=3)
    with Project.open(path, readonly=True) as p:
        found = p.search("الأسد", limit=4)
        assert [h.ext_id for h in found.hits] == ["d1", "d1", "d1", "d3"] and found.capped
        assert not p.search("الأسد", limit=6).capped


def test_text_brought_back_before_any_search_is_indexed_as_it_is_now(project: Project) -> None:
    # imported cleaned, then again with its full text (re-cleaning), with no search between:
    # the index never saw the cleaned text, and learns only the full one
    project.add_documents([DocumentRecord("a", "a", "نص منظف", original="نص أصلي كامل")])
    project.add_documents([DocumentRecord("a", "a", "نص أصلي كامل")])
    assert project.search("منظف").hits == ()
    assert [h.match for h in project.search("اصلي").hits] == ["أصلي"]
    check = project.db.execute(
        f"INSERT INTO {SEARCH_TABLE} ({SEARCH_TABLE}, rank) VALUES ('integrity-check', 0)"
    )
    assert check is not None  # FTS5 raises on a damaged index


def test_text_brought_back_after_a_search_replaces_what_was_indexed(project: Project) -> None:
    project.add_documents([DocumentRecord("a", "a", "نص منظف", original="نص أصلي كامل")])
    assert [h.ext_id for h in project.search("منظف").hits] == ["a"]
    project.add_documents([DocumentRecord("a", "a", "نص أصلي كامل")])
    assert project.pending_documents() == 0
    assert project.search("منظف").hits == ()
    assert [h.match for h in project.search("كامل").hits] == ["كامل"]


def test_a_search_while_another_process_writes_does_not_wait_for_it(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Project.create(path, default_schema()) as p:
        _add(p, *TEXTS)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # a long import elsewhere holds the write lock
        with Project.open(path, readonly=True) as reader:
            assert reader.pending_documents() == 3
        window = Project.open(path)
        try:
            assert [h.ext_id for h in window.search("الاسد").hits] == ["d1", "d3"]
            assert window.pending_documents() == 3  # read one by one, not indexed
            writer.execute("ROLLBACK")
            assert [h.ext_id for h in window.search("الاسد").hits] == ["d1", "d3"]
            assert window.pending_documents() == 0
        finally:
            window.close()
    finally:
        writer.close()
