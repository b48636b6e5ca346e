"""The shared corpus testdata/*.toml: the same findings and output as the
Rust core declares, with byte spans turned into str indices."""

from __future__ import annotations

from typing import Any

import pytest

import pci_redact
from conftest import char_span, load_corpus

CASES = load_corpus()
SINGLE = [(n, c) for n, c in CASES if "unescape" not in c and "conversation" not in c]
CONVERSATIONS = [(n, c) for n, c in CASES if "unescape" not in c and "conversation" in c]


def redactor_for(case: dict[str, Any]) -> pci_redact.Redactor:
    return pci_redact.Redactor(spoken=case.get("spoken", True))


def expected(text: str, declared: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Declared findings as (kind, start, end, brand or None) in str indices;
    brand is compared only where the case declares it."""
    out = []
    for f in declared:
        start, end = char_span(text, f["span"])
        out.append((f["kind"], start, end, f.get("brand")))
    return out


def got(findings: list[pci_redact.Finding], declared: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    out = []
    for i, f in enumerate(findings):
        want_brand = i < len(declared) and "brand" in declared[i]
        out.append((f.kind, f.start, f.end, f.brand if want_brand else None))
    return out


def test_corpus_is_not_empty() -> None:
    assert SINGLE, "no test cases found in testdata/*.toml"


def test_names_are_unique() -> None:
    names = [n for n, _ in CASES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("name", "case"), SINGLE, ids=[n for n, _ in SINGLE])
def test_case(name: str, case: dict[str, Any]) -> None:
    r = redactor_for(case)
    text = case["input"]
    declared = case.get("findings", [])
    findings = r.find(text)
    assert got(findings, declared) == expected(text, declared)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
    if "output" in case:
        assert r.redact(text) == case["output"]


@pytest.mark.parametrize(("name", "case"), SINGLE, ids=[n for n, _ in SINGLE])
def test_case_bytes(name: str, case: dict[str, Any]) -> None:
    """The bytes API reports the declared byte spans unchanged."""
    r = redactor_for(case)
    data = case["input"].encode("utf-8")
    declared = case.get("findings", [])
    spans = [(f.kind, f.start, f.end) for f in r.find_bytes(data)]
    assert spans == [(f["kind"], f["span"][0], f["span"][1]) for f in declared]
    if "output" in case:
        assert r.redact_bytes(data) == case["output"].encode("utf-8")


@pytest.mark.parametrize(("name", "case"), SINGLE, ids=[n for n, _ in SINGLE])
def test_case_stream(name: str, case: dict[str, Any]) -> None:
    """Every case, streamed one character at a time and in 7-char pieces."""
    r = redactor_for(case)
    text = case["input"]
    whole = r.redact(text)
    for size in (1, 7):
        s = r.stream()
        out = [s.feed(text[i : i + size]) for i in range(0, len(text), size)]
        out.append(s.finish())
        assert "".join(out) == whole


@pytest.mark.parametrize(("name", "case"), CONVERSATIONS, ids=[n for n, _ in CONVERSATIONS])
def test_conversation_case(name: str, case: dict[str, Any]) -> None:
    r = redactor_for(case)
    messages = [(speaker, text) for speaker, text in case["conversation"]]
    if "outputs" in case:
        assert r.redact_conversation(messages) == case["outputs"]
    found = r.find_conversation(messages)
    assert len(found) == len(messages)
    declared = case.get("findings")
    if declared is not None and all(isinstance(m, list) for m in declared):
        # One list of findings per message.
        for (_, text), want, have in zip(messages, declared, found, strict=True):
            assert got(have, want) == expected(text, want)
