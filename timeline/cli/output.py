"""What every command says and writes: one-line messages on stderr, exit codes, logging, the
progress bar, and the briefing written to a file or stdout (a closed pipe is not an error).
"""
from __future__ import annotations

import io
import sys

from typing import Any


def say(message: str) -> None:
    """One line on stderr; escape sequences from file names, articles or servers are removed."""
    from timeline.render.escape import strip_controls

    sys.stderr.write(f"timeline: {' '.join(strip_controls(message).split())}\n")


def check_output(path: str | None) -> None:
    from pathlib import Path

    from timeline.errors import UsageError

    if path is None:
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"-o {path}: is a directory; give a file name")
    parent = target.parent
    if not parent.exists():
        for ancestor in parent.parents:  # a path under a regular file: "a.txt/out.md"
            if ancestor.exists() and not ancestor.is_dir():
                raise UsageError(f"-o {path}: {ancestor} is a file, not a directory")
        raise UsageError(f"-o {path}: directory {parent} does not exist")
    if not parent.is_dir():
        raise UsageError(f"-o {path}: {parent} is a file, not a directory")
    import os

    if not os.access(parent, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise UsageError(f"-o {path}: not writable")


def setup_logging(verbose: int) -> None:
    import logging

    level = logging.DEBUG if verbose >= 2 else logging.INFO if verbose == 1 else logging.WARNING
    logging.basicConfig(level=level, format="timeline: %(levelname)s: %(message)s", stream=sys.stderr)


class Progress:
    """Progress over chunks on stderr: a rich bar on a terminal; with -v elsewhere, one log
    line per 10%. Nothing otherwise, so piped output and logs stay clean."""

    def __init__(self, verbose: int) -> None:
        self.bar: Any = None
        self.verbose = verbose
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("chunks"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("chunks", total=None)

    def __enter__(self) -> Any:
        if self.bar is not None:
            self.bar.start()

            def update(done: int, total: int) -> None:
                self.bar.update(self.task, completed=done, total=total)

            return update
        if not self.verbose:
            return None
        shown = [0]

        def log_tenths(done: int, total: int) -> None:
            tenth = done * 10 // total if total else 10
            if tenth > shown[0]:
                shown[0] = tenth
                say(f"progress: {done:,}/{total:,} chunks ({tenth * 10}%)")

        return log_tenths

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def write(briefing: Any, fmt: str, output: str | None) -> Any:
    """Render ``briefing`` as ``fmt`` to ``output`` (a path) or stdout; the briefing written,
    without (and listing) any event the renderer could not take."""
    from timeline.render import renderer


    render = renderer(fmt)  # argparse restricts fmt to the table's names
    if output is None and fmt == "terminal" and sys.stdout.isatty():  # live on the terminal: colours and its width
        _, briefing = _rendered(render, briefing)  # a dry run first: an event it cannot take is dropped
        with _Stdout():
            render(briefing, sys.stdout)
        return briefing
    # rendered first (also the terminal format into a pipe: rich answers a closed pipe with
    # exit 1, and `timeline brief ... | head` is not an error)
    text, briefing = _rendered(render, briefing)  # a failure no event explains is a bug (exit 70)
    if output:
        with _Output(output) as handle:
            text.write_to(handle)
    else:
        with _Stdout():
            text.write_to(sys.stdout)
    return briefing


class _Pieces(io.TextIOBase):
    """A rendered briefing held as the pieces its renderer wrote, then written out piece by
    piece. Why not ``io.StringIO``: it joins them into one string as wide as the widest
    character (two bytes a character for a 10 MB JSON briefing with one dash in it: 20 MB at
    the run's memory peak), and writing that string encodes it whole (10 MB more)."""

    def __init__(self) -> None:
        super().__init__()
        self.pieces: list[str] = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.pieces.append(text)
        return len(text)

    def getvalue(self) -> str:
        return "".join(self.pieces)

    def write_to(self, out: Any) -> None:
        for piece in self.pieces:
            out.write(piece)


def _rendered(render: Any, briefing: Any) -> tuple[Any, Any]:
    """(the rendered text, the briefing rendered): an event the renderer cannot take is
    dropped and listed (``timeline.run.isolate``), the rest rendered."""
    from timeline.run.isolate import isolated

    chronology = briefing.chronology
    everything = chronology.events + chronology.undated

    def shown(events: list[Any]) -> Any:
        if len(events) == len(everything):
            return briefing
        kept = {id(e) for e in events}
        return briefing.model_copy(update={"chronology": chronology.model_copy(update={
            "events": [e for e in chronology.events if id(e) in kept],
            "undated": [e for e in chronology.undated if id(e) in kept]})})

    def run(events: list[Any]) -> tuple[Any, Any]:
        text = _Pieces()
        chosen = shown(events)
        render(chosen, text)
        return text, chosen

    (text, written), failed = isolated("render", everything, run)
    if failed:
        written = written.model_copy(update={
            "dropped": [*written.dropped, *failed],
            "warnings": [*written.warnings, *(f"event failed: {d.article_id}: {d.reason} (dropped: {d.what[:60]!r})"
                                              for d in failed)]})
        for d in failed:
            say(f"warning: event failed: {d.article_id}: {d.reason}")
        text = _Pieces()
        render(written, text)  # again, now listing what was dropped
    return text, written


class _Stdout:
    """Writing to stdout: a full disk (``> /dev/full``) is one error line, exit 1, not a
    traceback or a message at interpreter exit; a closed pipe stays a quiet exit 0."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        from timeline.errors import TimelineError

        error = exc if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) else None
        if kind is None:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                raise
            except OSError as flush_error:
                error = flush_error
        if error is not None:
            import os

            try:  # the interpreter's final flush must not fail again
                sys.stdout = open(os.devnull, "w")  # noqa: SIM115
            except OSError:
                pass
            raise TimelineError(f"stdout: cannot write the briefing ({error.strerror or error})") from None


class _Output:
    """The -o file. A regular file is written beside the target and renamed into place, so a
    failed write (full disk) leaves any earlier briefing intact; devices (/dev/stdout,
    /dev/full) are written directly. A write error is one line, exit 1."""

    def __init__(self, output: str) -> None:
        import os

        self.output = output
        self.direct = os.path.exists(output) and (os.path.islink(output) or not os.path.isfile(output))
        self.temp = output if self.direct else f"{output}.tmp-{os.getpid()}"

    def __enter__(self) -> Any:
        from timeline.errors import UsageError

        try:
            self.handle = open(self.temp, "w", encoding="utf-8")
        except OSError:
            self.direct, self.temp = True, self.output  # a folder we may not create files in
            try:
                self.handle = open(self.output, "w", encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"-o {self.output}: cannot write ({exc.strerror})") from None
        return self.handle

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        import os

        from timeline.errors import TimelineError

        error: OSError | None = exc if isinstance(exc, OSError) else None
        try:
            self.handle.close()
        except OSError as close_error:
            error = error or close_error
        if kind is None and error is None:
            if not self.direct:
                os.replace(self.temp, self.output)
            return
        if not self.direct:
            try:
                os.unlink(self.temp)
            except OSError:
                pass
        if error is not None:
            raise TimelineError(f"-o {self.output}: cannot write the briefing ({error.strerror or error}); "
                                "nothing was written") from None

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3

EXIT_INTERNAL = 70  # EX_SOFTWARE: a defect in timeline, not in the user's input
