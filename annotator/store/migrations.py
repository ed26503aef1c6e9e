"""Named schema migrations of the project file. Never edit one that has shipped; add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)

_INITIAL = [
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE labels (
        id TEXT PRIMARY KEY, en TEXT NOT NULL, ar TEXT NOT NULL, color TEXT NOT NULL,
        key TEXT NOT NULL, description TEXT NOT NULL, attributes TEXT NOT NULL,
        position INTEGER NOT NULL)""",
    """CREATE TABLE relation_types (
        id TEXT PRIMARY KEY, en TEXT NOT NULL, ar TEXT NOT NULL, head TEXT NOT NULL,
        child TEXT NOT NULL, key TEXT NOT NULL, description TEXT NOT NULL)""",
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY, ext_id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
        text TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, meta TEXT NOT NULL DEFAULT '{}',
        source TEXT NOT NULL DEFAULT '', imported_at TEXT NOT NULL,
        original TEXT, removed TEXT NOT NULL DEFAULT '[]')""",
    """CREATE TABLE annotators (name TEXT PRIMARY KEY, created_at TEXT NOT NULL)""",
    """CREATE TABLE spans (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator TEXT NOT NULL REFERENCES annotators(name),
        sid TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        label TEXT NOT NULL, text TEXT NOT NULL, attributes TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND "end" > start),
        UNIQUE (doc_id, annotator, sid))""",
    """CREATE INDEX spans_by_layer ON spans (doc_id, annotator, start)""",
    """CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator TEXT NOT NULL REFERENCES annotators(name),
        rid TEXT NOT NULL,
        head INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        child INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        label TEXT NOT NULL, created_at TEXT NOT NULL,
        UNIQUE (doc_id, annotator, rid))""",
    """CREATE INDEX relations_by_layer ON relations (doc_id, annotator)""",
    """CREATE INDEX relations_by_head ON relations (head)""",
    """CREATE INDEX relations_by_child ON relations (child)""",
    """CREATE TABLE doc_status (
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator TEXT NOT NULL REFERENCES annotators(name),
        status TEXT NOT NULL CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, annotator))""",
    """CREATE TABLE changelog (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, annotator TEXT NOT NULL,
        action TEXT NOT NULL, doc_id INTEGER, detail TEXT NOT NULL DEFAULT '{}')""",
]


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    """Documents, schema, annotators, spans, relations, statuses and the change log."""
    for statement in _INITIAL:
        db.execute(statement)


def known_names() -> list[str]:
    """Names of every migration this version of the program knows."""
    return [m.name for m in migrations._migrations]


def applied_names(db: Database) -> list[str]:
    """Names of the migrations already applied to ``db``."""
    return [m.name for m in migrations.applied(db)]


@migrations(name="0002_gold_decisions")
def m0002_gold_decisions(db: Database) -> None:
    """Curation decisions: which candidate span a lead accepted or rejected for gold, and when."""
    db.execute(
        """CREATE TABLE gold_decisions (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
            decided_by TEXT NOT NULL, decided_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, start, "end", label))"""
    )


@migrations(name="0003_project_identity")
def m0003_project_identity(db: Database) -> None:
    """The header says the file is a project (``application_id``); older projects get it here."""
    from annotator.model.projectfiles import APPLICATION_ID

    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


@migrations(name="0004_suggestion_decisions")
def m0004_suggestion_decisions(db: Database) -> None:
    """Suggestions an annotator accepted or rejected, per layer: a rejection stays rejected."""
    db.execute(
        """CREATE TABLE suggestion_decisions (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('accept', 'reject')),
            decided_by TEXT NOT NULL, decided_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator, start, "end", label))"""
    )


@migrations(name="0005_layer_kinds")
def m0005_layer_kinds(db: Database) -> None:
    """Each layer's kind (annotator, gold, suggestions, model), stored as such. Registering a
    layer gives it its kind: the two layers with fixed names are gold and suggestions, every
    other one an annotator's until the program says otherwise (a model's layer)."""
    kind_of_new = "CASE {0} WHEN 'gold' THEN 'gold' WHEN 'suggestions' THEN 'suggestions' ELSE 'annotator' END"
    db.execute(
        """CREATE TABLE layer_kinds (
            name TEXT PRIMARY KEY REFERENCES annotators(name) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('annotator', 'gold', 'suggestions', 'model')))"""
    )
    db.execute(f"INSERT INTO layer_kinds SELECT name, {kind_of_new.format('name')} FROM annotators")
    db.execute(
        "CREATE TRIGGER layer_kind_of_new AFTER INSERT ON annotators BEGIN "
        f"INSERT OR IGNORE INTO layer_kinds VALUES (NEW.name, {kind_of_new.format('NEW.name')}); "
        "END"
    )


@migrations(name="0006_datasette_views")
def m0006_datasette_views(db: Database) -> None:
    """Views for reading a project in Datasette or SQL: span texts, attributions, relations by sid."""
    db.execute(
        """CREATE VIEW span_texts AS
        SELECT s.id AS span_id, d.ext_id AS document, s.annotator, s.sid, s.label, s.start,
               s."end", s.text, s.attributes
        FROM spans s JOIN documents d ON d.id = s.doc_id"""
    )
    db.execute(
        """CREATE VIEW relation_spans AS
        SELECT r.id AS relation_id, d.ext_id AS document, r.annotator, r.rid, r.label,
               h.sid AS head, c.sid AS child, h.label AS head_label, c.label AS child_label,
               h.text AS head_text, c.text AS child_text
        FROM relations r JOIN spans h ON h.id = r.head JOIN spans c ON c.id = r.child
        JOIN documents d ON d.id = r.doc_id"""
    )
    db.execute(
        """CREATE VIEW attributions AS
        SELECT document, annotator, head_text AS claim, child_text AS speaker,
               head AS claim_sid, child AS speaker_sid
        FROM relation_spans WHERE label = 'attributed_to'"""
    )


@migrations(name="0007_assignments")
def m0007_assignments(db: Database) -> None:
    """Who should annotate which document (``annotator assign``), and whether it is overlap."""
    db.execute(
        """CREATE TABLE assignments (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            overlap INTEGER NOT NULL DEFAULT 0,
            assigned_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator))"""
    )
    db.execute("CREATE INDEX assignments_by_annotator ON assignments (annotator, doc_id)")


@migrations(name="0008_work_time")
def m0008_work_time(db: Database) -> None:
    """Active seconds each annotator spent on each document (the window records them)."""
    db.execute(
        """CREATE TABLE work_time (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            seconds REAL NOT NULL DEFAULT 0 CHECK (seconds >= 0),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator))"""
    )


@migrations(name="0009_open_windows")
def m0009_open_windows(db: Database) -> None:
    """Which window shows which document to whom, so a second window on the same work says so."""
    db.execute(
        """CREATE TABLE open_windows (
            id TEXT PRIMARY KEY, annotator TEXT NOT NULL, doc_id INTEGER,
            host TEXT NOT NULL, pid INTEGER NOT NULL, opened_at TEXT NOT NULL)"""
    )


@migrations(name="0010_ids_never_reused")
def m0010_ids_never_reused(db: Database) -> None:
    """Spans and relations get AUTOINCREMENT ids: an id once used (then deleted) is never given to
    another annotation, so an undo or another window can never hit someone else's span."""
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError("0010_ids_never_reused must run with foreign keys off")
    for table in ("spans", "relations"):
        _rebuild_with_autoincrement(db, table)


def _rebuild_with_autoincrement(db: Database, table: str) -> None:
    """Rebuild ``table`` with ``id INTEGER PRIMARY KEY AUTOINCREMENT``, keeping rows, ids, columns
    added by other migrations, indexes and triggers (SQLite cannot add AUTOINCREMENT in place).

    The rename runs with ``legacy_alter_table``: views that name the table (Datasette views) are
    left as written, and find the rebuilt table under its old name."""
    import re

    sql = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()[0]
    if "AUTOINCREMENT" in sql.upper():
        return
    new = f"_rebuild_{table}"
    create = re.sub(r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b", "id INTEGER PRIMARY KEY AUTOINCREMENT",
                    sql, count=1, flags=re.IGNORECASE)  # fmt: skip
    create = re.sub(r"^CREATE TABLE\s+(\"?)" + table + r"\1", f"CREATE TABLE {new}", create,
                    count=1, flags=re.IGNORECASE)  # fmt: skip
    extras = [
        r[0]
        for r in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
            " AND sql IS NOT NULL",
            [table],
        )
    ]
    db.execute(create)
    db.execute(f"INSERT INTO {new} SELECT * FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute("PRAGMA legacy_alter_table = ON")
    try:
        db.execute(f"ALTER TABLE {new} RENAME TO {table}")
    finally:
        db.execute("PRAGMA legacy_alter_table = OFF")
    for statement in extras:
        db.execute(statement)


@migrations(name="0011_layer_exchanges")
def m0011_layer_exchanges(db: Database) -> None:
    """Every version of a layer that left in a package or came back in one (its fingerprint and
    when it was last edited): merge tells a newer version from an old one and from a conflict."""
    db.execute(
        """CREATE TABLE layer_exchanges (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            fingerprint TEXT NOT NULL,
            edited_at TEXT NOT NULL,
            direction TEXT NOT NULL CHECK (direction IN ('packaged', 'merged')),
            at TEXT NOT NULL,
            PRIMARY KEY (doc_id, annotator, fingerprint))"""
    )


@migrations(name="0012_document_search")
def m0012_document_search(db: Database) -> None:
    """An FTS5 index of every document's text normalised for search (find in all documents);
    imports keep it up to date, and existing documents are indexed here."""
    from annotator.store.search import build_index

    build_index(db.conn)


@migrations(name="0013_package_versions")
def m0013_package_versions(db: Database) -> None:
    """Per package (each has its own id), document and layer: the version last exchanged with
    that package and the package's change sequence then. Merge judges a package by its own
    lineage: two packages of one annotator, or her undo, are no longer mistaken for old versions.
    ``layer_exchanges`` (versions seen from any package) is dropped: it could not tell them apart.
    """
    db.execute(
        """CREATE TABLE package_versions (
            package_id TEXT NOT NULL,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL REFERENCES annotators(name),
            fingerprint TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (package_id, doc_id, annotator))"""
    )
    db.execute("DROP TABLE layer_exchanges")


@migrations(name="0014_project_id")
def m0014_project_id(db: Database) -> None:
    """Every project records its own id (packages name it; a restore refuses another project's
    file). Projects that packaged before already have one; the others get one here."""
    import uuid

    db.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('project_id', ?)", [uuid.uuid4().hex]
    )


@migrations(name="0015_layer_id_numbers")
def m0015_layer_id_numbers(db: Database) -> None:
    """Indexes of the numbers in "s17"/"r4" style ids per layer: the next free id of a layer is
    one index lookup instead of a read of all its ids (10,000 in a long article, every edit)."""
    for table, column, prefix in (("spans", "sid", "s"), ("relations", "rid", "r")):
        db.execute(
            f"CREATE INDEX {table}_{column}_number ON {table}"
            f" (doc_id, annotator, CAST(substr({column}, 2) AS INTEGER))"
            f" WHERE {column} GLOB '{prefix}[0-9]*'"
        )
