//! Messages: errors in plain words, with buttons (undo a delete, resolve a conflict).

use crate::hooks::Ctx;
use crate::state::{Action, NoticeAction, NoticeKind};
use yew::prelude::*;

/// The message area.
#[function_component(Notices)]
pub fn notices() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    // Info messages go away by themselves; errors stay until dismissed.
    {
        let ctx = ctx.clone();
        let list = ctx.state.notices.clone();
        use_effect_with(list, move |list| {
            let timers: Vec<gloo::timers::callback::Timeout> = list
                .iter()
                .filter(|n| n.kind == NoticeKind::Info)
                .map(|n| {
                    let ctx = ctx.clone();
                    let id = n.id;
                    let ms = if n.actions.is_empty() { 5_000 } else { 12_000 };
                    gloo::timers::callback::Timeout::new(ms, move || ctx.send(Action::Dismiss(id)))
                })
                .collect();
            move || drop(timers)
        });
    }
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for ctx.state.notices.iter().map(|n| {
                let id = n.id;
                let dismiss = { let ctx = ctx.clone(); Callback::from(move |_| ctx.send(Action::Dismiss(id))) };
                html! {
                    <div class={classes!("notice", if n.kind == NoticeKind::Error { "error" } else { "info" })} key={n.id} role={if n.kind == NoticeKind::Error { "alert" } else { "status" }}>
                        <p>{ n.text.clone() }</p>
                        { for n.actions.iter().map(|a| {
                            let label = match a {
                                NoticeAction::RestoreDeleted(_) => "Undo",
                                NoticeAction::LoadNewer(_) => "Load the newer copy",
                                NoticeAction::KeepMine(_) => "Keep mine",
                            };
                            let onclick = { let ctx = ctx.clone(); let a = a.clone(); Callback::from(move |_| ctx.notice_action(id, &a)) };
                            html! { <button class="notice-action" {onclick}>{ label }</button> }
                        }) }
                        <button class="ghost" onclick={dismiss} aria-label="Dismiss">{ "✕" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
