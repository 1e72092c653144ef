"""``config.toml``: a user's defaults, in the platformdirs user config directory.

Location: ``$TIMELINE_CONFIG_DIR/config.toml``, else ``<user config dir>/timeline/config.toml``
(``~/.config/timeline/config.toml`` on Linux). Every key is optional; a flag on the command
line wins over the file, and the file over the built-in default::

    engine = "openai"        # auto | local | openai: choosing a cloud engine here is an opt-in
    model = "gpt-4o-mini"    # --model; $TIMELINE_MODEL wins over this
    format = "markdown"      # --format
    concurrency = 8          # --concurrency

    [prices."gpt-4o-mini"]   # US dollars per 1M tokens (see engines/llm/pricing.py)
    input = 0.15
    cached = 0.075
    output = 0.60

An unknown key or a value of the wrong type is a one-line UsageError naming the file and
the key: a misspelt setting must not be silently ignored.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from timeline.errors import UsageError

KEYS = ("engine", "model", "format", "concurrency", "prices")


class PriceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    input: float | None = Field(default=None, ge=0)
    cached: float | None = Field(default=None, ge=0)
    output: float | None = Field(default=None, ge=0)


class Config(BaseModel):
    """The file's settings; None where the file is silent."""

    model_config = ConfigDict(extra="forbid")

    engine: str | None = None
    model: str | None = None
    format: str | None = None
    concurrency: int | None = Field(default=None, ge=1, le=256)
    prices: dict[str, PriceEntry] = Field(default_factory=dict)


def config_path() -> Path:
    env = os.environ.get("TIMELINE_CONFIG_DIR")
    if env:
        return Path(env) / "config.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir("timeline")) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """The settings in ``path`` (default ``config_path()``); an empty Config when there is no file."""
    path = path or config_path()
    if not path.is_file():
        return Config()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: not valid TOML ({exc})") from None
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "config"
        if first["type"] == "extra_forbidden":
            raise UsageError(f"{path}: unknown key {where!r} (known keys: {', '.join(KEYS)})") from None
        raise UsageError(f"{path}: {where}: {first['msg']}") from None
    _check_names(config, path)
    return config


def _check_names(config: Config, path: Path) -> None:
    """The format must be a renderer's name (an unknown engine name is refused where engines
    are chosen, ``engines.registry.choose_engine``, which names this file)."""
    from timeline.render import FORMATS

    if config.format is not None and config.format not in FORMATS:
        raise UsageError(f"{path}: format: {config.format!r} is not one of {', '.join(FORMATS)}")
