"""What a PDF's text lines look like to the layout step, as regular expressions only.

>>> bool(SEPARATOR_LINE.match("__________________")), bool(MARKER_WORD.match("12")), bool(MARKER_WORD.match("2030"))
(True, True, False)
"""

import re

# The rule above a page's notes, as the UN's PDFs print it in text.
PRINTED_SEPARATOR = r"_{5,}"
SEPARATOR_LINE = re.compile(rf"^\s*{PRINTED_SEPARATOR}\s*$")
# What a superscript word may be: a note number or the star of a title's note.
MARKER_WORD = re.compile(r"^(?:\d{1,3}|\*{1,3})$")
