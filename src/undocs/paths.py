"""Where undocs finds its own metadata (inside the installed package) and a project's files.

The Table Schemas and vocabularies ship inside the Python package and are read through
``importlib.resources``, so an installed undocs finds them wherever it lives; the repository's
``schemas/`` folder is the published copy that every build writes from them.

>>> (SCHEMAS / "package.json").is_file()
True
"""

from importlib import resources
from pathlib import Path

PACKAGE = Path(str(resources.files("undocs")))
SCHEMAS = PACKAGE / "schemas"
VOCAB = PACKAGE / "vocab"
ROOT = PACKAGE.parents[1]
DATA = ROOT / "data"
SOURCES = DATA / "sources"
MANIFEST = SOURCES / "sources.yaml"
PUBLISHED_SCHEMAS = Path("schemas")  # the published copy, relative to a project's root
