"""Native JSONL export: both forms, tokens, manifest, and the exact round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.jobs.export import export_dataset
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_cli import run

TEXT = "😀 قال الوزير إن المحادثات مثمرة\r\nوأكدت الصين دعمها."


def _at(word: str) -> dict[str, object]:
    """Offsets of ``word`` in the raw text as written (CRLF and all)."""
    i = TEXT.index(word)
    return {"start": i, "end": i + len(word), "text": word}


LINE = {
    "id": "doc-1", "title": "عنوان", "text": TEXT, "meta": {"source": "test", "date": "2025-01-02"},
    "annotations": [
        {"annotator": "layla", "status": "done",
         "spans": [{"id": "s1", **_at("الوزير"), "label": "speaker", "attributes": {"kind": "person"}},
                   {"id": "s2", **_at("المحادثات مثمرة"), "label": "claim", "attributes": {}},
                   {"id": "s7", **_at("الصين"), "label": "speaker", "attributes": {"kind": "state"}}],
         "relations": [{"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"}]},
        {"annotator": "omar", "status": "in_progress",
         "spans": [{"id": "s1", **_at("الوزير"), "label": "speaker", "attributes": {}}],
         "relations": []},
    ],
}  # fmt: skip


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(LINE, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def test_round_trip_is_byte_identical(tmp_path: Path, source: Path) -> None:
    assert run("import", str(tmp_path / "a.db"), str(source)).returncode == 0
    first, second = tmp_path / "one" / "x.jsonl", tmp_path / "two" / "x.jsonl"
    assert (
        run(
            "export",
            str(tmp_path / "a.db"),
            "--format",
            "jsonl",
            "--layer",
            "all",
            "--out",
            str(first),
        ).returncode
        == 0
    )
    assert run("import", str(tmp_path / "b.db"), str(first)).returncode == 0
    assert (
        run(
            "export",
            str(tmp_path / "b.db"),
            "--format",
            "jsonl",
            "--layer",
            "all",
            "--out",
            str(second),
        ).returncode
        == 0
    )
    assert first.read_bytes() == second.read_bytes()
    obj = json.loads(first.read_text("utf-8"))
    assert "\r" not in obj["text"]
    layla = obj["annotations"][0]
    assert [s["id"] for s in layla["spans"]] == ["s1", "s2", "s7"]
    assert layla["relations"] == [
        {"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"}
    ]
    assert layla["spans"][0]["attributes"] == {"kind": "person"}
    for span in layla["spans"]:  # offsets are code points: the emoji counts once
        assert obj["text"][span["start"] : span["end"]] == span["text"]
        first_tok, last_tok = obj["tokens"][span["token_start"]], obj["tokens"][span["token_end"]]
        assert first_tok["start"] <= span["start"] and last_tok["end"] >= span["end"]


def test_single_layer_status_filter_and_manifest(tmp_path: Path, source: Path) -> None:
    db = tmp_path / "a.db"
    run("import", str(db), str(source))
    with Project.open(db) as store:
        out = tmp_path / "o" / "layla.jsonl"
        manifest = export_dataset(store, "jsonl", out, "layla", None, "done")
        obj = json.loads(out.read_text("utf-8"))
        assert obj["annotator"] == "layla" and obj["status"] == "done" and "annotations" not in obj
        assert manifest["by_label"] == {"claim": 1, "speaker": 2} and manifest["relations"] == 1
        assert (
            json.loads((out.parent / "layla.manifest.json").read_text("utf-8"))["layer"] == "layla"
        )
        empty = export_dataset(store, "jsonl", tmp_path / "o" / "omar.jsonl", "omar", None, "done")
        assert empty["documents"] == 0
        with pytest.raises(AnnotatorError, match="choose one with --annotator"):
            export_dataset(store, "jsonl", out, None, None, "any")


def test_stats_reports_the_checklist(tmp_path: Path, source: Path) -> None:
    db = tmp_path / "a.db"
    run("import", str(db), str(source))
    stats = json.loads(run("stats", str(db), "--json").stdout)
    assert stats["checklist"]["claim without attributed_to"] == 0
    assert stats["checklist_by_document"] == []
    with Project.create(tmp_path / "c.db", default_schema()) as p:
        from annotator.importers import read_inputs
        from annotator.importers.options import ImportOptions

        line = dict(LINE)
        line["annotations"] = [dict(LINE["annotations"][0], relations=[])]  # type: ignore[index]
        src = tmp_path / "c.jsonl"
        src.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
        p.add_documents(read_inputs([src], ImportOptions()))
        assert p.stats().checklist["claim without attributed_to"] == 1


def test_no_tokens_export_is_smaller_and_still_exact(tmp_path: Path, source: Path) -> None:
    db = tmp_path / "a.db"
    run("import", str(db), str(source))
    out = tmp_path / "o" / "x.jsonl"
    assert (
        run(
            "export",
            str(db),
            "--format",
            "jsonl",
            "--annotator",
            "layla",
            "--no-tokens",
            "--out",
            str(out),
        ).returncode
        == 0
    )
    obj = json.loads(out.read_text("utf-8"))
    assert "tokens" not in obj and all("token_start" not in s for s in obj["spans"])
    assert all(obj["text"][s["start"] : s["end"]] == s["text"] for s in obj["spans"])
    assert (
        json.loads((out.parent / "x.manifest.json").read_text("utf-8"))["filters"]["tokens"]
        is False
    )
