//! Policy flags and the policy file.

use predicates::prelude::*;
use tempfile::tempdir;

use crate::util::{cmd, write};

fn scrub(args: &[&str], input: &str) -> String {
    let out = cmd()
        .args(["scrub", "-", "-q"])
        .args(args)
        .write_stdin(input.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

const INPUT: &str = "card 4111 1111 1111 1111, ssn 078-05-1120, cvv 123";

#[test]
fn mask_styles() {
    assert_eq!(
        scrub(&[], INPUT),
        "card **** **** **** 1111, ssn ***-**-****, cvv ***"
    );
    assert_eq!(
        scrub(&["--mask", "card=first6last4,ssn=last4"], INPUT),
        "card 4111 11** **** 1111, ssn ***-**-1120, cvv ***"
    );
    assert_eq!(
        scrub(&["--mask", "card=full", "--mask", "cvv=remove"], INPUT),
        "card **** **** **** ****, ssn ***-**-****, cvv "
    );
    assert_eq!(
        scrub(&["--label", "[CARD {brand} ending {last4}]"], INPUT),
        "card [CARD visa ending 1111], ssn ***-**-****, cvv ***"
    );
    assert_eq!(
        scrub(&["--mask", "card=label:<{brand}, {last4}>"], INPUT),
        "card <visa, 1111>, ssn ***-**-****, cvv ***"
    );
    assert_eq!(
        scrub(&["--mask-char", "#"], "4111111111111111"),
        "############1111"
    );
}

#[test]
fn kinds_spoken_and_test_cards() {
    assert_eq!(
        scrub(&["--kinds", "ssn"], INPUT),
        "card 4111 1111 1111 1111, ssn ***-**-****, cvv 123"
    );
    let spoken = "it's four one one one one one one one one one one one one one one one";
    assert!(!scrub(&[], spoken).contains("one"));
    assert_eq!(scrub(&["--no-spoken"], spoken), spoken);
    assert_eq!(
        scrub(
            &["--allow-test-cards", "--kinds", "card"],
            "4111 1111 1111 1111"
        ),
        "4111 1111 1111 1111"
    );
}

#[test]
fn token_key_file_gives_stable_tokens() {
    let dir = tempdir().unwrap();
    let key = write(dir.path(), "key", "s3cret\n");
    let key2 = write(dir.path(), "key2", "other");
    let k = key.to_str().unwrap();
    let a = scrub(
        &["--mask", "card=token", "--token-key-file", k],
        "a 4111111111111111 b 4111 1111 1111 1111 c 5555555555554444",
    );
    let toks: Vec<&str> =
        a.split_whitespace().filter(|w| w.starts_with("tok_")).collect();
    assert_eq!(toks.len(), 3, "{a}");
    assert_eq!(toks[0], toks[1], "same number, same token");
    assert_ne!(toks[0], toks[2]);
    let b = scrub(
        &["--mask", "card=token", "--token-key-file", key2.to_str().unwrap()],
        "a 4111111111111111",
    );
    assert!(!b.contains(toks[0]), "another key, another token");
    cmd()
        .args(["scrub", "-", "--mask", "card=token"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("key"));
}

#[test]
fn bad_policy_values_are_errors() {
    cmd()
        .args(["scan", "-", "--mask", "card=sparkle"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sparkle"));
    cmd()
        .args(["scan", "-", "--mask", "nokind=full"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nokind"));
    cmd()
        .args(["scan", "-", "--kinds", "card,bogus"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bogus"));
    cmd()
        .args(["scan", "-", "--token-key-file", "/no/such/key"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/no/such/key"));
    cmd()
        .args(["scan", "-", "--field", "a[x]"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a[x]"));
}

#[test]
fn config_file_sets_the_policy_and_flags_win() {
    let dir = tempdir().unwrap();
    write(dir.path(), "key", "k");
    let cfg = write(
        dir.path(),
        "pci-redact.toml",
        "kinds = [\"card\", \"ssn\"]\nmask = { card = \"first6last4\" }\ntoken-key-file = \"key\"\nno-spoken = true\n",
    );
    let c = cfg.to_str().unwrap();
    assert_eq!(
        scrub(&["--config", c], INPUT),
        "card 4111 11** **** 1111, ssn ***-**-****, cvv 123"
    );
    assert_eq!(
        scrub(&["--config", c, "--mask", "card=last4"], INPUT),
        "card **** **** **** 1111, ssn ***-**-****, cvv 123"
    );
    assert_eq!(
        scrub(&["--config", c, "--kinds", "cvv"], INPUT),
        "card 4111 1111 1111 1111, ssn 078-05-1120, cvv ***"
    );
    let listed = write(dir.path(), "list.toml", "mask = [\"card=label:[{brand}, {last4}]\", \"ssn=last4\"]\nkinds = \"card,ssn\"\n");
    assert_eq!(
        scrub(&["--config", listed.to_str().unwrap()], INPUT),
        "card [visa, 1111], ssn ***-**-1120, cvv 123"
    );
}

#[test]
fn config_typo_is_an_error_naming_key_and_file() {
    let dir = tempdir().unwrap();
    let cfg = write(
        dir.path(),
        "pci-redact.toml",
        "kinds = [\"card\"]\nallow-test-card = true\n",
    );
    cmd()
        .args(["scan", "-", "--config"])
        .arg(&cfg)
        .write_stdin("4111111111111111")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("allow-test-card"))
        .stderr(predicate::str::contains("pci-redact.toml"))
        .stderr(predicate::str::contains("line 2"));
    let bad = write(dir.path(), "bad.toml", "mask = { card = \"nope\" }\n");
    cmd()
        .args(["scan", "-", "--config"])
        .arg(&bad)
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("bad.toml")
                .and(predicate::str::contains("nope")),
        );
}
