"""A synthetic Arabic corpus for benchmarks: documents, three annotators' spans and relations.

Deterministic from a seed; annotators agree on most spans and differ on some, like real teams.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from annotator.model.document import DocumentRecord, Layer, Relation, Span

SENTENCES = (
    "قال وزير الخارجية إن المحادثات مع الجانب الآخر كانت مثمرة وبناءة",
    "وأكدت الحكومة أنها تدعم بقوة الاتفاق الموقع بين البلدين الأسبوع الماضي",
    "وأجرى الرئيس اتصالا هاتفيا مع نظيره تناول العلاقات الثنائية وسبل تعزيزها",
    "من جهتها أعربت المعارضة عن رفضها للقرار معتبرة أنه يضر بمصالح المواطنين",
    "وذكرت وكالة الأنباء الرسمية أن الزيارة ستتم في موعدها المحدد",
    "وأشار المتحدث باسم الوزارة إلى أن الاجتماع المقبل سيعقد في العاصمة",
)
# Background sentences (written for these benchmarks) with nothing for the suggestion rules: news
# articles mix them with reported speech, about three to one (see news_document).
BACKGROUND = (
    "ويبلغ عدد سكان المدينة نحو مليوني نسمة يعمل معظمهم في التجارة والخدمات",
    "وشهدت المنطقة خلال الأعوام الماضية نموا ملحوظا في قطاع البناء والطرق",
    "وتقع العاصمة على ضفاف النهر الذي يعبر البلاد من الشمال إلى الجنوب",
    "وارتفعت أسعار المواد الغذائية في الأسواق المحلية بنسبة عشرة في المئة",
    "ويعود تاريخ العلاقات بين البلدين إلى منتصف القرن الماضي",
    "وتعتمد البلاد على الزراعة والسياحة مصدرين رئيسيين للدخل",
    "وكانت الأمطار الغزيرة قد تسببت في إغلاق عدد من الطرق الرئيسية",
    "ويعمل في المصنع الجديد أكثر من ثلاثة آلاف عامل من أبناء المنطقة",
)
ANNOTATORS = ("layla", "omar", "sara")


def _words(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for w in text.split(" "):
        out.append((pos, pos + len(w)))
        pos += len(w) + 1
    return out


def document(i: int, rng: random.Random, size: int = 2000) -> str:
    parts: list[str] = []
    n = 0
    while n < size:
        s = rng.choice(SENTENCES) + f" رقم {i}-{len(parts)}."
        parts.append(s)
        n += len(s) + 1
    return "\n".join(parts)


def news_document(i: int, rng: random.Random, size: int = 2000) -> str:
    """An article of about ``size`` characters: one reported sentence for three of background,
    in paragraphs, as news runs (about 20 suggestions per 2,000 characters, like real articles)."""
    parts: list[str] = []
    n = 0
    while n < size:
        pool = SENTENCES if rng.random() < 0.25 else BACKGROUND
        s = rng.choice(pool) + f" رقم {i}-{len(parts)}."
        parts.append(s)
        n += len(s) + 1
    return "\n\n".join(" ".join(parts[k : k + 3]) for k in range(0, len(parts), 3))


def layers_for(text: str, rng: random.Random, spans: int = 5, relations: int = 1,
               annotators: tuple[str, ...] = ANNOTATORS) -> list[Layer]:  # fmt: skip
    words = _words(text)
    labels = ("speaker", "claim", "stance", "event")
    base = []
    for k in range(spans):
        w = rng.randrange(0, len(words) - 4)
        length = 1 if k % 4 != 1 else rng.randint(2, 4)
        start, end = words[w][0], words[w + length - 1][1]
        base.append((start, end, labels[k % 4]))
    out = []
    for a in annotators:
        mine = [b for b in base if rng.random() > 0.15]  # each misses some
        spans_ = [
            Span(s, e, lab, text[s:e], {}, f"s{j}")
            for j, (s, e, lab) in enumerate(sorted(set(mine)), 1)
        ]
        rels: list[Relation] = []
        speakers = [x for x in spans_ if x.label == "speaker"]
        claims = [x for x in spans_ if x.label == "claim"]
        for j in range(min(relations, len(speakers), len(claims))):
            rels.append(Relation(claims[j].sid, speakers[j].sid, "attributed_to", f"r{j + 1}"))
        out.append(Layer(a, "done", spans_, rels))
    return out


def corpus(
    n: int,
    seed: int = 1,
    size: int = 2000,
    spans: int = 5,
    annotators: tuple[str, ...] = ANNOTATORS,
) -> Iterator[DocumentRecord]:
    """``n`` documents of about ``size`` characters with ``spans`` spans per annotator."""
    rng = random.Random(seed)
    for i in range(n):
        text = document(i, rng, size)
        yield DocumentRecord(f"doc-{i}", f"وثيقة {i}", text, {"source": "synthetic"}, "benchmark",
                             layers_for(text, rng, spans, 1, annotators))  # fmt: skip
