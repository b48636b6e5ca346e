"""Bad options raise ConfigError naming the option; the exception
hierarchy is RedactError(ValueError) > ConfigError."""

from __future__ import annotations

from typing import Any

import pytest

import pci_redact


def test_hierarchy() -> None:
    assert issubclass(pci_redact.RedactError, ValueError)
    assert issubclass(pci_redact.ConfigError, pci_redact.RedactError)
    assert pci_redact.ConfigError.__module__ == "pci_redact"


@pytest.mark.parametrize(
    ("kwargs", "option", "needle"),
    [
        ({"kinds": ["card", "iban"]}, "kinds", "iban"),
        ({"mask": {"card": "bogus"}}, "mask", "bogus"),
        ({"mask": {"card": "last5"}}, "mask", "last5"),
        ({"mask": {"ssn": "first6last4"}}, "mask", "ssn"),
        ({"mask": {"passport": "full"}}, "kinds", "passport"),
        ({"label": "[{nope}]"}, "label", "{nope}"),
        ({"label": "[{kind]"}, "label", "{kind"),
        ({"mask": {"card": "token"}}, "token_key", "token"),
        ({"mask": {"card": "token"}, "token_key": b""}, "token_key", "token"),
        ({"mask_char": "7"}, "mask_char", "7"),
        ({"mask_char": "\n"}, "mask_char", "\\n"),
        ({"mask_char": ""}, "mask_char", "0 characters"),
        ({"mask_char": "**"}, "mask_char", "2 characters"),
        ({"mask": {"card": "full"}, "label": "[{kind}]"}, "label", "card"),
    ],
)
def test_bad_option(kwargs: dict[str, Any], option: str, needle: str) -> None:
    with pytest.raises(pci_redact.ConfigError) as info:
        pci_redact.Redactor(**kwargs)
    err = info.value
    assert err.option == option
    assert str(err).startswith(f"{option}: ")
    assert needle in str(err)
    # Catchable as the base classes too.
    assert isinstance(err, pci_redact.RedactError)
    assert isinstance(err, ValueError)


@pytest.mark.parametrize("threads", [0, -1])
def test_bad_threads(r: pci_redact.Redactor, threads: int) -> None:
    for method in (r.redact_many, r.find_many):
        with pytest.raises(pci_redact.ConfigError) as info:
            method(["x"], threads=threads)
        assert info.value.option == "threads"
        assert str(info.value).startswith("threads: ")


def test_unknown_and_positional_arguments() -> None:
    with pytest.raises(TypeError):
        pci_redact.Redactor(colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        pci_redact.Redactor(["card"])  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"kinds": "card"},  # a bare str is not a list of kinds
        {"kinds": [1]},
        {"mask": "full"},
        {"mask": {"card": 4}},
        {"label": 5},
        {"token_key": 5},
        {"spoken": "yes"},
    ],
)
def test_wrong_types(kwargs: dict[str, Any]) -> None:
    with pytest.raises(TypeError):
        pci_redact.Redactor(**kwargs)


def test_messages_never_hold_input_text(r: pci_redact.Redactor) -> None:
    card = "4111111111111111"
    with pytest.raises(TypeError) as info:
        r.redact_many([card, 17])  # type: ignore[list-item]
    assert card not in str(info.value)
    assert "texts[1]" in str(info.value) and "int" in str(info.value)
