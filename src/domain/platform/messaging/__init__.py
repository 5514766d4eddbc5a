"""Messages in the reader's language: en/es catalogues, Jinja2 templates (plain text + autoescaped HTML) and
Babel formatting of dates, times, numbers and money. docs/languages.md says how to add a message or a
language."""

from tend.domain.platform.messaging.catalogues import LANGUAGES, MissingMessage
from tend.domain.platform.messaging.formatting import (
    MessageLocale,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_time,
)
from tend.domain.platform.messaging.rendering import RenderedMessage, render_message, translate

__all__ = [
    "LANGUAGES",
    "MessageLocale",
    "MissingMessage",
    "RenderedMessage",
    "format_date",
    "format_datetime",
    "format_money",
    "format_number",
    "format_time",
    "render_message",
    "translate",
]
