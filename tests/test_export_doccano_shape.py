"""--doccano-shape: each doccano project type imports our file; what it cannot hold is counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import UsageError
from annotator.export.options import ExportOptions
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.jobs.export import export_dataset
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_export_formats import RELATIONS, SPANS, _project


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines()]


def _reimported(tmp_path: Path, out: Path) -> list[tuple[int, int, str]]:
    again = Project.create(tmp_path / "again.db", default_schema())
    again.add_documents(read_inputs([out], ImportOptions(format="doccano", annotator="layla",
                                                         label_ids=again.schema.label_ids)))  # fmt: skip
    doc = again.find_document("doc-1")
    spans = sorted((s.start, s.end, s.label) for s in again.spans(doc.id, "layla"))
    again.close()
    return spans


def test_sequence_shape_only_label_lists(tmp_path: Path) -> None:
    project = _project(tmp_path / "a", extra_docs=2)
    out = tmp_path / "seq.jsonl"
    manifest = export_dataset(project, "doccano", out, "layla",
                              options=ExportOptions(doccano_shape="sequence"))  # fmt: skip
    lines = _lines(out)
    assert len(lines) == 3 and all(set(x) == {"text", "doc_id", "label"} for x in lines)
    attributes = sum(len(s["attributes"]) for s in SPANS)  # type: ignore[arg-type]
    assert manifest["not_exported"] == {
        "attributes": attributes,
        "relations": len(RELATIONS),
        "statuses": 0,
        "meta": 0,
        "span_ids": manifest["spans"],  # a label list has no ids
        "relation_ids": 0,
    }
    assert manifest["relations"] == 0  # the file holds none: the manifest's total says so
    assert manifest["spans"] == sum(len(x["label"]) for x in lines)  # type: ignore[arg-type]
    doc = project.find_document("doc-1")
    before = sorted((s.start, s.end, s.label) for s in project.spans(doc.id, "layla"))
    assert _reimported(tmp_path, out) == before
    project.close()


def test_relation_shape_on_every_line(tmp_path: Path) -> None:
    project = _project(tmp_path / "a", extra_docs=2)
    out = tmp_path / "rel.jsonl"
    manifest = export_dataset(project, "doccano", out, "layla")
    lines = _lines(out)
    assert all(set(x) == {"text", "doc_id", "entities", "relations"} for x in lines)
    assert manifest["not_exported"]["relations"] == 0
    project.close()


def test_the_shape_is_a_doccano_option(tmp_path: Path) -> None:
    project = _project(tmp_path / "a")
    with pytest.raises(UsageError, match="--doccano-shape does not apply to the jsonl format"):
        export_dataset(project, "jsonl", tmp_path / "x.jsonl", "layla",
                       options=ExportOptions(doccano_shape="sequence"))  # fmt: skip
    project.close()
