//! A strict JSON parser for one JSONL record that keeps the byte span of
//! every string and number, and the field paths that select values.
//!
//! Masking splices new strings into the original line at those spans, so
//! everything that is not masked (key order, spacing, number spelling,
//! escapes) stays byte for byte as it was. The grammar is RFC 8259's; tests
//! check that it accepts exactly what `serde_json` accepts.

use std::borrow::Cow;
use std::ops::Range;

/// Nesting deeper than this is refused (as `serde_json` does).
const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    /// An object's members, in order (duplicates kept).
    Object(Vec<Member<'a>>),
    /// An array's elements.
    Array(Vec<Node<'a>>),
    /// A string.
    Str(JStr<'a>),
    /// A number: the span of its token.
    Num(Range<usize>),
    /// `true`, `false` or `null`.
    Lit,
}

/// One member of an object.
#[derive(Debug)]
pub(crate) struct Member<'a> {
    pub(crate) key: JStr<'a>,
    pub(crate) value: Node<'a>,
}

/// A string token: its span (quotes included) and its decoded value.
#[derive(Debug)]
pub(crate) struct JStr<'a> {
    pub(crate) span: Range<usize>,
    pub(crate) value: Cow<'a, str>,
}

/// Why a line is not JSON, and where (a 1-based byte column).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub(crate) column: usize,
    pub(crate) msg: &'static str,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "invalid JSON at column {}: {}", self.column, self.msg)
    }
}

/// Parses one JSON value, with optional whitespace around it.
pub(crate) fn parse(src: &str) -> Result<Node<'_>, ParseError> {
    let mut p = Parser { src, s: src.as_bytes(), i: 0, depth: 0 };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("trailing characters after the value"));
    }
    Ok(v)
}

struct Parser<'a> {
    src: &'a str,
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn err(&self, msg: &'static str) -> ParseError {
        ParseError { column: self.i + 1, msg }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Result<Node<'a>, ParseError> {
        match self.s.get(self.i) {
            None => Err(self.err("unexpected end of line")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => Ok(Node::Str(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.lit(b"true"),
            Some(b'f') => self.lit(b"false"),
            Some(b'n') => self.lit(b"null"),
            Some(_) => Err(self.err("expected a JSON value")),
        }
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("nesting too deep"));
        }
        self.i += 1;
        Ok(())
    }

    fn object(&mut self) -> Result<Node<'a>, ParseError> {
        self.enter()?;
        let mut members = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Node::Object(members));
        }
        loop {
            self.ws();
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err("expected a string key"));
            }
            let key = self.string()?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Err(self.err("expected `:`"));
            }
            self.i += 1;
            self.ws();
            let value = self.value()?;
            members.push(Member { key, value });
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Node::Object(members));
                }
                _ => return Err(self.err("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self) -> Result<Node<'a>, ParseError> {
        self.enter()?;
        let mut items = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            self.depth -= 1;
            return Ok(Node::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    self.depth -= 1;
                    return Ok(Node::Array(items));
                }
                _ => return Err(self.err("expected `,` or `]`")),
            }
        }
    }

    fn lit(&mut self, word: &[u8]) -> Result<Node<'a>, ParseError> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(Node::Lit)
        } else {
            Err(self.err("expected a JSON value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Node<'a>, ParseError> {
        let start = self.i;
        if self.s[self.i] == b'-' {
            self.i += 1;
        }
        match self.s.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.err("invalid number")),
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.err("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.err("invalid number"));
            }
        }
        Ok(Node::Num(start..self.i))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let d = match self.s.get(self.i) {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return Err(self.err("invalid \\u escape")),
            };
            v = v * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(v)
    }

    fn string(&mut self) -> Result<JStr<'a>, ParseError> {
        let start = self.i;
        self.i += 1;
        // Fast path: no escapes, borrow the text.
        let mut j = self.i;
        while let Some(&c) = self.s.get(j) {
            match c {
                b'"' => {
                    let value = Cow::Borrowed(&self.src[self.i..j]);
                    self.i = j + 1;
                    return Ok(JStr { span: start..self.i, value });
                }
                b'\\' => break,
                0..=0x1f => {
                    self.i = j;
                    return Err(self.err("control character in string"));
                }
                _ => j += 1,
            }
        }
        let mut out = String::from(&self.src[self.i..j]);
        self.i = j;
        loop {
            let Some(&c) = self.s.get(self.i) else {
                return Err(self.err("unterminated string"));
            };
            match c {
                b'"' => {
                    self.i += 1;
                    return Ok(JStr {
                        span: start..self.i,
                        value: Cow::Owned(out),
                    });
                }
                b'\\' => {
                    self.i += 1;
                    let Some(&e) = self.s.get(self.i) else {
                        return Err(self.err("unterminated string"));
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => {
                            self.i -= 1;
                            return Err(self.err("invalid escape"));
                        }
                    }
                }
                0..=0x1f => {
                    return Err(self.err("control character in string"))
                }
                _ => {
                    // Copy the run up to the next quote, backslash or
                    // control byte; it is valid UTF-8 (the line is a str)
                    // and those stops are ASCII, so the slice is on char
                    // boundaries.
                    let from = self.i;
                    while self
                        .s
                        .get(self.i)
                        .is_some_and(|&c| c != b'"' && c != b'\\' && c >= 0x20)
                    {
                        self.i += 1;
                    }
                    out.push_str(&self.src[from..self.i]);
                }
            }
        }
    }

    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                if !self.s[self.i..].starts_with(b"\\u") {
                    return Err(self.err("lone surrogate in \\u escape"));
                }
                self.i += 2;
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(self.err("lone surrogate in \\u escape"));
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.err("lone surrogate in \\u escape"))
            }
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.err("invalid \\u escape"))
    }
}

/// Writes `s` as a JSON string (quotes included): `"` and `\` and control
/// characters escaped, everything else as is.
pub(crate) fn write_string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    let b = s.as_bytes();
    let mut last = 0;
    for (i, &c) in b.iter().enumerate() {
        let esc: &[u8] = match c {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&b[last..i]);
        if esc.is_empty() {
            out.extend_from_slice(format!("\\u{c:04x}").as_bytes());
        } else {
            out.extend_from_slice(esc);
        }
        last = i + 1;
    }
    out.extend_from_slice(&b[last..]);
    out.push(b'"');
}

/// One step of a path inside a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    /// An object member.
    Key(&'a str),
    /// An array element.
    Index(usize),
}

/// One step of a selector.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Seg {
    Key(String),
    Index(usize),
    /// A JSON pointer token of digits: an object key or an array index.
    KeyOrIndex(String, usize),
    /// `[]`: every array element.
    AnyIndex,
    /// `*`: every member or element.
    Any,
}

/// A `--field` path: a JSON pointer or a dotted path with `[]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Selector {
    segs: Vec<Seg>,
}

impl Selector {
    /// Parses `/a/0/b` (RFC 6901) or `a[].b`, `a[0].b`, `a.*.b`.
    pub(crate) fn parse(s: &str) -> Result<Selector, String> {
        if let Some(rest) = s.strip_prefix('/') {
            let segs = rest
                .split('/')
                .map(|tok| {
                    let key = tok.replace("~1", "/").replace("~0", "~");
                    let idx = (!key.is_empty()
                        && key.bytes().all(|b| b.is_ascii_digit())
                        && (key == "0" || !key.starts_with('0')))
                    .then(|| key.parse::<usize>().ok())
                    .flatten();
                    match idx {
                        Some(n) => Seg::KeyOrIndex(key, n),
                        None => Seg::Key(key),
                    }
                })
                .collect();
            return Ok(Selector { segs });
        }
        let bad = |why: &str| format!("invalid field path `{s}`: {why}");
        if s.is_empty() {
            return Err(bad("empty"));
        }
        let mut segs = Vec::new();
        for part in s.split('.') {
            let (name, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if name.is_empty() && rest.is_empty() {
                return Err(bad("empty segment"));
            }
            match name {
                "" => {}
                "*" => segs.push(Seg::Any),
                n => segs.push(Seg::Key(n.to_string())),
            }
            while !rest.is_empty() {
                let close =
                    rest.find(']').ok_or_else(|| bad("missing `]`"))?;
                let inner = &rest[1..close];
                segs.push(match inner {
                    "" | "*" => Seg::AnyIndex,
                    n => Seg::Index(
                        n.parse().map_err(|_| bad("bad index inside `[]`"))?,
                    ),
                });
                rest = &rest[close + 1..];
                if !rest.is_empty() && !rest.starts_with('[') {
                    return Err(bad("text after `]`"));
                }
            }
        }
        Ok(Selector { segs })
    }

    fn seg_matches(seg: &Seg, step: &Step<'_>) -> bool {
        match (seg, step) {
            (Seg::Any, _) => true,
            (Seg::Key(k), Step::Key(s)) => k == s,
            (Seg::KeyOrIndex(k, _), Step::Key(s)) => k == s,
            (Seg::Index(n) | Seg::KeyOrIndex(_, n), Step::Index(i)) => n == i,
            (Seg::AnyIndex, Step::Index(_)) => true,
            _ => false,
        }
    }

    /// Whether the selector names exactly this path.
    pub(crate) fn matches(&self, path: &[Step<'_>]) -> bool {
        self.segs.len() == path.len()
            && self.segs.iter().zip(path).all(|(s, p)| Self::seg_matches(s, p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> Node<'_> {
        parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    #[test]
    fn spans_and_values() {
        let line = r#"{"a": "x\"y", "b": [1, -2.5e3, "\u00e9\ud83d\ude00"]}"#;
        let Node::Object(m) = ok(line) else { panic!() };
        assert_eq!(m[0].key.value, "a");
        let Node::Str(s) = &m[0].value else { panic!() };
        assert_eq!(s.value, "x\"y");
        assert_eq!(&line[s.span.clone()], r#""x\"y""#);
        let Node::Array(items) = &m[1].value else { panic!() };
        let Node::Num(r) = &items[1] else { panic!() };
        assert_eq!(&line[r.clone()], "-2.5e3");
        let Node::Str(s) = &items[2] else { panic!() };
        assert_eq!(s.value, "é😀");
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "{",
            "{\"a\"}",
            "{\"a\":1,}",
            "[1,]",
            "01",
            "1.",
            "-",
            "1e",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "tru",
            "{} x",
            "\"a\tb\"",
            "[1 2]",
            "{\"a\" 1}",
            "'a'",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should not parse");
            assert!(
                serde_json::from_str::<serde_json::Value>(bad).is_err(),
                "{bad:?}: serde_json disagrees"
            );
        }
    }

    #[test]
    fn agrees_with_serde_json_on_generated_lines() {
        // Mutations of valid records: every parse outcome and every decoded
        // string must match serde_json's.
        let seeds = [
            r#"{"id": 12, "messages": [{"speaker": "agent", "text": "hi \"there\"\n"}, {"speaker": "customer", "text": "4111\u00201111"}], "ok": true, "n": null}"#,
            r#"[0, -0.5, 1e10, "\\/\b\f", {"": ""}, [[]], {}]"#,
        ];
        let alphabet = b"{}[]\",:\\u0123456789abcdef-+.eE tnrl/\x01";
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        for seed in seeds {
            for _ in 0..3000 {
                let mut b = seed.as_bytes().to_vec();
                for _ in 0..(next() % 3 + 1) {
                    let i = (next() as usize) % b.len();
                    match next() % 3 {
                        0 => {
                            b.remove(i);
                        }
                        1 => b.insert(
                            i,
                            alphabet[(next() as usize) % alphabet.len()],
                        ),
                        _ => {
                            b[i] = alphabet[(next() as usize) % alphabet.len()]
                        }
                    }
                }
                let Ok(s) = std::str::from_utf8(&b) else { continue };
                let ours = parse(s);
                let theirs = serde_json::from_str::<serde_json::Value>(s);
                // serde_json also refuses numbers too large for an f64;
                // JSON's grammar does not, and we never convert numbers.
                if theirs
                    .as_ref()
                    .is_err_and(|e| e.to_string().contains("out of range"))
                {
                    continue;
                }
                assert_eq!(ours.is_ok(), theirs.is_ok(), "{s:?}: {ours:?}");
                if let (Ok(a), Ok(b)) = (ours, theirs) {
                    assert_eq!(strings(&a), strings_serde(&b), "{s:?}");
                }
            }
        }
    }

    fn strings(n: &Node<'_>) -> Vec<String> {
        let mut v = Vec::new();
        fn walk(n: &Node<'_>, v: &mut Vec<String>) {
            match n {
                Node::Object(m) => {
                    for x in m {
                        v.push(x.key.value.to_string());
                        walk(&x.value, v);
                    }
                }
                Node::Array(a) => a.iter().for_each(|x| walk(x, v)),
                Node::Str(s) => v.push(s.value.to_string()),
                _ => {}
            }
        }
        walk(n, &mut v);
        v.sort();
        v
    }

    fn strings_serde(n: &serde_json::Value) -> Vec<String> {
        let mut v = Vec::new();
        fn walk(n: &serde_json::Value, v: &mut Vec<String>) {
            match n {
                serde_json::Value::Object(m) => {
                    for (k, x) in m {
                        v.push(k.clone());
                        walk(x, v);
                    }
                }
                serde_json::Value::Array(a) => {
                    a.iter().for_each(|x| walk(x, v))
                }
                serde_json::Value::String(s) => v.push(s.clone()),
                _ => {}
            }
        }
        walk(n, &mut v);
        v.sort();
        v
    }

    #[test]
    fn write_string_round_trips() {
        for s in ["plain", "q\"b\\s", "nl\n\t\u{1}\u{1f}é", ""] {
            let mut out = Vec::new();
            write_string(s, &mut out);
            let back: String = serde_json::from_slice(&out).unwrap();
            assert_eq!(back, s);
        }
    }

    #[test]
    fn selectors() {
        let p = |s: &str| Selector::parse(s).unwrap();
        let path = [Step::Key("messages"), Step::Index(3), Step::Key("text")];
        assert!(p("messages[].text").matches(&path));
        assert!(p("messages[3].text").matches(&path));
        assert!(!p("messages[2].text").matches(&path));
        assert!(p("/messages/3/text").matches(&path));
        assert!(p("*.*.text").matches(&path));
        assert!(!p("messages").matches(&path));
        assert!(p("/a~1b/~0c").matches(&[Step::Key("a/b"), Step::Key("~c")]));
        assert!(Selector::parse("a[x]").is_err());
        assert!(Selector::parse("a..b").is_err());
    }
}
