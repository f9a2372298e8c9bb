"""Dataset card, timeline figure, citation and Croissant metadata, generated from a package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diplomatic_events.dataset.card import render_card
from diplomatic_events.dataset.citation import citation, citation_cff
from diplomatic_events.dataset.croissant import DATA_TYPES, croissant
from diplomatic_events.dataset.figure import points, timeline
from diplomatic_events.dataset.publish import publish
from diplomatic_events.schema import MODELS, fields

EVALUATION = {"seeds": {"visits": {"precision": 0.75, "recall": 0.5, "f1": 0.6},
                        "meetings": {"precision": 1.0, "recall": 1.0, "f1": 1.0}}}


@pytest.fixture
def empty_package(tmp_path: Path) -> Path:
    publish({}, tmp_path / "empty")
    return tmp_path / "empty"


def test_card_names_every_table_and_field_with_its_type(sample_package: Path):
    card = render_card(sample_package, None)
    for model in MODELS:
        heading = f"### `{model.table.name}`"
        assert heading in card
        section = card.split(heading, 1)[1].split("\n#", 1)[0]
        for f in fields(model):
            row = next(line for line in section.splitlines() if line.startswith(f"| `{f['name']}`"))
            assert f["type"] in row and f.get("description", "") in row


def test_card_states_coverage_counts_and_statuses(sample_package: Path):
    card = render_card(sample_package, None)
    assert "2025-05-24 to 2025-05-27" in card          # publication dates
    assert "2025-05-01 to 2025-05-31" in card          # record dates
    assert "Russian Federation (RUS, 1)" in card       # host countries
    assert "Türkiye (TUR, 1)" in card                  # actor countries
    assert "| `mentions` | 7 |" in card
    assert "`visits` by status: occurred 1." in card


def test_card_without_evaluation_says_not_measured(sample_package: Path):
    assert "not measured" in render_card(sample_package, None)


def test_card_renders_evaluation_scores(sample_package: Path):
    card = render_card(sample_package, EVALUATION)
    assert "| visits | 0.750 | 0.500 | 0.600 |" in card
    assert "| meetings | 1.000 | 1.000 | 1.000 |" in card
    assert "not measured" not in card


def test_card_licence_citation_and_figure(sample_package: Path):
    card = render_card(sample_package, None)
    desc = json.loads((sample_package / "datapackage.json").read_text("utf-8"))
    assert "CC-BY-4.0" in card and "MIT" in card
    assert citation(desc)["title"] in card and "@misc{" in card and "CITATION.cff" in card
    assert "![" in card and "figures/timeline.png" in card


def test_card_of_an_empty_package(empty_package: Path):
    card = render_card(empty_package, None)
    assert "no dated records" in card and "| `visits` | 0 |" in card


def test_citation_cff_is_yaml_with_the_descriptor_facts(sample_package: Path):
    yaml = pytest.importorskip("yaml")
    desc = json.loads((sample_package / "datapackage.json").read_text("utf-8"))
    cff = yaml.safe_load(citation_cff(desc))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == desc["version"] and cff["license"] == "CC-BY-4.0"
    assert cff["date-released"] == "2025-05-27" and cff["authors"][0]["name"]


@pytest.mark.parametrize("fixture", ["sample_package", "empty_package"])
def test_figure_files_are_identical_across_runs(fixture, request, tmp_path: Path):
    package = request.getfixturevalue(fixture)
    outputs = []
    for run in ("a", "b"):
        png, svg = tmp_path / run / "t.png", tmp_path / run / "t.svg"
        timeline(package, png, svg)
        outputs.append((png.read_bytes(), svg.read_bytes()))
    assert outputs[0] == outputs[1]
    png, svg = outputs[0]
    assert png.startswith(b"\x89PNG") and b"<svg" in svg


def test_figure_points_pair_countries_and_keep_status(sample_package: Path):
    pts, undated = points(sample_package)
    assert undated == 0
    assert [(p.row, p.kind, p.status) for p in pts] == [("RUS–TUR", "visit", "occurred"),
                                                         ("RUS–TUR", "meeting", "occurred")]


def test_croissant_describes_every_table_and_field(sample_package: Path):
    desc = json.loads((sample_package / "datapackage.json").read_text("utf-8"))
    doc = croissant(desc, sample_package)
    assert doc["@type"] == "sc:Dataset" and doc["version"] == desc["version"]
    assert len(doc["distribution"]) == 2 * len(MODELS)
    sets = {rs["name"]: rs for rs in doc["recordSet"]}
    for model in MODELS:
        record_set = sets[model.table.name]
        got = {f["name"]: f["dataType"] for f in record_set["field"]}
        assert got == {f"{model.table.name}/{f['name']}": DATA_TYPES[f["type"]] for f in fields(model)}
        assert all(f["source"]["extract"]["column"] == f["name"].split("/", 1)[1] for f in record_set["field"])


def test_croissant_passes_mlcroissant_checks(sample_package: Path, tmp_path: Path):
    mlc = pytest.importorskip("mlcroissant")
    desc = json.loads((sample_package / "datapackage.json").read_text("utf-8"))
    path = sample_package / "croissant.json"
    path.write_text(json.dumps(croissant(desc, sample_package)), "utf-8")
    dataset = mlc.Dataset(jsonld=path)
    issues = dataset.metadata.issues
    assert not issues.errors and not issues.warnings, issues.report()
    rows = list(dataset.records("visits"))
    assert len(rows) == 1 and rows[0]["visits/host_country"] == b"RUS"


def test_mlcroissant_catches_a_broken_description(sample_package: Path):
    mlc = pytest.importorskip("mlcroissant")
    desc = json.loads((sample_package / "datapackage.json").read_text("utf-8"))
    doc = croissant(desc, sample_package)
    doc["recordSet"][0]["field"][0]["dataType"] = "sc:NoSuchType"
    del doc["name"]
    path = sample_package / "croissant.json"
    path.write_text(json.dumps(doc), "utf-8")
    with pytest.raises(mlc.ValidationError):
        mlc.Dataset(jsonld=path)
