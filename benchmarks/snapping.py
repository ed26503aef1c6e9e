"""How often a whole-word selection plus the label key gives the span the guideline asks for.

The gold spans (benchmarks/snap_gold.jsonl) were annotated by hand following ../shared/GUIDELINE.md
on the three shared sample articles, as offsets into the text the importer stores (cleaned). For
each span the annotator is assumed to drag over the whole whitespace words it touches, punctuation
and attached clitics included (the sloppiest selection that still means the span), and press the
label key. Each strategy for the clitics is scored on the same selections:

    python benchmarks/snapping.py [--samples ../shared/samples] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.text.clitics import Lexicon, clitic_length, corpus_counts, counter_of  # noqa: E402
from annotator.text.normalize import is_mark  # noqa: E402
from annotator.text.snap import snap_selection  # noqa: E402

GOLD = ROOT / "benchmarks" / "snap_gold.jsonl"
SAMPLES = ROOT.parent / "shared" / "samples"
GOAL = 0.97


@dataclass(frozen=True)
class GoldSpan:
    doc: str
    label: str
    start: int
    end: int
    text: str


def load_gold(path: Path = GOLD) -> list[GoldSpan]:
    return [GoldSpan(**json.loads(line)) for line in path.read_text("utf-8").splitlines() if line]


def stored_texts(samples: Path, names: set[str]) -> dict[str, str]:
    """Each sample's text as the importer stores it (cleaned, normalised)."""
    from annotator.importers import read_inputs
    from annotator.importers.options import ImportOptions

    texts: dict[str, str] = {}
    for name in sorted(names):
        for record in read_inputs([samples / name], ImportOptions(clean=True)):
            texts[name] = record.text  # type: ignore[union-attr]
    return texts


def _wordish(ch: str) -> bool:
    return ch.isalnum() or is_mark(ch) or ch == "\u0640"


def whole_word_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """The words the span touches, from the first one's start (attached clitics included) to the
    last one's end: what a word-by-word drag selects."""
    while start > 0 and _wordish(text[start - 1]):
        start -= 1
    while end < len(text) and _wordish(text[end]):
        end += 1
    return start, end


Strategy = Callable[[str, int, int], tuple[int, int] | None]


def _with_clitics(decide: Callable[[str, str], int]) -> Strategy:
    """Whole-word snapping, then ``decide(text, first word)`` letters left out at the start."""

    def snap(text: str, a: int, b: int) -> tuple[int, int] | None:
        r = snap_selection(text, a, b, whole_words=False)
        if r is None:
            return None
        s, e = r
        m = re.match(r"[^\W\d_]+", text[s:e])
        return (s + decide(text, m.group()), e) if m else r

    return snap


def _naive(_text: str, word: str) -> int:
    m = re.match("[وف]?[بلك]?", word)
    n = len(m.group()) if m else 0
    return n if len(word) - n >= 2 else 0


def _tashaphyne() -> Callable[[str, str], int] | None:
    """The clitics among the prefix tashaphyne's light stemmer finds (when it is installed:
    it is not a dependency, only measured)."""
    try:
        from tashaphyne.stemming import ArabicLightStemmer  # type: ignore[import-not-found]
    except ImportError:
        return None
    stemmer = ArabicLightStemmer()

    def decide(_text: str, word: str) -> int:
        stemmer.light_stem(word)
        m = re.match("[وف]?[بلك]?", stemmer.get_prefix())
        n = len(m.group()) if m else 0
        return n if len(word) - n >= 2 else 0

    return decide


DEFAULT = "hunspell-ar stems + project's words (default)"


def strategies(texts: list[str]) -> dict[str, Strategy]:
    """Each way of deciding the clitics, all on the same whole-word selections."""
    empty = Lexicon(frozenset())
    corpus = corpus_counts(texts)  # the project's words: here the three articles
    stemmer = _tashaphyne()
    optional = {"tashaphyne light stemmer's prefix": _with_clitics(stemmer)} if stemmer else {}
    return {
        "whole words, clitics kept (before)": lambda t, a, b: snap_selection(t, a, b, whole_words=False),
        "naive: strip [وف]?[بلك]? always": _with_clitics(_naive),
        **optional,
        "project's words only": _with_clitics(lambda t, w: clitic_length(w, counter_of(t, corpus), empty)),
        "hunspell-ar stems only": _with_clitics(lambda t, w: clitic_length(w)),
        "hunspell-ar stems + this document's words": snap_selection,
        DEFAULT: lambda t, a, b: snap_selection(t, a, b, corpus=corpus),
    }  # fmt: skip


def measure(samples: Path = SAMPLES, gold_path: Path = GOLD) -> dict[str, object]:
    gold = load_gold(gold_path)
    texts = stored_texts(samples, {g.doc for g in gold})
    for g in gold:
        assert texts[g.doc][g.start : g.end] == g.text, f"{g.doc}: gold span moved: {g.text}"
    clitic = sum(
        1 for g in gold if whole_word_selection(texts[g.doc], g.start, g.end)[0] != g.start
    )
    result: dict[str, object] = {"spans": len(gold), "documents": len(texts),
                                 "clitic_spans": clitic, "goal": GOAL}  # fmt: skip
    scores: dict[str, float] = {}
    misses: dict[str, list[str]] = {}
    for name, snap in strategies(list(texts.values())).items():
        wrong = []
        for g in gold:
            text = texts[g.doc]
            got = snap(text, *whole_word_selection(text, g.start, g.end))
            if got != (g.start, g.end):
                shown = text[got[0] : got[1]] if got else "∅"
                wrong.append(f"{g.label}: {g.text[:30]} <- {shown[:30]}")
        scores[name] = round(1 - len(wrong) / len(gold), 4)
        misses[name] = wrong
    result["exact_share"] = scores
    result["misses"] = misses
    default = scores[DEFAULT]
    result["meets_goal"] = default >= GOAL
    return result


def splits(samples: Path = SAMPLES) -> list[str]:
    """Every distinct word the default splits, as clitic+rest, in texts the rules were not tuned
    on as spans: the raw samples (cleaned-off parts too), the demo articles and the suggestion
    benchmark's articles. For reading through: a wrong split is a word cut in two."""
    from benchmarks.suggest_gold import ARTICLES

    texts = [p.read_text("utf-8") for p in sorted(samples.glob("*.txt"))]
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "resources" / "demo").glob("*.txt"))]
    texts += [str(a["text"]) for a in ARTICLES]
    corpus = corpus_counts(texts)
    found: set[str] = set()
    words: set[str] = set()
    for text in texts:
        counts = counter_of(text, corpus)
        for word in set(re.findall(r"[^\W\d_]+", text)):
            words.add(word)
            n = clitic_length(word, counts)
            if n:
                found.add(f"{word[:n]}+{word[n:]}")
    return [f"{len(found)} of {len(words)} distinct words split", *sorted(found)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--splits", action="store_true", help="list the words the default splits")
    args = parser.parse_args()
    if args.splits:
        print("\n".join(splits(args.samples)))
        return
    result = measure(args.samples)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    print(f"{result['spans']} gold spans in {result['documents']} articles; "
          f"{result['clitic_spans']} start after an attached clitic")  # fmt: skip
    scores = result["exact_share"]
    assert isinstance(scores, dict)
    for name, share in scores.items():
        print(f"  {share:7.1%}  {name}")
    misses = result["misses"]
    assert isinstance(misses, dict)
    for miss in misses[DEFAULT]:
        print(f"  miss: {miss}")


if __name__ == "__main__":
    main()
