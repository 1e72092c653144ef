"""Command line: parse arguments, call the library, print. No pipeline logic lives here.

Heavy imports (pydantic, rich, openai, tiktoken) happen inside the command handlers, so
`timeline --help` stays fast.
"""
from __future__ import annotations

import sys

from timeline.cli.output import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, say
from timeline.cli.parser import build_parser

TYPE_CHECKING = False  # typing and pathlib are imported lazily: `timeline --help` stays fast
if TYPE_CHECKING:
    from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(command if command in ("brief", "dates", "eval", "batch") else "")
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    from timeline.errors import TimelineError

    try:
        # each command's module is imported when it runs: `timeline --help` pays for none of them
        if args.command == "brief":
            from timeline.cli.brief import brief_command

            return brief_command(args)
        if args.command == "dates":
            from timeline.cli.dates import dates_command

            return dates_command(args)
        if args.command == "batch":
            from timeline.cli.batch import batch_command

            return batch_command(args)
        from timeline.cli.eval import eval_command

        return eval_command(args)
    except TimelineError as exc:
        say(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        say("interrupted: finished chunks are cached; run the same command again to resume")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a defect, never a traceback
        return _internal_error(exc, getattr(args, "verbose", 0))


def _internal_error(exc: BaseException, verbose: int) -> int:
    """One line naming the defect; the traceback only with -vv (it may quote article text)."""
    from timeline.errors import describe, redact

    if verbose >= 2:
        import traceback

        sys.stderr.write(redact("".join(traceback.format_exception(exc))))
    hint = "" if verbose >= 2 else " (run with -vv for the traceback)"
    say(f"internal error: {describe(exc)}{hint}")
    return EXIT_INTERNAL
