from pathlib import Path

import pytest

from diplomatic_events.extract.clean import JUNK_RULES, clean, is_prose

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PROSE = "Turkish Foreign Minister Hakan Fidan met Sergey Lavrov in Moscow on Tuesday."

# rule -> (lines, index of a junk line those lines hold)
POSITIVE = {
    "date_header": (["date 2024-03-02"], 0),
    "dateline": (["12:1327/05/2025, Tuesday"], 0),
    "agency_credit": (["Reuters"], 0),
    "hashtag": (["#Diplomacy"], 0),
    "social_prompt": (["Share this article"], 0),
    "comment_section": (["Comments (4)", "Great piece, thanks for writing it."], 1),
    "newsletter": (["Get our daily briefing in your inbox. Subscribe now."], 0),
    "publisher_promo": (["The Daily Planet delivers fearless independent journalism to millions."], 0),
    "update_note": (["Updated 3/4/24, 9:00 a.m. ET: This story has been updated with new details."], 0),
    "code": (["window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"], 0),
    "encoded_blob": (["aGVsbG8gd29ybGQgdGhpcyBpcyBhIGxvbmcgYmFzZTY0IGJsb2IgdGhhdCBnb2VzIG9u"], 0),
    "photo_caption": (["Leaders pose for a family photo in Brussels, March 3, 2024. (Reuters Photo)"], 0),
    "repeated_line": (["A motorcade leaves the palace (AFP)", PROSE, "A motorcade leaves the palace (AFP)"], 0),
    "not_prose": (["Talks in Ankara"], 0),
}
# Prose that looks a little like boilerplate but must survive every rule.
PROSE_LINES = [
    PROSE,
    "Türkiye is committed to a just and lasting peace, Erdoğan said.",
    "Erdogan said Turkey would sign up to the deal before the summit.",
    "The minister will arrive at 10 a.m. on Monday, officials said.",
    "“Istanbul is very good,” Lavrov said.",
    "He referred to Zelensky as a “dictator without elections”.",
    "Ushakov added: “Ukrainian issues will be a subject of the talks.”",
    "The U.N. said 1,000 prisoners were exchanged on May 16 (local time).",
]


def test_every_rule_has_a_case() -> None:
    assert set(POSITIVE) == set(JUNK_RULES)


@pytest.mark.parametrize("name", sorted(JUNK_RULES))
def test_rule_flags_its_shape(name: str) -> None:
    lines, index = POSITIVE[name]
    assert JUNK_RULES[name](lines, index)


@pytest.mark.parametrize("name", sorted(JUNK_RULES))
@pytest.mark.parametrize("line", PROSE_LINES)
def test_rule_keeps_prose(name: str, line: str) -> None:
    assert not JUNK_RULES[name]([line], 0)


SEED_JUNK = {
    "000_ba400b1fa624a0e1": ["date 2025-05-24", "Just and lasting peace"],
    "001_1586734b2f680ffc": [
        "Yeni Şafak English",
        "Top Russian diplomat says Istanbul possible venue for second round of Ukraine peace talks",
        "12:1327/05/2025, Tuesday",
        "AA",
        "Turkish Foreign Minister Hakan Fidan (R) and Russian Foreign Minister Sergey Lavrov (L)",
        "Lavrov says Türkiye, Russia share unified position on Gaza, describes violence in besieged strip, West Bank as 'unacceptable'",
        "#Gaza", "#Hakan Fidan", "#Palestine", "#Russia", "#Türkiye", "#Ukraine",
        "Comments",
        "Hello, the comments you share on our site are a valuable resource for other users.",
        "No comments yet",
        "The floor is all yours.",
        "Click here to receive the most important news of the day by email.",
        "By subscribing, you agree to receive electronic communications",
    ],
    "002_18f130bdfce50bc4": [
        "Russia's Lavrov plans to visit Turkey amid Ukraine talks",
        "New MEE newsletter: Jerusalem Dispatch",
        "Sign up to get the latest insights and analysis",
        "Middle East Eye delivers independent and unrivalled coverage",
        "To learn more about republishing this content",
    ],
    "003_8234c2ccb6702025": [
        "Kremlin says preparations underway for Putin’s visit to Türkiye",
        "(AFP Photo)",
        "President Vladimir Putin takes part in a ceremony pouring the first portion of concrete",
    ],
    "004_2cdfceba3868f993": [
        "Update 1/29/24, 10:25 a.m. ET",
        "This article has been updated with additional information.",
        "Uncommon Knowledge",
        "Newsweek is committed to challenging conventional wisdom",
        "jQuery(",
        "ncG1vNJzZmivp6x7r7HWrK6enZtjsLC5jqmsraGeYsG2vsqesGaemafAtXnVoqqirF2jrrW7jJymrqakp8Zuss6uqWaxlZa",
    ],
}
SEEDS = sorted(SEED_JUNK)


def _raw(seed: str) -> str:
    return (CORPUS / f"{seed}.txt").read_text("utf-8")


def _expected_prose(seed: str) -> list[str]:
    """Every paragraph of the seed that holds none of its junk texts, date header removed."""
    paragraphs = [line.strip() for line in _raw(seed).splitlines() if line.strip()]
    paragraphs = [p.removeprefix("date 2025-05-24 ") for p in paragraphs]
    return [p for p in paragraphs if not any(junk in p for junk in SEED_JUNK[seed])]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_junk_removed(seed: str) -> None:
    kept = " ".join(span.text for span in clean(_raw(seed)))
    for junk in SEED_JUNK[seed]:
        assert junk not in kept


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_prose_kept(seed: str) -> None:
    kept = [span.text for span in clean(_raw(seed))]
    assert kept == _expected_prose(seed)
    assert len(kept) >= 8


@pytest.mark.parametrize("seed", SEEDS)
def test_spans_slice_raw(seed: str) -> None:
    raw = _raw(seed)
    for span in clean(raw):
        assert raw[span.start : span.end] == span.text
        assert span.text == span.text.strip()


def test_date_header_glued_to_prose_is_cut_off() -> None:
    raw = " date 2025-05-24 Fidan will visit Moscow.\n\nHe will meet Lavrov."
    spans = clean(raw)
    assert [s.text for s in spans] == ["Fidan will visit Moscow.", "He will meet Lavrov."]
    assert raw[spans[0].start : spans[0].end] == "Fidan will visit Moscow."


def test_hard_wrapped_paragraph_is_joined() -> None:
    raw = "The minister met his counterpart in\nAnkara on Monday, officials said.\n\nTalks ended."
    spans = clean(raw)
    assert spans[0].text == "The minister met his counterpart in\nAnkara on Monday, officials said."
    assert spans[1].text == "Talks ended."


def test_repeated_prose_keeps_first_copy() -> None:
    raw = f"{PROSE}\n\nSomething else happened.\n\n{PROSE}"
    assert [s.text for s in clean(raw)] == [PROSE, "Something else happened."]


def test_crlf_offsets() -> None:
    raw = "Headline Of The Day Here\r\n\r\nFirst paragraph ends here.\r\nSecond one too.\r\n"
    spans = clean(raw)
    assert [raw[s.start : s.end] for s in spans] == ["First paragraph ends here.", "Second one too."]


@pytest.mark.parametrize(
    ("text", "prose"),
    [("It ended.", True), ("Is it over?", True), ("“It is,” he said.", True), ("A headline", False),
     ("He told reporters the following about the talks:", True), ("Read more:", False)],
)
def test_is_prose(text: str, prose: bool) -> None:
    assert is_prose(text) is prose
