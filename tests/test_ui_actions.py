"""Key bindings are data: one table, no two actions on one key, every action reachable."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from annotator.model.schema import default_schema
from annotator.ui.actions import MENUS, ActionSpec, all_specs, clashes
from tests.ui_helpers import make_window


def test_no_two_actions_share_a_key() -> None:
    assert clashes(all_specs(default_schema())) == []


def test_clashes_are_found() -> None:
    specs = [ActionSpec("a", "A", shortcut="Ctrl+D"), ActionSpec("b", "B", shortcut="ctrl+d")]
    assert clashes(specs) == [("a", "b", "ctrl+d")]


def test_menus_name_real_actions(qtbot: QtBot, tmp_path: Path) -> None:
    w = make_window(qtbot, tmp_path, {"a": "نص"})
    ids = {spec.id for spec in all_specs(default_schema())}
    for _title, entries in MENUS:
        for entry in entries:
            if (
                entry
                and not entry.endswith(":*")
                and entry not in ("import", "export", "preferences")
            ):
                assert entry in ids, entry
    titles = [a.text() for a in w.menuBar().actions()]
    assert "&Suggestions" in titles and "&Lead" in titles
