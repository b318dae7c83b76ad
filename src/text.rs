//! Text helpers for the page: paragraphs, word snapping, search. Offsets are code points; the
//! only UTF-16 conversion is in [`crate::dom`], through the core's `Utf16Map`.

use crate::state::End;
use apostil_core::Span;
use apostil_core::text::offsets::CharMap;
use apostil_core::text::token::{Token, tokenize};

/// Paragraph spans of a text (the core's intake decides what a paragraph is).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let map = CharMap::new(text);
    apostil_core::text::intake::read(text, &map).paragraphs
}

/// Tokens of a text.
pub fn tokens(text: &str) -> Vec<Token> {
    tokenize(text, &CharMap::new(text))
}

/// Snaps a selection to whole tokens: the start moves back to the start of its token, the end
/// forward to the end of its token. None when the selection covers no token.
pub fn snap(text: &str, span: Span) -> Option<Span> {
    let toks = tokens(text);
    let inside: Vec<&Token> = toks.iter().filter(|t| t.span.overlaps(span)).collect();
    let first = inside.first()?;
    let last = inside.last()?;
    Some(Span::new(first.span.start, last.span.end))
}

/// Moves one end of `span` by one token: `dir` +1 grows, -1 shrinks. None when impossible.
pub fn step_boundary(text: &str, span: Span, end: End, dir: i32) -> Option<Span> {
    let toks = tokens(text);
    let inside: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.span.overlaps(span))
        .map(|(i, _)| i)
        .collect();
    let (&first, &last) = (inside.first()?, inside.last()?);
    let (a, b) = match (end, dir >= 0) {
        (End::Start, true) => (first.checked_sub(1)?, last),
        (End::Start, false) => (first + 1, last),
        (End::End, true) => (first, last + 1),
        (End::End, false) => (first, last.checked_sub(1)?),
    };
    if a > b || b >= toks.len() {
        return None;
    }
    Some(Span::new(toks[a].span.start, toks[b].span.end))
}

/// Case-insensitive matches of `query` in `text`, as code-point spans relative to `text`.
pub fn find_all(text: &str, query: &str) -> Vec<Span> {
    let q: Vec<char> = query
        .trim()
        .chars()
        .flat_map(|c| c.to_lowercase().next())
        .collect();
    if q.is_empty() {
        return Vec::new();
    }
    let t: Vec<char> = text
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + q.len() <= t.len() {
        if t[i..i + q.len()] == q[..] {
            out.push(Span::new(i, i + q.len()));
            i += q.len();
        } else {
            i += 1;
        }
    }
    out
}

/// `x` with `places` decimals, as `format!("{x:.places$}")` writes it for the page's
/// non-negative sizes and positions (ties to even), without linking the standard library's float
/// formatting (about 5 KB gzipped of wasm).
pub fn fixed(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let n = (x.abs() * scale as f64).round_ties_even() as u64;
    let sign = if x < 0.0 && n > 0 { "-" } else { "" };
    if places == 0 {
        format!("{sign}{n}")
    } else {
        let w = places as usize;
        format!("{sign}{}.{:0w$}", n / scale, n % scale)
    }
}
