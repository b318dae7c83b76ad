//! Apostil's page: a Yew app over the core. `main.rs` only starts it; everything lives here so
//! in-browser tests (`tests/web_*.rs`) can reach the state, the storage and the components.

pub mod components;
pub mod dom;
pub mod hooks;
pub mod labels;
pub mod model;
pub mod sample;
pub mod settings;
pub mod state;
pub mod storage;
pub mod text;
pub mod worker;

/// The current time, RFC 3339.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Starts the page. The same wasm also runs the analysis worker (see [`worker`]): there the
/// start function must not mount anything, the worker script calls [`worker::serve`] instead.
pub fn run() {
    if worker::in_worker() {
        return;
    }
    yew::Renderer::<components::app::App>::new().render();
}
