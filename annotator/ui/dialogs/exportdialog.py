"""Export from the window: format, layer, filters and a file; written in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.export.formats import FORMATS, export_format
from annotator.jobs.export import export_dataset
from annotator.model.layers import ALL_LAYERS, GOLD_LAYER, MAJORITY_LAYER, LayerKind
from annotator.store import Project
from annotator.ui.jobs import Job
from annotator.ui.session import Session
from annotator.ui.widgets import choosers
from annotator.ui.widgets.plain import fit_height, plain_label


def suggested_out(project: Path, fmt_name: str) -> Path:
    """Where an export in the format ``fmt_name`` goes unless the user names a place: beside the
    project, after its name and the format's ("news-brat" a folder, "news-doccano.jsonl"; "news.jsonl"
    when the format is named after its extension)."""
    fmt = export_format(fmt_name)
    named = project.stem if f".{fmt.name}" == fmt.suffix else f"{project.stem}-{fmt.name}"
    return project.with_name(named if fmt.folder else named + fmt.suffix)


class ExportDialog(QDialog):
    """Signals: exported(dict) with the manifest."""

    exported = Signal(dict)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Export annotations"))
        self.format = QComboBox(self)
        for fmt in FORMATS:
            self.format.addItem(fmt.name, fmt.name)
            self.format.setItemData(
                self.format.count() - 1, fmt.description, Qt.ItemDataRole.ToolTipRole
            )
        self.layer = QComboBox(self)
        names = session.project.annotators(kinds=[LayerKind.ANNOTATOR])
        for name in names:
            self.layer.addItem(name, ("annotator", name))
        layers = {GOLD_LAYER: self.tr("gold"), MAJORITY_LAYER: self.tr("majority"),
                  ALL_LAYERS: self.tr("all")}  # fmt: skip
        for layer, shown in layers.items():
            self.layer.addItem(shown, ("layer", layer))
        if session.annotator in names:
            self.layer.setCurrentIndex(names.index(session.annotator))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("any status"), "any")
        self.status.addItem(self.tr("done only"), "done")
        self._suggested = str(suggested_out(session.project.path, self.format.currentData()))
        self.out = QLineEdit(self._suggested, self)
        self.force = QCheckBox(self.tr("Replace an earlier export there"), self)
        browse = QPushButton(self.tr("Choose…"), self)
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        self.message = plain_label(parent=self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Layer"), self.layer)
        form.addRow(self.tr("Documents"), self.status)
        form.addRow(self.tr("Save as"), row)
        form.addRow("", self.force)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._follow_format)
        buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(self.run_export)
        self.job: Job | None = None

    def _follow_format(self) -> None:
        """The suggested name follows the format (a file of its extension, or a folder) until the
        user names a place."""
        if self.out.text() == self._suggested:
            self._suggested = str(
                suggested_out(self.session.project.path, self.format.currentData())
            )
            self.out.setText(self._suggested)

    def _browse(self) -> None:
        chosen = choosers.save_as(self, self.tr("Export to"), self.out.text())
        if chosen is not None:
            self.out.setText(str(chosen))

    def run_export(self) -> Job:
        kind, name = self.layer.currentData()
        force = self.force.isChecked()
        fmt, status, out, path = (
            self.format.currentData(),
            self.status.currentData(),
            Path(self.out.text()),
            self.session.project.path,
        )

        def work(progress: Callable[[int], None]) -> dict[str, Any]:
            with Project.open(path) as project:
                return export_dataset(project, fmt, out, name if kind == "annotator" else None,
                                      name if kind == "layer" else None, status, progress,
                                      parallel=True, force=force)  # fmt: skip

        self.ok.setEnabled(False)
        self.job = Job(self.tr("Exporting…"), work, self).start()
        self.job.done.connect(self._done)
        self.job.failed.connect(self._failed)
        return self.job

    def _done(self, manifest: object) -> None:
        assert isinstance(manifest, dict)
        self.exported.emit(manifest)
        self.accept()

    def _failed(self, message: str) -> None:
        self.ok.setEnabled(True)
        self.message.setText(message)
        fit_height(self)
