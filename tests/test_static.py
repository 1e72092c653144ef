"""Static checks run with the tests: pyflakes-class errors (ruff) and types (mypy)."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


def _tool(name: str) -> list[str]:
    if shutil.which(name) is None and subprocess.run([sys.executable, "-m", name, "--version"],
                                                     capture_output=True).returncode != 0:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return [sys.executable, "-m", name]


def test_ruff_finds_no_undefined_names_or_unused_imports() -> None:
    proc = subprocess.run([*_tool("ruff"), "check", "--select", "F,E9", "timeline", "tests", "bench"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_passes_on_the_library() -> None:
    proc = subprocess.run([*_tool("mypy"), "timeline", "--ignore-missing-imports"], capture_output=True, text=True,
                          cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
