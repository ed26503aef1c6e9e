"""Relation arcs: drawn from the head's tag to the child's, above the tags; linked by dragging
from a tag with the mouse, selected by a click, deleted with Delete and undone (issue 18)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from annotator.model.schema import default_schema, parse_schema
from annotator.ui.docview import ArticleView
from annotator.ui.mainwindow import MainWindow
from annotator.ui.structscene import ArcMode
from annotator.ui.structure import Box
from tests.ui_helpers import add_span, answer_menu, make_window, painted, segments_clear

MIXED = "قال الرئيس Xi Jinping إن الزيارة الأولى منذ عام 2004 كانت مهمة وأكدت الوزارة دعمها"
SECOND = "وأضاف المتحدث باسم الوزارة أن الاتفاق سيوقع قريبا"
SECOND_ENTRY = (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return)  # a menu's second entry


def _speaker_and_claim(qtbot: QtBot, tmp_path: Path) -> tuple[MainWindow, int, int]:
    """A window on MIXED with Xi Jinping labelled speaker and "الزيارة الأولى" claim (their ids)."""
    w = make_window(qtbot, tmp_path, {"a": MIXED})
    return w, add_span(w, "Xi Jinping", "speaker"), add_span(w, "الزيارة الأولى", "claim")


def test_an_arc_goes_from_head_tag_to_child_tag_above_every_tag(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w = make_window(qtbot, tmp_path, {"a": MIXED})
    speaker = add_span(w, "Xi Jinping", "speaker")
    add_span(w, "الرئيس Xi Jinping", "speaker")  # stacked over the first
    claim = add_span(w, "الزيارة الأولى منذ عام 2004", "claim")
    add_span(w, "عام 2004", "event")  # a tag under the arc's way
    assert w.session.add_relation("attributed_to", claim, speaker) is not None
    tags, _frags, arcs = painted(w.view)
    assert len(arcs) == 1
    arc = arcs[0]
    head, child = tags[claim], tags[speaker]
    x, y = arc.points[0]
    assert head.box.x0 < x < head.box.x1 and y == head.box.y0  # leaves the head's tag top
    assert arc.arrow is not None
    (tx, ty), _base = arc.arrow
    assert child.box.x0 < tx < child.box.x1 and ty == child.box.y0  # points at the child's tag
    run_y = arc.points[1][1]
    assert all(run_y < t.box.y0 for t in tags.values())  # the run is above every tag
    segments_clear(arc, [t.box for sid, t in tags.items() if sid not in (claim, speaker)])
    assert arc.label_box is not None
    assert not any(arc.label_box.intersects(t.box) for t in tags.values())
    # right to left: the claim is left of the speaker, so the arrow runs leftwards to rightwards
    assert head.box.cx < child.box.cx


def test_an_arc_between_paragraphs_runs_down_the_margin(qtbot: QtBot, tmp_path: Path) -> None:
    text = MIXED + "\n" + SECOND
    w = make_window(qtbot, tmp_path, {"a": text})
    claim = add_span(w, "الاتفاق سيوقع قريبا", "claim", len(MIXED) + 1)
    speaker = add_span(w, "Xi Jinping", "speaker")
    w.session.add_relation("attributed_to", claim, speaker)
    tags, _frags, arcs = painted(w.view)
    (arc,) = arcs
    text_left = min(f.box.x0 for geo in w.view.structure.blocks for f in geo.fragments)
    xs = [x for x, _y in arc.points]
    assert min(xs) < text_left  # in the margin on the side where right-to-left lines end
    assert arc.points[0][1] == tags[claim].box.y0
    assert arc.arrow is not None and arc.arrow[0][1] == tags[speaker].box.y0


def test_the_arc_toggle_cycles_all_selected_none(qtbot: QtBot, tmp_path: Path) -> None:
    w, speaker, claim = _speaker_and_claim(qtbot, tmp_path)
    ministry = add_span(w, "الوزارة", "speaker")
    stance = add_span(w, "دعمها", "stance")
    w.session.add_relation("attributed_to", claim, speaker)
    w.session.add_relation("holder", stance, ministry)
    assert len(painted(w.view).arcs) == 2
    action = w.actions_by_id["arcs"]
    action.trigger()
    assert w.view.structure.mode is ArcMode.SELECTED
    w.session.select(claim)
    assert [a.relation_id for a in painted(w.view).arcs] == [w.session.relations[0].id]
    action.trigger()
    assert w.view.structure.mode is ArcMode.NONE and painted(w.view).arcs == []
    action.trigger()
    assert len(painted(w.view).arcs) == 2


def _drag(qtbot: QtBot, view: ArticleView, a: QPoint, b: QPoint) -> None:
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(view.viewport(), pos=(a + b) / 2)
    qtbot.mouseMove(view.viewport(), pos=b)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=b)


def _centre(box: Box) -> QPoint:
    return QPoint(round(box.cx), round(box.cy))


def test_drag_from_a_tag_to_a_span_links_them_and_undo_unlinks(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w, speaker, claim = _speaker_and_claim(qtbot, tmp_path)
    tags, _frags, _arcs = painted(w.view)
    # onto the speaker's words (not its tag): the only relation from a claim to a speaker
    words = next(f.box for geo in w.view.structure.blocks for f in geo.fragments
                 if f.span_id == speaker)  # fmt: skip
    _drag(qtbot, w.view, _centre(tags[claim].box), _centre(words))
    assert [(r.head, r.label, r.child) for r in w.session.relations] == [
        (claim, "attributed_to", speaker)
    ]
    assert not w.view.textCursor().hasSelection()  # a link drag selects no text
    assert len(painted(w.view).arcs) == 1
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.session.relations == [] and painted(w.view).arcs == []


def test_a_plain_drag_over_text_still_selects_text(qtbot: QtBot, tmp_path: Path) -> None:
    w, _speaker, _claim = _speaker_and_claim(qtbot, tmp_path)
    w.session.select(0)
    view = w.view
    painted(view)
    words = [f.box for geo in view.structure.blocks for f in geo.fragments]
    a, b = sorted(words, key=lambda f: f.x0)
    _drag(qtbot, view, QPoint(round(b.x1) - 3, round(b.cy)), QPoint(round(a.x0) + 3, round(a.cy)))
    assert view.textCursor().hasSelection()
    assert w.session.relations == []


def test_when_several_relations_fit_a_menu_offers_them(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": MIXED})
    ministry = add_span(w, "الوزارة", "speaker")
    stance = add_span(w, "دعمها", "stance")
    tags, _frags, _arcs = painted(w.view)
    seen = answer_menu(qtbot, SECOND_ENTRY, QAction.data)
    _drag(qtbot, w.view, _centre(tags[stance].box), _centre(tags[ministry].box))
    qtbot.waitUntil(lambda: bool(w.session.relations))
    assert seen == [["holder", "target"]]
    assert [(r.head, r.label, r.child) for r in w.session.relations] == [
        (stance, "target", ministry)
    ]


def test_click_an_arc_then_delete_removes_it_undoably(qtbot: QtBot, tmp_path: Path) -> None:
    w, speaker, claim = _speaker_and_claim(qtbot, tmp_path)
    w.session.add_relation("attributed_to", claim, speaker)
    w.session.select(0)
    _tags, _frags, (arc,) = painted(w.view)
    x0, y = arc.points[1]
    x1 = arc.points[2][0]
    # on the run, away from the label
    box = arc.label_box
    assert box is not None
    x = (x0 + box.x0) / 2 if abs(x0 - box.x0) > abs(x1 - box.x1) else (x1 + box.x1) / 2
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y)))
    assert w.view.structure.focus_relation == arc.relation_id
    assert w.session.relations  # a click selects, nothing more
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert w.session.relations == [] and w.session.span(claim) is not None  # the arc, not a span
    assert painted(w.view).arcs == []
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.label for r in w.session.relations] == ["attributed_to"]


def test_hovering_an_arc_names_head_child_label_and_annotator(qtbot: QtBot, tmp_path: Path) -> None:
    w, speaker, claim = _speaker_and_claim(qtbot, tmp_path)
    w.session.add_relation("attributed_to", claim, speaker)
    _tags, _frags, (arc,) = painted(w.view)
    assert arc.label_box is not None
    text = w.view.arc_description(arc)
    for part in ("Xi Jinping", "الزيارة الأولى", "attributed to", "layla"):
        assert part in text


def test_a_drag_from_the_child_onto_the_head_links_them_as_the_schema_says(
    qtbot: QtBot, tmp_path: Path
) -> None:
    w, speaker, claim = _speaker_and_claim(qtbot, tmp_path)
    tags, _frags, _arcs = painted(w.view)
    # from the speaker's tag onto the claim: the schema only has claim -attributed_to-> speaker
    _drag(qtbot, w.view, _centre(tags[speaker].box), _centre(tags[claim].box))
    assert [(r.head, r.label, r.child) for r in w.session.relations] == [
        (claim, "attributed_to", speaker)
    ]
    assert len(painted(w.view).arcs) == 1
    # the same drag again: already linked, nothing added
    _drag(qtbot, w.view, _centre(tags[speaker].box), _centre(tags[claim].box))
    assert len(w.session.relations) == 1


def test_a_relation_that_fits_both_ways_is_offered_once_each_way_by_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A schema where a speaker may point to a speaker: dragging between two speakers offers the
    relation both ways, each entry naming head and child, and the one picked is the one made."""
    source = default_schema().source + (
        '\n[[relations]]\nid = "quotes"\nen = "quotes"\nar = "يقتبس"\nhead = ["speaker"]\n'
        'child = ["speaker"]\nkey = "Q"\ndescription = "Speaker -> a speaker they quote."\n'
    )
    w = make_window(qtbot, tmp_path, {"a": MIXED}, schema=parse_schema(source))
    xi = add_span(w, "Xi Jinping", "speaker")
    ministry = add_span(w, "الوزارة", "speaker")
    tags, _frags, _arcs = painted(w.view)
    seen = answer_menu(qtbot, SECOND_ENTRY, QAction.text)
    _drag(qtbot, w.view, _centre(tags[xi].box), _centre(tags[ministry].box))
    qtbot.waitUntil(lambda: bool(w.session.relations))
    (entries,) = seen
    assert len(entries) == 2 and entries[0] != entries[1]
    first, second = entries
    # each names the relation and both ends, head first: the drag's way first
    assert first.index("Xi Jinping") < first.index("quotes") < first.index("الوزارة")
    assert second.index("الوزارة") < second.index("quotes") < second.index("Xi Jinping")
    assert all(e.count("Speaker") == 2 for e in entries)
    assert [(r.head, r.label, r.child) for r in w.session.relations] == [(ministry, "quotes", xi)]
