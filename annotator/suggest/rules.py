"""Rule-based suggestions for Arabic news: who said what, events, stances.

Works on the tokens of the stored text; every word is compared in its search-normalised form
(diacritics, tatweel and hamza forms ignored) with an attached و / ف (and ب / ل / ك for nouns)
allowed in front and left out of the span, as the guideline asks. Rules live in
resources/suggest.toml.

- A reporting verb (قال، أكد، أضاف ...) suggests its subject as a speaker (the words after it, up
  to a preposition, a complementiser or punctuation) and, after أن / إن or inside quotation marks,
  the reported clause as a claim attributed to that speaker.
- "بحسب X" / "وفقا لـ X" suggests X as a speaker.
- Event nouns and verbs (اتصال، زيارة، محادثات، التقى، توقيع ...) suggest events with their type.
- Stance cues (تدعم، ترفض، ترحب، تدين ...) suggest stances with their polarity.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from annotator.config import resource_path
from annotator.model.document import Layer, Relation, Span
from annotator.text.normalize import normalize_query
from annotator.text.tokens import Token, tokenize

VERB_CLITICS = ("و", "ف")
NOUN_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'"}
SENTENCE_END = {".", "!", "؟", "?", "\n"}


def _n(word: str) -> str:
    return normalize_query(word)


@dataclass(frozen=True)
class Lexicon:
    """The rule words, normalised."""

    verbs: frozenset[str]
    participles: frozenset[str]
    about_verbs: frozenset[str]
    connectors: frozenset[str]
    complementizers: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    speaker_stops: frozenset[str]
    relative_words: frozenset[str]
    editorial_nouns: tuple[str, ...]
    max_speaker_words: int
    speaker_kind: dict[str, str]
    events: dict[str, str]
    complements: frozenset[str]
    stances: dict[str, str]
    intensifiers: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(resource_path("suggest.toml").read_text("utf-8"))
    rep = data["reporting"]
    verbs: set[str] = set()
    for v in rep["verbs"]:
        base = _n(v)
        verbs |= {base, base + "ت", base + "وا", base + "ا", base + "تا"}
        if base.endswith("ي") or base.endswith("ا"):  # نفى -> نفت, دعا -> دعت
            verbs.add(base[:-1] + "ت")
    verbs |= {_n(f) for f in rep["forms"]}
    kinds = {_n(w): kind for kind, words in data["speaker_kind"].items() for w in words}
    events = {_n(w): kind for kind, words in data["events"].items() for w in words}
    stances = {
        _n(w): pol for pol, words in data["stances"].items() if pol != "intensifiers" for w in words
    }
    return Lexicon(
        verbs=frozenset(verbs),
        participles=frozenset(_n(w) for w in rep["participles"]),
        about_verbs=frozenset(_n(w) for w in rep["about_verbs"]),
        connectors=frozenset(_n(w) for w in rep["connectors"]),
        complementizers=frozenset(
            _n(w) for w in rep["complementizers"] + rep["complementizers_with_pronoun"]
        ),
        according_to=tuple(tuple(_n(w) for w in phrase.split()) for phrase in rep["according_to"]),
        speaker_stops=frozenset(_n(w) for w in rep["speaker_stops"]),
        relative_words=frozenset(_n(w) for w in rep["relative_words"]),
        editorial_nouns=tuple(_n(w) for w in rep["editorial_nouns"]),
        max_speaker_words=int(rep["max_speaker_words"]),
        speaker_kind=kinds,
        events=events,
        complements=frozenset(_n(w) for w in data["event_complements"]["words"]),
        stances=stances,
        intensifiers=frozenset(_n(w) for w in data["stances"]["intensifiers"]),
    )


def _strip(
    word: str, table: frozenset[str] | dict[str, str], clitics: tuple[str, ...]
) -> tuple[str, int] | None:
    """The dictionary form of ``word`` and how many leading letters are a clitic, if it is known."""
    if word in table:
        return word, 0
    for c in clitics:
        if word.startswith(c) and word[len(c) :] in table and len(word) > len(c) + 1:
            return word[len(c) :], len(c)
    return None


def _strip_article(word: str, table: dict[str, str]) -> str | None:
    for w in (word, word[2:] if word.startswith("ال") else ""):
        if w and w in table:
            return w
    return None


class _Doc:
    """Tokens of one document with their normalised forms."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = tokenize(text)
        self.norm = [_n(t.text) for t in self.tokens]

    def newline_between(self, i: int, j: int) -> bool:
        return "\n" in self.text[self.tokens[i].end : self.tokens[j].start]

    def sentence_end(self, start: int) -> int:
        """Index of the last token of the sentence that starts at token ``start``."""
        j = start
        while j + 1 < len(self.tokens):
            if self.tokens[j + 1].text in SENTENCE_END or self.newline_between(j, j + 1):
                break
            j += 1
        return j

    def span(self, i: int, j: int, label: str, skip: int = 0, **attrs: str) -> Span:
        start, end = self.tokens[i].start + skip, self.tokens[j].end
        return Span(start, end, label, self.text[start:end], dict(attrs))


class Suggester:
    """Applies the rules to one document's text."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()

    def _speaker(self, d: _Doc, i: int) -> tuple[int, int] | None:
        """The subject phrase starting at token ``i``: (first, last) token, or None."""
        lex, j, last = self.lex, i, -1
        while j < len(d.tokens) and j - i < lex.max_speaker_words:
            tok, norm = d.tokens[j], d.norm[j]
            if last >= i and tok.text in QUOTES:  # وكالة "رويترز": a short quoted name
                k = next((k for k in range(j + 1, min(j + 5, len(d.tokens)))
                          if d.tokens[k].text == QUOTES[tok.text]), None)  # fmt: skip
                if k is not None and k > j + 1:
                    last = j = k
                    j += 1
                    continue
                break
            if tok.kind != "word" or norm in lex.speaker_stops or norm in lex.complementizers:
                break
            if j > i and (d.newline_between(j - 1, j) or self._reports(norm)):
                break
            last = j
            j += 1
        return (i, last) if last >= i else None

    def _kind(self, d: _Doc, first: int) -> str:
        word = d.norm[first]
        return self.lex.speaker_kind.get(word) or self.lex.speaker_kind.get(
            word[2:] if word.startswith("ال") else "", "person"
        )

    def _clause(self, d: _Doc, i: int) -> tuple[int, int, str] | None:
        """A claim starting near token ``i``: after a complementiser or inside quotation marks."""
        lex, j = self.lex, i
        while j < len(d.tokens) and j - i <= 8:
            tok, norm = d.tokens[j], d.norm[j]
            if tok.text in SENTENCE_END or (j > i and d.newline_between(j - 1, j)):
                return None
            if tok.text in QUOTES:
                if j > i and d.tokens[j - 1].text not in (":", "،", ","):
                    return None
                closer = QUOTES[tok.text]
                k = j + 1
                while (
                    k < len(d.tokens)
                    and d.tokens[k].text != closer
                    and not d.newline_between(k - 1, k)
                ):
                    k += 1
                words = sum(1 for t in d.tokens[j + 1 : k] if t.kind == "word")
                if k < len(d.tokens) and d.tokens[k].text == closer and words >= 3:
                    return j + 1, k - 1, "direct_quote"
                return None
            if norm in lex.complementizers:
                start = j + 1
                if start < len(d.tokens) and d.tokens[start].text in QUOTES:
                    quoted = self._clause(d, start)
                    if quoted:
                        return quoted
                end = self._claim_end(d, start)
                return (start, end, "indirect") if end >= start else None
            if tok.kind == "other" and tok.text not in (":", "،", ","):
                return None
            if norm not in lex.connectors and tok.kind == "word" and j > i + 4:
                return None
            j += 1
        return None

    def _reports(self, norm: str) -> bool:
        return (
            _strip(norm, self.lex.verbs, VERB_CLITICS) is not None
            or _strip(norm, self.lex.participles, VERB_CLITICS) is not None
        )

    def _claim_end(self, d: _Doc, start: int) -> int:
        """The last token of a reported clause: the sentence end, or before ", <reporting verb>"."""
        end = d.sentence_end(start)
        for k in range(start + 1, end + 1):
            if d.tokens[k].text == "(":  # "(حسب زعمه)": the outlet's aside is not part of the claim
                end = k - 1
                break
            if d.tokens[k - 1].text in ("،", ",") and self._reports(d.norm[k]):
                end = k - 1
                break
        while (
            end > start and d.tokens[end].kind == "other" and not self._closes_quote(d, start, end)
        ):
            end -= 1
        return end

    @staticmethod
    def _closes_quote(d: _Doc, start: int, end: int) -> bool:
        """True when token ``end`` closes a quotation opened inside the clause (keep it)."""
        tok = d.tokens[end].text
        inside = [t.text for t in d.tokens[start:end]]
        for opener, closer in QUOTES.items():
            if tok == closer:
                if opener == closer:
                    return inside.count(opener) % 2 == 1
                return inside.count(opener) > inside.count(closer)
        return False

    def _subject_before(self, d: _Doc, i: int) -> tuple[int, int] | None:
        """A subject before the verb (SVO: "الحكومة أكدت أن ..."), up to four words."""
        lex, j = self.lex, i - 1
        while j >= 0 and i - j <= 4:
            if (
                d.tokens[j].kind != "word"
                or d.norm[j] in lex.speaker_stops
                or d.norm[j] in lex.complementizers
            ):
                break
            if d.newline_between(j, j + 1):
                break
            j -= 1
        first = j + 1
        if first >= i or (
            j >= 0 and d.tokens[j].kind == "word" and d.norm[j] not in lex.complementizers
        ):
            return None
        return first, i - 1

    def suggest(self, text: str) -> Layer:
        d = _Doc(text)
        lex = self.lex
        spans: list[Span] = []
        relations: list[tuple[int, int]] = []
        taken: set[tuple[int, int, str]] = set()
        last_speaker: int | None = None

        def add(span: Span) -> int:
            key = (span.start, span.end, span.label)
            if key in taken:
                return next(i for i, s in enumerate(spans) if (s.start, s.end, s.label) == key)
            taken.add(key)
            spans.append(span)
            return len(spans) - 1

        for i, norm in enumerate(d.norm):
            if d.tokens[i].kind != "word":
                continue
            if _strip(norm, lex.participles, VERB_CLITICS) is not None:
                clause = self._clause(d, i + 1)
                if clause is not None:
                    cl_index = add(d.span(clause[0], clause[1], "claim", form=clause[2]))
                    if last_speaker is not None:
                        relations.append((cl_index, last_speaker))
                continue
            verb = _strip(norm, lex.verbs, VERB_CLITICS)
            if verb is not None and i > 0 and d.norm[i - 1] in lex.relative_words:
                verb = None  # "ما يؤكد": a relative clause, not a report
            if verb is not None:
                speaker = self._speaker(d, i + 1)
                nxt = (speaker[1] if speaker else i) + 1
                if verb[0] in lex.about_verbs and nxt < len(d.tokens) and d.norm[nxt] == "عن":
                    end = self._claim_end(d, nxt + 1)
                    clause = (nxt + 1, end, "paraphrase") if end > nxt else None
                else:
                    clause = self._clause(d, nxt)
                if speaker is None and clause is not None:
                    speaker = self._subject_before(d, i)
                sp_index = None if speaker is not None else last_speaker  # "وأضاف أن": the same one
                if speaker is not None and (
                    clause is not None
                    or d.tokens[min(speaker[1] + 1, len(d.tokens) - 1)].text in (":", "،", ",")
                ):
                    sp_index = add(d.span(*speaker, "speaker", kind=self._kind(d, speaker[0])))
                    last_speaker = sp_index
                if clause is not None:
                    cl_index = add(d.span(clause[0], clause[1], "claim", form=clause[2]))
                    if sp_index is not None:
                        relations.append((cl_index, sp_index))
                continue
            for phrase in lex.according_to:
                if tuple(d.norm[i : i + len(phrase)]) == phrase:
                    speaker = self._speaker(d, i + len(phrase))
                    # "بحسب بيان رسمي": a statement is an event; "حسب زعمه": the outlet's aside
                    head = d.norm[speaker[0]] if speaker is not None else ""
                    if (
                        speaker is not None
                        and _strip_article(head, lex.events) is None
                        and not head.startswith(lex.editorial_nouns)
                    ):
                        add(d.span(*speaker, "speaker", kind=self._kind(d, speaker[0])))
            event = _strip(norm, lex.events, NOUN_CLITICS)
            bare = _strip_article(norm, lex.events) if event is None else None
            if event is not None or bare is not None:
                word, skip = event if event is not None else (bare or "", 0)
                last = i
                if i + 1 < len(d.tokens) and (
                    d.norm[i + 1] in lex.complements
                    or _strip_article(d.norm[i + 1], dict.fromkeys(lex.complements, "")) is not None
                ):
                    last = i + 1
                add(d.span(i, last, "event", skip, type=lex.events[word]))
                continue
            stance = _strip(norm, lex.stances, VERB_CLITICS)
            if stance is not None:
                word, skip = stance
                last = i
                while (
                    last + 1 < len(d.tokens)
                    and d.norm[last + 1] in lex.intensifiers
                    and last - i < 2
                ):
                    last += 1
                add(d.span(i, last, "stance", skip, polarity=lex.stances[word]))
        ordered = sorted(range(len(spans)), key=lambda k: (spans[k].start, spans[k].end))
        new_index = {old: new for new, old in enumerate(ordered)}
        out = [spans[k].with_(sid=f"s{new_index[k] + 1}") for k in ordered]
        rels = [
            Relation(f"s{new_index[c] + 1}", f"s{new_index[s] + 1}", "attributed_to", f"r{n}")
            for n, (c, s) in enumerate(sorted(set(relations)), 1)
        ]
        return Layer("suggestions", "todo", out, rels)


def suggest(text: str) -> Layer:
    """Suggestions for one document's stored text, as a layer named 'suggestions'."""
    return Suggester().suggest(text)
