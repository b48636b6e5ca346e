//! Redacts standard input twice and prints both results, to check that a
//! second redaction changes nothing.

use std::io::Read;

fn main() {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s).expect("read stdin");
    let r = pci_redact::Redactor::new();
    let once = r.redact(&s).into_owned();
    let twice = r.redact(&once).into_owned();
    eprintln!("once:  {once:?}\ntwice: {twice:?}");
}
