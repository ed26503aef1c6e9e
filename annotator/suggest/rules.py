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

import functools
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from annotator.config import resource_path
from annotator.model.document import Layer, Relation, Span
from annotator.model.layers import SUGGESTIONS_LAYER
from annotator.text.normalize import normalize_query
from annotator.text.tokens import split_tokens, token_kind

VERB_CLITICS = ("و", "ف")
NOUN_CLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل")
QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'"}
SENTENCE_END = {".", "!", "؟", "?", "\n"}
SHORT_SCAN = 64  # tokens read one by one looking for a sentence's end before indexing them all
MAX_CLAIM_TOKENS = 200  # a "sentence" longer than this has lost its punctuation: no claim in it


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


@dataclass(frozen=True, slots=True)
class _Word:
    """What the rules know about one normalised word."""

    participle: bool  # موضحا، مشيرا: introduces a clause of the last speaker
    verb: tuple[str, int] | None  # a reporting verb: dictionary form, clitic length
    phrases: tuple[tuple[str, ...], ...]  # "according to" phrases that start with it
    event: tuple[str, int] | None  # an event word: dictionary form, clitic length
    stance: tuple[str, int] | None  # a stance word: dictionary form, clitic length
    complement: bool  # completes an event noun ("اتصالا هاتفيا")

    @property
    def active(self) -> bool:
        """Whether a rule starts at this word."""
        return bool(self.participle or self.verb or self.phrases or self.event or self.stance)


class _Doc:
    """Tokens of one document as parallel lists (no object per token), with normalised forms."""

    def __init__(self, text: str, learn: Callable[[str], tuple[str, str, _Word | None]]) -> None:
        self.text = text
        parts = split_tokens(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.texts: list[str] = parts[1::2]
        self.starts: list[int] = offsets[1:-1:2]
        self.ends: list[int] = offsets[2::2]
        self.n = len(self.texts)
        # a line break in the gap before each token (the gap before the first is leading space)
        self.nl_before = ["\n" in gap for gap in parts[0:-1:2]]
        self.known = list(map(learn, self.texts))
        self.kinds = [k[0] for k in self.known]
        self.norm = [k[1] for k in self.known]
        self._ends: list[int] = []  # filled when a sentence runs long (see sentence_end)

    def newline_between(self, i: int, j: int) -> bool:
        """A line break between token ``i`` and the next one, ``j = i + 1``."""
        return self.nl_before[j]

    def has_word(self, first: int, last: int) -> bool:
        """True when tokens ``first``..``last`` exist and one of them is a word (a clause can
        be cut off by the end of the text: "... موضحا أن")."""
        return 0 <= first <= last < self.n and "word" in self.kinds[first : last + 1]

    def sentence_end(self, start: int) -> int:
        """Index of the last token of the sentence that starts at token ``start``."""
        texts, nl, j = self.texts, self.nl_before, start
        limit = min(self.n, start + SHORT_SCAN)
        while j + 1 < limit and not (texts[j + 1] in SENTENCE_END or nl[j + 1]):
            j += 1
        if j + 1 < limit or limit == self.n:
            return j
        if not self._ends:  # a long sentence: every token's sentence end, once per document
            ends, last = [0] * self.n, self.n - 1
            for k in range(self.n - 1, -1, -1):
                ends[k] = last
                if texts[k] in SENTENCE_END or nl[k]:
                    last = k - 1
            self._ends = ends
        return self._ends[start]

    def span(self, i: int, j: int, label: str, skip: int = 0, **attrs: str) -> Span:
        start, end = self.starts[i] + skip, self.ends[j]
        return Span(start, end, label, self.text[start:end], dict(attrs))


class Suggester:
    """Applies the rules to one document's text."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        # per distinct word, cached: articles repeat most of their words
        self._learn = functools.lru_cache(maxsize=1 << 16)(self._token)
        self._words: dict[str, _Word] = {}

    def _token(self, text: str) -> tuple[str, str, _Word | None]:
        """A token's kind, normalised form, and what the rules see in it (None: nothing)."""
        kind, norm = token_kind(text), normalize_query(text)
        word = self._word(norm) if kind == "word" else None
        return kind, norm, word if word is not None and word.active else None

    def _speaker(self, d: _Doc, i: int) -> tuple[int, int] | None:
        """The subject phrase starting at token ``i``: (first, last) token, or None."""
        lex, j, last = self.lex, i, -1
        while j < d.n and j - i < lex.max_speaker_words:
            tok, norm = d.texts[j], d.norm[j]
            if last >= i and tok in QUOTES:  # وكالة "رويترز": a short quoted name
                k = next((k for k in range(j + 1, min(j + 5, d.n))
                          if d.texts[k] == QUOTES[tok]), None)  # fmt: skip
                if k is not None and k > j + 1:
                    last = j = k
                    j += 1
                    continue
                break
            if d.kinds[j] != "word" or norm in lex.speaker_stops or norm in lex.complementizers:
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
        while j < d.n and j - i <= 8:
            tok, norm = d.texts[j], d.norm[j]
            if tok in SENTENCE_END or (j > i and d.newline_between(j - 1, j)):
                return None
            if tok in QUOTES:
                if j > i and d.texts[j - 1] not in (":", "،", ","):
                    return None
                closer = QUOTES[tok]
                k = j + 1
                while k < d.n and d.texts[k] != closer and not d.newline_between(k - 1, k):
                    k += 1
                words = d.kinds[j + 1 : k].count("word")
                if k < d.n and d.texts[k] == closer and words >= 3:
                    return j + 1, k - 1, "direct_quote"
                return None
            if norm in lex.complementizers:
                start = j + 1
                if start < d.n and d.texts[start] in QUOTES:
                    quoted = self._clause(d, start)
                    if quoted:
                        return quoted
                end = self._claim_end(d, start)
                return (start, end, "indirect") if d.has_word(start, end) else None
            if d.kinds[j] == "other" and tok not in (":", "،", ","):
                return None
            if norm not in lex.connectors and d.kinds[j] == "word" and j > i + 4:
                return None
            j += 1
        return None

    def _reports(self, norm: str) -> bool:
        word = self._word(norm)
        return word.verb is not None or word.participle

    def _claim_end(self, d: _Doc, start: int) -> int:
        """The last token of a reported clause: the sentence end, or before ", <reporting verb>";
        ``start - 1`` when the text ends before the clause begins."""
        if start >= d.n:
            return start - 1
        end = d.sentence_end(start)
        if end - start > MAX_CLAIM_TOKENS:  # text without punctuation: no clause can be told
            return start - 1
        for k in range(start + 1, end + 1):
            if d.texts[k] == "(":  # "(حسب زعمه)": the outlet's aside is not part of the claim
                end = k - 1
                break
            if d.texts[k - 1] in ("،", ",") and self._reports(d.norm[k]):
                end = k - 1
                break
        while end > start and d.kinds[end] == "other" and not self._closes_quote(d, start, end):
            end -= 1
        return end

    @staticmethod
    def _closes_quote(d: _Doc, start: int, end: int) -> bool:
        """True when token ``end`` closes a quotation opened inside the clause (keep it)."""
        tok = d.texts[end]
        inside = d.texts[start:end]
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
                d.kinds[j] != "word"
                or d.norm[j] in lex.speaker_stops
                or d.norm[j] in lex.complementizers
            ):
                break
            if d.newline_between(j, j + 1):
                break
            j -= 1
        first = j + 1
        if first >= i or (j >= 0 and d.kinds[j] == "word" and d.norm[j] not in lex.complementizers):
            return None
        return first, i - 1

    def _word(self, norm: str) -> _Word:
        """What the rules see in one normalised word (computed once per distinct word)."""
        found = self._words.get(norm)
        if found is None:
            lex = self.lex
            event = _strip(norm, lex.events, NOUN_CLITICS)
            if event is None:
                bare = _strip_article(norm, lex.events)
                event = (bare, 0) if bare is not None else None
            found = _Word(
                participle=_strip(norm, lex.participles, VERB_CLITICS) is not None,
                verb=_strip(norm, lex.verbs, VERB_CLITICS),
                phrases=tuple(p for p in lex.according_to if p[0] == norm),
                event=event,
                stance=_strip(norm, lex.stances, VERB_CLITICS),
                complement=norm in lex.complements
                or _strip_article(norm, dict.fromkeys(lex.complements, "")) is not None,
            )
            self._words[norm] = found
        return found

    def suggest(self, text: str) -> Layer:
        d = _Doc(text, self._learn)
        lex = self.lex
        found: list[tuple[int, int, str, dict[str, str]]] = []
        index: dict[tuple[int, int, str], int] = {}
        relations: list[tuple[int, int]] = []
        last_speaker: int | None = None

        def add(i: int, j: int, label: str, skip: int = 0, **attrs: str) -> int:
            key = (d.starts[i] + skip, d.ends[j], label)
            known = index.get(key)
            if known is None:
                known = index[key] = len(found)
                found.append((*key, attrs))
            return known

        norms = d.norm
        for i, (_kind, _norm, word) in enumerate(d.known):
            if word is None:
                continue
            if word.participle:
                clause = self._clause(d, i + 1)
                if clause is not None:
                    cl_index = add(clause[0], clause[1], "claim", form=clause[2])
                    if last_speaker is not None:
                        relations.append((cl_index, last_speaker))
                continue
            verb = word.verb
            if verb is not None and i > 0 and norms[i - 1] in lex.relative_words:
                verb = None  # "ما يؤكد": a relative clause, not a report
            if verb is not None:
                speaker = self._speaker(d, i + 1)
                nxt = (speaker[1] if speaker else i) + 1
                if verb[0] in lex.about_verbs and nxt < d.n and norms[nxt] == "عن":
                    end = self._claim_end(d, nxt + 1)
                    clause = (nxt + 1, end, "paraphrase") if d.has_word(nxt + 1, end) else None
                else:
                    clause = self._clause(d, nxt)
                if speaker is None and clause is not None:
                    speaker = self._subject_before(d, i)
                sp_index = None if speaker is not None else last_speaker  # "وأضاف أن": the same one
                if speaker is not None and (
                    clause is not None or d.texts[min(speaker[1] + 1, d.n - 1)] in (":", "،", ",")
                ):
                    sp_index = add(*speaker, "speaker", kind=self._kind(d, speaker[0]))
                    last_speaker = sp_index
                if clause is not None:
                    cl_index = add(clause[0], clause[1], "claim", form=clause[2])
                    if sp_index is not None:
                        relations.append((cl_index, sp_index))
                continue
            for phrase in word.phrases:
                if tuple(norms[i : i + len(phrase)]) == phrase:
                    speaker = self._speaker(d, i + len(phrase))
                    # "بحسب بيان رسمي": a statement is an event; "حسب زعمه": the outlet's aside
                    head = norms[speaker[0]] if speaker is not None else ""
                    if (
                        speaker is not None
                        and _strip_article(head, lex.events) is None
                        and not head.startswith(lex.editorial_nouns)
                    ):
                        add(*speaker, "speaker", kind=self._kind(d, speaker[0]))
            if word.event is not None:
                base, skip = word.event
                last = i + 1 if i + 1 < d.n and self._word(norms[i + 1]).complement else i
                add(i, last, "event", skip, type=lex.events[base])
                continue
            if word.stance is not None:
                base, skip = word.stance
                last = i
                while last + 1 < d.n and norms[last + 1] in lex.intensifiers and last - i < 2:
                    last += 1
                add(i, last, "stance", skip, polarity=lex.stances[base])
        ordered = sorted(range(len(found)), key=lambda k: (found[k][0], found[k][1]))
        new_index = {old: new for new, old in enumerate(ordered)}
        out = [
            Span(start, end, label, text[start:end], attrs, f"s{n}")
            for n, (start, end, label, attrs) in enumerate((found[k] for k in ordered), 1)
        ]
        rels = [
            Relation(f"s{new_index[c] + 1}", f"s{new_index[s] + 1}", "attributed_to", f"r{n}")
            for n, (c, s) in enumerate(sorted(set(relations)), 1)
        ]
        return Layer(SUGGESTIONS_LAYER, "todo", out, rels)


def suggest(text: str) -> Layer:
    """Suggestions for one document's stored text, as a layer named 'suggestions'."""
    return Suggester().suggest(text)
