"""The lead's progress view: per annotator assigned, done, skipped, active time, spans per hour,
and per document who is assigned and where each stands (what ``annotator progress`` prints)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.model.progress import ProgressReport
from annotator.ui.names import status_text
from annotator.ui.widgets.direction import natural_direction


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


class ProgressDialog(QDialog):
    """Two tables: annotators and documents."""

    def __init__(self, report: ProgressReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Progress"))
        people = report.annotators
        self.annotators = QTableWidget(len(people), 6, self)
        self.annotators.setHorizontalHeaderLabels(
            [self.tr("assigned"), self.tr("done"), self.tr("skipped"), self.tr("in progress"),
             self.tr("time (h:mm)"), self.tr("spans per hour")]
        )  # fmt: skip
        self.annotators.setVerticalHeaderLabels(list(people))
        for row, p in enumerate(people.values()):
            rate = "—" if p.spans_per_hour is None else f"{p.spans_per_hour:.0f}"
            cells = (str(p.assigned), str(p.done), str(p.skipped), str(p.in_progress),
                     _duration(p.seconds), rate)  # fmt: skip
            for col, text in enumerate(cells):
                self.annotators.setItem(row, col, QTableWidgetItem(text))
        docs = report.documents
        self.documents = QTableWidget(len(docs), 2, self)
        self.documents.setHorizontalHeaderLabels([self.tr("document"), self.tr("who is on it")])
        natural_direction(self.documents, 0)
        for row, d in enumerate(docs):
            self.documents.setItem(row, 0, QTableWidgetItem(d.id))
            who = ", ".join(f"{n} ({status_text(st)})" for n, st in d.annotators.items())
            self.documents.setItem(row, 1, QTableWidgetItem(who))
        tabs = QTabWidget(self)
        tabs.addTab(self.annotators, self.tr("Annotators"))
        tabs.addTab(self.documents, self.tr("Documents"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        self.resize(720, 420)
