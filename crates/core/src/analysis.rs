//! The analyser: pasted text in, entities, clusters and quotes out.

use crate::clusters::Cluster;
use crate::entities::names::DefaultNames;
use crate::entities::{self, Entity, NameRecognizer};
use crate::quotes::Quote;
use crate::span::Span;
use crate::text::Prepared;
use crate::text::intake::{Intake, Metadata, Region};
use crate::{clusters, quotes};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Everything the analyser found in one text. All spans are code points of the text as given.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Length of the text in code points.
    pub text_len: usize,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Junk and metadata regions (never deleted from the text).
    pub regions: Vec<Region>,
    /// Title, byline, dateline.
    pub metadata: Metadata,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Entities, sorted by start, not overlapping.
    pub entities: Vec<Entity>,
    /// Mention clusters; entities and speakers point into this list.
    pub clusters: Vec<Cluster>,
    /// Quotations, sorted by start.
    pub quotes: Vec<Quote>,
}

/// Runs the pipeline with a chosen name recogniser.
pub struct Analyzer {
    names: Box<dyn NameRecognizer>,
    patterns: entities::patterns::Options,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").finish_non_exhaustive()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(Box::new(DefaultNames::default()))
    }
}

impl Analyzer {
    /// An analyser that finds names with `names`.
    pub fn new(names: Box<dyn NameRecognizer>) -> Self {
        Analyzer {
            names,
            patterns: entities::patterns::Options::default(),
        }
    }

    /// The same analyser with other pattern options, e.g.
    /// [`entities::patterns::Options::ONTONOTES`] to report relative dates ("last week", "recent
    /// years") and durations as well as calendar dates.
    pub fn with_patterns(mut self, options: entities::patterns::Options) -> Self {
        self.patterns = options;
        self
    }

    /// Analyses `text`.
    pub fn analyze(&self, text: &str) -> Analysis {
        let mut doc = Prepared::new(text);
        let found = self.run(&doc);
        // The prepared text is ours: its intake moves into the result instead of being cloned.
        let intake = std::mem::take(&mut doc.intake);
        Self::assemble(&doc, intake, found)
    }

    /// Analyses an already prepared text.
    pub fn analyze_prepared(&self, doc: &Prepared<'_>) -> Analysis {
        let found = self.run(doc);
        Self::assemble(doc, doc.intake.clone(), found)
    }

    /// The analysis of `doc`, from its intake and what [`Analyzer::run`] found.
    fn assemble(
        doc: &Prepared<'_>,
        intake: Intake,
        (entities, clusters, quotes): (Vec<Entity>, Vec<Cluster>, Vec<Quote>),
    ) -> Analysis {
        Analysis {
            text_len: doc.len_chars(),
            paragraphs: intake.paragraphs,
            regions: intake.regions,
            metadata: intake.metadata,
            sentences: doc.sentences.iter().map(|s| s.span).collect(),
            entities,
            clusters,
            quotes,
        }
    }

    /// The stages after preparation: entities, clusters and quotes.
    fn run(&self, doc: &Prepared<'_>) -> (Vec<Entity>, Vec<Cluster>, Vec<Quote>) {
        let patterns = entities::patterns::find_with(doc, self.patterns);
        let names = self.names.recognize(doc);
        let mut found = entities::merge(patterns, names);
        // Page junk gets no entity suggestions (price tables, link lists).
        found.retain(|e| !doc.intake.is_junk(e.span.start));
        let mut clusters = clusters::build(doc, &mut found);
        let quotes = quotes::find(doc, &found, &mut clusters);
        (found, clusters, quotes)
    }
}

/// The default analyser, built once and shared. With `relative_dates`, DATE also covers relative
/// and descriptive expressions ("last week", "recent years", "the past decade"), as OntoNotes
/// does; without, only calendar dates, as news-wire annotation does (the default).
pub fn shared_analyzer(relative_dates: bool) -> &'static Analyzer {
    static NEWS: OnceLock<Analyzer> = OnceLock::new();
    static ONTONOTES: OnceLock<Analyzer> = OnceLock::new();
    if relative_dates {
        ONTONOTES.get_or_init(|| {
            Analyzer::default().with_patterns(entities::patterns::Options::ONTONOTES)
        })
    } else {
        NEWS.get_or_init(Analyzer::default)
    }
}

/// Analyses `text` with the default analyser (built once, then shared).
pub fn analyze(text: &str) -> Analysis {
    shared_analyzer(false).analyze(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::EntityLabel;

    fn dates(a: &Analysis, text: &str) -> Vec<String> {
        a.entities
            .iter()
            .filter(|e| e.label == EntityLabel::Date)
            .map(|e| {
                crate::text::offsets::slice_chars(text, e.span)
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn relative_dates_only_when_asked() {
        let text = "Prices rose in recent years and fell on 3 March 2021.";
        let news = dates(&shared_analyzer(false).analyze(text), text);
        let onto = dates(&shared_analyzer(true).analyze(text), text);
        assert_eq!(news, vec!["3 March 2021"]);
        assert!(onto.iter().any(|d| d.contains("recent years")), "{onto:?}");
        assert!(onto.iter().any(|d| d.contains("March 2021")), "{onto:?}");
    }
}
