//! Conversation mode on arbitrary messages: `find_conversation` and
//! `redact_conversation` must not panic, must give one result per message,
//! and every finding must lie within its message, on character boundaries,
//! in order and without overlap. A message with no findings comes back
//! unchanged.
//!
//! Input layout (so that plain text seeds stay readable): messages
//! separated by the byte `0x1E` (record separator); the first byte of each
//! message picks its speaker (its value modulo 4), the rest is its text,
//! read as UTF-8 with invalid sequences replaced.

#![no_main]

use libfuzzer_sys::{fuzz_target, Corpus};
use pci_redact::{Message, Redactor};
use std::sync::OnceLock;

const SPEAKERS: [&str; 4] = ["agent", "customer", "customer2", ""];

/// At most this many messages are read from one input.
const MAX_MESSAGES: usize = 64;

fn redactors() -> &'static [Redactor; 2] {
    static R: OnceLock<[Redactor; 2]> = OnceLock::new();
    R.get_or_init(|| {
        let quiet = Redactor::builder()
            .spoken(false)
            .mask_char('#')
            .build()
            .expect("valid policy");
        [Redactor::new(), quiet]
    })
}

fuzz_target!(|data: &[u8]| -> Corpus {
    if data.len() > 64 * 1024 {
        return Corpus::Reject;
    }
    let parsed: Vec<(&str, String)> = data
        .split(|&b| b == 0x1E)
        .take(MAX_MESSAGES)
        .map(|m| match m.split_first() {
            Some((s, text)) => (
                SPEAKERS[usize::from(*s) % SPEAKERS.len()],
                String::from_utf8_lossy(text).into_owned(),
            ),
            None => (SPEAKERS[0], String::new()),
        })
        .collect();
    let msgs: Vec<Message<'_>> =
        parsed.iter().map(|(s, t)| Message::new(s, t)).collect();
    for r in redactors() {
        let found = r.find_conversation(&msgs);
        assert_eq!(found.len(), msgs.len(), "one result per message");
        for (m, fs) in msgs.iter().zip(&found) {
            let mut last = 0;
            for f in fs {
                let sp = f.span();
                assert!(sp.start >= last, "findings overlap or are unordered");
                assert!(sp.start < sp.end, "empty finding");
                assert!(sp.end <= m.text.len(), "finding past its message");
                assert!(
                    m.text.is_char_boundary(sp.start)
                        && m.text.is_char_boundary(sp.end),
                    "finding splits a character"
                );
                last = sp.end;
            }
        }
        let out = r.redact_conversation(&msgs);
        assert_eq!(out.len(), msgs.len(), "one output per message");
        for ((m, fs), o) in msgs.iter().zip(&found).zip(&out) {
            if fs.is_empty() {
                assert!(o == m.text, "a message without findings changed");
            }
        }
    }
    Corpus::Keep
});
