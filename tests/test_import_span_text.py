"""A span's own text is checked against the document at its offsets in every format that carries
one (one helper, annotator.importers.common.span_place): a mismatch is refused naming the file, the
line or task and the span, and when the text is there counted in another unit the sentence says
which --offsets to give. An offset inside a character (between the two UTF-16 units of an emoji)
is refused, never moved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.store import Project
from tests.helpers_cli import run

TEXT = "🇸🇾 قال الرئيس إن"  # two flags' code points, each two UTF-16 units
WORD = "الرئيس"
CP = (TEXT.index(WORD), TEXT.index(WORD) + len(WORD))  # (7, 13)
U16 = (CP[0] + 2, CP[1] + 2)  # (9, 15): what a UTF-16 counter writes


def _ls(start: int, end: int) -> str:
    region = {"start": start, "end": end, "text": WORD, "labels": ["speaker"]}
    result = {"id": "a", "type": "labels", "from_name": "label", "to_name": "text", "value": region}
    task = {
        "id": 1,
        "data": {"text": TEXT},
        "annotations": [{"completed_by": "x", "result": [result]}],
    }
    return json.dumps([task], ensure_ascii=False)


def _prodigy(start: int, end: int) -> str:
    span = {"start": start, "end": end, "label": "speaker", "text": WORD}
    return (
        json.dumps({"text": TEXT, "answer": "accept", "spans": [span]}, ensure_ascii=False) + "\n"
    )


def _native(start: int, end: int) -> str:
    span = {"id": "s1", "start": start, "end": end, "label": "speaker", "text": WORD}
    line = {"id": "d", "text": TEXT, "annotator": "x", "spans": [span]}
    return json.dumps(line, ensure_ascii=False) + "\n"


FILES = {"ls16.json": _ls, "pr16.jsonl": _prodigy, "n16.jsonl": _native}
WHERE = {"ls16.json": "task 1 (id 1), annotation 1, result 1: span a", "pr16.jsonl": "line 1: span 1",
         "n16.jsonl": "line 1: span s1"}  # fmt: skip


@pytest.mark.parametrize("name", list(FILES))
def test_utf16_offsets_given_as_code_points_are_refused_with_the_unit_that_fits(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    folder = tmp_path / "مجلد #1 ?%"
    folder.mkdir()
    path = folder / name
    path.write_text(FILES[name](*U16), encoding="utf-8")
    db = tmp_path / "p.db"
    code, out, err = run(capsys, "import", db, path)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{path}" in err and WHERE[name] in err
    assert f"'{WORD}'" in err and "'رئيس إ'" in err  # what the file says, what is there
    assert "give --offsets utf16" in err
    assert not db.exists() or list(Project.open(db).documents()) == []
    # told the unit, the same file comes in on the word
    code, out, err = run(capsys, "import", db, path, "--offsets", "utf16")
    assert code == 0, err
    project = Project.open(db)
    (doc,) = list(project.documents())
    (span,) = project.spans(doc.id, "x" if name != "pr16.jsonl" else "pr16")
    assert (span.start, span.end, span.text) == (*CP, WORD)


@pytest.mark.parametrize("name", list(FILES))
def test_a_span_text_that_is_nowhere_at_its_offsets_is_refused_without_a_hint(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_text(FILES[name](0, 3), encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 2 and WHERE[name] in err and "does not match" in err
    assert "--offsets" not in err


def test_label_studio_text_with_its_escaped_line_breaks_still_matches(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Label Studio writes a line break inside value.text as the two characters backslash-n."""
    text = "قال\nالرئيس"
    region = {"start": 0, "end": len(text), "text": "قال\\nالرئيس", "labels": ["claim"]}
    result = {"id": "a", "type": "labels", "from_name": "label", "to_name": "text", "value": region}
    task = {
        "id": 1,
        "data": {"text": text},
        "annotations": [{"completed_by": "x", "result": [result]}],
    }
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    code, _out, err = run(capsys, "import", tmp_path / "p.db", path)
    assert code == 0, err


def test_a_doccano_offset_inside_an_emoji_is_refused_not_moved(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "layla.jsonl"  # "قال " then the flag's second half: UTF-16 unit 5
    line = {"text": "قال 🇸🇾 الرئيس", "label": [[5, 9, "speaker"]]}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "p.db"
    code, _out, err = run(capsys, "import", db, path)
    assert code == 2, err
    assert f"{path}, line 1:" in err and "inside a character" in err and "5" in err
    assert not db.exists() or list(Project.open(db).documents()) == []
