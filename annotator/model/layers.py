"""What kind of work a layer holds: an annotator's, the curated gold, suggestions, a model's.

The kind is stored with the layer (``layer_kinds`` in the project file); statistics, agreement,
merge and exports ask for kinds, never for names. Two layers have fixed names because files carry
them (SPEC sections 4 and 5): the curated layer and the rule suggestions.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from annotator.errors import Told


class LayerKind(StrEnum):
    """The kind of a layer."""

    ANNOTATOR = "annotator"  # a person's work: counts for agreement, statistics and majority
    GOLD = "gold"  # the lead's curated layer
    SUGGESTIONS = "suggestions"  # pre-annotation rules, reviewed by annotators
    MODEL = "model"  # a model's predictions


GOLD_LAYER = "gold"
SUGGESTIONS_LAYER = "suggestions"
MAJORITY_LAYER = "majority"  # computed from the annotators' layers (export --layer majority)
ALL_LAYERS = "all"  # every human layer at once (export --layer all)
COMBINED_LAYERS = (GOLD_LAYER, MAJORITY_LAYER, ALL_LAYERS)  # what ``export --layer`` takes
VIEWS = frozenset({MAJORITY_LAYER, ALL_LAYERS})  # names of views over layers, never of a layer
RESERVED_LAYERS = frozenset({GOLD_LAYER, SUGGESTIONS_LAYER, *VIEWS})  # no annotator is named so
# the key of an annotation in our Label Studio export that carries its layer's status (Label Studio
# has none; it keeps a key it does not know): what the exporter writes and the importer reads
STATUS_FIELD = "annotator_status"
HUMAN = (LayerKind.ANNOTATOR, LayerKind.GOLD)  # work people did (spans and relations counted)


def name_problem(name: str) -> Told | None:
    """Why ``name`` cannot name an annotator's layer (blank, or with a line break or another
    control character that would break every table it is printed in), or None when it can."""
    if not name.strip():
        return Told("the annotator name {name!r} is blank", {"name": name})
    if any(unicodedata.category(c) in ("Cc", "Zl", "Zp") for c in name):
        return Told(
            "the annotator name {name!r} holds a line break or another control character",
            {"name": name},
        )
    return None
