//! The scan stays linear: on pathological inputs, four times the input
//! costs at most about four times the work, counted by the scanner itself
//! (bytes visited by trigger searches and run parsing), never by the clock.

use pci_redact::Redactor;

fn ratio(r: &Redactor, unit: &str, n: usize) -> f64 {
    // A digit at the very end: a scan that searched for the next digit
    // afresh from every number word would be quadratic here.
    let small = unit.repeat(n) + "7";
    let large = unit.repeat(4 * n) + "7";
    let a = r.work_units(small.as_bytes()) as f64;
    let b = r.work_units(large.as_bytes()) as f64;
    b / a.max(1.0)
}

#[test]
fn pathological_inputs_scale_linearly() {
    let r = Redactor::new();
    for unit in [
        "1",
        "1 ",
        "4 1 ",
        "4111 1111 ",
        "four ",
        "one oh ",
        "cvv ",
        "cvv 123 ",
        "double ",
        "1-",
        "\u{ff11}",
        "\u{200b}1",
        "a1",
        "x",
        "someone ",
        ";4111111111111111=",
        "%B4111",
    ] {
        let k = ratio(&r, unit, 20_000);
        assert!(k <= 4.5, "{unit:?}: 4x input cost {k:.2}x work");
    }
}

#[test]
fn work_is_counted() {
    let r = Redactor::new();
    assert!(r.work_units(b"4111 1111 1111 1111") > 0);
    assert!(r.work_units(b"one two three") > 0);
}
