"""The one error type users see: where (file, line), what is wrong, and how to fix it.

>>> print(SourceError("data/sources/x.txt", "the file is empty", "add the document's text", line=1))
data/sources/x.txt:1: the file is empty. Fix: add the document's text.
"""

from __future__ import annotations


class SourceError(Exception):
    """Bad input: the build stops with this message and leaves the published package as it was."""

    def __init__(self, path: str, problem: str, fix: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        self.line = line
        super().__init__(str(self))

    def __reduce__(self) -> tuple:
        # Rebuilt from its parts when it crosses from a worker process to the command.
        return (SourceError, (self.path, self.problem, self.fix, self.line))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}. Fix: {self.fix}."
