"""Where the project keeps its metadata, vocabularies and published files."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
VOCAB = Path(__file__).resolve().parent / "vocab"
DATA = ROOT / "data"
SOURCES = DATA / "sources"
MANIFEST = SOURCES / "sources.yaml"
