"""Token-based formats: Hugging Face BIO (JSON lines) and CoNLL (one token per line).

All use the project's tokenizer and widen spans that do not fit tokens (reported in the manifest).
hf-bio and conll write one BIO column per group of labels (see bio.py), so overlaps of different
groups survive; conll2003 writes the one column readers of CoNLL-2003 take, of the --labels given
(every label when none), and lists in the manifest each overlapping span it had to leave out.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.export.base import Writer
from annotator.export.bio import bio_columns, class_names, column_name, tag_columns
from annotator.export.manifest import Manifest
from annotator.export.options import ExportOptions
from annotator.export.tokens import Fitted, document_tokens, fit_spans, span_entry
from annotator.model.document import Document, Layer
from annotator.model.schema import Schema
from annotator.text.plural import number, plural
from annotator.text.tokens import Token


class _TokenWriter(Writer):
    def __init__(
        self, path: Path, schema: Schema, manifest: Manifest, options: ExportOptions, layer: str
    ) -> None:
        super().__init__(path, schema, manifest, options, layer)
        self.columns = self._columns()
        manifest.extra["columns"] = {column_name(g): class_names(g) for g in self.columns}
        manifest.extra["tokenizer"] = "annotator words-numbers-punctuation (clitics not split)"

    def _columns(self) -> list[list[str]]:
        return bio_columns(self.schema)

    def _tags(self, doc: Document, layer: Layer) -> tuple[list[Token], dict[str, list[str]]]:
        tokens, tags, _ = self._fitted_tags(doc, layer)
        return tokens, tags

    def _fitted_tags(
        self, doc: Document, layer: Layer
    ) -> tuple[list[Token], dict[str, list[str]], list[Fitted]]:
        tokens = document_tokens(doc)
        fitted = fit_spans(doc, layer.spans, tokens, self.manifest)
        tags = tag_columns(doc, len(tokens), fitted, self.columns, self.manifest.dropped)
        return tokens, tags, fitted


class HfBioWriter(_TokenWriter):
    """One JSON line per document (``--unit document``) or per paragraph (``--unit paragraph``):
    ``{"id", "doc_id", "start", "tokens", "token_offsets", "<column>_tags"...}``; offsets are code
    points into the whole document. With ``--max-tokens N`` a longer row is cut into windows
    (``id~0``, ``id~1``...) at sentence ends. A span crossing a paragraph break or a window is
    tagged in each piece (B- where each piece starts) and listed in the manifest under ``cut``."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        tokens, tags, fitted = self._fitted_tags(doc, layer)
        by_paragraph = self.options.unit == "paragraph"
        pieces = paragraphs(doc.text, tokens) if by_paragraph else [(0, 0, len(tokens))]
        rows: list[tuple[str, int, int, int]] = []  # id, start offset, first token, stop token
        for k, (start, first, stop) in enumerate(pieces):
            base = f"{doc.ext_id}#{k}" if by_paragraph else doc.ext_id
            parts = [(first, stop)]
            if self.options.max_tokens:
                parts = windows(tokens, first, stop, self.options.max_tokens, fitted)
            for w, (a, b) in enumerate(parts):
                row_id = base if len(parts) == 1 else f"{base}~{w}"
                rows.append((row_id, start if w == 0 else tokens[a].start, a, b))
        breaks = {first for _, first, _ in pieces[1:]}
        bounds = [first for _, _, first, _ in rows[1:]]
        for f in fitted:
            crossed = [b for b in bounds if f.first < b <= f.last]
            if crossed:
                why = "a paragraph break" if set(crossed) & breaks else "a --max-tokens window"
                self.manifest.cut.append(span_entry(doc, f.span, f"crosses {why}"))
        for row_id, start, a, b in rows:
            self._row(row_id, doc.ext_id, start, tokens, tags, a, b)

    def _row(
        self, row_id: str, doc_id: str, start: int, tokens: list[Token],
        tags: dict[str, list[str]], first: int, stop: int,
    ) -> None:  # fmt: skip
        obj = {
            "id": row_id,
            "doc_id": doc_id,
            "start": start,
            "tokens": [t.text for t in tokens[first:stop]],
            "token_offsets": [[t.start, t.end] for t in tokens[first:stop]],
            **{name: restart(column[first:stop]) for name, column in tags.items()},
        }
        self.fh.write(json.dumps(obj, ensure_ascii=False) + "\n")

    @classmethod
    def finish(
        cls, root: Path, finals: dict[str | None, Path], options: ExportOptions, manifest: Manifest
    ) -> dict[str | None, Path]:
        """The dataset card: README.md whose YAML front matter lets datasets.load_dataset(folder)
        read the splits with ClassLabel tag names (and the Hub show it as it is). With
        ``--parquet`` each split file becomes Parquet (tags as class ids), read in batches."""
        finals = dict(finals)
        if options.parquet:
            columns: dict[str, list[str]] = manifest.extra["columns"]
            for part, final in list(finals.items()):
                temp = root / final.name
                to_parquet(temp, temp.with_suffix(".parquet"), columns)
                temp.unlink()
                finals[part] = final.with_suffix(".parquet")
        (root / "README.md").write_text(dataset_card(finals, manifest), encoding="utf-8")
        return finals


PARQUET_BATCH = 2000  # rows converted at a time: memory stays one batch's


def to_parquet(src: Path, dst: Path, columns: dict[str, list[str]]) -> None:
    """Convert hf-bio JSON lines to Parquet in batches, tag names turned into class ids."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise AnnotatorError(
            "--parquet needs pyarrow: install it with pip install pyarrow"
        ) from None
    ids = {name: {tag: i for i, tag in enumerate(names)} for name, names in columns.items()}
    schema = pa.schema(
        [("id", pa.string()), ("doc_id", pa.string()), ("start", pa.int64()),
         ("tokens", pa.list_(pa.string())), ("token_offsets", pa.list_(pa.list_(pa.int64())))]
        + [(name, pa.list_(pa.int64())) for name in columns]
    )  # fmt: skip
    with pq.ParquetWriter(dst, schema) as writer, src.open(encoding="utf-8") as fh:
        while True:
            rows = [json.loads(line) for _, line in zip(range(PARQUET_BATCH), fh, strict=False)]
            if not rows:
                break
            for row in rows:
                for name, tag_ids in ids.items():
                    row[name] = [tag_ids[t] for t in row[name]]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))


def paragraphs(text: str, tokens: list[Token]) -> list[tuple[int, int, int]]:
    """(start offset, first token, stop token) of each paragraph that has tokens; paragraphs are
    separated by line breaks."""
    out: list[tuple[int, int, int]] = []
    para_start, first = 0, 0
    for i, tok in enumerate(tokens):
        previous_end = tokens[i - 1].end if i else 0
        if i and "\n" in text[previous_end : tok.start]:
            out.append((para_start, first, i))
            para_start = text.rindex("\n", previous_end, tok.start) + 1
            first = i
    if tokens:
        out.append((para_start, first, len(tokens)))
    return out


SENTENCE_END = frozenset(".!?؟…")


def windows(
    tokens: list[Token], first: int, stop: int, limit: int, spans: list[Fitted]
) -> list[tuple[int, int]]:
    """Cut tokens[first:stop] into windows of at most ``limit`` tokens: at the last sentence end
    that cuts no span, else at the last place that cuts no span, else at the limit."""
    inside = {b for f in spans for b in range(f.first + 1, f.last + 1)}  # would cut a span
    out: list[tuple[int, int]] = []
    a = first
    while stop - a > limit:
        candidates = range(a + limit, a, -1)
        b = (
            next((b for b in candidates
                  if b not in inside and tokens[b - 1].text[-1:] in SENTENCE_END), None)
            or next((b for b in candidates if b not in inside), None)
            or a + limit
        )  # fmt: skip
        out.append((a, b))
        a = b
    out.append((a, stop))
    return out


def restart(tags: list[str]) -> list[str]:
    """A column cut out of a longer one: a leading I- (the rest of a cut span) becomes B-."""
    if tags and tags[0].startswith("I-"):
        return ["B-" + tags[0][2:], *tags[1:]]
    return tags


HF_SPLIT = {None: "train", "train": "train", "dev": "validation", "test": "test"}


def dataset_card(finals: dict[str | None, Path], manifest: Manifest) -> str:
    """README.md for the Hugging Face datasets library and Hub: configs (the split files) and
    features (ClassLabel names) in the YAML front matter; counts in the text, every one of them
    the manifest's (``Manifest.written``), so the card never disagrees with manifest.json."""
    spans, _relations, by_label = manifest.written()
    columns: dict[str, list[str]] = manifest.extra["columns"]
    counts = manifest.split.get("documents", {})
    lines = ["---", "configs:", "- config_name: default", "  data_files:"]
    for part, path in finals.items():
        lines += [f"  - split: {HF_SPLIT[part]}", f"    path: {json.dumps(path.name)}"]
    lines += ["dataset_info:", "  features:", "  - name: id", "    dtype: string",
              "  - name: doc_id", "    dtype: string", "  - name: start", "    dtype: int64",
              "  - name: tokens", "    sequence: string",
              "  - name: token_offsets", "    sequence:", "      sequence: int64"]  # fmt: skip
    for name, names in columns.items():
        lines += [f"  - name: {name}", "    sequence:", "      class_label:", "        names:"]
        lines += [
            f"          '{i}': {json.dumps(n, ensure_ascii=False)}" for i, n in enumerate(names)
        ]
    lines += ["---", "", f"# {manifest.schema}: token classification (BIO)", ""]
    lines.append(
        f"Exported by annotator from the {manifest.layer} layer: {plural(manifest.documents, 'document')}, "
        f"{plural(spans, 'span')}. One BIO column per label group, so spans of different groups "
        "may overlap. Tokens are the project's (clitics are not split); spans that did not fit "
        f"whole tokens were widened ({len(manifest.widened)}) and overlapping spans inside one "
        f"column left out ({len(manifest.dropped)}): each one is listed in manifest.json."
    )
    lines += ["", "| split | file | documents |", "|---|---|---|"]
    for part, path in finals.items():
        n = counts.get(part, 0) if part else manifest.documents
        lines.append(f"| {HF_SPLIT[part]} | {path.name} | {number(n)} |")
    lines += ["", "| label | spans |", "|---|---|"]
    lines += [f"| {label} | {number(n)} |" for label, n in sorted(by_label.items())]
    figures = manifest.extra.get("agreement")
    if figures:
        f1 = figures["span_exact_f1_mean"]
        lines += ["", f"Agreement of {', '.join(figures['annotators'])} on the "
                  f"{plural(figures['documents'], 'document')} at least two of them finished: "
                  f"Krippendorff's alpha over tokens {_figure(figures['token_krippendorff_alpha'])}, "
                  f"unitizing alpha_u {_figure(figures['unitizing_alpha_u'])} (on the "
                  f"{plural(figures['documents_finished_by_all'], 'document')} all of them finished)"
                  + (f", exact span F1 {f1:.3f} (mean over pairs)" if f1 is not None else "")
                  + " (`annotator agreement` gives the full report)."]  # fmt: skip
    lost = manifest.not_exported()
    lines += ["", f"Not in this format: {plural(lost['attributes'], 'attribute value')} and "
              f"{plural(lost['relations'], 'relation')} (see manifest.json).", ""]  # fmt: skip
    return "\n".join(lines)


def _figure(value: float | None) -> str:
    """An agreement figure, or a dash when it is undefined (no document finished by two)."""
    return "—" if value is None else f"{value:.3f}"


class ConllWriter(_TokenWriter):
    """``token start end tag...`` per line; a blank line between paragraphs and documents."""

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        tokens, tags = self._tags(doc, layer)
        names = [column_name(g) for g in self.columns]
        self.fh.write(f"# id = {doc.ext_id}\n# columns = token start end {' '.join(names)}\n")
        previous_end = 0
        for i, tok in enumerate(tokens):
            if i and "\n" in doc.text[previous_end : tok.start]:
                self.fh.write("\n")
            row = [tok.text, str(tok.start), str(tok.end)] + [tags[n][i] for n in names]
            self.fh.write("\t".join(row) + "\n")
            previous_end = tok.end
        self.fh.write("\n")


DOCSTART = "-DOCSTART- -X- O O"  # the exact line spaCy's converter and CoNLL-2003 readers split on


class Conll2003Writer(_TokenWriter):
    """``token _ _ TAG`` per line (CoNLL-2003's four columns, no part of speech or chunk known),
    ``-DOCSTART-`` before each document, a blank line between paragraphs; no comment lines."""

    def _columns(self) -> list[list[str]]:
        return [list(self.options.labels or self.schema.label_ids)]

    def write(self, doc: Document, layers: list[Layer]) -> None:
        (layer,) = layers
        tokens, tags = self._tags(doc, layer)
        (column,) = tags.values()
        self.fh.write(f"{DOCSTART}\n\n")
        previous_end = 0
        for i, tok in enumerate(tokens):
            if i and "\n" in doc.text[previous_end : tok.start]:
                self.fh.write("\n")
            self.fh.write(f"{tok.text} _ _ {column[i]}\n")
            previous_end = tok.end
        self.fh.write("\n")
