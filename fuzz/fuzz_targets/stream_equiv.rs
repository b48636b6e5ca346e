//! The central streaming property: for arbitrary bytes cut at arbitrary
//! points, the stream's output and recorded findings equal one-shot
//! redaction, and the stream never holds back more than
//! [`pci_redact::MAX_HOLDBACK`] bytes.
//!
//! Input layout (so that plain text seeds stay readable):
//!
//! ```text
//! [policy byte] [n] [n chunk lengths, one byte each] [text …]
//! ```
//!
//! The chunk lengths are used in turn, over and over, until the text is
//! used up; a length of 0 pushes an empty chunk (when all are 0, the text
//! follows them in one piece). With `n = 0` the text is pushed in one
//! piece. The policy byte picks spoken forms on or off, the
//! mask character (`*`, `#` or the multi-byte `█`) and the card style,
//! because the scanner reads its own mask character when it meets text
//! that was redacted before.

#![no_main]

use libfuzzer_sys::{fuzz_target, Corpus};
use pci_redact::{Kind, MaskStyle, Redactor, MAX_HOLDBACK};

fn redactor(policy: u8) -> Redactor {
    let mut b = Redactor::builder();
    b.spoken(policy & 1 == 0);
    b.mask_char(match policy >> 1 & 3 {
        0 | 3 => '*',
        1 => '#',
        _ => '\u{2588}',
    });
    b.mask(
        Kind::Card,
        match policy >> 3 & 3 {
            0 => MaskStyle::KeepLast(4),
            1 => MaskStyle::Full,
            2 => MaskStyle::Label("[{KIND} {last4}]".into()),
            _ => MaskStyle::Remove,
        },
    );
    b.build().expect("valid policy")
}

fuzz_target!(|data: &[u8]| -> Corpus {
    let (policy, n) = match data {
        [p, n, ..] => (*p, usize::from(*n)),
        _ => return Corpus::Reject,
    };
    let Some(cuts) = data.get(2..2 + n) else { return Corpus::Reject };
    let text = &data[2 + n..];
    if text.len() > 64 * 1024 {
        return Corpus::Reject;
    }
    let r = redactor(policy);
    let want = r.redact_bytes(text);
    let want_findings = r.find_bytes(text);

    let mut s = r.stream();
    s.record_findings(true);
    let mut out = Vec::new();
    let mut findings = Vec::new();
    let utf8 = std::str::from_utf8(text).is_ok();
    let mut at = 0;
    let mut k = 0;
    let all_zero = cuts.iter().all(|&c| c == 0);
    while at < text.len() {
        let len = if cuts.is_empty() || all_zero && k >= cuts.len() {
            text.len()
        } else {
            usize::from(cuts[k % cuts.len()])
        };
        k += 1;
        let end = (at + len).min(text.len());
        let before = out.len();
        s.push(&text[at..end], &mut out);
        at = end;
        assert_eq!(s.position(), at as u64, "position counts pushed bytes");
        assert!(s.held() <= MAX_HOLDBACK, "held {} bytes", s.held());
        assert!(
            s.peak_held() <= MAX_HOLDBACK,
            "peak hold-back {} exceeds MAX_HOLDBACK",
            s.peak_held()
        );
        assert!(
            want.starts_with(&out),
            "released output is not a prefix of the one-shot output"
        );
        if utf8 {
            assert!(
                std::str::from_utf8(&out[before..]).is_ok(),
                "output released inside a character"
            );
        }
        findings.extend(s.take_findings());
    }
    s.finish(&mut out);
    findings.extend(s.take_findings());
    assert_eq!(s.held(), 0, "finish releases everything");
    assert!(out[..] == want[..], "stream output differs from one-shot");
    assert!(findings == want_findings, "stream findings differ");
    Corpus::Keep
});
