//! brat standoff: `.txt` + `.ann`.

use crate::document::Document;
use crate::error::FormatError;

fn todo() -> FormatError {
    FormatError::Unsupported {
        format: "brat",
        action: "used yet",
        reason: "not implemented in this build".to_string(),
    }
}

/// The `.txt` and `.ann` of one document.
pub fn export(_doc: &Document) -> Result<(String, String), FormatError> {
    Err(todo())
}

/// Reads a `.txt` and its `.ann` into a document with id `"document"`.
pub fn import(txt: &str, ann: &str) -> Result<Document, FormatError> {
    import_named("document", txt, ann)
}

/// Reads a `.txt` and its `.ann` into a document with id `id`.
pub fn import_named(_id: &str, _txt: &str, _ann: &str) -> Result<Document, FormatError> {
    Err(todo())
}
