"""The window's status bar: a sentence while it is true, who works in which mode, the open
document's line, progress, and a warning when the same work is open in another window.

Every part follows a signal (the session's, the modes', the document flow's); nothing here is
set from outside except through ``say``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStatusBar

from annotator.text.bidi import isolate
from annotator.ui import counts
from annotator.ui.flow import DocumentFlow
from annotator.ui.modes import Modes
from annotator.ui.names import status_text
from annotator.ui.session import Session
from annotator.ui.suggestions import SuggestionReview
from annotator.ui.widgets.plain import plain_label
from annotator.ui.widgets.sentence import SentenceLabel

MESSAGE_MS = 8000  # how long a status bar sentence stays at most
MESSAGE_MIN_CHARS = 64  # a status sentence up to this long is shown whole; the others give way
WARNING_STYLE = "color: #b00020"


class StatusLine(QObject):
    """The widgets of one window's status bar and what they follow."""

    def __init__(
        self,
        bar: QStatusBar,
        session: Session,
        modes: Modes,
        review: SuggestionReview,
        flow: DocumentFlow,
        review_action: QAction,
    ) -> None:
        super().__init__(bar)
        self.session = session
        self.modes = modes
        self.review = review
        self.review_action = review_action  # its shortcut is named in the status line
        self.who = SentenceLabel(bar)
        # the window's own sentence line takes the room the status widgets leave (QStatusBar's
        # temporary messages are hidden behind permanent widgets); long lines are cut with …
        self.message_line = SentenceLabel(bar, MESSAGE_MIN_CHARS)
        self.message_line.setObjectName("message")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.drop_stale_message)
        self.doc_status = SentenceLabel(bar)
        self.shared = SentenceLabel(bar)  # the same work open in another window
        self.shared.setStyleSheet(WARNING_STYLE)
        self.shared.hide()
        self.lost = SentenceLabel(bar)  # the file was removed or replaced elsewhere
        self.lost.setObjectName("fileLost")
        self.lost.setStyleSheet(WARNING_STYLE)
        self.lost.hide()
        self.progress = plain_label(parent=bar)
        self.progress.setObjectName("progress")
        bar.addWidget(self.message_line, 1)
        bar.addPermanentWidget(self.lost)
        bar.addPermanentWidget(self.shared)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.doc_status)
        bar.addPermanentWidget(self.who)
        flow.progressChanged.connect(self.progress.setText)
        self.progress.setText(flow.progress())
        self.show_who(modes.lead)

        session.message.connect(self.say)
        session.fileLost.connect(self.show_lost)
        for changed in (session.documentOpened, session.layerChanged, session.selectionChanged):
            changed.connect(self.drop_stale_message)
        session.layerChanged.connect(self.show_document)
        session.documentOpened.connect(lambda _id: self._read_suggestions())
        session.changedElsewhere.connect(lambda _c: self._read_suggestions())  # suggest ran
        session.changedElsewhere.connect(lambda _c: self.show_shared())
        session.documentOpened.connect(lambda _id: self.show_shared())
        # a window that closed writes its goodbye (seen at once), but one that was killed or lost
        # its file says nothing: the file watch's timer says when to look again
        session.watch.presenceDue.connect(self.show_shared)
        modes.reviewChanged.connect(lambda _on: self.show_document())
        modes.leadChanged.connect(self.show_who)

    def say(self, text: str, ms: int = MESSAGE_MS) -> None:
        """Show a sentence until it stops being true (the next edit, selection or document) or
        for ``ms`` at most (0: until then). Sentences about a change are said after it."""
        self.message_line.setText(text)
        if ms:
            self._message_timer.start(ms)
        else:
            self._message_timer.stop()

    def drop_stale_message(self, *_args: object) -> None:
        self._message_timer.stop()
        self.message_line.setText("")

    def show_who(self, lead: bool) -> None:
        s = self.session
        self.who.setText(
            self.tr("Lead {0}: curating gold").format(s.annotator)
            if lead
            else self.tr("Annotator: {0}").format(s.annotator)
        )
        if s.readonly:
            self.who.setText(self.who.text() + self.tr("  —  READ-ONLY: changes are not saved"))

    def _read_suggestions(self) -> None:
        self.review.note_stored()
        self.show_document()

    def show_document(self) -> None:
        """The open document's id, span count, status, and suggestions waiting for review."""
        s = self.session
        if s.document is None:
            return
        # the document id is isolated so a Latin id cannot reorder the Arabic around it, and a
        # right-to-left interface starts the line right-to-left whatever comes first
        text = self.tr("{0} · {1} · {2}").format(
            isolate(s.document.ext_id),
            counts.spans(len(s.spans)),
            status_text(s.status()),
        )
        if self.doc_status.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            text = "\u200f" + text
        open_ = 0 if self.modes.review else self.review.stored_open()
        if open_:  # otherwise nobody would know `annotator suggest` left something here
            key = self.review_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            text += self.tr(" · {0}: press {1} to review").format(counts.suggestions(open_), key)
        self.doc_status.setText(text)

    def show_lost(self) -> None:
        """Say, for as long as the window is open, that its edits can no longer be saved."""
        self.lost.setText(self.session.lost_text())
        self.lost.show()
        self.shared.hide()

    def show_shared(self) -> None:
        """Say when this annotator has the same document open in another window too."""
        if self.session.lost or not self.session.watch.watching:
            self.shared.hide()  # lost (the red sentence says more) or closed: nothing to say
            return
        others = self.session.other_windows()
        if others:
            self.shared.setText(
                self.tr(
                    "{0} also has this document open in another window: its changes show here,"
                    " and an edit of a span changed there is refused."
                ).format(self.session.annotator)
            )
        self.shared.setVisible(bool(others))
