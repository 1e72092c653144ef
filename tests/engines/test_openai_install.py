"""A non-editable install, used from another directory, finds its prompt templates.

Building a wheel needs setuptools from the package index, so this runs only when asked:
``TIMELINE_INSTALL_TEST=1`` (about 30-60 s; uses pip's ordinary index).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from common import ROOT

pytestmark = pytest.mark.skipif(os.environ.get("TIMELINE_INSTALL_TEST") != "1", reason="set TIMELINE_INSTALL_TEST=1")


def test_installed_package_finds_its_prompts(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True, timeout=600)
    code = ("from timeline.engines.llm.prompts import load_prompt; t = load_prompt('extract_events'); t.render_sample(); "
            "print(t.path)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([str(python), "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert "site-packages/timeline/prompt_templates/extract_events.j2" in out.stdout
    seed = ROOT / "seeds" / "000_e3cd228ed5e53f9a.txt"
    dry = subprocess.run([str(venv / "bin" / "timeline"), "brief", str(seed), "--published", "2024-12-02", "--dry-run"],
                         cwd=tmp_path, env={**env, "TIMELINE_CACHE_DIR": str(tmp_path / "c")}, capture_output=True,
                         text=True)
    assert dry.returncode == 0, dry.stderr
    assert "prompt tokens" in dry.stdout
