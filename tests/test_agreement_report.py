"""The agreement report on real layers: missing versus empty, one-to-one overlap, undefined values."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from annotator.agreement.report import DocInput, agreement_report
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.jobs.agreement import project_agreement
from annotator.model.document import Layer, Relation, Span
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.text.tokens import tokenize
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def sp(word: str, label: str, sid: str, **attrs: str) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), label, word, dict(attrs), sid)


def layer(
    name: str, spans: list[Span], rels: list[Relation] | None = None, status: str = "done"
) -> Layer:
    return Layer(name, status, spans, rels or [])


def test_missing_is_not_empty() -> None:
    a = layer("a", [sp("الوزير", "speaker", "s1")])
    b = layer("b", [sp("الوزير", "speaker", "s1")])
    agreeing = DocInput("d1", TEXT, {"a": a, "b": b})
    # b finished the second document and marked nothing there: that is disagreement
    empty = DocInput(
        "d2", TEXT, {"a": layer("a", [sp("الزيارة", "event", "s1")]), "b": layer("b", [])}
    )
    # b never finished the third: b is missing, the document says nothing about agreement
    missing = DocInput("d3", TEXT, {"a": layer("a", [sp("الزيارة", "event", "s1")])})
    with_empty = agreement_report([agreeing, empty], ["a", "b"]).to_json()
    with_missing = agreement_report([agreeing, missing], ["a", "b"]).to_json()
    assert with_missing["span"]["pairs"][0]["exact"]["f1"] == 1.0
    assert with_empty["span"]["pairs"][0]["exact"]["f1"] == pytest.approx(2 / 3)
    assert with_missing["token"]["pairs"][0]["cohen_kappa"] == 1.0
    assert with_empty["token"]["pairs"][0]["cohen_kappa"] < 1.0
    assert with_missing["documents"] == 2 and with_missing["span"]["pairs"][0]["documents"] == 1


def test_overlap_matches_one_to_one() -> None:
    long_claim = Span(
        TEXT.index("المحادثات"), len(TEXT), "claim", TEXT[TEXT.index("المحادثات") :], {}, "s1"
    )
    short1 = sp("المحادثات مثمرة", "claim", "s1")
    short2 = sp("الزيارة ناجحة", "claim", "s2")
    report = agreement_report(
        [DocInput("d", TEXT, {"a": layer("a", [long_claim]), "b": layer("b", [short1, short2])})],
        ["a", "b"],
    ).to_json()
    overlap = report["span"]["pairs"][0]["overlap"]
    assert (overlap["matched"], overlap["in_a"], overlap["in_b"]) == (
        1,
        1,
        2,
    )  # not 2 matches for one span
    assert overlap["precision"] == 0.5 and overlap["recall"] == 1.0
    assert report["span"]["pairs"][0]["exact"]["matched"] == 0


def test_attributes_and_relations_on_matched_spans() -> None:
    a = layer("a", [sp("الوزير", "speaker", "s1", kind="person"), sp("المحادثات مثمرة", "claim", "s2")],
              [Relation("s2", "s1", "attributed_to", "r1")])  # fmt: skip
    b = layer("b", [sp("الوزير", "speaker", "x", kind="organization"), sp("المحادثات مثمرة", "claim", "y")],
              [Relation("y", "x", "attributed_to", "r9")])  # fmt: skip
    report = agreement_report([DocInput("d", TEXT, {"a": a, "b": b})], ["a", "b"]).to_json()
    (attr,) = report["attributes"]["kind"]
    assert (attr["label"], attr["matched"], attr["agree"]) == ("speaker", 1, 0)
    (rel,) = report["relations"]["pairs"]
    assert rel["exact"]["f1"] == 1.0  # same endpoints and label, whatever the ids
    assert rel["relaxed"]["f1"] == 1.0


def test_undefined_values_carry_reasons() -> None:
    one = agreement_report([DocInput("d", TEXT, {"a": layer("a", [])})], ["a"]).to_json()
    assert (
        one["token"]["krippendorff_alpha"] is None
        and "two annotators" in one["token"]["undefined"]["krippendorff_alpha"]
    )
    all_o = agreement_report(
        [DocInput("d", TEXT, {"a": layer("a", []), "b": layer("b", [])})], ["a", "b"]
    ).to_json()
    assert all_o["token"]["krippendorff_alpha"] is None
    assert "one category" in all_o["token"]["undefined"]["krippendorff_alpha"]
    assert all_o["span"]["pairs"][0]["exact"]["f1"] is None


def test_token_alpha_matches_the_library_on_label_sets() -> None:
    import krippendorff
    import numpy as np

    layers = {
        "a": layer("a", [sp("الوزير", "speaker", "s1"), sp("المحادثات مثمرة", "claim", "s2")]),
        "b": layer(
            "b",
            [
                sp("الوزير", "speaker", "s1"),
                sp("مثمرة", "claim", "s2"),
                sp("المحادثات", "speaker", "s3"),
            ],
        ),
        "c": layer("c", [sp("قال الوزير", "speaker", "s1")]),
    }
    report = agreement_report([DocInput("d", TEXT, layers)], ["a", "b", "c"]).to_json()
    tokens = tokenize(TEXT)

    def value(la: Layer, t: Any) -> str:  # the definition of SPEC section 6, written out plainly
        labs = sorted({s.label for s in la.spans if s.start < t.end and t.start < s.end})
        return "+".join(labs) or "O"

    values = [[value(la, t) for t in tokens] for la in layers.values()]
    assert "claim+speaker" not in values[0] and values[1][3] == "speaker"
    cats = sorted({v for row in values for v in row})
    matrix = np.array([[cats.index(v) for v in row] for row in values], dtype=float)
    expected = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
    assert report["token"]["krippendorff_alpha"] == pytest.approx(expected)


def _three_annotator_project(tmp_path: Path) -> Path:
    def ann(name: str, spans: list[dict[str, Any]], status: str = "done") -> dict[str, Any]:
        return {"annotator": name, "status": status, "spans": spans, "relations": []}

    def s(word: str, label: str) -> dict[str, Any]:
        i = TEXT.index(word)
        return {"start": i, "end": i + len(word), "label": label}

    lines = [
        {"id": "d1", "text": TEXT, "annotations": [ann("layla", [s("الوزير", "speaker")]), ann("omar", [s("الوزير", "speaker")]),
                                                   ann("sara", [s("قال الوزير", "speaker")])]},
        {"id": "d2", "text": TEXT + ".", "annotations": [ann("layla", [s("الزيارة", "event")]), ann("omar", []),
                                                         ann("sara", [s("الزيارة", "event")], "in_progress")]},
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    db = tmp_path / "p.db"
    with Project.create(db, default_schema()) as p:
        p.add_documents(read_inputs([src], ImportOptions()))
    return db


def test_project_agreement_and_cli(tmp_path: Path) -> None:
    db = _three_annotator_project(tmp_path)
    with Project.open(db) as store:
        report = project_agreement(store).to_json()
    assert report["annotators"] == ["layla", "omar", "sara"]
    assert report["per_document"][0]["id"] == "d2"  # lowest alpha first
    table = run("agreement", str(db))
    assert (
        table.returncode == 0 and "layla / omar" in table.stdout and "Krippendorff" in table.stdout
    )
    data = json.loads(run("agreement", str(db), "--annotators", "layla,omar", "--json").stdout)
    assert set(data) >= {"token", "span", "attributes", "relations", "per_document"}
    assert [(p["a"], p["b"]) for p in data["token"]["pairs"]] == [("layla", "omar")]
    bad = run("agreement", str(db), "--annotators", "layla,nobody")
    assert bad.returncode != 0 and "no annotator 'nobody'" in bad.stderr


def test_agreement_before_anyone_finished_says_so(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    run("import", str(db), str(tmp_path / "a.txt"))
    result = run("agreement", str(db))
    assert result.returncode != 0 and "no annotator has finished a document" in result.stderr


def test_the_report_is_typed_and_its_json_keeps_the_spec_keys(tmp_path: Path) -> None:
    import dataclasses

    from annotator.agreement.records import AgreementReport

    db = _three_annotator_project(tmp_path)
    with Project.open(db) as store:
        report = project_agreement(store, bootstrap=20, seed=1)
    assert isinstance(report, AgreementReport)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.documents = 0  # type: ignore[misc]
    printed = json.loads(run("agreement", str(db), "--json", "--bootstrap", "20", "--seed", "1").stdout)  # fmt: skip
    assert printed == json.loads(json.dumps(report.to_json()))  # one serialisation
    assert set(printed) >= {"annotators", "labels", "documents", "bootstrap", "token", "span",
                            "unitizing", "attributes", "relations", "disagreement", "per_document"}  # fmt: skip
    assert set(printed["token"]) >= {"krippendorff_alpha", "fleiss_kappa", "pairs", "per_label", "ci95"}  # fmt: skip
    assert set(printed["span"]["pairs"][0]) == {"a", "b", "documents", "exact", "overlap"}
    assert set(printed["span"]["pairs"][0]["exact"]) >= {"precision", "recall", "f1", "ci95"}
    assert set(printed["relations"]["pairs"][0]) == {"a", "b", "documents", "exact", "relaxed"}
    assert {"alpha_u", "d_o", "d_e"} <= set(next(iter(printed["unitizing"]["per_label"].values())))
