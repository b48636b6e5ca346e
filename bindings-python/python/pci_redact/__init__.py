"""Find and mask payment-card data in chat and call transcripts.

pci_redact finds card numbers (Luhn- and IIN-checked), US Social Security
numbers, CVVs, expiry dates, PINs and magnetic-stripe track data, typed or
spoken ("four one one one"), and masks them before text is stored, logged
or indexed. The work is done by the pci-redact Rust crate; every call on
more than 1 KiB of text releases the GIL.

Example:
    >>> import pci_redact
    >>> pci_redact.redact("card 4111 1111 1111 1111, cvv 123")
    'card **** **** **** 1111, cvv ***'
    >>> r = pci_redact.Redactor(mask={"card": "full"})
    >>> r.redact_many(["4111111111111111", None])
    ['****************', None]

The value of a named field (a JSON key, a CSV or DataFrame column) goes
through redact_field() and find_field(), which read the name as context:

    >>> pci_redact.redact("123"), pci_redact.redact_field("cvv", "123")
    ('123', '***')

Whole Arrow columns (pyarrow, Polars, pandas with Arrow strings) go
through redact_arrow() and find_arrow() without a Python object per row.
The submodules pci_redact.polars and pci_redact.spark apply them to Polars
queries and Spark DataFrames.
"""

from ._pci_redact import (
    ArrowArray,
    ConfigError,
    Finding,
    RedactError,
    RedactingWriter,
    Redactor,
    StreamRedactor,
    __version__,
    find,
    find_arrow,
    find_field,
    redact,
    redact_arrow,
    redact_field,
)

__all__ = [
    "ArrowArray",
    "ConfigError",
    "Finding",
    "RedactError",
    "RedactingWriter",
    "Redactor",
    "StreamRedactor",
    "__version__",
    "find",
    "find_arrow",
    "find_field",
    "redact",
    "redact_arrow",
    "redact_field",
]
