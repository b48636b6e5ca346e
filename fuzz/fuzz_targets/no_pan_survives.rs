//! No card number survives default redaction.
//!
//! After `Redactor::new().redact_bytes`, a naive scanner written here,
//! without anything from the crate under test, must find no card number in
//! the output. The naive scanner looks for maximal runs of ASCII digits
//! joined by single spaces or dashes, holding 13 to 19 digits, Luhn-valid,
//! with a Visa (4, 13/16/19 digits), Mastercard (51–55, 16), American
//! Express (34/37, 15) or Discover (6011, 16) prefix.
//!
//! It skips what the crate documents as not a card number, so that a
//! finding here is a miss and not a difference of opinion:
//!
//! * a run glued to a digit on either side (part of a longer number),
//!   zero-width characters in between included (`0\u{AD}4111…` is one
//!   17-digit number: the crate reads zero-width characters through inside
//!   a digit group), or glued to a letter (`abc4111…`, `4111…xyz`: part of
//!   a token) unless it is printed as a card: four or more groups of four
//!   (the last one to four digits) joined by one separator
//!   (`is4111 1111 1111 1111` is a card; `_` is no letter);
//! * a run that starts with at most four digits right after a chain of
//!   eight or more mask characters, separators read through
//!   (`********4012`, `*** ** *** 4012`): the digits a mask kept, which the
//!   crate reads as the start of a card only when the run is printed as a
//!   card (`********4111-1111-1111-1111`);
//! * a run next to a decimal point with a digit (`1.4111…`, `…1111.5`,
//!   zero-width characters read through: an amount);
//! * a run after a word that names another kind of number (`serial 4111…`,
//!   `order #4111…`, `order_id=4111…`, `IMEI …`, within the 80 bytes before
//!   the run: the crate's run may start earlier than this scanner's,
//!   across separators, line breaks, mask characters, number and filler
//!   words, and the word speaks of card windows that start within 64
//!   bytes after it) when it is one block of digits, is not grouped the
//!   way card numbers are printed, is read out one digit per group
//!   (`order number is 4 0 1 2 …`), or may go on
//!   past what this scanner reads as its end (a tracking number printed in
//!   fours: the crate joins digit groups across filler words such as "uh",
//!   "and" or "I", and mask characters after the run may be where it
//!   masked the rest of such a number);
//! * a run right after a `/` that follows a path character (an identifier
//!   in a URL or path, `/tickets/4111…`);
//! * a run in ragged groups (`4111111 011111`) that may continue past what
//!   this scanner reads as its end: the crate joins digit groups across up
//!   to three separators (six in spoken mode, where filler words and number
//!   words join too), and a longer run holds a card at a group boundary
//!   only where the card is grouped as cards are printed. A ragged run is
//!   checked only when no digit, letter, mask character, non-ASCII
//!   character, `%`, `+`, `&` or `\` (a URL-encoded separator, `%20`, the
//!   plus sign of a form-encoded value, an HTML character reference,
//!   `&nbsp;`, and a JSON escape, `\u00a0`, join groups too) stands within
//!   reach on either side.

#![no_main]

use libfuzzer_sys::{fuzz_target, Corpus};
use pci_redact::Redactor;
use std::sync::OnceLock;

fn redactor() -> &'static Redactor {
    static R: OnceLock<Redactor> = OnceLock::new();
    R.get_or_init(Redactor::new)
}

fuzz_target!(|data: &[u8]| -> Corpus {
    if data.len() > 64 * 1024 {
        return Corpus::Reject;
    }
    let out = redactor().redact_bytes(data);
    if let Some((s, e)) = naive_cards(&out).first() {
        // Positions only: the digits themselves are never printed.
        panic!("a card number survived redaction at output bytes {s}..{e}");
    }
    Corpus::Keep
});

/// The character that ends at `i` (decoded leniently), if any.
fn char_before(b: &[u8], i: usize) -> Option<char> {
    let lo = i.saturating_sub(4);
    (lo..i).find_map(|s| {
        std::str::from_utf8(&b[s..i]).ok().and_then(|t| {
            let mut cs = t.chars();
            let c = cs.next()?;
            cs.next().is_none().then_some(c)
        })
    })
}

/// The character that starts at `i`, if any.
fn char_at(b: &[u8], i: usize) -> Option<char> {
    (i + 1..=(i + 4).min(b.len())).find_map(|e| {
        std::str::from_utf8(&b[i..e]).ok().and_then(|t| t.chars().next())
    })
}

/// Zero-width characters and the soft hyphen, which the crate reads
/// through inside a digit group.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}')
}

/// The nearest character before `i` that is not invisible, with its
/// start.
fn visible_before_at(b: &[u8], mut i: usize) -> Option<(char, usize)> {
    loop {
        let c = char_before(b, i)?;
        i -= c.len_utf8();
        if !invisible(c) {
            return Some((c, i));
        }
    }
}

/// The nearest character before `i` that is not invisible.
fn visible_before(b: &[u8], i: usize) -> Option<char> {
    visible_before_at(b, i).map(|(c, _)| c)
}

/// The nearest character at or after `i` that is not invisible, with the
/// index after it.
fn visible_after(b: &[u8], mut i: usize) -> Option<(char, usize)> {
    loop {
        let c = char_at(b, i)?;
        i += c.len_utf8();
        if !invisible(c) {
            return Some((c, i));
        }
    }
}

/// The nearest character at or after `i` that is not invisible.
fn visible_at(b: &[u8], i: usize) -> Option<char> {
    visible_after(b, i).map(|(c, _)| c)
}

/// A digit of any script: a run touching one is part of a longer number.
fn digit(c: Option<char>) -> bool {
    c.is_some_and(char::is_numeric)
}

/// A letter of any script: a run touching one is part of a word, unless it
/// is printed as a card.
fn letter(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() && !c.is_numeric())
}

/// Whether a run is printed as a card: four or more groups, of four digits
/// but the last (one to four), all joined by the same separator.
fn printed(run: &[u8]) -> bool {
    let sizes: Vec<usize> =
        run.split(|c| !c.is_ascii_digit()).map(<[u8]>::len).collect();
    let mut seps = run.iter().filter(|c| !c.is_ascii_digit());
    let first = seps.next();
    let same = seps.all(|c| Some(c) == first);
    let Some((last, init)) = sizes.split_last() else { return false };
    sizes.len() >= 4
        && same
        && init.iter().all(|&n| n == 4)
        && (1..=4).contains(last)
}

/// Card numbers in `b`, as byte spans.
fn naive_cards(b: &[u8]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut digits = Vec::new();
        let mut j = i;
        while j < b.len() {
            if b[j].is_ascii_digit() {
                digits.push(b[j] - b'0');
                j += 1;
                end = j;
            } else if matches!(b[j], b' ' | b'-')
                && j + 1 < b.len()
                && b[j + 1].is_ascii_digit()
            {
                j += 1;
            } else {
                break;
            }
        }
        i = end;
        let printed = printed(&b[start..end]);
        let (before, after) = (visible_before(b, start), visible_at(b, end));
        if digit(before) || digit(after) {
            continue;
        }
        if (letter(before) || letter(after)) && !printed {
            continue;
        }
        // Zero-width characters are read through here too.
        let decimal_before =
            visible_before_at(b, start).is_some_and(|(c, p)| {
                c == '.' && visible_before(b, p).is_some_and(char::is_numeric)
            });
        let decimal_after = visible_after(b, end).is_some_and(|(c, p)| {
            c == '.' && visible_at(b, p).is_some_and(char::is_numeric)
        });
        if decimal_before || decimal_after {
            continue;
        }
        if kept_after_mask(b, start, end) && !printed {
            continue;
        }
        if path_segment(b, start) {
            continue;
        }
        let grouped = card_grouped(&b[start..end]);
        let block = b[start..end].iter().all(u8::is_ascii_digit);
        if !grouped && !block && !isolated(b, start, end) {
            continue;
        }
        // (Digits read out one by one, as speech-to-text writes them, are
        // not grouped by the writer: after such a word they are that
        // number too.)
        let one_by_one =
            b[start..end].split(|c| !c.is_ascii_digit()).all(|g| g.len() == 1);
        let tracking = other_number_before(b, start)
            && (!grouped || one_by_one || digits_follow(b, end));
        if is_card(&digits) && !tracking {
            found.push((start, end));
        }
    }
    found
}

/// Whether the run follows a `/` that follows a path character: maybe an
/// identifier in a URL or a path (`/tickets/4111…`), which the crate leaves
/// alone unless the path names a payment. Broader than the crate's rule,
/// so that what it skips is never counted as a miss.
fn path_segment(b: &[u8], start: usize) -> bool {
    start >= 2
        && b[start - 1] == b'/'
        && (b[start - 2].is_ascii_alphanumeric()
            || matches!(b[start - 2], b'-' | b'_' | b'.' | b'~' | b'%'))
}

/// Whether nothing that could continue a run of digit groups (a digit, a
/// letter that may be a number word, a mask character, a non-ASCII
/// character that may be a digit, a `%` that may start a URL-encoded
/// separator) follows the separators next to `b[start..end]` on either
/// side.
fn isolated(b: &[u8], start: usize, end: usize) -> bool {
    let sep = |c: u8| {
        matches!(
            c,
            b' ' | b'\t' | b'-' | b'.' | b'/' | b',' | b'\n' | b'\r' | b'|'
        )
    };
    let joins = |c: u8| {
        c.is_ascii_alphanumeric()
            || matches!(c, b'*' | b'%' | b'+' | b'&' | b'\\')
            || c >= 0x80
    };
    let mut i = start;
    loop {
        if i > 0 && sep(b[i - 1]) {
            i -= 1;
        } else if let Some(n) = escape_before(b, i) {
            i -= n;
        } else {
            break;
        }
    }
    let mut j = end;
    while j < b.len() && sep(b[j]) {
        j += 1;
    }
    let left = i > 0 && joins(b[i - 1]);
    let right = j < b.len() && joins(b[j]);
    !left && !right
}

/// The length of what may be an escaped character that ends at `i` (the
/// crate reads some as separators): an HTML character reference
/// (`&nbsp;`, `&#160;`), a `\u` escape (`\u00a0`) or a URL-encoded
/// character (`%20`). Broader than the crate's rule, so that a run it joins
/// across one is never counted as a miss.
fn escape_before(b: &[u8], i: usize) -> Option<usize> {
    if i >= 1 && b[i - 1] == b';' {
        let from = i.saturating_sub(8);
        return b[from..i - 1]
            .iter()
            .rposition(|&c| c == b'&')
            .map(|k| i - from - k);
    }
    if i >= 6 && b[i - 6] == b'\\' && b[i - 5] == b'u' {
        return b[i - 4..i].iter().all(u8::is_ascii_hexdigit).then_some(6);
    }
    (i >= 3 && b[i - 3] == b'%').then_some(3)
}

/// Words that say a number is not a card number (the crate's list).
const NOT_A_CARD: &[&str] = &[
    "usps",
    "fedex",
    "dhl",
    "imei",
    "meid",
    "iccid",
    "tracking",
    "order",
    "invoice",
    "ref",
    "reference",
    "confirmation",
    "serial",
    "isbn",
    "iban",
    "routing",
    "transaction",
    "txn",
    "awb",
    "shipment",
    "parcel",
    "ticket",
    "booking",
    "phone",
    "tel",
    "fax",
    "sku",
    "upc",
    "ean",
    "member",
    "policy",
    "claim",
    "case",
    "id",
    "zip",
    "postcode",
];

/// Whether the run starts with at most four digits right after a chain of
/// eight or more mask characters (the crate reads the chain through
/// separators, as a mask keeps the text's grouping: `**** ****
/// ****4012`, `**** **** **** 4012`, and across a speaker label:
/// `**** ****\nCustomer: 4012`): the last digits a mask kept, which no
/// card starts with, whatever digits follow.
fn kept_after_mask(b: &[u8], start: usize, end: usize) -> bool {
    let first =
        b[start..end].iter().take_while(|c| c.is_ascii_digit()).count();
    if first > 4 {
        return false;
    }
    let mut p = start;
    let mut stars = 0;
    loop {
        while p > 0
            && matches!(
                b[p - 1],
                b'*' | b' '
                    | b'\t'
                    | b'-'
                    | b'.'
                    | b'/'
                    | b','
                    | b'\n'
                    | b'\r'
                    | b'|'
            )
        {
            stars += usize::from(b[p - 1] == b'*');
            p -= 1;
        }
        if stars >= 8 {
            return true;
        }
        // The crate reads a card over two turns: a speaker label that
        // starts its line ("Customer: ", maybe after a timestamp it
        // masked) may stand between the mask and the four digits it kept.
        match label_line_start(b, p) {
            Some(q) => p = q,
            None => return false,
        }
    }
}

/// Where the line starts when `b[..p]` ends in a speaker label that starts
/// it: a word glued to a colon, after at most 40 bytes of timestamp
/// (digits, mask characters, brackets, `:`, `/`, `.`, `-`, spaces, "AM").
fn label_line_start(b: &[u8], p: usize) -> Option<usize> {
    if p < 2 || b[p - 1] != b':' || !b[p - 2].is_ascii_alphabetic() {
        return None;
    }
    let mut q = p - 1;
    while q > 0 && b[q - 1].is_ascii_alphabetic() {
        q -= 1;
    }
    let floor = q.saturating_sub(40);
    while q > floor
        && (b[q - 1].is_ascii_alphanumeric()
            || matches!(
                b[q - 1],
                b'*' | b'['
                    | b']'
                    | b'('
                    | b')'
                    | b':'
                    | b'/'
                    | b'.'
                    | b'-'
                    | b' '
            ))
    {
        q -= 1;
    }
    (q > 0 && b[q - 1] == b'\n').then_some(q)
}

/// Whether more digits may follow `end` in the crate's run: an ASCII digit
/// (or a non-ASCII character, which may be one, a `%`, `+`, `&` or `\`,
/// which may start an escaped separator or be a form-encoded space, or a mask
/// character, where the crate masked the rest of the run) within 40 bytes,
/// with only letters (which may be filler or number words: "uh", "and",
/// "I", "one") and separators before it.
fn digits_follow(b: &[u8], end: usize) -> bool {
    b[end..]
        .iter()
        .take(40)
        .find(|c| {
            !(c.is_ascii_alphabetic()
                || matches!(
                    c,
                    b' ' | b'\t'
                        | b'\n'
                        | b'\r'
                        | b'-'
                        | b'.'
                        | b'/'
                        | b','
                        | b'|'
                ))
        })
        .is_some_and(|c| {
            c.is_ascii_digit()
                || matches!(c, b'%' | b'*' | b'+' | b'&' | b'\\')
                || *c >= 0x80
        })
}

/// Whether one of [`NOT_A_CARD`] stands as a whole word within the 64
/// bytes before `start`, after the last number there (digits glued to a
/// letter, as in `cvv2`, belong to a word).
fn other_number_before(b: &[u8], start: usize) -> bool {
    // The crate's run may start well before this scanner's (it joins
    // groups across separators, line breaks, masks, number and filler
    // words), and the word speaks of card windows that start within 64
    // bytes after it: any such word in the 80 bytes before the run counts.
    let lo = start.saturating_sub(80);
    let w = &b[lo..start];
    // `_` joins words in identifiers ("order_id"), so it does not glue.
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    NOT_A_CARD.iter().any(|k| {
        let k = k.as_bytes();
        (0..w.len().saturating_sub(k.len() - 1)).any(|p| {
            w[p..p + k.len()].eq_ignore_ascii_case(k)
                && !letter(char_before(b, lo + p))
                && !letter(char_at(b, lo + p + k.len()))
        })
    })
}

/// Whether a run is grouped the way card numbers are printed: fours with a
/// tail of one to four, 4-6-5 or 4-6-4, or one digit per group. A single
/// block is not grouped.
fn card_grouped(run: &[u8]) -> bool {
    let sizes: Vec<usize> =
        run.split(|c| !c.is_ascii_digit()).map(<[u8]>::len).collect();
    let Some((last, init)) = sizes.split_last() else { return false };
    if init.is_empty() {
        return false;
    }
    sizes.iter().all(|&n| n == 1)
        || init.iter().all(|&n| n == 4) && (1..=4).contains(last)
        || matches!(sizes.as_slice(), [4, 6, 5] | [4, 6, 4])
}

fn luhn(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = u32::from(x);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

fn is_card(d: &[u8]) -> bool {
    if !(13..=19).contains(&d.len()) || !luhn(d) {
        return false;
    }
    let p2 = d[0] * 10 + d[1];
    let p4 = u32::from(p2) * 100 + u32::from(d[2] * 10 + d[3]);
    match d[0] {
        4 => [13, 16, 19].contains(&d.len()),
        5 if (51..=55).contains(&p2) => d.len() == 16,
        3 if p2 == 34 || p2 == 37 => d.len() == 15,
        6 if p4 == 6011 => d.len() == 16,
        _ => false,
    }
}
