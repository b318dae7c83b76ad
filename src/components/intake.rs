//! The start screen: paste an article, drop or open a file, or try the sample.

use crate::hooks::Ctx;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{File, HtmlTextAreaElement};
use yew::prelude::*;

/// Reads a dropped or chosen file into text (HTML through the browser's parser).
pub async fn read_file(file: File) -> Result<(String, String), String> {
    let name = file.name();
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| format!("Could not read {name}."))?;
    let text = text.as_string().unwrap_or_default();
    let lower = name.to_lowercase();
    let is_html =
        lower.ends_with(".html") || lower.ends_with(".htm") || file.type_().contains("html");
    Ok((
        name,
        if is_html {
            crate::dom::html_to_text(&text)
        } else {
            text
        },
    ))
}

/// The start screen.
#[function_component(Intake)]
pub fn intake() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let area = use_node_ref();
    let source = use_state(|| None::<String>);
    let over = use_state(|| false);

    let onpaste = {
        let source = source.clone();
        Callback::from(move |e: Event| {
            let Some(e) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            let Some(dt) = e.clipboard_data() else { return };
            let html = dt.get_data("text/html").unwrap_or_default();
            if html.trim().is_empty() {
                return;
            }
            // Rich paste: keep only the text, read by the browser's own parser.
            e.prevent_default();
            let text = crate::dom::html_to_text(&html);
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
            {
                let cur = t.value();
                // The textarea counts in UTF-16 units; None (no caret) means the end.
                let start = t.selection_start().ok().flatten().map(|u| u as usize);
                let end = t.selection_end().ok().flatten().map(|u| u as usize);
                t.set_value(&crate::dom::splice_utf16(&cur, start, end.or(start), &text));
            }
            source.set(Some("pasted HTML".into()));
        })
    };

    let annotate = {
        let ctx = ctx.clone();
        let area = area.clone();
        let source = source.clone();
        Callback::from(move |_| {
            if let Some(t) = area.cast::<HtmlTextAreaElement>() {
                ctx.new_document(&t.value(), (*source).clone());
            }
        })
    };

    let sample = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            ctx.new_document(crate::sample::ARTICLE, Some("Apostil sample".into()))
        })
    };

    let open_files = {
        let ctx = ctx.clone();
        move |files: Option<web_sys::FileList>| {
            let Some(file) = files.and_then(|f| f.get(0)) else {
                return;
            };
            let ctx = ctx.clone();
            spawn_local(async move {
                match read_file(file).await {
                    Ok((name, text)) => ctx.new_document(&text, Some(name)),
                    Err(e) => ctx.error(e),
                }
            });
        }
    };

    let onchange = {
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            open_files(input.files());
            input.set_value("");
        })
    };

    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let over = over.clone();
        let ctx = ctx.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let Some(dt) = e.data_transfer() else { return };
            if dt.files().map(|f| f.length() > 0).unwrap_or(false) {
                open_files(dt.files());
            } else {
                let html = dt.get_data("text/html").unwrap_or_default();
                let text = if html.trim().is_empty() {
                    dt.get_data("text/plain").unwrap_or_default()
                } else {
                    crate::dom::html_to_text(&html)
                };
                ctx.new_document(&text, Some("dropped text".into()));
            }
        })
    };

    let busy = ctx.state.busy.is_some();
    html! {
        <section class={classes!("intake", (*over).then_some("over"))} aria-labelledby="intake-title"
            {ondragover} {ondragleave} {ondrop}>
            <h1 id="intake-title">{ "Annotate a news article" }</h1>
            <p class="lede">{ "Paste an article below, drop a .txt, .html or .md file here, or try the sample. Apostil finds people, organisations, places, dates and money, and every quotation with who said it — all in your browser." }</p>
            <label class="visually-hidden" for="paste">{ "Article text" }</label>
            <textarea id="paste" ref={area} rows="12" placeholder="Paste an article here (plain text or straight from a web page)…" onpaste={onpaste} />
            <div class="intake-actions">
                <button class="primary" id="annotate" onclick={annotate} disabled={busy}>{ "Annotate" }</button>
                <input id="open-file" class="visually-hidden" type="file" accept=".txt,.html,.htm,.md,text/plain,text/html,text/markdown" {onchange} />
                <label class="button" for="open-file">{ "Open a file…" }</label>
                <button id="sample" onclick={sample}>{ "Try the sample article" }</button>
            </div>
            <crate::components::relative_dates::RelativeDates id="relative-dates"
                label="Also mark relative dates and periods (“last week”, “in recent years”) as DATE" />
            if busy {
                <crate::components::progress::AnalysisProgress />
            }
            <p class="hint">{ "Press ? at any time for keyboard shortcuts." }</p>
        </section>
    }
}
