"""Names from the schema in the interface's language: labels, relations, attributes, their values.

In the Arabic interface only the Arabic name shows, in the English one only the English name; a
schema without a name in that language shows the id. A project made before attribute names existed
keeps its schema text, so its attributes borrow the names of the program's default schema when the
label, attribute and value ids are the same. What is stored is always the id.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from annotator.model.schema import AttributeDef, Label, RelationType, Schema, default_schema
from annotator.ui.i18n import QT_TRANSLATE_NOOP, language

STATUS = {
    "todo": QT_TRANSLATE_NOOP("status", "to do"),
    "in_progress": QT_TRANSLATE_NOOP("status", "in progress"),
    "done": QT_TRANSLATE_NOOP("status", "done"),
    "skipped": QT_TRANSLATE_NOOP("status", "skipped"),
}


def status_text(status: str) -> str:
    """A document status ("in_progress") as the interface says it."""
    return QCoreApplication.translate("status", STATUS.get(status, status))


def name(item: Label | RelationType) -> str:
    """A label's or relation's display name."""
    return item.ar if language() == "ar" else item.en


def description(item: Label | RelationType) -> str:
    """A label's or relation's guideline text: the Arabic one in the Arabic interface when the
    schema has one (else the only one there is)."""
    return (item.description_ar if language() == "ar" else "") or item.description


@lru_cache(maxsize=1)
def _default() -> Schema:
    return default_schema()


def _attribute(label: Label, attr: str) -> tuple[AttributeDef | None, AttributeDef | None]:
    """The label's attribute and its namesake in the default schema."""
    d = _default()
    return label.attribute(attr), d.label(label.id).attribute(attr) if d.has_label(
        label.id
    ) else None


def attribute_name(label: Label, attr: str) -> str:
    """An attribute's display name."""
    own, fallback = _attribute(label, attr)
    lang = language()
    for a in (own, fallback):
        if a is not None and (a.ar if lang == "ar" else a.en):
            return a.display(lang)
    return attr


def value_name(label: Label, attr: str, value: str) -> str:
    """An attribute value's display name."""
    own, fallback = _attribute(label, attr)
    lang = language()
    for a in (own, fallback):
        if a is not None and value in a.values:
            shown = a.value_display(value, lang)
            if shown != value or a is fallback:
                return shown
    return value


def attributes_text(label: Label, values: Mapping[str, str]) -> str:
    """ "kind: person, …" (Arabic: "النوع: شخص، …") for a span's attribute values."""
    sep = "، " if language() == "ar" else ", "
    return sep.join(
        f"{attribute_name(label, k)}: {value_name(label, k, v)}" for k, v in sorted(values.items())
    )
