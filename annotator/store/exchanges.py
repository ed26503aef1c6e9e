"""Packages in the project file: the version of a layer last exchanged with each package.

A mixin of Project. Every package has its own id; for every package, document and layer the
project remembers the version last exchanged with THAT package: the one that left in it, or the
one a merge last took from it (or found identical), with the package's change sequence at that
moment. With it a merge knows whether the project's copy is still what this package last saw
(then the package's newer version replaces it), whether the package brings nothing newer than
what was last exchanged with it (an older copy of the file, or the same again), or whether both
sides changed it (a conflict) -- also when one annotator has two packages of the same documents.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass

from annotator.model.document import Layer
from annotator.store.base import ProjectBase, now

PROJECT_ID = "project_id"  # meta key: a random id given to a project the first time it packages
PACKAGE = "package"  # meta key of a package: where and when it was made, and for whom


@dataclass(frozen=True)
class PackageOrigin:
    """What a package says about itself."""

    project_id: str
    project: str  # the project file's name when the package was made, for messages
    annotator: str
    made_at: str
    package_id: str  # this package's own id: its lineage in the project


@dataclass(frozen=True)
class Exchange:
    """The version of a layer last exchanged with one package."""

    fingerprint: str
    sequence: int  # the package's change sequence of the layer then (0: as packaged)


def fingerprint(layer: Layer) -> str:
    """A short, stable hash of what a layer says (``Layer.fingerprint``)."""
    text = json.dumps(layer.fingerprint(), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Exchanges(ProjectBase):
    """Reading and recording packages and the layer versions they carried."""

    def meta_value(self, key: str) -> str | None:
        """A value of the project's ``meta`` table (None when absent)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def project_id(self) -> str:
        """This project's id, made (and stored) the first time it is asked for."""
        got = self.meta_value(PROJECT_ID)
        if got is None:
            got = uuid.uuid4().hex
            with self.transaction():
                self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [PROJECT_ID, got])
        return got

    def package_origin(self) -> PackageOrigin | None:
        """Where this file was packaged from, when it is a package (None for a project or copy)."""
        raw = self.meta_value(PACKAGE)
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            annotator, made_at = str(data["annotator"]), str(data["made_at"])
            return PackageOrigin(
                str(data["project_id"]), str(data["project"]), annotator, made_at,
                str(data.get("package_id") or f"{annotator}@{made_at}"),  # made before ids
            )  # fmt: skip
        except (ValueError, KeyError, TypeError):
            return None  # a damaged mark: the file merges as a plain copy

    def mark_package(self, origin: PackageOrigin) -> None:
        """Record in this (new) file that it is a package, and of what."""
        value = json.dumps(origin.__dict__, ensure_ascii=False)
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [PACKAGE, value]
            )

    def layer_sequence(self, doc_id: int, annotator: str) -> int:
        """Where ``annotator``'s layer on the document is in this file's change log: the id of
        its last edit (0 if never edited here). It only grows, whatever the clocks say."""
        row = self.db.execute(
            "SELECT coalesce(max(id), 0) FROM changelog WHERE doc_id = ? AND annotator = ?",
            [doc_id, annotator],
        ).fetchone()
        return int(row[0])

    def record_exchange(
        self, package_id: str, doc_id: int, annotator: str, layer: Layer, sequence: int
    ) -> None:
        """Remember ``layer`` as the version last exchanged with the package ``package_id``."""
        self.db.execute(
            "INSERT OR REPLACE INTO package_versions VALUES (?, ?, ?, ?, ?, ?)",
            [package_id, doc_id, annotator, fingerprint(layer), sequence, now()],
        )

    def last_exchange(self, package_id: str, doc_id: int, annotator: str) -> Exchange | None:
        """The version of the layer last exchanged with the package (None: never)."""
        row = self.db.execute(
            "SELECT fingerprint, sequence FROM package_versions"
            " WHERE package_id = ? AND doc_id = ? AND annotator = ?",
            [package_id, doc_id, annotator],
        ).fetchone()
        return None if row is None else Exchange(str(row[0]), int(row[1]))
