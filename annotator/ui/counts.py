"""Counted nouns in the interface language: "1 span", "2 spans"; in Arabic the six plural forms
("لا مقاطع", "مقطع واحد", "مقطعان", "3 مقاطع", "11 مقطعًا", "100 مقطع").

Sentences take these phrases as arguments ("Accepted {0} and {1} into gold.") so that no sentence
has to spell a plural with "(s)". Each phrase is one numerus message in the "Counts" context.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Counts(QObject):
    """The phrases, as methods so that pyside6-lupdate sees them as plural messages (it takes
    ``tr(text, "", n)`` as one, but not ``QCoreApplication.translate(context, text, "", n)``)."""

    def spans(self, n: int) -> str:
        return self.tr("%n spans", "", n)

    def links(self, n: int) -> str:
        return self.tr("%n links", "", n)

    def documents(self, n: int) -> str:
        return self.tr("%n documents", "", n)

    def suggestions(self, n: int) -> str:
        return self.tr("%n suggestions", "", n)

    def annotators(self, n: int) -> str:
        return self.tr("%n annotators", "", n)

    def disagreements(self, n: int) -> str:
        return self.tr("%n disagreements", "", n)

    def lines(self, n: int) -> str:
        return self.tr("%n lines", "", n)

    def mentions(self, n: int) -> str:
        return self.tr("%n mentions", "", n)

    def candidates(self, n: int) -> str:
        return self.tr("%n candidates", "", n)

    def layers(self, n: int) -> str:
        return self.tr("%n layers", "", n)

    def conflicts(self, n: int) -> str:
        return self.tr("%n conflicts", "", n)

    def hits(self, n: int) -> str:
        return self.tr("%n hits", "", n)

    def open_items(self, n: int) -> str:
        """Checklist items still open."""
        return self.tr("%n open items", "", n)

    def more_items(self, n: int) -> str:
        """Checklist items beyond those listed."""
        return self.tr("%n more items", "", n)

    def minutes(self, n: int) -> str:
        return self.tr("%n minutes", "", n)


_COUNTS = Counts()
spans = _COUNTS.spans
links = _COUNTS.links
documents = _COUNTS.documents
suggestions = _COUNTS.suggestions
annotators = _COUNTS.annotators
disagreements = _COUNTS.disagreements
lines = _COUNTS.lines
mentions = _COUNTS.mentions
candidates = _COUNTS.candidates
layers = _COUNTS.layers
conflicts = _COUNTS.conflicts
hits = _COUNTS.hits
open_items = _COUNTS.open_items
more_items = _COUNTS.more_items
minutes = _COUNTS.minutes
