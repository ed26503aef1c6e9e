"""The Arabic interface: every string translated, the window mirrored, --lang honoured."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.i18n import install, table
from tests.test_cli import run
from tests.ui_helpers import make_window

UI = Path(__file__).resolve().parents[1] / "annotator" / "ui"


def interface_strings() -> Iterator[str]:
    """tr() calls, action texts and tips, table headers and menu titles in the ui package."""
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
                texts = []
                if name in ("tr", "_tr") and node.args:
                    texts = [node.args[0]]
                elif name == "ActionSpec":
                    texts = node.args[1:2] + node.args[4:5]
                for t in texts:
                    if isinstance(t, ast.Constant) and isinstance(t.value, str) and t.value:
                        yield t.value
            elif isinstance(node, ast.Assign) and any(
                getattr(t, "id", "") == "HEADERS" for t in node.targets
            ):
                yield from (e.value for e in node.value.elts)  # type: ignore[attr-defined]
            elif isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "MENUS":
                yield from (e.elts[0].value for e in node.value.elts)  # type: ignore[attr-defined,union-attr]


def test_every_interface_string_has_an_arabic_translation() -> None:
    strings = set(interface_strings())
    assert len(strings) > 90
    missing = sorted(strings - set(table("ar")))
    assert missing == []
    for source, arabic in table("ar").items():
        assert source.count("{") == arabic.count("{"), source  # the same placeholders


def test_arabic_mirrors_the_window_and_translates_it(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert install(app, "ar") == "ar"
        assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
        w = make_window(qtbot, tmp_path, {"a": "نص"})
        assert next(a.text() for a in w.menuBar().actions()) == "&ملف"
        assert w.action("undo").text() == "تراجع"
        assert w.doclist.filter.placeholderText().startswith("ابحث")
        assert w.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # the status line reads right to left even though the document id "a" is Latin
        assert w.status_line.doc_status.text() == "\u200f\u2068a\u2069 · 0 مقطع · للعمل"
    finally:
        install(app, "en")
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_lang_ar_screenshot(tmp_path: Path) -> None:
    import os

    shot = tmp_path / "ar.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "d"),
           "XDG_CONFIG_HOME": str(tmp_path / "c")}  # fmt: skip
    result = run("--lang", "ar", "--annotator", "t", "--screenshot", str(shot), env=env)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    assert "Argument missing" not in result.stderr  # Qt's own strings still format
