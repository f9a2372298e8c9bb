"""What extraction passes between its stages and hands to the dataset.

Offsets are Python string indices into the article's raw text (the decoded file, byte for byte as
received): `raw[start:end]` is always the passage an object stands for.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional


@dataclass(frozen=True)
class Span:
    """A passage of the raw text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence(Span):
    """A sentence of the cleaned article; `index` counts sentences from 0, `paragraph` paragraphs."""

    index: int = 0
    paragraph: int = 0


@dataclass(frozen=True)
class Article:
    """One corpus article: its raw text, metadata and the sentences cleaning kept."""

    source_id: str
    path: Path
    raw: str
    sha256: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    published: Optional[dt.date] = None
    published_basis: Optional[str] = None
    language: Optional[str] = "en"
    sentences: tuple[Sentence, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateWindow:
    """A resolved time expression: the days it may denote, how precisely, and how it was found."""

    start: Optional[dt.date]
    end: Optional[dt.date]
    precision: Optional[str]  # day | week | month | season | year; None when unknown
    edtf: Optional[str]
    basis: str  # explicit | relative | publication | unknown
    span: Optional[Span] = None  # the expression in the raw text

    @classmethod
    def unknown(cls) -> "DateWindow":
        return cls(None, None, None, None, "unknown")


@dataclass(frozen=True)
class ActorRef:
    """An actor as extraction knows it; `key` becomes actors.actor_id."""

    key: str
    name: str
    kind: str  # person | organization | state
    country: Optional[str] = None
    title: Optional[str] = None
    wikidata_id: Optional[str] = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """A passage that refers to an actor, resolved (names, titles, surnames, roles, pronouns)."""

    actor: str  # ActorRef.key
    span: Span
    how: str  # name | alias | surname | title | role | pronoun | state | demonym


@dataclass
class VisitCandidate:
    traveler: str
    host_country: str
    evidence: Span
    status: str
    window: DateWindow = field(default_factory=DateWindow.unknown)
    origin_country: Optional[str] = None
    city: Optional[str] = None
    occasion: Optional[str] = None
    invited_by: Optional[str] = None


@dataclass
class MeetingCandidate:
    participants: tuple[str, ...]
    evidence: Span
    status: str
    mode: str = "in_person"
    window: DateWindow = field(default_factory=DateWindow.unknown)
    city: Optional[str] = None
    country: Optional[str] = None
    format: Optional[str] = None  # derived from participants' states when None
    occasion: Optional[str] = None
    visit: Optional[int] = None  # index into ArticleRecords.visits


@dataclass
class StatementCandidate:
    speaker: str
    text: str
    kind: str  # direct | indirect
    evidence: Span
    window: DateWindow = field(default_factory=DateWindow.unknown)
    meeting: Optional[int] = None  # index into ArticleRecords.meetings


@dataclass
class ArticleRecords:
    """Everything extracted from one article, before merging across articles."""

    article: Article
    actors: dict[str, ActorRef] = field(default_factory=dict)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    visits: list[VisitCandidate] = field(default_factory=list)
    meetings: list[MeetingCandidate] = field(default_factory=list)
    statements: list[StatementCandidate] = field(default_factory=list)
