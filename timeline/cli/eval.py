"""``timeline eval``: score the date tagger on a folder of gold-annotated articles."""
from __future__ import annotations

import argparse



def eval_command(args: argparse.Namespace) -> int:
    from timeline.errors import UsageError
    from timeline.temporal.evaluate import main_eval

    try:
        return main_eval(args.gold_dir, args.baseline, scorer=args.scorer)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
