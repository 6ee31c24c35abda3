"""The README's "Use the data" snippets run as printed (each skipped, with the reason, without its tool)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from export_helpers import require_tool
from undocs import paths

FENCE = re.compile(r"```(python|r)\n(.*?)```", re.DOTALL)


def snippets(language: str) -> list[str]:
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use the data", 1)[1].split("\n## ", 1)[0]
    return [code for lang, code in FENCE.findall(section) if lang == language]


@pytest.mark.parametrize("code", snippets("python"), ids=["frictionless", "pandas"])
def test_python_snippet_runs(code: str) -> None:
    if "import pandas" in code and importlib.util.find_spec("pandas") is None:
        pytest.skip("pandas is not installed (it is not a dependency of undocs)")
    result = subprocess.run([sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


def test_frictionless_snippet_prints_the_operative_paragraphs() -> None:
    code = snippets("python")[0]
    result = subprocess.run([sys.executable, "-c", code], cwd=paths.ROOT, capture_output=True, text=True, check=True)
    assert result.stdout == "28 op1 Condemns in the strongest terms\n"


def test_r_snippet_runs() -> None:
    rscript = require_tool("Rscript")
    has_frictionless = subprocess.run(
        [rscript, "-e", 'quit(status = !requireNamespace("frictionless", quietly = TRUE))'], check=False
    )
    if has_frictionless.returncode != 0:
        pytest.skip("the R package frictionless is not installed (CRAN only; Debian does not package it)")
    (code,) = snippets("r")
    result = subprocess.run([rscript, "-e", code], cwd=paths.ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
