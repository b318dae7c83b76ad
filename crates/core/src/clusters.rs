//! Mention clusters: "Chen Yixin" … "Chen" … "he".
//!
//! [`build`] groups name entities: a person's partial names join the full name ("Geng" →
//! "Geng Shuang"), acronyms join the name they abbreviate ("CIA" → "Central Intelligence
//! Agency", also written "(CIA)" after it), and a few country aliases join ("US", "U.S.",
//! "the United States"). Lookups go through hash maps, so building is linear in the number of
//! entities. The quotation stage adds speaker names found without an entity
//! ([`attach_name`]) and resolved pronouns ([`resolve_pronoun`], [`add_mention`]).

use crate::entities::names::hash::FxHashMap;
use crate::label::EntityLabel;
use crate::quotes::verbs::{self, Pronoun};
use crate::span::Span;
use crate::text::Prepared;
use crate::text::token::TokenKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a mention refers to its cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A full or partial name ("Geng Shuang", "Geng").
    Name,
    /// An acronym or alias ("CIA").
    Alias,
    /// A pronoun ("he", "they").
    Pronoun,
    /// A description ("the ministry", "the spokesperson").
    Nominal,
}

/// One mention in a cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// How it refers.
    pub kind: MentionKind,
}

/// A group of mentions of one person, organisation or place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// The name the page shows ("Geng Shuang").
    pub canonical: String,
    /// The entity type of the cluster.
    pub label: EntityLabel,
    /// Its mentions in text order.
    pub mentions: Vec<Mention>,
}

/// Words of a name, without titles, possessives and punctuation.
fn name_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    name_words_into(text, &mut words);
    words
}

/// [`name_words`] into `out` (cleared first), to reuse its room.
fn name_words_into<'t>(text: &'t str, out: &mut Vec<&'t str>) {
    out.clear();
    let mut push = |w: &'t str| {
        let w = strip_suffixes(w, "'s");
        let w = strip_suffixes(w, "’s");
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if !w.is_empty() {
            out.push(w);
        }
    };
    if text.is_ascii() {
        // Split at the bytes of the ASCII white space (what `char::is_whitespace` says of
        // ASCII, vertical tab included) without decoding.
        let mut start = 0;
        for (k, b) in text.bytes().enumerate() {
            if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
                push(&text[start..k]);
                start = k + 1;
            }
        }
        push(&text[start..]);
    } else {
        text.split(char::is_whitespace).for_each(push);
    }
}

/// `w` without any repeats of `suffix` at its end (`trim_end_matches` with a string pattern,
/// without setting up a substring searcher per call).
fn strip_suffixes<'w>(mut w: &'w str, suffix: &str) -> &'w str {
    while let Some(rest) = w.strip_suffix(suffix) {
        w = rest;
    }
    w
}

/// The lower-case full name: the words joined by single spaces (what
/// `words.join(" ").to_lowercase()` gives), into `out`.
fn full_key(words: &[&str], out: &mut String) {
    out.clear();
    if words.iter().all(|w| w.is_ascii()) {
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            push_lower(out, w);
        }
    } else {
        out.push_str(&words.join(" ").to_lowercase());
    }
}

/// A canonical key for country names and their abbreviations.
fn country_key(text: &str) -> Option<&'static str> {
    let mut t = text;
    while let Some(rest) = t.strip_prefix("the ") {
        t = rest;
    }
    while let Some(rest) = t.strip_prefix("The ") {
        t = rest;
    }
    let kept = |c: &char| !matches!(c, '.' | ' ');
    if !t.is_ascii() {
        return country_of(&t.chars().filter(kept).collect::<String>().to_lowercase());
    }
    // The keys are ASCII and at most 22 letters: lower-case on the stack, or give up.
    let mut buf = [0u8; 24];
    let mut n = 0;
    for c in t.chars().filter(kept) {
        if n == buf.len() {
            return None;
        }
        buf[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    country_of(std::str::from_utf8(&buf[..n]).unwrap_or(""))
}

/// The country key of a lower-case name without dots and spaces.
fn country_of(t: &str) -> Option<&'static str> {
    Some(match t {
        "us" | "usa" | "unitedstates" | "unitedstatesofamerica" | "america" => "us",
        "uk" | "unitedkingdom" | "britain" | "greatbritain" => "uk",
        "un" | "unitednations" => "un",
        "eu" | "europeanunion" => "eu",
        "prc" | "china" | "peoplesrepublicofchina" => "china",
        "uae" | "unitedarabemirates" => "uae",
        _ => return None,
    })
}

/// Initials of a multi-word name ("Central Intelligence Agency" → "cia") into `out`; false
/// (and `out` empty) for fewer than two words.
fn initials_into(words: &[&str], out: &mut String) -> bool {
    out.clear();
    // (No character but ASCII lower-cases to these words.)
    let content = || {
        words.iter().filter(|w| {
            !["of", "the", "and", "for", "&"]
                .iter()
                .any(|f| w.eq_ignore_ascii_case(f))
        })
    };
    if content().nth(1).is_none() {
        return false; // fewer than two
    }
    out.extend(
        content()
            .filter_map(|w| w.chars().next())
            .flat_map(|c| c.to_lowercase()),
    );
    true
}

/// The acronym key of a single all-capitals word ("CIA", "U.S." → "us") into `out`; false
/// (and `out` empty) when there is none.
fn acronym_into(words: &[&str], out: &mut String) -> bool {
    out.clear();
    let [w] = words else { return false };
    let letters = || w.chars().filter(|c| *c != '.');
    let n = letters().count();
    if !((2..=8).contains(&n) && letters().all(|c| c.is_uppercase() || c.is_ascii_digit())) {
        return false;
    }
    if w.is_ascii() {
        out.extend(letters().map(|c| c.to_ascii_lowercase()));
    } else {
        // (Lower-casing the whole string: a final sigma differs from a lone one.)
        out.push_str(&letters().collect::<String>().to_lowercase());
    }
    true
}

fn compatible(a: EntityLabel, b: EntityLabel) -> bool {
    use EntityLabel::*;
    a == b || matches!((a, b), (Gpe, Loc) | (Loc, Gpe) | (Org, Fac) | (Fac, Org))
}

#[derive(Default)]
struct Index {
    /// Full lower-case name → cluster.
    full: FxHashMap<String, usize>,
    /// A person's single name word (surname or given name) → cluster.
    person_word: FxHashMap<String, usize>,
    /// Initials of multi-word names → cluster.
    initials: FxHashMap<String, usize>,
    /// Country keys → cluster.
    country: FxHashMap<&'static str, usize>,
}

/// The lookup keys of one mention, computed once (into the room of the previous mention's).
struct Keys<'t> {
    words: Vec<&'t str>,
    /// The lower-case full name.
    full: String,
    country: Option<&'static str>,
    /// The acronym key, when `has_acronym`.
    acronym: String,
    has_acronym: bool,
    label: EntityLabel,
}

impl<'t> Keys<'t> {
    fn new() -> Self {
        Keys {
            words: Vec::new(),
            full: String::new(),
            country: None,
            acronym: String::new(),
            has_acronym: false,
            label: EntityLabel::Person,
        }
    }

    /// The keys of the mention `text` with `label`.
    fn set(&mut self, text: &'t str, label: EntityLabel) {
        name_words_into(text, &mut self.words);
        full_key(&self.words, &mut self.full);
        self.country = country_key(text);
        self.has_acronym = acronym_into(&self.words, &mut self.acronym);
        self.label = label;
    }

    fn acronym(&self) -> Option<&str> {
        self.has_acronym.then_some(self.acronym.as_str())
    }
}

/// Inserts `key` → `c` unless the map has the key already (allocating only then).
fn insert_new(map: &mut FxHashMap<String, usize>, key: &str, c: usize) {
    if !map.contains_key(key) {
        map.insert(key.to_string(), c);
    }
}

impl Index {
    /// The cluster of the mention with keys `k`; `lower` is scratch space.
    fn lookup(
        &self,
        k: &Keys<'_>,
        clusters: &[Cluster],
        lower: &mut String,
    ) -> Option<(usize, MentionKind)> {
        if let Some(&c) = self.full.get(&k.full)
            && compatible(clusters[c].label, k.label)
        {
            return Some((c, MentionKind::Name));
        }
        if let Some(key) = k.country
            && let Some(&c) = self.country.get(key)
        {
            return Some((c, MentionKind::Alias));
        }
        if let Some(a) = k.acronym()
            && let Some(&c) = self.initials.get(a)
        {
            return Some((c, MentionKind::Alias));
        }
        if k.label == EntityLabel::Person {
            // "Geng" after "Geng Shuang"; "Mr. Chen" after "Chen Yixin".
            for w in k.words.iter().rev() {
                lower.clear();
                push_lower(lower, w);
                if let Some(&c) = self.person_word.get(lower.as_str())
                    && clusters[c].label == EntityLabel::Person
                {
                    return Some((c, MentionKind::Name));
                }
            }
        }
        None
    }

    fn register(&mut self, c: usize, k: &Keys<'_>, lower: &mut String) {
        insert_new(&mut self.full, &k.full, c);
        if let Some(key) = k.country {
            self.country.entry(key).or_insert(c);
        }
        if initials_into(&k.words, lower) {
            insert_new(&mut self.initials, lower, c);
        }
        if let Some(a) = k.acronym() {
            insert_new(&mut self.initials, a, c);
        }
        if k.label == EntityLabel::Person {
            for w in &k.words {
                if !verbs::is_title(w) {
                    lower.clear();
                    push_lower(lower, w);
                    insert_new(&mut self.person_word, lower, c);
                }
            }
        }
    }
}

/// Groups entity mentions into clusters and sets each entity's `cluster`.
pub fn build(doc: &Prepared<'_>, entities: &mut [crate::entities::Entity]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut index = Index::default();
    // Full names first so that a partial name seen earlier still finds its full form.
    // Keys are computed once (not per comparison); the index makes them unique, so the
    // unstable sort gives the same order as a stable one.
    let mut order: Vec<(std::cmp::Reverse<usize>, usize, usize)> = (0..entities.len())
        .filter(|&i| {
            entities[i].label.is_name()
                && !matches!(
                    entities[i].label,
                    EntityLabel::Norp | EntityLabel::Language | EntityLabel::Law
                )
        })
        .map(|i| {
            let words = doc.slice(entities[i].span).split_whitespace().count();
            (std::cmp::Reverse(words.min(3)), entities[i].span.start, i)
        })
        .collect();
    crate::sort::sort(&mut order);
    let mut lower = String::new();
    let mut keys = Keys::new();
    for (_, _, i) in order {
        let e = &entities[i];
        keys.set(doc.slice(e.span), e.label);
        if keys.words.is_empty() {
            continue;
        }
        let c = match index.lookup(&keys, &clusters, &mut lower) {
            Some((c, kind)) => {
                clusters[c].mentions.push(Mention { span: e.span, kind });
                c
            }
            None => {
                clusters.push(Cluster {
                    canonical: keys.words.join(" "),
                    label: e.label,
                    mentions: vec![Mention {
                        span: e.span,
                        kind: MentionKind::Name,
                    }],
                });
                clusters.len() - 1
            }
        };
        index.register(c, &keys, &mut lower);
        entities[i].cluster = Some(c);
    }
    for c in &mut clusters {
        crate::sort::sort_by_key(&mut c.mentions, |m| m.span.start);
    }
    clusters
}

/// Runs of capitalised words in a text, for finding the full form of a partial name when no
/// entity was found ("Geng" → "Geng Shuang" from "spokesperson Geng Shuang said").
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Lower-case word → index into `runs` of the first run of two or more words containing it.
    by_word: FxHashMap<String, u32>,
    /// The indexed runs, words joined by a space.
    runs: Vec<String>,
}

impl NameIndex {
    /// Indexes the capitalised runs of `doc` (titles stripped).
    pub fn new(doc: &Prepared<'_>) -> Self {
        let mut index = NameIndex::default();
        let toks = &doc.tokens;
        let mut words: Vec<&str> = Vec::new();
        let mut lower = String::new();
        let cap = |k: usize| starts_upper(doc, &toks[k]);
        let mut i = 0;
        while i < toks.len() {
            if !cap(i) {
                i += 1;
                continue;
            }
            let s = i;
            i += 1;
            while i < toks.len() && cap(i) && !toks[i].newline_before {
                i += 1;
            }
            // A lone capitalised word (most of them: sentence starts) is no run.
            if i - s < 2 {
                continue;
            }
            words.clear();
            words.extend(
                (s..i)
                    .map(|k| doc.token_text(k))
                    .skip_while(|w| verbs::is_title(w) || is_function(w)),
            );
            if (2..=4).contains(&words.len()) {
                let run = index.runs.len() as u32;
                let mut used = false;
                for w in &words {
                    lower.clear();
                    push_lower(&mut lower, w);
                    if !index.by_word.contains_key(lower.as_str()) {
                        index.by_word.insert(lower.clone(), run);
                        used = true;
                    }
                }
                if used {
                    index.runs.push(words.join(" "));
                }
            }
        }
        index
    }

    /// The full name a single-word name stands for, when the text has one.
    pub fn full_name(&self, word: &str) -> Option<&str> {
        let run = *self.by_word.get(&word.to_lowercase())?;
        Some(&self.runs[run as usize])
    }
}

/// True for a word token that starts with a capital.
// Inlined: the name index asks it of every token.
#[inline(always)]
fn starts_upper(doc: &Prepared<'_>, t: &crate::text::token::Token) -> bool {
    t.kind == TokenKind::Word && t.span.start < t.span.end && {
        // The first byte tells for ASCII (most words): no decoding.
        let b = doc.text.as_bytes()[doc.map.byte(t.span.start)];
        if b.is_ascii() {
            b.is_ascii_uppercase()
        } else {
            doc.char_at(t.span.start).is_some_and(char::is_uppercase)
        }
    }
}

/// Appends `w` lower-cased (as `str::to_lowercase` does) to `out`.
fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        let at = out.len();
        out.push_str(w);
        out[at..].make_ascii_lowercase();
    } else {
        out.push_str(&w.to_lowercase());
    }
}

fn is_function(w: &str) -> bool {
    // Every listed word is ASCII: no other character lower-cases to one of them (but the
    // Kelvin sign, to a "k" none of them has).
    verbs::with_ascii_lower(w, is_lower_function)
}

fn is_lower_function(low: &str) -> bool {
    matches!(
        low,
        "the"
            | "a"
            | "an"
            | "but"
            | "and"
            | "in"
            | "on"
            | "at"
            | "as"
            | "when"
            | "while"
            | "after"
            | "if"
            | "so"
            | "this"
            | "that"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
    )
}

/// Adds speaker mentions to clusters while quotations are attributed: names found without an
/// entity join (or start) a cluster, pronouns join the nearest earlier compatible cluster.
/// Lookups are hashed or ordered, so linking all speakers of a text stays near-linear.
///
/// Only the lookup by span is built up front: the name keys are built at the first name that
/// is not a known mention, and the mentions by end at the first pronoun (most texts need
/// neither). Built later, they hold exactly what building them up front and updating them
/// would: until then nothing they index changes (canonical names never change, and the
/// mentions added meanwhile are the ones they would have added).
#[derive(Debug)]
pub struct Linker {
    /// Built on first use: most texts never need it.
    names: Option<NameIndex>,
    by_span: FxHashMap<Span, usize>,
    /// Name keys of the clusters, built on first need.
    keys: Option<NameKeys>,
    /// Name mentions by (end, start) → cluster, for finding antecedents; built on first need.
    by_end: Option<ByEnd>,
    /// Gender of each cluster, when known.
    gender: Vec<Option<Pronoun>>,
}

/// Name mentions by (end, start) → cluster.
type ByEnd = BTreeMap<(usize, usize), usize>;

/// The name keys of the clusters ([`Linker::attach_name`]).
#[derive(Debug, Default)]
struct NameKeys {
    /// Lower-case full name → cluster.
    by_full: FxHashMap<String, usize>,
    /// Lower-case name word of a person cluster → cluster.
    by_word: FxHashMap<String, usize>,
}

impl NameKeys {
    fn index_cluster(&mut self, ci: usize, c: &Cluster) {
        let words = name_words(&c.canonical);
        // One allocation for the key, sized once.
        let mut key = String::with_capacity(c.canonical.len());
        full_key(&words, &mut key);
        self.by_full.entry(key).or_insert(ci);
        if c.label == EntityLabel::Person {
            for w in &words {
                if !verbs::is_title(w) {
                    self.by_word.entry(w.to_lowercase()).or_insert(ci);
                }
            }
        }
    }
}

impl Linker {
    /// Indexes the clusters built from entities (see the type's notes on what waits).
    pub fn new(doc: &Prepared<'_>, clusters: &[Cluster]) -> Self {
        let mentions = clusters.iter().map(|c| c.mentions.len()).sum();
        let mut l = Linker {
            names: None,
            by_span: FxHashMap::with_capacity_and_hasher(mentions, Default::default()),
            keys: None,
            by_end: None,
            gender: Vec::with_capacity(clusters.len()),
        };
        for (ci, c) in clusters.iter().enumerate() {
            for m in &c.mentions {
                l.by_span.insert(m.span, ci);
            }
            let g = c
                .mentions
                .iter()
                .find_map(|m| {
                    (m.kind == MentionKind::Pronoun)
                        .then(|| verbs::pronoun(doc.slice(m.span)))
                        .flatten()
                })
                .filter(|p| matches!(p, Pronoun::Male | Pronoun::Female))
                .or_else(|| first_name_gender(c.canonical.split_whitespace().next().unwrap_or("")));
            l.gender.push(g);
        }
        l
    }

    /// The name keys of `clusters` in `slot`, built on first call.
    fn keys<'k>(slot: &'k mut Option<NameKeys>, clusters: &[Cluster]) -> &'k mut NameKeys {
        slot.get_or_insert_with(|| {
            let mut k = NameKeys::default();
            for (ci, c) in clusters.iter().enumerate() {
                k.index_cluster(ci, c);
            }
            k
        })
    }

    /// The name mentions of `clusters` by (end, start) in `slot`, built on first call.
    fn by_end<'m>(slot: &'m mut Option<ByEnd>, clusters: &[Cluster]) -> &'m ByEnd {
        slot.get_or_insert_with(|| {
            // Collected, then built in one go (sorting once is cheaper than inserting one by
            // one; a repeated key keeps its last value, as repeated inserts would).
            let mut ends = Vec::new();
            for (ci, c) in clusters.iter().enumerate() {
                for m in &c.mentions {
                    if m.kind != MentionKind::Pronoun {
                        ends.push(((m.span.end, m.span.start), ci));
                    }
                }
            }
            ends.into_iter().collect()
        })
    }

    /// Adds a name mention at `span` to its cluster (creating one when none matches) and
    /// returns the cluster index. A single word takes the full name the text gives it
    /// elsewhere ("Geng" → "Geng Shuang").
    pub fn attach_name(
        &mut self,
        doc: &Prepared<'_>,
        clusters: &mut Vec<Cluster>,
        span: Span,
        label: EntityLabel,
    ) -> usize {
        if let Some(&c) = self.by_span.get(&span) {
            return c;
        }
        let text = doc.slice(span);
        let words = name_words(text);
        let key = words.join(" ").to_lowercase();
        let keys = Self::keys(&mut self.keys, clusters);
        let mut found = keys
            .by_full
            .get(&key)
            .copied()
            .filter(|&c| compatible(clusters[c].label, label));
        if found.is_none() && label == EntityLabel::Person {
            found = words
                .iter()
                .rev()
                .find_map(|w| keys.by_word.get(&w.to_lowercase()).copied())
                .filter(|&c| clusters[c].label == EntityLabel::Person);
        }
        let c = match found {
            Some(c) => c,
            None => {
                let canonical = if words.len() == 1 {
                    self.names
                        .get_or_insert_with(|| NameIndex::new(doc))
                        .full_name(words[0])
                        .map(str::to_string)
                } else {
                    None
                }
                .unwrap_or_else(|| words.join(" "));
                clusters.push(Cluster {
                    canonical,
                    label,
                    mentions: Vec::new(),
                });
                let ci = clusters.len() - 1;
                let g = first_name_gender(
                    clusters[ci]
                        .canonical
                        .split_whitespace()
                        .next()
                        .unwrap_or(""),
                );
                self.gender.push(g);
                // (The keys exist: they were read above.)
                if let Some(k) = &mut self.keys {
                    k.index_cluster(ci, &clusters[ci]);
                }
                ci
            }
        };
        add_mention(clusters, c, span, MentionKind::Name);
        self.by_span.insert(span, c);
        if let Some(by_end) = &mut self.by_end {
            by_end.insert((span.end, span.start), c);
        }
        c
    }

    /// The cluster a pronoun at `span` most likely refers to: the one with the nearest earlier
    /// name mention that fits (a person for he/she/I/who, preferring a matching gender; an
    /// organisation, place or group for they/we/it).
    pub fn resolve_pronoun(
        &mut self,
        clusters: &[Cluster],
        span: Span,
        p: Pronoun,
    ) -> Option<usize> {
        let mut fallback = None;
        for (_, &ci) in Self::by_end(&mut self.by_end, clusters)
            .range(..=(span.start, usize::MAX))
            .rev()
            .take(60)
        {
            let c = &clusters[ci];
            let fits = match p {
                Pronoun::Male | Pronoun::Female => c.label == EntityLabel::Person,
                Pronoun::First | Pronoun::Relative => c.label == EntityLabel::Person,
                Pronoun::Plural => matches!(
                    c.label,
                    EntityLabel::Org | EntityLabel::Norp | EntityLabel::Gpe
                ),
                Pronoun::Neuter => matches!(c.label, EntityLabel::Org | EntityLabel::Gpe),
            };
            if !fits {
                continue;
            }
            match (p, self.gender.get(ci).copied().flatten()) {
                (Pronoun::Male | Pronoun::Female, Some(g)) if g != p => {}
                (Pronoun::Male | Pronoun::Female, None) => {
                    fallback.get_or_insert(ci);
                }
                _ => return Some(ci),
            }
        }
        fallback
    }

    /// Adds a resolved pronoun mention to cluster `c` (and learns the cluster's gender).
    pub fn add_pronoun(&mut self, clusters: &mut [Cluster], c: usize, span: Span, p: Pronoun) {
        add_mention(clusters, c, span, MentionKind::Pronoun);
        self.by_span.insert(span, c);
        if matches!(p, Pronoun::Male | Pronoun::Female)
            && let Some(g) = self.gender.get_mut(c)
            && g.is_none()
        {
            *g = Some(p);
        }
    }
}

/// Adds a mention to cluster `c`, keeping mentions in text order.
pub fn add_mention(clusters: &mut [Cluster], c: usize, span: Span, kind: MentionKind) {
    let Some(cl) = clusters.get_mut(c) else {
        return;
    };
    let at = cl.mentions.partition_point(|m| m.span.start < span.start);
    if cl.mentions.get(at).is_some_and(|m| m.span == span) {
        return;
    }
    cl.mentions.insert(at, Mention { span, kind });
}

/// Common English first names by gender (a small hand list; unknown names fit either).
fn first_name_gender(name: &str) -> Option<Pronoun> {
    if name.is_ascii() {
        // Lower-cased on the stack (the common case).
        verbs::with_ascii_lower(name, lower_first_name_gender)
    } else {
        lower_first_name_gender(&name.to_lowercase())
    }
}

/// [`first_name_gender`] of a lower-case name.
fn lower_first_name_gender(name: &str) -> Option<Pronoun> {
    // A `match` rather than a scan of two lists: it compares only names of the same length.
    match name {
        "barack" | "bernie" | "bill" | "bob" | "brian" | "charles" | "chris" | "dan" | "daniel"
        | "david" | "donald" | "ed" | "eric" | "frank" | "gary" | "george" | "jack" | "james"
        | "jason" | "jeb" | "jeff" | "jim" | "joe" | "john" | "joseph" | "kevin" | "marco"
        | "mark" | "michael" | "mike" | "mitch" | "paul" | "peter" | "richard" | "rick"
        | "robert" | "ron" | "scott" | "steve" | "steven" | "ted" | "thomas" | "tim" | "tom"
        | "vladimir" | "william" | "xi" | "mr." | "mr" => Some(Pronoun::Male),
        "alicia" | "angela" | "ann" | "anna" | "barbara" | "betsy" | "carly" | "chelsea"
        | "elizabeth" | "emily" | "hillary" | "ivanka" | "jane" | "jennifer" | "jill" | "julia"
        | "karen" | "kellyanne" | "laura" | "linda" | "lisa" | "maria" | "mary" | "melania"
        | "michelle" | "nancy" | "patricia" | "sarah" | "susan" | "theresa" | "mrs." | "mrs"
        | "ms." | "ms" | "miss" => Some(Pronoun::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Entity, EntitySource};

    fn ents(text: &str, names: &[(&str, EntityLabel)]) -> Vec<Entity> {
        let mut out = Vec::new();
        for (n, l) in names {
            let mut from = 0;
            while let Some(b) = text[from..].find(n) {
                let b = from + b;
                let s = text[..b].chars().count();
                let e = s + n.chars().count();
                out.push(Entity::new(Span::new(s, e), *l, EntitySource::Rule, 1.0));
                from = b + n.len();
            }
        }
        out.sort_by_key(|e| e.span.start);
        out
    }

    #[test]
    fn clusters_names_acronyms_and_countries() {
        use EntityLabel::*;
        let text = "Minister Chen Yixin met the Central Intelligence Agency (CIA) in the United States. Chen said the CIA and the US agreed. Later Geng Shuang spoke; Geng left for the U.S.";
        let doc = Prepared::new(text);
        let mut es = ents(
            text,
            &[
                ("Chen Yixin", Person),
                ("Chen said", Person),
                ("Central Intelligence Agency", Org),
                ("CIA", Org),
                ("United States", Gpe),
                ("US", Gpe),
                ("Geng Shuang", Person),
                ("Geng left", Person),
                ("U.S.", Gpe),
            ],
        );
        // Trim the helper's two-word probes down to the name.
        for e in &mut es {
            let t = doc.slice(e.span);
            if t.ends_with(" said") || t.ends_with(" left") {
                e.span.end -= 5;
            }
        }
        let cl = build(&doc, &mut es);
        let canon = |name: &str| {
            let e = es.iter().find(|e| doc.slice(e.span) == name).unwrap();
            cl[e.cluster.unwrap()].canonical.clone()
        };
        let cases = [
            ("Chen", "Chen Yixin"),
            ("CIA", "Central Intelligence Agency"),
            ("US", "United States"),
            ("U.S.", "United States"),
            ("Geng", "Geng Shuang"),
        ];
        for (mention, want) in cases {
            assert_eq!(canon(mention), want, "{mention}");
        }
        assert_eq!(cl.len(), 4);
    }

    #[test]
    fn attach_name_finds_full_name_without_entities() {
        let text = "Spokesperson Geng Shuang spoke on Monday. Geng said it was fine.";
        let doc = Prepared::new(text);
        let mut cl = Vec::new();
        let mut linker = Linker::new(&doc, &cl);
        let s = text.find("Geng said").unwrap();
        let c = linker.attach_name(&doc, &mut cl, Span::new(s, s + 4), EntityLabel::Person);
        assert_eq!(cl[c].canonical, "Geng Shuang");
    }

    #[test]
    fn pronoun_prefers_gender_and_nearness() {
        let text = "Hillary Clinton spoke. Then Donald Trump spoke. She said no.";
        let doc = Prepared::new(text);
        let mut es = ents(
            text,
            &[
                ("Hillary Clinton", EntityLabel::Person),
                ("Donald Trump", EntityLabel::Person),
            ],
        );
        let cl = build(&doc, &mut es);
        let mut linker = Linker::new(&doc, &cl);
        let s = text.find("She").unwrap();
        let c = linker
            .resolve_pronoun(&cl, Span::new(s, s + 3), Pronoun::Female)
            .unwrap();
        assert_eq!(cl[c].canonical, "Hillary Clinton");
        let c = linker
            .resolve_pronoun(&cl, Span::new(s, s + 3), Pronoun::Male)
            .unwrap();
        assert_eq!(cl[c].canonical, "Donald Trump");
    }
}
