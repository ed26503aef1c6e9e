"""Datasette's metadata.json for a project: what every table, view and column means.

``datasette news.db --metadata metadata.json`` then shows each description beside the data. A test
checks that every column of a new project is described here, so the file cannot fall behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.store.search import is_index_table

_SPAN = {
    "document": "the document's id (documents.ext_id)",
    "annotator": "the layer: an annotator's name, 'gold' or 'suggestions'",
    "sid": "the span's id within its layer, as exports write it (s1, s2, ...)",
    "label": "the span's label id (see the labels table)",
    "start": "first character, a code point offset into documents.text",
    "end": "end (exclusive): documents.text[start:end] is the span's text",
    "text": "the words the span covers",
    "attributes": 'attribute values as a JSON object, e.g. {"kind": "person"}',
}

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "documents": ("Imported articles; the text never changes after import.", {
        "id": "row id", "ext_id": "the document's id in files and exports",
        "title": "the first line, or the title given at import", "text": "the stored text (NFC, LF)",
        "sha256": "SHA-256 of the text, to recognise the same article",
        "meta": "metadata from the source file (JSON)", "source": "the file it came from",
        "imported_at": "when it was imported (UTC)",
        "original": "the text before cleaning, when cleaning removed something",
        "removed": "what cleaning removed, with the rule (JSON)"}),
    "labels": ("The label schema: span labels.", {
        "id": "label id", "en": "English name", "ar": "Arabic name", "color": "colour (#rrggbb)",
        "key": "default key", "description": "guideline text",
        "attributes": "attributes with their allowed values (JSON)", "position": "order"}),
    "relation_types": ("The label schema: relation types and the labels at each end.", {
        "id": "relation id", "en": "English name", "ar": "Arabic name",
        "head": "labels allowed at the head (JSON)", "child": "labels allowed at the child (JSON)",
        "key": "default key", "description": "guideline text"}),
    "annotators": ("Every layer name.", {"name": "annotator", "created_at": "first seen (UTC)"}),
    "spans": ("Labelled stretches of text, one row per span per layer.", {
        "id": "row id (relations.head/child point here)", "doc_id": "documents.id",
        **{k: _SPAN[k] for k in ("annotator", "sid", "start", "end", "label", "text", "attributes")},
        "created_at": "when it was made (UTC)", "updated_at": "when it last changed (UTC)"}),
    "relations": ("Links between spans (head and child are span row ids; see relation_spans).", {
        "id": "row id", "doc_id": "documents.id", "annotator": "the layer",
        "rid": "the relation's id within its layer, as exports write it", "head": "spans.id",
        "child": "spans.id", "label": "relation type id", "created_at": "when it was made (UTC)"}),
    "doc_status": ("Where each annotator stands on each document.", {
        "doc_id": "documents.id", "annotator": "the layer",
        "status": "todo, in_progress, done or skipped", "updated_at": "when it changed (UTC)"}),
    "changelog": ("Who did what, when.", {
        "id": "row id", "at": "when (UTC)", "annotator": "who", "action": "what",
        "doc_id": "documents.id (when about one document)", "detail": "details (JSON)"}),
    "gold_decisions": ("The lead's curation decisions for the gold layer.", {
        "doc_id": "documents.id", "start": "code point offset", "end": "end (exclusive)",
        "label": "label id", "decision": "accept or reject", "decided_by": "who",
        "decided_at": "when (UTC)"}),
    "suggestion_decisions": ("Suggestions an annotator accepted or rejected (a rejection stays).", {
        "doc_id": "documents.id", "annotator": "the layer that decided",
        "start": "code point offset", "end": "end (exclusive)", "label": "label id",
        "decision": "accept or reject", "decided_by": "who", "decided_at": "when (UTC)"}),
    "open_windows": ("Windows open on the project now (to tell a second window on the same work).", {
        "id": "a window's random id", "annotator": "who works there", "doc_id": "documents.id shown",
        "host": "computer name", "pid": "process id", "opened_at": "when the document was opened"}),
    "layer_kinds": ("What each layer is: an annotator's, gold, suggestions or a model's.", {
        "name": "the layer (annotators.name)", "kind": "annotator, gold, suggestions or model"}),
    "assignments": ("Who should annotate which document (annotator assign).", {
        "doc_id": "documents.id", "annotator": "annotators.name",
        "overlap": "1 when the document is in the overlap share annotated by several",
        "assigned_at": "when (UTC)"}),
    "work_time": ("Active seconds each annotator spent on each document (idle stretches left out).", {
        "doc_id": "documents.id", "annotator": "annotators.name", "seconds": "active seconds",
        "updated_at": "when (UTC)"}),
    "document_search": ("Find in all documents: an FTS5 trigram index of each text normalised for "
                        "search (no copy of the text; rowid is documents.id).", {
        "body": "the normalised text (not stored: the index keeps only its trigrams)"}),
    "document_search_data": ("FTS5's own storage of document_search.", {
        "id": "FTS5 block id", "block": "FTS5 data"}),
    "document_search_idx": ("FTS5's own storage of document_search.", {
        "segid": "FTS5 segment", "term": "FTS5 term", "pgno": "FTS5 page"}),
    "document_search_docsize": ("FTS5's own storage of document_search.", {
        "id": "documents.id", "sz": "FTS5 token counts"}),
    "document_search_config": ("FTS5's own storage of document_search.", {
        "k": "FTS5 setting", "v": "value"}),
    "package_versions": ("Per package: the version of each layer last exchanged with it.", {
        "package_id": "the package's id", "doc_id": "documents.id",
        "annotator": "annotators.name", "fingerprint": "a hash of the layer's content",
        "sequence": "the package's change log position of the layer then",
        "at": "when (UTC)"}),
    "meta": ("Project settings: the schema TOML, who created it.", {
        "key": "setting", "value": "value"}),
    "span_texts": ("View: every span with its document id and text, for reading and faceting.", {
        "span_id": "spans.id", **_SPAN}),
    "relation_spans": ("View: every relation with the span ids exports use and the span texts.", {
        "relation_id": "relations.id", "document": _SPAN["document"], "annotator": "the layer",
        "rid": "the relation's id within its layer", "label": "relation type id",
        "head": "the head span's sid", "child": "the child span's sid",
        "head_label": "the head span's label", "child_label": "the child span's label",
        "head_text": "the head span's text", "child_text": "the child span's text"}),
    "attributions": ("View: who said what (attributed_to relations): claim and speaker texts.", {
        "document": _SPAN["document"], "annotator": "the layer", "claim": "the claim's text",
        "speaker": "the speaker's text", "claim_sid": "the claim span's sid",
        "speaker_sid": "the speaker span's sid"}),
}  # fmt: skip
FACETS = {"span_texts": ["label", "annotator"], "relation_spans": ["label", "annotator"],
          "attributions": ["annotator"], "doc_status": ["status", "annotator"]}  # fmt: skip


def metadata(project_path: Path) -> dict[str, Any]:
    """Datasette metadata for the project file at ``project_path`` (its database is the file stem)."""
    tables: dict[str, Any] = {}
    for name, (description, columns) in TABLES.items():
        tables[name] = {"description": description, "columns": dict(columns)}
        if name in FACETS:
            tables[name]["facets"] = FACETS[name]
        if is_index_table(name):
            tables[name]["hidden"] = True  # derived from documents; searched in the window
    return {
        "title": f"annotator project {project_path.name}",
        "description": "Arabic news annotations. Offsets are code points into documents.text, "
        "end exclusive. Span and relation ids (sid, rid) are those exports use.",
        "databases": {project_path.stem: {"tables": tables}},
    }
