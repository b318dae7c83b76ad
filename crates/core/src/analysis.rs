//! The analyser: pasted text in, entities, clusters and quotes out.

use crate::clusters::Cluster;
use crate::entities::names::DefaultNames;
use crate::entities::{self, Entity, NameRecognizer};
use crate::quotes::Quote;
use crate::span::Span;
use crate::text::Prepared;
use crate::text::intake::{Metadata, Region};
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
        Analyzer { names }
    }

    /// Analyses `text`.
    pub fn analyze(&self, text: &str) -> Analysis {
        let doc = Prepared::new(text);
        self.analyze_prepared(&doc)
    }

    /// Analyses an already prepared text.
    pub fn analyze_prepared(&self, doc: &Prepared<'_>) -> Analysis {
        let patterns = entities::patterns::find(doc);
        let names = self.names.recognize(doc);
        let mut found = entities::merge(patterns, names);
        // Page junk gets no entity suggestions (price tables, link lists).
        found.retain(|e| !doc.intake.is_junk(e.span.start));
        let mut clusters = clusters::build(doc, &mut found);
        let quotes = quotes::find(doc, &found, &mut clusters);
        Analysis {
            text_len: doc.len_chars(),
            paragraphs: doc.intake.paragraphs.clone(),
            regions: doc.intake.regions.clone(),
            metadata: doc.intake.metadata.clone(),
            sentences: doc.sentences.iter().map(|s| s.span).collect(),
            entities: found,
            clusters,
            quotes,
        }
    }
}

/// Analyses `text` with the default analyser (built once, then shared).
pub fn analyze(text: &str) -> Analysis {
    static DEFAULT: OnceLock<Analyzer> = OnceLock::new();
    DEFAULT.get_or_init(Analyzer::default).analyze(text)
}
