"""BriefOptions: the ranges live on the fields (``Field(ge=, le=)``), so the schema, construction and
assignment all see the same bounds, and a refused value is one line naming the flag."""
from __future__ import annotations

import pytest

from timeline.errors import UsageError
from timeline.options import BriefOptions


def test_the_ranges_are_the_fields_own() -> None:
    props = BriefOptions.model_json_schema()["properties"]
    assert (props["concurrency"]["minimum"], props["concurrency"]["maximum"]) == (1, 256)
    assert (props["per_date"]["minimum"], props["per_date"]["maximum"]) == (1, 50)
    assert props["timeout"]["exclusiveMinimum"] == 0
    assert props["max_bytes"]["minimum"] == 1


@pytest.mark.parametrize(("field", "value", "message"), [
    ("key_dates", 0, "--key-dates: must be at least 1 (got 0)"),
    ("key_dates", 5000, "--key-dates: must be at most 1000 (got 5000)"),
    ("per_date", 51, "--per-date: must be at most 50 (got 51)"),
    ("max_retry_wait", -1, "max_retry_wait: must be at least 0 (got -1)"),
    ("summary_budget", 0, "summary_budget: must be at least 1 (got 0)"),
    ("timeout", float("nan"), "--timeout: must be more than 0 and at most 86400 seconds (got nan)"),
])
def test_a_value_out_of_range_is_refused_when_made_and_when_set(field: str, value: float, message: str) -> None:
    with pytest.raises(UsageError) as made:
        BriefOptions(**{field: value})
    assert str(made.value) == message
    options = BriefOptions()
    before = getattr(options, field)
    with pytest.raises(UsageError) as set_:
        setattr(options, field, value)
    assert str(set_.value) == message
    assert getattr(options, field) == before or before != before


def test_a_failed_check_of_two_fields_puts_the_earlier_value_back() -> None:
    options = BriefOptions(key_dates=5)
    with pytest.raises(UsageError, match="--key-dates and --max-events"):
        options.max_events = 3
    assert options.max_events is None
