"""Documentation generated from the schemas: the data dictionary, never maintained by hand.

Every resource and field of the descriptor is listed with its type, constraints and
description; ``undocs build`` rewrites ``docs/data-dictionary.md`` and a test checks the
committed file equals what the schemas give. The Excel workbook's README sheet reads the same
rows (``field_rows``), so the two cannot disagree.

>>> constraint_text({"required": True, "enum": ["a", "b"], "minimum": 1})
'required; one of: a, b; minimum 1'
>>> keys_text({"primaryKey": ["document_id", "paragraph_id"]})
'primary key: document_id, paragraph_id'
>>> allowed_text({"type": "integer", "minimum": 1})
'integer; minimum 1'
"""

from __future__ import annotations

from pathlib import Path

DICTIONARY = Path("docs") / "data-dictionary.md"
MANIFEST_REFERENCE = Path("docs") / "manifest.md"


def constraint_text(constraints: dict) -> str:
    """The constraints of a field in words, in the order a reader checks them."""
    words = []
    for name, value in constraints.items():
        if value is True:
            words.append(name)
        elif name == "enum":
            words.append("one of: " + ", ".join(str(item) for item in value))
        else:
            words.append(f"{name} {value}")
    return "; ".join(words)


def keys_text(schema: dict) -> str:
    parts = []
    if schema.get("primaryKey"):
        parts.append("primary key: " + ", ".join(schema["primaryKey"]))
    for foreign in schema.get("foreignKeys", []):
        target = foreign["reference"]["resource"] or "itself"
        parts.append(
            f"foreign key: {', '.join(foreign['fields'])} -> {target} ({', '.join(foreign['reference']['fields'])})"
        )
    return "; ".join(parts)


def field_rows(descriptor: dict) -> list[dict[str, str]]:
    """One row per field of every resource: resource, field, type, constraints, description."""
    return [
        {
            "resource": resource["name"],
            "field": field["name"],
            "type": field.get("type", "any"),
            "constraints": constraint_text(field.get("constraints", {})),
            "description": field.get("description", ""),
        }
        for resource in descriptor["resources"]
        for field in resource["schema"]["fields"]
    ]


def _cell(text: str) -> str:
    """Markdown table cells cannot hold a bare pipe or a line break."""
    return text.replace("|", "\\|").replace("\n", " ")


def dictionary(descriptor: dict) -> str:
    """The data dictionary as Markdown: the package, then each resource and its fields."""
    lines = [
        f"# Data dictionary: {descriptor['name']}",
        "",
        "<!-- Generated from schemas/ by `undocs build` (src/undocs/docs.py); do not edit by hand. -->",
        "",
        descriptor.get("description", ""),
        "",
        "| resource | file | description |",
        "| --- | --- | --- |",
    ]
    lines += [f"| `{r['name']}` | `{r['path']}` | {_cell(r['description'])} |" for r in descriptor["resources"]]
    rows = field_rows(descriptor)
    for resource in descriptor["resources"]:
        lines += ["", f"## {resource['name']}", "", resource["description"], ""]
        lines += [f"Keys: {keys_text(resource['schema'])}.", ""]
        lines += ["| field | type | constraints | description |", "| --- | --- | --- | --- |"]
        lines += [
            f"| `{row['field']}` | {row['type']} | {_cell(row['constraints'])} | {_cell(row['description'])} |"
            for row in rows
            if row["resource"] == resource["name"]
        ]
    return "\n".join(lines) + "\n"


def allowed_text(spec: dict) -> str:
    """What a manifest field accepts, in words, from its JSON Schema."""
    if "enum" in spec:
        return "one of: " + ", ".join(f"`{value}`" for value in spec["enum"])
    words = [spec.get("type", "any")]
    words += [f"{name} {spec[name]}" for name in ("minimum", "minLength", "minItems") if name in spec]
    words += [f"format {spec['format']}"] if "format" in spec else []
    words += [f"pattern `{spec['pattern']}`"] if "pattern" in spec else []
    return "; ".join(words)


def manifest_reference(schema: dict) -> str:
    """The manifest's fields as Markdown, generated from its JSON Schema (``sources.schema.json``)."""
    lines = [
        "# The manifest: `data/sources/sources.yaml`",
        "",
        "<!-- Generated from schemas/sources.schema.json by `undocs build`; do not edit by hand. -->",
        "",
        schema["description"],
    ]
    for key, block in schema["properties"].items():
        entry = block.get("items", block)
        lines += ["", f"## `{key}`", "", block["description"], ""]
        lines += ["| field | required | accepts | description |", "| --- | --- | --- | --- |"]
        lines += [
            f"| `{name}` | {'yes' if name in entry.get('required', []) else 'no'} | {_cell(allowed_text(spec))} "
            f"| {_cell(spec.get('description', ''))} |"
            for name, spec in entry["properties"].items()
        ]
    return "\n".join(lines) + "\n"
