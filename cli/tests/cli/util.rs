//! Helpers: run the binary, build inputs, read outputs.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `pci-redact` binary, quiet unless a test asks otherwise.
pub fn cmd() -> Command {
    Command::cargo_bin("pci-redact").expect("binary built")
}

/// Writes `data` to `dir/rel`, creating directories.
pub fn write(dir: &Path, rel: &str, data: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, data).unwrap();
    p
}

/// Gzips `data`.
pub fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    );
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Reads a file, decompressing it when its name ends in `.gz`.
pub fn read(p: &Path) -> Vec<u8> {
    let raw =
        std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    if p.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        raw
    }
}

pub fn read_str(p: &Path) -> String {
    String::from_utf8(read(p)).unwrap()
}

/// Every run of 13 to 19 ASCII digits in `text` that passes the Luhn
/// check: none may appear in any report.
pub fn luhn_valid_runs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let s = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &text[s..i];
        // Every window of 13..=19 digits inside the run.
        for len in 13..=19.min(run.len()) {
            for w in 0..=run.len() - len {
                if luhn(&run[w..w + len]) {
                    found.push(run[w..w + len].to_string());
                }
            }
        }
    }
    found
}

fn luhn(d: &str) -> bool {
    let mut sum = 0;
    for (i, c) in d.bytes().rev().enumerate() {
        let mut v = u32::from(c - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// The records of a JSONL report.
pub fn report_records(p: &Path) -> Vec<serde_json::Value> {
    read_str(p)
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"))
        })
        .collect()
}

/// The files under `dir`, relative, sorted.
pub fn tree(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                walk(base, &p, out);
            } else {
                out.push(
                    p.strip_prefix(base)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, dir, &mut v);
    v.sort();
    v
}

#[test]
fn luhn_helper_finds_cards_inside_runs() {
    assert_eq!(luhn_valid_runs("id 4111111111111111 x"), ["4111111111111111"]);
    assert!(luhn_valid_runs("411111111111 and 12345").is_empty());
    assert!(!luhn_valid_runs("99994111111111111111").is_empty());
}
