"""Suggestion rules, the suggest command, and reviewing suggestions in the window."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.jobs.suggest import suggest_project
from annotator.suggest.rules import suggest
from annotator.text.normalize import find_mentions
from tests.test_cli import run
from tests.ui_helpers import make_window

TEXT = (
    "وقالَ وزيرُ الخارجية إن المحادثات كانت مثمرة.\n"
    "وأضاف أن الزيارة الرسمية ستتم قريبا.\n"
    "من جهتها، أكدت وكالة الأنباء أن الحكومة ترفض رفضا قاطعا أي تدخل.\n"
    "وقال المتحدث: «سنعلن النتائج الأسبوع المقبل».\n"
    "وأجرى الرئيس اتصالا هاتفيا مع نظيره، بحسب بيان رسمي."
)


def _found(label: str) -> list[str]:
    return [s.text for s in suggest(TEXT).spans if s.label == label]


def test_speakers_claims_and_attribution() -> None:
    layer = suggest(TEXT)
    assert _found("speaker") == ["وزيرُ الخارجية", "وكالة الأنباء", "المتحدث"]
    assert _found("claim") == [
        "المحادثات كانت مثمرة", "الزيارة الرسمية ستتم قريبا",
        "الحكومة ترفض رفضا قاطعا أي تدخل", "سنعلن النتائج الأسبوع المقبل",
    ]  # fmt: skip
    by_sid = {s.sid: s.text for s in layer.spans}
    links = {(by_sid[str(r.head)], by_sid[str(r.child)]) for r in layer.relations}
    # "وأضاف أن ..." has no subject: the claim goes to the last speaker
    assert ("الزيارة الرسمية ستتم قريبا", "وزيرُ الخارجية") in links
    assert ("سنعلن النتائج الأسبوع المقبل", "المتحدث") in links
    quote = next(s for s in layer.spans if s.text.startswith("سنعلن"))
    assert quote.attributes == {"form": "direct_quote"}
    assert "بيان رسمي" not in _found("speaker")  # a statement is not someone speaking


def test_events_and_stances_with_types_and_clitics_left_out() -> None:
    layer = suggest(TEXT)
    events = {s.text: s.attributes["type"] for s in layer.spans if s.label == "event"}
    assert events["اتصالا هاتفيا"] == "call" and events["الزيارة الرسمية"] == "visit"
    stances = {s.text: s.attributes["polarity"] for s in layer.spans if s.label == "stance"}
    assert stances == {"ترفض رفضا قاطعا": "oppose"}
    assert all(TEXT[s.start : s.end] == s.text for s in layer.spans)


def test_matching_ignores_diacritics() -> None:
    plain = TEXT.replace("وقالَ وزيرُ", "وقال وزير")
    assert suggest(plain).spans[0].text == "وزير الخارجية"


def test_find_mentions_leaves_clitics_out() -> None:
    text = "قال الأسد إن الاسد والأسد بالأسدي للأسدِ."
    found = [text[a:b] for a, b in find_mentions(text, "الأسد")]
    assert found == ["الأسد", "الاسد", "الأسد"]


def test_suggest_command_stores_a_layer_not_exported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "p.db"
    run("import", str(db), str(tmp_path / "a.txt"))
    result = run("suggest", str(db), "--json")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 1 and lines[0]["annotator"] == "suggestions" and lines[0]["relations"]
    assert "Suggested" in run("suggest", str(db)).stdout  # again: replaced, not doubled
    stats = json.loads(run("stats", str(db), "--json").stdout)
    assert stats["spans"] == 0 and stats["suggestions"] == len(lines[0]["spans"])


def test_review_accept_reject_accept_all_and_undo(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    w.action("suggestions").trigger()
    review = w.controller.review
    total = len(review.items)
    assert total > 5 and w.controller.suggestions  # drawn dashed
    first = review.current_item()
    assert first is not None
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    assert [(s.text, s.label) for s in w.session.spans] == [(first.text, first.label)]
    assert len(review.items) == total - 1
    qtbot.keyClick(w.view, Qt.Key.Key_Backspace)  # reject the next one
    assert len(review.items) == total - 2
    w.action("accept_suggestions:claim").trigger()
    claims = [s for s in w.session.spans if s.label == "claim"]
    assert len(claims) == 4
    assert any(r.label == "attributed_to" for r in w.session.relations)
    w.action("undo").trigger()  # the links
    w.action("undo").trigger()  # all the claims, in one step
    assert [s.label for s in w.session.spans] == [first.label]


def test_labelling_a_speaker_offers_its_other_mentions(qtbot: QtBot, tmp_path: Path) -> None:
    text = "قال الرئيس إن الوضع مستقر. وأكد الرئيسُ أن الحوار مستمر، فيما التقى بالرئيس وفد."
    w = make_window(qtbot, tmp_path, {"a": text})
    w.view.select_range(4, 10)
    w.action("label:speaker").trigger()
    assert len(w.controller.mentions) == 2
    w.action("label_mentions").trigger()
    assert [s.text for s in w.session.spans] == ["الرئيس", "الرئيسُ", "الرئيس"]
    assert text[w.session.spans[2].start - 1] == "ب"  # the clitic stays out


def test_editorial_aside_is_left_out_of_the_claim() -> None:
    text = "وأضاف الوزير أن الحرب انتهت تماما، (حسب زعمه)."
    assert [s.text for s in suggest(text).spans if s.label == "claim"] == ["الحرب انتهت تماما"]


def test_the_status_bar_tells_of_stored_suggestions(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    assert "suggestions" not in w.status_line.doc_status.text()  # none stored: nothing to tell
    suggest_project(w.session.project)
    stored = len(w.session.project.layer(w.session.document.id, "suggestions").spans)
    w.session.open_document(w.session.document.id)
    assert f"{stored} suggestions: press S to review" in w.status_line.doc_status.text()
    w.action("suggestions").trigger()
    assert "suggestions" not in w.status_line.doc_status.text()  # reviewing: the panel says it
    qtbot.keyClick(w.view, Qt.Key.Key_Return)  # accept one
    w.action("suggestions").trigger()
    assert f"{stored - 1} suggestions: press S" in w.status_line.doc_status.text()
    w.action("suggestions").trigger()
    qtbot.keyClick(w.view, Qt.Key.Key_Backspace)  # reject one: no longer open either
    w.action("suggestions").trigger()
    assert f"{stored - 2} suggestions: press S" in w.status_line.doc_status.text()
