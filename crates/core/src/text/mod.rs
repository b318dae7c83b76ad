//! Text: offsets, intake (paragraphs, junk, metadata), tokens and sentences.

pub mod intake;
pub mod offsets;
pub mod sentence;
pub mod token;

use crate::span::Span;
use intake::Intake;
use offsets::CharMap;
use sentence::Sentence;
use std::ops::Range;
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
    // Never inlined: it runs once per text, and profiles find the stage by this symbol.
    #[inline(never)]
    pub fn new(text: &'a str) -> Self {
        let map = CharMap::new(text);
        let intake = intake::read(text, &map);
        let tokens = token::tokenize_text(text, map.len_chars());
        let sentences = sentence::split(text, &map, &tokens, &intake);
        Prepared {
            text,
            map,
            intake,
            tokens,
            sentences,
        }
    }

    /// The code point at offset `pos`, if `pos` lies inside the text.
    #[inline]
    pub fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.len_chars() {
            return None;
        }
        self.text[self.map.byte(pos)..].chars().next()
    }

    /// The text of a code-point span.
    #[inline]
    pub fn slice(&self, span: Span) -> &'a str {
        self.map.slice(self.text, span)
    }

    /// The text of token `i`.
    #[inline]
    pub fn token_text(&self, i: usize) -> &'a str {
        self.slice(self.tokens[i].span)
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.map.len_chars()
    }

    /// Index of the token containing code point `pos`, if any (white space has none).
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= pos);
        (i < self.tokens.len() && self.tokens[i].span.contains_pos(pos)).then_some(i)
    }

    /// Index of the first token that ends after `pos` (the token at `pos` or the next one);
    /// `tokens.len()` when none does.
    pub fn token_from(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= pos)
    }

    /// The tokens lying wholly inside `span`, as an index range.
    pub fn tokens_in(&self, span: Span) -> Range<usize> {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = self.tokens.partition_point(|t| t.span.end <= span.end);
        start..end.max(start)
    }

    /// Index of the sentence holding token `i`.
    pub fn sentence_of_token(&self, i: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s.tokens.end <= i);
        (k < self.sentences.len() && self.sentences[k].tokens.contains(&i)).then_some(k)
    }

    /// True when code point `pos` lies in page junk (a comment form, link list, price table…).
    pub fn is_junk(&self, pos: usize) -> bool {
        self.intake.is_junk(pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        let p = Prepared::new("Mr. Chen left.  He came back.");
        assert_eq!(p.token_at(0), Some(0));
        assert_eq!(p.token_at(3), None, "the space after Mr.");
        assert_eq!(p.token_at(5), Some(1));
        assert_eq!(p.token_from(3), 1);
        assert_eq!(p.token_from(100), p.tokens.len());
        assert_eq!(p.tokens_in(Span::new(0, 8)), 0..2);
        assert_eq!(p.tokens_in(Span::new(1, 2)), 1..1);
        assert_eq!(p.sentence_of_token(3), Some(0));
        assert_eq!(p.sentence_of_token(4), Some(1));
        assert_eq!(p.sentence_of_token(99), None);
        assert!(!p.is_junk(0));
    }

    #[test]
    fn decodes_every_code_point() {
        let long = format!("{}é{}😀", "a".repeat(37), "b".repeat(40));
        for t in ["", "abc", "é", "a€😀b", "“Hi,” she said — 10 €.\n", &long] {
            let p = Prepared::new(t);
            let want: Vec<char> = t.chars().collect();
            for (i, &c) in want.iter().enumerate() {
                assert_eq!(p.char_at(i), Some(c), "{t:?} {i}");
            }
            assert_eq!(p.char_at(want.len()), None);
            let toks = token::tokenize_chars(&want);
            assert_eq!(p.tokens, toks, "{t:?}");
        }
    }
}
