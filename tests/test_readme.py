"""The README's generated parts match the code."""

from __future__ import annotations

from pathlib import Path

from diplomatic_events.schema import MODELS
from diplomatic_events.schema.generate import readme_with_overview

README = Path(__file__).resolve().parents[1] / "README.md"


def test_table_overview_is_generated_from_schema():
    text = README.read_text("utf-8")
    assert text == readme_with_overview(text), "run: python -m diplomatic_events.schema README.md"


def test_overview_names_every_table_and_field():
    text = README.read_text("utf-8")
    for model in MODELS:
        assert f"### `{model.table.name}`" in text
        for name in model.model_fields:
            assert f"`{name}`" in text


def test_quick_start_is_two_commands():
    text = README.read_text("utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in quick.splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2
    assert commands[0].endswith("diplomatic-events build")
    assert "pytest" in commands[1]
