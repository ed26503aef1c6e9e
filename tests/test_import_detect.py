"""Format detection reads the content, each format reads its own exports back, and it never guesses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.importers import read_inputs
from annotator.importers.formats import FORMATS, detect
from annotator.importers.options import ImportOptions
from annotator.jobs.export import export_dataset
from annotator.model.document import DocumentRecord, Layer, Span
from annotator.store import Project
from tests.conftest import ARTICLE


def _import(project: Project, *paths: Path, **kw: str) -> object:
    opts = ImportOptions(label_ids=project.schema.label_ids, **kw)  # type: ignore[arg-type]
    return project.add_documents(read_inputs(list(paths), opts))


def _annotated(project: Project) -> None:
    start = ARTICLE.index("وزير الخارجية")
    span = Span(start, start + len("وزير الخارجية"), "speaker", "وزير الخارجية", {}, "s1")
    project.add_documents(
        [DocumentRecord("d1", "t", ARTICLE, layers=[Layer("layla", "done", [span])])]
    )


@pytest.mark.parametrize("name", ["layla.jsonl", "admin.json", "file.json1", "export.jsonl"])
def test_doccano_is_recognised_by_its_keys_whatever_the_name(
    tmp_path: Path, project: Project, name: str
) -> None:
    s = ARTICLE.index("وزير")
    lines = [
        {"text": "لا وسم هنا", "label": []},
        {"id": 3, "text": ARTICLE, "label": [[s, s + 4, "speaker"]]},
    ]
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    _import(project, path)  # no --format
    doc = project.find_document("3")
    assert [sp.text for sp in project.spans(doc.id, Path(name).stem)] == ["وزير"]


def test_a_doccano_file_named_like_a_reserved_layer_asks_for_annotator(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "all.jsonl"
    path.write_text(json.dumps({"text": "abc", "label": [[0, 3, "speaker"]]}) + "\n", "utf-8")
    with pytest.raises(InputError, match=r"all\.jsonl: .*'all'.*--annotator"):
        _import(project, path)
    _import(project, path, annotator="layla")
    assert project.document_count() == 1


def test_doccano_entities_shape(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "abc", "entities": [], "relations": []}) + "\n", "utf-8")
    assert detect(path).name == "doccano"


def test_label_studio_by_data_and_annotations(tmp_path: Path) -> None:
    path = tmp_path / "tasks.txt.json"
    path.write_text(
        json.dumps([{"id": 1, "data": {"text": "x"}, "annotations": []}], indent=2), "utf-8"
    )
    assert detect(path).name == "label-studio"


def test_native_jsonl_by_content(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text(json.dumps({"id": "a", "text": "x", "spans": []}) + "\n", "utf-8")
    assert detect(path).name == "jsonl"


def test_exported_brat_folder_comes_back_with_its_manifest_ignored(
    tmp_path: Path, project: Project
) -> None:
    _annotated(project)
    out = tmp_path / "brat"
    export_dataset(project, "brat", out, "layla")
    assert (out / "manifest.json").exists()
    with Project.create(tmp_path / "back.db", project.schema) as back:
        _import(back, out)  # no --format
        assert back.document_count() == 1
        doc = next(back.documents())
        assert [s.text for s in back.spans(doc.id, "brat")] == ["وزير الخارجية"]


def test_exported_jsonl_folder_comes_back_with_its_manifest_ignored(
    tmp_path: Path, project: Project
) -> None:
    _annotated(project)
    out = tmp_path / "out"
    out.mkdir()
    export_dataset(project, "jsonl", out / "data.jsonl", "layla")
    (manifest,) = out.glob("*manifest.json")  # data.manifest.json (SPEC 5) or manifest.json
    with Project.create(tmp_path / "back.db", project.schema) as back:
        _import(back, out)
        doc = next(back.documents())
        assert [s.text for s in back.spans(doc.id, "layla")] == ["وزير الخارجية"]
    with pytest.raises(InputError, match="manifest of an export"):
        _import(project, manifest)


def test_exported_doccano_file_comes_back(tmp_path: Path, project: Project) -> None:
    _annotated(project)
    out = tmp_path / "layla.jsonl"
    export_dataset(project, "doccano", out, "layla")
    with Project.create(tmp_path / "back.db", project.schema) as back:
        _import(back, out)
        doc = next(back.documents())
        assert [s.text for s in back.spans(doc.id, "layla")] == ["وزير الخارجية"]


@pytest.mark.parametrize("sep", [";", "\t", ","])
def test_csv_separator_is_sniffed(tmp_path: Path, project: Project, sep: str) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f"id{sep}text{sep}date\nx1{sep}نص المقال{sep}2024\n", encoding="utf-8")
    _import(project, path)
    doc = project.find_document("x1")
    assert (doc.text, doc.meta) == ("نص المقال", {"date": "2024"})


def test_a_brat_folder_without_ann_files_says_so(tmp_path: Path, project: Project) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "a.txt").write_text("نص", encoding="utf-8")
    (tmp_path / "c").mkdir()
    with pytest.raises(InputError, match=r"no brat \.ann files"):
        _import(project, tmp_path / "c", format="brat")


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("odd.xyz", "abc", "give --format"),
        ("spread.json", '{\n  "x": 1\n}\n', "give --format"),
        # named JSON Lines: the JSONL reader says which line is wrong and how
        ("list.json", json.dumps([{"x": 1}]), "line 1: the line is a JSON list"),
        ("list.json", "[1, 2, 3]", "line 1: the line is a JSON list"),
        ("lines.jsonl", '{"body": "no text key"}\n', "line 1: the line has no 'text'"),
        ("empty.json", "", "the file is empty"),
    ],
)
def test_when_it_cannot_tell_it_asks_for_format_or_says_what_is_wrong(
    tmp_path: Path, project: Project, name: str, content: str, said: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(said)):
        _import(project, path)
    assert project.document_count() == 0


def test_registry_names_are_the_cli_choices() -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    help_text = CliRunner().invoke(cli, ["import", "--help"]).output
    assert all(f.name in help_text for f in FORMATS)
