"""``undocs serve``: Datasette on the released SQLite file, on this machine only.

Datasette's metadata is made from the descriptor: the package's title, description, licence and
sources; each table's and each column's title and description; the joined views described from
the tables they join; and the canned queries of ``queries.py``. The server binds 127.0.0.1 only,
opens the file read-only (immutable), and stops on Ctrl-C.

>>> sources_html([{"title": "A/RES/1 <draft>", "path": "https://docs.un.org/en/A/RES/1"}, {"title": "Statement"}])
'<ul><li><a href="https://docs.un.org/en/A/RES/1">A/RES/1 &lt;draft&gt;</a></li><li>Statement</li></ul>'
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import socket
from pathlib import Path

from undocs.errors import SourceError
from undocs.export.queries import CANNED_QUERIES
from undocs.export.sqlite import VIEW_SUFFIX, joins, view_columns

HOST = "127.0.0.1"  # never another interface: the data is served to this machine's browser only


def sources_html(sources: list[dict]) -> str:
    items = [
        f'<a href="{html.escape(source["path"])}">{html.escape(source["title"])}</a>'
        if source.get("path")
        else html.escape(source["title"])
        for source in sources
    ]
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def table_metadata(resource: dict) -> dict:
    return {
        "title": resource.get("title", resource["name"]),
        "description": resource.get("description", ""),
        "columns": {field["name"]: field.get("description", "") for field in resource["schema"]["fields"]},
    }


def view_metadata(resource: dict, resources: dict[str, dict]) -> dict:
    tables = ", ".join(sorted({join.table for join in joins(resource)}))
    return {
        "title": f"{resource.get('title', resource['name'])}, joined",
        "description": f"{resource.get('description', '')} Each row beside the columns of the rows it refers to ({tables}), named table_column.",
        "columns": {
            column.name: column.field.get("description", "")
            if column.table == resource["name"] and column.name == column.field["name"]
            else f"{column.table}.{column.field['name']}: {column.field.get('description', '')}"
            for column in view_columns(resource, resources)
        },
    }


def datasette_metadata(descriptor: dict, database: str) -> dict:
    """Datasette's metadata for the database named ``database``, all from the descriptor."""
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    tables = {name: table_metadata(resource) for name, resource in resources.items()}
    tables |= {
        name + VIEW_SUFFIX: view_metadata(resource, resources)
        for name, resource in resources.items()
        if joins(resource)
    }
    licence = (descriptor.get("licenses") or [{}])[0]
    description = html.escape(descriptor.get("description", ""))
    return {
        "title": descriptor.get("title", descriptor["name"]),
        "description_html": f"<p>{description}</p><p>Sources:</p>{sources_html(descriptor.get('sources', []))}",
        "license": licence.get("title", licence.get("name", "")),
        "license_url": licence.get("path", ""),
        "about": "homepage",
        "about_url": descriptor.get("homepage", ""),
        "databases": {database: {"tables": tables, "queries": CANNED_QUERIES}},
    }


def check_port(port: int) -> None:
    """Bad input, not a traceback, when the port is taken."""
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError as error:
            raise SourceError(
                f"--port {port}",
                f"cannot listen on {HOST}:{port} ({error.strerror})",
                "choose another port with --port",
            ) from None


def serve(database: Path, descriptor: dict, port: int) -> None:
    """Run Datasette on ``database`` at http://127.0.0.1:``port``/ until Ctrl-C."""
    import uvicorn
    from datasette.app import Datasette

    if not database.is_file():
        raise SourceError(str(database), "no such database", "run `make release` (or `undocs release`) first")
    check_port(port)
    datasette = Datasette(immutables=[str(database)], metadata=datasette_metadata(descriptor, database.stem))
    asyncio.run(datasette.invoke_startup())
    print(f"Serving {database} at http://{HOST}:{port}/ (Ctrl-C stops)", flush=True)
    with contextlib.suppress(KeyboardInterrupt):  # a second Ctrl-C during shutdown
        uvicorn.run(datasette.app(), host=HOST, port=port, log_level="warning", lifespan="on")
    print("Stopped.", flush=True)
