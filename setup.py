"""The interface translations are compiled when the package is built or installed: Qt's lrelease
(shipped in the PySide6 wheel, a build requirement in pyproject.toml) turns each
resources/translations/*.ts into the .qm the window loads. The .qm files are build products, not
sources; annotator/ui/translations.py does the compiling (loaded by path, so that building needs
none of the program's other dependencies)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def translations() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "annotator_translations", HERE / "annotator" / "ui" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithTranslations(build_py):
    """build_py, then lrelease: into the build tree, or beside the .ts for an editable install."""

    def run(self) -> None:
        super().run()
        t = translations()
        if getattr(self, "editable_mode", False):
            t.release()
        else:
            out = Path(self.build_lib) / "annotator" / "resources" / "translations"
            out.mkdir(parents=True, exist_ok=True)
            t.release(out=out)


setup(cmdclass={"build_py": BuildPyWithTranslations})
