//! The library in IndexedDB, at the edge of the app. One record per document:
//! `{id, version, title, modified, entities, quotes, doc}` where `doc` is the document as
//! Apostil JSON. Each save checks the stored version first, so two tabs never overwrite each
//! other silently; a failed write leaves what was stored untouched.

use apostil_core::Document;
use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database name the page uses.
pub const DB_NAME: &str = "apostil";
const DOCS: &str = "docs";
const META: &str = "meta";

/// A stored document.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// Document id.
    pub id: String,
    /// Version, bumped by every save.
    pub version: u64,
    /// Title.
    pub title: String,
    /// Last change, ms since the epoch.
    pub modified: f64,
    /// Entity and user annotations, rejected ones left out.
    pub entities: usize,
    /// Quotes, rejected ones left out.
    pub quotes: usize,
    /// The document as JSON.
    pub doc: String,
}

impl Record {
    /// A record for a document at a version.
    pub fn new(doc: &Document, version: u64) -> Result<Record, StorageError> {
        let (entities, quotes) = crate::state::counts(doc);
        Ok(Record {
            id: doc.id.clone(),
            version,
            title: title_of(doc),
            modified: js_sys::Date::now(),
            entities,
            quotes,
            doc: serde_json::to_string(doc).map_err(|e| StorageError::Failed(e.to_string()))?,
        })
    }

    /// The document in the record.
    pub fn document(&self) -> Result<Document, StorageError> {
        serde_json::from_str(&self.doc)
            .map_err(|e| StorageError::Failed(format!("a stored document is damaged: {e}")))
    }

    /// The library line for the record.
    pub fn summary(&self) -> crate::state::DocSummary {
        crate::state::DocSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            modified: self.modified,
            version: self.version,
            entities: self.entities,
            quotes: self.quotes,
        }
    }

    fn to_js(&self) -> JsValue {
        let o = Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
        };
        set("id", self.id.as_str().into());
        set("version", (self.version as f64).into());
        set("title", self.title.as_str().into());
        set("modified", self.modified.into());
        set("entities", (self.entities as f64).into());
        set("quotes", (self.quotes as f64).into());
        set("doc", self.doc.as_str().into());
        o.into()
    }

    /// The version of a stored record (None when there is none).
    fn version_of(v: &JsValue) -> Option<u64> {
        let get = |k: &str| Reflect::get(v, &JsValue::from_str(k)).ok();
        get("id")?.as_string()?;
        Some(get("version")?.as_f64()? as u64)
    }

    fn from_js(v: &JsValue) -> Option<Record> {
        let get = |k: &str| Reflect::get(v, &JsValue::from_str(k)).ok();
        Some(Record {
            id: get("id")?.as_string()?,
            version: get("version")?.as_f64()? as u64,
            title: get("title")?.as_string().unwrap_or_default(),
            modified: get("modified")?.as_f64().unwrap_or(0.0),
            entities: get("entities")?.as_f64().unwrap_or(0.0) as usize,
            quotes: get("quotes")?.as_f64().unwrap_or(0.0) as usize,
            doc: get("doc")?.as_string()?,
        })
    }
}

/// The title shown for a document.
pub fn title_of(doc: &Document) -> String {
    if let Some(t) = doc.meta.title.as_ref().filter(|t| !t.trim().is_empty()) {
        return t.trim().to_string();
    }
    let first = doc
        .text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("Untitled");
    let mut t: String = first.chars().take(80).collect();
    if first.chars().count() > 80 {
        t.push('…');
    }
    t
}

/// Why storage failed. Nothing already stored is lost in any of these cases.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageError {
    /// IndexedDB is not available (private mode, blocked).
    Unavailable(String),
    /// The browser's storage quota is used up.
    Quota,
    /// Another tab saved a newer version.
    Conflict {
        /// The stored version.
        stored: u64,
    },
    /// Anything else.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(m) => write!(
                f,
                "The library cannot be opened in this browser ({m}). Your work is kept only until you close the tab; export it to keep it."
            ),
            StorageError::Quota => write!(
                f,
                "The browser's storage is full, so the latest change was not saved. Delete or export documents to make room; everything saved before is intact."
            ),
            StorageError::Conflict { stored } => write!(
                f,
                "This document was changed in another tab (stored version {stored})."
            ),
            StorageError::Failed(m) => {
                write!(f, "Saving failed ({m}); everything saved before is intact.")
            }
        }
    }
}

fn js_err(v: JsValue) -> StorageError {
    if let Some(e) = v.dyn_ref::<web_sys::DomException>() {
        if e.name() == "QuotaExceededError" {
            return StorageError::Quota;
        }
        return StorageError::Failed(format!("{}: {}", e.name(), e.message()));
    }
    if let Some(e) = v.dyn_ref::<js_sys::Error>() {
        return StorageError::Failed(String::from(e.message()));
    }
    StorageError::Failed(format!("{v:?}"))
}

/// Resolves when the request succeeds (with its result), rejects with its error.
fn request(req: &IdbRequest) -> JsFuture {
    let r = req.clone();
    let p = Promise::new(&mut |resolve, reject| {
        let r1 = r.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &r1.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r2 = r.clone();
        let bad = Closure::once_into_js(move |_: web_sys::Event| {
            let e = r2
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::from_str("request failed"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        r.set_onsuccess(Some(ok.unchecked_ref()));
        r.set_onerror(Some(bad.unchecked_ref()));
    });
    JsFuture::from(p)
}

/// Resolves when the transaction commits, rejects when it aborts (quota errors land here).
fn committed(tx: &IdbTransaction) -> JsFuture {
    let t = tx.clone();
    let p = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t1 = t.clone();
        let reject2 = reject.clone();
        let bad = Closure::once_into_js(move |_: web_sys::Event| {
            let e = t1
                .error()
                .map(JsValue::from)
                .unwrap_or(JsValue::from_str("transaction failed"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        let t2 = t.clone();
        let abort = Closure::once_into_js(move |_: web_sys::Event| {
            let e = t2
                .error()
                .map(JsValue::from)
                .unwrap_or(JsValue::from_str("transaction aborted"));
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        t.set_oncomplete(Some(ok.unchecked_ref()));
        t.set_onerror(Some(bad.unchecked_ref()));
        t.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(p)
}

/// An open library database.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    db: IdbDatabase,
}

impl Store {
    /// Opens (creating when needed) the database `name`.
    pub async fn open(name: &str) -> Result<Store, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        let factory = window
            .indexed_db()
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?
            .ok_or_else(|| StorageError::Unavailable("IndexedDB is missing".into()))?;
        let req = factory
            .open_with_u32(name, 1)
            .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
        let r = req.clone();
        let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
            if let Ok(db) = r.result().and_then(|v| v.dyn_into::<IdbDatabase>()) {
                let names = db.object_store_names();
                if !names.contains(DOCS) {
                    let p = web_sys::IdbObjectStoreParameters::new();
                    p.set_key_path(&JsValue::from_str("id"));
                    let _ = db.create_object_store_with_optional_parameters(DOCS, &p);
                }
                if !names.contains(META) {
                    let p = web_sys::IdbObjectStoreParameters::new();
                    p.set_key_path(&JsValue::from_str("key"));
                    let _ = db.create_object_store_with_optional_parameters(META, &p);
                }
            }
        });
        req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let db = request(&req)
            .await
            .map_err(|e| StorageError::Unavailable(format!("{:?}", js_err(e))))?;
        Ok(Store {
            db: db.unchecked_into(),
        })
    }

    fn tx(
        &self,
        store: &str,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, web_sys::IdbObjectStore), StorageError> {
        let tx = self
            .db
            .transaction_with_str_and_mode(store, mode)
            .map_err(js_err)?;
        let os = tx.object_store(store).map_err(js_err)?;
        Ok((tx, os))
    }

    /// Every stored document, newest first.
    pub async fn list(&self) -> Result<Vec<Record>, StorageError> {
        let (_tx, os) = self.tx(DOCS, IdbTransactionMode::Readonly)?;
        let all = request(&os.get_all().map_err(js_err)?)
            .await
            .map_err(js_err)?;
        let mut out: Vec<Record> = js_sys::Array::from(&all)
            .iter()
            .filter_map(|v| Record::from_js(&v))
            .collect();
        apostil_core::sort::sort_by(&mut out, |a, b| b.modified.total_cmp(&a.modified));
        Ok(out)
    }

    /// One stored document.
    pub async fn get(&self, id: &str) -> Result<Option<Record>, StorageError> {
        let (_tx, os) = self.tx(DOCS, IdbTransactionMode::Readonly)?;
        let v = request(&os.get(&JsValue::from_str(id)).map_err(js_err)?)
            .await
            .map_err(js_err)?;
        Ok(Record::from_js(&v))
    }

    /// Saves a document on top of stored version `base` and returns the new version.
    /// When another save got there first (the stored version is not `base`), nothing is written
    /// and [`StorageError::Conflict`] comes back, unless `force`.
    pub async fn save(&self, doc: &Document, base: u64, force: bool) -> Result<u64, StorageError> {
        let (tx, os) = self.tx(DOCS, IdbTransactionMode::Readwrite)?;
        let done = committed(&tx);
        let current = request(&os.get(&JsValue::from_str(&doc.id)).map_err(js_err)?)
            .await
            .map_err(js_err)?;
        // Only the version is needed: reading the whole record would copy the stored document
        // (megabytes for a long text) into wasm on every save.
        let stored = Record::version_of(&current);
        if let Some(v) = stored
            && v != base
            && !force
        {
            let _ = tx.abort();
            let _ = done.await;
            return Err(StorageError::Conflict { stored: v });
        }
        let version = stored.unwrap_or(0).max(base) + 1;
        let rec = Record::new(doc, version)?;
        os.put(&rec.to_js()).map_err(js_err)?;
        done.await.map_err(js_err)?;
        Ok(version)
    }

    /// Writes a record as it is (restoring a deleted document, importing).
    pub async fn put(&self, rec: &Record) -> Result<(), StorageError> {
        let (tx, os) = self.tx(DOCS, IdbTransactionMode::Readwrite)?;
        let done = committed(&tx);
        os.put(&rec.to_js()).map_err(js_err)?;
        done.await.map(|_| ()).map_err(js_err)
    }

    /// Deletes a document; returns what was stored so it can be restored.
    pub async fn delete(&self, id: &str) -> Result<Option<Record>, StorageError> {
        let (tx, os) = self.tx(DOCS, IdbTransactionMode::Readwrite)?;
        let done = committed(&tx);
        let current = request(&os.get(&JsValue::from_str(id)).map_err(js_err)?)
            .await
            .map_err(js_err)?;
        os.delete(&JsValue::from_str(id)).map_err(js_err)?;
        done.await.map_err(js_err)?;
        Ok(Record::from_js(&current))
    }

    /// A small library-wide setting (custom labels), as JSON text.
    pub async fn get_meta(&self, key: &str) -> Result<Option<String>, StorageError> {
        let (_tx, os) = self.tx(META, IdbTransactionMode::Readonly)?;
        let v = request(&os.get(&JsValue::from_str(key)).map_err(js_err)?)
            .await
            .map_err(js_err)?;
        Ok(Reflect::get(&v, &JsValue::from_str("value"))
            .ok()
            .and_then(|v| v.as_string()))
    }

    /// Stores a library-wide setting.
    pub async fn set_meta(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let (tx, os) = self.tx(META, IdbTransactionMode::Readwrite)?;
        let done = committed(&tx);
        let o = Object::new();
        let _ = Reflect::set(&o, &"key".into(), &key.into());
        let _ = Reflect::set(&o, &"value".into(), &value.into());
        os.put(&o).map_err(js_err)?;
        done.await.map(|_| ()).map_err(js_err)
    }

    /// Closes the connection.
    pub fn close(&self) {
        self.db.close();
    }
}

/// Deletes a whole database (tests).
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| StorageError::Unavailable("IndexedDB is missing".into()))?;
    let req = factory.delete_database(name).map_err(js_err)?;
    request(&req).await.map(|_| ()).map_err(js_err)
}

/// Asks the browser to keep the library through storage pressure. Returns whether it will.
pub async fn ask_persist() -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let storage = w.navigator().storage();
    match storage.persist() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// The channel tabs use to tell each other about saves.
pub const CHANNEL: &str = "apostil-library";

/// Tells other tabs that a document changed (`version` 0 = deleted).
pub fn announce(id: &str, version: u64) {
    if let Ok(ch) = web_sys::BroadcastChannel::new(CHANNEL) {
        let o = Object::new();
        let _ = Reflect::set(&o, &"id".into(), &id.into());
        let _ = Reflect::set(&o, &"version".into(), &(version as f64).into());
        let _ = ch.post_message(&o);
        ch.close();
    }
}
