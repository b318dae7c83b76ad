//! spaCy-style JSONL and the evaluation prediction form.

use crate::document::Document;
use crate::error::FormatError;

fn todo() -> FormatError {
    FormatError::Unsupported {
        format: "JSONL",
        action: "used yet",
        reason: "not implemented in this build".to_string(),
    }
}

/// One document as one JSON line (no newline).
pub fn export_line(_doc: &Document) -> Result<String, FormatError> {
    Err(todo())
}

/// Reads JSONL documents.
pub fn import(_input: &str) -> Result<Vec<Document>, FormatError> {
    Err(todo())
}
