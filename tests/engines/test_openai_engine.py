"""The OpenAI engine in-process against the local test server: faults, cache, usage, cost."""
from __future__ import annotations

import json
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from common import API_KEY, SEED
from openai_server import OpenAITestServer, Recorded, Reply, completion, error, llama_cpp_format_error, queue
from seed_responder import SEED_SUMMARY, seed_responder
from timeline.errors import EngineError, UsageError
from timeline.models import Article
from timeline.run.pipeline import BriefOptions, brief

TEXT = SEED.read_text(encoding="utf-8")


# Two sentences of the scripted summary have no event behind them in the verified chronology
# (no event says the strikes target hideouts; Assad's vow was proposed on a quote that does not
# say it, so it stands as that quote): the summary check removes them and says so.
UNBACKED = ("The Syrian army and Russia say they target insurgent hideouts and deny attacking civilians.",
            "President Bashar al-Assad vowed to crush the insurgents.")
CHECKED_SUMMARY = " ".join(" ".join(SEED_SUMMARY["summary"].split()).replace(UNBACKED[0] + " ", "")
                           .replace(UNBACKED[1] + " ", "").split())


def assert_checked_summary(result) -> None:
    assert result.summary.text == CHECKED_SUMMARY
    for sentence in UNBACKED:
        assert any("summary sentence removed" in w and sentence in w for w in result.warnings)


def seed_article() -> Article:
    return Article(id="000_e3cd228ed5e53f9a", text=TEXT, published=date(2024, 12, 2))


def options(server: OpenAITestServer | None = None, **kw) -> BriefOptions:
    return BriefOptions(engine="openai", base_url=server.url if server else kw.pop("base_url", None),
                        max_retries=kw.pop("max_retries", 0), timeout=kw.pop("timeout", 10), **kw)


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", API_KEY)


def test_seed_brief_sends_structured_requests_and_accounts_usage() -> None:
    with OpenAITestServer(seed_responder) as server:
        result = brief([seed_article()], options(server))
    [extract] = server.chat_requests  # one request: its reply carries the summary too
    fmt = extract.body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]["properties"]["events"]["items"]
    assert schema["additionalProperties"] is False and set(schema["required"]) == set(schema["properties"])
    assert extract.headers["authorization"] == f"Bearer {API_KEY}"
    assert result.usage.requests == 1 and result.usage.prompt_tokens > 0 and result.usage.cost_usd > 0
    assert result.usage.model == "gpt-4o-mini" and result.usage.token_counter
    assert result.dropped_events == 1
    assert_checked_summary(result)
    assert result.summary.claims_with_sources[0].source == "the White Helmets"


def test_cache_second_run_sends_nothing_and_no_cache_sends_again() -> None:
    with OpenAITestServer(seed_responder) as server:
        first = brief([seed_article()], options(server, max_chunk_tokens=300))
        assert len(server.chat_requests) == 4  # 3 chunks + 1 reduce
        second = brief([seed_article()], options(server, max_chunk_tokens=300))
        assert len(server.chat_requests) == 4
        assert second.usage.requests == 0 and second.usage.cached_responses == 4
        assert second.chronology == first.chronology and second.summary == first.summary
        brief([seed_article()], options(server, use_cache=False, max_chunk_tokens=300))
        assert len(server.chat_requests) == 8


def test_what_succeeded_before_a_failure_stays_cached() -> None:
    def extraction_ok_summary_401(request: Recorded) -> Reply:
        if request.body["response_format"]["json_schema"]["name"] == "summary":
            return error(401, "Incorrect API key provided", code="invalid_api_key")
        return seed_responder(request)

    with OpenAITestServer(extraction_ok_summary_401) as server:
        with pytest.raises(EngineError, match="401"):
            brief([seed_article()], options(server, max_chunk_tokens=300))
    with OpenAITestServer(seed_responder) as server:
        brief([seed_article()], options(server, max_chunk_tokens=300))
    assert [r.body["response_format"]["json_schema"]["name"] for r in server.chat_requests] == ["summary"]


def test_server_without_json_schema_gets_json_object_mode_and_a_warning() -> None:
    rejected = error(400, "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.")
    with OpenAITestServer(queue(rejected, seed_responder)) as server:
        result = brief([seed_article()], options(server))
    first, second = server.chat_requests
    fmt = second.body["response_format"]
    assert fmt["type"] == "json_object" and set(fmt) == {"type", "schema"}  # the schema as a grammar, for llama.cpp
    evidence = fmt["schema"]["properties"]["events"]["items"]["properties"]["evidence"]["enum"]
    text = seed_article().text
    assert evidence and all(quote in text for quote in evidence)  # quotes can only be the article's sentences
    assert '"when_text"' in second.messages[0]["content"]  # the schema is in the prompt now
    assert any("json_object" in w for w in result.warnings)
    assert result.chronology.events


def test_invalid_json_is_reasked_once_with_the_error() -> None:
    with OpenAITestServer(queue(completion("{not json"), seed_responder)) as server:
        result = brief([seed_article()], options(server))
    first, reask = server.chat_requests
    assert reask.messages[-2] == {"role": "assistant", "content": "{not json"}
    assert "not valid JSON" in reask.messages[-1]["content"]
    assert not result.failed_chunks and result.chronology.events


def test_fail_fast_stops_at_the_first_failed_chunk() -> None:
    from timeline.errors import ChunkFailed

    with OpenAITestServer(queue(completion(None, refusal="no"))) as server:
        with pytest.raises(ChunkFailed, match=r"--fail-fast.*000_e3cd228ed5e53f9a \[0:\d+\]: the model refused: no"):
            brief([seed_article()], options(server, fail_fast=True))


@pytest.mark.parametrize("reply, message", [
    (error(401, "Incorrect API key provided: sk-...", code="invalid_api_key"), "rejected the API key (401)"),
    (error(404, "The model `gpt-nope` does not exist", code="model_not_found"), "model 'gpt-4o-mini' not found (404)"),
    (error(429, "You exceeded your current quota", code="insufficient_quota"), "quota exhausted (429"),
])
def test_fatal_errors_are_one_line_engine_errors(reply: Reply, message: str) -> None:
    with OpenAITestServer(queue(reply)) as server:
        with pytest.raises(EngineError) as info:
            brief([seed_article()], options(server, max_retries=1))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_unreachable_base_url() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(EngineError, match="cannot reach http://127.0.0.1"):
        brief([seed_article()], options(base_url=f"http://127.0.0.1:{port}/v1"))


@pytest.mark.parametrize("url", ["localhost:8080", "ftp://x/v1", "http://", "http://host:99999/v1"])
def test_malformed_base_url_is_a_usage_error(url: str) -> None:
    with pytest.raises(UsageError, match="--base-url"):
        brief([seed_article()], options(base_url=url))


def test_no_key_and_no_base_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(EngineError, match="needs OPENAI_API_KEY"):
        brief([seed_article()], options())


def test_model_from_env_and_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMELINE_MODEL", "gpt-4.1-mini")
    with OpenAITestServer(seed_responder) as server:
        result = brief([seed_article()], options(server))
        brief([seed_article()], options(server, model="my-local-model", use_cache=False))
    assert [r.body["model"] for r in server.chat_requests] == ["gpt-4.1-mini", "my-local-model"]
    assert result.usage.model == "gpt-4.1-mini"


def test_concurrency_is_bounded() -> None:
    lock = threading.Lock()
    state = {"now": 0, "max": 0}

    def slow(request: Recorded) -> Reply:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.15)
        with lock:
            state["now"] -= 1
        return seed_responder(request)

    with OpenAITestServer(slow) as server:
        result = brief([seed_article()], options(server, concurrency=2, max_chunk_tokens=100))
    assert len(server.chat_requests) > 4
    assert state["max"] == 2
    assert not result.failed_chunks


def test_several_requests_get_one_reduce_over_their_partial_summaries() -> None:
    with OpenAITestServer(seed_responder) as server:
        result = brief([seed_article()], options(server, max_chunk_tokens=300))
    names = [r.body["response_format"]["json_schema"]["name"] for r in server.chat_requests]
    assert names.count("events") >= 2 and names[-1] == "summary" and names.count("summary") == 1
    reduce = server.chat_requests[-1].messages[-1]["content"]
    assert reduce.startswith("<partials>") and "According to the White Helmets" in reduce
    assert TEXT[:80] not in reduce  # the reduce reads partial summaries, never the article
    assert_checked_summary(result)


def test_without_partial_summaries_the_chronology_is_summarized_map_reduce() -> None:
    def no_partials(request: Recorded) -> Reply:
        reply = seed_responder(request)
        if request.body["response_format"]["json_schema"]["name"] == "events":
            content = json.loads(reply.body["choices"][0]["message"]["content"])
            reply.body["choices"][0]["message"]["content"] = json.dumps({**content, "summary": ""})
        return reply

    with OpenAITestServer(no_partials) as server:
        result = brief([seed_article()], options(server, extra={"summary_budget": 80}))
    names = [r.body["response_format"]["json_schema"]["name"] for r in server.chat_requests]
    assert names[0] == "events" and names.count("summary") >= 3
    final = server.chat_requests[-1].messages[-1]["content"]
    assert SEED_SUMMARY["summary"][:40] in final  # the reduce step reads the partial summaries
    assert result.summary.text


def test_price_table_is_overridable_in_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "config.toml").write_text('[prices."gpt-4o-mini"]\ninput = 1000000\noutput = 0\n')
    with OpenAITestServer(seed_responder) as server:
        result = brief([seed_article()], options(server))
    assert result.usage.cost_usd == pytest.approx(result.usage.prompt_tokens)


def test_azure_client_when_azure_variables_are_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    with OpenAITestServer(seed_responder) as server:
        monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-test-key")
        monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", server.url.removesuffix("/v1"))
        result = brief([seed_article()], BriefOptions(engine="openai", max_retries=0))
    request = server.chat_requests[0]
    assert request.path.startswith("/openai/deployments/gpt-4o-mini/chat/completions?api-version=")
    assert request.headers["api-key"] == "azure-test-key"
    assert result.chronology.events


# llama-cpp-python's server (``python -m llama_cpp.server``) validates the request with pydantic and
# answers a response_format it does not know with 500 and the validation error as the message.
LLAMA_CPP_500 = llama_cpp_format_error()
FASTAPI_422 = Reply(status=422, body={"detail": [{"type": "literal_error", "loc": ["body", "response_format", "type"],
                                                 "msg": "Input should be 'text' or 'json_object'",
                                                 "input": "json_schema"}]})


@pytest.mark.parametrize("rejected", [LLAMA_CPP_500, FASTAPI_422], ids=["llama-cpp-500", "fastapi-422"])
def test_a_rejected_json_schema_in_any_status_falls_back_to_json_object(rejected: Reply) -> None:
    def server_like_llama_cpp(request: Recorded) -> Reply:
        if request.body.get("response_format", {}).get("type") == "json_schema":
            return rejected
        return seed_responder(request)

    with OpenAITestServer(server_like_llama_cpp) as server:
        result = brief([seed_article()], options(server, max_retries=2))
    formats = [r.body["response_format"]["type"] for r in server.chat_requests]
    assert formats[0] == "json_schema" and set(formats[1:]) == {"json_object"}
    assert formats.count("json_schema") == 1  # a format rejection is not retried
    assert not result.failed_chunks and result.chronology.events
    said = [w for w in result.warnings if "json_object mode" in w]
    assert len(said) == 1, result.warnings


def test_a_server_rejecting_json_object_too_gets_plain_text_json() -> None:
    def text_only(request: Recorded) -> Reply:
        if "response_format" in request.body:
            return Reply(status=400, body={"error": {"message": "response_format is not supported", "type": "x"}})
        return seed_responder(request)

    with OpenAITestServer(text_only) as server:
        result = brief([seed_article()], options(server))
    sent = [r.body.get("response_format", {}).get("type", "none") for r in server.chat_requests]
    assert sent[:3] == ["json_schema", "json_object", "json_object"] and set(sent[3:]) == {"none"}
    assert "schema" in server.chat_requests[1].body["response_format"]
    assert "schema" not in server.chat_requests[2].body["response_format"]
    assert '"when_text"' in server.chat_requests[3].messages[0]["content"]
    assert not result.failed_chunks and result.chronology.events
    assert [w for w in result.warnings if "plain-text JSON" in w]


def test_a_500_that_does_not_name_the_format_is_retried_not_a_fallback() -> None:
    busy = error(500, "The server had an error", headers={"Retry-After": "0.01"})
    with OpenAITestServer(queue(busy, seed_responder)) as server:
        result = brief([seed_article()], options(server, max_retries=1))
    first, second = server.chat_requests[:2]
    assert first.body == second.body and second.body["response_format"]["type"] == "json_schema"
    assert not any("json_object mode" in w for w in result.warnings) and not result.failed_chunks


def test_retries_are_ours_over_http_the_sdk_retries_none() -> None:
    """What went over the wire: 1 try + max_retries retries of the same body, each sent by our loop
    (the SDK's own retry counter stays at 0: its retries are off), then the chunk fails."""
    busy = error(503, "overloaded", headers={"Retry-After": "0.01"})
    with OpenAITestServer(queue(busy)) as server:
        with pytest.raises(Exception, match="503"):
            brief([seed_article()], options(server, max_retries=3, use_cache=False))
    sent = server.chat_requests
    assert len(sent) == 4 and all(r.body == sent[0].body for r in sent)
    assert {r.headers.get("x-stainless-retry-count", "0") for r in sent} == {"0"}


def test_a_server_refusing_the_schema_key_gets_plain_json_object_mode() -> None:
    """A strict server that takes json_object but not its ``schema`` key (pydantic's "Extra inputs
    are not permitted") gets json_object without it; each fallback is said once."""
    def strict(request: Recorded) -> Reply:
        fmt = request.body.get("response_format", {})
        if fmt.get("type") == "json_schema":
            return error(400, "response_format json_schema is not supported")
        if "schema" in fmt:
            return Reply(status=422, body={"detail": [{"type": "extra_forbidden", "loc": ["body", "response_format", "schema"],
                                                       "msg": "Extra inputs are not permitted"}]})
        return seed_responder(request)

    with OpenAITestServer(strict) as server:
        result = brief([seed_article()], options(server, max_retries=2))
    kinds = [(r.body["response_format"]["type"], "schema" in r.body["response_format"]) for r in server.chat_requests]
    assert kinds[:3] == [("json_schema", False), ("json_object", True), ("json_object", False)]
    assert set(kinds[3:]) <= {("json_object", False)}
    assert not result.failed_chunks and result.chronology.events
    said = [w for w in result.warnings if "rejected response_format" in w]
    assert len(said) == 2 and said[1].endswith("json_object mode with the schema in the prompt"), said


def test_max_output_tokens_is_sent_only_when_set() -> None:
    with OpenAITestServer(seed_responder) as server:
        brief([seed_article()], options(server))
    assert all("max_tokens" not in r.body for r in server.chat_requests)  # recorded cassettes stay valid
    with OpenAITestServer(seed_responder) as server:
        brief([seed_article()], options(server, max_output_tokens=700))
    assert server.chat_requests and all(r.body["max_tokens"] == 700 for r in server.chat_requests)


def test_a_reply_cut_at_max_output_tokens_is_retried_smaller() -> None:
    cut = completion('{"events": [{"when_text": "Monday", "da', finish_reason="length")
    with OpenAITestServer(queue(cut, seed_responder)) as server:
        result = brief([seed_article()], options(server, max_output_tokens=64))
    assert len(server.chat_requests) >= 3  # the cut request, then the chunk in two halves
    halves = [r.messages[-1]["content"] for r in server.chat_requests[1:3]]
    assert all(len(h) < len(server.chat_requests[0].messages[-1]["content"]) for h in halves)
    assert result.chronology.events and all(r.body["max_tokens"] == 64 for r in server.chat_requests)
