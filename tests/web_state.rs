//! In-browser tests (wasm-bindgen-test, Chromium): the reducer and its undo log, the
//! IndexedDB library on a real database, and the DOM edge (pasted HTML, selections).
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown -p apostil-app --test web_state`
//! with `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner`.
#![cfg(target_arch = "wasm32")]

use apostil_app::state::{Action, End, GroupKey, State};
use apostil_app::storage::{self, StorageError, Store};
use apostil_core::{AnnotationKind, Document, Edit, Origin, Span, Status};
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "Mayor Ruth Calder opened the Mill Street Bridge on Friday. \"It is safe,\" Calder said. Engineer Tomasz Wolny agreed.";

fn span_of(needle: &str, nth: usize) -> Span {
    let mut from = 0;
    let mut at = 0;
    for _ in 0..=nth {
        at = from + TEXT[from..].find(needle).expect("needle");
        from = at + 1;
    }
    let start = TEXT[..at].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn doc() -> Document {
    let mut d = Document::new("doc-test", TEXT);
    let add = |d: &mut Document, label: &str, needle: &str, nth: usize, kind: AnnotationKind| {
        let mut a = d
            .new_annotation(kind, label, span_of(needle, nth), Origin::Auto)
            .unwrap();
        a.status = Status::Suggested;
        d.apply(Edit::Add { annotation: a }).unwrap();
    };
    add(&mut d, "PERSON", "Ruth Calder", 0, AnnotationKind::Entity);
    add(
        &mut d,
        "FAC",
        "Mill Street Bridge",
        0,
        AnnotationKind::Entity,
    );
    add(&mut d, "DATE", "Friday", 0, AnnotationKind::Entity);
    add(&mut d, "QUOTE", "It is safe,", 0, AnnotationKind::Quote);
    add(&mut d, "PERSON", "Calder", 1, AnnotationKind::Entity);
    add(&mut d, "PERSON", "Tomasz Wolny", 0, AnnotationKind::Entity);
    d
}

fn run(s: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(s, |s, a| s.reduce(a))
}

fn opened() -> Rc<State> {
    Rc::new(State::default()).reduce(Action::Open(Rc::new(doc()), 0))
}

fn label_at(s: &State, needle: &str) -> Option<(String, Status)> {
    let sp = span_of(needle, 0);
    s.doc
        .as_ref()?
        .annotations
        .iter()
        .find(|a| a.span == sp)
        .map(|a| (a.label.clone(), a.status))
}

#[wasm_bindgen_test]
fn stepping_accepting_and_rejecting_walks_the_suggestions_in_text_order() {
    let s = run(opened(), [Action::Step(1)]);
    assert_eq!(s.selected_annotation().unwrap().exact, "Ruth Calder");
    let s = run(s, [Action::Decide(true)]);
    assert_eq!(
        label_at(&s, "Ruth Calder"),
        Some(("PERSON".into(), Status::Accepted))
    );
    assert_eq!(
        s.selected_annotation().unwrap().exact,
        "Mill Street Bridge",
        "accepting moves on"
    );
    let s = run(s, [Action::Decide(false)]);
    assert_eq!(
        label_at(&s, "Mill Street Bridge"),
        Some(("FAC".into(), Status::Rejected))
    );
    assert_eq!(s.selected_annotation().unwrap().exact, "Friday");
    let s = run(s, [Action::Step(-1)]);
    assert_eq!(
        s.selected_annotation().unwrap().exact,
        "Tomasz Wolny",
        "previous wraps to the last pending"
    );
    assert!(
        s.revision > s.saved_revision,
        "changes are marked for saving"
    );
}

#[wasm_bindgen_test]
fn every_edit_undoes_and_redoes() {
    let table: Vec<(&str, Vec<Action>)> = vec![
        (
            "relabel by number",
            vec![Action::Step(1), Action::LabelNth(1)],
        ),
        (
            "accept all PERSON",
            vec![Action::DecideAll("PERSON".into(), true)],
        ),
        (
            "add",
            vec![Action::Add(span_of("Engineer", 0), "ROLE".into())],
        ),
        ("delete", vec![Action::Step(1), Action::DeleteSelected]),
        (
            "resize",
            vec![Action::Step(1), Action::Resize(End::Start, 1)],
        ),
        (
            "speaker",
            vec![Action::SetSpeaker(
                apostil_core::AnnotationId(4),
                Some(GroupKey::Text("PERSON".into(), "tomasz wolny".into())),
            )],
        ),
        (
            "merge",
            vec![Action::Merge(
                GroupKey::Text("PERSON".into(), "ruth calder".into()),
                GroupKey::Text("PERSON".into(), "calder".into()),
            )],
        ),
    ];
    for (name, actions) in table {
        let start = opened();
        let before = start.doc.clone().unwrap();
        let n = actions.len();
        let after = run(start, actions);
        let changed = after.doc.clone().unwrap();
        assert_ne!(*changed, *before, "{name}: changed the document");
        let undone = run(after, [Action::Undo]);
        assert_eq!(
            undone.doc.as_ref().unwrap().annotations,
            before.annotations,
            "{name}: undo restores ({n} actions)"
        );
        assert_eq!(
            undone.doc.as_ref().unwrap().clusters,
            before.clusters,
            "{name}: undo restores clusters"
        );
        let redone = run(undone, [Action::Redo]);
        assert_eq!(
            redone.doc.as_ref().unwrap().annotations,
            changed.annotations,
            "{name}: redo repeats"
        );
    }
}

#[wasm_bindgen_test]
fn merging_groups_makes_one_cluster_and_lights_all_mentions() {
    let s = run(
        opened(),
        [Action::Merge(
            GroupKey::Text("PERSON".into(), "ruth calder".into()),
            GroupKey::Text("PERSON".into(), "calder".into()),
        )],
    );
    assert_eq!(s.doc.as_ref().unwrap().clusters.len(), 1);
    assert_eq!(s.lit_mentions().len(), 2);
    assert_eq!(s.group_name(s.lit.as_ref().unwrap()), "Ruth Calder");
    let calder = s.lit_mentions()[1];
    let s = run(s, [Action::Split(calder)]);
    assert_eq!(s.lit_mentions().len(), 1, "split takes the mention out");
}

#[wasm_bindgen_test]
fn a_bad_edit_is_reported_and_changes_nothing() {
    let s = opened();
    let before = s.doc.clone();
    let s = run(
        s,
        [Action::Edit(Edit::Delete {
            id: apostil_core::AnnotationId(999),
        })],
    );
    assert_eq!(s.doc, before);
    assert_eq!(s.notices.len(), 1);
    assert!(
        s.notices[0].text.contains("could not be made"),
        "{}",
        s.notices[0].text
    );
}

#[wasm_bindgen_test]
async fn the_library_saves_versions_refuses_stale_writes_and_restores_deletes() {
    let name = format!("apostil-test-{}", js_sys::Math::random());
    let store = Store::open(&name).await.expect("open");
    let mut d = doc();
    assert_eq!(store.save(&d, 0, false).await, Ok(1));
    d.meta.title = Some("Bridge".into());
    assert_eq!(store.save(&d, 1, false).await, Ok(2));
    // A tab still on version 1 must not overwrite version 2.
    assert_eq!(
        store.save(&d, 1, false).await,
        Err(StorageError::Conflict { stored: 2 })
    );
    let rec = store.get("doc-test").await.unwrap().unwrap();
    assert_eq!(rec.version, 2);
    assert_eq!(rec.title, "Bridge");
    assert_eq!(rec.document().unwrap(), d);
    assert_eq!((rec.entities, rec.quotes), (5, 1));
    // Forced save (keep mine) goes on top.
    assert_eq!(store.save(&d, 1, true).await, Ok(3));
    // Delete, then restore what was deleted.
    let gone = store.delete("doc-test").await.unwrap().unwrap();
    assert!(store.list().await.unwrap().is_empty());
    store.put(&gone).await.unwrap();
    assert_eq!(store.list().await.unwrap().len(), 1);
    // Library-wide settings.
    store
        .set_meta(
            "customLabels",
            "[{\"name\":\"ROLE\",\"color\":\"#009E73\"}]",
        )
        .await
        .unwrap();
    assert_eq!(
        store.get_meta("customLabels").await.unwrap().as_deref(),
        Some("[{\"name\":\"ROLE\",\"color\":\"#009E73\"}]")
    );
    // Survives closing and reopening; a write that cannot happen is an error, not a loss.
    store.close();
    match store.save(&d, 3, false).await {
        Err(StorageError::Failed(m)) => assert!(m.contains("InvalidStateError"), "{m}"),
        other => panic!("a write to a closed database must fail: {other:?}"),
    }
    assert!(
        StorageError::Quota
            .to_string()
            .contains("everything saved before is intact")
    );
    let again = Store::open(&name).await.unwrap();
    assert_eq!(again.get("doc-test").await.unwrap().unwrap().version, 3);
    again.close();
    storage::delete_database(&name).await.unwrap();
}

#[wasm_bindgen_test]
fn pasted_html_becomes_text_without_running_anything() {
    let html = "<h1>Title</h1><p>One <b>bold</b> line.<img src=x onerror=\"window.__bad=1\"></p><script>window.__bad=2</script><ul><li>A</li><li>B</li></ul>";
    assert_eq!(
        apostil_app::dom::html_to_text(html),
        "Title\n\nOne bold line.\n\nA\n\nB"
    );
    let bad = js_sys::Reflect::get(&js_sys::global(), &"__bad".into()).unwrap();
    assert!(bad.is_undefined());
}

#[wasm_bindgen_test]
fn a_dom_selection_becomes_a_code_point_span_across_astral_characters() {
    use wasm_bindgen::JsCast;
    let text = "Photo 📷 by Ann Lee today";
    let doc = apostil_app::dom::document();
    let p = doc.create_element("p").unwrap();
    p.set_attribute("data-start", "0").unwrap();
    p.set_attribute("data-end", &text.chars().count().to_string())
        .unwrap();
    p.set_text_content(Some(text));
    doc.body().unwrap().append_child(&p).unwrap();
    let node = p.first_child().unwrap();
    let range = doc.create_range().unwrap();
    let units = |s: &str| s.encode_utf16().count() as u32;
    range.set_start(&node, units("Photo 📷 by ")).unwrap();
    range.set_end(&node, units("Photo 📷 by Ann Lee")).unwrap();
    let sel = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    sel.remove_all_ranges().unwrap();
    sel.add_range(&range).unwrap();
    let span = apostil_app::dom::selection_span(text).unwrap();
    assert_eq!(span, Span::new(11, 18));
    assert_eq!(
        apostil_core::text::offsets::slice_chars(text, span),
        Some("Ann Lee")
    );
    p.unchecked_into::<web_sys::HtmlElement>().remove();
}

#[wasm_bindgen_test]
fn selections_snap_to_whole_words() {
    let text = "The Glenford Transport Authority met.";
    let s = apostil_app::text::snap(text, Span::new(6, 20)).unwrap();
    assert_eq!(
        apostil_core::text::offsets::slice_chars(text, s),
        Some("Glenford Transport")
    );
}

#[wasm_bindgen_test]
fn fixed_writes_decimals_as_format_does() {
    use apostil_app::text::fixed;
    for x in [
        0.0,
        1.0,
        12.0,
        0.25,
        0.5,
        1.5,
        2.5,
        99.96,
        123.45,
        1234.5,
        150.0,
        7.33333,
        1_500_000.0 / 1e6,
    ] {
        assert_eq!(fixed(x, 0), format!("{x:.0}"), "{x}");
    }
    for x in [
        0.0, 1.0, 12.0, 0.04, 0.06, 1.2, 99.94, 123.46, 150.0, 7.33333, 2.6,
    ] {
        assert_eq!(fixed(x, 1), format!("{x:.1}"), "{x}");
    }
}
