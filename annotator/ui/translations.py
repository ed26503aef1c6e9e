"""The interface's translation files: Qt Linguist sources (.ts) and the compiled catalogues (.qm).

``resources/translations/annotator_ar.ts`` holds the Arabic interface (contexts, six plural forms)
and ``annotator_en.ts`` only the English plural forms ("%n spans" -> "1 span"). Translators open
the .ts in Qt Linguist or Weblate. After changing interface strings:

    .venv/bin/python -m annotator.ui.translations update    # pyside6-lupdate: new strings into the .ts
    (translate them in Qt Linguist: .venv/bin/pyside6-linguist resources/translations/annotator_ar.ts)
    .venv/bin/python -m annotator.ui.translations release   # pyside6-lrelease: .ts -> .qm

The .qm files are committed beside their .ts (they are small, and building them at install time
would make PySide6 a build requirement of the wheel); tests/test_ui_i18n.py fails when a .qm is not
what lrelease makes of its .ts, or a .ts misses a string of the sources.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "annotator" / "ui"
FOLDER = ROOT / "resources" / "translations"
# language -> extra lupdate options (English keeps only the plural forms, the rest is the source)
LANGUAGES = {"ar": [], "en": ["-source-language", "en", "-pluralonly"]}


def tool(name: str) -> str:
    """The path of a Qt tool shipped inside the PySide6 wheel (lupdate, lrelease, linguist)."""
    return str(Path(PySide6.__file__).parent / name)


def sources() -> list[str]:
    """Every Python file of the ui package, in a stable order (lupdate reads tr() and translate())."""
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))


def ts_path(lang: str, folder: Path = FOLDER) -> Path:
    return folder / f"annotator_{lang}.ts"


def qm_path(lang: str, folder: Path = FOLDER) -> Path:
    return folder / f"annotator_{lang}.qm"


def update(folder: Path = FOLDER) -> None:
    """Bring every .ts in ``folder`` up to date with the sources (new strings marked unfinished,
    strings no longer in the sources dropped). No line numbers, so moving code changes nothing."""
    for lang, extra in LANGUAGES.items():
        subprocess.run(
            [tool("lupdate"), *sources(), "-locations", "none", "-no-obsolete", "-silent",
             "-target-language", lang, *extra, "-ts", str(ts_path(lang, folder))],
            cwd=ROOT, check=True,
        )  # fmt: skip


def release(folder: Path = FOLDER) -> None:
    """Compile every .ts in ``folder`` to its .qm."""
    for lang in LANGUAGES:
        subprocess.run(
            [tool("lrelease"), "-silent", str(ts_path(lang, folder)), "-qm", str(qm_path(lang, folder))],
            check=True,
        )  # fmt: skip


def main(argv: list[str]) -> int:
    commands = {"update": update, "release": release}
    if len(argv) != 1 or argv[0] not in commands:
        print("usage: python -m annotator.ui.translations update|release", file=sys.stderr)
        return 2
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
