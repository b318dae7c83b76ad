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
/// On overlap the longer span wins; on equal length, a name beats a pattern (then the earlier
/// start, then patterns before names, each in their given order): the result is what taking
/// the entities greedily in that order, skipping any that overlaps one already taken, gives.
///
/// Both lists come sorted by start, so they are merged in text order and the greedy choice is
/// made per group of entities that overlap or touch one another (a group never affects the
/// choice in another). Most groups have one entity and need no sorting at all.
// Not inlined, so that profiles (`/work/instr.sh`, the stages bench) still show the stage.
#[inline(never)]
pub fn merge(mut patterns: Vec<Entity>, mut names: Vec<Entity>) -> Vec<Entity> {
    // Both lists are documented as sorted; a stable sort keeps equal starts in their order,
    // which is all the tie-breaking below relies on.
    for list in [&mut patterns, &mut names] {
        if !list.is_sorted_by_key(|e| e.span.start) {
            crate::sort::sort_by_key(list, |e| e.span.start);
        }
    }
    let mut kept: Vec<Entity> = Vec::with_capacity(patterns.len() + names.len());
    let mut group: Vec<Entity> = Vec::new();
    let mut group_end = 0;
    let mut names = names.into_iter().peekable();
    let mut patterns = patterns.into_iter().peekable();
    loop {
        // The next entity in text order; on equal starts a pattern first.
        let next = match (patterns.peek(), names.peek()) {
            (Some(p), Some(n)) if n.span.start < p.span.start => names.next(),
            (Some(_), _) => patterns.next(),
            (None, _) => names.next(),
        };
        let Some(e) = next else { break };
        if !group.is_empty() && e.span.start > group_end {
            resolve_group(&mut group, &mut kept);
        }
        group_end = if group.is_empty() {
            e.span.end
        } else {
            group_end.max(e.span.end)
        };
        group.push(e);
    }
    resolve_group(&mut group, &mut kept);
    kept
}

/// Moves the entities of one group (entities that overlap or touch, in text order, patterns
/// before names on equal starts) that the greedy choice keeps to `kept`, sorted by start.
fn resolve_group(group: &mut Vec<Entity>, kept: &mut Vec<Entity>) {
    if group.len() <= 1 {
        kept.append(group);
        return;
    }
    crate::sort::sort_by(group, |a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then_with(|| b.label.is_name().cmp(&a.label.is_name()))
            .then_with(|| a.span.start.cmp(&b.span.start))
    });
    // Taken spans as (start, end) sorted by start, one per start (a later one with the same
    // start replaces it). Kept spans never overlap, so only the taken span starting last
    // before `e` ends can clash.
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let first = kept.len();
    for e in group.drain(..) {
        let at = taken.partition_point(|&(s, _)| s < e.span.end);
        let clash = at > 0 && taken[at - 1].1 > e.span.start;
        if !clash {
            match taken.binary_search_by_key(&e.span.start, |&(s, _)| s) {
                Ok(k) => taken[k].1 = e.span.end,
                Err(k) => taken.insert(k, (e.span.start, e.span.end)),
            }
            kept.push(e);
        }
    }
    crate::sort::sort_by_key(&mut kept[first..], |e| e.span.start);
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

    /// The greedy choice over one global sort (the definition `merge` implements per group).
    fn merge_reference(mut all: Vec<Entity>, names: Vec<Entity>) -> Vec<Entity> {
        all.extend(names);
        all.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then_with(|| b.label.is_name().cmp(&a.label.is_name()))
                .then_with(|| a.span.start.cmp(&b.span.start))
        });
        let mut taken = std::collections::BTreeMap::new();
        let mut kept = Vec::new();
        for e in all {
            let clash = taken
                .range(..e.span.end)
                .next_back()
                .is_some_and(|(_, &end)| end > e.span.start);
            if !clash {
                taken.insert(e.span.start, e.span.end);
                kept.push(e);
            }
        }
        kept.sort_by_key(|e| e.span.start);
        kept
    }

    proptest::proptest! {
        #[test]
        fn merge_matches_the_global_greedy_choice(
            p in proptest::collection::vec((0usize..40, 0usize..6, 0u8..3), 0..12),
            n in proptest::collection::vec((0usize..40, 0usize..6, 0u8..3), 0..12),
        ) {
            let labels = [EntityLabel::Date, EntityLabel::Person, EntityLabel::Cardinal];
            let list = |v: &[(usize, usize, u8)], src: EntitySource| {
                let mut l: Vec<Entity> = v
                    .iter()
                    .enumerate()
                    .map(|(i, &(s, len, lab))| {
                        Entity::new(Span::new(s, s + len), labels[lab as usize], src, i as f32)
                    })
                    .collect();
                l.sort_by_key(|e| e.span.start);
                l
            };
            let (p, n) = (list(&p, EntitySource::Pattern), list(&n, EntitySource::Model));
            proptest::prop_assert_eq!(merge(p.clone(), n.clone()), merge_reference(p, n));
        }
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
