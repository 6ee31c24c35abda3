"""Helpers for tests that edit a published package's rows on purpose."""

from __future__ import annotations

from pathlib import Path

from undocs.export.reader import read_descriptor
from undocs.publish.package import DESCRIPTOR, write_json
from undocs.publish.publishing import fingerprinted


def refingerprint(folder: Path) -> None:
    """Record the files' current bytes and sha256 in the descriptor, as a build of these rows would.

    A test that breaks rows to see a data error (a key, a type) then gets that error alone, not
    also the hash mismatch that tells an edited or half-published package apart.
    """
    write_json(folder / DESCRIPTOR, fingerprinted(read_descriptor(folder), folder))
