//! Turns the command-line paths into a list of inputs, each with a format
//! and a destination.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::args::FormatArg;
use crate::error::{Error, Result};

/// How an input's records are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Jsonl,
    /// CSV with this delimiter.
    Csv(u8),
}

/// Where an input comes from.
#[derive(Debug)]
pub(crate) enum Source {
    Stdin,
    File {
        /// The path to open.
        path: PathBuf,
        /// Its size, for the progress bar.
        size: u64,
    },
}

/// Where the masked copy goes.
#[derive(Debug)]
pub(crate) enum Dest {
    /// Nowhere (scan).
    Discard,
    Stdout,
    /// A new file (`--out`).
    File(PathBuf),
    /// Over the input (`--in-place`); the path is the real file, symbolic
    /// links resolved.
    InPlace(PathBuf),
}

/// One input to process.
#[derive(Debug)]
pub(crate) struct Task {
    /// The name shown in messages and reports.
    pub(crate) display: String,
    pub(crate) source: Source,
    pub(crate) dest: Dest,
    pub(crate) format: Format,
    /// The format came from `--format`, not from the name.
    pub(crate) forced: bool,
    /// Gzip-compressed (by name; stdin by its magic bytes).
    pub(crate) gzip: bool,
}

/// What the command does with inputs.
#[derive(Debug)]
pub(crate) enum Mode<'a> {
    Scan,
    Out(&'a Path),
    InPlace,
    /// Scrub with only `-` as input.
    StdoutOnly,
}

/// The result of planning: inputs, and problems that concern one path
/// only (reported per path; the rest still runs).
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub(crate) tasks: Vec<Task>,
    /// Paths that could not be read, with the error.
    pub(crate) failed: Vec<(String, Error)>,
    /// Things skipped on purpose (symbolic links leaving the tree).
    pub(crate) notes: Vec<String>,
}

/// The format and gzip flag implied by a file name.
pub(crate) fn format_of(
    name: &str,
    forced: Option<FormatArg>,
) -> (Format, bool) {
    let lower = name.to_ascii_lowercase();
    let (stem, gz) = match lower.strip_suffix(".gz") {
        Some(s) => (s, true),
        None => (lower.as_str(), false),
    };
    if let Some(f) = forced {
        return (from_arg(f), gz);
    }
    let ext = stem.rsplit_once('.').map_or("", |(_, e)| e);
    let f = match ext {
        "jsonl" | "ndjson" => Format::Jsonl,
        "csv" => Format::Csv(b','),
        "tsv" => Format::Csv(b'\t'),
        _ => Format::Text,
    };
    (f, gz)
}

pub(crate) fn from_arg(f: FormatArg) -> Format {
    match f {
        FormatArg::Text => Format::Text,
        FormatArg::Jsonl => Format::Jsonl,
        FormatArg::Csv => Format::Csv(b','),
        FormatArg::Tsv => Format::Csv(b'\t'),
    }
}

/// `path` made absolute and free of symbolic links, as far as it exists;
/// the missing rest is appended as is. `.` and `..` are resolved lexically
/// first.
fn real_path(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut norm = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                norm.pop();
            }
            c => norm.push(c),
        }
    }
    let mut existing = norm.clone();
    let mut rest: Vec<std::ffi::OsString> = Vec::new();
    loop {
        if let Ok(mut out) = fs::canonicalize(&existing) {
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => return norm,
        }
    }
}

struct Walker<'a> {
    follow: bool,
    root_real: PathBuf,
    visited: HashSet<PathBuf>,
    plan: &'a mut Plan,
    files: Vec<PathBuf>,
}

impl Walker<'_> {
    fn dir(&mut self, dir: &Path) {
        let mut entries: Vec<fs::DirEntry> = match fs::read_dir(dir) {
            Ok(rd) => {
                let mut v = Vec::new();
                for e in rd {
                    match e {
                        Ok(e) => v.push(e),
                        Err(e) => self
                            .fail(dir, Error::io("cannot read directory", e)),
                    }
                }
                v
            }
            Err(e) => {
                self.fail(dir, Error::io("cannot read directory", e));
                return;
            }
        };
        entries.sort_by_key(fs::DirEntry::file_name);
        for e in entries {
            let path = e.path();
            let ft = match e.file_type() {
                Ok(ft) => ft,
                Err(e) => {
                    self.fail(&path, Error::io("cannot stat", e));
                    continue;
                }
            };
            if ft.is_symlink() {
                let target = match fs::canonicalize(&path) {
                    Ok(t) => t,
                    Err(e) => {
                        self.fail(&path, Error::io("broken symbolic link", e));
                        continue;
                    }
                };
                if !self.follow && !target.starts_with(&self.root_real) {
                    self.plan.notes.push(format!(
                        "skipping {}: symbolic link out of the input tree \
                         (use --follow-symlinks)",
                        path.display()
                    ));
                    continue;
                }
                if target.is_dir() {
                    if self.visited.insert(target) {
                        self.dir(&path);
                    }
                } else if target.is_file() {
                    self.files.push(path);
                }
            } else if ft.is_dir() {
                let real =
                    fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if self.visited.insert(real) {
                    self.dir(&path);
                }
            } else if ft.is_file() {
                self.files.push(path);
            } else {
                self.plan.notes.push(format!(
                    "skipping {}: not a regular file",
                    path.display()
                ));
            }
        }
    }

    fn fail(&mut self, path: &Path, e: Error) {
        self.plan.failed.push((path.display().to_string(), e));
    }
}

/// Expands `paths` into tasks.
pub(crate) fn plan(
    paths: &[PathBuf],
    mode: &Mode<'_>,
    forced: Option<FormatArg>,
    follow: bool,
    report: Option<&Path>,
) -> Result<Plan> {
    let mut plan = Plan::default();
    let out_real = match mode {
        Mode::Out(dir) => {
            if dir.exists() && !dir.is_dir() {
                return Err(Error::msg(format!(
                    "--out {} exists and is not a directory",
                    dir.display()
                )));
            }
            Some(real_path(dir))
        }
        _ => None,
    };
    let report_real = report.map(real_path);
    let stdin_count = paths.iter().filter(|p| p.as_os_str() == "-").count();
    if stdin_count > 1 {
        return Err(Error::msg("`-` (stdin) may be given only once"));
    }
    let mut seen_real: HashSet<PathBuf> = HashSet::new();
    let mut dests: HashMap<PathBuf, String> = HashMap::new();

    for arg in paths {
        if arg.as_os_str() == "-" {
            let (format, _) = format_of("-", forced);
            plan.tasks.push(Task {
                display: "<stdin>".to_string(),
                source: Source::Stdin,
                dest: match mode {
                    Mode::Scan => Dest::Discard,
                    _ => Dest::Stdout,
                },
                format,
                forced: forced.is_some(),
                gzip: false,
            });
            continue;
        }
        let meta = match fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => {
                plan.failed.push((
                    arg.display().to_string(),
                    Error::io("cannot open", e),
                ));
                continue;
            }
        };
        let (root, files) = if meta.is_dir() {
            let root_real = real_path(arg);
            if let Some(o) = &out_real {
                if o.starts_with(&root_real) {
                    return Err(Error::msg(format!(
                        "--out {} is inside the input directory {}; choose a \
                         directory outside it",
                        o.display(),
                        arg.display()
                    )));
                }
            }
            let mut w = Walker {
                follow,
                root_real: root_real.clone(),
                visited: HashSet::from([root_real]),
                plan: &mut plan,
                files: Vec::new(),
            };
            w.dir(arg);
            let files = std::mem::take(&mut w.files);
            (Some(arg.clone()), files)
        } else if meta.is_file() {
            (None, vec![arg.clone()])
        } else {
            plan.failed.push((
                arg.display().to_string(),
                Error::msg("not a regular file"),
            ));
            continue;
        };
        for path in files {
            let real = real_path(&path);
            if report_real.as_ref() == Some(&real) {
                continue;
            }
            // The same file twice (named twice, or through a link): once
            // is enough, and twice would race when rewriting in place.
            if !matches!(mode, Mode::Out(_)) && !seen_real.insert(real.clone())
            {
                continue;
            }
            let display = path.display().to_string();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (format, gzip) = format_of(&name, forced);
            let size = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            let dest = match mode {
                Mode::Scan => Dest::Discard,
                Mode::InPlace => Dest::InPlace(real.clone()),
                Mode::StdoutOnly => return Err(Error::msg(
                    "scrub needs --out DIR or --in-place for files (only `-` \
                         writes to stdout)",
                )),
                Mode::Out(dir) => {
                    let rel = match &root {
                        Some(r) => {
                            path.strip_prefix(r).unwrap_or(&path).to_path_buf()
                        }
                        None => PathBuf::from(&name),
                    };
                    let d = dir.join(rel);
                    let d_real = real_path(&d);
                    if d_real == real {
                        return Err(Error::msg(format!(
                            "{display}: output would overwrite the input; \
                             choose another --out directory"
                        )));
                    }
                    if let Some(other) = dests.insert(d_real, display.clone())
                    {
                        return Err(Error::msg(format!(
                            "{display} and {other} would both be written to {}",
                            d.display()
                        )));
                    }
                    Dest::File(d)
                }
            };
            plan.tasks.push(Task {
                display,
                source: Source::File { path, size },
                dest,
                format,
                forced: forced.is_some(),
                gzip,
            });
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        assert_eq!(format_of("a.JSONL.gz", None), (Format::Jsonl, true));
        assert_eq!(format_of("a.ndjson", None), (Format::Jsonl, false));
        assert_eq!(format_of("a.csv", None), (Format::Csv(b','), false));
        assert_eq!(format_of("a.tsv.gz", None), (Format::Csv(b'\t'), true));
        assert_eq!(format_of("a.log", None), (Format::Text, false));
        assert_eq!(format_of("README", None), (Format::Text, false));
        assert_eq!(
            format_of("a.txt", Some(FormatArg::Jsonl)),
            (Format::Jsonl, false)
        );
    }

    #[test]
    fn real_path_of_missing_tail() {
        let tmp = std::env::temp_dir();
        let r = real_path(&tmp.join("no-such-dir-xyz/sub/../leaf"));
        assert!(r.ends_with("no-such-dir-xyz/leaf"), "{}", r.display());
    }
}
