//! Apostil's core as a JavaScript/WebAssembly library.
//!
//! Built by `scripts/build-lib.sh` with wasm-bindgen for `--target web` (browsers, ES module)
//! and `--target nodejs` (CommonJS). Every offset is given twice: in Unicode code points
//! (`start`/`end`, as in Python and the rest of Apostil) and in UTF-16 code units
//! (`start16`/`end16`, what `String.prototype.slice` wants). The conversion happens only
//! through [`apostil_core::text::offsets::Utf16Map`].
//!
//! The JavaScript-facing functions are thin wrappers over plain Rust functions
//! ([`annotate_text`], …) that are tested natively.
#![deny(missing_docs)]

use apostil_core::analysis::Analysis;
use apostil_core::clusters::MentionKind;
use apostil_core::document::Document;
use apostil_core::entities::EntitySource;
use apostil_core::formats::{self, ExportFile, Format};
use apostil_core::label::EntityLabel;
use apostil_core::quotes::QuoteKind;
use apostil_core::span::Span;
use apostil_core::text::intake::RegionKind;
use apostil_core::text::offsets::{CharMap, Utf16Map};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Entity types (OntoNotes). */
export type EntityLabel =
  | "PERSON" | "NORP" | "FAC" | "ORG" | "GPE" | "LOC" | "PRODUCT" | "EVENT" | "WORK_OF_ART"
  | "LAW" | "LANGUAGE" | "DATE" | "TIME" | "PERCENT" | "MONEY" | "QUANTITY" | "ORDINAL"
  | "CARDINAL";

/** A stretch of the text. `start`/`end`: code points (end-exclusive);
 *  `start16`/`end16`: UTF-16 units, so `text.slice(start16, end16) === this.text`. */
export interface TextSpan {
  start: number;
  end: number;
  start16: number;
  end16: number;
  text: string;
}

export interface AnnotatedEntity extends TextSpan {
  label: EntityLabel;
  /** Which stage found it. */
  source: "pattern" | "rule" | "model" | "document";
  /** Confidence in 0..1. */
  score: number;
  /** Index into `clusters`, or null. */
  cluster: number | null;
}

export interface Speaker extends TextSpan {
  /** Index into `clusters`, or null. */
  cluster: number | null;
}

export interface AnnotatedQuote extends TextSpan {
  /** "direct" quotation or "scare" quotes. */
  kind: "direct" | "scare";
  /** The quotation including its quote marks. */
  outer: TextSpan;
  speaker: Speaker | null;
  /** How many quotations enclose this one (0: outermost). */
  depth: number;
}

export interface ClusterMention extends TextSpan {
  kind: "name" | "alias" | "pronoun" | "nominal";
}

export interface AnnotatedCluster {
  /** Position in `clusters` (what `cluster` fields point to). */
  id: number;
  canonical: string;
  label: EntityLabel;
  mentions: ClusterMention[];
}

export interface AnnotatedRegion extends TextSpan {
  kind: "headline" | "byline" | "dateline" | "comment_form" | "related_links" | "subscription"
    | "share_or_cookie" | "credit";
  /** True for page junk (comment boxes, link lists, price tables). */
  junk: boolean;
}

export interface AnnotateOptions {
  /** Keep only these entity labels (default: all). */
  labels?: EntityLabel[];
  /** Include quotations (default true). */
  quotes?: boolean;
  /** Include page regions (headline, byline, junk) (default false). */
  regions?: boolean;
  /** Also mark relative dates and periods ("last week", "in recent years") as DATE, as
   *  OntoNotes does (default false: calendar dates only, as news wires annotate). */
  relativeDates?: boolean;
}

export interface Annotated {
  /** Length of the text in code points. */
  length: number;
  /** Length of the text in UTF-16 units (`text.length`). */
  length16: number;
  entities: AnnotatedEntity[];
  quotes: AnnotatedQuote[];
  clusters: AnnotatedCluster[];
  /** Present when `options.regions` is true. */
  regions?: AnnotatedRegion[];
}

/** Finds entities, quotations with their speakers, and mention clusters in `text`. */
export function annotate(text: string, options?: AnnotateOptions): Annotated;

/** An exchange format's short name (`formats()` lists them with details). */
export type FormatName = "apostil" | "w3c" | "brat" | "conll" | "csv" | "jsonl";

export interface FormatInfo {
  name: FormatName;
  /** Human name for menus. */
  label: string;
  /** File extension without the dot. */
  extension: string;
  mime: string;
  /** True when `convert` can read it. */
  canImport: boolean;
}

/** One file of an export (brat gives two: `.txt` and `.ann`). */
export interface ExportFile {
  name: string;
  mime: string;
  content: string;
}

export interface ExportOptions {
  /** The document id written in the export (default "document"). */
  id?: string;
}

/** Every format Apostil reads or writes. */
export function formats(): FormatInfo[];

/** Annotates `text` and writes the result in `format`. Throws on an unknown format. */
export function exportAnnotations(text: string, format: FormatName | string, options?: ExportOptions): ExportFile[];

/** Reads `input` (Apostil JSON, W3C with Apostil's text extension, CoNLL or JSONL) and writes it
 *  in `to`. Several documents give a library export. Throws a readable error on bad input. */
export function convert(input: string, from: FormatName | string, to: FormatName | string): ExportFile[];
"#;

/// Options of [`annotate_text`] (the JS `AnnotateOptions`).
#[derive(Clone, Debug, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
pub struct AnnotateOptions {
    /// Keep only these labels (None: all).
    pub labels: Option<Vec<EntityLabel>>,
    /// Include quotations.
    pub quotes: bool,
    /// Include page regions.
    pub regions: bool,
    /// Mark relative dates ("last week") as DATE too.
    pub relative_dates: bool,
}

impl Default for AnnotateOptions {
    fn default() -> Self {
        AnnotateOptions {
            labels: None,
            quotes: true,
            regions: false,
            relative_dates: false,
        }
    }
}

/// A span with both offset systems and its text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// First UTF-16 unit.
    pub start16: usize,
    /// One past the last UTF-16 unit.
    pub end16: usize,
    /// The covered text.
    pub text: String,
}

/// An entity for JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatedEntity {
    /// Where it is.
    #[serde(flatten)]
    pub at: TextSpan,
    /// Its type.
    pub label: EntityLabel,
    /// Which stage found it.
    pub source: EntitySource,
    /// Confidence.
    pub score: f32,
    /// Index into the clusters.
    pub cluster: Option<usize>,
}

/// A speaker for JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatedSpeaker {
    /// Where the mention is.
    #[serde(flatten)]
    pub at: TextSpan,
    /// Index into the clusters.
    pub cluster: Option<usize>,
}

/// A quotation for JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatedQuote {
    /// The quoted words (without marks).
    #[serde(flatten)]
    pub at: TextSpan,
    /// Direct or scare.
    pub kind: QuoteKind,
    /// With the quote marks.
    pub outer: TextSpan,
    /// Who said it.
    pub speaker: Option<AnnotatedSpeaker>,
    /// How many quotations enclose this one (0: outermost).
    pub depth: u8,
}

/// A cluster mention for JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatedMention {
    /// Where it is.
    #[serde(flatten)]
    pub at: TextSpan,
    /// How it refers.
    pub kind: MentionKind,
}

/// A cluster for JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatedCluster {
    /// Its index.
    pub id: usize,
    /// Display name.
    pub canonical: String,
    /// Type.
    pub label: EntityLabel,
    /// Mentions in text order.
    pub mentions: Vec<AnnotatedMention>,
}

/// A page region for JavaScript.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatedRegion {
    /// Where it is.
    #[serde(flatten)]
    pub at: TextSpan,
    /// What it is.
    pub kind: RegionKind,
    /// Page junk?
    pub junk: bool,
}

/// The result of [`annotate_text`] (the JS `Annotated`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Annotated {
    /// Length in code points.
    pub length: usize,
    /// Length in UTF-16 units.
    pub length16: usize,
    /// Entities.
    pub entities: Vec<AnnotatedEntity>,
    /// Quotations.
    pub quotes: Vec<AnnotatedQuote>,
    /// Clusters.
    pub clusters: Vec<AnnotatedCluster>,
    /// Regions, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub regions: Option<Vec<AnnotatedRegion>>,
}

/// Converts code-point spans of one text into [`TextSpan`]s.
struct Spans<'t> {
    text: &'t str,
    chars: CharMap,
    utf16: Utf16Map,
}

impl<'t> Spans<'t> {
    fn new(text: &'t str) -> Self {
        Spans {
            text,
            chars: CharMap::new(text),
            utf16: Utf16Map::new(text),
        }
    }

    fn at(&self, span: Span) -> TextSpan {
        let span = Span::new(
            span.start.min(self.chars.len_chars()),
            span.end.min(self.chars.len_chars()),
        );
        let s16 = self.utf16.span_to_utf16(span);
        TextSpan {
            start: span.start,
            end: span.end,
            start16: s16.start,
            end16: s16.end,
            text: self.chars.slice(self.text, span).to_owned(),
        }
    }
}

/// Converts an [`Analysis`] of `text` into the JavaScript shape.
pub fn convert(text: &str, analysis: &Analysis, options: &AnnotateOptions) -> Annotated {
    let spans = Spans::new(text);
    let keep = |l: EntityLabel| options.labels.as_ref().is_none_or(|ls| ls.contains(&l));
    let entities = analysis
        .entities
        .iter()
        .filter(|e| keep(e.label))
        .map(|e| AnnotatedEntity {
            at: spans.at(e.span),
            label: e.label,
            source: e.source,
            score: e.score,
            cluster: e.cluster,
        })
        .collect();
    let quotes = if options.quotes {
        analysis
            .quotes
            .iter()
            .map(|q| AnnotatedQuote {
                at: spans.at(q.span),
                kind: q.kind,
                outer: spans.at(q.outer),
                speaker: q.speaker.as_ref().map(|s| AnnotatedSpeaker {
                    at: spans.at(s.mention),
                    cluster: s.cluster,
                }),
                depth: q.depth,
            })
            .collect()
    } else {
        Vec::new()
    };
    let clusters = analysis
        .clusters
        .iter()
        .enumerate()
        .map(|(id, c)| AnnotatedCluster {
            id,
            canonical: c.canonical.clone(),
            label: c.label,
            mentions: c
                .mentions
                .iter()
                .map(|m| AnnotatedMention {
                    at: spans.at(m.span),
                    kind: m.kind,
                })
                .collect(),
        })
        .collect();
    let regions = options.regions.then(|| {
        analysis
            .regions
            .iter()
            .map(|r| AnnotatedRegion {
                at: spans.at(r.span),
                kind: r.kind,
                junk: r.kind.is_junk(),
            })
            .collect()
    });
    Annotated {
        length: spans.chars.len_chars(),
        length16: spans.utf16.to_utf16(spans.chars.len_chars()),
        entities,
        quotes,
        clusters,
        regions,
    }
}

/// Analyses `text` with the core's default analyser and converts the result.
pub fn annotate_text(text: &str, options: &AnnotateOptions) -> Annotated {
    let analyzer = apostil_core::analysis::shared_analyzer(options.relative_dates);
    convert(text, &analyzer.analyze(text), options)
}

/// A format's description (the JS `FormatInfo`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormatInfo {
    /// Short name.
    pub name: &'static str,
    /// Human name.
    pub label: &'static str,
    /// Extension without the dot.
    pub extension: &'static str,
    /// MIME type.
    pub mime: &'static str,
    /// Whether [`convert_text`] reads it.
    pub can_import: bool,
}

/// Every format.
pub fn format_list() -> Vec<FormatInfo> {
    Format::ALL
        .iter()
        .map(|&f| FormatInfo {
            name: f.name(),
            label: f.label(),
            extension: f.extension(),
            mime: f.mime(),
            can_import: f.can_import(),
        })
        .collect()
}

/// The format called `name`, or a readable error listing the known names.
pub fn format_named(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {name:?}; known: {}", known.join(", "))
    })
}

/// Annotates `text` and exports it (document id `id`) in the format called `format`.
pub fn export_text(text: &str, format: &str, id: &str) -> Result<Vec<ExportFile>, String> {
    let format = format_named(format)?;
    let doc = Document::from_analysis(id, text, &apostil_core::analyze(text));
    formats::export(&doc, format).map_err(|e| e.to_string())
}

/// Reads `input` in format `from` and writes it in format `to` (a library export when the
/// input holds several documents).
pub fn convert_text(input: &str, from: &str, to: &str) -> Result<Vec<ExportFile>, String> {
    let (from, to) = (format_named(from)?, format_named(to)?);
    let docs = formats::import(input, from).map_err(|e| e.to_string())?;
    let out = match docs.as_slice() {
        [] => return Err(format!("no document found in the {from} input")),
        [one] => formats::export(one, to),
        many => formats::export_library(many, to),
    };
    out.map_err(|e| e.to_string())
}

/// Export options from JS.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ExportOptions {
    id: Option<String>,
}

/// Rust value → JS value, through JSON (`JSON.parse` on the JS side).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("annotate: could not build the result"))
}

/// JS options → [`AnnotateOptions`], through `JSON.stringify` so unknown keys are refused.
fn options_from_js(options: JsValue) -> Result<AnnotateOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(AnnotateOptions::default());
    }
    let json: String = js_sys::JSON::stringify(&options)
        .map_err(|_| JsError::new("annotate: options must be a plain object"))?
        .into();
    parse_options(&json)
}

/// Parses options given as JSON.
pub fn parse_options(json: &str) -> Result<AnnotateOptions, JsError> {
    serde_json::from_str(json).map_err(|e| JsError::new(&format!("annotate: bad options: {e}")))
}

/// JS: `annotate(text, options?) → Annotated`.
#[wasm_bindgen(js_name = annotate, skip_typescript)]
pub fn annotate_js(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = options_from_js(options)?;
    to_js(&annotate_text(text, &options))
}

/// JS: `formats() → FormatInfo[]`.
#[wasm_bindgen(js_name = formats, skip_typescript)]
pub fn formats_js() -> Result<JsValue, JsError> {
    to_js(&format_list())
}

/// JS: `exportAnnotations(text, format, options?) → ExportFile[]`.
#[wasm_bindgen(js_name = exportAnnotations, skip_typescript)]
pub fn export_js(text: &str, format: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: ExportOptions = if options.is_undefined() || options.is_null() {
        ExportOptions::default()
    } else {
        let json: String = js_sys::JSON::stringify(&options)
            .map_err(|_| JsError::new("exportAnnotations: options must be a plain object"))?
            .into();
        serde_json::from_str(&json)
            .map_err(|e| JsError::new(&format!("exportAnnotations: bad options: {e}")))?
    };
    let id = options.id.as_deref().unwrap_or("document");
    let files = export_text(text, format, id).map_err(|e| JsError::new(&e))?;
    to_js(&files)
}

/// JS: `convert(input, from, to) → ExportFile[]`.
#[wasm_bindgen(js_name = convert, skip_typescript)]
pub fn convert_js(input: &str, from: &str, to: &str) -> Result<JsValue, JsError> {
    let files = convert_text(input, from, to).map_err(|e| JsError::new(&e))?;
    to_js(&files)
}

/// JS: the library's version (the workspace version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use apostil_core::clusters::{Cluster, Mention};
    use apostil_core::entities::Entity;
    use apostil_core::quotes::{Quote, Speaker};
    use apostil_core::text::intake::Region;

    /// A hand-made analysis over a text with astral characters before the spans, so code
    /// points and UTF-16 units differ.
    fn sample() -> (&'static str, Analysis) {
        // 😀 and 𝕏 are outside the BMP (two UTF-16 units each); é is one unit.
        let text = "😀 Zoë Ławecka said: “𝕏 is done.” She left on Monday.";
        let chars: Vec<char> = text.chars().collect();
        let find = |needle: &str| {
            let n: Vec<char> = needle.chars().collect();
            let i = (0..chars.len())
                .find(|&i| chars[i..].starts_with(&n))
                .unwrap();
            Span::new(i, i + n.len())
        };
        let mut person = Entity::new(
            find("Zoë Ławecka"),
            EntityLabel::Person,
            EntitySource::Model,
            0.9,
        );
        person.cluster = Some(0);
        let monday = Entity::new(
            find("Monday"),
            EntityLabel::Date,
            EntitySource::Pattern,
            1.0,
        );
        let analysis = Analysis {
            text_len: chars.len(),
            entities: vec![person, monday],
            clusters: vec![Cluster {
                canonical: "Zoë Ławecka".into(),
                label: EntityLabel::Person,
                mentions: vec![
                    Mention {
                        span: find("Zoë Ławecka"),
                        kind: MentionKind::Name,
                    },
                    Mention {
                        span: find("She"),
                        kind: MentionKind::Pronoun,
                    },
                ],
            }],
            quotes: vec![Quote {
                span: find("𝕏 is done."),
                outer: find("“𝕏 is done.”"),
                kind: QuoteKind::Direct,
                depth: 0,
                speaker: Some(Speaker {
                    mention: find("Zoë Ławecka"),
                    cluster: Some(0),
                }),
            }],
            regions: vec![Region {
                span: find("😀"),
                kind: RegionKind::ShareOrCookie,
            }],
            ..Analysis::default()
        };
        (text, analysis)
    }

    /// Slices `text` by UTF-16 units, as JavaScript's `slice` does.
    fn slice16(text: &str, s: usize, e: usize) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[s..e]).unwrap()
    }

    fn check(text: &str, at: &TextSpan) {
        let cp: String = text
            .chars()
            .skip(at.start)
            .take(at.end - at.start)
            .collect();
        assert_eq!(cp, at.text, "code-point offsets of {at:?}");
        assert_eq!(
            slice16(text, at.start16, at.end16),
            at.text,
            "UTF-16 offsets"
        );
    }

    #[test]
    fn offsets_in_both_systems_agree_with_the_text() {
        let (text, analysis) = sample();
        let out = convert(text, &analysis, &AnnotateOptions::default());
        assert_eq!(out.length, text.chars().count());
        assert_eq!(out.length16, text.encode_utf16().count());
        assert_eq!(out.entities.len(), 2);
        let person = &out.entities[0];
        assert_eq!(person.at.text, "Zoë Ławecka");
        assert_eq!(
            (person.at.start, person.at.start16),
            (2, 3),
            "😀 is 2 units"
        );
        for e in &out.entities {
            check(text, &e.at);
        }
        let q = &out.quotes[0];
        check(text, &q.at);
        check(text, &q.outer);
        assert_eq!(q.at.text, "𝕏 is done.");
        assert_eq!(
            q.outer.end16 - q.outer.start16,
            q.outer.end - q.outer.start + 1
        );
        let sp = q.speaker.as_ref().unwrap();
        check(text, &sp.at);
        assert_eq!(sp.cluster, Some(0));
        let c = &out.clusters[0];
        assert_eq!((c.id, c.mentions.len()), (0, 2));
        for m in &c.mentions {
            check(text, &m.at);
        }
        assert!(out.regions.is_none(), "regions only on request");
    }

    #[test]
    fn options_filter_labels_quotes_and_add_regions() {
        let (text, analysis) = sample();
        let table: [(&str, usize, usize, bool); 4] = [
            ("{}", 2, 1, false),
            (r#"{"labels":["DATE"]}"#, 1, 1, false),
            (r#"{"quotes":false,"labels":[]}"#, 0, 0, false),
            (r#"{"regions":true}"#, 2, 1, true),
        ];
        for (json, n_ent, n_quotes, regions) in table {
            let opts: AnnotateOptions = serde_json::from_str(json).unwrap();
            let out = convert(text, &analysis, &opts);
            assert_eq!(out.entities.len(), n_ent, "{json}");
            assert_eq!(out.quotes.len(), n_quotes, "{json}");
            assert_eq!(out.regions.is_some(), regions, "{json}");
        }
        let out = convert(
            text,
            &analysis,
            &AnnotateOptions {
                regions: true,
                ..Default::default()
            },
        );
        let r = &out.regions.unwrap()[0];
        assert!(r.junk);
        assert_eq!(
            (r.at.start, r.at.end, r.at.start16, r.at.end16),
            (0, 1, 0, 2)
        );
        assert!(serde_json::from_str::<AnnotateOptions>(r#"{"label":[]}"#).is_err());
    }

    #[test]
    fn serialises_to_the_documented_shape() {
        let (text, analysis) = sample();
        let v =
            serde_json::to_value(convert(text, &analysis, &AnnotateOptions::default())).unwrap();
        let e = &v["entities"][0];
        for key in [
            "start", "end", "start16", "end16", "text", "label", "source", "score",
        ] {
            assert!(e.get(key).is_some(), "entity has {key}: {e}");
        }
        assert_eq!(e["label"], "PERSON");
        assert_eq!(e["source"], "model");
        assert_eq!(v["entities"][1]["cluster"], serde_json::Value::Null);
        assert_eq!(v["quotes"][0]["kind"], "direct");
        assert_eq!(v["quotes"][0]["outer"]["text"], "“𝕏 is done.”");
        assert_eq!(v["clusters"][0]["mentions"][1]["kind"], "pronoun");
        assert!(v.get("regions").is_none());
    }

    #[test]
    fn out_of_range_spans_are_clamped_not_panicking() {
        let text = "short";
        let analysis = Analysis {
            entities: vec![Entity::new(
                Span::new(3, 99),
                EntityLabel::Cardinal,
                EntitySource::Pattern,
                1.0,
            )],
            ..Analysis::default()
        };
        let out = convert(text, &analysis, &AnnotateOptions::default());
        assert_eq!(out.entities[0].at.text, "rt");
        assert_eq!(out.entities[0].at.end16, 5);
    }

    #[test]
    fn formats_are_listed_and_named() {
        let list = format_list();
        assert_eq!(list.len(), Format::ALL.len());
        let v = serde_json::to_value(&list).unwrap();
        assert_eq!(v[0]["name"], "apostil");
        assert!(v[0].get("canImport").is_some(), "camelCase keys: {}", v[0]);
        assert!(format_named("W3C").is_ok());
        let err = format_named("docx").unwrap_err();
        assert!(err.contains("docx") && err.contains("conll"), "{err}");
    }

    #[test]
    fn export_then_convert_round_trips_through_apostil_json() {
        let text = "“We open on Friday,” said Mayor Ana Pérez of Lowport. 😀 It cost $12 million.";
        let files = export_text(text, "apostil", "demo-1").unwrap();
        assert_eq!(files.len(), 1);
        assert!(files[0].name.starts_with("demo-1"), "{}", files[0].name);
        assert!(files[0].content.contains("Lowport"));
        // Apostil JSON → every format that can be written.
        for to in ["apostil", "w3c", "brat", "conll", "csv", "jsonl"] {
            let out = convert_text(&files[0].content, "apostil", to).unwrap();
            assert!(!out.is_empty(), "{to}");
            assert!(out.iter().all(|f| !f.content.is_empty()), "{to}");
        }
        let brat = export_text(text, "brat", "d").unwrap();
        assert_eq!(brat.len(), 2, "brat writes .txt and .ann");
        // And back: JSON re-read gives the same JSON.
        let again = convert_text(&files[0].content, "apostil", "apostil").unwrap();
        assert_eq!(again[0].content, files[0].content);
    }

    #[test]
    fn convert_reports_bad_input_and_unsupported_formats() {
        let table = [
            ("{not json", "apostil", "w3c", "not valid"),
            ("a,b\n", "csv", "apostil", "CSV"),
            ("x", "docx", "apostil", "unknown format"),
            ("x", "apostil", "pdf", "unknown format"),
        ];
        for (input, from, to, needle) in table {
            let err = convert_text(input, from, to).unwrap_err();
            assert!(err.contains(needle), "{input:?} {from}->{to}: {err}");
        }
    }

    #[test]
    fn annotate_runs_the_core_on_any_text() {
        for text in ["", "plain", "😀😀😀", "“unclosed", "a\n\nb\r\nc"] {
            let out = annotate_text(text, &AnnotateOptions::default());
            assert_eq!(out.length, text.chars().count());
            assert_eq!(out.length16, text.encode_utf16().count());
            for e in &out.entities {
                check(text, &e.at);
            }
        }
    }
}
