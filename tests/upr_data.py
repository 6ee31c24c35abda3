"""The real UPR documents in ``../shared/upr/`` (beside the repository); never copied here.

Tests that need them are skipped, with the reason, when the folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

UPR = Path(__file__).resolve().parents[1].parent / "shared" / "upr"
REVIEWS = {
    "svn-2": ("slovenia/cycle2/A_HRC_28_15.pdf", "slovenia/cycle2/A_HRC_28_15_Add.1.pdf"),
    "svn-3": ("slovenia/cycle3/A_HRC_43_15.pdf", "slovenia/cycle3/A_HRC_43_15_Add.1.pdf"),
    "prk-2": ("dprk/A_HRC_27_10.pdf",),
}
THEMATIC_LISTS = {
    "svn-2": "slovenia/cycle2/thematic_list_of_recommendations.docx",
    "svn-3": "slovenia/cycle3/thematic_list_of_recommendations.docx",
}

requires_upr = pytest.mark.skipif(
    not all((UPR / name).is_file() for names in REVIEWS.values() for name in names),
    reason=f"the UPR documents are not at {UPR} (they lie beside the repository, in ../shared/upr)",
)
