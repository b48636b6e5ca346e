//! `redact_arrow` and `find_arrow`: a whole Arrow string column at once.
//!
//! The column comes in through the Arrow PyCapsule interface
//! (`arrow_ffi.rs`), so its bytes are read where the producer put them and
//! no Python object is made per row. Rows are cut into blocks of [`ROWS`];
//! threads scan the blocks with the GIL released (`parallel::map_blocks`),
//! keeping only the rows that changed. The result array is then put
//! together in one pass:
//!
//! - `string` and `large_string`: runs of unchanged rows are copied with
//!   one `memcpy` each and their offsets shifted; changed rows are written
//!   in between.
//! - `string_view`: the input's data buffers are shared, not copied; the
//!   views of unchanged rows are kept, and changed rows point into one new
//!   buffer.
//!
//! The result has the input's type and validity (null) bitmap. A column
//! with nothing to mask comes back as the input array itself.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use arrow_array::builder::make_view;
use arrow_array::{
    Array, ArrayRef, Float64Array, GenericStringArray, Int64Array,
    OffsetSizeTrait, StringArray, StringViewArray, StructArray,
};
use arrow_buffer::{
    Buffer, NullBuffer, NullBufferBuilder, OffsetBuffer, ScalarBuffer,
};
use arrow_data::ByteView;
use arrow_schema::{DataType, Field, Fields};
use pci_redact::Redactor;
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::intern;
use pyo3::prelude::*;

use crate::arrow_ffi::{self, arrow_err, Column, PyArrowArray};
use crate::finding::confidence;
use crate::offsets::CodePoints;
use crate::parallel;
use crate::redactor::{find_text, redact_text};

/// Rows per unit of parallel work: about 64 KB of chat text, enough that
/// claiming a block costs nothing next to scanning it.
const ROWS: usize = 1024;

/// The longest string that a `string_view` keeps inside its view.
const INLINE: usize = 12;

/// One chunk of a string column, in any of Arrow's three string layouts.
#[derive(Clone, Copy)]
enum Texts<'a> {
    Utf8(&'a GenericStringArray<i32>),
    LargeUtf8(&'a GenericStringArray<i64>),
    Utf8View(&'a StringViewArray),
}

impl<'a> Texts<'a> {
    /// The chunk as strings, or `None` if it is not a string array.
    fn new(array: &'a dyn Array) -> Option<Texts<'a>> {
        let any = array.as_any();
        any.downcast_ref()
            .map(Texts::Utf8)
            .or_else(|| any.downcast_ref().map(Texts::LargeUtf8))
            .or_else(|| any.downcast_ref().map(Texts::Utf8View))
    }

    /// The number of rows.
    fn len(self) -> usize {
        match self {
            Texts::Utf8(a) => a.len(),
            Texts::LargeUtf8(a) => a.len(),
            Texts::Utf8View(a) => a.len(),
        }
    }

    /// Row `i`, or `None` if it is null.
    fn get(self, i: usize) -> Option<&'a str> {
        match self {
            Texts::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::LargeUtf8(a) => a.is_valid(i).then(|| a.value(i)),
            Texts::Utf8View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }
}

/// The chunks of `column` as strings, or a `TypeError` naming its type.
fn texts(column: &Column) -> PyResult<Vec<Texts<'_>>> {
    let bad = || {
        PyTypeError::new_err(format!(
            "expected an Arrow string, large_string or string_view array, \
             got {}",
            column.data_type
        ))
    };
    if !matches!(
        column.data_type,
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
    ) {
        return Err(bad());
    }
    column
        .chunks
        .iter()
        .map(|c| Texts::new(c.as_ref()).ok_or_else(bad))
        .collect()
}

/// The blocks of rows of a column, as (chunk, rows of that chunk), in
/// order.
fn blocks(chunks: &[Texts<'_>]) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    for (c, t) in chunks.iter().enumerate() {
        let len = t.len();
        let mut lo = 0;
        while lo < len {
            let hi = (lo + ROWS).min(len);
            out.push((c, lo..hi));
            lo = hi;
        }
    }
    out
}

/// A changed row: (chunk, row within the chunk, redacted text).
type Change = (usize, usize, String);

/// Redacts every row of `column` under `r` over `threads` threads, each
/// row read as the value of the field named `field` when there is one; the
/// result is one array of the column's type.
fn redact_column(
    r: &Redactor,
    field: Option<&str>,
    column: &Column,
    chunks: &[Texts<'_>],
    threads: usize,
) -> PyResult<ArrayRef> {
    let work = blocks(chunks);
    let found: Vec<Vec<Change>> =
        parallel::map_blocks(work.len(), 1, threads, |b| {
            let (c, rows) = &work[b.start];
            let t = chunks[*c];
            rows.clone()
                .filter_map(|i| {
                    let text = t.get(i)?;
                    match redact_text(r, field, text) {
                        Cow::Borrowed(_) => None,
                        Cow::Owned(s) => Some((*c, i, s)),
                    }
                })
                .collect()
        });
    let changes: Vec<Change> = found.into_iter().flatten().collect();
    if changes.is_empty() && column.chunks.len() == 1 {
        return Ok(Arc::clone(&column.chunks[0]));
    }
    let rebuilt: ArrayRef = match column.data_type {
        DataType::Utf8 => Arc::new(rebuild_offsets::<i32>(
            &downcast(&column.chunks),
            changes,
        )?),
        DataType::LargeUtf8 => Arc::new(rebuild_offsets::<i64>(
            &downcast(&column.chunks),
            changes,
        )?),
        _ => Arc::new(rebuild_views(&downcast(&column.chunks), changes)?),
    };
    Ok(rebuilt)
}

/// The chunks as arrays of type `T` (checked by [`texts`] beforehand; a
/// chunk of another type would be skipped, which cannot happen).
fn downcast<T: 'static>(chunks: &[ArrayRef]) -> Vec<&T> {
    chunks.iter().filter_map(|c| c.as_any().downcast_ref::<T>()).collect()
}

/// The validity bitmap of the chunks joined end to end; `None` when no row
/// is null. One chunk's bitmap is shared, not copied.
fn joined_nulls<'a>(
    mut nulls: impl ExactSizeIterator<Item = (usize, Option<&'a NullBuffer>)>,
    len: usize,
) -> Option<NullBuffer> {
    if nulls.len() == 1 {
        return nulls.next().and_then(|(_, n)| n.cloned());
    }
    let mut b = NullBufferBuilder::new(len);
    for (n, chunk) in nulls {
        match chunk {
            Some(chunk) => b.append_buffer(chunk),
            None => b.append_n_non_nulls(n),
        }
    }
    b.finish()
}

/// A `string` (`O = i32`) or `large_string` (`O = i64`) array of the
/// chunks with the changed rows replaced.
fn rebuild_offsets<O: OffsetSizeTrait>(
    chunks: &[&GenericStringArray<O>],
    changes: Vec<Change>,
) -> PyResult<GenericStringArray<O>> {
    let rows: usize = chunks.iter().map(|a| a.len()).sum();
    let value_len = |a: &GenericStringArray<O>| {
        let o = a.value_offsets();
        o[a.len()].as_usize() - o[0].as_usize()
    };
    let mut total: usize = chunks.iter().map(|a| value_len(a)).sum();
    for (c, i, text) in &changes {
        let o = chunks[*c].value_offsets();
        total = total - (o[i + 1].as_usize() - o[*i].as_usize()) + text.len();
    }
    if O::from_usize(total).is_none() {
        return Err(PyOverflowError::new_err(format!(
            "the redacted column holds {total} bytes, more than a string \
             array can address; pass a large_string array"
        )));
    }
    let mut values: Vec<u8> = Vec::with_capacity(total);
    let mut offsets: Vec<O> = Vec::with_capacity(rows + 1);
    offsets.push(O::usize_as(0));
    let mut changes = changes.into_iter().peekable();
    for (c, a) in chunks.iter().enumerate() {
        let (offs, data) = (a.value_offsets(), a.value_data());
        let mut row = 0;
        while let Some((_, i, text)) = changes.next_if(|(cc, _, _)| *cc == c) {
            copy_rows(offs, data, row..i, &mut values, &mut offsets);
            values.extend_from_slice(text.as_bytes());
            offsets.push(O::usize_as(values.len()));
            row = i + 1;
        }
        copy_rows(offs, data, row..a.len(), &mut values, &mut offsets);
    }
    let nulls =
        joined_nulls(chunks.iter().map(|a| (a.len(), a.nulls())), rows);
    GenericStringArray::try_new(
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        Buffer::from_vec(values),
        nulls,
    )
    .map_err(arrow_err)
}

/// Appends the unchanged rows `rows` of a chunk (its offsets `offs` into
/// `data`) with one copy of their bytes, their offsets shifted by the
/// distance between where the bytes were and where they go.
fn copy_rows<O: OffsetSizeTrait>(
    offs: &[O],
    data: &[u8],
    rows: Range<usize>,
    values: &mut Vec<u8>,
    offsets: &mut Vec<O>,
) {
    if rows.is_empty() {
        return;
    }
    let (start, end) =
        (offs[rows.start].as_usize(), offs[rows.end].as_usize());
    let base = values.len();
    values.extend_from_slice(&data[start..end]);
    offsets.extend(
        offs[rows.start + 1..=rows.end]
            .iter()
            .map(|o| O::usize_as(o.as_usize() - start + base)),
    );
}

/// A `string_view` array of the chunks with the changed rows replaced. The
/// chunks' data buffers are shared; changed rows longer than [`INLINE`]
/// bytes go to new buffers.
fn rebuild_views(
    chunks: &[&StringViewArray],
    changes: Vec<Change>,
) -> PyResult<StringViewArray> {
    // A view addresses its buffer with a signed 32-bit index and offset.
    let limit = i32::MAX.unsigned_abs() as usize;
    let too_big = || {
        PyOverflowError::new_err(
            "a redacted string or buffer is too large for a string_view \
             array",
        )
    };
    let rows: usize = chunks.iter().map(|a| a.len()).sum();
    let mut views: Vec<u128> = Vec::with_capacity(rows);
    let mut buffers: Vec<Buffer> = Vec::new();
    let mut first_row = Vec::with_capacity(chunks.len());
    for a in chunks {
        first_row.push(views.len());
        let shift = u32::try_from(buffers.len()).map_err(|_| too_big())?;
        buffers.extend(a.data_buffers().iter().cloned());
        if shift == 0 {
            views.extend_from_slice(a.views());
            continue;
        }
        // Views of later chunks point at buffers that now sit `shift`
        // places further on; inline views hold no buffer index.
        views.extend(a.views().iter().map(|&v| {
            let mut view = ByteView::from(v);
            if view.length as usize > INLINE {
                view.buffer_index += shift;
                return view.as_u128();
            }
            v
        }));
    }
    let mut fresh: Vec<u8> = Vec::new();
    for (c, i, text) in changes {
        let b = text.as_bytes();
        if b.len() > limit {
            return Err(too_big());
        }
        let row = first_row[c] + i;
        if b.len() <= INLINE {
            views[row] = make_view(b, 0, 0);
            continue;
        }
        if fresh.len() + b.len() > limit {
            buffers.push(Buffer::from_vec(std::mem::take(&mut fresh)));
        }
        // `fresh` becomes buffer number `buffers.len()` when pushed.
        let index = u32::try_from(buffers.len()).map_err(|_| too_big())?;
        let offset = u32::try_from(fresh.len()).map_err(|_| too_big())?;
        views[row] = make_view(b, index, offset);
        fresh.extend_from_slice(b);
    }
    if !fresh.is_empty() {
        buffers.push(Buffer::from_vec(fresh));
    }
    let nulls =
        joined_nulls(chunks.iter().map(|a| (a.len(), a.nulls())), rows);
    StringViewArray::try_new(ScalarBuffer::from(views), buffers, nulls)
        .map_err(arrow_err)
}

/// One finding as a row of `find_arrow`'s result.
struct Hit {
    row: i64,
    kind: &'static str,
    start: i64,
    end: i64,
    brand: Option<&'static str>,
    last4: Option<[u8; 4]>,
    confidence: f64,
}

/// The findings of every row of `column` under `r`, over `threads` threads,
/// each row read as the value of the field named `field` when there is
/// one, as a struct array (row, kind, start, end, brand, last4,
/// confidence), with `start` and `end` in code points.
fn find_column(
    r: &Redactor,
    field: Option<&str>,
    chunks: &[Texts<'_>],
    threads: usize,
) -> PyResult<StructArray> {
    let work = blocks(chunks);
    let first_row: Vec<usize> = chunks
        .iter()
        .scan(0, |next, t| {
            let first = *next;
            *next += t.len();
            Some(first)
        })
        .collect();
    let to_i64 = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let found: Vec<Vec<Hit>> =
        parallel::map_blocks(work.len(), 1, threads, |b| {
            let (c, range) = &work[b.start];
            let t = chunks[*c];
            let mut hits = Vec::new();
            for i in range.clone() {
                let Some(text) = t.get(i) else { continue };
                let findings = find_text(r, field, text);
                let mut cp = CodePoints::new(text.as_bytes());
                for f in &findings {
                    let span = f.span();
                    let start = cp.char_offset(span.start);
                    let end = cp.char_offset(span.end);
                    hits.push(Hit {
                        row: to_i64(first_row[*c] + i),
                        kind: f.kind().as_str(),
                        start: to_i64(start),
                        end: to_i64(end),
                        brand: f.brand().map(|b| b.as_str()),
                        last4: f.last4().and_then(|s| {
                            <[u8; 4]>::try_from(s.as_bytes()).ok()
                        }),
                        confidence: confidence(f),
                    });
                }
            }
            hits
        });
    let hits: Vec<Hit> = found.into_iter().flatten().collect();
    let last4: Vec<Option<&str>> = hits
        .iter()
        .map(|h| h.last4.as_ref().and_then(|b| std::str::from_utf8(b).ok()))
        .collect();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(Int64Array::from_iter_values(hits.iter().map(|h| h.row))),
        Arc::new(StringArray::from_iter_values(hits.iter().map(|h| h.kind))),
        Arc::new(Int64Array::from_iter_values(hits.iter().map(|h| h.start))),
        Arc::new(Int64Array::from_iter_values(hits.iter().map(|h| h.end))),
        Arc::new(StringArray::from_iter(hits.iter().map(|h| h.brand))),
        Arc::new(StringArray::from(last4)),
        Arc::new(Float64Array::from_iter_values(
            hits.iter().map(|h| h.confidence),
        )),
    ];
    StructArray::try_new(finding_fields(), columns, None).map_err(arrow_err)
}

/// The fields of `find_arrow`'s result.
fn finding_fields() -> Fields {
    Fields::from(vec![
        Field::new("row", DataType::Int64, false),
        Field::new("kind", DataType::Utf8, false),
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("brand", DataType::Utf8, true),
        Field::new("last4", DataType::Utf8, true),
        Field::new("confidence", DataType::Float64, false),
    ])
}

/// What a result is: a column like the input, or a table of findings.
#[derive(Clone, Copy)]
enum Shape {
    Column,
    Table,
}

/// `out` as an object of the input's library: pyarrow in, pyarrow out
/// (`Array`, `ChunkedArray` or, for findings, `Table`); a Polars `Series`
/// in, a Polars `Series` (same name) or `DataFrame` out. Anything else gets
/// a [`PyArrowArray`], which every Arrow library can import.
fn like_input<'py>(
    input: &Bound<'py, PyAny>,
    out: ArrayRef,
    shape: Shape,
) -> PyResult<Bound<'py, PyAny>> {
    let py = input.py();
    let holder = Bound::new(py, PyArrowArray::new(out))?.into_any();
    let module = input.get_type().module()?.to_string();
    match (module.split('.').next().unwrap_or(""), shape) {
        ("pyarrow", Shape::Table) => {
            py.import("pyarrow")?.call_method1("table", (holder,))
        }
        ("pyarrow", Shape::Column) => {
            let pa = py.import("pyarrow")?;
            let array = pa.call_method1("array", (holder,))?;
            if input.hasattr(intern!(py, "__arrow_c_array__"))? {
                Ok(array)
            } else {
                pa.call_method1("chunked_array", (vec![array],))
            }
        }
        ("polars", Shape::Table) => {
            py.import("polars")?.call_method1("DataFrame", (holder,))
        }
        ("polars", Shape::Column) => {
            let name = input.getattr(intern!(py, "name"))?;
            py.import("polars")?
                .call_method1("Series", (holder,))?
                .call_method1("alias", (name,))
        }
        _ => Ok(holder),
    }
}

/// `redact_arrow`: imports `array`, redacts every row (as the value of the
/// field named `field`, if any) with the GIL released, and hands the
/// result back like the input.
pub(crate) fn redact_arrow<'py>(
    r: &Redactor,
    field: Option<&str>,
    array: &Bound<'py, PyAny>,
    threads: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let column = arrow_ffi::import(array)?;
    let chunks = texts(&column)?;
    let out = array
        .py()
        .detach(|| redact_column(r, field, &column, &chunks, threads))?;
    like_input(array, out, Shape::Column)
}

/// `find_arrow`: imports `array`, finds in every row (as the value of the
/// field named `field`, if any) with the GIL released, and returns the
/// findings as a table.
pub(crate) fn find_arrow<'py>(
    r: &Redactor,
    field: Option<&str>,
    array: &Bound<'py, PyAny>,
    threads: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let column = arrow_ffi::import(array)?;
    let chunks = texts(&column)?;
    let out = array.py().detach(|| find_column(r, field, &chunks, threads))?;
    like_input(array, Arc::new(out), Shape::Table)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `texts` with nulls where `None`.
    fn utf8(rows: &[Option<&str>]) -> ArrayRef {
        Arc::new(StringArray::from(rows.to_vec()))
    }

    fn column(chunks: Vec<ArrayRef>) -> Column {
        let data_type = chunks[0].data_type().clone();
        Column { chunks, data_type }
    }

    fn rows(a: &ArrayRef) -> Vec<Option<String>> {
        let t = Texts::new(a.as_ref()).expect("a string array");
        (0..a.len()).map(|i| t.get(i).map(str::to_string)).collect()
    }

    fn want(r: &Redactor, input: &[Option<&str>]) -> Vec<Option<String>> {
        input.iter().map(|t| t.map(|t| r.redact(t).into_owned())).collect()
    }

    /// Rows 0-1 and 2-7 make two chunks; each chunk has a long clean row,
    /// which a `string_view` keeps in a data buffer.
    const ROWS_IN: [Option<&str>; 8] = [
        Some("card 4111 1111 1111 1111"),
        Some("a clean message, long enough"),
        None,
        Some(""),
        Some("nothing here"),
        Some("é 5555555555554444 中"),
        Some("4111111111111111"),
        Some("another clean message, also long"),
    ];

    #[test]
    fn every_layout_and_chunking_matches_redact() {
        let r = Redactor::new();
        let want = want(&r, &ROWS_IN);
        let (a, b) = ROWS_IN.split_at(2);
        let layouts: Vec<Vec<ArrayRef>> = vec![
            vec![utf8(&ROWS_IN)],
            vec![utf8(a), utf8(b)],
            vec![Arc::new(
                ROWS_IN
                    .iter()
                    .copied()
                    .collect::<arrow_array::LargeStringArray>(),
            )],
            vec![Arc::new(
                ROWS_IN.iter().copied().collect::<StringViewArray>(),
            )],
            vec![
                Arc::new(a.iter().copied().collect::<StringViewArray>()),
                Arc::new(b.iter().copied().collect::<StringViewArray>()),
            ],
            // Offsets that do not start at 0.
            vec![utf8(&[&[Some("x")][..], &ROWS_IN].concat()).slice(1, 8)],
        ];
        for chunks in layouts {
            let ty = chunks[0].data_type().clone();
            let col = column(chunks);
            let texts = texts(&col).expect("strings");
            for threads in [1, 2] {
                let out =
                    redact_column(&r, None, &col, &texts, threads).unwrap();
                assert_eq!(out.data_type(), &ty);
                assert_eq!(rows(&out), want, "{ty} threads={threads}");
                assert_eq!(out.null_count(), 1);
            }
        }
    }

    #[test]
    fn a_clean_column_is_returned_as_is() {
        let r = Redactor::new();
        let a = utf8(&[Some("hello"), None]);
        let col = column(vec![Arc::clone(&a)]);
        let out =
            redact_column(&r, None, &col, &texts(&col).unwrap(), 2).unwrap();
        assert!(Arc::ptr_eq(&out, &a));
    }

    #[test]
    fn findings_have_rows_across_chunks_and_char_offsets() {
        let r = Redactor::new();
        let col = column(vec![
            utf8(&[Some("x"), None]),
            utf8(&[Some("é 5555555555554444")]),
        ]);
        let out = find_column(&r, None, &texts(&col).unwrap(), 2).unwrap();
        assert_eq!(out.len(), 1);
        let rows = out.column(0).as_any().downcast_ref::<Int64Array>();
        let starts = out.column(2).as_any().downcast_ref::<Int64Array>();
        assert_eq!(rows.map(|a| a.value(0)), Some(2));
        assert_eq!(starts.map(|a| a.value(0)), Some(2));
    }

    #[test]
    fn a_field_name_is_read_with_every_row() {
        let r = Redactor::new();
        let input = [Some("123"), None, Some("4111111111111111"), Some("x")];
        let col = column(vec![utf8(&input)]);
        let t = texts(&col).expect("strings");
        let want: Vec<Option<String>> = input
            .iter()
            .map(|v| v.map(|v| r.redact_field("cvv", v).into_owned()))
            .collect();
        assert_eq!(want[0].as_deref(), Some("***"));
        for threads in [1, 2] {
            let out = redact_column(&r, Some("cvv"), &col, &t, threads);
            assert_eq!(rows(&out.unwrap()), want);
        }
        // Free text: "123" alone is no CVV.
        let out = redact_column(&r, None, &col, &t, 1).unwrap();
        assert_eq!(rows(&out)[0].as_deref(), Some("123"));
        let found = find_column(&r, Some("cvv"), &t, 2).unwrap();
        let rows = found.column(0).as_any().downcast_ref::<Int64Array>();
        assert_eq!(rows.map(|a| a.values().to_vec()), Some(vec![0, 2]));
    }

    #[test]
    fn other_types_are_refused() {
        let col = column(vec![Arc::new(Int64Array::from(vec![1]))]);
        assert!(texts(&col).is_err());
    }
}
