"""English time vocabulary: months, weekdays, numbers, ordinals, units, holidays and tense cues.

Everything the grammar needs to know about English words lives here as plain tables; the rules
in ``timeline.temporal.rules`` build their patterns from these tables.
"""
from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# month names that are also common words or names: only read as a month with date evidence
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "dec", "sep", "aug", "oct", "nov"})
# lower-case month abbreviations that are also words, never read as months even beside a number
AMBIGUOUS_ABBREVIATIONS = frozenset({"mar", "dec"})  # "Nothing will mar", cricket scores "500-5 dec"
WEEKDAYS: dict[str, int] = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                            "saturday": 5, "sunday": 6}
# common misspellings of month and weekday names, none of them an English word or a usual name: read as
# the name they misspell ("on Febuary 3", "last Wendesday"); kept apart from MONTHS and WEEKDAYS, which
# other stages list as the calendar's own words
MONTH_MISSPELLINGS: dict[str, int] = {
    "janurary": 1, "januray": 1, "janaury": 1, "febuary": 2, "feburary": 2, "februrary": 2, "febrary": 2,
    "apirl": 4, "augst": 8, "septmber": 9, "setpember": 9, "septemer": 9, "ocotber": 10, "octber": 10,
    "novmber": 11, "noveber": 11, "decmber": 12, "decemer": 12, "dicember": 12,
}
WEEKDAY_MISSPELLINGS: dict[str, int] = {
    "mondy": 0, "teusday": 1, "tuseday": 1, "tuesdy": 1, "wendesday": 2, "wenesday": 2, "wednseday": 2,
    "wedensday": 2, "wensday": 2, "wedesday": 2, "thrusday": 3, "thurday": 3, "thursdy": 3, "firday": 4,
    "fridy": 4, "saterday": 5, "satuday": 5, "saturady": 5, "sundya": 6,
}
# the words before a day-month written in numbers with no year ("due 24/04", "on 13/03", "until 31/01",
# "dated 14/07"): only after one of them is "13/12" a date and not a ratio, a score or a fraction
NUMERIC_DAY_LEADS = frozenset("""on by until till from since before after due dated deadline posted arrived
shipped ends end close closes closed opens opened sale began begins starts started effective
issued signed filed received sent delivered returned paid""".split())
# after "In 2005, ..." these words move the sentence to another time, so a bare month after them is
# not in that year ("In 2005 it lost $1.6 billion and recently reported a decline for July")
FRONTED_YEAR_BREAKS = ("recently", "lately", "now", "today", "currently", "since", "later", "afterwards",
                       "subsequently", "ago", "yesterday", "tomorrow", "meanwhile", "this year", "last year",
                       "next year", "this month", "last month", "next month", "this week", "last week", "next week")
# after a day-month in numbers, words that make it a fraction or an amount ("by 1/4 pct", "opened 1/4
# lower", "3/4 cts per pound")
NUMERIC_DAY_NOT_BEFORE = frozenset("""pct percent percentage point points cts cents dlrs dollars lower higher up down
stronger weaker easier firmer mln billion to of inch inches mile miles cup cups share shares odds""".split())
# a weekday before one of these, capitalised, names a newspaper ("Sunday Times reported", "the Sunday
# Telegraph"), not a day (not after "on", "by", "since", "last"...: "on Sunday Post Office staff")
NEWSPAPER_WORDS = frozenset("""Times Telegraph Mirror Express Herald Post Tribune Independent Mail Star Sport Record
Observer""".split())
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2,
    "half a": 0, "half an": 0,
}
VAGUE_QUANTITIES = frozenset({"a few", "few", "several", "many", "some"})
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4, "5th": 5,
}
# ordinal words for the day of a month ("the third of April", "the twenty-first of May")
_ORDINAL_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_DAYS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_ORDINAL_UNITS)},
    **{w: i + 10 for i, w in enumerate(("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                        "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"))},
    **{f"twenty-{w}": 21 + i for i, w in enumerate(_ORDINAL_UNITS)},
    "thirtieth": 30, "thirty-first": 31,
}
# shorthand for the days next to today, as messages and notes write them ("see you tmrw", "called yest.")
RELATIVE_DAY_SHORT: dict[str, int] = {"tmrw": 1, "tmw": 1, "tomoz": 1, "yest": -1, "yday": -1, "tonite": 0, "tonght": 0}
# words before a year-first number that make it a release's number, not a date ("version 2023.10.01")
VERSION_WORDS = frozenset({"version", "ver", "v", "build", "firmware", "revision", "rev", "patch", "release-", "sdk",
                           "api", "os", "ios", "android", "edition"})
# words before a weekday that make it a named day, not this week's ("Black Monday", "Cyber Monday")
WEEKDAY_NAME_PREFIXES = ("Black", "Cyber", "Blue", "Bloody", "Manic", "Giving", "Good", "Holy", "Ash", "Palm", "Maundy",
                         "Easter", "Whit", "Shrove")  # a holiday's name: the holiday rule reads it, or nothing does
# words right before a bare weekday that make it a deadline, the coming one ("by close of business
# Friday", "EOD Tuesday")
DEADLINE_WORDS = ("end of day", "end of business", "close of business", "close of play", "end of play", "eod", "cob",
                  "eob", "no later than", "not later than", "deadline")
# a wish opening its clause before a weekday or holiday: no date ("Happy Friday!", "Merry Christmas")
GREETING_WORDS = ("Happy", "Merry", "happy", "merry", "HAPPY", "MERRY")
# prepositions before an article-less "end of month", "start of year" that make it a time
# ("by end of month"); without one ("end of year exams") it may be any year's
DEADLINE_PREPOSITIONS = frozenset("by at before until till from since around near toward towards after".split())
# words before "to/until/for" + a day that move a happening to a new date, which in news is ahead
# ("the match has been moved to Sunday", "the vote was pushed back to Friday")
RESCHEDULE_VERBS = ("moved", "postponed", "rescheduled", "pushed back", "put back", "brought forward", "delayed",
                    "deferred", "shifted", "switched", "bumped")
# words that may follow "June twelfth" (an ordinal word right after a month, no "the"): any other
# word makes the ordinal another noun's ("in August second quarter results")
ORDINAL_DATE_FOLLOWERS = frozenset("at in on and or to when from until till through by before after this next last "
                                   "of".split())
# weekday abbreviations that are also words: read as days only after a word that takes a day
WEEKDAY_ABBR_WORDS = frozenset({"sat", "sun", "mon", "wed"})
LAST_ORDINALS = frozenset({"last", "final"})
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNIT_ABBREVIATIONS = {"yr": "year", "yrs": "year", "wk": "week", "wks": "week", "hr": "hour", "hrs": "hour",
                      "min": "minute", "mins": "minute"}  # "next yr", "2 yrs ago"
UNITS_IN_DAYS: dict[str, int] = {"day": 1, "night": 1, "week": 7, "fortnight": 14}
SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
SPOKEN_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
                "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
SPOKEN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
               "eighty": 80, "ninety": 90}
CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}
# Decades named in words: "the nineties". "the twenties" and "the tens" are left out (1920s or
# 2020s: the word alone does not say which century).
DECADE_WORDS = {"thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960, "seventies": 1970,
                "eighties": 1980, "nineties": 1990, "noughties": 2000}
# Words before "the nineties" in the same sentence that make it a temperature or a score, not a decade.
DECADE_NOT_AFTER = ("temperature", "temperatures", "degrees", "highs", "lows", "high", "low", "fahrenheit",
                    "celsius", "mercury", "thermometer", "heat", "score", "scores", "scored", "percent", "mph",
                    "weather", "forecast", "temps", "cooler", "warmer", "meteorologist", "readings", "wind chill")
# Units an elliptical "last" may stand for: "more this year than last", "the same this month as last".
ELLIPTICAL_LAST_UNITS = ("year", "month", "week")

# Holidays on a fixed month and day.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "boxing day": (12, 26),
    "new year's eve": (12, 31), "new year's day": (1, 1), "independence day": (7, 4),
    "the fourth of july": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4), "july 4th": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14), "bastille day": (7, 14), "armistice day": (11, 11),
    "veterans day": (11, 11), "veterans' day": (11, 11), "st. patrick's day": (3, 17),
    "saint patrick's day": (3, 17), "juneteenth": (6, 19), "may day": (5, 1), "flag day": (6, 14),
    "groundhog day": (2, 2), "remembrance day": (11, 11), "canada day": (7, 1), "australia day": (1, 26),
    "xmas": (12, 25), "xmas day": (12, 25), "xmas eve": (12, 24), "new years eve": (12, 31), "new years day": (1, 1),
    # as everyday writing spells them: no full stop after "St", no apostrophe
    "st patrick's day": (3, 17), "st patricks day": (3, 17), "st. patricks day": (3, 17),
    "saint patricks day": (3, 17), "valentines day": (2, 14),
    # British, Irish, Australian and other national days and nights
    "burns night": (1, 25), "bonfire night": (11, 5), "guy fawkes night": (11, 5), "guy fawkes day": (11, 5),
    "st andrew's day": (11, 30), "st. andrew's day": (11, 30), "saint andrew's day": (11, 30),
    "st david's day": (3, 1), "st. david's day": (3, 1), "saint david's day": (3, 1),
    "st george's day": (4, 23), "st. george's day": (4, 23), "saint george's day": (4, 23),
    "hogmanay": (12, 31), "april fools' day": (4, 1), "april fool's day": (4, 1), "april fools day": (4, 1),
    "earth day": (4, 22), "cinco de mayo": (5, 5), "anzac day": (4, 25), "waitangi day": (2, 6),
    "all saints' day": (11, 1), "all saints day": (11, 1), "all souls' day": (11, 2), "all souls day": (11, 2),
}
# Holidays on the n-th (or last, -1) weekday of a month: (month, weekday, n).
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1), "labour day": (9, 0, 1), "martin luther king day": (1, 0, 3),
    "martin luther king jr. day": (1, 0, 3), "mlk day": (1, 0, 3), "presidents day": (2, 0, 3),
    "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2), "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3), "super bowl sunday": (2, 6, 2), "mothers day": (5, 6, 2), "fathers day": (6, 6, 3),
    "martin luther king jr day": (1, 0, 3),
    "remembrance sunday": (11, 6, 2), "indigenous peoples' day": (10, 0, 2), "indigenous peoples day": (10, 0, 2),
}
# Holidays a fixed number of days after another computed one ("black friday" = Thanksgiving + 1).
DERIVED_HOLIDAYS: dict[str, tuple[str, int]] = {
    "black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4),
}
# Holidays a fixed number of days from Western Easter (dateutil.easter).
EASTER_HOLIDAYS: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "holy thursday": -3, "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46,
    "pentecost": 49, "whit sunday": 49, "ascension day": 39, "shrove tuesday": -47, "mardi gras": -47,
    "mothering sunday": -21, "pancake day": -47, "whit monday": 50,
}
# holiday names that are ordinary phrases when written in lower case
GENERIC_LOWER_HOLIDAYS = frozenset({"election day", "may day", "flag day", "independence day", "canada day",
                                    "australia day", "remembrance day", "father's day", "mother's day", "palm sunday",
                                    "good friday", "holy thursday", "ascension day", "earth day", "bonfire night",
                                    "pancake day"})
# holiday words that modify a noun in -ing as well ("Christmas shopping", "Easter egg hunting")
HOLIDAY_MODIFIER_NAMES = frozenset({"christmas", "xmas", "easter", "thanksgiving", "may day", "flag day", "halloween"})
# nouns after a holiday's name that make it a modifier, no date ("Black Friday deals", "the New
# Year's Day title", "Christmas Eve expirations"); happenings on the day ("a Christmas Day concert",
# "the Boxing Day tsunami") are left dates
HOLIDAY_NONDATE_NOUNS = frozenset("""deals deal sales sale shopping shoppers spending trading tree trees card cards
decorations lights gift gifts presents album single song songs hit number spirit cheer market markets film movie
edition jumper jumpers menu pudding cake cakes egg eggs bunny costume costumes candy title titles record records
expiration expirations bonus bonuses rush getaway traffic tradition traditions theme themed season's advert adverts
ad ads campaign campaigns catalogue catalog episode episodes issue agreement agreements accord accords pact
treaty""".split())
# US general election day: the Tuesday after the first Monday of November.
ELECTION_DAY = "election day"

# Tense cues: words that put the nearest clause in the future or the past.
FUTURE_CUES = (
    "will", "won't", "wo", "shall", "would", "may", "might", "'ll", "should", "must", "tomorrow", "next",
    "upcoming", "slated", "for delivery", "until", "till", "postponed", "scheduled", "expected", "expects", "expect", "due", "plan",
    "plans", "planned", "planning", "intends", "intend", "aims", "aim", "supposed", "set to", "set for",
    "is to", "are to", "was to", "were to", "going to", "to be", "to begin", "to start", "starting",
    "begins", "begin", "effective", "from now", "later this", "coming", "ends", "opens", "closes",
    "expires", "runs", "starts", "resumes", "deadline", "as soon as", "hopes", "hope", "wants",
    "is heard", "will be", "to testify", "to leave", "to return", "to visit", "to meet", "to hold",
    # the headline future, "Court to rule on Thursday", "PM to announce plan Monday" (an intent
    # verb before "to", "refused to rule", keeps its own tense: ``tense.py``); only before the
    # expression and after a headline's subject (``LEFT_ONLY_FUTURE_CUES``)
    "to rule", "to vote", "to decide", "to announce", "to sign", "to unveil",
    # typographic apostrophes, as most published pages write them
    "’ll", "won’t",
    # the present of a scheduled happening: "the tour kicks off in May", "the law takes effect in July"
    "kicks off", "kick off", "takes effect", "take effect", "comes into force", "come into force",
    "goes into effect", "go into effect", "premieres", "concludes", "wraps up", "takes place", "take place",
    "meets", "arrives", "departs", "convenes", "reconvenes", "is due", "are due",
    # a farewell and a person's own trip: "see you on Friday", "he leaves on Friday", "she returns Monday"
    "see you", "See you", "hoping to", "Tune in", "tune in", "Join us", "join us", "Don't miss", "don't miss",
    "Watch live", "watch live", "leaves for", "leaves on", "returns on", "returns to", "flies to", "flies out",
    "reopen",
    # plural subjects of the same present: "talks resume Monday", "polls open at 7 a.m. Thursday"
    "resume", "reopens", "polls open", "polls close", "doors open", "Polls open", "Polls close", "Doors open",
    # (not "hosts", "faces", "plays", "visits": as often plural nouns, "his French hosts")
    # a contract month is ahead of the trading day: "crude for delivery in December" ("for
    # delivery" is listed above)
    "for settlement",
    # a forecast: "Rain is forecast for Tuesday", "storms are predicted on Friday"
    "is forecast", "are forecast", "forecast to", "is predicted", "are predicted",
    # what is predicted, with its object: "Analysts predict a cut in June" (a June ahead; but
    # "predicted in June that..." dates the prediction: no object, no cue); in the past
    # (``PREDICTION_PASTS``) a future seen from the past: "predicted a cut in June" may be either
    *(f"{verb} {det}" for verb in ("predicted", "predict", "predicts", "forecast", "forecasts", "projected",
                                   "projects") for det in ("a", "an")),
) + tuple(f"{noun} {verb}" for noun, verb in (
    # a scheduled happening told in the present with a copula: "the meeting is Tuesday", "the vote
    # is on Thursday", "the hearing is at 10 a.m. Monday" (a past one is "was"); only nouns that
    # name a happening, so "the company is" or "he is" stay no cue
    *((n, v) for n in ("meeting", "vote", "hearing", "election", "referendum", "match", "game", "summit",
                       "deadline", "trial", "sentencing", "launch", "ceremony", "funeral", "final", "race",
                       "debate", "auction", "concert", "premiere", "rally", "conference", "inauguration",
                       "wedding", "parade", "festival", "deadline", "briefing", "runoff", "primary", "caucus")
      for v in ("is", "is set", "is now")),
    *((n, v) for n in ("talks", "elections", "hearings", "meetings", "games", "matches", "celebrations",
                       "negotiations", "finals", "primaries", "votes")
      for v in ("are", "are set", "are now")),
    # a person's plan told in the present: "we meet on the 10th", "they fly out in three weeks"
    *((p, v) for p in ("we", "We", "they", "They", "I")
      for v in ("meet", "leave", "fly", "arrive", "return", "travel", "play", "vote", "head", "depart",
                "marry", "move", "open", "start")),
))
# a scheduled happening told in the plain present with a plural subject: "Shops open on Boxing
# Day", "the talks start at 10:30 on Monday", "Schools close for the holidays on Friday" (a
# past one is "opened", "started"); matched only right after a plural noun (``tense.py``)
SCHEDULE_VERBS = ("open", "close", "start", "begin", "end", "resume", "reopen", "finish", "kick off", "get under way",
                  "take effect", "come into force", "go on sale", "break up", "air", "premiere", "debut", "launch",
                  "convene", "reconvene", "expire", "arrive", "depart")
# words in -s before such a verb that are no plural subject ("this open", "was open", "does end")
NOT_PLURAL_SUBJECTS = frozenset("""this was has his its does is us as yes thus plus less unless across always perhaps
whereas besides towards afterwards sometimes various previous news series means""".split())
# the singular present of the same verbs, beside those in FUTURE_CUES ("opens", "ends"...): "the
# debate airs Thursday at 8pm", "the series debuts on Friday"
SCHEDULE_VERBS_SINGULAR = ("airs", "debuts", "launches", "finishes", "gets under way")
# Verbs whose plain present, with no past or future cue anywhere in the sentence, tells a
# schedule or a plan, so a bare weekday or month in it is the coming one ("Parliament sits on
# Monday", "Doctors strike on Thursday", "Fares rise in January", "Meet me on Friday"): the base
# forms; ``tense.py`` derives the third-person forms ("sits", "flies", "goes")
PRESENT_PLAN_VERBS = ("meet", "go", "come", "leave", "arrive", "fly", "sail", "land", "travel", "start", "begin",
                      "open", "close", "end", "finish", "run", "strike", "march", "rise", "change", "move", "return",
                      "resume", "reopen", "launch", "vote", "sit", "hit", "head", "tour", "perform", "screen",
                      "stream", "air", "visit", "host", "play", "face", "take", "get", "call", "join", "book",
                      "bring", "send", "see", "apply", "register", "submit", "pay", "collect", "expire", "switch",
                      "double", "increase", "drop", "close", "marry", "wed", "graduate", "retire", "step", "hand",
                      "sign", "kick", "wrap", "break", "celebrate", "mark", "gather", "rally", "protest", "walk",
                      # the weather's plans: "the heatwave peaks on Wednesday", "temperatures fall on Thursday"
                      "peak", "reach", "ease", "clear", "spread", "continue", "fall", "turn", "linger",
                      # what a company, a court or a minister does on a set day
                      "report", "announce", "publish", "release", "unveil", "present", "deliver", "decide", "rule",
                      "testify", "address", "appear", "debate", "discuss", "hear", "consider", "review", "meet",
                      # what is set to take place: "the council vote happens in January", "the mayor speaks
                      # again on Monday"
                      "happen", "speak", "talk", "compete", "race",
                      # a shop's promise: "your order ships in 2 days"
                      "ship", "arrive", "dispatch")
# adverbs that may stand between a subject and its verb and tell a habit, not a plan ("The ministry
# now pays coupons in January", "the firm usually reports in March"): never part of a noun subject
HABIT_ADVERBS = ("now", "also", "still", "often", "usually", "always", "never", "only", "just", "already", "currently",
                 "normally", "generally", "typically", "regularly", "traditionally", "sometimes", "rarely", "seldom")
# ... and what else in such a sentence says it is told in the present: a progressive ("I'm flying
# to Paris on Monday"), a state after a copula ("Results are out on Friday", "We are open on
# Saturday"), a suggestion or reminder ("Let's meet", "Don't forget to vote"), a question to
# someone ("Are you free", "Do you want to")
PRESENT_STATES = ("open", "closed", "shut", "out", "back", "off", "away", "free", "busy", "here", "there", "home",
                  "live", "on air", "available", "in town")
PRESENT_PLAN_OPENERS = ("let's", "let’s", "let us", "don't forget", "don’t forget", "do not forget", "remember to",
                        "please", "can we", "can you", "could we", "could you", "shall we", "why not",
                        # what a day is for the speaker: "It's my birthday on Tuesday"
                        "it's my", "it’s my", "it is my", "it's our", "it’s our", "it is our", "it's your", "it’s your",
                        "how about", "what about")
# participles of a present passive that report a past happening ("is accused of killing ... on
# Monday"): no plan; any other present passive is one ("Bins are collected on Thursday")
REPORT_PARTICIPLES = ("accused", "charged", "suspected", "believed", "alleged", "said", "reported", "thought",
                      "feared", "known", "understood", "presumed", "rumoured", "rumored", "claimed", "estimated",
                      "detained", "arrested", "held", "jailed", "injured", "killed", "wanted", "missing", "dead",
                      "confirmed", "identified", "named", "blamed", "credited", "linked", "tied", "involved",
                      "hospitalised", "hospitalized", "investigated", "questioned", "remembered", "considered",
                      "seen", "regarded", "described", "used", "based", "located", "owned", "married", "related")
# future cues that are never a misreading ("will report on Jan. 30" is next January, however far)
STRONG_FUTURE_CUES = frozenset({"will", "won't", "shall", "'ll", "will be"})
# "decided to admit", "agreed to pay": the infinitive is still ahead of the clause's time
INTENT_VERBS = ("decided", "decides", "agreed", "agrees", "voted", "votes", "promised", "promises", "pledged",
                "pledges", "vowed", "vows", "threatened", "threatens", "hopes", "hoped", "intends", "intended",
                "wants", "wanted", "plans", "planned", "prepares", "prepared", "ready", "due", "set", "scheduled",
                "expected", "likely", "poised", "agreed", "offered", "offers", "asked", "urged", "called")
# future cues read only before the expression and after a headline's subject ("Court to rule on
# Thursday"): after it, "to" + verb is as often a purpose ("made an appearance in March and June to
# unveil the iPad 2" is a past June), and in a sentence's body a past act ("was the first to
# announce an increase on Tuesday")
LEFT_ONLY_FUTURE_CUES = frozenset({"to rule", "to vote", "to decide", "to announce", "to sign", "to unveil"})
# (not "to resume", "to reopen": "resume" and "reopen" are cues of their own, which the longer
# form would hide: "willing to resume the coffee negotiations as early as April")
# prediction verbs in the past: what they predicted may lie on either side of the publication date
PREDICTION_PASTS = frozenset({"predicted", "projected", "forecast"})
# ... and all the forms, whose cue is read only before the expression: a phrase opening the
# sentence dates the prediction ("In November, Barclays predicted a fall in prices")
PREDICTION_VERBS = PREDICTION_PASTS | {"predict", "predicts", "forecasts", "projects"}
# intent verbs in the past that are an act on a day ("agreed on Monday to resume talks": the
# agreement was Monday); not the states "expected", "scheduled", "set" ("is expected on Monday to")
INTENT_ACT_PASTS = ("agreed", "decided", "voted", "promised", "pledged", "vowed", "threatened", "offered", "asked",
                    "urged", "called", "hoped", "wanted")
# intent verbs in the past whose infinitive may be the act's time or a later one: "agreed to buy
# the plant in May" (the agreement's May, or the purchase's?); real wire copy has both ("agreed
# to merge, pending approval in mid-April" is ahead). Not "promised", "vowed": those look ahead.
PAST_ACT_VERBS = ("decided", "agreed", "voted")
# words after a plan told in the past perfect that say it changed or still stands ahead ("the
# vote, which had been scheduled for Sunday, would be delayed"): its weekday is left unresolved
PLAN_CHANGE_WORDS = ("will", "would", "postpone", "postponed", "delay", "delayed", "put off", "pushed back",
                     "moved", "cancel", "cancelled", "canceled", "called off", "rescheduled", "now", "instead")
PAST_CUES = (
    "said", "says", "told", "announced", "reported", "was", "were", "had", "did", "ago", "last", "since",
    "earlier", "previously", "met", "came", "went", "took", "made", "began", "fell", "rose", "saw", "gave",
    "left", "won", "lost", "got", "held", "sold", "bought", "led", "ran", "broke", "hit", "struck", "spoke",
    "wrote", "became", "found", "sent", "built", "kept", "brought", "thought", "felt", "stood", "fought",
    "fled", "flew", "drew", "grew", "knew", "threw", "shot", "quit", "cut", "set", "put",
    # more irregular pasts, so a sentence told in the past is never read as a present plan
    "paid", "spent", "heard", "caught", "taught", "sought", "drove", "rode", "wore", "sang", "sank", "swam",
    "slept", "fed", "laid", "hid", "rang", "sat", "ate", "forgot", "froze", "chose", "woke", "stole", "meant",
    "lit", "hung", "dealt", "dug", "swore", "tore", "lent", "bent", "bled", "spun", "stuck", "swung", "withdrew",
    "overcame", "underwent", "oversaw", "understood", "withheld", "upheld", "shook", "arose", "rebuilt", "sped",
    "did", "sold", "told", "became", "bore", "forbade", "mistook", "overtook", "undertook", "wound", "beat",
)
# past cues that may belong to another clause than the date's ("said", "was", "earlier"): with
# them a month-day most of a year back may still be a near one ahead; any other past verb is
# the date's own ("the deal closed Jan 5th")
WEAK_PAST_CUES = frozenset({"said", "says", "told", "announced", "reported", "was", "were", "had", "did", "ago",
                            "last", "since", "earlier", "previously", "made", "set", "put", "got", "came", "went",
                            "took", "gave", "saw", "thought", "felt", "knew", "found", "kept", "held", "led"})
# past verbs of something that went on, before "until": "the ban lasted until Friday" ended on
# the last Friday ("the court adjourned until Monday" defers to the coming one)
DURATION_PAST_VERBS = frozenset({"lasted", "remained", "stayed", "continued", "persisted", "lingered", "waited",
                                 "raged", "ran", "worked", "lived", "served", "reigned", "ruled", "dragged", "held",
                                 "maintained", "kept"})
# past participles that do not end in -ed or -en, for "is said to have fled", "are feared to have
# died" (a perfect infinitive: the happening is past whatever the verb before it)
# past forms that are also the infinitive ("hit", "cut", "set"): after a modal or "do"
# ("will hit 3% in December") they are no past tense
BARE_PAST_VERBS = ("hit", "cut", "set", "put", "quit", "shut", "let", "cost", "beat", "spread", "run", "come",
                   "become", "read", "bet", "burst", "cast", "hurt", "split", "shed", "bid")
# past tenses of saying: ", said it will..." is a report's verb, never a participle clause
REPORTING_PASTS = ("said", "told", "added", "announced", "stated", "noted", "reported", "claimed", "warned",
                   "explained", "insisted", "argued", "confirmed", "denied", "wrote", "replied", "asked", "declared")
IRREGULAR_PARTICIPLES = (
    "been", "done", "gone", "seen", "come", "become", "run", "begun", "left", "lost", "struck", "fled", "hit", "shot",
    "cut", "set", "put", "found", "sent", "built", "kept", "brought", "thought", "felt", "stood", "fought", "held",
    "sold", "bought", "led", "won", "got", "made", "said", "told", "met", "paid", "spent", "flown", "drawn",
    "grown", "known", "thrown", "sunk", "swum", "hung", "slain", "fallen", "risen", "taken", "given", "broken",
    "spoken", "written", "stolen", "driven", "ridden", "eaten", "beaten", "hidden", "chosen", "frozen", "shaken",
)
# -ed words that are not past tenses
NOT_PAST_ED = ("hundred", "kindred", "naked", "wicked", "sacred", "beloved", "rugged")

# words after a 4-digit number that make it a quantity, not a year
# Car makes after a bare year make it a model year, a product's name, not a date: "Kopp's 1987
# Chevrolet Cavalier", "a 1965 Ford Mustang" ("Lincoln" and "Mercury" left out: a president, a planet).
MODEL_YEAR_MAKES = frozenset("""chevrolet chevy ford toyota honda buick cadillac dodge chrysler pontiac oldsmobile
    volkswagen vw bmw mercedes mercedes-benz nissan jeep plymouth mazda subaru hyundai kia volvo porsche ferrari
    jaguar audi tesla saab datsun corvette mustang camaro""".split())
UNIT_NOUNS = frozenset("""
people persons men women children kids babies troops soldiers residents workers employees jobs members
students votes voters seats cars vehicles homes houses buildings units shares tons tonnes pounds lbs kilograms
kg km kilometers kilometres miles meters metres feet ft yards acres hectares barrels gallons liters litres
dollars euros yen pesos rupees yuan francs marks pounds calories points cases deaths dead patients words pages
rooms beds animals refugees migrants protesters demonstrators police officers prisoners inmates detainees
passengers flights companies firms stores shops schools hospitals villages towns cities sites times items
copies visitors tourists participants delegates athletes fans customers users subscribers accounts
images photos documents emails messages hours minutes seconds days weeks months years m ha mph rpm mw kw
gw gb mb bytes rounds shells rockets missiles bombs planes aircraft ships boats tanks guns rifles
gmt utc est edt pst pdt cet hrs h local percent pct degrees ad bc bce ce acre lawmakers journalists
civilians fighters rebels militants casualties injuries injured wounded arrests cattle sheep index
""".split())
QUANTITY_BEFORE = frozenset("""
no no. nos number page pages p. pp. route highway interstate room flight suite apartment rule section
article chapter model version about nearly almost some than roughly approximately over under around
only just exactly top least most at windows bus line gate channel russell russel
vision agenda horizon
""".split())
# ("vision agenda horizon": a plan's name, "Vision 2030", "Agenda 2030", "Horizon 2020", is no year
# of a happening)
# "around 1990" is a year when nothing follows but punctuation or one of YEAR_FOLLOWERS ("around 1990
# people" is a count)
APPROXIMATE_YEAR_WORDS = frozenset({"around"})  # "about 2000" is as often an amount
YEAR_FOLLOWERS = frozenset("and or when as to until till before after".split())
AMOUNT_LEADS = frozenset("to at of from by level levels reached hit is was were are be stood cost costs".split())
YEAR_PREPOSITIONS = frozenset("in since by until till from before after during of around circa c. early late mid "
                              "through throughout between and to or".split())
# nouns after a holiday that make it a period around the day ("the Christmas period", "the
# Christmas and New Year sales period"): no single day
# a holiday before these is a stretch of days, no one day: "over the Easter weekend", "the
# Christmas break", "during Christmas week", "the Easter holidays"
HOLIDAY_STRETCH_NOUNS = frozenset({"weekend", "week", "break", "holidays", "recess", "vacation", "fortnight"})
# nouns after "the NNNN" and before "of" that make the number part of an address ("the 2000 block of
# Main St.", "the 1900 stretch of Highway 1")
ADDRESS_AFTER_NUMBER = frozenset({"block", "blocks", "stretch"})
# words after "2019-2020" that make it one season or fiscal year, a range ("the 2019-2020 season",
# "the 1999-2000 school year"); otherwise two years, as the dev gold annotates "2009-2010"
YEAR_SPAN_NOUNS = frozenset("""season seasons campaign school academic fiscal financial budget crop marketing
winter term session""".split())
HOLIDAY_PERIOD_NOUNS = ("period", "periods", "season", "seasons", "quarter", "month")
# a holiday as the subject of these verbs is a date, the coming one or the last one by the verb's
# tense: "Christmas is on a Friday this year", "Easter falls early", "Christmas was quiet"
HOLIDAY_SUBJECT_VERBS = {
    **dict.fromkeys(("is", "'s", "falls", "comes", "arrives", "lands", "will", "starts", "begins"), "future"),
    **dict.fromkeys(("was", "fell", "came", "arrived", "landed", "started", "began"), "past"),
}
# after the holiday's verb these tell a generic statement: "Christmas is the busiest time",
# "Easter is usually in April", "Christmas is about family"
HOLIDAY_GENERIC_AFTER = ("the", "about", "all", "for", "when", "not", "also", "traditionally", "usually",
                         "always", "often", "typically", "normally", "generally", "celebrated", "marked",
                         "observed", "known", "one", "still", "more", "less", "no", "never", "each", "every")
HOLIDAY_PREPOSITIONS = frozenset("on at before after since until till by over during for around".split())
MONTH_EVIDENCE = frozenset("in last next this early mid late since until till by from through during before "
                           "after of throughout between and or to end beginning start middle".split())
SET_WORDS = frozenset({"each", "every", "per"})
# a month in a clause with these tells a habit, no one month: "grains usually break dormancy in April"
HABITUAL_ADVERBS = ("usually", "normally", "typically", "traditionally", "customarily",
                    "habitually", "invariably", "tends to", "tend to")
# a weekday after these names no one day: "any Monday", "one Friday in May"
INDEFINITE_DAY_WORDS = frozenset({"any", "one"})
# nor does "a Friday" after these verbs: it says which weekday a date is ("Christmas is on a Friday
# this year", "It was a Friday"); "killed on a Friday" may still be one told day
WEEKDAY_OF_DATE_VERBS = ("is", "was", "are", "were", "be", "falls", "fell", "fall", "lands", "landed", "land", "born")
# ... unless a noun after it makes it one told happening ("said at a Wednesday news conference");
# these words after it are no such noun ("on a Friday this year", "a Friday when...")
INDEFINITE_DAY_FOLLOWERS = ("this", "that", "the", "and", "but", "when", "while", "with", "for", "was", "were",
                            "has", "had", "will", "would", "not", "than", "then", "too", "also", "though", "after",
                            "before", "like", "instead", "again", "yet", "last", "next", "every", "each", "or",
                            "in", "of", "at", "on", "so", "as", "night", "nights", "morning", "mornings",
                            "afternoon", "afternoons", "evening", "evenings", "lunchtime", "rather")
TIME_ZONES = ("UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "IST", "JST",
              "HKT", "SGT", "AEST", "AEDT", "MSK", "EAT", "WAT", "SAST", "NZST", "NZDT", "AKST", "HST")
# zones read only right after a clock time ("5pm ET Friday", "6:30 a.m. local time Tuesday"): alone
# they are other words ("1500 MT" is metric tons)
CLOCK_ZONE_WORDS = ("ET", "PT", "CT", "MT", "local time", "Eastern time", "Pacific time", "Central time",
                    "Mountain time", "Eastern", "Pacific", "Central")
# "two days before <a date>", "the day after <a date>": words that shift a date by an offset
OFFSET_BEFORE = ("before", "prior to", "ahead of", "preceding")
OFFSET_AFTER = ("after", "following")
# a word before "two days after <date>" that makes it a stretch of time, not a date ("for two days after")
OFFSET_DURATION_LEAD = frozenset("for within over during throughout lasting spent took".split())
# hours in words for a clock time ("at four o'clock", "at 4 in the morning")
CLOCK_HOURS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
# the word before a possessive weekday ("ahead of Sunday's vote", "after Monday's ruling")
POSSESSIVE_FUTURE_LEAD = ("ahead of", "before", "until", "till", "upcoming", "in the run-up to", "run-up to",
                          "in preparation for", "prepared for", "preparing for", "prepare for", "prepares for",
                          "warmed up for", "warming up for", "gearing up for")  # not "for": "been for", "praised for"
POSSESSIVE_PAST_LEAD = ("after", "since", "following", "in the wake of", "despite", "in response to", "over", "from",
                        "appeal", "overturn", "overturned", "challenge", "challenged")
# happenings nobody schedules: "Tuesday's earthquake" (read on a Sunday) is the last Tuesday's,
# whatever the clause's verb ("the epicentre of Tuesday's earthquake suggest...", "will
# investigate Tuesday's crash"); a lead word still decides first ("ahead of Sunday's storm")
UNFORESEEN_HAPPENINGS = frozenset("""earthquake earthquakes quake quakes tremor tremors aftershock aftershocks attack
attacks bombing bombings blast blasts explosion explosions shooting shootings crash crashes collision derailment fire
fires blaze landslide landslides mudslide avalanche eruption murder murders killing killings assassination massacre
ambush kidnapping abduction accident collapse stabbing stabbings disaster tsunami shipwreck sinking coup coups riot
riots uprising insurrection hijacking hijackings tragedy""".split()
    # a game's outcomes: one schedules the match, never its win ("Sunday's goal against Madrid will live
    # long in the memory", read on a Friday, was the coming Sunday's)
    + """goal goals win wins victory defeat loss triumph comeback upset hat-trick equaliser equalizer""".split())
# "ten days before the shooting", "the day after his death": an offset from a happening the article
# itself dates ("was shot to death on Oct. 23", "the Oct. 23 killing"). A happening's words, noun
# and past forms, grouped by what they name (temporal/anchored.py): the noun after the offset
# must be one of the nouns; its dated mentions may use any word of its group. Only unforeseen
# happenings: an article tells one such killing or crash, but often several votes or meetings.
ANCHORED_HAPPENINGS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    group: (frozenset(nouns.split()), frozenset(forms.split()))
    for group, nouns, forms in (
        ("death", "death killing murder slaying assassination", "died killed murdered slain assassinated"),
        ("shooting", "shooting", "shot gunned"),
        ("bombing", "bombing blast explosion", "bombed exploded"),
        ("attack", "attack attacks", "attacked"),
        ("crash", "crash collision derailment", "crashed collided derailed"),
        ("earthquake", "earthquake quake", ""),
        ("fire", "fire blaze", ""),
        ("kidnapping", "kidnapping abduction", "kidnapped abducted"),
        ("stabbing", "stabbing", "stabbed"),
        ("arrest", "arrest", "arrested"),
        ("disappearance", "disappearance", "disappeared vanished"),
        ("massacre", "massacre", "massacred"),
        ("ambush", "ambush", "ambushed"),
        ("hijacking", "hijacking", "hijacked"),
        ("coup", "coup", ""),
        ("riot", "riot riots", "rioted"),
        ("collapse", "collapse", "collapsed"),
        ("eruption", "eruption", "erupted"),
        ("accident", "accident", ""),
    )
}
# words before a happening's noun that say the story tells more than one ("another earthquake", "an
# earlier shooting", "a separate attack"): then no offset counts from "the" one
SEVERAL_HAPPENINGS = frozenset("""another earlier previous prior separate second third fourth other similar latest
recent new first fresh subsequent later""".split())
# how many words other than function words (HAPPENING_DAY_NOT_BETWEEN) may stand between a happening's
# word and the day that dates it ("was shot to death on the night of Oct. 23": two, "death" and "night")
ANCHORED_HAPPENING_GAP = 3
# a month-day named as a happening ("the Oct. 8 earthquake", "the September 11th terrorist attacks") with
# no year: news omits the year of a date in the current year (AP style) or just past; a day that would
# fall in an earlier calendar year more than this many days back is some other year's, which the text
# does not give (corpus: every such phrase within 70 days read right, the wrong ones 66 to 96 days back
# were named days, below; 92 is a quarter)
HAPPENING_DAY_WINDOW = 92
# the few named days whose year is certain with these words after them, told without it long after:
# (month, day) -> (year, words); within the window of another year's same day they stay unresolved
# ("the Sept. 11 attack" on a consulate in 2012, "the Jan. 6 committee" a year on)
NAMED_HAPPENING_DAYS = {(9, 11): (2001, frozenset({"attacks", "terror", "terrorist", "hijackings", "hijackers"})),
                        (1, 6): (2021, frozenset({"riot", "riots", "insurrection", "rioters"}))}
# words that may stand between such a month-day and its happening: not function words or verbs
HAPPENING_DAY_NOT_BETWEEN = frozenset("""a an the and or but of to in on at by for from with into as that this which
who when while after before since is was were are be been has had have will would said says""".split())
# modal cues too weak to put a named happening in the future ("would appeal Wednesday's ruling")
WEAK_FUTURE_CUES = frozenset({"would", "could", "might", "may", "should"})
# nouns after "today's" that mean the present age, not the day ("today's youth", "by today's standards")
GENERIC_TODAY_NOUNS = frozenset("""youth young youngsters children kids teenagers generation generations world society
standards standard culture age era workplace politics technology media families parents students consumers
modern problems challenges issues threats realities""".split())
# nouns after a month that make it a delivery month of a futures contract ("April crude settled")
CONTRACT_NOUNS = frozenset("""crude futures contract contracts delivery deliveries heating gasoline wheat corn soybeans
soybean soyoil soymeal gold silver copper platinum cotton sugar coffee cocoa brent wti options shipment shipments
loading loadings cattle hogs""".split())
# words that put "the third quarter" in a game, not a year ("scored 15 points in the third quarter")
SPORTS_WORDS = ("scored", "halftime", "half-time", "touchdown", "touchdowns", "rebounds", "assists", "three-pointer",
                "free throw", "free throws", "field goal", "innings", "overtime", "buzzer", "quarterback",
                "points lead", "point lead", "scoreless", "tied at")
# nouns after a month that make it the month a statistic covers ("the November jobs report")
DATA_NOUNS = frozenset("""employment jobs payrolls payroll unemployment jobless trade retail sales figures figure data
inflation output production exports imports increase increases rise rises decline declines drop index survey
reading readings numbers""".split())
# words before "for <a possessive date>" that look back ("paid for Monday's airlift", "been for November's fire")
FOR_PAST_HEADS = frozenset("""been paid blamed praised thanked responsibility credit apologised apologized arrested
charged punished criticised criticized sentenced fined compensation condolences blame praise apology
responsible accountable""".split())
# words whose full stop does not end a sentence ("Oct. 31", "Sen. Smith", "Acme Corp. said")
ABBREVIATIONS = frozenset("""jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
gov sen rep gen col lt sgt capt cmdr adm corp inc ltd bros jr sr st vs no nos dept univ assn mt ft rev prof""".split())
# future cues that are nouns after a determiner ("denounced the plan", "missed its deadline")
NOUN_LIKE_CUES = frozenset({"plan", "plans", "aim", "aims", "hope", "hopes"})  # not "deadline": "the deadline is
# Thursday" looks ahead as a noun too
