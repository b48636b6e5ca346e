//! Times the pci-redact core over one corpus file, for
//! `benches/compare/compare.py` (same protocol as `runners.py`):
//!
//! ```text
//! pci-redact-compare MODE CORPUS OUT_PREFIX   # MODE: file or line
//! pci-redact-compare MODE --startup
//! ```
//!
//! `file` calls `Redactor::redact_bytes` once over the whole file; `line`
//! calls it once per line. The timed pass repeats until it has run for two
//! seconds or 50 times and the fastest pass counts. The spans (byte offsets,
//! from `find_bytes`) are written to `OUT_PREFIX.spans.tsv` and the timing
//! to `OUT_PREFIX.json`. Nothing here prints a detected number.

use std::io::Write;
use std::time::{Duration, Instant};
use std::{env, fs, process};

use pci_redact::{Kind, Redactor};

const MIN_TOTAL: Duration = Duration::from_secs(2);
const MAX_REPS: u32 = 50;

fn kind_name(k: Kind) -> String {
    match k {
        Kind::Card | Kind::Ssn | Kind::Cvv | Kind::Expiry => {
            k.as_str().to_string()
        }
        _ => format!("other:{}", k.as_str()),
    }
}

/// The lines of `data`, without their newlines, with their start offsets.
fn lines(data: &[u8]) -> Vec<(usize, &[u8])> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in data.iter().enumerate() {
        if b == b'\n' {
            out.push((start, &data[start..i]));
            start = i + 1;
        }
    }
    out.push((start, &data[start..]));
    out
}

/// One timed pass; returns the total output length.
fn pass(r: &Redactor, data: &[u8], per_line: &[(usize, &[u8])]) -> usize {
    if per_line.is_empty() {
        r.redact_bytes(data).len()
    } else {
        per_line.iter().map(|(_, l)| r.redact_bytes(l).len()).sum()
    }
}

fn run(mode: &str, corpus: &str, out_prefix: &str) -> std::io::Result<()> {
    let r = Redactor::new();
    let data = fs::read(corpus)?;
    let per_line = if mode == "line" { lines(&data) } else { Vec::new() };
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut reps = 0;
    let mut out_len = 0;
    while reps < MAX_REPS && (reps == 0 || total < MIN_TOTAL) {
        let t0 = Instant::now();
        out_len = pass(&r, &data, &per_line);
        let dt = t0.elapsed();
        best = best.min(dt);
        total += dt;
        reps += 1;
    }
    let mut spans = Vec::new();
    if per_line.is_empty() {
        for f in r.find_bytes(&data) {
            spans.push((f.span().start, f.span().end, kind_name(f.kind())));
        }
    } else {
        for (base, l) in &per_line {
            for f in r.find_bytes(l) {
                let s = f.span();
                spans.push((
                    base + s.start,
                    base + s.end,
                    kind_name(f.kind()),
                ));
            }
        }
    }
    let mut tsv = std::io::BufWriter::new(fs::File::create(format!(
        "{out_prefix}.spans.tsv"
    ))?);
    for (s, e, k) in &spans {
        writeln!(tsv, "{s}\t{e}\t{k}")?;
    }
    tsv.flush()?;
    fs::write(
        format!("{out_prefix}.json"),
        format!(
            "{{\"tool\": \"pci-redact-rs-{mode}\", \"version\": \"{}\", \
             \"bytes\": {}, \"seconds\": {}, \"reps\": {reps}, \
             \"output_chars\": {out_len}, \"spans\": {}}}\n",
            env!("CARGO_PKG_VERSION"),
            data.len(),
            best.as_secs_f64(),
            spans.len()
        ),
    )
}

fn main() {
    let args: Vec<String> = env::args().collect();
    let result = match args.as_slice() {
        [_, _, flag] if flag == "--startup" => {
            let r = Redactor::new();
            let n = r.redact_bytes(b"hello, my card is on its way").len();
            std::io::stdout().write_all(
                format!(
                    "{{\"version\": \"{}\", \"n\": {n}}}\n",
                    env!("CARGO_PKG_VERSION")
                )
                .as_bytes(),
            )
        }
        [_, mode, corpus, out] if mode == "file" || mode == "line" => {
            run(mode, corpus, out)
        }
        _ => {
            eprintln!(
                "usage: pci-redact-compare file|line CORPUS OUT_PREFIX \
                 | file|line --startup"
            );
            process::exit(2);
        }
    };
    if let Err(e) = result {
        eprintln!("pci-redact-compare: {e}");
        process::exit(1);
    }
}
