"""Counts on the terminal agree with their number: "1 document", "2 documents", never "(s)"."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.text.plural import counted, form, plural


def test_plural_form_and_counted() -> None:
    assert [plural(n, "span") for n in (0, 1, 2)] == ["0 spans", "1 span", "2 spans"]
    assert plural(1, "layer status", "layer statuses") == "1 layer status"
    assert plural(3, "layer status", "layer statuses") == "3 layer statuses"
    assert (form(1, "is", "are"), form(2, "is", "are"), form(-1, "label")) == (
        "is",
        "are",
        "labels",
    )
    assert counted(1, "draft(s)") == "1 draft"
    assert counted(2, "prediction(s) listed by id") == "2 predictions listed by id"
    assert counted(4, "extra choices beyond the first") == "4 extra choices beyond the first"


def _articles(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(exist_ok=True)
    for i in range(start, start + n):
        (folder / f"a{i}.txt").write_text(f"عنوان {i}\nقال الوزير {i} إن المحادثات مثمرة.\n",
                                          encoding="utf-8")  # fmt: skip
    return folder


def _say(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    assert "(s)" not in result.output
    return result.output


def test_one_and_two_read_as_english_in_every_summary(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    one = _say("import", str(db), str(_articles(tmp_path / "one", 1)))
    assert f"Imported 1 new document into {db}." in one
    two = _say("import", str(db), str(_articles(tmp_path / "two", 2, start=1)))
    assert f"Imported 2 new documents into {db}." in two
    again = _say("import", str(db), str(tmp_path / "one"))
    assert "1 was already there (same text)" in again
    stats = _say("stats", str(db))
    assert stats.startswith(f"{db}: 3 documents, 0 spans, 0 relations")
    assign = _say("assign", str(db), "--annotators", "layla")
    assert "Assigned 3 new documents" in assign
    dry = _say("import", str(db), str(_articles(tmp_path / "dry", 1, start=9)), "--dry-run")
    assert "Would import 1 document;" in dry
    out = tmp_path / "out.jsonl"
    layla = tmp_path / "layla.db"
    _say("package", str(db), "--annotator", "layla", "--out", str(layla))
    merged = _say("merge", str(db), str(layla))
    assert "0 new documents, 0 new layers" in merged and "0 conflicts." in merged
    exported = CliRunner().invoke(cli, ["export", str(db), "--format", "jsonl", "--layer", "all",
                                        "--out", str(out)])  # fmt: skip
    assert "(s)" not in exported.output


def test_a_label_studio_draft_is_counted_in_words(tmp_path: Path) -> None:
    task = {"id": 1, "data": {"text": "قال الوزير"}, "annotations": [],
            "drafts": [{"result": [], "created_username": "x"}]}  # fmt: skip
    src = tmp_path / "ls.json"
    src.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "p.db"), str(src)])
    assert result.exit_code == 0, result.output
    assert "1 draft" in result.output and "(s)" not in result.output
