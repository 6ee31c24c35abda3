"""Stage: asks. Who a paragraph asks to do what: one row per asking verb and addressee.

An ask is a verb from ``vocab/actions.yaml`` ("Strongly urges", "Calls again upon", "Urging",
"We remind"), the addressees it names and the asked action ("to respect ..."). Addressees are
read from ``vocab/addressees.yaml`` into kinds that fit any resolution (``state_concerned``,
``all_states``, ``un_high_commissioner_ohchr``, ...); the State concerned is the State the
document's title names. A verb may open the paragraph or stand inside it after a comma or
"and" ("..., and once again urges States parties to comply ..."); each gets its rows. A list
gives a row per addressee, without its "including ..." part; an aside of any length may stand
between the verb, the addressees and the action. A verb that names no addressee ("Calls for the
immediate commencement of negotiations") is an ask of kind ``other`` with no addressee text,
unless its object names an actor ("encourages the efforts of Member States"). "Decides to ..."
is the body's own act: ``kind`` self, the adopting body as addressee.

A chapeau that ends in a colon has its own rows and hands its last ask to its subparagraphs:
"Strongly urges the Government ... to respect ..., and in this regard:" then "(a) To
immediately put an end ..." gives a row per subparagraph, each inheriting the chapeau's verb
and addressee.

>>> [(a.addressee_id, a.action, a.action_text) for a in find_asks("Urges the Secretary-General and Member States to act;")]
[('un_secretary_general', 'urges', 'to act'), ('member_states', 'urges', 'to act')]
>>> [(a.addressee_id, a.addressee_text) for a in find_asks("Encourages the continuing endeavours of the Office of the High Commissioner")]
[('un_high_commissioner_ohchr', 'the Office of the High Commissioner')]
>>> [(a.addressee_id, a.kind, a.action_text) for a in find_asks("Decides, in that regard, to remain seized", Context(body="general_assembly"))]
[('general_assembly', 'self', 'to remain seized')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from undocs import vocab
from undocs.analyse import ask_patterns as ap
from undocs.analyse.guard import each_paragraph
from undocs.models import Ask, Paragraph, ParsedDocument


@dataclass(frozen=True)
class Context:
    """What a document tells about its asks: the State it concerns and the body that adopts it."""

    state: str = ""
    body: str = ""


@dataclass(frozen=True)
class _Name:
    kind: str
    start: int
    end: int


# --- vocabularies --------------------------------------------------------------------------


@cache
def _action_of_form() -> dict[str, tuple[str, str]]:
    """Each form, lower case and without adverbs, to its action and its strong action."""
    return {
        " ".join(form.lower().translate(ap.APOSTROPHES).split()): (action["id"], action.get("strong", action["id"]))
        for action in vocab.load("actions")["actions"]
        for form in action.get("forms", []) + action.get("base", [])
    }


def _action(phrase: str) -> str:
    words = phrase.lower()
    action, strong = _action_of_form()[" ".join(ap.ADVERBS.sub("", words).split())]
    return strong if re.search(r"\bstrongly\b", words) else action


@cache
def _states() -> dict[str, tuple[str, ...]]:
    """Each State's official name to all its names."""
    return {entry["name"]: (entry["name"], *entry.get("short", [])) for entry in vocab.load("states")["states"]}


@cache
def state_names() -> re.Pattern[str]:
    """Any name of a State of ``vocab/states.yaml`` (official or short, case as printed)."""
    names = [name for names in _states().values() for name in names]
    return ap.phrase_pattern(names, flags=0)


def state_concerned(title: str) -> str:
    """The State a title is about, by its official name, or ''.

    >>> state_concerned("Situation of human rights in the Islamic Republic of Iran")
    'Islamic Republic of Iran'
    """
    found = state_names().search(title.translate(ap.APOSTROPHES))
    if not found:
        return ""
    name = " ".join(found.group(0).split())
    return next(
        official for official, names in _states().items() if name in {n.translate(ap.APOSTROPHES) for n in names}
    )


def body_of(parsed: ParsedDocument) -> str:
    """The adopting body's addressee code, from the symbol (A/HRC/RES/55/21) or the body named."""
    if parsed.meta.document_type not in ("resolution", "draft_resolution"):
        return ""
    symbol, body = parsed.meta.symbol, parsed.meta.body
    if symbol.startswith("A/HRC/") or "Human Rights Council" in body:
        return "human_rights_council"
    if symbol.startswith("S/") or "Security Council" in body:
        return "security_council"
    return "general_assembly" if symbol.startswith("A/") or "General Assembly" in body else ""


@cache
def _known_names(state: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each kind of addressee with its names; the State concerned's from its names, other States' as specific."""
    entries = vocab.load("addressees")
    # Phrases and each pattern apart, so that the longest match wins whichever gives it.
    kinds = [
        (entry["id"], pattern)
        for entry in entries["addressees"]
        if entry["phrases"]
        for pattern in [
            ap.name_pattern(entry["phrases"]),
            *(ap.name_pattern([], [p]) for p in entry.get("patterns", [])),
        ]
    ]
    others = [name for official, names in _states().items() if official != state for name in names]
    of_state = r"(?:(?:Government|authorities|leadership|people)\s+of\s+(?:the\s+)?)?"
    kinds.append(("specific_states", re.compile(rf"{of_state}(?:{ap.alternation(others)})(?![\w-])")))
    if state:
        names = ap.alternation(_states()[state])
        generic = ap.alternation(entries["state_concerned_phrases"])
        # The State's adjective begins as its name does: Iran -> Iranian, Syria -> Syrian.
        stems = "|".join(re.escape(name.split()[-1][: max(4, len(name.split()[-1]) - 1)]) for name in _states()[state])
        pattern = rf"{of_state}(?:{names})(?:\s+(?:{generic}))?|(?:(?:{stems})\w*\s+)?(?:{generic})"
        kinds.insert(0, ("state_concerned", re.compile(rf"(?:{pattern})(?![\w-])")))
    return tuple(kinds)


def _name_at(text: str, position: int, state: str) -> _Name | None:
    """The longest known name at ``position``; the first kind listed wins a tie."""
    best: _Name | None = None
    for kind, pattern in _known_names(state):
        match = pattern.match(text, position)
        if match and (best is None or match.end() > best.end):
            best = _Name(kind, position, match.end())
    return best


# --- addressees ---------------------------------------------------------------------------------


def _last_named(text: str, end: int, state: str) -> str:
    """The kind of the addressee named last before ``end``: what "it" or "them" stands for."""
    found = [(m.end(), kind) for kind, pattern in _known_names(state) for m in pattern.finditer(text, 0, end)]
    return max(found)[1] if found else "other"


def _name(text: str, position: int, state: str) -> tuple[_Name | None, bool]:
    """The addressee named at ``position`` (after its determiners) and whether the list knows it."""
    determiners = ap.DETERMINERS.match(text, position)
    start = determiners.end()
    known = _name_at(text, start, state)
    if known:
        subset = ap.SUBSET.match(determiners.group(0)) and known.kind in ap.RESTRICTED_KINDS
        return _Name("specific_states" if subset else known.kind, position, known.end), True
    pronoun = ap.pronoun().match(text, start) if start == position else None
    if pronoun:
        return _Name(_last_named(text, position, state), position, pronoun.end()), True
    prefix = ap.PREFIX.match(text, start)
    narrowed = _name_at(text, prefix.end(), state) if prefix else None
    if narrowed:
        return _Name(narrowed.kind, position, narrowed.end), True
    actor = ap.actor_noun().match(text, start) or ap.PROPER_NAME.match(text, start)
    return (_Name("other", position, actor.end()), False) if actor else (None, False)


def _qualified(text: str, name: _Name, stop: int, in_list: bool = False) -> _Name:
    """The name with the words that narrow it ("that have relations with ..."), and its kind then."""
    qualifier = ap.QUALIFIER.match(text[:stop], name.end)
    if not qualifier or (in_list and ap.RELATIVE.match(text, name.end)):
        return name
    restricts = name.kind in ap.RESTRICTED_KINDS and not ap.RESTATES_ACTION.match(text, name.end)
    return _Name("specific_states" if restricts else name.kind, name.start, qualifier.end())


def _past_including(text: str, position: int, state: str) -> int:
    """Past an "including ..." part at ``position``, the name it gives and the rest of its item."""
    including = ap.INCLUDING.match(text, position)
    if not including:
        return position
    named, _ = _name(text, including.end(), state)
    return ap.REST_OF_ITEM.match(text, named.end if named else including.end()).end()


def _addressees(text: str, position: int, stop: int, state: str) -> tuple[list[_Name], int, bool]:
    """Addressees listed from ``position``, where the list ends and whether its first name is known."""
    found: list[_Name] = []
    end, first_known = position, False
    while end < stop:
        start = end
        if found:
            start = _past_including(text[:stop], end, state)
            separator = ap.SEPARATOR.match(text[:stop], start)
            if not separator:
                break
            start = separator.end()
        name, known = _name(text[:stop], start, state)
        if name is None:
            break
        first_known = first_known or (known and not found)
        name = _qualified(text, name, stop, in_list=bool(found))
        found.append(name)
        end = name.end
    return found, end, first_known


# --- verbs and their objects ---------------------------------------------------------------------


def _verbs(text: str) -> list[re.Match[str]]:
    """The asking verbs of a paragraph, in reading order: at its head, or after a connector."""
    found = []
    head = len(text) - len(text.lstrip())  # a match starting here or before stands at the head
    words = set(ap.WORDS.findall(text.translate(ap.APOSTROPHES).lower()))
    third_person, own_voice = ap.verb_heads()
    for match in ap.verbs().finditer(text) if not words.isdisjoint(third_person) else ():
        start = match.start()
        connector = ap.PARTICIPLE_CONNECTOR if ap.PARTICIPLE.match(match.group(0)) else ap.CONNECTOR
        if (start <= head or connector.search(text[max(start - 60, 0) : start])) and not ap.NOUN_USE.match(
            text, match.end()
        ):
            found.append(match)
    for match in ap.base_verbs().finditer(text) if not words.isdisjoint(own_voice) else ():
        start = match.start()
        if (start <= head and match.group(0)[0].isupper()) or ap.WE.search(text[max(start - 40, 0) : start]):
            found.append(match)
    found.sort(key=lambda match: match.start())
    return [match for index, match in enumerate(found) if not index or match.start() >= found[index - 1].end()]


def _action_start(text: str, end: int, stop: int, bare: bool) -> int | None:
    """Where the asked action begins after the addressees, or None when no action follows them."""
    if bare:
        return ap.BARE_ACTION.match(text, end).end()
    for pattern in (ap.INFINITIVE, ap.ASIDE_THEN_INFINITIVE, ap.LATER_INFINITIVE):
        match = pattern.match(text[:stop], end)
        if match:
            return match.end()
    return None


def _object(text: str, verb: re.Match[str], stop: int, context: Context) -> Iterator[tuple[_Name | None, str, int]]:
    """(addressee or None, kind, where the action starts) for each row the verb gives."""
    position = verb.end()
    aside = ap.ASIDE_AFTER_VERB.match(text[:stop], position)
    position = aside.end() if aside else ap.SPACE.match(text, position).end()
    that = ap.THAT.match(text, position) or (verb.group(0).lower().endswith("that") and ap.SPACE.match(text, position))
    bare = bool(that)
    object_start = position
    position = that.end() if that else position
    action = _action(verb.group(0))
    names, end, known = _addressees(text, position, stop, context.state)
    start = _action_start(text, end, stop, bare) if names else None
    if names and (start is not None or known):
        for name in names:
            yield name, "ask", start if start is not None else end
        return
    if action == "decides":
        if context.body:
            yield _Name(context.body, position, position), "self", position
        return
    actor_of = ap.ACTOR_OF.match(text[:stop], position)
    named, _ = _name(text[:stop], actor_of.end(), context.state) if actor_of else (None, False)
    if named and named.kind != "other":
        yield named, "ask", position
        return
    yield None, "ask", object_start


NO_CONTEXT = Context()


def find_asks(text: str, context: Context = NO_CONTEXT) -> list[Ask]:
    """Asks in one paragraph's text, in reading order; an ask's text ends where the next begins."""
    plain = text.translate(ap.APOSTROPHES)
    verbs = _verbs(plain)
    asks = []
    for index, verb in enumerate(verbs):
        stop = verbs[index + 1].start() if index + 1 < len(verbs) else len(text)
        phrase = text[verb.start() : verb.end()]
        # "Invites and encourages all States to ...": two verbs, one object.
        shared = index + 1 < len(verbs) and ap.SHARED_OBJECT.fullmatch(plain, verb.end(), stop)
        object_verb = verbs[index + 1] if shared else verb
        object_stop = (verbs[index + 2].start() if index + 2 < len(verbs) else len(text)) if shared else stop
        for name, kind, start in _object(plain, object_verb, object_stop, context):
            new_clause = ap.clause_break().search(plain, start, object_stop)
            action_text = ap.TRAILING.sub("", text[start : new_clause.start() if new_clause else object_stop])
            addressee_id = name.kind if name else "other"
            addressee_text = text[name.start : name.end].strip(" ,") if name and kind == "ask" else ""
            action = _action(verb.group(0))
            asks.append(Ask(addressee_id, addressee_text, action, phrase, action_text, verb.start(), kind))
    return asks


# --- a document's asks --------------------------------------------------------------------------------


def _open_asks(paragraph: Paragraph, own: list[Ask], inherited: list[Ask], has_children: bool) -> list[Ask]:
    """The asks a chapeau hands down: its last verb's when it ends in a colon, or what it inherited."""
    if not has_children or not paragraph.text.rstrip().endswith(":"):
        return []
    if not own:
        return inherited
    last = max(ask.verb_start for ask in own)
    return [ask for ask in own if ask.verb_start == last]


def document_asks(parsed: ParsedDocument, warnings: list[str]) -> list[tuple[Paragraph, Ask]]:
    """Every paragraph's asks, its own and those inherited from its chapeau, in reading order
    (a paragraph the analyser fails on is a warning added to ``warnings``)."""
    context = Context(state_concerned(parsed.meta.title), body_of(parsed))
    parents = {paragraph.parent_id for paragraph in parsed.paragraphs}
    handed_down: dict[str, list[Ask]] = {}
    result = []
    for paragraph, found in each_paragraph(parsed, "asks", lambda p: find_asks(p.text, context), warnings):
        own = [replace(ask, source_paragraph_id=paragraph.paragraph_id) for ask in found]
        inherited = [
            replace(ask, action_text=ap.TRAILING.sub("", paragraph.text), inherited=True)
            for ask in handed_down.get(paragraph.parent_id, [])
        ]
        handed_down[paragraph.paragraph_id] = _open_asks(paragraph, own, inherited, paragraph.paragraph_id in parents)
        result += [(paragraph, ask) for ask in inherited + own]
    return result
