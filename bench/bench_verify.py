"""Issue 13's figures: lies reaching the page, honest events kept, loaded-language flag rate.

    python bench/bench_verify.py

1. The scripted liar and honest models (tests/support/liar_responder.py) through the local test
   server over the seed and the story: lies reaching any output format, honest events
   unchanged (the same figures tests/test_liar.py asserts).
2. Sentences the loaded-language check flags in the writer's voice, on the first 150
   articles of each ``../shared/corpus`` file, with the 31-word list this round started from
   as the baseline measured in the same run (skipped when the corpus is absent).
"""
from __future__ import annotations

import itertools
import json
import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for extra in (REPO, REPO / "tests", REPO / "tests" / "support"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

CORPUS = REPO.parent / "shared" / "corpus"
BASELINE_WORDS = (
    "terrorist terrorists terror regime brutal brutally barbaric savage thugs massacre butcher butchered evil heroic "
    "heroes martyr martyrs atrocity atrocities slaughter slaughtered genocidal cowardly extremists militants fanatics "
    "propaganda puppet so-called infamous"
).split() + ["illegal occupation"]


def liar_figures() -> str:
    os.environ.setdefault("OPENAI_API_KEY", "bench-key")
    os.environ.setdefault("TIMELINE_CACHE_DIR", tempfile.mkdtemp(prefix="timeline-bench-"))
    import test_liar

    return test_liar.figures()


def loaded_rate(per_file: int = 150) -> dict[str, float | int] | None:
    from timeline.lang.en.news import LOADED_WORDS
    from timeline.summary import loaded as summary
    from timeline.text.attribution import find_attribution
    from timeline.text.sentences import sentences

    if not CORPUS.is_dir():
        print(f"(no corpus at {CORPUS}: loaded-language rate skipped)")
        return None
    baseline = re.compile(r"\b(" + "|".join(re.escape(w) for w in BASELINE_WORDS) + r")\b", re.IGNORECASE)
    total = old = new = articles = 0
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in itertools.islice(handle, per_file):
                text = json.loads(line)["text"]
                articles += 1
                for start, end in sentences(text):
                    sentence = text[start:end]
                    total += 1
                    new += bool(summary.loaded_words(sentence))
                    if find_attribution(sentence) is None and baseline.search(summary._QUOTED.sub(" ", sentence)):
                        old += 1
    return {"articles": articles, "sentences": total, "baseline_words": len(BASELINE_WORDS),
            "baseline_flagged": old, "words": len(LOADED_WORDS), "flagged": new}


if __name__ == "__main__":
    print(liar_figures())
    rate = loaded_rate()
    if rate:
        print(f"loaded language on {rate['articles']} articles, {rate['sentences']} sentences: "
              f"{rate['baseline_words']}-word list flags {rate['baseline_flagged']}, "
              f"{rate['words']}-word list flags {rate['flagged']}")
