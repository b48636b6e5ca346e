//! One-shot redaction throughput on eight corpora, next to the floor: a
//! plain count of ASCII digits over the same bytes.
//!
//! Run: `cargo bench -p pci-redact-bench --bench redact`. Each corpus's
//! finding count is checked before anything is timed.

use criterion::{
    black_box, criterion_group, criterion_main, Criterion, Throughput,
};
use pci_redact::Redactor;
use pci_redact_bench::{
    chat, chat_unicode, clean_prose, count_digits, logs, prose_number_words,
    rows, syslog, transcripts, Corpus,
};

const SIZE: usize = 4 << 20;

fn bench(c: &mut Criterion) {
    let spoken = Redactor::new();
    let numeric = Redactor::builder().spoken(false).build().expect("valid");
    let corpora: [(&str, Corpus); 8] = [
        ("clean-prose", clean_prose(SIZE)),
        ("prose-number-words", prose_number_words(SIZE)),
        ("chat", chat(SIZE)),
        ("chat-unicode", chat_unicode(SIZE)),
        ("logs", logs(SIZE)),
        ("syslog", syslog(SIZE)),
        ("transcripts", transcripts(SIZE)),
        ("rows", rows(SIZE)),
    ];
    for (name, corpus) in &corpora {
        let text = &corpus.text;
        assert_eq!(spoken.find(text).len(), corpus.findings, "{name}");
        let mut g = c.benchmark_group(*name);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("floor-digit-count", |b| {
            b.iter(|| count_digits(black_box(text.as_bytes())))
        });
        g.bench_function("redact", |b| {
            b.iter(|| spoken.redact(black_box(text)).len())
        });
        g.bench_function("redact-numeric-only", |b| {
            b.iter(|| numeric.redact(black_box(text)).len())
        });
        // A webchat backend's loops: one call a message (a line here; each
        // finding of this corpus stands in one line), and one buffer,
        // written again and again.
        if *name == "chat" {
            let messages: Vec<&str> = text.lines().collect();
            let found: usize =
                messages.iter().map(|m| spoken.find(m).len()).sum();
            assert_eq!(found, corpus.findings, "{name} by message");
            g.bench_function("redact-per-message", |b| {
                b.iter(|| {
                    messages
                        .iter()
                        .map(|m| spoken.redact(black_box(m)).len())
                        .sum::<usize>()
                })
            });
            let mut buf = String::with_capacity(text.len());
            g.bench_function("redact-with-buffer", |b| {
                b.iter(|| {
                    buf.clear();
                    spoken.redact_with(black_box(text), &mut buf, |_| true)
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
