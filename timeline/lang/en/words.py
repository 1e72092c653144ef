"""English function words and the small word tables the checks share: stop words, negations,
number words, sentence openers and titles. Plain tables; imports nothing of timeline but ``lang/``.

``STOPWORDS`` is the one stop-word list (verify's support checks, the summary check, TF-IDF and
merge). Merge also drops the words of time that are not dates (``TIME_WORDS``: "yesterday",
"week", "last") and the calendar's words, which verify keeps as words of a claim.
"""
from __future__ import annotations

import re

from timeline.lang.en import time as time_words

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
NEGATIONS = frozenset("not no never none nobody nothing neither nor without deny denies denied denying "
                       "reject rejects rejected n't".split())

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}
SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Words of time that are no date: merge drops them with the stop words (two reports of one
# happening say "on Monday" and "yesterday"); verify keeps them as words a claim must support.
TIME_WORDS = frozenset(
    """today yesterday tonight tomorrow morning evening night afternoon week month year last next early late
    ago days weeks months years""".split()
)
# Stop words of the support checks that merge compares as content words, as merge always has
# (dropping them there changes which reports merge as one happening: "near", "many", "report").
MERGE_COMPARES = frozenset(
    """above added although among another around article because below both down either ever further group
    how i if latest many me much my near nearly neither new nor noted off once out own report reported
    reports s same saying shall so stated states t though under up whether whose why without""".split()
)
# merge's stop words: the one list, less what merge compares, plus the words of time and "against"
MERGE_STOPWORDS = (STOPWORDS - MERGE_COMPARES) | TIME_WORDS | {"against"}


# A report of a happening: an article's lead told in the past or present perfect ("A judge has
# ordered ... to stand trial", "Jackson died on ...", "Prosecutors said ..."), not a preview
# ("will", "is expected to") or background ("since 2003"). Used by ``select.key_dates.undated_leads``.
REPORT_FUTURE_WORDS = frozenset({"will", "shall", "would", "could", "might", "may", "expected", "expects", "plans",
                                 "scheduled", "due", "tomorrow", "next", "upcoming", "won't", "'ll"})
REPORT_BACKGROUND_WORDS = frozenset({"since"})
_REPORT_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?(?:been\s+)?(?:\w+(?:ed|en)|"
                             + "|".join(time_words.IRREGULAR_PARTICIPLES) + r")\b", re.IGNORECASE)
_REPORT_PAST_VERBS = frozenset(time_words.PAST_CUES) - {"ago", "last", "since", "earlier", "previously"}


_FIRST_PERSON_OPENING = re.compile(r"^[\"\u201c\u2018(]*(?:I|We|My|Our|Us|Me)\b")
# a first-person subject later, outside quotation marks: "Today, as the Senate votes ..., we're
# going to hear ..." (a speech's transcript)
_FIRST_PERSON_LATER = re.compile(r"(?:^|[,;]\s+)(?:(?!\b(?:said|says|told)\b)[^\"\u201c\u201d])*?"
                                 r"\b(?:we|we're|we've|we'll|I'm|I've|I'll)\s")
# a pronoun as the subject, at the start or after an opening phrase ("In a move that seemed
# designed to ..., he claimed last Saturday that ...")
_PRONOUN_SUBJECT = re.compile(r"^[\"\u201c\u2018(]*(?:(?:He|She|They|It|His|Her|Their|Its)\b"
                              r"|[^,;]{0,120},\s+(?:he|she|they|his|her|their)\b)")
# words that point back to a sentence before ("The attorney similarly ducked questions ... on the
# same subject Monday")
_POINTS_BACK = re.compile(r"\b(?:[Ss]imilarly|[Ll]ikewise|the same (?:subject|issue|question|topic|matter))\b")


def opens_in_first_person(sentence: str) -> bool:
    """True when ``sentence`` opens with a first-person word ("I thank the treasury secretary",
    "We do know this"): without an attribution it is the writer's or a speaker's aside, not a report."""
    return bool(_FIRST_PERSON_OPENING.match(sentence))


def speaks_in_first_person(sentence: str) -> bool:
    """``opens_in_first_person``, or a first-person subject later outside quotation marks."""
    return opens_in_first_person(sentence) or bool(_FIRST_PERSON_LATER.match(sentence))


def leans_on_context(sentence: str) -> bool:
    """True when the sentence needs one before it to be read: its subject is a pronoun, or it
    points back ("similarly", "the same subject"). Fine in its article, unanchored alone."""
    return bool(_PRONOUN_SUBJECT.match(sentence) or _POINTS_BACK.search(sentence))


def is_past_report(sentence: str) -> bool:
    """True when ``sentence`` reads as a report of something that has happened: a present
    perfect, or a verb in the past, with no future or background word."""
    tokens = [t.strip(".,;:!?\"'()") for t in sentence.split()]
    lower = {t.lower() for t in tokens if t}
    if any(t in REPORT_FUTURE_WORDS for t in tokens) or lower & REPORT_BACKGROUND_WORDS:
        return False
    if _REPORT_PERFECT.search(sentence):
        return True
    return bool(lower & _REPORT_PAST_VERBS) or any(len(t) >= 4 and t.endswith("ed") and not t.endswith("eed") for t in lower)
