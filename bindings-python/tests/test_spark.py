"""pci_redact.spark in Spark local mode, on the sample Parquet dataset
data/parquet-sample/chats/, every row checked against the core.

Needs pyspark (requirements-arrow.txt) and Java 17 or newer (JAVA_HOME, or
java on PATH). PCI_REDACT_SPARK=0 skips these tests, e.g. on a machine
without Java; they take about a minute (most of it starting the JVM).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import pci_redact
from conftest import AMEX, MASTERCARD, VISA

pytestmark = pytest.mark.skipif(
    os.environ.get("PCI_REDACT_SPARK") == "0",
    reason="PCI_REDACT_SPARK=0 skips the Spark tests",
)

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "parquet-sample" / "chats"
TEXT_COLUMNS = ["text", "notes"]


def java_env() -> dict[str, str]:
    """The environment for Spark: JAVA_HOME found if unset, and this
    interpreter (where pci_redact is installed) for the Python workers."""
    env = dict(os.environ)
    if "JAVA_HOME" not in env and shutil.which("java") is None:
        candidates = sorted(Path("/usr/lib/jvm").glob("*17*")) if Path("/usr/lib/jvm").is_dir() else []
        if not candidates:
            pytest.fail("Spark needs Java 17+: set JAVA_HOME, or PCI_REDACT_SPARK=0 to skip")
        env["JAVA_HOME"] = str(candidates[0])
    env["PYSPARK_PYTHON"] = sys.executable
    env["PYSPARK_DRIVER_PYTHON"] = sys.executable
    return env


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    saved = dict(os.environ)
    os.environ.update(java_env())
    session = (
        SparkSession.builder.master("local[2]")
        .appName("pci-redact-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        os.environ.clear()
        os.environ.update(saved)


@pytest.fixture(scope="module")
def sample() -> dict[str, list[Any]]:
    """The sample dataset, read with pyarrow (not Spark), as columns."""
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = pq.read_table(SAMPLE).to_pydict()
    return columns


@pytest.fixture()
def df(spark: Any) -> Any:
    # Three partitions, so several Python workers and batches take part.
    return spark.read.parquet(str(SAMPLE)).repartition(3)


def check_scrubbed(rows: list[Any], sample: dict[str, list[Any]], r: pci_redact.Redactor) -> None:
    """Every scrubbed row equals the core's redact_many of the original."""
    by_id = {row["message_id"]: row for row in rows}
    assert len(by_id) == len(rows) == len(sample["message_id"])
    want = {c: r.redact_many(sample[c]) for c in TEXT_COLUMNS}
    for i, mid in enumerate(sample["message_id"]):
        row = by_id[mid]
        for c in TEXT_COLUMNS:
            assert row[c] == want[c][i], (mid, c)
        assert row["conversation_id"] == sample["conversation_id"][i]
        assert row["speaker"] == sample["speaker"][i]


def test_sample_has_what_the_tests_need(sample: dict[str, list[Any]], r: pci_redact.Redactor) -> None:
    text = sample["text"]
    assert 200 <= len(text) <= 1000
    assert None in text and "" in text
    assert any(t and not t.isascii() for t in text)
    changed = sum(a != b for a, b in zip(text, r.redact_many(text), strict=True))
    assert changed >= 50
    assert any(r.find(n) for n in sample["notes"] if n)


def test_scrub_every_row(df: Any, sample: dict[str, list[Any]], r: pci_redact.Redactor) -> None:
    from pci_redact import spark as ps

    out = ps.scrub(df, TEXT_COLUMNS)
    assert out.schema == df.schema
    rows = [row.asDict() for row in out.collect()]
    check_scrubbed(rows, sample, r)
    joined = " ".join(str(row["text"]) + str(row["notes"]) for row in rows)
    for number in (VISA, MASTERCARD, AMEX, "4111 1111 1111 1111", "5555 5555 5555 4444"):
        assert number not in joined


def test_scrub_with_large_strings(
    spark: Any, df: Any, sample: dict[str, list[Any]], r: pci_redact.Redactor
) -> None:
    from pci_redact import spark as ps

    key = "spark.sql.execution.arrow.useLargeVarTypes"
    spark.conf.set(key, "true")
    try:
        rows = [row.asDict() for row in ps.scrub(df, TEXT_COLUMNS).collect()]
        found = ps.findings(df, "text").count()
    finally:
        spark.conf.unset(key)
    check_scrubbed(rows, sample, r)
    assert found == sum(len(f or []) for f in r.find_many(sample["text"]))


def test_scrub_with_options(df: Any, sample: dict[str, list[Any]]) -> None:
    from pci_redact import spark as ps

    options: dict[str, Any] = {"kinds": ["card"], "mask": {"card": "first6last4"}}
    rows = {row["message_id"]: row["text"] for row in ps.scrub(df, "text", options).collect()}
    want = pci_redact.Redactor(**options).redact_many(sample["text"])
    assert [rows[m] for m in sample["message_id"]] == want
    assert want != pci_redact.Redactor().redact_many(sample["text"])


def test_findings_by_id(df: Any, sample: dict[str, list[Any]], r: pci_redact.Redactor) -> None:
    from pci_redact import spark as ps

    audit = ps.findings(df, TEXT_COLUMNS, id_col="message_id")
    assert audit.columns == ["message_id", "column", "kind", "brand", "last4", "start", "end"]
    got = sorted(tuple(row) for row in audit.collect())
    want = sorted(
        (mid, c, f.kind, f.brand, f.last4, f.start, f.end)
        for c in TEXT_COLUMNS
        for mid, found in zip(sample["message_id"], r.find_many(sample[c]), strict=True)
        for f in found or []
    )
    assert len(want) >= 50
    assert got == want
    kinds = {row[2] for row in got}
    assert {"card", "cvv", "ssn"} <= kinds


def test_findings_with_row_ids(df: Any, sample: dict[str, list[Any]], r: pci_redact.Redactor) -> None:
    from pci_redact import spark as ps

    audit = ps.findings(df, "text")
    assert audit.columns[0] == "row_id"
    rows = audit.collect()
    found = r.find_many(sample["text"])
    assert len(rows) == sum(len(f or []) for f in found)
    # One id per row that has findings.
    assert len({row["row_id"] for row in rows}) == sum(1 for f in found if f)


#: A payments table whose CVVs and expiry months only their column names
#: say the kind of, and a card in a column whose name says nothing.
PAYMENTS: dict[str, list[Any]] = {
    "id": [1, 2, 3, 4, 5],
    "cvv": ["123", None, "737", f"card {VISA}", "n/a"],
    "exp_month": ["08", None, "12", "", "n/a"],
    "order_id": [MASTERCARD, None, "12345678", "123", "n/a"],
}
FIELD_COLUMNS = ["cvv", "exp_month", "order_id"]


@pytest.fixture()
def payments(spark: Any) -> Any:
    schema = "id long, cvv string, exp_month string, order_id string"
    return spark.createDataFrame(list(zip(*PAYMENTS.values(), strict=True)), schema).repartition(2)


def by_id(rows: list[Any]) -> dict[str, list[Any]]:
    """Rows of the payments table as columns, in id order."""
    ordered = sorted((row.asDict() for row in rows), key=lambda row: row["id"])
    return {c: [row[c] for row in ordered] for c in PAYMENTS}


def test_scrub_with_field_names(payments: Any, r: pci_redact.Redactor) -> None:
    from pci_redact import spark as ps

    out = ps.scrub(payments, FIELD_COLUMNS, field_names=True)
    assert out.schema == payments.schema
    got = by_id(out.collect())
    assert got["id"] == PAYMENTS["id"]
    for c in FIELD_COLUMNS:
        assert got[c] == r.redact_many(PAYMENTS[c], field=c), c
    assert got["cvv"] == ["***", None, "***", "card ************1111", "n/a"]
    assert got["exp_month"] == ["**", None, "**", "", "n/a"]
    assert got["order_id"] == ["************4444", None, "12345678", "123", "n/a"]


def test_scrub_without_field_names_is_free_text(payments: Any, r: pci_redact.Redactor) -> None:
    from pci_redact import spark as ps

    got = by_id(ps.scrub(payments, FIELD_COLUMNS).collect())
    for c in FIELD_COLUMNS:
        assert got[c] == r.redact_many(PAYMENTS[c]), c
    assert got["cvv"] == ["123", None, "737", "card ************1111", "n/a"]
    assert got["exp_month"] == PAYMENTS["exp_month"]
    assert got["order_id"][0] == "************4444"


def test_findings_with_field_names(payments: Any, r: pci_redact.Redactor) -> None:
    from pci_redact import spark as ps

    def want(field_names: bool) -> list[tuple[Any, ...]]:
        return sorted(
            (i, c, f.kind, f.brand, f.last4, f.start, f.end)
            for c in FIELD_COLUMNS
            for i, found in zip(
                PAYMENTS["id"],
                r.find_many(PAYMENTS[c], field=c if field_names else None),
                strict=True,
            )
            for f in found or []
        )

    named = ps.findings(payments, FIELD_COLUMNS, id_col="id", field_names=True)
    got = sorted(tuple(row) for row in named.collect())
    assert got == want(True)
    assert {(row[1], row[2]) for row in got} == {
        ("cvv", "cvv"),
        ("cvv", "card"),
        ("exp_month", "expiry"),
        ("order_id", "card"),
    }
    assert (1, "cvv", "cvv", None, None, 0, 3) in got
    plain = sorted(tuple(row) for row in ps.findings(payments, FIELD_COLUMNS, id_col="id").collect())
    assert plain == want(False)
    assert {row[2] for row in plain} == {"card"}
    # With row ids, as many findings.
    assert ps.findings(payments, FIELD_COLUMNS, field_names=True).count() == len(got)


def test_bad_arguments(df: Any) -> None:
    from pci_redact import spark as ps

    with pytest.raises(ValueError, match="no column 'missing'"):
        ps.scrub(df, ["text", "missing"])
    with pytest.raises(TypeError, match="message_id"):
        ps.scrub(df, "message_id")
    with pytest.raises(pci_redact.ConfigError):
        ps.scrub(df, "text", {"mask": {"card": "last7"}})
    with pytest.raises(ValueError, match="id_col"):
        ps.findings(df, "text", id_col="nope")
    with pytest.raises(ValueError, match="columns"):
        ps.findings(df, [])


def test_command_line(tmp_path: Path, sample: dict[str, list[Any]], r: pci_redact.Redactor) -> None:
    import pyarrow.parquet as pq

    out, audit = tmp_path / "clean", tmp_path / "findings"
    cmd = [
        sys.executable, "-m", "pci_redact.spark",
        "--input", str(SAMPLE), "--output", str(out),
        "--columns", "text", "--columns", "notes",
        "--findings", str(audit), "--id-col", "message_id",
        "--master", "local[1]",
    ]  # fmt: skip
    done = subprocess.run(cmd, env=java_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = pq.read_table(out).to_pylist()
    check_scrubbed(rows, sample, r)
    n = sum(len(f or []) for c in TEXT_COLUMNS for f in r.find_many(sample[c]))
    assert pq.read_table(audit).num_rows == n
    assert f"{n} findings" in done.stderr
    for number in (VISA, MASTERCARD, AMEX):
        assert number not in done.stdout + done.stderr


def test_command_line_with_field_names(tmp_path: Path, r: pci_redact.Redactor) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    src, out, audit = tmp_path / "payments", tmp_path / "clean", tmp_path / "findings"
    src.mkdir()
    pq.write_table(pa.table(PAYMENTS), src / "part-0.parquet")
    cmd = [
        sys.executable, "-m", "pci_redact.spark",
        "--input", str(src), "--output", str(out),
        "--columns", ",".join(FIELD_COLUMNS), "--field-names",
        "--findings", str(audit), "--id-col", "id",
        "--master", "local[1]",
    ]  # fmt: skip
    done = subprocess.run(cmd, env=java_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    got = pq.read_table(out).sort_by("id").to_pydict()
    for c in FIELD_COLUMNS:
        assert got[c] == r.redact_many(PAYMENTS[c], field=c), c
    assert got["cvv"][:3] == ["***", None, "***"]
    n = sum(len(f or []) for c in FIELD_COLUMNS for f in r.find_many(PAYMENTS[c], field=c))
    assert n > sum(len(f or []) for c in FIELD_COLUMNS for f in r.find_many(PAYMENTS[c]))
    assert pq.read_table(audit).num_rows == n
    assert f"{n} findings" in done.stderr
