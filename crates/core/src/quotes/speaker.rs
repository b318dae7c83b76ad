//! Who said it: reporting verbs, their subjects, and the mention that names the speaker.
//!
//! Works on tokens. For each quotation it looks, in order, for
//! 1. an attribution right after the closing mark (`"…," Chen said`, `"…," said Geng`,
//!    `"…," Rep. Jim Jordan (R-Ohio), a panel member, said`),
//! 2. a reporting verb before the opening mark in the same sentence (`X said: "…"`,
//!    `Geng told reporters "…"`, `according to X, "…"`), and its subject,
//! 3. the subject of the sentence the quotation sits in (`Trump likened them to a "snake"`),
//!
//! and leaves the rest (continuations, interrupted quotations) to the caller.
//! Names come from entities when there are any, else from runs of capitalised words with
//! titles stripped ("Minister of State Security Chen Yixin" → "Chen Yixin").

use super::verbs;
use crate::entities::Entity;
use crate::label::EntityLabel;
use crate::span::Span;
use crate::text::Prepared;
use crate::text::token::TokenKind;
use std::cell::OnceCell;

/// What kind of mention names a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A name (from an entity or a capitalised run).
    Name,
    /// A pronoun ("he", "she", "they", "who").
    Pronoun(verbs::Pronoun),
    /// A description ("the ministry", "a campaign spokesman").
    Nominal,
}

/// A speaker mention found for a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The mention.
    pub span: Span,
    /// What it is.
    pub kind: SpeakerKind,
    /// True when a reporting verb ties it to the quotation.
    pub by_verb: bool,
    /// The label of the entity it came from, when any.
    pub label: Option<EntityLabel>,
}

/// Token-level view used by the attribution rules.
pub struct Ctx<'d, 'a> {
    doc: &'d Prepared<'a>,
    entities: &'d [Entity],
    /// Paragraph (line) number of each token.
    pub para: Vec<u32>,
    /// For each token, one plus the index (into the quotation list) of the depth-0 quotation
    /// whose marks or words it lies in; 0 outside quotations (zeroed memory is not touched
    /// until written, so the tokens outside quotations cost no page). Read with
    /// [`Ctx::in_quote`].
    in_quote: Vec<u32>,
    /// First token of each line, and one past the last token.
    line_start: Vec<u32>,
    /// Lower-case forms of each line's tokens, made when a rule first reads a word of the line:
    /// speakers are only sought near quotations, so most lines are never read.
    lines: Vec<OnceCell<Box<LineLower>>>,
    /// The function words (looked up per token on demand: speakers are only sought near
    /// quotations, so most tokens are never asked about).
    func_set: &'static verbs::WordSet,
}

/// Marks a [`LineLower`] form that lies in the arena.
const IN_ARENA: u32 = 1 << 31;

/// The lower-case forms of the tokens of one line.
struct LineLower {
    /// Per token of the line: byte start and length of its lower-case form, in the text or
    /// (with [`IN_ARENA`] set in the length) in `arena`.
    forms: Vec<(u32, u32)>,
    /// The lower-case forms of the tokens with capitals, one after another.
    arena: String,
}

impl LineLower {
    fn new(doc: &Prepared<'_>, tokens: std::ops::Range<usize>) -> Self {
        // Room for every capitalised token of the line at once (lower-casing ASCII keeps the
        // length; anything longer grows the string).
        let tokens = &doc.tokens[tokens];
        let room = match (tokens.first(), tokens.last()) {
            (Some(a), Some(b)) if a.span.start <= b.span.end => doc
                .map
                .byte_range(Span::new(a.span.start, b.span.end))
                .len(),
            _ => 0,
        };
        let mut arena = String::with_capacity(room);
        let forms = tokens
            .iter()
            .map(|t| {
                let r = doc.map.byte_range(t.span);
                let w = &doc.text[r.clone()];
                let ascii = w.is_ascii();
                let upper = if ascii {
                    w.bytes().any(|b| b.is_ascii_uppercase())
                } else {
                    w.chars().any(char::is_uppercase)
                };
                if !upper {
                    return (r.start as u32, r.len() as u32);
                }
                let a = arena.len();
                if ascii {
                    arena.push_str(w);
                    arena[a..].make_ascii_lowercase();
                } else {
                    arena.push_str(&w.to_lowercase());
                }
                (a as u32, (arena.len() - a) as u32 | IN_ARENA)
            })
            .collect();
        LineLower { forms, arena }
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "but",
    "by",
    "during",
    "for",
    "from",
    "however",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "last",
    "later",
    "meanwhile",
    "now",
    "of",
    "on",
    "or",
    "since",
    "so",
    "still",
    "than",
    "that",
    "the",
    "then",
    "there",
    "these",
    "this",
    "those",
    "though",
    "to",
    "under",
    "until",
    "when",
    "where",
    "while",
    "with",
    "yet",
    "yesterday",
    "today",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "what",
    "why",
    "how",
    "here",
    "speaking",
    "asked",
    "according",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "not",
    "no",
    "yes",
    "we",
    "i",
    "you",
    "they",
    "he",
    "she",
    "who",
];

fn function_words() -> &'static verbs::WordSet {
    static SET: std::sync::OnceLock<verbs::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| FUNCTION_WORDS.iter().copied().collect())
}

/// Days, months and relative time words that may sit between a subject and its verb.
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "yesterday",
    "today",
    "tonight",
    "weekend",
];

/// Nouns for something said; "X's claim that \"…\"" attributes the quotation to X.
const SPEECH_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "statement",
    "statements",
    "remark",
    "remarks",
    "comment",
    "comments",
    "words",
    "description",
    "promise",
    "warning",
    "assertion",
    "argument",
    "pledge",
    "vow",
    "tweet",
    "tweets",
    "message",
    "speech",
    "insistence",
    "accusation",
    "charge",
    "slogan",
    "declaration",
    "prediction",
    "suggestion",
    "answer",
    "response",
    "reply",
    "question",
];

/// Words that open an introductory phrase ending in a comma.
const INTRO_WORDS: &[&str] = &[
    "at",
    "in",
    "on",
    "during",
    "after",
    "before",
    "speaking",
    "asked",
    "when",
    "while",
    "but",
    "and",
    "earlier",
    "later",
    "last",
    "still",
    "instead",
    "however",
    "meanwhile",
    "for",
    "since",
    "as",
    "yet",
    "so",
    "though",
    "although",
    "if",
    "because",
    "following",
    "despite",
    "with",
    "without",
    "under",
    "from",
    "by",
    "then",
    "conversely",
    "additionally",
    "also",
    "now",
    "today",
    "yesterday",
    "overall",
    "still",
    "indeed",
    "moreover",
    "furthermore",
    "similarly",
    "likewise",
    "thus",
    "hence",
    "nevertheless",
    "nonetheless",
    "unlike",
    "like",
    "according",
    "to",
    "once",
    "until",
    "whether",
    "amid",
    "among",
    "over",
    "throughout",
    "within",
    "outside",
    "inside",
    "behind",
    "near",
    "through",
    "against",
    "toward",
    "towards",
    "upon",
    "about",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "another", "one", "two", "three", "several", "some", "many", "other", "both", "my", "your",
];

const NP_STOP: &[&str] = &[
    "in", "on", "at", "of", "to", "who", "that", "which", "during", "for", "with", "from", "by",
    "and", "or", "but", "when", "while", "as", "after", "before", "about", "over", "into", "said",
    "says", "told", "tells", "wrote", "writes", "added", "adds", "is", "was", "has", "had", "have",
    "are", "were", "will", "would", "also", "then", "later", "not",
];

impl<'d, 'a> Ctx<'d, 'a> {
    /// The index of the depth-0 quotation holding token `k`, if any (None past the end).
    #[inline]
    pub fn in_quote(&self, k: usize) -> Option<u32> {
        self.in_quote.get(k).and_then(|&q| q.checked_sub(1))
    }

    /// Builds the view: paragraph numbers and quotation membership of every token.
    pub fn new(doc: &'d Prepared<'a>, entities: &'d [Entity], outers: &[Span]) -> Self {
        let n = doc.tokens.len();
        let mut para = Vec::with_capacity(n);
        let mut line_start = vec![0];
        let mut p = 0u32;
        for (i, t) in doc.tokens.iter().enumerate() {
            if i > 0 && t.newline_before {
                p += 1;
                line_start.push(i as u32);
            }
            para.push(p);
        }
        line_start.push(n as u32);
        let lines = (1..line_start.len()).map(|_| OnceCell::new()).collect();
        let mut in_quote = vec![0u32; n];
        for (qi, o) in outers.iter().enumerate() {
            let first = doc.tokens.partition_point(|t| t.span.start < o.start);
            let mut k = first;
            while k < n && doc.tokens[k].span.end <= o.end {
                in_quote[k] = qi as u32 + 1;
                k += 1;
            }
        }
        Ctx {
            doc,
            entities,
            para,
            in_quote,
            line_start,
            lines,
            func_set: function_words(),
        }
    }

    /// Token `i` in lower case.
    fn lw(&self, i: usize) -> &str {
        let p = self.para[i] as usize;
        let first = self.line_start[p] as usize;
        let line = self.lines[p].get_or_init(|| {
            let end = self.line_start[p + 1] as usize;
            Box::new(LineLower::new(self.doc, first..end))
        });
        let (a, len) = line.forms[i - first];
        let (a, b) = (a as usize, a as usize + (len & !IN_ARENA) as usize);
        if len & IN_ARENA != 0 {
            &line.arena[a..b]
        } else {
            &self.doc.text[a..b]
        }
    }

    /// Token `i` in lower case, or `None` past the end.
    fn lw_get(&self, i: usize) -> Option<&str> {
        (i < self.para.len()).then(|| self.lw(i))
    }

    fn text(&self, i: usize) -> &'a str {
        self.doc.token_text(i)
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }

    /// The first character of token `i`.
    fn first_char(&self, i: usize) -> Option<char> {
        let s = self.doc.tokens[i].span;
        if s.end > s.start {
            self.doc.char_at(s.start)
        } else {
            None
        }
    }

    fn is_cap(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word && self.first_char(i).is_some_and(|c| c.is_uppercase())
    }

    fn is_lower_word(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word && self.first_char(i).is_some_and(|c| c.is_lowercase())
    }

    fn is_func(&self, i: usize) -> bool {
        let w = self.lw(i);
        self.kind(i) == TokenKind::Word && w.len() <= 10 && self.func_set.contains(w)
    }

    /// Reporting-verb lemma of token `i`'s form, before any context check.
    fn lemma(&self, i: usize) -> Option<&'static str> {
        let w = self.lw(i);
        if self.kind(i) != TokenKind::Word
            || w.len() > 14
            || !w.bytes().all(|b| b.is_ascii_lowercase())
        {
            None
        } else {
            verbs::reporting_lemma(w)
        }
    }

    fn is_sentence_end(&self, i: usize) -> bool {
        if self.kind(i) != TokenKind::Punct
            || !matches!(self.text(i), "." | "!" | "?" | "..." | "…" | "?!" | "!!")
        {
            return false;
        }
        // "R-Ky., said" / "D-Mo.) said": a period that does not end the sentence.
        if self.text(i) == "."
            && let Some(nx) = self.doc.tokens.get(i + 1)
            && !nx.newline_before
        {
            let t = self.text(i + 1);
            if matches!(t, "," | ")") || t.chars().next().is_some_and(|c| c.is_lowercase()) {
                return false;
            }
        }
        true
    }

    /// The lemma when token `i` is a reporting verb used as a verb here (lower case, not a
    /// noun after a determiner: "his claims", "the report", "Republican claims").
    fn is_verb(&self, i: usize) -> Option<&'static str> {
        if self.kind(i) != TokenKind::Word || !self.is_lower_word(i) {
            return None;
        }
        let w: &str = self.lw(i);
        if w.len() > 14 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        // (The next word is read only for the verbs it can make phrasal.)
        let then = |particle| self.lw_get(i + 1) == Some(particle);
        if match w {
            "shot" | "fired" | "hit" | "pushed" => then("back"),
            "went" | "goes" | "go" => then("on"),
            "chimed" | "chimes" => then("in"),
            "pointed" | "points" => then("out"),
            "spoke" | "speaks" => then("up"),
            _ => false,
        } {
            return Some("say");
        }
        let lemma = self.lemma(i)?;
        if i > 0 && !w.ends_with("ed") && !matches!(w, "said" | "told" | "wrote") {
            let p = self.lw(i - 1);
            let noun_before = DETERMINERS.contains(&p)
                || matches!(
                    p,
                    "of" | "'s" | "’s" | "s'" | "my" | "your" | "new" | "such"
                )
                || self.kind(i - 1) == TokenKind::Number
                || self.kind(i - 1) == TokenKind::Clitic
                || (self.is_cap(i - 1)
                    && (p.ends_with("an") || p.ends_with("ic") || p.ends_with("ish")));
            if noun_before {
                return None;
            }
        }
        // "state is", "report was": a noun before a verb.
        if !w.ends_with("ed")
            && let Some(nx) = self.lw_get(i + 1)
            && matches!(nx, "is" | "was" | "are" | "were" | "has" | "had")
        {
            return None;
        }
        // A bare form ("say", "state", "report") is a verb only after a plural or personal
        // subject, an auxiliary or "to".
        if w == lemma && w != "read" && i > 0 {
            let p = self.lw(i - 1);
            let ok = matches!(
                p,
                "i" | "we"
                    | "you"
                    | "they"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "can"
                    | "did"
                    | "does"
                    | "do"
                    | "to"
                    | "also"
                    | "often"
                    | "always"
                    | "never"
                    | "people"
                    | "officials"
                    | "critics"
                    | "experts"
            ) || (p.ends_with('s') && self.kind(i - 1) == TokenKind::Word)
                || self.kind(i - 1) == TokenKind::Clitic;
            if !ok {
                return None;
            }
        }
        Some(lemma)
    }

    /// Tokens of the quotation `qi`: (opening mark, closing mark or last token).
    pub fn bounds(&self, outer: Span) -> Option<(usize, usize)> {
        let toks = &self.doc.tokens;
        let first = toks.partition_point(|t| t.span.start < outer.start);
        let last = toks.partition_point(|t| t.span.end <= outer.end);
        (first < last).then(|| (first, last - 1))
    }

    /// The entity covering token `i`, if any.
    fn entity_at(&self, i: usize) -> Option<&'d Entity> {
        let s = self.doc.tokens[i].span;
        let k = self.entities.partition_point(|e| e.span.end <= s.start);
        self.entities
            .get(k)
            .filter(|e| e.span.contains(s) && e.label.is_name())
    }

    /// A name mention ending at token `end` (inclusive), scanning back no further than `min`.
    fn name_ending_at(&self, end: usize, min: usize) -> Option<Found> {
        if let Some(e) = self.entity_at(end) {
            return Some(Found {
                span: e.span,
                kind: SpeakerKind::Name,
                by_verb: false,
                label: Some(e.label),
            });
        }
        if !self.is_cap(end) || (self.is_func(end) && self.lw(end) != "may") {
            return None;
        }
        let mut s = end;
        while s > min {
            let p = s - 1;
            if self.is_cap(p) && !self.is_func(p) {
                s = p;
            } else if p > min
                && matches!(self.lw(p), "of" | "de" | "van" | "von" | "bin" | "al")
                && self.is_cap(p - 1)
            {
                s = p - 1;
            } else {
                break;
            }
        }
        Some(self.strip_titles(s, end))
    }

    /// A name run from `start` going forward: the last person entity in a run of capitalised
    /// words ("Senate Majority Leader Mitch McConnell"), else an entity covering the start, else
    /// the run with its titles stripped.
    fn name_starting_at(&self, start: usize, max: usize) -> Option<Found> {
        let start_entity = self.entity_at(start);
        if start_entity.is_none()
            && (!self.is_cap(start)
                || (self.is_func(start) && !verbs::is_title(self.text(start)))
                || matches!(
                    self.lw(start),
                    "more"
                        | "most"
                        | "only"
                        | "some"
                        | "many"
                        | "few"
                        | "several"
                        | "all"
                        | "each"
                        | "every"
                        | "any"
                        | "no"
                        | "both"
                        | "either"
                        | "neither"
                        | "such"
                        | "other"
                ))
        {
            return None;
        }
        let mut e = start;
        let mut person: Option<&Entity> = start_entity.filter(|x| x.label == EntityLabel::Person);
        while e + 1 < max {
            let nx = e + 1;
            let ent = self.entity_at(nx);
            if self.is_cap(nx) && (!self.is_func(nx) || ent.is_some()) {
                e = nx;
            } else if nx + 1 < max
                && matches!(self.lw(nx), "of" | "de" | "van" | "von" | "bin" | "al")
                && self.is_cap(nx + 1)
            {
                e = nx + 1;
            } else {
                break;
            }
            if let Some(x) = self.entity_at(e)
                && x.label == EntityLabel::Person
            {
                person = Some(x);
            }
        }
        // "White House press secretary Josh Earnest", "Tulsa police Chief Chuck Jordan":
        // lower-case role words between an organisation and the person's name.
        let mut k = e + 1;
        while k < max && k - e <= 3 && self.is_lower_word(k) && verbs::is_speaker_noun(self.lw(k)) {
            k += 1;
        }
        if k > e + 1 && k < max && self.is_cap(k) && !self.is_func(k) {
            return self.name_starting_at(k, max);
        }
        let entity = |x: &Entity| Found {
            span: x.span,
            kind: SpeakerKind::Name,
            by_verb: false,
            label: Some(x.label),
        };
        if let Some(p) = person {
            return Some(entity(p));
        }
        if let Some(x) = start_entity
            && x.span.end >= self.doc.tokens[e].span.end
        {
            return Some(entity(x));
        }
        if !self.is_cap(start) {
            return start_entity.map(entity);
        }
        Some(self.strip_titles(start, e))
    }

    /// Drops leading titles, determiners and "of" from a capitalised run `s..=e`.
    fn strip_titles(&self, s: usize, e: usize) -> Found {
        let mut k = s;
        let mut of = false;
        while k < e && (verbs::is_title(self.text(k)) || self.is_func(k)) {
            of |= self.lw(k) == "of";
            k += 1;
        }
        // "Minister of Public Security Maria Santos": after "title of", the department comes
        // first and the person's name (its last two words) ends the run.
        if of && e >= k + 2 {
            k = e - 1;
        }
        Found {
            span: Span::new(self.doc.tokens[k].span.start, self.doc.tokens[e].span.end),
            kind: SpeakerKind::Name,
            by_verb: false,
            label: None,
        }
    }

    /// A speaker NP ending at token `end` (its head), scanning back no further than `min`.
    fn np_ending_at(&self, end: usize, min: usize) -> Option<Found> {
        if let Some(p) = verbs::pronoun(self.lw(end)) {
            if matches!(self.lw(end), "him" | "her" | "them") {
                return None;
            }
            return Some(Found {
                span: self.doc.tokens[end].span,
                kind: SpeakerKind::Pronoun(p),
                by_verb: false,
                label: None,
            });
        }
        if let Some(f) = self.name_ending_at(end, min) {
            return Some(f);
        }
        if self.is_lower_word(end) && !NP_STOP.contains(&self.lw(end)) {
            // A description: back to its determiner.
            let mut s = end;
            let mut steps = 0;
            let mut has_det = false;
            while s > min && steps < 6 {
                let p = s - 1;
                let lw = self.lw(p);
                if DETERMINERS.contains(&lw) {
                    s = p;
                    has_det = true;
                    break;
                }
                if self.kind(p) == TokenKind::Clitic
                    || (self.kind(p) == TokenKind::Word && !NP_STOP.contains(&lw))
                {
                    s = p;
                    steps += 1;
                } else {
                    break;
                }
            }
            if has_det || verbs::is_speaker_noun(self.lw(end)) || s < end {
                return Some(Found {
                    span: Span::new(self.doc.tokens[s].span.start, self.doc.tokens[end].span.end),
                    kind: SpeakerKind::Nominal,
                    by_verb: false,
                    label: None,
                });
            }
        }
        None
    }

    /// A speaker NP starting at token `start`, ending before `max`.
    fn np_starting_at(&self, start: usize, max: usize) -> Option<Found> {
        if start >= max {
            return None;
        }
        if let Some(p) = verbs::pronoun(self.lw(start)) {
            if matches!(self.lw(start), "him" | "her" | "them") {
                return None;
            }
            return Some(Found {
                span: self.doc.tokens[start].span,
                kind: SpeakerKind::Pronoun(p),
                by_verb: false,
                label: None,
            });
        }
        let lw = self.lw(start);
        if DETERMINERS.contains(&lw) || self.is_lower_word(start) {
            let mut e = start;
            let mut k = start + 1;
            while k < max && k - start < 7 {
                let w = self.lw(k);
                if self.kind(k) == TokenKind::Clitic
                    || (self.kind(k) == TokenKind::Word && !NP_STOP.contains(&w))
                {
                    if self.is_verb(k).is_some() && k > start + 1 {
                        break;
                    }
                    e = k;
                    k += 1;
                } else {
                    break;
                }
            }
            if e == start && DETERMINERS.contains(&lw) {
                return None;
            }
            if e == start && !verbs::is_speaker_noun(lw) {
                return None;
            }
            return Some(Found {
                span: Span::new(
                    self.doc.tokens[start].span.start,
                    self.doc.tokens[e].span.end,
                ),
                kind: SpeakerKind::Nominal,
                by_verb: false,
                label: None,
            });
        }
        self.name_starting_at(start, max)
    }

    /// Skips backward over verb modifiers, adverbs in -ly, parentheticals and appositions
    /// (`Jordan (R-Ohio), an oversight panel member, said`), returning the head token of the
    /// subject of the verb at `v`.
    fn subject_head_before(&self, v: usize, min: usize) -> Option<usize> {
        let mut j = v;
        let mut guard = 0;
        while j > min && guard < 40 {
            guard += 1;
            let p = j - 1;
            let w = self.lw(p);
            if verbs::is_verb_modifier(w) || (w.ends_with("ly") && self.is_lower_word(p)) {
                j = p;
                continue;
            }
            // "on Friday", "last week", "yesterday".
            if TIME_WORDS.contains(&w) {
                j = p;
                if j > min && matches!(self.lw(j - 1), "on" | "last" | "this" | "late" | "early") {
                    j -= 1;
                }
                continue;
            }
            if w == ")" {
                // Skip back to the opening bracket.
                let mut k = p;
                while k > min && self.lw(k) != "(" {
                    k -= 1;
                }
                if k <= min {
                    return None;
                }
                j = k;
                continue;
            }
            if w == "," {
                // Apposition: "X, a spokesman for Y, said" / "X, who …, said".
                let mut k = p;
                let mut steps = 0;
                while k > min && steps < 20 {
                    k -= 1;
                    steps += 1;
                    if self.lw(k) == "," {
                        break;
                    }
                    if self.is_sentence_end(k) || self.in_quote(k).is_some() {
                        return None;
                    }
                }
                if k <= min || self.lw(k) != "," {
                    return None;
                }
                // Only when what lies between reads like an apposition or a relative clause.
                let first = k + 1;
                let fw = self.lw(first);
                let apposition = DETERMINERS.contains(&fw)
                    || fw == "who"
                    || fw == "which"
                    || self.is_cap(first)
                    || verbs::is_title(self.text(first));
                if !apposition {
                    return None;
                }
                j = k;
                continue;
            }
            return Some(p);
        }
        None
    }

    /// Skips forward over modifiers, parentheticals and appositions after a subject ending
    /// before token `e`; returns the index of the token that should be the verb.
    fn skip_to_verb(&self, mut e: usize, max: usize) -> usize {
        let mut guard = 0;
        while e < max && guard < 30 {
            guard += 1;
            let w = self.lw(e);
            if verbs::is_verb_modifier(w) || (w.ends_with("ly") && self.is_lower_word(e)) {
                e += 1;
            } else if w == "(" {
                while e < max && self.lw(e) != ")" {
                    e += 1;
                }
                e += 1;
            } else if w == "," {
                // ", a spokesman for the ministry," / ", R-Ky.," / ", the attorney general of
                // Oklahoma, one of the plaintiffs,": on to the comma a verb follows.
                let mut k = e + 1;
                let mut found = None;
                while k < max && k - e < 30 {
                    if self.lw(k) == "," {
                        let mut v = k + 1;
                        while v < max && verbs::is_verb_modifier(self.lw(v)) {
                            v += 1;
                        }
                        if v < max && self.is_verb(v).is_some() {
                            found = Some(v);
                            break;
                        }
                    }
                    k += 1;
                }
                match found {
                    Some(v) => return v,
                    None => return e,
                }
            } else {
                return e;
            }
        }
        e
    }

    /// The end (exclusive token index) of a found mention.
    fn end_token(&self, f: &Found) -> usize {
        self.doc
            .tokens
            .partition_point(|t| t.span.end <= f.span.end)
    }

    /// A subject that may stand right after a quotation: a pronoun, a name, or a description
    /// headed by a speaker noun ("the ministry", "a campaign spokesman", "officials").
    fn strict_np(&self, k: usize, max: usize) -> Option<Found> {
        let f = self.np_starting_at(k, max)?;
        if f.kind == SpeakerKind::Nominal {
            let e = self.end_token(&f);
            // Shrink to the last speaker noun.
            let head = (k..e)
                .rev()
                .find(|&h| verbs::is_speaker_noun(self.lw(h)) || self.is_cap(h))?;
            if FUNCTION_WORDS.contains(&self.lw(k)) && !DETERMINERS.contains(&self.lw(k)) {
                return None;
            }
            return Some(Found {
                span: Span::new(
                    self.doc.tokens[k].span.start,
                    self.doc.tokens[head].span.end,
                ),
                ..f
            });
        }
        if let SpeakerKind::Pronoun(p) = f.kind
            && p == verbs::Pronoun::Relative
        {
            return None;
        }
        Some(f)
    }

    /// The attribution right after a quotation whose closing mark is token `c`.
    pub fn after(&self, c: usize, ends_sentence: bool) -> Option<Found> {
        let n = self.doc.tokens.len();
        let mut k = c + 1;
        if k < n && self.lw(k) == "," {
            k += 1;
        }
        if k >= n || self.para[k] != self.para[c] || self.in_quote(k).is_some() {
            return None;
        }
        // Limit: same paragraph, before the next quotation or sentence end.
        let mut max = k;
        while max < n
            && self.para[max] == self.para[c]
            && self.in_quote(max).is_none()
            && !self.is_sentence_end(max)
            && max - k < 40
        {
            max += 1;
        }
        // `"…" ― Sonya Herridge` (a dash and a name).
        if matches!(self.lw(k), "—" | "―" | "–" | "-" | "--") {
            return self
                .strict_np(k + 1, max)
                .filter(|f| f.kind == SpeakerKind::Name)
                .map(|f| Found { by_verb: true, ..f });
        }
        if ends_sentence && !self.is_lower_word(k) && !self.is_cap(k) {
            return None;
        }
        if let Some(lemma) = self.is_verb(k) {
            // Inverted: `said Geng Shuang`, `said the spokesman`, `says a source`,
            // `said 9/11 widow Terry Strada`.
            let mut s = k + 1;
            while s < max && verbs::is_verb_modifier(self.lw(s)) {
                s += 1;
            }
            if lemma == "tell" || self.lw(k).ends_with("ing") {
                return None;
            }
            for start in s..max.min(s + 4) {
                let np = self.strict_np(start, max).or_else(|| {
                    // "said the ruling": any description right after the verb.
                    (start == s
                        && self.lw(start) != "that"
                        && DETERMINERS.contains(&self.lw(start)))
                    .then(|| self.np_starting_at(start, max))
                    .flatten()
                });
                if let Some(f) = np {
                    return Some(Found { by_verb: true, ..f });
                }
                if matches!(self.lw(start), "," | "." | "that" | "in" | "on") {
                    break;
                }
            }
            return None;
        }
        if self.lw(k) == "according" && k + 1 < max && self.lw(k + 1) == "to" {
            return self
                .strict_np(k + 2, max)
                .map(|f| Found { by_verb: true, ..f });
        }
        let f = self.strict_np(k, max)?;
        let mut e = self.skip_to_verb(self.end_token(&f), max);
        // "Mr. Morgan of the Sierra Club said", "a narrator in the Clinton ad asks".
        let limit = (e + 7).min(max);
        while e < limit {
            if self.is_verb(e).is_some() {
                return Some(Found { by_verb: true, ..f });
            }
            if self.kind(e) != TokenKind::Word && self.kind(e) != TokenKind::Clitic {
                break;
            }
            e += 1;
        }
        None
    }

    /// True when token `i` ends with a period (read from the byte before its end: cheaper than
    /// slicing the text for every token a window scan passes; the last byte of any other
    /// character is never a period).
    fn ends_with_period(&self, i: usize) -> bool {
        let s = self.doc.tokens[i].span;
        s.end > s.start && self.doc.text.as_bytes()[self.doc.map.byte(s.end) - 1] == b'.'
    }

    /// First token of the sentence window before token `o`: back to a sentence end, the start
    /// of the paragraph, or 50 tokens.
    pub fn window_start(&self, o: usize) -> usize {
        let mut s = o;
        while s > 0 && self.para[s - 1] == self.para[o] && o - s < 50 {
            let p = s - 1;
            if self.is_sentence_end(p) && self.in_quote(p).is_none() {
                break;
            }
            // "… in the U.S. He says": an abbreviation's period before a capitalised pronoun.
            if self.ends_with_period(p)
                && self.kind(p) == TokenKind::Word
                && matches!(self.text(s), "He" | "She" | "They" | "It" | "We" | "I")
            {
                break;
            }
            // A closing mark after sentence punctuation ends the sentence too.
            if self.in_quote(p).is_some()
                && self.kind(p) == TokenKind::Quote
                && p > 0
                && self.is_sentence_end(p - 1)
                && self.in_quote(p) != self.in_quote(o)
            {
                break;
            }
            s = p;
        }
        s
    }

    /// The attribution before a quotation whose opening mark is token `o`.
    pub fn before(&self, o: usize) -> Option<Found> {
        let min = self.window_start(o);
        if min >= o {
            return None;
        }
        // Nearest reporting verb, outside other quotations. A pronoun subject gives way to the
        // subject of an earlier reporting verb of the same sentence ("Lynch said she recalled
        // thinking, \"…\"" is Lynch's attribution).
        let mut pronoun: Option<Found> = None;
        let mut pronoun_at = 0;
        let mut v = o;
        while v > min {
            v -= 1;
            if self.in_quote(v).is_some() {
                continue;
            }
            if self.lw(v) == "according" && v + 1 < o && self.lw(v + 1) == "to" {
                if let Some(f) = self.strict_np(v + 2, o) {
                    return Some(Found { by_verb: true, ..f });
                }
                continue;
            }
            // "Trump's claim that \"…\"", "his description of it as \"…\"".
            // "X's claim that there were \"…\"": the noun leads straight into the quotation.
            let near_quote = o - v <= 7
                && (v + 1 == o
                    || matches!(
                        self.lw(v + 1),
                        "that" | "was" | "is" | ":" | "," | "of" | "as"
                    ));
            if near_quote && SPEECH_NOUNS.contains(&self.lw(v)) && v > min {
                let p = v - 1;
                if self.kind(p) == TokenKind::Clitic
                    && matches!(self.lw(p), "'s" | "’s")
                    && p > min
                    && let Some(f) = self.name_ending_at(p - 1, min)
                {
                    return Some(Found { by_verb: true, ..f });
                }
                if let Some(g) = match self.lw(p) {
                    "his" => Some(verbs::Pronoun::Male),
                    "her" => Some(verbs::Pronoun::Female),
                    "their" => Some(verbs::Pronoun::Plural),
                    _ => None,
                } {
                    return Some(Found {
                        span: self.doc.tokens[p].span,
                        kind: SpeakerKind::Pronoun(g),
                        by_verb: true,
                        label: None,
                    });
                }
            }
            // `Said Ellis: "…"` at the start of a sentence.
            if v == min
                && self.is_cap(v)
                && matches!(
                    self.lw(v),
                    "said" | "says" | "added" | "adds" | "wrote" | "writes" | "asked" | "asks"
                )
                && let Some(f) = self.strict_np(v + 1, o)
            {
                return Some(Found { by_verb: true, ..f });
            }
            let Some(lemma) = self.is_verb(v) else {
                continue;
            };
            // ", saying …" / ", adding …": the subject of the main clause.
            if self.lw(v).ends_with("ing") {
                let progressive = v > min
                    && matches!(
                        self.lw(v - 1),
                        "is" | "was" | "are" | "were" | "been" | "be" | "'s" | "’s" | "'re" | "’re"
                    );
                if !progressive {
                    if v > min
                        && matches!(
                            self.lw(v - 1),
                            "," | "by" | "after" | "while" | "when" | "before"
                        )
                        && let Some(f) = self.sentence_subject(o)
                    {
                        return Some(Found { by_verb: true, ..f });
                    }
                    continue;
                }
            }
            if let Some(h) = self.subject_head_before(v, min)
                && self.in_quote(h).is_none()
            {
                let hw = self.lw(h);
                if matches!(hw, "and" | "but" | "then" | "or") {
                    // "I laughed and said": the subject of the clause.
                    if let Some(f) = self
                        .clause_subject(h, min)
                        .or_else(|| self.sentence_subject(o))
                    {
                        return Some(Found { by_verb: true, ..f });
                    }
                    continue;
                }
                if let Some(f) = self.np_ending_at(h, min) {
                    if f.kind == SpeakerKind::Pronoun(verbs::Pronoun::Relative)
                        && !(h > min && self.lw(h - 1) == ",")
                    {
                        continue; // "anybody who complains": not the speaker
                    }
                    if f.kind == SpeakerKind::Nominal
                        && FUNCTION_WORDS.contains(&self.lw(self.start_token(&f)))
                        && !DETERMINERS.contains(&self.lw(self.start_token(&f)))
                    {
                        continue;
                    }
                    if matches!(f.kind, SpeakerKind::Pronoun(_)) && pronoun.is_none() {
                        pronoun = Some(Found { by_verb: true, ..f });
                        pronoun_at = h;
                        continue;
                    }
                    if pronoun.is_some() && v + 3 < pronoun_at {
                        // The earlier verb does not introduce the pronoun's clause.
                        return pronoun;
                    }
                    return Some(Found { by_verb: true, ..f });
                }
            }
            // Inverted before the quotation: `Said Trump: "…"`.
            if (v == min || verbs::is_weak(lemma))
                && let Some(f) = self.strict_np(v + 1, o)
            {
                return Some(Found { by_verb: true, ..f });
            }
        }
        pronoun
    }

    /// An attribution ending the sentence whose final punctuation is token `end`
    /// (`Schiff said.`, `said Geng on Monday.`): a reporting verb among its last few words.
    pub fn before_end(&self, end: usize) -> Option<Found> {
        self.before_end_after(end, 0)
    }

    /// The attribution that ends the sentence of a quotation closing at token `c`
    /// (`… a "turbulent election cycle" played out, he said.`): only words after the quotation.
    pub fn sentence_end_attribution(&self, c: usize) -> Option<Found> {
        let n = self.doc.tokens.len();
        let mut e = c + 1;
        while e < n
            && self.para[e] == self.para[c]
            && self.in_quote(e).is_none()
            && !self.is_sentence_end(e)
            && e - c < 40
        {
            e += 1;
        }
        if e >= n || self.para[e] != self.para[c] || !self.is_sentence_end(e) {
            return None;
        }
        // Only a clause set off by a comma: ", he said." / ", said Ms. Lee."
        let comma = (c + 1..e).rev().find(|&k| self.lw(k) == ",")?;
        if e - comma > 8 {
            return None;
        }
        self.before_end_after(e, comma + 1)
    }

    fn before_end_after(&self, end: usize, lower_bound: usize) -> Option<Found> {
        let min = self.window_start(end).max(lower_bound);
        if min >= end {
            return None;
        }
        let from = end.saturating_sub(6).max(min);
        let v = (from..end).rev().find(|&v| self.is_verb(v).is_some())?;
        if self.in_quote(v).is_some()
            || v <= min && lower_bound > 0 && self.strict_np(v + 1, end).is_none()
        {
            return None;
        }
        if let Some(h) = self.subject_head_before(v, min)
            && let Some(f) = self.np_ending_at(h, min)
        {
            return Some(Found { by_verb: true, ..f });
        }
        self.strict_np(v + 1, end)
            .map(|f| Found { by_verb: true, ..f })
    }

    fn start_token(&self, f: &Found) -> usize {
        self.doc
            .tokens
            .partition_point(|t| t.span.start < f.span.start)
    }

    /// The subject at the start of the clause containing token `h` (back to a comma or `min`).
    fn clause_subject(&self, h: usize, min: usize) -> Option<Found> {
        let mut s = h;
        while s > min && self.lw(s - 1) != "," && !self.is_sentence_end(s - 1) {
            s -= 1;
        }
        self.strict_np(s, h)
    }

    /// The subject of the sentence the quotation opening at `o` sits in.
    pub fn sentence_subject(&self, o: usize) -> Option<Found> {
        let min = self.window_start(o);
        if min >= o {
            return None;
        }
        let mut s = min;
        // A dateline: "HARWICK, Ont., May 3 (Wire) — The former mayor …".
        let all_caps = |k: usize| {
            let t = self.text(k);
            t.chars().filter(|c| c.is_alphabetic()).count() > 1
                && t.chars().all(|c| !c.is_lowercase())
        };
        if all_caps(s)
            && let Some(d) =
                (s..o.min(s + 20)).find(|&k| matches!(self.lw(k), "—" | "--" | "–" | "-"))
        {
            s = d + 1;
        }
        // Skip an introductory phrase up to its comma ("At a rally in Ohio, Trump …").
        let first = self.lw(s);
        // Introductory words, adverbs, participles ("Reached for comment,", "Appearing on"),
        // ordinals and number words.
        let intro = INTRO_WORDS.contains(&first)
            || (first.len() > 4
                && (first.ends_with("ly") || first.ends_with("ing") || first.ends_with("ed")))
            || matches!(
                first,
                "first"
                    | "second"
                    | "third"
                    | "finally"
                    | "one"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "eight"
                    | "nine"
                    | "ten"
                    | "eleven"
                    | "twelve"
                    | "thirteen"
                    | "twenty"
                    | "hundreds"
                    | "thousands"
                    | "millions"
                    | "dozens"
            )
            || self.kind(s) == TokenKind::Number;
        if intro {
            if let Some(c) = (s..o).find(|&k| self.lw(k) == "," && self.in_quote(k).is_none()) {
                s = c + 1;
            } else if matches!(first, "but" | "and" | "yet" | "so") {
                s += 1;
            } else {
                return None;
            }
        }
        while s < o && matches!(self.lw(s), "but" | "and" | "so" | "yet") {
            s += 1;
        }
        if s >= o || self.in_quote(s).is_some() || all_caps(s) && s + 1 < o && all_caps(s + 1) {
            return None;
        }
        let f = self.np_starting_at(s, o)?;
        if f.kind == SpeakerKind::Nominal && !verbs::is_speaker_noun(self.head_word(f.span)) {
            return None;
        }
        // The subject must be followed by a verb-like word, not by the quotation itself.
        let e = self.end_token(&f);
        if e >= o
            || (self.kind(e) != TokenKind::Word
                && self.kind(e) != TokenKind::Clitic
                && !matches!(self.lw(e), "," | "("))
        {
            return None;
        }
        Some(f)
    }

    fn head_word(&self, span: Span) -> &str {
        let e = self.doc.tokens.partition_point(|t| t.span.end <= span.end);
        if e == 0 {
            return "";
        }
        self.lw(e - 1)
    }
}
