"""Benchmarks of the Arrow paths of the pci_redact Python package.

1. `redact_arrow` on a pyarrow string column of chat messages (default ten
   million), next to `redact_many` on the same messages as a list of str,
   each with threads=1 and threads=2; also the `string_view` layout (what
   Polars uses) and `find_arrow` next to `find_many`.
2. A Spark job in local mode, `pci_redact.spark.scrub` over a Parquet
   dataset of the same messages (default two million rows in 8 files),
   with local[1] and local[2]: next to it the same job with a `mapInArrow`
   that passes the batches through untouched, which is what Spark and the
   Arrow transfer to the Python workers cost on their own.

Every measurement checks its answer first: the Arrow result equals
redact_many's, and the Spark output equals the core's on every row.

The messages are those of benches/python/bench.py (3 to 20 words, one in 50
with a published test card number). Needs pyarrow, pandas and pyspark
(bindings-python/requirements-arrow.txt) and Java 17+ for Spark. Run from
the repository root after `bash bindings-python/test.sh`:

    nice -n 10 .venv/bin/python benches/arrow/bench.py
    .venv/bin/python benches/arrow/bench.py --rows 1000000 --spark-rows 200000   # quicker
    .venv/bin/python benches/arrow/bench.py --no-spark
    .venv/bin/python benches/arrow/bench.py --rows 0 --spark-rows 10000000   # Spark only
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

import pci_redact

ROOT = Path(__file__).resolve().parents[2]


def chat_messages(n: int) -> list[str]:
    """The chat messages of benches/python/bench.py."""
    spec = importlib.util.spec_from_file_location("python_bench", ROOT / "benches" / "python" / "bench.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    messages: list[str] = mod.chat_messages(n)
    return messages


def best_of(runs: int, fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(best wall time, least CPU time of this process, in seconds; last
    result) of runs calls. The CPU time adds up every thread's, so it
    shows the work done whatever else the machine runs; the wall time
    shows what threads gain when the cores are free."""
    best, cpu, out = float("inf"), float("inf"), None
    for _ in range(runs):
        out = None
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return best, cpu, out


def row(label: str, seconds: float, cpu: float | None, rows: int, mb: float) -> None:
    cpu_s = f"{cpu:6.2f} s CPU" if cpu is not None else " " * 12
    print(
        f"  {label:46} {seconds:6.2f} s {cpu_s}  {rows / seconds / 1e6:5.2f} M rows/s  {mb / seconds:6.1f} MB/s"
    )


def bench_arrow(msgs: list[str], runs: int) -> None:
    r = pci_redact.Redactor()
    t0 = time.perf_counter()
    col = pa.array(msgs, pa.string())
    view = col.cast(pa.string_view())
    mb = col.buffers()[2].size / 1e6
    print(f"\n{len(msgs):,} messages, {mb:.0f} MB of text (Arrow arrays built in {time.perf_counter() - t0:.1f} s)")

    want = r.redact_many(msgs)
    want_arrow = pa.array(want, pa.string())
    assert not any("4111 1111 1111 1111" in m for m in want[::50])
    for threads in (1, 2):
        s, c, out = best_of(runs, lambda: r.redact_many(msgs, threads=threads))
        assert out == want
        row(f"redact_many(list of str, threads={threads})", s, c, len(msgs), mb)
    del out
    for threads in (1, 2):
        s, c, out = best_of(runs, lambda: r.redact_arrow(col, threads=threads))
        assert out.equals(want_arrow)
        row(f"redact_arrow(pa.string(), threads={threads})", s, c, len(msgs), mb)
    for threads in (1, 2):
        s, c, out = best_of(runs, lambda: r.redact_arrow(view, threads=threads))
        assert out.type == pa.string_view() and out.cast(pa.string()).equals(want_arrow)
        row(f"redact_arrow(pa.string_view(), threads={threads})", s, c, len(msgs), mb)
    del out, want_arrow

    s, c, found = best_of(runs, lambda: r.find_many(msgs, threads=2))
    n = sum(len(f or []) for f in found)
    row("find_many(list of str, threads=2)", s, c, len(msgs), mb)
    s, c, table = best_of(runs, lambda: r.find_arrow(col, threads=2))
    assert table.num_rows == n
    row("find_arrow(pa.string(), threads=2)", s, c, len(msgs), mb)
    print(f"  ({n:,} findings)")


def pass_through(batches: Iterator[Any]) -> Iterator[Any]:
    """A mapInArrow function that changes nothing: Spark's own cost."""
    yield from batches


def bench_spark(msgs: list[str], rows: int, files: int, runs: int) -> None:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from pci_redact import spark as ps

    msgs = (msgs * (rows // len(msgs) + 1))[:rows]
    table = pa.table({"id": pa.array(range(rows), pa.int64()), "text": pa.array(msgs, pa.string())})
    mb = table.column("text").chunk(0).buffers()[2].size / 1e6
    want = pci_redact.Redactor().redact_many(msgs)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "chats"
        src.mkdir()
        per = -(-rows // files)
        for i in range(files):
            pq.write_table(table.slice(i * per, per), src / f"part-{i:05d}.parquet")
        print(f"\nSpark local mode: {rows:,} rows, {mb:.0f} MB of text in {files} Parquet files (best of {runs})")
        for cores in (1, 2):
            spark = (
                SparkSession.builder.master(f"local[{cores}]")
                .appName("pci-redact-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.memory", "4g")
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
            df = spark.read.parquet(str(src))
            # Check the answer once, through Parquet, row by row.
            out = Path(tmp) / f"clean-{cores}"
            ps.scrub(df, "text").write.parquet(str(out))
            got = pq.read_table(out).sort_by("id").column("text").to_pylist()
            assert got == want, "Spark output differs from the core"

            def job(frame: Any) -> None:
                frame.write.format("noop").mode("overwrite").save()

            s, _, _ = best_of(runs, lambda: job(df.mapInArrow(pass_through, df.schema)))
            row(f"local[{cores}] mapInArrow pass-through", s, None, rows, mb)
            s, _, _ = best_of(runs, lambda: job(ps.scrub(df, "text")))
            row(f"local[{cores}] pci_redact.spark.scrub", s, None, rows, mb)
            spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--rows", type=int, default=10_000_000, help="messages for the Arrow benchmark (0: skip it)"
    )
    ap.add_argument("--spark-rows", type=int, default=2_000_000)
    ap.add_argument("--spark-files", type=int, default=8)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()

    print(
        f"pci_redact {pci_redact.__version__}, pyarrow {pa.__version__}, "
        f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    t0 = time.perf_counter()
    msgs = chat_messages(max(args.rows, args.spark_rows if not args.no_spark else 0))
    print(f"generated {len(msgs):,} messages in {time.perf_counter() - t0:.1f} s")
    if args.rows:
        bench_arrow(msgs[: args.rows], args.runs)
    if not args.no_spark:
        bench_spark(msgs[: args.spark_rows], args.spark_rows, args.spark_files, args.runs)


if __name__ == "__main__":
    main()
