"""The README's generated parts match the code."""

from __future__ import annotations

from pathlib import Path

from diplomatic_events.docs import regenerate
from diplomatic_events.schema import MODELS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_generated_sections_are_current():
    text = README.read_text("utf-8")
    assert text == regenerate(text), "run: python -m diplomatic_events.docs README.md"


def test_generated_sections_change_with_their_sources():
    stale = README.read_text("utf-8").replace("| visits | 1.", "| visits | 0.", 1)
    assert regenerate(stale) != stale


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
