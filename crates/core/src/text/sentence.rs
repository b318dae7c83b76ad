//! Sentence boundaries over tokens.
//!
//! A sentence ends at every paragraph of the intake (headlines, bylines and list lines are
//! sentences of their own even without a period) and after `.`, `!`, `?`, `…` (and their CJK,
//! Arabic and Devanagari counterparts, with any closing quotes or brackets glued to them) when
//! the next token can start a sentence. After abbreviations and initials ("Mr.", "U.S.",
//! "J.") a sentence ends only before a typical sentence opener ("the U.S. The …"), never after
//! a title ("Mr. Chen").

use crate::span::Span;
use crate::text::intake::Intake;
use crate::text::offsets::CharMap;
use crate::text::token::{
    Token, TokenKind, is_closing_quote, is_opening_quote, is_terminal_char, is_title_abbreviation,
};
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

/// Capitalised words that typically open a sentence; after an abbreviation ("Inc.", "U.S.",
/// "p.m.") a sentence ends only before one of these. Sorted.
const OPENERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Also",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "Before",
    "But",
    "Despite",
    "During",
    "Earlier",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "Most",
    "My",
    "No",
    "Now",
    "On",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "Where",
    "While",
    "Who",
    "Why",
    "With",
    "Yet",
    "You",
];

/// Splits tokens into sentences.
pub fn split(text: &str, map: &CharMap, tokens: &[Token], intake: &Intake) -> Vec<Sentence> {
    let n = tokens.len();
    let mut out = Vec::with_capacity(n / 20 + 1);
    if n == 0 {
        return out;
    }
    let tok = |i: usize| map.slice(text, tokens[i].span);
    let paras = &intake.paragraphs;
    let new_block = block_starts(tokens, paras);
    let attached = |j: usize| j > 0 && tokens[j].span.start == tokens[j - 1].span.end;
    // A cheap first look for [`terminal_kind`]: punctuation, or a word whose last byte is a
    // period (most tokens are neither and need no slicing).
    let bytes = text.as_bytes();
    let may_end = |i: usize| match tokens[i].kind {
        TokenKind::Punct => true,
        TokenKind::Word => {
            let e = map.byte(tokens[i].span.end);
            e > 0 && bytes.get(e - 1) == Some(&b'.')
        }
        _ => false,
    };

    let mut start = 0;
    let mut i = 0;
    while i < n {
        let mut end = None;
        let mut resume = i + 1;
        if i + 1 == n || new_block[i + 1] {
            end = Some(i);
        } else if let Some(kind) = may_end(i)
            .then(|| terminal_kind(tokens[i].kind, tok(i)))
            .flatten()
        {
            // Swallow further terminal marks and closing quotes or brackets glued to them.
            let mut j = i + 1;
            while j < n && !new_block[j] && attached(j) {
                let t = tok(j);
                let first = t.chars().next().unwrap_or(' ');
                let closes = match tokens[j].kind {
                    TokenKind::Quote => !is_opening_quote(first),
                    TokenKind::Punct => {
                        matches!(first, ')' | ']' | '}' | '\u{FF09}' | '\u{3011}')
                            || t.chars().all(is_terminal_char)
                    }
                    _ => false,
                };
                if !closes {
                    break;
                }
                j += 1;
            }
            let quoted = j > i + 1 && tokens[j - 1].kind == TokenKind::Quote;
            let ends = j >= n
                || new_block[j]
                || (starts_sentence(kind, &tok, tokens, j, attached(j))
                    && !(quoted && attribution_follows(&tok, tokens, &new_block, j)));
            if ends {
                end = Some(j - 1);
            } else {
                // The swallowed marks were judged with the same next token: skip them (this
                // keeps runs like "?!?!?!" linear).
                resume = j;
            }
        }
        if let Some(e) = end {
            out.push(Sentence {
                span: Span::new(tokens[start].span.start, tokens[e].span.end),
                tokens: start..e + 1,
            });
            start = e + 1;
            i = e + 1;
        } else {
            i = resume;
        }
    }
    out
}

/// For each token, whether it starts a new block: it lies in another paragraph than the token
/// before (or, without paragraphs, follows a line break) or follows a blank line. The first
/// token starts none.
fn block_starts(tokens: &[Token], paras: &[Span]) -> Vec<bool> {
    let n = tokens.len();
    if n == 0 {
        return Vec::new();
    }
    let lines_only = paras.is_empty();
    let mut new_block: Vec<bool> = tokens
        .iter()
        .map(|t| {
            if lines_only {
                t.newline_before
            } else {
                t.para_before
            }
        })
        .collect();
    new_block[0] = false;
    if !paras.is_empty() {
        // Paragraph by paragraph (tokens and paragraphs are sorted): the first token at or
        // past the end of paragraph `p` lies in another paragraph than the one before it.
        // A binary search per paragraph instead of a look at every token.
        let mut p = 0;
        let advance = |p: &mut usize, pos: usize| {
            while *p < paras.len() && paras[*p].end <= pos {
                *p += 1;
            }
        };
        advance(&mut p, tokens[0].span.start);
        let mut i = 1;
        while p < paras.len() {
            i += tokens[i..].partition_point(|t| t.span.start < paras[p].end);
            if i >= n {
                break;
            }
            new_block[i] = true;
            advance(&mut p, tokens[i].span.start);
            i += 1;
        }
    }
    new_block
}

/// Verbs of saying that attach a quotation ending in `?`, `!` or `.` to its speaker:
/// '"Does anybody know?" Graham asked.' Sorted.
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "asks",
    "charged",
    "claimed",
    "commented",
    "conceded",
    "concluded",
    "continued",
    "countered",
    "cried",
    "declared",
    "demanded",
    "exclaimed",
    "explained",
    "insisted",
    "joked",
    "noted",
    "observed",
    "pleaded",
    "recalled",
    "remarked",
    "replied",
    "responded",
    "said",
    "says",
    "shouted",
    "stated",
    "tells",
    "told",
    "tweeted",
    "warned",
    "wondered",
    "wrote",
    "yelled",
];

/// True when the tokens from `j` are a capitalised speaker (at most four words) and a verb of
/// saying: "Graham asked", "Sen. Lindsey Graham said".
fn attribution_follows<'t>(
    tok: &impl Fn(usize) -> &'t str,
    tokens: &[Token],
    new_block: &[bool],
    j: usize,
) -> bool {
    let n = tokens.len();
    let mut k = j;
    while k < n && k < j + 5 && (k == j || !new_block[k]) {
        let t = tok(k);
        if k > j && SPEECH_VERBS.binary_search(&t).is_ok() {
            return true;
        }
        let capitalised = t.chars().next().is_some_and(char::is_uppercase);
        if tokens[k].kind != TokenKind::Word || !capitalised {
            return false;
        }
        k += 1;
    }
    false
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Terminal {
    /// `.`, `!`, `?`, `…` and the like.
    Mark,
    /// A word ending in an abbreviation period that never ends a sentence ("Mr.").
    Title,
    /// Any other abbreviation or initial ("Inc.", "U.S.", "J.").
    Abbreviation,
}

fn terminal_kind(kind: TokenKind, t: &str) -> Option<Terminal> {
    match kind {
        TokenKind::Punct if t.chars().all(is_terminal_char) => Some(Terminal::Mark),
        TokenKind::Word if t.len() > 1 && t.ends_with('.') => {
            if is_title_abbreviation(t) {
                Some(Terminal::Title)
            } else {
                Some(Terminal::Abbreviation)
            }
        }
        _ => None,
    }
}

/// Whether token `j` (after a terminal at `j - 1`) can start a new sentence.
fn starts_sentence<'t>(
    kind: Terminal,
    tok: &impl Fn(usize) -> &'t str,
    tokens: &[Token],
    j: usize,
    attached: bool,
) -> bool {
    let t = tok(j);
    let Some(first) = t.chars().next() else {
        return false;
    };
    match kind {
        Terminal::Title => false,
        Terminal::Abbreviation => {
            if tokens[j].kind == TokenKind::Quote && is_opening_quote(first) {
                return true;
            }
            tokens[j].kind == TokenKind::Word && OPENERS.binary_search(&t).is_ok() && !attached
        }
        Terminal::Mark => {
            if first.is_lowercase() {
                return false;
            }
            // "Yahoo!News", "file.TXT": a cased letter glued to the mark continues.
            if attached && first.is_uppercase() {
                return false;
            }
            if matches!(
                first,
                ',' | ';' | ':' | ')' | ']' | '}' | '\u{3001}' | '\u{FF0C}' | '\u{060C}'
            ) {
                return false;
            }
            // A closing quote that is not glued to the mark ("… word . ”") stays too.
            if tokens[j].kind == TokenKind::Quote && is_closing_quote(first) {
                return false;
            }
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Prepared;

    fn sents(t: &str) -> Vec<String> {
        let p = Prepared::new(t);
        p.sentences
            .iter()
            .map(|s| p.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn lists_sorted() {
        assert!(OPENERS.windows(2).all(|w| w[0] < w[1]));
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn wrapped_lines_run_on() {
        assert_eq!(
            sents("Editor’s note: the mayor regularly\nignores\nthe harbor board.\nNext line."),
            [
                "Editor’s note: the mayor regularly\nignores\nthe harbor board.",
                "Next line."
            ]
        );
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Chen said so. Then he left.",
                &["Mr. Chen said so.", "Then he left."],
            ),
            (
                "U.S. officials met on Jan. 5 in Washington. They agreed.",
                &[
                    "U.S. officials met on Jan. 5 in Washington.",
                    "They agreed.",
                ],
            ),
            (
                "The author J. K. Rowling spoke. Fans cheered.",
                &["The author J. K. Rowling spoke.", "Fans cheered."],
            ),
            (
                "Prices rose 2.5 percent. Analysts were surprised.",
                &["Prices rose 2.5 percent.", "Analysts were surprised."],
            ),
            (
                "\"We will win,\" he said. \"Nobody doubts it.\" Next came the vote.",
                &[
                    "\"We will win,\" he said.",
                    "\"Nobody doubts it.\"",
                    "Next came the vote.",
                ],
            ),
            (
                "“Are you sure?” she asked. “Yes.” He nodded.",
                &["“Are you sure?” she asked.", "“Yes.”", "He nodded."],
            ),
            (
                "She moved to the U.S. The move was hard.",
                &["She moved to the U.S.", "The move was hard."],
            ),
            (
                "Apple Inc. Chief Executive Tim Cook spoke at 5 p.m. yesterday.",
                &["Apple Inc. Chief Executive Tim Cook spoke at 5 p.m. yesterday."],
            ),
            (
                "Storm Warning Issued\n\nThe storm hit at dawn. Roads closed.",
                &[
                    "Storm Warning Issued",
                    "The storm hit at dawn.",
                    "Roads closed.",
                ],
            ),
            (
                "He paused... Then he spoke. And then... nothing.",
                &["He paused...", "Then he spoke.", "And then... nothing."],
            ),
            (
                "Is it true? Yes! It is (mostly.) Fine.",
                &["Is it true?", "Yes!", "It is (mostly.)", "Fine."],
            ),
            ("北京很大。上海也很大。", &["北京很大。", "上海也很大。"]),
            (
                "See www.example.com. It works.",
                &["See www.example.com.", "It works."],
            ),
            (
                "Gov. Smith and Sen. Jones met.",
                &["Gov. Smith and Sen. Jones met."],
            ),
            ("No. 5 won. He did not.", &["No. 5 won.", "He did not."]),
            ("He said no. The end.", &["He said no.", "The end."]),
            (
                "SALEM, Ore. — A jury ruled on Friday. It was quick.",
                &["SALEM, Ore. — A jury ruled on Friday.", "It was quick."],
            ),
            (
                "“Does anybody know?” Graham asked. “Neither do I.” Sen. Ann Lee said.",
                &[
                    "“Does anybody know?” Graham asked.",
                    "“Neither do I.” Sen. Ann Lee said.",
                ],
            ),
            (
                "“It is over.” Smith left the room.",
                &["“It is over.”", "Smith left the room."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(sents(text), *want, "splitting {text:?}");
        }
    }

    #[test]
    fn line_breaks_of_every_kind() {
        for nl in ["\n\n", "\r\n\r\n", "\r\r", "\u{2029}", "\u{2028}\u{2028}"] {
            let t = format!("First line here{nl}Second one follows.");
            assert_eq!(
                sents(&t),
                ["First line here", "Second one follows."],
                "break {nl:?}"
            );
        }
    }

    /// [`block_starts`] as first written: every token's paragraph, found with a moving
    /// pointer and compared with the one before.
    fn block_starts_reference(tokens: &[Token], paras: &[Span]) -> Vec<bool> {
        let mut p = 0usize;
        let mut para_of = |pos: usize| -> usize {
            while p < paras.len() && paras[p].end <= pos {
                p += 1;
            }
            p
        };
        let mut out = vec![false; tokens.len()];
        let Some(first) = tokens.first() else {
            return out;
        };
        let mut cur = para_of(first.span.start);
        for (i, t) in tokens.iter().enumerate().skip(1) {
            let pi = para_of(t.span.start);
            out[i] = if paras.is_empty() {
                t.newline_before
            } else {
                pi != cur || t.para_before
            };
            cur = pi;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// The paragraph-by-paragraph search finds the same block starts as a look at every
        /// token, on texts of words, lines, blank lines, bylines and list lines.
        #[test]
        fn block_starts_match_the_token_by_token_reference(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "The", "pier", "closed.", "Mr.", "\u{201C}Hi,\u{201D}", " ", "  ", "\n",
                "\n\n", "\r\n", "\u{2029}", "By Jane Doe", "\u{2022} ", "Reply", "\u{a0}",
                "Leave a Reply", "3 Months", "\u{20B9}300",
            ]), 0..60)
        ) {
            let text: String = parts.concat();
            let p = Prepared::new(&text);
            let want = block_starts_reference(&p.tokens, &p.intake.paragraphs);
            proptest::prop_assert_eq!(block_starts(&p.tokens, &p.intake.paragraphs), want);
            // Without paragraphs: line breaks start blocks.
            let want = block_starts_reference(&p.tokens, &[]);
            proptest::prop_assert_eq!(block_starts(&p.tokens, &[]), want);
            // Paragraphs that do not cover every token (here every other one).
            let some: Vec<Span> = p.intake.paragraphs.iter().step_by(2).copied().collect();
            let want = block_starts_reference(&p.tokens, &some);
            proptest::prop_assert_eq!(block_starts(&p.tokens, &some), want);
        }
    }
}
