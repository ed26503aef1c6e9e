"""Packages in the project file: which versions of a layer went out in a package or came back.

A mixin of Project. The project records the fingerprint of every layer it packages and of every
layer a merge takes from a package, with the time that version was last edited; a package records
where it came from. With both, a merge knows whether the project's copy of a layer is still the
one that was packaged (then a newer version replaces it), whether the package brings a version
the project already had or an older one (nothing to take), or whether both sides changed it (a
conflict).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from enum import StrEnum

from annotator.model.document import Layer
from annotator.store.base import ProjectBase, now

PROJECT_ID = "project_id"  # meta key: a random id given to a project the first time it packages
PACKAGE = "package"  # meta key of a package: where and when it was made, and for whom


class Direction(StrEnum):
    """Which way a version of a layer travelled."""

    PACKAGED = "packaged"
    MERGED = "merged"


@dataclass(frozen=True)
class PackageOrigin:
    """What a package says about itself."""

    project_id: str
    project: str  # the project file's name when the package was made, for messages
    annotator: str
    made_at: str


@dataclass(frozen=True)
class Exchange:
    """One version of a layer that left or came back."""

    fingerprint: str
    edited_at: str
    direction: Direction
    at: str


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
            return PackageOrigin(
                str(data["project_id"]), str(data["project"]), str(data["annotator"]),
                str(data["made_at"]),
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

    def layer_edited_at(self, doc_id: int, annotator: str) -> str:
        """When ``annotator``'s layer on the document was last changed ('' if never)."""
        row = self.db.execute(
            """SELECT max(t) FROM (
                SELECT max(at) AS t FROM changelog WHERE doc_id = ?1 AND annotator = ?2
                UNION ALL SELECT max(updated_at) FROM doc_status WHERE doc_id = ?1 AND annotator = ?2
                UNION ALL SELECT max(updated_at) FROM spans WHERE doc_id = ?1 AND annotator = ?2)""",
            [doc_id, annotator],
        ).fetchone()
        return str(row[0] or "")

    def record_exchange(
        self, doc_id: int, annotator: str, layer: Layer, edited_at: str, direction: Direction
    ) -> None:
        """Remember a version of a layer that left in a package or came back in one."""
        self.db.execute(
            "INSERT OR REPLACE INTO layer_exchanges VALUES (?, ?, ?, ?, ?, ?)",
            [doc_id, annotator, fingerprint(layer), edited_at, direction.value, now()],
        )

    def exchanges(self, doc_id: int, annotator: str) -> list[Exchange]:
        """Every version of the layer that travelled, the latest last."""
        rows = self.db.execute(
            "SELECT fingerprint, edited_at, direction, at FROM layer_exchanges"
            " WHERE doc_id = ? AND annotator = ? ORDER BY at, rowid",
            [doc_id, annotator],
        )
        return [Exchange(f, e, Direction(d), a) for f, e, d, a in rows]
