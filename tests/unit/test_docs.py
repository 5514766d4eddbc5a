"""The integrators' documentation keeps up with the code: every error code a client can receive has its row
in the "Every error code" tables of docs/api.md, so a code added to `ErrorCode` without a row fails here."""

from __future__ import annotations

from pathlib import Path

from tend.core.errors import ErrorCode

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _error_code_section() -> str:
    """The text of docs/api.md's "### Every error code", up to the next heading of its level or above."""
    text = API_DOC.read_text(encoding="utf-8")
    start = text.index("### Every error code")
    ends = [text.find(marker, start + 1) for marker in ("\n## ", "\n### ")]
    return text[start : min((end for end in ends if end != -1), default=len(text))]


def test_every_error_code_has_a_row_in_the_api_docs() -> None:
    lines = _error_code_section().splitlines()
    documented = {line.split("|")[1].strip() for line in lines if line.startswith("| `")}
    missing = [code.value for code in ErrorCode if f"`{code.value}`" not in documented]
    assert not missing, (
        "docs/api.md, 'Every error code': add a row (code, status, meaning and next step) for "
        + ", ".join(missing)
    )
