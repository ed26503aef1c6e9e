"""Hostile input, structure-aware: a valid file of each JSON format with one value replaced by
something wrong (wrong type, lone surrogate, deep nesting, huge or non-finite number). Every import
either succeeds or is refused as bad input (exit 2) in one line, and a refused one changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.model.document import DocumentRecord
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة"
VALID: dict[str, tuple[str, Any]] = {
    "jsonl": (".jsonl", [{"id": "a", "title": "t", "text": TEXT, "meta": {"k": "v"}, "annotator": "x",
                          "status": "done", "relations": [{"head": "s1", "child": "s2", "label": "attributed_to"}],
                          "spans": [{"id": "s1", "start": 15, "end": 29, "label": "claim", "text": TEXT[15:29]},
                                    {"id": "s2", "start": 4, "end": 10, "label": "speaker", "attributes": {}}]}]),
    "doccano": (".jsonl", [{"id": 1, "text": TEXT, "label": [[4, 10, "speaker"]]},
                           {"text": TEXT + ".", "entities": [{"id": 1, "start_offset": 4, "end_offset": 10, "label": "speaker"},
                                                          {"id": 2, "start_offset": 15, "end_offset": 29, "label": "claim"}],
                            "relations": [{"from_id": 2, "to_id": 1, "type": "attributed_to"}]}]),
    "label-studio": (".json", [{"id": 1, "data": {"text": TEXT}, "annotations": [{"completed_by": 1, "result": [
        {"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 4, "end": 10, "text": "الوزير", "labels": ["speaker"]}}]}],
        "predictions": [{"result": []}]}]),
    "prodigy": (".jsonl", [{"text": TEXT, "_input_hash": 1, "_task_hash": 2, "answer": "accept",
                            "tokens": [{"text": "قال", "start": 0, "end": 3, "id": 0}],
                            "spans": [{"start": 4, "end": 10, "label": "speaker", "token_start": 1, "token_end": 1}]}]),
}  # fmt: skip
SURROGATE = "\ud800"
HOSTILE: list[Any] = [None, True, 0, -1, 2**70, -(2**70), 1.5, float("inf"), float("nan"), "",
                      SURROGATE, "x" * 300, [], [1, [2]], {}, {"a": {"b": None}}, [None], [[4, 10]]]  # fmt: skip
DEEP = "[" * 50_000 + "]" * 50_000


def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in ``obj`` (keys of objects, items of lists) that a value can be put."""
    out = [prefix]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*prefix, i))
    return out


def _replace(obj: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(obj) if isinstance(obj, dict) else list(obj)
    copy[path[0]] = _replace(obj[path[0]], path[1:], value)
    return copy


def _serialise(fmt: str, records: Any, ascii_only: bool) -> str:
    dump = lambda o: json.dumps(o, ensure_ascii=ascii_only, allow_nan=True)  # noqa: E731
    if fmt == "label-studio" or not isinstance(records, list):
        return dump(records).replace('"@@DEEP@@"', DEEP)
    return "\n".join(dump(r) for r in records).replace('"@@DEEP@@"', DEEP) + "\n"


def hostile_file(fmt: str) -> st.SearchStrategy[str]:
    """A valid file of ``fmt`` with one value (or the whole) replaced by a hostile one."""
    _suffix, records = VALID[fmt]
    places = _paths(records)
    value = st.sampled_from([*HOSTILE, "@@DEEP@@"])
    return st.builds(
        lambda place, v, ascii_only: _serialise(fmt, _replace(records, place, v), ascii_only),
        st.sampled_from(places), value, st.booleans(),
    )  # fmt: skip


def _import_or_refuse(project: Project, path: Path, fmt: str, skip_bad: bool) -> None:
    before = project.document_count()
    options = ImportOptions(format=fmt, annotator="x", label_ids=project.schema.label_ids)
    try:
        project.add_documents(read_inputs([path], options), skip_bad=skip_bad)
    except AnnotatorError as exc:
        assert exc.exit_code == 2, str(exc)
        assert str(exc) and "\n" not in str(exc).strip()
        assert str(path.name) in str(exc)
        assert project.document_count() == before  # nothing half-written


@pytest.mark.parametrize("fmt", sorted(VALID))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), skip_bad=st.booleans())
def test_hostile_json_is_imported_or_refused_cleanly(
    tmp_path: Path, fmt: str, data: st.DataObject, skip_bad: bool
) -> None:
    content = data.draw(hostile_file(fmt))
    path = tmp_path / f"input{VALID[fmt][0]}"
    path.write_text(content, encoding="utf-8", errors="surrogatepass")
    db = tmp_path / "p.db"
    if db.exists():
        db.unlink()
    with Project.create(db, default_schema()) as project:
        project.add_documents([DocumentRecord("old", "t", "نص موجود من قبل")])
        _import_or_refuse(project, path, fmt, skip_bad)


def test_the_valid_files_import() -> None:
    """The seeds are valid, so a refusal above is about the hostile value."""
    import tempfile

    for fmt, (suffix, records) in VALID.items():
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"in{suffix}"
            path.write_text(_serialise(fmt, records, False), encoding="utf-8")
            with Project.create(Path(tmp) / "p.db", default_schema()) as project:
                options = ImportOptions(
                    format=fmt, annotator="x", label_ids=project.schema.label_ids
                )
                project.add_documents(read_inputs([path], options))
                assert project.document_count() >= 1, fmt


@pytest.mark.parametrize(
    ("name", "content", "args"),
    [
        ("surrogate.jsonl", '{"id": "a", "text": "\\ud800 قال"}\n', []),
        (
            "surrogate-span.jsonl",
            '{"text": "قال", "annotator": "x", "spans": [{"start": 0, "end": 3, "label": "\\udfff"}]}\n',
            [],
        ),
        ("deep.jsonl", '{"text": "قال", "meta": ' + DEEP + "}\n", []),
        (
            "inf.jsonl",
            '{"text": "قال", "annotator": "x", "spans": [{"start": 0, "end": Infinity, "label": "speaker"}]}\n',
            [],
        ),
        ("nan.jsonl", '{"text": "قال", "label": [[NaN, 3, "speaker"]]}\n', ["--format", "doccano"]),
        ("inf.jsonl", '{"text": "قال", "label": [[0, Infinity, "speaker"]]}\n', []),
        ("huge.jsonl", '{"text": "قال", "label": [[0, 1e400, "speaker"]]}\n', []),
        ("huge.jsonl", '{"text": "قال", "label": [[0, ' + "9" * 5000 + ', "speaker"]]}\n', []),
        ("listid.jsonl", '{"id": ["a"], "text": "قال"}\n', []),
        ("dictid.jsonl", '{"id": {"a": 1}, "text": "قال"}\n', []),
        ("results.json", '[{"data": {"text": "قال"}, "annotations": [{"result": [1, "x"]}]}]', []),
        ("annotations.json", '[{"data": {"text": "قال"}, "annotations": ["x", 3]}]', []),
        ("deep.json", DEEP, ["--format", "label-studio"]),
    ],
)
def test_hostile_files_through_the_command_line(
    tmp_path: Path, name: str, content: str, args: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    db = tmp_path / "p.db"
    result = run("import", str(db), str(path), *args)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert name in result.stderr
    assert not db.exists()


def test_deep_nesting_with_skip_bad_skips_the_line_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text('{"text": "قال"}\n{"text": "قال", "meta": ' + DEEP + "}\n", encoding="utf-8")
    result = run("import", str(tmp_path / "p.db"), str(path), "--skip-bad")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert (
        "Skipped: " in result.stdout
        and "deep.jsonl, line 2: the JSON is nested too deeply" in result.stdout
    )


def test_a_project_in_a_missing_folder_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص", encoding="utf-8")
    result = run("import", str(tmp_path / "nowhere" / "p.db"), str(tmp_path / "a.txt"))
    assert result.returncode in (2, 3) and "Traceback" not in result.stderr
    assert "nowhere" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    "schema",
    [
        'name = 3\n[[labels]]\nid = "a"\n',
        'name = "x"\nlabels = "speaker"\n',
        'name = "x"\n[[labels]]\nid = 7\n',
        'name = "x"\n[[labels]]\nid = "a"\nattributes = "kind"\n',
        'name = "x"\n[[labels]]\nid = "a"\n[[labels.attributes]]\nname = "k"\nvalues = "ab"\n',
        'name = "x"\n[[labels]]\nid = "a"\n[[relations]]\nid = "r"\nhead = 3\n',
        "labels = [1, 2]\n",
    ],
)
def test_schema_files_with_a_wrong_type(tmp_path: Path, schema: str) -> None:
    path = tmp_path / "s.toml"
    path.write_text(schema, encoding="utf-8")
    result = run("init", str(tmp_path / "p.db"), "--schema", str(path))
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert "s.toml" in result.stderr and not (tmp_path / "p.db").exists()
