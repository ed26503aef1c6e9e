"""The dialogs the window opens: import, export, compare, progress, agreement, preferences, help.

Each ``show_*`` opens its dialog (non-modal) and returns it; what the dialog changed comes back as
a sentence on the session's message signal or as a signal here for the window to act on.

Signals:
    imported(int): documents were imported (how many); the document list must be read again.
    preferencesAccepted(): the settings changed; font, theme and keys must be applied.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from annotator.agreement.records import AgreementReport
from annotator.model.layers import ALL_LAYERS
from annotator.ui import counts
from annotator.ui.actions import ActionSpec
from annotator.ui.agreementview import AgreementDialog
from annotator.ui.compare import CompareDialog
from annotator.ui.dialogs.exportdialog import ExportDialog
from annotator.ui.dialogs.help import GuidelineDialog, ShortcutSheet
from annotator.ui.dialogs.importdialog import ImportDialog
from annotator.ui.dialogs.preferences import PreferencesDialog
from annotator.ui.progressview import ProgressDialog
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.worktime import WorkTimer


class WindowDialogs(QObject):
    """Opens the window's dialogs and relays what they report."""

    imported = Signal(int)
    preferencesAccepted = Signal()

    def __init__(
        self, session: Session, settings: Settings, work_timer: WorkTimer, window: QWidget
    ) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.work_timer = work_timer
        self.window = window  # the dialogs' parent
        self.agreement_dialog: AgreementDialog | None = None
        self.progress_dialog: ProgressDialog | None = None

    def show_import(self) -> ImportDialog:
        dialog = ImportDialog(self.session, self.window)
        dialog.imported.connect(self._imported)
        dialog.show()
        return dialog

    def _imported(self, added: int) -> None:
        self.imported.emit(added)
        self.session.message.emit(self.tr("Imported {0}.").format(counts.documents(added)))

    def show_export(self) -> ExportDialog:
        dialog = ExportDialog(self.session, self.window)
        dialog.exported.connect(
            lambda m: self.session.message.emit(
                self.tr("Exported {0} and {1}.").format(
                    counts.documents(m["documents"]), counts.spans(m["spans"])
                )
            )
        )
        dialog.show()
        return dialog

    def show_progress(self) -> ProgressDialog:
        """Who did what for how long (the time recorded so far is written first)."""
        self.work_timer.flush()
        dialog = ProgressDialog(self.session.project.progress(), self.window)
        dialog.show()
        self.progress_dialog = dialog
        return dialog

    def show_agreement(self, report: object) -> AgreementDialog:
        """The agreement report; a document in it opens that document's comparison."""
        assert isinstance(report, AgreementReport)
        self.agreement_dialog = AgreementDialog(report, self.window)
        self.agreement_dialog.documentRequested.connect(self._open_by_ext)
        self.agreement_dialog.show()
        return self.agreement_dialog

    def _open_by_ext(self, ext_id: str) -> None:
        self.session.open_document(self.session.project.find_document(ext_id).id)
        self.show_compare()

    def show_compare(self) -> CompareDialog | None:
        """The open document's layers side by side (at least two needed)."""
        s = self.session
        if s.document is None:
            return None
        # every human layer (annotators' and gold: export_layers "all" asks the kinds) with work
        layers = {la.annotator: la for la in s.project.export_layers(s.document.id, ALL_LAYERS, done_only=False)
                  if not la.untouched()}  # fmt: skip
        if len(layers) < 2:
            s.message.emit(self.tr("Fewer than two layers on this document: nothing to compare."))
            return None
        dialog = CompareDialog(s.schema, s.document, layers, self.window)
        dialog.show()
        return dialog

    def show_preferences(self, specs: list[ActionSpec]) -> PreferencesDialog:
        dialog = PreferencesDialog(self.settings, specs, self.window)
        dialog.accepted.connect(self.preferencesAccepted)
        dialog.show()
        return dialog

    def show_guideline(self) -> GuidelineDialog:
        dialog = GuidelineDialog(self.session.schema, self.window)
        dialog.show()
        return dialog

    def show_shortcuts(self, actions: list[QAction]) -> ShortcutSheet:
        sheet = ShortcutSheet(actions, self.window)
        sheet.show()
        return sheet
