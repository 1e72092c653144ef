"""Input edge cases (issue 10, point 3): one test each, one clean line and the documented exit
code; options validated once, in the library (BriefOptions), so library callers get the same
UsageError as the CLI."""
from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from timeline.cli import main as cli
from timeline.errors import InputError, UsageError
from timeline.options import BriefOptions
from timeline.sources import _load_directory, load_articles

TEXT = "On Monday, March 3, 2025, the city council voted to close the Elm Street bridge.\n"


def one_line(capsys: pytest.CaptureFixture[str], argv: list[str], code: int, *needles: str) -> str:
    """Run the CLI in-process; exactly one stderr line, an error, naming ``needles``."""
    assert cli.main(argv) == code
    _out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if not line.startswith("timeline: engine:")]
    assert len(lines) == 1 and lines[0].startswith("timeline: error:"), err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]


def md(tmp_path: Path, front: str, name: str = "a.md") -> Path:
    path = tmp_path / name
    path.write_text(f"---\n{front}\n---\n{TEXT}", encoding="utf-8")
    return path


# --- front matter ---------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-03-05T22:10:00Z", date(2025, 3, 5)),
    ("2025-03-05 22:10:00+05:00", date(2025, 3, 5)),
    ("2025-03-05", date(2025, 3, 5)),
    ("'2025-03-05'", date(2025, 3, 5)),
])
def test_unquoted_yaml_datetimes_and_dates_are_accepted(tmp_path: Path, value: str, expected: date) -> None:
    loaded = load_articles([str(md(tmp_path, f"published: {value}"))])
    assert loaded.articles[0].published == expected


@pytest.mark.parametrize("value", ["2025-02-30", "2025-13-01", "2025-02-30T10:00:00Z"])
def test_impossible_front_matter_dates_are_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    path = md(tmp_path, f"published: {value}")
    one_line(capsys, ["brief", str(path)], 1, "a.md", "published", "is not a date")


@pytest.mark.parametrize("value", ["0001-01-01", "0999-12-31", "2201-01-01", "9999-12-31"])
def test_publication_dates_outside_1000_2200_are_refused_everywhere(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    one_line(capsys, ["brief", str(md(tmp_path, f"published: {value}"))], 1, "a.md", "outside the years 1000-2200")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(f'{{"text": "Some text.", "published": "{value}"}}\n', encoding="utf-8")
    one_line(capsys, ["brief", str(jsonl)], 1, "b.jsonl:1", "outside the years 1000-2200")
    good = tmp_path / "c.txt"
    good.write_text(TEXT, encoding="utf-8")
    one_line(capsys, ["brief", str(good), "--published", value], 2, "--published", "outside the years 1000-2200")


def test_edge_years_1000_and_2200_are_accepted(tmp_path: Path) -> None:
    for value in ("1000-01-01", "2200-12-31"):
        assert load_articles([str(md(tmp_path, f"published: {value}"))]).articles[0].published == date.fromisoformat(value)


def test_odd_yaml_scalars_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = md(tmp_path, "published: !!int 0x_")
    one_line(capsys, ["brief", str(path)], 1, "a.md", "front matter")


# --- --max-bytes on stdin and every file ----------------------------------------------------


def test_max_bytes_applies_to_stdin() -> None:
    with pytest.raises(InputError, match=r"<stdin>: more than the 100-byte limit"):
        load_articles(["-"], stdin=io.BytesIO(b"word " * 1000), max_bytes=100)
    assert load_articles(["-"], stdin=io.BytesIO(TEXT.encode()), max_bytes=len(TEXT)).articles[0].text == TEXT.strip()


class _Endless(io.RawIOBase):
    """A pipe that never ends; counts what was read from it."""

    def __init__(self, block: bytes) -> None:
        self.block, self.served = block, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an unbounded read of an endless stream never returns"
        self.served += size
        return (self.block * (size // len(self.block) + 1))[:size]


def test_an_endless_pipe_stops_at_max_bytes() -> None:
    pipe = _Endless(b"news ")
    with pytest.raises(InputError, match="more than the 1,000,000-byte limit"):
        load_articles(["-"], stdin=pipe, max_bytes=1_000_000)
    assert pipe.served <= 1_000_001


def test_an_endless_pipe_of_zeros_stops_at_the_first_block() -> None:
    pipe = _Endless(b"\x00")
    with pytest.raises(InputError, match="binary"):
        load_articles(["-"], stdin=pipe)
    assert pipe.served <= 1 << 16


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_dev_zero_stops_with_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    one_line(capsys, ["brief", "/dev/zero"], 1, "/dev/zero", "binary")


@pytest.mark.skipif(not os.path.exists("/dev/urandom"), reason="no /dev/urandom")
def test_an_endless_device_file_stops_at_max_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    # /dev/urandom reports size 0 and never ends; the read is bounded whatever it returns.
    assert cli.main(["brief", "/dev/urandom", "--max-bytes", "5000"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "/dev/urandom" in err and len(err.strip().splitlines()) == 1


def test_an_endless_stdin_pipe_stops_in_a_real_process() -> None:
    # `yes | timeline brief -`: the reader stops after --max-bytes, the writer gets SIGPIPE.
    proc = subprocess.Popen([sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('news ' * 1000)"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        done = subprocess.run([sys.executable, "-m", "timeline", "brief", "-", "--max-bytes", "200000"],
                              check=False, stdin=proc.stdout, capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    finally:
        proc.kill()
        proc.wait()
    assert done.returncode == 1 and b"more than the 200,000-byte limit" in done.stderr
    assert b"Traceback" not in done.stderr


# --- directory walks ------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_walk_skips_pipes_and_does_not_follow_folder_links(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block forever
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    loaded = load_articles([str(tmp_path)])
    assert [a.id for a in loaded.articles] == ["a"]
    assert any("pipe.txt" in n and "not a regular file" in n for n in loaded.notices)


def test_a_walk_never_enters_pseudo_filesystems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline import sources

    (tmp_path / "proc").mkdir()
    (tmp_path / "proc" / "kmsg.txt").write_text("never read\n", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(sources, "_pseudo_mounts", lambda: {os.path.realpath(tmp_path / "proc")})
    loaded = sources.Loaded()
    _load_directory(tmp_path, loaded, 1000)
    assert [a.id for a in loaded.articles] == ["a"] and not any("kmsg" in n for n in loaded.notices)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="no /proc here")
def test_proc_sys_and_dev_are_known_pseudo_filesystems() -> None:
    from timeline.sources import _pseudo_mounts

    assert {"/proc", "/sys", "/dev"} <= _pseudo_mounts()


def test_a_big_walk_names_a_few_skipped_files_and_counts_the_rest(tmp_path: Path) -> None:
    for i in range(50):
        (tmp_path / f"img{i:02}.png").write_bytes(b"\x89PNG")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    loaded = load_articles([str(tmp_path)])
    assert len(loaded.notices) == 21 and loaded.notices[-1].endswith("30 more file(s) skipped")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads everything")
def test_an_unreadable_folder_is_a_notice(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        loaded = load_articles([str(tmp_path)])
    finally:
        locked.chmod(stat.S_IRWXU)
    assert [a.id for a in loaded.articles] == ["a"] and any("locked" in n for n in loaded.notices)


# --- -o that cannot be written, full disk ---------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_output_to_a_full_disk_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    one_line(capsys, ["brief", str(tmp_path / "a.txt"), "--published", "2025-03-05", "--engine", "local", "-o", "/dev/full",
                      "-f", "json"], 1,
             "-o /dev/full", "No space left on device", "nothing was written")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_stdout_to_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    full = open("/dev/full", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    monkeypatch.setattr(sys, "stdout", full)  # `timeline brief a.txt > /dev/full`
    try:
        code = cli.main(["brief", str(tmp_path / "a.txt"), "--published", "2025-03-05", "--engine", "local"])
    finally:
        monkeypatch.undo()
        try:
            full.close()
        except OSError:
            pass
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert err.strip().splitlines()[-1] == "timeline: error: stdout: cannot write the briefing (No space left on device)"


def test_a_failed_write_keeps_the_earlier_briefing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "briefing.json"
    out.write_text("earlier briefing", encoding="utf-8")
    import timeline.render.json as render_json

    def full_disk(briefing: object) -> Iterator[str]:
        yield "{"  # a piece written, then the failure
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(render_json, "pieces", full_disk)
    code = cli.main(["brief", str(tmp_path / "a.txt"), "--engine", "local", "-f", "json", "-o", str(out)])
    assert code == 70  # an OSError while rendering is not the disk: reported, nothing replaced
    assert out.read_text(encoding="utf-8") == "earlier briefing"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "briefing.json"]
    capsys.readouterr()


def test_output_into_a_missing_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    one_line(capsys, ["brief", str(tmp_path / "a.txt"), "-o", str(tmp_path / "no" / "out.md")], 2, "does not exist")


# --- numeric flags: validated in BriefOptions -----------------------------------------------


@pytest.mark.parametrize(("flags", "needle"), [
    (["--timeout", "0"], "--timeout: must be more than 0"),
    (["--timeout", "-5"], "--timeout: must be more than 0"),
    (["--timeout", "nan"], "--timeout: must be more than 0"),
    (["--concurrency", "0"], "--concurrency: must be at least 1"),
    (["--max-retries", "-1"], "--max-retries: must be at least 0"),
    (["--max-retries", "1000"], "--max-retries: must be at most 20"),
    (["--max-bytes", "-1"], "--max-bytes: must be at least 1"),
    (["--max-bytes", "0"], "--max-bytes: must be at least 1"),
    (["--max-chunk-tokens", "10"], "--max-chunk-tokens: must be at least 50"),
    (["--max-events", "0"], "--max-events: must be at least 1"),
    (["--since", "2025-02-01", "--until", "2025-01-01"], "--since 2025-02-01 is after --until 2025-01-01"),
])
def test_numeric_flags_out_of_range_are_usage_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], flags: list[str], needle: str) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    one_line(capsys, ["brief", str(tmp_path / "a.txt"), *flags], 2, needle)


@pytest.mark.parametrize("kwargs", [
    {"timeout": 0}, {"concurrency": 0}, {"max_retries": -1}, {"max_bytes": -1}, {"max_chunk_tokens": 1},
    {"max_events": 0}, {"since": date(2025, 2, 1), "until": date(2025, 1, 1)}, {"concurrency": "many"},
    {"no_such_option": 1}, {"extra": {"no_such_option": 1}},
])
def test_library_callers_get_the_same_usage_error(kwargs: dict) -> None:
    with pytest.raises(UsageError) as caught:
        BriefOptions(**kwargs)
    assert "\n" not in str(caught.value)


def test_assignment_is_validated_too() -> None:
    options = BriefOptions()
    with pytest.raises(UsageError, match="--concurrency"):
        options.concurrency = 0
    assert options.concurrency == 4
    options.engine = "local"
    assert options.engine == "local"


def test_typed_fields_replace_the_extra_dict() -> None:
    options = BriefOptions(extra={"max_retry_wait": 1, "summary_budget": 80})
    assert (options.max_retry_wait, options.summary_budget) == (1, 80)
    assert options.extra == {"max_retry_wait": 1, "summary_budget": 80}


def test_load_articles_checks_max_bytes_for_library_callers(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(UsageError, match="--max-bytes"):
        load_articles([str(tmp_path / "a.txt")], max_bytes=-1)


def test_brief_options_is_reexported_where_it_was() -> None:
    import timeline
    import timeline.run.pipeline

    assert timeline.BriefOptions is timeline.run.pipeline.BriefOptions is BriefOptions

