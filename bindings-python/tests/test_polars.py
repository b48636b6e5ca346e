"""pci_redact.polars and redact_arrow / find_arrow on Polars columns."""

from __future__ import annotations

import doctest

import pytest

import pci_redact
from conftest import MASTERCARD, VISA, VISA_SPACED

pytest.importorskip("polars")
import polars as pl  # noqa: E402  (after the skip)

from pci_redact import polars as pr  # noqa: E402

ROWS: list[str | None] = [
    f"card {VISA_SPACED}",
    None,
    "",
    "😀 中文 paid with " + MASTERCARD,
    "a clean message, long enough to sit in a data buffer",
    "ok",
]


def frame(n: int = 1) -> pl.DataFrame:
    return pl.DataFrame(
        {"id": list(range(len(ROWS) * n)), "text": ROWS * n}, schema={"id": pl.Int64, "text": pl.String}
    )


def test_series(r: pci_redact.Redactor) -> None:
    s = pl.Series("msg", ROWS)
    out = pr.redact(s)
    assert isinstance(out, pl.Series)
    assert out.name == "msg"
    assert out.dtype == pl.String
    assert out.to_list() == r.redact_many(ROWS)
    assert pci_redact.redact_arrow(s).to_list() == out.to_list()


def test_multi_chunk_series(r: pci_redact.Redactor) -> None:
    s = pl.concat([pl.Series("t", ROWS), pl.Series("t", ROWS[::-1])], rechunk=False)
    assert s.n_chunks() == 2
    want = r.redact_many(ROWS + ROWS[::-1])
    assert pr.redact(s).to_list() == want
    found = r.find_arrow(s)
    assert isinstance(found, pl.DataFrame)
    assert found["row"].to_list() == [
        i for i, fs in enumerate(r.find_many(ROWS + ROWS[::-1])) for _ in fs or []
    ]


def test_expression_in_lazy_and_streaming_queries(r: pci_redact.Redactor) -> None:
    df = frame(500)
    want = r.redact_many(df["text"].to_list())
    eager = df.with_columns(clean=pr.redact("text"))
    assert eager["clean"].to_list() == want
    assert eager["text"].to_list() == df["text"].to_list()
    q = df.lazy().filter(pl.col("id") % 2 == 0).with_columns(pr.redact(pl.col("text")).alias("clean"))
    for engine in ("in-memory", "streaming"):
        got = q.collect(engine=engine)
        assert got["clean"].to_list() == [w for i, w in enumerate(want) if i % 2 == 0], engine


def test_custom_redactor_and_threads() -> None:
    custom = pci_redact.Redactor(mask={"card": "first6last4"})
    s = pl.Series("t", ROWS * 100)
    assert pr.redact(s, custom, threads=1).to_list() == custom.redact_many(ROWS * 100)
    out = frame().select(pr.redact("text", custom, threads=2))["text"].to_list()
    assert out == custom.redact_many(ROWS)


def test_all_null_column() -> None:
    s = pl.Series("t", [None, None])
    assert s.dtype == pl.Null
    out = pr.redact(s)
    assert out.dtype == pl.String and out.to_list() == [None, None]


def test_non_string_column_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        pr.redact(pl.Series("n", [4111111111111111]))
    # Polars passes the error of the function through.
    with pytest.raises(TypeError, match="Int64"):
        pl.DataFrame({"n": [1]}).select(pr.redact("n"))


#: Columns whose values only their names say the kind of, and a card in a
#: column whose name says nothing about card data.
FIELDS: dict[str, list[str | None]] = {
    "cvv": ["123", None, "737", f"card {VISA_SPACED}", "hi"],
    "exp_month": ["08", None, "12", "", "hi"],
    "order_id": [VISA, None, "12345678", "123", "hi"],
}


def test_field_mode_series(r: pci_redact.Redactor) -> None:
    s = pl.Series("cvv", FIELDS["cvv"])
    out = pr.redact(s, field="cvv")
    assert out.name == "cvv" and out.dtype == pl.String
    assert out.to_list() == ["***", None, "***", "card **** **** **** 1111", "hi"]
    assert out.to_list() == r.redact_many(FIELDS["cvv"], field="cvv")
    # Without a field, the lone numbers are left; only the card is masked.
    assert pr.redact(s).to_list() == ["123", None, "737", "card **** **** **** 1111", "hi"]
    assert pr.redact(s, field=None).to_list() == pr.redact(s).to_list()
    # The Series' own name is not the field.
    assert pr.redact(s.rename("quantity"), field="cvv").to_list() == out.to_list()
    assert pr.redact(s, field="quantity").to_list() == pr.redact(s).to_list()


def test_field_mode_expressions(r: pci_redact.Redactor) -> None:
    df = pl.DataFrame(FIELDS, schema=dict.fromkeys(FIELDS, pl.String))
    q = df.lazy().select([pr.redact(name, field=name) for name in FIELDS])
    for engine in ("in-memory", "streaming"):
        got = q.collect(engine=engine)
        assert got.columns == list(FIELDS)
        for name, values in FIELDS.items():
            assert got[name].to_list() == r.redact_many(values, field=name), (engine, name)
        assert got.row(0) == ("***", "**", "************1111"), engine
        # Nulls stay null.
        assert got.row(1) == (None, None, None), engine
        # A number under a name that says nothing stays.
        assert got["order_id"].to_list()[2:] == ["12345678", "123", "hi"], engine
    plain = df.select(pr.redact(pl.col("cvv")), pr.redact("exp_month"), pr.redact("order_id"))
    assert plain.row(0) == ("123", "08", "************1111")
    assert plain.to_dict(as_series=False) == {n: r.redact_many(v) for n, v in FIELDS.items()}


def test_field_mode_with_a_custom_redactor_and_threads() -> None:
    custom = pci_redact.Redactor(label={"cvv": "[CVV]"}, mask={"card": "first6last4"})
    values = FIELDS["cvv"] * 100
    want = custom.redact_many(values, field="cvv")
    assert want[:2] == ["[CVV]", None]
    assert pr.redact(pl.Series("c", values), custom, threads=2, field="cvv").to_list() == want
    out = pl.DataFrame({"c": values}).select(pr.redact("c", custom, threads=1, field="cvv"))
    assert out["c"].to_list() == want
    no_cvv = pci_redact.Redactor(kinds=["card"])
    assert pr.redact(pl.Series("cvv", ["123"]), no_cvv, field="cvv").to_list() == ["123"]


def test_field_mode_all_null_column() -> None:
    s = pl.Series("cvv", [None, None])
    assert s.dtype == pl.Null
    out = pr.redact(s, field="cvv")
    assert out.dtype == pl.String and out.to_list() == [None, None]


def test_find_arrow_dataframe(r: pci_redact.Redactor) -> None:
    found = pci_redact.find_arrow(pl.Series("t", ROWS))
    assert isinstance(found, pl.DataFrame)
    assert found.columns == ["row", "kind", "start", "end", "brand", "last4", "confidence"]
    assert found.select("row", "kind", "brand", "last4").rows() == [
        (0, "card", "visa", "1111"),
        (3, "card", "mastercard", "4444"),
    ]
    text = ROWS[3]
    assert text is not None
    start, end = found.row(1)[2:4]
    assert text[start:end] == MASTERCARD


def test_module_docstring_examples() -> None:
    result = doctest.testmod(pr, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8
    assert result.failed == 0
