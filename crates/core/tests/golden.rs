//! Golden snapshots: short articles written for these tests, annotated by hand, exported in
//! every format and compared with the files in `tests/golden/`.
//!
//! After an intended format change, rewrite the snapshots with
//! `UPDATE_GOLDEN=1 cargo test -p apostil-core --test golden` and review the diff.

use apostil_core::document::{ClusterInfo, Document, SpeakerLink};
use apostil_core::formats::{self, Format};
use apostil_core::quotes::QuoteKind;
use apostil_core::text::intake::{Region, RegionKind};
use apostil_core::{AnnotationKind, Edit, Origin, Span, Status};
use serde_json::Value;
use std::path::PathBuf;

const HARBOUR: &str = "Harbour board backs pier sale\n\
\n\
By Lena Ortiz\n\
\n\
VALLETTA, March 3 (Apostil Wire) — The Grand Harbour Board voted 7-2 on Tuesday to sell the \
old customs pier to Meridian Shipping for €12.5 million.\n\
\n\
\"This is the best offer we will ever see,\" said board chair Joseph Camilleri. Opponents called \
the price \"a giveaway\".\n\
\n\
Camilleri said the sale would close by June.\n\
\n\
Leave a Reply\n";

const LAB: &str = "Zürich lab doubles output\n\
\n\
Researchers at the Institut für Materialforschung in Zürich said on Monday that output rose 48% \
in 2025. “We did not expect this,” Dr. Aiko Tanaka told reporters. She added that the team of \
12 would grow. 🎉\n";

/// One hand annotation: kind, label, text, which occurrence (0 = first).
struct Mark {
    kind: AnnotationKind,
    label: &'static str,
    needle: &'static str,
    nth: usize,
}

const fn e(label: &'static str, needle: &'static str) -> Mark {
    Mark {
        kind: AnnotationKind::Entity,
        label,
        needle,
        nth: 0,
    }
}

const fn q(needle: &'static str) -> Mark {
    Mark {
        kind: AnnotationKind::Quote,
        label: "QUOTE",
        needle,
        nth: 0,
    }
}

fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let (b, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in text"));
    let s = text[..b].chars().count();
    Span::new(s, s + needle.chars().count())
}

fn build(id: &str, text: &str, marks: &[Mark]) -> Document {
    let mut d = Document::new(id, text);
    for m in marks {
        let mut a = d
            .new_annotation(
                m.kind,
                m.label,
                span_of(text, m.needle, m.nth),
                Origin::Auto,
            )
            .unwrap();
        a.status = Status::Suggested;
        d.apply(Edit::Add { annotation: a }).unwrap();
    }
    d
}

fn find_id(d: &Document, exact: &str, nth: usize) -> apostil_core::AnnotationId {
    d.annotations
        .iter()
        .filter(|a| a.exact == exact)
        .nth(nth)
        .unwrap_or_else(|| panic!("{exact:?}"))
        .id
}

fn harbour() -> Document {
    let mut d = build(
        "harbour",
        HARBOUR,
        &[
            e("GPE", "VALLETTA"),
            e("DATE", "March 3"),
            e("ORG", "Apostil Wire"),
            e("ORG", "The Grand Harbour Board"),
            e("CARDINAL", "7-2"),
            e("DATE", "Tuesday"),
            e("ORG", "Meridian Shipping"),
            e("MONEY", "€12.5 million"),
            q("This is the best offer we will ever see,"),
            e("PERSON", "Joseph Camilleri"),
            q("a giveaway"),
            Mark {
                kind: AnnotationKind::Entity,
                label: "PERSON",
                needle: "Camilleri",
                nth: 1,
            },
            e("DATE", "June"),
        ],
    );
    d.meta.title = Some("Harbour board backs pier sale".into());
    d.meta.byline = Some("By Lena Ortiz".into());
    d.regions = vec![
        Region {
            span: span_of(HARBOUR, "Harbour board backs pier sale", 0),
            kind: RegionKind::Headline,
        },
        Region {
            span: span_of(HARBOUR, "By Lena Ortiz", 0),
            kind: RegionKind::Byline,
        },
        Region {
            span: span_of(HARBOUR, "Leave a Reply", 0),
            kind: RegionKind::CommentForm,
        },
    ];
    let chair = d.new_cluster("Joseph Camilleri", "PERSON");
    let cid = chair.id;
    let quote = find_id(&d, "This is the best offer we will ever see,", 0);
    let scare = find_id(&d, "a giveaway", 0);
    let full = find_id(&d, "Joseph Camilleri", 0);
    let short = find_id(&d, "Camilleri", 0);
    let wire = find_id(&d, "Apostil Wire", 0);
    let tuesday = find_id(&d, "Tuesday", 0);
    let user = d
        .new_annotation(
            AnnotationKind::User,
            "ASSET",
            span_of(HARBOUR, "old customs pier", 0),
            Origin::User,
        )
        .unwrap();
    let edits = vec![
        Edit::AddCluster { cluster: chair },
        Edit::SetCluster {
            id: full,
            cluster: Some(cid),
        },
        Edit::SetCluster {
            id: short,
            cluster: Some(cid),
        },
        Edit::SetSpeaker {
            id: quote,
            speaker: Some(SpeakerLink {
                span: span_of(HARBOUR, "Joseph Camilleri", 0),
                cluster: Some(cid),
            }),
        },
        Edit::SetStatus {
            id: quote,
            status: Status::Accepted,
        },
        Edit::SetStatus {
            id: wire,
            status: Status::Rejected,
        },
        Edit::SetNote {
            id: tuesday,
            note: Some("Tuesday, 2 March, per the board's minutes".into()),
        },
        Edit::Add { annotation: user },
    ];
    for edit in edits {
        d.apply(edit).unwrap();
    }
    let s = d
        .annotations
        .iter_mut()
        .find(|a| a.id == scare)
        .expect("scare quote");
    s.quote_kind = Some(QuoteKind::Scare);
    d
}

fn lab() -> Document {
    let mut d = build(
        "lab-zurich",
        LAB,
        &[
            e("GPE", "Zürich"),
            e("ORG", "Institut für Materialforschung"),
            Mark {
                kind: AnnotationKind::Entity,
                label: "GPE",
                needle: "Zürich",
                nth: 1,
            },
            e("DATE", "Monday"),
            e("PERCENT", "48%"),
            e("DATE", "2025"),
            q("We did not expect this,"),
            e("PERSON", "Aiko Tanaka"),
            e("CARDINAL", "12"),
        ],
    );
    let quote = find_id(&d, "We did not expect this,", 0);
    let headline_gpe = find_id(&d, "Zürich", 0);
    let cluster = ClusterInfo {
        id: apostil_core::document::ClusterId(d.alloc_id()),
        canonical: "Aiko Tanaka".into(),
        label: "PERSON".into(),
    };
    let tanaka = find_id(&d, "Aiko Tanaka", 0);
    for edit in [
        Edit::AddCluster {
            cluster: cluster.clone(),
        },
        Edit::SetCluster {
            id: tanaka,
            cluster: Some(cluster.id),
        },
        Edit::SetSpeaker {
            id: quote,
            speaker: Some(SpeakerLink {
                span: span_of(LAB, "Aiko Tanaka", 0),
                cluster: Some(cluster.id),
            }),
        },
        Edit::SetStatus {
            id: headline_gpe,
            status: Status::Accepted,
        },
    ] {
        d.apply(edit).unwrap();
    }
    d.meta.title = Some("Zürich lab doubles output".into());
    d
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run UPDATE_GOLDEN=1 cargo test -p apostil-core --test golden",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{name} differs from its snapshot; if intended, run UPDATE_GOLDEN=1 cargo test -p apostil-core --test golden\n--- expected\n{expected}\n--- actual\n{actual}"
    );
}

#[test]
fn golden_exports() {
    for doc in [harbour(), lab()] {
        for a in &doc.annotations {
            assert_eq!(doc.slice(a.span), Some(a.exact.as_str()));
        }
        for f in Format::ALL {
            for file in formats::export(&doc, f).unwrap() {
                if file.name.ends_with(".txt") {
                    assert_eq!(file.content, doc.text);
                    continue;
                }
                check(&file.name, &file.content);
            }
        }
        // Lossless formats read their snapshot back to the same document.
        let apostil =
            std::fs::read_to_string(golden_dir().join(format!("{}.apostil.json", doc.id))).unwrap();
        assert_eq!(
            formats::import(&apostil, Format::Apostil).unwrap(),
            vec![doc.clone()]
        );
        let w3c = std::fs::read_to_string(golden_dir().join(format!("{}.jsonld", doc.id))).unwrap();
        assert_eq!(
            formats::import(&w3c, Format::W3c).unwrap(),
            vec![doc.clone()]
        );
    }
    let lib = formats::export_library(&[harbour(), lab()], Format::Apostil).unwrap();
    check("library.apostil.json", &lib[0].content);
}

// ---- the JSON Schema describes what we write ----------------------------------------------------

/// A small validator for the JSON Schema keywords the Apostil schema uses: `$ref` (local),
/// `type`, `properties`, `required`, `additionalProperties: false`, `items`, `enum`, `const`,
/// `minimum`, `minLength`, `pattern` (only the `^sha256:` one), `oneOf`, `allOf`.
fn validate(schema: &Value, root: &Value, v: &Value, path: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local ref");
        errs.extend(validate(&root["$defs"][name], root, v, path));
    }
    if let Some(t) = schema.get("type").and_then(Value::as_str) {
        let ok = match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "null" => v.is_null(),
            other => panic!("type {other} not supported"),
        };
        if !ok {
            errs.push(format!("{path}: not {t}"));
            return errs;
        }
    }
    if let Some(c) = schema.get("const").filter(|c| *c != v) {
        errs.push(format!("{path}: not {c}"));
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        errs.extend((!e.contains(v)).then(|| format!("{path}: {v} not in enum")));
    }
    if let (Some(m), Some(n)) = (schema.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        errs.extend((n < m).then(|| format!("{path}: below minimum")));
    }
    if let (Some(m), Some(s)) = (schema.get("minLength").and_then(Value::as_u64), v.as_str()) {
        errs.extend(((s.chars().count() as u64) < m).then(|| format!("{path}: too short")));
    }
    if schema.get("pattern").is_some() {
        let s = v.as_str().unwrap_or_default();
        let hex = s.strip_prefix("sha256:").unwrap_or("");
        if hex.len() != 64
            || !hex
                .chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_uppercase())
        {
            errs.push(format!("{path}: {s} does not match the hash pattern"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for r in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = r.as_str().unwrap();
            if !obj.contains_key(key) {
                errs.push(format!("{path}: missing {key}"));
            }
        }
        if let Some(props) = props {
            for (k, val) in obj {
                match props.get(k) {
                    Some(s) => errs.extend(validate(s, root, val, &format!("{path}.{k}"))),
                    None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                        errs.push(format!("{path}: unexpected property {k}"))
                    }
                    None => {}
                }
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), v.as_array()) {
        for (i, x) in arr.iter().enumerate() {
            errs.extend(validate(items, root, x, &format!("{path}[{i}]")));
        }
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            errs.extend(validate(s, root, v, path));
        }
    }
    if let Some(one) = schema.get("oneOf").and_then(Value::as_array) {
        let results: Vec<Vec<String>> = one.iter().map(|s| validate(s, root, v, path)).collect();
        let passing = results.iter().filter(|r| r.is_empty()).count();
        if passing != 1 {
            errs.push(format!(
                "{path}: matches {passing} of oneOf: {:?}",
                results.concat()
            ));
        }
    }
    errs
}

fn schema() -> Value {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/apostil-document.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn schema_accepts_what_we_write() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for doc in [harbour(), lab(), Document::new("empty", "")] {
        let single: Value = serde_json::from_str(&formats::apostil::export(&doc).unwrap()).unwrap();
        let errs = validate(&schema, &schema, &single, "$");
        assert!(errs.is_empty(), "{}: {errs:?}", doc.id);
    }
    let lib: Value =
        serde_json::from_str(&formats::apostil::export_library(&[harbour(), lab()]).unwrap())
            .unwrap();
    let errs = validate(&schema, &schema, &lib, "$");
    assert!(errs.is_empty(), "{errs:?}");
}

#[test]
fn schema_rejects_what_we_refuse() {
    let schema = schema();
    let good: Value = serde_json::from_str(&formats::apostil::export(&harbour()).unwrap()).unwrap();
    type Mutate = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Mutate)> = vec![
        ("future version", Box::new(|v| v["apostil"] = 2.into())),
        (
            "no version",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("apostil");
            }),
        ),
        ("bad hash", Box::new(|v| v["text_hash"] = "md5:00".into())),
        (
            "unknown kind",
            Box::new(|v| v["annotations"][0]["kind"] = "thing".into()),
        ),
        (
            "negative offset",
            Box::new(|v| v["annotations"][0]["span"]["start"] = (-1).into()),
        ),
        (
            "empty label",
            Box::new(|v| v["annotations"][0]["label"] = "".into()),
        ),
        (
            "extra field",
            Box::new(|v| v["annotations"][0]["colour"] = "red".into()),
        ),
    ];
    for (name, f) in cases {
        let mut v = good.clone();
        f(&mut v);
        assert!(
            !validate(&schema, &schema, &v, "$").is_empty(),
            "{name} passed the schema"
        );
    }
}
