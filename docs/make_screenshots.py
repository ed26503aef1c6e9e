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
TEXT = (ROOT / "resources" / "demo" / "01-call.txt").read_text("utf-8")


def span(sid: str, words: str, label: str, **attrs: str) -> dict[str, object]:
    i = TEXT.index(words)
    return {"id": sid, "start": i, "end": i + len(words), "label": label, "text": words, "attributes": attrs}


def main() -> None:
    spans = [
        span("s1", "وزير الخارجية المصري", "speaker", kind="person"),
        span("s2", "اتصالاً هاتفياً", "event", type="call"),
        span("s3", "الوزير المصري", "speaker", kind="person"),
        span("s4", "تمر بأفضل مراحلها", "claim", form="direct_quote"),
        span("s5", "بلاده تدعم بقوة كل الجهود الرامية إلى تهدئة الأوضاع في المنطقة", "claim", form="indirect"),
        span("s6", "تدعم بقوة", "stance", polarity="support"),
        span("s7", "الوزير الأردني", "speaker", kind="person"),
        span("s8", "ترحب", "stance", polarity="support"),
    ]
    rels = [{"id": "r1", "head": "s4", "child": "s3", "label": "attributed_to"},
            {"id": "r2", "head": "s5", "child": "s3", "label": "attributed_to"},
            {"id": "r3", "head": "s6", "child": "s3", "label": "holder"},
            {"id": "r4", "head": "s2", "child": "s1", "label": "participant"}]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        src = t / "demo.jsonl"
        src.write_text(json.dumps({"id": "call", "text": TEXT, "annotator": "layla", "status": "in_progress",
                                   "spans": spans, "relations": rels}, ensure_ascii=False), "utf-8")  # fmt: skip
        db = t / "demo.db"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(t / "c"), "XDG_DATA_HOME": str(t / "d")}
        cli = [sys.executable, "-c", "from annotator.cli import main; main()"]
        subprocess.run([*cli, "import", str(db), str(src)], check=True, env=env)
        OUT.mkdir(parents=True, exist_ok=True)
        for name, extra in (("annotate.png", ["--lang", "en"]), ("arabic.png", ["--lang", "ar"])):
            subprocess.run([*cli, "gui", str(db), "--annotator", "layla", "--screenshot", str(OUT / name), *extra],
                           check=True, env=env)  # fmt: skip
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
