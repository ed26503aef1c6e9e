"""Help: the keyboard shortcut sheet (F1) and the guideline built from the schema (Shift+F1)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.model.schema import Schema
from annotator.ui.names import attribute_name, description, name, value_name
from annotator.ui.theme import chip_colour
from annotator.ui.widgets.direction import natural_direction


class ShortcutSheet(QDialog):
    """Every action with its keys, as the table of actions defines them."""

    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        bound = [a for a in actions if not a.shortcut().isEmpty()]
        self.table = QTableWidget(len(bound), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        for row, action in enumerate(bound):
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(action.text().replace("&", "")))
        natural_direction(self.table, 0)  # "Ctrl+=" reads left to right in the Arabic interface too
        self.table.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.resize(520, 640)


def guideline_html(schema: Schema) -> str:
    """The labels, their attributes and the relations, with the schema's own descriptions."""
    e = html.escape
    sep = QCoreApplication.translate("HelpDialog", ", ")
    # a line opening with Latin (the schema's name, a relation's key "A") reads in the interface's
    # direction all the same
    mark = "\u200f" if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else ""
    parts = [f"<h2>{mark}{e(schema.name)}</h2>"]
    for lab in schema.labels:
        attrs = "".join(
            f"<li><b>{e(attribute_name(lab, a.name))}</b>: "
            f"{e(sep.join(value_name(lab, a.name, v) for v in a.values))}</li>"
            for a in lab.attributes
        )
        parts.append(
            f'<h3><span style="background:{chip_colour(lab.color)}">&nbsp;{e(lab.key)}&nbsp;</span> '
            f"{e(name(lab))}</h3><p>{e(description(lab))}</p>"
            + (f"<ul>{attrs}</ul>" if attrs else "")
        )
    relations = QCoreApplication.translate("HelpDialog", "Relations")
    parts.append(f"<h3>{e(relations)}</h3><ul>")
    for rel in schema.relations:
        heads = "/".join(sorted(name(schema.label(x)) for x in rel.head))
        ends = f"{heads} → {'/'.join(sorted(name(schema.label(x)) for x in rel.child))}"
        parts.append(
            f"<li>{mark}<b>{e(rel.key)}</b> {e(name(rel))} ({e(ends)}): {e(description(rel))}</li>"
        )
    parts.append("</ul>")
    return "".join(parts)


class GuidelineDialog(QDialog):
    """The annotation guideline a lead wrote into the schema."""

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Annotation guideline"))
        self.browser = QTextBrowser(self)
        self.browser.setHtml(guideline_html(schema))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        self.resize(640, 720)
