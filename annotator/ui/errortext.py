"""Library errors in the interface's language.

The store and the schema raise errors with an English template and named arguments
(annotator.errors.Told). The window translates the template (Qt context "errors"; the templates
are listed for translators in errorcatalog.py) and shows label and relation arguments by their
names in the interface language. A counted sentence is a plural message (Arabic's six forms).
"""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtCore import QCoreApplication

from annotator.errors import AnnotatorError, LabelRef, RelationRef, Told
from annotator.model.schema import Schema
from annotator.text.bidi import isolate
from annotator.ui.i18n import language
from annotator.ui.names import name


def explain(error: AnnotatorError | Told, schema: Schema | None = None) -> str:
    """The sentence to show for ``error``."""
    told = error.told if isinstance(error, AnnotatorError) else error
    count = -1 if told.count is None else told.count  # a counted sentence: its plural form
    template = QCoreApplication.translate("errors", told.template, None, count)
    if not told.params:
        return template
    return template.format(**{k: _shown(v, schema) for k, v in told.params.items()})


def _shown(value: object, schema: Schema | None) -> object:
    if isinstance(value, PurePath):
        value = str(value)
    if isinstance(value, str) and _is_path(value) and language() == "ar":
        return isolate(value, "ltr")  # a path reads left to right inside an Arabic sentence
    if isinstance(value, tuple):
        return "/".join(str(_shown(v, schema)) for v in value)
    if isinstance(value, Told):
        return explain(value, schema)
    if schema is not None and isinstance(value, LabelRef) and schema.has_label(value):
        return name(schema.label(value))
    if schema is not None and isinstance(value, RelationRef):
        try:
            return name(schema.relation_type(value))
        except KeyError:
            return str(value)
    return str(value) if isinstance(value, LabelRef | RelationRef) else value


def _is_path(value: str) -> bool:
    """A file or folder named in a sentence (the library passes paths as strings)."""
    return not isinstance(value, LabelRef | RelationRef) and ("/" in value or "\\" in value)
