//! Vector code for the loops where safe word-at-a-time code falls short:
//! finding the words that may start a spoken number in long stretches of
//! plain text, the next byte that may start a digit
//! ([`find_digit_candidate`]), and the letters that may start a PIN or SSN
//! keyword ([`letter_then`]).
//!
//! [`StartFilter`] is a Teddy-style filter (the shuffle-table technique of
//! Hyperscan's and aho-corasick's "Teddy"): the first four letters of every
//! trigger word (or all of a shorter word's, then any byte) go into one of
//! eight buckets, and for each position the next four bytes look up which
//! buckets could match there; a position passes where some bucket accepts
//! all four and a word starts. With AVX2 the look-ups take the low and high
//! nibbles of each lower-cased byte (32 positions a step); with AVX-512
//! VBMI one 64-entry table per position and sixteen buckets (64 positions a
//! step). The buckets are grouped so that the language's most common words
//! pass none of them.
//!
//! The filter only narrows the search: a word start it reports still goes
//! through the exact dictionary look-up, and it reports every word start it
//! cannot rule out, so the result is the same as the scalar walk's. The
//! vector paths run only when the CPU has the features (checked once, at
//! run time); elsewhere the caller's scalar walk does all the work. The
//! property tests in `spoken.rs` compare every path this CPU runs with a
//! word-by-word reading.

/// The sixteen bytes of `s` from `at` on, as one SSE2 register.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn load16(s: &[u8], at: usize) -> std::arch::x86_64::__m128i {
    let bytes: &[u8; 16] = s[at..at + 16].try_into().expect("16 bytes");
    // SAFETY: `bytes` is sixteen bytes long, all that the load reads, and
    // the unaligned load has no alignment requirement.
    unsafe { std::arch::x86_64::_mm_loadu_si128(bytes.as_ptr().cast()) }
}

/// Bits of the bytes of `x` that are an ASCII digit (`b - '0'`, as an
/// unsigned byte, at most 9).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn digit_bits(x: std::arch::x86_64::__m128i) -> u32 {
    // SAFETY: an SSE2 instruction, which the x86-64 target always enables
    // (every x86-64 processor has it); it reads and writes registers only.
    unsafe { std::arch::x86_64::_mm_movemask_epi8(digit_lanes(x)) as u32 }
}

/// The bytes of `x` that are an ASCII digit, as lanes of all ones.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn digit_lanes(x: std::arch::x86_64::__m128i) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_min_epu8, _mm_set1_epi8, _mm_sub_epi8,
    };
    // SAFETY: these instructions are SSE2, which the x86-64 target always
    // enables; they read and write registers only.
    unsafe {
        let d = _mm_sub_epi8(x, _mm_set1_epi8(b'0' as i8));
        _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d)
    }
}

/// Bits of the bytes of `x` equal to `b`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn byte_bits(x: std::arch::x86_64::__m128i, b: u8) -> u32 {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_set1_epi8,
    };
    // SAFETY: these instructions are SSE2, which the x86-64 target always
    // enables (every x86-64 processor has it); they read and write
    // registers only.
    unsafe {
        _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8))) as u32
    }
}

/// The first position at or after `from` of a byte of `s` that `bits`
/// flags (one bit per byte of a 16-byte block): sixteen bytes a step, and
/// the last sixteen read once more rather than byte by byte. `s` holds at
/// least sixteen bytes; the searches below leave shorter text to scalar
/// code.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn first_hit(
    s: &[u8],
    from: usize,
    bits: impl Fn(std::arch::x86_64::__m128i) -> u32,
) -> Option<usize> {
    debug_assert!(s.len() >= 16);
    let mut i = from;
    while i + 16 <= s.len() {
        let m = bits(load16(s, i));
        if m != 0 {
            return Some(i + m.trailing_zeros() as usize);
        }
        i += 16;
    }
    if i >= s.len() {
        return None;
    }
    // The last sixteen bytes, of which those before `i` were read.
    let at = s.len() - 16;
    let m = bits(load16(s, at)) >> (i - at);
    (m != 0).then(|| i + m.trailing_zeros() as usize)
}

/// The first byte at or after `from` that is an ASCII digit or not ASCII
/// ([`crate::chars::find_digit_candidate`]), with SSE2, which every x86-64
/// processor has ([`first_hit`]).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn find_digit_candidate(hay: &[u8], from: usize) -> Option<usize> {
    find_digit_candidate_at::<false>(level, hay, from)
}

/// [`find_digit_candidate`], passing over the digits of clock times in
/// brackets (`[09:41]`, `(9:41:07)`) that a vector step reads whole, with
/// the byte after them ([`clock_digits`]).
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn find_trigger_candidate(
    hay: &[u8],
    from: usize,
) -> Option<usize> {
    find_digit_candidate_at::<true>(level, hay, from)
}

/// Whether the first candidate that `m` flags in the block `b` comes
/// right after an opening bracket in the block, where a clock time in
/// brackets may start ([`clock_digits`], read only then).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn opens_clock(b: &[u8], m: u64) -> bool {
    let q = m.trailing_zeros() as usize;
    q < b.len() && after_bracket(b, q)
}

/// Whether the byte before `hay[q]` is an opening bracket (`[` or `(`),
/// where a clock time in brackets may start ([`clock_digits`]).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn after_bracket(hay: &[u8], q: usize) -> bool {
    q >= 1 && matches!(hay[q - 1], b'[' | b'(')
}

/// Where a vector step of `width` bytes at `i` reads again (with
/// `CLOCKS`) when its first candidate `hay[i + q]` follows an opening
/// bracket too near the step's end (or in the step before) for a time
/// after it to fit the step with the byte after it: from the bracket, so
/// the next step holds the whole time ([`clock_digits`], at most eleven
/// bytes from the bracket on). A step from the bracket reads the
/// candidate second, never again this far in, so the search goes on.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn clock_cut<const CLOCKS: bool>(
    hay: &[u8],
    i: usize,
    q: usize,
    width: usize,
) -> Option<usize> {
    (CLOCKS && (q == 0 || q + 10 > width) && after_bracket(hay, i + q))
        .then(|| i + q - 1)
}

/// The bytes of the clock times in brackets in a block of `width` bytes
/// (at most 64), from the first digit to the last, given the block's bits
/// (bit `k` for byte `k`) of ASCII digits, of opening brackets (`[` or
/// `(`), of colons and of closing brackets (`]` or `)`): an opening
/// bracket, one or two digits, one or two times a colon and two digits,
/// and a closing bracket, with one more byte of the block after it
/// (`[09:41]`, `(9:41:07)`). A time cut by the end of the block is left
/// to the caller.
///
/// The scanner's trigger search passes over these digits as its quick
/// path for short numbers does, a number at a time
/// (`scan::short_number_end`, which the property test
/// `fast_paths_decide_as_the_full_reading` compares with the full
/// reading): after a bracket, the digits start no track data and no field
/// names them; a colon with two digits after it, and the closing bracket,
/// end each number; and the byte after the time is there to be read.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn clock_digits(d: u64, open: u64, colon: u64, close: u64, width: u32) -> u64 {
    // Bit `s` of `m >> k`: byte `s + k` is flagged in `m`.
    // Two digits from each byte; a colon and two digits.
    let dd = d & d >> 1;
    let minutes = colon & dd >> 1;
    let hours2 = open & dd >> 1 & minutes >> 3;
    let hours1 = open & d >> 1 & minutes >> 2;
    // Openings from which `len` bytes and one more fit in the block.
    let fits = |len: u32| (1u64 << (width - len)) - 1;
    // "[09:41]", "[09:41:07]", "[9:41]", "[9:41:07]".
    let a = hours2 & close >> 6 & fits(7);
    let b = hours2 & minutes >> 6 & close >> 9 & fits(10);
    let c = hours1 & close >> 5 & fits(6);
    let e = hours1 & minutes >> 5 & close >> 8 & fits(9);
    // The bytes from the first digit to the last (no two times overlap: a
    // time holds no opening bracket, so the products carry nothing over).
    a.wrapping_mul(0b11_1110)
        | b.wrapping_mul(0b1_1111_1110)
        | c.wrapping_mul(0b1_1110)
        | e.wrapping_mul(0b1111_1110)
}

/// [`find_digit_candidate`] on the vector path `level()` gives (no better
/// than this CPU's; asked only for long searches): the first sixteen bytes
/// with SSE2, inline, as most searches in text with numbers end there;
/// then, where 64 bytes are left, 64 (AVX-512) or 32 (AVX2) bytes a step,
/// out of line.
/// With `CLOCKS`, [`find_trigger_candidate`].
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn find_digit_candidate_at<const CLOCKS: bool>(
    level: impl FnOnce() -> Level,
    hay: &[u8],
    from: usize,
) -> Option<usize> {
    if hay.len() < 16 || from >= hay.len() {
        return crate::chars::find_digit_candidate_swar(hay, from);
    }
    let mut from = from;
    if from + 16 <= hay.len() {
        let m = candidate_bits(load16(hay, from));
        if m != 0 {
            return Some(from + m.trailing_zeros() as usize);
        }
        from += 16;
    }
    if from + 64 <= hay.len() {
        match level() {
            // SAFETY: `level` is `Avx512` only when `supported` found
            // AVX-512 F and BW (and more) on this CPU.
            Level::Avx512 => {
                return unsafe {
                    find_digit_candidate_avx512::<CLOCKS>(hay, from)
                };
            }
            // SAFETY: `level` is `Avx2` only when `supported` found AVX2.
            Level::Avx2 => {
                return unsafe {
                    find_digit_candidate_avx2::<CLOCKS>(hay, from)
                };
            }
            Level::Scalar => {}
        }
    }
    first_hit(hay, from, candidate_bits)
}

/// Bits of the bytes of `x` that are an ASCII digit or not ASCII.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn candidate_bits(x: std::arch::x86_64::__m128i) -> u32 {
    // SAFETY: an SSE2 instruction, which the x86-64 target always enables;
    // it reads and writes registers only.
    let high = unsafe { std::arch::x86_64::_mm_movemask_epi8(x) } as u32;
    digit_bits(x) | high
}

/// [`find_digit_candidate`] from `from` on, 64 bytes a step while 64 are
/// left, then sixteen ([`first_hit`]). `hay` holds at least 64 bytes from
/// `from`. With `CLOCKS`, the digits of the clock times in brackets that a
/// step reads whole are no candidates ([`clock_digits`]).
///
/// # Safety
///
/// The CPU must support AVX-512 F and BW.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn find_digit_candidate_avx512<const CLOCKS: bool>(
    hay: &[u8],
    from: usize,
) -> Option<usize> {
    use std::arch::x86_64::{
        _mm512_cmple_epu8_mask, _mm512_loadu_si512, _mm512_movepi8_mask,
        _mm512_set1_epi8, _mm512_sub_epi8,
    };
    let zero = _mm512_set1_epi8(b'0' as i8);
    let nine = _mm512_set1_epi8(9);
    let mut i = from;
    while i + 64 <= hay.len() {
        let b: &[u8; 64] = hay[i..i + 64].try_into().expect("64 bytes");
        // SAFETY: `b` is 64 bytes, all that the unaligned load reads.
        let x = unsafe { _mm512_loadu_si512(b.as_ptr().cast()) };
        // Digits: the byte minus '0' is at most 9; not ASCII: the top bit.
        let d = _mm512_cmple_epu8_mask(_mm512_sub_epi8(x, zero), nine);
        let mut m = d | _mm512_movepi8_mask(x);
        if m != 0 {
            if CLOCKS && opens_clock(b, m) {
                // SAFETY: this function's caller runs it only where the CPU
                // supports AVX-512 F and BW, all that `clocks_avx512` needs.
                m &= !unsafe { clocks_avx512(b, d) };
            }
            if m != 0 {
                let q = m.trailing_zeros() as usize;
                if let Some(r) = clock_cut::<CLOCKS>(hay, i, q, 64) {
                    i = r;
                    continue;
                }
                return Some(i + q);
            }
        }
        i += 64;
    }
    if i >= hay.len() {
        return None;
    }
    first_hit(hay, i, candidate_bits)
}

/// [`clock_digits`] of the 64 bytes `b`, whose ASCII digits `d` flags.
///
/// # Safety
///
/// The CPU must support AVX-512 F and BW.
// (Out of line, as `clocks_avx2` is: inlined, its registers made the search
// save and restore six at every call, which cost more than this call where
// a time stands.)
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
#[inline(never)]
unsafe fn clocks_avx512(b: &[u8; 64], d: u64) -> u64 {
    use std::arch::x86_64::{
        _mm512_cmpeq_epi8_mask, _mm512_loadu_si512, _mm512_set1_epi8,
    };
    // SAFETY: `b` is 64 bytes, all that the unaligned load reads.
    let x = unsafe { _mm512_loadu_si512(b.as_ptr().cast()) };
    let bits = |c: u8| _mm512_cmpeq_epi8_mask(x, _mm512_set1_epi8(c as i8));
    clock_digits(
        d,
        bits(b'[') | bits(b'('),
        bits(b':'),
        bits(b']') | bits(b')'),
        64,
    )
}

/// [`clock_digits`] of the 32 bytes `b`, whose ASCII digits `d` flags.
///
/// # Safety
///
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline(never)]
unsafe fn clocks_avx2(b: &[u8; 32], d: u32) -> u32 {
    use std::arch::x86_64::{
        _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_set1_epi8,
    };
    // SAFETY: `b` is 32 bytes, all that the unaligned load reads.
    let x = unsafe { _mm256_loadu_si256(b.as_ptr().cast()) };
    let bits = |c: u8| {
        let eq = _mm256_cmpeq_epi8(x, _mm256_set1_epi8(c as i8));
        u64::from(_mm256_movemask_epi8(eq) as u32)
    };
    clock_digits(
        u64::from(d),
        bits(b'[') | bits(b'('),
        bits(b':'),
        bits(b']') | bits(b')'),
        32,
    ) as u32
}

/// [`find_digit_candidate`] from `from` on, 32 bytes a step while 32 are
/// left, then sixteen ([`first_hit`]). `hay` holds at least 64 bytes from
/// `from`. With `CLOCKS`, as [`find_digit_candidate_avx512`].
///
/// # Safety
///
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn find_digit_candidate_avx2<const CLOCKS: bool>(
    hay: &[u8],
    from: usize,
) -> Option<usize> {
    use std::arch::x86_64::{
        _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_min_epu8,
        _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
        _mm256_sub_epi8,
    };
    let zero = _mm256_set1_epi8(b'0' as i8);
    let nine = _mm256_set1_epi8(9);
    let mut i = from;
    while i + 32 <= hay.len() {
        let b: &[u8; 32] = hay[i..i + 32].try_into().expect("32 bytes");
        // SAFETY: `b` is 32 bytes, all that the unaligned load reads.
        let x = unsafe { _mm256_loadu_si256(b.as_ptr().cast()) };
        // Digits: the byte minus '0' is at most 9 (its minimum with 9 is
        // itself); not ASCII: the top bit, which the mask takes.
        let d = _mm256_sub_epi8(x, zero);
        let digit = _mm256_cmpeq_epi8(_mm256_min_epu8(d, nine), d);
        let mut m = _mm256_movemask_epi8(_mm256_or_si256(digit, x)) as u32;
        if m != 0 {
            if CLOCKS && opens_clock(b, u64::from(m)) {
                // SAFETY: this function's caller runs it only where the CPU
                // supports AVX2, all that `clocks_avx2` needs.
                let d = _mm256_movemask_epi8(digit) as u32;
                m &= !unsafe { clocks_avx2(b, d) };
            }
            if m != 0 {
                let q = m.trailing_zeros() as usize;
                if let Some(r) = clock_cut::<CLOCKS>(hay, i, q, 32) {
                    i = r;
                    continue;
                }
                return Some(i + q);
            }
        }
        i += 32;
    }
    if i >= hay.len() {
        return None;
    }
    first_hit(hay, i, candidate_bits)
}

/// Whether some byte of `w` is the lower-case ASCII `letter` in either
/// case and followed by bytes that `rest` accepts
/// ([`crate::context::letter_then`]), with SSE2: positions whose byte is
/// the letter and whose next byte, case folded (`| 0x20`), is one of
/// `next` (every byte `rest` may start with, so folded), sixteen at a
/// time; `rest` reads only those. `None` for text shorter than sixteen
/// bytes, left to the caller. Text of 65 bytes or more goes 64 positions
/// a step where the CPU has AVX-512 ([`letter_then_avx512`]): the
/// look-around of a number is about a hundred bytes.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn letter_then(
    w: &[u8],
    letter: u8,
    next: [u8; 4],
    rest: impl Fn(&[u8]) -> bool,
) -> Option<bool> {
    letter_then_at(level, w, letter, next, rest)
}

/// [`letter_then`] on the vector path `level()` gives (no better than
/// this CPU's; asked only for text of 65 bytes or more).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn letter_then_at(
    level: impl FnOnce() -> Level,
    w: &[u8],
    letter: u8,
    next: [u8; 4],
    rest: impl Fn(&[u8]) -> bool,
) -> Option<bool> {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    if w.len() < 16 {
        return None;
    }
    if w.len() >= 65 && level() == Level::Avx512 {
        // SAFETY: `level` is `Avx512` only when `supported` found AVX-512
        // F and BW (and more) on this CPU.
        return Some(unsafe { letter_then_avx512(w, letter, next, &rest) });
    }
    // The pairs that start at the sixteen positions from `i`, one bit
    // each: the letters first, and the bytes after them only when there
    // are some.
    let pairs = |i: usize| {
        // SAFETY: SSE2 instructions, which the x86-64 target always
        // enables; they read and write registers only.
        unsafe {
            let fold = _mm_set1_epi8(0x20);
            let is = |x, b: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8));
            let x = _mm_or_si128(load16(w, i), fold);
            let m = _mm_movemask_epi8(is(x, letter)) as u32;
            // (Sixteen bytes of text: the letters alone, which `rest`
            // reads.)
            if m == 0 || i + 17 > w.len() {
                return m;
            }
            let y = _mm_or_si128(load16(w, i + 1), fold);
            let second = _mm_or_si128(
                _mm_or_si128(is(y, next[0]), is(y, next[1])),
                _mm_or_si128(is(y, next[2]), is(y, next[3])),
            );
            m & _mm_movemask_epi8(second) as u32
        }
    };
    let any = |i: usize, mut m: u32| {
        while m != 0 {
            if rest(&w[i + m.trailing_zeros() as usize + 1..]) {
                return true;
            }
            m &= m - 1;
        }
        false
    };
    if w.len() == 16 {
        return Some(any(0, pairs(0)));
    }
    let mut i = 0;
    while i + 17 <= w.len() {
        if any(i, pairs(i)) {
            return Some(true);
        }
        i += 16;
    }
    // The pairs that start in the last sixteen positions but one, of
    // which those before `i` were read. (A letter in the last byte has
    // nothing after it for `rest` to accept.)
    let at = w.len() - 17;
    Some(i < w.len() - 1 && any(i, pairs(at) >> (i - at)))
}

/// [`letter_then`] 64 positions a step, for text of 65 bytes or more:
/// the same reading as the SSE2 loop's, with one mask bit per byte.
///
/// # Safety
///
/// The CPU must support AVX-512 F and BW.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn letter_then_avx512(
    w: &[u8],
    letter: u8,
    next: [u8; 4],
    rest: &impl Fn(&[u8]) -> bool,
) -> bool {
    use std::arch::x86_64::{
        __m512i, _mm512_cmpeq_epi8_mask, _mm512_loadu_si512, _mm512_or_si512,
        _mm512_set1_epi8,
    };
    debug_assert!(w.len() >= 65);
    let fold = _mm512_set1_epi8(0x20);
    let want = _mm512_set1_epi8(letter as i8);
    let after: [__m512i; 4] = next.map(|b| _mm512_set1_epi8(b as i8));
    let load = |at: usize| {
        let b: &[u8; 64] = w[at..at + 64].try_into().expect("64 bytes");
        // SAFETY: `b` is 64 bytes, all that the unaligned load reads.
        let x = unsafe { _mm512_loadu_si512(b.as_ptr().cast()) };
        _mm512_or_si512(x, fold)
    };
    // The pairs that start at the 64 positions from `i` (`i + 65` bytes
    // at most): the letters first, the bytes after them only when there
    // are some.
    let pairs = |i: usize| {
        let m = _mm512_cmpeq_epi8_mask(load(i), want);
        if m == 0 {
            return 0;
        }
        let y = load(i + 1);
        m & (_mm512_cmpeq_epi8_mask(y, after[0])
            | _mm512_cmpeq_epi8_mask(y, after[1])
            | _mm512_cmpeq_epi8_mask(y, after[2])
            | _mm512_cmpeq_epi8_mask(y, after[3]))
    };
    let any = |i: usize, mut m: u64| {
        while m != 0 {
            if rest(&w[i + m.trailing_zeros() as usize + 1..]) {
                return true;
            }
            m &= m - 1;
        }
        false
    };
    let mut i = 0;
    while i + 65 <= w.len() {
        if any(i, pairs(i)) {
            return true;
        }
        i += 64;
    }
    // The pairs that start in the last 64 positions but one, of which
    // those before `i` were read (`i - at` is at most 64, and 64 only when
    // `i` is the last position, which starts no pair).
    let at = w.len() - 65;
    i < w.len() - 1 && any(i, pairs(at) >> (i - at))
}

/// How many ASCII digits stand in a row in `s` from `from` on, counting
/// no further than `max` ([`crate::chars::digits_from`]): sixteen bytes a
/// step with SSE2 where sixteen are left, byte by byte in the last ones.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn digits_from(s: &[u8], from: usize, max: usize) -> usize {
    let mut n = 0;
    while n < max && from + n + 16 <= s.len() {
        let run = (!digit_bits(load16(s, from + n))).trailing_zeros() as usize;
        n += run;
        if run < 16 {
            return n.min(max);
        }
    }
    while n < max && from + n < s.len() && s[from + n].is_ascii_digit() {
        n += 1;
    }
    n.min(max)
}

/// The bytes of `s` (fewer than sixteen) as one SSE2 register, zeros
/// after them: built from integer reads of the bytes, not loaded from a
/// copy on the stack (a load that reads several smaller stores waits for
/// them to reach the cache).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn load_short(s: &[u8]) -> std::arch::x86_64::__m128i {
    let n = s.len();
    debug_assert!(n < 16);
    let word = |at: usize| {
        u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"))
    };
    let half = |at: usize| {
        u64::from(u32::from_le_bytes(
            s[at..at + 4].try_into().expect("4 bytes"),
        ))
    };
    // Two reads that may overlap; the second shifted right past the bytes
    // the first holds.
    let (lo, hi) = match n {
        8.. => (
            word(0),
            word(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0),
        ),
        4..8 => (half(0) | (half(n - 4) >> (8 * (8 - n))) << 32, 0),
        _ => (s.iter().rev().fold(0u64, |v, &b| v << 8 | u64::from(b)), 0),
    };
    // SAFETY: an SSE2 instruction, which the x86-64 target always enables;
    // it reads and writes registers only.
    unsafe { std::arch::x86_64::_mm_set_epi64x(hi as i64, lo as i64) }
}

/// Masks a plain typed finding `s` of at most 64 bytes into `out`
/// ([`crate::mask`]'s `plain_masked`, which [`crate::mask::plain_mask64`]
/// reads a byte at a time): every ASCII digit but the first `first` and
/// the last `last` becomes `mask`, the other bytes are copied; `false`,
/// with `out` left as it is, where `s` holds a byte no plain finding holds
/// (not ASCII, an ASCII letter, `%`, `&` or a line break). Sixteen bytes a
/// step with SSE2, read from `s` itself (the last sixteen read again where
/// the length is no multiple of sixteen) and masked in registers, so that
/// each store to `out` is one the caller's copy of it reads whole.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn plain_mask64(
    s: &[u8],
    first: usize,
    last: usize,
    mask: u8,
    out: &mut [u8; 64],
) -> bool {
    use std::arch::x86_64::{
        _mm_add_epi8, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8,
        _mm_cmpgt_epi8, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_setr_epi8, _mm_setzero_si128, _mm_storeu_si128,
        _mm_sub_epi8,
    };
    let n = s.len();
    assert!(n <= 64, "a finding of at most 64 bytes");
    // Where the sixteen-byte blocks start: every sixteenth byte, and the
    // last sixteen bytes where the length is no multiple of sixteen (from
    // 0, zeros after the text, where fewer are left).
    let mut at = [0usize; 5];
    let mut blocks = 0;
    while (blocks + 1) * 16 <= n {
        at[blocks] = blocks * 16;
        blocks += 1;
    }
    if !n.is_multiple_of(16) {
        at[blocks] = n.saturating_sub(16);
        blocks += 1;
    }
    let load = |a: usize| if n < 16 { load_short(s) } else { load16(s, a) };
    let (mut digits, mut other) = (0u64, 0u64);
    // Each block's bytes and its digits, kept for the masking below.
    // SAFETY: SSE2 instructions, which the x86-64 target always enables;
    // they read and write registers only.
    let mut kept =
        [(unsafe { _mm_setzero_si128() }, unsafe { _mm_setzero_si128() }); 5];
    for (&a, k) in at[..blocks].iter().zip(&mut kept) {
        let x = load(a);
        let dm = digit_lanes(x);
        *k = (x, dm);
        // SAFETY: as above.
        let (d, letter, high) = unsafe {
            // `b | 0x20` in `a..=z`: an ASCII letter in either case.
            let l = _mm_sub_epi8(
                _mm_or_si128(x, _mm_set1_epi8(0x20)),
                _mm_set1_epi8(b'a' as i8),
            );
            let letter = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l);
            (
                _mm_movemask_epi8(dm) as u32,
                _mm_movemask_epi8(letter) as u32,
                _mm_movemask_epi8(x) as u32,
            )
        };
        let bad = letter
            | high
            | byte_bits(x, b'%')
            | byte_bits(x, b'&')
            | byte_bits(x, b'\n');
        digits |= u64::from(d) << a;
        other |= u64::from(bad) << a;
    }
    if other != 0 {
        return false;
    }
    // The masked digits lie from `lo` to `hi`.
    let (lo, hi) = crate::mask::masked_span(digits, first, last);
    for (&a, &(x, dm)) in at[..blocks].iter().zip(&kept) {
        // SAFETY: SSE2 instructions, as above; the store writes the sixteen
        // bytes of `out[a..a + 16]` (`a + 16 <= 64`: `a` is at most
        // `n - 16`, or 0), which the slice's bounds check vouches for.
        unsafe {
            #[rustfmt::skip]
            let index = _mm_setr_epi8(
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            );
            // (Positions below 128: the signed comparisons hold.)
            let pos = _mm_add_epi8(index, _mm_set1_epi8(a as i8));
            let from = _mm_cmpgt_epi8(pos, _mm_set1_epi8(lo as i8 - 1));
            let to = _mm_cmpgt_epi8(_mm_set1_epi8(hi as i8), pos);
            let m = _mm_and_si128(dm, _mm_and_si128(from, to));
            let y = _mm_or_si128(
                _mm_andnot_si128(m, x),
                _mm_and_si128(m, _mm_set1_epi8(mask as i8)),
            );
            let dst: &mut [u8; 16] =
                (&mut out[a..a + 16]).try_into().expect("16 bytes");
            _mm_storeu_si128(dst.as_mut_ptr().cast(), y);
        }
    }
    true
}

/// Whether `b` occurs in `s` ([`crate::chars::has_byte`]), with SSE2
/// ([`first_hit`]). For the short look-behinds of the scanner, where a
/// general search's set-up costs more than the search.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn has_byte(s: &[u8], b: u8) -> bool {
    if s.len() < 16 {
        return s.contains(&b);
    }
    first_hit(s, 0, |x| byte_bits(x, b)).is_some()
}

/// Whether a colon stands in `s[at..at + 64]` with a space, tab or line
/// break right after it ([`crate::chars::colon_space`]): sixteen positions
/// a step, each read with the byte after it, with SSE2.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn colon_space(s: &[u8], at: usize) -> bool {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_setzero_si128,
    };
    assert!(at + 65 <= s.len(), "65 bytes from `at`");
    // SAFETY: these instructions are SSE2, which the x86-64 target always
    // enables (every x86-64 processor has it); they read and write
    // registers only (the loads are `load16`'s, which checks its bounds).
    unsafe {
        let eq = |x, b: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8));
        let mut hit = _mm_setzero_si128();
        for k in (0..64).step_by(16) {
            let colon = eq(load16(s, at + k), b':');
            let next = load16(s, at + k + 1);
            let space = _mm_or_si128(
                _mm_or_si128(eq(next, b' '), eq(next, b'\t')),
                _mm_or_si128(eq(next, b'\n'), eq(next, b'\r')),
            );
            hit = _mm_or_si128(hit, _mm_and_si128(colon, space));
        }
        _mm_movemask_epi8(hit) != 0
    }
}

/// The last index in `s[lo..hi]` of an ASCII digit or of byte `b`
/// ([`crate::chars::last_digit_or`]): sixteen bytes a step from `hi` back,
/// each step's bits before `lo` dropped; byte by byte where fewer than
/// sixteen bytes of `s` stand before a step's end.
#[cfg(target_arch = "x86_64")]
#[inline]
pub(crate) fn last_digit_or(
    s: &[u8],
    lo: usize,
    hi: usize,
    b: Option<u8>,
) -> Option<usize> {
    let mut e = hi;
    while e > lo {
        if e < 16 {
            return crate::chars::last_digit_or_bytewise(s, lo, e, b);
        }
        let at = e - 16;
        let x = load16(s, at);
        let mut m = digit_bits(x) | b.map_or(0, |b| byte_bits(x, b));
        if at < lo {
            m &= 0xFFFF << (lo - at);
        }
        if m != 0 {
            return Some(at + 31 - m.leading_zeros() as usize);
        }
        e = at;
    }
    None
}

/// Buckets of the AVX2 filter: one bit of a byte each.
const BUCKETS: usize = 8;

/// Buckets of the AVX-512 filter: a bit of one of two bytes each.
const WIDE_BUCKETS: usize = 16;

/// Bytes read at each position: the word's first four letters (a shorter
/// word accepts any byte after its end).
const WIDTH: usize = 4;

/// The bytes one position of a prefix accepts.
#[derive(Clone, Copy, PartialEq)]
enum Accept {
    /// This lower-case letter, in either case.
    Letter(u8),
    /// Any byte: the word may have ended.
    Any,
}

/// The sets of low and high nibbles each position of a bucket accepts
/// (of bytes lower-cased with `| 0x20`): what the AVX2 path reads.
#[derive(Clone, Copy, Default)]
struct Nibbles {
    lo: [u16; WIDTH],
    hi: [u16; WIDTH],
}

impl Nibbles {
    fn of(prefix: &[Accept; WIDTH]) -> Nibbles {
        let mut n = Nibbles::default();
        for (k, a) in prefix.iter().enumerate() {
            match *a {
                Accept::Letter(b) => {
                    n.lo[k] |= 1 << (b & 15);
                    n.hi[k] |= 1 << (b >> 4);
                }
                Accept::Any => {
                    n.lo[k] = u16::MAX;
                    n.hi[k] = u16::MAX;
                }
            }
        }
        n
    }

    fn union(self, o: Nibbles) -> Nibbles {
        Nibbles {
            lo: std::array::from_fn(|k| self.lo[k] | o.lo[k]),
            hi: std::array::from_fn(|k| self.hi[k] | o.hi[k]),
        }
    }

    /// Whether byte `c`, lower-cased, passes position `k`.
    fn accepts(&self, k: usize, c: u8) -> bool {
        let c = c | 0x20;
        self.lo[k] >> (c & 15) & 1 != 0 && self.hi[k] >> (c >> 4) & 1 != 0
    }

    /// What letting this bucket through costs: first the weight of the
    /// common words (each followed by a space) it passes, then how many
    /// four-letter starts over lower-case letters (plus one stand-in for
    /// "any other byte" where a position accepts anything) it passes.
    fn cost(&self, common: &[(&[u8], f64)]) -> (f64, f64) {
        let words = common
            .iter()
            .filter(|(w, _)| {
                (0..WIDTH).all(|k| {
                    self.accepts(k, w.get(k).copied().unwrap_or(b' '))
                })
            })
            .map(|&(_, f)| f)
            .sum::<f64>();
        let strings = (0..WIDTH)
            .map(|k| {
                let any = self.lo[k] == u16::MAX && self.hi[k] == u16::MAX;
                let letters =
                    (b'a'..=b'z').filter(|&c| self.accepts(k, c)).count();
                (letters + usize::from(any)) as f64
            })
            .product();
        // Rounded, so that sums taken in another order still tie.
        ((words * 1e9).round(), strings)
    }
}

/// `a - b - c` for each part of a cost.
fn extra(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> (f64, f64) {
    (a.0 - b.0 - c.0, a.1 - b.1 - c.1)
}

/// The vector path a filter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// None: the caller's scalar walk does all the work.
    Scalar,
    /// AVX2: 32 bytes a step, four nibble look-ups per position.
    Avx2,
    /// AVX-512 with VBMI: 64 bytes a step, one 64-entry byte look-up per
    /// position.
    Avx512,
}

/// A filter for the starts of words that begin with one of a set of
/// prefixes; see the module documentation.
// (The AVX-512 tables first, each 64-byte row on a cache line of its own:
// each row straddled two lines, and one call on a two-byte message took
// 48 ns where it takes 41 ns aligned.)
#[repr(C, align(64))]
pub(crate) struct StartFilter {
    /// AVX-512 tables, per position: by the low six bits of a byte, the
    /// buckets (bits) that accept some byte with those bits; buckets 0 to 7
    /// in `six`, 8 to 15 in `six_hi`.
    six: [[u8; 64]; WIDTH],
    six_hi: [[u8; 64]; WIDTH],
    /// AVX2 tables, per position: by low nibble, then by high nibble, the
    /// buckets (bits) whose bytes (lower-cased) have that nibble; the high
    /// nibble is the byte's own, case folded into the table.
    lo: [[u8; 16]; WIDTH],
    hi: [[u8; 16]; WIDTH],
    /// The vector path this CPU runs.
    level: Level,
}

impl std::fmt::Debug for StartFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StartFilter")
            .field("level", &self.level)
            .finish_non_exhaustive()
    }
}

impl StartFilter {
    /// A filter for words that start with one of `prefixes` (each one or
    /// more lower-case ASCII letters; only the first four count).
    ///
    /// The prefixes are grouped into eight buckets greedily: each step
    /// merges the two groups whose union lets through the least more of
    /// the `common` words (most frequent first, weighted by Zipf's law),
    /// then the fewest extra letter strings, so that words such as "the",
    /// "for" or "this" pass no bucket when "thre", "thir" and "fort" are
    /// wanted.
    pub(crate) fn new(prefixes: &[&[u8]], common: &[&[u8]]) -> StartFilter {
        let common: Vec<(&[u8], f64)> = common
            .iter()
            .enumerate()
            .map(|(rank, &w)| (w, 1.0 / (rank + 1) as f64))
            .collect();
        let mut groups: Vec<Vec<[Accept; WIDTH]>> = Vec::new();
        for p in prefixes {
            assert!(
                !p.is_empty() && p.iter().all(u8::is_ascii_lowercase),
                "prefixes are lower-case letters"
            );
            let mut a = [Accept::Any; WIDTH];
            for (d, &c) in a.iter_mut().zip(p.iter()) {
                *d = Accept::Letter(c);
            }
            if !groups.iter().any(|g| g[0] == a) {
                groups.push(vec![a]);
            }
        }
        // Each group's tables and cost, and the cost of merging each pair
        // (only the merged group's row changes after a merge).
        let mut nib: Vec<Nibbles> =
            groups.iter().map(|g| Nibbles::of(&g[0])).collect();
        let mut cost: Vec<_> = nib.iter().map(|n| n.cost(&common)).collect();
        let n = groups.len();
        let merge_cost =
            |nib: &[Nibbles], cost: &[(f64, f64)], i: usize, j: usize| {
                extra(nib[i].union(nib[j]).cost(&common), cost[i], cost[j])
            };
        let mut pair: Vec<Vec<(f64, f64)>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        if j > i {
                            merge_cost(&nib, &cost, i, j)
                        } else {
                            (0.0, 0.0)
                        }
                    })
                    .collect()
            })
            .collect();
        let mut alive = vec![true; n];
        let live = |groups: &[Vec<[Accept; WIDTH]>], alive: &[bool]| {
            groups
                .iter()
                .zip(alive)
                .filter(|&(_, &a)| a)
                .map(|(g, _)| g.clone())
                .collect::<Vec<_>>()
        };
        // The sixteen groups for the AVX-512 tables, on the way to eight.
        let mut wide = (n <= WIDE_BUCKETS).then(|| live(&groups, &alive));
        for left in (BUCKETS..n).rev() {
            let mut best: Option<((f64, f64), usize, usize)> = None;
            for i in (0..n).filter(|&i| alive[i]) {
                for j in (i + 1..n).filter(|&j| alive[j]) {
                    let c = pair[i][j];
                    if best.is_none_or(|(b, _, _)| {
                        c.partial_cmp(&b).is_some_and(|o| o.is_lt())
                    }) {
                        best = Some((c, i, j));
                    }
                }
            }
            let (_, i, j) = best.expect("more groups than buckets");
            alive[j] = false;
            let moved = std::mem::take(&mut groups[j]);
            groups[i].extend(moved);
            nib[i] = nib[i].union(nib[j]);
            cost[i] = nib[i].cost(&common);
            for k in (0..n).filter(|&k| alive[k] && k != i) {
                let (x, y) = (i.min(k), i.max(k));
                pair[x][y] = merge_cost(&nib, &cost, x, y);
            }
            if left == WIDE_BUCKETS {
                wide = Some(live(&groups, &alive));
            }
        }
        let groups: Vec<(Nibbles, Vec<[Accept; WIDTH]>)> = nib
            .into_iter()
            .zip(groups)
            .zip(alive)
            .filter_map(|(g, alive)| alive.then_some(g))
            .collect();
        let mut lo = [[0u8; 16]; WIDTH];
        let mut hi = [[0u8; 16]; WIDTH];
        let mut six = [[0u16; 64]; WIDTH];
        for (b, prefixes) in wide.unwrap_or_default().iter().enumerate() {
            let bit = 1 << b;
            for k in 0..WIDTH {
                for p in prefixes {
                    match p[k] {
                        Accept::Letter(c) => {
                            six[k][usize::from(c & 63)] |= bit;
                            six[k][usize::from((c ^ 0x20) & 63)] |= bit;
                        }
                        Accept::Any => {
                            six[k].iter_mut().for_each(|e| *e |= bit)
                        }
                    }
                }
            }
        }
        for (b, (g, _)) in groups.iter().enumerate() {
            let bit = 1 << b;
            for k in 0..WIDTH {
                for n in 0..16 {
                    if g.lo[k] >> n & 1 != 0 {
                        lo[k][n] |= bit;
                    }
                    // Indexed by the byte's own high nibble: the table
                    // folds case (`| 0x20` sets bit 1 of that nibble), so
                    // the vector loop need not.
                    if g.hi[k] >> (n | 2) & 1 != 0 {
                        hi[k][n] |= bit;
                    }
                }
            }
        }
        let byte = |shift: u32| six.map(|t| t.map(|e| (e >> shift) as u8));
        StartFilter {
            lo,
            hi,
            six: byte(0),
            six_hi: byte(8),
            level: supported(),
        }
    }

    /// The same filter on another path, if this CPU runs it: for tests
    /// that compare the paths.
    #[cfg(test)]
    pub(crate) fn at_level(&self, level: Level) -> Option<StartFilter> {
        (level <= supported()).then_some(StartFilter { level, ..*self })
    }

    /// The buckets whose prefixes could have byte `b` at position `k`, as
    /// the AVX2 path reads them: for tests.
    #[cfg(test)]
    fn nibble_buckets(&self, k: usize, b: u8) -> u8 {
        self.lo[k][usize::from(b & 15)] & self.hi[k][usize::from(b >> 4)]
    }

    /// Calls `check` with each position in `hay[from..end]` where a word
    /// (a run of ASCII letters) starts and the filter cannot rule out a
    /// prefix, in order, until `check` returns something.
    ///
    /// Returns `Ok` with what `check` returned, or `Err(p)`: every start
    /// before `p` has been offered and the rest, `hay[p..end]`, is for the
    /// caller's own walk (`p == from` on the scalar path; the AVX2 path
    /// leaves at most the last three positions before `end` where `hay`
    /// goes on after it, and reads the end of `hay` from a copy; the
    /// AVX-512 path reads to `end`, through masked loads at the end of
    /// `hay`). Whether `hay[from - 1]` is a letter counts, as in the scalar
    /// walk.
    pub(crate) fn find<R>(
        &self,
        hay: &[u8],
        from: usize,
        end: usize,
        check: impl FnMut(usize) -> Option<R>,
    ) -> Result<R, usize> {
        #[cfg(target_arch = "x86_64")]
        match self.level {
            // SAFETY: `level` is `Avx512` only when `supported` found
            // AVX-512 F, BW and VBMI on this CPU, the target features
            // `find_avx512` needs.
            Level::Avx512 => {
                return unsafe { self.find_avx512(hay, from, end, check) }
            }
            // SAFETY: `level` is `Avx2` only when `supported` found AVX2
            // (or more) on this CPU.
            Level::Avx2 => {
                return unsafe { self.find_avx2(hay, from, end, check) }
            }
            Level::Scalar => {}
        }
        let _ = (hay, end, check);
        Err(from)
    }

    /// [`find`](Self::find) with AVX2, 64 (or 32) positions at a time.
    ///
    /// Each 32 bytes are loaded once: the buckets that accept each byte at
    /// each of the four positions are looked up from that load, and the
    /// results for positions 0 to 2 are shifted (carrying the last bytes of
    /// the step before) to line up with the fourth byte. So a step finds
    /// the words that start from three bytes before it to three bytes
    /// before its end; the first step's carry is empty, and it offers no
    /// start before `from`.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn find_avx2<R>(
        &self,
        hay: &[u8],
        from: usize,
        end: usize,
        mut check: impl FnMut(usize) -> Option<R>,
    ) -> Result<R, usize> {
        use std::arch::x86_64::{
            __m256i, _mm256_loadu_si256, _mm256_setzero_si256,
        };
        let t = self.avx2_tables();
        let load = |at: usize| {
            assert!(at + 32 <= hay.len());
            // SAFETY: the assertion keeps the 32 bytes read inside `hay`
            // (the loop below runs while `p + 64 <= hay.len()` or
            // `p + 32 <= hay.len()`, so it never fails); the load has no
            // alignment requirement.
            unsafe { _mm256_loadu_si256(hay.as_ptr().add(at).cast()) }
        };
        let letter = |i: usize| hay[i].is_ascii_alphabetic();
        // Bits 0 to 3: whether the four bytes before `p` are letters, the
        // nearest last.
        let mut before = (1..=4).fold(0u64, |m, k| {
            m | u64::from(from >= k && letter(from - k)) << (4 - k)
        });
        let mut carry: [__m256i; 3] = [_mm256_setzero_si256(); 3];
        let mut p = from;
        // Sixty-four bytes a step while they lie before `end`, else 32
        // that may reach past it, while `hay` holds them. A step with no
        // start goes straight on to the next.
        'steps: loop {
            let (base, starts) = loop {
                if !(p < end && p + 32 <= hay.len()) {
                    break 'steps;
                }
                let (letters, ends, len) =
                    if p + 64 <= end && p + 64 <= hay.len() {
                        let (l0, e0, c0) = block_avx2(&t, load(p), &carry);
                        let (l1, e1, c1) = block_avx2(&t, load(p + 32), &c0);
                        carry = c1;
                        (l0 | l1 << 32, e0 | e1 << 32, 64)
                    } else {
                        let (l, e, c) = block_avx2(&t, load(p), &carry);
                        carry = c;
                        (l, e, 32)
                    };
                let starts = word_starts(p, end, letters, ends, before);
                before = letters >> (len - 4) & 0xF;
                let base = p;
                p += len;
                if starts != 0 {
                    break (base, starts);
                }
            };
            // (No start before `from`: the first step's carry is empty,
            // so `starts` has none of its three lowest bits.)
            if let Some(r) = offer(base, starts, &mut check) {
                return Ok(r);
            }
        }
        // The first position not offered yet.
        let next = if p == from { from } else { p - 3 };
        if next < end && p + 32 > hay.len() {
            // SAFETY: the CPU supports AVX2, as this function's caller
            // checked.
            return unsafe {
                self.find_end_avx2(hay, p, end, &carry, before, &mut check)
            };
        }
        // The last three positions' words are the caller's to walk.
        Err(next.min(end))
    }

    /// The AVX2 filter's tables, in registers.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    #[inline]
    fn avx2_tables(&self) -> Avx2Tables {
        use std::arch::x86_64::{
            _mm256_broadcastsi128_si256, _mm_loadu_si128,
        };
        let table = |t: &[u8; 16]| {
            // SAFETY: `t` is 16 bytes, exactly what the unaligned
            // 128-bit load reads.
            let x = unsafe { _mm_loadu_si128(t.as_ptr().cast()) };
            _mm256_broadcastsi128_si256(x)
        };
        Avx2Tables {
            lo: std::array::from_fn(|k| table(&self.lo[k])),
            hi: std::array::from_fn(|k| table(&self.hi[k])),
        }
    }

    /// The end of [`find_avx2`](Self::find_avx2): the positions from
    /// `p - 3` (or `p`, where the search starts there) to `end`, where
    /// fewer than 32 bytes of `hay` are left from `p`. They are read from
    /// a copy with zeros after the text, which are no letters and pass any
    /// position after a prefix's end, so that the end of the text reads as
    /// the scalar walk reads it. (A function of its own, with its own
    /// tables: written into the main loop, it made that loop keep more of
    /// its registers on the stack.)
    ///
    /// # Safety
    ///
    /// The CPU must support AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn find_end_avx2<R>(
        &self,
        hay: &[u8],
        p: usize,
        end: usize,
        carry: &[std::arch::x86_64::__m256i; 3],
        before: u64,
        check: &mut impl FnMut(usize) -> Option<R>,
    ) -> Result<R, usize> {
        use std::arch::x86_64::_mm256_loadu_si256;
        let t = self.avx2_tables();
        let mut rest = [0u8; 64];
        let (src, n) = (&hay[p..], hay.len() - p);
        // (Fewer than 32 bytes, copied as two pieces of a fixed length that
        // may overlap, not through a call to `memcpy`.)
        let mut copy = |k: usize| {
            rest[..k].copy_from_slice(&src[..k]);
            rest[n - k..n].copy_from_slice(&src[n - k..]);
        };
        match n {
            16.. => copy(16),
            8..16 => copy(8),
            4..8 => copy(4),
            _ => src.iter().zip(&mut rest).for_each(|(&b, r)| *r = b),
        }
        // SAFETY: `rest` is 64 bytes, and each load reads 32 of its first
        // or its last 32; the loads have no alignment requirement.
        let load = |at: usize| unsafe {
            _mm256_loadu_si256(rest[at..at + 32].as_ptr().cast())
        };
        // The first block offers the starts up to `p + 28`: the second is
        // read only where the text goes on past that.
        let (l0, e0, c0) = block_avx2(&t, load(0), carry);
        let (letters, ends) = if n <= 29 {
            (l0, e0)
        } else {
            let (l1, e1, _) = block_avx2(&t, load(32), &c0);
            (l0 | l1 << 32, e0 | e1 << 32)
        };
        let starts = word_starts(p, end, letters, ends, before);
        offer(p, starts, check).ok_or(end)
    }

    /// [`find`](Self::find) with AVX-512 (F, BW, VBMI), 64 positions at a
    /// time.
    ///
    /// # Safety
    ///
    /// The CPU must support AVX-512 F, BW and VBMI.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi")]
    unsafe fn find_avx512<R>(
        &self,
        hay: &[u8],
        from: usize,
        end: usize,
        mut check: impl FnMut(usize) -> Option<R>,
    ) -> Result<R, usize> {
        use std::arch::x86_64::{
            __m512i, _mm512_and_si512, _mm512_cmple_epu8_mask,
            _mm512_loadu_si512, _mm512_maskz_loadu_epi8, _mm512_or_si512,
            _mm512_permutexvar_epi8, _mm512_set1_epi8, _mm512_sub_epi8,
            _mm512_test_epi8_mask,
        };
        // SAFETY: each table is 64 bytes, exactly what the unaligned
        // 512-bit load reads.
        let table =
            |t: &[u8; 64]| unsafe { _mm512_loadu_si512(t.as_ptr().cast()) };
        let six: [__m512i; WIDTH] =
            std::array::from_fn(|k| table(&self.six[k]));
        let six_hi: [__m512i; WIDTH] =
            std::array::from_fn(|k| table(&self.six_hi[k]));
        let load = |at: usize| {
            assert!(at + 64 <= hay.len());
            // SAFETY: the assertion keeps the 64 bytes read inside `hay`
            // (the loop below runs while `p + 64 + 3 <= hay.len()`, so it
            // never fails); the load has no alignment requirement.
            unsafe { _mm512_loadu_si512(hay.as_ptr().add(at).cast()) }
        };
        // The 64 bytes at `at` where fewer are left: zeros past the end of
        // `hay`, which are no letters and pass any position after a
        // prefix's end, so the end of the text reads as the scalar walk
        // reads it.
        let load_end = |at: usize| {
            let n = hay.len().saturating_sub(at).min(64);
            let keep = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
            let at = at.min(hay.len());
            // SAFETY: `keep` selects the `n` bytes from `at` on, all inside
            // `hay` (none when `at` is its end); a masked load reads no
            // byte its mask leaves out, and faults on none.
            unsafe {
                _mm512_maskz_loadu_epi8(keep, hay.as_ptr().add(at).cast())
            }
        };
        let fold = _mm512_set1_epi8(0x20);
        let a = _mm512_set1_epi8(b'a' as i8);
        let z = _mm512_set1_epi8(25);
        // The letters among the 64 bytes of `x[0]`, and the positions
        // where some bucket accepts `x[0]` to `x[3]` (the bytes from there
        // on), one bit each.
        let classify = |x: [__m512i; WIDTH]| {
            // The table look-ups read the low six bits of each byte.
            let buckets = |t: &[__m512i; WIDTH]| {
                _mm512_and_si512(
                    _mm512_and_si512(
                        _mm512_permutexvar_epi8(x[0], t[0]),
                        _mm512_permutexvar_epi8(x[1], t[1]),
                    ),
                    _mm512_and_si512(
                        _mm512_permutexvar_epi8(x[2], t[2]),
                        _mm512_permutexvar_epi8(x[3], t[3]),
                    ),
                )
            };
            let (b, b_hi) = (buckets(&six), buckets(&six_hi));
            let accepted = _mm512_test_epi8_mask(b, b)
                | _mm512_test_epi8_mask(b_hi, b_hi);
            // Letters: the lower-cased byte minus 'a' is at most 25.
            let letters = _mm512_cmple_epu8_mask(
                _mm512_sub_epi8(_mm512_or_si512(x[0], fold), a),
                z,
            );
            (letters, accepted)
        };
        let mut p = from;
        let mut prev = p > 0 && hay[p - 1].is_ascii_alphabetic();
        // Sixty-four positions a step, the bytes read inside `hay`; then
        // the last steps, a short text (a chat message) whole, through
        // masked loads.
        while p < end {
            let (letters, accepted) = if p + 64 + WIDTH - 1 <= hay.len() {
                classify([load(p), load(p + 1), load(p + 2), load(p + 3)])
            } else {
                classify(std::array::from_fn(|k| load_end(p + k)))
            };
            let mut starts =
                letters & !(letters << 1 | u64::from(prev)) & accepted;
            if end - p < 64 {
                starts &= (1u64 << (end - p)) - 1;
            }
            while starts != 0 {
                let s = p + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if let Some(r) = check(s) {
                    return Ok(r);
                }
            }
            prev = letters >> 63 != 0;
            p += 64;
        }
        Err(p.min(end).max(from))
    }
}

/// The AVX2 filter's tables ([`StartFilter`]'s `lo` and `hi`), each row
/// in both lanes of a register.
#[cfg(target_arch = "x86_64")]
struct Avx2Tables {
    lo: [std::arch::x86_64::__m256i; WIDTH],
    hi: [std::arch::x86_64::__m256i; WIDTH],
}

/// One step of 32 bytes `x` of the AVX2 filter: the letters among them,
/// one bit each; the positions where some bucket accepts the four bytes
/// that end there (with the bytes of `carry`, the step before's
/// look-ups); and this step's look-ups, to carry. The buckets at each
/// position come from the one load, and those of positions 0 to 2 are
/// shifted to line up with the fourth byte.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn block_avx2(
    t: &Avx2Tables,
    x: std::arch::x86_64::__m256i,
    carry: &[std::arch::x86_64::__m256i; 3],
) -> (u64, u64, [std::arch::x86_64::__m256i; 3]) {
    use std::arch::x86_64::{
        __m256i, _mm256_add_epi8, _mm256_and_si256, _mm256_cmpeq_epi8,
        _mm256_cmpgt_epi8, _mm256_movemask_epi8, _mm256_or_si256,
        _mm256_set1_epi8, _mm256_setzero_si256, _mm256_shuffle_epi8,
        _mm256_srli_epi16,
    };
    let nibble = _mm256_set1_epi8(0x0F);
    let l = _mm256_and_si256(x, nibble);
    let h = _mm256_and_si256(_mm256_srli_epi16(x, 4), nibble);
    let at: [__m256i; WIDTH] = std::array::from_fn(|k| {
        _mm256_and_si256(
            _mm256_shuffle_epi8(t.lo[k], l),
            _mm256_shuffle_epi8(t.hi[k], h),
        )
    });
    let e = _mm256_and_si256(
        _mm256_and_si256(at[3], shift_avx2::<15>(carry[2], at[2])),
        _mm256_and_si256(
            shift_avx2::<14>(carry[1], at[1]),
            shift_avx2::<13>(carry[0], at[0]),
        ),
    );
    let none = _mm256_cmpeq_epi8(e, _mm256_setzero_si256());
    let none = _mm256_movemask_epi8(none) as u32;
    // A lower-cased letter plus 0x1F is 0x80 to 0x99: as a signed byte,
    // below -102.
    let v = _mm256_add_epi8(
        _mm256_or_si256(x, _mm256_set1_epi8(0x20)),
        _mm256_set1_epi8(0x1F),
    );
    let letters =
        _mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_set1_epi8(-102), v));
    (u64::from(letters as u32), u64::from(!none), [at[0], at[1], at[2]])
}

/// The word starts a step at `p` of the AVX2 filter offers, given its
/// `letters` and the `ends` of the four bytes its buckets accept, and
/// whether the four bytes before `p` are letters (`before`, the nearest
/// in bit 3): bit `t` stands for position `p - 3 + t`, the start of the
/// four bytes that end at `p + t`; none at `end` or after it.
#[inline(always)]
fn word_starts(
    p: usize,
    end: usize,
    letters: u64,
    ends: u64,
    before: u64,
) -> u64 {
    let shifted = letters << 3 | before >> 1;
    let starts = shifted & !(shifted << 1 | before & 1) & ends;
    match end + 3 - p {
        n @ 0..64 => starts & ((1u64 << n) - 1),
        _ => starts,
    }
}

/// Calls `check` with each word start that `starts` flags for the AVX2
/// step at `p` ([`word_starts`]: bit `t` for position `p - 3 + t`), in
/// order, until it returns something.
#[inline(always)]
fn offer<R>(
    p: usize,
    mut starts: u64,
    check: &mut impl FnMut(usize) -> Option<R>,
) -> Option<R> {
    while starts != 0 {
        let s = p + starts.trailing_zeros() as usize - 3;
        starts &= starts - 1;
        if let Some(r) = check(s) {
            return Some(r);
        }
    }
    None
}

/// `cur` moved up by `16 - B` bytes (`B` from 1 to 15) across its two
/// lanes, the last bytes of `prev` shifted in below: what a 256-bit byte
/// shift would give. Safe to call where AVX2 is enabled (in
/// [`StartFilter::find_avx2`]).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn shift_avx2<const B: i32>(
    prev: std::arch::x86_64::__m256i,
    cur: std::arch::x86_64::__m256i,
) -> std::arch::x86_64::__m256i {
    use std::arch::x86_64::{_mm256_alignr_epi8, _mm256_permute2x128_si256};
    // The high lane of `prev`, then the low lane of `cur`: the sixteen
    // bytes below each lane of `cur`.
    let below = _mm256_permute2x128_si256::<0x21>(prev, cur);
    _mm256_alignr_epi8::<B>(cur, below)
}

/// The best vector path this CPU runs, found once: for searches that have
/// no table to keep it in.
fn level() -> Level {
    use std::sync::atomic::{AtomicU8, Ordering};
    // 0: not known yet; else 1 + the level's place.
    static LEVEL: AtomicU8 = AtomicU8::new(0);
    const LEVELS: [Level; 3] = [Level::Scalar, Level::Avx2, Level::Avx512];
    match LEVEL.load(Ordering::Relaxed) {
        0 => {
            let l = supported();
            let k = LEVELS.iter().position(|&x| x == l).expect("listed");
            LEVEL.store(k as u8 + 1, Ordering::Relaxed);
            l
        }
        k => LEVELS[usize::from(k - 1)],
    }
}

/// The best vector path this CPU runs.
fn supported() -> Level {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
            && std::arch::is_x86_feature_detected!("avx512vbmi")
        {
            return Level::Avx512;
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            return Level::Avx2;
        }
    }
    Level::Scalar
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digit search on every path this CPU runs finds the first ASCII
    /// digit or byte outside ASCII from every start: text of lengths about
    /// each step's edges, with one such byte at every place (or none),
    /// among the bytes right beside the digits ('/' and ':').
    #[test]
    fn digit_search_paths_find_the_first_candidate() {
        let levels = [Level::Scalar, Level::Avx2, Level::Avx512]
            .into_iter()
            .filter(|&l| l <= supported());
        for level in levels {
            for len in [0, 15, 16, 17, 47, 63, 80, 81, 95, 96, 97, 160, 161] {
                for hit in (0..len).chain([len]) {
                    for b in [b'0', b'9', 0x80, 0xFF] {
                        let mut t: Vec<u8> =
                            (0..len).map(|i| b"/:"[i % 2]).collect();
                        if hit < len {
                            t[hit] = b;
                        }
                        for from in 0..=len {
                            let want =
                                (hit >= from && hit < len).then_some(hit);
                            assert_eq!(
                                find_digit_candidate_at::<false>(
                                    || level,
                                    &t,
                                    from
                                ),
                                want,
                                "{level:?} {len} {hit} {b} {from}"
                            );
                            // (No bracket: no clock time to pass over.)
                            assert_eq!(
                                find_digit_candidate_at::<true>(
                                    || level,
                                    &t,
                                    from
                                ),
                                want,
                                "{level:?} {len} {hit} {b} {from}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// The trigger search on every path this CPU runs passes over the
    /// digits of clock times only: with each time at a candidate it
    /// reports passed over too (as the scanner's quick path for short
    /// numbers passes over it), it answers as a walk over the candidates
    /// that passes over each time at its first digit. Texts of times
    /// whole, cut and misshapen, at every place about the vector steps'
    /// edges, from every start.
    #[test]
    fn trigger_search_paths_pass_over_clock_times_as_a_walk() {
        // Where the time whose first digit is `t[q]` ends (its closing
        // bracket), when one stands there and a byte follows it.
        let clock_end = |t: &[u8], q: usize| {
            if q == 0 || !matches!(t[q - 1], b'[' | b'(') {
                return None;
            }
            let digit = |k: usize| t.get(k).is_some_and(u8::is_ascii_digit);
            if !digit(q) {
                return None;
            }
            let mut k = if digit(q + 1) { q + 2 } else { q + 1 };
            for _ in 0..2 {
                if t.get(k) != Some(&b':') || !digit(k + 1) || !digit(k + 2) {
                    return None;
                }
                k += 3;
                if matches!(t.get(k), Some(b']' | b')')) {
                    return (k + 1 < t.len()).then_some(k);
                }
            }
            None
        };
        let pieces: [&[u8]; 22] = [
            b"[09:41]",
            b"[9:41]",
            b"(12:30:07)",
            b"[9:41:07]",
            b"(7:05)",
            b"[09:4",
            b"[123:45]",
            b"[12:345]",
            b"[1:2]",
            b"[09:41:0]",
            b"[09:41",
            b"[[09:41]]",
            b"x",
            b"  ",
            b"5",
            b"[",
            b"]",
            b":",
            b"(",
            b")",
            "\u{e9}".as_bytes(),
            b"ab cd ef gh",
        ];
        let filler: &[u8] = b" the parcel is late ";
        let walk = |t: &[u8], from: usize| {
            let mut p = from;
            loop {
                let c = (p..t.len())
                    .find(|&i| t[i].is_ascii_digit() || t[i] >= 0x80)?;
                match clock_end(t, c) {
                    Some(k) => p = k,
                    None => return Some(c),
                }
            }
        };
        let levels = [Level::Scalar, Level::Avx2, Level::Avx512]
            .into_iter()
            .filter(|&l| l <= supported());
        for level in levels {
            let search = |t: &[u8], from: usize| {
                let mut p = from;
                loop {
                    let c = find_digit_candidate_at::<true>(|| level, t, p)?;
                    match clock_end(t, c) {
                        Some(k) => p = k,
                        None => return Some(c),
                    }
                }
            };
            // (A fixed pseudo-random walk over the pieces: xorshift.)
            let mut x = 0x9E37_79B9_7F4A_7C15u64;
            for _ in 0..300 {
                let mut t = Vec::new();
                while t.len() < 300 {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    // (Words between most pieces, for the vector steps
                    // to reach a time with no digit before it.)
                    let k = (x % 40) as usize;
                    t.extend_from_slice(pieces.get(k).unwrap_or(&filler));
                }
                for from in 0..=t.len() {
                    assert_eq!(
                        search(&t, from),
                        walk(&t, from),
                        "{level:?} {from} {:?}",
                        String::from_utf8_lossy(&t)
                    );
                }
            }
        }
    }

    /// The vector paths this CPU runs.
    fn vector_levels() -> impl Iterator<Item = Level> {
        [Level::Avx2, Level::Avx512].into_iter().filter(|&l| l <= supported())
    }

    /// Clock times in brackets of each shape the vector steps pass over.
    const CLOCK_TIMES: [&[u8]; 4] =
        [b"[09:41]", b"(9:41)", b"[10:02:33]", b"(1:02:33)"];

    /// The vector steps pass over a clock time they read whole, with the
    /// byte after it, at every place in the step: the search goes on to
    /// the digit after the time without stopping there.
    #[test]
    fn vector_steps_pass_over_whole_clock_times() {
        for level in vector_levels() {
            let step = if level == Level::Avx512 { 64 } else { 32 };
            for time in CLOCK_TIMES {
                for at in 0..=step - time.len() - 1 {
                    // Sixteen bytes the first look reads, then the step.
                    let mut t = vec![b'x'; 16 + 2 * step + 16];
                    t[16 + at..16 + at + time.len()].copy_from_slice(time);
                    let last = t.len() - 20;
                    t[last] = b'7';
                    assert_eq!(
                        find_digit_candidate_at::<true>(|| level, &t, 0),
                        Some(last),
                        "{level:?} {at} {:?}",
                        String::from_utf8_lossy(time)
                    );
                    assert_eq!(
                        find_digit_candidate_at::<false>(|| level, &t, 0),
                        Some(16 + at + 1),
                    );
                }
                // A time that ends the text has no byte after it: its first
                // digit is found.
                let mut t = vec![b'x'; 16 + step];
                let at = t.len() - time.len();
                t[at..].copy_from_slice(time);
                assert_eq!(
                    find_digit_candidate_at::<true>(|| level, &t, 0),
                    Some(at + 1),
                    "{level:?} {:?}",
                    String::from_utf8_lossy(time)
                );
            }
        }
    }

    /// The vector search passes over a clock time wherever a vector step
    /// reads it, cut by the step's edge or not, from every start sixteen
    /// bytes or more before its first digit (those the first look reads
    /// come back as they are), where 64 bytes or more follow its opening
    /// bracket: the search reads again from the bracket.
    #[test]
    fn vector_search_passes_over_times_cut_by_its_steps() {
        for level in vector_levels() {
            for time in CLOCK_TIMES {
                let len = 16 + 3 * 64 + 16;
                for at in 0..=len - 65 {
                    let mut t = vec![b'x'; len];
                    t[at..at + time.len()].copy_from_slice(time);
                    let last = len - 1;
                    t[last] = b'7';
                    for from in (0..=at + 1).filter(|f| f + 16 <= at + 1) {
                        assert_eq!(
                            find_digit_candidate_at::<true>(
                                || level,
                                &t,
                                from
                            ),
                            Some(last),
                            "{level:?} {at} {from} {:?}",
                            String::from_utf8_lossy(time)
                        );
                    }
                    // Without `CLOCKS`, the time's first digit.
                    assert_eq!(
                        find_digit_candidate_at::<false>(|| level, &t, 0),
                        Some(at + 1),
                    );
                }
            }
        }
    }

    /// The letter-pair test on every path this CPU runs agrees with a
    /// byte-by-byte walk: text of lengths about each step's edges (16,
    /// 64 and 65 bytes, two steps and the last one read again), "pin" or
    /// a near miss ("pan", "pix", "p" last) at every place, among letters
    /// that pass the first check and not the second ("P.", "pq").
    #[test]
    fn letter_pair_paths_agree_with_a_walk() {
        let rest = |r: &[u8]| {
            r.get(..2).is_some_and(|x| x.eq_ignore_ascii_case(b"in"))
        };
        let walk = |w: &[u8]| {
            (0..w.len()).any(|i| w[i] | 0x20 == b'p' && rest(&w[i + 1..]))
        };
        let levels = [Level::Scalar, Level::Avx2, Level::Avx512]
            .into_iter()
            .filter(|&l| l <= supported());
        for level in levels {
            for len in [16, 17, 40, 63, 64, 65, 66, 100, 128, 129, 130, 131] {
                for word in [&b"pIn"[..], b"pan", b"pix", b"p"] {
                    for at in 0..=len - word.len() {
                        let mut w: Vec<u8> = b"P. xpq a"
                            .iter()
                            .cycle()
                            .take(len)
                            .copied()
                            .collect();
                        w[at..at + word.len()].copy_from_slice(word);
                        assert_eq!(
                            letter_then_at(|| level, &w, b'p', *b"iaia", rest),
                            Some(walk(&w)),
                            "{level:?} {len} {at} {word:?}"
                        );
                    }
                }
            }
        }
    }

    const PREFIXES: [&[u8]; 9] = [
        b"three", b"thirty", b"one", b"oh", b"ten", b"two", b"may", b"forty",
        b"z",
    ];

    /// The words of `text` (separated by spaces) whose start a filter
    /// offers, at every path this CPU runs; each word is tried alone, at
    /// every offset of a 64-byte step.
    fn offered(f: &StartFilter, text: &str) -> Vec<Vec<String>> {
        [Level::Scalar, Level::Avx2, Level::Avx512]
            .into_iter()
            .filter_map(|l| f.at_level(l))
            .map(|f| {
                let mut out = Vec::new();
                for w in text.split(' ') {
                    for pad in 0..70 {
                        let mut hay = vec![b'.'; pad];
                        hay.extend_from_slice(w.as_bytes());
                        hay.resize(pad + 140, b' ');
                        let mut seen = Vec::new();
                        let r = f.find(&hay, 0, hay.len(), |s| {
                            seen.push(s);
                            None::<()>
                        });
                        let walked = r.err().unwrap_or(0);
                        if f.level == Level::Scalar {
                            assert_eq!(
                                walked, 0,
                                "the scalar path leaves all"
                            );
                        } else {
                            assert!(
                                walked > pad,
                                "{w} at {pad}: walked {walked}"
                            );
                        }
                        assert!(
                            seen.iter().all(|&s| s == pad),
                            "{w} at {pad}: {seen:?}"
                        );
                        if seen == [pad] {
                            out.push(format!("{w}@{pad}"));
                        }
                    }
                }
                out.dedup();
                out
            })
            .collect()
    }

    /// Every path offers the start of every word that begins with a
    /// prefix, in any case and at any offset, and nothing inside a word.
    #[test]
    fn every_path_offers_every_prefixed_word() {
        let f = StartFilter::new(&PREFIXES, &[]);
        let words = "three Thirty ONE oh Oh ten TWO mAy forty fortyfive z zz";
        for (path, got) in offered(&f, words).iter().enumerate().skip(1) {
            assert_eq!(got.len(), 12 * 70, "path {path}: {got:?}");
        }
        // A prefix inside a word is no start.
        for got in offered(&f, "xthree someone").iter().skip(1) {
            assert!(got.is_empty(), "{got:?}");
        }
    }

    /// A word at the very end of the text, at any offset, is offered by
    /// each vector path as it is when a space follows it, and the path
    /// reads to the end: a short text (a chat message) is read whole, its
    /// end through masked loads (AVX-512) or a copy (AVX2), not left to
    /// the word walk.
    #[test]
    fn words_at_the_end_of_the_text() {
        let f = StartFilter::new(&PREFIXES, &[]);
        let words = "three Thirty ONE oh Oh ten TWO mAy forty fortyfive z zz \
                     thr tw f xthree";
        // (`offered` reads the paths this CPU runs in this order.)
        let paths = [Level::Scalar, Level::Avx2, Level::Avx512]
            .into_iter()
            .filter_map(|l| f.at_level(l));
        for (path, spaced) in paths.zip(offered(&f, words)).skip(1) {
            let mut got = Vec::new();
            for w in words.split(' ') {
                for pad in 0..140 {
                    let mut hay = vec![b'.'; pad];
                    hay.extend_from_slice(w.as_bytes());
                    let mut seen = Vec::new();
                    let r = path.find(&hay, 0, hay.len(), |s| {
                        seen.push(s);
                        None::<()>
                    });
                    let at = format!("{:?}: {w} at {pad}", path.level);
                    assert_eq!(r.err(), Some(hay.len()), "{at}");
                    assert!(seen.iter().all(|&s| s == pad), "{at}");
                    // (The spaced reading tries offsets below 70.)
                    if seen == [pad] && pad < 70 {
                        got.push(format!("{w}@{pad}"));
                    }
                }
            }
            got.dedup();
            assert!(!got.is_empty());
            assert_eq!(got, spaced, "{:?}", path.level);
        }
    }

    /// With common words to avoid, the buckets keep "the", "for" and
    /// "this" out while "three", "thirty" and "forty" are wanted; the
    /// nibble tables accept every prefix.
    #[test]
    fn buckets_avoid_common_words() {
        let common: [&[u8]; 4] = [b"the", b"for", b"this", b"on"];
        let f = StartFilter::new(&PREFIXES, &common);
        let passes = |w: &[u8]| {
            (0..WIDTH).fold(0xFF, |m, k| {
                m & f.nibble_buckets(k, w.get(k).copied().unwrap_or(b' '))
            }) != 0
        };
        for p in PREFIXES {
            assert!(passes(p), "{p:?}");
        }
        for w in common {
            assert!(!passes(w), "{w:?}");
        }
        for got in offered(&f, "the for this on").iter().skip(1) {
            assert!(got.is_empty(), "{got:?}");
        }
    }

    /// More prefixes than buckets still all pass.
    #[test]
    fn many_prefixes_share_buckets() {
        let words: Vec<Vec<u8>> = (b'a'..=b'z')
            .flat_map(|c| [vec![c, b'a', b'x', b'e'], vec![c, b'o']])
            .collect();
        let prefixes: Vec<&[u8]> = words.iter().map(Vec::as_slice).collect();
        let f = StartFilter::new(&prefixes, &[]);
        let text: Vec<String> = words
            .iter()
            .map(|w| String::from_utf8_lossy(w).into_owned())
            .collect();
        for got in offered(&f, &text.join(" ")).iter().skip(1) {
            assert_eq!(got.len(), words.len() * 70);
        }
    }
}
