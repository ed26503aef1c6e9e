"""Remove scraped-site debris from article text at import, one whole line at a time.

Rules come from resources/cleaning.toml (and the user's own cleaning.toml, which extends them).
Matching ignores diacritics, tatweel and hamza forms. A rule removes a line only when the line as
a whole is debris: a marker standing alone, a prompt too short to be a sentence, a counter, a
notice before the first or after the last paragraph of prose; never because a word of a rule
occurs in a sentence. Every cut is reported by line number, rule and text, and the original is
kept beside the cleaned text.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.config import resource_path
from annotator.errors import InputError
from annotator.importers.common import title_of
from annotator.model.document import DocumentRecord
from annotator.text.normalize import normalize_query

_COUNTER = re.compile(r"^[\d\s٠-٩۰-۹٬,.،:|/+\-]*$")
KINDS = ("tail", "line", "meta", "counter", "headline")
PROSE_WORDS = 10  # a line this long that no rule takes is a paragraph of the article
SHORT_WORDS = 12  # after a comment prompt, only lines up to this long (or other debris) may follow
PROMPT_WORDS = 16  # a "contains" rule takes a line only up to this long (longer is a sentence)
QUOTES = "«»\"“”„'‘’"
SENTENCE_END = (".", "؟", "?", "…", "»", '"', "”", "،", ")")


def _norm(text: str) -> str:
    """Matching form: search normalisation, and every run of spaces (no-break ones too) as one."""
    return " ".join(normalize_query(text).split())


@dataclass(frozen=True)
class Rule:
    """One cleaning rule, with its phrases already normalised."""

    name: str
    kind: str  # tail, line, meta, counter, headline
    name_ar: str = ""  # the name the Arabic window shows (summaries and manifests say ``name``)
    starts: tuple[str, ...] = ()  # line, meta: the line starts with one of these
    contains: tuple[str, ...] = ()  # line: a short line that is not a sentence contains one
    equals: tuple[str, ...] = ()  # tail, line: the line is one of these alone (a colon may follow)
    words: tuple[str, ...] = ()  # counter: the words a counter line may have besides digits
    needs: tuple[str, ...] = ()  # line: a starts/contains match also needs one of these words
    joiners: tuple[str, ...] = ()  # headline: "X..Y"
    key: str = ""  # meta: the metadata key
    max_words: int = PROMPT_WORDS
    after: str = "anything"  # tail: what may follow the marker ("anything" or "short")
    where: str = "anywhere"  # line: "anywhere", or "edges" (outside the article's prose)


@dataclass(frozen=True)
class Cut:
    """One line cleaning removed: its number in the original text (from 1), the rule, the text."""

    line: int
    rule: str
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"line": self.line, "rule": self.rule, "text": self.text}


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text, every line cut from it, and metadata found in cut lines."""

    text: str
    cuts: tuple[Cut, ...] = ()
    meta: dict[str, str] = field(default_factory=dict)


def _strings(raw: dict[str, Any], key: str, where: str, i: int) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(where, "rule[{i}]: {key} must be a list of strings", i=i, key=key)
    return tuple(value)


def _load(source: str, where: str) -> list[Rule]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(where, "not valid TOML ({why})", why=str(exc)) from None
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise InputError(where, "'rule' must be a list of [[rule]] tables")
    rules: list[Rule] = []
    for i, raw in enumerate(raw_rules):
        if not isinstance(raw, dict) or raw.get("kind") not in KINDS:
            raise InputError(where, "rule[{i}] needs a kind ({kinds})", i=i, kinds=", ".join(KINDS))
        lists = {
            k: _strings(raw, k, where, i)
            for k in ("starts", "contains", "equals", "words", "needs")
        }
        lists["equals"] += _strings(raw, "markers", where, i)  # the older name of a tail's list
        joiners = _strings(raw, "joiners", where, i)
        if not any(v for k, v in lists.items() if k != "needs") and not joiners:
            raise InputError(where, "rule[{i}] has no phrases (starts, contains, equals ...)", i=i)
        max_words, after, place = (
            raw.get("max_words", PROMPT_WORDS),
            raw.get("after", "anything"),
            raw.get("where", "anywhere"),
        )
        if not isinstance(max_words, int) or isinstance(max_words, bool) or max_words < 1:
            raise InputError(where, "rule[{i}]: max_words must be a positive whole number", i=i)
        if after not in ("anything", "short") or place not in ("anywhere", "edges"):
            raise InputError(
                where,
                "rule[{i}]: after is 'anything' or 'short', where is 'anywhere' or 'edges'",
                i=i,
            )
        rules.append(
            Rule(
                name=str(raw.get("name", f"rule {i}")),
                kind=raw["kind"],
                name_ar=str(raw.get("name_ar", "")),
                **{k: tuple(_norm(p) for p in v) for k, v in lists.items()},
                joiners=joiners,
                key=str(raw.get("key", "")),
                max_words=max_words,
                after=after,
                where=place,
            )
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


def _is_sentence(line: str) -> bool:
    """Quoted words, a comma, or sentence-final punctuation: prose, not a prompt or a headline."""
    line = line.strip()
    return any(q in line for q in QUOTES) or "،" in line or line.endswith(SENTENCE_END)


def _line_rule(line: str, norm: str, rules: tuple[Rule, ...], at_edge: bool) -> Rule | None:
    """The rule that takes this whole line, if any (tail markers and headlines aside)."""
    bare = norm.rstrip(":").strip()
    words = len(norm.split())
    for rule in rules:
        if rule.kind in ("line", "meta"):
            if rule.where == "edges" and not at_edge:
                continue
            if bare in rule.equals:
                return rule
            if rule.needs and not any(w in norm for w in rule.needs):
                continue
            if any(norm.startswith(p) for p in rule.starts):
                return rule
            if (
                rule.contains
                and words <= rule.max_words
                and not _is_sentence(line)
                and any(p in norm for p in rule.contains)
            ):
                return rule
        elif rule.kind == "counter":
            stripped = norm
            for w in rule.words:
                stripped = stripped.replace(w, " ")
            if _COUNTER.match(stripped) and any(ch.isdigit() for ch in norm):
                return rule
    return None


def _tail_rule(norm: str, rules: tuple[Rule, ...]) -> Rule | None:
    bare = norm.rstrip(":").strip()
    return next((r for r in rules if r.kind == "tail" and bare in r.equals), None)


def _inserted_headline(lines: list[str], i: int, rule: Rule) -> bool:
    """A short stand-alone line like "X..Y" between paragraphs, not a sentence or a quotation."""
    line = lines[i].strip()
    blank_around = (i == 0 or not lines[i - 1].strip()) and (
        i + 1 >= len(lines) or not lines[i + 1].strip()
    )
    return (
        bool(line)
        and blank_around
        and not _is_sentence(line)
        and len(line.split()) <= rule.max_words
        and any(j in line and not line.endswith(j) for j in rule.joiners)
    )


def clean_text(text: str, rules: tuple[Rule, ...]) -> Cleaned:
    """The text without its debris lines, with a report of every line cut."""
    lines = text.split("\n")
    norms = [_norm(line) for line in lines]
    content = [i for i, line in enumerate(lines) if line.strip()]
    if not content:
        return Cleaned(text)
    # the article's prose: long lines no rule takes wherever they are
    prose = [i for i in content if len(norms[i].split()) >= PROSE_WORDS
             and _line_rule(lines[i], norms[i], rules, at_edge=True) is None
             and _tail_rule(norms[i], rules) is None]  # fmt: skip
    first_prose, last_prose = (prose[0], prose[-1]) if prose else (len(lines), -1)
    headline = next((r for r in rules if r.kind == "headline"), None)
    cuts: list[Cut] = []
    meta: dict[str, str] = {}
    tail_from = len(lines)
    for i in content[1:]:  # the title is never a marker
        rule = _tail_rule(norms[i], rules)
        if rule is not None and _tail_holds(lines, norms, i, rule, rules):
            tail_from = i
            break
    for i in content:
        if i >= tail_from:
            tail = _tail_rule(norms[tail_from], rules)
            assert tail is not None
            own = _line_rule(lines[i], norms[i], rules, at_edge=True) if i > tail_from else None
            name = own.name if own is not None and own.kind != "meta" else tail.name
            cuts.append(Cut(i + 1, name, lines[i].strip()))
            continue
        # the title is never taken for a notice, even when it reads like one
        at_edge = i != content[0] and (i < first_prose or i > last_prose)
        rule = _line_rule(lines[i], norms[i], rules, at_edge)
        if rule is None and headline is not None and i != content[0]:
            rule = headline if _inserted_headline(lines, i, headline) else None
        if rule is None:
            continue
        if rule.kind == "meta":
            line = lines[i]
            value = line.split(":", 1)[1].strip() if ":" in line else line.strip()
            meta.setdefault(rule.key, value)
        cuts.append(Cut(i + 1, rule.name, lines[i].strip()))
    if not cuts:
        return Cleaned(text)
    cut_lines = {c.line - 1 for c in cuts}
    kept = [line for i, line in enumerate(lines) if i not in cut_lines]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept).strip("\n"))
    return Cleaned(cleaned, tuple(cuts), meta)


def _tail_holds(
    lines: list[str], norms: list[str], i: int, rule: Rule, rules: tuple[Rule, ...]
) -> bool:
    """Whether the marker at line ``i`` ends the article: anything may follow a related-articles
    marker; after a comment prompt only short lines that are not sentences, or other debris (a
    heading "التعليقات" followed by paragraphs belongs to the article)."""
    if rule.after == "anything":
        return True
    for j in range(i + 1, len(lines)):
        line = lines[j]
        if not line.strip() or (len(norms[j].split()) <= SHORT_WORDS and not _is_sentence(line)):
            continue
        if _line_rule(line, norms[j], rules, at_edge=True) is None:
            return False
    return True


def clean_record(record: DocumentRecord, rules: tuple[Rule, ...] | None = None) -> DocumentRecord:
    """Clean a record's text in place (before any annotation refers to it); keep the original."""
    if record.layers:  # offsets of existing annotations point into the text as it is
        return record
    result = clean_text(record.text, rules or load_rules(user_rules_file()))
    if result.cuts and result.text.strip():
        record.original = record.text
        record.text = result.text
        record.removed = [cut.as_dict() for cut in result.cuts]
        record.title = (
            title_of(result.text) if record.title == title_of(record.original) else record.title
        )
        for key, value in result.meta.items():
            record.meta.setdefault(key, value)
    return record
