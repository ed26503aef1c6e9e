"""Breaks a tester found in the agreement figures, reports and dataset card (issue 19): nested spans
joined silently, an N larger than what a figure was computed on, names read as markup, a card that
disagreed with its manifest."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from annotator.agreement.paper import html_page, latex, markdown
from annotator.agreement.report import DocInput, agreement_report, worst_documents
from annotator.agreement.table import render
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.jobs.export import export_dataset
from annotator.model.document import Layer, Span
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.text.tokens import count_tokens

NEWS = "قال الرئيس Xi Jinping إن المحادثات مثمرة"
TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def at(text: str, words: str, label: str, sid: str) -> Span:
    i = text.index(words)
    return Span(i, i + len(words), label, words, {}, sid)


def done(name: str, spans: list[Span]) -> Layer:
    return Layer(name, "done", spans, [])


def test_nested_spans_of_one_label_are_counted_as_joined_everywhere() -> None:
    outer, inner = (
        at(NEWS, "الرئيس Xi Jinping", "speaker", "s1"),
        at(NEWS, "Jinping", "speaker", "s2"),
    )
    doc = DocInput("nest", NEWS, {"a": done("a", [outer, inner]), "b": done("b", [outer])})
    report = agreement_report([doc], ["a", "b"])
    unit = report.unitizing
    assert (unit.units, unit.joined, unit.spans) == (2, 1, 3)
    assert unit.per_label["speaker"].joined == 1
    as_json = report.to_json()["unitizing"]
    assert (as_json["units"], as_json["spans"], as_json["joined"]) == (2, 3, 1)
    assert as_json["per_label"]["speaker"]["joined"] == 1 and "nested" in as_json["joined_means"]
    table = render(report)
    assert "2 units from 3 spans: 1 span nested in or overlapping another" in table
    assert "after joining nested or overlapping spans of a label (speaker 1)" in table
    md = markdown(report)
    assert "2 units (1 nested span joined)" in md and "1 span nested in or overlapping" in md
    assert "(1 joined)" in md  # the label row
    # spans that neither nest nor overlap: nothing joined, nothing said
    apart = DocInput("apart", NEWS, {"a": done("a", [outer]), "b": done("b", [outer])})
    plain = agreement_report([apart], ["a", "b"])
    assert plain.unitizing.joined == 0 and "nested" not in render(plain)
    assert "nested" not in markdown(plain) and "joined)" not in markdown(plain)


def _shared_and_alone() -> list[DocInput]:
    mine = [at(TEXT, "الوزير", "speaker", "s1")]
    docs = [DocInput(f"both{i}", TEXT + " " * i, {"layla": done("layla", mine), "sara": done("sara", mine)})
            for i in range(2)]  # fmt: skip
    docs += [
        DocInput(f"layla{i}", TEXT + "." * (i + 1), {"layla": done("layla", mine)})
        for i in range(4)
    ]
    docs += [DocInput("sara0", TEXT + "!", {"sara": done("sara", mine)})]
    return docs


def test_every_figure_gives_the_documents_and_tokens_it_was_computed_on() -> None:
    docs = _shared_and_alone()
    report = agreement_report(docs, ["layla", "sara"])
    shared = sum(count_tokens(d.text) for d in docs[:2])
    assert report.documents == 7 and report.token.documents == 2
    assert report.token.pairable_tokens == shared < report.token.tokens
    got = report.to_json()["token"]
    assert (got["documents"], got["pairable_tokens"]) == (2, shared)
    md = markdown(report)
    row = next(
        line for line in md.splitlines() if line.startswith("| Krippendorff's alpha (tokens)")
    )
    assert row.endswith(f"| 2 | {shared:,} tokens |"), row
    assert f"Of the 7 documents at least one of them marked done, 2 were finished by at least two ({shared:,} tokens)" in md  # fmt: skip
    tex = latex(report)
    assert f"& 2 & {shared:,} tokens" in tex
    assert f"2 documents finished by at least two ({shared:,} tokens)" in render(report)


HOSTILE = ("<script>alert(1)</script>", "_y_", "$x$", "ليلى")


def _hostile_report() -> Any:
    mine = [at(TEXT, "الوزير", "speaker", "s1")]
    theirs = [at(TEXT, "الزيارة", "speaker", "s1")]
    layers = {name: done(name, mine if i % 2 else theirs) for i, name in enumerate(HOSTILE)}
    doc = DocInput("d<1>", TEXT, layers)
    report = agreement_report([doc], list(HOSTILE))
    worst = worst_documents([doc], list(HOSTILE))
    return replace(report, disagreement=replace(report.disagreement, worst_documents=worst))


def test_markdown_shows_names_as_text_never_markup() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown(_hostile_report())
    assert "<script>" not in md and "_y_" not in md and "$x$" not in md
    page = markdown_it.MarkdownIt("commonmark").enable("table").render(md)
    assert "<script>" not in page and "<em>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "_y_" in page and "$x$" in page
    assert "ليلى" in page


def test_latex_escapes_specials_and_wraps_arabic_for_a_documented_package() -> None:
    tex = latex(_hostile_report())
    body = "\n".join(line for line in tex.splitlines() if not line.startswith("%"))
    assert "<" not in body and ">" not in body and "$x$" not in body and "_y_" not in body
    assert r"\textless{}script\textgreater{}" in body and r"\_y\_" in body and r"\$x\$" in body
    assert r"\textarabic{ليلى}" in body
    assert not re.search(r"[\u0600-\u06ff]", re.sub(r"\\textarabic\{[^{}]*\}", "", body))
    assert "polyglossia" in tex and "arabi" in tex  # the preamble note says how to compile it


def test_html_escapes_names() -> None:
    page = html_page(_hostile_report())
    assert "<script>" not in page and "&lt;script&gt;" in page and "d&lt;1&gt;" in page


def _jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    return path


def test_the_dataset_card_says_what_its_manifest_says(tmp_path: Path) -> None:
    def s(words: str, label: str) -> dict[str, Any]:
        i = TEXT.index(words)
        return {"start": i, "end": i + len(words), "label": label}

    def ann(name: str, spans: list[dict[str, Any]], status: str = "done") -> dict[str, Any]:
        return {"annotator": name, "status": status, "spans": spans, "relations": []}

    nested = [s("قال الوزير", "speaker"), s("الوزير", "speaker"), s("الزيارة", "event")]
    lines = [
        {"id": "d1", "text": TEXT, "annotations": [ann("layla", nested), ann("omar", nested[:1])]},
        {"id": "d2", "text": TEXT + ".", "annotations": [ann("layla", nested[2:]), ann("omar", nested[2:])]},
        {"id": "d3", "text": TEXT + "!", "annotations": [ann("layla", nested), ann("omar", [], "in_progress")]},
    ]  # fmt: skip
    db = tmp_path / "p.db"
    with Project.create(db, default_schema()) as p:
        p.add_documents(read_inputs([_jsonl(tmp_path / "in.jsonl", lines)], ImportOptions()))
        manifest = export_dataset(p, "hf-bio", tmp_path / "hf", "layla")
    card = (tmp_path / "hf" / "README.md").read_text("utf-8")
    assert manifest["dropped"]  # the nested speaker cannot be a second BIO tag in its column
    table = dict(re.findall(r"^\| (\w+) \| (\d+) \|$", card, re.M))
    assert {k: int(v) for k, v in table.items()} == manifest["by_label"]
    assert sum(manifest["by_label"].values()) == manifest["spans"]
    assert f"{manifest['spans']} spans." in card
    assert manifest["agreement"]["documents"] == 2  # both finished d1 and d2, not d3
    assert "on the 2 documents at least two of them finished" in card


def test_the_windows_agreement_view_gives_the_documents_alpha_rests_on(qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    from annotator.ui.agreementview import AgreementDialog

    dialog = AgreementDialog(agreement_report(_shared_and_alone(), ["layla", "sara"]))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith("2 documents · Krippendorff's alpha") for t in texts), texts
