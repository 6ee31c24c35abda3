"""Stage 1, read: sources (manifest, bytes, lines) and PDFs laid out as text."""
