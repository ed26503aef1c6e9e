"""Prodigy JSONL both ways: token ranges (inclusive end), relations by token, accept/reject/ignore."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import InputError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.jobs.export import export_dataset
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_export_formats import TEXT, _project

SAY = "قال الوزير 😀 إن المحادثات مثمرة"


def _import(project: Project, path: Path, **kw: Any) -> Any:
    options = ImportOptions(schema=project.schema, label_ids=project.schema.label_ids, **kw)
    return project.add_documents(read_inputs([path], options))


def _lines(path: Path, *objs: Any) -> Path:
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objs), encoding="utf-8")
    return path


def _tokens(text: str) -> list[dict[str, Any]]:
    out, i = [], 0
    for k, word in enumerate(text.split(" ")):
        out.append({"text": word, "start": i, "end": i + len(word), "id": k, "ws": True})
        i += len(word) + 1
    return out


def test_export_then_import_is_exact_and_attributes_are_counted(tmp_path: Path) -> None:
    project = _project(tmp_path / "a")
    out = tmp_path / "prodigy.jsonl"
    manifest = export_dataset(project, "prodigy", out, "layla")
    assert manifest["not_exported"] == {
        "attributes": 5,
        "relations": 0,
        "statuses": 0,
        "meta": 0,
        "span_ids": 0,
        "relation_ids": 0,
    }
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert line["answer"] == "accept" and line["_annotator_id"] == "layla"
    tokens = line["tokens"]
    for span in line["spans"]:
        assert tokens[span["token_start"]]["start"] <= span["start"]
        assert tokens[span["token_end"]]["end"] >= span["end"]  # inclusive end
        assert line["text"][span["start"] : span["end"]] == span["text"]
    for rel in line["relations"]:
        assert rel["head"] == rel["head_span"]["token_end"]
    again = Project.create(tmp_path / "b.db", default_schema())
    _import(again, out)
    doc, before = project.find_document("doc-1"), project.find_document("doc-1")
    after = again.find_document("doc-1")
    assert after.text == TEXT == doc.text
    old, new = project.layer(before.id, "layla"), again.layer(after.id, "layla")

    def content(layer: Any) -> tuple[list[Any], list[Any]]:
        at = {s.sid: (s.start, s.end, s.label) for s in layer.spans}
        spans = sorted((s.start, s.end, s.label, s.text) for s in layer.spans)
        return spans, sorted((at[r.head], at[r.child], r.label) for r in layer.relations)

    assert content(new) == content(old)
    assert len(new.relations) == 3
    assert new.status == "done"
    project.close()
    again.close()


def test_answers_only_accepted_become_annotations(tmp_path: Path, project: Project) -> None:
    s, e = SAY.index("الوزير"), SAY.index("الوزير") + 6
    span = {"start": s, "end": e, "label": "SPEAKER", "token_start": 1, "token_end": 1}
    path = _lines(tmp_path / "news.jsonl",
                  {"text": SAY, "spans": [span], "answer": "accept", "_annotator_id": "news-layla", "meta": {"id": "a"}},
                  {"text": SAY + " أمس", "spans": [span], "answer": "reject", "meta": {"id": "b"}},
                  {"text": SAY + " اليوم", "spans": [span], "answer": "ignore", "meta": {"id": "c"}})  # fmt: skip
    report = _import(project, path)
    assert report.not_imported == {
        "rejected example(s) (text imported, annotations not)": 1,
        "ignored example(s) (text imported, annotations not)": 1,
    }
    assert project.document_count() == 3
    assert project.annotators() == ["news-layla"]
    (got,) = project.spans(project.find_document("a").id, "news-layla")
    assert (got.text, got.label) == ("الوزير", "speaker")
    assert project.spans(project.find_document("b").id, "news-layla") == []


def test_relations_by_token_index_without_head_span(tmp_path: Path, project: Project) -> None:
    tokens = _tokens(SAY)  # قال الوزير 😀 إن المحادثات مثمرة
    spans = [{"token_start": 1, "token_end": 1, "label": "speaker"},
             {"token_start": 4, "token_end": 5, "label": "claim"}]  # fmt: skip
    relations = [{"head": 5, "child": 1, "label": "attributed_to"},
                 {"head": 0, "child": 1, "label": "holder"}]  # fmt: skip
    path = _lines(tmp_path / "rel.jsonl", {"text": SAY, "tokens": tokens, "spans": spans,
                                           "relations": relations, "answer": "accept"})  # fmt: skip
    report = _import(project, path, annotator="omar")
    assert report.not_imported == {"relation(s) between tokens outside any span": 1}
    layer = project.layer(next(project.documents()).id, "omar")
    assert [s.text for s in layer.spans] == ["الوزير", "المحادثات مثمرة"]
    assert [(r.head, r.child, r.label) for r in layer.relations] == [("s2", "s1", "attributed_to")]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ({"text": SAY, "answer": "maybe"}, "'answer' must be one of accept, reject, ignore"),
        ({"text": SAY, "answer": "accept", "spans": "x"}, "'spans' must be a list"),
        ({"text": SAY, "answer": "accept", "spans": [{"start": "0", "end": 3, "label": "speaker"}]},
         "span 1: 'start' must be a whole number"),
        ({"text": SAY, "answer": "accept", "spans": [{"start": 0, "end": 3, "label": 7}]},
         "span 1: 'label' must be a string"),
        ({"text": SAY, "answer": "accept", "spans": [{"start": 0, "end": 999, "label": "speaker"}]},
         "outside the text"),
        ({"text": SAY, "answer": "accept", "tokens": [{"start": 0, "end": 3}],
          "spans": [{"token_start": 0, "token_end": 4, "label": "speaker"}]}, "not in the token list"),
        ({"text": SAY, "answer": "accept", "spans": [{"start": 0, "end": 3, "label": "speaker"}],
          "relations": [{"head": "0", "child": 0, "label": "holder"}]}, "'head' must be a whole number"),
        ({"text": SAY, "answer": "accept", "relations": [7]}, "relation 1 must be an object"),
        ({"text": SAY, "answer": "accept", "tokens": [3]}, "token 1 must be an object"),
    ],
)  # fmt: skip
def test_hostile_lines_name_the_file_and_line(
    tmp_path: Path, project: Project, line: Any, problem: str
) -> None:
    path = _lines(tmp_path / "bad.jsonl", {"text": "سطر أول", "answer": "accept"}, line)
    with pytest.raises(InputError, match=r"bad\.jsonl, line 2: ") as info:
        _import(project, path)
    assert problem in str(info.value)
    assert project.document_count() == 0


def test_detected_by_content(tmp_path: Path, project: Project) -> None:
    path = _lines(tmp_path / "data.json", {"text": SAY, "answer": "reject", "_input_hash": 1})
    report = _import(project, path)
    assert report.documents_added == 1 and report.not_imported
