"""The main window: assembles the document list, article view, label palette and span panel.

It holds no annotation state (the session does) and no mode (Modes does); the backup policy, the
long jobs, the dialogs and the status bar live in their own modules. Actions come from the table
in actions.py; this module builds the widgets and connects them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar, QVBoxLayout, QWidget

from annotator.errors import AnnotatorError
from annotator.model.document import Status
from annotator.ui.actions import MENUS, all_specs, build_actions, tr_action
from annotator.ui.arctoggle import ArcToggle
from annotator.ui.backups import Backups
from annotator.ui.controller import Controller
from annotator.ui.curation import Curation
from annotator.ui.docview import ArticleView
from annotator.ui.errortext import explain
from annotator.ui.finder import Finder
from annotator.ui.flow import DocumentFlow
from annotator.ui.fonts import article_font
from annotator.ui.modes import Modes
from annotator.ui.projectjobs import ProjectJobs
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.statusline import MESSAGE_MS, StatusLine
from annotator.ui.theme import apply_theme
from annotator.ui.widgets.curationpanel import CurationPanel
from annotator.ui.widgets.doclist import DocList
from annotator.ui.widgets.findbar import FindBar
from annotator.ui.widgets.menukeys import keys_left_to_right
from annotator.ui.widgets.palette import LabelPalette, PaletteArea
from annotator.ui.widgets.plain import warn
from annotator.ui.widgets.spanpanel import SpanPanel
from annotator.ui.windowdialogs import WindowDialogs
from annotator.ui.worktime import WorkTimer

MIN_PANEL_WIDTH = 120  # the side panels: in a small window the article keeps the rest (docview)
MIN_WINDOW = (640, 480)
MERGE_SUMMARY_MS = 12000  # a merge summary is longer than most sentences


class MainWindow(QMainWindow):
    """One project, one annotator."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.settings = Settings()
        self._others: list[MainWindow] = []
        self.setWindowTitle(f"annotator — {session.project.path.name}")
        font = article_font(self.settings.get("font_family"), self.settings.get("font_size"))
        self.modes = Modes(session, self)
        self.view = ArticleView(session.schema, font, self)
        self.controller = Controller(session, self.modes, self.view, self)
        self.arcs = ArcToggle(session, self.view, self)
        self.label_bar = LabelPalette(session.schema, self)
        self.doclist = DocList(session, self)
        self.spanpanel = SpanPanel(session, self)
        self.work_timer = WorkTimer(session, self)
        self.flow = DocumentFlow(session, self.doclist, self.settings, self)
        self.backups = Backups(session, self)
        self.jobs = ProjectJobs(session, self)
        self.dialogs = WindowDialogs(session, self.settings, self.work_timer, self)
        self.setMinimumSize(MIN_WINDOW[0], MIN_WINDOW[1])

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(PaletteArea(self.label_bar, central))
        self.find_bar = FindBar(central)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.finder = Finder(session, self.view, self.find_bar, self)
        self.setCentralWidget(central)
        # the document list on the side a reader starts from: right in Arabic, left in English
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        start, end = (Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea)
        if not rtl:
            start, end = end, start
        self._dock(self.tr("Documents"), self.doclist, start)
        self._dock(self.tr("Spans"), self.spanpanel, end)
        self.curation = Curation(session, self)
        self.curation_panel = CurationPanel(self.curation, self)
        self.curation_dock = self._dock(self.tr("Curation"), self.curation_panel, end)
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
        for name in ("whole_words", "lead_mode", "suggestions"):
            self.actions_by_id[name].setCheckable(True)
        self.actions_by_id["whole_words"].setChecked(True)
        for name in ("accept_item", "reject_item"):  # only while something is highlighted
            self.actions_by_id[name].setEnabled(False)
            self.controller.decidableChanged.connect(self.actions_by_id[name].setEnabled)
        self.status_line = StatusLine(
            self.statusBar(),
            session,
            self.modes,
            self.controller.review,
            self.flow,
            self.actions_by_id["suggestions"],
        )
        self._follow_modes()
        self.arcs.changed.connect(self.actions_by_id["arcs"].setToolTip)

        self.label_bar.labelChosen.connect(self.controller.label)
        self.doclist.docActivated.connect(session.open_document)
        self.finder.hitOpened.connect(self.doclist.reveal)
        self.spanpanel.spanActivated.connect(self.controller.select)
        self.spanpanel.attributeRequested.connect(self.controller.open_attribute_picker)
        self.backups.restored.connect(self.doclist.refresh)
        self.jobs.agreementReady.connect(self.dialogs.show_agreement)
        self.jobs.merged.connect(self._merged)
        self.jobs.failed.connect(self.say)
        self.dialogs.imported.connect(lambda _n: self.doclist.refresh())
        self.dialogs.preferencesAccepted.connect(self.apply_preferences)

    def _follow_modes(self) -> None:
        """The mode actions, the curation panel and the review button show the modes' state."""
        lead, review = self.actions_by_id["lead_mode"], self.actions_by_id["suggestions"]
        self.modes.leadChanged.connect(lead.setChecked)
        self.modes.leadChanged.connect(lambda on: review.setEnabled(not on))
        self.modes.leadChanged.connect(self.curation_dock.setVisible)
        self.modes.leadChanged.connect(lambda _on: self.curation.refresh())
        self.modes.reviewChanged.connect(review.setChecked)
        for action_id, action in self.actions_by_id.items():  # "accept all <label>": what is shown
            if action_id.startswith("accept_suggestions:"):
                action.setEnabled(self.modes.review)
                self.modes.reviewChanged.connect(action.setEnabled)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        widget.setMinimumWidth(MIN_PANEL_WIDTH)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        return dock

    def _handlers(self) -> dict[str, Callable[[], object]]:
        s, c, m, d, f = self.session, self.controller, self.modes, self.dialogs, self.finder
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
            "arcs": self.arcs.cycle,
            "next_span": lambda: c.step_span(1),
            "prev_span": lambda: c.step_span(-1),
            "pick_attribute": lambda: c.open_attribute_picker(s.selected),
            "whole_words": self._toggle_whole_words,
            "focus_filter": self.doclist.filter.setFocus,
            "shortcuts": lambda: d.show_shortcuts(list(self.actions_by_id.values())),
            "lead_mode": lambda: m.set_lead(self.actions_by_id["lead_mode"].isChecked()),
            "import": d.show_import,
            "restore": self.backups.restore,
            "preferences": lambda: d.show_preferences(self.specs),
            "export": d.show_export,
            "merge": self.jobs.merge,
            "guideline": d.show_guideline,
            "open_project": self._open_project,
            "suggestions": lambda: m.set_review(self.actions_by_id["suggestions"].isChecked()),
            "accept_item": c.accept_current,
            "reject_item": c.reject_current,
            # F3 follows the find bar while it is open, the suggestions otherwise
            "next_suggestion": lambda: f.step(1) if f.is_open else c.step_suggestion(1),
            "prev_suggestion": lambda: f.step(-1) if f.is_open else c.step_suggestion(-1),
            "find": f.open,
            "find_all": f.show_find_all,
            "label_mentions": c.label_mentions,
            "agreement": self.jobs.agreement,
            "progress": d.show_progress,
            "compare": d.show_compare,
        }
        for lab in s.schema.labels:
            handlers[f"label:{lab.id}"] = partial(c.label, lab.id)
            handlers[f"label_exact:{lab.id}"] = partial(c.label, lab.id, exact=True)
        for rel in s.schema.relations:
            handlers[f"relation:{rel.id}"] = partial(c.linking.start, rel.id)
        for lab in s.schema.labels:
            handlers[f"accept_suggestions:{lab.id}"] = partial(c.accept_suggestions, lab.id)
        return handlers

    def say(self, text: str, ms: int = MESSAGE_MS) -> None:
        """A sentence in the status bar while it is true (see StatusLine.say)."""
        self.status_line.say(text, ms)

    def _toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("main-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for name in ("undo", "redo", None, "prev_doc", "next_doc", "mark_done", "mark_skipped",
                     None, "delete_span", "pick_attribute", "whole_words", None, "zoom_out", "zoom_in",
                     "arcs", None, "suggestions", None, "lead_mode", "compare", "agreement"):  # fmt: skip
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

    def _menus(self) -> None:
        for title, ids in MENUS:
            menu = self.menuBar().addMenu(tr_action(title))
            keys_left_to_right(menu)
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

    def _merged(self, summary: str) -> None:
        self.doclist.refresh()
        if self.session.document is not None:
            self.session.open_document(self.session.document.id)
        self.say(summary, MERGE_SUMMARY_MS)

    def apply_preferences(self) -> None:
        """Font, theme and keys at once; the language the next time the window opens."""
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

    def _open_project(self) -> None:
        from annotator.store import Project
        from annotator.ui.widgets import choosers

        name = choosers.open_file(
            self, self.tr("Open a project"), self.tr("Projects (*.db);;All files (*)")
        )
        if name is None:
            return
        try:
            project = Project.open(name)
        except AnnotatorError as exc:
            warn(self, explain(exc))
            return
        window = MainWindow(Session(project, self.session.annotator))
        window.resize(self.size())
        window.show()
        window.flow.open_start()
        self._others.append(window)

    def _toggle_whole_words(self) -> None:
        self.controller.whole_words = self.actions_by_id["whole_words"].isChecked()

    def action(self, action_id: str) -> QAction:
        return self.actions_by_id[action_id]

    def closeEvent(self, event: QCloseEvent) -> None:
        # every edit is already committed; closing writes the last work time and releases the file
        self.work_timer.pause()
        self.session.close()
        super().closeEvent(event)
