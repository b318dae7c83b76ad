//! W3C Web Annotation (JSON-LD).

use crate::document::Document;
use crate::error::FormatError;

fn todo() -> FormatError {
    FormatError::Unsupported {
        format: "W3C",
        action: "used yet",
        reason: "not implemented in this build".to_string(),
    }
}

/// One document as an `AnnotationCollection`.
pub fn export(_doc: &Document) -> Result<String, FormatError> {
    Err(todo())
}

/// Several documents as a JSON array of collections.
pub fn export_library(_docs: &[Document]) -> Result<String, FormatError> {
    Err(todo())
}

/// Reads collections, pages or annotations with Apostil's embedded text.
pub fn import(_input: &str) -> Result<Vec<Document>, FormatError> {
    Err(todo())
}

/// Reads W3C annotations over a text given separately.
pub fn import_with_text(_id: &str, _text: &str, _input: &str) -> Result<Document, FormatError> {
    Err(todo())
}
