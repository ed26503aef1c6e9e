"""The Python API a notebook uses: annotator.open(path), read-only, model dataclasses, pandas."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import annotator
from annotator.errors import AnnotatorError, ProjectError
from annotator.model.document import Document, DocumentRecord, Layer, Relation, Span
from annotator.store import Project

TEXT = "قال الوزير إن المحادثات مثمرة 😀 ورحبت الوزارة"


def _span(word: str, label: str, sid: str, **attrs: str) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), label, word, attrs, sid)


@pytest.fixture
def db(project: Project) -> Path:
    layla = Layer("layla", "done", [_span("الوزير", "speaker", "s1", kind="person"),
                                    _span("المحادثات مثمرة", "claim", "s2")],
                  [Relation("s2", "s1", "attributed_to", "r1")])  # fmt: skip
    omar = Layer("omar", "in_progress", [_span("الوزارة", "speaker", "s1")])
    machine = Layer("suggestions", "todo", [_span("الوزير", "speaker", "s1")])
    project.add_documents([DocumentRecord("d1", "t", TEXT, {}, "", [layla, omar, machine])])
    project.close()
    return project.path


def test_import_annotator_stays_cheap() -> None:
    code = "import annotator, sys; print(sorted(m for m in sys.modules if m.startswith(('annotator.', 'sqlite_utils', 'pandas'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_open_iterates_model_dataclasses(db: Path) -> None:
    with annotator.open(db) as p:
        (doc,) = p.documents()
        assert isinstance(doc, Document) and doc.text == TEXT
        spans = list(p.spans())
        assert all(isinstance(s, Span) for s in spans)
        assert [(s.annotator, s.sid, s.text, s.attributes) for s in spans] == [
            ("layla", "s1", "الوزير", {"kind": "person"}),
            ("layla", "s2", "المحادثات مثمرة", {}),
            ("omar", "s1", "الوزارة", {}),
        ]
        assert all(TEXT[s.start : s.end] == s.text for s in spans)
        assert [s.text for s in p.spans("omar")] == ["الوزارة"]
        assert [s.annotator for s in p.spans(suggestions=True)].count("suggestions") == 1
        (rel,) = p.relations()
        assert (rel.head, rel.child, rel.label, rel.annotator, rel.doc_id) == (
            "s2", "s1", "attributed_to", "layla", doc.id)  # fmt: skip


def test_open_is_read_only_and_leaves_the_file_as_it_was(db: Path) -> None:
    before = db.read_bytes()
    with annotator.open(db) as p:
        assert list(p.spans())
        with pytest.raises(ProjectError, match="read-only"):
            p._project.transaction()
    assert db.read_bytes() == before


def test_open_refuses_what_is_not_a_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="does not exist"):
        annotator.open(tmp_path / "missing # ?.db")
    (tmp_path / "notes.db").write_text("hello", encoding="utf-8")
    with pytest.raises(ProjectError):
        annotator.open(tmp_path / "notes.db")


def test_to_pandas(db: Path) -> None:
    pytest.importorskip("pandas")
    with annotator.open(db) as p:
        spans = p.to_pandas()
        assert list(spans.columns) == ["doc_id", "document", "annotator", "sid", "label", "start",
                                       "end", "text", "attributes"]  # fmt: skip
        assert spans.groupby("annotator").size().to_dict() == {"layla": 2, "omar": 1}
        rels = p.to_pandas("relations")
        assert rels.iloc[0]["head"] == "s2" and rels.iloc[0]["document"] == "d1"
        assert p.to_pandas("documents").iloc[0]["text"] == TEXT
        with pytest.raises(AnnotatorError, match="not 'tokens'"):
            p.to_pandas("tokens")


def test_to_pandas_without_pandas_says_how_to_get_it(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with annotator.open(db) as p, pytest.raises(AnnotatorError, match="pip install pandas"):
        p.to_pandas()


def test_an_older_project_is_upgraded_then_read(db: Path) -> None:
    conn = sqlite3.connect(db)
    for view in ("attributions", "relation_spans", "span_texts"):
        conn.execute(f"DROP VIEW {view}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_datasette_views'")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute(f"PRAGMA user_version = {version - 1}")
    conn.commit()
    conn.close()
    with annotator.open(db) as p:
        assert len(list(p.spans())) == 3
