//! Edits as commands: each applied edit returns its inverse, so undo/redo is a log.

use crate::document::{
    Annotation, AnnotationId, AnnotationKind, ClusterId, ClusterInfo, Document, SpeakerLink, Status,
};
use crate::error::EditError;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One change to a document.
///
/// Apply it with [`Document::apply`], which validates it (ids exist, spans non-empty and inside
/// the text, labels non-empty, clusters exist), changes nothing on error, and returns the inverse
/// edit. Serialised with an `"op"` tag: `{"op":"relabel","id":3,"label":"ORG"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Add an annotation (its id must be unused).
    Add {
        /// The annotation.
        annotation: Annotation,
    },
    /// Delete an annotation.
    Delete {
        /// Which.
        id: AnnotationId,
    },
    /// Change an annotation's label. An entity or user annotation also changes kind to match
    /// (OntoNotes name → entity, other → user); quotes stay quotes.
    Relabel {
        /// Which.
        id: AnnotationId,
        /// The new label.
        label: String,
    },
    /// Change an annotation's kind (rarely needed: [`Edit::Relabel`] already makes an entity of
    /// an annotation given an OntoNotes label and a user annotation of one given any other).
    SetKind {
        /// Which.
        id: AnnotationId,
        /// The new kind.
        kind: AnnotationKind,
    },
    /// Move an annotation's boundaries.
    Resize {
        /// Which.
        id: AnnotationId,
        /// The new span.
        span: Span,
    },
    /// Accept, reject or reset a suggestion.
    SetStatus {
        /// Which.
        id: AnnotationId,
        /// The decision.
        status: Status,
    },
    /// Set or clear a note.
    SetNote {
        /// Which.
        id: AnnotationId,
        /// The note.
        note: Option<String>,
    },
    /// Set or clear a quote's speaker.
    SetSpeaker {
        /// Which quote.
        id: AnnotationId,
        /// The speaker.
        speaker: Option<SpeakerLink>,
    },
    /// Put an annotation into a cluster, or take it out.
    SetCluster {
        /// Which.
        id: AnnotationId,
        /// The cluster.
        cluster: Option<ClusterId>,
    },
    /// Create a cluster.
    AddCluster {
        /// The cluster.
        cluster: ClusterInfo,
    },
    /// Remove an empty cluster.
    RemoveCluster {
        /// Which.
        id: ClusterId,
    },
    /// Rename a cluster.
    RenameCluster {
        /// Which.
        id: ClusterId,
        /// The new canonical name.
        canonical: String,
    },
    /// Move every mention of `from` into `into` and remove `from`.
    MergeClusters {
        /// The cluster that stays.
        into: ClusterId,
        /// The cluster that goes.
        from: ClusterId,
    },
    /// Several edits applied as one (undone as one).
    Batch {
        /// The edits, in order.
        edits: Vec<Edit>,
    },
}

/// An undo/redo log over one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// Inverses of applied edits, newest last.
    pub undo: Vec<Edit>,
    /// Inverses of undone edits, newest last.
    pub redo: Vec<Edit>,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        History::default()
    }

    /// Applies `edit` to `doc`, records its inverse for undo, and clears the redo stack.
    /// On error nothing changes (neither the document nor the history).
    pub fn apply(&mut self, doc: &mut Document, edit: Edit) -> Result<(), EditError> {
        let inverse = doc.apply(edit)?;
        self.undo.push(inverse);
        self.redo.clear();
        Ok(())
    }

    /// Undoes the newest edit. `Ok(false)` when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> Result<bool, EditError> {
        let Some(edit) = self.undo.pop() else {
            return Ok(false);
        };
        match doc.apply(edit.clone()) {
            Ok(inverse) => {
                self.redo.push(inverse);
                Ok(true)
            }
            Err(e) => {
                self.undo.push(edit);
                Err(e)
            }
        }
    }

    /// Redoes the newest undone edit. `Ok(false)` when there is nothing to redo.
    pub fn redo(&mut self, doc: &mut Document) -> Result<bool, EditError> {
        let Some(edit) = self.redo.pop() else {
            return Ok(false);
        };
        match doc.apply(edit.clone()) {
            Ok(inverse) => {
                self.undo.push(inverse);
                Ok(true)
            }
            Err(e) => {
                self.redo.push(edit);
                Err(e)
            }
        }
    }

    /// True when there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every edit.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

impl Document {
    /// Applies `edit` and returns its inverse (applying the inverse restores the document
    /// exactly). On error the document is unchanged.
    ///
    /// - `Add`: the id must be unused; `exact` is (re)filled from the text; the annotation's
    ///   cluster and speaker cluster must exist. `next_id` is not lowered or raised by edits
    ///   (ids come from [`Document::alloc_id`] / [`Document::new_annotation`]).
    /// - `Resize` updates `exact`.
    /// - `RemoveCluster` needs an empty cluster ([`EditError::ClusterNotEmpty`]).
    /// - `MergeClusters` moves annotations and speakers of `from` into `into` and removes `from`;
    ///   its inverse is a `Batch` that re-adds `from` and restores every membership.
    /// - `Batch` is all-or-nothing; its inverse is the batch of inverses in reverse order.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::Batch { edits } => {
                let backup = self.clone();
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    match self.apply(e) {
                        Ok(inv) => inverses.push(inv),
                        Err(err) => {
                            *self = backup;
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch { edits: inverses })
            }
            Edit::Add { mut annotation } => {
                if self.get(annotation.id).is_some()
                    || self.cluster(ClusterId(annotation.id.0)).is_some()
                {
                    return Err(EditError::DuplicateId(annotation.id.0));
                }
                if annotation.label.trim().is_empty() {
                    return Err(EditError::EmptyLabel);
                }
                annotation.exact = self.checked_exact(annotation.span)?;
                if let Some(c) = annotation.cluster {
                    self.require_cluster(c)?;
                }
                if let Some(s) = &annotation.speaker {
                    self.check_speaker(s)?;
                }
                let id = annotation.id;
                let key = annotation.order_key();
                let pos = self.annotations.partition_point(|a| a.order_key() < key);
                self.annotations.insert(pos, annotation);
                Ok(Edit::Delete { id })
            }
            Edit::Delete { id } => {
                let i = self.index_of(id)?;
                let annotation = self.annotations.remove(i);
                Ok(Edit::Add { annotation })
            }
            Edit::Relabel { id, label } => {
                if label.trim().is_empty() {
                    return Err(EditError::EmptyLabel);
                }
                let i = self.index_of(id)?;
                let a = &mut self.annotations[i];
                let old_kind = a.kind;
                a.kind = Annotation::kind_for_label(a.kind, &label);
                let old = std::mem::replace(&mut a.label, label);
                // Relabelling back derives the kind again; add a SetKind when that would not
                // give the old kind back.
                let back_kind = Annotation::kind_for_label(a.kind, &old);
                let relabel = Edit::Relabel { id, label: old };
                if back_kind == old_kind {
                    Ok(relabel)
                } else {
                    Ok(Edit::Batch {
                        edits: vec![relabel, Edit::SetKind { id, kind: old_kind }],
                    })
                }
            }
            Edit::SetKind { id, kind } => {
                let i = self.index_of(id)?;
                let old = std::mem::replace(&mut self.annotations[i].kind, kind);
                Ok(Edit::SetKind { id, kind: old })
            }
            Edit::Resize { id, span } => {
                let i = self.index_of(id)?;
                let exact = self.checked_exact(span)?;
                let a = &mut self.annotations[i];
                let old = a.span;
                a.span = span;
                a.exact = exact;
                self.sort_annotations();
                Ok(Edit::Resize { id, span: old })
            }
            Edit::SetStatus { id, status } => {
                let i = self.index_of(id)?;
                let old = std::mem::replace(&mut self.annotations[i].status, status);
                Ok(Edit::SetStatus { id, status: old })
            }
            Edit::SetNote { id, note } => {
                let i = self.index_of(id)?;
                let old = std::mem::replace(&mut self.annotations[i].note, note);
                Ok(Edit::SetNote { id, note: old })
            }
            Edit::SetSpeaker { id, speaker } => {
                let i = self.index_of(id)?;
                if let Some(s) = &speaker {
                    self.check_speaker(s)?;
                }
                let old = std::mem::replace(&mut self.annotations[i].speaker, speaker);
                Ok(Edit::SetSpeaker { id, speaker: old })
            }
            Edit::SetCluster { id, cluster } => {
                let i = self.index_of(id)?;
                if let Some(c) = cluster {
                    self.require_cluster(c)?;
                }
                let old = std::mem::replace(&mut self.annotations[i].cluster, cluster);
                Ok(Edit::SetCluster { id, cluster: old })
            }
            Edit::AddCluster { cluster } => {
                if self.cluster(cluster.id).is_some()
                    || self.get(AnnotationId(cluster.id.0)).is_some()
                {
                    return Err(EditError::DuplicateId(cluster.id.0));
                }
                if cluster.label.trim().is_empty() {
                    return Err(EditError::EmptyLabel);
                }
                let id = cluster.id;
                let pos = self.clusters.partition_point(|c| c.id < id);
                self.clusters.insert(pos, cluster);
                Ok(Edit::RemoveCluster { id })
            }
            Edit::RemoveCluster { id } => {
                let i = self.cluster_index(id)?;
                if self.cluster_used(id) {
                    return Err(EditError::ClusterNotEmpty(id));
                }
                let cluster = self.clusters.remove(i);
                Ok(Edit::AddCluster { cluster })
            }
            Edit::RenameCluster { id, canonical } => {
                let i = self.cluster_index(id)?;
                let old = std::mem::replace(&mut self.clusters[i].canonical, canonical);
                Ok(Edit::RenameCluster { id, canonical: old })
            }
            Edit::MergeClusters { into, from } => {
                self.cluster_index(into)?;
                let fi = self.cluster_index(from)?;
                if into == from {
                    return Err(EditError::SameCluster(into));
                }
                let mut restore = Vec::new();
                for a in &mut self.annotations {
                    if a.cluster == Some(from) {
                        a.cluster = Some(into);
                        restore.push(Edit::SetCluster {
                            id: a.id,
                            cluster: Some(from),
                        });
                    }
                    if let Some(s) = a.speaker.as_mut().filter(|s| s.cluster == Some(from)) {
                        let old = s.clone();
                        s.cluster = Some(into);
                        restore.push(Edit::SetSpeaker {
                            id: a.id,
                            speaker: Some(old),
                        });
                    }
                }
                let cluster = self.clusters.remove(fi);
                let mut edits = vec![Edit::AddCluster { cluster }];
                edits.extend(restore);
                Ok(Edit::Batch { edits })
            }
        }
    }

    /// Wraps a change the user makes by hand so that a suggestion it touches becomes
    /// accepted: a `Relabel`, `Resize`, `SetKind`, `SetSpeaker` or `SetCluster` of a
    /// [`Status::Suggested`] annotation becomes a `Batch` of the edit and
    /// `SetStatus(Accepted)`. Other edits are returned as they are. Use it for edits from the
    /// page, so [`Document::reanalyze`] keeps the user's correction instead of dropping it as a
    /// stale suggestion.
    pub fn accepting(&self, edit: Edit) -> Edit {
        let id = match &edit {
            Edit::Relabel { id, .. }
            | Edit::Resize { id, .. }
            | Edit::SetKind { id, .. }
            | Edit::SetSpeaker { id, .. }
            | Edit::SetCluster { id, .. } => *id,
            _ => return edit,
        };
        match self.get(id) {
            Some(a) if a.status == Status::Suggested => Edit::Batch {
                edits: vec![
                    edit,
                    Edit::SetStatus {
                        id,
                        status: Status::Accepted,
                    },
                ],
            },
            _ => edit,
        }
    }

    fn index_of(&self, id: AnnotationId) -> Result<usize, EditError> {
        self.annotations
            .iter()
            .position(|a| a.id == id)
            .ok_or(EditError::NoSuchAnnotation(id))
    }

    fn cluster_index(&self, id: ClusterId) -> Result<usize, EditError> {
        self.clusters
            .iter()
            .position(|c| c.id == id)
            .ok_or(EditError::NoSuchCluster(id))
    }

    fn require_cluster(&self, id: ClusterId) -> Result<(), EditError> {
        self.cluster_index(id).map(|_| ())
    }

    fn check_speaker(&self, s: &SpeakerLink) -> Result<(), EditError> {
        self.checked_exact(s.span)?;
        if let Some(c) = s.cluster {
            self.require_cluster(c)?;
        }
        Ok(())
    }

    /// True when an annotation or a speaker belongs to cluster `id`.
    pub fn cluster_used(&self, id: ClusterId) -> bool {
        self.annotations.iter().any(|a| {
            a.cluster == Some(id) || a.speaker.as_ref().is_some_and(|s| s.cluster == Some(id))
        })
    }
}
