"""The ``undocs`` command's entry point: Ctrl-C while the command is still loading is one line too,
and Ctrl-C while it runs ends the process at once."""

from __future__ import annotations

import os
import sys

INTERRUPTED = 130


def run() -> int:
    try:
        from undocs.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("interrupted: nothing was done\n")
        return INTERRUPTED
    code = main()
    if code == INTERRUPTED:
        # The interpreter's exit would wait for process pools to finish work nobody wants any
        # more; nothing was published, and the workers end with this process (``workers``).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
