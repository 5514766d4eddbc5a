"""Text folding for search and sorting: case- and accent-insensitive, the same on every database."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Invisible characters: never part of a search, stripped from names (BOM, zero-width space, word joiner).
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_STRIPPED_FROM_NAMES = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))
# Bidirectional controls (embeddings, overrides, isolates, marks): they can make a name display as
# something else ("RTL override" spoofing), and no name needs them.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class BadText(ValueError):
    """A text a person typed cannot be stored as it is; `empty` says whether nothing visible was left."""

    def __init__(self, message: str, *, empty: bool = False) -> None:
        super().__init__(message)
        self.empty = empty


def clean_name(text: str) -> str:
    """A name as stored: NFC, one line, no control or bidi characters, invisible ones stripped, spaces
    squeezed. Raises BadText for control or bidi characters, or when nothing visible is left."""
    normalized = unicodedata.normalize("NFC", text).translate(_STRIPPED_FROM_NAMES)
    for ch in normalized:
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
            raise BadText("Names cannot contain control or text-direction characters.")
    cleaned = _SPACES.sub(" ", normalized).strip()
    if not cleaned.translate(_ZERO_WIDTH).strip():
        raise BadText("Enter a name.", empty=True)
    return cleaned


def fold(text: str | None) -> str:
    """'  Muñoz  ÁLVAREZ ' -> 'munoz alvarez': NFKD, combining marks dropped, case-folded, spaces squeezed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text).translate(_ZERO_WIDTH)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def search_terms(query: str) -> list[str]:
    return [term for term in fold(query).split(" ") if term]
