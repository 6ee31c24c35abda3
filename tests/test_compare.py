"""Comparing two versions: alignment, typography, the changes table, the redline page, a package
with a ``previous`` pair, and the DPRK series from ../shared/akn (skipped when absent)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml
from frictionless import Resource, Schema

from export_helpers import require_tool
from undocs import paths
from undocs.cli import main
from undocs.compare import diff
from undocs.compare.align import align
from undocs.compare.tokens import tokenize
from undocs.models import Paragraph, ParsedDocument
from undocs.parse.document import parse_file
from undocs.publish.package import validate

AKN = paths.ROOT.parent / "shared" / "akn"
SERIES = {
    "79/181": "GA/79/A_RES_79_181-2424223E.xml",
    "80/220": "GA/80/A_RES_80_220-2520980E.xml",
    "55/21": "HRC/55/A_HRC_RES_55_21E.xml",
    "58/17": "HRC/58/A_HRC_RES_58_17E.xml",
}
SEED = paths.ROOT / "data" / "sources" / "a-c-3-80-l-29_dprk-human-rights_draft-resolution.txt"
requires_akn = pytest.mark.skipif(
    not all((AKN / file).is_file() for file in SERIES.values()),
    reason=f"the UN's Akoma Ntoso XML is not at {AKN} (it lies beside the repository, in ../shared/akn)",
)


@cache
def parsed(name: str) -> ParsedDocument:
    return parse_file(AKN / SERIES[name]) if name in SERIES else parse_file(SEED)


def kinds(changes) -> dict[str, int]:
    return dict(Counter(change.change for change in changes))


def paragraphs(*texts: str) -> list[Paragraph]:
    return [Paragraph(f"op{n}", "", "operative", f"{n}.", n, 1, "", text, n, n) for n, text in enumerate(texts, 1)]


def each_once(changes, old: list[Paragraph], new: list[Paragraph]) -> None:
    assert sorted(i for c in changes for i in c.previous_ids) == sorted(p.paragraph_id for p in old)
    assert sorted(i for c in changes for i in c.paragraph_ids) == sorted(p.paragraph_id for p in new)


def test_typography_is_not_a_change() -> None:
    old = "Recalling the “non‑refoulement” principle, 2025 , and the Convention on the Rights of the Child,"
    new = 'Recalling the "non-refoulement" principle, 2025, and the Convention on the Rights of the Child,'
    assert [c.change for c in align(paragraphs(old), paragraphs(new))] == ["typography"]
    assert [c.change for c in align(paragraphs(old), paragraphs(old.replace("  ", " ")))] == ["unchanged"]
    assert [c.change for c in align(paragraphs(old), paragraphs(new.replace("Child", "child")))] == ["modified"]


def test_split_and_merge() -> None:
    whole = "Urges the Government to release all political prisoners and to close the prison camps, and to allow access to the camps for the Special Rapporteur and humanitarian agencies;"
    parts = (
        "Urges the Government to release all political prisoners and to close the prison camps;",
        "Also urges the Government to allow access to the camps for the Special Rapporteur and humanitarian agencies;",
    )
    before, after = (
        paragraphs("Recalls its resolution 79/181;", whole),
        paragraphs("Recalls its resolution 79/181;", *parts),
    )
    split = align(before, after)
    assert [(c.change, c.previous_ids, c.paragraph_ids) for c in split] == [
        ("unchanged", ("op1",), ("op1",)),
        ("split", ("op2",), ("op2", "op3")),
    ]
    merged = align(after, before)
    assert [(c.change, c.previous_ids, c.paragraph_ids) for c in merged][1] == ("merged", ("op2", "op3"), ("op2",))
    # Each new paragraph of the split gets its own share of the diff: the words inserted are in the second.
    assert diff.inline(split[1].parts[1]).startswith("{+Also urges the Government+} to allow access")
    assert "Also" not in diff.inline(split[1].parts[0])


def test_pieces_give_back_both_texts() -> None:
    old, new = (
        tokenize("Expresses its very serious concern at the reports,"),
        tokenize("Expresses its grave concern, at reports"),
    )
    pieces = diff.pieces(old, new, diff.opcodes(old, new))
    assert "".join(p.old for p in pieces) == "Expresses its very serious concern at the reports,"
    assert "".join(p.new for p in pieces) == "Expresses its grave concern, at reports"
    assert diff.counts(pieces) == (1, 3)


def edited_seed(folder: Path) -> Path:
    """The seed with one word changed, one paragraph dropped, curly quotes made straight."""
    text = SEED.read_text(encoding="utf-8").replace("’", "'").replace("Condemns in the strongest terms", "Condemns")
    text = re.sub(r"\n 27\. .*?(?=\n 28\. )", "\n", text, flags=re.S).replace("\n 28. ", "\n 27. ")
    path = folder / "edited.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_compare_command_writes_changes_and_page(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["-q", "compare", str(SEED), str(edited_seed(tmp_path)), "--out", str(out)]) == 0
    resource = Resource(
        path="changes.csv",
        basepath=str(out),
        schema=Schema.from_descriptor(json.loads((out / "changes.schema.json").read_text(encoding="utf-8"))),
    )
    assert resource.validate().valid
    rows = list(csv.DictReader((out / "changes.csv").open(encoding="utf-8")))
    counted = Counter(row["change"] for row in rows)
    assert counted["modified"] == 1 and counted["added"] == 0  # op1 lost four words
    assert counted["removed"] == 1 and counted["unchanged"] + counted["typography"] == 88
    assert next(row for row in rows if row["change_id"] == "op28>op27")["change"] == "typography"  # ’ became '
    op1 = next(row for row in rows if row["change_id"] == "op1>op1")
    assert (op1["words_removed"], op1["words_added"]) == ("4", "0")
    assert op1["diff"].startswith("Condemns [-in the strongest terms-] the long-standing")
    page = (out / "comparison.html").read_text(encoding="utf-8")
    assert '<td data-kind="removed">1</td>' in page and "<script" not in page and "http" not in page.split("<main>")[0]


def test_package_with_previous_validates_and_releases(repo_copy: Path) -> None:
    sources = repo_copy / "data" / "sources"
    edited = edited_seed(sources)
    manifest_file = sources / "sources.yaml"
    manifest = yaml.safe_load(manifest_file.read_text(encoding="utf-8"))
    entry = dict(manifest["sources"][0], document_id="a-res-80-999", file=edited.name, previous="a-c-3-80-l-29")
    entry |= {
        "sha256": hashlib.sha256(edited.read_bytes()).hexdigest(),
        "symbol": "A/RES/80/999",
        "document_type": "resolution",
    }
    manifest["sources"].append(entry)
    manifest_file.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["-q", "build", "--root", str(repo_copy)]) == 0
    assert validate(repo_copy) == []
    rows = list(csv.DictReader((repo_copy / "data" / "paragraph_changes.csv").open(encoding="utf-8")))
    assert {(row["document_id"], row["previous_document_id"]) for row in rows} == {("a-res-80-999", "a-c-3-80-l-29")}
    assert len({row["previous_paragraph_key"] for row in rows if row["previous_paragraph_key"]}) == 90
    # A foreign key that points nowhere fails validation: the keys are checked, not decorative.
    table = repo_copy / "data" / "paragraph_changes.csv"
    table.write_text(
        table.read_text(encoding="utf-8").replace("a-c-3-80-l-29:op1,", "a-c-3-80-l-29:op99,", 1), encoding="utf-8"
    )
    assert any("foreign" in error.lower() for error in validate(repo_copy))
    table.write_text(
        table.read_text(encoding="utf-8").replace("a-c-3-80-l-29:op99,", "a-c-3-80-l-29:op1,", 1), encoding="utf-8"
    )
    assert main(["-q", "release", "--package", str(repo_copy), "--out", str(repo_copy / "build")]) == 0
    page = (repo_copy / "build" / "redline" / "a-res-80-999.html").read_text(encoding="utf-8")
    assert '<td data-kind="removed">1</td>' in page


def test_previous_must_be_in_the_manifest(repo_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    manifest_file = repo_copy / "data" / "sources" / "sources.yaml"
    manifest = yaml.safe_load(manifest_file.read_text(encoding="utf-8"))
    manifest["sources"][0]["previous"] = "a-res-79-181"
    manifest_file.write_text(yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["-q", "build", "--root", str(repo_copy)]) == 2
    assert "previous 'a-res-79-181' of a-c-3-80-l-29 is not another document of the manifest" in caplog.text


@requires_akn
def test_draft_against_adopted_text() -> None:
    """L.29 (text from its PDF) against A/RES/80/220 (XML): one to one, one word split by the extraction."""
    old, new = parsed("L.29").paragraphs, parsed("80/220").paragraphs
    changes = align(old, new)
    each_once(changes, old, new)
    assert len(old) == len(new) == 90
    assert all(len(c.previous_ids) == len(c.paragraph_ids) == 1 for c in changes)
    assert kinds(changes) == {"unchanged": 85, "typography": 4, "modified": 1}
    modified = next(c for c in changes if c.change == "modified")
    assert modified.paragraph_ids == ("pp16",) and "[-it s-] {+its+}" in diff.inline(modified.parts[0])


@requires_akn
@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("79/181", "80/220", {"unchanged": 26, "typography": 1, "modified": 52, "moved": 2, "added": 9, "removed": 13}),
        ("55/21", "58/17", {"unchanged": 41, "modified": 41, "added": 4, "removed": 2}),
    ],
)
def test_year_against_year(before: str, after: str, expected: dict[str, int]) -> None:
    old, new = parsed(before).paragraphs, parsed(after).paragraphs
    changes = align(old, new)
    each_once(changes, old, new)
    assert kinds(changes) == expected
    paired = {(c.previous_ids[0], c.paragraph_ids[0]): c.change for c in changes if c.previous_ids and c.paragraph_ids}
    new_texts = {p.text: p.paragraph_id for p in new}
    for paragraph in old:
        if paragraph.text in new_texts:  # identical text, once on each side here
            assert paired[(paragraph.paragraph_id, new_texts[paragraph.text])] == "unchanged"


@requires_akn
def test_same_alignment_from_text_and_xml() -> None:
    """79/181 against the draft's text and against the adopted XML: the same pairs, the same kinds,
    but for the one paragraph where the PDF's text split a word."""
    from_text = align(parsed("79/181").paragraphs, parsed("L.29").paragraphs)
    from_xml = align(parsed("79/181").paragraphs, parsed("80/220").paragraphs)
    assert [(c.previous_ids, c.paragraph_ids) for c in from_text] == [
        (c.previous_ids, c.paragraph_ids) for c in from_xml
    ]
    differing = [
        (a.paragraph_ids, a.change, b.change) for a, b in zip(from_text, from_xml, strict=True) if a.change != b.change
    ]
    assert differing == []


@requires_akn
def test_redline_in_a_browser(tmp_path: Path) -> None:
    """Chromium renders the 79/181 -> 80/220 page: the summary's counts and the marks it shows."""
    chromium = require_tool("chromium", "chromium-browser")
    old, new = parsed("79/181"), parsed("80/220")
    from undocs.export.redlines import write_comparison

    counts = write_comparison(old, new, tmp_path)
    page = tmp_path / "comparison.html"
    headless = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,2000"]
    dom = subprocess.run(
        [*headless, "--dump-dom", page.as_uri()], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    shown = {kind: int(count) for kind, count in re.findall(r'<td data-kind="(\w+)">(\d+)</td>', dom)}
    assert shown == counts and shown["modified"] == 52 and shown["added"] == 9
    changes = align(old.paragraphs, new.paragraphs)
    pieces = [
        piece for c in changes if c.change not in {"unchanged", "typography"} for part in c.parts for piece in part
    ]
    main_part = dom.split("<main>")[1]
    assert main_part.count("<del>") == sum(p.op in {"delete", "replace"} and bool(p.old.strip()) for p in pieces)
    assert main_part.count("<ins>") == sum(p.op in {"insert", "replace"} and bool(p.new.strip()) for p in pieces)
    screenshot = tmp_path / "redline.png"
    subprocess.run(
        [*headless, f"--screenshot={screenshot}", page.as_uri()], capture_output=True, check=True, timeout=120
    )
    assert screenshot.stat().st_size > 10_000
