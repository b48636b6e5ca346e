//! Python bindings for pci-redact: the extension module
//! `pci_redact._pci_redact`, re-exported by the `pci_redact` package.
//!
//! A thin layer: it converts arguments, releases the GIL around every core
//! call, and converts results back (byte offsets become `str` indices in
//! `offsets.rs`). Detection and masking live in the core crate only.
//! Arrow columns come and go through the Arrow C data interface
//! (`arrow_ffi.rs`, the only module with `unsafe` code) and are redacted
//! in `arrow.rs`.
//!
//! The `///` comments on `#[pyclass]`, `#[pymethods]` and `#[pyfunction]`
//! items are Python docstrings (Google style, `Args:` / `Returns:`): they
//! become `__doc__`. Their Python types such as `list[Finding]` are not
//! Rust links, hence the `allow` below.

#![allow(rustdoc::broken_intra_doc_links)]

mod arrow;
mod arrow_ffi;
mod errors;
mod finding;
mod offsets;
mod parallel;
mod redactor;
mod stream;

use pyo3::prelude::*;

/// Find and mask payment-card data in chat and call transcripts.
///
/// The compiled part of the pci_redact package; import from pci_redact.
#[pymodule(gil_used = false)]
fn _pci_redact(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<redactor::PyRedactor>()?;
    m.add_class::<finding::PyFinding>()?;
    m.add_class::<stream::PyStreamRedactor>()?;
    m.add_class::<stream::PyRedactingWriter>()?;
    m.add_class::<arrow_ffi::PyArrowArray>()?;
    m.add("RedactError", py.get_type::<errors::RedactError>())?;
    m.add("ConfigError", py.get_type::<errors::ConfigError>())?;
    m.add_function(wrap_pyfunction!(redactor::redact, m)?)?;
    m.add_function(wrap_pyfunction!(redactor::find, m)?)?;
    m.add_function(wrap_pyfunction!(redactor::redact_field, m)?)?;
    m.add_function(wrap_pyfunction!(redactor::find_field, m)?)?;
    m.add_function(wrap_pyfunction!(redactor::redact_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(redactor::find_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(redactor::_core_seconds_per_call, m)?)?;
    Ok(())
}
