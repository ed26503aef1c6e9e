"""The main window: assembles the document list, article view, label palette and span panel.

It holds no annotation state: the session does. Actions come from the table in actions.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.model.document import Status
from annotator.model.layers import GOLD_LAYER
from annotator.text.bidi import isolate
from annotator.ui.actions import MENUS, all_specs, build_actions
from annotator.ui.agreementview import AgreementDialog
from annotator.ui.compare import CompareDialog
from annotator.ui.controller import Controller
from annotator.ui.curation import CurationPanel
from annotator.ui.dialogs.exportdialog import ExportDialog
from annotator.ui.dialogs.findall import FindAllDialog
from annotator.ui.dialogs.help import GuidelineDialog, ShortcutSheet
from annotator.ui.dialogs.importdialog import ImportDialog
from annotator.ui.dialogs.preferences import PreferencesDialog
from annotator.ui.docview import ArticleView
from annotator.ui.finder import Finder
from annotator.ui.flow import DocumentFlow
from annotator.ui.fonts import article_font
from annotator.ui.jobs import Job
from annotator.ui.progressview import ProgressDialog
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.theme import apply_theme
from annotator.ui.widgets.doclist import STATUS_TEXT, DocList
from annotator.ui.widgets.findbar import FindBar
from annotator.ui.widgets.palette import LabelPalette, PaletteArea
from annotator.ui.widgets.plain import inform, plain_label, warn
from annotator.ui.widgets.sentence import SentenceLabel
from annotator.ui.widgets.spanpanel import SpanPanel
from annotator.ui.worktime import WorkTimer

MESSAGE_MS = 8000  # how long a status bar sentence stays at most
MESSAGE_MIN_CHARS = (
    64  # a status sentence up to this long is shown whole; the other labels give way
)
MIN_PANEL_WIDTH = 160  # the side panels; the article keeps the rest
MIN_WINDOW = (640, 480)


class MainWindow(QMainWindow):
    """One project, one annotator."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.settings = Settings()
        self._others: list[MainWindow] = []
        self._jobs: list[Job] = []
        self.agreement_dialog: AgreementDialog | None = None
        self.setWindowTitle(f"annotator — {session.project.path.name}")
        font = article_font(self.settings.get("font_family"), self.settings.get("font_size"))
        self.view = ArticleView(session.schema, font, self)
        self.controller = Controller(session, self.view, self)
        self.label_bar = LabelPalette(session.schema, self)
        self.doclist = DocList(session, self)
        self.spanpanel = SpanPanel(session, self)
        self.work_timer = WorkTimer(session, self)
        self.flow = DocumentFlow(session, self.doclist, self.settings, self)
        self.setMinimumSize(MIN_WINDOW[0], MIN_WINDOW[1])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(PaletteArea(self.label_bar, central))
        self.find_bar = FindBar(central)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.finder = Finder(session, self.view, self.find_bar, self)
        self.find_all_dialog: FindAllDialog | None = None
        self.setCentralWidget(central)
        # the document list on the side a reader starts from: right in Arabic, left in English
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        start, end = (Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea)
        if not rtl:
            start, end = end, start
        self._dock(self.tr("Documents"), self.doclist, start)
        self._dock(self.tr("Spans"), self.spanpanel, end)
        self.curation = CurationPanel(session, self)
        self.curation_dock = self._dock(self.tr("Curation"), self.curation, end)
        self.curation_dock.hide()
        self.controller.attach_curation(self.curation)
        self.curation.editRequested.connect(self.view.select_range)

        self.specs = all_specs(session.schema)
        self.actions_by_id = build_actions(
            self, self.specs, self._handlers(), self.settings.key_overrides()
        )
        for action in self.actions_by_id.values():
            self.addAction(action)
        self._toolbar()
        self._menus()
        self.actions_by_id["whole_words"].setCheckable(True)
        self.actions_by_id["whole_words"].setChecked(True)
        self.actions_by_id["lead_mode"].setCheckable(True)
        self.actions_by_id["suggestions"].setCheckable(True)
        for name in ("accept_item", "reject_item"):  # only while something is highlighted
            self.actions_by_id[name].setEnabled(False)
            self.controller.decidableChanged.connect(self.actions_by_id[name].setEnabled)

        self.who = SentenceLabel(self)
        # the window's own sentence line takes the room the status widgets leave (QStatusBar's
        # temporary messages are hidden behind permanent widgets); long lines are cut with …
        self.message_line = SentenceLabel(self, MESSAGE_MIN_CHARS)
        self.message_line.setObjectName("message")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self._drop_stale_message)
        self.doc_status = SentenceLabel(self)
        self.shared = SentenceLabel(self)  # the same work open in another window
        self.shared.setStyleSheet("color: #b00020")
        self.shared.hide()
        self.progress = plain_label(parent=self)
        self.progress.setObjectName("progress")
        self.statusBar().addWidget(self.message_line, 1)
        self.statusBar().addPermanentWidget(self.shared)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.doc_status)
        self.statusBar().addPermanentWidget(self.who)
        self.flow.progressChanged.connect(self.progress.setText)
        self.progress.setText(self.flow.progress())
        self.who.setText(self.tr("Annotator: {0}").format(session.annotator))
        if session.readonly:
            self.who.setText(self.who.text() + self.tr("  —  READ-ONLY: changes are not saved"))

        self.label_bar.labelChosen.connect(self.controller.label)
        self.doclist.docActivated.connect(session.open_document)
        self.spanpanel.spanActivated.connect(self.controller.select)
        self.spanpanel.attributeRequested.connect(self.controller.open_attribute_picker)
        session.message.connect(self.say)
        for changed in (session.documentOpened, session.layerChanged, session.selectionChanged):
            changed.connect(self._drop_stale_message)
        # a rolling backup every ten minutes while something changed (and one at open, in launch)
        self._backed_up = session.project.last_change()
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(10 * 60 * 1000)
        self.backup_timer.timeout.connect(self.backup_if_changed)
        if not session.readonly:
            self.backup_timer.start()
        session.layerChanged.connect(self._show_status)
        session.documentOpened.connect(lambda _id: self._read_suggestions())
        session.changedElsewhere.connect(lambda _c: self._read_suggestions())  # suggest ran
        session.changedElsewhere.connect(lambda _c: self._show_shared())
        session.documentOpened.connect(lambda _id: self._show_shared())
        self.actions_by_id["suggestions"].toggled.connect(lambda _on: self._show_status())

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        widget.setMinimumWidth(MIN_PANEL_WIDTH)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def _handlers(self) -> dict[str, Callable[[], object]]:
        s, c, f = self.session, self.controller, self.finder
        handlers: dict[str, Callable[[], object]] = {
            "undo": s.undo,
            "redo": s.redo,
            "delete_span": c.delete_selected,
            "next_doc": lambda: self.flow.step(1),
            "prev_doc": lambda: self.flow.step(-1),
            "mark_done": lambda: self.flow.finish(Status.DONE.value),
            "mark_skipped": lambda: self.flow.finish(Status.SKIPPED.value),
            "quit": self.close,
            "zoom_in": lambda: self.view.zoomIn(2),
            "zoom_out": lambda: self.view.zoomOut(2),
            "next_span": lambda: c.step_span(1),
            "prev_span": lambda: c.step_span(-1),
            "pick_attribute": lambda: self._pick_attribute(),
            "whole_words": self._toggle_whole_words,
            "focus_filter": self.doclist.filter.setFocus,
            "shortcuts": self._show_shortcuts,
            "lead_mode": self._toggle_lead_mode,
            "import": self.show_import,
            "restore": self.restore_backup,
            "preferences": self.show_preferences,
            "export": self.show_export,
            "merge": self.merge_copies,
            "guideline": self.show_guideline,
            "open_project": self._open_project,
            "suggestions": lambda: c.toggle_review(self.actions_by_id["suggestions"].isChecked()),
            "accept_item": c.accept_current,
            "reject_item": c.reject_current,
            # F3 follows the find bar while it is open, the suggestions otherwise
            "next_suggestion": lambda: f.step(1) if f.is_open else c.step_suggestion(1),
            "prev_suggestion": lambda: f.step(-1) if f.is_open else c.step_suggestion(-1),
            "find": f.open,
            "find_all": self.show_find_all,
            "label_mentions": c.label_mentions,
            "agreement": self.show_agreement,
            "progress": self.show_progress,
            "compare": self.show_compare,
        }
        for lab in s.schema.labels:
            handlers[f"label:{lab.id}"] = partial(c.label, lab.id)
            handlers[f"label_exact:{lab.id}"] = partial(c.label, lab.id, exact=True)
        for rel in s.schema.relations:
            handlers[f"relation:{rel.id}"] = partial(c.start_link, rel.id)
        for lab in s.schema.labels:
            handlers[f"accept_suggestions:{lab.id}"] = partial(c.accept_suggestions, lab.id)
        return handlers

    def say(self, text: str, ms: int = MESSAGE_MS) -> None:
        """Show a sentence in the status bar until it stops being true (the next edit, selection
        or document) or for ``ms`` at most (0: until then). Sentences about a change are said
        after it."""
        self.message_line.setText(text)
        if ms:
            self._message_timer.start(ms)
        else:
            self._message_timer.stop()

    def _drop_stale_message(self, *_args: object) -> None:
        self._message_timer.stop()
        self.message_line.setText("")

    def _pick_attribute(self) -> None:
        self.controller.open_attribute_picker(self.session.selected)

    def _toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for name in ("undo", "redo", None, "prev_doc", "next_doc", "mark_done", "mark_skipped",
                     None, "delete_span", "pick_attribute", "whole_words", None, "zoom_out", "zoom_in",
                     None, "suggestions", None, "lead_mode", "compare", "agreement"):  # fmt: skip
            if name is None:
                bar.addSeparator()
            else:
                bar.addAction(self.actions_by_id[name])
        bar.addSeparator()
        for rel in self.session.schema.relations:
            action = self.actions_by_id.get(f"relation:{rel.id}")
            if action is not None:
                bar.addAction(action)
        self.addToolBar(bar)

    def _toggle_lead_mode(self) -> None:
        """Lead mode edits the gold layer and lists what the annotators disagree on."""
        lead = self.actions_by_id["lead_mode"].isChecked()
        review = self.actions_by_id["suggestions"]
        if lead and review.isChecked():  # suggestions are for an annotator's own layer
            review.setChecked(False)
            self.controller.toggle_review(False)
        review.setEnabled(not lead)
        self.session.set_layer(GOLD_LAYER if lead else self.session.annotator)
        self.curation_dock.setVisible(lead)
        self.curation.refresh()
        self.who.setText(
            self.tr("Lead {0}: curating gold").format(self.session.annotator)
            if lead
            else self.tr("Annotator: {0}").format(self.session.annotator)
        )

    def show_agreement(self) -> Job:
        """Compute agreement in the background, then show it."""
        from annotator.jobs.agreement import project_agreement
        from annotator.store import Project

        path = self.session.project.path

        def work(progress: Callable[[int], None]) -> dict[str, Any]:
            with Project.open(path) as project:
                return project_agreement(project, progress=progress)

        job = Job(self.tr("Computing agreement…"), work, self).start()
        job.done.connect(self._show_report)
        job.failed.connect(self.say)
        self._jobs.append(job)
        return job

    def show_progress(self) -> ProgressDialog:
        """Who did what for how long (the time recorded so far is written first)."""
        self.work_timer.flush()
        dialog = ProgressDialog(self.session.project.progress(), self)
        dialog.show()
        self.progress_dialog = dialog
        return dialog

    def _show_report(self, report: object) -> None:
        assert isinstance(report, dict)
        self.agreement_dialog = AgreementDialog(report, self)
        self.agreement_dialog.documentRequested.connect(self._open_by_ext)
        self.agreement_dialog.show()

    def show_export(self) -> ExportDialog:
        dialog = ExportDialog(self.session, self)
        dialog.exported.connect(
            lambda m: self.say(
                self.tr("Exported {0} document(s) and {1} span(s).").format(
                    m["documents"], m["spans"]
                )
            )
        )
        dialog.show()
        return dialog

    def merge_copies(self, paths: list[Path] | None = None) -> Job | None:
        """Merge annotators' copies into this project in the background."""
        from PySide6.QtWidgets import QFileDialog

        from annotator.jobs.merge import merge_projects
        from annotator.store import Project

        if paths is None:
            names, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Annotators' copies"), "", "Projects (*.db)"
            )
            paths = [Path(n) for n in names]
        if not paths:
            return None
        target = self.session.project.path

        def work(progress: Callable[[int], None]) -> str:
            with Project.open(target) as project:
                reports = merge_projects(project, paths)
            return "; ".join(
                f"{Path(name).name}: +{r.layers_added} layer(s), {len(r.conflicts)} conflict(s)"
                for name, r in reports.items()
            )

        job = Job(self.tr("Merging…"), work, self).start()
        job.done.connect(self._merged)
        job.failed.connect(lambda text: warn(self, text))
        self._jobs.append(job)
        return job

    def _merged(self, summary: object) -> None:
        self.doclist.refresh()
        if self.session.document is not None:
            self.session.open_document(self.session.document.id)
        self.say(str(summary), 12000)

    def _open_by_ext(self, ext_id: str) -> None:
        self.session.open_document(self.session.project.find_document(ext_id).id)
        self.show_compare()

    def show_find_all(self) -> FindAllDialog:
        """The project-wide search; choosing a hit opens its document with the hit selected."""
        if self.find_all_dialog is None:
            self.find_all_dialog = FindAllDialog(self.session.project, self)
            self.find_all_dialog.hitChosen.connect(self._open_hit)
        dialog = self.find_all_dialog
        dialog.show()
        dialog.activateWindow()
        dialog.box.setFocus()
        dialog.box.selectAll()
        return dialog

    def _open_hit(self, doc_id: int, start: int, end: int) -> None:
        self.session.open_document(doc_id)
        self.view.select_range(start, end)
        self.view.setFocus()

    def show_compare(self) -> CompareDialog | None:
        s = self.session
        if s.document is None:
            return None
        layers = {la.annotator: la for la in s.project.export_layers(s.document.id, "all", done_only=False)
                  if la.annotator != "suggestions" and (la.spans or la.status != "todo")}  # fmt: skip
        if len(layers) < 2:
            s.message.emit(self.tr("Fewer than two layers on this document: nothing to compare."))
            return None
        dialog = CompareDialog(s.schema, s.document, layers, self)
        dialog.show()
        return dialog

    def show_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.settings, self.specs, self)
        dialog.accepted.connect(self.apply_preferences)
        dialog.show()
        return dialog

    def apply_preferences(self) -> None:
        """Font, theme and keys at once; the language the next time the window opens."""
        from PySide6.QtGui import QKeySequence
        from PySide6.QtWidgets import QApplication

        self.view.setFont(
            article_font(self.settings.get("font_family"), self.settings.get("font_size"))
        )
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.get("theme"))
        overrides = self.settings.key_overrides()
        for spec in self.specs:
            self.actions_by_id[spec.id].setShortcut(
                QKeySequence(overrides.get(spec.id, spec.shortcut))
            )

    def show_guideline(self) -> GuidelineDialog:
        dialog = GuidelineDialog(self.session.schema, self)
        dialog.show()
        return dialog

    def backup_if_changed(self) -> Path | None:
        project = self.session.project
        if project.readonly or project.last_change() == self._backed_up:
            return None
        try:
            path = project.backup().path
        except (OSError, AnnotatorError) as exc:
            self.say(self.tr("Backup failed: {0}").format(exc))
            return None
        self._backed_up = project.last_change()
        return path

    def restore_backup(self, choice: str | None = None) -> None:
        """Replace the project with one of its backups (the current state is backed up first)."""
        from PySide6.QtWidgets import QInputDialog

        from annotator.store.backup import list_backups, restore_backup

        project = self.session.project
        found = list_backups(project.path)
        if not found:
            inform(self, self.tr("This project has no backups yet."))
            return
        if choice is None:
            names = [b.path.name for b in found]
            choice, ok = QInputDialog.getItem(
                self, self.tr("Restore a backup"), self.tr("Backup:"), names, 0, False
            )
            if not ok:
                return
        try:
            before = restore_backup(
                project.path, project.path.with_name(project.path.name + ".backups") / choice
            )
        except AnnotatorError as exc:
            warn(self, str(exc))
            return
        self.session.undo_stack.clear()  # the edits on the stack belong to the replaced state
        project._last_doc = None
        first = self.session.document.id if self.session.document else None
        self.doclist.refresh()
        if first is not None:
            with contextlib.suppress(AnnotatorError):  # the document may not exist in the backup
                self.session.open_document(first)
        self.say(self.tr("Restored; the state before is kept as {0}.").format(before.path.name))

    def show_import(self) -> ImportDialog:
        dialog = ImportDialog(self.session, self)
        dialog.imported.connect(self._after_import)
        dialog.show()
        return dialog

    def _after_import(self, added: int) -> None:
        self.doclist.refresh()
        self.say(self.tr("Imported {0} document(s).").format(added))

    def _open_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from annotator.store import Project

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a project"), "", "Projects (*.db);;All files (*)"
        )
        if not name:
            return
        try:
            project = Project.open(name)
        except AnnotatorError as exc:
            warn(self, str(exc))
            return
        window = MainWindow(Session(project, self.session.annotator))
        window.resize(self.size())
        window.show()
        window.flow.open_start()
        self._others.append(window)

    def _menus(self) -> None:
        for title, ids in MENUS:
            menu = self.menuBar().addMenu(self.tr(title))
            for action_id in ids:
                if action_id is None:
                    menu.addSeparator()
                elif action_id.endswith(":*"):
                    prefix = action_id[:-1]
                    for key, action in self.actions_by_id.items():
                        if key.startswith(prefix):
                            menu.addAction(action)
                elif action_id in self.actions_by_id:
                    menu.addAction(self.actions_by_id[action_id])

    def _toggle_whole_words(self) -> None:
        self.controller.whole_words = self.actions_by_id["whole_words"].isChecked()

    def _read_suggestions(self) -> None:
        self.controller.review.note_stored()
        self._show_status()

    def _show_status(self) -> None:
        s = self.session
        if s.document is None:
            return
        # the document id is isolated so a Latin id cannot reorder the Arabic around it, and a
        # right-to-left interface starts the line right-to-left whatever comes first
        text = self.tr("{0} · {1} spans · {2}").format(
            isolate(s.document.ext_id),
            len(s.spans),
            self.tr(STATUS_TEXT.get(s.status(), s.status())),
        )
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            text = "\u200f" + text
        review = self.actions_by_id["suggestions"]
        open_ = 0 if review.isChecked() else self.controller.review.stored_open()
        if open_:  # otherwise nobody would know `annotator suggest` left something here
            key = review.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            text += self.tr(" · {0} suggestions: press {1} to review").format(open_, key)
        self.doc_status.setText(text)

    def _show_shared(self) -> None:
        """Say when this annotator has the same document open in another window too."""
        others = self.session.other_windows()
        if others:
            self.shared.setText(
                self.tr(
                    "{0} also has this document open in another window: its changes show here,"
                    " and an edit of a span changed there is refused."
                ).format(self.session.annotator)
            )
        self.shared.setVisible(bool(others))

    def _show_shortcuts(self) -> ShortcutSheet:
        sheet = ShortcutSheet(list(self.actions_by_id.values()), self)
        sheet.show()
        return sheet

    def action(self, action_id: str) -> QAction:
        return self.actions_by_id[action_id]

    def closeEvent(self, event: QCloseEvent) -> None:
        # every edit is already committed; closing writes the last work time and releases the file
        self.work_timer.pause()
        self.session.close()
        super().closeEvent(event)
