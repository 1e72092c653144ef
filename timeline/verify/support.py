"""Is a claim supported by the text it cites? Pure word-level checks, no I/O.

What "found in the evidence" means, for every check in ``verify`` and ``summary``:

* **numbers** are compared as values: "40,000" = "40000", "Ten" = "10", "27th" = "27",
  "1.5 million" = "1500000"; every number a claim states must be a number of its evidence;
* **names** (capitalised word runs that are not sentence openers, weekdays, months or
  numerals) must be mentioned: every word of the name in the evidence, or its head word
  (the last one: "Assad", "bridge") in the evidence while the whole name is elsewhere in the
  article (coreference: "the bridge" for "the Kessel River Bridge");
* **content words** are compared by Snowball stem plus a small table of irregular forms
  and news paraphrases ("killed" = "lost their lives"), after dropping stop words;
* **negation** must agree: a "not" or "denied" on one side needs one on the other.

Stemming uses ``snowballstemmer`` (BSD), which runs PyStemmer's C build of the same
algorithm when it is installed (a dependency: 12 us a word instead of ~100; the summary check
of a 5,000-event chronology went from 8.4 s to 2.6 s on the shared test machine). Measured
against simplemma, a real lemmatiser: simplemma took 3.9 s to import and load its English
dictionary in every process, for a few irregular verbs the table below covers.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal, localcontext
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]
from timeline.lang.en import dates as calendar

_STEMMER = snowballstemmer.stemmer("english")

WEEKDAYS = calendar.WEEKDAY_WORDS
MONTHS = calendar.MONTH_WORDS
# Words that open a sentence with a capital without being names (and titles that precede one).
OPENERS = frozenset(
    """the a an on in at this these that those while since during although meanwhile other around after before
    early late last next it its he she they we i there here his her their our as but and or if when where
    what who how why then also yet still however according some many several most all each both one two three
    four five six seven eight nine ten more less few no not today yesterday tomorrow tonight
    mr mrs ms dr""".split()
)
TITLES = frozenset(
    """president prime minister mayor general gen governor senator foreign interior defence defense transport
    secretary chief spokesman spokeswoman spokesperson police commissioner king queen prince sheikh judge
    director chairman ceo officer official leader deputy ambassador envoy""".split()
)
STOPWORDS = frozenset(
    """a an the and or but nor of to in on at by for from with without into onto over under about above below
    between among through during before after since until as than then so that this these those it its is
    are was were be been being has have had do does did will would shall should can could may might must
    who whom whose which what when where why how he she they them his her their we our you your i me my
    there here also just only very more most much many some any all each both either neither such own same
    other another up down out off again further once while if because though although whether not no nor
    s t said says say saying told according reported reports report stated states added noted
    article group latest new later earlier further still yet even ever about around near nearly some""".split()
)
_NEGATIONS = frozenset("not no never none nobody nothing neither nor without deny denies denied denying "
                       "reject rejects rejected n't".split())

# Irregular forms and paraphrases a careful writer uses for the same fact; both sides map
# to one key. Kept small and general (news reporting verbs and casualty words).
_SAME = {
    "die": "kill", "dead": "kill", "death": "kill", "died": "kill", "fatal": "kill", "life": "kill", "live": "kill",
    "rose": "rise", "risen": "rise", "held": "hold", "fell": "fall", "fallen": "fall", "began": "begin",
    "begun": "begin", "took": "take", "taken": "take", "gave": "give", "given": "give", "met": "meet",
    "left": "leave", "led": "lead", "won": "win", "lost": "lose", "sought": "seek", "struck": "strike",
    "hit": "strike", "shot": "shoot", "fled": "flee", "sent": "send", "made": "make", "brought": "bring",
    "bought": "buy", "sold": "sell", "went": "go", "gone": "go", "came": "come", "saw": "see", "seen": "see",
    "wounded": "injur", "wound": "injur", "hurt": "injur", "injuri": "injur",
    "warplan": "aircraft", "jet": "aircraft", "plane": "aircraft", "airstrik": "strike", "attack": "strike",
    "rebel": "insurg", "insurg": "insurg", "retook": "recaptur", "retaken": "recaptur", "retak": "recaptur",
    "vow": "pledg", "pledg": "pledg", "promis": "pledg", "nationwid": "countri", "nation": "countri",
    "children": "child", "peopl": "person", "men": "man", "women": "woman",
}
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?|[A-Za-z][A-Za-z']*")  # hyphenated words count as their parts
_NAME = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:\s+(?:al-|bin\s|de\s|of\s|the\s|von\s|van\s)?[A-Z][\w'-]*)*")


_CALENDAR_WORDS = WEEKDAYS | MONTHS  # built once: the loops below used to build the union per word
_NON_NAME_WORDS = WEEKDAYS | MONTHS | STOPWORDS
_OPENERS_BUT_POLICE = OPENERS - {"police"}


def _prepare(text: str) -> str:
    return text.translate(_QUOTES)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The comparison key of a word: lower case, possessive and hyphen prefix dropped, stemmed,
    then mapped through the table of irregular forms and paraphrases."""
    w = word.lower().strip("'-")
    w = w.removesuffix("'s")
    if w.startswith("al-") and len(w) > 3:
        w = w[3:]
    if w in _SAME:
        return _SAME[w]
    s = _STEMMER.stemWord(w)
    return _SAME.get(s, s)


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in _TOKEN.finditer(_prepare(text)))


def numbers(text: str) -> set[str]:
    """Every number ``text`` states, as a normalised value ("40000", "10", "1.5")."""
    found: set[str] = set()
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        tok = tokens[i].lower()
        value: float | None = None
        digits = ""
        if tok[0].isdigit():
            digits = re.sub(r"(st|nd|rd|th)$", "", tok).replace(",", "")
            try:
                value = float(digits)
            except ValueError:
                value = None
        elif tok in _NUMBER_WORDS:
            value = float(_NUMBER_WORDS[tok])
            if i + 1 < len(tokens) and tokens[i + 1].lower() in _NUMBER_WORDS and value >= 20 and value % 10 == 0:
                nxt = _NUMBER_WORDS[tokens[i + 1].lower()]
                if nxt < 10:
                    value += nxt
                    i += 1
        elif "-" in tok and all(p in _NUMBER_WORDS for p in tok.split("-")):
            value = float(sum(_NUMBER_WORDS[p] for p in tok.split("-")))
        if value is not None:
            scale = 1
            if i + 1 < len(tokens) and tokens[i + 1].lower() in _SCALE:
                scale = _SCALE[tokens[i + 1].lower()]
                value *= scale
                i += 1
            found.add(_shown(value, digits, scale))
        i += 1
    return found


def _shown(value: float, digits: str, scale: int) -> str:
    """``value`` normalised ("40000", "1.5"); a number too big for a float (a run of 400
    digits) is written out exactly from its ``digits`` instead of overflowing to infinity."""
    if math.isfinite(value):
        return f"{value:g}" if value != int(value) else str(int(value))
    with localcontext() as context:
        context.prec = len(digits) + 12
        exact = format(Decimal(digits) * scale, "f")
    return exact.rstrip("0").rstrip(".") if "." in exact else exact


def _is_number_word(word: str) -> bool:
    w = word.lower()
    return w[0].isdigit() or w in _NUMBER_WORDS or w in _SCALE or all(p in _NUMBER_WORDS for p in w.split("-"))


def names(text: str) -> list[str]:
    """Names in ``text``: capitalised runs, without a lone sentence opener ("The", "On"), a
    weekday, a month, a numeral or a title word in front ("President", "Mayor")."""
    found: list[str] = []
    prepared = _prepare(text)
    for match in _NAME.finditer(prepared):
        words = match.group(0).split()
        at_start = _sentence_start(prepared, match.start())
        while words and (words[0].lower() in OPENERS or words[0].lower() in _CALENDAR_WORDS
                         or _is_number_word(words[0])):
            words = words[1:]
            at_start = False
        words = [w for w in words if w.lower() not in _CALENDAR_WORDS]
        while words and words[-1].lower() in {"of", "the", "de", "bin", "von", "van", "al-"}:
            words = words[:-1]
        if not words:
            continue
        if at_start and len(words) == 1:
            continue  # one capitalised word opening a sentence: "Rescue divers searched"
        core = [w for w in words if w.lower() not in TITLES]
        if core:
            found.append(" ".join(words))
    return list(dict.fromkeys(found))


def _sentence_start(text: str, at: int) -> bool:
    """Whether ``at`` opens a sentence: only spaces, quotes and brackets back to a sentence
    end or the start (``text[:at].rstrip(" \"'(")`` without copying the text before)."""
    i = at
    while i > 0 and text[i - 1] in " \"'(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;\n"


def is_name(entry: str, evidence: str) -> bool:
    """Can ``entry`` (a who/where item) stand as a name or named group? Lower-case groups
    ("residents", "police") can; a lone capitalised word only when the evidence uses it as a
    name, not just to open a sentence ("Divers recovered..."); never a weekday, month,
    numeral or opener."""
    if clean_names([entry]) != [" ".join(entry.split())]:
        return False
    words = entry.split()
    if len(words) == 1 and words[0][:1].isupper():
        text = _prepare(evidence)
        return words[0].isupper() or any(
            not _sentence_start(text, m.start()) for m in re.finditer(rf"(?<![\w'-]){re.escape(words[0])}(?![\w-])", text))
    return True


def clean_names(items: list[str]) -> list[str]:
    """``who``/``where`` entries that can be names or named groups: no weekday, month, numeral,
    lone sentence opener or empty string ("Sunday", "The", "25", "On Friday" are dropped)."""
    out = [cleaned for cleaned in map(_clean_name, items) if cleaned is not None]
    return list(dict.fromkeys(out))


# Cached: the same names recur across a story's sentences (clean_names was about 5% of an
# offline briefing, mostly on repeats).
@lru_cache(maxsize=1 << 14)
def _clean_name(item: str) -> str | None:
    """One ``clean_names`` entry: the name it stands for, or None when it is none."""
    words = " ".join(item.split()).strip(" ,.;:\"'").split()
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    while words and (words[0].lower() in _OPENERS_BUT_POLICE or words[0].lower() in _CALENDAR_WORDS
                     or _is_number_word(words[0])):
        words = words[1:]
    if not words or all(w.lower() in _NON_NAME_WORDS or _is_number_word(w) for w in words):
        return None
    if not any(ch.isalpha() for ch in "".join(words)):
        return None
    return " ".join(words)


_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@lru_cache(maxsize=1024)  # keys are sentences, paragraphs and whole articles: their events come together
def stems(text: str) -> frozenset[str]:
    """Comparison keys of every word of ``text`` (stop words included: lookups need them)."""
    return frozenset(stem(t) for t in _tokens(text) if not t[0].isdigit())


def content_words(text: str, skip: set[str] | None = None) -> list[str]:
    """Words that carry the claim: not stop words, numbers, weekdays or months."""
    out = []
    for tok in _tokens(text):
        low = tok.lower()
        if tok[0].isdigit() or low in STOPWORDS or low in WEEKDAYS or low in MONTHS or _is_number_word(tok):
            continue
        if skip and stem(tok) in skip:
            continue
        if len(low) < 3 and low not in _NEGATIONS:
            continue
        out.append(tok)
    return out


def _significant(phrase: str) -> list[str]:
    """The words of a name or source that identify it ("the Port Aldren fire department" ->
    port, aldren, fire, department); titles are kept, articles and "according to" are not."""
    words = [t for t in _tokens(phrase) if not t[0].isdigit()]
    return [w for w in words if w.lower() not in STOPWORDS and w.lower() not in {"according"}]


def phrase_keys(phrase: str) -> frozenset[str]:
    """The comparison keys of a name's identifying words."""
    return frozenset(stem(w) for w in _significant(phrase))


def mentioned(phrase: str, local: str, article: str = "") -> bool:
    """True when ``local`` (the evidence sentence, or its paragraph) mentions ``phrase``: all its
    words, or its head word when the whole phrase is in ``article`` (coreference)."""
    words = _significant(phrase)
    if not words:
        return True
    have = stems(local)
    keys = [stem(w) for w in words]
    if all(k in have for k in keys):
        return True
    core = [k for w, k in zip(words, keys) if w.lower() not in TITLES] or keys
    if core[-1] not in have:
        return False
    return bool(article) and all(k in stems(article) for k in keys)


def negated(text: str) -> bool:
    low = _prepare(text).lower()
    return any(t.lower() in _NEGATIONS for t in _tokens(low)) or "n't" in low


def unsupported_words(claim: str, evidence: str, skip: set[str] | None = None) -> list[str]:
    """Content words of ``claim`` whose stem is not in ``evidence``."""
    have = stems(evidence)
    return [w for w in content_words(claim, skip) if stem(w) not in have]


def missing_numbers(claim: str, evidence: str) -> list[str]:
    return sorted(numbers(claim) - numbers(evidence))


def allowed_unsupported(n_words: int) -> int:
    """How many content words of a claim may be the writer's own (a paraphrase: "killed" for
    "lost their lives"): none in a short claim, one in six beyond that."""
    return n_words // 6


def background_modifiers(claim: str, evidence: str, article: str) -> set[str]:
    """Stems of claim words that are not in ``evidence`` but modify a noun that is, and that the
    article itself uses: "the Syrian civil war began" for "since the war began" in an article
    about Syria's civil war. The reader's background, not a new claim."""
    have, known = stems(evidence), stems(article)
    words = [t for t in _tokens(claim) if not t[0].isdigit()]
    keys = [stem(w) for w in words]
    accepted: set[str] = set()
    for i, key in enumerate(keys):
        if key in have or key not in known or words[i].lower() in STOPWORDS:
            continue
        for j in range(i + 1, min(i + 4, len(keys))):
            if words[j].lower() in STOPWORDS or keys[j] not in known:
                break
            if keys[j] in have:
                accepted.add(key)
                break
    return accepted
