//! The article: paragraphs (keyed), page junk greyed and collapsed, and the bar for adding an
//! annotation over a text selection.

use crate::components::paragraph::Paragraph;
use crate::hooks::Ctx;
use crate::labels::{self, CustomLabel};
use crate::state::{Action, State};
use apostil_core::text::intake::RegionKind;
use apostil_core::text::offsets::{CharMap, slice_chars};
use apostil_core::{Annotation, AnnotationId, AnnotationKind, Document, Span};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn region_name(k: RegionKind) -> &'static str {
    match k {
        RegionKind::Headline => "headline",
        RegionKind::Byline => "byline",
        RegionKind::Dateline => "dateline",
        RegionKind::CommentForm => "Comment form",
        RegionKind::RelatedLinks => "Related links",
        RegionKind::Subscription => "Subscription offer",
        RegionKind::ShareOrCookie => "Share buttons and notices",
        RegionKind::Credit => "Credits and disclaimers",
    }
}

/// The speaker name shown for a quote.
pub fn speaker_name(doc: &Document, a: &Annotation) -> Option<String> {
    let s = a.speaker.as_ref()?;
    if let Some(c) = s
        .cluster
        .and_then(|c| doc.clusters.iter().find(|x| x.id == c))
    {
        return Some(c.canonical.clone());
    }
    // The speaker is usually a mention the document already holds (annotations are sorted by
    // start): its text costs a binary search instead of a walk over a long text.
    let from = doc
        .annotations
        .partition_point(|x| x.span.start < s.span.start);
    if let Some(m) = doc.annotations[from..]
        .iter()
        .take_while(|x| x.span.start == s.span.start)
        .find(|x| x.span == s.span)
    {
        return Some(m.exact.clone());
    }
    slice_chars(&doc.text, s.span).map(str::to_string)
}

/// The article view.
#[function_component(Article)]
pub fn article() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state: &State = &ctx.state;
    let Some(doc) = state.doc.clone() else {
        return html! {};
    };
    // Paragraph spans and texts, once per text (one char map, not a walk per paragraph).
    let para_memo = {
        let text = doc.text.clone();
        use_memo(doc.text_hash.clone(), move |_| {
            let spans = crate::text::paragraphs(&text);
            let map = CharMap::new(&text);
            let texts: Vec<AttrValue> = spans
                .iter()
                .map(|p| AttrValue::from(map.slice(&text, *p).to_string()))
                .collect();
            (spans, texts)
        })
    };
    let (paras, para_texts) = (&para_memo.0, &para_memo.1);
    let pending = use_state(|| None::<Span>);
    let new_label = use_state(String::new);

    // Keep the selected annotation in view (keyboard and panel navigation).
    {
        let sel = state.selected;
        use_effect_with(sel, move |sel| {
            if let Some(id) = sel {
                crate::dom::reveal(id.0);
            }
        });
    }

    // Touch screens select with handles and no mouseup: follow the selection itself.
    {
        let pending = pending.clone();
        let text = doc.text.clone();
        use_effect_with(doc.text_hash.clone(), move |_| {
            let timer: std::rc::Rc<std::cell::RefCell<Option<gloo::timers::callback::Timeout>>> =
                Default::default();
            let listener = gloo::events::EventListener::new(
                &crate::dom::document(),
                "selectionchange",
                move |_| {
                    let pending = pending.clone();
                    let text = text.clone();
                    *timer.borrow_mut() =
                        Some(gloo::timers::callback::Timeout::new(300, move || {
                            if let Some(span) = crate::dom::selection_span(&text)
                                .and_then(|s| crate::text::snap(&text, s))
                            {
                                pending.set(Some(span));
                            }
                        }));
                },
            );
            move || drop(listener)
        });
    }
    let onmouseup = {
        let pending = pending.clone();
        let doc = doc.clone();
        Callback::from(move |_: MouseEvent| {
            let span =
                crate::dom::selection_span(&doc.text).and_then(|s| crate::text::snap(&doc.text, s));
            pending.set(span);
        })
    };
    let onclick = {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            let has_selection = web_sys::window()
                .and_then(|w| w.get_selection().ok().flatten())
                .map(|s| !s.is_collapsed())
                .unwrap_or(false);
            if has_selection {
                return;
            }
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let id = target
                .and_then(|t| t.closest("[data-id]").ok().flatten())
                .and_then(|el| el.get_attribute("data-id"))
                .and_then(|s| s.parse::<u64>().ok());
            ctx.send(Action::Select(id.map(AnnotationId)));
        })
    };

    // Group annotations by paragraph (one pass; annotations are sorted by start).
    let mut per_para: Vec<Vec<Annotation>> = vec![Vec::new(); paras.len()];
    for a in &doc.annotations {
        let first = paras.partition_point(|p| p.end <= a.span.start);
        for (i, p) in paras.iter().enumerate().skip(first) {
            if p.start >= a.span.end {
                break;
            }
            per_para[i].push(a.clone());
        }
    }
    let lit = state.lit_mentions();
    let custom: Rc<Vec<CustomLabel>> = state.custom.clone();
    let query: AttrValue = state.query.clone().into();

    let mut out: Vec<Html> = Vec::new();
    let mut junk: Option<(RegionKind, usize, Vec<Html>)> = None;
    for (i, p) in paras.iter().enumerate() {
        let region = doc
            .regions
            .iter()
            // Junk that starts a paragraph takes it; a headline/byline/dateline style only
            // applies to a paragraph it covers whole ("PORT ALDER —" leads a body paragraph).
            .find(|r| r.span.contains_pos(p.start) && (r.kind.is_junk() || r.span.contains(*p)))
            .map(|r| r.kind);
        let anns = std::mem::take(&mut per_para[i]);
        let ids: Vec<AnnotationId> = anns.iter().map(|a| a.id).collect();
        let speakers: Vec<(AnnotationId, String)> = anns
            .iter()
            .filter(|a| a.kind == AnnotationKind::Quote)
            .filter_map(|a| speaker_name(&doc, a).map(|n| (a.id, n)))
            .collect();
        let class = match region {
            Some(k) if k.is_junk() => classes!("junk"),
            Some(k) => classes!(region_name(k)),
            None => classes!(),
        };
        let node = html! {
            <Paragraph key={p.start} start={p.start}
                text={para_texts[i].clone()}
                anns={Rc::new(anns)}
                selected={state.selected.filter(|s| ids.contains(s))}
                lit={Rc::new(lit.iter().copied().filter(|l| ids.contains(l)).collect::<Vec<_>>())}
                hidden={state.hidden.clone()} custom={custom.clone()} query={query.clone()}
                speakers={Rc::new(speakers)} {class} />
        };
        match region.filter(|k| k.is_junk()) {
            Some(k) => match &mut junk {
                Some((jk, _, list)) if *jk == k => list.push(node),
                _ => {
                    if let Some((jk, js, list)) = junk.take() {
                        out.push(junk_block(jk, js, list));
                    }
                    junk = Some((k, p.start, vec![node]));
                }
            },
            None => {
                if let Some((jk, js, list)) = junk.take() {
                    out.push(junk_block(jk, js, list));
                }
                out.push(node);
            }
        }
    }
    if let Some((jk, js, list)) = junk.take() {
        out.push(junk_block(jk, js, list));
    }

    let add_bar = match *pending {
        Some(span) => {
            let exact = slice_chars(&doc.text, span).unwrap_or_default().to_string();
            let short: String = if exact.chars().count() > 60 {
                exact.chars().take(57).chain("…".chars()).collect()
            } else {
                exact
            };
            let add = |label: String| {
                let ctx = ctx.clone();
                let pending = pending.clone();
                Callback::from(move |_: MouseEvent| {
                    ctx.send(Action::Add(span, label.clone()));
                    pending.set(None);
                    crate::dom::clear_selection();
                })
            };
            let all = labels::all_labels(&state.custom);
            let more: Vec<String> = all.iter().skip(9).cloned().collect();
            let add_more = {
                let ctx = ctx.clone();
                let pending = pending.clone();
                Callback::from(move |e: Event| {
                    let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    let v = s.value();
                    if !v.is_empty() {
                        ctx.send(Action::Add(span, v));
                        pending.set(None);
                        crate::dom::clear_selection();
                    }
                })
            };
            let mut choices: Vec<String> = all.into_iter().take(9).collect();
            choices.push("QUOTE".into());
            choices.extend(state.custom.iter().map(|c| c.name.clone()));
            choices.dedup();
            let create = {
                let ctx = ctx.clone();
                let new_label = new_label.clone();
                let pending = pending.clone();
                let custom = state.custom.clone();
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    let name = new_label.trim().to_uppercase().replace(' ', "_");
                    if name.is_empty() {
                        return;
                    }
                    if !custom.iter().any(|c| c.name == name)
                        && name.parse::<apostil_core::EntityLabel>().is_err()
                        && name != "QUOTE"
                    {
                        let mut list = (*custom).clone();
                        list.push(CustomLabel {
                            name: name.clone(),
                            color: labels::next_custom_color(&custom),
                        });
                        ctx.save_labels(list);
                    }
                    ctx.send(Action::Add(span, name));
                    new_label.set(String::new());
                    pending.set(None);
                    crate::dom::clear_selection();
                })
            };
            let oninput = {
                let new_label = new_label.clone();
                Callback::from(move |e: InputEvent| {
                    let i: web_sys::HtmlInputElement = e.target_unchecked_into();
                    new_label.set(i.value());
                })
            };
            let cancel = {
                let pending = pending.clone();
                Callback::from(move |_| pending.set(None))
            };
            html! {
                <div class="add-bar" role="toolbar" aria-label="Add an annotation">
                    <span class="add-what">{ "Label “" }<strong>{ short }</strong>{ "” as:" }</span>
                    { for choices.into_iter().map(|l| {
                        let color = labels::color_of(&l, &state.custom);
                        html! {
                            <button class="chip" style={format!("--c:{color}")} data-add={l.clone()} onclick={add(l.clone())}
                                title={labels::describe(&l)}>
                                <span class="badge">{ labels::badge(&l) }</span>{ l.clone() }
                            </button>
                        }
                    }) }
                    <select class="more-labels" onchange={add_more} aria-label="More labels">
                        <option value="" selected=true>{ "More…" }</option>
                        { for more.iter().map(|l| html! { <option value={l.clone()}>{ format!("{l} — {}", labels::describe(l)) }</option> }) }
                    </select>
                    <form class="new-label" onsubmit={create}>
                        <label class="visually-hidden" for="new-label">{ "New label name" }</label>
                        <input id="new-label" placeholder="New label…" value={(*new_label).clone()} {oninput} />
                        <button type="submit">{ "Add" }</button>
                    </form>
                    <button class="ghost" onclick={cancel} aria-label="Cancel">{ "✕" }</button>
                </div>
            }
        }
        None => html! {},
    };

    html! {
        <>
            { add_bar }
            <article class="article" aria-label="Article text" {onmouseup} {onclick}>
                { for out }
            </article>
        </>
    }
}

fn junk_block(kind: RegionKind, start: usize, list: Vec<Html>) -> Html {
    let n = list.len();
    html! {
        <details class="junk-block" key={format!("junk-{start}")}>
            <summary>{ format!("Page junk: {} ({} line{})", region_name(kind), n, if n == 1 { "" } else { "s" }) }</summary>
            { for list }
        </details>
    }
}
