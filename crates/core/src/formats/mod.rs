//! Exchange formats: Apostil JSON, W3C Web Annotation, brat, CoNLL/IOB, CSV, spaCy-style JSONL.
//!
//! Every offset written or read is a code-point offset (Python string index), end-exclusive,
//! the same as [`Span`]. Imports validate everything (JSON shape, spans inside the text, the
//! text hash, `exact` against the text, unique ids, references) and return a typed
//! [`FormatError`] naming what is wrong; nothing is half-imported.
//!
//! | format | export | library export | import |
//! |---|---|---|---|
//! | [`Format::Apostil`] | one `.apostil.json`, lossless | one file with every document | yes, lossless |
//! | [`Format::W3c`] | one `AnnotationCollection` (`.jsonld`) | a JSON array of collections | yes (needs the Apostil text extension, or [`w3c::import_with_text`]) |
//! | [`Format::Brat`] | `<id>.txt` + `<id>.ann` | one pair per document + `annotation.conf` | [`brat::import`] (needs both files) |
//! | [`Format::Conll`] | `<id>.conll`, entities only | one file, `-DOCSTART-` between documents | yes (text rebuilt from tokens) |
//! | [`Format::Csv`] | `<id>.csv`, one row per annotation | one file, extra `document` column first | no (CSV has no text) |
//! | [`Format::Jsonl`] | `<id>.jsonl`, one spaCy-style line | one line per document | yes |

pub mod apostil;
pub mod brat;
pub mod conll;
pub mod csv;
pub mod jsonl;
pub mod w3c;

use crate::document::{AnnotationId, ClusterId, Document, text_hash};
use crate::error::FormatError;
use crate::span::Span;
use crate::text::offsets::CharMap;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A format Apostil reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Apostil's own JSON (lossless).
    Apostil,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// brat standoff (.txt + .ann).
    Brat,
    /// CoNLL / IOB tokens.
    Conll,
    /// CSV, one row per annotation.
    Csv,
    /// spaCy-style JSONL.
    Jsonl,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 6] = [
        Format::Apostil,
        Format::W3c,
        Format::Brat,
        Format::Conll,
        Format::Csv,
        Format::Jsonl,
    ];

    /// The format named `name` (case-insensitive): `apostil` (or `json`), `w3c` (or
    /// `jsonld`, `webanno`), `brat` (or `ann`), `conll` (or `iob`), `csv`, `jsonl` (or `spacy`).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "apostil" | "json" | "apostil.json" => Some(Format::Apostil),
            "w3c" | "jsonld" | "json-ld" | "webanno" | "web-annotation" => Some(Format::W3c),
            "brat" | "ann" | "standoff" => Some(Format::Brat),
            "conll" | "iob" | "bio" => Some(Format::Conll),
            "csv" => Some(Format::Csv),
            "jsonl" | "spacy" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }

    /// The short name [`Format::from_name`] reads back.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Apostil => "apostil",
            Format::W3c => "w3c",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    /// A human name for menus ("W3C Web Annotation").
    pub const fn label(self) -> &'static str {
        match self {
            Format::Apostil => "Apostil JSON",
            Format::W3c => "W3C Web Annotation (JSON-LD)",
            Format::Brat => "brat standoff",
            Format::Conll => "CoNLL / IOB",
            Format::Csv => "CSV",
            Format::Jsonl => "spaCy-style JSONL",
        }
    }

    /// The file extension without the dot (`"json"`, `"jsonld"`, `"ann"`, `"conll"`, `"csv"`,
    /// `"jsonl"`). brat also writes a `.txt` beside the `.ann`.
    pub const fn extension(self) -> &'static str {
        match self {
            Format::Apostil => "json",
            Format::W3c => "jsonld",
            Format::Brat => "ann",
            Format::Conll => "conll",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
        }
    }

    /// The MIME type of the main file.
    pub const fn mime(self) -> &'static str {
        match self {
            Format::Apostil => "application/json",
            Format::W3c => "application/ld+json",
            Format::Brat => "text/plain",
            Format::Conll => "text/plain",
            Format::Csv => "text/csv",
            Format::Jsonl => "application/jsonl",
        }
    }

    /// Guesses the format of an input by its content: Apostil JSON (an object with an
    /// `"apostil"` version), W3C (an object or list with `@context` or an Annotation type),
    /// JSONL (lines of objects with `"text"`), brat `.ann` (`T1<TAB>…` lines) or CoNLL (lines
    /// of a token and a tag). `None` when it looks like none of them.
    pub fn detect(input: &str) -> Option<Format> {
        let t = input.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('{') || t.starts_with('[') {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(t) {
                let first = match &v {
                    serde_json::Value::Array(a) => a.first().cloned().unwrap_or_default(),
                    other => other.clone(),
                };
                if first.get("apostil").is_some() && first.get("@context").is_none() {
                    return Some(Format::Apostil);
                }
                if first.get("@context").is_some()
                    || first
                        .get("type")
                        .and_then(|t| t.as_str())
                        .is_some_and(|t| t.starts_with("Annotation"))
                {
                    return Some(Format::W3c);
                }
                if first.get("text").is_some() {
                    return Some(Format::Jsonl);
                }
                return None;
            }
            let line = t.lines().next().unwrap_or("");
            return serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .filter(|v| v.get("text").is_some())
                .map(|_| Format::Jsonl);
        }
        let first = t.lines().find(|l| !l.trim().is_empty())?;
        let mut cols = first.split('\t');
        let key = cols.next().unwrap_or("");
        if key.len() > 1
            && key.starts_with(['T', 'R', 'A', 'E', 'N', '#', '*'])
            && cols.next().is_some()
        {
            return Some(Format::Brat);
        }
        if first.starts_with("-DOCSTART-") {
            return Some(Format::Conll);
        }
        let tag = first.split_whitespace().last()?;
        let is_tag = tag == "O"
            || tag
                .split_once('-')
                .is_some_and(|(p, l)| matches!(p, "B" | "I" | "E" | "S") && !l.is_empty());
        (is_tag && first.split_whitespace().count() >= 2).then_some(Format::Conll)
    }

    /// True when [`import`] reads this format from one input string.
    pub const fn can_import(self) -> bool {
        matches!(
            self,
            Format::Apostil | Format::W3c | Format::Conll | Format::Jsonl
        )
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One file an export produces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportFile {
    /// Suggested file name, e.g. `"<id>.ann"` (the id made safe for file names).
    pub name: String,
    /// MIME type.
    pub mime: &'static str,
    /// The content.
    pub content: String,
}

/// Exports one document. brat gives two files (`.txt` and `.ann`); every other format one.
pub fn export(doc: &Document, format: Format) -> Result<Vec<ExportFile>, FormatError> {
    let base = file_stem(&doc.id);
    Ok(match format {
        Format::Apostil => vec![ExportFile {
            name: format!("{base}.apostil.json"),
            mime: format.mime(),
            content: apostil::export(doc)?,
        }],
        Format::W3c => vec![ExportFile {
            name: format!("{base}.jsonld"),
            mime: format.mime(),
            content: w3c::export(doc)?,
        }],
        Format::Brat => {
            let (txt, ann) = brat::export(doc)?;
            vec![
                ExportFile {
                    name: format!("{base}.txt"),
                    mime: "text/plain",
                    content: txt,
                },
                ExportFile {
                    name: format!("{base}.ann"),
                    mime: "text/plain",
                    content: ann,
                },
            ]
        }
        Format::Conll => vec![ExportFile {
            name: format!("{base}.conll"),
            mime: format.mime(),
            content: conll::export(doc)?,
        }],
        Format::Csv => vec![ExportFile {
            name: format!("{base}.csv"),
            mime: format.mime(),
            content: csv::export(doc)?,
        }],
        Format::Jsonl => vec![ExportFile {
            name: format!("{base}.jsonl"),
            mime: format.mime(),
            content: jsonl::export_line(doc)? + "\n",
        }],
    })
}

/// Exports several documents.
///
/// - Apostil JSON: one `library.apostil.json` (`{"apostil":1,"documents":[…]}`).
/// - W3C: one `library.jsonld`, a JSON array with one `AnnotationCollection` per document.
/// - brat: one `.txt` + `.ann` pair per document (names made unique), then an
///   `annotation.conf` declaring the types, relations and attributes used.
/// - CoNLL: one `library.conll`, each document opened by a `-DOCSTART-` line.
/// - CSV: one `library.csv` with an extra first column `document` (the document id).
/// - JSONL: one `library.jsonl`, one line per document.
pub fn export_library(docs: &[Document], format: Format) -> Result<Vec<ExportFile>, FormatError> {
    let one = |name: &str, content: String| ExportFile {
        name: name.to_string(),
        mime: format.mime(),
        content,
    };
    Ok(match format {
        Format::Apostil => vec![one("library.apostil.json", apostil::export_library(docs)?)],
        Format::W3c => vec![one("library.jsonld", w3c::export_library(docs)?)],
        Format::Brat => {
            let mut out = Vec::with_capacity(docs.len() * 2);
            let mut used = HashSet::new();
            for doc in docs {
                let mut base = file_stem(&doc.id);
                let mut n = 2;
                while !used.insert(base.clone()) {
                    base = format!("{}-{n}", file_stem(&doc.id));
                    n += 1;
                }
                let (txt, ann) = brat::export(doc)?;
                out.push(ExportFile {
                    name: format!("{base}.txt"),
                    mime: "text/plain",
                    content: txt,
                });
                out.push(ExportFile {
                    name: format!("{base}.ann"),
                    mime: "text/plain",
                    content: ann,
                });
            }
            out.push(ExportFile {
                name: "annotation.conf".into(),
                mime: "text/plain",
                content: brat::annotation_conf(docs),
            });
            out
        }
        Format::Conll => {
            let mut s = String::new();
            for doc in docs {
                s.push_str(&conll::export(doc)?);
            }
            vec![one("library.conll", s)]
        }
        Format::Csv => vec![one("library.csv", csv::export_library(docs)?)],
        Format::Jsonl => {
            let mut s = String::new();
            for doc in docs {
                s.push_str(&jsonl::export_line(doc)?);
                s.push('\n');
            }
            vec![one("library.jsonl", s)]
        }
    })
}

/// Imports documents from one input string.
///
/// Apostil JSON (single document or library), W3C (collection, page, annotation list — the
/// text must be embedded by Apostil's `apostil:document` extension; otherwise use
/// [`w3c::import_with_text`]), CoNLL (documents split at `-DOCSTART-`) and JSONL (one document
/// per line). brat needs two files: use [`brat::import`]. CSV has no text and cannot be imported.
pub fn import(input: &str, format: Format) -> Result<Vec<Document>, FormatError> {
    match format {
        Format::Apostil => apostil::import(input),
        Format::W3c => w3c::import(input),
        Format::Conll => conll::import(input),
        Format::Jsonl => jsonl::import(input),
        Format::Brat => Err(FormatError::Unsupported {
            format: "brat",
            action: "imported from one file",
            reason: "brat keeps the text (.txt) and the annotations (.ann) in two files; \
                     use formats::brat::import(txt, ann) or `apostil convert FILE.ann` with the \
                     .txt beside it"
                .to_string(),
        }),
        Format::Csv => Err(FormatError::Unsupported {
            format: "CSV",
            action: "imported",
            reason: "a CSV export has no document text; import the Apostil JSON instead"
                .to_string(),
        }),
    }
}

/// Imports documents from an input whose format is guessed by [`Format::detect`]; returns the
/// format found with the documents.
pub fn import_detected(input: &str) -> Result<(Format, Vec<Document>), FormatError> {
    let format = Format::detect(input).ok_or_else(|| {
        FormatError::Invalid(
            "cannot tell the format of this input: expected Apostil JSON, W3C Web Annotation \
             JSON-LD, JSONL with \"text\", or CoNLL"
                .to_string(),
        )
    })?;
    Ok((format, import(input, format)?))
}

/// A document id made safe as a file name: letters, digits, `-`, `_` and `.` kept, the rest
/// `_`; never empty, never starting with a dot.
pub fn file_stem(id: &str) -> String {
    let mut s: String = id
        .chars()
        .take(100)
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    while s.starts_with('.') {
        s.remove(0);
    }
    if s.is_empty() {
        s.push_str("document");
    }
    s
}

/// Turns a serde_json error into [`FormatError::Syntax`].
pub(crate) fn json_error(format: &'static str, e: serde_json::Error) -> FormatError {
    FormatError::Syntax {
        format,
        line: e.line(),
        message: e.to_string(),
    }
}

/// Checks a span against a text length: non-empty, inside the text.
pub(crate) fn check_span(what: &str, span: Span, len: usize) -> Result<(), FormatError> {
    if span.end > len || span.start > len {
        return Err(FormatError::SpanOutsideText {
            what: what.to_string(),
            span,
            len,
        });
    }
    if span.start >= span.end {
        return Err(FormatError::EmptySpan {
            what: what.to_string(),
            span,
        });
    }
    Ok(())
}

/// Checks everything a document read from a file must satisfy: the text hash, every span
/// non-empty and inside the text, every `exact` equal to the text at its span, unique ids,
/// cluster references that exist. Raises `next_id` above every used id.
pub fn validate(doc: &mut Document) -> Result<(), FormatError> {
    let found = text_hash(&doc.text);
    if doc.text_hash != found {
        return Err(FormatError::HashMismatch {
            expected: doc.text_hash.clone(),
            found,
        });
    }
    let map = CharMap::new(&doc.text);
    let len = map.len_chars();
    let mut ids = HashSet::new();
    for c in &doc.clusters {
        if !ids.insert(c.id.0) {
            return Err(FormatError::DuplicateId {
                what: "cluster",
                id: c.id.0,
            });
        }
    }
    let clusters: HashSet<ClusterId> = doc.clusters.iter().map(|c| c.id).collect();
    let mut ann_ids: HashSet<AnnotationId> = HashSet::new();
    for a in &doc.annotations {
        let what = format!("annotation {}", a.id.0);
        if !ann_ids.insert(a.id) {
            return Err(FormatError::DuplicateId {
                what: "annotation",
                id: a.id.0,
            });
        }
        check_span(&what, a.span, len)?;
        let at = map.slice(&doc.text, a.span);
        if at != a.exact {
            return Err(FormatError::ExactMismatch {
                what,
                span: a.span,
                expected: a.exact.clone(),
                found: at.to_string(),
            });
        }
        if a.label.trim().is_empty() {
            return Err(FormatError::Invalid(format!("{what}: the label is empty")));
        }
        if let Some(c) = a.cluster.filter(|c| !clusters.contains(c)) {
            return Err(FormatError::DanglingReference {
                what,
                target: format!("cluster {}", c.0),
            });
        }
        if let Some(s) = &a.speaker {
            check_span(&format!("{what} speaker"), s.span, len)?;
            if let Some(c) = s.cluster.filter(|c| !clusters.contains(c)) {
                return Err(FormatError::DanglingReference {
                    what: format!("{what} speaker"),
                    target: format!("cluster {}", c.0),
                });
            }
        }
    }
    for (i, r) in doc.regions.iter().enumerate() {
        check_span(&format!("region {}", i + 1), r.span, len)?;
    }
    let max = ids
        .iter()
        .copied()
        .chain(ann_ids.iter().map(|a| a.0))
        .max()
        .unwrap_or(0);
    if doc.next_id <= max {
        doc.next_id = max.saturating_add(1);
    }
    doc.next_id = doc.next_id.max(1);
    doc.sort_annotations();
    Ok(())
}

/// `prefix` and `suffix` context around a span, up to `n` code points each.
pub(crate) fn context(text: &str, map: &CharMap, span: Span, n: usize) -> (String, String) {
    let len = map.len_chars();
    let prefix = map.slice(text, Span::new(span.start.saturating_sub(n), span.start));
    let suffix = map.slice(text, Span::new(span.end, (span.end + n).min(len)));
    (prefix.to_string(), suffix.to_string())
}
