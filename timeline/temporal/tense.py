"""The tense of the clause around a time expression: 'future', 'past', 'either' or None.

'either' is a future seen from a past time ("had been scheduled to end Thursday", "agreed to
buy the plant in May"): callers take the last weekday and the nearer month or month-day.

Bare months, weekdays and month-days ("in December", "on Friday", "on March 12") name the
next or the last occurrence depending on the clause: "ends in December" (published in March)
is the coming December, "ended in December" the last one. The nearest cue wins: a future cue
from ``lang.en.FUTURE_CUES`` (will, is to, scheduled, ends...) or a past one (said, was, a verb
in -ed). Past participles after "be", "to", "the"... are passive or adjectives and say nothing;
past forms that are also infinitives after a modal ("will hit") too.

With no cue at all, a sentence told in the present is a plan or a schedule, so the future
(``_present_plan``): "Parliament sits on Monday", "Shops open on Boxing Day", "I'm flying to
Paris on Monday", "Meet me on Friday". Only a sentence that ends as one does counts (headlines
tell past happenings in the present), and not a perfect or a clause about another happening
between the verb and the time. A present copula right before the time ("the party is on
Friday", "Kick-off is at 10.30am") is a future cue of its own. A participle clause set off by
commas ("The suspect, arrested on Saturday, appears in court on Friday") dates its own time only.
"""
from __future__ import annotations

import re

from ..lang.en import time as en
from .factored import factored


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# a line break ends a sentence after sentence punctuation, before a blank line or an indented
# paragraph; otherwise it only wraps one (hard-wrapped wire copy: "unchanged since\nOctober",
# "from\nmidnight on Sunday"), and a headline without a full stop runs into its first sentence
_SENT_BREAK = re.compile(r"(?<=[a-z0-9\"'”’)][a-z0-9\"'”’)][.!?])[\"'”’]?\s+"
                         r"|(?<=[.!?:;\"'”’)])[ \t]*\n|\n(?=[ \t]*\n|[ \t]{2,}|[ \t]*[-*•])")
_NOT_ED = "|".join(en.NOT_PAST_ED)
_NOT_PLURAL = "|".join(sorted(en.NOT_PLURAL_SUBJECTS, key=len, reverse=True))
_INTENT = "|".join(en.INTENT_VERBS)
# "expected to have died", "believed to have fled": a perfect infinitive tells a past happening
_PERFECT_INFINITIVE = rf"to\s+have\s+(?:[a-z]{{2,}}(?:ed|en)|{_words(en.IRREGULAR_PARTICIPLES)})"
_CUE = factored(re.compile(
    rf"(?P<fut>\b(?:(?:{_INTENT})\s+(?!{_PERFECT_INFINITIVE}\b)to\s+[a-z]+|(?:{_words(en.FUTURE_CUES)})\b"
    # a present tense after "before/until/once/when" is a future: "before it is reported in
    # March", "once the deal closes in June", "when the law takes effect"
    r"|(?i:before|until|once|when)\s+(?:it|they|he|she|we|the\s+[a-z]+)\s+(?:is|are|[a-z]{2,}[^s\W]s)\b"
    # the plain present of a schedule ("Shops open on Boxing Day", "the debate airs Thursday")
    rf"|(?!(?:{_NOT_PLURAL})\b)[A-Za-z]{{2,}}[^\Wsiu]s\s+(?:{_words(en.SCHEDULE_VERBS)})"
    rf"|(?:{_words(en.SCHEDULE_VERBS_SINGULAR)})"
    # "could drop to the bottom on Sunday", "could face a vote on Monday": a possibility ahead;
    # "could not reach the miners on Sunday", "could have died" tell what happened
    r"|could(?!\s+(?:not|never|hardly|barely|only|have|see|hear|feel|be\s+(?:seen|heard|found|[a-z]+ed))\b)\s+[a-z]{2,}"
    r")\b)"
    rf"|(?P<past>\b(?:{_PERFECT_INFINITIVE}|{_words(en.PAST_CUES)}|(?!(?:{_NOT_ED})\b)\w{{2,}}[^\We]ed)\b)",
))  # case-sensitive on purpose: "May" the month is not the modal "may"
_PAST_WORDS = frozenset(en.PAST_CUES) - frozenset(en.INTENT_VERBS)
_INTENT_WORDS = frozenset(en.INTENT_VERBS)
# what may precede a time phrase that opens its sentence: "On", "Early on", "By late", quotes
_FRONTED = re.compile(r"(?i)^[\s\"'“‘(\[-]*(?:(?:on|in|at|by|from|since|until|till|during|before|after|early|"
                      r"late|earlier|later|then|and|but|so|also|this|last|next|the|of)\s+)*$")
_COMMA = re.compile(r"\s*,\s*")
_CLAUSE_START = re.compile(r"(?i)[;:]\s*|\b(?:that|when|because)\s+(?=[a-z])")
_SENTENCE_REST = re.compile(r"[;:.!?()\n]")
_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")
# a participle clause set off by commas after its noun ("The suspect, arrested on Saturday, appears
# in court on Friday"): its verb dates its own time, not one after the closing comma
_PARENTHETICAL = re.compile(rf",\s+(?!(?:{_words(en.REPORTING_PASTS)})\b)(?:[a-z]{{2,}}ed|{_words(en.IRREGULAR_PARTICIPLES)})\b"
                            rf"(?!\s+(?:it|he|she|they|we|I|you|that|to)\b)[^,.;:!?()\n]{{0,60}},\s+(?=\S)")
# a subordinate clause after the expression ("will face Connecticut Saturday after the Huskies
# routed Arkansas") has its own verb, which says nothing about the expression's
_RIGHT_CLAUSE = re.compile(r"[,;:.!?()\n]|\s(?:and|but|or|while|as|that|who|which|because|if|whether|"
                           r"after\s+(?:the|a|an|he|she|they|we|it|his|her|their)\s+\w+\s+\w+ed)\b")
_RIGHT_CLAUSE_OR_SUBJECT = re.compile(r"[,;:.!?()\n]|\s(?:and|but|or|while|as|that|who|which|because|if|whether|"
                                      r"he|she|they|we|it|I|you)\s|\safter\s+(?:the|a|an|his|her|their)\s+\w+\s+\w+ed\b")
_BE_BEFORE = factored(re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$|['’]s\s+$"))
_DETERMINER = factored(re.compile(r"(?i)(?:\b(?:the|a|an|its|his|her|their|our|this|these|those|whose|new)|['’]s)\s+$"))
_THAN = re.compile(r"(?i)\bthan\s+(?:had\s+been\s+|was\s+|were\s+|previously\s+|initially\s+|first\s+)?$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
# a past perfect before a future cue ("had been scheduled to end", "had planned to") looks back
# from a past time: the happening is past, whatever the cue says
_HAD_BEFORE = factored(re.compile(r"(?i)\bhad\s+(?:(?:been|not|never|already|\w+ly)\s+){0,2}$"))
_HAS_OR_BE_BEFORE = factored(re.compile(r"(?i)\b(?:has|have|is|are|am|be|been|was|were|['’]s|['’]ve)\s+(?:\w+ly\s+)?$"))
_PAST_ACT = frozenset(en.PAST_ACT_VERBS)
# a time told as what the subject is, right before the expression: "Kick-off is at 10.30am on
# Saturday", "the party is on Friday" (a past one "was"): a schedule, so the future
# past forms that are also infinitives ("hit", "cut", "set"), after a modal or "do" ("will hit")
_BARE_PASTS = frozenset(en.BARE_PAST_VERBS)
_MODAL_BEFORE = re.compile(r"(?i)\b(?:will|would|could|can|may|might|must|should|shall|['’]ll|won['’]t|wo|do|does|"
                           r"did|don['’]t|doesn['’]t|didn['’]t|cannot|can['’]t|let['’]s)\s+(?:\w+ly\s+|not\s+)?$")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+(?:the\s+)?$")
_COPULA_BEFORE = re.compile(r"\b(?:is|are)\s+(?:(?!(?:" + _words(tuple(p for p in en.REPORT_PARTICIPLES if p != "held"))
                            + r")\b)(?:[a-z]{3,}ed|held|set|run)\s+)?(?:(?:at|on|in)\s+)?(?:[A-Z][a-z]+\s+(?:and|or)\s+)?$")
_PASSIVE = factored(re.compile(r"(?i)\b(?:(?:be|been|being|is|are|was|were|to|a|an|the|still|its|their|his|her|very|newly|"
                      r"not|un)\s+|(?:be|been|being|is|are|was|were)\s+[a-z]+ly\s+)$"))


_MODAL_OR_TO_BEFORE = re.compile(r"(?i)\b(?:will|would|could|may|might|should|must|can|to|['’]ll)\s+$")
# "due to" before a noun phrase is "because of"; "is due to arrive" looks ahead
# an intent verb in the past right before the expression: "agreed on Monday to resume talks",
# "voted late Friday to strike": the time phrase sits between the verb and its infinitive and
# dates the verb (the agreement was Monday), not what it agreed to do
_INTENT_PAST_BEFORE = re.compile(r"\b(?:" + _words(en.INTENT_ACT_PASTS) + r")\s+(?:(?:on|in|at|by|late|early|last)\s+){0,2}$")
_DUE_TO_CAUSE = re.compile(r"(?i)\s+to\s+(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your|some|"
                           r"lack|poor|bad|heavy|high|higher|low|lower|strong|stronger|weak|weaker|rising|falling|"
                           r"concerns?|fears?|problems?|\d)\b")


# what may come before a headline's "to rule": its subject alone, one to three capitalised words
# opening the line ("Court to rule on Thursday", "PM to announce plan Monday")
_HEADLINE_SUBJECT = re.compile(r"^\s*(?:[A-Z][\w.'’-]*\s+){1,3}$")


def _usable(m: re.Match[str], before: str) -> bool:
    if before.endswith("-"):
        return False  # "smaller-than-expected", "long-planned": part of an adjective
    if " ".join(m.group().lower().split()) in en.LEFT_ONLY_FUTURE_CUES and not _HEADLINE_SUBJECT.match(before):
        # in a sentence's body "to sign" is as often a purpose or a past act ("leaving the road clear
        # for PKN Orlen to sign an agreement in May", "Citibank was the first to announce an
        # increase on Tuesday"): only a headline's subject makes it the future
        return False
    past = m.group("past")
    if past and _PASSIVE.search(before):
        return False  # "would still be held", "will be paid": a participle, not a past tense
    if past and past.lower() in _BARE_PASTS and _MODAL_BEFORE.search(before):
        return False  # "will hit 3% in December", "could cut rates in May": an infinitive, not a past
    if past and past.lower() == "last" and _MODAL_OR_TO_BEFORE.search(before):
        return False  # "will last from May to September": the verb, not "last May"
    fut = m.group("fut")
    if fut and fut.lower() in en.NOUN_LIKE_CUES and _DETERMINER.search(before):
        return False  # "denounced the plan ... in July": a noun, not "plans to"
    if fut and fut.lower() == "expected" and _THAN.search(before):
        return False  # "grew more than expected in October": a comparison, not a forecast
    if fut and fut.lower().startswith("to "):
        # "were forced to leave on Sunday", "had to return on Friday": the infinitive belongs to a
        # verb already in the past, so it says nothing about the future ("decided to" is an intent verb)
        prev = _WORD_BEFORE.search(before)
        word = prev.group(1).lower() if prev else ""
        if word in _PAST_WORDS or (word.endswith("ed") and word not in _INTENT_WORDS and word not in en.NOT_PAST_ED):
            return False
    if fut and fut[:3].lower() == "due" and _DUE_TO_CAUSE.match(m.string, m.start("fut") + 3):
        return False  # "were negative on Wednesday due to a number of errors": a cause, not a schedule
    return not (fut and fut.lower() == "next" and m.string[m.end():m.end() + 4].lower() == " to ")  # "next to"


def _kind(m: re.Match[str], before: str) -> str:
    """'future', 'past' or 'either' for a usable cue found with ``before`` the text left of it.

    'either' is a future seen from a past time: "had been scheduled to end Thursday", "agreed
    to buy the plant in May". A weekday a few days off is then the last one; a month or a
    month-day could be on either side of the publication date and is left unresolved."""
    if not m.group("fut"):
        return "past"
    first = m.group().split()[0].lower()
    if _HAD_BEFORE.search(before) and (first.endswith("ed") or "been" in before[-16:].lower()):
        return "either"  # "the truce had been scheduled to end Thursday", "had planned to"
    if first in _PAST_ACT and " to " in m.group().lower() and not _HAS_OR_BE_BEFORE.search(before):
        return "either"  # "agreed to buy the plant in May"
    if first in en.PREDICTION_PASTS:
        return "either"  # "analysts predicted a cut in June": last June's forecast or a coming cut
    return "future"


def _third_person(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


_CALENDAR = "(?:" + "|".join(list(en.MONTH_NAMES) + [w.capitalize() for w in en.WEEKDAYS]) + r")\b"
_PERFECT = re.compile(rf"\b(?:has|have|['’]ve|having)\s+(?:\w+ly\s+|not\s+|never\s+|already\s+)?(?:[a-z]{{2,}}(?:ed|en)|{_words(en.IRREGULAR_PARTICIPLES)})\b")
_PLAN_BASE = _words(tuple(sorted(set(en.PRESENT_PLAN_VERBS))))
_PLAN_THIRD = _words(tuple(sorted({_third_person(v) for v in en.PRESENT_PLAN_VERBS})))
# a verb in the plain present, or another sign of a sentence told in the present (``lang.en``):
# only consulted when no cue at all decided the tense
_PRESENT = re.compile(
    r"(?i:\b(?:am|is|are|['’]m|['’]re)\s+(?:\w+ly\s+)?[a-z]{2,}ing\b"
    # a present passive that is no report: "Bins are collected on Thursday", "the road is shut"
    rf"|\b(?:is|are)\s+(?!(?:{_words(en.REPORT_PARTICIPLES)})\b)(?:[a-z]{{3,}}[^\We]ed|shut|run|set)\b"
    rf"|\b(?:am|is|are|['’]m|['’]re|(?:[Ss]he|[Hh]e|[Ii]t)['’]s)\s+(?:{_words(en.PRESENT_STATES)})\b(?=[^.!?]*\x00)"
    rf"|(?:^|(?<=[.!?\"“]\s))\s*(?:{_words(en.PRESENT_PLAN_OPENERS)})\b"
    r"|^\s*(?:(?:what|when|where|how|who)\s+)?(?:are|is|do|does)\s+(?:you|we|they|he|she|it|I|the|your|our|my|this|that|there)\b)"
    # a subject before the verb: a pronoun, a plural noun, a name or a noun after a determiner
    rf"|(?:\b(?:[Ww]e|[Yy]ou|[Tt]hey|I)|(?!(?:{_NOT_PLURAL})\b)\b[A-Za-z]{{2,}}[^\Wsiu]s)\s+(?:{_PLAN_BASE})\b"
    # (a noun of up to three words after the determiner, "The rates decision comes in September"; an
    # adverb of habit is no part of it: "The ministry now pays coupons in January")
    rf"|(?:\b(?:[Tt]he|[Aa]n?|[Oo]ur|[Mm]y|[Yy]our|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+[a-z]+(?:\s+(?!(?:{_words(en.HABIT_ADVERBS)}|[a-z]+ly)\b)[a-z]+){{0,2}}|\b(?!{_CALENDAR})[A-Z][a-z]+)\s+(?:{_PLAN_THIRD})\b"
    # an instruction opening the sentence: "Meet me on Friday", "Call me tomorrow"
    rf"|^\s*(?i:{_PLAN_BASE})\s+(?:me|us|him|her|them|it|this|that|the|a|your|our|at|on|in|back|by)\b"
)


_ATTACHED = re.compile(r"\b(?:after|since|following|as|when|while|who|which|that|despite)\b")
_PAST_QUESTION = re.compile(r"(?i)\s*(?:(?:what|when|where|how|who|why)\s+)?(?:did|was|were|had)\b")


def _present_plan(text: str, start: int, end: int, left: str) -> str | None:
    """A sign that the sentence around text[start:end] is told in the present (``_PRESENT``), when
    it ends as a sentence does (a headline, often in the present for a past happening, has no
    full stop) and holds no past or future cue: a plan or a schedule, so the future."""
    stop = _SENTENCE_REST.search(text, end, end + 160)
    if stop is None or stop.group() not in ".!?":
        return None
    sentence = left + "\x00" + text[start:stop.end()]  # \x00 marks where the expression starts
    found = _PRESENT.search(sentence)
    if found is None or _PAST_QUESTION.match(sentence) or _PERFECT.search(sentence) \
            or any(_usable(c, sentence[:c.start()]) for c in _CUE.finditer(sentence)):
        return None
    if found.end() <= len(left) and _ATTACHED.search(left, found.end()):
        # "is heading to Russia after winning the trophy Friday", "walks off as Gonzaga celebrates
        # its win on Thursday night": the expression dates another clause's happening
        return None
    return found.group().strip()


def tense(text: str, start: int, end: int) -> str | None:
    """'future', 'past', 'either' (a future seen from the past: ``_kind``) or None, from the
    nearest tense cue around text[start:end] in its sentence."""
    return tense_cue(text, start, end)[0]


def tense_cue(text: str, start: int, end: int, plans: bool = True) -> tuple[str | None, str]:
    """The tense (as ``tense``) and the cue word that decided it ("" when none did). With no cue,
    a plan told in the present ("Parliament sits on Monday") is the future unless ``plans`` is
    False (a named happening, "Friday's leg of the ceremonies", is not dated by such a verb)."""
    left = text[max(0, start - 160):start]
    cut = None
    for m in _SENT_BREAK.finditer(left):
        if m.group()[:1].isspace():
            abbr = _LAST_WORD.search(left, 0, m.start())
            if abbr and abbr.group(1).lower() in en.ABBREVIATIONS:
                continue  # "Oct. 31", "Sen. Smith": an abbreviation's full stop, not a sentence's
        cut = m.end()
    if cut is not None:
        left = left[cut:]
    left = _PARENTHETICAL.sub(lambda p: " " * len(p.group()), left)  # positions kept for distances
    # the right context is the rest of the same clause: "on Saturday and were planning to..."
    tail = text[end:end + 30]
    own = _CLAUSE_START.split(left)[-1]  # the part of the left context in the expression's clause
    fronted = bool(_FRONTED.match(own))
    if fronted:
        # a time phrase opening its clause ("On Thursday, the agency will...", "in September she
        # will return", "announcing that on Tuesday it would end") belongs to the clause after it
        # its own verb may come after a subordinate clause ("On Sept. 24, as the craft flies by,
        # it will release..."), so the rest of the sentence is read
        comma = _COMMA.match(text, end)
        tail = text[comma.end() if comma else end:end + 110]
        right = _SENTENCE_REST.split(tail, maxsplit=1)[0]
    else:
        # a "that"/"who"/"because" clause after it is another clause ("claiming on Tuesday that
        # Tehran would..."), and so is one opening with its own subject when the expression's own
        # clause has a verb ("told his squad Friday they must..."; but "after dates in the U.K.
        # in September she will return"): their verbs say nothing about the expression
        has_verb = any(_usable(c, own[:c.start()]) for c in _CUE.finditer(own))
        right = (_RIGHT_CLAUSE_OR_SUBJECT if has_verb else _RIGHT_CLAUSE).split(tail, maxsplit=1)[0]
    best: tuple[int, str, str] | None = None
    copula = _COPULA_BEFORE.search(left)
    if copula:
        best = (0, "future", copula.group().split()[0])
    for m in _CUE.finditer(left if copula is None else ""):
        if not _usable(m, left[:m.start()]):
            continue
        dist = len(left) - m.end()
        if best is None or dist <= best[0]:
            best = (dist, _kind(m, left[:m.start()]), m.group().lower())
    for m in _CUE.finditer(right):
        if not _usable(m, right[:m.start()]):
            continue
        if m.group().startswith("could"):
            continue  # "a dumping incident in August could reach ...": the possibility is the costs', not August's

        dist = 2 * m.start() + 10
        word = m.group().lower()
        lead = right[:m.start()].strip().lower()
        if m.group("fut") and ((word.startswith("to ") and not lead) or lead == "to"):
            verb = _INTENT_PAST_BEFORE.search(left)
            if verb:
                return "past", verb.group().split()[0].lower()
        if " ".join(word.split()) in en.LEFT_ONLY_FUTURE_CUES:
            continue  # "in June to unveil the iPad 2": a purpose, no future
        if word.split()[0] in en.PREDICTION_VERBS and m.group("fut"):
            continue  # "In November, Barclays predicted a fall": the phrase dates the prediction
        if best is None or dist < best[0] or fronted:
            if m.group("fut") and word.split()[0] in _INTENT_WORDS and word.split()[0].endswith("ed") \
                    and not _BE_BEFORE.search(right, 0, m.start()):
                # "On Sunday the cabinet decided to continue", "which in February agreed to stop":
                # the phrase comes before its verb and dates "decided", a past
                best = (dist, "past", word)
            else:
                best = (dist, _kind(m, right[:m.start()]) if m.group("fut") else "past", word)
        break
    # "the ban lasted until Friday": "until" tells an end, and a verb of something that went on, in
    # the past, tells that the end is behind ("the court adjourned until Monday" still looks ahead)
    if best is not None and best[2] in ("until", "till") and _UNTIL_BEFORE.search(left):
        verb = None
        before_verb = None
        for m in _CUE.finditer(left, 0, _UNTIL_BEFORE.search(left).start()):  # type: ignore[union-attr]
            if _usable(m, left[:m.start()]):
                before_verb, verb = verb, m
        if verb is not None and verb.group().lower() not in en.DURATION_PAST_VERBS and before_verb is not None \
                and before_verb.group().lower() in en.DURATION_PAST_VERBS and not left[before_verb.end():verb.start()].strip():
            verb = before_verb  # "remained closed until Monday": the participle is the state that lasted
        if verb is not None and verb.group().lower() in en.DURATION_PAST_VERBS and len(left) - verb.end() < 40:
            return "past", verb.group().lower()
    if best is None and plans:
        plan = _present_plan(text, start, end, left)
        if plan:
            return "future", plan
    return (best[1], best[2]) if best else (None, "")
