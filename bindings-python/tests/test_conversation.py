"""redact_conversation and find_conversation."""

from __future__ import annotations

import pytest

import pci_redact
from conftest import MASTERCARD, VISA_SPACED


def test_per_message_output(r: pci_redact.Redactor) -> None:
    messages = [
        ("agent", "Hi, how can I help?"),
        ("customer", f"😀 my card is {VISA_SPACED}"),
        ("agent", "Thanks."),
    ]
    out = r.redact_conversation(messages)
    assert out == ["Hi, how can I help?", "😀 my card is **** **** **** 1111", "Thanks."]
    found = r.find_conversation(messages)
    assert [len(f) for f in found] == [0, 1, 0]
    [f] = found[1]
    assert messages[1][1][f.start : f.end] == VISA_SPACED


def test_a_message_alone_is_redacted_as_in_redact(r: pci_redact.Redactor) -> None:
    text = f"中文 card {MASTERCARD} ok"
    assert r.redact_conversation([("customer", text)]) == [r.redact(text)]
    assert r.find_conversation([("customer", text)]) == [r.find(text)]


def test_card_split_over_two_messages(r: pci_redact.Redactor) -> None:
    messages = [("customer", "my card is 4111 1111"), ("customer", "1111 1111")]
    out = r.redact_conversation(messages)
    assert "4111 1111" not in out[0]
    assert out[1] == "**** 1111"


def test_pairs_may_be_lists(r: pci_redact.Redactor) -> None:
    messages = [["customer", f"card {VISA_SPACED}"]]
    assert r.redact_conversation(messages) == ["card **** **** **** 1111"]  # type: ignore[arg-type]


def test_empty_conversation(r: pci_redact.Redactor) -> None:
    assert r.redact_conversation([]) == []
    assert r.find_conversation([]) == []


@pytest.mark.parametrize("bad", [["just text"], [("a", "b", "c")], [("a", 1)], [None]])
def test_bad_messages(r: pci_redact.Redactor, bad: list[object]) -> None:
    with pytest.raises(TypeError, match=r"messages\[0\]"):
        r.redact_conversation(bad)  # type: ignore[arg-type]
