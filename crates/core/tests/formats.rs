//! Exchange formats: round trips (property tests), malformed input, format details.

use apostil_core::document::{
    Annotation, AnnotationId, AnnotationKind, ClusterId, ClusterInfo, Document, Origin,
    QUOTE_LABEL, SpeakerLink, Status,
};
use apostil_core::formats::{self, Format, brat, conll, csv, jsonl, w3c};
use apostil_core::quotes::QuoteKind;
use apostil_core::text::offsets::slice_chars;
use apostil_core::{EntityLabel, FormatError, Span};
use proptest::prelude::*;

/// A predicate on an expected error.
type Check = fn(&FormatError) -> bool;

// ---- a hand-made document -------------------------------------------------------------------

const TEXT: &str = "Oskar Lind, chair of Nordvik Ferries, spoke in Tromsø on Friday.\n\
\"The route pays for itself,\" Lind said, calling the plan \"sensible\". 😀 Tickets cost €40.";

fn find(needle: &str) -> Span {
    let b = TEXT.find(needle).expect("needle");
    let s = TEXT[..b].chars().count();
    Span::new(s, s + needle.chars().count())
}

fn ann(id: u64, kind: AnnotationKind, label: &str, needle: &str) -> Annotation {
    let span = find(needle);
    Annotation {
        id: AnnotationId(id),
        kind,
        label: label.into(),
        span,
        exact: needle.into(),
        origin: Origin::Auto,
        status: Status::Suggested,
        note: None,
        cluster: None,
        speaker: None,
        quote_kind: (kind == AnnotationKind::Quote).then_some(QuoteKind::Direct),
    }
}

fn sample() -> Document {
    let mut d = Document::new("ferries-1", TEXT);
    d.meta.title = Some("Ferry chair defends route".into());
    d.clusters.push(ClusterInfo {
        id: ClusterId(1),
        canonical: "Oskar Lind".into(),
        label: "PERSON".into(),
    });
    let mut lind = ann(2, AnnotationKind::Entity, "PERSON", "Oskar Lind");
    lind.cluster = Some(ClusterId(1));
    lind.status = Status::Accepted;
    let mut org = ann(3, AnnotationKind::Entity, "ORG", "Nordvik Ferries");
    org.note = Some("a regional operator,\n\"est. 1952\"".into());
    let mut place = ann(4, AnnotationKind::Entity, "GPE", "Tromsø");
    place.status = Status::Rejected;
    let date = ann(5, AnnotationKind::Entity, "DATE", "Friday");
    let mut quote = ann(
        6,
        AnnotationKind::Quote,
        QUOTE_LABEL,
        "The route pays for itself,",
    );
    quote.speaker = Some(SpeakerLink {
        span: find("Lind said").cover(Span::new(0, 0)),
        cluster: Some(ClusterId(1)),
    });
    quote.speaker.as_mut().unwrap().span = {
        let s = find("Lind said");
        Span::new(s.start, s.start + 4)
    };
    let mut lind2 = ann(7, AnnotationKind::Entity, "PERSON", "Lind");
    lind2.span = quote.speaker.as_ref().unwrap().span;
    lind2.cluster = Some(ClusterId(1));
    let mut scare = ann(8, AnnotationKind::Quote, QUOTE_LABEL, "sensible");
    scare.quote_kind = Some(QuoteKind::Scare);
    let mut money = ann(9, AnnotationKind::Entity, "MONEY", "€40");
    money.origin = Origin::User;
    money.status = Status::Accepted;
    let mut user = ann(10, AnnotationKind::User, "ship route", "The route");
    user.origin = Origin::User;
    user.status = Status::Accepted;
    d.annotations = vec![lind, org, place, date, quote, lind2, user, scare, money];
    d.sort_annotations();
    d.next_id = 11;
    d
}

#[test]
fn sample_is_consistent() {
    let d = sample();
    for a in &d.annotations {
        assert_eq!(d.slice(a.span), Some(a.exact.as_str()), "{a:?}");
    }
}

#[test]
fn format_names() {
    for f in Format::ALL {
        assert_eq!(Format::from_name(f.name()), Some(f));
        assert_eq!(Format::from_name(&f.name().to_uppercase()), Some(f));
        assert!(!f.extension().is_empty() && !f.extension().starts_with('.'));
    }
    assert_eq!(Format::from_name("iob"), Some(Format::Conll));
    assert_eq!(Format::from_name("spacy"), Some(Format::Jsonl));
    assert_eq!(Format::from_name("xml"), None);
}

#[test]
fn detect_formats_by_content() {
    let d = sample();
    for f in Format::ALL {
        let files = formats::export(&d, f).unwrap();
        let main = files.last().unwrap();
        let want = if f == Format::Csv { None } else { Some(f) };
        assert_eq!(Format::detect(&main.content), want, "{f}");
    }
    let lib = formats::export_library(&[d.clone(), d], Format::W3c).unwrap();
    assert_eq!(Format::detect(&lib[0].content), Some(Format::W3c));
    assert_eq!(
        Format::detect("Ann B-PER\nLee I-PER\n"),
        Some(Format::Conll)
    );
    assert_eq!(Format::detect("just some prose"), None);
    assert_eq!(Format::detect(""), None);
    assert_eq!(Format::detect("{\"a\": 1}"), None);
    let apostil = formats::apostil::export(&sample()).unwrap();
    let (f, docs) = formats::import_detected(&apostil).unwrap();
    assert_eq!((f, docs), (Format::Apostil, vec![sample()]));
    assert!(matches!(
        formats::import_detected("prose"),
        Err(FormatError::Invalid(_))
    ));
}

#[test]
fn export_file_names_and_counts() {
    let d = sample();
    for f in Format::ALL {
        let files = formats::export(&d, f).unwrap();
        let want = if f == Format::Brat { 2 } else { 1 };
        assert_eq!(files.len(), want, "{f}");
        for file in &files {
            assert!(file.name.starts_with("ferries-1."), "{}", file.name);
            assert!(!file.content.is_empty());
        }
    }
    let brat = formats::export(&d, Format::Brat).unwrap();
    assert_eq!(brat[0].name, "ferries-1.txt");
    assert_eq!(brat[0].content, TEXT);
    assert_eq!(brat[1].name, "ferries-1.ann");
    assert_eq!(formats::file_stem("../etc/pass wd"), "_etc_pass_wd");
    assert_eq!(formats::file_stem(""), "document");
}

#[test]
fn apostil_round_trip_single_and_library() {
    let d = sample();
    let s = formats::export(&d, Format::Apostil)
        .unwrap()
        .remove(0)
        .content;
    assert!(s.contains("\"apostil\": 1"));
    assert_eq!(
        formats::import(&s, Format::Apostil).unwrap(),
        vec![d.clone()]
    );
    let mut e = d.clone();
    e.id = "other".into();
    let lib = formats::export_library(&[d.clone(), e.clone()], Format::Apostil).unwrap();
    assert_eq!(lib.len(), 1);
    assert_eq!(
        formats::import(&lib[0].content, Format::Apostil).unwrap(),
        vec![d, e]
    );
}

#[test]
fn w3c_round_trip_and_shape() {
    let d = sample();
    let s = w3c::export(&d).unwrap();
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v["@context"], w3c::CONTEXT);
    assert_eq!(v["type"], "AnnotationCollection");
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), d.annotations.len());
    for (item, a) in items.iter().zip(&d.annotations) {
        assert_eq!(item["type"], "Annotation");
        let sel = item["target"]["selector"].as_array().unwrap();
        assert_eq!(sel[0]["type"], "TextQuoteSelector");
        assert_eq!(sel[0]["exact"], a.exact.as_str());
        assert_eq!(sel[1]["type"], "TextPositionSelector");
        assert_eq!(sel[1]["start"], a.span.start);
        assert_eq!(sel[1]["end"], a.span.end);
        assert_eq!(item["body"][0]["purpose"], "tagging");
        assert_eq!(item["body"][0]["value"], a.label.as_str());
    }
    assert_eq!(w3c::import(&s).unwrap(), vec![d.clone()]);
    let lib = w3c::export_library(&[d.clone(), d.clone()]).unwrap();
    assert_eq!(w3c::import(&lib).unwrap().len(), 2);
}

#[test]
fn w3c_foreign_annotations_with_text() {
    // A page from another tool: no Apostil extension; one position, one quote-only selector.
    let page = r#"{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage",
      "items": [
        {"id": "http://x/1", "type": "Annotation", "motivation": "tagging",
         "body": {"type": "TextualBody", "value": "PERSON"},
         "target": {"source": "http://x/doc", "selector": {"type": "TextPositionSelector", "start": 0, "end": 10}}},
        {"id": "http://x/2", "type": "Annotation", "motivation": "commenting",
         "body": [{"type": "TextualBody", "purpose": "tagging", "value": "GPE"},
                  {"type": "TextualBody", "purpose": "commenting", "value": "city in Norway"}],
         "target": {"source": "http://x/doc", "selector": {"type": "TextQuoteSelector", "exact": "Tromsø", "prefix": "in ", "suffix": " on"}}}
      ]}"#;
    assert!(matches!(
        w3c::import(page),
        Err(FormatError::Unsupported { .. })
    ));
    let d = w3c::import_with_text("foreign", TEXT, page).unwrap();
    assert_eq!(d.annotations.len(), 2);
    assert_eq!(d.annotations[0].exact, "Oskar Lind");
    assert_eq!(d.annotations[0].kind, AnnotationKind::Entity);
    assert_eq!(d.annotations[0].origin, Origin::User);
    assert_eq!(d.annotations[1].exact, "Tromsø");
    assert_eq!(d.annotations[1].note.as_deref(), Some("city in Norway"));
}

#[test]
fn brat_export_lines() {
    let d = sample();
    let (txt, ann) = brat::export(&d).unwrap();
    assert_eq!(txt, TEXT);
    let lines: Vec<&str> = ann.lines().collect();
    assert!(lines.contains(&"T2\tPERSON 0 10\tOskar Lind"), "{ann}");
    assert!(lines.iter().any(|l| l.starts_with("T10\tship_route ")));
    assert!(lines.contains(&"R1\tSpeaker Arg1:T6 Arg2:T7"), "{ann}");
    assert!(
        lines.contains(&"#1\tAnnotatorNotes T3\ta regional operator, \"est. 1952\""),
        "{ann}"
    );
    assert!(lines.contains(&"*\tCoref T2 T7"), "{ann}");
    // Every T line's text is the text at its offsets.
    for l in lines.iter().filter(|l| l.starts_with('T')) {
        let cols: Vec<&str> = l.split('\t').collect();
        let offs = cols[1].split_once(' ').unwrap().1;
        let frags: Vec<&str> = offs
            .split(';')
            .map(|f| {
                let (a, b) = f.split_once(' ').unwrap();
                slice_chars(TEXT, Span::new(a.parse().unwrap(), b.parse().unwrap())).unwrap()
            })
            .collect();
        assert_eq!(frags.join(" "), cols[2]);
    }
    let back = brat::import_named("ferries-1", &txt, &ann).unwrap();
    assert_eq!(back.annotations.len(), d.annotations.len());
    for (a, b) in d.annotations.iter().zip(&back.annotations) {
        assert_eq!(
            (a.id, a.span, a.status, a.origin),
            (b.id, b.span, b.status, b.origin)
        );
        assert_eq!(a.label.replace(' ', "_"), b.label);
        assert_eq!(a.quote_kind, b.quote_kind);
        assert_eq!(
            a.speaker.as_ref().map(|s| s.span),
            b.speaker.as_ref().map(|s| s.span)
        );
    }
    // The cluster came back as a Coref group.
    let lind = back.get(AnnotationId(2)).unwrap().cluster;
    assert!(lind.is_some());
    assert_eq!(back.get(AnnotationId(7)).unwrap().cluster, lind);
}

#[test]
fn brat_span_across_a_line_break_is_fragmented() {
    let mut d = Document::new("x", "New\nYork is big");
    let a = d
        .new_annotation(AnnotationKind::Entity, "GPE", Span::new(0, 8), Origin::User)
        .unwrap();
    d.apply(apostil_core::Edit::Add { annotation: a }).unwrap();
    let (txt, ann) = brat::export(&d).unwrap();
    assert_eq!(ann.lines().next(), Some("T1\tGPE 0 3;4 8\tNew York"));
    let back = brat::import(&txt, &ann).unwrap();
    assert_eq!(back.annotations[0].span, Span::new(0, 8));
}

#[test]
fn brat_malformed() {
    let cases: Vec<(&str, Check)> = vec![
        ("T1\tPERSON 0 9999\tOskar", |e| {
            matches!(e, FormatError::SpanOutsideText { .. })
        }),
        ("T1\tPERSON 0 5\tWrong", |e| {
            matches!(e, FormatError::ExactMismatch { .. })
        }),
        ("T1\tPERSON zero 5\tOskar", |e| {
            matches!(e, FormatError::Syntax { line: 1, .. })
        }),
        ("T1\tPERSON 0 1180591620717411303424\tOskar", |e| {
            matches!(e, FormatError::Syntax { .. })
        }),
        ("T1\tPERSON 5 0\tOskar", |e| {
            matches!(e, FormatError::EmptySpan { .. })
        }),
        ("T1\tPERSON\tOskar", |e| {
            matches!(e, FormatError::Syntax { .. })
        }),
        ("T1\tPERSON 0 5\tOskar\n#1\tAnnotatorNotes T9\tx", |e| {
            matches!(e, FormatError::DanglingReference { .. })
        }),
        ("T1\tPERSON 0 5\tOskar\nT1\tORG 0 5\tOskar", |e| {
            matches!(e, FormatError::Syntax { line: 2, .. })
        }),
    ];
    for (ann, ok) in cases {
        let err = brat::import(TEXT, ann).unwrap_err();
        assert!(ok(&err), "{ann:?} gave {err:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn conll_export_import() {
    let d = sample();
    // The sample has no overlapping entities; rejected Tromsø is left out.
    let s = conll::export(&d).unwrap();
    assert!(s.starts_with("-DOCSTART-\tO\n\n"));
    assert!(s.contains("Oskar\tB-PERSON\nLind\tI-PERSON\n,\tO\n"), "{s}");
    assert!(s.contains("Tromsø\tO\n"));
    assert!(s.contains("Nordvik\tB-ORG\nFerries\tI-ORG\n"));
    let docs = conll::import(&s).unwrap();
    assert_eq!(docs.len(), 1);
    let labels: Vec<(&str, &str)> = docs[0]
        .annotations
        .iter()
        .map(|a| (a.exact.as_str(), a.label.as_str()))
        .collect();
    assert!(labels.contains(&("Oskar Lind", "PERSON")), "{labels:?}");
    assert!(labels.contains(&("Nordvik Ferries", "ORG")));
    assert!(!labels.iter().any(|(_, l)| *l == "GPE"));

    // Overlapping entities cannot be written.
    let mut o = sample();
    let a = o
        .new_annotation(
            AnnotationKind::Entity,
            "ORG",
            find("Lind, chair"),
            Origin::User,
        )
        .unwrap();
    o.apply(apostil_core::Edit::Add { annotation: a }).unwrap();
    assert!(matches!(
        conll::export(&o),
        Err(FormatError::Overlap { .. })
    ));

    // IOB1, BIOES and several documents.
    let input = "-DOCSTART- -X- O O\n\nAnn NNP B-NP I-PER\nLee NNP I-NP I-PER\nran VBD O O\n\n\
                 -DOCSTART- -X- O O\n\nIn O\nNew B-GPE\nYork E-GPE\nParis S-GPE\n";
    let docs = conll::import(input).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].text, "Ann Lee ran");
    assert_eq!(docs[0].annotations[0].exact, "Ann Lee");
    assert_eq!(docs[0].annotations[0].kind, AnnotationKind::User);
    let got: Vec<&str> = docs[1]
        .annotations
        .iter()
        .map(|a| a.exact.as_str())
        .collect();
    assert_eq!(got, ["New York", "Paris"]);
    assert!(matches!(
        conll::import("Ann X-PER\n"),
        Err(FormatError::Syntax { line: 1, .. })
    ));
    assert!(matches!(
        conll::import("Ann\n"),
        Err(FormatError::Syntax { line: 1, .. })
    ));
}

#[test]
fn csv_rows_quoting_and_formula_safety() {
    assert_eq!(csv::cell("plain"), "plain");
    assert_eq!(csv::cell("a,b"), "\"a,b\"");
    assert_eq!(csv::cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv::cell("two\nlines"), "\"two\nlines\"");
    for bad in ["=SUM(A1)", "+1", "-2", "@cmd", "\tx"] {
        assert!(
            csv::cell(bad).trim_start_matches('"').starts_with('\''),
            "{bad}"
        );
    }
    assert_eq!(csv::cell("=1,2"), "\"'=1,2\"");
    let d = sample();
    let s = csv::export(&d).unwrap();
    let mut lines = s.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("id,kind,label,start,end,exact,status,origin,note,speaker,cluster,cluster_name")
    );
    assert!(s.contains("2,entity,PERSON,0,10,Oskar Lind,accepted,auto,,,1,Oskar Lind\r\n"));
    assert!(s.contains("\"a regional operator,\n\"\"est. 1952\"\"\""));
    let lib = csv::export_library(&[d.clone(), d]).unwrap();
    assert!(lib.starts_with("document,id,"));
    assert!(lib.contains("\r\nferries-1,2,entity,"));
}

#[test]
fn jsonl_export_import_and_prediction() {
    let d = sample();
    let line = jsonl::export_line(&d).unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["text"], TEXT);
    let ents = v["ents"].as_array().unwrap();
    assert!(
        ents.iter().all(|e| e["label"] != "GPE"),
        "rejected left out"
    );
    assert_eq!(v["quotes"].as_array().unwrap().len(), 2);
    let back = jsonl::import(&line).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].id, "ferries-1");
    let spans: Vec<Span> = back[0].annotations.iter().map(|a| a.span).collect();
    for a in d
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected)
    {
        assert!(spans.contains(&a.span), "{a:?}");
    }
    let q = back[0]
        .annotations
        .iter()
        .find(|a| a.exact == "The route pays for itself,")
        .unwrap();
    assert_eq!(q.speaker.as_ref().unwrap().span.len(), 4);

    // The gold form of the shared data reads too.
    let gold = r#"{"id": "g1", "text": "Ann Lee said \"yes\".", "entities": [{"start": 0, "end": 7, "label": "PERSON", "accept": ["PERSON"]}], "quotes": [{"start": 14, "end": 17, "speaker": {"start": 0, "end": 7}}]}"#;
    let g = jsonl::import(gold).unwrap();
    assert_eq!(g[0].annotations.len(), 2);

    // Prediction from a document: the score.py shape.
    let p: serde_json::Value = serde_json::from_str(&jsonl::prediction_from_document(&d)).unwrap();
    assert_eq!(p["id"], "ferries-1");
    let ents = p["entities"].as_array().unwrap();
    assert!(ents.iter().all(|e| e.as_object().unwrap().len() == 3));
    assert!(
        ents.iter()
            .all(|e| e["label"].as_str().unwrap().parse::<EntityLabel>().is_ok())
    );
    let qs = p["quotes"].as_array().unwrap();
    assert!(qs.iter().any(|q| q["speaker"].is_null()));
    assert!(qs.iter().any(|q| q["speaker"]["end"].is_u64()));
}

#[test]
fn prediction_shape_is_stable() {
    let mut a = apostil_core::Analysis::default();
    a.entities.push(apostil_core::entities::Entity::new(
        Span::new(0, 3),
        EntityLabel::Person,
        apostil_core::entities::EntitySource::Rule,
        1.0,
    ));
    a.quotes.push(apostil_core::quotes::Quote {
        span: Span::new(5, 9),
        outer: Span::new(4, 10),
        kind: QuoteKind::Direct,
        depth: 0,
        speaker: Some(apostil_core::quotes::Speaker {
            mention: Span::new(0, 3),
            cluster: None,
        }),
    });
    a.quotes.push(apostil_core::quotes::Quote {
        span: Span::new(12, 14),
        outer: Span::new(11, 15),
        kind: QuoteKind::Scare,
        depth: 0,
        speaker: None,
    });
    let p: serde_json::Value = serde_json::from_str(&jsonl::prediction("d1", &a)).unwrap();
    assert_eq!(
        p,
        serde_json::json!({"id": "d1",
            "entities": [{"start": 0, "end": 3, "label": "PERSON"}],
            "quotes": [{"start": 5, "end": 9, "speaker": {"start": 0, "end": 3}},
                       {"start": 12, "end": 14, "speaker": null}]})
    );
}

#[test]
fn jsonl_malformed() {
    let cases: Vec<(&str, Check)> = vec![
        (
            "{\"text\": \"abc\", \"ents\": [{\"start\": 0, \"end\": 9, \"label\": \"X\"}]}",
            |e| matches!(e, FormatError::SpanOutsideText { .. }),
        ),
        ("{\"text\": \"abc\"}\n{\"text\": 5}", |e| {
            matches!(e, FormatError::Syntax { line: 2, .. })
        }),
        (
            "{\"text\": \"abc\", \"ents\": [{\"start\": 1e30, \"end\": 2, \"label\": \"X\"}]}",
            |e| matches!(e, FormatError::Syntax { .. }),
        ),
        ("not json", |e| {
            matches!(e, FormatError::Syntax { line: 1, .. })
        }),
        (
            "{\"text\": \"abc\", \"ents\": [{\"start\": 0, \"end\": 2, \"label\": \"\"}]}",
            |e| matches!(e, FormatError::Invalid(_)),
        ),
    ];
    for (input, ok) in cases {
        let err = jsonl::import(input).unwrap_err();
        assert!(ok(&err), "{input:?} gave {err:?}");
    }
}

// ---- malformed Apostil JSON and W3C -----------------------------------------------------------

fn apostil_json_with(f: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(&formats::apostil::export(&sample()).unwrap()).unwrap();
    f(&mut v);
    v.to_string()
}

#[test]
fn apostil_malformed_input_is_refused_with_a_typed_error() {
    let cases: Vec<(&str, String, Check)> = vec![
        ("bad json", "{\"apostil\": 1,".into(), |e| {
            matches!(e, FormatError::Syntax { .. })
        }),
        ("not an object", "[1,2]".into(), |e| {
            matches!(e, FormatError::Invalid(_))
        }),
        (
            "no version",
            apostil_json_with(|v| {
                v.as_object_mut().unwrap().remove("apostil");
            }),
            |e| matches!(e, FormatError::Invalid(m) if m.contains("version")),
        ),
        (
            "future version",
            apostil_json_with(|v| v["apostil"] = 2.into()),
            |e| {
                matches!(
                    e,
                    FormatError::UnsupportedVersion {
                        found: 2,
                        supported: 1
                    }
                )
            },
        ),
        (
            "huge version",
            apostil_json_with(|v| v["apostil"] = serde_json::json!(1e30)),
            |e| matches!(e, FormatError::UnsupportedVersion { .. }),
        ),
        (
            "version as text",
            apostil_json_with(|v| v["apostil"] = "1".into()),
            |e| matches!(e, FormatError::Invalid(_)),
        ),
        (
            "hash mismatch",
            apostil_json_with(|v| v["text"] = "changed".into()),
            |e| matches!(e, FormatError::HashMismatch { .. }),
        ),
        (
            "span outside",
            apostil_json_with(|v| v["annotations"][0]["span"]["end"] = 9999.into()),
            |e| matches!(e, FormatError::SpanOutsideText { .. }),
        ),
        (
            "empty span",
            apostil_json_with(|v| v["annotations"][0]["span"]["end"] = 0.into()),
            |e| matches!(e, FormatError::EmptySpan { .. }),
        ),
        (
            "exact mismatch",
            apostil_json_with(|v| v["annotations"][0]["exact"] = "Oskar Lund".into()),
            |e| matches!(e, FormatError::ExactMismatch { .. }),
        ),
        (
            "1e30 offset",
            apostil_json_with(|v| v["annotations"][0]["span"]["end"] = serde_json::json!(1e30)),
            |e| matches!(e, FormatError::Syntax { .. }),
        ),
        (
            "2^70 offset",
            apostil_json_with(|v| v["annotations"][0]["span"]["end"] = 0.into()).replacen(
                "\"end\":0",
                "\"end\":1180591620717411303424",
                1,
            ),
            |e| matches!(e, FormatError::Syntax { .. }),
        ),
        (
            "negative offset",
            apostil_json_with(|v| v["annotations"][0]["span"]["start"] = (-1).into()),
            |e| matches!(e, FormatError::Syntax { .. }),
        ),
        (
            "wrong type",
            apostil_json_with(|v| v["annotations"][0]["label"] = 5.into()),
            |e| matches!(e, FormatError::Syntax { .. }),
        ),
        (
            "unknown kind",
            apostil_json_with(|v| v["annotations"][0]["kind"] = "thing".into()),
            |e| matches!(e, FormatError::Syntax { .. }),
        ),
        (
            "duplicate id",
            apostil_json_with(|v| v["annotations"][1]["id"] = v["annotations"][0]["id"].clone()),
            |e| {
                matches!(
                    e,
                    FormatError::DuplicateId {
                        what: "annotation",
                        ..
                    }
                )
            },
        ),
        (
            "dangling cluster",
            apostil_json_with(|v| v["annotations"][1]["cluster"] = 77.into()),
            |e| matches!(e, FormatError::DanglingReference { .. }),
        ),
        (
            "speaker outside",
            apostil_json_with(|v| {
                let anns = v["annotations"].as_array_mut().unwrap();
                let q = anns.iter_mut().find(|a| a["kind"] == "quote").unwrap();
                q["speaker"]["span"]["end"] = 100000.into();
            }),
            |e| matches!(e, FormatError::SpanOutsideText { .. }),
        ),
        (
            "library with a bad document",
            {
                let lib = formats::apostil::export_library(&[sample()]).unwrap();
                lib.replacen("\"Oskar Lind\"", "\"Oskar Lynd\"", 1)
            },
            |e| {
                matches!(
                    e,
                    FormatError::ExactMismatch { .. } | FormatError::Syntax { .. }
                )
            },
        ),
    ];
    for (name, input, ok) in cases {
        let err = formats::import(&input, Format::Apostil).expect_err(name);
        assert!(ok(&err), "{name}: {err:?}");
        let msg = err.to_string();
        assert!(!msg.is_empty(), "{name}");
    }
    let msg = formats::import(
        &apostil_json_with(|v| v["apostil"] = 2.into()),
        Format::Apostil,
    )
    .unwrap_err()
    .to_string();
    assert!(
        msg.contains("version 2") && msg.contains("Update Apostil"),
        "{msg}"
    );
}

#[test]
fn w3c_malformed_input_is_refused() {
    let good: serde_json::Value = serde_json::from_str(&w3c::export(&sample()).unwrap()).unwrap();
    let with = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        v.to_string()
    };
    let cases: Vec<(&str, String, Check)> = vec![
        ("bad json", "{".into(), |e| {
            matches!(e, FormatError::Syntax { .. })
        }),
        ("no type", "{}".into(), |e| {
            matches!(e, FormatError::Invalid(_))
        }),
        (
            "position outside",
            with(&|v| v["first"]["items"][0]["target"]["selector"][1]["end"] = 5000.into()),
            |e| matches!(e, FormatError::SpanOutsideText { .. }),
        ),
        (
            "quote mismatch",
            with(&|v| v["first"]["items"][0]["target"]["selector"][0]["exact"] = "Someone".into()),
            |e| matches!(e, FormatError::ExactMismatch { .. }),
        ),
        (
            "huge position",
            with(&|v| {
                v["first"]["items"][0]["target"]["selector"][1]["end"] = serde_json::json!(1e30)
            }),
            |e| matches!(e, FormatError::Invalid(m) if m.contains("whole number")),
        ),
        (
            "text changed",
            with(&|v| v["apostil:document"]["text"] = "x".into()),
            |e| matches!(e, FormatError::HashMismatch { .. }),
        ),
        (
            "future version",
            with(&|v| v["apostil:document"]["apostil"] = 9.into()),
            |e| matches!(e, FormatError::UnsupportedVersion { found: 9, .. }),
        ),
        (
            "no target",
            with(&|v| {
                v["first"]["items"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("target");
            }),
            |e| matches!(e, FormatError::Invalid(_)),
        ),
    ];
    for (name, input, ok) in cases {
        let err = w3c::import(&input).expect_err(name);
        assert!(ok(&err), "{name}: {err:?}");
    }
}

// ---- property tests ---------------------------------------------------------------------------

fn arb_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("Ola "),
            Just("Nordmann"),
            Just("é"),
            Just("😀"),
            Just(" "),
            Just("\n"),
            Just("\r\n"),
            Just("\t"),
            Just("\""),
            Just(","),
            Just("東京"),
            Just("=1"),
        ],
        1..40,
    )
    .prop_map(|v| v.concat())
}

#[derive(Clone, Debug)]
struct AnnSpec {
    a: usize,
    b: usize,
    label: usize,
    status: usize,
    origin: bool,
    note: Option<String>,
    cluster: Option<usize>,
    speaker: Option<(usize, usize, Option<usize>)>,
    scare: bool,
}

fn arb_ann() -> impl Strategy<Value = AnnSpec> {
    (
        (
            any::<usize>(),
            1usize..12,
            0usize..6,
            0usize..3,
            any::<bool>(),
        ),
        proptest::option::of("[a-z ,\"\n\t=é]{0,12}"),
        proptest::option::of(0usize..3),
        proptest::option::of((any::<usize>(), 1usize..6, proptest::option::of(0usize..3))),
        any::<bool>(),
    )
        .prop_map(
            |((a, b, label, status, origin), note, cluster, speaker, scare)| AnnSpec {
                a,
                b,
                label,
                status,
                origin,
                note,
                cluster,
                speaker,
                scare,
            },
        )
}

const LABELS: [&str; 6] = ["PERSON", "ORG", "QUOTE", "DATE", "my tag", "WORK_OF_ART"];

fn build(text: String, specs: Vec<AnnSpec>, n_clusters: usize) -> Document {
    let len = text.chars().count();
    let mut d = Document::new("doc/π 1", text);
    d.meta.title = Some("A title".into());
    for c in 0..n_clusters {
        let info = d.new_cluster(format!("cluster {c}"), "PERSON");
        d.clusters.push(info);
    }
    for s in specs {
        let start = s.a % len;
        let span = Span::new(start, (start + s.b).min(len));
        if span.is_empty() {
            continue;
        }
        let label = LABELS[s.label];
        let kind = match label {
            "QUOTE" => AnnotationKind::Quote,
            "my tag" => AnnotationKind::User,
            _ => AnnotationKind::Entity,
        };
        let origin = if s.origin { Origin::User } else { Origin::Auto };
        let mut a = d.new_annotation(kind, label, span, origin).unwrap();
        a.status = [Status::Suggested, Status::Accepted, Status::Rejected][s.status];
        a.note = s.note;
        a.cluster = s
            .cluster
            .filter(|_| n_clusters > 0)
            .map(|c| d.clusters[c % n_clusters].id);
        if kind == AnnotationKind::Quote {
            a.quote_kind = Some(if s.scare {
                QuoteKind::Scare
            } else {
                QuoteKind::Direct
            });
            a.speaker = s.speaker.and_then(|(x, y, c)| {
                let st = x % len;
                let sp = Span::new(st, (st + y).min(len));
                (!sp.is_empty()).then(|| SpeakerLink {
                    span: sp,
                    cluster: c
                        .filter(|_| n_clusters > 0)
                        .map(|c| d.clusters[c % n_clusters].id),
                })
            });
        }
        d.apply(apostil_core::Edit::Add { annotation: a }).unwrap();
    }
    d
}

fn arb_doc() -> impl Strategy<Value = Document> {
    (
        arb_text(),
        proptest::collection::vec(arb_ann(), 0..12),
        0usize..3,
    )
        .prop_map(|(t, s, c)| build(t, s, c))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn apostil_json_round_trip_is_identity(d in arb_doc()) {
        let files = formats::export(&d, Format::Apostil).unwrap();
        let back = formats::import(&files[0].content, Format::Apostil).unwrap();
        prop_assert_eq!(back, vec![d]);
    }

    #[test]
    fn w3c_round_trip_is_identity_and_selectors_match(d in arb_doc()) {
        let s = w3c::export(&d).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        for item in v["first"]["items"].as_array().unwrap() {
            let sel = &item["target"]["selector"];
            let span = Span::new(sel[1]["start"].as_u64().unwrap() as usize, sel[1]["end"].as_u64().unwrap() as usize);
            prop_assert_eq!(slice_chars(&d.text, span), sel[0]["exact"].as_str());
        }
        let back = w3c::import(&s).unwrap();
        prop_assert_eq!(back, vec![d]);
    }

    #[test]
    fn brat_round_trip_keeps_what_it_represents(d in arb_doc()) {
        let (txt, ann) = brat::export(&d).unwrap();
        let back = brat::import_named(&d.id, &txt, &ann).unwrap();
        prop_assert_eq!(&back.text, &d.text);
        prop_assert_eq!(back.annotations.len(), d.annotations.len());
        for (a, b) in d.annotations.iter().zip(&back.annotations) {
            prop_assert_eq!(a.id, b.id);
            prop_assert_eq!(a.span, b.span);
            prop_assert_eq!(&a.exact, &b.exact);
            prop_assert_eq!(a.label.replace(' ', "_"), b.label.clone());
            prop_assert_eq!(a.kind, b.kind);
            prop_assert_eq!(a.status, b.status);
            prop_assert_eq!(a.origin, b.origin);
            prop_assert_eq!(a.quote_kind, b.quote_kind);
            let one_line = |s: &str| s.replace(['\n', '\r', '\t'], " ");
            prop_assert_eq!(a.note.as_deref().map(one_line), b.note.clone());
            prop_assert_eq!(a.speaker.as_ref().map(|s| s.span), b.speaker.as_ref().map(|s| s.span));
        }
    }

    #[test]
    fn every_format_exports_without_panicking(d in arb_doc()) {
        for f in Format::ALL {
            match formats::export(&d, f) {
                Ok(files) => prop_assert!(!files.is_empty()),
                Err(e) => prop_assert!(f == Format::Conll && matches!(e, FormatError::Overlap { .. }), "{f}: {e}"),
            }
        }
        let lib = [d.clone(), d];
        for f in Format::ALL {
            let _ = formats::export_library(&lib, f);
        }
    }

    #[test]
    fn jsonl_and_conll_imports_keep_exact(d in arb_doc()) {
        let line = jsonl::export_line(&d).unwrap();
        for doc in jsonl::import(&line).unwrap() {
            for a in &doc.annotations {
                prop_assert_eq!(slice_chars(&doc.text, a.span), Some(a.exact.as_str()));
            }
        }
        if let Ok(s) = conll::export(&d) {
            for doc in conll::import(&s).unwrap() {
                for a in &doc.annotations {
                    prop_assert_eq!(slice_chars(&doc.text, a.span), Some(a.exact.as_str()));
                }
            }
        }
    }

    /// CSV quoting is reversible: every row parses back to 12 cells, and the exact/label/note
    /// cells give back the annotation's text (after the formula guard is taken off).
    #[test]
    fn csv_parses_back(d in arb_doc()) {
        let s = csv::export(&d).unwrap();
        let rows = parse_csv(&s);
        prop_assert_eq!(rows.len(), d.annotations.len() + 1);
        let unguard = |c: &str| {
            if c.starts_with('\'') && c[1..].starts_with(['=', '+', '-', '@', '\t', '\r']) {
                c[1..].to_string()
            } else {
                c.to_string()
            }
        };
        for (row, a) in rows[1..].iter().zip(&d.annotations) {
            prop_assert_eq!(row.len(), 12);
            prop_assert_eq!(&row[0], &a.id.0.to_string());
            prop_assert_eq!(unguard(&row[2]), a.label.clone());
            prop_assert_eq!(unguard(&row[5]), a.exact.clone());
            prop_assert_eq!(unguard(&row[8]), a.note.clone().unwrap_or_default());
        }
        let lib = formats::export_library(&[d.clone(), d.clone()], Format::Brat).unwrap();
        prop_assert_eq!(lib.len(), 5);
        prop_assert_eq!(lib[1].name.as_str(), "doc_π_1.ann");
        prop_assert_eq!(lib[3].name.as_str(), "doc_π_1-2.ann");
        prop_assert_eq!(lib[4].name.as_str(), "annotation.conf");
    }

    /// Arbitrary bytes never panic an importer.
    #[test]
    fn importers_never_panic(input in "\\PC{0,200}") {
        for f in Format::ALL {
            let _ = formats::import(&input, f);
        }
        let _ = brat::import("some text here", &input);
        let _ = w3c::import_with_text("x", "some text here", &input);
    }
}

/// A strict RFC 4180 reader (CRLF rows, quoted fields with doubled quotes).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        cell.is_empty() && row.is_empty(),
        "last row not ended by CRLF"
    );
    rows
}
