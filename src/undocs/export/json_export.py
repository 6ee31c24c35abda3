"""Export: one nested JSON file per document, and the JSON Schema that describes it.

A document's JSON holds its ``documents`` row, then its paragraph tree (subparagraphs under
their parent), and under each paragraph the rows of every resource whose foreign key points
to ``paragraphs`` (footnotes, and whatever tables later stages add), keyed by resource name.
Resources that point to ``documents`` only are listed beside the paragraphs. Which resources
are inlined is read from the descriptor's foreign keys, so new tables appear without a code
change; the columns that only repeat the nesting (``document_id``, the parent's key) are left
out of the nested rows.

>>> descriptor = {"resources": [
...     {"name": "documents", "schema": {"fields": [{"name": "document_id"}]}},
...     {"name": "paragraphs", "schema": {"fields": [{"name": "document_id"}, {"name": "paragraph_id"}],
...      "foreignKeys": [{"fields": ["document_id"], "reference": {"resource": "documents", "fields": ["document_id"]}}]}},
...     {"name": "footnotes", "schema": {"fields": [{"name": "document_id"}, {"name": "paragraph_id"}, {"name": "text"}],
...      "foreignKeys": [{"fields": ["document_id", "paragraph_id"],
...                       "reference": {"resource": "paragraphs", "fields": ["document_id", "paragraph_id"]}}]}}]}
>>> tables = {"documents": [{"document_id": "d"}], "paragraphs": [{"document_id": "d", "paragraph_id": "op1"}],
...           "footnotes": [{"document_id": "d", "paragraph_id": "op1", "text": "A/1."}]}
>>> nested_documents(descriptor, tables)["d"]["paragraphs"]
[{'paragraph_id': 'op1', 'footnotes': [{'text': 'A/1.'}], 'subparagraphs': []}]
"""

from __future__ import annotations

from dataclasses import dataclass

from undocs.export.reader import Row

DOCUMENTS = "documents"
PARAGRAPHS = "paragraphs"
CHILDREN = "subparagraphs"
JSON_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "date": "string"}


@dataclass(frozen=True)
class Link:
    """A resource nested under another: its rows whose ``fields`` equal the parent's ``reference``."""

    resource: str
    fields: tuple[str, ...]
    reference: tuple[str, ...]

    def child_key(self, row: Row) -> tuple:
        return tuple(row[name] for name in self.fields)

    def parent_key(self, row: Row) -> tuple:
        return tuple(row[name] for name in self.reference)


def links_to(descriptor: dict, target: str) -> list[Link]:
    """The first foreign key of each other resource that references ``target``."""
    links = []
    for resource in descriptor["resources"]:
        foreign = [key for key in resource["schema"].get("foreignKeys", []) if key["reference"]["resource"] == target]
        if foreign and resource["name"] != target:
            key = foreign[0]
            links.append(Link(resource["name"], tuple(key["fields"]), tuple(key["reference"]["fields"])))
    return links


def self_link(descriptor: dict, name: str) -> Link | None:
    """The foreign key by which a resource references itself (a subparagraph's parent)."""
    schema = next(r["schema"] for r in descriptor["resources"] if r["name"] == name)
    key = next((k for k in schema.get("foreignKeys", []) if k["reference"]["resource"] in ("", name)), None)
    return Link(name, tuple(key["fields"]), tuple(key["reference"]["fields"])) if key else None


def paragraph_links(descriptor: dict) -> list[Link]:
    return links_to(descriptor, PARAGRAPHS)


def document_links(descriptor: dict) -> list[Link]:
    """Resources that reference documents but not paragraphs: listed at the document's level."""
    under_paragraphs = {link.resource for link in paragraph_links(descriptor)}
    return [
        link
        for link in links_to(descriptor, DOCUMENTS)
        if link.resource != PARAGRAPHS and link.resource not in under_paragraphs
    ]


@dataclass(frozen=True)
class Nesting:
    """How paragraphs hang together: their link to the document and to their parent paragraph."""

    document: Link
    tree: Link | None

    @property
    def dropped(self) -> set[str]:
        """Columns a nested paragraph leaves out: the nesting already says them."""
        return set(self.document.fields) | set(self.tree.fields if self.tree else ())


def nesting(descriptor: dict) -> Nesting:
    document = next(link for link in links_to(descriptor, DOCUMENTS) if link.resource == PARAGRAPHS)
    return Nesting(document, self_link(descriptor, PARAGRAPHS))


def group(rows: list[Row], link: Link) -> dict[tuple, list[Row]]:
    """Rows by the key that links them to their parent, nesting columns dropped; unlinked rows skipped."""
    groups: dict[tuple, list[Row]] = {}
    for row in rows:
        key = link.child_key(row)
        if all(value is None for value in key):
            continue
        groups.setdefault(key, []).append({k: v for k, v in row.items() if k not in link.fields})
    return groups


def nested_documents(descriptor: dict, tables: dict[str, list[Row]]) -> dict[str, dict]:
    """Each document's nested record, by document id, in the tables' order."""
    per_paragraph = {link: group(tables[link.resource], link) for link in paragraph_links(descriptor)}
    per_document = {link: group(tables[link.resource], link) for link in document_links(descriptor)}
    shape = nesting(descriptor)
    tree, document_link = shape.tree, shape.document
    nodes: list[tuple[Row, dict]] = []
    for row in tables[PARAGRAPHS]:
        node = {k: v for k, v in row.items() if k not in shape.dropped}
        for link, groups in per_paragraph.items():
            node[link.resource] = groups.get(link.parent_key(row), [])
        node[CHILDREN] = []
        nodes.append((row, node))

    by_key = {tree.parent_key(row): node for row, node in nodes} if tree else {}
    tops: dict[tuple, list[dict]] = {}
    for row, node in nodes:
        parent = by_key.get(tree.child_key(row)) if tree else None
        if parent is not None:
            parent[CHILDREN].append(node)
        else:
            tops.setdefault(document_link.child_key(row), []).append(node)

    out = {}
    for document in tables[DOCUMENTS]:
        key = document_link.parent_key(document)
        record: dict = {"document": document, PARAGRAPHS: tops.get(key, [])}
        for link, groups in per_document.items():
            record[link.resource] = groups.get(link.parent_key(document), [])
        out[str(key[0])] = record
    return out


def field_schema(field: dict) -> dict:
    """A Table Schema field as a JSON Schema property; fields that may be missing may be null."""
    constraints = field.get("constraints", {})
    kind = JSON_TYPES.get(field.get("type", "string"), "string")
    schema: dict = {"title": field.get("title", field["name"]), "description": field.get("description", "")}
    schema["type"] = kind if constraints.get("required") else [kind, "null"]
    if field.get("type") == "date":
        schema["format"] = "date"
    for name in ("enum", "pattern", "minimum", "maximum", "minLength", "maxLength"):
        if name in constraints:
            schema[name] = constraints[name]
    if "enum" in schema and not constraints.get("required"):
        schema["enum"] = [*schema["enum"], None]  # a missing value is allowed beside the listed ones
    return schema


def row_schema(resource: dict, dropped: set[str] = frozenset()) -> dict:
    fields = [field for field in resource["schema"]["fields"] if field["name"] not in dropped]
    return {
        "type": "object",
        "description": resource.get("description", ""),
        "properties": {field["name"]: field_schema(field) for field in fields},
        "required": [field["name"] for field in fields],
        "additionalProperties": False,
    }


def _array_of(schema: dict) -> dict:
    return {"type": "array", "items": schema}


def document_json_schema(descriptor: dict) -> dict:
    """The JSON Schema of one document's nested record, generated from the descriptor's schemas."""
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    paragraph = row_schema(resources[PARAGRAPHS], nesting(descriptor).dropped)
    for link in paragraph_links(descriptor):
        paragraph["properties"][link.resource] = _array_of(row_schema(resources[link.resource], set(link.fields)))
        paragraph["required"].append(link.resource)
    paragraph["properties"][CHILDREN] = _array_of({"$ref": "#/$defs/paragraph"})
    paragraph["required"].append(CHILDREN)
    document: dict = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"One document of {descriptor['name']}, nested",
        "description": "A document's metadata, its paragraph tree and, under each paragraph, the rows that refer to it. Generated from the Table Schemas by src/undocs/json_export.py; do not edit by hand.",
        "type": "object",
        "properties": {
            "document": row_schema(resources[DOCUMENTS]),
            PARAGRAPHS: _array_of({"$ref": "#/$defs/paragraph"}),
        },
        "required": ["document", PARAGRAPHS],
        "additionalProperties": False,
        "$defs": {"paragraph": paragraph},
    }
    for link in document_links(descriptor):
        document["properties"][link.resource] = _array_of(row_schema(resources[link.resource], set(link.fields)))
        document["required"].append(link.resource)
    return document
