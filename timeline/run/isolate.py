"""Fault isolation after propose: one event's failure in a stage drops that event, not the run.

The chunk stage already turns a defect in one chunk into a failed chunk (exit 3). The stages
after it (verify, merge, figures, select, summary, render) work on many events at once; here a
stage is run over all of them and, only when it raises, over each event alone to find the
events it cannot take. Those are dropped and listed (``DroppedEvent`` with a reason that starts
with ``FAILED``, counted by ``Briefing.failed_events``) and the stage runs again without them.
A run that never fails pays nothing.
"""
from __future__ import annotations

import logging
from typing import Awaitable, Callable, Sequence, TypeVar

from timeline.errors import TimelineError
from timeline.models import DroppedEvent, Event, Proposal

log = logging.getLogger(__name__)

T = TypeVar("T")
E = TypeVar("E", Event, Proposal)

FAILED = "failed in "  # the reason of every event a stage could not take: "failed in merge: ValueError: ..."


def reason(stage: str, exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{FAILED}{stage}: {type(exc).__name__}" + (f": {text}" if text else "")


def dropped(item: Event | Proposal, why: str, article_id: str = "") -> DroppedEvent:
    """The listing of one event (or proposal) a stage could not take."""
    if isinstance(item, Event):
        first = item.evidence[0] if item.evidence else None
        return DroppedEvent(article_id=first.article_id if first else article_id, what=item.what,
                            quote=first.quote if first else "", reason=why)
    return DroppedEvent(article_id=article_id, what=item.what, quote=item.evidence, reason=why)


def isolated(stage: str, items: Sequence[E], run: Callable[[list[E]], T], article_id: str = ""
             ) -> tuple[T, list[DroppedEvent]]:
    """``run(items)``, or, when it raises, ``run`` over the items that do not make it raise
    alone, with the listing of those that do. A ``TimelineError`` (a usage or engine error, or
    --fail-fast) is the run's own and is raised as itself; so is a failure no single item
    explains (then no event is to blame)."""
    try:
        return run(list(items)), []
    except TimelineError:
        raise
    except Exception:  # noqa: BLE001 - fault isolation: find the events that make the stage fail
        pass
    bad: dict[int, DroppedEvent] = {}
    for i, item in enumerate(items):
        try:
            run([item])
        except TimelineError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.warning("%s: dropped an event it cannot take: %s", stage, exc)
            bad[i] = dropped(item, reason(stage, exc), article_id)
    if not bad:
        return run(list(items)), []  # no single event to blame: the stage's own defect, raised
    return run([item for i, item in enumerate(items) if i not in bad]), list(bad.values())


async def aisolated(stage: str, items: Sequence[E], run: Callable[[list[E]], Awaitable[T]]
                    ) -> tuple[T, list[DroppedEvent]]:
    """``isolated`` for a stage that awaits (the summary asks the engine)."""
    try:
        return await run(list(items)), []
    except TimelineError:
        raise
    except Exception:  # noqa: BLE001 - fault isolation: find the events that make the stage fail
        pass
    bad: dict[int, DroppedEvent] = {}
    for i, item in enumerate(items):
        try:
            await run([item])
        except TimelineError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.warning("%s: dropped an event it cannot take: %s", stage, exc)
            bad[i] = dropped(item, reason(stage, exc))
    if not bad:
        return await run(list(items)), []
    return await run([item for i, item in enumerate(items) if i not in bad]), list(bad.values())
