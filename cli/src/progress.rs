//! The progress bar on stderr (bytes, files, findings, rate), shown only
//! when stderr is a terminal and `--quiet` is not given.

use std::io::{self, IsTerminal, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Shared progress counters and the bar that shows them.
#[derive(Debug)]
pub(crate) struct Progress {
    bar: ProgressBar,
    files_total: u64,
    files_done: AtomicU64,
    /// Findings so far, counted by every file's accumulator as it goes.
    findings: Arc<AtomicU64>,
}

impl Progress {
    /// A bar over `total_bytes`, hidden unless stderr is a terminal.
    pub(crate) fn new(
        quiet: bool,
        total_bytes: u64,
        files_total: u64,
    ) -> Progress {
        let show = !quiet && io::stderr().is_terminal();
        let bar = if show {
            let b = ProgressBar::with_draw_target(
                Some(total_bytes),
                ProgressDrawTarget::stderr_with_hz(10),
            );
            let style = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {binary_bytes}/{binary_total_bytes} \
                 {binary_bytes_per_sec} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar());
            b.set_style(style);
            b.enable_steady_tick(Duration::from_millis(200));
            b
        } else {
            ProgressBar::hidden()
        };
        let p = Progress {
            bar,
            files_total,
            files_done: AtomicU64::new(0),
            findings: Arc::new(AtomicU64::new(0)),
        };
        p.update_msg();
        p
    }

    fn update_msg(&self) {
        if self.bar.is_hidden() {
            return;
        }
        self.bar.set_message(format!(
            "{}/{} files, {} findings",
            self.files_done.load(Ordering::Relaxed),
            self.files_total,
            self.findings.load(Ordering::Relaxed)
        ));
    }

    /// Counts bytes read.
    pub(crate) fn bytes(&self, n: u64) {
        self.bar.inc(n);
        self.update_msg();
    }

    /// The counter of findings, for accumulators to add to.
    pub(crate) fn findings_counter(&self) -> Option<Arc<AtomicU64>> {
        (!self.bar.is_hidden()).then(|| Arc::clone(&self.findings))
    }

    /// Counts a finished file.
    pub(crate) fn file_done(&self) {
        self.files_done.fetch_add(1, Ordering::Relaxed);
        self.update_msg();
    }

    /// Runs `f` with the bar cleared (for printing to stderr).
    pub(crate) fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A reader that counts the bytes read from a file (before
/// decompression) into the progress bar.
pub(crate) struct Counted<'p, R> {
    pub(crate) inner: R,
    pub(crate) progress: &'p Progress,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.bytes(n as u64);
        Ok(n)
    }
}
