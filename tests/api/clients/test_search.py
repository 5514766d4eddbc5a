"""Searching clients over HTTP: every word of the search narrows, and a word finds the start of a name, an
e-mail or an ID, so a picker's results are the people the search names."""

from __future__ import annotations

from typing import Any

from tests.api.helpers import client_record

CLIENTS = "/api/v1/clients"


async def _found(user: Any, query: str) -> list[str]:
    response = await user.get(CLIENTS, params={"q": query})
    assert response.status_code == 200, response.text
    return [f"{c['first_name']} {c['last_name']}" for c in response.json()["items"]]


async def test_each_word_narrows_by_the_start_of_a_name_not_a_letter_inside_one(client_as: Any) -> None:
    desk = await client_as("front_desk")
    await client_record(desk, "Sofía", "Córdova Álvarez", email="sofia.cordova115@correo.example")
    await client_record(desk, "Sofía", "Córdova Díaz", email="sofia.cordova127@correo.example")
    await client_record(desk, "Ana", "García-López")

    assert await _found(desk, "sofia cordova") == ["Sofía Córdova Álvarez", "Sofía Córdova Díaz"]
    # "d" is inside "Córdova" and the e-mails: only Díaz starts with it.
    assert await _found(desk, "sofia cordova d") == ["Sofía Córdova Díaz"]
    assert await _found(desk, "SOFÍA CÓRDOVA DÍ") == ["Sofía Córdova Díaz"]
    assert await _found(desk, "díaz sofía") == ["Sofía Córdova Díaz"]  # in any order
    assert await _found(desk, "sofia cordova x") == []
    assert await _found(desk, "ordova") == []  # the middle of a name is not the start of one
    assert await _found(desk, "lopez") == ["Ana García-López"]  # either half of a hyphenated name


async def test_email_id_and_phone_are_still_found_by_their_parts(client_as: Any) -> None:
    desk = await client_as("front_desk")
    await client_record(
        desk,
        "José",
        "Muñoz",
        email="pepe.munoz@correo.example",
        phone="+51 987 111 222",
        id_number="DNI 45678912",
    )
    await client_record(desk, "Ana", "Ríos", email="ana@otro.example")

    assert await _found(desk, "pepe.munoz@correo.example") == ["José Muñoz"]  # the whole address
    assert await _found(desk, "correo") == ["José Muñoz"]  # the domain starts a part of the address
    assert await _found(desk, "987111") == ["José Muñoz"]  # phone digits anywhere
    assert await _found(desk, "111222") == ["José Muñoz"]  # the end of the number
    assert await _found(desk, "5678") == ["José Muñoz"]  # part of the ID
    assert await _found(desk, "dni") == ["José Muñoz"]
    assert await _found(desk, "a") == ["Ana Ríos"]  # "a" starts Ana, not "Muñoz" or "pepe.munoz"
    assert await _found(desk, "100%_") == []  # LIKE wildcards are literal
    assert await _found(desk, "_") == []
