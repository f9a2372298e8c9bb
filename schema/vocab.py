"""Controlled vocabularies: enums, the ISO 3166-1 country list, EDTF dates."""

from __future__ import annotations

import csv
import datetime as dt
import re
from enum import Enum
from functools import lru_cache
from importlib import resources

# The country list shipped in iso3166.csv was taken from this release of the standard's
# public code list (via pycountry 26.2.16); bump both together.
ISO_3166_VERSION = "ISO 3166-1:2020 (pycountry 26.2.16)"
EDTF_LEVEL = "EDTF level 1 subset (ISO 8601-2:2019): day, month, year, season, interval"


class Status(str, Enum):
    planned = "planned"
    occurred = "occurred"
    postponed = "postponed"
    cancelled = "cancelled"


class Mode(str, Enum):
    in_person = "in_person"
    phone = "phone"
    video = "video"


class Format(str, Enum):
    bilateral = "bilateral"
    multilateral = "multilateral"


class ActorKind(str, Enum):
    person = "person"
    organization = "organization"
    state = "state"


class StatementKind(str, Enum):
    direct = "direct"
    indirect = "indirect"


class Precision(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    season = "season"
    year = "year"


class PublishedBasis(str, Enum):
    dateline = "dateline"
    header = "header"
    inferred = "inferred"
    url = "url"


class RecordType(str, Enum):
    actor = "actor"
    visit = "visit"
    meeting = "meeting"
    statement = "statement"


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Return ISO 3166-1 alpha-3 code -> English short name."""
    text = resources.files("diplomatic_events.schema").joinpath("iso3166.csv").read_text("utf-8")
    return {row["alpha_3"]: row["name"] for row in csv.DictReader(text.splitlines())}


def check_country(code: str) -> str:
    """Return `code` if it is an ISO 3166-1 alpha-3 code, else raise ValueError."""
    if code not in countries():
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 country code")
    return code


_DAY = r"\d{4}-\d{2}-\d{2}"
_MONTH = r"\d{4}-\d{2}"
_YEAR = r"\d{4}"
_SEASON = r"\d{4}-2[1-4]"
_ONE = rf"(?:{_DAY}|{_MONTH}|{_YEAR})"  # _MONTH also admits seasons (YYYY-21..24)
EDTF_PATTERN = rf"^(?:{_ONE}|{_ONE}/{_ONE})$"
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}  # spring..winter, N. hemisphere


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _bounds(part: str) -> tuple[dt.date, dt.date]:
    if re.fullmatch(_DAY, part):
        day = dt.date.fromisoformat(part)
        return day, day
    if re.fullmatch(_SEASON, part):
        year, code = int(part[:4]), int(part[5:])
        first, last = _SEASON_MONTHS[code]
        end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
        return dt.date(year, first, 1), _month_end(end_year, end_month)
    if re.fullmatch(_MONTH, part):
        year, month = int(part[:4]), int(part[5:])
        return dt.date(year, month, 1), _month_end(year, month)
    if re.fullmatch(_YEAR, part):
        year = int(part)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    raise ValueError(f"{part!r} is not an EDTF date this dataset uses")


def edtf_bounds(value: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day an EDTF date or interval covers."""
    if "/" in value:
        left, right = value.split("/", 1)
        return _bounds(left)[0], _bounds(right)[1]
    return _bounds(value)

