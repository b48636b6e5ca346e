//! The one error type of the command's modules.
//!
//! Every message names the file (and line, for a record that does not
//! parse) and says why, never what the record held: a line that fails to
//! parse may hold a card number, so only its position is reported.

use std::fmt;
use std::io;

/// An error while processing one input, or while setting up a run.
#[derive(Debug)]
pub(crate) struct Error {
    /// The file the error is about, as the user named it.
    file: Option<String>,
    /// The 1-based line of a record that failed.
    line: Option<u64>,
    /// What went wrong, lowercase, without any input text.
    msg: String,
    /// The I/O error underneath, if any.
    source: Option<io::Error>,
}

impl Error {
    /// An error with a message only.
    pub(crate) fn msg(msg: impl Into<String>) -> Error {
        Error { file: None, line: None, msg: msg.into(), source: None }
    }

    /// An I/O error with a description of what was being done.
    pub(crate) fn io(what: impl Into<String>, e: io::Error) -> Error {
        Error { file: None, line: None, msg: what.into(), source: Some(e) }
    }

    /// Names the file the error is about (kept if already set).
    pub(crate) fn in_file(mut self, file: &str) -> Error {
        if self.file.is_none() {
            self.file = Some(file.to_string());
        }
        self
    }

    /// Names the line the error is about.
    pub(crate) fn at_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    /// Whether this is a write to a closed pipe (`pci-redact … | head`).
    pub(crate) fn is_broken_pipe(&self) -> bool {
        self.source
            .as_ref()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}:")?;
            if let Some(line) = self.line {
                write!(f, "{line}:")?;
            }
            f.write_str(" ")?;
        }
        f.write_str(&self.msg)?;
        if let Some(e) = &self.source {
            write!(f, ": {}", io_message(e))?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        // An error that carries one of ours (raised inside a writer or
        // reader adapter) keeps its own message.
        if e.get_ref().is_some_and(|inner| inner.is::<Error>()) {
            let inner = e.into_inner().expect("checked above");
            return *inner.downcast::<Error>().expect("checked above");
        }
        Error { file: None, line: None, msg: String::new(), source: Some(e) }
            .with_default_msg()
    }
}

impl Error {
    fn with_default_msg(mut self) -> Error {
        if self.msg.is_empty() {
            self.msg = match self.source.as_ref().map(io::Error::kind) {
                Some(io::ErrorKind::UnexpectedEof) => "truncated input",
                _ => "i/o error",
            }
            .to_string();
        }
        self
    }
}

/// The text of an I/O error without Rust's "(os error N)" suffix.
fn io_message(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error ") {
        Some(i) => s[..i].to_lowercase(),
        None => s,
    }
}

/// A shorthand for results of this crate.
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;
