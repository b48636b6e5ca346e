//! Property tests against a naive oracle, and the stream/one-shot
//! equivalence on random text with random cut points.
//!
//! `PROPTEST_CASES` raises the number of cases (`.ci/run` sets it).

use pci_redact::{Kind, Redactor};
use proptest::prelude::*;

/// A naive card finder: maximal runs of digits joined by single spaces or
/// dashes, 13 to 19 digits, a Luhn check and a four-brand prefix table.
/// Written without anything from the crate under test.
fn naive(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit()
            || (i > 0 && b[i - 1].is_ascii_alphanumeric())
        {
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
            } else if (b[j] == b' ' || b[j] == b'-')
                && j + 1 < b.len()
                && b[j + 1].is_ascii_digit()
            {
                j += 1;
            } else {
                break;
            }
        }
        let letter_after = end < b.len() && b[end].is_ascii_alphabetic();
        if !letter_after && is_card(&digits) {
            out.push((start, end));
        }
        i = end.max(i + 1);
    }
    out
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

/// A Luhn-valid number of one of the oracle's brands.
fn card() -> impl Strategy<Value = Vec<u8>> {
    (0usize..5, proptest::collection::vec(0u8..10, 18)).prop_map(|(k, r)| {
        let (prefix, len): (&[u8], usize) = match k {
            0 => (&[4], 16),
            1 => (&[4], 13),
            2 => (&[5, 3], 16),
            3 => (&[3, 7], 15),
            _ => (&[6, 0, 1, 1], 16),
        };
        let mut d: Vec<u8> = prefix.to_vec();
        d.extend_from_slice(&r[..len - prefix.len() - 1]);
        d.push(0);
        for c in 0..10 {
            *d.last_mut().expect("non-empty") = c;
            if luhn(&d) {
                break;
            }
        }
        d
    })
}

fn format_card(d: &[u8], style: u8) -> String {
    let s: String = d.iter().map(|x| char::from(b'0' + x)).collect();
    let sep = match style % 3 {
        0 => return s,
        1 => " ",
        _ => "-",
    };
    s.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).expect("ascii"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Text of plain words, short numbers and planted cards, each separated
/// by a word so that no two numbers form one run.
fn planted() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "hello", "blue", "price", "the", "agent", "thanks", "shipped", "yes",
        "please", "later", "x", "café", "naïve", "日本",
    ]);
    let item = prop_oneof![
        3 => word.clone().prop_map(String::from),
        1 => (1u32..999_999).prop_map(|n| n.to_string()),
        1 => (card(), any::<u8>()).prop_map(|(d, s)| format_card(&d, s)),
    ];
    proptest::collection::vec(
        (item, word, prop::sample::select(vec![" ", ", ", ". ", "\n"])),
        0..12,
    )
    .prop_map(|v| {
        v.into_iter()
            .map(|(a, w, p)| format!("{a} {w}{p}"))
            .collect::<String>()
    })
}

/// Text meant to stress the stream: keywords, spoken digits, multibyte
/// characters, separators and digits in any order.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "4111",
        "1111",
        " ",
        "-",
        "\u{a0}",
        "\u{200b}",
        "cvv ",
        "exp ",
        "12/27",
        "123",
        "four ",
        "one ",
        "double ",
        "ones ",
        "a hundred ",
        "oh ",
        "twenty ",
        "seven ",
        "my card is ",
        "ssn ",
        "123-45-6789",
        "\n",
        "é",
        "😀",
        "%B",
        " B",
        " B4111111111111111^DOE/JOHN^2712101",
        ";",
        "=",
        "?",
        "^",
        "pin ",
        "９",
        ".",
        "5555",
        "4444",
        "security code ",
        "uh ",
        "sorry ",
        "April ",
        "0",
        "IMEI ",
        "%20",
        "%2",
        "%2F",
        "+",
        "4111+",
        "&nbsp;",
        "&#160;",
        "\\u00a0",
        "\\u2009",
        "&#8217;",
        "\\u20",
        "exp_month=",
        "expiryYear\":\"",
        ",",
        ",424",
        "4,242",
        "*",
        "for ",
        "to ",
        "ate",
        "won ",
        "\nagent: ",
        "\ncustomer: ",
        "go ahead",
        "mhm ",
        "scratch that ",
        "code is ",
        "four twenty seven",
        "1,234,567",
        "and ",
        "/",
        "expiry/cvv: ",
        "the expiration month?",
        "and the year?",
        "march",
        "\n[10:01] customer: ",
        "\n2026-11-05 10:01:07 agent: ",
        // Parts of a number read back by the other side.
        "\ncustomer: 4111 1111\nagent: 4111 1111",
        "\ncustomer: 1111 1111\nagent: 1111 1111?",
        "\ncustomer: 5105 1051\nagent: 5105 1051",
        "\ncustomer: 0510 5100\nagent: 0510 5100",
        ", correct?",
        " got it\n",
        "\ncustomer: cvv 737\nagent: 737",
        "\nagent: 12/27",
        "?\n",
    ]);
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// The pieces of `messy` separated by spaces.
fn spaced() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "4111",
        "1111",
        "-",
        "cvv",
        "exp",
        "12/27",
        "123",
        "four",
        "one",
        "double",
        "ones",
        "a hundred",
        "oh",
        "twenty",
        "seven",
        "my card is",
        "ssn",
        "123-45-6789",
        "\n",
        "é",
        "😀",
        "pin",
        "５",
        "5555",
        "4444",
        "security code",
        "uh",
        "sorry",
        "April",
        "0",
        "IMEI",
        "4111 1111 1111 1111",
        "5555555555554444",
        "378282246310005",
        "thanks",
        "order",
        "expires",
        "4111%201111",
        "%201111%20",
        "4111+1111+",
        "4111&nbsp;1111",
        "1111\\u00a01111",
        "4444%2D",
        "12%2F27",
        "exp_month=12",
        "expiryYear=2030",
        "exp_year:",
        "and",
        "/",
        "Expiry/CVV:",
    ]);
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn stream_out(
    r: &Redactor,
    input: &[u8],
    cuts: &[usize],
) -> (Vec<u8>, Vec<pci_redact::Finding>) {
    let mut s = r.stream();
    s.record_findings(true);
    let mut out = Vec::new();
    let mut at = 0;
    let mut cuts: Vec<usize> =
        cuts.iter().map(|c| c % (input.len() + 1)).collect();
    cuts.sort_unstable();
    for c in cuts {
        s.push(&input[at..c.max(at)], &mut out);
        at = c.max(at);
    }
    s.push(&input[at..], &mut out);
    s.finish(&mut out);
    (out, s.take_findings())
}

proptest! {
    #[test]
    fn find_agrees_with_naive_oracle(text in planted()) {
        let r = Redactor::builder().spoken(false).build().unwrap();
        let got: Vec<(usize, usize)> = r
            .find(&text)
            .iter()
            .filter(|f| f.kind() == Kind::Card)
            .map(|f| (f.span().start, f.span().end))
            .collect();
        prop_assert_eq!(got, naive(&text));
    }

    #[test]
    fn no_card_survives_and_length_is_kept(text in planted()) {
        let r = Redactor::new();
        let out = r.redact(&text);
        prop_assert!(naive(&out).is_empty(), "a card survived");
        prop_assert_eq!(out.len(), text.len());
    }

    /// A field's name only adds findings: every finding of the value
    /// alone is covered by one read with the name, the findings are in
    /// order and apart, no card the value alone masks survives, and ASCII
    /// keeps its length.
    #[test]
    fn field_names_only_add_findings(
        name in prop_oneof![
            Just(""), Just("cvv"), Just("exp_month"), Just("expYear"),
            Just("ssn"), Just("pin"), Just("order_id"), Just("card.number"),
            Just("tracking"), Just("note"), Just("cvv2"), Just("4111 1111"),
            Just("phone"), Just("imei"), Just("security_code"),
        ],
        value in prop_oneof![planted(), spaced(), messy()],
    ) {
        let r = Redactor::new();
        let alone = r.find(&value);
        let named = r.find_field(name, &value);
        for f in &alone {
            prop_assert!(
                named.iter().any(|g| g.start() < f.end() && f.start() < g.end()),
                "a finding of the value alone is lost"
            );
        }
        prop_assert!(named.windows(2).all(|w| w[0].end() <= w[1].start()));
        prop_assert!(named.iter().all(|f| f.end() as usize <= value.len()));
        // (Cards the value alone leaves, after "order" say, may stay.)
        // (Compared as text: masking a character outside ASCII moves the
        // cards after it.)
        let out = r.redact_field(name, &value);
        let alone = r.redact(&value);
        let cards = |t: &str| -> Vec<String> {
            naive(t).iter().map(|&(a, b)| t[a..b].to_string()).collect()
        };
        let left = cards(&alone);
        prop_assert!(
            cards(&out).iter().all(|c| left.contains(c)),
            "a card survived"
        );
        if value.is_ascii() {
            prop_assert_eq!(out.len(), value.len());
        }
    }

    /// Text redacted once is left alone by a second redaction. Checked on
    /// text whose tokens are separated by spaces, as people write; glued
    /// adversarial strings ("5555security code") are covered by the
    /// stream and no-panic properties instead.
    #[test]
    fn redaction_is_idempotent(text in prop_oneof![planted(), spaced()]) {
        let r = Redactor::new();
        let once = r.redact(&text).into_owned();
        let twice = r.redact(&once).into_owned();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn stream_equals_one_shot(
        text in prop_oneof![planted(), messy()],
        cuts in proptest::collection::vec(any::<usize>(), 0..8),
    ) {
        let r = Redactor::new();
        let want = r.redact_bytes(text.as_bytes()).into_owned();
        let (out, fs) = stream_out(&r, text.as_bytes(), &cuts);
        prop_assert_eq!(&out, &want);
        // The text path writes the same bytes as the byte path, with a
        // mask character of one byte or of three.
        prop_assert_eq!(r.redact(&text).as_bytes().to_vec(), want.clone());
        // Into a caller's buffer, after what it holds, the same again.
        let mut buf = String::from("> ");
        let n = r.redact_with(&text, &mut buf, |_| true);
        prop_assert_eq!(&buf.as_bytes()[2..], &want[..]);
        prop_assert_eq!(n, r.find(&text).len());
        let wide = Redactor::builder().mask_char('\u{2022}').build().unwrap();
        prop_assert_eq!(
            wide.redact(&text).as_bytes().to_vec(),
            wide.redact_bytes(text.as_bytes()).into_owned()
        );
        prop_assert_eq!(fs, r.find(&text));
        // One byte at a time, the hardest cut of all.
        let all: Vec<usize> = (0..text.len()).collect();
        let (out1, _) = stream_out(&r, text.as_bytes(), &all);
        prop_assert_eq!(out1, want);
        // With spoken forms off, the stream holds back no letters as the
        // start of a number word: what else it must hold back shows.
        let numeric = Redactor::builder().spoken(false).build().unwrap();
        let want = numeric.redact_bytes(text.as_bytes()).into_owned();
        let (out, _) = stream_out(&numeric, text.as_bytes(), &cuts);
        prop_assert_eq!(&out, &want);
        let (out1, _) = stream_out(&numeric, text.as_bytes(), &all);
        prop_assert_eq!(out1, want);
    }

    #[test]
    fn arbitrary_bytes_never_panic_or_lose_bytes(
        bytes in proptest::collection::vec(any::<u8>(), 0..300),
        cuts in proptest::collection::vec(any::<usize>(), 0..6),
    ) {
        let r = Redactor::new();
        let one = r.redact_bytes(&bytes).into_owned();
        let (out, _) = stream_out(&r, &bytes, &cuts);
        prop_assert_eq!(&out, &one);
        // Nothing found means every byte passes through unchanged.
        if r.find_bytes(&bytes).is_empty() {
            prop_assert_eq!(one, bytes);
        }
    }
}

/// A card after an SSN (or a card) printed in a run that a not-a-card
/// word starts ("IMEI 123-45-6789", then the card on the next line) is
/// found in the first reading, where the card keyword after the run
/// vouches for it as it does once the number before is masked.
#[test]
fn card_after_a_number_that_a_not_a_card_word_names() {
    let r = Redactor::new();
    let kinds = |text: &str| -> Vec<Kind> {
        r.find(text).iter().map(|f| f.kind()).collect()
    };
    for text in [
        "IMEI 123-45-6789 \n 5555 4111 1111 my card is ones",
        "IMEI 123-45-6789 \n \u{ff15} 5555 4111 1111 my card is ones",
        "order 123-45-6789\n5555 4111 1111 is my card",
    ] {
        assert_eq!(kinds(text), [Kind::Ssn, Kind::Card], "{text:?}");
        let once = r.redact(text).into_owned();
        assert!(once.contains("**** **** 1111"), "{once:?}");
        assert_eq!(r.redact(&once), once);
    }
    // After a card found in the run, as after the SSN.
    let text = "IMEI 4111 1111 1111 1111\n5555 4111 1111 my card";
    assert_eq!(kinds(text), [Kind::Card, Kind::Card], "{text:?}");
    // Without the keyword after, the word before still speaks of the run:
    // no card is read after the SSN.
    let text = "IMEI 123-45-6789 \n 5555 4111 1111 ok";
    assert_eq!(kinds(text), [Kind::Ssn], "{text:?}");
}

/// Inputs the idempotence property found, kept as plain cases: a second
/// redaction finds nothing the first left.
#[test]
fn redaction_is_idempotent_on_found_inputs() {
    let r = Redactor::new();
    for text in [
        // A keyword after a number that another number stands before
        // ("a hundred cvv") yields to a correction's: read again, the mask
        // of that number bounds its reach.
        "exp_month=12 sorry 12/27 a hundred cvv",
        // An SSN printed after a not-a-card word, in a run that goes on to
        // a card: once the SSN is masked the word no longer reaches the
        // card, so the first redaction reads the card as free of it too.
        "IMEI 123-45-6789 uh 4111%201111 4111 1111 1111 1111 \u{ff15}",
        "employee id 234-56-7890 and 4111%201111 4111 1111 1111 1111",
        // The last four a card keeps after a plus sign that joined its
        // groups ("****+1111") are the card's, read again.
        "123-45-6789 %201111%20 4111+1111+ four security code",
        // A phone number's shape right after a card, passed over, is
        // passed over after the card's kept four too.
        "4111 1111 1111 1111 123 123 5555 cvv thanks",
        // A PIN keyword before a date joined by a slash.
        "pin 4111%201111 12%2F27 exp_month=12",
        "pin twenty 12%2F27 4111%201111 double pin",
        // A phone number's shape before a spoken number, a break, is passed
        // over before that number's mask too.
        "cvv 123 123 5555 four 4111",
        // ...and after a mask, whose kept digits its first group may be.
        "123-45-6789 123 123 4111 cvv security code",
        // Two groups joined by a slash are a date and no PIN, after the
        // second is masked as an expiry date too.
        "pin 4111 / 4111 expires \n",
        // A phone number's shape right after a finding in the same run is
        // passed over after that finding's mask too.
        "expires 4111 123 123 4111 exp_month=12",
        // A year said in its field is masked in six characters, which
        // bound the next number's keyword look-behind: so does the year.
        "exp_year: twenty double 5555 security code ones",
        // The card keyword after a run vouches for a card after an SSN in
        // it, as it does once the SSN is masked: the not-a-card word
        // before the SSN no longer reaches the card.
        "IMEI 123-45-6789 \n \u{ff15} 5555 4111%201111 my card is ones",
        // ...and after a card found in the run.
        "IMEI 4444%2D 4444%2D %201111%20 \n 1111 uh 4111 4111%201111 my card is -",
        // The last four a card keeps after a filler word and six
        // separators, one of them escaped, are read as kept: the
        // separators count from the filler word, as the gap rule counts
        // them, not from the mask.
        "4111&nbsp;1111 %201111%20 / \n uh 1111 security code",
    ] {
        let once = r.redact(text).into_owned();
        let twice = r.redact(&once).into_owned();
        assert_eq!(twice, once, "{text:?}");
        assert!(!once.contains("4111 1111 1111 1111"), "{once:?}");
    }
}

/// Spoken groups joined by the words that name the next group ("and the
/// last four are"), and words that only start like them, cut anywhere: a
/// stream reads them as the one-shot reading does.
#[test]
fn group_labels_read_alike_at_every_cut() {
    let r = Redactor::new();
    for text in [
        "four one one one one one one one one one one one, and the last four \
         are one one one one. thanks",
        "four one one one one one one one one one one one the lastly four \
         one one one one",
        "five five five five five five five five five five five five next \
         four four four four four",
        "4111 1111 1111 last four 1111 and 4111 then 1111 then 1111 and last \
         1111, 5555 5555 5555 and finally 4444.",
        "123.45.67891 last four 123.45.6789 and 411111111111 finally 1111",
        // Turns that a timestamp starts.
        "[00:01:02] Customer: my card is 4242 4242\n[00:01:05] Agent: okay\n\
         [00:01:07] Customer: 4242 4242\n00:01:09 agent: thanks",
        "(1:02.250) four two four two four two four two\n(1:07.500) four \
         two four two four two four two\n10:30 ok",
        // The other side's words asked as a question between the turns; a
        // correction; a chip's track data.
        "customer: 5555 5555 5555\nagent: go ahead?\ncustomer: 4444 thanks",
        "Agent: CVV? Customer: 123, sorry, I mean 132 ok",
        "tag57=4761739001010010D25122011000000000F end",
        // Parts of a number read back by the other side, asked too.
        "customer: 4012 8888\nagent: 4012 8888?\ncustomer: 8888 1881\n\
         agent: 8888 1881? customer: yes",
        "Customer: the cvv is 737\nAgent: 737?\nCustomer: expiry twelve \
         twenty seven\nAgent: 12/27, thanks",
        "[00:01] caller: five one oh five\n[00:02] agent: five one oh five\n\
         [00:03] caller: 1051 0510 5100\n[00:04] agent: 1051 0510 5100",
    ] {
        let want = r.redact(text).into_owned();
        for cut in 0..=text.len() {
            let (out, _) = stream_out(&r, text.as_bytes(), &[cut]);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                want,
                "{text:?} {cut}"
            );
        }
    }
    // Where a window of the reading ends inside the words: after a long
    // spoken run, at every offset near the window's end.
    let streamed_alike = |text: String, what: &str| {
        let want = r.redact(&text).into_owned();
        let (out, _) = stream_out(&r, text.as_bytes(), &[]);
        assert_eq!(String::from_utf8(out).unwrap(), want, "{what}");
    };
    for pad in 0..24 {
        let (x, ones) = ("x ".repeat(pad), "one ".repeat(505));
        streamed_alike(
            format!("{x}{ones}, and the last four are one one one one"),
            &format!("{pad}"),
        );
        // And a question between two turns there.
        streamed_alike(
            format!(
                "{x}customer: {ones}\nagent: go ahead?\ncustomer: one one \
                 one one"
            ),
            &format!("{pad} asked"),
        );
    }
}

/// A value `field_names_only_add_findings` found: a `cvv` field holding a
/// longer number printed with glued dashes. Reading its first group as the
/// CVV left the rest in clear, where a card scanner that stops at the mask
/// sees 13 digits of a Visa that the value alone never shows.
#[test]
fn a_cvv_field_holding_a_dashed_id() {
    let r = Redactor::new();
    let value = "123-45-67894111123";
    assert!(r.find(value).is_empty());
    assert!(r.find_field("cvv", value).is_empty());
    assert_eq!(r.redact_field("cvv", value), value);
    // A code typed next to another stays a code, as does one before an
    // expiry date.
    assert_eq!(r.redact_field("cvv", "123-4567"), "***-****");
    assert_eq!(r.redact_field("cvv", "123-12/27"), "***-**/**");
}
