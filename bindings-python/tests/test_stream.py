"""Streams: StreamRedactor, redact_file and RedactingWriter give the
one-shot output however the text is cut."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pci_redact
from conftest import AMEX, MASTERCARD, VISA, VISA_SPACED

R = pci_redact.Redactor()

#: Pieces that make texts with card data, near misses, spoken digits and
#: multi-byte characters next to numbers.
FRAGMENTS = [
    VISA,
    VISA_SPACED,
    "4111-1111-1111-1111",
    MASTERCARD,
    AMEX,
    "4012 8888 8888 1882",  # fails Luhn
    "card",
    "cvv 123",
    "exp 12/27",
    "ssn 123-45-6789",
    "four one one one",
    " one ",
    "😀",
    "中文",
    "ünï",
    "\u00a0",
    "\n",
    " ",
    ", ",
    "1",
    "42",
    "order 12345678",
]

texts = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join) | st.text(max_size=200)


def cut(text: str, points: list[int]) -> list[str]:
    """text cut at the given indices (sorted and clamped)."""
    bounds = sorted({0, len(text), *(min(p, len(text)) for p in points)})
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def streamed(r: pci_redact.Redactor, pieces: list[str]) -> str:
    s = r.stream()
    out = [s.feed(p) for p in pieces]
    out.append(s.finish())
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(text=texts, points=st.lists(st.integers(min_value=0, max_value=400), max_size=20))
def test_random_chunking_equals_one_shot(text: str, points: list[int]) -> None:
    assert streamed(R, cut(text, points)) == R.redact(text)


@settings(max_examples=50, deadline=None)
@given(text=texts)
def test_every_single_split(text: str) -> None:
    whole = R.redact(text)
    for i in range(len(text) + 1):
        assert streamed(R, [text[:i], text[i:]]) == whole, i


def test_splits_inside_a_card_number() -> None:
    text = f"😀 my card is {VISA_SPACED}, thanks"
    whole = R.redact(text)
    assert whole == "😀 my card is **** **** **** 1111, thanks"
    for i in range(len(text) + 1):
        for j in range(i, len(text) + 1, 3):
            assert streamed(R, [text[:i], text[i:j], text[j:]]) == whole


def test_feed_returns_settled_text_early() -> None:
    s = R.stream()
    first = s.feed("hello there, nothing sensitive here at all. " * 4)
    assert first.startswith("hello there")
    rest = s.feed(f"card {VISA_SPACED}") + s.finish()
    assert (first + rest).endswith("**** **** **** 1111")


def test_stream_with_options() -> None:
    r = pci_redact.Redactor(mask={"card": "full"}, mask_char="#")
    text = f"a {VISA} b {MASTERCARD}"
    assert streamed(r, list(text)) == r.redact(text) == "a ################ b ################"


def test_stream_is_reusable_after_finish() -> None:
    s = R.stream()
    assert s.feed(f"card {VISA}") + s.finish() == "card ************1111"
    assert s.feed("second ") + s.feed(MASTERCARD) + s.finish() == "second ************4444"


def test_context_manager() -> None:
    with R.stream() as s:
        out = s.feed(f"card {VISA}") + s.finish()
    assert out == "card ************1111"
    with R.stream() as s:
        pass  # nothing fed: nothing to lose
    with pytest.raises(pci_redact.RedactError, match="finish"):
        with R.stream() as s:
            s.feed(f"card {VISA}")
    # An exception inside the block is not replaced by the finish() check.
    with pytest.raises(KeyError):
        with R.stream() as s:
            s.feed("card 4111")
            raise KeyError("boom")


def test_stream_type_errors() -> None:
    s = R.stream()
    with pytest.raises(TypeError):
        s.feed(b"bytes")  # type: ignore[arg-type]


class Trickle(io.StringIO):
    """A text file that returns at most `n` characters per read."""

    def __init__(self, text: str, n: int) -> None:
        super().__init__(text)
        self.n = n

    def read(self, size: int | None = -1) -> str:
        return super().read(self.n)


@pytest.mark.parametrize("chunk_size", [1, 3, 64, 65536])
def test_redact_file_text(chunk_size: int) -> None:
    text = "".join(f"line {i} 😀 card {VISA_SPACED} 中文\n" for i in range(50))
    dst = io.StringIO()
    n = R.redact_file(io.StringIO(text), dst, chunk_size=chunk_size)
    assert dst.getvalue() == R.redact(text)
    assert n == len(R.find(text)) == 50


def test_redact_file_short_reads() -> None:
    text = f"x {MASTERCARD} y " * 20
    dst = io.StringIO()
    R.redact_file(Trickle(text, 2), dst)
    assert dst.getvalue() == R.redact(text)


def test_redact_file_binary_with_invalid_utf8() -> None:
    data = b"\xff card " + VISA.encode() + b" \xe4\xb8\xad\xe6\x96\x87 \xc3(\n" * 30
    dst = io.BytesIO()
    n = R.redact_file(io.BytesIO(data), dst, chunk_size=5)
    assert dst.getvalue() == R.redact_bytes(data)
    assert n == len(R.find_bytes(data))


def test_redact_file_real_files(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    out = tmp_path / "out.txt"
    text = f"ünï {VISA_SPACED}\n" * 1000
    src.write_text(text, encoding="utf-8")
    with src.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as g:
        R.redact_file(f, g, chunk_size=1000)
    assert out.read_text(encoding="utf-8") == R.redact(text)


def test_redact_file_mode_mismatch() -> None:
    with pytest.raises(TypeError):
        R.redact_file(io.StringIO("text"), io.BytesIO())


def test_redacting_writer_text() -> None:
    out = io.StringIO()
    text = f"log: 😀 paid with {VISA_SPACED}\nlog: ok\n"
    with pci_redact.RedactingWriter(out) as w:
        for ch in text:
            assert w.write(ch) == 1
        assert not w.closed
    assert w.closed
    assert w.findings == 1
    assert out.getvalue() == R.redact(text)
    with pytest.raises(pci_redact.RedactError):
        w.write("more")


def test_redacting_writer_binary_and_policy() -> None:
    out = io.BytesIO()
    r = pci_redact.Redactor(mask={"card": "full"})
    w = pci_redact.RedactingWriter(out, r)
    w.writelines([b"card ", VISA.encode()[:5], VISA.encode()[5:], b" end"])
    w.close()
    w.close()
    assert out.getvalue() == b"card **************** end"
    with pytest.raises(TypeError):
        pci_redact.RedactingWriter(io.BytesIO()).writelines([b"a", "b"])


def test_redacting_writer_with_print() -> None:
    out = io.StringIO()
    w = pci_redact.RedactingWriter(out)
    print("card", VISA, "thanks", file=w)
    w.close()
    assert out.getvalue() == "card ************1111 thanks\n"
