"""Text normalisation shared by matching and scoring."""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into a base letter plus a mark.
_LETTERS = str.maketrans({"ı": "i", "İ": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"})
# Romanisations of one name differ mostly in word-final -y/-i clusters (Dmitriy/Dmitry,
# Sergei/Sergey, Zelenskyy/Zelensky, Yuriy/Yuri): fold them all to -i.
_FINAL_YI = re.compile(r"(?:iy|yy|ii|yi|y|i)\b")
_NON_WORD = re.compile(r"[^\w]+")
# Letters str.lower() keeps apart from i and s although case-insensitive regexes equate them.
_REGEX_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def strip_accents(text: str) -> str:
    """Return `text` without diacritics (Erdoğan -> Erdogan, Türkiye -> Turkiye)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(name: str) -> str:
    """Return the matching key of a name: case, diacritics, punctuation and transliteration folded."""
    text = strip_accents(name).casefold().replace("'", "").replace("’", "")
    text = _NON_WORD.sub(" ", text).strip().replace("dj", "d")  # Serbo-Croatian Đ is written Dj or D (Đurić, Djuric)
    return _FINAL_YI.sub("i", text)


def slug(name: str) -> str:
    """Return a lowercase ASCII identifier for a name (Recep Tayyip Erdoğan -> recep-tayyip-erdogan)."""
    text = strip_accents(name).casefold().replace("'", "").replace("’", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def casefree(text: str) -> str:
    """Return `text` lower-cased as re.IGNORECASE compares letters, with every offset kept.

    A lower-case pattern matches the result wherever it matches `text` case-insensitively, so
    cheap case-sensitive checks on it can decide when a slow case-insensitive scan is needless.
    """
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_REGEX_CASE)
    return text.lower()
