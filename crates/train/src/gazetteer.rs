//! Builds `crates/core/data/gazetteer.txt` from the TSV gazetteers.
//!
//! Sources: US Census 1990 name files (public domain), @stdlib first-name lists (CC0/PDDL),
//! GeoNames cities, countries, states and continents (CC-BY 4.0, "GeoNames"), i18n nationality
//! list (MIT), cleanco legal suffixes (MIT).

use apostil_core::entities::names::gazetteer::front_code;
use std::collections::BTreeSet;
use std::path::Path;

/// Surnames kept (most frequent first).
const SURNAMES: usize = 15_000;
/// Surnames flagged as top.
const SURNAMES_TOP: usize = 2_000;
/// Minimum city population.
const CITY_POP: u64 = 50_000;
/// Population of a big city.
const CITY_BIG_POP: u64 = 1_000_000;

/// Common aliases of countries that the GeoNames list spells otherwise.
const COUNTRY_ALIASES: &[&str] = &[
    "america",
    "britain",
    "great britain",
    "england",
    "scotland",
    "wales",
    "northern ireland",
    "u.s.",
    "u.s.a.",
    "us",
    "usa",
    "u.k.",
    "uk",
    "uae",
    "drc",
    "netherlands",
    "holland",
    "burma",
    "czech republic",
    "palestine",
    "gaza",
    "west bank",
    "soviet union",
    "ussr",
    "tibet",
    "east timor",
    "timor-leste",
    "vatican city",
    "congo",
    "korea",
    "macau",
    "swaziland",
    "cape verde",
    "ivory coast",
    "côte d'ivoire",
    "the gambia",
    "the bahamas",
    "hong kong",
    "taiwan",
    "kosovo",
    "north macedonia",
    "macedonia",
    "persia",
    "yugoslavia",
    "russian federation",
    "people's republic of china",
    "prc",
    "republic of korea",
    "dprk",
    "lao pdr",
];

/// Demonyms and nationality words the MIT list lacks or spells otherwise.
const NATIONALITY_EXTRA: &[&str] = &[
    "english",
    "scottish",
    "scots",
    "korean",
    "koreans",
    "arab",
    "emirati",
    "emiratis",
    "argentine",
    "argentinian",
    "ecuadorian",
    "slovak",
    "bosnian",
    "uzbek",
    "kazakh",
    "turkmen",
    "maldivian",
    "yemeni",
    "congolese",
    "dominican",
    "nepali",
    "briton",
    "britons",
    "filipinos",
    "kiwi",
    "aussie",
    "aussies",
    "soviet",
    "yugoslav",
    "catalan",
    "basque",
    "flemish",
    "walloon",
    "cantonese",
    "taiwanese",
    "hongkongers",
    "tibetan",
    "uighur",
    "uyghur",
    "kurdish",
    "pakistanis",
    "bangladeshis",
    "saudis",
    "iraqis",
    "israelis",
    "kuwaitis",
    "qataris",
    "omanis",
    "afghans",
    "thais",
    "swiss",
    "dutch",
    "french",
    "irish",
    "welsh",
    "chinese",
    "japanese",
    "vietnamese",
    "lebanese",
    "sudanese",
    "senegalese",
    "portuguese",
    "burmese",
    "nepalese",
    "togolese",
    "maltese",
    "beninese",
    "gabonese",
    "guyanese",
    "bhutanese",
    "sri lankans",
    "europeans",
    "americans",
    "latin american",
    "latin americans",
    "african american",
    "african americans",
    "middle eastern",
    "southeast asian",
];

const CONTINENT_EXTRA: &[&str] = &[
    "middle east",
    "latin america",
    "south america",
    "north america",
    "central america",
    "southeast asia",
    "east asia",
    "central asia",
    "south asia",
    "west africa",
    "east africa",
    "north africa",
    "southern africa",
    "central africa",
    "sub-saharan africa",
    "balkans",
    "caribbean",
    "scandinavia",
    "the gulf",
    "persian gulf",
    "horn of africa",
    "asia-pacific",
    "asia pacific",
    "indo-pacific",
    "eurasia",
    "western europe",
    "eastern europe",
    "central europe",
    "arctic",
    "antarctic",
    "sahel",
    "pacific",
    "atlantic",
    "mediterranean",
    "himalayas",
    "sahara",
    "amazon",
    "west",
    "east",
    "siberia",
];

/// Suffixes that are also ordinary words or too ambiguous as one token.
const SUFFIX_STOP: &[&str] = &[
    "as",
    "at",
    "ab",
    "ad",
    "ae",
    "ag",
    "ba",
    "da",
    "et",
    "ee",
    "ec",
    "ei",
    "ep",
    "ev",
    "fa",
    "is",
    "it",
    "ky",
    "ok",
    "oy",
    "sc",
    "se",
    "so",
    "sa",
    "co",
    "and company",
    "company",
];

fn read_tsv(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .skip(1)
        .map(|l| l.split('\t').map(|s| s.trim().to_string()).collect())
        .collect()
}

fn lower(s: &str) -> String {
    s.trim().to_lowercase()
}

/// Words kept in the common-word list.
const COMMON_WORDS: usize = 6_000;

/// Common lower-case words: counted over raw news text (PolNeAR train) and CoNLL train, kept
/// when they occur at least 3 times in lower case and at least 85% of their non-initial
/// occurrences are lower case. Only the word list is kept, never text.
fn common_words(texts: &[String]) -> Vec<String> {
    use apostil_core::text::Prepared;
    use std::collections::HashMap;
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for t in texts {
        let p = Prepared::new(t);
        for s in &p.sentences {
            for i in s.tokens.clone().skip(1) {
                let w = p.token_text(i);
                if w.chars().count() < 3 || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                    continue;
                }
                let lower = w.chars().all(|c| !c.is_uppercase());
                let e = counts.entry(w.to_lowercase()).or_insert((0, 0));
                if lower {
                    e.0 += 1;
                } else {
                    e.1 += 1;
                }
            }
        }
    }
    let mut v: Vec<(String, u32)> = counts
        .into_iter()
        .filter(|(_, (lc, cap))| *lc >= 3 && *lc as f64 >= 0.85 * (*lc + *cap) as f64)
        .map(|(w, (lc, _))| (w, lc))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(COMMON_WORDS);
    v.into_iter().map(|(w, _)| w).collect()
}

/// The gazetteer file text; `texts` are raw training texts for the common-word list.
pub fn build(dir: &Path, texts: &[String]) -> String {
    let mut first = BTreeSet::new();
    for f in ["census1990_male_first.tsv", "census1990_female_first.tsv"] {
        for r in read_tsv(&dir.join(f)) {
            first.insert(lower(&r[0]));
        }
    }
    for f in [
        "stdlib_male_first_names_en.tsv",
        "stdlib_female_first_names_en.tsv",
    ] {
        for r in read_tsv(&dir.join(f)) {
            first.insert(lower(&r[0]));
        }
    }
    let mut surname_top = BTreeSet::new();
    let mut surname = BTreeSet::new();
    for (i, r) in read_tsv(&dir.join("census1990_all_last.tsv"))
        .iter()
        .take(SURNAMES)
        .enumerate()
    {
        if i < SURNAMES_TOP {
            surname_top.insert(lower(&r[0]));
        } else {
            surname.insert(lower(&r[0]));
        }
    }
    let mut city_big = BTreeSet::new();
    let mut city = BTreeSet::new();
    for r in read_tsv(&dir.join("geonames_cities15000.tsv")) {
        let pop: u64 = r.get(4).and_then(|p| p.parse().ok()).unwrap_or(0);
        if pop >= CITY_BIG_POP {
            city_big.insert(lower(&r[1]));
        } else if pop >= CITY_POP {
            city.insert(lower(&r[1]));
        }
    }
    let mut country: BTreeSet<String> = BTreeSet::new();
    for r in read_tsv(&dir.join("geonames_countries.tsv")) {
        country.insert(lower(&r[2]));
    }
    country.extend(COUNTRY_ALIASES.iter().map(|s| s.to_string()));
    let mut nationality = BTreeSet::new();
    for r in read_tsv(&dir.join("i18n_nationality_en_MIT.tsv")) {
        let n = r.get(1).map(String::as_str).unwrap_or("");
        let n = n.split(" (").next().unwrap_or("");
        if n.is_empty() || n.contains(',') || n.contains(" - ") || n.contains(" or ") {
            continue;
        }
        let l = lower(n);
        if country.contains(&l) || n.contains("Island") {
            continue;
        }
        if l.ends_with("an") || l.ends_with('i') || l.ends_with("er") {
            nationality.insert(format!("{l}s"));
        }
        nationality.insert(l);
    }
    nationality.extend(NATIONALITY_EXTRA.iter().map(|s| s.to_string()));
    let mut state = BTreeSet::new();
    for r in read_tsv(&dir.join("geonames_us_states.tsv")) {
        state.insert(lower(&r[1]));
    }
    let mut continent = BTreeSet::new();
    for r in read_tsv(&dir.join("geonames_continents.tsv")) {
        continent.insert(lower(&r[1]));
    }
    continent.extend(CONTINENT_EXTRA.iter().map(|s| s.to_string()));
    let mut corp = BTreeSet::new();
    for r in read_tsv(&dir.join("cleanco_legal_suffixes.tsv")) {
        let s = lower(r.get(2).map(String::as_str).unwrap_or(""));
        if s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !SUFFIX_STOP.contains(&s.as_str())
        {
            corp.insert(s);
        }
    }
    let mut out = String::new();
    out.push_str(
        "# DO NOT EDIT: generated by apostil-train (crates/train/src/gazetteer.rs) from\n\
         # US Census 1990 names (public domain), @stdlib first names (CC0/PDDL), GeoNames\n\
         # (CC-BY 4.0, \"GeoNames\"), i18n nationality list (MIT), cleanco suffixes (MIT).\n\
         # See crates/core/data/MODEL.md.\n",
    );
    let common: BTreeSet<String> = common_words(texts).into_iter().collect();
    let sections: [(&str, &BTreeSet<String>); 11] = [
        ("common", &common),
        ("first", &first),
        ("surname_top", &surname_top),
        ("surname", &surname),
        ("city_big", &city_big),
        ("city", &city),
        ("country", &country),
        ("nationality", &nationality),
        ("state", &state),
        ("continent", &continent),
        ("corp_suffix", &corp),
    ];
    for (name, set) in sections {
        out.push('@');
        out.push_str(name);
        out.push('\n');
        out.push_str(&front_code(set.iter().map(String::as_str)));
    }
    out
}
