"""Settings declared once (type, default, help), and where packaged resources live.

The GUI stores values through QSettings, the CLI reads none of them: this module only declares them,
so the preferences dialog, the tests and the documentation share one table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    """The folder of packaged resources: inside the installed package, or resources/ in a checkout."""
    for candidate in (_HERE / "resources", _HERE.parent / "resources"):
        if (candidate / "schema.toml").is_file():
            return candidate
    raise FileNotFoundError("the annotator resources folder is missing; reinstall the program")


def resource_path(*parts: str) -> Path:
    """Path of a packaged resource file, e.g. ``resource_path("schema.toml")``."""
    return resource_dir().joinpath(*parts)


INTERFACE_LANGUAGES = ("ar", "en")  # the window's languages; terminal messages are English


@dataclass(frozen=True)
class Setting:
    """One user preference: its key, type, default and the help shown in the preferences dialog."""

    key: str
    type: type
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("annotator", str, "", "Your name as it is stored with every annotation."),
    Setting("language", str, "", "Interface language: 'ar', 'en', or empty to follow the system."),
    Setting("font_family", str, "Amiri", "Font of the article text."),
    Setting("font_size", int, 18, "Size of the article text in points."),
    Setting("theme", str, "light", "Colour theme: 'light' or 'dark'."),
    Setting("recent_project", str, "", "The project opened last."),
    Setting("whole_words", bool, True, "Extend selections to whole words (hold Alt for letters)."),
)


def setting(key: str) -> Setting:
    """The declaration of setting ``key``."""
    for s in SETTINGS:
        if s.key == key:
            return s
    raise KeyError(key)
