//! `Finding`: one piece of sensitive data found in a text.

use pyo3::prelude::*;

use crate::offsets::CodePoints;

/// One piece of sensitive data found in a text.
///
/// A finding says where the data is and what it is, never the data itself.
/// For `str` input, `start` and `end` are code-point indices, so
/// `text[f.start:f.end]` is the matched text; for `bytes` input
/// (`find_bytes`) they are byte offsets.
///
/// Attributes:
///     kind (str): "card", "ssn", "cvv", "expiry", "pin" or "track".
///     start (int): index of the first character (or byte).
///     end (int): index one past the last character (or byte).
///     brand (str | None): the card brand ("visa", "mastercard", ...) for
///         card and track findings whose prefix is known.
///     last4 (str | None): the last four digits of a card, the most PCI DSS
///         allows to be shown; None for other kinds.
///     confidence (float): between 0 and 1; 0.99 for checked card numbers.
///     spoken (bool): whether the data was written as words
///         ("four one one one").
///
/// The repr shows kind, span, brand, confidence and spoken, and no digits.
#[pyclass(frozen, eq, module = "pci_redact", name = "Finding")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyFinding {
    kind: &'static str,
    start: usize,
    end: usize,
    brand: Option<&'static str>,
    /// ASCII digits; never printed by `__repr__`.
    last4: Option<[u8; 4]>,
    /// The core's `f32` rounded to six places, so 0.99 reads as 0.99.
    confidence: f64,
    spoken: bool,
}

impl PyFinding {
    /// A finding with the core's byte offsets kept as they are.
    pub(crate) fn with_bytes(f: &pci_redact::Finding) -> PyFinding {
        PyFinding::new(f, f.span().start, f.span().end)
    }

    /// A finding with `start` and `end` in place of the core's offsets.
    fn new(f: &pci_redact::Finding, start: usize, end: usize) -> PyFinding {
        let last4 =
            f.last4().and_then(|s| <[u8; 4]>::try_from(s.as_bytes()).ok());
        PyFinding {
            kind: f.kind().as_str(),
            start,
            end,
            brand: f.brand().map(|b| b.as_str()),
            last4,
            confidence: confidence(f),
            spoken: f.is_spoken(),
        }
    }

    /// Findings of `text` with byte offsets turned into code-point indices,
    /// in one forward pass over the text.
    pub(crate) fn with_chars(
        text: &str,
        findings: &[pci_redact::Finding],
    ) -> Vec<PyFinding> {
        let mut cp = CodePoints::new(text.as_bytes());
        findings
            .iter()
            .map(|f| {
                let span = f.span();
                let start = cp.char_offset(span.start);
                let end = cp.char_offset(span.end);
                PyFinding::new(f, start, end)
            })
            .collect()
    }
}

/// The core's `f32` confidence as a Python float rounded to six places, so
/// 0.99 reads as 0.99.
pub(crate) fn confidence(f: &pci_redact::Finding) -> f64 {
    (f64::from(f.confidence()) * 1e6).round() / 1e6
}

#[pymethods]
impl PyFinding {
    /// The kind of data: "card", "ssn", "cvv", "expiry", "pin" or "track".
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind
    }

    /// Index of the first character (code point; a byte for find_bytes).
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Index one past the last character (code point; a byte for
    /// find_bytes).
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The card brand, e.g. "visa", or None.
    #[getter]
    fn brand(&self) -> Option<&'static str> {
        self.brand
    }

    /// The last four digits of a card or track finding, or None.
    #[getter]
    fn last4(&self) -> Option<&str> {
        self.last4.as_ref().and_then(|b| std::str::from_utf8(b).ok())
    }

    /// A confidence between 0 and 1.
    #[getter]
    fn confidence(&self) -> f64 {
        self.confidence
    }

    /// Whether the data was written as words ("four one one one").
    #[getter]
    fn spoken(&self) -> bool {
        self.spoken
    }

    fn __repr__(&self) -> String {
        let brand = match self.brand {
            Some(b) => format!("'{b}'"),
            None => "None".to_string(),
        };
        let spoken = if self.spoken { "True" } else { "False" };
        format!(
            "Finding(kind='{}', start={}, end={}, brand={brand}, \
             confidence={}, spoken={spoken})",
            self.kind, self.start, self.end, self.confidence
        )
    }
}
