//! The scanner: the one engine behind one-shot and streamed redaction.
//!
//! # The contract that makes streaming exact
//!
//! The scanner walks the text left to right with a cursor. It looks for a
//! *trigger* (a digit, or a number word when spoken forms are on) and then
//! decides everything about the run of digit groups that starts there from a
//! bounded *window*: at most [`LOOKBEHIND`] bytes before the trigger and
//! exactly [`AHEAD`] bytes from it (fewer only at the end of the input).
//! Every function below that reads text takes that window as its haystack,
//! so it cannot read past it. A stream that has not yet received the whole
//! window waits; one-shot redaction always has it. The same bytes give the
//! same decision, so the stream's output equals the one-shot output for any
//! chunking.
//!
//! The trigger search needs no window: whether a byte is a digit, or a word
//! is a number word, depends on the bytes of the word and the one character
//! before it, and a word cut at the end of a chunk is held back until it is
//! complete.
//!
//! # Runs, groups and windows
//!
//! A *run* is a sequence of digit *groups* joined by short gaps of
//! separators (spaces, dashes, dots, slashes, NBSP and other Unicode spaces,
//! line breaks; in spoken mode also filler words such as "uh" or "sorry").
//! A numeral group is a maximal sequence of digits (zero-width characters
//! between digits are read through); a spoken group is one number token
//! ("four", "forty one", "double five", "four hundred and twelve").
//!
//! Card numbers are looked for at group boundaries: from each group, the
//! longest window of groups holding 12 to 19 digits that passes Luhn and the
//! IIN table is taken (greedy, left to right). What is left between cards is
//! read for SSNs, expiry dates, CVVs and PINs, using keywords and the
//! position right after a card.
//!
//! A run longer than the window is decided in steps: only groups starting in
//! the first [`COMMIT`] bytes of the window are decided, and the cursor
//! resumes at the next group, still inside the run. A digit group of more than
//! 19 digits cannot hold a card and is skipped digit by digit, so a gigabyte
//! of digits costs constant memory.

use crate::brand::{self, Brand};
use crate::chars::{self, Class, Sep};
use crate::context::{self, cat_bit, Cat, Listed};
use crate::finding::{Digits, Finding, Kind, Reason};
use crate::luhn;
use crate::redactor::Inner;
use crate::spoken::{Spoken, Word, MAX_WORD};
use crate::testcards;

/// Bytes of left context a decision may read before its trigger.
pub(crate) const LOOKBEHIND: usize = 64;

/// Bytes a decision reads from its trigger on. A stream holds back at most
/// this many bytes (plus an incomplete character) while a candidate is
/// live.
pub(crate) const AHEAD: usize = 2048;

/// How far past the next digit a search for number words goes on (its
/// result is remembered).
const SPOKEN_AHEAD: usize = 1024;

/// In a run cut by the end of the window, only groups starting within this
/// many bytes of the trigger are decided in one step.
const COMMIT: usize = 1024;

/// Bytes of right context read for keywords after a number ("123 is my
/// cvv").
const CTX_AFTER: usize = 40;

/// How far past a number's window the test for a PIN's keyword reads
/// ([`Scanner::mentions_pin`]).
const PIN_AHEAD: usize = 512;

/// The read-ahead of [`PIN_AHEAD`] is for a window that overlaps the last
/// window read by this many bytes or more.
const PIN_DENSE: u64 = 48;

/// At most this many groups are read in one step.
const MAX_GROUPS: usize = 48;

/// A number this close after a card (no letters, digits or line breaks in
/// between) is read as the card's expiry date or CVV.
const CHAIN_GAP: usize = 24;

/// The most bytes between a card and its expiry date or CVV with the
/// labels of the speaker's turns between them ([`Scanner::after_card`]).
const CHAIN_TURNS_GAP: usize = 96;

/// The words that may stand between a card (or its expiry date) and the
/// number after it, read one at a time: a bare "code" or "security" labels
/// the CVV, after up to three connecting words and before "is" ("…1111,
/// expires 12/27, code 123", "…12 27 and the code is 123", "…exp 1227
/// security 123"). Connecting words with no label after them stand
/// between the card and some other number ("…1111 and the 2 others").
#[derive(Default)]
struct ChainLabel {
    /// Connecting words read before the label.
    connecting: u8,
    label: bool,
    is: bool,
}

impl ChainLabel {
    /// Reads the next word; `false` when it may not stand there.
    fn read(&mut self, word: &[u8]) -> bool {
        let one_of =
            |list: &[&[u8]]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
        if self.label {
            if !self.is && one_of(&[b"is", b"was"]) {
                self.is = true;
                return true;
            }
            return false;
        }
        if one_of(&[b"code", b"security"]) {
            self.label = true;
            return true;
        }
        if self.connecting < 3
            && one_of(&[b"and", b"the", b"then", b"my", b"its", b"plus"])
        {
            self.connecting += 1;
            return true;
        }
        false
    }

    /// Whether the words read may end there: none, or a label.
    fn complete(&self) -> bool {
        self.label || self.connecting == 0
    }
}

/// The most groups [`Scanner::quiet`] reads; a longer run is left to the
/// full reading.
const QUIET_GROUPS: usize = 24;

/// The most groups [`Scanner::quiet_simple_run`] reads.
const SIMPLE_GROUPS: usize = 16;

/// The shape of a run of typed digit groups, as [`Scanner::quiet`] reads
/// it: where each group starts, how many digits it has, and the separator
/// before it.
#[derive(Default)]
struct Shape {
    /// Groups (at most [`QUIET_GROUPS`]).
    n: usize,
    /// Window-relative start of the first group.
    origin: usize,
    /// The starts of the groups, as offsets from `origin` (a run spans
    /// less than a window, [`AHEAD`] bytes; four bytes each keep the
    /// shape small to set up).
    s: [u32; QUIET_GROUPS],
    /// Digits in each group (up to 255 counted).
    nd: [u8; QUIET_GROUPS],
    /// The separator before each group as a [`sep_bit`] when it is one
    /// character; 0 when it is none (the first group) or more than one.
    one_sep: [u8; QUIET_GROUPS],
    /// Window-relative end of the last group.
    e: usize,
    /// The groups that a line break stands before, as bits.
    lines: u32,
}

impl Shape {
    /// The window-relative start of group `k`.
    fn start(&self, k: usize) -> usize {
        self.origin + self.s[k] as usize
    }

    /// Adds a group of `nd` digits at `s..e` after separator `one_sep`.
    fn push(&mut self, s: usize, e: usize, nd: usize, one_sep: u8) {
        if self.n == 0 {
            self.origin = s;
        }
        // (A run spans less than its window past its first group, AHEAD
        // bytes: the offset fits.)
        debug_assert!(s - self.origin <= AHEAD);
        self.s[self.n] = (s - self.origin) as u32;
        self.nd[self.n] = nd.min(usize::from(u8::MAX)) as u8;
        self.one_sep[self.n] = one_sep;
        if one_sep == sep_bit(Sep::Newline) {
            self.lines |= 1 << self.n;
        }
        self.n += 1;
        self.e = e;
    }
}

/// Separator bits for [`Gap::seps`].
fn sep_bit(s: Sep) -> u8 {
    match s {
        Sep::Space => 1,
        Sep::Dash => 2,
        Sep::Dot => 4,
        Sep::Slash => 8,
        Sep::Comma => 16,
        Sep::Newline => 32,
        Sep::Pipe => 64,
    }
}

/// What stands between two groups.
#[derive(Clone, Copy, Default, Debug)]
struct Gap {
    /// Separator characters.
    chars: u8,
    /// The kinds of separator seen, as [`sep_bit`]s.
    seps: u8,
    /// Filler words.
    words: u8,
    /// Whether a filler takes back the digits before ("sorry").
    restart: bool,
    /// Whether a separator is said as a word ("12 slash 27").
    said: bool,
    /// A speaker label stands in the gap ("…one one\nagent: go ahead\n
    /// customer: one one…"): the digits go on in a later turn.
    turn: bool,
    /// A comma glued between digits: a number grouped by thousands
    /// ("4,242,424,242,424,242", as speech-to-text may print a number read
    /// without pauses) or groups of four typed with commas.
    comma: bool,
}

/// One group of digits: a numeral group or a spoken number token.
#[derive(Clone, Copy, Debug)]
struct Group {
    /// Window-relative start.
    s: usize,
    /// Window-relative end.
    e: usize,
    /// Number of digits; more than 19 only for numeral groups too long to
    /// be part of a card (their digits are not kept).
    nd: usize,
    /// The digits (first 19).
    d: [u8; 19],
    /// Written in words.
    spoken: bool,
    /// A month name.
    month: bool,
    /// Mask characters where digits were (text redacted before): it keeps
    /// the run's shape but takes part in no finding.
    masked: bool,
    /// Digits right after masked ones, no more than a mask keeps (four):
    /// not read again for the short kinds. A card that starts with them is
    /// still a card (a redaction never leaves a whole card in clear).
    kept: bool,
    /// Kept digits glued to the mask before them.
    glued: bool,
    /// The gap before this group (empty for a run's first group).
    gap: Gap,
}

impl Group {
    fn digits(&self) -> &[u8] {
        &self.d[..self.nd.min(19)]
    }

    fn value(&self) -> u32 {
        self.digits().iter().fold(0, |a, &d| a * 10 + u32::from(d))
    }
}

/// Facts about the run being decided.
#[derive(Clone, Copy, Debug)]
struct Run {
    /// The first group starts the run (it is not the continuation of a run
    /// decided in an earlier step).
    first: bool,
    /// The class of the character before the first group.
    left: Class,
    /// A decimal point and digit stand before the first group.
    left_decimal: bool,
    /// The first group is at most four digits joined to a word by a dash
    /// ("EAN-13 590…"): with a not-a-card word, the number starts at the
    /// second group.
    dash_word: bool,
    /// The class of the character after the last group (when not cut).
    right: Class,
    /// A decimal point and digit follow the last group.
    right_decimal: bool,
    /// The window ended inside the run: more groups may follow.
    cut: bool,
    /// A digit group too long for a card starts here, right after the run.
    long_at: Option<usize>,
    /// The first group follows masked digits: it is what a mask kept (the
    /// last four digits of a card) and is not read again.
    after_mask: bool,
    /// A speaker's label stands between two of its groups ([`Gap::turn`]).
    turns: bool,
    /// The run holds the parts of a number without their repeats
    /// ([`Scanner::read_back`]).
    parts: bool,
}

/// The scanner's state between steps. Every field is part of what makes a
/// decision, so a stream and a one-shot scan that reach the same cursor are
/// in the same state.
#[derive(Clone, Debug)]
pub(crate) struct Scanner {
    /// Absolute offset where scanning resumes. Everything before it is
    /// decided.
    cursor: u64,
    /// The cursor sits at a group that continues a run whose earlier groups
    /// were decided in an earlier step.
    in_run: bool,
    /// The cursor sits inside a digit group too long to hold a card: its
    /// digits are skipped.
    in_long: bool,
    /// End of the last card, or of an expiry date or CVV that followed one.
    chain_end: Option<u64>,
    /// The head of the line that holds the end of that card, whose
    /// speaker's turn it is if the line names one
    /// ([`Scanner::chain_speaker`]).
    chain_line: LineHead,
    /// The chain ends at a card whose security code has three digits (any
    /// but American Express): a group of four digits right after it that
    /// reads as MMYY is its expiry date, not a CVV.
    chain_at_code3_card: bool,
    /// The fields still to come in the chain that ends at the absolute
    /// offset held here, as bits (`1 << Cat`): a list of keywords named
    /// them with the one just found ("Expiry/CVV: 03/27 and 737"), so a
    /// bare "and" may join their values ([`Scanner::after_card`]).
    chain_listed: (u64, u8),
    /// End of the last run decided: keywords before a number are read back
    /// to it and no further, so "cvv 123 and 4567" does not make 4567 a
    /// CVV.
    last_run_end: u64,
    /// End of the last finding reported (absolute, 0 before the first): a
    /// dot right after it is no decimal point, as its digits are masked
    /// ("…5101.4111…" must not leave "****.4111…" in clear).
    finding_end: u64,
    /// The mask of that finding will bound the look-behind of the next
    /// number's keyword ([`mask_bounds`]).
    finding_bounds: bool,
    /// That finding's kind, reason and absolute start, for the other
    /// side's turn that reads it back ([`Scanner::short_read_back`]).
    finding_what: Option<(Kind, Reason, u64)>,
    /// Scratch space for the groups of the run being decided.
    groups: Vec<Group>,
    /// Scratch space for the cards found in it.
    cards: Vec<CardHit>,
    /// `groups` and `cards` are borrowed from this thread's
    /// [`Scratch`] when first needed ([`Scanner::one_shot`]).
    pooled: bool,
    /// What the last search for a digit learned: no digit in
    /// `[from, upto)`, and a digit at `upto` if `found`. Absolute offsets.
    /// Bytes never change once seen, so this stays true; it saves
    /// rescanning a long digit-free stretch for every number word in it.
    digit_memo: Memo,
    /// The same for number words.
    word_memo: Memo,
    /// The run just decided had fewer than three digits ("three digits on
    /// the back", "at 2 pm"): it does not cut keywords off from the numbers
    /// after it.
    short_run: bool,
    /// Bytes visited by trigger searches and run parsing: a count of work
    /// for tests that check the scan stays linear.
    work: u64,
    /// Text known to hold no "pin" or "passc": the look-behinds of
    /// numbers close together overlap, and the quick PIN test reads each
    /// byte about once.
    pin_free: Free,
    /// Text known to hold no keyword that makes a finding, for the same
    /// reason.
    naming_free: Free,
}

/// Absolute offsets `[from, upto)` of a stretch of text known to hold no
/// match of some test that finds substrings.
#[derive(Clone, Copy, Debug, Default)]
struct Free(u64, u64);

impl Free {
    /// Whether `[base + lo, base + hi)` is known to hold no match.
    #[inline(always)]
    fn covers(&self, base: u64, lo: usize, hi: usize) -> bool {
        let (alo, ahi) = (base + lo as u64, base + hi as u64);
        self.0 <= alo && ahi <= self.1
    }

    /// Whether `test` finds a match in `win[lo..hi]` (`base` the absolute
    /// offset of `win`, `reach` the longest match less one byte; `test`
    /// gets `win` and the part to read, and may look around it), reading
    /// only the part not known to hold none, and remembering the window
    /// when it holds none.
    fn holds(
        &mut self,
        win: &[u8],
        base: u64,
        (lo, hi): (usize, usize),
        reach: u64,
        test: impl Fn(&[u8], usize, usize) -> bool,
    ) -> bool {
        if self.covers(base, lo, hi) {
            return false;
        }
        let Free(a, b) = *self;
        let (alo, ahi) = (base + lo as u64, base + hi as u64);
        let overlaps = a <= alo && alo <= b;
        // A match that ends past `b` starts at most `reach` bytes before.
        let from =
            if overlaps { b.saturating_sub(reach).max(alo) } else { alo };
        if test(win, (from - base) as usize, hi) {
            return true;
        }
        *self = Free(alo, ahi);
        false
    }
}

/// A remembered search result: no match in `[from, upto)`, and a match at
/// `upto` when `found`.
#[derive(Clone, Copy, Debug)]
struct Memo {
    from: u64,
    upto: u64,
    found: bool,
}

impl Memo {
    /// Nothing known yet: no offset lies in `[u64::MAX, 0]`. (Zeros mean
    /// the same, but a scanner made with them read a one-line message 4 to
    /// 7 ns slower, of 26 to 42 ns a call, stalled at the first look-up.)
    const NONE: Memo = Memo { from: u64::MAX, upto: 0, found: false };

    /// Where a search from `from` may start, or the match it already
    /// knows.
    fn lookup(&self, from: u64) -> Result<u64, u64> {
        if from >= self.from && from <= self.upto {
            if self.found {
                Ok(self.upto)
            } else {
                Err(self.upto)
            }
        } else {
            Err(from)
        }
    }
}

/// What a decision step needs besides the scanner.
struct Ctx<'a, 'h> {
    inner: &'a Inner,
    /// The decision window: the haystack cut at trigger + `AHEAD`.
    win: &'h [u8],
    /// The lowest window index a decision may read.
    lo: usize,
    /// Absolute offset of `win[0]`.
    base: u64,
    /// The window ends where the input ends.
    eof_end: bool,
}

/// The full reading's scratch vectors, kept on each thread between one-shot
/// scans ([`Scanner::one_shot`]): a call that reads a run in full would
/// allocate them and free them again, a tenth of the time of a short
/// message with a card in it.
#[derive(Default)]
struct Scratch {
    groups: Vec<Group>,
    cards: Vec<CardHit>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = const {
        std::cell::Cell::new(Scratch { groups: Vec::new(), cards: Vec::new() })
    };
}

impl Scanner {
    /// A scanner at the start of a text.
    pub(crate) fn new() -> Scanner {
        Scanner::starting_at(0)
    }

    /// Scans the whole of `hay` ([`Scanner::advance`] at its end) with a
    /// new scanner that borrows this thread's scratch vectors when it first
    /// reads a run in full ([`Scanner::step`]) and gives them back. (A
    /// callback that scans another text on the same thread finds them
    /// taken and allocates its own; the last given back are kept.)
    pub(crate) fn one_shot(
        inner: &Inner,
        hay: &[u8],
        emit: &mut dyn FnMut(Finding),
    ) {
        let mut sc = Scanner::new();
        sc.pooled = true;
        sc.advance(inner, hay, 0, true, emit);
        if sc.groups.capacity() > 0 || sc.cards.capacity() > 0 {
            let (mut groups, mut cards) = (sc.groups, sc.cards);
            groups.clear();
            cards.clear();
            SCRATCH.with(|c| c.set(Scratch { groups, cards }));
        }
    }

    /// A scanner that starts deciding at `pos`: the bytes before it are
    /// context only.
    pub(crate) fn starting_at(pos: u64) -> Scanner {
        Scanner {
            cursor: pos,
            in_run: false,
            in_long: false,
            chain_end: None,
            chain_line: LineHead::NONE,
            chain_at_code3_card: false,
            chain_listed: (0, 0),
            last_run_end: 0,
            finding_end: 0,
            finding_bounds: false,
            finding_what: None,
            groups: Vec::new(),
            cards: Vec::new(),
            pooled: false,
            digit_memo: Memo::NONE,
            word_memo: Memo::NONE,
            short_run: false,
            work: 0,
            pin_free: Free::default(),
            naming_free: Free::default(),
        }
    }

    /// Whether `win[lo..hi]` holds "pin" or "passc" (or "pass c", "pass-c",
    /// "pass_c"), as [`context::mentions_pin`] tells, reading only what an
    /// earlier call did not (`base` is the absolute offset of `win`).
    fn mentions_pin(
        &mut self,
        win: &[u8],
        base: u64,
        lo: usize,
        hi: usize,
    ) -> bool {
        // (A mention that ends past what was read starts at most five
        // bytes before: "pass_c".) The test reads ahead of the window:
        // the next numbers' windows lie there, and most text holds no
        // mention, so one read serves the numbers of several lines.
        let test =
            |w: &[u8], a: usize, b: usize| context::mentions_pin(&w[a..b]);
        if self.pin_free.covers(base, lo, hi) {
            return false;
        }
        // Only where the windows of numbers nearly touch (logs, delimited
        // rows): in chat, numbers lie far apart, and reading the text
        // between them costs more than it saves.
        let dense = base + lo as u64 + PIN_DENSE <= self.pin_free.1;
        let far = if dense { win.len().min(hi + PIN_AHEAD) } else { hi };
        if far > hi && !self.pin_free.holds(win, base, (lo, far), 5, test) {
            return false;
        }
        // No read-ahead, or a mention somewhere up to `far`: the window
        // itself tells.
        self.pin_free.holds(win, base, (lo, hi), 5, test)
    }

    /// Whether a keyword that makes a finding may stand in `win[lo..hi]`, as
    /// [`context::Keywords::names_finding`] tells, reading only what an
    /// earlier call did not, nor `skip`, a stretch that no keyword crosses
    /// or stands in.
    fn names_finding(
        &mut self,
        inner: &Inner,
        win: &[u8],
        base: u64,
        (lo, hi): (usize, usize),
        skip: Option<(usize, usize)>,
    ) -> bool {
        let k = inner.keywords;
        let reach = k.naming_len() - 1;
        self.naming_free.holds(
            win,
            base,
            (lo, hi),
            reach,
            |w, a, b| match skip {
                Some((s, e)) if a < s && e < b => {
                    k.names_finding(w, a, s) || k.names_finding(w, e, b)
                }
                _ => k.names_finding(w, a, b),
            },
        )
    }

    /// Where scanning resumes (absolute).
    pub(crate) fn cursor(&self) -> u64 {
        self.cursor
    }

    /// Bytes visited so far by trigger searches and run parsing.
    pub(crate) fn work(&self) -> u64 {
        self.work
    }

    /// Decides as much of `hay` as can be decided and reports findings in
    /// order. `hay[0]` is at absolute offset `base`; `hay` holds everything
    /// from `cursor - LOOKBEHIND` (or the start of the text) on. `eof` says
    /// no more input follows. Returns the absolute offset before which no
    /// later finding can start: output up to there is settled.
    pub(crate) fn advance(
        &mut self,
        inner: &Inner,
        hay: &[u8],
        base: u64,
        eof: bool,
        emit: &mut dyn FnMut(Finding),
    ) -> u64 {
        let lim = if eof {
            hay.len()
        } else {
            hay.len() - chars::incomplete_tail(hay)
        };
        loop {
            let cur = (self.cursor - base) as usize;
            if self.in_long {
                let mut p = cur;
                while p < lim {
                    let (c, n) = chars::classify(hay, p);
                    if !matches!(c, Class::Digit(_) | Class::Invisible) {
                        break;
                    }
                    p += n;
                }
                self.cursor = base + p as u64;
                if p >= lim && !eof {
                    return self.cursor;
                }
                self.in_long = false;
                continue;
            }
            let t = if self.in_run {
                cur
            } else {
                match self.next_trigger(inner, hay, base, cur, lim, eof) {
                    Ok(t) => t,
                    Err(settle) => {
                        self.cursor = base + settle as u64;
                        return self.cursor;
                    }
                }
            };
            // Homophones right before a spoken digit start its run ("for
            // for eight five…"); a stream holds them back until it can
            // tell ([`Scanner::next_trigger`]).
            let t = match inner.spoken {
                Some(sp)
                    if !self.in_run
                        && t > cur
                        && hay[t - 1] == b' '
                        && hay[t].is_ascii_alphabetic() =>
                {
                    let lead = homophones_before(sp, hay, cur, t);
                    if lead < t && starts_digits(sp, &hay[..lim], t) {
                        lead
                    } else {
                        t
                    }
                }
                _ => t,
            };
            let track = if self.in_run { None } else { track_start(hay, t) };
            // (One or two ASCII digits that nothing continues are passed
            // over by the trigger search: [`short_number_end`].)
            if !self.in_run
                && track.is_none()
                && hay[t].is_ascii_digit()
                && fast_paths()
            {
                // (The ASCII digits from `t`, up to twenty, counted once.)
                let digits = chars::digits_from(&hay[..lim], t, 20);
                let word_after = |e: usize| word_after(inner, &hay[..lim], e);
                // One group of up to 19 ASCII digits glued to an ASCII
                // letter on its right ("123ms", "024Z", "…abc") is one
                // token: no card (a card glued to a letter is printed in
                // groups) and none of the short kinds. It still bounds the
                // keyword look-behind of the next number, as a run does.
                let e = t + digits;
                // (Not digits enough for a card glued to a keyword:
                // "4111…exp 12/27" is a card and its expiry date, the space
                // left out; [`glued_keyword_after`].)
                let keyword_after = || {
                    let reach = e + inner.keywords.naming_len() as usize + 1;
                    !eof && reach > lim
                        || inner
                            .keywords
                            .starting_at(
                                &hay[..lim],
                                t.saturating_sub(LOOKBEHIND),
                                e,
                            )
                            .is_some_and(|c| c != Cat::Other)
                };
                if e - t >= 3
                    && e - t <= 19
                    && e < lim
                    && hay[e].is_ascii_alphabetic()
                    // (Not the digits of an escape: "\u2009cvv".)
                    && !(t >= 1 && chars::may_end_escape(hay[t - 1]))
                    && Some(hay[e]) != inner.masker.mask_byte()
                    // (Nor a card number glued to the `D` of a chip's
                    // track data, read in full: [`emv_track`].)
                    && (e - t < 12
                        || hay[e] | 0x20 != b'd' && !keyword_after())
                {
                    self.work += (e - t) as u64;
                    self.cursor = base + e as u64;
                    self.last_run_end = self.cursor;
                    continue;
                }
                // One group of 3 to 19 ASCII digits in a decimal number,
                // an IP address or a version ("10.153.127.208", "$123.45",
                // "v2.3.1004"): after a decimal point, or before one that
                // joins no group to it (a lone dot joins only groups
                // printed as a card or an SSN is), it is a token of no
                // kind, and nothing after it continues the run.
                if (3..=19).contains(&(e - t))
                    && e < lim
                    && hay[e] != b'%'
                    && (t >= 2
                        && hay[t - 1] == b'.'
                        && hay[t - 2].is_ascii_digit()
                        && self.finding_end != base + t as u64 - 1
                        || hay[e] == b'.')
                    && (dot_ends_run(
                        hay,
                        t.saturating_sub(LOOKBEHIND),
                        lim,
                        eof,
                        t,
                        e,
                    ) || ends_alone(&hay[..lim], e)
                        || word_after(e) && !label_at(&hay[..lim], e + 1))
                    && !(t >= 1 && chars::may_end_escape(hay[t - 1]))
                    && inner.masker.mask_byte().is_none_or(|m| {
                        !chars::has_byte(
                            &hay[t.saturating_sub(LOOKBEHIND)..t],
                            m,
                        )
                    })
                {
                    self.work += 1 + (e - t) as u64;
                    self.cursor = base + e as u64;
                    self.last_run_end = self.cursor;
                    continue;
                }
                // One group of 5 or 7 to 19 ASCII digits that nothing
                // continues can only be a PIN (up to twelve digits), an
                // SSN (nine) or a card (twelve or more, passing the Luhn
                // check, and issued by a brand or next to a card keyword):
                // no CVV or expiry date is one group of that many digits.
                // Without "pin" or "pass" (and "ss", "soc" or "s s" for
                // nine digits) where those keywords would be read, and no
                // card, it is none of ours ("order 12345678",
                // "req=417204519", "ts=1700000000000"); it
                // bounds the keyword look-behind of the next number, as a
                // run does.
                // (Not after a '%', whose digits may be a URL-encoded
                // separator, nor next to a mask character, which joins
                // masked text.)
                let lo = (base + t as u64).saturating_sub(LOOKBEHIND as u64);
                let lo = (lo - base) as usize;
                let mask = inner.masker.mask_byte();
                let nine = e - t == 9;
                // Where a PIN or SSN keyword would be read: before and
                // after the digits, read at once (no keyword spans digits).
                let before = &hay[lo..t];
                let around_end = lim.min(e + CTX_AFTER);
                let around = &hay[lo..around_end];
                // Whether the digits pass the Luhn check, and whether a
                // brand issues them (`Some(true)`): a number that passes it
                // but that no brand issues ("ts=1700000000013") is a card
                // only next to a card keyword.
                let luhn_brand = || {
                    let mut d = [0u8; 19];
                    ascii_digits_into(&mut d, &hay[t..e]);
                    let d = &d[..e - t];
                    luhn::valid(d).then(|| brand::issued(d))
                };
                // Nothing continues the group when what follows it ends
                // the run as the full reading's gap rule reads it
                // ("order 520757068152 - the", "IMEI 35…, see"); an ASCII
                // byte after it, as a byte outside ASCII may join digits.
                let gap_ends = || {
                    let cx = Ctx {
                        inner,
                        win: &hay[..hay.len().min(t + AHEAD)],
                        lo,
                        base,
                        eof_end: eof && hay.len() <= t + AHEAD,
                    };
                    hay[e] < 0x80
                        && matches!(
                            gap_at(&cx, e, inner.spoken, false, Turns::Read),
                            Err(false)
                        )
                };
                if matches!(e - t, 5 | 7..=19)
                    && (e - t < 12
                        || match luhn_brand() {
                            None => true,
                            // (Where the full reading reads a keyword for
                            // a run it may pass over: [`Scanner::quiet_shape`].)
                            Some(false) => {
                                let from = lo.max(
                                    self.last_run_end.saturating_sub(base)
                                        as usize,
                                );
                                let to = read_after_end(hay, e, around_end, mask);
                                // (Not before the `D` of track data:
                                // [`emv_track`].)
                                hay.get(e).is_none_or(|&b| b | 0x20 != b'd')
                                    && !self.names_finding(
                                    inner,
                                    hay,
                                    base,
                                    (from.min(to), to),
                                    None,
                                )
                            }
                            Some(true) => false,
                        })
                    && e < lim
                    && (eof || e + CTX_AFTER <= lim)
                    && Some(hay[e]) != mask
                    && (ends_alone(&hay[..lim], e)
                        || word_after(e) && !label_at(&hay[..lim], e + 1)
                        || gap_ends())
                    && !(t >= 1 && chars::may_end_escape(hay[t - 1]))
                    && mask.is_none_or(|m| !chars::has_byte(before, m))
                    // (More than twelve digits are no PIN.)
                    && (e - t > 12
                        || !self.mentions_pin(hay, base, lo, around_end))
                    && !(nine && context::mentions_ssn(around))
                {
                    self.work += 1 + (e - t) as u64;
                    self.cursor = base + e as u64;
                    self.last_run_end = self.cursor;
                    continue;
                }
            }
            if !eof && hay.len() <= t + AHEAD {
                self.cursor = base + t as u64;
                return base + track.unwrap_or(t) as u64;
            }
            let wend = hay.len().min(t + AHEAD);
            let abs_t = base + t as u64;
            let lo = (abs_t.saturating_sub(LOOKBEHIND as u64) - base) as usize;
            let cx = Ctx {
                inner,
                win: &hay[..wend],
                lo,
                base,
                eof_end: eof && hay.len() <= t + AHEAD,
            };
            // (A digit word or a month alone in a sentence, "I have one
            // question", "we may need", is read as the full reading reads
            // it, without the run parser: [`lone_number_word`].)
            if let Some(sp) = inner.spoken.filter(|_| {
                !self.in_run && track.is_none() && hay[t].is_ascii_alphabetic()
            }) {
                if let Some((e, month)) = lone_number_word(sp, cx.win, lo, t) {
                    // A month is no short run: it bounds the keyword
                    // look-behind of the next number, as a run does.
                    self.short_run = !month;
                    if month && !in_stamp(&cx, t, e) {
                        self.last_run_end = base + e as u64;
                    }
                    self.work += 1 + (e - t) as u64;
                    self.cursor = base + e as u64;
                    continue;
                }
            }
            if let Some(ts) = track {
                if let Some((te, d)) = parse_track(cx.win, ts) {
                    self.emit_track(&cx, ts, te, &d, emit);
                    self.cursor = base + te as u64;
                    self.last_run_end = self.cursor;
                    continue;
                }
            }
            self.short_run = false;
            let (next, in_run, in_long) = self.step(&cx, t, emit);
            if next > t && !self.short_run && !in_stamp(&cx, t, next) {
                self.last_run_end = base + next as u64;
            }
            debug_assert!(next > t || in_long);
            self.cursor = base + next as u64;
            self.in_run = in_run;
            self.in_long = in_long;
        }
    }

    /// The end of the run at trigger `t` when it is one the full reading
    /// ([`Scanner::step`]) would pass over whole through
    /// [`Scanner::quiet`], read without [`parse_run`]; `None` to leave the
    /// run to the full reading. Only the simplest runs are read here:
    /// groups of at most 19 ASCII digits joined by one ASCII separator
    /// that is no dot or comma, with no mask character in the
    /// look-behind, ended where the full reading's gap rule ends a run at
    /// once: a letter glued to the digits, an ASCII character that is no
    /// separator (but not `%`), or one space and a word that is no number
    /// word or filler; or after another separator that no digit follows,
    /// where [`gap_at`] ends the run ("+1 555 123 4567\nINFO"). The groups
    /// are those [`parse_run`] reads, and the decision's other checks
    /// ([`is_uuid`] aside, which passes over the run too, and
    /// [`iban_before`]) are made as [`Scanner::decide`] makes them.
    // (Out of line, as `step` is: inlined into the per-number loop of
    // `advance`, it made every number cost more.)
    #[inline(never)]
    fn quiet_simple_run(
        &mut self,
        cx: &Ctx<'_, '_>,
        t: usize,
    ) -> Option<usize> {
        let w = cx.win;
        let mask = cx.inner.masker.mask_byte();
        // The groups, as the full reading reads them: most runs read here
        // are too short or end otherwise.
        let mut sh = Shape::default();
        let mut p = t;
        let mut digits = 0;
        let mut sep = 0;
        let mut read_gap = false;
        let end = loop {
            let nd = chars::digits_from(w, p, 20);
            let e = p + nd;
            // (At the end of the window only where the text ends.)
            let at_end = e >= w.len();
            if nd == 0
                || nd > 19
                || at_end && !cx.eof_end
                || !at_end && w[e] >= 0x80
                || sh.n == SIMPLE_GROUPS
            {
                return None;
            }
            sh.push(p, e, nd, sep);
            digits += nd;
            // A run that ends the text ("my zip is 90210", a message of
            // its own) ends there, as the gap rule reads it. (Not one of
            // three or four digits, often a CVV or a PIN after its keyword,
            // nor one that may hold a card: those are read in full at
            // once. Fewer than three digits are left to
            // [`short_number_end`].)
            if at_end {
                if !(5..12).contains(&digits) {
                    return None;
                }
                break e;
            }
            let b = w[e];
            // A lone dot between groups joins them only as `dot_joins` says
            // (which the full reading reads); otherwise it is a decimal
            // point, and the run ends before it ("3,123,456,373.25").
            let dot_end = match one_sep_gap(w, e) {
                Some(Sep::Dot) => {
                    if !dot_ends_run(w, cx.lo, w.len(), cx.eof_end, e - nd, e)
                    {
                        return None;
                    }
                    true
                }
                // A line that a timestamp starts ("…4567\n[10:02] agent:")
                // may hold a turn, which the gap rule reads: the run ends
                // here where that rule ends it.
                // So does a log record's timestamp ([`log_stamp_at`]).
                Some(Sep::Newline)
                    if log_stamp_at(w, e + 1)
                        || cx.inner.spoken.is_some() && timed(w, e + 1) =>
                {
                    read_gap = true;
                    true
                }
                Some(s) => {
                    sep = sep_bit(s);
                    p = e + 1;
                    continue;
                }
                None => false,
            };
            // A comma glued to the digits on both sides joins a number
            // grouped by thousands ("72,867") where the gap rule joins it
            // ([`glued_comma`]); the rest end the run or are read by the
            // gap rule below.
            // (A glued comma that joins nothing ends the run there, as
            // the gap rule reads it: that rule is not read again.)
            let mut comma_ends = false;
            if b == b',' && w.get(e + 1).is_some_and(u8::is_ascii_digit) {
                match glued_comma(w, cx.lo, e, cx.eof_end) {
                    Some(true) => {
                        sep = sep_bit(Sep::Comma);
                        p = e + 1;
                        continue;
                    }
                    Some(false) => comma_ends = true,
                    None => return None,
                }
            }
            // Fewer than three digits are a short run, which bounds no
            // keyword look-behind and which [`Scanner::decide`] passes over
            // at once when no expiry field names it. Most end at a byte
            // that ends them alone, passed over in the trigger search
            // ([`short_number_end`]); one group that a separator ends,
            // where the gap rule ends the run ("…,08,yes", "… 8\n"), read
            // as the run parser reads it for fewer than three digits
            // (speaker turns are not read through), is passed over here.
            if digits < 3 {
                let passed = !dot_end
                    && sh.n == 1
                    && Some(b) != mask
                    && (comma_ends
                        || matches!(
                            gap_at(cx, e, cx.inner.spoken, false, Turns::No),
                            Err(false)
                        ))
                    && part_field_before(w, cx.lo, t).is_none()
                    && !mask.is_some_and(|m| {
                        chars::has_byte(&w[cx.lo.min(t)..t], m)
                    });
                if passed {
                    self.short_run = true;
                    return Some(e);
                }
                return None;
            }
            if Some(b) == mask {
                return None;
            }
            let a = e + 1;
            let ends = dot_end
                || match chars::classify(w, e).0 {
                    // (Not a card number glued to the `D` of a chip's
                    // track data: [`emv_track`].)
                    Class::Letter => sh.n > 1 || nd < 12 || b | 0x20 != b'd',
                    // (A `%`, `&` or `\` that starts no escaped separator
                    // ends the run as any other such byte: "100% sure".)
                    Class::Other => ends_alone(w, e),
                    Class::Sep(Sep::Space)
                        if b == b' '
                            && a < w.len()
                            && w[a].is_ascii_alphabetic() =>
                    {
                        Some(w[a]) != mask
                        // (A last group that counts digits is not part of
                        // the run: the full reading ends it before.)
                        && !(sh.n > 1
                            && nd <= 2
                            && w[a] | 0x20 == b'd'
                            && counts_digits_word(&w[e..]))
                        && match cx.inner.spoken {
                            None => true,
                            // A filler ("2025 and it broke", "order 123
                            // is late") ends the run where the gap rule,
                            // read below, ends it there.
                            Some(sp) => match word_ending_run(
                                sp, w, a, cx.eof_end,
                            ) {
                                Some(filler) => {
                                    read_gap |= filler;
                                    true
                                }
                                None => false,
                            },
                        }
                        && !label_at(w, a)
                    }
                    // Other separators no digit follows ("4567\nINFO", "4567.
                    // The", "240891,72,…" in a delimited record): the run ends
                    // where the full reading's gap rule ends it, read by that
                    // rule, last, as most such runs at the end of a line are
                    // told from their digits or keywords. (Not for three or
                    // four digits at the end of a line, which are often a CVV
                    // or an expiry date after its keyword: those are read in
                    // full at once.)
                    Class::Sep(_)
                        if digits >= 5 || !matches!(b, b'\n' | b'\r') =>
                    {
                        read_gap = !comma_ends;
                        !counts_digits(&w[e..])
                    }
                    _ => false,
                };
            if !ends {
                return None;
            }
            break e;
        };
        if mask.is_some_and(|m| chars::has_byte(&w[cx.lo.min(t)..t], m)) {
            return None;
        }
        let group = |k: usize| {
            let s = sh.start(k);
            &w[s..s + usize::from(sh.nd[k])]
        };
        let quiet = self.quiet_shape(cx, &sh, group, true, true)
            && iban_before(cx, t).is_none()
            && (!read_gap
                || matches!(
                    gap_at(cx, end, cx.inner.spoken, false, Turns::Read),
                    Err(false)
                ));
        quiet.then_some(end)
    }

    /// Decides the run starting at trigger `t`. Returns the window index to
    /// resume at and the new `in_run` and `in_long` flags.
    // (Out of line: most numbers never get here, and inlined into the
    // per-number loop of `advance` it made every number cost more.)
    #[inline(never)]
    fn step(
        &mut self,
        cx: &Ctx<'_, '_>,
        t: usize,
        emit: &mut dyn FnMut(Finding),
    ) -> (usize, bool, bool) {
        let first = !self.in_run;
        // The digits of an escape ("%3D", "&#160;", "\u2009";
        // [`chars::escape_over`]) are no number, and bound no keyword
        // look-behind: the number starts after it.
        if first && cx.win[t].is_ascii_digit() {
            if let Some((_, end)) = chars::escape_over(cx.win, 0, t) {
                self.short_run = true;
                return (end, false, false);
            }
        }
        // A run of ASCII digit groups that the quick decision finds holds
        // nothing ("+1 555 123 4567\n2026-11-05T…", "2026-11-05 12:34"),
        // read without the full run parser: the same groups, the same
        // decision, and the same state after it. (Not a number that may
        // go on from a card, "exp 12/27 cvv 123", nor one printed as an
        // SSN or a card: the quick decision turns those down after their
        // groups are read.)
        if first
            && cx.win[t].is_ascii_digit()
            && fast_paths()
            && !self.chain_near(cx.base + t as u64)
            && !printed_as_finding(cx.win, t)
        {
            if let Some(e) = record_date(cx, t) {
                self.work += 1 + (e - t) as u64;
                return (e, false, false);
            }
            if let Some(e) = self.quiet_simple_run(cx, t) {
                self.work += 1 + (e - t) as u64;
                return (e, false, false);
            }
        }
        if self.pooled && self.groups.capacity() == 0 {
            let Scratch { groups, cards } =
                SCRATCH.with(std::cell::Cell::take);
            (self.groups, self.cards) = (groups, cards);
        }
        let mut groups = std::mem::take(&mut self.groups);
        groups.clear();
        let mut run = parse_run(cx, t, first, &mut groups);
        // (A dot right after a finding is no decimal point: its digits are
        // masked.)
        if run.left_decimal && self.finding_end == cx.base + t as u64 - 1 {
            run.left_decimal = false;
        }
        self.work += 1 + groups.last().map_or(0, |g| g.e - t) as u64;
        // A chip's track data ([`emv_track`]): one group of 12 to 19 ASCII
        // digits glued to a `D`.
        if first
            && run.right == Class::Letter
            && groups.len() == 1
            && (12..=19).contains(&groups[0].nd)
            && cx.win[groups[0].e] | 0x20 == b'd'
            && groups[0].e - t == groups[0].nd
        {
            if let Some((te, d)) = emv_track(cx.win, t) {
                self.groups = groups;
                self.emit_track(cx, t, te, &d, emit);
                return (te, false, false);
            }
        }
        let r = if groups.is_empty() {
            match run.long_at {
                Some(p) => (p, false, true),
                // A trigger word that is no number here ("for" outside a
                // run, "double" before "4111"): step over it. It is no
                // run, so it does not bound the next number's keywords.
                None => {
                    self.short_run = true;
                    (word_end(cx.win, t).max(t + 1), false, false)
                }
            }
        } else {
            self.decide(cx, t, &run, &groups, emit)
        };
        self.groups = groups;
        r
    }

    /// The turn at group `k` (up to the next turn, before `b`) when it is
    /// the other speaker's and reads back the CVV, expiry date, PIN or SSN
    /// found right before it in the turn before ("Customer: expiry
    /// 12/27\nAgent: 12/27, thanks"): the same digits, with one line break
    /// and the label between. Reported as the same kind for the same
    /// reason, it returns the group after the turn.
    #[cold]
    #[inline(never)]
    fn short_read_back(
        &mut self,
        cx: &Ctx<'_, '_>,
        gs: &[Group],
        k: usize,
        b: usize,
        emit: &mut dyn FnMut(Finding),
    ) -> Option<usize> {
        let (kind, reason, start) = self.finding_what?;
        if !matches!(kind, Kind::Cvv | Kind::Expiry | Kind::Pin | Kind::Ssn)
            || k == 0
            || self.finding_end != cx.base + gs[k - 1].e as u64
            || start < cx.base
        {
            return None;
        }
        let start = (start - cx.base) as usize;
        let j = (0..k).find(|&j| gs[j].s >= start)?;
        let m = (k + 1..b).find(|&x| gs[x].gap.turn).unwrap_or(b);
        let d = collect(&gs[k..m]);
        if gs[j..m].iter().any(|g| g.masked || g.kept)
            || *collect(&gs[j..k]) != *d
        {
            return None;
        }
        let text_start = cx.lo == 0 && cx.base == 0;
        let before = line_speaker(cx.win, cx.lo, text_start, gs[k - 1].s);
        if !next_turn(cx.win, &gs[k - 1], &gs[k], before).0 {
            return None;
        }
        let spoken = gs[k..m].iter().any(|g| g.spoken);
        self.emit_raw(
            cx,
            kind,
            gs[k].s,
            gs[m - 1].e,
            &d,
            reason,
            spoken,
            emit,
        );
        Some(m)
    }

    /// A whole run in which one side repeats each part of a number as the
    /// other gives it ("customer: 4111 1111\nagent: 4111 1111\ncustomer:
    /// 1111 1111\nagent: 1111 1111", [`read_backs`]), decided without the
    /// repeats: read with them, the number's parts are no card in a row,
    /// and a card found across a repeat and the next part leaves the first
    /// part and the last repeat in clear, which together give the whole
    /// number. Each repeat is masked as part of the card whose part it
    /// repeats: one between two parts lies inside the card's span, and one
    /// that ends the run extends the card that ends right before it.
    /// `None` (nothing reported, the state as before) when the run holds
    /// no repeat, or a repeat is not so masked: the run is then read as it
    /// stands.
    #[cold]
    #[inline(never)]
    fn read_back(
        &mut self,
        cx: &Ctx<'_, '_>,
        t: usize,
        run: &Run,
        gs: &[Group],
        emit: &mut dyn FnMut(Finding),
    ) -> Option<(usize, bool, bool)> {
        let echo = read_backs(cx, gs)?;
        let is_echo = |k: usize| echo & (1 << k) != 0;
        let parts: Vec<Group> =
            (0..gs.len()).filter(|&k| !is_echo(k)).map(|k| gs[k]).collect();
        // (The first part is never a repeat.)
        let last = parts.last()?.e;
        let tail = is_echo(gs.len() - 1).then(|| gs[gs.len() - 1].e);
        let mut parts_run = Run { parts: true, ..*run };
        if tail.is_some() {
            parts_run.right = chars::classify(cx.win, last).0;
            parts_run.right_decimal = false;
        }
        let saved = self.clone();
        let mut found = Vec::new();
        let r = self.decide(cx, t, &parts_run, &parts, &mut |f| found.push(f));
        let at = |p: usize| cx.base + p as u64;
        let card = |f: &Finding| f.kind == Kind::Card;
        let tail_card = tail.and_then(|_| {
            found.iter().position(|f| card(f) && f.end == at(last))
        });
        let masked = (0..gs.len()).filter(|&k| is_echo(k)).all(|k| {
            gs[k].s > last && tail_card.is_some()
                || found.iter().any(|f| {
                    card(f) && f.start <= at(gs[k].s) && at(gs[k].e) <= f.end
                })
        });
        if !masked {
            *self = saved;
            return None;
        }
        let mut r = r;
        if let (Some(te), Some(i)) = (tail, tail_card) {
            let f = &mut found[i];
            f.end = at(te);
            self.finding_end = f.end;
            self.finding_bounds =
                mask_bounds(cx.win, (f.start - cx.base) as usize, te);
            if self.chain_end == Some(at(last)) {
                self.chain_end = Some(f.end);
            }
            if r.0 == last {
                r = (te, false, false);
            }
        }
        found.into_iter().for_each(emit);
        Some(r)
    }

    /// An expiry date printed with a dot ("exp 12.27", "expires
    /// 08.2029"), at the run `g` that a decimal point ended: a month of one
    /// or two digits after a space, a colon or the like
    /// ([`dotted_expiry_lead`]), the dot, and a year of two digits (or four
    /// from 2000) that ends its number, with an expiry keyword before or
    /// after. Reported, it returns the end of the year. Without the keyword
    /// such a number is a price or a version ("12.27 USD", "v1.12"), and
    /// after a card too ("4111… 12.50 charged").
    #[cold]
    #[inline(never)]
    fn dotted_expiry(
        &mut self,
        cx: &Ctx<'_, '_>,
        run: &Run,
        g: &Group,
        emit: &mut dyn FnMut(Finding),
    ) -> Option<usize> {
        let w = cx.win;
        let loose = run.first
            && run.left != Class::Letter
            && !run.left_decimal
            && !run.cut
            && run.long_at.is_none();
        if !loose
            || g.spoken
            || g.month
            || g.masked
            || !(1..=2).contains(&g.nd)
            || !month_ok(g.value())
            || w.get(g.e) != Some(&b'.')
            || !dotted_expiry_lead(w, g.s)
        {
            return None;
        }
        let ys = g.e + 1;
        let ny = chars::digits_from(w, ys, 5);
        let ye = ys + ny;
        let year = digits_value(&w[ys..ye]);
        if !(ny == 2 || ny == 4 && (2000..=2099).contains(&year)) {
            return None;
        }
        // The year ends the number: no digit, letter or joined group
        // follows ("12.27.33", "1.12b", "12.2750").
        match w.get(ye) {
            None if !cx.eof_end => return None,
            None => {}
            Some(_) => {
                if matches!(
                    chars::classify(w, ye).0,
                    Class::Digit(_) | Class::Letter
                ) {
                    return None;
                }
                let joins = matches!(w[ye], b'.' | b',' | b'/' | b'-' | b':')
                    && w.get(ye + 1).is_none_or(|b| b.is_ascii_digit());
                if joins {
                    return None;
                }
            }
        }
        let floor = self.last_run_end.saturating_sub(cx.base) as usize;
        let kw = ctx_before(cx, g.s, floor).or_else(|| ctx_after(cx, ye));
        if kw != Some(Cat::Expiry) {
            return None;
        }
        let d: Vec<u8> = g
            .digits()
            .iter()
            .copied()
            .chain(w[ys..ye].iter().map(|b| b - b'0'))
            .collect();
        self.emit_raw(
            cx,
            Kind::Expiry,
            g.s,
            ye,
            &d,
            Reason::Keyword,
            false,
            emit,
        );
        let list = Listed::default();
        self.chain_on(cx, g.s, ye, Reason::Keyword, Cat::Expiry, list);
        self.short_run = false;
        Some(ye)
    }

    fn decide(
        &mut self,
        cx: &Ctx<'_, '_>,
        t: usize,
        run: &Run,
        gs: &[Group],
        emit: &mut dyn FnMut(Finding),
    ) -> (usize, bool, bool) {
        let n = gs.len();
        let run_digits: usize =
            gs.iter().filter(|g| !g.masked).map(|g| g.nd).sum();
        // Fewer than three digits are never card data (the shortest, a CVV
        // or "1/27", has three): the common case in chat, logs and speech
        // (times, days, counts, "one of the") costs nothing more.
        let short = !run.cut && run_digits < 3 && gs.iter().all(|g| !g.month);
        if let Some(ye) = (short && n == 1 && run.right_decimal)
            .then(|| self.dotted_expiry(cx, run, &gs[0], emit))
            .flatten()
        {
            return (ye, false, false);
        }
        if short && part_field_before(cx.win, cx.lo, gs[0].s).is_none() {
            self.short_run = true;
            return match run.long_at {
                Some(p) => (p, false, true),
                None => (gs[n - 1].e, false, false),
            };
        }
        // A short number in an expiry month or year field is read, but
        // bounds the next number's keyword look-behind no more than its
        // mask will (see below).
        self.short_run = short;
        let findings_before = self.finding_end;
        let whole_run = run.first && !run.cut && run.long_at.is_none();
        if whole_run && is_uuid(gs) {
            return (gs[n - 1].e, false, false);
        }
        // The digits of an IBAN are none of ours; a number after it in the
        // same run ("GB50 NWBK 7268 2866 5510 78 - 078-05-1120") is read
        // on its own.
        if let Some(end) =
            whole_run.then(|| iban_before(cx, gs[0].s)).flatten()
        {
            return match gs.iter().position(|g| g.s >= end) {
                Some(i) => (gs[i].s, true, false),
                None => (gs[n - 1].e, false, false),
            };
        }
        // Most long runs of several groups in logs and look-alike text (a
        // phone number and the next line's date, ISBNs) are none of ours,
        // as can be told at once; so are most shorter runs of two groups
        // or more ("36 -0700" in an access log's time, "90,206" in a
        // delimited record) and runs that a month named in words starts
        // ("Nov  5 12:34:56"), which the full reading reads at greater
        // cost. (One group of fewer than nine digits, which reads no card
        // window and no keyword of its own, is read faster in full; so is
        // a short run that a month's number starts, "12/27", most often an
        // expiry date after its keyword, which the quick decision would
        // read only to turn it down, and one of number words, which it
        // turns down at once.)
        if whole_run
            && (run_digits >= 9
                || n > 1
                    && !gs[0].spoken
                    && !(gs[0].nd <= 2 && month_ok(gs[0].value()))
                || gs[0].month)
            && fast_paths()
            && self.quiet(cx, gs)
        {
            return (gs[n - 1].e, false, false);
        }
        // Parts of a number that the other side reads back
        // ([`Scanner::read_back`]; no such run is quiet).
        if whole_run && run.turns && !run.parts {
            if let Some(r) = self.read_back(cx, t, run, gs, emit) {
                return r;
            }
        }
        // In a cut run, decide only the groups from which no card window
        // (19 digits at most) can reach the last group read: the others
        // are decided in the next step, which resumes inside the run.
        let commit_lim = if run.cut {
            let mut suffix = 0;
            let mut reach = n;
            for (i, g) in gs.iter().enumerate().rev() {
                suffix += g.nd;
                if suffix <= 19 {
                    reach = i;
                }
            }
            gs.iter()
                .take(reach)
                .take_while(|g| g.s < t + COMMIT)
                .count()
                .max(1)
        } else {
            n
        };
        let run_floor = self.last_run_end.saturating_sub(cx.base) as usize;
        // A run that continues masked digits reads its keywords from
        // before the masked part, as the first redaction did.
        let kw_at = if run.after_mask {
            masked_chain_start(cx, gs[0].s)
        } else {
            gs[0].s
        };
        // A keyword after the run ("… is my card") may say what it is; a
        // not-a-card word counts only before it ("IMEI 35…").
        let floor =
            if run.after_mask { run_floor.min(kw_at) } else { run_floor };
        // Only cards (12 digits or more) and spoken attempts read the run's
        // keyword.
        // A one-time passcode or PIN is a short code: the word says
        // nothing of a number of card length after it ("your one time PIN
        // 4111 …" is a card typed where the code was asked for), as
        // "order" or "IMEI" do of numbers that long.
        let kw_before_from = (run_digits >= 12)
            .then(|| ctx_before_from(cx, kw_at, floor))
            .flatten()
            .filter(|k| {
                k.cat != Cat::Other
                    || !context::mentions_pin(&cx.win[k.start..k.end])
            });
        let kw_before_at = kw_before_from.map(|k| (k.end, k.cat));
        let kw_before = kw_before_at.map(|(_, c)| c);
        let kw_after = if run_digits < 12 || run.cut {
            None
        } else {
            ctx_after(cx, gs[n - 1].e).filter(|&c| c != Cat::Other)
        };
        let kw_run = kw_before.or(kw_after);
        // A word that names another kind of number speaks of the number
        // right after it ("tracking 9400 1118 …"), not of a card window
        // that starts far into a long run: no such number is that long.
        // Nor of a window after an SSN printed in the run ("IMEI
        // 123-45-6789 uh 4111 …"), which is a number of its own: once it
        // is masked, the word does not reach past it.
        let ssn_end = match kw_before_at {
            Some((_, Cat::Other)) => {
                (3..=n).find(|&k| ssn_shape(&gs[k - 3..k]))
            }
            _ => None,
        };
        // (`past`: a card found in the run ends before the window, which
        // is then a number of its own as after an SSN.)
        let kw_window = |i: usize, past: bool| match kw_before_at {
            Some((e, Cat::Other))
                if gs[i].s > e + LOOKBEHIND
                    || past
                    || ssn_end.is_some_and(|k| k <= i) =>
            {
                kw_after
            }
            _ => kw_run,
        };
        // The keyword before a run vouches for a card at its start (when
        // that is not a number masked before, which the keyword spoke
        // of); the keyword after it for a card after the last number
        // masked before, as each did before that number was masked.
        let card_kw = CardKw {
            before: kw_before == Some(Cat::Card)
                && !gs[0].masked
                && !gs[0].kept,
            after: kw_after == Some(Cat::Card)
                && kw_before != Some(Cat::Other),
            reach: gs.iter().rposition(|g| g.masked).map_or(0, |p| p + 1),
        };
        // After that SSN, or a card found in the run, the card keyword
        // after the run vouches for a window, as it does once the number
        // before is masked ("IMEI 123-45-6789\n5555 4111 1111 my card"):
        // the word before no longer reaches it.
        let card_kw_at = |i: usize, past: bool| CardKw {
            after: card_kw.after
                || kw_after == Some(Cat::Card)
                    && (past || ssn_end.is_some_and(|k| k <= i)),
            ..card_kw
        };

        // Cards, greedy from the left; a window printed as no card is
        // passed over for a checked card printed as one that overlaps
        // it ("call 596-901-1199, 6011-1111-1111-1117": the first four
        // groups may pass the Luhn check by chance).
        let mut cards = std::mem::take(&mut self.cards);
        cards.clear();
        // (No window holds twelve digits when the run does not.)
        let mut i = if run_digits < 12 { commit_lim } else { 0 };
        while i < commit_lim {
            let past = cards.last().is_some_and(|c| c.j < i);
            match best_card(
                cx,
                run,
                gs,
                (i, n),
                kw_window(i, past),
                &card_kw_at(i, past),
            ) {
                Some(c) => {
                    let better =
                        (!well_formed(&gs[c.i..=c.j]))
                            .then(|| {
                                (c.i + 1..=c.j).find(|&i2| {
                                    best_card(
                                        cx,
                                        run,
                                        gs,
                                        (i2, n),
                                        kw_window(i2, past),
                                        &card_kw_at(i2, past),
                                    )
                                    .is_some_and(|b| {
                                        b.reason == Reason::CardValid
                                            && well_formed(&gs[b.i..=b.j])
                                    })
                                })
                            })
                            .flatten();
                    // The groups before the better card are still read
                    // for a card of their own, as they are once that card
                    // is masked ("my card is 4444 5555 4444 123 4111 1111
                    // 1111 1111" holds two).
                    if let Some(i2) = better {
                        match best_card(
                            cx,
                            run,
                            gs,
                            (i, i2),
                            kw_window(i, past),
                            &card_kw_at(i, past),
                        ) {
                            Some(c) => {
                                i = c.j + 1;
                                cards.push(c);
                            }
                            None => i = i2,
                        }
                        continue;
                    }
                    i = c.j + 1;
                    cards.push(c);
                }
                None => i += 1,
            }
        }
        let commit =
            cards.last().map_or(commit_lim, |c| commit_lim.max(c.j + 1));

        let mut k = 0;
        let mut ci = 0;
        // A spoken attempt taken back right before a card: one finding
        // from the attempt to the end of the card.
        let mut attempt: Option<usize> = None;
        // Where the step resumes when a finding after a card that ends the
        // run reads past the run: the expiry date in the record fields
        // after it, or the rest of a track 2 printed without sentinels.
        let mut resume = None;
        while k < commit {
            if let Some(c) = cards.get(ci).filter(|c| c.i == k) {
                let d = collect(&gs[c.i..=c.j]);
                // Track 2 data printed without its sentinels, as logs and
                // exports hold it ("4111…=25121010000000000"): the card as
                // one block of digits that ends the run at a `=`, then the
                // expiry date (YYMM), the service code and discretionary
                // data. The whole track is masked, as one that has them.
                let whole = c.j == n - 1 && !run.cut && run.long_at.is_none();
                let tail = (whole
                    && c.i == c.j
                    && !gs[c.j].spoken
                    && gs[c.j].e - gs[c.j].s == gs[c.j].nd)
                    .then(|| track2_tail(cx.win, gs[c.j].e, cx.eof_end))
                    .flatten();
                if let Some(te) = tail {
                    self.emit_track(cx, gs[c.i].s, te, &d, emit);
                    resume = Some(te);
                    k = c.j + 1;
                    ci += 1;
                    continue;
                }
                if !c.exempt {
                    // (Masked as the card is: a typed card keeps its last
                    // four after a spoken fragment.)
                    let spoken = gs[c.i..=c.j].iter().any(|g| g.spoken);
                    let start = attempt.take().unwrap_or(gs[c.i].s);
                    self.emit_card(
                        cx, start, gs[c.j].e, &d, c.brand, c.reason, spoken,
                        emit,
                    );
                }
                let end = cx.base + gs[c.j].e as u64;
                self.chain_end = Some(end);
                // The fields a list before the card names with it ("card
                // number, expiry and cvv: 4111…, 03/27 and 737").
                let list = match kw_before_from {
                    Some(k) if c.i == 0 => k.listed(cx),
                    _ => Listed::default(),
                };
                self.chain_listed = (end, list.bits() & !cat_bit(Cat::Card));
                self.chain_line_at(cx, gs[c.j].s);
                self.chain_at_code3_card =
                    c.brand != Some(Brand::AmericanExpress);
                // A card that ends its field of a delimited record may be
                // followed by the month and the year in fields of their
                // own ("4111…,12,27,123"): the expiry date, after which
                // the chain goes on to the CVV.
                if c.j == n - 1 && !run.cut && run.long_at.is_none() {
                    let record = (!gs[c.j].spoken)
                        .then(|| record_expiry(cx.win, gs[c.j].e, cx.eof_end))
                        .flatten();
                    if let Some((ms, ye, d)) = record {
                        self.emit_raw(
                            cx,
                            Kind::Expiry,
                            ms,
                            ye,
                            &d,
                            Reason::AfterCard,
                            false,
                            emit,
                        );
                        self.chain_on(
                            cx,
                            ms,
                            ye,
                            Reason::AfterCard,
                            Cat::Expiry,
                            Listed::default(),
                        );
                        resume = Some(ye);
                    }
                }
                k = c.j + 1;
                ci += 1;
                continue;
            }
            let b = cards.get(ci).map_or(commit, |c| c.i);
            let card_after = ci < cards.len();
            let merge = cards.get(ci).is_some_and(|c| !c.exempt);
            let kw = RunKw { run: kw_run, after: kw_after };
            attempt = self.segment(
                cx, run, gs, k, b, card_after, merge, kw, run_digits, emit,
            );
            k = b;
        }

        self.cards = cards;
        // Found, its mask bounds the look-behind of the next number's
        // keyword when it is three mask characters or more or stands as a
        // word ("exp_year: twenty 5555 security code" reads the keyword
        // after 5555 as its masked form "exp_year: ****** 5555 …" does).
        if self.short_run
            && self.finding_end != findings_before
            && self.finding_bounds
        {
            self.short_run = false;
        }
        if let Some(p) = resume {
            (p, false, false)
        } else if commit < n {
            (gs[commit].s, true, false)
        } else if run.cut {
            let last = &gs[n - 1];
            (last.e, false, !last.spoken && last.e >= cx.win.len())
        } else if let Some(p) = run.long_at {
            (p, false, true)
        } else {
            (gs[n - 1].e, false, false)
        }
    }

    /// Whether a whole run of typed digits can hold no finding, with the
    /// same outcome as the full reading: every window of 13 to 19 digits
    /// at its group edges that passes the Luhn check (as every card does)
    /// has no brand of its length, or is short of the whole run and not
    /// grouped as cards are printed ("+1 555 123 4567" and the next line's
    /// date), so that only a keyword could make it a card (as it must a
    /// window of 12); no three groups are printed as an SSN; no card ends
    /// close enough before the run to make a number in it a CVV or expiry
    /// date; no group stands in an expiry month or year field; and no keyword
    /// but a not-a-card word may stand anywhere a look-up for the run
    /// reads (from the end of the last run, in the window's look-behind,
    /// to the next number or line after the run).
    /// Without a keyword, the other kinds need one of those. A run of more
    /// than [`QUIET_GROUPS`] groups is left to the full reading.
    ///
    /// A month named in words ("Nov  5 12:34:56 host", "on March 3 2026")
    /// is an expiry date only after a keyword or a card, or in a field
    /// named as the month of one: such a run of twelve digits or fewer
    /// (counting the month's), which holds no window of 13, is passed over
    /// on the same terms, and on the month's field too. Other number words
    /// are left to the full reading.
    fn quiet(&mut self, cx: &Ctx<'_, '_>, gs: &[Group]) -> bool {
        if gs.len() > QUIET_GROUPS {
            return false;
        }
        let mut month = false;
        for g in gs {
            // (Nor a run across speakers' turns, whose parts may be read
            // back: [`Scanner::read_back`].)
            if g.spoken & !g.month | g.masked | g.kept | g.gap.turn {
                return false;
            }
            month |= g.month;
        }
        if month
            && (gs.iter().map(|g| g.nd).sum::<usize>() > 12
                || part_field_before(cx.win, cx.lo, gs[0].s).is_some())
        {
            return false;
        }
        let mut sh = Shape::default();
        for (k, g) in gs.iter().enumerate() {
            let one = if g.gap.chars == 1 { g.gap.seps } else { 0 };
            sh.push(g.s, g.e, g.nd, one);
            if g.gap.seps & sep_bit(Sep::Newline) != 0 {
                sh.lines |= 1 << k;
            }
        }
        self.quiet_shape(cx, &sh, |k| gs[k].digits(), false, !month)
    }

    /// Whether a number starting at `start` (absolute) may go on from
    /// the chain of the last card ([`Scanner::after_card`]): it starts
    /// within [`CHAIN_GAP`] bytes of the chain's end, or within
    /// [`CHAIN_TURNS_GAP`] where the card's line names its speaker.
    #[inline(always)]
    fn chain_near(&mut self, start: u64) -> bool {
        let Some(e) = self.chain_end else { return false };
        // (Further than `CHAIN_GAP` only across the speaker's turns: the
        // speaker is read only in between.)
        e + CHAIN_GAP as u64 >= start
            || e + CHAIN_TURNS_GAP as u64 >= start
                && self.chain_speaker().is_some()
    }

    /// [`Scanner::quiet`] on the shape of the run's groups, none spoken, a
    /// month, masked or kept; `group(k)` gives the digits of group `k` (19
    /// at most), as values or ASCII digits (the low four bits are read).
    /// `simple` says the groups are digits with one separator and no letter
    /// between each two, as [`Scanner::quiet_simple_run`] reads them (which
    /// [`Scanner::step`] does not ask where [`Scanner::chain_near`] holds).
    /// `dates` lets a calendar date of numerals pass without its keywords
    /// read (not where a month is named in words).
    fn quiet_shape<'g>(
        &mut self,
        cx: &Ctx<'_, '_>,
        sh: &Shape,
        group: impl Fn(usize) -> &'g [u8],
        simple: bool,
        dates: bool,
    ) -> bool {
        let n = sh.n;
        let nds = &sh.nd[..n];
        // (The quick run reader is not asked where a chain is near.)
        if !simple && self.chain_near(cx.base + sh.origin as u64) {
            return false;
        }
        // Three groups printed as an SSN ([`ssn_shape`]): 3, 2 and 4
        // digits joined by the same single dash, space or dot.
        if (2..n).any(|k| {
            nds[k - 2] == 3
                && nds[k - 1] == 2
                && nds[k] == 4
                && sh.one_sep[k - 1] == sh.one_sep[k]
                && matches!(sh.one_sep[k], 1 | 2 | 4)
        }) {
            return false;
        }
        // Digits from each group to the end: no window of 13 starts where
        // fewer are left.
        let mut left: usize = nds.iter().map(|&d| usize::from(d)).sum();
        for i in 0..n {
            if left < 13 {
                break;
            }
            left -= usize::from(nds[i]);
            // Two or more typed groups grouped as a card start with a group
            // of one digit or of four ([`card_grouping`]); from any other,
            // only the group alone, or the whole run or all of a line of
            // it, may be a card.
            let several = matches!(nds[i], 1 | 4);
            let line = |k: usize| k == 0 || k == n || sh.lines >> k & 1 != 0;
            let last = if !line(i) && !several { i } else { n - 1 };
            if last == i && usize::from(nds[i]) < 13 {
                continue;
            }
            // The values of the windows' digits from group `i` (their low
            // four bits), gathered once as their groups are read (a byte
            // loop: a call to copy a few bytes costs more).
            let mut d = [0u8; 19];
            let mut nd = 0;
            for j in i..=last {
                let g = group(j);
                if nd + g.len() > 19 {
                    break;
                }
                for (x, &c) in d[nd..].iter_mut().zip(g) {
                    *x = c & 15;
                }
                nd += g.len();
                if nd < 13 {
                    continue;
                }
                // Without a card keyword, a window short of the whole run
                // is a card only when grouped as one ([`best_card`]); the
                // shape is told before the digits are read.
                let whole = line(i) && line(j + 1);
                let grouped = || {
                    (j == i || several)
                        && card_lengths(nds[i..=j].iter().map(|&d| d.into()))
                };
                if whole || grouped() {
                    let w = &d[..nd];
                    if luhn::valid(w) && brand::issued(w) {
                        return false;
                    }
                }
            }
        }
        if part_field_before(cx.win, cx.lo, sh.start(n - 1)).is_some() {
            return false;
        }
        // A calendar date alone (2026-11-05, 11/05/2026) is no finding
        // whatever keyword stands near ([`is_date`]): no keyword is read.
        let date_sep =
            sep_bit(Sep::Dash) | sep_bit(Sep::Dot) | sep_bit(Sep::Slash);
        if dates
            && n == 3
            && sh.one_sep[1] & date_sep != 0
            && sh.one_sep[2] == sh.one_sep[1]
            && date_parts(|k| {
                // (No part of a date has more than four digits.)
                let g = group(k);
                (g.len(), digits_value(&g[..g.len().min(4)]))
            })
        {
            return true;
        }
        // Where the look-ups read: back to the end of the last run (no
        // further than the window), and after the run up to the next digit
        // or line break ([`ctx_before_at`], [`ctx_after`]).
        let lo = cx.lo.max(self.last_run_end.saturating_sub(cx.base) as usize);
        let e = sh.e;
        let cap = cx.win.len().min(e + CTX_AFTER);
        let mask = cx.inner.masker.mask_byte();
        let hi = read_after_end(cx.win, e, cap, mask);
        let lo = lo.min(hi);
        // No keyword holds three bytes in a row that are no letters
        // ([`context::NON_LETTER_RUN`]): none stands across the inside of a
        // run of digit groups with one separator between each two (no
        // letters), which is then not read.
        let s0 = sh.origin;
        let inside =
            (s0 + context::NON_LETTER_RUN, e - context::NON_LETTER_RUN);
        let skip =
            (simple && lo <= s0 && inside.0 + 8 <= inside.1).then_some(inside);
        !self.names_finding(cx.inner, cx.win, cx.base, (lo, hi), skip)
    }

    /// Reads the groups `a..b` that hold no card for SSNs, expiry dates,
    /// CVVs, PINs and spoken card attempts. A spoken attempt taken back
    /// right before the card at `b` is not reported when `merge` is set:
    /// its start is returned, for the card's finding to cover it.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn segment(
        &mut self,
        cx: &Ctx<'_, '_>,
        run: &Run,
        gs: &[Group],
        a: usize,
        b: usize,
        card_after: bool,
        merge: bool,
        kw: RunKw,
        run_digits: usize,
        emit: &mut dyn FnMut(Finding),
    ) -> Option<usize> {
        let n = gs.len();
        let ends_run = b == n && !run.cut && run.long_at.is_none();
        let mut k = a;
        // The group after the last finding (or the card before `a`).
        let mut fresh = if a > 0 { a } else { usize::MAX };
        let newline = |g: &Group| g.gap.seps & sep_bit(Sep::Newline) != 0;
        // Whether the three groups at `k` end where a shape of three
        // groups (an SSN, a phone number) must: at a break in the run.
        let right_ok_at = |k: usize| {
            if k + 3 == n {
                ends_run
                    && !matches!(run.right, Class::Letter)
                    && !run.right_decimal
            } else {
                k + 3 < n
                    && (newline(&gs[k + 3])
                        || gs[k + 3].spoken
                        || gs[k + 3].gap.seps != gs[k + 1].gap.seps)
            }
        };
        // A North American phone number's shape (see below).
        let phone_at = |k: usize| {
            k + 3 <= b
                && (right_ok_at(k) || k + 3 < n && gs[k + 3].masked)
                && phone_shape(&gs[k..k + 3])
        };

        while k < b {
            // Masked digits, and the digits a mask kept right after them
            // (the last four of a card), are not read again. (Digits a
            // mask may have kept that start a phone number's shape are
            // that number, as before the first redaction: "123-45-6789
            // 123 123 4111" with its SSN masked.)
            if gs[k].masked {
                k += 1;
                continue;
            }
            if gs[k].kept {
                k += if phone_at(k) { 3 } else { 1 };
                continue;
            }
            // The other side's turn right after a finding that reads it
            // back ([`Scanner::short_read_back`]).
            if k == fresh && gs[k].gap.turn {
                if let Some(m) = self.short_read_back(cx, gs, k, b, emit) {
                    k = m;
                    fresh = k;
                    continue;
                }
            }
            let s = gs[k].s;
            // Keywords are read back to the previous group, not past it;
            // a first group glued to letters ("cvv2 123") is part of the
            // keyword, not a number.
            let glued = k == 1 && run.first && run.left == Class::Letter;
            let floor = if k > 0 && !glued {
                gs[k - 1].e
            } else {
                self.last_run_end.saturating_sub(cx.base) as usize
            };
            // Read only when a kind needs it: most numbers in chat and
            // logs are none of the short kinds by their shape alone.
            let kwb_cell = std::cell::OnceCell::new();
            let kwb_from =
                || kwb_cell.get_or_init(|| ctx_before_from(cx, s, floor));
            let kwb = || kwb_from().as_ref().map(|k| k.cat);
            // The fields a list of keywords before the number names, in
            // order ("Expiry/CVV: 03/27 / 737"): read only for a number
            // that may be an expiry date or a CVV.
            let listed = || {
                kwb_from()
                    .as_ref()
                    .map_or_else(Listed::default, |k| k.listed(cx))
            };
            // (A keyword of its own first, before or after it; then one
            // passed on by a correction: "cvv 123, sorry, 132". Read once,
            // and only after a number that ends three bytes or more
            // before: no correction is shorter than " no ".)
            let corrected_cell = std::cell::OnceCell::new();
            let corrected = || {
                *corrected_cell.get_or_init(|| {
                    (s >= floor + 3
                        && context::may_start_correction(&cx.win[floor..s]))
                    .then(|| corrected_kw(cx, s, floor))
                    .flatten()
                })
            };
            // (`want`: the kind the number's shape may be. A keyword after
            // it that names another kind yields to a correction that passes
            // that kind on: in "exp_month=12 sorry 12/27 a hundred cvv" the
            // keyword after speaks of the number between, which read again
            // as its mask, "a *******", bounds the keyword's reach.)
            let kw_at = |m: usize, want: Cat| {
                kwb().or_else(|| {
                    let after = if ends_run && m == n {
                        ctx_after(cx, gs[n - 1].e)
                    } else {
                        None
                    };
                    match after {
                        Some(c) if c != want && corrected() == Some(want) => {
                            Some(want)
                        }
                        Some(c) => Some(c),
                        None => corrected(),
                    }
                })
            };

            // A formatted SSN is 3-2-4 digits standing alone: the whole
            // run, or a line of it.
            let left_ok = if k == 0 {
                // (Masked digits right before are a finding there, as a
                // finding just before a group is below: "expires 4111 123
                // 123 4111" reads the phone number alike when redacted
                // again.)
                run.first
                    && !matches!(run.left, Class::Letter)
                    && !run.left_decimal
                    || run.after_mask
            } else {
                // A break: a new line, a spoken or month group, a change
                // of separator, or a finding or a mask just before.
                newline(&gs[k])
                    || k == fresh
                    || gs[k - 1].masked
                    || gs[k - 1].spoken
                    || gs[k - 1].month
                    || k + 1 < n && gs[k].gap.seps != gs[k + 1].gap.seps
            };
            let right_ok = right_ok_at(k);
            if k + 3 <= b && left_ok && right_ok && ssn_shape(&gs[k..k + 3]) {
                let d = collect(&gs[k..k + 3]);
                if let Some(reason) = ssn_reason(&d, Reason::SsnFormatted) {
                    self.emit_raw(
                        cx,
                        Kind::Ssn,
                        s,
                        gs[k + 2].e,
                        &d,
                        reason,
                        false,
                        emit,
                    );
                    k += 3;
                    fresh = k;
                    continue;
                }
            }
            // A calendar date (2026-11-23, 11/23/2026, 23.11.2026) is no
            // CVV and no expiry date, even right after a card in a log.
            if k + 3 <= b && is_date(&gs[k..k + 3]) {
                k += 3;
                continue;
            }
            // A North American phone number standing alone ("800 123
            // 4567", "(800) 123-4567") is none of them either, after a
            // keyword too ("We never store your CVV. Call 800-123-4567").
            // (After the last four a mask kept too: the first reading
            // passed over the number right after the card, and a second
            // reading must not read a CVV in it either.)
            // (Before a mask too: a spoken number right after it, a break
            // there, is masked by the first reading.)
            if (left_ok || k > 0 && gs[k - 1].kept) && phone_at(k) {
                k += 3;
                continue;
            }
            if let Some(e) =
                bracketed_phone(cx.win, cx.lo, s).filter(|&e| gs[k].e <= e)
            {
                while k < b && gs[k].e <= e {
                    k += 1;
                }
                continue;
            }
            // A short number glued to letters or part of a decimal
            // ("10.123Z", "x123") is none of the short kinds.
            let loose = |m: usize| {
                let left = k > 0
                    || !run.first
                    || run.left != Class::Letter && !run.left_decimal;
                let right = m < n
                    || run.cut
                    || run.right != Class::Letter && !run.right_decimal;
                left && right
            };
            if k == 0
                && run.first
                && (run.left == Class::Letter || run.left_decimal)
                && !gs[0].spoken
            {
                k += 1;
                continue;
            }
            // A month or a year in a field of its own, named as a part of
            // an expiry date, typed or said (`"exp_month": 8`,
            // `"expiryYear":"2030"`, "expiration month 08", "expiry month
            // is oh three", "expiration month: March", "the expiry year is
            // twenty seven"), counts as after a keyword. (A field's name
            // ends a run: a value said is all of one, in at most four
            // words, "twenty twenty seven".)
            let part_end = if k + 1 == b && !gs[k].spoken
                || k == 0 && b <= 4 && (gs[0].spoken || gs[0].month)
            {
                part_field_before(cx.win, cx.lo, s)
                    .filter(|&part| part_value(&gs[k..b], part))
                    .map(|_| b)
            } else {
                None
            };
            // Year first ("expiry: 2029-08", `"exp_date": "2029/08"`) only
            // after an expiry keyword: after a card it is a log's date.
            let exp_m = expiry_at(gs, k, b)
                .or_else(|| {
                    year_month_at(gs, k, b).filter(|&m| {
                        kw_at(m, Cat::Expiry) == Some(Cat::Expiry)
                    })
                })
                .or(part_end);
            // A code typed in two groups, as speech-to-text may print one
            // read out ("cvv is 73 7"), only as all of what is left of the
            // run and after its keyword.
            let cvv_m = cvv_at(gs, k, b).or_else(|| {
                (ends_run && k + 2 == n && split_code(&gs[k..n]))
                    .then_some(n)
                    .filter(|&m| kw_at(m, Cat::Cvv) == Some(Cat::Cvv))
            });
            if let Some(m) = exp_m.filter(|&m| loose(m)) {
                let kw = kw_at(m, Cat::Expiry);
                // A list of fields that names the expiry date first among
                // the kinds the number may be ("Expiry/CVV: 03/27").
                let in_list = || {
                    kwb().is_some_and(|c| {
                        matches!(c, Cat::Card | Cat::Cvv | Cat::Other)
                    }) && listed().first_fitting(|c| {
                        c == Cat::Expiry || c == Cat::Cvv && cvv_m.is_some()
                    }) == Some(Cat::Expiry)
                };
                let keyword = (kw == Some(Cat::Expiry)
                    || part_end == Some(m)
                    || in_list())
                    && !quantity(cx.win, cx.lo, s, gs[m - 1].e);
                if keyword || self.after_card(cx, s, gs[m - 1].e, Cat::Expiry)
                {
                    // (One group of four or six digits right after a
                    // card whose CVV has three is no CVV: "4111… 1227
                    // 123" is the card, its expiry date and its CVV.)
                    let ok = keyword
                        || gs[m - 1].gap.chars > 0 && m - k == 2
                        || gs[k].spoken
                        || gs[k].month
                        || m - k == 1
                            && matches!(gs[k].nd, 4 | 6)
                            && self.chain_at_code3_card;
                    if ok {
                        let d = collect(&gs[k..m]);
                        let reason = if keyword {
                            Reason::Keyword
                        } else {
                            Reason::AfterCard
                        };
                        let sp = gs[k..m].iter().any(|g| g.spoken);
                        self.emit_raw(
                            cx,
                            Kind::Expiry,
                            s,
                            gs[m - 1].e,
                            &d,
                            reason,
                            sp,
                            emit,
                        );
                        let list =
                            if keyword { listed() } else { Listed::default() };
                        self.chain_on(
                            cx,
                            s,
                            gs[m - 1].e,
                            reason,
                            Cat::Expiry,
                            list,
                        );
                        k = m;
                        fresh = k;
                        continue;
                    }
                }
            }
            if let Some(m) = cvv_m.filter(|&m| loose(m)) {
                // (A keyword names no CVV in the first group of a longer
                // number printed with glued dashes: `"cvv": "123-45-678…"`
                // holds an id.)
                // A list of fields that names the CVV first among the kinds
                // the number may be ("expiry and cvv: 737 or so" reads no
                // expiry date in 737) counts as a CVV keyword.
                let in_list = kwb().is_some_and(|c| {
                    matches!(c, Cat::Card | Cat::Expiry | Cat::Other)
                }) && listed().first_fitting(|c| {
                    c == Cat::Cvv || c == Cat::Expiry && exp_m.is_some()
                }) == Some(Cat::Cvv);
                let kw =
                    if in_list { Some(Cat::Cvv) } else { kw_at(m, Cat::Cvv) };
                let kw = kw.filter(|&c| {
                    c != Cat::Cvv
                        || (m != k + 1 || !dashed_id_at(gs, k, b))
                            && !quantity(cx.win, cx.lo, s, gs[m - 1].e)
                });
                if kw == Some(Cat::Cvv)
                    || self.after_card(cx, s, gs[m - 1].e, Cat::Cvv)
                {
                    let d = collect(&gs[k..m]);
                    let reason = if kw == Some(Cat::Cvv) {
                        Reason::Keyword
                    } else {
                        Reason::AfterCard
                    };
                    let sp = gs[k..m].iter().any(|g| g.spoken);
                    self.emit_raw(
                        cx,
                        Kind::Cvv,
                        s,
                        gs[m - 1].e,
                        &d,
                        reason,
                        sp,
                        emit,
                    );
                    let list = if reason == Reason::Keyword {
                        listed()
                    } else {
                        Listed::default()
                    };
                    self.chain_on(cx, s, gs[m - 1].e, reason, Cat::Cvv, list);
                    k = m;
                    fresh = k;
                    continue;
                }
            }
            // A bare SSN or a PIN is a whole group ("ext 8317 078051120"),
            // or starts where the run does or at a break in it: never
            // inside a longer number ("shipment 4111 1111 … 1111 1 ssn"
            // is one shipment number).
            let starts_ok = |m: usize| (left_ok || m == k + 1) && loose(m);
            // Nine digits printed as an SSN ("on 7/21 219 09 9999 (ssn)")
            // are one wherever they stand.
            let ssn_printed = |m: usize| {
                gs[k..m].iter().all(|g| !g.spoken)
                    && sized(&gs[k..m], &[&[3, 2, 4], &[3, 3, 3]])
                    && loose(m)
            };
            if let Some(m) = digits_upto(gs, k, b, 9, 9)
                .filter(|&m| starts_ok(m) || ssn_printed(m))
            {
                if ssn_grouping(&gs[k..m])
                    && kw_at(m, Cat::Ssn) == Some(Cat::Ssn)
                    && !quantity(cx.win, cx.lo, s, gs[m - 1].e)
                    && !social_media(
                        cx.win,
                        cx.lo.max(s.saturating_sub(LOOKBEHIND)),
                        s,
                    )
                {
                    let d = collect(&gs[k..m]);
                    if let Some(reason) = ssn_reason(&d, Reason::SsnContext) {
                        let sp = gs[k..m].iter().any(|g| g.spoken);
                        self.emit_raw(
                            cx,
                            Kind::Ssn,
                            s,
                            gs[m - 1].e,
                            &d,
                            reason,
                            sp,
                            emit,
                        );
                        k = m;
                        fresh = k;
                        continue;
                    }
                }
            }
            if let Some(m) =
                digits_upto(gs, k, b, 4, 12).filter(|&m| starts_ok(m))
            {
                // Every PIN keyword holds "pin" or "pass": a window
                // without either (most IDs and order numbers) skips the
                // keyword search.
                let before = cx.lo.max(s.saturating_sub(LOOKBEHIND));
                let e = gs[n - 1].e;
                let pin_near = self.mentions_pin(cx.win, cx.base, before, s)
                    || ends_run
                        && m == n
                        && self.mentions_pin(
                            cx.win,
                            cx.base,
                            e,
                            cx.win.len().min(e + CTX_AFTER),
                        );
                // Two groups joined by a slash are a date ("PIN changed on
                // 12/27"), after the second is masked too (as an expiry
                // date a keyword after them names: "pin 4111 / 4111
                // expires" reads alike when redacted again).
                let dated = (m == k + 2 || k + 1 < n && gs[k + 1].masked)
                    && gs[k + 1].gap.seps & sep_bit(Sep::Slash) != 0;
                if pin_near
                    && !dated
                    && kw_at(m, Cat::Pin) == Some(Cat::Pin)
                    && !quantity(cx.win, cx.lo, s, gs[m - 1].e)
                    && !other_lock(cx.win, before, s, {
                        // Six digits, the first 1 to 8: the shape of an
                        // Indian postal code.
                        let nd: usize = gs[k..m].iter().map(|g| g.nd).sum();
                        nd == 6
                            && !gs[k..m].iter().any(|g| g.spoken)
                            && (b'1'..=b'8').contains(&cx.win[s])
                    })
                {
                    let d = collect(&gs[k..m]);
                    let sp = gs[k..m].iter().any(|g| g.spoken);
                    self.emit_raw(
                        cx,
                        Kind::Pin,
                        s,
                        gs[m - 1].e,
                        &d,
                        Reason::Keyword,
                        sp,
                        emit,
                    );
                    k = m;
                    fresh = k;
                    continue;
                }
            }
            // A long spoken run in card context that holds no valid card is
            // still a card number, misheard or restarted: mask it.
            let spoken_seg = gs[k..b].iter().any(|g| g.spoken)
                && gs[k..b].iter().all(|g| !g.masked);
            // Digits in clear around the segment: masked text (and what a
            // mask kept) may join runs that were apart before redaction.
            // A card found next to the segment (before `a`, after `b`)
            // counts only across a take-back ("four one one one, sorry,
            // 4111 …" is an attempt and a card); "April 4111 1111 1111
            // 1111" is a month and a card.
            let clear = |g: &Group| !g.masked && !g.kept;
            let lo_g =
                gs[..k].iter().rposition(|g| !clear(g)).map_or(0, |x| x + 1);
            let lo_g =
                if a > 0 && !gs[a].gap.restart { lo_g.max(a) } else { lo_g };
            let hi_g =
                gs[b..].iter().position(|g| !clear(g)).map_or(n, |x| b + x);
            let hi_g = if card_after && !gs[b].gap.restart {
                hi_g.min(b)
            } else {
                hi_g
            };
            let stretch: usize = gs[lo_g..hi_g].iter().map(|g| g.nd).sum();
            let stretch = stretch.min(run_digits);
            // The keyword before a run speaks of its first finding ("ssn
            // 123-45-6789 four 4111 …"): after another finding in the run,
            // or a number masked before, only the keyword after the run
            // counts, so that the text reads the same when redacted again.
            let earlier =
                fresh != usize::MAX || gs[..k].iter().any(|g| !clear(g));
            let kw_attempt = if earlier { kw.after } else { kw.run };
            // (Across turns, digits read out in parts may be different
            // numbers, a zip code and a phone number: only a card keyword
            // makes them one attempt.)
            let turns = gs[lo_g + 1..hi_g].iter().any(|g| g.gap.turn);
            if spoken_seg
                && stretch >= 13
                && kw_attempt != Some(Cat::Other)
                && (kw_attempt == Some(Cat::Card) || stretch >= 15 && !turns)
                && !counting(counted(gs, k, b))
            {
                // A fragment too short to be a card on its own ("four one
                // one one, sorry, four one one one …") is part of the card
                // it starts; a whole misheard number is a card of its own.
                let own: usize = gs[k..b].iter().map(|g| g.nd).sum();
                if merge && gs[b].gap.restart && own < 12 {
                    return Some(s);
                }
                let d = collect(&gs[k..b]);
                self.emit_card(
                    cx,
                    s,
                    gs[b - 1].e,
                    &d,
                    None,
                    Reason::CardSpokenAttempt,
                    true,
                    emit,
                );
                return None;
            }
            k += 1;
        }
        None
    }

    /// Goes on with the chain after an expiry date or a CVV at `s..e`
    /// (window indices) found for `reason`: a CVV may follow it. A chain
    /// that a keyword starts goes on in the turns of the speaker of its
    /// line; one that follows a card keeps the card's speaker.
    fn chain_on(
        &mut self,
        cx: &Ctx<'_, '_>,
        s: usize,
        e: usize,
        reason: Reason,
        kind: Cat,
        list: Listed,
    ) {
        // The fields a list named that are still to come: those of the
        // list read for this one, or those the chain carried to it.
        let carried = if self.chain_end == Some(self.chain_listed.0) {
            self.chain_listed.1
        } else {
            0
        };
        let end = cx.base + e as u64;
        self.chain_listed = (end, (list.bits() | carried) & !cat_bit(kind));
        self.chain_end = Some(end);
        if reason == Reason::Keyword {
            self.chain_line_at(cx, s);
        }
        self.chain_at_code3_card = false;
    }

    /// Copies the head of the line that holds `at` for
    /// [`Scanner::chain_speaker`]: none when the line starts before the
    /// window's look-behind (unless the text starts there). The findings
    /// of one line copy it once.
    // (Out of line: asked once a finding, after its decision.)
    #[inline(never)]
    fn chain_line_at(&mut self, cx: &Ctx<'_, '_>, at: usize) {
        let w = cx.win;
        let ls = match memchr::memrchr(b'\n', &w[cx.lo.min(at)..at]) {
            Some(i) => cx.lo.min(at) + i + 1,
            None if cx.lo == 0 && cx.base == 0 => 0,
            None => {
                self.chain_line = LineHead::NONE;
                return;
            }
        };
        let abs = cx.base + ls as u64;
        if self.chain_line.line == abs {
            return;
        }
        // (A line break before the text's first line makes it a line start
        // for the label readers, which ask for one; no label is longer than
        // 64 bytes.)
        let head = &w[ls..at.min(ls + 64)];
        let h = &mut self.chain_line;
        h.bytes[0] = b'\n';
        h.bytes[1..=head.len()].copy_from_slice(head);
        h.len = head.len() as u8 + 1;
        h.line = abs;
        h.name = None;
    }

    /// The speaker's name ([`turn_name`]) on the line that holds the end of
    /// the chain ([`Scanner::chain_line_at`]): `None` when the line names
    /// none, or the name is longer than a [`Speaker`] holds, or no head of
    /// the line was copied. Read the first time it is asked for: most
    /// chains end with no number near enough to ask.
    #[inline(never)]
    fn chain_speaker(&mut self) -> Option<Speaker> {
        let h = &mut self.chain_line;
        let (ns, ne) = *h.name.get_or_insert_with(|| {
            let line = &h.bytes[..usize::from(h.len)];
            turn_name(line, 1, true)
                .filter(|&(ns, ne, _)| ne - ns <= 16)
                .map_or((0, 0), |(ns, ne, _)| (ns as u8, ne as u8))
        });
        let name = &h.bytes[usize::from(ns)..usize::from(ne)];
        let mut out = [0u8; 16];
        out[..name.len()].copy_from_slice(name);
        (ne > ns).then_some((out, name.len() as u8))
    }

    /// Whether a number starting at `s` directly follows a card (and maybe
    /// its expiry date): only separators and punctuation, at most
    /// [`CHAIN_GAP`] bytes, no digits in between, and no letters but a
    /// bare label ([`ChainLabel`]). Across a line break the number must
    /// also end its line (`line_end`), so the timestamp that starts the
    /// next log record is not a CVV. The labels of speakers' turns do not
    /// count ([`CHAIN_TURNS_GAP`] bytes with them): the number stands in a
    /// turn of the card's speaker, and another's turn between holds only
    /// such a label ("agent: and the code?").
    fn after_card(
        &mut self,
        cx: &Ctx<'_, '_>,
        s: usize,
        end: usize,
        want: Cat,
    ) -> bool {
        let Some(e) = self.chain_end else { return false };
        // A field a list named still to come: "and" alone may join it.
        let listed = self.chain_listed.0 == e
            && self.chain_listed.1 & cat_bit(want) != 0;
        if e < cx.base {
            return false;
        }
        let e = (e - cx.base) as usize;
        // (The labels of speakers' turns do not count: `gap` counts the
        // rest.)
        if e > s || s - e > CHAIN_TURNS_GAP || e < cx.lo {
            return false;
        }
        let mut p = e;
        let mut gap = s - e;
        let mut newline = false;
        let mut words = ChainLabel::default();
        // Whether the last turn read is the card's speaker's.
        let mut card_turn = true;
        while p < s {
            // A turn of the card's speaker ("customer: 4111…\ncustomer:
            // 12/27\ncustomer: 123", with a timestamp or not): a message
            // sent after the card goes on with it. Another speaker's turn
            // between may only ask for what follows ("agent: and the
            // code?"): its words are read as any words here are.
            if p > e && cx.win[p - 1] == b'\n' {
                if let Some((ns, ne, end)) = turn_name(cx.win, p, cx.eof_end) {
                    // (A number inside the label, "agent 123:", is the
                    // speaker's.)
                    if end > s {
                        return false;
                    }
                    card_turn =
                        self.chain_speaker().is_some_and(|(name, len)| {
                            cx.win[ns..ne].eq_ignore_ascii_case(
                                &name[..usize::from(len)],
                            )
                        });
                    gap -= end - p;
                    p = end;
                    continue;
                }
            }
            if let Some(Ok((_, n))) = chars::escaped_sep(cx.win, p) {
                p += n;
                continue;
            }
            let (c, n) = chars::classify(cx.win, p);
            match c {
                // A line break or tab escaped with a backslash, as JSON
                // and log lines write them inside strings
                // ("4111…\n12/27\n123"), stands where the character would.
                Class::Letter
                    if p > cx.lo
                        && cx.win[p - 1] == b'\\'
                        && matches!(cx.win[p], b'n' | b'r' | b't') =>
                {
                    newline |= cx.win[p] != b't';
                }
                Class::Letter => {
                    let q = word_end(cx.win, p);
                    if !words.read(&cx.win[p..q]) {
                        return false;
                    }
                    p = q;
                    continue;
                }
                Class::Digit(_) => return false,
                Class::Sep(Sep::Newline) => newline = true,
                _ => {}
            }
            p += n;
        }
        card_turn
            && gap <= CHAIN_GAP
            && (words.complete() || listed)
            && (!newline || line_end(cx, end))
    }

    #[allow(clippy::too_many_arguments)]
    fn emit_card(
        &mut self,
        cx: &Ctx<'_, '_>,
        s: usize,
        e: usize,
        d: &[u8],
        brand: Option<Brand>,
        reason: Reason,
        spoken: bool,
        emit: &mut dyn FnMut(Finding),
    ) {
        let brand =
            brand.or_else(|| brand::lookup(d).filter(|_| d.len() >= 12));
        self.emit_full(cx, Kind::Card, s, e, d, brand, reason, spoken, emit);
    }

    /// Reports track data at `s..e`, whose card number's digits are `d`,
    /// masked whole; no chain of groups goes on past it.
    #[cold]
    #[inline(never)]
    fn emit_track(
        &mut self,
        cx: &Ctx<'_, '_>,
        s: usize,
        e: usize,
        d: &[u8],
        emit: &mut dyn FnMut(Finding),
    ) {
        self.emit_raw(
            cx,
            Kind::Track,
            s,
            e,
            d,
            Reason::TrackData,
            false,
            emit,
        );
        self.chain_end = None;
        self.chain_at_code3_card = false;
    }

    #[allow(clippy::too_many_arguments)]
    fn emit_raw(
        &mut self,
        cx: &Ctx<'_, '_>,
        kind: Kind,
        s: usize,
        e: usize,
        d: &[u8],
        reason: Reason,
        spoken: bool,
        emit: &mut dyn FnMut(Finding),
    ) {
        let brand = if kind == Kind::Track { brand::lookup(d) } else { None };
        self.emit_full(cx, kind, s, e, d, brand, reason, spoken, emit);
    }

    #[allow(clippy::too_many_arguments)]
    fn emit_full(
        &mut self,
        cx: &Ctx<'_, '_>,
        kind: Kind,
        s: usize,
        e: usize,
        d: &[u8],
        brand: Option<Brand>,
        reason: Reason,
        spoken: bool,
        emit: &mut dyn FnMut(Finding),
    ) {
        if !cx.inner.enabled[kind.index()] {
            return;
        }
        self.finding_end = cx.base + e as u64;
        self.finding_bounds = mask_bounds(cx.win, s, e);
        self.finding_what = Some((kind, reason, cx.base + s as u64));
        let last4 = if matches!(kind, Kind::Card | Kind::Track) && d.len() >= 4
        {
            let mut l = [0u8; 4];
            for (o, x) in l.iter_mut().zip(&d[d.len() - 4..]) {
                *o = b'0' + x;
            }
            Some(l)
        } else {
            None
        };
        emit(Finding {
            kind,
            start: cx.base + s as u64,
            end: cx.base + e as u64,
            brand,
            last4,
            reason,
            spoken,
            mask_all: false,
            digits: Digits::from_slice(d),
        });
    }
}

/// A card found at groups `i..=j`.
#[derive(Clone, Debug)]
struct CardHit {
    i: usize,
    j: usize,
    brand: Option<Brand>,
    reason: Reason,
    /// A published test card and the allowlist is on: consumed, not
    /// reported.
    exempt: bool,
}

/// Copies the digits of groups that hold at most 19 in all into `d`.
fn gather(window: &[Group], d: &mut [u8; 19]) {
    let mut at = 0;
    for g in window {
        d[at..at + g.nd].copy_from_slice(g.digits());
        at += g.nd;
    }
}

/// Up to 24 digits, on the stack: what [`collect`] returns.
#[derive(Clone, Copy)]
struct Digs {
    d: [u8; 24],
    n: usize,
}

impl std::ops::Deref for Digs {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.d[..self.n]
    }
}

/// The concatenated digits of some groups (at most 24).
fn collect(gs: &[Group]) -> Digs {
    let mut v = Digs { d: [0; 24], n: 0 };
    for g in gs {
        let take = g.digits().len().min(24 - v.n);
        v.d[v.n..v.n + take].copy_from_slice(&g.digits()[..take]);
        v.n += take;
        if v.n >= 24 {
            break;
        }
    }
    v
}

/// The smallest `m` such that groups `k..m` hold between `min` and `max`
/// digits and at least `min`; `None` when no such prefix exists.
fn digits_upto(
    gs: &[Group],
    k: usize,
    b: usize,
    min: usize,
    max: usize,
) -> Option<usize> {
    let mut total = 0;
    let b = gs[k..b].iter().position(|g| g.masked).map_or(b, |p| k + p);
    for (m, g) in gs.iter().enumerate().take(b).skip(k) {
        total += g.nd;
        if total > max {
            return None;
        }
        if total >= min {
            // Take the longest prefix still within max.
            let mut end = m + 1;
            let mut t2 = total;
            while end < b && t2 + gs[end].nd <= max {
                t2 += gs[end].nd;
                end += 1;
            }
            return Some(end);
        }
    }
    None
}

/// Whether the groups look as people group card numbers: one block, one
/// digit per group (as speech-to-text writes them), fours with a shorter
/// tail (4-4-4-4, 4-4-4-4-3), or 4-6-5 / 4-6-4 (American Express, Diners).
fn card_grouping(gs: &[Group]) -> bool {
    gs.iter().all(|g| g.spoken || g.nd == 1)
        || card_lengths(gs.iter().map(|g| g.nd))
}

/// [`card_grouping`] for typed groups of `nds` digits each (one or more
/// groups).
fn card_lengths(nds: impl ExactSizeIterator<Item = usize> + Clone) -> bool {
    let n = nds.len();
    if n == 1 || nds.clone().all(|d| d == 1) {
        return true;
    }
    let mut init = nds.clone().take(n - 1);
    if init.all(|d| d == 4)
        && nds.clone().last().is_some_and(|d| (1..=4).contains(&d))
    {
        return true;
    }
    n == 3 && [[4, 6, 5], [4, 6, 4]].iter().any(|s| nds.clone().eq(*s))
}

/// The keywords of a run: the nearest before it, or else after it
/// (`run`), and the one after it on its own (`after`, not a not-a-card
/// word). Read only for runs of 12 digits or more.
#[derive(Clone, Copy)]
struct RunKw {
    run: Option<Cat>,
    after: Option<Cat>,
}

/// Where a card keyword around a run vouches for a card in it.
#[derive(Clone, Copy)]
struct CardKw {
    /// A card keyword before the run: for a window at its start.
    before: bool,
    /// A card keyword after the run: for a window that ends at `reach` or
    /// later.
    after: bool,
    /// The group after the last masked one.
    reach: usize,
}

/// The best card window starting at group `i` and ending before group
/// `end`; `kw` is the run's keyword.
fn best_card(
    cx: &Ctx<'_, '_>,
    run: &Run,
    gs: &[Group],
    (i, end): (usize, usize),
    kw: Option<Cat>,
    card_kw: &CardKw,
) -> Option<CardHit> {
    let n = gs.len();
    let mut d = [0u8; 19];
    let mut nd = 0;
    let mut sum = luhn::Running::default();
    let mut best: Option<(u32, CardHit)> = None;
    for j in i..end {
        let g = &gs[j];
        // No card spans a false start ("… one two, sorry, four one …").
        if g.masked || nd + g.nd > 19 || j > i && g.gap.restart {
            break;
        }
        nd += g.nd;
        g.digits().iter().for_each(|&x| sum.push(x));
        if nd < 12 || !sum.valid() {
            continue;
        }
        // The digits are gathered only for a window that passes the check.
        gather(&gs[i..=j], &mut d);
        let left_edge = i == 0 && run.first;
        let right_edge = j == n - 1 && !run.cut && run.long_at.is_none();
        let window = &gs[i..=j];
        if left_edge && run.left_decimal || right_edge && run.right_decimal {
            continue;
        }
        // Digits glued to a letter are part of a token ("ID4111…"), unless
        // they are a whole card printed in four or more even groups: a
        // typo ("is4111 1111 1111 1111") or markup does not hide a card.
        let glued_letter = left_edge && run.left == Class::Letter
            || right_edge && run.right == Class::Letter;
        if glued_letter && !printed_card(window, &d[..nd]) {
            continue;
        }
        let digits = &d[..nd];
        let whole = left_edge && right_edge;
        // A number alone on its line of a longer run (a list of numbers,
        // one per line) stands alone as much as a whole run does.
        let newline = |g: &Group| g.gap.seps & sep_bit(Sep::Newline) != 0;
        let alone = whole
            || (left_edge || i > 0 && newline(&gs[i]))
                && (right_edge || j + 1 < n && newline(&gs[j + 1]));
        let grouped = card_grouping(window);
        // Kept digits glued to a mask are the tail of a group the mask cut
        // (a redaction masks at least eight digits of a card before the
        // four it keeps), so no window starts there, unless the digits
        // from there on are a card printed in fours on their own
        // ("********4111-1111-1111-1111").
        if gs[i].glued && !printed_card(window, digits) {
            continue;
        }
        // A card that starts with kept digits is printed as one, with no
        // filler words or spoken digits: the kept digits end the card
        // masked before ("**** **** **** 3002 yes 171872 yes 8553"),
        // "**** 4111 1111 1111 1111" and "******** and 4111-1111-1111
        // 1111" are cards typed after a mask.
        if gs[i].kept
            && (window[1..].iter().any(|g| g.gap.words > 0 || g.spoken)
                || !(card_grouping(window) && typed_joins(window)))
        {
            continue;
        }
        let spoken = window.iter().any(|g| g.spoken);
        if counting(window) {
            continue;
        }
        let card_kw =
            card_kw.before && i == 0 || card_kw.after && j >= card_kw.reach;
        // Groups joined by glued commas ("4,242,424,242,424,242",
        // "4242,4242,4242,4242") are a card only when all of the run is
        // and a keyword says so: a row of numbers in a CSV file is joined
        // the same way.
        // A whole run grouped by thousands ("4,111,111,111,111,111", as
        // speech-to-text may print a number read without pauses) is a
        // card when it checks out as one of a brand's length (below): no
        // amount runs to thirteen digits.
        let commas = window[1..].iter().any(|g| g.gap.comma);
        if commas
            && !(whole
                && gs[1..].iter().all(|g| g.gap.comma)
                && (card_kw || by_thousands(gs)))
        {
            continue;
        }
        // Numerals joined by a filler word ("room 508 - and 125-668-1243")
        // are one number only when grouped like a card: speech-to-text
        // writes "4111 uh 1111 1111 1111", a list has other shapes.
        let typed_filler =
            !spoken && window[1..].iter().any(|g| g.gap.words > 0);
        // (All of a line of a longer run counts as the whole run would:
        // "422\nspeaker: 424224242424 4" holds a card, as its second line
        // alone does.)
        if (!alone || typed_filler) && (!grouped || nd < 13) && !card_kw {
            continue;
        }
        // After "tracking", "order"…, a window inside a longer number
        // printed in fours (a 22-digit tracking number "9400 1118 9922
        // 3100 0000 00") is no card: a card and a CVV make at most five
        // groups. Without such a word, recall comes first.
        if !whole && kw == Some(Cat::Other) && !fours_ok(gs, i, j) {
            continue;
        }
        // A number right after "IMEI", "tracking", "order"… is that, unless
        // it is grouped the way card numbers are printed.
        // (After a first group that belongs to a word, "EAN-13 590…", the
        // number starts at the second.)
        let at_start = left_edge
            || i == 1
                && run.first
                && (run.left == Class::Letter || run.dash_word);
        // (Digits read one by one, as speech-to-text writes them, are not
        // grouped by the writer: "order number is 4 0 1 7 …" is one.)
        let one_by_one = window.iter().all(|g| g.spoken || g.nd == 1);
        if kw == Some(Cat::Other)
            && at_start
            && (j == i || !grouped || one_by_one)
        {
            continue;
        }
        let brand = brand::lookup(digits);
        // UATP's one-digit prefix and 12-digit numbers match too much that
        // is not a card: they need a keyword (or, for UATP, a number that
        // stands alone).
        let strong = nd >= 13
            && brand.is_some_and(|b| {
                brand::issues(digits, b)
                    && (b != Brand::Uatp || alone && grouped && !spoken)
            });
        // Context vouches for a number whose prefix or length is unusual
        // only when the number stands alone or is grouped like a card.
        // Digits a mask kept join a card only when the card checks out on
        // its own.
        let kept = window.iter().any(|g| g.kept);
        // A number the context vouches for is all of a run printed in
        // fours, not a part of it: in "card 4242 4242 4242 4241" (a
        // mistyped card) the first twelve digits are no card.
        // (`four` is a group of four digits; `next` the group whose gap
        // joins it to the window, joined as the window's groups are.)
        let joined_four = |four: &Group, next: &Group| {
            four.nd == 4
                && !four.spoken
                && !next.spoken
                && window.len() > 1
                && (next.gap.seps, next.gap.chars)
                    == (window[1].gap.seps, window[1].gap.chars)
        };
        let inside_fours = j + 1 < n && joined_four(&gs[j + 1], &gs[j + 1])
            || i > 0 && joined_four(&gs[i - 1], &gs[i]);
        let context_ok = card_kw
            && !kept
            && !inside_fours
            && (whole || (grouped && !spoken));
        let reason = if strong {
            Reason::CardValid
        } else if commas && !card_kw {
            continue;
        } else if context_ok {
            Reason::CardContext
        } else {
            continue;
        };
        let exempt = cx.inner.allow_test_cards && testcards::contains(digits);
        // Prefer a checked card to one vouched for by context, then a
        // window whose separators agree (so "4111-1111-1111-1111 123" is a
        // card and a CVV), then one grouped as cards are ("6011 1111 1111
        // 1117 6 7" is a card and more digits, though the eighteen pass
        // the check too), then the longer window (a 19-digit card printed
        // 4-4-4-4-3 is one card).
        let consistent = uniform(window);
        let score = u32::from(strong) * 100
            + u32::from(consistent) * 50
            + u32::from(grouped) * 20
            + nd as u32;
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, CardHit { i, j, brand, reason, exempt }));
        }
    }
    best.map(|(_, c)| c)
}

/// Whether the groups are a number grouped by thousands: one or two
/// digits, then groups of three. (Rows of three-digit values, "412,345,
/// 678,…", start with three.)
fn by_thousands(gs: &[Group]) -> bool {
    (1..=2).contains(&gs[0].nd)
        && gs[1..].iter().all(|g| g.nd == 3 && !g.spoken)
        && !gs[0].spoken
}

/// Whether a window is a card printed the way cards are: four or more
/// numeral groups in fours (the last one to four digits) joined by the
/// same separator, or by one separator character each ("4111-1111-1111
/// 1111" is typed so), with a known brand prefix and length.
fn printed_card(window: &[Group], digits: &[u8]) -> bool {
    window.len() >= 4
        && window.iter().all(|g| !g.spoken && !g.masked)
        && card_grouping(window)
        && typed_joins(window)
        && brand::lookup(digits)
            .is_some_and(|b| b != Brand::Uatp && brand::issues(digits, b))
}

/// Whether spoken words count up ("one, two, three, four, five…",
/// "nine, ten, eleven…"): five or more tokens, each one more than the last.
/// No card number is read out that way.
fn counting(window: &[Group]) -> bool {
    window.len() >= 5
        && window.iter().all(|g| g.spoken && !g.month)
        && window.windows(2).all(|p| p[1].value() == p[0].value() + 1)
}

/// Groups `a..b` with the spoken groups around them that count on from
/// them or up to them ("… eleven, twelve" before "thirteen, fourteen").
fn counted(gs: &[Group], a: usize, b: usize) -> &[Group] {
    let step = |x: &Group, y: &Group| {
        x.spoken && y.spoken && !x.month && x.value() + 1 == y.value()
    };
    let mut s = a;
    while s > 0 && step(&gs[s - 1], &gs[s]) {
        s -= 1;
    }
    let mut e = b;
    while e < gs.len() && e > 0 && step(&gs[e - 1], &gs[e]) {
        e += 1;
    }
    &gs[s..e]
}

/// Whether a window is printed as a card is: grouped like one, with the
/// same separator throughout.
fn well_formed(window: &[Group]) -> bool {
    card_grouping(window) && uniform(window)
}

/// Whether the groups of a window are joined as a card is typed: by the
/// same separator throughout, or by one separator character each, with
/// no filler word.
fn typed_joins(window: &[Group]) -> bool {
    uniform(window)
        || window.get(1..).is_some_and(|gs| {
            gs.iter().all(|g| g.gap.chars == 1 && g.gap.words == 0)
        })
}

/// Whether every gap inside a window is the same separator, the same
/// number of times.
fn uniform(window: &[Group]) -> bool {
    window.get(1).is_none_or(|first| {
        window[1..].iter().all(|g| {
            g.gap.seps == first.gap.seps && g.gap.chars == first.gap.chars
        })
    })
}

/// Whether a window of four-digit groups may be a card inside the stretch
/// of four-digit groups around it: a stretch of up to five groups (a card
/// and a CVV), cards back to back, or a card at either end of a stretch of
/// fours. A 22-digit tracking number "9400 1111 1111 1111 1111 11" is
/// none of these.
fn fours_ok(gs: &[Group], i: usize, j: usize) -> bool {
    let window = &gs[i..=j];
    let (_, init) = window.split_last().expect("non-empty");
    if window.len() < 2
        || init.iter().any(|g| g.nd != 4)
        || window.iter().any(|g| g.spoken)
    {
        return true;
    }
    let (a, n) = fours_stretch(gs, i, j);
    let last = a + n - 1;
    if n < 6 {
        return true;
    }
    // Five or more fours and a short tail: one long number.
    if gs[last].nd < 4 {
        return false;
    }
    // Fours only: cards back to back, or a card at either end of a
    // reference ("ref 2024 0001 5555 5555 5555 4444").
    window.len() == 4 && ((i - a).is_multiple_of(4) || j == last)
}

/// The start and length of the stretch of four-digit groups around
/// `i..=j` joined by the same separator (its last group may be shorter).
fn fours_stretch(gs: &[Group], i: usize, j: usize) -> (usize, usize) {
    let sep = (gs[i + 1].gap.seps, gs[i + 1].gap.chars);
    let same = |g: &Group| (g.gap.seps, g.gap.chars) == sep && !g.spoken;
    let mut a = i;
    // A group joins the stretch on the left when it is joined to its own
    // left neighbour the same way (or starts the run): the "6789" of
    // "123-45-6789 4111 1111 1111 1111" belongs to the SSN.
    while a > 0
        && gs[a - 1].nd == 4
        && same(&gs[a])
        && !gs[a - 1].spoken
        && (a - 1 == 0 || same(&gs[a - 1]))
    {
        a -= 1;
    }

    let mut b = j;
    while gs[b].nd == 4
        && b + 1 < gs.len()
        && same(&gs[b + 1])
        && (1..=4).contains(&gs[b + 1].nd)
    {
        b += 1;
        if gs[b].nd != 4 {
            break;
        }
    }
    (a, b - a + 1)
}

/// A digits-only UUID: 8-4-4-4-12 joined by single dashes.
fn is_uuid(gs: &[Group]) -> bool {
    gs.len() == 5
        && gs.iter().map(|g| g.nd).eq([8, 4, 4, 4, 12])
        && gs[1..].iter().all(|g| g.gap.chars == 1 && g.gap.seps == 2)
}

/// Where the IBAN ends that the run starting at `s` is part of, if it is:
/// a country code and check digits (`GB82`, `DE89`) stand before it, and
/// from there to past `s` the characters form an IBAN with a valid mod-97
/// checksum.
// (The byte before the run inline, the rest out of line: most runs stand
// after a byte that no IBAN holds, a comma, a line break or a letter in
// lower case, and are told at once.)
#[inline(always)]
fn iban_before(cx: &Ctx<'_, '_>, s: usize) -> Option<usize> {
    let min = cx.lo.max(s.saturating_sub(40));
    if s <= min || !iban_char(cx.win[s - 1]) {
        return None;
    }
    iban_reaching(cx, s, min)
}

/// Whether `b` may stand in an IBAN as [`iban_before`] reads one back from
/// a run: a capital letter, a digit or a space.
fn iban_char(b: u8) -> bool {
    b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' '
}

/// [`iban_before`] past its first test: the IBANs that start from `min`
/// on, in the characters that run up to `s`.
#[inline(never)]
fn iban_reaching(cx: &Ctx<'_, '_>, s: usize, min: usize) -> Option<usize> {
    let w = cx.win;
    let mut p = s;
    while p > min && iban_char(w[p - 1]) {
        p -= 1;
    }
    (p..s)
        .filter(|&k| {
            (k == p || w[k - 1] == b' ')
                && k + 4 <= w.len()
                && w[k].is_ascii_uppercase()
                && w[k + 1].is_ascii_uppercase()
                && w[k + 2].is_ascii_digit()
                && w[k + 3].is_ascii_digit()
        })
        .filter_map(|k| iban_end(w, k).filter(|&e| e > s))
        .max()
}

/// The end of a valid IBAN starting at `k` (country code, check digits,
/// then letters and digits, optionally in groups split by single spaces;
/// 15 to 34 characters; ISO 13616 mod-97 checksum), if there is one.
fn iban_end(w: &[u8], k: usize) -> Option<usize> {
    // (At most 34 characters, kept on the stack.)
    let mut buf = [0u8; 34];
    let mut n = 0;
    let mut p = k;
    let mut end = k;
    while p < w.len() && n < 34 {
        let b = w[p];
        if b.is_ascii_uppercase() || b.is_ascii_digit() {
            buf[n] = b;
            n += 1;
            p += 1;
            end = p;
        } else if b == b' '
            && p + 1 < w.len()
            && (w[p + 1].is_ascii_uppercase() || w[p + 1].is_ascii_digit())
        {
            p += 1;
        } else {
            break;
        }
    }
    let chars = &buf[..n];
    if chars.len() < 15 {
        return None;
    }
    let rem = chars[4..].iter().chain(&chars[..4]).fold(0u32, |r, &b| {
        if b.is_ascii_digit() {
            (r * 10 + u32::from(b - b'0')) % 97
        } else {
            (r * 100 + u32::from(b - b'A' + 10)) % 97
        }
    });
    (rem == 1).then_some(end)
}

/// SSN shape: three groups of 3, 2 and 4 digits joined by the same single
/// dash, space or dot.
/// Whether nine digits are grouped the way people write or say an SSN:
/// one block, 3-2-4, 3-3-3, 3-6 or 5-4, a digit at a time, or spoken. A
/// 4-3-2 grouping ("4111 123-45") is the tail of something else.
fn ssn_grouping(gs: &[Group]) -> bool {
    if gs.iter().any(|g| g.spoken) || gs.iter().all(|g| g.nd == 1) {
        return true;
    }
    sized(gs, &[&[9], &[3, 2, 4], &[3, 3, 3], &[3, 6], &[5, 4]])
}

/// Whether the groups hold the numbers of digits of one of `shapes`.
fn sized(gs: &[Group], shapes: &[&[usize]]) -> bool {
    shapes.iter().any(|s| {
        s.len() == gs.len() && gs.iter().zip(*s).all(|(g, &n)| g.nd == n)
    })
}

fn ssn_shape(gs: &[Group]) -> bool {
    gs.len() == 3
        && gs.iter().map(|g| g.nd).eq([3, 2, 4])
        && gs.iter().all(|g| !g.spoken && !g.masked)
        && gs[1].gap.chars == 1
        && gs[2].gap.chars == 1
        && gs[1].gap.seps == gs[2].gap.seps
        && matches!(gs[1].gap.seps, 1 | 2 | 4)
}

/// Whether the ASCII digits at `w[t]` start a run printed as an SSN
/// ("078-05-1120": three digits, two and four, joined by the same one
/// dash, space or dot) or as a card ("4111 1111 1111 1111": three groups
/// of four digits and the first digit of a fourth, joined by the same one
/// space or dash). The quick run reader turns down every run that holds
/// the first ([`Scanner::quiet_shape`]), and the second holds a card more
/// often than not; both are left to the full reading at once.
fn printed_as_finding(w: &[u8], t: usize) -> bool {
    let at = |i: usize| w.get(t + i).copied();
    let digits = |r: std::ops::Range<usize>| {
        r.into_iter().all(|i| at(i).is_some_and(|b| b.is_ascii_digit()))
    };
    // (The separators first: most numbers' do not fit.)
    match (at(3), at(4)) {
        (Some(sep @ (b'-' | b' ' | b'.')), _) => {
            at(6) == Some(sep)
                && digits(1..3)
                && digits(4..6)
                && digits(7..11)
                && !digits(11..12)
        }
        (_, Some(sep @ (b' ' | b'-'))) => {
            at(9) == Some(sep)
                && at(14) == Some(sep)
                && digits(1..4)
                && digits(5..9)
                && digits(10..14)
                && digits(15..16)
        }
        _ => false,
    }
}

/// Whether three groups print a North American phone number: three
/// digits, three and four, joined by the same space, dash or dot.
fn phone_shape(gs: &[Group]) -> bool {
    gs.len() == 3
        && gs.iter().map(|g| g.nd).eq([3, 3, 4])
        && gs.iter().all(|g| !g.spoken && !g.masked && !g.month)
        && gs[1..].iter().all(|g| {
            g.gap.chars == 1
                && matches!(g.gap.seps, 1 | 2 | 4)
                && g.gap.seps == gs[1].gap.seps
        })
}

/// The end of a North American phone number with its area code in
/// brackets ("(800) 123-4567", "(800)123.4567") when the digits at `s`
/// are its area code or its first three digits after the brackets; no
/// digit stands right before or after it. The brackets are read no
/// earlier than `lo`.
fn bracketed_phone(w: &[u8], lo: usize, s: usize) -> Option<usize> {
    let digits = |a: usize, n: usize| {
        w.get(a..a + n).is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    // Where the "(" stands: right before `s`, or before "(ddd) " there.
    let open = if s > lo && w[s - 1] == b'(' {
        s - 1
    } else if s >= lo + 5 && w[s - 1] == b')' {
        s - 5
    } else if s >= lo + 6 && w[s - 1] == b' ' && w[s - 2] == b')' {
        s - 6
    } else {
        return None;
    };
    if w[open] != b'('
        || open > lo && w[open - 1].is_ascii_digit()
        || !digits(open + 1, 3)
        || w.get(open + 4) != Some(&b')')
    {
        return None;
    }
    let p = open + 5 + usize::from(w.get(open + 5) == Some(&b' '));
    let e = p + 8;
    (digits(p, 3)
        && matches!(w.get(p + 3), Some(b'-' | b'.' | b' '))
        && digits(p + 4, 4)
        && !w.get(e).is_some_and(u8::is_ascii_digit))
    .then_some(e)
}

/// The publicised sample SSNs (Woolworth's wallet card, advertising
/// samples, the 987-65-432x range reserved for advertising).
fn ssn_sample(d: &[u8]) -> bool {
    const SAMPLES: [[u8; 9]; 3] = [
        [0, 7, 8, 0, 5, 1, 1, 2, 0],
        [2, 1, 9, 0, 9, 9, 9, 9, 9],
        [4, 5, 7, 5, 5, 5, 4, 6, 2],
    ];
    SAMPLES.iter().any(|s| s == d) || d[..8] == [9, 8, 7, 6, 5, 4, 3, 2]
}

/// The SSA's validity rules: area not 000, 666 or 900–999; group not 00;
/// serial not 0000. Samples are still reported, with a lower confidence.
fn ssn_reason(d: &[u8], ok: Reason) -> Option<Reason> {
    if d.len() != 9 {
        return None;
    }
    if ssn_sample(d) {
        return Some(Reason::SsnSample);
    }
    let v = |r: &[u8]| r.iter().fold(0u32, |a, &x| a * 10 + u32::from(x));
    let (area, group, serial) = (v(&d[..3]), v(&d[3..5]), v(&d[5..]));
    if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 {
        return None;
    }
    Some(ok)
}

fn month_ok(m: u32) -> bool {
    (1..=12).contains(&m)
}

/// The end of the rest of a track 2 printed without its sentinels after a
/// card number that ends at `e`: a `=`, then at least seven and at most
/// 32 digits that start with an expiry date (YYMM, a month from 01 to 12)
/// and a service code, maybe the `?` end sentinel, and then the end of the
/// text (`eof`) or an ASCII byte that is no letter or digit and no decimal
/// point or comma before a digit (the digits are part of no other number
/// or token). `None` when `w` ends before that is known.
fn track2_tail(w: &[u8], e: usize, eof: bool) -> Option<usize> {
    if w.get(e) != Some(&b'=') {
        return None;
    }
    let p = e + 1;
    let n = w[p..].iter().take(33).take_while(|b| b.is_ascii_digit()).count();
    if !(7..=32).contains(&n) {
        return None;
    }
    let mm = u32::from(w[p + 2] - b'0') * 10 + u32::from(w[p + 3] - b'0');
    if !month_ok(mm) {
        return None;
    }
    let end = p + n;
    let end = if w.get(end) == Some(&b'?') { end + 1 } else { end };
    match w.get(end) {
        None => eof.then_some(end),
        Some(&b) => {
            let joins = matches!(b, b'.' | b',')
                && w.get(end + 1).is_none_or(u8::is_ascii_digit);
            (b < 0x80 && !b.is_ascii_alphanumeric() && !joins).then_some(end)
        }
    }
}

/// The expiry date in the two fields of a delimited record that follow a
/// card ending its own field at `e`: a comma or semicolon, the month (one
/// or two digits), the same delimiter, the year (two digits, or four from
/// 2000), and then the delimiter again, a line break or the end of the
/// text (`eof`); each field may stand in double quotes ("4111…,12,27,123",
/// "4111…;08;2029", `"4111…","12","2027"`). Returns the span from the
/// month to the year and its digits. (Tabs, pipes and spaces join the
/// fields into the card's run, where they are read as any run is.)
fn record_expiry(
    w: &[u8],
    e: usize,
    eof: bool,
) -> Option<(usize, usize, Vec<u8>)> {
    // A field's digits, in quotes or not: (start, end, index after it).
    let field = |p: usize| {
        let quoted = w.get(p) == Some(&b'"');
        let s = p + usize::from(quoted);
        let nd = w
            .get(s..)?
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        let mut q = s + nd;
        if quoted {
            (w.get(q) == Some(&b'"')).then_some(())?;
            q += 1;
        }
        Some((s, s + nd, q))
    };
    let mut p = e + usize::from(w.get(e) == Some(&b'"'));
    let delim = *w.get(p).filter(|&&b| matches!(b, b',' | b';'))?;
    p += 1;
    let (ms, me, p) = field(p)?;
    let value = |s: usize, e: usize| digits_value(&w[s..e]);
    if !(1..=2).contains(&(me - ms)) || !month_ok(value(ms, me)) {
        return None;
    }
    (w.get(p) == Some(&delim)).then_some(())?;
    let (ys, ye, p) = field(p + 1)?;
    let year = value(ys, ye);
    if !(ye - ys == 2 || ye - ys == 4 && (2000..=2099).contains(&year)) {
        return None;
    }
    match w.get(p) {
        Some(&b) if b == delim || b == b'\n' || b == b'\r' => {}
        None if eof => {}
        _ => return None,
    }
    let digits =
        w[ms..me].iter().chain(&w[ys..ye]).map(|b| b - b'0').collect();
    Some((ms, ye, digits))
}

/// An expiry date at group `k`: `MM/YY`, `MM-YYYY`, `MM YY`, `MMYY`,
/// `MMYYYY`, or spoken ("oh four twenty seven", "April twenty seven").
/// Returns the end group. Whether context allows it is the caller's call.
fn expiry_at(gs: &[Group], k: usize, b: usize) -> Option<usize> {
    let g = &gs[k];
    if !g.spoken && !g.month {
        if k + 1 < b {
            let h = &gs[k + 1];
            // One separator character, one said ("12 slash 27"), a slash
            // or dash between spaces ("10 / 2027"), or a comma and a
            // space, as speech-to-text prints a pause ("12, 27").
            let one_sep = h.gap.chars == 1
                || h.gap.said && h.gap.words == 1 && h.gap.chars == 2
                || h.gap.words == 0
                    && h.gap.chars == 3
                    && matches!(h.gap.seps, 3 | 9)
                || h.gap.words == 0 && h.gap.chars == 2 && h.gap.seps == 17;
            let sep_ok =
                !h.masked && one_sep && h.gap.seps & (1 | 2 | 8 | 64) != 0;
            if !h.spoken
                && sep_ok
                && (g.nd == 1 || g.nd == 2)
                && (h.nd == 2
                    || (h.nd == 4 && (2000..=2099).contains(&h.value())))
                && month_ok(g.value())
            {
                return Some(k + 2);
            }
        }
        let d = g.digits();
        if g.nd == 4 || g.nd == 6 {
            let mm = u32::from(d[0]) * 10 + u32::from(d[1]);
            let year_ok = g.nd == 4 || (d[2] == 2 && d[3] == 0);
            if month_ok(mm) && year_ok {
                return Some(k + 1);
            }
        }
        if g.nd == 1 {
            return typed_digit_expiry(gs, k, b);
        }
        return None;
    }
    let mut d = Vec::new();
    let mut best = None;
    // (Six groups: a month and a four-digit year said a digit at a time,
    // "oh nine two zero two eight".)
    for (m, h) in gs.iter().enumerate().take(b.min(k + 6)).skip(k) {
        // "April 12/27": the slash joins 12 and 27, not April and 12.
        let numeral_date = m + 1 < b
            && !gs[m + 1].spoken
            && gs[m + 1].gap.seps & (2 | 8) != 0;
        if m > k && (h.month || !h.spoken && numeral_date) || h.masked {
            break;
        }
        d.extend_from_slice(h.digits());
        if d.len() > 6 {
            break;
        }
        let mm = d.get(..2).map(|x| u32::from(x[0]) * 10 + u32::from(x[1]));
        let ok = match d.len() {
            4 => true,
            6 => d[2] == 2 && d[3] == 0,
            _ => false,
        };
        if ok && mm.is_some_and(month_ok) {
            best = Some(m + 1);
        }
        // A month said as one digit word and a year as one two-digit
        // number ("four twenty seven", "nine twenty eight"): M/YY.
        if d.len() == 3
            && m == k + 1
            && g.spoken
            && g.nd == 1
            && d[0] > 0
            && h.spoken
            && h.nd == 2
        {
            best = Some(m + 1);
        }
    }
    best
}

/// An expiry date typed a digit at a time at group `k`, as speech-to-text
/// may print one read out ("exp 1 2 2 7", "0 9 / 2 7", "1, 2, 2, 0, 2,
/// 7"): four digits (MMYY) or six (MM20YY), each a group of its own, as
/// the spoken reading takes digit words. Returns the end group of the
/// longest.
fn typed_digit_expiry(gs: &[Group], k: usize, b: usize) -> Option<usize> {
    let mut d = [0u8; 6];
    let mut best = None;
    let groups = gs.iter().enumerate().take(b.min(k + 6)).skip(k);
    for (n, (m, h)) in groups.enumerate() {
        if h.nd != 1 || h.spoken || h.month || h.masked {
            break;
        }
        d[n] = h.digits()[0];
        let mm = u32::from(d[0]) * 10 + u32::from(d[1]);
        let year_ok = n == 3 || n == 5 && d[2] == 2 && d[3] == 0;
        if year_ok && month_ok(mm) {
            best = Some(m + 1);
        }
    }
    best
}

/// Whether the groups `gs` are a value of the field `part` of an expiry
/// date ([`part_field_before`]): a month (one or two digits, a month's
/// name alone) or a year (two digits, or four from 2000), typed as one
/// group or said in words.
#[inline(never)]
fn part_value(gs: &[Group], part: Part) -> bool {
    let said = gs.len() > 1 || gs[0].spoken || gs[0].month;
    if said && !gs.iter().all(|g| (g.spoken || g.month) && !g.masked) {
        return false;
    }
    let nd: usize = gs.iter().map(|g| g.nd).sum();
    if nd > 4 {
        return false;
    }
    let v = gs
        .iter()
        .flat_map(Group::digits)
        .fold(0, |v, &d| v * 10 + u32::from(d));
    let month_word = gs.iter().any(|g| g.month);
    match part {
        Part::Month => {
            nd <= 2 && month_ok(v) && (!month_word || gs.len() == 1)
        }
        Part::Year => {
            !month_word && (nd == 2 || nd == 4 && (2000..=2099).contains(&v))
        }
    }
}

/// Whether three groups are a calendar date: year, month and day, or day
/// and month (either order) and a year, joined by the same `-`, `/` or `.`.
fn is_date(gs: &[Group]) -> bool {
    let sep = sep_bit(Sep::Dash) | sep_bit(Sep::Slash) | sep_bit(Sep::Dot);
    let joined = gs[1..].iter().all(|g| {
        g.gap.chars == 1
            && g.gap.seps & sep != 0
            && g.gap.seps == gs[1].gap.seps
    });
    if !joined || gs.iter().any(|g| g.spoken || g.masked) {
        return false;
    }
    // (No part of a date has more than four digits: a longer group's
    // value is not read.)
    date_parts(|k| {
        let g = &gs[k];
        (g.nd, if g.nd <= 4 { g.value() } else { 0 })
    })
}

/// Whether three groups, `part(k)` giving each one's digit count and
/// value, are the year, month and day of a date (2026-11-23), or its day
/// and month (either way round) and year (23/11/2026, 11/23/2026).
fn date_parts(part: impl Fn(usize) -> (usize, u32)) -> bool {
    let year = |(nd, v): (usize, u32)| nd == 4 && (1900..=2099).contains(&v);
    let small =
        |(nd, v): (usize, u32)| (1..=2).contains(&nd) && (1..=31).contains(&v);
    let (a, b, c) = (part(0), part(1), part(2));
    year(a) && small(b) && small(c) && month_ok(b.1)
        || small(a) && small(b) && year(c) && (month_ok(a.1) || month_ok(b.1))
}

/// An expiry date written year first at group `k`: `YYYY-MM` or
/// `YYYY/MM`, not the start of a full date (`2029-08-15`); or `YYMM` in
/// one group, as track data and some gateways write it ("expiry: 2812"),
/// when it reads as no month first (`MMYY`, [`expiry_at`]) nor as a year
/// ("expired 2012", "expires 2030").
fn year_month_at(gs: &[Group], k: usize, b: usize) -> Option<usize> {
    let g = &gs[k];
    if !g.spoken && !g.masked && g.nd == 4 {
        let (yy, mm) = (g.value() / 100, g.value() % 100);
        if yy > 12 && !matches!(yy, 19 | 20) && month_ok(mm) {
            return Some(k + 1);
        }
    }
    let h = gs.get(k + 1).filter(|_| k + 1 < b)?;
    let sep = sep_bit(Sep::Dash) | sep_bit(Sep::Slash);
    let date = gs
        .get(k + 2)
        .is_some_and(|x| !x.spoken && x.nd <= 2 && x.gap.seps == h.gap.seps);
    (!g.spoken
        && !h.spoken
        && !h.masked
        && g.nd == 4
        && (2000..=2099).contains(&g.value())
        && (1..=2).contains(&h.nd)
        && h.gap.chars == 1
        && h.gap.seps & sep != 0
        && month_ok(h.value())
        && !date)
        .then_some(k + 2)
}

/// A CVV at group `k`: one numeral group of 3 or 4 digits, or spoken
/// tokens that make 3 or 4 digits.
fn cvv_at(gs: &[Group], k: usize, b: usize) -> Option<usize> {
    let g = &gs[k];
    if g.month {
        return None;
    }
    if !g.spoken && g.nd != 1 {
        return (g.nd == 3 || g.nd == 4).then_some(k + 1);
    }
    // Spoken tokens, or digits typed one by one ("4 5 6").
    let mut total = 0;
    let mut best = None;
    for (m, h) in gs.iter().enumerate().take(b).skip(k) {
        if h.month || h.masked || !g.spoken && (h.spoken || h.nd != 1) {
            break;
        }
        total += h.nd;
        if total > 4 {
            break;
        }
        if total >= 3 {
            best = Some(m + 1);
        }
    }
    best
}

/// Whether two groups are a code of three digits typed apart: two digits
/// and one, or one and two, typed, with one space between ("73 7").
fn split_code(gs: &[Group]) -> bool {
    let typed = |g: &Group| !(g.spoken || g.month || g.masked || g.kept);
    let [a, b] = gs else { return false };
    typed(a)
        && typed(b)
        && matches!((a.nd, b.nd), (2, 1) | (1, 2))
        && b.gap.chars == 1
        && b.gap.seps == sep_bit(Sep::Space)
        && b.gap.words == 0
}

/// Whether group `k` starts a number of nine digits or more printed with
/// glued dashes whose second group has no CVV's size: "123-45-67894111",
/// not "123-4567" (two codes typed apart) nor "123-12/27". Read for a
/// CVV a keyword names.
fn dashed_id_at(gs: &[Group], k: usize, b: usize) -> bool {
    let glued = |h: &Group| {
        !h.spoken
            && !h.masked
            && h.gap.chars == 1
            && h.gap.words == 0
            && h.gap.seps == sep_bit(Sep::Dash)
    };
    match gs.get(k + 1).filter(|h| k + 1 < b && glued(h)) {
        Some(h) if h.nd != 3 && h.nd != 4 => {}
        _ => return false,
    }
    let mut total = gs[k].nd;
    for h in gs[k + 1..b].iter().take_while(|h| glued(h)) {
        total += h.nd;
    }
    total >= 9
}

/// The nearest keyword before window index `s`, reading at most
/// [`LOOKBEHIND`] bytes, never before `floor` and never across a digit.
fn ctx_before(cx: &Ctx<'_, '_>, s: usize, floor: usize) -> Option<Cat> {
    ctx_before_at(cx, s, floor).map(|(_, c)| c)
}

/// [`ctx_before`], with the end of the keyword that decides.
fn ctx_before_at(
    cx: &Ctx<'_, '_>,
    s: usize,
    floor: usize,
) -> Option<(usize, Cat)> {
    ctx_before_from(cx, s, floor).map(|k| (k.end, k.cat))
}

/// The keyword before a number that decides ([`ctx_before`]), and where
/// the stretch read for it starts.
#[derive(Clone, Copy)]
struct KwBefore {
    /// Where the stretch read starts.
    from: usize,
    /// The keyword's start and end.
    start: usize,
    end: usize,
    cat: Cat,
}

impl KwBefore {
    /// The fields a list of keywords that ends with this one names, in
    /// order ([`context::Keywords::listed`]); empty when no joint stands
    /// before it (most keywords), or it is a word for an SSN or a PIN.
    fn listed(&self, cx: &Ctx<'_, '_>) -> Listed {
        if self.cat != Cat::Ssn
            && self.cat != Cat::Pin
            && context::joint_before(cx.win, self.from, self.start)
        {
            cx.inner.keywords.listed(cx.win, cx.lo, self.from, self.end)
        } else {
            Listed::default()
        }
    }
}

/// [`ctx_before_at`], with the keyword's start and where the stretch read
/// for it starts.
#[inline]
fn ctx_before_from(
    cx: &Ctx<'_, '_>,
    s: usize,
    floor: usize,
) -> Option<KwBefore> {
    let mut lo = cx.lo.max(s.saturating_sub(LOOKBEHIND)).max(floor);
    // A word cut by the start of the window ("…order" of "border") is no
    // keyword: skip it. At the very start of the text nothing is cut.
    if lo == cx.lo && cx.base + cx.lo as u64 > 0 {
        while lo < s
            && (cx.win[lo].is_ascii_alphabetic() || cx.win[lo] >= 0x80)
        {
            lo += 1;
        }
    }
    let mask = cx.inner.masker.mask_byte();
    let near = after_last_number(cx.win, lo, s, mask, false);
    let found = cx.inner.keywords.last_at(cx.win, cx.lo, near, s);
    // No keyword since the last number: when that number is one or two
    // digits of a timestamp or a speaker's number that start a line ("[10:03]
    // customer: 12/27"), a question asked in the turn before is read across
    // them (read only then: most numbers find their keyword on their line).
    let w = cx.win;
    let nd =
        w[lo..near].iter().rev().take(3).take_while(|b| b.is_ascii_digit());
    if found.is_none()
        && near > lo
        && near < s
        && may_be_turn_digits(w[near], nd.count())
    {
        // (Only a keyword that names a kind: a not-a-card word in the turn
        // before, "I've updated the ticket.", is about something else.)
        // (The stretch after `near` holds no keyword, as read above, and
        // none reaches into it across the digits before it: the turn
        // before is read up to them.)
        let far = after_last_number(w, lo, s, mask, true);
        if far < near {
            return cx
                .inner
                .keywords
                .last_at(w, cx.lo, far, near)
                .filter(|&(_, k, c)| c != Cat::Other && !new_sentence(w, k, s))
                .map(|(start, end, cat)| KwBefore {
                    from: far,
                    start,
                    end,
                    cat,
                });
        }
    }
    found
        .filter(|&(_, k, _)| !new_sentence(w, k, s))
        .map(|(start, end, cat)| KwBefore { from: near, start, end, cat })
}

/// The keyword of a number taken back for the one at `s`, which no
/// keyword names: where only a correction ([`context::correction`])
/// stands from `lo`, the end of the number before, to `s` ("cvv 123,
/// sorry, I mean 132", "exp 04/26, no wait, 05/27"), the keyword for a
/// CVV or an expiry date before that number, read as
/// [`ctx_before_from`] reads one, or through another correction before
/// it. Read inside the look-behind of `s` only, as every keyword is, so
/// that a stream reads the same.
#[cold]
#[inline(never)]
fn corrected_kw(cx: &Ctx<'_, '_>, s: usize, lo: usize) -> Option<Cat> {
    let w = cx.win;
    let bound = cx.lo.max(s.saturating_sub(LOOKBEHIND));
    let mask = cx.inner.masker.mask_byte();
    let number_byte = |b: u8| b.is_ascii_digit() || Some(b) == mask;
    let (mut lo, mut s) = (lo, s);
    // (Three corrections in a row at most: "123, no, 132, sorry, 137".)
    for _ in 0..3 {
        if lo <= bound
            || s - lo > 40
            || !number_byte(w[lo - 1])
            || !context::correction(&w[lo..s])
        {
            return None;
        }
        // The number before: digits or mask characters, maybe in groups
        // joined by one slash, dash or dot ("04/26", "04-2026").
        let mut ps = lo - 1;
        while ps > bound
            && (number_byte(w[ps - 1])
                || ps - 1 > bound
                    && matches!(w[ps - 1], b'/' | b'-' | b'.')
                    && number_byte(w[ps - 2]))
        {
            ps -= 1;
        }
        // (A CVV or an expiry date is short: "04/2026" at most.)
        if lo - ps > 7 {
            return None;
        }
        let near = after_last_number(w, bound, ps, mask, false);
        if let Some((_, end, cat)) =
            cx.inner.keywords.last_at(w, cx.lo, near, ps)
        {
            return (matches!(cat, Cat::Cvv | Cat::Expiry)
                && !new_sentence(w, end, ps))
            .then_some(cat);
        }
        (lo, s) = (near, ps);
    }
    None
}

/// Whether a sentence that is no short answer starts in `w[k..s]`, after
/// a keyword that ends at `k`: a full stop or an exclamation mark, space,
/// then a capital that starts a word other than "It's", "Yes", "My" and
/// the like. The keyword's sentence has ended, and it names no number in
/// the next ("Never share your PIN. Your balance is 1234."). A question
/// mark ends no reach ("What's the CVV? 123"), nor does a line break (a
/// chat turn: "cvv\n123"), nor a lower-case start ("security code. it's
/// 737"), nor the other side's turn on the same line ("Agent: expiry date
/// please. Customer: 03/27"): a speaker's label answers as a line break
/// does ([`side_label`]).
fn new_sentence(w: &[u8], k: usize, s: usize) -> bool {
    let mut i = k;
    while let Some(off) = memchr::memchr2(b'.', b'!', &w[i..s]) {
        let p = i + off;
        i = p + 1;
        let q = p + 1 + w[p + 1..s].iter().take_while(|&&b| b == b' ').count();
        if q == p + 1 || q >= s || !w[q].is_ascii_uppercase() {
            continue;
        }
        let mut e = q;
        while e < s
            && (w[e].is_ascii_alphabetic()
                || w[e] == b'\''
                || w[e..].starts_with("\u{2019}".as_bytes()))
        {
            e += if w[e] < 0x80 { 1 } else { 3 };
        }
        if !is_answer_word(&w[q..e])
            && !matches!(side_label(&w[..s], q, true), Some(Ok(_)))
        {
            return true;
        }
    }
    false
}

/// The words that may start a sentence answering for a keyword in the one
/// before ("The security code. It's 737.", "Your CVV. Sure, 737").
fn is_answer_word(word: &[u8]) -> bool {
    const ANSWERS: &[&str] = &[
        "it",
        "it's",
        "its",
        "it\u{2019}s",
        "that",
        "that's",
        "thats",
        "that\u{2019}s",
        "here",
        "here's",
        "here\u{2019}s",
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "ok",
        "okay",
        "um",
        "uh",
        "umm",
        "uhh",
        "er",
        "so",
        "and",
        "my",
        "mine",
        "is",
    ];
    ANSWERS.iter().any(|a| a.as_bytes().eq_ignore_ascii_case(word))
}

/// The index after the last free-standing number in `w[lo..hi]` (or `lo`).
/// Digits inside words ("cvv2") and before "digit" ("3-digit code") are
/// part of a keyword, not a number; with `turns`, so are one or two digits
/// of a timestamp or a speaker's number that start a line
/// ([`turn_label_of_line`]). Masked text (three or more mask characters, maybe
/// with `/` or `-` between them: `***`, `**/**`) counts as a number, so
/// that text redacted once reads the same when redacted again.
fn after_last_number(
    w: &[u8],
    lo: usize,
    hi: usize,
    mask: Option<u8>,
    turns: bool,
) -> usize {
    let mut i = hi;
    // The turn label of the line the last number read stands on, read
    // once for all its numbers ([`turn_label_of_line`]).
    let mut line: Option<(usize, Option<usize>)> = None;
    while i > lo {
        // (Bytes that are no digit and no mask character are passed at
        // once.)
        match chars::last_digit_or(w, lo, i, mask) {
            Some(p) => i = p + 1,
            None => return lo,
        }
        let b = w[i - 1];
        if Some(b) == mask {
            let j = masked_start(w, lo, i, mask);
            // One or two mask characters standing as a word are a masked
            // digit ("cvv * uh * *"); glued to text they are markup
            // ("**CVV:** 123").
            let word = (j == lo || w[j - 1].is_ascii_whitespace())
                && w.get(i).is_none_or(|c| c.is_ascii_whitespace());
            if word || count_mask(&w[j..i], mask) >= 3 {
                return i;
            }
            i = j;
            continue;
        }
        let end = i;
        let mut j = i;
        while j > lo && w[j - 1].is_ascii_digit() {
            j -= 1;
        }
        // Digits joined to a word by a dash name it ("EAN-13", "ISO-8601").
        let in_word = j > lo
            && (w[j - 1].is_ascii_alphabetic()
                || w[j - 1] == b'-'
                    && j - 1 > lo
                    && w[j - 2].is_ascii_alphabetic());
        let before_digit = counts_digits(&w[end..hi]);
        // One or two digits in an expiry month or year field are masked
        // glued to the field ("exp_month=**"), which reads as no number:
        // they bound nothing before redaction either.
        let part = end - j <= 2 && part_field_before(w, lo, j).is_some();
        // The digits of an escape ("cvv%3D123", "&#8217;") are none, but
        // for a separator's ("%20", "&#160;"), which bounds as a number
        // does, so that masked text before it reads the same.
        let escape = end < w.len()
            && chars::escape_over(w, lo, j).is_some_and(|(s, e)| {
                e >= end && chars::escaped_sep(w, s).is_none()
            });
        if in_word || before_digit || part || escape {
            i = j;
            continue;
        }
        // One or two digits of a timestamp or a speaker's number that
        // start a line ("[10:03] customer: ", "speaker 2: ") are none: a
        // question asked in the turn before is read across them.
        if !(turns && end < hi && may_be_turn_digits(w[end], end - j)) {
            return end;
        }
        let (start, label) = match line {
            Some((start, label)) if j >= start => (start, label),
            _ => turn_label_of_line(&w[..hi], lo, j),
        };
        line = Some((start, label));
        if label.is_none_or(|e| end > e) {
            return end;
        }
        i = j;
    }
    lo
}

/// Where the keywords read after a run that ends at `e` end: at the next
/// digit, line break or mask character, or at `cap`.
fn read_after_end(w: &[u8], e: usize, cap: usize, mask: Option<u8>) -> usize {
    w[e..cap]
        .iter()
        .position(|&b| {
            b.is_ascii_digit() || matches!(b, b'\n' | b'\r') || Some(b) == mask
        })
        .map_or(cap, |p| e + p)
}

/// Whether the digits `w[t..e]` stand in a timestamp that labels a turn at
/// the start of their line ("2026-11-05 10:01:09 customer: "; [`timed_label`]):
/// as the one or two digits of a time, they bound no keyword look-behind,
/// and a question asked in the turn before is read across them.
// (The bytes after and before the run inline, the rest out of line: asked
// once a run that the full decision or its quick path reads.)
#[inline(always)]
fn in_stamp(cx: &Ctx<'_, '_>, t: usize, e: usize) -> bool {
    // A run in a label ends at the time's colon, or at `T` before it, and
    // starts at the line's start or after what a date in a label holds
    // (most runs stand after a letter or `=`).
    matches!(cx.win.get(e), Some(b':' | b'T' | b' ' | b']' | b')'))
        && t > cx.lo
        && (cx.win[t - 1] == b'\n' || in_stamp_date_byte(cx.win[t - 1]))
        && in_stamp_line(cx, t, e)
}

/// Whether `b` may stand in a label's timestamp before a time's digits:
/// a digit, a date's separator, an opening bracket, a space or a tab
/// ([`in_stamp_line`] reads back over these to the line's start).
fn in_stamp_date_byte(b: u8) -> bool {
    matches!(b, b'0'..=b'9' | b'-' | b'/' | b'.' | b'[' | b'(' | b' ' | b'\t')
}

/// [`in_stamp`] past its first test.
#[inline(never)]
fn in_stamp_line(cx: &Ctx<'_, '_>, t: usize, e: usize) -> bool {
    let w = cx.win;
    // Back to the line start over what a date before the digits may hold
    // (a run in a label starts at most a day, a month and a bracket into
    // it): most runs stand after a letter or `=`, and stop this at once.
    let floor = cx.lo.max(t.saturating_sub(12));
    let mut p = t;
    while p > floor && in_stamp_date_byte(w[p - 1]) {
        p -= 1;
    }
    if p <= cx.lo || w[p - 1] != b'\n' {
        return false;
    }
    while p < t && matches!(w[p], b' ' | b'\t') {
        p += 1;
    }
    matches!(w[p], b'0'..=b'9' | b'[' | b'(')
        && colon_ahead(w, p)
        && matches!(timed_label(w, p, cx.eof_end), Some(Ok(end)) if e <= end)
}

/// Whether `nd` digits followed by `after` may be part of a timestamp or a
/// speaker's number that start a line ([`turn_label_of_line`]): one or two
/// before a colon, a closing bracket, a decimal point or comma, a date's
/// separator or `T`, a time zone, or a space or tab; or a date's year
/// before a dash or slash ("2026-11-05 10:01:09 customer: "), or after the
/// day and month before a space ("05.11.2026 10:01:09 customer: "). (The
/// three digits of a fraction of a second are a number, as the quick paths
/// read them.)
fn may_be_turn_digits(after: u8, nd: usize) -> bool {
    match nd {
        1 | 2 => matches!(
            after,
            b':' | b']'
                | b')'
                | b'.'
                | b','
                | b'-'
                | b'/'
                | b'T'
                | b'Z'
                | b'+'
                | b' '
                | b'\t'
        ),
        4 => matches!(after, b'-' | b'/' | b' '),
        _ => false,
    }
}

/// The start of the line that the digits at `w[j]` stand on, after a
/// line break after `lo`, and the end of the timestamp and speaker label
/// that start it ([`timed_label`], [`speaker_label`]), if they do; `(lo,
/// None)` where no line break stands in `w[lo..j]`. The same for every
/// digit of the line from its start on: [`after_last_number`] reads it
/// once for the numbers of a line.
// (Out of line: few numbers are followed by a colon or a bracket.)
#[inline(never)]
fn turn_label_of_line(
    w: &[u8],
    lo: usize,
    j: usize,
) -> (usize, Option<usize>) {
    let Some(nl) = memchr::memrchr(b'\n', &w[lo..j]) else {
        return (lo, None);
    };
    let start = lo + nl + 1;
    // (The label's first byte is the line's first that is no space or
    // tab; `w[j]` is a digit, so it stands at `j` at the latest.)
    let mut p = start;
    while p < j && matches!(w[p], b' ' | b'\t') {
        p += 1;
    }
    let label = match w[p] {
        b'0'..=b'9' | b'[' | b'(' => timed_label(w, p, true),
        _ => speaker_label(w, p, true),
    };
    match label {
        Some(Ok(e)) => (start, Some(e)),
        _ => (start, None),
    }
}

/// The parts of a run that one side repeats as the other gives them, as
/// bits (`1 << k` for group `k`): a turn's groups of two to nineteen
/// digits in all (a part of a number: not a whole card, which is read as
/// one, [`brand::issues`]),
/// whose digits are those of the turn right before, given by another
/// speaker ([`line_speaker`]) with only the label of this turn between
/// (one line break). A turn that repeats a repeat is none. `None` when no
/// turn is a repeat.
fn read_backs(cx: &Ctx<'_, '_>, gs: &[Group]) -> Option<u64> {
    let w = cx.win;
    // The turns: the groups from one speaker's label to the next.
    let mut starts = vec![0];
    starts.extend((1..gs.len()).filter(|&k| gs[k].gap.turn));
    if starts.len() < 2 {
        return None;
    }
    let ends: Vec<usize> =
        starts[1..].iter().copied().chain([gs.len()]).collect();
    let digits = |a: usize, b: usize| {
        let part = &gs[a..b];
        let nd: usize = part.iter().map(|g| g.nd).sum();
        if !part.iter().all(|g| !g.masked && !g.kept)
            || !(2..=19).contains(&nd)
        {
            return None;
        }
        let d = collect(part);
        let card = nd >= 12
            && luhn::valid(&d)
            && brand::lookup(&d).is_some_and(|b| brand::issues(&d, b));
        (!card).then_some(d)
    };
    let text_start = cx.lo == 0 && cx.base == 0;
    // The speaker of the turn before.
    let mut speaker = line_speaker(w, cx.lo, text_start, gs[0].s);
    let mut echo = 0u64;
    let mut prev_echo = false;
    for (x, (&a, &b)) in starts.iter().zip(&ends).enumerate().skip(1) {
        let (other, name) = next_turn(w, &gs[a - 1], &gs[a], speaker);
        let repeat = !prev_echo
            && other
            && matches!(
                (digits(starts[x - 1], ends[x - 1]), digits(a, b)),
                (Some(p), Some(q)) if *p == *q
            );
        if repeat {
            (a..b).for_each(|k| echo |= 1 << k);
        }
        prev_echo = repeat;
        speaker = name;
    }
    (echo != 0).then_some(echo)
}

/// The speaker's name ([`turn_name`]) that labels the line holding `at`,
/// whose line break stands at `lo` or later (at the start of the text,
/// `text_start`, none needs to).
fn line_speaker(
    w: &[u8],
    lo: usize,
    text_start: bool,
    at: usize,
) -> Option<Speaker> {
    let ls = match memchr::memrchr(b'\n', &w[lo..at]) {
        Some(i) => lo + i + 1,
        None if text_start => 0,
        None => return None,
    };
    // (A line break before the head makes it a line start for the label
    // readers, as [`Scanner::chain_line_at`] copies one.)
    let head = &w[ls..at.min(ls + 64)];
    let mut line = [b'\n'; 65];
    line[1..=head.len()].copy_from_slice(head);
    let line = &line[..=head.len()];
    let (ns, ne, _) = turn_name(line, 1, true)?;
    let name = &line[ns..ne];
    let mut out = [0u8; 16];
    let len = name.len().min(16);
    out[..len].copy_from_slice(&name[..len]);
    (name.len() <= 16).then_some((out, len as u8))
}

/// Whether group `g` starts the turn right after that of group `prev`,
/// with one line break between, of a speaker other than `before`; and the
/// speaker of `g`'s turn ([`line_speaker`]).
fn next_turn(
    w: &[u8],
    prev: &Group,
    g: &Group,
    before: Option<Speaker>,
) -> (bool, Option<Speaker>) {
    let name = line_speaker(w, prev.e, false, g.s);
    let one_line = memchr::memchr_iter(b'\n', &w[prev.e..g.s]).count() == 1;
    let other = match (&before, &name) {
        (Some((a, an)), Some((b, bn))) => {
            !a[..usize::from(*an)].eq_ignore_ascii_case(&b[..usize::from(*bn)])
        }
        _ => false,
    };
    (one_line && other, name)
}

/// Whether the group of one or two digits at `w[p..e]` (`said`, when
/// spoken) completes a card with the groups before it: a window of 13 to
/// 19 digits ending with it that passes the Luhn check and has a brand of
/// its length ("4012 8888 8888 1-digit …" ends in a card, not in a count
/// of digits).
#[cold]
#[inline(never)]
fn completes_card(
    groups: &[Group],
    w: &[u8],
    p: usize,
    e: usize,
    said: Option<&Said>,
) -> bool {
    let mut tail = [0u8; 2];
    let tail: &[u8] = match said {
        Some(ds) => ds.digits(),
        None => {
            let mut n = 0;
            let mut i = p;
            while i < e && n < 2 {
                let (c, len) = chars::classify(w, i);
                if let Class::Digit(v) = c {
                    tail[n] = v;
                    n += 1;
                }
                i += len;
            }
            &tail[..n]
        }
    };
    let mut d = [0u8; 19];
    let mut nd = tail.len();
    for k in (0..groups.len()).rev() {
        let g = &groups[k];
        if g.masked || g.kept || nd + g.nd > 19 {
            return false;
        }
        nd += g.nd;
        if nd >= 13 {
            gather(&groups[k..], &mut d);
            d[nd - tail.len()..nd].copy_from_slice(tail);
            if luhn::valid(&d[..nd]) && brand::issued(&d[..nd]) {
                return true;
            }
        }
    }
    false
}

/// Whether `rest` starts with the word "digit" after a space or a dash:
/// the number before it counts digits ("three digit code", "3-digit",
/// "16 digit card number") and belongs to the keyword, not to a number.
/// "Digit by digit" reads a number out and counts nothing.
#[inline]
fn counts_digits(rest: &[u8]) -> bool {
    // (One look rules out nearly every group: the rest is out of line.)
    matches!(rest, [b' ' | b'-', d, ..] if d | 0x20 == b'd')
        && counts_digits_word(rest)
}

/// Whether "social" before the number at `s` (read back to `lo`) names
/// social media or a social network, not a security number ("my social
/// media has 123456789 followers"): the last "social" there is followed
/// by "media" or "network", and no other SSN keyword stands after it. (Not
/// a keyword of the table: a longer pattern after "social" made every
/// keyword walk in chat slower.)
#[cold]
#[inline(never)]
fn social_media(w: &[u8], lo: usize, s: usize) -> bool {
    let win = &w[lo..s];
    let Some(at) =
        win.windows(6).rposition(|x| x.eq_ignore_ascii_case(b"social"))
    else {
        return false;
    };
    let rest = &win[at + 6..];
    let next = rest.strip_prefix(b" ").unwrap_or(rest);
    let word = next.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let named = [&b"media"[..], b"network", b"networks", b"networking"]
        .iter()
        .any(|x| next[..word].eq_ignore_ascii_case(x));
    named && !context::mentions_ssn(&next[word..])
}

/// Whether the PIN keyword before the number at `s` (read back to `lo`)
/// names the code of something other than a card: a meeting that the
/// sentence names before it ("Zoom meeting ID: 845 1234 5678, passcode
/// 482913"), or a lock that the word right before the keyword names
/// ("voicemail pin", "door PIN code", "wifi passcode", "SIM PIN"). A card
/// word after that ("my door code is 1234 and my card pin is 5678",
/// "atm pin") makes it a card's PIN again.
///
/// An Indian postal code is a "PIN code" too: six digits, the first 1 to
/// 8 (`postal` holds whether the number is such). It is that after
/// "pincode" written as one word (as Indian English writes the postal
/// code), after "postal", "area" or "delivery" right before the keyword,
/// or in a sentence that names an address ("…, MG Road, Bangalore, pin
/// code 560001"), unless a card word stands in the sentence before it
/// ("my atm pincode is 123456").
#[cold]
#[inline(never)]
fn other_lock(w: &[u8], lo: usize, s: usize, postal: bool) -> bool {
    const MEETING: &[&[u8]] =
        &[b"meeting", b"zoom", b"webex", b"webinar", b"conference"];
    const LOCK: &[&[u8]] = &[
        b"voicemail",
        b"door",
        b"gate",
        b"garage",
        b"alarm",
        b"locker",
        b"wifi",
        b"router",
        b"sim",
        b"puk",
        b"laptop",
        b"phone",
    ];
    const CARD: &[&[u8]] =
        &[b"card", b"atm", b"debit", b"credit", b"bank", b"visa"];
    // Words right before "pin code" that make it a postal code.
    const POSTAL: &[&[u8]] = &[b"postal", b"post", b"area", b"delivery"];
    // Words that name an address in the sentence before it.
    const ADDRESS: &[&[u8]] = &[
        b"address",
        b"road",
        b"street",
        b"nagar",
        b"colony",
        b"sector",
        b"district",
        b"village",
        b"city",
        b"town",
        b"taluk",
        b"tehsil",
    ];
    let mut other = false;
    // The sentence so far names an address, or a card.
    let mut address = false;
    let mut card = false;
    // The words of the window in order, and the word before each.
    let mut prev: &[u8] = b"";
    let mut p = lo;
    while p < s {
        if !w[p].is_ascii_alphabetic() {
            // (A sentence's end ends what its words name.)
            if matches!(w[p], b'.' | b'!' | b'?' | b'\n')
                && w.get(p + 1).is_none_or(|b| !b.is_ascii_alphanumeric())
            {
                other = false;
                address = false;
                card = false;
            }
            p += 1;
            continue;
        }
        let a = p;
        while p < s && w[p].is_ascii_alphabetic() {
            p += 1;
        }
        let word = &w[a..p];
        let is =
            |list: &[&[u8]]| list.iter().any(|x| word.eq_ignore_ascii_case(x));
        let pincode = word.eq_ignore_ascii_case(b"pincode");
        let after =
            |list: &[&[u8]]| list.iter().any(|x| prev.eq_ignore_ascii_case(x));
        if is(MEETING) {
            other = true;
        } else if is(CARD) {
            other = false;
            address = false;
            card = true;
        } else if is(ADDRESS) {
            address = true;
        } else {
            let pin = word.eq_ignore_ascii_case(b"pin");
            let lock = (pin
                || word.len() >= 4 && word[..4].eq_ignore_ascii_case(b"pass"))
                && after(LOCK);
            let postal_code = postal
                && !card
                && (pincode || pin && (address || after(POSTAL)));
            if lock || postal_code {
                other = true;
            }
        }
        prev = word;
    }
    other
}

/// Whether the number `w[s..e]` is a quantity or a year, which no keyword
/// names as a CVV, a PIN or an expiry date: an amount ("$737", "€1234"), a
/// unit or a count right after it ("the cvv check failed 1000 times",
/// "125%", "pin reset takes 1440 minutes", "2000 ATMs"), or a year after
/// "in", "since" or the like ("the cvv changed in 2023").
#[cold]
#[inline(never)]
fn quantity(w: &[u8], lo: usize, s: usize, e: usize) -> bool {
    // A word of up to twelve ASCII letters at `w[a..]`, lower-cased, or
    // `None` when it is longer or glued to a digit.
    let word = |a: usize| {
        let n = w[a..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        if n == 0 || n > 12 || w.get(a + n).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut buf = [0u8; 12];
        for (d, c) in buf.iter_mut().zip(&w[a..a + n]) {
            *d = c.to_ascii_lowercase();
        }
        Some((buf, n))
    };
    // An amount: "$737", "€1234".
    let money = s > lo
        && (w[s - 1] == b'$'
            || s >= lo + 2 && matches!(&w[s - 2..s], [0xC2, 0xA3 | 0xA5])
            || s >= lo + 3 && w[s - 3..s] == [0xE2, 0x82, 0xAC]);
    let unit = money
        || match w.get(e) {
            // (Not an escape: "%20".)
            Some(b'%') => !w.get(e + 1).is_some_and(u8::is_ascii_hexdigit),
            Some(b' ') => word(e + 1).is_some_and(|(buf, n)| {
                matches!(
                    &buf[..n],
                    b"percent"
                        | b"pct"
                        | b"times"
                        | b"minutes"
                        | b"minute"
                        | b"mins"
                        | b"min"
                        | b"hours"
                        | b"hour"
                        | b"hrs"
                        | b"days"
                        | b"day"
                        | b"weeks"
                        | b"week"
                        | b"months"
                        | b"years"
                        | b"seconds"
                        | b"secs"
                        | b"ms"
                        | b"dollars"
                        | b"dollar"
                        | b"bucks"
                        | b"cents"
                        | b"euros"
                        | b"pounds"
                        | b"usd"
                        | b"eur"
                        | b"gbp"
                        | b"items"
                        | b"attempts"
                        | b"tries"
                        | b"people"
                        | b"customers"
                        | b"users"
                        | b"transactions"
                        | b"atms"
                        | b"miles"
                        | b"km"
                        | b"kg"
                        | b"lbs"
                        | b"points"
                        | b"calls"
                        | b"orders"
                        | b"requests"
                        | b"errors"
                        | b"failures"
                        | b"declines"
                        | b"followers"
                        | b"subscribers"
                        | b"likes"
                        | b"views"
                        | b"visits"
                        | b"clicks"
                        | b"downloads"
                        | b"members"
                        | b"votes"
                        | b"steps"
                        | b"pages"
                        | b"copies"
                        | b"units"
                        | b"messages"
                )
            }),
            _ => false,
        };
    // A year after "in", "since", "until", "by", "from" or "of".
    let year = || {
        let z = s - 1;
        let a = z - w[lo..z]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        (a == lo || !w[a - 1].is_ascii_alphanumeric())
            && word(a).is_some_and(|(buf, n)| {
                matches!(
                    &buf[..n],
                    b"in" | b"since" | b"until" | b"by" | b"from" | b"of"
                )
            })
    };
    unit || e - s == 4
        && w[s..e].iter().all(u8::is_ascii_digit)
        && matches!(&w[s..s + 2], b"19" | b"20")
        && s > lo + 1
        && w[s - 1] == b' '
        && year()
}

/// [`counts_digits`] past its first look.
#[cold]
#[inline(never)]
fn counts_digits_word(rest: &[u8]) -> bool {
    if !(rest.len() >= 6
        && matches!(rest[0], b' ' | b'-')
        && rest[1..6].eq_ignore_ascii_case(b"digit"))
    {
        return false;
    }
    let tail = &rest[6..];
    let tail = match tail.first() {
        Some(b's' | b'S') => &tail[1..],
        _ => tail,
    };
    !tail.get(..3).is_some_and(|x| x.eq_ignore_ascii_case(b" by"))
}

/// Whether the mask of a finding at `w[s..e]` bounds the look-behind of
/// the keyword of a number after it, as [`after_last_number`] reads the
/// redacted text: three mask characters or more (one for each digit or
/// letter of a number word), or mask characters standing as a word.
fn mask_bounds(w: &[u8], s: usize, e: usize) -> bool {
    w[s..e].iter().filter(|b| b.is_ascii_alphanumeric()).nth(2).is_some()
        || (s == 0 || w[s - 1].is_ascii_whitespace())
            && w.get(e).is_none_or(u8::is_ascii_whitespace)
}

/// The start of the masked token ending at `end` (mask characters joined
/// by single `/`, `-` or spaces: `**/**`, `** * *`).
fn masked_start(w: &[u8], lo: usize, end: usize, mask: Option<u8>) -> usize {
    let mut j = end;
    while j > lo {
        let b = w[j - 1];
        let joins = matches!(b, b'/' | b'-' | b' ')
            && j - 1 > lo
            && Some(w[j - 2]) == mask;
        if Some(b) == mask || joins {
            j -= 1;
        } else {
            break;
        }
    }
    j
}

fn count_mask(w: &[u8], mask: Option<u8>) -> usize {
    w.iter().filter(|&&b| Some(b) == mask).count()
}

/// The nearest keyword after window index `e`, within [`CTX_AFTER`] bytes,
/// on the same line and before any digit, unless it introduces the number
/// after it.
fn ctx_after(cx: &Ctx<'_, '_>, e: usize) -> Option<Cat> {
    let mut hi = cx.win.len().min(e + CTX_AFTER);
    let mask = cx.inner.masker.mask_byte();
    let w = cx.win;
    // The keyword must come before the next number: a digit of any script,
    // or a mask character (a number masked before reads the same when the
    // text is redacted again). A keyword on a later line belongs to what
    // is said there ("…seven two nine\nagent: and your social?").
    let mut p = e;
    while p < hi {
        let b = w[p];
        let stop = if b < 0x80 {
            b.is_ascii_digit() || Some(b) == mask || b == b'\n' || b == b'\r'
        } else {
            matches!(
                chars::classify(w, p).0,
                Class::Digit(_) | Class::Sep(Sep::Newline)
            )
        };
        if stop {
            hi = p;
            break;
        }
        p += 1;
    }
    let (ke, cat) = cx.inner.keywords.first(w, cx.lo, e, hi)?;
    (!introduces(cx, ke, cat)).then_some(cat)
}

/// Whether the keyword ending at `ke` introduces a number right after it
/// ("…, cvv: 503", "… registered, ok the new card is 4012…", "expires
/// April twenty seven"): then it speaks of that number, not of the one
/// before it.
fn introduces(cx: &Ctx<'_, '_>, ke: usize, cat: Cat) -> bool {
    const GLUE: &[&[u8]] = &[
        b"is", b"was", b"are", b"number", b"no", b"num", b"nr", b"date",
        b"code", b"of", b"it's", b"its", b"be", b"will", b"here", b"as",
    ];
    let w = cx.win;
    let end = w.len().min(ke + 32);
    let mut p = ke;
    let mut words = 0;
    while p < end {
        let b = w[p];
        if matches!(b, b' ' | b'\t' | b':' | b'#' | b'=' | b'-' | b'\'' | b'"')
        {
            p += 1;
            continue;
        }
        if b.is_ascii_digit() || Some(b) == cx.inner.masker.mask_byte() {
            return true;
        }
        if b >= 0x80 {
            return matches!(chars::classify(w, p).0, Class::Digit(_));
        }
        if !b.is_ascii_alphabetic() {
            return false;
        }
        let mut q = p;
        while q < w.len() && (w[q].is_ascii_alphabetic() || w[q] == b'\'') {
            q += 1;
        }
        let word = &w[p..q];
        if words < 2 && GLUE.iter().any(|g| g.eq_ignore_ascii_case(word)) {
            words += 1;
            p = q;
            continue;
        }
        return cx.inner.spoken.is_some_and(|sp| match sp.lookup(word) {
            Some(
                Word::Digit(_)
                | Word::Teen(_)
                | Word::Tens(_)
                | Word::Times(_),
            ) => true,
            Some(Word::Month(_)) => cat == Cat::Expiry,
            _ => false,
        });
    }
    false
}

#[cfg(test)]
thread_local! {
    /// Tests turn the fast paths of [`Scanner::advance`] off to check that
    /// the full decision reaches the same outcome.
    static FAST_PATHS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Whether the fast paths for numbers that can be no finding are taken
/// (always, outside this crate's unit tests).
#[inline(always)]
fn fast_paths() -> bool {
    #[cfg(test)]
    {
        FAST_PATHS.with(std::cell::Cell::get)
    }
    #[cfg(not(test))]
    {
        true
    }
}

/// Whether the ASCII digits at `t` go on after a space or a dash and more
/// digits (a number, not a token's suffix: "is-3714 496353 98431").
fn goes_on(w: &[u8], t: usize) -> bool {
    let k = w[t..].iter().take_while(|b| b.is_ascii_digit()).count();
    matches!(w.get(t + k), Some(b'-' | b' '))
        && w.get(t + k + 1).is_some_and(u8::is_ascii_digit)
}

/// Whether the comma at `p` joins two digit groups with no space: one to
/// three ASCII digits before it (back to `lo`) and exactly three after it
/// (a number grouped by thousands), or four and four (a card typed with
/// commas). `None` when the window ends before that is known (`eof`: the
/// text ends there).
fn glued_comma(w: &[u8], lo: usize, p: usize, eof: bool) -> Option<bool> {
    let before = w[lo..p]
        .iter()
        .rev()
        .take(5)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let after = match before {
        1..=3 => 3,
        4 => 4,
        _ => return Some(false),
    };
    for k in 1..=after + 1 {
        match w.get(p + k) {
            None => return eof.then_some(k == after + 1),
            Some(b) if b.is_ascii_digit() != (k <= after) => {
                return Some(false)
            }
            Some(_) => {}
        }
    }
    Some(true)
}

/// Whether a space and a whole word follow window index `e` in `w` that
/// is no number word or filler ("at 10 am", "$12 in total"): the digits
/// before end there.
fn word_after(inner: &Inner, w: &[u8], e: usize) -> bool {
    let lim = w.len();
    if !(e + 1 < lim
        && w[e] == b' '
        && w[e + 1].is_ascii_alphabetic()
        && Some(w[e + 1]) != inner.masker.mask_byte())
    {
        return false;
    }
    match inner.spoken {
        Some(sp) => no_number_word(sp, w, e + 1, false),
        None => word_end(w, e + 1) < lim,
    }
}

/// Whether the word at `w[a]` ends before the end of `w` (or at it, where
/// the text ends there: `eof`) and is no number word or filler.
fn no_number_word(sp: &Spoken, w: &[u8], a: usize, eof: bool) -> bool {
    word_ending_run(sp, w, a, eof) == Some(false)
}

/// What the word at `w[a]`, after a run and a space, is to the run:
/// `Some(false)` where it is no number word nor filler and ends before
/// the end of `w` (or at it, where the text ends there: `eof`), so that
/// the run ends before it; `Some(true)` where it is a filler ("and",
/// "is", "sorry"), through which the gap rule ([`gap_at`]) may read on;
/// `None` where it says a digit or may go on past the end of `w`.
fn word_ending_run(
    sp: &Spoken,
    w: &[u8],
    a: usize,
    eof: bool,
) -> Option<bool> {
    // (A word that no word of the table starts as is none, however it
    // goes on past the end of `w`.)
    if a < w.len() && !sp.may_be_word(w, a) {
        return Some(false);
    }
    let (we, word) = sp.word_at(w, a);
    if we >= w.len() && !eof {
        return None;
    }
    match word {
        None => Some(false),
        Some(x) if x.is_filler() => Some(true),
        Some(_) => None,
    }
}

/// Whether the words at `w[a]` may name the next group of digits
/// ([`group_label`]: "4111 1111 1111 last four 1111"), which the full
/// reading reads through after three digits or more: a quick path that
/// ends a run of that many at a word that is no number word asks this
/// too. `true` where `w` may end inside them.
// (The first two letters inline, "the" or those of an order word; the
// rest out of line: inlined whole, it kept the quick paths it is asked in
// from being inlined.)
#[inline(always)]
fn label_at(w: &[u8], a: usize) -> bool {
    match w.get(a..a + 2) {
        Some(&[x, y]) => {
            matches!(
                [x | 0x20, y | 0x20],
                [b't', b'h']
                    | [b'l', b'a']
                    | [b'n', b'e']
                    | [b'f', b'i']
                    | [b'o', b't']
                    | [b'r', b'e']
            ) && label_rest(w, a)
        }
        _ => true,
    }
}

/// [`label_at`] past its first two letters.
#[inline(never)]
fn label_rest(w: &[u8], a: usize) -> bool {
    may_be_group_label(w, a, false) && group_label(w, a, false).is_some()
}

/// Where the one or two ASCII digits at `t` end when they are never card
/// data: when nothing can continue them (":", ")", "]", a letter…:
/// "\[12:03\]", "x2"), when a decimal point and a digit follow ("10.1.2.3",
/// "56.789": only groups of three, four or six digits join across a lone
/// dot), a comma that joins no other group to them ([`comma_ends_short`]:
/// "…,08,yes"), or a word that is no number word ([`word_after`]); and when
/// no track data starts before them nor a field name of an expiry date's
/// month or year ([`part_field_before`]). The full decision reaches the
/// same outcome; the trigger search passes such numbers over without
/// stopping ([`Scanner::next_trigger`]), as nothing about them is kept.
/// The end of the text (`eof`) ends them as such a byte does ("room 12",
/// "yes 2": a chat message that ends with a short number); the end of what
/// a stream has read so far does not. `hay[..lim]` is the text that may be
/// read.
#[inline]
fn short_number_end(
    inner: &Inner,
    hay: &[u8],
    lim: usize,
    t: usize,
    eof: bool,
) -> Option<usize> {
    let w = &hay[..lim];
    let mut e = t + 1;
    if e < lim && w[e].is_ascii_digit() {
        e += 1;
    }
    if e < lim && w[e].is_ascii_digit() || track_start(hay, t).is_some() {
        return None;
    }
    if e >= lim {
        return short_number_at_end(hay, t, e, eof);
    }
    // (Most such numbers end at a byte that ends them alone: the decimal
    // point and the word after are read only when it does not.)
    let b = w[e];
    let ends = if ends_short(b) {
        // A clock time in brackets ("[09:41] agent:") is passed over whole,
        // as the vector search passes over those it reads whole.
        if b == b':'
            && t >= 1
            && matches!(w[t - 1], b'[' | b'(')
            && fast_paths()
        {
            if let Some(k) = bracket_clock_end(w, e) {
                return Some(k);
            }
        }
        ends_alone(w, e)
    } else if b == b',' {
        comma_ends_short(w, e)
    } else {
        let decimal = b == b'.' && e + 1 < lim && w[e + 1].is_ascii_digit();
        decimal
            && !(dotted_expiry_lead(w, t)
                && may_be_dotted_expiry(w, t, e)
                && expiry_word_near(hay, t, e, eof))
            || word_after(inner, w, e)
    };
    let done = ends
        && part_field_before(hay, t.saturating_sub(LOOKBEHIND), t).is_none();
    if !(done && fast_paths()) {
        return None;
    }
    // The numbers of a time ("12:03", "T12:34:56.789Z") are passed over
    // together: one or two digits after a colon and a digit are such a
    // number too (no track data starts at a colon, and no field name ends
    // in a digit) when a byte ends them alone (no digit) or a decimal
    // point follows; others are read on their own.
    while e + 1 < lim && w[e] == b':' && w[e + 1].is_ascii_digit() {
        let mut e2 = e + 2;
        if e2 < lim && w[e2].is_ascii_digit() {
            e2 += 1;
        }
        if e2 + 1 >= lim {
            break;
        }
        let b = w[e2];
        let decimal = b == b'.' && w[e2 + 1].is_ascii_digit();
        if !(ends_short(b) && !chars::may_start_escape(b) || decimal) {
            break;
        }
        e = e2;
    }
    Some(e)
}

/// The closing bracket (`]` or `)`) of a clock time in brackets whose hours
/// end at `w[e]`, a colon: one or two times a colon and two digits, then
/// the bracket, with a byte after it in `w` ([`crate::simd`]'s
/// `clock_digits` reads the same times). The numbers of such a time are
/// each passed over by [`short_number_end`]: after the opening bracket, no
/// track data starts and no field name stands; a colon and two digits, and
/// the closing bracket, end each of them; and the byte after is there to
/// be read.
#[inline]
fn bracket_clock_end(w: &[u8], e: usize) -> Option<usize> {
    let two = |k: usize| {
        w.get(k..k + 3).is_some_and(|x| {
            x[0] == b':' && x[1..].iter().all(u8::is_ascii_digit)
        })
    };
    let mut k = e;
    for _ in 0..2 {
        if !two(k) {
            return None;
        }
        k += 3;
        if matches!(w.get(k), Some(b']' | b')')) {
            return (k + 1 < w.len()).then_some(k);
        }
    }
    None
}

/// [`short_number_end`] for the digits `hay[t..e]` that reach the end of
/// what may be read: they end there at the end of the text.
// (Out of line: inlined, it made the trigger search of every number cost
// more, logs 0.96x.)
#[cold]
#[inline(never)]
fn short_number_at_end(
    hay: &[u8],
    t: usize,
    e: usize,
    eof: bool,
) -> Option<usize> {
    let done = eof
        && e == hay.len()
        && part_field_before(hay, t.saturating_sub(LOOKBEHIND), t).is_none();
    (done && fast_paths()).then_some(e)
}

/// Whether what stands before `w[t]` may lead an expiry date printed with
/// a dot ([`Scanner::dotted_expiry`]): the start of the text, or a space,
/// tab, line break, colon, bracket or quote ("exp 12.27", "exp:12.27",
/// "(exp. 08.29)"). Not a digit, dot or colon of a time ("10:12.27"), a
/// currency sign ("$12.27"), a letter ("v1.12") nor an equals sign, after
/// which logs print their decimals and IP addresses ("ip=10.12.27.4").
// (Inline and cheap: the trigger search asks it for every decimal number
// of one or two digits.)
#[inline(always)]
fn dotted_expiry_lead(w: &[u8], t: usize) -> bool {
    t == 0
        || matches!(w[t - 1], b' ' | b'\t' | b'\n' | b'(' | b'"' | b'\'')
        || w[t - 1] == b':' && t >= 2 && !w[t - 2].is_ascii_digit()
}

/// Whether an expiry keyword may stand where [`Scanner::dotted_expiry`]
/// looks for one for the month `hay[t..e]` and the year after the dot at
/// `hay[e]` ([`context::mentions_expiry`]): in the look-behind before `t`,
/// or in the [`CTX_AFTER`] bytes after the year (the look-up after it
/// stops sooner, at a digit, a line break or a mask character; no keyword
/// holds the digits and the dot between). `true` where the text read so
/// far ends before that (`eof`: it ends where the text does). Most
/// numbers it is asked of are prices ("it was 9.99 in total").
// (Out of line: it is asked only of numbers that read as a month, a dot
// and a year.)
#[inline(never)]
fn expiry_word_near(hay: &[u8], t: usize, e: usize, eof: bool) -> bool {
    let want = e + 1 + chars::digits_from(hay, e + 1, 5) + CTX_AFTER;
    if hay.len() < want && !eof {
        return true;
    }
    context::mentions_expiry(
        &hay[t.saturating_sub(LOOKBEHIND)..want.min(hay.len())],
    )
}

/// Whether the one or two digits `w[t..e]` and the decimal part after the
/// dot at `w[e]` may be an expiry date printed with a dot ("12.27",
/// "08.2029"; [`Scanner::dotted_expiry`] decides): a month, and two digits
/// or four that start with "20" and that no dot and digit follow, or
/// digits up to the end of `w`.
// (Without branches on the digits where the text holds six bytes after
// the dot: it is asked in the trigger search.)
#[inline(always)]
fn may_be_dotted_expiry(w: &[u8], t: usize, e: usize) -> bool {
    let Some(x) = w.get(e + 1..e + 7) else {
        // (Near the end of the text read so far: the full reading tells.)
        return true;
    };
    let is = |c: bool| u32::from(c);
    let digit = |b: u8| is(b.wrapping_sub(b'0') < 10);
    let (a, b) = (w[t], w[e - 1]);
    let month = is(e - t == 1) & is(a != b'0')
        | is(e - t == 2)
            & (is(a == b'0') & is(b != b'0') | is(a == b'1') & is(b <= b'2'));
    let d = (0..6).fold(0, |d, k| d | digit(x[k]) << k);
    // Two digits after the dot, or four that start with "20", that no
    // further digit, nor a dot and a digit, follow.
    let two = is(d & 0b111 == 0b011) & (1 ^ (is(x[2] == b'.') & digit(x[3])));
    let four = is(d & 0b1_1111 == 0b0_1111)
        & is(x[0] == b'2')
        & is(x[1] == b'0')
        & (1 ^ (is(x[4] == b'.') & digit(x[5])));
    month & (two | four) != 0
}

/// Whether the comma at `w[e]`, glued to the one or two digits `w[t..e]`,
/// ends their run as the gap rule reads it ([`gap_at`]): no space or line
/// break follows it, and it joins no number grouped by thousands
/// ([`glued_comma`], written out for one or two digits before the comma:
/// it runs for most numbers of a delimited row). `false` when `w` ends too
/// soon to tell.
fn comma_ends_short(w: &[u8], e: usize) -> bool {
    let Some(&c) = w.get(e + 1) else {
        return false;
    };
    if c >= 0x80 || matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
        return false;
    }
    // Three digits and no fourth after the comma join them; the first
    // byte that breaks that ends the run.
    for k in 1..=4 {
        match w.get(e + k) {
            None => return false,
            Some(b) if b.is_ascii_digit() != (k <= 3) => return true,
            Some(_) => {}
        }
    }
    false
}

/// Whether a digit group that reaches `w[e]` ends there and no run goes
/// on: [`ends_short`], and no escaped separator starts there
/// ([`chars::escaped_sep`]: `%20`, `&nbsp;`, `\u00a0`).
#[inline(always)]
fn ends_alone(w: &[u8], e: usize) -> bool {
    let b = w[e];
    ends_short(b) && (!chars::may_start_escape(b) || no_escaped_sep(w, e))
}

/// [`ends_alone`] past its first tests.
#[inline(never)]
fn no_escaped_sep(w: &[u8], e: usize) -> bool {
    chars::escaped_sep(w, e).is_none()
}

/// Whether a digit group that reaches byte `b` ends there and no run goes
/// on: an ASCII byte that is neither a digit nor a separator, nor a plus
/// sign (a space in a form-encoded value: [`gap_at`]).
// (One table look-up: it is asked several times for most numbers.)
#[inline(always)]
fn ends_short(b: u8) -> bool {
    const ENDS: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 0x80 {
            t[b] = !(b as u8).is_ascii_digit()
                && !matches!(
                    b as u8,
                    b' ' | b'\t'
                        | b'-'
                        | b'.'
                        | b'/'
                        | b','
                        | b'\n'
                        | b'\r'
                        | b'|'
                        | b'+'
                );
            b += 1;
        }
        t
    };
    ENDS[usize::from(b)]
}

/// Whether the ASCII digits `w[t..e]` (three or more) end a run at a
/// decimal point: one that a digit follows and that joins no group to
/// them, as [`parse_run`] joins groups across a lone dot. `false` when the
/// text to `lim` is too short to tell.
fn dot_ends_run(
    w: &[u8],
    lo: usize,
    lim: usize,
    eof: bool,
    t: usize,
    e: usize,
) -> bool {
    let nd = e - t;
    if !(e + 1 < lim && w[e] == b'.' && w[e + 1].is_ascii_digit()) {
        return false;
    }
    let e2 = e
        + 1
        + w[e + 1..lim].iter().take_while(|b| b.is_ascii_digit()).count();
    // (Room to read what follows the next group: a cut window keeps the
    // run open, and a character outside ASCII may join digits.)
    if e2 + 6 > lim && !eof || w.get(e2).is_some_and(|&b| b >= 0x80) {
        return false;
    }
    let nd2 = e2 - e - 1;
    // (More than 19 digits after the dot are a long group the run reads
    // before it looks at the dot.)
    nd2 <= 19
        && !dot_joins(
            nd,
            nd2,
            false,
            || dotted_fours(w, lo, t, e),
            || dot_four(&w[e2..lim]),
        )
}

/// How many groups of four ASCII digits joined by lone dots end with the
/// group `w[t..e]` (at most four; none before `lo`): 3 for "4222.2222.2222"
/// and 0 when the group is no four digits.
fn dotted_fours(w: &[u8], lo: usize, t: usize, e: usize) -> usize {
    let (mut t, mut e) = (t, e);
    let mut n = 0;
    while e - t == 4 && n < 4 {
        n += 1;
        if t < lo + 5 || w[t - 1] != b'.' {
            break;
        }
        e = t - 1;
        t = e - 4;
        if !w[t..e].iter().all(u8::is_ascii_digit)
            || t > lo && w[t - 1].is_ascii_digit()
        {
            break;
        }
    }
    n
}

/// Whether a lone dot joins a group of `nd` digits to the group of `prev`
/// digits before it: groups printed as a dotted card number (4111.1111…,
/// 3782.822463.10005, and the short last group of a 13- or 19-digit one
/// after three fours or more, `fours`: 4222.2222.2222.2) or a dotted SSN
/// (078.05.1123; `dot4` tells whether ".6789" follows the two digits,
/// `prev_dot` whether a dot joined three digits to the group before).
/// Otherwise the dot is a decimal point.
fn dot_joins(
    prev: usize,
    nd: usize,
    prev_dot: bool,
    fours: impl FnOnce() -> usize,
    dot4: impl FnOnce() -> bool,
) -> bool {
    matches!(prev, 4 | 6) && (4..=6).contains(&nd)
        || prev == 4 && (1..=3).contains(&nd) && fours() >= 3
        || prev == 3 && nd == 2 && dot4()
        || prev == 2 && nd == 4 && prev_dot
}

/// Whether `tail` starts with a dot and four digits that no digit follows.
fn dot_four(tail: &[u8]) -> bool {
    tail.first() == Some(&b'.')
        && tail.len() >= 5
        && tail[1..5].iter().all(u8::is_ascii_digit)
        && !tail.get(5).is_some_and(u8::is_ascii_digit)
}

/// A field that holds one part of an expiry date.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    Month,
    Year,
}

/// Whether the number at `t` stands in a field that holds the month or
/// the year of an expiry date: right after a name that ends in "month" or
/// "year" after "exp", "expiry", "expire" or "expiration" (`"exp_month": 8`,
/// `expiryYear="30"`, "expiration month 08", `card_exp_year=2031`,
/// `card[exp_month]=12`), or "year" alone right after such a month's
/// value ("expiry month 12 year 27", `exp_month=12&year=2027`), and up to
/// four quotes, colons, equals signs, spaces or closing brackets.
#[inline]
fn part_field_before(w: &[u8], lo: usize, t: usize) -> Option<Part> {
    part_field(w, lo, t, true)
}

/// [`part_field_before`]; a year named alone counts when `alone_year`.
// (Inlined always: it runs for most short numbers, and a call costs more
// than its quick test.)
#[inline(always)]
fn part_field(
    w: &[u8],
    lo: usize,
    t: usize,
    alone_year: bool,
) -> Option<Part> {
    // The last letter of the name rules out nearly every number, inline;
    // the rest is read out of line.
    let before = &w[lo..t];
    let skip = before
        .iter()
        .rev()
        .take(4)
        .take_while(|&&b| {
            matches!(b, b'"' | b'\'' | b':' | b'=' | b' ' | b']')
        })
        .count();
    let p = before.len() - skip;
    match p.checked_sub(1).map(|i| before[i] | 0x20) {
        Some(b'h' | b'r') => {
            part_field_or_asked(w, lo, lo + p, alone_year, t, false)
        }
        // "is" between the name and the value: "expiry month is 08".
        Some(b's') => part_field_or_asked(w, lo, lo + p, alone_year, t, true),
        // A value that opens a turn answers the question before it: after
        // the colon of a speaker's label ("agent: and the expiry
        // month?\ncustomer: 03").
        Some(b'a'..=b'z') if skip > 0 && before[p] == b':' => {
            part_field_asked(w, lo, lo + p, t)
        }
        _ => None,
    }
}

/// [`part_field_name`] for the name that ends at `p`, before the value at
/// `t` ([`part_field_is`] when `is`: "is" ends at `p`); or, when `p` ends
/// a speaker's label or a few words that open an answer ("customer: it's
/// 03"), [`part_field_asked`].
#[cold]
#[inline(never)]
fn part_field_or_asked(
    w: &[u8],
    lo: usize,
    p: usize,
    alone_year: bool,
    t: usize,
    is: bool,
) -> Option<Part> {
    let named = if is {
        part_field_is(w, lo, p, alone_year)
    } else {
        part_field_name(w, lo, p, alone_year)
    };
    named.or_else(|| {
        let c =
            if p < t && w[p] == b':' { p } else { answer_start(w, lo, p)? };
        part_field_asked(w, lo, c, t)
    })
}

/// Words that may open an answer before its value: "it's 03", "yeah
/// march", "uh oh three".
const ANSWER_WORDS: &[&[u8]] = &[
    b"it's", b"its", b"it", b"is", b"uh", b"yes", b"yeah", b"sure", b"ok",
    b"okay", b"um", b"so", b"that's",
];

/// The colon of the speaker's label before `p`, read back over spaces,
/// commas and up to three [`ANSWER_WORDS`].
fn answer_start(w: &[u8], lo: usize, p: usize) -> Option<usize> {
    let mut q = p;
    for _ in 0..=3 {
        while q > lo && matches!(w[q - 1], b' ' | b',') {
            q -= 1;
        }
        if q > lo && w[q - 1] == b':' {
            return Some(q - 1);
        }
        let n = w[lo..q]
            .iter()
            .rev()
            .take(7)
            .take_while(|b| b.is_ascii_alphabetic() || **b == b'\'')
            .count();
        if n == 0
            || !ANSWER_WORDS
                .iter()
                .any(|x| w[q - n..q].eq_ignore_ascii_case(x))
        {
            return None;
        }
        q -= n;
    }
    None
}

/// Whether `gap`, between a speaker's label and a value, holds only
/// spaces, commas and up to three [`ANSWER_WORDS`].
fn answer_words(gap: &[u8]) -> bool {
    let mut words = 0;
    gap.split(|&b| b == b' ' || b == b',').filter(|x| !x.is_empty()).all(|x| {
        words += 1;
        words <= 3 && ANSWER_WORDS.iter().any(|a| x.eq_ignore_ascii_case(a))
    })
}

/// [`part_field`] for a value at `t` that opens a turn (maybe after a few
/// [`ANSWER_WORDS`]: "it's 03"), whose speaker's label has its colon at
/// `c`: the field the line before asks for, when
/// it ends with the field's name ("agent: What is the expiration
/// month?", "and the expiry year, please?") or names a month or a year
/// and ends with a word for the expiry ("what month does it expire?",
/// "the year it expires?"; not both); or that asks for a year ("and the
/// year?") right after a turn that answered an expiry month's question
/// with the month alone. (A year asked for after another month, "what
/// month were you born?", names no expiry date's.)
#[cold]
#[inline(never)]
fn part_field_asked(w: &[u8], lo: usize, c: usize, t: usize) -> Option<Part> {
    let ls = lo + memchr::memrchr(b'\n', &w[lo..c])? + 1;
    let (_, colon, end) = turn_name(w, ls, true)?;
    if colon != c || end > t || !answer_words(&w[end..t]) {
        return None;
    }
    // The end of the question: without its punctuation, spaces and a
    // "please".
    let mut q = ls - 1;
    let trim = |q: &mut usize| {
        while *q > lo
            && matches!(w[*q - 1], b'?' | b'.' | b',' | b'!' | b' ' | b'\r')
        {
            *q -= 1;
        }
    };
    trim(&mut q);
    if q >= lo + 6 && w[q - 6..q].eq_ignore_ascii_case(b"please") {
        q -= 6;
        trim(&mut q);
    }
    if let Some(part) = part_field_name(w, lo, q, false) {
        return Some(part);
    }
    let qs = memchr::memrchr(b'\n', &w[lo..q]).map_or(lo, |i| lo + i + 1);
    // "and the year?" right after the answer to an expiry month's
    // question: a turn that holds that month alone.
    if q >= qs + 4
        && w[q - 4..q].eq_ignore_ascii_case(b"year")
        && (q - 4 == qs || !w[q - 5].is_ascii_alphabetic())
    {
        let mut me = qs.checked_sub(1).filter(|&e| e > lo)?;
        while me > lo && matches!(w[me - 1], b' ' | b'.' | b',' | b'\r') {
            me -= 1;
        }
        return month_value_before(w, lo, me).then_some(Part::Year);
    }
    // "… month … expire(s)", "… year … expiry": the nearest of the two
    // words on the question's line.
    let line = &w[qs..q];
    let last =
        line.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &line[line.len() - last..];
    if ![&b"expire"[..], b"expires", b"expiry", b"expiration"]
        .iter()
        .any(|x| word.eq_ignore_ascii_case(x))
    {
        return None;
    }
    // (Both, "the month and year it expires?", ask for the whole date.)
    let words = || line.split(|b| !b.is_ascii_alphabetic());
    let month = words().any(|x| x.eq_ignore_ascii_case(b"month"));
    let year = words().any(|x| x.eq_ignore_ascii_case(b"year"));
    match (month, year) {
        (true, false) => Some(Part::Month),
        (false, true) => Some(Part::Year),
        _ => None,
    }
}

/// [`part_field`] for a value after "is" that ends at `p` and a space:
/// the field name ends one space before it ("the expiration month is
/// 08", "and the year is 27").
#[cold]
#[inline(never)]
fn part_field_is(
    w: &[u8],
    lo: usize,
    p: usize,
    alone_year: bool,
) -> Option<Part> {
    if p < lo + 4
        || w[p] != b' '
        || !w[p - 2..p].eq_ignore_ascii_case(b"is")
        || w[p - 3] != b' '
        || !matches!(w[p - 4] | 0x20, b'h' | b'r')
    {
        return None;
    }
    part_field_name(w, lo, p - 3, alone_year)
}

/// [`part_field_before`] for the field name that ends at `p`.
#[cold]
#[inline(never)]
fn part_field_name(
    w: &[u8],
    lo: usize,
    p: usize,
    alone_year: bool,
) -> Option<Part> {
    let ends = |p: usize, word: &[u8]| {
        p >= lo + word.len() && w[p - word.len()..p].eq_ignore_ascii_case(word)
    };
    let (part, mut q) = if ends(p, b"month") {
        (Part::Month, p - 5)
    } else if ends(p, b"year") {
        (Part::Year, p - 4)
    } else {
        return None;
    };
    // One separator, or none in camelCase ("expiryMonth").
    if q > lo && matches!(w[q - 1], b'_' | b'-' | b' ' | b'.') {
        q -= 1;
    }
    let whole = |p: usize, word: &[u8]| {
        ends(p, word)
            && (p == lo + word.len()
                || !w[p - word.len() - 1].is_ascii_alphabetic()
                || w[p - word.len() - 1].is_ascii_lowercase()
                    && w[p - word.len()].is_ascii_uppercase())
    };
    if whole(q, b"exp")
        || whole(q, b"expiry")
        || whole(q, b"expire")
        || whole(q, b"expiration")
    {
        return Some(part);
    }
    (alone_year
        && part == Part::Year
        && whole(p, b"year")
        && year_after_month(w, lo, p - 4))
    .then_some(part)
}

/// Whether the value of an expiry month's field ends right before `p`
/// (the start of "year"), but for up to four separators, quotes or `&`
/// and an "and": "expiry month 12 year", `"exp_month": "12", "year"`,
/// "expiration month 08 and year". The value is one or two digits, or the
/// mask characters they became (so that masked text reads the same).
fn year_after_month(w: &[u8], lo: usize, p: usize) -> bool {
    let gap = |b: &u8| matches!(b, b' ' | b',' | b';' | b'&' | b'"' | b'\'');
    let skip = |p: usize| {
        p - w[lo..p].iter().rev().take(4).take_while(|b| gap(b)).count()
    };
    let mut q = skip(p);
    // (And "the" before "year": "08 and the year is 27".)
    let word = |q: usize, word: &[u8]| {
        let n = word.len();
        q > lo + n
            && w[q - n..q].eq_ignore_ascii_case(word)
            && !w[q - n - 1].is_ascii_alphanumeric()
    };
    if q < p && word(q, b"the") {
        q = skip(q - 3);
    }
    if q >= lo + 4 && word(q, b"and") && q < p {
        q = skip(q - 3);
    }
    month_value_before(w, lo, q)
}

/// Whether the value of an expiry month's field ends at `q`
/// ([`year_after_month`]).
fn month_value_before(w: &[u8], lo: usize, q: usize) -> bool {
    // Digits, or the same mask character repeated; or a month said, in
    // one or two words ("oh three", "twelve", "March").
    let Some(&last) = w[lo..q].last() else { return false };
    if last.is_ascii_alphabetic() {
        return said_month_before(w, lo, q);
    }
    let same = |b: &&u8| {
        if last.is_ascii_digit() {
            b.is_ascii_digit()
        } else {
            last.is_ascii_punctuation() && **b == last
        }
    };
    let v = w[lo..q].iter().rev().take(3).take_while(same).count();
    // (Digits that are no month are no expiry month's value: "expiry
    // month is 13 and year is 27".)
    let month = || {
        !last.is_ascii_digit()
            || month_ok(
                w[q - v..q]
                    .iter()
                    .fold(0, |m, &b| m * 10 + u32::from(b - b'0')),
            )
    };
    (1..=2).contains(&v)
        && month()
        && part_field(w, lo, q - v, false) == Some(Part::Month)
}

/// Whether a month said in one or two words ends at `q` and a month's
/// field names it ([`year_after_month`]): "expiry month is oh three",
/// "expiration month twelve", "exp month March". (In English words, as
/// [`Spoken::english`] reads them.)
#[cold]
#[inline(never)]
fn said_month_before(w: &[u8], lo: usize, q: usize) -> bool {
    let sp = Spoken::english();
    let word_start = |e: usize| {
        let mut a = e;
        while a > lo && w[a - 1].is_ascii_alphabetic() {
            a -= 1;
        }
        a
    };
    let a = word_start(q);
    let value = |word: &[u8]| match sp.lookup(word) {
        Some(Word::Digit(d)) => Some(u32::from(d)),
        Some(Word::Teen(t)) => Some(u32::from(t)),
        _ => None,
    };
    // A month name, or one number word (a digit or a teen).
    let one = match sp.lookup(&w[a..q]) {
        Some(Word::Month(_)) => Some(a),
        _ => value(&w[a..q]).filter(|&v| month_ok(v)).map(|_| a),
    };
    // Or "oh" and a digit ("oh three", "zero nine").
    let two = || {
        let d = value(&w[a..q])?;
        let e = a.checked_sub(1).filter(|&e| e > lo && w[e] == b' ')?;
        let b = word_start(e);
        (value(&w[b..e]) == Some(0) && month_ok(d)).then_some(b)
    };
    one.into_iter()
        .chain(two())
        .any(|start| part_field(w, lo, start, false) == Some(Part::Month))
}

/// Whether only spaces stand between window index `e` and the end of its
/// line (or of the input); a line break may be escaped with a backslash
/// (`\n`, `\r`), as JSON and log lines write them inside strings, and
/// the quote that closes such a string ends its last line.
fn line_end(cx: &Ctx<'_, '_>, e: usize) -> bool {
    let w = cx.win;
    let mut p = e;
    while p < w.len() && matches!(w[p], b' ' | b'\t' | b'.' | b',') {
        p += 1;
    }
    if p >= w.len() {
        cx.eof_end
    } else {
        matches!(w[p], b'\n' | b'\r' | b'"')
            || w[p] == b'\\' && matches!(w.get(p + 1), Some(b'n' | b'r'))
    }
}

/// The end of the ASCII word starting at `p`.
fn word_end(w: &[u8], p: usize) -> usize {
    let mut e = p;
    while e < w.len() && w[e].is_ascii_alphabetic() {
        e += 1;
    }
    e
}

/// Finds the next trigger at or after `from`: `Ok(position)`, or
/// `Err(settle)` when there is none, with the position up to which the text
/// is settled (a word or a track start sentinel cut by the end of the input
/// is held back).
impl Scanner {
    fn next_trigger(
        &mut self,
        inner: &Inner,
        hay: &[u8],
        base: u64,
        from: usize,
        lim: usize,
        eof: bool,
    ) -> Result<usize, usize> {
        let abs = |x: usize| base + x as u64;
        let rel = |x: u64| (x - base) as usize;
        let digit = match self.digit_memo.lookup(abs(from)) {
            Ok(d) if rel(d) < lim => Some(rel(d)),
            Ok(_) => None,
            Err(start) => {
                let mut p = rel(start).max(from);
                // (The search passes over clock times in brackets as
                // `short_number_end` would, "[09:41] agent:", without
                // stopping at them: [`chars::find_trigger_candidate`].)
                let find = |h: &[u8], p: usize| {
                    if fast_paths() {
                        chars::find_trigger_candidate(h, p)
                    } else {
                        chars::find_digit_candidate(h, p)
                    }
                };
                let d = loop {
                    match find(&hay[..lim], p) {
                        None => break None,
                        // Numbers that are never card data are passed
                        // over, with the outcome the full decision has for
                        // them.
                        Some(q) if hay[q].is_ascii_digit() => {
                            if let Some(e) =
                                short_number_end(inner, hay, lim, q, eof)
                            {
                                self.work += (e - q) as u64;
                                p = e;
                                continue;
                            }
                            break Some(q);
                        }
                        Some(q) => {
                            // (Most characters outside ASCII, quotes,
                            // dashes, accented letters, emoji, are told
                            // from their first byte.)
                            if let Some(e) =
                                chars::past_non_digit(&hay[..lim], q)
                            {
                                p = e;
                                continue;
                            }
                            let (c, n) = chars::classify(&hay[..lim], q);
                            if let Class::Digit(_) = c {
                                break Some(q);
                            }
                            p = q + n;
                        }
                    }
                };
                self.work += (d.unwrap_or(lim) - rel(start).max(from)) as u64;
                self.digit_memo = Memo {
                    from: abs(from),
                    upto: abs(d.unwrap_or(lim)),
                    found: d.is_some(),
                };
                d
            }
        };
        if let Some(sp) = inner.spoken {
            let end = digit.unwrap_or(lim);
            match self.word_memo.lookup(abs(from)) {
                Ok(w) if rel(w) < end => return Ok(rel(w)),
                Ok(_) => {}
                // No number word before the next digit: searched before.
                Err(start) if rel(start) >= end => {}
                Err(start) => {
                    let start = rel(start).max(from);
                    // The search goes on past the next digit, where the
                    // text allows, and is remembered: text dense with
                    // numbers takes one search per stretch, not one per
                    // gap between numbers.
                    let far = (start + SPOKEN_AHEAD).min(lim);
                    let far = if far > end && (far < lim || eof) {
                        far
                    } else {
                        end
                    };
                    let found = spoken_trigger(sp, hay, start, far, lim, eof);
                    let stop = match found {
                        Some(Ok(w) | Err(w)) => w,
                        None => far,
                    };
                    self.work += (stop.max(start) - start) as u64;
                    match found {
                        Some(Ok(w)) => {
                            self.word_memo = Memo {
                                from: abs(from),
                                upto: abs(w),
                                found: true,
                            };
                            if w < end {
                                return Ok(w);
                            }
                        }
                        Some(Err(hold)) => {
                            return Err(homophones_before(
                                sp, hay, from, hold,
                            ));
                        }
                        None => {
                            // A word cut by the end of the searched stretch
                            // may still match: resume a word's length back,
                            // or at the start of the word the stretch cut.
                            let upto = if far == lim && !eof {
                                far.saturating_sub(MAX_WORD + 1).max(from)
                            } else if far > end {
                                let mut q = far;
                                while q > start
                                    && q < lim
                                    && hay[q].is_ascii_alphabetic()
                                    && hay[q - 1].is_ascii_alphabetic()
                                {
                                    q -= 1;
                                }
                                q
                            } else {
                                far
                            };
                            self.word_memo = Memo {
                                from: abs(from),
                                upto: abs(upto),
                                found: false,
                            };
                        }
                    }
                }
            }
        }
        if let Some(q) = digit {
            return Ok(q);
        }
        let mut settle = lim;
        if !eof {
            if inner.spoken.is_some() {
                let mut q = lim;
                while q > from && hay[q - 1].is_ascii_alphabetic() {
                    q -= 1;
                }
                if lim - q <= MAX_WORD {
                    settle = q;
                }
                // Homophones that a digit word in the next part may
                // follow start its run.
                if let Some(sp) = inner.spoken {
                    settle = homophones_before(sp, hay, from, settle);
                }
            }
            let tail = &hay[from..settle];
            if tail.ends_with(b";") || tail.ends_with(b"%") {
                settle -= 1;
            } else if tail.ends_with(b"%B") || tail.ends_with(b"%b") {
                settle -= 2;
            } else if matches!(tail.last(), Some(b'B' | b'b'))
                && (settle == 1 || !hay[settle - 2].is_ascii_alphanumeric())
            {
                // A "B" that starts a word may start track 1 printed
                // without its sentinels ([`track_start`]).
                settle -= 1;
            }
        }
        Err(settle.max(from))
    }
}

/// The first number word in `hay[from..end]` that stands as a whole word.
fn spoken_trigger(
    sp: &Spoken,
    hay: &[u8],
    from: usize,
    end: usize,
    lim: usize,
    eof: bool,
) -> Option<Result<usize, usize>> {
    let mut from = from;
    while let Some((s, e)) = sp.find_trigger(hay, from, end) {
        from = e;
        if s > 0 && (hay[s - 1].is_ascii_digit() || hay[s - 1] == b'*')
            || chars::class_before(hay, 0, s) == Class::Letter
        {
            continue;
        }
        if e == lim && !eof {
            return Some(Err(s));
        }
        if e < lim
            && matches!(
                chars::classify(&hay[..lim], e).0,
                Class::Letter | Class::Digit(_)
            )
        {
            continue;
        }
        return Some(Ok(s));
    }
    None
}

/// Where track data would start if the digits at `t` are its card number:
/// right after `;` (track 2) or `%B` (track 1), or after a `B` that starts
/// a word (track 1 printed without its sentinels).
// (Inlined: it runs for every number, and out of line it costs rows 3 %.)
#[inline(always)]
fn track_start(hay: &[u8], t: usize) -> Option<usize> {
    // (One look at the byte before rules out nearly every number.)
    match t.checked_sub(1).map(|p| hay[p]) {
        Some(b';') => Some(t - 1),
        Some(b'B' | b'b') if t >= 2 && hay[t - 2] == b'%' => Some(t - 2),
        Some(b'B' | b'b') if t < 2 || !hay[t - 2].is_ascii_alphanumeric() => {
            Some(t - 1)
        }
        _ => None,
    }
}

/// The end of a chip card's track 2 data at `t` and its card number's
/// digits, as EMV tag 57 and logs of card readers print it: the card
/// number (12 to 19 digits, passing the Luhn check), `D` in place of the
/// stripe's `=`, the expiry date (`YYMM`), and the service code and
/// discretionary digits, maybe padded with one `F` ("tag57=
/// 4761739001010010D25122011000000000F"). With only the expiry date after
/// the `D`, the number must be one a brand issues. Not glued to a letter
/// or digit on either side, nor after a decimal point.
// (Asked only where the quick readings leave a number of 12 to 19 digits
// glued to a `D`.)
#[cold]
#[inline(never)]
fn emv_track(w: &[u8], t: usize) -> Option<(usize, Vec<u8>)> {
    // (Nor the digits of a decimal: "1.4111…".)
    if t > 0 && w[t - 1].is_ascii_alphanumeric()
        || t > 1 && w[t - 1] == b'.' && w[t - 2].is_ascii_digit()
    {
        return None;
    }
    let nd = chars::digits_from(w, t, 20);
    let d = t + nd;
    if !(12..=19).contains(&nd) || w.get(d).is_none_or(|&b| b | 0x20 != b'd') {
        return None;
    }
    let k = chars::digits_from(w, d + 1, 40 - nd);
    let mut end = d + 1 + k;
    if k < 4 || k >= 40 - nd || !month_ok(digits_value(&w[d + 3..d + 5])) {
        return None;
    }
    if w.get(end).is_some_and(|&b| b | 0x20 == b'f') {
        end += 1;
    }
    if w.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let pan: Vec<u8> = w[t..d].iter().map(|b| b - b'0').collect();
    (luhn::valid(&pan) && (k >= 7 || brand::issued(&pan)))
        .then_some((end, pan))
}

/// Parses magnetic-stripe track data at `s`: track 1
/// `%B<PAN>^<NAME>^<YYMM><service code><discretionary>?` or track 2
/// `;<PAN>=<YYMM><service code><discretionary>?`. Returns the end (after
/// the `?` end sentinel) and the card number's digits. Track 1 may come
/// without its sentinels, as logs and exports print it (`B<PAN>^<NAME>^`
/// and digits that start with an expiry date, maybe then the `?`); it then
/// ends where its digits do, before a byte that is no letter or digit.
fn parse_track(w: &[u8], s: usize) -> Option<(usize, Vec<u8>)> {
    let bare = w[s] | 0x20 == b'b';
    let t1 = w[s] == b'%' || bare;
    let mut p = s + if w[s] == b'%' { 2 } else { 1 };
    let mut pan = Vec::new();
    while p < w.len() && w[p].is_ascii_digit() && pan.len() < 20 {
        pan.push(w[p] - b'0');
        p += 1;
    }
    if !(12..=19).contains(&pan.len()) {
        return None;
    }
    let max = if t1 { 79 } else { 40 };
    if t1 {
        if w.get(p) != Some(&b'^') {
            return None;
        }
        p += 1;
        let name_start = p;
        while p < w.len()
            && w[p] != b'^'
            && w[p] != b'?'
            && p - name_start <= 26
        {
            if !(0x20..0x7f).contains(&w[p]) {
                return None;
            }
            p += 1;
        }
        if w.get(p) != Some(&b'^') {
            return None;
        }
    } else if w.get(p) != Some(&b'=') {
        return None;
    }
    p += 1;
    let digits_start = p;
    while p < w.len() && w[p].is_ascii_digit() {
        p += 1;
    }
    if p - digits_start < 7 {
        return None;
    }
    if bare {
        let d = &w[digits_start..];
        let end = if w.get(p) == Some(&b'?') { p + 1 } else { p };
        let month = u32::from(d[2] - b'0') * 10 + u32::from(d[3] - b'0');
        return (month_ok(month)
            && !w.get(end).is_some_and(u8::is_ascii_alphanumeric))
        .then_some((end, pan));
    }
    while p < w.len() && p - s < max && w[p] != b'?' {
        if !(0x20..0x7f).contains(&w[p]) {
            return None;
        }
        p += 1;
    }
    (w.get(p) == Some(&b'?')).then_some((p + 1, pan))
}

/// Reads the numeral group at `p`: digits, with zero-width characters
/// between them read through.
fn numeral(w: &[u8], p: usize) -> (usize, usize) {
    numeral_into(w, p, None)
}

/// Reads the numeral at `p` like [`numeral`], writing its first 19 digit
/// values into `d` when given. The digits are written in place, into the
/// group that holds them: a small array written a byte at a time and then
/// copied whole stalls the processor on every number.
fn numeral_into(
    w: &[u8],
    p: usize,
    mut d: Option<&mut [u8; 19]>,
) -> (usize, usize) {
    let mut q = p;
    let mut nd = 0usize;
    let mut put = |nd: usize, v: u8| {
        if let Some(d) = d.as_deref_mut() {
            if nd < 19 {
                d[nd] = v;
            }
        }
    };
    while q < w.len() {
        let b = w[q];
        if b.is_ascii_digit() {
            put(nd, b - b'0');
            nd += 1;
            q += 1;
            continue;
        }
        if b < 0x80 {
            break;
        }
        let (c, n) = chars::classify(w, q);
        match c {
            Class::Digit(v) => {
                put(nd, v);
                nd += 1;
                q += n;
            }
            Class::Invisible => {
                let mut r = q + n;
                while r < w.len()
                    && chars::classify(w, r).0 == Class::Invisible
                {
                    r += chars::classify(w, r).1;
                }
                if r < w.len()
                    && matches!(chars::classify(w, r).0, Class::Digit(_))
                {
                    q = r;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    (q, nd)
}

/// The word after `e` when exactly one space or hyphen separates them.
fn next_word(sp: &Spoken, w: &[u8], e: usize) -> Option<(usize, Word)> {
    if e + 1 < w.len()
        && (w[e] == b' ' || w[e] == b'-')
        && w[e + 1].is_ascii_alphabetic()
    {
        let e2 = word_end(w, e + 1);
        if e2 < w.len() && chars::classify(w, e2).0 == Class::Letter {
            return None;
        }
        return sp.lookup(&w[e + 1..e2]).map(|x| (e2, x));
    }
    None
}

/// The end of the digit word or month at `t` ("one", "four", "oh",
/// "may"), and whether it is a month, when it is a run of its own that the
/// full reading passes over: one digit or a month alone (no card data has
/// fewer than three digits, and a month is an expiry date only with a
/// year), then one space (maybe after a full stop, comma, question or
/// exclamation mark) and a word of ASCII letters that means nothing to a
/// spoken number (no number word, homophone or filler, nor "of" after a
/// month), which ends the run ([`parse_run`]), and no expiry month or year
/// field before it ([`part_field_before`]). The full reading marks a digit
/// a short run and a month a run, as the caller does; in English text most
/// number words are such ("I have one question", "two of them", "we may
/// need").
/// `None` to leave the word to the full reading, as it is where the window
/// (`w`) ends before the next word does, and when the quick paths are off.
fn lone_number_word(
    sp: &Spoken,
    w: &[u8],
    lo: usize,
    t: usize,
) -> Option<(usize, bool)> {
    if !fast_paths() {
        return None;
    }
    let (we, word) = sp.word_at(w, t);
    let month = match word {
        Some(Word::Digit(_)) => false,
        Some(Word::Month(_)) => true,
        _ => return None,
    };
    // One space, or a full stop, comma, question or exclamation mark and
    // one space ("just one, thanks").
    let gap = match w.get(we) {
        Some(b' ') => 1,
        Some(b'.' | b',' | b'?' | b'!') if w.get(we + 1) == Some(&b' ') => 2,
        _ => return None,
    };
    let (e2, next) = sp.word_at(w, we + gap);
    if e2 == we + gap || next.is_some() || w.get(e2).is_none_or(|&b| b >= 0x80)
    {
        return None;
    }
    // ("December of 2027": "of" goes with a month, [`spoken_token`].)
    if month && w[we + gap..e2].eq_ignore_ascii_case(b"of") {
        return None;
    }
    part_field_before(w, lo, t).is_none().then_some((we, month))
}

/// Whether the text at `e` ends a sentence or a line: maybe spaces, then
/// a full stop, comma, question or exclamation mark, semicolon, line break
/// or the end of the input (`eof`: the window reaches it).
fn ends_sentence(w: &[u8], e: usize, eof: bool) -> bool {
    let p =
        e + w[e..].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
    match w.get(p) {
        Some(b) => {
            matches!(b, b'.' | b',' | b'?' | b'!' | b';' | b'\n' | b'\r')
        }
        None => eof,
    }
}

/// Where a run that starts at the digit word at `t` starts instead: at
/// the first of up to six homophones right before it ("for for eight
/// five…", "won for to ate oh seven…"), each a whole word after a single
/// space, none before `floor` (`w[..floor]` is read to see where a word
/// starts).
fn homophones_before(sp: &Spoken, w: &[u8], floor: usize, t: usize) -> usize {
    let mut q = t;
    for _ in 0..6 {
        if q < floor + 2 || w[q - 1] != b' ' {
            break;
        }
        let end = q - 1;
        let mut s = end;
        while s > 0 && end - s <= MAX_WORD && w[s - 1].is_ascii_alphabetic() {
            s -= 1;
        }
        let whole =
            s == 0 || !w[s - 1].is_ascii_alphanumeric() && w[s - 1] < 0x80;
        // (Every homophone but "o" has two to four letters, and starts
        // with one of these.)
        let o = end - s == 1 && w[s] | 0x20 == b'o';
        if !(o
            || (2..=4).contains(&(end - s))
                && matches!(w[s] | 0x20, b'f' | b't' | b'w' | b'a'))
            || s < floor
            || !whole
        {
            break;
        }
        match sp.lookup(&w[s..end]) {
            Some(Word::Homophone(_)) => q = s,
            _ => break,
        }
    }
    q
}

/// Whether the word at `t` is a number word that starts spoken digits
/// (a digit, a teen or a tens word, "double" or "triple").
fn starts_digits(sp: &Spoken, w: &[u8], t: usize) -> bool {
    let e = word_end(w, t);
    sp.lookup(&w[t..e]).is_some_and(Word::says_digits)
}

/// A spoken number token at `p`: its end, digits and whether it is a month.
fn spoken_token(
    sp: &Spoken,
    w: &[u8],
    p: usize,
    prev_digit: bool,
    prev_spoken: bool,
    run_start: bool,
    eof: bool,
) -> Option<(usize, Said, bool)> {
    let e = word_end(w, p);
    // A word glued to letters or digits after it ("seven4111…") is no
    // number token.
    if e == p
        || e < w.len()
            && matches!(
                chars::classify(w, e).0,
                Class::Letter | Class::Digit(_)
            )
    {
        return None;
    }
    let word = sp.lookup(&w[p..e])?;
    let (mut end, mut v, mut width) = match word {
        Word::Digit(c) => {
            // "three sevens", "four ones": that many of the digit.
            if (2..=4).contains(&c) {
                if let Some((e2, d)) = plural_after(sp, w, e) {
                    let said = Said::new(&[d; 4][..usize::from(c)]);
                    return Some((e2, said, false));
                }
            }
            (e, u32::from(c), 1)
        }
        Word::Teen(t) => (e, u32::from(t), 2),
        Word::Tens(t) => match next_word(sp, w, e) {
            Some((e2, Word::Digit(u))) if u > 0 => (e2, u32::from(t + u), 2),
            _ => (e, u32::from(t), 2),
        },
        Word::Times(times) => {
            let times = usize::from(times);
            let (e2, d) = match next_word(sp, w, e) {
                Some((e2, Word::Digit(d) | Word::Homophone(d))) => (e2, d),
                _ => {
                    // "double 5"
                    if e + 1 < w.len()
                        && w[e] == b' '
                        && w[e + 1].is_ascii_digit()
                        && !(e + 2 < w.len() && w[e + 2].is_ascii_digit())
                    {
                        (e + 2, w[e + 1] - b'0')
                    } else {
                        return None;
                    }
                }
            };
            return Some((e2, Said::new(&[d; 4][..times]), false));
        }
        Word::Homophone(d) => {
            let among = prev_digit && prev_spoken;
            if !(among || run_start) {
                return None;
            }
            let next = next_word(sp, w, e).map(|(_, x)| x);
            // Only among spoken digits: "four one for one", never
            // "12345678, for 4 items". A run may start with some ("for
            // for eight five…", "to to three oh…", "won for two", "O
            // three slash two seven"), when
            // a digit word comes after them: the scanner starts a run
            // there only then ([`homophones_before`]).
            let leads = run_start
                && next.is_some_and(|x| {
                    x.says_digits() || matches!(x, Word::Homophone(_))
                });
            if !leads && !among {
                return None;
            }
            let next_is_digit = next.is_some_and(|x| {
                !matches!(
                    x,
                    Word::Filler
                        | Word::Restart
                        | Word::Month(_)
                        | Word::Hundred
                        | Word::Thousand
                )
            });
            // "o" is a zero wherever a spoken run goes on or ends
            // ("five one O five, one O five one, …, five one O O"); the
            // others end a run where the sentence or line ends ("…
            // eight four to.", "five five for\n").
            if !(next_is_digit
                || d == 0 && e - p == 1
                || ends_sentence(w, e, eof))
            {
                return None;
            }
            return Some((e, Said::new(&[d]), false));
        }
        Word::Month(m) => {
            if !run_start {
                return None;
            }
            // "Aug '29": the year's two digits are part of the token.
            let rest = &w[e..];
            let quote = match rest {
                [b' ', b'\'', ..] => Some(2),
                [b' ', 0xE2, 0x80, 0x99, ..] => Some(4),
                _ => None,
            };
            if let Some(q) = quote {
                let y = &rest[q..];
                if y.len() >= 2
                    && y[0].is_ascii_digit()
                    && y[1].is_ascii_digit()
                    && !y.get(2).is_some_and(u8::is_ascii_digit)
                {
                    return Some((
                        e + q + 2,
                        Said::new(&[m / 10, m % 10, y[0] - b'0', y[1] - b'0']),
                        true,
                    ));
                }
            }
            // "June of twenty twenty nine", "December of 2027": "of" goes
            // with the month.
            if rest.len() > 4
                && rest[..4].eq_ignore_ascii_case(b" of ")
                && rest[4].is_ascii_alphanumeric()
            {
                return Some((e + 3, Said::new(&[m / 10, m % 10]), true));
            }
            return Some((e, Said::new(&[m / 10, m % 10]), true));
        }
        // "a hundred and twenty three"
        Word::Hundred if run_start && a_before(w, p) => {
            let (end, r) = after_hundred(sp, w, e).unwrap_or((e, 0));
            return Some((end, Said::value(100 + r, 3), false));
        }
        Word::Hundred
        | Word::Thousand
        | Word::Filler
        | Word::Restart
        | Word::Plural(_) => return None,
    };
    // "two thousand and twenty seven", "two thousand four hundred and one"
    if width == 1 && v > 0 {
        if let Some((et, Word::Thousand)) = next_word(sp, w, end) {
            let and = |at: usize| match next_word(sp, w, at) {
                Some((ea, Word::Filler))
                    if w[at + 1..ea].eq_ignore_ascii_case(b"and") =>
                {
                    ea
                }
                _ => at,
            };
            let mut total = v * 1000;
            end = et;
            let mut at = and(end);
            if let Some((e1, Word::Digit(h))) = next_word(sp, w, at) {
                if let Some((e2, Word::Hundred)) = next_word(sp, w, e1) {
                    total += u32::from(h) * 100;
                    end = e2;
                    at = and(e2);
                }
            }
            if let Some((e2, r)) = below_hundred(sp, w, at, false) {
                total += r;
                end = e2;
            }
            return Some((end, Said::value(total, 4), false));
        }
    }
    // "four hundred and twelve", "forty one hundred"
    if let Some((eh, Word::Hundred)) = next_word(sp, w, end) {
        let (e2, r) = after_hundred(sp, w, eh).unwrap_or((eh, 0));
        v = v * 100 + r;
        width += 2;
        end = e2;
    }
    Some((end, Said::value(v, width), false))
}

/// The number below a hundred said after "hundred" ends at `eh`, maybe
/// after "and" ("hundred and twelve", "hundred oh five"): its end and
/// value.
fn after_hundred(sp: &Spoken, w: &[u8], eh: usize) -> Option<(usize, u32)> {
    let rest_at = match next_word(sp, w, eh) {
        Some((ea, Word::Filler))
            if w[eh + 1..ea].eq_ignore_ascii_case(b"and") =>
        {
            ea
        }
        _ => eh,
    };
    below_hundred(sp, w, rest_at, true)
}

/// Whether the word before `p` is "a", standing alone ("a hundred").
fn a_before(w: &[u8], p: usize) -> bool {
    p >= 2
        && w[p - 1] == b' '
        && w[p - 2] | 0x20 == b'a'
        && (p == 2 || !w[p - 3].is_ascii_alphanumeric())
}

/// The digit of a plural digit word right after `e` ("ones" after "four")
/// and the word's end.
fn plural_after(sp: &Spoken, w: &[u8], e: usize) -> Option<(usize, u8)> {
    // (Every plural ends in "s": one look rules out the other words.)
    let e2 = word_end(w, e + 1);
    if w.get(e) != Some(&b' ') || e2 <= e + 1 || w[e2 - 1] | 0x20 != b's' {
        return None;
    }
    match next_word(sp, w, e)? {
        (e2, Word::Plural(d)) => Some((e2, d)),
        _ => None,
    }
}

/// The digits a spoken token says: at most four ("two thousand and
/// twenty seven", "forty one hundred", "triple five"), held without an
/// allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Said {
    d: [u8; 4],
    n: usize,
}

impl Said {
    fn new(d: &[u8]) -> Said {
        let mut s = Said { d: [0; 4], n: d.len() };
        s.d[..d.len()].copy_from_slice(d);
        s
    }

    /// The `width` last decimal digits of `v`.
    fn value(mut v: u32, width: usize) -> Said {
        let mut s = Said { d: [0; 4], n: width };
        for x in s.d[..width].iter_mut().rev() {
            *x = (v % 10) as u8;
            v /= 10;
        }
        s
    }

    fn digits(&self) -> &[u8] {
        &self.d[..self.n]
    }
}

/// The number below a hundred said after `at` ("twelve", "forty one",
/// "seven"; "oh" only when `zero`): its end and value.
fn below_hundred(
    sp: &Spoken,
    w: &[u8],
    at: usize,
    zero: bool,
) -> Option<(usize, u32)> {
    match next_word(sp, w, at)? {
        (e2, Word::Teen(x)) => Some((e2, u32::from(x))),
        (e2, Word::Tens(x)) => match next_word(sp, w, e2) {
            Some((e3, Word::Digit(u))) if u > 0 => {
                Some((e3, u32::from(x + u)))
            }
            _ => Some((e2, u32::from(x))),
        },
        (e2, Word::Digit(x)) if zero || x > 0 => Some((e2, u32::from(x))),
        _ => None,
    }
}

/// How far the gap rule reads across speakers' turns ([`gap_at`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Turns {
    /// Not at all: the run holds fewer than three digits.
    No,
    /// Speaker labels and the words that name the next group are read
    /// through: the run holds three digits or more, a group read out in
    /// one turn.
    Read,
    /// As `Read`, in a run that went on across a turn before: a question
    /// mark, and words that check a part read back, may end a turn too.
    Crossed,
}

/// The gap after a group: `Ok((next token start, gap))`, or `Err(cut)`
/// when the run ends here (`cut` when the window ended first), read
/// across speakers' turns as `turns` says.
fn gap_at(
    cx: &Ctx<'_, '_>,
    q: usize,
    spoken: Option<&Spoken>,
    after_masked: bool,
    turns: Turns,
) -> Result<(usize, Gap), bool> {
    let crossed = turns == Turns::Crossed;
    let turns = turns != Turns::No;
    let w = cx.win;
    let mut g = Gap::default();
    // The common gap, as the loop below reads it (but for a line that a
    // timestamp starts, which the loop reads as a turn).
    if let Some(s) = one_sep_gap(w, q) {
        let newline = s == Sep::Newline;
        if !(newline && turns && spoken.is_some() && timed(w, q + 1)) {
            if newline && log_stamp_at(w, q + 1) {
                return Err(false);
            }
            g.chars = 1;
            g.seps = sep_bit(s);
            return Ok((q + 1, g));
        }
    }
    let mut p = q;
    let max_chars = if spoken.is_some() { 6 } else { 3 };
    // Separators since the last filler word: "four two... okay... four".
    let mut stretch = 0usize;
    // Speaker labels passed ("agent:" between the groups a customer reads
    // out, with only "go ahead" or "mhm" in between).
    let mut labels = 0;
    loop {
        if p >= w.len() {
            return Err(!cx.eof_end);
        }
        let (c, n) = match chars::classify(w, p) {
            (Class::Other, 1) if chars::may_start_escape(w[p]) => {
                match chars::escaped_sep(w, p) {
                    Some(Ok((s, n))) => (Class::Sep(s), n),
                    // "%2" at the end of the window: wait for the rest.
                    Some(Err(())) if !cx.eof_end => return Err(true),
                    _ => (Class::Other, 1),
                }
            }
            // A plus sign between groups of three digits or more, glued to
            // both, is a space as a form-encoded value writes it
            // ("card=4111+1111+1111+1111"); between shorter numbers it is
            // a sum ("12+34").
            (Class::Other, 1) if w[p] == b'+' && p == q => {
                // (A mask character reads as a digit, as in a run.)
                let mask = cx.inner.masker.mask_byte();
                let three = |x: Option<&[u8]>| {
                    x.is_some_and(|x| {
                        x.iter()
                            .all(|&b| b.is_ascii_digit() || Some(b) == mask)
                    })
                };
                match w.get(p + 1..p + 4) {
                    _ if !three(p.checked_sub(3).map(|a| &w[a..p])) => {
                        (Class::Other, 1)
                    }
                    x if three(x) => (Class::Sep(Sep::Space), 1),
                    None if !cx.eof_end => return Err(true),
                    _ => (Class::Other, 1),
                }
            }
            cn => cn,
        };
        // A speaker label that starts a line ("agent: "), maybe after a
        // timestamp ("[00:01:07] Customer: "), stands between the groups of
        // one turn and the next, the other side saying only "go ahead" or
        // "mhm" in between.
        if turns
            && spoken.is_some()
            && g.seps & sep_bit(Sep::Newline) != 0
            && labels < 2
        {
            let label = match c {
                Class::Letter => speaker_label(w, p, cx.eof_end),
                Class::Digit(_) | Class::Other
                    if w[p].is_ascii_digit()
                        || matches!(w[p], b'[' | b'(') =>
                {
                    timed_label(w, p, cx.eof_end)
                }
                _ => None,
            };
            match label {
                Some(Ok(end)) => {
                    labels += 1;
                    g.turn = true;
                    stretch = 0;
                    p = end;
                    continue;
                }
                Some(Err(())) => return Err(true),
                None => {}
            }
        }
        match c {
            Class::Sep(s) => {
                if s == Sep::Comma {
                    let next_space = p + 1 < w.len()
                        && matches!(
                            chars::classify(w, p + 1).0,
                            Class::Sep(Sep::Space | Sep::Newline)
                        );
                    if !next_space {
                        if p == q {
                            match glued_comma(w, cx.lo, p, cx.eof_end) {
                                Some(true) => {
                                    g.comma = true;
                                    g.chars = 1;
                                    g.seps = sep_bit(s);
                                    return Ok((p + 1, g));
                                }
                                None if !cx.eof_end => return Err(true),
                                _ => {}
                            }
                        }
                        return Err(p + 1 >= w.len() && !cx.eof_end);
                    }
                }
                g.chars = g.chars.saturating_add(1);
                g.seps |= sep_bit(s);
                stretch += 1;
                if stretch > max_chars {
                    return Err(false);
                }
                p += n;
            }
            Class::Invisible => p += n,
            // A log record's timestamp that starts a line starts a record
            // of its own ([`log_stamp_at`]).
            Class::Digit(_)
                if g.seps & sep_bit(Sep::Newline) != 0
                    && log_stamp_at(w, p)
                    && at_line_start(w, p) =>
            {
                return Err(false);
            }
            Class::Digit(_) => {
                // Digits a mask kept may follow the mask directly
                // ("************4444").
                return if g.chars + g.words > 0 || after_masked {
                    Ok((p, g))
                } else {
                    Err(false)
                };
            }
            _ if g.chars > 0 && Some(w[p]) == cx.inner.masker.mask_byte() => {
                return Ok((p, g));
            }
            Class::Letter if spoken.is_some() => {
                let sp = spoken.expect("checked");
                // The word and what it means, read at once (most words
                // after a number are read from eight bytes).
                let (e, word) = sp.word_at(w, p);
                // A word glued to the digits before it ("123uh") is no
                // filler between digits.
                if e == p || g.chars == 0 {
                    return Err(false);
                }
                if e >= w.len() && !cx.eof_end {
                    return Err(true);
                }
                match word {
                    Some(f @ (Word::Filler | Word::Restart)) => {
                        g.restart |= f == Word::Restart;
                        // A filler glued to what follows ("uh4111",
                        // "I4111") is part of that token, not filler.
                        if (e < w.len()
                            && matches!(
                                chars::classify(w, e).0,
                                Class::Letter | Class::Digit(_)
                            ))
                            || g.words >= 4
                        {
                            return Err(false);
                        }
                        let word = &w[p..e];
                        let said = |x: &[u8]| word.eq_ignore_ascii_case(x);
                        if said(b"slash") || said(b"stroke") {
                            g.seps |= sep_bit(Sep::Slash);
                            g.said = true;
                        } else if said(b"dash") || said(b"hyphen") {
                            g.seps |= sep_bit(Sep::Dash);
                            g.said = true;
                        }
                        g.words += 1;
                        stretch = 0;
                        p = e;
                    }
                    Some(_) if g.chars + g.words > 0 => return Ok((p, g)),
                    // "…, and the last four are one one one one": the
                    // words that name the next group read as fillers,
                    // after three digits or more (where a turn is read).
                    None if turns
                        && g.words < 4
                        && may_be_group_label(w, p, cx.eof_end) =>
                    {
                        match group_label(w, p, cx.eof_end) {
                            Some(Ok(end)) => {
                                g.words += 1;
                                stretch = 0;
                                p = end;
                            }
                            Some(Err(())) if !cx.eof_end => return Err(true),
                            _ if crossed && labels == 0 => {
                                p = confirm_end(w, p, cx.eof_end)?;
                                g.words += 1;
                                stretch = 0;
                            }
                            _ => return Err(false),
                        }
                    }
                    // In a run that went on across a turn before, the
                    // words that end a turn in which a part is read back,
                    // checking it ("4111 1111, correct?", "is that
                    // right?", "got it"), stand as a filler word does
                    // ([`confirm_end`]).
                    _ if crossed && labels == 0 && g.words < 4 => {
                        p = confirm_end(w, p, cx.eof_end)?;
                        g.words += 1;
                        stretch = 0;
                    }
                    _ => return Err(false),
                }
            }
            // "…" (U+2026) between spoken digits.
            Class::Other
                if spoken.is_some()
                    && w[p..].starts_with("\u{2026}".as_bytes()) =>
            {
                g.chars = g.chars.saturating_add(1);
                stretch += 1;
                if stretch > max_chars {
                    return Err(false);
                }
                p += n;
            }
            // A transcriber's tag for what it could not make out or for a
            // noise ("[inaudible]", "<unk>", "(crosstalk)"), after a
            // separator, stands between spoken groups as a filler word
            // does.
            Class::Other if spoken.is_some() && g.chars > 0 => {
                match noise_tag(w, p) {
                    Some(Ok(e)) if g.words < 4 => {
                        g.words += 1;
                        stretch = 0;
                        p = e;
                    }
                    Some(Err(())) if !cx.eof_end => return Err(true),
                    // A question mark that ends the other side's words
                    // between two turns ("customer: 5555 5555
                    // 5555\nagent: go ahead?\ncustomer: 4444") stands as
                    // a comma would.
                    // (Where the window ends at it, a stream waits to
                    // read on, as the one-shot reading does.)
                    None if w[p] == b'?'
                        && labels == 1
                        && g.words > 0
                        && p + 1 == w.len()
                        && !cx.eof_end =>
                    {
                        return Err(true)
                    }
                    None if w[p] == b'?'
                        && labels == 1
                        && g.words > 0
                        && matches!(w.get(p + 1), Some(b'\n' | b'\r'))
                        && stretch < max_chars =>
                    {
                        g.chars = g.chars.saturating_add(1);
                        stretch += 1;
                        p += 1;
                    }
                    // (After a separator, as the arm below reads one right
                    // after the digits.)
                    None if crossed && labels == 0 && w[p] == b'?' => {
                        turn_follows(w, p + 1, cx.eof_end)?;
                        g.chars = g.chars.saturating_add(1);
                        stretch += 1;
                        p += 1;
                    }
                    _ => return Err(false),
                }
            }
            // In a run that went on across a turn before, a question mark
            // that ends a turn's digits or the words after them ("agent:
            // 4111 1111?\ncustomer: 1111 …", ", yes?": the other side
            // reading a part back to check it) stands as a comma would,
            // where the next line is another turn. (Only there: a quick
            // reading, which reads no turn, ends a run at a question mark.)
            Class::Other if crossed && labels == 0 && w[p] == b'?' => {
                turn_follows(w, p + 1, cx.eof_end)?;
                g.chars = g.chars.saturating_add(1);
                stretch += 1;
                p += 1;
            }
            _ => return Err(false),
        }
    }
}

/// Whether a line break at `w[q]` (`\n` or `\r\n`) starts a line that a
/// turn's label starts ([`speaker_label`], [`timed_label`]): `Ok(())`, or
/// `Err(cut)` as the gap rule returns it, `cut` when the window ends before
/// that can be told.
#[cold]
#[inline(never)]
fn turn_follows(w: &[u8], q: usize, eof: bool) -> Result<(), bool> {
    let nl = match w.get(q..q + 2) {
        Some([b'\n', _]) => q + 1,
        Some([b'\r', b'\n']) => q + 2,
        Some(_) => return Err(false),
        None => return Err(!eof),
    };
    let label = match w.get(nl) {
        None => return Err(!eof),
        Some(b'0'..=b'9' | b'[' | b'(') => timed_label(w, nl, eof),
        Some(_) => speaker_label(w, nl, eof),
    };
    match label {
        Some(Ok(_)) => Ok(()),
        Some(Err(())) => Err(true),
        None => Err(false),
    }
}

/// The words that may end a turn in which a part of a number is read back,
/// checking it ([`confirm_end`]).
const CONFIRMS: &[&[u8]] = &[
    b"correct",
    b"right",
    b"is",
    b"that",
    b"it",
    b"got",
    b"yes",
    b"yeah",
    b"yep",
    b"ok",
    b"okay",
    b"alright",
    b"perfect",
    b"great",
    b"good",
    b"thanks",
    b"thank",
    b"you",
    b"sure",
    b"and",
    b"so",
    b"then",
    b"go",
    b"on",
    b"ahead",
    b"please",
    b"continue",
    b"next",
    b"the",
    b"mhm",
];

/// Where the words at `w[p]` that end a turn in which a part is read back
/// end: one to five words of [`CONFIRMS`], spaces and commas between,
/// maybe a `?`, `.` or `!` (where the end returned stands), then a line
/// break that another turn's label follows ([`turn_follows`]). Else
/// `Err(cut)` as the gap rule returns it: `cut` when the window ends
/// before that can be told (`eof` says the text ends there).
#[cold]
#[inline(never)]
fn confirm_end(w: &[u8], p: usize, eof: bool) -> Result<usize, bool> {
    let mut q = p;
    for n in 1.. {
        let s = q;
        while q < w.len() && w[q].is_ascii_alphabetic() {
            q += 1;
        }
        if q >= w.len() {
            return Err(!eof);
        }
        if n > 5 || !CONFIRMS.iter().any(|c| w[s..q].eq_ignore_ascii_case(c)) {
            return Err(false);
        }
        while q < w.len() && matches!(w[q], b' ' | b',') {
            q += 1;
        }
        match w.get(q) {
            None => return Err(!eof),
            Some(b) if b.is_ascii_alphabetic() => {}
            Some(_) => break,
        }
    }
    if matches!(w[q], b'?' | b'.' | b'!') {
        q += 1;
    }
    turn_follows(w, q, eof)?;
    Ok(q)
}

/// The words that give the order of the group a caller names
/// ([`group_label`]).
const GROUP_ORDER: &[&[u8]] = &[
    b"last",
    b"lastly",
    b"next",
    b"first",
    b"final",
    b"finally",
    b"other",
    b"remaining",
];

/// Whether the words at `p` may be ones [`group_label`] reads: the first
/// three letters of the word that gives the order ([`GROUP_ORDER`], written
/// out), after "the " or not, turn most words down at once. `true` when the
/// text may go on past what is there.
#[inline(always)]
fn may_be_group_label(w: &[u8], p: usize, eof: bool) -> bool {
    let at = match w.get(p..p + 4) {
        Some(x) if x.eq_ignore_ascii_case(b"the ") => p + 4,
        Some(_) => p,
        None if !eof => return true,
        None => p,
    };
    match w.get(at..at + 3) {
        Some(x) => matches!(
            [x[0] | 0x20, x[1] | 0x20, x[2] | 0x20],
            [b'l', b'a', b's']
                | [b'n', b'e', b'x']
                | [b'f', b'i', b'r' | b'n']
                | [b'o', b't', b'h']
                | [b'r', b'e', b'm']
        ),
        None => !eof,
    }
}

/// The end of the words at `p` that name the next group of digits a
/// caller reads out: "the" (or none), one of [`GROUP_ORDER`] ("last",
/// "next", …), maybe a count from "two" to "six", then maybe "digits" or
/// "numbers", then maybe "are" or "is" ("the last four are", "next four
/// digits", "the final three", "and last", "finally"), one space between
/// words. `Some(Err(()))` when `w` ends inside what may be one and more
/// text may follow (`eof` says none does).
// (Out of line: inlined, it made every gap cost more.)
#[cold]
#[inline(never)]
fn group_label(w: &[u8], p: usize, eof: bool) -> Option<Result<usize, ()>> {
    const COUNT: &[&[u8]] = &[b"two", b"three", b"four", b"five", b"six"];
    const NOUN: &[&[u8]] = &[b"digits", b"numbers"];
    const VERB: &[&[u8]] = &[b"are", b"is"];
    // The parts in order, and whether each must be there.
    let parts: [(&[&[u8]], bool); 5] = [
        (&[b"the"], false),
        (GROUP_ORDER, true),
        (COUNT, false),
        (NOUN, false),
        (VERB, false),
    ];
    let mut end = None;
    for (list, needed) in parts {
        // The next part starts one space after the one read.
        let at = match end {
            Some(e) if w.get(e) == Some(&b' ') => e + 1,
            Some(_) if needed => return None,
            Some(_) => break,
            None => p,
        };
        let e = word_end(w, at);
        if e >= w.len() && !eof {
            return Some(Err(()));
        }
        if e > at && list.iter().any(|l| w[at..e].eq_ignore_ascii_case(l)) {
            end = Some(e);
        } else if needed {
            return None;
        }
    }
    end.map(Ok)
}

/// The end of a transcriber's tag at `p`: `[`, `<` or `(`, one to 24 ASCII
/// letters, spaces, `_` or `-` (a letter among them), and the matching
/// closing bracket (`[inaudible]`, `<unk>`, `(crosstalk)`, `[no speech]`).
/// `Some(Err(()))` when `w` ends inside what may be one.
fn noise_tag(w: &[u8], p: usize) -> Option<Result<usize, ()>> {
    let close = match w[p] {
        b'[' => b']',
        b'<' => b'>',
        b'(' => b')',
        _ => return None,
    };
    let mut letters = false;
    for (k, &b) in w[p + 1..].iter().enumerate().take(25) {
        if b == close {
            return (letters && k > 0).then_some(Ok(p + k + 2));
        }
        if k == 24
            || !(b.is_ascii_alphabetic() || matches!(b, b' ' | b'_' | b'-'))
        {
            return None;
        }
        letters |= b.is_ascii_alphabetic();
    }
    Some(Err(()))
}

/// The separator of a gap of one ASCII separator other than a comma
/// followed by an ASCII digit ("555 123", "2026-11", "4111.1111"): the
/// most common gap between two groups.
fn one_sep_gap(w: &[u8], q: usize) -> Option<Sep> {
    match (w.get(q), w.get(q + 1)) {
        (Some(&b), Some(d)) if b < 0x80 && b != b',' && d.is_ascii_digit() => {
            match chars::classify(w, q).0 {
                Class::Sep(s) => Some(s),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The value of the digits `d`, ASCII or values 0 to 9 (their low four
/// bits are read); at most nine of them.
fn digits_value(d: &[u8]) -> u32 {
    d.iter().fold(0, |v, &b| v * 10 + u32::from(b & 15))
}

/// Writes the values of ASCII digits `b` (at most 19) into `d`.
fn ascii_digits_into(d: &mut [u8; 19], b: &[u8]) {
    for (x, c) in d.iter_mut().zip(b) {
        *x = c - b'0';
    }
}

/// The end of a speaker label that starts the line at `p` ("agent: ",
/// "Customer:", "spk_1:", "Speaker 2:"): a word that names a side of a
/// call, maybe a number after it (glued, or after `_` or a space), a colon
/// and a space or line break. (Field names such as "exp_year:" or "cvv:"
/// are no speakers.) `Some(Err(()))` when the window ends before that can
/// be told.
fn speaker_label(w: &[u8], p: usize, eof: bool) -> Option<Result<usize, ()>> {
    if !at_line_start(w, p) {
        return None;
    }
    side_label(w, p, eof)
}

/// The end of a timestamp that starts the line at `p` and the speaker
/// label after it, any word and maybe a number, and a colon ("[00:01:07]
/// Customer: ", "00:01:07 Jane: ", "(1:07.250) Speaker 2: ",
/// "2026-11-05 10:02:03 customer: "), or of a timestamp in brackets alone
/// ("[00:01:07] "), as transcripts and chat exports print a turn. The
/// timestamp: maybe a date first (year, month and day, or day and month
/// and a year of two or four digits, joined by the same dash, slash or
/// dot, then `T` or a space); one or two digits, a colon and two digits,
/// maybe once more a colon and two digits, maybe a decimal point or comma
/// and one to three digits; maybe a time zone (`Z`, `+01:00`, `-0500`) and
/// `AM` or `PM`; the brackets matched; then one to three spaces or tabs. A
/// timestamp that labels no turn ("2026-11-05T12:34:56Z INFO …") is
/// `None`. `Some(Err(()))` when the window ends before that can be told
/// (`eof` says the text ends there).
// (Out of line: asked at most once a gap, at the start of a line.)
#[inline(never)]
fn timed_label(w: &[u8], p: usize, eof: bool) -> Option<Result<usize, ()>> {
    if !at_line_start(w, p) {
        return None;
    }
    // The common shape, "[09:41] " or "(09:41) " and then no space or
    // tab, is told from its bytes; the rest is read in full
    // ([`stamp_end`]), to the same end.
    let (after, bracketed) = match w.get(p..p + 9) {
        Some(&[o, h1, h2, b':', m1, m2, c, b' ', next])
            if matches!((o, c), (b'[', b']') | (b'(', b')'))
                && [h1, h2, m1, m2].iter().all(u8::is_ascii_digit)
                && !matches!(next, b' ' | b'\t') =>
        {
            (p + 8, true)
        }
        _ => match stamp_end(w, p, eof)? {
            Ok(x) => x,
            Err(()) => return Some(Err(())),
        },
    };
    label_after(w, after, bracketed, eof)
}

/// The end of [`timed_label`] from `after`, where the spaces or tabs after
/// its timestamp end: after any word (and maybe a number) and a colon, a
/// speaker's label; else, for a timestamp in brackets (`bracketed`), the
/// timestamp alone.
#[inline(always)]
fn label_after(
    w: &[u8],
    after: usize,
    bracketed: bool,
    eof: bool,
) -> Option<Result<usize, ()>> {
    // After a timestamp, any word (and maybe a number) and a colon name a
    // speaker: "Customer:", "Jane:", "Speaker 2:".
    let word = word_end(w, after);
    let mut e = word;
    if (1..=16).contains(&(word - after)) {
        if matches!(w.get(e), Some(b' ' | b'_'))
            && w.get(e + 1).is_some_and(u8::is_ascii_digit)
        {
            e += 1;
            while e < w.len() && e - word <= 4 && w[e].is_ascii_digit() {
                e += 1;
            }
        }
        match w.get(e..e + 2) {
            Some([b':', b' ' | b'\n' | b'\r' | b'\t']) => {
                return Some(Ok(e + 1))
            }
            None if !eof => return Some(Err(())),
            None if w.get(e) == Some(&b':') => return Some(Ok(e + 1)),
            _ => {}
        }
    } else if word >= w.len() && !eof {
        return Some(Err(()));
    }
    bracketed.then_some(Ok(after))
}

/// The timestamp of [`timed_label`] that starts the line at `p`, read in
/// full: where the spaces or tabs after it end, and whether it stands in
/// brackets. `None` where no timestamp stands there; `Some(Err(()))` when
/// the window ends before that can be told (`eof` says the text ends
/// there).
fn stamp_end(
    w: &[u8],
    p: usize,
    eof: bool,
) -> Option<Result<(usize, bool), ()>> {
    // Reads the bytes `ok` accepts from `at`, `min..=max` of them: the end,
    // or `Err` when the window ends before the count is known. (A byte
    // loop with the test inlined: this is asked at many line starts.)
    fn take(
        w: &[u8],
        eof: bool,
        at: usize,
        (min, max): (usize, usize),
        ok: impl Fn(u8) -> bool,
    ) -> Result<Option<usize>, ()> {
        let mut e = at;
        while e < w.len() && e - at <= max && ok(w[e]) {
            e += 1;
        }
        if e >= w.len() && !eof {
            Err(())
        } else if (min..=max).contains(&(e - at)) {
            Ok(Some(e))
        } else {
            Ok(None)
        }
    }
    let cut = || if eof { None } else { Some(Err(())) };
    let close = match w.get(p) {
        Some(b'[') => Some(b']'),
        Some(b'(') => Some(b')'),
        Some(_) => None,
        None => return cut(),
    };
    let digits = |at: usize, min, max| {
        take(w, eof, at, (min, max), |b| b.is_ascii_digit())
    };
    let start = p + usize::from(close.is_some());
    // The date, if one comes first: the time starts after it.
    let time = match stamp_date(w, start, eof) {
        Ok(d) => d.unwrap_or(start),
        Err(()) => return cut(),
    };
    let Ok(e) = digits(time, 1, 2) else {
        return cut();
    };
    let mut e = e?;
    // The minutes and maybe the seconds, each after a colon.
    for part in 0..2 {
        match w.get(e) {
            Some(b':') => {}
            Some(_) if part > 0 => break,
            Some(_) => return None,
            None => return cut(),
        }
        let Ok(next) = digits(e + 1, 2, 2) else {
            return cut();
        };
        e = next?;
    }
    if matches!(w.get(e), Some(b'.' | b',')) {
        let Ok(next) = digits(e + 1, 1, 3) else {
            return cut();
        };
        e = next?;
    }
    // A time zone: "Z", or an offset of hours and minutes.
    match w.get(e) {
        Some(b'Z') => e += 1,
        Some(b'+' | b'-') => {
            let Ok(h) = digits(e + 1, 2, 4) else { return cut() };
            match h {
                Some(h) if h - e == 5 => e = h,
                Some(h) if h - e == 3 && w.get(h) == Some(&b':') => {
                    let Ok(m) = digits(h + 1, 2, 2) else { return cut() };
                    e = m?;
                }
                _ => return None,
            }
        }
        Some(_) => {}
        None => return cut(),
    }
    // "AM" or "PM", glued or after a space.
    let ampm = e + usize::from(w.get(e) == Some(&b' '));
    match (w.get(ampm), w.get(ampm + 1), w.get(ampm + 2)) {
        (Some(a), Some(m), after)
            if matches!(a | 0x20, b'a' | b'p') && m | 0x20 == b'm' =>
        {
            match after {
                Some(b) if b.is_ascii_alphanumeric() => {}
                Some(_) => e = ampm + 2,
                None if eof => e = ampm + 2,
                None => return Some(Err(())),
            }
        }
        (Some(_), Some(_), _) => {}
        _ if !eof => return Some(Err(())),
        _ => {}
    }
    if let Some(c) = close {
        match w.get(e) {
            Some(&b) if b == c => e += 1,
            Some(_) => return None,
            None => return cut(),
        }
    }
    let Ok(after) = take(w, eof, e, (1, 3), |b| matches!(b, b' ' | b'\t'))
    else {
        return cut();
    };
    let after = after?;
    Some(Ok((after, close.is_some())))
}

/// Where the time starts after the date that starts a timestamp at `p`
/// ([`timed_label`]): "2026-11-05T", "2026/11/05 ", "05.11.2026 ",
/// "11/05/26 "; `Ok(None)` when no date stands there, `Err` when the
/// window ends before that can be told.
fn stamp_date(w: &[u8], p: usize, eof: bool) -> Result<Option<usize>, ()> {
    // The digits at `at`, and the byte after them.
    let digits = |at: usize| -> Result<(usize, u8), ()> {
        let mut e = at;
        while e < w.len() && e - at <= 4 && w[e].is_ascii_digit() {
            e += 1;
        }
        match w.get(e) {
            Some(&b) => Ok((e - at, b)),
            None if eof => Ok((e - at, 0)),
            None => Err(()),
        }
    };
    let (n1, sep) = digits(p)?;
    if !matches!(n1, 1 | 2 | 4) || !matches!(sep, b'-' | b'/' | b'.') {
        return Ok(None);
    }
    let (n2, sep2) = digits(p + n1 + 1)?;
    if !matches!(n2, 1 | 2) || sep2 != sep {
        return Ok(None);
    }
    let at = p + n1 + 1 + n2 + 1;
    let (n3, after) = digits(at)?;
    let year_first = n1 == 4 && matches!(n3, 1 | 2);
    let year_last = n1 <= 2 && matches!(n3, 2 | 4);
    let time = at + n3 + 1;
    let starts_time = match w.get(time) {
        Some(b) => b.is_ascii_digit(),
        None if eof => false,
        None => return Err(()),
    };
    Ok(((year_first && matches!(after, b'T' | b' ')
        || year_last && after == b' ')
        && starts_time)
        .then_some(time))
}

/// The speaker's name and the end of the label of a turn that starts the
/// line at `p` ([`timed_label`], [`speaker_label`]): "[10:01] Customer: "
/// names "Customer". `None` for a timestamp alone, or where the window
/// ends before that can be told.
fn turn_name(w: &[u8], p: usize, eof: bool) -> Option<(usize, usize, usize)> {
    let end = match timed_label(w, p, eof) {
        Some(Ok(end)) => end,
        _ => match speaker_label(w, p, eof) {
            Some(Ok(end)) => end,
            _ => return None,
        },
    };
    // (The name runs from its first letter to the colon.)
    let colon = p + w[p..end].iter().rposition(|&b| b == b':')?;
    let ns = p + w[p..colon].iter().position(u8::is_ascii_alphabetic)?;
    Some((ns, colon, end))
}

/// The end of the label of a turn that starts the line at `w[p]`
/// ([`timed_label`], [`speaker_label`]), read to the end of `w`: the
/// masker keeps such a label inside a card split over two turns.
pub(crate) fn turn_label_end(w: &[u8], p: usize) -> Option<usize> {
    match timed_label(w, p, true) {
        Some(Ok(end)) => Some(end),
        _ => match speaker_label(w, p, true) {
            Some(Ok(end)) => Some(end),
            _ => None,
        },
    }
}

/// A speaker's name as a turn's label prints it ([`turn_name`]): its
/// bytes (16 at most) and their number.
type Speaker = ([u8; 16], u8);

/// The head of a line that a chain of findings ends on, copied when the
/// chain is made ([`Scanner::chain_line_at`]), and the speaker's name in
/// it once read ([`Scanner::chain_speaker`]).
#[derive(Clone, Debug)]
struct LineHead {
    /// The absolute start of the line; `u64::MAX` when none was copied.
    line: u64,
    /// A line break, then the line's first bytes up to the finding (64 at
    /// most), as the label readers read a line.
    bytes: [u8; 65],
    /// How many of `bytes` hold the line break and the head.
    len: u8,
    /// Where the speaker's name stands in `bytes` once read; empty when
    /// the line names none (or a name longer than a [`Speaker`] holds).
    name: Option<(u8, u8)>,
}

impl LineHead {
    /// No line: no speaker.
    const NONE: LineHead = LineHead {
        line: u64::MAX,
        bytes: [0; 65],
        len: 0,
        name: Some((0, 0)),
    };
}

/// Whether the digits at `w[p]` may start a timestamp that labels a turn
/// ([`timed_label`]): one or two digits and a colon; or a date's first
/// digits and a dash, slash or dot (one, two or four of them), when a
/// colon and a space, tab or line break follow within the label's reach
/// ([`colon_ahead`]: "2026-11-05 10:02:03 customer: "; a log record's
/// date, "2026-11-05T10:02:03Z INFO ts=…", has none); or the text ends
/// before that is known.
#[inline]
fn timed(w: &[u8], p: usize) -> bool {
    let date = |b: u8| matches!(b, b'-' | b'/' | b'.');
    match w.get(p..p + 5) {
        Some(&[_, b, c, _, e]) => {
            b == b':'
                || c == b':'
                || (date(b) || date(c) || date(e)) && colon_ahead(w, p)
        }
        _ => true,
    }
}

/// The end of the date of a log record's timestamp at `t`, at the start
/// of a line, glued to the `T` of its time ("2026-11-05T10:02:03Z INFO";
/// [`log_stamp_at`]), when [`Scanner::quiet_simple_run`] would pass it
/// over: three groups joined by one dash or slash each that make a
/// calendar date, which is no finding whatever keyword stands near
/// ([`Scanner::quiet_shape`]), with no field name right before its last
/// group ([`part_field_before`]) and no mask character in the look-behind.
/// (No IBAN reaches a run that starts a line.) Read at once, without the
/// run reader: logs start each line with one.
#[inline]
fn record_date(cx: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    let w = cx.win;
    if !(t == 0 || w[t - 1] == b'\n')
        || !log_stamp_at(w, t)
        || w[t + 10] != b'T'
    {
        return None;
    }
    record_date_at(cx, t)
}

/// [`record_date`] past its first tests.
#[inline(never)]
fn record_date_at(cx: &Ctx<'_, '_>, t: usize) -> Option<usize> {
    let w = cx.win;
    let value = |a: usize, n: usize| digits_value(&w[a..a + n]);
    let parts = [(4, value(t, 4)), (2, value(t + 5, 2)), (2, value(t + 8, 2))];
    let mask = cx.inner.masker.mask_byte();
    (date_parts(|k| parts[k])
        && mask != Some(b'T')
        && part_field_before(w, cx.lo, t + 8).is_none()
        && !mask.is_some_and(|m| chars::has_byte(&w[cx.lo.min(t)..t], m)))
    .then_some(t + 10)
}

/// Whether a log record's timestamp starts at `w[p]`: a date, year first
/// and joined by dashes or slashes, then `T` or a space and hours and
/// minutes ("2026-11-05T10:02:03.120Z INFO …", "2026/11/05 10:02:03
/// ERROR …"). Read inside `w` only: where the window ends first, it is
/// none.
///
/// A line that starts with one starts a record of its own: no run goes on
/// into it from the line before ([`gap_at`]: "…phone=+1 555 123
/// 4567\n2026-11-05T10:02…"), but for the speaker's turn such a timestamp
/// may start, which the gap rule reads first.
// (The date's first separator inline, the rest out of line: asked at
// every line that starts with digits after a run.)
#[inline(always)]
fn log_stamp_at(w: &[u8], p: usize) -> bool {
    matches!(w.get(p + 4), Some(b'-' | b'/')) && log_stamp_rest(w, p)
}

/// [`log_stamp_at`] past its first test: the digits of the sixteen bytes
/// read eight at a time.
#[inline(never)]
fn log_stamp_rest(w: &[u8], p: usize) -> bool {
    let Some(x) = w.get(p..p + 16) else {
        return false;
    };
    let x: &[u8; 16] = x.try_into().expect("16 bytes");
    let word = |k: usize| {
        u64::from_le_bytes(x[k..k + 8].try_into().expect("8 bytes"))
    };
    // Whether the bytes that `m` keeps (0xFF each) are ASCII digits: a
    // high nibble of 3, and a low one that six more keeps below 16.
    let digits = |v: u64, m: u64| {
        const HI: u64 = 0xF0F0_F0F0_F0F0_F0F0;
        let (hi, lo) = (v & HI & m, v & !HI & m);
        hi == 0x3030_3030_3030_3030 & m
            && (lo + 0x0606_0606_0606_0606) & HI & m == 0
    };
    // "YYYY-MM-" and "DDThh:mm": digits but at 4, 7, 10 and 13.
    digits(word(0), 0x00FF_FF00_FFFF_FFFF)
        && digits(word(8), 0xFFFF_00FF_FF00_FFFF)
        && x[7] == x[4]
        && matches!(x[10], b'T' | b' ')
        && x[13] == b':'
}

/// Whether a colon and then a space, tab or line break stand in the 64
/// bytes from `p`, the most a timestamp and a speaker's label take
/// ([`timed_label`]), or the text ends before that is known.
#[inline]
fn colon_ahead(w: &[u8], p: usize) -> bool {
    p + 65 > w.len() || chars::colon_space(w, p)
}

/// Whether only spaces and tabs stand between a line break and `p`.
fn at_line_start(w: &[u8], p: usize) -> bool {
    let mut q = p;
    while q > 0 && matches!(w[q - 1], b' ' | b'\t') {
        q -= 1;
    }
    q > 0 && w[q - 1] == b'\n'
}

/// [`speaker_label`] at `p` wherever it stands on its line.
// (Inline, as it was with one caller: the gap rule reads it at many line
// starts.)
#[inline(always)]
fn side_label(w: &[u8], p: usize, eof: bool) -> Option<Result<usize, ()>> {
    const SIDES: &[&[u8]] = &[
        b"agent",
        b"customer",
        b"caller",
        b"client",
        b"rep",
        b"representative",
        b"operator",
        b"advisor",
        b"adviser",
        b"associate",
        b"csr",
        b"cust",
        b"speaker",
        b"spk",
        b"user",
        b"bot",
        b"assistant",
        b"ivr",
        b"a",
        b"b",
    ];
    let run = |from: usize, ok: fn(&u8) -> bool| {
        from + w[from..].iter().take(16).take_while(|b| ok(b)).count()
    };
    let word = run(p, u8::is_ascii_alphabetic);
    let mut e = word;
    let sep = matches!(w.get(e), Some(b'_' | b' '));
    let d = run(e + usize::from(sep), u8::is_ascii_digit);
    if (1..=3).contains(&(d - e - usize::from(sep))) {
        e = d;
    }
    let side = || SIDES.iter().any(|s| w[p..word].eq_ignore_ascii_case(s));
    match w.get(e..e + 2) {
        Some([b':', b' ' | b'\n' | b'\r' | b'\t']) => {
            side().then_some(Ok(e + 1))
        }
        Some(_) => None,
        None if eof => {
            (w.get(e) == Some(&b':') && side()).then_some(Ok(e + 1))
        }
        None => side().then_some(Err(())),
    }
}

/// Parses the run starting at `t` into `groups`.
fn parse_run(
    cx: &Ctx<'_, '_>,
    t: usize,
    first: bool,
    groups: &mut Vec<Group>,
) -> Run {
    // Digits right after masked digits and a separator ("***-45-6789")
    // continue a run redacted before; reading them as the start of a run
    // would let a second redaction see what the first did not.
    let after_mask = first
        && matches!(chars::classify(cx.win, t).0, Class::Digit(_))
        && after_masked(cx, t);
    let first = first && !after_mask;
    let w = cx.win;
    let spoken = cx.inner.spoken;
    // At most four digits joined to a word by a dash ("EAN-13", "PAY-4111").
    let dash_word = first
        && t >= cx.lo + 2
        && w[t - 1] == b'-'
        && w[t - 2].is_ascii_alphabetic()
        && w[t..].iter().take(5).take_while(|b| b.is_ascii_digit()).count()
            <= 4;
    let left = if first {
        match chars::class_before(w, cx.lo, t) {
            // After an escaped separator ("%20", "%2D", "&nbsp;",
            // "\u00a0").
            Class::Digit(_) | Class::Letter | Class::Other
                if chars::escaped_sep_before(w, cx.lo, t).is_some() =>
            {
                Class::Sep(Sep::Space)
            }
            // After another escaped character ("card%3D4111…",
            // "payment\n4111…"; [`chars::escape_before`]): a boundary, as
            // the character itself would be.
            Class::Digit(_) | Class::Letter
                if chars::escape_before(w, cx.lo, t) =>
            {
                Class::Other
            }
            // A number glued to a keyword stands on its own ("exp06/27",
            // "CVV123", "cc4111…"); glued to a not-a-card word it is part
            // of that ("order12345678").
            Class::Letter => match cx.inner.keywords.ending_at(w, cx.lo, t) {
                Some(c) if c != Cat::Other => Class::Other,
                // Nor is a number glued to a number word, read (and
                // masked) as one ("… two thousand seven4111…").
                _ if number_word_before(cx, t) => Class::Other,
                _ => Class::Letter,
            },
            // A path segment of a URL or file path is an identifier
            // ("/tickets/4111111111111111", "/articles/4402126792468-…").
            Class::Sep(Sep::Slash) if in_path(w, cx.lo, t) => Class::Letter,
            // A short number joined to a word by a dash is part of it
            // ("EAN-13", "PAY-4111"), unless the word is a keyword
            // ("CVV-123"); a card number is never that short
            // ("first-4111111111111111" is a card), nor is a number that
            // goes on after a dash or a space ("bo-4311-1111-1111 1101"
            // and "is-3714 496353 98431" are cards, "PAY-4111" a token).
            Class::Sep(Sep::Dash) if dash_word && !goes_on(w, t) => {
                match cx.inner.keywords.ending_at(w, cx.lo, t - 1) {
                    Some(c) if c != Cat::Other => Class::Sep(Sep::Dash),
                    _ => Class::Letter,
                }
            }
            c => c,
        }
    } else {
        Class::Other
    };
    // A mask character reads as a digit here, so that redacted text reads
    // the same when redacted again.
    let mask = cx.inner.masker.mask_byte();
    let left_decimal = first
        && t >= 2
        && t > cx.lo
        && w[t - 1] == b'.'
        && (matches!(chars::class_before(w, cx.lo, t - 1), Class::Digit(_))
            || Some(w[t - 2]) == mask);
    let mut run = Run {
        first,
        left,
        left_decimal,
        dash_word,
        right: Class::Other,
        right_decimal: false,
        cut: false,
        long_at: None,
        after_mask,
        turns: false,
        parts: false,
    };
    let mut p = t;
    let mut gap = Gap::default();
    let mut kept_left: usize = if after_mask { 4 } else { 0 };
    let mut run_digits = 0;
    loop {
        let prev_digit = !groups.is_empty() || !first;
        let tok = if matches!(chars::classify(w, p).0, Class::Digit(_)) {
            // ASCII digits up to an ASCII byte, the common case, read at
            // once; a byte outside ASCII may continue the numeral (a wide
            // digit, a zero-width joiner), which `numeral` reads.
            // (A group of more than 20 is read by `numeral` too.)
            let k = chars::digits_from(w, p, 21);
            let (e, nd) = if k < 21 && p + k < w.len() && w[p + k] < 0x80 {
                (p + k, k)
            } else {
                numeral(w, p)
            };
            if nd > 19 {
                run.long_at = Some(p);
                break;
            }
            // A lone dot joins groups only when they look like a dotted
            // card number (4111.1111…, 3782.822463.10005); otherwise it
            // is a decimal point and ends the run.
            if gap.chars == 1 && gap.seps == 4 && gap.words == 0 {
                let prev = groups.last().map_or(0, |g: &Group| g.nd);
                // ...or a dotted SSN (078.05.1123).
                let prev_dot = groups.len() >= 2
                    && groups[groups.len() - 1].gap.seps == 4
                    && groups[groups.len() - 2].nd == 3;
                // "123.45" is a price unless ".6789" follows; a window cut
                // right there keeps the run open.
                let dot4 = || {
                    let tail = &w[e.min(w.len())..];
                    tail.len() < 6 && !cx.eof_end || dot_four(tail)
                };
                let fours = || {
                    groups.last().map_or(0, |g: &Group| {
                        dotted_fours(w, cx.lo, g.s, g.e)
                    })
                };
                if !dot_joins(prev, nd, prev_dot, fours, dot4) {
                    run.right_decimal = true;
                    break;
                }
            }
            // The digits are read into the group once it is pushed.
            Some((e, nd, None, false, false))
        } else if mask.is_some() && Some(w[p]) == mask && !groups.is_empty() {
            let mut e = p;
            while e < w.len() && Some(w[e]) == mask {
                e += 1;
            }
            let nd = e - p;
            (nd <= 19).then_some((e, nd, None, false, false))
        } else if let Some(sp) = spoken {
            let prev_spoken = groups.last().is_some_and(|g| g.spoken);
            spoken_token(
                sp,
                w,
                p,
                prev_digit,
                prev_spoken,
                groups.is_empty() && first,
                cx.eof_end,
            )
            .map(|(e, ds, month)| (e, ds.n, Some(ds), true, month))
        } else {
            None
        };
        let Some((e, nd, d, is_spoken, month)) = tok else { break };
        // A number that counts digits (one or two of them: no card
        // group) is part of the keyword after the run, not of the run
        // ("card 4111 1111 1111 1111 three digit code 123",
        // "4111111111111111, 3-digit code 123"): the run ends before it,
        // and the keyword vouches for the number after it. (A window
        // cut before the word ends the run there, read again in the next
        // step.)
        if prev_digit
            && nd <= 2
            && Some(w[p]) != mask
            && counts_digits(&w[e..])
            && !completes_card(groups, w, p, e, d.as_ref())
        {
            break;
        }
        // Mask characters, and the up to four digits a mask kept right
        // after them (the last four of a card), take part in no finding.
        let masked = Some(w[p]) == mask;
        let mut kept = false;
        let mut glued = false;
        if masked {
            kept_left = 4;
        } else if kept_left >= nd && (kept_left < 4 || kept_after_mask(cx, p))
        {
            kept = true;
            kept_left -= nd;
            // Kept digits glued to the mask are the tail of a group the
            // mask cut: no card window starts there.
            // (A redaction masks at least eight digits of a card before
            // the four it keeps; "*4111 1111 1111 1111" is a card.)
            let run_len =
                w[..p].iter().rev().take_while(|&&b| Some(b) == mask).count();
            glued = run_len >= 8;
        } else {
            kept_left = 0;
        }
        run_digits += nd;
        run.turns |= gap.turn;
        groups.push(Group {
            s: p,
            e,
            nd,
            d: [0; 19],
            spoken: is_spoken,
            month,
            masked,
            kept,
            glued,
            gap,
        });
        // The digits go straight into the group (none for a mask).
        let g = groups.last_mut().expect("just pushed");
        match d {
            Some(ds) => g.d[..ds.n].copy_from_slice(ds.digits()),
            // ASCII digits only, the common case: as many bytes as digits.
            None if !masked && e - p == nd => {
                ascii_digits_into(&mut g.d, &w[p..e]);
            }
            None if !masked => {
                numeral_into(w, p, Some(&mut g.d));
            }
            None => {}
        }
        if e >= w.len() && !cx.eof_end {
            run.cut = true;
            break;
        }
        if groups.len() >= MAX_GROUPS {
            run.cut = true;
            break;
        }
        let turns = if run.turns {
            Turns::Crossed
        } else if run_digits >= 3 {
            Turns::Read
        } else {
            Turns::No
        };
        match gap_at(cx, e, spoken, masked, turns) {
            Ok((next, g)) => {
                gap = g;
                p = next;
            }
            Err(cut) => {
                run.cut = cut;
                break;
            }
        }
    }
    if let Some(last) = groups.last() {
        let e = last.e;
        if !run.cut && e < w.len() {
            run.right = chars::classify(w, e).0;
            // Digits enough for a card glued to a keyword on their right
            // are not glued to a word: the space is missing
            // ("4111…exp 12/27", "card:4111…cvv:123"), as on the left
            // ("cc4111…").
            if run.right == Class::Letter
                && glued_keyword_after(
                    cx,
                    e,
                    groups.iter().map(|g| g.nd).sum(),
                )
            {
                run.right = Class::Other;
            }
            if w[e] == b'.'
                && e + 1 < w.len()
                && (w[e + 1].is_ascii_digit() || Some(w[e + 1]) == mask)
            {
                run.right_decimal = true;
            }
        }
    }
    run
}

/// Whether a keyword that finds numbers starts at the letter at `e`,
/// glued to the `nd` digits of a run before it: read only for digits
/// enough for a card.
fn glued_keyword_after(cx: &Ctx<'_, '_>, e: usize, nd: usize) -> bool {
    nd >= 12
        && cx
            .inner
            .keywords
            .starting_at(cx.win, cx.lo, e)
            .is_some_and(|c| c != Cat::Other)
}

/// Whether the number at `t` is an identifier in a URL or a path: it
/// follows a `/` after a path character, the token before it (back to a
/// space, quote or bracket) starts with `/` or `www.` or holds `://`, and
/// the path segment before it names no payment.
fn in_path(w: &[u8], lo: usize, t: usize) -> bool {
    if t < lo + 2
        || w[t - 1] != b'/'
        || !(w[t - 2].is_ascii_alphanumeric()
            || matches!(w[t - 2], b'-' | b'_' | b'.' | b'~' | b'%'))
    {
        return false;
    }
    let mut q = t - 1;
    while q > lo
        && w[q - 1] > b' '
        && !matches!(w[q - 1], b'"' | b'\'' | b'(' | b'<' | b'[' | b'`')
    {
        q -= 1;
    }
    let token = &w[q..t];
    let url = token.starts_with(b"/")
        || token.len() >= 4 && token[..4].eq_ignore_ascii_case(b"www.")
        || token.windows(3).any(|x| x == b"://");
    // Under a payment path ("/pay/4111…", "/cards/4111…") the number is
    // the card itself, leaked into the URL.
    let seg = &token[..token.len() - 1];
    let seg =
        &seg[seg.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1)..];
    let payment = [&b"card"[..], b"pay", b"pan", b"credit", b"visa", b"cc"]
        .iter()
        .any(|k| seg.windows(k.len()).any(|x| x.eq_ignore_ascii_case(k)));
    url && !payment
}

/// The start of the chain of masked digits, kept digits and separators
/// that ends at `s`.
fn masked_chain_start(cx: &Ctx<'_, '_>, s: usize) -> usize {
    let mask = cx.inner.masker.mask_byte();
    let w = cx.win;
    let mut p = s;
    while p > cx.lo {
        let b = w[p - 1];
        if let Some(n) = chars::escaped_sep_before(w, cx.lo, p) {
            p -= n;
        } else if Some(b) == mask
            || b.is_ascii_digit()
            || matches!(b, b' ' | b'-' | b'/' | b'.' | b'+')
        {
            p -= 1;
        } else {
            break;
        }
    }
    while p < s && !(Some(w[p]) == mask || w[p].is_ascii_digit()) {
        p += 1;
    }
    p
}

/// Separators and invisible characters read through in a row in a chain
/// of mask characters: as many as join two groups of a spoken run.
const MASK_CHAIN_SEPS: usize = 6;

/// Whether the mask characters before the digits at `p` may be a
/// redaction's, so that those digits may be the last four it kept: the
/// chain of mask characters, separators and filler words that ends at `p`
/// holds at least eight mask characters (a card has twelve digits or
/// more, all but four masked), or reaches past the look-behind. A few mask
/// characters after other text ("bold (***4111-1111-1111 1111",
/// `6790**-4111…`, "cvv *** 4111…") are no card's, and the digits after
/// them are read as any other.
fn kept_after_mask(cx: &Ctx<'_, '_>, p: usize) -> bool {
    let Some(mask) = cx.inner.masker.mask_byte() else { return true };
    let w = cx.win;
    let mut i = p;
    let mut masks = 0;
    let mut words = 0;
    // Separators in a row (since the last mask character or filler word),
    // no more than a run joins: a longer stretch ends the chain (it would
    // otherwise run the look-behind out on a line of commas).
    let mut seps = 0;
    while i > cx.lo {
        if w[i - 1] == mask {
            masks += 1;
            if masks >= 8 {
                return true;
            }
            seps = 0;
            i -= 1;
            continue;
        }
        seps += 1;
        if seps > MASK_CHAIN_SEPS {
            return false;
        }
        if let Some(n) = chars::escaped_sep_before(w, cx.lo, i) {
            i -= n;
            continue;
        }
        // (A plus sign joins groups in a form-encoded value: [`gap_at`].)
        if w[i - 1] == b'+' {
            i -= 1;
            continue;
        }
        // The character ending at `i`: a separator of any script, or a
        // filler word ("**** uh **** uh **1111").
        match chars::char_before(w, cx.lo, i) {
            Some((Class::Sep(_) | Class::Invisible, s)) => i = s,
            _ => match filler_before(cx, i).filter(|_| words < 4) {
                Some(q) => {
                    words += 1;
                    seps = 0;
                    i = q;
                }
                None => return false,
            },
        }
    }
    // Where the look-behind ends, only the start of the text is known.
    cx.base + cx.lo as u64 != 0
}

/// Whether masked digits, and maybe separators and filler words, stand
/// right before `t`.
fn after_masked(cx: &Ctx<'_, '_>, t: usize) -> bool {
    let Some(mask) = cx.inner.masker.mask_byte() else { return false };
    let w = cx.win;
    // (The walk back stays inside the look-behind: without a mask
    // character there, nothing was masked.)
    if !chars::has_byte(&w[cx.lo.min(t)..t], mask) {
        return false;
    }
    let mut p = t;
    let mut seps = 0;
    let mut words = 0;
    loop {
        while p > cx.lo && seps < 6 {
            if matches!(
                w[p - 1],
                b' ' | b'-'
                    | b'/'
                    | b'.'
                    | b','
                    | b'\n'
                    | b'\r'
                    | b'\t'
                    | b'+'
            ) {
                p -= 1;
            } else if let Some(n) = chars::escaped_sep_before(w, cx.lo, p) {
                p -= n;
            } else {
                break;
            }
            seps += 1;
        }
        // Filler words may stand between digits ("**** uh 4111"); the
        // separators are counted from the last of them, as the gap rule
        // counts them ([`gap_at`]).
        match filler_before(cx, p).filter(|_| words < 4) {
            Some(q) => {
                p = q;
                words += 1;
                seps = 0;
            }
            None => break,
        }
    }
    p > cx.lo && w[p - 1] == mask
}

/// The start of the run of ASCII letters that ends at `i` (`i` itself
/// when none does), no earlier than the look-behind.
fn word_start(cx: &Ctx<'_, '_>, i: usize) -> usize {
    let mut q = i;
    while q > cx.lo && cx.win[q - 1].is_ascii_alphabetic() {
        q -= 1;
    }
    q
}

/// Whether a number word (no filler) ends at `t`, in spoken mode.
fn number_word_before(cx: &Ctx<'_, '_>, t: usize) -> bool {
    let Some(sp) = cx.inner.spoken else { return false };
    let q = word_start(cx, t);
    q < t && sp.lookup(&cx.win[q..t]).is_some_and(|x| !x.is_filler())
}

/// The start of the filler word ("uh", "and", "sorry") that ends at `i`,
/// in spoken mode, standing between separators as a run reads it ("****
/// uh ****"; in "***i***" the letter is no filler).
fn filler_before(cx: &Ctx<'_, '_>, i: usize) -> Option<usize> {
    let w = cx.win;
    let q = word_start(cx, i);
    let sp = cx.inner.spoken?;
    let sep_before = chars::escaped_sep_before(w, cx.lo, q).is_some()
        || matches!(chars::char_before(w, cx.lo, q), Some((Class::Sep(_), _)));
    let sep_after = i < w.len()
        && (matches!(chars::classify(w, i).0, Class::Sep(_))
            || matches!(chars::escaped_sep(w, i), Some(Ok(_))));
    (q < i
        && sep_before
        && sep_after
        && sp.lookup(&w[q..i]).is_some_and(Word::is_filler))
    .then_some(q)
}

/// The digits of a message that is nothing but one run of digit groups
/// (a fragment of a card typed over several messages): its span and digits.
pub(crate) fn sole_run(
    inner: &Inner,
    text: &[u8],
) -> Option<(usize, usize, Vec<u8>)> {
    let s = text.iter().position(|b| !b.is_ascii_whitespace())?;
    let mut e = text.len();
    while e > s
        && (text[e - 1].is_ascii_whitespace()
            || matches!(text[e - 1], b'.' | b',' | b'!'))
    {
        e -= 1;
    }
    if e <= s {
        return None;
    }
    let cx = Ctx { inner, win: &text[..e], lo: 0, base: 0, eof_end: true };
    let (c, _) = chars::classify(cx.win, s);
    if !matches!(c, Class::Digit(_) | Class::Letter) {
        return None;
    }
    let mut groups = Vec::new();
    let run = parse_run(&cx, s, true, &mut groups);
    let last = groups.last()?;
    if run.long_at.is_some() || run.cut || last.e != e {
        return None;
    }
    Some((s, e, collect(&groups).to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Redactor;

    fn kinds(r: &Redactor, s: &str) -> Vec<(Kind, String)> {
        r.find(s)
            .into_iter()
            .map(|f| (f.kind(), s[f.span().range()].to_string()))
            .collect()
    }

    /// The turns [`read_backs`] takes for repeats: another speaker's,
    /// right after, with the same digits, a part of a number only; not a
    /// part one speaker gives twice, nor one that repeats a repeat.
    #[test]
    fn read_backs_are_the_other_sides_repeats() {
        let r = Redactor::new();
        let echo = |text: &str| {
            let w = text.as_bytes();
            let cx =
                Ctx { inner: &r.inner, win: w, lo: 0, base: 0, eof_end: true };
            // (The first digit after a space: not a timestamp's.)
            let t = (1..w.len())
                .find(|&i| w[i].is_ascii_digit() && w[i - 1] == b' ')
                .unwrap();
            let mut groups = Vec::new();
            let run = parse_run(&cx, t, true, &mut groups);
            assert!(!run.cut, "{text:?}");
            read_backs(&cx, &groups)
        };
        assert_eq!(
            echo(
                "customer: 4111 1111\nagent: 4111 1111\ncustomer: 1111 \
                 1111\nagent: 1111 1111"
            ),
            Some(0b1100_1100)
        );
        assert_eq!(
            echo("[00:01] Caller: 5105\n[00:02] Agent: 5105?\ncaller: 1051"),
            Some(0b010)
        );
        // A repeat of a repeat; a part typed in other groups.
        assert_eq!(
            echo("customer: 5105\nagent: 5105\ncustomer: 5105"),
            Some(0b010)
        );
        assert_eq!(
            echo("customer: 51 05\nagent: 5105\ncustomer: 1051"),
            Some(0b100)
        );
        assert_eq!(
            echo(
                "customer: 5105\nagent: 5105\ncustomer: 1051 0510 5100\n\
                 agent: 1051 0510 5100"
            ),
            Some(0b1110_0010),
            "twelve digits of a card"
        );
        assert_eq!(echo("Customer: 5555\nCustomer: 5555\nagent: 4444"), None);
        assert_eq!(echo("customer: 5555\nagent: mhm\ncustomer: 5555"), None);
        assert_eq!(echo("customer: 5555\nagent: 5554"), None);
        assert_eq!(
            echo("customer: 4111 1111 1111 1111\nagent: 4111 1111 1111 1111"),
            None,
            "a whole card is read as one"
        );
        assert_eq!(echo("my card 5555\nagent: 5555"), None, "no speaker");
    }

    /// A group ends alone at the ASCII bytes that [`chars::classify`]
    /// makes a letter or other (no digit, no separator), but for `+`, a
    /// space in a form-encoded value; never at a byte outside ASCII.
    #[test]
    fn ends_short_is_the_bytes_no_run_goes_on_across() {
        for b in 0..=u8::MAX {
            let class = chars::classify(&[b], 0).0;
            let want = b < 0x80
                && matches!(class, Class::Letter | Class::Other)
                && b != b'+';
            assert_eq!(ends_short(b), want, "byte {b:#04x}");
        }
    }

    /// The digits of an IBAN printed in groups of four, with no "IBAN"
    /// word before it, are no card, however their groups read
    /// ([`iban_before`]): here a German IBAN whose account digits begin
    /// with a test card number. With check digits that fail the mod-97
    /// test it is no IBAN, and the card is found. The IBAN stands after
    /// bytes that an IBAN holds and bytes that it does not (a space, a
    /// colon, a comma, a line break), and the full reading decides as the
    /// quick paths do.
    #[test]
    fn digits_inside_an_iban_are_no_card() {
        let r = Redactor::new();
        for lead in ["Transfer to ", "to:", "a,", "\n", "X "] {
            for (check, card) in [("95", false), ("94", true)] {
                let text =
                    format!("{lead}DE{check} 4111 1111 1111 1111 00 today");
                let cards = kinds(&r, &text)
                    .into_iter()
                    .filter(|(k, _)| *k == Kind::Card)
                    .count();
                assert_eq!(cards, usize::from(card), "{lead:?} DE{check}");
                assert_eq!(
                    outcome(&r, &text, true),
                    outcome(&r, &text, false),
                    "{lead:?} DE{check}"
                );
            }
        }
    }

    /// A clock time is passed over whole only from its opening bracket to
    /// its closing one ([`bracket_clock_end`]): the quick paths decide as
    /// the full reading does; a card that starts with a time's last digits
    /// ("[12:36 1111…", no closing bracket) or right after a time is still
    /// found; and a field name before the hours still names them ("exp
    /// month:12:27]": no bracket).
    #[test]
    fn clock_times_in_brackets_pass_whole_only() {
        let r = Redactor::new();
        // (A Diners Club number, 36…, Luhn-valid in fourteen digits.)
        for (text, cards) in [
            ("[12:36 1111 1111 1111 ok", 1),
            ("(12:36 1111 1111 1111 ok", 1),
            ("[12:05:36 1111 1111 1111 ok", 1),
            ("[12:36] 1111 1111 1111 ok", 0),
            ("[09:41]4111 1111 1111 1111 ok", 1),
            ("[09:41] agent: my card is 4111 1111 1111 1111", 1),
            ("(9:41:07) card 4111 1111 1111 1111\n[9:42] ok", 1),
            ("[12:36]", 0),
            ("[12:36", 0),
            ("exp:12:30] ok", 0),
            (";12:30]? ok", 0),
            ("exp month:12:27] x", 0),
            ("exp_month=12:27) x", 0),
            ("pin 12:34] ok", 0),
            ("cvv 12:34] ok", 0),
            ("exp 12:27) ok", 0),
            ("expiry:\n12:27) ok", 0),
            ("[123:45] ok [12:345] ok [1:2] ok [09:41:0] ok", 0),
        ] {
            let found = kinds(&r, text)
                .into_iter()
                .filter(|(k, _)| *k == Kind::Card)
                .count();
            assert_eq!(found, cards, "{text:?}");
            assert_eq!(
                outcome(&r, text, true),
                outcome(&r, text, false),
                "{text:?}"
            );
        }
    }

    use proptest::prelude::*;

    /// Findings and redacted text of `text`, with the fast paths on or
    /// off.
    fn outcome(r: &Redactor, text: &str, fast: bool) -> (String, String) {
        FAST_PATHS.with(|f| f.set(fast));
        let found = format!("{:?}", r.find(text));
        let out = r.redact(text).into_owned();
        FAST_PATHS.with(|f| f.set(true));
        (found, out)
    }

    proptest! {
        /// The fast paths for numbers that can be no finding reach the
        /// outcome of the full decision, with spoken forms on and off.
        #[test]
        fn fast_paths_decide_as_the_full_reading(
            text in proptest::collection::vec(
                proptest::sample::select(vec![
                    "1", "12", "123", "12345", "1234567", "12345678",
                    "123456789", "1234567890", "12345678901", "4111",
                    "4111111111111111", "4111111111111112", "1700000000000",
                    "123456789012", "378282246310005", "4000000000000000006",
                    " ", "  ", "-", ".", ",", ":", "=", "&", "%20", "%",
                    "*", "****", "\n", "\u{200b}", "é", "x", "ms", " am ",
                    " in ", " uh ", " one ", " twenty ", " for ", " slash ",
                    "pin ", "PIN:", "passcode=", "ssn ", "social ", "s_s_n=",
                    "soc sec ", "order ", "cvv ", "exp ", "exp_month=",
                    "card ", "4111 1111 1111 1111", "%B", ";", "?",
                    "10.153.127.208", ".5", " took ", "$", "123.45.6789",
                    ", ", " - ", "; ", "and ", " the ", ",\n", "imei ",
                    "2026-11-05", "T", "555 123 4567", "+1 ", "078-05-1120",
                    "12/27", " 06 27", "0207 946 0434", "978-6-72-363432-4",
                    "7000 0000 0000 0005", "9000000000000001", "0012 ",
                    "3456 78903", "visa ", "cc ", "security code ",
                    "expires ", "code ", "ssn: ", "Cvv", "for ", "to ",
                    "\nagent: ", " right", " go ahead", "4,111,111",
                    "/", "|", "\t", "\r", ")", "#", "Z", " okay ", " two ",
                    "555-123-4567", "2026/11/05 12", "GB82 WEST ", "+",
                    "(800) ", "(", "&nbsp;", "&#160;", "&#8217;", "&",
                    "\\u00a0", "\\u2009", "\\u20", "&#x2013;", "&nb",
                    "%3D", "%22", "cvv%3D", "4111+1111+", "\\n", "\\t",
                    " last four ", " the next two are ", " last ", " fine",
                    "\n[00:01:07] Customer: ", "\n00:01:07 agent: ",
                    "\n10:30 ", "\n[00:01] ", "(1:07.5) ", "12.27",
                    "8.2029", "valid thru ", "\ncustomer: ", "£", "€",
                    "\n[10:01] customer: ", "\nagent: and the code?\n",
                    "424224242424", "\nspeaker: ",
                    "\n2026-11-05 10:01:09 customer: ", "\n2026-11-05T10:01Z ",
                    "\n[2026/11/05 10:01:09.250] agent: ", "\n05.11.2026 10:01 ",
                    "\n11/05/26 10:01 PM x: ", " cvv?",
                    "[", "]", "[9:41]", "(12:30:07)", "[09:41] ", ":07",
                    "one", " four ", "Oh ", " seven", "ones ", " question",
                    " of ", " may ", " june ", " double ", " hundred ",
                    " dash ", " sorry ", "I ", " more ", "one-", " nine.",
                    " eight,", " zero ", " mean ", " o ", " March ",
                    " may need ", "exp date ", " 27", " twenty seven",
                    "valid until ", " jan ", " of 2027", "December ",
                    " June of twenty", " of ", ". ", "? ", "! ", ", ",
                    " thanks", "one. ", "may, ", " 9.99", "good thru ",
                    "MM/YY ", "update ", "EXP", "Nov  5 ", "\nDec 15 ",
                    "\nNov  5 12:34:56 host sshd[1234]: ", " Mar 3 2026",
                    "May-05-", "Jan/", " sept. ", "exp_month=June ",
                    "expiry month ", " march 4111 ", "Oct 31, 2026 ",
                    "[10/Oct/2000:13:55:36 -0700] ", "\" 200 2326 \"",
                    " -0700", "12 / 27", "1 2 3", "12-34 ", "12 34 56",
                    " is ", " and it ", " so ", " no ", " again ", " yes",
                    " then ", " is late", " and the ", "uh",
                    "\n2026-11-05T10:01:07.250Z INFO ", "\n2026-13-05T10:01Z ",
                    "\n1111-11-28T10:01:07Z ", "\n2026/11/05 10:01:07 x ",
                    "T10:01Z", "\n2027-12-45T10:01Z ", "exp=",
                    " sorry ", ", no, ", " I mean ", " wait", "oops ",
                    "D2512", "d2512201000", "D1313", "F", "tag57=",
                    " mhm?", "?\n", "\nagent: go ahead?\ncustomer: ",
                    "4111 1111", "1111?", "\nagent: 4111 1111",
                    "\ncustomer: 1111 1111", "?\ncustomer: ", "?\r\n",
                    ", correct?", " got it", ", is that right", "!",
                    "73 7", "7 37", " two zero two eight",
                ]),
                0..40,
            ).prop_map(|v| v.concat())
        ) {
            for spoken in [false, true] {
                let r = Redactor::builder().spoken(spoken).build().unwrap();
                prop_assert_eq!(
                    outcome(&r, &text, true),
                    outcome(&r, &text, false),
                    "spoken {}", spoken
                );
            }
        }
    }

    proptest! {
        /// A log record's timestamp is told from its sixteen bytes as a
        /// byte-by-byte reading of the shape tells it: a four-digit year,
        /// a dash or slash, two digits, the same separator, two digits, `T`
        /// or a space, two digits, a colon and two digits.
        #[test]
        fn log_stamps_read_as_their_shape(
            bytes in proptest::collection::vec(
                proptest::sample::select(b"0129-/T :/x\n\xb0".to_vec()),
                14..20,
            ),
            stamp in proptest::sample::select(vec![
                None,
                Some(&b"2026-11-05T10:02"[..]),
                Some(&b"1999/12/31 23:59"[..]),
            ]),
            changed in proptest::option::of((0usize..16, proptest::num::u8::ANY)),
        ) {
            let mut w = bytes;
            if let Some(x) = stamp.filter(|_| w.len() >= 16) {
                w[..16].copy_from_slice(x);
            }
            if let Some((i, b)) = changed.filter(|&(i, _)| i < w.len()) {
                w[i] = b;
            }
            let d = |i: usize| w[i].is_ascii_digit();
            let want = w.len() >= 16
                && (0..4).all(d)
                && matches!(w[4], b'-' | b'/')
                && d(5)
                && d(6)
                && w[7] == w[4]
                && d(8)
                && d(9)
                && matches!(w[10], b'T' | b' ')
                && d(11)
                && d(12)
                && w[13] == b':'
                && d(14)
                && d(15);
            prop_assert_eq!(log_stamp_at(&w, 0), want, "{:?}", w);
        }
    }

    /// The look-behind's bound, with turns read: the one or two digits of
    /// each line's timestamp or speaker's number are passed over, line by
    /// line (each line's label is read once, for all its numbers), and a
    /// number of the same shape in the text of a line bounds it.
    #[test]
    fn turn_digits_are_passed_line_by_line() {
        let after = |text: &str, needle: &str| {
            text.find(needle).map(|p| p + needle.len()).unwrap()
        };
        let bound = |text: &str, turns: bool| {
            after_last_number(text.as_bytes(), 0, text.len(), None, turns)
        };
        let cases = [
            "Agent: what is the security code?\n[10:01:07] customer: ",
            "agent: cvv?\n[10:01] customer: ok\n[10:02] customer: ",
            "agent: cvv?\nspeaker 2: ok\n05.11.2026 10:01:09 customer: ",
        ];
        for text in cases {
            assert_eq!(bound(text, true), 0, "{text:?}");
        }
        let text =
            "agent: cvv?\ncustomer: my room is 5 ok\n[10:02] customer: ";
        assert_eq!(bound(text, true), after(text, "is 5"));
        let text = "agent: cvv?\n[10:01] customer: room 5 ok\n[10:02] agent: ";
        assert_eq!(bound(text, true), after(text, "room 5"));
        let text = "agent: cvv?\n[10:01] customer: ok\n[10:02] customer: ";
        assert_eq!(bound(text, false), after(text, "[10:02"));
    }

    /// A number that reads as a month, a dot and a year is passed over as
    /// a price only where no expiry keyword stands near: the quick reading
    /// agrees with the full one with the keyword at every distance before
    /// and after it, up to past the look-ups' reach, and with the text cut
    /// anywhere after it.
    #[test]
    fn dotted_numbers_read_their_keyword_at_any_distance() {
        let r = Redactor::new();
        let check = |text: &str| {
            assert_eq!(
                outcome(&r, text, true),
                outcome(&r, text, false),
                "{text}"
            );
        };
        for word in ["exp", "Valid thru", "good until", "mm/yy", "update"] {
            for k in 0..80 {
                let pad = "ab ".repeat(k / 3) + &"x".repeat(k % 3);
                let before = format!("{word} {pad} 12.27 ok");
                let after = format!("it was 9.99 {pad} {word} then");
                for text in [before, after] {
                    check(&text);
                    for cut in text.len() - 12..text.len() {
                        check(&text[..cut]);
                    }
                }
            }
        }
    }

    /// The runs left to the full reading at once by their print: an SSN
    /// (3, 2 and 4 digits, one dash, space or dot repeated) or the start
    /// of a card printed in fours (one space or dash repeated), and no
    /// near miss.
    #[test]
    fn printed_as_finding_reads_ssns_and_cards_in_fours() {
        let yes = [
            "078-05-1120",
            "078 05 1120",
            "078.05.1120 ok",
            "078-05-1120\n",
            "4111 1111 1111 1111",
            "4111-1111-1111-1",
            "4111 1111 1111 1111 123",
        ];
        let no = [
            "078-05 1120",
            "078-05-11201",
            "078-05-112",
            "078-051-120",
            "078/05/1120",
            "4111 1111 1111",
            "4111 1111 1111 ",
            "4111 1111-1111 1111",
            "4111 1111 1111-1111",
            "4111 1111 111 1111",
            "07-805-1120",
            "1 2-45-6789",
            "4111.1111.1111.1111",
            "41111 1111 1111 1111",
            "2026-11-05 10:02",
            "555 123 4567",
            "12345",
        ];
        for (texts, want) in [(&yes[..], true), (&no[..], false)] {
            for t in texts {
                // At the start of the text and after other text.
                assert_eq!(printed_as_finding(t.as_bytes(), 0), want, "{t:?}");
                let after = format!("ssn: {t}");
                assert_eq!(
                    printed_as_finding(after.as_bytes(), 5),
                    want,
                    "{t:?}"
                );
            }
        }
    }

    /// Edges of the fast paths that random text rarely reaches: digits
    /// joined across a zero-width space, and groups a gap ends.
    #[test]
    fn fast_paths_on_known_edges() {
        let texts = [
            // Numbers that pass the Luhn check but that no brand issues:
            // cards only next to a card keyword.
            "ts=9000000000000001 req=1 and 9000000000000001 is my card",
            "visa\n9000000000000001 ok; card 12, 9000000000000001 x",
            "9000000000000001 visa 9000000000000001\n7 card",
            // Keywords read across the timestamp or the speaker's number
            // that starts the next line.
            "pin?\n[00:01:07.250] a: 1234 5678 and cvv\n[10:03] b: 1234567",
            "ssn\nspeaker 2: 123456789 or\n[1:02] x: 12 123-45-6789",
            // Turns that a timestamp starts.
            "4242 4242\n[00:01:05] Agent: ok\n[00:01:07] Customer: 4242 4242",
            "4242 4242\n00:01:07 caller: 4242 4242 and 555 123\n10:30 ok",
            "12345678\n(1:07) 4242 4242\n[0:01] 4111",
            // Turns that a date and a time start, and log records that
            // one starts.
            "4242 4242\n2026-11-05 10:01:07 customer: 4242 4242",
            "cvv?\n2026-11-05 10:01:09 customer: 123 and\n05.11.2026 10:01 x: 12",
            "pin?\n[2026/11/05 10:01:07.250] a: 1234 5678\n11/05/26 10:03 PM b: 1234",
            "555 123 4567\n2026-11-05T10:01:07.250+01:00 INFO 4242 4242\n2026-1",
            "4111 1111 1111\n2026-11-05T10:01:09Z customer: 1111 and 12/27",
            // The expiry date and the CVV in the card's speaker's next
            // messages.
            "customer: 4111111111111111\ncustomer: 1227\ncustomer: 123",
            "a: 4111111111111111\n[1:02] a: 12/27 ok\nb: 12/27\na: 123",
            "customer: 4111111111111111\n[1:02] agent: 12/27\n123 12345678",
            "a: 4111111111111111\nb: and the code?\na: 1234 and 12345678",
            "a: 4111111111111111 12/27\n[1:02] b: code\n[1:02] a: 1234\n",
            // A card on a line of its own in a longer run, grouped as no
            // card is.
            "422\nspeaker: 424224242424 4",
            "422\n424224242424 4\n12 4242242424244 5",
            "customer: 4111111111111111\nagent 123: 4567\ncustomer 1: 123",
            // Expiry dates printed with a dot, and decimals like them.
            "exp 12.27, valid thru 8.2029 and $12.27 or 12.27.5 exp",
            "expires 12.2027x exp 1.27 12.27 is the exp",
            // Typed groups with a spoken group label between them.
            "4111 1111 1111 last four 1111",
            "4111 1111 1111 the last four are 1111",
            // Cards glued to a keyword on their right, and tokens glued to
            // other words.
            "4111111111111111exp 12/27 cvv 123",
            "card:4111111111111111cvv:123 and 4111111111111111ms",
            "1700000000000ms 4111 1111 1111 1111expiry 12/27",
            "x 4111111111111111cards 5555555555554444cc",
            // Escaped line breaks after a card, and the quote that ends
            // the string.
            "{\"msg\":\"4111111111111111\\n12/27\\n123\"}",
            "{\"msg\":\"4111111111111111\\n1227\\n123\"}, 12345",
            "{\"m\":\"4111111111111111\\t123\\n7 and 12345678\"}",
            "{\"m\":\"4111111111111111\\n123 main, 5 12345678\"}",
            "card 4111111111\u{200b}111111 ok",
            "card 41111111111\u{200b}11111, the",
            "order 520757068152 - the 4111111111111111",
            "IMEI 490154203237518, see 4111 1111 1111 1111",
            "ref 1234567 - and 4111111111111111",
            "my pin is 12345, the",
            // Keywords after a URL-encoded character.
            "x%5Bcvc%5D=123 ok",
            "x%5Bpin%5D=1234 ok",
            "card%5Bexp_month%5D=12 ok",
            "12345; 1234567891234567 - the, passcode=12/27 1123456781111",
            // A Mastercard-length window that passes the Luhn check, in a
            // run of a phone number and the next line's date.
            "phone=+1 555 123 4562\n2026-11-05T10:00 ok",
            "card +1 555 123 4562\n2026-11-05T10:00 ok",
            "call 1 555 123 4562 2026 11 05 and 4111 1111 1111 1111 ok",
            // Runs read without the full run parser, and runs it leaves
            // to it: each way a run may end, a mask before it, a card, an
            // IBAN.
            "at 2026-11-05 12:34 ok",
            "+1 555 123 4567 uh 4111 1111 1111 1111",
            "+1 555 123 4567 one two",
            "+1 555 123 4567%20 1111",
            "+1 555 123 4567 card",
            "+1 555 123 4567 cvv 123",
            "555|123|4567|8901Z",
            "555-123-4567/x 555\t123\t4567\r\n",
            "**** 555 123 4567 ok",
            "4111 1111 1111 1111 exp 12/27",
            "GB82 WEST 1234 5698 7654 32 ok",
            "exp_month=12 2026 ok",
            "555 123 4567 1234 5678 9012 3456 7890 1234 5678 9012 3456 ok",
            // Keywords that hold digits, at the edges of a run whose inside
            // the keyword look-up does not read.
            "cvv2 555 123 4567 thanks",
            "cav2 555 123 4567 thanks",
            "the CAV2 555-123-4567, thanks",
            "the cvc2 555-123-4567 thanks",
            "555 123 4567 4 digit code is 123",
            "555 123 4567 3-digit one",
            "12 555 123 4 digit code 123",
            // Runs that a month named in words starts: a date in a log
            // record or a sentence, next to a keyword, a card or a field
            // of an expiry date, and runs too long to pass over.
            "Nov  5 12:34:56 host sshd[1234]: ok\nDec 15 10:01:02 host",
            "on March 3 2026 I paid, exp may 27 and cvv june 5",
            "card 4111 1111 1111 1111 Nov 5 and 4111111111111111 june 27",
            " March 4111111111111112 1 and june 4111 1111 1111 1111 ok",
            "exp_month=June 5, expiry month may 12 and may 5 is the exp",
            "agent: the expiry month?\ncustomer: june 5\nagent: pin? june 12",
            // Runs of two groups or more and fewer than nine digits, which
            // the quick decision reads too: a short kind after its
            // keyword, before it, or after a card; none without.
            "exp 12 / 27 and cvv 1 2 3 then pin 12 34 and 12 27 is the exp",
            "card 4111 1111 1111 1111 12 27 1 2 3 and 36 -0700 ok",
            "x [10/Oct/2000:13:55:36 -0700] \"GET /\" 200 2326 \"-\"",
            "the code\n[10:02] customer: 1 2 3\nagent: and 12-34 or 555 12",
            // The numbers of a time, passed over together, and times whose
            // last number is read on its own or goes on.
            "[12:03] cvv 123",
            "2026-11-05T12:34:56.789Z exp 12/27",
            "at 1:2:3:45 pm the pin is 1234",
            "12:03 pm 4111 1111 1111 1111",
            "12:03%2012:04 cvv:123",
            "12:03 12 27",
            "12:03-12 27 cvv 123",
            "12:123 exp 12:27 cvv 12:34:5678",
            "12:03:4111111111111111",
            "ss#12:34 56 7890",
            "12:4 111 1111 1111 1111 ok",
            // Runs ended by a separator that no digit follows, read by
            // the gap rule: a word, a speaker's turn, a number word.
            "phone=+1 555 123 4567\nINFO ok",
            "call 555 123 4567.\nok",
            "call 555 123 4567, ok",
            "4111 1111 1111\ncustomer: 1111 ok",
            "customer: 4111 1111 1111\ncustomer: one one one one",
            "555 123 4567 12\n digits code 123",
            "555 123 4567 12- digit code 123",
            "555 123 4567 1111\none one one one ok",
            "at 10:41 11 1111 1111 1111 ok",
            // A calendar date alone is read without its keywords; runs of
            // three groups that are no date are read with them.
            "cvv 2026-11-05T10:00 ok",
            "exp 11/05/2026 ok",
            "pin 05-11-2026 and the cvv 2026-11/05 ok",
            "exp 11-05/2026 ok",
            "cvv 2026-13-05 ok",
            "exp 12/27/34 ok",
            "pin 123 45 6789 ok",
            "ssn 1234-12-12 ok",
            "exp_year=2026-11-05 ok",
            "4111 1111 1111 1111 2026-11-05 cvv 123",
            "2026-11-1234567890123456789 ok",
            // Delimited rows: numbers a comma or a line break ends, short
            // ones among them, numbers grouped by thousands, and rows that
            // hold card data.
            "240891,72,867,97.08,hello world,8\n12,cvv 123",
            "id,12,345,6789\nexp 12,27",
            "4,111,111,111,111,111 ok",
            "card 4111,1111,1111,1111 ok",
            "4111111111111111,12,27,123\n5,6,7",
            "12\nagent: 34 56 cvv 789",
            "12\n34 56 78 4111 1111 1111 1111",
            "pin 12,\n1234 ok",
            "exp_month=1,\nexp_year=27",
            "3, 4111 1111 1111 1111",
            "12,345, the cvv is 123",
            "1,234,567,890,123,456 ok",
            "98, ok 10.132.119.98, ok",
            "7;8;9 cvv 12,\n345",
            "cvv%3D4,111,111 ok",
            "bytes=18472 latency_ms=485\nok 12345\nthe cvv is 1234\n",
            "the security code is 737\n[12:03] ok",
            "pin 12345678\r\nok 123.\nexp 12/27\n",
            // Runs that end at a decimal point, and dots that join groups.
            "3,123,456,373.25,14,ok 1 555 123.45 ok",
            "cvv 12 345.67 ok 4111 1111 1111 1111.00 ok",
            "555 123 4567.89 ok 078 05 1120.5 ok 12 123.45.6789 ok",
            "call 12 4111.1111.1111.1111 ok 12 3782.822463.10005",
            "12 345.6789012345678901234 ok 12 345.67٣ ok",
            "exp 12 2027.5 ok pin 12 3456.7 ok",
            // Transcribers' tags between groups, and brackets that are none.
            "4111 1111 [sic] 1111 1111 and 555 (home) 1234 cvv 12 [x] 3",
            "cvv 1 (inaudible) 23 ok 12 <unk>\n34 [inaud",
            "pin 12 [a1] 34 ok 4111 1111[sic] 1111 1111 ok",
            // One or two digits that end the text, as a chat message's do.
            "room 12",
            "exp_month=12",
            "expiry month is 08",
            "4111 1111 1111 1111 exp 12",
            "cvv 1 2",
            "at 10:30",
            "7",
            // Number words alone in a sentence ([`lone_number_word`]), and
            // next to what carries a spoken number on.
            "I have one question. cvv is one, two three",
            "cvv one. two three four ok",
            "security code one? two three, thanks",
            "my pin is four, thanks; pin four! one two three",
            "four one one one, one one one one, one one one one, one one \
             one one",
            "exp may, 27 ok; exp june. twenty seven; expires may of 2027",
            "card 4111 1111 1111 1111 exp june, thanks and may need more",
            "exp_month: may thanks; expiry month june please",
            "we may need two of them; oh I see one more thing",
            // Numbers that read as a month, a dot and a year: prices and
            // versions with no expiry keyword near, and expiry dates with
            // one before or after, at the edges of where it is looked for.
            "it was 9.99 in total; the update is 1.12 now, 12.50 thanks",
            "expiry\n12.27 ok; good thru 09.28; MM/YY 11.29; the date 03.30",
            // A `%`, `&` or `\` after three digits or more: a separator
            // escaped, or a byte that ends the run.
            "100% sure; 4111%201111%201111%201111 and 250%",
            "card=4111&nbsp;1111&nbsp;1111&nbsp;1111; 300&more 555&#160;12",
            "4111\\u00a01111\\u00a01111\\u00a01111 or 123\\x and 456%2",
            // Runs that end the text: a message of its own.
            "my zip is 90210",
            "cvv 737",
            "pin: 4821",
            "ssn 078051120",
            "exp 0827",
            "555-123-4567",
            "4111 1111 1111 1111",
            "order 1234 5678 9012 3456",
            "**** **** **** 1111",
            "1111",
            // A word that ends the text after a number: no number word
            // goes on past it.
            "that is 1500 dollars",
            "cvv 737 thanks",
            "4111 1111 1111 1111 thanks",
            "4111 1111 1111 111 one",
            "555 123 uh",
            "pin 4821 four",
        ];
        for text in texts {
            for spoken in [false, true] {
                let r = Redactor::builder().spoken(spoken).build().unwrap();
                assert_eq!(
                    outcome(&r, text, true),
                    outcome(&r, text, false),
                    "{text}"
                );
            }
        }
    }

    proptest! {
        /// The test for a PIN's keyword reads ahead of windows that nearly
        /// touch ([`PIN_AHEAD`]); on text longer than that, with few
        /// mentions, every window still reads as a fresh reading does,
        /// the windows moving on (as numbers do) or going back.
        #[test]
        fn pin_read_ahead_answers_as_a_fresh_reading(
            text in proptest::collection::vec(
                proptest::sample::select(b"xxxxxxxxxxxxxxx    pPiInN".to_vec()),
                0..1500,
            ),
            base in 0u64..5,
            steps in proptest::collection::vec((0usize..80, 0usize..120, proptest::bool::ANY), 1..60),
        ) {
            let mut sc = Scanner::new();
            let mut at = 0usize;
            for (step, len, back) in steps {
                at = if back { at.saturating_sub(step) } else { at + step };
                let lo = at.min(text.len());
                let hi = (lo + len).min(text.len());
                prop_assert_eq!(
                    sc.mentions_pin(&text, base, lo, hi),
                    context::mentions_pin(&text[lo..hi]),
                    "{:?} {}..{}", String::from_utf8_lossy(&text), lo, hi
                );
            }
        }
    }

    proptest! {
        /// The remembered stretches free of "pin" and of keywords answer
        /// every window as a fresh reading does, for windows in any order.
        #[test]
        fn free_memos_answer_as_a_fresh_reading(
            text in proptest::collection::vec(
                proptest::sample::select(b"pPiInNaAsScCvVeExX x_".to_vec()),
                0..120,
            ),
            base in 0u64..5,
            windows in proptest::collection::vec((0usize..120, 0usize..40), 1..30),
        ) {
            let mut sc = Scanner::new();
            let r = Redactor::new();
            let inner = &*r.inner;
            let k = inner.keywords;
            for (lo, len) in windows {
                let lo = lo.min(text.len());
                let hi = (lo + len).min(text.len());
                prop_assert_eq!(
                    sc.mentions_pin(&text, base, lo, hi),
                    context::mentions_pin(&text[lo..hi]),
                    "{:?} {}..{}", String::from_utf8_lossy(&text), lo, hi
                );
                prop_assert_eq!(
                    sc.names_finding(inner, &text, base, (lo, hi), None),
                    k.names_finding(&text, lo, hi),
                    "{:?} {}..{}", String::from_utf8_lossy(&text), lo, hi
                );
            }
        }
    }

    #[test]
    fn track_starts() {
        assert_eq!(track_start(b";4111", 1), Some(0));
        assert_eq!(track_start(b"x;4111", 2), Some(1));
        assert_eq!(track_start(b"%B4111", 2), Some(0));
        assert_eq!(track_start(b"a%b4111", 3), Some(1));
        // A `B` that starts a word may start a track 1 without sentinels.
        assert_eq!(track_start(b"B4111", 1), Some(0));
        assert_eq!(track_start(b" b4111", 2), Some(1));
        assert_eq!(track_start(b"xB4111", 2), None);
        assert_eq!(track_start(b"2B4111", 2), None);
        assert_eq!(track_start(b"4111", 0), None);
        assert_eq!(track_start(b":4111", 1), None);
    }

    #[test]
    fn bracketed_phones() {
        // (The text, where the digits read start, the end found.)
        let cases: &[(&[u8], usize, Option<usize>)] = &[
            (b"call (800) 123-4567 now", 6, Some(19)),
            (b"call (800) 123-4567 now", 11, Some(19)),
            (b"(800)123.4567", 1, Some(13)),
            (b"(800)123.4567", 5, Some(13)),
            (b"(800) 123 4567", 6, Some(14)),
            // A digit glued on either side; a short or long last part.
            (b"1(800) 123-4567", 2, None),
            (b"(800) 123-45678", 1, None),
            (b"(800) 123-456", 1, None),
            // No brackets, or an area code of another length.
            (b"800 123-4567", 4, None),
            (b"(80) 123-4567", 5, None),
            (b"cvv (737) then", 5, None),
        ];
        for &(text, s, want) in cases {
            let got = bracketed_phone(text, 0, s);
            assert_eq!(
                got,
                want,
                "{:?} at {s}",
                String::from_utf8_lossy(text)
            );
        }
        // The brackets are read no earlier than the look-behind.
        assert_eq!(bracketed_phone(b"(800) 123-4567", 1, 6), None);
    }

    #[test]
    fn track_parsers() {
        let t2 = b";4111111111111111=25121010000000000?";
        assert_eq!(parse_track(t2, 0).map(|x| x.0), Some(t2.len()));
        let t1 = b"%B4111111111111111^DOE/JOHN^2512101000000000?";
        assert_eq!(parse_track(t1, 0).map(|x| x.0), Some(t1.len()));
        assert_eq!(parse_track(b";4111111111111111=25?", 0), None);
        // Track 1 without sentinels ends where its digits do, before a byte
        // that is no letter or digit; the expiry month must be one.
        let bare = b"B4111111111111111^DOE/JOHN^2512101000000000";
        assert_eq!(parse_track(bare, 0).map(|x| x.0), Some(bare.len()));
        let t = b"B4111111111111111^DOE/JOHN^2512101000?, ok";
        assert_eq!(parse_track(t, 0).map(|x| x.0), Some(38));
        assert_eq!(
            parse_track(b"B4111111111111111^DOE/JOHN^2512101x", 0),
            None
        );
        assert_eq!(
            parse_track(b"B4111111111111111^DOE/JOHN^2513101", 0),
            None
        );
        assert_eq!(parse_track(b"B4111111111111111 DOE", 0), None);
    }

    #[test]
    fn spoken_tokens() {
        let r = Redactor::new();
        let f = kinds(&r, "the security code is four hundred and twelve");
        assert_eq!(f, vec![(Kind::Cvv, "four hundred and twelve".into())]);
    }

    /// The comma test of short numbers says what the gap rule's
    /// [`glued_comma`] says, for every short text of digits, commas,
    /// spaces and letters after one or two digits.
    #[test]
    fn comma_ends_short_agrees_with_glued_comma() {
        let alphabet = [b'1', b',', b' ', b'x', b'\n'];
        for first in [&b"1"[..], b"12"] {
            for len in 0..6 {
                for k in 0..alphabet.len().pow(len) {
                    let mut w = first.to_vec();
                    w.push(b',');
                    let mut k = k;
                    for _ in 0..len {
                        w.push(alphabet[k % alphabet.len()]);
                        k /= alphabet.len();
                    }
                    let e = first.len();
                    let gap = w.get(e + 1).is_some_and(|&c| {
                        !matches!(c, b' ' | b'\t' | b'\n' | b'\r')
                    }) && glued_comma(&w, 0, e, false)
                        == Some(false);
                    assert_eq!(
                        comma_ends_short(&w, e),
                        gap,
                        "{}",
                        String::from_utf8_lossy(&w)
                    );
                }
            }
        }
    }

    /// A transcriber's tag stands between groups as a filler word does,
    /// typed or spoken, but only after a separator and only in spoken
    /// mode; it is no number and stays in the text.
    #[test]
    fn noise_tags_join_groups() {
        let r = Redactor::new();
        let typed = "4111 1111 [sic] 1111 1111";
        assert_eq!(kinds(&r, typed), vec![(Kind::Card, typed.into())]);
        assert_eq!(r.redact(typed), "**** **** [sic] **** 1111");
        let numeric = Redactor::builder().spoken(false).build().unwrap();
        assert!(numeric.find(typed).is_empty());
        assert!(r.find("4111 1111[sic] 1111 1111").is_empty());
        assert!(r.find("4111 1111 [a1] 1111 1111").is_empty());
        assert_eq!(noise_tag(b"[inaudible] one", 0), Some(Ok(11)));
        assert_eq!(noise_tag(b"<unk>", 0), Some(Ok(5)));
        assert_eq!(noise_tag(b"(no speech)", 0), Some(Ok(11)));
        assert_eq!(noise_tag(b"[inaud", 0), Some(Err(())));
        assert_eq!(noise_tag(b"[]", 0), None);
        assert_eq!(noise_tag(b"[ ]", 0), None);
        assert_eq!(noise_tag(b"(12)", 0), None);
        assert_eq!(noise_tag(b"[inaudible)", 0), None);
        assert_eq!(noise_tag(&[b'['; 30], 0), None);
    }

    /// A number inside the label of a turn after a card ("agent 123:") is
    /// the speaker's, not the card's CVV; the same speaker's next message
    /// is.
    #[test]
    fn numbers_in_a_later_label_are_no_chain() {
        let r = Redactor::new();
        let kinds = |t: &str| -> Vec<Kind> {
            r.find(t).iter().map(|f| f.kind()).collect()
        };
        for (t, want) in [
            ("customer: 4111111111111111\nagent 123: ok", &[Kind::Card][..]),
            (
                "customer: 4111111111111111 12/27\ncustomer 123: ok",
                &[Kind::Card, Kind::Expiry],
            ),
            (
                "[10:01] a: 4111111111111111\n[10:02] spk 123: 456",
                &[Kind::Card],
            ),
        ] {
            assert_eq!(kinds(t), want, "{t:?}");
        }
        let t = "customer 1: 4111111111111111\ncustomer 1: 123";
        assert_eq!(kinds(t), [Kind::Card, Kind::Cvv]);
        // A name longer than a [`Speaker`] holds (sixteen bytes) names no
        // speaker: the next turn, though it prints the same label, does
        // not go on with the card.
        let t = "[10:02] representatives 1234: my card is 4111 1111 1111 \
                 1111\n[10:03] representatives 1234: 123";
        assert_eq!(kinds(t), [Kind::Card]);
        let t = "[10:02] agent 12: my card is 4111 1111 1111 1111\n\
                 [10:03] agent 12: 123";
        assert_eq!(kinds(t), [Kind::Card, Kind::Cvv]);
    }

    /// The quick reading of a timestamp in brackets ("[09:41] agent: ")
    /// ends every label where the full reading ([`stamp_end`], then
    /// [`label_after`]) ends it: such stamps and near misses (two spaces
    /// or a tab after, mismatched brackets, one or three digits, seconds),
    /// before a speaker, a word or nothing, with the text ending at every
    /// byte or going on.
    #[test]
    fn quick_stamps_read_as_the_full_reading() {
        let full = |w: &[u8], p: usize, eof: bool| {
            if !at_line_start(w, p) {
                return None;
            }
            match stamp_end(w, p, eof)? {
                Ok((after, bracketed)) => {
                    label_after(w, after, bracketed, eof)
                }
                Err(()) => Some(Err(())),
            }
        };
        let stamps = [
            "[09:41] ",
            "(09:41) ",
            "[23:59] ",
            "[09:41]  ",
            "[09:41]\t",
            "[09:41)",
            "(09:41] ",
            "[9:41] ",
            "[109:41] ",
            "[09:411] ",
            "[09:41:07] ",
            "[09-41] ",
            "[09:4a] ",
            "[0a:41] ",
            "09:41 ",
            "[09:41]",
        ];
        let rests = [
            "agent: hi",
            "Customer:\nx",
            "spk_1: 4",
            "x",
            "okay then",
            "",
            ":",
            "\t",
            " agent: a",
            "4111",
            "AM agent: x",
            "a b: c",
        ];
        let mut n = 0;
        for stamp in stamps {
            for rest in rests {
                let w = format!("\n{stamp}{rest}");
                let w = w.as_bytes();
                for cut in 1..=w.len() {
                    for eof in [false, true] {
                        let w = &w[..cut];
                        assert_eq!(
                            timed_label(w, 1, eof),
                            full(w, 1, eof),
                            "{:?} {eof}",
                            String::from_utf8_lossy(w)
                        );
                        n += usize::from(matches!(
                            timed_label(w, 1, eof),
                            Some(Ok(_))
                        ));
                    }
                }
            }
        }
        // (Labels were read, not only refused.)
        assert!(n > 100, "{n}");
    }

    /// A timestamp that starts a line, with the speaker label after it
    /// or in brackets alone, stands between the groups of a card read
    /// out over two turns as a speaker label alone does.
    #[test]
    fn timed_labels_join_turns() {
        let r = Redactor::new();
        for (text, card) in [
            (
                "[00:01:02] Customer: my card is 4242 4242\n\
                 [00:01:05] Agent: okay\n[00:01:07] Customer: 4242 4242\n",
                "4242 4242\n[00:01:05] Agent: okay\n\
                 [00:01:07] Customer: 4242 4242",
            ),
            (
                "00:01:02 agent: number?\n00:01:04 caller: four two four \
                 two four two four two\n00:01:09 caller: four two four two \
                 four two four two",
                "four two four two four two four two\n00:01:09 caller: \
                 four two four two four two four two",
            ),
            (
                "(1:02.250) my card is 4242 4242\n(1:07.500)\t4242 4242",
                "4242 4242\n(1:07.500)\t4242 4242",
            ),
        ] {
            assert_eq!(kinds(&r, text), vec![(Kind::Card, card.into())]);
        }
        // A time that starts a line with no turn in it is no filler: the
        // digits there end the run.
        assert!(r.find("card 4242 4242\n10:30 4242 4242").is_empty());
        assert!(r.find("at 4242 4242\n[10:30 4242 4242").is_empty());
        let at = |t: &str, eof| timed_label(t.as_bytes(), 1, eof);
        assert_eq!(at("\n[00:01:07] Customer: x", true), Some(Ok(21)));
        assert_eq!(at("\n[00:01:07] x", true), Some(Ok(12)));
        assert_eq!(at("\n00:01:07 agent: x", true), Some(Ok(16)));
        assert_eq!(at("\n0:01.5  Speaker 2: x", true), Some(Ok(19)));
        assert_eq!(at("\n00:01:07 Jane: x", true), Some(Ok(15)));
        assert_eq!(at("\n00:01:07 x", true), None);
        assert_eq!(at("\n00:01:07 exp: x", true), Some(Ok(14)));
        assert_eq!(at("\n[00:01:07 x", true), None);
        assert_eq!(at("\n[00:01:07)  x", true), None);
        assert_eq!(at("\n001:07 agent: x", true), None);
        assert_eq!(at("\n00:1:07 agent: x", true), None);
        assert_eq!(at("\n2026-11-05 agent: x", true), None);
        assert_eq!(at("\n00:01:07", true), None);
        assert_eq!(at("\n00:01:07", false), Some(Err(())));
        assert_eq!(at("\n[00:0", false), Some(Err(())));
        assert_eq!(at("\n00:01:07 age", false), Some(Err(())));
        assert_eq!(timed_label(b"x [00:01:07] x", 2, true), None);
        // A date before the time: year first or last, joined by a dash,
        // slash or dot, then `T` or a space; a time zone and AM or PM.
        for (label, end) in [
            ("\n2026-11-05 10:01:07 agent: x", 27),
            ("\n[2026-11-05 10:01:07] agent: x", 29),
            ("\n2026-11-05T10:01:07Z agent: x", 28),
            ("\n2026/11/05 10:01 Jane: x", 23),
            ("\n05.11.2026 10:01:07 Speaker 2: x", 31),
            ("\n11/05/26 10:01 PM customer: x", 28),
            ("\n11/05/2026 10:01am x: x", 22),
            ("\n2026-11-05T10:01:07.250+01:00 agent: x", 37),
            ("\n2026-11-05T10:01:07-0500 agent: x", 32),
            ("\n(2026-11-05 10:01:07)\tx", 23),
        ] {
            assert_eq!(at(label, true), Some(Ok(end)), "{label:?}");
        }
        for no in [
            "\n2026-11-05T10:01:07Z INFO ts=1",
            "\n2026-11-05 agent: x",
            "\n2026-11/05 10:01 agent: x",
            "\n20261-11-05 10:01 agent: x",
            "\n2026-11-05_10:01 agent: x",
            "\n11/05/202 10:01 agent: x",
            "\n2026-11-05 10:01+1 agent: x",
            "\n[2026-11-05 10:01 agent: x",
        ] {
            assert_eq!(at(no, true), None, "{no:?}");
        }
        assert_eq!(at("\n2026-11-05 10:01:07 ag", false), Some(Err(())));
        assert_eq!(at("\n2026-11-0", false), Some(Err(())));
        assert_eq!(at("\n2026-11-05 10:01 P", false), Some(Err(())));
        // Where such a label may stand, a line break is read as a turn;
        // a log record's date has no colon and space after it.
        assert!(timed(b"2026-11-05 10:01:07 agent: x", 0));
        assert!(!timed(
            &[b"2026-11-05T10:01:07Z INFO".as_slice(), &[b'x'; 60]].concat(),
            0
        ));
    }

    /// The words that name the next group a caller reads out ("and the
    /// last four are …", "and finally") join groups, spoken or typed, as
    /// fillers do; numbers of other lengths they do not make a card of.
    #[test]
    fn group_labels_join_spoken_groups() {
        let r = Redactor::new();
        let said = "four one one one one one one one one one one one, \
                    and the last four are one one one one";
        assert_eq!(kinds(&r, said), vec![(Kind::Card, said.into())]);
        // (Without the words, the twelve digits before are no card.)
        let cut =
            "four one one one one one one one one one one one, and so on";
        assert!(r.find(cut).is_empty());
        let phone = "five five five, one two three, and the last four are \
                     four five six seven";
        assert!(r.find(phone).is_empty());
        // Typed groups too, and the words without a count.
        for said in [
            "4111 1111 1111 last four 1111",
            "4111 then 1111 then 1111 and last 1111",
            "4111 1111 1111 and finally 1111",
            "four one one one one one one one one one one one and last one \
             one one one",
            "four one one one one one one one one one one one and finally \
             one one one one",
        ] {
            assert_eq!(kinds(&r, said), vec![(Kind::Card, said.into())]);
        }
        // Another word ends the run.
        assert!(r.find("4111 1111 1111 lasting 1111").is_empty());
        assert_eq!(
            group_label(b"the last four are one", 0, true),
            Some(Ok(17))
        );
        assert_eq!(group_label(b"Last Four one", 0, true), Some(Ok(9)));
        assert_eq!(
            group_label(b"next three digits is x", 0, true),
            Some(Ok(20))
        );
        assert_eq!(
            group_label(b"the final two numbers, x", 0, true),
            Some(Ok(21))
        );
        // (The count may be left out: "and last", "finally".)
        assert_eq!(group_label(b"the last, four x", 0, true), Some(Ok(8)));
        assert_eq!(group_label(b"the lastly four x", 0, true), Some(Ok(15)));
        assert_eq!(group_label(b"last one one", 0, true), Some(Ok(4)));
        assert_eq!(group_label(b"finally 1111", 0, true), Some(Ok(7)));
        assert_eq!(group_label(b"the last ten x", 0, true), Some(Ok(8)));
        assert_eq!(group_label(b"the past four x", 0, true), None);
        assert_eq!(group_label(b"the lasting x", 0, true), None);
        assert_eq!(group_label(b"the last fo", 0, false), Some(Err(())));
        assert_eq!(group_label(b"the last four", 0, true), Some(Ok(13)));
        assert_eq!(group_label(b"the last four", 0, false), Some(Err(())));
        assert_eq!(group_label(b"th", 0, false), Some(Err(())));
        assert_eq!(group_label(b"the", 0, false), Some(Err(())));
        assert_eq!(group_label(b"the l", 0, false), Some(Err(())));
        assert_eq!(group_label(b"thence x", 0, false), None);
        // The quick test lets every order word through, after "the" or
        // not, in either case.
        for o in GROUP_ORDER {
            let o = String::from_utf8_lossy(o);
            for t in
                [format!("{o} two"), format!("The {} two", o.to_uppercase())]
            {
                assert!(may_be_group_label(t.as_bytes(), 0, true), "{t}");
                assert!(group_label(t.as_bytes(), 0, true).is_some(), "{t}");
                assert!(label_at(format!("{t} ").as_bytes(), 0), "{t}");
            }
        }
        assert!(!label_at(b"req=1 ", 0) && !label_at(b"then 1 ", 0));
        assert!(may_be_group_label(b"the last four", 0, true));
        assert!(may_be_group_label(b"Next four", 0, true));
        assert!(!may_be_group_label(b"of the", 0, true));
        assert!(!may_be_group_label(b"the best", 0, true));
        assert!(may_be_group_label(b"th", 0, false));
        assert!(!may_be_group_label(b"th", 0, true));
    }

    #[test]
    fn long_groups_are_skipped() {
        let r = Redactor::new();
        let s = format!("{} 4111111111111111", "1".repeat(25));
        assert_eq!(
            kinds(&r, &s),
            vec![(Kind::Card, "4111111111111111".into())]
        );
    }
}
