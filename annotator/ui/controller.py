"""What keys and clicks mean: labelling selections, selecting spans, linking, attributes.

Keeps the main window an assembly: the window builds widgets and actions and hands them here.
Link mode: with a span selected, a relation key offers only the spans the schema allows at the
other end, nearest first; arrow keys cycle, Enter or a click links, Escape cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QMenu

from annotator.model.document import Span
from annotator.text.snap import snap_selection
from annotator.ui.docview import ArticleView
from annotator.ui.session import Session


class LinkMode:
    """The state of choosing the other end of a relation."""

    def __init__(self, relation: str, head: int, candidates: list[int]) -> None:
        self.relation = relation
        self.head = head
        self.candidates = candidates
        self.index = 0

    @property
    def current(self) -> int:
        return self.candidates[self.index]


class Controller(QObject):
    """Connects the article view to the session."""

    def __init__(self, session: Session, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.whole_words = True
        self.pick_attributes = True
        self.link: LinkMode | None = None
        self.menu: QMenu | None = None
        self.suggestions: list[Span] = []
        view.clicked.connect(self._clicked)
        view.key_handler = self._key
        session.documentOpened.connect(self._document_opened)
        session.spansChanged.connect(self._spans_changed)
        session.selectionChanged.connect(lambda _id: self.repaint())

    # ---------------------------------------------------------------- display
    def _document_opened(self, _doc_id: int) -> None:
        self.link = None
        assert self.session.document is not None
        self.suggestions = []
        self.view.set_text(self.session.document.text, self.session.spans, self.emphasis())

    def emphasis(self) -> set[int]:
        s = self.session
        if self.link is not None:
            return {self.link.head, self.link.current}
        if not s.selected:
            return set()
        return {s.selected, *(other for _rel, other in s.partners(s.selected))}

    def set_suggestions(self, spans: list[Span]) -> None:
        """Spans drawn dashed (curation candidates, rule suggestions)."""
        if not spans and not self.suggestions:
            return
        self.suggestions = spans
        self.view.set_spans(self.session.spans, spans, self.emphasis())

    def repaint(self) -> None:
        """Show the selection, its partners and a link candidate emphasised."""
        self.view.set_emphasis(self.emphasis())

    def _spans_changed(self, added: list[Span], removed: list[Span]) -> None:
        self.view.update_spans(self.session.spans, added, removed, self.emphasis())

    # --------------------------------------------------------------- labelling
    def label(self, label: str, exact: bool = False) -> None:
        """Label the selection (snapped), or relabel the selected span when nothing is selected."""
        s = self.session
        if s.document is None:
            return
        selection = self.view.selection()
        if selection is None:
            if s.selected:
                s.relabel(s.selected, label)
            else:
                s.message.emit(self.tr("Select some text first, then press a label key."))
            return
        snapped = snap_selection(
            s.document.text, *selection, whole_words=self.whole_words and not exact
        )
        if snapped is None:
            s.message.emit(self.tr("The selection has no letters to label."))
            return
        span = s.add_span(snapped[0], snapped[1], label)
        self.view.show_span(snapped[0])
        if span is not None and self.pick_attributes and s.schema.label(label).attributes:
            self.open_attribute_picker(span.id or 0)

    def delete_selected(self) -> None:
        if self.session.selected:
            self.session.delete_span(self.session.selected)

    def step_span(self, delta: int) -> None:
        """Select the next or previous span in text order."""
        spans = self.session.spans
        if not spans:
            return
        ids = [sp.id or 0 for sp in spans]
        i = ids.index(self.session.selected) + delta if self.session.selected in ids else 0
        self.select(ids[i % len(ids)])

    def select(self, span_id: int) -> None:
        self.session.select(span_id)
        span = self.session.span(span_id)
        if span is not None:
            self.view.show_span(span.start)

    def _clicked(self, offset: int) -> None:
        here = sorted(self.view.spans_at(offset), key=lambda sp: sp.end - sp.start)
        if self.link is not None:
            chosen = next((sp.id for sp in here if sp.id in self.link.candidates), None)
            if chosen is not None:
                self.link.index = self.link.candidates.index(chosen)
                self.finish_link()
            return
        if not here:
            self.session.select(0)
            return
        ids = [sp.id or 0 for sp in here]
        current = self.session.selected
        # a second click on the same place cycles through nested spans
        nxt = ids[(ids.index(current) + 1) % len(ids)] if current in ids else ids[0]
        self.session.select(nxt)

    # ------------------------------------------------------------------- links
    def start_link(self, relation: str) -> None:
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
            allowed = ", ".join(sorted(rel.head))
            s.message.emit(
                self.tr("{0} links start at a {1} span, not at a {2}.").format(
                    rel.en, allowed, head.label
                )
            )
            return
        candidates = [sp.id or 0 for sp in s.link_candidates(head.id or 0, relation)]
        if not candidates:
            wanted = ", ".join(sorted(rel.child))
            s.message.emit(
                self.tr("There is no {0} span to link to in this document.").format(wanted)
            )
            return
        self.link = LinkMode(relation, head.id or 0, candidates)
        s.message.emit(
            self.tr("Link {0}: arrows choose, Enter links, Esc cancels ({1} candidates).").format(
                rel.en, len(candidates)
            )
        )
        self._show_candidate()

    def _show_candidate(self) -> None:
        if self.link is None:
            return
        span = self.session.span(self.link.current)
        if span is not None:
            self.view.show_span(span.start)
        self.repaint()

    def finish_link(self) -> None:
        link, self.link = self.link, None
        if link is not None:
            self.session.add_relation(link.relation, link.head, link.current)
        self.repaint()

    def cancel_link(self) -> None:
        self.link = None
        self.session.message.emit(self.tr("Linking cancelled."))
        self.repaint()

    def _key(self, e: QKeyEvent) -> bool:
        key = e.key()
        if self.link is not None:
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Up):
                forward = key in (Qt.Key.Key_Left, Qt.Key.Key_Down)  # left is "next" in RTL text
                n = len(self.link.candidates)
                self.link.index = (self.link.index + (1 if forward else -1)) % n
                self._show_candidate()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish_link()
                return True
            if key == Qt.Key.Key_Escape:
                self.cancel_link()
                return True
        if key == Qt.Key.Key_Escape and self.session.selected:
            self.session.select(0)
            return True
        return False

    # -------------------------------------------------------------- attributes
    def open_attribute_picker(self, span_id: int) -> QMenu | None:
        """A small menu of the span's attribute values; digits pick, Escape keeps the default."""
        s = self.session
        span = s.span(span_id)
        if span is None:
            return None
        label = s.schema.label(span.label)
        if not label.attributes:
            return None
        menu = QMenu(self.view)
        menu.setObjectName("attributePicker")
        for attr in label.attributes:
            menu.addSection(attr.name)
            for i, value in enumerate(attr.values, 1):
                mark = "✓ " if span.attributes.get(attr.name) == value else ""
                action = menu.addAction(f"&{i}  {mark}{value}")
                action.setObjectName(f"{attr.name}={value}")
                action.triggered.connect(
                    lambda _=False, n=attr.name, v=value: s.set_attribute(span_id, n, v)
                )
        point = self.view.point_of(span.start)
        self.menu = menu
        menu.popup(self.view.viewport().mapToGlobal(point + QPoint(0, 20)))
        return menu
