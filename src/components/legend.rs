//! The legend: every label in the document with its colour, badge and count; a checkbox to
//! filter it out of view; accept or reject all its suggestions; and the search box.

use crate::hooks::Ctx;
use crate::labels;
use crate::state::Action;
use apostil_core::Status;
use yew::prelude::*;

/// The legend and filter bar.
#[function_component(Legend)]
pub fn legend() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state = &ctx.state;
    let Some(doc) = &state.doc else {
        return html! {};
    };
    let order = labels::all_labels(&state.custom);
    // Counted again only when the document changed (not on every selection or keystroke).
    let counts = {
        let doc = doc.clone();
        use_memo(state.doc_key(), move |_| {
            // A handful of labels: a list searched linearly beats another map type in the wasm.
            let mut counts: Vec<(String, (usize, usize))> = Vec::new();
            for a in &doc.annotations {
                if a.status == Status::Rejected {
                    continue;
                }
                let i = match counts.iter().position(|(l, _)| *l == a.label) {
                    Some(i) => i,
                    None => {
                        counts.push((a.label.clone(), (0, 0)));
                        counts.len() - 1
                    }
                };
                let e = &mut counts[i].1;
                e.0 += 1;
                if a.status == Status::Suggested {
                    e.1 += 1;
                }
            }
            counts
        })
    };
    let mut present: Vec<String> = counts.iter().map(|(l, _)| l.clone()).collect();
    apostil_core::sort::sort_by_key(&mut present, |l| {
        order
            .iter()
            .position(|o| o == l)
            .unwrap_or(if l == "QUOTE" { 99 } else { 100 })
    });
    // Every match in the whole text, once per text and query (a long text is not searched again
    // on each redraw). Enter steps through them in the model, so hits in paragraphs that are
    // not drawn yet (long texts are drawn in windows) are reached too.
    let all_hits = {
        let text = doc.text.clone();
        use_memo(
            (doc.text_hash.clone(), state.query.clone()),
            move |(_, q)| {
                if q.trim().is_empty() {
                    Vec::new()
                } else {
                    crate::text::find_all(&text, q)
                }
            },
        )
    };
    let hits = all_hits.len();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
            ctx.send(Action::Query(i.value()));
        })
    };
    let onkeydown = {
        let ctx = ctx.clone();
        let all_hits = all_hits.clone();
        let current = state.hit;
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                let list = &*all_hits;
                let next = match (current, e.shift_key()) {
                    (None, false) => list.first(),
                    (None, true) => list.last(),
                    (Some(c), false) => list.iter().find(|h| h.start > c.start).or(list.first()),
                    (Some(c), true) => list
                        .iter()
                        .rev()
                        .find(|h| h.start < c.start)
                        .or(list.last()),
                };
                if let Some(h) = next {
                    ctx.send(Action::Hit(Some(*h)));
                }
            }
        })
    };
    html! {
        <section class="legend" aria-label="Legend and filters">
            <ul class="legend-list">
                { for present.iter().map(|l| {
                    let (n, pending) = counts
                        .iter()
                        .find(|(k, _)| k == l)
                        .map_or((0, 0), |(_, c)| *c);
                    let hidden = state.hidden.contains(l);
                    let color = labels::color_of(l, &state.custom);
                    let toggle = { let ctx = ctx.clone(); let l = l.clone(); Callback::from(move |_| ctx.send(Action::ToggleHidden(l.clone()))) };
                    let accept = { let ctx = ctx.clone(); let l = l.clone(); Callback::from(move |_| ctx.send(Action::DecideAll(l.clone(), true))) };
                    let reject = { let ctx = ctx.clone(); let l = l.clone(); Callback::from(move |_| ctx.send(Action::DecideAll(l.clone(), false))) };
                    let custom_color = state.custom.iter().any(|c| c.name == *l).then(|| {
                        let ctx = ctx.clone();
                        let l = l.clone();
                        let custom = state.custom.clone();
                        Callback::from(move |e: Event| {
                            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
                            let list = custom
                                .iter()
                                .map(|c| if c.name == l { labels::CustomLabel { name: c.name.clone(), color: i.value() } } else { c.clone() })
                                .collect();
                            ctx.save_labels(list);
                        })
                    });
                    let key_hint = order.iter().position(|o| o == l).filter(|i| *i < 9).map(|i| format!(" (key {})", i + 1)).unwrap_or_default();
                    html! {
                        <li class={classes!("legend-item", hidden.then_some("off"))} style={format!("--c:{color}")} data-label={l.clone()}>
                            <label title={format!("{}{key_hint}", labels::describe(l))}>
                                <input type="checkbox" checked={!hidden} onchange={toggle} aria-label={format!("Show {l}")} />
                                <span class={if l == "QUOTE" { "swatch q-swatch" } else { "swatch" }} aria-hidden="true">{ labels::badge(l) }</span>
                                <span class="legend-name">{ l.clone() }</span>
                                <span class="count">{ n }</span>
                            </label>
                            if let Some(onchange) = custom_color {
                                <input type="color" class="color" value={color.clone()} {onchange} aria-label={format!("Colour of {l}")} />
                            }
                            if pending > 0 {
                                <span class="bulk">
                                    <button class="mini" onclick={accept} aria-label={format!("Accept all {pending} {l} suggestions")} title="Accept all">{ "✓ all" }</button>
                                    <button class="mini" onclick={reject} aria-label={format!("Reject all {pending} {l} suggestions")} title="Reject all">{ "✗ all" }</button>
                                </span>
                            }
                        </li>
                    }
                }) }
                if present.is_empty() {
                    <li class="empty">{ "No suggestions yet: select text to add an annotation." }</li>
                }
            </ul>
            <div class="search">
                <label class="visually-hidden" for="search">{ "Search the text" }</label>
                <input id="search" type="search" placeholder="Search the text  ( / )" value={state.query.clone()} {oninput} {onkeydown} />
                if !state.query.trim().is_empty() {
                    <span class="hits" aria-live="polite">{ format!("{hits} match{}", if hits == 1 { "" } else { "es" }) }</span>
                }
            </div>
        </section>
    }
}
