"""Layers have a kind stored as such; stats, agreement and exports ask for kinds, not names;
stats counts documents (not layers) by status, per annotator, and names what nobody started."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.jobs.agreement import project_agreement
from annotator.model.document import DocumentRecord, Layer, Span
from annotator.model.layers import LayerKind
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def s(word: str, label: str) -> dict[str, Any]:
    i = TEXT.index(word)
    return {"start": i, "end": i + len(word), "label": label}


def ann(name: str, spans: list[dict[str, Any]], status: str = "done") -> dict[str, Any]:
    return {"annotator": name, "status": status, "spans": spans, "relations": []}


def _project(tmp_path: Path) -> Path:
    lines = [
        {"id": "d1", "text": TEXT, "annotations": [
            ann("layla", [s("الوزير", "speaker")]), ann("omar", [s("الوزير", "speaker")]),
            ann("gold", [s("الوزير", "speaker")]), ann("tagger", [s("الزيارة", "event")])]},
        {"id": "d2", "text": TEXT + " 2", "annotations": [ann("layla", [], "skipped")]},
        {"id": "d3", "text": TEXT + " 3", "annotations": [ann("omar", [s("الوزير", "speaker")], "in_progress")]},
        {"id": "d4", "text": TEXT + " 4"},
        {"id": "d5", "text": TEXT + " 5"},
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    db = tmp_path / "p.db"
    with Project.create(db, default_schema()) as p:
        records = [r for r in read_inputs([src], ImportOptions()) if isinstance(r, DocumentRecord)]
        for rec in records:  # the machine's suggestions (a JSONL import refuses to write them)
            if rec.ext_id in ("d1", "d4"):
                i = TEXT.index("الزيارة")
                event = Span(i, i + len("الزيارة"), "event", "الزيارة", {}, "s1")
                rec.layers.append(Layer("suggestions", "todo", [event]))
        p.add_documents(records)
        p.set_layer_kind("tagger", LayerKind.MODEL)
    return db


def test_kinds_are_stored_and_asked_for(tmp_path: Path) -> None:
    db = _project(tmp_path)
    with Project.open(db) as p:
        assert p.layer_kinds() == {"gold": LayerKind.GOLD, "layla": LayerKind.ANNOTATOR,
                                   "omar": LayerKind.ANNOTATOR, "suggestions": LayerKind.SUGGESTIONS,
                                   "tagger": LayerKind.MODEL}  # fmt: skip
        assert p.annotators(kinds=[LayerKind.ANNOTATOR]) == ["layla", "omar"]
        report = project_agreement(p).to_json()
    assert report["annotators"] == ["layla", "omar"]  # not gold, not the model's layer
    raw = sqlite3.connect(db)
    assert dict(raw.execute("SELECT name, kind FROM layer_kinds").fetchall())["tagger"] == "model"
    raw.close()
    out = tmp_path / "all.jsonl"
    assert (
        run("export", str(db), "--format", "jsonl", "--layer", "all", "--out", str(out)).returncode
        == 0
    )
    names = {a["annotator"] for line in out.read_text("utf-8").splitlines()
             for a in json.loads(line)["annotations"]}  # fmt: skip
    assert names == {"layla", "omar", "gold"}  # people's work and gold, never suggestions or models
    maj = tmp_path / "maj.jsonl"
    assert (
        run(
            "export", str(db), "--format", "jsonl", "--layer", "majority", "--out", str(maj)
        ).returncode
        == 0
    )
    spans = [
        sp["label"]
        for line in maj.read_text("utf-8").splitlines()
        for sp in json.loads(line)["spans"]
    ]
    assert spans == ["speaker"]  # the model's and the suggestions' events do not vote


def test_a_project_from_before_kinds_gets_them(tmp_path: Path) -> None:
    db = _project(tmp_path)
    raw = sqlite3.connect(db)
    raw.execute("DROP TRIGGER layer_kind_of_new")
    raw.execute("DROP TABLE layer_kinds")
    raw.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_layer_kinds'")
    raw.commit()
    raw.close()
    with Project.open(db) as p:  # migrated forward on open
        kinds = p.layer_kinds()
        p.ensure_annotator("sara")
        assert p.layer_kinds()["sara"] is LayerKind.ANNOTATOR
    assert kinds["gold"] is LayerKind.GOLD and kinds["suggestions"] is LayerKind.SUGGESTIONS
    assert kinds["tagger"] is LayerKind.ANNOTATOR  # nothing said otherwise before kinds existed


def test_stats_count_documents_per_annotator_and_what_nobody_started(tmp_path: Path) -> None:
    db = _project(tmp_path)
    data = json.loads(run("stats", str(db), "--json").stdout)
    assert data["annotators"] == ["layla", "omar"]
    assert data["layers"]["gold"] == "gold" and data["layers"]["tagger"] == "model"
    # five documents: d1 done, d2 skipped, d3 in progress, d4 (suggestions only) and d5 untouched
    assert data["by_status"] == {"todo": 2, "in_progress": 1, "done": 1, "skipped": 1}
    assert sum(data["by_status"].values()) == data["documents"] == 5
    assert data["by_annotator"]["layla"] == {"todo": 3, "in_progress": 0, "done": 1, "skipped": 1}
    assert data["by_annotator"]["omar"] == {"todo": 3, "in_progress": 1, "done": 1, "skipped": 0}
    assert data["not_started"] == {"documents": 2, "ids": ["d4", "d5"]}
    assert data["spans"] == 4 and data["suggestions"] == 2  # layla, omar, gold, omar on d3
    text = run("stats", str(db)).stdout
    assert "Nobody has started 2 documents: d4, d5" in text and "tagger (model)" in text


def test_a_lead_who_only_curates_or_looks_is_no_annotator(tmp_path: Path) -> None:
    db = _project(tmp_path)
    with Project.open(db) as p:
        p.ensure_annotator("maha")  # the lead opened the window under her own name
        p.add_work_time(p.find_document("d1").id, "maha", 300.0)  # and read for five minutes
        p.assign(["sara"], 0.0, 0, 1)  # sara is assigned documents but has not started
    data = json.loads(run("stats", str(db), "--json").stdout)
    assert data["annotators"] == ["layla", "omar", "sara"]
    assert "maha" not in data["by_annotator"] and data["layers"]["maha"] == "annotator"
    progress = json.loads(run("progress", str(db), "--json").stdout)
    assert sorted(progress["annotators"]) == ["layla", "omar", "sara"]
    assert "maha" not in run("progress", str(db)).stdout
