"""Actors and places: gazetteer lookups, title patterns and in-article reference resolution.

Matching runs over word tokens (`\\w+` runs) whose folded forms are looked up in a dictionary
keyed by the first token, so one pass over a sentence costs a few dict lookups per token.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from operator import attrgetter
from typing import Optional, Sequence

from ..schema.vocab import edtf_bounds
from .text import fold, slug, strip_accents
from .types import ActorMention, ActorRef, Sentence, Span

# The gazetteer.yaml release this code expects; bump together with the file's `version`.
GAZETTEER_VERSION = "2025.11.10"

_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
_POSSESSOR = re.compile(r"\w+['’]s\b")
# What may separate two tokens of one name ("U.S.", "al-Assad", "Kassym-Jomart", "Côte d'Ivoire").
_JOIN = re.compile(r"[ \t\u00a0\-.'’]{1,3}")
_NAME_JOIN = re.compile(r"[ \t\u00a0\-]{1}|\. ")

# Styles of clergy and scholars: like courtesy titles they precede a name, but serve no state
# ("Archbishop X", "Professor Y"). Not "bishop" or "imam": common surnames too.
_STYLES = frozenset("archbishop cardinal pope patriarch professor rabbi".split())
# Words a title is made of. HEADS name an office or role; a run of title words needs one.
_HEADS = _STYLES | frozenset(
    "president minister chancellor premier spokesperson spokesman spokeswoman aide adviser advisor "
    "envoy ambassador secretary king queen prince emir sheikh sultan leader diplomat chairman "
    "chairwoman chair speaker commissioner representative negotiator counterpart head chief "
    "director emperor empress governor mayor admiral colonel marshal critic commander official".split()
)
_MODIFIERS = frozenset(
    "deputy vice first acting former then senior top special presidential foreign defence defense "
    "interior finance economy economic trade energy justice security national state general prime "
    "crown supreme high press ministry office affairs administration staff council intelligence "
    "policy external parliamentary parliament chief labour labor europe european cabinet commerce "
    "industry international bureau major lieutenant brigadier armed forces field government strategic "
    "service military relations republic presidency chancellery".split()
)
_CONNECTORS = frozenset({"of", "the", "for"})
# Capitalised portfolio words a title may name after "for"/"of" ("Commissioner for Internal Affairs
# and Migration", "Minister of Health"); after a connector they belong to the title, not the name.
_PORTFOLIO = frozenset(
    "internal home migration immigration asylum health justice economy finance trade energy climate "
    "environment development cooperation digital enlargement neighbourhood neighborhood education "
    "agriculture transport industry labour labor employment culture tourism commerce investment "
    "innovation science technology fisheries oceans maritime infrastructure housing interior "
    "relations integration humanitarian aid equality competition budget taxation women youth "
    "veterans borders communications information treasury welfare family planning resources "
    "mining petroleum water reform university universities research sport sports".split()
)
# Bodies an office holder heads: "Office of the President" names the body, not the person.
_INSTITUTIONS = frozenset({"office", "bureau", "ministry", "administration", "council", "cabinet"})
_TITLE_WORDS = _HEADS | _MODIFIERS
_PURE_MODIFIERS = _MODIFIERS - _HEADS
_HEAD_WORDS = _HEADS | {"general"}  # what makes a run of title words an office (see _title_run)
# Dropped from the title the article gives ("a top adviser" -> "Adviser").
_TITLE_STRIP = frozenset({"top", "senior", "then", "former", "the"})
# Capitalised in a normalised title; other words are lower case (Kremlin spokesperson).
_FORMAL = frozenset(
    "president presidential vice deputy first prime minister ministry foreign defence defense "
    "interior affairs secretary state general chancellor head administration staff national "
    "security council press king queen crown prince emir sheikh sultan supreme leader premier chairman relations "
    "chairwoman speaker high representative commissioner external office special envoy "
    "intelligence organization cabinet emperor governor general commerce industry international "
    "bureau major lieutenant brigadier strategic service commander republic presidency chancellery".split()
) | _STYLES
# Verbs of saying: a person next to one is the speaker of the sentence ("Ushakov said", "he added").
_SPEECH_VERBS = frozenset(
    "said says added adds told tells stressed noted insisted argued warned explained wrote writes replied "
    "continued declared asserted cautioned recalled acknowledged remarked emphasised emphasized "
    "underlined urged".split()
)
_DETERMINERS = frozenset({"the", "his", "her", "its", "their", "our", "a", "an"})
_PRONOUNS = {"he": None, "him": None, "his": None, "she": "f", "her": "f"}
_SCAN_WORDS = _TITLE_WORDS | frozenset(_PRONOUNS)  # the plain words a sentence scan acts on (see _scan)
_OBJECT_PRONOUNS = frozenset({"him"})
# Titles only a woman holds ("spokeswoman", "Queen", "Mrs").
_FEMALE_TITLE = re.compile(r"(?i)\b(?:\w+woman|queen|princess|empress|sheikha|mrs|ms|madam)\b")  # "her" may be a possessive, which can refer to the subject
# Nouns after a demonym that make it stand for the state ("the Turkish side", "Russian officials").
_STATE_NOUNS = frozenset(
    "government officials official side delegation delegations authorities leadership "
    "administration military army forces troops ministry embassy diplomats negotiators parliament "
    "presidency counterparts partners relations ties talks negotiations state".split()
)
_STATE_NOUN_MODIFIERS = frozenset(
    "foreign defence defense interior armed security presidential state central top senior".split()
)
# Capitalised words that never begin or continue a person's name.
_NOT_NAME = frozenset(
    "the a an and or but of in on at to for with from by as after before during since while "
    "this that these those he she his her it its they we i you monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september october "
    "november december says said will would meets met visits visited holds held calls called "
    "talks meeting summit news update however also earlier later today yesterday tomorrow "
    "according mr mrs ms dr sir".split()
)
# Head nouns that end the name of a building or body, never of a person ("Carthage Palace", "Border Committee").
_NOT_PERSON_HEADS = frozenset(
    "palace committee commission council ministry parliament assembly embassy airport hotel university "
    "secretariat agency department centre center building square avenue".split()
)
_PARTICLES = frozenset(
    {"bin", "bint", "ibn", "al", "el", "da", "de", "del", "dos", "das", "do", "di", "von", "van", "der", "den",
     "ter", "abu", "ben", "la", "le"}
)
# Arabic articles a surname may drop ("al-Sisi" ~ "Sisi").
_ARTICLES = frozenset({"al", "el"})
# Particles that stay part of the short form of a name ("bin Salman", "von der Leyen").
_SURNAME_PARTICLES = frozenset({"bin", "bint", "ibn", "von", "van", "der", "den", "ter"})
# Lower-case words a known name may begin with ("bin Salman", "al-Sisi").
_LOWER_NAME_STARTS = _SURNAME_PARTICLES | _ARTICLES
# States whose people English news calls by the first written name: the family name (Xi, Lee).
_FAMILY_FIRST_STATES = frozenset({"KOR", "PRK", "CHN", "TWN", "HKG", "MAC"})
# States without family names, where news uses either the given name (Abiy) or the father's name.
_GIVEN_NAME_STATES = frozenset({"ETH", "ERI"})
# Lower-case words after a hyphen that end a name rather than continue it ("a Petrov-led team").
_HYPHEN_SUFFIXES = frozenset(
    "led backed based born run owned brokered style era made sponsored funded designate elect "
    "era linked aligned allied friendly".split()
)
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Words after a demonym that make it describe a place, not an allegiance ("the Japanese capital").
_PLACE_NOUNS = frozenset("capital city port town border coast island islands region province".split())
# Titles of courtesy that may precede an office holder's name without being the office.
_HONORIFICS = frozenset({"prince", "princess", "sheikh", "sheikha", "king", "queen", "emir", "sultan"})
# Military ranks: like courtesy titles, they name no office ("Major General X", the chief of staff).
_RANKS = frozenset("general major lieutenant brigadier admiral colonel marshal field".split())
# A state or capital after one of these is a place, not the government acting.
_LOCATIVE = frozenset(
    "in to at near into from via toward towards inside outside visit visits visited visiting "
    "reach reached arrive arrived arrives arriving toured touring tours".split()
)
# Words that make an unplaced office holder the host of a visit's scene ("talks with", "called on").
_MEETING_CUES = frozenset(
    "met meet meets meeting talks talk session sessions counterpart received receives hosted hosts host "
    "joined join called call calls welcomed welcomes greeted audience".split()
)
# Words that make the first person of a sentence travel to the place it names.
_TRAVEL_CUES = frozenset(
    "travel travels travelled traveled travelling traveling visit visits visited visiting fly flies flew "
    "arrive arrives arrived arriving trip heads headed head led leads due expected".split()
)
# A news dateline: "HANOI, Aug 11 (Wire) -", "MEXICO CITY —", "ABUJA/NIAMEY —", "ISLAMABAD (AP) —".
_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.'’ -]*[A-Z.])(?:/[A-Z][A-Z.'’ -]*)*(?:\s*\([^()]{1,40}\))?\s*(?:,|—|–|--|-\s)")
# Words before "to" that make it no destination ("according to Qatar's ministry").
_NOT_TO_PLACE = frozenset("according due thanks owing close next contrary".split())
_PLACE_DESCRIPTORS = frozenset(
    "the city of capital metropolis resort port town coastal southern northern eastern western "
    "central black sea caspian mediterranean gulf red northeastern northwestern southeastern "
    "southwestern".split()
)


@dataclass(frozen=True)
class Place:
    """A location named in text: a city or a state, with the preposition before it if any."""

    span: Span
    name: str
    country: str
    kind: str  # city | state
    preposition: Optional[str] = None


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity."""

    key: str
    name: str
    kind: str  # person | organization | state | city
    country: Optional[str] = None
    title: Optional[str] = None
    wikidata_id: Optional[str] = None
    gender: Optional[str] = None
    aliases: tuple[str, ...] = ()
    former: bool = False  # no longer holds `title` as of the gazetteer version
    surname: Optional[str] = None  # how the article may shorten the name after a full mention
    terms: tuple[tuple[dt.date, Optional[dt.date]], ...] = ()  # when `title` was held; empty: unknown

    def in_office(self, day: Optional[dt.date]) -> bool:
        """Tell whether the person held `title` on a day (with no day: holds it now)."""
        if day is None or not self.terms:
            return not self.former
        return any(start <= day and (end is None or day <= end) for start, end in self.terms)


@dataclass(frozen=True)
class Surface:
    """One written form of an entry, as folded tokens plus the capitalisation it requires."""

    key: str
    how: str  # name | alias | surname | state | metonym | seat | demonym | city
    tokens: tuple[str, ...]
    caps: tuple[int, ...]  # per token: 0 any case, 1 capital initial, 2 all capitals
    dotted: bool  # the form ends with "." (U.S.)


class Token:
    """A word (a `_WORD` run) of a sentence; among its items (see `_items`) also a gazetteer form."""

    # Slots, not a named tuple: the scans read these attributes far more often than they build tokens.
    __slots__ = ("text", "start", "end", "folded", "low", "surface", "how")

    def __init__(self, text: str, start: int, end: int, folded: str, low: str,
                 surface: Optional[Surface] = None, how: Optional[str] = None) -> None:
        self.text, self.start, self.end, self.folded, self.low = text, start, end, folded, low
        self.surface = surface
        self.how = how  # surface.how, read often enough to store


class Gazetteer:
    """Entities indexed by folded written form."""

    def __init__(self, data: dict) -> None:
        self.version = str(data.get("version"))
        self.entries: dict[str, Entry] = {}
        self.actor_index: dict[str, list[Surface]] = {}
        self.place_index: dict[str, list[Surface]] = {}
        self._by_fold: dict[str, list[str]] = {}
        self._state_fold: dict[str, str] = {}
        self.demonyms: frozenset[str] = frozenset()
        self.capitals: dict[str, str] = {}  # ISO3 -> the capital its first metonym names
        self._load(data)
        # What an actor form can start with: a one-token form, or the first two tokens of a longer one.
        self.actor_words = frozenset(s.tokens[0] for forms in self.actor_index.values() for s in forms
                                     if len(s.tokens) == 1)
        self.actor_pairs = frozenset(s.tokens[:2] for forms in self.actor_index.values() for s in forms
                                     if len(s.tokens) > 1)

    def _load(self, data: dict) -> None:
        """Index persons first so that their forms win over anything that shares a spelling."""
        persons = [self._add_person(p) for p in data.get("persons", [])]
        for org in data.get("organizations", []):
            self._add_org(org)
        demonyms: set[str] = set()
        for state in data.get("states", []):
            demonyms |= self._add_state(state)
        self.demonyms = frozenset(demonyms)
        for city in data.get("cities", []):
            self._add_city(city)
        for territory in data.get("territories", []):
            self._add_territory(territory)
        self._add_surnames(persons)
        for index in (self.actor_index, self.place_index):
            for forms in index.values():
                forms.sort(key=lambda s: -len(s.tokens))

    def _add_person(self, p: dict) -> tuple[str, Optional[str]]:
        surname = p["surname"] if "surname" in p else default_surname(p["name"], p.get("country"))
        terms = tuple(parse_term(t) for t in p.get("terms") or ())
        entry = Entry(slug(p["name"]), p["name"], "person", p.get("country"), p.get("title"),
                      p.get("wikidata"), p.get("gender"), tuple(p.get("aliases") or ()),
                      bool(terms) and all(end is not None for _, end in terms), surname, terms)
        self._add_entry(entry)
        self._add_form(self.actor_index, entry.key, "name", entry.name)
        for alias in entry.aliases:
            self._add_form(self.actor_index, entry.key, "alias", alias)
        return entry.key, surname if p.get("standalone", True) else None

    def _add_org(self, org: dict) -> None:
        entry = Entry(slug(org["name"]), org["name"], "organization", None, None,
                      org.get("wikidata"), None, tuple(org.get("aliases") or ()))
        self._add_entry(entry)
        self._add_form(self.actor_index, entry.key, "name", entry.name)
        for alias in entry.aliases:
            self._add_form(self.actor_index, entry.key, "alias", alias)

    def _add_state(self, state: dict) -> set[str]:
        iso3 = state["iso3"]
        entry = Entry(iso3.lower(), state["name"], "state", iso3,
                      aliases=tuple(state.get("variants") or ()))
        if state.get("metonyms"):
            self.capitals.setdefault(iso3, state["metonyms"][0])
        self._add_entry(entry)
        groups = (("state", [entry.name, *entry.aliases]), ("seat", state.get("seats") or ()),
                  ("metonym", state.get("metonyms") or ()), ("demonym", state.get("demonyms") or ()))
        for how, forms in groups:
            for form in forms:
                self._add_form(self.actor_index, entry.key, how, form)
                self._state_fold.setdefault(fold(form), iso3)
                if how == "state":
                    self._add_form(self.place_index, entry.key, how, form)
        return {fold(d) for d in state.get("demonyms") or ()}

    def _add_territory(self, territory: dict) -> None:
        entry = Entry("territory:" + slug(territory["name"]), territory["name"], "territory")
        self._add_entry(entry)
        for form in (entry.name, *(territory.get("demonyms") or ())):
            self._add_form(self.actor_index, entry.key, "territory", form)

    def _add_city(self, city: dict) -> None:
        entry = Entry("city:" + slug(city["name"]), city["name"], "city", city["country"],
                      aliases=tuple(city.get("aliases") or ()))
        self._add_entry(entry)
        for form in (entry.name, *entry.aliases):
            self._add_form(self.place_index, entry.key, "city", form)

    def _add_surnames(self, persons: list[tuple[str, Optional[str]]]) -> None:
        """Index standalone surnames that belong to one person and spell nothing else."""
        owners: dict[tuple[str, ...], set[str]] = {}
        for key, surname in persons:
            if surname:
                owners.setdefault(_fold_tokens(surname), set()).add(key)
        for key, surname in persons:
            toks = _fold_tokens(surname) if surname else ()
            if toks and len(owners[toks]) == 1 and not self._taken(toks):
                self._add_form(self.actor_index, key, "surname", surname)

    def _taken(self, toks: tuple[str, ...]) -> bool:
        return any(s.tokens == toks for s in self.actor_index.get(toks[0], ()))

    def _add_entry(self, entry: Entry) -> None:
        self.entries.setdefault(entry.key, entry)
        for form in (entry.name, *entry.aliases):
            self._by_fold.setdefault(fold(form), []).append(entry.key)

    def _add_form(self, index: dict[str, list[Surface]], key: str, how: str, form: str) -> None:
        words = _WORD.findall(form)
        toks = tuple(_fold_token(w) for w in words)
        if not toks:
            return
        caps = tuple(2 if w.isupper() and len(w) > 1 else 1 if w[0].isupper() else 0 for w in words)
        forms = index.setdefault(toks[0], [])
        for n, old in enumerate(forms):
            if old.key == key and old.tokens == toks:  # NATO and Nato: accept either case
                forms[n] = Surface(key, old.how, toks, tuple(map(min, old.caps, caps)), old.dotted)
                return
        forms.append(Surface(key, how, toks, caps, form.endswith(".")))

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Return the entries whose name or alias folds to `fold(name)`."""
        return tuple(self.entries[k] for k in dict.fromkeys(self._by_fold.get(fold(name), ())))

    def person(self, name: str) -> Optional[Entry]:
        """Return the person named `name` (any spelling), if known."""
        return next((e for e in self.lookup(name) if e.kind == "person"), None)

    def state_of(self, name: str) -> Optional[str]:
        """Return the ISO3 code of a state name, demonym or metonym."""
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        return self._state_fold.get(key) or self._state_fold.get("the " + key)


def _fold_tokens(text: str) -> tuple[str, ...]:
    return tuple(_fold_token(w) for w in _WORD.findall(text))


@lru_cache(maxsize=65536)
def _fold_token(word: str) -> str:
    return fold(word)


def parse_term(value: str) -> tuple[dt.date, Optional[dt.date]]:
    """Return the first and last day of an EDTF interval of office ("2023-06-04/.." is open)."""
    start, sep, end = str(value).partition("/")
    if not sep:
        raise ValueError(f"gazetteer term {value!r} is not an EDTF interval START/END")
    first = edtf_bounds(start)[0]
    last = None if end == ".." else edtf_bounds(end)[1]
    if last is not None and last < first:
        raise ValueError(f"gazetteer term {value!r} ends before it starts")
    return first, last


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Return the shipped gazetteer (parsed once)."""
    import yaml

    text = resources.files("diplomatic_events.extract").joinpath("gazetteer.yaml").read_text("utf-8")
    gazetteer = Gazetteer(yaml.safe_load(text))
    if gazetteer.version != GAZETTEER_VERSION:
        raise ValueError(f"gazetteer.yaml is version {gazetteer.version}, code expects {GAZETTEER_VERSION}")
    return gazetteer


def state_of(name: str) -> Optional[str]:
    """Return the ISO3 code for a state name, demonym or metonym (Ankara -> TUR), else None."""
    return load_gazetteer().state_of(name)


# Every place the sentences find_actors read last name (all mentions), by sentence text and start:
# found once, from the tokens find_actors made, for find_actors, annotate and the rules.
_last_places: dict[tuple[str, int], list[Place]] = {}


def _tokens(text: str) -> list[Token]:
    parts = _WORD_SPLIT.split(text)  # gap, word, gap, ..., word, gap: the `_WORD` runs and what lies between
    bounds = list(accumulate(map(len, parts)))  # where each part ends: a word starts where its gap ends
    words = parts[1::2]
    return list(map(Token, words, bounds[0::2], bounds[1::2], map(_fold_token, words), map(str.lower, words)))


def _caps_ok(raw: str, cap: int) -> bool:
    if cap == 2:
        return raw.isupper()
    return cap == 0 or raw[0].isupper() or raw[0].isdigit()


def _match_at(text: str, toks: list[Token], i: int, index: dict[str, list[Surface]]) -> Optional[Surface]:
    """Return the longest form in `index` written at token `i`."""
    n = len(toks)
    for surface in index.get(toks[i].folded, ()):
        size = len(surface.tokens)
        if size == 1:  # its one token is toks[i]: only the capitals are left to check
            if _caps_ok(toks[i].text, surface.caps[0]):
                return surface
            continue
        last = i + size - 1
        # Most forms sharing a first token ("the", "united") already differ in their last one.
        if last < n and toks[last].folded == surface.tokens[-1] and _written_at(text, toks, i, surface):
            return surface
    return None


def _written_at(text: str, toks: list[Token], i: int, surface: Surface) -> bool:
    """Tell whether the tokens from `i` spell `surface`, capitalised as it requires and closely joined."""
    if i + len(surface.tokens) > len(toks):
        return False
    for j, (folded, cap) in enumerate(zip(surface.tokens, surface.caps)):
        tok = toks[i + j]
        if tok.folded != folded or not _caps_ok(tok.text, cap):
            return False
        if j and not _JOIN.fullmatch(text, toks[i + j - 1].end, tok.start):
            return False
    return True


# A sentence's items: its tokens, with each gazetteer form found merged into one item.
_Item = Token


def _items(text: str, toks: list[Token], gaz: Gazetteer) -> list[_Item]:
    """Return a sentence's items: its tokens, the tokens of each actor form found merged into one."""
    index, words, pairs = gaz.actor_index, gaz.actor_words, gaz.actor_pairs
    items: list[_Item] = []
    done = 0  # tokens before this index are in `items`
    for i in [i for i, t in enumerate(toks) if t.folded in index]:
        first = toks[i].folded
        if i < done or (first not in words and (i + 1 == len(toks) or (first, toks[i + 1].folded) not in pairs)):
            continue
        surface = _match_at(text, toks, i, index)
        if surface:
            items += toks[done:i]
            done = i + len(surface.tokens)
            end = toks[done - 1].end
            if surface.dotted and text[end:end + 1] == ".":
                end += 1
            raw = text[toks[i].start:end]
            items.append(Token(raw, toks[i].start, end, "", raw.lower(), surface, surface.how))
    items += toks[done:]
    return items


@dataclass
class _Found:
    """A mention found in a sentence before resolution."""

    start: int
    end: int
    how: str
    key: Optional[str] = None  # None: a reference still to resolve
    role: Optional[str] = None  # role key of a role reference
    country: Optional[str] = None
    gender: Optional[str] = None  # of a pronoun
    surname: Optional[str] = None  # a single unknown name after a title
    object: bool = False  # an object pronoun (him): not the subject of its own clause
    quoted: bool = False  # inside a quotation: a role there is the speaker's ("the President")
    wording: Optional[str] = None  # a role's own words, lower case ("prime minister")
    speaks: bool = False  # next to a verb of saying ("Ushakov said", "He added")
    initial: bool = False  # a pronoun that opens its sentence as subject ("He added that Putin ...")
    later: frozenset[str] = frozenset()  # for an initial pronoun: persons its own sentence names after it
    trailing: bool = False  # a pronoun in a closing reporting clause (", he said."): what precedes is content
    honorific: Optional[str] = None  # a single name after a courtesy title ("Prince Faisal"): maybe a given name
    indefinite: bool = False  # an unnamed source ("a French diplomat said"): no antecedent


@dataclass
class _Run:
    """A run of title words: where it ends, the title text, the country it names."""

    end: int  # index of the first item after the run
    title: str
    country: Optional[str]
    stateless: bool = False  # names a territory with no ISO code ("Kosovo Prime Minister"): never guess one


@dataclass
class _Article:
    """What find_actors learns about one article."""

    gaz: Gazetteer
    day: Optional[dt.date] = None  # publication day: whose term an unnamed role falls in
    dateline: Optional[str] = None  # the state of the place the article is filed from, if it says
    actors: dict[str, Entry] = field(default_factory=dict)
    titles: dict[str, list[str]] = field(default_factory=dict)
    spellings: dict[str, list[str]] = field(default_factory=dict)
    names: dict[tuple[str, ...], str] = field(default_factory=dict)
    honours: dict[str, list[str]] = field(default_factory=dict)
    stateless: set[str] = field(default_factory=set)  # persons serving a territory without an ISO code
    speakers: dict[int, str] = field(default_factory=dict)  # sentence number -> who speaks in it
    tokens: list[list[Token]] = field(default_factory=list)  # every sentence's tokens
    unnamed_speakers: set[int] = field(default_factory=set)  # sentences where an unnamed source speaks
    _counts: Optional[Counter[str]] = None

    def word_count(self, folded: str) -> int:
        """Return how often a folded word occurs in the article."""
        if self._counts is None:
            self._counts = Counter(t.folded for toks in self.tokens for t in toks)
        return self._counts[folded]

    def add_person(self, name: str, country: Optional[str]) -> str:
        """Register a person the gazetteer does not know; return its key."""
        toks = _fold_tokens(name)
        key = self.names.get(toks) or slug(name)
        self.actors.setdefault(key, Entry(key, name, "person", country, surname=default_surname(name, country)))
        if country and self.actors[key].country is None and key not in self.gaz.entries:
            self.actors[key] = replace(self.actors[key], country=country)  # "A Chinese official, Zhou Ming, ..."
        self.names.setdefault(toks, key)
        return key

    def see(self, key: str, text: Optional[str] = None, title: Optional[str] = None,
            honour: Optional[str] = None) -> None:
        if key not in self.actors:
            self.actors[key] = self.gaz.entries[key]
        if text:
            self.spellings.setdefault(key, []).append(text)
            first = text.split()[0]
            if first.lower() in _HONORIFICS and first[0].isupper():
                self.honours.setdefault(key, []).append(first)
        if title and set(title.lower().split()) <= _HONORIFICS | _RANKS | _STYLES:
            title, honour = None, title
        if honour:
            self.honours.setdefault(key, []).append(honour)
        if title and _role_key(title) != "counterpart":
            self.titles.setdefault(key, []).append(title)
            entry = self.actors[key]
            if entry.gender is None and _FEMALE_TITLE.search(title):
                self.actors[key] = replace(entry, gender="f")


def default_surname(name: str, country: Optional[str] = None) -> str:
    """Return how news shortens a full name: Xi (Xi Jinping), Lee (Lee Jae-myung), bin Salman, Putin."""
    words = name.split()
    if len(words) < 2:
        return name
    if country in _FAMILY_FIRST_STATES or _family_first_shape(words):
        return words[0]
    i = len(words) - 1
    while i > 1 and words[i - 1].islower() and fold(words[i - 1]) in _SURNAME_PARTICLES:
        i -= 1
    return " ".join(words[i:])


def _family_first_shape(words: list[str]) -> bool:
    """Tell whether a name has the Korean shape "Lee Jae-myung": one syllable, then a hyphenated given name."""
    return len(words) == 2 and len(words[0]) <= 4 and bool(re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]))


def _word(item: _Item) -> bool:
    return item.surface is None


def _gap(text: str, a: _Item, b: _Item) -> str:
    return text[a.end:b.start]


_APOSTROPHE = re.compile("['’]")


def _title_case(words: list[tuple[str, bool]]) -> str:
    """Normalise a title's case; `keep` words (Kremlin, NATO) keep their spelling."""
    out = []
    for n, (w, keep) in enumerate(words):
        low = w.lower()
        base = _APOSTROPHE.split(low, 1)[0]
        if keep:
            out.append(w)
        elif n == 0 or base in _FORMAL:
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
    return " ".join(out)


def _title_run(text: str, items: list[_Item], k: int, gaz: Gazetteer) -> Optional[_Run]:
    """Read a run of title words from item `k`; None when it names no office."""
    words: list[tuple[str, bool]] = []
    country: Optional[str] = None
    stateless = False
    has_head = False
    j = k
    last = k  # one past the last non-connector item
    while j < len(items):
        it = items[j]
        if j > k and not _JOIN.fullmatch(_gap(text, items[j - 1], it) or " "):
            break
        how, low, word = it.how, it.low, it.surface is None
        if low == "s" and _possessive_s(text, items, j) and words and j + 1 < len(items) \
                and items[j + 1].low in _TITLE_WORDS:
            words[-1] = (words[-1][0] + text[items[j - 1].end:it.end], words[-1][1])  # "president's spokesman"
        elif word and low in _TITLE_WORDS and j > k and items[j - 1].low == "for" \
                and _serves_named(text, items, j, gaz):
            break  # "spokesman for President X": the second office is X's, not part of the first
        elif word and low in _TITLE_WORDS:
            has_head |= low in _HEADS or (low == "general" and it.text[0] == "G")
            words.append((it.text, it.text[0].isupper() and low in _PORTFOLIO and _in_portfolio(words)))
            last = j + 1
        elif word and low == "and" and words and words[-1][0].lower() in _PURE_MODIFIERS \
                and j + 1 < len(items) and items[j + 1].low in _TITLE_WORDS:
            words.append((it.text, False))  # "Commerce and Industry Minister", not "President and Prime Minister"
        elif word and it.text[0].isupper() and low in _PORTFOLIO and _in_portfolio(words):
            words.append((it.text, True))
            last = j + 1
        elif word and low in _PORTFOLIO and not _in_portfolio(words) and _head_ahead(text, items, j):
            words.append((it.text[:1].upper() + it.text[1:], True))  # "deputy information minister"
            last = j + 1
        elif word and low == "and" and _in_portfolio(words) and words[-1][0].lower() not in _CONNECTORS \
                and j + 1 < len(items) and items[j + 1].low in _PORTFOLIO and items[j + 1].text[0].isupper():
            words.append((it.text, False))
        elif word and low in _CONNECTORS and j > k:
            words.append((it.text, False))
        elif words and word and it.text.islower() \
                and _in_portfolio(words[:-1] if words[-1][0] == "the" else words) \
                and (end := _lower_portfolio(text, items, j, words)) > j:
            words += [(w.text if w.low in _PHRASE_JOINS else w.text.capitalize(), True) for w in items[j:end]]
            last = j = end  # "minister of water resources and irrigation," ends at its comma
            break
        elif how == "demonym" and country in (None, gaz.entries[it.surface.key].country):
            country = gaz.entries[it.surface.key].country
            last = j + 1
        elif how == "territory" and j == k and country is None:
            stateless = True
            last = j + 1
        elif how == "seat" or (how in ("name", "alias") and gaz.entries[it.surface.key].kind == "organization"):
            if how == "seat":
                country = gaz.entries[it.surface.key].country
            words.append((it.text, True))
            last = j + 1
        elif how == "state" and j > k and items[j - 1].low == "for" and has_head \
                and not _possessive_s(text, items, j + 1):
            words.append((it.text, True))  # "envoy for Afghanistan": the state the office deals with
            last = j + 1
        elif how == "state" and j > k and items[j - 1].low == "of":
            country = gaz.entries[it.surface.key].country
            # "head of Egypt's intelligence service" keeps the state; "Minister of Hungary" drops it
            words.append((it.text, True) if _possessive_s(text, items, j + 1) else ("\0", False))
            last = j + 1
        else:
            break
        j += 1
    if not has_head:
        return None
    n_words = len(words) - sum(1 for it in items[last:j] if _word(it))
    words = _trim_title(words[:n_words])
    return _Run(last, _title_case(words), country, stateless) if words else None


def _serves_named(text: str, items: list[_Item], j: int, gaz: Gazetteer) -> bool:
    """Tell whether the title words from item `j` make an office of their own that a name follows."""
    sub = _title_run(text, items, j, gaz)
    # "Minister for Finance Professor X": a courtesy title or style ends the first office, it makes no second
    return sub is not None and sub.title.split()[-1].lower() not in _HONORIFICS | _RANKS | _STYLES \
        and _introduces_name(text, items, sub.end, gaz)


_HEAD_REACH = 3  # portfolio words a head may follow by ("deputy water and sanitation minister")


def _head_ahead(text: str, items: list[_Item], j: int) -> bool:
    """Tell whether portfolio or title words after item `j` reach an office head ("information minister")."""
    for n in range(j + 1, min(j + 1 + _HEAD_REACH, len(items))):
        it = items[n]
        if _gap(text, items[n - 1], it) != " " or not _word(it):
            return False
        if it.low in _HEADS:
            return True
        if it.low not in _PORTFOLIO and it.low not in _MODIFIERS and it.low != "and":
            return False
    return False


# Lower-case words that join a written-out portfolio ("minister of water resources and irrigation").
_PHRASE_JOINS = frozenset({"and", "of", "for", "the"})
# Heads whose "of/for" always names a portfolio, whatever its words.
_PORTFOLIO_HEADS = frozenset({"minister", "secretary", "commissioner"})
_MAX_PORTFOLIO_WORDS = 6


def _lower_portfolio(text: str, items: list[_Item], j: int, words: list[tuple[str, bool]]) -> int:
    """Return the end of a lower-case portfolio phrase at item `j` that a comma or the sentence end closes, or `j`.

    "Egypt's minister of water resources and irrigation, X": news writes long portfolios in lower
    case; the closing comma is what bounds them. The phrase must name a portfolio word unless the
    head is a minister's ("the president of the club, X" is no office of state).
    """
    end = j
    while end < len(items) and end - j < _MAX_PORTFOLIO_WORDS:
        it = items[end]
        if not (_word(it) and it.text.isalpha() and it.text.islower()) \
                or (it.low in _NOT_NAME and it.low not in _PHRASE_JOINS) or it.low in _SPEECH_VERBS:
            return j
        end += 1
        if end == len(items) or _gap(text, it, items[end]) != " ":
            break
    if items[end - 1].low in _PHRASE_JOINS or not _ends_clause(text, items, end):
        return j
    head = next((w.lower() for w, _ in reversed(words) if w.lower() in _HEADS), "")
    if head in _PORTFOLIO_HEADS or any(it.low in _PORTFOLIO for it in items[j:end]):
        return end
    return j


def _in_portfolio(words: list[tuple[str, bool]]) -> bool:
    """Tell whether a title being read has reached its portfolio: a head, then "for" or "of"."""
    for w, _ in reversed(words):
        low = w.lower()
        if low in ("for", "of"):
            return True
        if low in _HEADS or low == "the":
            return False
    return False


def _possessive_s(text: str, items: list[_Item], j: int) -> bool:
    """Tell whether item `j` is the "s" of a possessive "'s" right after the previous item."""
    return 0 < j < len(items) and items[j].low == "s" and _gap(text, items[j - 1], items[j]) in ("'", "’")


def _trim_title(words: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Drop "of <state>", leading modifiers like "top", and dangling connectors."""
    out: list[tuple[str, bool]] = []
    for w, keep in words:
        if w == "\0":
            if out and out[-1][0].lower() == "of":
                out.pop()
            continue
        out.append((w, keep))
    while out and not out[0][1] and out[0][0].lower() in _TITLE_STRIP | _CONNECTORS:
        out.pop(0)
    while out and not out[-1][1] and out[-1][0].lower() in _CONNECTORS:
        out.pop()
    return out


_MAX_NAME_ITEMS = 9  # a longer run of capitalised words is no name
_END = attrgetter("end")


def _name_at(text: str, items: list[_Item], k: int) -> int:
    """Return the end index of a capitalised person name starting at item `k`, or `k`.

    A name is 2-5 capitalised words, possibly joined by particles (bin, da, von der) and hyphens
    (Jae-myung, Al-Nuaimi); a known surname may end it (Khalid bin Salman is not Mohammed bin Salman).
    """
    j = k
    while j < len(items):
        if j - k >= _MAX_NAME_ITEMS:
            return k
        it = items[j]
        gap = _gap(text, items[j - 1], it) if j > k else ""
        if j > k and gap in _HYPHENS and _word(it) and it.text.isalpha() and it.text.islower() \
                and it.low not in _HYPHEN_SUFFIXES:
            j += 1  # the lower-case half of a hyphenated given name
            continue
        if j > k and not _NAME_JOIN.fullmatch(gap):
            break
        if j > k and it.low in _PARTICLES and _word(it):
            j += 1
            continue
        if j > k and it.how == "surname":
            j += 1
            break
        if not (_word(it) and it.text[0].isupper() and it.low not in _NOT_NAME
                and it.low not in _TITLE_WORDS and not it.text.isdigit()):
            break
        j += 1
    while j > k + 1 and items[j - 1].low in _PARTICLES and _gap(text, items[j - 2], items[j - 1]) not in _HYPHENS:
        j -= 1
    capitals = sum(1 for it in items[k:j] if it.low not in _PARTICLES and it.text[0].isupper())
    return k if capitals > 5 or (j > k and items[j - 1].low in _NOT_PERSON_HEADS) else j


def _same_person(items: list[_Item], k: int, end: int, gaz: Gazetteer) -> Optional[str]:
    """Return the known person a name ending in their surname denotes when its first name agrees."""
    last = items[end - 1]
    if end - k < 2 or last.how != "surname":
        return None
    entry = gaz.entries[last.surface.key]
    first = _fold_tokens(entry.name)[:1]
    return entry.key if first == (items[k].folded,) else None


def _sentence_country(text: str, items: list[_Item], gaz: Gazetteer, exclude: set[str]) -> Optional[str]:
    """Return the one state the sentence names as context for an unplaced office holder, if only one.

    Skipped: states inside quotes, destinations ("to Addis Ababa"), places ("the Argentine
    capital"), demonyms or possessives that begin someone's title ("Turkish Foreign Minister",
    "his Japanese counterpart") and the states in `exclude` (other persons' countries).
    """
    found: set[str] = set()
    destinations: set[int] = set()
    for n, it in enumerate(items):
        if it.how not in ("state", "demonym", "seat", "metonym") or _in_quote(text, it.start):
            continue
        before = next((b.low for b in reversed(items[:n]) if b.low not in _DETERMINERS), "")
        if before in _LOCATIVE or (before in ("and", "or") and n - 2 in destinations):
            destinations.add(n)  # "from Russia and Türkiye": both are places
            continue
        if before in _PARTNER_WORDS:
            continue  # "closed its border with Colombia": the other side, not the speaker's state
        after = items[n + 2] if n + 2 < len(items) and _possessive_s(text, items, n + 1) else \
            items[n + 1] if n + 1 < len(items) else None
        if after and after.low in _TITLE_WORDS | _PLACE_NOUNS or _remit(items, n):
            continue
        if it.how == "demonym" and not _demonym_is_state(text, items, n, gaz):
            continue  # "Moroccan nationals", "British farmers": people, not the state acting
        found.add(gaz.entries[it.surface.key].country)
    found -= exclude
    return found.pop() if len(found) == 1 else None


def _remit(items: list[_Item], n: int) -> bool:
    """Tell whether item `n` is the state an office deals with, not serves ("envoy for Afghanistan")."""
    return n >= 2 and items[n - 1].low == "for" and items[n - 2].low in _HEADS


# Words before a state that make it the other party of the sentence's action.
_PARTNER_WORDS = frozenset({"with", "against"})


def _in_quote(text: str, pos: int) -> bool:
    """Tell whether `pos` lies inside a quotation opened earlier in the sentence."""
    before = text[:pos]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _persons_countries(items: list[_Item], found: list[_Found], art: _Article) -> set[str]:
    """Return the countries of the persons named in a sentence so far (gazetteer or found)."""
    out = {art.actors[f.key].country for f in found if f.key in art.actors}
    out |= {art.gaz.entries[it.surface.key].country for it in items
            if it.how in ("name", "alias", "surname") and art.gaz.entries[it.surface.key].kind == "person"}
    out.discard(None)
    return out


def _unknown_possessor(text: str, items: list[_Item], start: int) -> bool:
    """Tell whether a title follows an unknown "Xxx's" (a state the gazetteer lacks: no guessing)."""
    return start >= 2 and _possessive_s(text, items, start - 1) and _word(items[start - 2]) \
        and items[start - 2].text[:1].isupper()


def _state_after(text: str, items: list[_Item], end: int, gaz: Gazetteer) -> Optional[str]:
    """Return the state of "... X of Brazil" right after a name."""
    if end + 1 < len(items) and items[end].low == "of" and items[end + 1].how == "state" \
            and _JOIN.fullmatch(_gap(text, items[end - 1], items[end])):
        return gaz.entries[items[end + 1].surface.key].country
    return None


def _split_honorific(title: str) -> tuple[str, Optional[str]]:
    """Split "Defence Minister Prince" into the office and the courtesy title before the name."""
    words = title.split()
    if len(words) > 1 and (words[-1].lower() in _HONORIFICS | _RANKS
                           and (words[-2].lower() in _HEADS or _in_portfolio([(w, False) for w in words[:-1]]))
                           or words[-1].lower() in _STYLES):
        return " ".join(words[:-1]), words[-1]
    return title, None


def _person_after(text: str, items: list[_Item], j: int, run: _Run, art: _Article,
                  found: list[_Found], guess: bool = True) -> int:
    """Read the person a title introduces at item `j`; return the index after it, or `j`."""
    if j < len(items) and _gap(text, items[j - 1], items[j]).strip() == ",":
        comma = True
    elif j < len(items) and _JOIN.fullmatch(_gap(text, items[j - 1], items[j])):
        comma = False
    else:
        return j
    courtesy = _courtesy_word(text, items, j)
    if courtesy:
        j += 1  # "the Minister of the Interior, Mr Kamel Feki", "Health Minister Dr Jane Otieno"
    it = items[j]
    title, honour = _split_honorific(run.title)
    if it.how in ("name", "alias", "surname") and art.gaz.entries[it.surface.key].kind == "person":
        art.see(it.surface.key, it.text, title, honour)
        _serving_then(art, it.surface.key, run)
        found.append(_Found(it.start, it.end, it.how, it.surface.key))
        return j + 1
    end = _name_at(text, items, j)
    if end - j >= 2 and not comma or end - j >= 2 and _ends_clause(text, items, end):
        name = text[items[j].start:items[end - 1].end]
        known = _same_person(items, j, end, art.gaz)
        if known:
            art.see(known, name, title, honour)
            found.append(_Found(items[j].start, items[end - 1].end, "alias", known))
            return end
        country = run.country or _state_after(text, items, end, art.gaz)
        if country is None and guess and not run.stateless and not _serves_body(run.title, art.gaz) \
                and not _styled(run.title):
            country = _sentence_country(text, items, art.gaz, _persons_countries(items, found, art))
        key = art.add_person(name, country)
        art.see(key, name, title, honour)
        if courtesy in _FEMALE_ADDRESS:
            _learn_gender(art, key, "f")
        if run.stateless and country is None:
            art.stateless.add(key)
        found.append(_Found(items[j].start, items[end - 1].end, "title", key))
        return end
    if end - j == 1 and not comma:
        found.append(_Found(it.start, it.end, "surname", role=_role_key(title), country=run.country,
                            surname=it.folded, honorific=_courtesy(title, honour)))
        return end
    return j


def _serving_then(art: _Article, key: str, run: _Run) -> None:
    """Give a known international official the state a title names before their term ("Dutch PM Mark Rutte")."""
    entry = art.actors[key]
    if entry.country is None and run.country and not run.stateless and entry.terms and art.day \
            and not entry.in_office(art.day) and key not in art.stateless:
        art.actors[key] = replace(entry, country=run.country)


# Forms of address an official readout puts between a title and the name ("..., Mrs Anna Rossi").
_ADDRESS = frozenset({"mr", "mrs", "ms", "madam", "dr"})
_FEMALE_ADDRESS = frozenset({"mrs", "ms", "madam"})


def _courtesy_word(text: str, items: list[_Item], j: int) -> Optional[str]:
    """Return "mr", "mrs", ... when item `j` is a form of address followed closely by a capitalised word."""
    it = items[j]
    if it.low not in _ADDRESS or not _word(it) or not it.text[0].isupper() or j + 1 >= len(items):
        return None
    nxt = items[j + 1]
    if _gap(text, it, nxt) not in (" ", ". ", ".\u00a0", "\u00a0") or not nxt.text[:1].isupper():
        return None
    return it.low


def _styled(title: str) -> bool:
    """Tell whether a title is only a style of clergy or scholars ("Archbishop"): no office of a state."""
    return set(title.lower().split()) <= _STYLES


def _courtesy(title: str, honour: Optional[str]) -> Optional[str]:
    """Return the courtesy title (lower case) a name follows: "prince" in "Prince" or "Defence Minister Prince"."""
    if honour and honour.lower() in _HONORIFICS:
        return honour.lower()
    words = title.lower().split()
    return words[-1] if words and set(words) <= _HONORIFICS | {"crown"} else None


def _ends_clause(text: str, items: list[_Item], end: int) -> bool:
    return end >= len(items) or _gap(text, items[end - 1], items[end]).strip()[:1] in {",", ".", ";", ")", ""}


# A deputy's office ("Deputy Prime Minister") is not the office it deputises for.
_DEPUTY_OFFICE = re.compile(
    r"\b(?:deputy|vice|assistant|under) (?:prime minister|premier|foreign minister|foreign secretary"
    r"|defen[cs]e minister|chancellor|secretary of state|minister|secretary)\b(?: and\b)?"
)
# Spellings of one portfolio ("Home Minister" ~ "Interior Minister").
_PORTFOLIO_SAME = {"internal": "interior", "home": "interior", "economic": "economy", "defense": "defence",
                   "labor": "labour"}


@lru_cache(maxsize=4096)
def _role_key(title: str) -> str:
    """Return a comparable role for a title (Top diplomat ~ Foreign Minister; Deputy X is not X)."""
    # Not `fold`: its transliteration folding turns "secretary" into "secretari". The owner in
    # "the president's bureau" is whom the office serves, not the office.
    text = " ".join(_WORD.findall(_POSSESSOR.sub(" ", strip_accents(title).lower())))
    rest = _DEPUTY_OFFICE.sub(" ", text)
    if rest == text:
        return _plain_role(text)
    if set(rest.split()) & _HEADS:
        return _plain_role(" ".join(rest.split()))  # "Deputy Prime Minister and Foreign Minister"
    return "deputy_" + _plain_role(text)


def _plain_role(text: str) -> str:
    words = set(text.split())
    checks = (
        ("spokesperson", bool(words & {"spokesperson", "spokesman", "spokeswoman"}) or "press secretary" in text),
        ("adviser", bool(words & {"adviser", "advisor", "aide"})),
        ("foreign_minister", ("foreign" in words and bool(words & {"minister", "secretary", "affairs"}))
         or "diplomat" in words or "secretary of state" in text or "external affairs" in text),
        ("defence_minister", bool(words & {"defence", "defense"}) and "minister" in words),
        ("prime_minister", "prime minister" in text or "premier" in words or "head of government" in text
         or "president of the government" in text  # Spain's
         or ("president of the council" in text and "european" not in words)),  # Italy's
        ("head_of_state", "head of state" in text),
        ("vice_president", "vice president" in text),
        ("crown_prince", "crown prince" in text),
        ("secretary_general", "secretary general" in text),
        ("president", "president" in words),
        ("chancellor", "chancellor" in words),
    )
    for role, hit in checks:
        if hit:
            return role
    seq = text.split()
    heads = [i for i, w in enumerate(seq) if w in _HEADS]
    if not heads:
        return text
    h = heads[-1]
    portfolio = seq[h - 1] if h and seq[h - 1] in _PORTFOLIO else None
    if portfolio is None and h + 1 < len(seq) and seq[h + 1] in ("of", "for"):
        after = seq[h + 3] if h + 3 < len(seq) and seq[h + 2] == "the" else seq[h + 2] if h + 2 < len(seq) else ""
        portfolio = after if after in _PORTFOLIO else None
    if portfolio is None:
        return seq[h]
    return f"{_PORTFOLIO_SAME.get(portfolio, portfolio)}_{seq[h]}"  # "Interior Minister": not any minister


def _scan(sent: Sentence, toks: list[Token], art: _Article) -> list[_Found]:
    """Find the mentions of one sentence; references stay unresolved."""
    gaz, text = art.gaz, sent.text
    items = _items(text, toks, gaz)
    used = bytearray(len(items))  # 1: an item some pattern consumed
    found: list[_Found] = []
    marks = [n for n, it in enumerate(items) if it.how is not None or it.low in _SCAN_WORDS]
    # A title needs a head at or after its start (see _title_run): none after the last one.
    last_head = next((n for n in reversed(marks) if items[n].low in _HEAD_WORDS), -1)
    if "," in text and last_head >= 0:  # an appositive follows its name after a comma, and has a title
        _scan_appositives(text, items, used, last_head, art, found)
    k = 0
    for n in marks:
        it = items[n]
        if n > last_head:
            break
        # Where a title can start (see _scan_at): a title word, an opener, a state or territory before "'s".
        if n >= k and not used[n] and (it.low in _TITLE_WORDS or it.how is not None and (
                it.how in ("state", "territory") or _may_start_title(it, gaz))):
            k = _scan_at(text, items, used, n, art, found)
    if "," in text and not _PLURAL_HEADS.keys().isdisjoint(map(_LOW, items)):
        _scan_title_lists(text, items, used, art, found)
    if "'s" in text or "’s" in text:
        for n in marks:
            if not used[n] and items[n].how == "state" and _possessive_s(text, items, n + 1):
                _possessed_person(text, items, used, n, art, found)
    for k in marks:
        if not used[k] and (items[k].how is not None or items[k].low in _PRONOUNS):
            _scan_plain(text, items, k, art, found)
    _relational_countries(found, art)
    return list({(f.start, f.end, f.key): f for f in reversed(found)}.values())[::-1]


# Plural office words that may head a list of their holders ("the two foreign ministers, A and B").
_PLURAL_HEADS = {"ministers": "minister", "presidents": "president", "leaders": "leader", "envoys": "envoy",
                 "secretaries": "secretary", "premiers": "premier", "chancellors": "chancellor",
                 "ambassadors": "ambassador", "negotiators": "negotiator", "spokesmen": "spokesman"}
_LIST_BRIDGE = 5  # lower-case words allowed between the plural and its comma ("of the two countries")


def _scan_title_lists(text: str, items: list[_Item], used: bytearray, art: _Article, found: list[_Found]) -> None:
    """Read "the two foreign ministers, A of Serbia and B of Croatia": every listed name holds the office."""
    for n, it in enumerate(items):
        if it.low not in _PLURAL_HEADS or not _word(it) or used[n]:
            continue
        start = n
        while start and _word(items[start - 1]) and (items[start - 1].low in _TITLE_WORDS
                                                      or items[start - 1].low in _PORTFOLIO):
            start -= 1
        j = n + 1
        while j < len(items) and j - n <= _LIST_BRIDGE and _word(items[j]) and items[j].text.islower() \
                and _gap(text, items[j - 1], items[j]).strip() != ",":
            j += 1
        if j >= len(items) or _gap(text, items[j - 1], items[j]).strip() != ",":
            continue
        words = [(w.text, False) for w in items[start:n]] + [(_PLURAL_HEADS[it.low], False)]
        _listed_holders(text, items, j, _title_case(words), art, found, used)


def _listed_holders(text: str, items: list[_Item], j: int, title: str, art: _Article, found: list[_Found],
                    used: bytearray) -> None:
    """Register the names listed from item `j` ("A of X, B of Y and C of Z") as holders of `title`.

    The list must end with "and" and its last name must close a clause.
    """
    people: list[tuple[int, int, Optional[str], Optional[str]]] = []  # first item, end item, known key, state
    closed = False
    while True:
        person = _listed_person(text, items, j, art.gaz)
        if person is None:
            return
        people.append(person)
        nxt = person[1] + (2 if person[3] else 0)
        if closed or nxt >= len(items):
            break
        gap = _gap(text, items[nxt - 1], items[nxt]).strip()
        if items[nxt].low == "and" and gap in ("", ","):
            j, closed = nxt + 1, True
        elif gap == ",":
            j = nxt
        else:
            return
    last_end = people[-1][1] + (2 if people[-1][3] else 0)
    if not closed or len(people) < 2 or not _ends_clause(text, items, last_end):
        return
    for a, b, known, country in people:
        name = text[items[a].start:items[b - 1].end]
        key = known or art.add_person(name, country)
        art.see(key, name, title)
        found.append(_Found(items[a].start, items[b - 1].end, items[a].how if known else "title", key))
        _use(used, a, b)


def _listed_person(text: str, items: list[_Item], j: int, gaz: Gazetteer
                   ) -> Optional[tuple[int, int, Optional[str], Optional[str]]]:
    """Read one name of a list at item `j` (a known person, or two or more capitalised words) and its "of <state>"."""
    if j >= len(items):
        return None
    it = items[j]
    known = it.surface.key if it.how in ("name", "alias") and gaz.entries[it.surface.key].kind == "person" else None
    end = j + 1 if known else _name_at(text, items, j)
    if end - j < (1 if known else 2):
        return None
    return j, end, known, _state_after(text, items, end, gaz)


# A title that serves another office holder ("head of the president's bureau"), after `fold`.
_SERVED = re.compile(r"\b(?:of|to) the (president|prime minister|chancellor|premier)s?\b")


def _relational_countries(found: list[_Found], art: _Article) -> None:
    """Place "X, head of the president's bureau" with the one president the same sentence names."""
    for f in found:
        entry = art.actors.get(f.key) if f.how == "title" else None
        if entry is None or entry.country:
            continue
        served = {_role_key(m.group(1)) for t in art.titles.get(f.key, []) for m in _SERVED.finditer(fold(t))}
        countries = {art.actors[g.key].country for g in found if g.key in art.actors and g.key != f.key
                     and art.actors[g.key].kind == "person" and served & _titles(art, art.actors[g.key])}
        countries.discard(None)
        if len(countries) == 1:
            art.actors[f.key] = replace(entry, country=countries.pop())


def _scan_at(text: str, items: list[_Item], used: bytearray, k: int, art: _Article, found: list[_Found]) -> int:
    """Try a title (with its person, or as a role reference) at item `k`; return the next index."""
    gaz = art.gaz
    it = items[k]
    start = k
    if it.how in ("state", "territory") and k + 1 < len(items) and items[k + 1].low == "s" \
            and _gap(text, it, items[k + 1]) in ("'", "’"):
        start = k + 2
    elif it.how == "state" and k + 1 < len(items) and _attributive_state(text, items, k):
        start = k + 1  # "Barbados Prime Minister X", "Trinidad and Tobago Foreign Minister Y"
    if start >= len(items) or not _may_start_title(items[start], gaz):
        return k + 1
    run = _title_run(text, items, start, gaz)
    if run is None:
        return k + 1
    if start != k:
        run = _Run(run.end, run.title, gaz.entries[it.surface.key].country, it.how == "territory")
    elif run.country is None:
        run = _Run(run.end, run.title, _delegation_country(items, start, gaz)
                   or _possessor_country(text, items, start, gaz)
                   or _pronoun_owner_country(items, start, run.title, art, found), run.stateless)
    after = _person_after(text, items, run.end, run, art, found, not _unknown_possessor(text, items, start))
    if after == run.end:
        after = _chained_title(text, items, run, art, found)
    if after > run.end:
        _use(used, k, after)
        return after
    prev = items[k - 1].low if k else ""
    if items[start].low in _INSTITUTIONS and start + 1 < run.end and items[start + 1].low == "of":
        _use(used, k, run.end)  # "the Office of the National Security Adviser" is not the adviser
        return run.end
    if prev in _DETERMINERS - {"a", "an"} or start != k or run.country or items[start].low == "top":
        role_start = items[start].start
        found.append(_Found(role_start, items[run.end - 1].end, "role", role=_role_key(run.title),
                            country=run.country, wording=strip_accents(run.title).lower(),
                            indefinite=start == k and _indefinite(text, items, k, run.end)))
        _use(used, k, run.end)
        return run.end
    return k + 1


# Capitalised words that end the name of a body, place or thing a state owns, never a person's.
_OWNED_THINGS = frozenset(
    "party parties bank airlines airways group corporation company forces army navy guard guards sea coast "
    "river lake gulf strait mountains region province state states plant station union front movement "
    "court institute fund initiative agency service services exchange index league cup dome corridor "
    "pipeline railway railways port bridge canal network authority".split()
)


def _possessed_person(text: str, items: list[_Item], used: bytearray, k: int, art: _Article,
                      found: list[_Found]) -> None:
    """Read a person named after a state's possessive with no title ("Estonia's Kristen Michal").

    The name must be two or three unknown capitalised words, none naming a body or place, and its last
    word must come back elsewhere in the article (a surname in use), so "India's Lok Sabha" is no one.
    """
    start = k + 2
    if start >= len(items) or items[start].how is not None or _gap(text, items[k + 1], items[start]) != " ":
        return
    end = _name_at(text, items, start)
    name = items[start:end]
    capitals = [it for it in name if it.low not in _PARTICLES]
    if not 2 <= len(capitals) <= 3 or any(it.how is not None or it.low in _OWNED_THINGS
                                          or it.low in _TITLE_WORDS for it in name):
        return
    if end < len(items) and _possessive_s(text, items, end):
        return  # "Kenya's Rift Valley's ...": a name that owns something is no plain person mention
    if art.word_count(name[-1].folded) < 2:
        return
    country = art.gaz.entries[items[k].surface.key].country
    written = text[name[0].start:name[-1].end]
    key = _same_person(items, start, end, art.gaz) or art.add_person(written, country)
    art.see(key, written)
    found.append(_Found(name[0].start, name[-1].end, "title", key))
    _use(used, k, end)


def _attributive_state(text: str, items: list[_Item], k: int) -> bool:
    """Tell whether state item `k` qualifies the title right after it, as in "Guyana President X".

    Not the last of a list or pair of states ("Kenya and Uganda", "Kenya-Uganda"): that title is shared.
    """
    if _gap(text, items[k], items[k + 1]) != " " or items[k + 1].surface is not None:
        return False
    if not k:
        return True
    if items[k - 1].low in ("and", "or"):
        return k < 2 or items[k - 2].how not in ("state", "demonym")
    return _gap(text, items[k - 1], items[k]).strip() not in ("-", "–") or items[k - 1].how != "state"


def _indefinite(text: str, items: list[_Item], k: int, end: int) -> bool:
    """Tell whether the role at items k..end names nobody in particular: "met a South Korean president".

    Not after "by" or "of", where it describes the one the sentence is about ("the first visit by a
    Canadian foreign minister in two years").
    """
    if k and items[k - 1].low in ("a", "an") and (k < 2 or items[k - 2].low not in ("by", "of")):
        return True
    return _unnamed_source(text, items, k, end)


def _unnamed_source(text: str, items: list[_Item], k: int, end: int) -> bool:
    """Tell whether the role at items k..end is an unnamed source: "a French diplomat said", "according to an aide"."""
    if not k or items[k - 1].low not in ("a", "an"):
        return False
    after = _WORD_AFTER.match(text, items[end - 1].end)
    return bool(after and after.group(1).lower() in _SPEECH_VERBS) \
        or text[:items[k - 1].start].rstrip().lower().endswith("according to")


def _chained_title(text: str, items: list[_Item], run: _Run, art: _Article, found: list[_Found]) -> int:
    """Read "Japan's top spokesman, Chief Cabinet Secretary X": a second title after a comma names X.

    X gets the first title's country and both titles; return the index after X, or `run.end`.
    """
    j = run.end
    if j + 1 >= len(items) or _gap(text, items[j - 1], items[j]).strip() != "," or items[j].how is not None \
            or items[j].low not in _TITLE_WORDS:
        return j
    second = _title_run(text, items, j, art.gaz)
    if second is None or (second.country and run.country and second.country != run.country):
        return j
    n = len(found)
    after = _person_after(text, items, second.end, _Run(second.end, second.title, second.country or run.country,
                                                        second.stateless or run.stateless),
                          art, found)
    if after > second.end and len(found) > n and found[-1].key:
        art.see(found[-1].key, title=run.title)
    return after


def _delegation_country(items: list[_Item], start: int, gaz: Gazetteer) -> Optional[str]:
    """Return the state of "an Uzbek delegation led by" right before the title at item `start`."""
    if start < 4 or items[start - 1].low != "by" or items[start - 2].low not in ("led", "headed"):
        return None
    nation = items[start - 4]
    if items[start - 3].low in ("delegation", "team", "mission") and nation.how == "demonym":
        return gaz.entries[nation.surface.key].country
    return None


def _possessor_country(text: str, items: list[_Item], start: int, gaz: Gazetteer) -> Optional[str]:
    """Return the state of the known person whose office a title names ("Ramaphosa's spokesman")."""
    if start < 2 or not _possessive_s(text, items, start - 1):
        return None
    owner = items[start - 2]
    if owner.how in ("name", "alias", "surname") and gaz.entries[owner.surface.key].kind == "person":
        return gaz.entries[owner.surface.key].country
    return None


# Words of offices that serve one person, whose state is that person's ("his spokesman X", "her aide").
PERSONAL_STAFF = ("spokes", "adviser", "advisor", "aide", "press secretary", "chief of staff")


def _pronoun_owner_country(items: list[_Item], start: int, title: str, art: _Article,
                           found: list[_Found]) -> Optional[str]:
    """Return the state of the person named last before "his/her spokesman" in the sentence, if any.

    Only personal staff: "his counterpart" serves another state.
    """
    if start < 1 or items[start - 1].low not in ("his", "her") \
            or not any(word in title.lower() for word in PERSONAL_STAFF):
        return None
    limit = items[start - 1].start
    named = [(f.start, art.actors[f.key].country) for f in found
             if f.key in art.actors and f.end <= limit and art.actors[f.key].kind == "person"]
    named += [(it.start, art.gaz.entries[it.surface.key].country) for it in items[:start - 1]
              if it.how in ("name", "alias", "surname") and art.gaz.entries[it.surface.key].kind == "person"]
    return max(named)[1] if named else None


def _may_start_title(it: _Item, gaz: Gazetteer) -> bool:
    if it.surface is None:
        return it.low in _TITLE_WORDS or it.low in _PORTFOLIO
    return it.how in ("demonym", "seat", "territory") or gaz.entries[it.surface.key].kind == "organization"


def _use(used: bytearray, a: int, b: int) -> None:
    used[a:b] = b"\1" * len(used[a:b])


def _scan_appositives(text: str, items: list[_Item], used: bytearray, last_head: int, art: _Article,
                      found: list[_Found]) -> None:
    """Find "Name, a top adviser to Putin" and "Name, the Turkish foreign minister" (titles end by `last_head`)."""
    gaz = art.gaz
    for k in _comma_reach(text, items, last_head):
        it = items[k]
        if not (it.how in ("name", "alias", "surname") or it.surface is None and it.text[0].isupper()):
            continue  # neither a known person nor the start of a name
        if used[k] or (k and _word(items[k - 1]) and items[k - 1].text[:1].isupper()
                       and items[k - 1].low not in _NOT_NAME):
            continue
        person = it.how in ("name", "alias", "surname") and gaz.entries[it.surface.key].kind == "person"
        if not person and not (it.surface is None and it.text[0].isupper()):
            continue
        end = k + 1 if person else _name_at(text, items, k)
        if end - k < (1 if person else 2) or end >= len(items) or _gap(text, items[end - 1], items[end]).strip() != ",":
            continue
        j = end + 1 if items[end].low in {"a", "an", "the"} else end
        owner = None
        if j + 2 < len(items) and items[j].how in ("state", "metonym") and _possessive_s(text, items, j + 1):
            owner = gaz.entries[items[j].surface.key].country  # "X, Ethiopia's foreign minister"
            j += 2
        elif j + 2 < len(items) and (owner := _possessor_country(text, items, j + 2, gaz)):
            j += 2  # "X, Tinubu's spokesman"
        run = _title_run(text, items, j, gaz) if j < len(items) else None
        if run is None or _introduces_name(text, items, run.end, gaz):
            continue  # "X, Italian Interior Minister Y": a list of two persons, not X's title
        country = owner or run.country or (None if run.stateless or _serves_body(run.title, gaz)
                                           else _related_country(items, run.end, gaz))
        title, honour = _split_honorific(run.title)
        known = None if person else _same_person(items, k, end, gaz)
        if person or known:
            key = known or it.surface.key
            art.see(key, text[it.start:items[end - 1].end], title, honour)
            found.append(_Found(it.start, items[end - 1].end, "alias" if known else it.how, key))
        else:
            name = text[it.start:items[end - 1].end]
            key = art.add_person(name, country)
            art.see(key, name, title, honour)
            if run.stateless and country is None:
                art.stateless.add(key)
            found.append(_Found(it.start, items[end - 1].end, "title", key))
        _use(used, k, run.end)


def _comma_reach(text: str, items: list[_Item], stop: int) -> list[int]:
    """Return the items before `stop` a name closed by a comma can start at: within `_MAX_NAME_ITEMS` of one."""
    reach: set[int] = set()
    pos = text.find(",")
    while pos >= 0:
        last = bisect_right(items, pos, key=_END) - 1  # the item the comma follows
        reach.update(range(max(last - _MAX_NAME_ITEMS + 1, 0), min(last + 1, stop)))
        pos = text.find(",", pos + 1)
    return sorted(reach)


def _introduces_name(text: str, items: list[_Item], j: int, gaz: Gazetteer) -> bool:
    """Tell whether a title ending before item `j` runs straight into a name it introduces."""
    if j >= len(items) or _gap(text, items[j - 1], items[j]) != " ":
        return False
    it = items[j]
    if it.surface is not None:
        return it.how in ("name", "alias", "surname") and gaz.entries[it.surface.key].kind == "person"
    return _word(it) and it.text[0].isupper() and it.low not in _NOT_NAME and not it.text.isupper()


def _related_country(items: list[_Item], j: int, gaz: Gazetteer) -> Optional[str]:
    """Return the country of "to Putin" / "to the Russian president" / "of Russia" after a title."""
    if j + 1 >= len(items) or items[j].low not in {"to", "of", "for"}:
        return None
    for it in items[j + 1:j + 4]:
        if it.surface:
            return gaz.entries[it.surface.key].country if it.how != "city" else None
        if it.low not in {"the"} | _TITLE_WORDS:
            return None
    return None


def _scan_plain(text: str, items: list[_Item], k: int, art: _Article, found: list[_Found]) -> None:
    """Emit a gazetteer match, a state demonym or a pronoun that no pattern consumed."""
    gaz, it = art.gaz, items[k]
    how = it.how
    if how is None:
        if it.low in _PRONOUNS and (it.text.islower() or it.text.istitle()):
            found.append(_Found(it.start, it.end, "pronoun", gender=_PRONOUNS[it.low] or "m",
                                object=it.low in _OBJECT_PRONOUNS))
        return
    entry = gaz.entries[it.surface.key]
    if how == "territory":
        return  # no ISO code to stand for: not an actor of its own
    if how == "demonym":
        if _demonym_is_state(text, items, k, gaz):
            art.see(entry.key)
            found.append(_Found(it.start, it.end, "demonym", entry.key))
        return
    if how == "metonym" and k and items[k - 1].low in _LOCATIVE - {"from"}:
        return
    if how in ("state", "metonym", "seat"):
        art.see(entry.key)
        found.append(_Found(it.start, it.end, "state", entry.key))
        return
    if how == "surname" and _given_name_before(text, items, k):
        return  # "Khalid bin Salman" is someone else than the known "bin Salman"
    if how == "surname" and entry.key not in art.actors:
        namesake = _article_namesake(art, _fold_tokens(it.text))
        if namesake is not None:  # "Raquel Peña ... Peña said": the one the article named, not the known one
            found.append(_Found(it.start, it.end, "surname", namesake))
            return
    art.see(entry.key, it.text)
    found.append(_Found(it.start, it.end, how, entry.key))


def _article_namesake(art: _Article, folded: tuple[str, ...]) -> Optional[str]:
    """Return the one person the article has named in full whose surname folds to `folded`, if exactly one."""
    keys = [key for key, entry in art.actors.items() if entry.kind == "person" and entry.surname
            and _fold_tokens(entry.surname) == folded]
    return keys[0] if len(keys) == 1 else None


def _given_name_before(text: str, items: list[_Item], k: int) -> bool:
    """Tell whether item `k` follows an unknown capitalised word that makes it part of a longer name."""
    if k == 0 or _gap(text, items[k - 1], items[k]) != " ":
        return False
    prev = items[k - 1]
    if not _word(prev) or not prev.text[0].isupper() or prev.low in _NOT_NAME or prev.low in _TITLE_WORDS \
            or prev.text.isupper():
        return False
    return k - 1 > 0 or items[k].low.split()[0] in _PARTICLES


def _demonym_is_state(text: str, items: list[_Item], k: int, gaz: Gazetteer) -> bool:
    """Tell whether a demonym stands for its state: it (or a chain of demonyms) heads a state noun."""
    j = k + 1
    while j < len(items):
        it = items[j]
        gap = _gap(text, items[j - 1], it).strip()
        if gap not in ("", "-", "–") and not (it.how == "demonym" or it.low == "and"):
            return False
        if it.how == "demonym" or it.low == "and" or it.low in _STATE_NOUN_MODIFIERS:
            j += 1
            continue
        return _word(it) and it.low in _STATE_NOUNS
    return False


_START = attrgetter("start")


def _resolve(art: _Article, found: list[_Found], history: list[tuple[str, int]],
             sentence_no: int) -> list[_Found]:
    """Resolve surnames, roles and pronouns of one sentence against earlier mentions."""
    if not found:
        return []
    out: list[_Found] = []
    speaker: Optional[str] = None
    found = sorted(found, key=_START)
    if any(f.quoted and f.how == "role" for f in found):
        found.sort(key=lambda f: f.quoted and f.how == "role")  # quoted roles last: the speaker is known by then
    for f in found:
        if f.key is None:
            if f.quoted and f.how == "role" and speaker:
                f.country = f.country or art.actors[speaker].country
            f.key = _antecedent(art, f, [h for h in history if h[0] != speaker] if f.quoted else history,
                                sentence_no)
            if f.key and f.how == "surname":
                art.see(f.key)
            if f.key and f.how == "pronoun":
                _learn_gender(art, f.key, f.gender)
        if f.key is None and f.how != "role":
            continue
        if f.key and art.actors[f.key].kind == "person":
            history.append((f.key, sentence_no))
            if f.speaks and not f.quoted:
                art.speakers.setdefault(sentence_no, f.key)
            if not f.quoted and speaker is None:
                speaker = f.key
        out.append(f)
    return sorted(out, key=_START)


def _learn_gender(art: _Article, key: str, gender: Optional[str]) -> None:
    """Remember the gender a resolved pronoun shows, so that "he" later skips "she"."""
    entry = art.actors[key]
    if entry.gender is None and gender and key not in art.gaz.entries:
        art.actors[key] = replace(entry, gender=gender)


def _antecedent(art: _Article, f: _Found, history: list[tuple[str, int]], sentence_no: int) -> Optional[str]:
    if f.indefinite:
        return None
    if f.how == "surname":
        key = _surname_index(art).get((f.surname,))
        if key is None and f.honorific:
            key = _given_name_holder(art, f)
        return key if key and _compatible(art, key, f) else None
    if f.role == "counterpart":
        return _counterpart(art, f, history)
    if f.how == "role":
        return _role_antecedent(art, f, history) or (_office_holder(art, f) if f.quoted else None)
    return _pronoun_antecedent(art, f, history, sentence_no)


def _given_name_holder(art: _Article, f: _Found) -> Optional[str]:
    """Resolve "Prince Faisal" to the one person of the article whose first name that is.

    With nobody in the article of that first name, the one gazetteer person of that courtesy
    title and first name (by title or alias: "Sheikh Tamim") is meant; two candidates: nobody.
    """
    named = {key for key, entry in art.actors.items() if entry.kind == "person" and f.surname in _given_names(entry)}
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    styled = {e.key for e, given, courtesies in _styled_persons(art.gaz) if f.surname in given
              and (f.country is None or e.country == f.country) and f.honorific in courtesies}
    if len(styled) != 1:
        return None
    key = styled.pop()
    art.see(key)
    return key


@lru_cache(maxsize=8)
def _styled_persons(gaz: Gazetteer) -> tuple[tuple[Entry, frozenset[str], frozenset[str]], ...]:
    """Return every gazetteer person with their first names and courtesy titles."""
    return tuple((e, frozenset(_given_names(e)), frozenset(_courtesies(e)))
                 for e in gaz.entries.values() if e.kind == "person")


def _given_names(entry: Entry) -> set[str]:
    """Return the folded first names a person's name and aliases begin with, after any courtesy title."""
    out: set[str] = set()
    for form in (entry.name, *entry.aliases):
        toks = [t for t in _fold_tokens(form) if t not in _HONORIFICS and t != "crown"]
        if len(toks) > 1 and entry.country not in _FAMILY_FIRST_STATES:
            out.add(toks[0])
    return out


def _courtesies(entry: Entry) -> set[str]:
    """Return the courtesy titles (lower case) a gazetteer person holds by title or alias."""
    words = set(_fold_tokens(entry.title or ""))
    for alias in entry.aliases:
        words.add(_fold_tokens(alias)[0])
    return words & _HONORIFICS


_WORDED_LOOKBACK = 64  # mentions searched past the latest fit for one titled in the role's own words


def _role_antecedent(art: _Article, f: _Found, history: list[tuple[str, int]]) -> Optional[str]:
    """Return the latest person fit for a role, preferring one titled in the role's own words.

    "The prime minister" after "Prime Minister Albanese" and "Premier Li" is Albanese, however recent Li.
    """
    seen: set[str] = set()
    first: Optional[str] = None
    budget = _WORDED_LOOKBACK
    for k, _ in reversed(history):
        if first is not None:
            budget -= 1
            if budget < 0:
                break  # the worded holder must be recent too
        if k in seen:
            continue
        seen.add(k)
        if not _compatible(art, k, f):
            continue
        if not f.wording or any(f.wording in strip_accents(t).lower() for t in _all_titles(art, k)):
            return k
        first = first or k
    return first


def _all_titles(art: _Article, key: str) -> list[str]:
    entry = art.actors[key]
    return art.titles.get(key, []) + ([entry.title] if entry.title else [])


def _office_holder(art: _Article, f: _Found) -> Optional[str]:
    """Return the one current holder of a quoted role in the speaker's state ("the President")."""
    if not f.country:
        return None
    pool = [e for e in art.gaz.entries.values()
            if e.kind == "person" and e.in_office(art.day) and e.country == f.country and e.title
            and _role_fits(f.role, e.title)]
    if len(pool) != 1:
        return None
    art.see(pool[0].key)
    return pool[0].key


def _role_fits(role: Optional[str], title: str) -> bool:
    """Tell whether a title fills a role; a bare head ("the minister") fits every title it heads."""
    if role is None:
        return False
    key = _role_key(title)
    if key == role:
        return True
    head = _head_word(title)
    if role == "minister" and head == "secretary":
        return _ministerial_secretary(title)
    if role == "head_of_state":
        return key in _HEADS_OF_STATE
    if role == "leader":
        return key in _LEADERS
    return role in _HEADS and role == head


# Offices whose holder "the head of state" may be.
_HEADS_OF_STATE = frozenset({"president", "king", "queen", "emir", "sultan", "emperor"})
# Offices whose holder "the Kenyan leader" may be: a head of state or of government.
_LEADERS = _HEADS_OF_STATE | {"head_of_state", "prime_minister", "chancellor", "leader"}
_SECRETARY_OF_CABINET = frozenset({"cabinet", "state", "foreign"}) | _PORTFOLIO
_SECRETARY_OF_STAFF = frozenset({"press", "permanent", "general", "executive", "private", "principal", "under",
                                 "assistant", "party", "communications", "information"})


def _ministerial_secretary(title: str) -> bool:
    """Tell whether a secretary's title is a minister's ("Cabinet Secretary", "Economy Secretary")."""
    words = set(_WORD.findall(strip_accents(title).lower()))
    return bool(words & _SECRETARY_OF_CABINET) and not words & _SECRETARY_OF_STAFF


@lru_cache(maxsize=4096)
def _head_word(title: str) -> Optional[str]:
    """Return the office word a title names ("adviser" in "adviser to the President")."""
    words: list[str] = []
    for w in _WORD.findall(strip_accents(title).lower()):
        if w in ("of", "to", "for"):
            break
        words.append(w)
    return next((w for w in reversed(words) if w in _HEADS), None)


def _titles(art: _Article, entry: Entry) -> set[str]:
    """Return the role keys an actor is known by in this article."""
    titles = art.titles.get(entry.key, []) + ([entry.title] if entry.title else [])
    return {_role_key(t) for t in titles}


def _counterpart(art: _Article, f: _Found, history: list[tuple[str, int]]) -> Optional[str]:
    """Resolve "his Turkish counterpart": the person of that country in the possessor's office.

    The possessor is the latest person of another country; the counterpart is sought among the
    article's persons, then among the gazetteer's current office holders (when exactly one fits).
    """
    if not f.country:
        return None
    possessor = next((k for k, _ in reversed(history) if art.actors[k].country != f.country), None)
    roles = _titles(art, art.actors[possessor]) if possessor else set()

    def fits(e: Entry) -> bool:
        return e.kind == "person" and e.country == f.country and bool(roles & _titles(art, e))

    known = [k for k, e in art.actors.items() if fits(e)]
    if known:
        return known[0]
    pool = [e for e in art.gaz.entries.values() if e.in_office(art.day) and fits(e)]
    if len(pool) != 1:
        return None
    art.see(pool[0].key)
    return pool[0].key


def _pronoun_antecedent(art: _Article, f: _Found, history: list[tuple[str, int]], sentence_no: int) -> Optional[str]:
    """Prefer the first person of this sentence, else the first person of the latest sentence with one.

    An object pronoun ("Ishiba wished him success") skips its sentence's first person, the subject.
    """
    fitting = {k for k in {k for k, _ in history} if _gender_fits(art, art.actors[k], f.gender) and k not in f.later}
    fits = [(k, n) for k, n in history if k in fitting]
    if f.initial and f.speaks and fits:
        speaker = art.speakers.get(fits[-1][1])
        if speaker and any(k == speaker for k, _ in fits):
            return speaker  # "..., Ushakov said. He added that ...": the speaker goes on
    if (f.speaks or f.trailing) and sentence_no - 1 in art.unnamed_speakers and sentence_no - 1 not in art.speakers \
            and not any(n == sentence_no for _, n in fits):
        return None  # "One analyst said ... . The two sides, he said, ...": the analyst goes on
    if f.trailing:  # "The summit, chaired by A, is delayed, he said.": A is content, not the speaker
        fits = [(k, n) for k, n in fits if n < sentence_no]
        speaker = art.speakers.get(fits[-1][1]) if fits else None
        if speaker and any(k == speaker for k, _ in fits):
            return speaker
    if f.object:
        same = [k for k, n in fits if n == sentence_no]
        if len(set(same)) > 1:
            return next(k for k in reversed(same) if k != same[0])
        fits = [(k, n) for k, n in fits if n < sentence_no and k not in same[:1]]
    if not fits:
        return None
    latest = [k for k, n in fits if n == fits[-1][1]]
    if f.gender == "f":  # "A said B, who ... since she ...": a woman the article names beats one of unknown sex
        return next((k for k in latest if art.actors[k].gender == "f"), latest[0])
    return latest[0]


def _gender_fits(art: _Article, entry: Entry, gender: Optional[str]) -> bool:
    known = art.actors[entry.key].gender if entry.key in art.actors else entry.gender
    known = known or ("m" if entry.key in art.gaz.entries else None)
    return known is None or known == gender


def _compatible(art: _Article, key: str, f: _Found) -> bool:
    entry = art.actors[key]
    if entry.kind != "person" or (f.country and entry.country and entry.country != f.country):
        return False
    if f.role is None or f.how == "surname":
        return True
    titles = art.titles.get(key, []) + ([entry.title] if entry.title else [])
    if f.role in _HONORIFICS | _STYLES and f.role in {fold(h) for h in art.honours.get(key, [])}:
        return True
    if f.role == "leader" and not f.country:  # "the leader of the opposition": no state's, only a leader so titled
        return any(_head_word(t) == "leader" for t in titles)
    return any(_role_fits(f.role, t) for t in titles)


def _surname_index(art: _Article) -> dict[tuple[str, ...], str]:
    """Return folded short name -> key for the article's persons whose short name is unambiguous."""
    owners: dict[tuple[str, ...], set[str]] = {}
    for key, entry in art.actors.items():
        if entry.kind == "person":
            for short in _short_forms(entry.name, entry.surname, entry.country):
                owners.setdefault(short, set()).add(key)
    return {s: next(iter(ks)) for s, ks in owners.items() if len(ks) == 1 and s}


@lru_cache(maxsize=4096)
def _short_forms(name: str, surname: Optional[str], country: Optional[str]) -> tuple[tuple[str, ...], ...]:
    """Return the folded short forms an article may use for a person after naming them in full."""
    toks = _fold_tokens(name)
    forms = [_fold_tokens(surname) if surname else toks[-1:]]
    if len(forms[0]) == 2 and forms[0][0] in _ARTICLES:
        forms.append(forms[0][1:])  # "el-Sisi" is also "Sisi"
    if country in _GIVEN_NAME_STATES and len(toks) > 1:
        forms += [toks[:1], toks[-1:]]
    if len(toks) >= 3 and _PARTICLES.isdisjoint(toks):
        forms.append(toks[-2:])  # a double surname: "Grlić Radman" of "Gordan Grlić Radman"
    return tuple(dict.fromkeys(forms))


_LOW = attrgetter("low")
_FOLDED = attrgetter("folded")


def _scan_known_names(sent: Sentence, toks: list[Token], art: _Article, surnames: dict[tuple[str, ...], str],
                      found: list[_Found], firsts: Optional[dict[str, list[tuple[tuple[str, ...], str]]]] = None
                      ) -> None:
    """Find the full names and surnames of persons this article introduced by title.

    `firsts` are those names by first token (see `_first_tokens`; computed here when not given).
    """
    if firsts is None:
        firsts = _first_tokens(art, surnames)
    if firsts.keys().isdisjoint(map(_FOLDED, toks)):
        return
    taken = [(f.start, f.end) for f in found]
    after = 0  # first token past the last name found
    for i in [i for i, t in enumerate(toks) if t.folded in firsts]:
        t = toks[i]
        if i < after or not (t.text[0].isupper() or t.low in _LOWER_NAME_STARTS) \
                or any(a <= t.start < b for a, b in taken):
            continue
        hit = _known_name_at(sent.text, toks, i, firsts[t.folded])
        if hit:
            key, n = hit
            found.append(_Found(t.start, toks[i + n - 1].end, "name", key))
            after = i + n
            continue
        hit = _surname_at(sent.text, toks, i, surnames)
        if hit and not _after_given_name(sent.text, toks, i, art.gaz):
            key, n = hit
            found.append(_Found(t.start, toks[i + n - 1].end, "surname", key))
            after = i + n


def _first_tokens(art: _Article, surnames: dict[tuple[str, ...], str]
                  ) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Return the article's full names by first folded token, with the first token of every short name."""
    firsts: dict[str, list[tuple[tuple[str, ...], str]]] = {surname[0]: [] for surname in surnames}
    for names_toks, key in art.names.items():
        firsts.setdefault(names_toks[0], []).append((names_toks, key))
    return firsts


def _surname_at(text: str, toks: list[Token], i: int, surnames: dict[tuple[str, ...], str]
                ) -> Optional[tuple[str, int]]:
    """Return the person whose short name (one to three words) is written at token `i`."""
    for n in (3, 2, 1):
        short = tuple(t.folded for t in toks[i:i + n])
        if len(short) == n and short in surnames and all(
                _JOIN.fullmatch(text[toks[j - 1].end:toks[j].start]) for j in range(i + 1, i + n)):
            return surnames[short], n
    return None


def _after_given_name(text: str, toks: list[Token], i: int, gaz: Gazetteer) -> bool:
    """Tell whether token `i` follows a capitalised word that makes it part of someone else's name.

    "Khalid bin Salman" is not "bin Salman", nor "Lara Trump" "Trump"; a sentence-initial word
    ("Meanwhile Putin ...") counts only before a particle.
    """
    if i == 0 or text[toks[i - 1].end:toks[i].start] != " ":
        return False
    prev = toks[i - 1]
    if not prev.text[0].isupper() or prev.low in _NOT_NAME or prev.low in _TITLE_WORDS or prev.text.isupper() \
            or prev.folded in gaz.actor_index or prev.folded in gaz.place_index:
        return False
    return i - 1 > 0 or toks[i].low in _PARTICLES


def _known_name_at(text: str, toks: list[Token], i: int, names: list[tuple[tuple[str, ...], str]]
                   ) -> Optional[tuple[str, int]]:
    """Return the first of `names` (all beginning with token `i`) written at token `i`, and its length."""
    for names_toks, key in names:
        n = len(names_toks)
        if tuple(t.folded for t in toks[i:i + n]) == names_toks and all(
                _JOIN.fullmatch(text[toks[j - 1].end:toks[j].start]) for j in range(i + 1, i + n)):
            return key, n
    return None


def find_actors(sentences: Sequence[Sentence], *, gazetteer: Optional[Gazetteer] = None,
                day: Optional[dt.date] = None, lead: str = "") -> tuple[dict[str, ActorRef], list[ActorMention]]:
    """Find the actors of one article's sentences and every passage that refers to them.

    `day` (the publication day) picks who held an office the article names without a name; `lead`
    is the text before the first sentence, where a dateline may stand on a line of its own.
    """
    art = _Article(gazetteer or load_gazetteer(), day, _article_dateline(sentences, lead))
    global _last_places
    tokens = [_tokens(s.text) for s in sentences]
    art.tokens = tokens
    _last_places = {(s.text, s.start): _all_places(s.text, s.start, toks) for s, toks in zip(sentences, tokens)}
    scanned = [_scan(s, toks, art) for s, toks in zip(sentences, tokens)]
    surnames = _surname_index(art)
    firsts = _first_tokens(art, surnames)  # names are all known once every sentence is scanned
    for sent, toks, found in zip(sentences, tokens, scanned):
        _scan_known_names(sent, toks, art, surnames, found, firsts)
        if '"' in sent.text or "“" in sent.text:  # else no mention is quoted
            for f in found:
                f.quoted = _in_quote(sent.text, f.start)
        _mark_speech(sent.text, found)
    art.unnamed_speakers = {n for n, s in enumerate(sentences) if _UNNAMED_SPEAKER.search(s.text)}
    history: list[tuple[str, int]] = []
    resolved = [_resolve(art, found, history, n) for n, found in enumerate(scanned)]
    _resolve_forward(art, resolved)
    _resolve_office_holders(art, sentences, resolved)
    _place_companions(art, sentences, resolved)
    _place_delegates(art, sentences, tokens, resolved)
    _place_by_side(art, sentences, resolved)
    _place_inviters(art, sentences, tokens, resolved)
    _place_unplaced(art, sentences, tokens, resolved)
    _place_local_spokespeople(art, sentences, resolved, own_office=True)
    _place_leaders_spokespeople(art)
    _place_spokespeople(art, sentences, resolved)
    _place_local_spokespeople(art, sentences, resolved, own_office=False)
    _place_local_speakers(art, sentences, tokens, resolved)
    mentions = [ActorMention(f.key, Span(sent.start + f.start, sent.start + f.end, sent.text[f.start:f.end]), f.how)
                for sent, found in zip(sentences, resolved) for f in found if f.key]
    refs = {key: _actor_ref(art, key) for key in _used_keys(mentions)}
    return refs, mentions


_WORD_AFTER = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)[ \t\u00a0]+$")


_OPENING = re.compile(r"[\s\"“‘']*")
# The rest of a closing reporting clause: its verb and perhaps a short adjunct ("he said in Rabat.").
_TRAILING_REPORT = re.compile(r"\s+\w+(?:\s+[\w.'’-]+){0,4}\s*[.!?]?\s*$")


def _mark_speech(text: str, found: list[_Found]) -> None:
    """Mark mentions next to a verb of saying, and a subject pronoun that opens the sentence."""
    if not found:
        return
    opening = _OPENING.match(text).end()
    for f in found:
        f.speaks = _next_to_saying(text, f)
        if f.how == "pronoun" and not f.object and f.start == opening:
            f.initial = True
            f.later = frozenset(g.key for g in found if g.key and g.start > f.start)
        elif f.how == "pronoun" and f.speaks and not f.object and _TRAILING_REPORT.match(text, f.end) \
                and text[max(0, f.start - 4):f.start].rstrip().endswith((",", "\"", "”")):
            f.trailing = True
    _subject_over_inserted(text, opening, found)


def _next_to_saying(text: str, f: _Found) -> bool:
    """Tell whether a verb of saying follows a mention ("X said") or precedes one that ends a clause (", said X.")."""
    after = _WORD_AFTER.match(text, f.end)
    if after and after.group(1).lower() in _SPEECH_VERBS:
        return True
    if text[f.end:f.end + 1] not in ("", ".", ",", ";"):
        return False
    before = _WORD_BEFORE.search(text, max(0, f.start - 24), f.start)
    return bool(before and before.group(1).lower() in _SPEECH_VERBS)


def _subject_over_inserted(text: str, opening: int, found: list[_Found]) -> None:
    """Give the verb of saying back to the subject an inserted clause separates it from.

    In "Tinubu, handing over the chair to Bio, said ..." or "Lavrov, speaking after talks with
    Wang Yi, said ..." the name that closes the insertion is not the one who speaks.
    """
    subject = next((g for g in found if g.start <= opening + 4 and text[g.end:g.end + 1] == ","), None)
    if subject is None:
        return
    for f in found:
        if f is not subject and f.speaks and f.start > subject.end and text[f.end:f.end + 1] == "," \
                and not f.quoted and not _in_quote(text, subject.start):
            f.speaks, subject.speaks = False, True


def _place_unplaced(art: _Article, sentences: Sequence[Sentence], tokens: list[list[Token]],
                    resolved: list[list[_Found]]) -> None:
    """Give office holders the article left without a state the country of the scene they host.

    News leaves a host's nationality unsaid: "Retailleau travelled to Rabat for talks with his
    counterpart Laftit", "Ribadu met Prime Minister Zeine" after a trip to Niamey, "MEXICO CITY -
    Rubio held talks with Foreign Secretary de la Fuente". A traveller whose state is still unknown
    then belongs to the one other state the article's persons serve.
    """
    scene: Optional[str] = art.dateline
    recent: list[tuple[int, str]] = []
    travellers: dict[str, str] = {}
    for n, (sent, toks, found) in enumerate(zip(sentences, tokens, resolved)):
        places = [p for p in _places_of(sent.text, sent.start) if p.preposition and p.preposition != "from"
                  and not _ONWARD_LEG.search(sent.text, max(0, p.span.start - sent.start - 60), p.span.start - sent.start)]
        here = {p.country for p in places}
        people = [f.key for f in found if f.key and art.actors[f.key].kind == "person"]
        if all(art.actors[k].country is not None for k in people):  # nobody here to place
            recent += [(n, c) for c in here]
            continue
        first = people[0]
        ahead = {p.country for p in places if p.preposition not in ("in", "at", "near", "inside", "outside")}
        if len(ahead) == 1 and art.actors[first].country is None and not _TRAVEL_CUES.isdisjoint(map(_LOW, toks)):
            travellers.setdefault(first, next(iter(ahead)))
        visitor = art.actors[first].country
        options = [*here] if len(here) == 1 else [c for m, c in reversed(recent) if n - m <= 2]
        place = next((c for c in [*options, scene] if c and c != visitor), None)
        if place and not _MEETING_CUES.isdisjoint(map(_LOW, toks)) and _meets(toks):
            for key in dict.fromkeys(people):
                entry = art.actors[key]
                if entry.country is None and _unplaced_official(art, key) and travellers.get(key) != place \
                        and (key != first or any(art.actors[k].country == place for k in people)):
                    art.actors[key] = replace(entry, country=place)
        recent += [(n, c) for c in here]
    for key, destination in travellers.items():
        entry = art.actors[key]
        others = {e.country for e in art.actors.values() if e.kind == "person" and e.country} - {destination}
        if entry.country is None and len(others) == 1:
            art.actors[key] = replace(entry, country=others.pop())


# An unnamed source speaking: "One Algerian analyst said", "a senior diplomat told reporters".
_UNNAMED_SPEAKER = re.compile(
    r"\b(?:[Oo]ne|[Aa]n?|[Aa]nother|[Tt]wo|[Ss]everal|[Ss]ome)\s+(?:[\w-]+\s+){0,3}?(?:analysts?|diplomats?|officials?|"
    r"sources?|experts?|observers?|researchers?|commentators?|professors?|economists?|lawmakers?|insiders?|aides?)"
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:said|says|told|added|noted|argued|warned)\b")


# Where an invitation names its giver: "at the invitation of X", "invited by X".
_INVITED_BY = re.compile(r"\b(?:invitation\s+(?:of|from)|invited\s+by)\s+(?:[A-Za-z][\w'’.-]*\s+){0,5}$")


def _place_inviters(art: _Article, sentences: Sequence[Sentence], tokens: list[list[Token]],
                    resolved: list[list[_Found]]) -> None:
    """Give the unplaced host who invites a visit the state visited ("a visit to Lithuania at the invitation of X")."""
    for sent, toks, found in zip(sentences, tokens, resolved):
        if "invit" not in sent.text:
            continue
        hosts = [f for f in found if f.key and art.actors[f.key].kind == "person" and art.actors[f.key].country is None
                 and _INVITED_BY.search(sent.text, max(0, f.start - 80), f.start) and _unplaced_official(art, f.key)]
        if not hosts:
            continue
        ahead = _destinations(sent, toks)
        if len(ahead) == 1:
            art.actors[hosts[0].key] = replace(art.actors[hosts[0].key], country=ahead.pop())


# A leg after the scene: "met X before flying to Abidjan", "then flew on to Lagos". Its place is not the scene's.
_ONWARD_LEG = re.compile(r"\b(?:before|ahead\s+of)\s+(?:\w+ing)\b[^,;]*?\s(?:to|for)\s+(?:the\s+)?$|"
                         r"\b(?:then|later|next)\s+(?:\w+\s+)?(?:flew|travell?ed|left|headed|went|continued)\b[^,;]*?"
                         r"\s(?:to|for)\s+(?:the\s+)?$", re.I)


# "on the Tunisian side", "from the Russian side": the state of the officials listed after it.
_SIDE = re.compile(r"\b(?:[Oo]n|[Ff]rom|[Ff]or) the ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) side\b")


def _place_by_side(art: _Article, sentences: Sequence[Sentence], resolved: list[list[_Found]]) -> None:
    """Give officials of unsaid state listed after "on the Tunisian side" that side's state.

    "attended, on the Tunisian side, by Minister X, and on the Italian side by Minister Y": each
    side runs to the next one or the sentence end.
    """
    for sent, found in zip(sentences, resolved):
        if " side" not in sent.text:
            continue
        sides = [(m.end(), art.gaz.state_of(m.group(1))) for m in _SIDE.finditer(sent.text)]
        for f in found:
            entry = art.actors.get(f.key) if f.key else None
            side = next((state for at, state in reversed(sides) if at <= f.start), None)
            if side and entry and entry.kind == "person" and entry.country is None and _unplaced_official(art, f.key):
                art.actors[f.key] = replace(entry, country=side)


_ACCOMPANIED = "accompanied by"


def _place_companions(art: _Article, sentences: Sequence[Sentence], resolved: list[list[_Found]]) -> None:
    """Give officials of unsaid state who accompany someone that person's state.

    "Meloni will be accompanied by Interior Minister X and University Minister Y": X and Y are
    Italian; the one accompanied is the nearest person with a state before "accompanied by".
    """
    for sent, found in zip(sentences, resolved):
        at = sent.text.find(_ACCOMPANIED)
        if at < 0:
            if "accompan" in sent.text:
                _place_active_companion(art, sent.text, found)
            continue
        leader = next((art.actors[f.key].country for f in reversed(found) if f.key and f.end <= at
                       and art.actors[f.key].kind == "person" and art.actors[f.key].country), None)
        for f in found:
            entry = art.actors.get(f.key) if f.key else None
            if leader and f.start > at and entry and entry.kind == "person" and entry.country is None \
                    and _unplaced_official(art, f.key):
                art.actors[f.key] = replace(entry, country=leader)


# "X, who is part of the Australian delegation": X, right before, is a member of it.
_MEMBER_OF = re.compile(
    r"\s*,?\s*(?:who\s+)?(?:(?:is|was|are|were|will\s+be|would\s+be|has\s+been|had\s+been)\s+)?"
    r"(?:also\s+)?(?:(?:a\s+)?part|(?:a\s+)?members?|among\s+the\s+members)\s+of\s+"
    r"(?:(?:the|his|her|their|a|an)\s+)?((?:[\w'’-]+\s+){0,2}?)delegation\b")
# "a delegation of ministers, which includes X and Y": the persons after it are members.
_DELEGATION = re.compile(r"\b((?:[\w'’-]+\s+){0,2}?)delegation\b")
# What may stand between "delegation" and "includes": "which (also)", or a "led by X," clause first.
_INCLUDES = re.compile(
    r"\s*,?\s*(?:(?:led|headed)\s+by\s+[^,;]{1,60},\s*)?(?:(?:which|that)\s+)?(?:also\s+)?"
    r"(?:will\s+|would\s+)?(?:includes|included|including|comprises|comprised|comprising|include)\b")
_ARRIVALS = frozenset({"arrive", "arrives", "arrived", "arriving"})
_LED_BY = re.compile(r"\bdelegation\s*,?\s+(?:led|headed)\s+by\b")


def _place_delegates(art: _Article, sentences: Sequence[Sentence], tokens: list[list[Token]],
                     resolved: list[list[_Found]]) -> None:
    """Give members of a delegation of unsaid state the delegation's state.

    "Trade Minister X, who is part of the delegation", "the delegation, which includes Y" or "a
    delegation led by Z": the delegation is that of the state its words name ("the Fijian
    delegation"), of the person who leads it, else of the article's visitor (see `_visiting_state`).
    """
    for n, (sent, found) in enumerate(zip(sentences, resolved)):
        if "delegation" not in sent.text:
            continue
        named = _DELEGATION.search(sent.text)
        if named is None:
            continue  # only "delegations": two sides
        members: list[tuple[_Found, str]] = []
        for f in found:
            m = _MEMBER_OF.match(sent.text, f.end)
            if m:
                members.append((f, m.group(1)))
        includes = _INCLUDES.match(sent.text, named.end())
        if includes:
            at = includes.end()
            for f in found:
                if f.start < at:
                    continue
                if not _list_gap(sent.text[at:f.start]):
                    break  # the list of members has ended
                members.append((f, named.group(1)))
                at = f.end
        led = _LED_BY.search(sent.text)
        if led:
            members += [(f, named.group(1)) for f in found if f.start >= led.end()][:1]
        for f, words in members:
            entry = art.actors.get(f.key) if f.key else None
            if entry is None or entry.kind != "person" or entry.country is not None \
                    or not _unplaced_official(art, f.key):
                continue
            state = _delegation_state(art, sentences, tokens, resolved, n, words)
            if state:
                art.actors[f.key] = replace(entry, country=state)


_LIST_WORDS = _TITLE_WORDS | _PORTFOLIO | _CONNECTORS  # lower-case words a title in a list may hold


def _list_gap(gap: str) -> bool:
    """Tell whether text between two listed persons only joins them and titles the next ("and Energy Minister")."""
    words = gap.replace(",", " ").split()
    return len(words) <= 8 and all(w == "and" or w[:1].isupper() or w.lower() in _LIST_WORDS for w in words)


def _delegation_state(art: _Article, sentences: Sequence[Sentence], tokens: list[list[Token]],
                      resolved: list[list[_Found]], n: int, before: str) -> Optional[str]:
    """Return the state of a delegation: named in the words `before` it, of its leader, else the article's visitor."""
    words = [w for w in before.split() if w.lower() not in _DETERMINERS]
    text = sentences[n].text
    owners = {text[f.start:f.end]: art.actors[f.key].country for f in resolved[n]
              if f.key and art.actors[f.key].kind == "person" and text.startswith(("'s", "’s"), f.end)}
    named = [owners.get(w[:-2]) or art.gaz.state_of(_POSSESSOR.sub(lambda p: p.group()[:-2], w)) for w in words]
    if any(named):
        return next(c for c in named if c)
    if words and words[-1][:1].isupper():
        return None  # a body the gazetteer lacks ("the Hamas delegation")
    led = _LED_BY.search(text)
    leader = next((art.actors[f.key] for f in resolved[n] if led and f.key and f.start >= led.end()), None)
    if leader and leader.kind == "person" and leader.country:
        return leader.country
    return _visiting_state(art, sentences, tokens, resolved, n)


def _visiting_state(art: _Article, sentences: Sequence[Sentence], tokens: list[list[Token]],
                    resolved: list[list[_Found]], n: int) -> Optional[str]:
    """Return the state of the article's first traveller up to sentence `n`: of the one state its sentence's
    persons serve other than that of the place travelled to ("Albanese ..., a six-day visit to China").

    The first: a report opens with the trip it is about; later ones recall others ("Li visited Australia").
    """
    for m in range(n + 1):
        ahead = _destinations(sentences[m], tokens[m])
        if len(ahead) != 1:
            continue
        states = {art.actors[f.key].country for f in resolved[m] if f.key and art.actors[f.key].kind == "person"}
        states -= ahead | {None}
        if len(states) == 1:
            return states.pop()
    return None


# "X, who accompanied Sheinbaum to Canada": X, right before the verb, goes with the person after it.
_ACCOMPANIES = re.compile(r"\s*,?\s*(?:who\s+)?(?:(?:has|had|will|would)\s+)?(?:also\s+)?"
                          r"accompan(?:ied|ies|y|ying)\s+(?!by\b)")


def _place_active_companion(art: _Article, text: str, found: list[_Found]) -> None:
    """Give the official of unsaid state who accompanies the next person named that person's state."""
    for n, f in enumerate(found[:-1]):
        m = _ACCOMPANIES.match(text, f.end)
        entry = art.actors.get(f.key) if f.key else None
        if m is None or entry is None or entry.kind != "person" or entry.country is not None \
                or not _unplaced_official(art, f.key):
            continue
        led = next((g for g in found[n + 1:] if g.key and g.start >= m.end()), None)
        gap = text[m.end():led.start] if led else ","
        leader = art.actors[led.key] if len(gap) <= 40 and not set(gap) & {",", ";"} else None
        if leader and leader.kind == "person" and leader.country:
            art.actors[f.key] = replace(entry, country=leader.country)


# Cue words that, with "off", undo a meeting rather than name one ("the trip was called off").
_CALLED_OFF = frozenset({"call", "calls", "called", "calling"})


def _meets(toks: list[Token]) -> bool:
    """Tell whether a sentence's meeting cue is not only "called off" (its cancellation)."""
    return any(t.low in _MEETING_CUES and not (t.low in _CALLED_OFF and n + 1 < len(toks) and toks[n + 1].low == "off")
               for n, t in enumerate(toks))


_SPOKES_TITLE = re.compile(r"(?i)\b(?:spokes\w*|press secretary)\b")
# A body a state owns: "Armenia's foreign ministry", "the Afghan Foreign Ministry", "Kazakh Foreign Minister".
_BODY = re.compile(r"(?i)\b(?:ministry|minister|government|presidency|embassy|foreign office)\b")
_BODY_OWNER = re.compile(r"([\w.'’-]+(?:[ \t\u00a0]+[\w.'’-]+){0,3})[ \t\u00a0]+$")
_SPOKES_REACH = 2  # sentences before a spokesperson's own in which to look for the body they speak for


def _place_spokespeople(art: _Article, sentences: Sequence[Sentence], resolved: list[list[_Found]]) -> None:
    """Give a spokesperson of unsaid nationality the state of the body last named before them.

    "Armenia's foreign ministry confirmed the trip. Spokeswoman Ani Badalyan said ..." or "..., the
    Afghan Foreign Ministry said. Deputy spokesman Fitrat said ...": the body is the state's.
    """
    for n, found in enumerate(resolved):
        for f in found:
            entry = art.actors.get(f.key) if f.key else None
            if entry is None or entry.kind != "person" or entry.country is not None \
                    or not _unplaced_official(art, f.key) \
                    or not any(_SPOKES_TITLE.search(t) for t in art.titles.get(f.key, [])):
                continue
            texts = [s.text for s in sentences[max(0, n - _SPOKES_REACH):n]] + [sentences[n].text[:f.start]]
            owner = next((c for text in reversed(texts) for c in reversed(_body_owners(text, art.gaz))), None)
            if owner:
                art.actors[f.key] = replace(entry, country=owner)


# A spokesperson's title that names a state's own office without naming the state ("presidential
# spokesman", "government spokeswoman", "Foreign Office spokesman"): news leaves it unsaid for the
# state the story is filed from.
_OWN_OFFICE = re.compile(
    r"(?i)\b(?:presidential|presidency|president['’]s|government|cabinet|prime minister['’]s"
    r"|foreign (?:office|ministry)|palace)\b")


def _place_local_spokespeople(art: _Article, sentences: Sequence[Sentence], resolved: list[list[_Found]],
                              own_office: bool) -> None:
    """Give a spokesperson of unsaid nationality the state of the scene their sentence sets, else of the dateline.

    With `own_office`, only those whose title names an office of their own state ("presidential
    spokesman Manuel Adorni" under "BUENOS AIRES -"), before any guess from earlier sentences; else
    any spokesperson nothing else placed. "In Abuja, presidential spokesman X said" is Nigeria's.
    """
    local = art.dateline
    for sent, found in zip(sentences, resolved):
        for f in found:
            entry = art.actors.get(f.key) if f.key else None
            if entry is None or entry.kind != "person" or entry.country is not None \
                    or not _unplaced_official(art, f.key):
                continue
            titles = [t for t in art.titles.get(f.key, []) if _SPOKES_TITLE.search(t)]
            if not titles or (own_office and not any(_OWN_OFFICE.search(t) for t in titles)) \
                    or _unknown_body(sent.text, f, art.gaz):
                continue
            scene = {p.country for p in _places_of(sent.text) if _speaking_place(sent.text, p)}
            place = scene.pop() if len(scene) == 1 else None if scene else local
            if place:
                art.actors[f.key] = replace(entry, country=place)


def _place_local_speakers(art: _Article, sentences: Sequence[Sentence], tokens: list[list[Token]],
                          resolved: list[list[_Found]]) -> None:
    """Give an official of unsaid state who speaks in a place ("X said in Ottawa") that place's state.

    Not where the article's trip goes, nor where their own sentence travels: a visitor speaks abroad
    ("Trade Minister X, in New Delhi with Anand, told reporters in New Delhi ..."); nor where the
    lede or their sentence holds a gathering ("at the summit in Johannesburg"); nor when their
    sentence meets someone, which makes them host or guest (see `_place_unplaced`).
    """
    visited: Optional[set[str]] = None
    for n, (sent, found) in enumerate(zip(sentences, resolved)):
        people = [f for f in found if f.key and art.actors[f.key].kind == "person"]
        unplaced = [f for f in people if art.actors[f.key].country is None and _unplaced_official(art, f.key)
                    and _speaks(sent.text, f, people)]
        if not unplaced or _unknown_body(sent.text, unplaced[0], art.gaz):
            continue
        scene = {p.country for p in _places_of(sent.text) if _speaking_place(sent.text, p)}
        if visited is None:
            visited = _first_destination(sentences, tokens) | _gathering_places(sentences[:_LEDE], tokens)
        if len(scene) != 1 or scene & visited or scene & _destinations(sent, tokens[n]) \
                or not _MEETING_CUES.isdisjoint(map(_LOW, tokens[n])) \
                or scene & _gathering_places([sent], tokens[n:n + 1]):
            continue
        key = unplaced[0].key
        art.actors[key] = replace(art.actors[key], country=scene.pop())


def _speaks(text: str, f: _Found, people: list[_Found]) -> bool:
    """Tell whether a person's mention speaks: next to a verb of saying, or the first person before one."""
    if f.quoted:
        return False
    return f.speaks or (f is people[0] and f.start < 60 and not _SPEECH_VERBS.isdisjoint(
        w.lower() for w in _WORD.findall(text, f.end)))


# Gatherings that bring officials from abroad: the place of one is no clue to a speaker's state.
_GATHERINGS = frozenset(
    "summit summits sidelines margins conference forum assembly session sessions congress ministerial "
    "meeting meetings talks".split()
)


def _destinations(sent: Sentence, toks: list[Token]) -> set[str]:
    """Return the states of the places a sentence travels to ("to China", "arrived in New Delhi")."""
    words = set(map(_LOW, toks))
    if _TRAVEL_CUES.isdisjoint(words):
        return set()
    arrival = not _ARRIVALS.isdisjoint(words)  # "arrived in Nairobi" names where they went
    return {p.country for p in _places_of(sent.text, sent.start) if p.preposition
            and p.preposition not in ("at", "near", "inside", "outside", "from") and (arrival or p.preposition != "in")}


_LEDE = 2  # sentences that set an article's scene: a gathering named later may be one recalled


def _gathering_places(sentences: Sequence[Sentence], tokens: list[list[Token]]) -> set[str]:
    """Return the states where the article's gatherings are held ("the SADC summit in Harare")."""
    return {p.country for sent, toks in zip(sentences, tokens) if not _GATHERINGS.isdisjoint(map(_LOW, toks))
            for p in _places_of(sent.text, sent.start) if p.preposition in ("in", "at")}


def _first_destination(sentences: Sequence[Sentence], tokens: list[list[Token]]) -> set[str]:
    """Return the state the article's first trip goes to (the one place its sentence travels to), as a set."""
    for sent, toks in zip(sentences, tokens):
        ahead = _destinations(sent, toks)
        if len(ahead) == 1:
            return ahead
    return set()


# A spokesperson's title that names the leader they speak for, and that leader's role key.
_LEADERS_OFFICE = (
    (re.compile(r"(?i)\b(?:presidential|presidency|president['’]s)\b"), "president"),
    (re.compile(r"(?i)\bprime minister['’]s\b"), "prime_minister"),
    (re.compile(r"(?i)\b(?:chancellery|chancellor['’]s)\b"), "chancellor"),
)


_WORDS_BEFORE = re.compile(r"[\w'’.-]+")
_TITLE_AFTER = re.compile(r"\s*,\s*(?:(?:a|an|the)\s+)?([\w'’.-]+)")


def _unknown_body(text: str, f: _Found, gaz: Gazetteer) -> bool:
    """Tell whether a capitalised word the gazetteer lacks qualifies the mention's title ("Hamas spokesman X").

    Such a body (a movement, a party, an agency) may belong to no state, or to another than the scene's.
    """
    words = _WORDS_BEFORE.findall(text, max(0, f.start - 80), f.start)
    while words and words[-1].lower() in _TITLE_WORDS:
        words.pop()
    after = _TITLE_AFTER.match(text, f.end)
    candidates = [words[-1]] if words else []
    if after and after.group(1).lower() not in _TITLE_WORDS:
        candidates.append(after.group(1))
    return any(_unknown_word(w, gaz) for w in candidates)


# Words naming a state's own parties or opposition ("Opposition Conservative critic X"): not a body abroad.
_DOMESTIC_PARTIES = frozenset(
    "opposition conservative conservatives liberal liberals labour labor democratic democrat democrats "
    "republican republicans socialist socialists green greens nationalist ruling".split()
)


def _unknown_word(word: str, gaz: Gazetteer) -> bool:
    word = _POSSESSOR.sub(lambda m: m.group()[:-2], word)
    return word[:1].isupper() and word.lower() not in _NOT_NAME and word.lower() not in _DOMESTIC_PARTIES \
        and not gaz.state_of(word) and not gaz.lookup(word)


def _speaking_place(text: str, place: Place) -> bool:
    """Tell whether a place is where the sentence's speaker is: "In Abuja, X said", "X said in Abuja"."""
    if place.preposition not in ("in", "at"):
        return False
    before = text[:place.span.start].rstrip()
    before = before[:before.rfind(" ") + 1].rstrip() if " " in before else ""  # drop the preposition
    word = _WORD_BEFORE.search(before + " ")
    if word and word.group(1).lower() in _AUDIENCES:  # "told reporters in Nairobi"
        word = _WORD_BEFORE.search(before[:word.start()] + " ") if word.start() else None
    return not before.strip(" \"“'") or bool(word and word.group(1).lower() in _SPEECH_VERBS | _SPEAKING)


# Whom a speaker tells, between the verb and the place ("told reporters in Nairobi").
_AUDIENCES = frozenset({"reporters", "journalists", "correspondents", "parliament", "lawmakers", "legislators"})
_SPEAKING = frozenset({"speaking", "spoke", "speaks"})  # "X, speaking in Nairobi, said"


def _place_leaders_spokespeople(art: _Article) -> None:
    """Give a "presidential spokesman" of unsaid state the state of the one president the article names."""
    for key, entry in list(art.actors.items()):
        if entry.kind != "person" or entry.country is not None or not _unplaced_official(art, key):
            continue
        titles = [t for t in art.titles.get(key, []) if _SPOKES_TITLE.search(t)]
        roles = {role for t in titles for rx, role in _LEADERS_OFFICE if rx.search(t)}
        if len(roles) != 1:
            continue
        role = roles.pop()
        states = {e.country for k, e in art.actors.items() if e.kind == "person" and k != key
                  and role in _titles(art, e)}
        if len(states) == 1 and None not in states:
            art.actors[key] = replace(entry, country=states.pop())


def _body_owners(text: str, gaz: Gazetteer) -> list[Optional[str]]:
    """Return, in order, the states named as owners of the bodies a text mentions (see `_BODY`)."""
    owners: list[Optional[str]] = []
    for m in _BODY.finditer(text):
        before = _BODY_OWNER.search(text[:m.start()])
        if before:
            words = [_POSSESSOR.sub(lambda p: p.group()[:-2], w) for w in before.group(1).split()]
            while words and words[-1].lower() in _TITLE_WORDS | _PORTFOLIO:
                words.pop()  # "Kazakh Foreign Minister": the owner is right before the body's own words
            # the owner ends where the body's words begin: not "to Algiers by Justice Minister"
            owners.append(next((gaz.state_of(" ".join(words[i:])) for i in range(len(words))
                                if gaz.state_of(" ".join(words[i:]))), None))
    return [o for o in owners if o]


def _unplaced_official(art: _Article, key: str) -> bool:
    """Tell whether a person is new to the gazetteer and serves no international body (EU commissioner)."""
    if key in art.gaz.entries or key in art.stateless:
        return False
    if not art.titles.get(key) and any(_styled(h) for h in art.honours.get(key, [])):
        return False  # clergy and scholars serve no state unless the text says so
    return not any(_serves_body(t, art.gaz) for t in art.titles.get(key, []))


@lru_cache(maxsize=4096)
def _serves_body(title: str, gaz: Gazetteer) -> bool:
    """Tell whether a title is an office of an international body ("EU envoy", "European Commissioner")."""
    if "european" in title.lower().split():
        return True
    return any(e.kind == "organization" for w in _title_names(title) for e in gaz.lookup(w))


def _title_names(title: str) -> list[str]:
    words = re.findall(r"[\w.]+", _POSSESSOR.sub(lambda m: m.group()[:-2], title))
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1)]


def _article_dateline(sentences: Sequence[Sentence], lead: str) -> Optional[str]:
    """Return the state of the article's dateline: opening its first sentence, else alone on a line before it."""
    if sentences and (state := _dateline_country(sentences[0].text)):
        return state
    for line in map(str.strip, lead.splitlines()):
        m = _DATELINE.match(line + "\n")
        if m and _DATELINE_REST.fullmatch(line[m.end():].strip()):  # "PARIS -", "MOSCOW, Oct 3 (Reuters) -"
            return _dateline_country(line + "\n")
    return None


# What may follow a dateline's place on a line of its own: a date and an agency, ending in a dash.
_DATELINE_REST = re.compile(r"(?:[\w .,'’()/]{0,40}(?:—|–|--|-))?")


def _dateline_country(text: str) -> Optional[str]:
    """Return the state of the place an opening dateline names ("HANOI, Aug 11 -"), if known."""
    m = _DATELINE.match(text)
    if not m:
        return None
    places = find_places(m.group(1).title(), all_mentions=True)
    return places[0].country if places else None


def _resolve_forward(art: _Article, resolved: list[list[_Found]]) -> None:
    """Resolve role references with no earlier antecedent to the first later compatible person."""
    order = list(dict.fromkeys(f.key for found in resolved for f in found
                               if f.key and art.actors[f.key].kind == "person"))
    for found in resolved:
        for f in found:
            if f.how == "role" and f.key is None and not f.indefinite:
                f.key = next((k for k in order if _compatible(art, k, f)), None)


# Words that make a role someone else than its holder on the day ("the former Russian president").
_NOT_SITTING = re.compile(r"(?i)\b(?:former|ex|then|late|outgoing|incoming|next|future|previous|new)\b")
# Roles whose words name the article's own state's office ("the Head of State" in a Tunisian readout).
_OWN_STATE_ROLES = frozenset({"head of state", "head of government", "president of the republic"})


def _resolve_office_holders(art: _Article, sentences: Sequence[Sentence], resolved: list[list[_Found]]) -> None:
    """Resolve "the Head of State" and the like, still without antecedent, to the office's holder on the day.

    The state is the role's own ("Tunisia's head of state") or the dateline's ("TUNIS - The Head of
    State received ..."); "former" and similar words make it nobody.
    """
    local = art.dateline
    for sent, found in zip(sentences, resolved):
        for f in found:
            if f.how != "role" or f.key or f.indefinite or f.wording not in _OWN_STATE_ROLES \
                    or _NOT_SITTING.search(sent.text, f.start, f.end):
                continue
            country = f.country or local
            if country:
                f.country = country
                f.key = _office_holder(art, f)


def _used_keys(mentions: list[ActorMention]) -> list[str]:
    return list(dict.fromkeys(m.actor for m in mentions))


def _actor_ref(art: _Article, key: str) -> ActorRef:
    """Build the ActorRef: canonical name, the article's most specific title, spellings seen."""
    entry = art.actors[key]
    title = _best_title(art.titles.get(key, []), entry.title) or next(iter(art.honours.get(key, [])), None)
    aliases = tuple(dict.fromkeys(s for s in art.spellings.get(key, []) if s != entry.name))
    if entry.kind == "state":
        aliases = ()
    return ActorRef(key, entry.name, entry.kind, entry.country, title, entry.wikidata_id, aliases)


def _best_title(given: list[str], default: Optional[str]) -> Optional[str]:
    """Prefer the longest title the article gives, unless the default says more of the same role."""
    if not given:
        return default
    best = max(given, key=len)
    if default and _role_key(default) == _role_key(best) and len(default) > len(best):
        return default
    return best


def find_places(text: str, *, offset: int = 0, all_mentions: bool = False) -> list[Place]:
    """Find cities and states named as locations ("in Moscow", "to Türkiye"); all with `all_mentions`.

    Cities count everywhere a locative word or a descriptor ("the Russian city of") precedes them;
    so do states. `offset` is added to every span (pass the sentence's start).
    """
    places = _places_of(text, offset)
    if all_mentions:
        return list(places)
    return [p for p in places if p.preposition]


def _places_of(text: str, offset: int = 0) -> list[Place]:
    """Return every place `text` names: found already for a sentence of the article read last."""
    places = _last_places.get((text, offset))
    return _all_places(text, offset) if places is None else places


def _all_places(text: str, offset: int = 0, toks: Optional[list[Token]] = None) -> list[Place]:
    """Find every city and state `text` names, with the locative word before each if any.

    Spans shift by `offset`; `toks` are the text's tokens when already made.
    """
    gaz = load_gazetteer()
    toks = _tokens(text) if toks is None else toks
    index, seconds = gaz.place_index, _second_tokens(gaz)
    places: list[Place] = []
    j = 0  # first token past the last place found
    for i in [i for i, t in enumerate(toks) if t.folded in index]:
        if i < j:
            continue
        after = seconds[toks[i].folded]
        if after is not None and (i + 1 == len(toks) or toks[i + 1].folded not in after):
            continue  # "the" not followed by "netherlands", "gambia", ...
        surface = _match_at(text, toks, i, index)
        if surface is None:
            continue
        j = i + len(surface.tokens)
        prep = _preposition(toks, i, gaz)
        entry = gaz.entries[surface.key]
        start, end = toks[i].start, toks[j - 1].end
        kind = "state" if entry.kind == "state" else "city"
        places.append(Place(Span(start + offset, end + offset, text[start:end]), entry.name, entry.country, kind, prep))
    if "capital" in text:
        places = sorted(places + _capitals(text, toks, gaz, offset), key=lambda p: p.span.start)
    return places


@lru_cache(maxsize=8)
def _second_tokens(gaz: Gazetteer) -> dict[str, Optional[frozenset[str]]]:
    """Return, per first token of a place form, the second tokens its forms go on with (None: some form is one word)."""
    out: dict[str, Optional[frozenset[str]]] = {}
    for first, forms in gaz.place_index.items():
        single = any(len(f.tokens) == 1 for f in forms)
        out[first] = None if single else frozenset(f.tokens[1] for f in forms)
    return out


def _capitals(text: str, toks: list[Token], gaz: Gazetteer, offset: int = 0) -> list[Place]:
    """Find "the Libyan capital" (with no city name after it): the capital of the state the demonym names."""
    out: list[Place] = []
    for i, t in enumerate(toks):
        if t.low != "capital" or i == 0 or (i + 1 < len(toks) and toks[i + 1].folded in gaz.place_index):
            continue
        for n in (2, 1):
            words = toks[i - n:i] if i >= n else []
            phrase = text[words[0].start:words[-1].end] if words and words[0].text[0].isupper() else ""
            iso3 = gaz.state_of(phrase) if fold(phrase) in gaz.demonyms else None
            if iso3 and iso3 in gaz.capitals:
                start, end = words[0].start, t.end
                out.append(Place(Span(start + offset, end + offset, text[start:end]), gaz.capitals[iso3], iso3, "city",
                                 _preposition(toks, i - n, gaz)))
                break
    return out


def _preposition(toks: list[Token], i: int, gaz: Gazetteer) -> Optional[str]:
    """Return the locative word before token `i`, skipping descriptors like "the Russian city of"."""
    j = i - 1
    while j >= 0 and i - j <= 8:
        word = toks[j].low
        if word in _LOCATIVE:
            return None if word == "to" and j and toks[j - 1].low in _NOT_TO_PLACE else word
        if word not in _PLACE_DESCRIPTORS and word not in gaz.demonyms:
            return None
        j -= 1
    return None
