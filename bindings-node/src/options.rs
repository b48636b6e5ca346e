//! Reads a JavaScript options object into a core [`Redactor`].
//!
//! The object is read key by key rather than through a `#[napi(object)]`
//! conversion so that an unknown key (a typo such as `maskchar`) and a
//! value of the wrong type both throw an error with the code
//! `ERR_PCI_REDACT_CONFIG` that names the option, instead of being ignored
//! or reported as a generic napi type error. The `RedactorOptions` interface
//! in `index.d.ts` documents the same keys for TypeScript.

use napi::bindgen_prelude::{Buffer, Object, Unknown};
use napi::{JsValue, ValueType};
use pci_redact::{Kind, MaskStyle, Redactor, RedactorBuilder};

use crate::errors::{self, type_name, Error, ErrorCode, Result};

/// Every key a `RedactorOptions` object may have, in the order they are
/// applied.
const KEYS: [&str; 7] = [
    "kinds",
    "mask",
    "maskChar",
    "label",
    "tokenKey",
    "spoken",
    "allowTestCards",
];

/// Builds a redactor from an optional options object. `undefined` and
/// `null` give the default policy.
pub(crate) fn redactor(options: Option<Unknown<'_>>) -> Result<Redactor> {
    let Some(options) = options else {
        return Ok(Redactor::new());
    };
    let ty = options.get_type().map_err(errors::napi)?;
    match ty {
        ValueType::Undefined | ValueType::Null => return Ok(Redactor::new()),
        ValueType::Object if !is_array(&options)? => {}
        _ => {
            return Err(Error::new(
                ErrorCode::Config,
                format!("options must be an object, not {}", type_name(ty)),
            ))
        }
    }
    let obj = Object::from_raw(options.value().env, options.raw());
    let mut b = Redactor::builder();
    for key in Object::keys(&obj).map_err(errors::napi)? {
        if !KEYS.contains(&key.as_str()) {
            return Err(Error::new(
                ErrorCode::Config,
                format!(
                    "unknown option {key:?}: expected one of {}",
                    KEYS.join(", ")
                ),
            ));
        }
    }
    // `label` first: it sets every kind's style, and `mask` then overrides
    // the kinds it names.
    if let Some(v) = get(&obj, "label")? {
        let template = string(&obj, "label", v)?;
        for k in Kind::ALL {
            b.mask(k, MaskStyle::Label(template.clone()));
        }
    }
    if let Some(v) = get(&obj, "kinds")? {
        kinds(&mut b, &obj, v)?;
    }
    if let Some(v) = get(&obj, "mask")? {
        mask(&mut b, &obj, v)?;
    }
    if let Some(v) = get(&obj, "maskChar")? {
        let s = string(&obj, "maskChar", v)?;
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                b.mask_char(c);
            }
            _ => {
                return Err(errors::config(
                    "maskChar",
                    format!(
                        "expected a single character, got {} characters",
                        s.chars().count()
                    ),
                ))
            }
        }
    }
    if let Some(v) = get(&obj, "tokenKey")? {
        let key = if v.get_type().map_err(errors::napi)? == ValueType::String {
            string(&obj, "tokenKey", v)?.into_bytes()
        } else if v.is_buffer().map_err(errors::napi)? {
            let buf: Option<Buffer> =
                obj.get("tokenKey").map_err(errors::napi)?;
            buf.map(Vec::from).unwrap_or_default()
        } else {
            return Err(errors::config(
                "tokenKey",
                format!(
                    "expected a string or a Buffer, not {}",
                    type_name(v.get_type().map_err(errors::napi)?)
                ),
            ));
        };
        b.token_key(key);
    }
    if let Some(v) = get(&obj, "spoken")? {
        b.spoken(boolean(&obj, "spoken", v)?);
    }
    if let Some(v) = get(&obj, "allowTestCards")? {
        b.allow_test_cards(boolean(&obj, "allowTestCards", v)?);
    }
    b.build().map_err(|e| errors::from_build(&e))
}

/// Applies the `kinds` option: an array of kind names.
fn kinds(
    b: &mut RedactorBuilder,
    obj: &Object<'_>,
    v: Unknown<'_>,
) -> Result<()> {
    let bad = || errors::config("kinds", "expected an array of kind names");
    if !is_array(&v)? {
        return Err(bad());
    }
    let names: Vec<String> = obj
        .get::<Vec<String>>("kinds")
        .map_err(|_| bad())?
        .unwrap_or_default();
    b.kind_names(&names).map_err(|e| errors::build("kinds", &e))?;
    Ok(())
}

/// Applies the `mask` option: an object from kind name to style name.
fn mask(
    b: &mut RedactorBuilder,
    obj: &Object<'_>,
    v: Unknown<'_>,
) -> Result<()> {
    let bad = || {
        errors::config(
            "mask",
            "expected an object from kind name to mask style, e.g. \
             { card: 'first6last4' }",
        )
    };
    if v.get_type().map_err(errors::napi)? != ValueType::Object
        || is_array(&v)?
    {
        return Err(bad());
    }
    let styles: Object<'_> =
        obj.get("mask").map_err(|_| bad())?.ok_or_else(bad)?;
    for kind in Object::keys(&styles).map_err(errors::napi)? {
        let Some(style) = get(&styles, &kind)? else { continue };
        if style.get_type().map_err(errors::napi)? != ValueType::String {
            return Err(errors::config(
                "mask",
                format!("the style for {kind:?} must be a string"),
            ));
        }
        let style: String =
            styles.get(&kind).map_err(errors::napi)?.unwrap_or_default();
        b.mask_named(&kind, &style).map_err(|e| errors::build("mask", &e))?;
    }
    Ok(())
}

/// The value of `key`, or `None` when it is missing or `undefined`.
fn get<'e>(obj: &Object<'e>, key: &str) -> Result<Option<Unknown<'e>>> {
    obj.get::<Unknown<'e>>(key).map_err(errors::napi)
}

/// The string value of option `key`, or an error naming it.
fn string(obj: &Object<'_>, key: &str, v: Unknown<'_>) -> Result<String> {
    let ty = v.get_type().map_err(errors::napi)?;
    if ty != ValueType::String {
        return Err(errors::config(
            key,
            format!("expected a string, not {}", type_name(ty)),
        ));
    }
    Ok(obj.get::<String>(key).map_err(errors::napi)?.unwrap_or_default())
}

/// The boolean value of option `key`, or an error naming it.
fn boolean(obj: &Object<'_>, key: &str, v: Unknown<'_>) -> Result<bool> {
    let ty = v.get_type().map_err(errors::napi)?;
    if ty != ValueType::Boolean {
        return Err(errors::config(
            key,
            format!("expected a boolean, not {}", type_name(ty)),
        ));
    }
    Ok(obj.get::<bool>(key).map_err(errors::napi)?.unwrap_or_default())
}

/// Whether `v` is a JavaScript array.
fn is_array(v: &Unknown<'_>) -> Result<bool> {
    v.is_array().map_err(errors::napi)
}
