//! DATE: calendar dates, months, weekdays, years and ranges of them, decades, centuries,
//! holidays; with [`super::Options::relative`], also relative dates, durations and ages.

use super::lex;
use super::numbers::Kind;
use super::{Cx, M};
use crate::label::EntityLabel;
use crate::text::token::TokenKind;

impl<'d, 'a> Cx<'d, 'a> {
    /// The longest DATE starting at token `i`.
    pub(super) fn date(&self, i: usize) -> Option<M> {
        let mut best: Option<usize> = None;
        let mut take = |e: Option<usize>| {
            if let Some(e) = e
                && best.is_none_or(|b| e > b)
            {
                best = Some(e);
            }
        };
        take(self.weekday_date(i));
        take(self.month_date(i));
        take(self.day_month(i));
        take(self.numeric_date(i));
        take(self.year_range(i));
        take(self.century(i));
        take(self.holiday(i));
        take(self.quarter(i));
        if self.opts.relative {
            take(self.relative(i));
        }
        // "the 20th of July (2022)": OntoNotes keeps the article; news corpora leave it out.
        if self.opts.relative
            && self.l(i) == "the"
            && self.digits(i + 1, 0).is_some_and(|d| {
                d.end == i + 2 && lex::ordinal_suffix(&d.rest.to_ascii_lowercase())
            })
            && self.l(i + 2) == "of"
            && let Some(e) = self.day_month(i + 1)
        {
            take(Some(e));
        }
        // "mid-2014", "mid-February": news style marks the date without "mid-".
        if !self.opts.relative
            && let Some(rest) = self.l(i).strip_prefix("mid-")
            && best.is_none()
            && self.kind(i) == Some(TokenKind::Word)
        {
            let year = rest.len() == 4
                && rest.bytes().all(|b| b.is_ascii_digit())
                && rest.starts_with(['1', '2']);
            let month = lex::month(rest).is_some_and(|(_, full)| full);
            if year || month {
                let mut m = M::new(i, i + 1, EntityLabel::Date);
                m.lead = 4;
                return Some(m);
            }
        }
        if let Some((e, cut, lead)) = self.decade(i)
            && best.is_none_or(|b| e > b)
        {
            let mut m = M::new(i, e, EntityLabel::Date);
            m.cut = cut;
            m.lead = lead;
            return Some(m);
        }
        let e = best?;
        Some(M::new(i, e, EntityLabel::Date))
    }

    /// A month name at `i` (capitalised): (month, full name).
    fn month_at(&self, i: usize) -> Option<(u8, bool)> {
        if !self.cap(i) {
            return None;
        }
        lex::month_of(self.word(i))
    }

    /// A day of the month at `i`: "9", "09", "9th", "21st". Returns its end.
    fn day_at(&self, i: usize) -> Option<usize> {
        let d = self.digits(i, 0)?;
        if !d.plain || d.int_len > 2 || !(1.0..=31.0).contains(&d.value) {
            return None;
        }
        if d.rest.is_empty() || lex::ordinal_suffix(&d.rest.to_ascii_lowercase()) {
            // "9" glued to a following letter-word is something else.
            return Some(d.end);
        }
        None
    }

    /// A four-digit year at `i` (1000–2100). Returns its end.
    fn year_at(&self, i: usize) -> Option<usize> {
        let d = self.digits(i, 0)?;
        if d.plain && d.int_len == 4 && d.rest.is_empty() && (1000.0..=2100.0).contains(&d.value) {
            Some(d.end)
        } else {
            None
        }
    }

    /// Optional ", 2017" / " 2017" / " of 2017" after a month or day; returns the new end.
    fn opt_year(&self, e: usize) -> usize {
        let k = if matches!(self.t(e), "," | "of") {
            e + 1
        } else {
            e
        };
        match self.year_at(k) {
            Some(y) if !self.followed_by_count_noun(y) => y,
            _ => e,
        }
    }

    /// Weekday, optionally with a date: "Tuesday", "Monday, February 14, 2022", "Friday 22
    /// July", "Sundays".
    fn weekday_date(&self, i: usize) -> Option<usize> {
        let (_, plural, full) = lex::weekday_of(self.word(i))?;
        if !self.cap(i) {
            return None;
        }
        let mut e = i + 1;
        let k = if self.t(e) == "," { e + 1 } else { e };
        let k = if self.l(k) == "the" && self.day_at(k + 1).is_some() {
            k + 1
        } else {
            k
        };
        if !plural {
            if let Some(x) = self
                .month_date_inner(k, true)
                .or_else(|| self.day_month(k))
                .or_else(|| self.numeric_date(k))
            {
                e = x;
            } else if !full {
                return None;
            }
        }
        Some(e)
    }

    /// Month-first dates: "March 9, 2017", "Mar 09 2017", "Sept. 11", "March 2017",
    /// "July 15 to 24", "December to April", "March".
    fn month_date(&self, i: usize) -> Option<usize> {
        self.month_date_inner(i, false)
    }

    fn month_date_inner(&self, i: usize, after_weekday: bool) -> Option<usize> {
        let (m, full) = self.month_at(i)?;
        let j = i + 1;
        let mut e;
        // "May 2 people" is a count; "Nov. 5 tours" is a date.
        let ambiguous = m == 3 || m == 5;
        if let Some(d) = self.day_at(j).filter(|&d| !(ambiguous && self.is_count(d))) {
            e = d;
            // Day ranges: "July 15 to 24", "Feb. 24-25", "September 26 and 27".
            let slash = self.t(e) == "/" && self.glued(e) && self.glued(e + 1);
            if (self.range_joiner(e) || slash || matches!(self.l(e), "and" | "or" | "&"))
                && self.day_at(e + 1).is_some()
                && self.month_at(e + 2).is_none()
            {
                e = self.day_at(e + 1).unwrap_or(e);
            } else if (self.dash(e) || self.opts.relative && self.range_joiner(e))
                && self.month_at(e + 1).is_some()
            {
                // "January 31-February 6"; "July 31 to August 4" in OntoNotes style (news
                // corpora mark two dates)
                if let Some(d2) = self.day_at(e + 2) {
                    e = d2;
                }
            }
            e = self.opt_year(e);
            return Some(e);
        }
        let y = self.opt_year(j);
        if y > j {
            e = y;
        } else {
            // The month alone.
            if !full && !after_weekday {
                return None;
            }
            if !self.month_alone_ok(i, m) {
                return None;
            }
            e = j;
        }
        // Month ranges: "December to April", "July 2021 to December 2021", "January and
        // December 2021".
        if (self.range_joiner(e) || self.l(e) == "and")
            && let Some((_, f2)) = self.month_at(e + 1)
            && (f2 || self.day_at(e + 2).is_some() || self.year_at(e + 2).is_some())
        {
            let inner = self.month_date_inner(e + 1, true).unwrap_or(e + 2);
            let has_year = inner > e + 2;
            // News corpora join "December to April" but mark "July 2014 to August 2015" and
            // "January and June 2022" as two dates; OntoNotes makes each one DATE.
            let join = if self.opts.relative {
                self.l(e) != "and" || has_year
            } else {
                self.l(e) != "and" && e == j && !has_year
            };
            if join {
                e = inner;
            }
        }
        Some(e)
    }

    /// True when a full month name standing alone at `i` is a month (not "May" the verb or
    /// name, "March" the protest, "June" the person).
    fn month_alone_ok(&self, i: usize, m: u8) -> bool {
        let prev = self.l(i.wrapping_sub(1));
        let next = self.t(i + 1);
        let prev_cue = matches!(
            prev,
            "in" | "since"
                | "from"
                | "until"
                | "till"
                | "by"
                | "of"
                | "last"
                | "next"
                | "this"
                | "early"
                | "late"
                | "mid"
                | "mid-"
                | "end"
                | "during"
                | "on"
                | "between"
                | "and"
                | "to"
                | "through"
                | "before"
                | "after"
                | "for"
                | "throughout"
                | "each"
                | "every"
                | "in-"
                | "or"
                | "as"
                | "that"
                | "around"
                | "earlier"
                | "later"
                | "coming"
                | "past"
                | "starting"
                | "beginning"
                | "ending"
                | "late-"
                | "early-"
        );
        let next_word_cap = self.kind(i + 1) == Some(TokenKind::Word)
            && self.cap(i + 1)
            && !self.is(i + 1, lex::MONTH | lex::WEEKDAY);
        // A capitalised word after it makes a name ("June Carter", "March Madness").
        if next_word_cap && !prev_cue {
            return false;
        }
        // After a title or a first-name-like context it is a name.
        if matches!(prev, "ms." | "mrs." | "miss" | "dr." | "mr.") {
            return false;
        }
        if m == 5 || m == 3 {
            // "May" and "March" need a cue: a preposition before, or a range / year after.
            if prev_cue && !(m == 5 && prev == "that") {
                return true;
            }
            let nl = self.l(i + 1);
            if matches!(nl, "to" | "-" | "–" | "through" | "and") && self.month_at(i + 2).is_some()
            {
                return true;
            }
            // Mid-sentence after a lower-case word ("the May riot", "its March report", "is
            // still May,"): the modal verb is capitalised only at a sentence start, and a
            // surname follows a capitalised first name or title ("Theresa May").
            let sentence_start = i == self.lo
                || self.toks[i].newline_before
                || matches!(
                    self.t(i - 1),
                    "." | "!" | "?" | ":" | "\"" | "“" | "'" | "‘"
                );
            let prev_lower = self.kind(i.wrapping_sub(1)) == Some(TokenKind::Word)
                && self.t(i - 1).chars().next().is_some_and(char::is_lowercase);
            let prev_comma = matches!(self.t(i.wrapping_sub(1)), "," | "(");
            let next_ok =
                !next_word_cap && !matches!(nl, "i" | "we" | "you" | "he" | "she" | "they");
            return !sentence_start && (prev_lower || prev_comma) && next_ok;
        }
        // Sentence-initial "April", "August", "June" with a lower-case verb after may be a name;
        // accept: month names are far more common.
        let _ = next;
        true
    }

    /// Day-first dates: "9 March 2017", "25 March", "11th August", "21st of March", "4 and 11
    /// May", "11-31 July", "29th & 30th December 2022".
    pub(super) fn day_month(&self, i: usize) -> Option<usize> {
        let d = self.day_at(i)?;
        let mut j = d;
        // "4 and 11 May", "11-31 July"
        if (self.dash(j) || matches!(self.l(j), "and" | "&" | "to" | "or"))
            && self.month_at(j + 1).is_none()
            && let Some(d2) = self.day_at(j + 1)
            && (self.month_at(d2).is_some()
                || (self.l(d2) == "of" && self.month_at(d2 + 1).is_some()))
        {
            j = d2;
        }
        if self.l(j) == "of" {
            j += 1;
        }
        let (_, _full) = self.month_at(j)?;
        let mut e = self.opt_year(j + 1);
        // "25 March - 2 April"; with words ("25 March to 2 April") only in OntoNotes style:
        // news corpora mark the two dates.
        if (self.dash(e) || self.opts.relative && self.range_joiner(e))
            && let Some(e2) = self.day_at(e + 1)
        {
            let k = if self.l(e2) == "of" { e2 + 1 } else { e2 };
            if self.month_at(k).is_some() {
                e = self.opt_year(k + 1);
            }
        }
        Some(e)
    }

    /// All-number dates: "2017-03-09", "09/03/2017", "27.08.2022", "6-1-2020", "9/11".
    fn numeric_date(&self, i: usize) -> Option<usize> {
        let t = self.t(i);
        if self.kind(i)? != TokenKind::Number {
            return None;
        }
        // One token with two dots: "27.08.2022".
        if t.bytes().filter(|&b| b == b'.').count() == 2 {
            let mut p = t.split('.');
            let (a, b, c) = (p.next()?, p.next()?, p.next()?);
            if dmy_ok(a, b, c) {
                return Some(i + 1);
            }
            return None;
        }
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let sep = self.t(i + 1);
        if !matches!(sep, "/" | "-" | ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let b = self.t(i + 2);
        if self.kind(i + 2) != Some(TokenKind::Number) || !b.bytes().all(|x| x.is_ascii_digit()) {
            return None;
        }
        if self.t(i + 3) == sep && self.glued(i + 3) && self.glued(i + 4) {
            let c = self.t(i + 4);
            if self.kind(i + 4) == Some(TokenKind::Number)
                && c.bytes().all(|x| x.is_ascii_digit())
                && (dmy_ok(t, b, c) || ymd_ok(t, b, c))
            {
                return Some(i + 5);
            }
            return None;
        }
        if sep == "/" && t == "9" && b == "11" {
            return Some(i + 3);
        }
        None
    }

    /// Years and year ranges: "2016", "2013 to 2016", "2013-2016", "2022-23", "2021/22",
    /// "1543-4"; with era: "500 BC".
    fn year_range(&self, i: usize) -> Option<usize> {
        let e = self.year_at(i)?;
        let d = self.digits(i, 0)?;
        let v = d.value;
        let prev = self.l(i.wrapping_sub(1));
        // Range first: it is good evidence.
        let j = e;
        if (self.dash(j) || self.t(j) == "/")
            && self.glued(j)
            && self.glued(j + 1)
            && let Some(d2) = self.digits(j + 1, 0)
            && d2.plain
            && d2.rest.is_empty()
        {
            let ok = match d2.int_len {
                4 => (1000.0..=2100.0).contains(&d2.value),
                1 | 2 => true,
                _ => false,
            };
            if ok && !self.followed_by_count_noun(d2.end) {
                return Some(d2.end);
            }
        }
        // "2013 to 2016": one DATE in OntoNotes; news corpora mark the two years.
        let spaced_dash = self.dash(j) && !self.glued(j);
        if (spaced_dash || self.opts.relative && self.range_joiner(j))
            && let Some(e2) = self.year_at(j + 1)
        {
            return Some(e2);
        }
        // "2000 people" counts; "the 2019 elections", "since 2016 of" are years.
        let det = matches!(
            prev,
            "the" | "its" | "their" | "his" | "her" | "our" | "this" | "that" | "'s"
        ) || self.t(i.wrapping_sub(1)) == "’s";
        // Round numbers ("2000 people", "1500 soldiers") are counts; "2020 wildfires" and
        // "1991 reforms" are years.
        let round = v % 50.0 == 0.0 || !(1900.0..=2100.0).contains(&v);
        let unit_after =
            self.is(e, lex::UNIT | lex::CURRENCY_NAME | lex::SCALE) || self.l(e) == "%";
        if !det
            && (round || unit_after || !self.plural_noun(e))
            && self.followed_by_count_noun(e)
            && !(self.l(e) == "of" && lex::year_cue(prev) && prev != "of")
        {
            return None;
        }
        // Not a year after a currency sign, "No.", "#", or inside a bigger number.
        if self.kind(i.wrapping_sub(1)) == Some(TokenKind::Symbol) && self.glued(i) {
            return None;
        }
        if matches!(
            prev,
            "no."
                | "no"
                | "#"
                | "number"
                | "nos."
                | "page"
                | "p."
                | "flight"
                | "room"
                | "route"
                | "model"
                | "pin"
                | "code"
        ) {
            return None;
        }
        if self.glued(i) && self.kind(i.wrapping_sub(1)) == Some(TokenKind::Word) {
            return None;
        }
        // Reference numbers: "FIR 21/2022", "Law No. 15/1972".
        if self.glued(i)
            && self.t(i - 1) == "/"
            && self.glued(i - 1)
            && self.kind(i.wrapping_sub(2)) == Some(TokenKind::Number)
        {
            return None;
        }
        // "2008 hours" is a clock time.
        if matches!(self.l(e), "hours" | "hrs" | "hour") {
            return None;
        }
        // A year after a capitalised content word belongs to a name: "Vision 2030", "the
        // Companies Act 2013", "Paris 2024". The name recogniser marks those.
        if self.name_before(i) {
            return None;
        }
        let era = matches!(self.t(e), "BC" | "AD" | "BCE" | "CE" | "B.C." | "A.D.");
        if era {
            return Some(e + 1);
        }
        if (1900.0..=2100.0).contains(&v) {
            return Some(e);
        }
        if lex::year_cue(prev) || self.t(e) == ")" {
            return Some(e);
        }
        None
    }

    /// True when token `e` is a plural common noun (or unit) that makes the number before it
    /// a count: "2000 people", "1500 soldiers".
    fn followed_by_count_noun(&self, e: usize) -> bool {
        let w = self.l(e);
        if w.is_empty() || self.cap(e) {
            return false;
        }
        if self.is(e, lex::UNIT | lex::CURRENCY_NAME | lex::SCALE) {
            return true;
        }
        if matches!(
            w,
            "%" | "percent"
                | "per"
                | "times"
                | "more"
                | "new"
                | "other"
                | "of"
                | "people"
                | "children"
                | "men"
                | "women"
                | "police"
                | "staff"
                | "personnel"
                | "troops"
                | "cattle"
                | "youth"
                | "feet"
        ) {
            return true;
        }
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
    }

    /// True when token `e` looks like a plural common noun ("wildfires", "elections").
    fn plural_noun(&self, e: usize) -> bool {
        let w = self.l(e);
        !self.cap(e)
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && w.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// True when the number ending at `e` is a count of something ("9 people").
    fn is_count(&self, e: usize) -> bool {
        let w = self.l(e);
        !w.is_empty()
            && !self.cap(e)
            && self.kind(e) == Some(TokenKind::Word)
            && w.ends_with('s')
            && w.len() > 3
            && !matches!(w, "this" | "was" | "is" | "has" | "as")
    }

    /// Decades: "1990s", "'90s", "mid-1990s", "nineties"; with relative, "the 1990s" and "his
    /// 60s". Returns (end, code points to leave off the end, code points to leave off the start):
    /// news style marks only the year of a decade ("1970" of "1970s").
    fn decade(&self, i: usize) -> Option<(usize, usize, usize)> {
        if self.opts.relative && self.l(i) == "the" {
            let k = if matches!(self.l(i + 1), "early" | "late" | "mid") {
                i + 2
            } else {
                i + 1
            };
            return self.decade_core(k).map(|(e, _, _)| (e, 0, 0));
        }
        self.decade_core(i)
    }

    fn decade_core(&self, i: usize) -> Option<(usize, usize, usize)> {
        if self.is(i, lex::DECADE) {
            return Some((i + 1, 0, 0));
        }
        // "'90s": a quote glued to the number.
        let (k, quoted) = if self.kind(i) == Some(TokenKind::Quote) && self.glued(i + 1) {
            (i + 1, true)
        } else {
            (i, false)
        };
        let whole = self.l(k);
        let w = whole.strip_prefix("mid-").unwrap_or(whole);
        let lead = whole.len() - w.len();
        if lead > 0 && quoted {
            return None;
        }
        let core = w.strip_suffix("'s").or_else(|| w.strip_suffix('s'))?;
        if !core.bytes().all(|b| b.is_ascii_digit()) || !core.ends_with('0') {
            return None;
        }
        let cut = w.len() - core.len();
        let ok = core.len() == 4 || (core.len() == 2 && (quoted || self.opts.relative));
        if !ok {
            return None;
        }
        if self.opts.relative {
            Some((k + 1, 0, 0))
        } else {
            Some((k + 1, cut, lead))
        }
    }

    /// Centuries: "19th century", "the twentieth century" (with relative), "21st-century".
    fn century(&self, i: usize) -> Option<usize> {
        // News corpora leave centuries unmarked; OntoNotes marks them.
        if !self.opts.relative {
            return None;
        }
        let k = if self.opts.relative && self.l(i) == "the" {
            i + 1
        } else {
            i
        };
        let w = self.l(k);
        let ord = lex::ordinal_word(w).is_some()
            || self.digits(k, 0).is_some_and(|d| {
                d.end == k + 1 && lex::ordinal_suffix(&d.rest.to_ascii_lowercase())
            });
        if !ord {
            return None;
        }
        if matches!(self.l(k + 1), "century" | "centuries") {
            let e = k + 2;
            if matches!(self.t(e), "BC" | "AD" | "BCE" | "CE" | "B.C." | "A.D.") {
                return Some(e + 1);
            }
            return Some(e);
        }
        None
    }

    /// Holidays: "Christmas Eve", "Eid al-Adha", "Ramadan".
    fn holiday(&self, i: usize) -> Option<usize> {
        let first = self.t(i);
        if !self.cap(i) {
            return None;
        }
        for &(h, core) in lex::HOLIDAYS {
            if !core && !self.opts.relative || !h[0].eq_ignore_ascii_case(first) {
                continue;
            }
            let ok = h
                .iter()
                .enumerate()
                .all(|(n, w)| self.t(i + n).eq_ignore_ascii_case(w));
            if ok {
                return Some(i + h.len());
            }
        }
        None
    }

    /// Quarters and fiscal years: "Q3 2022", "3Q2022", "FY2022", "fiscal 2018"; with relative:
    /// "the first quarter (of 2022)", "the first half of the year".
    fn quarter(&self, i: usize) -> Option<usize> {
        let t = self.t(i);
        // "Q3", "Q3 2022", "3Q2022", "3Q22", "H1", "FY2022", "FY22", "FY 2021-22".
        let b = t.as_bytes();
        let qword = (b.len() == 2 && matches!(b[0], b'Q' | b'H') && b[1].is_ascii_digit())
            || (b.len() >= 4
                && b[0].is_ascii_digit()
                && b[1] == b'Q'
                && b[2..].iter().all(u8::is_ascii_digit));
        // "FY2022", "FY22", "FY2021-22".
        let fy = t.starts_with("FY") && t.len() > 2 && {
            let (y, tail) = t[2..].split_once('-').unwrap_or((&t[2..], "00"));
            y.bytes().all(|x| x.is_ascii_digit())
                && (tail.len() == 2 || tail.len() == 4)
                && tail.bytes().all(|x| x.is_ascii_digit())
        };
        if qword || fy {
            let e = i + 1;
            if let Some(y) = self.year_at(e) {
                return Some(y);
            }
            // "Q4" alone needs a cue ("in Q4", "the Q3 results"), not "Q4: Would you…".
            let p = self.l(i.wrapping_sub(1));
            let cue = lex::year_cue(p) || lex::function_word(p);
            let with_year = t.len() >= 5;
            return (fy || with_year || (cue && self.t(e) != ":")).then_some(e);
        }
        if t == "FY" {
            return self.year_range(i + 1);
        }
        if self.l(i) == "fiscal" && self.opts.relative {
            let k = if self.l(i + 1) == "year" {
                i + 2
            } else {
                i + 1
            };
            if let Some(y) = self.year_range(k) {
                return Some(y);
            }
            if let Some(d) = self.digits(k, 0)
                && d.plain
                && d.int_len == 2
                && d.rest.is_empty()
            {
                return Some(d.end);
            }
            return None;
        }
        if !self.opts.relative {
            return None;
        }
        let k = if self.l(i) == "the" { i + 1 } else { i };
        let part = self.l(k);
        if lex::ordinal_word(part).is_some()
            || matches!(
                part,
                "last" | "final" | "latest" | "current" | "previous" | "next" | "same"
            )
        {
            let unit = self.l(k + 1);
            if matches!(unit, "quarter" | "half") && k > i || matches!(unit, "quarter") {
                let mut e = k + 2;
                if self.l(e) == "of" {
                    if let Some(y) = self.year_range(e + 1) {
                        e = y;
                    } else if matches!(self.l(e + 1), "this" | "last" | "next" | "the")
                        && matches!(self.l(e + 2), "year" | "fiscal")
                    {
                        e = if self.l(e + 3) == "year" {
                            e + 4
                        } else {
                            e + 3
                        };
                    }
                }
                return Some(e);
            }
        }
        None
    }

    /// Relative dates and durations (OntoNotes): "yesterday", "today", "last week", "this
    /// year", "recent years", "the past decade", "two years ago", "three months", "42-year-old",
    /// "early 2021", "the end of March", "last Monday".
    fn relative(&self, i: usize) -> Option<usize> {
        let w = self.l(i);
        match w {
            "yesterday" | "tomorrow" => return Some(i + 1),
            "today" => {
                // "today's" is still a date; "today" as a noun ("the world of today") too.
                return Some(i + 1);
            }
            "now" => return None,
            _ => {}
        }
        // Modifier + date: "early 2021", "late March", "mid-2020", "mid-March".
        if matches!(w, "early" | "late" | "mid" | "mid-") {
            let k = if w == "mid" && self.dash(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some(e) = self.month_date(k).or_else(|| self.year_at(k)) {
                return Some(e);
            }
            if matches!(self.l(k), "this" | "last" | "next") && self.l(k + 1) == "year" {
                return Some(k + 2);
            }
        }
        if let Some(rest) = w.strip_prefix("mid-") {
            if rest.bytes().all(|b| b.is_ascii_digit()) && rest.len() == 4 {
                return Some(i + 1);
            }
            if lex::month(rest).is_some() {
                return Some(i + 1);
            }
        }
        // "earlier this year", "later this month"
        if matches!(w, "earlier" | "later")
            && matches!(self.l(i + 1), "this" | "last" | "next")
            && self.is(i + 2, lex::DATE_UNIT)
        {
            return Some(i + 3);
        }
        // "the end of March", "the beginning of 2020", "the middle of next year".
        if w == "the"
            && matches!(
                self.l(i + 1),
                "end" | "beginning" | "start" | "middle" | "turn"
            )
            && self.l(i + 2) == "of"
        {
            let k = i + 3;
            if let Some(e) = self
                .month_date(k)
                .or_else(|| self.year_range(k))
                .or_else(|| self.relative_core(k))
            {
                return Some(e);
            }
            if self.l(k) == "the"
                && matches!(
                    self.l(k + 1),
                    "year" | "month" | "week" | "decade" | "century"
                )
            {
                return Some(k + 2);
            }
        }
        // "the 1990s" handled by decade; "the past decade", "the last two years".
        if w == "the" {
            if let Some(e) = self.relative_core(i + 1)
                && matches!(
                    self.l(i + 1),
                    "past"
                        | "last"
                        | "next"
                        | "coming"
                        | "previous"
                        | "following"
                        | "same"
                        | "first"
                        | "final"
                        | "recent"
                )
            {
                return Some(e);
            }
            return None;
        }
        self.relative_core(i)
    }

    fn relative_core(&self, i: usize) -> Option<usize> {
        let w = self.l(i);
        // "this|last|next|past|coming year", "last Monday", "next March".
        if matches!(
            w,
            "this"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "following"
                | "current"
                | "same"
                | "that"
                | "recent"
                | "first"
                | "final"
                | "upcoming"
        ) {
            let k = i + 1;
            let u = self.l(k);
            if matches!(
                w,
                "this"
                    | "last"
                    | "next"
                    | "past"
                    | "coming"
                    | "previous"
                    | "following"
                    | "current"
                    | "same"
            ) && (lex::date_unit(u) && !u.ends_with('s') || lex::season(u))
            {
                return Some(k + 1);
            }
            if matches!(w, "last" | "next" | "this" | "coming" | "past")
                && self.cap(k)
                && (lex::weekday(u).is_some_and(|(_, pl, f)| f && !pl)
                    || lex::month(u).is_some_and(|(_, f)| f))
            {
                return Some(k + 1);
            }
            // "past few years", "last two decades", "recent years", "next several months".
            let mut j = k;
            if matches!(self.l(j), "few" | "several" | "many") {
                j += 1;
            } else if self.l(j) == "couple" && self.l(j + 1) == "of" {
                j += 2;
            } else if let Some(n) = self.num(j, 0)
                && n.rest.is_empty()
                && n.kind != Kind::Vague
            {
                j = n.end;
            }
            let u = self.l(j);
            if lex::date_unit(u)
                && (u.ends_with('s') || u == "century")
                && matches!(
                    w,
                    "past"
                        | "last"
                        | "next"
                        | "coming"
                        | "recent"
                        | "previous"
                        | "following"
                        | "first"
                        | "final"
                )
            {
                return Some(j + 1);
            }
            return None;
        }
        // One hyphenated word: "one-year-old", "five-year", "six-month-old".
        if let Some((num, unit)) = w.split_once('-') {
            let unit = unit.strip_suffix("-old").unwrap_or(unit);
            let counted = lex::small_number(num).is_some()
                || (!num.is_empty() && num.bytes().all(|b| b.is_ascii_digit()));
            if counted && lex::date_unit(unit) && !unit.ends_with('s') {
                return Some(i + 1);
            }
        }
        // "two years ago", "three months", "a decade", "decades", "42-year-old".
        let article = matches!(w, "a" | "an") && self.is(i + 1, lex::DATE_UNIT);
        let few = matches!(w, "several" | "few" | "many")
            && self.is(i + 1, lex::DATE_UNIT)
            && self.l(i + 1).ends_with('s');
        let (j, counted) = if article || few {
            (i + 1, true)
        } else if let Some(n) = self.num(i, 0) {
            if !n.rest.is_empty() || n.kind == Kind::Vague || n.scaled {
                return None;
            }
            let mut j = n.end;
            if self.dash(j) && self.glued(j) && self.glued(j + 1) {
                j += 1;
            }
            (j, true)
        } else if matches!(w, "decades" | "centuries") {
            (i, true)
        } else {
            (i, false)
        };
        if !counted {
            return None;
        }
        let u = self.l(j);
        // Ages: "42-year-old", "two-year-old", "42 years old".
        if let Some(age) = u.strip_suffix("-old")
            && lex::date_unit(age)
        {
            return Some(j + 1);
        }
        if lex::date_unit(u) && !matches!(u, "weekend" | "weekends" | "season" | "seasons") {
            let mut e = j + 1;
            if matches!(self.l(e), "ago" | "earlier" | "later" | "old" | "before") {
                e += 1;
            }
            return Some(e);
        }
        None
    }
}

/// Day, month, year (any order of day and month, two- or four-digit year).
fn dmy_ok(a: &str, b: &str, c: &str) -> bool {
    let p = |s: &str| s.parse::<u32>().ok();
    match (p(a), p(b), p(c)) {
        (Some(x), Some(y), Some(_)) => {
            a.len() <= 2
                && b.len() <= 2
                && (c.len() == 4 || c.len() == 2)
                && ((1..=31).contains(&x) && (1..=12).contains(&y)
                    || (1..=12).contains(&x) && (1..=31).contains(&y))
        }
        _ => false,
    }
}

/// Year, month, day: "2017-03-09".
fn ymd_ok(a: &str, b: &str, c: &str) -> bool {
    let p = |s: &str| s.parse::<u32>().ok();
    match (p(a), p(b), p(c)) {
        (Some(y), Some(m), Some(d)) => {
            a.len() == 4
                && (1000..=2100).contains(&y)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
                && b.len() <= 2
                && c.len() <= 2
        }
        _ => false,
    }
}
