//! Prints the findings of the default redactor on a bench corpus (kinds and
//! the redacted line only), to check a corpus by eye.

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let c = match which.as_str() {
        "chat" => pci_redact_bench::chat(200_000),
        "logs" => pci_redact_bench::logs(200_000),
        "syslog" => pci_redact_bench::syslog(200_000),
        "transcripts" => pci_redact_bench::transcripts(200_000),
        "rows" => pci_redact_bench::rows(200_000),
        _ => pci_redact_bench::clean_prose(200_000),
    };
    let r = pci_redact::Redactor::new();
    for line in c.text.lines() {
        let f = r.find(line);
        if !f.is_empty() {
            let kinds: Vec<&str> =
                f.iter().map(|f| f.kind().as_str()).collect();
            eprintln!("{kinds:?} {}", r.redact(line));
        }
    }
    eprintln!("expected {}", c.findings);
}
