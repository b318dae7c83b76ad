//! The annotation model: a document, its annotations and clusters, as the user edits them.

use crate::quotes::QuoteKind;
use crate::span::Span;
use crate::text::intake::Region;
use serde::{Deserialize, Serialize};

/// A stable annotation id, unique within its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub u64);

/// A stable cluster id, unique within its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClusterId(pub u64);

/// What an annotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    /// A named or numeric entity; `label` is an OntoNotes label.
    Entity,
    /// A quotation; `label` is `"QUOTE"`.
    Quote,
    /// A span with a user-defined label.
    User,
}

/// Who made an annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The analyser suggested it.
    Auto,
    /// The user made it.
    User,
}

/// The user's decision on an annotation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not yet reviewed.
    #[default]
    Suggested,
    /// Confirmed by the user.
    Accepted,
    /// Dismissed by the user; kept so re-analysis does not suggest it again.
    Rejected,
}

/// The speaker of a quote annotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerLink {
    /// The speaker mention in the text.
    pub span: Span,
    /// The cluster that mention belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<ClusterId>,
}

/// One annotation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Stable id.
    pub id: AnnotationId,
    /// Entity, quote or user label.
    pub kind: AnnotationKind,
    /// The label: an OntoNotes name, `"QUOTE"`, or a user label.
    pub label: String,
    /// Where it is, in code points.
    pub span: Span,
    /// The exact text of `span`.
    pub exact: String,
    /// Who made it.
    pub origin: Origin,
    /// The user's decision.
    #[serde(default)]
    pub status: Status,
    /// A free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The cluster an entity belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<ClusterId>,
    /// The speaker of a quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<SpeakerLink>,
    /// Direct or scare quote, for quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_kind: Option<QuoteKind>,
}

/// A cluster of mentions of one thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterInfo {
    /// Stable id.
    pub id: ClusterId,
    /// The name shown for it ("Geng Shuang").
    pub canonical: String,
    /// Its entity label.
    pub label: String,
}

/// Document metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Title (the headline, or what the user named it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Dateline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Where the text came from (URL or file name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Creation time, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Last change, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
}

/// A text and everything annotated on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Document id.
    pub id: String,
    /// The text as pasted.
    pub text: String,
    /// `"sha256:<hex>"` of `text`.
    pub text_hash: String,
    /// Metadata.
    #[serde(default)]
    pub meta: DocMeta,
    /// Junk and metadata regions.
    #[serde(default)]
    pub regions: Vec<Region>,
    /// Annotations, sorted by span start.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Clusters referenced by annotations.
    #[serde(default)]
    pub clusters: Vec<ClusterInfo>,
    /// The next free id (annotations and clusters share the counter).
    #[serde(default)]
    pub next_id: u64,
}

/// `"sha256:<hex>"` of a text.
pub fn text_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

impl Document {
    /// An empty document over `text`.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Document {
            id: id.into(),
            text_hash: text_hash(&text),
            text,
            meta: DocMeta::default(),
            regions: Vec::new(),
            annotations: Vec::new(),
            clusters: Vec::new(),
            next_id: 1,
        }
    }

    /// The annotation with `id`.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }
}
