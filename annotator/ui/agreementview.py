"""The agreement view for leads: a pairwise heatmap, per-label numbers, documents by disagreement.

Signals:
    documentRequested(str): the external id of a document the lead double-clicked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement.records import AgreementReport, DisagreementSection, SpanRef
from annotator.ui import counts
from annotator.ui.widgets.direction import natural_direction
from annotator.ui.widgets.plain import plain_label


def _num(value: Any) -> str:
    return "—" if value is None else f"{value:.2f}"


def heat(value: float | None) -> QColor:
    """Red for disagreement, green for agreement, grey when undefined."""
    if value is None:
        return QColor("#dddddd")
    v = max(0.0, min(1.0, value))
    return QColor.fromHsvF(v / 3.0, 0.45, 0.95)


class AgreementDialog(QDialog):
    """Tabs: pairs (heatmap of token kappa, with span F1), labels, documents."""

    documentRequested = Signal(str)

    def __init__(self, report: AgreementReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agreement"))
        self.report = report
        names = list(report.annotators)
        token, span = report.token, report.span
        summary = plain_label(
            self.tr("{0} · Krippendorff's alpha {1} · Fleiss' kappa {2}\n{3}").format(
                counts.documents(token.documents),  # finished by two or more
                _num(token.krippendorff_alpha.value), _num(token.fleiss_kappa.value), token.tagging,
            ), self)  # fmt: skip
        summary.setWordWrap(True)
        self.matrix = QTableWidget(len(names), len(names), self)
        self.matrix.setHorizontalHeaderLabels(names)
        self.matrix.setVerticalHeaderLabels(names)
        f1 = {(p.a, p.b): p.strict.f1 for p in span.pairs}
        for p in token.pairs:
            i, j = names.index(p.a), names.index(p.b)
            text = f"κ {_num(p.cohen_kappa.value)}\nF1 {_num(f1[(p.a, p.b)])}"
            for r, c in ((i, j), (j, i)):
                item = QTableWidgetItem(text)
                item.setBackground(heat(p.cohen_kappa.value))
                item.setToolTip(p.cohen_kappa.reason)
                self.matrix.setItem(r, c, item)
        self.matrix.resizeRowsToContents()
        self.labels = QTableWidget(len(report.labels), 3, self)
        self.labels.setHorizontalHeaderLabels(
            [self.tr("alpha"), self.tr("exact F1"), self.tr("overlap F1")]
        )
        self.labels.setVerticalHeaderLabels(list(report.labels))
        for row, label in enumerate(report.labels):
            exact, overlap = span.per_label[label]
            values = (token.per_label[label].value, exact.f1, overlap.f1)
            for col, v in enumerate(values):
                item = QTableWidgetItem(_num(v))
                item.setBackground(heat(v))
                self.labels.setItem(row, col, item)
        docs = report.per_document
        self.documents = QTableWidget(len(docs), 4, self)
        natural_direction(self.documents, 0)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("document"), self.tr("alpha"), self.tr("mean exact F1"),
             self.tr("disagreements")]
        )  # fmt: skip
        for row, d in enumerate(docs):
            self.documents.setItem(row, 0, QTableWidgetItem(d.id))
            for col, v in ((1, d.alpha.value), (2, d.mean_exact_f1)):
                item = QTableWidgetItem(_num(v))
                item.setBackground(heat(v))
                self.documents.setItem(row, col, item)
            self.documents.setItem(row, 3, QTableWidgetItem(str(d.disagreements)))
        self.documents.cellDoubleClicked.connect(
            lambda r, _c: self.documentRequested.emit(docs[r].id)
        )
        self.why = self._why(report.disagreement)
        tabs = QTabWidget(self)
        tabs.addTab(self.matrix, self.tr("Pairs"))
        tabs.addTab(self.labels, self.tr("Labels"))
        tabs.addTab(self.documents, self.tr("Documents"))
        tabs.addTab(self.why, self.tr("Why"))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(tabs)
        self.resize(760, 520)

    def _why(self, dis: DisagreementSection) -> QTableWidget:
        """Disagreements by kind, confused labels, and the worst documents' disagreeing spans
        side by side (double-click: compare the document)."""
        kinds = {
            "boundary": self.tr("boundary only"),
            "label": self.tr("label only"),
            "boundary_and_label": self.tr("boundary and label"),
            "missed": self.tr("missed"),
        }
        rows: list[tuple[str, str, str, str]] = []
        self.why_documents: list[str] = []  # the document of each row ("" for summary rows)
        for kind, n in dis.counts.items():
            rows.append((kinds.get(kind, kind), str(n), _num(dis.share(kind)), ""))
            self.why_documents.append("")
        for cell in dis.confusion:
            rows.append((self.tr("labels confused"), str(cell.count), *cell.labels))
            self.why_documents.append("")
        for doc in dis.worst_documents:
            for d in doc.disagreements:
                rows.append((doc.id, kinds.get(d.kind, d.kind), _side(d.a, d.a_span), _side(d.b, d.b_span)))  # fmt: skip
                self.why_documents.append(doc.id)
        table = QTableWidget(len(rows), 4, self)
        table.horizontalHeader().setVisible(False)
        for r, values in enumerate(rows):
            for c, v in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(v))
        for col in (0, 2, 3):
            natural_direction(table, col)
        table.cellDoubleClicked.connect(self._open_why)
        return table

    def _open_why(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.why_documents) and self.why_documents[row]:
            self.documentRequested.emit(self.why_documents[row])


def _side(name: str, span: SpanRef | None) -> str:
    """One annotator's side of a disagreement: who, label and words (a dash when missed)."""
    return f"{name}: —" if span is None else f"{name}: {span.label} «{span.text}»"
