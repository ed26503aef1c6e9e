"""Import articles from the window, with a preview of what cleaning will cut from each file.

Signals:
    imported(int): how many documents were added.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.importers import read_inputs
from annotator.importers.clean import Cleaned, Rule, clean_text, load_rules, user_rules_file
from annotator.importers.formats import SUFFIXES
from annotator.importers.options import ImportOptions
from annotator.model.projectfiles import is_own_file
from annotator.store import Project
from annotator.store.base import OnConflict
from annotator.text.bidi import isolate
from annotator.text.decode import decode_bytes
from annotator.ui import counts
from annotator.ui.errortext import explain
from annotator.ui.i18n import language
from annotator.ui.jobs import Job
from annotator.ui.session import Session
from annotator.ui.widgets import choosers
from annotator.ui.widgets.direction import natural_direction
from annotator.ui.widgets.plain import plain_label


class ImportDialog(QDialog):
    """Choose files or a folder; see what cleaning removes; import."""

    imported = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Import articles"))
        self.paths: list[Path] = []
        self.job: Job | None = None
        self.files = QListWidget(self)
        natural_direction(self.files)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.summary = plain_label(parent=self)
        self.clean = QCheckBox(
            self.tr("Remove site debris (related articles, comment prompts, counters)"), self
        )
        self.clean.setChecked(True)
        self.on_conflict = QComboBox(self)
        for value, text in (
            (OnConflict.FAIL, self.tr("Stop and import nothing")),
            (OnConflict.REPLACE, self.tr("Replace it with the imported layer")),
            (OnConflict.KEEP, self.tr("Keep the project's layer")),
        ):
            self.on_conflict.addItem(text, value.value)
        conflict_row = QFormLayout()
        conflict_row.addRow(
            self.tr("When an annotator's layer is already in the project with other content:"),
            self.on_conflict,
        )
        pick_files = QPushButton(self.tr("Add files…"), self)
        pick_folder = QPushButton(self.tr("Add a folder…"), self)
        self.remove = QPushButton(self.tr("Remove from the list"), self)
        self.remove.setToolTip(self.tr("Takes the selected file off the list (Delete)"))
        self.remove.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        row = QHBoxLayout()
        row.addWidget(pick_files)
        row.addWidget(pick_folder)
        row.addWidget(self.remove)
        row.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.files, 1)
        body.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(body)
        layout.addWidget(self.clean)
        layout.addLayout(conflict_row)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        self.remove.clicked.connect(self.remove_current)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.files)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_current)
        self.files.currentRowChanged.connect(self._show)
        self.files.currentRowChanged.connect(lambda row: self.remove.setEnabled(row >= 0))
        self.clean.toggled.connect(lambda _on: self._show(self.files.currentRow()))
        buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(self.run_import)
        self.resize(1000, 640)

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            files = (
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.suffix.lower() in SUFFIXES
                    and p.suffix.lower() != ".ann"
                    and not is_own_file(self.session.project.path, p)  # its backups, its notes
                )
                if path.is_dir()
                else [path]
            )
            for f in files:
                self.paths.append(f)
                self.files.addItem(f.name)
        if self.files.currentRow() < 0 and self.paths:
            self.files.setCurrentRow(0)

    def remove_current(self) -> None:
        """Take the selected file off the list (the file itself is untouched)."""
        row = self.files.currentRow()
        if 0 <= row < len(self.paths):
            del self.paths[row]
            self.files.takeItem(row)  # the next one is selected (the same row: no signal)
            self._show(self.files.currentRow())

    def _pick_files(self) -> None:
        self.add_paths(
            choosers.open_files(
                self, self.tr("Articles"), self.tr("Articles (*.txt *.csv *.jsonl *.json *.ann)")
            )
        )

    def _pick_folder(self) -> None:
        chosen = choosers.folder(self, self.tr("A folder of articles"))
        if chosen is not None:
            self.add_paths([chosen])

    def _show(self, row: int) -> None:
        """Preview: the article as it will be stored, every line cleaning cuts struck through in
        red where it stands, with its line number and the rule that cuts it."""
        self.preview.clear()
        if not 0 <= row < len(self.paths) or self.paths[row].suffix.lower() != ".txt":
            self.summary.setText(self.tr("Preview shows .txt files."))
            return
        try:
            text = decode_bytes(self.paths[row].read_bytes(), self.paths[row])
            # the user's own cleaning.toml may be broken: say so here, as the import would
            rules = load_rules(user_rules_file()) if self.clean.isChecked() else None
        except AnnotatorError as exc:
            self.summary.setText(explain(exc))
            return
        except OSError as exc:
            self.summary.setText(
                self.tr("{0} cannot be read ({1})").format(
                    isolate(str(self.paths[row]), "ltr"), exc.strerror or exc
                )
            )
            return
        result = clean_text(text, rules) if rules is not None else Cleaned(text)
        named = _rule_names(rules or ())
        cuts = {cut.line: cut for cut in result.cuts}
        cut, note, plain = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
        cut.setForeground(QColor("#b00020"))
        cut.setFontStrikeOut(True)
        note.setForeground(QColor("#6b6b6b"))
        note.setFontItalic(True)
        cursor = self.preview.textCursor()
        for number, line in enumerate(text.split("\n"), 1):
            if number > 1:
                cursor.insertText("\n", plain)
            if number not in cuts:
                cursor.insertText(line, plain)
                continue
            cursor.insertText(line, cut)
            rule = cuts[number].rule
            where = self.tr("line {0}: {1}").format(number, named.get(rule, rule))
            cursor.insertText(f"  [{where}]", note)
        notes = self.tr(", ").join(f"{named.get(k, k)}: {v}" for k, v in result.meta.items())
        self.summary.setText(
            self.tr("{0} will be cut (struck through); the original is kept.").format(
                counts.lines(len(result.cuts))
            )
            + (f"  {notes}" if notes else "")
        )

    def run_import(self) -> Job | None:
        """Import in the background (own connection); Cancel leaves the project as it was."""
        if not self.paths:
            self.summary.setText(self.tr("Add some files first."))
            return None
        schema = self.session.schema
        options = ImportOptions(
            clean=self.clean.isChecked(), label_ids=schema.label_ids, schema=schema,
            project=self.session.project.path,  # the project's own files are never read
        )  # fmt: skip
        path, paths, who = self.session.project.path, list(self.paths), self.session.annotator
        on_conflict = OnConflict(self.on_conflict.currentData())

        def work(progress: Callable[[int], None]) -> int:
            with Project.open(path) as project:
                report = project.add_documents(
                    read_inputs(paths, options),
                    default_annotator=who,
                    on_conflict=on_conflict,
                    progress=progress,
                )
            return report.documents_added

        self.ok.setEnabled(False)
        self.job = Job(self.tr("Importing…"), work, self).start()
        self.job.done.connect(self._imported)
        self.job.failed.connect(self._not_imported)
        return self.job

    def _imported(self, added: object) -> None:
        assert isinstance(added, int)
        self.imported.emit(added)
        self.accept()

    def _not_imported(self, message: str) -> None:
        self.ok.setEnabled(True)
        self.summary.setText(self.tr("Nothing was imported: {0}").format(message))


def _rule_names(rules: tuple[Rule, ...]) -> dict[str, str]:
    """Cleaning rules' names (and their metadata keys) as the Arabic interface says them; the
    English interface shows the names themselves."""
    if language() != "ar":
        return {}
    names = {r.name: r.name_ar for r in rules if r.name_ar}
    names.update({r.key: r.name_ar for r in rules if r.kind == "meta" and r.key and r.name_ar})
    return names
