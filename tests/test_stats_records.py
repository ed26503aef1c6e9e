"""``annotator stats --json`` on a real project, byte for byte: the counts are typed records
(store/stats.py) whose one JSON form keeps every key, its order and its value as scripts read them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.test_cli import run

T1 = "قال الوزير إن المحادثات مثمرة. وتدعم الحكومة الاتفاق بعد الزيارة 😀 في 2024."
T2 = "أكد الرئيس أن الحوار مستمر وأن العلاقات جيدة."
T3 = "خبر بلا وسوم: Reuters 2025."
FIRST = "d #1 ?%"  # a document id with the characters that break paths and URIs


def _span(text: str, words: str, label: str, span_id: str = "") -> dict[str, Any]:
    start = text.index(words)
    span = {"start": start, "end": start + len(words), "label": label}
    return {**span, "id": span_id} if span_id else span


LINES = [
    {"id": FIRST, "title": "عنوان ١", "text": T1, "annotator": "layla", "status": "done",
     "spans": [_span(T1, "الوزير", "speaker", "s1"), _span(T1, "المحادثات مثمرة", "claim", "s2"),
               _span(T1, "وتدعم", "stance"), _span(T1, "الزيارة", "event")],
     "relations": [{"head": "s2", "child": "s1", "label": "attributed_to"}]},
    {"id": FIRST, "title": "عنوان ١", "text": T1, "annotator": "omar", "status": "in_progress",
     "spans": [_span(T1, "الوزير", "speaker"), _span(T1, "المحادثات مثمرة", "claim")],
     "relations": []},
    {"id": "خبر ٢", "title": "Title mixed عربي", "text": T2, "annotator": "layla",
     "spans": [_span(T2, "الرئيس", "speaker"), _span(T2, "الحوار مستمر", "claim")],
     "relations": []},
    {"id": "d3", "text": T3},
]  # fmt: skip
GOLD = {"id": FIRST, "text": T1, "annotator": "gold", "spans": [_span(T1, "الحكومة", "speaker")]}

CHECKLIST = {"claim without attributed_to": 2, "stance without holder": 1,
             "stance without target": 1, "event without participant": 1}  # fmt: skip
BY_DOCUMENT = [
    {"id": FIRST, "claim without attributed_to": 1, "stance without holder": 1,
     "stance without target": 1, "event without participant": 1},
    {"id": "خبر ٢", "claim without attributed_to": 1},
]  # fmt: skip
STATUS = {"todo": 1, "in_progress": 1, "done": 1, "skipped": 0}
TITLES = [{"id": FIRST, "title": "عنوان ١"}, {"id": "خبر ٢", "title": "Title mixed عربي"},
          {"id": "d3", "title": "خبر بلا وسوم: Reuters 2025."}]  # fmt: skip


def _stats_json(db: Path) -> str:
    result = run("stats", str(db), "--json")
    assert result.returncode == 0, result.stderr
    return result.stdout


def _printed(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_stats_json_keeps_every_key_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "مجلد # ?"
    folder.mkdir()
    db = folder / "مشروع %.db"
    source = folder / "c.jsonl"
    source.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in LINES), "utf-8")
    assert run("import", str(db), str(source)).returncode == 0
    assert _stats_json(db) == _printed({
        "checklist": CHECKLIST, "checklist_by_document": BY_DOCUMENT, "project": str(db),
        "schema": "news-attribution", "documents": 3, "spans": 8, "relations": 1,
        "suggestions": 0, "annotators": ["layla", "omar"],
        "layers": {"layla": "annotator", "omar": "annotator"},
        "by_label": {"speaker": 3, "claim": 3, "stance": 1, "event": 1}, "by_status": STATUS,
        "by_annotator": {"layla": {"todo": 1, "in_progress": 1, "done": 1, "skipped": 0},
                         "omar": {"todo": 2, "in_progress": 1, "done": 0, "skipped": 0}},
        "not_started": {"documents": 1, "ids": ["d3"]}, "assigned": None, "unassigned": None,
        "titles": TITLES,
    })  # fmt: skip
    # gold, assignments and suggestions: their keys fill in, no key comes or goes
    (folder / "g.jsonl").write_text(json.dumps(GOLD, ensure_ascii=False), "utf-8")
    assert run("import", str(db), str(folder / "g.jsonl")).returncode == 0
    assert run("assign", str(db), "--annotators", "layla,omar", "--seed", "3").returncode == 0
    assert run("suggest", str(db)).returncode == 0
    assert _stats_json(db) == _printed({
        "checklist": CHECKLIST, "checklist_by_document": BY_DOCUMENT, "project": str(db),
        "schema": "news-attribution", "documents": 3, "spans": 9, "relations": 1,
        "suggestions": 7, "annotators": ["layla", "omar"],
        "layers": {"gold": "gold", "layla": "annotator", "omar": "annotator",
                   "suggestions": "suggestions"},
        "by_label": {"speaker": 4, "claim": 3, "stance": 1, "event": 1}, "by_status": STATUS,
        "by_annotator": {"layla": {"todo": 0, "in_progress": 1, "done": 1, "skipped": 0},
                         "omar": {"todo": 1, "in_progress": 1, "done": 0, "skipped": 0}},
        "not_started": {"documents": 1, "ids": ["d3"]}, "assigned": {"layla": 1, "omar": 2},
        "unassigned": 0, "titles": TITLES,
    })  # fmt: skip
    assert run("stats", str(db)).stdout.splitlines()[1:] == [
        "Annotators: layla, omar",
        "Other layers: gold (gold), suggestions (suggestions)",
        "By label:   speaker 4, claim 3, stance 1, event 1",
        "Documents by status (the furthest any annotator got): todo 1, in_progress 1, done 1,"
        " skipped 0",
        "Assignments: todo counts each annotator's assigned documents; 0 documents are assigned"
        " to nobody.",
        "  layla (1 assigned): todo 0, in_progress 1, done 1, skipped 0",
        "  omar (2 assigned): todo 1, in_progress 1, done 0, skipped 0",
        "Nobody has started 1 document: d3",
        "Checklist: 2 spans labelled Claim have no “attributed to” link; 1 span labelled Stance"
        " has no “holder” link; 1 span labelled Stance has no “target” link; 1 span labelled"
        " Event has no “participant” link.",
    ]


def test_stats_json_of_an_empty_project(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    assert run("init", str(db)).returncode == 0
    zero_checklist = dict.fromkeys(CHECKLIST, 0)
    assert _stats_json(db) == _printed({
        "checklist": zero_checklist, "checklist_by_document": [], "project": str(db),
        "schema": "news-attribution", "documents": 0, "spans": 0, "relations": 0,
        "suggestions": 0, "annotators": [], "layers": {},
        "by_label": {"speaker": 0, "claim": 0, "stance": 0, "event": 0},
        "by_status": {"todo": 0, "in_progress": 0, "done": 0, "skipped": 0}, "by_annotator": {},
        "not_started": {"documents": 0, "ids": []}, "assigned": None, "unassigned": None,
        "titles": [],
    })  # fmt: skip
