"""The ``undocs`` command's entry point: Ctrl-C while the command is still loading is one line too."""

from __future__ import annotations

import sys


def run() -> int:
    try:
        from undocs.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted: nothing was done\n")
        return 130
    return main()
