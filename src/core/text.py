"""Text folding for search and sorting: case- and accent-insensitive, the same on every database."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """'  Muñoz  ÁLVAREZ ' -> 'munoz alvarez': NFKD, combining marks dropped, case-folded, spaces squeezed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def digits(text: str | None) -> str:
    return "".join(ch for ch in text or "" if ch.isdigit())


def search_terms(query: str) -> list[str]:
    return [term for term in fold(query).split(" ") if term]
