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

from timeline.lang.en import dates as calendar
from timeline.text.quotes import QUOTES_AND_DASHES
from timeline.text.stems import snowball
from timeline.lang.en.words import NEGATIONS, NUMBER_WORDS, OPENERS, SCALE, STOPWORDS, TITLES


WEEKDAYS = calendar.WEEKDAY_WORDS
MONTHS = calendar.MONTH_WORDS
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
_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?|[A-Za-z][A-Za-z']*")  # hyphenated words count as their parts
_NAME = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:\s+(?:al-|bin\s|de\s|of\s|the\s|von\s|van\s)?[A-Z][\w'-]*)*")


_CALENDAR_WORDS = WEEKDAYS | MONTHS  # built once: the loops below used to build the union per word
_NON_NAME_WORDS = WEEKDAYS | MONTHS | STOPWORDS
_OPENERS_BUT_POLICE = OPENERS - {"police"}


def _prepare(text: str) -> str:
    return text.translate(QUOTES_AND_DASHES)


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
    s = snowball(w)
    return _SAME.get(s, s)


@lru_cache(maxsize=256)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(_prepare(text)))  # the whole matches: _TOKEN has no capturing group


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
        elif tok in NUMBER_WORDS:
            value = float(NUMBER_WORDS[tok])
            if i + 1 < len(tokens) and tokens[i + 1].lower() in NUMBER_WORDS and value >= 20 and value % 10 == 0:
                nxt = NUMBER_WORDS[tokens[i + 1].lower()]
                if nxt < 10:
                    value += nxt
                    i += 1
        elif "-" in tok and all(p in NUMBER_WORDS for p in tok.split("-")):
            value = float(sum(NUMBER_WORDS[p] for p in tok.split("-")))
        if value is not None:
            scale = 1
            if i + 1 < len(tokens) and tokens[i + 1].lower() in SCALE:
                scale = SCALE[tokens[i + 1].lower()]
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
    return w[0].isdigit() or w in NUMBER_WORDS or w in SCALE or all(p in NUMBER_WORDS for p in w.split("-"))


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
    return frozenset(map(stem, [t for t in _tokens(text) if not t[0].isdigit()]))


def content_words(text: str, skip: set[str] | None = None) -> list[str]:
    """Words that carry the claim: not stop words, numbers, weekdays or months."""
    out = []
    for tok in _tokens(text):
        low = tok.lower()
        if tok[0].isdigit() or low in STOPWORDS or low in WEEKDAYS or low in MONTHS or _is_number_word(tok):
            continue
        if skip and stem(tok) in skip:
            continue
        if len(low) < 3 and low not in NEGATIONS:
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
    keys, head = _phrase(phrase)
    if not keys:
        return True
    have = stems(local)
    if all(k in have for k in keys):
        return True
    if head not in have:
        return False
    return bool(article) and all(k in stems(article) for k in keys)


# Cached: verify asks about the same names and sources in sentence after sentence (and
# ``_tokens``' small cache is kept for the sentences and paragraphs themselves).
@lru_cache(maxsize=1 << 14)
def _phrase(phrase: str) -> tuple[tuple[str, ...], str]:
    """``mentioned``'s reading of a phrase: the keys of its identifying words, and the key of
    its head word (the last that is not a title), "" when it has no words."""
    words = _significant(phrase)
    keys = [stem(w) for w in words]
    core = [k for w, k in zip(words, keys) if w.lower() not in TITLES] or keys
    return tuple(keys), core[-1] if core else ""


def negated(text: str) -> bool:
    low = _prepare(text).lower()
    return any(t.lower() in NEGATIONS for t in _tokens(low)) or "n't" in low


def unsupported_words(claim: str, evidence: str, skip: set[str] | None = None) -> list[str]:
    """Content words of ``claim`` whose stem is not in ``evidence``."""
    have = stems(evidence)
    return [w for w in content_words(claim, skip) if stem(w) not in have]


def missing_numbers(claim: str, evidence: str) -> list[str]:
    """The numbers ``claim`` states that ``evidence`` does not (the evidence is read only when
    the claim states one: a source's name rarely does, and its paragraph was read for nothing)."""
    stated = numbers(claim)
    return sorted(stated - numbers(evidence)) if stated else []


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


# Verbs whose opposite is a different word, not a "not": a claim reversing one says the
# opposite of its evidence ("denied" -> "admitted", "lifted" -> "imposed"). Per group, the
# words of each side; a claim's word of one side needs that side in its evidence.
POLAR_GROUPS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "assertion": (frozenset("deny denies denied denying denial".split()),
                  frozenset("admit admits admitted admitting confirm confirms confirmed confirming acknowledge "
                            "acknowledges acknowledged conceded concedes".split())),
    "acceptance": (frozenset("reject rejects rejected rejecting refuse refuses refused refusing".split()),
                   frozenset("accept accepts accepted accepting approve approves approved agreed agrees".split())),
    "restriction": (frozenset("lift lifts lifted lifting repeal repealed revoke revoked rescind rescinded "
                              "scrapped".split()),
                    frozenset("impose imposes imposed imposing reimposed".split())),
    "direction": (frozenset("fell fallen falls decreased decreases dropped".split()),
                  frozenset("rose risen rises increased increases".split())),
    "permission": (frozenset("ban bans banned banning prohibit prohibits prohibited forbade forbidden".split()),
                   frozenset("allow allows allowed allowing permit permits permitted authorised authorized "
                             "legalised legalized".split())),
    "verdict": (frozenset("acquit acquits acquitted acquittal".split()),
                frozenset("convict convicts convicted conviction".split())),
}


def _polar_sides(text: str) -> dict[str, set[int]]:
    words = {t.lower() for t in _tokens(_prepare(text).lower())}
    found: dict[str, set[int]] = {}
    for group, sides in POLAR_GROUPS.items():
        for side, members in enumerate(sides):
            if words & members:
                found.setdefault(group, set()).add(side)
    return found


def polarity_problems(claim: str, evidence: str) -> list[str]:
    """Why ``claim`` says the opposite of ``evidence``: a polar verb reversed ("lifted" ->
    "imposed", "denied" -> "admitted"/"confirmed", "rejected" -> "accepted"), or one the
    evidence has that the claim drops ("denied that fuel leaked" -> "said that fuel leaked")."""
    said, have = _polar_sides(claim), _polar_sides(evidence)
    problems = []
    for group, sides in said.items():
        for side in sides - have.get(group, set()):
            words = "/".join(sorted(set(_present(claim, POLAR_GROUPS[group][side]))))
            if 1 - side in have.get(group, set()):
                opposite = "/".join(sorted(set(_present(evidence, POLAR_GROUPS[group][1 - side]))))
                problems.append(f"{group} reversed: {words!r} where the evidence says {opposite!r}")
            else:
                problems.append(f"{words!r} is not in the evidence")
    for group, sides in have.items():
        if 0 in sides and group in ("assertion", "acceptance") and 0 not in said.get(group, set()) \
                and not negated(claim):
            problems.append(f"the evidence's {group} negation is not in the claim")
    return problems


def _present(text: str, members: frozenset[str]) -> list[str]:
    return [t.lower() for t in _tokens(_prepare(text).lower()) if t.lower() in members]
