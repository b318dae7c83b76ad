//! The one door from the page to the annotation model (`Document`, `Edit`, `History`, formats).
//!
//! TEMPORARY ADAPTER: the `model` helper is implementing `Document::from_analysis`,
//! `Document::apply`, `History::{apply, undo, redo}` and `formats::{export, import}` in the
//! core. Until that lands in `main`, this file carries minimal stand-ins with the same shapes so
//! the page can be built and tested. When it lands, each function below becomes a one-line call
//! into the core and the stand-in bodies are deleted. Nothing else in `src/` touches the model's
//! internals.

use apostil_core::document::{ClusterId, ClusterInfo, DocMeta, text_hash};
use apostil_core::formats::Format;
use apostil_core::{
    Analysis, Annotation, AnnotationId, AnnotationKind, Document, Edit, EditError, FormatError,
    History, Origin, Status,
};
use apostil_core::text::offsets::{char_len, slice_chars};

/// One file of an export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportFile {
    /// Suggested file name.
    pub name: String,
    /// MIME type.
    pub mime: String,
    /// Contents.
    pub content: String,
}

/// Every format, in menu order.
pub const FORMATS: [Format; 5] = [Format::Apostil, Format::W3c, Format::Brat, Format::Conll, Format::Csv];
/// Formats that can be imported.
pub const IMPORT_FORMATS: [Format; 2] = [Format::Apostil, Format::W3c];

/// A human name for a format.
pub fn format_title(f: Format) -> &'static str {
    match f {
        Format::Apostil => "Apostil JSON",
        Format::W3c => "W3C Web Annotation",
        Format::Brat => "brat standoff",
        Format::Conll => "CoNLL (IOB)",
        Format::Csv => "CSV",
        Format::Jsonl => "spaCy JSONL",
    }
}

/// The short name used in menus and test ids.
pub fn format_key(f: Format) -> &'static str {
    match f {
        Format::Apostil => "apostil",
        Format::W3c => "w3c",
        Format::Brat => "brat",
        Format::Conll => "conll",
        Format::Csv => "csv",
        Format::Jsonl => "jsonl",
    }
}

/// Parses a short format name.
pub fn format_from_key(s: &str) -> Option<Format> {
    FORMATS.iter().copied().chain([Format::Jsonl]).find(|f| format_key(*f) == s)
}

/// Builds a document from an analysis: every entity and quote becomes a suggestion.
pub fn from_analysis(id: &str, text: &str, analysis: &Analysis) -> Document {
    let mut doc = Document::new(id, text);
    doc.regions = analysis.regions.clone();
    doc.meta = DocMeta {
        title: analysis.metadata.title.clone(),
        byline: analysis.metadata.byline.clone(),
        dateline: analysis.metadata.dateline.clone(),
        ..DocMeta::default()
    };
    let mut next = 1u64;
    let mut cluster_ids = Vec::new();
    for c in &analysis.clusters {
        let id = ClusterId(next);
        next += 1;
        cluster_ids.push(id);
        doc.clusters.push(ClusterInfo { id, canonical: c.canonical.clone(), label: c.label.as_str().to_string() });
    }
    for e in &analysis.entities {
        let exact = slice_chars(text, e.span).unwrap_or_default().to_string();
        doc.annotations.push(Annotation {
            id: AnnotationId(next),
            kind: AnnotationKind::Entity,
            label: e.label.as_str().to_string(),
            span: e.span,
            exact,
            origin: Origin::Auto,
            status: Status::Suggested,
            note: None,
            cluster: e.cluster.and_then(|i| cluster_ids.get(i).copied()),
            speaker: None,
            quote_kind: None,
        });
        next += 1;
    }
    for q in &analysis.quotes {
        let exact = slice_chars(text, q.span).unwrap_or_default().to_string();
        doc.annotations.push(Annotation {
            id: AnnotationId(next),
            kind: AnnotationKind::Quote,
            label: "QUOTE".into(),
            span: q.span,
            exact,
            origin: Origin::Auto,
            status: Status::Suggested,
            note: None,
            cluster: None,
            speaker: q.speaker.as_ref().map(|s| apostil_core::document::SpeakerLink {
                span: s.mention,
                cluster: s.cluster.and_then(|i| cluster_ids.get(i).copied()),
            }),
            quote_kind: Some(q.kind),
        });
        next += 1;
    }
    doc.annotations.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    doc.next_id = next;
    doc
}

/// A fresh annotation id (and advances the counter).
pub fn fresh_id(doc: &mut Document) -> u64 {
    let id = doc.next_id.max(1);
    doc.next_id = id + 1;
    id
}

fn find(doc: &mut Document, id: AnnotationId) -> Result<&mut Annotation, EditError> {
    doc.annotations.iter_mut().find(|a| a.id == id).ok_or(EditError::NoSuchAnnotation(id))
}

/// Applies an edit; returns its inverse. On error the document is unchanged.
pub fn apply(doc: &mut Document, edit: Edit) -> Result<Edit, EditError> {
    let len = char_len(&doc.text);
    Ok(match edit {
        Edit::Add { annotation } => {
            if doc.get(annotation.id).is_some() || doc.clusters.iter().any(|c| c.id.0 == annotation.id.0) {
                return Err(EditError::DuplicateId(annotation.id.0));
            }
            if annotation.span.is_empty() || annotation.span.end > len {
                return Err(EditError::BadSpan { span: annotation.span, len });
            }
            if annotation.label.trim().is_empty() {
                return Err(EditError::EmptyLabel);
            }
            let id = annotation.id;
            doc.next_id = doc.next_id.max(id.0 + 1);
            let pos = doc.annotations.partition_point(|a| a.span.start <= annotation.span.start);
            doc.annotations.insert(pos, annotation);
            Edit::Delete { id }
        }
        Edit::Delete { id } => {
            let pos = doc.annotations.iter().position(|a| a.id == id).ok_or(EditError::NoSuchAnnotation(id))?;
            let annotation = doc.annotations.remove(pos);
            Edit::Add { annotation }
        }
        Edit::Relabel { id, label } => {
            if label.trim().is_empty() {
                return Err(EditError::EmptyLabel);
            }
            let a = find(doc, id)?;
            let old = std::mem::replace(&mut a.label, label);
            a.kind = if old == "QUOTE" || a.label == "QUOTE" {
                a.kind
            } else if a.label.parse::<apostil_core::EntityLabel>().is_ok() {
                AnnotationKind::Entity
            } else {
                AnnotationKind::User
            };
            Edit::Relabel { id, label: old }
        }
        Edit::Resize { id, span } => {
            if span.is_empty() || span.end > len {
                return Err(EditError::BadSpan { span, len });
            }
            let exact = slice_chars(&doc.text, span).unwrap_or_default().to_string();
            let a = find(doc, id)?;
            let old = a.span;
            a.span = span;
            a.exact = exact;
            doc.annotations.sort_by_key(|a| a.span.start);
            Edit::Resize { id, span: old }
        }
        Edit::SetStatus { id, status } => {
            let a = find(doc, id)?;
            Edit::SetStatus { id, status: std::mem::replace(&mut a.status, status) }
        }
        Edit::SetNote { id, note } => {
            let a = find(doc, id)?;
            Edit::SetNote { id, note: std::mem::replace(&mut a.note, note) }
        }
        Edit::SetSpeaker { id, speaker } => {
            let a = find(doc, id)?;
            Edit::SetSpeaker { id, speaker: std::mem::replace(&mut a.speaker, speaker) }
        }
        Edit::SetCluster { id, cluster } => {
            if let Some(c) = cluster {
                if !doc.clusters.iter().any(|x| x.id == c) {
                    return Err(EditError::NoSuchCluster(c));
                }
            }
            let a = find(doc, id)?;
            Edit::SetCluster { id, cluster: std::mem::replace(&mut a.cluster, cluster) }
        }
        Edit::AddCluster { cluster } => {
            if doc.clusters.iter().any(|c| c.id == cluster.id) || doc.get(AnnotationId(cluster.id.0)).is_some() {
                return Err(EditError::DuplicateId(cluster.id.0));
            }
            let id = cluster.id;
            doc.next_id = doc.next_id.max(id.0 + 1);
            doc.clusters.push(cluster);
            Edit::RemoveCluster { id }
        }
        Edit::RemoveCluster { id } => {
            let pos = doc.clusters.iter().position(|c| c.id == id).ok_or(EditError::NoSuchCluster(id))?;
            let cluster = doc.clusters.remove(pos);
            Edit::AddCluster { cluster }
        }
        Edit::RenameCluster { id, canonical } => {
            let c = doc.clusters.iter_mut().find(|c| c.id == id).ok_or(EditError::NoSuchCluster(id))?;
            Edit::RenameCluster { id, canonical: std::mem::replace(&mut c.canonical, canonical) }
        }
        Edit::MergeClusters { into, from } => {
            if !doc.clusters.iter().any(|c| c.id == into) {
                return Err(EditError::NoSuchCluster(into));
            }
            if !doc.clusters.iter().any(|c| c.id == from) {
                return Err(EditError::NoSuchCluster(from));
            }
            let mut edits = Vec::new();
            for a in &doc.annotations {
                if a.cluster == Some(from) {
                    edits.push(Edit::SetCluster { id: a.id, cluster: Some(into) });
                }
                if let Some(s) = &a.speaker {
                    if s.cluster == Some(from) {
                        edits.push(Edit::SetSpeaker {
                            id: a.id,
                            speaker: Some(apostil_core::document::SpeakerLink { span: s.span, cluster: Some(into) }),
                        });
                    }
                }
            }
            edits.push(Edit::RemoveCluster { id: from });
            apply(doc, Edit::Batch { edits })?
        }
        Edit::Batch { edits } => {
            let backup = doc.clone();
            let mut inverses = Vec::new();
            for e in edits {
                match apply(doc, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(err) => {
                        *doc = backup;
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Edit::Batch { edits: inverses }
        }
    })
}

/// Applies `edit` and records its inverse.
pub fn history_apply(h: &mut History, doc: &mut Document, edit: Edit) -> Result<(), EditError> {
    let inv = apply(doc, edit)?;
    h.undo.push(inv);
    h.redo.clear();
    Ok(())
}

/// Undoes the newest edit; false when there was none.
pub fn undo(h: &mut History, doc: &mut Document) -> Result<bool, EditError> {
    let Some(e) = h.undo.pop() else { return Ok(false) };
    match apply(doc, e.clone()) {
        Ok(inv) => {
            h.redo.push(inv);
            Ok(true)
        }
        Err(err) => {
            h.undo.push(e);
            Err(err)
        }
    }
}

/// Redoes the newest undone edit; false when there was none.
pub fn redo(h: &mut History, doc: &mut Document) -> Result<bool, EditError> {
    let Some(e) = h.redo.pop() else { return Ok(false) };
    match apply(doc, e.clone()) {
        Ok(inv) => {
            h.undo.push(inv);
            Ok(true)
        }
        Err(err) => {
            h.redo.push(e);
            Err(err)
        }
    }
}

/// True when there is something to undo.
pub fn can_undo(h: &History) -> bool {
    !h.undo.is_empty()
}

/// True when there is something to redo.
pub fn can_redo(h: &History) -> bool {
    !h.redo.is_empty()
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Envelope {
    apostil: u64,
    documents: Vec<Document>,
}

fn stem(doc: &Document) -> String {
    let t = doc.meta.title.clone().unwrap_or_else(|| doc.id.clone());
    let s: String = t
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let s = s.trim_matches('-').chars().take(40).collect::<String>();
    if s.is_empty() { "document".into() } else { s }
}

/// Exports one document.
pub fn export(doc: &Document, format: Format) -> Result<Vec<ExportFile>, FormatError> {
    match format {
        Format::Apostil => Ok(vec![ExportFile {
            name: format!("{}.apostil.json", stem(doc)),
            mime: "application/json".into(),
            content: serde_json::to_string_pretty(&Envelope { apostil: 1, documents: vec![doc.clone()] })
                .map_err(|e| FormatError::Invalid(e.to_string()))?,
        }]),
        other => Err(FormatError::Invalid(format!(
            "{} export is not available in this build yet",
            format_title(other)
        ))),
    }
}

/// Exports the whole library.
pub fn export_library(docs: &[Document], format: Format) -> Result<Vec<ExportFile>, FormatError> {
    match format {
        Format::Apostil => Ok(vec![ExportFile {
            name: "apostil-library.apostil.json".into(),
            mime: "application/json".into(),
            content: serde_json::to_string_pretty(&Envelope { apostil: 1, documents: docs.to_vec() })
                .map_err(|e| FormatError::Invalid(e.to_string()))?,
        }]),
        other => {
            let mut out = Vec::new();
            for d in docs {
                out.extend(export(d, other)?);
            }
            Ok(out)
        }
    }
}

/// Imports documents; nothing is returned unless the whole input is valid.
pub fn import(input: &str, format: Format) -> Result<Vec<Document>, FormatError> {
    match format {
        Format::Apostil => {
            let env: Envelope = serde_json::from_str(input).map_err(|e| FormatError::Syntax {
                format: "Apostil JSON",
                line: e.line(),
                message: e.to_string(),
            })?;
            if env.apostil > 1 {
                return Err(FormatError::UnsupportedVersion { found: env.apostil, supported: 1 });
            }
            for d in &env.documents {
                let h = text_hash(&d.text);
                if h != d.text_hash {
                    return Err(FormatError::HashMismatch { expected: d.text_hash.clone(), found: h });
                }
                let len = char_len(&d.text);
                for a in &d.annotations {
                    if a.span.is_empty() || a.span.end > len {
                        return Err(FormatError::SpanOutsideText { what: format!("annotation {}", a.id.0), span: a.span, len });
                    }
                }
            }
            Ok(env.documents)
        }
        other => Err(FormatError::Invalid(format!(
            "{} import is not available in this build yet",
            format_title(other)
        ))),
    }
}
