"""What the window keeps between edits so one edit stays cheap on a long article (the arcs it
draws, the span table's link counts, the spans it knows): after any run of edits, undos, deletes
and another window's changes it shows what a window opened afresh shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot

from annotator.model.document import Relation
from annotator.model.edits import AddRelation
from annotator.store import Project
from annotator.ui.mainwindow import MainWindow
from annotator.ui.session import Session
from annotator.ui.widgets import spanpanel
from annotator.ui.widgets.spanmodel import SpanTableModel
from tests.ui_helpers import add_span, make_window

TEXT = "قال الرئيس Xi Jinping إن الزيارة الأولى مهمة وأكد الوزير أن الاتفاق سيوقع قريبا"


def _shown(w: MainWindow) -> tuple[object, ...]:
    """The arcs drawn (relation, head, child, label), the links each span is drawn with, and
    the link counts of the span table (once the panel has followed, as it does when the event
    loop runs)."""
    w.spanpanel.refresh_now()
    w.view.viewport().repaint()
    scene = w.view.structure
    arcs = sorted((a.relation_id, a.head, a.child, a.label) for a in scene.arcs)
    by_span = {s: sorted(k.relation_id for k in links) for s, links in scene.by_span.items()}
    model: SpanTableModel = w.spanpanel.model
    counts = {
        model.span_at(row).id: model.data(model.index(row, model.LINKS))  # type: ignore[union-attr]
        for row in range(model.rowCount())
    }
    partners = {  # what the links box lists for each span
        s.id: sorted((r.id, other) for r, other in w.session.partners(s.id or 0))
        for s in w.session.spans
    }
    return arcs, by_span, counts, partners


def _placed(w: MainWindow) -> list[tuple[int, int, int, int]]:
    """Each tag's span, line and the x extent of the words it is over, as painted."""
    QCoreApplication.processEvents()
    w.view.viewport().repaint()
    return sorted(
        (t.span_id, t.line, round(t.fragment.x0), round(t.fragment.x1))
        for geo in w.view.structure.blocks
        for t in geo.tags
    )


def _fresh(
    qtbot: QtBot, w: MainWindow, shown: Callable[[MainWindow], object] | None = None
) -> object:
    """What a new window on the same file shows (``shown``: what is compared, by default the
    arcs and link counts)."""
    project = Project.open(w.session.project.path)
    session = Session(project, w.session.layer)
    other = MainWindow(session)
    qtbot.addWidget(other)
    other.resize(w.size())
    other.show()
    qtbot.waitExposed(other)
    assert w.session.document is not None
    session.open_document(w.session.document.id)
    other.view.setFont(w.view.font())  # the same zoom
    qtbot.wait(10)  # let the event loop lay the new window's text out, as it does on screen
    try:
        return (shown or _shown)(other)
    finally:
        other.close()


def test_links_added_deleted_and_undone_show_as_in_a_fresh_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    president = add_span(w, "Xi Jinping", "speaker")
    minister = add_span(w, "الوزير", "speaker")
    visit = add_span(w, "الزيارة الأولى مهمة", "claim")
    deal = add_span(w, "الاتفاق سيوقع قريبا", "claim")
    assert w.session.add_relation("attributed_to", visit, president) is not None
    assert w.session.add_relation("attributed_to", deal, minister) is not None
    arcs, _by_span, counts, _partners = _shown(w)
    assert len(arcs) == 2 and counts[president] == 1 and counts[visit] == 1
    assert _shown(w) == _fresh(qtbot, w)

    w.session.delete_span(minister)  # takes its link with it
    assert _shown(w)[2][deal] == ""
    assert _shown(w) == _fresh(qtbot, w)
    w.session.undo()  # the span and its link come back
    assert _shown(w)[2][deal] == 1
    assert _shown(w) == _fresh(qtbot, w)

    rel = w.session.relations[0].id or 0
    w.session.delete_relation(rel)
    assert [r.id for r in w.session.relations] == [2]
    assert _shown(w) == _fresh(qtbot, w)
    w.session.undo()
    w.session.redo()
    w.session.undo()
    assert len(_shown(w)[0]) == 2
    assert _shown(w) == _fresh(qtbot, w)


def test_a_link_made_in_another_window_is_drawn_and_counted(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    president = add_span(w, "Xi Jinping", "speaker")
    visit = add_span(w, "الزيارة الأولى مهمة", "claim")
    assert w.session.add_relation("attributed_to", visit, president) is not None
    minister = add_span(w, "الوزير", "speaker")
    deal = add_span(w, "الاتفاق سيوقع قريبا", "claim")
    with Project.open(w.session.project.path) as other:
        other.apply(AddRelation(Relation(deal, minister, "attributed_to")), "layla")
    w.session.sync()  # what the file watch does when the file changed
    arcs, _by_span, counts, _partners = _shown(w)
    assert len(arcs) == 2 and counts[minister] == 1 and counts[deal] == 1
    assert _shown(w) == _fresh(qtbot, w)


def test_labelling_the_same_words_again_selects_the_span_already_there(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    words = "الزيارة الأولى"
    i = TEXT.index(words)
    longer = add_span(w, "الزيارة الأولى مهمة", "claim")  # starts at the same place, ends later
    event = add_span(w, words, "event")
    claim = add_span(w, words, "claim")  # the same words under another label: a second span
    w.session.select(longer)
    again = w.session.add_span(i, i + len(words), "event")
    assert again is not None and again.id == event
    assert w.session.selected == event
    assert sorted(s.id for s in w.session.spans) == sorted([longer, event, claim])
    assert len(w.session.project.spans(w.session.document.id, "layla")) == 3  # type: ignore[union-attr]


def test_the_checklist_lists_the_first_items_and_counts_the_rest(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spanpanel, "CHECKLIST_SHOWN", 2)
    w = make_window(qtbot, tmp_path, {"a": TEXT})
    claims = [add_span(w, words, "claim") for words in ("الزيارة", "مهمة", "الاتفاق", "قريبا")]
    president = add_span(w, "Xi Jinping", "speaker")
    w.spanpanel.refresh_now()
    panel = w.spanpanel
    rows = [panel.checklist.item(i).text() for i in range(panel.checklist.count())]
    assert panel.check_title.text() == "Checklist: 4 open items"
    assert rows == [
        "Claim «\u2067الزيارة\u2069» has no speaker",
        "Claim «\u2067مهمة\u2069» has no speaker",
        "… and 2 more items",
    ]
    assert w.session.add_relation("attributed_to", claims[0], president) is not None
    panel.refresh_now()
    rows = [panel.checklist.item(i).text() for i in range(panel.checklist.count())]
    assert panel.check_title.text() == "Checklist: 3 open items"
    assert rows[0] == "Claim «\u2067مهمة\u2069» has no speaker" and rows[2] == "… and 1 more item"
    assert w.session.open_items() == len(w.session.checklist()) == 3
    assert w.session.checklist(2) == w.session.checklist()[:2]
    for claim in claims[2:]:
        assert w.session.add_relation("attributed_to", claim, president) is not None
    first = add_span(w, "Jinping", "claim")  # before مهمة: the two listed are these two now

    def shown() -> tuple[str, list[str]]:
        panel.refresh_now()
        items = [panel.checklist.item(i).text() for i in range(panel.checklist.count())]
        return panel.check_title.text(), items

    listed = [
        "Claim «\u2067Jinping\u2069» has no speaker",
        "Claim «\u2067مهمة\u2069» has no speaker",
    ]
    assert shown() == ("Checklist: 2 open items", listed)
    # the listed items stay while the count of the rest goes up and down: its line follows
    later = add_span(w, "سيوقع", "claim")
    assert shown() == ("Checklist: 3 open items", [*listed, "… and 1 more item"])
    assert w.session.add_relation("attributed_to", later, president) is not None
    assert shown() == ("Checklist: 2 open items", listed)
    assert w.session.add_relation("attributed_to", first, president) is not None
    assert shown() == ("Checklist: 1 open item", listed[1:])


LONG = " ".join([TEXT] * 6)  # a paragraph of several lines, so a narrower window rewraps it


@pytest.mark.parametrize("change", ["narrower", "zoom"])
def test_after_the_lines_rewrap_new_tags_sit_over_their_words_as_in_a_fresh_window(
    qtbot: QtBot, tmp_path: Path, change: str
) -> None:
    """An edit places tags over Qt's lines as they are; after a resize or a zoom rewrapped them,
    that is the new lines, not the ones measured before."""
    w = make_window(qtbot, tmp_path, {"a": LONG})
    for n, words in enumerate(("الرئيس", "Xi Jinping", "الزيارة الأولى")):
        i = LONG.index(words, n * len(TEXT))
        assert w.session.add_span(i, i + len(words), "speaker") is not None
    before = _placed(w)
    if change == "narrower":
        w.resize(w.width() - 300, w.height())
    else:
        qtbot.keyClick(w.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)
    assert _placed(w) != before  # the words moved
    later = LONG.index("الاتفاق", 4 * len(TEXT))
    assert w.session.add_span(later, later + len("الاتفاق"), "claim") is not None
    placed = _placed(w)
    assert len(placed) == 4
    assert placed == _fresh(qtbot, w, _placed)
