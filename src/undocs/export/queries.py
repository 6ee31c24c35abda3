"""The canned queries ``undocs serve`` offers in Datasette: the questions users ask first.

Each is a form in Datasette (``/<database>/<name>``) and a JSON API
(``/<database>/<name>.json?<parameter>=...``); a parameter left empty lists everything where the
query allows it. ``tests/test_search_exports.py`` runs each against the released database.
"""

from __future__ import annotations

CANNED_QUERIES = {
    "asks_by_addressee": {
        "title": "Asks by addressee",
        "description": "Who is asked to do what, where: every ask to an addressee (an addressee_id such as dprk or member_states; empty for all), with its document and paragraph.",
        "sql": """SELECT r.addressee_id, a.label AS addressee, d.symbol, d.date, r.paragraph_id, r.action, r.action_text, p.text AS paragraph_text
FROM recommendations AS r
JOIN addressees AS a ON a.addressee_id = r.addressee_id
JOIN documents AS d ON d.document_id = r.document_id
JOIN paragraphs AS p ON p.document_id = r.document_id AND p.paragraph_id = r.paragraph_id
WHERE coalesce(:addressee, '') = '' OR r.addressee_id = :addressee
ORDER BY r.addressee_id, d.date, d.symbol, p.position""",
    },
    "what_cites": {
        "title": "What cites resolution X",
        "description": "The paragraphs and notes that cite a resolution or other UN document: its full symbol (A/RES/79/181) or its end (79/181, 58/17, 2397(2017)).",
        "sql": """SELECT ref.symbol AS cited, res.body AS cited_body, res.adopted_on AS cited_adopted_on, d.symbol AS citing, d.date, ref.paragraph_id, ref.footnote_id, ref.as_written, p.text AS paragraph_text
FROM "references" AS ref
LEFT JOIN resolutions AS res ON res.symbol = ref.resolution_symbol
JOIN documents AS d ON d.document_id = ref.document_id
LEFT JOIN paragraphs AS p ON p.paragraph_key = ref.paragraph_key
WHERE ref.symbol = :resolution OR ref.symbol LIKE '%/' || :resolution
ORDER BY d.date, d.symbol, ref.reference_number""",
    },
    "paragraphs_on_a_theme": {
        "title": "Paragraphs on a theme",
        "description": "The paragraphs tagged with a theme (a theme_id such as enforced_disappearances or torture), with the words that tagged them.",
        "sql": """SELECT t.theme_id, t.label AS theme, d.symbol, d.date, p.paragraph_id, p.text, pt.matched
FROM paragraph_themes AS pt
JOIN themes AS t ON t.theme_id = pt.theme_id
JOIN paragraphs AS p ON p.document_id = pt.document_id AND p.paragraph_id = pt.paragraph_id
JOIN documents AS d ON d.document_id = pt.document_id
WHERE pt.theme_id = :theme
ORDER BY d.date, d.symbol, p.position""",
    },
    "search_paragraphs": {
        "title": "Paragraphs that mention ...",
        "description": 'Full-text search of paragraphs (SQLite FTS5: words, "a phrase", OR, NOT, prefix*; endings are ignored, so abduction finds abductions), best match first, with each paragraph\'s document and asks.',
        "sql": """SELECT d.symbol, d.date, p.paragraph_id, snippet(paragraphs_fts, 0, '[', ']', '…', 16) AS found, p.text,
  (SELECT group_concat(r.addressee_id || ': ' || r.action || ' ' || coalesce(r.action_text, ''), ' | ')
   FROM recommendations AS r WHERE r.document_id = p.document_id AND r.paragraph_id = p.paragraph_id) AS asks
FROM paragraphs_fts
JOIN paragraphs AS p ON p.rowid = paragraphs_fts.rowid
JOIN documents AS d ON d.document_id = p.document_id
WHERE :words != '' AND paragraphs_fts MATCH :words
ORDER BY rank""",
    },
}
