"""timepoint.Period: one value type for '2024', '2024-11', '2024-11-29' and 'A/B'."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.timepoint import Period, precision_of


def test_precision_bounds_and_display_of_each_shape() -> None:
    assert [precision_of(v) for v in ("2024", "2024-11", "2024-11-29", "2011/2016", None)] == \
        ["year", "month", "day", "range", "unknown"]
    assert Period("2024-02").bounds == (date(2024, 2, 1), date(2024, 2, 29))
    assert Period("2011/2016-05").bounds == (date(2011, 1, 1), date(2016, 5, 31))
    assert Period("2024-11-29").display() == "Fri 29 Nov 2024" and Period("2024-11").display() == "Nov 2024"
    assert Period("2011/2016").display() == "2011 – 2016"


def test_coarser_sorts_first_within_its_span_and_clipping_cuts_both_ends() -> None:
    assert Period("2024").start_key < Period("2024-11").start_key < Period("2024-11-29").start_key
    assert Period("2016-05-01").clip("year") == Period("2016")
    assert Period("2024-11-27/2024-11-30").clip("month") == Period("2024-11")
    assert Period("2024-11-27/2024-12-02").clip("month") == Period("2024-11/2024-12")


@pytest.mark.parametrize("bad", ["24", "2024-13", "2024-02-30", "2024/xx", "yesterday"])
def test_parse_refuses_what_is_not_a_level_0_value(bad: str) -> None:
    with pytest.raises(ValueError):
        Period.parse(bad)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 400),
       st.sampled_from(["year", "month", "day"]))
def test_a_clipped_period_covers_the_original(day: date, length: int, precision: str) -> None:
    end = min(day + timedelta(days=length), date(2100, 12, 31))
    period = Period.parse(f"{day.isoformat()}/{end.isoformat()}")
    clipped = period.clip(precision)
    assert clipped.bounds[0] <= period.bounds[0] and clipped.bounds[1] >= period.bounds[1]
    assert period.overlaps(day, day) and not period.overlaps(None, day - timedelta(days=1))


def test_readings_nest_at_part_boundaries_and_days_are_days() -> None:
    assert Period("2024").covers(Period("2024-11-29")) and not Period("2024-11-29").covers(Period("2024"))
    assert Period("2024-11-29").nests(Period("2024-11")) and Period("2024-11").nests(Period("2024-11"))
    assert not Period("2024-11").nests(Period("2024-12-01"))
    assert Period("2024-11-25").covers(Period("2024-11-25/2024-12-01"))  # a range read as its start written finer
    assert Period("2024-11-29").day == date(2024, 11, 29) and Period("2024-11").day is None
    assert Period("2024-11-25/2024-12-01").day is None
    assert Period("2024-11-29").days_apart(Period("2024-12-02")) == 3
    assert [Period(v).width for v in ("2024-11-29", "2024-02", "2024", "2024-11-25/2024-12-01")] == [1, 29, 366, 7]
    assert [Period(v).rank for v in ("2024", "2024-11", "2024-11-29", "2011/2016")] == [0, 1, 2, 3]
    assert Period("2011/2016-05").ends == ("2011", "2016-05") and Period.of("") is None


def test_a_time_point_has_its_values_precision_and_no_other() -> None:
    from pydantic import ValidationError

    from timeline.models import TimePoint

    assert TimePoint(value="2024-11", text="in November").precision == "month"
    assert TimePoint(value=None, text="Friday").precision == "unknown"
    assert TimePoint(value="2024-11", text="x").period == Period("2024-11")
    with pytest.raises(ValidationError, match="precision"):
        TimePoint(value="2024", precision="day", text="in 2024")
    stored = TimePoint(value="2011/2016", text="x").model_dump()
    assert stored == {"value": "2011/2016", "precision": "range", "text": "x", "model_reading": False}
    assert TimePoint.model_validate(stored).period == Period("2011/2016")


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.sampled_from(["year", "month"]))
def test_a_coarser_reading_covers_a_finer_one_and_spans_it(day: date, precision: str) -> None:
    fine = Period(day.isoformat())
    coarse = fine.clip(precision)
    assert coarse.covers(fine) and coarse.nests(fine) and not fine.covers(coarse)
    assert coarse.width > fine.width and coarse.overlaps(day, day)
