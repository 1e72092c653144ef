"""Table-driven phrasings of the time grammar, written by hand (not from any corpus).

Each row: the text, the expected value and precision of the expression that dates it (the
last expression with a value, so a row can set up a narrative date first), for the reference
date of its group. Expected holiday dates were checked against a calendar, not computed with
the code under test.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag

W = date(2025, 3, 5)   # a Wednesday
M = date(2024, 12, 2)  # a Monday
S = date(1998, 8, 8)   # a Saturday

ROWS: list[tuple[date, str, str | None, str]] = []


def group(ref: date, rows: list[tuple[str, str | None, str]]) -> None:
    ROWS.extend((ref, text, value, precision) for text, value, precision in rows)


# numeric dates, all orders and separators
group(W, [
    ("dated 2013-03-22.", "2013-03-22", "day"), ("on 2019-7-4 it", "2019-07-04", "day"),
    ("on 2019/07/04 it", "2019-07-04", "day"), ("in 2019-06 sales", "2019-06", "month"),
    ("filed 3/22/2013 in court", "2013-03-22", "day"), ("filed 22/3/2013 in court", "2013-03-22", "day"),
    ("on 04.07.2019 we", None, "unknown"), ("on 14.07.2019 we", "2019-07-14", "day"), ("on 7/4/19 we", "2019-07-04", "day"),
    ("on 25-12-2020 we", "2020-12-25", "day"), ("on 12-25-2020 we", "2020-12-25", "day"),
    ("on 1/2/2021 we", "2021-01-02", "day"), ("on 1.2.2021 we", None, "unknown"),
    ("on 2000-02-29 we", "2000-02-29", "day"), ("the 2009-10 season", "2009/2010", "range"),
    ("in 2020-11 it", "2020-11", "month"), ("on 31/12/99 it", "1999-12-31", "day"),
])
# month-day with and without year, any case where unambiguous
group(W, [
    ("on april 5th 2020 we", "2020-04-05", "day"), ("on April 5, 2020 we", "2020-04-05", "day"),
    ("on APRIL 5, 2020 we", "2020-04-05", "day"), ("on 5 April 2020 we", "2020-04-05", "day"),
    ("on the 5th of April 2020", "2020-04-05", "day"), ("on Apr. 5, 2020 we", "2020-04-05", "day"),
    ("on Sept. 11, 2001", "2001-09-11", "day"), ("on september 11 2001", "2001-09-11", "day"),
    ("on december 25th, 2019", "2019-12-25", "day"), ("on 1 january 2000", "2000-01-01", "day"),
    ("The plan was signed Oct. 30.", "2024-10-30", "day"), ("He died Feb. 2.", "2025-02-02", "day"),
    ("The vote will be held on March 20.", "2025-03-20", "day"),
    ("The talks ended on March 1.", "2025-03-01", "day"),
    ("The launch is scheduled for April 14.", "2025-04-14", "day"),
    ("She was arrested on Dec. 28.", "2024-12-28", "day"),
    ("between Jan. 1 and Feb. 15, 2024", "2024-02-15", "day"),
    ("March 3-5, 2024", "2024-03-05", "day"),
    ("on Monday, March 3:", "2025-03-03", "day"),
    ("on Friday, March 7, the board meets", "2025-03-07", "day"),
])
group(date(2000, 1, 6), [
    ("He must be returned by Jan. 14.", "2000-01-14", "day"),
    ("The court will hear the case on Feb. 10.", "2000-02-10", "day"),
    ("The boat sank on Nov. 22.", "1999-11-22", "day"),
    ("He arrived Dec. 31.", "1999-12-31", "day"),
])
group(date(1999, 2, 10), [("The summit is on April 24 and 25.", "1999-04-25", "day")])
# month and year, month alone, month with relative year
group(W, [
    ("the raid in May 2010 on the ship", "2010-05", "month"), ("in september 2019 we", "2019-09", "month"),
    ("in Sept. 2019 we", "2019-09", "month"), ("by early June 2021", "2021-06", "month"),
    ("in late October 2018", "2018-10", "month"), ("in March nineteen ninety-one", "1991-03", "month"),
    ("in September last year", "2024-09", "month"), ("after October of next year", "2026-10", "month"),
    ("in June this year", "2025-06", "month"),
    ("The season ends in December.", "2025-12", "month"), ("The season ended in December.", "2024-12", "month"),
    ("They met in January.", "2025-01", "month"), ("The plant will close in October.", "2025-10", "month"),
    ("Sales rose in February.", "2025-02", "month"), ("The deal should be completed in October.", "2025-10", "month"),
    ("He was hired last June.", "2024-06", "month"), ("The law takes effect next January.", "2026-01", "month"),
    ("Prices fell in March.", "2025-03", "month"), ("Officials will decide in early April.", "2025-04", "month"),
    ("The trial opens in May.", "2025-05", "month"), ("It happened last May.", "2024-05", "month"),
])
# ordinal weekday of month, first/last day of
group(W, [
    ("the second Monday of March 2019", "2019-03-11", "day"), ("the last Friday in June 2021", "2021-06-25", "day"),
    ("the first Tuesday in November 2024", "2024-11-05", "day"), ("the third Thursday of May 2025", "2025-05-15", "day"),
    ("the fourth Sunday of February 2024", "2024-02-25", "day"), ("the final Monday of May 2020", "2020-05-25", "day"),
    ("the 1st Wednesday of January 2025", "2025-01-01", "day"), ("the second Friday of April 2022", "2022-04-08", "day"),
    ("The court will sit on the first Monday in October.", "2025-10-06", "day"),
    ("the final day of June 2021", "2021-06-30", "day"), ("the first day of May 2020", "2020-05-01", "day"),
    ("on the last day of February 2024", "2024-02-29", "day"), ("the last day of February 2023", "2023-02-28", "day"),
    ("the last day of next month", "2025-04-30", "day"), ("the first day of this year", "2025-01-01", "day"),
    ("the last day of last year", "2024-12-31", "day"), ("the first day of next month", "2025-04-01", "day"),
])
# holidays, fixed and computed
group(W, [
    ("Labor Day 2018", "2018-09-03", "day"), ("Labor Day 2019", "2019-09-02", "day"),
    ("Labor Day 2020", "2020-09-07", "day"), ("Labor Day 2021", "2021-09-06", "day"),
    ("Thanksgiving 2019", "2019-11-28", "day"), ("Thanksgiving 2020", "2020-11-26", "day"),
    ("Thanksgiving Day 2021", "2021-11-25", "day"), ("Thanksgiving 2022", "2022-11-24", "day"),
    ("on Black Friday 2020", "2020-11-27", "day"), ("Black Friday 2023", "2023-11-24", "day"),
    ("Cyber Monday 2019", "2019-12-02", "day"),
    ("Easter 2019", "2019-04-21", "day"), ("Easter Sunday 2020", "2020-04-12", "day"),
    ("Easter 2021", "2021-04-04", "day"), ("Easter 2022", "2022-04-17", "day"), ("Easter 2024", "2024-03-31", "day"),
    ("Good Friday 2023", "2023-04-07", "day"), ("Good Friday 2024", "2024-03-29", "day"),
    ("Easter Monday 2019", "2019-04-22", "day"),
    ("Memorial Day 2019", "2019-05-27", "day"), ("Memorial Day 2021", "2021-05-31", "day"),
    ("Memorial Day 2024", "2024-05-27", "day"),
    ("Martin Luther King Day 2020", "2020-01-20", "day"), ("MLK Day 2023", "2023-01-16", "day"),
    ("Presidents Day 2021", "2021-02-15", "day"), ("Columbus Day 2019", "2019-10-14", "day"),
    ("Mother's Day 2022", "2022-05-08", "day"), ("Father's Day 2022", "2022-06-19", "day"),
    ("Election Day 2020", "2020-11-03", "day"), ("Election Day 2016", "2016-11-08", "day"),
    ("Christmas Day 2019", "2019-12-25", "day"), ("Christmas Eve 2020", "2020-12-24", "day"),
    ("New Year's Eve 2021", "2021-12-31", "day"), ("New Year's Day 2022", "2022-01-01", "day"),
    ("Independence Day 2019", "2019-07-04", "day"), ("Halloween 2018", "2018-10-31", "day"),
    ("Valentine's Day 2020", "2020-02-14", "day"), ("Veterans Day 2021", "2021-11-11", "day"),
    ("Juneteenth 2022", "2022-06-19", "day"), ("Bastille Day 2016", "2016-07-14", "day"),
    ("We will meet on Easter Sunday.", "2025-04-20", "day"), ("He was set to make Fourth of July remarks", "2025-07-04", "day"),
    ("They shopped before Christmas.", "2024-12-25", "day"), ("last Thanksgiving", "2024-11-28", "day"),
    ("next Thanksgiving", "2025-11-27", "day"), ("this Easter", "2025-04-20", "day"),
    ("The store opens on Memorial Day.", "2025-05-26", "day"), ("The parade was held on Halloween.", "2024-10-31", "day"),
    ("Christmas shopping", None, "unknown"), ("an election day tradition", None, "unknown"),
    ("they married on christmas eve 2018", "2018-12-24", "day"), ("thanksgiving 2021", "2021-11-25", "day"),

])
group(date(2000, 1, 7), [("Elian was found Thanksgiving Day at sea.", "1999-11-25", "day")])
# weekdays: tense, this/next/last, of next week
group(M, [
    ("On Friday night, insurgents advanced.", "2024-11-29", "day"), ("The strikes happened early Monday.", "2024-12-02", "day"),
    ("Officials said Wednesday the toll had risen.", "2024-11-27", "day"), ("He left last Friday.", "2024-11-29", "day"),
    ("The vote will be held next Friday.", "2024-12-06", "day"), ("The summit will open Thursday.", "2024-12-05", "day"),
    ("Talks are set to resume Tuesday.", "2024-12-03", "day"), ("The team lost on Sunday.", "2024-12-01", "day"),
    ("The court will rule on Saturday.", "2024-12-07", "day"), ("He resigned Tuesday.", "2024-11-26", "day"),
    ("this past Saturday", "2024-11-30", "day"), ("this coming Friday", "2024-12-06", "day"),
    ("Thursday of next week", "2024-12-12", "day"), ("Monday of last week", "2024-11-25", "day"),
    ("on Friday this week", "2024-12-06", "day"), ("on Wednesday next week", "2024-12-11", "day"),
    ("a week from Friday", "2024-12-13", "day"), ("two weeks from today", "2024-12-16", "day"),
    ("see you next tuesday", "2024-12-03", "day"), ("it rained on sunday", "2024-12-01", "day"),
    ("the vote will be on thursday", "2024-12-05", "day"),
    ("ten days from tomorrow", "2024-12-13", "day"), ("three days from now", "2024-12-05", "day"),
    ("three months from now", "2025-03", "month"), ("a year from now", "2025", "year"),
])
group(W, [
    ("Thursday of next week", "2025-03-13", "day"), ("a week from Friday", "2025-03-14", "day"),
    ("two weeks from today", "2025-03-19", "day"), ("The law will take effect in ten days.", "2025-03-15", "day"),
    ("Voters will decide in two weeks.", "2025-03-17/2025-03-23", "range"),
    ("The plant will reopen in three months.", "2025-06", "month"), ("The bond will mature in five years.", "2030", "year"),
    ("the highest level in ten days", None, "unknown"), ("the first time in two years", None, "unknown"),
])
# relative days, last night, overnight
group(W, [
    ("He spoke yesterday.", "2025-03-04", "day"), ("Today, the army said", "2025-03-05", "day"),
    ("The vote is tomorrow.", "2025-03-06", "day"), ("the day before yesterday", "2025-03-03", "day"),
    ("the day after tomorrow", "2025-03-07", "day"), ("Shots were fired last night.", "2025-03-04", "day"),
    ("Rebels attacked overnight.", "2025-03-05", "day"), ("It rained overnight and into the morning.", "2025-03-05", "day"),
    ("overnight rates rose", None, "unknown"), ("an overnight stay", None, "unknown"),
    ("tonight's game", "2025-03-05", "day"), ("yesterday afternoon", "2025-03-04", "day"),
    ("this morning", "2025-03-05", "day"), ("tomorrow morning", "2025-03-06", "day"),
    ("THE DAY BEFORE YESTERDAY", "2025-03-03", "day"), ("Yesterday's vote", "2025-03-04", "day"),
])
# ago / from now, honest precision
group(M, [
    ("They met 10 days ago.", "2024-11-22", "day"), ("They met three days ago.", "2024-11-29", "day"),
    ("They met two weeks ago.", "2024-11-18/2024-11-24", "range"), ("a week ago", "2024-11-25/2024-12-01", "range"),
    ("two months ago", "2024-10", "month"), ("three years ago", "2021", "year"), ("a year ago", "2023", "year"),
    ("a decade ago", "2014", "year"), ("a few days ago", None, "unknown"), ("several years ago", None, "unknown"),
    ("7000 YEARS AGO", None, "unknown"), ("two years from now", "2026", "year"),
    ("six months ago", "2024-06", "month"), ("a fortnight ago", "2024-11-18/2024-11-24", "range"),
])
# narrative anchoring
group(W, [
    ("He was arrested on June 3, 2021. He was freed the next day.", "2021-06-04", "day"),
    ("The vote was on May 2, 2023, and results came the previous day.", "2023-05-01", "day"),
    ("Police said the previous day that", "2025-03-04", "day"),
    ("It opened on June 3, 2021; three days later, it shut.", "2021-06-06", "day"),
    ("On July 1, 2020 it rained. Earlier that day, fans left.", "2020-07-01", "day"),
    ("He arrived on May 1, 2024 and left the following Monday.", "2024-05-06", "day"),
    ("It fell on March 3, 2025 after rising the previous Friday.", "2025-02-28", "day"),
    ("In 2019 sales fell; the following year they rose.", "2020", "year"),
    ("In 2019 sales fell, a year earlier they rose.", "2018", "year"),
    ("In March 2020 the firm was sold. The following month it closed.", "2020-04", "month"),
    ("The fire started on Oct. 2, 2022. That night, crews arrived.", "2022-10-02", "day"),
    ("The storm hit on Sept. 1, 2019. The next morning, roads were shut.", "2019-09-02", "day"),
    ("The deal closed on Aug. 5, 2021. Two weeks later, shares fell.", "2021-08-19", "day"),
    ("He was born in 1950. Two years later his family moved.", "1952", "year"),
    ("It began on Jan. 10, 2020. The day after, it ended.", "2020-01-11", "day"),
    ("Up from the year-earlier results", "2024", "year"),
    ("He left on April 1, 2022, and returned the same day.", "2022-04-01", "day"),
    ("The crash was on May 5, 2010. Later that day, markets recovered.", "2010-05-05", "day"),
])
# times of day date the day the story is at
group(date(2008, 9, 17), [
    ("The Dow was down 2.62% at 16:08 UTC.", "2008-09-17", "day"), ("At 0800 UTC, banks acted.", "2008-09-17", "day"),
    ("Stocks closed at 4 p.m. after a rally.", "2008-09-17", "day"), ("The Dow gained 155 points to end the day.", "2008-09-17", "day"),
    ("Shares fell late in the day.", "2008-09-17", "day"), ("It fell by 2.36% to 5000.", None, "unknown"),
    ("The score was 3:1.", None, "unknown"), ("On Sept. 15, 2008 at 10:35 a.m. Lehman filed.", "2008-09-15", "day"),
])
group(S, [("The blast occurred at about 10:35 a.m. (0735 GMT) Friday.", "1998-08-07", "day")])
# years, decades, centuries, quarters, halves, seasons (coarse stays coarse)
group(W, [
    ("in early 2016 we", "2016", "year"), ("in 2016", "2016", "year"), ("since 1998", "1998", "year"),
    ("in mid-2019", "2019", "year"), ("in late 2020", "2020", "year"), ("by 2030", "2030", "year"),
    ("in 2009-2010 we", "2010", "year"), ("the class of '98", "1998", "year"), ("in fiscal 2019", "2019", "year"),
    ("FY2009 results", "2009", "year"), ("in nineteen eighty-four", "1984", "year"), ("in two thousand and eight", "2008", "year"),
    ("in the 1990s", "1990/1999", "range"), ("in the early '80s", "1980/1983", "range"),
    ("in the late 1960s", "1966/1969", "range"), ("the 19th century", "1800/1899", "range"),
    ("the twentieth century", "1900/1999", "range"),
    ("in the third quarter of 2019", "2019-07-01/2019-09-30", "range"), ("Q1 2020", "2020-01-01/2020-03-31", "range"),
    # a quarter not begun yet, with no future cue, is last year's (news reports results after the fact)
    ("the fourth quarter", "2024-10-01/2024-12-31", "range"), ("last quarter", "2024-10-01/2024-12-31", "range"),
    ("in the first half of 2019", "2019-01-01/2019-06-30", "range"), ("the second half of 2020", "2020-07-01/2020-12-31", "range"),
    ("in the spring of 2016", "2016-03-01/2016-05-31", "range"), ("last summer", "2024-06-01/2024-08-31", "range"),
    ("next winter", "2025-12-01/2026-02-28", "range"), ("in the summer of 2012", "2012-06-01/2012-08-31", "range"),
    ("sales fell last year", "2024", "year"), ("next month", "2025-04", "month"), ("last month", "2025-02", "month"),
    ("this week", "2025-03-03/2025-03-09", "range"), ("last week", "2025-02-24/2025-03-02", "range"),
    ("next week", "2025-03-10/2025-03-16", "range"), ("this year", "2025", "year"), ("next year", "2026", "year"),
    ("by the end of the year", "2025", "year"), ("at the beginning of last year", "2024", "year"),
    ("earlier this year", "2025", "year"), ("later this month", "2025-03", "month"),
    ("over the weekend", "2025-03-01/2025-03-02", "range"), ("last weekend", "2025-03-01/2025-03-02", "range"),
    ("this decade", "2020/2029", "range"), ("last decade", "2010/2019", "range"),
])
# things that are not dates
group(W, [
    ("the Russell 2000 index", None, "unknown"), ("some 2000 people", None, "unknown"),
    ("Theresa May said", None, "unknown"), ("April Ryan asked", None, "unknown"), ("the fall of Aleppo", None, "unknown"),
    ("the 22nd floor", None, "unknown"), ("for three years", None, "unknown"), ("every week", None, "unknown"),
    ("recently", None, "unknown"), ("room 1999", None, "unknown"), ("flight 1549", None, "unknown"),
    ("$2015 in cash", None, "unknown"), ("1,999 votes", None, "unknown"), ("It may rain.", None, "unknown"),
    ("the March for Life", None, "unknown"), ("every Monday", None, "unknown"), ("on Mondays", None, "unknown"),
    ("a june bug", None, "unknown"), ("2015 kilometres away", None, "unknown"),
])
# more everyday phrasings across reference dates
group(date(2023, 11, 20), [
    ("The sale starts on Black Friday.", "2023-11-24", "day"), ("Families will gather on Thanksgiving.", "2023-11-23", "day"),
    ("The office reopens after Christmas.", "2023-12-25", "day"), ("He was elected on Election Day 2022.", "2022-11-08", "day"),
    ("The concert is on Friday.", "2023-11-24", "day"), ("The concert will be on Friday.", "2023-11-24", "day"),
    ("The bill passed on Nov. 15.", "2023-11-15", "day"), ("The deadline is Dec. 1.", "2023-12-01", "day"),
    ("on 11/20/2023", "2023-11-20", "day"), ("on 20.11.2023", "2023-11-20", "day"),
])
group(date(2021, 1, 4), [
    ("The riots began on Dec. 30.", "2020-12-30", "day"), ("He will speak on Jan. 20.", "2021-01-20", "day"),
    ("in December, sales jumped", "2020-12", "month"), ("New Year's Eve", "2020-12-31", "day"),
    ("last Christmas", "2020-12-25", "day"), ("last year", "2020", "year"),
    ("the last day of last month", "2020-12-31", "day"), ("Easter", "2021-04-04", "day"),
    ("the first Monday of February 2021", "2021-02-01", "day"), ("Q4 2020", "2020-10-01/2020-12-31", "range"),
])
group(date(2007, 10, 20), [("what is known as Black Monday", None, "unknown")])
group(date(1998, 8, 12), [("WASHINGTON, August 11 (Xinhua) --\nNews came.", "1998-08-11", "day")])

# round 3: an offset over a resolved date ("two days before Christmas"), N before/after an event
group(W, [
    ("He left two days before Christmas.", "2024-12-23", "day"),
    ("The strike began the day after New Year's Day.", "2025-01-02", "day"),
    ("The ruling came a day after March 3, 2020.", "2020-03-04", "day"),
    ("The vote came three weeks after Jan. 6.", "2025-01-27", "day"),
    ("Three months after March 3, 2020, the virus spread.", "2020-06", "month"),
    ("A year after the 2001 attacks, the law changed.", "2002", "year"),
    # (W is a Wednesday: "last Tuesday" is the week before, not yesterday)
    ("The day before last Tuesday's hearing, he went home.", "2025-02-24", "day"),
    ("She was hired a week prior to July 4, 2019.", "2019-06-27", "day"),
    ("Five days after Feb. 10 the troops withdrew.", "2025-02-15", "day"),
    # a stretch of time, not a date: the anchor keeps its own value
    ("He was jailed for two years after March 2019.", "2019-03", "month"),
    ("The stores stay open for two days after Christmas.", "2024-12-25", "day"),
    # an offset before an event is no date: we do not guess when the event was
    ("The man was seen ten days before the shooting.", None, "unknown"),
    ("Two days after the election, the president resigned.", None, "unknown"),
])
# clock times in words, and a time of day with a weekday
group(W, [
    ("The fire broke out at 4 in the morning.", "2025-03-05", "day"),
    ("He phoned at about ten o'clock.", "2025-03-05", "day"),
    ("On May 2, 2020, the raid began at 4 in the morning.", "2020-05-02", "day"),
    ("The ceasefire took effect at midnight Friday.", "2025-02-28", "day"),
    ("The ceasefire will take effect at midnight Friday.", "2025-03-07", "day"),
    ("Polls opened at dawn on Sunday.", "2025-03-02", "day"),
    ("The leaders met at noon Monday.", "2025-03-03", "day"),
    ("The shop closed at 9 at night on Tuesday.", "2025-03-04", "day"),
    ("He finished fourth, at 4 in the overall standings.", None, "unknown"),
    ("They met at four.", None, "unknown"),
])
# possessive weekdays: the word before them, not a conditional, says which one
group(date(2000, 1, 7), [  # a Friday
    ("The family said they would look for ways around Wednesday's ruling.", "2000-01-05", "day"),
    ("Lawyers will appeal Wednesday's ruling.", "2000-01-05", "day"),
    ("Campaigning ended ahead of Sunday's vote.", "2000-01-09", "day"),
    ("Shares rose after Monday's announcement.", "2000-01-03", "day"),
    ("Voters will go to the polls in Sunday's election.", "2000-01-09", "day"),
    ("Officials prepared for Tuesday's summit.", "2000-01-11", "day"),
    ("Anger grew over Thursday's shooting.", "2000-01-06", "day"),
])
# "today's" as our times, not the day
group(W, [
    ("It is small by today's standards.", None, "unknown"), ("Today's youth read less news.", None, "unknown"),
    ("The film speaks to today's generation.", None, "unknown"), ("Today's vote was close.", "2025-03-05", "day"),
    ("Today's announcement surprised investors.", "2025-03-05", "day"),
])
# tense: a phrase opening the sentence takes the clause after its comma; a "that" clause is another clause
group(date(2023, 3, 22), [  # a Wednesday
    ("On Thursday, the department will close the bridge.", "2023-03-23", "day"),
    ("On Thursday, the department closed the bridge.", "2023-03-16", "day"),
    ("In April, the company will launch the phone.", "2023-04", "month"),
    ("In January, the company launched the phone.", "2023-01", "month"),
    ("By Friday, the ministry expects to finish.", "2023-03-24", "day"),
    ("The spokesman claiming on Tuesday that rebels would attack was fired.", "2023-03-21", "day"),
    ("She insisted on Monday that the talks would go on.", "2023-03-20", "day"),
    ("The visit, slated for June, was confirmed.", "2023-06", "month"),
    ("Crude for delivery in January rose.", "2024-01", "month"),
])
# quarters and halves; futures delivery months
group(W, [
    ("The economy grew 0.3 percent in the fourth quarter.", "2024-10-01/2024-12-31", "range"),
    ("Analysts expect a rebound in the fourth quarter.", "2025-10-01/2025-12-31", "range"),
    ("Sales rose in the first quarter.", "2025-01-01/2025-03-31", "range"),
    ("Profits fell in the second half of last year.", "2024-07-01/2024-12-31", "range"),
    ("The deal should close in the second half of the year.", "2025-07-01/2025-12-31", "range"),
    ("Arsenal scored twice in the second half.", None, "unknown"),
    ("The Lakers led in the first half.", None, "unknown"),
    ("April crude settled 28 cents higher.", "2025-04", "month"),
    ("The July contract closed lower.", "2025-07", "month"),
    ("January gold fell.", "2026-01", "month"),
])
group(date(2025, 5, 10), [("Polls closed two days ahead of Easter.", "2025-04-18", "day")])
group(date(2025, 11, 20), [
    ("December crude rose 40 cents.", "2025-12", "month"), ("The January contract ended lower.", "2026-01", "month"),
    ("The economy shrank in the third quarter.", "2025-07-01/2025-09-30", "range"),
])
# the story's day and year: a month in the story's year, trading sessions, an earlier month in between
group(W, [
    ("He arrived in 2019. In October of that year, he left.", "2019-10", "month"),
    ("It was founded in 2001 and sold in May the following year.", "2002-05", "month"),
    ("Ford said on Tuesday that sales rose in February; its stock rose in morning trading.", "2025-03-04", "day"),
    ("On Monday, March 3, sales rose 4% in February, up from last year, and fell later in the day.",
     "2025-03-03", "day"),
    ("Shares slid in early afternoon trading.", "2025-03-05", "day"),
])

# hard-wrapped wire copy: a line break inside a sentence does not cut its tense cues off
group(date(1987, 3, 9), [  # a Monday
    ("The estimate, which the agency has left unchanged since\nOctober, should be revised.", "1986-10", "month"),
    ("A spokesman said there will be no sailings from\nmidnight on Sunday.", "1987-03-15", "day"),
    ("The bank said it expects the payout will be made in\nearly May.", "1987-05", "month"),
    ("The accord expires in\nOctober.", "1987-10", "month"),
    ("Sales fell.\nIn October the plant closed.", "1986-10", "month"),
    ("It was the first bond issue in 21 years, and it will be priced on Friday.", "1987-03-13", "day"),
])
group(date(1987, 3, 6), [("Shareholders are scheduled to vote on the deal\nMonday.", "1987-03-09", "day")])
group(date(1987, 3, 11), [
    ("It would float its first Yankee bond issue in 21 years.", None, "unknown"),
    ("Unemployment will rise from January's record three pct.", "1987-01", "month"),
])
# an abbreviation's full stop is not a sentence's; a fronted phrase's verb may follow a subordinate clause
group(date(2023, 3, 22), [
    ("The market is due to take place Oct. 31- Nov. 5.", "2023-11-05", "day"),
    ("The film festival, set for Sept. 30, will run until Oct. 8.", "2023-10-08", "day"),
    ("Gov. Smith will sign the bill on Friday.", "2023-03-24", "day"),
    ("Acme Corp. will report results on April 20.", "2023-04-20", "day"),
    ("On Sept. 24, as the spacecraft flies by Earth, it will release the capsule.", "2023-09-24", "day"),
    ("On Sept. 24, as the spacecraft flew by Earth, it released the capsule.", "2022-09-24", "day"),
    ("The coupon is payable December 14 each year.", None, "unknown"),
])
# cues that are not what they look like: a noun "plan", "than expected", a verb after the phrase
group(date(2006, 12, 5), [
    ("The public denounced the plan from the start of the consultation in July.", "2006-07", "month"),
    ("The government plans to sell the stake in July.", "2007-07", "month"),
    ("Wages grew faster than expected in October.", "2006-10", "month"),
    ("Growth is expected to slow in March.", "2007-03", "month"),
    ("The exchange, which in February agreed to stop selling the assets, was fined.", "2006-02", "month"),
    ("The board on Friday agreed to approve the deal.", "2006-12-01", "day"),
    ("The board on Friday is expected to approve the deal.", "2006-12-08", "day"),
    ("We hope to complete the review in September.", "2007-09", "month"),
    ("The deadline for bids is Thursday.", "2006-12-07", "day"),
])
# a present tense after "before/until/once/when" looks ahead; "that day" needs a told day
group(date(2006, 1, 27), [
    ("The loss could rise before it is officially reported in March.", "2006-03", "month"),
    ("Once the deal closes in June, the firm will merge.", "2006-06", "month"),
    ("When the plant closed in June, workers left.", "2005-06", "month"),
    ("Iran will start enrichment when the country marks the anniversary in February.", "2006-02", "month"),
    ("That same day, the ministry resigned.", None, "unknown"),
    ("He was killed on Oct. 23. That same day, police arrived.", "2005-10-23", "day"),
])
# US wire style: "a week ago Friday"
group(date(1998, 8, 20), [  # a Thursday
    ("The bombs went off a week ago Friday.", "1998-08-07", "day"),
    ("Talks began two weeks ago Monday.", "1998-08-03", "day"),
    ("The embassy reopened a week ago Thursday.", "1998-08-13", "day"),
])


def dating(text: str, ref: date) -> tuple[str | None, str]:
    found = [e for e in tag(text, ref) if e.value]
    return (found[-1].value, found[-1].precision) if found else (None, "unknown")

# typographic apostrophes and the present of scheduled happenings point ahead (published 5 March 2025)
group(W, [
    ("It’ll be fun watching them at Christmas.", "2025-12-25", "day"),
    ("We won’t know the result until December.", "2025-12", "month"),
    ("The tour kicks off in May.", "2025-05", "month"), ("The festival kicked off in May.", "2024-05", "month"),
    ("The ban takes effect on July 1.", "2025-07-01", "day"), ("The ban took effect on July 1.", "2024-07-01", "day"),
    ("The treaty comes into force in June.", "2025-06", "month"),
    ("The rules go into effect in October.", "2025-10", "month"),
    ("The series premieres in September.", "2025-09", "month"),
])
# forward references need a told date; backward ones count back from publication
group(W, [
    ("Two days later, police arrested him.", None, "unknown"),
    ("The next day, the minister resigned.", None, "unknown"),
    ("The mill closed on June 3, 2021. Two days later, workers protested.", "2021-06-05", "day"),
    ("A year earlier, profits were lower.", "2024", "year"),
])
# a day told again without its year is the day told before
group(W, [
    ("The riot of Jan. 6, 2021, shocked him. He spoke of the anger after Jan. 6.", "2021-01-06", "day"),
    ("The strike began Oct. 2, 2019. Since Oct. 2, no trains have run.", "2019-10-02", "day"),
])

# seasons follow the clause's tense; a bare half is a game's; the idiom is no date (published 5 March 2025)
group(W, [
    ("I watched the show over the summer.", "2024-06-01/2024-08-31", "range"),
    ("The work will finish in the summer.", "2025-06-01/2025-08-31", "range"),
    ("The bridge will reopen in the autumn.", "2025-09-01/2025-11-30", "range"),
    ("The team led 46-33 at the end of the first half.", None, "unknown"),
    ("He scored twice in the second half.", None, "unknown"),
    ("Profits rose in the first half of this year.", "2025-01-01/2025-06-30", "range"),
    ("Sales fell in the second half of last year.", "2024-07-01/2024-12-31", "range"),
    ("That's what matters at the end of the day.", None, "unknown"),
])


def test_at_least_300_phrasings():
    assert len(ROWS) >= 300


@pytest.mark.parametrize("ref, text, value, precision", ROWS, ids=[f"{r[0]}:{r[1][:40]}" for r in ROWS])
def test_phrasing(ref, text, value, precision):
    assert dating(text, ref) == (value, precision)
