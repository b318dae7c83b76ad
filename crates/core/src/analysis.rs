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

/// How many articles to give [`Analyzer::analyze_many`] at a time: enough for each stage's
/// code to stay hot, few enough to keep memory small.
pub const ARTICLES_PER_BATCH: usize = 16;
/// ... and how much text at most: the texts of one batch are all in memory at once.
pub const BYTES_PER_BATCH: usize = 256 << 10;

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

    /// Analyses several texts: exactly what [`Analyzer::analyze`] gives for each, in order,
    /// but each stage runs over all the texts before the next stage starts.
    ///
    /// For many short articles this is about a quarter faster: one article through every
    /// stage evicts each stage's code from the instruction cache and its branches from the
    /// predictor before they are used again. Everything the texts need is held at once, so
    /// callers pass bounded batches ([`ARTICLES_PER_BATCH`], [`BYTES_PER_BATCH`]).
    pub fn analyze_many(&self, texts: &[&str]) -> Vec<Analysis> {
        let mut docs: Vec<Prepared<'_>> = texts.iter().map(|t| Prepared::new(t)).collect();
        let patterns: Vec<_> = docs
            .iter()
            .map(|d| entities::patterns::find_with(d, self.patterns))
            .collect();
        let names: Vec<_> = docs.iter().map(|d| self.names.recognize(d)).collect();
        let mut found: Vec<Vec<Entity>> = patterns
            .into_iter()
            .zip(names)
            .zip(&docs)
            .map(|((p, n), doc)| Self::merged(doc, p, n))
            .collect();
        let mut clusters: Vec<_> = docs
            .iter()
            .zip(found.iter_mut())
            .map(|(doc, found)| clusters::build(doc, found))
            .collect();
        let quotes: Vec<_> = docs
            .iter()
            .zip(&found)
            .zip(clusters.iter_mut())
            .map(|((doc, found), clusters)| quotes::find(doc, found, clusters))
            .collect();
        docs.iter_mut()
            .zip(found.into_iter().zip(clusters).zip(quotes))
            .map(|(doc, ((found, clusters), quotes))| {
                let intake = std::mem::take(&mut doc.intake);
                Self::assemble(doc, intake, (found, clusters, quotes))
            })
            .collect()
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
        let mut found = Self::merged(doc, patterns, names);
        let mut clusters = clusters::build(doc, &mut found);
        let quotes = quotes::find(doc, &found, &mut clusters);
        (found, clusters, quotes)
    }

    /// Pattern and name entities merged, without those in page junk.
    fn merged(doc: &Prepared<'_>, patterns: Vec<Entity>, names: Vec<Entity>) -> Vec<Entity> {
        let mut found = entities::merge(patterns, names);
        // Page junk gets no entity suggestions (price tables, link lists).
        found.retain(|e| !doc.intake.is_junk(e.span.start));
        found
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

    #[test]
    fn many_texts_at_once_give_what_each_gives_alone() {
        let texts = [
            "Harbour council approves ferry link\n\nPORT ELLIS, March 3 - The council on \
             Tuesday approved a $4.5 million plan. \"We stop waiting today,\" Mayor Wenna Trask \
             told reporters. Trask said 20 percent of residents commute daily.",
            "",
            "“Nothing is settled,” said Idris Malone of Kestrel Bay Ferries Ltd.\n\nShare this \
             article\nYou May Also Like\nSubscribe for $9.99 a month",
            "Zoë Ławecka 😀 wrote on 5 May 2024 that the ministry was “reviewing” the plan.",
            "Harbour council approves ferry link\n\nPORT ELLIS, March 3 - The council on \
             Tuesday approved a $4.5 million plan.",
        ];
        for relative_dates in [false, true] {
            let analyzer = shared_analyzer(relative_dates);
            let one_by_one: Vec<Analysis> = texts.iter().map(|t| analyzer.analyze(t)).collect();
            assert_eq!(analyzer.analyze_many(&texts), one_by_one);
            assert!(one_by_one[0].quotes.len() == 1 && !one_by_one[0].entities.is_empty());
        }
        assert!(shared_analyzer(false).analyze_many(&[]).is_empty());
    }
}
