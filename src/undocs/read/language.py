"""The language a text is written in, from the text itself: its script, then its commonest words.

undocs reads English only; a resolution in French, Spanish, Russian, Arabic or Chinese is refused
with exit 2 and a message naming the language, rather than parsed into nonsense.

>>> detect("Réaffirmant que tous les États ont l'obligation de respecter les droits de l'homme et des libertés")
'fr'
>>> detect("Reafirmando que todos los Estados tienen la obligación de respetar los derechos humanos y las libertades")
'es'
>>> detect("подтверждая, что все государства обязаны уважать права человека"), detect("重申所有国家都有义务尊重人权")
('ru', 'zh')
>>> detect("Reaffirming that all States have an obligation to respect human rights and fundamental freedoms")
'en'
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from undocs import vocab
from undocs.errors import SourceError

WORD = re.compile(r"[^\W\d_]+")
SUPPORTED = {"en"}
SCRIPT_SHARE = 0.3  # of the letters: a Russian text quoting an English title is still Russian


@cache
def _script_classes() -> dict[str, re.Pattern[str]]:
    """Each script's code point ranges as one character class (a resolution has some 50,000 characters)."""
    return {
        language: re.compile("[" + "".join(f"{chr(start)}-{chr(end - 1)}" for start, end in ranges) + "]")
        for language, ranges in vocab.load("languages")["scripts"].items()
    }


def _script(text: str) -> str:
    letters = sum(map(str.isalpha, text))
    counts = Counter(
        {language: sum(map(str.isalpha, chars.findall(text))) for language, chars in _script_classes().items()}
    )
    if letters:
        language, count = counts.most_common(1)[0]
        if count and count >= SCRIPT_SHARE * letters:
            return language
    return ""


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language: the script's, or the Latin language whose commonest
    words it uses most; ``""`` when the text has too few words to say."""
    script = _script(text)
    if script:
        return script
    words = Counter(word.lower() for word in WORD.findall(text))
    scores = {
        language: sum(words[word] for word in stopwords)
        for language, stopwords in vocab.load("languages")["stopwords"].items()
    }
    best = max(sorted(scores), key=lambda language: scores[language])
    return best if scores[best] >= 3 else ""


def name(code: str) -> str:
    return vocab.load("languages")["names"].get(code, code)


def of(text: str, declared: str = "") -> str:
    """The text's language; what the file declares only when the text is too short to tell; else English.

    >>> of("Décide de rester saisie de la question et des droits de la personne dans le pays"), of("", "fr"), of("")
    ('fr', 'fr', 'en')
    """
    return detect(text) or declared or "en"


def refuse_unsupported(text: str, path: str, declared: str = "") -> str:
    """The text's language when undocs reads it; otherwise stop with exit 2 naming the language.

    The text decides; what the file declares (AKN's FRBRlanguage) only when the text is too short.
    """
    language = of(text, declared)
    if language not in SUPPORTED:
        raise SourceError(
            path,
            f"the document is in {name(language)}; undocs reads English documents only for now",
            "give the English version of the document (the UN publishes each resolution in English too)",
            1,
        )
    return language


def structure_only(code: str) -> list[str]:
    """The warning for a document whose structure is read (from XML) but whose words are not.

    >>> structure_only("en"), structure_only("fr")[0].split(":")[1]
    ([], ' the document is in French')
    """
    if code in SUPPORTED:
        return []
    return [
        f"line 1: the document is in {name(code)}: its paragraphs, notes and metadata are read from the "
        "XML's structure; asks, figures and themes are read in English only and are left out"
    ]
