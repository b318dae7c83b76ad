//! The annotation model: a document, its annotations and clusters, as the user edits them.

use crate::analysis::Analysis;
use crate::error::EditError;
use crate::quotes::QuoteKind;
use crate::span::Span;
use crate::text::intake::Region;
use crate::text::offsets::{CharMap, char_len, slice_chars};
use serde::{Deserialize, Serialize};

/// The label of quote annotations.
pub const QUOTE_LABEL: &str = "QUOTE";

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

impl Annotation {
    /// The canonical order of annotations in a document: by start, then the longer first, then
    /// by id.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, AnnotationId) {
        (self.span.start, std::cmp::Reverse(self.span.end), self.id)
    }

    /// True unless the user rejected it.
    pub fn is_live(&self) -> bool {
        self.status != Status::Rejected
    }

    /// The kind a label implies for an entity or user annotation: an OntoNotes name makes an
    /// entity, anything else a user annotation. Quotes stay quotes.
    pub fn kind_for_label(current: AnnotationKind, label: &str) -> AnnotationKind {
        match current {
            AnnotationKind::Quote => AnnotationKind::Quote,
            _ if label.parse::<crate::label::EntityLabel>().is_ok() => AnnotationKind::Entity,
            _ => AnnotationKind::User,
        }
    }
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
    /// Annotations, sorted by span start, the longer first, then id
    /// ([`Annotation::order_key`]).
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

    /// A document holding the analyser's suggestions for `text`.
    ///
    /// Clusters come first (cluster `i` of the analysis gets id `1 + i`), then one annotation per
    /// entity (kind [`AnnotationKind::Entity`], label = OntoNotes name, its cluster) and per quote
    /// (kind [`AnnotationKind::Quote`], label `"QUOTE"`, its [`QuoteKind`] and speaker), all
    /// [`Origin::Auto`] and [`Status::Suggested`]. Regions and title/byline/dateline are copied.
    /// Spans the analysis got wrong (empty or outside `text`) are skipped, never panicked on.
    pub fn from_analysis(
        id: impl Into<String>,
        text: impl Into<String>,
        analysis: &Analysis,
    ) -> Document {
        let mut doc = Document::new(id, text);
        doc.meta.title = analysis.metadata.title.clone();
        doc.meta.byline = analysis.metadata.byline.clone();
        doc.meta.dateline = analysis.metadata.dateline.clone();
        doc.regions = analysis.regions.clone();
        let ids: Vec<ClusterId> = analysis
            .clusters
            .iter()
            .map(|c| {
                let id = ClusterId(doc.bump_id());
                doc.clusters.push(ClusterInfo {
                    id,
                    canonical: c.canonical.clone(),
                    label: c.label.as_str().to_string(),
                });
                id
            })
            .collect();
        let map = CharMap::new(&doc.text);
        for cand in candidates(analysis, &ids) {
            if !valid_span(cand.span, map.len_chars()) {
                continue;
            }
            let speaker = cand.speaker.filter(|s| valid_span(s.span, map.len_chars()));
            let id = AnnotationId(doc.bump_id());
            doc.annotations.push(Annotation {
                id,
                kind: cand.kind,
                label: cand.label,
                span: cand.span,
                exact: map.slice(&doc.text, cand.span).to_string(),
                origin: Origin::Auto,
                status: Status::Suggested,
                note: None,
                cluster: cand.cluster,
                speaker,
                quote_kind: cand.quote_kind,
            });
        }
        doc.sort_annotations();
        doc
    }

    /// Re-runs the analyser's suggestions over this document, keeping the user's decisions.
    ///
    /// Annotations are matched by `(kind, span, label)`:
    /// - annotations the user made ([`Origin::User`]) stay as they are;
    /// - accepted and rejected suggestions, and suggestions with a note, stay as they are (a
    ///   rejected suggestion stays rejected and is not suggested again);
    /// - an untouched suggestion that the new analysis still makes keeps its id and takes the new
    ///   cluster, speaker and quote kind; one it no longer makes is dropped;
    /// - new suggestions are added with fresh ids, except where an accepted or user-made
    ///   annotation of the same kind already covers part of their text.
    ///
    /// Clusters: a new analysis cluster with the same canonical name and label as an existing
    /// cluster reuses its id (and keeps a rename the user made only if the name still matches);
    /// existing clusters still referenced by a kept annotation or speaker are kept; others are
    /// dropped. Regions are replaced; title, byline and dateline are filled only where empty.
    pub fn reanalyze(&mut self, analysis: &Analysis) {
        let len = char_len(&self.text);
        self.next_id = self.first_free_id();
        // Map analysis clusters to ids, reusing existing clusters with the same name and label.
        let mut new_clusters: Vec<ClusterInfo> = Vec::new();
        let mut ids = Vec::with_capacity(analysis.clusters.len());
        for c in &analysis.clusters {
            let label = c.label.as_str();
            let existing = self
                .clusters
                .iter()
                .find(|k| k.canonical == c.canonical && k.label == label)
                .map(|k| k.id)
                .filter(|id| !new_clusters.iter().any(|n| n.id == *id));
            let id = match existing {
                Some(id) => id,
                None => ClusterId(self.bump_id()),
            };
            new_clusters.push(ClusterInfo {
                id,
                canonical: c.canonical.clone(),
                label: label.to_string(),
            });
            ids.push(id);
        }
        let touched = |a: &Annotation| {
            a.origin == Origin::User || a.status != Status::Suggested || a.note.is_some()
        };
        let mut kept: Vec<Annotation> = Vec::new();
        let mut untouched: Vec<Annotation> = Vec::new();
        for a in self.annotations.drain(..) {
            if touched(&a) {
                kept.push(a);
            } else {
                untouched.push(a);
            }
        }
        let map = CharMap::new(&self.text);
        let mut added: Vec<Annotation> = Vec::new();
        // Lookups by (kind, span, label) and, per kind, the spans that settle a stretch of text
        // (sorted by start, with the furthest end so far): linear in the annotations, not
        // quadratic (a 1 MB text has tens of thousands).
        type Key = (AnnotationKind, usize, usize, String);
        let key =
            |k: AnnotationKind, s: Span, l: &str| -> Key { (k, s.start, s.end, l.to_string()) };
        let mut taken: std::collections::HashSet<Key> =
            kept.iter().map(|a| key(a.kind, a.span, &a.label)).collect();
        let mut untouched_at: std::collections::HashMap<Key, std::collections::VecDeque<usize>> =
            std::collections::HashMap::new();
        for (i, a) in untouched.iter().enumerate() {
            untouched_at
                .entry(key(a.kind, a.span, &a.label))
                .or_default()
                .push_back(i);
        }
        let mut untouched: Vec<Option<Annotation>> = untouched.into_iter().map(Some).collect();
        let mut settling: Vec<(AnnotationKind, Span)> = kept
            .iter()
            .filter(|a| {
                a.status != Status::Rejected
                    && (a.status == Status::Accepted || a.origin == Origin::User)
            })
            .map(|a| (a.kind, a.span))
            .collect();
        crate::sort::sort_by_key(&mut settling, |(k, s)| (*k as u8, s.start));
        let reach: Vec<usize> = settling
            .iter()
            .scan((None, 0usize), |(kind, end), (k, s)| {
                if *kind != Some(*k) {
                    *kind = Some(*k);
                    *end = 0;
                }
                *end = (*end).max(s.end);
                Some(*end)
            })
            .collect();
        let settled = |kind: AnnotationKind, span: Span| {
            let lo = settling.partition_point(|(k, _)| (*k as u8) < kind as u8);
            let hi =
                settling.partition_point(|(k, s)| (*k as u8, s.start) < (kind as u8, span.end));
            hi > lo && reach[hi - 1] > span.start
        };
        for cand in candidates(analysis, &ids) {
            if !valid_span(cand.span, len) {
                continue;
            }
            let k = key(cand.kind, cand.span, &cand.label);
            if taken.contains(&k) {
                continue;
            }
            let speaker = cand.speaker.filter(|s| valid_span(s.span, len));
            if let Some(a) = untouched_at
                .get_mut(&k)
                .and_then(|q| q.pop_front())
                .and_then(|i| untouched[i].take())
            {
                let mut a = a;
                a.cluster = cand.cluster;
                a.speaker = speaker;
                a.quote_kind = cand.quote_kind;
                added.push(a);
                taken.insert(k);
                continue;
            }
            // The user's accepted or hand-made annotation of the same kind settles that stretch
            // of text: no new overlapping suggestion of the same kind is added beside it.
            if settled(cand.kind, cand.span) {
                continue;
            }
            let id = AnnotationId(self.bump_id());
            added.push(Annotation {
                id,
                kind: cand.kind,
                label: cand.label,
                span: cand.span,
                exact: map.slice(&self.text, cand.span).to_string(),
                origin: Origin::Auto,
                status: Status::Suggested,
                note: None,
                cluster: cand.cluster,
                speaker,
                quote_kind: cand.quote_kind,
            });
            taken.insert(k);
        }
        kept.extend(added);
        self.annotations = kept;
        // Keep old clusters that kept annotations still point at (one pass over the annotations).
        let referenced: std::collections::HashSet<ClusterId> = self
            .annotations
            .iter()
            .flat_map(|a| {
                a.cluster
                    .into_iter()
                    .chain(a.speaker.as_ref().and_then(|s| s.cluster))
            })
            .collect();
        for c in std::mem::take(&mut self.clusters) {
            if !new_clusters.iter().any(|n| n.id == c.id) && referenced.contains(&c.id) {
                new_clusters.push(c);
            }
        }
        crate::sort::sort_by_key(&mut new_clusters, |c| c.id);
        self.clusters = new_clusters;
        self.regions = analysis.regions.clone();
        let m = &analysis.metadata;
        if self.meta.title.is_none() {
            self.meta.title = m.title.clone();
        }
        if self.meta.byline.is_none() {
            self.meta.byline = m.byline.clone();
        }
        if self.meta.dateline.is_none() {
            self.meta.dateline = m.dateline.clone();
        }
        self.sort_annotations();
    }

    /// The annotation with `id`.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// The cluster with `id`.
    pub fn cluster(&self, id: ClusterId) -> Option<&ClusterInfo> {
        self.clusters.iter().find(|c| c.id == id)
    }

    /// The text of a code-point span, or `None` when it lies outside the text.
    pub fn slice(&self, span: Span) -> Option<&str> {
        slice_chars(&self.text, span)
    }

    /// Length of the text in code points.
    pub fn len_chars(&self) -> usize {
        char_len(&self.text)
    }

    /// Reserves a fresh id (annotations and clusters share the counter) and returns it.
    ///
    /// Ids are never reused, even after an undo, so a redo can re-add the same id.
    pub fn alloc_id(&mut self) -> u64 {
        let id = self.first_free_id();
        self.next_id = id.saturating_add(1);
        id
    }

    /// The smallest id that is at least `next_id` and above every id in use.
    fn first_free_id(&self) -> u64 {
        let max_used = self
            .annotations
            .iter()
            .map(|a| a.id.0)
            .chain(self.clusters.iter().map(|c| c.id.0))
            .max()
            .unwrap_or(0);
        self.next_id.max(max_used.saturating_add(1)).max(1)
    }

    /// Takes `next_id` without scanning; only where `next_id` is known to be free.
    fn bump_id(&mut self) -> u64 {
        let id = self.next_id.max(1);
        self.next_id = id.saturating_add(1);
        id
    }

    /// Annotations that overlap `span`, in document order.
    pub fn annotations_in(&self, span: Span) -> impl Iterator<Item = &Annotation> {
        self.annotations
            .iter()
            .take_while(move |a| a.span.start < span.end)
            .filter(move |a| a.span.overlaps(span))
    }

    /// Annotations that cover the code point at `pos`, in document order.
    pub fn annotations_at(&self, pos: usize) -> impl Iterator<Item = &Annotation> {
        self.annotations_in(Span::new(pos, pos + 1))
    }

    /// The annotations in cluster `id`, in document order.
    pub fn cluster_members(&self, id: ClusterId) -> impl Iterator<Item = &Annotation> {
        self.annotations
            .iter()
            .filter(move |a| a.cluster == Some(id))
    }

    /// Builds (but does not add) a new annotation: allocates its id and fills `exact`.
    ///
    /// Add it with [`Edit::Add`](crate::edit::Edit::Add) through [`Document::apply`] or
    /// [`History::apply`](crate::edit::History::apply) so the change can be undone. Fails
    /// (without reserving an id) when the span is empty or outside the text, or the label empty.
    pub fn new_annotation(
        &mut self,
        kind: AnnotationKind,
        label: impl Into<String>,
        span: Span,
        origin: Origin,
    ) -> Result<Annotation, EditError> {
        let label = label.into();
        if label.trim().is_empty() {
            return Err(EditError::EmptyLabel);
        }
        let exact = self.checked_exact(span)?;
        let id = AnnotationId(self.alloc_id());
        Ok(Annotation {
            id,
            kind,
            label,
            span,
            exact,
            origin,
            status: if origin == Origin::User {
                Status::Accepted
            } else {
                Status::Suggested
            },
            note: None,
            cluster: None,
            speaker: None,
            quote_kind: (kind == AnnotationKind::Quote).then_some(QuoteKind::Direct),
        })
    }

    /// Builds (but does not add) a new cluster with a fresh id; add it with
    /// [`Edit::AddCluster`](crate::edit::Edit::AddCluster).
    pub fn new_cluster(
        &mut self,
        canonical: impl Into<String>,
        label: impl Into<String>,
    ) -> ClusterInfo {
        ClusterInfo {
            id: ClusterId(self.alloc_id()),
            canonical: canonical.into(),
            label: label.into(),
        }
    }

    /// The text at `span`, or [`EditError::BadSpan`] when it is empty or outside the text.
    pub fn checked_exact(&self, span: Span) -> Result<String, EditError> {
        match self.slice(span) {
            Some(s) if !span.is_empty() => Ok(s.to_string()),
            _ => Err(EditError::BadSpan {
                span,
                len: self.len_chars(),
            }),
        }
    }

    /// Puts annotations in their canonical order: by start, then the longer first (outer
    /// before nested), then by id.
    pub fn sort_annotations(&mut self) {
        crate::sort::sort_by_key(&mut self.annotations, Annotation::order_key);
    }
}

fn valid_span(span: Span, len: usize) -> bool {
    span.start < span.end && span.end <= len
}

/// One suggestion derived from an analysis, before it gets an id.
struct Candidate {
    kind: AnnotationKind,
    label: String,
    span: Span,
    cluster: Option<ClusterId>,
    speaker: Option<SpeakerLink>,
    quote_kind: Option<QuoteKind>,
}

fn candidates(analysis: &Analysis, ids: &[ClusterId]) -> Vec<Candidate> {
    let cl = |i: Option<usize>| i.and_then(|i| ids.get(i).copied());
    let mut out = Vec::with_capacity(analysis.entities.len() + analysis.quotes.len());
    for e in &analysis.entities {
        out.push(Candidate {
            kind: AnnotationKind::Entity,
            label: e.label.as_str().to_string(),
            span: e.span,
            cluster: cl(e.cluster),
            speaker: None,
            quote_kind: None,
        });
    }
    for q in &analysis.quotes {
        out.push(Candidate {
            kind: AnnotationKind::Quote,
            label: QUOTE_LABEL.to_string(),
            span: q.span,
            cluster: None,
            speaker: q.speaker.as_ref().map(|s| SpeakerLink {
                span: s.mention,
                cluster: cl(s.cluster),
            }),
            quote_kind: Some(q.kind),
        });
    }
    out
}
