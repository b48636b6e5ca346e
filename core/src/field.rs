//! Field mode: the value of a named field (a JSON key, a CSV column, a
//! form field) read with the field's name as context.
//!
//! In a record, the number is often alone in its field and the word that
//! says what it is stands in the field's name: `"cvv": "123"`,
//! `exp_month,exp_year` over `08,2029`, `{"ssn": 123456789}`. Read alone,
//! such a value is a number of no kind. Field mode reads it as text would
//! read `name: value`, so the name counts as a keyword before the value.

use std::borrow::Cow;

use crate::finding::{Finding, Kind};
use crate::redactor::Redactor;

/// Bytes at the end of a field's name read as context: enough for the
/// longest keyword and a path before it ("payment.card.security_code").
const NAME_CONTEXT: usize = 64;

impl Redactor {
    /// Finds sensitive data in `value`, the value of a field named `name`,
    /// reading the name as context: a `cvv` field's "123" is a CVV, an
    /// `exp_month` field's "08" part of an expiry date, an `ssn` field's
    /// "123456789" an SSN. The name only adds findings: whatever
    /// [`Redactor::find`] finds in the value alone is found too, so a card
    /// under an `order_id` key is still a card. Spans are byte offsets
    /// within `value`; nothing in `name` is reported.
    ///
    /// ```
    /// use pci_redact::{Kind, Redactor};
    ///
    /// let r = Redactor::new();
    /// assert!(r.find("123").is_empty());
    /// assert_eq!(r.find_field("cvv", "123")[0].kind(), Kind::Cvv);
    /// assert_eq!(r.redact_field("exp_month", "08"), "**");
    /// ```
    pub fn find_field(&self, name: &str, value: &str) -> Vec<Finding> {
        self.find_field_bytes(name.as_bytes(), value.as_bytes())
    }

    /// [`Redactor::find_field`] on bytes (any bytes; invalid UTF-8 is
    /// data).
    pub fn find_field_bytes(&self, name: &[u8], value: &[u8]) -> Vec<Finding> {
        let alone = self.find_bytes(value);
        let prefix = name_context(name);
        if prefix.is_empty() {
            return alone;
        }
        let mut named = self.find_with_context(&prefix, b": ", value);
        let overlap = |f: &Finding, g: &Finding| {
            g.start() < f.end() && f.start() < g.end()
        };
        // A card (or track) of the value alone wins over what the name
        // read in its digits ("security_code" over "four 123-45-6789 4111
        // 123": the name's CVV is the card's first digits), as a card wins
        // over a CVV inside it in text.
        let whole: Vec<&Finding> = alone
            .iter()
            .filter(|f| matches!(f.kind(), Kind::Card | Kind::Track))
            .filter(|f| {
                named.iter().any(|g| overlap(f, g) && g.kind() != f.kind())
            })
            .collect();
        if !whole.is_empty() {
            named.retain(|g| !whole.iter().any(|f| overlap(f, g)));
        }
        // The findings of the value alone that no finding read with the
        // name overlaps ("order_id": a card typed alone is still one).
        let extra: Vec<Finding> = alone
            .into_iter()
            .filter(|f| !named.iter().any(|g| overlap(f, g)))
            .collect();
        if !extra.is_empty() {
            named.extend(extra);
            named.sort_by_key(Finding::start);
        }
        named
    }

    /// Redacts `value`, the value of a field named `name`, reading the
    /// name as context ([`Redactor::find_field`]); borrows `value` when
    /// there is nothing to mask.
    pub fn redact_field<'h>(
        &self,
        name: &str,
        value: &'h str,
    ) -> Cow<'h, str> {
        match self.redact_field_bytes(name.as_bytes(), value.as_bytes()) {
            Cow::Borrowed(_) => Cow::Borrowed(value),
            // Spans sit on character boundaries and every replacement is
            // UTF-8, so this replaces nothing.
            Cow::Owned(b) => Cow::Owned(match String::from_utf8(b) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            }),
        }
    }

    /// [`Redactor::redact_field`] on bytes.
    pub fn redact_field_bytes<'h>(
        &self,
        name: &[u8],
        value: &'h [u8],
    ) -> Cow<'h, [u8]> {
        let found = self.find_field_bytes(name, value);
        if found.is_empty() {
            return Cow::Borrowed(value);
        }
        Cow::Owned(self.splice(value, &found))
    }
}

/// The end of a field's name as it is read before the value: its last
/// [`NAME_CONTEXT`] bytes, with digits, line breaks and the bytes that
/// join or mask digits turned into `_`, so that nothing in the name is
/// read as a number or joins one ("cvv2", "address_1"). Letters and the
/// word separators of names (`_`, `-`, `.`, space, camelCase) are kept.
fn name_context(name: &[u8]) -> Vec<u8> {
    let start = name.len().saturating_sub(NAME_CONTEXT);
    // (Not inside a character: a cut one would be read as bytes of no
    // meaning, which is harmless, but a whole one reads better.)
    let start = (start..name.len())
        .find(|&i| name[i] & 0xC0 != 0x80)
        .unwrap_or(name.len());
    name[start..]
        .iter()
        .map(|&b| {
            if b.is_ascii_alphabetic()
                || matches!(b, b'_' | b'-' | b'.' | b' ' | b'#')
                || b >= 0x80
            {
                b
            } else {
                b'_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Kind;

    fn kinds(r: &Redactor, name: &str, value: &str) -> Vec<Kind> {
        r.find_field(name, value).iter().map(Finding::kind).collect()
    }

    #[test]
    fn names_say_what_a_lone_number_is() {
        let r = Redactor::new();
        let cases: &[(&str, &str, &[Kind])] = &[
            ("cvv", "123", &[Kind::Cvv]),
            ("cvc", "1234", &[Kind::Cvv]),
            ("securityCode", "737", &[Kind::Cvv]),
            ("card.cvv2", "123", &[Kind::Cvv]),
            ("expiry", "12/27", &[Kind::Expiry]),
            ("exp_month", "08", &[Kind::Expiry]),
            ("expYear", "2029", &[Kind::Expiry]),
            ("expiration_date", "0829", &[Kind::Expiry]),
            ("pin", "4821", &[Kind::Pin]),
            ("ssn", "078051120", &[Kind::Ssn]),
            ("social_security_number", "123456789", &[Kind::Ssn]),
            ("card_number", "4111111111111111", &[Kind::Card]),
        ];
        for (name, value, want) in cases {
            assert_eq!(kinds(&r, name, value), *want, "{name}");
            // Alone, the short ones are numbers of no kind.
            if value.len() < 12 {
                assert!(r.find(value).is_empty(), "{name} alone");
            }
        }
    }

    #[test]
    fn names_of_other_things_add_nothing() {
        let r = Redactor::new();
        for (name, value) in [
            ("quantity", "123"),
            ("order_id", "12345678"),
            ("zip", "94107"),
            ("year", "2029"),
            ("month", "08"),
            ("phone", "555-867-5309"),
            ("", "123"),
            ("amount", "12.27"),
        ] {
            assert!(r.find_field(name, value).is_empty(), "{name}");
        }
    }

    #[test]
    fn the_name_only_adds_findings() {
        let r = Redactor::new();
        // "order" before an ungrouped number makes it no card in text;
        // a field holds nothing else, so the card alone still counts.
        assert!(r.find("order 4111111111111111").is_empty());
        assert_eq!(
            kinds(&r, "order_id", "4111111111111111"),
            vec![Kind::Card]
        );
        // Findings from both readings, in order, without overlaps.
        let v = r.find_field("cvv", "123 or card 4111 1111 1111 1111");
        let k: Vec<Kind> = v.iter().map(Finding::kind).collect();
        assert_eq!(k, vec![Kind::Cvv, Kind::Card]);
        assert!(v.windows(2).all(|w| w[0].end() <= w[1].start()));
        // A card the value alone holds wins over a CVV the name reads in
        // its first digits: the whole card is masked.
        let value = "four 123-45-6789 4111 123 ssn";
        let alone = r.find(value);
        assert_eq!(alone[0].kind(), Kind::Card);
        let v = r.find_field("security_code", value);
        assert_eq!(v[0].kind(), Kind::Card);
        assert_eq!(v[0].span(), alone[0].span());
    }

    #[test]
    fn spans_are_in_the_value_and_the_name_is_never_read_as_digits() {
        let r = Redactor::new();
        let v = r.find_field("cvv", "code: 123");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].span().range(), 6..9);
        // Digits in the name are no number: "2" does not join "0 1234".
        for name in ["cvv2", "field_41111111", "4111 1111 1111", "pin\n2"] {
            for f in r.find_field(name, "0 1234") {
                assert!(f.end() <= 6, "{name}");
            }
        }
        assert!(r.find_field("4111 1111 1111", "1111").is_empty());
        assert_eq!(r.redact_field("pin", "1234"), "****");
        assert_eq!(r.redact_field("note", "thanks"), "thanks");
        assert!(matches!(r.redact_field("note", "thanks"), Cow::Borrowed(_)));
    }

    #[test]
    fn long_and_odd_names() {
        let r = Redactor::new();
        let long = format!("{}cvv", "x.".repeat(500));
        assert_eq!(kinds(&r, &long, "123"), vec![Kind::Cvv]);
        // A name cut inside a character, and bytes that are no UTF-8.
        let name = format!("{}é_cvv", "a".repeat(NAME_CONTEXT - 5));
        assert_eq!(kinds(&r, &name, "123"), vec![Kind::Cvv]);
        let v = r.find_field_bytes(b"\xff\xfecvv", b"12\xff3");
        assert!(v.is_empty());
        assert_eq!(r.find_field_bytes(b"\xffcvv", b"123").len(), 1);
    }
}
