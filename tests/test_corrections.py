"""Hand corrections: loading YAML, each operation, stale entries and invalid results."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from diplomatic_events.dataset.corrections import CorrectionError, apply_corrections, load_corrections
from diplomatic_events.schema import Actor, Meeting, MeetingParticipant, Mention, Source, Statement, Visit

SHA = "0" * 64


def tables() -> dict:
    """Return a small merged dataset: two visits that are one event, a meeting and a statement."""
    d = dt.date.fromisoformat
    return {
        "actors": [
            Actor(actor_id="sergey-lavrov", name="Sergey Lavrov", kind="person", country="RUS"),
            Actor(actor_id="hakan-fidan", name="Hakan Fidan", kind="person", country="TUR"),
            Actor(actor_id="lavrov-s", name="S. Lavrov", kind="person", country="RUS"),
        ],
        "sources": [Source(source_id="a1", published=d("2025-02-20"), characters=200, sha256=SHA)],
        "visits": [
            Visit(visit_id="v-1", traveler_id="sergey-lavrov", host_country="TUR", date="2025-02-23",
                  date_start=d("2025-02-23"), date_end=d("2025-02-23"), date_precision="day", status="occurred"),
            Visit(visit_id="v-2", traveler_id="lavrov-s", host_country="TUR", status="planned"),
        ],
        "meetings": [Meeting(meeting_id="m-1", mode="in_person", format="bilateral", status="occurred", visit_id="v-2")],
        "meeting_participants": [
            MeetingParticipant(meeting_id="m-1", actor_id="hakan-fidan"),
            MeetingParticipant(meeting_id="m-1", actor_id="lavrov-s"),
        ],
        "statements": [Statement(statement_id="s-1", speaker_id="sergey-lavrov", text="Istanbul is good", kind="direct")],
        "mentions": [
            Mention(record_type="visit", record_id="v-1", source_id="a1", char_start=0, char_end=10, evidence="Lavrov came", reported_status="occurred"),
            Mention(record_type="visit", record_id="v-2", source_id="a1", char_start=20, char_end=30, evidence="Lavrov will", reported_status="planned"),
            Mention(record_type="meeting", record_id="m-1", source_id="a1", char_start=40, char_end=50, evidence="They met", reported_status="occurred"),
        ],
    }


def write(tmp_path, text: str, name: str = "fixes.yaml"):
    (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def apply(tmp_path, text: str):
    return apply_corrections(tables(), load_corrections(write(tmp_path, text)))


def ids(rows, field):
    return [getattr(r, field) for r in rows]


def test_drop_removes_record_mentions_and_links(tmp_path):
    out, report = apply(tmp_path, """
        corrections:
          - id: drop-v2
            reason: not a visit
            drop: {table: visits, record_id: v-2}
    """)
    assert ids(out["visits"], "visit_id") == ["v-1"]
    assert [m.record_id for m in out["mentions"]] == ["m-1", "v-1"]
    assert out["meetings"][0].visit_id is None
    assert ids(report.applied, "id") == ["drop-v2"] and report.stale == []


def test_set_changes_field_and_date_bounds(tmp_path):
    out, _ = apply(tmp_path, """
        corrections:
          - {id: city, reason: reported in text, set: {table: visits, record_id: v-1, field: city, value: Ankara}}
          - {id: date, reason: checked, set: {table: visits, record_id: v-1, field: date, value: 2025-02}}
    """)
    visit = out["visits"][0]
    assert visit.city == "Ankara"
    assert (visit.date, visit.date_start, visit.date_end, visit.date_precision) == (
        "2025-02", dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month")


def test_merge_moves_mentions_participants_and_links(tmp_path):
    out, report = apply(tmp_path, """
        corrections:
          - {id: same-visit, reason: one trip, merge: {table: visits, keep: v-1, drop: v-2}}
          - {id: same-man, reason: one person, merge: {table: actors, keep: sergey-lavrov, drop: lavrov-s}}
    """)
    assert report.stale == []
    assert ids(out["visits"], "visit_id") == ["v-1"]
    assert out["meetings"][0].visit_id == "v-1"
    assert sorted((m.record_id, m.char_start) for m in out["mentions"] if m.record_type == "visit") == [("v-1", 0), ("v-1", 20)]
    assert ids(out["meeting_participants"], "actor_id") == ["hakan-fidan", "sergey-lavrov"]
    lavrov = next(a for a in out["actors"] if a.actor_id == "sergey-lavrov")
    assert lavrov.aliases == "S. Lavrov"
    assert "lavrov-s" not in ids(out["actors"], "actor_id")


def test_add_generates_id_and_mention(tmp_path):
    out, report = apply(tmp_path, """
        corrections:
          - id: missed-visit
            reason: extraction missed it
            add:
              table: visits
              record: {traveler_id: hakan-fidan, host_country: RUS, date: 2025-05-26/2025-05-27, status: planned}
              evidence: {source_id: a1, char_start: 60, char_end: 90, evidence: Fidan will visit Moscow}
    """)
    added = [v for v in out["visits"] if v.traveler_id == "hakan-fidan"]
    assert len(added) == 1 and added[0].visit_id.startswith("v-") and len(added[0].visit_id) == 12
    assert added[0].date_precision == "day" and added[0].date_end == dt.date(2025, 5, 27)
    mention = next(m for m in out["mentions"] if m.record_id == added[0].visit_id)
    assert (mention.reported_status, mention.reported_date) == ("planned", "2025-05-26/2025-05-27")
    again, report = apply_corrections(out, load_corrections(tmp_path))
    assert [why for _, why in report.stale] == [f"visits record {added[0].visit_id!r} already exists"]


def test_add_meeting_with_participants(tmp_path):
    out, _ = apply(tmp_path, """
        corrections:
          - id: call
            reason: missed phone call
            add:
              table: meetings
              record: {participants: [hakan-fidan, sergey-lavrov], mode: phone, status: occurred}
              evidence: {source_id: a1, char_start: 100, char_end: 120, evidence: Fidan phoned Lavrov}
    """)
    call = next(m for m in out["meetings"] if m.mode == "phone")
    assert call.format == "bilateral"
    assert {p.actor_id for p in out["meeting_participants"] if p.meeting_id == call.meeting_id} == {"hakan-fidan", "sergey-lavrov"}


@pytest.mark.parametrize(
    "entry",
    [
        "{id: gone, reason: r, drop: {table: visits, record_id: v-404}}",
        "{id: gone, reason: r, set: {table: statements, record_id: s-404, field: text, value: x}}",
        "{id: gone, reason: r, merge: {table: visits, keep: v-1, drop: v-404}}",
    ],
)
def test_stale_entries_are_reported(tmp_path, entry):
    out, report = apply(tmp_path, f"corrections:\n  - {entry}\n")
    assert [c.id for c, _ in report.stale] == ["gone"]
    assert "404" in report.render() and "fixes.yaml" in report.render()
    assert out == {k: sorted(v, key=lambda r: tuple(getattr(r, f) for f in r.table.primary_key)) for k, v in tables().items()}


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("{id: bad, reason: r, set: {table: visits, record_id: v-1, field: status, value: rumoured}}", "status"),
        ("{id: bad, reason: r, set: {table: visits, record_id: v-1, field: host_country, value: XXX}}", "host_country"),
        ("{id: bad, reason: r, set: {table: visits, record_id: v-1, field: traveler_id, value: nobody}}", "not in actors"),
        ("{id: bad, reason: r, set: {table: visits, record_id: v-1, field: visit_id, value: v-9}}", "identifier"),
        ("{id: bad, reason: r, drop: {table: actors, record_id: sergey-lavrov}}", "still"),
        ("{id: bad, reason: r, add: {table: visits, record: {traveler_id: hakan-fidan, status: planned}, "
         "evidence: {source_id: a1, char_start: 0, char_end: 5, evidence: x}}}", "host_country"),
        ("{id: bad, reason: r, add: {table: visits, record: {traveler_id: hakan-fidan, host_country: RUS, status: planned}, "
         "evidence: {source_id: zz, char_start: 0, char_end: 5, evidence: x}}}", "zz"),
    ],
)
def test_invalid_result_names_file_entry_and_problem(tmp_path, entry, problem):
    with pytest.raises(CorrectionError, match=rf"fixes\.yaml: correction 'bad': .*{problem}"):
        apply(tmp_path, f"corrections:\n  - {entry}\n")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("corrections: [\n", "not valid YAML"),
        ("fixes: []\n", "single key 'corrections'"),
        ("corrections:\n  - {id: x, drop: {table: visits, record_id: v-1}}\n", "missing key 'reason'"),
        ("corrections:\n  - {id: x, reason: r, rename: {table: visits}}\n", "exactly one operation"),
        ("corrections:\n  - {id: x, reason: r, drop: {table: visits}}\n", "missing key.*record_id"),
        ("corrections:\n  - {id: x, reason: r, drop: {table: trips, record_id: v-1}}\n", "unknown table"),
        ("corrections:\n  - {id: x, reason: r, set: {table: visits, record_id: v-1, field: mood, value: 1}}\n", "no field 'mood'"),
        ("corrections:\n  - {id: x, reason: r, add: {table: visits, record: {}}}\n", "needs evidence"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path, text, problem):
    write(tmp_path, text)
    with pytest.raises(CorrectionError, match=problem) as err:
        load_corrections(tmp_path)
    assert "\n" not in str(err.value) and str(err.value).startswith("fixes.yaml")


def test_duplicate_ids_across_files(tmp_path):
    entry = "corrections:\n  - {id: x, reason: r, drop: {table: visits, record_id: v-1}}\n"
    write(tmp_path, entry, "a.yaml")
    write(tmp_path, entry, "b.yaml")
    with pytest.raises(CorrectionError, match="b.yaml: correction id 'x' is also used in a.yaml"):
        load_corrections(tmp_path)


def test_missing_or_empty_directory(tmp_path):
    assert load_corrections(tmp_path / "none") == []
    write(tmp_path, "corrections: []\n")
    assert load_corrections(tmp_path) == []
    assert load_corrections() == [] or all(c.id for c in load_corrections())
