//! The selected annotation: label, decision, boundaries, note, speaker and cluster.

use crate::components::article::speaker_name;
use crate::hooks::Ctx;
use crate::labels;
use crate::state::{Action, End, GroupKey, group_name_in, group_of};
use apostil_core::{AnnotationKind, Edit, Status};
use std::collections::HashSet;
use yew::prelude::*;

/// The inspector panel.
#[function_component(Inspector)]
pub fn inspector() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state = &ctx.state;
    // Speakers: every group of PERSON / ORG / NORP / GPE mentions, gathered again only when the
    // document changed (a long document has thousands of mentions).
    let groups = {
        let doc = state.doc.clone();
        use_memo(state.doc_key(), move |_| {
            // Sorted by key (as a B-tree map would be), without another map type in the wasm.
            let mut groups: Vec<(GroupKey, String)> = Vec::new();
            let mut seen: HashSet<GroupKey> = HashSet::new();
            let Some(doc) = doc else { return groups };
            for m in &doc.annotations {
                if m.status == Status::Rejected
                    || !matches!(m.label.as_str(), "PERSON" | "ORG" | "NORP" | "GPE")
                {
                    continue;
                }
                if let Some(k) = group_of(m)
                    && seen.insert(k.clone())
                {
                    let name = group_name_in(&doc, &k);
                    groups.push((k, name));
                }
            }
            apostil_core::sort::sort_by(&mut groups, |a, b| a.0.cmp(&b.0));
            groups
        })
    };
    let (Some(doc), Some(a)) = (&state.doc, state.selected_annotation()) else {
        return html! {
            <section class="card inspector" aria-label="Selected annotation">
                <h2>{ "Review" }</h2>
                <p class="muted">{ "Click a highlight, or press j / k to step through suggestions; a accepts, x rejects. Select text to add an annotation." }</p>
            </section>
        };
    };
    let id = a.id;
    let send = |act: Action| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.send(act.clone()))
    };
    let relabel = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            ctx.send(Action::Edit(Edit::Relabel {
                id,
                label: s.value(),
            }));
        })
    };
    let note = {
        let ctx = ctx.clone();
        let old = a.note.clone();
        Callback::from(move |e: Event| {
            let t: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            let v = t.value();
            let note = if v.trim().is_empty() { None } else { Some(v) };
            if note != old {
                ctx.send(Action::Edit(Edit::SetNote { id, note }));
            }
        })
    };
    let status = match a.status {
        Status::Suggested => "Suggested",
        Status::Accepted => "Accepted",
        Status::Rejected => "Rejected",
    };
    let color = labels::color_of(&a.label, &state.custom);

    let current_speaker = a.speaker.as_ref().and_then(|s| {
        doc.annotations
            .iter()
            .find(|m| m.span == s.span && m.kind != AnnotationKind::Quote)
            .and_then(group_of)
    });
    let set_speaker = {
        let ctx = ctx.clone();
        let keys: Vec<GroupKey> = groups.iter().map(|(k, _)| k.clone()).collect();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let key = s
                .value()
                .parse::<usize>()
                .ok()
                .and_then(|i| keys.get(i).cloned());
            ctx.send(Action::SetSpeaker(id, key));
        })
    };
    let cluster_name = a
        .cluster
        .and_then(|c| doc.clusters.iter().find(|x| x.id == c))
        .map(|c| c.canonical.clone());

    html! {
        <section class="card inspector" aria-label="Selected annotation">
            <h2>{ "Selected" }</h2>
            <p class="exact" style={format!("--c:{color}")}>
                <span class="badge">{ labels::badge(&a.label) }</span>
                <q>{ a.exact.chars().take(200).collect::<String>() }</q>
            </p>
            <p class="muted">{ format!("{status} · {} · characters {}–{}", if a.origin == apostil_core::Origin::Auto { "suggested by Apostil" } else { "added by you" }, a.span.start, a.span.end) }</p>
            <div class="row">
                <button class="accept" onclick={send(Action::Decide(true))} aria-label="Accept (a)">{ "✓ Accept" }</button>
                <button class="reject" onclick={send(Action::Decide(false))} aria-label="Reject (x)">{ "✗ Reject" }</button>
                <button class="danger" onclick={send(Action::DeleteSelected)} aria-label="Delete (Delete key)">{ "Delete" }</button>
            </div>
            if a.kind != AnnotationKind::Quote {
                <label class="field">{ "Label" }
                    <select onchange={relabel} id="relabel">
                        { for labels::all_labels(&state.custom).into_iter().enumerate().map(|(i, l)| html! {
                            <option value={l.clone()} selected={l == a.label}>{ if i < 9 { format!("{} · {l}", i + 1) } else { l.clone() } }</option>
                        }) }
                    </select>
                </label>
            } else {
                <label class="field">{ "Speaker" }
                    <select onchange={set_speaker} id="speaker">
                        <option value="" selected={current_speaker.is_none()}>{ match speaker_name(doc, a) { Some(n) if current_speaker.is_none() => n.to_string(), _ => "— none —".to_string() } }</option>
                        { for groups.iter().enumerate().map(|(i, (k, name))| html! {
                            <option value={i.to_string()} selected={current_speaker.as_ref() == Some(k)}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
            }
            <div class="row resize" role="group" aria-label="Boundaries">
                <span class="muted">{ "Start" }</span>
                <button class="mini" onclick={send(Action::Resize(End::Start, 1))} aria-label="Extend start one word left ([)">{ "◀" }</button>
                <button class="mini" onclick={send(Action::Resize(End::Start, -1))} aria-label="Shrink start one word right (])">{ "▶" }</button>
                <span class="muted">{ "End" }</span>
                <button class="mini" onclick={send(Action::Resize(End::End, -1))} aria-label="Shrink end one word left ({)">{ "◀" }</button>
                <button class="mini" onclick={send(Action::Resize(End::End, 1))} aria-label="Extend end one word right (})">{ "▶" }</button>
            </div>
            if let Some(name) = cluster_name {
                <p class="muted">{ format!("In cluster “{name}”. ") }
                    <button class="link" onclick={send(Action::Split(id))}>{ "Split off" }</button>
                </p>
            }
            <label class="field">{ "Note" }
                <textarea rows="2" key={id.0} onchange={note} value={a.note.clone().unwrap_or_default()} placeholder="Add a note…" />
            </label>
        </section>
    }
}
