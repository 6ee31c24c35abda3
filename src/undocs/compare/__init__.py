"""Compare two versions of a document: paragraphs aligned, word-level changes, a redline page.

The comparison takes two lists of ``models.Paragraph`` (any parsed document's: text, PDF or
XML), so the source format does not matter. ``tokens`` unifies typography, ``diff`` compares
words (difflib), ``align`` pairs paragraphs, ``redline`` writes the HTML page.
"""
