"""Dollar cost of tokens: a small built-in price table, overridable in a TOML config file.

Prices are US dollars per 1M tokens: ``input`` (uncached prompt), ``cached`` (cached
prompt) and ``output`` (completion). Override or add models in
``<user config dir>/timeline/config.toml`` (``$TIMELINE_CONFIG_DIR`` to move it)::

    [prices."gpt-4o-mini"]
    input = 0.15
    cached = 0.075
    output = 0.60
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path



@dataclass(frozen=True)
class Price:
    input: float
    cached: float
    output: float


PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(0.15, 0.075, 0.60),
    "gpt-4o": Price(2.50, 1.25, 10.00),
    "gpt-4.1": Price(2.00, 0.50, 8.00),
    "gpt-4.1-mini": Price(0.40, 0.10, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.025, 0.40),
}


def load_prices(path: Path | None = None) -> dict[str, Price]:
    """The built-in table with the config file's ``[prices.MODEL]`` entries laid over it."""
    from timeline.config import load_config

    prices = dict(PRICES)
    for model, entry in load_config(path).prices.items():
        base = prices.get(model, Price(0.0, 0.0, 0.0))
        given_input = entry.input if entry.input is not None else base.input
        prices[model] = Price(given_input,
                              entry.cached if entry.cached is not None else (entry.input if entry.input is not None
                                                                             else base.cached),
                              entry.output if entry.output is not None else base.output)
    return prices


def price_for(model: str | None, prices: dict[str, Price] | None = None) -> Price | None:
    """The model's price; dated snapshots ("gpt-4o-mini-2024-07-18") use their family's."""
    if not model:
        return None
    prices = prices if prices is not None else load_prices()
    if model in prices:
        return prices[model]
    family = max((name for name in prices if model.startswith(name + "-")), key=len, default=None)
    return prices[family] if family else None


def cost(model: str | None, prompt_tokens: int, cached_tokens: int, completion_tokens: int,
         prices: dict[str, Price] | None = None) -> float | None:
    """Dollars for these tokens, or None when the model has no known price."""
    price = price_for(model, prices)
    if price is None:
        return None
    uncached = max(prompt_tokens - cached_tokens, 0)
    return (uncached * price.input + cached_tokens * price.cached + completion_tokens * price.output) / 1_000_000
