"""The OpenAI Batch API (``/v1/files`` + ``/v1/batches``) for ``--batch``: upload, create, poll, download.

The same client as the synchronous transport (``OpenAITransport``: OpenAI, Azure OpenAI or
a compatible server, the same key handling and redaction), so a batch goes where the
synchronous requests would. Azure OpenAI takes the same calls with ``/chat/completions`` as
the endpoint and line URL (its deployments are named by the request body's ``model``).
A server without batch endpoints answers 404 on ``/files`` or ``/batches``: one clear
``EngineError`` says so, instead of a stack of HTTP details.
"""
from __future__ import annotations

from typing import Any

import openai

from timeline.errors import EngineError
from timeline.engines.llm.transports.openai import OpenAITransport
from timeline.engines.llm.batch import BatchInfo

COMPLETION_WINDOW = "24h"  # the only window the API offers


class OpenAIBatchClient:
    """The provider half of a batch job; ``batch.py`` holds everything provider-neutral."""

    def __init__(self, options: Any, model: str, client: Any | None = None) -> None:
        self.transport = OpenAITransport(options, model, client)
        self.client = self.transport.client
        self.endpoint = self.transport.endpoint
        self.azure = isinstance(self.client, openai.AsyncAzureOpenAI)
        self.url = "/chat/completions" if self.azure else "/v1/chat/completions"  # per line, and the batch endpoint

    async def upload(self, data: bytes, name: str) -> str:
        """The id of ``data`` uploaded as a JSONL file with purpose ``batch``."""
        try:
            made = await self.client.files.create(file=(name, data, "application/jsonl"), purpose="batch")
        except openai.NotFoundError:
            raise self._no_batches("/files") from None
        except openai.OpenAIError as exc:
            raise self._error(exc) from exc
        return str(made.id)

    async def create(self, input_file_id: str, metadata: dict[str, str]) -> BatchInfo:
        try:
            made = await self.client.batches.create(input_file_id=input_file_id, endpoint=self.url,
                                                    completion_window=COMPLETION_WINDOW, metadata=metadata)
        except openai.NotFoundError:
            raise self._no_batches("/batches") from None
        except openai.OpenAIError as exc:
            raise self._error(exc) from exc
        return info_of(made.model_dump())

    async def retrieve(self, batch_id: str) -> BatchInfo:
        try:
            found = await self.client.batches.retrieve(batch_id)
        except openai.NotFoundError:
            raise EngineError(f"batch {batch_id} not found at {self.endpoint} (404): was it made with another "
                              "key, base URL or Azure resource?") from None
        except openai.OpenAIError as exc:
            raise self._error(exc) from exc
        return info_of(found.model_dump())

    async def download(self, file_id: str) -> str:
        """The text of an output or error file (JSONL)."""
        try:
            content = await self.client.files.content(file_id)
        except openai.OpenAIError as exc:
            raise self._error(exc) from exc
        return str(content.text)

    async def cancel(self, batch_id: str) -> BatchInfo:
        try:
            return info_of((await self.client.batches.cancel(batch_id)).model_dump())
        except openai.OpenAIError as exc:
            raise self._error(exc) from exc

    async def aclose(self) -> None:
        await self.transport.aclose()

    def _no_batches(self, path: str) -> EngineError:
        return EngineError(f"{self.endpoint} has no batch endpoint (404 on {path}): run without --batch")

    def _error(self, exc: Exception) -> EngineError:
        """Anything else stops the batch command with the transport's redacted one-line message."""
        made = self.transport._error(exc)
        return made if isinstance(made, EngineError) else EngineError(f"batch API at {self.endpoint}: {made}")


def info_of(data: dict[str, Any]) -> BatchInfo:
    """A ``Batch`` object (as a dict) in the few fields a batch job needs."""
    counts = data.get("request_counts") or {}
    errors = [f"{e.get('code') or 'error'}: {e.get('message') or ''}" + (f" (line {e['line']})" if e.get("line") else "")
              for e in ((data.get("errors") or {}).get("data") or [])]
    return BatchInfo(id=str(data["id"]), status=str(data.get("status") or "unknown"),
                     output_file_id=data.get("output_file_id"), error_file_id=data.get("error_file_id"),
                     total=int(counts.get("total") or 0), completed=int(counts.get("completed") or 0),
                     failed=int(counts.get("failed") or 0), errors=errors)
