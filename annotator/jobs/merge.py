"""Merge annotators' packages and copies into one project: documents by text hash, layers by name.

A layer the project lacks (or holds untouched) is taken; an identical one is skipped, so merging
the same file twice adds nothing. A package (``annotator package``) carries its own id and the id
of the project it came from; the project remembers, per package and layer, the version last
exchanged with that package (``Project.last_exchange``) and the package's change sequence then.
A layer that differs is one of three things:

- a newer version: the package changed it since (a later change sequence: an undo back to an
  earlier version counts) and the project's copy is still the version last exchanged with this
  package, so the package's replaces it (the replaced one stays readable in the change log);
- nothing newer: an older copy of the package (merged out of order): nothing is taken, counted;
- a conflict: both sides changed since (also when another package of her documents was merged
  meanwhile). A plain copy (no package mark) has no common version, so every difference is a
  conflict. Conflicts follow ``on_conflict`` as ``import`` does: FAIL (nothing is merged and the
  sentence names them), REPLACE (the package's wins) or KEEP.

Layer kinds travel with the layers (a model's layer stays a model's). Projects with different
schemas, packages of another project and layers whose kind differs on the two sides are refused
before anything is written. All of one merge is one transaction.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import InputError, ProjectError, Told, UsageError
from annotator.model.document import Document, DocumentRecord, Layer
from annotator.model.schema import Schema
from annotator.store import Project
from annotator.store.activity import MERGE, announce
from annotator.store.base import OnConflict, text_hash
from annotator.store.exchanges import PROJECT_ID, PackageOrigin, fingerprint
from annotator.text.plural import plural

CONFLICTS_NAMED = 3  # documents a refused merge names per annotator


@dataclass(frozen=True)
class LayerSide:
    """One side of a conflict: what the layer holds there."""

    status: str
    spans: int
    relations: int

    @classmethod
    def of(cls, layer: Layer) -> LayerSide:
        return cls(layer.status, len(layer.spans), len(layer.relations))


@dataclass(frozen=True)
class MergeConflict:
    """A layer both the project and the package (or copy) changed: ``outcome`` says which won."""

    document: str
    annotator: str
    here: LayerSide
    there: LayerSide
    outcome: str  # "kept" (the project's), "replaced" (by the package's) or "" (merge refused)


@dataclass
class MergeReport:
    """What a merge did with one package or copy."""

    documents_added: int = 0
    layers_added: int = 0  # layers the project did not have (or held untouched)
    layers_replaced: int = 0  # newer versions that replaced the project's (conflicts: below)
    identical: int = 0
    older: int = 0  # versions the project already had or older ones: nothing taken
    conflicts: list[MergeConflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the lead should know, in words

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def schema_difference(mine: Schema, theirs: Schema) -> str | None:
    """The first difference between two schemas that would make their annotations disagree."""
    ours = {lab.id: lab for lab in mine.labels}
    other = {lab.id: lab for lab in theirs.labels}
    for lid in sorted(set(ours) ^ set(other)):
        where = "here" if lid in ours else "there"
        return f"label {lid!r} exists only {where}"
    for lid, lab in ours.items():
        a = {x.name: x.values for x in lab.attributes}
        b = {x.name: x.values for x in other[lid].attributes}
        if a != b:
            return f"label {lid!r} has attributes {a} here but {b} there"
    rels = {r.id: (r.head, r.child) for r in mine.relations}
    rels_other = {r.id: (r.head, r.child) for r in theirs.relations}
    if rels != rels_other:
        changed = sorted(set(rels) ^ set(rels_other)) or sorted(
            k for k in rels if rels[k] != rels_other[k]
        )
        return f"relation {changed[0]!r} differs"
    return None


def _check(project: Project, path: Path, seen: set[Path]) -> None:
    """Refuse a file that cannot be merged into ``project``, before anything is written."""
    if not path.exists():
        raise ProjectError("{path} does not exist; nothing was merged", path=str(path))
    if path.resolve() == project.path.resolve():
        raise UsageError(
            "{path} is the project itself; name the annotators' copies to merge", path=str(path)
        )
    if path.resolve() in seen:
        raise UsageError("{path} is named twice; nothing was merged", path=str(path))
    seen.add(path.resolve())
    with Project.reading(path) as other:
        difference = schema_difference(project.schema, other.schema)
        if difference:
            raise ProjectError(
                "{path} has a different label schema: {difference}; nothing was merged",
                path=str(path), difference=difference,
            )  # fmt: skip
        origin = other.package_origin()
        if origin is not None and origin.project_id != project.meta_value(PROJECT_ID):
            raise UsageError(
                "{path} is a package of another project ({project}, made for {annotator} on"
                " {day}); nothing was merged",
                path=str(path), project=origin.project, annotator=origin.annotator,
                day=origin.made_at[:10],
            )  # fmt: skip
        kinds = project.layer_kinds()
        for name, kind in sorted(other.layer_kinds().items()):
            if name in kinds and kinds[name] != kind:
                raise ProjectError(
                    "{path} holds {name!r} as a layer of kind {theirs}, this project as one of"
                    " kind {ours}; nothing was merged",
                    path=str(path), name=name, theirs=kind.value, ours=kinds[name].value,
                )  # fmt: skip


def merge_projects(
    project: Project, others: list[Path], on_conflict: OnConflict = OnConflict.FAIL
) -> dict[str, MergeReport]:
    """Merge every package or copy in ``others`` into ``project``; a report per file.

    Every file is checked first; only then is anything written, and all of it in one
    transaction: a merge that fails on its third file (or refuses its conflicts) leaves the
    project as it was.
    """
    seen: set[Path] = set()
    for path in others:
        _check(project, path, seen)
    reports: dict[str, MergeReport] = {}
    with announce(project.path, MERGE), project.transaction():
        for path in others:
            with Project.reading(path) as other:
                reports[str(path)] = _merge_one(project, other, path, on_conflict)
        refused = [(p, c) for p, r in reports.items() for c in r.conflicts if not c.outcome]
        if refused:
            raise _conflict_error(refused)
    return reports


def _conflict_error(refused: list[tuple[str, MergeConflict]]) -> InputError:
    """One sentence naming the files, annotators and first documents both sides changed."""
    by_layer: dict[tuple[str, str], list[str]] = {}
    for path, c in refused:
        by_layer.setdefault((path, c.annotator), []).append(c.document)
    which: Told | None = None
    for (path, name), docs in list(by_layer.items())[:3]:
        shown = ", ".join(docs[:CONFLICTS_NAMED]) + (", ..." if len(docs) > CONFLICTS_NAMED else "")
        part = Told("{name!r} from {file} in %n documents ({shown})",
                    {"name": name, "file": Path(path).name, "shown": shown}, count=len(docs),
                    one="{name!r} from {file} in %n document ({shown})")  # fmt: skip
        which = part if which is None else Told("{one}; {other}", {"one": which, "other": part})
    if len(by_layer) > 3:
        which = Told("{named} and %n more layers", {"named": which}, count=len(by_layer) - 3,
                     one="{named} and %n more layer")  # fmt: skip
    return InputError(
        refused[0][0],
        "both the project and the file changed the layers of {which}; nothing was merged (use"
        " --on-conflict replace to take the files' layers, or --on-conflict keep to keep the"
        " project's)",
        which=which,
    )


@dataclass(frozen=True)
class _Taken:
    """A layer the merge takes, and what to remember about the version."""

    layer: Layer
    sequence: int  # the package's change sequence of it


def _merge_one(project: Project, other: Project, path: Path, on_conflict: OnConflict) -> MergeReport:  # fmt: skip
    report = MergeReport()
    origin = other.package_origin()
    records: list[tuple[DocumentRecord, list[_Taken]]] = []
    strangers: dict[str, int] = {}  # layers of a package under another name than its annotator's
    for doc, layers in other.stream_layers():
        existing = project.find_by_hash(doc.sha256)
        take: list[_Taken] = []
        for name, theirs in layers.items():
            if theirs.untouched():
                continue
            if origin is not None and name != origin.annotator:
                strangers[name] = strangers.get(name, 0) + 1
            seq = other.layer_sequence(doc.id, name)
            got = _decide(project, existing, name, theirs, seq, origin, on_conflict, report)
            if got is not None:
                take.append(got)
        if existing is None:
            report.documents_added += 1
        elif not take:
            continue
        records.append((DocumentRecord(doc.ext_id, doc.title, doc.text, doc.meta,
                                       f"{path.name}:{doc.ext_id}", [t.layer for t in take]), take))  # fmt: skip
    kinds = other.layer_kinds()
    new_names = {t.layer.annotator for _r, taken in records for t in taken} - set(
        project.layer_kinds()
    )
    # every layer taken was decided above: replacing is what the decision asked for
    project.add_documents([r for r, _t in records], on_conflict=OnConflict.REPLACE)
    for name in sorted(new_names):
        if name in kinds:
            project.set_layer_kind(name, kinds[name])
    for rec, taken in records:
        if origin is None:
            continue
        target = project.find_by_hash(text_hash(rec.text))
        if target is None:  # add_documents refuses rather than drops: cannot happen
            raise ProjectError(
                "{source}: the merged document is missing from {path}",
                source=rec.source, path=str(project.path),
            )  # fmt: skip
        for t in taken:
            project.record_exchange(origin.package_id, target.id, t.layer.annotator, t.layer,
                                    t.sequence)  # fmt: skip
    for name, n in sorted(strangers.items()):
        assert origin is not None
        report.notes.append(
            f"{path.name} was packaged for {origin.annotator} but holds work by {name!r} on "
            f"{plural(n, 'document')} (the window was opened under another name?): merged as the "
            f"layer {name!r}"
        )
    if report.older:
        report.notes.append(
            f"{plural(report.older, 'layer')} in {path.name} left out: nothing newer than what "
            "was last merged from this package (an older copy of it, or merged before): the "
            "project's were kept"
        )
    return report


def _decide(
    project: Project,
    existing: Document | None,
    name: str,
    theirs: Layer,
    seq: int,
    origin: PackageOrigin | None,
    on_conflict: OnConflict,
    report: MergeReport,
) -> _Taken | None:
    """Whether to take the file's layer ``theirs`` (and counting what was not taken).

    A package is judged by its own lineage: the version last exchanged with it. Newer in the
    package (a later change sequence) and the project's copy still that version: replaced. Not
    newer: nothing to take. Both changed, or a plain copy that differs: a conflict.
    """
    if existing is None:
        report.layers_added += 1
        return _Taken(theirs, seq)
    mine = project.layer(existing.id, name)
    last = None if origin is None else project.last_exchange(origin.package_id, existing.id, name)
    if fingerprint(mine) == fingerprint(theirs):
        report.identical += 1
        if origin is not None and (last is None or seq >= last.sequence):
            # the version both sides have is now the common one (an older copy never rewinds it)
            project.record_exchange(origin.package_id, existing.id, name, theirs, seq)
        return None
    if mine.untouched():
        report.layers_added += 1
        return _Taken(theirs, seq)
    if last is not None:
        if seq <= last.sequence:
            report.older += 1
            return None
        if fingerprint(mine) == last.fingerprint:
            report.layers_replaced += 1  # she edited it; the project's copy is as she last saw it
            return _Taken(theirs, seq)
    outcome = {OnConflict.REPLACE: "replaced", OnConflict.KEEP: "kept"}.get(on_conflict, "")
    report.conflicts.append(
        MergeConflict(existing.ext_id, name, LayerSide.of(mine), LayerSide.of(theirs), outcome)
    )
    if on_conflict == OnConflict.REPLACE:  # counted once: as a conflict, with its outcome
        return _Taken(theirs, seq)
    return None
