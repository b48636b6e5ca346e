//! Arbitrary builder settings, then arbitrary bytes.
//!
//! Building may fail (an unknown kind name, `last9`, a bad template, a token
//! without a key, a digit as mask character); the error must then name an
//! option and read as a lowercase message. When building succeeds, scanning
//! and masking must not panic and:
//!
//! * findings are in order, non-empty, non-overlapping, in bounds, and only
//!   of the kinds that are on;
//! * the output is the input with each finding replaced by
//!   [`Redactor::replacement`], borrowed exactly when nothing was found;
//! * neither `Debug` nor `Display` of a finding shows the digits of a card
//!   or track beyond its last four;
//! * with a length-preserving policy (every style of every kind that is on
//!   is `Full` or `KeepLast`, and the mask character is ASCII), the output
//!   of ASCII input has the input's length and `redact_in_place` agrees;
//! * the string API agrees with the byte API on UTF-8 input, and a stream
//!   fed in chunks of the chosen size agrees with one-shot redaction.

#![no_main]

use std::borrow::Cow;

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::{fuzz_target, Corpus};
use pci_redact::{BuildError, Kind, MaskStyle, Redactor};

/// Label templates that build (free-form ones mostly do not).
const LABELS: &[&str] = &[
    "[CARD {brand} ending {last4}]",
    "{KIND}",
    "<{kind}:{token}>",
    "",
    "{last4}{last4}",
    "[REDACTED {kind}]",
    "\u{2588}\u{2588}",
];

/// A mask style as the fuzzer picks it.
#[derive(Arbitrary, Debug)]
enum Style {
    Full,
    KeepLast(u8),
    First6Last4,
    First8Last4,
    /// One of [`LABELS`].
    Label(u8),
    /// A template of the fuzzer's own (usually invalid).
    FreeLabel(String),
    Token,
    Remove,
    /// A style name for [`pci_redact::RedactorBuilder::mask_named`].
    Named(String),
}

/// The mask character.
#[derive(Arbitrary, Debug)]
enum MaskChar {
    Default,
    Ascii(u8),
    Any(char),
}

/// Every builder setting.
#[derive(Arbitrary, Debug)]
struct Settings {
    /// A bit set of [`Kind::ALL`]; `None` keeps the default (all kinds).
    kinds: Option<u8>,
    /// Set the kinds through `kind_names`, with an extra name.
    by_name: Option<String>,
    styles: [Option<Style>; 6],
    mask_char: MaskChar,
    key: Option<Vec<u8>>,
    spoken: Option<bool>,
    allow_test_cards: Option<bool>,
    /// Chunk size for the stream check (0 means 1).
    chunk: u8,
}

fuzz_target!(|data: &[u8]| -> Corpus {
    let mut u = Unstructured::new(data);
    let Ok(settings) = Settings::arbitrary(&mut u) else {
        return Corpus::Reject;
    };
    let hay = u.take_rest();
    if hay.len() > 16 * 1024 {
        return Corpus::Reject;
    }
    match build(&settings) {
        Ok(r) => check(&settings, &r, hay),
        Err(e) => check_error(&e),
    }
    Corpus::Keep
});

fn build(s: &Settings) -> Result<Redactor, BuildError> {
    let mut b = Redactor::builder();
    if let Some(bits) = s.kinds {
        let kinds: Vec<Kind> = Kind::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| bits >> i & 1 == 1)
            .map(|(_, &k)| k)
            .collect();
        match &s.by_name {
            Some(extra) => {
                let mut names: Vec<&str> =
                    kinds.iter().map(|k| k.as_str()).collect();
                names.push(extra);
                b.kind_names(names)?;
            }
            None => {
                b.kinds(kinds);
            }
        }
    }
    for (kind, style) in Kind::ALL.iter().zip(&s.styles) {
        let style = match style {
            None => continue,
            Some(Style::Full) => MaskStyle::Full,
            Some(Style::KeepLast(n)) => MaskStyle::KeepLast(*n),
            Some(Style::First6Last4) => MaskStyle::KeepFirst6Last4,
            Some(Style::First8Last4) => MaskStyle::KeepFirst8Last4,
            Some(Style::Label(i)) => MaskStyle::Label(
                LABELS[usize::from(*i) % LABELS.len()].to_string(),
            ),
            Some(Style::FreeLabel(t)) => MaskStyle::Label(t.clone()),
            Some(Style::Token) => MaskStyle::Token,
            Some(Style::Remove) => MaskStyle::Remove,
            Some(Style::Named(name)) => {
                b.mask_named(kind.as_str(), name)?;
                continue;
            }
        };
        b.mask(*kind, style);
    }
    match s.mask_char {
        MaskChar::Default => {}
        MaskChar::Ascii(c) => {
            b.mask_char(char::from(c & 0x7f));
        }
        MaskChar::Any(c) => {
            b.mask_char(c);
        }
    }
    if let Some(k) = &s.key {
        b.token_key(k);
    }
    if let Some(yes) = s.spoken {
        b.spoken(yes);
    }
    if let Some(yes) = s.allow_test_cards {
        b.allow_test_cards(yes);
    }
    b.build()
}

/// A configuration error names an option and reads as a lowercase message.
fn check_error(e: &BuildError) {
    let msg = e.to_string();
    assert!(
        msg.starts_with(|c: char| c.is_ascii_lowercase()),
        "error message must start lowercase: {msg:?}"
    );
    assert!(
        ["kinds", "mask", "label", "token_key", "mask_char", "option"]
            .contains(&e.option()),
        "unexpected option name {:?}",
        e.option()
    );
}

/// Whether every kind that is on keeps the length of ASCII text.
fn length_preserving(s: &Settings, r: &Redactor) -> bool {
    let ascii_mask = match s.mask_char {
        MaskChar::Default | MaskChar::Ascii(_) => true,
        MaskChar::Any(c) => c.is_ascii(),
    };
    ascii_mask
        && Kind::ALL.iter().all(|&k| {
            !r.detects(k)
                || matches!(
                    r.mask_style(k),
                    MaskStyle::Full | MaskStyle::KeepLast(_)
                )
        })
}

fn check(s: &Settings, r: &Redactor, hay: &[u8]) {
    let fs = r.find_bytes(hay);
    let mut last = 0;
    for f in &fs {
        let sp = f.span();
        assert!(sp.start >= last, "findings overlap or are out of order");
        assert!(sp.start < sp.end && sp.end <= hay.len(), "bad span {sp:?}");
        assert!(r.detects(f.kind()), "finding of a kind that is off");
        last = sp.end;
        if matches!(f.kind(), Kind::Card | Kind::Track) {
            let digits: String = hay[sp.range()]
                .iter()
                .filter(|b| b.is_ascii_digit())
                .map(|&b| char::from(b))
                .collect();
            if digits.len() >= 12 {
                for shown in [format!("{f:?}"), format!("{f}")] {
                    assert!(
                        !shown.contains(&digits),
                        "a finding's text shows its digits"
                    );
                }
            }
        }
    }

    let out = r.redact_bytes(hay);
    assert_eq!(fs.is_empty(), matches!(out, Cow::Borrowed(_)));
    let mut expect = Vec::with_capacity(hay.len());
    let mut at = 0;
    for f in &fs {
        let sp = f.span();
        expect.extend_from_slice(&hay[at..sp.start]);
        expect.extend_from_slice(&r.replacement(f, &hay[sp.range()]));
        at = sp.end;
    }
    expect.extend_from_slice(&hay[at..]);
    assert!(*out == expect[..], "output is not the input with replacements");

    if hay.is_ascii() && length_preserving(s, r) {
        assert_eq!(out.len(), hay.len(), "length-preserving policy");
        let mut buf = hay.to_vec();
        let n = r.redact_in_place(&mut buf).expect("length is kept");
        assert_eq!(n, fs.len());
        assert!(buf[..] == out[..], "in-place output differs");
    }

    if let Ok(text) = std::str::from_utf8(hay) {
        assert!(r.find(text) == fs, "find and find_bytes differ");
        assert!(r.redact(text).as_bytes() == &out[..], "redact differs");
    }

    let mut st = r.stream();
    st.record_findings(true);
    let mut streamed = Vec::new();
    for piece in hay.chunks(usize::from(s.chunk.max(1))) {
        st.push(piece, &mut streamed);
    }
    st.finish(&mut streamed);
    assert!(streamed[..] == out[..], "stream output differs from one-shot");
    assert!(st.take_findings() == fs, "stream findings differ");
}
