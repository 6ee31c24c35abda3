"""The one error type users see: where (file, line), what is wrong, and how to fix it.

>>> print(SourceError("data/sources/x.txt", "the file is empty", "add the document's text", line=1))
data/sources/x.txt:1: the file is empty. Fix: add the document's text.
"""

from __future__ import annotations

import errno


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


# What an operating-system error means to a user, and what to do about it, by errno.
_OS_ERRORS = {
    errno.ENOENT: ("does not exist", "check the name and the folder"),
    errno.EISDIR: ("is a folder, not a file", "name a file inside it"),
    errno.ENOTDIR: ("is not a folder (a file stands where a folder was expected)", "choose another folder"),
    errno.EEXIST: ("already exists and is not a folder", "choose another folder"),
    errno.EACCES: ("permission denied", "give yourself read and write permission (chmod), or choose another folder"),
    errno.EPERM: ("operation not permitted", "give yourself permission (chmod), or choose another folder"),
    errno.EROFS: ("is on a read-only file system", "choose a folder you can write to"),
    errno.ENOSPC: ("no space left on the device", "free some disk space and run the command again"),
    errno.EDQUOT: ("disk quota exceeded", "free some disk space and run the command again"),
}


def from_os_error(error: OSError) -> SourceError:
    """An ``OSError`` as users should read it: the path, what is wrong, the fix.

    >>> print(from_os_error(FileNotFoundError(errno.ENOENT, "No such file or directory", "A_RES_73_8.pdf")))
    A_RES_73_8.pdf: does not exist. Fix: check the name and the folder.
    """
    problem, fix = _OS_ERRORS.get(error.errno, (error.strerror or str(error), "check the file and the folder"))
    return SourceError(error.filename or "undocs", problem, fix)
