"""Remove scraped-site debris from article text at import; keep what was cut for provenance.

Rules come from resources/cleaning.toml (and the user's own cleaning.toml, which extends them).
Matching ignores diacritics, tatweel and hamza forms. A clean article comes through unchanged:
every rule needs a line that is debris by its form (a marker alone, a counter) or its words.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.config import resource_path
from annotator.errors import InputError
from annotator.importers.common import title_of
from annotator.model.document import DocumentRecord
from annotator.text.normalize import normalize_query

_COUNTER = re.compile(r"^[\d\s٠-٩۰-۹٬,.،:|/+\-]*$")


def _norm(text: str) -> str:
    """Matching form: search normalisation, and every run of spaces (no-break ones too) as one."""
    return " ".join(normalize_query(text).split())


@dataclass(frozen=True)
class Rule:
    """One cleaning rule, with its phrases already normalised."""

    name: str
    kind: str  # tail, line, meta, counter
    phrases: tuple[str, ...]
    match: str  # "starts", "contains" or "markers"
    key: str = ""
    max_words: int = 0


def _load(source: str, where: str) -> list[Rule]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, f"not valid TOML ({exc})") from None
    rules: list[Rule] = []
    for i, raw in enumerate(data.get("rule", [])):
        kind = raw.get("kind")
        field = {"tail": "markers", "counter": "words", "headline": "joiners"}.get(
            kind or "", "contains" if "contains" in raw else "starts"
        )
        kinds = ("tail", "line", "meta", "counter", "headline")
        if kind not in kinds or not isinstance(raw.get(field), list):
            raise InputError(
                where, f"rule[{i}] needs a kind ({', '.join(kinds)}) and a {field} list"
            )
        phrases = tuple(_norm(p) for p in raw[field]) if kind != "headline" else tuple(raw[field])
        name = str(raw.get("name", f"rule {i}"))
        rules.append(
            Rule(name, kind, phrases, field, str(raw.get("key", "")), int(raw.get("max_words", 0)))
        )
    return rules


@lru_cache(maxsize=4)
def load_rules(user_file: Path | None = None) -> tuple[Rule, ...]:
    """The packaged rules, extended by the user's cleaning.toml when there is one."""
    rules = _load(resource_path("cleaning.toml").read_text("utf-8"), "cleaning.toml")
    if user_file is not None and user_file.is_file():
        rules += _load(user_file.read_text("utf-8"), str(user_file))
    return tuple(rules)


def user_rules_file() -> Path:
    from platformdirs import user_config_path

    return user_config_path("annotator", appauthor=False) / "cleaning.toml"


def _line_rule(norm: str, rules: tuple[Rule, ...]) -> Rule | None:
    bare = norm.strip().rstrip(":").strip()
    for rule in rules:
        if rule.kind == "tail" and bare in rule.phrases:
            return rule
        if (
            rule.kind in ("line", "meta")
            and rule.match == "starts"
            and any(norm.strip().startswith(p) for p in rule.phrases)
        ):
            return rule
        if (
            rule.kind == "line"
            and rule.match == "contains"
            and any(p in norm for p in rule.phrases)
        ):
            return rule
        if rule.kind == "counter" and norm.strip():
            stripped = norm
            for w in rule.phrases:
                stripped = stripped.replace(w, " ")
            if _COUNTER.match(stripped) and any(ch.isdigit() for ch in norm):
                return rule
    return None


_FINAL = (".", "!", "؟", "?", ":", "»", '"', "”", "،", ")")


def _inserted_headline(lines: list[str], i: int, rules: tuple[Rule, ...]) -> bool:
    """A short stand-alone line like "X..Y" between paragraphs, with no final punctuation."""
    line = lines[i].strip()
    blank_around = (i == 0 or not lines[i - 1].strip()) and (
        i + 1 >= len(lines) or not lines[i + 1].strip()
    )
    if not line or not blank_around or line.endswith(_FINAL):
        return False
    return any(
        rule.kind == "headline"
        and len(line.split()) <= rule.max_words
        and any(j in line and not line.endswith(j) for j in rule.phrases)
        for rule in rules
    )


def clean_text(
    text: str, rules: tuple[Rule, ...]
) -> tuple[str, list[dict[str, Any]], dict[str, str]]:
    """The cleaned text, what was removed (rule and text), and metadata found in removed lines."""
    lines = text.split("\n")
    kept: list[str] = []
    removed: list[dict[str, Any]] = []
    meta: dict[str, str] = {}
    first = next((i for i, line in enumerate(lines) if line.strip()), -1)
    for i, line in enumerate(lines):
        rule = _line_rule(_norm(line), rules) if line.strip() else None
        if rule is None and i != first and _inserted_headline(lines, i, rules):
            rule = next(r for r in rules if r.kind == "headline")
        if rule is None:
            kept.append(line)
            continue
        if rule.kind == "tail":
            tail = "\n".join(lines[i:]).strip()
            removed.append({"rule": rule.name, "text": tail})
            break
        if rule.kind == "meta":
            value = line.split(":", 1)[1].strip() if ":" in line else line.strip()
            meta.setdefault(rule.key, value)
        removed.append({"rule": rule.name, "text": line.strip()})
    if not removed:
        return text, [], {}
    cleaned = "\n".join(kept).strip("\n")
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned, removed, meta


def clean_record(record: DocumentRecord, rules: tuple[Rule, ...] | None = None) -> DocumentRecord:
    """Clean a record's text in place (before any annotation refers to it); keep the original."""
    if record.layers:  # offsets of existing annotations point into the text as it is
        return record
    cleaned, removed, meta = clean_text(record.text, rules or load_rules(user_rules_file()))
    if removed and cleaned.strip():
        record.original = record.text
        record.text = cleaned
        record.removed = removed
        record.title = (
            title_of(cleaned) if record.title == title_of(record.original) else record.title
        )
        for key, value in meta.items():
            record.meta.setdefault(key, value)
    return record
