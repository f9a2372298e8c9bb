"""Split kept paragraphs into sentences, with offsets into the raw text."""

from __future__ import annotations

import bisect
import re
from typing import Sequence

from .types import Sentence, Span

# A candidate end: terminal punctuation, any closing quotes/brackets, whitespace, then what may
# open a sentence (a capital, a digit or an opening quote/bracket).
# (Written [.?!][.?!]* rather than [.?!]+ so that the engine skips to punctuation instead of trying every position.)
_END = re.compile(r"([.?!][.?!]*)([\"'”’)\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9À-ÖØ-Þ])")
_NEXT_WORD = re.compile(r"[\"“‘'(\[]?([\w’']+)")
# Abbreviations that never end a sentence: titles before names, "No. 5", "vs." and the like.
_NEVER_FINAL = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "adm",
    "gov", "sen", "rep", "rev", "hon", "pres", "amb", "st", "mt", "ft", "no", "nos", "vs", "v",
    "e.g", "i.e", "cf", "approx", "fig", "vol", "pp", "art", "para", "sec", "ch",
}
# Abbreviations that may end a sentence: they end one only before a typical sentence opener.
_MAYBE_FINAL = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "u.s.a", "etc", "inc", "ltd", "co", "corp", "jr", "sr",
}
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
    "there", "his", "her", "its", "their", "our", "in", "on", "at", "but", "and", "however", "as",
    "after", "before", "when", "while", "if", "since", "for", "meanwhile", "officials", "earlier",
    "later", "last", "next",
}
_OPEN_QUOTES = "“"
_CLOSE_QUOTES = "”"
_QUOTE_MARK = re.compile(f"[{_OPEN_QUOTES}{_CLOSE_QUOTES}\"]")


def _abbreviation(text: str, end: int) -> str | None:
    """Return the lower-cased word (without its final period) ending at `text[end]` == '.'."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1  # walk back over the word: a regex search from 0 would make this quadratic
    if start == end:
        return None
    return text[start:end].lstrip("\"'“‘([").lower()


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def _next_word(text: str, pos: int) -> str:
    match = _NEXT_WORD.match(text, pos)
    return match.group(1).lower() if match else ""


def _blocked_by_abbreviation(text: str, match: re.Match[str]) -> bool:
    """Return whether the period at this candidate end belongs to an abbreviation or initial."""
    if match.group(1) != "." or match.group(2):
        return False
    word = _abbreviation(text, match.start(1))
    if word is None:
        return False
    if word in _NEVER_FINAL or _is_initial(word):
        return True
    if word in _MAYBE_FINAL or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        following = text[match.end() : match.end() + 1]
        return following.isdigit() or _next_word(text, match.end()) not in _OPENERS
    return False


def _quote_depths(text: str) -> tuple[list[int], list[int]]:
    """Return the offsets just past each double quotation mark and how many quotations are open there.

    Only the marks are visited (not every character), so long paragraphs stay cheap.
    """
    offsets, depths = [], []
    depth = 0
    for mark in _QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        else:
            opening = i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-"
            depth = depth + 1 if opening else max(0, depth - 1)
        offsets.append(i + 1)
        depths.append(depth)
    return offsets, depths


def _depth_at(quotes: tuple[list[int], list[int]], pos: int) -> int:
    """Return how many double quotations are open before the character at `pos`."""
    offsets, depths = quotes
    k = bisect.bisect_right(offsets, pos) - 1
    return depths[k] if k >= 0 else 0


def _last_closers(text: str) -> tuple[int, int]:
    """Return the index of the last closing curly quote and of the last straight quote after a non-space."""
    straight = text.rfind('"')
    while straight > 0 and text[straight - 1].isspace():
        straight = text.rfind('"', 0, straight)
    return text.rfind("”"), straight if straight > 0 else -1


def _closes_later(closers: tuple[int, int], pos: int) -> bool:
    """Return whether a quotation open at `pos` is closed later (a straight quote counts after `pos`).

    Looking up the last closers once keeps long paragraphs with an unclosed quotation linear.
    """
    curly, straight = closers
    return curly >= pos or straight > pos


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of one paragraph, whitespace trimmed."""
    quotes: tuple[list[int], list[int]] | None = None  # found when a candidate end first needs them
    closers = _last_closers(text)
    cuts = [0]
    for match in _END.finditer(text):
        end = match.end(2)
        if match.group(1).count(".") >= 3 and not match.group(2):
            continue  # an ellipsis trails off inside a sentence
        if _blocked_by_abbreviation(text, match):
            continue
        if end < len(text):
            quotes = quotes or _quote_depths(text)
            if _depth_at(quotes, end) > 0 and _closes_later(closers, end):
                continue  # the quotation goes on: its sentences stay with their attribution
        cuts.append(match.end())
    cuts.append(len(text))
    bounds = []
    for start, end in zip(cuts, cuts[1:]):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            bounds.append((start, end))
    return bounds


def split_sentences(raw: str, spans: Sequence[Span]) -> list[Sentence]:
    """Return the sentences of each span of `raw`; offsets slice `raw` to each sentence."""
    sentences: list[Sentence] = []
    for paragraph, span in enumerate(spans):
        text = raw[span.start : span.end]
        for start, end in sentence_bounds(text):
            a, b = span.start + start, span.start + end
            sentences.append(Sentence(a, b, raw[a:b], index=len(sentences), paragraph=paragraph))
    return sentences
