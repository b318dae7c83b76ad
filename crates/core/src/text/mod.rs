//! Text: offsets, intake (paragraphs, junk, metadata), tokens and sentences.

pub mod intake;
pub mod offsets;
pub mod sentence;
pub mod token;

use crate::span::Span;
use intake::Intake;
use offsets::CharMap;
use sentence::Sentence;
use token::Token;

/// A text prepared for analysis: its offset map, intake, tokens and sentences.
///
/// Every analysis stage reads from this; nothing re-tokenises.
#[derive(Debug)]
pub struct Prepared<'a> {
    /// The text exactly as pasted.
    pub text: &'a str,
    /// Code point ↔ byte offsets for `text`.
    pub map: CharMap,
    /// Paragraphs, junk regions and metadata.
    pub intake: Intake,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order; each names its token range.
    pub sentences: Vec<Sentence>,
}

impl<'a> Prepared<'a> {
    /// Runs intake, tokenising and sentence splitting on `text`.
    pub fn new(text: &'a str) -> Self {
        let map = CharMap::new(text);
        let intake = intake::read(text, &map);
        let tokens = token::tokenize(text, &map);
        let sentences = sentence::split(text, &map, &tokens, &intake);
        Prepared {
            text,
            map,
            intake,
            tokens,
            sentences,
        }
    }

    /// The text of a code-point span.
    pub fn slice(&self, span: Span) -> &'a str {
        self.map.slice(self.text, span)
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.slice(self.tokens[i].span)
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.map.len_chars()
    }
}
