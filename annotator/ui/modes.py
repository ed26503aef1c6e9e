"""What the keys act on right now: the window's modes, kept in one object that widgets observe.

Lead mode edits the gold layer and lists what the annotators disagree on; suggestion review draws
the suggestions dashed for Enter and Backspace (an annotator's own layer only, so lead mode turns
it off); link mode is choosing the other end of a relation. Actions, the curation panel, the status
line and the controller follow the signals; none of them holds its own copy of the state.

Signals:
    leadChanged(bool): curating the gold layer (True) or annotating one's own layer (False).
    reviewChanged(bool): suggestions shown for review or not.
    linkChanged(): link mode started, moved to another candidate, or ended.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.model.layers import GOLD_LAYER
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


class Modes(QObject):
    """Lead mode, suggestion review and link mode of one window."""

    leadChanged = Signal(bool)
    reviewChanged = Signal(bool)
    linkChanged = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._review = False
        self._link: LinkMode | None = None
        session.documentOpened.connect(lambda _id: self.end_link())

    # ------------------------------------------------------------------ lead
    @property
    def lead(self) -> bool:
        """Curating the gold layer: only curation candidates are shown and acted on."""
        return self.session.layer == GOLD_LAYER

    def set_lead(self, on: bool) -> None:
        if on == self.lead:
            self.leadChanged.emit(on)  # a refused toggle: the observers show the state again
            return
        if on:
            self.set_review(False)  # suggestions are for an annotator's own layer
        self.end_link()
        self.session.set_layer(GOLD_LAYER if on else self.session.annotator)
        self.leadChanged.emit(on)

    # ---------------------------------------------------------------- review
    @property
    def review(self) -> bool:
        return self._review

    def set_review(self, on: bool) -> None:
        """Show or hide the suggestions (never in lead mode); observers always hear the result."""
        self._review = on and not self.lead
        self.reviewChanged.emit(self._review)

    # ------------------------------------------------------------------ link
    @property
    def link(self) -> LinkMode | None:
        return self._link

    def start_link(self, relation: str, head: int, candidates: list[int]) -> None:
        self._link = LinkMode(relation, head, candidates)
        self.linkChanged.emit()

    def move_link(self, index: int) -> None:
        """Make the candidate at ``index`` (wrapping) the current one."""
        if self._link is not None:
            self._link.index = index % len(self._link.candidates)
            self.linkChanged.emit()

    def end_link(self) -> LinkMode | None:
        """Leave link mode; the link being chosen (if any) is returned for finishing."""
        link, self._link = self._link, None
        if link is not None:
            self.linkChanged.emit()
        return link
