"""The ledger's own memos: every code reads in every language, typed words stay as typed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tend.core.enums import AppointmentStatus, MemoCode
from tend.domain.ledger import memos
from tend.domain.platform.messaging import LANGUAGES, MessageLocale, translate

ROOT = Path(__file__).resolve().parents[2]

SAMPLE_PARAMS = {MemoCode.session_marked: {"status": "no_show"}}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", list(MemoCode))
def test_every_memo_code_reads_in_every_language(code: MemoCode, language: str) -> None:
    text = memos.render(MessageLocale(language), code, SAMPLE_PARAMS.get(code, {}), None)
    assert text and code.value not in text and "%(" not in text


def test_a_reversal_names_the_status_in_the_reader_s_words() -> None:
    marked = memos.session_marked(AppointmentStatus.late_cancelled)
    assert (marked.code, marked.stored_params) == (MemoCode.session_marked, {"status": "late_cancelled"})
    spanish = memos.render(MessageLocale("es"), marked.code, marked.stored_params, marked.text)
    assert spanish == "Sesión marcada: Cancelación tardía"


def test_typed_words_are_kept_as_typed() -> None:
    typed = memos.Memo.of("Pagó de más")
    assert typed.entry_fields() == {"memo": "Pagó de más", "memo_code": None, "memo_params": None}
    assert memos.render(MessageLocale("es"), None, None, "Pagó de más") == "Pagó de más"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_spa_says_the_ledger_s_own_words_as_the_server_does(language: str) -> None:
    """The SPA reads `memo_code` from its own catalogue (frontend/src/i18n/locales/<language>/ledger.ts)."""
    source = (ROOT / "frontend" / "src" / "i18n" / "locales" / language / "ledger.ts").read_text()
    block = re.search(r"\n  memos: \{\n(.*?)\n  \},", source, re.DOTALL)
    assert block is not None, "the SPA's ledger catalogue has a `memos` block"
    spa = dict(re.findall(r"^\s+(\w+): '(.*)',$", block.group(1), re.MULTILINE))
    assert set(spa) == {code.value for code in MemoCode}
    for code in MemoCode:
        server = translate(MessageLocale(language), f"ledger.memo.{code.value}", status="{{status}}")
        assert spa[code.value] == server, code
