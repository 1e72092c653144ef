"""Boilerplate and noise in scraped news text: what must never become an event.

Scraped articles carry page furniture around the story: reader-comment sections ("Posted by:
jdoe | May 28, 2009 7:15 PM | Report abuse"), invitations to comment, broadcast notes ("Today
is broadcast live on BBC Two"), bylines and credit lines ("(Reporting by ...; Editing by ...)"),
player and cookie notices, navigation ("Back to top", "Read + | Watch + | Talk +"), and wire
datelines glued to the first sentence ("LONDON | Tue Apr 28, 2009 9:03 pm BST LONDON (Reuters) -").

This module is the one list of page furniture. ``LINE_START`` (a line or sentence that *opens*
with a copyright, subscription, byline or credit marker) is used twice: ``dedupe`` blanks such
lines before anything is read (``boilerplate_lines``), and ``is_noise`` drops a sentence that
opens with one; ``_NOISE_PATTERNS`` are the families found anywhere in a sentence.

``clean_span`` is the one entry point for sentences: it drops a sentence that is noise and cuts the headline,
bullets, byline and stamp off a first sentence that carries the story after its dateline, and a
fact box's capitalised heading off the sentence it is glued to (else the heading's words become
part of the sentence's source: "STATEMENT BY ... JACKSON"), and, on an article's first sentence,
a caption or Title Case headline run into it without punctuation (``glued``, by the article's own
casing), returning offsets into the original text so the evidence stays verbatim. The rules are patterns over families of page furniture, written by hand
because the libraries that remove boilerplate (trafilatura, justext) work on HTML structure,
which these plain texts no longer have. Pure and linear; no corpus statistics, so one article
is cleaned the same way alone or in a batch of thousands.
"""
from __future__ import annotations

import re
from timeline.lang.en import dates as calendar
from functools import lru_cache

from timeline.temporal.triggers import fold, meets, required_sets
from timeline.temporal.factored import factored
from timeline.text.glued import caption_cut, title_cut

_MONTH = calendar.STAMP_MONTH
_WEEKDAY = calendar.STAMP_WEEKDAY
_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|BST|UTC|EST|EDT|CST|CDT|PST|PDT|ET|CET))?"

# A whole sentence that is page furniture. Each family is one alternation, case-insensitive.
_NOISE_PATTERNS = [
        # reader comments and invitations to comment
        r"\bposted by\s*:", r"\breport abuse\b", r"\bcomplain about this comment\b", r"\bcomment number \d+",
        r"\byour comments?\b.*\b(?:published|edit)", r"\b(?:leave|post|add|send us) (?:a |your )?comments?\b",
        r"\bcomment on this (?:blog|story|article|post)", r"\bthe comments to this entry are closed\b",
        r"\bwe welcome comments\b", r"\bviews expressed in the comments\b", r"\bshare your (?:thoughts|views|experiences?)\b",
        r"\btell us (?:your|about your) (?:experiences?|story|views)", r"\bfill(?:ing)? in the form\b",
        r"\bthank you for (?:contributing|your comments)\b", r"\bhave you been affected by\b",
        r"\bdo you know (?:someone|anyone) (?:who|affected)", r"\bnot all (?:e-?mails|comments) will be published\b",
        r"\bdisplaying your name and location\b", r"\bget involved\b.*\bcomment",
        # a live page's banner: "As it happened: Haiti earthquake 13 Jan Live coverage following ..."
        r"^as it happened\b", r"\b\d{1,2} \w{3,9}\.? live coverage\b",
        # broadcast and programme notes
        r"\b(?:is|are|will be) (?:broadcast|shown|screened|aired) (?:live )?(?:on|at)\b", r"\bbroadcast live\b",
        r"\blisten again\b", r"\bwatch (?:it )?again\b", r"\bon (?:bbc|itv|channel) (?:one|two|three|four|1|2|3|4)\b.*\b\d{1,2}[:.]?\d{0,2}\s*[ap]m\b",
        # players, scripts, cookies, feeds, subscriptions
        r"\bjavascript\b", r"\bflash player\b", r"\bthis (?:media|video|content) is not available\b",
        r"\bto play this (?:content|video)\b", r"\bcookies?\b.*\b(?:accept|enable|policy)\b", r"\bvia rss\b",
        r"\bthese feeds\b", r"\bsubscribe (?:now|to (?:our|the|this) (?:\w+ )?(?:newsletter|feed|blog|podcast|channel))\b",
        r"\bsign up (?:for|to) (?:our|the)\b", r"\bnewsletter\b",
        r"\bdelivered to your inbox\b", r"\bfollow us on\b", r"\bclick (?:here|through)\b", r"\bfor full instructions\b",
        r"\bsee instructions for\b", r"\byour twitter account\b", r"\bour (?:\w+ )?twitter page\b",
        # bylines, credits, contact lines, copyright (lines opening with one: LINE_START)
        r"\bediting by\b",
        r"\bcontributed (?:reporting )?to this (?:report|story|article)\b", r"\bcopyright (?:©|\(c\)|\d{4})",
        r"\ball rights reserved\b", r"\bthis comment (?:was|has been) removed\b", r"\bbroke the house rules\b",
        r"©", r"\b(?:e-?mail|his|her) (?:e-?mail )?address is\b", r"[\w.+-]+@[\w-]+\.[\w.]+",
        r"^the writer is\b", r"^by [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\s*(?:[,|]|$)",
        r"\bthis article appeared on p\d+", r"\bthis blog covers\b", r"\bthis is my blog\b",
        # an editor's note about the page itself, not the story ("This article was amended on Friday
        # 29 May 2009", "Note: The photograph on this page was updated in 2011", "An earlier version of
        # this story misidentified ..."): its date is the page's, never a happening's. "This report was
        # updated" stays (a report is often the story's subject: a UN report, a police report)
        r"\bthis (?:article|story|page|post|blog post)(?:,[^,]{1,60},)? (?:was|has been|had been) (?:updated|amended|corrected|edited|changed)\b",
        r"\b(?:photograph|photo|picture|image|video|caption|headline)s? on this page\b",
        r"\ban earlier version of this (?:article|story|page|post|report)\b",
        # navigation and page chrome
        r"\bback to top\b", r"\bread \+ \|", r"\bwatch \+ \|", r"\bmost (?:popular|read|viewed|e-?mailed)\b",
        r"\brelated (?:stories|articles|links)\b", r"\bprint this (?:page|article)\b", r"\be-?mail this (?:to a friend|article)\b",
        # a news aggregator's link list: "Headline - 8 hrs ago STV", "... - 50 mins ago Times Online"
        r"\s[-–—]\s?\d{1,3}\s(?:hrs?|mins?|hours?|minutes?)\sago(?:\s+(?-i:[A-Z])|\s*\.?\s*$)",
        r"^page \d+ of \d+\b", r"^(?:next|previous) page\b", r"^(?:home|news|sport)\s*\|",
        # an embedded social post's signature: "🔥🔥🔥 — House Judiciary GOP (@JudiciaryGOP) March 21,
        # 2023", "“We don't think ...” -@Jim_Jordan": the page shows a post, its date is the post's
        rf"\(@\w{{1,30}}\)\s+{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}\s*$", r"(?:^|\s)[-–—]\s?@\w{1,30}\s*$",
        # a picture's caption: a noun phrase, no verb of its own ("Satellite image of Port-au-Prince,
        # Haiti taken on 13 January"; "Images of the palace showed ..." is reporting and stays)
        r"^(?:(?:satellite|aerial|file|handout|undated|an?|the)\s+){0,2}(?:image|photo(?:graph)?|picture)s?\s+"
        r"(?:of|from)\s(?:(?!\b(?:shows?|showed|shown|was|were|is|are|has|have|had|will|would)\b)[^.;])*\btaken"
        r"(?:\s+(?:on|in|at|during|the|of|(?-i:[A-Z0-9])[\w,'’-]*))+\s*\.?\s*$",
]
# A line (dedupe) or sentence (is_noise) that opens with one of these is furniture, not reporting.
LINE_START = re.compile(
    r"^\s*\(?\s*(?:©|\(c\)\s|copyright\b|all rights reserved|advertisement\s*$|sponsored\b|subscribe\b|sign up\b|"
    r"follow (?:us|the [\w ]+?|[\w ]+?) on\b|read more\b|click here\b|share this\b|related:|related articles?\b|"
    r"this (?:article|story) (?:was|first) (?:originally )?(?:published|appeared)\b|distributed by\b|"
    r"(?:(?:additional )?(?:reporting|writing|editing)|compiled|edited) by\b|download (?:our|the) app\b|"
    r"(?:image|photo|video)(?: credit)?:|get (?:our|the) newsletter\b|(?:watch|listen|play|audio)(?: now| again)?:)",
    re.IGNORECASE,
)
# One pattern each (a single alternation of all of them is ~10x slower in Python's engine).
_NOISE = [re.compile(p, re.IGNORECASE) for p in _NOISE_PATTERNS]
# each with the literals every match of it needs (``triggers.required_sets``): a sentence that
# passes the ``_KEYS`` test ("commented", "@") is searched only with the patterns it can match
_NOISE_NEEDS = [(p, required_sets(p)) for p in _NOISE]

# A publication stamp or wire dateline inside a sentence: the headline, bullets and byline glued
# before it are page furniture and the story starts after it ("Cabin crew member in hospital ...
# Saturday 25 April 2009 22.09 BST A member of cabin crew was taken to hospital ...").
_STAMP = re.compile(
    rf"{_WEEKDAY},?\s+{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}[;,]?\s+{_CLOCK}"
    rf"|{_WEEKDAY},?\s+\d{{1,2}}\s+{_MONTH},?\s+\d{{4}},?\s+{_CLOCK}(?:\s+\d{{1,2}}:\d{{2}}\s+UK\b)?"
    # a blog post's stamp: "Rajan Datar | 10:57 UK time, Friday, 22 January 2010"
    rf"|{_CLOCK}\s+(?:UK|local)\s+time,?\s+{_WEEKDAY},?\s+\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    r"|\((?:Reuters|AP|AFP|Bloomberg|PA|UPI|dpa)\)\s*[-–—]+"
    # a newspaper's dateline: "MOSCOW, Oct. 6--", "SAO PAULO, Brazil, Nov. 8--"
    rf"|\b[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s+{_MONTH}\s+\d{{1,2}}\s*(?:--|—)"
    # "Page last updated at 07:48 GMT, Tuesday, 8 November 2011"; "6 January 2011 Last updated at
    # 04:46 GMT Help" (the later BBC page, its "Help" link glued on)
    rf"|[Ll]ast updated at\s+{_CLOCK}(?:,?\s+{_WEEKDAY},?\s+\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})?(?:\s+Help\b)?"
    # "Last updated: 14 January, 2010 - 17:26 GMT" (the older BBC page)
    rf"|[Ll]ast updated:\s+\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\s*[-–—]\s*{_CLOCK}"
)
# A fact box's or panel's capitalised heading glued before the next sentence ("STATEMENT BY
# JERMAINE AND RANDY JACKSON "Today's press conference ..."): three or more all-capital words
# (12+ letters: "US FDA" or "AIG CEO" are names, not a heading) before a sentence's first word.
_CAPS_HEAD = re.compile(r"(?:[A-Z][A-Z'’&.-]*[ ,:;]+){3,}(?=[\"“‘]|[A-Z][a-z])")
_CAPS_LETTERS = 12
# A headline glued before an article's first sentence with no stamp between ("Wiltshire
# Rotarians to help Haiti The devastating effects ..."; "Swine flu: how the strain spread around
# the world The WHO has ..."): within the first 20 words, a sentence-opening pronoun or "The",
# capitalised after a word with no punctuation and followed by a lower-case word ("The Hague",
# "The New York Times" are not openers; "A" is left out: "influenza A virus"). Only at the very
# start of a text.
_GLUED_HEADLINE = re.compile(
    r"^(?:\S+\s+){1,19}?(?<=[\w)]\s)((?:The|It|He|She|They|We|There|This|These|Those)\s+(?=[a-z]))"
    # after a headline's colon ("Haiti earthquake: Aid outside Port-au-Prince An estimated 200,000
    # people died ..."), "A" or "An" opens the story too: the colon is a headline's, not a sentence's
    r"|^[^:.!?]{2,60}:\s(?:\S+\s+){0,11}?[A-Z0-9][\w-]*\)?\s((?:An?)\s+(?=[a-z]))"
)
_MIN_STORY_WORDS = 6
# photo credits opening a caption: "(AP Photo\/Jeff Pachoud, Pool)", "(Charles Dharapak - AP)",
# "(By Ariana Cubillos--Associated Press)", "(Daniel Acker - Bloomberg News)"
_PHOTO_CREDITS = re.compile(
    r"^(?:\s*\((?:[^()]{0,40}\bPhoto\b[^()]{0,60}|By [^()]{1,60}--[^()]{1,40}|[^()]{1,60} - (?:AP|Reuters|AFP|EPA|Getty "
    r"Images|Bloomberg News|Associated Press|The Washington Post|Pool))\))+\s*")
# a picture's caption and its credit run into the next sentence, one line on the page ("Eateries
# are closed Photograph: Ann Lee\/Reuters Two new cases ..."): the credit's agency ends the caption
_CAPTION_CREDIT = re.compile(r"(?:^|(?<=\s))Photograph:\s[^.\n]{1,80}?(?:\\?/|\s)(?:AP|AFP|Reuters|PA|EPA|Getty [Ii]mages"
                             r"|Rex(?: Features)?|Corbis|Alamy|Bloomberg|Xinhua)\s+(?=[A-Z\"“‘])")
# a page header's date at the very start of a text, before the story's first (capitalised) word
_HEADER_DATE = re.compile(rf"^(?:\S+\s+){{0,8}}?{_WEEKDAY},?\s+\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?\s+(?=[A-Z])")
# What may follow a stamp before the story: "LONDON (Reuters) - ", "| "
_AFTER_STAMP = re.compile(
    r"^\s*(?:\|\s*)?(?:[A-Z][A-Z .,'/\\-]+(?:,\s*\w+\.? \d+)?\s*(?:\((?:Reuters|AP|AFP|Bloomberg|PA|UPI|dpa)\))?\s*[-–—]+\s*)?"
)
_MIN_WORDS = 4
# Speed: one big case-insensitive alternation searched at every position of every sentence
# cost more than the date tagger on a 1,500-article story. Every _NOISE pattern contains one of
# these literals (or is anchored at the start, cheap to match), so a substring test decides
# first and the regex only confirms; likewise a stamp needs a clock time or a wire name.
_KEYS = ("as it happened", "live coverage", "posted by", "abuse", "comment", "share your", "tell us", "in the form", "thank you for",
         "have you been affected", "do you know", "will be published", "displaying your", "broadcast", "shown on",
         "shown at", "screened", "aired on", "aired at", "listen again", "watch again", "on bbc ", "on itv",
         "on channel", "javascript", "flash player", "not available", "to play this", "cookie", "via rss",
         "these feeds", "subscribe", "sign up", "newsletter", "inbox", "follow us", "click here", "click through",
         "instructions", "twitter account", "twitter page", "editing by", "contributed", "copyright",
         "rights reserved", "©", "address is", "@", "article appeared", "this blog covers", "this is my blog",
         "this article", "this story", "this page", "this post", "this blog post", "on this page", "earlier version", " ago", "back to top", "+ |", "house rules", "most popular", "most read", "most viewed", "most e", "related stories",
         "related articles", "related links", "print this", "mail this", "taken")
# A fact box flattened into a sentence: two or more "Label:" fields ("Born: August 29, 1958, Gary,
# Indiana Also known as: The King of Pop Biggest hits: ..."), the first opening the sentence;
# prose quotes with one colon, and names a film in the middle ("Robin Hood: Prince of Thieves").
_FACT_FIELD = re.compile(r"(?:^|(?<=\s))[A-Z][a-z]+(?:\s[a-z]+){0,2}:\s")
_SPOKEN_LABEL = factored(re.compile(r"\b(?:said|says|added|adds|told|tells|wrote|writes|explained|warned|asked|stated)\b",
                                    re.IGNORECASE))  # "He added: ...": speech, not a field
_ANCHORED_HINT = factored(re.compile(r"\(?(?:the writer|by |page |next |previous |home|news|sport)", re.IGNORECASE))
# (opening on the class of its first characters, each branch then checks its own: the regex
# engine skips to a digit or a parenthesis instead of trying every branch at every position)
_STAMP_HINT = re.compile(r"[\d(](?:(?<=\d)[:.]\d\d|(?<=\()(?:Reuters|AP|AFP|Bloomberg|PA|UPI|dpa)\)|(?<=\d)\s*(?:--|—))")


# A live page's entry stamp: a 24-hour time before the entry's first word ("2142 US Secretary of
# State Hillary Clinton says ...", "... for treatment 1541 President Barack Obama says ...").
# Only at a sentence's start, and only on a page with several (a year such as "2010" reads as a
# time too: "the 2004 Evening Standard awards", "at 1530 EST" are not stamps).
_LIVE_STAMP = re.compile(r"(?:^|(?<=[.!?\"”)]\s)|(?<=[.!?\"”)]\s\s)|(?<=\n))(?:[01]\d|2[0-3])[0-5]\d\s+(?=[A-Z])")
_LIVE_ENTRY = re.compile(r"(?:^|(?<=\s))(?:[01]\d|2[0-3])[0-5]\d\s+(?=[A-Z])")
_LIVE_PAGE_STAMPS = 5  # a timeline of years ("... cardiology. 2000 Dr Murray opens a practice") has a few


# A live stamp without its lookbehind: a run of four digits, spaces, a capital. Two such runs
# never overlap (the digits end at the space), so a text with fewer than five has fewer than
# five live stamps; this pattern opens with a digit class, which the regex engine skips to fast.
_LIVE_STAMP_BODY = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d\s+(?=[A-Z])")


@lru_cache(maxsize=4096)
def _is_live_page(text: str) -> bool:
    """Whether ``text`` is a live page: five or more entry stamps (cached: asked per sentence,
    by the engine, verify and select in turn; 32 entries made it three scans per article)."""
    count = 0
    for _ in _LIVE_STAMP_BODY.finditer(text):  # every live stamp is one of these (see above)
        count += 1
        if count >= _LIVE_PAGE_STAMPS:
            break
    else:
        return False
    count = 0
    for _ in _LIVE_STAMP.finditer(text):
        count += 1
        if count >= _LIVE_PAGE_STAMPS:
            return True
    return False


@lru_cache(maxsize=4096)
def _keys_in(text: str) -> tuple[str, ...]:
    """The ``_KEYS`` that occur in ``text`` lower-cased: a key absent from a text is absent from
    each of its sentences (``str.lower`` maps characters one by one but for the Greek final
    sigma, which no key holds), so a sentence is tested for these only (cached per text, as
    ``_is_live_page``)."""
    low = text.lower()
    return tuple(k for k in _KEYS if k in low)


def is_noise(sentence: str) -> bool:
    """True when ``sentence`` is page furniture (comments, broadcast notes, bylines, navigation)."""
    return _is_noise(sentence, _KEYS)


def _is_noise(sentence: str, keys: tuple[str, ...]) -> bool:
    """``is_noise`` with the ``_KEYS`` that may occur in the sentence (``_keys_in`` its text)."""
    if LINE_START.match(sentence):
        return True
    if sentence.count(":") >= 2:
        first = _FACT_FIELD.match(sentence)
        if first and not _SPOKEN_LABEL.search(first.group()) and len(_FACT_FIELD.findall(sentence)) >= 2:
            return True
    if keys:
        low = sentence.lower()
        hit = any(k in low for k in keys)
    else:
        hit = False
    if not hit and not _ANCHORED_HINT.match(sentence):
        return False
    folded = fold(sentence)
    return any(p.search(sentence) for p, needs in _NOISE_NEEDS if not needs or meets(needs, folded, 0, len(sentence)))


_LEADING_SPACE = re.compile(r"\s*")
# a teaser's link closing its line: a newsletter's or a section page's list of other stories
_TEASER_TAIL = re.compile(r"[ \t]*(?:\(?(?i:continue\s+reading|read\s+more|read\s+the\s+full\s+story|full\s+story)"
                          r"\)?\s*(?:…|\.\.\.|»|>>|→)?[ \t]*(?:\n|$))")


def _glued_cuts(text: str, start: int, end: int) -> int:
    """Where the story's own words begin in an article's first sentence ``text[start:end]``: after
    each headline, caption or byline glued before it (at most three: a headline, then a caption,
    then a byline), each cut by ``_GLUED_HEADLINE`` (a sentence-opening word) or
    ``glued.caption_cut`` (a capitalised common word after a clause, by the article's casing)."""
    start = title_cut(text, start, end)  # "Bush Calls Bailout Vital to Economy, Will Meet With ... President Bush said"
    for _ in range(3):  # a headline, then a caption: "Haiti earthquake: many feared dead The
        # earthquake is the worst to hit Haiti in 200 years There are reports of ..."
        sentence = text[start:end]
        glued = _GLUED_HEADLINE.search(sentence)
        cut = glued.start(1) if glued and glued.group(1) else glued.start(2) if glued else 0
        if glued and len(sentence[cut:].split()) >= _MIN_STORY_WORDS:
            start += cut
            continue
        after = caption_cut(text, start, end)
        if after == start:
            break
        start = after
    return start


@lru_cache(maxsize=8192)
def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``text[start:end]`` without a noise prefix, or None when the sentence is noise.

    The returned offsets index ``text`` exactly (evidence stays verbatim); a sentence left with
    fewer than four words once its prefix is trimmed is dropped too. Cached: the offline engine
    cleans each sentence it proposes and verify asks again for the same sentence (issue 26: 19,308
    of 52,538 calls on the 1,025-article story); the article texts it keeps are alive anyway.
    """
    if _TEASER_TAIL.match(text, end):
        return None  # "END OF COVID? - The WHO predicts ... Continue reading…": a link's teaser, not reporting
    sentence = text[start:end]
    stamps = list(_STAMP.finditer(sentence)) if _STAMP_HINT.search(sentence) else []
    if _is_live_page(text):  # on a live page, an entry may be glued after the last one's words
        stamps += list(_LIVE_ENTRY.finditer(sentence))
        stamps.sort(key=lambda m: m.end())
    first = _LEADING_SPACE.match(text).end() >= start  # type: ignore[union-attr]  # always matches; not text[:start].strip(), which copied the text up to every sentence (quadratic on a long article)
    if stamps:
        cut = stamps[-1].end()
        cut += _AFTER_STAMP.match(sentence[cut:]).end()  # type: ignore[union-attr]  # always matches
        start += cut
        while start < end and text[start].isspace():
            start += 1
        sentence = text[start:end]
        if len(sentence.split()) < _MIN_WORDS:
            return None
        if first:  # "Page last updated at ... 2011 Newsbeat US reporter in Los Angeles It had just gone 11am ..."
            start = _glued_cuts(text, start, end)
            sentence = text[start:end]
    elif first:
        dated = _HEADER_DATE.match(sentence)
        if dated and len(sentence[dated.end():].split()) >= _MIN_STORY_WORDS:
            # "Haiti earthquake: Your stories Friday 15 January Up to 10,000 troops ...": the
            # page's header and its date; the story starts after them
            start += dated.end()
            sentence = sentence[dated.end():]
        if _GLUED_HEADLINE.search(sentence) and _is_noise(sentence, _keys_in(text)):
            return None  # an editor's note ("Note: The photograph on this page was updated in 2011 A ...")
        start = _glued_cuts(text, start, end)
        sentence = text[start:end]
    caption = _CAPTION_CREDIT.search(sentence)
    if caption and len(sentence[caption.end():].split()) >= _MIN_WORDS:
        start += caption.end()  # "... Photograph: Ann Lee/Reuters Two new cases ...": the caption ends at its credit
        sentence = sentence[caption.end():]
    credit = _PHOTO_CREDITS.match(sentence)
    if credit and len(sentence[credit.end():].split()) >= _MIN_WORDS:
        start += credit.end()  # "(AP Photo/Charles Dharapak) (Charles Dharapak - AP) President Bush pauses ..."
        sentence = sentence[credit.end():]
    head = _CAPS_HEAD.match(sentence)
    if head and sum(ch.isalpha() for ch in head.group()) >= _CAPS_LETTERS:
        rest = sentence[head.end():]
        if len(rest.split()) < _MIN_WORDS:
            return None  # the heading alone, or with a fragment
        start += head.end()
        sentence = rest
    if _is_noise(sentence, _keys_in(text)):
        return None
    return start, end


# Reader comments, one stamp per comment. Two families: the stamp opens the comment (BBC "Have
# Your Say": "Added: Tuesday, 19 January, 2010, 18:16 GMT 18:16 UK Good comments so far."), or
# closes it ("... the money goes to China!!! Posted by: knjincvc | February 2, 2009 3:35 PM |
# Report abuse"). Two stamps of one family make a comment section; it runs to the end of the text.
_COMMENT_OPENS = re.compile(rf"\bAdded:\s+{_WEEKDAY},?\s+\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
                            # a blog's comment: "At 9:06 pm on 17 Jun 2009, CuriousAddition wrote:"
                            rf"|\bAt\s+\d{{1,2}}[:.]\d{{2}}\s*[ap]\.?m\.?\s+on\s+\d{{1,2}}\s+{_MONTH}\s+\d{{4}},\s+\S{{1,40}}\s+wrote:")
_COMMENT_CLOSES = re.compile(r"\bPosted by:?\s+[^|\n]{1,80}\|", re.IGNORECASE)
# the post's own byline stamp, after which the first comment starts: "By Dan Froomkin | February 2,
# 2009; 1:40 PM ET We can recoup ..." (a blog page puts it at the end of the post)
_POST_BYLINE = re.compile(rf"\bBy [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){{0,3}}\s*\|\s*{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
                          r"[;,]?\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+(?:ET|EST|EDT|GMT|BST|UTC|PT|PST|PDT|CT|CST|CDT)\b)?")


def comment_section(text: str) -> tuple[int, int] | None:
    """(start, end) of the readers' comments at the end of a page, or None.

    Readers' comments are not reporting: their claims and dates are nobody's account of the
    story (a comment stamped 19 January became a "key date" of a real story). A single stamp
    is not enough (a story may quote "posted by" once); two of one family are a thread.
    """
    opens = _COMMENT_OPENS.search(text)
    if opens and _COMMENT_OPENS.search(text, opens.end()):
        return opens.start(), len(text)
    closes = _COMMENT_CLOSES.search(text)
    if closes and _COMMENT_CLOSES.search(text, closes.end()):
        bylines = [m for m in _POST_BYLINE.finditer(text, 0, closes.start())]
        start = bylines[-1].end() if bylines else text.rfind("\n", 0, closes.start()) + 1
        return start, len(text)
    return None


def boilerplate_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that opens with page furniture (``LINE_START``), and of the
    readers' comment section (``comment_section``): ``dedupe`` blanks them before comparing
    texts and before anything is read."""
    spans = []
    offset = 0
    comments = comment_section(text) if ("Added:" in text or "osted by" in text or " wrote:" in text) else None
    for line in text.split("\n"):
        if comments and offset >= comments[0]:
            break
        if line.strip() and LINE_START.match(line):
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    if comments:
        spans.append(comments)
    return spans
