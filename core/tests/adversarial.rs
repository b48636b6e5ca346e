//! Adversarial inputs: huge and pathological texts, every Unicode digit
//! and separator, zero-width characters, invalid UTF-8, odd line endings.
//!
//! The large inputs are generated in memory, never stored. The work a scan
//! does cannot be counted from outside the crate and timing is not a test,
//! so "linear time and flat memory" is checked the way a caller sees it:
//! inputs of size N and 4N streamed in 4 KiB chunks never hold back more
//! than [`MAX_HOLDBACK`] bytes and give the one-shot output.

use std::borrow::Cow;

use pci_redact::{Finding, Kind, Redactor, MAX_HOLDBACK};

/// Streams `hay` in chunks of `chunk` bytes, checking the hold-back bound
/// after every push; returns the output and the recorded findings.
fn stream(r: &Redactor, hay: &[u8], chunk: usize) -> (Vec<u8>, Vec<Finding>) {
    let mut s = r.stream();
    s.record_findings(true);
    let mut out = Vec::with_capacity(hay.len());
    for piece in hay.chunks(chunk) {
        s.push(piece, &mut out);
        assert!(
            s.peak_held() <= MAX_HOLDBACK,
            "held back {} bytes, more than MAX_HOLDBACK",
            s.peak_held()
        );
    }
    s.finish(&mut out);
    (out, s.take_findings())
}

/// The input with each finding replaced: what the output must be, byte for
/// byte, outside and inside the findings.
fn rebuilt(r: &Redactor, hay: &[u8], fs: &[Finding]) -> Vec<u8> {
    let mut v = Vec::with_capacity(hay.len());
    let mut at = 0;
    for f in fs {
        let sp = f.span();
        assert!(sp.start >= at && sp.end <= hay.len());
        v.extend_from_slice(&hay[at..sp.start]);
        v.extend_from_slice(&r.replacement(f, &hay[sp.range()]));
        at = sp.end;
    }
    v.extend_from_slice(&hay[at..]);
    v
}

/// The digits (of any script, by `char::is_numeric`) in `s`.
fn digits_in(s: &str) -> String {
    s.chars().filter(|c| c.is_numeric()).collect()
}

#[test]
fn hundred_megabytes_of_digits() {
    // One group of 100 million digits: longer than any card, so nothing is
    // found and the output is the input, borrowed.
    let hay = b"1234567890".repeat(10_000_000);
    assert_eq!(hay.len(), 100_000_000);
    let r = Redactor::new();
    match r.redact_bytes(&hay) {
        Cow::Borrowed(b) => assert!(b == &hay[..]),
        Cow::Owned(_) => panic!("a 100-million-digit group holds no card"),
    }
}

#[test]
fn one_megabyte_of_spaced_digits() {
    let r = Redactor::new();
    // "4 4 4 4 …": one digit per group, as speech-to-text writes numbers;
    // no window of 12 to 19 fours passes Luhn.
    let fours = "4 ".repeat(512 * 1024);
    assert_eq!(r.redact(&fours), fours);
    let (out, fs) = stream(&r, fours.as_bytes(), 4096);
    assert!(out == fours.as_bytes() && fs.is_empty());

    // A card number spoken digit by digit, over and over: one long run of
    // one-digit groups. Whatever is masked, the output keeps the length
    // (ASCII, default policy) and the stream agrees.
    let cards = "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ".repeat(32 * 1024);
    let one = r.redact(&cards);
    assert_eq!(one.len(), cards.len());
    let fs = r.find(&cards);
    assert!(!fs.is_empty());
    assert!(rebuilt(&r, cards.as_bytes(), &fs) == one.as_bytes());
    let (out, sfs) = stream(&r, cards.as_bytes(), 4096);
    assert!(out == one.as_bytes());
    assert!(sfs == fs);
}

#[test]
fn repeated_keywords() {
    let r = Redactor::new();
    let cvv = "cvv ".repeat(256 * 1024);
    assert_eq!(r.redact(&cvv), cvv);

    // The keyword right before the number still counts.
    let tail = format!("{cvv}123");
    let fs = r.find(&tail);
    assert_eq!(fs.len(), 1);
    assert_eq!(fs[0].kind(), Kind::Cvv);
    assert_eq!(fs[0].span().range(), cvv.len()..tail.len());
    let out = r.redact(&tail);
    assert!(out.ends_with("cvv ***"));
    let (sout, _) = stream(&r, tail.as_bytes(), 4096);
    assert!(sout == out.as_bytes());

    // Many numbers after many keywords: each is its own CVV.
    let many = "cvv 123 ".repeat(64 * 1024);
    let fs = r.find(&many);
    assert_eq!(fs.len(), 64 * 1024);
    assert!(fs.iter().all(|f| f.kind() == Kind::Cvv));
    assert_eq!(r.redact(&many), "cvv *** ".repeat(64 * 1024));
}

/// Bold, double-struck, sans-serif, sans-serif bold and monospace digits.
const MATH_ZEROS: [u32; 5] = [0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6];

/// The card 4111 1111 1111 1111 written with the digits starting at `zero`.
fn card_in(zero: u32, sep: &str) -> String {
    let d = |v: u32| char::from_u32(zero + v).expect("a digit");
    let group = |first: u32| {
        [first, 1, 1, 1].iter().map(|&v| d(v)).collect::<String>()
    };
    [group(4), group(1), group(1), group(1)].join(sep)
}

#[test]
fn every_unicode_digit() {
    let r = Redactor::new();
    // Every code point, as a digit in a card number and next to one: no
    // panic, and whatever is found lies on character boundaries.
    let mut numeric = 0;
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        numeric += usize::from(c.is_numeric());
        let t = format!("card 4111 {c}111 1111 1111 and 4{c}11 1111 {c}");
        for f in r.find(&t) {
            let sp = f.span();
            assert!(
                t.is_char_boundary(sp.start) && t.is_char_boundary(sp.end)
            );
        }
        let _ = r.redact(&t);
    }
    assert!(numeric > 1000, "every script's digits were visited");

    // Full-width, mathematical and other scripts' digits make a card.
    let mut zeros = vec![0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50];
    zeros.extend(MATH_ZEROS);
    for zero in zeros {
        let card = card_in(zero, " ");
        let t = format!("my card is {card} thanks");
        let fs = r.find(&t);
        assert_eq!(fs.len(), 1, "U+{zero:04X} digits");
        assert_eq!(fs[0].kind(), Kind::Card);
        assert_eq!(&t[fs[0].span().range()], card);
        assert_eq!(fs[0].last4(), Some("1111"));
        let out = r.redact(&t);
        // Only the last four digits are left, in their own script.
        let last4: String = card_in(zero, "").chars().skip(12).collect();
        assert!(digits_in(&out) == last4, "U+{zero:04X}: more than last 4");
    }
}

/// Separators between digit groups besides ASCII space and `-`: Unicode
/// spaces and dashes.
const SEPARATORS: &[char] = &[
    '\u{00A0}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}',
    '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200A}',
    '\u{202F}', '\u{205F}', '\u{3000}', '\u{2010}', '\u{2011}', '\u{2012}',
    '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{FE58}', '\u{FE63}',
    '\u{FF0D}',
];

#[test]
fn unicode_separators_between_groups() {
    let r = Redactor::new();
    for &sep in SEPARATORS {
        let s = sep.to_string();
        let card = ["4111", "1111", "1111", "1111"].join(&s);
        let t = format!("card: {card}.");
        let fs = r.find(&t);
        assert_eq!(fs.len(), 1, "separator U+{:04X}", u32::from(sep));
        assert_eq!(&t[fs[0].span().range()], card);
        let masked = ["****", "****", "****", "1111"].join(&s);
        assert_eq!(r.redact(&t), format!("card: {masked}."));
    }
}

#[test]
fn zero_width_between_every_digit() {
    let r = Redactor::new();
    for zw in ['\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{00AD}'] {
        let card: String = "4111111111111111"
            .chars()
            .flat_map(|d| [d, zw])
            .collect::<String>()
            .trim_end_matches(zw)
            .to_string();
        let t = format!("number {card} ok");
        let fs = r.find(&t);
        assert_eq!(fs.len(), 1, "U+{:04X}", u32::from(zw));
        assert_eq!(fs[0].kind(), Kind::Card);
        assert_eq!(&t[fs[0].span().range()], card);
        let out = r.redact(&t);
        assert_eq!(digits_in(&out), "1111", "only the last four are left");
        assert!(out.starts_with("number ") && out.ends_with(" ok"));
    }
}

/// Invalid UTF-8: a lone continuation byte, bytes that never occur, and
/// sequences cut short.
const BAD: &[&[u8]] = &[
    b"\x80",
    b"\xff",
    b"\xc0\xaf",
    b"\xc3",
    b"\xe2\x82",
    b"\xf0\x9f\x98",
    b"\xed\xa0\x80",
];

#[test]
fn invalid_utf8_around_and_inside_a_card() {
    let r = Redactor::new();
    let card = b"4111 1111 1111 1111";
    let masked = b"**** **** **** 1111";
    for bad in BAD {
        // Before and after the card, and on both sides: the card is found,
        // the invalid bytes pass through untouched.
        for (pre, post) in [(*bad, &b""[..]), (b"", *bad), (*bad, *bad)] {
            let hay = [pre, b" ", card, b" ", post].concat();
            let want = [pre, b" ", masked, b" ", post].concat();
            let fs = r.find_bytes(&hay);
            assert_eq!(fs.len(), 1);
            assert!(r.redact_bytes(&hay)[..] == want[..]);
            let glued = [pre, card, post].concat();
            let want = [pre, masked, post].concat();
            assert!(r.redact_bytes(&glued)[..] == want[..]);
        }
        // Inside a group ("41<bad>11 1111 1111 1111") and between groups
        // ("4111<bad>1111 1111 1111"): an invalid byte is no digit and no
        // separator, so it ends the run. What is left on either side is too
        // short for a card; nothing is found and every byte passes through.
        for at in [2, 4, 7, 9] {
            let hay = [&card[..at], bad, &card[at..]].concat();
            assert!(r.find_bytes(&hay).is_empty(), "invalid byte at {at}");
            assert!(matches!(r.redact_bytes(&hay), Cow::Borrowed(_)));
        }
        // Whatever the position, bytes outside findings pass through and
        // the stream agrees, even one byte at a time.
        for at in 0..=card.len() {
            let hay =
                [b"card ", &card[..at], bad, &card[at..], b" x"].concat();
            let fs = r.find_bytes(&hay);
            let out = r.redact_bytes(&hay);
            assert!(rebuilt(&r, &hay, &fs) == out[..]);
            let (sout, sfs) = stream(&r, &hay, 1);
            assert!(sout == out[..] && sfs == fs);
        }
    }
}

#[test]
fn line_endings_between_groups() {
    let r = Redactor::new();
    for nl in ["\r\n", "\r", "\n"] {
        let card = ["4111", "1111", "1111", "1111"].join(nl);
        let t = format!("card{nl}{card}{nl}thanks");
        let fs = r.find(&t);
        assert_eq!(fs.len(), 1, "line ending {nl:?}");
        assert_eq!(&t[fs[0].span().range()], card);
        let masked = ["****", "****", "****", "1111"].join(nl);
        assert_eq!(r.redact(&t), format!("card{nl}{masked}{nl}thanks"));
    }
}

#[test]
fn pathological_inputs_stream_in_bounded_memory() {
    let r = Redactor::new();
    let units: [&[u8]; 6] =
        [b"7", b"1234 ", b"four ", b"cvv ", b"1 ", b"4111 1111 1111 1111 "];
    for unit in units {
        for size in [256 * 1024, 1024 * 1024] {
            let hay = unit.repeat(size / unit.len());
            let one = r.redact_bytes(&hay);
            let fs = r.find_bytes(&hay);
            let (out, sfs) = stream(&r, &hay, 4096);
            assert!(out == one[..], "stream differs at size {size}");
            assert!(sfs == fs);
        }
    }
}
