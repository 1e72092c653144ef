"""Prompt templates as files: YAML front matter (name, description, inputs, sample) + a body.

The body is split into chat messages by role lines (``system:``, ``user:``, ``assistant:``)
*before* rendering, so article text rendered into the user message can never forge a role.
Rendering uses jinja2's ``SandboxedEnvironment`` with ``StrictUndefined``: a missing
variable is an error, not an empty string.

Templates are looked up in ``--prompts DIR`` when given, else in the installed package
``timeline.prompt_templates`` (the wheel ships ``prompts/`` under that name), else in the
source checkout's top-level ``prompts/`` folder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from timeline.errors import UsageError

_ROLE_LINE = re.compile(r"^(system|user|assistant):[ \t]*$", re.M)
_REPO_PROMPTS = Path(__file__).resolve().parents[3] / "prompts"


@dataclass(frozen=True)
class PromptTemplate:
    """One prompt file: its metadata and one template source per chat message."""

    name: str
    description: str
    inputs: dict[str, Any]
    sample: dict[str, Any]
    sections: tuple[tuple[str, str], ...]  # (role, template source)
    path: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def render(self, **variables: Any) -> list[dict[str, str]]:
        """Chat messages ``[{"role": ..., "content": ...}]`` with ``variables`` filled in."""
        missing = [name for name, spec in self.inputs.items()
                   if name not in variables and not (isinstance(spec, dict) and spec.get("optional"))]
        if missing:
            raise UsageError(f"prompt {self.name}: missing input(s) {', '.join(missing)}")
        messages = []
        for role, source in self.sections:
            try:
                content = _compiled(source).render(**variables)
            except Exception as exc:  # jinja2 errors: undefined variable, syntax, sandbox
                raise UsageError(f"prompt {self.name} ({self.path}): {exc}") from None
            messages.append({"role": role, "content": _tidy(content)})
        return messages

    def render_sample(self) -> list[dict[str, str]]:
        return self.render(**self.sample)


def _tidy(text: str) -> str:
    """Outer whitespace only: the article inside is data and is sent as it is."""
    return text.strip()


@lru_cache(maxsize=32)
def _compiled(source: str) -> Any:
    """The compiled template for ``source`` (compiling costs far more than rendering)."""
    return _environment().from_string(source)


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


def parse_template(text: str, path: str = "<string>") -> PromptTemplate:
    """A PromptTemplate from a file's text; UsageError when the front matter or roles are missing."""
    import yaml

    if not text.startswith("---"):
        raise UsageError(f"prompt {path}: missing YAML front matter (--- ... ---)")
    try:
        _, front, body = text.split("---", 2)
        meta = yaml.safe_load(front) or {}
    except (ValueError, yaml.YAMLError) as exc:
        raise UsageError(f"prompt {path}: bad front matter ({exc})") from None
    if not isinstance(meta, dict) or "name" not in meta:
        raise UsageError(f"prompt {path}: front matter needs at least 'name'")
    marks = list(_ROLE_LINE.finditer(body))
    if not marks:
        raise UsageError(f"prompt {path}: no 'system:' or 'user:' section")
    sections = tuple(
        (m.group(1), body[m.end():marks[i + 1].start() if i + 1 < len(marks) else len(body)]) for i, m in enumerate(marks)
    )
    return PromptTemplate(
        name=str(meta["name"]), description=str(meta.get("description", "")), inputs=dict(meta.get("inputs") or {}),
        sample=dict(meta.get("sample") or {}), sections=sections, path=path, meta=meta,
    )


def _read(name: str, prompts_dir: str | None) -> tuple[str, str]:
    filename = f"{name}.j2"
    if prompts_dir:
        path = Path(prompts_dir) / filename
        if not path.is_file():
            raise UsageError(f"--prompts {prompts_dir}: no {filename} there")
        return path.read_text(encoding="utf-8"), str(path)
    try:
        from importlib.resources import files

        resource = files("timeline.prompt_templates").joinpath(filename)
        if resource.is_file():
            return resource.read_text(encoding="utf-8"), str(resource)
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        pass
    path = _REPO_PROMPTS / filename
    if path.is_file():
        return path.read_text(encoding="utf-8"), str(path)
    raise UsageError(f"prompt template {filename} not found (is the package installed with its data?)")


def load_prompt(name: str, prompts_dir: str | None = None) -> PromptTemplate:
    """The template called ``name`` (file ``NAME.j2``), from ``prompts_dir`` or the built-in set.

    The file is read every time (an edited prompt takes effect); parsing is cached by content."""
    text, path = _read(name, prompts_dir)
    return _parse_cached(text, path)


@lru_cache(maxsize=32)
def _parse_cached(text: str, path: str) -> PromptTemplate:
    return parse_template(text, path)


def builtin_prompt_names() -> list[str]:
    """Names of the templates this version ships."""
    return ["extract_events", "summarize", "reduce", "key_day"]
