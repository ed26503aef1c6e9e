"""Options that change what a writer writes, as one typed record (not read back from the manifest)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class ExportOptions:
    """Writer options. Each format lists in its registry row (formats.py) the ones it reads; a
    value other than the default for an option the format does not read is refused."""

    tokens: bool = True  # jsonl: the token list and each span's token range
    unit: str = "document"  # hf-bio: one row per "document" or per "paragraph"
    parquet: bool = False  # hf-bio: Parquet split files instead of JSON lines (needs pyarrow)
    max_tokens: int = 0  # hf-bio: cut longer rows into windows of at most this many tokens (0: no)
    spacy_pipeline: str = "spancat"  # spacy: the pipeline config.cfg trains ("spancat" or "ner")
    # doccano: "relation" (entities and relations, doccano's relation extraction project) or
    # "sequence" ("label" only, its sequence labelling project; relations counted as not exported)
    doccano_shape: str = "relation"
    # --labels, a filter every format honours (the job keeps only these labels' spans);
    # conll2003 makes its one tag column of them
    labels: tuple[str, ...] = ()

    def given(self) -> list[str]:
        """The format-specific options set to something other than their default."""
        default = ExportOptions()
        return [
            f.name
            for f in fields(self)
            if f.name not in SHARED and getattr(self, f.name) != getattr(default, f.name)
        ]


SHARED = frozenset({"labels"})  # options every format takes


def option_flag(name: str) -> str:
    """The command-line spelling of an option: ``max_tokens`` -> ``--max-tokens``."""
    return "--" + name.replace("_", "-")
