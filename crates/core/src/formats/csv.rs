//! CSV, one row per annotation.

use crate::document::Document;
use crate::error::FormatError;

fn todo() -> FormatError {
    FormatError::Unsupported {
        format: "CSV",
        action: "used yet",
        reason: "not implemented in this build".to_string(),
    }
}

/// One document as CSV.
pub fn export(_doc: &Document) -> Result<String, FormatError> {
    Err(todo())
}

/// Several documents as one CSV with a `document` column.
pub fn export_library(_docs: &[Document]) -> Result<String, FormatError> {
    Err(todo())
}
