"""Type stubs for the compiled module pci_redact._pci_redact.

Checked against the module with `python -m mypy.stubtest
pci_redact._pci_redact`.
"""

from collections.abc import Iterable
from types import TracebackType
from typing import Any, Protocol, TypeAlias, final

__all__ = [
    "ArrowArray",
    "ConfigError",
    "Finding",
    "RedactError",
    "RedactingWriter",
    "Redactor",
    "StreamRedactor",
    "__version__",
    "_core_seconds_per_call",
    "find",
    "find_arrow",
    "find_field",
    "redact",
    "redact_arrow",
    "redact_field",
]

__version__: str

class _ArrowArrayExportable(Protocol):
    """An Arrow array (the Arrow PyCapsule interface), e.g. pyarrow.Array."""

    def __arrow_c_array__(
        self, requested_schema: object | None = None
    ) -> tuple[object, object]: ...

class _ArrowStreamExportable(Protocol):
    """An Arrow column or stream, e.g. pyarrow.ChunkedArray or
    polars.Series."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

#: What redact_arrow and find_arrow take.
_ArrowColumn: TypeAlias = _ArrowArrayExportable | _ArrowStreamExportable

@final
class ArrowArray:
    """An Arrow array produced by pci_redact, for any Arrow library to take.

    redact_arrow() and find_arrow() return one when the input came from a
    library other than pyarrow or Polars. pyarrow.array(a),
    polars.Series(a), polars.DataFrame(a) (for a struct array of findings)
    or nanoarrow.c_array(a) import it without a copy.
    """

    def __arrow_c_array__(
        self, requested_schema: object | None = None
    ) -> tuple[object, object]:
        """The "arrow_schema" and "arrow_array" capsules of the array."""
    def __arrow_c_schema__(self) -> object:
        """The "arrow_schema" capsule of the array's type."""
    def __len__(self) -> int: ...

class RedactError(ValueError):
    """Base class of the errors raised by pci_redact.

    A subclass of ValueError. Scanning never fails: errors come only from
    bad options or misuse, and their messages never contain input text.
    """

class ConfigError(RedactError):
    """A bad option given to Redactor.

    Attributes:
        option: the name of the option that is wrong, e.g. "mask".

    The message starts with the option name.
    """

    option: str

@final
class Finding:
    """One piece of sensitive data found in a text.

    A finding says where the data is and what it is, never the data
    itself. For str input, start and end are code-point indices, so
    text[f.start:f.end] is the match; for bytes input (find_bytes) they
    are byte offsets. The repr shows no digits.
    """

    @property
    def kind(self) -> str:
        """"card", "ssn", "cvv", "expiry", "pin" or "track"."""
    @property
    def start(self) -> int:
        """Index of the first character (a byte for find_bytes)."""
    @property
    def end(self) -> int:
        """Index one past the last character (a byte for find_bytes)."""
    @property
    def brand(self) -> str | None:
        """The card brand, e.g. "visa", or None."""
    @property
    def last4(self) -> str | None:
        """The last four digits of a card or track finding, or None."""
    @property
    def confidence(self) -> float:
        """A confidence between 0 and 1; 0.99 for checked card numbers."""
    @property
    def spoken(self) -> bool:
        """Whether the data was written as words ("four one one one")."""
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: None  # type: ignore[assignment]

@final
class Redactor:
    """Finds and masks payment-card data.

    Immutable and thread-safe: build it once and share it. Every method
    releases the GIL while it scans more than 1 KiB of text (a shorter
    text takes less time to scan than releasing the GIL does).

    Args:
        kinds: the kinds to detect ("card", "ssn", "cvv", "expiry", "pin",
            "track"); None detects all.
        mask: mask style per kind: "last4" (or "last0" to "last4"), "full",
            "first6last4", "first8last4", "token", "remove" or
            "label:TEMPLATE".
        mask_char: the character that replaces masked digits.
        label: a label template replacing the whole finding; a str applies
            to cards, a dict maps kinds to templates. Placeholders: {kind},
            {KIND}, {brand}, {last4}, {token}.
        token_key: the HMAC key for "token" masks and {token}.
        spoken: also detect spoken forms ("four one one one").
        allow_test_cards: leave published test card numbers unmasked.

    Raises:
        ConfigError: an option is invalid; its option attribute names it.
    """

    def __new__(
        cls,
        *,
        kinds: Iterable[str] | None = None,
        mask: dict[str, str] | None = None,
        mask_char: str = "*",
        label: str | dict[str, str] | None = None,
        token_key: bytes | str | None = None,
        spoken: bool = True,
        allow_test_cards: bool = False,
    ) -> Redactor: ...
    def redact(self, text: str) -> str:
        """Redacts a string; returns the same object if nothing is masked."""
    def find(self, text: str) -> list[Finding]:
        """The findings in text, in order, with str indices."""
    def redact_field(self, name: str, text: str) -> str:
        """Redacts text, the value of the field name (a JSON key, a column
        name), reading the name as context: a "cvv" field's "123" is a CVV.
        Whatever redact(text) masks is masked too; returns the same object
        if nothing is masked."""
    def find_field(self, name: str, text: str) -> list[Finding]:
        """The findings in text, the value of the field name, read with the
        name as context; in order, with str indices into text."""
    def redact_bytes(self, data: bytes | bytearray) -> bytes:
        """Redacts a byte string (any bytes are data)."""
    def find_bytes(self, data: bytes | bytearray) -> list[Finding]:
        """The findings in a byte string, with byte offsets."""
    def redact_many(
        self,
        texts: Iterable[str | None],
        threads: int | None = None,
        *,
        field: str | None = None,
    ) -> list[str | None]:
        """Redacts many strings over threads; None items stay None. With
        field, each is read as the value of that field (redact_field)."""
    def find_many(
        self,
        texts: Iterable[str | None],
        threads: int | None = None,
        *,
        field: str | None = None,
    ) -> list[list[Finding] | None]:
        """Finds in many strings over threads; None items stay None. With
        field, each is read as the value of that field (find_field)."""
    def redact_arrow(
        self, array: _ArrowColumn, threads: int | None = None, *, field: str | None = None
    ) -> Any:
        """Redacts every row of an Arrow string, large_string or
        string_view column over threads, with no Python object per row.
        With field, each row is read as the value of that field
        (redact_field).

        Returns one array of the input's type with its nulls: a
        pyarrow.Array (a ChunkedArray of one chunk for a ChunkedArray) for
        pyarrow input, a polars.Series of the same name for Polars input,
        an ArrowArray otherwise. An array with nothing to mask comes back
        with its buffers shared.
        """
    def find_arrow(
        self, array: _ArrowColumn, threads: int | None = None, *, field: str | None = None
    ) -> Any:
        """The findings in every row of an Arrow string column: one row per
        finding with columns row, kind, start, end (str indices), brand,
        last4 and confidence. A pyarrow.Table for pyarrow input, a
        polars.DataFrame for Polars input, an ArrowArray of structs
        otherwise. With field, each row is read as the value of that field
        (find_field).
        """
    def stream(self) -> StreamRedactor:
        """A stream for text that arrives in pieces."""
    def redact_file(
        self, src: Any, dst: Any, *, chunk_size: int = 65536
    ) -> int:
        """Copies file object src to dst, redacting; returns the number of
        findings. Text and binary files both work; neither is closed."""
    def redact_conversation(
        self, messages: Iterable[tuple[str, str]]
    ) -> list[str]:
        """Redacts the (speaker, text) messages of one conversation."""
    def find_conversation(
        self, messages: Iterable[tuple[str, str]]
    ) -> list[list[Finding]]:
        """The findings of each message of one conversation."""

@final
class StreamRedactor:
    """Redacts text that arrives in pieces, with bounded memory.

    The concatenated output of feed() calls and finish() equals
    Redactor.redact() of the whole text, however it is cut. As a context
    manager it checks on exit that finish() was called after the last
    feed().
    """

    def feed(self, chunk: str) -> str:
        """Redacts the next piece; returns the output settled so far."""
    def finish(self) -> str:
        """Ends the text; returns the rest of the output."""
    def __enter__(self) -> StreamRedactor: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        _exc: BaseException | None = None,
        _tb: TracebackType | None = None,
    ) -> bool: ...

@final
class RedactingWriter:
    """A writable file object that redacts what is written to it and
    passes the result on to dst. close() writes the held-back rest and
    does not close dst.

    Args:
        dst: the file object to write to (text or binary).
        redactor: the policy; None uses the default.
    """

    def __new__(cls, dst: Any, redactor: Redactor | None = None) -> RedactingWriter: ...
    def write(self, data: str | bytes) -> int:
        """Redacts data and writes what is settled; returns len(data)."""
    def writelines(self, lines: Iterable[str | bytes]) -> None:
        """Writes each item of lines."""
    def flush(self) -> None:
        """Flushes dst (held-back text stays held)."""
    def close(self) -> None:
        """Writes the held-back rest and flushes dst."""
    def writable(self) -> bool:
        """Always True."""
    @property
    def findings(self) -> int:
        """The number of findings masked so far."""
    @property
    def closed(self) -> bool:
        """Whether close() was called."""
    def __enter__(self) -> RedactingWriter: ...
    def __exit__(
        self,
        _exc_type: type[BaseException] | None = None,
        _exc: BaseException | None = None,
        _tb: TracebackType | None = None,
    ) -> bool: ...

def redact(text: str) -> str:
    """Redacts text with the default policy (a shared Redactor())."""

def find(text: str) -> list[Finding]:
    """The findings in text under the default policy, with str indices."""

def redact_field(name: str, text: str) -> str:
    """Redacts text, the value of the field name, with the default policy,
    reading the name as context; see Redactor.redact_field."""

def find_field(name: str, text: str) -> list[Finding]:
    """The findings in text, the value of the field name, under the default
    policy; see Redactor.find_field."""

def redact_arrow(
    array: _ArrowColumn, threads: int | None = None, *, field: str | None = None
) -> Any:
    """Redacts an Arrow string column with the default policy; see
    Redactor.redact_arrow."""

def find_arrow(
    array: _ArrowColumn, threads: int | None = None, *, field: str | None = None
) -> Any:
    """The findings in an Arrow string column under the default policy; see
    Redactor.find_arrow."""

def _core_seconds_per_call(text: str, iterations: int) -> float:
    """Seconds per core redact() call, timed in Rust (benchmarks only)."""
