//! Rule mentions for the OntoNotes kinds the CoNLL-trained model has no tag for: PRODUCT
//! (brands and lines with a model code, camel-case product words, code-named aircraft and
//! weapons) and WORK_OF_ART (titles after a cue noun: "the film Silent Harbour"). (Joining a
//! year to the event after it, "the 2030 World Cup", was tried and lowered wwn and CoNLL: the
//! corpora mostly leave the year out. So was LAW for numbered provisions, "Article 5",
//! "Section 153A": the dev corpora annotate them too unevenly for it to pay; "the Fifth
//! Amendment" is LAW already through its head word.)
//!
//! Every rule here is written on word shapes and short hand-made word lists, never on corpus
//! text; each new mention replaces the model mentions inside it and gives way to any mention
//! that crosses its edges.

use super::features::{Class, DocFeatures};
use super::rules::{ListHashes, Named, in_list};
use crate::entities::EntitySource;
use crate::entities::patterns::is_calendar_name;
use crate::label::EntityLabel;
use crate::text::Prepared;
use crate::text::token::TokenKind;
use std::ops::Range;

/// Product lines and makers whose name followed by a number is a model ("Boeing 737",
/// "Windows 11", "Long March 5"). Lower case; multi-word lines are matched on their last word
/// and checked whole.
const PRODUCT_LINES: &[&str] = &[
    "airbus",
    "antonov",
    "ariane",
    "boeing",
    "bombardier",
    "cessna",
    "embraer",
    "falcon",
    "galaxy",
    "ilyushin",
    "ios",
    "ipad",
    "iphone",
    "kindle",
    "long march",
    "macbook",
    "model",
    "pixel",
    "playstation",
    "shenzhou",
    "soyuz",
    "sukhoi",
    "tianzhou",
    "tupolev",
    "windows",
    "xbox",
];

/// Words that may follow a model code and belong to the product name ("iPhone 15 Pro").
const MODEL_SUFFIXES: &[&str] = &[
    "pro", "max", "plus", "ultra", "mini", "lite", "air", "neo", "fold", "flip", "edge",
];

/// Letter prefixes of codes that are not products: groups of countries (G7), age groups
/// (U-20), summits (COP26), Covid and its variants.
const NOT_CODE_PREFIXES: &[&str] = &[
    "g", "u", "covid", "sars", "cop", "sdg", "ba", "bq", "xbb", "mers", "h", "ncov", "q", "fy",
    "under", "u-", "covid-",
];

/// More prefixes that rule out a code standing alone: roads (I-95, A-1, M-25), masks, vitamins.
/// Chemical element symbols too: isotopes are written the same way (Ga-68, Co-60, Cs-137).
const NOT_STANDALONE_PREFIXES: &[&str] = &[
    "i", "a", "m", "n", "k", "b", "d", "e", "r", "l", "sr", "ga", "tc", "co", "cs", "pu", "ra",
    "rn", "am", "lu", "ac", "th", "xe", "kr", "in", "ir", "se", "zr", "mo", "fe", "cu", "zn", "pb",
    "bi", "po", "tl", "ca", "na", "cl", "ni", "ag", "au", "pt", "he",
];

/// Cue nouns before an unquoted title of a work ("the novel Things Fall Apart").
const WORK_NOUNS: &[&str] = &[
    "album",
    "book",
    "documentary",
    "film",
    "memoir",
    "movie",
    "musical",
    "novel",
    "opera",
    "painting",
    "poem",
    "series",
    "sitcom",
    "song",
    "single",
];

/// The length of the shortest word of [`WORK_NOUNS`].
const MIN_WORK_NOUN: u16 = 4;

/// Determiners and possessives that open the noun phrase of a cue ("his latest novel").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
];

/// Lower-case words that may sit inside a title between capitalised words.
const TITLE_LINKS: &[&str] = &[
    "of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with", "from", "is",
];

fn lower_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A year-like number (1800–2099), which names an edition, not a model.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("18") || word.starts_with("19") || word.starts_with("20"))
}

/// A model code: letters and digits mixed with at least one capital ("A320", "S24", "X3",
/// "RT6", "F-35", "KF-21", "MiG-29"), not an ordinal, a unit or a decade.
pub fn is_model_code(word: &str) -> bool {
    // Fast rejection: most words have no digit or no capital letter.
    let b = word.as_bytes();
    if !b.iter().any(u8::is_ascii_digit) || !b.iter().any(u8::is_ascii_uppercase) {
        return false;
    }
    let word = word.strip_suffix('s').unwrap_or(word);
    if word.is_empty() || word.chars().count() > 9 {
        return false;
    }
    let digits = word.chars().filter(|c| c.is_ascii_digit()).count();
    let upper = word.chars().filter(|c| c.is_ascii_uppercase()).count();
    let other = word
        .chars()
        .any(|c| !(c.is_ascii_alphanumeric() || c == '-'));
    if digits == 0 || upper == 0 || other || word.starts_with('-') || word.ends_with('-') {
        return false;
    }
    let prefix: String = word
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    !lower_in(&prefix, NOT_CODE_PREFIXES) && !prefix.is_empty()
}

/// A standalone code-named aircraft or weapon ("F-35", "MiG-29", "Su-57", "B-52", "AK-47"):
/// one to three letters, a hyphen, two or three digits, an optional capital and plural `s`.
fn is_standalone_code(word: &str) -> bool {
    let word = word.strip_suffix('s').unwrap_or(word);
    // (A byte search: the general `split_once` costs more than these short words.)
    let Some(dash) = word.bytes().position(|b| b == b'-') else {
        return false;
    };
    let (letters, rest) = (&word[..dash], &word[dash + 1..]);
    let rest = rest
        .strip_suffix(|c: char| c.is_ascii_uppercase())
        .unwrap_or(rest);
    (1..=3).contains(&letters.len())
        && letters.starts_with(|c: char| c.is_ascii_uppercase())
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && (2..=3).contains(&rest.len())
        && rest.bytes().all(|b| b.is_ascii_digit())
        && !lower_in(letters, NOT_CODE_PREFIXES)
        && !lower_in(letters, NOT_STANDALONE_PREFIXES)
}

/// Camel-case product words (lower case, without a plural `s`).
const I_WORDS: &[&str] = &[
    "iphone", "ipad", "ipod", "imac", "itunes", "icloud", "iwatch",
];

/// A camel-case product word: "iPhone", "iPads", "iMac".
fn is_i_word(word: &str) -> bool {
    let mut cs = word.chars();
    let stem = word.strip_suffix('s').unwrap_or(word);
    cs.next() == Some('i')
        && cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && lower_in(stem, I_WORDS)
}

fn same_line(doc: &Prepared<'_>, f: &DocFeatures, a: usize, b: usize) -> bool {
    f.toks[a].sent == f.toks[b].sent && !(a + 1..=b).any(|k| doc.tokens[k].newline_before)
}

/// The product spans of the document.
fn product_spans(doc: &Prepared<'_>, f: &DocFeatures, ents: &[Named]) -> Vec<Range<usize>> {
    let n = doc.tokens.len();
    let mut out: Vec<Range<usize>> = Vec::new();
    // The mention ending at each token (built once: looking it up per token was quadratic).
    // (`u32::MAX` for none: a quarter of the memory of `Option<usize>`.)
    let mut ending: Vec<u32> = vec![u32::MAX; n];
    for (k, e) in ents.iter().enumerate() {
        if e.tokens.end > 0 && e.tokens.end <= n {
            ending[e.tokens.end - 1] = k as u32;
        }
    }
    let mut i = 0;
    while i < n {
        let kind = doc.tokens[i].kind;
        // Codes and camel-case product words have an ASCII capital, so a capitalised class;
        // other words cannot start a product here (and most tokens are skipped unread).
        if !(kind == TokenKind::Number
            || (kind == TokenKind::Word && f.toks[i].class.is_capitalised()))
        {
            i += 1;
            continue;
        }
        let w = doc.token_text(i);
        // A word can only be a code (it has a digit) or a camel-case product word (it starts
        // with "i"); most capitalised words are neither.
        if kind == TokenKind::Word && !w.starts_with('i') && !w.bytes().any(|b| b.is_ascii_digit())
        {
            i += 1;
            continue;
        }
        let number = kind == TokenKind::Number
            && w.len() <= 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && !is_year(w);
        let code_shape = number || (kind == TokenKind::Word && is_model_code(w));
        // Brand or line + model code.
        let code_here = code_shape
            && i > 0
            && same_line(doc, f, i - 1, i)
            && f.toks[i - 1].class.is_capitalised();
        if code_here {
            let brand_end = i; // exclusive
            let brand_mention = ents.get(ending[i - 1] as usize);
            let brand = brand_mention.map(|e| e.tokens.clone());
            let line_start = brand_end.saturating_sub(2);
            let line: Option<usize> = (line_start..brand_end).find(|&s| {
                let phrase: Vec<&str> = (s..brand_end).map(|k| doc.token_text(k)).collect();
                lower_in(&phrase.join(" "), PRODUCT_LINES)
            });
            let brand_ok_label = brand_mention.is_none_or(|e| {
                matches!(
                    e.label,
                    EntityLabel::Org | EntityLabel::Event | EntityLabel::Product
                )
            });
            let start = match (&brand, line) {
                (_, Some(l)) => Some(l),
                (Some(b), None) if kind == TokenKind::Word && brand_ok_label => Some(b.start),
                (None, None) if kind == TokenKind::Word && is_i_word(doc.token_text(i - 1)) => {
                    Some(i - 1)
                }
                _ => None,
            };
            let is_code = !number || line.is_some();
            if let Some(start) = start.filter(|_| is_code) {
                let mut end = i + 1;
                // "737-800"
                if end + 1 < n
                    && doc.token_text(end) == "-"
                    && doc.tokens[end + 1].kind == TokenKind::Number
                    && !doc.tokens[end].newline_before
                {
                    end += 2;
                }
                while end < n
                    && end < i + 3
                    && same_line(doc, f, i, end)
                    && f.toks[end].class == Class::Title
                    && lower_in(doc.token_text(end), MODEL_SUFFIXES)
                {
                    end += 1;
                }
                // "iPhone" was taken alone a token ago; "iPhone 15" replaces it.
                while out.last().is_some_and(|p| p.end > start) {
                    out.pop();
                }
                out.push(start..end);
                i = end;
                continue;
            }
        }
        if kind == TokenKind::Word && (is_standalone_code(w) || is_i_word(w)) {
            out.push(i..i + 1);
        }
        i += 1;
    }
    out
}

/// Unquoted titles after a cue noun: "the film Silent Harbour", "his novel The Salt Orchard".
fn work_spans(doc: &Prepared<'_>, f: &DocFeatures, ents: &[Named]) -> Vec<Range<usize>> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut by_start: Option<Vec<(usize, usize)>> = None;
    for c in 1..n.saturating_sub(1) {
        static WORK_HASHES: ListHashes = ListHashes::new();
        // (Cue nouns have at least `MIN_WORK_NOUN` letters: shorter words skip the lookup.)
        if !(f.toks[c].class == Class::Lower
            && f.form(c).len >= MIN_WORK_NOUN
            && in_list(&WORK_HASHES, WORK_NOUNS, doc, f, c))
        {
            continue;
        }
        // A determiner up to three lower-case words (or years, hyphenated adjectives) back.
        let mut k = c;
        let mut det = false;
        while k > 0 && c - k < 4 && same_line(doc, f, k - 1, c) {
            k -= 1;
            let w = doc.token_text(k);
            let lower = f.toks[k].class == Class::Lower
                || (f.toks[k].sent_start && f.toks[k].class == Class::Title);
            if lower_in(w, DETERMINERS) && lower {
                det = true;
                break;
            }
            let adjective = f.toks[k].class == Class::Lower
                || doc.tokens[k].kind == TokenKind::Number
                || (w.contains('-') && doc.tokens[k].kind == TokenKind::Word);
            if !adjective {
                break;
            }
        }
        let a = c + 1;
        // Cue words that are also verbs or adjectives ("media painting Putin as …", "a single
        // market") need the determiner right before them.
        let ambiguous = lower_in(doc.token_text(c), &["painting", "single"]);
        if !det
            || (ambiguous && k + 1 != c)
            || !same_line(doc, f, c, a)
            || !matches!(f.toks[a].class, Class::Title | Class::Upper | Class::Mixed)
            || is_calendar_name(doc.token_text(a))
        {
            continue;
        }
        let mut b = a + 1;
        while b < n && b < a + 8 && same_line(doc, f, a, b) {
            let cap = f.toks[b].class.is_capitalised() || doc.tokens[b].kind == TokenKind::Number;
            let link = (lower_in(doc.token_text(b), TITLE_LINKS)
                && f.toks[b].class == Class::Lower)
                || doc.tokens[b].kind == TokenKind::Clitic;
            if cap {
                b += 1;
            } else if link && b + 1 < n && f.toks[b + 1].class.is_capitalised() {
                b += 2;
            } else {
                break;
            }
        }
        // A person right after the cue and a verb after the name is more often the subject of
        // the sentence ("in the film Mira Okafor describes …") than the title.
        let verb_after = b < n && f.toks[b].class == Class::Lower && {
            let w = doc.token_text(b);
            w.ends_with("ed")
                || (w.ends_with('s') && !w.ends_with("ss"))
                || lower_in(w, &["wrote", "made", "said", "won", "told", "took", "gave"])
        };
        // A group or a place is not a title ("a single Palestinian Arab").
        // The mentions by start, sorted once on first need (scanning them all per cue was
        // quadratic on long texts).
        let by_start = by_start.get_or_insert_with(|| {
            let mut v: Vec<(usize, usize)> = ents
                .iter()
                .enumerate()
                .map(|(k, e)| (e.tokens.start, k))
                .collect();
            crate::sort::sort(&mut v);
            v
        });
        let lo = by_start.partition_point(|&(s, _)| s < a);
        let named = by_start[lo..]
            .iter()
            .take_while(|&&(s, _)| s == a)
            .any(|&(_, k)| {
                let e = &ents[k];
                e.tokens.end == b
                    && (matches!(e.label, EntityLabel::Norp | EntityLabel::Gpe)
                        || (verb_after && e.label == EntityLabel::Person))
            });
        if !named {
            out.push(a..b);
        }
    }
    out
}

/// Adds `spans` with `label`: each drops the mentions inside it and is skipped when a mention
/// crosses its edges; with `cut_left`, a mention that starts before the span and ends inside it
/// is cut short instead ("the airline's Boeing 777": "airline's Boeing" → "airline's"). Linear
/// in the number of mentions and spans.
fn add_spans(
    doc: &Prepared<'_>,
    ents: &mut Vec<Named>,
    spans: Vec<Range<usize>>,
    label: EntityLabel,
    cut_left: bool,
) {
    if spans.is_empty() {
        return;
    }
    let n = doc.tokens.len();
    let mut owner = vec![usize::MAX; n];
    let mut blocked = vec![false; spans.len()];
    for (k, r) in spans.iter().enumerate() {
        if r.end > n || r.is_empty() || owner[r.clone()].iter().any(|&o| o != usize::MAX) {
            blocked[k] = true;
            continue;
        }
        owner[r.clone()].fill(k);
    }
    let mut drop = vec![false; ents.len()];
    for (j, e) in ents.iter_mut().enumerate() {
        let mut t = e.tokens.start;
        while t < e.tokens.end.min(n) {
            let k = owner[t];
            if k == usize::MAX || blocked[k] {
                t += 1;
                continue;
            }
            let r = &spans[k];
            if e.tokens.start >= r.start && e.tokens.end <= r.end {
                drop[j] = true;
            } else if cut_left && e.tokens.start < r.start && e.tokens.end <= r.end {
                e.tokens.end = r.start;
                while e.tokens.end > e.tokens.start
                    && !matches!(
                        doc.tokens[e.tokens.end - 1].kind,
                        TokenKind::Word | TokenKind::Number
                    )
                {
                    e.tokens.end -= 1;
                }
                // What is left of a MISC guess is rarely a name of its own.
                if matches!(e.label, EntityLabel::Event | EntityLabel::Product) {
                    e.tokens.end = e.tokens.start;
                }
            } else {
                blocked[k] = true;
            }
            t = r.end;
        }
    }
    let mut j = 0;
    ents.retain(|e| {
        j += 1;
        !drop[j - 1] && !e.tokens.is_empty()
    });
    for (r, b) in spans.into_iter().zip(blocked) {
        if !b {
            ents.push(Named {
                tokens: r,
                label,
                source: EntitySource::Rule,
                score: 0.7,
            });
        }
    }
}

/// Adds PRODUCT and WORK_OF_ART rule mentions to `ents`.
pub fn apply(doc: &Prepared<'_>, f: &DocFeatures, ents: &mut Vec<Named>) {
    let products = product_spans(doc, f, ents);
    add_spans(doc, ents, products, EntityLabel::Product, true);
    let works = work_spans(doc, f, ents);
    add_spans(doc, ents, works, EntityLabel::WorkOfArt, false);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::names::test_support::check;

    #[test]
    fn work_nouns_are_not_shorter_than_the_bound() {
        assert!(WORK_NOUNS.iter().all(|w| w.len() >= MIN_WORK_NOUN as usize));
    }

    #[test]
    fn code_shapes() {
        for (w, code) in [
            ("A320", true),
            ("S24", true),
            ("X3", true),
            ("RT6", true),
            ("F-35", true),
            ("MiG-29", true),
            ("2nd", false),
            ("10km", false),
            ("1990s", false),
            ("COVID-19", false),
            ("G20", false),
            ("U-20", false),
            ("Kenya", false),
        ] {
            assert_eq!(is_model_code(w), code, "{w}");
        }
        for (w, code) in [
            ("F-35", true),
            ("F-35s", true),
            ("Su-57", true),
            ("AK-47", true),
            ("G-7", false),
            ("I-95", false),
            ("Covid-19", false),
            ("well-known", false),
        ] {
            assert_eq!(is_standalone_code(w), code, "{w}");
        }
    }

    #[test]
    fn products() {
        check(&[
            (
                "The airline will replace its Boeing 737 jets with the Airbus A320 by next year.",
                &[("Boeing 737", "PRODUCT"), ("Airbus A320", "PRODUCT")],
                &[],
            ),
            (
                "Sales of the iPhone 15 Pro beat those of the Galaxy S24 in Lagos.",
                &[("iPhone 15 Pro", "PRODUCT"), ("Galaxy S24", "PRODUCT")],
                &[],
            ),
            (
                "Two F-35 fighters escorted the convoy while a Long March 5 rocket stood by.",
                &[("F-35", "PRODUCT"), ("Long March 5", "PRODUCT")],
                &[],
            ),
            (
                "Officials said the iPad and computers running Windows 11 were seized.",
                &[("iPad", "PRODUCT"), ("Windows 11", "PRODUCT")],
                &[],
            ),
            (
                "Shares rose after Boeing said on Monday that deliveries would resume.",
                &[],
                &[("Boeing", "PRODUCT")],
            ),
            (
                "Apple's 2024 results beat forecasts, the company said.",
                &[],
                &[("Apple's 2024", ""), ("Apple", "PRODUCT")],
            ),
            (
                "The crash closed Route 66 and the G-7 summit moved to Rome.",
                &[],
                &[("Route 66", "PRODUCT"), ("G-7", "PRODUCT")],
            ),
        ]);
    }

    #[test]
    fn works_after_cue_nouns() {
        check(&[
            (
                "She wrote the novel Winter Orchard while living in Accra.",
                &[("Winter Orchard", "WORK_OF_ART")],
                &[],
            ),
            (
                "His 2019 film The Salt Road of Kumasi won two awards.",
                &[("The Salt Road of Kumasi", "WORK_OF_ART")],
                &[],
            ),
            (
                "The band's album Paper Lanterns sold well, and the song Night Ferry topped the chart.",
                &[
                    ("Paper Lanterns", "WORK_OF_ART"),
                    ("Night Ferry", "WORK_OF_ART"),
                ],
                &[],
            ),
            (
                "In the film Adaeze Okonkwo describes her childhood in Enugu.",
                &[("Adaeze Okonkwo", "PERSON")],
                &[("Adaeze Okonkwo", "WORK_OF_ART")],
            ),
            (
                "Critics accused the media of painting Tomas Ferreira as a villain.",
                &[],
                &[("Tomas Ferreira", "WORK_OF_ART")],
            ),
            (
                "The series finale aired on Sunday.",
                &[],
                &[("Sunday", "WORK_OF_ART")],
            ),
        ]);
    }
}
