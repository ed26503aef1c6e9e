"""An annotator's package: a new project file with only her assigned documents and her own layer.

She annotates it blind (no other layer travels with it); ``annotator merge`` brings it back. The
package says which project it came from, and the project remembers the version of her layer that
left, so a merge can tell her newer work from a conflict.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from annotator.errors import UsageError
from annotator.model.document import DocumentRecord, Layer
from annotator.model.layers import LayerKind
from annotator.store import Project
from annotator.store.base import now
from annotator.store.exchanges import PackageOrigin


@dataclass(frozen=True)
class PackageReport:
    """What a package holds."""

    annotator: str
    documents: int
    with_work: int  # documents on which her earlier work travels along
    out: Path


def package_for(store: Project, annotator: str, out: Path) -> PackageReport:
    """Write ``out``: ``annotator``'s assigned documents, her layer only; refuse an existing path."""
    if annotator not in store.annotators(kinds=[LayerKind.ANNOTATOR]):
        known = ", ".join(store.annotators(kinds=[LayerKind.ANNOTATOR]))
        raise UsageError(
            "{path} has no annotator {name!r} (annotators: {known})"
            if known
            else "{path} has no annotator {name!r} (annotators: none yet)",
            path=str(store.path), name=annotator, known=known,
        )  # fmt: skip
    ids = store.assigned(annotator)
    if not ids:
        raise UsageError(
            "{name} has no documents assigned in {path}; assign them first (annotator assign"
            " {path} --annotators {name},...)",
            name=annotator, path=str(store.path),
        )  # fmt: skip
    if out.exists() or out.is_symlink():
        raise UsageError(
            "{out} already exists; a package is a new file: choose another --out", out=str(out)
        )
    if out.resolve() == store.path.resolve():
        raise UsageError("{out} is the project itself; choose another --out", out=str(out))
    records = []
    versions: list[tuple[int, Layer]] = []  # what leaves, so merge can tell what came back
    with_work = 0
    for doc in store.documents(ids):
        layer = store.layer(doc.id, annotator)
        mine = not layer.untouched()
        with_work += mine
        versions.append((doc.id, layer))
        records.append(DocumentRecord(doc.ext_id, doc.title, doc.text, doc.meta, doc.source,
                                      [layer] if mine else []))  # fmt: skip
    origin = PackageOrigin(store.project_id(), store.path.name, annotator, now(), uuid.uuid4().hex)
    copy = Project.create(out, store.schema)
    try:
        copy.ensure_annotator(annotator)
        copy.add_documents(records)
        copy.assign([annotator], 0.0, 0, 0)  # everything in her copy is hers
        copy.mark_package(origin)
        with store.transaction():
            for doc_id, layer in versions:  # nothing edited in the new package yet: sequence 0
                store.record_exchange(origin.package_id, doc_id, annotator, layer, 0)
    except BaseException:
        copy.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        raise
    copy.close()
    return PackageReport(annotator, len(records), with_work, out)
