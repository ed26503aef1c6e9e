"""Moving through the documents as an annotator works: finish one and go on to the next still to
do, a word at either end of the list, progress, and reopening where the annotator stopped.

Ctrl+D (done) with checklist items still open warns once and marks the document only when pressed
again. The last document opened is remembered per project and annotator in the user's settings.

Signals:
    progressChanged(str): the "12 of 40 done" text for the status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from annotator.model.document import Status
from annotator.ui import counts
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.widgets.doclist import DocList

STILL_TO_DO = (Status.TODO.value, Status.IN_PROGRESS.value)


class DocumentFlow(QObject):
    """Next, previous, done-and-next, progress, and the document to start on."""

    progressChanged = Signal(str)

    def __init__(
        self, session: Session, doclist: DocList, settings: Settings, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.doclist = doclist
        self.settings = settings
        self._warned: int | None = None  # the document whose open checklist was mentioned
        session.documentOpened.connect(self._opened)
        session.layerChanged.connect(self.show_progress)
        doclist.model.modelReset.connect(self.show_progress)  # imports, restores, merges

    def _place(self) -> tuple[str, str]:
        """Where the last document is remembered: this project's file and this annotator."""
        return str(Path(self.session.project.path).resolve()), self.session.annotator

    def _opened(self, _doc_id: int) -> None:
        self._warned = None
        doc = self.session.document
        if doc is not None:
            self.settings.set_last_document(*self._place(), doc.ext_id)
        self.show_progress()

    # ------------------------------------------------------------- opening
    def open_start(self) -> None:
        """Open the document the annotator last had open here, or the first one."""
        s = self.session
        ext_id = self.settings.last_document(*self._place())
        rows = self.doclist.model.all_rows()
        chosen = next((r for r in rows if r.ext_id == ext_id), rows[0] if rows else None)
        if chosen is not None:
            s.open_document(chosen.id)

    # -------------------------------------------------------------- moving
    def step(self, delta: int) -> None:
        """The next (1) or previous (-1) document of the list; at either end, say so."""
        if not self.doclist.step(delta):
            self.session.message.emit(
                self.tr("This is the last document of the list.")
                if delta > 0
                else self.tr("This is the first document of the list.")
            )

    def finish(self, status: str) -> None:
        """Mark the open document done or skipped, then open the next one still to do."""
        s = self.session
        if s.document is None:
            return
        open_items = s.open_items() if status == Status.DONE.value else 0
        if open_items and self._warned != s.document.id:
            self._warned = s.document.id
            s.message.emit(
                self.tr(
                    "The checklist has {0}. Mark done again to finish this document anyway."
                ).format(counts.open_items(open_items))
            )
            return
        s.set_status(status)
        if s.status() == status:  # not refused (a read-only project says why and stays)
            self.next_to_do()

    def next_to_do(self) -> None:
        """Open the next document (after this one, wrapping) whose status is to do or begun:
        in the list as filtered, or in the whole list when the filtered one has none left."""
        s = self.session
        here_id = s.document.id if s.document else -1
        rows = self.doclist.model.all_rows()
        nxt = None
        for listed in (self.doclist.model.shown_rows(), rows):
            here = next((i for i, r in enumerate(listed) if r.id == here_id), -1)
            order = listed[here + 1 :] + listed[: max(here, 0)]
            nxt = next((r for r in order if r.status in STILL_TO_DO), None)
            if nxt is not None:
                break
        if nxt is None:
            s.message.emit(self.tr("Every document is done or skipped: {0} of {1}.").format(
                len(rows), len(rows)))  # fmt: skip
            return
        s.open_document(nxt.id)

    # ------------------------------------------------------------ progress
    def progress(self) -> str:
        rows = self.doclist.model.all_rows()
        done = sum(1 for r in rows if r.status == Status.DONE.value)
        return self.tr("{0} of {1} done").format(done, len(rows))

    def show_progress(self) -> None:
        self.progressChanged.emit(self.progress())
