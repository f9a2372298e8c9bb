"""Merging candidates across articles into one record per event."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from pathlib import Path

import pytest

from diplomatic_events.dataset.history import reports
from diplomatic_events.dataset.merge import merge, same_text
from diplomatic_events.extract.types import (
    ActorMention,
    ActorRef,
    Article,
    ArticleRecords,
    DateWindow,
    MeetingCandidate,
    Sentence,
    StatementCandidate,
    VisitCandidate,
)
from diplomatic_events.schema import TABLES, edtf_bounds

ACTORS = {
    "sergey-lavrov": ActorRef("sergey-lavrov", "Sergey Lavrov", "person", "RUS", "Foreign Minister", "Q80137", ("Sergei Lavrov",)),
    "hakan-fidan": ActorRef("hakan-fidan", "Hakan Fidan", "person", "TUR", "Foreign Minister"),
    "vladimir-putin": ActorRef("vladimir-putin", "Vladimir Putin", "person", "RUS", "President"),
    "recep-tayyip-erdogan": ActorRef("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "person", "TUR", "President", aliases=("Erdogan",)),
    "volodymyr-zelensky": ActorRef("volodymyr-zelensky", "Volodymyr Zelensky", "person", "UKR", "President"),
}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def window(edtf: str | None, precision: str | None = None) -> DateWindow:
    if edtf is None:
        return DateWindow.unknown()
    start, end = edtf_bounds(edtf)
    return DateWindow(start, end, precision or ("day" if start == end else "month" if len(edtf) == 7 else "day"), edtf, "explicit")


class Doc:
    """Build one article from sentences, with candidates pointing at them."""

    def __init__(self, source_id: str, published: str | None, *sentences: str) -> None:
        raw = " ".join(sentences)
        spans, pos = [], 0
        for i, text in enumerate(sentences):
            spans.append(Sentence(pos, pos + len(text), text, index=i))
            pos += len(text) + 1
        article = Article(
            source_id=source_id, path=Path(f"{source_id}.txt"), raw=raw,
            sha256=hashlib.sha256(raw.encode()).hexdigest(), title=f"Title {source_id}",
            publisher="Wire", url=f"https://example.org/{source_id}",
            published=day(published) if published else None, published_basis="dateline" if published else None,
            sentences=tuple(spans),
        )
        self.records = ArticleRecords(article)
        for key, ref in ACTORS.items():
            at = raw.find(ref.name.split()[-1])
            if at >= 0:
                self.records.actors[key] = ref
                self.records.actor_mentions.append(ActorMention(key, Sentence(at, at + len(ref.name.split()[-1]), ref.name.split()[-1]), "surname"))

    def ev(self, sentence: int) -> Sentence:
        return self.records.article.sentences[sentence]

    def visit(self, s: int, traveler: str, host: str, status: str, date: str | None = None, **kw) -> "Doc":
        self.records.visits.append(VisitCandidate(traveler, host, self.ev(s), status, window(date), **kw))
        return self

    def meeting(self, s: int, people: tuple[str, ...], status: str, date: str | None = None, **kw) -> "Doc":
        self.records.meetings.append(MeetingCandidate(people, self.ev(s), status, window=window(date), **kw))
        return self

    def statement(self, s: int, speaker: str, text: str, date: str | None = None, **kw) -> "Doc":
        self.records.statements.append(StatementCandidate(speaker, text, "direct", self.ev(s), window(date), **kw))
        return self


def lavrov_reports() -> list[ArticleRecords]:
    early = Doc("002_18f130bdfce50bc4", "2025-02-20", "Lavrov will visit Türkiye on February 24-25.").visit(
        0, "sergey-lavrov", "TUR", "planned", "2025-02-24/2025-02-25", city="Ankara")
    late = Doc("000_ba400b1fa624a0e1", "2025-05-24", "Lavrov visited Ankara on 23 February.", "Fidan met Lavrov.").visit(
        0, "sergey-lavrov", "TUR", "occurred", "2025-02-23", city="Ankara").meeting(
        1, ("hakan-fidan", "sergey-lavrov"), "occurred", "2025-02-23", visit=0)
    return [early.records, late.records]


def fidan_reports() -> list[ArticleRecords]:
    before = Doc("010_a", "2025-05-24", "Fidan will travel to Moscow next month.", "Fidan will meet Putin and Lavrov.").visit(
        0, "hakan-fidan", "RUS", "planned", "2025-06", city="Moscow").meeting(
        1, ("hakan-fidan", "vladimir-putin"), "planned", "2025-06", visit=0)
    after = Doc("011_b", "2025-06-15", "Fidan arrived in Moscow on June 14.", "Fidan and Putin met on June 14.",
                "Lavrov said: 'Istanbul is very good for talks.'").visit(
        0, "hakan-fidan", "RUS", "occurred", "2025-06-14", city="Moscow").meeting(
        1, ("hakan-fidan", "vladimir-putin"), "occurred", "2025-06-14", visit=0).statement(
        2, "sergey-lavrov", "Istanbul is very good for talks.", "2025-06-14")
    return [before.records, after.records]


def unrelated() -> ArticleRecords:
    return Doc("099_z", "2024-09-01", "Zelensky visited Türkiye in August.", "Zelensky said peace is near.").visit(
        0, "volodymyr-zelensky", "TUR", "occurred", "2024-08").statement(
        1, "volodymyr-zelensky", "peace is near", "2024-09-01").records


def dump(tables) -> str:
    return "\n".join(row.model_dump_json() for rows in tables.values() for row in rows)


def only(rows):
    assert len(rows) == 1, rows
    return rows[0]


def test_conflicting_reports_make_one_record_with_both_kept():
    tables = merge(lavrov_reports())
    visit = only(tables["visits"])
    assert visit.status == "occurred"
    assert (visit.date, visit.date_start, visit.date_end) == ("2025-02-23/2025-02-25", day("2025-02-23"), day("2025-02-25"))
    assert visit.date_precision == "day"
    assert "dates differ" in visit.conflicts
    assert "002_18f130bdfce50bc4 reports 2025-02-24/2025-02-25" in visit.conflicts
    assert "000_ba400b1fa624a0e1 reports 2025-02-23" in visit.conflicts
    mentions = {(m.source_id, m.reported_status, m.reported_date) for m in tables["mentions"] if m.record_id == visit.visit_id}
    assert mentions == {
        ("002_18f130bdfce50bc4", "planned", "2025-02-24/2025-02-25"),
        ("000_ba400b1fa624a0e1", "occurred", "2025-02-23"),
    }
    assert only(tables["meetings"]).visit_id == visit.visit_id


def test_status_history_follows_publication():
    docs = [
        Doc("a1", "2025-03-01", "Putin will visit Türkiye in April.").visit(0, "vladimir-putin", "TUR", "planned", "2025-04"),
        Doc("a2", "2025-03-20", "Putin's visit to Türkiye was postponed to late April.").visit(0, "vladimir-putin", "TUR", "postponed", "2025-04"),
        Doc("a3", "2025-04-10", "Putin's April trip to Türkiye was cancelled.").visit(0, "vladimir-putin", "TUR", "cancelled", "2025-04"),
    ]
    tables = merge([d.records for d in reversed(docs)])
    visit = only(tables["visits"])
    assert visit.status == "cancelled"
    history = reports(visit.visit_id, tables["mentions"], tables["sources"])
    assert [(r.published, r.reported_status, r.source_id) for r in history] == [
        (day("2025-03-01"), "planned", "a1"),
        (day("2025-03-20"), "postponed", "a2"),
        (day("2025-04-10"), "cancelled", "a3"),
    ]


def test_history_reads_back_from_a_published_package(tmp_path):
    from diplomatic_events import history
    from diplomatic_events.dataset.publish import publish

    docs = [
        Doc("a1", "2025-03-01", "Putin will visit Türkiye in April.").visit(0, "vladimir-putin", "TUR", "planned", "2025-04"),
        Doc("a2", "2025-04-10", "Putin's April trip to Türkiye was cancelled.").visit(0, "vladimir-putin", "TUR", "cancelled", "2025-04"),
    ]
    tables = merge([d.records for d in docs])
    publish(tables, tmp_path)
    visit = only(tables["visits"])
    assert [r.reported_status for r in history(visit.visit_id, package=tmp_path)] == ["planned", "cancelled"]
    with pytest.raises(KeyError):
        history("v-does-not-exist", package=tmp_path)


def test_refinement_takes_precise_window_and_keeps_id():
    before = merge(fidan_reports()[:1])
    after = merge(fidan_reports())
    visit = only(after["visits"])
    assert (visit.date, visit.date_precision, visit.status, visit.conflicts) == ("2025-06-14", "day", "occurred", None)
    assert visit.visit_id == only(before["visits"]).visit_id
    assert only(after["meetings"]).meeting_id == only(before["meetings"]).meeting_id
    assert only(after["meetings"]).visit_id == visit.visit_id


def test_unrelated_article_changes_no_id():
    base = merge(lavrov_reports() + fidan_reports())
    more = merge(lavrov_reports() + fidan_reports() + [unrelated()])
    for table, model in TABLES.items():
        keys = {tuple(getattr(r, k) for k in model.table.primary_key) for r in base[table]}
        bigger = {tuple(getattr(r, k) for k in model.table.primary_key) for r in more[table]}
        assert keys <= bigger, table


def test_order_independent_and_byte_identical():
    articles = lavrov_reports() + fidan_reports() + [unrelated()]
    expected = dump(merge(articles))
    assert dump(merge(list(articles))) == expected
    for seed in range(5):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        assert dump(merge(shuffled)) == expected


def test_tables_in_schema_order_sorted_and_valid():
    tables = merge(lavrov_reports() + fidan_reports() + [unrelated()])
    assert list(tables) == list(TABLES)
    for name, rows in tables.items():
        model = TABLES[name]
        keys = [tuple(getattr(r, k) for k in model.table.primary_key) for r in rows]
        assert keys == sorted(keys) and len(set(keys)) == len(keys)
        for row in rows:
            assert isinstance(row, model)
            model.model_validate(row.model_dump())


def test_sources_rows_carry_length_and_hash():
    records = unrelated()
    source = only(merge([records])["sources"])
    assert source.characters == len(records.article.raw)
    assert source.sha256 == records.article.sha256
    assert source.published == day("2024-09-01")


def test_actors_published_only_when_referenced_with_mentions():
    tables = merge(lavrov_reports())
    actors = {a.actor_id: a for a in tables["actors"]}
    assert set(actors) == {"sergey-lavrov", "hakan-fidan"}
    lavrov = actors["sergey-lavrov"]
    assert (lavrov.wikidata_id, lavrov.aliases, lavrov.country) == ("Q80137", "Sergei Lavrov", "RUS")
    for key in actors:
        assert any(m.record_type == "actor" and m.record_id == key for m in tables["mentions"])
    raw = {r.article.source_id: r.article.raw for r in lavrov_reports()}
    for m in tables["mentions"]:
        assert raw[m.source_id][m.char_start:m.char_end] == m.evidence


def test_actor_title_and_aliases_merge_latest():
    old = Doc("o", "2020-01-01", "Erdoğan met Putin.").meeting(0, ("recep-tayyip-erdogan", "vladimir-putin"), "occurred", "2020-01-01")
    new = Doc("n", "2024-01-01", "Erdoğan met Putin again.").meeting(0, ("recep-tayyip-erdogan", "vladimir-putin"), "occurred", "2024-01-01")
    old.records.actors["recep-tayyip-erdogan"] = ActorRef("recep-tayyip-erdogan", "Erdoğan", "person", "TUR", "Prime Minister")
    tables = merge([new.records, old.records])
    erdogan = next(a for a in tables["actors"] if a.actor_id == "recep-tayyip-erdogan")
    assert erdogan.title == "President"
    assert erdogan.aliases == "Erdogan | Erdoğan" and erdogan.name == "Recep Tayyip Erdoğan"
    assert len(tables["meetings"]) == 2
    assert {m.format for m in tables["meetings"]} == {"bilateral"}


def test_same_sentence_duplicates_keep_one_mention():
    doc = Doc("d", "2025-01-10", "Fidan visited Moscow on January 9 and met officials in Moscow.", "Fidan's Moscow visit was short.")
    doc.visit(0, "hakan-fidan", "RUS", "occurred", "2025-01-09").visit(0, "hakan-fidan", "RUS", "occurred", "2025-01-09")
    doc.visit(1, "hakan-fidan", "RUS", "occurred")
    tables = merge([doc.records])
    visit = only(tables["visits"])
    assert len([m for m in tables["mentions"] if m.record_id == visit.visit_id]) == 2


@pytest.mark.parametrize(
    ("second", "published", "merged"),
    [
        ("2025-03-04", "2025-03-05", True),  # within three days
        ("2025-03-10", "2025-03-11", False),  # a week apart: another visit
        (None, "2025-03-20", True),  # undated, published soon after
        (None, "2025-08-01", False),  # undated, months later
    ],
)
def test_visit_coreference(second, published, merged):
    first = Doc("f1", "2025-03-02", "Putin visited Türkiye on March 1.").visit(0, "vladimir-putin", "TUR", "occurred", "2025-03-01")
    other = Doc("f2", published, "Putin was in Türkiye.").visit(0, "vladimir-putin", "TUR", "occurred", second)
    assert len(merge([first.records, other.records])["visits"]) == (1 if merged else 2)


def test_undated_report_with_two_candidates_stays_apart():
    a = Doc("u1", "2025-03-02", "Putin visited Türkiye on March 1.", "Putin returned to Türkiye on March 20.")
    a.visit(0, "vladimir-putin", "TUR", "occurred", "2025-03-01").visit(1, "vladimir-putin", "TUR", "occurred", "2025-03-20")
    b = Doc("u2", "2025-03-25", "Putin's visit to Türkiye was criticised.").visit(0, "vladimir-putin", "TUR", "occurred")
    assert len(merge([a.records, b.records])["visits"]) == 3


def test_same_occasion_merges_coarse_and_undated():
    a = Doc("c1", "2024-10-01", "Putin will attend the BRICS Summit in Türkiye in October.").visit(
        0, "vladimir-putin", "TUR", "planned", "2024-10", occasion="BRICS Summit")
    b = Doc("c2", "2024-10-23", "Putin arrived for the BRICS summit.").visit(0, "vladimir-putin", "TUR", "occurred", "2024-10-22", occasion="BRICS summit")
    c = Doc("c3", "2024-10-24", "Putin at the BRICS Summit.").visit(0, "vladimir-putin", "TUR", "occurred", occasion="BRICS Summit")
    visit = only(merge([a.records, b.records, c.records])["visits"])
    assert (visit.date, visit.status, visit.occasion) == ("2024-10-22", "occurred", "BRICS Summit")


@pytest.mark.parametrize(
    ("people", "mode", "city", "merged"),
    [
        (("hakan-fidan", "vladimir-putin", "sergey-lavrov"), "in_person", None, True),
        (("hakan-fidan", "vladimir-putin"), "phone", None, False),
        (("hakan-fidan", "vladimir-putin"), "in_person", "Sochi", False),
        (("hakan-fidan", "sergey-lavrov"), "in_person", None, False),
    ],
)
def test_meeting_coreference(people, mode, city, merged):
    a = Doc("m1", "2025-06-15", "Fidan met Putin in Moscow.").meeting(0, ("hakan-fidan", "vladimir-putin"), "occurred", "2025-06-14", city="Moscow")
    b = Doc("m2", "2025-06-16", "Fidan, Putin and Lavrov talked.").meeting(0, people, "occurred", "2025-06-14", mode=mode, city=city)
    tables = merge([a.records, b.records])
    assert len(tables["meetings"]) == (1 if merged else 2)
    if merged:
        assert {p.actor_id for p in tables["meeting_participants"]} == set(people)
        assert only(tables["meetings"]).format == "bilateral"


def test_statements_merge_on_overlapping_text_and_link_meeting():
    a = Doc("s1", "2025-06-15", "Fidan met Putin.", "Putin said: 'We value our Turkish friends and their mediation.'")
    a.meeting(0, ("hakan-fidan", "vladimir-putin"), "occurred", "2025-06-14")
    a.statement(1, "vladimir-putin", "We value our Turkish friends and their mediation.", "2025-06-14", meeting=0)
    b = Doc("s2", "2025-06-16", "Putin said Russia values its Turkish friends and their mediation efforts.")
    b.statement(0, "vladimir-putin", "We value our Turkish friends and their mediation efforts greatly.", "2025-06-14")
    c = Doc("s3", "2025-06-16", "Putin said the weather was fine.").statement(0, "vladimir-putin", "the weather was fine", "2025-06-14")
    tables = merge([a.records, b.records, c.records])
    statements = tables["statements"]
    assert len(statements) == 2
    merged = next(s for s in statements if "mediation" in s.text)
    assert merged.text == "We value our Turkish friends and their mediation efforts greatly."
    assert merged.meeting_id == only(tables["meetings"]).meeting_id
    assert all(s.statement_id.startswith("s-") and len(s.statement_id) == 12 for s in statements)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Istanbul is very good", "I would turn to our Turkish friends. Istanbul is very good", True),
        ("peace is near", "the war goes on", False),
        ("a b c d e", "a b c x y", True),
        ("a b c d e", "a b x y z", False),
    ],
)
def test_same_text(a, b, expected):
    assert same_text(a, b) is expected


def test_id_collisions_are_disambiguated():
    doc = Doc("x", "2025-03-30", "Putin visited Türkiye on March 1 and again on March 20.")
    doc.visit(0, "vladimir-putin", "TUR", "occurred", "2025-03-01").visit(0, "vladimir-putin", "TUR", "occurred", "2025-03-20")
    first = merge([doc.records])
    ids = [v.visit_id for v in first["visits"]]
    assert len(set(ids)) == 2 and all(i.startswith("v-") for i in ids)
    alone = Doc("x", "2025-03-30", "Putin visited Türkiye on March 1 and again on March 20.").visit(
        0, "vladimir-putin", "TUR", "occurred", "2025-03-01")
    assert only(merge([alone.records])["visits"]).visit_id in ids


def test_duplicate_sources_rejected():
    with pytest.raises(ValueError, match="more than once"):
        merge([unrelated(), unrelated()])


def test_unknown_actor_rejected():
    doc = Doc("k", "2025-01-01", "Someone visited Türkiye.").visit(0, "nobody-known", "TUR", "occurred")
    with pytest.raises(ValueError, match="nobody-known"):
        merge([doc.records])


def test_merge_scales_with_blocking():
    articles = []
    for n in range(600):
        published = dt.date(2024, 1, 1) + dt.timedelta(days=n)
        when = (published - dt.timedelta(days=1)).isoformat()
        doc = Doc(f"b{n:04d}", published.isoformat(), "Lavrov visited Türkiye.", "Lavrov and Fidan met.", f"Lavrov said point {n} matters.")
        doc.visit(0, "sergey-lavrov", "TUR", "occurred", when).meeting(1, ("hakan-fidan", "sergey-lavrov"), "occurred", when)
        doc.statement(2, "sergey-lavrov", f"point {n} matters to us all today", when)
        articles.append(doc.records)
    tables = merge(articles)
    assert len(tables["sources"]) == 600
    assert 0 < len(tables["visits"]) <= 600


def postponed_doc() -> Doc:
    return Doc("p1", "2025-02-07", "Putin's visit to Türkiye, due on Monday, was postponed.", "Putin was to meet Erdoğan.").visit(
        0, "vladimir-putin", "TUR", "postponed", "2025-02-10").meeting(
        1, ("vladimir-putin", "recep-tayyip-erdogan"), "postponed", "2025-02-10", visit=0)


@pytest.mark.parametrize(
    ("held", "published", "merged"),
    [
        ("2025-02-27", "2025-02-28", True),  # held three weeks after the original date
        ("2025-04-20", "2025-03-01", True),  # planned anew two months on
        ("2025-09-01", "2025-09-02", False),  # half a year later: another visit
    ],
)
def test_postponed_visit_held_later_is_one_rescheduled_record(held, published, merged):
    later = Doc("p2", published, "Putin visited Türkiye.", "Putin met Erdoğan.").visit(
        0, "vladimir-putin", "TUR", "occurred" if held < published else "planned", held).meeting(
        1, ("vladimir-putin", "recep-tayyip-erdogan"), "occurred" if held < published else "planned", held, visit=0)
    tables = merge([postponed_doc().records, later.records])
    assert len(tables["visits"]) == len(tables["meetings"]) == (1 if merged else 2)
    if not merged:
        return
    for row in (only(tables["visits"]), only(tables["meetings"])):
        assert (row.date_start, row.date_end) == (day(held), day(held))
        assert row.status == ("occurred" if held < published else "planned")
        assert "rescheduled" in row.conflicts and "p1 reports 2025-02-10 (postponed)" in row.conflicts
    reported = {(m.source_id, m.reported_status, m.reported_date) for m in tables["mentions"] if m.record_type == "visit"}
    assert ("p1", "postponed", "2025-02-10") in reported


def test_rescheduled_report_published_before_the_postponement_stays_apart():
    earlier = Doc("p0", "2025-02-01", "Putin will visit Türkiye on February 20.").visit(
        0, "vladimir-putin", "TUR", "planned", "2025-02-20")
    assert len(merge([postponed_doc().records, earlier.records])["visits"]) == 2


def test_postponed_report_joins_the_first_later_visit_only():
    first = Doc("p2", "2025-02-28", "Putin visited Türkiye.").visit(0, "vladimir-putin", "TUR", "occurred", "2025-02-27")
    second = Doc("p3", "2025-04-11", "Putin visited Türkiye again.").visit(0, "vladimir-putin", "TUR", "occurred", "2025-04-10")
    visits = merge([postponed_doc().records, first.records, second.records])["visits"]
    assert len(visits) == 2
    rescheduled = next(v for v in visits if v.conflicts)
    assert rescheduled.date_start == day("2025-02-27")


def test_postponed_record_already_holding_new_dates_takes_no_other_visit():
    doc = Doc("p1", "2025-02-07", "Putin's visit to Türkiye was postponed to February 24.").visit(
        0, "vladimir-putin", "TUR", "postponed", "2025-02-10").visit(0, "vladimir-putin", "TUR", "planned", "2025-02-24")
    later = Doc("p4", "2025-03-21", "Putin visited Türkiye.").visit(0, "vladimir-putin", "TUR", "occurred", "2025-03-20")
    visits = merge([doc.records, later.records])["visits"]
    assert sorted(v.date_start for v in visits) == [day("2025-02-24"), day("2025-03-20")]


def test_seed_corpus_events_are_one_record_each():
    from diplomatic_events.dataset.build import build
    from diplomatic_events.dataset.evaluate import evaluate_build, load_gold

    repo = Path(__file__).resolve().parents[1]
    for name, corpus in (("seeds", repo / "corpus"), ("extra", repo / "tests" / "articles")):
        result = build(corpus, None, write=False, keep_records=True, corrections=None)
        events = evaluate_build([load_gold(repo / "tests" / "gold" / f"{name}.yaml")], result).events
        assert (events.merged, events.duplicates) == (len(events.results), 0), events.render()
