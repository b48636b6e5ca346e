//! Streams: `StreamRedactor`, `RedactingWriter` and `Redactor.redact_file`,
//! all thin layers over [`pci_redact::StreamRedactor`].

use pci_redact::{Redactor, StreamRedactor};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyString};

use crate::errors::RedactError;

/// Redacts text that arrives in pieces, with bounded memory.
///
/// Made by Redactor.stream(). Pass each piece to feed() and write out what
/// it returns; call finish() at the end for the rest. The concatenated
/// output equals Redactor.redact() of the whole text, however the text is
/// cut. Only the text of a possible match that is still open is held back
/// (a few dozen characters at most).
///
/// After finish() the stream can be fed again: it starts a new text.
/// A stream holds the state of one text, so it belongs to one thread at a
/// time (a second thread calling it meanwhile gets a RuntimeError); the
/// Redactor that made it can be shared freely.
///
/// Used as a context manager, the stream checks on exit that finish() was
/// called after the last feed(), so that no held-back text is lost; on an
/// exception it drops the held-back text instead.
///
/// Example:
///     >>> s = Redactor().stream()
///     >>> s.feed("card 4111 11") + s.feed("11 1111 1111.") + s.finish()
///     'card **** **** **** 1111.'
#[pyclass(module = "pci_redact", name = "StreamRedactor")]
pub(crate) struct PyStreamRedactor {
    redactor: Redactor,
    inner: StreamRedactor,
    /// Text was fed since the last finish().
    open: bool,
}

impl PyStreamRedactor {
    pub(crate) fn new(redactor: Redactor) -> PyStreamRedactor {
        let inner = redactor.stream();
        PyStreamRedactor { redactor, inner, open: false }
    }
}

#[pymethods]
impl PyStreamRedactor {
    /// Redacts the next piece of text.
    ///
    /// Args:
    ///     chunk (str): the next piece, of any length.
    ///
    /// Returns:
    ///     str: the output that is settled so far; possibly empty, possibly
    ///     including text from earlier pieces.
    fn feed(&mut self, py: Python<'_>, chunk: PyBackedStr) -> String {
        self.open = true;
        let inner = &mut self.inner;
        py.detach(|| {
            let mut out = String::with_capacity(chunk.len());
            inner.push_str(&chunk, &mut out);
            out
        })
    }

    /// Ends the text and returns the rest of the output.
    ///
    /// Returns:
    ///     str: everything not yet returned by feed().
    fn finish(&mut self, py: Python<'_>) -> String {
        self.open = false;
        let inner = &mut self.inner;
        py.detach(|| {
            let mut out = String::new();
            inner.finish_str(&mut out);
            out
        })
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Checks that finish() was called (see the class docs).
    #[pyo3(signature = (exc_type, _exc = None, _tb = None))]
    fn __exit__(
        &mut self,
        exc_type: Option<&Bound<'_, PyAny>>,
        _exc: Option<&Bound<'_, PyAny>>,
        _tb: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        let was_open = self.open;
        // Drop whatever is held back: on success there is nothing, on an
        // error it may be part of a card number nobody will read.
        self.inner = self.redactor.stream();
        self.open = false;
        if was_open && exc_type.is_none() {
            return Err(RedactError::new_err(
                "the stream was left without finish(): its held-back text \
                 was dropped",
            ));
        }
        Ok(false)
    }
}

/// Whether a stream carries text or bytes; set by the first chunk.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Text,
    Binary,
}

/// One chunk read from a file object or given to `write`.
enum Chunk {
    Text(PyBackedStr),
    Binary(PyBackedBytes),
}

impl Chunk {
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Chunk> {
        if obj.is_instance_of::<PyString>() {
            return Ok(Chunk::Text(obj.extract()?));
        }
        if let Ok(b) = obj.extract::<PyBackedBytes>() {
            return Ok(Chunk::Binary(b));
        }
        Err(PyTypeError::new_err(format!(
            "expected str or bytes, got {}",
            obj.get_type().name()?
        )))
    }

    fn mode(&self) -> Mode {
        match self {
            Chunk::Text(_) => Mode::Text,
            Chunk::Binary(_) => Mode::Binary,
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Chunk::Text(s) => s.is_empty(),
            Chunk::Binary(b) => b.is_empty(),
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Chunk::Text(s) => s.as_bytes(),
            Chunk::Binary(b) => b,
        }
    }
}

/// A core stream that writes to a Python file object and counts findings.
struct FileSink {
    stream: StreamRedactor,
    mode: Option<Mode>,
    findings: usize,
}

impl FileSink {
    fn new(r: &Redactor) -> FileSink {
        let mut stream = r.stream();
        stream.record_findings(true);
        FileSink { stream, mode: None, findings: 0 }
    }

    /// Pushes `chunk` (or finishes, for `None`) with the GIL released and
    /// writes the output to `dst`.
    fn push(
        &mut self,
        py: Python<'_>,
        chunk: Option<&Chunk>,
        dst: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        if let Some(c) = chunk {
            match self.mode {
                None => self.mode = Some(c.mode()),
                Some(m) if m != c.mode() => {
                    return Err(PyTypeError::new_err(
                        "cannot mix str and bytes in one stream",
                    ))
                }
                Some(_) => {}
            }
        }
        let stream = &mut self.stream;
        let (out, n) = py.detach(|| {
            let mut out = Vec::new();
            match chunk {
                Some(c) => stream.push(c.bytes(), &mut out),
                None => stream.finish(&mut out),
            }
            (out, stream.take_findings().len())
        });
        self.findings += n;
        if out.is_empty() {
            return Ok(());
        }
        match self.mode {
            Some(Mode::Binary) => {
                dst.call_method1("write", (PyBytes::new(py, &out),))?;
            }
            _ => {
                // Text in, so text out: the core releases output only at
                // character boundaries and its replacements are UTF-8.
                let s = String::from_utf8_lossy(&out);
                dst.call_method1("write", (s,))?;
            }
        }
        Ok(())
    }
}

/// `Redactor.redact_file`: the loop, kept here with the other streams.
pub(crate) fn redact_file(
    py: Python<'_>,
    r: &Redactor,
    src: &Bound<'_, PyAny>,
    dst: &Bound<'_, PyAny>,
    chunk_size: usize,
) -> PyResult<usize> {
    let mut sink = FileSink::new(r);
    let size = chunk_size.max(1);
    loop {
        let chunk = Chunk::from_py(&src.call_method1("read", (size,))?)?;
        if chunk.is_empty() {
            break;
        }
        sink.push(py, Some(&chunk), dst)?;
    }
    sink.push(py, None, dst)?;
    Ok(sink.findings)
}

/// A writable file object that redacts what is written to it and passes
/// the result on to another file object.
///
/// Text written is held back only while it may still be part of a match
/// (a few dozen characters at most); close() writes the rest. close() does
/// not close the wrapped file. Write str to wrap a text file, bytes to wrap
/// a binary one.
///
/// Args:
///     dst: the file object to write the redacted text to.
///     redactor (Redactor | None): the policy; None uses the default.
///
/// Attributes:
///     findings (int): the number of findings masked so far.
///     closed (bool): whether close() was called.
///
/// Example:
///     >>> import io
///     >>> out = io.StringIO()
///     >>> with RedactingWriter(out) as w:
///     ...     _ = w.write("card 4111 1111 ")
///     ...     _ = w.write("1111 1111\n")
///     >>> out.getvalue()
///     'card **** **** **** 1111\n'
#[pyclass(module = "pci_redact", name = "RedactingWriter")]
pub(crate) struct PyRedactingWriter {
    dst: Py<PyAny>,
    sink: FileSink,
    closed: bool,
}

impl PyRedactingWriter {
    fn check_open(&self) -> PyResult<()> {
        if self.closed {
            return Err(RedactError::new_err(
                "write to a closed RedactingWriter",
            ));
        }
        Ok(())
    }
}

#[pymethods]
impl PyRedactingWriter {
    #[new]
    #[pyo3(signature = (dst, redactor = None))]
    fn new(
        dst: Py<PyAny>,
        redactor: Option<PyRef<'_, crate::redactor::PyRedactor>>,
    ) -> PyRedactingWriter {
        let r = match redactor {
            Some(r) => r.core().clone(),
            None => crate::redactor::default_redactor().clone(),
        };
        PyRedactingWriter { dst, sink: FileSink::new(&r), closed: false }
    }

    /// Redacts `data` and writes what is settled to the wrapped file.
    ///
    /// Args:
    ///     data (str | bytes): the next piece of text.
    ///
    /// Returns:
    ///     int: len(data), as file objects do.
    fn write(
        &mut self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<usize> {
        self.check_open()?;
        let chunk = Chunk::from_py(data)?;
        let n = data.len()?;
        let dst = self.dst.bind(py);
        self.sink.push(py, Some(&chunk), dst)?;
        Ok(n)
    }

    /// Writes each item of `lines` (no newlines are added).
    ///
    /// Args:
    ///     lines (Iterable[str | bytes]): the pieces to write.
    fn writelines(
        &mut self,
        py: Python<'_>,
        lines: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        for line in lines.try_iter()? {
            self.write(py, &line?)?;
        }
        Ok(())
    }

    /// Flushes the wrapped file. Text held back because it may be part of a
    /// match stays held until more text or close() decides it.
    fn flush(&self, py: Python<'_>) -> PyResult<()> {
        let dst = self.dst.bind(py);
        if dst.hasattr("flush")? {
            dst.call_method0("flush")?;
        }
        Ok(())
    }

    /// Writes the held-back rest and flushes the wrapped file, which stays
    /// open. Closing twice does nothing.
    fn close(&mut self, py: Python<'_>) -> PyResult<()> {
        if self.closed {
            return Ok(());
        }
        self.closed = true;
        let dst = self.dst.bind(py).clone();
        self.sink.push(py, None, &dst)?;
        self.flush(py)
    }

    /// Always True.
    fn writable(&self) -> bool {
        true
    }

    /// The number of findings masked so far.
    #[getter]
    fn findings(&self) -> usize {
        self.sink.findings
    }

    /// Whether close() was called.
    #[getter]
    fn closed(&self) -> bool {
        self.closed
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Closes the writer (also on an exception: what was written so far is
    /// completed).
    #[pyo3(signature = (_exc_type = None, _exc = None, _tb = None))]
    fn __exit__(
        &mut self,
        py: Python<'_>,
        _exc_type: Option<&Bound<'_, PyAny>>,
        _exc: Option<&Bound<'_, PyAny>>,
        _tb: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<bool> {
        self.close(py)?;
        Ok(false)
    }
}
