//! The command-line interface: flag definitions and their help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Find and mask payment-card data (card numbers, CVVs, expiry dates, PINs,
/// track data, SSNs, typed or spoken) in transcript archives: plain text,
/// JSONL and CSV files, gzipped or not.
#[derive(Debug, Parser)]
#[command(name = "pci-redact", version, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) cmd: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Write masked copies of the inputs (to --out DIR, in place, or, for
    /// `-`, from stdin to stdout).
    Scrub(ScrubArgs),
    /// Report findings without rewriting anything. Exits 0 when nothing is
    /// found, 1 when something is, 2 on error.
    Scan(ScanArgs),
}

/// Arguments of `pci-redact scrub`.
#[derive(Debug, Args)]
pub(crate) struct ScrubArgs {
    /// Files and directories to scrub (directories recursively); `-` reads
    /// stdin and writes stdout.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Write the masked copies under DIR, keeping relative paths. DIR must
    /// not be inside an input directory.
    #[arg(long, short = 'o', value_name = "DIR", conflicts_with = "in_place")]
    pub(crate) out: Option<PathBuf>,

    /// Rewrite each file in place: write a temporary file next to it, sync
    /// it and rename it over the original, keeping its permissions. Files
    /// with nothing to mask are left untouched.
    #[arg(long)]
    pub(crate) in_place: bool,

    #[command(flatten)]
    pub(crate) common: Common,
}

/// Arguments of `pci-redact scan`.
#[derive(Debug, Args)]
pub(crate) struct ScanArgs {
    /// Files and directories to scan (directories recursively); `-` reads
    /// stdin.
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,

    /// Print a machine-readable summary (JSON) to stdout instead of one
    /// line per finding.
    #[arg(long)]
    pub(crate) json: bool,

    #[command(flatten)]
    pub(crate) common: Common,
}

/// Input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// Plain text, streamed with constant memory.
    Text,
    /// One JSON value per line.
    Jsonl,
    /// Comma-separated values.
    Csv,
    /// Tab-separated values.
    Tsv,
}

/// What to do with a JSONL line that is not valid JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum OnError {
    /// Stop at the first bad line, naming file and line; no output is
    /// written for that file.
    #[default]
    Stop,
    /// Mask the line as plain text, pass it on, and count it in the
    /// report.
    Skip,
}

/// Flags shared by `scrub` and `scan`.
#[derive(Debug, Args)]
pub(crate) struct Common {
    /// Treat every input as this format instead of choosing by extension
    /// (.txt .log, .jsonl .ndjson, .csv, .tsv, each optionally .gz).
    #[arg(long, value_enum, help_heading = "Formats")]
    pub(crate) format: Option<FormatArg>,

    /// JSONL: mask only these fields (repeatable). A JSON pointer
    /// (`/messages/0/text`) or a dotted path with `[]` for every array
    /// element (`messages[].text`); a field selects everything under it.
    /// Default: every string (keys included) and every number.
    #[arg(long = "field", value_name = "PATH", help_heading = "Formats")]
    pub(crate) fields: Vec<String>,

    /// CSV: mask only these columns (repeatable; a header name or a 1-based
    /// index). Default: every column.
    #[arg(long = "column", value_name = "COL", help_heading = "Formats")]
    pub(crate) columns: Vec<String>,

    /// CSV: the first record is data, not a header.
    #[arg(long, help_heading = "Formats")]
    pub(crate) no_header: bool,

    /// JSONL conversation mode: the array of messages (a path as for
    /// --field) read as one conversation, so a card typed over several
    /// messages is found.
    #[arg(long, value_name = "PATH", help_heading = "Formats")]
    pub(crate) conversation: Option<String>,

    /// Conversation mode: the speaker field of each message.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "speaker",
        help_heading = "Formats"
    )]
    pub(crate) speaker_field: String,

    /// Conversation mode: the text field of each message.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "text",
        help_heading = "Formats"
    )]
    pub(crate) text_field: String,

    /// JSONL: what to do with a line that is not valid JSON.
    #[arg(
        long,
        value_enum,
        default_value_t = OnError::Stop,
        help_heading = "Formats"
    )]
    pub(crate) on_error: OnError,

    /// Follow symbolic links found in directories even when they lead out
    /// of the input tree.
    #[arg(long, help_heading = "Inputs")]
    pub(crate) follow_symlinks: bool,

    /// Policy file (TOML) with the keys mask, label, token-key-file, kinds,
    /// no-spoken, allow-test-cards, mask-char. Flags override it.
    #[arg(long, value_name = "FILE", help_heading = "Policy")]
    pub(crate) config: Option<PathBuf>,

    /// Mask style per kind, e.g. `card=last4,ssn=full` (repeatable).
    /// Styles: full, last0..last4, first6last4, first8last4, token, remove,
    /// label:TEMPLATE.
    #[arg(long = "mask", value_name = "KIND=STYLE", help_heading = "Policy")]
    pub(crate) masks: Vec<String>,

    /// Replace card numbers with a label; placeholders {kind} {KIND}
    /// {brand} {last4} {token}, e.g. '[CARD {brand} ending {last4}]'.
    #[arg(long, value_name = "TEMPLATE", help_heading = "Policy")]
    pub(crate) label: Option<String>,

    /// Key for the `token` style and the {token} placeholder (HMAC-SHA-256),
    /// read from FILE (a trailing newline is ignored).
    #[arg(long, value_name = "FILE", help_heading = "Policy")]
    pub(crate) token_key_file: Option<PathBuf>,

    /// Detect only these kinds: card, ssn, cvv, expiry, pin, track.
    #[arg(
        long,
        value_name = "KINDS",
        value_delimiter = ',',
        help_heading = "Policy"
    )]
    pub(crate) kinds: Option<Vec<String>>,

    /// Do not look for numbers written as words ("four one one one").
    #[arg(long, help_heading = "Policy")]
    pub(crate) no_spoken: bool,

    /// Leave the processors' published test card numbers unmasked.
    #[arg(long, help_heading = "Policy")]
    pub(crate) allow_test_cards: bool,

    /// The character that replaces masked digits (default `*`).
    #[arg(long, value_name = "CHAR", help_heading = "Policy")]
    pub(crate) mask_char: Option<char>,

    /// Write findings as JSON lines to FILE (file, line, column, kind,
    /// brand, last4; never the number), ending with a summary record.
    #[arg(long, value_name = "FILE", help_heading = "Output")]
    pub(crate) report: Option<PathBuf>,

    /// Worker threads (default: every core).
    #[arg(long, short = 'j', value_name = "N", help_heading = "Output")]
    pub(crate) jobs: Option<usize>,

    /// No progress bar and no summary line.
    #[arg(long, short = 'q', help_heading = "Output")]
    pub(crate) quiet: bool,

    /// Size of the blocks a large file is split into for parallel work.
    #[arg(long, hide = true, value_name = "BYTES")]
    pub(crate) block_size: Option<usize>,
}
