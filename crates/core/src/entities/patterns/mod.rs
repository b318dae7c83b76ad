//! Numeric and temporal entities by pattern: DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL,
//! CARDINAL.
//!
//! Hand-written matchers over the prepared tokens (no regular expressions, no allocation per
//! token). A cheap filter skips tokens that cannot start an expression; at the others every
//! matcher proposes a match starting there, the longest wins (ties go to the earlier matcher in
//! the order money, percent, date, time, quantity, ordinal, cardinal), and scanning resumes
//! after it. Matching runs line by line, so an expression never crosses a line break. URLs and
//! e-mail addresses are single tokens and never match; phone numbers and slash references
//! ("21/2022") are consumed without an entity.
//!
//! Spans follow OntoNotes: a leading "about", "nearly", "more than" is never part of an amount,
//! and determiners are left out of simple dates ("on Tuesday" → "Tuesday").
//!
//! Two styles, chosen by [`Options::relative`]:
//! - News style (the default, [`find`]): calendar dates, months, weekdays, years, numeric dates,
//!   holidays that are religious observances, quarters and fiscal years, each without
//!   modifiers. This is how news corpora such as Worldwide Newswire mark dates: "mid-2014" →
//!   "2014", "the 1970s" → "1970", "from 2013 to 2016" → two dates, "the end of March" →
//!   "March", "Monday night" → TIME (not a DATE).
//! - OntoNotes style ([`Options::ONTONOTES`]): also relative dates and durations ("last week",
//!   "yesterday", "recent years", "two years ago", "the first quarter", "42-year-old"),
//!   centuries, festivals, and modifiers inside the span ("early 2021", "the end of March",
//!   "the 1990s", "2013 to 2016").

mod date;
mod lex;
pub(crate) use lex::is_calendar_name;
mod money;
mod numbers;
#[cfg(test)]
mod tests;

use super::{Entity, EntitySource};
use crate::label::EntityLabel;
use crate::span::Span;
use crate::text::Prepared;
use crate::text::token::{Token, TokenKind};
use numbers::{Digits, Num};
use std::cell::{Cell, OnceCell};

/// What the pattern matchers report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Options {
    /// Report relative and descriptive time expressions ("last week", "yesterday", "recent
    /// years", "two years ago", "the first quarter", ages such as "42-year-old", "Monday
    /// night") and let modifiers widen a date ("early 2021", "the end of March", "the 1990s"),
    /// as OntoNotes does. When false, only calendar dates, years, holidays and clock times are
    /// reported, each without modifiers.
    pub relative: bool,
}

impl Options {
    /// OntoNotes conventions in full: relative dates and widened extents.
    pub const ONTONOTES: Options = Options { relative: true };
}

/// Finds numeric and temporal entities with the default [`Options`], sorted by start, not
/// overlapping.
pub fn find(doc: &Prepared<'_>) -> Vec<Entity> {
    find_with(doc, Options::default())
}

/// Finds numeric and temporal entities, sorted by start, not overlapping.
pub fn find_with(doc: &Prepared<'_>, opts: Options) -> Vec<Entity> {
    let mut cx = Cx::new(doc, opts);
    let mut out = Vec::new();
    // Matching runs over lines rather than sentences: a sentence splitter may cut "$5.5bn"
    // after "$5.", while a line break always ends an expression.
    for (lo, hi) in lines(&doc.tokens) {
        cx.set_line(lo, hi);
        let mut i = lo;
        while i < hi {
            match cx.best(i) {
                Some(m) => {
                    if let Some(label) = m.label {
                        let first = cx.toks[m.start].span;
                        let last = cx.toks[m.end - 1].span;
                        let end = last.end - m.cut.min(last.len() - 1);
                        let start = (first.start + m.lead).min(end - 1);
                        let span = Span::new(start, end);
                        out.push(Entity::new(span, label, EntitySource::Pattern, 1.0));
                    }
                    i = m.end.max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    out
}

/// True when ASCII bytes `b` hold a byte in `'-'..='9'`: a hyphen, period, slash or digit.
/// Every word passes this test, so it reads four or eight bytes at a time (a word is one or
/// two such reads) rather than byte by byte.
fn has_mark(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // For a byte x < 0x80, bit 7 of x + (0x80 - c) is set exactly when x >= c, and the sum
    // stays below 0x100, so no carry reaches the next byte.
    let hit =
        |x: u64| (x + ONES * (0x80 - 0x2D)) & !(x + ONES * (0x80 - 0x3A)) & (ONES * 0x80) != 0;
    let word = |k: usize| {
        b.get(k..k + 8).map_or(0, |c| {
            u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
        })
    };
    let half = |k: usize| {
        b.get(k..k + 4).map_or(0, |c| {
            u64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        })
    };
    let n = b.len();
    if n >= 8 {
        // Whole words, then the last eight bytes (overlapping the last whole word).
        (0..n / 8).any(|k| hit(word(8 * k))) || hit(word(n - 8))
    } else if n >= 4 {
        hit(half(0) | half(n - 4) << 32)
    } else {
        b.iter().any(|x| (b'-'..=b'9').contains(x))
    }
}

/// The lines of a text as token ranges `(lo, hi)`.
fn lines(tokens: &[Token]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut lo = 0;
    std::iter::from_fn(move || {
        if lo >= tokens.len() {
            return None;
        }
        let mut hi = lo + 1;
        while hi < tokens.len() && !tokens[hi].newline_before {
            hi += 1;
        }
        let line = (lo, hi);
        lo = hi;
        Some(line)
    })
}

/// A match: tokens `start..end`; `label` None means "consumed, not an entity" (phone numbers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct M {
    start: usize,
    end: usize,
    label: Option<EntityLabel>,
    /// Code points left off the end of the last token ("s" of "1970s" in news style).
    cut: usize,
    /// Code points left off the start of the first token ("mid-" of "mid-1990s").
    lead: usize,
}

impl M {
    fn new(start: usize, end: usize, label: EntityLabel) -> Self {
        M {
            start,
            end,
            label: Some(label),
            cut: 0,
            lead: 0,
        }
    }
}

/// Matching context: the tokens of the current line and what the matchers ask of them.
pub(super) struct Cx<'d, 'a> {
    doc: &'d Prepared<'a>,
    toks: &'d [Token],
    /// The current line lower-cased ASCII-wise (same byte lengths), from byte `low_at` of the
    /// text: an ASCII token's lower-case form is its byte range here. Per line, reusing the
    /// buffer, rather than a lower-case copy of the whole text.
    low: String,
    low_at: usize,
    /// The current line: tokens `lo..hi`.
    lo: usize,
    hi: usize,
    /// `line[k]` describes token `lo + k`. The matchers look at the same few tokens dozens
    /// of times, so their texts are sliced once per line (reusing this buffer) rather than
    /// at every look.
    line: Vec<Tok<'a>>,
    opts: Options,
}

/// Whether a word can start a match, judged by its text alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opens {
    /// It may: try the matchers.
    Yes,
    /// It never does.
    No,
    /// Only before certain tokens: "a hundred", "US$5" ([`Cx::opens_with_next`]).
    IfNext,
}

/// A token of the current line, as the matchers see it.
struct Tok<'a> {
    /// Its text.
    text: &'a str,
    /// Byte offset of its start in the text.
    start: usize,
    /// [`Cx::digits`] at this token (from its start), once read.
    digits: OnceCell<Option<Digits<'a>>>,
    /// [`Cx::num`] at this token, once read.
    num: OnceCell<Option<Num<'a>>>,
    /// [`lex::position`] of its lower-case form ([`Cx::word`]), or [`UNSEEN`].
    lower: Cell<u16>,
    /// [`lex::position`] of its text ([`Cx::word_as_written`]), or [`UNSEEN`].
    written: Cell<u16>,
    /// True when its text is ASCII.
    ascii: bool,
}

/// [`Tok::lower`] and [`Tok::written`] before the word is looked up.
const UNSEEN: u16 = u16::MAX;

impl<'d, 'a> Cx<'d, 'a> {
    fn new(doc: &'d Prepared<'a>, opts: Options) -> Self {
        Cx {
            doc,
            toks: &doc.tokens,
            low: String::new(),
            low_at: 0,
            lo: 0,
            hi: 0,
            line: Vec::new(),
            opts,
        }
    }

    /// Makes tokens `lo..hi` the current line.
    fn set_line(&mut self, lo: usize, hi: usize) {
        self.lo = lo;
        self.hi = hi;
        self.line.clear();
        let (text, map) = (self.doc.text, &self.doc.map);
        self.line.extend(self.toks[lo..hi].iter().map(|tok| {
            let r = map.byte_range(tok.span);
            Tok {
                text: &text[r.clone()],
                start: r.start,
                digits: OnceCell::new(),
                num: OnceCell::new(),
                lower: Cell::new(UNSEEN),
                written: Cell::new(UNSEEN),
                // A token is ASCII when it has as many bytes as code points.
                ascii: r.len() == tok.span.len(),
            }
        }));
        let (a, b) = match (self.line.first(), self.line.last()) {
            (Some(f), Some(l)) => (f.start, l.start + l.text.len()),
            _ => (0, 0),
        };
        self.low.clear();
        self.low.push_str(&text[a..b]);
        self.low.make_ascii_lowercase();
        self.low_at = a;
    }

    /// Token `i` of the current line, if it is one.
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        // Below `lo` the index wraps around to a huge number, which `get` refuses too.
        self.line.get(i.wrapping_sub(self.lo))
    }

    /// The longest match starting at token `i`.
    fn best(&self, i: usize) -> Option<M> {
        if !self.starts_ok(i) {
            return None;
        }
        self.longest(i)
    }

    /// The longest match starting at token `i`, trying every matcher.
    fn longest(&self, i: usize) -> Option<M> {
        let cands = [
            self.money(i),
            self.percent(i),
            self.date(i),
            self.time(i),
            self.quantity(i),
            self.ordinal(i),
            self.cardinal(i),
        ];
        let mut best: Option<M> = None;
        for m in cands.into_iter().flatten() {
            if m.end <= i || m.start != i {
                continue;
            }
            if best.is_none_or(|b| m.end > b.end) {
                best = Some(m);
            }
        }
        best
    }

    /// Tokens that can start a match (a cheap filter run before the matchers). Every test
    /// here is implied by some matcher succeeding at `i`, so the filter changes no result.
    fn starts_ok(&self, i: usize) -> bool {
        match self.toks[i].kind {
            TokenKind::Number => true,
            // A currency sign ("$5"), or the "+" of a phone number.
            TokenKind::Symbol => {
                let t = self.t(i);
                self.is_as_written(i, lex::CURRENCY_SYMBOL) || t == "+"
            }
            TokenKind::Url | TokenKind::Email | TokenKind::Clitic => false,
            // "'90s".
            TokenKind::Quote => {
                self.kind(i + 1) == Some(TokenKind::Word)
                    && self.glued(i + 1)
                    && self.t(i + 1).starts_with(|c: char| c.is_ascii_digit())
            }
            TokenKind::Punct => self.t(i) == "(" && self.kind(i + 1) == Some(TokenKind::Number),
            TokenKind::Word => match self.word_opens_at(i) {
                Opens::Yes => true,
                Opens::No => false,
                Opens::IfNext => self.opens_with_next(i),
            },
        }
    }

    /// [`Cx::word_start`] for word `i`. Most words start nothing, and the opener filters
    /// tell so for most of them without the full test.
    fn word_opens_at(&self, i: usize) -> Opens {
        let Some(tok) = self.tok(i) else {
            return Opens::No;
        };
        let t = tok.text;
        if !self.may_open(t, tok.ascii) {
            return Opens::No;
        }
        let w = self.l(i);
        let lower = self.word(i).map_or(0, |e| e.class);
        let exact = if t == w {
            lower
        } else {
            self.word_as_written(i).map_or(0, |e| e.class)
        };
        self.word_start(t, w, lower, exact)
    }

    /// False when [`Cx::word_start`] certainly says [`Opens::No`] for word `t`: a plain word
    /// (ASCII, no digit, hyphen, period or slash) that is in no opener list that applies to it
    /// (the lists hold every plain word that `word_start` accepts).
    fn may_open(&self, t: &str, ascii: bool) -> bool {
        if !ascii || has_mark(t.as_bytes()) {
            return true;
        }
        let s = lex::WordFilter::slot(t);
        let cap = t.as_bytes()[0].is_ascii_uppercase();
        lex::OPENERS.has(s)
            || cap && lex::OPENERS_CAP.has(s)
            || self.opts.relative
                && (lex::OPENERS_RELATIVE.has(s) || cap && lex::OPENERS_RELATIVE_CAP.has(s))
    }

    /// Whether a word with text `t` can start a match, as far as its text tells; `w` is its
    /// lower-case form as [`Cx::l`] gives it (empty for a word that is not ASCII); `lower` and
    /// `exact` are the word-table classes of `w` and of `t`.
    fn word_start(&self, t: &str, w: &str, lower: u32, exact: u32) -> Opens {
        if t.bytes().any(|b| b.is_ascii_digit()) {
            return Opens::Yes;
        }
        let cap = t.chars().next().is_some_and(char::is_uppercase);
        let (now, holiday) = if self.opts.relative {
            (lex::OPENS_NOW | lex::OPENS_RELATIVE, lex::HOLIDAY)
        } else {
            (lex::OPENS_NOW, lex::HOLIDAY_CORE)
        };
        if cap
            && (lower & (lex::MONTH | lex::WEEKDAY) != 0
                || exact & (lex::CURRENCY_CODE | holiday) != 0)
            || lower & now != 0
            || w.contains('-') && self.compound_opens(w)
        {
            Opens::Yes
        } else if lower & lex::IF_NEXT != 0 || exact & lex::DOLLAR_PREFIX != 0 {
            Opens::IfNext
        } else {
            Opens::No
        }
    }

    /// For a word that opens a match only before certain words ([`Opens::IfNext`]): whether
    /// the token after `i` is one.
    fn opens_with_next(&self, i: usize) -> bool {
        // "US$5", "US $5".
        if self.is_as_written(i, lex::DOLLAR_PREFIX)
            && self.is_as_written(i + 1, lex::CURRENCY_SYMBOL)
        {
            return true;
        }
        // "a hundred", "a billion-dollar", "half a million", "between 2 and 3 …".
        let next = self.l(i + 1);
        match self.l(i) {
            "a" | "an" => {
                self.is(i + 1, lex::SCALE) || next == "dozen" || next.ends_with("-dollar")
            }
            "half" => next == "a" || next == "an",
            "between" => {
                self.kind(i + 1) == Some(TokenKind::Number) || lex::small_number(next).is_some()
            }
            _ => false,
        }
    }

    /// True when the lower-cased hyphenated word `w` by itself may start a number, amount or
    /// date ("twenty-five", "billion-dollar", "mid-2014"; "five-year" in OntoNotes style).
    fn compound_opens(&self, w: &str) -> bool {
        lex::small_number(w).is_some()
            || lex::ordinal_word(w).is_some()
            || w.ends_with("-dollar")
            || w.starts_with("mid-")
            || self.opts.relative
                && w.split_once('-')
                    .is_some_and(|(a, _)| lex::small_number(a).is_some())
    }

    /// The word-table entry of token `i`'s lower-case form ([`Cx::l`]). The matchers ask
    /// about the same few tokens many times, so each is looked up once.
    fn word(&self, i: usize) -> Option<&'static lex::Word> {
        let tok = self.tok(i)?;
        let mut k = tok.lower.get();
        if k == UNSEEN {
            k = lex::position(self.l(i));
            tok.lower.set(k);
        }
        lex::at(k)
    }

    /// The word-table entry of token `i` as written ([`Cx::t`]; for the case-sensitive
    /// classes), looked up once.
    fn word_as_written(&self, i: usize) -> Option<&'static lex::Word> {
        let tok = self.tok(i)?;
        let mut k = tok.written.get();
        if k == UNSEEN {
            k = lex::position(tok.text);
            tok.written.set(k);
        }
        lex::at(k)
    }

    /// True when token `i`'s lower-case form has one of the word classes `mask`.
    fn is(&self, i: usize, mask: u32) -> bool {
        self.word(i).is_some_and(|e| e.class & mask != 0)
    }

    /// True when token `i` as written has one of the (case-sensitive) word classes `mask`.
    fn is_as_written(&self, i: usize, mask: u32) -> bool {
        self.word_as_written(i).is_some_and(|e| e.class & mask != 0)
    }

    /// Token text, or "" outside the line.
    fn t(&self, i: usize) -> &'a str {
        self.tok(i).map_or("", |t| t.text)
    }

    /// Lower-case token text, or "" outside the line (or for non-ASCII tokens).
    fn l(&self, i: usize) -> &str {
        match self.tok(i) {
            Some(t) if t.ascii => {
                let a = t.start - self.low_at;
                &self.low[a..a + t.text.len()]
            }
            _ => "",
        }
    }

    /// Byte offset where token `i` (of the current line) starts.
    fn byte_start(&self, i: usize) -> usize {
        self.line[i - self.lo].start
    }

    /// Byte offset where token `i` (of the current line) ends.
    fn byte_end(&self, i: usize) -> usize {
        let t = &self.line[i - self.lo];
        t.start + t.text.len()
    }

    /// Token kind, if inside the line.
    fn kind(&self, i: usize) -> Option<TokenKind> {
        (i >= self.lo && i < self.hi).then(|| self.toks[i].kind)
    }

    /// True when token `i` directly follows token `i - 1` with nothing between.
    fn glued(&self, i: usize) -> bool {
        i > self.lo && i < self.hi && self.toks[i].span.start == self.toks[i - 1].span.end
    }

    /// True when the token starts with an upper-case letter.
    fn cap(&self, i: usize) -> bool {
        self.t(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when the token is a dash or hyphen joining a range.
    fn dash(&self, i: usize) -> bool {
        matches!(self.t(i), "-" | "–" | "—" | "‑")
    }

    /// True for a range word or dash: "-", "to", "through", "until", "till".
    fn range_joiner(&self, i: usize) -> bool {
        self.dash(i) || matches!(self.l(i), "to" | "through" | "until" | "till" | "thru")
    }

    /// Text of a code-point span.
    fn slice(&self, span: Span) -> &'a str {
        self.doc.slice(span)
    }
}
