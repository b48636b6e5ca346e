//! Runs the shared corpus in `testdata/` through one-shot redaction and
//! through the stream at several chunk sizes.
//!
//! `PCI_REDACT_TEST=substring` runs only the cases whose name contains it.

use std::collections::HashSet;
use std::path::PathBuf;

use pci_redact::{Message, Redactor};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    test: Vec<Case>,
}

#[derive(Deserialize, Clone)]
struct Case {
    name: String,
    input: Option<String>,
    #[serde(default)]
    findings: Vec<Expected>,
    output: Option<String>,
    spoken: Option<bool>,
    conversation: Option<Vec<(String, String)>>,
    outputs: Option<Vec<String>>,
}

#[derive(Deserialize, Clone, Debug, PartialEq)]
struct Expected {
    kind: String,
    span: [usize; 2],
    brand: Option<String>,
}

fn corpus() -> Vec<Case> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata folder")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let filter = std::env::var("PCI_REDACT_TEST").unwrap_or_default();
    let mut all = Vec::new();
    for p in files {
        let text = std::fs::read_to_string(&p).expect("read corpus");
        let f: File = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        all.extend(f.test.into_iter().filter(|c| c.name.contains(&filter)));
    }
    all
}

fn redactor(c: &Case) -> Redactor {
    Redactor::builder()
        .spoken(c.spoken.unwrap_or(true))
        .build()
        .expect("valid options")
}

fn got(r: &Redactor, input: &str) -> Vec<Expected> {
    r.find(input)
        .iter()
        .map(|f| Expected {
            kind: f.kind().as_str().to_string(),
            span: [f.span().start, f.span().end],
            brand: f.brand().map(|b| b.as_str().to_string()),
        })
        .collect()
}

fn same(want: &[Expected], got: &[Expected]) -> bool {
    want.len() == got.len()
        && want.iter().zip(got).all(|(w, g)| {
            w.kind == g.kind
                && w.span == g.span
                && (w.brand.is_none() || w.brand == g.brand)
        })
}

#[test]
fn names_are_unique() {
    let mut seen = HashSet::new();
    for c in corpus() {
        assert!(seen.insert(c.name.clone()), "duplicate test name {}", c.name);
    }
}

#[test]
fn corpus_is_large_enough() {
    let all = corpus();
    if std::env::var("PCI_REDACT_TEST").is_err() {
        assert!(all.len() >= 300, "{} cases", all.len());
        let spoken =
            all.iter().filter(|c| c.name.starts_with("spoken")).count();
        assert!(spoken >= 100, "{spoken} spoken cases");
    }
}

#[test]
fn one_shot() {
    let mut failures = Vec::new();
    for c in corpus() {
        let Some(input) = &c.input else { continue };
        let r = redactor(&c);
        let g = got(&r, input);
        if !same(&c.findings, &g) {
            failures.push(format!(
                "{}: {:?}\n  want {:?}\n  got  {:?}",
                c.name, input, c.findings, g
            ));
            continue;
        }
        if let Some(out) = &c.output {
            let o = r.redact(input);
            if o != *out {
                failures.push(format!(
                    "{}: output\n  want {out:?}\n  got  {o:?}",
                    c.name
                ));
            }
            // Into a caller's buffer, after what it holds.
            let mut buf = String::from("> ");
            let n = r.redact_with(input, &mut buf, |_| true);
            if buf.strip_prefix("> ") != Some(out.as_str()) || n != g.len() {
                failures.push(format!(
                    "{}: redact_with wrote {buf:?}, {n} findings",
                    c.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn streamed_at_every_chunk_size() {
    let mut failures = Vec::new();
    for c in corpus() {
        let Some(input) = &c.input else { continue };
        let r = redactor(&c);
        let want = r.redact_bytes(input.as_bytes()).into_owned();
        let want_f = r.find(input);
        for size in [1, 2, 3, 7, 64, 4096] {
            let mut s = r.stream();
            s.record_findings(true);
            let mut out = Vec::new();
            for chunk in input.as_bytes().chunks(size) {
                s.push(chunk, &mut out);
            }
            s.finish(&mut out);
            if out != want || s.take_findings() != want_f {
                failures.push(format!("{} at chunk size {size}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn conversations() {
    let mut failures = Vec::new();
    for c in corpus() {
        let Some(conv) = &c.conversation else { continue };
        let r = redactor(&c);
        let msgs: Vec<Message> =
            conv.iter().map(|(s, t)| Message::new(s, t)).collect();
        let out = r.redact_conversation(&msgs);
        if Some(&out) != c.outputs.as_ref() {
            failures.push(format!(
                "{}\n  want {:?}\n  got  {out:?}",
                c.name, c.outputs
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
