"""Field mode: the value of a named field (a JSON key, a column name) read
with the name as context, alone and over many values or an Arrow column."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pci_redact
from conftest import MASTERCARD, VISA, VISA_SPACED

#: (field name, value, kind found in the value, masked value): numbers
#: that are of no kind alone and that the name says what they are.
NAMED = [
    ("cvv", "123", "cvv", "***"),
    ("card.cvc", "1234", "cvv", "****"),
    ("securityCode", "737", "cvv", "***"),
    ("exp_month", "08", "expiry", "**"),
    ("expYear", "2029", "expiry", "****"),
    ("ssn", "078051120", "ssn", "*********"),
    ("pin", "4821", "pin", "****"),
]

#: Values of fields whose names say nothing about card data.
OTHER = [
    ("quantity", "123"),
    ("order_id", "12345678"),
    ("zip", "94107"),
    ("month", "08"),
    ("amount", "12.27"),
    ("", "123"),
]


@pytest.mark.parametrize(("name", "value", "kind", "masked"), NAMED)
def test_the_name_says_what_a_lone_number_is(
    r: pci_redact.Redactor, name: str, value: str, kind: str, masked: str
) -> None:
    # Alone, the value is a number of no kind.
    assert r.find(value) == []
    assert r.redact(value) is value
    [f] = r.find_field(name, value)
    assert (f.kind, f.start, f.end) == (kind, 0, len(value))
    assert (f.brand, f.last4) == (None, None)
    assert r.redact_field(name, value) == masked
    # The module-level functions use the default policy.
    assert pci_redact.find_field(name, value) == [f]
    assert pci_redact.redact_field(name, value) == masked


@pytest.mark.parametrize(("name", "value"), OTHER)
def test_other_names_add_nothing(r: pci_redact.Redactor, name: str, value: str) -> None:
    assert r.find_field(name, value) == []
    # Nothing to mask: the very same object comes back.
    assert r.redact_field(name, value) is value
    assert pci_redact.redact_field(name, value) is value


def test_a_card_under_any_name_is_still_masked(r: pci_redact.Redactor) -> None:
    # In text, "order" before an ungrouped number makes it an order number;
    # a field's value is read alone too, so the card is still found.
    for name in ("order_id", "quantity", "note", ""):
        [f] = r.find_field(name, VISA)
        assert (f.kind, f.brand, f.last4) == ("card", "visa", "1111")
        assert r.redact_field(name, VISA) == "************1111"
    assert r.redact_field("comment", f"card {VISA_SPACED}") == "card **** **** **** 1111"


def test_findings_of_both_readings_in_order(r: pci_redact.Redactor) -> None:
    text = f"123 or card {MASTERCARD}"
    found = r.find_field("cvv", text)
    assert [f.kind for f in found] == ["cvv", "card"]
    assert [text[f.start : f.end] for f in found] == ["123", MASTERCARD]
    assert r.redact_field("cvv", text) == "*** or card ************4444"
    # Alone, only the card.
    assert [f.kind for f in r.find(text)] == ["card"]


def test_nothing_in_the_name_is_read_as_a_number(r: pci_redact.Redactor) -> None:
    # Digits in the name do not join the value's digits.
    for name in ("cvv2", "4111 1111 1111", "field_41111111"):
        for f in r.find_field(name, "0 1234"):
            assert f.start >= 2, name
    assert r.find_field("4111 1111 1111", "1111") == []
    # A long name: its end is what is read.
    assert [f.kind for f in r.find_field("x." * 500 + "cvv", "123")] == ["cvv"]


@pytest.mark.parametrize("prefix", ["é ", "😀 ", "中文 ", "👩‍💻 ", "e\u0301 "])
def test_offsets_are_code_point_indices(r: pci_redact.Redactor, prefix: str) -> None:
    text = f"{prefix}123"
    [f] = r.find_field("cvv", text)
    assert f.kind == "cvv"
    assert f.start == len(prefix) < len(prefix.encode())
    assert text[f.start : f.end] == "123"
    assert r.redact_field("cvv", text) == f"{prefix}***"
    [g] = r.find_field("order_id", f"{prefix}{VISA}")
    assert (g.start, g.end) == (len(prefix), len(prefix) + len(VISA))


def test_options_apply_in_field_mode() -> None:
    labels = pci_redact.Redactor(label={"cvv": "[CVV]", "expiry": "[EXP]"}, mask_char="#")
    assert labels.redact_field("cvv", "123") == "[CVV]"
    assert labels.redact_field("exp_month", "08") == "[EXP]"
    assert labels.redact_field("pin", "4821") == "####"
    no_cvv = pci_redact.Redactor(kinds=["card", "ssn"])
    assert no_cvv.find_field("cvv", "123") == []
    assert [f.kind for f in no_cvv.find_field("ssn", "078051120")] == ["ssn"]


TEXTS: list[str | None] = [
    "123",
    None,
    "",
    "é 737",
    VISA,
    "nothing to see",
    f"card {VISA_SPACED}",
    "12/27",
]


@pytest.mark.parametrize("name", ["cvv", "exp_month", "quantity"])
@pytest.mark.parametrize("threads", [1, 2, None])
def test_many_with_a_field_equals_one_by_one(
    r: pci_redact.Redactor, name: str, threads: int | None
) -> None:
    texts = TEXTS * 200
    want = [None if t is None else r.redact_field(name, t) for t in texts]
    assert r.redact_many(texts, threads, field=name) == want
    found = [None if t is None else r.find_field(name, t) for t in texts]
    assert r.find_many(texts, threads, field=name) == found


def test_many_without_a_field_is_free_text(r: pci_redact.Redactor) -> None:
    assert r.redact_many(TEXTS, field="cvv")[0] == "***"
    assert r.redact_many(TEXTS)[0] == "123"
    assert r.redact_many(TEXTS, field=None) == r.redact_many(TEXTS)
    assert r.find_many(TEXTS, field=None) == r.find_many(TEXTS)
    # Unchanged values are the very same objects in field mode too.
    clean = [f"clean {i}x" for i in range(300)]
    out = r.redact_many(clean, threads=2, field="cvv")
    assert all(a is b for a, b in zip(out, clean, strict=True))


def test_arrow_columns_with_a_field(r: pci_redact.Redactor) -> None:
    pa = pytest.importorskip("pyarrow")
    for type_name in ("string", "large_string", "string_view"):
        a = pa.array(TEXTS, getattr(pa, type_name)())
        out = r.redact_arrow(a, field="cvv")
        assert out.type == a.type
        assert out.to_pylist() == r.redact_many(TEXTS, field="cvv")
        assert out.to_pylist()[0] == "***"
        assert pci_redact.redact_arrow(a, field="cvv").to_pylist() == out.to_pylist()
        table = r.find_arrow(a, threads=2, field="cvv")
        want = [
            (i, f.kind, f.start, f.end)
            for i, fs in enumerate(r.find_many(TEXTS, field="cvv"))
            for f in fs or []
        ]
        got = [(h["row"], h["kind"], h["start"], h["end"]) for h in table.to_pylist()]
        assert got == want
        assert (3, "cvv", 2, 5) in got
        assert pci_redact.find_arrow(a, field="cvv").to_pylist() == table.to_pylist()
    # A column with nothing to mask under its name comes back as it was.
    clean = pa.array(["123", None])
    assert r.redact_arrow(clean, field="quantity").to_pylist() == ["123", None]


@pytest.mark.parametrize(
    ("call", "args"),
    [
        ("redact_field", (1, "123")),
        ("redact_field", ("cvv", 123)),
        ("redact_field", (None, "123")),
        ("redact_field", ("cvv", b"123")),
        ("find_field", (b"cvv", "123")),
        ("find_field", ("cvv", None)),
    ],
)
def test_wrong_argument_types(r: pci_redact.Redactor, call: str, args: tuple[Any, ...]) -> None:
    with pytest.raises(TypeError):
        getattr(r, call)(*args)
    with pytest.raises(TypeError):
        getattr(pci_redact, call)(*args)


def test_field_is_a_keyword_only_str(r: pci_redact.Redactor) -> None:
    with pytest.raises(TypeError):
        r.redact_many(["123"], 1, "cvv")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        r.find_many(["123"], 1, "cvv")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        r.redact_many(["123"], field=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        r.find_many(["123"], field=b"cvv")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        r.redact_field("cvv")  # type: ignore[call-arg]


names = st.sampled_from(["cvv", "exp_month", "ssn", "pin", "order_id", "note", ""]) | st.text(
    max_size=80
)
pieces = st.sampled_from(["😀", "é", " ", "123", "08", "card ", VISA, VISA_SPACED, MASTERCARD])
values = st.lists(pieces, max_size=10).map("".join) | st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(name=names, value=values)
def test_the_name_only_adds_findings(name: str, value: str) -> None:
    r = pci_redact.Redactor()
    named = r.find_field(name, value)
    # Every finding of the value alone is covered by one read with the name.
    for f in r.find(value):
        assert any(g.start < f.end and f.start < g.end for g in named)
    # In order, without overlaps, within the value.
    assert all(a.end <= b.start for a, b in zip(named, named[1:]))
    assert all(0 <= g.start < g.end <= len(value) for g in named)
    assert r.redact_many([value], field=name) == [r.redact_field(name, value)]
