//! Runs a plan: every input on the thread pool, each written through a
//! temporary file that replaces its destination only on success; findings
//! listed, reported and summed in input order.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use pci_redact::Redactor;
use rayon::prelude::*;
use tempfile::NamedTempFile;

use crate::csvfmt::{self, CsvOpts};
use crate::error::{Error, Result};
use crate::jsonl::{self, JsonlOpts};
use crate::progress::{Counted, Progress};
use crate::report::{self, Acc, Counts, FileSummary, Summary};
use crate::text::{self, LineBlockError};
use crate::walk::{Dest, Format, Plan, Source, Task};

/// Settings of a run besides the policy.
#[derive(Debug)]
pub(crate) struct Settings {
    /// `"scan"` or `"scrub"`.
    pub(crate) command: &'static str,
    pub(crate) jobs: usize,
    /// Block size for parallel work inside one file.
    pub(crate) block: usize,
    pub(crate) jsonl: JsonlOpts,
    pub(crate) columns: Vec<String>,
    pub(crate) header: bool,
    pub(crate) report: Option<PathBuf>,
    /// Print one line per finding to stdout (scan).
    pub(crate) list: bool,
    /// Print the summary as JSON to stdout (scan --json).
    pub(crate) json: bool,
    pub(crate) quiet: bool,
}

/// What a run found.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub(crate) findings: u64,
    pub(crate) errors: u64,
    /// Stdout was closed by its reader.
    pub(crate) broken_pipe: bool,
}

/// The result of one input.
#[derive(Debug)]
struct FileResult {
    display: String,
    bytes: u64,
    acc: Acc,
    error: Option<Error>,
    /// Why the input was not rewritten, when it was not an error.
    status: Option<&'static str>,
}

/// Tags read errors so messages say what failed (a truncated gzip file is
/// not a disk error).
struct ReadTag<R> {
    inner: R,
    gzip: bool,
}

impl<R: Read> Read for ReadTag<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            let what = match (self.gzip, e.kind()) {
                (true, io::ErrorKind::UnexpectedEof) => "truncated gzip data",
                (true, _) => "invalid gzip data",
                _ => "cannot read input",
            };
            io::Error::new(e.kind(), Error::io(what, e))
        })
    }
}

/// Tags write errors.
struct WriteTag<W> {
    inner: W,
}

impl<W: Write> Write for WriteTag<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write_all(buf).map_err(tag_write)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(tag_write)
    }
}

fn tag_write(e: io::Error) -> io::Error {
    if e.get_ref().is_some_and(|i| i.is::<Error>()) {
        return e;
    }
    io::Error::new(e.kind(), Error::io("cannot write output", e))
}

/// Reads up to `n` bytes from the start of `r`.
fn head(r: &mut dyn Read, n: usize) -> io::Result<Vec<u8>> {
    let mut v = vec![0; n];
    let got = text::read_full(r, &mut v)?;
    v.truncate(got);
    Ok(v)
}

fn jsonl_block(
    red: &Redactor,
    opts: &JsonlOpts,
    keep: bool,
    block: &[u8],
) -> std::result::Result<(Vec<u8>, Acc, u64), (u64, String)> {
    let mut out = Vec::with_capacity(block.len() + block.len() / 8);
    let mut acc = Acc::new(keep);
    let mut n = 0u64;
    for line in block.split_inclusive(|b| *b == b'\n') {
        n += 1;
        let (body, nl) = match line.strip_suffix(b"\n") {
            Some(b) => (b, true),
            None => (line, false),
        };
        jsonl::process_line(red, opts, body, n, &mut out, &mut acc)
            .map_err(|e| (n, e.to_string()))?;
        if nl {
            out.push(b'\n');
        }
    }
    Ok((out, acc, n))
}

struct Job<'a> {
    red: &'a Redactor,
    s: &'a Settings,
    progress: &'a Progress,
}

impl Job<'_> {
    fn body(
        &self,
        task: &Task,
        input: &mut dyn Read,
        out: &mut dyn Write,
        acc: &mut Acc,
        big: bool,
    ) -> Result<u64> {
        let s = self.s;
        match task.format {
            Format::Text if s.jobs > 1 && big => {
                let (n, _) = text::parallel(
                    self.red, input, out, acc, s.jobs, s.block,
                )?;
                Ok(n)
            }
            Format::Text => Ok(text::stream(self.red, input, out, acc)?),
            Format::Jsonl => {
                let keep = acc.keeps_hits();
                text::line_blocks(input, out, acc, s.jobs, s.block, |b| {
                    jsonl_block(self.red, &s.jsonl, keep, b)
                })
                .map_err(|e| match e {
                    LineBlockError::Io(e) => Error::from(e),
                    LineBlockError::Line(line, msg) => {
                        Error::msg(msg).at_line(line)
                    }
                })
            }
            Format::Csv(delimiter) => {
                let opts = CsvOpts {
                    delimiter,
                    columns: s.columns.clone(),
                    header: s.header,
                };
                csvfmt::process(self.red, &opts, input, out, acc)
            }
        }
    }

    /// Runs the body, through a gzip encoder when asked.
    fn write(
        &self,
        task: &Task,
        input: &mut dyn Read,
        out: &mut dyn Write,
        gzip: bool,
        acc: &mut Acc,
        big: bool,
    ) -> Result<u64> {
        let mut out = WriteTag { inner: out };
        if gzip {
            let mut enc = GzEncoder::new(&mut out, Compression::default());
            let n = self.body(task, input, &mut enc, acc, big)?;
            enc.finish()?;
            Ok(n)
        } else {
            self.body(task, input, &mut out, acc, big)
        }
    }

    fn file(&self, task: &Task) -> FileResult {
        let mut acc = Acc::for_file(
            &task.display,
            self.s.report.is_some(),
            self.s.list,
            self.progress.findings_counter(),
        );
        let mut status = None;
        let r = self.file_inner(task, &mut acc, &mut status);
        let (bytes, error) = match r {
            Ok(n) => (n, None),
            Err(e) => (0, Some(e.in_file(&task.display))),
        };
        self.progress.file_done();
        FileResult { display: task.display.clone(), bytes, acc, error, status }
    }

    fn file_inner(
        &self,
        task: &Task,
        acc: &mut Acc,
        status: &mut Option<&'static str>,
    ) -> Result<u64> {
        let (raw, size): (Box<dyn Read>, Option<u64>) = match &task.source {
            Source::Stdin => (Box::new(io::stdin().lock()), None),
            Source::File { path, size } => {
                let f = File::open(path)
                    .map_err(|e| Error::io("cannot open", e))?;
                (Box::new(f), Some(*size))
            }
        };
        let mut br = BufReader::with_capacity(
            256 << 10,
            Counted { inner: raw, progress: self.progress },
        );
        let stdin = matches!(task.source, Source::Stdin);
        let gzip = task.gzip
            || stdin
                && br
                    .fill_buf()
                    .map_err(|e| Error::io("cannot read input", e))?
                    .starts_with(&[0x1f, 0x8b]);
        let decoded: Box<dyn Read> = if gzip {
            Box::new(MultiGzDecoder::new(br))
        } else {
            Box::new(br)
        };
        let mut input = ReadTag { inner: decoded, gzip };
        let first = head(&mut input, 8 << 10)?;
        if task.format == Format::Text
            && !task.forced
            && !stdin
            && first.contains(&0)
        {
            *status = Some("skipped: binary file");
            return Ok(0);
        }
        let mut input = io::Cursor::new(first).chain(input);
        let big = gzip || size.is_none_or(|n| n > 2 * self.s.block as u64);

        match &task.dest {
            Dest::Discard => {
                self.write(task, &mut input, &mut io::sink(), false, acc, big)
            }
            Dest::Stdout => {
                let stdout = io::stdout();
                let mut w = BufWriter::with_capacity(256 << 10, stdout.lock());
                let n =
                    self.write(task, &mut input, &mut w, gzip, acc, big)?;
                w.flush().map_err(|e| Error::io("cannot write output", e))?;
                Ok(n)
            }
            Dest::File(dest) | Dest::InPlace(dest) => {
                let in_place = matches!(task.dest, Dest::InPlace(_));
                let dir = match dest.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                if !in_place {
                    fs::create_dir_all(&dir).map_err(|e| {
                        Error::io(
                            format!(
                                "cannot create directory {}",
                                dir.display()
                            ),
                            e,
                        )
                    })?;
                }
                let tmp = tempfile::Builder::new()
                    .prefix(".pci-redact-")
                    .suffix(".tmp")
                    .tempfile_in(&dir)
                    .map_err(|e| {
                        Error::io(
                            format!(
                                "cannot create a temporary file in {}",
                                dir.display()
                            ),
                            e,
                        )
                    })?;
                let n = {
                    let mut w =
                        BufWriter::with_capacity(256 << 10, tmp.as_file());
                    let n =
                        self.write(task, &mut input, &mut w, gzip, acc, big)?;
                    w.flush()
                        .map_err(|e| Error::io("cannot write output", e))?;
                    n
                };
                if in_place && acc.total() == 0 && acc.skipped_count() == 0 {
                    *status = Some("unchanged");
                    return Ok(n);
                }
                finish_file(tmp, task, dest)?;
                Ok(n)
            }
        }
    }
}

/// Gives the temporary file the input's permissions, syncs it and renames
/// it over `dest`.
fn finish_file(tmp: NamedTempFile, task: &Task, dest: &Path) -> Result<()> {
    if let Source::File { path, .. } = &task.source {
        if let Ok(m) = fs::metadata(path) {
            tmp.as_file()
                .set_permissions(m.permissions())
                .map_err(|e| Error::io("cannot set permissions", e))?;
        }
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| Error::io("cannot sync output", e))?;
    tmp.persist(dest).map_err(|e| {
        Error::io(
            format!("cannot rename the output to {}", dest.display()),
            e.error,
        )
    })?;
    if let Some(dir) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Make the rename durable; not every file system allows this.
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// Emits results in input order.
struct Emitter<'a> {
    s: &'a Settings,
    progress: &'a Progress,
    next: usize,
    waiting: BTreeMap<usize, FileResult>,
    report: Option<BufWriter<NamedTempFile>>,
    report_err: Option<Error>,
    broken_pipe: bool,
    counts: Counts,
    files: u64,
    files_with_findings: u64,
    bytes: u64,
    skipped: u64,
    errors: u64,
    per_file: Vec<FileSummary>,
}

impl Emitter<'_> {
    fn push(&mut self, i: usize, r: FileResult) {
        self.waiting.insert(i, r);
        while let Some(r) = self.waiting.remove(&self.next) {
            self.emit(r);
            self.next += 1;
        }
    }

    fn emit(&mut self, mut r: FileResult) {
        if r.error.as_ref().is_some_and(Error::is_broken_pipe) {
            // The reader of stdout went away: not an error (grep, rg).
            self.broken_pipe = true;
            r.error = None;
        }
        if let Some(e) = &r.error {
            self.errors += 1;
            self.progress.suspend(|| eprintln!("pci-redact: {e}"));
        } else if let Some(st) = r.status.filter(|s| s.starts_with("skipped"))
        {
            if !self.s.quiet {
                self.progress
                    .suspend(|| eprintln!("pci-redact: {}: {st}", r.display));
            }
        }
        if let Some(list) = r.acc.take_list() {
            if !self.broken_pipe {
                let stdout = io::stdout();
                let mut w = BufWriter::new(stdout.lock());
                match list.copy_to(&mut w).and_then(|()| w.flush()) {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        self.broken_pipe = true;
                    }
                    Err(e) => {
                        self.report_err.get_or_insert(Error::io(
                            "cannot write to stdout",
                            e,
                        ));
                    }
                    Ok(()) => {}
                }
            }
        }
        if let Some(w) = self.report.as_mut() {
            let mut done = match r.acc.take_report() {
                Some(rec) => rec.copy_to(w),
                None => Ok(()),
            };
            if let (Ok(()), Some(e)) = (&done, &r.error) {
                done =
                    report::write_error_record(w, &r.display, &e.to_string());
            }
            if let Err(e) = done {
                self.report_err
                    .get_or_insert(Error::io("cannot write the report", e));
            }
        }
        let total = r.acc.total();
        self.files += 1;
        self.bytes += r.bytes;
        self.skipped += r.acc.skipped_count();
        self.counts.merge(r.acc.counts());
        if total > 0 {
            self.files_with_findings += 1;
        }
        self.per_file.push(FileSummary {
            file: r.display,
            bytes: r.bytes,
            findings: total,
            kinds: r
                .acc
                .counts()
                .map()
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .collect(),
            skipped_lines: r.acc.skipped_count(),
            status: r.status,
            error: r.error.map(|e| e.to_string()),
        });
    }
}

fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = bytes as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{bytes} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}

/// Runs every task of `plan`.
pub(crate) fn run(
    red: &Redactor,
    plan: Plan,
    s: &Settings,
) -> Result<Outcome> {
    let started = Instant::now();
    let report = match &s.report {
        Some(p) => {
            let dir = match p.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let tmp = tempfile::Builder::new()
                .prefix(".pci-redact-report-")
                .tempfile_in(&dir)
                .map_err(|e| {
                    Error::io(
                        format!("cannot create the report {}", p.display()),
                        e,
                    )
                })?;
            Some(BufWriter::new(tmp))
        }
        None => None,
    };
    for n in &plan.notes {
        if !s.quiet {
            eprintln!("pci-redact: {n}");
        }
    }
    let total_bytes = plan
        .tasks
        .iter()
        .map(|t| match t.source {
            Source::File { size, .. } => size,
            Source::Stdin => 0,
        })
        .sum();
    let progress =
        Progress::new(s.quiet, total_bytes, plan.tasks.len() as u64);
    let emitter = Mutex::new(Emitter {
        s,
        progress: &progress,
        next: 0,
        waiting: BTreeMap::new(),
        report,
        report_err: None,
        broken_pipe: false,
        counts: Counts::default(),
        files: 0,
        files_with_findings: 0,
        bytes: 0,
        skipped: 0,
        errors: 0,
        per_file: Vec::new(),
    });
    let failed = plan.failed.len();
    for (i, (display, e)) in plan.failed.into_iter().enumerate() {
        let r = FileResult {
            error: Some(e.in_file(&display)),
            display,
            bytes: 0,
            acc: Acc::new(false),
            status: None,
        };
        emitter.lock().expect("emitter lock").push(i, r);
    }
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(s.jobs).build().map_err(
            |e| Error::msg(format!("cannot start worker threads: {e}")),
        )?;
    let job = Job { red, s, progress: &progress };
    pool.install(|| {
        plan.tasks.par_iter().enumerate().with_max_len(1).for_each(
            |(i, t)| {
                let r = job.file(t);
                emitter.lock().expect("emitter lock").push(failed + i, r);
            },
        );
    });
    progress.finish();
    let mut em = emitter.into_inner().expect("emitter lock");
    let elapsed = started.elapsed();
    let summary = Summary {
        ty: "summary",
        command: s.command,
        files: em.files,
        files_with_findings: em.files_with_findings,
        bytes: em.bytes,
        findings: em.counts.total(),
        kinds: em.counts.map(),
        skipped_lines: em.skipped,
        errors: em.errors,
        elapsed_ms: elapsed.as_millis() as u64,
        per_file: std::mem::take(&mut em.per_file),
    };
    if let Some(mut w) = em.report.take() {
        let done = serde_json::to_writer(&mut w, &summary)
            .map_err(io::Error::from)
            .and_then(|()| w.write_all(b"\n"))
            .and_then(|()| w.into_inner().map_err(|e| e.into_error()));
        let path = s.report.as_ref().expect("report path");
        match done {
            Ok(tmp) => {
                tmp.as_file()
                    .sync_all()
                    .map_err(|e| Error::io("cannot sync the report", e))?;
                tmp.persist(path).map_err(|e| {
                    Error::io(
                        format!("cannot write the report {}", path.display()),
                        e.error,
                    )
                })?;
            }
            Err(e) => {
                em.report_err
                    .get_or_insert(Error::io("cannot write the report", e));
            }
        }
    }
    if let Some(e) = em.report_err.take() {
        return Err(e);
    }
    if s.json && !em.broken_pipe {
        let stdout = io::stdout();
        let mut w = stdout.lock();
        let r = serde_json::to_writer_pretty(&mut w, &summary)
            .map_err(io::Error::from)
            .and_then(|()| w.write_all(b"\n"))
            .and_then(|()| w.flush());
        match r {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                em.broken_pipe = true
            }
            Err(e) => return Err(Error::io("cannot write to stdout", e)),
            Ok(()) => {}
        }
    }
    if !s.quiet {
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 { em.bytes as f64 / secs } else { 0.0 };
        let verb = if s.command == "scan" { "scanned" } else { "scrubbed" };
        let mut line = format!(
            "pci-redact: {verb} {} file{}, {} in {:.2} s ({}/s): {} finding{} ({})",
            em.files,
            if em.files == 1 { "" } else { "s" },
            human(em.bytes),
            secs,
            human(rate as u64),
            summary.findings,
            if summary.findings == 1 { "" } else { "s" },
            em.counts.brief(),
        );
        if em.skipped > 0 {
            line.push_str(&format!(
                "; {} bad JSONL lines masked as text",
                em.skipped
            ));
        }
        if em.errors > 0 {
            line.push_str(&format!(
                "; {} error{}",
                em.errors,
                if em.errors == 1 { "" } else { "s" }
            ));
        }
        eprintln!("{line}");
    }
    Ok(Outcome {
        findings: summary.findings,
        errors: em.errors,
        broken_pipe: em.broken_pipe,
    })
}
