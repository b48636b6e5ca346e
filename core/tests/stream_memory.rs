//! The stream's memory bound: a gigabyte generated on the fly (chat text,
//! then a quarter gigabyte run of digits and spaces, then digits with no
//! separator at all) goes through a `StreamRedactor`, and the bytes it holds
//! back never exceed `MAX_HOLDBACK`. The hold-back is measured by the
//! stream's own counter, not by process memory.

use pci_redact::{Redactor, MAX_HOLDBACK};

const GIB: usize = 1 << 30;

/// Yields 64 KiB chunks of the test input, built on the fly.
fn chunks(mut f: impl FnMut(&[u8])) {
    let chat = "[12:03] customer: hi, my order 12345678 is late, card \
                4111 1111 1111 1111 exp 12/27 cvv 123, thanks!\n"
        .repeat(600);
    let mut digits = Vec::with_capacity(64 << 10);
    let mut x: u32 = 7;
    while digits.len() < 64 << 10 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        digits.push(b'0' + (x >> 16) as u8 % 10);
        digits.push(b' ');
    }
    let solid = vec![b'9'; 64 << 10];
    let mut sent = 0;
    while sent < GIB / 2 {
        f(chat.as_bytes());
        sent += chat.len();
    }
    while sent < GIB / 2 + GIB / 4 {
        f(&digits);
        sent += digits.len();
    }
    while sent < GIB {
        f(&solid);
        sent += solid.len();
    }
}

#[test]
fn a_gigabyte_streams_within_the_holdback_bound() {
    let r = Redactor::new();
    let mut s = r.stream();
    let mut out = Vec::with_capacity(256 << 10);
    let mut total_in = 0usize;
    let mut total_out = 0usize;
    let mut worst = 0usize;
    chunks(|c| {
        total_in += c.len();
        s.push(c, &mut out);
        worst = worst.max(s.held());
        total_out += out.len();
        out.clear();
    });
    s.finish(&mut out);
    total_out += out.len();
    assert!(total_in >= GIB);
    assert!(worst <= MAX_HOLDBACK, "held {worst} > {MAX_HOLDBACK}");
    assert!(s.peak_held() <= MAX_HOLDBACK);
    // The default policy keeps the length of ASCII text.
    assert_eq!(total_out, total_in);
}
