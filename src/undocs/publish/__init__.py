"""Stage 4, publish: rows shaped by the schemas, keys checked, the package validated and written."""
