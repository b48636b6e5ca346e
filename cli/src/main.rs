/*!
`pci-redact`: scan and scrub transcript archives for payment-card data.

This binary is glue over the `pci_redact` crate: it walks inputs, picks a
format per file (plain text, JSONL, CSV, each optionally gzipped), runs the
core's redactor over the right parts on every core, writes results through
temporary files that replace their destination only on success, and
reports findings (kind, position, brand, last four digits; never the
number).

Exit status: `scan` exits 0 when nothing is found, 1 when something is and
2 on any error; `scrub` exits 0 on success and 2 on any error. A closed
stdout (`pci-redact scan … | head`) ends the command quietly with 0.
*/

#![forbid(unsafe_code)]

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

mod args;
mod config;
mod csvfmt;
mod error;
mod json;
mod jsonl;
mod pipeline;
mod progress;
mod report;
mod run;
mod text;
mod walk;

use crate::args::{Cli, Command, Common, OnError};
use crate::json::Selector;
use crate::jsonl::{Conversation, JsonlOpts};
use crate::walk::Mode;

/// Default size of the blocks one large file is split into.
const BLOCK: usize = 1 << 20;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match try_main(cli) {
        Ok(code) => code,
        Err(err) => {
            // A reader that went away (`| head`) is not an error.
            for cause in err.chain() {
                let pipe =
                    cause.downcast_ref::<std::io::Error>().is_some_and(|e| {
                        e.kind() == std::io::ErrorKind::BrokenPipe
                    }) || cause
                        .downcast_ref::<error::Error>()
                        .is_some_and(error::Error::is_broken_pipe);
                if pipe {
                    return ExitCode::from(0);
                }
            }
            eprintln!("pci-redact: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn jsonl_opts(c: &Common) -> anyhow::Result<JsonlOpts> {
    let fields = c
        .fields
        .iter()
        .map(|f| Selector::parse(f).map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()
        .context("invalid --field")?;
    let conversation = match &c.conversation {
        Some(p) => Some(Conversation {
            at: Selector::parse(p)
                .map_err(anyhow::Error::msg)
                .context("invalid --conversation")?,
            speaker: c.speaker_field.clone(),
            text: c.text_field.clone(),
        }),
        None => None,
    };
    Ok(JsonlOpts {
        fields,
        conversation,
        skip_bad: c.on_error == OnError::Skip,
    })
}

fn try_main(cli: Cli) -> anyhow::Result<ExitCode> {
    let (command, paths, mode, common, json) = match &cli.cmd {
        Command::Scan(a) => ("scan", &a.paths, Mode::Scan, &a.common, a.json),
        Command::Scrub(a) => {
            let mode = match (&a.out, a.in_place) {
                (Some(dir), _) => Mode::Out(dir),
                (None, true) => Mode::InPlace,
                (None, false)
                    if a.paths.iter().all(|p| p.as_os_str() == "-") =>
                {
                    Mode::StdoutOnly
                }
                (None, false) => anyhow::bail!(
                    "scrub needs --out DIR or --in-place for files (only `-` \
                     writes to stdout)"
                ),
            };
            if a.in_place && a.paths.iter().any(|p| p.as_os_str() == "-") {
                anyhow::bail!("`-` (stdin) cannot be rewritten in place");
            }
            ("scrub", &a.paths, mode, &a.common, false)
        }
    };
    let red = config::redactor(common)?;
    let jobs = match common.jobs {
        Some(0) => anyhow::bail!("--jobs must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let block = common.block_size.unwrap_or(BLOCK).max(64);
    let settings = run::Settings {
        command,
        jobs,
        block,
        jsonl: jsonl_opts(common)?,
        columns: common.columns.clone(),
        header: !common.no_header,
        report: common.report.clone(),
        list: command == "scan" && !json,
        json,
        quiet: common.quiet,
    };
    let plan = walk::plan(
        paths,
        &mode,
        common.format,
        common.follow_symlinks,
        common.report.as_deref(),
    )?;
    let outcome = run::run(&red, plan, &settings)?;
    if outcome.broken_pipe {
        return Ok(ExitCode::from(0));
    }
    Ok(ExitCode::from(if outcome.errors > 0 {
        2
    } else if command == "scan" && outcome.findings > 0 {
        1
    } else {
        0
    }))
}
