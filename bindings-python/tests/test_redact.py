"""One-shot redaction and finding: str and bytes, options, Finding."""

from __future__ import annotations

import pytest

import pci_redact
from conftest import AMEX, MASTERCARD, VISA, VISA_SPACED


def test_module_functions_use_the_default_policy(r: pci_redact.Redactor) -> None:
    text = f"card {VISA_SPACED}, cvv 123, exp 12/27"
    assert pci_redact.redact(text) == "card **** **** **** 1111, cvv ***, exp **/**"
    assert pci_redact.redact(text) == r.redact(text)
    assert pci_redact.find(text) == r.find(text)


def test_clean_text_is_returned_as_is(r: pci_redact.Redactor) -> None:
    text = "".join(["no numbers here, just words ", "and more"])
    assert r.redact(text) is text
    assert pci_redact.redact(text) is text
    data = b"nothing to see"
    assert r.redact_bytes(data) is data


def test_finding_fields(r: pci_redact.Redactor) -> None:
    text = f"pay with {VISA_SPACED} please"
    [f] = r.find(text)
    assert (f.kind, f.brand, f.last4, f.spoken) == ("card", "visa", "1111", False)
    assert text[f.start : f.end] == VISA_SPACED
    assert 0.0 < f.confidence <= 1.0
    assert isinstance(f.confidence, float)


def test_brands(r: pci_redact.Redactor) -> None:
    for number, brand in [(VISA, "visa"), (MASTERCARD, "mastercard"), (AMEX, "american-express")]:
        [f] = r.find(f"card {number}")
        assert f.brand == brand


def test_finding_repr_shows_no_digits(r: pci_redact.Redactor) -> None:
    [f] = r.find(f"card {MASTERCARD}")
    text = repr(f)
    assert text.startswith("Finding(kind='card', start=5, end=21, brand='mastercard'")
    assert "4444" not in text and "5555" not in text
    assert str(f) == text


def test_finding_is_frozen_and_comparable(r: pci_redact.Redactor) -> None:
    [f] = r.find(f"card {VISA}")
    with pytest.raises(AttributeError):
        f.kind = "ssn"  # type: ignore[misc]
    [g] = r.find(f"card {VISA}")
    assert f == g
    [h] = r.find(f"card  {VISA}")
    assert f != h
    with pytest.raises(TypeError):
        hash(f)


@pytest.mark.parametrize(
    "prefix",
    [
        "😀",  # astral: one code point, four UTF-8 bytes
        "👩‍💻 ",  # a ZWJ sequence: three code points
        "你好，我的卡号是 ",  # CJK and a full-width comma
        "Ünïcödé ",
        "e\u0301 ",  # a combining accent
        "\u200b",  # zero-width space
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ",
    ],
)
def test_offsets_after_non_ascii(r: pci_redact.Redactor, prefix: str) -> None:
    text = f"{prefix} {VISA_SPACED} 🎉 ok"
    [f] = r.find(text)
    assert f.start == len(prefix) + 1
    assert text[f.start : f.end] == VISA_SPACED
    # The bytes API counts bytes instead.
    [g] = r.find_bytes(text.encode())
    assert g.start == len(prefix.encode()) + 1
    assert text.encode()[g.start : g.end] == VISA_SPACED.encode()
    assert r.redact(text) == f"{prefix} **** **** **** 1111 🎉 ok"


def test_offsets_of_several_findings(r: pci_redact.Redactor) -> None:
    text = f"😀 {VISA} 中文 {MASTERCARD} ünï {AMEX}"
    found = r.find(text)
    assert [text[f.start : f.end] for f in found] == [VISA, MASTERCARD, AMEX]
    assert [f.start for f in found] == sorted(f.start for f in found)


def test_kinds_option() -> None:
    text = f"card {VISA}, ssn 123-45-6789"
    only_ssn = pci_redact.Redactor(kinds=["ssn"])
    assert [f.kind for f in only_ssn.find(text)] == ["ssn"]
    assert VISA in only_ssn.redact(text)
    both = pci_redact.Redactor(kinds={"card", "ssn"})
    assert sorted(f.kind for f in both.find(text)) == ["card", "ssn"]
    assert pci_redact.Redactor(kinds=[]).redact(text) is text


def test_mask_styles() -> None:
    text = f"card {VISA_SPACED}."
    cases = {
        "full": "card **** **** **** ****.",
        "last4": "card **** **** **** 1111.",
        "last2": "card **** **** **** **11.",
        "first6last4": "card 4111 11** **** 1111.",
        "remove": "card .",
    }
    for style, want in cases.items():
        assert pci_redact.Redactor(mask={"card": style}).redact(text) == want, style


def test_mask_char() -> None:
    r = pci_redact.Redactor(mask_char="#")
    assert r.redact(f"card {VISA_SPACED}") == "card #### #### #### 1111"
    r = pci_redact.Redactor(mask_char="•")
    assert r.redact(f"card {VISA}") == "card ••••••••••••1111"


def test_label_str_and_dict() -> None:
    r = pci_redact.Redactor(label="[{KIND} {brand}]")
    assert r.redact(f"use {MASTERCARD} now") == "use [CARD mastercard] now"
    r = pci_redact.Redactor(label={"ssn": "<{kind}>"})
    assert r.redact("ssn 123-45-6789") == "ssn <ssn>"


def test_label_with_last4() -> None:
    r = pci_redact.Redactor(label="[CARD {brand} ending {last4}]")
    assert r.redact(f"use {MASTERCARD}") == "use [CARD mastercard ending 4444]"


def test_token_is_keyed_and_deterministic() -> None:
    a = pci_redact.Redactor(mask={"card": "token"}, token_key=b"key one")
    a2 = pci_redact.Redactor(mask={"card": "token"}, token_key="key one")
    b = pci_redact.Redactor(mask={"card": "token"}, token_key=b"key two")
    text = f"card {VISA}"
    ta, tb = a.redact(text), b.redact(text)
    assert ta.startswith("card tok_") and VISA not in ta
    assert a.redact(text) == ta == a2.redact(text)
    assert ta != tb
    assert a.redact(f"card {MASTERCARD}") != ta


def test_spoken_option() -> None:
    text = "it's four one one one one one one one one one one one one one one one"
    [f] = pci_redact.Redactor().find(text)
    assert f.kind == "card" and f.spoken
    assert pci_redact.Redactor(spoken=False).find(text) == []


def test_bytes_with_invalid_utf8(r: pci_redact.Redactor) -> None:
    data = b"\xff\xfe card " + VISA.encode() + b" \xc3"
    out = r.redact_bytes(data)
    assert out == b"\xff\xfe card ************1111 \xc3"
    [f] = r.find_bytes(data)
    assert data[f.start : f.end] == VISA.encode()
    assert r.redact_bytes(bytearray(data)) == out
    assert r.find_bytes(bytearray(data)) == [f]


def test_argument_types(r: pci_redact.Redactor) -> None:
    with pytest.raises(TypeError):
        r.redact(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        r.redact_bytes("str")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        r.find(None)  # type: ignore[arg-type]
    with pytest.raises(UnicodeEncodeError):
        r.redact("lone surrogate \ud800")


def test_repr_of_redactor() -> None:
    r = pci_redact.Redactor(kinds=["card"], mask={"card": "token"}, token_key=b"secret")
    text = repr(r)
    assert text.startswith("Redactor(kinds=['card'], mask={'card': 'token'")
    assert "secret" not in text
