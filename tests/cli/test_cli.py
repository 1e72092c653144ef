"""The CLI as a user meets it: help, version, formats, and one-line errors with exit codes."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path


from common import ROOT, SEED, run_cli, run_cli_subprocess


def test_help_is_fast_path_without_heavy_libraries() -> None:
    """One fresh interpreter for every start-up check (each was its own process before):
    ``--help`` imports no model SDK, tokenizer, data model, terminal, web or PDF library, and
    ``brief --help`` none of the web or PDF ones."""
    code = ("import sys; from timeline.cli.main import main\n"
            "def heavy(names):\n"
            "    return ','.join(m for m in names if m in sys.modules)\n"
            "try: main(['--help'])\nexcept SystemExit: pass\n"
            "print('HEAVY=' + heavy(('openai', 'tiktoken', 'pydantic', 'rich', 'httpx2', 'jinja2', 'trafilatura',"
            " 'htmldate', 'lxml', 'pypdf', 'urllib3')))\n"
            "try: main(['brief', '--help'])\nexcept SystemExit: pass\n"
            "print('BRIEF_HEAVY=' + heavy(('trafilatura', 'htmldate', 'lxml', 'pypdf', 'jinja2', 'urllib3')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    lines = proc.stdout.strip().splitlines()
    assert "HEAVY=" in lines and lines[-1] == "BRIEF_HEAVY=", proc.stdout
    assert "--format markdown" in proc.stdout and "--format json" in proc.stdout
    assert "html" in proc.stdout and "timelinejs" in proc.stdout


def test_version() -> None:  # a smoke test of the installed entry point: a real interpreter
    proc = run_cli_subprocess("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("timeline ")


def test_auto_engine_says_offline_in_one_line() -> None:
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02", "--format", "json")
    assert proc.returncode == 0
    notes = [line for line in proc.stderr.decode().splitlines() if "engine" in line]
    assert len(notes) == 1 and "offline" in notes[0]


def test_markdown_report_sections_in_order(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02", "--format", "markdown", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    report = out.read_text(encoding="utf-8")
    positions = [report.index(h) for h in ("## Summary", "## Chronology", "## Undated", "## Warnings", "## Sources")]
    assert positions == sorted(positions)
    chronology = report[report.index("## Chronology"):report.index("## Undated")]
    assert chronology.index("### 2011") < chronology.index("### 2016") < chronology.index("Fri 29 Nov 2024") \
        < chronology.index("Mon 2 Dec 2024")


def test_markdown_escapes_article_text(tmp_path: Path) -> None:
    article = tmp_path / "evil.md"
    article.write_text("---\ntitle: '# Injected <b>title</b>'\npublished: 2024-12-02\n---\n"
                       "On Monday, officials said <script>alert(1)</script> and [click](http://evil.example) "
                       "![img](http://evil.example/x.png) `code` happened in 2020.\n"
                       "# Fake heading inside the article\n", encoding="utf-8")
    proc = run_cli("brief", str(article), "--format", "markdown", "--engine", "local")
    report = proc.stdout.decode()
    assert "<script>" not in report and "&lt;script&gt;" in report
    assert re.search(r"(?<!\\)\]\(http", report) is None, "an unescaped link or image survived"
    assert "\\[click\\](http://evil.example)" in report and "!\\[img\\]" in report
    assert "\n# Fake" not in report and "\n# Injected" not in report


def test_json_has_schema_version() -> None:
    proc = run_cli("brief", str(SEED), "--published", "2024-12-02", "--format", "json")
    data = json.loads(proc.stdout)
    assert data["schema_version"] == "1.0" and data["articles"][0]["id"] == SEED.stem


def test_stdin_article() -> None:  # a real pipe into a real process
    proc = run_cli_subprocess("brief", "-", "--published", "2024-12-02", "--format", "json", input=SEED.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["chronology"]["events"]


def test_a_reader_that_closes_the_pipe_early_is_no_error(tmp_path) -> None:
    """`timeline brief ... | head -1`: rich answers a closed pipe with exit 1; the briefing went
    to a reader that had read enough, which is exit 0 with no traceback. The story is long
    enough (well over a pipe's 64 KB buffer) that the writer does meet the closed pipe."""
    import os
    import subprocess
    import sys

    from common import ROOT

    lines = [f"On March {d % 28 + 1}, 2024, the council of district {d} voted to fund bridge project {d} in Port "
             f"Aldren." for d in range(700)]
    story = tmp_path / "long.txt"
    story.write_text("published: 2024-12-02\n---\n" + "\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for fmt in ("terminal", "markdown"):
        proc = subprocess.Popen([sys.executable, "-m", "timeline", "brief", str(story), "--format", fmt],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
        assert proc.stdout is not None and proc.stdout.read(10)
        proc.stdout.close()  # the reader is done
        _, err = proc.communicate(timeout=200)
        assert proc.returncode == 0, (fmt, err.decode()[-300:])
        assert b"Traceback" not in err
