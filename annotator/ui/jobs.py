"""Long work off the GUI thread: import, export, agreement, merge, with progress and cancel.

A job is a function that receives a progress callback; it opens its own connection to the project
(SQLite connections are not shared across threads). Cancelling makes the next progress call raise,
which rolls the job's transaction back: a cancelled job leaves the project as it was.

Signals (Job):
    progress(int): documents done so far.
    done(object): the job's result.
    failed(str): a sentence for the user (including "Cancelled.").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.errors import AnnotatorError
from annotator.ui import counts
from annotator.ui.errortext import explain
from annotator.ui.i18n import QT_TRANSLATE_NOOP

Work = Callable[[Callable[[int], None]], Any]


class JobCancelled(AnnotatorError):
    """The user cancelled a long job."""


class _Worker(QObject):
    progress = Signal(int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.cancelled = False

    def _report(self, n: int) -> None:
        if self.cancelled:
            raise JobCancelled(QT_TRANSLATE_NOOP("errors", "Cancelled; nothing was changed."))
        self.progress.emit(n)

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self._report)
        except AnnotatorError as exc:
            self.failed.emit(explain(exc))
        except Exception as exc:
            self.failed.emit(
                QCoreApplication.translate("Job", "unexpected error ({0}: {1})").format(
                    type(exc).__name__, exc
                )
            )
        else:
            self.done.emit(result)


class Job(QObject):
    """One running job: a thread, its worker and a progress dialog with Cancel."""

    progress = Signal(int)
    done = Signal(object)
    failed = Signal(str)

    def __init__(self, title: str, work: Work, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self.worker = _Worker(work)
        self.worker.moveToThread(self._thread)
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self.cancel)
        self._thread.started.connect(self.worker.run)
        self.worker.progress.connect(self._progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self._failed)
        self.finished = False

    def start(self) -> Job:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.worker.cancelled = True

    def _progress(self, n: int) -> None:
        self.dialog.setLabelText(self.tr("{0} done…").format(counts.documents(n)))
        self.progress.emit(n)

    def _stop(self) -> None:
        self.finished = True
        self.dialog.reset()
        self._thread.quit()
        self._thread.wait()

    def _done(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    def _failed(self, message: str) -> None:
        self._stop()
        self.failed.emit(message)
