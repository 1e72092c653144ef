"""Everyday phrasings, batch 4 of round 10 (issue 25): rows written by hand from general knowledge
of news and spoken English, not from any corpus, dev set or shared file, spread evenly over the
classes the issue names: relative days, weeks, months and years with numbers in words and digits
("in ten days", "three weeks from now", "the week before last"), parts of periods ("early next
month", "mid-2019", "the end of the quarter", "the first half of 2024"), a weekday by its clause's
tense, holidays with years and relatives, seasons, numeric forms (US order for "12/03/2021",
"2021-03-12", "March 12th, '21"; "12.3.2021" has no value), ordinals in words, ranges and spans
("from May to July", "between 2010 and 2012", "2009/10"), durations and comparatives that date
nothing, quarters and fiscal years, decades and centuries, "this time last year", "a year ago
today", parts of days, "since", "until" and "by", clock times with zones, and things that look
like dates and are not.

Each row of ``ROWS``: the text and the value of the last expression with a value (None: none has
one). Weekdays and holidays (Thanksgiving 2025 is November 27, Easter 2019 April 21, Easter 2026
April 5, Presidents' Day 2026 February 16) were checked with Python's ``calendar`` and
``date.weekday``, not with the code under test. Conventions follow the earlier suites: "in two
weeks" and "a fortnight ago" are the Monday-Sunday week, "three weeks from now" a day, "mid-2019"
and "late last year" the year, "early October" the month, a range's last value is its end.

First run on the code before this batch's fixes (main at 8af0452): recorded in docs/dates.md.
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.temporal.phrase_rows import Rows, check_last_value

P = date(2025, 11, 19)  # a Wednesday, eight days before Thanksgiving
Q = date(2024, 7, 8)    # a Monday, after the Fourth of July
R = date(2026, 2, 13)   # a Friday, the day before Valentine's Day
S = date(2023, 4, 20)   # a Thursday

ROWS = Rows()
group = ROWS.group

group(P, [
    # relative days, weeks, months and years
    ('The ruling is due in ten days.', '2025-11-29'),
    ('Voting closes three weeks from now.', '2025-12-10'),
    ('She quit her post a fortnight ago.', '2025-11-03/2025-11-09'),
    ('The hearing resumes the day after tomorrow.', '2025-11-21'),
    ('The plant shut the day before yesterday.', '2025-11-17'),
    ('Prices spiked the week before last.', '2025-11-03/2025-11-09'),
    ('The audit starts the week after next.', '2025-12-01/2025-12-07'),
    ('The chain was sold four months ago.', '2025-07'),
    ('The airport opened eleven years ago.', '2014'),
    ('The law takes effect in 30 days.', '2025-12-19'),
    ('The bridge will reopen in six weeks.', '2025-12-29/2026-01-04'),
    ('Two months from now the store opens.', '2026-01'),
    ('Five days ago, the river burst its banks.', '2025-11-14'),
    ('The results come out a week from today.', '2025-11-26'),
    ('Nine days from now the strike begins.', '2025-11-28'),
    ('The recall began two weeks ago.', '2025-11-03/2025-11-09'),
    ('The firm went public three years ago.', '2022'),
    ('Rates rose the year before last.', '2023'),
    ('The dam failed a week ago Sunday.', '2025-11-09'),
    ('The pact was signed a year ago today.', '2024-11-19'),
    ('Fares were cheaper this time last year.', '2024-11-19'),
    ('The budget is due next yr.', '2026'),
    ('The strike ends in 10 days.', '2025-11-29'),
    # parts of periods
    ('The museum reopens early next month.', '2025-12'),
    ('Inflation peaked in mid-2019.', '2019'),
    ('The chain collapsed late last year.', '2024'),
    ('Output rose in the first half of 2024.', '2024-01-01/2024-06-30'),
    ('The strike began in early October.', '2025-10'),
    ('Talks broke down in late September.', '2025-09'),
    ('Work on the tunnel ends in mid-December.', '2025-12'),
    ('Building starts at the beginning of next year.', '2026'),
    ('Prices will fall in the second half of next year.', '2026-07-01/2026-12-31'),
    ('The plan was unveiled earlier this year.', '2025'),
    ('More cuts are coming later this month.', '2025-11'),
    ('The list will be out by the end of next week.', '2025-11-24/2025-11-30'),
    ('The deal should close by the end of the quarter.', '2025-10-01/2025-12-31'),
    # a weekday by its clause's tense
    ('The minister resigned on Monday.', '2025-11-17'),
    ('The minister will resign on Monday.', '2025-11-24'),
    ('Talks collapsed Friday.', '2025-11-14'),
    ('Talks are due to resume Friday.', '2025-11-21'),
    ('The board met last Monday.', '2025-11-17'),
    ('The board meets again next Tuesday.', '2025-11-25'),
    ('Voters head to the polls on Saturday.', '2025-11-22'),
    ('The suspect was charged on Thursday.', '2025-11-13'),
    ('A decision is expected Thursday.', '2025-11-20'),
    ('She had flown home on Saturday.', '2025-11-15'),
    ('The law comes into force on Sunday.', '2025-11-23'),
    ('Leaders are set to meet on Friday.', '2025-11-21'),
    # holidays
    ('Flights are full ahead of Thanksgiving.', '2025-11-27'),
    ('The family gathered last Christmas.', '2024-12-25'),
    ('The truce began on Christmas Day 2023.', '2023-12-25'),
    ("The bar was packed on New Year's Eve 2019.", '2019-12-31'),
    ('The church was full at Easter 2019.', '2019-04-21'),
    ("They married on Valentine's Day 2015.", '2015-02-14'),
    ('The lights will go up before Christmas.', '2025-12-25'),
    # seasons
    ('The stadium opens next spring.', '2026-03-01/2026-05-31'),
    ('Wildfires raged last summer.', '2025-06-01/2025-08-31'),
    ('The merger closed in the autumn of 2021.', '2021-09-01/2021-11-30'),
    ('Heating bills will rise this winter.', '2025-12-01/2026-02-28'),
    ('The film opens in spring 2026.', '2026-03-01/2026-05-31'),
    ("The album dropped in summer '19.", '2019-06-01/2019-08-31'),
    # numeric forms (a US paper: month first when both orders are possible)
    ('The contract was signed on 12/03/2021.', '2021-12-03'),
    ('The report is dated 2021-03-12.', '2021-03-12'),
    ('Filed on 12.3.2021.', None),
    ("The shop opened March 12th, '21.", '2021-03-12'),
    ('Date of birth: 07/04/1976', '1976-07-04'),
    ('Posted: 2025-11-18T09:30:00Z', '2025-11-18'),
    ('Applications close 15/01/2026.', '2026-01-15'),
    ('Updated 11/18/25 3:45 PM', '2025-11-18'),
    ('He was born on 12/Mar/1981.', '1981-03-12'),
    ('Released Monday, Nov. 17.', '2025-11-17'),
    # ordinals in words
    ('He was sworn in on the twenty-first of May.', '2025-05-21'),
    ('The twelfth of December is the deadline.', '2025-12-12'),
    ('She was born on the third of April, 1988.', '1988-04-03'),
    ('It was cold on the third of march.', '2025-03-03'),
    ('The new rules apply from the first of next month.', '2025-12-01'),
    # ranges and spans
    ('The exhibition ran from May to July.', '2025-07'),
    ('The company grew between 2010 and 2012.', '2012'),
    ('Costs rose sharply in 2009/10.', '2009/2010'),
    ('Attendance fell in the 1987-88 season.', '1987/1988'),
    ('The road was shut from Saturday to Monday.', '2025-11-17'),
    ('The sale runs through Sunday.', '2025-11-23'),
    # durations and comparatives: no date
    ('The strike lasted for three weeks.', None),
    ('It ended a decade-long feud.', None),
    ('The work took six months.', None),
    ('The project finished three weeks later than planned.', None),
    ('The season ran two months longer than usual.', None),
    ('Deliveries arrived a day earlier than expected.', None),
    ('He served 12 years in prison.', None),
    ('A two-week strike crippled the port.', None),
    # quarters and fiscal years
    ('Profits rose in Q3 2023.', '2023-07-01/2023-09-30'),
    ('Profits rose in the third quarter.', '2025-07-01/2025-09-30'),
    ('Revenue for fiscal 2022 fell.', '2022'),
    ('Sales will grow in the fourth quarter.', '2025-10-01/2025-12-31'),
    ('Margins shrank last quarter.', '2025-07-01/2025-09-30'),
    ('Costs will rise in the first quarter of next year.', '2026-01-01/2026-03-31'),
    ('Revenue in FY2023 was flat.', '2023'),
    # decades and centuries
    ('The band was famous in the 1980s.', '1980/1989'),
    ("The show was a hit in the '90s.", '1990/1999'),
    ('Prices soared in the early 2010s.', '2010/2013'),
    ('Disco ruled the late 1970s.', '1976/1979'),
    ('Life changed in the 21st century.', '2000/2099'),
    ('Grunge peaked in the nineties.', '1990/1999'),
    # parts of days
    ('He called yesterday morning.', '2025-11-18'),
    ('The vote is tonight.', '2025-11-19'),
    ('The news broke at 7:05 this morning.', '2025-11-19'),
    ('The final whistle blew at 10pm last night.', '2025-11-18'),
    ('Talks went on late into the night on Monday.', '2025-11-17'),
    # since, until, by
    ('Prices have doubled since 2019.', '2019'),
    ('He has been missing since Saturday.', '2025-11-15'),
    ('The road is shut until Friday.', '2025-11-21'),
    ('Bids are due by December 1.', '2025-12-01'),
    ('The work must be done by next June.', '2026-06'),
    ('The office was closed until Tuesday.', '2025-11-18'),
    ('The plant has been idle since last March.', '2025-03'),
    ('The line should be running by mid-2026.', '2026'),
    # clock times with zones
    ('The blast hit at 9:40 a.m. EST Tuesday.', '2025-11-18'),
    ('Markets open at 08:00 GMT tomorrow.', '2025-11-20'),
    ('The launch is set for 6:15 p.m. PT on Saturday.', '2025-11-22'),
    ('The quake struck at 23:10 UTC on Monday.', '2025-11-17'),
    ('At 3 a.m. Sunday the alarm sounded.', '2025-11-16'),
    # not dates
    ('The 1-0 win lifted the team.', None),
    ('She lives at 1600 Pennsylvania Avenue.', None),
    ('The 2nd Battalion deployed.', None),
    ('He ran the 400m in 44.9 seconds.', None),
    ('The iPhone 15 sold well.', None),
])

group(Q, [
    ('Fireworks lit the sky on Independence Day.', '2024-07-04'),
    ('The office closed last Friday.', '2024-07-05'),
    ('The office will close this Friday.', '2024-07-12'),
    ('Crowds gathered over the weekend.', '2024-07-06/2024-07-07'),
    # first written as the coming weekend (July 13-14): a row error against the earlier suites'
    # convention, "next weekend" on a weekday is the one after this weekend (test_temporal_everyday)
    ('The fair is next weekend.', '2024-07-20/2024-07-21'),
    ('Sales slowed in the second quarter.', '2024-04-01/2024-06-30'),
    ('Revenue is on track this quarter.', '2024-07-01/2024-09-30'),
    ('Sales jumped in the first half of the year.', '2024-01-01/2024-06-30'),
    ('The club sold him in the 2023/24 season.', '2023/2024'),
    ('The target is for fiscal 2025.', '2025'),
    ('Schools reopen on Labor Day.', '2024-09-02'),
    ('The votes will be counted in two weeks.', '2024-07-22/2024-07-28'),
    ('The heatwave started three weeks ago.', '2024-06-17/2024-06-23'),
    ('The festival opens in five days.', '2024-07-13'),
    ('The trial starts ten days from today.', '2024-07-18'),
    ('The ban was lifted on Saturday.', '2024-07-06'),
    ('The ban will be lifted on Saturday.', '2024-07-13'),
    ('He spoke on Sunday evening.', '2024-07-07'),
    ('The vote is on Wednesday afternoon.', '2024-07-10'),
    ('Storms hit overnight Saturday into Sunday.', '2024-07-07'),
    ('The company was founded in the late nineteenth century.', '1860/1899'),
    ('It was built in the mid-1950s.', '1953/1956'),
    ('The firm posted a loss for the year to March 31.', '2024-03-31'),
    ('Inflation cooled in June.', '2024-06'),
    ('The rates decision comes in September.', '2024-09'),
    ('The deal was struck in March and announced in May.', '2024-05'),
    ('The Games open on 26 July.', '2024-07-26'),
    ('The park opened on July 1.', '2024-07-01'),
    ('Tickets go on sale on the 15th.', '2024-07-15'),
    ('The pipe burst on the 3rd.', '2024-07-03'),
    ('Turnout was low in the summer of 2022.', '2022-06-01/2022-08-31'),
    ('Lunch is at noon on Thursday.', '2024-07-11'),
    ('A decade ago the town had no bank.', '2014'),
    ('The talks lasted from 2019 to 2021.', '2021'),
    ('He was in office between 2001 and 2005.', '2005'),
    ('Production halted for several days.', None),
    ('The firm expects faster growth than last year.', '2023'),
    ('The strike is into its third week.', None),
])

group(R, [
    ('The shop will be busy on Valentine\'s Day.', '2026-02-14'),
    ('Banks close on Presidents\' Day.', '2026-02-16'),
    ('The market fell last Friday.', '2026-02-06'),
    ('Sales slumped after Christmas.', '2025-12-25'),
    ("The pledge was made on New Year's Day.", '2026-01-01'),
    ('The clinic opened earlier this week.', '2026-02-09/2026-02-15'),
    ('The schools reopen after Easter.', '2026-04-05'),
    ('The plane landed at 2:30 p.m. local time on Thursday.', '2026-02-12'),
    ('The poll closes in two weeks from today.', '2026-02-27'),
    ('The review is due in four weeks.', '2026-03-09/2026-03-15'),
    ('Fees went up at the start of the year.', '2026'),
    ('The plan runs to the end of 2027.', '2027'),
    ('The team won the title in 2009/10.', '2009/2010'),
    ('The firm was set up in the early 1900s.', '1900/1930'),
    ('Snow fell overnight.', '2026-02-13'),
    ('The vote was held on Tuesday night.', '2026-02-10'),
    ('The trial opens Monday.', '2026-02-16'),
    ('The trial opened Monday.', '2026-02-09'),
    ('He will fly out tomorrow morning.', '2026-02-14'),
    ('The fire broke out late yesterday.', '2026-02-12'),
    ('The deal closed in January.', '2026-01'),
    ('The new line opens in March.', '2026-03'),
    ('Prices fell in December.', '2025-12'),
    ('She spent two years abroad.', None),
    ('The museum is open seven days a week.', None),
    ('The report covers the 12 months to January.', '2026-01'),
    ('The cut takes effect on the first of March.', '2026-03-01'),
    ('The rally is on the twenty-eighth.', '2026-02-28'),
    ('The accord was signed on 3 February 2026.', '2026-02-03'),
])

group(S, [
    ('Workers will march on May Day.', '2023-05-01'),
    ('Earnings fell in Q1.', '2023-01-01/2023-03-31'),
    ('Earnings will rise in Q2.', '2023-04-01/2023-06-30'),
    ('The firm cut jobs ten days ago.', '2023-04-10'),
    ('The ferry resumes a week from today.', '2023-04-27'),
    ('The leak was found last week.', '2023-04-10/2023-04-16'),
    ('The gala is on Sunday.', '2023-04-23'),
    ('The gala was on Sunday.', '2023-04-16'),
    ('The plant shut in the final quarter of 2022.', '2022-10-01/2022-12-31'),
    ('The town flooded in the winter of 2021.', '2021-12-01/2022-02-28'),
    ('The school was built in the 1960s.', '1960/1969'),
    ('Rates will peak later this year.', '2023'),
    ('The rules changed on April 1.', '2023-04-01'),
    ('The rules change on May 1.', '2023-05-01'),
    ('The firm has grown every year since 2015.', '2015'),
    ('Fans queued for hours.', None),
    ('The lease runs for 99 years.', None),
    ('The report came out on Apr. 3, 2023.', '2023-04-03'),
    ('The race starts at 9 a.m. ET on Saturday.', '2023-04-22'),
    ('He was arrested at about 1 a.m. Wednesday.', '2023-04-19'),
])

# a check batch, written after the first run and its fixes, before running the code on it (its own
# first-run score is in docs/dates.md); Easter 2027 is March 28, Memorial Day 2027 May 31
T = date(2027, 5, 12)   # a Wednesday
U = date(2024, 12, 10)  # a Tuesday
V = date(2025, 9, 26)   # a Friday
group(T, [
    ('The hospital opens in twelve days.', '2027-05-24'),
    ('Flooding began three weeks ago.', '2027-04-19/2027-04-25'),
    ('The strike starts a fortnight from today.', '2027-05-26'),
    ('The verdict is due in three weeks.', '2027-05-31/2027-06-06'),
    ('The report was leaked the day before yesterday.', '2027-05-10'),
    ('The fund closed late last month.', '2027-04'),
    ('Hiring will pick up in the second half of the year.', '2027-07-01/2027-12-31'),
    ('Unemployment peaked in mid-2021.', '2021'),
    ('The mayor spoke on Monday.', '2027-05-10'),
    ('The mayor speaks again on Monday.', '2027-05-17'),
    ('Parades are planned for Memorial Day.', '2027-05-31'),
    ('The town has been dry since Easter.', '2027-03-28'),
    ('The estate was sold in the summer of last year.', '2026-06-01/2026-08-31'),
    ('The form is dated 05/06/2027.', '2027-05-06'),
    ('Signed 2027-04-30.', '2027-04-30'),
    ('The ceremony is on the fourteenth of June.', '2027-06-14'),
    ('Trade slumped between 2008 and 2009.', '2009'),
    ('The tour runs from June to August.', '2027-08'),
    ('The siege lasted for eight months.', None),
    ('The trains ran ten minutes later than scheduled.', None),
    ('Profit rose in Q2 2026.', '2026-04-01/2026-06-30'),
    ('Revenue for fiscal 2026 rose 4%.', '2026'),
    ("The style was huge in the '80s.", '1980/1989'),
    ('It was a hit in the early 1960s.', '1960/1963'),
    ('He was home by 9 p.m. last night.', '2027-05-11'),
    ('The funeral is on Friday at 11 a.m.', '2027-05-14'),
    ('Doors close at 18:00 BST on Thursday.', '2027-05-13'),
    ('The office is shut until Monday.', '2027-05-17'),
    ('The plan must be agreed by the end of June.', '2027-06'),
    ('Prices have fallen since March.', '2027-03'),
])
group(U, [
    ('The couple will marry on Christmas Eve.', '2024-12-24'),
    ('Prices jumped after Thanksgiving.', '2024-11-28'),
    ('Snow fell nine days ago.', '2024-12-01'),
    ('The road opens in four weeks.', '2025-01-06/2025-01-12'),
    ('She resigned a fortnight ago.', '2024-11-25/2024-12-01'),
    ('The budget comes out on Thursday.', '2024-12-12'),
    ('The budget came out on Thursday.', '2024-12-05'),
    ('Results for the fourth quarter are due next month.', '2025-01'),
    ('The ski season opens this winter.', '2024-12-01/2025-02-28'),
    ("Shops stay open until New Year's Eve.", '2024-12-31'),
    ('The company has been in talks since Nov. 30.', '2024-11-30'),
    ('Output fell in the 2023/24 financial year.', '2023/2024'),
    ('He moved here in spring 2019.', '2019-03-01/2019-05-31'),
])
group(V, [
    ('The heat broke six days ago.', '2025-09-20'),
    ('The fair opens 30 days from now.', '2025-10-26'),
    ('It poured the week before last.', '2025-09-08/2025-09-14'),
    ('The shop will be decorated for Halloween.', '2025-10-31'),
    ('Schools were shut on Labor Day.', '2025-09-01'),
    ('The index rose this time last year.', '2024-09-26'),
    ('The treaty was signed on the thirtieth of August.', '2025-08-30'),
    ('The game is on Sunday afternoon.', '2025-09-28'),
    ('The game was on Sunday afternoon.', '2025-09-21'),
    ('A 90-day review begins.', None),
    ('Sales grew faster than a year ago.', '2024'),
    ('The fire was put out early this morning.', '2025-09-26'),
    ('The plant opens in the autumn of next year.', '2026-09-01/2026-11-30'),
    ('Growth will slow in the third quarter of 2026.', '2026-07-01/2026-09-30'),
    ('Costs rose in the second quarter.', '2025-04-01/2025-06-30'),
])

# rule rows, written after the first run for the classes it and a probe of some 250 phrasings found
# (not part of the first-run score)
group(P, [
    # "since" before a day or a holiday with no year: a start, so behind, however far back
    ('Prices have risen since Thanksgiving.', '2024-11-28'),
    ('Nobody has seen him since Christmas Eve.', '2024-12-24'),
    ("Since New Year's Day, 40 people have died.", '2025-01-01'),
    ('He has been held since Dec. 2.', '2024-12-02'),
    ('Prices have risen since Nov. 25.', '2024-11-25'),
    ('The plant has been shut since Tuesday.', '2025-11-18'),
    ('The firm will be closed from Christmas.', '2025-12-25'),
    # a season of a year named relative to today
    ('The park opens in the spring of next year.', '2026-03-01/2026-05-31'),
    ('The shop shut in the autumn of last year.', '2024-09-01/2024-11-30'),
    ('The show returns in the fall of next year.', '2026-09-01/2026-11-30'),
    ("The fall of last year's champion was swift.", '2024'),
    # a plan told in the present with a noun of two or three words as subject
    ('The city council vote happens in January.', '2026-01'),
    ('The ruling party decision comes in December.', '2025-12'),
    ('The decision came in September.', '2025-09'),
])
group(R, [
    # an ordinal word alone after "on the", for days 10 to 31 ("on the third" may be a round or a hole)
    ('It snowed on the eleventh.', '2026-02-11'),
    ('The show is on the twenty first.', '2026-02-21'),
    ('They met on the twentieth anniversary.', None),
    ('He won on the third.', None),
])

# rows left failing on purpose, each with why (strict: a rule that fixes one shows as XPASS)
LEFT: dict[str, str] = {
    # a bare "the quarter" is a game's as often as a year's ("led by ten at the end of the quarter"):
    # the quarter rule gives no value without a year, an ordinal or this/last/next
    "The deal should close by the end of the quarter.": "a bare 'the quarter' may be a game's",
    # "was closed until Tuesday": in news a past passive before "until" is mostly a postponement whose
    # end is ahead ("were adjourned until Monday", "was postponed until Thursday", four corpus cases)
    "The office was closed until Tuesday.": "a past passive before 'until' is as often an end ahead",
}


@pytest.mark.parametrize("ref,text,value", [
    pytest.param(*r, marks=pytest.mark.xfail(strict=True, reason=LEFT[r[1]])) if r[1] in LEFT else r
    for r in ROWS], ids=[r[1][:50] for r in ROWS])
def test_phrase_row(ref: date, text: str, value: str | None) -> None:
    check_last_value(ref, text, value)


def test_suite_size() -> None:
    """The batch's brief asks for at least 150 rows written by hand."""
    assert len(ROWS) >= 150
