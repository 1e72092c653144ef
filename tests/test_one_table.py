"""One stemmer module, one stop-word list, one quote table (issue 21): the English word tables live in
``lang/en/`` (``words``, ``news``), the quote marks in ``text/quotes.py``, the stemmers in
``text/stems.py``, and the stages read them from there instead of keeping copies."""
from __future__ import annotations

import re
from pathlib import Path

from timeline.lang.en import news, words
from timeline.merge import figures, kinds, profile
from timeline.text import attribution, quotes
from timeline.verify import support

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"


def sources_outside(*allowed: str) -> dict[str, str]:
    return {str(p.relative_to(PACKAGE)): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")
            if str(p.relative_to(PACKAGE)) not in allowed}


def test_the_stages_read_the_one_stop_word_list() -> None:
    assert support.STOPWORDS is words.STOPWORDS
    assert words.MERGE_STOPWORDS - words.TIME_WORDS - {"against"} <= words.STOPWORDS
    assert words.MERGE_STOPWORDS <= profile._STOPWORDS
    assert (attribution.SPEECH_VERBS, attribution.SOURCE_NOUNS) == (news.SPEECH_VERBS, news.SOURCE_NOUNS)
    assert (kinds.KINDS, figures.LABELS) == (news.KIND_TRIGGERS, news.FIGURE_LABELS)


def test_one_quote_table_and_one_stemmer_module() -> None:
    assert all(mark.translate(quotes.QUOTES) == plain for mark, plain in quotes.QUOTE_MARKS.items())
    made = {name for name, text in sources_outside("text/quotes.py").items()
            if re.search(r"maketrans\([^)]*[“”‘’«»]", text)}
    assert made == set()
    stemmers = {name for name, text in sources_outside("text/stems.py").items() if "snowballstemmer" in text
                and re.search(r"^\s*(?:import|from) snowballstemmer", text, re.M)}
    assert stemmers == set()


def test_no_stop_word_list_is_spelled_out_outside_lang() -> None:
    spelled = {name for name, text in sources_outside().items() if not name.startswith("lang/")
               and re.search(r"STOPWORDS = frozenset\(\s*[\[\"(]", text)}
    assert spelled == set()
