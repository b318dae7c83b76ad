//! Progress of a big text's analysis in the worker: what it is doing, for how long, and Cancel.

use crate::hooks::Ctx;
use crate::text::fixed;
use yew::prelude::*;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// The progress panel (shown while `state.busy` is set).
#[function_component(AnalysisProgress)]
pub fn analysis_progress() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let tick = use_state(|| 0u32);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let t = gloo::timers::callback::Interval::new(250, move || tick.set(now() as u32));
            move || drop(t)
        });
    }
    let Some(busy) = ctx.state.busy.clone() else {
        return html! {};
    };
    let secs = ((now() - busy.started) / 1000.0).max(0.0);
    let size = if busy.bytes >= 1_000_000 {
        format!("{} MB", fixed(busy.bytes as f64 / 1e6, 1))
    } else {
        format!("{} KB", busy.bytes / 1000)
    };
    let cancel = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.cancel_analysis())
    };
    html! {
        <div class="analysis-progress" id="analysis-progress" role="status" aria-live="polite">
            <span class="spinner" aria-hidden="true"></span>
            <div class="analysis-progress-text">
                <p><strong>{ format!("Analysing a long article ({size})") }</strong></p>
                <p class="stage">{ busy.stage.clone() }<span class="elapsed">{ format!(" {} s", fixed(secs, 0)) }</span></p>
                <progress aria-label="Analysis in progress"></progress>
            </div>
            <button id="cancel-analysis" onclick={cancel}>{ "Cancel" }</button>
        </div>
    }
}
