//! The library: every saved document with title, date and counts; open, rename, delete.

use crate::hooks::Ctx;
use crate::state::Action;
use yew::prelude::*;

fn date(ms: f64) -> String {
    let d = js_sys::Date::new(&ms.into());
    String::from(d.to_locale_date_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

/// The library panel.
#[function_component(Library)]
pub fn library() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state = &ctx.state;
    let renaming = use_state(|| None::<String>);
    let open_id = state.doc.as_ref().map(|d| d.id.clone());
    let new_doc = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.send(Action::Close))
    };
    html! {
        <details class="library" open=true>
            <summary><h2>{ "Library" } <span class="count">{ state.library.len() }</span></h2></summary>
            <button class="new-doc" onclick={new_doc}>{ "+ New document" }</button>
            if state.library.is_empty() && state.library_loaded {
                <p class="muted">{ "Documents you annotate are saved here automatically, in this browser." }</p>
            }
            <ul class="docs" role="list">
                { for state.library.iter().map(|d| {
                    let id = d.id.clone();
                    let current = open_id.as_deref() == Some(d.id.as_str());
                    let open = { let ctx = ctx.clone(); let id = id.clone(); Callback::from(move |_| ctx.open(&id)) };
                    let delete = { let ctx = ctx.clone(); let id = id.clone(); Callback::from(move |_| ctx.delete(&id)) };
                    let start_rename = { let r = renaming.clone(); let id = id.clone(); Callback::from(move |_| r.set(Some(id.clone()))) };
                    let is_renaming = renaming.as_deref() == Some(d.id.as_str());
                    let finish = {
                        let ctx = ctx.clone();
                        let r = renaming.clone();
                        let id = id.clone();
                        Callback::from(move |e: SubmitEvent| {
                            e.prevent_default();
                            if let Some(input) = crate::dom::document().get_element_by_id(&format!("rename-{id}")) {
                                let v = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlInputElement>(input).value();
                                if !v.trim().is_empty() {
                                    ctx.rename(&id, &v);
                                }
                            }
                            r.set(None);
                        })
                    };
                    html! {
                        <li class={classes!("doc", current.then_some("current"))} key={d.id.clone()} data-doc={d.id.clone()}>
                            if is_renaming {
                                <form class="rename" onsubmit={finish}>
                                    <label class="visually-hidden" for={format!("rename-{}", d.id)}>{ "New title" }</label>
                                    <input id={format!("rename-{}", d.id)} name="title" value={d.title.clone()} autofocus=true />
                                    <button type="submit">{ "Save" }</button>
                                </form>
                            } else {
                                <button class="doc-open" onclick={open} aria-current={current.then_some("true")}>
                                    <span class="doc-title">{ d.title.clone() }</span>
                                    <span class="doc-meta">{ format!("{} · {} entities · {} quotes", date(d.modified), d.entities, d.quotes) }</span>
                                </button>
                                <span class="doc-tools">
                                    <button class="mini" onclick={start_rename} aria-label={format!("Rename {}", d.title)}>{ "Rename" }</button>
                                    <button class="mini danger" onclick={delete} aria-label={format!("Delete {}", d.title)}>{ "Delete" }</button>
                                </span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
