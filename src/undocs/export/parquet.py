"""Export: one Parquet file per table, typed by its Table Schema.

Dates are Parquet dates, booleans booleans, integers 64-bit integers, numbers doubles; a
required field is a non-nullable column. Each column carries its description, and each file its
table's title and description, in the Arrow schema stored in the file (read back by pyarrow and
R's arrow). Written by pyarrow with its defaults (snappy); a Parquet file has no timestamp, so
the same rows give the same bytes under the same pyarrow version.

>>> arrow_schema({"name": "t", "schema": {"fields": [{"name": "on", "type": "date", "constraints": {"required": True}}]}})
on: date32[day] not null
  -- field metadata --
  description: ''
-- schema metadata --
title: 't'
description: ''
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from undocs.export.reader import Row

# Table Schema types as Arrow types; others (string, any, object, ...) are strings, as in the CSV.
ARROW_TYPES = {
    "integer": pa.int64(),
    "year": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
}
# Values the reader leaves as text that Arrow wants as Python objects.
PARSERS = {"date": datetime.date.fromisoformat}


def arrow_schema(resource: dict) -> pa.Schema:
    return pa.schema(
        [
            pa.field(
                field["name"],
                ARROW_TYPES.get(field.get("type", "string"), pa.string()),
                nullable=not field.get("constraints", {}).get("required", False),
                metadata={"description": field.get("description", "")},
            )
            for field in resource["schema"]["fields"]
        ],
        metadata={"title": resource.get("title", resource["name"]), "description": resource.get("description", "")},
    )


def column(rows: list[Row], field: dict) -> list[object]:
    parse = PARSERS.get(field.get("type", "string"))
    values = [row[field["name"]] for row in rows]
    return [None if value is None else parse(value) for value in values] if parse else values


def arrow_table(resource: dict, rows: list[Row]) -> pa.Table:
    schema = arrow_schema(resource)
    return pa.Table.from_pydict({field["name"]: column(rows, field) for field in resource["schema"]["fields"]}, schema)


def write_parquet(descriptor: dict, tables: dict[str, list[Row]], folder: Path) -> list[Path]:
    """``<folder>/<table>.parquet`` for every resource; files of tables no longer listed are removed."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for resource in descriptor["resources"]:
        path = folder / f"{resource['name']}.parquet"
        partial = path.with_name(path.name + ".partial")
        pq.write_table(arrow_table(resource, tables[resource["name"]]), partial)
        os.replace(partial, path)
        written.append(path)
    for stale in set(folder.glob("*.parquet")) - set(written):
        stale.unlink()
    return written


def parquet_problems(folder: Path, descriptor: dict, tables: dict[str, list[Row]]) -> list[str]:
    """Each file read back: its schema is the one the Table Schema gives, its row count the CSV's."""
    problems = []
    for resource in descriptor["resources"]:
        path = folder / f"{resource['name']}.parquet"
        read = pq.read_table(path)
        if not read.schema.equals(arrow_schema(resource), check_metadata=True):
            problems.append(f"{path}: schema {read.schema} differs from the Table Schema's")
        if read.num_rows != len(tables[resource["name"]]):
            problems.append(f"{path}: {read.num_rows} rows, the CSV has {len(tables[resource['name']])}")
    return problems
