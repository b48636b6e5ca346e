//! The JSONL report, the scan listing and the JSON summary: positions,
//! kinds and last four digits, never a number.

use tempfile::tempdir;

use crate::util::{cmd, luhn_valid_runs, read_str, report_records, write};

fn mixed_inputs(dir: &std::path::Path) -> std::path::PathBuf {
    let inp = dir.join("in");
    write(
        &inp,
        "chat.txt",
        "hi\ncard 4111 1111 1111 1111 exp 12/27\nmy ssn is 078-05-1120\n",
    );
    write(
        &inp,
        "calls.jsonl",
        concat!(
            "{\"m\": [{\"text\": \"five five five five five five five five five five five five four four four four\"}]}\n",
            "{\"4111111111111111\": \"key holds a card\", \"pan\": 378282246310005}\n",
        ),
    );
    write(&inp, "t.csv", "id,msg\n1,cvv 123 for card 6011111111111117\n");
    write(&inp, "clean.txt", "order 100234567, phone (555) 201-3344\n");
    inp
}

#[test]
fn report_has_findings_and_summary_without_numbers() {
    let dir = tempdir().unwrap();
    let inp = mixed_inputs(dir.path());
    let report = dir.path().join("report.jsonl");
    let out = cmd()
        .arg("scan")
        .arg(&inp)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = read_str(&report);
    assert_eq!(
        luhn_valid_runs(&text),
        Vec::<String>::new(),
        "report must not hold a card number"
    );
    assert!(!text.contains("078-05-1120") && !text.contains("0780"));
    let listing = String::from_utf8(out.stdout).unwrap();
    assert_eq!(luhn_valid_runs(&listing), Vec::<String>::new());

    let recs = report_records(&report);
    let findings: Vec<_> =
        recs.iter().filter(|r| r["type"] == "finding").collect();
    let summary = recs.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["findings"].as_u64().unwrap() as usize, findings.len());
    assert_eq!(summary["files"], 4);
    assert_eq!(summary["files_with_findings"], 3);

    let chat = inp.join("chat.txt").display().to_string();
    let card = findings
        .iter()
        .find(|r| r["file"] == chat.as_str() && r["kind"] == "card")
        .unwrap();
    assert_eq!(card["line"], 2);
    assert_eq!(card["column"], 6);
    assert_eq!(card["offset"], 8);
    assert_eq!(card["brand"], "visa");
    assert_eq!(card["last4"], "1111");
    let ssn = findings.iter().find(|r| r["kind"] == "ssn").unwrap();
    assert_eq!(
        (ssn["line"].as_u64(), ssn["column"].as_u64()),
        (Some(3), Some(11))
    );
    assert!(ssn.get("last4").is_none(), "only cards show last4");

    let calls = inp.join("calls.jsonl").display().to_string();
    let spoken = findings
        .iter()
        .find(|r| r["file"] == calls.as_str() && r["spoken"] == true)
        .unwrap();
    assert_eq!(spoken["field"], "/m/0/text");
    assert_eq!(spoken["line"], 1);
    assert_eq!(spoken["brand"], "mastercard");
    let key = findings
        .iter()
        .find(|r| {
            r["file"] == calls.as_str()
                && r["line"] == 2
                && r["last4"] == "1111"
        })
        .unwrap();
    assert_eq!(
        key["field"], "/************1111",
        "a key is masked in the field path"
    );
    let amex =
        findings.iter().find(|r| r["brand"] == "american-express").unwrap();
    assert_eq!(amex["field"], "/pan");

    let csv = findings.iter().find(|r| r["kind"] == "cvv").unwrap();
    assert_eq!(csv["field"], "msg");
    assert_eq!(csv["line"], 2);

    let per_file = summary["per_file"].as_array().unwrap();
    assert_eq!(per_file.len(), 4);
    let pf = per_file.iter().find(|f| f["file"] == chat.as_str()).unwrap();
    assert_eq!(pf["kinds"]["card"], 1);
    assert_eq!(pf["kinds"]["ssn"], 1);
    assert_eq!(summary["kinds"]["card"].as_u64().unwrap(), 5);
}

#[test]
fn scan_json_prints_the_summary() {
    let dir = tempdir().unwrap();
    let inp = mixed_inputs(dir.path());
    let out = cmd().arg("scan").arg(&inp).arg("--json").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "summary");
    assert_eq!(v["command"], "scan");
    assert!(v["findings"].as_u64().unwrap() >= 6);
    assert_eq!(v["errors"], 0);
}

#[test]
fn scan_lists_one_line_per_finding() {
    let out = cmd()
        .args(["scan", "-"])
        .write_stdin("a\nb 4111 1111 1111 1111 and 5555555555554444\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "<stdin>:2:3: card visa ending 1111\n<stdin>:2:27: card mastercard ending 4444\n"
    );
    let e = String::from_utf8(out.stderr).unwrap();
    assert!(
        e.contains("scanned 1 file") && e.contains("2 findings (card 2)"),
        "{e}"
    );
}

#[test]
fn quiet_prints_no_summary() {
    cmd()
        .args(["scan", "-q", "--json", "-"])
        .write_stdin("4111111111111111")
        .assert()
        .code(1)
        .stderr("");
}

#[test]
fn scrub_report_matches_scan_report() {
    let dir = tempdir().unwrap();
    let inp = mixed_inputs(dir.path());
    let r1 = dir.path().join("scan.jsonl");
    let r2 = dir.path().join("scrub.jsonl");
    cmd()
        .arg("scan")
        .arg(&inp)
        .arg("-q")
        .arg("--report")
        .arg(&r1)
        .assert()
        .code(1);
    cmd()
        .arg("scrub")
        .arg(&inp)
        .arg("-q")
        .arg("--out")
        .arg(dir.path().join("o"))
        .arg("--report")
        .arg(&r2)
        .assert()
        .success();
    let strip = |p: &std::path::Path| {
        report_records(p)
            .into_iter()
            .map(|mut r| {
                if let Some(o) = r.as_object_mut() {
                    o.remove("elapsed_ms");
                    o.remove("command");
                }
                r
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&r1), strip(&r2));
}

#[test]
fn errors_appear_in_the_report() {
    let dir = tempdir().unwrap();
    let p = write(dir.path(), "bad.jsonl", "{\"a\": 1}\n{oops\n");
    let report = dir.path().join("r.jsonl");
    cmd()
        .arg("scan")
        .arg(&p)
        .arg("-q")
        .arg("--report")
        .arg(&report)
        .assert()
        .code(2);
    let recs = report_records(&report);
    let err = recs.iter().find(|r| r["type"] == "error").unwrap();
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("bad.jsonl:2: invalid JSON"));
    assert_eq!(recs.last().unwrap()["errors"], 1);
}

#[test]
fn large_reports_keep_every_record_in_order() {
    // More records than are kept in memory (they go to a temporary file).
    let dir = tempdir().unwrap();
    let n = 70_000;
    let p =
        write(dir.path(), "many.txt", "card 4111 1111 1111 1111\n".repeat(n));
    let report = dir.path().join("r.jsonl");
    let out = cmd()
        .arg("scan")
        .arg(&p)
        .arg("-q")
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let listing = String::from_utf8(out.stdout).unwrap();
    assert_eq!(listing.lines().count(), n);
    assert!(
        listing.ends_with(&format!("many.txt:{n}:6: card visa ending 1111\n"))
    );
    let recs = report_records(&report);
    assert_eq!(recs.len(), n + 1);
    for (i, r) in recs[..n].iter().enumerate() {
        assert_eq!(r["line"].as_u64(), Some(i as u64 + 1));
    }
    assert_eq!(recs[n]["findings"].as_u64(), Some(n as u64));
}
