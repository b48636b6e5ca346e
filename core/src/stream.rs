//! Streaming redaction with bounded memory.
//!
//! # How a stream decides
//!
//! [`StreamRedactor`] drives the very scanner that one-shot redaction uses
//! (`scan::Scanner`). The scanner makes every decision about a candidate
//! from a bounded window: at most [`LOOKBEHIND`](crate::scan::LOOKBEHIND)
//! bytes before the point it decides at, and exactly
//! [`AHEAD`](crate::scan::AHEAD) bytes from it (or fewer at the end of the
//! input). A stream that has not yet seen the whole window waits for more
//! input instead of guessing, so the decision is the same however the input
//! is cut.
//!
//! Worked example: `"card 4111 1111"` arrives, then `" 1111 1111."`. On the
//! first push the scanner finds the trigger `4` at byte 5 but the window from
//! byte 5 is not complete, so bytes `0..5` (`"card "`) are settled and
//! written, and `"4111 1111"` is held. The second push completes nothing
//! either (the input is still shorter than the window), until
//! [`StreamRedactor::finish`] says no more is coming; the scanner then sees
//! the same bytes one-shot redaction sees, finds the card at `5..24` and the
//! output is `"card **** **** **** 1111."`, byte for byte the one-shot
//! output.
//!
//! Bytes before the settled point go to the sink at once; only the bytes of
//! a live candidate and its window are held, never more than
//! [`MAX_HOLDBACK`]. Left context is kept as a copy of the last
//! `LOOKBEHIND` bytes: it is read, never rewritten.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::fmt;
use std::io::{self, Read, Write};

use crate::finding::Finding;
use crate::redactor::Redactor;
use crate::scan::{Scanner, AHEAD, LOOKBEHIND};

/// The most bytes a [`StreamRedactor`] ever holds back from its output:
/// the decision window of one candidate plus an incomplete UTF-8 character.
/// Output lags input by at most this many bytes, whatever the input (a
/// gigabyte of digits and spaces included).
pub const MAX_HOLDBACK: usize = AHEAD + 16;

/// Receives a stream's output: pieces of text passed through unchanged and
/// replacements for findings. Concatenated in call order, they are the
/// redacted text.
pub trait Sink {
    /// The error a sink may fail with (for example an I/O error).
    type Error;

    /// Text that contains nothing to mask.
    fn pass(&mut self, bytes: &[u8]) -> Result<(), Self::Error>;

    /// The replacement for `finding`.
    fn redacted(
        &mut self,
        finding: &Finding,
        replacement: &[u8],
    ) -> Result<(), Self::Error>;
}

impl Sink for Vec<u8> {
    type Error = Infallible;

    fn pass(&mut self, bytes: &[u8]) -> Result<(), Infallible> {
        self.extend_from_slice(bytes);
        Ok(())
    }

    fn redacted(&mut self, _: &Finding, r: &[u8]) -> Result<(), Infallible> {
        self.extend_from_slice(r);
        Ok(())
    }
}

/// Redacts text pushed in chunks of any size, with bounded memory.
///
/// For every input and every way of cutting it into chunks, the
/// concatenated output equals [`Redactor::redact_bytes`] of the whole input,
/// and the findings are the same (with spans counted from the start of the
/// stream). Output is released only at UTF-8 character boundaries.
///
/// ```
/// use pci_redact::Redactor;
///
/// let mut s = Redactor::new().stream();
/// let mut out = String::new();
/// s.push_str("my card is 4111 11", &mut out);
/// s.push_str("11 1111 1111, thanks", &mut out);
/// s.finish_str(&mut out);
/// assert_eq!(out, "my card is **** **** **** 1111, thanks");
/// ```
pub struct StreamRedactor {
    r: Redactor,
    /// The scanner shared with one-shot redaction; its cursor is an absolute
    /// offset.
    sc: Scanner,
    /// Bytes from absolute offset `base` to the end of the input seen so
    /// far: up to `LOOKBEHIND` bytes of context, then everything not yet
    /// written.
    buf: Vec<u8>,
    /// Absolute offset of `buf[0]`.
    base: u64,
    /// Absolute offset up to which output has been written. Always within
    /// `base..=base + buf.len()`.
    written: u64,
    /// Findings decided by the scanner and not yet written, in order.
    queue: VecDeque<Finding>,
    /// Findings written so far, when recording is on.
    record: Option<Vec<Finding>>,
    /// The most bytes ever held back (input seen but not yet written).
    peak_held: usize,
    /// Set by `finish`; later pushes start a new stream.
    finished: bool,
}

impl fmt::Debug for StreamRedactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamRedactor")
            .field("position", &self.position())
            .field("written", &self.written)
            .field("held", &self.held())
            .finish()
    }
}

impl StreamRedactor {
    /// A stream with `r`'s policy.
    pub fn new(r: Redactor) -> StreamRedactor {
        StreamRedactor {
            r,
            sc: Scanner::new(),
            buf: Vec::new(),
            base: 0,
            written: 0,
            queue: VecDeque::new(),
            record: None,
            peak_held: 0,
            finished: false,
        }
    }

    /// Records the findings written, for [`StreamRedactor::take_findings`].
    pub fn record_findings(&mut self, yes: bool) -> &mut StreamRedactor {
        self.record = if yes { Some(Vec::new()) } else { None };
        self
    }

    /// The findings written since the last call (recording must be on).
    /// Spans are absolute stream offsets.
    pub fn take_findings(&mut self) -> Vec<Finding> {
        self.record.as_mut().map(std::mem::take).unwrap_or_default()
    }

    /// Bytes pushed so far.
    pub fn position(&self) -> u64 {
        self.base + self.buf.len() as u64
    }

    /// Bytes pushed but not yet written.
    pub fn held(&self) -> usize {
        (self.position() - self.written) as usize
    }

    /// The most bytes held back at the end of any push so far.
    pub fn peak_held(&self) -> usize {
        self.peak_held
    }

    /// Pushes a chunk and appends the settled output to `out`.
    pub fn push(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let Ok(()) = self.push_sink(chunk, out);
    }

    /// Pushes a string chunk and appends the settled output to `out`.
    pub fn push_str(&mut self, chunk: &str, out: &mut String) {
        let mut v = Vec::new();
        self.push(chunk.as_bytes(), &mut v);
        push_utf8(out, v);
    }

    /// Ends the stream, appending the rest of the output to `out`.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        let Ok(()) = self.finish_sink(out);
    }

    /// Ends the stream, appending the rest of the output to `out`.
    pub fn finish_str(&mut self, out: &mut String) {
        let mut v = Vec::new();
        self.finish(&mut v);
        push_utf8(out, v);
    }

    /// Pushes a chunk, giving settled output to `sink`.
    pub fn push_sink<S: Sink>(
        &mut self,
        chunk: &[u8],
        sink: &mut S,
    ) -> Result<(), S::Error> {
        if self.finished {
            *self = StreamRedactor {
                record: self.record.take(),
                ..StreamRedactor::new(self.r.clone())
            };
        }
        if chunk.is_empty() {
            return Ok(());
        }
        self.buf.extend_from_slice(chunk);
        let settled = self.run(false);
        self.write_to(settled, sink)?;
        self.peak_held = self.peak_held.max(self.held());
        self.trim();
        Ok(())
    }

    /// Ends the stream, giving the rest of the output to `sink`.
    pub fn finish_sink<S: Sink>(
        &mut self,
        sink: &mut S,
    ) -> Result<(), S::Error> {
        if self.finished {
            return Ok(());
        }
        let end = self.run(true);
        self.write_to(end, sink)?;
        debug_assert_eq!(self.written, self.position());
        self.finished = true;
        Ok(())
    }

    fn run(&mut self, eof: bool) -> u64 {
        let queue = &mut self.queue;
        self.sc.advance(&self.r.inner, &self.buf, self.base, eof, &mut |f| {
            queue.push_back(f)
        })
    }

    /// Writes output up to `target` (or the end of a finding that starts
    /// before it).
    fn write_to<S: Sink>(
        &mut self,
        target: u64,
        sink: &mut S,
    ) -> Result<(), S::Error> {
        while let Some(f) = self.queue.front() {
            if f.start >= target {
                break;
            }
            let f = self.queue.pop_front().expect("front exists");
            let (s, e) = (self.rel(f.start), self.rel(f.end));
            let w = self.rel(self.written);
            if w < s {
                sink.pass(&self.buf[w..s])?;
            }
            let mut rep = Vec::new();
            self.r.inner.masker.replace(&f, &self.buf[s..e], &mut rep);
            sink.redacted(&f, &rep)?;
            self.written = f.end;
            if let Some(rec) = self.record.as_mut() {
                rec.push(f);
            }
        }
        if self.written < target {
            let (w, t) = (self.rel(self.written), self.rel(target));
            sink.pass(&self.buf[w..t])?;
            self.written = target;
        }
        Ok(())
    }

    fn rel(&self, abs: u64) -> usize {
        (abs - self.base) as usize
    }

    /// Drops bytes that are written and outside the scanner's look-behind.
    fn trim(&mut self) {
        let keep_from = self
            .written
            .min(self.sc.cursor().saturating_sub(LOOKBEHIND as u64))
            .max(self.base);
        let n = self.rel(keep_from);
        if n > 0 {
            self.buf.drain(..n);
            self.base = keep_from;
        }
    }
}

fn push_utf8(out: &mut String, v: Vec<u8>) {
    match String::from_utf8(v) {
        Ok(s) => out.push_str(&s),
        // Output is released at character boundaries, so this only happens
        // for input that was not UTF-8 to begin with.
        Err(e) => out.push_str(&String::from_utf8_lossy(e.as_bytes())),
    }
}

struct WriteSink<'a, W: Write>(&'a mut W);

impl<W: Write> Sink for WriteSink<'_, W> {
    type Error = io::Error;

    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }

    fn redacted(&mut self, _: &Finding, r: &[u8]) -> io::Result<()> {
        self.0.write_all(r)
    }
}

/// A writer that redacts everything written through it into an inner
/// writer.
///
/// Call [`RedactWriter::finish`] at the end: it flushes the held-back tail
/// and returns the inner writer. Dropping a `RedactWriter` without finishing
/// loses at most [`MAX_HOLDBACK`] bytes of output and reports nothing, so
/// always finish.
pub struct RedactWriter<W: Write> {
    stream: StreamRedactor,
    inner: Option<W>,
}

impl<W: Write> fmt::Debug for RedactWriter<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedactWriter").field("stream", &self.stream).finish()
    }
}

impl<W: Write> RedactWriter<W> {
    /// Wraps `inner`, redacting with `r`'s policy.
    pub fn new(r: Redactor, inner: W) -> RedactWriter<W> {
        RedactWriter { stream: r.stream(), inner: Some(inner) }
    }

    /// The stream underneath (for findings and counters).
    pub fn stream_mut(&mut self) -> &mut StreamRedactor {
        &mut self.stream
    }

    /// Writes the held-back tail, flushes, and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        let mut w = self.inner.take().expect("inner writer present");
        self.stream.finish_sink(&mut WriteSink(&mut w))?;
        w.flush()?;
        Ok(w)
    }
}

impl<W: Write> Write for RedactWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let w = self.inner.as_mut().expect("inner writer present");
        self.stream.push_sink(buf, &mut WriteSink(w))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.as_mut().expect("inner writer present").flush()
    }
}

/// A reader that yields the redacted contents of an inner reader.
pub struct RedactReader<R: Read> {
    stream: StreamRedactor,
    inner: R,
    inbuf: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> fmt::Debug for RedactReader<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedactReader").field("stream", &self.stream).finish()
    }
}

impl<R: Read> RedactReader<R> {
    /// Wraps `inner`, redacting with `r`'s policy.
    pub fn new(r: Redactor, inner: R) -> RedactReader<R> {
        RedactReader {
            stream: r.stream(),
            inner,
            inbuf: vec![0; 64 * 1024],
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }

    /// The stream underneath (for findings and counters).
    pub fn stream_mut(&mut self) -> &mut StreamRedactor {
        &mut self.stream
    }

    /// Returns the inner reader.
    pub fn into_inner(self) -> R {
        self.inner
    }
}

impl<R: Read> Read for RedactReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.done {
                return Ok(0);
            }
            self.out.clear();
            self.pos = 0;
            let n = match self.inner.read(&mut self.inbuf) {
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                self.stream.finish(&mut self.out);
                self.done = true;
            } else {
                self.stream.push(&self.inbuf[..n], &mut self.out);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}
