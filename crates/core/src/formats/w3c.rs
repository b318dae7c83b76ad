//! W3C Web Annotation (JSON-LD, <https://www.w3.org/TR/annotation-model/>).
//!
//! A document is exported as one `AnnotationCollection` whose embedded first page holds one
//! `Annotation` per Apostil annotation:
//!
//! ```json
//! {"@context": "http://www.w3.org/ns/anno.jsonld",
//!  "id": "urn:apostil:doc:<id>:annotations", "type": "AnnotationCollection", "label": "…",
//!  "total": 1, "apostil:document": {"apostil": 1, "id": "…", "text": "…", …},
//!  "first": {"type": "AnnotationPage", "startIndex": 0, "items": [
//!    {"id": "urn:apostil:doc:<id>:annotation:7", "type": "Annotation", "motivation": "tagging",
//!     "creator": {"type": "Software", "name": "Apostil"},
//!     "apostil:kind": "entity", "apostil:status": "suggested",
//!     "body": [{"type": "TextualBody", "purpose": "tagging", "value": "PERSON"},
//!              {"type": "TextualBody", "purpose": "commenting", "value": "a note"},
//!              {"type": "SpecificResource", "purpose": "identifying",
//!               "source": "urn:apostil:doc:<id>:cluster:3"}],
//!     "target": {"source": "urn:apostil:doc:<id>", "selector": [
//!       {"type": "TextQuoteSelector", "exact": "Chen", "prefix": "…", "suffix": "…"},
//!       {"type": "TextPositionSelector", "start": 0, "end": 4}]}}]}}
//! ```
//!
//! - Positions are code points (the model counts characters; Apostil counts Unicode code points,
//!   like Python). `prefix`/`suffix` hold up to 32 code points of context.
//! - The label is a `TextualBody` with purpose `tagging`, a note one with purpose `commenting`.
//! - A quote's speaker is a `SpecificResource` body with purpose `identifying` and
//!   `"apostil:role": "speaker"`, selecting the speaker mention in the same source.
//! - A cluster is a `SpecificResource` body with purpose `identifying` whose `source` is the
//!   cluster's URN.
//! - `creator` is `Software` for suggestions, `Person` for annotations the user made.
//! - Apostil-only facts (`apostil:kind`, `apostil:status`, `apostil:quoteKind`, and the text and
//!   clusters in `apostil:document`) are extra properties with the `apostil:` prefix; W3C tools
//!   ignore them, Apostil reads them back, so export → import is lossless.
//!
//! Import reads a collection, a page, an annotation or a JSON array of these. Without
//! `apostil:document` the text is unknown: use [`import_with_text`]. A selector may be a
//! `TextPositionSelector` (checked against any `TextQuoteSelector` beside it) or a
//! `TextQuoteSelector` alone (found in the text, using prefix and suffix to choose).

use crate::document::{
    Annotation, AnnotationId, AnnotationKind, ClusterId, ClusterInfo, Document, Origin,
    QUOTE_LABEL, SpeakerLink, Status,
};
use crate::error::FormatError;
use crate::formats::{apostil, check_span, context, json_error, validate};
use crate::label::EntityLabel;
use crate::quotes::QuoteKind;
use crate::span::Span;
use crate::text::offsets::CharMap;
use serde::Serialize;
use serde_json::{Map, Value, json};

const NAME: &str = "W3C Web Annotation";
/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
const CONTEXT_CHARS: usize = 32;

/// The document part that W3C has no place for.
#[derive(Serialize)]
struct Embedded {
    apostil: u64,
    #[serde(flatten)]
    document: Document,
}

/// Reads an "apostil:document" value: its version and the document. (Not a `Deserialize` struct
/// with `#[serde(flatten)]`, which compiles a second Document reader into the wasm; the document
/// is read from JSON text like every other one.)
fn read_embedded(v: &Value) -> Result<(u64, Document), serde_json::Error> {
    use serde::de::Error;
    let version = match v.get("apostil") {
        Some(n) => n
            .as_u64()
            .ok_or_else(|| serde_json::Error::custom("\"apostil\" must be a whole number"))?,
        None => return Err(serde_json::Error::missing_field("apostil")),
    };
    Ok((version, serde_json::from_str(&v.to_string())?))
}

/// `urn:apostil:doc:<id>` with the id percent-encoded.
pub fn source_iri(doc_id: &str) -> String {
    let mut s = String::from("urn:apostil:doc:");
    for b in doc_id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

fn kind_name(k: AnnotationKind) -> &'static str {
    match k {
        AnnotationKind::Entity => "entity",
        AnnotationKind::Quote => "quote",
        AnnotationKind::User => "user",
    }
}

fn selectors(text: &str, map: &CharMap, span: Span) -> Value {
    let (prefix, suffix) = context(text, map, span, CONTEXT_CHARS);
    json!([
        {"type": "TextQuoteSelector", "exact": map.slice(text, span), "prefix": prefix, "suffix": suffix},
        {"type": "TextPositionSelector", "start": span.start, "end": span.end}
    ])
}

fn annotation(doc: &Document, map: &CharMap, source: &str, a: &Annotation) -> Value {
    let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": a.label})];
    if let Some(note) = &a.note {
        body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": note}));
    }
    if let Some(c) = a.cluster {
        body.push(json!({"type": "SpecificResource", "purpose": "identifying",
                         "source": format!("{source}:cluster:{}", c.0)}));
    }
    if let Some(s) = &a.speaker {
        let mut sp = json!({"type": "SpecificResource", "purpose": "identifying",
                            "apostil:role": "speaker", "source": source,
                            "selector": selectors(&doc.text, map, s.span)});
        if let Some(c) = s.cluster {
            sp["apostil:cluster"] = json!(format!("{source}:cluster:{}", c.0));
        }
        body.push(sp);
    }
    let creator = match a.origin {
        Origin::Auto => json!({"type": "Software", "name": "Apostil"}),
        Origin::User => json!({"type": "Person"}),
    };
    let mut v = json!({
        "id": format!("{source}:annotation:{}", a.id.0),
        "type": "Annotation",
        "motivation": if a.note.is_some() { json!(["tagging", "commenting"]) } else { json!("tagging") },
        "creator": creator,
        "apostil:kind": kind_name(a.kind),
        "apostil:status": crate::formats::csv::status_name(a.status),
        "body": body,
        "target": {"source": source, "selector": selectors(&doc.text, map, a.span)},
    });
    if let Some(k) = a.quote_kind {
        v["apostil:quoteKind"] = json!(match k {
            QuoteKind::Direct => "direct",
            QuoteKind::Scare => "scare",
        });
    }
    v
}

fn collection(doc: &Document) -> Result<Value, FormatError> {
    let map = CharMap::new(&doc.text);
    let source = source_iri(&doc.id);
    let items: Vec<Value> = doc
        .annotations
        .iter()
        .map(|a| annotation(doc, &map, &source, a))
        .collect();
    let mut rest = doc.clone();
    rest.annotations.clear();
    let embedded = serde_json::to_value(Embedded {
        apostil: apostil::VERSION,
        document: rest,
    })
    .map_err(|e| FormatError::Invalid(e.to_string()))?;
    Ok(json!({
        "@context": CONTEXT,
        "id": format!("{source}:annotations"),
        "type": "AnnotationCollection",
        "label": doc.meta.title.clone().unwrap_or_else(|| doc.id.clone()),
        "total": items.len(),
        "apostil:document": embedded,
        "first": {
            "id": format!("{source}:annotations:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }))
}

/// One document as an `AnnotationCollection` (pretty-printed JSON-LD).
pub fn export(doc: &Document) -> Result<String, FormatError> {
    serde_json::to_string_pretty(&collection(doc)?)
        .map(|s| s + "\n")
        .map_err(|e| FormatError::Invalid(e.to_string()))
}

/// Several documents as a JSON array of `AnnotationCollection`s.
pub fn export_library(docs: &[Document]) -> Result<String, FormatError> {
    let all = docs.iter().map(collection).collect::<Result<Vec<_>, _>>()?;
    serde_json::to_string_pretty(&all)
        .map(|s| s + "\n")
        .map_err(|e| FormatError::Invalid(e.to_string()))
}

/// Reads collections (with Apostil's embedded text) into documents.
pub fn import(input: &str) -> Result<Vec<Document>, FormatError> {
    let value: Value = serde_json::from_str(input).map_err(|e| json_error(NAME, e))?;
    let groups = groups(&value)?;
    let mut docs = Vec::with_capacity(groups.len());
    for (embedded, items) in groups {
        let Some(embedded) = embedded else {
            return Err(FormatError::Unsupported {
                format: NAME,
                action: "imported without its text",
                reason: "these annotations do not carry the document text (no \
                         \"apostil:document\"); import them with the text (in the CLI: \
                         `apostil convert ANN.jsonld --from w3c --text ARTICLE.txt`)"
                    .to_string(),
            });
        };
        let (version, mut doc) = read_embedded(embedded)
            .map_err(|e| FormatError::Invalid(format!("\"apostil:document\" is not valid: {e}")))?;
        if version > apostil::VERSION {
            return Err(FormatError::UnsupportedVersion {
                found: version,
                supported: apostil::VERSION,
            });
        }
        if !doc.annotations.is_empty() {
            return Err(FormatError::Invalid(
                "\"apostil:document\" must not hold annotations; they belong in the items"
                    .to_string(),
            ));
        }
        // Check the text before reading positions against it.
        let found = crate::document::text_hash(&doc.text);
        if found != doc.text_hash {
            return Err(FormatError::HashMismatch {
                expected: doc.text_hash.clone(),
                found,
            });
        }
        read_items(&mut doc, &items)?;
        validate(&mut doc)?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Reads W3C annotations (a collection, page, annotation or array of them) over `text`, which
/// the caller supplies, into one document with id `id`. Clusters the annotations name but the
/// input does not describe are created, named after their first mention.
pub fn import_with_text(id: &str, text: &str, input: &str) -> Result<Document, FormatError> {
    let value: Value = serde_json::from_str(input).map_err(|e| json_error(NAME, e))?;
    let mut doc = Document::new(id, text);
    let mut items: Vec<&Value> = Vec::new();
    for (embedded, group) in groups(&value)? {
        let emb = embedded.and_then(|v| read_embedded(v).ok());
        if let Some((_, document)) = emb.filter(|(_, d)| d.text == text) {
            doc = Document {
                id: id.to_string(),
                ..document
            };
        }
        items.extend(group);
    }
    read_items(&mut doc, &items)?;
    validate(&mut doc)?;
    Ok(doc)
}

type Group<'a> = (Option<&'a Value>, Vec<&'a Value>);

/// Splits the input into (embedded document, annotations) groups, one per collection.
fn groups(value: &Value) -> Result<Vec<Group<'_>>, FormatError> {
    let mut out: Vec<Group<'_>> = Vec::new();
    let mut loose: Vec<&Value> = Vec::new();
    let list: Vec<&Value> = match value {
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    };
    for v in list {
        match type_of(v).as_deref() {
            Some("AnnotationCollection") => {
                let mut items = Vec::new();
                if let Some(first) = v.get("first") {
                    page_items(first, &mut items)?;
                }
                out.push((v.get("apostil:document"), items));
            }
            Some("AnnotationPage") => page_items(v, &mut loose)?,
            Some("Annotation") => loose.push(v),
            Some(other) => {
                return Err(FormatError::Invalid(format!(
                    "expected an Annotation, AnnotationPage or AnnotationCollection, found type {other:?}"
                )));
            }
            None => {
                return Err(FormatError::Invalid(
                    "expected W3C Web Annotation JSON-LD: an object with \"type\" \
                     Annotation, AnnotationPage or AnnotationCollection"
                        .to_string(),
                ));
            }
        }
    }
    if !loose.is_empty() {
        out.push((None, loose));
    }
    Ok(out)
}

fn page_items<'a>(page: &'a Value, items: &mut Vec<&'a Value>) -> Result<(), FormatError> {
    match page.get("items") {
        Some(Value::Array(a)) => {
            items.extend(a.iter());
            Ok(())
        }
        Some(_) => Err(FormatError::Invalid(
            "an AnnotationPage's \"items\" must be a list".to_string(),
        )),
        None => Ok(()),
    }
}

/// The `type` (or `@type`) of a node; for a list of types, the first W3C one.
fn type_of(v: &Value) -> Option<String> {
    let t = v.get("type").or_else(|| v.get("@type"))?;
    match t {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().filter_map(Value::as_str).next().map(String::from),
        _ => None,
    }
}

fn as_list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
    }
}

fn index(v: &Value, field: &str, what: &str) -> Result<usize, FormatError> {
    let n = v
        .get(field)
        .ok_or_else(|| FormatError::Invalid(format!("{what}: the selector has no \"{field}\"")))?;
    n.as_u64()
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            FormatError::Invalid(format!(
                "{what}: \"{field}\" must be a whole number of characters, not {n}"
            ))
        })
}

fn str_field<'a>(v: &'a Value, field: &str) -> Option<&'a str> {
    v.get(field).and_then(Value::as_str)
}

/// Resolves a selector (or list of selectors) to a span of `text`.
fn resolve(
    text: &str,
    map: &CharMap,
    sel: Option<&Value>,
    what: &str,
) -> Result<Span, FormatError> {
    let sels = as_list(sel);
    let pos = sels
        .iter()
        .find(|s| type_of(s).as_deref() == Some("TextPositionSelector"));
    let quote = sels
        .iter()
        .find(|s| type_of(s).as_deref() == Some("TextQuoteSelector"));
    let len = map.len_chars();
    if let Some(p) = pos {
        let span = Span {
            start: index(p, "start", what)?,
            end: index(p, "end", what)?,
        };
        check_span(what, span, len)?;
        if let Some(exact) = quote.and_then(|q| str_field(q, "exact")) {
            let found = map.slice(text, span);
            if found != exact {
                return Err(FormatError::ExactMismatch {
                    what: what.to_string(),
                    span,
                    expected: exact.to_string(),
                    found: found.to_string(),
                });
            }
        }
        return Ok(span);
    }
    if let Some(q) = quote {
        let exact = str_field(q, "exact")
            .filter(|e| !e.is_empty())
            .ok_or_else(|| {
                FormatError::Invalid(format!("{what}: the TextQuoteSelector has no \"exact\""))
            })?;
        let prefix = str_field(q, "prefix").unwrap_or("");
        let suffix = str_field(q, "suffix").unwrap_or("");
        let mut best: Option<(usize, usize)> = None;
        for (b, _) in text.match_indices(exact) {
            let e = b + exact.len();
            let score = usize::from(text[..b].ends_with(prefix))
                + usize::from(text[e..].starts_with(suffix));
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, b));
            }
        }
        let (_, b) = best.ok_or_else(|| {
            FormatError::Invalid(format!(
                "{what}: the quoted text {exact:?} is not in the text"
            ))
        })?;
        let start = map.char_at_byte(b);
        return Ok(Span::new(start, start + exact.chars().count()));
    }
    Err(FormatError::Invalid(format!(
        "{what}: no TextPositionSelector or TextQuoteSelector"
    )))
}

fn trailing_number(iri: &str) -> Option<u64> {
    iri.rsplit([':', '/', '#', '-']).next()?.parse().ok()
}

fn read_items(doc: &mut Document, items: &[&Value]) -> Result<(), FormatError> {
    let map = CharMap::new(&doc.text);
    let mut anns: Vec<(Option<u64>, Annotation)> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let what = match item.get("id").and_then(Value::as_str) {
            Some(id) => format!("annotation {id}"),
            None => format!("annotation {}", i + 1),
        };
        if !item.is_object() {
            return Err(FormatError::Invalid(format!("{what}: not an object")));
        }
        let target = as_list(item.get("target"));
        let target = target
            .first()
            .copied()
            .ok_or_else(|| FormatError::Invalid(format!("{what}: no \"target\"")))?;
        let span = resolve(&doc.text, &map, target.get("selector"), &what)?;
        let mut label: Option<String> = None;
        let mut notes: Vec<String> = Vec::new();
        let mut cluster = None;
        let mut speaker = None;
        let motivation: Vec<&str> = as_list(item.get("motivation"))
            .into_iter()
            .filter_map(Value::as_str)
            .collect();
        for body in as_list(item.get("body")) {
            let purpose = str_field(body, "purpose").or_else(|| {
                (type_of(body).as_deref() == Some("TextualBody"))
                    .then(|| motivation.first().copied())
                    .flatten()
            });
            let is_speaker = str_field(body, "apostil:role") == Some("speaker");
            match (type_of(body).as_deref(), purpose) {
                (_, _) if is_speaker => {
                    let sp = resolve(
                        &doc.text,
                        &map,
                        body.get("selector"),
                        &format!("{what} speaker"),
                    )?;
                    let c = str_field(body, "apostil:cluster")
                        .and_then(trailing_number)
                        .map(ClusterId);
                    speaker = Some(SpeakerLink {
                        span: sp,
                        cluster: c,
                    });
                }
                (Some("TextualBody"), Some("tagging")) | (Some("TextualBody"), None)
                    if label.is_none() =>
                {
                    label = str_field(body, "value").map(String::from);
                }
                (Some("TextualBody"), Some("commenting")) => {
                    if let Some(v) = str_field(body, "value") {
                        notes.push(v.to_string());
                    }
                }
                (Some("SpecificResource"), Some("identifying")) => {
                    cluster = str_field(body, "source")
                        .filter(|s| s.contains(":cluster:"))
                        .and_then(trailing_number)
                        .map(ClusterId);
                }
                _ => {}
            }
        }
        let label = label
            .filter(|l| !l.trim().is_empty())
            .unwrap_or_else(|| "TAG".to_string());
        let kind = match str_field(item, "apostil:kind") {
            Some("entity") => AnnotationKind::Entity,
            Some("quote") => AnnotationKind::Quote,
            Some("user") => AnnotationKind::User,
            _ if label == QUOTE_LABEL => AnnotationKind::Quote,
            _ if label.parse::<EntityLabel>().is_ok() => AnnotationKind::Entity,
            _ => AnnotationKind::User,
        };
        let origin = match item.get("creator").and_then(type_of).as_deref() {
            Some("Software") => Origin::Auto,
            _ => Origin::User,
        };
        let status = match str_field(item, "apostil:status") {
            Some("suggested") => Status::Suggested,
            Some("accepted") => Status::Accepted,
            Some("rejected") => Status::Rejected,
            _ if origin == Origin::Auto => Status::Suggested,
            _ => Status::Accepted,
        };
        let quote_kind = match str_field(item, "apostil:quoteKind") {
            Some("direct") => Some(QuoteKind::Direct),
            Some("scare") => Some(QuoteKind::Scare),
            _ if kind == AnnotationKind::Quote => Some(QuoteKind::Direct),
            _ => None,
        };
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .filter(|s| s.contains(":annotation:"))
            .and_then(trailing_number);
        anns.push((
            id,
            Annotation {
                id: AnnotationId(0),
                kind,
                label,
                span,
                exact: map.slice(&doc.text, span).to_string(),
                origin,
                status,
                note: (!notes.is_empty()).then(|| notes.join("\n")),
                cluster,
                speaker,
                quote_kind,
            },
        ));
    }
    // Ids: keep the ones from the file when unique, give the rest fresh ones.
    let mut used = std::collections::HashSet::new();
    for a in &doc.annotations {
        used.insert(a.id.0);
    }
    for c in &doc.clusters {
        used.insert(c.id.0);
    }
    let mut fresh = Vec::new();
    for (id, mut a) in anns {
        match id.filter(|&n| n > 0 && used.insert(n)) {
            Some(n) => {
                a.id = AnnotationId(n);
                doc.annotations.push(a);
            }
            None => fresh.push(a),
        }
    }
    for mut a in fresh {
        a.id = AnnotationId(doc.alloc_id());
        doc.annotations.push(a);
    }
    // Clusters named but not described: create them.
    let mut missing: Map<String, Value> = Map::new();
    for a in &doc.annotations {
        let refs = a
            .cluster
            .map(|c| (c, a.exact.clone(), a.label.clone()))
            .into_iter()
            .chain(a.speaker.as_ref().and_then(|s| {
                s.cluster
                    .map(|c| (c, map.slice(&doc.text, s.span).to_string(), "PERSON".into()))
            }));
        for (c, name, label) in refs {
            if doc.cluster(c).is_none() && !missing.contains_key(&c.0.to_string()) {
                missing.insert(c.0.to_string(), json!([name, label]));
            }
        }
    }
    for (id, v) in missing {
        let id: u64 = id.parse().unwrap_or(0);
        doc.clusters.push(ClusterInfo {
            id: ClusterId(id),
            canonical: v[0].as_str().unwrap_or_default().to_string(),
            label: v[1].as_str().unwrap_or("PERSON").to_string(),
        });
    }
    crate::sort::sort_by_key(&mut doc.clusters, |c| c.id);
    doc.sort_annotations();
    Ok(())
}
