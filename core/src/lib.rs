//! Find and mask payment-card data in text: card numbers (PANs, Luhn- and
//! IIN-checked, every major brand), US Social Security numbers, CVVs, expiry
//! dates, PINs and magnetic-stripe track data, typed or spoken.
//!
//! pci-redact is built for webchat messages and call-center speech-to-text
//! transcripts. PCI DSS forbids keeping a full card number in clear text outside
//! the cardholder data environment and forbids keeping the CVV at all after
//! authorisation; this crate masks both before text is stored, logged or
//! indexed, and keeps the text's shape so offsets stay valid.
//!
//! # Overview
//!
//! * [`Redactor`] is the primary type: an immutable, `Send + Sync` detector and
//!   masker built once and shared by threads. [`Redactor::new`] gives the
//!   default PCI policy; [`Redactor::builder`] configures kinds and masks.
//! * [`Finding`] reports what was found: its [`Kind`], byte [`Span`], card
//!   [`Brand`], last four digits and a confidence. It never holds or prints the
//!   number itself.
//! * [`StreamRedactor`] redacts text that arrives in chunks with bounded memory,
//!   giving the same output as one-shot redaction however the text is cut.
//!   [`RedactWriter`] and [`RedactReader`] wrap `std::io` streams.
//! * [`MaskStyle`] says how each kind is rewritten: keep the last four digits,
//!   mask in full, keep first six and last four, a label, a keyed token, or
//!   removal.
//!
//! # Example: redact a string
//!
//! ```
//! use pci_redact::Redactor;
//!
//! let r = Redactor::new();
//! let out = r.redact("card 4111 1111 1111 1111, cvv 123, exp 12/27");
//! assert_eq!(out, "card **** **** **** 1111, cvv ***, exp **/**");
//! ```
//!
//! # Example: keep nothing but a label
//!
//! ```
//! use pci_redact::{Kind, MaskStyle, Redactor};
//!
//! let r = Redactor::builder()
//!     .mask(Kind::Card, MaskStyle::Label("[CARD {brand} ending {last4}]".into()))
//!     .build()?;
//! assert_eq!(r.redact("use 5555555555554444"), "use [CARD mastercard ending 4444]");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: stream a file
//!
//! This example redacts a reader into a writer without loading it into memory.
//!
//! ```
//! use std::io::{Read, Write};
//! use pci_redact::{RedactWriter, Redactor};
//!
//! let input = "my card is 4111 1111\n1111 1111 thanks\n".repeat(3);
//! let mut w = RedactWriter::new(Redactor::new(), Vec::new());
//! for piece in input.as_bytes().chunks(5) {
//!     w.write_all(piece)?;
//! }
//! let out = w.finish()?;
//! assert!(!String::from_utf8(out)?.contains("4111"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: spoken numbers
//!
//! ```
//! use pci_redact::{Kind, Redactor};
//!
//! let r = Redactor::new();
//! let t = "it's four one one one one one one one one one one one one one one one";
//! let f = r.find(t);
//! assert_eq!(f.len(), 1);
//! assert_eq!(f[0].kind(), Kind::Card);
//! assert!(!r.redact(t).contains("one"));
//! ```

#![deny(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]
#![warn(missing_debug_implementations)]

pub use crate::{
    brand::Brand,
    conversation::Message,
    error::{BuildError, ErrorKind},
    finding::{Finding, Kind, Reason, Span},
    mask::MaskStyle,
    redactor::{FindIter, InPlaceError, Redactor, RedactorBuilder},
    stream::{RedactReader, RedactWriter, Sink, StreamRedactor, MAX_HOLDBACK},
};

mod brand;
mod chars;
mod context;
mod conversation;
mod error;
mod field;
mod finding;
mod luhn;
mod mask;
mod redactor;
mod scan;
#[allow(unsafe_code)]
mod simd;
mod spoken;
mod stream;
mod testcards;

#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

#[cfg(test)]
mod testoibits {
    use super::*;
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_all<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

    #[test]
    fn oibits() {
        assert_all::<Redactor>();
        assert_all::<RedactorBuilder>();
        assert_all::<Finding>();
        assert_all::<BuildError>();
        assert_all::<StreamRedactor>();
        assert_all::<FindIter<'static>>();
        assert_all::<MaskStyle>();
    }
}
