"""SQLite (keys, full text, views), Parquet (read by DuckDB) and `undocs serve` (Datasette), checked for real."""

from __future__ import annotations

import copy
import json
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import duckdb
import pytest

from export_helpers import ctrl_c_as_in_a_terminal
from undocs import paths
from undocs.cli import main
from undocs.export.queries import CANNED_QUERIES
from undocs.export.reader import read_package
from undocs.export.release import release
from undocs.export.serve import datasette_metadata
from undocs.export.sqlite import fields_of, target, write_sqlite

NAME = "un-human-rights-documents"
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "boolean": "BOOLEAN", "date": "DATE"}
SERVER_STARTUP = 60  # seconds: Datasette imports and counts the rows once; the machine may be busy


@pytest.fixture(scope="module")
def package() -> tuple[dict, dict]:
    return read_package(paths.ROOT)


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("release")
    release(paths.ROOT, out)
    return out


@pytest.fixture
def database(released: Path):
    connection = sqlite3.connect(released / f"{NAME}.sqlite")
    yield connection
    connection.close()


def test_full_text_query_finds_the_paragraphs_on_abductions(database: sqlite3.Connection) -> None:
    found = database.execute(
        """SELECT p.paragraph_id FROM paragraphs_fts JOIN paragraphs AS p ON p.rowid = paragraphs_fts.rowid
        WHERE paragraphs_fts MATCH 'abductions' ORDER BY p.position"""
    ).fetchall()
    # Porter stemming: "abductions" also finds "abduction" (op2.a.iii, op3).
    assert [row[0] for row in found] == ["pp22", "op2.a.iii", "op3", "op4", "op24"]


def test_footnotes_are_searchable_too(database: sqlite3.Connection, package: tuple[dict, dict]) -> None:
    expected = sorted(row["footnote_id"] for row in package[1]["footnotes"] if "Treaty Series" in (row["text"] or ""))
    found = database.execute(
        """SELECT f.footnote_id FROM footnotes_fts JOIN footnotes AS f ON f.rowid = footnotes_fts.rowid
        WHERE footnotes_fts MATCH '"Treaty Series"'"""
    ).fetchall()
    assert sorted(row[0] for row in found) == expected and len(expected) >= 2


def test_keys_come_from_the_schemas_and_hold(database: sqlite3.Connection, package: tuple[dict, dict]) -> None:
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    for resource in package[0]["resources"]:
        name, schema = resource["name"], resource["schema"]
        columns = database.execute(f'PRAGMA table_info("{name}")').fetchall()
        assert [column[1] for column in columns] == [field["name"] for field in schema["fields"]]
        assert [column[1] for column in sorted(columns, key=lambda c: c[5]) if column[5]] == schema["primaryKey"]
        declared: dict[int, tuple[str, list]] = {}
        for key_id, _, table, own, other, *_ in database.execute(f'PRAGMA foreign_key_list("{name}")'):
            declared.setdefault(key_id, (table, []))[1].append((own, other))
        expected = [
            (target(resource, key), list(zip(*fields_of(key), strict=True))) for key in schema.get("foreignKeys", [])
        ]
        assert sorted(declared.values()) == sorted(expected), name


def test_a_broken_foreign_key_is_found(released: Path, tmp_path: Path) -> None:
    copy_path = tmp_path / "broken.sqlite"
    copy_path.write_bytes((released / f"{NAME}.sqlite").read_bytes())
    connection = sqlite3.connect(copy_path)
    connection.execute("UPDATE footnotes SET paragraph_id = 'op99' WHERE footnote_id = '1'")
    connection.commit()
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    assert [(table, parent) for table, _, parent, _ in broken] == [("footnotes", "paragraphs")]
    connection.close()


def test_columns_are_typed(database: sqlite3.Connection, package: tuple[dict, dict]) -> None:
    storage = {"integer": {"integer"}, "number": {"real"}, "boolean": {"integer"}, "string": {"text"}, "date": {"text"}}
    for resource in package[0]["resources"]:
        for field in resource["schema"]["fields"]:
            kinds = {
                row[0]
                for row in database.execute(f'SELECT DISTINCT typeof("{field["name"]}") FROM "{resource["name"]}"')
            }
            assert kinds - {"null"} <= storage[field["type"]], (resource["name"], field["name"], kinds)
    assert database.execute("SELECT DISTINCT marker_found FROM footnotes ORDER BY 1").fetchall() == [(0,), (1,)]


def test_views_join_what_the_foreign_keys_name(database: sqlite3.Connection) -> None:
    paragraph = database.execute(
        "SELECT documents_symbol, documents_date, text FROM paragraphs_joined WHERE paragraph_id = 'op3'"
    ).fetchone()
    assert paragraph[:2] == ("A/C.3/80/L.29", "2025-11-12") and paragraph[2].startswith(
        "Condemns the systematic abduction"
    )
    ask = database.execute(
        """SELECT paragraph_text, source_paragraph_text, addressees_label, documents_symbol
        FROM recommendations_joined WHERE recommendation_id = 'op20.a:state_concerned'"""
    ).fetchone()
    assert ask[0].startswith("To immediately put an end to") and ask[1].startswith("Strongly urges the Government")
    assert ask[2:] == ("The State the resolution is about, its Government, organs and officials", "A/C.3/80/L.29")
    citation = database.execute(
        "SELECT resolutions_adopted_on, resolutions_body FROM references_joined WHERE symbol = 'A/HRC/RES/58/17'"
    ).fetchall()
    assert set(citation) == {("2025-04-03", "HRC")} and len(citation) == 3


def test_every_parquet_file_reads_in_duckdb_as_the_csv(released: Path, package: tuple[dict, dict]) -> None:
    descriptor, tables = package
    for resource in descriptor["resources"]:
        path = released / "parquet" / f"{resource['name']}.parquet"
        relation = duckdb.sql(f"SELECT * FROM read_parquet('{path}')")
        fields = resource["schema"]["fields"]
        assert relation.columns == [field["name"] for field in fields]
        assert [str(kind) for kind in relation.types] == [DUCKDB_TYPES[field["type"]] for field in fields]
        rows = [
            {
                name: value.isoformat() if hasattr(value, "isoformat") else value
                for name, value in zip(relation.columns, row, strict=True)
            }
            for row in relation.fetchall()
        ]
        assert rows == tables[resource["name"]], resource["name"]


def test_zip_carries_the_database_and_the_parquet_files(released: Path, package: tuple[dict, dict]) -> None:
    with zipfile.ZipFile(released / f"{NAME}.zip") as archive:
        names = set(archive.namelist())
        assert archive.read(f"{NAME}.sqlite") == (released / f"{NAME}.sqlite").read_bytes()
    assert {f"parquet/{resource['name']}.parquet" for resource in package[0]["resources"]} <= names


def test_a_new_table_gets_its_keys_full_text_and_view(package: tuple[dict, dict], tmp_path: Path) -> None:
    descriptor, tables = copy.deepcopy(package)
    descriptor["resources"].append(
        {
            "name": "paragraph_notes_added",
            "schema": {
                "fields": [
                    {"name": "document_id", "type": "string", "constraints": {"required": True}},
                    {"name": "paragraph_id", "type": "string", "constraints": {"required": True}},
                    {"name": "text", "type": "string"},
                ],
                "primaryKey": ["document_id", "paragraph_id"],
                "foreignKeys": [
                    {
                        "fields": ["document_id", "paragraph_id"],
                        "reference": {"resource": "paragraphs", "fields": ["document_id", "paragraph_id"]},
                    }
                ],
            },
        }
    )
    tables["paragraph_notes_added"] = [
        {"document_id": "a-c-3-80-l-29", "paragraph_id": "op3", "text": "abductees added"}
    ]
    write_sqlite(descriptor, tables, tmp_path / "new.sqlite")
    connection = sqlite3.connect(tmp_path / "new.sqlite")
    assert connection.execute(
        "SELECT paragraphs_lead_phrase FROM paragraph_notes_added_joined JOIN paragraph_notes_added_fts USING (text) WHERE paragraph_notes_added_fts MATCH 'abductees'"
    ).fetchall() == [("Condemns",)]
    connection.close()


def test_datasette_metadata_comes_from_the_descriptor(package: tuple[dict, dict]) -> None:
    descriptor = package[0]
    metadata = datasette_metadata(descriptor, NAME)
    assert metadata["title"] == descriptor["title"] and metadata["license"] == "Creative Commons Attribution 4.0"
    assert "https://docs.un.org/en/A/C.3/80/L.29" in metadata["description_html"]
    tables = metadata["databases"][NAME]["tables"]
    for resource in descriptor["resources"]:
        assert tables[resource["name"]]["description"] == resource["description"]
        assert tables[resource["name"]]["columns"] == {
            f["name"]: f["description"] for f in resource["schema"]["fields"]
        }
    assert tables["paragraphs_joined"]["columns"]["documents_symbol"].startswith("documents.symbol: ")


@pytest.mark.parametrize(
    ("query", "parameters", "expected"),
    [
        ("asks_by_addressee", {"addressee": "security_council"}, [("A/C.3/80/L.29", "op13")]),
        (
            "what_cites",
            {"resolution": "58/17"},
            [("A/C.3/80/L.29", "pp2"), ("A/C.3/80/L.29", "op8"), ("A/C.3/80/L.29", "op9")],
        ),
        (
            "search_paragraphs",
            {"words": '"enforced disappearance"'},
            [
                ("A/C.3/80/L.29", "pp22"),
                ("A/C.3/80/L.29", "op3"),
                ("A/C.3/80/L.29", "op20.g"),
                ("A/C.3/80/L.29", "op24"),
            ],
        ),
        ("search_paragraphs", {"words": "abductees"}, [("A/C.3/80/L.29", "pp22"), ("A/C.3/80/L.29", "op3")]),
    ],
)
def test_canned_queries_answer(database: sqlite3.Connection, query: str, parameters: dict, expected: list) -> None:
    database.row_factory = sqlite3.Row
    rows = database.execute(CANNED_QUERIES[query]["sql"], parameters).fetchall()
    symbol = "citing" if query == "what_cites" else "symbol"
    assert sorted((row[symbol], row["paragraph_id"]) for row in rows) == sorted(expected)


def test_paragraphs_on_a_theme(database: sqlite3.Connection) -> None:
    rows = database.execute(
        CANNED_QUERIES["paragraphs_on_a_theme"]["sql"], {"theme": "enforced_disappearances"}
    ).fetchall()
    assert {row[4] for row in rows} >= {"pp22", "op2.a.iii", "op3"} and len(rows) == 7


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def wait_until_up(server: subprocess.Popen, url: str) -> object:
    deadline = time.monotonic() + SERVER_STARTUP
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"undocs serve exited with {server.returncode}: {server.communicate()}")
        try:
            return get_json(url)
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} did not answer within {SERVER_STARTUP} s")


def test_serve_answers_on_loopback_and_stops_on_ctrl_c(released: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/{NAME}"
    command = [sys.executable, "-m", "undocs", "serve", "--out", str(released), "--port", str(port)]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=ctrl_c_as_in_a_terminal
    )
    try:
        table = wait_until_up(server, f"{base}/documents.json?_shape=array")
        assert [row["symbol"] for row in table] == ["A/C.3/80/L.29", None]
        canned = get_json(f"{base}/what_cites.json?resolution=A/HRC/RES/58/17&_shape=array")
        assert [row["paragraph_id"] for row in canned] == ["pp2", "op8", "op9"]
        server.send_signal(signal.SIGINT)
        out, _ = server.communicate(timeout=30)
        assert server.returncode == 0
        assert f"http://127.0.0.1:{port}/" in out
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()


def test_serve_without_a_release_says_what_to_run(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert main(["serve", "--out", str(tmp_path), "--port", str(free_port())]) == 2
    assert "no such database. Fix: run `make release`" in caplog.text


def test_serve_on_a_taken_port_says_so(released: Path, caplog: pytest.LogCaptureFixture) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["serve", "--out", str(released), "--port", str(taken.getsockname()[1])]) == 2
    assert "Fix: choose another port with --port" in caplog.text
