//! Rewriting in place, refusing dangerous outputs, and failing cleanly.

use std::os::unix::fs::PermissionsExt;

use predicates::prelude::*;
use tempfile::tempdir;

use crate::util::{cmd, gz, read_str, tree, write};

/// A JSONL file of several MB whose line `bad_line` (1-based) is broken.
fn big_jsonl(lines: usize, bad_line: Option<usize>) -> String {
    let mut s = String::new();
    for i in 1..=lines {
        if Some(i) == bad_line {
            s.push_str("{\"text\": \"card 4111 1111 1111 1111\", oops}\n");
        } else {
            s.push_str(&format!(
                "{{\"id\": {i}, \"text\": \"order {i} paid with 5555 5555 5555 4444, thanks\"}}\n"
            ));
        }
    }
    s
}

#[test]
fn in_place_masks_and_keeps_permissions() {
    let dir = tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "card 4111 1111 1111 1111\n");
    std::fs::set_permissions(&a, std::fs::Permissions::from_mode(0o640))
        .unwrap();
    let b = write(dir.path(), "sub/b.jsonl", "{\"t\": \"ssn 078-05-1120\"}\n");
    cmd()
        .args(["scrub", "--in-place", "-q"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(read_str(&a), "card **** **** **** 1111\n");
    assert_eq!(
        std::fs::metadata(&a).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(read_str(&b), "{\"t\": \"ssn ***-**-****\"}\n");
    assert_eq!(
        tree(dir.path()),
        ["a.txt", "sub/b.jsonl"],
        "no temporary files left"
    );
}

#[test]
fn in_place_leaves_clean_files_untouched() {
    let dir = tempdir().unwrap();
    let a = write(dir.path(), "clean.txt", "nothing to see, order 12345\n");
    let before = std::fs::metadata(&a).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    cmd().args(["scrub", "--in-place", "-q"]).arg(&a).assert().success();
    assert_eq!(std::fs::metadata(&a).unwrap().modified().unwrap(), before);
}

#[test]
fn in_place_failure_late_in_file_leaves_original_and_no_temp() {
    let dir = tempdir().unwrap();
    // About 4 MB: several blocks are masked and written to the temporary
    // file before the bad line near the end is reached.
    let text = big_jsonl(60_000, Some(59_990));
    let p = write(dir.path(), "calls.jsonl", &text);
    let ok = write(dir.path(), "other.txt", "card 4111 1111 1111 1111\n");
    for jobs in ["1", "2"] {
        cmd()
            .args([
                "scrub",
                "--in-place",
                "-q",
                "-j",
                jobs,
                "--block-size",
                "65536",
            ])
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "calls.jsonl:59990: invalid JSON at column",
            ))
            .stderr(predicate::str::contains("4111").not());
        assert!(read_str(&p) == text, "original intact (jobs {jobs})");
        assert_eq!(
            read_str(&ok),
            "card **** **** **** 1111\n",
            "other files still done"
        );
        assert_eq!(
            tree(dir.path()),
            ["calls.jsonl", "other.txt"],
            "no temporary file left"
        );
    }
}

#[test]
fn out_failure_leaves_no_partial_output() {
    let dir = tempdir().unwrap();
    write(dir.path(), "in/calls.jsonl", big_jsonl(20_000, Some(19_999)));
    write(dir.path(), "in/fine.jsonl", big_jsonl(10, None));
    let out = dir.path().join("out");
    cmd()
        .arg("scrub")
        .arg(dir.path().join("in"))
        .arg("--out")
        .arg(&out)
        .arg("-q")
        .assert()
        .code(2);
    assert_eq!(
        tree(&out),
        ["fine.jsonl"],
        "no half-written output, no temp file"
    );
}

#[test]
fn skip_bad_lines_masks_them_as_text() {
    let dir = tempdir().unwrap();
    let p = write(dir.path(), "c.jsonl", big_jsonl(100, Some(50)));
    let report = dir.path().join("r.jsonl");
    cmd()
        .args(["scrub", "--in-place", "-q", "--on-error", "skip", "--report"])
        .arg(&report)
        .arg(&p)
        .assert()
        .success();
    let out = read_str(&p);
    assert!(!out.contains("4111 1111 1111 1111"));
    assert!(out.contains("{\"text\": \"card **** **** **** 1111\", oops}\n"));
    let r = read_str(&report);
    assert!(r.contains("\"type\":\"skipped_line\""), "{r}");
    assert!(r.contains("\"line\":50"));
    assert!(r.contains("\"skipped_lines\":1"));
}

#[test]
fn unwritable_directory_fails_naming_the_file() {
    // Nothing may create files in /proc, root included.
    cmd()
        .args(["scrub", "--in-place", "--format", "text", "/proc/version"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/proc/version"))
        .stderr(predicate::str::contains("cannot create a temporary file"));
}

#[test]
fn unwritable_output_reports_the_file() {
    let dir = tempdir().unwrap();
    write(dir.path(), "in/sub/a.txt", "x 4111111111111111\n");
    write(dir.path(), "in/b.txt", "x 4111111111111111\n");
    // A file where the output needs a directory.
    write(dir.path(), "out/sub", "in the way");
    cmd()
        .arg("scrub")
        .arg(dir.path().join("in"))
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a.txt"))
        .stderr(predicate::str::contains("cannot create directory"));
    assert_eq!(
        read_str(&dir.path().join("out/b.txt")),
        "x ************1111\n"
    );
}

#[test]
fn write_error_on_stdout_is_reported() {
    use std::process::{Command, Stdio};
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full")
    else {
        return;
    };
    let dir = tempdir().unwrap();
    let input = write(
        dir.path(),
        "in.txt",
        "card 4111 1111 1111 1111\n".repeat(100_000),
    );
    let out = Command::new(assert_cmd::cargo::cargo_bin("pci-redact"))
        .args(["scrub", "-"])
        .stdin(std::fs::File::open(&input).unwrap())
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.contains("<stdin>: cannot write output: no space left on device"),
        "{e}"
    );
}

#[test]
fn out_inside_input_tree_is_refused() {
    let dir = tempdir().unwrap();
    write(dir.path(), "in/a.txt", "4111111111111111\n");
    cmd()
        .arg("scrub")
        .arg(dir.path().join("in"))
        .arg("--out")
        .arg(dir.path().join("in/clean"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("inside the input directory"));
    assert!(!dir.path().join("in/clean").exists());
    // The input file itself as the output.
    cmd()
        .arg("scrub")
        .arg(dir.path().join("in/a.txt"))
        .arg("--out")
        .arg(dir.path().join("in"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("overwrite the input"));
    assert_eq!(read_str(&dir.path().join("in/a.txt")), "4111111111111111\n");
}

#[test]
fn scrub_of_files_needs_a_destination() {
    let dir = tempdir().unwrap();
    let a = write(dir.path(), "a.txt", "x");
    cmd()
        .arg("scrub")
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out"));
    cmd().args(["scrub", "--in-place", "-"]).assert().code(2);
}

#[test]
fn out_keeps_relative_paths() {
    let dir = tempdir().unwrap();
    write(dir.path(), "in/x/y/a.txt", "a");
    write(dir.path(), "in/b.csv", "h\n1\n");
    let single = write(dir.path(), "single.log", "4111111111111111");
    let out = dir.path().join("out");
    cmd()
        .arg("scrub")
        .arg(dir.path().join("in"))
        .arg(&single)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(tree(&out), ["b.csv", "single.log", "x/y/a.txt"]);
    assert_eq!(read_str(&out.join("single.log")), "************1111");
}

#[test]
fn symlinks_out_of_the_tree_are_not_followed_by_default() {
    let dir = tempdir().unwrap();
    let outside =
        write(dir.path(), "outside/secret.txt", "card 4111 1111 1111 1111\n");
    write(dir.path(), "in/a.txt", "card 5555 5555 5555 4444\n");
    write(dir.path(), "in/inner.txt", "card 6011 1111 1111 1117\n");
    std::os::unix::fs::symlink(&outside, dir.path().join("in/link.txt"))
        .unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("in/inner.txt"),
        dir.path().join("in/inlink.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("in"),
        dir.path().join("in/loop"),
    )
    .unwrap();
    let out = cmd().arg("scan").arg(dir.path().join("in")).output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    let e = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!s.contains("/link.txt:"), "{s}");
    assert!(
        e.contains("link.txt: symbolic link out of the input tree"),
        "{e}"
    );
    assert_eq!(
        s.lines().count(),
        2,
        "a.txt and inner.txt once each (links inside dedup): {s}"
    );
    let out = cmd()
        .arg("scan")
        .arg("--follow-symlinks")
        .arg(dir.path().join("in"))
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("/link.txt:1:6: card visa"), "{s}");
}

#[test]
fn in_place_through_a_link_rewrites_the_target() {
    let dir = tempdir().unwrap();
    let target = write(dir.path(), "real.txt", "card 4111 1111 1111 1111\n");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    cmd().args(["scrub", "--in-place", "-q"]).arg(&link).assert().success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read_str(&target), "card **** **** **** 1111\n");
}

#[test]
fn unreadable_inputs_are_errors_and_the_rest_still_runs() {
    let dir = tempdir().unwrap();
    let ok = write(dir.path(), "ok.txt", "4111111111111111\n");
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = cmd()
        .arg("scan")
        .arg(&missing)
        .arg(&dangling)
        .arg(&ok)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8(out.stderr).unwrap();
    assert!(
        e.contains("missing.txt: cannot open: no such file or directory"),
        "{e}"
    );
    assert!(e.contains("dangling.txt: cannot open"), "{e}");
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("ok.txt:1:1: card"));
    // A directory that cannot be listed (not for root, who can list it).
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000))
        .unwrap();
    let listable = std::fs::read_dir(&locked).is_ok();
    let a = cmd().arg("scan").arg(&locked).assert();
    if listable {
        a.code(0);
    } else {
        a.code(2).stderr(predicate::str::contains("cannot read directory"));
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755))
        .unwrap();
}

#[test]
fn truncated_gzip_is_an_error_naming_the_file() {
    let dir = tempdir().unwrap();
    let full = gz("card 4111 1111 1111 1111\n".repeat(1000).as_bytes());
    let p = write(dir.path(), "cut.txt.gz", &full[..full.len() / 2]);
    cmd()
        .arg("scan")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cut.txt.gz: truncated gzip data"));
    let q = write(dir.path(), "notgz.txt.gz", "plain text");
    cmd()
        .arg("scan")
        .arg(&q)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("notgz.txt.gz: invalid gzip data"));
}

#[test]
fn exit_codes_are_grep_style() {
    cmd()
        .args(["scan", "-"])
        .write_stdin("order 100234567\n")
        .assert()
        .code(0);
    cmd()
        .args(["scan", "-"])
        .write_stdin("4111 1111 1111 1111\n")
        .assert()
        .code(1);
    cmd().args(["scan", "/no/such/path"]).assert().code(2);
    cmd().args(["scan", "--kinds", "nope", "-"]).assert().code(2);
    cmd().args(["scan", "--bogus-flag", "-"]).assert().code(2);
    cmd()
        .args(["scrub", "-"])
        .write_stdin("4111 1111 1111 1111\n")
        .assert()
        .code(0);
}

#[test]
fn closed_stdout_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let bin = assert_cmd::cargo::cargo_bin("pci-redact");
    for args in [&["scrub", "-"][..], &["scan", "-"][..]] {
        let mut child = Command::new(&bin)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            use std::io::Write;
            let line = "card 4111 1111 1111 1111\n".repeat(1000);
            for _ in 0..400 {
                if stdin.write_all(line.as_bytes()).is_err() {
                    break;
                }
            }
        });
        let mut first = [0u8; 10];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // Dropping our end of stdout closes the pipe.
        feeder.join().unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!String::from_utf8_lossy(&out.stderr).contains("broken pipe"));
    }
}
