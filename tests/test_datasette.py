"""Reading a project in Datasette or plain SQL: views with texts and export ids, described columns."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.model.document import DocumentRecord, Layer, Relation, Span
from annotator.store import Project
from annotator.store.datasette import TABLES

TEXT = "قال الوزير 😀 إن المحادثات مثمرة"


def _span(word: str, label: str, sid: str, **attrs: str) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), label, word, attrs, sid)


@pytest.fixture
def db(project: Project) -> Path:
    layer = Layer("layla", "done", [_span("الوزير", "speaker", "s7", kind="person"),
                                    _span("المحادثات مثمرة", "claim", "s9")],
                  [Relation("s9", "s7", "attributed_to", "r3")])  # fmt: skip
    project.add_documents([DocumentRecord("doc-1", "t", TEXT, {}, "", [layer])])
    project.close()
    return project.path


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_views_show_texts_and_the_ids_exports_use(db: Path) -> None:
    assert _rows(db, 'SELECT document, annotator, sid, label, start, "end", text, attributes'
                     " FROM span_texts ORDER BY start") == [
        ("doc-1", "layla", "s7", "speaker", 4, 10, "الوزير", '{"kind": "person"}'),
        ("doc-1", "layla", "s9", "claim", 16, 31, "المحادثات مثمرة", "{}"),
    ]  # fmt: skip
    assert _rows(db, "SELECT document, rid, label, head, child FROM relation_spans") == [
        ("doc-1", "r3", "attributed_to", "s9", "s7")]  # fmt: skip
    assert _rows(db, "SELECT claim, speaker, annotator FROM attributions") == [
        ("المحادثات مثمرة", "الوزير", "layla")]  # fmt: skip


def test_an_older_project_gets_the_views_when_opened(db: Path) -> None:
    conn = sqlite3.connect(db)
    for view in ("attributions", "relation_spans", "span_texts"):
        conn.execute(f"DROP VIEW {view}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_datasette_views'")
    conn.commit()
    conn.close()
    Project.open(db).close()
    assert _rows(db, "SELECT count(*) FROM span_texts") == [(2,)]


def test_metadata_describes_every_table_view_and_column(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "meta data ب#.json"
    main(["datasette-metadata", str(db), "--out", str(out)])
    data = json.loads(out.read_text("utf-8"))
    tables = data["databases"][db.stem]["tables"]
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
        " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'")]  # fmt: skip
    for name in names:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
        assert list(tables[name]["columns"]) == columns, name
        assert tables[name]["description"]
    conn.close()
    assert set(tables) == set(names) == set(TABLES)
    assert tables["span_texts"]["facets"] == ["label", "annotator"]
    before = out.read_bytes()
    capsys.readouterr()
    with pytest.raises(SystemExit) as refused:
        main(["datasette-metadata", str(db), "--out", str(out)])
    assert refused.value.code == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == before
