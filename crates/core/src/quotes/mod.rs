//! Quotations: where they are, what kind they are, and who said them.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// Whether a quotation reports someone's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Direct speech or writing attributed to someone.
    Direct,
    /// A scare quote, a title or a term being mentioned ("normal", "Vault 7").
    Scare,
}

/// The speaker of a quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention the attribution names (the "he" in "he said", the "Geng" in "said Geng").
    pub mention: Span,
    /// Index into [`crate::analysis::Analysis::clusters`] when the mention belongs to a cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The quoted words with their quotation marks.
    pub outer: Span,
    /// Direct speech or a scare/mention quote.
    pub kind: QuoteKind,
    /// Who said it, for direct quotes when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
}

/// Finds quotations and their speakers. Pronoun speakers may be added to `clusters` as mentions.
pub fn find(
    _doc: &crate::text::Prepared<'_>,
    _entities: &[crate::entities::Entity],
    _clusters: &mut Vec<crate::clusters::Cluster>,
) -> Vec<Quote> {
    Vec::new()
}
