//! MONEY and QUANTITY: amounts with a currency or a unit.

use super::lex;
use super::numbers::{Kind, Num};
use super::{Cx, M};
use crate::label::EntityLabel;
use crate::text::token::TokenKind;

impl<'d, 'a> Cx<'d, 'a> {
    /// A currency marker written before an amount, starting at token `i`: "$", "US$", "HK$",
    /// "USD", "Rs", "Rs.", "₹", and codes glued to the digits ("Rs500", "KD200", "GHS22").
    /// Returns (token where the amount starts, code points to skip in that token).
    fn currency_prefix(&self, i: usize) -> Option<(usize, usize)> {
        let t = self.t(i);
        if t.is_empty() {
            return None;
        }
        // "US" "$" glued, "GH" "₵" glued.
        if self.is_as_written(i, lex::DOLLAR_PREFIX)
            && self.glued(i + 1)
            && self.is_as_written(i + 1, lex::CURRENCY_SYMBOL)
        {
            return Some((i + 2, 0));
        }
        if self.is_as_written(i, lex::CURRENCY_SYMBOL) {
            // "US $1.5 billion": the prefix before a space belongs too (handled by caller).
            return Some((i + 1, 0));
        }
        if self.is_as_written(i, lex::CURRENCY_CODE) {
            // "Rs. 500", "Rs.500": the abbreviation's period is a token of its own.
            let weak = self.is_as_written(i, lex::WEAK_CODE);
            if self.t(i + 1) == "." && self.glued(i + 1) && !weak {
                return Some((i + 2, 0));
            }
            if weak && !self.glued(i + 1) {
                return None;
            }
            // "USD" followed by an amount (space or glued).
            return Some((i + 1, 0));
        }
        // Code glued to digits in one token: "Rs500", "KD200", "N7", "QR8", "BND1", "GHS22billion".
        if self.kind(i) == Some(TokenKind::Word) {
            let letters = t
                .char_indices()
                .find(|(_, c)| c.is_ascii_digit())
                .map(|(b, _)| b)?;
            if letters == 0 {
                return None;
            }
            let code = &t[..letters];
            if lex::currency_code(code) || lex::currency_code(code.trim_end_matches('.')) {
                return Some((i, code.chars().count()));
            }
        }
        None
    }

    /// MONEY: "$85 million", "₹2,700", "€3bn", "US$5", "Rs 500 crore", "225 rupees", "5
    /// million yuan", "50 cents", "$12-14 billion", "billions of dollars", "a billion-dollar".
    pub(super) fn money(&self, i: usize) -> Option<M> {
        // "between 2 and 2.2 billion dollars": OntoNotes keeps "between" in the span.
        if self.l(i) == "between"
            && let Some(e) = self.money_suffixed(i + 1)
            && (i + 2..e).any(|k| self.l(k) == "and")
        {
            return Some(M::new(i, e, EntityLabel::Money));
        }
        let mut best = None;
        if let Some(e) = self.money_prefixed(i) {
            best = Some(e);
        }
        if let Some(e) = self.money_suffixed(i)
            && best.is_none_or(|b| e > b)
        {
            best = Some(e);
        }
        best.map(|e| M::new(i, e, EntityLabel::Money))
    }

    fn money_prefixed(&self, i: usize) -> Option<usize> {
        let (k, skip) = self.currency_prefix(i)?;
        let n = self.num_opt(k, skip, true)?;
        if n.kind == Kind::Vague || !n.rest.is_empty() {
            return None;
        }
        let mut e = n.end;
        // Thousands separated by a space: "N$200 000", "Rs 13 500".
        let mut spaced = false;
        if n.kind == Kind::Digits && !n.scaled {
            while self.kind(e) == Some(TokenKind::Number)
                && !self.glued(e)
                && self.t(e).len() == 3
                && self.t(e).bytes().all(|b| b.is_ascii_digit())
                && self.t(e - 1).bytes().all(|b| b.is_ascii_digit())
                && self.t(e - 1).len() <= 3
            {
                e += 1;
                spaced = true;
            }
        }
        // Letters that are also words or initials ("N10" the road, "P81" the aircraft) count
        // only with a scale, separators or a decimal part.
        let code = self.t(i);
        let code = if skip > 0 {
            code.char_indices()
                .nth(skip)
                .map_or(code, |(b, _)| &code[..b])
        } else {
            code
        };
        let letter_code = code.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
        if letter_code && (lex::weak_code(code) || code.len() == 1) {
            let digits = self.slice(crate::span::Span::new(
                self.toks[k].span.start + skip,
                self.toks[n.end - 1].span.end,
            ));
            let plain = digits.bytes().all(|b| b.is_ascii_digit());
            if plain && !n.scaled && !spaced {
                return None;
            }
        }
        // Ranges: "$12-14 billion", "$3.18-$3.81", "Rs 5-10 lakh". "$5 to $15" and "$61.9
        // billion to $63.9 billion" are two amounts.
        if self.range_joiner(e) {
            let mut k2 = e + 1;
            let mut skip2 = 0;
            let glued_dash = self.dash(e) && self.glued(e) && self.glued(e + 1);
            let mut ok = true;
            if let Some((a, s)) = self.currency_prefix(k2) {
                k2 = a;
                skip2 = s;
                ok = glued_dash;
            }
            // "$85 million to 9 victims" is no range: a scaled first amount needs a scaled or
            // marked second one.
            if ok
                && let Some(n2) = self.num_opt(k2, skip2, true)
                && n2.rest.is_empty()
                && n2.kind == Kind::Digits
                && (!n.scaled || n2.scaled || k2 != e + 1)
            {
                e = n2.end;
            }
        }
        // A currency name repeated after the amount: "$300 million US dollars", "$5 pesos".
        if let Some(c) = self.currency_after(e, true) {
            e = c;
        }
        Some(e)
    }

    /// "US" + space + "$5": the "US" joins when written right before the symbol.
    fn money_suffixed(&self, i: usize) -> Option<usize> {
        // "US $2.4 million": prefix word, a space, then a symbol amount.
        if self.is_as_written(i, lex::DOLLAR_PREFIX)
            && !self.glued(i + 1)
            && self.t(i + 1) == "$"
            && self.kind(i + 2).is_some()
        {
            let n = self.num_opt(i + 2, 0, true)?;
            return (n.rest.is_empty() && n.kind != Kind::Vague).then_some(n.end);
        }
        // Compounds in one word: "billion-dollar", "multibillion-dollar", "trillion-dollar".
        let w = self.l(i);
        if let Some(head) = w.strip_suffix("-dollar") {
            let head = head.strip_prefix("multi").unwrap_or(head);
            if lex::scale(head).is_some() || lex::vague_number(head) {
                return Some(i + 1);
            }
        }
        if matches!(w, "a" | "one") {
            let n = self.l(i + 1);
            if let Some(head) = n.strip_suffix("-dollar")
                && lex::scale(head).is_some()
            {
                return Some(i + 2);
            }
        }
        let n = self.num_opt(i, 0, false)?;
        // The amount, then perhaps a range, then the currency name.
        let mut e = n.end;
        let mut scaled = n.scaled;
        if n.kind == Kind::Digits && !n.rest.is_empty() {
            // Glued code after the digits: "6CUP", "1500Rs".
            let r = n.rest;
            if lex::currency_code(r) && !lex::weak_code(r) || r == "CUP" {
                return Some(e);
            }
            if let Some(head) = n.rest.strip_prefix('-') {
                let _ = head;
            }
            return None;
        }
        if (self.range_joiner(e) || (self.l(e) == "and" && self.l(i.wrapping_sub(1)) == "between"))
            && let Some(n2) = self.num_opt(e + 1, 0, false)
            && n2.rest.is_empty()
            && n2.kind == n.kind
            && self.range_ok(i, n.end, e + 1, n2.end)
            && (!n.scaled || n2.scaled)
        {
            e = n2.end;
            scaled |= n2.scaled;
        }
        // "hundreds of thousands of dollars", "billions of dollars", "half a trillion of peso".
        if n.kind == Kind::Vague || self.l(e) == "of" {
            if self.l(e) != "of" {
                return None;
            }
            e += 1;
        }
        // A glued hyphen: "44-baht", "50,000-pound", "336-million-ringgit".
        let mut hyphen = false;
        if self.dash(e) && self.glued(e) && self.glued(e + 1) {
            e += 1;
            hyphen = true;
            if let Some((sc, cur)) = self.l(e).split_once('-')
                && lex::scale(sc).is_some()
                && lex::currency_name(cur)
            {
                return Some(e + 1);
            }
        }
        let c = self.currency_after(e, scaled || hyphen || n.kind == Kind::Vague)?;
        Some(c)
    }

    /// A currency named after an amount, at `j`: "rupees", "U.S. dollars", "Hong Kong
    /// dollars", "Korean won", "Rs". Returns its end.
    fn currency_after(&self, j: usize, scaled: bool) -> Option<usize> {
        let mut k = j;
        let mut country = false;
        // Up to two country words: "Hong Kong", "New Zealand", "U.S.", "US".
        for _ in 0..2 {
            if self.is_as_written(k, lex::CURRENCY_COUNTRY) && self.cap(k) {
                k += 1;
                country = true;
            } else {
                break;
            }
        }
        let w = self.l(k);
        if self.is(k, lex::CURRENCY_NAME) {
            // Weak names ("won", "pound") need a scale or a country word; "Rs" needs case.
            if self.is(k, lex::WEAK_CURRENCY_NAME) && !(scaled || country) {
                // "12 pounds sterling" still counts.
                if !(matches!(w, "pound" | "pounds") && self.l(k + 1) == "sterling") {
                    return None;
                }
            }
            if matches!(w, "usd" | "rs" | "rs." | "cup")
                && !(self.t(k).starts_with(|c: char| c.is_uppercase()))
            {
                return None;
            }
            let mut e = k + 1;
            if matches!(w, "pound" | "pounds") && self.l(e) == "sterling" {
                e += 1;
            }
            return Some(e);
        }
        if !country
            && self.word_as_written(k).is_some_and(|e| {
                e.class & (lex::CURRENCY_CODE | lex::WEAK_CODE) == lex::CURRENCY_CODE
            })
        {
            return Some(k + 1);
        }
        // "HK dollars": "HK" is a dollar prefix.
        if self.is_as_written(k, lex::DOLLAR_PREFIX)
            && matches!(self.l(k + 1), "dollar" | "dollars")
        {
            return Some(k + 2);
        }
        None
    }

    /// QUANTITY: "5 km", "10 tonnes", "30 miles", "10km", "5,000 square metres", "70 km/h".
    pub(super) fn quantity(&self, i: usize) -> Option<M> {
        let n: Num<'a> = self.num(i, 0)?;
        if n.kind == Kind::Vague {
            return None;
        }
        if !n.rest.is_empty() {
            let r = n.rest.to_ascii_lowercase();
            if lex::unit(&r) || matches!(r.as_str(), "m" | "g" | "l") {
                let mut e = n.end;
                e = self.unit_tail(e);
                return Some(M::new(i, e, EntityLabel::Quantity));
            }
            return None;
        }
        let mut e = n.end;
        if self.range_joiner(e)
            && let Some(n2) = self.num(e + 1, 0)
            && n2.rest.is_empty()
            && n2.kind == n.kind
            && self.range_ok(i, n.end, e + 1, n2.end)
        {
            e = n2.end;
        }
        if self.dash(e) && self.glued(e) && self.glued(e + 1) {
            e += 1;
        }
        let w = self.l(e);
        let unit = if matches!(w, "square" | "sq" | "sq." | "cubic" | "nautical") {
            let u = self.l(e + 1);
            self.is(e + 1, lex::UNIT) && !matches!(u, "square" | "cubic" | "sq")
        } else if matches!(w, "pound" | "pounds") {
            // Pounds are money in much of the news; a weight only with "of" or "weighing".
            self.l(e + 1) == "of"
        } else {
            self.is(e, lex::UNIT) && !matches!(w, "square" | "cubic" | "sq" | "nautical")
                || w == "m" && !self.glued(e)
        };
        if !unit {
            return None;
        }
        e = if matches!(w, "square" | "sq" | "sq." | "cubic" | "nautical") {
            e + 2
        } else {
            e + 1
        };
        e = self.unit_tail(e);
        Some(M::new(i, e, EntityLabel::Quantity))
    }

    /// "/h", "per hour", "per day" after a unit.
    fn unit_tail(&self, e: usize) -> usize {
        if self.t(e) == "/"
            && self.glued(e)
            && self.glued(e + 1)
            && matches!(self.l(e + 1), "h" | "hr" | "s" | "sec")
        {
            return e + 2;
        }
        if self.l(e) == "per" && matches!(self.l(e + 1), "hour" | "second" | "day" | "year") {
            return e + 2;
        }
        e
    }
}
