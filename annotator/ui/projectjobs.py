"""The window's long jobs on the whole project: agreement and merging annotators' copies.

Each runs off the GUI thread on its own connection (see annotator.ui.jobs) and reports by signal;
the window decides what to show.

Signals:
    agreementReady(object): the agreement report, computed.
    merged(str): the merge summary, one clause per copy merged.
    failed(str): a sentence for the user.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from annotator.ui import counts
from annotator.ui.jobs import Job
from annotator.ui.session import Session
from annotator.ui.widgets import choosers


class ProjectJobs(QObject):
    """Starts agreement and merge jobs and keeps them referenced while they run."""

    agreementReady = Signal(object)
    merged = Signal(str)
    failed = Signal(str)

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window  # the parent of the progress dialogs and the file chooser
        self.running: list[Job] = []

    def _start(self, title: str, work: Callable[[Callable[[int], None]], Any]) -> Job:
        job = Job(title, work, self.window).start()
        job.failed.connect(self.failed)
        self.running = [j for j in self.running if not j.finished] + [job]
        return job

    def agreement(self) -> Job:
        """Compute agreement in the background; ``agreementReady`` brings the report."""
        from annotator.agreement.records import AgreementReport
        from annotator.jobs.agreement import project_agreement
        from annotator.store import Project

        path = self.session.project.path

        def work(progress: Callable[[int], None]) -> AgreementReport:
            with Project.open(path) as project:
                return project_agreement(project, progress=progress)

        job = self._start(self.tr("Computing agreement…"), work)
        job.done.connect(self.agreementReady)
        return job

    def merge(self, paths: list[Path] | None = None) -> Job | None:
        """Merge annotators' copies into this project (None: ask which files)."""
        from annotator.jobs.merge import merge_projects
        from annotator.store import Project
        from annotator.store.base import OnConflict

        if paths is None:
            paths = choosers.open_files(
                self.window, self.tr("Annotators' copies"), self.tr("Projects (*.db)")
            )
        if not paths:
            return None
        target = self.session.project.path

        def work(progress: Callable[[int], None]) -> str:
            with Project.open(target) as project:
                reports = merge_projects(project, paths, OnConflict.KEEP)  # conflicts: listed
            return "; ".join(
                self.tr("{0}: +{1}, {2}").format(
                    Path(name).name,
                    counts.layers(r.layers_added + r.layers_replaced),
                    counts.conflicts(len(r.conflicts)),
                )
                for name, r in reports.items()
            )

        job = self._start(self.tr("Merging…"), work)
        job.done.connect(lambda summary: self.merged.emit(str(summary)))
        return job
