"""Read corpus articles (text or HTML) and their metadata sidecars into `Article`s."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..schema.vocab import PublishedBasis
from .clean import JUNK_RULES, Lines, clean, clean_blocks, is_prose, raw_lines
from .html_article import HtmlPage, TextBlock, body_blocks, parse_html
from .sentences import sentence_bounds, split_sentences
from .text import casefree
from .types import Article, Sentence

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
# Longer inputs are not news articles (a dump, a concatenation, a runaway export): refuse them
# rather than spend minutes extracting. News articles run to tens of thousands of characters.
MAX_RAW_CHARS = 5_000_000
MAX_TEXT_CHARS = 1_500_000
SIDECAR_KEYS = ("title", "publisher", "url", "published", "published_basis", "language")
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BASES = frozenset(b.value for b in PublishedBasis)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_HEADER_DATE = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE | re.MULTILINE)
_GLUED_DATELINE = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
# What every _GLUED_DATELINE match holds; finding it first spares a slow scan of the whole text.
_GLUED_HINT = re.compile(r":[0-5]\d\d{1,2}/")
_PUBLISHED_LINE = re.compile(
    r"^[ \t]*(?:first published|published|posted|publication date|released)(?:[ \t]+on)?[ \t]*[:\-–]?[ \t]*(.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_UPDATE_LINE = re.compile(
    r"^[ \t]*(?:last[ \t]+)?(?:update[d]?|modified)(?:[ \t]+on)?[ \t]*:?[ \t]*(.+)$", re.IGNORECASE | re.MULTILINE
)
# Words (lower case) one of which every match of _PUBLISHED_LINE / _UPDATE_LINE holds.
_PUBLISHED_HINT = ("published", "posted", "publication date", "released")
_UPDATE_HINT = ("update", "modified")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/\-_.]|$)|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[/_-]")


class CorpusError(Exception):
    """A fatal problem with a corpus file; the message names the file and the problem."""


class CorpusWarning(UserWarning):
    """A problem in the corpus that does not stop reading it."""


@dataclass(frozen=True)
class FoundDate:
    """A date the article states: `kind` is published or update (the latest publication date)."""

    date: dt.date
    basis: str
    kind: str = "published"


def decode(data: bytes, path: Path) -> tuple[str, list[str]]:
    """Return the text of a file's bytes and any warnings; raise CorpusError for binary or empty."""
    text, notes = _decode_bytes(data, path)
    if not text.strip():
        raise CorpusError(f"{path}: empty article")
    controls = len(_CONTROL.findall(text))
    if controls > len(text) * 0.1:
        raise CorpusError(f"{path}: binary file ({controls} control characters in {len(text)})")
    return text, notes


def _decode_bytes(data: bytes, path: Path) -> tuple[str, list[str]]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), []
            except UnicodeDecodeError as error:
                raise CorpusError(f"{path}: not {codec} text despite its byte-order mark (bad byte at {error.start + len(bom)})") from None
    if b"\x00" in data:
        raise CorpusError(f"{path}: binary file (NUL byte at byte {data.index(0)})")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        first_bad = error.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise CorpusError(f"{path}: not UTF-8 or Windows-1252 text (undecodable byte at {error.start})") from None
    return text, [f"not UTF-8 (invalid byte at {first_bad}); decoded as Windows-1252"]


def parse_iso_date(value: str) -> dt.date:
    """Return the date of an ISO `YYYY-MM-DD` string (a time part after it is ignored)."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
    return dt.date.fromisoformat(match.group())


def read_sidecar(path: Path) -> tuple[dict[str, Any], list[str]]:
    """Return the metadata of a sidecar JSON file and warnings; raise CorpusError when invalid."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CorpusError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: not a JSON object")
    notes = []
    unknown = sorted(set(data) - set(SIDECAR_KEYS))
    if unknown:
        notes.append(f"sidecar {path.name}: unknown keys ignored: {', '.join(unknown)}")
    meta = {key: data[key] for key in SIDECAR_KEYS if data.get(key) is not None}
    for key, value in meta.items():
        if not isinstance(value, str):
            raise CorpusError(f"{path}: {key} must be a string, not {type(value).__name__}")
    if "published" in meta:
        if not _ISO_DATE.fullmatch(meta["published"]):
            raise CorpusError(f"{path}: published {meta['published']!r} is not a YYYY-MM-DD date")
        try:
            meta["published"] = dt.date.fromisoformat(meta["published"])
        except ValueError as error:
            raise CorpusError(f"{path}: published {meta['published']!r} is not a valid date ({error})") from None
    basis = meta.get("published_basis")
    if basis is not None and basis not in _BASES:
        raise CorpusError(f"{path}: published_basis {basis!r} is not one of {', '.join(b.value for b in PublishedBasis)}")
    return meta, notes


def _make_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year if year >= 100 else 2000 + year, month, day)
    except ValueError:
        return None


def parse_date_text(text: str, us_order: bool = False) -> Optional[dt.date]:
    """Return the first date written in `text` (ISO, month names, or numeric D/M/Y or M/D/Y)."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        return _make_date(*map(int, iso.groups()))
    named = re.search(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", text, re.IGNORECASE)
    named = named or re.search(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b", text, re.IGNORECASE)
    if named:
        return _make_date(int(named["year"]), _MONTHS[casefree(named["month"])], int(named["day"]))
    numeric = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b", text)
    if numeric:
        first, second, year = map(int, numeric.groups())
        month_first = second > 12 or (us_order and first <= 12)
        month, day = (first, second) if month_first else (second, first)
        return _make_date(year, month, day)
    return None


def find_text_dates(text: str) -> list[FoundDate]:
    """Return the publication and update dates the article text states, best first."""
    found: list[FoundDate] = []
    low = casefree(text)
    for match in _HEADER_DATE.finditer(text) if "date" in low else ():
        day = _make_date(*map(int, match.group(1).split("-")))
        if day:
            found.append(FoundDate(day, PublishedBasis.header.value))
    glued = _GLUED_DATELINE.finditer(text) if _GLUED_HINT.search(text) else ()
    for match in glued:
        day = _make_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        if day:
            found.append(FoundDate(day, PublishedBasis.dateline.value))
    for match in _PUBLISHED_LINE.finditer(text) if any(w in low for w in _PUBLISHED_HINT) else ():
        day = parse_date_text(match.group(1)[:80])
        if day:
            found.append(FoundDate(day, PublishedBasis.dateline.value))
    found.extend(_dateline_lines(text))
    for match in _UPDATE_LINE.finditer(text) if any(w in low for w in _UPDATE_HINT) else ():
        day = parse_date_text(match.group(1)[:40], us_order=True)
        if day:
            found.append(FoundDate(day, PublishedBasis.dateline.value, "update"))
    return found


def _dateline_lines(text: str) -> list[FoundDate]:
    """Return dates of lines that hold nothing but a date and time (a dateline)."""
    lines = Lines(line.text for line in raw_lines(text))
    found = []
    for i, line in enumerate(lines):
        if not JUNK_RULES["dateline"](lines, i) or _UPDATE_LINE.match(line):
            continue
        day = parse_date_text(line)
        if day:
            found.append(FoundDate(day, PublishedBasis.dateline.value))
    return found


def url_date(url: Optional[str]) -> Optional[dt.date]:
    """Return the date written in a URL path (/2025/05/27/ or -20250527-), if any."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    parts = [int(g) for g in match.groups() if g is not None]
    return _make_date(*parts)


def resolve_published(
    sidecar: dict[str, Any], found: list[FoundDate], url: Optional[str]
) -> tuple[Optional[dt.date], Optional[str], list[str]]:
    """Return the publication date, its basis and warnings: sidecar, then text, URL, update note."""
    stated = next((f for f in found if f.kind == "published"), None)
    update = next((f for f in found if f.kind == "update"), None)
    notes: list[str] = []
    given = sidecar.get("published")
    if given:
        if stated and stated.date != given:
            notes.append(f"sidecar published {given} contradicts the article's dateline {stated.date}")
        if update and given > update.date:
            notes.append(f"sidecar published {given} is after the article's update note {update.date}")
        basis = sidecar.get("published_basis") or (stated.basis if stated and stated.date == given else None)
        return given, basis, notes
    if stated:
        return stated.date, stated.basis, notes
    from_url = url_date(url)
    if from_url:
        return from_url, PublishedBasis.url.value, notes
    if update:
        notes.append(f"publication date taken from the update note {update.date} (the latest it can be)")
        return update.date, update.basis, notes
    return None, None, ["no publication date found"]


def headline(raw: str) -> Optional[str]:
    """Return the first headline-shaped line when the article starts with one, else None."""
    lines = Lines(line.text for line in raw_lines(raw))
    for i, text in enumerate(lines):
        if is_prose(text):
            return None
        other_rules = [name for name, rule in JUNK_RULES.items() if name not in ("not_prose", "repeated_line") and rule(lines, i)]
        if not other_rules and len(text.split()) >= 4 and len(text) < 200:
            return text
    return None


def _text_article(raw: str) -> tuple[tuple[Sentence, ...], dict[str, Any], list[FoundDate]]:
    sentences = tuple(split_sentences(raw, clean(raw)))
    return sentences, {"title": headline(raw)}, find_text_dates(raw)


def _html_sentences(blocks: list[TextBlock]) -> tuple[Sentence, ...]:
    kept = [blocks[i] for i in clean_blocks([b.text for b in blocks])]
    sentences: list[Sentence] = []
    for paragraph, block in enumerate(kept):
        for start, end in sentence_bounds(block.text):
            sentences.append(
                Sentence(block.starts[start], block.ends[end - 1], block.text[start:end], len(sentences), paragraph)
            )
    return tuple(sentences)


def _html_metadata(page: HtmlPage) -> dict[str, Any]:
    meta = page.meta
    return {
        "title": meta.get("og:title") or page.h1 or page.title,
        "publisher": meta.get("og:site_name"),
        "url": meta.get("og:url") or page.canonical,
        "language": None,
    }


def _html_dates(page: HtmlPage) -> list[FoundDate]:
    found = []
    for value in (page.meta.get("article:published_time"), page.time_datetime):
        day = _iso_or_none(value)
        if day:
            found.append(FoundDate(day, PublishedBasis.header.value))
    found += find_text_dates("\n".join(block.text for block in page.blocks))
    modified = _iso_or_none(page.meta.get("article:modified_time"))
    if modified:
        found.append(FoundDate(modified, PublishedBasis.header.value, "update"))
    return found


def _iso_or_none(value: Optional[str]) -> Optional[dt.date]:
    try:
        return parse_iso_date(value) if value else None
    except ValueError:
        return None


def _html_article(raw: str, path: Path) -> tuple[tuple[Sentence, ...], dict[str, Any], list[FoundDate]]:
    page = parse_html(raw)
    if not page.blocks:
        raise CorpusError(f"{path}: no article text (the HTML has no visible text outside scripts, styles and navigation)")
    return _html_sentences(body_blocks(page)), _html_metadata(page), _html_dates(page)


def read_article(path: Path) -> Article:
    """Read one article file and its sidecar into an Article with cleaned sentences."""
    path = Path(path)
    data = path.read_bytes()
    raw, notes = decode(data, path)
    if len(raw) > MAX_RAW_CHARS:
        raise CorpusError(f"{path}: too long for an article ({len(raw):,} characters; the limit is {MAX_RAW_CHARS:,})")
    sidecar_path = path.with_suffix(".json")
    sidecar, sidecar_notes = read_sidecar(sidecar_path) if sidecar_path.exists() else ({}, [])
    notes += sidecar_notes
    if path.suffix.lower() in (".html", ".htm"):
        sentences, found_meta, found_dates = _html_article(raw, path)
    else:
        sentences, found_meta, found_dates = _text_article(raw)
    url = sidecar.get("url") or found_meta.get("url")
    published, basis, date_notes = resolve_published(sidecar, found_dates, url)
    notes += date_notes
    text_chars = sum(len(s.text) for s in sentences)
    if text_chars > MAX_TEXT_CHARS:
        raise CorpusError(f"{path}: too much article text ({text_chars:,} characters after cleaning; "
                          f"the limit is {MAX_TEXT_CHARS:,})")
    if not sentences:
        notes.append("no article sentences left after cleaning")
    return Article(
        source_id=path.stem,
        path=path,
        raw=raw,
        sha256=hashlib.sha256(data).hexdigest(),
        title=sidecar.get("title") or found_meta.get("title"),
        publisher=sidecar.get("publisher") or found_meta.get("publisher"),
        url=url,
        published=published,
        published_basis=basis,
        language=sidecar.get("language", "en"),
        sentences=sentences,
        warnings=tuple(notes),
    )


def article_paths(directory: Path) -> list[Path]:
    """Return the article files of `directory` sorted by id; raise CorpusError on a duplicate id."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError(f"{directory}: not a directory")
    paths = [p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES]
    by_id: dict[str, Path] = {}
    for path in sorted(paths):
        if path.stem in by_id:
            raise CorpusError(f"{path}: article id {path.stem!r} also used by {by_id[path.stem].name}")
        by_id[path.stem] = path
    return [by_id[key] for key in sorted(by_id)]


def read_corpus(directory: Path) -> list[Article]:
    """Read every article of `directory` (not recursive), sorted by id."""
    paths = article_paths(directory)
    ids = {p.stem for p in paths}
    for sidecar in sorted(Path(directory).glob("*.json")):
        if sidecar.stem not in ids:
            warnings.warn(CorpusWarning(f"{sidecar}: sidecar without an article"), stacklevel=2)
    return [read_article(path) for path in paths]
