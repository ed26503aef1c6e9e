"""--format label-studio: tasks Label Studio imports (annotations, predictions, config) and we read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.importers import read_inputs
from annotator.importers.lsconfig import read_label_config
from annotator.importers.options import ImportOptions
from annotator.jobs.export import export_dataset
from annotator.model.document import DocumentRecord, Layer, Span
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_export_formats import TEXT, _project


def _content(layer: Layer) -> tuple[Any, ...]:
    at = {s.sid: (s.start, s.end, s.label) for s in layer.spans}
    spans = sorted((s.start, s.end, s.label, s.text, tuple(sorted(s.attributes.items())))
                   for s in layer.spans)  # fmt: skip
    rels = sorted((at[str(r.head)], at[str(r.child)], r.label) for r in layer.relations)
    return layer.status, spans, rels


def _with_more_layers(tmp_path: Path) -> Project:
    project = _project(tmp_path)
    i = TEXT.index("الصين")
    omar = Layer("omar", "done", [Span(i, i + 5, "speaker", "الصين", {"kind": "state"}, "s1")])
    machine = Layer("suggestions", "todo", [Span(i, i + 5, "speaker", "الصين", {}, "s1")])
    project.add_documents([DocumentRecord("doc-1", "t", TEXT, {}, "", [omar, machine])])
    return project


def test_tasks_and_config_have_label_studio_shape(tmp_path: Path) -> None:
    project = _with_more_layers(tmp_path / "a")
    out = tmp_path / "ls out"
    manifest = export_dataset(project, "label-studio", out, layer="all")
    assert manifest["not_exported"] == {
        "attributes": 0,
        "relations": 0,
        "statuses": 0,
        "meta": 0,
        "span_ids": 0,
        "relation_ids": 0,
    }
    assert sorted(p.name for p in out.iterdir()) == [
        "data.json",
        "label_config.xml",
        "manifest.json",
    ]
    (task,) = json.loads((out / "data.json").read_text("utf-8"))
    assert task["data"] == {"text": TEXT, "doc_id": "doc-1"}
    assert [a["completed_by"] for a in task["annotations"]] == [
        {"email": "layla"},
        {"email": "omar"},
    ]
    layla = task["annotations"][0]["result"]
    regions = {r["id"]: r for r in layla if r["type"] == "labels"}
    for r in regions.values():
        v = r["value"]
        assert TEXT[v["start"] : v["end"]] == v["text"] and len(v["labels"]) == 1
    for r in layla:
        if r["type"] == "choices":
            assert r["id"] in regions and r["from_name"] in ("kind", "form", "polarity")
        if r["type"] == "relation":
            assert r["from_id"] in regions and r["to_id"] in regions
    (pred,) = task["predictions"]
    assert [r["value"]["text"] for r in pred["result"]] == ["الصين"]
    config = read_label_config(out / "label_config.xml")
    assert list(config.labels) == list(project.schema.label_ids)
    assert config.choices["polarity"] == (["support", "oppose", "neutral"], "stance")
    assert config.relations == [r.id for r in project.schema.relations]
    project.close()


def test_reimports_exactly(tmp_path: Path) -> None:
    project = _with_more_layers(tmp_path / "a")
    out = tmp_path / "ls"
    export_dataset(project, "label-studio", out, layer="all")
    again = Project.create(tmp_path / "b.db", default_schema())
    options = ImportOptions(schema=again.schema, label_ids=again.schema.label_ids)
    report = again.add_documents(read_inputs([out / "data.json"], options))
    assert report.not_imported == {}
    doc, back = project.find_document("doc-1"), again.find_document("doc-1")
    assert back.text == doc.text
    for name in ("layla", "omar", "suggestions"):
        before, after = project.layer(doc.id, name), again.layer(back.id, name)
        if name == "suggestions":
            assert _content(after)[1:] == _content(before)[1:]
        else:
            assert _content(after) == _content(before), name
    project.close()
    again.close()
