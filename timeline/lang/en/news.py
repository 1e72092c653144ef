"""News words: the reporting verbs and source nouns of attribution (at the end), and loaded language:
words a neutral briefing does not use in its own voice.

Why a hand-kept list (issue 13, measured): the maintained lexicons on PyPI are sentiment or
review-subjectivity lexicons, not loaded-language ones. TextBlob 0.20.1's subjectivity
lexicon (pattern's en-sentiment.xml, 1,528 word forms, adjectives only) holds 4 of the 31
words this check used before (brutal, evil, heroic, infamous) and rates everyday news words
as strongly subjective (deadly, dangerous, huge, common, cold); VADER (vadersentiment 3.3.2,
last released 2020) scores valence, so "killed" and "dead" would be flagged in every report.
Neither fits a check that must stay silent on plain news prose.

The list: written for this project (MIT, like the rest of it), grouped by why each word is
loaded, following the advice public newsroom style guides give on these terms (label words
such as "terrorist" or "regime" are attributed, not used in the reporter's voice; emotive
and sensational words are avoided). Whole words, case-insensitive; plural and inflected
forms are listed where they are common. Add words here, with the group they belong to.
"""
from __future__ import annotations

LABELS = (  # contested labels for people, groups and governments
    "terrorist", "terrorists", "terror", "terrorism", "regime", "regimes", "thugs", "thug", "extremist", "extremists",
    "militants", "fanatic", "fanatics", "fanatical", "radicals", "jihadists", "zealots", "insurrectionists",
    "puppet", "puppets", "stooge", "stooges", "henchmen", "cronies", "junta", "warlord", "warlords", "dictator",
    "tyrant", "tyranny", "despot", "despotic", "occupiers", "invaders", "collaborators", "traitor", "traitors",
    "separatists", "rogue state", "illegal occupation", "illegal settlers", "so-called", "self-proclaimed",
    "self-styled", "alleged terrorists", "freedom fighters", "martyr", "martyrs", "martyrdom", "mob", "rioters",
    "looters", "gangsters", "enemy of the people",
)
DEHUMANISING = (  # words that strip people of their humanity
    "savage", "savages", "barbaric", "barbarians", "barbarism", "vermin", "subhuman",
    "monsters", "monstrous", "bloodthirsty", "evil", "evildoers", "scum", "cockroaches", "parasites",
    "hordes", "infidels", "godless",
)
ATROCITY = (  # the gravest words, which need a source or a court
    "massacre", "massacres", "massacred", "slaughter", "slaughtered", "butchered", "butchery",
    "bloodbath", "carnage", "atrocity", "atrocities", "genocide", "genocidal", "ethnic cleansing", "pogrom",
    "holocaust", "war crime", "war crimes", "war criminal", "crimes against humanity", "murderers", "murderous",
    "executed civilians", "terror campaign", "reign of terror",
)
EMOTIVE = (  # judgement and emotion in the writer's voice
    "brutal", "brutally", "brutality", "heinous", "vicious", "viciously", "cowardly", "coward", "cowards",
    "despicable", "depraved", "sadistic", "ruthless", "ruthlessly", "merciless", "callous", "wicked", "vile",
    "shameful", "shameless", "disgraceful", "disgusting", "outrageous", "horrific", "horrifying", "horrendous",
    "appalling", "abhorrent", "unspeakable", "sickening", "infamous", "notorious", "heroic", "heroes", "hero",
    "heroically", "valiant", "glorious", "courageous", "brave", "noble", "selfless", "patriots", "patriotic",
    "tragic", "tragically", "senseless", "innocent victims",
)
SENSATIONAL = (  # verbs and intensifiers that editorialise
    "slammed", "slams", "blasted", "blasts", "lashed out", "ripped", "rips", "torched", "eviscerated",
    "shocking", "shockingly", "stunning", "bombshell", "catastrophic",
    "apocalyptic", "nightmare", "propaganda", "whitewash", "cover-up", "scandalous", "disgrace", "debacle",
    "fiasco", "regime change",
)
# issue 23: blame, contempt and verdicts a reporter leaves to the reader (and to sources). Measured
# on 1,780 corpus articles (bench/bench_verify.py): "massive", "horror", "scandal", "historic",
# "unprecedented", "ultra" and "lying" ("lying on the ground") were dropped, being plain news prose
# in most of the sentences that held them.
EVALUATIVE = (
    "reckless", "recklessly", "recklessness", "negligent", "negligently", "negligence", "incompetent",
    "incompetence", "inept", "ineptitude", "irresponsible", "irresponsibly", "careless", "carelessly",
    "criminally", "greedy", "greed", "corrupt", "crooked", "dishonest", "deceitful", "liar", "liars",
    "arrogant", "arrogance", "contemptible", "pathetic", "ridiculous", "absurd", "laughable", "idiotic", "stupid",
    "foolish", "clueless", "hapless", "spineless", "hypocritical", "hypocrisy", "hypocrite", "disastrous",
    "chaotic", "chaos", "mayhem", "havoc", "terrifying", "dreadful", "awful", "terrible", "outrage",
    "egregious", "deplorable", "reprehensible", "unforgivable", "inexcusable", "shoddy", "botched",
    "cover up", "sham", "farce", "draconian", "so-called experts", "embattled", "beleaguered", "disgraced",
    "hardline", "hard-line", "firebrand", "rabid", "hysterical", "hysteria", "frenzy", "frenzied",
    "devastating", "devastated", "heartbreaking", "harrowing", "gruesome", "grisly", "staggering",
    "brazen", "brazenly", "blatant", "blatantly", "mercilessly", "wanton",
)

LOADED_WORDS: tuple[str, ...] = tuple(dict.fromkeys(LABELS + DEHUMANISING + ATROCITY + EMOTIVE + SENSATIONAL
                                                    + EVALUATIVE))

# Reporting verbs: what a source does in "X said", "X told", "X confirmed" (text/attribution.py).
SPEECH_VERBS = frozenset(
    ["said", "says", "say", "told", "tells", "tell", "reported", "reports", "report", "declared", "declares", "claimed", "claims", "claim", "stated", "states", "confirmed", "confirms", "confirm", "announced", "announces", "acknowledged", "acknowledges", "denied", "denies", "deny", "described", "describes", "insisted", "insists", "warned", "warns", "alleged", "alleges", "accused", "accuses", "estimated", "estimates", "added", "adds", "noted", "notes", "wrote", "writes", "tweeted", "argued", "argues", "admitted", "admits", "explained", "explains", "testified", "maintained", "maintains", "disclosed", "revealed", "asserted", "asserts", "cautioned", "predicted", "predicts", "vowed", "vows", "show", "shows", "showed"]
)
# Verbs that name who spoke after a quoted question or exclamation ("“Is it over?” asked Smith",
# "...?” Trump wrote"), besides SPEECH_VERBS (text/sentences.py), and the pronouns that can speak there.
QUOTE_SPEAKER_VERBS = SPEECH_VERBS | frozenset(["asked", "asks", "shouted", "replied", "recalled", "continued",
                                                "posted", "wondered", "exclaimed", "yelled", "chanted"])
SPEAKER_PRONOUNS = ("he", "she", "they", "we", "I", "it")
# After a sentence-closing "X said": its time ("said on Tuesday") or, after "told", whom it was
# told to ("told reporters"), and nothing more (text/attribution.py)
REPORT_TIME_WORDS = ("today", "yesterday", "tonight", "overnight", "night", "morning", "afternoon", "evening", "week")
REPORT_TIME_LEADS = ("on", "late", "early", "last", "this")
LISTENER_NOUNS = ("reporters", "journalists")
# Heads a common-noun source can have; a capitalised head (a name) is always accepted.
SOURCE_NOUNS = frozenset(
    ["official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "police", "officer", "officers", "witness", "witnesses", "resident", "residents", "activist", "activists", "source", "sources", "doctor", "doctors", "medic", "medics", "rebel", "rebels", "insurgents", "agency", "ministry", "military", "army", "government", "authorities", "authority", "analyst", "analysts", "expert", "experts", "investigators", "investigator", "prosecutors", "prosecutor", "department", "office", "service", "council", "committee", "commission", "group", "groups", "media", "observatory", "monitor", "monitors", "organization", "organisation", "organizations", "organisations", "board", "court", "county", "city", "state", "company", "firm", "utility", "union", "engineers", "engineer", "scientists", "scientist", "researchers", "researcher", "volunteers", "volunteer", "employees", "employee", "workers", "worker", "staff", "survivors", "survivor", "neighbours", "neighbors", "people", "officers", "relatives", "family", "families", "lawyer", "lawyers", "attorney", "attorneys", "chief", "sheriff", "coroner", "mayor", "governor", "minister", "president", "director", "manager", "teacher", "teachers", "nurse", "nurses", "paramedics", "firefighters", "crews", "crew", "representatives", "representative", "leaders", "leader", "members", "member", "observers", "observer", "diplomats", "diplomat", "countries", "country", "administration", "campaign", "campaigners", "party", "parties", "newspaper", "agencies", "statement", "report", "reports", "records", "figures", "data", "estimates", "governments", "ministries", "inspectors", "inspector", "aid", "charity", "coalition", "alliance", "forces", "regulator", "regulators", "hospital", "hospitals", "airline", "airlines", "club", "clubs", "embassy", "district", "captain", "pilot", "pilots", "divers", "diver", "firefighter", "firefighters", "forecasters", "forecaster", "guard", "team", "school", "university", "operator", "carrier", "network", "broadcaster", "channel", "station", "paper", "daily", "magazine", "website", "department's", "economists", "economist", "lawmakers", "lawmaker", "senator", "mp", "mps", "judge", "observers", "pollsters", "polls", "survey", "study", "census"]
)

# Roles that open an apposition after a name ("Pat Henderson, spokesperson for the exchange,
# said"; "Tsugo Tadakawa, director of the agency's Washington office, said"): the name before
# the commas is the source (text/attribution.py).
ROLE_NOUNS = frozenset(
    ["director", "chairman", "chairwoman", "chair", "president", "vice", "deputy", "head", "publisher", "editor",
     "counsel", "general", "secretary", "minister", "manager", "representative", "professor", "chief", "ceo",
     "founder", "co-founder", "partner", "executive", "governor", "mayor", "senator", "ambassador", "commissioner",
     "superintendent", "treasurer", "owner", "author", "coach", "spokesman", "spokeswoman", "spokesperson",
     "analyst", "economist", "strategist", "adviser", "advisor", "lawyer", "attorney", "member", "leader",
     "senior", "assistant", "associate", "acting", "former", "managing", "principal", "lead"]
)


# Past tenses that are never part of a source's name (a source phrase holding one is a clause:
# "the water kept rolling in and officials said", "his first Oscars moment came during ...");
# words that are also nouns or adjectives ("left", "lost", "set", "cut", "shot") are left out.
CLAUSE_PASTS = frozenset(
    ["came", "went", "took", "made", "began", "fell", "rose", "gave", "won", "got", "ran", "broke", "struck", "spoke",
     "wrote", "became", "sent", "built", "kept", "brought", "thought", "felt", "stood", "fought", "fled", "flew",
     "drew", "grew", "knew", "threw", "paid", "spent", "heard", "caught", "taught", "sought", "drove", "rode",
     "wore", "sang", "sank", "swam", "slept", "laid", "hid", "rang", "sat", "ate", "forgot", "froze", "chose",
     "woke", "stole", "meant"]
)
# Words a source phrase never opens with: a preposition's object is no subject ("Despite a
# short-lived increase in jobs, officials said": the source is the officials, not the increase).
# Words that open a clause or a relative ("what Jones describes as"), never a source phrase.
NOT_SOURCE_OPENERS = frozenset(["despite", "unlike", "amid", "during", "without", "against", "pointing", "including",
                                "what", "whatever", "whom", "whose", "no", "none"])


# Abbreviated titles whose dot belongs to the name after them ("said Dr. Ann Lee", "Rep. John
# D. Dingell"); a company's "Corp." or "Ltd." is not one (it may end a sentence).
TITLE_ABBREVIATIONS = ("Dr", "Mr", "Ms", "Mrs", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Rev",
                       "St", "Jr", "Sr")
# Words a noun phrase never ends with: a source phrase ending so was cut before its object or
# clause ("asked questions about", "told reporters that").
DANGLING_WORDS = frozenset(["about", "of", "to", "for", "with", "into", "onto", "over", "from", "by", "at", "in", "on",
                            "than", "whether", "if", "that", "because", "how", "why", "what"])
# Speech verbs that cannot stand inside a source phrase: a clause ran into it ("said a World Bank").
SAID_WORDS = frozenset(["said", "says", "told"])
# Relative pronouns, and the bare plural sources that open a relative clause's own subject
# ("the waters which Chile says belong to it", "a man who police say was armed").
RELATIVE_PRONOUNS = ("which", "whom", "who")
RELATIVE_SUBJECTS = ("officials", "police", "authorities", "witnesses", "residents", "experts", "analysts")
RELATIVE_DETERMINERS = ("the", "a", "an", "its", "their", "his", "her", "some", "many", "most")


# The kinds of happening and the words that make an event one of them (merge/kinds.py):
# regular-expression alternatives (a phrase has spaces; figures.py reads FIGURE_LABELS the same way).
KIND_TRIGGERS: dict[str, str] = {
    "strike": r"air ?strikes?|airstrikes?|struck|shell(?:ing|ed)|bomb(?:ed|ing|ings|ardment)|missiles?|drone attacks?|warplanes",
    "attack": r"attack(?:ed|s)?|ambush(?:ed)?|gunmen|opened fire|stabb(?:ed|ing)|raid(?:ed|s)?",
    "explosion": r"explosions?|blasts?|exploded|detonated",
    "fire": r"broke out|caught fire|ignited|started the fire|arson|engulfed|gutted|swept through",
    "damage": r"destroy(?:ed|ing)|damag(?:ed|ing)|burn(?:ed|t)|razed|flattened",
    "collapse": r"collaps(?:e|ed|es|ing)|caved in|gave way",
    "deaths": r"killed|killing|dead|died|deaths?|death toll|fatalities|lost their lives|bodies|perished",
    "injuries": r"injured|injuring|wounded|wounding|injuries|hurt",
    "missing": r"missing|unaccounted for",
    "evacuation": r"evacuat(?:ed|ion|ions|e|ing)|forced to (?:leave|flee)|fled|ordered to leave|left their homes",
    "displacement": r"displaced|homeless",
    "arrest": r"arrest(?:ed|s)?|detained|taken into custody",
    "charge": r"charged with|indicted|pleaded (?:guilty|not guilty)",
    "ruling": r"ruled|verdict|sentenced|convicted|acquitted",
    "resignation": r"resign(?:ed|s|ation)|stepped down|steps down",
    "dismissal": r"dismiss(?:ed|al)|sacked|ousted|removed from (?:his|her) post",
    "appointment": r"appointed|nominated|sworn in",
    "vote": r"vot(?:e|ed|es|ing)|ballots?|referendum|elected|election",
    "emergency": r"state of emergency|emergency declaration",
    "protest": r"protest(?:ed|s|ers)?|demonstrat(?:ed|ion|ions|ors)|rall(?:y|ied|ies)",
    "talks": r"talks|negotiat(?:ed|ions?|ing)|summit|met with",
    "agreement": r"agreement|ceasefire|truce|signed a deal|peace deal|deal|contract|acquisition|acquired|takeover|"
                 r"merger|signed",
    "layoffs": r"layoffs?|laid off|laying off|lay off|job cuts|redundanc(?:y|ies)|cut jobs|cutting jobs|axe jobs",
    "inspection": r"inspect(?:ed|ions?)",
    "rescue": r"rescu(?:ed|ers)|recovered|search(?:ed)? for survivors",
    "outage": r"cut (?:power|electricity)|power (?:cut|outage)s?|blackouts?|without (?:power|electricity)",
    "containment": r"contained|containment",
    "return": r"allowed to return|returned home|return home",
    "vigil": r"vigil|memorial service|funerals?|mourn(?:ed|ers|ing)",
    "crash": r"crash(?:ed|es)?|derail(?:ed|ment)|capsized|sank",
    "capture": r"captured|seized|took control|retook|recaptur(?:ed|ing)|advanced into|overran|gained control",
    "opening": r"opened|inaugurated|reopen(?:ed|s)?",
}

# What a number counts, from the words around it (the documented label taxonomy).
FIGURE_LABELS: dict[str, str] = {
    "deaths": r"killed|killing|kills|dead|died|deaths?|lives|bodies|fatalities|perished|death toll",
    "injured": r"injured|injuring|wounded|wounding|hurt|injuries",
    "missing": r"missing|unaccounted for",
    "evacuated": r"evacuated|evacuate|evacuation|evacuees|forced to (?:leave|flee)|ordered to leave|fled|left their homes",
    "displaced": r"displaced|displacing|homeless",
    "arrested": r"arrested|arrests|detained|detentions|taken into custody",
    "jobs": r"jobs|job cuts|layoffs|laid off|laying off|lay off|redundancies|positions|workers laid off",
}

# Wire financial copy's abbreviations (Reuters: "68 billion dlrs", "12 cts", "1.15 billion stg",
# "37 mln stg", "15.2 pct"): a currency after the number, a scale word, a percent sign in words.
WIRE_CURRENCIES = r"dlrs?|cts|cents|stg|sterling|marks|guilders|lire"
WIRE_SCALES: dict[str, float] = {"mln": 1e6, "bln": 1e9}
WIRE_PERCENT = r"pct"
# A figure set against another in one report ("12 cts vs 10 cts", "rose to 9 from 5", "a loss of
# 2 mln against a profit of 1 mln"): the second is the comparison's base, an earlier or other
# period's value, and a "vs" row compares two periods, neither a reading of the happening.
COMPARISON_BEFORE = r"vs\.?|versus|against|from|compared (?:with|to)|as against|up from|down from"
COMPARISON_AFTER = r"vs\.?|versus"

# A figure the report does not give as what happened (merge/figures.py, ``Figure.aside``): a
# forecast or possibility ("could trigger a selloff of at least 100 stg", "expects earnings of 90
# cts") or an earlier, superseded reading ("Earlier, the bank estimated a surplus of 250 mln").
# "may" is left out: it is also the month.
FORECAST_MARKERS = (r"(?:could|might|would)(?!\s+not\b|n't)|expects?|expected|forecasts?|forecasting|projects?|projected|"
                    r"predicts?|predicted")  # "rescuers could not reach 30 miners" is what happened
EARLIER_MARKERS = r"earlier|initially|originally|previously|at first"
# ... an earlier *statement*: the marker then a verb of saying or estimating ("Earlier, the bank
# estimated"); "Earlier, the activists staged bombings ..., leaving two dead" is background, still a reading
EARLIER_STATING = r"said|estimated|forecast|put|revised|reported|gave|announced|expected|projected|predicted"
# A change, not a level, when right before the number ("down one stg a tonne", "up four", "a rise of
# three", "fell by 5"): the size of a move is no reading of the level two reports could dispute.
# ("lost" is left out: "the army lost 12 soldiers" is a toll.)
DELTA_BEFORE = (r"up|down|(?:a|an)\s+(?:rise|fall|drop|gain|increase|decrease|decline|jump)\s+of|"
                r"(?:rose|risen|fell|fallen|dropped|climbed|gained|increased|decreased|declined|jumped|cut)\s+by")
# A running total worded as a change ("This brings the Bank's total help today to 571 mln", "takes
# the toll to 12"): a step of a count growing through the day, not a rival count.
RUNNING_TOTAL = r"brings?|brought|bringing|takes|took|taking|pushing|pushed|pushes"
# What a figure is of when it names a whole made of parts ("group exports", "combined sales"):
# a member's figure is a part of it, not a rival count.
WHOLE_MARKERS = r"group|combined|collective|collectively|aggregate|overall"
# The term of what an amount buys ("29-day bills", "a 13-week note"): two terms, two instruments.
TERM_UNITS = r"day|week|month|year"
# Words before a date that bound a period rather than date a happening ("an injunction until May 7",
# "could resume at any time before May 7", "bills due March 27": a maturity), or name the day an item is for or takes effect ("a rate
# for April 3", "closed, effective April 6", "a five-day average price through April 6"): a daily
# notice for another day is another notice.
# ("by" is left out: "By Sunday the toll had risen to 40" dates a reading as of that day)
BOUND_BEFORE_DATE = r"until|till|before|ahead of|no later than|due|maturing|payable|expiring"
FOR_DATE = r"for|effective|with effect from|as from|valid for|scheduled for|through"

# A plan, not something that happened: "will resume talks tomorrow", "is due to sign on May 3".
FUTURE_MARKERS = r"will|would|shall|is to|are to|to be|plans? to|planned to|expected to|scheduled to|due to|set to"

# A price, not a total: "70 dlrs per share", "2.50 dlrs a tonne" (a tender's price against its value).
PER_UNIT_NOUNS = r"share|tonne|ton|ounce|barrel|bushel|lb|pound|kilo|unit|day"

# Denials and negative statements: for a briefing a denial is often the key line, whatever its subject.
DENIAL_VERBS = ("denied", "denies", "deny", "rejected", "rejects", "refuted", "refutes", "dismissed", "dismisses",
                "disputed", "disputes", "contested", "contests", "repudiated", "ruled out", "rules out")
NEGATIVE_OPENERS = ("no", "none of the", "nobody", "no one", "neither", "nothing")  # "No passengers were hurt."
NEGATED_AUXILIARIES = ("did not", "didn't", "has not", "hasn't", "have not", "haven't", "had not", "will not", "won't",
                       "never")  # then any verb: "did not close"
NEGATED_BE = ("was not", "wasn't", "were not", "weren't")  # then a participle: "was not closed", not "was not clear"

# A date in a clause about a noun, not the sentence's figure: "still available under the
# initiative announced January 7" dates the initiative (a participle after a preposition's noun).
BACKGROUND_CLAUSE_BEFORE_DATE = (r"\b(?:under|of|from|by)\s+(?:the|a|an|its|their)\s+[^,.;]{0,60}?\b"
                                 r"(?:announced|approved|agreed|signed|adopted|unveiled|introduced|passed|enacted)"
                                 r"\s+(?:on\s+)?$")
# Parts of one day an institution's operations are told by: the morning's, the afternoon's and
# the day's total are different figures ("103 mln this morning", "261 mln in afternoon operations").
DAY_PARTS = r"morning|afternoon|evening|overnight|total"
# Words that name a day only against the report's dateline ("today's" filed in Tokyo is
# "yesterday's" filed in New York).
DATELINE_DAY_WORDS = r"today|today's|yesterday|yesterday's|tomorrow|tomorrow's|tonight|tonight's|this morning|this afternoon|last night"
