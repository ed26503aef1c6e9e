"""The one table of export formats: name, writer, what the format can carry, options, output kind.

The CLI's ``--format`` choices and help, the export dialog, the README's table (checked by a test)
and the export job all read ``FORMATS``. Adding a format is one writer module plus one row here.
What a format cannot carry is counted as ``not_exported`` in every manifest and summary line.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from annotator import DISTRIBUTION
from annotator.errors import AnnotatorError, UsageError
from annotator.export.options import ExportOptions, option_flag

if TYPE_CHECKING:
    from annotator.export.base import Writer


class Overlaps(Enum):
    """Which overlapping spans a format keeps."""

    ALL = "all"
    # one BIO column per label group: overlaps inside one group are dropped (and listed)
    ACROSS_COLUMNS = "across columns"
    # one BIO column: of overlapping spans the longest stays, the others are dropped (and listed)
    NONE = "none"


# what a format's offsets count, as its manifest says under "offsets"
CODE_POINTS = "code points of the stored text"
UTF16_UNITS = (
    "UTF-16 code units: a character beyond U+FFFF (an emoji, either letter of a flag) counts 2"
)
NO_OFFSETS = "none: tokens in the text's order"


@dataclass(frozen=True)
class ExportFormat:
    """One output format.

    ``writer``: "module:Class" under annotator.export, imported on first use (spaCy is slow).
    ``folder``: the output is a folder the export creates (else one file per split part).
    ``multi_layer``: one document can hold every annotator's layer (``--layer all``).
    ``joinable``: files written in pieces join end to end (no header or footer), so worker
    processes may write chunks of it.
    ``options``: the ExportOptions fields its writer reads.
    ``suggestions``: the writer also gets each document's suggestions layer, last, and writes it as
    the peer tool's predictions (not counted as exported spans).
    """

    name: str
    description: str
    writer: str
    suffix: str
    attributes: bool
    relations: bool
    overlaps: Overlaps
    folder: bool = False
    multi_layer: bool = False
    joinable: bool = False
    options: tuple[str, ...] = ()
    suggestions: bool = False  # also given the document's suggestions layer (as predictions)
    needs: str = ""  # an optional extra, named in the sentence when it is missing
    agreement: bool = False  # its dataset card reports the project's agreement figures
    status: bool = False  # carries each layer's status; else those not done are not_exported
    meta: bool = False  # carries each document's meta; else documents with meta are not_exported
    offsets: str = CODE_POINTS  # what its offsets count

    def writer_class(self) -> type[Writer]:
        module, name = self.writer.split(":")
        cls: type[Writer] = getattr(importlib.import_module(f"annotator.export.{module}"), name)
        return cls

    def check_available(self) -> None:
        """Refuse a format whose optional extra is not installed, saying how to install it."""
        if self.needs and importlib.util.find_spec(self.needs) is None:
            raise AnnotatorError(
                "the {format} format needs {needs}: install it with pip install"
                " '{distribution}[{needs}]'",
                format=self.name, needs=self.needs, distribution=DISTRIBUTION,
            )  # fmt: skip

    def check_options(self, options: ExportOptions) -> None:
        """Refuse options this format does not read, with a sentence naming them."""
        extra = [name for name in options.given() if name not in self.options]
        if extra:
            takes = ", ".join(option_flag(o) for o in self.options)
            raise UsageError(
                "{option} does not apply to the {format} format (it takes {takes})"
                if takes
                else "{option} does not apply to the {format} format (it takes no options of its"
                " own)",
                option=option_flag(extra[0]), format=self.name, takes=takes,
            )  # fmt: skip


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat(
        "jsonl",
        "native lines (SPEC section 5): spans, attributes, relations and tokens; "
        "--layer all puts every annotator in one line",
        "jsonl:JsonlWriter",
        ".jsonl",
        attributes=True,
        relations=True,
        overlaps=Overlaps.ALL,
        multi_layer=True,
        joinable=True,
        options=("tokens",),
        status=True,
        meta=True,
    ),
    ExportFormat(
        "doccano",
        "doccano JSONL, offsets in UTF-16 units as doccano counts them",
        "doccano:DoccanoWriter",
        ".jsonl",
        attributes=False,
        relations=True,
        overlaps=Overlaps.ALL,
        joinable=True,
        options=("doccano_shape",),
        meta=True,
        offsets=UTF16_UNITS,
    ),
    ExportFormat(
        "prodigy",
        "Prodigy JSONL: tokens, spans with token_start/token_end, relations on span tokens, "
        "answer accept",
        "prodigy:ProdigyWriter",
        ".jsonl",
        attributes=False,
        relations=True,
        overlaps=Overlaps.ALL,
        joinable=True,
        meta=True,
    ),
    ExportFormat(
        "label-studio",
        "Label Studio tasks (data.json) with label_config.xml: annotations per layer, "
        "suggestions as predictions",
        "labelstudio:LabelStudioWriter",
        ".json",
        attributes=True,
        relations=True,
        overlaps=Overlaps.ALL,
        folder=True,
        multi_layer=True,
        suggestions=True,
        status=True,
        meta=True,
    ),
    ExportFormat(
        "spans-csv",
        "one row per span: document, annotator, label, offsets, text, attributes, context words",
        "spanscsv:SpansCsvWriter",
        ".csv",
        attributes=True,
        relations=False,
        overlaps=Overlaps.ALL,
        multi_layer=True,
    ),
    ExportFormat(
        "webanno",
        "WebAnno TSV 3.3 for INCEpTION: DOCUMENT/ANNOTATOR.tsv, UTF-16 offsets, features, relations",
        "webanno:WebAnnoWriter",
        "",
        attributes=True,
        relations=True,
        overlaps=Overlaps.ALL,
        folder=True,
        multi_layer=True,
        offsets=UTF16_UNITS,
    ),
    ExportFormat(
        "hf-bio",
        "Hugging Face dataset folder: tokens, offsets, one BIO column per label group, a card",
        "tokenformats:HfBioWriter",
        ".jsonl",
        attributes=False,
        relations=False,
        overlaps=Overlaps.ACROSS_COLUMNS,
        folder=True,
        joinable=True,
        options=("unit", "max_tokens", "parquet"),
        agreement=True,
    ),
    ExportFormat(
        "conll",
        "one token per line: token, start, end, one BIO column per label group",
        "tokenformats:ConllWriter",
        ".conll",
        attributes=False,
        relations=False,
        overlaps=Overlaps.ACROSS_COLUMNS,
        joinable=True,
    ),
    ExportFormat(
        "conll2003",
        "CoNLL-2003: token _ _ tag, one BIO column of the --labels given, -DOCSTART- lines",
        "tokenformats:Conll2003Writer",
        ".conll",
        attributes=False,
        relations=False,
        overlaps=Overlaps.NONE,
        joinable=True,
        offsets=NO_OFFSETS,
    ),
    ExportFormat(
        "brat",
        "brat standoff folder: .txt and .ann (T, A, R lines), annotation.conf allowing overlaps",
        "brat:BratWriter",
        "",
        attributes=True,
        relations=True,
        overlaps=Overlaps.ALL,
        folder=True,
    ),
    ExportFormat(
        "spacy",
        "spaCy training folder: sharded .spacy files and a config.cfg with the project's tokenizer",
        "spacy_docbin:SpacyWriter",
        "",
        attributes=True,
        relations=True,
        overlaps=Overlaps.ALL,
        folder=True,
        options=("spacy_pipeline",),
        needs="spacy",
    ),
)
NAMES: tuple[str, ...] = tuple(f.name for f in FORMATS)
BY_NAME: dict[str, ExportFormat] = {f.name: f for f in FORMATS}


def export_format(name: str) -> ExportFormat:
    """The row of a format, or a sentence listing the formats there are."""
    if name not in BY_NAME:
        raise UsageError(
            "unknown export format {name!r} (choose from {names})",
            name=name,
            names=", ".join(NAMES),
        )
    return BY_NAME[name]
