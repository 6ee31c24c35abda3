"""``python -m undocs`` runs the command line."""

import sys

from undocs.cli import main

sys.exit(main())
