//! The time of one call of `Redactor::redact` on a short message, as a
//! webchat backend makes one a message: `call MESSAGE…` prints the
//! nanoseconds a call for each message, over ten million calls
//! (`CALLS=1000` for a profiler).

fn main() {
    let r = pci_redact::Redactor::new();
    let n: u32 = std::env::var("CALLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000_000);
    for msg in std::env::args().skip(1) {
        let t = std::time::Instant::now();
        let mut k = 0;
        for _ in 0..n {
            let out = r.redact(std::hint::black_box(&msg));
            k += std::hint::black_box(out).len();
        }
        let ns = t.elapsed().as_secs_f64() * 1e9 / f64::from(n);
        eprintln!("{:>4} bytes: {ns:.1} ns a call ({k} bytes out)", msg.len());
    }
}
