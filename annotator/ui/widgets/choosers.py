"""The window's file choosers: the only way it asks for a file or a folder.

Qt's chooser guesses each listed file's type (its icon, the Type column) by reading its first
bytes, in the window's process. Closing that read drops every POSIX lock the process holds on the
file, SQLite's included: listing the project's folder (Import's "Add files…", the merge chooser)
dropped the window's locks on the project and its -shm, the next program to close the project
(``annotator stats``) deleted the write-ahead log as if it were the last one, and the window had to
refuse every edit. These choosers are Qt's own dialog (a desktop's native one may read files the
same way in this process) and tell a file's type by its name alone: they never open a file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget


class _ByName(QFileIconProvider):
    """Icons and types from file names only."""

    def __init__(self) -> None:
        super().__init__()
        self._types = QMimeDatabase()

    def icon(self, what: QFileIconProvider.IconType | QFileInfo) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return super().type(info)  # "Folder": from the file system, nothing is read
        found = self._types.mimeTypeForFile(info, QMimeDatabase.MatchMode.MatchExtension)
        return found.comment() or info.suffix() or found.name()


_BY_NAME = _ByName()


def _run(dialog: QFileDialog) -> list[Path]:
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setIconProvider(_BY_NAME)
    if not dialog.exec():
        return []
    return [Path(name) for name in dialog.selectedFiles()]


def open_files(parent: QWidget | None, title: str, types: str) -> list[Path]:
    """Existing files the user chose ([] when cancelled); ``types``: Qt name filters."""
    dialog = QFileDialog(parent, title, "", types)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def open_file(parent: QWidget | None, title: str, types: str) -> Path | None:
    """An existing file the user chose (None when cancelled)."""
    dialog = QFileDialog(parent, title, "", types)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog)), None)


def folder(parent: QWidget | None, title: str) -> Path | None:
    """An existing folder the user chose (None when cancelled)."""
    dialog = QFileDialog(parent, title)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return next(iter(_run(dialog)), None)


def save_as(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """Where to write (None when cancelled), starting from the ``suggested`` path."""
    start = Path(suggested)
    dialog = QFileDialog(parent, title, str(start.parent) if suggested else "")
    if suggested:
        dialog.selectFile(start.name)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return next(iter(_run(dialog)), None)
