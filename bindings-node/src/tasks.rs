//! Work that runs on the libuv thread pool and resolves a Promise.
//!
//! `compute` runs on a pool thread, away from the JavaScript thread; it
//! only touches Rust-owned data (the input is copied out of JavaScript
//! before the task is queued), so JavaScript may change or drop its own
//! values meanwhile. `resolve` runs back on the JavaScript thread and turns
//! the result into JavaScript values.

use napi::bindgen_prelude::{Buffer, Either};
use napi::{Env, Task};
use pci_redact::Redactor;

/// The input of an asynchronous redaction, copied out of JavaScript.
#[derive(Debug)]
pub enum Input {
    /// A string: the Promise resolves to a string.
    Text(String),
    /// The bytes of a Buffer: the Promise resolves to a new Buffer.
    Bytes(Vec<u8>),
}

/// Redacts one string or Buffer off the JavaScript thread.
#[derive(Debug)]
pub struct RedactTask {
    /// The policy to apply (a cheap clone of the caller's redactor).
    pub(crate) redactor: Redactor,
    /// What to redact; taken by `compute`.
    pub(crate) input: Option<Input>,
}

impl Task for RedactTask {
    type Output = Input;
    type JsValue = Either<String, Buffer>;

    fn compute(&mut self) -> napi::Result<Input> {
        Ok(match self.input.take() {
            Some(Input::Text(s)) => {
                Input::Text(self.redactor.redact(&s).into_owned())
            }
            Some(Input::Bytes(b)) => {
                Input::Bytes(self.redactor.redact_bytes(&b).into_owned())
            }
            None => Input::Text(String::new()),
        })
    }

    fn resolve(
        &mut self,
        _env: Env,
        output: Input,
    ) -> napi::Result<Either<String, Buffer>> {
        Ok(match output {
            Input::Text(s) => Either::A(s),
            Input::Bytes(b) => Either::B(Buffer::from(b)),
        })
    }
}

/// Redacts a batch of strings off the JavaScript thread.
#[derive(Debug)]
pub struct RedactManyTask {
    /// The policy to apply.
    pub(crate) redactor: Redactor,
    /// The texts, redacted in place by `compute`.
    pub(crate) texts: Vec<String>,
}

impl Task for RedactManyTask {
    type Output = Vec<String>;
    type JsValue = Vec<String>;

    fn compute(&mut self) -> napi::Result<Vec<String>> {
        let mut texts = std::mem::take(&mut self.texts);
        for t in &mut texts {
            // Only texts with findings are rewritten; the rest keep their
            // allocation.
            if let std::borrow::Cow::Owned(s) = self.redactor.redact(t) {
                *t = s;
            }
        }
        Ok(texts)
    }

    fn resolve(
        &mut self,
        _env: Env,
        output: Vec<String>,
    ) -> napi::Result<Vec<String>> {
        Ok(output)
    }
}
