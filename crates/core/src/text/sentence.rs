//! Sentence boundaries over tokens.

use crate::span::Span;
use crate::text::intake::Intake;
use crate::text::offsets::CharMap;
use crate::text::token::{Token, TokenKind};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// From its first token's start to its last token's end, in code points.
    pub span: Span,
    /// Its tokens, as indices into the token list.
    pub tokens: Range<usize>,
}

/// Splits tokens into sentences: at paragraph breaks, and after `.`, `!`, `?` (and closing quotes
/// or brackets after them) when the next token can start a sentence.
pub fn split(text: &str, map: &CharMap, tokens: &[Token], _intake: &Intake) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let tok = |i: usize| map.slice(text, tokens[i].span);
    let mut i = 0;
    while i < tokens.len() {
        let mut end_here = false;
        if i + 1 < tokens.len() && tokens[i + 1].newline_before {
            end_here = true;
        } else if tokens[i].kind == TokenKind::Punct
            && matches!(tok(i), "." | "!" | "?" | "…" | "..." | "?!" | "!!")
        {
            // Swallow closing quotes and brackets.
            let mut j = i + 1;
            while j < tokens.len()
                && (tokens[j].kind == TokenKind::Quote || matches!(tok(j), ")" | "]"))
                && !tokens[j].newline_before
            {
                let q = tok(j);
                // A straight quote right after the period closes; typographic openers do not.
                if matches!(q, "“" | "‘" | "«") {
                    break;
                }
                j += 1;
            }
            let next_starts = j >= tokens.len() || {
                let first = tok(j).chars().next().unwrap_or(' ');
                first.is_uppercase()
                    || first.is_numeric()
                    || tokens[j].kind == TokenKind::Quote
                    || !first.is_alphabetic()
            };
            if next_starts {
                i = j - 1;
                end_here = true;
            }
        }
        if end_here || i + 1 == tokens.len() {
            out.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[i].span.end),
                tokens: start..i + 1,
            });
            start = i + 1;
        }
        i += 1;
    }
    out
}
