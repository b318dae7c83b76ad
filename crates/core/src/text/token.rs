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

/// Abbreviations that keep their final period (lower case, without the period), sorted so
/// they can be binary-searched.
///
/// Words that are also ordinary English words (`no`, `sat`, `sun`, …) count only when
/// capitalised; `no` only before a number and `al` only after `et`. Dotted forms (`U.S.`,
/// `e.g.`, `a.m.`) and single-letter initials are recognised by shape, not by this list.
pub const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "ala", "amb", "approx", "apr", "ariz", "ark", "art", "assn", "atty", "aug", "ave",
    "blvd", "brig", "bros", "ca", "calif", "capt", "cdr", "cf", "cmdr", "co", "col", "colo",
    "conn", "corp", "cpl", "dec", "del", "dept", "det", "dist", "div", "dr", "ed", "eds", "est",
    "etc", "feb", "fig", "fla", "fr", "fri", "ft", "ga", "gen", "gov", "govt", "hon", "hwy", "ill",
    "inc", "ind", "insp", "intl", "jan", "jr", "jul", "jun", "kan", "kans", "ky", "la", "lt",
    "ltd", "maj", "mar", "mass", "md", "messrs", "mich", "minn", "miss", "mo", "mon", "mont", "mr",
    "mrs", "ms", "mt", "natl", "neb", "nev", "no", "nos", "nov", "oct", "okla", "op", "ore", "pa",
    "penn", "pp", "pres", "prof", "pty", "pvt", "rep", "rev", "sat", "sen", "sep", "sept", "sgt",
    "sr", "st", "sun", "supt", "tenn", "tex", "thu", "thur", "thurs", "tue", "tues", "univ", "va",
    "vol", "vs", "vt", "wash", "wed", "wis", "wyo",
];

/// Length of the longest entry of [`ABBREVIATIONS`].
const ABBREVIATION_MAX: usize = 6;

/// Title abbreviations: a sentence never ends after them (`Mr.`, `Gov.`, `Dr.`). Sorted.
const TITLES: &[&str] = &[
    "adm", "amb", "atty", "brig", "capt", "cdr", "cmdr", "col", "cpl", "det", "dr", "fr", "gen",
    "gov", "hon", "insp", "lt", "maj", "messrs", "mr", "mrs", "ms", "pres", "prof", "pvt", "rep",
    "rev", "sen", "sgt", "supt",
];

/// Listed abbreviations that are also common words; they count only when capitalised. Sorted.
const NEEDS_CAPITAL: &[&str] = &[
    "ala", "ark", "art", "co", "col", "colo", "del", "ed", "eds", "est", "fig", "ga", "gen", "ill",
    "ind", "kan", "la", "mar", "mass", "md", "miss", "mo", "mont", "neb", "no", "nos", "op", "ore",
    "pa", "rep", "rev", "sat", "sen", "sun", "tex", "va", "vol", "wash", "wed",
];

/// Lower-cases a short ASCII word into `buf`; `None` when it is too long or not ASCII letters.
fn ascii_lower<'b>(word: &[char], buf: &'b mut [u8]) -> Option<&'b str> {
    if word.is_empty() || word.len() > buf.len() {
        return None;
    }
    for (k, &c) in word.iter().enumerate() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        buf[k] = c.to_ascii_lowercase() as u8;
    }
    std::str::from_utf8(&buf[..word.len()]).ok()
}

fn in_sorted(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if is_general_punctuation(c) {
        is_mark(c)
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// The General Punctuation block (U+2000–U+206F: typographic spaces, dashes, quotation marks,
/// bullets, the ellipsis), which holds no letter and no digit (tested exhaustively): the
/// commonest non-ASCII characters in news text skip the Unicode table look-ups.
#[inline]
pub(crate) fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

/// Combining marks, joiners, variation selectors and emoji modifiers that belong to the
/// character before them.
fn is_mark(c: char) -> bool {
    let u = c as u32;
    if u < 0x0300 {
        return false;
    }
    matches!(u,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x09E2..=0x09E3 | 0x0A01..=0x0A51
        | 0x0A70..=0x0A71 | 0x0A75 | 0x0A81..=0x0ACD | 0x0AE2..=0x0AE3 | 0x0B01..=0x0B57
        | 0x0B62..=0x0B63 | 0x0B82 | 0x0BBE..=0x0BCD | 0x0BD7 | 0x0C00..=0x0C56
        | 0x0C62..=0x0C63 | 0x0C81..=0x0CD6 | 0x0CE2..=0x0CE3 | 0x0D00..=0x0D57
        | 0x0D62..=0x0D63 | 0x0D81..=0x0DDF | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECD | 0x0F18..=0x0F19 | 0x0F35 | 0x0F37
        | 0x0F39 | 0x0F71..=0x0F84 | 0x102B..=0x103E | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF
        | 0x200C | 0x200D | 0x20D0..=0x20FF | 0x302A..=0x302F | 0x3099..=0x309A
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

/// Characters that separate tokens and are not tokens: all Unicode white space plus
/// zero-width spaces, the word joiner, the byte-order mark and soft hyphens (a soft hyphen
/// between two letters stays inside the word).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c == '\u{0B}';
    }
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}'
        )
}

/// How many line breaks `c` is: 0 for other characters, 1 for a line break (`\n`, a lone
/// `\r`, U+2028, …), 2 for a paragraph separator (U+2029). For `\r\n` count the `\n` only.
pub fn line_breaks(c: char, next: Option<char>) -> usize {
    match c {
        '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' => 1,
        '\r' => usize::from(next != Some('\n')),
        '\u{2029}' => 2,
        _ => 0,
    }
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

/// True for quotation marks that only ever open a quotation.
pub fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201C}'
            | '\u{2018}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{300C}'
            | '\u{300E}'
    ) || c == '`'
}

/// True for quotation marks that only ever close a quotation.
pub fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}'
    )
}

/// True for characters that end a sentence: `.`, `!`, `?`, `…` and their CJK, Arabic and
/// Devanagari counterparts.
pub fn is_terminal_char(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '\u{2026}'
            | '\u{3002}'
            | '\u{FF01}'
            | '\u{FF1F}'
            | '\u{FF0E}'
            | '\u{FF61}'
            | '\u{061F}'
            | '\u{06D4}'
            | '\u{0964}'
            | '\u{0965}'
            | '\u{203C}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || (!c.is_ascii() && !is_general_punctuation(c) && c.is_numeric() && !c.is_alphabetic())
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str, map: &CharMap) -> Vec<Token> {
    tokenize_text(text, map.len_chars())
}

/// Bytes of text [`tokenize_text`] reads at least before it looks for the next line break
/// to end a piece.
const PIECE: usize = 4096;

/// Splits `text` (of `len_chars` code points) into tokens.
///
/// The text is decoded and tokenised in pieces of a few thousand bytes, each ending after a
/// `\n`, so no code-point copy of the whole text is ever held. This gives the same tokens as
/// [`tokenize_chars`] on the whole text: no token and no look-ahead of the rules crosses a
/// `\n` (it is white space, and every rule stops at white space), and a look-behind at the
/// start of a line sees the `\n`, which no rule treats differently from the start of the text.
pub fn tokenize_text(text: &str, len_chars: usize) -> Vec<Token> {
    let mut t = Tokenizer::with_capacity(len_chars / 5 + 1);
    let mut buf: Vec<char> = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        // A piece of a few thousand bytes, ending after a line break (or at the end).
        let cut = rest
            .as_bytes()
            .iter()
            .skip(PIECE)
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |k| PIECE + k + 1);
        let (piece, tail) = rest.split_at(cut);
        buf.clear();
        // A piece has at most one code point per byte: reserved once, the buffer is never
        // grown (and copied) while decoding.
        buf.reserve(piece.len());
        decode_into(piece, &mut buf);
        t.run(&buf);
        rest = tail;
    }
    t.out
}

/// Appends the code points of `text` to `out`: runs of ASCII (sixteen bytes at a time) are
/// widened byte by byte without UTF-8 decoding.
pub(crate) fn decode_into(text: &str, out: &mut Vec<char>) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = ascii_prefix(rest.as_bytes());
        out.extend(rest.as_bytes()[..ascii].iter().map(|&b| char::from(b)));
        rest = &rest[ascii..];
        let mut it = rest.chars();
        if let Some(c) = it.next() {
            out.push(c);
            rest = it.as_str();
        }
    }
}

/// Length of the ASCII run at the start of `bytes`: sixteen bytes at a time (`is_ascii` reads
/// words), then byte by byte.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut k = 0;
    for chunk in bytes.chunks_exact(16) {
        if !chunk.is_ascii() {
            break;
        }
        k += 16;
    }
    k + bytes[k..]
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(bytes.len() - k)
}

/// Splits a text, given as its code points, into tokens.
pub fn tokenize_chars(chars: &[char]) -> Vec<Token> {
    let mut t = Tokenizer::with_capacity(chars.len() / 5 + 1);
    t.run(chars);
    t.out
}

/// Tokeniser state carried from one piece of the text to the next.
struct Tokenizer {
    out: Vec<Token>,
    /// Code-point offset of the piece being read.
    base: usize,
    /// Line breaks since the last token.
    newlines: usize,
    /// A single quotation mark is open (so a final apostrophe may close it rather than mark a
    /// plural possessive).
    single_open: bool,
}

impl Tokenizer {
    fn with_capacity(n: usize) -> Self {
        Tokenizer {
            out: Vec::with_capacity(n),
            base: 0,
            newlines: 0,
            single_open: false,
        }
    }

    /// Tokenises the next piece of the text, `chars`.
    fn run(&mut self, chars: &[char]) {
        let base = self.base;
        self.base += chars.len();
        let out = &mut self.out;
        (self.newlines, self.single_open) =
            run_piece(chars, base, out, self.newlines, self.single_open);
    }
}

/// The tokeniser proper over one piece of the text starting at code point `base`.
fn run_piece(
    chars: &[char],
    base: usize,
    out: &mut Vec<Token>,
    mut newlines: usize,
    mut single_open: bool,
) -> (usize, bool) {
    let n = chars.len();
    let mut i = 0;
    let push = |out: &mut Vec<Token>, s: usize, e: usize, kind: TokenKind, nl: &mut usize| {
        out.push(Token {
            span: Span::new(base + s, base + e),
            kind,
            newline_before: *nl > 0,
            para_before: *nl > 1,
        });
        *nl = 0;
    };
    while i < n {
        let c = chars[i];
        if c == ' ' {
            i += 1;
            continue;
        }
        if let Some(e) = plain_word_end(chars, i) {
            push(out, i, e, TokenKind::Word, &mut newlines);
            i = e;
            continue;
        }
        if is_space(c) {
            // A soft hyphen or joiner between two letters stays inside the word; standalone
            // it separates.
            newlines += line_breaks(c, chars.get(i + 1).copied());
            i += 1;
            continue;
        }
        if is_digit(c) {
            let e = number_end(chars, i);
            if e < n
                && c.is_ascii_digit()
                && matches!(chars[e], '@' | '.' | '_' | '+' | '-')
                && let Some(e) = email_end(chars, i)
            {
                push(out, i, e, TokenKind::Email, &mut newlines);
                i = e;
                continue;
            }
            // Digits glued to letters ("3bn", "2nd", "10.30am") form a word; a hyphen after
            // digits splits ("42" "-" "year-old"), as the pattern matchers expect.
            let glued = e < n && chars[e].is_alphabetic();
            if glued {
                let we = word_end(chars, e, i);
                let (w_end, clitic) = clitic_split(chars, i, we);
                push(out, i, w_end, TokenKind::Word, &mut newlines);
                if clitic {
                    push(out, w_end, we, TokenKind::Clitic, &mut newlines);
                }
                i = we;
            } else {
                push(out, i, e, TokenKind::Number, &mut newlines);
                i = e;
            }
            continue;
        }
        if is_word_char(c) {
            let e = word_end(chars, i, i);
            // URLs and e-mail addresses: only worth a look when the word stops at one of
            // their characters.
            if c.is_ascii_alphanumeric()
                && e < n
                && (chars[e - 1] == '.'
                    || matches!(chars[e], '.' | '@' | ':' | '/' | '_' | '+' | '-'))
            {
                let found = url_end(chars, i)
                    .map(|e| (e, TokenKind::Url))
                    .or_else(|| email_end(chars, i).map(|e| (e, TokenKind::Email)));
                if let Some((e, kind)) = found {
                    push(out, i, e, kind, &mut newlines);
                    i = e;
                    continue;
                }
            }
            if is_nt(&chars[i..e]) {
                // A clitic standing alone, as in CoNLL text: "do n't".
                push(out, i, e, TokenKind::Clitic, &mut newlines);
                i = e;
                continue;
            }
            // Split clitics: "China's" -> "China" "'s"; "don't" -> "do" "n't".
            let (w_end, clitic) = clitic_split(chars, i, e);
            push(out, i, w_end, TokenKind::Word, &mut newlines);
            if clitic {
                push(out, w_end, e, TokenKind::Clitic, &mut newlines);
            }
            i = e;
            continue;
        }
        if is_apostrophe(c) {
            // A clitic standing alone after a word ("Germany 's") or glued to a number
            // ("1990's").
            if let Some(e) = standalone_clitic_end(chars, i) {
                let after_token = out.last().is_some_and(|t| {
                    matches!(
                        t.kind,
                        TokenKind::Word | TokenKind::Number | TokenKind::Clitic
                    ) && newlines == 0
                });
                if after_token {
                    push(out, i, e, TokenKind::Clitic, &mut newlines);
                    i = e;
                    continue;
                }
            }
            // The possessive of a plural: "the players’ union", "workers' rights".
            if c != '\u{02BC}'
                && !single_open
                && i > 0
                && matches!(chars[i - 1], 's' | 'S')
                && chars
                    .get(i + 1)
                    .is_none_or(|&d| is_space(d) && !matches!(d, '\n' | '\r'))
                && chars.get(i + 2).is_some_and(|d| d.is_alphabetic())
            {
                push(out, i, i + 1, TokenKind::Clitic, &mut newlines);
                i += 1;
                continue;
            }
        }
        if newlines > 1 {
            single_open = false;
        }
        if is_quote_char(c) {
            // Track single quotation marks: an opener is "‘", or "'" before a letter and not
            // after one.
            match c {
                '\u{2018}' => single_open = true,
                '\'' => {
                    let before_word = i > 0 && is_word_char(chars[i - 1]);
                    let after_word = chars.get(i + 1).is_some_and(|&d| is_word_char(d));
                    if after_word && !before_word {
                        single_open = true;
                    } else if before_word {
                        single_open = false;
                    }
                }
                '\u{2019}' => single_open = false,
                _ => {}
            }
            // PTB-style doubled quotes (`` and '') are one token.
            let e = if (c == '`' || c == '\'') && chars.get(i + 1) == Some(&c) {
                i + 2
            } else {
                i + 1
            };
            push(out, i, e, TokenKind::Quote, &mut newlines);
            i = e;
            continue;
        }
        // Runs of the same punctuation: "...", "--", "!!".
        if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~' | '#') {
            let mut e = i + 1;
            while e < n && chars[e] == c {
                e += 1;
            }
            let kind = if matches!(c, '.' | '-' | '!' | '?') {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(out, i, e, kind, &mut newlines);
            i = e;
            continue;
        }
        let kind = if is_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        let e = cluster_end(chars, i);
        push(out, i, e, kind, &mut newlines);
        i = e;
    }
    (newlines, single_open)
}

/// The end of the word at `i` when it is the common simple case the general rules below
/// would treat the same way: ASCII letters followed by the end of the text or by an ASCII
/// character that can neither continue the word (digit, hyphen, apostrophe, `&`, period)
/// nor belong to a URL or e-mail address (`@ : / _ +`). Such a word has no clitic and
/// no abbreviation period.
#[inline]
fn plain_word_end(chars: &[char], i: usize) -> Option<usize> {
    if !chars[i].is_ascii_alphabetic() {
        return None;
    }
    let mut e = i + 1;
    while e < chars.len() && chars[e].is_ascii_alphabetic() {
        e += 1;
    }
    match chars.get(e) {
        None => Some(e),
        Some(&d) if d.is_ascii() && !d.is_ascii_alphanumeric() => {
            (!matches!(d, '-' | '\'' | '&' | '.' | '@' | ':' | '/' | '_' | '+')).then_some(e)
        }
        Some(_) => None,
    }
}

/// End of a symbol with its trailing marks: emoji with skin tones and variation selectors,
/// ZWJ sequences, keycaps and flag pairs.
fn cluster_end(chars: &[char], i: usize) -> usize {
    let n = chars.len();
    let c = chars[i];
    let mut e = i + 1;
    if is_regional_indicator(c) && e < n && is_regional_indicator(chars[e]) {
        e += 1;
    }
    while e < n {
        if is_mark(chars[e]) {
            // A ZWJ joins the next character too.
            if chars[e] == '\u{200D}' && e + 1 < n && !is_space(chars[e + 1]) {
                e += 2;
            } else {
                e += 1;
            }
        } else {
            break;
        }
    }
    e
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
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
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2026}'
            | '\u{00A1}'
            | '\u{00BF}'
            | '\u{3001}'
            | '\u{3002}'
            | '\u{3010}'
            | '\u{3011}'
            | '\u{FF08}'
            | '\u{FF09}'
            | '\u{FF0C}'
            | '\u{FF0E}'
            | '\u{FF01}'
            | '\u{FF1A}'
            | '\u{FF1B}'
            | '\u{FF1F}'
            | '\u{FF61}'
            | '\u{061F}'
            | '\u{060C}'
            | '\u{061B}'
            | '\u{06D4}'
            | '\u{0964}'
            | '\u{0965}'
            | '\u{2022}'
            | '\u{00B7}'
            | '\u{203C}'
            | '\u{2047}'
            | '\u{2048}'
            | '\u{2049}'
    )
}

fn number_end(chars: &[char], start: usize) -> usize {
    let n = chars.len();
    let mut e = start;
    while e < n {
        let c = chars[e];
        let inner_sep =
            matches!(c, ',' | '.' | ':') && e > start && e + 1 < n && is_digit(chars[e + 1]);
        if !(is_digit(c) || inner_sep) {
            break;
        }
        e += 1;
    }
    e
}

/// End of a word starting at or continuing from `from` (the token starts at `start`):
/// letters, digits and marks, with inner hyphens, apostrophes, soft hyphens, periods of
/// dotted abbreviations ("U.S", "e.g") and ampersands ("AT&T"), plus the final period of an
/// abbreviation or initial.
fn word_end(chars: &[char], from: usize, start: usize) -> usize {
    let n = chars.len();
    let mut e = from;
    while e < n {
        let c = chars[e];
        if is_word_char(c) {
            e += 1;
            continue;
        }
        let next_is_word = e + 1 < n && is_word_char(chars[e + 1]);
        if !next_is_word {
            break;
        }
        if is_hyphen(c) || is_apostrophe(c) || c == '&' || c == '\u{00AD}' {
            e += 1;
            continue;
        }
        // Inner period in acronyms: "U.S", "e.g", "a.m" (single letters between periods).
        if c == '.'
            && e > start
            && chars[e - 1].is_alphabetic()
            && (e - 1 == start
                || chars[e - 2] == '.'
                || (chars[e - 2] == '-' && chars[start].is_uppercase()))
            && chars[e + 1].is_alphabetic()
            && !(e + 2 < n && is_word_char(chars[e + 2]))
        {
            e += 1;
            continue;
        }
        break;
    }
    // A final period belongs to an abbreviation or initial.
    if e < n && chars[e] == '.' && e > start && keeps_period(chars, start, e) {
        e += 1;
    }
    e
}

/// True when `word` (without its final period) is an abbreviation or an initial.
pub fn is_abbreviation(word: &[char]) -> bool {
    abbreviation_shape(word) || {
        let mut buf = [0u8; ABBREVIATION_MAX];
        ascii_lower(word, &mut buf).is_some_and(|w| in_sorted(ABBREVIATIONS, w))
    }
}

/// Initials and dotted abbreviations: "J", "U.S", "e.g".
fn abbreviation_shape(word: &[char]) -> bool {
    match word {
        [] => false,
        [c] => c.is_uppercase() || c.is_lowercase(),
        _ => {
            word.contains(&'.')
                && word
                    .iter()
                    .all(|c| c.is_alphabetic() || *c == '.' || *c == '-')
                && word[word.len() - 1] != '.'
        }
    }
}

/// Whether the period at `dot` ends the abbreviation `chars[start..dot]`, looking at the
/// context for words that are also ordinary words.
fn keeps_period(chars: &[char], start: usize, dot: usize) -> bool {
    let word = &chars[start..dot];
    if abbreviation_shape(word) {
        // "km/h." ends a sentence; "J." is an initial.
        return !(word.len() == 1 && start > 0 && chars[start - 1] == '/');
    }
    // Longer words are no listed abbreviation: they skip the look-up.
    let mut buf = [0u8; ABBREVIATION_MAX];
    let Some(w) = ascii_lower(word, &mut buf) else {
        return false;
    };
    if !in_sorted(ABBREVIATIONS, w) {
        return false;
    }
    if in_sorted(NEEDS_CAPITAL, w) && !word[0].is_uppercase() {
        return false;
    }
    match w {
        // "No. 5", "Nos. 3 and 4", "pp. 10-12"
        "no" | "nos" | "pp" => {
            let mut k = dot + 1;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            k < chars.len() && chars[k].is_ascii_digit()
        }
        // "et al."
        "al" => start >= 3 && chars[start - 1] == ' ' && chars[start - 3..start - 1] == ['e', 't'],
        _ => true,
    }
}

/// True when token text `tok` is a title abbreviation after which a sentence never ends
/// ("Mr.", "Gov.", "Dr.").
pub fn is_title_abbreviation(tok: &str) -> bool {
    let Some(stem) = tok.strip_suffix('.') else {
        return false;
    };
    if stem.len() > 8 || !stem.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 8];
    let b = stem.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        buf[k] = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).is_ok_and(|w| in_sorted(TITLES, w))
}

fn is_nt(w: &[char]) -> bool {
    matches!(w, [n, a, t] if matches!(n, 'n' | 'N') && is_apostrophe(*a) && matches!(t, 't' | 'T'))
}

/// Clitic suffix length (without the apostrophe) matching `s d m re ve ll`, case-insensitive.
fn clitic_tail(t: &[char]) -> bool {
    let lc = |c: char| c.to_ascii_lowercase();
    match t {
        [a] => matches!(lc(*a), 's' | 'd' | 'm'),
        [a, b] => matches!((lc(*a), lc(*b)), ('r', 'e') | ('v', 'e') | ('l', 'l')),
        _ => false,
    }
}

/// Splits a trailing clitic off a word, returning the end of the stem and whether one was split.
fn clitic_split(chars: &[char], start: usize, end: usize) -> (usize, bool) {
    let len = end - start;
    if len < 3 {
        return (end, false);
    }
    let w = &chars[start..end];
    // n't
    if len > 3 && is_nt(&w[len - 3..]) {
        return (end - 3, true);
    }
    // 's 're 've 'll 'd 'm
    for cl in [2usize, 3] {
        if len > cl && is_apostrophe(w[len - cl]) && clitic_tail(&w[len - cl + 1..]) {
            return (end - cl, true);
        }
    }
    (end, false)
}

/// End of a clitic that starts with the apostrophe at `i` and is followed by a non-letter.
fn standalone_clitic_end(chars: &[char], i: usize) -> Option<usize> {
    let n = chars.len();
    for len in [1usize, 2] {
        let e = i + 1 + len;
        if e <= n && clitic_tail(&chars[i + 1..e]) && (e == n || !is_word_char(chars[e])) {
            return Some(e);
        }
    }
    None
}

fn starts_with_ci(chars: &[char], start: usize, p: &str) -> bool {
    let len = p.chars().count();
    start + len <= chars.len()
        && chars[start..start + len]
            .iter()
            .zip(p.chars())
            .all(|(a, b)| a.to_ascii_lowercase() == b)
}

/// Top-level domains recognised in bare domain names ("example.com").
const TLDS: &[&str] = &[
    "au", "ca", "cn", "co", "com", "de", "edu", "fr", "gov", "in", "info", "int", "io", "jp",
    "mil", "net", "news", "nz", "org", "pk", "ru", "tv", "uk", "us",
];

fn url_end(chars: &[char], start: usize) -> Option<usize> {
    let n = chars.len();
    let scheme = starts_with_ci(chars, start, "http://")
        || starts_with_ci(chars, start, "https://")
        || starts_with_ci(chars, start, "www.");
    if !scheme {
        return domain_end(chars, start);
    }
    let mut e = start;
    while e < n
        && !is_space(chars[e])
        && !matches!(
            chars[e],
            '"' | '<' | '>' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}'
        )
    {
        e += 1;
    }
    // Trailing punctuation is not part of the URL.
    while e > start
        && matches!(
            chars[e - 1],
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '\'' | ']' | '\u{2026}'
        )
    {
        e -= 1;
    }
    Some(e)
}

/// A bare domain name with a known top-level domain ("nbcnews.com", "bbc.co.uk/news").
fn domain_end(chars: &[char], start: usize) -> Option<usize> {
    let n = chars.len();
    let label = |c: char| c.is_ascii_alphanumeric() || c == '-';
    if start > 0 && (matches!(chars[start - 1], '@' | '.' | '/') || is_word_char(chars[start - 1]))
    {
        return None;
    }
    // Domain names are at most 253 characters; the cap keeps runs like "ab.ab.ab…" linear.
    let n = n.min(start + 254);
    let mut e = start;
    let mut last_label = start;
    let mut dots = 0;
    loop {
        while e < n && label(chars[e]) {
            e += 1;
        }
        if e + 1 < n && chars[e] == '.' && chars[e + 1].is_ascii_alphanumeric() {
            dots += 1;
            e += 1;
            last_label = e;
        } else {
            break;
        }
    }
    if dots == 0 || (e < n && (chars[e] == '@' || is_word_char(chars[e]))) {
        return None;
    }
    let tld = &chars[last_label..e];
    let mut buf = [0u8; 8];
    let ok = ascii_lower(tld, &mut buf).is_some_and(|t| in_sorted(TLDS, t))
        && tld.iter().all(|c| c.is_ascii_lowercase());
    if !ok {
        return None;
    }
    // An optional path.
    if e < n && chars[e] == '/' {
        while e < n && !is_space(chars[e]) && !matches!(chars[e], '"' | '<' | '>') {
            e += 1;
        }
        while matches!(
            chars[e - 1],
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | '\'' | ']'
        ) {
            e -= 1;
        }
    }
    Some(e)
}

fn email_end(chars: &[char], start: usize) -> Option<usize> {
    let n = chars.len();
    if start > 0 && (is_word_char(chars[start - 1]) || chars[start - 1] == '.') {
        return None;
    }
    let ok = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
    let mut at = start;
    while at < n && at - start <= 64 && ok(chars[at]) {
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

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphabetic() && !c.is_numeric(), "{c:?}");
        }
    }

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
            // Clitics standing alone (CoNLL) and curly apostrophes.
            ("Germany 's team", &["Germany", "'s", "team"]),
            ("we do n't know", &["we", "do", "n't", "know"]),
            ("China’s law", &["China", "’s", "law"]),
            (
                "They’re here and we'll go",
                &["They", "’re", "here", "and", "we", "'ll", "go"],
            ),
            ("can't won't", &["ca", "n't", "wo", "n't"]),
            ("O'Brien rock'n'roll", &["O'Brien", "rock'n'roll"]),
            ("the 1990's boom", &["the", "1990", "'s", "boom"]),
            ("'stop spying'", &["'", "stop", "spying", "'"]),
            (
                "the players’ union and 'the wars' end",
                &[
                    "the", "players", "’", "union", "and", "'", "the", "wars", "'", "end",
                ],
            ),
            ("``Yes,'' he said", &["``", "Yes", ",", "''", "he", "said"]),
            // Numbers, times, hyphens.
            (
                "a 19-year-old at 10.30am",
                &["a", "19", "-", "year-old", "at", "10.30am"],
            ),
            (
                "5:58PM on 2013-2016",
                &["5:58PM", "on", "2013", "-", "2016"],
            ),
            ("1,000,000 and .5", &["1,000,000", "and", ".", "5"]),
            ("₹2,700 or 25%", &["₹", "2,700", "or", "25", "%"]),
            ("COVID-19 cases", &["COVID-19", "cases"]),
            // Abbreviations that are also words.
            ("He said no. Fine.", &["He", "said", "no", ".", "Fine", "."]),
            ("No. 10 Downing St.", &["No.", "10", "Downing", "St."]),
            ("Smith et al. found", &["Smith", "et", "al.", "found"]),
            ("They sat. Then", &["They", "sat", ".", "Then"]),
            ("at 5 p.m. today", &["at", "5", "p.m.", "today"]),
            ("e.g. this", &["e.g.", "this"]),
            (
                "Rep. Al Ruiz (D-N.C.) said",
                &["Rep.", "Al", "Ruiz", "(", "D-N.C.", ")", "said"],
            ),
            ("SALEM, Ore. — The", &["SALEM", ",", "Ore.", "—", "The"]),
            ("I feel ill. Then", &["I", "feel", "ill", ".", "Then"]),
            (
                "at 90 km/h. Then",
                &["at", "90", "km", "/", "h", ".", "Then"],
            ),
            // Dashes and ellipses.
            ("Weibo -- a site", &["Weibo", "--", "a", "site"]),
            ("yes—no–maybe", &["yes", "—", "no", "–", "maybe"]),
            ("so… well", &["so", "…", "well"]),
            // Domains and addresses.
            (
                "belongs to Nbcnews.com today",
                &["belongs", "to", "Nbcnews.com", "today"],
            ),
            (
                "write to j.smith@example.co.uk.",
                &["write", "to", "j.smith@example.co.uk", "."],
            ),
            ("(https://a.org/x)", &["(", "https://a.org/x", ")"]),
            // Scripts, marks, emoji.
            ("مرحبا بالعالم؟", &["مرحبا", "بالعالم", "؟"]),
            ("नमस्ते दुनिया।", &["नमस्ते", "दुनिया", "।"]),
            ("cafe\u{301} ok", &["cafe\u{301}", "ok"]),
            ("hi 👍🏽 👩‍👩‍👧 🇺🇸!", &["hi", "👍🏽", "👩‍👩‍👧", "🇺🇸", "!"]),
            (
                "coun\u{00AD}cil zero\u{200B}width",
                &["coun\u{00AD}cil", "zero", "width"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(toks(text), *want, "tokenising {text:?}");
        }
    }

    #[test]
    fn lists_are_sorted_for_lookup() {
        for list in [ABBREVIATIONS, TITLES, NEEDS_CAPITAL, TLDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert_eq!(
            ABBREVIATIONS.iter().map(|a| a.len()).max(),
            Some(ABBREVIATION_MAX)
        );
        assert!(is_abbreviation(&['M', 'r']));
        assert!(is_abbreviation(&['U', '.', 'S']));
        assert!(!is_abbreviation(&['C', 'h', 'e', 'n']));
        assert!(is_title_abbreviation("Gov."));
        assert!(!is_title_abbreviation("Inc."));
    }

    #[test]
    fn plural_possessive_is_a_clitic_unless_a_quote_is_open() {
        let t = "the players’ union and 'the wars' end";
        let map = CharMap::new(t);
        let k = tokenize(t, &map);
        assert_eq!(k[2].kind, TokenKind::Clitic);
        assert_eq!(k[8].kind, TokenKind::Quote);
    }

    #[test]
    fn kinds() {
        let t = "Germany 's “x” 5 € https://a.b 😀 do n't";
        let map = CharMap::new(t);
        let kinds: Vec<TokenKind> = tokenize(t, &map).iter().map(|k| k.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            [
                Word, Clitic, Quote, Word, Quote, Number, Symbol, Url, Symbol, Word, Clitic
            ]
        );
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
