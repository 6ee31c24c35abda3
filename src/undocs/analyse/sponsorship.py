"""Rows of the ``sponsors`` and ``votes`` tables: who sponsored a resolution and how each State voted.

>>> from undocs.models import DocumentMeta, ParsedDocument, Sponsor, Vote
>>> parsed = ParsedDocument(DocumentMeta("r", "r.xml", "", "resolution"), [], [],
...     sponsors=[Sponsor("CUBA", "CUB", "original")], votes=[Vote("CHAD", "TCD", "abstain")])
>>> tables(parsed)
{'sponsors': [{'document_id': 'r', 'position': 1, 'state': 'CUBA', 'iso3': 'CUB', 'role': 'original'}], 'votes': [{'document_id': 'r', 'position': 1, 'state': 'CHAD', 'iso3': 'TCD', 'vote': 'abstain'}]}
"""

from __future__ import annotations

from undocs.models import ParsedDocument


def tables(parsed: ParsedDocument) -> dict[str, list[dict[str, object]]]:
    document_id = parsed.meta.document_id
    return {
        name: [
            {"document_id": document_id, "position": position, **record.__dict__}
            for position, record in enumerate(records, start=1)
        ]
        for name, records in (("sponsors", parsed.sponsors), ("votes", parsed.votes))
    }
