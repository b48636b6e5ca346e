"""str indices agree with the core's byte offsets for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import pci_redact
from conftest import MASTERCARD, VISA, VISA_SPACED, char_span

R = pci_redact.Redactor()

NON_ASCII = ["😀", "👩‍💻", "中", "文", "ü", "é", "\u0301", "Ω", "𝔘", "\u00a0", "\u200b", "ß", "🇫🇷"]
pieces = st.sampled_from([*NON_ASCII, VISA, VISA_SPACED, MASTERCARD, " ", "card ", "cvv 123 "])
texts = st.lists(pieces, max_size=30).map("".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_str_indices_match_byte_offsets(text: str) -> None:
    by_str = R.find(text)
    by_bytes = R.find_bytes(text.encode("utf-8"))
    assert len(by_str) == len(by_bytes)
    for s, b in zip(by_str, by_bytes, strict=True):
        assert (s.start, s.end) == char_span(text, [b.start, b.end])
        assert (s.kind, s.brand, s.last4, s.confidence, s.spoken) == (
            b.kind,
            b.brand,
            b.last4,
            b.confidence,
            b.spoken,
        )
        assert text[s.start : s.end].encode() == text.encode()[b.start : b.end]


@settings(max_examples=200, deadline=None)
@given(prefix=st.lists(st.sampled_from(NON_ASCII), max_size=40).map("".join))
def test_card_after_any_non_ascii_prefix(prefix: str) -> None:
    text = f"{prefix} {VISA_SPACED} {prefix}"
    [f] = R.find(text)
    assert f.start == len(prefix) + 1
    assert text[f.start : f.end] == VISA_SPACED
