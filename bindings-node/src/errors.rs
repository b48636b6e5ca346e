//! The error codes JavaScript sees as `err.code`.
//!
//! napi-rs sets `err.code` from the status of an [`napi::Error`]; any type
//! that is `AsRef<str>` can be that status. All configuration errors get
//! one code so callers can tell them from other exceptions:
//!
//! ```js
//! try { new Redactor({ kinds: ['cards'] }) }
//! catch (e) { if (e.code === 'ERR_PCI_REDACT_CONFIG') ... }
//! ```
//!
//! Messages name the option (in its JavaScript spelling) and the bad value,
//! never any text that was scanned.
//!
//! An argument of the wrong type (a number where a string is expected, say)
//! keeps napi-rs' status as its code (`'StringExpected'`, `'ArrayExpected'`,
//! `'InvalidArg'`), but not napi-rs' message, which quotes the value: the
//! value may be the very card number the caller meant to scan. Ours names
//! the parameter and the value's type only.

use pci_redact::BuildError;

/// The `code` of errors thrown by this package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    /// A bad option given to a `Redactor`, `StreamRedactor` or stream.
    Config,
    /// A failure inside napi-rs itself (a value of the wrong type, for
    /// instance), passed on with napi-rs' own status name.
    Napi(napi::Status),
}

impl AsRef<str> for ErrorCode {
    fn as_ref(&self) -> &str {
        match self {
            ErrorCode::Config => "ERR_PCI_REDACT_CONFIG",
            ErrorCode::Napi(s) => s.as_ref(),
        }
    }
}

/// An error carrying an [`ErrorCode`].
pub type Error = napi::Error<ErrorCode>;

/// A result whose error carries an [`ErrorCode`].
pub type Result<T> = std::result::Result<T, Error>;

/// A configuration error about the option named `option`.
pub fn config(option: &str, message: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::Config, format!("option {option}: {message}"))
}

/// A configuration error for a core [`BuildError`] raised while setting
/// `option`.
pub fn build(option: &str, err: &BuildError) -> Error {
    config(option, err)
}

/// A configuration error for a core [`BuildError`] raised by `build()`,
/// naming the option the core blames in its JavaScript spelling.
pub fn from_build(err: &BuildError) -> Error {
    let option = match err.option() {
        "token_key" => "tokenKey",
        "mask_char" => "maskChar",
        other => other,
    };
    config(option, err)
}

/// An error for the argument `what` (a parameter name such as `text`, or a
/// path into one such as `texts[2]`) whose value is `got` (see
/// [`type_name`]) where `expected` was wanted:
/// "text must be a string, not a number". The value itself is never read.
pub fn argument(
    status: napi::Status,
    what: impl std::fmt::Display,
    expected: &str,
    got: impl std::fmt::Display,
) -> napi::Error {
    napi::Error::new(status, format!("{what} must be {expected}, not {got}"))
}

/// The `typeof` name of a value type as error messages put it after
/// "not": `a number`, `an object`, `null`.
pub fn type_name(ty: napi::ValueType) -> &'static str {
    use napi::ValueType;
    match ty {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Object => "an object",
        ValueType::Function => "a function",
        _ => "another type",
    }
}

/// Wraps a napi-rs error so it can travel in a [`Result`].
pub fn napi(err: napi::Error) -> Error {
    Error::new(ErrorCode::Napi(err.status), err.reason.clone())
}
