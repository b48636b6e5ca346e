//! Reads lines from standard input and prints each line redacted, with the
//! kinds and spans found (never the matched text).

use std::io::BufRead;

fn main() {
    let r = pci_redact::Redactor::new();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("read a line");
        let found: Vec<String> = r
            .find(&line)
            .iter()
            .map(|f| format!("{}@{:?}", f.kind(), f.span()))
            .collect();
        eprintln!("{}  <- {}", r.redact(&line), found.join(" "));
    }
}
