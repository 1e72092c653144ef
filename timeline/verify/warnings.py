"""The warnings a chronology's verified events give a reader (rewritten and model-only dates)."""
from __future__ import annotations


from timeline.models import Chronology
from timeline.verify.check_event import FLAG_REWRITTEN


def verification_warnings(chronology: Chronology) -> list[str]:
    """The counts a reader should see: events shown as their evidence sentence, dates that are
    only the model's reading."""
    every = chronology.events + chronology.undated
    out = []
    rewritten = sum(FLAG_REWRITTEN in e.flags for e in every)
    if rewritten:
        out.append(f"{rewritten} event(s) shown as their evidence sentence: the proposed wording was not "
                   "supported by it (flag 'rewritten')")
    model_only = sum(bool(e.when and e.when.model_reading) for e in every)
    if model_only:
        out.append(f"{model_only} date(s) are the model's reading of an expression our resolver cannot read: "
                   "model's reading (unverified)")
    return out
