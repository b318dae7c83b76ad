//! Edits as commands: each applied edit returns its inverse, so undo/redo is a log.

use crate::document::{Annotation, AnnotationId, ClusterId, ClusterInfo, SpeakerLink, Status};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One change to a document.
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
    /// Change an annotation's label.
    Relabel {
        /// Which.
        id: AnnotationId,
        /// The new label.
        label: String,
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
