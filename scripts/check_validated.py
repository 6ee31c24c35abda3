"""Validate a data package with the frictionless CLI and fail unless every listed resource was validated.

    python scripts/check_validated.py [datapackage.json]

``frictionless validate`` exits 0 when what it validated is valid; a resource it skipped (a
path it did not find as a table, a resource it could not open) would not make it fail. This
compares the resources in its JSON report with those the descriptor lists. It needs only the
Python standard library and the ``frictionless`` command, so users' CI can run it as is.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def main(descriptor: str = "datapackage.json") -> int:
    listed = [resource["name"] for resource in json.loads(Path(descriptor).read_text(encoding="utf-8"))["resources"]]
    run = subprocess.run(
        ["frictionless", "validate", "--json", descriptor], capture_output=True, text=True, check=False
    )
    report = json.loads(run.stdout)
    tasks = {task["name"]: task for task in report["tasks"]}
    for name in listed:
        task = tasks.get(name)
        state = "NOT VALIDATED" if task is None else ("valid" if task["valid"] else f"{task['stats']['errors']} errors")
        rows = "" if task is None else f", {task['stats'].get('rows', 0)} rows"
        print(f"{name}: {state}{rows}")
        for error in [] if task is None else task["errors"][:20]:
            print(f"  {error['type']}: {error['message']}")
    for error in report["errors"]:
        print(f"package: {error['type']}: {error['message']}")
    missing = [name for name in listed if name not in tasks]
    ok = report["valid"] and not missing and run.returncode == 0
    print(f"{descriptor}: {'valid' if ok else 'INVALID'}; {len(tasks)} of {len(listed)} resources validated")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
