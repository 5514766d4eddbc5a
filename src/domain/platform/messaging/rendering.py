"""Messages from Jinja2 templates: a plain-text and an autoescaped HTML body plus a subject, in the reader's
language, with dates, times, numbers and money written by `formatting` in the reader's locale and zone.

A message is a folder under `templates/` (`welcome/subject.txt`, `body.txt`, `body.html`); its words come
from the catalogues through `_("key", name=...)`, so a missing key (MissingMessage) or a missing parameter
(StrictUndefined) fails the render instead of sending a message with a hole in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from tend.domain.platform.messaging import formatting
from tend.domain.platform.messaging.catalogues import catalogue
from tend.domain.platform.messaging.formatting import MessageLocale

TEMPLATES_DIR = Path(__file__).parent / "templates"
PARTS = ("subject.txt", "body.txt", "body.html")


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    text: str
    html: str


def message_names() -> list[str]:
    """Every message there is: a folder of templates (shared layouts start with "_")."""
    return sorted(p.name for p in TEMPLATES_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def _filters(locale: MessageLocale) -> dict[str, Callable[..., str]]:
    def money(amount_minor: int, currency: str) -> str:
        return formatting.format_money(amount_minor, currency, locale)

    def local_date(day: date | datetime, style: str = "long") -> str:
        return formatting.format_date(day, locale, style)

    def local_datetime(instant: datetime) -> str:
        return formatting.format_datetime(instant, locale)

    def local_time(instant: datetime) -> str:
        return formatting.format_time(instant, locale)

    def number(value: int | Decimal) -> str:
        return formatting.format_number(value, locale)

    return {
        "money": money,
        "date": local_date,
        "datetime": local_datetime,
        "time": local_time,
        "number": number,
    }


@lru_cache(maxsize=32)
def environment(locale: MessageLocale) -> Environment:
    """One environment per reader locale (language, country, zone): its catalogue and formatting filters
    are bound once, and its compiled templates are cached with it."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    words = catalogue(locale.language)
    env.install_gettext_callables(words.gettext, words.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(_filters(locale))
    env.globals["locale"] = locale
    return env


def render_message(name: str, locale: MessageLocale, /, **params: Any) -> RenderedMessage:
    """The message `name` for a reader in `locale`. `params` are what it shows (names, UTC instants,
    amounts in minor units with their currency), already read by the job that sends it."""
    env = environment(locale)
    subject = env.get_template(f"{name}/subject.txt").render(params)
    return RenderedMessage(
        subject=" ".join(subject.split()),  # one line, whatever the template's whitespace: it is a header
        text=env.get_template(f"{name}/body.txt").render(params),
        html=env.get_template(f"{name}/body.html").render(params),
    )


def translate(locale: MessageLocale, key: str, /, **params: object) -> str:
    """One catalogue message with its placeholders filled (a memo, a label), outside any template."""
    return catalogue(locale.language).text(key, **params)
