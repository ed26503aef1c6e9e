"""Every action of the window in one table: id, text, icon, default shortcut. Key bindings are data.

Label and relation keys come from the schema; the rest are fixed here. ``clashes`` finds two actions
on one key so a test (and the preferences dialog) can refuse them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from annotator.model.schema import Schema
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.names import description, name
from annotator.ui.widgets.plain import tooltip


def tr_action(text: str) -> str:
    """An action text or menu title of the table below in the interface language."""
    return QCoreApplication.translate("actions", text)


@dataclass(frozen=True)
class ActionSpec:
    """One user action: a stable id, its text, a qtawesome icon name and its default keys."""

    id: str
    text: str
    icon: str = ""
    shortcut: str = ""
    tip: str = ""


FIXED: tuple[ActionSpec, ...] = (
    ActionSpec(
        "undo",
        QT_TRANSLATE_NOOP("actions", "Undo"),
        "fa5s.undo",
        "Ctrl+Z",
        QT_TRANSLATE_NOOP(
            "actions",
            "Undo the last edit made since this window opened (earlier sessions' edits stay saved)",
        ),
    ),
    ActionSpec("redo", QT_TRANSLATE_NOOP("actions", "Redo"), "fa5s.redo", "Ctrl+Shift+Z"),
    ActionSpec(
        "delete_span",
        QT_TRANSLATE_NOOP("actions", "Delete span"),
        "fa5s.trash",
        "Delete",
        QT_TRANSLATE_NOOP("actions", "Remove the selected span"),
    ),
    ActionSpec(
        "next_doc", QT_TRANSLATE_NOOP("actions", "Next document"), "fa5s.arrow-down", "Alt+Down"
    ),
    ActionSpec(
        "prev_doc", QT_TRANSLATE_NOOP("actions", "Previous document"), "fa5s.arrow-up", "Alt+Up"
    ),
    ActionSpec(
        "mark_done",
        QT_TRANSLATE_NOOP("actions", "Mark done"),
        "fa5s.check-circle",
        "Ctrl+D",
        QT_TRANSLATE_NOOP("actions", "This document is finished: open the next one still to do"),
    ),
    ActionSpec(
        "mark_skipped",
        QT_TRANSLATE_NOOP("actions", "Mark skipped"),
        "fa5s.forward",
        "Ctrl+K",
        QT_TRANSLATE_NOOP("actions", "Skip this document and open the next"),
    ),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("actions", "Zoom in"), "fa5s.search-plus", "Ctrl+="),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("actions", "Zoom out"), "fa5s.search-minus", "Ctrl+-"),
    ActionSpec("next_span", QT_TRANSLATE_NOOP("actions", "Next span"), "", "Tab"),
    ActionSpec("prev_span", QT_TRANSLATE_NOOP("actions", "Previous span"), "", "Shift+Tab"),
    ActionSpec(
        "pick_attribute",
        QT_TRANSLATE_NOOP("actions", "Set attributes…"),
        "fa5s.tags",
        "V",
        QT_TRANSLATE_NOOP("actions", "Choose attribute values"),
    ),
    ActionSpec(
        "arcs",
        QT_TRANSLATE_NOOP("actions", "Relation arcs: all, the selected span's, none"),
        "fa5s.project-diagram",
        "R",
        QT_TRANSLATE_NOOP("actions", "Cycle which relations are drawn as arcs over the text"),
    ),
    ActionSpec(
        "whole_words",
        QT_TRANSLATE_NOOP("actions", "Whole words"),
        "fa5s.text-width",
        "W",
        QT_TRANSLATE_NOOP(
            "actions", "Extend selections to whole words (hold Alt with a label key for letters)"
        ),
    ),
    ActionSpec(
        "focus_filter", QT_TRANSLATE_NOOP("actions", "Find document"), "fa5s.filter", "Ctrl+G"
    ),
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("actions", "Find in this document…"),
        "fa5s.search",
        "Ctrl+F",
        QT_TRANSLATE_NOOP(
            "actions",
            "Diacritics, tatweel and hamza forms ignored; F3 moves, Enter selects the hit, Esc closes",
        ),
    ),
    ActionSpec(
        "find_all",
        QT_TRANSLATE_NOOP("actions", "Find in all documents…"),
        "fa5s.search-location",
        "Ctrl+Shift+F",
        QT_TRANSLATE_NOOP(
            "actions", "Every hit in the project with the words around it; Enter opens one"
        ),
    ),
    ActionSpec(
        "suggestions",
        QT_TRANSLATE_NOOP("actions", "Show suggestions"),
        "fa5s.magic",
        "S",
        QT_TRANSLATE_NOOP(
            "actions", "Suggested spans, dashed: Enter accepts, Backspace rejects, F3 moves on"
        ),
    ),
    ActionSpec(
        "accept_item",
        QT_TRANSLATE_NOOP("actions", "Accept"),
        "fa5s.check",
        "Return",
        QT_TRANSLATE_NOOP(
            "actions", "Accept the highlighted suggestion (or, in lead mode, curation candidate)"
        ),
    ),
    ActionSpec(
        "reject_item",
        QT_TRANSLATE_NOOP("actions", "Reject"),
        "fa5s.times",
        "Backspace",
        QT_TRANSLATE_NOOP(
            "actions", "Reject the highlighted suggestion (or, in lead mode, curation candidate)"
        ),
    ),
    ActionSpec(
        "next_suggestion",
        QT_TRANSLATE_NOOP("actions", "Next find hit (find bar open) or suggestion"),
        "",
        "F3",
        QT_TRANSLATE_NOOP(
            "actions", "While the find bar is open F3 follows its hits; otherwise the suggestions"
        ),
    ),
    ActionSpec(
        "prev_suggestion",
        QT_TRANSLATE_NOOP("actions", "Previous find hit (find bar open) or suggestion"),
        "",
        "Shift+F3",
        QT_TRANSLATE_NOOP(
            "actions",
            "While the find bar is open Shift+F3 follows its hits; otherwise the suggestions",
        ),
    ),
    ActionSpec(
        "label_mentions",
        QT_TRANSLATE_NOOP("actions", "Label the other mentions"),
        "fa5s.clone",
        "Ctrl+Shift+M",
    ),
    ActionSpec(
        "lead_mode",
        QT_TRANSLATE_NOOP("actions", "Lead mode: curate the gold layer"),
        "fa5s.user-shield",
        "Ctrl+L",
        QT_TRANSLATE_NOOP("actions", "Show the gold layer and the annotators' open disagreements"),
    ),
    ActionSpec(
        "agreement", QT_TRANSLATE_NOOP("actions", "Agreement…"), "fa5s.chart-bar", "Ctrl+Shift+G"
    ),
    ActionSpec(
        "progress",
        QT_TRANSLATE_NOOP("actions", "Progress…"),
        "fa5s.tasks",
        "",
        QT_TRANSLATE_NOOP("actions", "Who did what, for how long"),
    ),
    ActionSpec(
        "compare",
        QT_TRANSLATE_NOOP("actions", "Compare annotators side by side"),
        "fa5s.columns",
        "Ctrl+Shift+C",
    ),
    ActionSpec(
        "open_project", QT_TRANSLATE_NOOP("actions", "Open project…"), "fa5s.folder-open", "Ctrl+O"
    ),
    ActionSpec(
        "import", QT_TRANSLATE_NOOP("actions", "Import articles…"), "fa5s.file-import", "Ctrl+I"
    ),
    ActionSpec("restore", QT_TRANSLATE_NOOP("actions", "Restore a backup…"), "fa5s.history"),
    ActionSpec(
        "export", QT_TRANSLATE_NOOP("actions", "Export annotations…"), "fa5s.file-export", "Ctrl+E"
    ),
    ActionSpec(
        "merge", QT_TRANSLATE_NOOP("actions", "Merge annotators' copies…"), "fa5s.object-group"
    ),
    ActionSpec("preferences", QT_TRANSLATE_NOOP("actions", "Preferences…"), "fa5s.cog", "Ctrl+,"),
    ActionSpec(
        "guideline",
        QT_TRANSLATE_NOOP("actions", "Annotation guideline"),
        "fa5s.book-open",
        "Shift+F1",
    ),
    ActionSpec(
        "shortcuts", QT_TRANSLATE_NOOP("actions", "Keyboard shortcuts"), "fa5s.keyboard", "F1"
    ),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "Quit"), "fa5s.power-off", "Ctrl+Q"),
)


# Texts are marked QT_TRANSLATE_NOOP for pyside6-lupdate and translated when the actions are built.
# The menu bar: menu title -> action ids (None is a separator; "label:*" expands per label).
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (QT_TRANSLATE_NOOP("actions", "&File"), ("open_project", "import", "export", None, "restore", None, "preferences", None,
               "quit")),
    (QT_TRANSLATE_NOOP("actions", "&Edit"), ("undo", "redo", None, "delete_span", "pick_attribute", "whole_words", "label_mentions")),
    (QT_TRANSLATE_NOOP("actions", "&Document"), ("prev_doc", "next_doc", None, "mark_done", "mark_skipped", None, "find",
                   "find_all", "focus_filter", None, "zoom_in", "zoom_out", "arcs")),
    (QT_TRANSLATE_NOOP("actions", "&Suggestions"), ("suggestions", "accept_item", "reject_item", "next_suggestion", "prev_suggestion",
                      None, "accept_suggestions:*")),
    (QT_TRANSLATE_NOOP("actions", "&Lead"), ("lead_mode", "compare", "agreement", "progress", None, "merge")),
    (QT_TRANSLATE_NOOP("actions", "&Help"), ("shortcuts", "guideline")),
)  # fmt: skip


def label_specs(schema: Schema) -> list[ActionSpec]:
    """One action per label (its key labels a selection) and one per label with Alt (letters)."""
    specs: list[ActionSpec] = []
    for lab in schema.labels:
        if lab.key:
            exact = tr_action(QT_TRANSLATE_NOOP("actions", "{0} (exact letters)")).format(name(lab))
            specs.append(ActionSpec(f"label:{lab.id}", name(lab), "", lab.key))
            specs.append(ActionSpec(f"label_exact:{lab.id}", exact, "", f"Alt+{lab.key}"))
    return specs


def relation_specs(schema: Schema) -> list[ActionSpec]:
    """One action per relation type: link the selected span to another."""
    return [
        ActionSpec(f"relation:{rel.id}", name(rel), "fa5s.link", rel.key, description(rel))
        for rel in schema.relations
        if rel.key
    ]


def accept_specs(schema: Schema) -> list[ActionSpec]:
    """One action per label: accept every suggestion of that label."""
    return [
        ActionSpec(
            f"accept_suggestions:{lab.id}",
            f"✓ {name(lab)}",
            "",
            "",
            QT_TRANSLATE_NOOP("actions", "Accept every suggested span of this label"),
        )
        for lab in schema.labels
    ]


def all_specs(schema: Schema) -> list[ActionSpec]:
    return [*FIXED, *label_specs(schema), *relation_specs(schema), *accept_specs(schema)]


def clashes(specs: Iterable[ActionSpec]) -> list[tuple[str, str, str]]:
    """Pairs of action ids bound to the same key, with the key."""
    seen: dict[str, str] = {}
    found: list[tuple[str, str, str]] = []
    for spec in specs:
        if not spec.shortcut:
            continue
        key = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.PortableText).lower()
        if key in seen:
            found.append((seen[key], spec.id, spec.shortcut))
        else:
            seen[key] = spec.id
    return found


def build_actions(
    parent: QObject,
    specs: Iterable[ActionSpec],
    handlers: dict[str, Callable[[], object]],
    overrides: dict[str, str] | None = None,
) -> dict[str, QAction]:
    """QActions for ``specs``, connected to ``handlers`` by id; ``overrides`` rebinds keys."""
    import qtawesome

    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(tr_action(spec.text), parent)
        action.setObjectName(spec.id)
        if spec.icon:
            action.setIcon(qtawesome.icon(spec.icon))
        keys = (overrides or {}).get(spec.id, spec.shortcut)
        if keys:
            action.setShortcut(QKeySequence(keys))
        if spec.tip:
            action.setToolTip(tooltip(tr_action(spec.tip)))  # schema descriptions: text, not markup
        handler = handlers.get(spec.id)
        if handler is not None:
            # triggered(bool) would pass `checked` as the first argument: call without it
            action.triggered.connect(lambda _checked=False, h=handler: h())
        actions[spec.id] = action
    return actions
