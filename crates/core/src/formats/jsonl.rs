//! spaCy-style JSONL, and the evaluation prediction form.
//!
//! One document per line. Export writes
//!
//! ```json
//! {"id":"…","text":"…","ents":[{"start":0,"end":4,"label":"PERSON"}],
//!  "spans":[{"start":0,"end":4,"label":"PERSON"}],
//!  "quotes":[{"start":10,"end":30,"kind":"direct","speaker":{"start":0,"end":4}}]}
//! ```
//!
//! - `ents`: entity annotations that are not rejected and do not overlap an earlier one (spaCy's
//!   `doc.ents` cannot overlap);
//! - `spans`: every entity and user annotation that is not rejected (may overlap, like spaCy's
//!   `doc.spans`);
//! - `quotes`: quote annotations that are not rejected, with their speaker span or `null`.
//!
//! Offsets are code points (Python string indices), end-exclusive, as in spaCy's `char_span`.
//!
//! Import reads lines with `"text"` and any of `"ents"`, `"spans"`, `"entities"` (the gold form
//! of `../shared/data`) and `"quotes"`; an `"id"` is optional. Imported annotations are
//! [`Origin::User`] and [`Status::Accepted`]; a label that is an OntoNotes name makes an entity,
//! `"QUOTE"` a quote, anything else a user annotation.
//!
//! [`prediction`] writes the form `../shared/eval/score.py` reads.

use crate::analysis::Analysis;
use crate::document::{
    AnnotationId, AnnotationKind, Document, Origin, QUOTE_LABEL, SpeakerLink, Status,
};
use crate::error::FormatError;
use crate::formats::{check_span, json_error, validate};
use crate::label::EntityLabel;
use crate::quotes::QuoteKind;
use crate::span::Span;
use crate::text::offsets::CharMap;
use serde::Deserialize;
use serde_json::json;

const NAME: &str = "JSONL";

/// The evaluation prediction line for an analysis:
/// `{"id","entities":[{"start","end","label"}],"quotes":[{"start","end","speaker":{"start","end"}|null}]}`
/// (no newline). `apostil annotate --jsonl` writes exactly this. Only reported quotations
/// ([`crate::quotes::Quote::is_reported`]: outermost direct quotes) are listed; scare quotes and
/// titles stay in the analysis for highlighting.
pub fn prediction(id: &str, a: &Analysis) -> String {
    let entities: Vec<_> = a
        .entities
        .iter()
        .map(|e| json!({"start": e.span.start, "end": e.span.end, "label": e.label.as_str()}))
        .collect();
    let quotes: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.is_reported())
        .map(|q| {
            json!({"start": q.span.start, "end": q.span.end,
                   "speaker": q.speaker.as_ref().map(|s| json!({"start": s.mention.start, "end": s.mention.end}))})
        })
        .collect();
    json!({"id": id, "entities": entities, "quotes": quotes}).to_string()
}

/// The evaluation prediction line for an edited document: entity annotations (OntoNotes labels
/// only) and direct quotes that are not rejected, in the same shape as [`prediction`].
pub fn prediction_from_document(doc: &Document) -> String {
    let live = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected);
    let entities: Vec<_> = live
        .clone()
        .filter(|a| a.kind == AnnotationKind::Entity && a.label.parse::<EntityLabel>().is_ok())
        .map(|a| json!({"start": a.span.start, "end": a.span.end, "label": a.label}))
        .collect();
    let quotes: Vec<_> = live
        .filter(|a| a.kind == AnnotationKind::Quote && a.quote_kind == Some(QuoteKind::Direct))
        .map(|a| {
            json!({"start": a.span.start, "end": a.span.end,
                   "speaker": a.speaker.as_ref().map(|s| json!({"start": s.span.start, "end": s.span.end}))})
        })
        .collect();
    json!({"id": doc.id, "entities": entities, "quotes": quotes}).to_string()
}

/// One document as one spaCy-style JSON line (without the newline).
pub fn export_line(doc: &Document) -> Result<String, FormatError> {
    let live: Vec<_> = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected)
        .collect();
    let mut ents = Vec::new();
    let mut last_end = 0;
    for a in live.iter().filter(|a| a.kind == AnnotationKind::Entity) {
        if a.span.start >= last_end {
            ents.push(json!({"start": a.span.start, "end": a.span.end, "label": a.label}));
            last_end = a.span.end;
        }
    }
    let spans: Vec<_> = live
        .iter()
        .filter(|a| a.kind != AnnotationKind::Quote)
        .map(|a| json!({"start": a.span.start, "end": a.span.end, "label": a.label}))
        .collect();
    let quotes: Vec<_> = live
        .iter()
        .filter(|a| a.kind == AnnotationKind::Quote)
        .map(|a| {
            json!({"start": a.span.start, "end": a.span.end,
                   "kind": match a.quote_kind { Some(QuoteKind::Scare) => "scare", _ => "direct" },
                   "speaker": a.speaker.as_ref().map(|s| json!({"start": s.span.start, "end": s.span.end}))})
        })
        .collect();
    Ok(
        json!({"id": doc.id, "text": doc.text, "ents": ents, "spans": spans, "quotes": quotes})
            .to_string(),
    )
}

#[derive(Deserialize)]
struct SpanIn {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct SpeakerIn {
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct QuoteIn {
    start: usize,
    end: usize,
    #[serde(default)]
    kind: Option<QuoteKind>,
    #[serde(default)]
    speaker: Option<SpeakerIn>,
}

#[derive(Deserialize)]
struct LineIn {
    #[serde(default)]
    id: Option<IdIn>,
    text: String,
    #[serde(default)]
    ents: Vec<SpanIn>,
    #[serde(default)]
    spans: Vec<SpanIn>,
    #[serde(default)]
    entities: Vec<SpanIn>,
    #[serde(default)]
    quotes: Vec<QuoteIn>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum IdIn {
    Text(String),
    Number(u64),
}

/// Reads one document per non-empty line.
pub fn import(input: &str) -> Result<Vec<Document>, FormatError> {
    let mut docs = Vec::new();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let lineno = n + 1;
        let mut parsed: LineIn = serde_json::from_str(line).map_err(|e| {
            let mut err = json_error(NAME, e);
            if let FormatError::Syntax { line, .. } = &mut err {
                *line = lineno;
            }
            err
        })?;
        let id = match parsed.id.take() {
            Some(IdIn::Text(s)) => s,
            Some(IdIn::Number(n)) => n.to_string(),
            None => format!("line-{lineno}"),
        };
        let doc = line_document(id, parsed, lineno)?;
        docs.push(doc);
    }
    Ok(docs)
}

fn line_document(id: String, line: LineIn, lineno: usize) -> Result<Document, FormatError> {
    let mut doc = Document::new(id, line.text);
    let map = CharMap::new(&doc.text);
    let len = map.len_chars();
    let mut next = 1u64;
    let mut push = |doc: &mut Document,
                    kind: AnnotationKind,
                    label: String,
                    span: Span,
                    speaker: Option<SpeakerLink>,
                    quote_kind: Option<QuoteKind>| {
        if doc
            .annotations
            .iter()
            .any(|a| a.span == span && a.label == label && a.kind == kind)
        {
            return;
        }
        doc.annotations.push(crate::document::Annotation {
            id: AnnotationId(next),
            kind,
            label,
            span,
            exact: map.slice(&doc.text, span).to_string(),
            origin: Origin::User,
            status: Status::Accepted,
            note: None,
            cluster: None,
            speaker,
            quote_kind,
        });
        next += 1;
    };
    let all = line.ents.into_iter().chain(line.spans).chain(line.entities);
    for (i, s) in all.enumerate() {
        let span = Span {
            start: s.start,
            end: s.end,
        };
        check_span(&format!("line {lineno}, span {}", i + 1), span, len)?;
        if s.label.trim().is_empty() {
            return Err(FormatError::Invalid(format!(
                "line {lineno}, span {}: the label is empty",
                i + 1
            )));
        }
        let kind = if s.label == QUOTE_LABEL {
            AnnotationKind::Quote
        } else if s.label.parse::<EntityLabel>().is_ok() {
            AnnotationKind::Entity
        } else {
            AnnotationKind::User
        };
        let qk = (kind == AnnotationKind::Quote).then_some(QuoteKind::Direct);
        push(&mut doc, kind, s.label, span, None, qk);
    }
    for (i, q) in line.quotes.into_iter().enumerate() {
        let what = format!("line {lineno}, quote {}", i + 1);
        let span = Span {
            start: q.start,
            end: q.end,
        };
        check_span(&what, span, len)?;
        let speaker = match q.speaker {
            Some(s) => {
                let sp = Span {
                    start: s.start,
                    end: s.end,
                };
                check_span(&format!("{what} speaker"), sp, len)?;
                Some(SpeakerLink {
                    span: sp,
                    cluster: None,
                })
            }
            None => None,
        };
        push(
            &mut doc,
            AnnotationKind::Quote,
            QUOTE_LABEL.to_string(),
            span,
            speaker,
            Some(q.kind.unwrap_or(QuoteKind::Direct)),
        );
    }
    doc.next_id = next;
    validate(&mut doc)?;
    Ok(doc)
}
