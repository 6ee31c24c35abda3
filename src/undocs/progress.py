"""Progress of a build people can see: a live bar on a terminal, a line per document with ``-v``.

The bar (rich, installed with frictionless) is drawn only when the log goes to a terminal and
neither ``-v`` nor ``-q`` is given; a log that is not a terminal (CI, a file) gets nothing
animated. ``-v`` prints one line per document as it is ready, wherever the log goes.

>>> with Progress(2, verbose=False, terminal=False) as progress:
...     progress.done(0, "a-1", 3, 1)
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

log = logging.getLogger("undocs")


class Progress:
    """Counts documents as they are ready; shows a bar or a line per document (see the module doc)."""

    def __init__(self, total: int, verbose: bool, terminal: bool | None = None) -> None:
        self.total = total
        self.verbose = verbose
        self.ready = 0
        if terminal is None:
            terminal = sys.stderr.isatty() and log.isEnabledFor(logging.INFO)
        self.bar = None
        if terminal and not verbose:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
            self.bar = Bar(*columns, transient=True)
            self.task = self.bar.add_task("documents", total=total)

    def __enter__(self) -> Progress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, kind: type | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.bar:
            self.bar.stop()

    def done(self, index: int, document_id: str, paragraphs: int, footnotes: int) -> None:
        """One more document is ready (``index``: its place among the sources)."""
        self.ready += 1
        if self.bar:
            self.bar.update(self.task, completed=self.ready, description=document_id)
        if self.verbose:
            log.info(
                "[%d/%d] %s: %d paragraphs, %d footnotes", index + 1, self.total, document_id, paragraphs, footnotes
            )
