//! Token features for the name model.
//!
//! [`DocFeatures::new`] reads a [`Prepared`] text once: per token it hashes the lower-cased
//! form, the word shape, prefixes and suffixes, finds gazetteer membership (single tokens and
//! multi-token phrases), the line type (all-caps headline, title-case line, body) and
//! document-level evidence (does the same word appear in lower case, or capitalised mid-sentence,
//! elsewhere in the text). [`DocFeatures::features`] then emits hashed feature keys for one
//! token without allocating. The trainer and the recogniser share this code.

use super::gazetteer::{Gazetteer, flag};
use super::hash::{self, FxHasher, PreHashed, fold, mix};
use crate::text::Prepared;
use crate::text::token::TokenKind;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::OnceLock;

/// Capitalisation class of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// Lower-case word.
    Lower = 0,
    /// First letter upper case, the rest lower case (or a single capital).
    Title = 1,
    /// Two or more capitals and no lower-case letter.
    Upper = 2,
    /// Mixed case (`iPhone`, `McDonald`).
    Mixed = 3,
    /// Digits, no letters.
    Number = 4,
    /// Punctuation, symbols, quotes.
    Other = 5,
}

impl Class {
    /// True for classes that can start or continue a name.
    #[inline]
    pub fn is_capitalised(self) -> bool {
        matches!(self, Class::Title | Class::Upper | Class::Mixed)
    }
}

/// Kind of line a token sits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum LineKind {
    /// Ordinary text.
    Body = 0,
    /// Mostly all-caps words (a headline, a dateline, a sports result line).
    Caps = 1,
    /// Mostly title-case words (a title-case headline).
    Title = 2,
}

/// Document evidence bits for a word.
pub mod doc_bit {
    /// The word occurs in lower case elsewhere.
    pub const LOWER: u8 = 1;
    /// The word occurs title-cased in mid-sentence body text elsewhere.
    pub const TITLE_MID: u8 = 2;
    /// The word occurs in all caps in body text elsewhere.
    pub const UPPER_BODY: u8 = 4;
    /// The word occurs title-cased at a sentence start elsewhere.
    pub const TITLE_START: u8 = 8;
}

/// Facts about one token, as [`DocFeatures::tok`] gives them: those of its form (its exact
/// text) joined with those of its position.
#[derive(Clone, Copy, Debug)]
pub struct TokInfo {
    /// Hash of the lower-cased token.
    pub lower: u64,
    /// Hash of the compressed shape (`Xx`, `X.X.`, `dd`…).
    pub shape: u64,
    /// Capitalisation class.
    pub class: Class,
    /// Gazetteer flags of the token alone.
    pub gaz: u32,
    /// Gazetteer flags of the longest multi-token phrase covering the token.
    pub multi: u32,
    /// Position in that phrase: 0 none, 1 begin, 2 inside, 3 last.
    pub multi_pos: u8,
    /// Index of the sentence.
    pub sent: u32,
    /// First token of its sentence (or line).
    pub sent_start: bool,
    /// Line type.
    pub line: LineKind,
    /// Document evidence ([`doc_bit`]).
    pub doc: u8,
    /// Number of characters.
    pub len: u16,
}

/// Facts that depend only on a token's text (its form), stored once per distinct form: most
/// tokens of a text repeat a word seen before.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    /// Hash of the lower-cased text.
    pub lower: u64,
    /// Hash of the compressed shape.
    pub shape: u64,
    /// Gazetteer flags.
    pub gaz: u32,
    /// One plus the index of the form's [`Affixes`] in [`DocFeatures::affixes`]; 0 when it
    /// has none (only forms with a capital letter have affix features).
    pub affix: u32,
    /// Index of the lower-cased word among the document's distinct ones (forms with the same
    /// [`Form::lower`] share it), so per-word tallies are vectors.
    pub word: u32,
    /// Capitalisation class.
    pub class: Class,
    /// Document evidence ([`doc_bit`]) of its word, for capitalised forms (0 otherwise).
    pub doc: u8,
    /// Number of characters.
    pub len: u16,
}

/// What is stored per token: its form, its position facts and its class (16 bytes; a text
/// has many tokens).
#[derive(Clone, Copy, Debug)]
pub struct TokPos {
    /// Index of the token's [`Form`] in [`DocFeatures::forms`].
    pub form: u32,
    /// Index of the sentence.
    pub sent: u32,
    /// Gazetteer flags of the longest multi-token phrase covering the token.
    pub multi: u32,
    /// Position in that phrase: 0 none, 1 begin, 2 inside, 3 last.
    pub multi_pos: u8,
    /// First token of its sentence (or line).
    pub sent_start: bool,
    /// Line type.
    pub line: LineKind,
    /// Capitalisation class of the form, copied here (into what would be padding) because
    /// the rules ask for it most.
    pub class: Class,
}

const _: () = assert!(std::mem::size_of::<TokPos>() == 16);

/// Affix hashes of a token with a capital letter (kept apart from [`TokInfo`], which most
/// tokens need without them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Affixes {
    /// Hashes of the 2- and 3-character prefixes (0 when shorter).
    pub pre: [u64; 2],
    /// Hashes of the 2-, 3- and 4-character suffixes (0 when shorter).
    pub suf: [u64; 3],
}

/// Lower-case words that may sit inside a name between capitalised words.
pub const CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la",
    "le", "les", "van", "von", "der", "den", "ter", "al", "el", "bin", "ibn", "bint", "y", "e",
    "for", "on", "in", "at", "&", "-", "'s", "’s", "upon", "und", "zu", "abu", "ul", "ud",
];

/// Features of every token of a document.
#[derive(Debug)]
pub struct DocFeatures {
    /// Per-token form and position ([`DocFeatures::tok`] joins them).
    pub toks: Vec<TokPos>,
    /// The distinct token forms ([`TokPos::form`]).
    pub forms: Vec<Form>,
    /// Affix hashes of the forms that have them ([`Form::affix`]).
    pub affixes: Vec<Affixes>,
    /// Sentence token ranges (copied from the prepared text).
    pub sents: Vec<Range<usize>>,
    /// Number of distinct lower-cased words ([`Form::word`]).
    pub n_words: usize,
    /// Second-pass hints per token ([`hint_bit`]); empty until [`DocFeatures::set_hints`].
    pub hints: Vec<u8>,
    /// Whether [`DocFeatures::features`] emits the hint features (second pass).
    pub use_hints: bool,
}

/// Word counts of one line, for its [`LineKind`].
#[derive(Default)]
struct LineCounts {
    words: usize,
    upper: usize,
    title: usize,
}

impl LineCounts {
    /// Counts a token of form `f`.
    #[inline]
    fn add(&mut self, f: &Form) {
        if f.len >= 2 && !matches!(f.class, Class::Number | Class::Other) {
            self.words += 1;
            match f.class {
                Class::Upper => self.upper += 1,
                Class::Title | Class::Mixed => self.title += 1,
                _ => {}
            }
        }
    }

    /// Sets the line kind of `toks` (the line's tokens, all [`LineKind::Body`] so far).
    fn set(&self, toks: &mut [TokPos]) {
        let (words, upper, title) = (self.words, self.upper, self.title);
        let kind = if words >= 2 && upper * 10 >= words * 6 {
            LineKind::Caps
        } else if words >= 4 && (title + upper) * 10 >= words * 7 {
            LineKind::Title
        } else {
            return;
        };
        for t in toks {
            t.line = kind;
        }
    }
}

/// Facts of the token forms seen in earlier documents, so that a document computes only
/// those of its words no earlier document had. Owned by one tagger (its facts depend on the
/// gazetteer) and used by one document at a time; [`WordCache::is_full`] tells its owner when
/// to drop it.
#[derive(Debug)]
pub struct WordCache {
    /// Hash of a form's exact text to its slot.
    index: HashMap<u64, Slot, PreHashed>,
    /// Slots of the one-byte forms (punctuation, "a", "I": a quarter of all tokens), found
    /// by their byte without hashing.
    one_byte: [Slot; 128],
    store: Store,
    /// Stamp of the current document (0: none yet).
    stamp: u32,
}

/// Where a cached form is, and where the current document keeps its copy: all a token
/// of an already-seen form needs, found with one probe.
#[derive(Clone, Copy, Debug)]
struct Slot {
    /// Index of the form in [`Store::forms`] (`u32::MAX`: an empty one-byte slot).
    id: u32,
    /// The last document using the form, and the form's index in that document.
    stamp: u32,
    local: u32,
    /// Byte range of the form's text in [`Store::text`] (unused for one-byte forms).
    start: u32,
    end: u32,
}

const EMPTY_SLOT: Slot = Slot {
    id: u32::MAX,
    stamp: 0,
    local: 0,
    start: 0,
    end: 0,
};

/// The cached facts.
#[derive(Debug, Default)]
struct Store {
    /// The exact texts of the cached forms, back to back.
    text: String,
    /// The facts; `word` and `affix` index the tables below.
    forms: Vec<Form>,
    /// Affix hashes of the cached forms that have them.
    affixes: Vec<Affixes>,
    /// Lower-case hash to its index among the cached words.
    words: HashMap<u64, u32, PreHashed>,
    /// Per cached word: the last document using it and its index among that document's words.
    word_local: Vec<(u32, u32)>,
    /// Per form of the current document: its index in `forms` (`u32::MAX` when uncached).
    doc_ids: Vec<u32>,
}

/// Number of forms (or words) above which a [`WordCache`] is dropped rather than kept: a
/// few thousand words make most of any news article, and a cache this size holds about
/// 3 MB.
const CACHE_FORMS: usize = 1 << 15;

impl Default for WordCache {
    fn default() -> Self {
        WordCache {
            index: HashMap::default(),
            one_byte: [EMPTY_SLOT; 128],
            store: Store::default(),
            stamp: 0,
        }
    }
}

/// The growing per-document tables that cached forms are copied into.
struct DocTables<'d> {
    stamp: u32,
    forms: &'d mut Vec<Form>,
    affixes: &'d mut Vec<Affixes>,
    n_words: &'d mut u32,
}

impl WordCache {
    /// True when the cache holds more than it should keep between documents (or has served
    /// so many that its document stamps are running out). Its owner should then drop it, and
    /// anything it keeps keyed by [`WordCache::form_id`].
    pub fn is_full(&self) -> bool {
        self.store.forms.len() > CACHE_FORMS
            || self.store.words.len() > CACHE_FORMS
            || self.store.text.len() > CACHE_FORMS * 16
            || self.stamp >= u32::MAX - 1
    }

    /// The cache's lasting index of form `form` of the last document read with it (the same
    /// for every document using the same form, while the cache is kept), or `None` when that
    /// form was not cached.
    #[inline]
    pub fn form_id(&self, form: u32) -> Option<u32> {
        self.store
            .doc_ids
            .get(form as usize)
            .copied()
            .filter(|&id| id != u32::MAX)
    }

    /// Starts a document: returns its stamp.
    fn begin(&mut self) -> u32 {
        if self.stamp == u32::MAX {
            // Stamps would repeat: start afresh (owners that heed `is_full` never get here).
            *self = WordCache::default();
        }
        self.store.doc_ids.clear();
        self.stamp += 1;
        self.stamp
    }

    /// The document's index of form `s` (of a token that is not a URL or an e-mail
    /// address): its facts are computed and cached if new, and copied into the document's
    /// tables on its first use there. `None` on a hash collision with another form (then
    /// left uncached).
    #[inline]
    fn local_form(
        &mut self,
        s: &str,
        kind: TokenKind,
        buf: &mut Vec<char>,
        gaz: &Gazetteer,
        doc: &mut DocTables<'_>,
    ) -> Option<u32> {
        let store = &mut self.store;
        let slot = if let &[b] = s.as_bytes()
            && b < 128
        {
            let slot = &mut self.one_byte[b as usize];
            if slot.id == u32::MAX {
                slot.id = store.add(s, kind, buf, gaz)?;
            }
            slot
        } else {
            let h = {
                let mut hs = FxHasher::default();
                hs.write(s.as_bytes());
                hs.finish()
            };
            match self.index.entry(h) {
                Entry::Occupied(o) => {
                    let slot = o.into_mut();
                    let known = &store.text.as_bytes()[slot.start as usize..slot.end as usize];
                    if known != s.as_bytes() {
                        return None;
                    }
                    slot
                }
                Entry::Vacant(v) => {
                    let start = store.text.len() as u32;
                    let id = store.add(s, kind, buf, gaz)?;
                    v.insert(Slot {
                        id,
                        start,
                        end: store.text.len() as u32,
                        ..EMPTY_SLOT
                    })
                }
            }
        };
        if slot.stamp != doc.stamp {
            slot.stamp = doc.stamp;
            slot.local = store.copy(slot.id, doc);
        }
        Some(slot.local)
    }

    /// The current document's index of the word with lower-case hash `lower`.
    fn local_word(&mut self, lower: u64, doc: &mut DocTables<'_>) -> u32 {
        let w = self.store.word(lower);
        self.store.local_word(w, doc)
    }
}

impl Store {
    /// Computes and stores the facts of form `s`: its index, or `None` when the cache's
    /// text offsets would overflow.
    fn add(
        &mut self,
        s: &str,
        kind: TokenKind,
        buf: &mut Vec<char>,
        gaz: &Gazetteer,
    ) -> Option<u32> {
        if self.text.len() + s.len() > u32::MAX as usize {
            return None;
        }
        let (mut f, aff) = token_info(s, kind, buf, gaz);
        if let Some(a) = aff {
            self.affixes.push(a);
            f.affix = self.affixes.len() as u32;
        }
        f.word = self.word(f.lower);
        self.text.push_str(s);
        self.forms.push(f);
        Some(self.forms.len() as u32 - 1)
    }

    /// Index of the cached word with lower-case hash `lower`, added if new.
    fn word(&mut self, lower: u64) -> u32 {
        let next = self.word_local.len() as u32;
        let w = *self.words.entry(lower).or_insert(next);
        if w == next {
            self.word_local.push((0, 0));
        }
        w
    }

    /// The document's index of cached word `w` (numbered in order of first use).
    #[inline]
    fn local_word(&mut self, w: u32, doc: &mut DocTables<'_>) -> u32 {
        let slot = &mut self.word_local[w as usize];
        if slot.0 != doc.stamp {
            *slot = (doc.stamp, *doc.n_words);
            *doc.n_words += 1;
        }
        slot.1
    }

    /// Copies cached form `id` (and its affixes) into the document's tables: its index
    /// there.
    fn copy(&mut self, id: u32, doc: &mut DocTables<'_>) -> u32 {
        let mut f = self.forms[id as usize];
        if f.affix != 0 {
            doc.affixes.push(self.affixes[f.affix as usize - 1]);
            f.affix = doc.affixes.len() as u32;
        }
        f.word = self.local_word(f.word, doc);
        doc.forms.push(f);
        self.doc_ids.push(id);
        doc.forms.len() as u32 - 1
    }
}

/// Second-pass hint bits: what the first pass said about the same word elsewhere.
pub mod hint_bit {
    /// Bit `1 << t` for type index `t` (PER, ORG, LOC, MISC): the word is inside a first-pass
    /// mention of that type elsewhere in the document.
    pub const TYPES: u8 = 0x0f;
    /// The word occurs capitalised outside any first-pass mention elsewhere.
    pub const UNTAGGED: u8 = 0x10;
}

const SEED: u64 = 0x243f_6a88_85a3_08d3;

#[inline]
fn key(t: u64, v: u64) -> u32 {
    fold(mix(mix(SEED, t), v))
}

#[inline]
fn key2(t: u64, a: u64, b: u64) -> u32 {
    fold(mix(mix(mix(SEED, t), a), b))
}

/// The lower-case hashes of [`CONNECTORS`], sorted for binary search (computed once, not
/// per document).
fn connector_hashes() -> &'static [u64; CONNECTORS.len()] {
    static HASHES: OnceLock<[u64; CONNECTORS.len()]> = OnceLock::new();
    HASHES.get_or_init(|| {
        let mut out = [0u64; CONNECTORS.len()];
        for (o, c) in out.iter_mut().zip(CONNECTORS) {
            *o = hash::lower_str(c);
        }
        crate::sort::sort(&mut out);
        out
    })
}

/// Number of values [`DocFeatures::word_variant`] takes (sentence start × line kind).
pub const WORD_VARIANTS: usize = 6;

/// Hashes of the sentence-boundary pseudo-words.
const BOS: u64 = 0x1111_2222_3333_4444;
const EOS: u64 = 0x5555_6666_7777_8888;

impl DocFeatures {
    /// Computes token facts for `doc`.
    pub fn new(doc: &Prepared<'_>, gaz: &Gazetteer) -> Self {
        Self::with_cache(doc, gaz, &mut WordCache::default())
    }

    /// [`DocFeatures::new`] with the facts of forms seen in earlier documents taken from
    /// `cache` (which must only ever be used with the same `gaz`), and this document's new
    /// forms added to it.
    pub fn with_cache(doc: &Prepared<'_>, gaz: &Gazetteer, cache: &mut WordCache) -> Self {
        let n = doc.tokens.len();
        let mut toks = Vec::with_capacity(n);
        // Sized for a news article's distinct forms up front (more than half its tokens;
        // a quarter of them capitalised, with affixes), capped so a long text does not
        // reserve what it never fills: growing costs more than the spare room.
        let mut forms: Vec<Form> = Vec::with_capacity((n * 5 / 8).min(1 << 12));
        let mut affixes = Vec::with_capacity((n / 4).min(1 << 10));
        let mut buf: Vec<char> = Vec::with_capacity(32);
        // A token's facts depend only on its text (and on whether it is a URL or an e-mail
        // address, which are never looked up here): most tokens of a text are repeated words,
        // and most words of an article were seen in earlier ones, so their facts, affixes
        // included, are computed once and copied into each document that uses them.
        let mut n_words = 0u32;
        let mut tables = DocTables {
            stamp: cache.begin(),
            forms: &mut forms,
            affixes: &mut affixes,
            n_words: &mut n_words,
        };
        // Line kinds are counted as the tokens go by; a line is set when the next one starts
        // (only when it is not body text, which every token starts as).
        let mut line = LineCounts::default();
        let mut line_start = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            if i > 0 && t.newline_before {
                line.set(&mut toks[line_start..i]);
                line = LineCounts::default();
                line_start = i;
            }
            // `Prepared::token_text`, in line (it is called for every token).
            let s = &doc.text[doc.map.byte_range(t.span)];
            let cached = if matches!(t.kind, TokenKind::Url | TokenKind::Email) {
                None
            } else {
                cache.local_form(s, t.kind, &mut buf, gaz, &mut tables)
            };
            let form = match cached {
                Some(form) => form,
                None => {
                    // Not cached (a URL, an e-mail address, or a hash collision): a form of
                    // its own.
                    let (mut f, aff) = token_info(s, t.kind, &mut buf, gaz);
                    if let Some(a) = aff {
                        tables.affixes.push(a);
                        f.affix = tables.affixes.len() as u32;
                    }
                    f.word = cache.local_word(f.lower, &mut tables);
                    tables.forms.push(f);
                    cache.store.doc_ids.push(u32::MAX);
                    tables.forms.len() as u32 - 1
                }
            };
            let f = &tables.forms[form as usize];
            line.add(f);
            toks.push(TokPos {
                form,
                sent: 0,
                multi: 0,
                multi_pos: 0,
                sent_start: false,
                line: LineKind::Body,
                class: f.class,
            });
        }
        line.set(&mut toks[line_start..]);
        let n_words = n_words as usize;
        // Sentences; a line break also starts a new "sentence" for position features.
        let mut sents: Vec<Range<usize>> = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let mut a = s.tokens.start;
            for k in s.tokens.clone() {
                if k > a && doc.tokens[k].newline_before {
                    sents.push(a..k);
                    a = k;
                }
            }
            if a < s.tokens.end {
                sents.push(a..s.tokens.end);
            }
        }
        if sents.is_empty() && n > 0 {
            sents.push(0..n);
        }
        for (si, r) in sents.iter().enumerate() {
            let mut first = true;
            for k in r.clone() {
                toks[k].sent = si as u32;
                // Sentence start: the first word, skipping opening quotes and brackets.
                if first && matches!(toks[k].class, Class::Other) {
                    continue;
                }
                toks[k].sent_start = first;
                first = false;
            }
        }
        // Multi-token gazetteer phrases, longest match from each capitalised start.
        if gaz.max_tokens > 1 {
            let lower = |t: &TokPos| forms[t.form as usize].lower;
            let mut i = 0;
            while i < n {
                if !toks[i].class.is_capitalised() {
                    i += 1;
                    continue;
                }
                let mut h = lower(&toks[i]);
                let mut best: Option<(usize, u32)> = None;
                let mut j = i + 1;
                while j < n && j - i < gaz.max_tokens && !doc.tokens[j].newline_before {
                    h = hash::phrase(h, lower(&toks[j]));
                    // No phrase starts with these two words, so no longer one either.
                    if j == i + 1 && !gaz.starts_phrase(h) {
                        break;
                    }
                    let f = gaz.get(h);
                    if f != 0 {
                        best = Some((j, f));
                    }
                    j += 1;
                }
                if let Some((end, f)) = best {
                    for (k, t) in toks[i..=end].iter_mut().enumerate() {
                        t.multi = f;
                        t.multi_pos = if k == 0 {
                            1
                        } else if i + k == end {
                            3
                        } else {
                            2
                        };
                    }
                    i = end + 1;
                } else {
                    i += 1;
                }
            }
        }
        // Document evidence, per word, then stored on the capitalised forms.
        let mut seen = vec![0u8; n_words];
        for t in &toks {
            let f = &forms[t.form as usize];
            let bit = match f.class {
                Class::Lower => doc_bit::LOWER,
                Class::Title if t.line == LineKind::Body && !t.sent_start => doc_bit::TITLE_MID,
                Class::Title if t.line == LineKind::Body => doc_bit::TITLE_START,
                Class::Upper if t.line == LineKind::Body => doc_bit::UPPER_BODY,
                _ => 0,
            };
            if bit != 0 {
                seen[f.word as usize] |= bit;
            }
        }
        for f in &mut forms {
            if f.class.is_capitalised() {
                f.doc = seen[f.word as usize];
            }
        }
        DocFeatures {
            toks,
            forms,
            affixes,
            sents,
            n_words,
            hints: Vec::new(),
            use_hints: false,
        }
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when the document has no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The form of token `i`.
    #[inline]
    pub fn form(&self, i: usize) -> &Form {
        &self.forms[self.toks[i].form as usize]
    }

    /// The facts of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> TokInfo {
        let t = &self.toks[i];
        let f = &self.forms[t.form as usize];
        TokInfo {
            lower: f.lower,
            shape: f.shape,
            class: t.class,
            gaz: f.gaz,
            multi: t.multi,
            multi_pos: t.multi_pos,
            sent: t.sent,
            sent_start: t.sent_start,
            line: t.line,
            doc: f.doc,
            len: f.len,
        }
    }

    /// Runs of tokens worth decoding: capitalised words within a sentence, joined by
    /// connectors (`of`, `de`, `&`…) when a capitalised word follows. Everything else is `O`.
    pub fn runs(&self) -> Vec<Range<usize>> {
        let conn = connector_hashes();
        let mut out = Vec::new();
        for s in &self.sents {
            let mut i = s.start;
            while i < s.end {
                if !self.toks[i].class.is_capitalised() {
                    i += 1;
                    continue;
                }
                let a = i;
                let mut b = i + 1;
                loop {
                    if b < s.end && self.toks[b].class.is_capitalised() {
                        b += 1;
                        continue;
                    }
                    // Up to two connectors followed by a capitalised word.
                    let mut c = b;
                    while c < s.end && c < b + 2 && conn.binary_search(&self.form(c).lower).is_ok()
                    {
                        c += 1;
                    }
                    if c > b && c < s.end && self.toks[c].class.is_capitalised() {
                        b = c + 1;
                        continue;
                    }
                    break;
                }
                out.push(a..b);
                i = b;
            }
        }
        out
    }

    /// Appends the feature keys of token `i` to `out`.
    pub fn features(&self, i: usize, out: &mut Vec<u32>) {
        self.keys::<true, true>(i, out);
        self.hint_features(i, out);
    }

    /// Appends the keys of token `i` that depend only on its form, whether it starts its
    /// sentence and its line kind ([`DocFeatures::word_variant`]): the same for every token
    /// of the same variant. With [`DocFeatures::context_features`] and
    /// [`DocFeatures::hint_features`], the same keys as [`DocFeatures::features`] (in another
    /// order).
    pub fn word_features(&self, i: usize, out: &mut Vec<u32>) {
        self.keys::<true, false>(i, out);
    }

    /// Appends the keys of token `i` that depend on its neighbours or its multi-token
    /// gazetteer phrase.
    pub fn context_features(&self, i: usize, out: &mut Vec<u32>) {
        self.keys::<false, true>(i, out);
    }

    /// Which of the [`WORD_VARIANTS`] variants of its form token `i` is for
    /// [`DocFeatures::word_features`]: tokens with the same form and variant have the same
    /// word features.
    #[inline]
    pub fn word_variant(&self, i: usize) -> usize {
        let t = &self.toks[i];
        t.sent_start as usize + 2 * t.line as usize
    }

    /// The word keys (`WORD`), the context keys (`CTX`) or both, in the order the model was
    /// trained with.
    #[inline(always)]
    fn keys<const WORD: bool, const CTX: bool>(&self, i: usize, out: &mut Vec<u32>) {
        let t = self.tok(i);
        let sent = t.sent;
        let at = |k: isize| -> Option<TokInfo> {
            let j = i as isize + k;
            if j < 0 || j as usize >= self.toks.len() {
                return None;
            }
            let u = self.tok(j as usize);
            (u.sent == sent).then_some(u)
        };
        let lw =
            |o: Option<TokInfo>, k: isize| o.map_or(if k < 0 { BOS } else { EOS }, |u| u.lower);
        let sh =
            |o: Option<TokInfo>, k: isize| o.map_or(if k < 0 { BOS } else { EOS }, |u| u.shape);
        let (p1, n1) = if CTX { (at(-1), at(1)) } else { (None, None) };
        let cls = t.class as u64;
        if WORD {
            out.push(key(0, 0));
            out.push(key(1, t.lower));
            out.push(key(2, t.shape));
            let affix = self.form(i).affix;
            if affix != 0 {
                let a = &self.affixes[affix as usize - 1];
                for (k, &p) in a.pre.iter().enumerate() {
                    if p != 0 {
                        out.push(key(3 + k as u64, p));
                    }
                }
                for (k, &s) in a.suf.iter().enumerate() {
                    if s != 0 {
                        out.push(key(5 + k as u64, s));
                    }
                }
            }
        }
        if CTX {
            let (p2, n2) = (at(-2), at(2));
            out.push(key(8, lw(p1, -1)));
            out.push(key(9, lw(n1, 1)));
            out.push(key(10, lw(p2, -2)));
            out.push(key(11, lw(n2, 2)));
            out.push(key(12, sh(p1, -1)));
            out.push(key(13, sh(n1, 1)));
            out.push(key2(14, lw(p1, -1), t.lower));
            out.push(key2(15, t.lower, lw(n1, 1)));
        }
        if WORD {
            out.push(key2(16, t.sent_start as u64, t.shape));
        }
        if CTX {
            out.push(key2(17, sh(p1, -1), mix(t.shape, sh(n1, 1))));
        }
        // Gazetteer flags of the token and its neighbours, in flag order; only set bits are
        // visited.
        let pg = p1.map_or(0, |u| u.gaz);
        let ng = n1.map_or(0, |u| u.gaz);
        const ALL_FLAGS: u32 = (1u32 << flag::COUNT) - 1;
        let word_bits = if WORD { t.gaz } else { 0 };
        let ctx_bits = if CTX { pg | ng | t.multi } else { 0 };
        let mut bits = (word_bits | ctx_bits) & ALL_FLAGS;
        while bits != 0 {
            let b = bits.trailing_zeros();
            bits &= bits - 1;
            if WORD && t.gaz & (1 << b) != 0 {
                out.push(key2(18, b as u64, cls));
            }
            if CTX && pg & (1 << b) != 0 {
                out.push(key(19, b as u64));
            }
            if CTX && ng & (1 << b) != 0 {
                out.push(key(20, b as u64));
            }
            if CTX && t.multi & (1 << b) != 0 {
                out.push(key2(21, b as u64, t.multi_pos as u64));
            }
        }
        if WORD {
            if t.gaz == 0 && t.class.is_capitalised() {
                out.push(key(22, t.sent_start as u64));
            }
            if t.class.is_capitalised() {
                out.push(key2(23, t.doc as u64, mix(cls, t.sent_start as u64)));
                out.push(key2(24, t.line as u64, cls));
            }
            out.push(key2(25, t.line as u64, t.lower));
            let len = match t.len {
                0..=1 => 0u64,
                2..=3 => 1,
                4..=6 => 2,
                _ => 3,
            };
            out.push(key2(26, len, cls));
        }
        if CTX {
            // Capitalised neighbours: is this word inside a run of capitals?
            let pc = p1.is_some_and(|u| u.class.is_capitalised()) as u64;
            let nc = n1.is_some_and(|u| u.class.is_capitalised()) as u64;
            out.push(key2(27, pc * 2 + nc, cls));
        }
    }

    /// Appends the second-pass hint feature keys of token `i` to `out` (none in the first
    /// pass): the last keys [`DocFeatures::features`] emits.
    pub fn hint_features(&self, i: usize, out: &mut Vec<u32>) {
        let t = self.tok(i);
        let cls = t.class as u64;
        if self.use_hints && t.class.is_capitalised() {
            let h = self.hints[i];
            out.push(key2(30, h as u64, cls));
            for b in 0..5 {
                if h & (1 << b) != 0 {
                    out.push(key2(31, b, t.sent_start as u64));
                }
            }
        }
    }

    /// Sets the second-pass hints from first-pass mentions `(tokens, type index)` and turns
    /// the hint features on.
    pub fn set_hints(&mut self, mentions: &[(Range<usize>, usize)]) {
        self.set_hints_from(mentions.iter().map(|(r, ty)| (r.clone(), *ty)));
    }

    /// [`DocFeatures::set_hints`] from an iterator (no copy of the mentions).
    pub fn set_hints_from(&mut self, mentions: impl Iterator<Item = (Range<usize>, usize)>) {
        let n = self.toks.len();
        // Each token's own first-pass type first (u8::MAX outside mentions), replaced by its
        // hint below: one per-token vector, not two.
        let mut hints = std::mem::take(&mut self.hints);
        hints.clear();
        hints.resize(n, u8::MAX);
        for (r, ty) in mentions {
            for k in r {
                if k < n {
                    hints[k] = ty as u8;
                }
            }
        }
        let slot = |own: u8| if own == u8::MAX { 4 } else { own as usize };
        // Per word: counts of first-pass types (0..4) and of untagged capitalised uses (4).
        let mut counts = vec![[0u16; 5]; self.n_words];
        for (t, &own) in self.toks.iter().zip(&hints) {
            let f = &self.forms[t.form as usize];
            if !f.class.is_capitalised() {
                continue;
            }
            let c = &mut counts[f.word as usize];
            let s = slot(own);
            c[s] = c[s].saturating_add(1);
        }
        for (t, h) in self.toks.iter().zip(hints.iter_mut()) {
            let f = &self.forms[t.form as usize];
            if !f.class.is_capitalised() {
                *h = 0;
                continue;
            }
            let c = counts[f.word as usize];
            let s = slot(*h);
            let mut bits = 0u8;
            for (b, &cnt) in c.iter().enumerate() {
                let others = cnt - (b == s) as u16;
                if others > 0 {
                    bits |= 1 << b;
                }
            }
            *h = bits;
        }
        self.hints = hints;
        self.use_hints = true;
    }
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

/// Letter counts and running hashes of a token, gathered in one pass over its characters.
struct Scan {
    up: usize,
    low: usize,
    dig: usize,
    alpha: usize,
    /// The first letter is upper case.
    first_upper: bool,
    /// Hash of the compressed shape: at most six shape characters, repeats collapsed.
    shape: u64,
    last_shape: u32,
    shape_n: u8,
    /// Hash of the lower-cased characters.
    lower: u64,
    /// Number of characters.
    len: usize,
}

impl Scan {
    fn new() -> Self {
        Scan {
            up: 0,
            low: 0,
            dig: 0,
            alpha: 0,
            first_upper: false,
            shape: 0x6a09_e667_f3bc_c908,
            last_shape: 0,
            shape_n: 0,
            lower: 0x2545_f491_4f6c_dd1d,
            len: 0,
        }
    }

    #[inline]
    fn shape(&mut self, sc: u32) {
        if sc != self.last_shape && self.shape_n < 6 {
            self.shape = mix(self.shape, sc as u64);
            self.shape_n += 1;
            self.last_shape = sc;
        }
    }

    /// One ASCII byte.
    #[inline]
    fn ascii(&mut self, b: u8) {
        self.len += 1;
        let sc = match b {
            b'A'..=b'Z' => {
                if self.alpha == 0 {
                    self.first_upper = true;
                }
                self.up += 1;
                self.alpha += 1;
                b'X'
            }
            b'a'..=b'z' => {
                self.low += 1;
                self.alpha += 1;
                b'x'
            }
            b'0'..=b'9' => {
                self.dig += 1;
                b'd'
            }
            _ => b,
        };
        self.shape(sc as u32);
        self.lower = mix(self.lower, b.to_ascii_lowercase() as u64);
    }

    /// One character outside ASCII; its lower-case form is appended to `buf`.
    fn unicode(&mut self, c: char, buf: &mut Vec<char>) {
        self.len += 1;
        if c.is_uppercase() {
            if self.alpha == 0 {
                self.first_upper = true;
            }
            self.up += 1;
        } else if c.is_lowercase() {
            self.low += 1;
        } else if c.is_numeric() {
            self.dig += 1;
        }
        if c.is_alphabetic() {
            self.alpha += 1;
        }
        self.shape(shape_char(c) as u32);
        for l in c.to_lowercase() {
            self.lower = mix(self.lower, l as u64);
            buf.push(l);
        }
    }
}

/// Affix hashes of a token of `m` lower-cased characters, `lc(i)` being the `i`-th.
fn affixes(m: usize, lc: impl Fn(usize) -> u64) -> Affixes {
    let affix = |r: Range<usize>| -> u64 {
        let mut h = 0x3c6e_f372_fe94_f82bu64;
        for i in r {
            h = mix(h, lc(i));
        }
        h
    };
    let mut pre = [0u64; 2];
    let mut suf = [0u64; 3];
    for (k, p) in pre.iter_mut().enumerate() {
        let l = k + 2;
        if m > l {
            *p = affix(0..l);
        }
    }
    for (k, p) in suf.iter_mut().enumerate() {
        let l = k + 2;
        if m > l {
            *p = affix(m - l..m);
        }
    }
    Affixes { pre, suf }
}

/// Facts for one token, and its affix hashes when it has a capital letter (its
/// [`Form::affix`] and [`Form::word`] are left 0 for the caller to set). `buf` is scratch space, used only for
/// tokens outside ASCII. Inlined into its one caller, which saves copying the result out.
#[inline]
pub fn token_info(
    s: &str,
    kind: TokenKind,
    buf: &mut Vec<char>,
    gaz: &Gazetteer,
) -> (Form, Option<Affixes>) {
    let mut sc = Scan::new();
    let aff = if s.is_ascii() {
        // The common case: byte by byte, no Unicode tables, no lower-case copy.
        let b = s.as_bytes();
        for &c in b {
            sc.ascii(c);
        }
        (sc.up > 0).then(|| affixes(b.len(), |i| b[i].to_ascii_lowercase() as u64))
    } else {
        buf.clear();
        for c in s.chars() {
            if c.is_ascii() {
                sc.ascii(c as u8);
                buf.push(c.to_ascii_lowercase());
            } else {
                sc.unicode(c, buf);
            }
        }
        (sc.up > 0).then(|| affixes(buf.len(), |i| buf[i] as u64))
    };
    let class = if matches!(kind, TokenKind::Url | TokenKind::Email) {
        Class::Other
    } else if sc.alpha == 0 {
        if sc.dig > 0 {
            Class::Number
        } else {
            Class::Other
        }
    } else if sc.up == 0 {
        Class::Lower
    } else if sc.up >= 2 && sc.low == 0 {
        Class::Upper
    } else if sc.first_upper && sc.up == 1 {
        Class::Title
    } else {
        Class::Mixed
    };
    let info = Form {
        lower: sc.lower,
        shape: sc.shape,
        gaz: gaz.get(sc.lower),
        affix: 0,
        word: 0,
        class,
        doc: 0,
        len: sc.len.min(u16::MAX as usize) as u16,
    };
    (info, aff)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(text: &str) -> (DocFeatures, Prepared<'_>) {
        let doc = Prepared::new(text);
        let g = Gazetteer::parse("@first\njohn\n@city\nnew york\n");
        (DocFeatures::new(&doc, &g), doc)
    }

    #[test]
    fn classes_and_lowercase_hash_agree_with_hash_module() {
        let (f, _) = feats("John met IBM staff in iPhone town 2024 .");
        let classes: Vec<Class> = (0..f.len()).map(|i| f.tok(i).class).collect();
        assert_eq!(
            classes,
            vec![
                Class::Title,
                Class::Lower,
                Class::Upper,
                Class::Lower,
                Class::Lower,
                Class::Mixed,
                Class::Lower,
                Class::Number,
                Class::Other
            ]
        );
        assert_eq!(f.tok(0).lower, hash::lower_str("JOHN"));
        assert!(f.tok(0).gaz & flag::FIRST != 0);
        assert!(f.tok(0).sent_start);
        assert!(!f.tok(2).sent_start);
    }

    #[test]
    fn multi_token_phrases_and_runs() {
        let (f, doc) = feats("He flew to New York with the Bank of England staff.");
        let ny = (0..doc.tokens.len())
            .find(|&i| doc.token_text(i) == "New")
            .unwrap();
        assert_eq!(f.tok(ny).multi_pos, 1);
        assert_eq!(f.tok(ny + 1).multi_pos, 3);
        let runs: Vec<String> = f
            .runs()
            .into_iter()
            .map(|r| {
                let s = doc.tokens[r.start].span.start;
                let e = doc.tokens[r.end - 1].span.end;
                doc.slice(crate::span::Span::new(s, e)).to_string()
            })
            .collect();
        assert_eq!(runs, vec!["He", "New York", "Bank of England"]);
    }

    #[test]
    fn document_evidence_and_headlines() {
        let (f, doc) = feats("POLICE SEIZE APPLE CARGO\nApple said police came. The apple fell.");
        let idx = |w: &str| {
            (0..doc.tokens.len())
                .find(|&i| doc.token_text(i) == w)
                .unwrap()
        };
        assert_eq!(f.tok(idx("POLICE")).line, LineKind::Caps);
        let apple = f.tok(idx("APPLE"));
        assert!(apple.doc & doc_bit::LOWER != 0);
        assert!(apple.doc & doc_bit::TITLE_START != 0);
        let mut out = Vec::new();
        f.features(idx("Apple"), &mut out);
        assert!(out.len() > 20);
        let mut again = Vec::new();
        f.features(idx("Apple"), &mut again);
        assert_eq!(out, again);
    }

    #[test]
    fn a_shared_word_cache_gives_the_same_facts_as_none() {
        let g = Gazetteer::parse("@first\njohn\n@city\nnew york\n");
        let texts = [
            "John met IBM staff in New York. John said: \"It's fine.\"",
            "NEW YORK — Ana Souza of the Bank of São Paulo met John at www.example.com.",
            "",
            "Mail ana@example.com or john@example.com; John and JOHN and john agreed.",
            "Ωmega Ωmega Ωmega. I saw a Zürich-based firm, then New York again.",
        ];
        let show = |f: &DocFeatures| {
            format!(
                "{:?} {:?} {:?} {:?} {}",
                f.toks, f.forms, f.affixes, f.sents, f.n_words
            )
        };
        let mut cache = WordCache::default();
        // Twice through, so the second round finds every form cached.
        for text in texts.iter().chain(&texts) {
            let doc = Prepared::new(text);
            let fresh = DocFeatures::new(&doc, &g);
            let cached = DocFeatures::with_cache(&doc, &g, &mut cache);
            assert_eq!(show(&fresh), show(&cached), "{text}");
        }
        assert!(!cache.is_full());
    }

    #[test]
    fn word_and_context_keys_are_the_features_split() {
        let (mut f, doc) = feats(
            "NEW YORK — John met the Bank of England staff in New York.\nJohn Smith of IBM said so.",
        );
        f.set_hints(&[(0..2, 2), (3..4, 0)]);
        for i in 0..doc.tokens.len() {
            let mut all = Vec::new();
            f.features(i, &mut all);
            let mut split = Vec::new();
            f.word_features(i, &mut split);
            f.context_features(i, &mut split);
            f.hint_features(i, &mut split);
            all.sort();
            split.sort();
            assert_eq!(all, split, "token {i}");
        }
    }
}
