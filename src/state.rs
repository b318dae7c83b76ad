//! The page's state: one reducer, like yew's function_todomvc. Every change to the open
//! document goes through [`Action::Edit`] (or a helper that builds an `Edit`) and the undo log.

use crate::labels::CustomLabel;
use crate::model;
use apostil_core::document::{ClusterId, SpeakerLink};
use apostil_core::{
    Analysis, Annotation, AnnotationId, AnnotationKind, Document, Edit, History, Origin, Span,
    Status,
};
use std::rc::Rc;
use yew::prelude::*;

/// A short line about a document in the library.
#[derive(Clone, Debug, PartialEq)]
pub struct DocSummary {
    /// Document id.
    pub id: String,
    /// Title shown.
    pub title: String,
    /// Last change, milliseconds since the epoch.
    pub modified: f64,
    /// Stored version (bumped by each save).
    pub version: u64,
    /// Number of entity and user annotations (not rejected).
    pub entities: usize,
    /// Number of quotes (not rejected).
    pub quotes: usize,
}

/// How loud a notice is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something happened.
    Info,
    /// Something failed; nothing was lost.
    Error,
}

/// A button on a notice.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    /// Put a deleted document back (its stored record as JSON).
    RestoreDeleted(Rc<crate::storage::Record>),
    /// Load the newer stored copy of a document (another tab changed it).
    LoadNewer(String),
    /// Save this tab's copy over the other tab's.
    KeepMine(String),
}

/// A message shown to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique id.
    pub id: u64,
    /// Info or error.
    pub kind: NoticeKind,
    /// The message.
    pub text: String,
    /// Optional buttons.
    pub actions: Vec<NoticeAction>,
}

/// A group of mentions: a cluster, or (for unclustered entities) the same label and text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKey {
    /// A cluster.
    Cluster(ClusterId),
    /// Label and lower-cased text.
    Text(String, String),
}

/// The group an entity annotation belongs to (none for quotes).
pub fn group_of(a: &Annotation) -> Option<GroupKey> {
    if a.kind == AnnotationKind::Quote {
        return None;
    }
    Some(match a.cluster {
        Some(c) => GroupKey::Cluster(c),
        None => GroupKey::Text(a.label.clone(), a.exact.to_lowercase()),
    })
}

/// The display name of a group in a document.
pub fn group_name_in(doc: &Document, key: &GroupKey) -> String {
    match key {
        GroupKey::Cluster(c) => doc
            .clusters
            .iter()
            .find(|x| x.id == *c)
            .map(|c| c.canonical.clone())
            .unwrap_or_else(|| format!("cluster {}", c.0)),
        GroupKey::Text(_, t) => doc
            .annotations
            .iter()
            .find(|a| a.cluster.is_none() && a.exact.to_lowercase() == *t)
            .map(|a| a.exact.clone())
            .unwrap_or_else(|| t.clone()),
    }
}

/// A dialog that is open.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Keyboard shortcuts.
    Help,
    /// Documents read from a file, waiting for confirmation.
    ImportPreview(Rc<Vec<Document>>),
}

/// A big text being analysed in the worker.
#[derive(Clone, Debug, PartialEq)]
pub struct Busy {
    /// Job number.
    pub job: u64,
    /// Size of the text, bytes.
    pub bytes: usize,
    /// When it started (`performance.now()`, ms).
    pub started: f64,
    /// What the worker is doing, in words.
    pub stage: String,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The open document.
    pub doc: Option<Rc<Document>>,
    /// Its undo log.
    pub history: History,
    /// The stored version this copy is based on.
    pub version: u64,
    /// Bumped on every local change of the open document.
    pub revision: u64,
    /// The revision last written to storage.
    pub saved_revision: u64,
    /// The selected annotation.
    pub selected: Option<AnnotationId>,
    /// The group whose mentions are lit.
    pub lit: Option<GroupKey>,
    /// Labels filtered out of view.
    pub hidden: Rc<Vec<String>>,
    /// The search text.
    pub query: String,
    /// The search hit stepped to with Enter (code points), drawn and scrolled to by the article.
    pub hit: Option<Span>,
    /// The user's own labels.
    pub custom: Rc<Vec<CustomLabel>>,
    /// Messages.
    pub notices: Vec<Notice>,
    /// The library.
    pub library: Rc<Vec<DocSummary>>,
    /// True once the library was read from storage.
    pub library_loaded: bool,
    /// An open dialog.
    pub dialog: Option<Dialog>,
    /// A big text being analysed in the worker.
    pub busy: Option<Busy>,
    next_notice: u64,
    /// Bumped whenever another document (or another copy of it) is opened or it is closed.
    generation: u64,
}

/// Names the open document's content: any change to it (an edit, undo, another document or a
/// newer copy) gives a new key. Cheap to compare, so panels can skip work on a long document
/// when something else changed (the selection, the search text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DocKey {
    generation: u64,
    revision: u64,
}

impl Default for State {
    fn default() -> Self {
        State {
            doc: None,
            history: History::default(),
            version: 0,
            revision: 0,
            saved_revision: 0,
            selected: None,
            lit: None,
            hidden: Rc::new(Vec::new()),
            query: String::new(),
            hit: None,
            custom: Rc::new(Vec::new()),
            notices: Vec::new(),
            library: Rc::new(Vec::new()),
            library_loaded: false,
            dialog: None,
            busy: None,
            next_notice: 1,
            generation: 0,
        }
    }
}

/// Which end of an annotation to move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The start.
    Start,
    /// The end.
    End,
}

/// Everything that can happen.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open a document (fresh or from storage, with its stored version; 0 = never saved).
    Open(Rc<Document>, u64),
    /// Replace the open document by a newer stored copy.
    Reload(Rc<Document>, u64),
    /// Close the open document.
    Close,
    /// Apply an edit to the open document (recorded for undo).
    Edit(Edit),
    /// Undo.
    Undo,
    /// Redo.
    Redo,
    /// Select an annotation.
    Select(Option<AnnotationId>),
    /// Move the selection to the next (+1) or previous (-1) suggestion.
    Step(i32),
    /// Light every mention of a group.
    Light(Option<GroupKey>),
    /// Select the next (+1) or previous (-1) lit mention.
    Mention(i32),
    /// Accept (true) or reject (false) the selected annotation.
    Decide(bool),
    /// Accept (true) or reject (false) every suggestion with a label.
    DecideAll(String, bool),
    /// Relabel the selected annotation with the n-th label (0-based) of the picker.
    LabelNth(usize),
    /// Delete the selected annotation.
    DeleteSelected,
    /// Add an annotation over a span with a label.
    Add(Span, String),
    /// Grow (+1) or shrink (-1) one end of the selected annotation by a word.
    Resize(End, i32),
    /// Set the speaker of a quote to the mention of a group nearest the quote (None clears).
    SetSpeaker(AnnotationId, Option<GroupKey>),
    /// Merge the second group into the first.
    Merge(GroupKey, GroupKey),
    /// Take an annotation out of its cluster.
    Split(AnnotationId),
    /// Show or hide a label.
    ToggleHidden(String),
    /// Set the search text.
    Query(String),
    /// Step to a search hit (None: none is current).
    Hit(Option<Span>),
    /// Show a message.
    Notify(NoticeKind, String, Vec<NoticeAction>),
    /// Dismiss a message.
    Dismiss(u64),
    /// The library was read.
    Library(Vec<DocSummary>),
    /// One document of the library was saved: its line, updated in place (newest first).
    Summary(DocSummary),
    /// A save finished.
    Saved {
        id: String,
        version: u64,
        revision: u64,
    },
    /// Custom labels changed.
    Custom(Vec<CustomLabel>),
    /// Open or close a dialog.
    Dialog(Option<Dialog>),
    /// Rename the open document (not an annotation edit, saved with the document).
    Rename(String),
    /// Run the analyser again, keeping every decision and hand-made annotation.
    Reanalyze,
    /// The same with the analysis done elsewhere (a long text, in the worker): the freshly
    /// analysed copy of the open document (same id and text).
    Reanalyzed(Rc<Document>),
    /// A worker analysis started, moved on (same job) or ended (None).
    Busy(Option<Busy>),
    /// The worker job moved on to a stage (described in words).
    BusyStage(u64, String),
}

impl State {
    /// The key of the open document's content (see [`DocKey`]).
    pub fn doc_key(&self) -> DocKey {
        DocKey {
            generation: self.generation,
            revision: self.revision,
        }
    }

    /// The selected annotation.
    pub fn selected_annotation(&self) -> Option<&Annotation> {
        let doc = self.doc.as_ref()?;
        doc.get(self.selected?)
    }

    /// The annotations a keyboard user steps through: visible and not rejected, text order.
    pub fn visible(&self) -> Vec<&Annotation> {
        let Some(doc) = &self.doc else {
            return Vec::new();
        };
        doc.annotations
            .iter()
            .filter(|a| !self.hidden.contains(&a.label) && a.status != Status::Rejected)
            .collect()
    }

    /// Annotations in the lit group, in text order.
    pub fn lit_mentions(&self) -> Vec<AnnotationId> {
        let (Some(doc), Some(key)) = (&self.doc, &self.lit) else {
            return Vec::new();
        };
        doc.annotations
            .iter()
            .filter(|a| group_of(a).as_ref() == Some(key) && a.status != Status::Rejected)
            .map(|a| a.id)
            .collect()
    }

    /// The display name of a group.
    pub fn group_name(&self, key: &GroupKey) -> String {
        match &self.doc {
            Some(d) => group_name_in(d, key),
            None => match key {
                GroupKey::Cluster(c) => format!("cluster {}", c.0),
                GroupKey::Text(_, t) => t.clone(),
            },
        }
    }

    fn step(&mut self, dir: i32) {
        let vis = self.visible();
        let pending: Vec<&Annotation> = vis
            .iter()
            .copied()
            .filter(|a| a.status == Status::Suggested)
            .collect();
        let list = if pending.is_empty() { vis } else { pending };
        if !list.is_empty() {
            let cur = self
                .selected
                .and_then(|id| self.doc.as_ref()?.get(id))
                .map(|a| (a.span.start, a.id.0));
            let pick = match (cur, dir >= 0) {
                (None, true) => list.first(),
                (None, false) => list.last(),
                (Some(c), true) => list
                    .iter()
                    .find(|a| (a.span.start, a.id.0) > c)
                    .or(list.first()),
                (Some(c), false) => list
                    .iter()
                    .rev()
                    .find(|a| (a.span.start, a.id.0) < c)
                    .or(list.last()),
            };
            let id = pick.map(|a| a.id);
            self.selected = id;
        }
    }

    fn notice(&mut self, kind: NoticeKind, text: String, actions: Vec<NoticeAction>) {
        let id = self.next_notice;
        self.next_notice += 1;
        self.notices.push(Notice {
            id,
            kind,
            text,
            actions,
        });
        if self.notices.len() > 4 {
            self.notices.remove(0);
        }
    }

    fn edit(&mut self, edit: Edit) {
        let Some(doc) = &mut self.doc else { return };
        let doc = Rc::make_mut(doc);
        let edit = model::by_hand(doc, edit);
        match model::history_apply(&mut self.history, doc, edit) {
            Ok(()) => self.touched(),
            Err(e) => self.notice(
                NoticeKind::Error,
                format!("That change could not be made: {e}."),
                vec![],
            ),
        }
    }

    fn touched(&mut self) {
        self.revision += 1;
        if let Some(doc) = &mut self.doc {
            Rc::make_mut(doc).meta.modified = Some(crate::now_iso());
        }
        if let (Some(doc), Some(sel)) = (&self.doc, self.selected)
            && doc.get(sel).is_none()
        {
            self.selected = None;
        }
    }

    /// Merges a new analysis of the open text into the document (decisions and hand-made
    /// annotations kept; undo history starts afresh).
    fn reanalyze_with(&mut self, analysis: &Analysis) {
        if let Some(doc) = &mut self.doc {
            let before = doc.annotations.len();
            Rc::make_mut(doc).reanalyze(analysis);
            let after = self.doc.as_ref().map(|d| d.annotations.len()).unwrap_or(0);
            self.history = History::default();
            self.touched();
            self.notice(
                NoticeKind::Info,
                format!("Analysed again: {before} annotations before, {after} now. Your decisions and your own annotations were kept; undo history starts afresh."),
                vec![],
            );
        }
    }

    /// The speaker link for a group nearest to `near`.
    fn speaker_link(&self, key: &GroupKey, near: Span) -> Option<SpeakerLink> {
        let doc = self.doc.as_ref()?;
        let m = doc
            .annotations
            .iter()
            .filter(|a| group_of(a).as_ref() == Some(key))
            .min_by_key(|a| {
                a.span
                    .start
                    .abs_diff(near.start)
                    .min(a.span.end.abs_diff(near.end))
            })?;
        Some(SpeakerLink {
            span: m.span,
            cluster: m.cluster,
        })
    }

    /// Edits that give every mention of `key` the cluster `into` (creating it when needed).
    fn merge_edits(&mut self, into: &GroupKey, from: &GroupKey) -> Vec<Edit> {
        let name = self.group_name(into);
        let Some(doc) = &mut self.doc else {
            return Vec::new();
        };
        let mut edits = Vec::new();
        if let (GroupKey::Cluster(a), GroupKey::Cluster(b)) = (into, from) {
            return vec![Edit::MergeClusters { into: *a, from: *b }];
        }
        let target = match into {
            GroupKey::Cluster(c) => *c,
            GroupKey::Text(label, _) => {
                let cluster = Rc::make_mut(doc).new_cluster(name, label.clone());
                let id = cluster.id;
                edits.push(Edit::AddCluster { cluster });
                for a in doc
                    .annotations
                    .iter()
                    .filter(|a| group_of(a).as_ref() == Some(into))
                {
                    edits.push(Edit::SetCluster {
                        id: a.id,
                        cluster: Some(id),
                    });
                }
                id
            }
        };
        for a in doc
            .annotations
            .iter()
            .filter(|a| group_of(a).as_ref() == Some(from))
        {
            edits.push(Edit::SetCluster {
                id: a.id,
                cluster: Some(target),
            });
        }
        if let GroupKey::Cluster(c) = from {
            edits.push(Edit::RemoveCluster { id: *c });
        }
        edits
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if matches!(
            action,
            Action::Open(..) | Action::Reload(..) | Action::Close
        ) {
            s.generation += 1;
        }
        match action {
            Action::Open(doc, version) => {
                s.doc = Some(doc);
                s.history = History::default();
                s.version = version;
                s.revision = if version == 0 { 1 } else { 0 };
                s.saved_revision = 0;
                s.selected = None;
                s.lit = None;
                s.query.clear();
                s.hit = None;
            }
            Action::Reload(doc, version) => {
                if s.doc.as_ref().map(|d| &d.id) == Some(&doc.id) {
                    s.doc = Some(doc);
                    s.history = History::default();
                    s.version = version;
                    s.revision = 0;
                    s.saved_revision = 0;
                    if s.selected
                        .is_some_and(|id| s.doc.as_ref().and_then(|d| d.get(id)).is_none())
                    {
                        s.selected = None;
                    }
                }
            }
            Action::Close => {
                s.doc = None;
                s.history = History::default();
                s.selected = None;
                s.lit = None;
            }
            Action::Edit(e) => s.edit(e),
            Action::Undo => {
                if let Some(doc) = &mut s.doc {
                    match model::undo(&mut s.history, Rc::make_mut(doc)) {
                        Ok(true) => s.touched(),
                        Ok(false) => {}
                        Err(e) => {
                            s.notice(NoticeKind::Error, format!("Could not undo: {e}."), vec![])
                        }
                    }
                }
            }
            Action::Redo => {
                if let Some(doc) = &mut s.doc {
                    match model::redo(&mut s.history, Rc::make_mut(doc)) {
                        Ok(true) => s.touched(),
                        Ok(false) => {}
                        Err(e) => {
                            s.notice(NoticeKind::Error, format!("Could not redo: {e}."), vec![])
                        }
                    }
                }
            }
            Action::Select(id) => s.selected = id,
            Action::Step(dir) => s.step(dir),
            Action::Light(key) => {
                s.lit = key;
                s.selected = s.lit_mentions().first().copied();
            }
            Action::Mention(dir) => {
                let m = s.lit_mentions();
                if !m.is_empty() {
                    let pos = s.selected.and_then(|id| m.iter().position(|x| *x == id));
                    let n = m.len() as i64;
                    let next = match pos {
                        None => 0,
                        Some(p) => (p as i64 + dir as i64).rem_euclid(n),
                    };
                    s.selected = Some(m[next as usize]);
                }
            }
            Action::Decide(accept) => {
                if let Some(a) = s.selected_annotation() {
                    let status = if accept {
                        Status::Accepted
                    } else {
                        Status::Rejected
                    };
                    let id = a.id;
                    s.edit(Edit::SetStatus { id, status });
                    // Move on to the next suggestion, as a reviewer expects.
                    s.step(1);
                }
            }
            Action::DecideAll(label, accept) => {
                if let Some(doc) = &s.doc {
                    let status = if accept {
                        Status::Accepted
                    } else {
                        Status::Rejected
                    };
                    let edits: Vec<Edit> = doc
                        .annotations
                        .iter()
                        .filter(|a| a.label == label && a.status == Status::Suggested)
                        .map(|a| Edit::SetStatus { id: a.id, status })
                        .collect();
                    let n = edits.len();
                    if n > 0 {
                        s.edit(Edit::Batch { edits });
                        let verb = if accept { "Accepted" } else { "Rejected" };
                        s.notice(
                            NoticeKind::Info,
                            format!(
                                "{verb} {n} {label} suggestion{}.",
                                if n == 1 { "" } else { "s" }
                            ),
                            vec![],
                        );
                    }
                }
            }
            Action::LabelNth(n) => {
                let labels = crate::labels::all_labels(&s.custom);
                if let (Some(a), Some(l)) = (s.selected_annotation(), labels.get(n))
                    && a.kind != AnnotationKind::Quote
                    && a.label != *l
                {
                    let id = a.id;
                    s.edit(Edit::Relabel {
                        id,
                        label: l.clone(),
                    });
                }
            }
            Action::DeleteSelected => {
                if let Some(id) = s.selected {
                    s.edit(Edit::Delete { id });
                }
            }
            Action::Add(span, label) => {
                if let Some(doc) = &mut s.doc {
                    let kind = if label == "QUOTE" {
                        AnnotationKind::Quote
                    } else if label.parse::<apostil_core::EntityLabel>().is_ok() {
                        AnnotationKind::Entity
                    } else {
                        AnnotationKind::User
                    };
                    match Rc::make_mut(doc).new_annotation(kind, label, span, Origin::User) {
                        Ok(annotation) => {
                            let id = annotation.id;
                            s.edit(Edit::Add { annotation });
                            if s.doc.as_ref().and_then(|d| d.get(id)).is_some() {
                                s.selected = Some(id);
                            }
                        }
                        Err(e) => s.notice(
                            NoticeKind::Error,
                            format!("That annotation could not be added: {e}."),
                            vec![],
                        ),
                    }
                }
            }
            Action::Resize(end, dir) => {
                if let (Some(doc), Some(a)) = (&s.doc, s.selected_annotation())
                    && let Some(span) = crate::text::step_boundary(&doc.text, a.span, end, dir)
                {
                    let id = a.id;
                    s.edit(Edit::Resize { id, span });
                }
            }
            Action::SetSpeaker(id, key) => {
                let quote_span = s.doc.as_ref().and_then(|d| d.get(id)).map(|a| a.span);
                if let Some(span) = quote_span {
                    let speaker = key.and_then(|k| s.speaker_link(&k, span));
                    s.edit(Edit::SetSpeaker { id, speaker });
                }
            }
            Action::Merge(into, from) => {
                if into != from {
                    let edits = s.merge_edits(&into, &from);
                    if !edits.is_empty() {
                        s.edit(Edit::Batch { edits });
                        s.lit = Some(match (&into, s.doc.as_ref()) {
                            (GroupKey::Text(..), Some(d)) => d
                                .annotations
                                .iter()
                                .find(|a| {
                                    a.cluster.is_some() && group_of(a).is_some() && {
                                        let GroupKey::Text(_, t) = &into else {
                                            unreachable!()
                                        };
                                        a.exact.to_lowercase() == *t
                                    }
                                })
                                .and_then(group_of)
                                .unwrap_or(into),
                            _ => into,
                        });
                    }
                }
            }
            Action::Split(id) => s.edit(Edit::SetCluster { id, cluster: None }),
            Action::ToggleHidden(label) => {
                let h = Rc::make_mut(&mut s.hidden);
                match h.iter().position(|l| *l == label) {
                    Some(i) => {
                        h.swap_remove(i);
                    }
                    None => h.push(label),
                }
            }
            Action::Query(q) => {
                s.query = q;
                s.hit = None;
            }
            Action::Hit(h) => s.hit = h,
            Action::Notify(kind, text, actions) => s.notice(kind, text, actions),
            Action::Dismiss(id) => s.notices.retain(|n| n.id != id),
            Action::Summary(line) => {
                let list = Rc::make_mut(&mut s.library);
                list.retain(|d| d.id != line.id);
                list.push(line);
                apostil_core::sort::sort_by(list, |a, b| b.modified.total_cmp(&a.modified));
            }
            Action::Library(list) => {
                s.library = Rc::new(list);
                s.library_loaded = true;
            }
            Action::Saved {
                id,
                version,
                revision,
            } => {
                if s.doc.as_ref().map(|d| &d.id) == Some(&id) {
                    s.version = version;
                    s.saved_revision = s.saved_revision.max(revision);
                }
            }
            Action::Custom(list) => s.custom = Rc::new(list),
            Action::Dialog(d) => s.dialog = d,
            Action::Reanalyze => {
                if let Some(doc) = &s.doc {
                    let analysis = crate::settings::analyze(&doc.text);
                    s.reanalyze_with(&analysis);
                }
            }
            Action::Reanalyzed(fresh) => {
                if s.doc
                    .as_ref()
                    .is_some_and(|d| d.id == fresh.id && d.text_hash == fresh.text_hash)
                {
                    s.reanalyze_with(&analysis_of(&fresh));
                }
            }
            Action::Busy(b) => s.busy = b,
            Action::BusyStage(job, stage) => {
                if let Some(b) = s.busy.as_mut().filter(|b| b.job == job) {
                    b.stage = stage;
                }
            }
            Action::Rename(title) => {
                if let Some(doc) = &mut s.doc {
                    let t = title.trim();
                    if !t.is_empty() {
                        Rc::make_mut(doc).meta.title = Some(t.to_string());
                        s.touched();
                    }
                }
            }
        }
        Rc::new(s)
    }
}

/// The analysis a freshly analysed document was made from, as far as `Document::reanalyze`
/// reads it (entities, quotes, clusters, regions, metadata). The worker answers with documents
/// (`Document::from_analysis`), so a long text re-analysed there comes back this way.
pub fn analysis_of(fresh: &Document) -> Analysis {
    use apostil_core::clusters::Cluster;
    use apostil_core::entities::{Entity, EntitySource};
    use apostil_core::quotes::{Quote, QuoteKind, Speaker};
    let index =
        |c: Option<ClusterId>| c.and_then(|c| fresh.clusters.iter().position(|x| x.id == c));
    let clusters = fresh
        .clusters
        .iter()
        .map(|c| Cluster {
            canonical: c.canonical.clone(),
            label: c.label.parse().unwrap_or(apostil_core::EntityLabel::Person),
            mentions: Vec::new(),
        })
        .collect();
    let mut entities = Vec::new();
    let mut quotes = Vec::new();
    for a in &fresh.annotations {
        match a.kind {
            AnnotationKind::Quote => quotes.push(Quote {
                span: a.span,
                outer: a.span,
                kind: a.quote_kind.unwrap_or(QuoteKind::Direct),
                speaker: a.speaker.as_ref().map(|sp| Speaker {
                    mention: sp.span,
                    cluster: index(sp.cluster),
                }),
                depth: 0,
            }),
            _ => {
                if let Ok(label) = a.label.parse() {
                    entities.push(Entity {
                        span: a.span,
                        label,
                        source: EntitySource::Model,
                        score: 1.0,
                        cluster: index(a.cluster),
                    });
                }
            }
        }
    }
    Analysis {
        text_len: fresh.len_chars(),
        paragraphs: Vec::new(),
        regions: fresh.regions.clone(),
        metadata: apostil_core::text::intake::Metadata {
            title: fresh.meta.title.clone(),
            byline: fresh.meta.byline.clone(),
            dateline: fresh.meta.dateline.clone(),
        },
        sentences: Vec::new(),
        entities,
        clusters,
        quotes,
    }
}

/// Counts for the library: (entities and user labels, quotes), rejected ones left out.
pub fn counts(doc: &Document) -> (usize, usize) {
    let live = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected);
    let (mut e, mut q) = (0, 0);
    for a in live {
        if a.kind == AnnotationKind::Quote {
            q += 1;
        } else {
            e += 1;
        }
    }
    (e, q)
}
