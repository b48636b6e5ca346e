//! Character classes on raw bytes: digits of every script we read as digits,
//! separators, zero-width characters, letters.
//!
//! Everything works on `&[u8]`. Invalid UTF-8 is decoded as one-byte
//! "other" characters: it never panics and never swallows the bytes after
//! it.

/// What a character is to the scanner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A decimal digit (ASCII, full-width, mathematical, or any script's
    /// decimal digit in [`ZEROS`]) with its value.
    Digit(u8),
    /// A character that may stand between digit groups.
    Sep(Sep),
    /// A zero-width or invisible character (ZWSP, ZWNJ, ZWJ, word joiner,
    /// BOM, soft hyphen): transparent inside a digit group.
    Invisible,
    /// A letter (ASCII or any Unicode alphabetic character), or `_`.
    Letter,
    /// Anything else, invalid UTF-8 included.
    Other,
}

/// Separator kinds. The kind matters for a few shape rules (a single `.`
/// between digits is a decimal point, SSNs use one separator).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Space, tab, NBSP and the other Unicode spaces.
    Space,
    /// `-` and the Unicode dashes and minus signs.
    Dash,
    /// `.` and the full-width full stop.
    Dot,
    /// `/` and the full-width solidus.
    Slash,
    /// `,` (only with a following space is it a group separator).
    Comma,
    /// `\n` or `\r`.
    Newline,
    /// `|`: table cells and delimited records ("PAN|MM|YY|CVV").
    Pipe,
}

/// The zero of every run of ten decimal digits (Unicode category Nd) we read
/// besides ASCII: Arabic-Indic, Devanagari and the other Indic scripts,
/// Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian, full-width, and more.
const ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
    0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090,
    0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
    0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50,
    0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The first byte of the UTF-8 form of `u`, a code point outside ASCII.
const fn lead_byte(u: u32) -> u8 {
    if u < 0x800 {
        0xC0 | (u >> 6) as u8
    } else if u < 0x1_0000 {
        0xE0 | (u >> 12) as u8
    } else {
        0xF0 | (u >> 18) as u8
    }
}

/// The first bytes of the UTF-8 forms of the non-ASCII digits we read
/// ([`ZEROS`] and the mathematical digits), one bit each.
const DIGIT_LEADS: [u64; 4] = {
    const fn mark(mut t: [u64; 4], u: u32) -> [u64; 4] {
        let b = lead_byte(u) as usize;
        t[b / 64] |= 1 << (b % 64);
        t
    }
    let mut t = mark(mark([0; 4], 0x1D7CE), 0x1D7FF);
    let mut i = 0;
    while i < ZEROS.len() {
        t = mark(mark(t, ZEROS[i]), ZEROS[i] + 9);
        i += 1;
    }
    t
};

/// Where the search for the next digit goes on after the non-ASCII byte at
/// `q`, when that byte starts no digit: past it and the continuation bytes
/// after it (none of which starts a character), without decoding them;
/// `None` when it may start one ([`classify`] tells).
#[inline]
pub(crate) fn past_non_digit(hay: &[u8], q: usize) -> Option<usize> {
    let b = usize::from(hay[q]);
    if DIGIT_LEADS[b / 64] >> (b % 64) & 1 != 0 {
        return None;
    }
    let mut e = q + 1;
    while e < hay.len() && e < q + 4 && hay[e] & 0xC0 == 0x80 {
        e += 1;
    }
    Some(e)
}

/// Decodes the character at `i`: `(Some(c), len)` or `(None, 1)` for an
/// invalid or truncated sequence.
#[inline]
pub(crate) fn decode(hay: &[u8], i: usize) -> (Option<char>, usize) {
    let b0 = hay[i];
    if b0 < 0x80 {
        return (Some(char::from(b0)), 1);
    }
    let n = match b0 {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (None, 1),
    };
    let Some(bytes) = hay.get(i..i + n) else { return (None, 1) };
    // The continuation bytes carry six bits each; what UTF-8 forbids
    // (a shorter form, a surrogate, a code point past U+10FFFF) is
    // invalid, as `std::str::from_utf8` reads it.
    let mut u = u32::from(b0) & (0x7F >> n);
    for &b in &bytes[1..] {
        if b & 0xC0 != 0x80 {
            return (None, 1);
        }
        u = u << 6 | u32::from(b & 0x3F);
    }
    let least = [0, 0, 0x80, 0x800, 0x1_0000][n];
    match char::from_u32(u) {
        Some(c) if u >= least => (Some(c), n),
        _ => (None, 1),
    }
}

/// The length of an incomplete UTF-8 sequence at the end of `hay` that more
/// bytes could still complete (0 to 3).
pub(crate) fn incomplete_tail(hay: &[u8]) -> usize {
    for back in 1..=3.min(hay.len()) {
        let b = hay[hay.len() - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        return if need > back
            && std::str::from_utf8(&hay[hay.len() - back..])
                .err()
                .is_some_and(|e| e.error_len().is_none())
        {
            back
        } else {
            0
        };
    }
    0
}

/// Code points below this have their classes kept in pages of 256, each
/// worked out the first time a character in it is read: planes 0 and 1,
/// where text's accented letters, quotes, dashes, symbols and emoji are.
const PAGED: u32 = 0x2_0000;

/// The class of a non-ASCII character.
///
/// (Telling a class anew reads the digit table and the Unicode alphabetic
/// table: about 800 instructions, for every curly quote, dash, accented
/// letter or emoji between numbers. Kept by page, a class is one look-up.)
fn class_of(c: char) -> Class {
    use std::sync::OnceLock;
    type Page = [Class; 256];
    static PAGES: [OnceLock<Box<Page>>; (PAGED >> 8) as usize] =
        [const { OnceLock::new() }; (PAGED >> 8) as usize];
    let u = c as u32;
    if u >= PAGED {
        return class_anew(c);
    }
    let page = PAGES[(u >> 8) as usize].get_or_init(|| {
        let first = u & !0xFF;
        Box::new(std::array::from_fn(|k| {
            // (A surrogate, which no `char` is, stands for nothing.)
            char::from_u32(first + k as u32).map_or(Class::Other, class_anew)
        }))
    });
    page[(u & 0xFF) as usize]
}

/// [`class_of`], worked out from the tables.
fn class_anew(c: char) -> Class {
    let u = c as u32;
    if (0x1D7CE..=0x1D7FF).contains(&u) {
        return Class::Digit(((u - 0x1D7CE) % 10) as u8);
    }
    if let Some(&z) = ZEROS.iter().find(|&&z| u >= z && u < z + 10) {
        return Class::Digit((u - z) as u8);
    }
    match u {
        0x00A0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => {
            Class::Sep(Sep::Space)
        }
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 | 0xFF0D => {
            Class::Sep(Sep::Dash)
        }
        0xFF0E => Class::Sep(Sep::Dot),
        0xFF0F => Class::Sep(Sep::Slash),
        0x2028 | 0x2029 | 0x0085 => Class::Sep(Sep::Newline),
        0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD => Class::Invisible,
        _ if c.is_alphabetic() => Class::Letter,
        _ => Class::Other,
    }
}

/// A space, dash or slash written in URL encoding at `p` (`%20`, `%2D`,
/// `%2F`), as in a query string (`card=4111%201111%201111%201111`,
/// `exp=12%2F27`): `Some(Err(()))` when `w` ends inside what may be one.
#[inline]
fn url_sep(w: &[u8], p: usize) -> Option<Result<Sep, ()>> {
    if w[p] != b'%' {
        return None;
    }
    match w.get(p + 1..p + 3) {
        Some(b"20") => Some(Ok(Sep::Space)),
        Some(b"2D" | b"2d") => Some(Ok(Sep::Dash)),
        Some(b"2F" | b"2f") => Some(Ok(Sep::Slash)),
        Some(_) => None,
        None if w.get(p + 1).is_none_or(|&b| b == b'2') => Some(Err(())),
        None => None,
    }
}

/// The longest escaped separator [`escaped_sep`] reads, in bytes
/// (`&thinsp;`, `&#x2009;`).
const MAX_ESCAPE: usize = 8;

/// A separator written escaped at `p`, and its length in bytes: in URL
/// encoding (`%20`, `%2D`, `%2F`, as in a query string:
/// `card=4111%201111%201111%201111`), as an HTML character reference
/// (`&nbsp;`, `&#160;`, `&#x2013;`, `&ndash;`, as HTML transcripts write a
/// no-break space) or as a JSON escape (`\u00a0`, `\u2009`, as JSON
/// written in ASCII holds any character outside it). A reference or a
/// `\u` escape counts when the character it names is a separator
/// ([`classify`]). `Some(Err(()))` when `w` ends inside what may be one.
#[inline]
pub(crate) fn escaped_sep(
    w: &[u8],
    p: usize,
) -> Option<Result<(Sep, usize), ()>> {
    match w[p] {
        b'%' => url_sep(w, p).map(|r| r.map(|s| (s, 3))),
        b'&' | b'\\' => escaped_char_sep(w, p),
        _ => None,
    }
}

/// [`escaped_sep`] for an HTML character reference or a `\u` escape.
// (Out of line: few numbers are followed by `&` or `\`.)
#[inline(never)]
fn escaped_char_sep(w: &[u8], p: usize) -> Option<Result<(Sep, usize), ()>> {
    let (code, len) = match escaped_char(w, p)? {
        Ok(x) => x,
        Err(()) => return Some(Err(())),
    };
    let class = if code < 0x80 {
        classify(&[code as u8], 0).0
    } else {
        class_of(char::from_u32(code)?)
    };
    match class {
        Class::Sep(s) => Some(Ok((s, len))),
        _ => None,
    }
}

/// The character an HTML character reference (`&#160;`, `&#x2013;`, and
/// the few names of spaces and dashes: `&nbsp;`, `&ensp;`, `&emsp;`,
/// `&thinsp;`, `&ndash;`, `&mdash;`, `&minus;`, `&hyphen;`) or a `\u`
/// escape (`\u00a0`) at `p` stands for, and its length in bytes, any
/// character; `Some(Err(()))` when `w` ends inside what may be one.
fn escaped_char(w: &[u8], p: usize) -> Option<Result<(u32, usize), ()>> {
    let rest = &w[p + 1..];
    let hex = |x: &[u8]| {
        x.iter()
            .try_fold(0u32, |v, &b| Some(v * 16 + char::from(b).to_digit(16)?))
    };
    if w[p] == b'\\' {
        match rest.first() {
            None => return Some(Err(())),
            Some(b'u') => {}
            Some(_) => return None,
        }
        let digits = &rest[1..rest.len().min(5)];
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        if digits.len() < 4 {
            return Some(Err(()));
        }
        return Some(Ok((hex(digits)?, 6)));
    }
    if w[p] != b'&' {
        return None;
    }
    // The name or number, then `;`, within the longest reference read.
    let body_max = MAX_ESCAPE - 2;
    let Some(k) = rest.iter().take(body_max + 1).position(|&b| b == b';')
    else {
        // Cut by the end of `w` within what may still be one.
        let prefix = match rest {
            [] | [b'#'] | [b'#', b'x' | b'X'] => true,
            [b'#', b'x' | b'X', h @ ..] => h.iter().all(u8::is_ascii_hexdigit),
            [b'#', d @ ..] => d.iter().all(u8::is_ascii_digit),
            name => name.iter().all(u8::is_ascii_alphabetic),
        };
        return (rest.len() <= body_max && prefix).then_some(Err(()));
    };
    let body = &rest[..k];
    let code = match body {
        [b'#', b'x' | b'X', h @ ..] if !h.is_empty() => hex(h)?,
        [b'#', d @ ..]
            if !d.is_empty() && d.iter().all(u8::is_ascii_digit) =>
        {
            d.iter().fold(0, |v, &b| v * 10 + u32::from(b - b'0'))
        }
        b"nbsp" => 0xA0,
        b"ensp" => 0x2002,
        b"emsp" => 0x2003,
        b"thinsp" => 0x2009,
        b"ndash" => 0x2013,
        b"hyphen" => 0x2010,
        b"mdash" => 0x2014,
        b"minus" => 0x2212,
        _ => return None,
    };
    Some(Ok((code, k + 2)))
}

/// The length of the escaped separator ([`escaped_sep`]) that ends right
/// at `p`, no earlier than `lo`.
#[inline]
pub(crate) fn escaped_sep_before(
    w: &[u8],
    lo: usize,
    p: usize,
) -> Option<usize> {
    if p < lo + 3 {
        return None;
    }
    let lens: &[usize] = match w[p - 1] {
        b';' => &[6, 7, 8],
        b if b.is_ascii_hexdigit() => &[3, 6],
        _ => return None,
    };
    lens.iter().copied().find(|&n| {
        p >= lo + n
            && matches!(w[p - n], b'%' | b'&' | b'\\')
            && matches!(escaped_sep(&w[..p], p - n), Some(Ok((_, m))) if m == n)
    })
}

/// The escape that holds the digit at `t` and starts before it, no
/// earlier than `lo`: a URL-encoded character (`%3D`, `%20`), an HTML
/// character reference by number (`&#160;`, `&#x2019;`) or a `\u` escape
/// (`\u2009`, `\u00a0`), whatever character it stands for: its start and
/// end. Its digits are no number.
#[inline]
pub(crate) fn escape_over(
    w: &[u8],
    lo: usize,
    t: usize,
) -> Option<(usize, usize)> {
    // (One look at the byte before rules out nearly every number.)
    if t == 0 || !may_end_escape(w[t - 1]) {
        return None;
    }
    escape_over_slow(w, lo, t)
}

/// Whether `b` may start an escaped separator ([`escaped_sep`]).
#[inline(always)]
pub(crate) fn may_start_escape(b: u8) -> bool {
    matches!(b, b'%' | b'&' | b'\\')
}

/// Whether the byte before a digit may be part of an escape that holds
/// that digit ([`escape_over`]: `%3D`, `&#160;`, `&#x2013;`, `\u00a0`).
#[inline(always)]
pub(crate) fn may_end_escape(b: u8) -> bool {
    // (One table read: the scanner's quick paths ask it of most numbers.)
    static ENDS: [bool; 256] = {
        let mut t = [false; 256];
        let mut i = 0;
        while i < 256 {
            let b = i as u8;
            t[i] = matches!(b, b'%' | b'#' | b'u' | b'x' | b'X')
                || b.is_ascii_hexdigit();
            i += 1;
        }
        t
    };
    ENDS[usize::from(b)]
}

/// [`escape_over`] past its first test.
#[inline(never)]
fn escape_over_slow(w: &[u8], lo: usize, t: usize) -> Option<(usize, usize)> {
    (1..=MAX_ESCAPE - 2).filter(|&b| t >= lo + b).find_map(|b| {
        let s = t - b;
        let end = match w[s] {
            b'%' => s + escape_digits(w, s)? + 1,
            b'&' if w.get(s + 1) == Some(&b'#') => {
                s + escaped_char(w, s)?.ok()?.1
            }
            b'\\' => s + escaped_char(w, s)?.ok()?.1,
            _ => return None,
        };
        (end > t).then_some((s, end))
    })
}

/// Whether `w[p..]` starts with a URL-encoded character whose code is a
/// digit and a letter (`%3D`, `%3A`, `%5B`, `%2C`): its one ASCII digit
/// is no number. (A code of two digits, `%22`, is read as digits but for
/// the separators [`url_sep`] knows: "is%3714 496353 98431" holds a card.)
#[inline]
fn escape_digits(w: &[u8], p: usize) -> Option<usize> {
    match w.get(p..p + 3)? {
        [b'%', a, b'A'..=b'F' | b'a'..=b'f'] if a.is_ascii_digit() => Some(1),
        [b'%', b'2', b'0'] => Some(2),
        _ => None,
    }
}

/// Whether an escaped character whose last byte is a letter ends right at
/// `p`, no earlier than `lo`: a URL-encoded one whose code ends in a
/// letter (`%3D`, `%5B`), or a line break or tab escaped with a backslash,
/// as JSON and log lines write them inside strings (`\n`, `\t`, `\r`:
/// `"card:\t4111…\ncvv: 123"`). It stands where the character would.
#[inline]
pub(crate) fn escape_before(w: &[u8], lo: usize, p: usize) -> bool {
    p >= lo + 2
        && (w[p - 2] == b'\\' && matches!(w[p - 1], b'n' | b't' | b'r')
            || p >= lo + 3
                && w[p - 3] == b'%'
                && w[p - 2].is_ascii_hexdigit()
                && matches!(w[p - 1], b'A'..=b'F' | b'a'..=b'f'))
}

/// Classifies the character at `i`, returning its class and byte length.
#[inline(always)]
pub(crate) fn classify(hay: &[u8], i: usize) -> (Class, usize) {
    let b = hay[i];
    if b < 0x80 {
        let c = match b {
            b'0'..=b'9' => Class::Digit(b - b'0'),
            b' ' | b'\t' => Class::Sep(Sep::Space),
            b'-' => Class::Sep(Sep::Dash),
            b'.' => Class::Sep(Sep::Dot),
            b'/' => Class::Sep(Sep::Slash),
            b',' => Class::Sep(Sep::Comma),
            b'\n' | b'\r' => Class::Sep(Sep::Newline),
            b'|' => Class::Sep(Sep::Pipe),
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            _ => Class::Other,
        };
        return (c, 1);
    }
    classify_wide(hay, i)
}

/// [`classify`] for a character that does not start with an ASCII byte:
/// out of line, so that the ASCII test inlines into every hot loop.
#[cold]
#[inline(never)]
fn classify_wide(hay: &[u8], i: usize) -> (Class, usize) {
    match decode(hay, i) {
        (Some(c), n) => (class_of(c), n),
        (None, n) => (Class::Other, n),
    }
}

/// The class of the character that ends just before `i` (for left-boundary
/// checks), looking no further back than `lo`.
pub(crate) fn class_before(hay: &[u8], lo: usize, i: usize) -> Class {
    char_before(hay, lo, i).map_or(Class::Other, |(c, _)| c)
}

/// The class and start of the character that ends just before `i`,
/// looking no further back than `lo`; `None` at `lo` or when the bytes
/// there end no whole character.
pub(crate) fn char_before(
    hay: &[u8],
    lo: usize,
    i: usize,
) -> Option<(Class, usize)> {
    if i <= lo {
        return None;
    }
    let mut s = i - 1;
    while s > lo && i - s < 4 && hay[s] & 0xC0 == 0x80 {
        s -= 1;
    }
    let (c, n) = classify(hay, s);
    (s + n == i).then_some((c, s))
}

/// Finds the first byte at or after `from` that could start a digit: an
/// ASCII digit or any non-ASCII byte (which may begin a non-ASCII digit).
///
/// This is the hot loop between the numbers of chat and logs: sixteen
/// bytes at a time with SSE2 (part of every x86-64 processor) in
/// [`crate::simd::find_digit_candidate`], elsewhere eight bytes at a time
/// ([`find_digit_candidate_swar`]).
#[inline]
pub(crate) fn find_digit_candidate(hay: &[u8], from: usize) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::find_digit_candidate(hay, from);
    #[cfg(not(target_arch = "x86_64"))]
    find_digit_candidate_swar(hay, from)
}

/// [`find_digit_candidate`] for the scanner's trigger search, which may
/// pass over the digits of clock times in brackets (`[09:41]`,
/// `(9:41:07)`) as its quick path for short numbers would: on x86-64, the
/// vector steps pass over the times they read whole
/// ([`crate::simd::find_trigger_candidate`]); elsewhere every candidate is
/// reported.
#[inline]
pub(crate) fn find_trigger_candidate(
    hay: &[u8],
    from: usize,
) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::find_trigger_candidate(hay, from);
    #[cfg(not(target_arch = "x86_64"))]
    find_digit_candidate_swar(hay, from)
}

/// How many ASCII digits stand in a row in `s` from `from` on, counting
/// no further than `max`: with SSE2 in [`crate::simd::digits_from`],
/// elsewhere byte by byte.
#[inline]
pub(crate) fn digits_from(s: &[u8], from: usize, max: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::digits_from(s, from, max);
    #[cfg(not(target_arch = "x86_64"))]
    s[from.min(s.len())..]
        .iter()
        .take(max)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Whether `b` occurs in `s`, a short stretch such as a number's
/// look-behind: with SSE2 in [`crate::simd::has_byte`], elsewhere with
/// `memchr`.
#[inline]
pub(crate) fn has_byte(s: &[u8], b: u8) -> bool {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::has_byte(s, b);
    #[cfg(not(target_arch = "x86_64"))]
    memchr::memchr(b, s).is_some()
}

/// Whether a colon stands in the 64 bytes from `at` with a space, tab or
/// line break right after it (`s` holds the 65 bytes from `at`): with
/// SSE2 in [`crate::simd::colon_space`], elsewhere a byte at a time.
#[inline]
pub(crate) fn colon_space(s: &[u8], at: usize) -> bool {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::colon_space(s, at);
    #[cfg(not(target_arch = "x86_64"))]
    colon_space_bytewise(s, at)
}

/// [`colon_space`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
pub(crate) fn colon_space_bytewise(s: &[u8], at: usize) -> bool {
    s[at..at + 65]
        .windows(2)
        .any(|p| p[0] == b':' && matches!(p[1], b' ' | b'\t' | b'\n' | b'\r'))
}

/// The last index in `s[lo..hi]` of an ASCII digit or of byte `b`: with
/// SSE2 in [`crate::simd::last_digit_or`], sixteen bytes a step from the
/// end, elsewhere byte by byte.
#[inline]
pub(crate) fn last_digit_or(
    s: &[u8],
    lo: usize,
    hi: usize,
    b: Option<u8>,
) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::last_digit_or(s, lo, hi, b);
    #[cfg(not(target_arch = "x86_64"))]
    last_digit_or_bytewise(s, lo, hi, b)
}

/// [`last_digit_or`] a byte at a time.
pub(crate) fn last_digit_or_bytewise(
    s: &[u8],
    lo: usize,
    hi: usize,
    b: Option<u8>,
) -> Option<usize> {
    (lo..hi).rev().find(|&i| s[i].is_ascii_digit() || Some(s[i]) == b)
}

/// [`find_digit_candidate`] eight bytes at a time, with the classic "has a
/// byte less than n" bit trick, exact for the question asked.
#[inline]
pub(crate) fn find_digit_candidate_swar(
    hay: &[u8],
    from: usize,
) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    // The lowest flagged byte of a word is exact: a borrow only runs from
    // a flagged byte upwards.
    let first = |x: u64| (x.trailing_zeros() / 8) as usize;
    while i + 16 <= hay.len() {
        let a = u64::from_le_bytes(hay[i..i + 8].try_into().unwrap());
        let b = u64::from_le_bytes(hay[i + 8..i + 16].try_into().unwrap());
        let (ha, hb) = (word_hit(a), word_hit(b));
        if ha | hb != 0 {
            return Some(if ha != 0 {
                i + first(ha)
            } else {
                i + 8 + first(hb)
            });
        }
        i += 16;
    }
    while i + 8 <= hay.len() {
        let a = u64::from_le_bytes(hay[i..i + 8].try_into().unwrap());
        let ha = word_hit(a);
        if ha != 0 {
            return Some(i + first(ha));
        }
        i += 8;
    }
    return hay[i..]
        .iter()
        .position(|&b| b.is_ascii_digit() || b >= 0x80)
        .map(|p| p + i);

    /// Non-zero when some byte of `x` is an ASCII digit or >= 0x80.
    #[inline(always)]
    fn word_hit(x: u64) -> u64 {
        // t = x - '0' per byte would borrow; instead test "x ^ 0x30 < 10"
        // for bytes < 0x80, plus the high bit for non-ASCII.
        let t = x ^ (LO * 0x30);
        let less10 = t.wrapping_sub(LO * 10) & !t & HI;
        less10 | (x & HI)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sequence of two or three bytes, and of four with the edge
    /// values of each byte after the first, decodes as the standard
    /// library's UTF-8 check reads it.
    #[test]
    fn decode_reads_as_the_standard_library() {
        let std_decode = |b: &[u8]| match std::str::from_utf8(b) {
            Ok(s) => (s.chars().next(), b.len()),
            Err(_) => (None, 1),
        };
        let check = |b: &[u8]| {
            // (`decode` reads as many bytes as the first byte says.)
            let n = match b[0] {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF4 => 4,
                _ => 1,
            };
            let want = if b[0] < 0x80 || n > 1 && b.len() >= n {
                std_decode(&b[..n.min(b.len())])
            } else {
                (None, 1)
            };
            assert_eq!(decode(b, 0), want, "{b:02X?}");
        };
        let edges =
            [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF];
        for b0 in 0..=255u8 {
            check(&[b0]);
            for b1 in 0..=255u8 {
                check(&[b0, b1]);
                if b0 >= 0xE0 {
                    for b2 in 0..=255u8 {
                        check(&[b0, b1, b2]);
                    }
                }
                if b0 >= 0xF0 {
                    for b2 in edges {
                        for b3 in edges {
                            check(&[b0, b1, b2, b3]);
                        }
                    }
                }
            }
        }
    }

    /// Every non-ASCII digit starts with a byte [`past_non_digit`] stops
    /// at; that the search goes on past it is the same outcome as
    /// [`classify`] gives for the other characters; and it never passes an
    /// ASCII byte or the start of the next character.
    #[test]
    fn digit_leads_cover_every_digit() {
        assert!(ZEROS.iter().all(|&z| z + 9 < PAGED));
        let mut buf = [0u8; 4];
        for u in 0x80..PAGED {
            let Some(c) = char::from_u32(u) else { continue };
            let b = c.encode_utf8(&mut buf).as_bytes();
            let mut t = b.to_vec();
            t.extend_from_slice(b"7\xC3");
            match (class_of(c), past_non_digit(&t, 0)) {
                (Class::Digit(_), p) => assert_eq!(p, None, "U+{u:04X}"),
                (_, Some(p)) => assert_eq!(p, b.len(), "U+{u:04X}"),
                (_, None) => {}
            }
        }
        // Invalid bytes: past the lead and its continuation bytes only.
        assert_eq!(past_non_digit(b"\xE2\x80x", 0), Some(2));
        assert_eq!(past_non_digit(b"\x80\x80\x80\x80\x80", 0), Some(4));
        assert_eq!(past_non_digit(b"\xC3", 0), Some(1));
        assert_eq!(past_non_digit("\u{FF11}".as_bytes(), 0), None);
    }

    /// The classes kept by page are the classes worked out anew, for every
    /// character in the pages (read in an order that starts pages in the
    /// middle), and some are what the scanner reads them as.
    #[test]
    fn paged_classes_are_the_classes() {
        for u in (0x80..PAGED).rev().step_by(7).chain(0x80..PAGED) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(class_of(c), class_anew(c), "U+{u:04X}");
            }
        }
        for (c, want) in [
            ('\u{0663}', Class::Digit(3)),
            ('\u{FF15}', Class::Digit(5)),
            ('\u{1D7D9}', Class::Digit(1)),
            ('\u{1FBF7}', Class::Digit(7)),
            ('\u{00A0}', Class::Sep(Sep::Space)),
            ('\u{2013}', Class::Sep(Sep::Dash)),
            ('\u{200B}', Class::Invisible),
            ('é', Class::Letter),
            ('ツ', Class::Letter),
            ('\u{2019}', Class::Other),
            ('…', Class::Other),
            ('😀', Class::Other),
            ('\u{20000}', Class::Letter),
            ('\u{E0031}', Class::Other),
        ] {
            assert_eq!(class_of(c), want, "{c:?}");
        }
    }

    #[test]
    fn escaped_separators() {
        let sep = |t: &str| escaped_sep(t.as_bytes(), 0);
        for (t, want) in [
            ("%20", Some(Ok((Sep::Space, 3)))),
            ("%2F", Some(Ok((Sep::Slash, 3)))),
            ("&nbsp;", Some(Ok((Sep::Space, 6)))),
            ("&#160;", Some(Ok((Sep::Space, 6)))),
            ("&#xA0;", Some(Ok((Sep::Space, 6)))),
            ("&#x2013;1", Some(Ok((Sep::Dash, 8)))),
            ("&#8211;", Some(Ok((Sep::Dash, 7)))),
            ("&thinsp;", Some(Ok((Sep::Space, 8)))),
            ("&ndash;", Some(Ok((Sep::Dash, 7)))),
            ("&#32;", Some(Ok((Sep::Space, 5)))),
            ("\\u00a0", Some(Ok((Sep::Space, 6)))),
            ("\\u2009x", Some(Ok((Sep::Space, 6)))),
            ("\\u2212", Some(Ok((Sep::Dash, 6)))),
            // Characters that are no separator, and what is no escape.
            ("&#39;", None),
            ("&#8217;", None),
            ("&amp;", None),
            ("\\u2019", None),
            ("\\n", None),
            ("&nbsp 1", None),
            ("&#1600000;", None),
            ("\\u00g0", None),
            ("&", Some(Err(()))),
            // Cut by the end of the text within what may be one.
            ("&nb", Some(Err(()))),
            ("&nbsp", Some(Err(()))),
            ("&#16", Some(Err(()))),
            ("&#x", Some(Err(()))),
            ("\\", Some(Err(()))),
            ("\\u00", Some(Err(()))),
            ("%2", Some(Err(()))),
            ("&n1", None),
        ] {
            assert_eq!(sep(t), want, "{t:?}");
        }
        // Where one ends, and where digits stand inside one.
        let w = b"4111&nbsp;1111&#160;2222\\u00a03333";
        assert_eq!(escaped_sep_before(w, 0, 10), Some(6));
        assert_eq!(escaped_sep_before(w, 0, 20), Some(6));
        assert_eq!(escaped_sep_before(w, 0, 30), Some(6));
        assert_eq!(escaped_sep_before(w, 0, 9), None);
        assert_eq!(escaped_sep_before(w, 15, 20), None);
        assert_eq!(escape_over(w, 0, 16), Some((14, 20)));
        assert_eq!(escape_over(w, 0, 26), Some((24, 30)));
        assert_eq!(escape_over(w, 0, 29), Some((24, 30)));
        assert_eq!(escape_over(w, 0, 30), None);
        assert_eq!(escape_over(w, 0, 0), None);
        assert_eq!(escape_over(b"cvv%3D123", 0, 4), Some((3, 5)));
        assert_eq!(escape_over(b"cvv%3D123", 0, 6), None);
        assert_eq!(escape_over(b"it&#8217;s", 0, 4), Some((2, 9)));
    }

    #[test]
    fn digits_of_other_scripts() {
        let s = "４٣۷०𝟗";
        let mut i = 0;
        let mut vals = vec![];
        while i < s.len() {
            let (c, n) = classify(s.as_bytes(), i);
            if let Class::Digit(d) = c {
                vals.push(d);
            }
            i += n;
        }
        assert_eq!(vals, vec![4, 3, 7, 0, 9]);
    }

    #[test]
    fn candidate_scan_matches_naive() {
        let texts: Vec<Vec<u8>> = vec![
            b"hello world, nothing to see here at all......".to_vec(),
            b"abcdefghijklmnopqrstuvwxyz0".to_vec(),
            "caf\u{e9} au lait".as_bytes().to_vec(),
            (0u8..=255).collect(),
        ];
        for t in texts {
            for from in 0..t.len() {
                let naive = t[from..]
                    .iter()
                    .position(|&b| b.is_ascii_digit() || b >= 0x80)
                    .map(|p| p + from);
                assert_eq!(find_digit_candidate(&t, from), naive);
                assert_eq!(find_digit_candidate_swar(&t, from), naive);
            }
        }
    }

    /// The last digit or mask byte before an end, back to a start: every
    /// start and end in text of up to 70 bytes of digits, mask and other
    /// bytes, with and without a mask byte, as a byte-by-byte search.
    #[test]
    fn last_digit_or_mask_is_found_exactly() {
        let abc = b"x*7 \xc3#0a9/:";
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for len in 0..70usize {
            for _ in 0..4 {
                let t: Vec<u8> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        abc[(x % abc.len() as u64) as usize]
                    })
                    .collect();
                for lo in 0..=len {
                    for hi in lo..=len {
                        for m in [None, Some(b'*')] {
                            let want = (lo..hi).rev().find(|&i| {
                                t[i].is_ascii_digit() || Some(t[i]) == m
                            });
                            assert_eq!(
                                last_digit_or(&t, lo, hi, m),
                                want,
                                "{t:?} {lo} {hi} {m:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// Every pair of byte values, side by side in every lane of a word
    /// (and of the vector steps, the last one read again, in text of 24
    /// and 40 bytes): the first flagged byte is found exactly, borrows
    /// notwithstanding.
    #[test]
    fn candidate_scan_is_exact_for_every_byte_pair() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for (len, lane) in
                    (0..23).map(|l| (24, l)).chain((0..39).map(|l| (40, l)))
                {
                    let mut t = vec![b'x'; len];
                    t[lane] = a;
                    t[lane + 1] = b;
                    let naive = t
                        .iter()
                        .position(|&c| c.is_ascii_digit() || c >= 0x80);
                    assert_eq!(find_digit_candidate(&t, 0), naive, "{a} {b}");
                    assert_eq!(
                        find_digit_candidate_swar(&t, 0),
                        naive,
                        "{a} {b}"
                    );
                }
            }
        }
    }

    /// Runs of every length at every offset of text up to 60 bytes, ended
    /// by every byte value or by the end of the text, counted with every
    /// cap: as a byte-by-byte count.
    #[test]
    fn digit_runs_are_counted_exactly() {
        for len in 0..=60usize {
            for from in 0..len {
                for run in 0..=len - from {
                    for end in (0..=255u8).step_by(7).chain([b'0' - 1, b':']) {
                        let mut t = vec![end; len];
                        for x in &mut t[from..from + run] {
                            *x = b'7';
                        }
                        for max in [0, 1, 3, 16, 17, 20, 64] {
                            let naive = t[from..]
                                .iter()
                                .take(max)
                                .take_while(|b| b.is_ascii_digit())
                                .count();
                            assert_eq!(
                                digits_from(&t, from, max),
                                naive,
                                "{len} {from} {run} {end} {max}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// Every byte value at every place of every length up to 70 (the
    /// vector steps, the tail read again, and the short scalar case), in
    /// text of another byte: found exactly where it is, and not found
    /// where it is not.
    #[test]
    fn byte_search_is_exact_at_every_place() {
        for len in 0..=70usize {
            for at in 0..len {
                for b in 0..=255u8 {
                    let other = b.wrapping_add(1);
                    let mut t = vec![other; len];
                    assert!(!has_byte(&t, b), "{len} {b}");
                    t[at] = b;
                    assert!(has_byte(&t, b), "{len} {at} {b}");
                    assert!(!has_byte(&t, other.wrapping_add(1)));
                }
            }
        }
    }

    /// A colon and each byte after it at every place of 64 bytes (and at
    /// the byte just past them, which only the last colon's follower may
    /// be), in text of letters, digits and colons: the vector test agrees
    /// with the byte loop.
    #[test]
    fn colon_space_is_exact_at_every_place() {
        for fill in [b"ab:".as_slice(), b"1:2", b"xy"] {
            let base: Vec<u8> =
                fill.iter().copied().cycle().take(80).collect();
            for at in 0..64 {
                for after in [b' ', b'\t', b'\n', b'\r', b':', b'x', b'0'] {
                    let mut t = base.clone();
                    t[3 + at] = b':';
                    t[4 + at] = after;
                    let want = colon_space_bytewise(&t, 3);
                    assert_eq!(colon_space(&t, 3), want, "{at} {after}");
                    if matches!(after, b' ' | b'\t' | b'\n' | b'\r') {
                        assert!(want, "{at}");
                    }
                }
            }
            assert!(!colon_space(&base, 3));
        }
        // (A colon at the byte past the 64 is not read.)
        let mut t = vec![b'a'; 70];
        t[67] = b':';
        t[68] = b' ';
        assert!(!colon_space(&t, 3));
    }

    #[test]
    fn invalid_utf8_is_one_byte_other() {
        assert_eq!(classify(b"\xff1", 0), (Class::Other, 1));
        assert_eq!(classify(b"\xe2\x80", 0), (Class::Other, 1));
        assert_eq!(incomplete_tail(b"ab\xe2\x80"), 2);
        assert_eq!(incomplete_tail(b"ab\xff"), 0);
        assert_eq!(incomplete_tail("ab\u{a0}".as_bytes()), 0);
    }
}
