"""Redact and audit string columns of Apache Spark DataFrames.

Needs ``pyspark`` and ``pyarrow`` (``pip install pyspark pyarrow pandas``),
and pci_redact installed on every executor. Both functions run as
``DataFrame.mapInArrow``: Spark hands each Python worker its rows as Arrow
record batches, and the string columns go to the Rust core through
:func:`pci_redact.redact_arrow` / :func:`pci_redact.find_arrow` without a
Python object per row.

Spark runs one Python worker per task slot, so each worker scans with one
thread; use more executor cores (``local[N]``, ``spark.executor.cores``)
for more throughput.

With ``field_names=True``, each column's values are read with the column's
name as context (field mode, as :func:`pci_redact.redact_field`): in a
column named ``cvv``, a lone "737" is a CVV and is masked.

From the command line, scrub a Parquet dataset::

    python -m pci_redact.spark --input chats/ --output clean/ --columns text

or, with each column read under its name, a payments export::

    python -m pci_redact.spark --input payments/ --output clean/ \
        --columns card,cvv,exp_month --field-names

Example:
    >>> from pci_redact import spark as ps                    # doctest: +SKIP
    >>> clean = ps.scrub(df, ["text"])                        # doctest: +SKIP
    >>> audit = ps.findings(df, ["text"], id_col="message_id")  # doctest: +SKIP
    >>> clean = ps.scrub(df, ["cvv", "exp_month"], field_names=True)  # doctest: +SKIP
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from ._pci_redact import Redactor

__all__ = ["findings", "main", "scrub"]

#: The columns of findings() after the row id, in order.
FINDING_COLUMNS = ("column", "kind", "brand", "last4", "start", "end")

#: The row id column findings() adds when no id_col is given.
ROW_ID = "row_id"


def _columns(df: DataFrame, columns: str | Sequence[str]) -> list[str]:
    """columns as a list, each checked to be a string column of df."""
    names = [columns] if isinstance(columns, str) else list(columns)
    if not names:
        raise ValueError("columns: give at least one column to redact")
    types = {f.name: f.dataType for f in df.schema.fields}
    for name in names:
        if name not in types:
            raise ValueError(f"columns: no column {name!r} in the DataFrame")
        if not isinstance(types[name], T.StringType):
            raise TypeError(
                f"columns: {name!r} is of type {types[name].simpleString()}, not string"
            )
    return names


def _redactor(options: dict[str, Any] | None) -> Redactor:
    """A Redactor built from keyword options (raises ConfigError early,
    on the driver, for a bad option)."""
    return Redactor(**(options or {}))


class _Scrub:
    """The mapInArrow function of scrub(): redacts some columns of each
    batch, each read with its name as the field if field_names. A
    module-level class, so Spark pickles it by reference."""

    def __init__(self, columns: list[str], options: dict[str, Any], field_names: bool) -> None:
        self.columns = columns
        self.options = options
        self.field_names = field_names

    def __call__(self, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        r = _redactor(self.options)
        for batch in batches:
            arrays = list(batch.columns)
            for name in self.columns:
                i = batch.schema.get_field_index(name)
                field = name if self.field_names else None
                arrays[i] = r.redact_arrow(arrays[i], threads=1, field=field)
            yield pa.RecordBatch.from_arrays(arrays, schema=batch.schema)


def scrub(
    df: DataFrame,
    columns: str | Sequence[str],
    redactor_options: dict[str, Any] | None = None,
    *,
    field_names: bool = False,
) -> DataFrame:
    """Redacts string columns of a DataFrame.

    Args:
        df: the DataFrame.
        columns: the name(s) of its string columns to redact.
        redactor_options: keyword arguments for :class:`pci_redact.Redactor`
            (e.g. ``{"mask": {"card": "first6last4"}}``); None uses the
            default policy.
        field_names: read each column's values with the column's name as
            context, as :func:`pci_redact.redact_field` does: a ``cvv``
            column's "123" is a CVV, an ``exp_month`` column's "08" an
            expiry. Whatever a value alone gives is masked too. False (the
            default) reads each value as free text.

    Returns:
        A DataFrame with the same schema and rows, the columns redacted
        (nulls stay null). Lazy, like any DataFrame transformation.

    Raises:
        ValueError: a column does not exist.
        TypeError: a column is not a string column.
        ConfigError: a redactor option is invalid.
    """
    names = _columns(df, columns)
    options = dict(redactor_options or {})
    _redactor(options)
    return df.mapInArrow(_Scrub(names, options, field_names), df.schema)


class _Findings:
    """The mapInArrow function of findings(): one output row per finding,
    each column read with its name as the field if field_names."""

    def __init__(
        self, columns: list[str], id_col: str, options: dict[str, Any], field_names: bool
    ) -> None:
        self.columns = columns
        self.id_col = id_col
        self.options = options
        self.field_names = field_names

    def __call__(self, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        r = _redactor(self.options)
        for batch in batches:
            ids = batch.column(self.id_col)
            for name in self.columns:
                text = batch.column(name)
                field = name if self.field_names else None
                found = r.find_arrow(text, threads=1, field=field)
                if found.num_rows == 0:
                    continue
                # Spark sends strings as string or large_string; answer alike.
                string = text.type
                rows = found.column("row").combine_chunks()
                yield pa.RecordBatch.from_arrays(
                    [
                        ids.take(rows),
                        pa.array([name] * found.num_rows, string),
                        found.column("kind").combine_chunks().cast(string),
                        found.column("brand").combine_chunks().cast(string),
                        found.column("last4").combine_chunks().cast(string),
                        found.column("start").combine_chunks(),
                        found.column("end").combine_chunks(),
                    ],
                    names=[self.id_col, *FINDING_COLUMNS],
                )


def findings(
    df: DataFrame,
    columns: str | Sequence[str],
    id_col: str | None = None,
    redactor_options: dict[str, Any] | None = None,
    *,
    field_names: bool = False,
) -> DataFrame:
    """The findings in string columns of a DataFrame, for an audit.

    Each finding gives where it is and what it is, never the data: its
    row's id, the column, the kind ("card", "ssn", ...), the card brand and
    last four digits (null for other kinds), and its start and end as
    string indices (code points) into the value.

    Args:
        df: the DataFrame.
        columns: the name(s) of its string columns to search.
        id_col: a column that identifies rows (e.g. a message id), copied
            into the findings. None adds ``row_id`` from
            ``monotonically_increasing_id()``: unique but not consecutive,
            and not stable across recomputation of a nondeterministic
            source, so give an id_col to join findings back to rows.
        redactor_options: keyword arguments for :class:`pci_redact.Redactor`;
            its kinds decide what is found.
        field_names: read each column's values with the column's name as
            context, as :func:`pci_redact.find_field` does (a ``cvv``
            column's "123" is a CVV). False (the default) reads each value
            as free text.

    Returns:
        A DataFrame with columns (id_col or row_id, column, kind, brand,
        last4, start, end).

    Raises:
        ValueError: a column does not exist, or id_col clashes with a
            findings column name.
        TypeError: a column is not a string column.
        ConfigError: a redactor option is invalid.
    """
    names = _columns(df, columns)
    options = dict(redactor_options or {})
    _redactor(options)
    if id_col is None:
        if ROW_ID in names:
            raise ValueError(f"id_col: give one, as {ROW_ID!r} is a column to search")
        id_name = ROW_ID
        df = df.select(*names, F.monotonically_increasing_id().alias(id_name))
        id_field = T.StructField(id_name, T.LongType(), False)
    else:
        fields = {f.name: f for f in df.schema.fields}
        if id_col not in fields:
            raise ValueError(f"id_col: no column {id_col!r} in the DataFrame")
        id_name = id_col
        id_field = fields[id_col]
        df = df.select(*dict.fromkeys([*names, id_col]))
    if id_name in FINDING_COLUMNS:
        raise ValueError(f"id_col: {id_name!r} is also the name of a findings column")
    schema = T.StructType(
        [
            id_field,
            T.StructField("column", T.StringType(), False),
            T.StructField("kind", T.StringType(), False),
            T.StructField("brand", T.StringType(), True),
            T.StructField("last4", T.StringType(), True),
            T.StructField("start", T.LongType(), False),
            T.StructField("end", T.LongType(), False),
        ]
    )
    return df.mapInArrow(_Findings(names, id_name, options, field_names), schema)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m pci_redact.spark``: scrubs a Parquet dataset.

    Args:
        argv: the arguments (default: sys.argv[1:]).

    Returns:
        The exit status.
    """
    ap = argparse.ArgumentParser(
        prog="python -m pci_redact.spark",
        description="Redact card data in string columns of a Parquet dataset with Spark.",
    )
    ap.add_argument("--input", required=True, help="the Parquet dataset to read")
    ap.add_argument("--output", required=True, help="where to write the redacted dataset")
    ap.add_argument(
        "--columns",
        required=True,
        action="append",
        help="string column(s) to redact: a comma-separated list; may be repeated",
    )
    ap.add_argument(
        "--findings", metavar="DIR", help="also write the findings (no digits) as Parquet to DIR"
    )
    ap.add_argument("--id-col", help="the column that identifies rows in the findings")
    ap.add_argument(
        "--field-names",
        action="store_true",
        help="read each column's values with the column's name as context "
        "(a 'cvv' column's '123' is a CVV)",
    )
    ap.add_argument(
        "--options",
        default="{}",
        help='Redactor options as JSON, e.g. \'{"mask": {"card": "first6last4"}}\'',
    )
    ap.add_argument(
        "--master", help="the Spark master (default: spark-submit's, else local[*])"
    )
    ap.add_argument("--overwrite", action="store_true", help="replace existing output")
    args = ap.parse_args(argv)

    columns = [c.strip() for arg in args.columns for c in arg.split(",") if c.strip()]
    options = json.loads(args.options)
    if not isinstance(options, dict):
        ap.error("--options must be a JSON object")
    # spark-submit starts the JVM first and hands Python its gateway port;
    # otherwise this process starts Spark itself, in local mode unless
    # --master says otherwise.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ
    if not submitted and (args.master is None or args.master.startswith("local")):
        # Local workers run on this machine: give them this interpreter,
        # where pci_redact is installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("pci-redact")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    mode = "overwrite" if args.overwrite else "errorifexists"
    t0 = time.perf_counter()
    try:
        df = spark.read.parquet(args.input)
        clean = scrub(df, columns, options, field_names=args.field_names)
        clean.write.mode(mode).parquet(args.output)
        found = None
        if args.findings:
            audit = findings(
                df,
                columns,
                id_col=args.id_col,
                redactor_options=options,
                field_names=args.field_names,
            )
            audit.write.mode(mode).parquet(args.findings)
            found = spark.read.parquet(args.findings).count()
    finally:
        spark.stop()
    took = time.perf_counter() - t0
    summary = f"redacted {', '.join(columns)} of {args.input} into {args.output} in {took:.1f} s"
    if found is not None:
        summary += f"; {found} findings in {args.findings}"
    print(summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
