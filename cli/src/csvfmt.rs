//! CSV and TSV: mask chosen columns (or all). Records with nothing to mask
//! are copied byte for byte; masked records are written back with the
//! input's delimiter and line terminator, quoted where needed.

use std::io::{self, Read, Write};

use pci_redact::{Finding, Kind, Reason, Redactor};

use crate::error::{Error, Result};
use crate::jsonl::splice;
use crate::report::{Acc, Hit};

/// How a CSV input is read and masked.
#[derive(Debug, Clone)]
pub(crate) struct CsvOpts {
    pub(crate) delimiter: u8,
    /// Columns to mask (names or 1-based indices); empty means all.
    pub(crate) columns: Vec<String>,
    /// The first record is a header (its names select columns).
    pub(crate) header: bool,
}

/// A reader that keeps what it has read, so a record can be copied as it
/// was.
struct Tee<R> {
    inner: R,
    kept: Vec<u8>,
    /// File offset of `kept[0]`.
    base: u64,
}

impl<R: Read> Read for Tee<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.kept.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl<R> Tee<R> {
    /// Takes the bytes from the last cut to `end`.
    fn take_to(&mut self, end: u64) -> Vec<u8> {
        let n = (end - self.base) as usize;
        let out: Vec<u8> = self.kept.drain(..n).collect();
        self.base = end;
        out
    }
}

/// Which columns to mask, from the header.
fn resolve(
    opts: &CsvOpts,
    header: Option<&csv::ByteRecord>,
) -> Result<Option<Vec<usize>>> {
    if opts.columns.is_empty() {
        return Ok(None);
    }
    let mut idx = Vec::new();
    for c in &opts.columns {
        let by_name =
            header.and_then(|h| h.iter().position(|f| f == c.as_bytes()));
        let i = match by_name {
            Some(i) => i,
            None => match c.parse::<usize>() {
                Ok(n) if n >= 1 => n - 1,
                _ if header.is_none() => {
                    return Err(Error::msg(format!(
                        "column `{c}` is not a 1-based index (names need a \
                         header row; --no-header is set)"
                    )))
                }
                _ => {
                    return Err(Error::msg(format!(
                        "no column named `{c}` in the header"
                    )))
                }
            },
        };
        idx.push(i);
    }
    Ok(Some(idx))
}

/// The field name reported for column `i`: its header name (masked: a
/// header could itself hold a number) or its 1-based index.
fn field_name(
    red: &Redactor,
    header: Option<&csv::ByteRecord>,
    i: usize,
) -> String {
    match header.and_then(|h| h.get(i)) {
        Some(name) if !name.is_empty() => {
            String::from_utf8_lossy(&red.redact_bytes(name)).into_owned()
        }
        _ => (i + 1).to_string(),
    }
}

/// One replacement in a value: the bytes `s..e` give way to `with`.
struct Edit {
    s: usize,
    e: usize,
    with: Vec<u8>,
}

/// A record read as one line of text: its values joined by the
/// delimiter, with the findings in that text.
struct Row {
    text: Vec<u8>,
    /// Where each value starts in `text`.
    starts: Vec<usize>,
    found: Vec<Finding>,
}

impl Row {
    fn read(red: &Redactor, rec: &csv::ByteRecord, delim: u8) -> Row {
        let mut text = Vec::with_capacity(rec.as_slice().len() + rec.len());
        let mut starts = Vec::with_capacity(rec.len());
        for (i, v) in rec.iter().enumerate() {
            if i > 0 {
                text.push(delim);
            }
            starts.push(text.len());
            text.extend_from_slice(v);
        }
        let mut found = red.find_bytes(&text);
        // A card has one CVV: a number read as one only because it
        // follows the card and its CVV is another field of the record
        // ("…,123,123": a quantity).
        let mut cvv = false;
        found.retain(|f| match f.kind() {
            Kind::Card => {
                cvv = false;
                true
            }
            Kind::Cvv => {
                !std::mem::replace(&mut cvv, true)
                    || f.reason() != Reason::AfterCard
            }
            _ => true,
        });
        Row { text, starts, found }
    }

    /// The part of `text` that value `i` holds.
    fn value(&self, i: usize) -> std::ops::Range<usize> {
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&s| s - 1);
        self.starts[i]..end
    }

    /// The edits in value `i` of the record's findings that no finding
    /// of a value read alone (`own`, one list per value) overlaps in any
    /// value `on` selects, each with the finding when the value holds the
    /// first selected part of it (where it is reported). A finding across
    /// values ("12,27") is masked whole and cut at the values' edges when
    /// the policy keeps its length; otherwise its replacement goes to its
    /// first selected part and the rest of it is removed.
    fn edits<'r>(
        &'r self,
        red: &Redactor,
        own: &[Vec<Finding>],
        i: usize,
        on: &dyn Fn(usize) -> bool,
    ) -> Vec<(Edit, Option<&'r Finding>)> {
        let v = self.value(i);
        let mut out = Vec::new();
        for f in &self.found {
            let r = f.span().range();
            if r.end <= v.start || v.end <= r.start {
                continue;
            }
            // The selected values the finding reaches into, with the
            // part of it each holds.
            let parts: Vec<(usize, std::ops::Range<usize>)> =
                (0..self.starts.len())
                    .filter(|&j| on(j))
                    .filter_map(|j| {
                        let w = self.value(j);
                        let (a, b) = (r.start.max(w.start), r.end.min(w.end));
                        (a < b).then(|| (j, a - w.start..b - w.start))
                    })
                    .collect();
            let taken = parts.iter().any(|(j, p)| {
                own[*j].iter().any(|g| {
                    let q = g.span().range();
                    q.start < p.end && p.start < q.end
                })
            });
            let Some((_, here)) = parts.iter().find(|(j, _)| *j == i) else {
                continue;
            };
            if taken {
                continue;
            }
            let with = red.replacement(f, &self.text[r.clone()]);
            let first = parts[0].0 == i;
            let with = if with.len() == r.len() {
                let at = v.start + here.start - r.start;
                with[at..at + here.len()].to_vec()
            } else if first {
                with
            } else {
                Vec::new()
            };
            out.push((
                Edit { s: here.start, e: here.end, with },
                first.then_some(f),
            ));
        }
        out
    }
}

/// The line terminator at the end of a raw record.
fn terminator(raw: &[u8]) -> &[u8] {
    if raw.ends_with(b"\r\n") {
        b"\r\n"
    } else if raw.ends_with(b"\n") {
        b"\n"
    } else if raw.ends_with(b"\r") {
        b"\r"
    } else {
        b""
    }
}

/// Masks a CSV input into `out`. Returns the bytes read.
pub(crate) fn process(
    red: &Redactor,
    opts: &CsvOpts,
    input: &mut dyn Read,
    out: &mut dyn Write,
    acc: &mut Acc,
) -> Result<u64> {
    let tee = Tee { inner: input, kept: Vec::new(), base: 0 };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(opts.delimiter)
        .from_reader(tee);
    let mut wb = csv::WriterBuilder::new();
    wb.delimiter(opts.delimiter)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary);
    let mut rec = csv::ByteRecord::new();
    let mut header: Option<csv::ByteRecord> = None;
    let mut cols: Option<Option<Vec<usize>>> = None;
    let mut first = true;
    let mut masked = csv::ByteRecord::new();
    loop {
        let more =
            rdr.read_byte_record(&mut rec).map_err(|e| csv_error(&e))?;
        if !more {
            break;
        }
        let pos = rec.position().cloned().unwrap_or_else(csv::Position::new);
        let end = rdr.position().byte();
        let is_header = first && opts.header;
        if first {
            if opts.header {
                header = Some(rec.clone());
            }
            cols = Some(resolve(opts, header.as_ref())?);
            first = false;
        }
        let sel = cols.as_ref().expect("resolved on the first record");
        let on = |i: usize| {
            is_header || sel.as_ref().is_none_or(|s| s.contains(&i))
        };
        // A value is read with its column's name as context ("cvv" over
        // "123"); the header on its own.
        let found: Vec<Vec<Finding>> = rec
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let name = match &header {
                    Some(h) if !is_header => h.get(i).unwrap_or(b""),
                    _ => b"",
                };
                if on(i) {
                    red.find_field_bytes(name, field)
                } else {
                    Vec::new()
                }
            })
            .collect();
        // A record that holds a card is also read as the line of text it
        // is, which finds what a value's neighbours say of it: the month,
        // the year and the CVV after the card ("4111…,12,27,123"), which
        // no header names or the header names in words of its own ("mm",
        // "code"). (A first record taken for a header may be data.) Other
        // records are not read twice.
        let row = found
            .iter()
            .flatten()
            .any(|f| f.kind() == Kind::Card)
            .then(|| Row::read(red, &rec, opts.delimiter));
        let mut changed = false;
        masked.clear();
        for (i, field) in rec.iter().enumerate() {
            let extra = match row.as_ref().filter(|_| on(i)) {
                Some(row) => row.edits(red, &found, i, &on),
                None => Vec::new(),
            };
            if found[i].is_empty() && extra.is_empty() {
                masked.push_field(field);
                continue;
            }
            changed = true;
            let name = field_name(red, header.as_ref(), i);
            for f in &found[i] {
                acc.hit(Hit::new(
                    f,
                    pos.line(),
                    f.start() + 1,
                    Some(name.clone()),
                ));
            }
            let mut m = Vec::with_capacity(field.len());
            if extra.is_empty() {
                splice(red, field, &found[i], &mut m);
            } else {
                let mut edits: Vec<Edit> = found[i]
                    .iter()
                    .map(|f| {
                        let r = f.span().range();
                        Edit {
                            s: r.start,
                            e: r.end,
                            with: red.replacement(f, &field[r]),
                        }
                    })
                    .collect();
                for (edit, first) in extra {
                    if let Some(f) = first {
                        let col = edit.s as u64 + 1;
                        acc.hit(Hit::new(
                            f,
                            pos.line(),
                            col,
                            Some(name.clone()),
                        ));
                    }
                    edits.push(edit);
                }
                edits.sort_by_key(|x| x.s);
                let mut last = 0;
                for x in &edits {
                    m.extend_from_slice(&field[last..x.s]);
                    m.extend_from_slice(&x.with);
                    last = x.e;
                }
                m.extend_from_slice(&field[last..]);
            }
            masked.push_field(&m);
        }
        let raw = rdr.get_mut().take_to(end);
        if !changed {
            out.write_all(&raw)?;
            continue;
        }
        // Keep what came before the record (the rest of the previous
        // line terminator, blank lines the reader skipped) and its own
        // terminator; rewrite the record itself. A record never starts
        // with a raw line break.
        let lead =
            raw.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        out.write_all(&raw[..lead])?;
        let mut w = wb.from_writer(Vec::new());
        w.write_byte_record(&masked).map_err(|e| csv_error(&e))?;
        let mut bytes =
            w.into_inner().map_err(|e| Error::msg(e.to_string()))?;
        bytes.pop();
        out.write_all(&bytes)?;
        out.write_all(terminator(&raw))?;
    }
    let tee = rdr.into_inner();
    out.write_all(&tee.kept)?;
    Ok(tee.base + tee.kept.len() as u64)
}

fn csv_error(e: &csv::Error) -> Error {
    let line = e.position().map(csv::Position::line);
    let msg = match e.kind() {
        csv::ErrorKind::Io(io) => {
            return Error::io(
                "read error",
                io::Error::new(io.kind(), io.to_string()),
            )
        }
        _ => "malformed CSV".to_string(),
    };
    let err = Error::msg(msg);
    match line {
        Some(l) => err.at_line(l),
        None => err,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(opts: &CsvOpts, input: &str) -> (String, Acc) {
        let mut out = Vec::new();
        let mut acc = Acc::new(true);
        let n = process(
            &Redactor::new(),
            opts,
            &mut input.as_bytes(),
            &mut out,
            &mut acc,
        )
        .unwrap();
        assert_eq!(n, input.len() as u64);
        (String::from_utf8(out).unwrap(), acc)
    }

    fn opts(cols: &[&str]) -> CsvOpts {
        CsvOpts {
            delimiter: b',',
            columns: cols.iter().map(|s| s.to_string()).collect(),
            header: true,
        }
    }

    #[test]
    fn unchanged_records_are_byte_exact() {
        let input = "a,\"b\"\r\n\r\n\"x, y\",2\r\n3,\"4\"";
        assert_eq!(run(&opts(&[]), input).0, input);
    }

    #[test]
    fn cells_are_read_with_their_column_names() {
        let input = "card_number,exp_month,exp_year,cvv,qty\n\
                     4111111111111111,08,2029,123,123\n\
                     5555555555554444,12,27,4567,5\n";
        let (out, acc) = run(&opts(&[]), input);
        assert_eq!(
            out,
            "card_number,exp_month,exp_year,cvv,qty\n\
             ************1111,**,****,***,123\n\
             ************4444,**,**,****,5\n"
        );
        assert_eq!(acc.total(), 8);
        assert_eq!(acc.hits()[3].field.as_deref(), Some("cvv"));
        // Without a header row no cell has a name: "123" alone is no CVV.
        let plain = CsvOpts { header: false, ..opts(&[]) };
        let (out, _) = run(&plain, "note,123\nqty,5\n");
        assert_eq!(out, "note,123\nqty,5\n");
        // (Right after a card in its record, it is: the record is read
        // as a line too.)
        let (out, _) = run(&plain, "4111111111111111,123\ncvv,123\n");
        assert_eq!(out, "************1111,***\ncvv,123\n");
    }

    #[test]
    fn records_are_read_as_lines_too() {
        // No header names the month, the year and the CVV after a card:
        // the record, read as the line it is, does. So does it for a
        // header that names them in words of its own, and for a first
        // record taken for a header.
        let plain = CsvOpts { header: false, ..opts(&[]) };
        let (out, acc) = run(&plain, "4111111111111111,12,27,123,2\n");
        assert_eq!(out, "************1111,**,**,***,2\n");
        let kinds: Vec<&str> = acc.hits().iter().map(|h| h.kind).collect();
        assert_eq!(kinds, ["card", "expiry", "cvv"]);
        // Reported at the value the expiry date starts in, in its column.
        assert_eq!(acc.hits()[1].field.as_deref(), Some("2"));
        assert_eq!(acc.hits()[1].column, 1);
        let semi = CsvOpts { delimiter: b';', ..plain.clone() };
        let (out, acc) =
            run(&semi, "\"5555555555554444\";\"08\";\"2029\";x\n");
        assert_eq!(out, "************4444;**;****;x\n");
        assert_eq!(acc.total(), 2);
        let (out, _) = run(
            &opts(&[]),
            "card,month,year,code\n4111111111111111,12,27,123\n",
        );
        assert_eq!(out, "card,month,year,code\n************1111,**,**,***\n");
        let (out, _) = run(&opts(&[]), "4111111111111111,12,27,123\n");
        assert_eq!(out, "************1111,**,**,***\n");
        // Only the selected columns are masked; the others are still read.
        let (out, _) =
            run(&opts(&["1", "3"]), "a,b,c\n4111111111111111,12,27\n");
        assert_eq!(out, "a,b,c\n************1111,12,**\n");
        // One CVV to a card: the next number is another field.
        let (out, _) = run(&plain, "4111111111111111,12,27,123,456\n");
        assert_eq!(out, "************1111,**,**,***,456\n");
        // A record with no card is read value by value only.
        let (out, _) = run(&plain, "cvv,123\n");
        assert_eq!(out, "cvv,123\n");
    }

    #[test]
    fn a_finding_across_values_under_a_label_goes_to_its_first_value() {
        let mut b = Redactor::builder();
        b.mask(
            pci_redact::Kind::Expiry,
            pci_redact::MaskStyle::Label("[{kind}]".into()),
        );
        let red = b.build().unwrap();
        let mut out = Vec::new();
        let mut acc = Acc::new(true);
        let input = "pan,m,y\n4111111111111111,12,27\n";
        process(&red, &opts(&[]), &mut input.as_bytes(), &mut out, &mut acc)
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "pan,m,y\n************1111,[expiry],\n"
        );
    }

    #[test]
    fn masks_selected_columns_only() {
        let input =
            "id,text\n4111111111111111,\"card 4111 1111 1111 1111, thanks\"\n";
        let (out, acc) = run(&opts(&["text"]), input);
        assert_eq!(
            out,
            "id,text\n4111111111111111,\"card **** **** **** 1111, thanks\"\n"
        );
        assert_eq!(acc.hits()[0].field.as_deref(), Some("text"));
        assert_eq!(acc.hits()[0].line, 2);
        let (out, _) = run(&opts(&["1"]), input);
        assert!(out.starts_with("id,text\n************1111,"));
    }

    #[test]
    fn unknown_column_is_an_error() {
        let mut out = Vec::new();
        let e = process(
            &Redactor::new(),
            &opts(&["nope"]),
            &mut &b"a,b\n1,2\n"[..],
            &mut out,
            &mut Acc::new(false),
        )
        .unwrap_err();
        assert!(e.to_string().contains("nope"));
    }
}
