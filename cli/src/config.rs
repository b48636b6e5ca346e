//! The masking policy: a `--config` TOML file overlaid with flags, turned
//! into a [`Redactor`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pci_redact::{BuildError, Kind, MaskStyle, Redactor};
use serde::Deserialize;

use crate::args::Common;
use crate::error::{Error, Result};

/// The keys a policy file may hold. They mirror the policy flags; a key
/// that is not listed here is an error, so a typo cannot silently weaken
/// the policy.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    /// `mask = { card = "last4", ssn = "full" }` or
    /// `mask = ["card=last4", "ssn=full"]`.
    mask: Option<MaskSpec>,
    /// The card label template.
    label: Option<String>,
    /// The token key file, relative to the policy file.
    token_key_file: Option<PathBuf>,
    /// `kinds = ["card", "ssn"]` or `kinds = "card,ssn"`.
    kinds: Option<ListSpec>,
    no_spoken: Option<bool>,
    allow_test_cards: Option<bool>,
    mask_char: Option<char>,
}

/// The two spellings of `mask`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum MaskSpec {
    Table(BTreeMap<String, String>),
    List(Vec<String>),
}

/// A list given as an array or as one comma-separated string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ListSpec {
    List(Vec<String>),
    One(String),
}

impl ListSpec {
    fn into_vec(self) -> Vec<String> {
        match self {
            ListSpec::List(v) => v,
            ListSpec::One(s) => s.split(',').map(str::to_string).collect(),
        }
    }
}

fn read_config(path: &Path) -> Result<ConfigFile> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::io(format!("cannot read config file {shown}"), e)
    })?;
    toml::from_str(&text).map_err(|e| {
        // toml's message names the key and the line; keep it on one line.
        let detail = e.message().trim().to_string();
        let at = e
            .span()
            .map(|s| {
                let line = text[..s.start].matches('\n').count() + 1;
                format!(" (line {line})")
            })
            .unwrap_or_default();
        Error::msg(format!("invalid config file {shown}{at}: {detail}"))
    })
}

/// Splits `--mask` values on commas, keeping commas that belong to a label
/// template: a piece that does not start with `KIND=` continues the one
/// before it.
pub(crate) fn split_masks(values: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        let mut cur: Option<String> = None;
        for piece in v.split(',') {
            let starts_kind = piece
                .split_once('=')
                .is_some_and(|(k, _)| Kind::from_name(k).is_some());
            match cur.as_mut() {
                Some(c) if !starts_kind => {
                    c.push(',');
                    c.push_str(piece);
                }
                _ => {
                    if let Some(c) = cur.take() {
                        out.push(c);
                    }
                    cur = Some(piece.to_string());
                }
            }
        }
        out.extend(cur);
    }
    out
}

fn parse_mask(item: &str, origin: &str) -> Result<(Kind, MaskStyle)> {
    let (k, style) = item.split_once('=').ok_or_else(|| {
        Error::msg(format!(
            "{origin}: expected KIND=STYLE, got `{}`",
            item.trim()
        ))
    })?;
    let kind = Kind::from_name(k).ok_or_else(|| {
        Error::msg(format!("{origin}: unknown kind `{}`", k.trim()))
    })?;
    let style = MaskStyle::parse(style).map_err(|e| build_err(origin, &e))?;
    Ok((kind, style))
}

fn build_err(origin: &str, e: &BuildError) -> Error {
    Error::msg(format!("{origin}: {e}"))
}

fn parse_kinds(names: &[String], origin: &str) -> Result<Vec<Kind>> {
    let mut kinds = Vec::new();
    for n in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        kinds.push(Kind::from_name(n).ok_or_else(|| {
            Error::msg(format!(
                "{origin}: unknown kind `{n}` (expected card, ssn, cvv, \
                 expiry, pin, track)"
            ))
        })?);
    }
    if kinds.is_empty() {
        return Err(Error::msg(format!("{origin}: no kinds given")));
    }
    Ok(kinds)
}

fn read_key(path: &Path, origin: &str) -> Result<Vec<u8>> {
    let mut key = std::fs::read(path).map_err(|e| {
        Error::io(
            format!("{origin}: cannot read token key file {}", path.display()),
            e,
        )
    })?;
    while key.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        key.pop();
    }
    if key.is_empty() {
        return Err(Error::msg(format!(
            "{origin}: token key file {} is empty",
            path.display()
        )));
    }
    Ok(key)
}

/// Builds the redactor from the policy file (if any) and the flags; flags
/// win.
pub(crate) fn redactor(c: &Common) -> Result<Redactor> {
    let (file, base) = match &c.config {
        Some(p) => {
            let base = p.parent().map(Path::to_path_buf).unwrap_or_default();
            (read_config(p)?, base)
        }
        None => (ConfigFile::default(), PathBuf::new()),
    };
    let cfg_origin = c
        .config
        .as_ref()
        .map(|p| format!("config file {}", p.display()))
        .unwrap_or_default();

    let mut b = Redactor::builder();
    if let Some(names) = c.kinds.as_ref() {
        b.kinds(parse_kinds(names, "--kinds")?);
    } else if let Some(names) = file.kinds {
        b.kinds(parse_kinds(&names.into_vec(), &cfg_origin)?);
    }

    let mut styles: Vec<(Kind, MaskStyle)> = Vec::new();
    match file.mask {
        Some(MaskSpec::Table(t)) => {
            for (k, s) in t {
                styles.push(parse_mask(&format!("{k}={s}"), &cfg_origin)?);
            }
        }
        Some(MaskSpec::List(l)) => {
            for item in split_masks(&l) {
                styles.push(parse_mask(&item, &cfg_origin)?);
            }
        }
        None => {}
    }
    if let Some(t) = file.label {
        styles.push((Kind::Card, label(&t, &cfg_origin)?));
    }
    for item in split_masks(&c.masks) {
        styles.push(parse_mask(&item, "--mask")?);
    }
    if let Some(t) = &c.label {
        styles.push((Kind::Card, label(t, "--label")?));
    }
    for (k, s) in styles {
        b.mask(k, s);
    }

    if let Some(p) = &c.token_key_file {
        b.token_key(read_key(p, "--token-key-file")?);
    } else if let Some(p) = &file.token_key_file {
        b.token_key(read_key(&base.join(p), &cfg_origin)?);
    }
    let no_spoken = c.no_spoken || file.no_spoken.unwrap_or(false);
    b.spoken(!no_spoken);
    b.allow_test_cards(
        c.allow_test_cards || file.allow_test_cards.unwrap_or(false),
    );
    if let Some(ch) = c.mask_char.or(file.mask_char) {
        b.mask_char(ch);
    }
    b.build().map_err(|e| {
        let opt = match e.option() {
            "token_key" => "--token-key-file",
            "mask_char" => "--mask-char",
            "kinds" => "--kinds",
            "label" => "--label",
            _ => "--mask",
        };
        Error::msg(format!("invalid policy ({opt}): {e}"))
    })
}

fn label(template: &str, origin: &str) -> Result<MaskStyle> {
    MaskStyle::parse(&format!("label:{template}"))
        .map_err(|e| build_err(origin, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_split_on_commas_outside_labels() {
        let got = split_masks(&[
            "card=last4,ssn=full".to_string(),
            "card=label:[CARD {brand}, {last4}],cvv=remove".to_string(),
        ]);
        assert_eq!(
            got,
            [
                "card=last4",
                "ssn=full",
                "card=label:[CARD {brand}, {last4}]",
                "cvv=remove"
            ]
        );
    }

    #[test]
    fn unknown_config_key_names_key() {
        let e = toml::from_str::<ConfigFile>("kindz = [\"card\"]\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("kindz"), "{e}");
    }
}
