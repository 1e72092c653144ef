"""Where an article's own first sentence begins when a headline or caption runs into it.

Some releases of news text (Timeline17 among them) were flattened one sentence a line, with the
page's headline and picture captions glued to the first sentence without punctuation: "Fans around
the world marked one year since the singer's death Pop star Michael Jackson's father has filed
...", "Bush Calls Bailout Vital to Economy, Will Meet With McCain and Obama President Bush said
yesterday ...". Said as a key date's sentence, the caption's words become the story's, and an
attribution reads "Obama President Bush".

The evidence is the article's own casing, so no word list of a story is needed:

* a *caption boundary*: a word that ends a clause (not a determiner, preposition, conjunction or
  speech verb, which govern the next word), then a capitalised word the article itself writes in
  lower case elsewhere and never capitalises inside a sentence elsewhere ("Restaurants", "Pop",
  "Organisers"), then a lower-case word. A name fails the test ("the Kennedy School": "kennedy"
  is never written in lower case; "the Federal Reserve" is capitalised mid-sentence again);
* a *Title Case headline* at the text's very start: three or more capitalised common words (again
  by the article's casing) with a headline's small word ("to", or a capitalised "For", "With",
  "Will" ...), the story starting at its last run of names ("... McCain and Obama President Bush
  said": the story starts at "President").

Used by ``boilerplate.clean_span`` on an article's first sentence only (where the flattening
glued things); pure, and cached per article for its casing facts.
"""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.lang.en.dates import CALENDAR_NAMES

# Words that govern the word after them: a capitalised word after one of these is inside the
# clause ("the Parliament", "said Restaurants"), never a new sentence's first word.
_GOVERNS = frozenset(
    "a an the this that these those his her its their our my your of in on at to for by with from into onto over "
    "under about after before during since until via and or but nor than as like said says say told tells "
    "is are was were be been being has have had do does did will would can could may might must shall should "
    "not no every each some any all both either neither such what which who whom whose where when while if".split())
# Words that in lower case go before a noun: "former Cabinet minister", "acting Chief Constable"
# (capitalised, a headline's word may end it: "The Officer Should Eat Last As a sign of ...").
_ATTRIBUTIVE = frozenset("former late then acting deputy interim outgoing incoming fellow retired ex vice shadow new "
                         "own other same next last first".split())
# Words that open a clause and never go on a name: after a Title Case headline ("... Looms Large
# What will be ...", "... Eat Last As a sign of ...") the story may start with one.
_OPENERS = frozenset("As What How Why When While Although Though Despite Amid Since Until Unless Because If "
                     "And But".split())
# A capitalised word (no capital inside: "BlackRock", "iPhone" are names) between a clause's last
# word and a lower-case word: the candidate first word of a glued sentence.
_BOUNDARY = re.compile(r"(?<=[a-z0-9%)\"'”’])\s+([A-Z][a-z]+|A)(?:['’]s)?\s+(?=[a-z0-9])")
# Nouns a capital letter names a kind or a part of ("influenza A virus", "type A", "Plan A",
# "vitamin A", "Group A"): "A" after one of them is a letter, not an article opening a sentence.
_LETTERED = frozenset("influenza flu type types hepatitis vitamin vitamins grade class category group groups section "
                      "exhibit plan level division serie series league formula part item option block wing gate "
                      "terminal zone row list model version size phase stage team pool annex appendix schedule "
                      "tier star platform building ward court floor".split())
_POSSESSIVE = re.compile(r"(?:['’]\s?s|s['’])$")  # a possessive governs the next noun, tokenised or not ("Romania' s")
_LAST_WORD = re.compile(r"([A-Za-z0-9%'’-]+)[)\"'”’]*$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*[a-z]\b")
# a capitalised word inside a sentence: after a lower-case word or a comma and a space
_MID_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b")
_MIN_BEFORE = 3  # a caption or headline has at least three words
_MIN_STORY = 6   # the story's sentence keeps at least six


@lru_cache(maxsize=1024)
def _casing(text: str, after: int) -> tuple[frozenset[str], frozenset[str]]:
    """The words ``text`` writes in lower case anywhere, and those it capitalises inside a sentence
    after offset ``after`` (the rest of the article: the first sentence is the one judged)."""
    lower = frozenset(_LOWER_WORD.findall(text))
    mid = frozenset(_MID_CAPITAL.findall(text, after))
    return lower, mid


def _common(word: str, lower: frozenset[str], mid: frozenset[str]) -> bool:
    """Whether the capitalised ``word`` is a common word by the article's own casing."""
    return word.lower() in lower and word not in mid


def caption_cut(text: str, start: int, end: int) -> int:
    """Offset (into ``text``) after a caption glued before the sentence ``text[start:end]``, or ``start``.

    The first boundary that passes wins; the story keeps at least ``_MIN_STORY`` words."""
    sentence = text[start:end]
    for m in _BOUNDARY.finditer(sentence):
        before = sentence[:m.start()]
        if len(before.split()) < _MIN_BEFORE or len(sentence[m.start(1):].split()) < _MIN_STORY:
            continue
        last = _LAST_WORD.search(before)
        if last is None or last.group(1).lower() in _GOVERNS or last.group(1) in _ATTRIBUTIVE:
            continue
        if _POSSESSIVE.search(before) or m.group(1) in CALENDAR_NAMES:
            continue  # "Romania's Ambassador to Israel"; "will meet here Friday to discuss ...": inside the clause
        word, following = m.group(1), sentence[m.end():].split(maxsplit=1)[0]
        if not (last.group(1)[0].islower() or last.group(1)[0].isdigit()):
            # after a capitalised word the name may go on ("Mexico City has", "Marine One
            # helicopter", a Title Case headline's next word): only a clause's opener starts
            if word not in _OPENERS:
                continue
        elif following == "of" and word not in _OPENERS:
            continue  # a title's noun phrase ("founding Editor of The Lancet"), not a new sentence
        if word == "A":  # "... left thousands homeless A Cornwall-based charity is sending help ..."
            prev = last.group(1).lower()
            if prev not in _LETTERED and not re.search(rf"\b{re.escape(last.group(1))} A\b", text[end:]):
                return start + m.start(1)
            continue
        if not following[0].islower():
            continue  # a common word before a number ("Year 2009") is a heading's, not a sentence's
        if _common(word, *_casing(text, end)):  # (read only for a candidate: most first sentences have none)
            return start + m.start(1)
    return start


# Small words a Title Case headline capitalises and running prose never does, even inside a name
# ("Director of National Intelligence", "Bank of America"): one of them inside a capitalised run
# marks a headline ("Bernanke Presses For Fiscal Restraint", "... Will Meet With McCain and Obama").
_TITLE_SMALL = frozenset("For With On Of In To At By From Into About Over After And Against Amid Among Via".split())
_SMALL = frozenset("a an the and or of to in on at for with by from as vs over into about after".split())
_MIN_COMMON = 2  # capitalised common words (by the article's casing) the headline holds besides its small word


def _capitalised(word: str) -> bool:
    """Whether ``word`` opens with a capital (after an opening quote)."""
    return word[:1].isupper() or (word[:1] in "\"'“‘" and word[1:2].isupper())


def title_cut(text: str, start: int, end: int) -> int:
    """Offset after a Title Case headline glued before an article's first sentence, or ``start``.

    The sentence opens with a run of capitalised words (and small words) ending, with no comma, at
    a lower-case word: "Bush Calls Bailout Vital to Economy, Will Meet With McCain and Obama
    President Bush said yesterday ...". The run is a headline when it holds a capitalised small
    word (``_TITLE_SMALL``, not its first word) and common words by the article's casing; the story's
    subject is the longest tail of the run's last names that the rest of the article writes too
    ("President Bush"); with no such tail nothing is cut (the boundary is not known)."""
    sentence = text[start:end]
    opening = sentence[:120].split(maxsplit=3)[:3]  # most first sentences fail here, before any list is built
    if len(opening) < 3 or not all(_capitalised(w) or w in _SMALL for w in opening):
        return start
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence)]
    words = [sentence[a:b] for a, b in spans]
    run = 0
    while run < len(words) and (_capitalised(words[run]) or words[run] in _SMALL):
        run += 1
    if run < 3 or run >= len(words) or not words[run][:1].islower() or words[run - 1][-1:] in ",;:)":
        return start
    # the tail: the run's last capitalised words with no small word or punctuation between
    tail = run
    while tail > 0 and _capitalised(words[tail - 1]) and words[tail - 1] not in _TITLE_SMALL \
            and (tail == run or words[tail - 1][-1:] not in ",;:"):
        tail -= 1
    if tail < 2:
        return start
    lower, mid = _casing(text, end)
    rest = text[end:]
    for cut in range(tail, run):  # the longest tail the article writes again
        phrase = " ".join(words[cut:run])
        if not re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", rest):
            continue
        if words[cut - 1] in ("The", "A", "An"):
            cut -= 1  # "... Stance On Trade The Obama administration is ...": the article opens the subject
        head = words[:cut]
        if not any(w in _TITLE_SMALL for w in head[1:]):
            return start
        common = sum(1 for w in head if w not in _TITLE_SMALL and w.strip(",;:'\"").isalpha()
                     and _common(w.strip(",;:'\""), lower, mid))
        if common < _MIN_COMMON or len(sentence[spans[cut][0]:].split()) < _MIN_STORY:
            return start
        return start + spans[cut][0]
    return start
