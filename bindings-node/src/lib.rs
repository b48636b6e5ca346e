//! Node.js bindings for pci-redact: find and mask payment-card numbers,
//! SSNs, CVVs, expiry dates, PINs and track data in chat and call
//! transcripts.
//!
//! This crate is a thin layer over the `pci-redact` core: it converts
//! JavaScript values in and out (text arguments in `args.rs`, the only
//! module with `unsafe` code, so that a type error never quotes the
//! value), converts byte offsets to UTF-16 offsets for strings
//! (`offsets.rs`), maps configuration errors to `ERR_PCI_REDACT_CONFIG`
//! (`errors.rs`) and moves large jobs to the libuv thread pool
//! (`tasks.rs`). Every decision about what is sensitive and how it is
//! masked is the core's.
//!
//! The `///` comments on the `#[napi]` items below are copied into the
//! generated `index.d.ts`, so they are written for JavaScript users.

use std::borrow::Cow;
use std::sync::OnceLock;

use napi::bindgen_prelude::{AsyncTask, BufferSlice, Either, Unknown};
use napi::{Env, JsString};
use napi_derive::napi;
use pci_redact::{Message, Redactor as CoreRedactor};

mod args;
mod errors;
mod offsets;
mod options;
mod tasks;

use crate::args::{List, TextOrBytes};
use crate::errors::Result;
use crate::offsets::Utf16Cursor;
use crate::tasks::{Input, RedactManyTask, RedactTask};

/// A piece of sensitive data found in a text: where it is and what kind it
/// is. The digits themselves are never included, only the last four of a
/// card (the most PCI DSS allows to be shown).
#[napi(object, use_nullable = true)]
#[derive(Debug, Clone)]
pub struct Finding {
    /// What was found: `'card'`, `'ssn'`, `'cvv'`, `'expiry'`, `'pin'` or
    /// `'track'`.
    pub kind: FindingKind,
    /// Where the finding starts. For strings this is a UTF-16 code-unit
    /// index, so `text.slice(f.start, f.end)` is the finding; for Buffers
    /// and streams it is a byte offset.
    pub start: f64,
    /// Where the finding ends (exclusive), in the same unit as `start`.
    pub end: f64,
    /// The card brand (`'visa'`, `'mastercard'`, `'american-express'`,
    /// ...) for cards and track data whose prefix is known, else `null`.
    pub brand: Option<String>,
    /// The last four digits of a card number or track data, else `null`.
    pub last4: Option<String>,
    /// How sure the detector is, between 0 and 1. Luhn-checked card numbers
    /// score 0.99; findings that rest on context score lower.
    pub confidence: f64,
    /// Whether the data was written as words ("four one one one").
    pub spoken: bool,
}

/// The kinds of data a `Finding` can report.
#[napi(string_enum = "lowercase")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// A payment-card number (PAN), Luhn-checked.
    Card,
    /// A US Social Security number.
    Ssn,
    /// A card verification value (CVV2, CVC2, CID).
    Cvv,
    /// A card expiry date.
    Expiry,
    /// A PIN.
    Pin,
    /// Magnetic-stripe track 1 or 2 data.
    Track,
}

impl FindingKind {
    /// The JavaScript kind of a core kind.
    fn of(kind: pci_redact::Kind) -> FindingKind {
        match kind {
            pci_redact::Kind::Card => FindingKind::Card,
            pci_redact::Kind::Ssn => FindingKind::Ssn,
            pci_redact::Kind::Cvv => FindingKind::Cvv,
            pci_redact::Kind::Expiry => FindingKind::Expiry,
            pci_redact::Kind::Pin => FindingKind::Pin,
            // `Kind` is non-exhaustive; a kind added to the core without a
            // name here is reported as track data, the widest kind, until
            // this list catches up (a test checks every `Kind::ALL`).
            _ => FindingKind::Track,
        }
    }
}

/// Options for a `Redactor`, a `StreamRedactor` or `createRedactStream`.
/// Every key is optional; an unknown key or a bad value throws an `Error`
/// whose `code` is `'ERR_PCI_REDACT_CONFIG'` and whose message names the
/// option.
// Only the TypeScript shape: `options.rs` reads the object key by key so it
// can reject unknown keys and values of the wrong type with a named error.
#[napi(object)]
#[derive(Debug, Clone)]
pub struct RedactorOptions {
    /// The kinds to detect (default: all of them).
    pub kinds: Option<Vec<FindingKind>>,
    /// A mask style per kind, e.g. `{ card: 'first6last4', ssn: 'last4' }`.
    /// Styles: `'full'`, `'last4'` (or `'last0'` to `'last4'`),
    /// `'first6last4'`, `'first8last4'`, `'token'` (needs `tokenKey`),
    /// `'remove'`, or `'label:TEMPLATE'` where the template may use
    /// `{kind}`, `{KIND}`, `{brand}`, `{last4}` and `{token}`. Defaults:
    /// cards keep their last four digits, everything else is masked in
    /// full.
    #[napi(ts_type = "Partial<Record<FindingKind, string>>")]
    pub mask: Option<std::collections::HashMap<String, String>>,
    /// The character that replaces masked digits (default `'*'`). It must
    /// not be a digit, whitespace or a control character.
    pub mask_char: Option<String>,
    /// A label template used for every kind not named in `mask`, e.g.
    /// `'[{KIND}]'` or `'[CARD {brand} ending {last4}]'`.
    pub label: Option<String>,
    /// The key for `'token'` masks and `{token}` placeholders (HMAC-SHA-256):
    /// the same number gives the same token under the same key.
    #[napi(ts_type = "string | Buffer")]
    pub token_key: Option<String>,
    /// Whether to detect spoken forms such as "four one one one" (default
    /// `true`).
    pub spoken: Option<bool>,
    /// Whether to leave the processors' published test card numbers alone
    /// (default `false`: a transcript cannot prove a number is a test
    /// card).
    pub allow_test_cards: Option<bool>,
}

/// The most bytes a `StreamRedactor` holds back: its output lags its input
/// by at most this many bytes, whatever the input.
#[napi]
pub const MAX_HOLDBACK: u32 = pci_redact::MAX_HOLDBACK as u32;

/// The default-policy redactor shared by the module-level functions.
fn default_redactor() -> &'static CoreRedactor {
    static R: OnceLock<CoreRedactor> = OnceLock::new();
    R.get_or_init(CoreRedactor::new)
}

/// A JavaScript `Finding` for a core finding at `start..end`.
fn to_js(f: &pci_redact::Finding, start: usize, end: usize) -> Finding {
    Finding {
        kind: FindingKind::of(f.kind()),
        start: start as f64,
        end: end as f64,
        brand: f.brand().map(|b| b.as_str().to_string()),
        last4: f.last4().map(str::to_string),
        // `f32` 0.99 widened is 0.9900000095..; round so JavaScript sees
        // the number the core means.
        confidence: (f64::from(f.confidence()) * 1e4).round() / 1e4,
        spoken: f.is_spoken(),
    }
}

/// JavaScript findings with UTF-16 offsets into `text`.
fn findings_utf16(text: &str, found: &[pci_redact::Finding]) -> Vec<Finding> {
    let mut cur = Utf16Cursor::new(text.as_bytes());
    found
        .iter()
        .map(|f| {
            let s = f.span();
            let start = cur.unit_at(s.start);
            let end = cur.unit_at(s.end);
            to_js(f, start, end)
        })
        .collect()
}

/// JavaScript findings with byte offsets.
fn findings_bytes(found: &[pci_redact::Finding]) -> Vec<Finding> {
    found
        .iter()
        .map(|f| {
            let s = f.span();
            to_js(f, s.start, s.end)
        })
        .collect()
}

/// Redacts a JavaScript string, read as the value of the field named
/// `field` when there is one (field mode: the name is read as context),
/// handing back the same string when there is nothing to mask.
fn redact_js<'e>(
    r: &CoreRedactor,
    field: Option<&str>,
    text: JsString<'e>,
) -> napi::Result<Either<JsString<'e>, String>> {
    let utf8 = args::utf8("text", text)?;
    let value = utf8.as_str()?;
    let out = match field {
        Some(name) => r.redact_field(name, value),
        None => r.redact(value),
    };
    Ok(match out {
        Cow::Borrowed(_) => Either::A(text),
        Cow::Owned(s) => Either::B(s),
    })
}

/// The findings in `text`, with UTF-16 offsets into it.
///
/// Text arguments are taken as `JsString`, not `String`, here and below: a
/// `String` argument's type error would quote the value (see `args.rs`).
fn find_js(
    r: &CoreRedactor,
    text: JsString<'_>,
) -> napi::Result<Vec<Finding>> {
    let utf8 = args::utf8("text", text)?;
    let value = utf8.as_str()?;
    Ok(findings_utf16(value, &r.find(value)))
}

/// The findings in `text`, the value of the field `name`, read with the
/// name as context, with UTF-16 offsets into `text`.
fn find_field_js(
    r: &CoreRedactor,
    name: JsString<'_>,
    text: JsString<'_>,
) -> napi::Result<Vec<Finding>> {
    let name = args::utf8("name", name)?;
    let text = args::utf8("text", text)?;
    let value = text.as_str()?;
    Ok(findings_utf16(value, &r.find_field(name.as_str()?, value)))
}

/// Outputs at least this long are handed to JavaScript without a copy (as
/// an external Buffer that frees the Rust allocation when collected);
/// shorter ones are copied, which costs less than the finalizer an
/// external Buffer needs.
const EXTERNAL_MIN: usize = 1 << 20;

/// A new JavaScript Buffer holding `bytes`.
fn buffer<'e>(
    env: &'e Env,
    bytes: Cow<'_, [u8]>,
) -> napi::Result<BufferSlice<'e>> {
    match bytes {
        Cow::Owned(v) if v.len() >= EXTERNAL_MIN => {
            BufferSlice::from_data(env, v)
        }
        b => BufferSlice::copy_from(env, b),
    }
}

/// The input of an asynchronous redaction, copied out of JavaScript.
fn async_input(input: TextOrBytes<'_>) -> napi::Result<Input> {
    Ok(match args::text_or_bytes("input", "a string or a Buffer", input)? {
        Either::A(s) => Input::Text(s),
        Either::B(b) => Input::Bytes(b.to_vec()),
    })
}

/// Core messages for `[speaker, text]` pairs.
fn messages(pairs: &[(String, String)]) -> Vec<Message<'_>> {
    pairs.iter().map(|(who, text)| Message::new(who, text)).collect()
}

/// Per-message findings of a conversation, with UTF-16 offsets into each
/// message's text.
fn find_conversation_js(
    r: &CoreRedactor,
    pairs: &[(String, String)],
) -> Vec<Vec<Finding>> {
    let found = r.find_conversation(&messages(pairs));
    pairs
        .iter()
        .zip(found)
        .map(|((_, text), f)| findings_utf16(text, &f))
        .collect()
}

/// Masks every card number, SSN, CVV, expiry date, PIN and track in `text`
/// under the default policy: cards keep their last four digits
/// (`'**** **** **** 1111'`), everything else is masked in full, and the
/// text keeps its shape. Returns `text` itself when nothing is found.
#[napi(ts_args_type = "text: string", ts_return_type = "string")]
pub fn redact<'e>(
    text: JsString<'e>,
) -> napi::Result<Either<JsString<'e>, String>> {
    redact_js(default_redactor(), None, text)
}

/// The sensitive data in `text` under the default policy, in order. Offsets
/// are UTF-16 code-unit indices: `text.slice(f.start, f.end)` is the
/// finding.
#[napi(ts_args_type = "text: string")]
pub fn find(text: JsString<'_>) -> napi::Result<Vec<Finding>> {
    find_js(default_redactor(), text)
}

/// Masks `text`, the value of a field named `name` (a JSON key, a CSV
/// column, a form field), under the default policy, reading the name as
/// context: a `cvv` field's `'123'` is a CVV, an `exp_month` field's `'08'`
/// part of an expiry date, an `ssn` field's `'078051120'` an SSN. The name
/// only adds findings: whatever `redact(text)` masks is masked too, so a
/// card under an `order_id` key is still masked. Only the end of the name
/// (its last 64 bytes) is read, and nothing in it is read as a number.
/// Returns `text` itself when nothing is found.
///
/// ```js
/// redactField('cvv', '123')      // '***'
/// redactField('quantity', '123') // '123'
/// ```
#[napi(ts_args_type = "name: string, text: string", ts_return_type = "string")]
pub fn redact_field<'e>(
    name: JsString<'_>,
    text: JsString<'e>,
) -> napi::Result<Either<JsString<'e>, String>> {
    redact_js(
        default_redactor(),
        Some(args::utf8("name", name)?.as_str()?),
        text,
    )
}

/// The sensitive data in `text`, the value of a field named `name`, under
/// the default policy, reading the name as context (see `redactField`).
/// Offsets are UTF-16 code-unit indices into `text`:
/// `text.slice(f.start, f.end)` is the finding.
#[napi(ts_args_type = "name: string, text: string")]
pub fn find_field(
    name: JsString<'_>,
    text: JsString<'_>,
) -> napi::Result<Vec<Finding>> {
    find_field_js(default_redactor(), name, text)
}

/// `redact` for a Buffer of UTF-8 text (invalid UTF-8 is passed through
/// unchanged). Returns a new Buffer.
#[napi]
pub fn redact_buffer<'e>(
    env: &'e Env,
    buf: BufferSlice<'_>,
) -> napi::Result<BufferSlice<'e>> {
    buffer(env, default_redactor().redact_bytes(&buf))
}

/// `find` for a Buffer: offsets are byte offsets into the Buffer.
#[napi]
pub fn find_buffer(buf: BufferSlice<'_>) -> Vec<Finding> {
    findings_bytes(&default_redactor().find_bytes(&buf))
}

/// `redact` on the libuv thread pool, for large inputs: a string resolves
/// to a string and a Buffer to a new Buffer. The input is copied first, so
/// changing a Buffer afterwards does not affect the result.
#[napi(
    ts_generic_types = "T extends string | Buffer",
    ts_args_type = "input: T",
    ts_return_type = "Promise<T extends string ? string : Buffer>"
)]
pub fn redact_async(
    input: TextOrBytes<'_>,
) -> napi::Result<AsyncTask<RedactTask>> {
    Ok(AsyncTask::new(RedactTask {
        redactor: default_redactor().clone(),
        input: Some(async_input(input)?),
    }))
}

/// `redact` for each string of `texts`, on the libuv thread pool. Resolves
/// to the redacted strings in the same order.
#[napi(
    ts_args_type = "texts: Array<string>",
    ts_return_type = "Promise<Array<string>>"
)]
pub fn redact_many_async(
    texts: List<'_>,
) -> napi::Result<AsyncTask<RedactManyTask>> {
    Ok(AsyncTask::new(RedactManyTask {
        redactor: default_redactor().clone(),
        texts: args::strings("texts", texts)?,
    }))
}

/// Redacts a conversation given as `[speaker, text]` pairs, one output
/// string per message. Message boundaries are soft separators: a card
/// number a customer types over two messages is found and masked in both.
#[napi(ts_args_type = "messages: Array<[string, string]>")]
pub fn redact_conversation(messages: List<'_>) -> napi::Result<Vec<String>> {
    let pairs = args::pairs("messages", messages)?;
    Ok(default_redactor().redact_conversation(&self::messages(&pairs)))
}

/// The findings of each message of a conversation (see
/// `redactConversation`), with UTF-16 offsets into that message's text.
#[napi(ts_args_type = "messages: Array<[string, string]>")]
pub fn find_conversation(
    messages: List<'_>,
) -> napi::Result<Vec<Vec<Finding>>> {
    let pairs = args::pairs("messages", messages)?;
    Ok(find_conversation_js(default_redactor(), &pairs))
}

/// A redaction policy: which kinds to detect and how to mask each. Build it
/// once and reuse it; it is immutable, and every method may be called any
/// number of times.
///
/// ```js
/// const r = new Redactor({ mask: { card: 'first6last4' }, spoken: false })
/// r.redact('card 4111 1111 1111 1111') // 'card 4111 11** **** 1111'
/// ```
#[napi]
#[derive(Debug)]
pub struct Redactor {
    /// The core redactor (an `Arc` inside, so cloning it for a task or a
    /// stream is cheap).
    inner: CoreRedactor,
}

#[napi]
impl Redactor {
    /// Builds a redactor. Throws an `Error` with `code`
    /// `'ERR_PCI_REDACT_CONFIG'` for an unknown option or a bad value.
    #[napi(
        constructor,
        ts_args_type = "options?: RedactorOptions | null | undefined"
    )]
    pub fn new(options: Option<Unknown<'_>>) -> Result<Self> {
        Ok(Redactor { inner: options::redactor(options)? })
    }

    /// Masks what this policy detects in `text`. Returns `text` itself
    /// when nothing is found.
    #[napi(ts_args_type = "text: string", ts_return_type = "string")]
    pub fn redact<'e>(
        &self,
        text: JsString<'e>,
    ) -> napi::Result<Either<JsString<'e>, String>> {
        redact_js(&self.inner, None, text)
    }

    /// The findings in `text`, in order, with UTF-16 offsets.
    #[napi(ts_args_type = "text: string")]
    pub fn find(&self, text: JsString<'_>) -> napi::Result<Vec<Finding>> {
        find_js(&self.inner, text)
    }

    /// Masks what this policy detects in `text`, the value of a field
    /// named `name`, reading the name as context (see the module-level
    /// `redactField`). Returns `text` itself when nothing is found.
    #[napi(
        ts_args_type = "name: string, text: string",
        ts_return_type = "string"
    )]
    pub fn redact_field<'e>(
        &self,
        name: JsString<'_>,
        text: JsString<'e>,
    ) -> napi::Result<Either<JsString<'e>, String>> {
        redact_js(&self.inner, Some(args::utf8("name", name)?.as_str()?), text)
    }

    /// The findings in `text`, the value of a field named `name`, read with
    /// the name as context; in order, with UTF-16 offsets into `text`.
    #[napi(ts_args_type = "name: string, text: string")]
    pub fn find_field(
        &self,
        name: JsString<'_>,
        text: JsString<'_>,
    ) -> napi::Result<Vec<Finding>> {
        find_field_js(&self.inner, name, text)
    }

    /// `redact` for a Buffer; returns a new Buffer.
    #[napi]
    pub fn redact_buffer<'e>(
        &self,
        env: &'e Env,
        buf: BufferSlice<'_>,
    ) -> napi::Result<BufferSlice<'e>> {
        buffer(env, self.inner.redact_bytes(&buf))
    }

    /// `find` for a Buffer, with byte offsets.
    #[napi]
    pub fn find_buffer(&self, buf: BufferSlice<'_>) -> Vec<Finding> {
        findings_bytes(&self.inner.find_bytes(&buf))
    }

    /// `redact` on the libuv thread pool (see the module-level
    /// `redactAsync`).
    #[napi(
        ts_generic_types = "T extends string | Buffer",
        ts_args_type = "input: T",
        ts_return_type = "Promise<T extends string ? string : Buffer>"
    )]
    pub fn redact_async(
        &self,
        input: TextOrBytes<'_>,
    ) -> napi::Result<AsyncTask<RedactTask>> {
        Ok(AsyncTask::new(RedactTask {
            redactor: self.inner.clone(),
            input: Some(async_input(input)?),
        }))
    }

    /// `redact` for each string of `texts`, on the libuv thread pool.
    #[napi(
        ts_args_type = "texts: Array<string>",
        ts_return_type = "Promise<Array<string>>"
    )]
    pub fn redact_many_async(
        &self,
        texts: List<'_>,
    ) -> napi::Result<AsyncTask<RedactManyTask>> {
        Ok(AsyncTask::new(RedactManyTask {
            redactor: self.inner.clone(),
            texts: args::strings("texts", texts)?,
        }))
    }

    /// Redacts a conversation of `[speaker, text]` pairs (see the
    /// module-level `redactConversation`).
    #[napi(ts_args_type = "messages: Array<[string, string]>")]
    pub fn redact_conversation(
        &self,
        messages: List<'_>,
    ) -> napi::Result<Vec<String>> {
        let pairs = args::pairs("messages", messages)?;
        Ok(self.inner.redact_conversation(&self::messages(&pairs)))
    }

    /// The findings of each message of a conversation, with UTF-16 offsets
    /// into that message's text.
    #[napi(ts_args_type = "messages: Array<[string, string]>")]
    pub fn find_conversation(
        &self,
        messages: List<'_>,
    ) -> napi::Result<Vec<Vec<Finding>>> {
        let pairs = args::pairs("messages", messages)?;
        Ok(find_conversation_js(&self.inner, &pairs))
    }

    /// A new `StreamRedactor` with this policy.
    #[napi]
    pub fn stream(&self) -> StreamRedactor {
        StreamRedactor::from_core(self.inner.stream())
    }
}

/// Redacts text that arrives in chunks, with bounded memory: the output is
/// the same as `redact` on the whole text however it is cut, a card number
/// split across chunks included. Output is released at UTF-8 character
/// boundaries and lags the input by at most `MAX_HOLDBACK` bytes, and only
/// while a candidate is undecided.
///
/// A string chunk must not end between the two halves of a surrogate pair
/// (push Buffers, or use the `stream.js` Transform, which handles that).
///
/// ```js
/// const s = new StreamRedactor()
/// const out = [s.push('card 4111 11'), s.push('11 1111 1111'), s.finish()]
/// Buffer.concat(out).toString() // 'card **** **** **** 1111'
/// ```
#[napi]
#[derive(Debug)]
pub struct StreamRedactor {
    /// The core stream; all state lives there.
    inner: pci_redact::StreamRedactor,
    /// Scratch space for one push's output, kept between pushes so a
    /// stream allocates only while its chunks grow. Always empty between
    /// calls.
    out: Vec<u8>,
}

impl StreamRedactor {
    /// Wraps a core stream.
    fn from_core(inner: pci_redact::StreamRedactor) -> StreamRedactor {
        StreamRedactor { inner, out: Vec::new() }
    }

    /// The output collected in `out` as a new Buffer; empties `out`.
    fn take_out<'e>(&mut self, env: &'e Env) -> napi::Result<BufferSlice<'e>> {
        let b = BufferSlice::copy_from(env, &self.out);
        self.out.clear();
        b
    }
}

#[napi]
impl StreamRedactor {
    /// A stream with the policy given by `options` (see `RedactorOptions`).
    #[napi(
        constructor,
        ts_args_type = "options?: RedactorOptions | null | undefined"
    )]
    pub fn new(options: Option<Unknown<'_>>) -> Result<Self> {
        Ok(Self::from_core(options::redactor(options)?.stream()))
    }

    /// Pushes a chunk (a Buffer of UTF-8 bytes, or a string) and returns the
    /// output that is settled so far, possibly empty.
    #[napi(ts_args_type = "chunk: Buffer | string")]
    pub fn push<'e>(
        &mut self,
        env: &'e Env,
        chunk: TextOrBytes<'_>,
    ) -> napi::Result<BufferSlice<'e>> {
        match &args::text_or_bytes("chunk", "a Buffer or a string", chunk)? {
            Either::A(s) => self.inner.push(s.as_bytes(), &mut self.out),
            Either::B(b) => self.inner.push(b, &mut self.out),
        }
        self.take_out(env)
    }

    /// Ends the stream and returns the rest of the output. A push after
    /// `finish` starts a new stream.
    #[napi]
    pub fn finish<'e>(
        &mut self,
        env: &'e Env,
    ) -> napi::Result<BufferSlice<'e>> {
        self.inner.finish(&mut self.out);
        self.take_out(env)
    }

    /// Turns on (or off) recording of findings for `takeFindings`.
    #[napi]
    pub fn record_findings(&mut self, yes: bool) {
        self.inner.record_findings(yes);
    }

    /// The findings written to the output since the last call, with byte
    /// offsets counted from the start of the stream. Recording must be on
    /// (`recordFindings(true)`).
    #[napi]
    pub fn take_findings(&mut self) -> Vec<Finding> {
        findings_bytes(&self.inner.take_findings())
    }

    /// Bytes pushed so far.
    #[napi(getter)]
    pub fn position(&self) -> f64 {
        self.inner.position() as f64
    }

    /// Bytes pushed but not yet returned.
    #[napi(getter)]
    pub fn held(&self) -> u32 {
        u32::try_from(self.inner.held()).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_core_kind_has_its_own_name() {
        for k in pci_redact::Kind::ALL {
            let js = format!("{:?}", FindingKind::of(k)).to_lowercase();
            assert_eq!(js, k.as_str());
        }
    }
}
