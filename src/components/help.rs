//! The keyboard shortcuts dialog (`?`).

use crate::hooks::Ctx;
use crate::hooks::use_keyboard::SHORTCUTS;
use crate::state::Action;
use yew::prelude::*;

/// The help dialog.
#[function_component(Help)]
pub fn help() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let close = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.send(Action::Dialog(None)))
    };
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    html! {
        <div class="backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                <table class="keys">
                    <tbody>
                        { for SHORTCUTS.iter().map(|(k, d)| html! { <tr><th scope="row"><kbd>{ *k }</kbd></th><td>{ *d }</td></tr> }) }
                    </tbody>
                </table>
                <p class="muted">{ "Select text with the mouse or touch to add an annotation; it snaps to whole words." }</p>
                <button class="primary" ref={node} onclick={close}>{ "Close" }</button>
            </div>
        </div>
    }
}
