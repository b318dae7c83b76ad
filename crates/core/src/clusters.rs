//! Mention clusters: "Chen Yixin" … "Chen" … "he".

use crate::label::EntityLabel;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// How a mention refers to its cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A full or partial name ("Geng Shuang", "Geng").
    Name,
    /// An acronym or alias ("CIA").
    Alias,
    /// A pronoun ("he", "they").
    Pronoun,
    /// A description ("the ministry", "the spokesperson").
    Nominal,
}

/// One mention in a cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// How it refers.
    pub kind: MentionKind,
}

/// A group of mentions of one person, organisation or place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// The name the page shows ("Geng Shuang").
    pub canonical: String,
    /// The entity type of the cluster.
    pub label: EntityLabel,
    /// Its mentions in text order.
    pub mentions: Vec<Mention>,
}

/// Groups entity mentions into clusters and sets each entity's `cluster`.
pub fn build(
    _doc: &crate::text::Prepared<'_>,
    _entities: &mut [crate::entities::Entity],
) -> Vec<Cluster> {
    Vec::new()
}
