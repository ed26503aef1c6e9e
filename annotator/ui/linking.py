"""Linking two spans: by keyboard (link mode) or by dragging one span's tag onto another.

With a span selected, a relation key (A, H, T, P) offers only the spans the schema allows at the
other end, nearest first; the arrow keys cycle among them, Enter or a click links, Escape cancels.
The state of link mode lives in Modes; this object turns keys, clicks and drags into it and into
relations, and says in the status bar why a link cannot start.

Signals:
    candidateShown(int): the code point where the span now offered as the other end starts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QWidget

from annotator.model.document import Span
from annotator.text.bidi import article_words
from annotator.ui import counts
from annotator.ui.modes import Modes
from annotator.ui.names import name
from annotator.ui.session import Session

MENU_CHARS = 24  # characters of a span's words in the drag-link menu

# arrow key -> step among the candidates: left is "next" in right-to-left text
STEPS: dict[int, int] = {
    Qt.Key.Key_Left: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Right: -1, Qt.Key.Key_Up: -1
}  # fmt: skip
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class Linking(QObject):
    """Link mode's keys and clicks, and links made by a drag between two spans."""

    candidateShown = Signal(int)

    def __init__(
        self, session: Session, modes: Modes, menu_parent: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.modes = modes
        self.menu_parent = menu_parent  # where the menu of a drag that fits several relations opens
        modes.linkChanged.connect(self._show_candidate)

    def start(self, relation: str) -> None:
        """Enter link mode from the selected span, or say why it cannot be the link's head."""
        s = self.session
        if not s.selected:
            s.message.emit(
                self.tr("Select a span first (click it or press Tab), then the link key.")
            )
            return
        head = s.span(s.selected)
        rel = s.schema.relation_type(relation)
        if head is None:
            return
        if head.label not in rel.head:
            allowed = self.tr(", ").join(sorted(name(s.schema.label(lab)) for lab in rel.head))
            s.message.emit(
                self.tr("«{0}» links start at a «{1}» span, not at a «{2}».").format(
                    name(rel), allowed, name(s.schema.label(head.label))
                )
            )
            return
        candidates = [sp.id or 0 for sp in s.link_candidates(head.id or 0, relation)]
        if not candidates:
            wanted = self.tr(", ").join(sorted(name(s.schema.label(lab)) for lab in rel.child))
            s.message.emit(
                self.tr("There is no «{0}» span to link to in this document.").format(wanted)
            )
            return
        self.modes.start_link(relation, head.id or 0, candidates)
        s.message.emit(
            self.tr("Link «{0}»: arrows choose, Enter links, Esc cancels ({1}).").format(
                name(rel), counts.candidates(len(candidates))
            )
        )

    def key(self, key: int) -> bool:
        """Act on a key in link mode (arrows, Enter, Escape); whether the key was taken."""
        link = self.modes.link
        if link is None:
            return False
        if key in STEPS:
            self.modes.move_link(link.index + STEPS[key])
        elif key in ENTER_KEYS:
            self.finish()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            return False
        return True

    def click(self, here: list[Span]) -> bool:
        """A click on ``here`` (the spans under it, innermost first) in link mode links to the
        first candidate among them; whether link mode took the click."""
        link = self.modes.link
        if link is None:
            return False
        chosen = next((sp.id for sp in here if sp.id in link.candidates), None)
        if chosen is not None:
            self.modes.move_link(link.candidates.index(chosen))
            self.finish()
        return True

    def finish(self) -> None:
        link = self.modes.end_link()
        if link is not None:
            self.session.add_relation(link.relation, link.head, link.current)

    def cancel(self) -> None:
        self.modes.end_link()
        self.session.message.emit(self.tr("Linking cancelled."))

    def _show_candidate(self) -> None:
        link = self.modes.link
        span = self.session.span(link.current) if link is not None else None
        if span is not None:
            self.candidateShown.emit(span.start)

    def link_by_mouse(self, first_id: int, second_id: int, where: QPoint) -> None:
        """A drag from one span's tag onto another: link them with a relation the schema allows
        between their labels, head and child as the schema says whichever way the drag went (a
        menu when several fit)."""
        s = self.session
        first, second = s.span(first_id), s.span(second_id)
        if first is None or second is None:
            return
        ends = [(first_id, first.label, second_id, second.label)]
        ends.append((second_id, second.label, first_id, first.label))
        fits = [
            (rel, head_id, child_id)
            for head_id, head_label, child_id, child_label in ends
            for rel in s.schema.relations
            if rel.allows(head_label, child_label)
        ]
        done = {(r.label, r.head, r.child) for r in s.relations}
        options = [(rel, h, c) for rel, h, c in fits if (rel.id, h, c) not in done]
        if not options:
            if fits:
                s.message.emit(self.tr("These two spans are already linked."))
            else:
                s.message.emit(
                    self.tr("No relation goes from a {0} span to a {1} span.").format(
                        name(s.schema.label(first.label)), name(s.schema.label(second.label))
                    )
                )
            return
        chosen = 0
        if len(options) > 1:
            menu = QMenu(self.menu_parent)
            by_id = {first_id: first, second_id: second}
            for rel, head_id, child_id in options:
                entry = self.tr("{0} → {1} → {2}").format(
                    self._menu_end(by_id[head_id]), name(rel), self._menu_end(by_id[child_id])
                )  # both ends named: a relation that fits both ways is offered twice
                menu.addAction(entry).setData(rel.id)
            action = menu.exec(where)
            if action is None:
                return
            chosen = menu.actions().index(action)
        rel, head_id, child_id = options[chosen]
        s.add_relation(rel.id, head_id, child_id)

    def _menu_end(self, span: Span) -> str:
        """A span as the drag-link menu names it: its label and its first words."""
        words = span.text if len(span.text) <= MENU_CHARS else span.text[: MENU_CHARS - 1] + "…"
        label = name(self.session.schema.label(span.label))
        return f"{label} «{article_words(words)}»"
