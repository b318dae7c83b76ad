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
                            <Inspector />
                            <Entities />
                            <Quotes />
                            <Chart />
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
