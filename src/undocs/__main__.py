"""``python -m undocs`` runs the command line."""

import sys

from undocs.console import run

sys.exit(run())
