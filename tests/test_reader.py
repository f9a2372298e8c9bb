import datetime as dt
import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import pytest

from diplomatic_events.extract.reader import (
    CorpusError,
    CorpusWarning,
    find_text_dates,
    parse_date_text,
    read_article,
    read_corpus,
    url_date,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEEDS = sorted(p.stem for p in CORPUS.glob("*.txt"))
BODY = "Fidan met Lavrov in Moscow on Tuesday.\n\n“It went well,” Fidan said. Talks will go on.\n"

SEED_META = {
    "000_ba400b1fa624a0e1": (dt.date(2025, 5, 24), "header", None, None),
    "001_1586734b2f680ffc": (dt.date(2025, 5, 27), "dateline", "Yeni Şafak English",
                             "Top Russian diplomat says Istanbul possible venue for second round of Ukraine peace talks"),
    "002_18f130bdfce50bc4": (dt.date(2025, 2, 20), "inferred", "Middle East Eye",
                             "Russia's Lavrov plans to visit Turkey amid Ukraine talks"),
    "003_8234c2ccb6702025": (dt.date(2024, 1, 23), "inferred", None,
                             "Kremlin says preparations underway for Putin’s visit to Türkiye"),
    "004_2cdfceba3868f993": (dt.date(2024, 1, 29), "inferred", "Newsweek", None),
}


def _write(tmp_path: Path, name: str, data: bytes, sidecar: object = None) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    if sidecar is not None:
        text = sidecar if isinstance(sidecar, str) else json.dumps(sidecar)
        path.with_suffix(".json").write_text(text, "utf-8")
    return path


def _assert_offsets(article) -> None:
    assert article.sentences
    for i, sentence in enumerate(article.sentences):
        assert article.raw[sentence.start : sentence.end] == sentence.text
        assert sentence.index == i


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_metadata(seed: str) -> None:
    article = read_article(CORPUS / f"{seed}.txt")
    published, basis, publisher, title = SEED_META[seed]
    assert (article.published, article.published_basis) == (published, basis)
    assert (article.publisher, article.title, article.language) == (publisher, title, "en")
    assert article.sha256 == hashlib.sha256((CORPUS / f"{seed}.txt").read_bytes()).hexdigest()
    assert article.warnings == ()
    _assert_offsets(article)


@pytest.mark.parametrize("seed", ["000_ba400b1fa624a0e1", "001_1586734b2f680ffc"])
def test_seed_dates_found_in_text(seed: str, tmp_path: Path) -> None:
    sidecar = json.loads((CORPUS / f"{seed}.json").read_text("utf-8"))
    expected = (dt.date.fromisoformat(sidecar.pop("published")), sidecar.pop("published_basis"))
    path = _write(tmp_path, f"{seed}.txt", (CORPUS / f"{seed}.txt").read_bytes(), sidecar)
    article = read_article(path)
    assert (article.published, article.published_basis) == expected
    assert article.warnings == ()


def test_seed_corpus_reads_in_order() -> None:
    assert [a.source_id for a in read_corpus(CORPUS)] == SEEDS


def test_update_note_is_only_a_fallback(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", (CORPUS / "004_2cdfceba3868f993.txt").read_bytes())
    article = read_article(path)
    assert (article.published, article.published_basis) == (dt.date(2024, 1, 29), "dateline")
    assert any("update note" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("data", "warned"),
    [
        (BODY.encode("utf-8"), False),
        (b"\xef\xbb\xbf" + BODY.encode("utf-8"), False),
        (BODY.encode("utf-16"), False),
        ("\ufeff".encode("utf-16-be") + BODY.encode("utf-16-be"), False),
        (BODY.encode("cp1252"), True),
        (BODY.replace("\n", "\r\n").encode("utf-8"), False),
        (BODY.replace("\n", "\r\n").encode("cp1252"), True),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252", "crlf", "crlf-cp1252"],
)
def test_encodings(tmp_path: Path, data: bytes, warned: bool) -> None:
    article = read_article(_write(tmp_path, "x.txt", data, {"published": "2024-01-02"}))
    assert not article.raw.startswith("\ufeff")
    assert article.raw.replace("\r\n", "\n") == BODY
    assert [s.text for s in article.sentences] == [
        "Fidan met Lavrov in Moscow on Tuesday.", "“It went well,” Fidan said.", "Talks will go on."
    ]
    _assert_offsets(article)
    assert any("Windows-1252" in w for w in article.warnings) is warned


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty article"),
        (b"  \n\t\r\n ", "empty article"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(1, 9)) * 20 + b"text", "binary file"),
    ],
    ids=["empty", "blank", "nul", "control"],
)
def test_unreadable_articles(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(CorpusError, match=rf"x\.txt: {message}"):
        read_article(_write(tmp_path, "x.txt", data))


@pytest.mark.parametrize(
    ("sidecar", "message"),
    [
        ("{not json", "x.json: not valid JSON"),
        ("[1, 2]", "x.json: not a JSON object"),
        ({"published": "27/05/2025"}, "x.json: published '27/05/2025' is not a YYYY-MM-DD date"),
        ({"published": "2025-02-30"}, "x.json: published '2025-02-30' is not a valid date"),
        ({"published_basis": "guess"}, "x.json: published_basis 'guess'"),
        ({"title": 5}, "x.json: title must be a string"),
    ],
)
def test_bad_sidecars(tmp_path: Path, sidecar: object, message: str) -> None:
    with pytest.raises(CorpusError, match=re.escape(message)):
        read_article(_write(tmp_path, "x.txt", BODY.encode(), sidecar))


def test_unknown_sidecar_keys_warn(tmp_path: Path) -> None:
    article = read_article(_write(tmp_path, "x.txt", BODY.encode(), {"author": "A", "published": "2024-01-02"}))
    assert article.warnings == ("sidecar x.json: unknown keys ignored: author",)
    assert article.published == dt.date(2024, 1, 2)


def test_no_date_anywhere(tmp_path: Path) -> None:
    article = read_article(_write(tmp_path, "x.txt", BODY.encode()))
    assert article.published is None and article.published_basis is None
    assert article.warnings == ("no publication date found",)


def test_sidecar_contradicting_dateline_warns(tmp_path: Path) -> None:
    data = ("date 2025-05-24 " + BODY).encode()
    article = read_article(_write(tmp_path, "x.txt", data, {"published": "2025-05-25", "published_basis": "inferred"}))
    assert article.published == dt.date(2025, 5, 25)
    assert article.warnings == ("sidecar published 2025-05-25 contradicts the article's dateline 2025-05-24",)


def test_url_date(tmp_path: Path) -> None:
    article = read_article(_write(tmp_path, "x.txt", BODY.encode(), {"url": "https://example.org/2024/03/05/talks"}))
    assert (article.published, article.published_basis) == (dt.date(2024, 3, 5), "url")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published: May 27, 2025", (dt.date(2025, 5, 27), "dateline", "published")),
        ("Published on 3 February 2024 10:00", (dt.date(2024, 2, 3), "dateline", "published")),
        ("12:1327/05/2025, Tuesday", (dt.date(2025, 5, 27), "dateline", "published")),
        ("27.05.2025 14:30", (dt.date(2025, 5, 27), "dateline", "published")),
        (" date 2025-05-24 Text follows.", (dt.date(2025, 5, 24), "header", "published")),
        ("Update 1/29/24, 10:25 a.m. ET: This article has been updated.", (dt.date(2024, 1, 29), "dateline", "update")),
    ],
)
def test_find_text_dates(text: str, expected: tuple) -> None:
    found = find_text_dates(text)[0]
    assert (found.date, found.basis, found.kind) == expected


def test_parse_date_text_orders() -> None:
    assert parse_date_text("5/3/2024") == dt.date(2024, 3, 5)
    assert parse_date_text("5/3/2024", us_order=True) == dt.date(2024, 5, 3)
    assert parse_date_text("13/3/2024", us_order=True) == dt.date(2024, 3, 13)
    assert parse_date_text("no date") is None
    assert url_date("https://x.org/news/talks-20250527-1/") == dt.date(2025, 5, 27)


def test_same_id_twice(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", BODY.encode())
    _write(tmp_path, "a.html", b"<p>Fidan met Lavrov.</p>")
    with pytest.raises(CorpusError, match="article id 'a'"):
        read_corpus(tmp_path)


def test_corpus_order_and_orphan_sidecar(tmp_path: Path) -> None:
    _write(tmp_path, "b.txt", BODY.encode())
    _write(tmp_path, "a.htm", b"<html><body><p>Fidan met Lavrov in Moscow.</p></body></html>")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", "c.txt", BODY.encode())
    (tmp_path / "z.json").write_text("{}", "utf-8")
    with pytest.warns(CorpusWarning, match="z.json: sidecar without an article"):
        articles = read_corpus(tmp_path)
    assert [a.source_id for a in articles] == ["a", "b"]


def test_html_only_scripts(tmp_path: Path) -> None:
    page = b"<html><head><style>p{color:red}</style><script>var a = 1;</script></head><body></body></html>"
    with pytest.raises(CorpusError, match=r"x\.html: no article text"):
        read_article(_write(tmp_path, "x.html", page))


HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Talks in Moscow | The Daily</title>
<meta property="og:title" content="Fidan &amp; Lavrov hold talks">
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2025-05-27T09:13:00+03:00">
<script>window.x = {a: "<p>not text</p>"};</script>
<style>.a { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news section link.</a></nav>
<header><p>Site header with a sentence.</p></header>
<article>
<h1>Fidan &amp; Lavrov hold talks</h1>
<p>Turkish Foreign Minister Hakan Fidan met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday.
The two discussed Ukraine &amp; Gaza.</p>
<figure><img src="a.jpg"><figcaption>Fidan and Lavrov (AFP Photo)</figcaption></figure>
<p>&ldquo;Istanbul is very good,&rdquo; Lavrov said at a <b>joint</b> news&nbsp;conference. Talks went on&#8230; for hours.</p>
<aside><p>Read this other story now.</p></aside>
<p>Share this article</p>
</article>
<footer><p>Copyright notice for the site.</p></footer>
</body></html>
"""


def test_html_article(tmp_path: Path) -> None:
    article = read_article(_write(tmp_path, "x.html", HTML_PAGE.encode("utf-8")))
    assert article.raw == HTML_PAGE
    assert article.title == "Fidan & Lavrov hold talks"
    assert article.publisher == "The Daily"
    assert (article.published, article.published_basis) == (dt.date(2025, 5, 27), "header")
    assert [s.text for s in article.sentences] == [
        "Turkish Foreign Minister Hakan Fidan met Russian Foreign Minister Sergey Lavrov in Moscow on Tuesday.",
        "The two discussed Ukraine & Gaza.",
        "“Istanbul is very good,” Lavrov said at a joint news conference.",
        "Talks went on… for hours.",
    ]
    assert [s.paragraph for s in article.sentences] == [0, 0, 1, 1]
    for sentence in article.sentences:
        markup = article.raw[sentence.start : sentence.end]
        plain = " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())
        assert plain == sentence.text


def test_html_crlf_offsets(tmp_path: Path) -> None:
    page = "<html>\r\n<body>\r\n<main>\r\n<p>First line of text.\r\nSecond &quot;one&quot; here.</p>\r\n</main></body></html>"
    article = read_article(_write(tmp_path, "x.htm", page.encode("utf-8"), {"published": "2024-01-02"}))
    assert [s.text for s in article.sentences] == ["First line of text.", 'Second "one" here.']
    second = article.sentences[1]
    assert article.raw[second.start : second.end] == "Second &quot;one&quot; here."


def test_corpus_copy_is_stable(tmp_path: Path) -> None:
    for path in CORPUS.iterdir():
        shutil.copy(path, tmp_path / path.name)
    first = read_corpus(tmp_path)
    assert first == read_corpus(tmp_path)
