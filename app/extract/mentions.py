"""Speaker mentions: the names, titles, roles, groups and pronouns that can stand for a speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.extract.given_names import is_given_name
from app.extract.lexicon import (
    DAY_AND_TIME_WORDS,
    DEMONYMS,
    DISTINGUISHING_MODIFIERS,
    DOCUMENT_NOUNS,
    NOT_NAME_WORDS,
    ORG_NOUNS,
    ORG_WORDS,
    PARTY_LABELS,
    PEOPLE_PLURALS,
    ROLE_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_OFFICES,
    TITLES,
    trie_pattern,
)
from app.extract.names import name_tokens

MentionKind = str  # "pronoun" | "name" | "role" | "group" | "org"


@dataclass(frozen=True, slots=True)
class RawMention:
    """A phrase that may denote a speaker, before it is resolved to an entity."""

    start: int
    end: int
    text: str
    kind: MentionKind
    description: str | None = None  # appositive or title role ("Nato’s secretary-general")
    role: str | None = None  # role head noun(s), lower case ("secretary-general")
    affiliation: str | None = None  # organisation in the role ("Nato")


def _alternation(words: frozenset[str]) -> str:
    return trie_pattern({w for word in words for w in (word, word.capitalize())})


_NOT_NAME = trie_pattern(NOT_NAME_WORDS)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĢĪĶĹĽŁŃŇŌŐŒŔŘŚŞŠŢŤŪŮŰŹŻŽ"
_WORD_BODY = rf"[{_UPPER}][\w\-]*(?:[’'][{_UPPER}][\w\-]+)?"
_TITLE_ABBREVIATION = trie_pattern(t.capitalize() for t in TITLE_ABBREVIATIONS)
# "Denver-based Frontier Airlines": the place a company is based in is not part of its name.
_NAME_WORD = (
    rf"(?!(?:{_NOT_NAME})\b|[\w\-]+-based\b)(?:(?:{_TITLE_ABBREVIATION})\.(?=[ \t]+[{_UPPER}])"
    rf"|[{_UPPER}]\.(?=\s)|{_WORD_BODY}(?![\w’']))"
)
_PARTICLE = r"(?:de|da|di|du|del|della|van|von|der|den|la|le|bin|ibn|al|el|ter|dos|das)"
NAME_CHAIN = rf"{_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_NAME_WORD}){{0,4}}"
_POSSESSOR = rf"(?:(?:{_NAME_WORD}[ \t]+){{0,3}}{_WORD_BODY}[’']s)"
# A name followed by a possessive "’s" ("Jens Stoltenberg's speech").
OWNER_CHAIN = rf"(?:{_NAME_WORD}[ \t]+){{0,3}}{_WORD_BODY}"
# Organisation names may contain connectives: "Ministry of Defence", "Institute for ...".
ORG_CHAIN = rf"{_NAME_WORD}(?:[ \t]+(?:(?:of|for|and|on|the|de)[ \t]+){{0,2}}{_NAME_WORD}){{0,7}}"
# "Commission on Presidential Debates", "Committee for a Responsible Federal Budget", "United
# States Citizenship and Immigration Services": a body's name with its connectives, found by the
# word that makes it a body.
_ORG_WORD = rf"(?:{trie_pattern(w.capitalize() for w in ORG_WORDS if w.isalpha())})(?![\w’'])"
_CONNECTIVE = r"(?:on|of|for|for[ \t]+a|at[ \t]+the|and)"
_ORG_TAIL = rf"(?:[ \t]+{_CONNECTIVE}[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}})"
_HEADED_ORG = (
    rf"(?:(?:{_NAME_WORD}[ \t]+){{1,3}}(?:and|of|for)[ \t]+(?:{_NAME_WORD}[ \t]+){{0,2}}"
    rf"{_ORG_WORD}{_ORG_TAIL}*|(?:{_NAME_WORD}[ \t]+){{0,3}}{_ORG_WORD}{_ORG_TAIL}+)"
)
_DETERMINER = (
    r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|"
    r"[Oo]ther|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Bb]oth|[Ss]enior|[Ff]ormer|[Oo]ur|[Mm]y|[Yy]our)"
)
_STOP_MODIFIERS = (
    r"(?i:and|but|or|that|who|which|when|while|after|before|because|said|says|told|has|have|had|"
    r"is|was|were|are|will|would|to|of|in|on|at|for|with|by|from|as|than|then|also|not)"
)
_MODIFIER = rf"(?!{_STOP_MODIFIERS}\b)(?:[\w\-]+)"
# "a person familiar with the matter", "people close to the talks": anonymous sources.
_FAMILIAR = (
    r"(?:[ \t]+(?:familiar[ \t]+with|close[ \t]+to|briefed[ \t]+on|with[ \t]+knowledge[ \t]+of|"
    r"involved[ \t]+in)[ \t]+(?:the[ \t]+|their[ \t]+|its[ \t]+|his[ \t]+|her[ \t]+)?[\w\-]+)"
)
# "one of the people", "some of those investors".
_PART_OF = (
    r"(?:(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ss]ome|[Mm]any|[Mm]ost|[Aa]ll|[Ee]ach|[Bb]oth|[Nn]one|[Ss]everal)"
    r"[ \t]+of[ \t]+(?:the|those|these|them|its|their)[ \t]+)"
)
_LOWER_MODIFIER = rf"(?!{_STOP_MODIFIERS}\b)[a-z][\w\-]*"
_ROLE = rf"(?:{_alternation(ROLE_NOUNS)})"
_GROUP = rf"(?:{_alternation(PEOPLE_PLURALS)})"
_ORG_NOUN = rf"(?:{_alternation(ORG_NOUNS)})"
_DOCUMENT = rf"(?:{_alternation(DOCUMENT_NOUNS)})"
_DEMONYM = trie_pattern(DEMONYMS)

_MENTION = rf"""
    (?P<pronoun>\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b)
  | (?P<document>(?:{_DETERMINER}[ \t]+)?(?P<docorg>{NAME_CHAIN})[ \t]+{_DOCUMENT}\b)
  | (?P<authored>{_DETERMINER}[ \t]+(?:{_MODIFIER}[ \t]+){{0,2}}?{_DOCUMENT}\b
        (?:[ \t]+[^,.;:“”\"]{{0,60}}?)?[ \t]+by[ \t]+(?:the[ \t]+)?(?P<docby>{ORG_CHAIN}))
  | (?P<descriptor>[Tt]he[ \t]+(?:\d+-year-old|(?:{_DEMONYM}))\b)
  | (?P<role>(?:(?:{_DETERMINER}|(?P<possessor>{_POSSESSOR}))[ \t]+)
        (?:{_MODIFIER}[ \t]+){{0,3}}?(?P<rolehead>{_ROLE})\b(?![ \t]+{_NAME_WORD})
        (?:[ \t]+(?:of|for|at|from)[ \t]+(?:the[ \t]+)?(?P<roleorg>{ORG_CHAIN}))?
        {_FAMILIAR}?)
  | (?P<group>(?:{_PART_OF}|{_DETERMINER}[ \t]+)?(?:{_MODIFIER}[ \t]+){{0,2}}?{_GROUP}
        (?:[ \t]+and[ \t]+(?:{_MODIFIER}[ \t]+)?{_GROUP})?\b{_FAMILIAR}?
        (?:[ \t]+(?:in|on|at|from)[ \t]+(?:the[ \t]+)?{NAME_CHAIN})?)
  | (?P<orgnoun>(?:[Tt]he|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)[ \t]+{_ORG_NOUN}\b)
  | (?P<docbare>(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t]+
        (?:{_LOWER_MODIFIER}[ \t]+){{0,2}}?{_DOCUMENT}\b)
  | (?P<name>(?P<lead>(?:{_DETERMINER}|{_POSSESSOR})[ \t]+(?:{_MODIFIER}[ \t]+){{0,2}}?
        {_LOWER_MODIFIER}[ \t]+|(?:{_LOWER_MODIFIER}[ \t]+){{1,2}}?)?
        (?P<bare>[Tt]he[ \t]+{ORG_CHAIN}|{NAME_CHAIN}))
"""
# A US lawmaker's party and state: "Rep. Tom Hale (R-Ohio)", "Sen. Maria Lopez, D-Ariz.,".
_PARTY_TAG = (
    r"(?:[ \t]*\([RDI]-[A-Z][A-Za-z. ]{0,16}\)"
    r"|,[ \t]+[RDI]-[A-Z][A-Za-z.]{0,12}(?:[ \t][A-Z][A-Za-z.]{0,12})?,(?=[ \t]))?"
)
# Full stops inside an appositive are abbreviations: "the U.S. attorney", "a St. Louis lawyer".
_APPOSITIVE = (
    _PARTY_TAG
    + r"(?:,[ \t]+(?P<appositive>(?!(?:and|but|which)\b)"
    + r"(?:[^,;:“”\"\n.!?]|[.](?!\s)|(?<=\b[A-Z])[.]|(?<=\bSt)[.]){1,160}?),)?"
)
_TRAILING_ADVERBIALS = (
    r"(?P<adverbials>(?:[ \t]+(?:"
    + "|".join(sorted(DAY_AND_TIME_WORDS, key=len, reverse=True))
    + r"))*)"
)
# Lower or capitalised: "Hale on Tuesday said", "Hale yesterday said".
_ALL_ADVERBIALS = trie_pattern(
    DAY_AND_TIME_WORDS | frozenset(w.capitalize() for w in DAY_AND_TIME_WORDS)
)
_DISTINGUISHING = re.compile(
    r"\b(?:" + "|".join(sorted(DISTINGUISHING_MODIFIERS, key=len, reverse=True)) + r")(?=[\s\-])",
    re.IGNORECASE,
)

MENTION_AT = re.compile(rf"(?:{_MENTION}){_APPOSITIVE}", re.VERBOSE)
# A mention starts a word: failing fast mid-word keeps the backwards search cheap.
MENTION_BEFORE = re.compile(
    rf"(?<![\w’'\-])(?:{_MENTION}){_APPOSITIVE}(?:[ \t]+(?:{_ALL_ADVERBIALS})\b)*[ \t]*,?[ \t]*$",
    re.VERBOSE,
)
NAME_CHAIN_RE = re.compile(NAME_CHAIN)
# Tried at one position only (they are too costly for MENTION_BEFORE's backward search):
# 'GOP strategist Keith Nahigian', and a body's name with its connectives.
_TITLED = re.compile(
    rf"(?P<titled>(?:(?:{_LOWER_MODIFIER}|{NAME_CHAIN})[ \t]+){{0,4}}?"
    rf"(?P<titlerole>(?=[a-z]){_ROLE})[ \t]+(?P<titledname>{NAME_CHAIN}))(?![\w’'])"
)
_ORG_AT = re.compile(rf"(?:[Tt]he[ \t]+)?(?:{_LOWER_MODIFIER}[ \t]+)?(?P<orgname>{_HEADED_ORG})")
_ORG_ENDING = re.compile(rf"(?<![\w’'\-])(?P<orgname>{_HEADED_ORG})$")
_PERSON_OF = re.compile(
    rf"(?<![\w’'\-])({NAME_CHAIN})[ \t]+(?:of|from|at|with)[ \t]+(?:the[ \t]+)?$"
)
# Leading words that are a title or a role, not part of the name: "Chief Executive Dana Whitfield".
_TITLE_WORDS = TITLES | ROLE_NOUNS | TITLE_ABBREVIATIONS | PARTY_LABELS
OWNER_RE = re.compile(rf"({OWNER_CHAIN})[’']s\b")
_ROLE_IN_APPOSITIVE = re.compile(rf"\b{_ROLE}\b")
_ROLE_BEFORE_WORDS = ROLE_NOUNS - TITLES
_ROLE_BEFORE_NAME = re.compile(
    rf"(?<![\w’'\-])(?:(?P<org>{NAME_CHAIN})[ \t]+)?"
    rf"(?P<role>(?:[a-z][\w\-]*[ \t]+){{0,2}}?{_alternation(ROLE_NOUNS - TITLES)})[ \t]+$"
)
_AFFILIATION_IN_APPOSITIVE = re.compile(
    rf"(?:\b(?:at|of|for|with|from)[ \t]+(?:the[ \t]+)?(?P<org>{ORG_CHAIN}))|(?P<poss>{_POSSESSOR})"
)
# "a climatologist at ETH Zurich": a noun phrase describing the person, known role or not.
_DESCRIPTIVE_START = re.compile(rf"(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|{_POSSESSOR})\s")
_BEFORE_PREPOSITION = re.compile(r"\s+(?:at|of|for|with|from|in|on|who|which)\s+")
_RELATIVE_OR_AGE = re.compile(r"(?:who|whose|\d{1,3}\b)")
_POSSESSIVE_PREFIX = re.compile(r"^.*[’']s\s+")
_LEADING_ARTICLE = re.compile(r"^(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+")


def mention_at(text: str, position: int, end: int) -> RawMention | None:
    """The speaker phrase starting at position ("said Mr Stoltenberg" → "Mr Stoltenberg")."""
    titled = _TITLED.match(text, position, end)
    if titled is not None and (person := _titled_name(text, titled)) is not None:
        return person
    body = _ORG_AT.match(text, position, end)
    if body is not None:
        return RawMention(body.start("orgname"), body.end("orgname"), body["orgname"], "org")
    match = MENTION_AT.match(text, position, end)
    if match is None:
        return None
    found = _to_mention(text, match)
    if found is None and match.group("appositive"):
        # "Daniel Okoye, started a petition that gathered 12,000 ...": no appositive after all.
        comma = text.rfind(",", position, match.start("appositive"))
        retry = MENTION_AT.match(text, position, comma) if comma > position else None
        found = _to_mention(text, retry) if retry else None
    return found


def mention_before(text: str, start: int, position: int) -> RawMention | None:
    """The speaker phrase ending just before position ("Mr Stoltenberg said" → "Mr Stoltenberg")."""
    floor = max(start, position - 240)
    match = MENTION_BEFORE.search(text, floor, position)
    found = _to_mention(text, match) if match else None
    if found is not None and found.kind in ("name", "org"):
        return _person_of(text, floor, found) or _whole_body(text, floor, found) or found
    return found


def _whole_body(text: str, floor: int, found: RawMention) -> RawMention | None:
    """'Commission on Presidential Debates' when the search stopped at 'Presidential Debates'."""
    body = _ORG_ENDING.search(text, max(floor, found.start - 120), found.end)
    if body is None or body.start("orgname") >= found.start:
        return None
    return RawMention(body.start("orgname"), found.end, body["orgname"], "org")


def _person_of(text: str, floor: int, body: RawMention) -> RawMention | None:
    """'Rachel Kim of the Brookings Institution said': the person speaks, the body is hers."""
    owner = _PERSON_OF.search(text, max(floor, body.start - 80), body.start)
    if owner is None:
        return None
    name = owner.group(1)
    if is_org_name(name) or len(name_tokens(split_title(name)[1])) < 2:
        return None
    return RawMention(owner.start(1), owner.end(1), name, "name", None, None, body.text)


def role_before(text: str, floor: int, position: int) -> tuple[str, str, str | None] | None:
    """'United boss' before 'Gary Fenwick', 'defender' before 'Jamie Holt': (description, role,
    affiliation) of a role written in front of a name."""
    head = text[max(floor, position - 30) : position].rstrip()
    if head.rsplit(None, 1)[-1:] and head.rsplit(None, 1)[-1] not in _ROLE_BEFORE_WORDS:
        return None  # cheap test first: the word before the name must be a role noun
    found = _ROLE_BEFORE_NAME.search(text, max(floor, position - 80), position)
    if found is None:
        return None
    role = found.group("role").lower()
    return found.group(0).strip(), role, found.group("org")


def appositive_description(appositive: str) -> tuple[str | None, str | None, str | None]:
    """(description, role, affiliation) from "Nato’s secretary-general" and the like."""
    words = appositive.split()
    if not words or words[0].lower() in ("who", "which", "whose", "and", "but"):
        return None, None, None
    role_match = _ROLE_IN_APPOSITIVE.search(appositive)
    # "senior associate for organizing at the Annenberg Institute" is a job at a body too.
    job_at_a_body = appositive[:1].islower() and _AFFILIATION_IN_APPOSITIVE.search(appositive)
    if role_match is None and not _DESCRIPTIVE_START.match(appositive) and not job_at_a_body:
        return None, None, None
    affiliation = None
    found = _AFFILIATION_IN_APPOSITIVE.search(appositive)
    if found:
        affiliation = found.group("org") or found.group("poss")[:-2]
    if role_match is not None:
        role_text = appositive[: role_match.end()]
    else:
        role_text = _BEFORE_PREPOSITION.split(appositive, maxsplit=1)[0]
    role = _strip_article(_POSSESSIVE_PREFIX.sub("", role_text)).lower()
    return appositive.strip(), role or None, affiliation


@lru_cache(maxsize=8192)
def split_title(chain: str) -> tuple[str, str]:
    """("NATO Secretary-General", "Jens Stoltenberg") from a name chain with a title in front."""
    words = chain.split()
    last_title = -1
    for index, word in enumerate(words[:-1]):
        if word.rstrip(".").lower() in _TITLE_WORDS:
            last_title = index
    return " ".join(words[: last_title + 1]), " ".join(words[last_title + 1 :])


def is_org_name(name: str) -> bool:
    """Organisations: acronyms ('NATO') or names containing 'Council', 'Ministry', 'House' ..."""
    words = name.split()
    if len(words) == 1 and (words[0].isupper() and len(words[0]) >= 2):
        return True
    return any(word.lower().strip(".,") in ORG_WORDS for word in words)


def _to_mention(text: str, match: re.Match[str]) -> RawMention | None:
    groups = match.groupdict()
    start = match.start()
    description, role, affiliation = None, None, None
    appositive = groups.get("appositive")
    if appositive:
        if groups["name"] and _is_person_name(groups["bare"]) and _is_place(appositive):
            # "Sharon Vale, Birmingham, said": a person and her home town.
            return _name_mention(text, match, None, None, None)
        named = _name_in_appositive(text, match)
        if named is not None:
            return named
        description, role, affiliation = appositive_description(appositive)
        if description is None and not _RELATIVE_OR_AGE.match(appositive):
            return None  # a list of names or places, not an appositive of the speaker
    if groups["pronoun"]:
        return RawMention(start, match.end("pronoun"), groups["pronoun"], "pronoun")
    if groups["document"]:
        org = groups["docorg"]
        return RawMention(match.start("docorg"), match.end("docorg"), org, "org")
    if groups["authored"]:
        return RawMention(match.start("docby"), match.end("docby"), groups["docby"], "org")
    if groups["descriptor"]:
        end = match.end("descriptor")
        return RawMention(start, end, text[start:end], "descriptor")
    aged = appositive is not None and appositive.strip().isdigit()
    if groups["role"] and aged and groups["rolehead"].lower() not in TITLES:
        # "The singer, 27, posted ...": an occupation and an age, the person in focus.
        end = match.end("role")
        return RawMention(start, end, text[start:end], "descriptor")
    if groups["role"]:
        end = match.end("role")
        role = groups["rolehead"].lower()
        modifier = _DISTINGUISHING.search(text, start, match.start("rolehead"))
        if modifier is not None:
            role = f"{modifier.group(0).lower()} {role}"  # "the shadow chancellor"
        owner = groups["possessor"][:-2] if groups["possessor"] else groups["roleorg"]
        if owner is None:
            owner = _capitalised_modifier(groups["role"])
        return RawMention(start, end, text[start:end], "role", text[start:end], role, owner)
    if groups["group"]:
        end = match.end("group")
        return RawMention(start, end, text[start:end], "group")
    if groups["orgnoun"] or groups["docbare"]:
        end = match.end("orgnoun") if groups["orgnoun"] else match.end("docbare")
        return RawMention(start, end, text[start:end], "org")
    return _name_mention(text, match, description, role, affiliation)


def _titled_name(text: str, match: re.Match[str]) -> RawMention | None:
    """'Trump spokesperson Ron Lieberman', 'GOP strategist Keith Nahigian': the person, with
    the words before the name as the role and the organisation in them as the affiliation."""
    start, end = match.start("titledname"), match.end("titledname")
    name = split_title(text[start:end])[1]
    if not name or is_org_name(name):
        return None
    description = text[match.start("titled") : start].strip()
    owner = _capitalised_modifier(description)
    role = match.group("titlerole").lower()
    return RawMention(start, end, text[start:end], "name", description, role, owner)


def _is_person_name(chain: str) -> bool:
    tokens = name_tokens(split_title(chain)[1])
    return len(tokens) >= 2 and is_given_name(tokens[0])


def _is_place(appositive: str) -> bool:
    """One or two capitalised words, as in a town or state after a name."""
    words = appositive.split()
    return len(words) <= 2 and NAME_CHAIN_RE.fullmatch(appositive.strip()) is not None


def _name_in_appositive(text: str, match: re.Match[str]) -> RawMention | None:
    """'Its chair, Robert Ainslie, said': the name in commas is the speaker, the role its label."""
    start, end = match.start("appositive"), match.end("appositive")
    name = NAME_CHAIN_RE.fullmatch(text, start, end)
    if name is None or match.group("pronoun"):
        return None
    head = text[match.start() : match.start("appositive") - 2]
    _, role, affiliation = appositive_description(head)
    title, bare = split_title(text[start:end])
    if (is_org_name(bare) and not title) or not bare:
        return None
    if match.group("name") and _is_person_name(match.group("bare")):
        return None  # 'MARTIN CALLOWAY, Assistant District Attorney,': the title is his
    return RawMention(start, end, text[start:end], "name", head, role or None, affiliation)


def _name_mention(
    text: str,
    match: re.Match[str],
    description: str | None,
    role: str | None,
    affiliation: str | None,
) -> RawMention | None:
    start, end = match.start("bare"), match.end("bare")
    surface = text[start:end]
    article = _LEADING_ARTICLE.match(surface)
    if article:
        start += article.end()
        surface = text[start:end]
    title, name = split_title(surface)
    if not name:
        return None
    if title and description is None:
        description = title
        role = title.split()[-1].lower().rstrip(".")
        role = TITLE_OFFICES.get(role, role)
        words = title.split()
        first_role = next(
            (i for i, w in enumerate(words) if w.rstrip(".").lower() in _TITLE_WORDS), len(words)
        )
        affiliation = " ".join(words[:first_role]) or None  # "Halcyon" in "Halcyon Chief ..."
    kind = "org" if article or (is_org_name(name) and not title) else "name"
    return RawMention(start, end, surface, kind, description, role, affiliation)


def _capitalised_modifier(role_phrase: str) -> str | None:
    """'the US president' → 'US'; 'a White House spokesman' → 'White House'."""
    found = NAME_CHAIN_RE.search(role_phrase)
    return found.group(0) if found else None


def _strip_article(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text.strip())
