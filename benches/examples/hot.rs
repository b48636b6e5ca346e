//! Redacts one bench corpus many times, for a profiler to look at.
//! `chat-messages` is the chat corpus redacted a line at a time, as a
//! webchat backend calls the library once a message; `chat-unicode` is the
//! chat corpus with quotes, dashes, accented letters and emoji;
//! `prose-number-words` is prose with number words that are no card data;
//! `syslog` is system log records with the month named in words.

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let spoken = std::env::args().nth(2).as_deref() != Some("numeric");
    let c = match which.as_str() {
        "chat" | "chat-messages" => pci_redact_bench::chat(4 << 20),
        "chat-unicode" => pci_redact_bench::chat_unicode(4 << 20),
        "prose-number-words" => pci_redact_bench::prose_number_words(4 << 20),
        "logs" => pci_redact_bench::logs(4 << 20),
        "syslog" => pci_redact_bench::syslog(4 << 20),
        "transcripts" => pci_redact_bench::transcripts(1 << 20),
        "rows" => pci_redact_bench::rows(4 << 20),
        _ => pci_redact_bench::clean_prose(4 << 20),
    };
    let r =
        pci_redact::Redactor::builder().spoken(spoken).build().expect("valid");
    // HOT_ITERS=50 for a profiler.
    let iters = pci_redact_bench::hot_iters();
    let t = std::time::Instant::now();
    let mut n = 0;
    let messages: Vec<&str> = if which == "chat-messages" {
        c.text.lines().collect()
    } else {
        vec![&c.text]
    };
    for _ in 0..iters {
        for m in &messages {
            n += r.redact(m).len();
        }
    }
    let mb = (iters * c.text.len()) as f64 / 1e6;
    let secs = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    let mut d = 0;
    for _ in 0..iters {
        d += pci_redact_bench::count_digits(std::hint::black_box(
            c.text.as_bytes(),
        ));
    }
    let floor = mb / t.elapsed().as_secs_f64();
    eprintln!(
        "{n} bytes, {:.1} MB/s; digit-count floor {floor:.0} MB/s ({d} digits); ratio {:.4}",
        mb / secs,
        mb / secs / floor
    );
}
