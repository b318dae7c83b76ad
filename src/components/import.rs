//! The import preview: what will be added or replaced, before anything is written.

use crate::hooks::Ctx;
use crate::state::Action;
use crate::storage::Record;
use apostil_core::Document;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

/// Props: the documents read from the file.
#[derive(Properties, PartialEq)]
pub struct ImportProps {
    /// Documents to import.
    pub docs: Rc<Vec<Document>>,
}

/// The import preview dialog.
#[function_component(ImportPreview)]
pub fn import_preview(props: &ImportProps) -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let existing: Vec<String> = ctx.state.library.iter().map(|d| d.id.clone()).collect();
    let cancel = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.send(Action::Dialog(None)))
    };
    let confirm = {
        let ctx = ctx.clone();
        let docs = props.docs.clone();
        Callback::from(move |_| {
            ctx.send(Action::Dialog(None));
            let Some(store) = ctx.store.clone() else {
                ctx.error("The library is not open, so nothing was imported.");
                return;
            };
            let ctx = ctx.clone();
            let docs = docs.clone();
            spawn_local(async move {
                let mut n = 0;
                for d in docs.iter() {
                    let version = match store.get(&d.id).await {
                        Ok(Some(r)) => r.version + 1,
                        _ => 1,
                    };
                    let rec = match Record::new(d, version) {
                        Ok(r) => r,
                        Err(e) => {
                            ctx.error(e.to_string());
                            break;
                        }
                    };
                    match store.put(&rec).await {
                        Ok(()) => {
                            n += 1;
                            crate::storage::announce(&d.id, version);
                        }
                        Err(e) => {
                            ctx.error(format!(
                                "{e} ({n} of {} documents were imported.)",
                                docs.len()
                            ));
                            break;
                        }
                    }
                }
                if n > 0 {
                    ctx.info(format!(
                        "Imported {n} document{}.",
                        if n == 1 { "" } else { "s" }
                    ));
                    if docs.len() == 1 {
                        ctx.open(&docs[0].id);
                    }
                }
                ctx.refresh();
            });
        })
    };
    html! {
        <div class="backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title">
                <h2 id="import-title">{ "Import" }</h2>
                <p>{ format!("The file holds {} document{}. Nothing has been changed yet.", props.docs.len(), if props.docs.len() == 1 { "" } else { "s" }) }</p>
                <ul class="preview">
                    { for props.docs.iter().map(|d| {
                        let (e, q) = crate::state::counts(d);
                        let replace = existing.contains(&d.id);
                        html! {
                            <li class={if replace { "replace" } else { "add" }}>
                                <strong>{ if replace { "Replaces: " } else { "Adds: " } }</strong>
                                { crate::storage::title_of(d) }
                                <span class="muted">{ format!(" — {e} entities, {q} quotes") }</span>
                            </li>
                        }
                    }) }
                </ul>
                <div class="row">
                    <button class="primary" id="confirm-import" onclick={confirm}>{ "Import" }</button>
                    <button onclick={cancel}>{ "Cancel" }</button>
                </div>
            </div>
        </div>
    }
}
