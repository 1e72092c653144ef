"""Issue 13's figures: lies reaching the page, honest events kept, loaded-language flag rate.

    python bench/bench_verify.py

1. The scripted liar and honest models (tests/support/liar_responder.py) through the local test
   server over the seed and the story: lies reaching any output format, honest events
   unchanged (the same figures tests/scenarios/test_liar.py asserts).
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
for extra in (REPO, REPO / "tests" / "support"):  # not tests/ itself: tests/select would shadow the stdlib select
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
    from tests.scenarios import test_liar

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


def dated_figure() -> str:
    """Issue 23: a model that names no time expression against the offline engine, same articles."""
    os.environ.setdefault("OPENAI_API_KEY", "bench-key")
    from tests.engines.test_model_path import dated_ratio

    timeless, offline = dated_ratio()
    return (f"dates from the evidence: a model naming no time expression dates {timeless} events, the offline "
            f"engine {offline} on the same articles (seed, story, fresh): {timeless / offline:.0%} (goal >= 90%)")


def evaluative_false_flags(per_file: int = 150) -> str | None:
    """Issue 23: how often the verifier's loaded-word check would fire on an honest model that
    copies its evidence with a light paraphrase. Measured as: corpus sentences that hold a loaded
    word at all (those a model could repeat; repeating is allowed), and sentences where a word of the
    new EVALUATIVE group appears (which a model keeping the sentence's words may repeat, never add)."""
    from timeline.lang.en.news import EVALUATIVE
    from timeline.summary.loaded import lacking_loaded_words
    from timeline.text.sentences import sentences

    if not CORPUS.is_dir():
        return None
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in EVALUATIVE) + r")\b", re.IGNORECASE)
    total = with_word = flagged_verbatim = 0
    for path in sorted(CORPUS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in itertools.islice(handle, per_file):
                text = json.loads(line)["text"]
                for start, end in sentences(text):
                    sentence = text[start:end]
                    total += 1
                    with_word += bool(pattern.search(sentence))
                    flagged_verbatim += bool(lacking_loaded_words(sentence, sentence))
    return (f"evaluative words: {len(EVALUATIVE)} added; {with_word} of {total} corpus sentences "
            f"({with_word / max(1, total):.2%}) hold one; an event or summary sentence using its evidence's "
            f"own words is flagged {flagged_verbatim} times (false flags by the evidence check)")


if __name__ == "__main__":
    print(liar_figures())
    print(dated_figure())
    flags = evaluative_false_flags()
    if flags:
        print(flags)
    rate = loaded_rate()
    if rate:
        print(f"loaded language on {rate['articles']} articles, {rate['sentences']} sentences: "
              f"{rate['baseline_words']}-word list flags {rate['baseline_flagged']}, "
              f"{rate['words']}-word list flags {rate['flagged']}")
