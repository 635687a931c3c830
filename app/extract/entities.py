"""The people, organisations and groups a document talks about, and their names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.extract.given_names import given_name_sex, is_given_name
from app.extract.lexicon import (
    COMPANY_NOUNS,
    DISTINGUISHING_MODIFIERS,
    FEMALE_TITLES,
    LEADER_NOUNS,
    MALE_TITLES,
    PUBLIC_BODY_WORDS,
    TOP_ROLES,
    wordset,
)
from app.extract.mentions import RawMention, split_title
from app.extract.names import name_tokens, names_compatible, normalise_alias

# "a", "one", "another" ...: a phrase introducing someone, not pointing back to someone known.
INDEFINITE = re.compile(r"^(?:an?|one|some|another|several)\s+", re.IGNORECASE)
_HONORIFICS = wordset("mr mrs ms miss mx dr prof sir dame lord lady rev")
_SPOKES_ROLES = wordset(
    """
    spokesman spokeswoman spokesperson spokesmen official officials
    """
)


@dataclass
class Entity:
    """One speaker candidate, with every surface form the document uses for it."""

    kind: str  # "person" | "organisation" | "group"
    names: list[str] = field(default_factory=list)  # names as written, titles included
    aliases: list[str] = field(default_factory=list)  # every surface form incl. roles
    roles: list[str] = field(default_factory=list)  # lower-case role nouns
    description: str | None = None
    affiliation: str | None = None
    gender: str | None = None  # "m" | "f" | None when unknown

    @property
    def canonical(self) -> str:
        """The fullest name seen, titles stripped."""
        if self.kind != "person":
            return self.names[0]
        bare = [split_title(name)[1] or name for name in self.names]
        best = max(bare, key=lambda name: (len(name_tokens(name)), len(name)))
        return best.title() if best.isupper() and len(best) > 3 else best

    def add_alias(self, surface: str) -> None:
        if surface and normalise_alias(surface) not in {normalise_alias(a) for a in self.aliases}:
            self.aliases.append(surface)

    def add_role(self, description: str | None, role: str | None, affiliation: str | None) -> None:
        if description and not _is_honorific(description) and len(description.split()) > 1:
            self.description = self.description or description
            if not INDEFINITE.match(description):
                self.add_alias(description)  # "a defence analyst at ..." describes, not names
        if role and not _is_honorific(role):
            self.roles.append(role)
        if affiliation and not self.affiliation:
            self.affiliation = affiliation


class Registry:
    """All entities of one document; names resolve to the best-fitting entity."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.last_seen: dict[int, int] = {}  # id(entity) -> last offset mentioned
        # First and last name words -> people, so a name is compared with the few people who
        # could fit it rather than with everyone in a long document.
        self._people_by_word: dict[str, list[Entity]] = {}
        self._born: dict[int, int] = {}  # id(person) -> order of first appearance

    def note(self, entity: Entity, position: int) -> None:
        self.last_seen[id(entity)] = max(position, self.last_seen.get(id(entity), -1))

    def register_person(self, mention: RawMention) -> Entity:
        """Create or extend the person a full name ('Jens Stoltenberg') denotes."""
        title, bare = split_title(mention.text)
        gender = _gender_of(title, bare)
        entity = self._matching_person(mention.text, gender, None)
        if entity is None:
            entity = Entity("person", gender=gender)
            self._born[id(entity)] = len(self.entities)
            self.entities.append(entity)
        if mention.text not in entity.names:
            entity.names.append(mention.text)  # distinct forms: a name said 500 times is one
            self._index_name(entity, mention.text)
        entity.add_alias(mention.text)
        entity.add_role(mention.description, mention.role, mention.affiliation)
        entity.gender = entity.gender or gender
        return entity

    def person_for_name(
        self, mention: RawMention, position: int, create: bool = True
    ) -> Entity | None:
        """The person a name mention denotes, or None when it looks like an organisation."""
        title, bare = split_title(mention.text)
        gender = _gender_of(title, bare)
        entity = self._matching_person(mention.text, gender, position)
        if entity is None and not create:
            return None
        if entity is None:
            if len(name_tokens(bare)) < 2 and not title and not _is_given_name(bare):
                return None
            entity = self.register_person(mention)
        entity.add_alias(mention.text)
        entity.add_role(mention.description, mention.role, mention.affiliation)
        entity.gender = entity.gender or gender
        return entity

    def organisation(self, name: str) -> Entity:
        return self._collective("organisation", name)

    def named_organisation_like(self, phrase: str) -> Entity | None:
        """'the ministry' is the Ministry of Defence named earlier, or nobody we can name."""
        noun = normalise_alias(phrase).split(" ")[-1]
        for entity in reversed(self.entities):
            if entity.kind == "organisation" and noun in normalise_alias(entity.names[0]).split():
                return entity
        if noun not in COMPANY_NOUNS:
            return None
        # "the company said": the company named most recently, not a public body.
        companies = [
            e
            for e in self.entities
            if e.kind == "organisation"
            and id(e) in self.last_seen
            and not set(normalise_alias(e.names[0]).split()) & PUBLIC_BODY_WORDS
            and not e.names[0].isupper()
        ]
        return max(companies, key=lambda e: self.last_seen[id(e)]) if companies else None

    def existing_organisation(self, name: str) -> Entity | None:
        """The organisation 'Halcyon' names when 'Halcyon Foods' is known."""
        key = normalise_alias(name)
        for entity in self.entities:
            full = normalise_alias(entity.names[0])
            if entity.kind == "organisation" and (full == key or full.startswith(key + " ")):
                return entity
        return None

    def group(self, name: str) -> Entity:
        return self._collective("group", name)

    def person_for_role(self, mention: RawMention, position: int) -> Entity | None:
        """'the secretary-general' or 'Nato’s chief': the person introduced with that role."""
        candidates = [e for e in self.entities if e.kind == "person" and _role_fits(e, mention)]
        if not candidates:
            return None
        before = [e for e in candidates if self.last_seen.get(id(e), 10**9) <= position]
        chosen = max(before, key=lambda e: self.last_seen[id(e)]) if before else candidates[0]
        chosen.add_alias(mention.text)
        return chosen

    def organisation_for_role(self, mention: RawMention) -> Entity | None:
        """'a White House spokesman' speaks for the White House."""
        if mention.role in _SPOKES_ROLES and mention.affiliation:
            return self.organisation(mention.affiliation)
        return None

    def _collective(self, kind: str, name: str) -> Entity:
        key = normalise_alias(name)
        for entity in self.entities:
            if entity.kind == kind and normalise_alias(entity.names[0]) == key:
                entity.add_alias(name)
                return entity
        entity = Entity(kind, names=[name], aliases=[name])
        self.entities.append(entity)
        return entity

    def _index_name(self, entity: Entity, name: str) -> None:
        words = {*name_tokens(name)[:1], *name_tokens(name)[-1:]}
        words |= set(name_tokens(split_title(name)[1] or name)[-1:])
        for word in words:
            people = self._people_by_word.setdefault(word, [])
            if entity not in people:
                people.append(entity)

    def _people_named(self, tokens: list[str]) -> list[Entity]:
        """People with a name whose first or last word is the query's, in the order met."""
        words = tokens[-1:] if len(tokens) > 1 else tokens[:1]
        found = {id(e): e for w in words for e in self._people_by_word.get(w, [])}
        return sorted(found.values(), key=lambda e: self._born[id(e)])

    def _matching_person(
        self, surface: str, gender: str | None, position: int | None
    ) -> Entity | None:
        bare = split_title(surface)[1] or surface
        tokens = name_tokens(surface)
        if not tokens:
            return None
        fits = [
            e
            for e in self._people_named(tokens)
            if _fits(e, bare, tokens) and (gender is None or e.gender in (None, gender))
        ]
        if len(fits) > 1 and gender is not None:
            # "Ms Berg" with Anna and Tomas Berg about: the one known to be a woman.
            fits = [e for e in fits if e.gender == gender] or fits
        if len(fits) <= 1:
            return fits[0] if fits else None
        exact = [e for e in fits if any(split_title(n)[1] == bare for n in e.names)]
        if len(exact) == 1:
            return exact[0]
        # "Cruz" after "Ted Cruz ... Cruz said ... Heidi Cruz": whoever was already called
        # by the bare surname keeps it, rather than the relative named last.
        called = [e for e in fits if any(split_title(a)[1] == bare for a in e.aliases)]
        if len(called) == 1:
            return called[0]
        # Two people share a surname: the one mentioned most recently is meant.
        seen = [e for e in fits if position is None or self.last_seen.get(id(e), 10**9) <= position]
        pool = seen or fits
        return max(pool, key=lambda e: self.last_seen.get(id(e), -1))


def _fits(entity: Entity, bare: str, tokens: list[str]) -> bool:
    if len(tokens) == 1:
        return any(
            tokens[0] in (name_tokens(n)[-1:] + name_tokens(n)[:1]) for n in entity.names if n
        )
    return any(names_compatible(bare, split_title(n)[1] or n) for n in entity.names)


def _role_fits(entity: Entity, mention: RawMention) -> bool:
    role = mention.role or ""
    if not entity.roles:
        return False
    same_role = any(r == role or _same_role_modified(r, role) for r in entity.roles)
    leader = role in LEADER_NOUNS and any(r.split()[-1] in TOP_ROLES for r in entity.roles)
    if not (same_role or leader):
        return False
    wanted = mention.affiliation
    return wanted is None or _same_organisation(wanted, entity.affiliation)


def _same_role_modified(held: str, role: str) -> bool:
    """'foreign minister' is a minister; 'shadow chancellor' is not the chancellor."""
    if not held.endswith(" " + role):
        return False
    return not any(word in DISTINGUISHING_MODIFIERS for word in held[: -len(role)].split())


def _same_organisation(a: str, b: str | None) -> bool:
    if b is None:
        return False
    na, nb = normalise_alias(a), normalise_alias(b)
    return na == nb or na in nb or nb in na


def _gender_of(title: str, bare: str) -> str | None:
    words = {w.rstrip(".").lower() for w in title.split()}
    if words & MALE_TITLES:
        return "m"
    if words & FEMALE_TITLES:
        return "f"
    tokens = name_tokens(bare)
    # A lone word is a surname far more often than a first name in news copy ("Clinton said").
    return given_name_sex(tokens[0]) if len(tokens) >= 2 else None


def _is_given_name(bare: str) -> bool:
    tokens = name_tokens(bare)
    return len(tokens) == 1 and is_given_name(tokens[0])


def _is_honorific(text: str) -> bool:
    return all(w.rstrip(".").lower() in _HONORIFICS for w in text.split())
