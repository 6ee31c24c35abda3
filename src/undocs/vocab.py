"""Vocabularies kept as YAML data beside the code (lead phrases, later addressees and themes).

>>> lead_phrase("Taking note with appreciation of the submission", "preambular")
'Taking note with appreciation of'
>>> lead_phrase("Strongly urges the Government", "operative")
'Strongly urges'
"""

from __future__ import annotations

from functools import cache

import yaml

from undocs import paths

# libyaml's safe loader where PyYAML was built with it: ten times faster on the vocabularies,
# which every process of a build loads (0.3 s of an incremental rebuild with the pure-Python one).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load(name: str) -> dict:
    """Load ``vocab/<name>.yaml`` once per process."""
    return yaml.load((paths.VOCAB / f"{name}.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER)


@cache
def _phrases(kind: str) -> tuple[str, ...]:
    # Longest first, so "Taking note of" wins over "Taking note".
    return tuple(sorted(load("lead_phrases")[kind], key=len, reverse=True))


def lead_phrase(text: str, kind: str) -> str:
    """The longest listed phrase of ``kind`` that opens ``text`` as whole words, or ''."""
    for phrase in _phrases(kind):
        if text.startswith(phrase) and (len(text) == len(phrase) or not text[len(phrase)].isalnum()):
            return phrase
    return ""
