"""The models are the one definition: Table Schema and Arrow schema follow from them."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from diplomatic_events.schema import MODELS, TABLES, arrow_schema, edtf_bounds, fields, table_schema
from diplomatic_events.schema.vocab import countries

from conftest import make_tables


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table.name)
def test_table_schema_covers_every_field(model):
    schema = table_schema(model)
    assert [f["name"] for f in schema["fields"]] == list(model.model_fields)
    assert schema["primaryKey"] == list(model.table.primary_key)
    for fk in schema.get("foreignKeys", []):
        assert fk["reference"]["resource"] in TABLES
        assert fk["fields"][0] in model.model_fields


@pytest.mark.parametrize(
    "table, name, expected",
    [
        ("visits", "visit_id", {"type": "string", "constraints": {"required": True, "pattern": "^[a-z0-9][a-z0-9-]*$"}}),
        ("visits", "date_start", {"type": "date"}),
        ("visits", "status", {"type": "string", "constraints": {"required": True,
                                                              "enum": ["planned", "occurred", "postponed", "cancelled"]}}),
        ("visits", "city", {"type": "string"}),
        ("visits", "host_country", {"type": "string", "constraints": {"required": True, "pattern": "^[A-Z]{3}$"}}),
        ("mentions", "char_start", {"type": "integer", "constraints": {"required": True, "minimum": 0}}),
        ("statements", "text", {"type": "string", "constraints": {"required": True, "minLength": 1}}),
        ("sources", "published", {"type": "date"}),
        ("meetings", "mode", {"type": "string", "constraints": {"required": True, "enum": ["in_person", "phone", "video"]}}),
    ],
)
def test_field_mapping(table, name, expected):
    field = next(f for f in fields(TABLES[table]) if f["name"] == name)
    assert {k: v for k, v in field.items() if k != "description"} == {"name": name, **expected}
    assert field["description"]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table.name)
def test_arrow_schema_follows_table_schema(model):
    schema = arrow_schema(model)
    assert schema.names == list(model.model_fields)
    for f in fields(model):
        arrow_field = schema.field(f["name"])
        assert arrow_field.nullable is not f.get("constraints", {}).get("required", False)
        assert str(arrow_field.type) == {"string": "string", "integer": "int64", "date": "date32[day]"}[f["type"]]


def test_patterns_are_anchored():
    for model in MODELS:
        for f in fields(model):
            pattern = f.get("constraints", {}).get("pattern")
            if pattern:
                assert pattern.startswith("^") and pattern.endswith("$"), (model.table.name, f["name"])


def _visit(**changes):
    row = make_tables()["visits"][0].model_dump()
    row.update(changes)
    return row


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"status": "maybe"}, "status"),
        ({"host_country": "XYZ"}, "not an ISO 3166-1 alpha-3"),
        ({"host_country": "tur"}, "host_country"),
        ({"date": "26 May 2025"}, "date"),
        ({"date": "2025-05-26"}, "covers 2025-05-26..2025-05-26"),
        ({"date_start": None}, "all set or all empty"),
        ({"visit_id": "Visit 1"}, "visit_id"),
        ({"unknown_column": 1}, "unknown_column"),
        ({"traveler_id": None}, "traveler_id"),
    ],
)
def test_invalid_rows_rejected_readably(changes, message):
    with pytest.raises(ValidationError) as info:
        TABLES["visits"].model_validate(_visit(**changes))
    assert message in str(info.value)


@pytest.mark.parametrize(
    "edtf, start, end",
    [
        ("2025-05-26", "2025-05-26", "2025-05-26"),
        ("2025-05-26/2025-05-27", "2025-05-26", "2025-05-27"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2020", "2020-01-01", "2020-12-31"),
        ("2024-22", "2024-06-01", "2024-08-31"),
        ("2024-24", "2024-12-01", "2025-02-28"),
        ("2023-08/2023-09", "2023-08-01", "2023-09-30"),
    ],
)
def test_edtf_bounds(edtf, start, end):
    assert edtf_bounds(edtf) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def test_country_list_is_the_real_one():
    codes = countries()
    assert len(codes) >= 249 and {"TUR", "RUS", "UKR", "USA", "ZAF", "SAU"} <= set(codes)
    assert "XKX" not in codes  # Kosovo has no ISO 3166-1 code


def test_mention_offsets_ordered():
    row = make_tables()["mentions"][0].model_dump()
    row.update(char_start=10, char_end=10)
    with pytest.raises(ValidationError, match="char_end must be greater"):
        TABLES["mentions"].model_validate(row)
