"""Everyday phrasings, round 9 of issue 25: rows written by hand (not from any corpus or dev set) for
ISO weeks ("week 14 of 2026", "2026-W14", "calendar week 14"), month spans ("from March to June",
"from November to February": each month in its own year), rescheduled days ("moved from Thursday to
Friday" is the new day, no stretch), newspapers' days ("Sunday's paper"), misspelt months and
weekdays ("Febuary", "Wendesday", "Teusday"), numeric day-months without a year when the day is over
12 ("24/02"; "05/03" says nothing, "10/13" may be a month and a year), "next yr", "in 10 days", "the 15th of next month",
"Thanksgiving 2021", "last Christmas", a fronted year dating later bare months in its sentence ("In
2008, the firm cut jobs in May"), happenings named by their day ("the Sept. 11 attacks"); and
things that are no date ("24/7", "a 52/48 vote", "NFL week 14").

Each row of ``ROWS``: the text and the value of the last expression with a value (None: none has
one). Each row of ``SPANS``: the text and the values of all expressions with a value, in order.
Calendar facts (ISO week 14 of 2026 is March 30 - April 5, week 53 of 2026 ends on January 3, 2027,
Thanksgiving 2021 was November 25, Easter 2027 is March 28) were checked with Python's
``date.fromisocalendar`` and a calendar, not with the code under test.

First run on the code before round 9's phrasing fixes (commit 6a46faa): recorded in docs/dates.md.
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.temporal.phrase_rows import Rows, check_last_value
from timeline.temporal import tag

A = date(2026, 3, 18)   # a Wednesday in ISO week 12
B = date(2024, 11, 8)   # a Friday before Thanksgiving
C = date(2027, 1, 4)    # a Monday, first day of ISO week 1
D = date(2025, 8, 23)   # a Saturday in late summer
E = date(2023, 10, 15)  # a Sunday

ROWS = Rows()
group = ROWS.group

group(A, [
    # ISO weeks
    ('Delivery is planned for calendar week 14.', '2026-03-30/2026-04-05'),
    ('The release is scheduled for 2026-W14.', '2026-03-30/2026-04-05'),
    ('Production starts in week 14 of 2026.', '2026-03-30/2026-04-05'),
    ('The sprint ended in week 10 of 2026.', '2026-03-02/2026-03-08'),
    ('Figures for W52 2025 were revised.', '2025-12-22/2025-12-28'),
    ('The vaccine campaign began in week 1 of 2026.', '2025-12-29/2026-01-04'),
    ('The 2026-W12 report is out.', '2026-03-16/2026-03-22'),
    ('In NFL week 14, the Bills won.', None),
    ('He was injured in week 3 of the season.', None),
    # rescheduled days
    ('The meeting was moved from Thursday to Friday.', '2026-03-20'),
    ('The launch was postponed from Tuesday to Thursday.', '2026-03-19'),
    ('The game was switched from Saturday to Sunday.', '2026-03-22'),
    # newspapers' days
    ("In Sunday's paper, the minister defended the plan.", '2026-03-15'),
    ("An interview in Sunday's Observer angered him.", '2026-03-15'),
    ("Saturday's edition carried the story.", '2026-03-14'),
    ("Monday's editorial called for calm.", '2026-03-16'),
    # misspellings
    ('The law took effect on Febuary 3.', '2026-02-03'),
    ('The results came out on Teusday.', '2026-03-17'),
    ('The vote is on Thrusday.', '2026-03-19'),
    ('It happened last Wenesday.', '2026-03-11'),
    ('The deadline is Feburary 28, 2027.', '2027-02-28'),
    ('He was born in Septmber 1990.', '1990-09'),
    ('The store closed in Janurary.', '2026-01'),
    ('We will meet on Saterday.', '2026-03-21'),
    ('He returned on Firday.', '2026-03-13'),
    ('The concert is on Decmber 5.', '2026-12-05'),
    ("The Wendy's on Main Street closed.", None),
    # numeric day-months
    ('Payment due 24/04.', '2026-04-24'),
    ('The shipment arrived on 13/03.', '2026-03-13'),
    ('Offer ends 03/31.', None),  # March 31, or March 2031 as a card's expiry
    ('The form was signed 05/03.', None),
    ('Meeting on 22/4.', '2026-04-22'),
    ('The helpline is open 24/7.', None),
    ('Returns must be made by 15/04.', '2026-04-15'),
    ('Rates rose on 17/03.', '2026-03-17'),
    ('The ratio was 13/12.', None),
    ('The motion passed on a 52/48 vote.', None),
    # short units, "in N days"
    ('Prices will rise next yr.', '2027'),
    ('Profits fell last yr.', '2025'),
    ('We plan to expand this yr.', '2026'),
    ('See you next wk.', '2026-03-23/2026-03-29'),
    ('It was 2 yrs ago.', '2024'),
    ('The contract expires in 10 days.', '2026-03-28'),
    ('The results are due in three days.', '2026-03-21'),
    ('The bridge reopens in two weeks.', '2026-03-30/2026-04-05'),
    ('The plant produced 500 cars in 10 days.', None),
    # days of a neighbouring month
    ('Rent is due on the 15th of next month.', '2026-04-15'),
    ('It was signed on the 3rd of last month.', '2026-02-03'),
    ('The 1st of next month is a holiday.', '2026-04-01'),
    ('The sale ends on the last day of next month.', '2026-04-30'),
    ('the second Friday of last month', '2026-02-13'),
    ('It opens on the third of april.', '2026-04-03'),
    ('The record dates from 12/Mar/1981.', '1981-03-12'),
    # holidays with a year or "last"
    ('Thanksgiving 2021 was quiet.', '2021-11-25'),
    ('We spent last Christmas in Rome.', '2025-12-25'),
    ('Next Christmas we will travel.', '2026-12-25'),
    ('Easter 2027 falls late.', '2027-03-28'),
    ('Christmas 2019 was the last normal one.', '2019-12-25'),
    ('Last Thanksgiving, prices were high.', '2025-11-27'),
    ("New Year's Day 2025 was cold.", '2025-01-01'),
    # a fronted year
    ('In 2008, the firm cut jobs in May.', '2008-05'),
    ('In 2019 the company moved to Ohio, and in June it opened a plant.', '2019-06'),
    ('In 2015, he joined the club; in March he scored his first goal.', '2015-03'),
    ('In 2030, the line will open in May.', '2030-05'),
    ('Back in 2012, the mayor resigned in October.', '2012-10'),
    ('During 2010 the bank lost money in March and April.', '2010-04'),
    ('In 2008 he was born; he will graduate in May.', '2026-05'),
    # other forms
    ("Next year's budget is tight.", '2027'),
    ('The project ran three weeks later than planned.', None),
    ('The drought lasted two years longer than usual.', None),
    ('Stocks fell most since the September 11 attacks.', '2001-09-11'),
])

group(B, [
    ('The figures for week 44 of 2024 were revised.', '2024-10-28/2024-11-03'),
    ('Deliveries are planned for calendar week 47.', '2024-11-18/2024-11-24'),
    ('The trial was moved from Monday to Tuesday.', '2024-11-12'),
    ('The match was moved from Saturday to Sunday.', '2024-11-10'),
    ("In Sunday's paper, she wrote about grief.", '2024-11-03'),
    ("Thursday's paper ran a correction.", '2024-11-07'),
    ('We will celebrate Thanksgiving 2024 with family.', '2024-11-28'),
    ('Last Thanksgiving was a disaster.', '2023-11-23'),
    ('See you at Thanksgiving.', '2024-11-28'),
    ('Last Christmas she moved out.', '2023-12-25'),
    ('What are you doing this Christmas?', '2024-12-25'),
    ('The show returns on Febuary 12.', '2025-02-12'),
    ('He was arrested on Wendesday.', '2024-11-06'),
    ('It will be announced on Teusday.', '2024-11-12'),
    ('The law passed in Ocotber.', '2024-10'),
    ('The package arrived 31/10.', '2024-10-31'),
    ('Deadline 25/11.', '2024-11-25'),
    ('It shipped on 10/13.', None),
    ('He won 6/4 in the final set.', None),
    ('The lease ends next yr.', '2025'),
    ('The refund arrives in 10 days.', '2024-11-18'),
    ('It will be ready in five days.', '2024-11-13'),
    ('Payment is due on the 15th of next month.', '2024-12-15'),
    ('It was filed on the 2nd of last month.', '2024-10-02'),
    ('In 2016, the band split, and in June they reunited.', '2016-06'),
    ('In 1999, the company went public in May.', '1999-05'),
    ('In 2020, schools closed in March.', '2020-03'),
    ('Vote counting continued until Thursday.', '2024-11-07'),
    ('Aid flowed after the Oct. 8 earthquake.', '2024-10-08'),
])

group(C, [
    ('The figures for week 53 of 2026 are final.', '2026-12-28/2027-01-03'),
    ('Deliveries resume in 2027-W03.', '2027-01-18/2027-01-24'),
    ('The hearing was moved from Wednesday to Thursday.', '2027-01-07'),
    ("In Sunday's paper, he apologised.", '2027-01-03'),
    ('We spent last Christmas at home.', '2026-12-25'),
    ('Christmas was quiet.', '2026-12-25'),
    ('Thanksgiving 2026 drew record crowds.', '2026-11-26'),
    ('The firm will hire more staff next yr.', '2028'),
    ('The offer ends in 10 days.', '2027-01-14'),
    ('The fee is due on the 15th of next month.', '2027-02-15'),
    ('It closed on the 20th of last month.', '2026-12-20'),
    ('The plant shut down in Decmber.', '2026-12'),
    ('Returns are accepted until 31/01.', '2027-01-31'),
    ('It was posted 28/12.', '2026-12-28'),
    ('In 2025, the firm cut 200 jobs in May.', '2025-05'),
    ("New Year's Eve was quiet.", '2026-12-31'),
    ('Happy New Year!', None),
    ('The shop reopens on Wednesday.', '2027-01-06'),
    ('The law took effect on Jan. 1.', '2027-01-01'),
    ('The law will take effect on Dec. 1.', '2027-12-01'),
    ('Last December was the wettest on record.', '2026-12'),
    ('The tournament starts next month.', '2027-02'),
    ('He left the firm last yr.', '2026'),
    ('The plan was agreed on the 30th of last month.', '2026-12-30'),
])

group(D, [
    ('Kickoff is scheduled for week 36 of 2025.', '2025-09-01/2025-09-07'),
    ('The gig was moved from Friday to Sunday.', '2025-08-24'),
    ("Sunday's paper will carry the interview.", '2025-08-24'),
    ("Today's paper has the story.", '2025-08-23'),
    ("Friday's paper ran the story.", '2025-08-22'),
    ('Christmas Eve falls on a Wednesday.', '2025-12-24'),
    ('Last Christmas I gave you my heart.', '2024-12-25'),
    ('We are planning for Thanksgiving 2025.', '2025-11-27'),
    ('The court sits again on Septmber 2.', '2025-09-02'),
    ('He called on Thrusday.', '2025-08-21'),
    ('The next game is on Wendesday.', '2025-08-27'),
    ('Tickets go on sale 01/09.', None),
    ('Tickets go on sale 15/09.', '2025-09-15'),
    ('Entries close 30/08.', '2025-08-30'),
    ('The invoice dated 14/07 is unpaid.', '2025-07-14'),
    ('The fee will rise next yr.', '2026'),
    ('Results come out in 10 days.', '2025-09-02'),
    ('He will be back in 3 days.', '2025-08-26'),
    ('Your order ships in 2 days.', '2025-08-25'),
    ('The rent is due on the 1st of next month.', '2025-09-01'),
    ('The 15th of next month is the deadline.', '2025-09-15'),
    ('In 2018, the band released an album in May.', '2018-05'),
    ('In 2010, the club was sold, and in March the manager left.', '2010-03'),
    ('In 2010 the club was founded; it will move to a new ground in May.', '2026-05'),
    ('Prices fell in May.', '2025-05'),
    ('The show will run through August.', '2025-08'),
    ('She owns 24/7 Fitness.', None),
    ('Police still hunt those behind the July 29 bombings.', '2025-07-29'),
])

group(E, [
    ('Data for week 40 of 2023 show a rise.', '2023-10-02/2023-10-08'),
    ('Cases peaked in 2023-W38.', '2023-09-18/2023-09-24'),
    ('The concert was moved from Friday to Saturday.', '2023-10-21'),
    ("In today's paper, the mayor responds.", '2023-10-15'),
    ("Saturday's paper carried his obituary.", '2023-10-14'),
    ('Thanksgiving 2023 is on a Thursday, as always.', '2023-11-23'),
    ('We met last Christmas.', '2022-12-25'),
    ('The vote was on Wendesday.', '2023-10-11'),
    ('She arrived in Febuary.', '2023-02'),
    ('The strike began on 13/10.', '2023-10-13'),
    ('The payment is due 20/10.', '2023-10-20'),
    ('Taxes rise next yr.', '2024'),
    ('The patch lands in 10 days.', '2023-10-25'),
    ('The lease runs out on the 15th of next month.', '2023-11-15'),
    ('In 2008, the bank collapsed in September.', '2008-09'),
    ('In 2001, he moved to Boston, and in May he married.', '2001-05'),
    ('Profits fell 4% in the year to June.', '2023-06'),
    ('The mayor resigned on Teusday.', '2023-10-10'),
    ('The parade is on Saterday.', '2023-10-21'),
    ('It was signed on the 9th of last month.', '2023-09-09'),
    ('Police released new images of the Oct. 7 attack.', '2023-10-07'),
])

# a second batch, written after the rules above as a check (its first run: docs/dates.md)
F = date(2025, 2, 12)   # a Wednesday in ISO week 7
G = date(2024, 12, 27)  # a Friday between Christmas and New Year

group(F, [
    ('The results come out in week 9 of 2025.', '2025-02-24/2025-03-02'),
    ('Week 7 of 2025 saw record sales.', '2025-02-10/2025-02-16'),
    ('Sales in the 2024-W50 report fell.', '2024-12-09/2024-12-15'),
    ('The plan was agreed in Janurary.', '2025-01'),
    ('We spoke on Teusday.', '2025-02-11'),
    ('The office reopens on Thursdy.', '2025-02-13'),
    ('It will be done by Febuary 28.', '2025-02-28'),
    ('We met in Decmber.', '2024-12'),
    ('In 2019, the club won the league in May and the cup in June.', '2019-06'),
    ('In 2019 we moved. Since then, prices rose in May.', '2024-05'),
    ('The meeting was moved from Friday to Monday.', '2025-02-17'),
    ('The deadline was moved from Wednesday to Thursday.', '2025-02-13'),
    ("Sunday's paper will have the full story.", '2025-02-16'),
    ("In Saturday's Guardian, she wrote about it.", '2025-02-08'),
    ('Thanksgiving 2022 was the busiest yet.', '2022-11-24'),
    ('Last Christmas was a washout.', '2024-12-25'),
    ('The bill is due in 10 days.', '2025-02-22'),
    ('The refund will take 14 days.', None),
    ('Rent is due on the 1st of next month.', '2025-03-01'),
    ('It was paid on the 28th of last month.', '2025-01-28'),
    ('Prices will rise next yr.', '2026'),
])

group(G, [
    ('The shop reopens on Thursdy.', '2025-01-02'),
    ('The sale ends 31/12.', '2024-12-31'),
    ('Offers close 03/01.', None),
    ('The hearing was moved from Monday to Friday.', '2025-01-03'),
    ('In 2023, the firm cut jobs in March.', '2023-03'),
    ('In 2026 the bridge will open in June.', '2026-06'),
    ('Deliveries resume in calendar week 2.', '2025-01-06/2025-01-12'),
    ('Boxing Day was busy.', '2024-12-26'),
    ('The 2nd of next month is a Thursday.', '2025-01-02'),
    ('It was signed on the 20th of this month.', '2024-12-20'),
    ('The results are out in 5 days.', '2025-01-01'),
    ('The Sept. 11 attacks changed air travel.', '2001-09-11'),
    ('Aid arrived after the Dec. 14 cyclone.', '2024-12-14'),
])

# every expression with a value, in order: each month of a span in its own year
SPANS: list[tuple[date, str, list[str]]] = [
    (A, 'The exhibition runs from March to June.', ['2026-03', '2026-06']),
    (A, 'The strike lasted from Monday to Wednesday.', ['2026-03-16', '2026-03-18']),
    (A, 'Prices rose from January to March.', ['2026-01', '2026-03']),
    (A, 'The roadworks will last from May to September.', ['2026-05', '2026-09']),
    (A, 'Sales fell between October and December.', ['2025-10', '2025-12']),
    (A, 'The festival runs May through July.', ['2026-05', '2026-07']),
    (A, 'The survey covered April to June 2025.', ['2025-04', '2025-06']),
    (A, 'From November to February the park was closed.', ['2025-11', '2026-02']),
    (B, 'Prices rose from August to October.', ['2024-08', '2024-10']),
    (B, 'The rink will open from December to March.', ['2024-12', '2025-03']),
    (C, 'Sales rose from October to December.', ['2026-10', '2026-12']),
    (C, 'The works will run from February to April.', ['2027-02', '2027-04']),
    (C, 'Heating costs soared from November to January.', ['2026-11', '2027-01']),
    (D, 'The festival runs from June to September.', ['2025-06', '2025-09']),
    (D, 'Inflation eased between March and May.', ['2025-03', '2025-05']),
    (E, 'The clinic will be closed from November to January.', ['2023-11', '2024-01']),
    (E, 'Inflation eased from June to August.', ['2023-06', '2023-08']),
    (E, 'From December to February, sales slumped.', ['2022-12', '2023-02']),
    (F, 'The school year runs from September to June.', ['2024-09', '2025-06']),
    (F, 'Heating bills soared between December and February.', ['2024-12', '2025-02']),
    (F, 'The roadworks will run from March to May.', ['2025-03', '2025-05']),
    (G, 'The clinic is closed from December to January.', ['2024-12', '2025-01']),
    (G, 'Sales rose from October to December.', ['2024-10', '2024-12']),
    # a happening named by its day, then the year named
    (date(2005, 11, 8), 'The province was hit by the December 26 tsunami last year.', ['2004-12-26', '2004']),
]


@pytest.mark.parametrize("ref,text,value", ROWS, ids=[r[1][:50] for r in ROWS])
def test_phrase_row(ref: date, text: str, value: str | None) -> None:
    check_last_value(ref, text, value)


@pytest.mark.parametrize("ref,text,values", SPANS, ids=[r[1][:50] for r in SPANS])
def test_span_row(ref: date, text: str, values: list[str]) -> None:
    assert [e.value for e in tag(text, ref) if e.value] == values


def test_suite_size() -> None:
    """The round's brief asks for at least 150 rows written by hand."""
    assert len(ROWS) + len(SPANS) >= 150
