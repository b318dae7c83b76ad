//! Rules on top of the model: CoNLL types → OntoNotes labels, boundary fixes (titles,
//! possessives, company suffixes), and rule mentions (nationality words, datelines).

use super::Mention;
use super::features::{Class, DocFeatures, doc_bit};
use super::gazetteer::{Gazetteer, flag};
use super::hash;
use crate::entities::{Entity, EntitySource};
use crate::label::EntityLabel;
use crate::span::Span;
use crate::text::Prepared;
use crate::text::token::TokenKind;
use std::ops::Range;

/// A labelled mention over token indices.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Label.
    pub label: EntityLabel,
    /// Which stage produced it.
    pub source: EntitySource,
    /// Confidence.
    pub score: f32,
}

const PLACE: u32 = flag::CITY | flag::COUNTRY | flag::STATE | flag::CITY_BIG;

fn is_word(doc: &Prepared<'_>, i: usize) -> bool {
    matches!(doc.tokens[i].kind, TokenKind::Word)
}

/// Phrase hash of tokens `r`.
pub fn phrase_hash(f: &DocFeatures, r: Range<usize>) -> u64 {
    let mut h = 0;
    for (k, i) in r.enumerate() {
        h = if k == 0 {
            f.form(i).lower
        } else {
            hash::phrase(h, f.form(i).lower)
        };
    }
    h
}

/// Gazetteer flags of the whole mention (single token or phrase).
fn whole_flags(f: &DocFeatures, gaz: &Gazetteer, r: Range<usize>) -> u32 {
    if r.len() == 1 {
        f.form(r.start).gaz
    } else {
        gaz.get(phrase_hash(f, r))
    }
}

fn lower_is(doc: &Prepared<'_>, i: usize, words: &[&str]) -> bool {
    let t = doc.token_text(i);
    words.iter().any(|w| t.eq_ignore_ascii_case(w))
}

/// The OntoNotes label for a mention of CoNLL type `ty` over tokens `r`.
pub fn map_label(
    doc: &Prepared<'_>,
    f: &DocFeatures,
    gaz: &Gazetteer,
    r: Range<usize>,
    ty: usize,
) -> Option<EntityLabel> {
    let last = r.end - 1;
    let first = r.start;
    let whole = whole_flags(f, gaz, r.clone());
    let last_g = f.form(last).gaz;
    let single = r.len() == 1;
    match ty {
        0 => Some(EntityLabel::Person),
        1 => {
            if single && whole & flag::NATIONALITY != 0 && whole & PLACE == 0 {
                Some(EntityLabel::Norp)
            } else {
                Some(EntityLabel::Org)
            }
        }
        2 => {
            if whole & (flag::COUNTRY | flag::STATE | flag::CITY) != 0 {
                Some(EntityLabel::Gpe)
            } else if whole & flag::CONTINENT != 0 || (!single && last_g & flag::LOC_WORD != 0) {
                Some(EntityLabel::Loc)
            } else if !single && last_g & flag::FAC_WORD != 0 {
                Some(EntityLabel::Fac)
            } else if single && whole & flag::NATIONALITY != 0 {
                Some(EntityLabel::Norp)
            } else {
                Some(EntityLabel::Gpe)
            }
        }
        _ => {
            let lang_ctx = (first > 0
                && lower_is(
                    doc,
                    first - 1,
                    &[
                        "in", "into", "speak", "speaks", "spoke", "speaking", "spoken", "from",
                    ],
                ))
                || (last + 1 < doc.tokens.len() && lower_is(doc, last + 1, &["language"]));
            if single && whole & flag::LANGUAGE != 0 && lang_ctx {
                return Some(EntityLabel::Language);
            }
            if whole & flag::NATIONALITY != 0 {
                return Some(EntityLabel::Norp);
            }
            // "East African", "sub-Saharan African": a group adjective; "sub-Saharan Africa",
            // "Western Europe": a region.
            if !single && last_g & flag::NATIONALITY != 0 && last_g & PLACE == 0 {
                return Some(EntityLabel::Norp);
            }
            if last_g & flag::CONTINENT != 0 {
                return Some(EntityLabel::Loc);
            }

            // "Maverick X3", "Apollo RT6": a name ending in a model code is a product.
            if !single
                && f.toks[first].class != Class::Number
                && super::kinds::is_model_code(doc.token_text(last))
            {
                return Some(EntityLabel::Product);
            }
            if !single && last_g & flag::LAW_WORD != 0 {
                return Some(EntityLabel::Law);
            }
            if last_g & flag::EVENT_WORD != 0 || (f.toks[first].class == Class::Number) {
                return Some(EntityLabel::Event);
            }
            if single {
                let t = doc.token_text(first);
                let t = t.trim_end_matches('s');
                let nat_like = ["an", "ese", "ish", "i", "ic", "ch", "er"]
                    .iter()
                    .any(|s| t.ends_with(s));
                if nat_like || t.contains('-') {
                    return Some(EntityLabel::Norp);
                }
                return None;
            }
            Some(EntityLabel::Event)
        }
    }
}

/// Corrects a label from the mention's own words: the last word names the kind of place
/// ("Kwara State", "Tana River", "Sunset Beach Hotel"), a compass word before a place makes a
/// region, a lone country name is a GPE.
fn relabel_by_words(
    f: &DocFeatures,
    gaz: &Gazetteer,
    r: &Range<usize>,
    label: EntityLabel,
) -> EntityLabel {
    let last = f.tok(r.end - 1);
    let single = r.len() == 1;
    let whole = whole_flags(f, gaz, r.clone());
    if matches!(label, EntityLabel::Person | EntityLabel::Org)
        && whole & (flag::FIRST | flag::SURNAME) == 0
    {
        if whole & flag::CONTINENT != 0 {
            return EntityLabel::Loc;
        }
        if !single && whole & (flag::COUNTRY | flag::STATE) != 0 {
            return EntityLabel::Gpe;
        }
    }
    let org_inside = r.clone().any(|k| {
        f.form(k).gaz & (flag::ORG_WORD | flag::CORP_SUFFIX) != 0
            && f.form(k).gaz & (flag::FAC_WORD | flag::LOC_WORD) == 0
    });
    let placeish = matches!(
        label,
        EntityLabel::Person | EntityLabel::Org | EntityLabel::Gpe
    );
    if single {
        let g = last.gaz;
        if matches!(label, EntityLabel::Person | EntityLabel::Org)
            && g & flag::COUNTRY != 0
            && g & (flag::FIRST | flag::SURNAME_TOP) == 0
        {
            return EntityLabel::Gpe;
        }
        if label == EntityLabel::Person
            && g & (flag::CITY_BIG | flag::STATE) != 0
            && g & (flag::FIRST | flag::SURNAME) == 0
        {
            return EntityLabel::Gpe;
        }
        return label;
    }
    if !placeish || (label == EntityLabel::Org && org_inside) {
        return label;
    }
    let first = f.tok(r.start);
    if first.gaz & flag::COMPASS != 0
        && whole & (flag::COUNTRY | flag::STATE | flag::CITY) == 0
        && r.len() == 2
        && last.gaz & (PLACE | flag::CONTINENT) != 0
    {
        return EntityLabel::Loc;
    }
    if last.gaz & flag::GPE_WORD != 0 && label != EntityLabel::Gpe {
        // "Norwich City", "Ross County" are as often clubs as places.
        static HASHES: ListHashes = ListHashes::new();
        let weak = hash_in_list(
            &HASHES,
            &["city", "county", "republic", "kingdom"],
            f.form(r.end - 1).lower,
        );
        if !weak {
            return EntityLabel::Gpe;
        }
    }
    if last.gaz & flag::LOC_WORD != 0 {
        return EntityLabel::Loc;
    }
    if last.gaz & flag::FAC_WORD != 0 && label != EntityLabel::Org {
        return EntityLabel::Fac;
    }
    label
}

/// "Electoral Commission" + "of Uganda": an organisation name continues through "of (the)"
/// and the capitalised words after it.
fn extend_of(doc: &Prepared<'_>, f: &DocFeatures, r: &Range<usize>) -> usize {
    let n = doc.tokens.len();
    let last = f.tok(r.end - 1);
    if last.gaz & flag::ORG_WORD == 0 || r.end + 1 >= n {
        return r.end;
    }
    if !doc.token_text(r.end).eq_ignore_ascii_case("of") {
        return r.end;
    }
    let mut k = r.end + 1;
    if k < n && doc.token_text(k).eq_ignore_ascii_case("the") {
        k += 1;
    }
    let sent = last.sent;
    let a = k;
    while k < n && k < a + 4 && f.toks[k].class.is_capitalised() && f.toks[k].sent == sent {
        k += 1;
    }
    if k > a { k } else { r.end }
}

/// Trims titles, possessive clitics and punctuation from a mention's edges.
fn trim(doc: &Prepared<'_>, f: &DocFeatures, r: Range<usize>, label: EntityLabel) -> Range<usize> {
    let (mut a, mut b) = (r.start, r.end);
    while b > a && !is_word(doc, b - 1) && f.toks[b - 1].class != Class::Number {
        b -= 1;
    }
    while a < b && !is_word(doc, a) && f.toks[a].class != Class::Number {
        a += 1;
    }
    if label == EntityLabel::Person {
        while b - a > 1 && f.form(a).gaz & flag::TITLE != 0 {
            a += 1;
        }
    }
    a..b
}

/// "Minister of Water Resources Liang Weiqun": a mention that starts with a title (or follows
/// "Title of" in the same run) and ends in a name-like pair or triple is that person.
fn split_title(
    doc: &Prepared<'_>,
    f: &DocFeatures,
    r: &Range<usize>,
    label: EntityLabel,
) -> Option<Range<usize>> {
    let starts_titled = f.form(r.start).gaz & flag::TITLE != 0
        || (r.start >= 2
            && doc.token_text(r.start - 1).eq_ignore_ascii_case("of")
            && (r.start.saturating_sub(4)..r.start - 1).any(|k| f.form(k).gaz & flag::TITLE != 0));
    if !starts_titled || r.len() < 3 || label == EntityLabel::Person {
        return None;
    }
    let nameish = |k: usize| {
        let t = f.tok(k);
        t.class == Class::Title
            && t.gaz & (flag::ORG_WORD | flag::LOC_WORD | flag::FAC_WORD | PLACE | flag::TITLE) == 0
            && is_word(doc, k)
    };
    let mut a = r.end;
    while a > r.start + 1 && r.end - a < 2 && nameish(a - 1) {
        a -= 1;
    }
    if a > r.start + 1 && nameish(a - 1) && f.form(a - 1).gaz & flag::FIRST != 0 {
        a -= 1;
    }
    let k = r.end - a;
    // An unknown name after "Title of Department" ("Minister of Public Security Oyelaran
    // Adebanjo"): the department comes first, the last two name-like words are the name.
    let of_before = r.start >= 1 && doc.token_text(r.start - 1).eq_ignore_ascii_case("of");
    let after_title_of = (of_before && f.form(r.start).gaz & flag::TITLE == 0)
        || (f.form(r.start).gaz & flag::TITLE != 0
            && (r.start + 1..r.end.min(r.start + 3))
                .any(|j| doc.token_text(j).eq_ignore_ascii_case("of")));
    let dept_before = after_title_of
        && a > r.start
        && (a..r.end)
            .all(|j| f.form(j).gaz & (flag::COMMON | flag::GPE_WORD | flag::NATIONALITY) == 0);
    let cued =
        dept_before || (a..r.end).any(|j| f.form(j).gaz & (flag::FIRST | flag::SURNAME) != 0);
    let prev_connector = doc.token_text(a - 1).eq_ignore_ascii_case("of")
        || doc.token_text(a - 1).eq_ignore_ascii_case("and");
    (k >= 2 && cued && !prev_connector).then_some(a..r.end)
}

/// Group words (NORP) that neither the nationality list nor `gazetteer::GROUP_WORDS` holds.
/// (Kept here, not in the gazetteer, so the model's features do not change.)
const NORP_MORE: &[&str] = &[
    "moslem",
    "moslems",
    "chechen",
    "chechens",
    "serb",
    "serbs",
    "swede",
    "swedes",
    "croat",
    "croats",
    "azeri",
    "azeris",
    "afrikaner",
    "afrikaners",
    "tamil",
    "tamils",
    "maasai",
    "masai",
    "yazidi",
    "yazidis",
    "tatar",
    "tatars",
    "bedouins",
    "houthi",
    "houthis",
    "brits",
    "britons",
    "cossacks",
    "basques",
    "catalans",
    "flemish",
    "sherpas",
];

/// Lower-case hashes of a word list, built once.
pub(super) type ListHashes = std::sync::OnceLock<std::collections::HashSet<u64, hash::PreHashed>>;

/// True when token `i` equals a word of `list` up to ASCII case. The hash check is a cheap
/// exact pre-filter (a word equal to a list word up to ASCII case has that word's lower-case
/// hash); the token's text is read and the list scanned only on a hash hit.
pub(super) fn in_list(
    hashes: &ListHashes,
    list: &[&str],
    doc: &Prepared<'_>,
    f: &DocFeatures,
    i: usize,
) -> bool {
    hash_in_list(hashes, list, f.form(i).lower) && {
        let word = doc.token_text(i);
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    }
}

/// True when `lower` is the lower-case hash of a word of `list` (the hashes are built on first
/// use, so `hashes` must always be passed with the same list).
pub(super) fn hash_in_list(hashes: &ListHashes, list: &[&str], lower: u64) -> bool {
    hashes
        .get_or_init(|| list.iter().map(|w| hash::lower_str(w)).collect())
        .contains(&lower)
}

fn is_norp_more(doc: &Prepared<'_>, f: &DocFeatures, i: usize) -> bool {
    static HASHES: ListHashes = ListHashes::new();
    f.toks[i].class.is_capitalised() && f.form(i).len >= 4 && in_list(&HASHES, NORP_MORE, doc, f, i)
}

/// Upper-case abbreviations that are common nouns, not names.
pub const NOT_NAMES: &[&str] = &[
    "ceo", "cfo", "coo", "cto", "gdp", "gnp", "ai", "atm", "atms", "mou", "hiv", "aids", "covid",
    "covid-19", "sms", "pdf", "url", "tv", "dna", "rna", "it", "ict", "pm", "am", "fm", "gps",
    "vat", "ngo", "ngos", "sme", "smes", "lgbt", "lgbtq", "lgbtqi", "id", "ipo", "ppe", "icu",
    "cctv", "ok", "usd", "eur", "gmt", "utc", "faq", "diy", "vip", "vips", "mp", "mps", "cm", "dg",
    "ps", "pr", "hr", "md", "phd", "mba", "bsc", "msc", "llb", "rip", "asap", "fyi", "aka", "etc",
    "ev", "evs", "suv", "suvs", "lng", "lpg", "co2", "ghg", "wifi", "wi-fi", "app", "apps", "ceos",
    "kg", "km", "mw", "gw", "kwh", "mwh", "ppp", "fdi", "cpi", "ipr", "ip", "5g", "4g", "3g",
    "led", "lcd", "usb", "sim", "pin", "otp",
];

/// "the United States Hamdullah Mohib": a mention that starts with a whole gazetteer place and
/// goes on with a first name is a place followed by a person.
fn split_place_person(f: &DocFeatures, r: &Range<usize>) -> Option<usize> {
    let t = f.tok(r.start);
    let place_end = if t.multi_pos == 1 && t.multi & (flag::COUNTRY | flag::STATE | flag::CITY) != 0
    {
        (r.start..r.end)
            .find(|&k| f.toks[k].multi_pos == 3)
            .map(|k| k + 1)?
    } else if t.gaz & (flag::COUNTRY | flag::STATE | flag::CITY_BIG) != 0
        && t.gaz & (flag::FIRST | flag::SURNAME) == 0
    {
        r.start + 1
    } else {
        return None;
    };
    let rest = r.end.saturating_sub(place_end);
    let next = (place_end < f.len()).then(|| f.tok(place_end))?;
    (rest >= 2 && next.gaz & flag::FIRST != 0 && next.class == Class::Title).then_some(place_end)
}

/// Labels model mentions and fixes their boundaries.
pub fn label(
    doc: &Prepared<'_>,
    f: &DocFeatures,
    gaz: &Gazetteer,
    mentions: Vec<Mention>,
) -> Vec<Named> {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(mut label) = map_label(doc, f, gaz, m.tokens.clone(), m.ty) else {
            continue;
        };
        if m.tokens.len() == 1 {
            static HASHES: ListHashes = ListHashes::new();
            if in_list(&HASHES, NOT_NAMES, doc, f, m.tokens.start) {
                continue;
            }
        }
        if m.tokens.len() == 1 && is_norp_more(doc, f, m.tokens.start) {
            label = EntityLabel::Norp;
        }
        let mut r = trim(doc, f, m.tokens.clone(), label);
        // A sentence-initial common word is capitalised only by its position ("Furthermore",
        // "Unlike X"), unless the document also capitalises it mid-sentence.
        while !r.is_empty() && sentence_case_only(f, r.start) {
            r.start += 1;
        }
        if r.is_empty() {
            continue;
        }
        let place_cut = if label == EntityLabel::Person {
            None
        } else {
            split_place_person(f, &r)
        };
        if let Some(cut) = place_cut {
            out.push(Named {
                tokens: r.start..cut,
                label: EntityLabel::Gpe,
                source: EntitySource::Rule,
                score: 0.7,
            });
            r.start = cut;
            label = EntityLabel::Person;
        }
        if let Some(p) = split_title(doc, f, &r, label) {
            r = p;
            label = EntityLabel::Person;
        }
        label = relabel_by_words(f, gaz, &r, label);
        if label == EntityLabel::Org {
            r.end = extend_of(doc, f, &r);
        }
        // A company suffix or business head word ("Caldera Engineering") right after the name
        // belongs to it and makes it an ORG.
        if r.end < doc.tokens.len()
            && (f.form(r.end).gaz & flag::CORP_SUFFIX != 0
                || is_business_head(doc.token_text(r.end)))
        {
            let t = f.tok(r.end);
            if t.class.is_capitalised() && f.toks[r.end].sent == f.toks[r.start].sent {
                r.end += 1;
                label = EntityLabel::Org;
            }
        }
        out.push(Named {
            tokens: r,
            label,
            source: EntitySource::Model,
            score: 0.8,
        });
    }
    join_patronymics(doc, f, &mut out);
    out
}

fn sentence_case_only(f: &DocFeatures, i: usize) -> bool {
    let t = f.tok(i);
    t.sent_start
        && t.class == Class::Title
        && (t.gaz & flag::COMMON != 0 || {
            static HASHES: ListHashes = ListHashes::new();
            hash_in_list(&HASHES, super::gazetteer::COMMON_MORE, t.lower)
        })
        && t.gaz & (flag::FIRST | flag::SURNAME | PLACE | flag::NATIONALITY | flag::CONTINENT) == 0
        && t.doc & doc_bit::TITLE_MID == 0
}

/// "Mohammed bin Rashid Al Maktoum": a person's name continues through bin/ibn/bint and the
/// capitalised words after it (the model often splits there).
fn join_patronymics(doc: &Prepared<'_>, f: &DocFeatures, out: &mut Vec<Named>) {
    const LINKS: &[&str] = &["bin", "ibn", "bint", "binti", "ben", "ould", "wa"];
    let n = doc.tokens.len();
    crate::sort::sort_by_key(out, |e| e.tokens.start);
    let is_link = |k: usize| k < n && LINKS.iter().any(|l| doc.token_text(k) == *l);
    let mut i = 0;
    while i < out.len() {
        if out[i].label == EntityLabel::Person {
            // Extend right: "Mohammed" + "bin Rashid …".
            loop {
                let e = out[i].tokens.end;
                if !(is_link(e) && e + 1 < n && f.toks[e + 1].class.is_capitalised()) {
                    break;
                }
                let mut k = e + 1;
                while k < n && f.toks[k].class.is_capitalised() && f.toks[k].sent == f.toks[e].sent
                {
                    k += 1;
                }
                // Swallow a following mention that starts there.
                while i + 1 < out.len()
                    && out[i + 1].tokens.start > e
                    && out[i + 1].tokens.start <= k
                {
                    k = k.max(out[i + 1].tokens.end);
                    out.remove(i + 1);
                }
                out[i].tokens.end = k;
            }
        }
        i += 1;
    }
}

fn coverage(n: usize, ents: &[Named]) -> Vec<bool> {
    let mut c = vec![false; n];
    for e in ents {
        for k in e.tokens.clone() {
            if k < n {
                c[k] = true;
            }
        }
    }
    c
}

/// Words that announce the title of a work.
const WORK_CUES: &[&str] = &[
    "book",
    "novel",
    "film",
    "movie",
    "song",
    "album",
    "single",
    "documentary",
    "play",
    "poem",
    "painting",
    "series",
    "show",
    "opera",
    "musical",
    "titled",
    "entitled",
    "called",
    "memoir",
    "exhibition",
    "sculpture",
    "anthology",
    "programme",
    "program",
    "podcast",
    "report",
];

/// A quoted Title-Case phrase of two to eight words ("“Raging Fire”", "“Make Poverty History”")
/// opened by an opening mark: a title or a named campaign, not speech.
fn quoted_title_case(doc: &Prepared<'_>, f: &DocFeatures, open: usize, r: Range<usize>) -> bool {
    use crate::text::token::TokenKind;
    const LINKS: &[&str] = &[
        "of", "the", "a", "an", "and", "in", "on", "at", "to", "for", "with", "from", "or",
    ];
    let opener = !matches!(doc.token_text(open), "”" | "’" | "»" | "›")
        && (open == 0
            || doc.tokens[open - 1].span.end < doc.tokens[open].span.start
            || doc.tokens[open].newline_before
            || matches!(doc.token_text(open), "“" | "‘" | "«"));
    if !opener || r.len() < 2 || r.len() > 8 {
        return false;
    }
    let mut capitals = 0;
    for k in r.clone() {
        let t = f.tok(k);
        let w = doc.token_text(k);
        if t.class.is_capitalised() {
            capitals += 1;
        } else if t.class == Class::Lower && LINKS.contains(&w) {
        } else if !matches!(doc.tokens[k].kind, TokenKind::Clitic)
            && !matches!(w, "," | ":" | "-" | "–")
        {
            return false;
        }
    }
    capitals >= 2 && f.toks[r.end - 1].class.is_capitalised()
}

/// A quoted phrase that is a plain name, not a title: it ends in an organisation or facility
/// word ("“National Health Committee”"), is a known place ("“Central America”"), or is a
/// person the model found that starts with a first name.
fn quoted_name(f: &DocFeatures, ents: &[Named], r: Range<usize>) -> bool {
    let last = f.tok(r.end - 1);
    let first = f.tok(r.start);
    last.gaz & (flag::ORG_WORD | flag::CORP_SUFFIX | flag::FAC_WORD) != 0
        || (first.multi_pos == 1
            && last.multi_pos == 3
            && first.multi & (PLACE | flag::CONTINENT) != 0)
        || (first.gaz & flag::FIRST != 0 && {
            // `ents` is sorted by start here (see `works_of_art`).
            let k = ents.partition_point(|e| e.tokens.start < r.start);
            ents[k..]
                .iter()
                .take_while(|e| e.tokens.start == r.start)
                .any(|e| e.tokens == r && e.label == EntityLabel::Person)
        })
}

/// Titles in quotation marks after a cue word ("the film “Silent Harbour”") are WORK_OF_ART;
/// any model mention inside the quotes gives way.
fn works_of_art(doc: &Prepared<'_>, f: &DocFeatures, ents: &mut Vec<Named>) {
    use crate::text::token::TokenKind;
    let n = doc.tokens.len();
    crate::sort::sort_by_key(ents, |e| e.tokens.start);
    let mut titles: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        if doc.tokens[i].kind != TokenKind::Quote || i + 2 >= n {
            i += 1;
            continue;
        }
        let cue = (i.saturating_sub(3)..i).any(|k| {
            let w = doc.token_text(k);
            WORK_CUES.iter().any(|c| w.eq_ignore_ascii_case(c))
        });
        let a = i + 1;
        let mut b = a;
        while b < n && b < a + 10 && doc.tokens[b].kind != TokenKind::Quote {
            b += 1;
        }
        if b >= n || b == a || doc.tokens[b].kind != TokenKind::Quote {
            i += 1;
            continue;
        }
        let mut end = b;
        while end > a && matches!(doc.tokens[end - 1].kind, TokenKind::Punct) {
            end -= 1;
        }
        let caps = f.toks[a].class.is_capitalised()
            && (a..end).all(|k| f.toks[k].sent == f.toks[a].sent)
            && end > a;
        // Without a cue, a quoted Title-Case phrase that is not a plain name is a title too.
        let uncued =
            !cue && caps && quoted_title_case(doc, f, i, a..end) && !quoted_name(f, ents, a..end);
        if (cue && caps) || uncued {
            titles.push(a..end);
        }
        if cue || uncued {
            i = b + 1;
        } else {
            i += 1;
        }
    }
    // Each title drops the mentions inside it and is added unless a mention overlaps it.
    // Titles are sorted and disjoint, so this is done in one pass over `ents` (not one pass
    // per title, which was quadratic on long inputs); the result is the same.
    if titles.is_empty() {
        return;
    }
    let title_of = |start: usize| titles.partition_point(|t| t.start <= start).checked_sub(1);
    ents.retain(|e| title_of(e.tokens.start).is_none_or(|t| e.tokens.end > titles[t].end));
    let mut blocked = vec![false; titles.len()];
    for e in ents.iter() {
        let mut t = titles.partition_point(|t| t.end <= e.tokens.start);
        while t < titles.len() && titles[t].start < e.tokens.end {
            blocked[t] = true;
            t += 1;
        }
    }
    for (t, _) in titles.into_iter().zip(blocked).filter(|(_, b)| !b) {
        ents.push(Named {
            tokens: t,
            label: EntityLabel::WorkOfArt,
            source: EntitySource::Rule,
            score: 0.7,
        });
    }
}

/// Rule mentions: nationality/group words and datelines not already covered by a mention.
pub fn add_rule_mentions(doc: &Prepared<'_>, f: &DocFeatures, ents: &mut Vec<Named>) {
    dateline_organisations_are_places(doc, f, ents);
    let n = doc.tokens.len();
    let mut add = Vec::new();
    let covered = coverage(n, ents);
    for i in 0..n {
        let t = f.tok(i);
        if !t.class.is_capitalised() || covered[i] {
            continue;
        }
        // Nationality and group words (Chinese, Australians, Muslims) standing alone.
        if (t.gaz & flag::NATIONALITY != 0 && t.gaz & (PLACE | flag::FIRST) == 0)
            || is_norp_more(doc, f, i)
        {
            let next_cap = i + 1 < n
                && f.toks[i + 1].class.is_capitalised()
                && f.toks[i + 1].sent == t.sent
                && f.form(i + 1).gaz & flag::NATIONALITY == 0;
            if !next_cap || t.line != super::features::LineKind::Body {
                add.push(Named {
                    tokens: i..i + 1,
                    label: EntityLabel::Norp,
                    source: EntitySource::Rule,
                    score: 0.9,
                });
                continue;
            }
        }
        // Datelines: an all-caps place at the start of a line, before a dash or comma.
        let line_start = i == 0 || doc.tokens[i].newline_before;
        if line_start && t.class == Class::Upper {
            let mut j = i + 1;
            while j < n && j < i + 4 && f.toks[j].class == Class::Upper && is_word(doc, j) {
                j += 1;
            }
            let punct_after = j < n
                && matches!(
                    doc.token_text(j),
                    "—" | "–" | "-" | "--" | "," | "(" | ":" | "―"
                );
            let placeish = f.form(i).gaz & PLACE != 0 || f.toks[i].multi & PLACE != 0;
            if punct_after && placeish && !covered[i..j].iter().any(|&c| c) {
                add.push(Named {
                    tokens: i..j,
                    label: EntityLabel::Gpe,
                    source: EntitySource::Rule,
                    score: 0.9,
                });
            }
        }
    }
    ents.extend(add);
    works_of_art(doc, f, ents);
    super::kinds::apply(doc, f, ents);
}

/// A mention in capitals that opens a body line and is followed by a dash and a capitalised
/// word ("PORT ALDER — The council…") is a dateline: a town or country (GPE), even when the
/// model, seeing an unknown all-caps name, called it an organisation or a natural location.
fn dateline_organisations_are_places(doc: &Prepared<'_>, f: &DocFeatures, ents: &mut [Named]) {
    let n = doc.tokens.len();
    for e in ents.iter_mut() {
        let (i, j) = (e.tokens.start, e.tokens.end);
        if !matches!(e.label, EntityLabel::Org | EntityLabel::Loc) || j + 1 >= n {
            continue;
        }
        let line_start = i == 0 || doc.tokens[i].newline_before;
        let capitals = (i..j).all(|k| f.toks[k].class == Class::Upper && is_word(doc, k));
        let dash = matches!(doc.token_text(j), "—" | "–" | "--" | "―");
        let then_capital =
            f.toks[j + 1].class.is_capitalised() && !doc.tokens[j + 1].newline_before;
        let body_follows = f.toks[j + 1].line == super::features::LineKind::Body;
        if line_start && capitals && dash && then_capital && body_follows {
            e.label = EntityLabel::Gpe;
        }
    }
}

/// Words that end company names without being legal suffixes ("Caldera Engineering", "Vellamy
/// Holdings"). Only used to join them to the name before; not a model feature.
const BUSINESS_HEADS: &[&str] = &[
    "airlines",
    "airways",
    "associates",
    "construction",
    "consulting",
    "electronics",
    "energy",
    "engineering",
    "holdings",
    "industries",
    "logistics",
    "motors",
    "partners",
    "pharmaceuticals",
    "shipping",
    "systems",
    "technologies",
    "telecom",
];

fn is_business_head(word: &str) -> bool {
    word.len() <= 16
        && word.starts_with(|c: char| c.is_uppercase())
        && BUSINESS_HEADS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// Converts to entities: sorted, without overlaps (longer and model mentions win).
pub fn finish(doc: &Prepared<'_>, mut ents: Vec<Named>) -> Vec<Entity> {
    ents.retain(|e| !e.tokens.is_empty() && e.tokens.end <= doc.tokens.len());
    crate::sort::sort_by(&mut ents, |a, b| {
        b.tokens
            .len()
            .cmp(&a.tokens.len())
            .then(a.tokens.start.cmp(&b.tokens.start))
    });
    let mut kept: Vec<Named> = Vec::with_capacity(ents.len());
    let mut taken = vec![false; doc.tokens.len()];
    for e in ents {
        if !taken[e.tokens.clone()].iter().any(|&t| t) {
            for t in &mut taken[e.tokens.clone()] {
                *t = true;
            }
            kept.push(e);
        }
    }
    crate::sort::sort_by_key(&mut kept, |e| e.tokens.start);
    kept.into_iter()
        .map(|e| {
            let span = Span::new(
                doc.tokens[e.tokens.start].span.start,
                doc.tokens[e.tokens.end - 1].span.end,
            );
            Entity::new(span, e.label, e.source, e.score)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::entities::names::test_support::check;

    #[test]
    fn group_words_outside_the_gazetteer_are_norp() {
        check(&[
            (
                "Chechens and Serbs marched through the square while Swedes watched.",
                &[("Chechens", "NORP"), ("Serbs", "NORP"), ("Swedes", "NORP")],
                &[],
            ),
            (
                "Houthi fighters fired on the port, a Yazidi leader said.",
                &[("Houthi", "NORP"), ("Yazidi", "NORP")],
                &[],
            ),
        ]);
    }

    #[test]
    fn quoted_title_case_phrases_are_works() {
        check(&[
            (
                "Fans queued overnight for \u{201c}Paper Lanterns in the Rain\u{201d}, which opens on Friday.",
                &[("Paper Lanterns in the Rain", "WORK_OF_ART")],
                &[],
            ),
            (
                "The ministry launched its \u{201c}Clean Rivers Now\u{201d} campaign in Kisumu.",
                &[("Clean Rivers Now", "WORK_OF_ART")],
                &[],
            ),
            (
                // A quoted organisation stays an organisation; speech is not a title.
                "She joined the \u{201c}Lakeside Farmers Union\u{201d} in 2019. \u{201c}We will win,\u{201d} she said.",
                &[],
                &[
                    ("Lakeside Farmers Union", "WORK_OF_ART"),
                    ("We will win", ""),
                ],
            ),
            (
                // A nickname the model reads as a person stays a person.
                "Police arrested Joaquin \u{201c}Tomas Ferreira\u{201d} Lopez on Monday.",
                &[],
                &[("Tomas Ferreira", "WORK_OF_ART")],
            ),
        ]);
    }

    #[test]
    fn title_of_department_then_unknown_name_is_a_person() {
        check(&[
            (
                "Minister of Public Security Oyelaran Adebanjo wrote to the governors on Monday.",
                &[("Oyelaran Adebanjo", "PERSON")],
                &[("Public Security Oyelaran Adebanjo", "")],
            ),
            (
                "Deputy Minister of Rural Water Supply Tshilidzi Mavhungu opened the dam.",
                &[("Tshilidzi Mavhungu", "PERSON")],
                &[],
            ),
            (
                "Minister of Finance Kwame Asante presented the budget.",
                &[("Kwame Asante", "PERSON")],
                &[],
            ),
        ]);
    }
}
