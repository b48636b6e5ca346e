//! End-to-end tests of the `pci-redact` command.

mod formats;
mod parallel;
mod policy;
mod report;
mod safety;
mod samples;
mod util;
