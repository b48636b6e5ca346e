//! Plain text: streamed through the core's [`StreamRedactor`] with
//! constant memory, or, for a large input and several workers, split into
//! blocks that are redacted in parallel and verified to give exactly the
//! streamed output.
//!
//! Blocks go through [`pipeline::ordered`]: the calling thread reads each
//! block (copied with the bytes before and after it that its worker reads)
//! and merges the results in order, while the pool redacts the blocks in
//! between. Only a few blocks are in flight at once, so memory is a small
//! multiple of the block size however large the file is.
//!
//! # How parallel blocks stay exact
//!
//! The core decides each candidate from a bounded window of bytes around
//! it plus a little scanner state (inside a long run of digit groups or
//! not, where the last card ended). A stream started a few KiB before a
//! block boundary has, by the boundary, reached the state of the stream
//! that read the whole file, unless a run of digits or number words
//! straddles the point where it started.
//!
//! So each block is speculated: worker *j* primes a fresh stream with the
//! [`PRIME`] bytes before its block, then redacts the block, then reads
//! [`EXT`] bytes past its end for comparison only. Block *j+1*'s output is
//! used only if the two streams that cover the boundary agree: the same
//! settled position at the boundary and at every [`SAMPLE`] bytes after
//! it, and the same findings from `PRIME / 2` before the boundary to as far
//! as both have decided. On any disagreement the rest of the file is read
//! by one stream started at the last accepted block, which is exactly what
//! `--jobs 1` does.
//!
//! The check is a comparison, not a proof: two streams could only pass it
//! and still differ later inside one run of digit groups longer than the
//! overlap whose settled positions and findings match all along the
//! overlap. The tests compare `--jobs 1` and parallel output on inputs
//! built to put runs, split cards and keywords across boundaries, and on a
//! run long enough to force the fallback.

use std::collections::VecDeque;
use std::io::{self, Read, Write};

use pci_redact::{Finding, Kind, Reason, Redactor, StreamRedactor};

use crate::pipeline;
use crate::report::{Acc, Hit};

/// Read size of the sequential stream.
const CHUNK: usize = 256 << 10;

/// Bytes before a block that prime its stream.
const PRIME: usize = 16 << 10;

/// Bytes after a block read to compare with the next block's stream.
const EXT: usize = 16 << 10;

/// Settled positions are compared every this many bytes.
const SAMPLE: usize = 1 << 10;

/// Reads until `buf` is full or the input ends; returns the bytes read.
pub(crate) fn read_full(
    r: &mut dyn Read,
    buf: &mut [u8],
) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Line numbers for findings of a stream: the offsets of the newlines not
/// yet passed, bounded by what the stream holds back.
#[derive(Debug)]
struct StreamLines {
    pending: VecDeque<u64>,
    line: u64,
    line_start: u64,
}

impl StreamLines {
    fn new() -> StreamLines {
        StreamLines { pending: VecDeque::new(), line: 1, line_start: 0 }
    }

    fn feed(&mut self, chunk: &[u8], at: u64) {
        self.pending
            .extend(memchr::memchr_iter(b'\n', chunk).map(|p| at + p as u64));
    }

    fn pass(&mut self, upto: u64) {
        while self.pending.front().is_some_and(|&nl| nl < upto) {
            let nl = self.pending.pop_front().expect("front exists");
            self.line += 1;
            self.line_start = nl + 1;
        }
    }

    fn locate(&mut self, off: u64) -> (u64, u64) {
        self.pass(off);
        (self.line, off - self.line_start + 1)
    }
}

fn hit_at(f: &Finding, off: u64, line: u64, col: u64) -> Hit {
    Hit::new(f, line, col, None).at_offset(off)
}

/// Redacts `input` into `out` with one stream. Returns the bytes read.
pub(crate) fn stream(
    red: &Redactor,
    input: &mut dyn Read,
    out: &mut dyn Write,
    acc: &mut Acc,
) -> io::Result<u64> {
    let mut st = red.stream();
    st.record_findings(true);
    let mut inbuf = vec![0u8; CHUNK];
    let mut obuf = Vec::with_capacity(CHUNK + 4096);
    let mut lines = StreamLines::new();
    let mut total = 0u64;
    loop {
        let n = read_full(input, &mut inbuf)?;
        if n == 0 {
            st.finish(&mut obuf);
        } else {
            lines.feed(&inbuf[..n], st.position());
            st.push(&inbuf[..n], &mut obuf);
            total += n as u64;
        }
        out.write_all(&obuf)?;
        obuf.clear();
        for f in st.take_findings() {
            let (line, col) = lines.locate(f.start());
            acc.hit(hit_at(&f, f.start(), line, col));
        }
        if n == 0 {
            return Ok(total);
        }
        lines.pass(st.position() - st.held() as u64);
    }
}

/// A finding as compared between two streams: everything but the digits,
/// at file offsets.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    start: u64,
    end: u64,
    kind: Kind,
    brand: Option<&'static str>,
    last4: Option<String>,
    reason: Reason,
    spoken: bool,
}

fn key(f: &Finding, base: u64) -> Key {
    Key {
        start: base + f.start(),
        end: base + f.end(),
        kind: f.kind(),
        brand: f.brand().map(|b| b.as_str()),
        last4: f.last4().map(str::to_string),
        reason: f.reason(),
        spoken: f.is_spoken(),
    }
}

/// One block as read: its bytes with up to `PRIME` bytes before it and
/// up to `EXT` bytes after it.
#[derive(Debug)]
struct Piece {
    data: Vec<u8>,
    /// File offset of `data[0]`.
    base: u64,
    /// The block is `data[s..e]`.
    s: usize,
    e: usize,
    /// `data` runs to the end of the input.
    eof: bool,
}

/// The speculative result of one block. Offsets are file offsets.
#[derive(Debug)]
struct Block {
    /// The piece's bytes: the merge counts lines in them and the
    /// fallback stream reads them again.
    data: Vec<u8>,
    start: u64,
    end: u64,
    /// The block ends the input (its stream was finished).
    last: bool,
    /// Settled position after the prime: where `out` starts.
    w0: u64,
    /// Settled position after the block: where `out` ends.
    w1: u64,
    /// Output for `w0..w1`.
    out: Vec<u8>,
    /// Findings written in `out`, with the stream's base offset, which
    /// is also the file offset of `data[0]`.
    found: Vec<Finding>,
    base: u64,
    /// Findings written while priming.
    pre: Vec<Key>,
    /// (position, settled position) at the block start and every
    /// `SAMPLE` bytes of its first `EXT` bytes.
    head: Vec<(u64, u64)>,
    /// The same for the bytes read past the end.
    tail: Vec<(u64, u64)>,
    /// Findings written while reading past the end.
    tail_found: Vec<Key>,
    /// Everything before this is decided in `tail_found`.
    tail_known: u64,
}

fn settled(st: &StreamRedactor, base: u64) -> u64 {
    base + st.position() - st.held() as u64
}

/// Where a block's stream starts: `PRIME` bytes before it, or where the
/// buffer starts (which is the start of the file if that is closer).
fn prime_start(start: usize) -> usize {
    start.saturating_sub(PRIME)
}

// The merge counts lines from the settled position of the previous block
// on, in the next block's bytes: a stream must never hold back more than
// the bytes a piece carries before its block.
const _: () = assert!(pci_redact::MAX_HOLDBACK <= PRIME);

fn work(red: &Redactor, piece: Piece) -> Block {
    let Piece { data, base, s, e, eof } = piece;
    let last = eof && e == data.len();
    let mut st = red.stream();
    st.record_findings(true);
    let mut sink = Vec::new();
    st.push(&data[..s], &mut sink);
    let pre = st.take_findings().iter().map(|f| key(f, base)).collect();
    let w0 = settled(&st, base);
    let mut head = vec![(base + s as u64, w0)];
    let mut out = Vec::with_capacity(e - s + 4096);
    let head_end = (s + EXT).min(e);
    for piece in data[s..head_end].chunks(SAMPLE) {
        st.push(piece, &mut out);
        head.push((base + st.position(), settled(&st, base)));
    }
    st.push(&data[head_end..e], &mut out);
    if last {
        st.finish(&mut out);
    }
    let found = st.take_findings();
    let w1 = settled(&st, base);
    let mut tail = vec![(base + e as u64, w1)];
    let mut tail_found = Vec::new();
    let mut tail_known = w1;
    if !last {
        for piece in data[e..].chunks(SAMPLE) {
            sink.clear();
            st.push(piece, &mut sink);
            tail.push((base + st.position(), settled(&st, base)));
        }
        if eof {
            st.finish(&mut sink);
        }
        tail_known = settled(&st, base);
        tail_found = st.take_findings().iter().map(|f| key(f, base)).collect();
    }
    Block {
        start: base + s as u64,
        end: base + e as u64,
        data,
        last,
        w0,
        w1,
        out,
        found,
        base,
        pre,
        head,
        tail,
        tail_found,
        tail_known,
    }
}

#[cfg(test)]
thread_local! {
    /// Tests set this to drive the fallback path on any input.
    static FORCE_FALLBACK: std::cell::Cell<bool> =
        const { std::cell::Cell::new(false) };
}

/// Whether a test asked for every block boundary to be redone by one
/// stream.
fn forced_fallback() -> bool {
    #[cfg(test)]
    {
        FORCE_FALLBACK.with(|f| f.get())
    }
    #[cfg(not(test))]
    {
        false
    }
}

/// Whether block `n`'s speculative stream agrees with block `p`'s stream
/// across their boundary.
fn agree(p: &Block, n: &Block) -> bool {
    let c = n.start;
    if p.end != c || p.w1 != n.w0 {
        return false;
    }
    for (pos, w) in &p.tail[1..] {
        if let Some((_, wn)) = n.head.iter().find(|(q, _)| q == pos) {
            if wn != w {
                return false;
            }
        }
    }
    let lo = c.saturating_sub(PRIME as u64 / 2).max(p.start);
    let hi = p.tail_known.min(n.w1);
    let pa: Vec<Key> = p
        .found
        .iter()
        .map(|f| key(f, p.base))
        .chain(p.tail_found.iter().cloned())
        .filter(|k| k.start >= lo && k.start < hi)
        .collect();
    let na: Vec<Key> = n
        .pre
        .iter()
        .cloned()
        .chain(n.found.iter().map(|f| key(f, n.base)))
        .filter(|k| k.start >= lo && k.start < hi)
        .collect();
    pa == na
}

/// Line numbers for the merge: counts newlines up to each finding, in the
/// bytes of the block that finding belongs to.
#[derive(Debug)]
struct BufLines {
    off: u64,
    line: u64,
    line_start: u64,
}

impl BufLines {
    /// Counts up to file offset `target`; `buf` starts at `buf_off`, at or
    /// before where counting stands.
    fn to(&mut self, buf: &[u8], buf_off: u64, target: u64) {
        if target <= self.off {
            return;
        }
        let a = (self.off - buf_off) as usize;
        let b = (target - buf_off) as usize;
        for p in memchr::memchr_iter(b'\n', &buf[a..b]) {
            self.line += 1;
            self.line_start = self.off + p as u64 + 1;
        }
        self.off = target;
    }

    fn locate(&mut self, buf: &[u8], buf_off: u64, at: u64) -> (u64, u64) {
        self.to(buf, buf_off, at);
        (self.line, at - self.line_start + 1)
    }
}

enum State {
    Empty,
    Pending(Block),
    Seq { st: StreamRedactor, base: u64 },
}

/// Puts verified blocks out in order, falling back to one stream.
struct Merger<'a> {
    red: &'a Redactor,
    state: State,
    lines: BufLines,
    fallbacks: u64,
}

impl Merger<'_> {
    fn emit(
        &mut self,
        b: Block,
        out: &mut dyn Write,
        acc: &mut Acc,
    ) -> io::Result<()> {
        out.write_all(&b.out)?;
        for f in &b.found {
            let at = b.base + f.start();
            let (line, col) = self.lines.locate(&b.data, b.base, at);
            acc.hit(hit_at(f, at, line, col));
        }
        self.lines.to(&b.data, b.base, b.w1);
        Ok(())
    }

    /// Pushes `b.data[range]` through the sequential stream.
    fn seq_push(
        &mut self,
        b: &Block,
        range: std::ops::Range<u64>,
        finish: bool,
        out: &mut dyn Write,
        acc: &mut Acc,
    ) -> io::Result<()> {
        let State::Seq { st, base } = &mut self.state else {
            unreachable!("sequential state")
        };
        let base = *base;
        let bytes = &b.data
            [(range.start - b.base) as usize..(range.end - b.base) as usize];
        let mut o = Vec::with_capacity(bytes.len() + 4096);
        st.push(bytes, &mut o);
        if finish {
            st.finish(&mut o);
        }
        out.write_all(&o)?;
        let found = st.take_findings();
        let w = settled(st, base);
        for f in &found {
            let at = base + f.start();
            let (line, col) = self.lines.locate(&b.data, b.base, at);
            acc.hit(hit_at(f, at, line, col));
        }
        self.lines.to(&b.data, b.base, w);
        Ok(())
    }

    fn push(
        &mut self,
        n: Block,
        out: &mut dyn Write,
        acc: &mut Acc,
    ) -> io::Result<()> {
        match std::mem::replace(&mut self.state, State::Empty) {
            State::Empty => {
                self.state = State::Pending(n);
                Ok(())
            }
            State::Pending(p) if agree(&p, &n) && !forced_fallback() => {
                self.emit(p, out, acc)?;
                self.state = State::Pending(n);
                Ok(())
            }
            State::Pending(p) => {
                // Redo from the last verified block with one stream: its
                // prime and block give exactly what its worker computed.
                self.fallbacks += 1;
                let s = (p.start - p.base) as usize;
                let mut st = self.red.stream();
                st.record_findings(true);
                let mut sink = Vec::new();
                st.push(&p.data[..s], &mut sink);
                st.take_findings();
                debug_assert_eq!(settled(&st, p.base), p.w0);
                self.state = State::Seq { st, base: p.base };
                self.seq_push(&p, p.start..p.end, p.last, out, acc)?;
                self.seq_push(&n, n.start..n.end, n.last, out, acc)
            }
            State::Seq { st, base } => {
                self.state = State::Seq { st, base };
                self.seq_push(&n, n.start..n.end, n.last, out, acc)
            }
        }
    }

    fn finish(
        &mut self,
        out: &mut dyn Write,
        acc: &mut Acc,
    ) -> io::Result<()> {
        if let State::Pending(p) =
            std::mem::replace(&mut self.state, State::Empty)
        {
            debug_assert!(p.last);
            self.emit(p, out, acc)?;
        }
        Ok(())
    }
}

/// Picks a block boundary in `buf[target..limit]`: preferably a line
/// break with no digit in the 256 bytes before it, else any line break,
/// else a space, else `target` moved back to a character boundary.
fn choose_cut(buf: &[u8], from: usize, target: usize, limit: usize) -> usize {
    let mut any_nl = None;
    // The last digit before `seen`; `seen` only moves forward, so each
    // byte is looked at once however many lines hold digits.
    let mut seen = target.saturating_sub(256).max(from);
    let mut digit = None;
    for p in memchr::memchr_iter(b'\n', &buf[target..limit]) {
        let c = target + p + 1;
        if let Some(q) = buf[seen..c].iter().rposition(u8::is_ascii_digit) {
            digit = Some(seen + q);
        }
        seen = c;
        if digit.is_none_or(|d| d < c.saturating_sub(256).max(from)) {
            return c;
        }
        any_nl.get_or_insert(c);
    }
    if let Some(c) = any_nl {
        return c;
    }
    if let Some(p) = memchr::memchr(b' ', &buf[target..limit]) {
        return target + p + 1;
    }
    let mut c = target;
    while c > from + 1 && (buf[c] & 0xC0) == 0x80 {
        c -= 1;
    }
    c
}

/// Where the block that starts at `buf[s]` ends: about `block` bytes on,
/// after a line break (always, for `lines`; preferably, for text). Text
/// blocks need `block / 2` bytes past that point to choose from and `EXT`
/// bytes after them unless the input ended. `None` when nothing is left
/// or more input is needed.
fn cut(
    buf: &[u8],
    s: usize,
    block: usize,
    eof: bool,
    lines: bool,
) -> Option<usize> {
    if s >= buf.len() {
        return None;
    }
    let target = s + block;
    let limit = target + block / 2;
    if buf.len() < limit + if lines { 0 } else { EXT } {
        return eof.then_some(buf.len());
    }
    if !lines {
        return Some(choose_cut(buf, s, target, limit));
    }
    match memchr::memchr(b'\n', &buf[target..limit]) {
        Some(p) => Some(target + p + 1),
        None => match memchr::memchr(b'\n', &buf[limit..]) {
            Some(p) => Some(limit + p + 1),
            None => eof.then_some(buf.len()),
        },
    }
}

/// Reads more input into `buf` until it holds `want` bytes or the input
/// ends.
fn fill(
    input: &mut dyn Read,
    buf: &mut Vec<u8>,
    want: usize,
    eof: &mut bool,
) -> io::Result<()> {
    while !*eof && buf.len() < want {
        let have = buf.len();
        let grow = (want - have).max(64 << 10);
        buf.resize(have + grow, 0);
        let n = read_full(input, &mut buf[have..])?;
        buf.truncate(have + n);
        if n < grow {
            *eof = true;
        }
    }
    Ok(())
}

/// Blocks read and not yet written, for `jobs` workers: enough that a
/// worker finds the next block queued while the oldest is written, few
/// enough that memory stays a small multiple of the block size.
fn in_flight(jobs: usize) -> usize {
    2 * jobs
}

/// Redacts `input` into `out` in parallel blocks of about `block` bytes.
/// Returns the bytes read and the number of times it fell back to one
/// stream.
pub(crate) fn parallel(
    red: &Redactor,
    input: &mut dyn Read,
    out: &mut dyn Write,
    acc: &mut Acc,
    jobs: usize,
    block: usize,
) -> io::Result<(u64, u64)> {
    let mut m = Merger {
        red,
        state: State::Empty,
        lines: BufLines { off: 0, line: 1, line_start: 0 },
        fallbacks: 0,
    };
    // `buf` holds the input from file offset `off`; the next block starts
    // at `buf[next]`.
    let mut buf: Vec<u8> = Vec::new();
    let mut off = 0u64;
    let mut next = 0usize;
    let mut eof = false;
    let read = || -> io::Result<Option<Piece>> {
        let want = next + block + block / 2 + EXT;
        fill(input, &mut buf, want, &mut eof)?;
        let Some(e) = cut(&buf, next, block, eof, false) else {
            debug_assert!(eof && next == buf.len());
            return Ok(None);
        };
        let p0 = prime_start(next);
        let xe = (e + EXT).min(buf.len());
        let piece = Piece {
            data: buf[p0..xe].to_vec(),
            base: off + p0 as u64,
            s: next - p0,
            e: e - p0,
            eof: eof && xe == buf.len(),
        };
        // Keep only what the next block's prime reads.
        let drop = prime_start(e);
        buf.drain(..drop);
        off += drop as u64;
        next = e - drop;
        Ok(Some(piece))
    };
    pipeline::ordered(
        jobs,
        in_flight(jobs),
        read,
        |p| work(red, p),
        |b| m.push(b, out, acc),
    )?;
    m.finish(out, acc)?;
    Ok((off + buf.len() as u64, m.fallbacks))
}

/// Cuts an input into blocks of whole lines and hands each to `work` in
/// parallel, writing the results in order. `work` gets the block and
/// returns its output and its findings, with line numbers counted from the
/// block's first line (0 for the first line). Returns the bytes read.
pub(crate) fn line_blocks<F>(
    input: &mut dyn Read,
    out: &mut dyn Write,
    acc: &mut Acc,
    jobs: usize,
    block: usize,
    work: F,
) -> Result<u64, LineBlockError>
where
    F: Fn(&[u8]) -> Result<(Vec<u8>, Acc, u64), (u64, String)> + Sync,
{
    let mut buf: Vec<u8> = Vec::new();
    let mut total = 0u64;
    let mut eof = false;
    let mut want = block + block / 2;
    let read = || -> Result<Option<Vec<u8>>, LineBlockError> {
        loop {
            fill(input, &mut buf, want, &mut eof)
                .map_err(LineBlockError::Io)?;
            match cut(&buf, 0, block, eof, true) {
                Some(e) => {
                    let b = buf[..e].to_vec();
                    buf.drain(..e);
                    total += e as u64;
                    want = block + block / 2;
                    return Ok(Some(b));
                }
                None if eof => return Ok(None),
                // A line longer than the buffer: read more.
                None => want = buf.len() * 2,
            }
        }
    };
    let mut line_base = 0u64;
    let write = |r: Result<(Vec<u8>, Acc, u64), (u64, String)>| match r {
        Ok((o, a, nlines)) => {
            out.write_all(&o).map_err(LineBlockError::Io)?;
            acc.absorb(a, line_base);
            line_base += nlines;
            Ok(())
        }
        Err((line, msg)) => Err(LineBlockError::Line(line_base + line, msg)),
    };
    pipeline::ordered(
        jobs,
        in_flight(jobs),
        read,
        |b: Vec<u8>| work(&b),
        write,
    )?;
    Ok(total)
}

/// Why [`line_blocks`] stopped.
#[derive(Debug)]
pub(crate) enum LineBlockError {
    Io(io::Error),
    /// A record failed: 1-based line and the reason.
    Line(u64, String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seq(red: &Redactor, input: &[u8]) -> (Vec<u8>, Vec<Hit>) {
        let mut out = Vec::new();
        let mut acc = Acc::new(true);
        stream(red, &mut &input[..], &mut out, &mut acc).unwrap();
        (out, acc.hits().to_vec())
    }

    fn par(
        red: &Redactor,
        input: &[u8],
        block: usize,
    ) -> (Vec<u8>, Vec<Hit>, u64) {
        let mut out = Vec::new();
        let mut acc = Acc::new(true);
        let (n, fb) =
            parallel(red, &mut &input[..], &mut out, &mut acc, 3, block)
                .unwrap();
        assert_eq!(n, input.len() as u64);
        (out, acc.hits().to_vec(), fb)
    }

    fn same(a: &[Hit], b: &[Hit]) -> bool {
        let k = |h: &Hit| (h.line, h.column, h.offset, h.kind, h.length);
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| k(x) == k(y))
    }

    #[test]
    fn parallel_equals_stream_on_chat() {
        let red = Redactor::new();
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(&format!(
                "[{i}] agent: order {} ok\ncustomer: card 4111 1111\n1111 1111 exp 12/27 cvv 123\n",
                100000 + i
            ));
            if i % 7 == 0 {
                text.push_str("customer: four one one one one one one one\none one one one one one one one\n");
            }
        }
        let (a, ha) = seq(&red, text.as_bytes());
        for block in [700, 4096, 50_000] {
            let (b, hb, fb) = par(&red, text.as_bytes(), block);
            if block >= 4096 {
                assert_eq!(
                    fb, 0,
                    "block {block}: ordinary chat needs no fallback"
                );
            }
            assert!(a == b, "block {block}: output differs");
            assert!(same(&ha, &hb), "block {block}: findings differ");
        }
    }

    #[test]
    fn parallel_falls_back_on_long_runs() {
        // One run of spaced digits far longer than the overlap: the blocks
        // cannot be verified, and the output must still equal the stream.
        let red = Redactor::new();
        let mut text = String::from("start\n");
        let mut x = 7u64;
        for _ in 0..40_000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push(char::from(b'0' + (x >> 60) as u8 % 10));
            text.push(if x & 0x10 == 0 { ' ' } else { '\n' });
        }
        text.push_str("\nend 4111111111111111\n");
        let (a, ha) = seq(&red, text.as_bytes());
        let (b, hb, _) = par(&red, text.as_bytes(), 3000);
        assert!(a == b, "output differs");
        assert!(same(&ha, &hb), "findings differ");
        // The same input with every boundary redone by the fallback
        // stream: the fallback itself must give the stream's answer.
        FORCE_FALLBACK.with(|f| f.set(true));
        let (c, hc, fallbacks) = par(&red, text.as_bytes(), 3000);
        FORCE_FALLBACK.with(|f| f.set(false));
        assert!(fallbacks > 0, "the fallback was not taken");
        assert!(a == c, "fallback output differs");
        assert!(same(&ha, &hc), "fallback findings differ");
    }

    #[test]
    fn choose_cut_matches_a_naive_search() {
        // The naive version: look back from every line break.
        fn naive(
            buf: &[u8],
            from: usize,
            target: usize,
            limit: usize,
        ) -> usize {
            let mut any_nl = None;
            for c in target + 1..=limit {
                if buf[c - 1] != b'\n' {
                    continue;
                }
                let w = c.saturating_sub(256).max(from);
                if !buf[w..c].iter().any(u8::is_ascii_digit) {
                    return c;
                }
                any_nl.get_or_insert(c);
            }
            any_nl.unwrap_or_else(|| choose_cut(buf, from, target, limit))
        }
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut found_clean = 0;
        for case in 0..300 {
            let mut buf = Vec::new();
            let len = 600 + (x % 2000) as usize;
            // From one digit in 20 bytes to one in 20,000.
            let digits = [20, 200, 2000, 20_000][case % 4];
            for _ in 0..len {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                buf.push(match x % digits {
                    0 => b'0' + (x >> 32) as u8 % 10,
                    _ => match (x >> 40) % 40 {
                        0..=2 => b'\n',
                        3..=9 => b' ',
                        _ => b'a' + (x >> 8) as u8 % 26,
                    },
                });
            }
            let from = (x >> 20) as usize % 200;
            let target = from + 1 + (x >> 30) as usize % 300;
            let limit = (target + 1 + (x >> 40) as usize % 300).min(len);
            let c = choose_cut(&buf, from, target, limit);
            assert_eq!(
                c,
                naive(&buf, from, target, limit),
                "from {from} target {target} limit {limit}"
            );
            let w = c.saturating_sub(256).max(from);
            if buf[c - 1] == b'\n' && !buf[w..c].iter().any(u8::is_ascii_digit)
            {
                found_clean += 1;
            }
        }
        assert!(found_clean > 30, "too few cuts after clean lines");
    }

    #[test]
    fn stream_lines_and_columns() {
        let red = Redactor::new();
        let (_, hits) = seq(&red, b"a\nbb\n  4111 1111 1111 1111\n");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].line, hits[0].column, hits[0].offset),
            (3, 3, Some(7))
        );
    }
}
