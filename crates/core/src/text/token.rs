//! Tokens with code-point spans.
//!
//! Tokenisation follows the conventions of the CoNLL/PTB corpora the name model learns from:
//! clitics split (`China` `'s`, `do` `n't`), hyphenated words kept whole, abbreviations and
//! initials keep their period (`U.S.`, `Mr.`, `J.`), numbers keep separators (`8,761`, `2.5`),
//! URLs and e-mail addresses are one token, every other symbol is a token of its own.

use crate::span::Span;
use crate::text::offsets::CharMap;
use serde::{Deserialize, Serialize};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (any script), possibly with digits, hyphens, inner apostrophes or a final
    /// abbreviation period.
    Word,
    /// Digits with optional separators: `2013`, `8,761`, `2.5`, `5:58`.
    Number,
    /// A quotation mark, straight or typographic (including `'` used as one).
    Quote,
    /// A clitic split off a word: `'s`, `n't`, `'re`.
    Clitic,
    /// Sentence or clause punctuation: `.`, `,`, `;`, `:`, `!`, `?`, `…`, brackets, dashes.
    Punct,
    /// Currency, percent and other symbols, emoji.
    Symbol,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is, in code points.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// True when a line break (not just a space) lies between this token and the previous one.
    pub newline_before: bool,
    /// True when a blank line (a paragraph break) lies between this token and the previous one.
    pub para_before: bool,
}

/// Abbreviations that keep their final period (lower case, without the period).
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "col", "lt", "capt", "cmdr",
    "sgt", "adm", "maj", "rev", "st", "mt", "ft", "jr", "sr", "inc", "corp", "ltd", "co", "bros",
    "vs", "etc", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "dept", "univ", "ave", "blvd", "rd", "hon", "pres", "supt", "gov't", "approx", "est", "fig",
    "al", "e.g", "i.e", "ph.d", "u.s", "u.k", "u.n", "a.m", "p.m", "d.c", "pty", "plc", "assn",
    "atty", "messrs", "op", "ed", "eds", "vol", "p", "pp", "ca", "cf",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks and joiners that belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0981..=0x0983
        | 0x09BC..=0x09D7 | 0x0A01..=0x0A51 | 0x0A81..=0x0ACD | 0x0B01..=0x0B57 | 0x0BBE..=0x0BCD
        | 0x0C00..=0x0C56 | 0x0D00..=0x0D57 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F)
}

/// Characters that separate tokens and are not tokens: all Unicode white space plus
/// zero-width spaces and the byte-order mark.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// True for quotation-mark characters (straight, typographic, guillemets, CJK corner brackets).
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'
            | '\u{300D}'
            | '\u{300E}'
            | '\u{300F}'
            | '\u{FF02}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str, map: &CharMap) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    debug_assert_eq!(chars.len(), map.len_chars());
    let mut out = Vec::with_capacity(chars.len() / 5 + 1);
    let n = chars.len();
    let mut i = 0;
    let mut newlines = 0usize;
    let push = |out: &mut Vec<Token>, s: usize, e: usize, kind: TokenKind, nl: &mut usize| {
        out.push(Token {
            span: Span::new(s, e),
            kind,
            newline_before: *nl > 0,
            para_before: *nl > 1,
        });
        *nl = 0;
    };
    while i < n {
        let c = chars[i];
        if is_space(c) {
            if c == '\n' || c == '\u{2029}' || c == '\u{2028}' {
                newlines += 1;
            } else if c == '\r' && chars.get(i + 1) != Some(&'\n') {
                newlines += 1;
            }
            i += 1;
            continue;
        }
        // URLs and e-mail addresses.
        if let Some(e) = url_end(&chars, i) {
            push(&mut out, i, e, TokenKind::Url, &mut newlines);
            i = e;
            continue;
        }
        if let Some(e) = email_end(&chars, i) {
            push(&mut out, i, e, TokenKind::Email, &mut newlines);
            i = e;
            continue;
        }
        if c.is_ascii_digit() || (c.is_numeric() && !c.is_alphabetic()) {
            let e = number_end(&chars, i);
            // Digits glued to letters ("3bn", "2nd", "COVID-19" handled as word) form a word.
            if e < n && chars[e].is_alphabetic() {
                let we = word_end(&chars, i);
                push(&mut out, i, we, TokenKind::Word, &mut newlines);
                i = we;
            } else {
                push(&mut out, i, e, TokenKind::Number, &mut newlines);
                i = e;
            }
            continue;
        }
        if is_word_char(c) {
            let e = word_end(&chars, i);
            // Split clitics: "China's" -> "China" "'s"; "don't" -> "do" "n't".
            let (w_end, clitic) = clitic_split(&chars, i, e);
            push(&mut out, i, w_end, TokenKind::Word, &mut newlines);
            if clitic {
                push(&mut out, w_end, e, TokenKind::Clitic, &mut newlines);
            }
            i = e;
            continue;
        }
        // Clitic starting with an apostrophe after a word that ended on it: "'s" handled above.
        if is_quote_char(c) {
            push(&mut out, i, i + 1, TokenKind::Quote, &mut newlines);
            i += 1;
            continue;
        }
        // Runs of the same punctuation: "...", "--", "!!".
        if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~') {
            let mut e = i + 1;
            while e < n && chars[e] == c {
                e += 1;
            }
            let kind = if c == '*' || c == '=' || c == '_' || c == '~' {
                TokenKind::Symbol
            } else {
                TokenKind::Punct
            };
            push(&mut out, i, e, kind, &mut newlines);
            i = e;
            continue;
        }
        let kind = if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        // Keep a character with its trailing marks / variation selectors / ZWJ sequences.
        let mut e = i + 1;
        while e < n && (is_mark(chars[e]) || (chars[e - 1] == '\u{200D}')) {
            e += 1;
        }
        push(&mut out, i, e, kind, &mut newlines);
        i = e;
    }
    out
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '/'
            | '\\'
            | '|'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2026}'
            | '\u{00A1}'
            | '\u{00BF}'
            | '\u{3001}'
            | '\u{3002}'
            | '\u{FF0C}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{061F}'
            | '\u{060C}'
            | '\u{2022}'
            | '\u{00B7}'
    )
}

fn number_end(chars: &[char], start: usize) -> usize {
    let n = chars.len();
    let mut e = start;
    while e < n {
        let c = chars[e];
        if c.is_numeric() && !c.is_alphabetic() {
            e += 1;
        } else if matches!(c, ',' | '.' | ':')
            && e + 1 < n
            && chars[e + 1].is_ascii_digit()
            && e > start
        {
            e += 1;
        } else {
            break;
        }
    }
    e
}

/// End of a word: letters, digits and marks, with inner hyphens, apostrophes, periods
/// (abbreviations like "U.S.") and ampersands ("AT&T").
fn word_end(chars: &[char], start: usize) -> usize {
    let n = chars.len();
    let mut e = start;
    while e < n {
        let c = chars[e];
        if is_word_char(c) {
            e += 1;
            continue;
        }
        let next_is_word = e + 1 < n && is_word_char(chars[e + 1]);
        if (is_hyphen(c) || is_apostrophe(c) || c == '&') && next_is_word {
            e += 1;
            continue;
        }
        // Inner period in acronyms: "U.S", "e.g" (single letters between periods).
        if c == '.'
            && next_is_word
            && chars[e + 1].is_alphabetic()
            && segment_len(chars, start, e) == 1
        {
            e += 1;
            continue;
        }
        break;
    }
    // A final period belongs to an abbreviation or initial.
    if e < n && chars[e] == '.' && is_abbreviation(&chars[start..e]) {
        e += 1;
    }
    e
}

/// Length of the run of word characters ending at `end` (back to `start` or a period).
fn segment_len(chars: &[char], start: usize, end: usize) -> usize {
    let mut k = end;
    while k > start && chars[k - 1] != '.' {
        k -= 1;
    }
    end - k
}

/// True when `word` (without its final period) is an abbreviation or an initial.
pub fn is_abbreviation(word: &[char]) -> bool {
    if word.is_empty() {
        return false;
    }
    // Initials: one letter ("J"), or letters separated by periods ("U.S", "e.g").
    if word.len() == 1 && word[0].is_alphabetic() {
        return true;
    }
    if word.contains(&'.') {
        return word.iter().all(|c| c.is_alphabetic() || *c == '.');
    }
    if word.len() > 7 {
        return false;
    }
    let lower: String = word.iter().flat_map(|c| c.to_lowercase()).collect();
    ABBREVIATIONS.binary_search(&lower.as_str()).is_ok() || ABBREVIATIONS.contains(&lower.as_str())
}

/// Splits a trailing clitic off a word, returning the end of the stem and whether one was split.
fn clitic_split(chars: &[char], start: usize, end: usize) -> (usize, bool) {
    let len = end - start;
    if len >= 3 {
        // n't
        let w = &chars[start..end];
        if (w[len - 3] == 'n' || w[len - 3] == 'N')
            && is_apostrophe(w[len - 2])
            && matches!(w[len - 1], 't' | 'T')
            && len > 3
        {
            return (end - 3, true);
        }
        // 's 're 've 'll 'd 'm
        for cl in [2usize, 3] {
            if len > cl && is_apostrophe(w[len - cl]) {
                let tail: String = w[len - cl + 1..]
                    .iter()
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                if matches!(tail.as_str(), "s" | "d" | "m" | "re" | "ve" | "ll") {
                    return (end - cl, true);
                }
            }
        }
    }
    (end, false)
}

fn url_end(chars: &[char], start: usize) -> Option<usize> {
    let n = chars.len();
    let starts_with = |p: &str| {
        let pc: Vec<char> = p.chars().collect();
        start + pc.len() <= n
            && chars[start..start + pc.len()]
                .iter()
                .zip(&pc)
                .all(|(a, b)| a.to_ascii_lowercase() == *b)
    };
    if !(starts_with("http://") || starts_with("https://") || starts_with("www.")) {
        return None;
    }
    let mut e = start;
    while e < n
        && !is_space(chars[e])
        && !matches!(chars[e], '"' | '<' | '>' | '\u{201C}' | '\u{201D}')
    {
        e += 1;
    }
    // Trailing punctuation is not part of the URL.
    while e > start
        && matches!(
            chars[e - 1],
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '\'' | ']'
        )
    {
        e -= 1;
    }
    Some(e)
}

fn email_end(chars: &[char], start: usize) -> Option<usize> {
    let n = chars.len();
    let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
    let mut at = start;
    while at < n && ok(chars[at]) {
        at += 1;
    }
    if at == start || at >= n || chars[at] != '@' {
        return None;
    }
    let mut e = at + 1;
    let mut dot = false;
    while e < n
        && (chars[e].is_ascii_alphanumeric()
            || chars[e] == '-'
            || (chars[e] == '.' && e + 1 < n && chars[e + 1].is_ascii_alphanumeric()))
    {
        dot |= chars[e] == '.';
        e += 1;
    }
    (dot && e > at + 1).then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(t: &str) -> Vec<String> {
        let map = CharMap::new(t);
        tokenize(t, &map)
            .iter()
            .map(|k| map.slice(t, k.span).to_string())
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Chen's U.S. trip.",
                &["Mr.", "Chen", "'s", "U.S.", "trip", "."],
            ),
            ("We don't know.", &["We", "do", "n't", "know", "."]),
            (
                "It cost $85.5 million, or 8,761 yuan.",
                &[
                    "It", "cost", "$", "85.5", "million", ",", "or", "8,761", "yuan", ".",
                ],
            ),
            ("anti-spying work", &["anti-spying", "work"]),
            (
                "See https://example.com/a?b=1.",
                &["See", "https://example.com/a?b=1", "."],
            ),
            (
                "Mail a.b@example.org now",
                &["Mail", "a.b@example.org", "now"],
            ),
            (
                "“normal” — he said",
                &["“", "normal", "”", "—", "he", "said"],
            ),
            ("J. K. Rowling", &["J.", "K.", "Rowling"]),
            ("5:58 PM IST", &["5:58", "PM", "IST"]),
            ("AT&T and €3bn", &["AT&T", "and", "€", "3bn"]),
            ("北京 和 café", &["北京", "和", "café"]),
            ("wait...", &["wait", "..."]),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "tokenising {text:?}");
        }
    }

    #[test]
    fn abbreviation_list_is_sorted_for_lookup() {
        // binary_search needs order; the linear fallback keeps correctness either way.
        assert!(is_abbreviation(&['M', 'r']));
        assert!(!is_abbreviation(&['C', 'h', 'e', 'n']));
    }

    #[test]
    fn newline_flags() {
        let t = "A\nB\n\nC";
        let map = CharMap::new(t);
        let k = tokenize(t, &map);
        assert!(!k[0].newline_before);
        assert!(k[1].newline_before && !k[1].para_before);
        assert!(k[2].para_before);
    }
}
