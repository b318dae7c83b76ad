//! Big texts are analysed in a Web Worker so the page never freezes. The worker runs the page's
//! OWN wasm: `web/analysis-worker.js` (a module worker; `scripts/postbuild.py` writes the names
//! of this build's hashed glue and wasm into it) imports the same `apostil-app-*.js` and
//! `*_bg.wasm` the page loaded, so the browser and the service worker hold them once. The wasm's
//! start function sees it is in a worker and does not mount the page ([`crate::run`]); the script
//! then calls the exported `apostil_worker_start`, which is [`serve`]. The worker is started
//! lazily, on the first big text. Messages are JSON strings: the page sends a [`Request`], the
//! worker answers with [`Reply`]s. Pages opened from a file (the single-file build) cannot start
//! workers: [`Analyser::worker`] says so and the caller analyses on the page.

use apostil_core::Document;
use serde::{Deserialize, Serialize};

/// Texts longer than this (in bytes) are analysed in the worker; shorter ones on the page.
pub const WORKER_THRESHOLD: usize = 200_000;

/// The worker's script, next to the page (stable name, precached by the service worker). The
/// page adds `?v=BUILD` (its `<meta name="apostil-build">`) so an HTTP cache never pairs an old
/// script with a new build.
pub const WORKER_URL: &str = "./analysis-worker.js";

/// What the page asks the worker.
#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    /// Job number (replies carry it back; stale replies are ignored).
    pub job: u64,
    /// The new document's id.
    pub id: String,
    /// The text (line endings already normalised).
    pub text: String,
    /// Mark relative dates ("last week") as DATE too ([`crate::settings::relative_dates`]).
    #[serde(default)]
    pub relative_dates: bool,
}

/// What the worker tells the page.
// Externally tagged (serde's default): an internally tagged enum would make serde buffer the
// whole document and compile a second copy of its deserialiser into the wasm.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The worker's wasm is loaded and it listens.
    Ready,
    /// A job reached a stage ("analysing", "building").
    Stage {
        /// Job number.
        job: u64,
        /// Stage name.
        stage: String,
    },
    /// A job finished: the document as `Document::from_analysis(id, text, &analyze(text))`.
    Done {
        /// Job number.
        job: u64,
        /// The analysed document.
        doc: Box<Document>,
    },
}

/// The analysed document for a request: exactly what the page's fast path makes.
pub fn run(req: &Request) -> Document {
    let analysis = crate::settings::analyze_with(&req.text, req.relative_dates);
    crate::model::from_analysis(&req.id, &req.text, &analysis)
}

/// The page's side: the worker (started on the first big text) and the job in flight.
#[derive(Default)]
pub struct Analyser {
    worker: Option<web_sys::Worker>,
    handlers: Vec<wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)>>,
    /// The job in flight: number and the document's source.
    pub job: Option<(u64, Option<String>)>,
    next_job: u64,
    /// True once the worker said it listens (messages sent before that would be lost).
    ready: bool,
    /// A request waiting for the worker to be ready.
    waiting: Option<String>,
}

impl std::fmt::Debug for Analyser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyser")
            .field("started", &self.worker.is_some())
            .field("job", &self.job)
            .finish()
    }
}

impl Analyser {
    /// A new job number.
    pub fn next_job(&mut self) -> u64 {
        self.next_job += 1;
        self.next_job
    }

    /// The worker, started (with these handlers for its messages and errors) when needed.
    pub fn worker(
        &mut self,
        on_message: impl FnMut(wasm_bindgen::JsValue) + 'static,
        on_error: impl FnMut(wasm_bindgen::JsValue) + 'static,
    ) -> Result<web_sys::Worker, String> {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        if let Some(w) = &self.worker {
            return Ok(w.clone());
        }
        let window = web_sys::window().ok_or("The analysis worker needs a page.")?;
        if window.location().protocol().ok().as_deref() == Some("file:") {
            // Browsers refuse workers to pages opened from a file: analyse on the page.
            return Err("Pages opened from a file cannot start workers.".into());
        }
        let build = window
            .document()
            .and_then(|d| d.query_selector("meta[name=apostil-build]").ok().flatten())
            .and_then(|m| m.get_attribute("content"));
        let url = match build {
            Some(v) => format!("{WORKER_URL}?v={v}"),
            None => WORKER_URL.to_string(),
        };
        let opts = web_sys::WorkerOptions::new();
        opts.set_type(web_sys::WorkerType::Module);
        let w = web_sys::Worker::new_with_options(&url, &opts)
            .map_err(|e| format!("The analysis worker could not start ({e:?})."))?;
        let m = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(on_message);
        let e = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(on_error);
        w.set_onmessage(Some(m.as_ref().unchecked_ref()));
        w.set_onerror(Some(e.as_ref().unchecked_ref()));
        self.handlers = vec![m, e];
        self.worker = Some(w.clone());
        Ok(w)
    }

    /// Sends a request now, or once the worker is ready.
    pub fn send(&mut self, json: String) -> Result<(), String> {
        match &self.worker {
            Some(w) if self.ready => w
                .post_message(&wasm_bindgen::JsValue::from_str(&json))
                .map_err(|e| format!("The analysis worker could not be reached ({e:?}).")),
            Some(_) => {
                self.waiting = Some(json);
                Ok(())
            }
            None => Err("The analysis worker is not running.".into()),
        }
    }

    /// The worker is ready: sends the waiting request, if any.
    pub fn on_ready(&mut self) -> Result<(), String> {
        self.ready = true;
        match self.waiting.take() {
            Some(json) => self.send(json),
            None => Ok(()),
        }
    }

    /// Stops the worker (dropping any job); the next big text starts a fresh one.
    pub fn stop(&mut self) {
        if let Some(w) = self.worker.take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.terminate();
        }
        // Forgotten, not dropped: stop() may run inside one of them (a worker error).
        for h in std::mem::take(&mut self.handlers) {
            h.forget();
        }
        self.job = None;
        self.ready = false;
        self.waiting = None;
    }
}

/// Is this code running in a Web Worker (not on the page)?
pub fn in_worker() -> bool {
    use wasm_bindgen::JsCast;
    js_sys::global().is_instance_of::<web_sys::WorkerGlobalScope>()
}

/// The worker's side: listens for [`Request`]s and answers with [`Reply`]s (`Ready` first).
/// Called once by `web/analysis-worker.js` (through `apostil_worker_start`, exported by the
/// app's `main.rs`) after the wasm is loaded.
pub fn serve() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::JsValue;
    use wasm_bindgen::closure::Closure;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
        if let Ok(json) = serde_json::to_string(reply) {
            let _ = scope.post_message(&JsValue::from_str(&json));
        }
    }

    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
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
