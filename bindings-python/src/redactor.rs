//! `Redactor`: the Python face of [`pci_redact::Redactor`].
//!
//! Every method follows one pattern: extract the arguments while attached
//! to the interpreter (borrowing `str` and `bytes` buffers without copying),
//! run the core with the interpreter released (`py.detach`; not for a text
//! of 1 KiB or less, which takes less time to scan), then build the Python
//! result. Nothing here detects or masks anything itself.

use std::borrow::Cow;
use std::sync::OnceLock;
use std::time::Instant;

use pci_redact::{Kind, MaskStyle, Message, Redactor};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::arrow;
use crate::errors::{config_error, BuildErr};
use crate::finding::PyFinding;
use crate::parallel;
use crate::stream::{redact_file, PyStreamRedactor};

/// Finds and masks payment-card data: card numbers, SSNs, CVVs, expiry
/// dates, PINs and magnetic-stripe track data, typed or spoken.
///
/// A Redactor is immutable and thread-safe: build it once and share it.
/// Every method releases the GIL while it scans text longer than 1 KiB, so
/// threads that share one Redactor run in parallel; a shorter text (a chat
/// message) is scanned in less time than releasing the GIL takes.
///
/// Args:
///     kinds (Iterable[str] | None): the kinds to detect, any of "card",
///         "ssn", "cvv", "expiry", "pin", "track". None detects all.
///     mask (dict[str, str] | None): mask style per kind: "last4" (or
///         "last0" to "last4"), "full", "first6last4", "first8last4",
///         "token", "remove" or "label:TEMPLATE". Cards default to "last4",
///         everything else to "full".
///     mask_char (str): the character that replaces masked digits.
///     label (str | dict[str, str] | None): a label template that replaces
///         the whole finding, e.g. "[CARD {brand} ending {last4}]"; a str
///         applies to cards, a dict maps kinds to templates. Placeholders:
///         {kind}, {KIND}, {brand}, {last4}, {token}.
///     token_key (bytes | str | None): the HMAC key for "token" masks and
///         the {token} placeholder.
///     spoken (bool): also detect spoken forms ("four one one one").
///     allow_test_cards (bool): leave the processors' published test card
///         numbers unmasked.
///
/// Raises:
///     ConfigError: an option is invalid; its `option` attribute names it.
///
/// Example:
///     >>> r = Redactor(mask={"card": "first6last4"})
///     >>> r.redact("card 4111 1111 1111 1111")
///     'card 4111 11** **** 1111'
#[pyclass(frozen, module = "pci_redact", name = "Redactor")]
pub(crate) struct PyRedactor {
    inner: Redactor,
    /// The options that the core does not report back, for `__repr__`.
    spoken: bool,
    allow_test_cards: bool,
    mask_char: char,
}

/// The redactor behind the module-level `redact` and `find`.
pub(crate) fn default_redactor() -> &'static Redactor {
    static DEFAULT: OnceLock<Redactor> = OnceLock::new();
    DEFAULT.get_or_init(Redactor::new)
}

/// `Some(owned)` when the core changed the text, `None` when it borrowed it
/// (nothing to mask): the caller then returns the input object itself.
fn changed<T: ?Sized + ToOwned>(c: Cow<'_, T>) -> Option<T::Owned> {
    match c {
        Cow::Borrowed(_) => None,
        Cow::Owned(o) => Some(o),
    }
}

/// The redacted `text` as a Python str: the input object itself when
/// nothing was masked, so clean text costs no copy.
fn str_result<'py>(
    py: Python<'py>,
    text: &PyBackedStr,
    out: Option<String>,
) -> Bound<'py, PyString> {
    match out {
        None => text.as_py_str().bind(py).clone(),
        Some(s) => PyString::new(py, &s),
    }
}

/// Redacts `text` under `r`: as the value of the field named `field` when
/// there is one (field mode, the name read as context), as free text
/// otherwise.
pub(crate) fn redact_text<'h>(
    r: &Redactor,
    field: Option<&str>,
    text: &'h str,
) -> Cow<'h, str> {
    match field {
        Some(name) => r.redact_field(name, text),
        None => r.redact(text),
    }
}

/// Finds in `text` under `r`, as the value of the field named `field` when
/// there is one; byte offsets into `text`.
pub(crate) fn find_text(
    r: &Redactor,
    field: Option<&str>,
    text: &str,
) -> Vec<pci_redact::Finding> {
    match field {
        Some(name) => r.find_field(name, text),
        None => r.find(text),
    }
}

/// Redacts `text` under `r`, as the value of the field named `field` when
/// there is one (with the GIL released but for short text).
fn redact_str<'py>(
    py: Python<'py>,
    r: &Redactor,
    field: Option<&str>,
    text: PyBackedStr,
) -> Bound<'py, PyString> {
    let out =
        released(py, text.len(), || changed(redact_text(r, field, &text)));
    str_result(py, &text, out)
}

/// Texts up to this many bytes are scanned without releasing the GIL:
/// releasing and taking it back costs more than scanning them (a chat
/// message takes well under a microsecond).
const SHORT: usize = 1024;

/// Runs `f` with the GIL released when the input is longer than
/// [`SHORT`].
fn released<T: Send>(
    py: Python<'_>,
    len: usize,
    f: impl FnOnce() -> T + Send,
) -> T {
    if len <= SHORT {
        f()
    } else {
        py.detach(f)
    }
}

/// Finds in `text` under `r`, as the value of the field named `field` when
/// there is one (with the GIL released but for short text); code-point
/// offsets.
fn find_str(
    py: Python<'_>,
    r: &Redactor,
    field: Option<&str>,
    text: PyBackedStr,
) -> Vec<PyFinding> {
    released(py, text.len(), || {
        PyFinding::with_chars(&text, &find_text(r, field, &text))
    })
}

/// Bytes from a `bytes` or `bytearray` argument (a `bytes` is borrowed, a
/// `bytearray` copied, since it could change while the GIL is released).
fn backed_bytes(data: &Bound<'_, PyAny>) -> PyResult<PyBackedBytes> {
    data.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "expected bytes or bytearray, got {}",
            type_name(data)
        ))
    })
}

/// The name of `obj`'s type, for error messages (never its value).
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string())
}

/// Each item of `texts` as a borrowed str, `None` staying `None`.
fn texts_arg(texts: &Bound<'_, PyAny>) -> PyResult<Vec<Option<PyBackedStr>>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts: expected an iterable of str or None, got a single str",
        ));
    }
    let mut v = Vec::with_capacity(texts.len().unwrap_or(0));
    for (i, item) in texts.try_iter()?.enumerate() {
        let item = item?;
        if item.is_none() {
            v.push(None);
            continue;
        }
        match item.extract::<PyBackedStr>() {
            Ok(s) => v.push(Some(s)),
            Err(e) if item.is_instance_of::<PyString>() => return Err(e),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "texts[{i}]: expected str or None, got {}",
                    type_name(&item)
                )))
            }
        }
    }
    Ok(v)
}

/// The thread count for the `*_many` methods: the machine's parallelism
/// when `None`.
fn threads_arg(threads: Option<isize>) -> PyResult<usize> {
    match threads {
        None => Ok(parallel::default_threads()),
        Some(n) if n >= 1 => Ok(n.unsigned_abs()),
        Some(n) => Err(config_error(
            "threads",
            &format!("must be at least 1 or None, got {n}"),
        )),
    }
}

/// The (speaker, text) pairs of a conversation.
fn messages_arg(
    messages: &Bound<'_, PyAny>,
) -> PyResult<Vec<(PyBackedStr, PyBackedStr)>> {
    let mut v = Vec::with_capacity(messages.len().unwrap_or(0));
    for (i, item) in messages.try_iter()?.enumerate() {
        let item = item?;
        let bad = || {
            PyTypeError::new_err(format!(
                "messages[{i}]: expected a (speaker, text) pair of str, \
                 got {}",
                type_name(&item)
            ))
        };
        if item.is_instance_of::<PyString>() || item.len().ok() != Some(2) {
            return Err(bad());
        }
        let speaker = item.get_item(0)?.extract().map_err(|_| bad())?;
        let text = item.get_item(1)?.extract().map_err(|_| bad())?;
        v.push((speaker, text));
    }
    Ok(v)
}

/// The name of a mask style, as `mask=` takes it.
fn style_name(s: &MaskStyle) -> String {
    match s {
        MaskStyle::Full => "full".into(),
        MaskStyle::KeepLast(n) => format!("last{n}"),
        MaskStyle::KeepFirst6Last4 => "first6last4".into(),
        MaskStyle::KeepFirst8Last4 => "first8last4".into(),
        MaskStyle::Label(t) => format!("label:{t}"),
        MaskStyle::Token => "token".into(),
        MaskStyle::Remove => "remove".into(),
        other => format!("{other:?}"),
    }
}

impl PyRedactor {
    /// The core redactor.
    pub(crate) fn core(&self) -> &Redactor {
        &self.inner
    }
}

#[pymethods]
impl PyRedactor {
    #[new]
    #[pyo3(signature = (
        *,
        kinds = None,
        mask = None,
        mask_char = "*",
        label = None,
        token_key = None,
        spoken = true,
        allow_test_cards = false,
    ))]
    fn new(
        kinds: Option<&Bound<'_, PyAny>>,
        mask: Option<&Bound<'_, PyDict>>,
        mask_char: &str,
        label: Option<&Bound<'_, PyAny>>,
        token_key: Option<&Bound<'_, PyAny>>,
        spoken: bool,
        allow_test_cards: bool,
    ) -> PyResult<PyRedactor> {
        let mut b = Redactor::builder();
        if let Some(kinds) = kinds {
            if kinds.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(
                    "kinds: expected an iterable of kind names, got a \
                     single str (write kinds=[\"card\"])",
                ));
            }
            let mut names = Vec::new();
            for k in kinds.try_iter()? {
                names.push(k?.extract::<PyBackedStr>()?);
            }
            b.kind_names(names.iter().map(|n| &**n)).map_err(BuildErr)?;
        }
        let mut masked: Vec<String> = Vec::new();
        if let Some(mask) = mask {
            for (k, v) in mask.iter() {
                let (k, v): (PyBackedStr, PyBackedStr) =
                    (k.extract()?, v.extract()?);
                b.mask_named(&k, &v).map_err(BuildErr)?;
                masked.push(k.to_string());
            }
        }
        if let Some(label) = label {
            let pairs: Vec<(String, PyBackedStr)> =
                if let Ok(t) = label.extract::<PyBackedStr>() {
                    vec![("card".to_string(), t)]
                } else if let Ok(d) = label.cast::<PyDict>() {
                    let mut v = Vec::new();
                    for (k, t) in d.iter() {
                        v.push((k.extract::<String>()?, t.extract()?));
                    }
                    v
                } else {
                    return Err(PyTypeError::new_err(format!(
                        "label: expected str or dict, got {}",
                        type_name(label)
                    )));
                };
            for (kind, tpl) in pairs {
                if masked.contains(&kind) {
                    return Err(config_error(
                        "label",
                        &format!(
                            "the mask of {kind:?} is set by both mask and \
                             label"
                        ),
                    ));
                }
                b.mask_named(&kind, &format!("label:{}", &*tpl))
                    .map_err(BuildErr)?;
            }
        }
        let mut chars = mask_char.chars();
        let c = match (chars.next(), chars.next()) {
            (Some(c), None) => c,
            _ => {
                return Err(config_error(
                    "mask_char",
                    &format!(
                        "expected a single character, got {} characters",
                        mask_char.chars().count()
                    ),
                ))
            }
        };
        b.mask_char(c);
        if let Some(key) = token_key {
            if let Ok(s) = key.extract::<PyBackedStr>() {
                b.token_key(s.as_bytes());
            } else if let Ok(k) = key.extract::<PyBackedBytes>() {
                b.token_key(&*k);
            } else {
                return Err(PyTypeError::new_err(format!(
                    "token_key: expected bytes or str, got {}",
                    type_name(key)
                )));
            }
        }
        b.spoken(spoken).allow_test_cards(allow_test_cards);
        let inner = b.build().map_err(BuildErr)?;
        Ok(PyRedactor { inner, spoken, allow_test_cards, mask_char: c })
    }

    /// Redacts a string.
    ///
    /// Args:
    ///     text (str): the text to redact.
    ///
    /// Returns:
    ///     str: the text with every finding masked. When there is nothing
    ///     to mask, the very same str object is returned.
    fn redact<'py>(
        &self,
        py: Python<'py>,
        text: PyBackedStr,
    ) -> Bound<'py, PyString> {
        redact_str(py, &self.inner, None, text)
    }

    /// Finds sensitive data in a string.
    ///
    /// Args:
    ///     text (str): the text to search.
    ///
    /// Returns:
    ///     list[Finding]: the findings in order of position; `start` and
    ///     `end` are str indices, so `text[f.start:f.end]` is the match.
    fn find(&self, py: Python<'_>, text: PyBackedStr) -> Vec<PyFinding> {
        find_str(py, &self.inner, None, text)
    }

    /// Redacts the value of a named field, reading the name as context.
    ///
    /// In records (a JSON object, a CSV row, a DataFrame), a number often
    /// stands alone in its field and the word that says what it is stands
    /// in the field's name. The value is read as text would read
    /// `name: text`: a "cvv" field's "123" is a CVV, an "exp_month"
    /// field's "08" part of an expiry date, an "ssn" field's "078051120"
    /// an SSN. The name only adds findings: whatever redact(text) masks is
    /// masked too, so a card under an "order_id" key is still masked.
    ///
    /// Args:
    ///     name (str): the field's name, e.g. a JSON key or a column name.
    ///         Only its last 64 bytes are read, and nothing in it is
    ///         masked or read as a number.
    ///     text (str): the field's value.
    ///
    /// Returns:
    ///     str: the value with every finding masked. When there is nothing
    ///     to mask, the very same str object is returned.
    ///
    /// Example:
    ///     >>> r = Redactor()
    ///     >>> r.redact("123"), r.redact_field("cvv", "123")
    ///     ('123', '***')
    fn redact_field<'py>(
        &self,
        py: Python<'py>,
        name: PyBackedStr,
        text: PyBackedStr,
    ) -> Bound<'py, PyString> {
        redact_str(py, &self.inner, Some(&name), text)
    }

    /// Finds sensitive data in the value of a named field, reading the name
    /// as context (see redact_field()).
    ///
    /// Args:
    ///     name (str): the field's name, e.g. a JSON key or a column name.
    ///     text (str): the field's value.
    ///
    /// Returns:
    ///     list[Finding]: the findings in the value, in order of position;
    ///     `start` and `end` are str indices into `text`, so
    ///     `text[f.start:f.end]` is the match. Nothing in `name` is
    ///     reported.
    fn find_field(
        &self,
        py: Python<'_>,
        name: PyBackedStr,
        text: PyBackedStr,
    ) -> Vec<PyFinding> {
        find_str(py, &self.inner, Some(&name), text)
    }

    /// Redacts a byte string (UTF-8 or not: any bytes are data).
    ///
    /// Args:
    ///     data (bytes | bytearray): the bytes to redact.
    ///
    /// Returns:
    ///     bytes: the redacted bytes.
    fn redact_bytes<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        if let Ok(b) = data.cast::<PyBytes>() {
            // An immutable bytes object, kept alive by the caller: borrow
            // it, and hand it back when nothing was masked.
            let bytes = b.as_bytes();
            let out = released(py, bytes.len(), || {
                changed(self.inner.redact_bytes(bytes))
            });
            return Ok(match out {
                None => b.clone(),
                Some(v) => PyBytes::new(py, &v),
            });
        }
        let data = backed_bytes(data)?;
        let out = py.detach(|| self.inner.redact_bytes(&data).into_owned());
        Ok(PyBytes::new(py, &out))
    }

    /// Finds sensitive data in a byte string.
    ///
    /// Args:
    ///     data (bytes | bytearray): the bytes to search.
    ///
    /// Returns:
    ///     list[Finding]: the findings in order; `start` and `end` are byte
    ///     offsets, so `data[f.start:f.end]` is the match.
    fn find_bytes(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<PyFinding>> {
        let data = backed_bytes(data)?;
        Ok(py.detach(|| {
            self.inner
                .find_bytes(&data)
                .iter()
                .map(PyFinding::with_bytes)
                .collect()
        }))
    }

    /// Redacts many strings, spread over threads, with the GIL released.
    ///
    /// Args:
    ///     texts (Iterable[str | None]): the texts, e.g. a list or a pandas
    ///         Series of str; None items stay None.
    ///     threads (int | None): the number of threads to use; None uses
    ///         every core.
    ///     field (str | None): read every text as the value of the field
    ///         (or column) of this name, as redact_field() does; None reads
    ///         them as free text.
    ///
    /// Returns:
    ///     list[str | None]: the redacted texts, in the input's order.
    ///
    /// Raises:
    ///     TypeError: an item is neither str nor None.
    ///     ConfigError: threads is less than 1.
    #[pyo3(signature = (texts, threads = None, *, field = None))]
    fn redact_many<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<isize>,
        field: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyList>> {
        let threads = threads_arg(threads)?;
        let items = texts_arg(texts)?;
        let (r, field) = (&self.inner, field.as_deref());
        let outs: Vec<Option<String>> = py.detach(|| {
            parallel::map(&items, threads, |t| {
                t.as_ref().and_then(|t| changed(redact_text(r, field, t)))
            })
        });
        let list = PyList::empty(py);
        for (item, out) in items.iter().zip(outs) {
            match item {
                None => list.append(py.None())?,
                Some(t) => list.append(str_result(py, t, out))?,
            }
        }
        Ok(list)
    }

    /// Finds sensitive data in many strings, spread over threads, with the
    /// GIL released.
    ///
    /// Args:
    ///     texts (Iterable[str | None]): the texts; None items stay None.
    ///     threads (int | None): the number of threads to use; None uses
    ///         every core.
    ///     field (str | None): read every text as the value of the field
    ///         (or column) of this name, as find_field() does; None reads
    ///         them as free text.
    ///
    /// Returns:
    ///     list[list[Finding] | None]: the findings of each text, with str
    ///     indices, in the input's order.
    ///
    /// Raises:
    ///     TypeError: an item is neither str nor None.
    ///     ConfigError: threads is less than 1.
    #[pyo3(signature = (texts, threads = None, *, field = None))]
    fn find_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<isize>,
        field: Option<PyBackedStr>,
    ) -> PyResult<Vec<Option<Vec<PyFinding>>>> {
        let threads = threads_arg(threads)?;
        let items = texts_arg(texts)?;
        let (r, field) = (&self.inner, field.as_deref());
        Ok(py.detach(|| {
            parallel::map(&items, threads, |t| {
                t.as_ref()
                    .map(|t| PyFinding::with_chars(t, &find_text(r, field, t)))
            })
        }))
    }

    /// Redacts every row of an Arrow string column, spread over threads,
    /// with the GIL released and no Python object per row.
    ///
    /// Args:
    ///     array: an Arrow string, large_string or string_view column: any
    ///         object with __arrow_c_array__ or __arrow_c_stream__ (the
    ///         Arrow PyCapsule interface), e.g. a pyarrow.Array or
    ///         ChunkedArray, a polars.Series or an Arrow-backed
    ///         pandas.Series. Its buffers are read in place.
    ///     threads (int | None): the number of threads to use; None uses
    ///         every core.
    ///     field (str | None): read every row as the value of the field
    ///         (or column) of this name, as redact_field() does; None reads
    ///         them as free text.
    ///
    /// Returns:
    ///     The redacted column as one array of the input's type, with the
    ///     input's nulls: a pyarrow.Array (or a ChunkedArray of one chunk)
    ///     for pyarrow input, a polars.Series of the same name for Polars
    ///     input, and otherwise an ArrowArray, which any Arrow library
    ///     imports without a copy. An array with nothing to mask is
    ///     returned unchanged, its buffers shared.
    ///
    /// Raises:
    ///     TypeError: the column is not of an Arrow string type.
    ///     ConfigError: threads is less than 1.
    #[pyo3(signature = (array, threads = None, *, field = None))]
    fn redact_arrow<'py>(
        &self,
        array: &Bound<'py, PyAny>,
        threads: Option<isize>,
        field: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let threads = threads_arg(threads)?;
        arrow::redact_arrow(&self.inner, field.as_deref(), array, threads)
    }

    /// Finds sensitive data in every row of an Arrow string column, spread
    /// over threads, with the GIL released.
    ///
    /// Args:
    ///     array: an Arrow string column, as for redact_arrow().
    ///     threads (int | None): the number of threads to use; None uses
    ///         every core.
    ///     field (str | None): read every row as the value of the field
    ///         (or column) of this name, as find_field() does; None reads
    ///         them as free text.
    ///
    /// Returns:
    ///     A table with one row per finding, in order: row (int64, the
    ///     row's index in the column), kind (string), start and end
    ///     (int64, str indices into the row, as find() gives), brand and
    ///     last4 (string or null) and confidence (float64). A pyarrow.Table
    ///     for pyarrow input, a polars.DataFrame for Polars input, and
    ///     otherwise an ArrowArray of structs.
    ///
    /// Raises:
    ///     TypeError: the column is not of an Arrow string type.
    ///     ConfigError: threads is less than 1.
    #[pyo3(signature = (array, threads = None, *, field = None))]
    fn find_arrow<'py>(
        &self,
        array: &Bound<'py, PyAny>,
        threads: Option<isize>,
        field: Option<PyBackedStr>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let threads = threads_arg(threads)?;
        arrow::find_arrow(&self.inner, field.as_deref(), array, threads)
    }

    /// Starts a stream: text that arrives in pieces, redacted with bounded
    /// memory.
    ///
    /// Returns:
    ///     StreamRedactor: feed it str chunks, then call finish(). The
    ///     output is the same as redact() of the whole text, however it is
    ///     cut.
    fn stream(&self) -> PyStreamRedactor {
        PyStreamRedactor::new(self.inner.clone())
    }

    /// Copies a file object to another, redacting on the way with bounded
    /// memory.
    ///
    /// Reads `src` with `src.read(chunk_size)` until it returns an empty
    /// value and writes the output with `dst.write()`. Text files (str
    /// chunks) and binary files (bytes chunks) both work; `dst` must take
    /// what `src` gives. Neither file is closed.
    ///
    /// Args:
    ///     src: a readable file object (text or binary).
    ///     dst: a writable file object of the same mode.
    ///     chunk_size (int): how much to read at a time.
    ///
    /// Returns:
    ///     int: the number of findings masked.
    #[pyo3(signature = (src, dst, *, chunk_size = 65536))]
    fn redact_file(
        &self,
        py: Python<'_>,
        src: &Bound<'_, PyAny>,
        dst: &Bound<'_, PyAny>,
        chunk_size: usize,
    ) -> PyResult<usize> {
        redact_file(py, &self.inner, src, dst, chunk_size)
    }

    /// Redacts the messages of one conversation.
    ///
    /// Messages are read together, so a card number split over several
    /// messages of one speaker, or a CVV given in answer to the other
    /// speaker's question, is found.
    ///
    /// Args:
    ///     messages (Iterable[tuple[str, str]]): (speaker, text) pairs in
    ///         order.
    ///
    /// Returns:
    ///     list[str]: the redacted text of each message.
    fn redact_conversation(
        &self,
        py: Python<'_>,
        messages: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<String>> {
        let pairs = messages_arg(messages)?;
        Ok(py.detach(|| {
            let msgs: Vec<Message> =
                pairs.iter().map(|(s, t)| Message::new(s, t)).collect();
            self.inner.redact_conversation(&msgs)
        }))
    }

    /// Finds sensitive data in the messages of one conversation.
    ///
    /// Args:
    ///     messages (Iterable[tuple[str, str]]): (speaker, text) pairs in
    ///         order.
    ///
    /// Returns:
    ///     list[list[Finding]]: the findings of each message, with str
    ///     indices into that message's text.
    fn find_conversation(
        &self,
        py: Python<'_>,
        messages: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Vec<PyFinding>>> {
        let pairs = messages_arg(messages)?;
        Ok(py.detach(|| {
            let msgs: Vec<Message> =
                pairs.iter().map(|(s, t)| Message::new(s, t)).collect();
            let found = self.inner.find_conversation(&msgs);
            pairs
                .iter()
                .zip(found)
                .map(|((_, t), f)| PyFinding::with_chars(t, &f))
                .collect()
        }))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        // Python's own repr of each str, so the result reads as Python.
        let q = |s: &str| -> PyResult<String> {
            Ok(PyString::new(py, s).repr()?.to_string())
        };
        let mut kinds = Vec::new();
        let mut masks = Vec::new();
        for k in Kind::ALL {
            if self.inner.detects(k) {
                kinds.push(q(k.as_str())?);
            }
            let style = style_name(self.inner.mask_style(k));
            masks.push(format!("{}: {}", q(k.as_str())?, q(&style)?));
        }
        let py_bool = |b: bool| if b { "True" } else { "False" };
        Ok(format!(
            "Redactor(kinds=[{}], mask={{{}}}, mask_char={}, spoken={}, \
             allow_test_cards={})",
            kinds.join(", "),
            masks.join(", "),
            q(&self.mask_char.to_string())?,
            py_bool(self.spoken),
            py_bool(self.allow_test_cards),
        ))
    }
}

/// Redacts a string with the default policy.
///
/// The same as Redactor().redact(text), with one Redactor built on first
/// use and shared by every caller.
///
/// Args:
///     text (str): the text to redact.
///
/// Returns:
///     str: the redacted text (the same object when nothing was masked).
///
/// Example:
///     >>> redact("card 4111 1111 1111 1111, cvv 123")
///     'card **** **** **** 1111, cvv ***'
#[pyfunction]
pub(crate) fn redact<'py>(
    py: Python<'py>,
    text: PyBackedStr,
) -> Bound<'py, PyString> {
    redact_str(py, default_redactor(), None, text)
}

/// Finds sensitive data in a string with the default policy.
///
/// Args:
///     text (str): the text to search.
///
/// Returns:
///     list[Finding]: the findings in order; `text[f.start:f.end]` is each
///     match.
#[pyfunction]
pub(crate) fn find(py: Python<'_>, text: PyBackedStr) -> Vec<PyFinding> {
    find_str(py, default_redactor(), None, text)
}

/// Redacts the value of a named field with the default policy, reading the
/// name as context.
///
/// The same as Redactor().redact_field(name, text): a "cvv" field's "123"
/// is a CVV, an "exp_month" field's "08" part of an expiry date, while
/// whatever redact(text) masks is masked too.
///
/// Args:
///     name (str): the field's name, e.g. a JSON key or a column name.
///     text (str): the field's value.
///
/// Returns:
///     str: the redacted value (the same object when nothing was masked).
///
/// Example:
///     >>> redact_field("cvv", "123"), redact_field("quantity", "123")
///     ('***', '123')
#[pyfunction]
pub(crate) fn redact_field<'py>(
    py: Python<'py>,
    name: PyBackedStr,
    text: PyBackedStr,
) -> Bound<'py, PyString> {
    redact_str(py, default_redactor(), Some(&name), text)
}

/// Finds sensitive data in the value of a named field with the default
/// policy, reading the name as context.
///
/// Args:
///     name (str): the field's name, e.g. a JSON key or a column name.
///     text (str): the field's value.
///
/// Returns:
///     list[Finding]: the findings in the value, in order;
///     `text[f.start:f.end]` is each match.
#[pyfunction]
pub(crate) fn find_field(
    py: Python<'_>,
    name: PyBackedStr,
    text: PyBackedStr,
) -> Vec<PyFinding> {
    find_str(py, default_redactor(), Some(&name), text)
}

/// Redacts an Arrow string column with the default policy.
///
/// The same as Redactor().redact_arrow(array, threads, field=field).
///
/// Args:
///     array: an Arrow string, large_string or string_view column (any
///         object with __arrow_c_array__ or __arrow_c_stream__).
///     threads (int | None): the number of threads; None uses every core.
///     field (str | None): read every row as the value of the field of
///         this name (see redact_field); None reads them as free text.
///
/// Returns:
///     The redacted column, of the input's type and library (see
///     Redactor.redact_arrow).
#[pyfunction]
#[pyo3(signature = (array, threads = None, *, field = None))]
pub(crate) fn redact_arrow<'py>(
    array: &Bound<'py, PyAny>,
    threads: Option<isize>,
    field: Option<PyBackedStr>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = threads_arg(threads)?;
    arrow::redact_arrow(default_redactor(), field.as_deref(), array, threads)
}

/// Finds sensitive data in an Arrow string column with the default policy.
///
/// The same as Redactor().find_arrow(array, threads, field=field).
///
/// Args:
///     array: an Arrow string column, as for redact_arrow().
///     threads (int | None): the number of threads; None uses every core.
///     field (str | None): read every row as the value of the field of
///         this name (see find_field); None reads them as free text.
///
/// Returns:
///     A table of findings (row, kind, start, end, brand, last4,
///     confidence); see Redactor.find_arrow.
#[pyfunction]
#[pyo3(signature = (array, threads = None, *, field = None))]
pub(crate) fn find_arrow<'py>(
    array: &Bound<'py, PyAny>,
    threads: Option<isize>,
    field: Option<PyBackedStr>,
) -> PyResult<Bound<'py, PyAny>> {
    let threads = threads_arg(threads)?;
    arrow::find_arrow(default_redactor(), field.as_deref(), array, threads)
}

/// Times the core alone: `Redactor.redact` of the default policy on `text`,
/// `iterations` times in a Rust loop, with no Python call in between.
///
/// For benchmarks that compare the per-call cost of the binding with the
/// core's. Not part of the stable API.
///
/// Args:
///     text (str): the text to redact.
///     iterations (int): how many times.
///
/// Returns:
///     float: seconds per call.
#[pyfunction]
pub(crate) fn _core_seconds_per_call(
    py: Python<'_>,
    text: PyBackedStr,
    iterations: usize,
) -> f64 {
    let r = default_redactor();
    let n = iterations.max(1);
    py.detach(|| {
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(r.redact(std::hint::black_box(&text)));
        }
        t.elapsed().as_secs_f64() / n as f64
    })
}
