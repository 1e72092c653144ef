"""Minimal `python -m timeline` (dates, eval); the main branch replaces it with the real CLI."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="timeline")
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dates", help="list the time expressions of one article")
    d.add_argument("path")
    d.add_argument("--published", default=None, help="publication date YYYY-MM-DD")
    d.add_argument("--format", default="terminal", choices=["json", "terminal"])
    e = sub.add_parser("eval", help="score the date tagger on a gold folder")
    e.add_argument("gold_dir")
    e.add_argument("--baseline", default="dateparser", choices=["dateparser", "none"])
    args = ap.parse_args(argv)
    try:
        if args.command == "dates":
            from timeline.dates_cli import main_dates

            return main_dates(args.path, args.published, args.format)
        from timeline.evaluate import main_eval

        return main_eval(args.gold_dir, args.baseline)
    except ValueError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
