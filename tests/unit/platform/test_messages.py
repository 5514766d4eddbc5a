"""Server-side messages: the en/es catalogues have the same keys, every one filled in, with the same
placeholders; every message template renders in both languages with sample data (a missing key or
parameter fails the render); HTML escapes what it is given and plain text does not."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from jinja2 import UndefinedError

from tend.core.enums import AppointmentStatus, Locale
from tend.domain.platform.messaging import LANGUAGES, MessageLocale, MissingMessage, render_message
from tend.domain.platform.messaging.catalogues import read_catalogue, translated
from tend.domain.platform.messaging.rendering import environment, message_names

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
LIMA_ES = MessageLocale.of("es", "PE", "America/Lima")
EVENING_IN_LIMA = datetime(2026, 12, 15, 21, 0, tzinfo=UTC)  # Tuesday 16:00 in Lima

# Sample parameters of every message: a message without a sample here fails the first test below.
SAMPLES: dict[str, dict[str, Any]] = {
    "welcome": {"name": "Ana", "practice_name": "Psicotrec", "sign_in_url": "https://tend.example/login"},
    "no_show_fee": {
        "name": "Ana",
        "practice_name": "Psicotrec",
        "practitioner_name": "Dra. Carmen",
        "starts_at": EVENING_IN_LIMA,
        "fee_minor": 5000,
        "currency": "PEN",
    },
}


def test_the_catalogues_speak_the_same_languages_as_users() -> None:
    assert set(LANGUAGES) == {locale.value for locale in Locale}


def test_every_key_is_in_every_language_filled_in_with_the_same_placeholders() -> None:
    reference = read_catalogue("en")
    keys = {message.id for message in reference if message.id}
    for language in LANGUAGES:
        catalog = read_catalogue(language)
        assert {message.id for message in catalog if message.id} == keys, language
        usable = translated(catalog)
        assert set(usable) == keys, f"{language}: empty or fuzzy: {sorted(keys - set(usable))}"
        for key in keys:
            english, text = str(translated(reference)[key]), str(usable[key])
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(english)), (language, key)
            assert "%" not in PLACEHOLDER.sub("", text.replace("%%", "")), (language, key)


def test_every_session_status_has_words_in_every_language() -> None:
    for language in LANGUAGES:
        usable = translated(read_catalogue(language))
        assert {f"appointment.status.{status.value}" for status in AppointmentStatus} <= set(usable)


def test_every_message_has_sample_data() -> None:
    assert set(SAMPLES) == set(message_names())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_message_renders_in_every_language(name: str, language: str) -> None:
    message = render_message(name, MessageLocale.of(language, "PE", "America/Lima"), **SAMPLES[name])
    assert message.subject and "\n" not in message.subject
    for body in (message.subject, message.text, message.html):
        assert "%(" not in body and "{{" not in body and "{%" not in body
    assert "Psicotrec" in message.text and "Psicotrec" in message.html
    assert f'<html lang="{language}-PE">' in message.html


def test_a_missing_parameter_fails_the_render() -> None:
    with pytest.raises(UndefinedError, match="sign_in_url"):
        render_message("welcome", LIMA_ES, name="Ana", practice_name="Psicotrec")


def test_a_missing_key_fails_the_render() -> None:
    with pytest.raises(MissingMessage, match=r"welcome\.nope"):
        environment(LIMA_ES).from_string('{{ _("welcome.nope") }}').render()


def test_html_escapes_what_it_is_given_and_plain_text_keeps_it() -> None:
    hostile = {**SAMPLES["welcome"], "name": "<b>Ana</b> & co"}
    message = render_message("welcome", LIMA_ES, **hostile)
    assert "Hola, &lt;b&gt;Ana&lt;/b&gt; &amp; co:" in message.html and "<b>Ana" not in message.html
    assert "Hola, <b>Ana</b> & co:" in message.text


def test_a_spanish_message_shows_lima_s_local_time_and_soles() -> None:
    message = render_message("no_show_fee", LIMA_ES, **SAMPLES["no_show_fee"])
    assert message.subject == "Inasistencia a su sesión del 15 de diciembre de 2026"
    assert "Su sesión del martes, 15 de diciembre de 2026, 16:00 con Dra. Carmen" in message.text
    assert "se cargó a su cuenta S/\u00a050.00 por inasistencia" in message.text
    english = render_message(
        "no_show_fee", MessageLocale.of("en", "PE", "America/Lima"), **SAMPLES["no_show_fee"]
    )
    assert "Tuesday, December 15, 2026 at 4:00\u202fPM" in english.text and "S/\u00a050.00" in english.text
