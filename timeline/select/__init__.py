"""Selection: the date window, ``--max-events``, ``--key-dates N --per-date K`` and the not-used tally."""
