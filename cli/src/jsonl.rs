//! JSONL records: mask chosen fields (or every string and number), or read
//! an array of messages as one conversation.

use std::ops::Range;

use pci_redact::{Finding, Message, Redactor};

use crate::json::{self, JStr, Node, ParseError, Selector, Step};
use crate::report::{Acc, Hit};

/// How records are masked.
#[derive(Debug, Default)]
pub(crate) struct JsonlOpts {
    /// Fields to mask; empty means every string (keys too) and number.
    pub(crate) fields: Vec<Selector>,
    /// Conversation mode.
    pub(crate) conversation: Option<Conversation>,
    /// Mask bad lines as text instead of failing.
    pub(crate) skip_bad: bool,
}

/// Where a record keeps its messages.
#[derive(Debug)]
pub(crate) struct Conversation {
    pub(crate) at: Selector,
    pub(crate) speaker: String,
    pub(crate) text: String,
}

/// Masks one line (without its line terminator) into `out`. `line_no` is
/// the line's 1-based number, for findings. A line that is not JSON is an
/// error, or with `skip_bad` is masked as plain text and counted.
pub(crate) fn process_line(
    red: &Redactor,
    opts: &JsonlOpts,
    line: &[u8],
    line_no: u64,
    out: &mut Vec<u8>,
    acc: &mut Acc,
) -> Result<(), ParseError> {
    if let Some(rest) = line.strip_prefix(b"\xEF\xBB\xBF") {
        // A byte order mark (exports from some tools start with one).
        out.extend_from_slice(&line[..3]);
        return process_line(red, opts, rest, line_no, out, acc);
    }
    if line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
        out.extend_from_slice(line);
        return Ok(());
    }
    let parsed = std::str::from_utf8(line)
        .map_err(|e| ParseError {
            column: e.valid_up_to() + 1,
            msg: "invalid UTF-8",
        })
        .and_then(|text| json::parse(text).map(|root| (text, root)));
    let (text, root) = match parsed {
        Ok(x) => x,
        Err(e) if opts.skip_bad => {
            plain_line(red, line, line_no, out, acc);
            acc.skipped(line_no, e.to_string());
            return Ok(());
        }
        Err(e) => return Err(e),
    };
    let mut w = Walk {
        red,
        opts,
        src: text,
        line_no,
        edits: Vec::new(),
        done: Vec::new(),
        acc,
    };
    if let Some(conv) = &opts.conversation {
        let mut path = Vec::new();
        w.conversations(conv, &root, &mut path);
    }
    let all = opts.fields.is_empty();
    let mut path = Vec::new();
    w.fields(&root, &mut path, all);
    let mut edits = w.edits;
    if edits.is_empty() {
        out.extend_from_slice(line);
        return Ok(());
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut last = 0;
    for (r, rep) in edits {
        out.extend_from_slice(&line[last..r.start]);
        out.extend_from_slice(&rep);
        last = r.end;
    }
    out.extend_from_slice(&line[last..]);
    Ok(())
}

/// Masks a line that is not JSON as plain text: the same findings any text
/// would give, so nothing passes unmasked.
fn plain_line(
    red: &Redactor,
    line: &[u8],
    line_no: u64,
    out: &mut Vec<u8>,
    acc: &mut Acc,
) {
    let found = red.find_bytes(line);
    splice(red, line, &found, out);
    for f in &found {
        acc.hit(Hit::new(f, line_no, f.start() + 1, None));
    }
}

/// Appends `text` with every finding replaced.
pub(crate) fn splice(
    red: &Redactor,
    text: &[u8],
    found: &[Finding],
    out: &mut Vec<u8>,
) {
    let mut last = 0;
    for f in found {
        let r = f.span().range();
        out.extend_from_slice(&text[last..r.start]);
        out.extend_from_slice(&red.replacement(f, &text[r.clone()]));
        last = r.end;
    }
    out.extend_from_slice(&text[last..]);
}

/// The name of the field a value stands in: the last key on its path
/// (an array's elements stand in the array's field), or "" at the top.
fn field_of<'p>(path: &'p [Step<'_>]) -> &'p str {
    path.iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k) => Some(*k),
            Step::Index(_) => None,
        })
        .unwrap_or("")
}

struct Walk<'r, 'a> {
    red: &'r Redactor,
    opts: &'r JsonlOpts,
    src: &'a str,
    line_no: u64,
    /// Replacements: byte range of the line and the new bytes.
    edits: Vec<(Range<usize>, Vec<u8>)>,
    /// Starts of string tokens already handled by conversation mode.
    done: Vec<usize>,
    acc: &'r mut Acc,
}

impl<'a> Walk<'_, 'a> {
    /// The JSON pointer of `path` (plus `last`), with every key masked:
    /// a key may itself hold a number, and reports never show one.
    fn pointer(&self, path: &[Step<'_>], last: Option<&str>) -> String {
        let mut s = String::new();
        let push_key = |s: &mut String, k: &str| {
            let k = self.red.redact(k);
            s.push('/');
            s.push_str(&k.replace('~', "~0").replace('/', "~1"));
        };
        for step in path {
            match step {
                Step::Key(k) => push_key(&mut s, k),
                Step::Index(i) => {
                    s.push('/');
                    s.push_str(&i.to_string());
                }
            }
        }
        if let Some(k) = last {
            push_key(&mut s, k);
        }
        s
    }

    fn record(&mut self, found: &[Finding], field: String) {
        for f in found {
            self.acc.hit(Hit::new(
                f,
                self.line_no,
                f.start() + 1,
                Some(field.clone()),
            ));
        }
    }

    /// Masks a string token in full if anything is found in it. A value
    /// is read with the name of its field as context (`"cvv": "123"`); a
    /// key (`key` is set) on its own.
    fn string(&mut self, s: &JStr<'_>, path: &[Step<'_>], key: Option<&str>) {
        let found = match key {
            Some(_) => self.red.find(&s.value),
            None => self.red.find_field(field_of(path), &s.value),
        };
        if found.is_empty() {
            return;
        }
        let mut masked = Vec::with_capacity(s.value.len());
        splice(self.red, s.value.as_bytes(), &found, &mut masked);
        let mut rep = Vec::with_capacity(masked.len() + 2);
        json::write_string(&String::from_utf8_lossy(&masked), &mut rep);
        self.edits.push((s.span.clone(), rep));
        let field = self.pointer(path, key);
        self.record(&found, field);
    }

    /// A number that holds a card number becomes a masked string.
    fn number(&mut self, r: &Range<usize>, path: &[Step<'_>]) {
        let tok = &self.src[r.clone()];
        let found = self.red.find_field(field_of(path), tok);
        if found.is_empty() {
            return;
        }
        let mut masked = Vec::new();
        splice(self.red, tok.as_bytes(), &found, &mut masked);
        let mut rep = Vec::new();
        json::write_string(&String::from_utf8_lossy(&masked), &mut rep);
        self.edits.push((r.clone(), rep));
        let field = self.pointer(path, None);
        self.record(&found, field);
    }

    fn selected(&self, path: &[Step<'_>]) -> bool {
        self.opts.fields.iter().any(|s| s.matches(path))
    }

    fn fields<'t>(
        &mut self,
        n: &'t Node<'_>,
        path: &mut Vec<Step<'t>>,
        on: bool,
    ) {
        let on = on || self.selected(path);
        match n {
            Node::Object(members) => {
                for m in members {
                    if on && self.opts.fields.is_empty() {
                        // Keys are strings too.
                        self.string(&m.key, path, Some(&m.key.value));
                    }
                    path.push(Step::Key(&m.key.value));
                    self.fields(&m.value, path, on);
                    path.pop();
                }
            }
            Node::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    self.fields(x, path, on);
                    path.pop();
                }
            }
            Node::Str(s) => {
                if on && !self.done.contains(&s.span.start) {
                    self.string(s, path, None);
                }
            }
            Node::Num(r) => {
                if on {
                    self.number(r, path);
                }
            }
            Node::Lit => {}
        }
    }

    fn conversations<'t>(
        &mut self,
        conv: &Conversation,
        n: &'t Node<'_>,
        path: &mut Vec<Step<'t>>,
    ) {
        if conv.at.matches(path) {
            if let Node::Array(items) = n {
                self.conversation(conv, items, path);
                return;
            }
        }
        match n {
            Node::Object(members) => {
                for m in members {
                    path.push(Step::Key(&m.key.value));
                    self.conversations(conv, &m.value, path);
                    path.pop();
                }
            }
            Node::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    self.conversations(conv, x, path);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn conversation<'t>(
        &mut self,
        conv: &Conversation,
        items: &'t [Node<'_>],
        path: &mut Vec<Step<'t>>,
    ) {
        // (index in the array, the text token) of every message that has
        // a string text.
        let mut texts: Vec<(usize, &'t JStr<'_>)> = Vec::new();
        let mut msgs: Vec<Message<'_>> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Node::Object(members) = item else { continue };
            let field = |name: &str| {
                members.iter().rev().find(|m| m.key.value == name).and_then(
                    |m| match &m.value {
                        Node::Str(s) => Some(s),
                        _ => None,
                    },
                )
            };
            let Some(text) = field(&conv.text) else { continue };
            let speaker = field(&conv.speaker).map_or("", |s| &s.value);
            texts.push((i, text));
            msgs.push(Message::new(speaker, &text.value));
        }
        let found = self.red.find_conversation(&msgs);
        for ((i, text), fs) in texts.into_iter().zip(found) {
            self.done.push(text.span.start);
            if fs.is_empty() {
                continue;
            }
            let mut masked = Vec::with_capacity(text.value.len());
            splice(self.red, text.value.as_bytes(), &fs, &mut masked);
            let mut rep = Vec::new();
            json::write_string(&String::from_utf8_lossy(&masked), &mut rep);
            self.edits.push((text.span.clone(), rep));
            path.push(Step::Index(i));
            let field = self.pointer(path, Some(&conv.text));
            path.pop();
            self.record(&fs, field);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(opts: &JsonlOpts, line: &str) -> (String, Acc) {
        let mut out = Vec::new();
        let mut acc = Acc::new(true);
        process_line(
            &Redactor::new(),
            opts,
            line.as_bytes(),
            1,
            &mut out,
            &mut acc,
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), acc)
    }

    #[test]
    fn untouched_line_is_byte_exact() {
        let line = r#"{ "b" : 1.50e1, "a":"hello \u0041" }"#;
        assert_eq!(run(&JsonlOpts::default(), line).0, line);
    }

    #[test]
    fn only_the_masked_string_changes() {
        let line = r#"{"n": 2.50, "t": "card 4111 1111 1111 1111 \/ok"}"#;
        let (out, acc) = run(&JsonlOpts::default(), line);
        assert_eq!(out, r#"{"n": 2.50, "t": "card **** **** **** 1111 /ok"}"#);
        assert_eq!(acc.total(), 1);
    }

    #[test]
    fn values_are_read_with_their_field_names() {
        let line = r#"{"card": {"number": "4111111111111111", "cvc": 123, "exp_month": "08", "exp_year": 2029}, "pin_codes": ["1234"], "ssn": "078051120", "qty": 123, "note": "123"}"#;
        let (out, acc) = run(&JsonlOpts::default(), line);
        assert_eq!(
            out,
            r#"{"card": {"number": "************1111", "cvc": "***", "exp_month": "**", "exp_year": "****"}, "pin_codes": ["****"], "ssn": "*********", "qty": 123, "note": "123"}"#
        );
        let fields: Vec<_> =
            acc.hits().iter().map(|h| h.field.clone().unwrap()).collect();
        assert_eq!(
            fields,
            [
                "/card/number",
                "/card/cvc",
                "/card/exp_month",
                "/card/exp_year",
                "/pin_codes/0",
                "/ssn"
            ]
        );
        // A key is read alone: a key named "cvv" holds no CVV.
        let (out, _) = run(&JsonlOpts::default(), r#"{"cvv": {"123": 1}}"#);
        assert_eq!(out, r#"{"cvv": {"123": 1}}"#);
    }

    #[test]
    fn byte_order_mark_is_kept() {
        let (out, _) = run(
            &JsonlOpts::default(),
            "\u{feff}{\"a\": \"4111111111111111\"}",
        );
        assert_eq!(out, "\u{feff}{\"a\": \"************1111\"}");
    }

    #[test]
    fn numbers_holding_cards_become_strings() {
        let (out, _) =
            run(&JsonlOpts::default(), r#"{"pan": 4111111111111111}"#);
        assert_eq!(out, r#"{"pan": "************1111"}"#);
    }

    #[test]
    fn fields_limit_masking() {
        let opts = JsonlOpts {
            fields: vec![Selector::parse("m[].text").unwrap()],
            ..JsonlOpts::default()
        };
        let line = r#"{"x": "4111111111111111", "m": [{"text": "4111111111111111"}]}"#;
        let (out, acc) = run(&opts, line);
        assert_eq!(
            out,
            r#"{"x": "4111111111111111", "m": [{"text": "************1111"}]}"#
        );
        assert_eq!(acc.hits()[0].field.as_deref(), Some("/m/0/text"));
    }

    #[test]
    fn bad_line_is_error_or_masked_text() {
        let line = b"{\"t\": \"4111111111111111\"";
        let red = Redactor::new();
        let mut out = Vec::new();
        let mut acc = Acc::new(true);
        let e = process_line(
            &red,
            &JsonlOpts::default(),
            line,
            7,
            &mut out,
            &mut acc,
        )
        .unwrap_err();
        assert!(!e.to_string().contains("4111"));
        let opts = JsonlOpts { skip_bad: true, ..JsonlOpts::default() };
        process_line(&red, &opts, line, 7, &mut out, &mut acc).unwrap();
        assert_eq!(out, b"{\"t\": \"************1111\"");
        assert_eq!(acc.skipped_count(), 1);
    }
}
