"""Package metadata, defined once in ``schemas/`` and checked for coherence before data is read.

``schemas/package.json`` names the package and its resources; each resource's Table Schema is
a file beside it. The descriptor (``datapackage.json``), the CSV headers and the docs are all
generated from these, never written by hand.

>>> [resource["name"] for resource in resources()][:3]
['documents', 'paragraphs', 'footnotes']
>>> field_names("footnotes")[:3]
['document_id', 'footnote_id', 'paragraph_id']
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from undocs import paths


class MetadataError(Exception):
    """The schemas contradict each other; nothing is read until they agree."""


@cache
def package_metadata(schemas: Path = paths.SCHEMAS) -> dict:
    return json.loads((schemas / "package.json").read_text(encoding="utf-8"))


def resources(schemas: Path = paths.SCHEMAS) -> list[dict]:
    return package_metadata(schemas)["resources"]


@cache
def table_schema(name: str, schemas: Path = paths.SCHEMAS) -> dict:
    resource = next((r for r in resources(schemas) if r["name"] == name), None)
    if resource is None:
        raise MetadataError(f"schemas/package.json lists no resource named {name!r}")
    return json.loads((schemas / resource["schema"]).read_text(encoding="utf-8"))


def field_names(name: str) -> list[str]:
    return [field["name"] for field in table_schema(name)["fields"]]


def check_coherence(schemas: Path = paths.SCHEMAS) -> None:
    """Every key names existing fields, every key field is required, every reference resolves."""
    problems: list[str] = []
    names = [resource["name"] for resource in resources(schemas)]
    if len(set(names)) != len(names):
        problems.append("schemas/package.json lists a resource twice")
    for name in names:
        schema = table_schema(name, schemas)
        fields = {field["name"]: field for field in schema["fields"]}
        for key in schema.get("primaryKey", []):
            if key not in fields:
                problems.append(f"{name}: primary key field {key!r} is not a field")
            elif not fields[key].get("constraints", {}).get("required"):
                problems.append(f"{name}: primary key field {key!r} is not required")
        for foreign in schema.get("foreignKeys", []):
            target = foreign["reference"]["resource"] or name
            if target not in names:
                problems.append(f"{name}: foreign key refers to unknown resource {target!r}")
                continue
            target_fields = {field["name"] for field in table_schema(target, schemas)["fields"]}
            for field in foreign["fields"]:
                if field not in fields:
                    problems.append(f"{name}: foreign key field {field!r} is not a field")
            for field in foreign["reference"]["fields"]:
                if field not in target_fields:
                    problems.append(f"{name}: foreign key refers to {target}.{field}, which does not exist")
    if problems:
        raise MetadataError("; ".join(problems))


# The package's own description, which a project's manifest (its ``package:`` block) replaces whole.
DESCRIPTIVE = ("name", "title", "description", "version", "homepage", "keywords", "licenses", "contributors")


def descriptor(sources: list[dict[str, str]], schemas: Path = paths.SCHEMAS, about: dict | None = None) -> dict:
    """The ``datapackage.json`` for the tables, with each Table Schema inlined.

    Resources carry both ``type: table`` (Data Package v2) and ``profile: tabular-data-resource``
    (v1), so frictionless-py and the R package frictionless both read them. ``about`` (a
    project's name, title, licences, ...) replaces the shipped description when given.
    """
    meta = package_metadata(schemas)
    package = {key: value for key, value in meta.items() if key != "resources" and not (about and key in DESCRIPTIVE)}
    package = {**about, **package} if about else package
    package["profile"] = "tabular-data-package"
    package["sources"] = sources
    package["resources"] = [
        {
            "name": resource["name"],
            "type": "table",
            "profile": "tabular-data-resource",
            "path": resource["path"],
            "title": resource["title"],
            "description": resource["description"],
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True},
            "schema": table_schema(resource["name"], schemas),
        }
        for resource in meta["resources"]
    ]
    return package


def without_keys(descriptor: dict) -> dict:
    """The descriptor with no primary keys, foreign keys or ``unique`` constraints: the checks across
    rows, which ``integrity`` makes, taken out, so frictionless checks each row's cells on their own.

    >>> schema = {"primaryKey": ["a"], "fields": [{"name": "a", "constraints": {"unique": True, "required": True}}]}
    >>> without_keys({"resources": [{"name": "t", "schema": schema}]})["resources"][0]["schema"]
    {'fields': [{'name': 'a', 'constraints': {'required': True}}]}
    """
    resources = []
    for resource in descriptor["resources"]:
        schema = {key: value for key, value in resource["schema"].items() if key not in ("primaryKey", "foreignKeys")}
        schema["fields"] = [_without_unique(field) for field in schema["fields"]]
        resources.append({**resource, "schema": schema})
    return {**descriptor, "resources": resources}


def _without_unique(field: dict) -> dict:
    constraints = {key: value for key, value in field.get("constraints", {}).items() if key != "unique"}
    return {**field, "constraints": constraints} if "constraints" in field else field
