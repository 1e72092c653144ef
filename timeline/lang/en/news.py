"""Loaded language: words a neutral briefing does not use in its own voice.

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

LOADED_WORDS: tuple[str, ...] = tuple(dict.fromkeys(LABELS + DEHUMANISING + ATROCITY + EMOTIVE + SENSATIONAL))

# Denials and negative statements: for a briefing a denial is often the key line, whatever its subject.
DENIAL_VERBS = ("denied", "denies", "deny", "rejected", "rejects", "refuted", "refutes", "dismissed", "dismisses",
                "disputed", "disputes", "contested", "contests", "repudiated", "ruled out", "rules out")
NEGATIVE_OPENERS = ("no", "none of the", "nobody", "no one", "neither", "nothing")  # "No passengers were hurt."
NEGATED_AUXILIARIES = ("did not", "didn't", "has not", "hasn't", "have not", "haven't", "had not", "will not", "won't",
                       "never")  # then any verb: "did not close"
NEGATED_BE = ("was not", "wasn't", "were not", "weren't")  # then a participle: "was not closed", not "was not clear"
