"""Importing files: txt, folders, native JSONL (both forms), CSV; all-or-nothing; duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.conftest import ARTICLE


def _import(project: Project, *paths: Path, **kw: object) -> object:
    opts = ImportOptions(annotator=str(kw.pop("annotator", "")))
    return project.add_documents(
        read_inputs(list(paths), opts), default_annotator=opts.annotator, **kw
    )  # type: ignore[arg-type]


def _line(
    doc_id: str, text: str, spans: list[dict[str, object]] | None = None, **extra: object
) -> str:
    obj: dict[str, object] = {"id": doc_id, "text": text, **extra}
    if spans is not None:
        obj["spans"] = spans
    return json.dumps(obj, ensure_ascii=False)


def test_txt_folder_recursively_with_titles(tmp_path: Path, project: Project) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("\n\nالعنوان الأول\nنص المقال.", encoding="utf-8")
    (tmp_path / "in" / "sub" / "b.txt").write_bytes("عنوان ثانٍ\r\nنص".encode("cp1256"))
    (tmp_path / "in" / "notes.md").write_text("ignored")
    report = _import(project, tmp_path / "in")
    assert report.documents_added == 2  # type: ignore[attr-defined]
    docs = {d.ext_id: d for d in project.documents()}
    assert docs["a"].title == "العنوان الأول"
    assert docs["b"].text == "عنوان ثانٍ\nنص"


def test_same_article_in_three_encodings_is_one_stored_text(
    tmp_path: Path, project: Project
) -> None:
    (tmp_path / "u8.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "cp.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1256"))
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    report = _import(project, tmp_path / "u8.txt", tmp_path / "cp.txt", tmp_path / "u16.txt")
    assert report.documents_added == 1 and sorted(report.documents_present) == ["cp", "u16"]  # type: ignore[attr-defined]
    assert next(project.documents()).text == ARTICLE


def test_importing_the_same_thousand_documents_twice_adds_nothing(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(
        "\n".join(_line(f"d{i}", f"{ARTICLE} رقم {i}") for i in range(1000)), encoding="utf-8"
    )
    assert _import(project, path).documents_added == 1000  # type: ignore[attr-defined]
    second = _import(project, path)
    assert second.documents_added == 0 and len(second.documents_present) == 1000  # type: ignore[attr-defined]
    assert project.document_count() == 1000


def test_malformed_line_3_of_5_names_the_line_and_changes_nothing(
    tmp_path: Path, project: Project
) -> None:
    lines = [_line(f"d{i}", f"{ARTICLE} {i}") for i in range(5)]
    lines[2] = '{"id": "d2", "text": '
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl, line 3: not valid JSON"):
        _import(project, path)
    assert project.document_count() == 0
    report = _import(project, path, skip_bad=True)
    assert (
        report.documents_added == 4 and len(report.skipped) == 1 and "line 3" in report.skipped[0]
    )  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ({"start": 0, "end": 500, "label": "speaker"}, "outside the text"),
        (
            {"start": 0, "end": 3, "label": "speaker", "text": "xyz"},
            "does not match the document text",
        ),
        ({"start": 0, "end": 3, "label": "person"}, "unknown label 'person'"),
        (
            {"start": 0, "end": 3, "label": "claim", "attributes": {"form": "rumour"}},
            "'rumour' is not a value",
        ),
    ],
)
def test_bad_spans_are_refused_with_the_line(
    tmp_path: Path, project: Project, span: dict[str, object], message: str
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        _line("ok", "نص سليم") + "\n" + _line("d", ARTICLE, [span], annotator="a"), encoding="utf-8"
    )
    with pytest.raises(InputError, match=rf"x\.jsonl, line 2: .*{message}"):
        _import(project, path)
    assert project.document_count() == 0


def test_jsonl_single_and_multi_layer_forms_with_relations(
    tmp_path: Path, project: Project
) -> None:
    text = "قال الوزير إن المحادثات مثمرة"
    sp = {
        "id": "s1",
        "start": 4,
        "end": 10,
        "label": "speaker",
        "text": "الوزير",
        "attributes": {"kind": "person"},
    }
    cl = {"id": "s2", "start": 14, "end": 29, "label": "claim", "text": "المحادثات مثمرة"}
    rel = {"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"}
    multi = {"id": "m", "text": text + ".", "annotations": [
        {"annotator": "a", "status": "done", "spans": [sp, cl], "relations": [rel]},
        {"annotator": "b", "status": "in_progress", "spans": [sp]}]}  # fmt: skip
    path = tmp_path / "x.jsonl"
    path.write_text(
        _line("single", text, [sp, cl], relations=[rel], status="done")
        + "\n"
        + json.dumps(multi, ensure_ascii=False),
        encoding="utf-8",
    )
    report = _import(project, path, annotator="layla")
    assert (report.documents_added, report.spans, report.relations) == (2, 5, 2)  # type: ignore[attr-defined]
    single = project.find_document("single")
    layer = project.layer(single.id, "layla")
    assert layer.status == "done" and [s.sid for s in layer.spans] == ["s1", "s2"]
    assert [(r.rid, r.head, r.child, r.label) for r in layer.relations] == [
        ("r1", "s2", "s1", "attributed_to")
    ]
    m = project.find_document("m")
    assert project.layer_names(m.id) == ["a", "b"]


def test_crlf_in_jsonl_text_moves_spans_onto_the_stored_text(
    tmp_path: Path, project: Project
) -> None:
    raw = "سطر أول\r\nقال الوزير"
    start = raw.index("الوزير")
    path = tmp_path / "x.jsonl"
    path.write_text(
        _line("d", raw, [{"start": start, "end": start + 6, "label": "speaker"}], annotator="a"),
        encoding="utf-8",
    )
    _import(project, path)
    doc = project.find_document("d")
    (span,) = project.spans(doc.id, "a")
    assert doc.text[span.start : span.end] == "الوزير" and "\r" not in doc.text


def test_csv_with_text_id_title_and_metadata(tmp_path: Path, project: Project) -> None:
    path = tmp_path / "a.csv"
    path.write_text('id,title,text,date\nx1,عنوان,"نص\nالمقال",2024-01-02\n', encoding="utf-8")
    _import(project, path)
    doc = project.find_document("x1")
    assert (doc.title, doc.text, doc.meta) == ("عنوان", "نص\nالمقال", {"date": "2024-01-02"})
    bad = tmp_path / "b.csv"
    bad.write_text("body\nx\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.csv, line 1: the CSV header has no 'text' column"):
        _import(project, bad)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n", "the file is empty"),
        ("bin.txt", b"\x00\x01\x02\x03" * 100, "binary file"),
        ("odd.xyz", b"abc", "cannot tell the format"),
    ],
)
def test_bad_files_give_one_sentence(
    tmp_path: Path, project: Project, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        _import(project, path)
    assert project.document_count() == 0


def test_shared_samples_import_with_their_titles(shared_samples: Path, tmp_path: Path) -> None:
    with Project.create(tmp_path / "s.db", default_schema()) as p:
        assert _import(p, shared_samples).documents_added == 3  # type: ignore[attr-defined]
        assert all(d.title and "\r" not in d.text for d in p.documents())
