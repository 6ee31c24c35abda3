"""Helpers for the export tests: external tools, and a crafted document that tries formula injection."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import pytest

from undocs.cli import main

# A clean one-paragraph-per-line resolution whose paragraphs begin with what spreadsheets read as
# formulas, with curly quotes and non-Latin text (Tigrinya, Arabic) to check they survive.
CRAFTED = [
    "Situation of human rights in Eritrea",
    "The Human Rights Council,",
    "Recalling its resolution 56/2 on the “Eritrea” situation, in Tigrinya ኤርትራ and in Arabic إريتريا,",
    "1. =SUM(1,2) Urges the Government of Eritrea:",
    "(a) +1 To release all prisoners;",
    "(b) -2 To cooperate with the Special Rapporteur;",
    "2. @Decides to remain seized of the matter.",
]
FORMULA_LIKE = {
    "op1": "=SUM(1,2) Urges the Government of Eritrea:",
    "op1.a": "+1 To release all prisoners;",
    "op1.b": "-2 To cooperate with the Special Rapporteur;",
    "op2": "@Decides to remain seized of the matter.",
}


def require_tool(*names: str) -> str:
    """The first of ``names`` on PATH; skip without it, or fail where CI requires the tools."""
    for name in names:
        if found := shutil.which(name):
            return found
    message = f"{' or '.join(names)} is not installed (Debian: see .ci/run)"
    if os.environ.get("UNDOCS_REQUIRE_TOOLS"):
        pytest.fail(message)
    pytest.skip(message)


def convert_crafted(folder: Path) -> Path:
    """Convert the crafted resolution with ``undocs convert``; returns the package folder."""
    source = folder / "eritrea.txt"
    source.write_text("\n".join(CRAFTED) + "\n", encoding="utf-8")
    package = folder / "package"
    assert main(["-q", "convert", str(source), "--out", str(package)]) == 0
    return package


def ctrl_c_as_in_a_terminal() -> None:
    """``preexec_fn`` of a command a test stops with SIGINT: a command started in the background
    (as CI may start the tests) inherits an ignored SIGINT; this gives it Python's handling back."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
