"""Parse many sources: reuse results cached under their content hash, use every core for the rest.

A cached result is keyed by the sha256 of the source, how it is parsed (manifest entry or file
and type) and the code itself, so any change to a source or to the parser re-parses it.

>>> key("parse_file", "a.txt", b"text") == key("parse_file", "a.txt", b"text")
True
>>> key("parse_file", "a.txt", b"text") == key("parse_file", "a.txt", b"text!")
False
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

from undocs.models import ParsedDocument

# Below this many sources a process pool costs more to start than it saves.
POOL_MINIMUM = 16


@cache
def code_version() -> str:
    """A hash of the package's code and vocabularies: a new parser invalidates the cache."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *package.glob("vocab/*.yaml")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(how: str, item: str, raw: bytes) -> str:
    digest = hashlib.sha256(f"{code_version()}\0{how}\0{item}\0".encode())
    digest.update(hashlib.sha256(raw).digest())
    return digest.hexdigest()


def parse_all(
    items: Sequence[object], parse: Callable[[object], ParsedDocument], files: Sequence[Path], folder: Path | None
) -> list[ParsedDocument]:
    """``parse(item)`` for each item (``files[i]`` is item i's source), from the cache when it can."""
    # A partial's repr holds a memory address; its function name and arguments are stable.
    how = f"{getattr(parse, 'func', parse).__name__}{sorted(getattr(parse, 'keywords', {}).items())}"
    keys = [key(how, repr(item), file.read_bytes()) for item, file in zip(items, files, strict=True)]
    results: dict[int, ParsedDocument] = {}
    if folder:
        for index, name in enumerate(keys):
            cached = folder / f"{name}.pickle"
            if cached.is_file():
                results[index] = pickle.loads(cached.read_bytes())
    missing = [index for index in range(len(items)) if index not in results]
    parsed = _run(parse, [items[index] for index in missing])
    for index, document in zip(missing, parsed, strict=True):
        results[index] = document
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{keys[index]}.pickle").write_bytes(pickle.dumps(document, pickle.HIGHEST_PROTOCOL))
    return [results[index] for index in range(len(items))]


def _run(parse: Callable[[object], ParsedDocument], items: list[object]) -> list[ParsedDocument]:
    workers = os.cpu_count() or 1
    if len(items) < POOL_MINIMUM or workers == 1:
        return [parse(item) for item in items]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(parse, items, chunksize=8))
