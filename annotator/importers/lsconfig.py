"""Label Studio's labelling config (XML) read, and a schema adopted from another tool's names.

A new project created by importing a Label Studio export takes the labels, per-region choices and
relation names it finds (and those the ``--label-config`` declares) as its schema; the summary says so.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import InputError
from annotator.model.document import DocumentRecord
from annotator.model.schema import Schema, parse_schema

_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
            "#17becf", "#bcbd22", "#7f7f7f")  # fmt: skip
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
UNLABELLED_RELATION = "relation"  # the name of a Label Studio relation drawn without a label


@dataclass
class LabelConfig:
    """What a labelling config declares: the text field, labels, per-region choices, relations."""

    text_field: str = "text"
    labels: dict[str, str] = field(default_factory=dict)  # value -> colour ("" when none)
    choices: dict[str, tuple[list[str], str]] = field(
        default_factory=dict
    )  # name -> (values, label)
    relations: list[str] = field(default_factory=list)


def read_label_config(path: Path) -> LabelConfig:
    """Parse a Label Studio labelling config; one sentence naming the file when it is unusable."""
    try:
        root = ET.fromstring(path.read_bytes())
    except OSError as exc:
        raise InputError(path, "cannot be read ({why})", why=exc.strerror or str(exc)) from None
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(
            path, "not a valid labelling config (XML: {why})", line, why=str(exc)
        ) from None
    config = LabelConfig()
    for el in root.iter():
        if el.tag == "Text" and el.get("value", "").startswith("$"):
            config.text_field = el.get("value", "$text")[1:]
        elif el.tag == "Labels":
            for lab in el.iter("Label"):
                if lab.get("value"):
                    config.labels[lab.get("value", "")] = lab.get("background", "")
        elif el.tag == "Choices" and el.get("perRegion", "").lower() == "true" and el.get("name"):
            values = [c.get("value", "") for c in el.iter("Choice") if c.get("value")]
            config.choices[el.get("name", "")] = (values, el.get("whenLabelValue", ""))
        elif el.tag == "Relation" and el.get("value"):
            config.relations.append(el.get("value", ""))
    if not config.labels:
        raise InputError(path, "the labelling config has no <Labels> with <Label value=...>")
    return config


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9_]+", "_", name.casefold()).strip("_")
    if not base or not base[0].isalpha():
        base = f"label_{base}" if base else "label"
    slug, k = base, 1
    while slug in taken:
        k += 1
        slug = f"{base}_{k}"
    taken.add(slug)
    return slug


@dataclass
class _Found:
    labels: dict[str, str] = field(default_factory=dict)  # name -> colour
    attributes: dict[str, dict[str, list[str]]] = field(
        default_factory=dict
    )  # label -> name -> values
    relations: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)

    def value(self, label: str, name: str, value: str) -> None:
        values = self.attributes.setdefault(label, {}).setdefault(name, [])
        if value not in values:
            values.append(value)


def names_found(records: list[DocumentRecord], config: LabelConfig | None) -> _Found:
    """Every label, attribute value and relation in the records (raw names), and the config's."""
    found = _Found()
    if config is not None:
        found.labels.update(config.labels)
    for rec in records:
        for layer in rec.layers:
            by_sid = {s.sid: s.label for s in layer.spans}
            for s in layer.spans:
                found.labels.setdefault(s.label, "")
                for name, value in s.attributes.items():
                    found.value(s.label, name, value)
            for r in layer.relations:
                heads, children = found.relations.setdefault(r.label, (set(), set()))
                heads.add(by_sid.get(str(r.head), ""))
                children.add(by_sid.get(str(r.child), ""))
    if config is not None:
        for name, (values, when) in config.choices.items():
            for label in [when] if when in found.labels else list(found.labels):
                for v in values:
                    found.value(label, name, v)
        for rel in config.relations:
            found.relations.setdefault(rel, (set(found.labels), set(found.labels)))
    return found


def adopt_schema(found: _Found, source: str) -> tuple[Schema, str]:
    """A schema holding exactly the names found, and a sentence telling the user what it holds."""
    if not found.labels:
        raise InputError(source, "the export has no labelled regions to take labels from")
    taken: set[str] = set()
    ids = {name: _slug(name, taken) for name in found.labels}

    def q(value: object) -> str:  # a JSON string or list of strings is valid TOML
        return json.dumps(value, ensure_ascii=False)

    out = ["# Adopted from " + source.replace("\n", " "), "[schema]", f"name = {q('adopted')}", ""]
    for i, (name, colour) in enumerate(found.labels.items()):
        colour = colour if _HEX.match(colour) else _PALETTE[i % len(_PALETTE)]
        key = f'key = "{i + 1}"\n' if i < 9 else ""
        out.append(f"[[labels]]\nid = {q(ids[name])}\nen = {q(name)}\nar = {q(name)}\n"
                   f"color = {q(colour)}\n{key}")  # fmt: skip
        for attr, values in found.attributes.get(name, {}).items():
            out.append(f"[[labels.attributes]]\nname = {q(attr)}\nvalues = {q(values)}\n")
    for rel, (heads, children) in found.relations.items():
        head = sorted(ids[h] for h in heads if h in ids) or sorted(ids.values())
        child = sorted(ids[c] for c in children if c in ids) or sorted(ids.values())
        rid = rel if rel not in ids.values() else f"{rel}_relation"
        out.append(f"[[relations]]\nid = {q(rid)}\nen = {q(rel)}\nar = {q(rel)}\n"
                   f"head = {q(head)}\nchild = {q(child)}\n")  # fmt: skip
    schema = parse_schema("\n".join(out), source)
    attrs = [
        f"{lab}.{a} ({', '.join(v)})" for lab, d in found.attributes.items() for a, v in d.items()
    ]
    said = (f"The new project adopted the names in {source}: labels {', '.join(found.labels)}"
            + (f"; attributes {'; '.join(attrs)}" if attrs else "")
            + (f"; relations {', '.join(found.relations)}" if found.relations else "") + ".")  # fmt: skip
    return schema, said


def fits(found: _Found, schema: Schema) -> bool:
    """True when every name found resolves in ``schema`` (so nothing needs adopting)."""
    from annotator.importers.names import NameMap

    names = NameMap(schema)
    for label in found.labels:
        label_id = names.label(label)
        for attr, values in found.attributes.get(label, {}).items():
            for v in values:
                names.attribute(label_id, attr, v)
    for rel in found.relations:
        names.relation(rel)
    return not names.unmapped
