//! Apostil JSON: the lossless, versioned format (schema: `schema/apostil-document.schema.json`).
//!
//! Two shapes, both carrying the schema version in `"apostil"`:
//!
//! ```json
//! {"apostil": 1, "documents": [ {"id": "…", "text": "…", "text_hash": "sha256:…", …} ]}
//! {"apostil": 1, "id": "…", "text": "…", "text_hash": "sha256:…", …}
//! ```
//!
//! The first is a library, the second a single document. A file of a newer version is refused
//! with [`FormatError::UnsupportedVersion`]. Offsets are code points, end-exclusive.

use crate::document::Document;
use crate::error::FormatError;
use crate::formats::{json_error, validate};
use serde::{Deserialize, Serialize};

/// The schema version this build writes and the newest it reads.
pub const VERSION: u64 = 1;

const NAME: &str = "Apostil JSON";

#[derive(Serialize)]
struct SingleOut<'a> {
    apostil: u64,
    #[serde(flatten)]
    document: &'a Document,
}

#[derive(Serialize)]
struct LibraryOut<'a> {
    apostil: u64,
    documents: &'a [Document],
}

#[derive(Deserialize)]
struct LibraryIn {
    #[allow(dead_code)]
    apostil: u64,
    documents: Vec<Document>,
}

/// One document as Apostil JSON (pretty-printed, single-document form).
pub fn export(doc: &Document) -> Result<String, FormatError> {
    serde_json::to_string_pretty(&SingleOut {
        apostil: VERSION,
        document: doc,
    })
    .map(|s| s + "\n")
    .map_err(|e| FormatError::Invalid(e.to_string()))
}

/// Several documents as one Apostil JSON library file.
pub fn export_library(docs: &[Document]) -> Result<String, FormatError> {
    serde_json::to_string_pretty(&LibraryOut {
        apostil: VERSION,
        documents: docs,
    })
    .map(|s| s + "\n")
    .map_err(|e| FormatError::Invalid(e.to_string()))
}

/// Reads a library or a single document; every document is validated (see
/// [`crate::formats::validate`]).
pub fn import(input: &str) -> Result<Vec<Document>, FormatError> {
    let value: serde_json::Value = serde_json::from_str(input).map_err(|e| json_error(NAME, e))?;
    let obj = value.as_object().ok_or_else(|| {
        FormatError::Invalid(
            "Apostil JSON must be an object with an \"apostil\" version field".to_string(),
        )
    })?;
    let version = obj.get("apostil").ok_or_else(|| {
        FormatError::Invalid(
            "missing the \"apostil\" version field; this is not an Apostil JSON file".to_string(),
        )
    })?;
    let version = match version.as_u64() {
        Some(v) => v,
        None if version.as_f64().is_some_and(|f| f > VERSION as f64) => {
            return Err(FormatError::UnsupportedVersion {
                found: u64::MAX,
                supported: VERSION,
            });
        }
        None => {
            return Err(FormatError::Invalid(format!(
                "the \"apostil\" version must be a whole number, not {version}"
            )));
        }
    };
    if version > VERSION {
        return Err(FormatError::UnsupportedVersion {
            found: version,
            supported: VERSION,
        });
    }
    if version == 0 {
        return Err(FormatError::Invalid(
            "the \"apostil\" version must be 1 or more".to_string(),
        ));
    }
    let mut docs = if obj.contains_key("documents") {
        let lib: LibraryIn = serde_json::from_str(input).map_err(|e| json_error(NAME, e))?;
        lib.documents
    } else {
        // The version was checked above; `Document` ignores the "apostil" key. (Not a struct
        // with `#[serde(flatten)]`: that compiles a second Document reader into the wasm.)
        let document: Document = serde_json::from_str(input).map_err(|e| json_error(NAME, e))?;
        vec![document]
    };
    for (i, doc) in docs.iter_mut().enumerate() {
        validate(doc).map_err(|e| in_document(i, &doc.id, e))?;
    }
    Ok(docs)
}

/// Prefixes an error with the document it is about.
fn in_document(i: usize, id: &str, e: FormatError) -> FormatError {
    match e {
        FormatError::Invalid(m) => {
            FormatError::Invalid(format!("document {} ({id:?}): {m}", i + 1))
        }
        FormatError::SpanOutsideText { what, span, len } => FormatError::SpanOutsideText {
            what: format!("document {id:?}, {what}"),
            span,
            len,
        },
        FormatError::EmptySpan { what, span } => FormatError::EmptySpan {
            what: format!("document {id:?}, {what}"),
            span,
        },
        FormatError::ExactMismatch {
            what,
            span,
            expected,
            found,
        } => FormatError::ExactMismatch {
            what: format!("document {id:?}, {what}"),
            span,
            expected,
            found,
        },
        FormatError::DanglingReference { what, target } => FormatError::DanglingReference {
            what: format!("document {id:?}, {what}"),
            target,
        },
        other => other,
    }
}
