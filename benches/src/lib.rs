//! Seeded synthetic corpora for the benchmarks, each with the number of
//! findings the default redactor must report on it.
//!
//! Only published test card numbers and sample SSNs are planted. The
//! generator is a fixed xorshift, so a corpus is the same on every machine.

/// A generated corpus and what the default redactor must find in it.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The text.
    pub text: String,
    /// Findings of the default redactor (every kind, spoken forms on).
    pub findings: usize,
}

/// A small deterministic generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One element of `xs`.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "delivery",
    "was",
    "late",
    "again",
    "and",
    "I",
    "would",
    "like",
    "a",
    "refund",
    "please",
    "check",
    "status",
    "of",
    "my",
    "parcel",
    "we",
    "are",
    "sorry",
    "about",
    "that",
    "can",
    "you",
    "confirm",
    "your",
    "address",
    "thanks",
    "for",
    "waiting",
    "let",
    "me",
    "look",
    "into",
    "this",
    "it",
    "says",
    "shipped",
    "yesterday",
    "should",
    "arrive",
    "soon",
    "great",
    "have",
    "nice",
    "day",
    "hello",
    "there",
    "how",
    "help",
    "today",
    "jacket",
    "size",
    "colour",
    "blue",
    "exchange",
    "policy",
    "store",
    "online",
    "email",
    "receipt",
    "password",
    "reset",
    "login",
];

const CARDS: &[&str] = &[
    "4111 1111 1111 1111",
    "5555555555554444",
    "3782 822463 10005",
    "6011-1111-1111-1117",
    "4012888888881881",
    "5105 1051 0510 5100",
];

fn sentence(rng: &mut Rng, out: &mut String, words: usize) {
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick(WORDS));
    }
    out.push_str(if rng.below(5) == 0 { "?" } else { "." });
}

/// Prose with no digits at all: `size` bytes or a little more.
pub fn clean_prose(size: usize) -> Corpus {
    let mut rng = Rng::new(1);
    let mut text = String::with_capacity(size + 128);
    while text.len() < size {
        let n = 6 + rng.below(12);
        sentence(&mut rng, &mut text, n);
        text.push(if rng.below(8) == 0 { '\n' } else { ' ' });
    }
    Corpus { text, findings: 0 }
}

/// Phrases with number words that are no card data, as English text
/// holds them.
const NUMBER_PHRASES: &[&str] = &[
    "I have one question",
    "two of them",
    "it took four days",
    "we may need to check",
    "one more thing",
    "the first one",
    "in one or two days",
    "oh I see",
    "a hundred times",
    "at three in the afternoon",
    "June was busy",
];

/// Prose with no digits but with number words that are no card data in
/// about one sentence in three ("I have one question", "we may need to
/// check", "a hundred times"): text a spoken-number reader must read and
/// pass over. `size` bytes or a little more, and no finding.
pub fn prose_number_words(size: usize) -> Corpus {
    let mut rng = Rng::new(11);
    let mut text = String::with_capacity(size + 128);
    while text.len() < size {
        if rng.below(3) == 0 {
            text.push_str(rng.pick(NUMBER_PHRASES));
            text.push(' ');
        }
        let n = 6 + rng.below(12);
        sentence(&mut rng, &mut text, n);
        text.push(if rng.below(8) == 0 { '\n' } else { ' ' });
    }
    Corpus { text, findings: 0 }
}

/// Webchat lines with times, order numbers and prices, and about one
/// finding per 2 KB (cards, CVVs, expiry dates, SSNs).
pub fn chat(size: usize) -> Corpus {
    let mut rng = Rng::new(2);
    let mut text = String::with_capacity(size + 256);
    let mut findings = 0;
    let mut since = 0usize;
    while text.len() < size {
        let start = text.len();
        let h = rng.below(24);
        let m = rng.below(60);
        let who = if rng.below(2) == 0 { "customer" } else { "agent" };
        text.push_str(&format!("[{h:02}:{m:02}] {who}: "));
        if since >= 2048 {
            since = 0;
            match rng.below(4) {
                0 => {
                    text.push_str("my card is ");
                    text.push_str(rng.pick(CARDS));
                    findings += 1;
                }
                1 => {
                    text.push_str("card ");
                    text.push_str(rng.pick(CARDS));
                    text.push_str(" exp 12/27 cvv 123");
                    findings += 3;
                }
                2 => {
                    text.push_str("ssn 078-05-1120");
                    findings += 1;
                }
                _ => {
                    text.push_str("the security code is 737");
                    findings += 1;
                }
            }
        } else {
            let n = 4 + rng.below(14);
            sentence(&mut rng, &mut text, n);
            match rng.below(4) {
                0 => {
                    let n = 10_000_000 + rng.below(89_999_999);
                    text.push_str(&format!(" order {n} shipped."));
                }
                1 => {
                    let d = rng.below(500);
                    let c = rng.below(100);
                    text.push_str(&format!(" it was ${d}.{c:02} in total."));
                }
                _ => {}
            }
        }
        text.push('\n');
        since += text.len() - start;
    }
    Corpus { text, findings }
}

/// Characters outside ASCII that chat text is full of: curly quotes and
/// apostrophes, dashes, an ellipsis, accented letters, emoji.
const DECORATIONS: &[&str] = &[
    "it\u{2019}s",
    "don\u{2019}t",
    "\u{201C}thanks\u{201D}",
    "ok\u{2026}",
    "caf\u{E9}",
    "\u{2014}",
    "\u{1F600}",
    "\u{1F44D}",
    "na\u{EF}ve",
];

/// The [`chat`] corpus with one or two words with characters outside ASCII
/// (a curly quote or apostrophe, a dash, an ellipsis, an accented letter,
/// an emoji) at the end of half its lines without a finding: the same
/// findings, in text with such characters between them.
pub fn chat_unicode(size: usize) -> Corpus {
    let plain = chat(size);
    let mut rng = Rng::new(7);
    let mut text = String::with_capacity(plain.text.len() * 11 / 10);
    for line in plain.text.lines() {
        text.push_str(line);
        let finding =
            ["card", "ssn", "security"].iter().any(|k| line.contains(k));
        if !finding && rng.below(2) == 0 {
            for _ in 0..1 + rng.below(2) {
                text.push(' ');
                text.push_str(rng.pick(DECORATIONS));
            }
        }
        text.push('\n');
    }
    Corpus { text, findings: plain.findings }
}

/// Log lines dense with digits: timestamps, epoch milliseconds, ids,
/// phone numbers, IP addresses, durations; a card every 400 lines.
pub fn logs(size: usize) -> Corpus {
    let mut rng = Rng::new(3);
    let mut text = String::with_capacity(size + 256);
    let mut findings = 0;
    let mut line = 0;
    while text.len() < size {
        line += 1;
        let ms = 1_700_000_000_000u64 + rng.next_u64() % 10_000_000_000;
        text.push_str(&format!(
            "2026-11-{:02}T{:02}:{:02}:{:02}.{:03}Z INFO ts={ms} req={} user={} \
             order={} ip=10.{}.{}.{} took={}ms phone=+1 555 {:03} {:04}",
            1 + rng.below(28),
            rng.below(24),
            rng.below(60),
            rng.below(60),
            rng.below(1000),
            rng.next_u64() % 1_000_000_000,
            rng.below(100_000),
            10_000_000 + rng.below(89_999_999),
            rng.below(256),
            rng.below(256),
            rng.below(256),
            rng.below(5000),
            rng.below(1000),
            rng.below(10000),
        ));
        end_record(&mut rng, &mut text, line, &mut findings);
    }
    Corpus { text, findings }
}

/// Ends log record `line` of [`logs`] or [`syslog`]: a card in one record
/// of 400 (counted in `findings`), then the line break.
fn end_record(
    rng: &mut Rng,
    text: &mut String,
    line: usize,
    findings: &mut usize,
) {
    if line.is_multiple_of(400) {
        text.push_str(" card=");
        text.push_str(rng.pick(CARDS));
        *findings += 1;
    }
    text.push('\n');
}

/// System log records as syslog writes them: the month named in words, the
/// day and the time, the host and the process with its id, then a message
/// with user names, addresses, ports, order numbers and amounts; a card in
/// a payment message every 400 records.
pub fn syslog(size: usize) -> Corpus {
    const MONTHS: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec",
    ];
    const USERS: &[&str] = &["alice", "bob", "deploy", "backup"];
    let mut rng = Rng::new(5);
    let mut text = String::with_capacity(size + 256);
    let mut findings = 0;
    let mut line = 0;
    while text.len() < size {
        line += 1;
        text.push_str(&format!(
            "{} {:2} {:02}:{:02}:{:02} web{} ",
            rng.pick(MONTHS),
            1 + rng.below(28),
            rng.below(24),
            rng.below(60),
            rng.below(60),
            1 + rng.below(9),
        ));
        let ip = format!(
            "10.{}.{}.{}",
            rng.below(256),
            rng.below(256),
            rng.below(256)
        );
        let user = rng.pick(USERS);
        let message = match rng.below(5) {
            0 => format!(
                "sshd[{}]: Accepted password for {user} from {ip} port {} ssh2",
                100 + rng.below(99_900),
                1024 + rng.below(64_000),
            ),
            1 => format!(
                "sshd[{}]: Connection closed by {ip} port {} [preauth]",
                100 + rng.below(99_900),
                1024 + rng.below(64_000),
            ),
            2 => format!(
                "systemd[1]: Started Session {} of user {user}.",
                1 + rng.below(9999),
            ),
            3 => format!(
                "CRON[{}]: ({user}) CMD (run-parts /etc/cron.hourly)",
                100 + rng.below(99_900),
            ),
            _ => format!(
                "payments[{}]: charged order {} amount {}.{:02} status=200",
                100 + rng.below(99_900),
                10_000_000 + rng.below(89_999_999),
                1 + rng.below(500),
                rng.below(100),
            ),
        };
        text.push_str(&message);
        end_record(&mut rng, &mut text, line, &mut findings);
    }
    Corpus { text, findings }
}

/// Delimited rows, as a CSV export of a contact centre's call table:
/// ids, counts, durations and amounts split by commas, a free-text note at
/// the end of each row, and a card in a note every 200 rows.
pub fn rows(size: usize) -> Corpus {
    const NOTES: &[&str] =
        &["callback requested", "refund issued", "", "escalated", "resolved"];
    // The numeric fields before the amount: call id, agent, queue, wait
    // and talk seconds, as (lowest value, number of values).
    const FIELDS: [(usize, usize); 5] =
        [(100_000, 900_000), (0, 100), (0, 12), (0, 600), (0, 3600)];
    let mut rng = Rng::new(5);
    let mut text = String::with_capacity(size + 256);
    text.push_str("call_id,agent,queue,wait_s,talk_s,amount,items,note\n");
    let mut findings = 0;
    let mut row = 0;
    while text.len() < size {
        row += 1;
        for (lo, n) in FIELDS {
            text.push_str(&format!("{},", lo + rng.below(n)));
        }
        let (units, cents) = (rng.below(500), rng.below(100));
        text.push_str(&format!("{units}.{cents:02},{},", rng.below(20)));
        if row % 200 == 0 {
            text.push_str("paid by card ");
            text.push_str(rng.pick(CARDS));
            findings += 1;
        } else {
            text.push_str(rng.pick(NOTES));
        }
        text.push('\n');
    }
    Corpus { text, findings }
}

const SPOKEN_CARDS: &[&str] = &[
    "four one one one one one one one one one one one one one one one",
    "five five five five, five five five five, five five five five, four four four four",
    "four oh one two eight eight eight eight eight eight eight eight one eight eight one",
];

/// Call-center transcripts: mostly words, a spoken card, expiry and CVV in
/// about one call in ten, and numbers that are not card data (times,
/// prices, counts).
pub fn transcripts(size: usize) -> Corpus {
    let mut rng = Rng::new(4);
    let mut text = String::with_capacity(size + 512);
    let mut findings = 0;
    let mut call = 0;
    while text.len() < size {
        call += 1;
        text.push_str(
            "agent: thank you for calling how can I help you today\n",
        );
        for _ in 0..6 + rng.below(10) {
            text.push_str(if rng.below(2) == 0 {
                "customer: "
            } else {
                "agent: "
            });
            let n = 5 + rng.below(15);
            sentence(&mut rng, &mut text, n);
            if rng.below(6) == 0 {
                text.push_str(
                    " it was nineteen ninety nine and I called at two thirty",
                );
            }
            text.push('\n');
        }
        if call % 10 == 0 {
            text.push_str("agent: can I take the long number on the card\n");
            text.push_str("customer: yes it's ");
            text.push_str(rng.pick(SPOKEN_CARDS));
            text.push_str("\nagent: and the expiry date\ncustomer: expires oh four twenty seven\n");
            text.push_str("agent: and the security code on the back\ncustomer: the security code is three nine two\n");
            findings += 3;
        }
    }
    Corpus { text, findings }
}

/// How many passes the profiling examples make: `HOT_ITERS`, or 5.
pub fn hot_iters() -> usize {
    std::env::var("HOT_ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(5)
}

/// The number of ASCII digits in `text`: the floor a redactor's scan is
/// measured against.
pub fn count_digits(text: &[u8]) -> usize {
    // Written so the compiler vectorises it: the plain scan for digits a
    // redactor cannot beat.
    text.chunks(255)
        .map(|c| {
            let n = c.iter().fold(0u8, |a, &b| {
                a.wrapping_add(u8::from(b.wrapping_sub(b'0') < 10))
            });
            usize::from(n)
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pci_redact::Redactor;

    #[test]
    fn corpora_have_their_finding_counts() {
        let r = Redactor::new();
        for c in [
            clean_prose(200_000),
            chat(200_000),
            logs(200_000),
            syslog(200_000),
            transcripts(200_000),
        ] {
            assert_eq!(r.find(&c.text).len(), c.findings);
        }
    }
}
