//! Arrow arrays in and out of Python through the Arrow PyCapsule
//! interface.
//!
//! An Arrow library hands an array to another one as two capsules: an
//! `ArrowSchema` and an `ArrowArray` struct of the Arrow C data interface
//! (`obj.__arrow_c_array__()`), or a chunked column as one
//! `ArrowArrayStream` (`obj.__arrow_c_stream__()`). pyarrow, Polars,
//! pandas, nanoarrow and arro3 all speak it, so one import path serves
//! them all, with no copy of the data and no Python object per row.
//!
//! The C structs are read and written by arrow-rs (`arrow_array::ffi`);
//! this module only takes them out of and puts them into capsules. It holds
//! all the `unsafe` code of the package: three raw-pointer reads, each at
//! the point where the capsule's name has just been checked.

use std::ffi::CStr;

use arrow_array::ffi::{from_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream};
use arrow_array::{make_array, Array, ArrayReader, ArrayRef};
use arrow_schema::{ArrowError, DataType};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyTuple};

/// The capsule names fixed by the PyCapsule interface.
const SCHEMA: &CStr = c"arrow_schema";
const ARRAY: &CStr = c"arrow_array";
const STREAM: &CStr = c"arrow_array_stream";

/// A column taken from a Python object: its chunks (one for an array, any
/// number for a stream) and their common type.
pub(crate) struct Column {
    /// The chunks, in order.
    pub(crate) chunks: Vec<ArrayRef>,
    /// The type of every chunk (known even when there are none).
    pub(crate) data_type: DataType,
}

/// A failed import or export as a Python `ValueError`. Arrow's messages
/// name types, lengths and offsets, never values.
pub(crate) fn arrow_err(e: ArrowError) -> PyErr {
    PyValueError::new_err(format!("arrow: {e}"))
}

/// Imports the column `obj` exports through `__arrow_c_array__` (preferred)
/// or `__arrow_c_stream__`. The producer's memory is shared, not copied;
/// it is released when the last chunk is dropped.
pub(crate) fn import(obj: &Bound<'_, PyAny>) -> PyResult<Column> {
    let py = obj.py();
    if obj.hasattr(intern!(py, "__arrow_c_array__"))? {
        let pair = obj.call_method0(intern!(py, "__arrow_c_array__"))?;
        let pair = pair.cast::<PyTuple>().map_err(|_| {
            PyTypeError::new_err(
                "__arrow_c_array__ must return a (schema, array) tuple of \
                 capsules",
            )
        })?;
        if pair.len() != 2 {
            return Err(PyTypeError::new_err(
                "__arrow_c_array__ must return a (schema, array) tuple of \
                 capsules",
            ));
        }
        let schema = capsule(&pair.get_item(0)?, "__arrow_c_array__")?;
        let array = capsule(&pair.get_item(1)?, "__arrow_c_array__")?;
        let chunk = import_array(&schema, &array)?;
        let data_type = chunk.data_type().clone();
        return Ok(Column { chunks: vec![chunk], data_type });
    }
    if obj.hasattr(intern!(py, "__arrow_c_stream__"))? {
        let stream = obj.call_method0(intern!(py, "__arrow_c_stream__"))?;
        let stream = capsule(&stream, "__arrow_c_stream__")?;
        return import_stream(&stream);
    }
    let name = obj
        .get_type()
        .name()
        .map_or_else(|_| "object".to_string(), |n| n.to_string());
    Err(PyTypeError::new_err(format!(
        "expected an Arrow array or column (an object with \
         __arrow_c_array__ or __arrow_c_stream__, such as a pyarrow.Array \
         or a polars.Series), got {name}"
    )))
}

/// `obj` as a capsule, or a `TypeError` naming the method that returned it.
fn capsule<'py>(
    obj: &Bound<'py, PyAny>,
    method: &str,
) -> PyResult<Bound<'py, PyCapsule>> {
    obj.cast::<PyCapsule>().cloned().map_err(|_| {
        PyTypeError::new_err(format!("{method} must return capsules"))
    })
}

/// Imports one array from its schema and array capsules, taking ownership
/// of the array (the capsule is left holding a released struct).
fn import_array(
    schema: &Bound<'_, PyCapsule>,
    array: &Bound<'_, PyCapsule>,
) -> PyResult<ArrayRef> {
    // `pointer_checked` fails unless the capsule carries the name the
    // PyCapsule interface gives this struct, and is never null.
    let schema_ptr = schema.pointer_checked(Some(SCHEMA))?;
    let array_ptr = array.pointer_checked(Some(ARRAY))?;
    // SAFETY: a capsule named "arrow_schema" holds an `ArrowSchema` (the
    // PyCapsule interface), which `FFI_ArrowSchema` mirrors field for
    // field (`#[repr(C)]`). `schema` is borrowed for this whole function,
    // so the capsule and its struct outlive the reference, and no Python
    // code runs while it is used. It is only read; the capsule's
    // destructor releases it.
    let schema = unsafe { schema_ptr.cast::<FFI_ArrowSchema>().as_ref() };
    let array_ptr = array_ptr.cast::<FFI_ArrowArray>().as_ptr();
    // SAFETY: as above, a capsule named "arrow_array" holds a valid,
    // aligned `ArrowArray`. `from_raw` moves it out and leaves a released
    // struct (null `release`) in its place, the "move" of the C data
    // interface, so the capsule's destructor does not release it a second
    // time and the imported buffers stay valid until the returned array is
    // dropped.
    let array = unsafe { FFI_ArrowArray::from_raw(array_ptr) };
    if array.is_released() {
        return Err(PyValueError::new_err(
            "arrow: the array capsule was already consumed",
        ));
    }
    // SAFETY: the producer's promise under the C data interface: the
    // array's buffers match the layout that the schema describes. The
    // buffers are not copied or validated (no UTF-8 check of every row);
    // this is the trust every consumer of the interface extends.
    let data = unsafe { from_ffi(array, schema) }.map_err(arrow_err)?;
    Ok(make_array(data))
}

/// Imports every chunk of a stream capsule (the stream is consumed).
fn import_stream(stream: &Bound<'_, PyCapsule>) -> PyResult<Column> {
    let ptr = stream.pointer_checked(Some(STREAM))?;
    // SAFETY: a capsule named "arrow_array_stream" holds a valid, aligned
    // `ArrowArrayStream` (the PyCapsule interface). `from_raw` moves it
    // out, leaving a released struct so that the capsule's destructor does
    // nothing; the reader then owns the stream and releases it when
    // dropped, after its chunks were imported (each chunk owns its own
    // buffers under the C stream interface).
    let reader = unsafe {
        ArrayStreamReader::from_raw(
            ptr.cast::<FFI_ArrowArrayStream>().as_ptr(),
        )
    }
    .map_err(arrow_err)?;
    let data_type = reader.field().data_type().clone();
    let chunks =
        reader.collect::<Result<Vec<ArrayRef>, _>>().map_err(arrow_err)?;
    Ok(Column { chunks, data_type })
}

/// An Arrow array produced by pci_redact, for any Arrow library to take.
///
/// redact_arrow() and find_arrow() return one when the input came from a
/// library other than pyarrow or Polars. It implements the Arrow PyCapsule
/// interface, so pyarrow.array(a), polars.Series(a),
/// polars.DataFrame(a) (for find_arrow's struct array) or
/// nanoarrow.c_array(a) take it without copying.
#[pyclass(frozen, module = "pci_redact", name = "ArrowArray")]
pub(crate) struct PyArrowArray {
    array: ArrayRef,
}

impl PyArrowArray {
    /// Wraps an array for export.
    pub(crate) fn new(array: ArrayRef) -> PyArrowArray {
        PyArrowArray { array }
    }

    /// The schema capsule of this array's type.
    fn schema_capsule<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.array.data_type())
            .map_err(arrow_err)?;
        PyCapsule::new_with_value(py, schema, SCHEMA)
    }
}

#[pymethods]
impl PyArrowArray {
    /// Exports the array through the Arrow PyCapsule interface.
    ///
    /// Args:
    ///     requested_schema (object | None): a schema capsule the consumer
    ///         would prefer; ignored, as the interface allows: the array
    ///         keeps its own type.
    ///
    /// Returns:
    ///     tuple[object, object]: the "arrow_schema" and "arrow_array"
    ///     capsules. The array's buffers are shared, not copied.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let schema = self.schema_capsule(py)?;
        // The exported struct holds a reference to the buffers; the
        // capsule's destructor releases it unless a consumer moved it out.
        let array = FFI_ArrowArray::new(&self.array.to_data());
        Ok((schema, PyCapsule::new_with_value(py, array, ARRAY)?))
    }

    /// Exports the array's type through the Arrow PyCapsule interface.
    ///
    /// Returns:
    ///     object: an "arrow_schema" capsule.
    fn __arrow_c_schema__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        self.schema_capsule(py)
    }

    fn __len__(&self) -> usize {
        self.array.len()
    }

    fn __repr__(&self) -> String {
        // The type and length only: never the values.
        format!(
            "ArrowArray(type={}, len={})",
            self.array.data_type(),
            self.array.len()
        )
    }
}
