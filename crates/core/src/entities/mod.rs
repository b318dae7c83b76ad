//! Entities: numeric/temporal patterns and names, merged into one non-overlapping list.

pub mod names;
pub mod patterns;

use crate::label::EntityLabel;
use crate::span::Span;
use crate::text::Prepared;
use serde::{Deserialize, Serialize};

/// Which stage found an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntitySource {
    /// A numeric or temporal pattern.
    Pattern,
    /// A gazetteer or context rule.
    Rule,
    /// The learned name model.
    Model,
    /// Propagated from another mention in the same document.
    Document,
}

/// An entity mention found by the analyser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Where it is.
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
    /// Which stage found it.
    pub source: EntitySource,
    /// Confidence in 0..=1 (1 for patterns and rules).
    pub score: f32,
    /// Index into [`crate::analysis::Analysis::clusters`], once clustered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
}

impl Entity {
    /// A new, unclustered entity.
    pub fn new(span: Span, label: EntityLabel, source: EntitySource, score: f32) -> Self {
        Entity {
            span,
            label,
            source,
            score,
            cluster: None,
        }
    }
}

/// Finds names (PERSON, ORG, GPE, …) in a prepared text.
///
/// The analyser holds one behind a `Box`, so the rule layer and the learned model swap cleanly.
pub trait NameRecognizer: Send + Sync {
    /// Names in `doc`, sorted by start, not overlapping.
    fn recognize(&self, doc: &Prepared<'_>) -> Vec<Entity>;
}

/// Merges pattern entities and names into one sorted, non-overlapping list.
///
/// On overlap the longer span wins; on equal length, a name beats a pattern.
pub fn merge(mut patterns: Vec<Entity>, names: Vec<Entity>) -> Vec<Entity> {
    patterns.extend(names);
    crate::sort::sort_by(&mut patterns, |a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then_with(|| b.label.is_name().cmp(&a.label.is_name()))
            .then_with(|| a.span.start.cmp(&b.span.start))
    });
    // Kept spans never overlap, so only the kept span starting last before `e` ends can clash.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Entity> = Vec::with_capacity(patterns.len());
    for e in patterns {
        let clash = taken
            .range(..e.span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > e.span.start);
        if !clash {
            taken.insert(e.span.start, e.span.end);
            kept.push(e);
        }
    }
    crate::sort::sort_by_key(&mut kept, |e| e.span.start);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(start: usize, end: usize, label: EntityLabel) -> Entity {
        Entity::new(Span::new(start, end), label, EntitySource::Rule, 1.0)
    }

    #[test]
    fn merge_keeps_longest_then_names_and_never_overlaps() {
        let patterns = vec![
            ent(0, 4, EntityLabel::Date),
            ent(10, 12, EntityLabel::Cardinal),
            ent(20, 30, EntityLabel::Money),
        ];
        let names = vec![
            ent(2, 8, EntityLabel::Org),
            ent(10, 12, EntityLabel::Person),
            ent(25, 27, EntityLabel::Gpe),
        ];
        let got: Vec<(usize, usize, EntityLabel)> = merge(patterns, names)
            .iter()
            .map(|e| (e.span.start, e.span.end, e.label))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, 8, EntityLabel::Org),
                (10, 12, EntityLabel::Person),
                (20, 30, EntityLabel::Money)
            ],
            "longer ORG beats the DATE it overlaps; a name beats a pattern of equal length; MONEY contains GPE"
        );
    }

    #[test]
    fn merge_drops_empty_spans_only_inside_kept_spans() {
        let patterns = vec![
            ent(0, 4, EntityLabel::Date),
            ent(6, 8, EntityLabel::Cardinal),
        ];
        let names = vec![
            ent(2, 2, EntityLabel::Person),
            ent(4, 4, EntityLabel::Org),
            ent(5, 5, EntityLabel::Gpe),
        ];
        let got: Vec<(usize, usize)> = merge(patterns, names)
            .iter()
            .map(|e| (e.span.start, e.span.end))
            .collect();
        assert_eq!(got, vec![(0, 4), (4, 4), (5, 5), (6, 8)]);
    }

    #[test]
    fn merge_is_fast_on_many_entities() {
        // Regression: merge was quadratic (a linear overlap scan per entity).
        let many: Vec<Entity> = (0..200_000)
            .map(|i| ent(i * 3, i * 3 + 2, EntityLabel::Cardinal))
            .collect();
        let overlapping: Vec<Entity> = (0..200_000)
            .map(|i| ent(i * 3 + 1, i * 3 + 2, EntityLabel::Person))
            .collect();
        assert_eq!(merge(many, overlapping).len(), 200_000);
    }
}
