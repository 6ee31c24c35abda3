"""Export: an Excel workbook with a README sheet and one sheet per resource.

Every text cell is written as a string cell, never a formula: a paragraph that begins with
``=``, ``+``, ``-`` or ``@`` would otherwise run as a formula when the file is opened (CSV or
formula injection). Such cells also carry Excel's quote prefix, so they stay text when a user
edits them. Integers, numbers and booleans are typed cells; dates are date cells shown as
yyyy-mm-dd. The header row is frozen and filterable, column widths follow the content.

>>> inert_cell_value("=SUM(1,2)")
('=SUM(1,2)', True)
>>> inert_cell_value("Recalling")
('Recalling', False)
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from undocs.export.reader import Row
from undocs.publish.docs import field_rows

# What spreadsheet programs read as the start of a formula (OWASP's CSV injection list).
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
SHEET_NAME_LIMIT = 31  # Excel's limit on a sheet's name
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_SAMPLE = 500  # rows looked at to size a column; enough for a typical width, fast for big tables
BOLD = Font(bold=True)
# A fixed time in the file's properties, so the same data gives the same bytes.
FIXED_TIME = datetime.datetime(2000, 1, 1)


def inert_cell_value(text: str) -> tuple[str, bool]:
    """The text as it goes in a cell, and whether it needs the quote prefix to stay text."""
    return text, bool(FORMULA_START.match(text))


def set_cell(sheet: Worksheet, row: int, column: int, value: object, kind: str = "string") -> None:
    if isinstance(value, str) and kind == "date":
        cell = sheet.cell(row, column, datetime.date.fromisoformat(value))
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, str):
        text, needs_prefix = inert_cell_value(value)
        cell = sheet.cell(row, column, text)
        cell.data_type = "s"  # openpyxl would mark a leading "=" as a formula; this keeps it a string
        if needs_prefix:
            cell.quotePrefix = True
    else:
        sheet.cell(row, column, value)


def size_columns(sheet: Worksheet, rows: list[list[object]]) -> None:
    for index, values in enumerate(zip(*rows[:WIDTH_SAMPLE], strict=False), start=1):
        longest = max(len(str(value)) for value in values if value is not None) if any(values) else 0
        sheet.column_dimensions[get_column_letter(index)].width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))


def write_sheet(sheet: Worksheet, header: list[str], rows: list[list[object]], kinds: list[str]) -> None:
    """A table: bold frozen header with a filter, typed cells, columns sized to their content."""
    for column, name in enumerate(header, start=1):
        set_cell(sheet, 1, column, name)
        sheet.cell(1, column).font = BOLD
    for number, values in enumerate(rows, start=2):
        for column, (value, kind) in enumerate(zip(values, kinds, strict=True), start=1):
            set_cell(sheet, number, column, value, kind)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    size_columns(sheet, [header, *rows])


def readme_rows(descriptor: dict, tables: dict[str, list[Row]]) -> list[list[object]]:
    """The README sheet: the package, its licence, each sheet and each field described."""
    licence = ", ".join(item.get("title", item.get("name", "")) for item in descriptor.get("licenses", []))
    rows: list[list[object]] = [
        [descriptor.get("title", descriptor["name"]), "", "", "", ""],
        [descriptor.get("description", ""), "", "", "", ""],
        [f"version {descriptor.get('version', '')}; licence: {licence}", "", "", "", ""],
        ["", "", "", "", ""],
        ["sheet", "rows", "description", "", ""],
    ]
    rows += [[r["name"], len(tables[r["name"]]), r.get("description", ""), "", ""] for r in descriptor["resources"]]
    rows += [["", "", "", "", ""], ["sheet", "field", "type", "constraints", "description"]]
    rows += [[f["resource"], f["field"], f["type"], f["constraints"], f["description"]] for f in field_rows(descriptor)]
    return rows


def workbook(descriptor: dict, tables: dict[str, list[Row]]) -> Workbook:
    book = Workbook()
    readme = book.active
    readme.title = "README"
    header, *rest = readme_rows(descriptor, tables)
    write_sheet(readme, header, rest, ["string"] * len(header))
    readme.auto_filter.ref = None
    for resource in descriptor["resources"]:
        fields = resource["schema"]["fields"]
        names = [field["name"] for field in fields]
        rows = [[row[name] for name in names] for row in tables[resource["name"]]]
        kinds = [field.get("type", "string") for field in fields]
        write_sheet(book.create_sheet(resource["name"][:SHEET_NAME_LIMIT]), names, rows, kinds)
    book.properties.creator = descriptor["name"]
    book.properties.created = book.properties.modified = FIXED_TIME
    return book


def zip_entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def workbook_entries(descriptor: dict, tables: dict[str, list[Row]]) -> list[tuple[str, bytes]]:
    """The workbook's files; written with ``release.write_zip`` they give the same bytes every time."""
    buffer = io.BytesIO()
    # ExcelWriter rather than Workbook.save: save stamps the current time into the properties.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook(descriptor, tables), archive).save()
    return zip_entries(buffer.getvalue())
