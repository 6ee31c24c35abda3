"""Stage 5, export: the published package read back and released as JSON, workbook, SQLite, Parquet and zip; served with Datasette."""
