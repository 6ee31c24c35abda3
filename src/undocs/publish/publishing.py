"""Publish a staged package so that a kill at any moment leaves the old package or the new one.

1. The package is staged and validated in ``.staging-<pid>-*/`` beside the published one; the
   staged descriptor records each resource's ``bytes`` and ``hash`` (sha256).
2. The staged files are flushed to disk, then the folder is renamed ``.publishing/``: one
   atomic rename, after which the new package is complete on disk and is the one published.
3. Each file is moved over its published one (``os.replace``, atomic per file), the descriptor
   last; then ``.publishing/`` is removed.
4. Every command that works on a package first finishes a ``.publishing/`` it finds (step 3
   again: it is idempotent) and removes staging folders whose process is gone.

So a kill before step 2 leaves the old package, and one after it the new package once the next
command runs. In between (a kill during step 3), the files on disk mix the two: their bytes and
hash then differ from the descriptor's, and both ``undocs validate`` and
``frictionless validate`` fail on it, so a mix is never taken for a package.

>>> file = Path(tempfile.mkdtemp()) / "x.csv"
>>> _ = file.write_bytes(b"a,b\\n")
>>> resource = fingerprint({"path": "x.csv", "schema": {}}, file)
>>> resource["bytes"], resource["hash"][:15], list(resource)
(4, 'sha256:5be08c96', ['path', 'bytes', 'hash', 'schema'])
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

log = logging.getLogger("undocs")
DESCRIPTOR = "datapackage.json"
JOURNAL = ".publishing"  # a complete staged package whose files are being moved into place
STAGING_PREFIX = ".staging-"
_STAGING_PID = re.compile(r"^\.staging-(\d+)-")


def fingerprint(resource: dict, file: Path) -> dict:
    """The resource with its file's size and sha256 (before its schema, which stays last).

    The file is hashed as it is read, so a table of any size costs no more memory than a small one.
    """
    schema = resource.get("schema")
    described = {key: value for key, value in resource.items() if key != "schema"}
    with file.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    described |= {"bytes": file.stat().st_size, "hash": f"sha256:{digest}"}
    return described | ({"schema": schema} if schema is not None else {})


def fingerprinted(descriptor: dict, folder: Path) -> dict:
    """The descriptor with every resource's ``bytes`` and ``hash`` taken from its file under ``folder``."""
    resources = [fingerprint(resource, folder / resource["path"]) for resource in descriptor["resources"]]
    return descriptor | {"resources": resources}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_staging(target: Path) -> None:
    """Remove staging folders that no running process owns (left by a killed build)."""
    for folder in target.glob(f"{STAGING_PREFIX}*"):
        match = _STAGING_PID.match(folder.name)
        if folder.is_dir() and not (match and _alive(int(match.group(1)))):
            shutil.rmtree(folder, ignore_errors=True)


def staging_folder(target: Path) -> Path:
    """A new staging folder in ``target``, once an interrupted publish is finished and stale ones removed."""
    target.mkdir(parents=True, exist_ok=True)
    recover(target)
    remove_stale_staging(target)
    return Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=target))


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _move_into_place(journal: Path, target: Path) -> None:
    """Move what is left of the journal's package over the published one, the descriptor last."""
    descriptor = json.loads((journal / DESCRIPTOR).read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        staged = journal / resource["path"]
        if staged.is_file():
            destination = target / resource["path"]
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, destination)
    os.replace(journal / DESCRIPTOR, target / DESCRIPTOR)
    shutil.rmtree(journal)


def recover(target: Path) -> None:
    """Finish a publish that was interrupted after its package was complete (see the module doc)."""
    journal = target / JOURNAL
    if not journal.is_dir():
        return
    if (journal / DESCRIPTOR).is_file():
        log.warning("warning: %s: finishing a publish that was interrupted", target / DESCRIPTOR)
        _move_into_place(journal, target)
    else:  # the descriptor went last: every file had already been moved
        shutil.rmtree(journal)


def publish(staged: Path, target: Path) -> None:
    """Publish the validated package in ``staged`` (a folder inside ``target``) over ``target``'s."""
    descriptor = json.loads((staged / DESCRIPTOR).read_text(encoding="utf-8"))
    for path in [*(resource["path"] for resource in descriptor["resources"]), DESCRIPTOR]:
        _sync(staged / path)
    journal = target / JOURNAL
    os.replace(staged, journal)
    _sync(target)
    _move_into_place(journal, target)
