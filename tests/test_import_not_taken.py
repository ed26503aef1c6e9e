"""What an import does not take is said, never dropped silently: the id, title and meta of a
document the project already has (same text), keys of native JSONL this program does not read, a
file written by a newer annotator, and a JSON key given twice on one line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.store import Project
from tests.helpers_cli import run

TEXT = "قال الرئيس 🇸🇾 إن الوضع جيد. وأكد Xi Jinping في 2004 أن «الصين» تدعم سورية."


def _jsonl(path: Path, *lines: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    return path


def test_a_known_text_with_another_id_title_and_meta_says_what_was_not_taken(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    first = _jsonl(tmp_path / "a.jsonl", {"id": "003", "title": "العنوان", "text": TEXT,
                                          "meta": {"source": "x"}})  # fmt: skip
    assert run(capsys, "import", db, first)[0] == 0
    again = _jsonl(tmp_path / "same meta #2.jsonl", {"id": "newid", "title": "New title",
                                                     "text": TEXT, "meta": {"source": "y"}})  # fmt: skip
    code, out, err = run(capsys, "import", db, again)
    assert code == 0, err
    said = out + err
    assert "Not taken" in said and "newid" in said and "003" in said
    assert "id, title, meta" in said
    code, out, _err = run(capsys, "import", db, again, "--json")
    assert code == 0
    assert json.loads(out)["documents_not_taken"] == [
        {"document": "003", "given_id": "newid", "fields": ["id", "title", "meta"],
         "source": str(again), "line": 1}
    ]  # fmt: skip
    (doc,) = list(Project.open(db).documents())
    assert (doc.ext_id, doc.title, doc.meta) == ("003", "العنوان", {"source": "x"})


def test_the_same_text_again_with_nothing_new_says_nothing_was_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    line = {"id": "003", "title": "العنوان", "text": TEXT, "meta": {"source": "x"}}
    path = _jsonl(tmp_path / "a.jsonl", line)
    assert run(capsys, "import", db, path)[0] == 0
    code, out, err = run(capsys, "import", db, path)
    assert code == 0 and "Not taken" not in out + err


def test_keys_this_program_does_not_read_are_counted_and_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    spans = [{"id": f"s{i}", "start": 0, "end": 3, "label": "speaker", "confidence": 0.3}
             for i in range(1, 4)]  # fmt: skip
    spans[0]["note"] = "check"
    path = _jsonl(tmp_path / "n.jsonl", {"id": "a", "text": TEXT, "reviewer": "lead",
                  "annotations": [{"annotator": "x", "status": "done", "spans": spans}]})  # fmt: skip
    db = tmp_path / "p.db"
    code, out, err = run(capsys, "import", db, path)
    assert code == 0, err
    assert "Ignored keys" in out + err
    assert "confidence (3 spans)" in out + err and "note (1 span)" in out + err
    assert "reviewer (1 document)" in out + err
    code, out, _err = run(capsys, "import", tmp_path / "q.db", path, "--json")
    assert json.loads(out)["ignored_keys"] == {
        "confidence": {"span": 3}, "note": {"span": 1}, "reviewer": {"document": 1}
    }  # fmt: skip


def test_a_file_from_a_newer_annotator_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _jsonl(tmp_path / "newer.jsonl", {"id": "a", "text": TEXT, "format_version": 99})
    db = tmp_path / "p.db"
    code, _out, err = run(capsys, "import", db, path)
    assert code == 2
    assert f"{path}, line 1:" in err and "written by a newer annotator" in err and "99" in err
    assert not db.exists() or list(Project.open(db).documents()) == []
    current = _jsonl(tmp_path / "v1.jsonl", {"id": "a", "text": TEXT, "format_version": 1})
    code, out, err = run(capsys, "import", db, current)
    assert code == 0 and "Ignored keys" not in out + err


def test_a_key_given_twice_in_one_object_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dupkey.jsonl"
    path.write_text(
        '{"id":"ok","text":"نص أول"}\n'
        '{"id":"a","text":"نص","annotations":[{"annotator":"x","spans":[{"id":"s1","start":0,'
        '"end":2,"label":"speaker"}]}],"annotations":[]}\n',
        "utf-8",
    )
    db = tmp_path / "p.db"
    code, _out, err = run(capsys, "import", db, path)
    assert code == 2
    assert f"{path}, line 2:" in err and "'annotations'" in err and "twice" in err
    assert not db.exists() or list(Project.open(db).documents()) == []
