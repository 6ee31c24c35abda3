"""Run the per-document function over many sources on every core into a cache; read results back one at a time.

Each source goes through ``pipeline.document`` (parse, analyse, rows) in a pool of processes, and
its result (``models.Analysed``) is cached under a key made of the sha256 of the source, how it
is parsed (manifest entry or file and type), the code itself and the schemas, so any change to a
source, the code or a schema processes it again and an unchanged document is read back. When the
table registries are not the code's own (a test adding a builder), documents are processed here,
in this process, and not stored.

>>> key("parse_file", "a.txt", b"text") == key("parse_file", "a.txt", b"text")
True
>>> key("parse_file", "a.txt", b"text") == key("parse_file", "a.txt", b"text!")
False
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from undocs import paths
from undocs.models import Analysed
from undocs.publish import tables
from undocs.workers import pool as worker_pool

log = logging.getLogger("undocs")


@cache
def code_version() -> str:
    """A hash of the package's code, vocabularies and schemas: new code or columns invalidate the cache."""
    digest = hashlib.sha256()
    for path in sorted([*paths.PACKAGE.rglob("*.py"), *paths.VOCAB.glob("*.yaml"), *paths.SCHEMAS.glob("*.json")]):
        digest.update(str(path.relative_to(paths.PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(how: str, item: str, raw: bytes) -> str:
    digest = hashlib.sha256(f"{code_version()}\0{how}\0{item}\0".encode())
    digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Cached:
    """A document's result in the cache (or held here when it is not stored), and what the build lists of it."""

    path: Path
    document_id: str
    title: str
    url: str
    paragraphs: int
    footnotes: int
    held: Analysed | None = None

    def load(self) -> Analysed:
        """The document's result; a damaged entry is removed and ``CacheDamaged`` raised, so the build reruns."""
        if self.held is not None:
            return self.held
        result = _read(self.path, 1)
        if not isinstance(result, Analysed):
            if result is not None:
                _discard(self.path)
            raise CacheDamaged(self.path)
        return result


class CacheDamaged(Exception):
    """A cached document could not be read back; it was removed, and a new build processes it again."""


def _read(path: Path, skip: int = 0) -> object:
    """The object stored at ``path`` after ``skip`` others; None when absent.

    A truncated or foreign file (kill, full disk, another program) is removed with a warning,
    so the next attempt rebuilds it rather than failing on it forever.
    """
    try:
        with path.open("rb") as handle:
            for _ in range(skip):
                pickle.load(handle)
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # unpickling a damaged file can raise almost anything
        _discard(path)
        return None


def _discard(path: Path) -> None:
    log.warning("warning: %s: damaged cache entry (truncated or not written by undocs); removed, rebuilding it", path)
    path.unlink(missing_ok=True)


def _header(result: Analysed) -> dict:
    return {
        "document_id": result.unit.document_id,
        "title": result.title,
        "url": result.url,
        "paragraphs": result.paragraphs,
        "footnotes": result.footnotes,
    }


def _read_header(path: Path) -> Cached | None:
    """The entry's header, or None when the entry is absent or damaged (then it is processed again)."""
    header = _read(path)
    try:
        return Cached(path, **header)
    except TypeError:  # not a header undocs wrote
        if header is not None:
            _discard(path)
        return None


def _process_and_store(process: Callable[[object], Analysed], job: tuple[object, Path]) -> Cached:
    """Process one item into the cache: a small header, then the result, so ids come without it."""
    item, path = job
    result = process(item)
    header = _header(result)
    _store(path, header, result)
    return Cached(path, **header)


def _process_and_hold(process: Callable[[object], Analysed], job: tuple[object, Path]) -> Cached:
    result = process(job[0])
    return Cached(job[1], **_header(result), held=result)


def _store(path: Path, *objects: object) -> None:
    # Written aside and renamed: a build killed mid-write leaves no half file under the key.
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    with partial.open("wb") as handle:
        for item in objects:
            pickle.dump(item, handle, pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


def process_all(
    items: Sequence[object],
    parse: Callable[[object], object],
    process: Callable[[Callable, object], Analysed],
    files: Sequence[Path],
    folder: Path,
    done: Callable[[int, Cached], None] = lambda index, cached: None,
) -> list[Cached]:
    """``process(parse, item)`` for each item (``files[i]`` is item i's source) into the cache ``folder``.

    Only the headers come back; results are read one at a time when their rows are written.
    ``done(index, cached)`` is called as each item is ready, in the items' order.
    """
    # A partial's repr holds a memory address; its function name and arguments are stable.
    how = f"{getattr(parse, 'func', parse).__name__}{sorted(getattr(parse, 'keywords', {}).items())}"
    paths = [
        folder / f"{key(how, repr(item), file.read_bytes())}.pickle" for item, file in zip(items, files, strict=True)
    ]
    shipped = tables.as_shipped()
    folder.mkdir(parents=True, exist_ok=True)
    results: dict[int, Cached] = {}
    for index, path in enumerate(paths):
        if shipped and path.is_file() and (header := _read_header(path)):
            results[index] = header
            done(index, header)
    missing = [index for index in range(len(paths)) if index not in results]
    jobs = [(items[index], paths[index]) for index in missing]
    run = _process_and_store if shipped else _process_and_hold
    for index, cached in zip(
        missing, _run(functools.partial(run, functools.partial(process, parse)), jobs, pool=shipped), strict=True
    ):
        results[index] = cached
        done(index, cached)
    return [results[index] for index in range(len(items))]


def documents(cached: Iterable[Cached]) -> Iterator[Analysed]:
    """The documents' results, read from the cache one at a time in ``document_id`` order."""
    for entry in sorted(cached, key=lambda entry: entry.document_id):
        yield entry.load()


def _run(function: Callable[[tuple[object, Path]], Cached], jobs: list, pool: bool) -> Iterator[Cached]:
    """Each job's result in order: in a pool on every core, unless there is one job (or a test's builders)."""
    workers = os.cpu_count() or 1
    if not pool or len(jobs) < 2 or workers == 1:
        yield from map(function, jobs)
        return
    with worker_pool(workers) as executor:
        yield from executor.map(function, jobs, chunksize=max(1, min(8, len(jobs) // (4 * workers))))
