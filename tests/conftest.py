"""Shared fixtures: a small hand-made set of valid rows for every table; the texts speed tests run on."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pytest

from diplomatic_events.schema import Actor, Meeting, MeetingParticipant, Mention, Source, Statement, Visit

REPO = Path(__file__).resolve().parents[1]
# Every folder of articles the repository holds: the corpus, the extra articles, the held-out sets.
ARTICLE_FOLDERS = [REPO / "corpus", REPO / "tests" / "articles", *sorted(REPO.glob("tests/heldout*/corpus"))]
# Space characters other than " " and "\n" that str.isspace() or a regex \s accepts.
ODD_SPACE = "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200b\u2028\u2029\u202f\u205f\u3000\ufeff"


def case_variants(text: str) -> list[str]:
    """Return `text` in every case a writer might use, plus the letters only regexes equate."""
    forms = {text, text.lower(), text.upper(), text.title(), text.swapcase()}
    forms |= {f.replace("s", "ſ").replace("i", "ı") for f in list(forms)}
    forms |= {f.replace("I", "İ") for f in list(forms)}
    return sorted(forms)


def shared_dir() -> Path | None:
    """Return the project's shared/ folder (gold files, seeds) when it is beside the checkout."""
    for candidate in (os.environ.get("DE_SHARED"), REPO.parent / "shared", REPO.parent.parent / "shared"):
        if candidate and (Path(candidate) / "gold").is_dir():
            return Path(candidate)
    return None


def make_tables() -> dict[str, list]:
    """Return one small valid package's rows, every table and optional field exercised."""
    src = Source(source_id="a1", title="Minister to visit", publisher="Test Wire", url="https://example.org/a1",
                 published=dt.date(2025, 5, 24), published_basis="header", language="en",
                 characters=400, sha256="0" * 64)
    src2 = Source(source_id="a2", published=dt.date(2025, 5, 27), published_basis="dateline",
                  characters=300, sha256="1" * 64)
    actors = [
        Actor(actor_id="hakan-fidan", name="Hakan Fidan", kind="person", country="TUR", title="Foreign Minister"),
        Actor(actor_id="sergey-lavrov", name="Sergey Lavrov", kind="person", country="RUS",
              title="Foreign Minister", wikidata_id="Q163404", aliases="Sergei Lavrov"),
        Actor(actor_id="rus", name="Russia", kind="state", country="RUS"),
    ]
    visit = Visit(visit_id="v-0000000001", traveler_id="hakan-fidan", origin_country="TUR", host_country="RUS",
                  city="Moscow", date="2025-05-26/2025-05-27", date_start=dt.date(2025, 5, 26),
                  date_end=dt.date(2025, 5, 27), date_precision="day", status="occurred",
                  invited_by_id="sergey-lavrov")
    meeting = Meeting(meeting_id="m-0000000001", date="2025-05-27", date_start=dt.date(2025, 5, 27),
                      date_end=dt.date(2025, 5, 27), date_precision="day", city="Moscow", country="RUS",
                      mode="in_person", format="bilateral", status="occurred", visit_id="v-0000000001")
    statement = Statement(statement_id="s-0000000001", speaker_id="sergey-lavrov", date="2025-05",
                          date_start=dt.date(2025, 5, 1), date_end=dt.date(2025, 5, 31), date_precision="month",
                          text="Istanbul is very good, \"he\" said, and a comma", kind="direct",
                          meeting_id="m-0000000001")
    mentions = [
        Mention(record_type="visit", record_id="v-0000000001", source_id="a1", char_start=0, char_end=40,
                evidence="Fidan will visit Russia.", reported_status="planned", reported_date="2025-05-26/2025-05-27"),
        Mention(record_type="visit", record_id="v-0000000001", source_id="a2", char_start=10, char_end=50,
                evidence="Fidan's visit to Moscow", reported_status="occurred"),
        Mention(record_type="meeting", record_id="m-0000000001", source_id="a2", char_start=60, char_end=90,
                evidence="The ministers met.", reported_status="occurred", reported_date="2025-05-27"),
        Mention(record_type="statement", record_id="s-0000000001", source_id="a2", char_start=100, char_end=160,
                evidence="“Istanbul is very good,” Lavrov said."),
    ] + [
        Mention(record_type="actor", record_id=a.actor_id, source_id="a1", char_start=i * 5, char_end=i * 5 + 4,
                evidence=a.name)
        for i, a in enumerate(actors)
    ]
    participants = [MeetingParticipant(meeting_id="m-0000000001", actor_id="hakan-fidan"),
                    MeetingParticipant(meeting_id="m-0000000001", actor_id="sergey-lavrov")]
    return {"actors": actors, "sources": [src, src2], "visits": [visit], "meetings": [meeting],
            "meeting_participants": participants, "statements": [statement], "mentions": mentions}


@pytest.fixture
def tables() -> dict[str, list]:
    return make_tables()


@pytest.fixture
def sample_package(tmp_path: Path, tables) -> Path:
    """Write the sample tables as a package and return its folder."""
    from diplomatic_events.dataset.publish import publish

    publish(tables, tmp_path / "pkg")
    return tmp_path / "pkg"


@pytest.fixture
def cli_env() -> dict[str, str]:
    """Return an environment in which `python -m` subprocesses import this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
    return env
