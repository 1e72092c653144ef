"""CI runs what the README tells a developer to run: the same test command, ruff and mypy."""
from __future__ import annotations

import re

from common import ROOT


def test_ci_runs_the_readme_test_command_ruff_and_mypy() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    [documented] = re.findall(r"&& (python -m pytest[^\n`]*)", readme)
    ran = [line.split("#")[0].strip() for line in ci.splitlines() if "python -m pytest" in line.split("#")[0]]
    assert [r.removeprefix("timeout 1200 ") for r in ran] == [documented.strip()]
    commands = [line.split("#")[0].strip() for line in ci.splitlines()]
    assert "ruff check timeline tests bench" in commands and "mypy timeline" in commands
    assert "set -euo pipefail" in commands  # pytest's exit 5 (no test ran) fails CI
