"""Starting the GUI: find a display, pick the project and the annotator, open the window.

Problems a person can act on (no display, a locked or foreign file) become a sentence or a dialog
instead of a Qt abort or a traceback.
"""

from __future__ import annotations

import getpass
import logging
import os
import sys
from pathlib import Path

from annotator.errors import AnnotatorError, ProjectError

log = logging.getLogger(__name__)


class DisplayError(AnnotatorError):
    """No screen to draw on."""

    exit_code = 4


def check_display() -> None:
    """Refuse early, with advice, when Qt would abort for lack of a display."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform != "linux":
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise DisplayError(
            "no display found: run annotator on a desktop, start it under a virtual screen "
            "(xvfb-run annotator ...), or set QT_QPA_PLATFORM=offscreen for --screenshot"
        )


def _invisible() -> bool:
    """Whether Qt draws on no screen (offscreen, minimal): dialogs there can never be answered."""
    return os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal")


def run_gui(
    project_path: Path | None,
    annotator: str | None,
    doc_ref: str | None,
    screenshot: Path | None,
    lang: str | None,
) -> int:
    """Open the window; with ``screenshot``, render once, save the PNG and return 0."""
    check_display()
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

    from annotator.store import Project
    from annotator.store.backup import ON_OPEN
    from annotator.ui.demo import ensure_demo
    from annotator.ui.errortext import explain
    from annotator.ui.mainwindow import MainWindow
    from annotator.ui.session import Session
    from annotator.ui.widgets.plain import message_box

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "annotator"])
    assert isinstance(app, QApplication)
    from annotator.ui import errorhook

    errorhook.install()
    app.setApplicationName("annotator")
    from PySide6.QtGui import QIcon

    from annotator.config import resource_path

    app.setWindowIcon(QIcon(str(resource_path("annotator.svg"))))
    from annotator.ui.i18n import install
    from annotator.ui.settings import Settings
    from annotator.ui.theme import apply_theme

    conf = Settings()
    install(app, lang or conf.get("language") or None)
    apply_theme(app, conf.get("theme"))

    if project_path is None:
        recent = conf.get("recent_project")
        project_path = Path(recent) if recent and Path(recent).exists() else ensure_demo()
    try:
        project = Project.open(project_path)
    except ProjectError as exc:
        if screenshot is not None or _invisible():
            raise  # a dialog nobody can see would wait for ever: say it on the terminal
        message_box(None, explain(exc), QMessageBox.Icon.Critical).exec()
        return exc.exit_code
    conf.set("recent_project", str(project_path.resolve()))
    backup_problem = ""
    if not project.readonly and screenshot is None:
        # a backup that cannot be written must not stop the day's work: it warns, the timer retries
        try:
            project.backup(ON_OPEN)
        except (OSError, AnnotatorError) as exc:
            log.warning("start-up backup failed: %s", exc)
            backup_problem = explain(exc) if isinstance(exc, AnnotatorError) else str(exc)

    name = annotator or conf.get("annotator")
    if not name:
        if screenshot is not None or _invisible():
            name = getpass.getuser()
        else:
            name, ok = QInputDialog.getText(
                None,
                "annotator",
                QCoreApplication.translate(
                    "Launch", "Your name (stored with every annotation you make):"
                ),
            )
            if not ok or not name.strip():
                project.close()
                return 1
    name = name.strip()
    conf.set("annotator", name)

    session = Session(project, name)
    window = MainWindow(session)
    if doc_ref is not None:
        session.open_document(project.find_document(doc_ref).id)
    else:
        window.flow.open_start()  # where this annotator stopped, or the first document
    window.resize(1400, 900)
    window.show()
    if backup_problem:
        window.say(window.tr("Backup failed: {0}").format(backup_problem), 0)
    if screenshot is not None:
        app.processEvents()
        image = window.grab()
        ok = image.save(str(screenshot), "PNG")
        window.close()
        if not ok:
            raise AnnotatorError(f"{screenshot}: the screenshot could not be written")
        return 0
    return int(app.exec())
