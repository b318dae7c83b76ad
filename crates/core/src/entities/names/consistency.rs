//! Document-level consistency: one label per repeated string, surnames after full names,
//! acronyms defined in brackets, and repeated names the model missed.

use super::features::{Class, DocFeatures, LineKind, doc_bit};
use super::gazetteer::flag;
use super::hash::PreHashed;
use super::rules::{Named, phrase_hash};
use crate::entities::EntitySource;
use crate::label::EntityLabel;
use crate::text::Prepared;
use crate::text::intake::RegionKind;
use std::collections::HashMap;

const PLACE: u32 = flag::CITY | flag::COUNTRY | flag::STATE | flag::CITY_BIG | flag::CONTINENT;

/// An empty map with room for `n` keys, up to 128: growing a small map step by step rehashes
/// it several times, a costly share of the passes on a short text; a long text's maps may need
/// far fewer keys than it has mentions, and grow as they need.
fn with_room<V>(n: usize) -> HashMap<u64, V, PreHashed> {
    HashMap::with_capacity_and_hasher(n.min(128), PreHashed)
}

fn label_index(l: EntityLabel) -> usize {
    EntityLabel::ALL.iter().position(|&x| x == l).unwrap_or(0)
}

/// Applies the document-level passes to `ents` (model and rule mentions).
pub fn apply(doc: &Prepared<'_>, f: &DocFeatures, ents: &mut Vec<Named>) {
    headline_singles(doc, f, ents);
    majority(f, ents);
    person_parts(f, ents);
    acronyms(doc, f, ents);
    surnames(f, ents);
    repeats(f, ents);
}

/// The number of tokens on the text's first line when that line stands alone (a line break
/// follows it) without closing punctuation, as a headline does; else 0.
fn first_line_headline(doc: &Prepared<'_>) -> usize {
    let n = doc.tokens.len();
    match (1..n).find(|&k| doc.tokens[k].newline_before) {
        Some(end) if !matches!(doc.token_text(end - 1), "." | "!" | "?" | ":" | ";" | ",") => end,
        _ => 0,
    }
}

/// True when token `i` lies in the intake's headline region or on a headline-like first line
/// (`first` tokens, see [`first_line_headline`]).
fn in_headline(doc: &Prepared<'_>, first: usize, i: usize) -> bool {
    i < first
        || doc
            .intake
            .region_at(doc.tokens[i].span.start)
            .is_some_and(|r| r.kind == RegionKind::Headline)
}

/// True when token `i` sits on a headline: see [`in_headline`], or a line of mostly
/// title-case or all-caps words.
fn on_headline(doc: &Prepared<'_>, f: &DocFeatures, first: usize, i: usize) -> bool {
    f.toks[i].line != LineKind::Body || in_headline(doc, first, i)
}

/// "Harbour city approves …": on a headline every word may be capitalised, so a lone word
/// there that is a common word (or the first word of the article's headline, with no first
/// name or place gazetteer behind it) is not a name unless the body supports it: the word is capitalised mid-sentence or in
/// capitals in body text, or is a mention off the headline.
fn headline_singles(doc: &Prepared<'_>, f: &DocFeatures, ents: &mut Vec<Named>) {
    let protected = PLACE | flag::NATIONALITY | flag::FIRST;
    let first = first_line_headline(doc);
    let single_on_headline =
        |e: &Named| e.tokens.len() == 1 && on_headline(doc, f, first, e.tokens.start);
    if !ents.iter().any(single_on_headline) {
        return;
    }
    let mut body: HashMap<u64, (), PreHashed> = with_room(ents.len());
    for e in ents.iter() {
        if !e.tokens.clone().any(|k| on_headline(doc, f, first, k)) {
            for k in e.tokens.clone() {
                body.insert(f.form(k).lower, ());
            }
        }
    }
    ents.retain(|e| {
        if !single_on_headline(e) {
            return true;
        }
        let i = e.tokens.start;
        let t = f.tok(i);
        let line_start = i == 0 || doc.tokens[i].newline_before;
        let common = t.gaz & flag::COMMON != 0;
        let weak = common
            || (line_start
                && t.sent_start
                && t.class == Class::Title
                && in_headline(doc, first, i));
        let supported = t.doc & (doc_bit::TITLE_MID | doc_bit::UPPER_BODY) != 0
            || body.contains_key(&t.lower)
            || t.gaz & protected != 0;
        !weak || supported
    });
}

/// Every mention of the same string gets the label most mentions of it have.
fn majority(f: &DocFeatures, ents: &mut [Named]) {
    let mut votes: HashMap<u64, [u16; 18], PreHashed> = with_room(ents.len());
    // Each mention's string hash, computed once (its tokens are cache misses on long texts).
    let hashes: Vec<u64> = ents
        .iter()
        .map(|e| phrase_hash(f, e.tokens.clone()))
        .collect();
    for (e, &h) in ents.iter().zip(&hashes) {
        votes.entry(h).or_insert([0; 18])[label_index(e.label)] += 1;
    }
    for (e, h) in ents.iter_mut().zip(&hashes) {
        let v = &votes[h];
        let own = label_index(e.label);
        let most = v.iter().copied().max().unwrap_or(0);
        if most > v[own] {
            // The winner: the last label with the most votes.
            let best = v.iter().rposition(|&n| n == most).unwrap_or(0);
            e.label = EntityLabel::ALL[best];
        }
    }
}

/// "Okafor Emeka" tagged ORG while a lone "Okafor" is a PERSON elsewhere: a plain multi-word
/// name (no organisation or place words) whose first or last word stands alone as a person
/// elsewhere, and never as anything else, is a person.
fn person_parts(f: &DocFeatures, ents: &mut [Named]) {
    let mut lone: HashMap<u64, (u16, u16), PreHashed> = with_room(ents.len());
    for e in ents.iter() {
        if e.tokens.len() == 1 {
            let c = lone.entry(f.form(e.tokens.start).lower).or_insert((0, 0));
            if e.label == EntityLabel::Person {
                c.0 += 1;
            } else {
                c.1 += 1;
            }
        }
    }
    if lone.is_empty() {
        return;
    }
    let blocked = flag::ORG_WORD | flag::CORP_SUFFIX | PLACE | flag::NATIONALITY | flag::LOC_WORD;
    for e in ents.iter_mut() {
        if e.tokens.len() < 2 || e.tokens.len() > 4 || e.label == EntityLabel::Person {
            continue;
        }
        if !matches!(
            e.label,
            EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Loc
        ) {
            continue;
        }
        if e.tokens.clone().any(|k| {
            f.form(k).gaz & blocked != 0 || f.toks[k].class != super::features::Class::Title
        }) {
            continue;
        }
        let ends = [e.tokens.start, e.tokens.end - 1];
        let person_end = ends.iter().any(|&k| {
            lone.get(&f.form(k).lower)
                .is_some_and(|c| c.0 > 0 && c.1 == 0)
        });
        let other_end = ends
            .iter()
            .any(|&k| lone.get(&f.form(k).lower).is_some_and(|c| c.1 > 0));
        if person_end && !other_end {
            e.label = EntityLabel::Person;
        }
    }
}

/// "the Central Intelligence Agency (CIA)": the bracketed acronym gets the name's label.
fn acronyms(doc: &Prepared<'_>, f: &DocFeatures, ents: &mut Vec<Named>) {
    let n = doc.tokens.len();
    let mut add = Vec::new();
    for e in ents.iter() {
        let p = e.tokens.end;
        if p + 2 >= n || doc.token_text(p) != "(" || doc.token_text(p + 2) != ")" {
            continue;
        }
        let acr = doc.token_text(p + 1);
        if !matches!(f.toks[p + 1].class, Class::Upper | Class::Mixed) {
            continue;
        }
        let initials: String = e
            .tokens
            .clone()
            .filter(|&i| f.toks[i].class.is_capitalised())
            .filter_map(|i| doc.token_text(i).chars().next())
            .collect();
        let letters: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
        let plausible = initials.eq_ignore_ascii_case(&letters)
            || (letters.len() >= 2
                && letters
                    .chars()
                    .next()
                    .zip(initials.chars().next())
                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(&b))
                && e.label == EntityLabel::Org);
        if plausible {
            add.push((p + 1, e.label));
        }
    }
    if add.is_empty() {
        return;
    }
    // The first one-token mention at each token, and whether any mention covers it (built
    // once: searching the mentions per acronym was quadratic on long texts).
    let mut single: Vec<Option<usize>> = vec![None; n];
    let mut covered = vec![false; n];
    for (k, x) in ents.iter().enumerate() {
        if x.tokens.len() == 1 && x.tokens.start < n && single[x.tokens.start].is_none() {
            single[x.tokens.start] = Some(k);
        }
        let (a, b) = (x.tokens.start.min(n), x.tokens.end.min(n));
        if a < b {
            covered[a..b].fill(true);
        }
    }
    for (i, label) in add {
        if let Some(k) = single[i] {
            ents[k].label = label;
        } else if !covered[i] {
            single[i] = Some(ents.len());
            covered[i] = true;
            ents.push(Named {
                tokens: i..i + 1,
                label,
                source: EntitySource::Document,
                score: 0.8,
            });
        }
    }
}

/// Once "Geng Shuang" is a person, a later lone "Geng" is too.
fn surnames(f: &DocFeatures, ents: &mut Vec<Named>) {
    let mut parts: HashMap<u64, (), PreHashed> = with_room(ents.len());
    for e in ents.iter() {
        if e.label == EntityLabel::Person && e.tokens.len() >= 2 {
            for i in e.tokens.clone() {
                let t = f.tok(i);
                if t.class.is_capitalised() && t.len >= 2 && t.gaz & flag::TITLE == 0 {
                    parts.insert(t.lower, ());
                }
            }
        }
    }
    if parts.is_empty() {
        return;
    }
    for e in ents.iter_mut() {
        if e.tokens.len() == 1 && e.label != EntityLabel::Person {
            let t = f.tok(e.tokens.start);
            if parts.contains_key(&t.lower) && t.gaz & (PLACE | flag::NATIONALITY) == 0 {
                e.label = EntityLabel::Person;
            }
        }
    }
    let mut covered = vec![false; f.len()];
    for e in ents.iter() {
        for i in e.tokens.clone() {
            covered[i] = true;
        }
    }
    let mut i = 0;
    while i < f.len() {
        let ok = |k: usize| {
            let t = f.tok(k);
            !covered[k]
                && t.class.is_capitalised()
                && parts.contains_key(&t.lower)
                && !(t.sent_start && t.doc & doc_bit::LOWER != 0)
        };
        if ok(i) {
            let mut j = i + 1;
            while j < f.len() && f.toks[j].sent == f.toks[i].sent && ok(j) {
                j += 1;
            }
            ents.push(Named {
                tokens: i..j,
                label: EntityLabel::Person,
                source: EntitySource::Document,
                score: 0.7,
            });
            i = j;
        } else {
            i += 1;
        }
    }
}

/// A capitalised string labelled somewhere in the document is labelled where the model
/// missed it.
fn repeats(f: &DocFeatures, ents: &mut Vec<Named>) {
    let mut known: HashMap<u64, EntityLabel, PreHashed> = with_room(ents.len());
    let mut max_len = 1;
    for e in ents.iter() {
        if e.tokens.len() <= 6 {
            known.insert(phrase_hash(f, e.tokens.clone()), e.label);
            max_len = max_len.max(e.tokens.len());
        }
    }
    let mut covered = vec![false; f.len()];
    for e in ents.iter() {
        for i in e.tokens.clone() {
            covered[i] = true;
        }
    }
    let n = f.len();
    let mut i = 0;
    while i < n {
        let t = f.tok(i);
        if covered[i] || !t.class.is_capitalised() {
            i += 1;
            continue;
        }
        let mut found = None;
        let mut h = 0;
        for (j, &cov) in covered.iter().enumerate().take(n.min(i + max_len)).skip(i) {
            if cov || f.toks[j].sent != t.sent {
                break;
            }
            h = if j == i {
                t.lower
            } else {
                super::hash::phrase(h, f.form(j).lower)
            };
            if let Some(&l) = known.get(&h) {
                // The string must end on a capitalised word and not run into one.
                let ends_ok = f.toks[j].class.is_capitalised()
                    && (j + 1 >= n
                        || !f.toks[j + 1].class.is_capitalised()
                        || f.toks[j + 1].sent != t.sent);
                if ends_ok {
                    found = Some((j + 1, l));
                }
            }
        }
        match found {
            Some((end, l)) if !(end == i + 1 && t.sent_start && t.doc & doc_bit::LOWER != 0) => {
                ents.push(Named {
                    tokens: i..end,
                    label: l,
                    source: EntitySource::Document,
                    score: 0.7,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::names::test_support::names;

    #[test]
    fn lone_headline_words_need_support_from_the_body() {
        // (text, word, should it be a mention?)
        let cases: &[(&str, &str, bool)] = &[
            (
                "Harbour city approves sea wall after heated council debate\n\n\
                 The council voted on Tuesday to build the wall.",
                "Harbour",
                false,
            ),
            (
                "Kenya approves new sea wall after long debate\n\n\
                 The council in Mombasa voted on Tuesday to build the wall.",
                "Kenya",
                true,
            ),
            (
                "Okonkwo wins seat after long count\n\n\
                 Adaeze Okonkwo won the seat on Friday. Okonkwo thanked voters in Enugu.",
                "Okonkwo",
                true,
            ),
        ];
        for (text, word, want) in cases {
            let found = names(text);
            let first_line = text.lines().next().unwrap_or("");
            let on_line = found.iter().any(|(s, _)| s == word)
                && first_line.starts_with(word)
                && found.first().is_some_and(|(s, _)| s == word);
            assert_eq!(on_line, *want, "{text}: {found:?}");
        }
    }
}
