//! Big texts are analysed in a Web Worker so the page never freezes. The worker
//! (`src/bin/worker.rs`) is built by Trunk as `apostil-worker_loader.js`, which loads
//! `apostil-worker.js` and `apostil-worker_bg.wasm` (stable names, precached offline). It is
//! started lazily, on the first big text, so small texts never fetch it. Messages are JSON
//! strings: the page sends a [`Request`], the worker answers with [`Reply`]s.

use apostil_core::Document;
use serde::{Deserialize, Serialize};

/// Texts longer than this (in bytes) are analysed in the worker; shorter ones on the page.
pub const WORKER_THRESHOLD: usize = 200_000;

/// The worker's script, next to the page (stable name, precached by the service worker).
pub const WORKER_URL: &str = "./apostil-worker_loader.js";

/// What the page asks the worker.
#[derive(Debug, Serialize, Deserialize)]
pub struct Request {
    /// Job number (replies carry it back; stale replies are ignored).
    pub job: u64,
    /// The new document's id.
    pub id: String,
    /// The text (line endings already normalised).
    pub text: String,
}

/// What the worker tells the page.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
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
    let analysis = apostil_core::analyze(&req.text);
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
        let w = web_sys::Worker::new(WORKER_URL)
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
