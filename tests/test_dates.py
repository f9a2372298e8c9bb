"""Time-expression normaliser: seed sentences, varied wording, non-dates, EDTF consistency."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplomatic_events.extract.dates import find_dates, resolve, sentence_tense
from diplomatic_events.extract.types import DateWindow
from diplomatic_events.schema.vocab import edtf_bounds

D = dt.date
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PUBLISHED = {"000": D(2025, 5, 24), "001": D(2025, 5, 27), "002": D(2025, 2, 20),
             "003": D(2024, 1, 23), "004": D(2024, 1, 29)}


def _check(window: DateWindow) -> None:
    """Every window is whole, consistent with its EDTF, and honestly labelled."""
    assert window.start is not None and window.end is not None and window.start <= window.end
    assert edtf_bounds(window.edtf) == (window.start, window.end), window
    assert window.precision in {"day", "week", "month", "season", "year"}
    assert window.basis in {"explicit", "relative"}


def _found(text: str, published: dt.date | None, anchor: DateWindow | None = None) -> list[tuple]:
    windows = find_dates(text, published, anchor=anchor)
    for window in windows:
        _check(window)
        assert text[window.span.start:window.span.end] == window.span.text
    return [(w.span.text, w.start, w.end, w.precision) for w in windows]


def _article(source: str) -> str:
    return next(CORPUS.glob(f"{source}_*.txt")).read_text(encoding="utf-8")


AUG_2023 = resolve("August 2023", None)

# Every time expression in the five seed articles, sentence by sentence.
SEEDS = [
    ("000", "date 2025-05-24 Turkish Foreign Minister Hakan Fidan will visit the Russian Federation on May 26–27, 2025, "
            "following an official invitation from his Russian counterpart, Sergey Lavrov.", None,
     [("2025-05-24", D(2025, 5, 24), D(2025, 5, 24), "day"), ("May 26–27, 2025", D(2025, 5, 26), D(2025, 5, 27), "day")]),
    ("000", "During the visit, Fidan is expected to meet with Russian President Vladimir Putin and hold formal talks with "
            "Lavrov in Moscow, according to sources from the Turkish Foreign Ministry on Saturday.", None,
     [("Saturday", D(2025, 5, 24), D(2025, 5, 24), "day")]),
    ("000", "These include Deputy Head of the Presidential Administration Vladimir Medinsky, who led the Russian delegation "
            "at the May 16 Russia-Ukraine negotiations in Istanbul, as well as Defence Minister Andrei Belousov and other "
            "high-level representatives.", None,
     [("May 16", D(2025, 5, 16), D(2025, 5, 16), "day")]),
    ("000", "Fidan is also expected to reiterate Türkiye’s readiness to continue its role as a facilitator in future "
            "negotiations between the warring sides, as it has done previously in 2022 and again during the most recent "
            "round of talks on May 16.", None,
     [("2022", D(2022, 1, 1), D(2022, 12, 31), "year"), ("May 16", D(2025, 5, 16), D(2025, 5, 16), "day")]),
    ("000", "Fidan last visited Russia on June 10–11, 2024, to attend the BRICS+ meetings and later participated in the "
            "BRICS Summit on October 24, 2024, alongside President Recep Tayyip Erdoğan.", None,
     [("June 10–11, 2024", D(2024, 6, 10), D(2024, 6, 11), "day"),
      ("October 24, 2024", D(2024, 10, 24), D(2024, 10, 24), "day")]),
    ("000", "Fidan and Lavrov most recently met on April 12, 2025, on the sidelines of the Antalya Diplomacy Forum.", None,
     [("April 12, 2025", D(2025, 4, 12), D(2025, 4, 12), "day")]),
    ("000", "Prior to that, Lavrov visited Türkiye on February 23, 2025, for bilateral discussions.", None,
     [("February 23, 2025", D(2025, 2, 23), D(2025, 2, 23), "day")]),
    ("000", "He also took part in the 3+3 Regional Cooperation Platform meeting hosted by Fidan in Istanbul on October "
            "18, 2024.", None,
     [("October \n18, 2024".replace(" \n", " "), D(2024, 10, 18), D(2024, 10, 18), "day")]),
    ("000", "Additionally, the two ministers held a bilateral meeting during the G20 Foreign Ministers' Meeting in "
            "Johannesburg on February 20, 2025.", None,
     [("February 20, 2025", D(2025, 2, 20), D(2025, 2, 20), "day")]),
    ("001", "Russian Foreign Minister Sergey Lavrov said on Tuesday that the Turkish metropolis Istanbul could host the "
            "second round of direct negotiations between Moscow and Kyiv to find a settlement for the ongoing Ukraine war.",
     None, [("Tuesday", D(2025, 5, 27), D(2025, 5, 27), "day")]),
    ("001", "Türkiye facilitated the first direct talks between Russia and Ukraine in three years in Istanbul on May 16, "
            "where the two sides agreed to a large-scale exchange of prisoners involving a total of 1,000 people from "
            "each side and to continue negotiations for a truce.", None,
     [("May 16", D(2025, 5, 16), D(2025, 5, 16), "day")]),
    ("001", "The two foreign ministers met on the second day of Fidan's working visit to Moscow where he previously met "
            "with Russian presidential aide Vladimir Medinsky, leader of the Russian delegation at the Russia-Ukraine talks "
            "held in Istanbul on May 16, and Russian President Vladimir Putin.", None,
     [("May 16", D(2025, 5, 16), D(2025, 5, 16), "day")]),
    ("002", "Russian Foreign Minister Sergey Lavrov plans to visit Turkey next week as part of his regional tour, sources "
            "familiar with the matter told Middle East Eye.", None,
     [("next week", D(2025, 2, 24), D(2025, 3, 2), "week")]),
    ("002", "Lavrov is expected to be in Ankara on 24-25 February, according to one of the sources.", None,
     [("24-25 February", D(2025, 2, 24), D(2025, 2, 25), "day")]),
    ("002", "Earlier this week, Lavrov informed the Duma, the lower house of Russia's parliament, that there would be "
            "high-level talks with the Syrian government next week, which could indicate a visit by the Russian foreign "
            "minister to Syria as well.", None,
     [("Earlier this week", D(2025, 2, 17), D(2025, 2, 20), "week"), ("next week", D(2025, 2, 24), D(2025, 3, 2), "week")]),
    ("002", "Lavrov's agenda isn't immediately clear, as he was also scheduled to meet his Turkish counterpart on Thursday "
            "in Johannesburg on the sidelines of the G20 foreign ministers meeting.", None,
     [("Thursday", D(2025, 2, 20), D(2025, 2, 20), "day")]),
    ("002", "On Wednesday, US President Donald Trump told journalists that Russia had fought for certain territories in "
            "Ukraine and suggested that Moscow might retain some of them.", None,
     [("Wednesday", D(2025, 2, 19), D(2025, 2, 19), "day")]),
    ("002", "Turkey, on the other hand, reaffirmed its full support for Ukraine’s territorial integrity, sovereignty and "
            "independence during Zelensky’s visit to Ankara on Tuesday.", None,
     [("Tuesday", D(2025, 2, 18), D(2025, 2, 18), "day")]),
    ("002", "Since 2022, Turkey has played a key role as a facilitator in negotiations between Ukraine and Russia.", None,
     [("2022", D(2022, 1, 1), D(2022, 12, 31), "year")]),
    ("002", "This week, Moscow announced that Russia and the US would restore diplomatic relations.", None,
     [("This week", D(2025, 2, 17), D(2025, 2, 23), "week")]),
    ("003", "President Vladimir Putin takes part in a ceremony pouring the first portion of concrete for power unit 4 at "
            "Egypt's first nuclear power station in el-Dabaa, on the Mediterranean coast, via a video link in Moscow, "
            "Russia, on Jan. 23, 2024.", None,
     [("Jan. 23, 2024", D(2024, 1, 23), D(2024, 1, 23), "day")]),
    ("003", "Preparations are underway for Russian President Vladimir Putin’s long-anticipated visit to Türkiye, the "
            "Kremlin said Tuesday.", None,
     [("Tuesday", D(2024, 1, 23), D(2024, 1, 23), "day")]),
    ("003", "This week, Turkish local media claimed that Putin might visit the republic in mid-February, some weeks after "
            "Iranian President Ebrahim Raisi is rumored to make a similar trip this week, which was twice postponed.", None,
     [("This week", D(2024, 1, 22), D(2024, 1, 28), "week"), ("mid-February", D(2024, 2, 1), D(2024, 2, 29), "month"),
      ("this week", D(2024, 1, 22), D(2024, 1, 28), "week")]),
    ("003", "It would be Putin’s first overseas trip since he launched a military operation into Ukraine in February 2022, "
            "something Turkish and foreign ministers discussed earlier Tuesday on the sidelines of the United Nations "
            "Security Council meeting on the Middle East in New York.", None,
     [("February 2022", D(2022, 2, 1), D(2022, 2, 28), "month"), ("earlier Tuesday", D(2024, 1, 23), D(2024, 1, 23), "day")]),
    ("003", "Putin and Turkish President Recep Tayyip Erdoğan last met in the Russian city of Sochi in September on the "
            "heels of Ankara’s approval of Sweden’s long-awaited NATO application and a month after Moscow put on hold the "
            "key agreement that allowed Ukraine to export grain and other commodities from three Black Sea ports despite "
            "the 18-month war.", None,
     [("September", D(2023, 9, 1), D(2023, 9, 30), "month")]),
    ("003", "Ankara and Moscow have been at odds in Syria, where Russia has supported President Bashar Assad’s regime and "
            "Türkiye has backed his opposition in the decadelong civil war.", None, []),
    ("003", "Since last year, with Iran’s contributions, Russia has been pushing for a Türkiye-Syria normalization, hosting "
            "negotiations with foreign ministers from both sides in Moscow, which hit a dead-end after Damascus said the "
            "withdrawal of Turkish troops from northeastern Syria would be the only way to restore ties.", None,
     [("last year", D(2023, 1, 1), D(2023, 12, 31), "year")]),
    ("004", "Russian President Vladimir Putin will visit Turkey next month in a rare foreign trip to a NATO nation, "
            "according to a Kremlin announcement on Monday.", None,
     [("next month", D(2024, 2, 1), D(2024, 2, 29), "month"), ("Monday", D(2024, 1, 29), D(2024, 1, 29), "day")]),
    ("004", "Since Russia's full-scale invasion of Ukraine on February 24, 2022, Ankara has supported Ukraine with military "
            "supplies while refusing to join Western sanctions on Moscow.", None,
     [("February 24, 2022", D(2022, 2, 24), D(2022, 2, 24), "day")]),
    ("004", "Turkey has positioned itself as a mediator between the two nations, hosting two rounds of peace talks in "
            "Antalya and Istanbul in 2022.", None,
     [("2022", D(2022, 1, 1), D(2022, 12, 31), "year")]),
    ("004", "Following a phone call with Ukrainian President Volodymyr Zelensky at the beginning of this month, Erdoğan "
            "said Ankara remains ready to help \"establish lasting peace, stability and prosperity in our region.\"", None,
     [("the beginning of this month", D(2024, 1, 1), D(2024, 1, 15), "month")]),
    ("004", "Putin last visited a NATO nation in 2020 when he traveled to Germany to meet with then-Chancellor Angela "
            "Merkel.", None,
     [("2020", D(2020, 1, 1), D(2020, 12, 31), "year")]),
    ("004", "His Western travel options have been limited by his war on Ukraine and the arrest warrant issued for him in "
            "2023 by the International Criminal Court over alleged related crimes.", None,
     [("2023", D(2023, 1, 1), D(2023, 12, 31), "year")]),
    ("004", "Putin's trip to Turkey has been in the works for several months.", None, []),
    ("004", "In August 2023, Kremlin spokesperson Dmitry Peskov told journalists there was already \"an understanding that "
            "this meeting will take place soon.\"", None,
     [("August 2023", D(2023, 8, 1), D(2023, 8, 31), "month")]),
    ("004", "The following month, Erdoğan visited the Russian Black Sea city of Sochi to meet with Putin for talks on "
            "matters including Ukrainian Black Sea agricultural exports, which by then Moscow had withdrawn from in "
            "response to Kyiv's maritime drone attack on the Kerch Strait Bridge.", AUG_2023,
     [("The following month", D(2023, 9, 1), D(2023, 9, 30), "month")]),
    ("004", "Putin addressed a potential visit in December during his traditional end-of-year press conference.", None,
     [("December", D(2023, 12, 1), D(2023, 12, 31), "month")]),
    ("004", "\"This visit [to Turkey] may take place at the beginning of next year.", None,
     [("the beginning of next year", D(2025, 1, 1), D(2025, 4, 30), "year")]),
    ("004", "Update 1/29/24, 10:25 a.m. ET: This article has been updated with additional information.", None,
     [("1/29/24", D(2024, 1, 29), D(2024, 1, 29), "day")]),
]


@pytest.mark.parametrize(("source", "sentence", "anchor", "expected"), SEEDS)
def test_seed_sentences(source: str, sentence: str, anchor: DateWindow | None, expected: list[tuple]) -> None:
    assert sentence.replace("\n", " ") in " ".join(_article(source).split()) or sentence in _article(source)
    assert _found(sentence, PUBLISHED[source], anchor) == expected


def test_seed_spans_shift_by_offset() -> None:
    raw = _article("002")
    sentence = "Lavrov is expected to be in Ankara on 24-25 February, according to one of the sources."
    offset = raw.index(sentence)
    (window,) = find_dates(sentence, PUBLISHED["002"], offset=offset)
    assert raw[window.span.start:window.span.end] == "24-25 February" == window.span.text
    assert window.edtf == "2025-02-24/2025-02-25"


# Expressions alone: (expression, published, tense, start, end, precision).
EXPRESSIONS = [
    ("May 26, 2025", None, "past", D(2025, 5, 26), D(2025, 5, 26), "day"),
    ("26 May 2025", None, "past", D(2025, 5, 26), D(2025, 5, 26), "day"),
    ("the 26th of May, 2025", None, "past", D(2025, 5, 26), D(2025, 5, 26), "day"),
    ("Tuesday, May 27, 2025", None, "past", D(2025, 5, 27), D(2025, 5, 27), "day"),
    ("Sept. 3, 2023", None, "past", D(2023, 9, 3), D(2023, 9, 3), "day"),
    ("2025-05-26", None, "past", D(2025, 5, 26), D(2025, 5, 26), "day"),
    ("27/05/2025", None, "past", D(2025, 5, 27), D(2025, 5, 27), "day"),
    ("27.05.2025", None, "past", D(2025, 5, 27), D(2025, 5, 27), "day"),
    ("May 26-27, 2025", None, "past", D(2025, 5, 26), D(2025, 5, 27), "day"),
    ("June 10–11", D(2024, 6, 20), "past", D(2024, 6, 10), D(2024, 6, 11), "day"),
    ("between 3 and 5 March", D(2024, 2, 20), "future", D(2024, 3, 3), D(2024, 3, 5), "day"),
    ("from 3 to 5 March 2023", None, "past", D(2023, 3, 3), D(2023, 3, 5), "day"),
    ("30 May–2 June", D(2025, 5, 20), "future", D(2025, 5, 30), D(2025, 6, 2), "day"),
    ("May 30 - June 2, 2025", None, "past", D(2025, 5, 30), D(2025, 6, 2), "day"),
    ("December 30, 2024 – January 2, 2025", None, "past", D(2024, 12, 30), D(2025, 1, 2), "day"),
    ("March–May 2024", None, "past", D(2024, 3, 1), D(2024, 5, 31), "month"),
    ("in September 2023", None, "past", D(2023, 9, 1), D(2023, 9, 30), "month"),
    ("September of 2023", None, "past", D(2023, 9, 1), D(2023, 9, 30), "month"),
    ("in September", D(2024, 1, 23), "past", D(2023, 9, 1), D(2023, 9, 30), "month"),
    ("in September", D(2024, 1, 23), "future", D(2024, 9, 1), D(2024, 9, 30), "month"),
    ("in January", D(2024, 1, 23), "past", D(2024, 1, 1), D(2024, 1, 31), "month"),
    ("in November", D(2024, 1, 23), "present", D(2023, 11, 1), D(2023, 11, 30), "month"),
    ("last September", D(2024, 1, 23), "future", D(2023, 9, 1), D(2023, 9, 30), "month"),
    ("next March", D(2024, 3, 10), "past", D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("mid-February 2024", None, "past", D(2024, 2, 1), D(2024, 2, 29), "month"),
    ("early March", D(2024, 2, 1), "future", D(2024, 3, 1), D(2024, 3, 15), "month"),
    ("late March 2024", None, "past", D(2024, 3, 16), D(2024, 3, 31), "month"),
    ("the end of June", D(2024, 2, 1), "future", D(2024, 6, 16), D(2024, 6, 30), "month"),
    ("the end of this month", D(2024, 2, 10), "future", D(2024, 2, 16), D(2024, 2, 29), "month"),
    ("early 2024", None, "past", D(2024, 1, 1), D(2024, 4, 30), "year"),
    ("late 2023", None, "past", D(2023, 9, 1), D(2023, 12, 31), "year"),
    ("the first half of 2024", None, "past", D(2024, 1, 1), D(2024, 6, 30), "year"),
    ("the second half of next year", D(2024, 5, 1), "future", D(2025, 7, 1), D(2025, 12, 31), "year"),
    ("mid-2024", None, "past", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("the end of the year", D(2024, 5, 1), "future", D(2024, 9, 1), D(2024, 12, 31), "year"),
    ("in 2020", None, "past", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("since 2022", None, "past", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("between 2019 and 2021", None, "past", D(2019, 1, 1), D(2021, 12, 31), "year"),
    ("2022–23", None, "past", D(2022, 1, 1), D(2023, 12, 31), "year"),
    ("this week", D(2024, 1, 23), "past", D(2024, 1, 22), D(2024, 1, 28), "week"),
    ("last week", D(2024, 1, 23), "past", D(2024, 1, 15), D(2024, 1, 21), "week"),
    ("next week", D(2024, 1, 28), "past", D(2024, 1, 29), D(2024, 2, 4), "week"),
    ("the past week", D(2024, 1, 23), "past", D(2024, 1, 17), D(2024, 1, 23), "week"),
    ("early next week", D(2024, 1, 23), "future", D(2024, 1, 29), D(2024, 1, 31), "week"),
    ("this weekend", D(2024, 1, 23), "future", D(2024, 1, 27), D(2024, 1, 28), "day"),
    ("over the weekend", D(2024, 1, 23), "past", D(2024, 1, 20), D(2024, 1, 21), "day"),
    ("later this month", D(2024, 1, 23), "future", D(2024, 1, 23), D(2024, 1, 31), "month"),
    ("earlier this month", D(2024, 1, 23), "past", D(2024, 1, 1), D(2024, 1, 23), "month"),
    ("earlier this year", D(2024, 3, 5), "past", D(2024, 1, 1), D(2024, 3, 5), "year"),
    ("later in the year", D(2024, 3, 5), "future", D(2024, 3, 5), D(2024, 12, 31), "year"),
    ("last month", D(2024, 1, 23), "past", D(2023, 12, 1), D(2023, 12, 31), "month"),
    ("next month", D(2024, 12, 3), "future", D(2025, 1, 1), D(2025, 1, 31), "month"),
    ("next year", D(2024, 12, 3), "future", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("this summer", D(2024, 1, 23), "future", D(2024, 6, 1), D(2024, 8, 31), "season"),
    ("this winter", D(2024, 1, 23), "past", D(2023, 12, 1), D(2024, 2, 29), "season"),
    ("last autumn", D(2024, 1, 23), "past", D(2023, 9, 1), D(2023, 11, 30), "season"),
    ("spring 2024", None, "past", D(2024, 3, 1), D(2024, 5, 31), "season"),
    ("the summer of 2022", None, "past", D(2022, 6, 1), D(2022, 8, 31), "season"),
    ("in the spring", D(2024, 1, 23), "future", D(2024, 3, 1), D(2024, 5, 31), "season"),
    ("Tuesday", D(2024, 1, 25), "past", D(2024, 1, 23), D(2024, 1, 23), "day"),
    ("Tuesday", D(2024, 1, 25), "future", D(2024, 1, 30), D(2024, 1, 30), "day"),
    ("Tuesday", D(2024, 1, 25), "present", D(2024, 1, 23), D(2024, 1, 23), "day"),
    ("Saturday", D(2024, 1, 25), "present", D(2024, 1, 27), D(2024, 1, 27), "day"),
    ("Thursday", D(2024, 1, 25), "future", D(2024, 1, 25), D(2024, 1, 25), "day"),
    ("Thursday", D(2024, 1, 25), "past", D(2024, 1, 25), D(2024, 1, 25), "day"),
    ("last Thursday", D(2024, 1, 25), "past", D(2024, 1, 18), D(2024, 1, 18), "day"),
    ("next Monday", D(2024, 1, 25), "past", D(2024, 1, 29), D(2024, 1, 29), "day"),
    ("this Friday", D(2024, 1, 23), "past", D(2024, 1, 26), D(2024, 1, 26), "day"),
    ("earlier on Monday", D(2024, 1, 25), "future", D(2024, 1, 22), D(2024, 1, 22), "day"),
    ("yesterday", D(2024, 1, 25), "past", D(2024, 1, 24), D(2024, 1, 24), "day"),
    ("today", D(2024, 1, 25), "present", D(2024, 1, 25), D(2024, 1, 25), "day"),
    ("tomorrow", D(2024, 1, 31), "future", D(2024, 2, 1), D(2024, 2, 1), "day"),
    ("two days ago", D(2024, 3, 1), "past", D(2024, 2, 28), D(2024, 2, 28), "day"),
    ("three months ago", D(2024, 2, 10), "past", D(2023, 11, 1), D(2023, 11, 30), "month"),
    ("a year ago", D(2024, 2, 10), "past", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("1/29/24", None, "past", D(2024, 1, 29), D(2024, 1, 29), "day"),
    ("4/4/2024", None, "past", D(2024, 4, 4), D(2024, 4, 4), "day"),
    ("Jan. 23", D(2024, 1, 29), "past", D(2024, 1, 23), D(2024, 1, 23), "day"),
    ("December 20", D(2024, 1, 5), "past", D(2023, 12, 20), D(2023, 12, 20), "day"),
    ("February 29", D(2023, 6, 1), "future", D(2024, 2, 29), D(2024, 2, 29), "day"),
]


@pytest.mark.parametrize(("expression", "published", "tense", "start", "end", "precision"), EXPRESSIONS)
def test_resolve_expression(expression: str, published: dt.date | None, tense: str,
                            start: dt.date, end: dt.date, precision: str) -> None:
    window = resolve(expression, published, tense=tense)
    assert window is not None, expression
    _check(window)
    assert (window.start, window.end, window.precision) == (start, end, precision)


# Whole sentences with their own wording: (sentence, published, [(text, start, end, precision)]).
SENTENCES = [
    ("The talks were held on 24 and 25 February.", D(2025, 3, 3),
     [("24 and 25 February", D(2025, 2, 24), D(2025, 2, 25), "day")]),
    ("Erdogan said he would travel to Moscow in March.", D(2025, 2, 3),
     [("March", D(2025, 3, 1), D(2025, 3, 31), "month")]),
    ("The two leaders met in March.", D(2025, 2, 3), [("March", D(2024, 3, 1), D(2024, 3, 31), "month")]),
    ("Putin told reporters on Friday that he will visit Ankara.", D(2024, 1, 23),
     [("Friday", D(2024, 1, 19), D(2024, 1, 19), "day")]),
    ("The summit is scheduled for Friday.", D(2024, 1, 23), [("Friday", D(2024, 1, 26), D(2024, 1, 26), "day")]),
    ("The ministers met on May 3 and the next day travelled to Sochi.", D(2024, 5, 20),
     [("May 3", D(2024, 5, 3), D(2024, 5, 3), "day"), ("the next day", D(2024, 5, 4), D(2024, 5, 4), "day")]),
    ("He arrived in Baku on 12 October 2023; two days later he met Aliyev.", None,
     [("12 October 2023", D(2023, 10, 12), D(2023, 10, 12), "day"), ("two days later", D(2023, 10, 14), D(2023, 10, 14), "day")]),
    ("In May, the foreign minister visited Beijing.", D(2024, 8, 1), [("May", D(2024, 5, 1), D(2024, 5, 31), "month")]),
    # "the day before" closing its clause moves from the day the sentence named before it
    ("Nurtleu met Saidov in Astana on Monday, received Muhriddin the day before, and held talks.", D(2025, 2, 19),
     [("Monday", D(2025, 2, 17), D(2025, 2, 17), "day"), ("the day before", D(2025, 2, 16), D(2025, 2, 16), "day")]),
    ("He met Saidov on Monday and Muhriddin the day after.", D(2025, 2, 19),
     [("Monday", D(2025, 2, 17), D(2025, 2, 17), "day"), ("the day after", D(2025, 2, 18), D(2025, 2, 18), "day")]),
    # a stretch from publication
    ("He will travel to Bamako in the coming weeks.", D(2025, 6, 23),
     [("the coming weeks", D(2025, 6, 23), D(2025, 8, 18), "week")]),
    ("The two sides will talk again over the next few months.", D(2025, 6, 23),
     [("the next few months", D(2025, 6, 23), D(2025, 12, 23), "month")]),
    ("Talks may resume in early May.", D(2024, 4, 2), [("early May", D(2024, 5, 1), D(2024, 5, 15), "month")]),
    ("Ministers gathered in Rome in 2019 and again in 2021.", None,
     [("2019", D(2019, 1, 1), D(2019, 12, 31), "year"), ("2021", D(2021, 1, 1), D(2021, 12, 31), "year")]),
    ("The agreement, signed on 5 September 2022, expires in 2027.", None,
     [("5 September 2022", D(2022, 9, 5), D(2022, 9, 5), "day"), ("2027", D(2027, 1, 1), D(2027, 12, 31), "year")]),
    ("The envoy will return later this month, the ministry said.", D(2024, 4, 10),
     [("later this month", D(2024, 4, 10), D(2024, 4, 30), "month")]),
    ("The delegation is to arrive on Sunday.", D(2024, 4, 10), [("Sunday", D(2024, 4, 14), D(2024, 4, 14), "day")]),
    ("Talks ended last Wednesday.", D(2024, 4, 10), [("last Wednesday", D(2024, 4, 3), D(2024, 4, 3), "day")]),
    ("The president spoke by phone with Macron on Good Friday.", D(2024, 4, 10), []),
    ("The Kremlin said the visit could happen next spring.", D(2024, 4, 10),
     [("next spring", D(2025, 3, 1), D(2025, 5, 31), "season")]),
    ("The visit was first announced in the summer.", D(2024, 10, 10),
     [("summer", D(2024, 6, 1), D(2024, 8, 31), "season")]),
    ("Lavrov visited Ankara on 30 June–1 July 2021.", None,
     [("30 June–1 July 2021", D(2021, 6, 30), D(2021, 7, 1), "day")]),
    # the reporter's past tense, not the future inside the quote, places the weekday
    ('On Tuesday, addressing lawmakers of her party, she said Greece "will never accept such a plan".',
     D(2025, 7, 3), [("Tuesday", D(2025, 7, 1), D(2025, 7, 1), "day")]),
    # an invitation looks ahead: the nearest December, not the last one
    ("The prime minister invited her counterpart to Lisbon for a state visit in December, and the guest accepted.",
     D(2025, 7, 3), [("December", D(2025, 12, 1), D(2025, 12, 31), "month")]),
    ("Ruto accepted an invitation from the emir to return to Doha in September, his office said.",
     D(2025, 7, 3), [("September", D(2025, 9, 1), D(2025, 9, 30), "month")]),
    # "hosted by" is a participle: the future of the main verb places the weekday
    ("The two presidents will attend a forum hosted by the Kenyan leader on Friday.", D(2025, 7, 3),
     [("Friday", D(2025, 7, 4), D(2025, 7, 4), "day")]),
    ("The talks were hosted by Norway on Friday.", D(2025, 7, 3), [("Friday", D(2025, 6, 27), D(2025, 6, 27), "day")]),
    # a tenseless quoted phrase takes the nearest season, not the reporter's past one
    ('No date was set, though an aide mentioned "sometime in the autumn".', D(2025, 7, 3),
     [("autumn", D(2025, 9, 1), D(2025, 11, 30), "season")]),
    # the clause's own verb, far before the weekday, outranks the attribution after it
    ("The two foreign ministers will fly to Nairobi for a regional security conference organised by the "
     "African Union in the Kenyan capital on Friday, the ministry said.", D(2025, 7, 3),
     [("Friday", D(2025, 7, 4), D(2025, 7, 4), "day")]),
    # "a day after X said" dates the clause it opens: the news day moved back
    ("Her remarks came a day after the defence minister told parliament that the base would close.", D(2025, 3, 12),
     [("a day after", D(2025, 3, 11), D(2025, 3, 11), "day")]),
    ("Two days before the envoy arrived in Accra, the talks were suspended.", D(2025, 3, 12),
     [("Two days before", D(2025, 3, 14), D(2025, 3, 14), "day")]),
    # a day of the sentence's own dates its main clause; the offset is dropped rather than confused with it
    ("The ministers met in Lima on March 3, a day after the president announced the reshuffle.", D(2025, 3, 12),
     [("March 3", D(2025, 3, 3), D(2025, 3, 3), "day")]),
    # a noun phrase, not a clause: nothing to date
    ("The vote was held a day after the holiday weekend ended quietly in the capital region.", D(2025, 3, 12), []),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), SENTENCES)
def test_sentences(sentence: str, published: dt.date | None, expected: list[tuple]) -> None:
    assert _found(sentence, published) == expected


NON_DATES = [
    "It was the first direct talks between the two sides in three years.",
    "The 18-month war has displaced millions.",
    "The decadelong civil war continues.",
    "A total of 1,000 people were exchanged.",
    "He took part in the 3+3 Regional Cooperation Platform meeting.",
    "The G20 foreign ministers meeting opened in Johannesburg.",
    "This visit may take place soon, he said.",
    "The meeting may be postponed.",
    "May the talks succeed, he said.",
    "The first round of talks was followed by a second round.",
    "Officials will meet at 10:25 a.m. in the capital.",
    "The summit drew 2000 delegates and 150 journalists.",
    "Prices rose 12/15 percent over a decade of reforms.",
    "The ceasefire line runs for 1,200 kilometres.",
    "He lost two years of his life.",
    "Theresa May and Putin never met.",
    "Russia Today reported the claims.",
    "The fall of Assad surprised Moscow.",
    "The Arab Spring reshaped the region.",
    "Update 5/6/2024: corrected a name.",
    "A month after the deal collapsed, exports stopped.",
    "He addressed reporters at his end-of-year press conference.",
]


@pytest.mark.parametrize("sentence", NON_DATES)
def test_non_dates(sentence: str) -> None:
    assert _found(sentence, D(2024, 6, 15)) == []


NEEDS_PUBLICATION = ["on Tuesday", "next week", "in September", "May 16", "this summer", "yesterday",
                     "three days ago", "at the beginning of this month", "later this year"]


@pytest.mark.parametrize("expression", NEEDS_PUBLICATION)
def test_no_publication_date_no_guess(expression: str) -> None:
    assert find_dates(expression, None) == []


@pytest.mark.parametrize("lookalike", ["\u017f", "\u0131"], ids=["long-s", "dotless-i"])
@pytest.mark.parametrize(("expression", "published", "tense"), [e[:3] for e in EXPRESSIONS]
                         + [(e, D(2025, 5, 30), "past") for e in NEEDS_PUBLICATION])
def test_lookalike_letters_never_misread(expression: str, published: dt.date | None, tense: str,
                                         lookalike: str) -> None:
    """Patterns match ſ as s and ı as i (re.IGNORECASE): what they match is read as the plain word or not at all."""
    odd = expression.replace("s" if lookalike == "\u017f" else "i", lookalike)
    window, same = resolve(odd, published, tense=tense), resolve(expression, published, tense=tense)
    assert same is not None
    if window is not None:
        assert (window.start, window.end, window.precision, window.basis) == (same.start, same.end, same.precision, same.basis)


ANCHORED = [
    ("The following month", "2023-08", D(2023, 9, 1), D(2023, 9, 30), "month"),
    ("the next day", "2025-05-26", D(2025, 5, 27), D(2025, 5, 27), "day"),
    ("the previous day", "2025-05-26", D(2025, 5, 25), D(2025, 5, 25), "day"),
    ("later that month", "2023-08-10", D(2023, 8, 10), D(2023, 8, 31), "month"),
    ("earlier that year", "2023-08", D(2023, 1, 1), D(2023, 8, 1), "year"),
    ("that day", "2025-05-26", D(2025, 5, 26), D(2025, 5, 26), "day"),
    ("the same year", "2023-08-10", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("a month later", "2023-12-10", D(2024, 1, 1), D(2024, 1, 31), "month"),
    ("the following year", "2020", D(2021, 1, 1), D(2021, 12, 31), "year"),
]


@pytest.mark.parametrize(("expression", "anchor_edtf", "start", "end", "precision"), ANCHORED)
def test_anchored(expression: str, anchor_edtf: str, start: dt.date, end: dt.date, precision: str) -> None:
    anchor = resolve(anchor_edtf, None) if anchor_edtf.count("-") == 2 else None
    if anchor is None:
        first, last = edtf_bounds(anchor_edtf)
        kind = "year" if len(anchor_edtf) == 4 else "month"
        anchor = DateWindow(first, last, kind, anchor_edtf, "explicit")
    (window,) = [w for w in find_dates(expression, D(2025, 6, 1), anchor=anchor)]
    _check(window)
    assert (window.start, window.end, window.precision, window.basis) == (start, end, precision, "relative")


@pytest.mark.parametrize(("expression", "anchor_edtf"), [("the next day", "2023-08"), ("that day", "2023"),
                                                        ("the following month", None), ("two days later", None)])
def test_anchored_needs_fine_enough_anchor(expression: str, anchor_edtf: str | None) -> None:
    anchor = None
    if anchor_edtf:
        first, last = edtf_bounds(anchor_edtf)
        anchor = DateWindow(first, last, "year" if len(anchor_edtf) == 4 else "month", anchor_edtf, "explicit")
    assert find_dates(expression, D(2025, 6, 1), anchor=anchor) == []


@pytest.mark.parametrize(("sentence", "tense"), [
    ("Putin will visit Turkey next month.", "future"),
    ("Fidan is expected to meet Putin.", "future"),
    ("Lavrov plans to visit Ankara.", "future"),
    ("The summit is scheduled to open in Baku.", "future"),
    ("The minister is set to travel to Cairo.", "future"),
    ("The president is to address parliament.", "future"),
    ("Erdogan visited Sochi.", "past"),
    ("The two leaders met in Sochi.", "past"),
    ("The talks collapsed two weeks ago.", "past"),
    ("Putin last travelled abroad in 2020.", "past"),
    ("Officials say the visit is on the agenda.", "present"),
    ("Relations remain strong.", "present"),
])
def test_sentence_tense(sentence: str, tense: str) -> None:
    assert sentence_tense(sentence) == tense


@pytest.mark.parametrize("numeric", ["5/6/2024", "03/04/24", "13/13/2024", "31/02/2024"])
def test_ambiguous_or_invalid_numeric_dates_are_skipped(numeric: str) -> None:
    assert find_dates(f"Updated {numeric}.", D(2024, 6, 15)) == []


def test_explicit_basis_only_with_a_year() -> None:
    windows = find_dates("Talks held on May 16, 2025 and on May 20 were brief.", D(2025, 5, 24))
    assert [w.basis for w in windows] == ["explicit", "relative"]


# ---------------------------------------------------------------- qualifiers, weekday stretches, nearest verb

FRI = D(2025, 5, 30)  # a Friday


@pytest.mark.parametrize("sentence,expected", [
    ("The reset followed a state visit from October 28 to 30 last year.", (D(2024, 10, 28), D(2024, 10, 30))),
    ("The envoy came on March 3 next year, officials hope.", (D(2026, 3, 3), D(2026, 3, 3))),
    ("They agreed on a plan in July of last year.", (D(2024, 7, 1), D(2024, 7, 31))),
    ("Talks ran from Sunday to Tuesday in Oslo.", (D(2025, 5, 25), D(2025, 5, 27))),
    ("The minister is due in Rome on Tuesday and Wednesday.", (D(2025, 6, 3), D(2025, 6, 4))),
    ("She will be received on Thursday and Friday.", (D(2025, 6, 5), D(2025, 6, 6))),
    ("A second round that had been set for Monday has been postponed.", (D(2025, 6, 2), D(2025, 6, 2))),
    ("A trip to Accra, planned for March, was cancelled.", (D(2025, 3, 1), D(2025, 3, 31))),
    ("On Tuesday, the minister said he would travel to Rome.", (D(2025, 5, 27), D(2025, 5, 27))),
])
def test_first_window_of_sentence(sentence: str, expected: tuple) -> None:
    first = find_dates(sentence, FRI)[0]
    assert (first.start, first.end) == expected


def test_that_year_after_a_month_is_the_earlier_sentences_year() -> None:
    anchor = resolve("in 2019", FRI)
    windows = find_dates("The talks resumed in October of that year.", FRI, anchor=anchor)
    assert (windows[0].start, windows[0].end) == (D(2019, 10, 1), D(2019, 10, 31))


def test_earlier_this_year_with_a_day() -> None:
    windows = find_dates("Earlier this year, on Jan. 15, the two leaders spoke by phone.", FRI)
    assert [(w.start, w.end) for w in windows][-1] == (D(2025, 1, 15), D(2025, 1, 15))


@pytest.mark.parametrize("sentence", [
    "The bloc had faced its hardest year since its founding in 1975, Tinubu said.",
    "The alliance, founded in 1949, meets in Brussels.",
    "Relations have not been this warm since independence in 1960, the minister told reporters.",
    "The commission, established in 1994, has rarely been postponed.",
])
def test_origin_years_are_not_news_dates(sentence: str) -> None:
    assert not [w for w in find_dates(sentence, dt.date(2025, 6, 22)) if w.precision == "year"]


@pytest.mark.parametrize("sentence,year", [
    ("The two leaders met in 2019 and again in Addis Ababa.", 2019),
    ("The treaty talks resumed in 2023 after a long pause.", 2023),
])
def test_plain_years_are_still_dates(sentence: str, year: int) -> None:
    assert [w.start.year for w in find_dates(sentence, dt.date(2025, 6, 22)) if w.precision == "year"] == [year]


# A month named alone after a participle of scheduling and "for" is that month, May included.
@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("The visit, which had been pencilled in for May, was called off.", D(2025, 4, 15),
     [("May", D(2025, 5, 1), D(2025, 5, 31), "month")]),
    ("A state visit to Seoul is planned for May.", D(2024, 2, 1), [("May", D(2024, 5, 1), D(2024, 5, 31), "month")]),
    ("Talks in Nairobi are tentatively scheduled for May.", D(2026, 1, 10),
     [("May", D(2026, 5, 1), D(2026, 5, 31), "month")]),
    ("The ministerial session, slated for March, was postponed.", D(2025, 1, 20),
     [("March", D(2025, 3, 1), D(2025, 3, 31), "month")]),
    ("A summit is set for June in Brasilia.", D(2024, 1, 9), [("June", D(2024, 6, 1), D(2024, 6, 30), "month")]),
])
def test_bare_month_after_scheduled_for(sentence: str, published: dt.date, expected: list[tuple]) -> None:
    assert _found(sentence, published) == expected


@pytest.mark.parametrize("sentence", [
    "It is now a matter for May to decide, the aide said.",
    "Lawmakers voted for May as party leader.",
])
def test_for_may_without_scheduling_is_no_date(sentence: str) -> None:
    assert _found(sentence, D(2024, 6, 15)) == []
