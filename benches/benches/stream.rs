//! Stream throughput at 64 B, 4 KiB and 64 KiB chunks against one-shot
//! redaction of the same chat corpus.
//!
//! Run: `cargo bench -p pci-redact-bench --bench stream`. The stream's
//! output is checked against one-shot output before anything is timed.

use criterion::{
    black_box, criterion_group, criterion_main, Criterion, Throughput,
};
use pci_redact::Redactor;
use pci_redact_bench::chat;

fn stream(r: &Redactor, text: &[u8], chunk: usize, out: &mut Vec<u8>) {
    out.clear();
    let mut s = r.stream();
    for c in text.chunks(chunk) {
        s.push(c, out);
    }
    s.finish(out);
}

fn bench(c: &mut Criterion) {
    let r = Redactor::new();
    let corpus = chat(4 << 20);
    let text = corpus.text.as_bytes();
    let want = r.redact_bytes(text).into_owned();
    let mut out = Vec::with_capacity(text.len());
    for chunk in [64, 4096, 65536] {
        stream(&r, text, chunk, &mut out);
        assert!(out == want, "stream at {chunk} differs from one-shot");
    }
    let mut g = c.benchmark_group("stream");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("oneshot", |b| {
        b.iter(|| r.redact_bytes(black_box(text)).len())
    });
    for (name, chunk) in
        [("chunk-64", 64), ("chunk-4k", 4096), ("chunk-64k", 65536)]
    {
        g.bench_function(name, |b| {
            b.iter(|| {
                stream(&r, black_box(text), chunk, &mut out);
                out.len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
