"""Another tool's label, relation, attribute and value names resolved to this project's schema.

``--map OLD=NEW`` renames any of them first (exact spelling, then ignoring case); then a name
matches a label or relation id, or a label's English or Arabic name, ignoring case. Names that
match nothing are collected, so one sentence can list every one of them instead of the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.errors import InputError, Told
from annotator.model.schema import Schema


def parse_renames(items: tuple[str, ...] | list[str]) -> tuple[tuple[str, str], ...]:
    """``["old=new", ...]`` as pairs; refuses an item without '=' or with an empty new name, and
    one name given two different new names (neither may silently win)."""
    pairs: dict[str, str] = {}
    for item in items:
        old, sep, new = item.partition("=")
        if not sep or not new.strip():
            raise InputError(
                None, "--map {item!r} is not OLD=NEW (for example --map PER=speaker)", item=item
            )
        old, new = old.strip(), new.strip()
        if pairs.get(old, new) != new:
            raise InputError(
                None,
                "--map gives {old!r} two new names ({first!r} and {second!r}); give one",
                old=old,
                first=pairs[old],
                second=new,
            )
        pairs[old] = new
    return tuple(pairs.items())


@dataclass
class NameMap:
    """Resolves incoming names; with no schema every name passes unchanged (the store checks)."""

    schema: Schema | None
    renames: tuple[tuple[str, str], ...] = ()
    unmapped: dict[str, Told] = field(default_factory=dict)  # each description, in order

    def rename(self, name: str) -> str:
        """``name`` after ``--map`` (exact spelling first, then ignoring case)."""
        for old, new in self.renames:
            if old == name:
                return new
        folded = name.casefold()
        for old, new in self.renames:
            if old.casefold() == folded:
                return new
        return name

    def label(self, name: str) -> str:
        """The label id for ``name`` (recorded as unmapped when there is none)."""
        name = self.rename(name)
        if self.schema is None:
            return name
        folded = name.casefold()
        for lab in self.schema.labels:
            if folded in (lab.id.casefold(), lab.en.casefold(), lab.ar.casefold()):
                return lab.id
        self._unmapped(Told("label {name!r}", {"name": name}))
        return name

    def relation(self, name: str) -> str:
        """The relation type id for ``name`` (recorded as unmapped when there is none)."""
        name = self.rename(name)
        if self.schema is None:
            return name
        folded = name.casefold()
        for rel in self.schema.relations:
            if folded in (rel.id.casefold(), rel.en.casefold(), rel.ar.casefold()):
                return rel.id
        self._unmapped(Told("relation {name!r}", {"name": name}))
        return name

    def attribute(self, label_id: str, name: str, value: str) -> tuple[str, str]:
        """The attribute name and value of a span labelled ``label_id`` (unmapped ones recorded)."""
        name, value = self.rename(name), self.rename(value)
        if self.schema is None or not self.schema.has_label(label_id):
            return name, value
        label = self.schema.label(label_id)
        name = name.removeprefix(f"{label_id}.")  # a config name made unique per label
        attr = label.attribute(name) or next(
            (a for a in label.attributes if a.name.casefold() == name.casefold()), None
        )
        if attr is None:
            self._unmapped(Told("attribute {name!r} of {label}", {"name": name, "label": label_id}))
            return name, value
        match = next((v for v in attr.values if v.casefold() == value.casefold()), None)
        if match is None:
            self._unmapped(
                Told(
                    "value {value!r} of {label}.{attribute}",
                    {"value": value, "label": label_id, "attribute": attr.name},
                )
            )
            return attr.name, value
        return attr.name, match

    def _unmapped(self, told: Told) -> None:
        self.unmapped.setdefault(str(told), told)

    def refusal(self, where: str) -> InputError | None:
        """One sentence naming every unmapped name, or None when all of them matched."""
        if not self.unmapped:
            return None
        named: Told | None = None
        for told in self.unmapped.values():
            named = told if named is None else Told("{one}; {other}", {"one": named, "other": told})
        return InputError(
            where,
            Told(
                "%n names are not in the project's schema: {names}. Map each with --map OLD=NEW"
                " (for example --map positive=support), or import into a new project, which"
                " adopts them",
                {"names": named},
                count=len(self.unmapped),
                one="%n name is not in the project's schema: {names}. Map each with --map OLD=NEW"
                " (for example --map positive=support), or import into a new project, which"
                " adopts them",
            ),
        )
