//! In-browser tests (wasm-bindgen-test, Chromium) for long documents: re-analysis from the
//! worker's document gives what re-analysis on the page gives, the content key moves with every
//! change of the document and only then, search hits are stepped in the model, and pasted HTML
//! is spliced into the text box through `Utf16Map`.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p apostil-app --test web_render`
#![cfg(target_arch = "wasm32")]

use apostil_app::dom::splice_utf16;
use apostil_app::state::{Action, State, analysis_of};
use apostil_core::{Document, Edit, Span, Status};
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "Harbour towns argue over the sea wall\n\nWRENFIELD — The Wrenfield Harbour Trust asked Oldmere District Council on 3 March 2021 for €12 million. \"Nobody here will accept another winter without a wall,\" said Ilse Brandvold, a councillor. Brandvold left before the vote.\n\nYusuf Olcay said the Pellham Grid Company had paid 7 percent of the cost.";

fn fresh(id: &str) -> Document {
    let analysis = apostil_core::analyze(TEXT);
    apostil_app::model::from_analysis(id, TEXT, &analysis)
}

fn shape(d: &Document) -> Vec<(String, Span, Status, Option<String>)> {
    d.annotations
        .iter()
        .map(|a| {
            let speaker = a.speaker.as_ref().map(|s| format!("{:?}", s.span));
            (a.label.clone(), a.span, a.status, speaker)
        })
        .collect()
}

#[wasm_bindgen_test]
fn reanalysis_from_the_workers_document_matches_reanalysis_on_the_page() {
    let mut doc = fresh("doc-long");
    assert!(doc.annotations.len() >= 5, "{:?}", shape(&doc));
    // A decision and a hand-made annotation, which both paths must keep.
    let first = doc.annotations[0].id;
    doc.apply(Edit::SetStatus {
        id: first,
        status: Status::Accepted,
    })
    .unwrap();
    let opened = Rc::new(State::default()).reduce(Action::Open(Rc::new(doc), 0));
    let here = opened.clone().reduce(Action::Reanalyze);
    let there = opened.reduce(Action::Reanalyzed(Rc::new(fresh("doc-long"))));
    let (a, b) = (here.doc.as_ref().unwrap(), there.doc.as_ref().unwrap());
    assert_eq!(shape(a), shape(b));
    assert_eq!(a.clusters, b.clusters);
    assert_eq!(a.get(first).map(|x| x.status), Some(Status::Accepted));
    // The analysis rebuilt from a document holds its entities and quotes.
    let an = analysis_of(&fresh("x"));
    assert_eq!(
        an.entities.len() + an.quotes.len(),
        fresh("x").annotations.len()
    );
}

#[wasm_bindgen_test]
fn a_reanalysis_for_another_document_is_ignored() {
    let opened = Rc::new(State::default()).reduce(Action::Open(Rc::new(fresh("doc-a")), 0));
    let key = opened.doc_key();
    let after = opened.reduce(Action::Reanalyzed(Rc::new(fresh("doc-b"))));
    assert_eq!(after.doc_key(), key);
}

#[wasm_bindgen_test]
fn the_content_key_moves_with_the_document_only() {
    let s = Rc::new(State::default()).reduce(Action::Open(Rc::new(fresh("doc-k")), 0));
    let k0 = s.doc_key();
    let id = s.doc.as_ref().unwrap().annotations[0].id;
    let s = s.reduce(Action::Select(Some(id)));
    let s = s.reduce(Action::Query("wall".into()));
    assert_eq!(
        s.doc_key(),
        k0,
        "selection and search leave the content key"
    );
    let s = s.reduce(Action::Decide(true));
    let k1 = s.doc_key();
    assert_ne!(k1, k0, "an edit moves it");
    let s = s.reduce(Action::Undo);
    assert_ne!(s.doc_key(), k1, "undo moves it");
    let k2 = s.doc_key();
    let s = s.reduce(Action::Close);
    let s = s.reduce(Action::Open(Rc::new(fresh("doc-k")), 0));
    assert_ne!(s.doc_key(), k2, "another copy moves it");
}

#[wasm_bindgen_test]
fn a_new_query_forgets_the_current_hit() {
    let s = Rc::new(State::default()).reduce(Action::Open(Rc::new(fresh("doc-h")), 0));
    let s = s.reduce(Action::Query("wall".into()));
    let s = s.reduce(Action::Hit(Some(Span::new(33, 37))));
    assert_eq!(s.hit, Some(Span::new(33, 37)));
    let s = s.reduce(Action::Query("walls".into()));
    assert_eq!(s.hit, None);
}

#[wasm_bindgen_test]
fn pasted_text_is_spliced_at_utf16_offsets_across_astral_characters() {
    // "🌊" is one code point and two UTF-16 units.
    // (text, selection start and end in UTF-16 units, pasted text, result)
    type Case = (
        &'static str,
        Option<usize>,
        Option<usize>,
        &'static str,
        &'static str,
    );
    let cases: &[Case] = &[
        ("ab🌊cd", Some(4), Some(4), "X", "ab🌊Xcd"),
        ("ab🌊cd", Some(2), Some(4), "X", "abXcd"),
        ("ab🌊cd", Some(0), Some(0), "X", "Xab🌊cd"),
        ("ab🌊cd", None, None, "X", "ab🌊cdX"),
        ("ab🌊cd", Some(6), Some(2), "X", "ab🌊cdX"),
        ("🌊🌊", Some(2), Some(4), "—", "🌊—"),
        ("", Some(0), Some(0), "new", "new"),
    ];
    for (text, a, b, insert, want) in cases {
        assert_eq!(
            splice_utf16(text, *a, *b, insert),
            *want,
            "{text:?} {a:?}..{b:?}"
        );
    }
}
