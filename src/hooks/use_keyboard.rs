//! Keyboard shortcuts for the whole page (listed in the help dialog, `?`).

use crate::state::{Action, Dialog, End, State};
use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The shortcuts, for the help dialog: (keys, what they do).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("j or ↓", "Next suggestion"),
    ("k or ↑", "Previous suggestion"),
    ("a", "Accept the selected suggestion"),
    ("x", "Reject the selected suggestion"),
    (
        "1 … 9",
        "Give the selected annotation the n-th label of the legend",
    ),
    ("Delete", "Delete the selected annotation"),
    (
        "[ / ]",
        "Move the start of the selection one word left / right",
    ),
    (
        "{ / }",
        "Move the end of the selection one word left / right",
    ),
    ("n / p", "Next / previous mention of the highlighted entity"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z or Ctrl+Y", "Redo"),
    ("/", "Search the text"),
    ("Esc", "Close a dialog, clear the selection"),
    ("?", "This help"),
];

/// Listens for shortcuts on the document.
#[hook]
pub fn use_keyboard(state: UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    let has_dialog = state.dialog.is_some();
    use_effect_with(has_dialog, move |has_dialog| {
        let has_dialog = *has_dialog;
        let doc = web_sys::window()
            .and_then(|w| w.document())
            .expect("document");
        let opts = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&doc, "keydown", opts, move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let key = e.key();
            let ctrl = e.ctrl_key() || e.meta_key();
            if key == "Escape" {
                if has_dialog {
                    dispatcher.dispatch(Action::Dialog(None));
                } else if !crate::dom::typing() {
                    dispatcher.dispatch(Action::Select(None));
                }
                return;
            }
            if crate::dom::typing() || has_dialog || e.alt_key() {
                return;
            }
            let action = if ctrl {
                match key.to_lowercase().as_str() {
                    "z" if e.shift_key() => Some(Action::Redo),
                    "z" => Some(Action::Undo),
                    "y" => Some(Action::Redo),
                    _ => None,
                }
            } else {
                match key.as_str() {
                    "j" | "ArrowDown" => Some(Action::Step(1)),
                    "k" | "ArrowUp" => Some(Action::Step(-1)),
                    "a" => Some(Action::Decide(true)),
                    "x" => Some(Action::Decide(false)),
                    "n" => Some(Action::Mention(1)),
                    "p" => Some(Action::Mention(-1)),
                    "Delete" | "Backspace" => Some(Action::DeleteSelected),
                    "[" => Some(Action::Resize(End::Start, 1)),
                    "]" => Some(Action::Resize(End::Start, -1)),
                    "{" => Some(Action::Resize(End::End, -1)),
                    "}" => Some(Action::Resize(End::End, 1)),
                    "?" => Some(Action::Dialog(Some(Dialog::Help))),
                    "/" => {
                        if let Ok(Some(el)) = crate::dom::document().query_selector("#search")
                            && let Ok(h) = el.dyn_into::<web_sys::HtmlElement>()
                        {
                            let _ = h.focus();
                        }
                        e.prevent_default();
                        None
                    }
                    k if k.len() == 1 && ('1'..='9').contains(&k.chars().next().unwrap_or(' ')) => {
                        Some(Action::LabelNth(k.parse::<usize>().unwrap_or(1) - 1))
                    }
                    _ => None,
                }
            };
            if let Some(a) = action {
                e.prevent_default();
                dispatcher.dispatch(a);
            }
        });
        move || drop(listener)
    });
}
