"""Inputs an import cannot carry whole are refused with file and line, or counted in the summary:
malformed CSV, Label Studio values of the wrong kind, contradictory --map, and the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.store import Project
from tests.helpers_cli import run

TEXT = "قال الرئيس إن الاقتصاد ينمو."


def test_an_unterminated_quote_in_a_csv_is_refused_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b'id,text\n0,ok\n1,"unterminated\n2,foo\n')
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2
    assert "x.csv, line 3" in err and "quote" in err
    assert not (tmp_path / "p.db").exists()


def test_a_quoted_field_over_several_lines_is_still_one_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.csv"
    path.write_text('id,text\n1,"سطر\nوسطر"\n2,"آخر"\n', encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 0, err
    with Project.open(tmp_path / "p.db") as p:
        assert sorted(d.text for d in p.documents()) == ["آخر", "سطر\nوسطر"]


def test_two_csv_columns_with_one_name_are_refused_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.csv"
    path.write_text("id,text,Text \n1,first,second\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2
    assert "d.csv, line 1" in err and "columns 2 and 3" in err


def _ls_task(annotations: object) -> list[dict[str, object]]:
    return [{"id": 7, "data": {"text": TEXT}, "annotations": annotations}]


@pytest.mark.parametrize("annotations", [{}, "none", 0, False])
def test_label_studio_annotations_that_are_not_a_list_are_refused_naming_the_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], annotations: object
) -> None:
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(_ls_task(annotations)), encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2
    assert "ls.json" in err and "task 1 (id 7)" in err and "'annotations' must be a list" in err


def test_label_studio_without_annotations_still_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(_ls_task(None)), encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 0, err


def test_one_name_mapped_to_two_names_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = TEXT.index("الرئيس")
    result = {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
              "value": {"start": start, "end": start + 6, "labels": ["PER"]}}  # fmt: skip
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(_ls_task([{"completed_by": 1, "result": [result]}])), "utf-8")
    db = tmp_path / "p.db"
    code, _out, err = run(capsys, "import", db, path, "--map", "PER=speaker", "--map", "PER=claim")
    assert code == 2
    assert "'PER'" in err and "'speaker'" in err and "'claim'" in err
    assert not db.exists()
    code, _out, err = run(
        capsys, "import", db, path, "--map", "PER=speaker", "--map", "PER=speaker"
    )
    assert code == 0, err
    with Project.open(db) as p:
        doc = next(p.documents())
        assert [s.label for s in p.layer(doc.id, "user1").spans] == ["speaker"]


def test_a_folder_import_names_the_files_it_does_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in #1"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\nنص المقال.", encoding="utf-8")
    (folder / "b.docx").write_bytes(b"PK\x03\x04")
    (folder / "c.pdf").write_bytes(b"%PDF-1.7")
    code, out, err = run(capsys, "import", tmp_path / "p.db", folder, "--quiet")
    assert code == 0, err
    assert "2 files not imported" in out and "b.docx" in out and "c.pdf" in out


def test_a_brat_folder_names_the_files_it_does_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "d.txt").write_text("قال الوزير", encoding="utf-8")
    (folder / "d.ann").write_text("T1\tspeaker 4 10\tالوزير\n", encoding="utf-8")
    (folder / "annotation.conf").write_text("[entities]\nspeaker\n", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK")
    code, out, err = run(capsys, "import", tmp_path / "p.db", folder)
    assert code == 0, err
    assert "1 file not imported" in out and "notes.docx" in out
    assert "annotation.conf" not in out


BRAT_TEXT = "Xi Jinping met the\nminister today."


def _brat(tmp_path: Path, ann: str) -> Path:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "d.txt").write_text(BRAT_TEXT, encoding="utf-8")
    (folder / "d.ann").write_text(ann, encoding="utf-8")
    return folder


def test_a_discontinuous_brat_span_is_counted_not_widened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ann = ("T1\tspeaker 0 10\tXi Jinping\nT9\tevent 0 2;11 14\tXi met\n"
           "A1\tsure T9\nR1\tattributed_to Arg1:T9 Arg2:T1\n")  # fmt: skip
    code, out, err = run(capsys, "import", tmp_path / "p.db", _brat(tmp_path, ann))
    assert code == 0, err
    assert "1 brat discontinuous span with text between their pieces" in out
    assert "1 brat attribute of those" in out and "1 brat relation to those" in out
    with Project.open(tmp_path / "p.db") as p:
        doc = next(p.documents())
        assert [(s.start, s.end, s.label) for s in p.layer(doc.id, "brat").spans] == [
            (0, 10, "speaker")
        ]


def test_a_brat_span_split_at_a_line_break_is_one_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = BRAT_TEXT.index("the")
    ann = f"T1\tevent {start} {start + 3};{start + 4} {start + 12}\tthe minister\n"
    code, out, err = run(capsys, "import", tmp_path / "p.db", _brat(tmp_path, ann))
    assert code == 0, err
    assert "Not imported" not in out
    with Project.open(tmp_path / "p.db") as p:
        doc = next(p.documents())
        [span] = p.layer(doc.id, "brat").spans
        assert (span.start, span.end, span.text) == (start, start + 12, "the\nminister")


WEBANNO = (
    "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label\n\n\n"
    "#Text=Xi Jinping spoke .\n"
    "1-1\t0-2\tXi\tspeaker[1]\t\n1-2\t3-10\tJinping\tspeaker[1]\t\n"
    "1-3\t11-16\tspoke\t_\t\n1-4\t17-18\t.\t_\t\n"
)


@pytest.mark.parametrize("missing", ["1-2\t", "1-4\t"])
def test_a_webanno_token_line_missing_is_refused_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], missing: str
) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    path = folder / "layla.tsv"
    lines = WEBANNO.split("\n")
    path.write_text("\n".join(x for x in lines if not x.startswith(missing)), encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2
    assert "layla.tsv" in err and "line " in err and "no token line" in err
    assert not (tmp_path / "p.db").exists()


def test_a_whole_webanno_file_still_imports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    (folder / "layla.tsv").write_text(WEBANNO, encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", folder / "layla.tsv")
    assert code == 0, err
    with Project.open(tmp_path / "p.db") as p:
        doc = next(p.documents())
        assert [s.text for s in p.layer(doc.id, "layla").spans] == ["Xi Jinping"]


def test_accepted_prodigy_examples_of_one_text_combine_into_one_layer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    speaker, claim = TEXT.index("الرئيس"), TEXT.index("الاقتصاد")
    examples = [
        {"text": TEXT, "spans": [{"start": speaker, "end": speaker + 6, "label": "speaker"}],
         "answer": "accept", "_input_hash": 1},
        {"text": TEXT, "spans": [{"start": claim, "end": claim + 8, "label": "claim"}],
         "answer": "accept", "_input_hash": 1},
        {"text": TEXT, "spans": [{"start": speaker, "end": speaker + 6, "label": "speaker"}],
         "answer": "reject", "_input_hash": 1},
    ]  # fmt: skip
    path = tmp_path / "pr.jsonl"
    path.write_text("\n".join(json.dumps(e) for e in examples), encoding="utf-8")
    code, out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 0, err
    assert "1 accepted example repeats" in out and "combined" in out
    assert "1 rejected example (text imported" in out
    with Project.open(tmp_path / "p.db") as p:
        assert p.document_count() == 1
        doc = next(p.documents())
        spans = p.layer(doc.id, "pr").spans
        assert sorted((s.start, s.label) for s in spans) == [(speaker, "speaker"), (claim, "claim")]


def test_a_layer_conflict_names_a_document_without_an_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = TEXT.index("الرئيس")
    lines = [
        json.dumps({"text": TEXT, "spans": [{"start": start, "end": start + 6, "label": label}]})
        for label in ("speaker", "claim")
    ]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path, "--annotator", "layla")
    assert code == 2
    assert "x.jsonl: document " in err and "twice, lines 1 and 2" in err and "'layla'" in err
    assert "()" not in err and "document  is" not in err
