//! The top bar: undo/redo, export, import, help.

use crate::hooks::Ctx;
use crate::model::{self, ExportFile};
use crate::state::{Action, Dialog};
use apostil_core::formats::Format;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

fn save_files(ctx: &Ctx, files: Result<Vec<ExportFile>, apostil_core::FormatError>) {
    match files {
        Ok(files) => {
            for f in files {
                if let Err(e) = crate::dom::download(&f.name, f.mime, &f.content) {
                    ctx.error(format!("The download could not start: {e}"));
                }
            }
        }
        Err(e) => ctx.error(format!("Export failed: {e}.")),
    }
}

/// The top bar.
#[function_component(Toolbar)]
pub fn toolbar() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state = &ctx.state;
    let format = use_state(|| Format::Apostil);
    let send = |a: Action| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.send(a.clone()))
    };
    let pick = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(f) = model::format_from_key(&s.value()) {
                format.set(f);
            }
        })
    };
    let export_doc = {
        let ctx = ctx.clone();
        let format = format.clone();
        Callback::from(move |_| {
            if let Some(doc) = &ctx.state.doc {
                save_files(&ctx, model::export(doc, *format));
            }
        })
    };
    let export_lib = {
        let ctx = ctx.clone();
        let format = format.clone();
        Callback::from(move |_| {
            let Some(store) = ctx.store.clone() else {
                ctx.error("The library is not open.");
                return;
            };
            let ctx = ctx.clone();
            let f = *format;
            spawn_local(async move {
                match store.list().await {
                    Ok(recs) => {
                        let mut docs = Vec::new();
                        for r in recs {
                            match r.document() {
                                Ok(d) => docs.push(d),
                                Err(e) => ctx.error(format!("{} was skipped: {e}", r.title)),
                            }
                        }
                        if docs.is_empty() {
                            ctx.error("The library is empty: nothing to export.");
                        } else {
                            save_files(&ctx, model::export_library(&docs, f));
                        }
                    }
                    Err(e) => ctx.error(e.to_string()),
                }
            });
        })
    };
    let import = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let ctx = ctx.clone();
            spawn_local(async move {
                let name = file.name();
                let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(t) => t.as_string().unwrap_or_default(),
                    Err(_) => {
                        ctx.error(format!("Could not read {name}."));
                        return;
                    }
                };
                let f = model::detect(&text);
                match model::import(&text, f) {
                    Ok(docs) if docs.is_empty() => {
                        ctx.error(format!("{name} holds no documents; nothing was imported."))
                    }
                    Ok(docs) => {
                        ctx.send(Action::Dialog(Some(Dialog::ImportPreview(Rc::new(docs)))))
                    }
                    Err(e) => ctx.error(format!(
                        "{name} could not be imported as {}: {e}. Your library is unchanged.",
                        model::format_title(f)
                    )),
                }
            });
        })
    };
    let title = state.doc.as_ref().map(|d| crate::storage::title_of(d));
    let saved = state.revision <= state.saved_revision;
    html! {
        <header class="topbar">
            <a class="brand" href="./" aria-label="Apostil home">{ "Apostil" }</a>
            if let Some(t) = title {
                <span class="doc-name" title={t.clone()}>{ t }</span>
                <span class={classes!("save-state", (!saved).then_some("pending"))} aria-live="polite" id="save-state">
                    { if saved { "Saved" } else { "Saving…" } }
                </span>
            }
            <nav class="tools" aria-label="Document tools">
                if state.doc.is_some() {
                    <button onclick={send(Action::Undo)} disabled={!model::can_undo(&state.history)} aria-label="Undo (Ctrl+Z)" id="undo">{ "↶ Undo" }</button>
                    <button onclick={send(Action::Redo)} disabled={!model::can_redo(&state.history)} aria-label="Redo (Ctrl+Shift+Z)" id="redo">{ "↷ Redo" }</button>
                    <button onclick={{ let ctx = ctx.clone(); Callback::from(move |_: MouseEvent| ctx.reanalyze()) }} id="reanalyze" title="Run the analyser again; your decisions are kept">{ "Re-analyse" }</button>
                    <crate::components::relative_dates::RelativeDates id="relative-dates-doc" label="Relative dates"
                        on_change={{ let ctx = ctx.clone(); Callback::from(move |_| ctx.reanalyze()) }} />
                }
                <span class="export">
                    <label class="export-label" for="format">{ "Format" }</label>
                    <select id="format" onchange={pick}>
                        { for model::FORMATS.iter().map(|f| html! {
                            <option value={model::format_key(*f)} selected={*f == *format}>{ model::format_title(*f) }</option>
                        }) }
                    </select>
                    if state.doc.is_some() {
                        <button id="export-doc" onclick={export_doc}>{ "Export" }</button>
                    }
                    <button id="export-lib" onclick={export_lib}>{ "Export library" }</button>
                </span>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,.jsonld,application/json,application/ld+json" onchange={import} />
                <label class="button" for="import-file">{ "Import…" }</label>
                <button onclick={send(Action::Dialog(Some(Dialog::Help)))} aria-label="Keyboard shortcuts (?)" id="help">{ "?" }</button>
            </nav>
        </header>
    }
}
