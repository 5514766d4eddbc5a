from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tend.core.text import digits, fold, search_terms


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Muñoz", "munoz"),
        ("  José   ÁLVAREZ ", "jose alvarez"),
        ("Ñahui Zúñiga", "nahui zuniga"),
        ("Ibáñez-Céspedes", "ibanez-cespedes"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_drops_case_and_accents(raw: str | None, folded: str) -> None:
    assert fold(raw) == folded


def test_search_terms_and_digits() -> None:
    assert search_terms("  José  MUÑOZ ") == ["jose", "munoz"]
    assert digits("+51 (987) 111-222") == "51987111222"


@given(st.text())
def test_fold_is_idempotent_and_never_grows_case(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert once == once.casefold()
