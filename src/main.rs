//! Apostil's page: starts the Yew app in `lib.rs`. The same wasm runs the analysis worker: there
//! `run` does nothing and `web/analysis-worker.js` calls [`apostil_worker_start`].

use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    apostil_app::run();
}

/// The analysis worker's entry point (called by `web/analysis-worker.js` once the wasm is loaded).
#[wasm_bindgen]
pub fn apostil_worker_start() {
    apostil_app::worker::serve();
}
