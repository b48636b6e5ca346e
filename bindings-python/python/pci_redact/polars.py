"""Redact Polars string columns, eagerly or inside a (lazy) query.

Polars is an optional dependency (``pip install polars``). A column goes to
the Rust core through the Arrow C data interface, as
:func:`pci_redact.redact_arrow` does: no Python object per row, the GIL
released, every core used.

Example:
    >>> import polars as pl
    >>> from pci_redact import polars as pr
    >>> df = pl.DataFrame({"text": ["card 4111 1111 1111 1111", None, "hi"]})
    >>> df.with_columns(clean=pr.redact("text"))["clean"].to_list()
    ['card **** **** **** 1111', None, 'hi']
    >>> pr.redact(df["text"]).to_list()
    ['card **** **** **** 1111', None, 'hi']

With ``field``, every value is read as the value of that field, the name
counting as context (field mode, as :func:`pci_redact.redact_field`): a lone
"737" in a column of CVVs is masked.

    >>> pay = pl.DataFrame({"cvv": ["737", None], "order_id": ["4111111111111111", "12"]})
    >>> pay.select([pr.redact(name, field=name) for name in pay.columns]).rows()
    [('***', '************1111'), (None, '12')]
    >>> pr.redact(pay["cvv"]).to_list()
    ['737', None]
"""

from __future__ import annotations

from typing import overload

import polars as pl

from ._pci_redact import Redactor, redact_arrow

__all__ = ["redact"]


@overload
def redact(
    column: pl.Series,
    redactor: Redactor | None = None,
    *,
    threads: int | None = None,
    field: str | None = None,
) -> pl.Series: ...


@overload
def redact(
    column: pl.Expr | str,
    redactor: Redactor | None = None,
    *,
    threads: int | None = None,
    field: str | None = None,
) -> pl.Expr: ...


def redact(
    column: pl.Series | pl.Expr | str,
    redactor: Redactor | None = None,
    *,
    threads: int | None = None,
    field: str | None = None,
) -> pl.Series | pl.Expr:
    """Redacts a Polars string column.

    Args:
        column: a Series (redacted now), or an expression or column name
            (redacted when the query runs, batch by batch, through
            ``Expr.map_batches``; lazy and streaming queries work).
        redactor: the policy; None uses the default, as
            :func:`pci_redact.redact` does.
        threads: the number of threads per batch; None uses every core.
        field: the name of the field whose values the column holds: each
            value is read as that field's value, the name counting as
            context, as :func:`pci_redact.redact_field` does (a "cvv"
            field's "123" is a CVV). Whatever the value alone gives is
            masked too. None reads each value as free text. The column's
            own name is not used: ``redact("cvv", field="cvv")`` reads the
            column cvv as CVVs.

    Returns:
        A String Series of the same name, or an expression of dtype String.
        Nulls stay null.

    Raises:
        TypeError: the column is not of dtype String (when the Series or
            batch is redacted).
    """
    if isinstance(column, pl.Series):
        return _redact_series(column, redactor, threads, field)
    expr = pl.col(column) if isinstance(column, str) else column

    def batch(s: pl.Series) -> pl.Series:
        return _redact_series(s, redactor, threads, field)

    return expr.map_batches(batch, return_dtype=pl.String, is_elementwise=True)


def _redact_series(
    s: pl.Series, redactor: Redactor | None, threads: int | None, field: str | None
) -> pl.Series:
    """One Series through redact_arrow, as a Series of the same name."""
    if s.dtype == pl.Null:
        # An all-null column that Polars has not typed yet.
        s = s.cast(pl.String)
    if redactor is None:
        out = redact_arrow(s, threads, field=field)
    else:
        out = redactor.redact_arrow(s, threads, field=field)
    if not isinstance(out, pl.Series):  # pragma: no cover - redact_arrow's contract
        raise TypeError(f"expected a polars.Series back, got {type(out).__name__}")
    return out
