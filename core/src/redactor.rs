//! [`Redactor`] and [`RedactorBuilder`]: the one-shot API.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use crate::context::Keywords;
use crate::error::{BuildError, ErrorKind};
use crate::finding::{Finding, Kind};
use crate::mask::{MaskStyle, Masker};
use crate::scan::Scanner;
use crate::spoken::Spoken;
use crate::stream::StreamRedactor;

/// Everything a scan reads, built once.
pub(crate) struct Inner {
    /// Which kinds are reported and masked, by [`Kind::index`].
    pub(crate) enabled: [bool; 6],
    pub(crate) masker: Masker,
    /// Spoken-number tables, when spoken forms are on.
    pub(crate) spoken: Option<&'static Spoken>,
    pub(crate) keywords: &'static Keywords,
    /// Exempt the published test card numbers.
    pub(crate) allow_test_cards: bool,
}

/// Finds and masks payment-card data.
///
/// A `Redactor` is immutable and cheap to clone (it is reference counted),
/// `Send` and `Sync`: build it once and share it between threads.
///
/// Scanning never fails and never panics: any bytes, invalid UTF-8 included,
/// are data.
#[derive(Clone)]
pub struct Redactor {
    pub(crate) inner: Arc<Inner>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds: Vec<&str> = Kind::ALL
            .iter()
            .filter(|k| self.inner.enabled[k.index()])
            .map(|k| k.as_str())
            .collect();
        f.debug_struct("Redactor")
            .field("kinds", &kinds)
            .field("styles", &self.inner.masker.styles)
            .field("spoken", &self.inner.spoken.is_some())
            .finish()
    }
}

impl Default for Redactor {
    fn default() -> Redactor {
        Redactor::new()
    }
}

/// An error from [`Redactor::redact_in_place`]: the policy would change the
/// length of a finding, so the buffer cannot be rewritten in place. The
/// buffer is left untouched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InPlaceError {
    kind: Kind,
    start: usize,
}

impl fmt::Display for InPlaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the mask for the {} at byte {} changes its length, so the \
             buffer cannot be redacted in place",
            self.kind, self.start
        )
    }
}

impl std::error::Error for InPlaceError {}

impl Redactor {
    /// A redactor with the default PCI policy: every kind detected, spoken
    /// forms included; cards keep their last four digits, everything else is
    /// masked in full with `*`.
    pub fn new() -> Redactor {
        RedactorBuilder::new().build().expect("the default policy is valid")
    }

    /// A builder to configure kinds, masks and options.
    pub fn builder() -> RedactorBuilder {
        RedactorBuilder::new()
    }

    /// Whether `kind` is detected and masked.
    pub fn detects(&self, kind: Kind) -> bool {
        self.inner.enabled[kind.index()]
    }

    /// The mask style for `kind`.
    pub fn mask_style(&self, kind: Kind) -> &MaskStyle {
        &self.inner.masker.styles[kind.index()]
    }

    /// Calls `f` with each finding in `hay`, in order of position.
    pub(crate) fn scan(&self, hay: &[u8], mut f: impl FnMut(Finding)) {
        Scanner::one_shot(&self.inner, hay, &mut f);
    }

    /// All findings in `hay`, in order of position, with byte spans.
    pub fn find(&self, hay: &str) -> Vec<Finding> {
        self.find_bytes(hay.as_bytes())
    }

    /// All findings in a byte string (any bytes; invalid UTF-8 is data).
    pub fn find_bytes(&self, hay: &[u8]) -> Vec<Finding> {
        let mut v = Vec::new();
        self.scan(hay, |f| v.push(f));
        v
    }

    /// An iterator over the findings in `hay`.
    pub fn find_iter<'h>(&self, hay: &'h str) -> FindIter<'h> {
        FindIter { _hay: hay, it: self.find(hay).into_iter() }
    }

    /// Redacts `hay`, borrowing it when there is nothing to mask.
    pub fn redact<'h>(&self, hay: &'h str) -> Cow<'h, str> {
        let mut out: Option<String> = None;
        let mut w = Writer::new(hay);
        self.scan(hay.as_bytes(), |f| {
            let o =
                out.get_or_insert_with(|| String::with_capacity(hay.len()));
            w.push(self, &f, o);
        });
        match out {
            None => Cow::Borrowed(hay),
            Some(mut o) => {
                w.finish(&mut o);
                Cow::Owned(o)
            }
        }
    }

    /// Redacts a byte string, borrowing it when there is nothing to mask.
    pub fn redact_bytes<'h>(&self, hay: &'h [u8]) -> Cow<'h, [u8]> {
        let mut out: Option<Vec<u8>> = None;
        let mut last = 0usize;
        self.scan(hay, |f| {
            let o = out.get_or_insert_with(|| Vec::with_capacity(hay.len()));
            let (s, e) = (f.start as usize, f.end as usize);
            o.extend_from_slice(&hay[last..s]);
            self.inner.masker.replace(&f, &hay[s..e], o);
            last = e;
        });
        match out {
            None => Cow::Borrowed(hay),
            Some(mut o) => {
                o.extend_from_slice(&hay[last..]);
                Cow::Owned(o)
            }
        }
    }

    /// Appends the redacted `hay` to `dst` and returns the number of
    /// findings. `f` is called with each finding before it is masked; return
    /// `false` from it to leave that finding unmasked.
    pub fn redact_with(
        &self,
        hay: &str,
        dst: &mut String,
        mut keep: impl FnMut(&Finding) -> bool,
    ) -> usize {
        dst.reserve(hay.len());
        let mut n = 0;
        let mut w = Writer::new(hay);
        self.scan(hay.as_bytes(), |f| {
            if keep(&f) {
                n += 1;
                w.push(self, &f, dst);
            }
        });
        w.finish(dst);
        n
    }

    /// Redacts `buf` in place and returns the number of findings. Works when
    /// every replacement keeps the finding's length (the default policy on
    /// ASCII text); otherwise returns an error and leaves `buf` untouched.
    pub fn redact_in_place(
        &self,
        buf: &mut [u8],
    ) -> Result<usize, InPlaceError> {
        let mut reps: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut err = None;
        self.scan(buf, |f| {
            if err.is_some() {
                return;
            }
            let (s, e) = (f.start as usize, f.end as usize);
            let mut r = Vec::with_capacity(e - s);
            self.inner.masker.replace(&f, &buf[s..e], &mut r);
            if r.len() != e - s {
                err = Some(InPlaceError { kind: f.kind, start: s });
            }
            reps.push((s, r));
        });
        if let Some(e) = err {
            return Err(e);
        }
        for (s, r) in &reps {
            buf[*s..*s + r.len()].copy_from_slice(r);
        }
        Ok(reps.len())
    }

    /// The findings in `text` read with `prefix` and then `joint` before
    /// it as left context only (nothing in them is reported); spans are
    /// offsets in `text`. Conversation mode and field mode read text this
    /// way.
    pub(crate) fn find_with_context(
        &self,
        prefix: &[u8],
        joint: &[u8],
        text: &[u8],
    ) -> Vec<Finding> {
        let mut hay =
            Vec::with_capacity(prefix.len() + joint.len() + text.len());
        hay.extend_from_slice(prefix);
        hay.extend_from_slice(joint);
        let off = hay.len();
        hay.extend_from_slice(text);
        let mut sc = Scanner::starting_at(off as u64);
        let mut v = Vec::new();
        sc.advance(&self.inner, &hay, 0, true, &mut |f: Finding| {
            // (No finding starts before the scanner's start.)
            v.push(f.shifted(-(off as i64)));
        });
        v
    }

    /// `text` with each of `found` (in order, spans in `text`) replaced as
    /// this policy masks it.
    pub(crate) fn splice(&self, text: &[u8], found: &[Finding]) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len());
        let mut last = 0;
        for f in found {
            let (s, e) = (f.start as usize, f.end as usize);
            out.extend_from_slice(&text[last..s]);
            self.inner.masker.replace(f, &text[s..e], &mut out);
            last = e;
        }
        out.extend_from_slice(&text[last..]);
        out
    }

    /// The scanner's count of work (bytes visited by searches and run
    /// parsing) on `hay`: for tests that check the scan stays linear in the
    /// input size. Not a stable API.
    #[doc(hidden)]
    pub fn work_units(&self, hay: &[u8]) -> u64 {
        let mut sc = Scanner::new();
        sc.advance(&self.inner, hay, 0, true, &mut |_| {});
        sc.work()
    }

    /// A stream redactor sharing this redactor's policy.
    pub fn stream(&self) -> StreamRedactor {
        StreamRedactor::new(self.clone())
    }

    /// The replacement text for a finding whose original bytes are
    /// `original`, under this redactor's policy.
    pub fn replacement(&self, finding: &Finding, original: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        self.inner.masker.replace(finding, original, &mut v);
        v
    }
}

/// An iterator over the findings in a text, from [`Redactor::find_iter`].
#[derive(Debug)]
pub struct FindIter<'h> {
    _hay: &'h str,
    it: std::vec::IntoIter<Finding>,
}

impl Iterator for FindIter<'_> {
    type Item = Finding;

    fn next(&mut self) -> Option<Finding> {
        self.it.next()
    }
}

impl std::iter::FusedIterator for FindIter<'_> {}

/// Configures and builds a [`Redactor`].
#[derive(Clone, Debug)]
pub struct RedactorBuilder {
    enabled: [bool; 6],
    styles: [MaskStyle; 6],
    mask_char: char,
    key: Option<Vec<u8>>,
    spoken: bool,
    allow_test_cards: bool,
}

impl Default for RedactorBuilder {
    fn default() -> RedactorBuilder {
        RedactorBuilder::new()
    }
}

impl RedactorBuilder {
    /// A builder with the default PCI policy.
    pub fn new() -> RedactorBuilder {
        RedactorBuilder {
            enabled: [true; 6],
            styles: Kind::ALL.map(MaskStyle::default_for),
            mask_char: '*',
            key: None,
            spoken: true,
            allow_test_cards: false,
        }
    }

    /// Detects exactly the given kinds.
    pub fn kinds(
        &mut self,
        kinds: impl IntoIterator<Item = Kind>,
    ) -> &mut RedactorBuilder {
        self.enabled = [false; 6];
        for k in kinds {
            self.enabled[k.index()] = true;
        }
        self
    }

    /// Detects exactly the kinds named (`"card"`, `"ssn"`, …).
    pub fn kind_names<S: AsRef<str>>(
        &mut self,
        names: impl IntoIterator<Item = S>,
    ) -> Result<&mut RedactorBuilder, BuildError> {
        let mut ks = Vec::new();
        for n in names {
            let n = n.as_ref();
            ks.push(Kind::from_name(n).ok_or_else(|| {
                BuildError::new(ErrorKind::UnknownKind(n.to_string()))
            })?);
        }
        Ok(self.kinds(ks))
    }

    /// Turns detection of one kind on or off.
    pub fn detect(&mut self, kind: Kind, yes: bool) -> &mut RedactorBuilder {
        self.enabled[kind.index()] = yes;
        self
    }

    /// Sets the mask style of one kind.
    pub fn mask(
        &mut self,
        kind: Kind,
        style: MaskStyle,
    ) -> &mut RedactorBuilder {
        self.styles[kind.index()] = style;
        self
    }

    /// Sets the mask style of the kind named `kind` from a style name (see
    /// [`MaskStyle::parse`]).
    pub fn mask_named(
        &mut self,
        kind: &str,
        style: &str,
    ) -> Result<&mut RedactorBuilder, BuildError> {
        let k = Kind::from_name(kind).ok_or_else(|| {
            BuildError::new(ErrorKind::UnknownKind(kind.to_string()))
        })?;
        let s = MaskStyle::parse(style)?;
        Ok(self.mask(k, s))
    }

    /// Sets the character that replaces masked digits (default `*`).
    pub fn mask_char(&mut self, c: char) -> &mut RedactorBuilder {
        self.mask_char = c;
        self
    }

    /// Sets the key for [`MaskStyle::Token`] (HMAC-SHA-256).
    pub fn token_key(
        &mut self,
        key: impl AsRef<[u8]>,
    ) -> &mut RedactorBuilder {
        self.key = Some(key.as_ref().to_vec());
        self
    }

    /// Turns spoken forms ("four one one one", "double five") on or off
    /// (default on).
    pub fn spoken(&mut self, yes: bool) -> &mut RedactorBuilder {
        self.spoken = yes;
        self
    }

    /// Exempts the processors' published test card numbers (default off:
    /// a transcript cannot prove a number is a test card).
    pub fn allow_test_cards(&mut self, yes: bool) -> &mut RedactorBuilder {
        self.allow_test_cards = yes;
        self
    }

    /// Builds the redactor, checking every setting.
    pub fn build(&self) -> Result<Redactor, BuildError> {
        let c = self.mask_char;
        if c.is_ascii_digit()
            || c.is_numeric()
            || c.is_whitespace()
            || c.is_control()
        {
            return Err(BuildError::new(ErrorKind::InvalidMaskChar(c)));
        }
        for (i, s) in self.styles.iter().enumerate() {
            s.validate()?;
            let needs_key = self.enabled[i] && s.needs_key();
            if needs_key && self.key.as_ref().is_none_or(|k| k.is_empty()) {
                return Err(BuildError::new(ErrorKind::MissingTokenKey));
            }
            if matches!(
                s,
                MaskStyle::KeepFirst6Last4 | MaskStyle::KeepFirst8Last4
            ) && Kind::ALL[i] != Kind::Card
            {
                return Err(BuildError::new(ErrorKind::InvalidKeep(format!(
                    "{}={s:?}: only cards may keep leading digits",
                    Kind::ALL[i]
                ))));
            }
        }
        Ok(Redactor {
            inner: Arc::new(Inner {
                enabled: self.enabled,
                masker: Masker {
                    styles: self.styles.clone(),
                    mask_char: c,
                    key: self.key.clone(),
                },
                spoken: if self.spoken {
                    Some(Spoken::english())
                } else {
                    None
                },
                keywords: Keywords::get(),
                allow_test_cards: self.allow_test_cards,
            }),
        })
    }
}

/// Writes redacted text into a `String` piece by piece, for
/// [`Redactor::redact`] and [`Redactor::redact_with`]: the text between
/// findings is a slice of the input, and only the replacements are checked
/// as UTF-8, not the whole output once more.
struct Writer<'h> {
    hay: &'h str,
    /// The end of the input written so far.
    last: usize,
    /// Scratch space for a replacement that is not written in place.
    rep: Vec<u8>,
}

impl<'h> Writer<'h> {
    fn new(hay: &'h str) -> Writer<'h> {
        Writer { hay, last: 0, rep: Vec::new() }
    }

    /// `hay[a..b]`. Spans sit on character boundaries and every
    /// replacement is UTF-8, so the lossy reading never replaces anything;
    /// it only keeps the hot path free of panics.
    fn text(&self, a: usize, b: usize) -> Cow<'h, str> {
        match self.hay.get(a..b) {
            Some(s) => Cow::Borrowed(s),
            None => String::from_utf8_lossy(&self.hay.as_bytes()[a..b]),
        }
    }

    /// Writes the text up to finding `f`, then its replacement.
    fn push(&mut self, r: &Redactor, f: &Finding, o: &mut String) {
        let (s, e) = (f.start as usize, f.end as usize);
        o.push_str(&self.text(self.last, s));
        let bytes = &self.hay.as_bytes()[s..e];
        let m = &r.inner.masker;
        if !m.replace_plain(f, bytes, o) {
            self.rep.clear();
            m.replace(f, bytes, &mut self.rep);
            match std::str::from_utf8(&self.rep) {
                Ok(x) => o.push_str(x),
                Err(_) => o.push_str(&String::from_utf8_lossy(&self.rep)),
            }
        }
        self.last = e;
    }

    /// Writes the text after the last finding.
    fn finish(&self, o: &mut String) {
        o.push_str(&self.text(self.last, self.hay.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MaskStyle;

    /// `redact_with` appends to what the buffer holds, masks only what
    /// `keep` accepts, and counts those findings.
    #[test]
    fn redact_with_masks_what_keep_accepts() {
        let r = Redactor::new();
        let text = "card 4111 1111 1111 1111, ssn 123-45-6789, naïve";
        let mut out = String::from("log: ");
        let n = r.redact_with(text, &mut out, |f| f.kind() == Kind::Ssn);
        assert_eq!(n, 1);
        assert_eq!(
            out,
            "log: card 4111 1111 1111 1111, ssn ***-**-****, naïve"
        );
        // All of them: what `redact` writes, after the buffer's text.
        let mut all = String::from("log: ");
        assert_eq!(r.redact_with(text, &mut all, |_| true), 2);
        assert_eq!(all, format!("log: {}", r.redact(text)));
        // Nothing found: the text as it is.
        let mut plain = String::from("a");
        assert_eq!(r.redact_with("no numbers here", &mut plain, |_| true), 0);
        assert_eq!(plain, "ano numbers here");
    }

    /// A callback that scans another text on the same thread gets the
    /// answers a scan of its own gets, and so does the scan it runs in,
    /// though both read runs in full (the scratch vectors they borrow are
    /// one thread's).
    #[test]
    fn scans_nest_on_one_thread() {
        let r = Redactor::new();
        let outer = "card 4111 1111 1111 1111 exp 12/27, ssn 123-45-6789";
        let inner = "pay 5555 5555 5555 4444 and 4012 8888 8888 1881 cvv 737";
        let (want_outer, want_inner) = (r.redact(outer), r.redact(inner));
        let mut out = String::new();
        let mut seen = Vec::new();
        let n = r.redact_with(outer, &mut out, |_| {
            seen.push(r.redact(inner).into_owned());
            true
        });
        assert_eq!(n, 3);
        assert_eq!(out, want_outer);
        assert_eq!(seen, vec![want_inner.into_owned(); 3]);
        // And again, with what the nested scans gave back.
        assert_eq!(r.redact(outer), out);
        assert_eq!(r.find(inner).len(), 3);
    }

    /// A replacement that is not a mask written in place (a label, a mask
    /// character of more than one byte) is written as `redact` writes it.
    #[test]
    fn redact_with_writes_labels_and_wide_masks() {
        let label = Redactor::builder()
            .mask(Kind::Card, MaskStyle::Label("[{brand} {last4}]".into()))
            .build()
            .unwrap();
        let wide = Redactor::builder().mask_char('\u{2022}').build().unwrap();
        let text = "pay with 4111 1111 1111 1111 exp 12/27 — thanks";
        for r in [label, wide] {
            let mut out = String::new();
            assert_eq!(r.redact_with(text, &mut out, |_| true), 2);
            assert_eq!(out, r.redact(text));
            assert_ne!(out, text);
        }
    }
}
