"""undocs: UN documents (resolutions, statements) turned into a validated Frictionless data package."""

__version__ = "0.1.0"
