//! Configuration errors.

use std::fmt;

/// An error building a [`Redactor`](crate::Redactor) from a bad setting.
///
/// Scanning never fails: errors come only from configuration. The message
/// names the bad value, never any input text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildError {
    kind: ErrorKind,
}

/// The kind of a [`BuildError`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A kind name that is not one of `card`, `ssn`, `cvv`, `expiry`,
    /// `pin`, `track`.
    UnknownKind(String),
    /// A mask style name that is not known.
    UnknownMaskStyle(String),
    /// A label template with an unknown `{placeholder}` or an unbalanced
    /// brace.
    InvalidTemplate {
        /// The template as given.
        template: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A token mask was asked for without a key.
    MissingTokenKey,
    /// A mask character that would be read as data (a digit) or is a
    /// control character.
    InvalidMaskChar(char),
    /// `keep last N` with N outside 0..=4, or first 6/8 on a kind other than
    /// card.
    InvalidKeep(String),
    /// A configuration option name that is not known.
    UnknownOption(String),
}

impl BuildError {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn new(kind: ErrorKind) -> BuildError {
        BuildError { kind }
    }

    /// An error for an unknown option name, for front ends (the CLI config
    /// file, the bindings) that take options by name.
    pub fn unknown_option(name: &str) -> BuildError {
        BuildError::new(ErrorKind::UnknownOption(name.to_string()))
    }

    /// The name of the option the error is about, for front ends that map
    /// errors to their own option names.
    pub fn option(&self) -> &'static str {
        match self.kind {
            ErrorKind::UnknownKind(_) => "kinds",
            ErrorKind::UnknownMaskStyle(_) | ErrorKind::InvalidKeep(_) => {
                "mask"
            }
            ErrorKind::InvalidTemplate { .. } => "label",
            ErrorKind::MissingTokenKey => "token_key",
            ErrorKind::InvalidMaskChar(_) => "mask_char",
            ErrorKind::UnknownOption(_) => "option",
        }
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownKind(k) => write!(
                f,
                "unknown kind {k:?}: expected one of card, ssn, cvv, \
                 expiry, pin, track"
            ),
            ErrorKind::UnknownMaskStyle(s) => write!(
                f,
                "unknown mask style {s:?}: expected last4, lastN (N = 0 to \
                 4), full, first6last4, remove, token or label:TEMPLATE"
            ),
            ErrorKind::InvalidTemplate { template, reason } => {
                write!(f, "invalid label template {template:?}: {reason}")
            }
            ErrorKind::MissingTokenKey => {
                write!(f, "mask style token needs a non-empty token key")
            }
            ErrorKind::InvalidMaskChar(c) => write!(
                f,
                "invalid mask character {c:?}: it must not be a digit, \
                 whitespace or a control character"
            ),
            ErrorKind::InvalidKeep(s) => write!(f, "invalid mask {s:?}"),
            ErrorKind::UnknownOption(s) => write!(f, "unknown option {s:?}"),
        }
    }
}

impl std::error::Error for BuildError {}
