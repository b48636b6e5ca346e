//! Redacts one file many times, for a profiler to look at (the comparison
//! corpora, say): `file PATH [numeric]`, `HOT_ITERS=50` for more passes.

fn main() {
    let path = std::env::args().nth(1).expect("usage: file PATH [numeric]");
    let spoken = std::env::args().nth(2).as_deref() != Some("numeric");
    let text = std::fs::read(&path).expect("readable file");
    let r =
        pci_redact::Redactor::builder().spoken(spoken).build().expect("valid");
    let iters = pci_redact_bench::hot_iters();
    let t = std::time::Instant::now();
    for _ in 0..iters {
        std::hint::black_box(r.redact_bytes(&text));
    }
    let mb = (iters * text.len()) as f64 / 1e6;
    eprintln!("{:.1} MB/s", mb / t.elapsed().as_secs_f64());
}
