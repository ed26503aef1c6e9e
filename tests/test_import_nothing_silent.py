"""Inputs an import cannot carry whole are refused with file and line, or counted in the summary:
malformed CSV, Label Studio values of the wrong kind, contradictory --map, and the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.store import Project

TEXT = "قال الرئيس إن الاقتصاد ينمو."


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """The real entry point in this process: (exit status, stdout, stderr)."""
    try:
        main([str(a) for a in args])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


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
