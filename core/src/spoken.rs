//! Number words as speech-to-text writes them.
//!
//! A [`Lang`] is a table of words and what each means to the scanner. Only
//! English is built in; another language is another table, and the scanner
//! does not change.

use std::sync::OnceLock;

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind,
};

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
    /// "double": the next digit twice.
    Double,
    /// "triple": the next digit three times.
    Triple,
    /// A homophone speech-to-text writes for a digit ("for", "to", "won",
    /// "ate", "o"): a digit only inside a run that is already numeric.
    Homophone(u8),
    /// A month name: two digits, for expiry dates.
    Month(u8),
    /// A word that may stand between digits without ending the number
    /// ("uh", "sorry", "again").
    Filler,
}

/// A language's word table.
pub(crate) struct Lang {
    pub(crate) words: &'static [(&'static str, Word)],
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
        ("double", Double),
        ("triple", Triple),
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
        ("sorry", Filler),
        ("again", Filler),
        ("and", Filler),
        ("then", Filler),
        ("so", Filler),
        ("okay", Filler),
        ("ok", Filler),
        ("yeah", Filler),
        ("yes", Filler),
        ("wait", Filler),
        ("actually", Filler),
        ("like", Filler),
        ("let", Filler),
        ("me", Filler),
        ("start", Filler),
        ("over", Filler),
        ("repeat", Filler),
        ("that", Filler),
        ("i", Filler),
        ("mean", Filler),
        ("no", Filler),
        ("oops", Filler),
        ("dash", Filler),
        ("space", Filler),
        ("is", Filler),
        ("slash", Filler),
        ("hyphen", Filler),
        ("stroke", Filler),
    ],
};

/// The longest word in any table, in bytes.
pub(crate) const MAX_WORD: usize = 12;

/// A language's tables, compiled.
pub(crate) struct Spoken {
    lang: &'static Lang,
    /// Finds the words that can start a spoken number: digit words, teens,
    /// tens, "double"/"triple", month names.
    pub(crate) triggers: AhoCorasick,
}

impl Spoken {
    /// The English tables, compiled once per process.
    pub(crate) fn english() -> &'static Spoken {
        static S: OnceLock<Spoken> = OnceLock::new();
        S.get_or_init(|| Spoken::new(&ENGLISH))
    }

    fn new(lang: &'static Lang) -> Spoken {
        let pats: Vec<&str> = lang
            .words
            .iter()
            .filter(|(_, w)| {
                matches!(
                    w,
                    Digit(_) | Teen(_) | Tens(_) | Double | Triple | Month(_)
                )
            })
            .map(|(s, _)| *s)
            .collect();
        let triggers = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(pats)
            .expect("word table compiles");
        Spoken { lang, triggers }
    }

    /// What `word` (ASCII letters) means, if anything.
    pub(crate) fn lookup(&self, word: &[u8]) -> Option<Word> {
        lookup_in(self.lang, word)
    }
}

fn lookup_in(lang: &Lang, word: &[u8]) -> Option<Word> {
    if word.is_empty() || word.len() > MAX_WORD {
        return None;
    }
    let mut low = [0u8; MAX_WORD];
    for (i, b) in word.iter().enumerate() {
        low[i] = b.to_ascii_lowercase();
    }
    let low = &low[..word.len()];
    lang.words.iter().find(|(s, _)| s.as_bytes() == low).map(|(_, w)| *w)
}

/// Whether a word inside a spoken finding is masked: every word that carries
/// digits (fillers such as "uh" or "sorry" are kept).
pub(crate) fn is_masked_word(word: &[u8]) -> bool {
    matches!(lookup_in(&ENGLISH, word), Some(w) if w != Filler)
}
