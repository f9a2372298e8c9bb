"""Pydantic models: the single definition of every published table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .vocab import (
    EDTF_PATTERN,
    ActorKind,
    Format,
    Mode,
    Precision,
    PublishedBasis,
    RecordType,
    StatementKind,
    Status,
    check_country,
    edtf_bounds,
)

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SOURCE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

Country = Annotated[
    str,
    Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3 code"),
    AfterValidator(check_country),
]
RecordId = Annotated[str, Field(pattern=ID_PATTERN)]
Text = Annotated[str, Field(min_length=1)]
EdtfDate = Annotated[
    Optional[str],
    Field(pattern=EDTF_PATTERN, description="When, as EDTF (2025-05-26, 2025-05-26/2025-05-27, 2024-02, 2020); empty if unknown"),
]
DateStart = Annotated[Optional[dt.date], Field(description="First day the date may fall on")]
DateEnd = Annotated[Optional[dt.date], Field(description="Last day the date may fall on")]
DatePrecision = Annotated[
    Optional[Precision], Field(description="How precisely the date is known: day, week, month, season or year")
]


@dataclass(frozen=True)
class ForeignKey:
    """A column that refers to the primary key of another table."""

    field: str
    table: str
    ref: str


@dataclass(frozen=True)
class Table:
    """Table-level facts the field annotations cannot carry."""

    name: str
    title: str
    description: str
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)


class Row(BaseModel):
    """Base of every table row: strict about unknown fields, stable field order."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True, frozen=True)
    table: ClassVar[Table]


class Dated(Row):
    """A row with an EDTF date window that must agree with its start and end."""

    @model_validator(mode="after")
    def _window_matches_edtf(self) -> "Dated":
        parts = (self.date, self.date_start, self.date_end)
        if all(p is None for p in parts):
            if self.date_precision is not None:
                raise ValueError("date_precision is set but the date is unknown")
            return self
        if any(p is None for p in parts):
            raise ValueError("date, date_start and date_end must be all set or all empty")
        start, end = edtf_bounds(self.date)
        if (start, end) != (self.date_start, self.date_end):
            raise ValueError(
                f"date {self.date!r} covers {start}..{end}, "
                f"not date_start..date_end {self.date_start}..{self.date_end}"
            )
        return self


class Actor(Row):
    """A person, organisation or state taking part in a record."""

    table: ClassVar[Table] = Table(
        name="actors",
        title="Actors",
        description="People, organisations and states that take part in visits, meetings and statements.",
        primary_key=("actor_id",),
    )
    actor_id: RecordId = Field(description="Stable identifier derived from the actor's name")
    name: Text = Field(description="Canonical display name")
    kind: ActorKind = Field(description="person, organization or state")
    country: Optional[Country] = Field(
        None, description="ISO 3166-1 alpha-3 code of the state the actor is or serves"
    )
    title: Optional[str] = Field(None, description="Title or role as last reported (e.g. Foreign Minister)")
    wikidata_id: Optional[str] = Field(None, pattern=r"^Q[1-9][0-9]*$", description="Wikidata item, when certain")
    aliases: Optional[str] = Field(None, description="Other spellings seen in the corpus, separated by ' | '")


class Source(Row):
    """A news article in the corpus (metadata only, never its text)."""

    table: ClassVar[Table] = Table(
        name="sources",
        title="Sources",
        description="The articles records were extracted from: metadata only, no article text.",
        primary_key=("source_id",),
    )
    source_id: str = Field(pattern=SOURCE_ID_PATTERN, description="Corpus file name without extension")
    title: Optional[str] = Field(None, description="Headline")
    publisher: Optional[str] = Field(None, description="Outlet that published the article")
    url: Optional[str] = Field(None, pattern=r"^https?://\S+$", description="Where the article was published")
    published: Optional[dt.date] = Field(None, description="Publication date dates are resolved against")
    published_basis: Optional[PublishedBasis] = Field(
        None, description="How the publication date is known: dateline, header, inferred or url"
    )
    language: Optional[str] = Field(None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47 tag")
    characters: int = Field(ge=0, description="Length of the raw article in characters: mention offsets lie within it")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the raw article bytes, to check a copy")


class Visit(Dated):
    """Travel by an official to a foreign state."""

    table: ClassVar[Table] = Table(
        name="visits",
        title="Visits",
        description="Travel by an official (head of delegation) to a foreign state, with its latest reported status.",
        primary_key=("visit_id",),
        foreign_keys=(
            ForeignKey("traveler_id", "actors", "actor_id"),
            ForeignKey("invited_by_id", "actors", "actor_id"),
        ),
    )
    visit_id: RecordId = Field(description="Stable identifier derived from traveller, host and date")
    traveler_id: RecordId = Field(description="The travelling official (actors.actor_id)")
    origin_country: Optional[Country] = Field(None, description="State the traveller comes from")
    host_country: Country = Field(description="State visited")
    city: Optional[str] = Field(None, description="City visited, when reported")
    date: EdtfDate = None
    date_start: DateStart = None
    date_end: DateEnd = None
    date_precision: DatePrecision = None
    status: Status = Field(description="planned, occurred, postponed or cancelled, as of the latest report")
    occasion: Optional[str] = Field(None, description="Event attended (e.g. BRICS Summit)")
    invited_by_id: Optional[RecordId] = Field(None, description="Who invited the traveller (actors.actor_id)")
    conflicts: Optional[str] = Field(None, description="Where reports disagree, what they say")


class Meeting(Dated):
    """An encounter of two or more actors, in person, by phone or by video."""

    table: ClassVar[Table] = Table(
        name="meetings",
        title="Meetings",
        description="Encounters of two or more actors in person, by phone or by video.",
        primary_key=("meeting_id",),
        foreign_keys=(ForeignKey("visit_id", "visits", "visit_id"),),
    )
    meeting_id: RecordId = Field(description="Stable identifier derived from participants and date")
    date: EdtfDate = None
    date_start: DateStart = None
    date_end: DateEnd = None
    date_precision: DatePrecision = None
    city: Optional[str] = Field(None, description="City where it took place")
    country: Optional[Country] = Field(None, description="State where it took place")
    mode: Mode = Field(description="in_person, phone or video")
    format: Format = Field(description="bilateral (two sides) or multilateral")
    occasion: Optional[str] = Field(None, description="Event it was held at (e.g. on the sidelines of ...)")
    status: Status = Field(description="planned, occurred, postponed or cancelled, as of the latest report")
    visit_id: Optional[RecordId] = Field(None, description="The visit it happened during (visits.visit_id)")
    conflicts: Optional[str] = Field(None, description="Where reports disagree, what they say")


class MeetingParticipant(Row):
    """One participant of one meeting."""

    table: ClassVar[Table] = Table(
        name="meeting_participants",
        title="Meeting participants",
        description="Who took part in each meeting: one row per meeting and actor.",
        primary_key=("meeting_id", "actor_id"),
        foreign_keys=(
            ForeignKey("meeting_id", "meetings", "meeting_id"),
            ForeignKey("actor_id", "actors", "actor_id"),
        ),
    )
    meeting_id: RecordId = Field(description="meetings.meeting_id")
    actor_id: RecordId = Field(description="actors.actor_id")


class Statement(Dated):
    """Something an actor said, quoted directly or reported indirectly."""

    table: ClassVar[Table] = Table(
        name="statements",
        title="Statements",
        description="What actors said, quoted (direct) or reported (indirect), attributed by name.",
        primary_key=("statement_id",),
        foreign_keys=(
            ForeignKey("speaker_id", "actors", "actor_id"),
            ForeignKey("meeting_id", "meetings", "meeting_id"),
        ),
    )
    statement_id: RecordId = Field(description="Stable identifier derived from speaker and text")
    speaker_id: RecordId = Field(description="Who said it (actors.actor_id)")
    date: EdtfDate = None
    date_start: DateStart = None
    date_end: DateEnd = None
    date_precision: DatePrecision = None
    text: Text = Field(description="The quote, or the reported content")
    kind: StatementKind = Field(description="direct (quoted words) or indirect (reported speech)")
    meeting_id: Optional[RecordId] = Field(None, description="The meeting it was said at (meetings.meeting_id)")


class Mention(Row):
    """One passage of one article supporting one record: provenance and status history."""

    table: ClassVar[Table] = Table(
        name="mentions",
        title="Mentions",
        description="Every article passage that supports a record, with what it reported: provenance and history.",
        primary_key=("record_type", "record_id", "source_id", "char_start"),
        foreign_keys=(ForeignKey("source_id", "sources", "source_id"),),
    )
    record_type: RecordType = Field(description="actor, visit, meeting or statement")
    record_id: RecordId = Field(description="The record's identifier in its table")
    source_id: str = Field(pattern=SOURCE_ID_PATTERN, description="sources.source_id")
    char_start: int = Field(ge=0, description="Offset of the evidence's first character in the raw article")
    char_end: int = Field(ge=0, description="Offset just past the evidence's last character in the raw article")
    evidence: Text = Field(description="The supporting sentence, trimmed")
    reported_status: Optional[Status] = Field(None, description="Status this passage reports, for visits and meetings")
    reported_date: Optional[str] = Field(None, pattern=EDTF_PATTERN, description="Date this passage reports, as EDTF")

    @model_validator(mode="after")
    def _ordered_offsets(self) -> "Mention":
        if self.char_end <= self.char_start:
            raise ValueError("char_end must be greater than char_start")
        return self


MODELS: tuple[type[Row], ...] = (Actor, Source, Visit, Meeting, MeetingParticipant, Statement, Mention)
TABLES: dict[str, type[Row]] = {model.table.name: model for model in MODELS}
