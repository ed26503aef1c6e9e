"""The interface language: Arabic or English, with the whole window mirrored for Arabic.

Translations are Qt's own: ``resources/translations/annotator_<lang>.qm``, compiled by
pyside6-lrelease from the Qt Linguist sources beside them (see annotator/ui/translations.py), loaded
into a QTranslator, so every ``tr()`` and ``QCoreApplication.translate()`` is answered with its
context and plural forms (Arabic has six). English has a catalogue too, for its two plural forms.
Qt's own dialog buttons come from Qt's catalogue (qtbase_ar.qm). The default follows the system
locale; ``--lang`` and the preferences override it.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.config import resource_path

LANGUAGES = ("ar", "en")

_language = "en"
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate in ``context`` and returns it untranslated, as Qt's macro
    does (PySide6's own is typed as returning object). Translate it where it is shown."""
    return text


def language() -> str:
    """The interface language now in use: "ar" or "en"."""
    return _language


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def catalogues(lang: str) -> list[QTranslator]:
    """The loaded translators for ``lang``: the program's own, then Qt's (buttons, file dialogs)."""
    found: list[QTranslator] = []
    own = QTranslator()
    if not own.load(str(resource_path("translations", f"annotator_{lang}.qm"))):
        raise FileNotFoundError(
            f"annotator_{lang}.qm is missing: it is compiled when the program is installed"
            " (in a checkout: .venv/bin/python -m annotator.ui.translations release)"
        )
    found.append(own)
    qt = QTranslator()
    if lang != "en" and qt.load(
        f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        found.append(qt)
    return found


def install(app: QApplication, lang: str | None) -> str:
    """Use ``lang`` (or the system's) for the interface; Arabic mirrors every layout."""
    global _language
    chosen = lang if lang in LANGUAGES else system_language()
    while _installed:
        app.removeTranslator(_installed.pop())
    for translator in catalogues(chosen):
        translator.setParent(app)
        app.installTranslator(translator)
        _installed.append(translator)
    _language = chosen
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if chosen == "ar" else Qt.LayoutDirection.LeftToRight
    )
    return chosen
