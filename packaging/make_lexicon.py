"""Build annotator/text/ar_words.txt.gz from Debian's hunspell-ar (Ayaspell) dictionary.

The snapping lexicon is the dictionary's stems (no affix expansion), folded as search folds them
(no diacritics, bare alef, teh marbuta as heh). Its stop-word section lists function words with
their clitics too; those starting with و or ف ("وكان", "فغير") are dropped so the conjunction
comes off, those with ب ل ك are kept ("كانت", "كما", "لكن" are words of their own).

    apt-get install hunspell-ar   # or: apt-get download hunspell-ar && dpkg-deb -x ... .
    python packaging/make_lexicon.py /usr/share/hunspell/ar.dic

Ayaspell is released under GPL 2.0 / LGPL 2.1 / MPL 1.1; the list is shipped under MPL 1.1 as a
separate file (see annotator/text/ar_words.LICENSE).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from annotator.text.normalize import normalize_query

OUT = Path(__file__).resolve().parents[1] / "annotator" / "text" / "ar_words.txt.gz"


def main(dic: Path) -> None:
    section = ""
    stop: set[str] = set()
    words: set[str] = set()
    for line in dic.read_text("utf-8").splitlines():
        if line.startswith("::::"):
            continue
        if line.endswith(".dic"):
            section = line
            continue
        stem = normalize_query(line.split("/")[0].split("\t")[0].strip())
        if len(stem) < 2 or not stem.isalpha():
            continue
        (stop if section == "stopwords.dic" else words).add(stem)
    # function words with a conjunction ("وكان", "فغير") are the conjunction and the word
    words |= {w for w in stop if not (w[0] in "وف" and w[1:] in stop)}
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(sorted(words)) + "\n")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
