"""A third provider is one transport: a scripted one, written here, runs the whole LLM engine.

The transport below speaks no HTTP and knows nothing of OpenAI: it reads the request's
messages and answers with a Completion. Registered in ENGINES by the test (no core file
changes), it goes through packing, the cache, the one re-ask, the truncation split, the
reduce summary, usage and cost, and the dry run, which must predict the run's requests.
"""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from fault_kit import SUMMARY, council_article, events_for
from timeline.engines.llm.engine import LLMEngine
from timeline.engines.llm.transports import LENGTH, STOP, Completion, Request
from timeline.engines.registry import ENGINES, EngineEntry
from timeline.models import Article, RequestUsage
from timeline.run.pipeline import BriefOptions, brief, plan


class ScriptedTransport:
    """A provider whose replies are a script: ``faults`` are answered first, in order
    ("length": cut off, "garbage": not JSON); then each request gets a grounded answer."""

    endpoint = "scripted://provider"

    def __init__(self, faults: list[str] | None = None) -> None:
        self.faults = list(faults or [])
        self.requests: list[Request] = []

    async def complete(self, request: Request) -> Completion:
        self.requests.append(request)
        usage = RequestUsage(prompt_tokens=sum(len(m["content"].split()) for m in request.messages),
                             completion_tokens=7)
        fault = self.faults.pop(0) if self.faults else None
        if fault == "length":
            return Completion(text='{"events": [{"when_text": "On', stop=LENGTH, usage=usage)
        if fault == "garbage":
            return Completion(text="Sure! Here are the events you asked for.", stop=STOP, usage=usage)
        if request.schema_name == "events":
            asked = next(m["content"] for m in request.messages if m["role"] == "user")  # a re-ask appends
            texts = re.findall(r"<article[^>]*>\n?(.*?)\n?</article>", asked, re.S)
            events = [e for text in texts for e in events_for(text)]
            return Completion(json.dumps({"events": events, "summary": f"Part {len(self.requests)} of the story."}),
                              STOP, usage)
        return Completion(json.dumps(SUMMARY), STOP, usage)

    async def aclose(self) -> None:
        pass


@pytest.fixture
def provider(monkeypatch: pytest.MonkeyPatch) -> ScriptedTransport:
    transport = ScriptedTransport()

    def make(options: BriefOptions, dry_run: bool) -> LLMEngine:
        return LLMEngine(options, None if dry_run else transport, name="scripted")

    monkeypatch.setitem(ENGINES, "scripted", EngineEntry("a scripted provider", make, plans=True))
    return transport


def articles() -> list[Article]:
    return [Article(id=name, text=council_article(name, 6), published=date(2024, 12, 2)) for name in ("Alder", "Birch")]


def test_a_scripted_provider_runs_the_whole_engine_and_the_dry_run_predicts_it(provider: ScriptedTransport,
                                                                                tmp_path) -> None:
    options = BriefOptions(engine="scripted", max_chunk_tokens=120, cache_dir=str(tmp_path))
    estimate = plan(articles(), options)
    briefing = brief(articles(), options)
    extraction = [r for r in provider.requests if r.schema_name == "events"]
    assert estimate.extraction_requests == len(extraction) > 1
    assert estimate.requests == len(provider.requests)  # extractions + the one reduce over their partials
    assert briefing.usage.engine == "scripted" and briefing.usage.requests == len(provider.requests)
    assert briefing.usage.completion_tokens == 7 * len(provider.requests)
    dated = [e for e in briefing.chronology.events if e.when and e.when.precision == "day"]
    assert len(dated) == 6 and not briefing.failed_chunks  # one per paragraph; the two stories share their days
    assert all(e.sources == ["Alder", "Birch"] for e in dated)
    assert briefing.summary.text.startswith(SUMMARY["summary"])  # the reduce reply, then code-made sentences
    again = brief(articles(), options)  # everything is in the cache: the provider is not called
    assert len(provider.requests) == briefing.usage.requests and again.usage.cached_responses == briefing.usage.requests
    cached = plan(articles(), options)  # the dry run sees the cached extractions (the reduce is an estimate)
    assert all(c.cached for c in cached.chunks) and cached.requests == 1


def test_a_reply_cut_off_is_split_and_a_bad_reply_is_re_asked_once(provider: ScriptedTransport) -> None:
    provider.faults = ["length", "garbage"]
    one = [Article(id="Alder", text=council_article("Alder", 4), published=date(2024, 12, 2))]
    briefing = brief(one, BriefOptions(engine="scripted", use_cache=False))
    # 1 cut off, then two halves (the first re-asked once), then a reduce over the halves' partials
    assert [r.schema_name for r in provider.requests].count("events") == 4
    assert "Your reply was rejected" in provider.requests[2].messages[-1]["content"]
    assert len([e for e in briefing.chronology.events if e.when]) == 4 and not briefing.failed_chunks
