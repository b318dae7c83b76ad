//! CSV: one row per annotation, for spreadsheets.
//!
//! Columns: `id, kind, label, start, end, exact, status, origin, note, speaker, cluster,
//! cluster_name` (a library export puts a `document` column first). `start`/`end` are code-point
//! offsets, end-exclusive; `speaker` is `start..end` of the speaker span or empty; `cluster` the
//! cluster id or empty.
//!
//! Quoting follows RFC 4180 (fields with `,`, `"`, CR or LF are quoted, `"` doubled; lines end
//! with CRLF). Cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or CR) are prefixed with `'`. CSV has no document text, so it is export-only.

use crate::document::{AnnotationKind, Document, Origin, Status};
use crate::error::FormatError;

const HEADER: [&str; 12] = [
    "id",
    "kind",
    "label",
    "start",
    "end",
    "exact",
    "status",
    "origin",
    "note",
    "speaker",
    "cluster",
    "cluster_name",
];

/// One CSV cell: formula-safe and RFC 4180 quoted.
pub fn cell(value: &str) -> String {
    let mut v = String::with_capacity(value.len() + 2);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(value);
    if v.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

fn row(out: &mut String, cells: &[String]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell(c));
    }
    out.push_str("\r\n");
}

fn kind_name(k: AnnotationKind) -> &'static str {
    match k {
        AnnotationKind::Entity => "entity",
        AnnotationKind::Quote => "quote",
        AnnotationKind::User => "user",
    }
}

/// Name of a status as written in CSV and brat.
pub(crate) fn status_name(s: Status) -> &'static str {
    match s {
        Status::Suggested => "suggested",
        Status::Accepted => "accepted",
        Status::Rejected => "rejected",
    }
}

fn rows(out: &mut String, doc: &Document, with_doc: bool) {
    for a in &doc.annotations {
        let mut cells = Vec::with_capacity(13);
        if with_doc {
            cells.push(doc.id.clone());
        }
        let cluster = a.cluster.and_then(|c| doc.cluster(c));
        cells.extend([
            a.id.0.to_string(),
            kind_name(a.kind).to_string(),
            a.label.clone(),
            a.span.start.to_string(),
            a.span.end.to_string(),
            a.exact.clone(),
            status_name(a.status).to_string(),
            match a.origin {
                Origin::Auto => "auto",
                Origin::User => "user",
            }
            .to_string(),
            a.note.clone().unwrap_or_default(),
            a.speaker
                .as_ref()
                .map(|s| format!("{}..{}", s.span.start, s.span.end))
                .unwrap_or_default(),
            a.cluster.map(|c| c.0.to_string()).unwrap_or_default(),
            cluster.map(|c| c.canonical.clone()).unwrap_or_default(),
        ]);
        row(out, &cells);
    }
}

/// One document as CSV (header + one row per annotation).
pub fn export(doc: &Document) -> Result<String, FormatError> {
    let mut out = String::new();
    row(&mut out, &HEADER.map(String::from));
    rows(&mut out, doc, false);
    Ok(out)
}

/// Several documents as one CSV with a `document` column first.
pub fn export_library(docs: &[Document]) -> Result<String, FormatError> {
    let mut out = String::new();
    let mut header = vec!["document".to_string()];
    header.extend(HEADER.map(String::from));
    row(&mut out, &header);
    for doc in docs {
        rows(&mut out, doc, true);
    }
    Ok(out)
}
