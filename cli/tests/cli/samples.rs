//! The bundled sample archive: every planted number is masked, every
//! look-alike comes through unchanged, and the report holds no number.

use std::collections::BTreeMap;
use std::path::PathBuf;

use tempfile::tempdir;

use crate::util::{cmd, luhn_valid_runs, read, read_str, report_records};

#[derive(serde::Deserialize)]
struct Planted {
    positives: BTreeMap<String, usize>,
    negatives: BTreeMap<String, usize>,
}

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../data")
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn sample_archive_is_scrubbed_completely_and_only_where_needed() {
    let manifest: BTreeMap<String, Planted> =
        serde_json::from_str(&read_str(&data().join("samples.manifest.json")))
            .unwrap();
    assert!(manifest.len() > 100);
    let dir = tempdir().unwrap();
    let out = dir.path().join("clean");
    let report = dir.path().join("report.jsonl");
    cmd()
        .arg("scrub")
        .arg(data().join("samples"))
        .args(["--conversation", "messages", "-q", "--out"])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    let mut planted = 0;
    let mut problems = Vec::new();
    for (rel, p) in &manifest {
        let before =
            String::from_utf8(read(&data().join("samples").join(rel)))
                .unwrap();
        let after = String::from_utf8(read(&out.join(rel))).unwrap();
        for (s, n) in &p.positives {
            planted += n;
            assert!(count(&before, s) >= *n, "manifest out of date: {rel}");
            if after.contains(s.as_str()) {
                problems.push(format!(
                    "{rel}: planted item left unmasked (pattern {} chars)",
                    s.len()
                ));
            }
        }
        for s in p.negatives.keys() {
            if count(&before, s) != count(&after, s) {
                problems.push(format!("{rel}: look-alike {s:?} was changed"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    let text = read_str(&report);
    assert!(
        luhn_valid_runs(&text).is_empty(),
        "the report holds a card number"
    );
    let summary = report_records(&report).pop().unwrap();
    assert_eq!(summary["errors"], 0);
    assert!(
        summary["findings"].as_u64().unwrap() as usize >= planted,
        "{planted} planted"
    );
    for kind in ["card", "ssn", "cvv", "expiry", "pin", "track"] {
        assert!(
            summary["kinds"][kind].as_u64().unwrap() > 0,
            "no {kind} found"
        );
    }
}

#[test]
fn sample_archive_is_small() {
    let mut total = 0;
    let mut kinds = std::collections::BTreeSet::new();
    for e in walk(&data().join("samples")) {
        total += std::fs::metadata(&e).unwrap().len();
        let name = e.file_name().unwrap().to_string_lossy().into_owned();
        kinds.insert(name.rsplit('.').next().unwrap().to_string());
    }
    assert!(total < 1 << 20, "{total} bytes");
    for ext in ["txt", "jsonl", "csv", "gz", "log"] {
        assert!(kinds.contains(ext), "no .{ext} file");
    }
}

fn walk(d: &std::path::Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(d).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v
}
