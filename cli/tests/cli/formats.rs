//! Every input format, read and written, files and stdin/stdout.

use predicates::prelude::*;
use tempfile::tempdir;

use crate::util::{cmd, gz, read, read_str, write};

const TEXT: &str = "agent: how can I help?\ncustomer: card 4111 1111 1111 1111 exp 12/27 cvv 123\norder 100234567 shipped\n";
const TEXT_MASKED: &str = "agent: how can I help?\ncustomer: card **** **** **** 1111 exp **/** cvv ***\norder 100234567 shipped\n";

#[test]
fn text_stdin_to_stdout() {
    cmd()
        .args(["scrub", "-"])
        .write_stdin(TEXT)
        .assert()
        .success()
        .stdout(TEXT_MASKED);
}

#[test]
fn gzip_stdin_gives_gzip_stdout() {
    let out = cmd()
        .args(["scrub", "-", "-q"])
        .write_stdin(gz(TEXT.as_bytes()))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(&out.stdout[..2], [0x1f, 0x8b]);
    let dir = tempdir().unwrap();
    let p = write(dir.path(), "o.gz", &out.stdout);
    assert_eq!(read_str(&p), TEXT_MASKED);
}

#[test]
fn every_text_extension_plain_and_gzipped() {
    let dir = tempdir().unwrap();
    let inp = dir.path().join("in");
    let names = ["a.txt", "b.log", "c.TXT", "d.txt.gz", "e.log.gz", "noext"];
    for n in names {
        let data = if n.ends_with(".gz") {
            gz(TEXT.as_bytes())
        } else {
            TEXT.as_bytes().to_vec()
        };
        write(&inp, n, data);
    }
    let out = dir.path().join("out");
    cmd().arg("scrub").arg(&inp).arg("--out").arg(&out).assert().success();
    for n in names {
        let p = out.join(n);
        if n.ends_with(".gz") {
            assert_eq!(
                &std::fs::read(&p).unwrap()[..2],
                [0x1f, 0x8b],
                "{n} stays gzip"
            );
        }
        assert_eq!(read_str(&p), TEXT_MASKED, "{n}");
    }
}

#[test]
fn jsonl_default_masks_every_string_and_number() {
    let dir = tempdir().unwrap();
    let line = r#"{"id": 7, "pan": 4111111111111111, "note": "ssn 078-05-1120", "nested": {"k": ["card 5555555555554444"]}, "price": 12.50}"#;
    let p = write(dir.path(), "in/a.jsonl", format!("{line}\n"));
    write(dir.path(), "in/b.ndjson.gz", gz(format!("{line}\n").as_bytes()));
    let out = dir.path().join("out");
    cmd()
        .arg("scrub")
        .arg(p.parent().unwrap())
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let want = r#"{"id": 7, "pan": "************1111", "note": "ssn ***-**-****", "nested": {"k": ["card ************4444"]}, "price": 12.50}"#;
    assert_eq!(read_str(&out.join("a.jsonl")), format!("{want}\n"));
    assert_eq!(read_str(&out.join("b.ndjson.gz")), format!("{want}\n"));
}

#[test]
fn jsonl_fields_select_paths() {
    let line = r#"{"a": "4111111111111111", "messages": [{"text": "4111111111111111", "meta": "4111111111111111"}]}"#;
    let run = |args: &[&str]| {
        let out = cmd()
            .args(["scrub", "-", "--format", "jsonl", "-q"])
            .args(args)
            .write_stdin(format!("{line}\n"))
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let masked = "************1111";
    let dotted = run(&["--field", "messages[].text"]);
    assert_eq!(dotted.matches(masked).count(), 1, "{dotted}");
    assert!(dotted.contains(&format!(r#""text": "{masked}""#)));
    assert_eq!(run(&["--field", "/messages/0/text"]), dotted);
    let both = run(&["--field", "a", "--field", "messages"]);
    assert_eq!(
        both.matches(masked).count(),
        3,
        "a field selects all under it"
    );
    let none = run(&["--field", "nope"]);
    assert_eq!(none, format!("{line}\n"));
}

#[test]
fn jsonl_conversation_mode_joins_split_cards() {
    let line = r#"{"id": "c1", "messages": [{"speaker": "customer", "text": "4111 1111"}, {"speaker": "agent", "text": "go on"}, {"speaker": "customer", "text": "1111 1111"}, {"speaker": "agent", "text": "and the security code on the back?"}, {"speaker": "customer", "text": "392"}]}"#;
    let plain = cmd()
        .args(["scrub", "-", "--format", "jsonl", "-q"])
        .write_stdin(format!("{line}\n"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&plain.stdout).contains("4111 1111"));
    let conv = cmd()
        .args([
            "scrub",
            "-",
            "--format",
            "jsonl",
            "-q",
            "--conversation",
            "messages",
        ])
        .write_stdin(format!("{line}\n"))
        .output()
        .unwrap();
    let s = String::from_utf8(conv.stdout).unwrap();
    assert!(s.contains(r#""text": "**** ****""#), "{s}");
    assert!(s.contains(r#""text": "**** 1111""#), "{s}");
    assert!(s.contains(r#""text": "***""#), "{s}");
    assert!(s.contains(r#""id": "c1""#));
}

#[test]
fn conversation_field_names_are_configurable() {
    let line = r#"{"turns": [{"who": "customer", "said": "5555 5555"}, {"who": "customer", "said": "5555 4444"}]}"#;
    cmd()
        .args([
            "scrub",
            "-",
            "--format",
            "jsonl",
            "-q",
            "--conversation",
            "turns",
        ])
        .args(["--speaker-field", "who", "--text-field", "said"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success()
        .stdout(predicate::str::contains(r#""said": "**** 4444""#));
}

#[test]
fn csv_columns_by_name_and_index() {
    let csv = "id,created,message\n4111111111111111,2024-01-01,\"card 4111 1111 1111 1111, thanks\"\n";
    let run = |args: &[&str]| {
        let out = cmd()
            .args(["scrub", "-", "--format", "csv", "-q"])
            .args(args)
            .write_stdin(csv)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        run(&["--column", "message"]),
        "id,created,message\n4111111111111111,2024-01-01,\"card **** **** **** 1111, thanks\"\n"
    );
    assert_eq!(
        run(&["--column", "1"]),
        "id,created,message\n************1111,2024-01-01,\"card 4111 1111 1111 1111, thanks\"\n"
    );
    assert_eq!(
        run(&[]),
        "id,created,message\n************1111,2024-01-01,\"card **** **** **** 1111, thanks\"\n"
    );
}

#[test]
fn csv_and_tsv_files_keep_untouched_records_byte_exact() {
    let dir = tempdir().unwrap();
    let csv = "a;b\r\n\"x\",\"y\"\r\n\"quoted, \"\"kept\"\"\",card 4111-1111-1111-1111\r\n";
    let tsv = "a\tb\nplain\t5555 5555 5555 4444\n";
    write(dir.path(), "in/t.csv", csv);
    write(dir.path(), "in/t.tsv.gz", gz(tsv.as_bytes()));
    let out = dir.path().join("out");
    cmd()
        .arg("scrub")
        .arg(dir.path().join("in"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    // The delimiter of a .csv file is a comma: the whole line is one field.
    assert_eq!(
        read_str(&out.join("t.csv")),
        "a;b\r\n\"x\",\"y\"\r\n\"quoted, \"\"kept\"\"\",card ****-****-****-1111\r\n"
    );
    assert_eq!(
        read_str(&out.join("t.tsv.gz")),
        "a\tb\nplain\t**** **** **** 4444\n"
    );
}

#[test]
fn csv_unknown_column_is_an_error_naming_it() {
    cmd()
        .args(["scrub", "-", "--format", "csv", "--column", "nosuch"])
        .write_stdin("a,b\n1,2\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nosuch"));
}

#[test]
fn invalid_utf8_passes_through_byte_exact() {
    let mut input =
        b"caf\xe9 \xff\xfe card 4111 1111 1111 1111 \xc3\x28 end\n".to_vec();
    input.extend_from_slice(&[0xf0, 0x9f, 0x98]);
    let mut want =
        b"caf\xe9 \xff\xfe card **** **** **** 1111 \xc3\x28 end\n".to_vec();
    want.extend_from_slice(&[0xf0, 0x9f, 0x98]);
    for jobs in ["1", "3"] {
        let out = cmd()
            .args(["scrub", "-", "-q", "-j", jobs])
            .write_stdin(input.clone())
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(out.stdout, want, "jobs {jobs}");
    }
    let dir = tempdir().unwrap();
    let p = write(dir.path(), "in/x.txt", &input);
    let out = dir.path().join("out");
    cmd().arg("scrub").arg(&p).arg("--out").arg(&out).assert().success();
    assert_eq!(read(&out.join("x.txt")), want);
}

#[test]
fn format_flag_overrides_the_extension() {
    cmd()
        .args(["scan", "-", "--format", "jsonl", "--field", "b"])
        .write_stdin("{\"a\": \"4111111111111111\", \"b\": \"x\"}\n")
        .assert()
        .code(0);
}

#[test]
fn binary_files_are_skipped_with_a_note() {
    let dir = tempdir().unwrap();
    write(dir.path(), "in/img.bin", b"\x89PNG\0\0\x004111111111111111");
    write(dir.path(), "in/ok.txt", "4111111111111111\n");
    let out = dir.path().join("out");
    cmd()
        .arg("scrub")
        .arg(dir.path().join("in"))
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("img.bin: skipped: binary file"));
    assert!(!out.join("img.bin").exists(), "an unscanned file is not copied");
    assert_eq!(read_str(&out.join("ok.txt")), "************1111\n");
}
