//! Who said what: speakers with their quotes; click a quote to jump to it.

use crate::components::article::speaker_name;
use crate::hooks::Ctx;
use crate::state::Action;
use apostil_core::{AnnotationKind, Status};
use yew::prelude::*;

/// Speakers and their quotes, most quoted first: (speaker, [(id, text)]).
pub fn by_speaker(
    doc: &apostil_core::Document,
) -> Vec<(String, Vec<(apostil_core::AnnotationId, String)>)> {
    let mut out: Vec<(String, Vec<(apostil_core::AnnotationId, String)>)> = Vec::new();
    for a in doc
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Quote && a.status != Status::Rejected)
    {
        let who = speaker_name(doc, a).unwrap_or_else(|| "Unattributed".into());
        match out.iter_mut().find(|(w, _)| *w == who) {
            Some((_, list)) => list.push((a.id, a.exact.clone())),
            None => out.push((who, vec![(a.id, a.exact.clone())])),
        }
    }
    out.sort_by(|a, b| {
        (a.0 == "Unattributed")
            .cmp(&(b.0 == "Unattributed"))
            .then(b.1.len().cmp(&a.1.len()))
    });
    out
}

/// The "who said what" panel.
#[function_component(Quotes)]
pub fn quotes() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let Some(doc) = &ctx.state.doc else {
        return html! {};
    };
    let list = by_speaker(doc);
    html! {
        <section class="card quotes" aria-labelledby="quotes-title">
            <h2 id="quotes-title">{ "Who said what" }</h2>
            if list.is_empty() {
                <p class="muted">{ "No quotations found. Select a quotation in the text and label it QUOTE." }</p>
            }
            <ul class="speakers">
                { for list.iter().map(|(who, qs)| html! {
                    <li class="speaker" data-speaker={who.clone()}>
                        <h3>{ who.clone() } <span class="count">{ qs.len() }</span></h3>
                        <ul>
                            { for qs.iter().map(|(id, text)| {
                                let id = *id;
                                let onclick = { let ctx = ctx.clone(); Callback::from(move |_| ctx.send(Action::Select(Some(id)))) };
                                let short: String = if text.chars().count() > 110 { text.chars().take(107).chain("…".chars()).collect() } else { text.clone() };
                                html! { <li><button class="quote-btn" {onclick}>{ format!("“{short}”") }</button></li> }
                            }) }
                        </ul>
                    </li>
                }) }
            </ul>
        </section>
    }
}
