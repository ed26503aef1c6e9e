"""``stats`` with assignments: an annotator's todo is her assigned documents, the rest counted apart;
counts are written with thousands separators, one way everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.store import Project
from annotator.text.plural import counted, number, plural
from tests.test_cli import run
from tests.test_plural import _articles


def test_todo_counts_only_her_assigned_documents(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run("import", str(db), str(_articles(tmp_path / "first", 20)))
    run("assign", str(db), "--annotators", "layla,omar", "--seed", "7")
    run("import", str(db), str(_articles(tmp_path / "later", 10, start=20)))  # nobody's yet
    with Project.open(db) as p:
        mine = p.assigned("omar")
        p.set_status(mine[0], "omar", "done")
    data = json.loads(run("stats", str(db), "--json").stdout)
    assert data["documents"] == 30 and data["unassigned"] == 10
    assert data["assigned"] == {"layla": 30 - 10 - len(mine), "omar": len(mine)}
    omar = data["by_annotator"]["omar"]
    assert omar["todo"] == len(mine) - 1 and omar["done"] == 1  # not 29 of the project's 30
    text = run("stats", str(db)).stdout
    assert f"omar ({len(mine)} assigned): todo {len(mine) - 1}," in text
    assert "10 documents are assigned to nobody" in text


def test_without_assignments_every_document_is_todo(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run("import", str(db), str(_articles(tmp_path / "a", 3)))
    with Project.open(db) as p:
        p.ensure_annotator("omar")
        p.set_status(p.find_document("a0").id, "omar", "done")
    data = json.loads(run("stats", str(db), "--json").stdout)
    assert data["by_annotator"]["omar"]["todo"] == 2
    assert data["assigned"] is None and data["unassigned"] is None
    assert "assigned" not in run("stats", str(db)).stdout


def test_counts_have_thousands_separators() -> None:
    assert number(32199) == "32,199" and number(999) == "999"
    assert plural(1500, "document") == "1,500 documents"
    assert plural(1, "document") == "1 document"
    assert counted(1120723, "token(s)") == "1,120,723 tokens"


def test_checklist_is_a_sentence_with_the_schemas_names(tmp_path: Path) -> None:
    """'62 claim without attributed_to' was a raw key: the line says how many spans of which
    label lack which link, in the schema's names, with plurals that agree."""
    text = "قال الوزير إن المحادثات مثمرة وأكد دعمه ورفض التدخل."
    words = ["المحادثات مثمرة", "وأكد دعمه", "رفض التدخل"]
    spans = [
        {"start": text.index(w), "end": text.index(w) + len(w), "label": lab}
        for w, lab in zip(words, ["claim", "claim", "stance"], strict=True)
    ]
    src = tmp_path / "c.jsonl"
    line = {"id": "d1", "text": text, "annotator": "layla", "spans": spans, "relations": []}
    src.write_text(json.dumps(line, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "p.db"
    run("import", str(db), str(src))
    out = run("stats", str(db)).stdout
    assert (
        "Checklist: 2 spans labelled Claim have no “attributed to” link; 1 span labelled Stance"
        " has no “holder” link; 1 span labelled Stance has no “target” link." in out
    )
    assert "without" not in out and "attributed_to" not in out
    empty = tmp_path / "e.db"
    run("import", str(empty), str(_articles(tmp_path / "a", 1)))
    assert "Checklist: nothing open." in run("stats", str(empty)).stdout
