//! Who said what: speakers with their quotes; click a quote to jump to it.

use crate::components::article::speaker_name;
use crate::hooks::Ctx;
use crate::state::Action;
use apostil_core::{AnnotationKind, Status};
use yew::prelude::*;

/// Speakers and their quotes, most quoted first: (speaker, [(id, text)]).
pub fn by_speaker(doc: &apostil_core::Document) -> SpeakerList {
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
    apostil_core::sort::sort_by(&mut out, |a, b| {
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
    let Some(doc) = ctx.state.doc.clone() else {
        return html! {};
    };
    let on_select = {
        let ctx = ctx.clone();
        Callback::from(move |id| ctx.send(Action::Select(Some(id))))
    };
    // Gathered again only when the document changed; the list keeps no copy of the document
    // (an edit then changes it in place instead of copying a long text).
    let list = use_memo(ctx.state.doc_key(), move |_| by_speaker(&doc));
    html! { <QuoteList {list} {on_select} /> }
}

/// Speakers and their quotes, as [`by_speaker`] lists them.
pub type SpeakerList = Vec<(String, Vec<(apostil_core::AnnotationId, String)>)>;

/// Props of the list: compared by identity, so a long document's thousands of quotes are not
/// rebuilt when only the selection or the search changed.
#[derive(Properties, Clone)]
pub struct QuoteListProps {
    /// Speakers and their quotes.
    pub list: std::rc::Rc<SpeakerList>,
    /// Selects a quote (the same action every time, so not compared).
    pub on_select: Callback<apostil_core::AnnotationId>,
}

impl PartialEq for QuoteListProps {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.list, &other.list)
    }
}

/// A speaker's first quotes shown; a button shows the rest (a long document has hundreds).
const SHOWN: usize = 40;

/// The speakers and their quotes.
#[function_component(QuoteList)]
pub fn quote_list(props: &QuoteListProps) -> Html {
    let list = &props.list;
    let expanded = use_state(Vec::<String>::new);
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
                            { for qs.iter().take(if expanded.contains(who) { usize::MAX } else { SHOWN }).map(|(id, text)| {
                                let id = *id;
                                let onclick = props.on_select.reform(move |_: MouseEvent| id);
                                let short: String = if text.chars().count() > 110 { text.chars().take(107).chain("…".chars()).collect() } else { text.clone() };
                                html! { <li><button class="quote-btn" {onclick}>{ format!("“{short}”") }</button></li> }
                            }) }
                            if qs.len() > SHOWN && !expanded.contains(who) {
                                <li><button class="link show-all" onclick={{
                                    let expanded = expanded.clone();
                                    let who = who.clone();
                                    Callback::from(move |_: MouseEvent| {
                                        let mut e = (*expanded).clone();
                                        e.push(who.clone());
                                        expanded.set(e);
                                    })
                                }}>{ format!("Show all {} quotes", qs.len()) }</button></li>
                            }
                        </ul>
                    </li>
                }) }
            </ul>
        </section>
    }
}
