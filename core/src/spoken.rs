//! Number words as speech-to-text writes them.
//!
//! A [`Lang`] is a table of words and what each means to the scanner. Only
//! English is built in; another language is another table, and the scanner
//! does not change.

use std::sync::OnceLock;

use crate::simd::StartFilter;

/// What a word means inside a spoken number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// A digit word: "zero", "oh", "one" … "nine", "niner", "nought".
    Digit(u8),
    /// "ten" … "nineteen": two digits.
    Teen(u8),
    /// "twenty" … "ninety": a tens word, which may take a unit.
    Tens(u8),
    /// "hundred": multiplies the number before it.
    Hundred,
    /// "thousand": multiplies the digit before it ("two thousand and
    /// twenty seven").
    Thousand,
    /// "double", "triple" (or the UK's "treble"), "quadruple": the next
    /// digit two, three or four times.
    Times(u8),
    /// A homophone speech-to-text writes for a digit ("for", "to", "won",
    /// "ate", "o"): a digit only inside a run that is already numeric, or
    /// at its start when a digit word comes next.
    Homophone(u8),
    /// A month name: two digits, for expiry dates.
    Month(u8),
    /// A digit word in the plural ("ones", "sevens"): that digit as many
    /// times as the digit word before says ("four ones", "three sevens").
    Plural(u8),
    /// A word that may stand between digits without ending the number
    /// ("uh", "and", "dash").
    Filler,
    /// A filler that takes back what came before it ("sorry", "again",
    /// "I mean"): the number may go on, but no card spans it.
    Restart,
}

impl Word {
    /// Whether the word stands between digits without carrying any.
    pub(crate) fn is_filler(self) -> bool {
        matches!(self, Filler | Restart)
    }

    /// Whether the word reads as digits on its own: a digit, a teen or a
    /// tens word, "double" or "triple" (not a homophone, a month or a
    /// filler).
    pub(crate) fn says_digits(self) -> bool {
        matches!(self, Digit(_) | Teen(_) | Tens(_) | Times(_))
    }
}

/// A language's word table.
pub(crate) struct Lang {
    pub(crate) words: &'static [(&'static str, Word)],
    /// The language's most frequent words, most frequent first: the
    /// vector filter for number words is built to let as few of them
    /// through as it can. Speed only; what is found does not depend on
    /// it.
    pub(crate) common: &'static [&'static str],
}

use Word::*;

/// English, as US and UK speech-to-text engines write it.
pub(crate) static ENGLISH: Lang = Lang {
    words: &[
        ("zero", Digit(0)),
        ("oh", Digit(0)),
        ("nought", Digit(0)),
        ("naught", Digit(0)),
        ("nil", Digit(0)),
        ("one", Digit(1)),
        ("two", Digit(2)),
        ("three", Digit(3)),
        ("four", Digit(4)),
        ("five", Digit(5)),
        ("six", Digit(6)),
        ("seven", Digit(7)),
        ("eight", Digit(8)),
        ("nine", Digit(9)),
        ("niner", Digit(9)),
        ("ten", Teen(10)),
        ("eleven", Teen(11)),
        ("twelve", Teen(12)),
        ("thirteen", Teen(13)),
        ("fourteen", Teen(14)),
        ("fifteen", Teen(15)),
        ("sixteen", Teen(16)),
        ("seventeen", Teen(17)),
        ("eighteen", Teen(18)),
        ("nineteen", Teen(19)),
        ("twenty", Tens(20)),
        ("thirty", Tens(30)),
        ("forty", Tens(40)),
        ("fourty", Tens(40)),
        ("fifty", Tens(50)),
        ("sixty", Tens(60)),
        ("seventy", Tens(70)),
        ("eighty", Tens(80)),
        ("ninety", Tens(90)),
        ("hundred", Hundred),
        ("thousand", Thousand),
        ("double", Times(2)),
        ("triple", Times(3)),
        ("treble", Times(3)),
        ("quadruple", Times(4)),
        ("zeros", Plural(0)),
        ("zeroes", Plural(0)),
        ("ohs", Plural(0)),
        ("ones", Plural(1)),
        ("twos", Plural(2)),
        ("threes", Plural(3)),
        ("fours", Plural(4)),
        ("fives", Plural(5)),
        ("sixes", Plural(6)),
        ("sevens", Plural(7)),
        ("eights", Plural(8)),
        ("nines", Plural(9)),
        ("o", Homophone(0)),
        ("for", Homophone(4)),
        ("fore", Homophone(4)),
        ("to", Homophone(2)),
        ("too", Homophone(2)),
        ("won", Homophone(1)),
        ("ate", Homophone(8)),
        ("tree", Homophone(3)),
        ("january", Month(1)),
        ("jan", Month(1)),
        ("february", Month(2)),
        ("feb", Month(2)),
        ("march", Month(3)),
        ("mar", Month(3)),
        ("april", Month(4)),
        ("apr", Month(4)),
        ("june", Month(6)),
        ("jun", Month(6)),
        ("july", Month(7)),
        ("jul", Month(7)),
        ("august", Month(8)),
        ("aug", Month(8)),
        ("september", Month(9)),
        ("sept", Month(9)),
        ("sep", Month(9)),
        ("october", Month(10)),
        ("oct", Month(10)),
        ("november", Month(11)),
        ("nov", Month(11)),
        ("december", Month(12)),
        ("dec", Month(12)),
        ("may", Month(5)),
        ("uh", Filler),
        ("uhh", Filler),
        ("um", Filler),
        ("umm", Filler),
        ("er", Filler),
        ("erm", Filler),
        ("ah", Filler),
        ("hmm", Filler),
        ("mm", Filler),
        ("sorry", Restart),
        ("again", Restart),
        ("and", Filler),
        ("then", Filler),
        ("so", Filler),
        ("okay", Filler),
        ("ok", Filler),
        ("yeah", Filler),
        ("yes", Filler),
        ("wait", Restart),
        ("actually", Restart),
        ("like", Filler),
        ("let", Filler),
        ("me", Filler),
        ("start", Restart),
        ("over", Restart),
        ("repeat", Restart),
        ("that", Filler),
        ("i", Filler),
        ("mean", Restart),
        ("no", Restart),
        ("oops", Restart),
        ("dash", Filler),
        ("space", Filler),
        ("is", Filler),
        ("slash", Filler),
        ("hyphen", Filler),
        ("stroke", Filler),
        // A pause, not a take-back: "four two four two, hold on, four two…"
        ("hold", Filler),
        ("hang", Filler),
        ("on", Filler),
        ("just", Filler),
        ("sec", Filler),
        // "scratch that": a take-back.
        ("scratch", Restart),
        // What the other side says while the digits are read ("go ahead",
        // "mhm", "uh huh", "right"): a pause, not a take-back.
        ("go", Filler),
        ("ahead", Filler),
        ("mhm", Filler),
        ("huh", Filler),
        ("right", Filler),
        ("alright", Filler),
        ("sure", Filler),
        ("yep", Filler),
        ("yup", Filler),
    ],
    // The most frequent words of written and spoken English (general
    // frequency lists, not any corpus of this project).
    common: &[
        "the", "be", "to", "of", "and", "a", "in", "that", "have", "i", "it",
        "for", "not", "on", "with", "he", "as", "you", "do", "at", "this",
        "but", "his", "by", "from", "they", "we", "say", "her", "she", "or",
        "an", "will", "my", "one", "all", "would", "there", "their", "what",
        "so", "up", "out", "if", "about", "who", "get", "which", "go", "me",
        "when", "make", "can", "like", "time", "no", "just", "him", "know",
        "take", "people", "into", "year", "your", "good", "some", "could",
        "them", "see", "other", "than", "then", "now", "look", "only", "come",
        "its", "over", "think", "also", "back", "after", "use", "two", "how",
        "our", "work", "first", "well", "way", "even", "new", "want",
        "because", "any", "these", "give", "day", "most", "us", "is", "was",
        "are", "been", "has", "had", "were", "said", "did", "made", "very",
        "here", "more", "many", "may", "should", "where", "much", "those",
        "such", "through", "down", "before", "must", "each", "both", "does",
        "still", "being", "under", "while", "last", "never", "same",
        "another", "three", "without", "thank", "thanks", "please", "okay",
        "yes", "right", "sure", "help", "need", "number", "account", "card",
        "order", "call", "let", "check", "today", "thing", "things", "though",
        "thought", "few", "find", "found", "four", "tell", "try", "turn",
        "too", "ten", "told", "seven", "six", "set", "send", "sent", "second",
        "seem", "next", "nine", "name", "night", "eight", "else", "every",
        "end", "off", "once", "own", "open", "done", "doing", "date", "dear",
        "deal", "money", "month", "main", "mean", "maybe", "june", "job",
        "again", "ask", "away", "around",
    ],
};

/// The longest word in any table, in bytes.
pub(crate) const MAX_WORD: usize = 12;

/// Slots in a [`Spoken`] word table (a power of two, at least twice the
/// number of words in any table).
const SLOTS: usize = 512;

/// A language's tables, compiled.
///
/// Number words are found by walking the starts of words (runs of ASCII
/// letters) eight bytes at a time and looking each up in a hash table;
/// a bitset of the first three letters of every trigger rejects most
/// words before their end is even read. A trigger must be a whole word,
/// so this finds exactly what a dictionary search over the text would,
/// without visiting the letters inside words. Where the CPU has AVX2 or
/// AVX-512, a vector filter ([`StartFilter`]) skips long stretches first.
pub(crate) struct Spoken {
    /// Every word of the table, packed ([`pack`]), by open addressing.
    slots: Box<[(u128, Option<Word>)]>,
    /// One bit per three-letter prefix ([`prefix3`]) of a trigger word.
    prefixes: Box<[u64]>,
    /// The same prefixes as a vector filter over long stretches.
    starts: StartFilter,
    /// The first two letters of every word of the table: bit `b & 31` of
    /// entry `a & 31` for a word that starts with letters `a` and `b`, and
    /// bit 0 for the one-letter word `a` ([`Spoken::may_be_word`]).
    pairs: [u32; 32],
}

/// Whether a word can start a spoken number: digit words, teens, tens,
/// "double"/"triple", month names, "hundred" ("a hundred and twelve";
/// homophones and fillers only continue one).
fn is_trigger(w: Word) -> bool {
    w.says_digits() || matches!(w, Month(_) | Hundred)
}

/// A word of up to 16 ASCII letters, lower-cased and packed into an
/// integer (little-endian, zero-padded: letters are never zero, so the
/// length is implied).
fn pack(word: &[u8]) -> u128 {
    let mut b = [0u8; 16];
    for (d, c) in b.iter_mut().zip(word) {
        *d = c | 0x20;
    }
    u128::from_le_bytes(b)
}

/// The slot a packed word hashes to.
fn slot(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize & (SLOTS - 1)
}

/// The first three letters of the word at `hay[s..]` (ASCII letters
/// before `end`; a shorter word pads with zero), five bits each.
#[inline]
fn prefix3(hay: &[u8], s: usize, end: usize) -> usize {
    let mut key = 0;
    for k in 0..3 {
        match hay.get(s + k) {
            Some(&c) if s + k < end && c.is_ascii_alphabetic() => {
                key |= usize::from(c & 31) << (5 * k);
            }
            _ => break,
        }
    }
    key
}

/// [`prefix3`] of the word at `hay[s..]` (a letter), read from the four
/// bytes there at once: the caller checks they lie inside the stretch.
#[inline]
fn quick_prefix3(hay: &[u8], s: usize) -> usize {
    let b = u32::from_le_bytes(hay[s..s + 4].try_into().expect("4 bytes"));
    let alpha = |c: u32| u32::from((c | 0x20).wrapping_sub(0x61) & 0xFF < 26);
    // The second and third letters count while the word goes on; the
    // first is a letter by construction.
    let m1 = alpha(b >> 8 & 0xFF);
    let m2 = alpha(b >> 16 & 0xFF) & m1;
    ((b & 31) | ((b >> 8 & 31) * m1) << 5 | ((b >> 16 & 31) * m2) << 10)
        as usize
}

/// One bit per byte of `x` that is an ASCII letter, in byte order (bit
/// `k` for byte `k`).
#[inline]
fn letter_bits(x: u64) -> u64 {
    (letter_bytes(x) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// One bit of `0x80` in each byte of `x` that is an ASCII letter.
#[inline]
fn letter_bytes(x: u64) -> u64 {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HI: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Lower-case, on seven bits: no byte carries into the next below.
    let y = (x | 0x2020_2020_2020_2020) & LO7;
    let ge_a = y + ONES * (0x80 - u64::from(b'a'));
    let gt_z = y + ONES * (0x80 - u64::from(b'z') - 1);
    ge_a & !gt_z & !x & HI
}

impl Spoken {
    /// The English tables, compiled once per process.
    pub(crate) fn english() -> &'static Spoken {
        static S: OnceLock<Spoken> = OnceLock::new();
        S.get_or_init(|| Spoken::new(&ENGLISH))
    }

    fn new(lang: &'static Lang) -> Spoken {
        assert!(lang.words.len() * 2 <= SLOTS, "word table too large");
        let mut slots = vec![(0u128, None); SLOTS].into_boxed_slice();
        let mut prefixes = vec![0u64; (1 << 15) / 64].into_boxed_slice();
        let mut firsts: Vec<&[u8]> = Vec::new();
        let mut pairs = [0u32; 32];
        for &(word, w) in lang.words {
            let b = word.as_bytes();
            assert!(
                !b.is_empty()
                    && b.len() <= MAX_WORD
                    && b.iter().all(u8::is_ascii_lowercase),
                "words are lower-case ASCII letters"
            );
            let key = pack(b);
            let mut i = slot(key);
            while slots[i].1.is_some() {
                assert_ne!(slots[i].0, key, "a word is listed twice");
                i = (i + 1) & (SLOTS - 1);
            }
            slots[i] = (key, Some(w));
            pairs[usize::from(b[0] & 31)] |=
                1 << b.get(1).map_or(0, |c| c & 31);
            if is_trigger(w) {
                let p = prefix3(b, 0, b.len());
                prefixes[p / 64] |= 1 << (p % 64);
                firsts.push(b);
            }
        }
        let common: Vec<&[u8]> =
            lang.common.iter().map(|w| w.as_bytes()).collect();
        let starts = StartFilter::new(&firsts, &common);
        Spoken { slots, prefixes, starts, pairs }
    }

    /// Whether the word of ASCII letters at `hay[s]` may be a word of the
    /// table, told from its first two bytes: `false` when it starts with
    /// no letter or with two letters (or one, then no letter) that no word
    /// of the table starts with; `true` where `hay` ends too early to
    /// tell. Most words after numbers are told here without being read
    /// to their end ([`Spoken::word_at`]).
    #[inline]
    pub(crate) fn may_be_word(&self, hay: &[u8], s: usize) -> bool {
        let Some(&a) = hay.get(s) else { return true };
        if !a.is_ascii_alphabetic() {
            return false;
        }
        let row = self.pairs[usize::from(a & 31)];
        match hay.get(s + 1) {
            Some(&b) if b.is_ascii_alphabetic() => row >> (b & 31) & 1 != 0,
            Some(_) => row & 1 != 0,
            None => true,
        }
    }

    /// What `word` (ASCII letters) means, if anything.
    pub(crate) fn lookup(&self, word: &[u8]) -> Option<Word> {
        if word.is_empty() || word.len() > MAX_WORD {
            return None;
        }
        self.lookup_packed(pack(word))
    }

    /// The end of the word of ASCII letters that starts at `hay[s]`, and
    /// what it means, if anything ([`Spoken::lookup`]): sixteen bytes read
    /// at once where `hay` holds them, as most words after numbers are
    /// shorter.
    #[inline]
    pub(crate) fn word_at(
        &self,
        hay: &[u8],
        s: usize,
    ) -> (usize, Option<Word>) {
        if let Some(b) = hay.get(s..s + 8) {
            // Most words are read from the first eight bytes alone.
            let x = u64::from_le_bytes(b.try_into().expect("8 bytes"));
            let len = letter_bits(x).trailing_ones() as usize;
            if len == 0 {
                return (s, None);
            }
            if len < 8 {
                let key =
                    (x | 0x2020_2020_2020_2020) & ((1u64 << (8 * len)) - 1);
                return (s + len, self.lookup_packed(u128::from(key)));
            }
        }
        if let Some(b) = hay.get(s..s + 16) {
            let x = u128::from_le_bytes(b.try_into().expect("16 bytes"));
            let len =
                8 + letter_bits((x >> 64) as u64).trailing_ones() as usize;
            if len > MAX_WORD && len < 16 {
                return (s + len, None);
            }
            if len < 16 {
                let keep = (1u128 << (8 * len)) - 1;
                let key =
                    (x | 0x2020_2020_2020_2020_2020_2020_2020_2020) & keep;
                return (s + len, self.lookup_packed(key));
            }
        }
        let mut e = s;
        while e < hay.len() && hay[e].is_ascii_alphabetic() {
            e += 1;
        }
        (e, self.lookup(&hay[s..e]))
    }

    /// What the word packed into `key` ([`pack`]) means, if anything.
    #[inline]
    fn lookup_packed(&self, key: u128) -> Option<Word> {
        let mut i = slot(key);
        loop {
            match self.slots[i] {
                (k, Some(w)) if k == key => return Some(w),
                (_, None) => return None,
                _ => i = (i + 1) & (SLOTS - 1),
            }
        }
    }

    /// The end of the word that starts at `s`, if the word (ending at
    /// `end` at the latest) is a trigger.
    // (Out of line: the vector filter's loop calls `trigger_start` for
    // every word it cannot rule out, and most fail the prefix test there
    // without a call that would spill the filter's tables.)
    #[inline(never)]
    fn trigger_at(&self, hay: &[u8], s: usize, end: usize) -> Option<usize> {
        if let Some(b) = hay.get(s..s + 16).filter(|_| s + 16 <= end) {
            // Sixteen bytes at once: the word is the run of letters at
            // their start, packed by lower-casing and clearing the rest.
            let x = u128::from_le_bytes(b.try_into().expect("16 bytes"));
            let letters =
                letter_bits(x as u64) | letter_bits((x >> 64) as u64) << 8;
            let len = letters.trailing_ones() as usize;
            if len > MAX_WORD {
                return None;
            }
            let keep = (1u128 << (8 * len)) - 1;
            let key = (x | 0x2020_2020_2020_2020_2020_2020_2020_2020) & keep;
            return self
                .lookup_packed(key)
                .is_some_and(is_trigger)
                .then_some(s + len);
        }
        let mut e = s + 1;
        while e < end && hay[e].is_ascii_alphabetic() {
            e += 1;
        }
        self.lookup(&hay[s..e]).is_some_and(is_trigger).then_some(e)
    }

    /// [`trigger_at`](Self::trigger_at) for the word start `s`, after the
    /// three-letter prefix test that rejects most words at once.
    #[inline(always)]
    fn trigger_start(
        &self,
        hay: &[u8],
        s: usize,
        end: usize,
    ) -> Option<usize> {
        // Four bytes at `s` are read at once where the stretch holds them;
        // near its end, a byte at a time.
        let key = if s + 4 <= end {
            quick_prefix3(hay, s)
        } else {
            prefix3(hay, s, end)
        };
        if self.prefixes[key / 64] & (1 << (key % 64)) == 0 {
            return None;
        }
        self.trigger_at(hay, s, end)
    }

    /// The first trigger word in `hay[from..end]`: the span of a whole run
    /// of ASCII letters that starts there (the byte before it, which may
    /// lie before `from`, is no ASCII letter) and is a trigger. The run
    /// ends at `end` at the latest; what stands around it is for the
    /// caller to judge.
    pub(crate) fn find_trigger(
        &self,
        hay: &[u8],
        from: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        // Long stretches go through the vector filter where the CPU has
        // one; the word-start walk below takes what it leaves.
        let from = match self.starts.find(
            hay,
            from,
            end,
            #[inline(always)]
            |s| self.trigger_start(hay, s, end).map(|e| (s, e)),
        ) {
            Ok(found) => return Some(found),
            Err(p) => p,
        };
        let mut prev = from > 0 && hay[from - 1].is_ascii_alphabetic();
        let mut p = from;
        // Up to sixty-four bytes at a time: a bit per byte that starts a
        // word, then a look at each start.
        while p < end {
            let len = (end - p).min(64);
            let mut letters = 0u64;
            let full = hay[p..p + len].chunks_exact(8);
            let tail = full.remainder();
            let k = full.len();
            for (k, c) in full.enumerate() {
                let x = u64::from_le_bytes(c.try_into().expect("8 bytes"));
                letters |= letter_bits(x) << (8 * k);
            }
            for (i, &c) in tail.iter().enumerate() {
                letters |= u64::from(c.is_ascii_alphabetic()) << (8 * k + i);
            }
            let mut starts = letters & !(letters << 1 | u64::from(prev));
            while starts != 0 {
                let s = p + starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if let Some(e) = self.trigger_start(hay, s, end) {
                    return Some((s, e));
                }
            }
            prev = letters >> (len - 1) & 1 != 0;
            p += len;
        }
        None
    }
}

/// Whether a word inside a spoken finding is masked: every word that carries
/// digits (fillers such as "uh" or "sorry" are kept).
pub(crate) fn is_masked_word(word: &[u8]) -> bool {
    matches!(Spoken::english().lookup(word), Some(w) if !w.is_filler())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::simd::Level;
    use proptest::prelude::*;

    proptest! {
        /// [`Spoken::word_at`] reads the word a byte loop reads and means
        /// what [`Spoken::lookup`] says: words of the table and others,
        /// cut short or run on to sixteen letters and more, followed by
        /// any byte, or by the end of the text at any place.
        #[test]
        fn word_at_reads_as_lookup(
            word in 0usize..200,
            extra in prop_oneof![
                Just(Vec::new()),
                proptest::collection::vec(
                    proptest::sample::select(b"aZq".to_vec()),
                    1..20,
                ),
            ],
            upper in proptest::bool::ANY,
            after in proptest::collection::vec(proptest::num::u8::ANY, 0..20),
            lead in 0usize..3,
            cut in 0usize..40,
        ) {
            let sp = Spoken::english();
            let words = ENGLISH.words;
            let base = if word < words.len() { words[word].0 } else { "shipped" };
            let mut w: Vec<u8> = base.bytes().chain(extra).collect();
            if upper {
                w.make_ascii_uppercase();
            }
            let mut hay = b"  ".to_vec();
            hay.truncate(lead);
            let s = hay.len();
            hay.extend(&w);
            hay.extend(&after);
            hay.truncate((s + cut).max(s + 1).min(hay.len()));
            let mut e = s;
            while e < hay.len() && hay[e].is_ascii_alphabetic() {
                e += 1;
            }
            prop_assert_eq!(sp.word_at(&hay, s), (e, sp.lookup(&hay[s..e])));
            // The two-byte test never turns a word of the table away.
            if sp.lookup(&hay[s..e]).is_some() {
                prop_assert!(sp.may_be_word(&hay, s), "{:?}", hay);
            }
        }
    }

    /// [`Spoken::may_be_word`] keeps every word of the table, in either
    /// case, before any byte or the end of the text, and a word cut after
    /// its first letter; it turns away words that no word of the table
    /// starts as, and bytes that are no letter.
    #[test]
    fn may_be_word_keeps_every_word() {
        let sp = Spoken::english();
        for &(word, _) in ENGLISH.words {
            for w in [word.to_owned(), word.to_ascii_uppercase()] {
                for after in ["", " ", "1", ".", "\u{e9}"] {
                    let hay = format!("{w}{after}");
                    assert!(sp.may_be_word(hay.as_bytes(), 0), "{hay:?}");
                }
                assert!(sp.may_be_word(&w.as_bytes()[..1], 0), "{w:?}");
            }
        }
        for hay in ["user", "order ", "phone=", "INFO", "x ", "q1", "1", " a"]
        {
            assert!(!sp.may_be_word(hay.as_bytes(), 0), "{hay:?}");
        }
        assert!(sp.may_be_word(b"", 0));
    }

    /// Every word of the table, in either case, read at every place of a
    /// sixteen-byte load and up to the end of the text, with each kind of
    /// byte after it.
    #[test]
    fn word_at_reads_every_word() {
        let sp = Spoken::english();
        // No word: a byte that is no ASCII letter, or the end.
        for pre in ["", "ab ", "twelve 12345"] {
            for rest in
                ["", " one", "1one", "\u{e9}one", "-x", "_one two three"]
            {
                let hay = format!("{pre}{rest}");
                let s = pre.len();
                assert_eq!(
                    sp.word_at(hay.as_bytes(), s),
                    (s, None),
                    "{hay:?}"
                );
            }
        }
        for &(word, w) in ENGLISH.words {
            for upper in [false, true] {
                let word = if upper {
                    word.to_ascii_uppercase()
                } else {
                    word.to_owned()
                };
                for lead in 0..17 {
                    for after in
                        ["", " ", "x", "1", "\u{e9}", " sixteen more bytes"]
                    {
                        let hay = format!("{}{word}{after}", " ".repeat(lead));
                        let e = lead + word.len() + usize::from(after == "x");
                        let want = (e, (after != "x").then_some(w));
                        assert_eq!(
                            sp.word_at(hay.as_bytes(), lead),
                            want,
                            "{hay:?}"
                        );
                    }
                }
            }
        }
    }

    /// Every word, in any case, is found; no other word is.
    #[test]
    fn lookup_finds_every_word_and_nothing_else() {
        let sp = Spoken::english();
        for &(word, w) in ENGLISH.words {
            assert_eq!(sp.lookup(word.as_bytes()), Some(w), "{word}");
            let upper = word.to_ascii_uppercase();
            assert_eq!(sp.lookup(upper.as_bytes()), Some(w), "{word}");
        }
        for word in ["", "onw", "onesie", "someone", "forte", "thirtyone", "x"]
        {
            assert_eq!(sp.lookup(word.as_bytes()), None, "{word}");
        }
        assert_eq!(sp.lookup(&[b'a'; MAX_WORD + 1]), None);
    }

    /// The letter mask agrees with `is_ascii_alphabetic` on every byte in
    /// every lane.
    #[test]
    fn letter_bytes_matches_bytewise_test() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let x = u64::from(b) << (8 * lane)
                    | 0x2121_2121_2121_2121 & !(0xFF << (8 * lane));
                let want = if b.is_ascii_alphabetic() { 0x80 } else { 0 };
                assert_eq!(
                    (letter_bytes(x) >> (8 * lane)) & 0xFF,
                    want,
                    "byte {b} lane {lane}"
                );
            }
        }
    }

    /// The word-start walk finds the same first trigger as a plain
    /// word-by-word reading, at every start offset.
    #[test]
    fn find_trigger_matches_word_by_word_reading() {
        for sp in levels() {
            matches_word_by_word_reading(sp);
        }
    }

    /// The English tables on each filter path this CPU runs.
    fn levels() -> &'static [Spoken] {
        static L: OnceLock<Vec<Spoken>> = OnceLock::new();
        L.get_or_init(|| {
            [Level::Scalar, Level::Avx2, Level::Avx512]
                .into_iter()
                .filter_map(|l| {
                    let sp = Spoken::new(&ENGLISH);
                    let starts = sp.starts.at_level(l)?;
                    Some(Spoken { starts, ..sp })
                })
                .collect()
        })
    }

    /// The first trigger word in `text[from..end]`, read word by word.
    fn naive(
        sp: &Spoken,
        text: &[u8],
        from: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let mut s = from;
        while s < end {
            if !text[s].is_ascii_alphabetic()
                || s > 0 && text[s - 1].is_ascii_alphabetic()
            {
                s += 1;
                continue;
            }
            let mut e = s;
            while e < end && text[e].is_ascii_alphabetic() {
                e += 1;
            }
            if sp.lookup(&text[s..e]).is_some_and(is_trigger) {
                return Some((s, e));
            }
            s = e;
        }
        None
    }

    proptest! {
        /// On text made of number words in any case, common words, digits,
        /// punctuation and multibyte characters, every filter path finds
        /// what a word-by-word reading finds, from and to any position.
        #[test]
        fn every_path_finds_what_a_plain_reading_finds(
            parts in prop::collection::vec(
                (0usize..PARTS.len(), 0u8..3), 0..120),
            cut in (0usize..4000, 0usize..4000),
        ) {
            let mut text = Vec::new();
            for (i, case) in parts {
                let w = PARTS[i].as_bytes();
                match case {
                    0 => text.extend_from_slice(w),
                    1 => text.extend(w.iter().map(u8::to_ascii_uppercase)),
                    _ => {
                        text.extend(w.iter().take(1).map(u8::to_ascii_uppercase));
                        text.extend_from_slice(w.get(1..).unwrap_or_default());
                    }
                }
            }
            let from = cut.0.min(text.len());
            let end = (from + cut.1).min(text.len());
            let want = naive(Spoken::english(), &text, from, end);
            for sp in levels() {
                prop_assert_eq!(sp.find_trigger(&text, from, end), want);
            }
        }
    }

    /// What the texts of the property above are made of.
    const PARTS: &[&str] = &[
        " ",
        " ",
        " ",
        "  ",
        ", ",
        ".",
        "\n",
        "-",
        "'",
        "é",
        "\u{a0}",
        "7",
        "42",
        "the",
        "for",
        "this",
        "there",
        "thirty",
        "three",
        "thing",
        "one",
        "someone",
        "on",
        "oh",
        "o",
        "ohm",
        "ten",
        "tenth",
        "two",
        "twelve",
        "twenty",
        "sixty",
        "six",
        "sixth",
        "seven",
        "several",
        "eight",
        "eighteen",
        "nine",
        "ninety",
        "nineteen",
        "niner",
        "zero",
        "four",
        "fort",
        "forty",
        "fourteen",
        "double",
        "doubt",
        "triple",
        "trip",
        "treble",
        "treat",
        "quadruple",
        "quad",
        "may",
        "many",
        "march",
        "mar",
        "jan",
        "june",
        "jun",
        "july",
        "august",
        "aug",
        "sept",
        "september",
        "oct",
        "nov",
        "dec",
        "decide",
        "nought",
        "naught",
        "nil",
        "eleven",
        "fifteen",
        "fifty",
        "delivery",
        "sorry",
        "uh",
        "and",
        "x",
        "a",
    ];

    fn matches_word_by_word_reading(sp: &Spoken) {
        let base: &[u8] = b"Someone said: it's ONE of the forty-two things, \
            nine\xC3\xA9 or ninety; x9one, *two, done\nseven, jan. oh ";
        // Repeated with growing padding, so that words fall at every
        // offset of the 64-byte blocks.
        let mut text = Vec::new();
        for k in 0..9 {
            text.extend_from_slice(base);
            text.extend(std::iter::repeat_n(b'.', k));
        }
        let text = &text[..];
        let naive = |from: usize| naive(sp, text, from, text.len());
        for from in 0..text.len() {
            assert_eq!(
                sp.find_trigger(text, from, text.len()),
                naive(from),
                "from {from}"
            );
        }
        assert!(naive(0).is_some());
    }
}
