//! The library hook: opens IndexedDB, lists documents, saves the open document after every
//! change (one save at a time, on top of the stored version), and listens to other tabs.

use crate::state::{Action, DocSummary, NoticeAction, NoticeKind, State};
use crate::storage::{self, Record, StorageError, Store};
use crate::worker::{Analyser, Reply, Request, WORKER_THRESHOLD};
use apostil_core::Document;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

const LAST_OPEN: &str = "apostil.lastOpen";
const LABELS_KEY: &str = "customLabels";

/// Saves in flight for the page.
#[derive(Debug, Default)]
pub struct Saver {
    busy: bool,
    pending: Option<(Rc<Document>, u64, u64)>,
    last: Option<(String, u64)>,
    blocked: Option<String>,
}

/// What components get from the app: the state, the store (once open) and the saver.
#[derive(Clone)]
pub struct Ctx {
    /// The state and its dispatcher.
    pub state: UseReducerHandle<State>,
    /// The library database, once open.
    pub store: Option<Store>,
    /// The save queue.
    pub saver: Rc<RefCell<Saver>>,
    /// The analysis worker for big texts.
    pub analyser: Rc<RefCell<Analyser>>,
    /// The worker job that re-analyses the open document (not a new one), if any.
    pub reanalysing: Rc<RefCell<Option<u64>>>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state && self.store == other.store
    }
}

impl Ctx {
    /// Dispatches an action.
    pub fn send(&self, a: Action) {
        self.state.dispatch(a);
    }

    /// Shows an error message.
    pub fn error(&self, text: impl Into<String>) {
        self.send(Action::Notify(NoticeKind::Error, text.into(), vec![]));
    }

    /// Shows an info message.
    pub fn info(&self, text: impl Into<String>) {
        self.send(Action::Notify(NoticeKind::Info, text.into(), vec![]));
    }

    /// Re-reads the library list.
    pub fn refresh(&self) {
        let Some(store) = self.store.clone() else {
            return;
        };
        let state = self.state.clone();
        spawn_local(async move {
            match store.list().await {
                Ok(list) => {
                    state.dispatch(Action::Library(list.iter().map(Record::summary).collect()))
                }
                Err(e) => state.dispatch(Action::Notify(NoticeKind::Error, e.to_string(), vec![])),
            }
        });
    }

    /// Opens a stored document.
    pub fn open(&self, id: &str) {
        let Some(store) = self.store.clone() else {
            return;
        };
        let state = self.state.clone();
        let id = id.to_string();
        spawn_local(async move {
            match store.get(&id).await {
                Ok(Some(rec)) => match rec.document() {
                    Ok(doc) => {
                        remember(&doc.id);
                        state.dispatch(Action::Open(Rc::new(doc), rec.version));
                    }
                    Err(e) => {
                        state.dispatch(Action::Notify(NoticeKind::Error, e.to_string(), vec![]))
                    }
                },
                Ok(None) => state.dispatch(Action::Notify(
                    NoticeKind::Error,
                    "That document is no longer in the library.".into(),
                    vec![],
                )),
                Err(e) => state.dispatch(Action::Notify(NoticeKind::Error, e.to_string(), vec![])),
            }
        });
    }

    /// Starts a new document from text (analysed by the core) and opens it.
    pub fn new_document(&self, text: &str, source: Option<String>) {
        let text = text.replace("\r\n", "\n");
        if text.trim().is_empty() {
            self.error(
                "There is no text to annotate: paste an article, drop a file or try the sample.",
            );
            return;
        }
        let id = new_id();
        // Long texts go to the worker; if it cannot start (a file:// page), analyse here.
        if text.len() > WORKER_THRESHOLD && self.analyse_in_worker(&id, &text, source.clone()) {
            return;
        }
        let analysis = crate::settings::analyze(&text);
        let doc = crate::model::from_analysis(&id, &text, &analysis);
        self.open_new(doc, source);
    }

    /// Runs the analyser again over the open document, keeping decisions: a long text in the
    /// worker (the page stays responsive, with progress and Cancel), a short one here.
    pub fn reanalyze(&self) {
        let Some(doc) = self.state.doc.clone() else {
            return;
        };
        if doc.text.len() > WORKER_THRESHOLD && self.analyse_in_worker(&doc.id, &doc.text, None) {
            let job = self.analyser.borrow().job.as_ref().map(|(j, _)| *j);
            *self.reanalysing.borrow_mut() = job;
            return;
        }
        self.send(Action::Reanalyze);
    }

    /// Opens a freshly analysed document.
    fn open_new(&self, mut doc: Document, source: Option<String>) {
        if doc.meta.title.is_none() {
            doc.meta.title = Some(storage::title_of(&doc));
        }
        doc.meta.source = source;
        let now = crate::now_iso();
        doc.meta.created = Some(now.clone());
        doc.meta.modified = Some(now);
        remember(&doc.id);
        self.send(Action::Open(Rc::new(doc), 0));
    }

    /// Analyses a big text in the worker (started now if needed); the page stays responsive.
    /// False when the worker cannot start (the caller analyses on the page instead).
    fn analyse_in_worker(&self, id: &str, text: &str, source: Option<String>) -> bool {
        let mut an = self.analyser.borrow_mut();
        if an.job.is_some() {
            drop(an);
            self.error("An article is already being analysed: wait for it or cancel it.");
            return true;
        }
        let on_message = {
            let ctx = self.clone();
            move |data: JsValue| ctx.worker_message(data)
        };
        let on_error = {
            let ctx = self.clone();
            move |e: JsValue| {
                let msg = e
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|e| e.message())
                    .unwrap_or_default();
                if let Some(e) = e.dyn_ref::<web_sys::Event>() {
                    e.prevent_default();
                }
                ctx.analyser.borrow_mut().stop();
                ctx.reanalysing.borrow_mut().take();
                ctx.send(Action::Busy(None));
                ctx.error(format!(
                    "The analysis failed{}. Nothing was added to the library.",
                    if msg.is_empty() {
                        String::new()
                    } else {
                        format!(" ({msg})")
                    }
                ));
            }
        };
        if an.worker(on_message, on_error).is_err() {
            return false;
        }
        let job = an.next_job();
        let bytes = text.len();
        let req = Request {
            job,
            id: id.to_string(),
            text: text.to_string(),
            relative_dates: crate::settings::relative_dates(),
        };
        let Ok(json) = serde_json::to_string(&req) else {
            return false;
        };
        if an.send(json).is_err() {
            an.stop();
            return false;
        }
        an.job = Some((job, source));
        drop(an);
        let started = web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or(0.0);
        self.send(Action::Busy(Some(crate::state::Busy {
            job,
            bytes,
            started,
            stage: "Starting the analyser…".into(),
        })));
        true
    }

    /// A message from the analysis worker.
    fn worker_message(&self, data: JsValue) {
        let data = data
            .dyn_into::<web_sys::MessageEvent>()
            .map(|e| e.data())
            .unwrap_or(JsValue::NULL);
        let Some(json) = data.as_string() else {
            return;
        };
        let Some(reply) = read_reply(&json) else {
            return;
        };
        let current = self.analyser.borrow().job.as_ref().map(|(j, _)| *j);
        match reply {
            Reply::Ready => {
                let res = self.analyser.borrow_mut().on_ready();
                if let Err(e) = res {
                    self.analyser.borrow_mut().stop();
                    self.send(Action::Busy(None));
                    self.error(e);
                }
            }
            Reply::Stage { job, stage } if Some(job) == current => {
                let words = match stage.as_str() {
                    "analysing" => "Finding names, dates and quotes…".into(),
                    other => other.to_string(),
                };
                self.send(Action::BusyStage(job, words));
            }
            Reply::Done { job, doc } if Some(job) == current => {
                // Say so, let the page paint, then open (rendering a long article takes a while).
                self.send(Action::BusyStage(job, "Showing the highlights…".into()));
                let ctx = self.clone();
                gloo::timers::callback::Timeout::new(40, move || {
                    let mine = ctx.analyser.borrow().job.as_ref().map(|(j, _)| *j) == Some(job);
                    if !mine {
                        return; // cancelled meanwhile
                    }
                    let source = ctx.analyser.borrow_mut().job.take().and_then(|(_, s)| s);
                    ctx.send(Action::Busy(None));
                    if ctx.reanalysing.borrow_mut().take() == Some(job) {
                        ctx.send(Action::Reanalyzed(Rc::new(*doc)));
                    } else {
                        ctx.open_new(*doc, source);
                    }
                })
                .forget();
            }
            _ => {}
        }
    }

    /// Cancels the analysis in flight: the worker is stopped, the library is left as it was.
    pub fn cancel_analysis(&self) {
        self.analyser.borrow_mut().stop();
        let again = self.reanalysing.borrow_mut().take().is_some();
        self.send(Action::Busy(None));
        self.info(if again {
            "Re-analysis cancelled. The document is unchanged."
        } else {
            "Analysis cancelled. Nothing was added to the library."
        });
    }

    /// Deletes a document, offering to undo.
    pub fn delete(&self, id: &str) {
        let Some(store) = self.store.clone() else {
            return;
        };
        let ctx = self.clone();
        let id = id.to_string();
        spawn_local(async move {
            match store.delete(&id).await {
                Ok(rec) => {
                    if ctx.state.doc.as_ref().map(|d| d.id == id).unwrap_or(false) {
                        ctx.send(Action::Close);
                    }
                    storage::announce(&id, 0);
                    let actions = rec
                        .clone()
                        .map(|r| vec![NoticeAction::RestoreDeleted(Rc::new(r))])
                        .unwrap_or_default();
                    let title = rec.map(|r| r.title).unwrap_or_else(|| "Document".into());
                    ctx.send(Action::Notify(
                        NoticeKind::Info,
                        format!("Deleted “{title}”."),
                        actions,
                    ));
                    ctx.refresh();
                }
                Err(e) => ctx.error(e.to_string()),
            }
        });
    }

    /// Renames a stored document (the open one goes through the state and autosave).
    pub fn rename(&self, id: &str, title: &str) {
        if self.state.doc.as_ref().map(|d| d.id == id).unwrap_or(false) {
            self.send(Action::Rename(title.to_string()));
            return;
        }
        let Some(store) = self.store.clone() else {
            return;
        };
        let ctx = self.clone();
        let (id, title) = (id.to_string(), title.trim().to_string());
        spawn_local(async move {
            let res: Result<u64, StorageError> = async {
                let rec = store
                    .get(&id)
                    .await?
                    .ok_or_else(|| StorageError::Failed("document not found".into()))?;
                let mut doc = rec.document()?;
                doc.meta.title = Some(title);
                store.save(&doc, rec.version, false).await
            }
            .await;
            match res {
                Ok(v) => storage::announce(&id, v),
                Err(e) => ctx.error(e.to_string()),
            }
            ctx.refresh();
        });
    }

    /// Runs a notice's button.
    pub fn notice_action(&self, notice: u64, action: &NoticeAction) {
        self.send(Action::Dismiss(notice));
        let Some(store) = self.store.clone() else {
            return;
        };
        let ctx = self.clone();
        match action.clone() {
            NoticeAction::RestoreDeleted(rec) => spawn_local(async move {
                match store.put(&rec).await {
                    Ok(()) => {
                        storage::announce(&rec.id, rec.version);
                        ctx.info(format!("Restored “{}”.", rec.title));
                    }
                    Err(e) => ctx.error(e.to_string()),
                }
                ctx.refresh();
            }),
            NoticeAction::LoadNewer(id) => {
                self.saver.borrow_mut().blocked = None;
                spawn_local(async move {
                    match store.get(&id).await {
                        Ok(Some(rec)) => match rec.document() {
                            Ok(doc) => ctx.send(Action::Reload(Rc::new(doc), rec.version)),
                            Err(e) => ctx.error(e.to_string()),
                        },
                        Ok(None) => ctx.error("The other tab deleted this document."),
                        Err(e) => ctx.error(e.to_string()),
                    }
                });
            }
            NoticeAction::KeepMine(id) => {
                self.saver.borrow_mut().blocked = None;
                let Some(doc) = self.state.doc.clone().filter(|d| d.id == id) else {
                    return;
                };
                let revision = self.state.revision;
                spawn_local(async move {
                    match store.save(&doc, 0, true).await {
                        Ok(version) => {
                            ctx.saver.borrow_mut().last = Some((id.clone(), version));
                            storage::announce(&id, version);
                            ctx.send(Action::Saved {
                                id,
                                version,
                                revision,
                            });
                            ctx.refresh();
                        }
                        Err(e) => ctx.error(e.to_string()),
                    }
                });
            }
        }
    }

    /// Saves library-wide custom labels.
    pub fn save_labels(&self, list: Vec<crate::labels::CustomLabel>) {
        self.send(Action::Custom(list.clone()));
        let Some(store) = self.store.clone() else {
            return;
        };
        let ctx = self.clone();
        spawn_local(async move {
            let json = serde_json::to_string(&list).unwrap_or_default();
            if let Err(e) = store.set_meta(LABELS_KEY, &json).await {
                ctx.error(e.to_string());
            }
        });
    }
}

/// A new document id.
pub fn new_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("doc-{t:x}-{r:x}")
}

fn remember(id: &str) {
    if let Some(ls) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = ls.set_item(LAST_OPEN, id);
    }
}

fn last_open() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(LAST_OPEN)
        .ok()?
}

/// Reads a worker reply. A `done` reply (megabytes for a long text) is read straight into its
/// document: serde reads internally tagged enums by buffering the whole value first, which
/// doubled the time the page spent on it.
fn read_reply(json: &str) -> Option<Reply> {
    #[derive(serde::Deserialize)]
    struct Done {
        job: u64,
        doc: Box<Document>,
    }
    if json.starts_with(r#"{"type":"done""#)
        && let Ok(Done { job, doc }) = serde_json::from_str::<Done>(json)
    {
        return Some(Reply::Done { job, doc });
    }
    serde_json::from_str::<Reply>(json).ok()
}

/// Saves the newest pending copy, one save at a time.
fn pump(saver: Rc<RefCell<Saver>>, store: Store, state: UseReducerHandle<State>) {
    {
        let mut s = saver.borrow_mut();
        if s.busy {
            return;
        }
        s.busy = true;
    }
    spawn_local(async move {
        loop {
            let next = saver.borrow_mut().pending.take();
            let Some((doc, revision, base)) = next else {
                break;
            };
            let base = match &saver.borrow().last {
                Some((id, v)) if *id == doc.id => (*v).max(base),
                _ => base,
            };
            match store.save(&doc, base, false).await {
                Ok(version) => {
                    saver.borrow_mut().last = Some((doc.id.clone(), version));
                    storage::announce(&doc.id, version);
                    state.dispatch(Action::Saved {
                        id: doc.id.clone(),
                        version,
                        revision,
                    });
                    // The library line of this document, from the copy just saved: reading the
                    // whole library back would copy every stored text into the page again.
                    let (entities, quotes) = crate::state::counts(&doc);
                    state.dispatch(Action::Summary(crate::state::DocSummary {
                        id: doc.id.clone(),
                        title: storage::title_of(&doc),
                        modified: js_sys::Date::now(),
                        version,
                        entities,
                        quotes,
                    }));
                }
                Err(StorageError::Conflict { stored }) => {
                    saver.borrow_mut().blocked = Some(doc.id.clone());
                    state.dispatch(Action::Notify(
                        NoticeKind::Error,
                        format!("This document was changed in another tab (stored version {stored}); your latest change is not saved yet. Load the newer copy, or keep yours and overwrite it."),
                        vec![NoticeAction::LoadNewer(doc.id.clone()), NoticeAction::KeepMine(doc.id.clone())],
                    ));
                }
                Err(e) => state.dispatch(Action::Notify(NoticeKind::Error, e.to_string(), vec![])),
            }
        }
        saver.borrow_mut().busy = false;
    });
}

type OnMessage = Closure<dyn FnMut(web_sys::MessageEvent)>;

/// Opens the library, restores the last open document, saves changes and follows other tabs.
#[hook]
pub fn use_library(state: UseReducerHandle<State>) -> Ctx {
    let store = use_state(|| None::<Store>);
    let saver = use_mut_ref(Saver::default);
    let analyser = use_mut_ref(Analyser::default);
    let reanalysing = use_mut_ref(|| None::<u64>);
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();

    // Open the database once.
    {
        let store = store.clone();
        let state = state.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                match Store::open(storage::DB_NAME).await {
                    Ok(s) => {
                        match s.list().await {
                            Ok(list) => state.dispatch(Action::Library(
                                list.iter().map(Record::summary).collect(),
                            )),
                            Err(e) => state.dispatch(Action::Notify(
                                NoticeKind::Error,
                                e.to_string(),
                                vec![],
                            )),
                        }
                        if let Ok(Some(json)) = s.get_meta(LABELS_KEY).await
                            && let Ok(list) = serde_json::from_str(&json)
                        {
                            state.dispatch(Action::Custom(list));
                        }
                        if state.doc.is_none()
                            && let Some(id) = last_open()
                            && let Ok(Some(rec)) = s.get(&id).await
                            && let Ok(doc) = rec.document()
                        {
                            state.dispatch(Action::Open(Rc::new(doc), rec.version));
                        }
                        store.set(Some(s));
                        storage::ask_persist().await;
                        // Warm the analyser (its tables load on first use) while the user reads.
                        gloo::timers::callback::Timeout::new(30, || {
                            let _ = crate::settings::analyze(
                                "Warm-up. \"Ready,\" said Apostil on Monday.",
                            );
                        })
                        .forget();
                    }
                    Err(e) => {
                        state.dispatch(Action::Library(Vec::new()));
                        state.dispatch(Action::Notify(NoticeKind::Error, e.to_string(), vec![]));
                    }
                }
            });
        });
    }

    // Autosave after every change.
    {
        let saver = saver.clone();
        let st = state.clone();
        let store = (*store).clone();
        let doc_id = state.doc.as_ref().map(|d| d.id.clone());
        use_effect_with((doc_id, state.revision, store.is_some()), move |_| {
            if let (Some(store), Some(doc)) = (store, st.doc.clone()) {
                let blocked = saver.borrow().blocked.as_deref() == Some(doc.id.as_str());
                if st.revision > st.saved_revision && !blocked {
                    saver.borrow_mut().pending = Some((doc, st.revision, st.version));
                    pump(saver, store, st);
                }
            }
        });
    }

    // Other tabs.
    {
        let store = (*store).clone();
        let latest = latest.clone();
        use_effect_with(store.is_some(), move |_| {
            let mut cleanup: Option<(web_sys::BroadcastChannel, OnMessage)> = None;
            if let (Some(store), Ok(ch)) = (store, web_sys::BroadcastChannel::new(storage::CHANNEL))
            {
                let cb = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                    move |e: web_sys::MessageEvent| {
                        let data = e.data();
                        let id = js_sys::Reflect::get(&data, &"id".into())
                            .ok()
                            .and_then(|v| v.as_string());
                        let version = js_sys::Reflect::get(&data, &"version".into())
                            .ok()
                            .and_then(|v| v.as_f64())
                            .unwrap_or(0.0) as u64;
                        let Some(id) = id else { return };
                        let state = latest.borrow().clone();
                        let store = store.clone();
                        spawn_local(async move {
                            if let Ok(list) = store.list().await {
                                state.dispatch(Action::Library(
                                    list.iter()
                                        .map(Record::summary)
                                        .collect::<Vec<DocSummary>>(),
                                ));
                            }
                            let open = state.doc.as_ref().map(|d| d.id == id).unwrap_or(false);
                            if !open {
                                return;
                            }
                            if version == 0 {
                                state.dispatch(Action::Notify(NoticeKind::Error, "Another tab deleted this document. It stays open here; any change you make will save it again.".into(), vec![]));
                                return;
                            }
                            if version <= state.version {
                                return;
                            }
                            if state.revision <= state.saved_revision {
                                if let Ok(Some(rec)) = store.get(&id).await
                                    && let Ok(doc) = rec.document()
                                {
                                    state.dispatch(Action::Reload(Rc::new(doc), rec.version));
                                    state.dispatch(Action::Notify(
                                        NoticeKind::Info,
                                        "Updated with changes made in another tab.".into(),
                                        vec![],
                                    ));
                                }
                            } else {
                                state.dispatch(Action::Notify(
                                NoticeKind::Error,
                                "Another tab saved this document while you have unsaved changes here.".into(),
                                vec![NoticeAction::LoadNewer(id.clone()), NoticeAction::KeepMine(id)],
                            ));
                            }
                        });
                    },
                );
                ch.set_onmessage(Some(cb.as_ref().unchecked_ref()));
                cleanup = Some((ch, cb));
            }
            move || {
                if let Some((ch, _cb)) = cleanup {
                    ch.set_onmessage(None);
                    ch.close();
                }
            }
        });
    }

    Ctx {
        state,
        store: (*store).clone(),
        saver,
        analyser,
        reanalysing,
    }
}
