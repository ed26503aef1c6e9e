"""Qt's own strings that its Arabic catalogue (qtbase_ar.qm) leaves in English, seen in the Arabic
file dialogs ("Look in:", "Folder"). They are marked here, so the program's own catalogue answers
them: Qt asks each installed translator in turn until one has a translation."""

from __future__ import annotations

from annotator.ui.i18n import QT_TRANSLATE_NOOP

GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Computer"),
)
