"""What keys and clicks mean: labelling selections, selecting spans, attributes; linking is
handed to ui/linking.py.

Keeps the main window an assembly: the window builds widgets and actions and hands them here.

What is drawn dashed is what Enter and Backspace act on: in lead mode the curation candidates
(never the suggestions), otherwise the suggestions under review. ``decidableChanged`` tells the
window when there is a highlighted item, so its Enter and Backspace actions work wherever the
focus is, and only then.

Signals:
    decidableChanged(bool): whether an item is highlighted for Enter (accept) / Backspace (reject).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent

from annotator.model.document import Span
from annotator.model.edits import AddSpan, Batch
from annotator.text.bidi import article_words
from annotator.text.normalize import find_mentions
from annotator.text.snap import snap_selection
from annotator.ui import counts
from annotator.ui.curation import Curation
from annotator.ui.docview import ArticleView
from annotator.ui.linking import Linking
from annotator.ui.modes import Modes
from annotator.ui.names import name
from annotator.ui.session import Session
from annotator.ui.suggestions import SuggestionReview
from annotator.ui.widgets.attributes import AttributeChooser

_DIGITS = {getattr(Qt.Key, f"Key_{i}"): i for i in range(1, 10)}


class Controller(QObject):
    """Connects the article view to the session."""

    decidableChanged = Signal(bool)

    def __init__(
        self, session: Session, modes: Modes, view: ArticleView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.modes = modes
        self.view = view
        self.whole_words = True
        self.pick_attributes = True
        self.chooser = AttributeChooser(view)
        self.chooser.chosen.connect(session.set_attribute)
        self.suggestions: list[Span] = []  # what is drawn dashed
        self.review = SuggestionReview(session, modes, self)
        self.curation: Curation | None = None
        self.candidates: list[Span] = []  # the curation's open candidates (lead mode)
        self._decidable = False
        self.mentions: list[tuple[int, int, str]] = []  # other occurrences offered for labelling
        self.linking = Linking(session, modes, view, self)
        self.linking.candidateShown.connect(view.show_span)
        view.clicked.connect(self._clicked)
        view.tagClicked.connect(self.select)
        view.linkDragged.connect(self.linking.link_by_mouse)
        view.key_handler = self._key
        view.key_wanted = self._wants_key
        session.documentOpened.connect(self._document_opened)
        session.spansChanged.connect(self._spans_changed)
        session.selectionChanged.connect(self._selection_changed)
        session.layerChanged.connect(lambda: view.set_relations(session.relations))
        modes.reviewChanged.connect(self._review_changed)
        modes.leadChanged.connect(lambda _on: self._draw_dashed())
        modes.linkChanged.connect(self.repaint)

    # ---------------------------------------------------------------- display
    def _document_opened(self, _doc_id: int) -> None:
        self.chooser.hide()
        assert self.session.document is not None
        self.suggestions = []
        self.mentions = []
        self.view.set_text(self.session.document.text, self.session.spans, self.emphasis())
        self.view.layer_name = self.session.layer
        self.view.set_relations(self.session.relations)
        if self.modes.review:
            self.show_review()

    @property
    def lead(self) -> bool:
        """Curating the gold layer: only curation candidates are shown and acted on."""
        return self.modes.lead

    def attach_curation(self, curation: Curation) -> None:
        """Draw the curation's candidates in lead mode and act on its current one."""
        self.curation = curation
        curation.candidatesChanged.connect(self.set_candidates)
        curation.currentChanged.connect(lambda _row: self.repaint())

    def set_candidates(self, spans: list[Span]) -> None:
        self.candidates = spans
        self._draw_dashed()

    def _draw_dashed(self) -> None:
        if self.lead:
            self.set_suggestions(self.candidates)
        else:
            self.set_suggestions(self.review.items if self.modes.review else [])
        self.repaint()

    def current_item(self) -> Span | None:
        """The highlighted suggestion or curation candidate (None in link mode)."""
        if self.modes.link is not None:
            return None
        if self.lead:
            row = self.curation.current if self.curation is not None else -1
            return self.candidates[row] if 0 <= row < len(self.candidates) else None
        return self.review.current_item() if self.modes.review else None

    def accept_current(self) -> None:
        """Enter: accept the highlighted candidate into gold, or the suggestion into the layer."""
        if self.current_item() is None:
            return
        if self.lead and self.curation is not None:
            self.curation.accept_current()
        else:
            self.review.accept_current()

    def reject_current(self) -> None:
        """Backspace: reject the highlighted candidate or suggestion (stored, undoable)."""
        if self.current_item() is None:
            return
        if self.lead and self.curation is not None:
            self.curation.reject_current()
        else:
            self.review.reject_current()

    def _selection_changed(self, span_id: int) -> None:
        if span_id != self.chooser.span_id:
            self.chooser.hide()  # its values are another span's
        self.repaint()

    def emphasis(self) -> set[int]:
        s = self.session
        link = self.modes.link
        if link is not None:
            return {link.head, link.current}
        current = self.current_item()
        marked = {-(current.id or 0)} if current is not None else set()
        if not s.selected:
            return marked
        return {s.selected, *(other for _rel, other in s.partners(s.selected))} | marked

    def set_suggestions(self, spans: list[Span]) -> None:
        """Spans drawn dashed (curation candidates, rule suggestions)."""
        if not spans and not self.suggestions:
            return
        self.suggestions = spans
        self.view.set_spans(self.session.spans, spans, self.emphasis())

    def repaint(self) -> None:
        """Show the selection, its partners and a link candidate emphasised."""
        self.view.set_emphasis(self.emphasis())
        self.view.structure.set_focus(self.session.selected)
        decidable = self.current_item() is not None
        if decidable != self._decidable:
            self._decidable = decidable
            self.decidableChanged.emit(decidable)

    def _spans_changed(self, added: list[Span], removed: list[Span]) -> None:
        self.view.update_spans(self.session.spans, added, removed, self.emphasis())
        if self.chooser.isVisible() and self.session.span(self.chooser.span_id) is None:
            self.chooser.hide()  # undone or deleted: the values no longer apply
        if self.modes.review and not self.lead:
            self.show_review()

    # ------------------------------------------------------------- suggestions
    def _review_changed(self, on: bool) -> None:
        if on:
            self.show_review()
            n = len(self.review.items)
            self.session.message.emit(
                self.tr("{0}: Enter accepts, Backspace rejects, F3 moves on.").format(
                    counts.suggestions(n)
                )
            )
        else:
            self.review.refresh()
            self._draw_dashed()

    def show_review(self) -> None:
        self.review.refresh()
        self._draw_dashed()
        self._show_current_suggestion()

    def _show_current_suggestion(self) -> None:
        item = self.review.current_item()
        if item is not None:
            self.view.show_span(item.start)
        self.repaint()

    def step_suggestion(self, delta: int) -> None:
        """F3 / Shift+F3 with the find bar closed: the next or previous suggestion under review,
        or a sentence saying what F3 steps through when there is none."""
        if self.review.step(delta) is None:
            self.session.message.emit(
                self.tr(
                    "Nothing to step through: F3 moves between find hits (Ctrl+F) and suggestions"
                    " under review (S)."
                )
            )
            return
        self._show_current_suggestion()

    def accept_suggestions(self, label: str) -> None:
        n = self.review.accept_label(label)
        self.session.message.emit(
            self.tr("Accepted {0} suggested as «{1}».").format(
                counts.spans(n), name(self.session.schema.label(label))
            )
        )

    # -------------------------------------------------------------- propagation
    def offer_mentions(self, span: Span) -> None:
        """After labelling a speaker, offer its other mentions (diacritics ignored)."""
        s = self.session
        if s.document is None:
            return
        have = {(sp.start, sp.end) for sp in s.spans}
        self.mentions = [
            (a, b, span.label) for a, b in find_mentions(s.document.text, span.text)
            if (a, b) not in have and not (a < span.end and span.start < b)
        ]  # fmt: skip
        if self.mentions:
            s.message.emit(
                self.tr("Other mentions of «{1}»: {0}. Ctrl+Shift+M labels them all.").format(
                    counts.mentions(len(self.mentions)), article_words(span.text)
                )
            )

    def label_mentions(self) -> None:
        s = self.session
        if s.document is None or not self.mentions:
            s.message.emit(self.tr("No other mentions to label."))
            return
        attrs = s.schema.label(self.mentions[0][2]).default_attributes()
        edits = tuple(
            AddSpan(
                Span(
                    a,
                    b,
                    label,
                    s.document.text[a:b],
                    attrs,
                    doc_id=s.document.id,
                    annotator=s.layer,
                )
            )
            for a, b, label in self.mentions
        )
        s.apply(Batch(edits, "label mentions") if len(edits) > 1 else edits[0])
        self.mentions = []

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
        whole = self.whole_words and not exact
        corpus = s.corpus_words() if whole else None
        snapped = snap_selection(s.document.text, *selection, whole_words=whole, corpus=corpus)
        if snapped is None:
            s.message.emit(self.tr("The selection has no letters to label."))
            return
        span = s.add_span(snapped[0], snapped[1], label)
        self.view.clear_selection()  # where it is: the text does not move
        if span is not None and label == "speaker":
            self.offer_mentions(span)
        if span is not None and self.pick_attributes and s.schema.label(label).attributes:
            self.open_attribute_picker(span.id or 0)

    def delete_selected(self) -> None:
        """Delete: the selected arc's relation if an arc is selected, else the selected span."""
        relation = self.view.structure.focus_relation
        if relation:
            self.view.structure.select_relation(0)
            self.session.delete_relation(relation)
        elif self.session.selected:
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
        if self.linking.click(here):
            return
        if not here:
            self.session.select(0)
            return
        ids = [sp.id or 0 for sp in here]
        current = self.session.selected
        # a second click on the same place cycles through nested spans
        nxt = ids[(ids.index(current) + 1) % len(ids)] if current in ids else ids[0]
        self.session.select(nxt)

    def _wants_key(self, e: QKeyEvent) -> bool:
        """Keys the view takes before the window's shortcuts: a digit picks an attribute value
        while the chooser is shown and no text is selected (a selection means: label it)."""
        plain = e.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        return (
            self.chooser.isVisible()
            and plain
            and e.key() in _DIGITS
            and self.view.selection() is None
            and _DIGITS[e.key()] <= len(self.chooser.choices)
        )

    def _key(self, e: QKeyEvent) -> bool:
        key = e.key()
        if self._wants_key(e):
            return self.chooser.pick(_DIGITS[key] - 1)
        if self.chooser.isVisible() and key == Qt.Key.Key_Escape:
            self.chooser.hide()
            return True
        if self.linking.key(key):
            return True
        if key == Qt.Key.Key_Enter and self.current_item() is not None:
            self.accept_current()  # the keypad's Enter; Return is the window's accept action
            return True
        if key == Qt.Key.Key_Escape and self.session.selected:
            self.session.select(0)
            return True
        return False

    # -------------------------------------------------------------- attributes
    def open_attribute_picker(self, span_id: int) -> AttributeChooser | None:
        """Show the span's attribute values in the strip under the article; digits or a click
        pick, Escape closes.

        It takes no keyboard focus: any other key (Ctrl+Z, a new selection and its label key)
        works as if it were not there."""
        s = self.session
        span = s.span(span_id)
        if span is None:
            return None
        label = s.schema.label(span.label)
        if not label.attributes:
            return None
        self.chooser.show_for(span, label, lambda: self._lines_of(span))
        return self.chooser

    def _lines_of(self, span: Span) -> QRect:
        """The viewport rectangle from the span's first character to its last."""
        cursor = self.view.textCursor()
        cursor.setPosition(self.view.conv.to_utf16(span.start))
        first = self.view.cursorRect(cursor)
        cursor.setPosition(self.view.conv.to_utf16(span.end))
        return first.united(self.view.cursorRect(cursor))
