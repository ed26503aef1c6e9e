"""Breaks a tester found in imports and command-line plumbing, each kept as a test: the project's
own files in a folder import, duplicate layers, wrong types, misleading messages, pipes, -q."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.store import Project
from tests.helpers_cli import run

TEXT = "قال الرئيس إن الاقتصاد ينمو."


def test_importing_the_folder_that_holds_the_project_skips_its_own_files_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(f"عنوان\n{TEXT}\n", encoding="utf-8")
    assert run(capsys, "import", "sub/g.db", "sub/a.txt")[0] == 0
    assert run(capsys, "backups", "sub/g.db", "--now")[0] == 0
    (tmp_path / "b.txt").write_text("عنوان آخر\nنص آخر هنا.\n", encoding="utf-8")
    # the import's own note of what runs (g.db.backups/running-PID.json) is written meanwhile
    code, out, err = run(capsys, "import", "sub/g.db", "sub", "b.txt")
    assert code == 0, err
    assert "own files were not read" in out + err and "g.db.backups/" in out + err
    code, out, err = run(capsys, "import", "f.db", ".", "--json")
    assert code == 0, err
    notes = json.loads(out)["notes"]
    assert any("own files" in n and "f.db.backups/" in n for n in notes)
    with Project.open(tmp_path / "f.db", readonly=True) as p:
        assert p.stats().documents == 2


@pytest.mark.parametrize("args", [("import", "e.db", ""), ("import", "", "a.txt")])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    code, _out, err = run(capsys, *args)
    assert code == 2
    assert "empty path" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_the_project_file_given_as_input_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert run(capsys, "import", tmp_path / "p.db", tmp_path / "a.txt")[0] == 0
    code, _out, err = run(capsys, "import", tmp_path / "p.db", tmp_path / "p.db")
    assert code == 2
    assert "p.db: this is the project being imported into" in err


def _jsonl(tmp_path: Path, *objs: object) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs), "utf-8")
    return path


SPAN = {"start": 0, "end": 3, "label": "speaker"}


@pytest.mark.parametrize(
    "second",
    [
        {"annotator": "a", "status": "done", "spans": [SPAN]},  # identical: was exit 70
        {"annotator": "a", "status": "todo"},  # different: was "2 added", one dropped
    ],
)
def test_one_annotator_twice_in_a_documents_annotations_is_refused_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], second: dict[str, object]
) -> None:
    first = {"annotator": "a", "status": "done", "spans": [SPAN]}
    path = _jsonl(tmp_path, {"id": "ok", "text": "نص أول."},
                  {"id": "d", "text": TEXT, "annotations": [first, second]})  # fmt: skip
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2
    assert "in.jsonl, line 2:" in err and "two layers of the annotator 'a'" in err
    assert "Traceback" not in err and "unexpected" not in err
    assert not (tmp_path / "p.db").exists()


def _ls_task(*names: str) -> list[dict[str, object]]:
    result = {"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
              "value": {"start": 0, "end": 3, "text": TEXT[:3], "labels": ["speaker"]}}  # fmt: skip
    anns = [{"completed_by": {"email": n}, "result": [result] if i else []}
            for i, n in enumerate(names)]  # fmt: skip
    return [{"id": 7, "data": {"text": TEXT}, "annotations": anns}]


def test_two_label_studio_annotations_by_one_user_on_a_task_are_refused_not_one_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(_ls_task("layla", "layla")), "utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2
    assert "ls.json: task 1 (id 7): 'layla' has two annotations of this task" in err
    path.write_text(json.dumps(_ls_task("layla", "omar")), "utf-8")
    code, out, err = run(capsys, "import", tmp_path / "p.db", path, "--json")
    assert code == 0, err
    assert json.loads(out)["layers_added"] == 2


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ({"id": 1.5, "text": TEXT}, "'id' must be a string or a whole number (0 or more), not 1.5"),
        ({"id": -1, "text": TEXT}, "not -1"),
        ({"id": None, "text": TEXT}, "not null"),
        ({"id": "d", "text": TEXT, "annotator": "a", "spans": [{**SPAN, "id": 2.5}]}, "not 2.5"),
        ({"id": "d", "text": TEXT, "annotator": "a", "spans": [{**SPAN, "id": None}]}, "not null"),
        ({"id": "d", "text": TEXT, "annotator": "a", "status": ""}, "'status' is \"\""),
        ({"id": "d", "text": TEXT, "meta": ""}, "'meta' must be an object"),
        (
            {"id": "d", "text": TEXT, "annotator": "a", "spans": [{**SPAN, "attributes": ""}]},
            "'attributes' must map",
        ),
        ({"id": "d", "text": "قال\u0000 الرئيس"}, "NUL character"),
        (
            {"id": "d", "text": TEXT, "annotator": "suggestions", "spans": [SPAN]},
            "'suggestions' names the machine suggestions",
        ),
        ({"id": "d", "text": TEXT, "annotator": " ", "spans": [SPAN]}, "is blank"),
        ({"id": "d", "text": TEXT, "annotator": "a\nb", "spans": [SPAN]}, "line break"),
        (
            {"id": "d", "text": TEXT, "annotations": [{"annotator": "a\tb", "spans": [SPAN]}]},
            "control character",
        ),
    ],
)
def test_a_jsonl_value_of_the_wrong_type_or_a_reserved_or_odd_name_is_refused_not_coerced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: dict[str, object], said: str
) -> None:
    path = _jsonl(tmp_path, line)
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2, err
    assert "in.jsonl, line 1:" in err and said in err
    assert not (tmp_path / "p.db").exists()


def test_whole_number_ids_and_absent_keys_still_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path, {"id": 7, "text": TEXT, "annotator": "a", "spans": [{**SPAN, "id": 0}]})
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 0, err
    with Project.open(tmp_path / "p.db", readonly=True) as p:
        assert [d.ext_id for d in p.documents()] == ["7"]


def test_exporting_the_machine_suggestions_is_refused_pointing_to_accepting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(f"عنوان\n{TEXT}\n", encoding="utf-8")
    db = tmp_path / "p.db"
    assert run(capsys, "import", db, tmp_path / "a.txt")[0] == 0
    assert run(capsys, "suggest", db)[0] == 0
    with Project.open(db, readonly=True) as p:
        assert "suggestions" in p.annotators()  # the rules found something to suggest
    out = tmp_path / "s.jsonl"
    code, _out, err = run(capsys, "export", db, "--format", "jsonl", "--annotator", "suggestions",
                          "--out", out)  # fmt: skip
    assert code == 2
    assert "never exported unless accepted" in err and "accept them in the window" in err
    assert not out.exists()


def test_renamed_duplicate_ids_are_said_in_the_summary_and_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for sub, words in (("x", "نص أول هنا."), ("y", "نص ثان هنا.")):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "a.txt").write_text(f"عنوان\n{words}\n", encoding="utf-8")
    code, out, err = run(capsys, "import", tmp_path / "p.db", tmp_path / "in")
    assert code == 0, err
    assert "Renamed 1 new document whose id another document already had: a -> a-2." in out
    (tmp_path / "q.csv").write_text("id,text\nq1,نص ثالث\nq1,نص رابع\n", encoding="utf-8")
    code, out, err = run(capsys, "import", tmp_path / "p.db", tmp_path / "q.csv", "--json", "-q")
    assert code == 0, err
    assert json.loads(out)["renamed"] == ["q1 -> q1-2"]


def test_a_linked_folder_is_followed_once_and_a_link_back_up_does_not_loop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    for i in range(3):
        (real / f"d{i}.txt").write_text(f"عنوان\nنص رقم {i} هنا.\n", encoding="utf-8")
    (real / "sub" / "loop").symlink_to(real)  # a link back to a folder above
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "linked").symlink_to(real)
    code, out, err = run(capsys, "import", tmp_path / "p.db", tmp_path / "in")
    assert code == 0, err
    assert "Imported 3 new documents" in out


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("t.jsonl", '{"id": "a", "text": "abc', "line 1: not valid JSON (Unterminated string starting at column"),
        ("t.json", '[{"id": "a", "text": "abc"}]\n', "line 1: the line is a JSON list"),
        ("t.jsonl", "", "t.jsonl: the file is empty"),
        ("t.jsonl", "\n\n", "t.jsonl: the file is empty"),
        ("t.csv", "", "t.csv: the file is empty"),
    ],
)  # fmt: skip
def test_a_json_lines_file_that_sniffing_cannot_place_gets_the_readers_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, said: str
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", tmp_path / name)
    assert code == 2
    assert said in err and "cannot tell the format" not in err and "at at" not in err


def test_a_json_lines_line_over_the_limit_is_named_not_called_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.importers import common

    monkeypatch.setattr(common, "MAX_LINE_BYTES", 2**21)
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "ا" * 2**20}) + "\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2
    assert "big.jsonl, line 1: the line is" in err and "are refused" in err


def _annotated(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], n: int = 3, long: int = 1
) -> Path:
    lines = [{"id": f"d{i}", "text": f"{TEXT * long} {i}", "annotator": "layla", "status": "done",
              "spans": [SPAN]} for i in range(n)]  # fmt: skip
    db = tmp_path / "p.db"
    code, _out, err = run(capsys, "import", db, _jsonl(tmp_path, *lines))
    assert code == 0, err
    return db


def test_a_reader_that_stops_early_gets_exit_status_141_and_no_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess
    import sys

    db = _annotated(tmp_path, capsys, 200, long=40)  # megabytes: far more than a pipe holds
    for command in (f"export {db} --format jsonl --annotator layla --out -",
                    f"progress {db} --documents"):  # fmt: skip
        shell = f"set -o pipefail; {sys.executable} -m annotator {command} | head -c 10 >/dev/null"
        if command.startswith("progress"):  # little output: the pipe is closed before it starts
            shell = f"set -o pipefail; {sys.executable} -m annotator {command} | (exec 0<&-; true)"
        got = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=120)
        assert got.returncode == 141, (command, got.stderr)
        assert "Traceback" not in got.stderr and "Error" not in got.stderr


def test_quiet_silences_assign_package_and_the_replaced_layers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _annotated(tmp_path, capsys)
    assert run(capsys, "assign", db, "--annotators", "layla,omar", "-q") == (0, "", "")
    assert run(capsys, "package", db, "--annotator", "layla", "--out", tmp_path / "l.db", "-q") == (
        0, "", "")  # fmt: skip
    changed = {"id": "d0", "text": f"{TEXT} 0", "annotator": "layla", "status": "in_progress"}
    again = _jsonl(tmp_path, changed)
    code, out, err = run(capsys, "import", db, again, "--on-conflict", "replace", "-q")
    assert (code, out, err) == (0, "", "")
    code, out, _err = run(capsys, "import", db, again, "--on-conflict", "replace")
    assert code == 0 and "identical" in out


def test_datasette_metadata_to_standard_output_writes_no_file_named_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _annotated(tmp_path, capsys)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "datasette-metadata", db, "--out", "-")
    assert code == 0, err
    assert "span_texts" in json.loads(out)["databases"]["p"]["tables"]
    assert not (tmp_path / "-").exists()


def _cut_in_half(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)


def test_a_damaged_project_is_refused_as_damaged_and_nothing_is_made_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import annotator
    from annotator.errors import ProjectError

    db = _annotated(tmp_path, capsys, 300)
    other = tmp_path / "other.db"
    other.write_bytes(db.read_bytes())
    _cut_in_half(db)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("p.db")) == ["p.db"]
    for args in (("stats", db), ("import", db, tmp_path / "in.jsonl"), ("merge", other, db)):
        code, _out, err = run(capsys, *args)
        assert code == 3, err
        assert f"{db} is damaged (cut short or corrupted)" in err
        assert "not an SQLite database" not in err
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("p.db")) == ["p.db"]
    with pytest.raises(ProjectError, match="damaged"), annotator.open(db):
        pass
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("p.db")) == ["p.db"]


def test_reading_a_project_with_the_python_api_leaves_nothing_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import annotator

    db = _annotated(tmp_path, capsys)
    with annotator.open(db) as p:
        assert len(list(p.documents())) == 3
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("p.db")) == ["p.db"]


@pytest.mark.parametrize("lang", [["--lang", "ar"], ["--lang=en"]])
def test_lang_after_a_command_is_taken_as_before_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: list[str]
) -> None:
    db = _annotated(tmp_path, capsys)
    plain = run(capsys, "stats", db)
    assert run(capsys, "stats", db, *lang) == plain
    assert run(capsys, "stats", *lang, db, "-q") == plain
    code, _out, err = run(capsys, "stats", db, "--lang", "fr")
    assert code == 2 and "'fr' is not one of" in err
