//! How a finding is rewritten: [`MaskStyle`] and the masker.

use std::fmt;

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::chars::{self, Class};
use crate::error::{BuildError, ErrorKind};
use crate::finding::{Finding, Kind};
use crate::spoken;

/// How the text of a finding is replaced.
///
/// Masks that keep characters ([`MaskStyle::KeepLast`],
/// [`MaskStyle::KeepFirst6Last4`], [`MaskStyle::Full`]) replace each digit
/// character with the mask character and keep separators, so
/// `4111 1111 1111 1111` becomes `**** **** **** 1111` and, for ASCII text
/// with an ASCII mask character, the byte length is unchanged. Number words
/// of spoken findings ("four one one one") are masked letter for letter and
/// never replaced by digits. Zero-width characters inside a finding are
/// dropped.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MaskStyle {
    /// Mask every digit.
    Full,
    /// Keep the last N digits (0 to 4); the default for cards is 4.
    KeepLast(u8),
    /// Keep the first six and the last four digits, the most PCI DSS allows
    /// to be displayed. Cards only.
    KeepFirst6Last4,
    /// Keep the first eight and the last four digits of a card of 16 or
    /// more digits (for 8-digit BINs); shorter cards keep six. Cards only.
    KeepFirst8Last4,
    /// Replace the finding with a label built from a template with the
    /// placeholders `{kind}`, `{KIND}`, `{brand}`, `{last4}` and `{token}`,
    /// e.g. `[CARD {brand} ending {last4}]`.
    Label(String),
    /// Replace the finding with a keyed deterministic token
    /// (`tok_` + 16 hex digits of HMAC-SHA-256 over the kind and digits):
    /// the same number gives the same token under the same key. Needs
    /// [`RedactorBuilder::token_key`](crate::RedactorBuilder::token_key).
    Token,
    /// Remove the finding from the text.
    Remove,
}

impl fmt::Debug for MaskStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MaskStyle::Full => f.write_str("Full"),
            MaskStyle::KeepLast(n) => write!(f, "KeepLast({n})"),
            MaskStyle::KeepFirst6Last4 => f.write_str("KeepFirst6Last4"),
            MaskStyle::KeepFirst8Last4 => f.write_str("KeepFirst8Last4"),
            MaskStyle::Label(t) => write!(f, "Label({t:?})"),
            MaskStyle::Token => f.write_str("Token"),
            MaskStyle::Remove => f.write_str("Remove"),
        }
    }
}

impl MaskStyle {
    /// Parses a mask style from its name: `full`, `last4` (or `lastN` with
    /// N from 0 to 4), `first6last4`, `first8last4`, `token`, `remove`, or
    /// `label:TEMPLATE`.
    pub fn parse(s: &str) -> Result<MaskStyle, BuildError> {
        let t = s.trim();
        if let Some(tpl) = t.strip_prefix("label:") {
            let style = MaskStyle::Label(tpl.to_string());
            style.validate()?;
            return Ok(style);
        }
        let lower = t.to_ascii_lowercase().replace(['-', '_'], "");
        Ok(match lower.as_str() {
            "full" | "mask" => MaskStyle::Full,
            "first6last4" | "keepfirst6last4" => MaskStyle::KeepFirst6Last4,
            "first8last4" | "keepfirst8last4" => MaskStyle::KeepFirst8Last4,
            "token" | "hmac" => MaskStyle::Token,
            "remove" | "delete" => MaskStyle::Remove,
            _ => {
                let n = lower
                    .strip_prefix("keeplast")
                    .or_else(|| lower.strip_prefix("last"));
                match n.map(str::parse::<u8>) {
                    Some(Ok(n)) if n <= 4 => MaskStyle::KeepLast(n),
                    Some(_) => {
                        return Err(BuildError::new(ErrorKind::InvalidKeep(
                            s.to_string(),
                        )))
                    }
                    None => {
                        return Err(BuildError::new(
                            ErrorKind::UnknownMaskStyle(s.to_string()),
                        ))
                    }
                }
            }
        })
    }

    pub(crate) fn validate(&self) -> Result<(), BuildError> {
        match self {
            MaskStyle::KeepLast(n) if *n > 4 => Err(BuildError::new(
                ErrorKind::InvalidKeep(format!("last{n}")),
            )),
            MaskStyle::Label(t) => validate_template(t),
            _ => Ok(()),
        }
    }

    pub(crate) fn needs_key(&self) -> bool {
        match self {
            MaskStyle::Token => true,
            MaskStyle::Label(t) => t.contains("{token}"),
            _ => false,
        }
    }

    /// The default style for a kind: keep the last four digits of a card,
    /// mask everything else in full.
    pub fn default_for(kind: Kind) -> MaskStyle {
        match kind {
            Kind::Card => MaskStyle::KeepLast(4),
            _ => MaskStyle::Full,
        }
    }
}

const PLACEHOLDERS: [&str; 5] = ["kind", "KIND", "brand", "last4", "token"];

fn validate_template(t: &str) -> Result<(), BuildError> {
    let bad = |reason: String| {
        Err(BuildError::new(ErrorKind::InvalidTemplate {
            template: t.to_string(),
            reason,
        }))
    };
    let mut rest = t;
    while let Some(i) = rest.find(['{', '}']) {
        if rest.as_bytes()[i] == b'}' {
            return bad("unbalanced '}'".into());
        }
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else {
            return bad("unbalanced '{'".into());
        };
        let name = &after[..j];
        if !PLACEHOLDERS.contains(&name) {
            return bad(format!(
                "unknown placeholder {{{name}}}: expected {{kind}}, \
                 {{KIND}}, {{brand}}, {{last4}} or {{token}}"
            ));
        }
        rest = &after[j + 1..];
    }
    if t.replace("{last4}", "").bytes().any(|b| b.is_ascii_digit()) {
        return bad("a label must not contain digits".into());
    }
    Ok(())
}

/// Everything the masker needs besides the finding: built once per
/// `Redactor`.
#[derive(Clone)]
pub(crate) struct Masker {
    pub(crate) styles: [MaskStyle; 6],
    pub(crate) mask_char: char,
    pub(crate) key: Option<Vec<u8>>,
}

impl Masker {
    /// The mask character when it is a single byte.
    pub(crate) fn mask_byte(&self) -> Option<u8> {
        u8::try_from(u32::from(self.mask_char)).ok().filter(u8::is_ascii)
    }

    /// Appends the replacement for `f`, whose original bytes are `orig`.
    pub(crate) fn replace(&self, f: &Finding, orig: &[u8], out: &mut Vec<u8>) {
        let style = &self.styles[f.kind.index()];
        match style {
            MaskStyle::Remove => {}
            MaskStyle::Token => {
                let tok = self.token(f);
                out.extend_from_slice(tok.as_bytes());
            }
            MaskStyle::Label(t) => self.label(t, f, out),
            _ => {
                let (first, last) = self.kept(f);
                self.mask_chars(f, orig, first, last, out)
            }
        }
    }

    /// The digits a masking style keeps at the start and at the end of
    /// `f` (`(0, 0)` for the styles that write no mask characters).
    fn kept(&self, f: &Finding) -> (usize, usize) {
        let (first, last) = match &self.styles[f.kind.index()] {
            MaskStyle::KeepLast(n) => (0, usize::from(*n)),
            MaskStyle::KeepFirst6Last4 => (6, 4),
            MaskStyle::KeepFirst8Last4 if f.digits.len >= 16 => (8, 4),
            MaskStyle::KeepFirst8Last4 => (6, 4),
            _ => (0, 0),
        };
        if f.spoken || f.mask_all {
            (0, 0)
        } else {
            (first, last)
        }
    }

    /// Appends the replacement for `f` to `out` when it is a typed
    /// finding that a one-byte mask character masks in place
    /// ([`plain_masked`]), as [`Masker::replace`] writes it, and returns
    /// `true`; otherwise writes nothing and returns `false`. The text is
    /// written as characters, not checked as UTF-8 once more.
    pub(crate) fn replace_plain(
        &self,
        f: &Finding,
        orig: &[u8],
        out: &mut String,
    ) -> bool {
        let masks = matches!(
            self.styles[f.kind.index()],
            MaskStyle::Full
                | MaskStyle::KeepLast(_)
                | MaskStyle::KeepFirst6Last4
                | MaskStyle::KeepFirst8Last4
        );
        let Some(mask) = self.mask_byte().filter(|_| masks) else {
            return false;
        };
        if f.kind == Kind::Track {
            return false;
        }
        let (first, last) = self.kept(f);
        out.reserve(orig.len());
        plain_masked(orig, first, last, mask, |block| {
            // (ASCII only, the mask too: `from_utf8` takes it.)
            match std::str::from_utf8(block) {
                Ok(text) => out.push_str(text),
                Err(_) => out.extend(block.iter().map(|&b| char::from(b))),
            }
        })
    }

    fn token(&self, f: &Finding) -> String {
        let key = self.key.as_deref().unwrap_or(&[]);
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
            .expect("HMAC accepts keys of any length");
        mac.update(f.kind.as_str().as_bytes());
        mac.update(b":");
        for &d in f.digits.as_slice() {
            mac.update(&[b'0' + d]);
        }
        let tag = mac.finalize().into_bytes();
        let mut s = String::from("tok_");
        for b in &tag[..8] {
            s.push(char::from(b"0123456789abcdef"[usize::from(b >> 4)]));
            s.push(char::from(b"0123456789abcdef"[usize::from(b & 15)]));
        }
        s
    }

    fn label(&self, t: &str, f: &Finding, out: &mut Vec<u8>) {
        let mut rest = t;
        while let Some(i) = rest.find('{') {
            out.extend_from_slice(&rest.as_bytes()[..i]);
            let after = &rest[i + 1..];
            let j = after.find('}').unwrap_or(after.len());
            match &after[..j] {
                "kind" => out.extend_from_slice(f.kind.as_str().as_bytes()),
                "KIND" => out.extend_from_slice(
                    f.kind.as_str().to_ascii_uppercase().as_bytes(),
                ),
                "brand" => out.extend_from_slice(
                    f.brand.map_or("unknown", |b| b.as_str()).as_bytes(),
                ),
                "last4" => {
                    out.extend_from_slice(f.last4().unwrap_or("").as_bytes())
                }
                "token" => out.extend_from_slice(self.token(f).as_bytes()),
                _ => {}
            }
            rest = after.get(j + 1..).unwrap_or("");
        }
        out.extend_from_slice(rest.as_bytes());
    }

    /// Masks digit characters and number words, keeping `first` leading and
    /// `last` trailing numeral digits ([`Masker::kept`]: none at all for
    /// spoken findings; none for track data either, which PCI DSS forbids
    /// keeping).
    fn mask_chars(
        &self,
        f: &Finding,
        orig: &[u8],
        first: usize,
        last: usize,
        out: &mut Vec<u8>,
    ) {
        let mut mbuf = [0u8; 4];
        let m = self.mask_char.encode_utf8(&mut mbuf).as_bytes();
        if f.kind == Kind::Track {
            // The whole track goes: name, expiry and service code included.
            let mut i = 0;
            while i < orig.len() {
                let (_, n) = chars::decode(orig, i);
                out.extend_from_slice(m);
                i += n;
            }
            return;
        }
        if let [mask] = *m {
            out.reserve(orig.len());
            if plain_masked(orig, first, last, mask, |block| {
                out.extend_from_slice(block)
            }) {
                return;
            }
        }
        let total = count_digit_chars(orig);
        let keep_from = total.saturating_sub(last);
        let mut k = 0usize;
        let mut i = 0;
        while i < orig.len() {
            // The label of a turn inside a card split over two turns
            // ("[10:01] customer: 4111 1111\n[10:01] customer: 1111 1111")
            // is kept, its timestamp too.
            if let Some(e) = label_at(orig, i) {
                out.extend_from_slice(&orig[i..e]);
                i = e;
                continue;
            }
            // An escaped separator ("%20", "&#160;", "\u00a0") inside a
            // finding is kept.
            if let Some(Ok((_, n))) = chars::escaped_sep(orig, i) {
                out.extend_from_slice(&orig[i..i + n]);
                i += n;
                continue;
            }
            let (c, n) = chars::classify(orig, i);
            match c {
                Class::Digit(_) => {
                    if k < first || k >= keep_from {
                        out.extend_from_slice(&orig[i..i + n]);
                    } else {
                        out.extend_from_slice(m);
                    }
                    k += 1;
                    i += n;
                }
                Class::Invisible => i += n,
                Class::Letter => {
                    let mut e = i;
                    while e < orig.len() && orig[e].is_ascii_alphabetic() {
                        e += 1;
                    }
                    let e = e.max(i + n);
                    if spoken::is_masked_word(&orig[i..e]) {
                        for _ in i..e {
                            out.extend_from_slice(m);
                        }
                    } else {
                        out.extend_from_slice(&orig[i..e]);
                    }
                    i = e;
                }
                _ => {
                    out.extend_from_slice(&orig[i..i + n]);
                    i += n;
                }
            }
        }
    }
}

/// Most findings are typed: ASCII digits and separators, no letter, no
/// `%` (which may start a URL-encoded separator) and no line break (after
/// which a turn's label may stand, [`label_at`]). Such a finding is
/// written to `put` with its digits masked by the ASCII `mask`, but for
/// the `first` and the `last` digits, as [`Masker::mask_chars`]' loop
/// writes it, and `true` returned; for any other, nothing is written and
/// `false` returned. (The check stops a spoken finding at its first
/// letter.) The text is handed to `put` in blocks of up to 64 bytes, each
/// masked in a buffer on the stack: one copy a block, not one push a byte.
#[inline]
fn plain_masked(
    orig: &[u8],
    first: usize,
    last: usize,
    mask: u8,
    mut put: impl FnMut(&[u8]),
) -> bool {
    // Most findings are 64 bytes or fewer: masked in vector registers
    // where the CPU has them, else through a word of digit bits.
    if orig.len() <= 64 {
        let mut buf = [0u8; 64];
        #[cfg(target_arch = "x86_64")]
        let plain =
            crate::simd::plain_mask64(orig, first, last, mask, &mut buf);
        #[cfg(not(target_arch = "x86_64"))]
        let plain = plain_mask64(orig, first, last, mask, &mut buf);
        if plain {
            put(&buf[..orig.len()]);
        }
        return plain;
    }
    let mut total = 0;
    for &b in orig {
        if !plain_byte(b) {
            return false;
        }
        total += usize::from(b.is_ascii_digit());
    }
    let keep_from = total.saturating_sub(last);
    let mut k = 0;
    let mut buf = [0u8; 64];
    for block in orig.chunks(buf.len()) {
        let out = &mut buf[..block.len()];
        for (o, &b) in out.iter_mut().zip(block) {
            let digit = b.is_ascii_digit();
            *o = if digit && k >= first && k < keep_from { mask } else { b };
            k += usize::from(digit);
        }
        put(out);
    }
    true
}

/// The stretch `lo..hi` of a finding whose digits are masked, given the
/// bits of its digits (bit `k` for byte `k`): from the digit after the
/// first `first` to the one before the last `last`; empty (`0..0`) where
/// those are all its digits.
#[inline]
pub(crate) fn masked_span(
    digits: u64,
    first: usize,
    last: usize,
) -> (u32, u32) {
    let mut d = digits;
    for _ in 0..first {
        d &= d.wrapping_sub(1);
    }
    for _ in 0..last {
        if d == 0 {
            break;
        }
        d &= !(1 << (63 - d.leading_zeros()));
    }
    if d == 0 {
        return (0, 0);
    }
    (d.trailing_zeros(), 64 - d.leading_zeros())
}

/// [`crate::simd::plain_mask64`] a byte at a time: masks the plain typed
/// finding `s` of at most 64 bytes into `out` ([`plain_masked`]), or
/// returns `false` where it holds a byte no plain finding holds. For CPUs
/// without the vector path, and for the test that compares the two.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
fn plain_mask64(
    s: &[u8],
    first: usize,
    last: usize,
    mask: u8,
    out: &mut [u8; 64],
) -> bool {
    let mut digits = 0u64;
    for (k, &b) in s.iter().enumerate() {
        if !plain_byte(b) {
            return false;
        }
        digits |= u64::from(b.is_ascii_digit()) << k;
    }
    let (lo, hi) = masked_span(digits, first, last);
    for (k, (o, &b)) in out.iter_mut().zip(s).enumerate() {
        let masked = digits >> k & 1 != 0 && (lo..hi).contains(&(k as u32));
        *o = if masked { mask } else { b };
    }
    true
}

/// Whether a plain typed finding may hold byte `b`: ASCII, no letter, no
/// line break (after which a turn's label may stand), and not `%` nor `&`,
/// which may start an escaped separator whose digits are kept (`%20`,
/// `&#160;`).
#[inline(always)]
fn plain_byte(b: u8) -> bool {
    !(b >= 0x80 || b.is_ascii_alphabetic() || matches!(b, b'%' | b'&' | b'\n'))
}

/// The end of the label of a turn that starts a line at `orig[i]` inside a
/// finding ([`crate::scan::turn_label_end`]).
fn label_at(orig: &[u8], i: usize) -> Option<usize> {
    if i == 0 || orig[i - 1] != b'\n' {
        return None;
    }
    crate::scan::turn_label_end(orig, i)
}

fn count_digit_chars(orig: &[u8]) -> usize {
    let mut i = 0;
    let mut k = 0;
    while i < orig.len() {
        if let Some(e) = label_at(orig, i) {
            i = e;
            continue;
        }
        if let Some(Ok((_, n))) = chars::escaped_sep(orig, i) {
            i += n;
            continue;
        }
        let (c, n) = chars::classify(orig, i);
        if let Class::Digit(_) = c {
            k += 1;
        }
        i += n;
    }
    k
}

#[cfg(test)]
mod tests {
    use crate::{Kind, MaskStyle, Redactor};

    fn redactor(style: &MaskStyle, mask: char) -> Redactor {
        let mut b = Redactor::builder();
        b.mask(Kind::Card, style.clone()).mask_char(mask);
        b.build().expect("valid")
    }

    proptest::proptest! {
        /// A plain typed finding is masked as a byte-at-a-time reading of
        /// the rule masks it: every digit but the first `first` and the
        /// last `last`, the rest of the bytes kept; any byte no plain
        /// finding holds (not ASCII, a letter, `%`, `&`, a line break)
        /// turns it down. Up to 64 bytes are masked sixteen bytes a step
        /// (and a byte at a time on other CPUs, compared here too), longer
        /// ones through the loop; all are read here.
        #[test]
        fn plain_findings_mask_as_the_rule_says(
            text in proptest::collection::vec(
                proptest::sample::select(
                    b"0123456789 -./|*,:%&\n\0aZ\x7f\x80\xe2\xff".to_vec(),
                ),
                0..100,
            ),
            digits_only in proptest::bool::weighted(0.7),
            first in 0usize..10,
            last in 0usize..8,
        ) {
            let text: Vec<u8> = if digits_only {
                text.into_iter().filter(|b| b.is_ascii_digit() || b" -./".contains(b)).collect()
            } else {
                text
            };
            let mut got = Vec::new();
            let plain = super::plain_masked(&text, first, last, b'#', |b| {
                got.extend_from_slice(b)
            });
            let bad = text.iter().any(|&b| {
                b >= 0x80 || b.is_ascii_alphabetic() || b"%&\n".contains(&b)
            });
            proptest::prop_assert_eq!(plain, !bad);
            if plain {
                let total = text.iter().filter(|b| b.is_ascii_digit()).count();
                let mut k = 0;
                let want: Vec<u8> = text
                    .iter()
                    .map(|&b| {
                        if !b.is_ascii_digit() {
                            return b;
                        }
                        k += 1;
                        if k > first && k + last <= total { b'#' } else { b }
                    })
                    .collect();
                proptest::prop_assert_eq!(&got, &want);
            } else {
                proptest::prop_assert!(got.is_empty());
            }
            // The byte-at-a-time path for other CPUs writes the same.
            if text.len() <= 64 {
                let mut out = [0u8; 64];
                let scalar = super::plain_mask64(&text, first, last, b'#', &mut out);
                proptest::prop_assert_eq!(scalar, plain);
                if plain {
                    proptest::prop_assert_eq!(&out[..text.len()], &got[..]);
                }
            }
        }
    }

    /// Each digit style on a typed card, as the policy table says.
    #[test]
    fn digit_styles_on_a_typed_card() {
        let text = "card 4111-1111-1111-1111 ok";
        for (style, want) in [
            (MaskStyle::KeepLast(4), "card ****-****-****-1111 ok"),
            (MaskStyle::KeepLast(0), "card ****-****-****-**** ok"),
            (MaskStyle::Full, "card ****-****-****-**** ok"),
            (MaskStyle::KeepFirst6Last4, "card 4111-11**-****-1111 ok"),
            (MaskStyle::KeepFirst8Last4, "card 4111-1111-****-1111 ok"),
        ] {
            assert_eq!(redactor(&style, '*').redact(text), want, "{style:?}");
        }
        let r = redactor(&MaskStyle::KeepFirst8Last4, '*');
        // Fewer than 16 digits keep six.
        assert_eq!(
            r.redact("amex 3782 822463 10005"),
            "amex 3782 82**** *0005"
        );
    }

    /// Typed findings (ASCII digits and separators, read a byte at a time)
    /// are masked as findings of any other form are (read a character at
    /// a time): the same text masked with a one-byte mask character and
    /// with a multibyte one differs only in that character, for each digit
    /// style of cards (the other kinds keep their default styles), on
    /// typed, URL-encoded, full-width and spoken numbers of every kind.
    #[test]
    fn typed_findings_mask_as_any_other() {
        let texts = [
            "card 4111 1111 1111 1111 exp 12/27 cvv 123",
            "4111-1111-1111-1111, 08/2029, 737",
            "pan=4111111111111111&x=1",
            "ssn 078-05-1120 and 219 09 9999",
            "amex 3782 822463 10005 cvv 1234",
            "41 111 1111 111 1111",
            "4111/1111/1111/1111",
            "4111|1111|1111|1111|12|2027|123",
            "my pin is 1234 and the card 6011 1111 1111 1117",
            "card 4111%201111%201111%201111 ok",
            "card \u{ff14}111 1111 1111 1111 ok",
            "card four one one one one one one one one one one one one one \
             one one",
            "cvv is 1 2 3 and the code four five six",
        ];
        let styles = [
            MaskStyle::KeepLast(4),
            MaskStyle::KeepLast(2),
            MaskStyle::Full,
            MaskStyle::KeepFirst6Last4,
            MaskStyle::KeepFirst8Last4,
        ];
        for text in texts {
            for style in &styles {
                let narrow = redactor(style, '*').redact(text).into_owned();
                let wide = redactor(style, '\u{2022}').redact(text);
                assert!(narrow != text, "{text}");
                assert_eq!(
                    wide.replace('\u{2022}', "*"),
                    narrow,
                    "{text} {style:?}"
                );
            }
        }
    }

    /// `redact` writes typed findings straight into its `String`
    /// ([`super::Masker::replace_plain`]) and the rest through the byte
    /// writer; `redact_bytes` writes all through the byte writer. Both give
    /// the same text for every style a kind may take, with a one-byte and a
    /// multibyte mask character, on typed, URL-encoded, full-width, spoken
    /// and track findings.
    #[test]
    fn string_and_byte_writers_agree() {
        let texts = [
            "card 4111 1111 1111 1111 exp 12/27 cvv 123 pin 4321",
            "4111-1111-1111-1111, 08/2029, 737",
            "pan=4111111111111111&x=1 ssn 078-05-1120",
            "amex 3782 822463 10005 cvv 1234 and 219 09 9999",
            "card 4111%201111%201111%201111 ok",
            "card \u{ff14}111 1111 1111 1111 ok",
            "card four one one one one one one one one one one one one one \
             one one, pin one two three four",
            "%B4111111111111111^DOE/JOHN^2712101000000000?",
            ";4111111111111111=27121010000000000000?",
        ];
        let styles = [
            MaskStyle::KeepLast(4),
            MaskStyle::KeepLast(0),
            MaskStyle::Full,
            MaskStyle::KeepFirst6Last4,
            MaskStyle::KeepFirst8Last4,
            MaskStyle::Remove,
            MaskStyle::Label("[{kind}:{brand}:{last4}]".into()),
        ];
        for mask in ['*', '#', '\u{2022}'] {
            for style in &styles {
                for kind in Kind::ALL {
                    let mut b = Redactor::builder();
                    b.mask(kind, style.clone()).mask_char(mask);
                    // (Some kinds may not keep digits.)
                    let Ok(r) = b.build() else { continue };
                    for text in texts {
                        let bytes = r.redact_bytes(text.as_bytes());
                        assert_eq!(
                            r.redact(text).as_bytes(),
                            &bytes[..],
                            "{text} {kind:?} {style:?} {mask}"
                        );
                    }
                }
            }
        }
    }
}
