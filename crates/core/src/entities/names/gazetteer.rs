//! Gazetteers: first names, surnames, places, nationalities and company suffixes (from the
//! generated `data/gazetteer.txt`), plus hand-written keyword lists (titles, organisation,
//! location and facility words).
//!
//! Every entry is keyed by the hash of its lower-cased tokens, so a lookup over a run of
//! document tokens costs one hash combination and one table probe per token.

use super::hash::{self, PreHashed};
use crate::text::offsets::CharMap;
use crate::text::token;
use std::collections::{HashMap, HashSet};

/// Gazetteer membership bits.
pub mod flag {
    /// A first name.
    pub const FIRST: u32 = 1;
    /// A surname among the most common ones.
    pub const SURNAME_TOP: u32 = 1 << 1;
    /// A surname.
    pub const SURNAME: u32 = 1 << 2;
    /// A city of a million or more people.
    pub const CITY_BIG: u32 = 1 << 3;
    /// A city.
    pub const CITY: u32 = 1 << 4;
    /// A country.
    pub const COUNTRY: u32 = 1 << 5;
    /// A nationality adjective or demonym (and religious or political group words).
    pub const NATIONALITY: u32 = 1 << 6;
    /// A US state or similar first-level division.
    pub const STATE: u32 = 1 << 7;
    /// A continent or large region.
    pub const CONTINENT: u32 = 1 << 8;
    /// A company legal suffix (Inc, Ltd, GmbH…).
    pub const CORP_SUFFIX: u32 = 1 << 9;
    /// A word that heads or ends organisation names (Ministry, University, Bank…).
    pub const ORG_WORD: u32 = 1 << 10;
    /// A word that ends non-GPE location names (River, Sea, Mountains…).
    pub const LOC_WORD: u32 = 1 << 11;
    /// A word that ends facility names (Airport, Stadium, Bridge…).
    pub const FAC_WORD: u32 = 1 << 12;
    /// A title or role before a person's name (Mr., President, Minister…).
    pub const TITLE: u32 = 1 << 13;
    /// A language name.
    pub const LANGUAGE: u32 = 1 << 14;
    /// A word that ends event names (War, Cup, Olympics…).
    pub const EVENT_WORD: u32 = 1 << 15;
    /// A word that ends law names (Act, Treaty, Constitution…).
    pub const LAW_WORD: u32 = 1 << 16;
    /// A common lower-case English word (capitalised only at sentence start).
    pub const COMMON: u32 = 1 << 17;
    /// A word that ends administrative-division names (Province, State, County…).
    pub const GPE_WORD: u32 = 1 << 18;
    /// A compass word (Northern, South…).
    pub const COMPASS: u32 = 1 << 19;
    /// Number of flag bits.
    pub const COUNT: u32 = 20;
}

/// Section names of the generated gazetteer file and their flags.
pub const SECTIONS: &[(&str, u32)] = &[
    ("common", flag::COMMON),
    ("first", flag::FIRST),
    ("surname_top", flag::SURNAME_TOP | flag::SURNAME),
    ("surname", flag::SURNAME),
    ("city_big", flag::CITY_BIG | flag::CITY),
    ("city", flag::CITY),
    ("country", flag::COUNTRY),
    ("nationality", flag::NATIONALITY),
    ("state", flag::STATE),
    ("continent", flag::CONTINENT),
    ("corp_suffix", flag::CORP_SUFFIX),
];

/// Titles and roles that precede a person's name.
pub const TITLES: &str = "\
    mr|mr.|mrs|mrs.|ms|ms.|dr|dr.|prof|prof.|sir|dame|lord|lady|president|vice-president|\
    minister|premier|chancellor|king|queen|prince|princess|sheikh|emir|senator|sen.|rep.|gov.|\
    governor|mayor|secretary|ambassador|general|gen.|colonel|col.|captain|lieutenant|\
    commander|admiral|judge|justice|pope|cardinal|bishop|archbishop|rabbi|imam|father|\
    reverend|rev.|chairman|chairwoman|spokesman|spokeswoman|spokesperson|director|chief|coach|\
    striker|midfielder|defender|goalkeeper|presidente|deputy|envoy|leader|founder|ceo|officer|\
    inspector|sergeant|sgt.|lt.|capt.|maj.|major|commissioner|councillor|councilman|\
    congressman|congresswoman|lawmaker|actor|actress|singer|author|writer|professor|doctor|\
    counsellor";

/// Words that head or end organisation names.
pub const ORG_WORDS: &str = "\
    ministry|university|college|institute|academy|school|bank|company|corporation|group|party|\
    council|committee|commission|association|agency|authority|bureau|federation|union|league|\
    club|fc|team|department|office|court|army|navy|police|force|forces|guard|organization|\
    organisation|foundation|society|board|parliament|congress|assembly|senate|news|times|post|\
    press|television|tv|radio|airlines|airways|motors|holdings|industries|systems|\
    technologies|international|fund|trust|church|hospital|centre|center|cabinet|government|\
    administration|service|services|network|exchange|brigade|battalion|front|movement|\
    alliance|coalition|network|times|journal|daily|tribune|herald|gazette|agency|united|city|\
    rovers|wanderers";

/// Words that end non-GPE location names.
pub const LOC_WORDS: &str = "\
    river|sea|ocean|gulf|bay|lake|mountains|mountain|mount|mt.|hills|valley|desert|peninsula|\
    strait|straits|island|islands|coast|region|basin|delta|plateau|plain|plains|forest|\
    channel|canal|glacier|reef|cape|highlands|savannah|corridor|belt|horn";

/// Words that end facility names.
pub const FAC_WORDS: &str = "\
    airport|stadium|bridge|street|st.|road|rd.|avenue|ave.|boulevard|square|palace|hall|tower|\
    towers|highway|expressway|station|building|arena|port|harbour|harbor|dam|temple|mosque|\
    cathedral|museum|prison|jail|base|terminal|park|plaza|mall|memorial|monument|gate|house|\
    hotel|pipeline|railway|motorway";

/// Words that end event names.
pub const EVENT_WORDS: &str = "\
    war|cup|olympics|games|championship|championships|open|summit|conference|festival|\
    election|elections|revolution|uprising|massacre|crisis|tournament|series|grand|prix|forum|\
    expo|fair|congress|olympiad|marathon|rally|classic|trophy|derby|week|day|spring|genocide|\
    battle|attacks|attack|protests|talks|hurricane|typhoon|cyclone|storm|pandemic|world";

/// Words that end law names.
pub const LAW_WORDS: &str = "\
    act|law|constitution|treaty|convention|accord|accords|agreement|bill|code|charter|\
    protocol|amendment|resolution|declaration|pact|ordinance|statute|directive|regulation";

/// Language names.
pub const LANGUAGES: &str = "\
    english|french|spanish|arabic|chinese|mandarin|cantonese|russian|german|portuguese|\
    japanese|korean|hindi|urdu|bengali|bangla|swahili|persian|farsi|turkish|italian|dutch|\
    greek|hebrew|latin|malay|indonesian|thai|vietnamese|tagalog|filipino|amharic|hausa|yoruba|\
    igbo|zulu|polish|ukrainian|tamil|punjabi|pashto|dari|kurdish|somali|nepali|sinhala|\
    burmese|khmer|lao|mongolian|tibetan|uyghur|kazakh|uzbek|afrikaans|xhosa|tigrinya|oromo|\
    wolof|lingala|esperanto|sanskrit|gaelic|welsh|catalan|basque|swedish|norwegian|danish|\
    finnish|czech|slovak|hungarian|romanian|bulgarian|serbian|croatian";

/// Religious, political and ethnic group words (NORP) that no nationality list holds.
pub const GROUP_WORDS: &str = "\
    muslim|muslims|christian|christians|jewish|jew|jews|catholic|catholics|hindu|hindus|\
    buddhist|buddhists|sikh|sikhs|sunni|sunnis|shia|shiite|shiites|protestant|protestants|\
    islamist|islamists|evangelical|evangelicals|orthodox|republican|republicans|democrat|\
    democrats|communist|communists|socialist|socialists|marxist|maoist|maoists|arab|arabs|\
    kurd|kurds|kurdish|palestinian|palestinians|european|europeans|african|africans|asian|\
    asians|latino|latinos|hispanic|hispanics|uyghur|uyghurs|uighur|uighurs|tibetan|tibetans|\
    pashtun|pashtuns|hutu|hutus|tutsi|tutsis|yoruba|igbo|hausa|maori|aboriginal|rohingya|\
    bedouin|berber|berbers|roma|zionist|taliban|islamic|latin|western|westerners|caucasian|\
    balkan|nordic|scandinavian|baltic|arabian|persian|han|zulu|xhosa|druze|alawite|salafist|\
    jihadist|jihadists|conservative|liberal|labour|tory|tories|nazi|nazis|soviet|soviets|\
    yazidi|yazidis|copt|copts|coptic|mormon|anglican|lutheran|baptist|methodist|amish|\
    bolshevik|sandinista";

/// Common English function and sentence-starting words that are rarely names.
pub const COMMON_WORDS: &str = "\
    the|a|an|and|or|but|if|in|on|at|to|of|for|with|by|from|as|is|was|are|were|be|been|it|its|\
    he|she|they|we|you|i|his|her|their|our|this|that|these|those|there|here|when|while|after|\
    before|since|during|what|who|which|where|why|how|not|no|yes|so|also|however|meanwhile|\
    according|some|many|most|all|both|each|every|other|such|one|two|three|first|last|new|more|\
    less|than|then|now|today|yesterday|tomorrow|monday|tuesday|wednesday|thursday|friday|\
    saturday|sunday|january|february|march|april|may|june|july|august|september|october|\
    november|december|said|says|will|would|could|should|can|has|have|had|do|does|did|about|\
    under|over|into|between|against|without|within|because|although|despite|photo|file|read|\
    click|share|subscribe|advertisement|related|video|watch|comments|update|updated|published|\
    posted";

/// Words that end GPE names (administrative divisions).
pub const GPE_WORDS: &str = "\
    city|county|republic|kingdom|province|state|district|territory|municipality|prefecture|\
    governorate|oblast|parish|borough|township|emirate|region";

/// Compass words that start region names ("Northern Kenya").
pub const COMPASS_WORDS: &str = "\
    north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|\
    southeast|southwest|north-east|north-west|south-east|south-west|northeastern|northwestern|\
    southeastern|southwestern|upper|lower";

/// More location and facility words (kept apart so the lists above stay short).
pub const LOC_WORDS_MORE: &str = "\
    beach|falls|range|lagoon|oasis|archipelago|waters";

/// More facility words.
pub const FAC_WORDS_MORE: &str = "\
    bypass|hospital|resort|market|stadia|centre|center";

/// More titles, including forms written without a period.
pub const TITLES_MORE: &str = "\
    gen|lt|col|maj|capt|sgt|cpl|pte|brig|brigadier|marshal|madam|madame|mme|mx|maulana|mullah|\
    mufti|ayatollah|hajji|haji|sultan|nuncio|engr|eng|barrister|advocate|hon|honourable|\
    honorable|excellency|his|her|h.e.|dato|datuk|tan|sri|tun|shri|smt|pastor|elder|sister|\
    brother|saint|st|president-elect|prime|vice|acting|interim|former|late|chief|minister|mp|\
    mep|cllr|supt|insp|det|constable|officer|dean|principal|chancellor";

/// Discourse words that start sentences and are never names (checked by the rules only, so
/// they do not change the model's features).
pub const COMMON_MORE: &[&str] = &[
    "furthermore",
    "moreover",
    "however",
    "meanwhile",
    "nevertheless",
    "nonetheless",
    "additionally",
    "consequently",
    "therefore",
    "thus",
    "hence",
    "indeed",
    "instead",
    "otherwise",
    "similarly",
    "likewise",
    "accordingly",
    "besides",
    "still",
    "yet",
    "finally",
    "firstly",
    "secondly",
    "thirdly",
    "lastly",
    "overall",
    "unlike",
    "although",
    "though",
    "whereas",
    "regardless",
    "notably",
    "importantly",
    "interestingly",
    "unfortunately",
    "fortunately",
    "ultimately",
    "currently",
    "recently",
    "previously",
    "initially",
    "earlier",
    "later",
    "tonight",
    "thereafter",
    "subsequently",
    "alternatively",
    "specifically",
];

/// A gazetteer: lower-cased phrases mapped to membership flags.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    table: HashMap<u64, u32, PreHashed>,
    /// The phrase hashes of the first two tokens of every phrase of two or more tokens.
    pairs: HashSet<u64, PreHashed>,
    /// The longest phrase, in tokens.
    pub max_tokens: usize,
}

impl Gazetteer {
    /// Parses the generated gazetteer text (`@section` headers, one phrase a line) and adds
    /// the hand-written keyword lists.
    ///
    /// Lists are front-coded: a line that starts with an ASCII digit `d` stands for the first
    /// `d` bytes of the previous phrase followed by the rest of the line (sorted lists share
    /// long prefixes, which gzip alone compresses poorly); any other line is a whole phrase.
    pub fn parse(text: &str) -> Self {
        let mut g = Gazetteer {
            table: HashMap::with_capacity_and_hasher(64 * 1024, PreHashed),
            pairs: HashSet::default(),
            max_tokens: 1,
        };
        let mut current = 0u32;
        let mut prev = String::new();
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(sec) = line.strip_prefix('@') {
                current = SECTIONS
                    .iter()
                    .find(|(n, _)| *n == sec)
                    .map_or(0, |(_, f)| *f);
                prev.clear();
                continue;
            }
            let (keep, rest) = match line.as_bytes()[0] {
                d @ b'0'..=b'9' => ((d - b'0') as usize, &line[1..]),
                _ => (0, line),
            };
            let mut cut = keep.min(prev.len());
            while !prev.is_char_boundary(cut) {
                cut -= 1;
            }
            prev.truncate(cut);
            prev.push_str(rest);
            let phrase = prev.trim();
            if current != 0 && !phrase.is_empty() {
                g.add(phrase, current);
            }
        }
        // Each list is one string, entries separated by `|` (one string costs less wasm than
        // a table of string slices).
        let lists: [(&str, u32); 14] = [
            (TITLES_MORE, flag::TITLE),
            (LOC_WORDS_MORE, flag::LOC_WORD),
            (FAC_WORDS_MORE, flag::FAC_WORD),
            (GPE_WORDS, flag::GPE_WORD),
            (COMPASS_WORDS, flag::COMPASS),
            (TITLES, flag::TITLE),
            (ORG_WORDS, flag::ORG_WORD),
            (LOC_WORDS, flag::LOC_WORD),
            (FAC_WORDS, flag::FAC_WORD),
            (EVENT_WORDS, flag::EVENT_WORD),
            (LAW_WORDS, flag::LAW_WORD),
            (LANGUAGES, flag::LANGUAGE),
            (GROUP_WORDS, flag::NATIONALITY),
            (COMMON_WORDS, flag::COMMON),
        ];
        for (list, f) in lists {
            for w in list.split('|') {
                g.add(w, f);
            }
        }
        // Every token of a text is looked up: a table no larger than needed stays in cache.
        g.table.shrink_to_fit();
        g.pairs.shrink_to_fit();
        g
    }

    /// Adds `phrase` with flags `f`.
    pub fn add(&mut self, phrase: &str, f: u32) {
        let map = CharMap::new(phrase);
        let toks = token::tokenize(phrase, &map);
        if toks.is_empty() {
            return;
        }
        let mut h = 0u64;
        let mut n = 0usize;
        for (k, t) in toks.iter().enumerate() {
            let th = hash::lower_str(map.slice(phrase, t.span));
            h = if k == 0 { th } else { hash::phrase(h, th) };
            if k == 1 {
                self.pairs.insert(h);
            }
            n += 1;
        }
        // Single words that tokenise with a clitic or hyphen stay single-token keys too.
        *self.table.entry(h).or_insert(0) |= f;
        if n > self.max_tokens {
            self.max_tokens = n.min(6);
        }
    }

    /// True when some phrase of two or more tokens starts with the two tokens whose phrase
    /// hash is `h2`: when false, no phrase starting there needs looking up.
    #[inline]
    pub fn starts_phrase(&self, h2: u64) -> bool {
        self.pairs.contains(&h2)
    }

    /// Flags for a (token or phrase) hash, 0 when absent.
    #[inline]
    pub fn get(&self, h: u64) -> u32 {
        self.table.get(&h).copied().unwrap_or(0)
    }

    /// Flags for a string (hashed token by token, like document text).
    pub fn lookup(&self, phrase: &str) -> u32 {
        let map = CharMap::new(phrase);
        let toks = token::tokenize(phrase, &map);
        let mut h = 0u64;
        for (k, t) in toks.iter().enumerate() {
            let th = hash::lower_str(map.slice(phrase, t.span));
            h = if k == 0 { th } else { hash::phrase(h, th) };
        }
        if toks.is_empty() { 0 } else { self.get(h) }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

/// Front-codes a sorted list of phrases for [`Gazetteer::parse`]: each line is the number of
/// leading bytes shared with the previous phrase (a digit, at most 9) and the rest.
pub fn front_code<'a>(phrases: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut prev = "";
    for p in phrases {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        let mut k = prev
            .bytes()
            .zip(p.bytes())
            .take_while(|(a, b)| a == b)
            .count()
            .min(9);
        while !p.is_char_boundary(k) {
            k -= 1;
        }
        out.push(char::from(b'0' + k as u8));
        out.push_str(&p[k..]);
        out.push('\n');
        prev = p;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_coded_lists_round_trip() {
        let words = [
            "newt",
            "new delhi",
            "new york",
            "newark",
            "zürich",
            "zurück",
            "6th of october",
        ];
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        let coded = front_code(sorted.iter().copied());
        let g = Gazetteer::parse(&format!(
            "@city\n{coded}@first\n{}",
            front_code(["anna", "anne"])
        ));
        for w in words {
            assert_eq!(g.lookup(w), flag::CITY, "{w}");
        }
        assert_eq!(g.lookup("Anne"), flag::FIRST);
        assert_eq!(g.lookup("Anna"), flag::FIRST);
        assert_eq!(g.lookup("new yorkark"), 0);
    }

    #[test]
    fn sections_and_keywords() {
        let g = Gazetteer::parse("@first\nmaria\n@city\nnew york\n@country\nnorth korea\n");
        assert_eq!(g.lookup("Maria"), flag::FIRST);
        assert_eq!(g.lookup("NEW YORK"), flag::CITY);
        assert_eq!(g.lookup("North Korea"), flag::COUNTRY);
        assert!(g.lookup("Ministry") & flag::ORG_WORD != 0);
        assert!(g.lookup("River") & flag::LOC_WORD != 0);
        assert_eq!(g.lookup("Nowhereville"), 0);
        assert!(g.max_tokens >= 2);
    }
}
