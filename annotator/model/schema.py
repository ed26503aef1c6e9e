"""The label schema: labels with attributes, relation types with allowed endpoints; TOML in, checked.

Validation errors name the field (``labels[2].color``) so a lead can fix their file without guessing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.config import resource_path
from annotator.errors import LabelRef, RelationRef, SchemaError, Told

_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_NAMED_COLOURS = {
    "black": "#000000", "blue": "#1f77b4", "brown": "#8c564b", "cyan": "#17becf",
    "gray": "#7f7f7f", "green": "#2ca02c", "grey": "#7f7f7f", "magenta": "#e377c2",
    "olive": "#bcbd22", "orange": "#ff7f0e", "pink": "#e377c2", "purple": "#9467bd",
    "red": "#d62728", "teal": "#008080", "yellow": "#e6c300",
}  # fmt: skip
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class AttributeDef:
    """A closed-valued attribute of a label, with its default value.

    ``en``/``ar`` are its display names and ``en_values``/``ar_values`` those of its values (in the
    order of ``values``); each falls back to the id when the schema file gives none. Stored values
    are always the ids."""

    name: str
    values: tuple[str, ...]
    default: str | None
    en: str = ""
    ar: str = ""
    en_values: tuple[str, ...] = ()
    ar_values: tuple[str, ...] = ()

    def display(self, lang: str) -> str:
        """The attribute's name in ``lang`` ("en" or "ar"), else its id."""
        return (self.ar if lang == "ar" else self.en) or self.name

    def value_display(self, value: str, lang: str) -> str:
        """The name of ``value`` in ``lang``, else the value itself (also for unknown values)."""
        names = self.ar_values if lang == "ar" else self.en_values
        try:
            return names[self.values.index(value)] or value
        except (ValueError, IndexError):
            return value


@dataclass(frozen=True)
class Label:
    """A span label: id, English and Arabic names, colour (#rrggbb), key and guideline text (and
    optionally that text in Arabic)."""

    id: str
    en: str
    ar: str
    color: str
    key: str
    description: str
    attributes: tuple[AttributeDef, ...] = ()
    description_ar: str = ""

    def attribute(self, name: str) -> AttributeDef | None:
        """The attribute called ``name``, if the label has one."""
        return next((a for a in self.attributes if a.name == name), None)

    def default_attributes(self) -> dict[str, str]:
        """The schema defaults, for a span just labelled."""
        return {a.name: a.default for a in self.attributes if a.default is not None}


@dataclass(frozen=True)
class RelationType:
    """A relation from a head span to a child span, with the labels allowed at each end."""

    id: str
    en: str
    ar: str
    head: frozenset[str]
    child: frozenset[str]
    key: str
    description: str
    description_ar: str = ""

    def allows(self, head_label: str, child_label: str) -> bool:
        """True when a span labelled ``head_label`` may point to one labelled ``child_label``."""
        return head_label in self.head and child_label in self.child


@dataclass(frozen=True)
class Schema:
    """The whole label schema of a project, and the TOML it was read from."""

    name: str
    labels: tuple[Label, ...]
    relations: tuple[RelationType, ...]
    source: str

    def label(self, label_id: str) -> Label:
        """The label with this id (KeyError when the schema has none)."""
        for lab in self.labels:
            if lab.id == label_id:
                return lab
        raise KeyError(label_id)

    def has_label(self, label_id: str) -> bool:
        """True when the schema defines ``label_id``."""
        return any(lab.id == label_id for lab in self.labels)

    def relation_type(self, rel_id: str) -> RelationType:
        """The relation type with this id (KeyError when the schema has none)."""
        for rel in self.relations:
            if rel.id == rel_id:
                return rel
        raise KeyError(rel_id)

    @property
    def label_ids(self) -> tuple[str, ...]:
        """Label ids in schema order."""
        return tuple(lab.id for lab in self.labels)

    def check_attributes(self, label_id: str, attributes: dict[str, Any]) -> Told | None:
        """Why these attribute values are invalid for the label, or None when they are fine."""
        label = self.label(label_id)
        for name, value in attributes.items():
            attr = label.attribute(name)
            if attr is None:
                return Told(
                    "label {label!r} has no attribute {name!r}", {"label": label_id, "name": name}
                )
            if value not in attr.values:
                return Told(
                    "{value!r} is not a value of {label}.{name} (allowed: {allowed})",
                    {"value": value, "label": label_id, "name": name,
                     "allowed": ", ".join(attr.values)},
                )  # fmt: skip
        return None

    def check_relation(self, rel_id: str, head_label: str, child_label: str) -> Told | None:
        """Why this relation is not allowed, or None when the schema allows it."""
        try:
            rel = self.relation_type(rel_id)
        except KeyError:
            return Told("the schema has no relation {relation!r}", {"relation": rel_id})
        if not rel.allows(head_label, child_label):
            return Told(
                "{relation} goes from {heads} to {children}, not from {head} to {child}",
                {"relation": RelationRef(rel_id), "heads": tuple(map(LabelRef, sorted(rel.head))),
                 "children": tuple(map(LabelRef, sorted(rel.child))), "head": LabelRef(head_label),
                 "child": LabelRef(child_label)},
            )  # fmt: skip
        return None


def _field(table: dict[str, Any], name: str, where: str, path: str, kind: type = str) -> Any:
    if name not in table:
        raise SchemaError(path, f"{where}.{name} is missing")
    value = table[name]
    if not isinstance(value, kind):
        raise SchemaError(path, f"{where}.{name} must be a {kind.__name__}")
    return value


def _text(table: dict[str, Any], name: str, where: str, path: str) -> str:
    """An optional display name (empty when absent)."""
    value = table.get(name, "")
    if not isinstance(value, str):
        raise SchemaError(path, f"{where}.{name} must be a string")
    return value.strip()


def _value_names(
    table: dict[str, Any], name: str, values: list[str], where: str, path: str
) -> tuple[str, ...]:
    """Optional display names of an attribute's values (``values_ar = {person = "شخص"}``), in the
    order of ``values``; a value without one keeps its id."""
    names = table.get(name, {})
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise SchemaError(path, f"{where}.{name} must be a table of value = name strings")
    unknown = sorted(set(names) - set(values))
    if unknown:
        raise SchemaError(path, f"{where}.{name}: {unknown[0]!r} is not one of its values")
    return tuple(str(names.get(v, "")).strip() or v for v in values)


def _colour(value: str, where: str, path: str) -> str:
    if _HEX.match(value):
        if len(value) == 4:
            value = "#" + "".join(c * 2 for c in value[1:])
        return value.lower()
    if value.lower() in _NAMED_COLOURS:
        return _NAMED_COLOURS[value.lower()]
    raise SchemaError(
        path, f"{where}.color: {value!r} is not a colour (use #rrggbb or a basic name)"
    )


def _parse_labels(raw: Any, path: str) -> tuple[Label, ...]:
    if not isinstance(raw, list) or not raw:
        raise SchemaError(path, "the schema needs at least one [[labels]] table")
    labels: list[Label] = []
    keys: dict[str, str] = {}
    for i, item in enumerate(raw):
        where = f"labels[{i}]"
        if not isinstance(item, dict):
            raise SchemaError(path, f"{where} must be a table")
        lid = _field(item, "id", where, path)
        if not _ID.match(lid):
            raise SchemaError(path, f"{where}.id: {lid!r} must be lowercase letters, digits or _")
        if any(lab.id == lid for lab in labels):
            raise SchemaError(path, f"{where}.id: duplicate label id {lid!r}")
        key = str(item.get("key", ""))
        if key:
            if key in keys:
                raise SchemaError(path, f"{where}.key: {key!r} is already used by {keys[key]!r}")
            keys[key] = lid
        attrs: list[AttributeDef] = []
        for j, a in enumerate(item.get("attributes", [])):
            awhere = f"{where}.attributes[{j}]"
            name = _field(a, "name", awhere, path)
            values = _field(a, "values", awhere, path, list)
            if not values or not all(isinstance(v, str) for v in values):
                raise SchemaError(path, f"{awhere}.values must be a non-empty list of strings")
            if len(set(values)) != len(values):
                raise SchemaError(path, f"{awhere}.values has a duplicate value")
            default = a.get("default")
            if default is not None and default not in values:
                raise SchemaError(path, f"{awhere}.default: {default!r} is not one of its values")
            if any(x.name == name for x in attrs):
                raise SchemaError(path, f"{awhere}.name: duplicate attribute {name!r}")
            attrs.append(
                AttributeDef(
                    name,
                    tuple(values),
                    default,
                    en=_text(a, "en", awhere, path),
                    ar=_text(a, "ar", awhere, path),
                    en_values=_value_names(a, "values_en", values, awhere, path),
                    ar_values=_value_names(a, "values_ar", values, awhere, path),
                )
            )
        labels.append(
            Label(
                id=lid,
                en=str(item.get("en", lid.title())),
                ar=str(item.get("ar", item.get("en", lid))),
                color=_colour(_field(item, "color", where, path), where, path),
                key=key,
                description=str(item.get("description", "")).strip(),
                attributes=tuple(attrs),
                description_ar=_text(item, "description_ar", where, path),
            )
        )
    return tuple(labels)


def _parse_relations(raw: Any, labels: tuple[Label, ...], path: str) -> tuple[RelationType, ...]:
    known = {lab.id for lab in labels}
    rels: list[RelationType] = []
    keys: dict[str, str] = {}
    for i, item in enumerate(raw or []):
        where = f"relations[{i}]"
        rid = _field(item, "id", where, path)
        if any(r.id == rid for r in rels):
            raise SchemaError(path, f"{where}.id: duplicate relation id {rid!r}")
        if rid in known:
            raise SchemaError(path, f"{where}.id: {rid!r} is already a label id")
        ends: dict[str, frozenset[str]] = {}
        for end in ("head", "child"):
            value = _field(item, end, where, path, list)
            for lab in value:
                if lab not in known:
                    raise SchemaError(path, f"{where}.{end}: unknown label {lab!r}")
            ends[end] = frozenset(value)
        key = str(item.get("key", ""))
        if key:
            if key in keys:
                raise SchemaError(path, f"{where}.key: {key!r} is already used by {keys[key]!r}")
            keys[key] = rid
        rels.append(
            RelationType(
                id=rid,
                en=str(item.get("en", rid)),
                ar=str(item.get("ar", item.get("en", rid))),
                head=ends["head"],
                child=ends["child"],
                key=key,
                description=str(item.get("description", "")).strip(),
                description_ar=_text(item, "description_ar", where, path),
            )
        )
    return tuple(rels)


def parse_schema(source: str, path: str | Path = "schema.toml") -> Schema:
    """Parse and validate schema TOML; raise SchemaError naming the field that is wrong."""
    p = str(path)
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise SchemaError(p, f"not valid TOML ({exc})") from exc
    labels = _parse_labels(data.get("labels"), p)
    relations = _parse_relations(data.get("relations"), labels, p)
    name = str(data.get("schema", {}).get("name", Path(p).stem))
    return Schema(name=name, labels=labels, relations=relations, source=source)


def load_schema(path: str | Path) -> Schema:
    """Read and validate a schema file."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise SchemaError(path, f"cannot read the schema file ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise SchemaError(path, "the schema file must be UTF-8") from exc
    return parse_schema(source, path)


def default_schema() -> Schema:
    """The schema shipped with the program."""
    source = resource_path("schema.toml").read_text("utf-8")
    return parse_schema(source, "default schema")
