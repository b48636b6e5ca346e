//! Prints the kinds, spans and reasons found in standard input (never the
//! matched text).

use std::io::Read;

fn main() {
    let mut s = Vec::new();
    std::io::stdin().read_to_end(&mut s).expect("read stdin");
    for f in pci_redact::Redactor::new().find_bytes(&s) {
        eprintln!("{f:?}");
    }
}
