//! Context keywords: the words that make a short number a CVV, a PIN, an
//! expiry date or an SSN, that make an unusual card number a card, and that
//! mark a Luhn-valid number as something else (an IMEI, a tracking number).

use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::{dfa::DFA, Anchored, MatchKind};

use crate::chars::{self, Class};

/// What a keyword says about a number near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cat {
    /// "card", "visa", "credit": a card number.
    Card,
    /// "cvv", "security code": a CVV.
    Cvv,
    /// "exp", "expires", "valid thru": an expiry date.
    Expiry,
    /// "ssn", "social security": an SSN.
    Ssn,
    /// "pin", "passcode": a PIN.
    Pin,
    /// "imei", "tracking", "order": not a card number.
    Other,
}

#[rustfmt::skip]
static WORDS: &[(&str, Cat)] = &[
    ("card", Cat::Card), ("cards", Cat::Card), ("credit", Cat::Card),
    ("debit", Cat::Card), ("visa", Cat::Card), ("mastercard", Cat::Card),
    ("master card", Cat::Card), ("amex", Cat::Card),
    ("american express", Cat::Card), ("discover", Cat::Card),
    ("cc", Cat::Card), ("ccn", Cat::Card), ("cc#", Cat::Card),
    ("pan", Cat::Card), ("long number", Cat::Card),
    ("card number", Cat::Card), ("card no", Cat::Card),
    ("maestro", Cat::Card), ("jcb", Cat::Card), ("diners", Cat::Card),
    ("unionpay", Cat::Card),
    ("cvv", Cat::Cvv), ("cvv2", Cat::Cvv), ("cvc", Cat::Cvv),
    ("back code", Cat::Cvv),
    ("cvc2", Cat::Cvv), ("cid", Cat::Cvv), ("csc", Cat::Cvv),
    ("cvn", Cat::Cvv), ("cvn2", Cat::Cvv), ("cav", Cat::Cvv),
    ("cav2", Cat::Cvv), ("cvd", Cat::Cvv), ("security code", Cat::Cvv),
    ("cv2", Cat::Cvv), ("cv code", Cat::Cvv), ("ccv", Cat::Cvv),
    ("security number", Cat::Cvv), ("security digits", Cat::Cvv),
    ("sec code", Cat::Cvv), ("sec. code", Cat::Cvv),
    ("code on back", Cat::Cvv), ("verification code", Cat::Cvv),
    ("verification number", Cat::Cvv), ("verification value", Cat::Cvv),
    ("card verification", Cat::Cvv), ("code at the back", Cat::Cvv),
    ("card code", Cat::Cvv), ("4 digit code", Cat::Cvv),
    ("4-digit code", Cat::Cvv), ("code on the front", Cat::Cvv),
    ("digits on the front", Cat::Cvv), ("number on the front", Cat::Cvv),
    ("front of the card", Cat::Cvv), ("front of your card", Cat::Cvv),
    ("c v v", Cat::Cvv), ("c v c", Cat::Cvv), ("see vee vee", Cat::Cvv),
    ("three digit", Cat::Cvv), ("three digits", Cat::Cvv),
    ("3 digits", Cat::Cvv),
    ("3 digit", Cat::Cvv), ("3-digit", Cat::Cvv), ("four digit code", Cat::Cvv),
    ("four-digit code", Cat::Cvv),
    ("on the back", Cat::Cvv), ("back of the card", Cat::Cvv),
    ("back of your card", Cat::Cvv), ("digits on the back", Cat::Cvv),
    ("digits at the back", Cat::Cvv), ("numbers at the back", Cat::Cvv),
    ("number at the back", Cat::Cvv), ("code from the back", Cat::Cvv),
    ("digits from the back", Cat::Cvv),
    ("numbers from the back", Cat::Cvv),
    ("number from the back", Cat::Cvv), ("back of card", Cat::Cvv),
    ("on the reverse", Cat::Cvv), ("signature panel", Cat::Cvv),
    ("signature strip", Cat::Cvv),
    ("exp", Cat::Expiry), ("expiry", Cat::Expiry), ("expires", Cat::Expiry),
    ("expire", Cat::Expiry), ("expired", Cat::Expiry),
    ("expiring", Cat::Expiry), ("expiration", Cat::Expiry),
    ("exp date", Cat::Expiry), ("exp.", Cat::Expiry),
    ("valid thru", Cat::Expiry), ("valid through", Cat::Expiry),
    ("valid until", Cat::Expiry), ("valid till", Cat::Expiry),
    ("valid to", Cat::Expiry), ("good till", Cat::Expiry),
    ("good thru", Cat::Expiry),
    ("good through", Cat::Expiry), ("good until", Cat::Expiry),
    ("date on the card", Cat::Expiry), ("date on your card", Cat::Expiry),
    ("mm/yy", Cat::Expiry), ("month/year", Cat::Expiry),
    ("month and year", Cat::Expiry),
    ("ccexp", Cat::Expiry), ("cc-exp", Cat::Expiry),
    ("ssn", Cat::Ssn), ("ss#", Cat::Ssn), ("social security", Cat::Ssn),
    ("social", Cat::Ssn), ("soc sec", Cat::Ssn), ("s s n", Cat::Ssn),
    ("ssn#", Cat::Ssn), ("ss number", Cat::Ssn), ("ss no", Cat::Ssn),
    ("ss num", Cat::Ssn),
    ("pin", Cat::Pin), ("pin number", Cat::Pin), ("pin code", Cat::Pin),
    ("passcode", Cat::Pin), ("pass code", Cat::Pin),
    // A code sent for one sign-in is no card's PIN.
    ("one-time passcode", Cat::Other), ("one time passcode", Cat::Other),
    ("one-time pin", Cat::Other), ("one time pin", Cat::Other),
    ("imei", Cat::Other), ("meid", Cat::Other), ("iccid", Cat::Other),
    ("tracking", Cat::Other), ("usps", Cat::Other),
    ("fedex", Cat::Other), ("dhl", Cat::Other), ("order", Cat::Other), ("invoice", Cat::Other),
    ("ref", Cat::Other), ("reference", Cat::Other),
    ("confirmation", Cat::Other), ("serial", Cat::Other),
    ("isbn", Cat::Other), ("iban", Cat::Other), ("routing", Cat::Other),
    ("transaction", Cat::Other), ("txn", Cat::Other), ("awb", Cat::Other),
    ("shipment", Cat::Other), ("parcel", Cat::Other), ("ticket", Cat::Other),
    ("booking", Cat::Other), ("phone", Cat::Other), ("tel", Cat::Other),
    ("fax", Cat::Other), ("sku", Cat::Other), ("upc", Cat::Other),
    ("ean", Cat::Other),
    ("member", Cat::Other), ("policy", Cat::Other), ("claim", Cat::Other),
    ("case", Cat::Other), ("id", Cat::Other), ("zip", Cat::Other),
    ("postcode", Cat::Other),
];

/// Words that take back the number before them for the one after
/// ("cvv 123, sorry, I mean 132", "exp 04/26, no wait, 05/27"): the number
/// after reads the keyword of the number before ([`correction`]). Each is
/// also a word [`Keywords::names_finding`] finds, so that the quick
/// readings of numbers, which read keywords back to the number before
/// only, leave a number after one to the full reading.
pub(crate) const CORRECTIONS: &[&str] = &[
    "sorry",
    "mean",
    "meant",
    "wait",
    "actually",
    "oops",
    "correction",
    "rather",
    "scratch",
    "no",
    "nope",
    "mistake",
];

/// Whether `w` is a correction and nothing else: words of [`CORRECTIONS`],
/// at least one, and words that may stand with them ("I mean", "no, wait,
/// it's", "my bad", "scratch that", "or rather", "um";
/// [`correction_word`]), with spaces and punctuation between them, on one
/// line ("sorry", ", no wait, ", " - I mean ").
pub(crate) fn correction(w: &[u8]) -> bool {
    let mut taken_back = false;
    let mut i = 0;
    while i < w.len() {
        let b = w[i];
        if b.is_ascii_alphabetic() {
            let mut e = i + 1;
            while e < w.len() && (w[e].is_ascii_alphabetic() || w[e] == b'\'')
            {
                e += 1;
            }
            match correction_word(&w[i..e]) {
                Some(back) => taken_back |= back,
                None => return false,
            }
            i = e;
        } else if correction_gap(b) {
            i += 1;
        } else {
            return false;
        }
    }
    taken_back
}

/// Whether `b` may stand between the words of a correction: a space, a
/// tab or punctuation ([`correction`]).
#[inline]
fn correction_gap(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b',' | b'.' | b'!' | b';' | b':' | b'-')
}

/// Whether the first letter in `w`, after spaces and punctuation, may
/// start a [`correction`]: a quick test that turns down most words after a
/// number ("port", "for", "pin").
#[inline]
pub(crate) fn may_start_correction(w: &[u8]) -> bool {
    // The first letters of the words [`correction_word`] knows, by their
    // low five bits.
    const FIRST: u32 = {
        let mut m = 0u32;
        let letters = b"smwaocrnitblueh";
        let mut i = 0;
        while i < letters.len() {
            m |= 1 << (letters[i] & 31);
            i += 1;
        }
        m
    };
    w.iter().find(|&&b| !correction_gap(b)).is_some_and(|&b| {
        b.is_ascii_alphabetic() && FIRST >> (b & 31) & 1 != 0
    })
}

/// `Some(true)` for a word of [`CORRECTIONS`], `Some(false)` for a word
/// that may stand with one, in any case; `None` for any other. (One match on
/// the lower-cased word: most words after a number are none, and are told
/// at once.)
fn correction_word(word: &[u8]) -> Option<bool> {
    let mut b = [0u8; 10];
    let lower = b.get_mut(..word.len())?;
    for (d, c) in lower.iter_mut().zip(word) {
        *d = c.to_ascii_lowercase();
    }
    match &*lower {
        b"sorry" | b"mean" | b"meant" | b"wait" | b"actually" | b"oops"
        | b"correction" | b"rather" | b"scratch" | b"no" | b"nope"
        | b"mistake" => Some(true),
        b"i" | b"i'm" | b"im" | b"it" | b"it's" | b"its" | b"is" | b"that"
        | b"that's" | b"make" | b"my" | b"bad" | b"or" | b"let" | b"me"
        | b"correct" | b"uh" | b"um" | b"umm" | b"er" | b"erm" | b"ah"
        | b"hmm" | b"ok" | b"okay" | b"oh" => Some(false),
        _ => None,
    }
}

/// No keyword, in any spelling the table compiles, holds more than this
/// many bytes in a row that are no ASCII letters ("4 digit code"): text
/// with no letters in it for longer holds no keyword across it.
pub(crate) const NON_LETTER_RUN: usize = 2;

/// Whether `w` holds "pin", "passc", "pass c", "pass_c" or "pass-c" in
/// any case: a quick test that a PIN keyword ([`Cat::Pin`]), in any of the
/// spellings the keyword table compiles, may be there. "password" does not
/// pass it.
pub(crate) fn mentions_pin(w: &[u8]) -> bool {
    letter_then(w, b'p', *b"iaia", |rest| {
        rest.get(..2).is_some_and(|x| x.eq_ignore_ascii_case(b"in"))
            || rest.get(..3).is_some_and(|x| x.eq_ignore_ascii_case(b"ass"))
                && match rest.get(3..5) {
                    Some([b' ' | b'_' | b'-', c]) => c | 0x20 == b'c',
                    _ => rest.get(3).is_some_and(|c| c | 0x20 == b'c'),
                }
    })
}

/// Whether `w` holds "exp", "valid", "good", "date", "mm/yy" or "month"
/// in any case: a quick test that an expiry keyword ([`Cat::Expiry`]), in
/// any of the spellings the keyword table compiles, may be there.
pub(crate) fn mentions_expiry(w: &[u8]) -> bool {
    let then = |rest: &[u8], s: &[u8]| {
        rest.get(..s.len()).is_some_and(|x| x.eq_ignore_ascii_case(s))
    };
    letter_then(w, b'e', *b"xxxx", |r| then(r, b"xp"))
        || letter_then(w, b'd', *b"aaaa", |r| then(r, b"ate"))
        || letter_then(w, b'v', *b"aaaa", |r| then(r, b"alid"))
        || letter_then(w, b'g', *b"oooo", |r| then(r, b"ood"))
        || letter_then(w, b'm', *b"mmoo", |r| {
            then(r, b"m/yy") || then(r, b"onth")
        })
}

/// Whether `w` holds "ss", "soc", "s s" or "s_s" in any case: a quick
/// test that an SSN keyword ([`Cat::Ssn`]), in any of the spellings the
/// keyword table compiles, may be there.
pub(crate) fn mentions_ssn(w: &[u8]) -> bool {
    // (`_` folds to 0x7F.)
    letter_then(w, b's', [b's', b'o', b' ', b'_' | 0x20], |rest| {
        rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b's'))
            || rest.get(..2).is_some_and(|x| {
                x.eq_ignore_ascii_case(b"oc")
                    || matches!(x[0], b' ' | b'_')
                        && x[1].eq_ignore_ascii_case(&b's')
            })
    })
}

/// Whether some lower-case ASCII `letter` in `w`, in either case, is
/// followed by bytes that `rest` accepts; `rest` accepts nothing that does
/// not start with one of `next` once case folded (`| 0x20`). Sixteen
/// bytes at a time with SSE2, reading the letter and the byte after it
/// ([`crate::simd::letter_then`]), else eight: these quick tests run on
/// the look-behind of most numbers in logs.
#[inline]
pub(crate) fn letter_then(
    w: &[u8],
    letter: u8,
    next: [u8; 4],
    rest: impl Fn(&[u8]) -> bool,
) -> bool {
    #[cfg(target_arch = "x86_64")]
    if let Some(found) = crate::simd::letter_then(w, letter, next, &rest) {
        return found;
    }
    let _ = next;
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let at = |i: usize| w[i] | 0x20 == letter && rest(&w[i + 1..]);
    let mut i = 0;
    while i + 8 <= w.len() {
        let x = u64::from_le_bytes(w[i..i + 8].try_into().expect("8 bytes"));
        // Zero bytes where the letter is (`| 0x20` folds the case); a
        // byte above a zero one may be flagged too, and is checked.
        let v = (x | (LO * 0x20)) ^ (LO * u64::from(letter));
        let mut z = v.wrapping_sub(LO) & !v & HI;
        while z != 0 {
            if at(i + z.trailing_zeros() as usize / 8) {
                return true;
            }
            z &= z - 1;
        }
        i += 8;
    }
    (i..w.len()).any(at)
}

/// Whether the "pin" at `hay[s..e]` is the verb ("I pin it at eleven
/// thirty", "pin this to the top"): an object pronoun or "down" after it.
fn pinned(hay: &[u8], s: usize, e: usize) -> bool {
    const OBJECTS: &[&[u8]] = &[b"it", b"them", b"this", b"that", b"down"];
    if !hay[s..e].eq_ignore_ascii_case(b"pin") || hay.get(e) != Some(&b' ') {
        return false;
    }
    let rest = &hay[e + 1..];
    let n =
        rest.iter().take(5).take_while(|b| b.is_ascii_alphabetic()).count();
    n < 5
        && !rest.get(n).is_some_and(u8::is_ascii_alphanumeric)
        && OBJECTS.iter().any(|o| rest[..n].eq_ignore_ascii_case(o))
}

/// The keyword table's patterns and the category of each: every phrase
/// also as field names write it ("security_code", "card-number",
/// "exp_date", "securityCode") and as "three-digit code" is written.
fn patterns() -> (Vec<String>, Vec<Cat>) {
    let mut pats: Vec<String> = Vec::new();
    let mut cats = Vec::new();
    for &(w, c) in WORDS {
        pats.push(w.to_owned());
        cats.push(c);
        if w.contains(' ') {
            pats.push(w.replace(' ', "_"));
            cats.push(c);
            if hyphenated(w) {
                pats.push(w.replace(' ', "-"));
                cats.push(c);
            }
            // "securityCode", "cardNumber", "expDate".
            pats.push(w.replace(' ', ""));
            cats.push(c);
        }
    }
    (pats, cats)
}

/// The patterns [`Keywords::names_finding`] looks for: those of `pats`
/// whose category (`cats`) makes a finding, and the [`CORRECTIONS`].
fn naming_patterns<'a>(pats: &'a [String], cats: &[Cat]) -> Vec<&'a str> {
    pats.iter()
        .zip(cats)
        .filter(|&(_, &c)| c != Cat::Other)
        .map(|(p, _)| p.as_str())
        .chain(CORRECTIONS.iter().copied())
        .collect()
}

/// Whether a phrase of the table is also written with hyphens ("security
/// code" as "security-code", "four digit code" as "four-digit-code"): all
/// but the ones spelt out letter by letter ("s s n", "c v v").
fn hyphenated(phrase: &str) -> bool {
    phrase.split(' ').all(|w| w.len() > 1)
}

/// A keyword automaton laid out for walking short stretches a byte at a
/// time: the states of an aho-corasick DFA that its unanchored start
/// reaches, renumbered so that one comparison tells the ordinary states
/// from the special ones (the dead state and the match states), over byte
/// classes of its own. Each step is a class look-up, a table read, a
/// shift and one comparison; the library's own walk through its [`Automaton`]
/// interface tells a special state with more tests, and on the
/// look-behinds of numbers in logs the walk read them on every byte.
/// Built from the library's automaton, so it matches what that matches.
struct Walker {
    /// The class of each byte.
    classes: [u8; 256],
    /// The next state of each state and class, as its place in the order
    /// of states: two bytes, half the table of premultiplied four-byte ids
    /// (which is more than a core's L2 cache; logs and delimited rows ran
    /// about 1.02x faster on the smaller one).
    trans: Vec<u16>,
    /// The unanchored start state.
    start: u32,
    /// States from here on are special ([`Walker::ends`]).
    special: u32,
    /// The dead state (after which no match starts), if the automaton has
    /// one: a leftmost-longest automaton dies after a match.
    dead: Option<u32>,
    /// The base-2 logarithm of the distance between two states' rows: the
    /// number of classes, rounded up to a power of two.
    shift: u32,
    /// For each special state, in order from [`Walker::special`]: the
    /// patterns that end there, as `(pattern, length)`, in the library's
    /// order (the first is the one a leftmost-longest search reports).
    ends: Vec<Vec<(u32, u32)>>,
}

impl Walker {
    /// The walker for `dfa`, built from `patterns` (ASCII, matched in any
    /// case), which must have an unanchored start state.
    fn new(dfa: &DFA, patterns: &[&str]) -> Walker {
        // Bytes that no pattern holds, in either case, all lead every state
        // where the first of them does: one class. Each letter of the
        // patterns is a class with its other case, each other byte of
        // them a class of its own.
        let mut classes = [0u8; 256];
        let mut reps = vec![0u8];
        for b in patterns.iter().flat_map(|p| p.bytes()) {
            let b = b.to_ascii_lowercase();
            if classes[usize::from(b)] == 0 {
                let c = u8::try_from(reps.len()).expect("at most 256 classes");
                classes[usize::from(b)] = c;
                classes[usize::from(b.to_ascii_uppercase())] = c;
                reps.push(b);
            }
        }
        let Ok(start) = dfa.start_state(Anchored::No) else {
            unreachable!("an unanchored automaton has a start state")
        };
        // Every state the start reaches, and where each class takes it.
        const NONE: usize = usize::MAX;
        let mut ids = vec![start];
        let mut index = vec![NONE; start.as_usize() + 1];
        index[start.as_usize()] = 0;
        // (Row `s` of `next`, `reps.len()` long, holds state `s`'s.)
        let mut next: Vec<usize> = Vec::with_capacity(1024 * reps.len());
        let mut i = 0;
        while i < ids.len() {
            for &b in &reps {
                let to = dfa.next_state(Anchored::No, ids[i], b);
                let sid = to.as_usize();
                if index.len() <= sid {
                    index.resize(sid + 1, NONE);
                }
                if index[sid] == NONE {
                    index[sid] = ids.len();
                    ids.push(to);
                }
                next.push(index[sid]);
            }
            i += 1;
        }
        // The ordinary states first, then the special ones.
        let special = |sid| dfa.is_dead(sid) || dfa.is_match(sid);
        let mut order: Vec<usize> =
            (0..ids.len()).filter(|&s| !special(ids[s])).collect();
        let n_plain = order.len();
        order.extend((0..ids.len()).filter(|&s| special(ids[s])));
        let mut new_id = vec![0usize; ids.len()];
        for (k, &s) in order.iter().enumerate() {
            new_id[s] = k;
        }
        let stride = reps.len().next_power_of_two();
        let id = |s: usize| {
            u32::try_from(new_id[s] * stride).expect("table fits u32 ids")
        };
        let mut trans = vec![0u16; ids.len() * stride];
        for (s, row) in next.chunks(reps.len()).enumerate() {
            for (c, &to) in row.iter().enumerate() {
                trans[new_id[s] * stride + c] =
                    u16::try_from(new_id[to]).expect("at most 65536 states");
            }
        }
        let ends = order[n_plain..]
            .iter()
            .map(|&s| {
                let sid = ids[s];
                if dfa.is_dead(sid) {
                    return Vec::new();
                }
                (0..dfa.match_len(sid))
                    .map(|k| {
                        let pid = dfa.match_pattern(sid, k);
                        (pid.as_u32(), dfa.pattern_len(pid) as u32)
                    })
                    .collect()
            })
            .collect();
        let dead = (0..ids.len()).find(|&s| dfa.is_dead(ids[s])).map(id);
        Walker {
            classes,
            trans,
            start: id(0),
            special: u32::try_from(n_plain * stride)
                .expect("table fits u32 ids"),
            dead,
            shift: stride.trailing_zeros(),
            ends,
        }
    }

    /// The state after `sid` reads `b`.
    #[inline(always)]
    fn step(&self, sid: u32, b: u8) -> u32 {
        let to = self.trans
            [sid as usize + usize::from(self.classes[usize::from(b)])];
        u32::from(to) << self.shift
    }

    /// Walks `hay[i..end]` from `sid` up to the first special state:
    /// that state and the offset after the byte that led there, or the
    /// state at `end`.
    #[inline(always)]
    fn run(
        &self,
        mut sid: u32,
        hay: &[u8],
        mut i: usize,
        end: usize,
    ) -> (u32, usize) {
        while i < end {
            sid = self.step(sid, hay[i]);
            i += 1;
            if sid >= self.special {
                break;
            }
        }
        (sid, i)
    }

    /// The patterns that end at special state `sid`: `(pattern, length)`.
    fn ends(&self, sid: u32) -> &[(u32, u32)] {
        &self.ends[((sid - self.special) >> self.shift) as usize]
    }
}

/// Leftmost-longest keyword matches in `hay[at..end]`, as
/// [`aho_corasick::AhoCorasick::find_iter`] finds them with a
/// leftmost-longest automaton: `(start, end, pattern)`, each search
/// starting where the last match ended. The automaton is walked a byte at
/// a time ([`Walker`]); on the short windows read here that costs less
/// than a search through the general interface.
struct Leftmost<'a> {
    walk: &'a Walker,
    hay: &'a [u8],
    at: usize,
    end: usize,
}

impl Iterator for Leftmost<'_> {
    type Item = (usize, usize, usize);

    fn next(&mut self) -> Option<Self::Item> {
        let walk = self.walk;
        let mut sid = walk.start;
        let mut found = None;
        let mut i = self.at;
        // The last match state seen before the automaton dies (or the
        // text ends) is the leftmost-longest match.
        while i < self.end {
            (sid, i) = walk.run(sid, self.hay, i, self.end);
            if sid < walk.special {
                break;
            }
            if Some(sid) == walk.dead {
                break;
            }
            let (pid, len) = walk.ends(sid)[0];
            found = Some((i - len as usize, i, pid as usize));
        }
        self.at = found.map_or(self.end, |m| m.1);
        found
    }
}

/// The library's automaton for `patterns` in any ASCII case, searched
/// without a prefilter: the windows searched are short (a look-behind of
/// 64 bytes, a few words after a number), and a prefilter costs more to
/// start than the automaton takes to read them.
fn keyword_dfa(patterns: &[&str], kind: MatchKind) -> DFA {
    aho_corasick::dfa::Builder::new()
        .ascii_case_insensitive(true)
        .match_kind(kind)
        .prefilter(false)
        .build(patterns)
        .expect("keyword table compiles")
}

/// The fields a list of keywords names, in order ([`Keywords::listed`]);
/// empty (`n == 0`) when no such list ends the stretch read.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Listed {
    cats: [Cat; 6],
    n: usize,
}

impl Default for Listed {
    fn default() -> Listed {
        Listed { cats: [Cat::Other; 6], n: 0 }
    }
}

impl Listed {
    /// The first field of the list, in its order, that `fits` accepts
    /// (a card aside: its numbers are told apart by their own rules).
    pub(crate) fn first_fitting(
        &self,
        fits: impl Fn(Cat) -> bool,
    ) -> Option<Cat> {
        self.cats[..self.n]
            .iter()
            .copied()
            .find(|&c| c != Cat::Card && fits(c))
    }

    /// The fields the list names, as bits ([`cat_bit`]).
    pub(crate) fn bits(&self) -> u8 {
        self.cats[..self.n].iter().fold(0, |b, &c| b | cat_bit(c))
    }
}

/// The bit of a category in a set of them.
pub(crate) fn cat_bit(c: Cat) -> u8 {
    1 << c as u8
}

/// Whether a keyword that starts at `ks` may end a list of them
/// ([`list_joint`]): a comma, a slash, "&", "+", "and" or "plus" stands
/// before it, read back over spaces and up to three small words, no
/// further back than `lo`.
pub(crate) fn joint_before(hay: &[u8], lo: usize, ks: usize) -> bool {
    let mut p = ks;
    let mut small = 0;
    loop {
        while p > lo && matches!(hay[p - 1], b' ' | b'\t') {
            p -= 1;
        }
        if p == lo {
            return false;
        }
        match hay[p - 1] {
            b',' | b'/' | b'&' | b'+' => return true,
            b if !b.is_ascii_alphabetic() => return false,
            _ => {}
        }
        // The word that ends at `p`, lower-cased (no joint or small word
        // is longer than six letters).
        let mut word = [0u8; 6];
        let mut n = 0;
        while p > lo && hay[p - 1].is_ascii_alphabetic() {
            if n == word.len() {
                return false;
            }
            word[n] = hay[p - 1].to_ascii_lowercase();
            n += 1;
            p -= 1;
        }
        word[..n].reverse();
        let w = &word[..n];
        if JOINS.contains(&w) {
            return true;
        }
        if !SMALL.contains(&w) || small == 3 {
            return false;
        }
        small += 1;
    }
}

/// The words that join keywords in a list ([`list_joint`]).
const JOINS: &[&[u8]] = &[b"and", b"plus"];

/// The small words that may stand between them.
const SMALL: &[&[u8]] =
    &[b"the", b"your", b"its", b"also", b"date", b"number", b"then"];

/// Whether the text between two keywords joins them in a list of fields
/// ([`Keywords::listed`]): spaces, at least one comma, slash, "&", "+",
/// "and" or "plus", and at most four words in all ("expiration
/// date and security code", "card number, exp", "exp/cvv", "expiry and
/// the cvv"), in at most 24 bytes.
fn list_joint(gap: &[u8]) -> bool {
    if gap.is_empty() || gap.len() > 24 {
        return false;
    }
    let mut joined = false;
    let mut words = 0;
    let mut p = 0;
    while p < gap.len() {
        let b = gap[p];
        if b.is_ascii_alphabetic() {
            let q = p + gap[p..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            let w = &gap[p..q];
            let is = |list: &[&[u8]]| {
                list.iter().any(|x| w.eq_ignore_ascii_case(x))
            };
            if is(JOINS) {
                joined = true;
            } else if !is(SMALL) {
                return false;
            }
            words += 1;
            p = q;
            continue;
        }
        match b {
            b',' | b'/' | b'&' | b'+' => joined = true,
            b' ' | b'\t' => {}
            _ => return false,
        }
        p += 1;
    }
    joined && words <= 4
}

/// The compiled keyword table.
pub(crate) struct Keywords {
    /// All keywords, leftmost-longest ([`Leftmost`]).
    ac: Walker,
    /// The category of each pattern of `ac`.
    cats: Vec<Cat>,
    /// The patterns of the categories that make a finding (all but
    /// [`Cat::Other`]), matched at every occurrence, overlapping ones too
    /// ([`Keywords::names_finding`]): an automaton walked a byte at a time
    /// here ([`Walker`]), which on the short stretches read costs less
    /// than a search through the general interface.
    naming: Walker,
    /// The length of the longest pattern of `naming`.
    naming_len: usize,
    /// The first two bytes of the patterns of `naming`.
    naming_starts: Starts,
}

/// The first two bytes of a set of patterns of two bytes or more, in any
/// ASCII case: where the first occurrence of any of them may start is
/// told a byte pair at a time, each pair with three table reads that no
/// other pair waits for ([`Starts::find`]). An automaton's walk waits for
/// each state before it reads the next byte.
struct Starts {
    /// For each byte, a number for it among the bytes that stand first or
    /// second in some pattern (case folded), or 0.
    class: [u8; 256],
    /// For each class of a first byte, the classes of the second bytes
    /// that follow it in some pattern, as bits (bit 0, no class, never).
    seconds: [u64; 64],
}

impl Starts {
    fn new(patterns: &[&str]) -> Starts {
        let mut class = [0u8; 256];
        let mut seconds = [0u64; 64];
        let mut next = 1u8;
        let mut class_of = |b: u8, class: &mut [u8; 256]| {
            let b = b.to_ascii_lowercase();
            if class[usize::from(b)] == 0 {
                assert!(next < 64, "at most 63 first and second bytes");
                class[usize::from(b)] = next;
                class[usize::from(b.to_ascii_uppercase())] = next;
                next += 1;
            }
            class[usize::from(b)]
        };
        for p in patterns {
            let p = p.as_bytes();
            assert!(p.len() >= 2, "patterns have two bytes or more");
            let c1 = class_of(p[0], &mut class);
            let c2 = class_of(p[1], &mut class);
            seconds[usize::from(c1)] |= 1 << c2;
        }
        Starts { class, seconds }
    }

    /// The first index in `hay[lo..hi]` where the first two bytes of a
    /// pattern stand, both in `hay[lo..hi]`; `hi` when there is none.
    #[inline]
    fn find(&self, hay: &[u8], lo: usize, hi: usize) -> usize {
        let w = &hay[lo..hi];
        let class = |b: u8| self.class[usize::from(b)];
        if w.len() < 2 {
            return hi;
        }
        // The second bytes that may follow the byte before, carried from
        // one byte to the next: one class look-up a byte.
        let mut follow = self.seconds[usize::from(class(w[0]))];
        let mut i = 1;
        while i < w.len() {
            let c = class(w[i]);
            if follow >> c & 1 != 0 {
                return lo + i - 1;
            }
            follow = self.seconds[usize::from(c)];
            i += 1;
        }
        hi
    }
}

impl Keywords {
    /// The table, compiled once per process.
    pub(crate) fn get() -> &'static Keywords {
        static K: OnceLock<Keywords> = OnceLock::new();
        K.get_or_init(|| {
            let (pats, cats) = patterns();
            let naming = naming_patterns(&pats, &cats);
            let all: Vec<&str> = pats.iter().map(String::as_str).collect();
            let naming_dfa = keyword_dfa(&naming, MatchKind::Standard);
            let ac = keyword_dfa(&all, MatchKind::LeftmostLongest);
            Keywords {
                naming_starts: Starts::new(&naming),
                naming: Walker::new(&naming_dfa, &naming),
                naming_len: naming_dfa.max_pattern_len(),
                ac: Walker::new(&ac, &all),
                cats,
            }
        })
    }

    /// Whether some keyword that makes a finding (of any category but
    /// [`Cat::Other`]), or a word of [`CORRECTIONS`] that passes one on to
    /// the next number, may stand in `hay[lo..hi]`: an occurrence, any of
    /// them (overlapping ones too), with no ASCII letter glued to it on
    /// either side but at a camelCase boundary, as [`Keywords::matches`]
    /// requires of a keyword. (At the very start of `hay`, or with a
    /// letter outside ASCII next to it, it counts.) When none does, no
    /// look-up in any part of `hay[lo..hi]` finds one; whether one counts
    /// depends on its position only, so a stretch found to hold none
    /// holds none for any later window either.
    pub(crate) fn names_finding(
        &self,
        hay: &[u8],
        lo: usize,
        hi: usize,
    ) -> bool {
        let w = &hay[lo..hi];
        if !w.iter().any(u8::is_ascii_alphabetic) {
            return false;
        }
        let glued = |a: u8, b: u8| {
            a.is_ascii_alphabetic()
                && b.is_ascii_alphabetic()
                && !(a.is_ascii_lowercase() && b.is_ascii_uppercase())
        };
        // Every occurrence ends where the automaton stands in a match
        // state, which lists each keyword that ends there (those of its
        // failure states too, as an overlapping search reads them).
        let walk = &self.naming;
        let mut sid = walk.start;
        // (The walk from the first place a pattern may start finds what a
        // walk from `lo` finds: no pattern starts before it.)
        let mut e = self.naming_starts.find(hay, lo, hi);
        while e < hi {
            (sid, e) = walk.run(sid, hay, e, hi);
            if sid < walk.special {
                break;
            }
            for &(_, len) in walk.ends(sid) {
                let s = e - len as usize;
                // (After a URL-encoded character, "%5Bcvc", it stands.)
                if (s == 0
                    || !glued(hay[s - 1], hay[s])
                    || chars::escape_before(hay, 0, s))
                    && (e >= hay.len() || !glued(hay[e - 1], hay[e]))
                {
                    return true;
                }
            }
        }
        false
    }

    /// The length of the longest keyword [`Keywords::names_finding`]
    /// looks for.
    pub(crate) fn naming_len(&self) -> u64 {
        self.naming_len as u64
    }

    /// Keyword matches in `hay[lo..hi]` that stand as whole words; the
    /// character before one is read no further back than `floor`.
    fn matches<'a>(
        &'a self,
        hay: &'a [u8],
        floor: usize,
        lo: usize,
        hi: usize,
    ) -> impl Iterator<Item = (usize, usize, Cat)> + 'a {
        // Every keyword has letters; most windows next to numbers in logs
        // have none.
        let hi = if hay[lo..hi].iter().any(u8::is_ascii_alphabetic) {
            hi
        } else {
            lo
        };
        let mut found = Leftmost { walk: &self.ac, hay, at: lo, end: hi };
        // A shorter match at the start of one turned down, to read next.
        let mut shorter = None;
        std::iter::from_fn(move || loop {
            let (s, e, pattern) = match shorter.take() {
                Some(m) => m,
                None => found.next()?,
            };
            let cat = self.cats[pattern];
            // (A URL-encoded character before a keyword is a boundary, as
            // the character itself would be: "card%5Bcvc%5D=123". Only for
            // the words that find numbers, as inside camelCase below: a
            // not-a-card word hides a card, and "%3Diban" glued to the
            // escape's letter is read as glued.)
            let before = if cat != Cat::Other
                && chars::escape_before(hay, floor.min(lo), s)
            {
                Class::Other
            } else {
                chars::class_before(hay, floor.min(lo), s)
            };
            let after = if e < hay.len() {
                chars::classify(hay, e).0
            } else {
                Class::Other
            };
            // ("_" is no letter: "cvv_code=" and "card_no:" are keywords.)
            // Right after a digit a keyword written in hexadecimal letters
            // is part of a token, such as the "cc" of the ids "25cc18" and
            // "d29cc"; "1111exp06/17" is a typo. A digit may follow one
            // ("cvv:123", "exp12/27").
            let hex = hay[s..e].iter().all(u8::is_ascii_hexdigit);
            // A camelCase field name has word boundaries inside it:
            // "expiryMonth", "myCardNumber", "securityCode". (Only for the
            // words that find numbers: a not-a-card word hides a card, and
            // "expIBAN" is no IBAN.)
            let camel_ok = cat != Cat::Other;
            let camel_before = camel_ok
                && before == Class::Letter
                && hay[s - 1].is_ascii_lowercase()
                && hay[s].is_ascii_uppercase();
            let camel_after = camel_ok
                && after == Class::Letter
                && hay[e - 1].is_ascii_lowercase()
                && hay[e].is_ascii_uppercase();
            if before == Class::Letter && !camel_before
                || after == Class::Letter && !camel_after
                || matches!(before, Class::Digit(_)) && hex
                || cat == Cat::Pin && pinned(hay, s, e)
            {
                // A match turned down may hide a keyword that stands: a
                // shorter one at its start ("pin" in "pin_codes", where
                // "pin_code" is glued to the "s") or one that starts inside
                // it ("SecurityCode" in "CardSecurityCode", where "cards"
                // is glued to the "e").
                let walk = &self.ac;
                shorter = Leftmost { walk, hay, at: s, end: e - 1 }
                    .next()
                    .filter(|m| m.0 == s);
                found.at = shorter.map_or(s + 1, |m| m.1);
                continue;
            }
            return Some((s, e, cat));
        })
    }

    /// The category of the keyword nearest to `hi` in `hay[lo..hi]` (the
    /// text from `floor` on may be read to see where a word starts). A
    /// specific keyword (cvv, expiry, ssn, pin, or a not-a-card word) wins
    /// over a mere "card" anywhere in the window: in "the code on the back
    /// of the card is 987", the number is a CVV.
    pub(crate) fn last(
        &self,
        hay: &[u8],
        floor: usize,
        lo: usize,
        hi: usize,
    ) -> Option<Cat> {
        self.last_at(hay, floor, lo, hi).map(|(_, _, c)| c)
    }

    /// [`Keywords::last`], with the start and the end of the keyword that
    /// decides.
    pub(crate) fn last_at(
        &self,
        hay: &[u8],
        floor: usize,
        lo: usize,
        hi: usize,
    ) -> Option<(usize, usize, Cat)> {
        if lo >= hi {
            return None;
        }
        let mut any = None;
        let mut specific = None;
        for m in self.matches(hay, floor, lo, hi) {
            any = Some(m);
            if m.2 != Cat::Card {
                specific = Some(m);
            }
        }
        // A not-a-card word gives way to "card" after it ("last 10
        // transaction of card 3566…").
        if specific.is_some_and(|(_, _, c)| c == Cat::Other)
            && any.is_some_and(|(_, _, c)| c == Cat::Card)
        {
            return any;
        }
        specific.or(any)
    }

    /// The fields that a list of keywords at the end of `hay[lo..hi]`
    /// names, in its order, when it names a card's expiry date or its CVV
    /// with other fields: "Expiry/CVV:", "the expiration date and security
    /// code?", "cvv and expiry", "card number, exp, cvv", "Expiry, CVV and
    /// ZIP". Its values follow in the same order ("03/27 / 737"). (A word
    /// for an SSN or a PIN ends a list: those are told by their own
    /// keywords only.) The
    /// keywords of a list are joined by a comma, a slash, "&", "+", "and"
    /// or "plus", with at most a few small words ("the", "your", "date")
    /// between them ([`list_joint`]).
    pub(crate) fn listed(
        &self,
        hay: &[u8],
        floor: usize,
        lo: usize,
        hi: usize,
    ) -> Listed {
        let mut list = Listed::default();
        let mut prev_end = None;
        for (s, e, c) in self.matches(hay, floor, lo, hi) {
            let joined = prev_end.is_some_and(|p| list_joint(&hay[p..s]));
            if !joined {
                list.n = 0;
            }
            if c != Cat::Ssn && c != Cat::Pin {
                if list.n < list.cats.len() {
                    list.cats[list.n] = c;
                    list.n += 1;
                }
                prev_end = Some(e);
            } else {
                list.n = 0;
                prev_end = None;
            }
        }
        let named = |c| list.cats[..list.n].contains(&c);
        if list.n < 2 || !named(Cat::Expiry) && !named(Cat::Cvv) {
            list.n = 0;
        }
        list
    }

    /// The category of a keyword that ends right at `t`, where a number
    /// starts glued to it ("exp06/27", "CVV123", "cc4111…"); `None` when
    /// the letters there end no keyword or the keyword takes in the digits
    /// too ("cvv2").
    pub(crate) fn ending_at(
        &self,
        hay: &[u8],
        floor: usize,
        t: usize,
    ) -> Option<Cat> {
        let lo = floor.max(t.saturating_sub(24));
        let hi = hay.len().min(t + 4);
        let mut cat = None;
        for (s, e, c) in self.matches(hay, floor, lo, hi) {
            if s < t && t < e {
                return None;
            }
            if e == t {
                cat = Some(c);
            }
        }
        cat
    }

    /// The category of a keyword that starts right at `e`, where a number
    /// ends glued to it ("4111…exp 12/27", "4111…cvv:123"); `None` when
    /// the letters there start no keyword that stands as a word.
    pub(crate) fn starting_at(
        &self,
        hay: &[u8],
        floor: usize,
        e: usize,
    ) -> Option<Cat> {
        let hi = hay.len().min(e + self.naming_len);
        let m = self.matches(hay, floor, e, hi).next()?;
        (m.0 == e).then_some(m.2)
    }

    /// The keyword nearest to `lo` in `hay[lo..hi]`: its end and category.
    pub(crate) fn first(
        &self,
        hay: &[u8],
        floor: usize,
        lo: usize,
        hi: usize,
    ) -> Option<(usize, Cat)> {
        if lo >= hi {
            return None;
        }
        self.matches(hay, floor, lo, hi).next().map(|m| (m.1, m.2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text of keywords, or pieces of them, in either case, each followed
    /// by some glue (`parts`: which word, where its piece starts, which
    /// glue, upper case), and a stretch of it to read from `cut`.
    fn keyword_text(
        words: &[String],
        glue: &[&str],
        parts: &[(usize, usize, usize, bool)],
        cut: (usize, usize),
    ) -> (String, usize, usize) {
        let mut text = String::new();
        for &(w, a, g, up) in parts {
            let w = &words[w % words.len()];
            let piece = &w[a.min(w.len() - 1)..];
            if up {
                text.push_str(&piece.to_ascii_uppercase());
            } else {
                text.push_str(piece);
            }
            text.push_str(glue[g % glue.len()]);
        }
        let lo = cut.0.min(text.len());
        let hi = (lo + cut.1).min(text.len());
        (text, lo, hi)
    }

    proptest::proptest! {
        /// The automaton walk finds the matches the library's own
        /// leftmost-longest search finds, in text made of keywords, pieces
        /// of them and glue, from any start to any end.
        #[test]
        fn leftmost_walk_agrees_with_the_library(
            parts in proptest::collection::vec(
                (0usize..400, 0usize..12, 0usize..8, proptest::bool::ANY),
                0..14,
            ),
            cut in (0usize..200, 0usize..200),
        ) {
            let (pats, _) = patterns();
            let glue = [" ", "", "_", "x", "=", "4", "-", ": "];
            let (text, lo, hi) = keyword_text(&pats, &glue, &parts, cut);
            let hay = text.as_bytes();
            static LIB: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
            let lib = LIB.get_or_init(|| {
                aho_corasick::AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&pats)
                    .unwrap()
            });
            let want: Vec<(usize, usize, usize)> = lib
                .find_iter(&hay[lo..hi])
                .map(|m| (lo + m.start(), lo + m.end(), m.pattern().as_usize()))
                .collect();
            let k = Keywords::get();
            let got: Vec<_> = Leftmost { walk: &k.ac, hay, at: lo, end: hi }.collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// The walker steps as the library's automaton does: from the start,
    /// for every byte at every state reached, it reaches the state that
    /// stands for the library's next state (one walker state for each),
    /// and its special states are the library's dead and match states with
    /// the same patterns in the same order.
    #[test]
    fn walker_steps_as_the_library() {
        let (pats, cats) = patterns();
        let all: Vec<&str> = pats.iter().map(String::as_str).collect();
        let naming = naming_patterns(&pats, &cats);
        let k = Keywords::get();
        for (dfa, walk) in [
            (keyword_dfa(&naming, MatchKind::Standard), &k.naming),
            (keyword_dfa(&all, MatchKind::LeftmostLongest), &k.ac),
        ] {
            let start = dfa.start_state(Anchored::No).unwrap();
            let mut seen =
                std::collections::HashMap::from([(start, walk.start)]);
            let mut back =
                std::collections::HashMap::from([(walk.start, start)]);
            let mut todo = vec![start];
            let mut dead_seen = false;
            while let Some(sid) = todo.pop() {
                let w = seen[&sid];
                let special = dfa.is_dead(sid) || dfa.is_match(sid);
                assert_eq!(w >= walk.special, special);
                assert_eq!(Some(w) == walk.dead, dfa.is_dead(sid));
                dead_seen |= dfa.is_dead(sid);
                if dfa.is_match(sid) {
                    let want: Vec<(u32, u32)> = (0..dfa.match_len(sid))
                        .map(|i| {
                            let p = dfa.match_pattern(sid, i);
                            (p.as_u32(), dfa.pattern_len(p) as u32)
                        })
                        .collect();
                    assert_eq!(walk.ends(w), &want[..]);
                }
                for b in 0..=255u8 {
                    let (to, wto) = (
                        dfa.next_state(Anchored::No, sid, b),
                        walk.step(w, b),
                    );
                    assert_eq!(*back.entry(wto).or_insert(to), to, "byte {b}");
                    if let std::collections::hash_map::Entry::Vacant(e) =
                        seen.entry(to)
                    {
                        e.insert(wto);
                        todo.push(to);
                    } else {
                        assert_eq!(seen[&to], wto, "byte {b}");
                    }
                }
            }
            assert_eq!(dead_seen, walk.dead.is_some());
            assert!(seen.len() > 100, "{} states", seen.len());
        }
    }

    /// Words that may stand with a correction ("I mean", "no, wait, it's",
    /// "my bad", "scratch that", "or rather", "um").
    const CORRECTION_WITH: &[&str] = &[
        "i", "i'm", "im", "it", "it's", "its", "is", "that", "that's", "make",
        "my", "bad", "or", "let", "me", "correct", "uh", "um", "umm", "er",
        "erm", "ah", "hmm", "ok", "okay", "oh",
    ];

    /// The quick match of a correction's words agrees with the lists, in
    /// any case, and tells no other word.
    #[test]
    fn correction_words_as_listed() {
        for w in CORRECTIONS {
            assert_eq!(correction_word(w.as_bytes()), Some(true), "{w}");
            let up = w.to_ascii_uppercase();
            assert_eq!(correction_word(up.as_bytes()), Some(true), "{up}");
        }
        for w in CORRECTION_WITH {
            assert_eq!(correction_word(w.as_bytes()), Some(false), "{w}");
        }
        for w in
            ["port", "sorrys", "no1", "meaning", "", "correctionss", "cvv"]
        {
            assert_eq!(correction_word(w.as_bytes()), None, "{w}");
        }
        for w in CORRECTIONS.iter().chain(CORRECTION_WITH) {
            assert!(may_start_correction(format!(", {w}").as_bytes()), "{w}");
        }
        assert!(!may_start_correction(b" port "));
        assert!(correction(b", sorry, I mean "));
        assert!(correction(b" no wait "));
        assert!(!correction(b" I "), "no correction word");
        assert!(!correction(b" sorry 1 "), "a digit");
        assert!(!correction(b" sorry\n"), "a line break");
        assert!(!correction(b" or the "), "another word");
    }

    /// [`NON_LETTER_RUN`] holds for every pattern the table compiles.
    #[test]
    fn no_keyword_has_a_longer_stretch_without_letters() {
        let (pats, _) = patterns();
        let longest = pats
            .iter()
            .map(|p| {
                p.split(|c: char| c.is_ascii_alphabetic())
                    .map(str::len)
                    .max()
                    .unwrap_or(0)
            })
            .max();
        assert_eq!(longest, Some(NON_LETTER_RUN));
    }

    /// Every spelling the keyword table compiles for the words of `cat`
    /// ("pin number", "pin_number", "pinnumber"), in lower and upper case.
    fn spellings(cat: Cat) -> Vec<String> {
        let words: Vec<&str> =
            WORDS.iter().filter(|(_, c)| *c == cat).map(|(w, _)| *w).collect();
        assert!(words.len() >= 3, "{cat:?}");
        words
            .iter()
            .flat_map(|w| {
                let mut v = vec![
                    w.to_string(),
                    w.replace(' ', "_"),
                    w.replace(' ', ""),
                ];
                if w.contains(' ') && hyphenated(w) {
                    v.push(w.replace(' ', "-"));
                }
                v
            })
            .flat_map(|v| [v.to_ascii_uppercase(), v])
            .collect()
    }

    /// A match turned down for a letter glued to it does not hide a
    /// keyword at its start or inside it.
    #[test]
    fn glued_matches_hide_no_keyword() {
        let k = Keywords::get();
        let last = |t: &str| k.last(t.as_bytes(), 0, 0, t.len());
        for (text, want) in [
            ("CardSecurityCode", Some(Cat::Cvv)),
            ("cardSecurityCode", Some(Cat::Cvv)),
            ("pin_codes", Some(Cat::Pin)),
            ("the pin_codes are", Some(Cat::Pin)),
            ("expiry_dates", Some(Cat::Expiry)),
            ("cards", Some(Cat::Card)),
            ("cardsholder", None),
            ("cardholder", None),
            ("discovered", None),
            ("refund", None),
        ] {
            assert_eq!(last(text), want, "{text}");
        }
    }

    /// The quick tests read eight bytes at a time as a byte-by-byte walk
    /// reads them.
    #[test]
    fn quick_tests_agree_with_a_walk() {
        let walk = |w: &[u8], words: &[&[u8]]| {
            (0..w.len()).any(|i| {
                words.iter().any(|x| {
                    w[i..].len() >= x.len()
                        && w[i..i + x.len()].eq_ignore_ascii_case(x)
                })
            })
        };
        let abc = b"pPiInNaAsS _-oOcC9\xf0\xd0";
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = (x % 200) as usize;
            let w: Vec<u8> = (0..len)
                .map(|k| abc[(x >> (k % 60)) as usize % abc.len()])
                .collect();
            assert_eq!(
                mentions_pin(&w),
                walk(&w, &[b"pin", b"passc", b"pass c", b"pass_c", b"pass-c"]),
                "{w:?}"
            );
            let ssn: [&[u8]; 4] = [b"ss", b"soc", b"s s", b"s_s"];
            assert_eq!(mentions_ssn(&w), walk(&w, &ssn), "{w:?}");
            // (The same bytes, shifted onto the letters of expiry words.)
            let w: Vec<u8> = w
                .iter()
                .map(|&b| b"eExXpPdDaAtTvViIlLgGoOmM/yY "[usize::from(b) % 28])
                .collect();
            let expiry: [&[u8]; 5] =
                [b"exp", b"date", b"valid", b"good", b"mm/yy"];
            assert_eq!(mentions_expiry(&w), walk(&w, &expiry), "{w:?}");
        }
    }

    /// The quick PIN and SSN tests never turn down a window that holds a
    /// keyword of theirs, in any spelling or case, and turn down text with
    /// none.
    #[test]
    fn quick_tests_pass_every_keyword() {
        type Quick = (Cat, fn(&[u8]) -> bool, &'static str);
        let quick: [Quick; 3] = [
            (Cat::Pin, mentions_pin, "my PIN is"),
            (Cat::Ssn, mentions_ssn, "my Social is"),
            (Cat::Expiry, mentions_expiry, "it Expires in"),
        ];
        for (cat, mentions, said) in quick {
            for v in spellings(cat) {
                assert!(mentions(v.as_bytes()), "{v}");
            }
            assert!(mentions(said.as_bytes()), "{said}");
            assert!(!mentions_pin(b"reset my Password, then pass it on"));
            assert!(!mentions(b"order 12345678 req=20417 user=5 shipped"));
        }
    }

    /// The quick tests find each spelling of their keywords at every
    /// place in text of every length up to 140 bytes (the vector steps
    /// of 16 and of 64 bytes, the last one read again, and the
    /// word-at-a-time loop for short text), and nothing in text without
    /// one.
    #[test]
    fn quick_tests_find_a_keyword_anywhere() {
        type Quick = (Cat, fn(&[u8]) -> bool);
        let quick: [Quick; 3] = [
            (Cat::Pin, mentions_pin),
            (Cat::Ssn, mentions_ssn),
            (Cat::Expiry, mentions_expiry),
        ];
        for (cat, mentions) in quick {
            for v in spellings(cat) {
                for len in v.len()..140 {
                    for at in 0..=len - v.len() {
                        let mut w = b"Pa x Sx pA_ sO ".repeat(10);
                        w.truncate(len);
                        w[at..at + v.len()].copy_from_slice(v.as_bytes());
                        assert!(mentions(&w), "{v} {len} {at}");
                    }
                }
            }
            assert!(!mentions(&b"Pa x Sx pA_ sO ".repeat(4)));
            assert!(!mentions(&b"Pa x Sx pA_ sO ".repeat(10)));
        }
    }

    /// Every keyword that makes a finding, in each spelling the table
    /// compiles.
    fn naming_spellings() -> Vec<String> {
        [Cat::Card, Cat::Cvv, Cat::Expiry, Cat::Ssn, Cat::Pin]
            .into_iter()
            .flat_map(spellings)
            .chain(CORRECTIONS.iter().map(|w| w.to_string()))
            .collect()
    }

    proptest::proptest! {
        /// A stretch names a finding where a byte-by-byte search finds a
        /// keyword of one, in any spelling and case, standing as a word
        /// or at a camelCase edge, and nowhere else.
        #[test]
        fn names_finding_agrees_with_a_search(
            parts in proptest::collection::vec(
                (0usize..400, 0usize..12, 0usize..14, proptest::bool::ANY),
                0..12,
            ),
            cut in (0usize..200, 0usize..200),
        ) {
            let words = naming_spellings();
            let glue = [
                " ", "", "_", "x", "X", "=", "4", "-", ": ", "\n", "%5B", "%3d",
                "%G", "\\n", "\\t", "\\q",
            ];
            let (text, lo, hi) = keyword_text(&words, &glue, &parts, cut);
            let hay = text.as_bytes();
            let glued = |a: u8, b: u8| {
                a.is_ascii_alphabetic()
                    && b.is_ascii_alphabetic()
                    && !(a.is_ascii_lowercase() && b.is_ascii_uppercase())
            };
            // A URL-encoded character whose code ends in a letter, or a
            // backslash and n, t or r, ends right before `s`.
            let escaped = |s: usize| {
                s >= 3
                    && hay[s - 3] == b'%'
                    && hay[s - 2].is_ascii_hexdigit()
                    && hay[s - 1].is_ascii_hexdigit()
                    && hay[s - 1].is_ascii_alphabetic()
                    || s >= 2
                        && hay[s - 2] == b'\\'
                        && b"ntr".contains(&hay[s - 1])
            };
            let search = (lo..hi).any(|s| {
                words.iter().any(|x| {
                    let e = s + x.len();
                    e <= hi
                        && hay[s..e].eq_ignore_ascii_case(x.as_bytes())
                        && (s == 0 || !glued(hay[s - 1], hay[s]) || escaped(s))
                        && (e >= hay.len() || !glued(hay[e - 1], hay[e]))
                })
            });
            proptest::prop_assert_eq!(
                Keywords::get().names_finding(hay, lo, hi),
                search,
                "{:?} {}..{}", text, lo, hi
            );
        }
    }

    /// A list of fields is two keywords or more joined by a comma, a
    /// slash, "&", "+", "and" or "plus", with small words between them;
    /// it counts when it names an expiry date or a CVV, and a word for an
    /// SSN or a PIN ends it.
    #[test]
    fn lists_of_fields() {
        use Cat::*;
        let k = Keywords::get();
        let list = |t: &str| {
            let l = k.listed(t.as_bytes(), 0, 0, t.len());
            l.cats[..l.n].to_vec()
        };
        assert_eq!(list("Expiry/CVV"), [Expiry, Cvv]);
        assert_eq!(
            list("the expiration date and security code"),
            [Expiry, Cvv]
        );
        assert_eq!(list("cvv & exp"), [Cvv, Expiry]);
        assert_eq!(list("card number, exp, cvv"), [Card, Expiry, Cvv]);
        assert_eq!(list("expiry and the cvv"), [Expiry, Cvv]);
        assert_eq!(list("Expiry, CVV and ZIP"), [Expiry, Cvv, Other]);
        // The list is the one that ends the stretch.
        assert_eq!(list("cvv. Now the card and expiry"), [Card, Expiry]);
        // No joint, other words between, or no expiry date and no CVV.
        for t in [
            "card security code",
            "expiry for the cvv",
            "card and order",
            "ssn and cvv",
            "cvv and ssn",
            "expiry and then a very long aside about the cvv",
            "cvv",
        ] {
            assert_eq!(list(t), [], "{t}");
        }
    }

    /// [`joint_before`] tells whether a joint ends right before a keyword,
    /// read back over spaces and small words.
    #[test]
    fn joints_before_a_keyword() {
        let at = |t: &str| {
            let ks = t.find('|').expect("a mark");
            let t = t.replace('|', "");
            joint_before(t.as_bytes(), 0, ks)
        };
        for t in ["exp/|cvv", "exp, |cvv", "exp and the |cvv", "exp & |cvv"] {
            assert!(at(t), "{t}");
        }
        for t in ["|cvv", "the |cvv", "customer: the |cvv", "expand |cvv"] {
            assert!(!at(t), "{t}");
        }
    }
}
