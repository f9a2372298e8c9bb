"""Keep the article prose of a plain-text article and drop boilerplate, with raw offsets.

Rules describe the SHAPES of boilerplate (datelines, credits, hashtags, prompts, promos,
captions, code, labels), never one outlet's phrases. Headlines and subheads are not body text:
they are dropped here (the reader takes the title from its own heuristics or the sidecar), so
every kept paragraph is prose that ends like a sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cached_property, lru_cache
from typing import Callable, NamedTuple, Sequence

from .text import casefree
from .types import Span

_LINE = re.compile(r"[^\r\n]*")
# A line trimmed of what str.isspace() calls space: from its first to its last non-space character.
_LINE_TEXT = re.compile(r"\S(?:[^\r\n]*\S)?")
_DATE_HEADER = re.compile(r"^[ \t]*date[ \t]+\d{4}-\d{2}-\d{2}\b[ \t]*", re.IGNORECASE)
# Prose ends in sentence punctuation, possibly followed by closing quotes or brackets.
_PROSE_END = re.compile(r"[.?!…][\"'”’)\]]*$")
_COLON_END = re.compile(r":[\"'“‘]?$")
_MONTHS = (
    "jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|"
    "sep|sept|september|oct|october|nov|november|dec|december"
)
_WEEKDAYS = "mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday"
_TIME_WORDS = (
    "gmt|utc|et|est|edt|cet|cest|bst|msk|trt|published|updated|update|posted|last|modified|on|at|ago|"
    "today|yesterday|hours?|hrs?|minutes?|mins?|days?|weeks?"
)
_DATE_WORDS = re.compile(rf"\b(?:{_MONTHS}|{_WEEKDAYS}|a\.?m\.?|p\.?m\.?|{_TIME_WORDS})\b\.?", re.IGNORECASE)
# A run of letters a dateline may hold (a.m./p.m. leave the runs a, p and m).
_DATE_WORD_RUN = re.compile(rf"(?:{_MONTHS}|{_WEEKDAYS}|[apm]|{_TIME_WORDS})", re.IGNORECASE)
# The start of a run of letters that is not one date word.
_NON_DATE_WORD = re.compile(rf"(?<![^\W\d_])(?!(?i:{_DATE_WORD_RUN.pattern})(?![^\W\d_]))[^\W\d_]")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Every spelling _DATE_WORD_RUN matches, lower-cased ("hours?" gives hour and hours).
_DATE_WORD_SET = frozenset(spelling for word in f"{_MONTHS}|{_WEEKDAYS}|a|p|m|{_TIME_WORDS}".split("|")
                           for spelling in ((word[:-2], word[:-1]) if word.endswith("s?") else (word,)))
_DATE_DIGITS = re.compile(r"[\d:/.,\-–|·•]+")
_CREDIT = re.compile(r"^(?:[A-Z][A-Za-z&.\-]{0,14}|[A-Z]{2,6}(?:\s*/\s*[A-Z]{2,6})*)$")
_BYLINE = re.compile(r"^(?:by|photo(?:graph)?s? by|reporting by|written by|edited by)\s+\S", re.IGNORECASE)
_SOCIAL = re.compile(
    r"^(?:share(?: this| on|$)|follow us|follow\s+\S+\s+on|tweet\b|like us\b|leave a comment|"
    r"no comments yet|be the first to comment|read more\b|related(?: articles?| stories| news)?\s*:?$|"
    r"see also\b|also read\b|recommended\b|advertisement$|click here\b|copy link|print this)",
    re.IGNORECASE,
)
_COMMENT_HEADING = re.compile(
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?$|^(?:leave|post|add|write) a (?:comment|reply)\b|"
    r"^join the (?:conversation|discussion)\b|^(?:show|view|load) (?:all )?comments\b",
    re.IGNORECASE,
)
_NEWSLETTER_TOPIC = re.compile(
    r"newsletters?\b|\bsubscri(?:be|bing|ption)|\bsign(?:ing)? ?up\b|\bunsubscribe|\binbox\b|"
    r"\bby e-?mail\b|\be-?mail alerts?\b|\bterms of (?:use|service)\b|\bprivacy policy\b|"
    r"\belectronic communications\b",
    re.IGNORECASE,
)
_ADDRESSES_READER = re.compile(
    r"\b(?:you|your|our|here)\b|^(?:sign|subscribe|click|get|join|register|enter|download)\b|newsletters?\b",
    re.IGNORECASE,
)
_SELF_DESCRIPTION = re.compile(
    r"^[A-Z][\w'’&.\-]*(?:\s+[A-Z][\w'’&.\-]*){0,4}\s+(?:delivers|is committed to|is dedicated to|"
    r"is devoted to|is proud to|brings you|is an independent|is a leading|provides (?:independent|in-depth))\b"
)
_MEDIA_WORDS = re.compile(
    r"\b(?:coverage|journalism|journalists|news|analysis|reporting|content|readers|wisdom|"
    r"common ground|independent|stories|perspectives|insights?|newsroom|editorial)\b",
    re.IGNORECASE,
)
_REPUBLISHING = re.compile(
    r"\b(?:republish(?:ing)?|reprint(?:ing)?|syndicat(?:e|ion))\b.*\b(?:content|article|story|fees?|form)\b"
    r"|\bmore about \S+(?: \S+){0,3} can be found here\b",
    re.IGNORECASE,
)
_UPDATE_NOTE = re.compile(
    r"^(?:update[d]?|correction|editor'?s note|clarification)\b.*\bthis (?:article|story|report|post)\b"
    r".*\b(?:updated|corrected|amended|revised|changed)\b",
    re.IGNORECASE,
)
_DATE_HEADER_LINE = re.compile(r"date[ \t]+\d{4}-\d{2}-\d{2}", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAYS})\b", re.IGNORECASE)
_AGENCIES = re.compile(r"[A-Z]{2,6}(?:\s*/\s*[A-Z]{2,6})+")
_HASHTAG = re.compile(r"#\w")
_QUOTE_MARK = re.compile(r"[\"“”]")
# Editing a pattern below? Keep its gate words true of every text it matches (tests/test_gates.py checks).
# Words (lower case) one of which every match of _NEWSLETTER_TOPIC contains.
_NEWSLETTER_GATE = ("newsletter", "subscri", "sign up", "signup", "signing up", "signingup", "inbox", "by email",
                    "by e-mail", "mail alert", "terms of", "privacy policy", "electronic communications")
# Words (lower case) one of which every match of _REPUBLISHING contains.
_REPUBLISHING_GATE = ("republish", "reprint", "syndicat", "more about")
# Characters one of which every match of _PHOTO_MARKER contains.
_PHOTO_GATE = ("(", ":", "/")
_CODE_CHARS = re.compile(r"[{}();=<>\[\]$|\\]")
_CODE_TOKENS = re.compile(r"\}\)|\)\{|function\s*\(|=>|\bvar\s+\w+\s*=|jQuery\(|document\.|window\.")
_BLOB = re.compile(r"[A-Za-z0-9+/=%_\-]{40,}")
# A run of 40 non-space characters begins the text or follows a space (the engine skips to spaces fast).
_CHUNK_AT_START = re.compile(r"\S{40}")
_CHUNK_AFTER_SPACE = re.compile(r"\s\S{40}")
_PHOTO_MARKER = re.compile(
    r"\((?:[A-Z][A-Za-z]*\s+)?(?:File\s+)?Photos?\)|\b(?:Photo|Photograph|Image|Picture|Credit)s?\s*:|"
    r"\((?:R|L|C|L-R|R-L|left|right|centre|center)\)|/\s*(?:Getty Images|AFP|Reuters|AP|EPA)\b",
)


class Line(NamedTuple):
    """One line of the raw text with surrounding whitespace (and a date header prefix) trimmed."""

    start: int
    end: int
    text: str


Rule = Callable[[Sequence[str], int], bool]


def _at_most_words(text: str, n: int) -> bool:
    """Tell whether `text` has at most n words, without splitting all of a long paragraph."""
    return len(text.split(None, n)) <= n


def is_prose(text: str) -> bool:
    """Return whether `text` ends like a sentence (or is a long lead-in ending with a colon)."""
    if _PROSE_END.search(text):
        return True
    return bool(_COLON_END.search(text)) and not _at_most_words(text, 5)


def _date_header(lines: Sequence[str], i: int) -> bool:
    return bool(_DATE_HEADER_LINE.fullmatch(lines[i]))


def _has_non_date_word(text: str) -> bool:
    """Tell whether a run of letters in `text` is not one date word, looking at the first run alone first."""
    first = _LETTER_RUN.search(text)
    if first is None:
        return False
    if casefree(first.group()) not in _DATE_WORD_SET:
        return True  # prose mostly opens with a word no date is written with
    return bool(_NON_DATE_WORD.search(text, first.end()))


def _dateline(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    if _has_non_date_word(text):
        return False  # a word no date is written with: prose, decided without rewriting the line
    if not _DIGIT.search(text) and not _WEEKDAY.search(text):
        return False
    rest = _DATE_DIGITS.sub(" ", _DATE_WORDS.sub(" ", text))
    return not re.sub(r"[\s()\[\],:]+", "", rest)


def _agency_credit(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    if _BYLINE.match(text) and _at_most_words(text, 8) and not is_prose(text):
        return True
    return len(text.split(None, 1)) == 1 and bool(_CREDIT.match(text)) or bool(_AGENCIES.fullmatch(text))


def _hashtag(lines: Sequence[str], i: int) -> bool:
    return bool(_HASHTAG.match(lines[i])) and _at_most_words(lines[i], 6)


def _social_prompt(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    return bool(_SOCIAL.match(text)) and _at_most_words(text, 12)


class Lines(tuple):
    """The lines of one document, remembering what whole-document rules ask about them.

    Rules called once per line would otherwise recount the whole document for every line
    (quadratic on long articles); pass a `Lines` to compute those facts once.
    """

    @cached_property
    def counts(self) -> Counter[str]:
        return Counter(self)

    @cached_property
    def first_index(self) -> dict[str, int]:
        first: dict[str, int] = {}
        for i, line in enumerate(self):
            first.setdefault(line, i)
        return first

    @cached_property
    def first_comment_heading(self) -> int:
        return next((i for i, line in enumerate(self) if _COMMENT_HEADING.match(line)), len(self))


def _facts(lines: Sequence[str]) -> Lines:
    return lines if isinstance(lines, Lines) else Lines(lines)


def _comment_section(lines: Sequence[str], i: int) -> bool:
    """Everything from a comments heading on is readers' talk, not the article."""
    return i >= _facts(lines).first_comment_heading


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # a loop: a generator costs more than the few checks
        if word in text:
            return True
    return False


def _newsletter(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    if not _has_any(casefree(text), _NEWSLETTER_GATE):
        return False
    return bool(_NEWSLETTER_TOPIC.search(text)) and bool(_ADDRESSES_READER.search(text))


def _publisher_promo(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    if _has_any(casefree(text), _REPUBLISHING_GATE) and _REPUBLISHING.search(text):
        return True
    return bool(_SELF_DESCRIPTION.match(text)) and bool(_MEDIA_WORDS.search(text)) and not _QUOTE_MARK.search(text)


def _update_note(lines: Sequence[str], i: int) -> bool:
    return bool(_UPDATE_NOTE.match(lines[i]))


def _code(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    chars = len(_CODE_CHARS.findall(text))
    if chars >= 4 and _CODE_TOKENS.search(text):
        return True
    return len(text) >= 20 and chars / len(text) > 0.08


def _long_chunk(text: str) -> bool:
    """Tell whether `text` holds a run of 40 non-space characters."""
    return bool(_CHUNK_AT_START.match(text) or _CHUNK_AFTER_SPACE.search(text))


def _encoded_blob(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    if not _long_chunk(text):
        return False  # a blob is a run of 40 non-space characters
    blob = sum(len(m.group()) for m in _BLOB.finditer(text))
    return blob >= 40 and blob / len(text) > 0.5


def _photo_caption(lines: Sequence[str], i: int) -> bool:
    text = lines[i]
    if not _has_any(text, _PHOTO_GATE):
        return False
    return bool(_PHOTO_MARKER.search(text)) and not _QUOTE_MARK.search(text)


def _repeated_line(lines: Sequence[str], i: int) -> bool:
    """A caption-like line repeated anywhere goes entirely; repeated prose keeps its first copy."""
    text = lines[i]
    facts = _facts(lines)
    if facts.counts[text] < 2:
        return False
    return not is_prose(text) or facts.first_index[text] < i


def _not_prose(lines: Sequence[str], i: int) -> bool:
    """Headlines, subheads, section labels and publisher names do not end like sentences."""
    return not is_prose(lines[i])


JUNK_RULES: dict[str, Rule] = {
    "date_header": _date_header,
    "dateline": _dateline,
    "agency_credit": _agency_credit,
    "hashtag": _hashtag,
    "social_prompt": _social_prompt,
    "comment_section": _comment_section,
    "newsletter": _newsletter,
    "publisher_promo": _publisher_promo,
    "update_note": _update_note,
    "code": _code,
    "encoded_blob": _encoded_blob,
    "photo_caption": _photo_caption,
    "repeated_line": _repeated_line,
    "not_prose": _not_prose,
}


# JUNK_RULES in an order that settles most lines after a few cheap checks.
_CHEAP_FIRST = ("not_prose", "repeated_line", "comment_section", "hashtag", "social_prompt", "update_note",
                "date_header", "agency_credit", "encoded_blob", "dateline", "photo_caption", "code")
_BY_COST = (*(JUNK_RULES[name] for name in _CHEAP_FIRST),
            *(rule for name, rule in JUNK_RULES.items() if name not in _CHEAP_FIRST))


def junk_reasons(lines: Sequence[str], i: int) -> list[str]:
    """Return the names of the rules that mark line `i` of `lines` as boilerplate."""
    return [name for name, rule in JUNK_RULES.items() if rule(lines, i)]


def is_junk(lines: Sequence[str], i: int) -> bool:
    """Tell whether any rule marks line `i` of `lines` as boilerplate (cheapest rules first)."""
    for rule in _BY_COST:  # a loop: most lines are prose and meet every rule
        if rule(lines, i):
            return True
    return False


def raw_lines(raw: str) -> list[Line]:
    """Split `raw` into non-blank lines, trimmed by moving offsets (any newline convention)."""
    return list(_raw_lines(raw))


@lru_cache(maxsize=4)  # reading one article asks for its lines three times in a row
def _raw_lines(raw: str) -> tuple[Line, ...]:
    first = _LINE.match(raw)
    header = _DATE_HEADER.match(raw, 0, first.end())  # its ^ only matches where the text starts
    start = header.end() if header and header.end() < first.end() else 0
    return tuple(Line(*m.span(), m.group()) for m in _LINE_TEXT.finditer(raw, start))


def _continues(line: str, following: str) -> bool:
    """Return whether a hard-wrapped `line` runs on into `following`."""
    if is_prose(line) or not following:
        return False
    if following[0].islower():
        return True
    return bool(re.search(r"(?:,|-|\b(?:a|an|the|of|to|in|on|and|or|with|for|by|at|from|that|as))$", line))


def _paragraphs(raw: str, lines: list[Line]) -> list[Line]:
    """Join hard-wrapped lines of one paragraph (no blank line between them) into one Line."""
    merged: list[Line] = []
    for line in lines:
        if merged:
            last = merged[-1]
            gap = raw[last.end : line.start]
            if gap.count("\n") + gap.count("\r") - gap.count("\r\n") == 1 and _continues(last.text, line.text):
                merged[-1] = Line(last.start, line.end, raw[last.start : line.end])
                continue
        merged.append(line)
    return merged


def clean(raw: str) -> list[Span]:
    """Return the paragraphs of `raw` that are article prose, as spans of the raw text."""
    paragraphs = _paragraphs(raw, raw_lines(raw))
    texts = Lines(p.text for p in paragraphs)
    return [Span(p.start, p.end, p.text) for i, p in enumerate(paragraphs) if not is_junk(texts, i)]


def clean_blocks(texts: Sequence[str]) -> list[int]:
    """Return the indexes of the `texts` blocks (already split, e.g. from HTML) that are prose."""
    lines = _facts(texts)
    return [i for i in range(len(lines)) if not is_junk(lines, i)]
