from pathlib import Path

import pytest

from diplomatic_events.extract.clean import clean
from diplomatic_events.extract.sentences import sentence_bounds, split_sentences
from diplomatic_events.extract.types import Span

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

CASES = [
    ("One. Two.", ["One.", "Two."]),
    ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
    ("Mr. Smith met Dr. Jones.", ["Mr. Smith met Dr. Jones."]),
    ("He arrived on Jan. 23, 2024. Talks began.", ["He arrived on Jan. 23, 2024.", "Talks began."]),
    ("The meeting was on Feb. 5 in Ankara.", ["The meeting was on Feb. 5 in Ankara."]),
    ("U.S. President Joe Biden spoke. He left.", ["U.S. President Joe Biden spoke.", "He left."]),
    ("He thanked the U.S. The talks ended.", ["He thanked the U.S.", "The talks ended."]),
    ("The U.N. Security Council met.", ["The U.N. Security Council met."]),
    ("They met at 10 a.m. Monday in Moscow.", ["They met at 10 a.m. Monday in Moscow."]),
    ("They met at 10 a.m. The talks lasted hours.", ["They met at 10 a.m.", "The talks lasted hours."]),
    ("He lives on St. Petersburg Avenue.", ["He lives on St. Petersburg Avenue."]),
    ("Resolution No. 2231 was cited.", ["Resolution No. 2231 was cited."]),
    ("It was Russia vs. Ukraine again.", ["It was Russia vs. Ukraine again."]),
    ("Some states, e.g. Turkey, abstained.", ["Some states, e.g. Turkey, abstained."]),
    ("The envoy J. Smith arrived. He spoke.", ["The envoy J. Smith arrived.", "He spoke."]),
    ("Growth was 1.5 percent. It fell.", ["Growth was 1.5 percent.", "It fell."]),
    ("“It is over.” He left.", ["“It is over.”", "He left."]),
    ('"It is over." He left.', ['"It is over."', "He left."]),
    (
        "“As for talks, I would again turn to our Turkish friends. Istanbul is very good,” Lavrov said.",
        ["“As for talks, I would again turn to our Turkish friends. Istanbul is very good,” Lavrov said."],
    ),
    (
        "He called for the “genocide to stop, otherwise chaos will be unstoppable.” Talks went on.",
        ["He called for the “genocide to stop, otherwise chaos will be unstoppable.”", "Talks went on."],
    ),
    (
        '"We are ready to act as a mediator....Ukraine needs to soften its position." He left.',
        ['"We are ready to act as a mediator....Ukraine needs to soften its position."', "He left."],
    ),
    ("He paused... Then he spoke.", ["He paused... Then he spoke."]),
    (
        '"We have acted as a host," the president said. "We are ready."',
        ['"We have acted as a host," the president said.', '"We are ready."'],
    ),
    ('"This visit may take place next year. It is planned', ['"This visit may take place next year.', "It is planned"]),
    ("Is it “final?” she asked. No.", ["Is it “final?” she asked.", "No."]),
    ("He met (briefly.) Then left.", ["He met (briefly.)", "Then left."]),
    ("  Leading and trailing space.  ", ["Leading and trailing space."]),
    ("No final period here", ["No final period here"]),
    ("Prices rose 3.2% in 2023. Officials said so.", ["Prices rose 3.2% in 2023.", "Officials said so."]),
    ("Sen. Graham and Gov. Abbott spoke.", ["Sen. Graham and Gov. Abbott spoke."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_bounds(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_bounds(text)] == expected


def test_split_sentences_offsets_index_and_paragraph() -> None:
    raw = "Title line\n\nFirst one. Second one.\n\nThird one here."
    spans = [Span(12, 34, raw[12:34]), Span(36, 51, raw[36:51])]
    sentences = split_sentences(raw, spans)
    assert [s.text for s in sentences] == ["First one.", "Second one.", "Third one here."]
    assert [s.index for s in sentences] == [0, 1, 2]
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert all(raw[s.start : s.end] == s.text for s in sentences)


def test_empty_span_gives_no_sentence() -> None:
    assert split_sentences("   ", [Span(0, 3, "   ")]) == []


# Multi-sentence quotes in the seeds stay in one sentence, with their attribution.
SEED_QUOTES = [
    ("001_1586734b2f680ffc", "I would again turn to our Turkish friends. Istanbul is very good,” Lavrov said"),
    ("004_2cdfceba3868f993", "Peskov added: \"We will announce shortly when and where it will take place. The meeting"),
    ("004_2cdfceba3868f993", "I think we'll be able to meet. I am planning this, indeed. I actually planned this"),
    ("004_2cdfceba3868f993", "act as a mediator....Ukraine in order to take joint steps"),
    ("003_8234c2ccb6702025", "spokesperson Dmitriy Peskov told reporters in Moscow, assuring Russia"),
]


@pytest.mark.parametrize(("seed", "quote"), SEED_QUOTES)
def test_seed_quotes_stay_whole(seed: str, quote: str) -> None:
    raw = (CORPUS / f"{seed}.txt").read_text("utf-8")
    assert any(quote in s.text for s in split_sentences(raw, clean(raw)))
