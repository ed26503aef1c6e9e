"""The interface language: Arabic or English, with the whole window mirrored for Arabic.

Translations are a plain table (resources/translations/ar.toml: English source -> Arabic), served
to Qt through a QTranslator, so every ``tr()`` in the widgets and every action text is covered
without a build step. The default follows the system locale; ``--lang`` and the preferences
override it.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from PySide6.QtCore import QLocale, QObject, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.config import resource_path

LANGUAGES = ("ar", "en")


@lru_cache(maxsize=2)
def table(lang: str) -> dict[str, str]:
    """English source text -> translation (empty for English)."""
    if lang == "en":
        return {}
    data = tomllib.loads(resource_path("translations", f"{lang}.toml").read_text("utf-8"))
    return {str(k): str(v) for k, v in data["strings"].items()}


class TableTranslator(QTranslator):
    """A QTranslator answering from a dict, whatever the context."""

    def __init__(self, strings: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.strings = strings

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        # None (a null string) means "not here": an empty string would be taken as the translation
        return self.strings.get(source)

    def isEmpty(self) -> bool:
        return not self.strings


def system_language() -> str:
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


_installed: TableTranslator | None = None


def install(app: QApplication, lang: str | None) -> str:
    """Use ``lang`` (or the system's) for the interface; Arabic mirrors every layout."""
    global _installed
    chosen = lang if lang in LANGUAGES else system_language()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if chosen != "en":
        _installed = TableTranslator(table(chosen), app)
        app.installTranslator(_installed)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if chosen == "ar" else Qt.LayoutDirection.LeftToRight
    )
    return chosen
