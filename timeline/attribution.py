"""Who says so: find the source a sentence attributes its claim to.

Rules, not a model: news attribution is formulaic ("according to X", "X said", "reports
from X stated"), and a rule that misses is visible and fixable, which is what a briefing
that promises neutrality needs.
"""
from __future__ import annotations

import re

_VERBS = (
    r"said|says|say|reported|reports|report|declared|declares|claimed|claims|claim|stated|states|"
    r"confirmed|confirms|announced|announces|told|acknowledged|acknowledges|vowed|vows|denied|"
    r"denies|deny|described|describes|insisted|insists|warned|warns|alleged|alleges|accused|"
    r"accuses|estimated|estimates|added|noted|wrote|tweeted|argued|argues"
)
# A source: up to six words, starting with "the", a capital, or a known collective noun.
_SOURCE_NOUNS = (
    r"rescue workers|residents|officials?|witnesses|activists|sources?|police|doctors|medics|rebels|insurgents|"
    r"agency|ministry|military|army|government|authorities|spokes(?:man|woman|person)|analysts|experts|"
    r"investigators|prosecutors|statement|department|office|service|council|committee|commission|group|media|"
    r"observatory|monitors?|organi[sz]ation|board|court"
)
_LEADING_COMMON = re.compile(rf"^(?:{_SOURCE_NOUNS})$", re.I)
# A source: "the" or a capitalised name, or up to two lower-case modifiers before a source
# noun ("the fire department", "the state news agency"), then up to six more name words.
_NOUN_PHRASE = (
    r"(?:[Tt]he |[Aa] |[Aa]n )?(?:[A-Z][\w’'.-]*|(?:[a-z][\w-]* ){0,2}(?:" + _SOURCE_NOUNS + r"))"
    + r"(?:[ -](?:[A-Z][\w’'.-]*|of|and|for|the|al-\w+|army|government|ministry|military|police|forces|officials|spokes(?:man|woman|person)|group|agency|media|sources|workers|council|court|office|authorities|state|news|health)){0,6}"
)

_PATTERNS = [
    re.compile(r"\baccording to (?P<src>[^,.;:\n]+)"),
    re.compile(r"\breports? from (?P<src>[^,.;:\n]+?) (?:stated|said|say|says|suggested|indicated)\b"),
    # "X said": X opens a clause (sentence start, after a comma, quote or conjunction), so
    # "troops moved into the Gulf and said" does not make "the Gulf" a source.
    re.compile(rf"(?:^|(?<=[,;:“\"(‘]\s)|(?<=[“\"(‘])|(?<=\bbut\s)|(?<=\bwhile\s)|(?<=\bthat\s)|(?<=\bMeanwhile,\s))"
               rf"(?P<src>{_NOUN_PHRASE}),?\s+(?:also\s+|later\s+|had\s+|have\s+|has\s+)?(?:{_VERBS})\b"),
    # Inverted: "..., said Kenneth Bacon." (not "told The Associated Press": the teller is the source)
    re.compile(r"\b(?:said|says|reported|added|wrote|noted)\s+(?P<src>(?:[Tt]he )?(?:spokes(?:man|woman|person) |official |officer |minister |president )?[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,4})[,.]"),
    re.compile(r"\b(?:labell?ed|described|designated|considered)\b[^.]*?\bby (?P<src>[^,.;:)\n]+)"),
]
_NOT_SOURCES = {"this", "that", "it", "these", "those", "he", "she", "they", "there", "while", "although", "meanwhile", "in", "on"}


# "declared a state of emergency", "announced a ceasefire": the verb performs an act, it does
# not report a claim, so its subject is an actor rather than a source.
_PERFORMATIVE = re.compile(r"^,?\s*(?:also\s+|later\s+|had\s+|has\s+|have\s+)?(?:declared|declares|announced|announces)\s+(?:a|an)\s")


def find_attribution(sentence: str) -> str | None:
    """The source a sentence cites ("the White Helmets"), or None when it cites none."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            if "src" in match.groupdict() and _PERFORMATIVE.match(sentence[match.end("src"):]):
                continue
            source = _clean(match.group("src"))
            if source:
                return source
    return None


def _clean(source: str) -> str | None:
    source = source.strip(" \"'“”‘’")
    words = source.split()
    while words and words[0].lower() in {"while", "although", "meanwhile", "but", "and", "as"}:
        words = words[1:]
    if not words or words[0].lower() in _NOT_SOURCES or len(words) > 10:
        return None
    if words[0] in ("The", "A", "An") or (len(words) == 1 and _LEADING_COMMON.match(words[0])):
        words[0] = words[0].lower()  # reads right mid-sentence: "according to the Syrian army", "police"
    return " ".join(words)
