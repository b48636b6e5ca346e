//! Findings as the command reports them: counts per kind, one record per
//! finding (kind, position, brand, last four digits; never the number) and
//! a summary.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use pci_redact::{Finding, Kind};
use serde::Serialize;

/// Counts per kind, in [`Kind::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counts([u64; Kind::ALL.len()]);

impl Counts {
    fn slot(k: Kind) -> usize {
        Kind::ALL.iter().position(|x| *x == k).unwrap_or(0)
    }

    pub(crate) fn add(&mut self, k: Kind) {
        self.0[Self::slot(k)] += 1;
    }

    pub(crate) fn merge(&mut self, o: &Counts) {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a += b;
        }
    }

    pub(crate) fn total(&self) -> u64 {
        self.0.iter().sum()
    }

    /// `(name, count)` for every kind, zero counts included.
    pub(crate) fn iter(
        &self,
    ) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        Kind::ALL.iter().zip(self.0).map(|(k, n)| (k.as_str(), n))
    }

    pub(crate) fn map(&self) -> BTreeMap<&'static str, u64> {
        self.iter().collect()
    }

    /// `card 3, ssn 1` (kinds with findings only), or `none`.
    pub(crate) fn brief(&self) -> String {
        let parts: Vec<String> = self
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// One finding, located. Holds no digits beyond the last four of a card.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Hit {
    /// 1-based line where the finding starts (for CSV, where its record
    /// starts).
    pub(crate) line: u64,
    /// 1-based byte column: within the line for text, within the field's
    /// value for JSONL and CSV.
    pub(crate) column: u64,
    /// JSON pointer (keys masked) or CSV column name, for structured input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) field: Option<String>,
    /// Byte offset from the start of the (decompressed) text input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) offset: Option<u64>,
    /// Length of the finding in bytes.
    pub(crate) length: u64,
    pub(crate) kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) brand: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) last4: Option<String>,
    pub(crate) spoken: bool,
    pub(crate) confidence: f32,
}

impl Hit {
    /// A hit for `f` at `line`/`column`.
    pub(crate) fn new(
        f: &Finding,
        line: u64,
        column: u64,
        field: Option<String>,
    ) -> Hit {
        Hit {
            line,
            column,
            field,
            offset: None,
            length: f.end() - f.start(),
            kind: f.kind().as_str(),
            brand: f.brand().map(|b| b.as_str()),
            last4: f.last4().map(str::to_string),
            spoken: f.is_spoken(),
            confidence: (f.confidence() * 100.0).round() / 100.0,
        }
    }

    /// The same hit with its absolute offset.
    pub(crate) fn at_offset(mut self, off: u64) -> Hit {
        self.offset = Some(off);
        self
    }
}

/// A JSONL line that was not JSON and was masked as text.
#[derive(Clone, Debug)]
pub(crate) struct Skipped {
    pub(crate) line: u64,
    pub(crate) reason: String,
}

/// Formatted records kept in memory up to this many bytes, then in an
/// unnamed temporary file, so a file with millions of findings does not
/// need their records in memory.
const SPILL: usize = 8 << 20;

/// Bytes written in order, in memory or spilled to a temporary file.
#[derive(Debug, Default)]
pub(crate) struct Spill {
    mem: Vec<u8>,
    file: Option<BufWriter<File>>,
    failed: Option<io::Error>,
}

impl Spill {
    fn push(&mut self, bytes: &[u8]) {
        if let Some(f) = self.file.as_mut() {
            if let Err(e) = f.write_all(bytes) {
                self.failed.get_or_insert(e);
            }
            return;
        }
        self.mem.extend_from_slice(bytes);
        if self.mem.len() > SPILL {
            // If no temporary file can be made, stay in memory.
            if let Ok(t) = tempfile::tempfile() {
                let mut w = BufWriter::new(t);
                if w.write_all(&self.mem).is_ok() {
                    self.mem = Vec::new();
                    self.file = Some(w);
                }
            }
        }
    }

    /// Copies everything written to `out`.
    pub(crate) fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        if let Some(e) = self.failed {
            return Err(e);
        }
        match self.file {
            Some(w) => {
                let mut f = w.into_inner().map_err(|e| e.into_error())?;
                f.seek(SeekFrom::Start(0))?;
                io::copy(&mut f, out)?;
            }
            None => out.write_all(&self.mem)?,
        }
        Ok(())
    }
}

/// Where a file's records go as they are found.
#[derive(Debug)]
struct Records {
    file: String,
    report: Option<Spill>,
    list: Option<Spill>,
}

/// What one input produced: counts always; the findings themselves either
/// kept (for a block of a file, whose line numbers are still relative) or
/// formatted into report records and listing lines as they come (for a
/// whole file).
#[derive(Debug, Default)]
pub(crate) struct Acc {
    keep: bool,
    counts: Counts,
    hits: Vec<Hit>,
    skipped: Vec<Skipped>,
    skipped_n: u64,
    records: Option<Box<Records>>,
    /// A shared counter to add findings to (the progress bar's).
    live: Option<Arc<AtomicU64>>,
}

impl Acc {
    /// An accumulator for part of a file; `keep` keeps every hit.
    pub(crate) fn new(keep: bool) -> Acc {
        Acc { keep, ..Acc::default() }
    }

    /// An accumulator for the file shown as `file`, formatting report
    /// records and listing lines when asked for.
    pub(crate) fn for_file(
        file: &str,
        report: bool,
        list: bool,
        live: Option<Arc<AtomicU64>>,
    ) -> Acc {
        let records = (report || list).then(|| {
            Box::new(Records {
                file: file.to_string(),
                report: report.then(Spill::default),
                list: list.then(Spill::default),
            })
        });
        Acc { keep: report || list, records, live, ..Acc::default() }
    }

    pub(crate) fn hit(&mut self, h: Hit) {
        self.counts.add(Kind::from_name(h.kind).unwrap_or(Kind::Card));
        if let Some(c) = &self.live {
            c.fetch_add(1, Ordering::Relaxed);
        }
        self.place(h);
    }

    fn place(&mut self, h: Hit) {
        if let Some(r) = self.records.as_mut() {
            if let Some(s) = r.report.as_mut() {
                let rec =
                    FindingRecord { ty: "finding", file: &r.file, hit: &h };
                if let Ok(mut v) = serde_json::to_vec(&rec) {
                    v.push(b'\n');
                    s.push(&v);
                }
            }
            if let Some(s) = r.list.as_mut() {
                s.push(listing_line(&r.file, &h).as_bytes());
            }
        } else if self.keep {
            self.hits.push(h);
        }
    }

    /// Whether hits are kept.
    pub(crate) fn keeps_hits(&self) -> bool {
        self.keep
    }

    pub(crate) fn skipped(&mut self, line: u64, reason: String) {
        self.skipped_n += 1;
        match self.records.as_mut() {
            Some(r) => {
                if let Some(s) = r.report.as_mut() {
                    let rec = SkippedRecord {
                        ty: "skipped_line",
                        file: &r.file,
                        line,
                        reason: &reason,
                    };
                    if let Ok(mut v) = serde_json::to_vec(&rec) {
                        v.push(b'\n');
                        s.push(&v);
                    }
                }
            }
            None => self.skipped.push(Skipped { line, reason }),
        }
    }

    /// Moves everything from `o` (whose lines start after `line_base`
    /// lines) into `self`.
    pub(crate) fn absorb(&mut self, o: Acc, line_base: u64) {
        self.counts.merge(&o.counts);
        if let Some(c) = &self.live {
            c.fetch_add(o.counts.total(), Ordering::Relaxed);
        }
        for mut h in o.hits {
            h.line += line_base;
            self.place(h);
        }
        for s in o.skipped {
            self.skipped(s.line + line_base, s.reason);
        }
    }

    pub(crate) fn counts(&self) -> &Counts {
        &self.counts
    }

    pub(crate) fn total(&self) -> u64 {
        self.counts.total()
    }

    /// The kept hits of an accumulator made with [`Acc::new`].
    #[cfg(test)]
    pub(crate) fn hits(&self) -> &[Hit] {
        &self.hits
    }

    pub(crate) fn skipped_count(&self) -> u64 {
        self.skipped_n
    }

    /// The report records formatted so far.
    pub(crate) fn take_report(&mut self) -> Option<Spill> {
        self.records.as_mut().and_then(|r| r.report.take())
    }

    /// The listing lines formatted so far.
    pub(crate) fn take_list(&mut self) -> Option<Spill> {
        self.records.as_mut().and_then(|r| r.list.take())
    }
}

/// One line of `scan` output: `file:line:column: kind [brand] [ending
/// NNNN] [(spoken)] [in FIELD]`.
fn listing_line(file: &str, h: &Hit) -> String {
    use std::fmt::Write as _;
    let mut s = format!("{file}:{}:{}: {}", h.line, h.column, h.kind);
    if let Some(b) = h.brand {
        let _ = write!(s, " {b}");
    }
    if let Some(l) = &h.last4 {
        let _ = write!(s, " ending {l}");
    }
    if h.spoken {
        s.push_str(" (spoken)");
    }
    if let Some(f) = &h.field {
        let _ = write!(s, " in {f}");
    }
    s.push('\n');
    s
}

/// A finding record of the report.
#[derive(Serialize)]
struct FindingRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    file: &'a str,
    #[serde(flatten)]
    hit: &'a Hit,
}

/// A skipped-line record of the report.
#[derive(Serialize)]
struct SkippedRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    file: &'a str,
    line: u64,
    reason: &'a str,
}

/// An error record of the report.
#[derive(Serialize)]
struct ErrorRecord<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    file: &'a str,
    message: &'a str,
}

/// Writes the error record of a file.
pub(crate) fn write_error_record(
    w: &mut dyn Write,
    file: &str,
    message: &str,
) -> io::Result<()> {
    let rec = ErrorRecord { ty: "error", file, message };
    serde_json::to_writer(&mut *w, &rec)?;
    w.write_all(b"\n")
}

/// Per-file line of the summary.
#[derive(Debug, Serialize)]
pub(crate) struct FileSummary {
    pub(crate) file: String,
    pub(crate) bytes: u64,
    pub(crate) findings: u64,
    pub(crate) kinds: BTreeMap<&'static str, u64>,
    #[serde(skip_serializing_if = "is_zero")]
    pub(crate) skipped_lines: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) status: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) error: Option<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// The summary record: totals, counts per kind and per file.
#[derive(Debug, Serialize)]
pub(crate) struct Summary {
    #[serde(rename = "type")]
    pub(crate) ty: &'static str,
    pub(crate) command: &'static str,
    pub(crate) files: u64,
    pub(crate) files_with_findings: u64,
    pub(crate) bytes: u64,
    pub(crate) findings: u64,
    pub(crate) kinds: BTreeMap<&'static str, u64>,
    pub(crate) skipped_lines: u64,
    pub(crate) errors: u64,
    pub(crate) elapsed_ms: u64,
    pub(crate) per_file: Vec<FileSummary>,
}
