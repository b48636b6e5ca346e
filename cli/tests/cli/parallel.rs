//! Parallel work gives exactly the output of `--jobs 1`.

use tempfile::tempdir;

use crate::util::{cmd, gz, read, report_records, write};

/// Chat-like text with cards split over line breaks, spoken numbers,
/// keywords right before and after numbers, long digit runs and blank
/// stretches, so that block boundaries land everywhere.
fn tricky_text(lines: usize) -> String {
    let mut s = String::new();
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    for i in 0..lines {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        match x % 11 {
            0 => s.push_str("customer: card 4111 1111\n1111 1111 exp 12/27\n"),
            1 => s.push_str("customer: four one one one one one one one\none one one one one one one one\n"),
            2 => s.push_str("agent: the cvv please\ncustomer: 123\n"),
            3 => s.push_str(&format!("order {} total $1,{:03}.99 at 2024-03-14 09:{:02}:00\n", 100000000 + i, i % 1000, i % 60)),
            4 => {
                for d in 0..(x % 300) {
                    s.push(char::from(b'0' + ((x >> (d % 60)) % 10) as u8));
                    s.push(if d % 7 == 6 { '\n' } else { ' ' });
                }
                s.push('\n');
            }
            5 => s.push_str("ssn\n078-05-1120\n"),
            6 => s.push_str(&"quiet line without numbers ".repeat((x % 40) as usize)),
            7 => s.push_str("%B4111111111111111^DOE/JOHN^2712101000000000?\n"),
            8 => s.push_str("5555 5555 5555 4444 4111 1111 1111 1111\n"),
            _ => s.push_str("agent: thanks, anything else?\n"),
        }
    }
    s
}

fn jsonl(records: usize) -> String {
    let mut s = String::new();
    for i in 0..records {
        s.push_str(&format!(
            "{{\"id\": {i}, \"messages\": [{{\"speaker\": \"customer\", \"text\": \"4111 1111\"}}, {{\"speaker\": \"customer\", \"text\": \"1111 1111 order {i}\"}}, {{\"speaker\": \"agent\", \"text\": \"ssn 078-05-1120 card {}\"}}]}}\n",
            if i % 3 == 0 { "5555555555554444" } else { "none" }
        ));
    }
    s
}

fn run(
    inp: &std::path::Path,
    out: &std::path::Path,
    report: &std::path::Path,
    jobs: &str,
    block: &str,
) {
    cmd()
        .args([
            "scrub",
            "-q",
            "--conversation",
            "messages",
            "-j",
            jobs,
            "--block-size",
            block,
        ])
        .arg(inp)
        .arg("--out")
        .arg(out)
        .arg("--report")
        .arg(report)
        .assert()
        .success();
}

fn records(p: &std::path::Path) -> Vec<serde_json::Value> {
    report_records(p)
        .into_iter()
        .map(|mut r| {
            r.as_object_mut().unwrap().remove("elapsed_ms");
            r
        })
        .collect()
}

#[test]
fn parallel_equals_sequential() {
    let dir = tempdir().unwrap();
    let inp = dir.path().join("in");
    let text = tricky_text(40_000);
    assert!(text.len() > 1_500_000);
    write(&inp, "big.txt", &text);
    write(&inp, "big.log.gz", gz(text.as_bytes()));
    write(&inp, "calls.jsonl", jsonl(20_000));
    for i in 0..20 {
        write(&inp, &format!("small/{i}.txt"), tricky_text(50 + i));
    }
    let (o1, r1) = (dir.path().join("o1"), dir.path().join("r1.jsonl"));
    run(&inp, &o1, &r1, "1", "1048576");
    let base = records(&r1);
    assert!(base.len() > 10_000, "plenty of findings to compare");
    for (jobs, block) in [("2", "1048576"), ("4", "65536"), ("3", "4000")] {
        let (o, r) = (
            dir.path().join(format!("o{jobs}")),
            dir.path().join(format!("r{jobs}.jsonl")),
        );
        run(&inp, &o, &r, jobs, block);
        for f in ["big.txt", "big.log.gz", "calls.jsonl", "small/7.txt"] {
            assert!(
                read(&o1.join(f)) == read(&o.join(f)),
                "{f} differs with -j {jobs} --block-size {block}"
            );
        }
        assert!(
            records(&r) == base,
            "report differs with -j {jobs} --block-size {block}"
        );
    }
}

#[test]
fn stdin_parallel_equals_sequential() {
    let text = tricky_text(20_000);
    let one = cmd()
        .args(["scrub", "-", "-q", "-j", "1"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    let many = cmd()
        .args(["scrub", "-", "-q", "-j", "4", "--block-size", "3000"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(one.status.success() && many.status.success());
    assert!(one.stdout == many.stdout);
    assert!(one.stdout != text.as_bytes(), "something was masked");
}

#[test]
fn line_numbers_hold_across_many_blocks() {
    // One card per line, at a column that changes from line to line, and
    // in the JSONL a bad line now and then: a block that counted from the
    // wrong line or column would show.
    let dir = tempdir().unwrap();
    let n = 3000;
    let (mut text, mut jsonl) = (String::new(), String::new());
    let (mut want_text, mut want_jsonl, mut want_bad) =
        (Vec::new(), Vec::new(), Vec::new());
    for i in 1..=n {
        let pad = " ".repeat(i % 17);
        let lead = format!("{pad}line {i} card ");
        want_text.push((i as u64, lead.len() as u64 + 1));
        text.push_str(&format!("{lead}4111 1111 1111 1111\n"));
        if i % 250 == 0 {
            want_bad.push(i as u64);
            jsonl.push_str(&format!("not json {i}\n"));
            continue;
        }
        want_jsonl.push((i as u64, pad.len() as u64 + 6));
        jsonl.push_str(&format!(
            "{{\"n\": {i}, \"t\": \"{pad}card 4111 1111 1111 1111\"}}\n"
        ));
    }
    write(dir.path(), "in/chat.txt", &text);
    write(dir.path(), "in/calls.jsonl", &jsonl);
    for jobs in ["1", "3"] {
        for (file, want) in
            [("chat.txt", &want_text), ("calls.jsonl", &want_jsonl)]
        {
            let report = dir.path().join(format!("r-{jobs}-{file}"));
            cmd()
                .args(["scan", "-q", "-j", jobs, "--block-size", "4000"])
                .args(["--on-error", "skip"])
                .arg(dir.path().join("in").join(file))
                .arg("--report")
                .arg(&report)
                .assert()
                .code(1);
            let recs = report_records(&report);
            let of = |ty: &str| {
                recs.iter()
                    .filter(|r| r["type"] == ty)
                    .map(|r| {
                        let n = |k: &str| r[k].as_u64().unwrap_or(0);
                        (n("line"), n("column"))
                    })
                    .collect::<Vec<_>>()
            };
            let got = of("finding");
            assert_eq!(got.len(), want.len(), "{file} with -j {jobs}");
            assert!(&got == want, "{file} with -j {jobs}: wrong positions");
            let bad: Vec<u64> =
                of("skipped_line").into_iter().map(|(l, _)| l).collect();
            if file == "calls.jsonl" {
                assert_eq!(bad, want_bad, "bad lines with -j {jobs}");
            } else {
                assert!(bad.is_empty());
            }
        }
    }
}
