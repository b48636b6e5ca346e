"""Shared helpers for the pci_redact tests."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import pci_redact

#: The shared test corpus at the repository root.
TESTDATA = Path(__file__).resolve().parents[2] / "testdata"

#: Published test card numbers (never real cards).
VISA = "4111111111111111"
VISA_SPACED = "4111 1111 1111 1111"
MASTERCARD = "5555555555554444"
AMEX = "378282246310005"


def load_corpus() -> list[tuple[str, dict[str, Any]]]:
    """Every [[test]] of every testdata/*.toml, as (file:name, case)."""
    cases = []
    for path in sorted(TESTDATA.glob("*.toml")):
        with path.open("rb") as f:
            doc = tomllib.load(f)
        for case in doc.get("test", []):
            cases.append((f"{path.stem}:{case['name']}", case))
    return cases


def char_span(text: str, span: list[int]) -> tuple[int, int]:
    """A byte span of text's UTF-8 encoding as str indices (the slow,
    obvious way: decode the prefix and count)."""
    b = text.encode("utf-8")
    start = len(b[: span[0]].decode("utf-8"))
    end = len(b[: span[1]].decode("utf-8"))
    return start, end


@pytest.fixture(scope="session")
def r() -> pci_redact.Redactor:
    """One default Redactor for the session."""
    return pci_redact.Redactor()
