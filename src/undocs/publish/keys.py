"""Single-column keys (``document_id:row_id``) that other tables' foreign keys point to.

Frictionless skips a composite foreign key only when all its cells are empty, so a citation in
running text (no note) could not point to ``(document_id, footnote_id)``; one column can be empty.

>>> paragraph_key("a-c-3-80-l-29", "op2.a"), footnote_key("a-c-3-80-l-29", "")
('a-c-3-80-l-29:op2.a', '')
"""


def paragraph_key(document_id: str, paragraph_id: str) -> str:
    return f"{document_id}:{paragraph_id}" if paragraph_id else ""


def footnote_key(document_id: str, footnote_id: str) -> str:
    return f"{document_id}:{footnote_id}" if footnote_id else ""
