//! Reading numbers (digits, number words, vague counts) and the matchers that are little more
//! than a number: CARDINAL, ORDINAL, PERCENT, TIME.

use super::lex;
use super::{Cx, M};
use crate::label::EntityLabel;
use crate::text::token::TokenKind;

/// A number written with digits, possibly spread over glued tokens ("5", ".", "5bn").
#[derive(Clone, Copy, Debug)]
pub(super) struct Digits<'a> {
    /// One past the last token the number touches.
    pub end: usize,
    /// Its value (NaN when it is not a plain number, e.g. "27.08.2022").
    pub value: f64,
    /// Digits before the first separator.
    pub int_len: usize,
    /// True when it is digits only (no separators).
    pub plain: bool,
    /// Text of the last token after the number ("bn" in "5bn"); "" when the number ends with
    /// its token.
    pub rest: &'a str,
}

/// What kind of number phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Written with digits, perhaps with a scale word: "5", "8,761", "2.5 million", "3bn".
    Digits,
    /// Written in words: "nine", "two million", "a hundred".
    Words,
    /// A vague count: "dozens", "hundreds of thousands", "millions".
    Vague,
}

/// A number phrase.
#[derive(Clone, Copy, Debug)]
pub(super) struct Num<'a> {
    /// One past its last token.
    pub end: usize,
    /// How it is written.
    pub kind: Kind,
    /// True when a scale word or suffix was applied ("million", "bn").
    pub scaled: bool,
    /// Unconsumed suffix glued to the last token ("km" in "10km"), "" if none.
    pub rest: &'a str,
}

impl<'d, 'a> Cx<'d, 'a> {
    /// Reads digits starting `skip` code points into token `i`.
    pub(super) fn digits(&self, i: usize, skip: usize) -> Option<Digits<'a>> {
        // Every matcher reads the number at the token it tries: read it once.
        match self.tok(i) {
            Some(tok) if skip == 0 => *tok.digits.get_or_init(|| self.read_digits(i, 0)),
            _ => self.read_digits(i, skip),
        }
    }

    /// [`Cx::digits`] without the memo.
    fn read_digits(&self, i: usize, skip: usize) -> Option<Digits<'a>> {
        let k = self.kind(i)?;
        if !matches!(k, TokenKind::Number | TokenKind::Word) {
            return None;
        }
        let start = self.toks[i].span.start + skip;
        if start >= self.toks[i].span.end {
            return None;
        }
        // The glued run of tokens after `i`.
        let mut last = i;
        while last + 1 < self.hi && last + 1 < i + 8 && self.glued(last + 1) {
            last += 1;
        }
        let start_byte = if skip == 0 {
            self.byte_start(i)
        } else {
            self.doc.map.byte(start)
        };
        let text = self.doc.text;
        let s = &text[start_byte..self.byte_end(last)];
        let mut chars = s.chars().peekable();
        if !chars.peek().is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        let mut n = 0usize; // code points consumed
        let mut int_len = 0usize;
        let mut seps = 0usize;
        let mut dots = 0usize;
        let mut commas_ok = true;
        let mut group = 0usize;
        let mut buf = [0u8; 40];
        let mut blen = 0usize;
        let mut prev: Option<char> = None;
        let all: &str = s;
        let bytes = all.as_bytes();
        let mut pos = 0usize; // byte position
        while pos < bytes.len() {
            let c = bytes[pos];
            if c.is_ascii_digit() {
                if seps == 0 {
                    int_len += 1;
                }
                group += 1;
                if blen < buf.len() {
                    buf[blen] = c;
                    blen += 1;
                }
                pos += 1;
                n += 1;
                prev = Some(c as char);
                continue;
            }
            if (c == b',' || c == b'.')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && bytes.get(pos + 1).is_some_and(|d| d.is_ascii_digit())
            {
                if seps > 0 && c == b',' && group != 3 {
                    commas_ok = false;
                }
                if c == b',' {
                    // Thousands groups have three digits.
                    let mut g = 0;
                    while bytes.get(pos + 1 + g).is_some_and(|d| d.is_ascii_digit()) {
                        g += 1;
                    }
                    if g != 3 {
                        commas_ok = false;
                    }
                } else {
                    dots += 1;
                    if blen < buf.len() {
                        buf[blen] = b'.';
                        blen += 1;
                    }
                }
                seps += 1;
                group = 0;
                pos += 1;
                n += 1;
                prev = Some(c as char);
                continue;
            }
            break;
        }
        if n == 0 {
            return None;
        }
        let value = if dots <= 1 && commas_ok {
            decimal(&buf[..blen])
        } else if dots == 0 && !commas_ok {
            // European decimal comma: "2,25".
            f64::NAN
        } else {
            f64::NAN
        };
        let endpos = start + n;
        let mut k = i;
        while k < last && self.toks[k].span.end < endpos {
            k += 1;
        }
        let rest = if self.toks[k].span.end > endpos {
            // The digits and separators read are ASCII: `n` code points are `n` bytes.
            &text[start_byte + n..self.byte_end(k)]
        } else {
            ""
        };
        Some(Digits {
            end: k + 1,
            value,
            int_len,
            plain: seps == 0,
            rest,
        })
    }

    /// Reads a scale word at `j` (optionally after a glued hyphen): returns (end, multiplier).
    fn scale_at(&self, j: usize, allow_m: bool) -> Option<(usize, f64)> {
        let (j, hy) = if self.dash(j) && self.glued(j) && self.glued(j + 1) {
            (j + 1, true)
        } else {
            (j, false)
        };
        let w = self.l(j);
        let m = lex::scale_of(self.word(j))?;
        // Bare "m", "b", "k" only glued or after a currency.
        if matches!(w, "m" | "b" | "k") && !(allow_m && (self.glued(j) || hy)) {
            return None;
        }
        Some((j + 1, m))
    }

    /// Reads a number phrase at token `i` (digits starting `skip` code points in).
    pub(super) fn num(&self, i: usize, skip: usize) -> Option<Num<'a>> {
        self.num_opt(i, skip, false)
    }

    /// Like [`Cx::num`]; `money` lets a bare "m"/"bn" after a space count as a scale.
    pub(super) fn num_opt(&self, i: usize, skip: usize, money: bool) -> Option<Num<'a>> {
        // Most matchers start by reading the number at their token: read it once.
        match self.tok(i) {
            Some(tok) if skip == 0 && !money => *tok.num.get_or_init(|| self.read_num(i, 0, false)),
            _ => self.read_num(i, skip, money),
        }
    }

    /// [`Cx::num_opt`] without the memo.
    fn read_num(&self, i: usize, skip: usize, money: bool) -> Option<Num<'a>> {
        if let Some(d) = self.digits(i, skip) {
            let mut end = d.end;
            let mut scaled = false;
            let mut rest = d.rest;
            if !rest.is_empty() {
                let mut b = [0u8; 12];
                if rest.len() <= b.len() && rest.is_ascii() {
                    for (x, y) in b.iter_mut().zip(rest.bytes()) {
                        *x = y.to_ascii_lowercase();
                    }
                    let r = std::str::from_utf8(&b[..rest.len()]).unwrap_or("");
                    // "3bn", "5m", "JD105-million".
                    let r2 = r.strip_prefix('-').unwrap_or(r);
                    if lex::scale(r2).is_some() && (r2.len() > 1 || r2 == r) {
                        scaled = true;
                        rest = "";
                    }
                }
            }
            if rest.is_empty() {
                // Scale words after: "5 million", "1.5 lakh crore", "82-million".
                while let Some((e, _)) = self.scale_at(end, money || scaled) {
                    if matches!(self.l(e - 1), "m" | "b" | "k") && !money && !self.glued(e - 1) {
                        break;
                    }
                    end = e;
                    scaled = true;
                }
            }
            return Some(Num {
                end,
                kind: Kind::Digits,
                scaled,
                rest,
            });
        }
        if skip > 0 {
            return None;
        }
        self.words(i).or_else(|| self.vague(i))
    }

    /// A number in words: "nine", "twenty-five", "two million", "a hundred", "one hundred and
    /// twenty".
    fn words(&self, i: usize) -> Option<Num<'a>> {
        let mut j = i;
        let mut total = 0f64;
        let mut cur = 0f64;
        let mut any = false;
        let mut scaled = false;
        loop {
            let w = self.l(j);
            if let Some(v) = lex::small_number(w) {
                if any && cur > 0.0 && cur < 100.0 {
                    break; // "five six" is two numbers
                }
                cur += f64::from(v);
                any = true;
                j += 1;
            } else if w == "half" && !any && matches!(self.l(j + 1), "a" | "an") {
                // "half a million": the value does not matter here, only the extent.
                j += 1;
                continue;
            } else if matches!(w, "a" | "an") && !any {
                let next = self.l(j + 1);
                if matches!(
                    next,
                    "hundred" | "thousand" | "million" | "billion" | "trillion"
                ) || next == "dozen"
                {
                    cur = 1.0;
                    j += 1;
                    // "a" alone is no number; the scale must follow.
                    let (e, m) = if next == "dozen" {
                        (j + 1, 12.0)
                    } else {
                        (j + 1, lex::scale(next).unwrap_or(1.0))
                    };
                    cur *= m;
                    if m >= 1000.0 {
                        total += cur;
                        cur = 0.0;
                    }
                    any = true;
                    scaled = true;
                    j = e;
                } else {
                    break;
                }
            } else if any && w == "dozen" {
                cur *= 12.0;
                j += 1;
            } else if any && matches!(w, "hundred") {
                cur = cur.max(1.0) * 100.0;
                scaled = true;
                j += 1;
            } else if any
                && matches!(
                    w,
                    "thousand" | "million" | "billion" | "trillion" | "crore" | "lakh"
                )
            {
                let m = lex::scale(w).unwrap_or(1.0);
                total += cur.max(1.0) * m;
                cur = 0.0;
                scaled = true;
                j += 1;
            } else if any
                && w == "and"
                && lex::small_number(self.l(j + 1)).is_some()
                && (cur >= 100.0 || total > 0.0)
            {
                j += 1;
            } else {
                break;
            }
        }
        if !any {
            return None;
        }
        Some(Num {
            end: j,
            kind: Kind::Words,
            scaled,
            rest: "",
        })
    }

    /// A vague count: "dozens", "hundreds of thousands", "tens of millions".
    fn vague(&self, i: usize) -> Option<Num<'a>> {
        if !self.is(i, lex::VAGUE) {
            return None;
        }
        let mut end = i + 1;
        while self.l(end) == "of" && self.is(end + 1, lex::VAGUE) {
            end += 2;
        }
        Some(Num {
            end,
            kind: Kind::Vague,
            scaled: true,
            rest: "",
        })
    }

    /// CARDINAL: a number phrase that is nothing else. Phone numbers are consumed silently.
    pub(super) fn cardinal(&self, i: usize) -> Option<M> {
        if let Some(e) = self.phone(i) {
            return Some(M {
                start: i,
                end: e,
                label: None,
                cut: 0,
                lead: 0,
            });
        }
        // Numbers joined by slashes: "21/2022" is a reference, "1/2" a fraction.
        if self.kind(i) == Some(TokenKind::Number) && self.t(i + 1) == "/" && self.glued(i + 1) {
            let mut e = i + 1;
            let mut long = self.t(i).len() >= 3;
            while self.t(e) == "/"
                && self.glued(e)
                && self.glued(e + 1)
                && self.kind(e + 1) == Some(TokenKind::Number)
            {
                long |= self.t(e + 1).len() >= 3;
                e += 2;
            }
            if e > i + 1 {
                let label = (!long).then_some(EntityLabel::Cardinal);
                return Some(M {
                    start: i,
                    end: e,
                    label,
                    cut: 0,
                    lead: 0,
                });
            }
        }
        let n = self.num(i, 0)?;
        if !n.rest.is_empty() {
            return None;
        }
        if n.kind == Kind::Words {
            let w = self.l(i);
            // "one of the", "no one", "one another", "the one who".
            if w == "one"
                && n.end == i + 1
                && (matches!(
                    self.l(i + 1),
                    "of" | "another" | "who" | "which" | "that" | "'s"
                ) || matches!(
                    self.l(i.wrapping_sub(1)),
                    "no" | "any"
                        | "every"
                        | "each"
                        | "the"
                        | "this"
                        | "that"
                        | "which"
                        | "someone"
                        | "anyone"
                ))
            {
                return None;
            }
        }
        // A number glued to letters before it is part of a name ("G", "20").
        if self.glued(i) && self.kind(i - 1) == Some(TokenKind::Word) {
            return None;
        }
        // A number right after a capitalised content word is part of a name: "Vision 2030",
        // "Windows 11", "Apollo 13". The name recogniser marks those.
        if n.kind == Kind::Digits && n.end == i + 1 && self.name_before(i) {
            return None;
        }
        // A capitalised number word after a capitalised word is a name too: "Year Zero".
        if n.kind == Kind::Words && self.cap(i) && self.name_before(i) {
            return None;
        }
        Some(M::new(i, n.end, EntityLabel::Cardinal))
    }

    /// True when token `i - 1` is a capitalised content word (not a month, weekday, season
    /// or sentence-initial function word), so a number at `i` continues a name.
    pub(super) fn name_before(&self, i: usize) -> bool {
        let p = i.wrapping_sub(1);
        let class = self.word(p).map_or(0, |e| e.class);
        self.kind(p) == Some(TokenKind::Word)
            && self.cap(p)
            && (class & lex::YEAR_CUE == 0 || self.l(p) == "year")
            && class & (lex::MONTH | lex::WEEKDAY | lex::SEASON | lex::FUNCTION_WORD) == 0
            && !self.is_as_written(p, lex::CURRENCY_CODE | lex::DOLLAR_PREFIX)
    }

    /// True when the number `a..a_end` is a plain year ("2006").
    pub(super) fn year_token(&self, a: usize, a_end: usize) -> bool {
        let t = self.t(a);
        a_end == a + 1
            && t.len() == 4
            && t.bytes().all(|b| b.is_ascii_digit())
            && (t.starts_with('1') || t.starts_with("20"))
    }

    /// True when two numbers may form a range: not "in 2006 to 36%", where the first is a
    /// year and the second is not.
    pub(super) fn range_ok(&self, a: usize, a_end: usize, b: usize, b_end: usize) -> bool {
        !self.year_token(a, a_end) || self.year_token(b, b_end)
    }

    /// A phone number: "+91 98765 43210", "(011) 2345-6789", "555-1234". Returns its end.
    fn phone(&self, i: usize) -> Option<usize> {
        let plus = self.t(i) == "+" || self.t(i) == "(";
        let mut j = if plus { i + 1 } else { i };
        let mut digits = 0usize;
        let mut groups = 0usize;
        while let Some(k) = self.kind(j) {
            let t = self.t(j);
            if k == TokenKind::Number && t.bytes().all(|b| b.is_ascii_digit()) {
                digits += t.len();
                groups += 1;
                j += 1;
            } else if groups > 0
                && (t == ")"
                    || matches!(t, "-" | "(" | "." | "/")
                        && self.kind(j + 1) == Some(TokenKind::Number))
            {
                j += 1;
            } else {
                break;
            }
        }
        let first_len = self.t(if plus { i + 1 } else { i }).len();
        // Year ranges ("2008-2009", "2021-22") are dates, not phone numbers.
        let f = if plus { i + 1 } else { i };
        if self.t(i) != "+" && groups == 2 && self.year_token(f, f + 1) {
            let second = self.t(f + 2);
            if second.len() == 2 || second.len() == 4 {
                return None;
            }
        }
        if groups >= 2 && digits >= 7 && (plus || first_len <= 5) {
            // Dates like 2017-03-09 have 8 digits: leave them to the date matcher.
            if !plus && groups == 3 && digits == 8 {
                return None;
            }
            return Some(j);
        }
        if groups == 1 && digits >= 10 && plus {
            return Some(j);
        }
        None
    }

    /// ORDINAL: "first", "2nd", "twenty-first". Not "a second", "to second", "seconds".
    pub(super) fn ordinal(&self, i: usize) -> Option<M> {
        let w = self.l(i);
        if let Some(v) = lex::ordinal_word(w) {
            if v == 2 {
                let p = self.l(i.wrapping_sub(1));
                if matches!(
                    p,
                    "a" | "one" | "per" | "split" | "every" | "each" | "to" | "i" | "we" | "half"
                ) || self.kind(i.wrapping_sub(1)) == Some(TokenKind::Number)
                {
                    return None;
                }
            }
            return Some(M::new(i, i + 1, EntityLabel::Ordinal));
        }
        let d = self.digits(i, 0)?;
        if d.end == i + 1 && d.plain && lex::ordinal_suffix(&d.rest.to_ascii_lowercase()) {
            return Some(M::new(i, i + 1, EntityLabel::Ordinal));
        }
        None
    }

    /// PERCENT: "25%", "25 percent", "25 per cent", "20-25%", "5 percentage points".
    pub(super) fn percent(&self, i: usize) -> Option<M> {
        let n = self.num(i, 0)?;
        if !n.rest.is_empty() {
            return None;
        }
        let mut e = n.end;
        // Ranges: "20-25%", "20 to 25 percent".
        if self.range_joiner(e)
            && let Some(n2) = self.num(e + 1, 0)
            && let Some(pe) = self.percent_sign(n2.end)
            && self.range_ok(i, n.end, e + 1, n2.end)
        {
            return Some(M::new(i, pe, EntityLabel::Percent));
        }
        // "20%-25%"
        e = self.percent_sign(e)?;
        if self.range_joiner(e)
            && let Some(n2) = self.num(e + 1, 0)
            && let Some(pe) = self.percent_sign(n2.end)
        {
            return Some(M::new(i, pe, EntityLabel::Percent));
        }
        Some(M::new(i, e, EntityLabel::Percent))
    }

    /// The end of a percent sign or word at `j`.
    fn percent_sign(&self, j: usize) -> Option<usize> {
        match self.l(j) {
            "%" | "percent" | "pct" => {
                let e = j + 1;
                if self.l(e) == "points" {
                    Some(e + 1)
                } else {
                    Some(e)
                }
            }
            "per" if self.l(j + 1) == "cent" => Some(j + 2),
            "percentage" if self.l(j + 1) == "points" || self.l(j + 1) == "point" => Some(j + 2),
            _ if self.t(j) == "％" => Some(j + 1),
            _ => None,
        }
    }

    /// TIME: clock times ("5:58 PM IST", "10 a.m.", "noon"), parts of a day with a day
    /// ("this morning", "Monday night"), and durations under a day ("two hours").
    pub(super) fn time(&self, i: usize) -> Option<M> {
        let w = self.l(i);
        if matches!(w, "noon" | "midnight" | "midday") {
            return Some(M::new(i, i + 1, EntityLabel::Time));
        }
        // "Monday night", "Tuesday morning": TIME in OntoNotes (and not a DATE in news corpora).
        let weekday =
            lex::weekday_of(self.word(i)).is_some_and(|(_, pl, full)| full && !pl) && self.cap(i);
        if weekday && self.is(i + 1, lex::DAY_PART) {
            return Some(M::new(i, i + 2, EntityLabel::Time));
        }
        if self.opts.relative {
            if w == "tonight" || w == "overnight" {
                return Some(M::new(i, i + 1, EntityLabel::Time));
            }
            // "this morning", "yesterday afternoon", "last night", "late Sunday night".
            if matches!(w, "early" | "late") {
                let n = self.l(i + 1);
                let ok = lex::weekday_of(self.word(i + 1)).is_some_and(|(_, pl, full)| full && !pl)
                    || matches!(n, "yesterday" | "tomorrow" | "last" | "this");
                if ok && self.is(i + 2, lex::DAY_PART) {
                    return Some(M::new(i, i + 3, EntityLabel::Time));
                }
            }
            let dayish = matches!(w, "this" | "yesterday" | "tomorrow" | "last" | "that");
            if dayish && self.is(i + 1, lex::DAY_PART) {
                if w == "last" && self.l(i + 1) != "night" {
                    return None;
                }
                return Some(M::new(i, i + 2, EntityLabel::Time));
            }
        }
        // Military time: "2008 hours", "0600 hrs".
        if self.kind(i) == Some(TokenKind::Number)
            && matches!(self.l(i + 1), "hours" | "hrs")
            && w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && w[..2].parse::<u32>().is_ok_and(|h| h < 24)
            && w[2..].parse::<u32>().is_ok_and(|m| m < 60)
        {
            return Some(M::new(i, i + 2, EntityLabel::Time));
        }
        // Clock times: "5:58", "10 a.m.", "10am", "10.30 pm".
        let tok = self.t(i);
        let clock = self.kind(i) == Some(TokenKind::Number) && tok.contains(':') && clock_ok(tok);
        let mut e;
        if clock {
            e = i + 1;
        } else if let Some(d) = self.digits(i, 0) {
            if d.int_len > 2 {
                return None;
            }
            if !d.rest.is_empty() {
                let r = d.rest.to_ascii_lowercase();
                if !matches!(
                    r.as_str(),
                    "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m" | "hrs" | "h"
                ) {
                    return None;
                }
                e = d.end;
            } else {
                e = d.end;
                if !self.am_pm(e) {
                    // Durations: "two hours" handled below for words; digits too.
                    return self.duration_time(i);
                }
            }
        } else {
            return self.duration_time(i);
        }
        if self.am_pm(e) {
            e += 1;
            // "a.m" "." split at sentence end is fine: the tokenizer keeps "a.m." whole.
        }
        if self.is_as_written(e, lex::TIME_ZONE) {
            e += 1;
        } else if self.l(e) == "local" && self.l(e + 1) == "time" {
            e += 2;
        }
        // Ranges: "10 a.m. to 4 p.m.", "9:00-17:00".
        Some(M::new(i, e, EntityLabel::Time))
    }

    fn am_pm(&self, j: usize) -> bool {
        matches!(self.l(j), "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m")
    }

    /// "two hours", "30 minutes" (TIME in OntoNotes), only with relative expressions on.
    fn duration_time(&self, i: usize) -> Option<M> {
        let n = self.num(i, 0)?;
        // "nine o'clock", "10 o’clock".
        let oclock = self.t(n.end);
        if n.rest.is_empty()
            && (oclock.eq_ignore_ascii_case("o'clock") || oclock.eq_ignore_ascii_case("o’clock"))
        {
            return Some(M::new(i, n.end + 1, EntityLabel::Time));
        }
        if !self.opts.relative {
            return None;
        }
        if n.rest.is_empty() && self.is(n.end, lex::TIME_UNIT) && self.l(n.end) != "second" {
            return Some(M::new(i, n.end + 1, EntityLabel::Time));
        }
        None
    }
}

/// True for "H:MM" or "HH:MM(:SS)" with sensible values.
fn clock_ok(t: &str) -> bool {
    let mut parts = t.split(':');
    let h = parts.next().and_then(|p| p.parse::<u32>().ok());
    let m = parts.next();
    match (h, m) {
        (Some(h), Some(m)) => h <= 24 && m.len() == 2 && m.parse::<u32>().is_ok_and(|m| m < 60),
        _ => false,
    }
}

/// The value of `digits` (ASCII digits with at most one `.`), as `str::parse::<f64>` gives it
/// whenever the digits (without the dot) form an integer below 2^53 with at most 22 after the
/// dot: then `m / 10^e` divides two exact doubles, which IEEE rounds correctly (Clinger's fast
/// path). Longer numbers get a close approximation. Not using `parse` keeps the float parser's
/// 10 KB of tables out of the page's wasm.
fn decimal(digits: &[u8]) -> f64 {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (mut m, mut approx, mut frac, mut dot) = (0u64, 0f64, 0usize, false);
    for &c in digits {
        if c == b'.' {
            dot = true;
            continue;
        }
        let d = u64::from(c.wrapping_sub(b'0'));
        if d > 9 {
            return f64::NAN;
        }
        m = m.saturating_mul(10).saturating_add(d);
        approx = approx * 10.0 + d as f64;
        frac += usize::from(dot);
    }
    if m < 1 << 53 && frac < POW10.len() {
        m as f64 / POW10[frac]
    } else {
        approx / 10f64.powi(frac.min(400) as i32)
    }
}

#[cfg(test)]
mod decimal_tests {
    use super::decimal;
    use proptest::prelude::*;

    #[test]
    fn matches_the_float_parser() {
        for s in [
            "0",
            "7",
            "2024",
            "4.5",
            "0.1",
            "1.50",
            "007",
            "31.000",
            "3.14159",
            "5.",
            "1234567.891",
            "9007199254740991",
            "0.0000000000000000000001",
        ] {
            assert_eq!(decimal(s.as_bytes()), s.parse::<f64>().unwrap(), "{s}");
        }
    }

    proptest! {
        #[test]
        fn fast_path_is_exact(int in "[0-9]{1,8}", frac in proptest::option::of("[0-9]{0,7}")) {
            let s = match frac { Some(f) => format!("{int}.{f}"), None => int };
            prop_assert_eq!(decimal(s.as_bytes()), s.parse::<f64>().unwrap());
        }
    }
}
