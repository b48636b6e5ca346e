//! The exception classes and the one conversion from the core's
//! configuration error.
//!
//! `RedactError` subclasses `ValueError`; `ConfigError` subclasses
//! `RedactError` and is raised for every bad option. Each `ConfigError`
//! carries the name of the option in its `option` attribute, and its
//! message starts with that name. Messages name the bad setting, never any
//! input text.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    pci_redact,
    RedactError,
    PyValueError,
    "Base class of the errors raised by pci_redact.\n\n\
     A subclass of ValueError. Scanning never fails: errors come only from \
     bad options or misuse, and their messages never contain input text."
);

create_exception!(
    pci_redact,
    ConfigError,
    RedactError,
    "A bad option given to Redactor.\n\n\
     Attributes:\n    \
     option (str): the name of the option that is wrong, e.g. \"mask\".\n\n\
     The message starts with the option name."
);

/// A core [`pci_redact::BuildError`] on its way to Python.
///
/// The orphan rule forbids `impl From<BuildError> for PyErr` in this crate
/// (both types are foreign), so this wrapper carries it; `?` converts it.
#[derive(Debug)]
pub(crate) struct BuildErr(pub(crate) pci_redact::BuildError);

impl From<pci_redact::BuildError> for BuildErr {
    fn from(e: pci_redact::BuildError) -> BuildErr {
        BuildErr(e)
    }
}

impl From<BuildErr> for PyErr {
    fn from(e: BuildErr) -> PyErr {
        config_error(e.0.option(), &e.0.to_string())
    }
}

/// A `ConfigError` about `option`, with the message `"{option}: {msg}"`
/// and the attribute `option` set.
pub(crate) fn config_error(option: &str, msg: &str) -> PyErr {
    let option = option.to_string();
    let err = ConfigError::new_err(format!("{option}: {msg}"));
    Python::attach(|py| {
        // Setting an attribute on a fresh exception instance cannot fail
        // short of memory exhaustion; the message names the option anyway.
        let _ = err.value(py).setattr("option", option);
    });
    err
}
