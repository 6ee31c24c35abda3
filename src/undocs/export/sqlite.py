"""Export: one SQLite database with every table, its keys, a full-text index and joined views.

Tables, column types, ``NOT NULL``, primary keys, ``unique`` fields and foreign keys all come
from the descriptor, so a table added to ``schemas/`` appears here with no change. Every field
named ``text`` (paragraphs, footnotes, ...) is indexed for full-text search with SQLite FTS5
(table ``<table>_fts``, Porter stemming; the layout Datasette's search box finds). Each table
with foreign keys gets a view ``<table>_joined``: its rows beside the columns of the rows they
point to, named ``<alias>_<column>`` (``documents_symbol``, ``paragraphs_text``,
``resolutions_adopted_on``); a table joined twice takes its alias from the key
(``paragraph_text``, ``source_paragraph_text``).

Written by sqlite-utils into a fresh file, then ``VACUUM``-ed: the same rows give the same bytes
under the same SQLite version.

>>> fields_of({"fields": "document_id", "reference": {"resource": "documents", "fields": "document_id"}})
(['document_id'], ['document_id'])
>>> resource = {"name": "asks", "schema": {"foreignKeys": [
...     {"fields": ["document_id", "paragraph_id"], "reference": {"resource": "paragraphs", "fields": ["document_id", "paragraph_id"]}},
...     {"fields": ["document_id", "source_id"], "reference": {"resource": "paragraphs", "fields": ["document_id", "paragraph_id"]}},
...     {"fields": ["parent_id"], "reference": {"resource": "", "fields": ["id"]}}]}}
>>> [(join.table, join.alias, join.on) for join in joins(resource)]
[('paragraphs', 'paragraph', [('document_id', 'document_id'), ('paragraph_id', 'paragraph_id')]), ('paragraphs', 'source', [('document_id', 'document_id'), ('source_id', 'paragraph_id')])]
"""

from __future__ import annotations

import graphlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from undocs.export.reader import Row

FULL_TEXT_FIELD = "text"
FTS_TOKENIZER = "porter"  # "disappearances" finds "disappearance"; unicode61 beneath it folds case and accents
VIEW_SUFFIX = "_joined"
# Table Schema types as Python types, which sqlite-utils declares INTEGER or REAL; the rest
# (string, date as ISO 8601, ...) are TEXT; booleans are INTEGER 0 or 1.
COLUMN_TYPES = {"integer": int, "year": int, "number": float, "boolean": bool}
KEY_SUFFIX = re.compile(r"_(id|key)$")
SELF = "t"  # the view's own table


@dataclass(frozen=True)
class Join:
    table: str
    alias: str
    on: list[tuple[str, str]]  # (own field, referenced field)


@dataclass(frozen=True)
class ViewColumn:
    alias: str  # SELF, or the join's alias
    name: str  # the column's name in the view
    field: dict  # the Table Schema field it comes from
    table: str


def as_list(names: str | list[str] | None) -> list[str]:
    """Field names as a list: Table Schema allows a bare string for one field."""
    return [names] if isinstance(names, str) else list(names or [])


def fields_of(foreign_key: dict) -> tuple[list[str], list[str]]:
    """A foreign key's own and referenced fields."""
    return as_list(foreign_key["fields"]), as_list(foreign_key["reference"]["fields"])


def target(resource: dict, foreign_key: dict) -> str:
    """The table a foreign key points to (``""`` is the table itself)."""
    return foreign_key["reference"]["resource"] or resource["name"]


def joins(resource: dict) -> list[Join]:
    """The tables a view joins: each foreign key but those to the table itself."""
    keys = [key for key in resource["schema"].get("foreignKeys", []) if target(resource, key) != resource["name"]]
    tables = [target(resource, key) for key in keys]
    found = []
    for key, table in zip(keys, tables, strict=True):
        own, other = fields_of(key)
        alias = table if tables.count(table) == 1 else KEY_SUFFIX.sub("", own[-1])
        found.append(Join(table, alias, list(zip(own, other, strict=True))))
    return found


def key_fields(schema: dict) -> set[str]:
    """Fields that identify rows: primary key, unique fields, foreign keys."""
    keys = set(as_list(schema.get("primaryKey")))
    keys |= {field["name"] for field in schema["fields"] if field.get("constraints", {}).get("unique")}
    return keys | {name for key in schema.get("foreignKeys", []) for name in fields_of(key)[0]}


def view_columns(resource: dict, resources: dict[str, dict]) -> list[ViewColumn]:
    """The table's own columns, then the columns each joined table adds: all but its keys, which say nothing new."""
    name = resource["name"]
    columns = [ViewColumn(SELF, field["name"], field, name) for field in resource["schema"]["fields"]]
    for join in joins(resource):
        schema = resources[join.table]["schema"]
        columns += [
            ViewColumn(join.alias, f"{join.alias}_{field['name']}", field, join.table)
            for field in schema["fields"]
            if field["name"] not in key_fields(schema)
        ]
    return columns


def view_sql(resource: dict, resources: dict[str, dict]) -> str:
    columns = ", ".join(f'"{c.alias}"."{c.field["name"]}" AS "{c.name}"' for c in view_columns(resource, resources))
    joined = "".join(
        f'\nLEFT JOIN "{join.table}" AS "{join.alias}" ON '
        + " AND ".join(f'"{join.alias}"."{other}" = {SELF}."{own}"' for own, other in join.on)
        for join in joins(resource)
    )
    return f'SELECT {columns}\nFROM "{resource["name"]}" AS {SELF}{joined}'


def creation_order(resources: list[dict]) -> list[dict]:
    """Resources ordered so that each table is created after the tables its foreign keys name."""
    graph: graphlib.TopologicalSorter = graphlib.TopologicalSorter()
    for resource in resources:
        graph.add(resource["name"], *(join.table for join in joins(resource)))
    order = list(graph.static_order())
    return sorted(resources, key=lambda resource: order.index(resource["name"]))


def create_table(db: sqlite_utils.Database, resource: dict) -> sqlite_utils.db.Table:
    schema = resource["schema"]
    fields = schema["fields"]
    table = db.table(resource["name"])
    table.create(
        {field["name"]: COLUMN_TYPES.get(field.get("type", "string"), str) for field in fields},
        pk=tuple(as_list(schema.get("primaryKey"))) or None,
        foreign_keys=[
            (tuple(own), target(resource, key), tuple(other))
            for key in schema.get("foreignKeys", [])
            for own, other in [fields_of(key)]
        ],
        not_null=[field["name"] for field in fields if field.get("constraints", {}).get("required")],
    )
    for field in fields:
        if field.get("constraints", {}).get("unique") and [field["name"]] != as_list(schema.get("primaryKey")):
            # A unique index also lets foreign keys point to this column (paragraph_key, footnote_key).
            table.create_index([field["name"]], index_name=f"{resource['name']}_{field['name']}_unique", unique=True)
    return table


def full_text_tables(descriptor: dict) -> list[str]:
    return [
        resource["name"]
        for resource in descriptor["resources"]
        if any(field["name"] == FULL_TEXT_FIELD for field in resource["schema"]["fields"])
    ]


def database_path(out: Path, descriptor: dict) -> Path:
    """Where the release writes the database: ``<out>/<package-name>.sqlite``."""
    return out / f"{descriptor['name']}.sqlite"


def write_sqlite(descriptor: dict, tables: dict[str, list[Row]], path: Path) -> None:
    """Every table with its keys, the full-text indexes and the joined views, in a fresh file at ``path``."""
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    db = sqlite_utils.Database(partial)
    for resource in creation_order(descriptor["resources"]):
        create_table(db, resource).insert_all(tables[resource["name"]], batch_size=1000)
    db.index_foreign_keys()
    for name in full_text_tables(descriptor):
        db.table(name).enable_fts([FULL_TEXT_FIELD], fts_version="FTS5", tokenize=FTS_TOKENIZER)
    for resource in descriptor["resources"]:
        if joins(resource):
            db.create_view(resource["name"] + VIEW_SUFFIX, view_sql(resource, resources))
    db.vacuum()
    db.close()
    os.replace(partial, path)


def sqlite_problems(path: Path, descriptor: dict, tables: dict[str, list[Row]]) -> list[str]:
    """What a user's checks would find wrong: integrity, foreign keys, row counts, FTS indexes, views."""
    connection = sqlite3.connect(path)
    try:
        problems = [f"integrity: {row[0]}" for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [
            f"{table} row {rowid}: no row in {parent} for foreign key {key}"
            for table, rowid, parent, key in connection.execute("PRAGMA foreign_key_check")
        ]
        for resource in descriptor["resources"]:
            name = resource["name"]
            expected = len(tables[name])
            counted = [name] + ([name + VIEW_SUFFIX] if joins(resource) else [])
            counted += [f"{name}_fts"] if name in full_text_tables(descriptor) else []
            for table in counted:
                (rows,) = connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()
                if rows != expected:
                    problems.append(f"{table}: {rows} rows, the CSV has {expected}")
        for name in full_text_tables(descriptor):  # FTS5's own check of the index against the table
            connection.execute(f'INSERT INTO "{name}_fts"("{name}_fts") VALUES(\'integrity-check\')')
        connection.rollback()  # the check writes nothing; leave the file's bytes as written
    except sqlite3.DatabaseError as error:
        problems.append(str(error))
    finally:
        connection.close()
    return problems
