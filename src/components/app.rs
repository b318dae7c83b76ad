//! The page: top bar, library, article, side panels, dialogs and messages.

use crate::components::{
    article::Article, chart::Chart, entities::Entities, help::Help, import::ImportPreview,
    inspector::Inspector, intake::Intake, legend::Legend, library::Library, notices::Notices,
    quotes::Quotes, toolbar::Toolbar,
};
use crate::hooks::{Ctx, use_keyboard, use_library};
use crate::state::{Dialog, State};
use yew::prelude::*;

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);
    use_keyboard(state.clone());
    let ctx = use_library(state.clone());
    let has_doc = state.doc.is_some();
    // A long document opens in two frames: the article first, the side panels (which walk
    // every annotation) in the next one, so neither frame blocks the page for long.
    let doc_id = state.doc.as_ref().map(|d| d.id.clone());
    let long = state
        .doc
        .as_ref()
        .is_some_and(|d| d.text.len() > crate::components::article::WINDOW_BYTES);
    let panels_for = use_state_eq(|| None::<String>);
    {
        let panels_for = panels_for.clone();
        use_effect_with(doc_id.clone(), move |id| {
            let id = id.clone();
            let f = wasm_bindgen::closure::Closure::once_into_js(move || panels_for.set(id));
            if let Some(w) = web_sys::window() {
                let _ = w.request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&f));
            }
        });
    }
    let panels_ready = !long || *panels_for == doc_id;
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <div class="app">
                <Toolbar />
                <div class={classes!("layout", (!has_doc).then_some("no-doc"))}>
                    <aside class="panel library-panel" aria-label="Library">
                        <Library />
                    </aside>
                    <main class="main" id="main">
                        if has_doc {
                            // A long text being analysed again (in the worker).
                            <crate::components::progress::AnalysisProgress />
                            <Legend />
                            <Article />
                        } else {
                            <Intake />
                        }
                    </main>
                    if has_doc {
                        <aside class="panel side" aria-label="Annotations">
                            if panels_ready {
                                <Inspector />
                                <Entities />
                                <Quotes />
                                <Chart />
                            } else {
                                <p class="card muted">{ "Gathering entities and quotes…" }</p>
                            }
                        </aside>
                    }
                </div>
                <Notices />
                {
                    match &state.dialog {
                        Some(Dialog::Help) => html! { <Help /> },
                        Some(Dialog::ImportPreview(docs)) => html! { <ImportPreview docs={docs.clone()} /> },
                        None => html! {},
                    }
                }
            </div>
        </ContextProvider<Ctx>>
    }
}
