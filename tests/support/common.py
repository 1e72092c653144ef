"""Paths, the test key and the CLI runners every test shares.

``run_cli`` runs ``timeline ARGS`` in-process (``cli.main(argv)`` with captured streams, the
test's environment, working directory and stdin), which is what most CLI tests need and
costs no interpreter start-up; ``run_cli_subprocess`` is the real thing, for the few smoke
tests that check start-up, exit codes as a shell sees them, or signals.
"""
from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

SUPPORT = Path(__file__).resolve().parent
TESTS = SUPPORT.parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared"  # ../shared beside the repository; tests skip when it is absent
SEED = ROOT / "seeds" / "000_e3cd228ed5e53f9a.txt"
GOLD = SEED_GOLD = ROOT / "seeds" / "000_e3cd228ed5e53f9a.gold.json"
API_KEY = os.environ.get("PYTEST_OPENAI_API_KEY") or "test-key"


@contextmanager
def _environment(env: dict[str, str | None], cwd: Path) -> Iterator[None]:
    """``env`` laid over os.environ (None removes a variable) and ``cwd``, for one run."""
    saved, here = dict(os.environ), Path.cwd()
    for name, value in env.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)


def run_cli(*args: str, env: dict | None = None, input: bytes | None = None, cwd: Path | None = None,
            timeout: float = 120, text: bool = False) -> subprocess.CompletedProcess:
    """``timeline ARGS`` in this process: exit code, stdout and stderr as bytes (str with
    ``text``), like subprocess.run. Log records go to this run's stderr, as in a real run."""
    from timeline.cli.main import main

    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.stdin, sys.stdout, sys.stderr)
    sys.stdin = io.TextIOWrapper(io.BytesIO(input or b""), encoding="utf-8")
    sys.stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    root.handlers = []  # pytest's capture handlers would stop -v from installing the CLI's own
    try:
        with _environment({"COLUMNS": "200", **(env or {})}, cwd or ROOT):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: --help, --version, usage errors
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()  # before the wrappers go (closing them closes these)
        sys.stdin, sys.stdout, sys.stderr = streams
        root.handlers = handlers  # -v installed a handler bound to this run's stderr: gone with it
        root.setLevel(level)
    if text:
        return subprocess.CompletedProcess(["timeline", *args], code, stdout.decode("utf-8", "replace"),
                                           stderr.decode("utf-8", "replace"))
    return subprocess.CompletedProcess(["timeline", *args], code, stdout, stderr)


def run_cli_subprocess(*args: str, env: dict | None = None, input: bytes | None = None, cwd: Path | None = None,
                       timeout: float = 120) -> subprocess.CompletedProcess:
    """Run `python -m timeline ARGS` the way a user would, with the test's environment."""
    full_env = dict(os.environ)
    full_env.setdefault("PYTHONPATH", str(ROOT))
    full_env["COLUMNS"] = "200"
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, input=input,
                          env=full_env, cwd=cwd or ROOT, timeout=timeout)


def norm_text(text: str) -> str:
    """Text compared the way the story gold files are written: curly apostrophes, spacing and case ignored."""
    return " ".join(text.replace("’", "'").split()).lower()
