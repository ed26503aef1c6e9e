"""Suggestion quality on the team's hand-annotated articles: precision and recall per label.

Goals: speaker precision >= 0.85 and recall >= 0.7 (exact spans), claim precision >= 0.7 (overlap).

    python benchmarks/suggestions.py [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.agreement.spans import Counts, exact_matches, overlap_matches
from annotator.model.document import Span
from annotator.suggest.rules import suggest
from benchmarks.suggest_gold import ARTICLES


def gold_spans(article: dict[str, Any]) -> list[Span]:
    text: str = article["text"]
    out = []
    for label in ("speaker", "claim"):
        for phrase, nth in article[label]:
            i = -1
            for _ in range(nth + 1):
                i = text.index(phrase, i + 1)
            out.append(Span(i, i + len(phrase), label, phrase))
    return out


def measure() -> dict[str, Any]:
    result: dict[str, Any] = {}
    for label in ("speaker", "claim"):
        exact, overlap = Counts(), Counts()
        for article in ARTICLES:
            gold = [s for s in gold_spans(article) if s.label == label]
            found = [s for s in suggest(str(article["text"])).spans if s.label == label]
            exact.add(len(exact_matches(gold, found)), len(gold), len(found))
            overlap.add(len(overlap_matches(gold, found)), len(gold), len(found))
        result[label] = {"exact": exact.prf(), "overlap": overlap.prf()}
    sp, cl = result["speaker"]["exact"], result["claim"]["overlap"]
    result["goals"] = {
        "speaker_precision": 0.85,
        "speaker_recall": 0.7,
        "claim_overlap_precision": 0.7,
    }
    result["meets_goals"] = bool(
        (sp["precision"] or 0) >= 0.85
        and (sp["recall"] or 0) >= 0.7
        and (cl["precision"] or 0) >= 0.7
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure()
    print(json.dumps(result, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
