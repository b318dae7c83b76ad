//! Quotations: where they are, what kind they are, and who said them.
//!
//! [`detect`] pairs the quotation marks, [`speaker`] finds attributions, and [`find`] puts it
//! together: attribution by a reporting verb next to the quotation, then quotations of the same
//! paragraph (`"A," he said. "B."`), then continuation from the previous paragraph, then the
//! subject of the sentence the quotation sits in. Pronoun speakers are resolved to the nearest
//! earlier compatible cluster and join it as pronoun mentions.

pub mod detect;
pub mod speaker;
pub mod verbs;

use crate::clusters::{self, Cluster};
use crate::label::EntityLabel;
use crate::span::Span;
use serde::{Deserialize, Serialize};
use speaker::{Ctx, Found, SpeakerKind};

/// Whether a quotation reports someone's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Direct speech or writing attributed to someone.
    Direct,
    /// A scare quote, a title or a term being mentioned ("normal", "Vault 7").
    Scare,
}

/// The speaker of a quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention the attribution names (the "he" in "he said", the "Geng" in "said Geng").
    pub mention: Span,
    /// Index into [`crate::analysis::Analysis::clusters`] when the mention belongs to a cluster.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<usize>,
}

/// A quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// The quoted words with their quotation marks.
    pub outer: Span,
    /// Direct speech or a scare/mention quote.
    pub kind: QuoteKind,
    /// Who said it, for direct quotes when found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// How many quotations enclose this one (0 for an outermost quotation).
    #[serde(default)]
    pub depth: u8,
}

impl Quote {
    /// True for the quotations a quotation list (and the evaluation output) should show:
    /// outermost direct quotations. Only outermost quotations are ever classified direct, so
    /// this is the same as `kind == QuoteKind::Direct`. Scare quotes, titles and quotations
    /// inside quotations stay in the analysis for highlighting.
    pub fn is_reported(&self) -> bool {
        self.kind == QuoteKind::Direct && self.depth == 0
    }
}

/// How a speaker was found, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum How {
    Verb,
    Paragraph,
    Continuation,
    Subject,
    Previous,
}

/// Finds quotations and their speakers. Pronoun speakers may be added to `clusters` as mentions.
pub fn find(
    doc: &crate::text::Prepared<'_>,
    entities: &[crate::entities::Entity],
    clusters: &mut Vec<crate::clusters::Cluster>,
) -> Vec<Quote> {
    let raw = detect::find(doc.text);
    // The last character of a quotation's words (they are never empty).
    let last_char = |q: &detect::RawQuote| doc.char_at(q.span.end.saturating_sub(1));
    let top: Vec<usize> = (0..raw.len()).filter(|&i| raw[i].depth == 0).collect();
    let outers: Vec<Span> = top.iter().map(|&i| raw[i].outer).collect();
    let ctx = Ctx::new(doc, entities, &outers);

    // Pass 1: attributions by reporting verbs.
    let mut bounds: Vec<Option<(usize, usize)>> = Vec::with_capacity(top.len());
    let mut found: Vec<Option<(Found, How)>> = Vec::with_capacity(top.len());
    for &ri in &top {
        let q = &raw[ri];
        let b = ctx.bounds(q.outer);
        bounds.push(b);
        let Some((o, c)) = b else {
            found.push(None);
            continue;
        };
        let ends_sentence = last_char(q) == Some('.');
        // A quotation inside a sentence is attributed by what comes before it ("X said the
        // plan was \"…\""); one that starts its sentence by what follows ("\"…,\" X said").
        let mid_sentence = ctx.window_start(o) < o;
        // `"…," the union wrote` right after the closing mark wins even inside a sentence.
        let tight = last_char(q).is_some_and(|ch| matches!(ch, ',' | '?' | '!' | '—'));
        let mut f = None;
        if tight && !q.unclosed {
            f = ctx.after(c, false);
        }
        if f.is_none() && mid_sentence {
            f = ctx.before(o);
        }
        if f.is_none() && !q.unclosed {
            f = ctx.after(c, ends_sentence);
        }
        if f.is_none() && !mid_sentence {
            f = ctx.before(o);
        }
        if f.is_none() && !q.unclosed {
            f = ctx.sentence_end_attribution(c);
        }
        found.push(f.map(|f| (f, How::Verb)));
    }

    // Multi-paragraph quotations attributed at their end: the attribution covers every part.
    for k in (0..top.len().saturating_sub(1)).rev() {
        if found[k].is_none() && raw[top[k]].continues {
            found[k] = found[k + 1].filter(|(_, h)| *h == How::Verb);
        }
    }

    // Pass 2: quotations without a verb of their own.
    let mut last: Option<usize> = None; // the latest earlier quotation with a speaker
    for k in 0..top.len() {
        if k > 0 && found[k - 1].is_some() {
            last = Some(k - 1);
        }
        if found[k].is_some() {
            continue;
        }
        let Some((o, _)) = bounds[k] else { continue };
        let para = ctx.para[o];
        // Another quotation of the same paragraph: the nearest earlier one, else a later one.
        let mate = (0..k)
            .rev()
            .take(20)
            .take_while(|&j| bounds[j].is_some_and(|(oj, _)| ctx.para[oj] == para))
            .find_map(|j| found[j].filter(|(_, h)| *h == How::Verb))
            .or_else(|| {
                (k + 1..top.len())
                    .take(20)
                    .take_while(|&j| bounds[j].is_some_and(|(oj, _)| ctx.para[oj] == para))
                    .find_map(|j| found[j].filter(|(_, h)| *h == How::Verb))
            });
        if let Some((f, _)) = mate {
            found[k] = Some((f, How::Paragraph));
            continue;
        }
        // `Schiff said. "…"`: the sentence before ends with an attribution.
        if o > 1
            && ctx.para[o - 1] == para
            && matches!(doc.token_text(o - 1), "." | ":")
            && let Some(f) = ctx.before_end(o - 1)
        {
            found[k] = Some((f, How::Verb));
            continue;
        }
        let para_start = o == 0 || ctx.para[o - 1] != para;
        if para_start {
            // `X said:` ending the previous paragraph.
            if o > 0
                && doc.token_text(o - 1) == ":"
                && let Some(f) = ctx.before(o - 1)
            {
                found[k] = Some((f, How::Verb));
                continue;
            }
            // The previous quotation's speaker, when it was a paragraph or two back.
            if let Some(j) = last
                && let Some((oj, _)) = bounds[j]
                && para.saturating_sub(ctx.para[oj]) <= 2
            {
                found[k] = found[j].map(|(f, _)| (f, How::Continuation));
                continue;
            }
        }
        if let Some(f) = ctx.sentence_subject(o) {
            found[k] = Some((f, How::Subject));
            continue;
        }
        if let Some(j) = last {
            found[k] = found[j].map(|(f, _)| (f, How::Previous));
        }
    }

    // Kinds, clusters, output.
    let mut linker = clusters::Linker::new(doc, clusters);
    let mut out: Vec<Quote> = Vec::with_capacity(raw.len());
    let mut top_iter = 0;
    // Whether the previous outermost quotation was reported as direct and runs on into the
    // next paragraph.
    let mut chain_direct = false;
    for (ri, q) in raw.iter().enumerate() {
        let mut quote = Quote {
            span: q.span,
            outer: q.outer,
            kind: QuoteKind::Scare,
            speaker: None,
            depth: q.depth,
        };
        if top_iter < top.len() && top[top_iter] == ri {
            let k = top_iter;
            top_iter += 1;
            // (Only "5 or more" and "more than 5" matter: counting stops at 6.)
            let quoted = doc.slice(q.span);
            let words = count_words(quoted, 6);
            let para_start =
                bounds[k].is_some_and(|(o, _)| o == 0 || ctx.para[o - 1] != ctx.para[o]);
            let how = found[k].map(|(_, h)| h);
            // A short quotation inside a sentence whose subject is a person ("Trump likened
            // them to a \"vicious snake\"") reports that person's words.
            let is_person = |f: &Found| {
                matches!(
                    f.kind,
                    SpeakerKind::Name
                        | SpeakerKind::Pronoun(
                            verbs::Pronoun::Male
                                | verbs::Pronoun::Female
                                | verbs::Pronoun::First
                                | verbs::Pronoun::Plural
                        )
                )
            };
            let person_subject = match found[k] {
                Some((f, How::Subject)) => is_person(&f),
                Some((_, How::Verb)) | None => false,
                Some(_) => bounds[k]
                    .and_then(|(o, _)| ctx.sentence_subject(o))
                    .is_some_and(|f| is_person(&f)),
            };
            // A quotation that starts its own sentence next to quotations of the same speaker
            // ("\"A,\" she said. \"B.\"") is speech too.
            let own_sentence = bounds[k].is_some_and(|(o, _)| ctx.window_start(o) == o);
            let mate = matches!(how, Some(How::Paragraph | How::Continuation)) && own_sentence;
            let in_chain = para_start && chain_direct;
            let mut direct = matches!(how, Some(How::Verb))
                || words >= 5
                || para_start
                || q.continues
                || person_subject
                || mate;
            // A paragraph opened by a mark that is never closed and that no attribution ties to
            // a speaker is usually an excerpt or a transcript block, not reported speech; it is
            // reported when it continues an attributed quotation.
            if q.unclosed && how != Some(How::Verb) && !in_chain {
                direct = false;
            }
            // Page junk (comment boxes, link lists, price tables) reports nobody's words.
            if doc.intake.is_junk(q.outer.start) {
                direct = false;
            }
            // (The title tests only matter for a short quotation that is direct so far.)
            let title = direct && words <= 5 && {
                // "on CBS's \"Face the Nation\"", "his 1994 \"Contract with America\"": a
                // title even next to a reporting verb.
                let title_cue = how == Some(How::Verb)
                    && title_cue_before(&doc.text[..doc.map.byte(q.outer.start)]);
                let how_for_title = if title_cue { None } else { how };
                is_title_like(quoted, words, how_for_title, || {
                    title_case_paragraph(doc, q.outer.start)
                })
            };
            if direct && !title {
                quote.kind = QuoteKind::Direct;
                if let Some((f, _)) = found[k] {
                    let cluster = attach(doc, clusters, &mut linker, f);
                    quote.speaker = Some(Speaker {
                        mention: f.span,
                        cluster,
                    });
                }
            }
            chain_direct = q.continues && quote.kind == QuoteKind::Direct;
        }
        out.push(quote);
    }
    out
}

/// The number of words in `text`, counted up to `max`.
fn count_words(text: &str, max: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                if n == max {
                    break;
                }
            }
            in_word = true;
        } else if c.is_whitespace() {
            in_word = false;
        }
    }
    n
}

/// A short capitalised title ("Vault 7", "Face the Nation,") or a lone pronoun ("she") with no
/// reporting verb. Inside a headline written in title case capitals say nothing, so it is not a
/// title there (`headline` tells, asked only when needed).
fn is_title_like(
    quoted: &str,
    words: usize,
    how: Option<How>,
    headline: impl FnOnce() -> bool,
) -> bool {
    if words > 5 || how == Some(How::Verb) {
        return false;
    }
    let s = quoted.trim_end_matches(['.', ',', '?', '!', ';', ':']);
    if words == 1 && verbs::pronoun(s).is_some() {
        return true;
    }
    if headline() {
        return false;
    }
    let content: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .collect();
    let small = [
        "the", "of", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or",
    ];
    !content.is_empty()
        && content.iter().all(|w| {
            small.contains(w)
                || w.chars()
                    .find(|c| c.is_alphanumeric())
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
}

/// True when the word ending `before` (the text before an opening mark, white space allowed)
/// typically introduces a title: a possessive ("CNN's"), "on", "of", "in", "titled",
/// "entitled", "dubbed", "named".
fn title_cue_before(before: &str) -> bool {
    let before = before.trim_end_matches(char::is_whitespace);
    // Its last 12 characters at most.
    let mut s = before.len();
    for (k, c) in before.char_indices().rev().take(12) {
        if c.is_whitespace() {
            break;
        }
        s = k;
    }
    let w = before[s..].to_lowercase();
    let w = w.trim_end_matches([',', ':']);
    w.ends_with("'s")
        || w.ends_with("’s")
        || matches!(
            w,
            "on" | "of" | "in" | "titled" | "entitled" | "dubbed" | "named" | "show" | "program"
        )
}

/// True when most words of the paragraph around `pos` start with a capital (a headline).
fn title_case_paragraph(doc: &crate::text::Prepared<'_>, pos: usize) -> bool {
    // The line around `pos`, when it is at most 300 characters long.
    let at = doc.map.byte(pos);
    let (mut s, mut back) = (at, 0);
    for c in doc.text[..at].chars().rev() {
        if c == '\n' || back > 300 {
            break;
        }
        s -= c.len_utf8();
        back += 1;
    }
    let (mut e, mut ahead) = (at, 0);
    for c in doc.text[at..].chars() {
        if c == '\n' || back + ahead > 300 {
            break;
        }
        e += c.len_utf8();
        ahead += 1;
    }
    if back + ahead > 300 {
        return false;
    }
    let line = &doc.text[s..e];
    let (mut words, mut caps) = (0, 0);
    for w in line.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let first = w.chars().next();
        if first.is_some_and(char::is_alphabetic) && w.len() > 3 {
            words += 1;
            caps += usize::from(first.is_some_and(char::is_uppercase));
        }
    }
    words >= 3 && caps * 10 >= words * 8
}

/// Puts a speaker mention into a cluster, creating one for a name not yet clustered.
fn attach(
    doc: &crate::text::Prepared<'_>,
    clusters: &mut Vec<Cluster>,
    linker: &mut clusters::Linker,
    f: Found,
) -> Option<usize> {
    match f.kind {
        SpeakerKind::Name => Some(linker.attach_name(
            doc,
            clusters,
            f.span,
            f.label.unwrap_or(EntityLabel::Person),
        )),
        SpeakerKind::Pronoun(p) => {
            let c = linker.resolve_pronoun(clusters, f.span, p)?;
            linker.add_pronoun(clusters, c, f.span, p);
            Some(c)
        }
        SpeakerKind::Nominal => None,
    }
}

#[cfg(test)]
mod tests;
