"""Make the README's screenshots with `annotator gui --screenshot` on an annotated demo project.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
# an Arabic article with a Latin name, a news agency's Latin name and numbers inside (the README's
# caption says so): the drawing has to put each tag over the right word on mixed lines
TEXT = (
    "قال الرئيس الصيني Xi Jinping يوم الثلاثاء إن المحادثات مع الوفد الأمريكي كانت مثمرة، وأكدت "
    "وزارة الخارجية في بيان صدر عام 2024 أن الزيارة ستتم الشهر المقبل.\n"
    "وأضاف المتحدث باسم الوزارة أن بكين تدعم الاتفاق التجاري، بينما رفضت المعارضة الخطة "
    "ووصفتها بأنها غير واقعية.\n"
    "ونقلت وكالة Reuters عن مصدر مطلع أن 12 شركة ستشارك في المرحلة الأولى من الاتفاق."
)


def span(sid: str, words: str, label: str, **attrs: str) -> dict[str, object]:
    i = TEXT.index(words)
    return {
        "id": sid,
        "start": i,
        "end": i + len(words),
        "label": label,
        "text": words,
        "attributes": attrs,
    }


def main() -> None:
    spans = [
        span("s1", "الرئيس الصيني Xi Jinping", "speaker", kind="person"),
        span("s2", "المحادثات مع الوفد الأمريكي كانت مثمرة", "claim", form="indirect"),
        span("s3", "وزارة الخارجية", "speaker", kind="organization"),
        span("s4", "بيان صدر عام 2024", "event", type="statement"),
        span("s5", "أن الزيارة ستتم الشهر المقبل", "claim", form="indirect"),
        span("s6", "المتحدث باسم الوزارة", "speaker", kind="person"),
        span("s7", "تدعم", "stance", polarity="support"),
        span("s8", "الاتفاق التجاري", "event", type="agreement"),
        span("s9", "رفضت", "stance", polarity="oppose"),
        span("s10", "المعارضة", "speaker", kind="organization"),
        span("s11", "وكالة Reuters", "speaker", kind="media"),
        span("s12", "مصدر مطلع", "speaker", kind="unnamed"),
        span("s13", "12 شركة ستشارك في المرحلة الأولى", "claim", form="indirect"),
    ]
    rels = [{"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"},
            {"id": "r2", "head": "s5", "child": "s3", "label": "attributed_to"},
            {"id": "r3", "head": "s4", "child": "s3", "label": "participant"},
            {"id": "r4", "head": "s7", "child": "s6", "label": "holder"},
            {"id": "r5", "head": "s7", "child": "s8", "label": "target"},
            {"id": "r6", "head": "s9", "child": "s10", "label": "holder"},
            {"id": "r7", "head": "s13", "child": "s12", "label": "attributed_to"},
            {"id": "r8", "head": "s9", "child": "s5", "label": "target"}]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        src = t / "demo.jsonl"
        src.write_text(json.dumps({"id": "talks", "text": TEXT, "annotator": "layla", "status": "in_progress",
                                   "spans": spans, "relations": rels}, ensure_ascii=False), "utf-8")  # fmt: skip
        db = t / "demo.db"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(t / "c"),
            "XDG_DATA_HOME": str(t / "d"),
        }
        cli = [sys.executable, "-c", "from annotator.cli import main; main()"]
        subprocess.run([*cli, "import", str(db), str(src)], check=True, env=env)
        OUT.mkdir(parents=True, exist_ok=True)
        for name, extra in (("annotate.png", ["--lang", "en"]), ("arabic.png", ["--lang", "ar"])):
            subprocess.run([*cli, "gui", str(db), "--annotator", "layla", "--screenshot", str(OUT / name), *extra],
                           check=True, env=env)  # fmt: skip
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
