"""redact_arrow / find_arrow: whole Arrow string columns through the Arrow
PyCapsule interface, checked row by row against redact_many / find_many."""

from __future__ import annotations

import gc
import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pci_redact
from conftest import AMEX, MASTERCARD, VISA, VISA_SPACED

pa = pytest.importorskip("pyarrow")

#: Rows with what the Arrow paths must get right: nulls, empty strings,
#: non-ASCII text before a match (code-point offsets), clean rows long
#: enough that a string_view keeps them in a data buffer, and short ones it
#: keeps inline.
ROWS: list[str | None] = [
    f"card {VISA_SPACED}",
    None,
    "",
    "😀 中文 ünï paid with " + MASTERCARD + " ok",
    "a clean message, long enough for a data buffer",
    "short",
    None,
    f"amex {AMEX} cvv 1234 exp 12/27",
    VISA,
    "ssn 078-05-1120 and 4012-8888-8888-1882",
    "naïve café, nothing to see here at all, no digits",
]

STRING_TYPES = ["string", "large_string", "string_view"]


def arrow_type(name: str) -> Any:
    return getattr(pa, name)()


def messages(n: int, seed: int = 11) -> list[str | None]:
    """n chat-like rows, one in five with card data, one in 30 null."""
    rng = random.Random(seed)
    words = ["hello", "order", "thanks", "😀", "中文", "ünï", "my", "card", "is", "ok", "x" * 20]
    out: list[str | None] = []
    for i in range(n):
        if i % 30 == 7:
            out.append(None)
            continue
        msg = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        if i % 5 == 0:
            msg += f" {rng.choice([VISA, VISA_SPACED, MASTERCARD, AMEX])} cvv 123"
        out.append(msg)
    return out


def finding_rows(r: pci_redact.Redactor, texts: list[str | None]) -> list[dict[str, Any]]:
    """find_many's findings flattened into find_arrow's rows."""
    rows = []
    for i, found in enumerate(r.find_many(texts)):
        for f in found or []:
            rows.append(
                {
                    "row": i,
                    "kind": f.kind,
                    "start": f.start,
                    "end": f.end,
                    "brand": f.brand,
                    "last4": f.last4,
                    "confidence": f.confidence,
                }
            )
    return rows


class OnlyCapsules:
    """An Arrow producer that is neither pyarrow nor Polars: it only has the
    PyCapsule methods (as nanoarrow or arro3 objects do)."""

    def __init__(self, data: Any, stream: bool = False) -> None:
        self.data = data
        if stream:
            self.__arrow_c_stream__ = data.__arrow_c_stream__
        else:
            self.__arrow_c_array__ = data.__arrow_c_array__


@pytest.mark.parametrize("type_name", STRING_TYPES)
def test_same_rows_as_redact_many(r: pci_redact.Redactor, type_name: str) -> None:
    a = pa.array(ROWS, arrow_type(type_name))
    out = r.redact_arrow(a)
    assert isinstance(out, pa.Array)
    assert out.type == a.type
    assert out.to_pylist() == r.redact_many(ROWS)
    assert out.is_null().to_pylist() == a.is_null().to_pylist()
    assert pci_redact.redact_arrow(a).to_pylist() == [
        None if t is None else pci_redact.redact(t) for t in ROWS
    ]


@pytest.mark.parametrize("type_name", STRING_TYPES)
@pytest.mark.parametrize("start,length", [(1, 5), (3, 8), (0, 0), (10, 1), (4, 7)])
def test_sliced_arrays(r: pci_redact.Redactor, type_name: str, start: int, length: int) -> None:
    a = pa.array(ROWS, arrow_type(type_name)).slice(start, length)
    assert a.offset == start
    want = r.redact_many(ROWS[start : start + length])
    out = r.redact_arrow(a)
    assert out.to_pylist() == want
    assert out.null_count == a.null_count
    table = r.find_arrow(a)
    assert table.to_pylist() == finding_rows(r, ROWS[start : start + length])


@pytest.mark.parametrize("type_name", STRING_TYPES)
def test_chunked_arrays(r: pci_redact.Redactor, type_name: str) -> None:
    t = arrow_type(type_name)
    chunks = [
        pa.array(ROWS[:4], t),
        pa.array([], t),
        pa.array(ROWS, t).slice(2, 6),
        pa.array(ROWS, t),
    ]
    c = pa.chunked_array(chunks, t)
    texts = c.to_pylist()
    out = r.redact_arrow(c)
    assert isinstance(out, pa.ChunkedArray)
    assert out.type == t
    assert out.to_pylist() == r.redact_many(texts)
    # Row numbers of findings count across chunks.
    assert r.find_arrow(c).to_pylist() == finding_rows(r, texts)
    empty = pa.chunked_array([], t)
    assert r.redact_arrow(empty).to_pylist() == []
    assert r.redact_arrow(empty).type == t


@pytest.mark.parametrize("type_name", STRING_TYPES)
@pytest.mark.parametrize("threads", [1, 2, 3, None])
def test_many_rows_over_threads(r: pci_redact.Redactor, type_name: str, threads: int | None) -> None:
    texts = messages(12_000)
    a = pa.array(texts, arrow_type(type_name))
    out = r.redact_arrow(a, threads=threads)
    assert out.to_pylist() == r.redact_many(texts)
    assert r.find_arrow(a, threads=threads).to_pylist() == finding_rows(r, texts)


pieces = st.sampled_from(
    ["😀", "中文", "é", " ", "card ", "cvv 123 ", VISA, VISA_SPACED, MASTERCARD, "x" * 13, "order 12345678"]
)
cells = st.none() | st.lists(pieces, max_size=8).map("".join) | st.text(max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(cells, max_size=40),
    cuts=st.lists(st.integers(0, 40), max_size=3),
    start=st.integers(0, 5),
    type_name=st.sampled_from(STRING_TYPES),
    threads=st.sampled_from([1, 2]),
)
def test_any_chunking_matches_redact_many(
    rows: list[str | None], cuts: list[int], start: int, type_name: str, threads: int
) -> None:
    """Cut into chunks at cuts, each chunk a slice of a longer array (so
    offsets do not start at 0), in any string layout."""
    r = pci_redact.Redactor(label={"card": "[CARD {last4}]", "cvv": ""})
    t = arrow_type(type_name)
    bounds = sorted({0, len(rows), *(c for c in cuts if c <= len(rows))})
    chunks = [
        pa.array(["pad"] * start + rows[lo:hi] + ["pad"], t).slice(start, hi - lo)
        for lo, hi in zip(bounds, bounds[1:])
    ]
    c = pa.chunked_array(chunks, t)
    out = r.redact_arrow(c, threads=threads)
    assert out.type == t
    assert out.to_pylist() == r.redact_many(rows)
    assert r.find_arrow(c, threads=threads).to_pylist() == finding_rows(r, rows)


def test_find_arrow_table(r: pci_redact.Redactor) -> None:
    table = r.find_arrow(pa.array(ROWS))
    assert isinstance(table, pa.Table)
    assert table.column_names == ["row", "kind", "start", "end", "brand", "last4", "confidence"]
    assert [str(t) for t in table.schema.types] == [
        "int64", "string", "int64", "int64", "string", "string", "double"
    ]
    assert table.to_pylist() == finding_rows(r, ROWS)
    # Offsets are str indices: slicing the row gives the match.
    text = ROWS[3]
    assert text is not None
    (hit,) = [h for h in table.to_pylist() if h["row"] == 3]
    assert text[hit["start"] : hit["end"]] == MASTERCARD
    # A finding never holds more of a card number than its last four.
    assert VISA not in str(table.to_pydict())
    assert pci_redact.find_arrow(pa.array(ROWS)).to_pylist() == table.to_pylist()


def test_empty_and_all_null(r: pci_redact.Redactor) -> None:
    for rows in ([], [None, None], ["", None, ""]):
        a = pa.array(rows, pa.string())
        out = r.redact_arrow(a)
        assert out.to_pylist() == rows
        assert r.find_arrow(a).num_rows == 0


def test_options_apply(r: pci_redact.Redactor) -> None:
    custom = pci_redact.Redactor(mask={"card": "full"}, label={"ssn": "[SSN]"}, mask_char="#")
    a = pa.array(ROWS)
    assert custom.redact_arrow(a).to_pylist() == custom.redact_many(ROWS)
    cards_only = pci_redact.Redactor(kinds=["card"])
    assert set(cards_only.find_arrow(a).column("kind").to_pylist()) == {"card"}


def test_growing_and_shrinking_masks() -> None:
    # A label longer than the number and a mask that removes it: offsets of
    # the rows after a changed row must move by the difference.
    rows = messages(3000)
    for r in (
        pci_redact.Redactor(label="[CARD {brand} ending {last4}, removed by policy]"),
        pci_redact.Redactor(mask={"card": "remove", "cvv": "remove"}),
    ):
        for t in STRING_TYPES:
            out = r.redact_arrow(pa.array(rows, arrow_type(t)), threads=2)
            assert out.to_pylist() == r.redact_many(rows), t


def test_clean_array_is_shared_not_copied(r: pci_redact.Redactor) -> None:
    a = pa.array(["hello", None, "nothing to mask here"])
    out = r.redact_arrow(a)
    assert out.to_pylist() == a.to_pylist()
    assert [b.address if b else None for b in out.buffers()] == [
        b.address if b else None for b in a.buffers()
    ]


def test_string_view_result_outlives_input(r: pci_redact.Redactor) -> None:
    # The result shares the input's data buffers; they must stay alive
    # after the input is gone.
    texts = messages(500)
    a = pa.array(texts, pa.string_view())
    out = r.redact_arrow(a)
    del a
    gc.collect()
    assert out.to_pylist() == r.redact_many(texts)


def test_other_producers_get_an_arrow_array(r: pci_redact.Redactor) -> None:
    a = pa.array(ROWS, pa.large_string())
    for source in (OnlyCapsules(a), OnlyCapsules(pa.chunked_array([a, a]), stream=True)):
        out = r.redact_arrow(source)
        assert isinstance(out, pci_redact.ArrowArray)
        assert len(out) == len(pa.array(out))
        assert pa.array(out).type == pa.large_string()
        n = len(ROWS)
        assert pa.array(out).to_pylist()[:n] == r.redact_many(ROWS)
        # The repr shows the type and length, no text.
        assert VISA[-4:] not in repr(out) and "large" in repr(out).lower()
        # Each export is independent: importing twice works.
        assert pa.array(out).equals(pa.array(out))
        assert pa.DataType._import_from_c_capsule(out.__arrow_c_schema__()) == pa.large_string()
        found = r.find_arrow(source)
        assert isinstance(found, pci_redact.ArrowArray)
        assert pa.table(found).to_pylist()[: len(finding_rows(r, ROWS))] == finding_rows(r, ROWS)


class Returns:
    """A producer whose __arrow_c_array__ returns a fixed value."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __arrow_c_array__(self, requested_schema: object | None = None) -> Any:
        return self.value


def test_misbehaving_producers(r: pci_redact.Redactor) -> None:
    a = pa.array([VISA])
    schema, array = a.__arrow_c_array__()
    # Capsules in the wrong order: their names do not match.
    with pytest.raises(ValueError):
        r.redact_arrow(Returns((array, schema)))
    with pytest.raises(TypeError):
        r.redact_arrow(Returns("not capsules"))
    with pytest.raises(TypeError):
        r.redact_arrow(Returns((schema,)))
    with pytest.raises(TypeError):
        r.redact_arrow(Returns((schema, "x")))
    # The array was moved out of its capsule by a first consumer.
    schema, array = a.__arrow_c_array__()
    assert pa.Array._import_from_c_capsule(schema, array).to_pylist() == [VISA]
    with pytest.raises(ValueError, match="consumed"):
        r.redact_arrow(Returns((schema, array)))
    # An array capsule that nobody consumes is released with its capsule.
    schema, array = a.__arrow_c_array__()
    del schema, array
    gc.collect()
    assert a.to_pylist() == [VISA]


def test_pandas_recipe(r: pci_redact.Redactor) -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series(ROWS, dtype=pd.ArrowDtype(pa.string()), index=range(10, 10 + len(ROWS)))
    clean = pd.Series(r.redact_arrow(pa.array(s)), index=s.index, dtype=s.dtype)
    assert clean.dtype == s.dtype
    assert list(clean.index) == list(s.index)
    assert [None if pd.isna(x) else x for x in clean] == r.redact_many(ROWS)
    # A plain object column goes through astype first, as the README says.
    obj = pd.Series(ROWS, dtype=object).astype(pd.ArrowDtype(pa.string()))
    assert r.redact_arrow(pa.array(obj)).to_pylist() == r.redact_many(ROWS)


@pytest.mark.parametrize(
    "bad",
    [pa.array([1, 2]), pa.array([b"4111111111111111"]), pa.array([["x"]]), ["a list"], "a str"],
)
def test_wrong_input_is_a_type_error(r: pci_redact.Redactor, bad: Any) -> None:
    with pytest.raises(TypeError) as e:
        r.redact_arrow(bad)
    assert "4111" not in str(e.value)
    with pytest.raises(TypeError):
        r.find_arrow(bad)


def test_bad_threads(r: pci_redact.Redactor) -> None:
    with pytest.raises(pci_redact.ConfigError) as e:
        r.redact_arrow(pa.array(["x"]), threads=0)
    assert e.value.option == "threads"
