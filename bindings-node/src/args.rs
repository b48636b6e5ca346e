//! Reads the arguments that carry text: strings, arrays of strings and
//! conversations.
//!
//! napi-rs can convert these by itself (a `String` or `Vec<String>`
//! parameter), but when a value has the wrong type its error quotes the
//! value: `find(4111111111111111)` would throw "Failed to convert JavaScript
//! value `Number 4111111111111111 ` into rust type `String`", and an object
//! or array is quoted as JSON, with whatever it holds. A caller who passes a
//! number by mistake may well be passing the card number they meant to
//! scan. So text arguments are taken as `JsString` (which napi-rs does not
//! check), as an [`Either`] whose last case is [`Unknown`] (anything else),
//! or, inside arrays, read as `Unknown` first; the error is built here from
//! the parameter's name and the value's type, never from the value (see
//! [`errors::argument`]).
//!
//! The common case costs what napi-rs' own conversion costs, give or take
//! a `napi_typeof`: a `JsString` is read without a type check and its type
//! is looked up only once the read has failed; a string inside an array is
//! typed first and then read as napi-rs reads it (the one `unsafe` block of
//! the package, in `string_at`).

use std::fmt::Display;

use napi::bindgen_prelude::{
    Array, BufferSlice, Either, Either3, FromNapiValue, Unknown,
};
use napi::{JsString, JsStringUtf8, JsValue, Status, ValueType};

use crate::errors::{self, type_name};

/// An argument that should be an array, or what was passed instead.
pub(crate) type List<'e> = Either<Array<'e>, Unknown<'e>>;

/// An argument that should be a string or a Buffer, or what was passed
/// instead.
pub(crate) type TextOrBytes<'e> =
    Either3<String, BufferSlice<'e>, Unknown<'e>>;

/// The UTF-8 text of the string argument `name`.
pub(crate) fn utf8<'e>(
    name: &str,
    arg: JsString<'e>,
) -> napi::Result<JsStringUtf8<'e>> {
    arg.into_utf8().map_err(|err| {
        // napi-rs' own error here has an empty message; only the status
        // says what went wrong.
        if err.status == Status::StringExpected {
            errors::argument(
                Status::StringExpected,
                name,
                "a string",
                describe(&arg.to_unknown()),
            )
        } else {
            err
        }
    })
}

/// The string or Buffer argument `name`; `expected` says which in the
/// parameter's own words ("a string or a Buffer").
pub(crate) fn text_or_bytes<'e>(
    name: &str,
    expected: &str,
    arg: TextOrBytes<'e>,
) -> napi::Result<Either<String, BufferSlice<'e>>> {
    match arg {
        Either3::A(s) => Ok(Either::A(s)),
        Either3::B(b) => Ok(Either::B(b)),
        Either3::C(v) => Err(errors::argument(
            Status::InvalidArg,
            name,
            expected,
            describe(&v),
        )),
    }
}

/// The array argument `name`; `expected` describes it for the error
/// ("an array of strings").
fn array<'e>(
    name: impl Display,
    expected: &str,
    arg: List<'e>,
) -> napi::Result<Array<'e>> {
    match arg {
        Either::A(a) => Ok(a),
        Either::B(v) => Err(errors::argument(
            Status::ArrayExpected,
            name,
            expected,
            describe(&v),
        )),
    }
}

/// The strings of the array argument `name`.
pub(crate) fn strings(name: &str, arg: List<'_>) -> napi::Result<Vec<String>> {
    let arr = array(name, "an array of strings", arg)?;
    (0..arr.len())
        .map(|i| string_at(&arr, i, format_args!("{name}[{i}]")))
        .collect()
}

/// The `[speaker, text]` pairs of the array argument `name`. A pair may
/// have more than two elements; the rest are ignored.
pub(crate) fn pairs(
    name: &str,
    arg: List<'_>,
) -> napi::Result<Vec<(String, String)>> {
    const PAIR: &str = "a [speaker, text] pair of strings";
    let arr = array(name, "an array of [speaker, text] pairs", arg)?;
    (0..arr.len())
        .map(|i| {
            // Read as an array straight away, as napi-rs' own conversion
            // does; that fails without reading the value, and only then is
            // its type looked up.
            let pair = match element::<Array>(&arr, i) {
                Ok(pair) => pair,
                Err(err) if err.status == Status::ArrayExpected => {
                    return Err(errors::argument(
                        Status::ArrayExpected,
                        format_args!("{name}[{i}]"),
                        PAIR,
                        describe(&element(&arr, i)?),
                    ))
                }
                Err(err) => return Err(err),
            };
            if pair.len() < 2 {
                return Err(errors::argument(
                    Status::InvalidArg,
                    format_args!("{name}[{i}]"),
                    PAIR,
                    format_args!("an array of length {}", pair.len()),
                ));
            }
            Ok((
                string_at(&pair, 0, format_args!("{name}[{i}][0]"))?,
                string_at(&pair, 1, format_args!("{name}[{i}][1]"))?,
            ))
        })
        .collect()
}

/// Element `i` of `arr` as a string; `what` names it in the error.
fn string_at(
    arr: &Array<'_>,
    i: u32,
    what: impl Display,
) -> napi::Result<String> {
    // The type first: napi-rs' `String` conversion of a value of another
    // type reads the value to quote it. Reading the element a second time
    // as a `String` (as `options.rs` reads options) would be safe too, but
    // `napi_get_element` is the dearest call here and doubling it made a
    // conversation of short messages a fifth slower to read.
    let v: Unknown<'_> = element(arr, i)?;
    if v.get_type()? != ValueType::String {
        return Err(errors::argument(
            Status::StringExpected,
            what,
            "a string",
            describe(&v),
        ));
    }
    // SAFETY: `Unknown::cast` asks that the value be of the type it is
    // cast to, as `get_type` reported just above; `v` is a live value of
    // this call's scope (`element` took it from `arr`, an argument).
    unsafe { v.cast::<String>() }
}

/// Element `i` of `arr`, where `i < arr.len()`.
fn element<'e, T: FromNapiValue>(arr: &Array<'e>, i: u32) -> napi::Result<T> {
    arr.get(i)?.ok_or_else(|| {
        napi::Error::new(Status::GenericFailure, format!("no element {i}"))
    })
}

/// What `v` is, for an error message: its `typeof` with an article
/// ("a number", "an object", "null"), or "an array" for an array. The
/// value itself is not read.
fn describe(v: &Unknown<'_>) -> &'static str {
    match v.get_type() {
        Ok(ValueType::Object) if v.is_array().unwrap_or(false) => "an array",
        Ok(ty) => type_name(ty),
        Err(_) => "another type",
    }
}
