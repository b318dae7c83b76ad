//! The analysis worker: runs in a dedicated Web Worker, analyses big texts off the page's main
//! thread (see `src/worker.rs` for the protocol).

use apostil_app::worker::{Reply, Request, run};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    if let Ok(json) = serde_json::to_string(reply) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let me = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let Some(json) = e.data().as_string() else {
            return;
        };
        let Ok(req) = serde_json::from_str::<Request>(&json) else {
            return;
        };
        post(
            &me,
            &Reply::Stage {
                job: req.job,
                stage: "analysing".into(),
            },
        );
        let doc = run(&req);
        post(
            &me,
            &Reply::Done {
                job: req.job,
                doc: Box::new(doc),
            },
        );
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &Reply::Ready);
}
