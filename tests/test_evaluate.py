"""The scorer against hand-made predictions, and the gold files it reads."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from diplomatic_events.dataset.evaluate import (
    GoldError,
    Report,
    load_gold,
    score_articles,
    score_events,
    text_matches,
    words,
)
from diplomatic_events.extract.text import fold
from diplomatic_events.extract.types import (
    ActorRef,
    Article,
    ArticleRecords,
    DateWindow,
    MeetingCandidate,
    Span,
    StatementCandidate,
    VisitCandidate,
)
from diplomatic_events.schema import Actor, Meeting, MeetingParticipant, Mention, Visit

REPO = Path(__file__).resolve().parents[1]
EXTRA = REPO / "tests" / "gold" / "extra.yaml"

GOLD_YAML = """
actors:
  - {name: Hakan Fidan, country: TUR, kind: person, title: Foreign Minister}
  - {name: Sergey Lavrov, country: RUS, kind: person, title: Foreign Minister}
  - {name: Vladimir Putin, country: RUS, kind: person, title: President}
  - {name: Recep Tayyip Erdoğan, country: TUR, kind: person, title: President, aliases: [Erdogan]}
  - {name: Volodymyr Zelensky, country: UKR, kind: person, title: President}
articles:
  a1:
    published: 2025-05-24
    visits:
      - {traveler: Hakan Fidan, host: RUS, date: [2025-05-26, 2025-05-27], status: planned, core: true}
      - {traveler: Sergey Lavrov, host: ZAF, date: [2025-02-20, 2025-02-20], status: occurred, core: false}
    meetings:
      - {participants: [Hakan Fidan, Vladimir Putin], date: [2025-05-26, 2025-05-27], mode: in_person, status: planned, core: true}
      - {participants: [Sergey Lavrov, RUS, UKR], date: null, mode: in_person, status: occurred, core: true}
    statements:
      - {speaker: Sergey Lavrov, date: [2025-05-24, 2025-05-24], kind: direct, core: true,
         text: "Istanbul is a very good place for the talks"}
      - {speaker: TUR, date: null, kind: indirect, core: false, text: "its full support for the process"}
  a2:
    published: 2025-05-27
    visits:
      - {traveler: Hakan Fidan, host: RUS, date: [2025-05-26, 2025-05-27], status: occurred, core: true}
    meetings:
      - {participants: [Recep Tayyip Erdoğan, Volodymyr Zelensky], date: [2025-05-01, 2025-05-31], mode: phone, status: occurred, core: true}
    statements: []
events:
  - {type: visit, traveler: Hakan Fidan, host: RUS, date: [2025-05-26, 2025-05-27], status: occurred, articles: [a1, a2]}
  - {type: meeting, participants: [Hakan Fidan, Vladimir Putin], date: [2025-05-26, 2025-05-27], articles: [a1, a2]}
"""

ACTORS = {
    "fidan": ActorRef("fidan", "Hakan Fidan", "person", "TUR"),
    "lavrov": ActorRef("lavrov", "Sergei Lavrov", "person", "RUS"),
    "putin": ActorRef("putin", "Vladimir Putin", "person", "RUS"),
    "erdogan": ActorRef("erdogan", "Erdoğan", "person", "TUR"),
    "zelensky": ActorRef("zelensky", "Volodymyr Zelenskyy", "person", "UKR"),
    "rus": ActorRef("rus", "Russia", "state", "RUS"),
    "ukr": ActorRef("ukr", "Ukraine", "state", "UKR"),
    "tur": ActorRef("tur", "Türkiye", "state", "TUR"),
}


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    return load_gold(path)


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def window(start: str | None, end: str | None = None) -> DateWindow:
    if start is None:
        return DateWindow.unknown()
    return DateWindow(day(start), day(end or start), "day", None, "explicit")


def evidence(text: str = "Evidence sentence.") -> Span:
    return Span(0, len(text), text)


def visit(traveler, host, start, end=None, status="planned") -> VisitCandidate:
    return VisitCandidate(traveler, host, evidence(f"{traveler} visits {host}."), status, window(start, end))


def meeting(participants, start, end=None, status="planned", mode="in_person") -> MeetingCandidate:
    return MeetingCandidate(tuple(participants), evidence(f"{participants} met."), status, mode, window(start, end))


def statement(speaker, text, start=None, end=None) -> StatementCandidate:
    return StatementCandidate(speaker, text, "direct", evidence(f"{speaker} said: {text}"), window(start, end))


def records(source_id, visits=(), meetings=(), statements=(), actors=None) -> ArticleRecords:
    article = Article(source_id, Path(f"{source_id}.txt"), "", "0" * 64)
    return ArticleRecords(article, dict(actors or ACTORS), [], list(visits), list(meetings), list(statements))


def perfect() -> dict[str, ArticleRecords]:
    return {
        "a1": records(
            "a1",
            visits=[visit("fidan", "RUS", "2025-05-26", "2025-05-27")],
            meetings=[meeting(["fidan", "putin"], "2025-05-26", "2025-05-27"),
                      meeting(["lavrov", "rus", "ukr"], None, status="occurred")],
            statements=[statement("lavrov", "Istanbul is a very good place for the talks", "2025-05-24")],
        ),
        "a2": records(
            "a2",
            visits=[visit("fidan", "RUS", "2025-05-27", status="occurred")],
            meetings=[meeting(["erdogan", "zelensky"], "2025-05-10", status="occurred", mode="phone")],
        ),
    }


# --- scores --------------------------------------------------------------------------------------


def test_perfect_predictions_score_one(gold):
    report = score_articles(gold, perfect())
    for kind in ("visit", "meeting", "statement"):
        score = report.kinds[kind]
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), kind
    assert report.misses == [] and report.false_hits == []
    assert report.kinds["visit"].status_accuracy == 1.0
    assert report.kinds["meeting"].mode_accuracy == 1.0


def test_empty_predictions_recall_zero_precision_one(gold):
    report = score_articles(gold, {})
    for kind in ("visit", "meeting", "statement"):
        score = report.kinds[kind]
        assert score.recall == 0.0
        assert score.precision == 1.0  # nothing claimed, nothing wrong
        assert score.f1 == 0.0
    assert len(report.misses) == 2 + 3 + 1
    assert report.kinds["visit"].status_accuracy is None


def test_optional_match_is_neither_hit_nor_error(gold):
    preds = {"a1": records("a1", visits=[visit("lavrov", "ZAF", "2025-02-20", status="occurred")])}
    score = score_articles(gold, preds).kinds["visit"]
    assert (score.hits, score.false_hits, score.optional) == (0, 0, 1)
    assert score.precision == 1.0


def test_matching_is_one_to_one(gold):
    twice = visit("fidan", "RUS", "2025-05-26", "2025-05-27")
    preds = {"a1": records("a1", visits=[twice, visit("fidan", "RUS", "2025-05-26")])}
    report = score_articles(gold, preds)
    score = report.kinds["visit"]
    assert (score.hits, score.false_hits) == (1, 1)
    assert score.precision == 0.5
    assert [f.kind for f in report.false_hits] == ["visit"]
    assert report.false_hits[0].evidence == "fidan visits RUS."


def test_core_gold_gets_the_prediction_an_optional_one_also_fits(gold):
    # One Lavrov statement fits both the core gold (text) and nothing else; a TUR statement fits the optional.
    preds = {"a1": records("a1", statements=[
        statement("lavrov", "Istanbul is a very good place", "2025-05-24"),
        statement("tur", "Ankara voiced its full support for the process"),
    ])}
    score = score_articles(gold, preds).kinds["statement"]
    assert (score.hits, score.optional, score.false_hits, score.misses) == (1, 1, 0, 0)


@pytest.mark.parametrize(
    "name, country, matches",
    [
        ("Sergei Lavrov", "RUS", True),
        ("Sergey Lavrov", "RUS", True),
        ("SERGEJ LAVROV", "RUS", False),  # not a folded variant
        ("Sergey Lavrov", "TUR", False),  # wrong country
        ("Lavrov", "RUS", False),  # surname only is not an alias
    ],
)
def test_transliteration_variants_match(gold, name, country, matches):
    actors = {**ACTORS, "lavrov": ActorRef("lavrov", name, "person", country)}
    preds = {"a1": records("a1", statements=[statement("lavrov", "Istanbul is a very good place for the talks", "2025-05-24")],
                           actors=actors)}
    assert score_articles(gold, preds).kinds["statement"].hits == int(matches)


@pytest.mark.parametrize(
    "name, matches", [("Erdogan", True), ("Erdoğan", True), ("Recep Tayyip Erdogan", True), ("Tayyip", False)]
)
def test_gold_aliases_match(gold, name, matches):
    actors = {**ACTORS, "erdogan": ActorRef("erdogan", name, "person", "TUR")}
    preds = {"a2": records("a2", meetings=[meeting(["erdogan", "zelensky"], "2025-05-10", status="occurred", mode="phone")],
                           actors=actors)}
    assert score_articles(gold, preds).kinds["meeting"].hits == int(matches)


@pytest.mark.parametrize(
    "participants, matches",
    [
        (["lavrov", "rus", "ukr"], True),  # equal sets
        (["rus", "ukr"], True),  # two shared states
        (["lavrov", "ukr"], True),  # named actor plus a state
        (["lavrov", "putin"], False),  # one shared actor
        (["lavrov", "tur"], False),
        (["rus", "zelensky"], False),  # a person of a state is not the state
    ],
)
def test_state_participants(gold, participants, matches):
    preds = {"a1": records("a1", meetings=[meeting(participants, None, status="occurred")])}
    assert score_articles(gold, preds).kinds["meeting"].hits == int(matches)


def test_state_participant_matched_by_country_name(gold):
    actors = {**ACTORS, "rf": ActorRef("rf", "Russian Federation", "state", None)}
    preds = {"a1": records("a1", meetings=[meeting(["rf", "ukr"], None)], actors=actors)}
    assert score_articles(gold, preds).kinds["meeting"].hits == 1


@pytest.mark.parametrize(
    "start, end, matches",
    [
        ("2025-05-26", "2025-05-27", True),
        ("2025-05-27", "2025-05-27", True),
        ("2025-05-01", "2025-05-31", True),  # a month containing the days
        ("2025-05-20", "2025-05-26", True),  # touching the first day
        ("2025-05-28", "2025-05-30", False),
        ("2024-05-26", "2024-05-27", False),
        (None, None, False),  # unknown predicted date does not overlap a known gold date
    ],
)
def test_date_overlap(gold, start, end, matches):
    preds = {"a1": records("a1", visits=[visit("fidan", "RUS", start, end)])}
    assert score_articles(gold, preds).kinds["visit"].hits == int(matches)


def test_empty_gold_window_matches_any_date(gold):
    preds = {"a1": records("a1", meetings=[meeting(["rus", "ukr"], "1999-01-01")])}
    assert score_articles(gold, preds).kinds["meeting"].hits == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Erdoğan's “plan”, again!", ["erdogans", "plan", "again"]),
        ("TÜRKİYE and Türkiye", ["turkiye", "and", "turkiye"]),
        ("peace — now...", ["peace", "now"]),
    ],
)
def test_words(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    "gold_text, predicted, matches",
    [
        ("Istanbul is very good", "I said Istanbul is very good indeed for everyone here today", True),
        ("Istanbul is very good", "Istanbul is", True),  # 2 of 4 gold words: exactly half
        ("Istanbul is very good", "Istanbul", False),  # 1 of 4
        # predicted words mostly inside a longer gold text (converse direction, >= 4 words)
        ("the genocide in Gaza must stop at once otherwise chaos will engulf the region", "Gaza must stop now", True),
        ("the genocide in Gaza must stop at once otherwise chaos will engulf the region", "Gaza must stop", False),
        ("a visit is being prepared", "A VISIT is being prepared!", True),
        ("the meeting is being prepared very thoroughly", "trade and energy were discussed at length", False),
    ],
)
def test_statement_half_words_rule(gold_text, predicted, matches):
    assert text_matches(gold_text, predicted) is matches


def test_statement_needs_same_speaker(gold):
    preds = {"a1": records("a1", statements=[statement("putin", "Istanbul is a very good place for the talks", "2025-05-24")])}
    score = score_articles(gold, preds).kinds["statement"]
    assert (score.hits, score.false_hits) == (0, 1)


@pytest.mark.parametrize(
    "status, mode, status_acc, mode_acc",
    [("occurred", "phone", 1.0, 1.0), ("planned", "phone", 0.0, 1.0), ("occurred", "video", 1.0, 0.0)],
)
def test_status_and_mode_accuracy(gold, status, mode, status_acc, mode_acc):
    preds = {"a2": records("a2", meetings=[meeting(["erdogan", "zelensky"], "2025-05-10", status=status, mode=mode)])}
    score = score_articles(gold, preds).kinds["meeting"]
    assert score.hits == 1
    assert (score.status_accuracy, score.mode_accuracy) == (status_acc, mode_acc)


def test_render_and_to_dict_list_misses_and_false_hits(gold):
    preds = {"a1": records("a1", visits=[visit("putin", "TUR", "2025-01-01")]), "zz": records("zz")}
    report = score_articles(gold, preds)
    text = report.render()
    assert "putin visits TUR." in text
    assert "visit Hakan Fidan -> RUS 2025-05-26..2025-05-27 planned" in text
    assert "No gold for: zz" in text
    data = json.loads(json.dumps(report.to_dict()))
    assert data["kinds"]["visit"]["false_hits"] == 1
    assert data["false_hits"][0]["evidence"] == "putin visits TUR."
    assert isinstance(report, Report)


# --- events --------------------------------------------------------------------------------------


def _tables(visit_sources: dict[str, list[str]], meeting_sources: dict[str, list[str]]):
    actors = [
        Actor(actor_id="hakan-fidan", name="Hakan Fidan", kind="person", country="TUR"),
        Actor(actor_id="vladimir-putin", name="Vladimir Putin", kind="person", country="RUS"),
    ]
    visits = [
        Visit(visit_id=vid, traveler_id="hakan-fidan", host_country="RUS", date="2025-05-26/2025-05-27",
              date_start=day("2025-05-26"), date_end=day("2025-05-27"), status="occurred")
        for vid in visit_sources
    ]
    meetings = [
        Meeting(meeting_id=mid, date="2025-05", date_start=day("2025-05-01"), date_end=day("2025-05-31"),
                mode="in_person", format="bilateral", status="occurred")
        for mid in meeting_sources
    ]
    participants = [MeetingParticipant(meeting_id=mid, actor_id=a) for mid in meeting_sources
                    for a in ("hakan-fidan", "vladimir-putin")]
    mentions = [
        Mention(record_type=kind, record_id=rid, source_id=src, char_start=0, char_end=5, evidence="x")
        for kind, table in (("visit", visit_sources), ("meeting", meeting_sources))
        for rid, srcs in table.items() for src in srcs
    ]
    tables = {"actors": actors, "visits": visits, "meetings": meetings, "meeting_participants": participants}
    return tables, mentions


@pytest.mark.parametrize(
    "visit_sources, meeting_sources, merged, duplicates",
    [
        ({"v1": ["a1", "a2"]}, {"m1": ["a1", "a2"]}, 2, 0),
        ({"v1": ["a1"], "v2": ["a2"]}, {"m1": ["a1", "a2"]}, 1, 1),
        ({"v1": ["a1", "a2"], "v2": ["a2"]}, {"m1": ["a1"], "m2": ["a2"]}, 1, 2),
        ({"v1": ["zz"]}, {}, 0, 0),  # a record cited by none of the event's articles is not counted
    ],
)
def test_events_merged_or_duplicated(gold, visit_sources, meeting_sources, merged, duplicates):
    tables, mentions = _tables(visit_sources, meeting_sources)
    report = score_events(gold, tables, mentions)
    assert (report.merged, report.duplicates) == (merged, duplicates)
    assert f"merged: {merged}" in report.render()
    assert json.loads(json.dumps(report.to_dict()))["duplicates"] == duplicates


# --- gold files ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "edit, message",
    [
        (("traveler: Hakan Fidan, host: RUS", "traveler: Nobody, host: RUS"), "unknown actor 'Nobody'"),
        (("host: ZAF", "host: XXX"), "'XXX' is not an ISO 3166-1 alpha-3"),
        (("status: planned, core: true}", "status: maybe, core: true}"), "status 'maybe'"),
        (("date: [2025-05-26, 2025-05-27], status: planned", "date: [2025-05-28, 2025-05-27], status: planned"),
         "starts after it ends"),
        (("core: false, text", "core: perhaps, text"), "core must be true or false"),
        (("articles: [a1, a2]}", "articles: [a1, a9]}"), "'a9' is not in articles"),
    ],
)
def test_load_gold_errors_name_file_and_entry(tmp_path, edit, message):
    path = tmp_path / "bad.yaml"
    path.write_text(GOLD_YAML.replace(*edit, 1), encoding="utf-8")
    with pytest.raises(GoldError) as info:
        load_gold(path)
    text = str(info.value)
    assert str(path) in text and message in text and "\n" not in text


def _shared_dir() -> Path | None:
    # ../shared from the repository root; one level further up from a worktree of it.
    for candidate in (os.environ.get("DE_SHARED"), REPO.parent / "shared", REPO.parent.parent / "shared"):
        if candidate and (Path(candidate) / "gold" / "seeds.yaml").is_file():
            return Path(candidate)
    return None


def test_load_gold_parses_seeds():
    gold = load_gold(REPO / "tests" / "gold" / "seeds.yaml")
    assert len(gold.articles) == 5 and len(gold.events) == 8


def test_seed_gold_copy_matches_shared():
    shared = _shared_dir()
    if shared is None:
        pytest.skip("shared/ is not beside this checkout: nothing to compare the copy with")
    assert (REPO / "tests" / "gold" / "seeds.yaml").read_bytes() == (shared / "gold" / "seeds.yaml").read_bytes()


def test_load_gold_parses_extra():
    gold = load_gold(EXTRA)
    assert len(gold.articles) >= 15
    assert len(gold.events) >= 2


def _named_actors(article) -> set[str]:
    refs = {r.traveler for r in article.visits} | {r.speaker for r in article.statements}
    return refs | {p for r in article.meetings for p in r.participants}


def test_extra_articles_exist_and_name_their_actors():
    gold = load_gold(EXTRA)
    problems = []
    for source_id, article in gold.articles.items():
        text_path = REPO / "tests" / "articles" / f"{source_id}.txt"
        meta_path = text_path.with_suffix(".json")
        if not (text_path.is_file() and meta_path.is_file()):
            problems.append(f"{source_id}: article or sidecar missing")
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("published") != str(article.published):
            problems.append(f"{source_id}: sidecar published {meta.get('published')} != {article.published}")
        if not {"title", "publisher", "published", "published_basis", "language"} <= set(meta):
            problems.append(f"{source_id}: sidecar lacks a field")
        text = f" {fold(text_path.read_text(encoding='utf-8'))} "
        for name in sorted(_named_actors(article) & set(gold.actors)):
            actor = gold.actors[name]
            if not any(f" {fold(n)} " in text for n in (actor.name, *actor.aliases)):
                problems.append(f"{source_id}: {name} not in the text")
    assert problems == []


def test_extra_statement_words_come_from_their_article():
    gold = load_gold(EXTRA)
    problems = []
    for source_id, article in gold.articles.items():
        vocabulary = set(words((REPO / "tests" / "articles" / f"{source_id}.txt").read_text(encoding="utf-8")))
        for record in article.statements:
            stray = [w for w in words(record.text) if w not in vocabulary]
            if stray:
                problems.append(f"{source_id}: {record.speaker}: {stray}")
    assert problems == []


def test_extra_articles_have_sensible_length():
    for path in sorted((REPO / "tests" / "articles").glob("*.txt")):
        count = len(path.read_text(encoding="utf-8").split())
        assert 200 <= count <= 500, f"{path.name}: {count} words"


QUOTE_A = "Istanbul is a very good place for the talks"
QUOTE_B = "We are ready to send our delegation there on Monday"
QUOTE_AB = f"{QUOTE_A}. {QUOTE_B}"


@pytest.mark.parametrize("gold_quotes, predicted, counts", [
    # (gold texts of Lavrov, direct) / (speaker, text, kind) / (hits, pieces, joined, misses, false hits)
    ([QUOTE_AB], [("lavrov", QUOTE_A, "direct"), ("lavrov", QUOTE_B, "direct")], (1, 1, 0, 0, 0)),
    ([QUOTE_A, QUOTE_B], [("lavrov", QUOTE_AB, "direct")], (1, 0, 1, 0, 0)),
    ([QUOTE_A, QUOTE_B], [("lavrov", QUOTE_A, "direct"), ("lavrov", QUOTE_B, "direct")], (2, 0, 0, 0, 0)),
    # a repeat of the matched quote is no piece of it
    ([QUOTE_AB], [("lavrov", QUOTE_AB, "direct"), ("lavrov", QUOTE_AB, "direct")], (1, 0, 0, 0, 1)),
    ([QUOTE_AB], [("lavrov", QUOTE_A, "direct"), ("lavrov", QUOTE_A, "direct")], (1, 0, 0, 0, 1)),
    # another speaker's words, reported speech and unrelated words are no pieces
    ([QUOTE_AB], [("lavrov", QUOTE_A, "direct"), ("putin", QUOTE_B, "direct")], (1, 0, 0, 0, 1)),
    ([QUOTE_AB], [("lavrov", QUOTE_A, "direct"), ("lavrov", QUOTE_B, "indirect")], (1, 0, 0, 0, 1)),
    ([QUOTE_AB], [("lavrov", QUOTE_A, "direct"), ("lavrov", "Sanctions will not work", "direct")], (1, 0, 0, 0, 1)),
    ([QUOTE_A, QUOTE_B], [("putin", QUOTE_AB, "direct")], (0, 0, 0, 2, 1)),
    ([QUOTE_A, "Sanctions will not work"], [("lavrov", QUOTE_AB, "direct")], (1, 0, 0, 1, 0)),
])
def test_split_or_joined_quotes_score_by_overlap_not_count(tmp_path, gold_quotes, predicted, counts):
    lines = "".join(f"      - {{speaker: Sergey Lavrov, date: null, kind: direct, core: true, text: \"{q}\"}}\n"
                    for q in gold_quotes)
    path = tmp_path / "gold.yaml"
    path.write_text("actors:\n  - {name: Sergey Lavrov, country: RUS, kind: person}\n"
                    f"articles:\n  a1:\n    published: 2025-05-24\n    statements:\n{lines}", encoding="utf-8")
    preds = [StatementCandidate(s, t, k, evidence(t), window(None)) for s, t, k in predicted]
    score = score_articles(load_gold(path), {"a1": records("a1", statements=preds)}).kinds["statement"]
    assert (score.hits, score.pieces, score.joined, score.misses, score.false_hits) == counts
    assert score.recall == (counts[0] + counts[2]) / len(gold_quotes)
    report = score_articles(load_gold(path), {"a1": records("a1", statements=preds)})
    assert (len(report.pieces), len(report.joined)) == (counts[1], counts[2])
    text = report.render()
    assert all(p.record in text for p in report.pieces) and all(j.record in text for j in report.joined)
