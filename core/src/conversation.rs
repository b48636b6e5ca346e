//! Conversation mode: a transcript as a sequence of messages.
//!
//! Three rules read across message boundaries:
//!
//! * **Questions.** A message is read with the end of the other speaker's
//!   message just before it as left context, so that "What's the security
//!   code on the back?" followed by "392" finds a CVV, "And the expiry?"
//!   followed by "oh four twenty seven" an expiry date, and "Can you confirm
//!   your PIN?" followed by "1234" a PIN.
//! * **Split cards.** A card number typed over several messages is caught
//!   when all of these hold: the fragments are messages of one speaker that
//!   consist of nothing but digit groups (numerals or spoken digits) of
//!   fewer than 12 digits each; at most [`MAX_FRAGMENTS`] of them, with at
//!   most [`MAX_BETWEEN`] messages of other speakers or pauses of the same
//!   speaker ("hold on", [`is_pause`]) between two fragments and no other
//!   message of the same speaker; together they hold 12 to 19
//!   digits that pass Luhn and match a card brand and length. Every
//!   fragment is masked; only the last keeps the last digits the policy
//!   keeps. Numbers in unrelated messages (an order number with words
//!   around it, a message of another speaker) are never joined.
//! * **Read-backs.** The other speaker's message right after a fragment of
//!   a split card, or after a CVV, an expiry date, a PIN or an SSN, that
//!   reads the same digits back ("4111 1111?", "12/27, thanks") is found
//!   as what it repeats.

use crate::brand;
use crate::finding::{Digits, Finding, Kind, Reason};
use crate::luhn;
use crate::redactor::Redactor;
use crate::scan;

/// At most this many messages make one split card.
pub const MAX_FRAGMENTS: usize = 4;

/// At most this many messages of other speakers, or pauses of the same
/// speaker ([`is_pause`]), may stand between two fragments of a split card.
pub const MAX_BETWEEN: usize = 2;

/// Bytes of the other speaker's previous message read as context.
const QUESTION_CONTEXT: usize = 96;

/// At most this many messages of a speaker that hold no number ("one
/// sec", "let me grab my card") may stand between the other speaker's
/// question and the answer it gives context to.
pub const MAX_STALLS: usize = 2;

/// A message longer than this is no stall before an answer.
const STALL_LEN: usize = 80;

/// A message that can be part of a split card: whether it is nothing but
/// the digits, and the digits' start, end and values.
type Fragment = (bool, (usize, usize, Vec<u8>));

/// One message of a conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message<'a> {
    /// Who wrote or said it (any label: "agent", "customer", a user id).
    pub speaker: &'a str,
    /// The text.
    pub text: &'a str,
}

impl<'a> Message<'a> {
    /// A message.
    pub fn new(speaker: &'a str, text: &'a str) -> Message<'a> {
        Message { speaker, text }
    }
}

impl Redactor {
    /// Finds sensitive data in each message of a conversation, reading
    /// questions and split card numbers across messages (see the module
    /// docs of conversation mode in the README). Spans are byte offsets
    /// within each message.
    pub fn find_conversation(
        &self,
        msgs: &[Message<'_>],
    ) -> Vec<Vec<Finding>> {
        let mut all: Vec<Vec<Finding>> = msgs
            .iter()
            .enumerate()
            .map(|(i, m)| self.find_after(question_before(msgs, i), m.text))
            .collect();
        if self.detects(Kind::Card) {
            self.split_cards(msgs, &mut all);
        }
        self.short_read_backs(msgs, &mut all);
        all
    }

    /// The other speaker's message right after a CVV, an expiry date, a
    /// PIN or an SSN that reads its digits back ("12/27", "123?", "okay
    /// 12/27, thanks": [`read_back`]) holds the same data: found as the
    /// same kind, for the same reason.
    fn short_read_backs(
        &self,
        msgs: &[Message<'_>],
        all: &mut [Vec<Finding>],
    ) {
        for i in 1..msgs.len() {
            if msgs[i].speaker == msgs[i - 1].speaker || !all[i].is_empty() {
                continue;
            }
            let said = all[i - 1].iter().rev().find_map(|f| {
                if !matches!(
                    f.kind,
                    Kind::Cvv | Kind::Expiry | Kind::Pin | Kind::Ssn
                ) {
                    return None;
                }
                let (s, e) =
                    read_back(&self.inner, msgs[i].text, f.digits.as_slice())?;
                Some(Finding {
                    start: s as u64,
                    end: e as u64,
                    spoken: msgs[i].text[s..e]
                        .bytes()
                        .any(|c| c.is_ascii_alphabetic()),
                    ..f.clone()
                })
            });
            all[i].extend(said);
        }
    }

    /// Redacts each message of a conversation (see
    /// [`Redactor::find_conversation`]).
    pub fn redact_conversation(&self, msgs: &[Message<'_>]) -> Vec<String> {
        let found = self.find_conversation(msgs);
        msgs.iter()
            .zip(found)
            .map(|(m, fs)| {
                let out = self.splice(m.text.as_bytes(), &fs);
                String::from_utf8_lossy(&out).into_owned()
            })
            .collect()
    }

    /// Findings in `text`, read with `prefix` as left context.
    fn find_after(&self, prefix: &str, text: &str) -> Vec<Finding> {
        if prefix.is_empty() {
            return self.find(text);
        }
        self.find_with_context(prefix.as_bytes(), b"\n", text.as_bytes())
    }

    fn split_cards(&self, msgs: &[Message<'_>], all: &mut [Vec<Finding>]) {
        // Each message that can be part of a split card: `(whole, (start,
        // end, digits))`, where `whole` says the message is nothing but the
        // digits (only the first fragment may have words before them).
        let frags: Vec<Option<Fragment>> = msgs
            .iter()
            .zip(all.iter())
            .map(|(m, fs)| {
                if !fs.is_empty() {
                    return None;
                }
                scan::sole_run(&self.inner, m.text.as_bytes())
                    .map(|f| (true, f))
                    .or_else(|| {
                        let (s, _) = trailing_run(&self.inner, m.text)?;
                        // Words before the digits must say "card": "my card
                        // is 4111 1111", never "my order number is …".
                        let kw = self.inner.keywords.last(
                            m.text.as_bytes(),
                            0,
                            0,
                            s,
                        );
                        if kw != Some(crate::context::Cat::Card) {
                            return None;
                        }
                        let (a, b, d) = scan::sole_run(
                            &self.inner,
                            &m.text.as_bytes()[s..],
                        )?;
                        Some((false, (s + a, s + b, d)))
                    })
                    .filter(|(_, (_, _, d))| (2..12).contains(&d.len()))
            })
            .collect();
        let mut used = vec![false; msgs.len()];
        for i in 0..msgs.len() {
            if used[i] || frags[i].is_none() {
                continue;
            }
            let sp = msgs[i].speaker;
            let mut seq = vec![i];
            let mut others = 0;
            for j in i + 1..msgs.len() {
                if seq.len() == MAX_FRAGMENTS {
                    break;
                }
                if msgs[j].speaker == sp {
                    if frags[j].as_ref().is_some_and(|f| f.0) && !used[j] {
                        seq.push(j);
                        others = 0;
                        continue;
                    }
                    // A pause of the same speaker ("hold on", "um ok")
                    // stands between fragments as another speaker's
                    // message does; anything else ends the card.
                    if !is_pause(msgs[j].text) {
                        break;
                    }
                }
                others += 1;
                if others > MAX_BETWEEN {
                    break;
                }
            }
            for len in (2..=seq.len()).rev() {
                let d: Vec<u8> = seq[..len]
                    .iter()
                    .flat_map(|&k| {
                        frags[k].as_ref().expect("fragment").1 .2.clone()
                    })
                    .collect();
                if !(12..=19).contains(&d.len()) || !luhn::valid(&d) {
                    continue;
                }
                let Some(b) = brand::lookup(&d) else { continue };
                if !crate::brand::issues(&d, b) {
                    continue;
                }
                if self.inner.allow_test_cards
                    && crate::testcards::contains(&d)
                {
                    break;
                }
                let mut l4 = [0u8; 4];
                for (o, x) in l4.iter_mut().zip(&d[d.len() - 4..]) {
                    *o = b'0' + x;
                }
                let card =
                    |k: usize, (s, e): (usize, usize), all: bool| Finding {
                        kind: Kind::Card,
                        start: s as u64,
                        end: e as u64,
                        brand: Some(b),
                        last4: Some(l4),
                        reason: Reason::CardAcrossMessages,
                        spoken: msgs[k].text[s..e]
                            .bytes()
                            .any(|c| c.is_ascii_alphabetic()),
                        mask_all: all,
                        digits: Digits::from_slice(&d),
                    };
                for (n, &k) in seq[..len].iter().enumerate() {
                    let (s, e, part) = &frags[k].as_ref().expect("fragment").1;
                    used[k] = true;
                    all[k].push(card(k, (*s, *e), n + 1 < len));
                    // The other side reading the part back right after it
                    // ("4111 1111", "4111 1111?") gives the same digits:
                    // masked as the part is.
                    let next = k + 1;
                    let back = msgs.get(next).filter(|m| {
                        m.speaker != sp && !used[next] && all[next].is_empty()
                    });
                    if let Some((rs, re)) =
                        back.and_then(|m| read_back(&self.inner, m.text, part))
                    {
                        used[next] = true;
                        all[next].push(card(next, (rs, re), n + 1 < len));
                    }
                }
                break;
            }
        }
    }
}

/// Where `text`, a message of the other speaker, reads back the digits
/// `part` of a card's fragment or of a short finding: the message is those
/// digits alone ("4111 1111", "four one one one"), maybe asked ("4111
/// 1111?"), or holds them as its only typed digits, with spaces, dashes,
/// slashes or dots between and words around ("okay 4111 1111, go on",
/// "12/27, thanks").
fn read_back(
    inner: &crate::redactor::Inner,
    text: &str,
    part: &[u8],
) -> Option<(usize, usize)> {
    let b = text.trim_end_matches(|c: char| c == '?' || c.is_whitespace());
    let b = b.as_bytes();
    let same =
        |(s, e, d): (usize, usize, Vec<u8>)| (d == part).then_some((s, e));
    if let Some(found) = scan::sole_run(inner, b).and_then(same) {
        return Some(found);
    }
    // The typed digits, and the spaces, dashes, slashes and dots between
    // them.
    let s = b.iter().position(u8::is_ascii_digit)?;
    let mut e = s;
    for (i, &c) in b.iter().enumerate().skip(s) {
        if c.is_ascii_digit() {
            e = i + 1;
        } else if !matches!(c, b' ' | b'-' | b'/' | b'.') {
            break;
        }
    }
    if b[e..].iter().any(u8::is_ascii_digit) {
        return None;
    }
    let (a, z, d) = scan::sole_run(inner, &b[s..e])?;
    same((s + a, s + z, d))
}

/// The start of the digits (numerals or number words) that end `text`,
/// with the trimmed end.
fn trailing_run(
    inner: &crate::redactor::Inner,
    text: &str,
) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut e = b.len();
    while e > 0
        && (b[e - 1].is_ascii_whitespace()
            || matches!(b[e - 1], b'.' | b',' | b'!'))
    {
        e -= 1;
    }
    let mut s = e;
    loop {
        while s > 0
            && (b[s - 1].is_ascii_digit()
                || matches!(b[s - 1], b' ' | b'-' | b','))
        {
            s -= 1;
        }
        // A number word before: keep walking.
        let mut w = s;
        while w > 0 && b[w - 1].is_ascii_alphabetic() {
            w -= 1;
        }
        let is_number_word = w < s
            && inner.spoken.is_some_and(|sp| {
                sp.lookup(&b[w..s]).is_some_and(|x| !x.is_filler())
            });
        if is_number_word {
            s = w;
        } else {
            break;
        }
    }
    while s < e && !(b[s].is_ascii_alphanumeric()) {
        s += 1;
    }
    (s > 0 && s < e).then_some((s, e))
}

/// The left context of message `i`: the end of the other speaker's
/// message before it, where one stands right before it or before at most
/// [`MAX_STALLS`] stalls of its own speaker ([`is_stall`]): "What's the
/// security code?", "one sec, let me grab my card", "737". Empty where the
/// speaker's own message before it says anything else.
fn question_before<'a>(msgs: &[Message<'a>], i: usize) -> &'a str {
    let speaker = msgs[i].speaker;
    for (k, m) in msgs[..i].iter().rev().enumerate() {
        if m.speaker != speaker {
            return tail(m.text, QUESTION_CONTEXT);
        }
        if k == MAX_STALLS || !is_stall(m.text) {
            break;
        }
    }
    ""
}

/// Whether a message is a stall before an answer: short, with no digit of
/// any script and at most one word that says a digit ("one sec", "hold
/// on", "let me grab my card"). (One digit word alone holds no finding
/// either way.)
fn is_stall(text: &str) -> bool {
    let said =
        words(text).filter(|w| w.is_some_and(|x| x.says_digits())).count();
    short_without_digits(text) && said <= 1
}

/// Whether a message is a pause inside a number read out: one to four
/// filler words ("hold on", "um ok", "yes"), as the gap rule reads through
/// between the groups of a card in one text; no take-back ("wait",
/// "sorry"), which no card spans, and no digit.
fn is_pause(text: &str) -> bool {
    let mut n = 0;
    for w in words(text) {
        if w != Some(crate::spoken::Word::Filler) {
            return false;
        }
        n += 1;
    }
    (1..=4).contains(&n) && short_without_digits(text)
}

/// What each word (run of ASCII letters) of `text` means in the number-word
/// table, if anything.
fn words(
    text: &str,
) -> impl Iterator<Item = Option<crate::spoken::Word>> + '_ {
    let sp = crate::spoken::Spoken::english();
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .map(|w| sp.lookup(w.as_bytes()))
}

/// Whether a message is short enough to stand between a question and its
/// answer, or between the fragments of a card, and holds no digit of any
/// script.
fn short_without_digits(text: &str) -> bool {
    text.len() <= STALL_LEN && !text.chars().any(char::is_numeric)
}

/// The last `n` bytes of `s` or fewer, cut at a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}
