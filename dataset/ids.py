"""Stable record identifiers derived from content, with deterministic collision handling."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any, Sequence

from ..extract.text import fold

DIGITS = 10
_FIRST_WORDS = 8


def stable_id(prefix: str, *parts: str) -> str:
    """Return `prefix-` plus 10 hex digits of the SHA-256 of `parts`."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:DIGITS]}"


def first_words(text: str, count: int = _FIRST_WORDS) -> str:
    """Return the first `count` folded words of `text`, the part of a quote an ID rests on."""
    return " ".join(fold(text).split()[:count])


def short_hash(text: str) -> str:
    """Return 6 hex digits identifying `text` (used to tell colliding records apart)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def assign_ids(prefix: str, choices: Sequence[Sequence[Sequence[str]]], order: Sequence[Any]) -> list[str]:
    """Give each record a unique ID from its ordered list of content keys.

    `choices[i]` lists record i's keys, most general first (e.g. base key, + anchor day,
    + earliest mention). Every record whose base ID is unique keeps it; among records sharing a
    base ID the one first by `order` keeps it and the others take their first free fallback.
    """
    base = [stable_id(prefix, *keys[0]) for keys in choices]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, value in enumerate(base):
        groups[value].append(i)
    taken = set(base)
    result = list(base)
    for value in sorted(groups):
        members = sorted(groups[value], key=lambda i: order[i])
        for i in members[1:]:
            result[i] = _fallback(prefix, choices[i], taken)
            taken.add(result[i])
    return result


def _fallback(prefix: str, keys: Sequence[Sequence[str]], taken: set[str]) -> str:
    for alternative in keys[1:]:
        value = stable_id(prefix, *alternative)
        if value not in taken:
            return value
    counter = 2
    while (value := stable_id(prefix, *keys[-1], str(counter))) in taken:
        counter += 1
    return value


def visit_keys(traveler: str, host: str, month: str) -> list[str]:
    """Return the content a visit ID rests on."""
    return ["visit", traveler, host, month]


def meeting_keys(participants: Sequence[str], mode: str, month: str) -> list[str]:
    """Return the content a meeting ID rests on."""
    return ["meeting", *sorted(set(participants)), mode, month]


def statement_keys(speaker: str, text: str) -> list[str]:
    """Return the content a statement ID rests on."""
    return ["statement", speaker, first_words(text)]
