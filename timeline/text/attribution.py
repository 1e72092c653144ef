"""Who says so: find the source that governs a sentence's claim.

Rules, not a model: newsroom attribution is formulaic, and a rule that misses is visible and
fixable, which is what a briefing that promises neutrality needs. The forms covered (each
has rows in tests/data/attribution_table.tsv):

- "according to X", "reports from X stated";
- "X said / says / told Y / confirmed / denied / claimed / reported ..." at the start, the
  middle ("The fire, officials said, was ...") or the end of a sentence, with adverbs and
  time phrases between ("the county said on Monday", "police have also said");
- inverted: "..., said X." and "“...,” said X";
- "X, who ..., said" and "X, the county's fire chief, said": the source is X, never a noun
  inside the relative clause or apposition ("said Dana Ruiz, the county's fire chief" is
  Dana Ruiz, not the county);
- titles and roles before names ("Fire Chief Dana Ruiz"), organisations ("Halvard Power"),
  collectives ("officials", "residents", "witnesses", "two volunteers at the shelter"),
  possessives ("her office"), "in a statement" anywhere;
- passive: "... was confirmed by prosecutors";
- a name, then a role in apposition ("Pat Henderson, spokesperson for the exchange, said the
  market expects ..."): the name, never the clause after the verb (round 7);
- wire copy wrapped at a fixed width reads as one line ("said Dana Johnson of\nFirst National
  Bank"); a phrase that ends in a preposition ("asked questions about") or is cut inside a list
  of modifiers ("said GM's sales, service, and marketing vice president") is no source.

The source of a claim is the governing one: text inside parentheses and inside quotation
marks is masked first, so a label's source ("a group labeled as terrorist by several
countries") or a speech verb inside a quote never becomes the sentence's source. Such
sources are still listed by ``sources_cited`` (the neutrality check needs them). A pronoun
("he said") is not resolved: no source is better than an invented one.

Hand-written rather than a dependency parser (spaCy): a parser adds a model download, and the
measured table (tests/test_attribution.py) shows these rules reach the precision we need.
"""
from __future__ import annotations

import re
from typing import Iterator
from timeline.lang.en import dates as calendar
from timeline.lang.en.news import (CLAUSE_PASTS, DANGLING_WORDS, LISTENER_NOUNS, NOT_SOURCE_OPENERS,
                                   RELATIVE_DETERMINERS, RELATIVE_PRONOUNS, RELATIVE_SUBJECTS, REPORT_TIME_LEADS,
                                   REPORT_TIME_WORDS, ROLE_NOUNS, SAID_WORDS, SOURCE_NOUNS, SPEECH_VERBS,
                                   TITLE_ABBREVIATIONS)
from functools import lru_cache

from timeline.temporal.triggers import Needs, fold, meets, required_sets
from timeline.temporal.factored import factored

# Subjects of these verbs perform an act rather than report a claim when an article follows
# ("declared a state of emergency", "announced a ceasefire").
_PERFORMATIVE_VERBS = frozenset(["declared", "declares", "announced", "announces"])
_INVERTIBLE = "said|says|reported|added|wrote|noted|explained|warned|confirmed|stated|insisted|asked"

# Words that open a source phrase in lower case even at a sentence start ("Witnesses said").
_COMMON_OPENERS = frozenset(
    ["the", "a", "an", "two", "three", "four", "five", "six", "several", "many", "some", "other", "one", "local", "senior", "federal", "state", "city", "county", "top", "unnamed", "independent", "former", "retired", "regional", "national", "international", "foreign", "hospital", "health", "fire", "rescue", "emergency", "police", "military", "government", "company", "firm"]
) | SOURCE_NOUNS
_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "these", "those", "there"])
_POSSESSIVES = frozenset(["his", "her", "its", "their", "our", "my", "your"])
_NOT_IN_SOURCE = frozenset(
    ["had", "has", "have", "was", "were", "is", "are", "be", "been", "being", "will", "would", "could", "should", "may", "might", "must", "can", "did", "do", "does", "not", "never", "also", "when", "if", "because", "after", "before", "since", "while", "although", "though", "it", "they", "he", "she", "we"]
)
_PREPOSITIONS = frozenset(["of", "for", "at", "in", "from", "on", "with"])
# a source phrase never opens with a preposition (an inverted "said X" that reads "reported on 12
# January that ..." has a time where its source would be)
_OPENING_PREPOSITIONS = _PREPOSITIONS | frozenset(["by", "to", "during", "over", "about", "after", "before", "since"])
_ADVERBS = frozenset(
    ["also", "later", "earlier", "previously", "separately", "repeatedly", "again", "then", "now", "initially", "first", "have", "has", "had", "would", "today", "yesterday", "tonight", "once", "recently", "subsequently", "further"]
)
_WEEKDAYS = "(?:" + "|".join(calendar.WEEKDAY_NAMES) + "|today|yesterday|Sunday night|Monday night)"
_TRAILING_TIME = re.compile(rf"(?:,?\s+(?:on|late|early)\s+{_WEEKDAYS}|\s+{_WEEKDAYS}|,?\s+in a statement,?)\s*$", re.IGNORECASE)
# A time phrase that opens the sentence before its subject: "On Sunday the police said",
# ("on" is required before a weekday or a month: "Sunday Times editor John Smith" is a source),
# "Earlier this week the mayor said", "Last month officials said".
_DAYS = calendar.ANY_WEEKDAY
_MONTH = calendar.TEXT_MONTH
_LEADING_TIME = re.compile(
    rf"^(?:(?:(?:late|early)\s+)?on\s+(?:{_DAYS}(?:\s+(?:night|morning|afternoon|evening))?"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)"
    rf"|earlier(?:\s+(?:this|last)\s+(?:week|month|year))?|(?:this|last)\s+(?:week|month|year|night|morning|{_DAYS})"
    rf"|yesterday|today)\s*,?\s+(?=\S)",
    re.IGNORECASE,
)
_LEADING_JUNK = frozenset(
    ["while", "although", "meanwhile", "but", "and", "as", "however", "separately", "still", "yet", "so", "then", "also"]
)
_WORD = re.compile(r"[\w’'.&-]+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’]*’(?!\w)")
_PARENS = re.compile(r"\([^()]*\)")
_ACCORDING = re.compile(r"\baccording to (?P<src>[^,.;:)\n]+?)(?=\s+(?:who|which|in a statement)\b|[,.;:)\n]|$)", re.IGNORECASE)
_REPORTS_FROM = re.compile(r"\breports? from (?P<src>[^,.;:\n]+?) (?:stated|said|say|says|suggested|indicated)\b", re.IGNORECASE)
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:\w+ly\s+)?(?:confirmed|reported|announced|denied|"
    r"claimed|disclosed|revealed|stated|estimated)\s+by\s+(?P<src>[^,.;:\n]+?)(?=\s+(?:on|in|at|late|early|last)\b|[,.;:\n]|$)"
)
# the dot of a title or an initial before a name ("Dr. Ann Lee", "Rep. John D. Dingell"), not a
# company's "Corp." or "Ltd.", which may end a sentence the splitter left whole
_TITLE_DOT = ("(?:" + "|".join(f"(?<={t})" for t in TITLE_ABBREVIATIONS) + r"|(?<=\b[A-Z]))\.(?=\s+[A-Z])")
_INVERTED = re.compile(
    rf"(?:,|[”\"])\s*(?:{_INVERTIBLE})\s+(?P<src>(?:[^,.;:\n“\"]|{_TITLE_DOT})+?)(?=\s+(?:in a statement|on {_WEEKDAYS}|"
    rf"who|that|late|early|last)\b|[,;:\n]|(?!{_TITLE_DOT})\.|$)"  # a dot before a capital is a title's: "said Rep. Ann Lee"
)
# "“We are rebuilding,” the mayor told a crowd": the speaker after the quote, before the verb.
_AFTER_QUOTE = re.compile(r"[”\"]\s*(?P<src>(?:[Tt]he |[Aa]n? )?[\w’'. -]{2,60}?)\s+(?:said|says|told|added|wrote)\b")
_LABEL_BY = re.compile(r"\b(?:labell?ed|described|designated|considered|branded|listed)\b[^.()]*?\bby (?P<src>[^,.;:)\n]+)")
_VERB_TOKEN = factored(re.compile(r"\b(" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")\b"))


# Cached: pure, and the same sentence is read by the engine, verify and merge (35,000 calls
# on a 1,500-article story, about a tenth of the run before).
@lru_cache(maxsize=1 << 13)
def find_attribution(sentence: str) -> str | None:
    """The source governing the claim of ``sentence`` ("the White Helmets"), or None."""
    found = _governing(_mask(sentence), sentence)
    return found


def sources_cited(sentence: str) -> list[str]:
    """Every source the sentence names, including those of labels in parentheses or appositions
    ("labeled as a terrorist organization by several countries") and of quoted speech."""
    found: list[str] = []
    governing = find_attribution(sentence)
    if governing:
        found.append(governing)
    for match in _LABEL_BY.finditer(sentence):
        source = _clean(match.group("src"), sentence, match.start("src"))
        if source and source not in found:
            found.append(source)
    for inner in _PARENS.finditer(sentence):
        source = find_attribution(inner.group()[1:-1])
        if source and source not in found:
            found.append(source)
    return found


def _mask(sentence: str) -> str:
    """The sentence with quoted and parenthesised text blanked (same length, offsets kept)."""
    def blank(match: re.Match[str]) -> str:
        text = match.group()
        return text[0] + "x" * (len(text) - 2) + text[-1]

    masked = _QUOTED.sub(blank, _PARENS.sub(lambda m: " " * len(m.group()), sentence))
    # A hard-wrapped line (wire copy: "said Dana Johnson of\nFirst National Bank") goes on: a
    # single line break inside a sentence is a space, so a source is not cut at the wrap.
    return _WRAP.sub(" ", masked)


_WRAP = re.compile(r"(?<!\n)\n(?!\n)")


def _finds(pattern: re.Pattern[str], masked: str, folded: str | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(masked)``, or nothing when a literal every match needs is absent
    (``triggers.required_sets``: most sentences name no "according to", no "reported by")."""
    needs = _NEEDS.get(pattern)
    if needs is None:
        needs = _NEEDS[pattern] = required_sets(pattern)
    if needs and not meets(needs, folded, 0, len(masked)):
        return iter(())
    return pattern.finditer(masked)


_NEEDS: dict[re.Pattern[str], Needs] = {}


def _src_end(match: re.Match[str]) -> int:
    """Where a matched source ends in the original sentence: before any trailing text the mask
    blanked ("said Sen. Ann Lee (D-Conn.)" is Sen. Ann Lee, not her party's parenthesis)."""
    return match.start("src") + len(match.group("src").rstrip())


# After a source phrase: a comma, then a bare lower-case word and "and"/"or": the phrase was the
# first item of a list of modifiers ("sales, service, and marketing vice president").
_LIST_GOES_ON = re.compile(r",\s*[a-z][\w-]*,?\s+(?:and|or)\s")


def _governing(masked: str, original: str) -> str | None:
    folded = fold(masked)
    for pattern in (_ACCORDING, _REPORTS_FROM):
        for match in _finds(pattern, masked, folded):
            source = _clean(original[match.start("src"):_src_end(match)], original, match.start("src"), loose=True)
            if source:
                return source
    verbs = list(_VERB_TOKEN.finditer(masked))
    if len(verbs) > 1 and _CLOSING_REPORT_BEFORE.search(masked, 0, verbs[-1].start()) \
            and _CLOSING_REPORT_AFTER.match(masked, verbs[-1].end()):
        # ", officials say." closing the sentence reports all of it: "Dr Murray has denied he caused
        # the death ... prosecutors will file a case on Monday, officials say" is the officials'
        # claim, not Dr Murray's (whose "denied" came first)
        verbs.insert(0, verbs.pop())
    for match in verbs:
        source = _subject_before(masked, original, match.start(), match.group(1))
        if source:
            return source
    for match in _finds(_AFTER_QUOTE, masked, folded):
        source = _clean(original[match.start("src"):_src_end(match)], original, match.start("src"), loose=True)
        if source:
            return source
    for pattern in (_INVERTED, _PASSIVE_BY):
        for match in _finds(pattern, masked, folded):
            if _LIST_GOES_ON.match(masked, match.end("src")) and match.group("src").split()[-1][:1].islower():
                continue  # "said GM's sales, service, and marketing vice president": cut inside a list
            source = _clean(original[match.start("src"):_src_end(match)], original, match.start("src"),
                            loose=pattern is _INVERTED)
            if source:
                return source
    return None


_CLOSING_REPORT_BEFORE = re.compile(r",\s+[^,;:]{2,60}$")
# after the closing verb only its time ("said on Tuesday.") or, after "told", whom it was told to
# ("told Reuters."): "France's first confirmed cases." is an adjective's noun, no closing report
_CLOSING_TIME = (r"(?:\s+(?:(?:" + "|".join(REPORT_TIME_LEADS) + r")\s+)?(?:(?i:" + calendar.ANY_WEEKDAY + r")|"
                 + "|".join(REPORT_TIME_WORDS) + r"))?")
_CLOSING_REPORT_AFTER = re.compile(r"(?:(?<=told)(?:\s+(?:[A-Z][\w.'’-]*|" + "|".join(LISTENER_NOUNS) + r")){1,3})?"
                                   + _CLOSING_TIME + r"\s*[.!]?\s*$")


def _subject_before(masked: str, original: str, verb_at: int, verb: str) -> str | None:
    """The source phrase right before a speech verb, skipping adverbs, times and an apposition
    or relative clause set off by commas ("X, who ..., said")."""
    after = masked[verb_at + len(verb):]
    if verb in _PERFORMATIVE_VERBS and re.match(r"\s+(?:a|an)\s", after):
        return None  # "declared a state of emergency": an act, not a claim
    if re.match(r"\s+(?:to|by)\b", after) and verb not in ("vowed", "vows", "warned", "insisted", "wrote") or re.match(r"\s+(?:that|it|him|her|them)\s+(?:was|is|had)\b", after) and verb == "told":
        return None  # "told to leave", "reported by": not this verb's subject
    if re.search(r"\bto\s*$", masked[:verb_at]):
        return None  # an infinitive has no subject before it: "prompting them to say", "declined to say"
    if _NOUN_SLOT.search(masked, max(0, verb_at - 20), verb_at):
        return None  # "Saturday's show", "the minister's claims", "the report": a noun, not a speech verb
    end = verb_at
    before = masked[:end].rstrip()
    while True:
        stripped = _TRAILING_TIME.sub("", before)
        words = before.rsplit(None, 1)
        if stripped != before:
            before = stripped.rstrip()
        elif len(words) == 2 and words[1].lower() in _ADVERBS:
            before = words[0].rstrip()
        else:
            break
    if before.endswith(("”", "\"", "’")):
        return None  # "“...,” said X": the inverted form, handled after
    if before.endswith(","):
        # "Sheriff Tom Alvarez, who has led the county's police for a decade, said": skip the
        # relative clause or apposition back to the comma that opens it.
        inner = before[:-1]
        cut = inner.rfind(", ")  # "5,000" is a number, not a comma that opens an aside
        if cut == -1:
            return None
        named = inner[cut + 1:].strip()
        if not named:
            return None  # "(Nikkeiren), told": the mask blanked the aside to nothing
        aside = named.lower()
        if named[:1].isupper() and len(named.split()) <= 4:
            aside = "a " + aside  # "The company's chief financial officer, Leah Stein, said": a name in apposition
        # an apposition, a relative clause, an age or a participle ("The coach, 54, said",
        # "The minister, speaking in parliament, said"); a whole clause is not an aside
        role = aside.split()[0].strip(",") in ROLE_NOUNS  # "director of the agency's office": a title
        if len(aside.split()) > 12 or _VERB_TOKEN.search(aside) or not role and not re.match(
                r"(?:who|which|whose|a|an|the|his|her|its|their|one|also|as|some|many|most|all|both|none|each|"
                r"\d+|[a-z]+ing|[a-z]+'s|[a-z]+’s)\b", aside):
            return None
        before = inner[:cut].rstrip()
        # a second aside before the first ("Richard Morse, a musician who runs the hotel, an
        # iconic building, reported"): the name before both is the subject, when it is one
        earlier = before.rfind(", ")
        if earlier != -1 and re.match(r"(?:a|an|who|whose)\s", before[earlier + 2:]) \
                and not _VERB_TOKEN.search(before[earlier + 2:]):
            head = before[:earlier].rstrip()
            opener = max((m.end() for m in _CLAUSE_OPENER.finditer(head)), default=0)
            if _clean(original[opener:len(head)], original, opener, strict=True):
                before = head
    # the clause opens after the last separator; a comma inside a number ("35,000") is none
    start = max((m.end() for m in _CLAUSE_OPENER.finditer(before)), default=0)
    segment = before[start:]
    offset = start
    if _OBJECT_RELATIVE.search(segment):
        return None  # "waters which Chile says belong to it": a relative clause's verb, not the sentence's
    # Try the whole clause, then shorter tails after a conjunction ("... and officials said").
    candidates = [(offset + len(segment) - len(segment.lstrip()), segment)]
    for conj in re.finditer(r"\b(?:and|but|while|as|that|when|where|because|after)\s", segment):
        tail = segment[conj.end():]
        candidates.append((offset + conj.end(), tail))
    for at, text in candidates:
        source = _clean(original[at:at + len(text)], original, at, strict=True, loose=verb in _LOOSE_VERBS)
        if source:
            return source
    return None


# a live page's clock stamp glued before the entry ("2142 US Secretary of State Hillary Clinton
# says ..."): four digits that read as a 24-hour time, then a capitalised word
_LIVE_STAMP = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d\s+(?=[A-Z])")
_NOUN_SLOT = factored(re.compile(r"(?:['’]s|\b(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your))\s+$",
                                 re.IGNORECASE))
_CONTRACTED_PRONOUN = re.compile(r"(?:i|we|they|he|she|it|you|there)['’](?:m|re|s|ve|d|ll)$")
_LOOSE_VERBS = frozenset(["said", "says", "say", "told", "tells"])
_CLAUSE_OPENER = re.compile(r"[;:(“\"—–]|,(?!\d)")
# a relative pronoun, then a new subject before the verb: the verb is the relative clause's
# ("the waters which Chile says belong to it", "a man who police say was armed")
_OBJECT_RELATIVE = re.compile(rf"\b(?:{'|'.join(RELATIVE_PRONOUNS)})\s+(?:(?:{'|'.join(RELATIVE_DETERMINERS)})\s+[\w’'.&-]+"
                              rf"|[A-Z][\w’'.&-]*|{'|'.join(RELATIVE_SUBJECTS)})(?:\s+[\w’'.&-]+){{0,3}}\s*$")
_NOT_HEADS = frozenset(["the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "and", "or", "but"])


def _balanced(source: str, before: str) -> str:
    """``source`` with the opening mark of a quoted name it holds put back ("“Big Four” lenders"
    lost its first mark to the strip of the phrase's edges and read 'Big Four” lenders')."""
    if source.count("”") > source.count("“") and "“" in before:
        return "“" + source
    if source.count('"') % 2 and '"' in before:
        return '"' + source
    return source


def _clean(source: str, sentence: str, at: int, strict: bool = False, loose: bool = False) -> str | None:
    """A source phrase trimmed and checked: a name or a known source noun at its head, no verb."""
    # A source never holds a quotation's end: in "“A BIG WIN,” Trump wrote" the phrase before the
    # verb ran back into the quotation ("a BIG WIN,” Trump"); the speaker follows its closing mark.
    # A quoted name keeps its marks (the "Big Five" banks): no punctuation closes it.
    inner = source.strip(" \"'“”‘’—–-")
    closing = max(inner.rfind(",”"), inner.rfind(',"'), inner.rfind("!”"), inner.rfind("?”"), inner.rfind(".”"))
    if closing >= 0:
        closing += 1
        at += source.find(inner) + closing + 1
        inner = inner[closing + 1:]
    source = _balanced(inner.strip(" \"'“”‘’—–-,"), sentence[max(0, at - 1):at] + source)
    source = _LEADING_TIME.sub("", source)
    source = _LIVE_STAMP.sub("", source)
    words = source.split()
    while words and words[0].lower().strip(",") in _LEADING_JUNK:
        words = words[1:]
    if [w.lower() for w in words[-3:]] == ["in", "a", "statement"]:  # "the county in a statement"
        words = words[:-3]
    if not words or len(words) > 10:
        return None
    lowered = [w.lower().strip(",") for w in words]
    if lowered[0] in _OPENING_PREPOSITIONS:
        return None  # "reported on 12 January that ...": a time or a place after the verb, not its source
    if lowered[0] in _PRONOUNS or any(w in _NOT_IN_SOURCE for w in lowered) or _CONTRACTED_PRONOUN.match(lowered[0]):
        return None  # "I'm told that ...": no source is named
    own = next((i for i, w in enumerate(lowered) if w in ("who", "which", "that")), len(lowered))
    if lowered[0] in NOT_SOURCE_OPENERS or any(w in CLAUSE_PASTS or w in SAID_WORDS
                                               for w, word in zip(lowered[:own], words[:own]) if word[:1].islower()):
        return None  # "the water kept rolling in and officials": a clause, not a source
    if strict and any(w.endswith("ed") and "-" not in w and w not in _MODIFIERS_ED and not words[i][:1].isupper()
                      for i, w in enumerate(lowered)):
        return None  # "The troops moved" is a clause, not a source
    head_index = next((i for i, w in enumerate(lowered) if w in _PREPOSITIONS and i > 0), len(words)) - 1
    head = words[head_index].strip(",")
    head_plain = re.sub(r"(?:'s|’s)$", "", head.lower())
    if not any(ch.isalpha() for ch in head):
        return None  # "140,000" is a figure, not a source
    if head_plain in _NOT_HEADS or lowered[-1] in _NOT_HEADS or lowered[-1] in DANGLING_WORDS:
        return None  # "..., asked questions about, does ...": a phrase cut before its object is no source
    # A name or a known source noun heads the phrase; after "said", "told" and "according to"
    # (verbs that only report speech) any noun will do: "the coast guard said".
    if not (head[:1].isupper() or re.match(r"(?:al|el|bin|ibn|de|van|von)-?[A-Z]", head) or head[:1].isdigit()
            or head_plain in SOURCE_NOUNS
            or (loose and head_plain.replace("-", "").isalpha())):
        return None
    if lowered[0] in _POSSESSIVES and head_plain not in SOURCE_NOUNS:
        return None
    sentence_start = sentence[:at].strip(" \"“‘(") == ""
    first = words[0]
    following = words[1] if len(words) > 1 else ""
    if first[:1].isupper() and first.lower() in _COMMON_OPENERS and (sentence_start or first in ("The", "A", "An")) \
            and (first in ("The", "A", "An") or not following or following[:1].islower()):
        # "Witnesses said", "The county said", "Two volunteers told": capitalised only because
        # they open the sentence; "Fire Chief Dana Ruiz" keeps its title.
        words[0] = first.lower()
    elif first.lower() in _POSSESSIVES:
        words[0] = first.lower()  # "His lawyers said": in a line of its own, "(according to his lawyers)"
    return " ".join(words).rstrip(",")


_MODIFIERS_ED = frozenset(["unnamed", "retired", "elected", "armed", "united", "detained", "injured", "displaced", "concerned", "trained"])
