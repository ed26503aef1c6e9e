"""Moving existing work over: doccano (UTF-16 or grapheme offsets) and Label Studio exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.schema import default_schema
from annotator.store import Project

TEXT = "😀 قالَ الوزيرُ إنّ المحادثاتِ مثمرةٌ"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project.create(tmp_path / "p.db", default_schema())


def _import(project: Project, path: Path, **kw: str) -> object:
    opts = ImportOptions(label_ids=project.schema.label_ids, schema=project.schema, **kw)  # type: ignore[arg-type]
    return project.add_documents(read_inputs([path], opts))


def _units(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return len(text[:i].encode("utf-16-le")) // 2, len(
        text[: i + len(word)].encode("utf-16-le")
    ) // 2


def test_doccano_utf16_offsets_after_an_emoji(tmp_path: Path, project: Project) -> None:
    s, e = _units(TEXT, "الوزيرُ")
    path = tmp_path / "layla.jsonl"
    lines = [
        {"id": 7, "text": TEXT, "label": [[s, e, "Speaker"]]},
        {"text": "لم يلمسه أحد", "label": []},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    _import(project, path, format="doccano")
    doc = project.find_document("7")
    (span,) = project.spans(doc.id, "layla")
    assert (span.text, span.label) == ("الوزيرُ", "speaker")
    assert project.status(doc.id, "layla") == "done"
    untouched = next(d for d in project.documents() if d.ext_id != "7")
    assert project.status(untouched.id, "layla") == "todo"


def test_doccano_grapheme_offsets(tmp_path: Path, project: Project) -> None:
    import regex

    graphemes = [m.group() for m in regex.finditer(r"\X", TEXT)]
    target = "المحادثاتِ"
    g_start = next(i for i in range(len(graphemes)) if "".join(graphemes[i:]).startswith(target))
    g_end = g_start + len(regex.findall(r"\X", target))
    path = tmp_path / "omar.jsonl"
    path.write_text(
        json.dumps({"text": TEXT, "label": [[g_start, g_end, "claim"]]}, ensure_ascii=False),
        encoding="utf-8",
    )
    _import(project, path, format="doccano", offsets="grapheme")
    (span,) = project.spans(next(project.documents()).id, "omar")
    assert span.text == target


def test_doccano_unknown_label_names_the_line(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        '{"text": "abc", "label": []}\n{"text": "abc d", "label": [[0, 3, "PERSON"]]}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"x\.jsonl, line 2: .*'PERSON' is not in the schema"):
        _import(project, path, format="doccano")
    assert project.document_count() == 0


def test_label_studio_layers_choices_relations_and_predictions(
    tmp_path: Path, project: Project
) -> None:
    text = "قال الوزير:\nإن المحادثات مثمرة"
    sp, cl = text.index("الوزير"), text.index("المحادثات مثمرة")
    region = lambda rid, s, e, lab: {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",  # noqa: E731
                                     "value": {"start": s, "end": e, "text": text[s:e].replace("\n", "\\n"), "labels": [lab]}}  # fmt: skip
    task = {
        "id": 42, "data": {"text": text, "source": "wire"},
        "annotations": [
            {"completed_by": 3, "result": [
                region("a1", sp, sp + 6, "Speaker"), region("a2", cl, cl + 15, "Claim"),
                {"id": "a1", "from_name": "kind", "to_name": "text", "type": "choices", "value": {"choices": ["person"]}},
                {"type": "relation", "from_id": "a2", "to_id": "a1", "direction": "right", "labels": ["attributed_to"]},
            ]},
            {"completed_by": {"id": 4, "email": "omar@example.org"}, "result": [
                region("b1", 0, 3, "event"),
                {"type": "relation", "from_id": "b1", "to_id": "b1", "direction": "left", "labels": []},
            ], "was_cancelled": True},
        ],
        "predictions": [{"model_version": "rules", "result": [region("p1", sp, sp + 6, "speaker")]}],
    }  # fmt: skip
    path = tmp_path / "export.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    _import(project, path)  # .json is read as Label Studio
    doc = project.find_document("42")
    assert doc.meta == {"source": "wire"}
    layer = project.layer(doc.id, "user3")
    assert [(s.text, s.label, s.attributes) for s in layer.spans] == [
        ("الوزير", "speaker", {"kind": "person"}), ("المحادثات مثمرة", "claim", {})]  # fmt: skip
    assert [(r.head, r.child, r.label) for r in layer.relations] == [("s2", "s1", "attributed_to")]
    assert layer.status == "done"
    assert "omar@example.org" not in project.annotators()  # the cancelled annotation
    assert [s.text for s in project.spans(doc.id, "suggestions")] == ["الوزير"]


def test_label_studio_bad_file(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        '[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0}}]}]}]',
        encoding="utf-8",
    )
    with pytest.raises(
        InputError, match=r"bad\.json: task 1, annotation 1, result 1: 'value.labels' is missing"
    ):
        _import(project, path)
