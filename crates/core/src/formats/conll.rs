//! CoNLL / IOB.

use crate::document::Document;
use crate::error::FormatError;

fn todo() -> FormatError {
    FormatError::Unsupported {
        format: "CoNLL",
        action: "used yet",
        reason: "not implemented in this build".to_string(),
    }
}

/// One document as CoNLL lines.
pub fn export(_doc: &Document) -> Result<String, FormatError> {
    Err(todo())
}

/// Reads CoNLL documents.
pub fn import(_input: &str) -> Result<Vec<Document>, FormatError> {
    Err(todo())
}
