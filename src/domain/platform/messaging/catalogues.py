"""The en/es message catalogues: gettext `.po` files under `locales/`, read (and compiled in memory) the first
time a language is used, so the build has no compile step. Keys are dotted names ("welcome.subject"), not
English sentences, so English is a translation like any other and a key missing in any language is an
error, never a silent fallback; placeholders are Python's `%(name)s`."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES = ("en", "es")  # the core Locale enum's values; en.po is the reference for keys


class MissingMessage(KeyError):
    """A key that the language's catalogue lacks (or leaves empty, or marks fuzzy)."""


def read_catalogue(language: str) -> Catalog:
    with (LOCALES_DIR / f"{language}.po").open("rb") as po:
        return read_po(po, locale=language)


def translated(catalog: Catalog) -> Mapping[str, str | tuple[str, ...]]:
    """Every usable message of a catalogue by key: translated (not empty, not fuzzy)."""
    found: dict[str, str | tuple[str, ...]] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        key = str(message.id if isinstance(message.id, str) else message.id[0])
        text = tuple(message.string) if isinstance(message.string, (tuple, list)) else message.string
        if text and all(text if isinstance(text, tuple) else (text,)):
            found[key] = text
    return found


@dataclass(frozen=True)
class Catalogue:
    language: str
    keys: frozenset[str]
    translations: Translations

    def gettext(self, key: str) -> str:
        if key not in self.keys:
            raise MissingMessage(f"no {self.language!r} message {key!r}")
        return self.translations.gettext(key)

    def ngettext(self, key: str, plural_key: str, count: int) -> str:
        if key not in self.keys:
            raise MissingMessage(f"no {self.language!r} message {key!r}")
        return self.translations.ngettext(key, plural_key, count)

    def text(self, key: str, /, **params: object) -> str:
        """The message with its placeholders filled: `text("email.greeting", name="Ana")`."""
        return self.gettext(key) % params


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str) -> Catalogue:
    catalog = read_catalogue(language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Catalogue(language, frozenset(translated(catalog)), Translations(compiled))
