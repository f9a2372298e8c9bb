"""The table contract: Pydantic models and what is generated from them."""

from .generate import arrow_schema, fields, overview_markdown, table_schema
from .models import (
    MODELS,
    TABLES,
    Actor,
    Meeting,
    MeetingParticipant,
    Mention,
    Row,
    Source,
    Statement,
    Visit,
)
from .vocab import ISO_3166_VERSION, countries, edtf_bounds

__all__ = [
    "MODELS", "TABLES", "Actor", "Meeting", "MeetingParticipant", "Mention", "Row", "Source",
    "Statement", "Visit", "ISO_3166_VERSION", "arrow_schema", "countries", "edtf_bounds", "fields",
    "overview_markdown", "table_schema",
]
