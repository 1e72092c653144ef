"""Bad inputs, one CLI test each: one line on stderr naming the file or flag, the documented exit
code (1 error, 2 usage), no traceback."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from common import SEED, run_cli


def one_line_error(proc: subprocess.CompletedProcess, code: int, *needles: str) -> str:
    err = proc.stderr.decode()
    assert proc.returncode == code, (proc.returncode, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    errors = [line for line in lines if line.startswith("timeline: error:")]
    assert len(errors) == 1 and len(lines) == 1, err
    for needle in needles:
        assert needle in errors[0], (needle, errors[0])
    return errors[0]


def test_missing_path() -> None:
    one_line_error(run_cli("brief", "no/such/file.txt"), 1, "no/such/file.txt", "no such file")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    one_line_error(run_cli("brief", str(tmp_path / "empty.txt")), 1, "empty.txt", "empty")


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    one_line_error(run_cli("brief", str(tmp_path / "blob.txt")), 1, "blob.txt", "binary")


def test_non_utf8_file(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Le président a parlé.".encode("latin-1"))
    one_line_error(run_cli("brief", str(tmp_path / "latin.txt")), 1, "latin.txt", "UTF-8", "iconv")


def test_50_mb_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:  # sparse: 50 MB on paper, nothing written
        handle.truncate(50_000_000)
    opened: list[Path] = []
    real_open = Path.open

    def watching_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", watching_open)
    proc = run_cli("brief", str(big), "--engine", "local")
    one_line_error(proc, 1, "huge.txt", "50,000,000 bytes", "20,000,000-byte limit", "--max-bytes")
    assert big not in opened  # refused on its size: not one byte of it was read


def test_directory_of_mixed_files_briefs_the_articles_and_skips_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("On Monday, in 2020, the council voted to fund the bridge.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: B\n---\nIn 2021 the bridge opened to traffic.\n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9 opened in 2019.".encode("latin-1"))
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    proc = run_cli("brief", str(tmp_path), "--format", "json", "--engine", "local", "--published", "2024-12-02")
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    briefing = json.loads(proc.stdout)
    assert [a["id"] for a in briefing["articles"]] == ["a", "b"]
    notices = err.splitlines()
    for name, why in (("photo.png", "not a .txt"), ("empty.txt", "empty"), ("latin.txt", "UTF-8")):
        assert sum(name in n and why in n for n in notices) == 1, (name, err)
    assert ".hidden" not in err


def test_broken_front_matter(tmp_path: Path) -> None:
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\npublished: 2024-12-02\n---\nText.\n", encoding="utf-8")
    one_line_error(run_cli("brief", str(tmp_path / "broken.md")), 1, "broken.md", "front matter")


def test_bad_published() -> None:
    one_line_error(run_cli("brief", str(SEED), "--published", "2024-13-40"), 2, "--published", "2024-13-40")


def test_unknown_format() -> None:
    one_line_error(run_cli("brief", str(SEED), "--format", "pdf"), 2, "--format", "pdf")


def test_unwritable_output(tmp_path: Path) -> None:
    """Tests may run as root, where a read-only directory is still writable: use a path under a file."""
    (tmp_path / "afile.txt").write_text("x", encoding="utf-8")
    target = tmp_path / "afile.txt" / "report.md"
    one_line_error(run_cli("brief", str(SEED), "--format", "markdown", "-o", str(target)), 2,
                   "-o", str(target), "is a file, not a directory")
    missing = tmp_path / "nope" / "out.md"
    one_line_error(run_cli("brief", str(SEED), "-o", str(missing)), 2, "-o", "does not exist")


def test_openai_engine_without_a_key() -> None:
    env = {k: "" for k in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    one_line_error(run_cli("brief", str(SEED), "--engine", "openai", env=env), 1,
                   "--engine openai needs OPENAI_API_KEY", "--engine local")


def test_one_megabyte_line_without_sentence_breaks(tmp_path: Path) -> None:
    words = ("council bridge budget vote " * 40_000)[:1_000_000]
    (tmp_path / "line.txt").write_text(words + " The bridge opened in 2021\n", encoding="utf-8")
    proc = run_cli("brief", str(tmp_path / "line.txt"), "--format", "json", "--engine", "local",
                   "--published", "2024-12-02")
    assert proc.returncode == 0, proc.stderr.decode()[-500:]
    assert "Traceback" not in proc.stderr.decode()
    briefing = json.loads(proc.stdout)
    assert briefing["articles"][0]["chars"] > 1_000_000
    assert any(e["when"]["value"] == "2021" for e in briefing["chronology"]["events"])
    plan = run_cli("brief", str(tmp_path / "line.txt"), "--engine", "openai", "--dry-run",
                   "--base-url", "http://127.0.0.1:9/v1")  # chunking for a model: bounded pieces, no request
    rows = [line.split() for line in plan.stdout.decode().splitlines() if line.startswith("line ")]
    assert plan.returncode == 0 and len(rows) > 100 and all(int(r[3]) <= 1500 for r in rows)
    # No wall-clock limit here: the suite's hang guard (pytest-timeout, pyproject.toml) fails a
    # run that never ends; how fast long lines go is measured in bench/ (bench_scale).


def test_directory_without_articles(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG\x00")
    one_line_error(run_cli("brief", str(tmp_path)), 1, "no readable articles")
