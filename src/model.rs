//! The page's door to the annotation model and formats in the core. Thin on purpose: every
//! rule (edits, undo, ids, formats) lives in `apostil_core`; this file only names what the
//! page uses, so components never reach further.

pub use apostil_core::formats::{ExportFile, Format};
use apostil_core::{Analysis, Document, Edit, EditError, FormatError, History};

/// Formats offered for export, in menu order.
pub const FORMATS: [Format; 5] = [
    Format::Apostil,
    Format::W3c,
    Format::Brat,
    Format::Conll,
    Format::Csv,
];

/// A human name for a format.
pub fn format_title(f: Format) -> &'static str {
    f.label()
}

/// The short name used in menus and test ids.
pub fn format_key(f: Format) -> &'static str {
    f.name()
}

/// Parses a short format name.
pub fn format_from_key(s: &str) -> Option<Format> {
    Format::from_name(s)
}

/// Builds a document from an analysis: every entity and quote becomes a suggestion.
pub fn from_analysis(id: &str, text: &str, analysis: &Analysis) -> Document {
    Document::from_analysis(id, text, analysis)
}

/// A hand correction of a suggestion also accepts it (so re-analysis keeps it).
pub fn by_hand(doc: &Document, edit: Edit) -> Edit {
    doc.accepting(edit)
}

/// Picks the import format from the content (Apostil JSON when unsure, so its parser explains).
pub fn detect(input: &str) -> Format {
    Format::detect(input).unwrap_or(if input.contains("\"@context\"") {
        Format::W3c
    } else {
        Format::Apostil
    })
}

/// Applies `edit` and records its inverse.
pub fn history_apply(h: &mut History, doc: &mut Document, edit: Edit) -> Result<(), EditError> {
    h.apply(doc, edit)
}

/// Undoes the newest edit; false when there was none.
pub fn undo(h: &mut History, doc: &mut Document) -> Result<bool, EditError> {
    h.undo(doc)
}

/// Redoes the newest undone edit; false when there was none.
pub fn redo(h: &mut History, doc: &mut Document) -> Result<bool, EditError> {
    h.redo(doc)
}

/// True when there is something to undo.
pub fn can_undo(h: &History) -> bool {
    h.can_undo()
}

/// True when there is something to redo.
pub fn can_redo(h: &History) -> bool {
    h.can_redo()
}

/// Exports one document.
pub fn export(doc: &Document, format: Format) -> Result<Vec<ExportFile>, FormatError> {
    apostil_core::formats::export(doc, format)
}

/// Exports the whole library.
pub fn export_library(docs: &[Document], format: Format) -> Result<Vec<ExportFile>, FormatError> {
    apostil_core::formats::export_library(docs, format)
}

/// Imports documents; nothing is returned unless the whole input is valid.
pub fn import(input: &str, format: Format) -> Result<Vec<Document>, FormatError> {
    apostil_core::formats::import(input, format)
}
