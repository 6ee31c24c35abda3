"""Parse many sources into a cache keyed by content hash, on every core; read them back one at a time.

A cached result is keyed by the sha256 of the source, how it is parsed (manifest entry or file
and type) and the code itself, so any change to a source or to the parser re-parses it. Beside
it, under the same key and the schemas' hash, the document's rows (``tables.Analysed``), so an
unchanged document is read back rather than analysed again; when the table registries are not
the code's own (a test adding a builder), rows are built afresh and not stored.

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
from undocs.models import ParsedDocument
from undocs.publish import tables
from undocs.publish.tables import Analysed
from undocs.workers import pool as worker_pool

log = logging.getLogger("undocs")
# Below this many sources a process pool costs more to start than it saves.
POOL_MINIMUM = 16


@cache
def code_version() -> str:
    """A hash of the package's code and vocabularies: a new parser invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted([*paths.PACKAGE.rglob("*.py"), *paths.VOCAB.glob("*.yaml")]):
        digest.update(str(path.relative_to(paths.PACKAGE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@cache
def schemas_version() -> str:
    """A hash of the Table Schemas: cached rows are cells in their columns' order."""
    digest = hashlib.sha256()
    for path in sorted(paths.SCHEMAS.glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(how: str, item: str, raw: bytes) -> str:
    digest = hashlib.sha256(f"{code_version()}\0{how}\0{item}\0".encode())
    digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Cached:
    """A parsed document in the cache, and what the build needs to know of it before reading it."""

    path: Path
    document_id: str
    title: str
    url: str
    paragraphs: int
    footnotes: int

    def load(self) -> ParsedDocument:
        """The parsed document; a damaged entry is removed and ``CacheDamaged`` raised, so the build reruns."""
        document = _read(self.path, 1)
        if not isinstance(document, ParsedDocument):
            if document is not None:
                _discard(self.path)
            raise CacheDamaged(self.path)
        return document

    def analysed(self) -> Analysed:
        """The document's rows: from the cache, else built from the parsed document and stored."""
        if not tables.as_shipped():
            return tables.analyse(self.load())
        path = self.path.with_name(f"{self.path.stem}.{schemas_version()[:16]}.rows.pickle")
        if isinstance(cached := _read(path), Analysed):
            return cached
        analysed = tables.analyse(self.load())
        _store(path, analysed)
        return analysed


class CacheDamaged(Exception):
    """A cached document could not be read back; it was removed, and a new build parses it again."""


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


def _header(path: Path) -> Cached | None:
    """The entry's header, or None when the entry is absent or damaged (then it is parsed again)."""
    header = _read(path)
    try:
        return Cached(path, **header)
    except TypeError:  # not a header undocs wrote
        if header is not None:
            _discard(path)
        return None


def _parse_and_store(parse: Callable[[object], ParsedDocument], job: tuple[object, Path]) -> Cached:
    """Parse one item into the cache: a small header, then the document, so ids come without it."""
    item, path = job
    document = parse(item)
    meta = document.meta
    header = {"document_id": meta.document_id, "title": meta.title, "url": meta.url}
    header |= {"paragraphs": len(document.paragraphs), "footnotes": len(document.footnotes)}
    _store(path, header, document)
    return Cached(path, **header)


def _store(path: Path, *objects: object) -> None:
    # Written aside and renamed: a build killed mid-write leaves no half file under the key.
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    with partial.open("wb") as handle:
        for item in objects:
            pickle.dump(item, handle, pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


def parse_all(
    items: Sequence[object], parse: Callable[[object], ParsedDocument], files: Sequence[Path], folder: Path
) -> list[Cached]:
    """``parse(item)`` for each item (``files[i]`` is item i's source) into the cache ``folder``.

    Only the headers come back; documents are read one at a time when their rows are written.
    """
    # A partial's repr holds a memory address; its function name and arguments are stable.
    how = f"{getattr(parse, 'func', parse).__name__}{sorted(getattr(parse, 'keywords', {}).items())}"
    paths = [
        folder / f"{key(how, repr(item), file.read_bytes())}.pickle" for item, file in zip(items, files, strict=True)
    ]
    found = {index: header for index, path in enumerate(paths) if (header := _header(path))}
    missing = [index for index in range(len(paths)) if index not in found]
    folder.mkdir(parents=True, exist_ok=True)
    parsed = _run(functools.partial(_parse_and_store, parse), [(items[index], paths[index]) for index in missing])
    found |= dict(zip(missing, parsed, strict=True))
    return [found[index] for index in range(len(paths))]


def documents(cached: Iterable[Cached]) -> Iterator[Analysed]:
    """The documents' rows, read from the cache (or built) one at a time in ``document_id`` order."""
    for entry in sorted(cached, key=lambda entry: entry.document_id):
        yield entry.analysed()


def _run(function: Callable[[tuple[object, Path]], Cached], jobs: list[tuple[object, Path]]) -> list[Cached]:
    workers = os.cpu_count() or 1
    if len(jobs) < POOL_MINIMUM or workers == 1:
        return [function(job) for job in jobs]
    with worker_pool(workers) as pool:
        return list(pool.map(function, jobs, chunksize=8))
