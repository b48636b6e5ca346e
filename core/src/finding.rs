//! What a scan reports: [`Kind`], [`Span`] and [`Finding`].

use std::fmt;
use std::ops::Range;

use crate::brand::Brand;

/// The kind of sensitive data a [`Finding`] covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// A primary account number (card number): 12–19 digits, Luhn-checked.
    Card,
    /// A US Social Security number.
    Ssn,
    /// A card verification value (CVV2, CVC2, CID): 3 or 4 digits.
    Cvv,
    /// A card expiry date.
    Expiry,
    /// A personal identification number.
    Pin,
    /// Magnetic-stripe track 1 or track 2 data.
    Track,
}

impl Kind {
    /// Every kind, in a fixed order.
    pub const ALL: [Kind; 6] = [
        Kind::Card,
        Kind::Ssn,
        Kind::Cvv,
        Kind::Expiry,
        Kind::Pin,
        Kind::Track,
    ];

    /// The kind's stable lowercase name: `"card"`, `"ssn"`, `"cvv"`,
    /// `"expiry"`, `"pin"` or `"track"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Card => "card",
            Kind::Ssn => "ssn",
            Kind::Cvv => "cvv",
            Kind::Expiry => "expiry",
            Kind::Pin => "pin",
            Kind::Track => "track",
        }
    }

    /// Parses a kind from its name (as returned by [`Kind::as_str`]).
    /// `"pan"` is accepted for [`Kind::Card`].
    pub fn from_name(name: &str) -> Option<Kind> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "card" | "pan" => Kind::Card,
            "ssn" => Kind::Ssn,
            "cvv" => Kind::Cvv,
            "expiry" => Kind::Expiry,
            "pin" => Kind::Pin,
            "track" => Kind::Track,
            _ => return None,
        })
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A half-open byte range `start..end`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// The first byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// The number of bytes in the span.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The span as a `Range<usize>`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span { start: r.start, end: r.end }
    }
}

/// Why a finding was reported; the basis of its confidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// A card number that passed Luhn and matched a known IIN range with a
    /// length that network issues.
    CardValid,
    /// A Luhn-valid number that needed card context (a keyword such as
    /// "card" nearby) because its prefix or length is unusual.
    CardContext,
    /// A long run of spoken digits in card context that fails Luhn: a
    /// misheard or restarted card number is still a card number.
    CardSpokenAttempt,
    /// A card number split over several messages of one speaker.
    CardAcrossMessages,
    /// A formatted SSN that passes the SSA's rules.
    SsnFormatted,
    /// Nine digits with SSN context nearby.
    SsnContext,
    /// One of the publicised sample SSNs (078-05-1120 …).
    SsnSample,
    /// A keyword nearby (cvv, expiry, pin, …).
    Keyword,
    /// Directly after a card number.
    AfterCard,
    /// The other speaker's question just before this message.
    Question,
    /// Magnetic-stripe track data with a valid card number inside.
    TrackData,
}

/// One piece of sensitive data found in a text.
///
/// A finding records where the data is and what it is, never the data
/// itself: `Debug` and `Display` print the kind, the byte span, the brand and
/// the last four digits of a card at most.
#[derive(Clone, PartialEq)]
pub struct Finding {
    pub(crate) kind: Kind,
    pub(crate) start: u64,
    pub(crate) end: u64,
    pub(crate) brand: Option<Brand>,
    pub(crate) last4: Option<[u8; 4]>,
    pub(crate) reason: Reason,
    pub(crate) spoken: bool,
    /// Mask every digit whatever the policy keeps: set on the earlier
    /// fragments of a card typed over several messages, so that only the
    /// last fragment shows the last four digits.
    pub(crate) mask_all: bool,
    /// Hash key input for token masks: the kind and digits, kept only so the
    /// masker can derive a keyed token. Never printed.
    pub(crate) digits: Digits,
}

/// Up to 24 digit values, stored inline. Private: used for masking only.
#[derive(Clone, Copy, PartialEq, Default)]
pub(crate) struct Digits {
    pub(crate) len: u8,
    pub(crate) d: [u8; 24],
}

impl Digits {
    pub(crate) fn from_slice(s: &[u8]) -> Digits {
        let mut out = Digits::default();
        for &x in s.iter().take(24) {
            out.d[usize::from(out.len)] = x;
            out.len += 1;
        }
        out
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        &self.d[..usize::from(self.len)]
    }
}

impl Finding {
    /// What kind of data this is.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The byte span of the finding in the text it was found in. For a
    /// stream, offsets count from the start of the stream.
    pub fn span(&self) -> Span {
        Span { start: self.start as usize, end: self.end as usize }
    }

    /// The first byte, as an absolute stream offset.
    pub fn start(&self) -> u64 {
        self.start
    }

    /// One past the last byte, as an absolute stream offset.
    pub fn end(&self) -> u64 {
        self.end
    }

    /// The card brand, for card and track findings whose prefix matched.
    pub fn brand(&self) -> Option<Brand> {
        self.brand
    }

    /// The last four digits of a card number (the most PCI DSS allows to
    /// be shown), for card and track findings.
    pub fn last4(&self) -> Option<&str> {
        self.last4.as_ref().map(|b| {
            // The array only ever holds ASCII digits.
            std::str::from_utf8(b).unwrap_or("")
        })
    }

    /// Why the finding was reported.
    pub fn reason(&self) -> Reason {
        self.reason
    }

    /// Whether the data was written as words ("four one one one").
    pub fn is_spoken(&self) -> bool {
        self.spoken
    }

    /// A confidence between 0 and 1. Checked card numbers score 0.99;
    /// numbers reported only because of context or a spoken attempt score
    /// lower, as do the publicised sample SSNs.
    pub fn confidence(&self) -> f32 {
        match self.reason {
            Reason::CardValid | Reason::TrackData => 0.99,
            Reason::CardContext => 0.8,
            Reason::CardAcrossMessages => 0.9,
            Reason::CardSpokenAttempt => 0.4,
            Reason::SsnFormatted => 0.9,
            Reason::SsnContext => 0.85,
            Reason::SsnSample => 0.5,
            Reason::Keyword => 0.9,
            Reason::AfterCard => 0.8,
            Reason::Question => 0.75,
        }
    }

    /// The same finding moved by `delta` bytes (used to map findings of a
    /// part back onto a whole).
    pub(crate) fn shifted(&self, delta: i64) -> Finding {
        let mut f = self.clone();
        f.start = (f.start as i64 + delta) as u64;
        f.end = (f.end as i64 + delta) as u64;
        f
    }
}

impl fmt::Debug for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Finding");
        d.field("kind", &self.kind).field("span", &self.span());
        if let Some(b) = self.brand {
            d.field("brand", &b);
        }
        if let Some(l) = self.last4() {
            d.field("last4", &l);
        }
        d.field("reason", &self.reason).finish()
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}..{}", self.kind, self.start, self.end)?;
        if let Some(b) = self.brand {
            write!(f, " ({b})")?;
        }
        if let Some(l) = self.last4() {
            write!(f, " ending {l}")?;
        }
        Ok(())
    }
}
