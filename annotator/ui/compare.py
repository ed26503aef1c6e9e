"""Side by side: two or more annotators' layers of one document, differences emphasised.

A span that not every other shown annotator marked exactly (same start, end and label) is drawn
with the strong tint, so a lead sees at a glance where the layers part.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QSplitter, QVBoxLayout, QWidget

from annotator.model.document import Document, Layer, Relation
from annotator.model.schema import Schema
from annotator.ui import counts
from annotator.ui.docview import ArticleView
from annotator.ui.fonts import article_font
from annotator.ui.names import status_text
from annotator.ui.widgets.plain import plain_label


def differing(layers: dict[str, Layer]) -> dict[str, set[int]]:
    """For each layer, the indices of its spans that some other layer lacks."""
    keys = {name: {(s.start, s.end, s.label) for s in la.spans} for name, la in layers.items()}
    out: dict[str, set[int]] = {}
    for name, la in layers.items():
        others = [k for n, k in keys.items() if n != name]
        out[name] = {
            i for i, s in enumerate(la.spans, 1)
            if any((s.start, s.end, s.label) not in k for k in others)
        }  # fmt: skip
    return out


class CompareDialog(QDialog):
    """One read-only article view per annotator."""

    def __init__(self, schema: Schema, doc: Document, layers: dict[str, Layer],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare annotators — {0}").format(doc.title))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.views: dict[str, ArticleView] = {}
        diff = differing(layers)
        for name, layer in layers.items():
            box = QWidget(splitter)
            column = QVBoxLayout(box)
            column.setContentsMargins(2, 2, 2, 2)
            n_diff = len(diff[name])
            column.addWidget(plain_label(self.tr("{0} ({1}): {2}, {3} not shared by all")
                                    .format(name, status_text(layer.status), counts.spans(len(layer.spans)), n_diff), box))  # fmt: skip
            view = ArticleView(schema, article_font(size=14), box)
            spans = [s.with_(id=i) for i, s in enumerate(layer.spans, 1)]
            view.set_text(doc.text, spans, diff[name])
            ids = {s.sid: i for i, s in enumerate(layer.spans, 1)}
            view.layer_name = name
            view.set_relations([  # the same tags and arcs as the annotation view
                Relation(ids[r.head], ids[r.child], r.label, r.rid, k, doc.id, name)
                for k, r in enumerate(layer.relations, 1) if r.head in ids and r.child in ids
            ])  # fmt: skip
            column.addWidget(view)
            self.views[name] = view
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1400, 800)
