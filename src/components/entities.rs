//! Entities grouped by cluster with counts; click to light every mention, step through them,
//! merge one group into another.

use crate::hooks::Ctx;
use crate::labels;
use crate::state::{Action, GroupKey, State, group_name_in, group_of};
use apostil_core::{Document, Status};
use std::collections::HashMap;
use yew::prelude::*;

/// A group with its name, label and mention count.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Its key.
    pub key: GroupKey,
    /// Name shown.
    pub name: String,
    /// Label.
    pub label: String,
    /// Mentions (not rejected).
    pub count: usize,
}

/// Every group in the open document, most mentioned first.
pub fn groups(state: &State) -> Vec<Group> {
    match &state.doc {
        Some(doc) => groups_of(doc, &state.hidden),
        None => Vec::new(),
    }
}

/// Every group in a document (labels in `hidden` left out), most mentioned first.
pub fn groups_of(doc: &Document, hidden: &[String]) -> Vec<Group> {
    let mut map: HashMap<GroupKey, Group> = HashMap::new();
    let mut order = Vec::new();
    for a in &doc.annotations {
        if a.status == Status::Rejected || hidden.contains(&a.label) {
            continue;
        }
        let Some(k) = group_of(a) else { continue };
        let g = map.entry(k.clone()).or_insert_with(|| {
            order.push(k.clone());
            Group {
                key: k.clone(),
                name: group_name_in(doc, &k),
                label: a.label.clone(),
                count: 0,
            }
        });
        g.count += 1;
    }
    let mut out: Vec<Group> = order.into_iter().filter_map(|k| map.remove(&k)).collect();
    let numeric = |g: &Group| {
        g.label
            .parse::<apostil_core::EntityLabel>()
            .map(|l| !l.is_name())
            .unwrap_or(false)
    };
    apostil_core::sort::sort_by(&mut out, |a, b| {
        numeric(a)
            .cmp(&numeric(b))
            .then(b.count.cmp(&a.count))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// The entities panel.
#[function_component(Entities)]
pub fn entities() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state = &ctx.state;
    // Recomputed only when the document or the filter changed (a long document has thousands
    // of mentions; the selection moving should not walk them all again).
    let list = {
        let doc = state.doc.clone();
        use_memo(
            (state.doc_key(), state.hidden.clone()),
            move |(_, hidden)| match &doc {
                Some(d) => groups_of(d, hidden),
                None => Vec::new(),
            },
        )
    };
    let list: &Vec<Group> = &list;
    let show_all = use_state(|| false);
    let lit = state.lit.clone();
    let mentions = state.lit_mentions();
    let pos = state
        .selected
        .and_then(|s| mentions.iter().position(|m| *m == s));
    let keys: std::rc::Rc<Vec<GroupKey>> =
        std::rc::Rc::new(list.iter().map(|o| o.key.clone()).collect());
    html! {
        <section class="card entities" aria-labelledby="entities-title">
            <h2 id="entities-title">{ "Entities" } <span class="count">{ list.len() }</span></h2>
            if list.is_empty() {
                <p class="muted">{ "No entities yet." }</p>
            }
            <ul class="groups">
                // One shared list of keys for the merge menus (was one copy per group: quadratic).
                // A long document has hundreds of groups: the most mentioned first, the rest on
                // request (the lit group always shows).
                { for list.iter().enumerate().filter(|(i, g)| *show_all || *i < SHOWN || lit.as_ref() == Some(&g.key)).map(|(_, g)| {
                    let is_lit = lit.as_ref() == Some(&g.key);
                    let color = labels::color_of(&g.label, &state.custom);
                    let onclick = {
                        let ctx = ctx.clone();
                        let key = g.key.clone();
                        Callback::from(move |_| ctx.send(Action::Light(if is_lit { None } else { Some(key.clone()) })))
                    };
                    let merge = {
                        let ctx = ctx.clone();
                        let key = g.key.clone();
                        let others = keys.clone();
                        Callback::from(move |e: Event| {
                            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                            if let Some(from) = s.value().parse::<usize>().ok().and_then(|i| others.get(i).cloned()) {
                                ctx.send(Action::Merge(key.clone(), from));
                            }
                        })
                    };
                    html! {
                        <li class={classes!("group", is_lit.then_some("lit"))} style={format!("--c:{color}")}>
                            <button class="group-btn" {onclick} aria-pressed={is_lit.to_string()}
                                aria-label={format!("{} ({}), {} mention{}", g.name, g.label, g.count, if g.count == 1 { "" } else { "s" })}>
                                <span class="badge" aria-hidden="true">{ labels::badge(&g.label) }</span>
                                <span class="group-name">{ g.name.clone() }</span>
                                <span class="count">{ g.count }</span>
                            </button>
                            if is_lit {
                                <div class="group-tools">
                                    <button class="mini" onclick={{ let c = ctx.clone(); Callback::from(move |_| c.send(Action::Mention(-1))) }} aria-label="Previous mention (p)">{ "◀" }</button>
                                    <span class="muted">{ format!("{} / {}", pos.map(|p| p + 1).unwrap_or(0), mentions.len()) }</span>
                                    <button class="mini" onclick={{ let c = ctx.clone(); Callback::from(move |_| c.send(Action::Mention(1))) }} aria-label="Next mention (n)">{ "▶" }</button>
                                    <label class="merge">
                                        <span class="visually-hidden">{ "Merge another entity into this one" }</span>
                                        <select onchange={merge} aria-label={format!("Merge into {}", g.name)}>
                                            <option value="" selected=true>{ "Merge in…" }</option>
                                            { for list.iter().enumerate().filter(|(_, o)| o.key != g.key).map(|(i, o)| html! {
                                                <option value={i.to_string()}>{ format!("{} ({})", o.name, o.label) }</option>
                                            }) }
                                        </select>
                                    </label>
                                </div>
                            }
                        </li>
                    }
                }) }
            </ul>
            if list.len() > SHOWN && !*show_all {
                <button class="link show-all" onclick={{
                    let show_all = show_all.clone();
                    Callback::from(move |_: MouseEvent| show_all.set(true))
                }}>{ format!("Show all {} entities", list.len()) }</button>
            }
        </section>
    }
}

/// Groups listed before "Show all".
const SHOWN: usize = 60;
