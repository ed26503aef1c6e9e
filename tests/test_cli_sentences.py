"""One clear sentence for each refusal a command-line tester found misleading: it says what is
wrong in the user's terms (which key of which line, which command to use instead), never Python's
words, and exits with the documented status (2 bad input or usage, 3 the project unusable)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.store import Project
from tests.helpers_cli import run

TEXT = "قال الرئيس إن الاتفاق قريب"


def _write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ({"text": TEXT, "label": [["a", 9, "speaker"]]},
         "label 1: the start must be a whole number, not \"a\""),
        ({"text": TEXT, "label": [[4, 10, "speaker", "extra"]]},
         "label 1 must be [start, end, label], not [4, 10, \"speaker\", \"extra\"]"),
        ({"text": TEXT, "label": "speaker"}, "'label' must be a list of [start, end, label]"),
        ({"text": TEXT, "entities": [{"id": 1, "start_offset": 4, "end_offset": 10,
                                      "label": "speaker"}],
          "relations": [{"id": 1, "from_id": 1, "to_id": 7, "type": "attributed_to"}]},
         "relation 1: 'to_id' 7 is not the id of an entity of this line"),
        ({"text": TEXT, "entities": [{"id": 1, "start_offset": 4, "label": "speaker"}]},
         "entity 1 has no 'end_offset'"),
        ({"text": TEXT, "entities": [{"id": 1, "start_offset": 4, "end_offset": 1.5,
                                      "label": "speaker"}]},
         "entity 1: 'end_offset' must be a whole number, not 1.5"),
    ],
)  # fmt: skip
def test_doccano_refusals_name_the_key_and_value_not_python(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line: dict[str, object], said: str
) -> None:
    path = _write(tmp_path / "layla.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path, "--format", "doccano")
    assert code == 2
    assert f"{path}, line 1: {said}" in err, err
    for python in ("invalid literal", "unpack", "missing '", "KeyError", "int()"):
        assert python not in err


def test_a_span_that_ends_before_it_starts_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    span = {"id": "s1", "start": 2, "end": 1, "label": "speaker"}
    line = {"id": "a", "text": TEXT, "annotations": [{"annotator": "x", "spans": [span]}]}
    path = _write(tmp_path / "v1.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2 and "span s1 [2, 1) ends before it starts" in err
    assert "outside" not in err


def test_one_document_twice_in_a_new_file_names_both_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = [
        {"id": "a", "text": TEXT, "annotations": [{"annotator": "x", "spans": [
            {"id": "s1", "start": 0, "end": 3, "label": "speaker"}]}]},
        {"id": "b", "text": TEXT, "annotations": []},
        {"id": "a", "text": TEXT, "annotations": [{"annotator": "x", "spans": [
            {"id": "s1", "start": 4, "end": 10, "label": "speaker"}]}]},
    ]  # fmt: skip
    path = _write(tmp_path / "v9.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    db = tmp_path / "p.db"
    code, _out, err = run(capsys, "import", db, path)
    assert code == 2
    assert f"{path}" in err and "lines 1 and 3" in err and "twice" in err and "'x'" in err
    assert "the project already has" not in err
    assert not db.exists() or list(Project.open(db).documents()) == []


def test_a_tab_separated_file_is_read_with_tabs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path / "x.tsv", "a\tb\n1\t2\n")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2 and "'a', 'b'" in err and "a\\tb" not in err
    plain = _write(tmp_path / "z.tsv", f"id\tكلمة\tnote\n1\t{TEXT}\tx\n")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", plain)
    assert code == 2 and "'id', 'كلمة', 'note'" in err


def test_webanno_tsv_4_is_named_and_export_as_3_3_suggested(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(
        tmp_path / "a.tsv", "#FORMAT=WebAnno TSV 4.0\n#T_SP=x|y\n\n\n#Text=قال\n1-1\t0-3\tقال\t_\n"
    )
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2 and "WebAnno TSV 4.0 is not read" in err and "3.3" in err


def test_a_label_studio_task_whose_data_is_not_an_object_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path / "ls.json", '[{"id": 1, "data": "x", "annotations": []}]')
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2 and "task 1 (id 1): 'data' must be an object with the text" in err


def test_importing_a_project_file_points_to_merge(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "layla copy #1.db"
    assert run(capsys, "import", other, _write(tmp_path / "a.txt", TEXT))[0] == 0
    code, _out, err = run(capsys, "import", tmp_path / "p.db", other)
    assert code == 2
    assert "this is a project file" in err and "annotator merge" in err and "--format" not in err


def test_restore_on_a_file_that_is_not_a_project_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path / "x.tsv", "a\tb\n")
    code, _out, err = run(capsys, "restore", path)
    assert code == 3 and "is not an annotator project" in err and "backups" not in err


def test_restore_and_init_misuse_is_bad_usage(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.db"
    assert run(capsys, "import", db, _write(tmp_path / "a.txt", TEXT))[0] == 0
    code, _out, err = run(capsys, "restore", db, "99")
    assert code == 2 and "no backups" in err
    assert run(capsys, "backups", db, "--now")[0] == 0
    code, _out, err = run(capsys, "restore", db, "99")
    assert code == 2 and "has 1 backup; give 1" in err
    code, _out, err = run(capsys, "restore", db, tmp_path / "nonexist.db")
    assert code == 2 and "does not exist" in err
    code, _out, err = run(capsys, "init", db)
    assert code == 2 and "already exists" in err


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_an_export_into_a_folder_that_takes_no_files_names_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "p.db"
    assert run(capsys, "import", db, _write(tmp_path / "a.txt", TEXT))[0] == 0
    code, _out, err = run(
        capsys, "export", db, "--format", "jsonl", "--layer", "all", "--out", "/proc/x"
    )
    assert code == 2
    assert "cannot create /proc/x (no such folder)" in err, err
    assert "No such file or directory" not in err


@pytest.mark.parametrize("fmt", ["brat", "webanno"])
def test_a_document_id_too_long_for_a_file_name_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    long_id = "مقال-" + "x" * 295
    span = {"id": "s1", "start": 0, "end": 3, "label": "speaker"}
    line = {"id": long_id, "text": TEXT, "annotator": "layla", "status": "done", "spans": [span]}
    db = tmp_path / "p.db"
    path = _write(tmp_path / "a.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    assert run(capsys, "import", db, path)[0] == 0
    out = tmp_path / "out"
    layer = ["--annotator", "layla"] if fmt == "brat" else ["--layer", "all"]
    code, _out, err = run(capsys, "export", db, "--format", fmt, *layer, "--out", out)
    assert code == 2, err
    assert "its id is too long for a file name" in err and long_id[:20] in err
    assert "Traceback" not in err and "File name too long" not in err


def test_a_brat_folder_without_annotator_says_the_layer_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    _write(folder / "a.txt", TEXT)
    _write(folder / "a.ann", "T1\tspeaker 4 10\tالرئيس\n")
    code, out, err = run(capsys, "import", tmp_path / "p.db", folder)
    assert code == 0, err
    assert "layer 'brat'" in out + err and "--annotator" in out + err


def test_txt_files_in_a_guessed_encoding_get_the_same_note_as_csv(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    txt = _write(tmp_path / "cp.txt", f"عنوان\n{TEXT}\n".encode("cp1256"))
    csv = _write(tmp_path / "cp.csv", f"text\n{TEXT} آخر\n".encode("cp1256"))
    code, out, err = run(capsys, "import", tmp_path / "p.db", txt, csv)
    assert code == 0, err
    notes = [line for line in (out + err).splitlines() if line.startswith("Note:")]
    assert any(str(txt) in n for n in notes) and any(str(csv) in n for n in notes), notes
