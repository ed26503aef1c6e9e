"""Label Studio exports as they come from a real server: JSON, JSON_MIN, snapshots, other names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.store import Project
from tests.helpers_cli import run

TEXT = "😀 قال الوزير:\nإن المحادثات مثمرة، وأبدت الوزارة ترحيبها"


def _at(word: str) -> tuple[int, int]:
    i = TEXT.index(word)
    return i, i + len(word)


def region(rid: str, word: str, label: str, from_name: str = "label") -> dict[str, Any]:
    s, e = _at(word)
    return {"id": rid, "from_name": from_name, "to_name": "text", "type": "labels",
            "value": {"start": s, "end": e, "text": word.replace("\n", "\\n"), "labels": [label]}}  # fmt: skip


def choice(rid: str, name: str, value: str) -> dict[str, Any]:
    return {"id": rid, "from_name": name, "to_name": "text", "type": "choices",
            "value": {"choices": [value]}}  # fmt: skip


def relation(head: str, child: str, label: str, direction: str = "right") -> dict[str, Any]:
    return {"type": "relation", "from_id": head, "to_id": child, "direction": direction,
            "labels": [label]}  # fmt: skip


def write(path: Path, obj: Any) -> Path:
    path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return path


ANNOTATED = [
    region("a1", "الوزير", "Speaker"),
    region("a2", "المحادثات مثمرة", "Claim"),
    choice("a1", "kind", "person"),
    choice("a2", "form", "indirect"),
    {"id": "a2", "from_name": "comment", "to_name": "text", "type": "textarea",
     "value": {"text": ["قول منقول"]}},
    relation("a2", "a1", "attributed_to"),
    {"id": "x", "from_name": "quality", "to_name": "text", "type": "rating", "value": {"rating": 4}},
]  # fmt: skip
PREDICTED = [
    region("p1", "الوزارة", "speaker"),
    region("p2", "ترحيبها", "stance"),
    relation("p2", "p1", "holder"),
]


def test_standard_export_lists_predictions_by_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON export names predictions by id: imported when an annotation carries it, else counted."""
    task = {"id": 5, "data": {"text": TEXT, "source": "wire"}, "predictions": [11, 12],
            "annotations": [{"id": 1, "completed_by": 3, "result": ANNOTATED,
                             "prediction": {"id": 11, "model_version": "rules", "result": PREDICTED}}]}  # fmt: skip
    db = tmp_path / "p.db"
    code, out, err = run(capsys, "import", db, write(tmp_path / "export.json", [task]))
    assert code == 0, err
    assert "1 prediction the file lists by id only" in out
    assert "1 rating result" in out
    with Project.open(db) as p:
        doc = p.find_document("5")
        layer = p.layer(doc.id, "user3")
        assert [(s.text, s.label, s.attributes) for s in layer.spans] == [
            ("الوزير", "speaker", {"kind": "person"}),
            ("المحادثات مثمرة", "claim", {"form": "indirect"}),
        ]
        assert [(r.head, r.child, r.label) for r in layer.relations] == [
            ("s2", "s1", "attributed_to")
        ]
        assert doc.meta["notes"] == [{"annotator": "user3", "name": "comment", "text": "قول منقول", "span": "s2"}]  # fmt: skip
        suggested = p.layer(doc.id, "suggestions")
        assert [s.text for s in suggested.spans] == ["الوزارة", "ترحيبها"]
        assert [(r.head, r.child, r.label) for r in suggested.relations] == [("s2", "s1", "holder")]


def test_snapshot_predictions_inline_with_relations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    task = {"id": 6, "data": {"text": TEXT}, "annotations": [],
            "predictions": [{"id": 1, "result": PREDICTED[:2]}, {"id": 2, "result": PREDICTED}]}  # fmt: skip
    db = tmp_path / "p.db"
    code, _out, err = run(capsys, "import", db, write(tmp_path / "snap.json", [task]))
    assert code == 0, err
    with Project.open(db) as p:
        layer = p.layer(p.find_document("6").id, "suggestions")
        assert len(layer.spans) == 4
        (rel,) = layer.relations
        assert (rel.head, rel.child, rel.label) == ("s4", "s3", "holder")


def test_json_min_two_annotators_one_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s, e = _at("الوزير")
    c, d = _at("المحادثات مثمرة")
    items = [
        {"id": 9, "text": TEXT, "annotator": "layla@example.org", "annotation_id": 1, "lead_time": 3.2,
         "label": [{"start": s, "end": e, "text": "الوزير", "labels": ["Speaker"]}]},
        {"id": 9, "text": TEXT, "annotator": 4, "annotation_id": 2,
         "label": [{"start": c, "end": d, "text": "المحادثات مثمرة", "labels": ["Claim"], "form": "paraphrase"}]},
    ]  # fmt: skip
    db = tmp_path / "p.db"
    code, out, err = run(capsys, "import", db, write(tmp_path / "min.json", items))
    assert code == 0, err
    assert "Imported 1 new document " in out
    with Project.open(db) as p:
        doc = p.find_document("9")
        assert [s.text for s in p.spans(doc.id, "layla@example.org")] == ["الوزير"]
        (claim,) = p.spans(doc.id, "user4")
        assert (claim.text, claim.attributes) == ("المحادثات مثمرة", {"form": "paraphrase"})


POLARITY_TASK = {"id": 1, "data": {"text": TEXT}, "annotations": [{"completed_by": 1, "result": [
    region("r1", "ترحيبها", "Stance"), choice("r1", "polarity", "positive"),
    region("r2", "الوزارة", "PER"), relation("r1", "r2", "said_by", "right"),
]}]}  # fmt: skip


def test_existing_project_refuses_every_unmapped_name_then_maps_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "p.db"
    assert run(capsys, "init", db)[0] == 0
    path = write(tmp_path / "ls.json", [POLARITY_TASK])
    code, _out, err = run(capsys, "import", db, path)
    assert code == 2
    assert err.count("\n") == 1 and "ls.json" in err
    for name in ("label 'PER'", "value 'positive' of stance.polarity", "relation 'said_by'"):
        assert name in err
    code, _out, err = run(capsys, "import", db, path, "--map", "positive=support",
                         "--map", "per=speaker", "--map", "said_by=holder")  # fmt: skip
    assert code == 0, err
    with Project.open(db) as p:
        layer = p.layer(p.find_document("1").id, "user1")
        assert [(s.label, s.attributes) for s in layer.spans] == [
            ("speaker", {}), ("stance", {"polarity": "support"})]  # fmt: skip
        assert [r.label for r in layer.relations] == ["holder"]


def test_new_project_adopts_the_names_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.db"
    code, out, err = run(capsys, "import", db, write(tmp_path / "ls.json", [POLARITY_TASK]))
    assert code == 0, err
    assert "adopted" in out and "PER" in out and "polarity (positive)" in out
    with Project.open(db) as p:
        assert p.schema.label_ids == ("stance", "per")
        assert p.schema.label("stance").attribute("polarity").values == ("positive",)  # type: ignore[union-attr]
        layer = p.layer(p.find_document("1").id, "user1")
        assert [r.label for r in layer.relations] == ["said_by"]


def test_label_config_gives_every_value_and_colour(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.xml"
    config.write_text(
        """<View><Text name="text" value="$body"/>
        <Labels name="label" toName="text"><Label value="Stance" background="#00aa00"/>
        <Label value="PER"/><Label value="مكان"/></Labels>
        <Choices name="polarity" toName="text" perRegion="true" whenLabelValue="Stance">
        <Choice value="positive"/><Choice value="negative"/><Choice value="neutral"/></Choices>
        <Relations><Relation value="said_by"/></Relations></View>""",
        encoding="utf-8",
    )
    task = {**POLARITY_TASK, "data": {"body": TEXT, "title": "t"}}
    db = tmp_path / "new.db"
    code, _out, err = run(capsys, "import", db, write(tmp_path / "ls.json", [task]),
                         "--label-config", config)  # fmt: skip
    assert code == 0, err
    with Project.open(db) as p:
        stance = p.schema.label("stance")
        assert stance.color == "#00aa00"
        assert stance.attribute("polarity").values == ("positive", "negative", "neutral")  # type: ignore[union-attr]
        assert [lab.en for lab in p.schema.labels] == ["Stance", "PER", "مكان"]
        assert p.find_document("1").meta == {"title": "t"}


@pytest.mark.parametrize(
    ("task", "where"),
    [
        ("not a task", "task 1 must be an object"),
        ({"data": "text"}, "task 1: 'data' must be an object"),
        ({"data": {"text": TEXT}, "annotations": {"a": 1}}, "'annotations' must be a list"),
        ({"data": {"text": TEXT}, "annotations": [7]}, "annotation 1 must be an object"),
        ({"data": {"text": TEXT}, "annotations": [{"result": "x"}]}, "'result' must be a list"),
        ({"data": {"text": TEXT}, "annotations": [{"result": [3]}]}, "result 1 must be an object"),
        ({"data": {"text": TEXT}, "annotations": [{"result": [{"type": "labels", "value": []}]}]},
         "result 1: 'value' must be an object"),
        ({"data": {"text": TEXT}, "annotations": [{"result": [{"type": "labels", "value":
          {"start": "0", "end": 3, "labels": ["speaker"]}}]}]}, "must be whole numbers"),
        ({"data": {"text": TEXT}, "annotations": [{"result": [{"type": "labels", "value":
          {"start": 0, "end": 3, "labels": [1]}}]}]}, "'value.labels' must be a list of strings"),
        ({"data": {"text": TEXT}, "annotations": [{"result": [{"type": "labels", "value":
          {"start": 0, "end": 999, "labels": ["speaker"]}}]}]}, "outside the text"),
        ({"data": {"text": TEXT}, "annotations": [{"result": [relation("a", "b", "holder")]}]},
         "points to region 'a'"),
        ({"data": {"text": TEXT}, "predictions": [[1]]}, "prediction 1 must be an object or an id"),
        ({"data": {"text": 5}}, "the task has no text"),
    ],
)  # fmt: skip
def test_hostile_input_one_sentence_with_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], task: Any, where: str
) -> None:
    db = tmp_path / "p.db"
    bad = write(tmp_path / "bad.json", [task])
    code, _out, err = run(capsys, "import", db, bad, "--format", "label-studio")
    assert code == 2
    assert err.startswith("annotator: ") and err.count("\n") == 1
    assert "bad.json: task 1" in err and where in err
    assert not db.exists()
