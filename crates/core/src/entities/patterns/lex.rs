//! Word classes for the pattern matchers: ONE table of the words they know, each written once
//! with its classes (bits) and value, read both by the matchers (`month`, `currency_code`, …)
//! and by the opener filters that skip tokens which cannot start a match. The table and the
//! filters are built at compile time, the table's hash index once at first use; a lookup
//! hashes the word and compares it with the few entries of its slot, so nothing allocates.
//!
//! Keys are case-sensitive. Words of the classes marked "case-sensitive" below are looked up
//! with the token as written ("USD", "KSh", "Christmas"); all others with its lower-case form.

use std::sync::OnceLock;

// Classes, looked up with the lower-case word.
/// A month name or abbreviation; value: the month (1–12).
pub(super) const MONTH: u32 = 1 << 0;
/// A weekday name; value: the day (1 = Monday).
pub(super) const WEEKDAY: u32 = 1 << 1;
/// With MONTH or WEEKDAY: the full name ("march", not "mar.").
pub(super) const FULL: u32 = 1 << 2;
/// With WEEKDAY: the plural ("mondays").
pub(super) const PLURAL: u32 = 1 << 3;
/// A number word below twenty; value: the number.
pub(super) const UNIT_NUMBER: u32 = 1 << 4;
/// A multiple of ten written as a word ("twenty" … "ninety"); value: the number.
pub(super) const TENS: u32 = 1 << 5;
/// A scale word ("million", "bn", "lakh"); value: the power of ten.
pub(super) const SCALE: u32 = 1 << 6;
/// A vague count ("dozens", "millions").
pub(super) const VAGUE: u32 = 1 << 7;
/// An ordinal word ("first" … "thousandth"); value: the number.
pub(super) const ORDINAL: u32 = 1 << 8;
/// An ordinal suffix after digits ("st", "nd", "rd", "th").
pub(super) const ORD_SUFFIX: u32 = 1 << 9;
/// A decade written as a word ("nineties").
pub(super) const DECADE: u32 = 1 << 10;
/// A currency name written after an amount ("rupees").
pub(super) const CURRENCY_NAME: u32 = 1 << 11;
/// A currency name that is also a common word ("won", "pound").
pub(super) const WEAK_CURRENCY_NAME: u32 = 1 << 12;
/// A unit of measure ("km", "tonnes").
pub(super) const UNIT: u32 = 1 << 13;
/// A unit of time that makes a DATE duration ("years").
pub(super) const DATE_UNIT: u32 = 1 << 14;
/// A unit of time that makes a TIME duration ("hours").
pub(super) const TIME_UNIT: u32 = 1 << 15;
/// A part of a day ("morning").
pub(super) const DAY_PART: u32 = 1 << 16;
/// A season ("summer").
pub(super) const SEASON: u32 = 1 << 17;
/// A word that announces a year ("in 1265", "since 1881").
pub(super) const YEAR_CUE: u32 = 1 << 18;
/// A function word that may be capitalised at the start of a sentence.
pub(super) const FUNCTION_WORD: u32 = 1 << 19;
/// A word that opens a match by itself ("noon", "fiscal").
pub(super) const OPENER: u32 = 1 << 20;
/// A word that opens a relative date, in OntoNotes style ("last", "yesterday").
pub(super) const OPEN_REL: u32 = 1 << 21;
/// A word that opens a match only before certain words ("a hundred", "half a million").
pub(super) const IF_NEXT: u32 = 1 << 22;
// Classes, case-sensitive.
/// A currency symbol ("$", "₹").
pub(super) const CURRENCY_SYMBOL: u32 = 1 << 23;
/// Letters before `$` saying which dollar ("US", "HK").
pub(super) const DOLLAR_PREFIX: u32 = 1 << 24;
/// A currency code or abbreviation before an amount ("USD", "Rs").
pub(super) const CURRENCY_CODE: u32 = 1 << 25;
/// A currency code that is also a word or an initial ("P", "TRY").
pub(super) const WEAK_CODE: u32 = 1 << 26;
/// An adjective naming whose currency ("Korean", "Hong").
pub(super) const CURRENCY_COUNTRY: u32 = 1 << 27;
/// A time-zone abbreviation ("GMT").
pub(super) const TIME_ZONE: u32 = 1 << 28;
/// The first word of a holiday in [`HOLIDAYS`] (added from that list).
pub(super) const HOLIDAY: u32 = 1 << 29;
/// The first word of a holiday that news corpora mark as a date too.
pub(super) const HOLIDAY_CORE: u32 = 1 << 30;

/// Words with a value: (word, classes, value).
#[rustfmt::skip]
const VALUED: &[(&str, u32, u16)] = &[
    // MONTH
    ("january", MONTH | FULL, 1), ("jan", MONTH, 1), ("jan.", MONTH, 1),
    ("february", MONTH | FULL, 2), ("feb", MONTH, 2), ("feb.", MONTH, 2),
    ("march", MONTH | FULL, 3), ("mar", MONTH, 3), ("mar.", MONTH, 3), ("april", MONTH | FULL, 4),
    ("apr", MONTH, 4), ("apr.", MONTH, 4), ("may", MONTH | FULL, 5), ("june", MONTH | FULL, 6),
    ("jun", MONTH, 6), ("jun.", MONTH, 6), ("july", MONTH | FULL, 7), ("jul", MONTH, 7),
    ("jul.", MONTH, 7), ("august", MONTH | FULL, 8), ("aug", MONTH, 8), ("aug.", MONTH, 8),
    ("september", MONTH | FULL, 9), ("sep", MONTH, 9), ("sep.", MONTH, 9), ("sept", MONTH, 9),
    ("sept.", MONTH, 9), ("october", MONTH | FULL, 10), ("oct", MONTH, 10), ("oct.", MONTH, 10),
    ("november", MONTH | FULL, 11), ("nov", MONTH, 11), ("nov.", MONTH, 11),
    ("december", MONTH | FULL, 12), ("dec", MONTH, 12), ("dec.", MONTH, 12),
    // WEEKDAY
    ("monday", WEEKDAY | FULL, 1), ("mondays", WEEKDAY | PLURAL | FULL, 1), ("mon.", WEEKDAY, 1),
    ("tuesday", WEEKDAY | FULL, 2), ("tuesdays", WEEKDAY | PLURAL | FULL, 2), ("tue.", WEEKDAY, 2),
    ("tues.", WEEKDAY, 2), ("wednesday", WEEKDAY | FULL, 3),
    ("wednesdays", WEEKDAY | PLURAL | FULL, 3), ("wed.", WEEKDAY, 3),
    ("thursday", WEEKDAY | FULL, 4), ("thursdays", WEEKDAY | PLURAL | FULL, 4),
    ("thu.", WEEKDAY, 4), ("thur.", WEEKDAY, 4), ("thurs.", WEEKDAY, 4),
    ("friday", WEEKDAY | FULL, 5), ("fridays", WEEKDAY | PLURAL | FULL, 5), ("fri.", WEEKDAY, 5),
    ("saturday", WEEKDAY | FULL, 6), ("saturdays", WEEKDAY | PLURAL | FULL, 6),
    ("sat.", WEEKDAY, 6), ("sunday", WEEKDAY | FULL, 7), ("sundays", WEEKDAY | PLURAL | FULL, 7),
    ("sun.", WEEKDAY, 7),
    // UNIT_NUMBER
    ("zero", UNIT_NUMBER, 0), ("one", UNIT_NUMBER, 1), ("two", UNIT_NUMBER, 2),
    ("three", UNIT_NUMBER, 3), ("four", UNIT_NUMBER, 4), ("five", UNIT_NUMBER, 5),
    ("six", UNIT_NUMBER, 6), ("seven", UNIT_NUMBER, 7), ("eight", UNIT_NUMBER, 8),
    ("nine", UNIT_NUMBER, 9), ("ten", UNIT_NUMBER, 10), ("eleven", UNIT_NUMBER, 11),
    ("twelve", UNIT_NUMBER, 12), ("thirteen", UNIT_NUMBER, 13), ("fourteen", UNIT_NUMBER, 14),
    ("fifteen", UNIT_NUMBER, 15), ("sixteen", UNIT_NUMBER, 16), ("seventeen", UNIT_NUMBER, 17),
    ("eighteen", UNIT_NUMBER, 18), ("nineteen", UNIT_NUMBER, 19),
    // TENS
    ("twenty", TENS, 20), ("thirty", TENS, 30), ("forty", TENS, 40), ("fifty", TENS, 50),
    ("sixty", TENS, 60), ("seventy", TENS, 70), ("eighty", TENS, 80), ("ninety", TENS, 90),
    // SCALE
    ("hundred", SCALE, 2), ("thousand", SCALE, 3), ("k", SCALE, 3), ("lakh", SCALE, 5),
    ("lakhs", SCALE | VAGUE, 5), ("lac", SCALE, 5), ("lacs", SCALE, 5), ("million", SCALE, 6),
    ("mn", SCALE, 6), ("mln", SCALE, 6), ("m", SCALE, 6), ("mil", SCALE, 6), ("crore", SCALE, 7),
    ("crores", SCALE | VAGUE, 7), ("cr", SCALE, 7), ("billion", SCALE, 9), ("bn", SCALE, 9),
    ("b", SCALE, 9), ("bln", SCALE, 9), ("trillion", SCALE, 12), ("tn", SCALE, 12),
    ("trn", SCALE, 12),
    // ORDINAL
    ("first", ORDINAL | OPEN_REL, 1), ("second", ORDINAL | TIME_UNIT, 2), ("third", ORDINAL, 3),
    ("fourth", ORDINAL, 4), ("fifth", ORDINAL, 5), ("sixth", ORDINAL, 6), ("seventh", ORDINAL, 7),
    ("eighth", ORDINAL, 8), ("ninth", ORDINAL, 9), ("tenth", ORDINAL, 10),
    ("eleventh", ORDINAL, 11), ("twelfth", ORDINAL, 12), ("thirteenth", ORDINAL, 13),
    ("fourteenth", ORDINAL, 14), ("fifteenth", ORDINAL, 15), ("sixteenth", ORDINAL, 16),
    ("seventeenth", ORDINAL, 17), ("eighteenth", ORDINAL, 18), ("nineteenth", ORDINAL, 19),
    ("twentieth", ORDINAL, 20), ("thirtieth", ORDINAL, 30), ("fortieth", ORDINAL, 40),
    ("fiftieth", ORDINAL, 50), ("sixtieth", ORDINAL, 60), ("seventieth", ORDINAL, 70),
    ("eightieth", ORDINAL, 80), ("ninetieth", ORDINAL, 90), ("hundredth", ORDINAL, 100),
    ("thousandth", ORDINAL, 1000),
];

/// Words without a value, grouped by their classes. A word belongs to one group only (the
/// table refuses a word written twice), so words of several classes have groups of their own.
#[rustfmt::skip]
const GROUPS: &[(u32, &[&str])] = &[
    // Plural scale words that stand for a vague count: "dozens", "hundreds", "millions".
    (VAGUE, &[
        "dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions", "trillions",
    ]),
    // Ordinal suffixes after digits.
    (ORD_SUFFIX, &["st", "nd", "rd", "th"]),
    // Decades written as words.
    (DECADE, &[
        "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
        "nineties",
    ]),
    // Currency symbols (one character each).
    (CURRENCY_SYMBOL, &[
        "$", "€", "£", "¥", "₹", "₡", "₦", "₱", "₩", "₺", "₽", "₴", "₫", "₪", "₵", "₭", "₮", "₨",
        "৳", "฿", "₸", "₼", "₾", "﷼", "￥", "＄", "￡", "¢",
    ]),
    (DOLLAR_PREFIX | CURRENCY_COUNTRY, &["US", "U.S."]),
    // Letters written before `$` (or another symbol) to say which dollar: "US$", "HK$", "NT$".
    (DOLLAR_PREFIX, &[
        "HK", "NT", "A", "AU", "C", "CA", "CAN", "S", "SG", "NZ", "Z", "J", "T", "TT", "EC", "BZ",
        "FJ", "SI", "RD", "M", "Mex", "E", "B",
    ]),
    (DOLLAR_PREFIX | CURRENCY_CODE | WEAK_CODE, &["R", "N", "GH", "BD"]),
    // Currency codes and abbreviations written before an amount ("USD 5", "Rs 500", "Tk 3,000").
    (CURRENCY_CODE, &[
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "PKR", "LKR", "BDT", "NPR", "IDR", "MYR",
        "SGD", "HKD", "TWD", "NTD", "THB", "PHP", "VND", "KRW", "AUD", "NZD", "CAD", "CHF", "ZAR",
        "NGN", "KES", "KSh", "Ksh", "Kshs", "GHS", "GH¢", "EGP", "SAR", "AED", "QAR", "KWD", "BHD",
        "OMR", "JOD", "ILS", "NIS", "RUB", "UAH", "BRL", "MXN", "ARS", "CLP", "CRC", "BND", "ETB",
        "TZS", "UGX", "XOF", "XAF", "DZD", "TND", "LBP", "IQD", "IRR", "AFN", "MMK", "KHR", "LAK",
        "MNT", "KZT", "PLN", "HUF", "CZK", "SEK", "NOK", "DKK", "RON", "ZMW", "MWK", "NAD", "BWP",
        "MUR", "MVR", "FJD", "PGK", "KD", "QR", "JD", "Dh", "Dhs", "AED.", "Rs", "Rs.", "Tk", "Tk.",
        "Rp", "Rp.", "RM", "LE", "Php", "Shs", "MK", "Tsh", "TSh", "TShs", "Ush", "USh", "UShs",
        "USDT",
    ]),
    // Codes that may also be ordinary words or initials, so they need a number glued to them or
    // right after them ("P500" yes, "P. 500" no).
    (CURRENCY_CODE | WEAK_CODE, &[
        "TRY", "PEN", "CUP", "MAD", "RO", "OR", "Re", "Re.", "Le", "P", "K", "Sh", "Br",
    ]),
    // Currency names written after an amount ("225 rupees", "5 million yuan").
    (CURRENCY_NAME, &[
        "dollar", "dollars", "cent", "cents", "euro", "euros", "sterling", "pence", "penny", "yen",
        "yuan", "renminbi", "rupee", "rupees", "rupiah", "ringgit", "baht", "peso", "pesos",
        "naira", "kobo", "shilling", "shillings", "franc", "francs", "dinar", "dinars", "dirham",
        "dirhams", "riyal", "riyals", "rial", "rials", "lira", "liras", "lire", "ruble", "rubles",
        "rouble", "roubles", "hryvnia", "hryvnias", "zloty", "zlotys", "kyat", "kyats", "taka",
        "birr", "cedi", "cedis", "kwacha", "leone", "leones", "shekel", "shekels", "colones",
        "riel", "riels", "tugrik", "afghani", "afghanis", "manat", "tenge", "lari", "forint",
        "koruna", "krona", "kronor", "krone", "kroner", "quetzal", "quetzales", "lempira",
        "lempiras", "cordoba", "cordobas", "soles", "boliviano", "bolivianos", "guarani", "bolivar",
        "bolivars", "reais", "paise", "paisa", "fils", "halalas", "usd", "rs", "rs.", "bucks",
        "dollar-denominated",
    ]),
    // Currency names that are also common words: need an amount with a scale word, or a
    // country adjective, before them ("5 billion won", "Korean won").
    (CURRENCY_NAME | WEAK_CURRENCY_NAME, &[
        "pound", "pounds", "won", "dong", "rand", "colon", "kip", "pula", "real", "cup",
    ]),
    // Adjectives naming whose currency ("U.S. dollars", "Hong Kong dollars", "Korean won"),
    // matched as a capitalised word; "Hong Kong", "New Zealand" span two words at most.
    (CURRENCY_COUNTRY, &[
        "American", "Australian", "Canadian", "Singapore", "Singaporean", "Hong", "Kong", "Taiwan",
        "Taiwanese", "New", "Zealand", "Korean", "Japanese", "Chinese", "Thai", "Indian",
        "Pakistani", "Nepali", "Nepalese", "Sri", "Lankan", "Indonesian", "Malaysian", "Philippine",
        "Mexican", "Argentine", "Argentinian", "Chilean", "Colombian", "Brazilian", "Nigerian",
        "Kenyan", "Ugandan", "Tanzanian", "Ghanaian", "Egyptian", "Saudi", "Emirati", "Qatari",
        "Kuwaiti", "Jordanian", "Iraqi", "Iranian", "Israeli", "Turkish", "Russian", "Ukrainian",
        "Swiss", "Swedish", "Norwegian", "Danish", "Zimbabwean", "Namibian", "Jamaican", "Fijian",
        "Costa", "Rican", "Cuban", "Bangladeshi", "Vietnamese", "Cambodian", "South", "African",
        "Hongkong", "Libyan", "Tunisian", "Algerian", "Moroccan", "Ethiopian", "Zambian",
        "Malawian", "Botswana", "Bahraini", "Omani",
    ]),
    // Units of measure written after an amount ("5 km", "10 tonnes", "30 miles").
    (UNIT, &[
        "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre",
        "metres", "meter", "meters", "cm", "centimetres", "centimeters", "mm", "millimetres",
        "millimeters", "feet", "foot", "ft", "inch", "inches", "yard", "yards", "kg", "kgs", "kilo",
        "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes", "gram", "grams", "gramme",
        "grammes", "mg", "milligrams", "tonne", "tonnes", "ton", "tons", "mt", "lb", "lbs", "ounce",
        "ounces", "oz", "litre", "litres", "liter", "liters", "ml", "millilitres", "gallon",
        "gallons", "barrel", "barrels", "bpd", "acre", "acres", "hectare", "hectares", "ha", "sq",
        "square", "cubic", "degree", "degrees", "°c", "°f", "mw", "gw", "kw", "kwh", "mwh", "gwh",
        "megawatt", "megawatts", "gigawatt", "gigawatts", "kilowatt", "kilowatts", "kph", "mph",
        "km/h", "knots", "teu", "teus", "carat", "carats", "calories", "kcal", "gb", "tb", "mb",
        "mbps", "gbps", "ghz", "mhz", "decibels", "db", "quintals", "quintal", "bushels", "cusecs",
        "nautical",
    ]),
    // Units of time that make a DATE duration ("three years", "a decade").
    (DATE_UNIT, &[
        "day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "years",
        "decade", "century", "quarter", "quarters", "weekend", "weekends", "semester", "season",
        "seasons", "millennium", "millennia",
    ]),
    (DATE_UNIT | YEAR_CUE, &["year"]),
    (DATE_UNIT | OPEN_REL, &["decades", "centuries"]),
    // Units of time that make a TIME duration ("two hours").
    (TIME_UNIT, &["hour", "minute", "minutes", "seconds", "mins"]),
    (TIME_UNIT | TIME_ZONE, &["hours", "hrs"]),
    // Parts of a day.
    (DAY_PART, &["morning", "afternoon", "evening", "night"]),
    (DAY_PART | OPENER, &["midday"]),
    // Seasons, which make a DATE with a modifier or year ("last summer", "summer 2020").
    (SEASON | YEAR_CUE, &["spring", "summer", "autumn", "winter"]),
    (SEASON, &["fall", "monsoon"]),
    // Time-zone abbreviations after a clock time.
    (TIME_ZONE, &[
        "IST", "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "EST", "EDT", "CST", "CDT", "MST",
        "MDT", "PST", "PDT", "JST", "KST", "HKT", "SGT", "PHT", "WIB", "AEST", "AEDT", "ACST",
        "AWST", "NZST", "NZDT", "SAST", "EAT", "WAT", "CAT", "PKT", "NPT", "MSK", "ICT", "AST",
        "GST", "ET", "PT", "CT",
    ]),
    // Words that announce a year before a bare number ("in 1265", "since 1881").
    (YEAR_CUE, &[
        "in", "from", "until", "till", "before", "after", "during", "circa", "c.", "ca.", "through",
        "of", "around", "and", "to",
    ]),
    (YEAR_CUE | FUNCTION_WORD, &["since", "by"]),
    (YEAR_CUE | IF_NEXT, &["between"]),
    (YEAR_CUE | OPEN_REL, &["early", "late", "mid"]),
    // Function words that may be capitalised at the start of a sentence ("the" … "again");
    // some also open relative dates ("the past week", "this year", "later this month").
    (FUNCTION_WORD | OPEN_REL, &["the", "this", "that", "later", "earlier"]),
    (FUNCTION_WORD | OPEN_REL | IF_NEXT, &["a", "an"]),
    (FUNCTION_WORD, &[
        "with", "for", "at", "on", "as", "its", "their", "his", "her", "our", "unlike", "like",
        "than", "but", "so", "if", "when", "while", "only", "also", "even", "not", "all", "both",
        "about", "over", "under", "within", "against", "into", "across", "beyond", "except", "per",
        "via", "or", "nor", "yet", "however", "still", "then", "now", "again",
    ]),
    (FUNCTION_WORD | OPENER, &["fiscal"]),
    // Words that open a match by themselves; "fiscal" (below, a function word too) as well.
    (OPENER, &["noon", "midnight", "fy"]),
    // Words that open relative dates (OntoNotes style): "last week", "yesterday", "several years".
    (OPEN_REL, &[
        "last", "next", "past", "coming", "previous", "following", "current", "recent", "same",
        "final", "upcoming", "yesterday", "today", "tomorrow", "tonight", "overnight", "several",
        "few", "many",
    ]),
    // Words that open a match only before certain words: "half a million" (also "a", "an",
    // "between" above).
    (IF_NEXT, &["half"]),
];

/// Holiday names that are DATEs: each entry is its words and whether news corpora mark it as
/// a date too (religious observances do; "Labour Day", "Lunar New Year" and festival names are
/// marked as events there, as dates only in OntoNotes style).
pub(super) const HOLIDAYS: &[(&[&str], bool)] = &[
    (&["Christmas", "Eve"], true),
    (&["Christmas", "Day"], true),
    (&["Christmas"], true),
    (&["Easter", "Sunday"], true),
    (&["Easter", "Monday"], true),
    (&["Easter"], true),
    (&["Good", "Friday"], true),
    (&["Holy", "Week"], false),
    (&["Palm", "Sunday"], false),
    (&["Ash", "Wednesday"], false),
    (&["New", "Year", "'s", "Eve"], false),
    (&["New", "Year", "’s", "Eve"], false),
    (&["New", "Year", "'s", "Day"], false),
    (&["New", "Year", "’s", "Day"], false),
    (&["Lunar", "New", "Year"], false),
    (&["Chinese", "New", "Year"], false),
    (&["Eid", "al-Adha"], true),
    (&["Eid", "al-Fitr"], true),
    (&["Eid", "Al", "Adha"], true),
    (&["Eid", "al", "Adha"], true),
    (&["Eid", "Al", "Fitr"], true),
    (&["Eid", "al", "Fitr"], true),
    (&["Eid", "ul", "Adha"], true),
    (&["Eid", "ul", "Fitr"], true),
    (&["Eid-ul-Adha"], true),
    (&["Eid-ul-Fitr"], true),
    (&["Eid-al-Adha"], true),
    (&["Eid-al-Fitr"], true),
    (&["Eid-ul-Azha"], true),
    (&["Eid"], true),
    (&["Ramadan"], true),
    (&["Ramazan"], true),
    (&["Ramzan"], true),
    (&["Diwali"], true),
    (&["Deepavali"], true),
    (&["Holi"], true),
    (&["Navratri"], true),
    (&["Dussehra"], true),
    (&["Durga", "Puja"], true),
    (&["Ganesh", "Chaturthi"], true),
    (&["Janmashtami"], true),
    (&["Raksha", "Bandhan"], true),
    (&["Ram", "Navami"], false),
    (&["Onam"], true),
    (&["Pongal"], true),
    (&["Thanksgiving"], true),
    (&["Hanukkah"], true),
    (&["Passover"], true),
    (&["Yom", "Kippur"], true),
    (&["Rosh", "Hashanah"], true),
    (&["Halloween"], false),
    (&["Valentine", "'s", "Day"], false),
    (&["Valentine", "’s", "Day"], false),
    (&["Boxing", "Day"], false),
    (&["Labor", "Day"], false),
    (&["Labour", "Day"], false),
    (&["Mother", "'s", "Day"], false),
    (&["Mother", "’s", "Day"], false),
    (&["Father", "'s", "Day"], false),
    (&["Father", "’s", "Day"], false),
    (&["Vesak"], true),
    (&["Songkran"], true),
    (&["Nowruz"], true),
    (&["Hari", "Raya", "Aidilfitri"], true),
    (&["Hari", "Raya", "Haji"], true),
    (&["Hari", "Raya"], true),
    (&["Ashura"], true),
    (&["Mawlid"], true),
    (&["Kwanzaa"], true),
    (&["Arafah", "Day"], true),
    (&["Arafat", "Day"], true),
    (&["Cinco", "de", "Mayo"], true),
];

/// An entry of the word table.
#[derive(Clone, Copy, Debug)]
pub(super) struct Word {
    /// The word (lower-case unless its classes are case-sensitive).
    pub text: &'static str,
    /// Its classes (the bits above).
    pub class: u32,
    /// Its value, for the classes that have one.
    pub value: u16,
}

/// `a == b`, also at compile time; a byte loop, cheaper than a call to `memcmp` for the short
/// words of the table.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The holiday classes of holiday `k` (first words of [`HOLIDAYS`]).
const fn holiday_class(k: usize) -> u32 {
    if HOLIDAYS[k].1 {
        HOLIDAY | HOLIDAY_CORE
    } else {
        HOLIDAY
    }
}

/// Builds the table: [`VALUED`], then [`GROUPS`], then the first words of [`HOLIDAYS`] (their
/// classes added to an entry of the same word, if there is one). Returns it and its length;
/// entries past the length are empty.
const fn build<const N: usize>() -> ([Word; N], usize) {
    const EMPTY: Word = Word {
        text: "",
        class: 0,
        value: 0,
    };
    let mut out = [EMPTY; N];
    let mut n = 0;
    let mut k = 0;
    while k < VALUED.len() {
        let (text, class, value) = VALUED[k];
        out[n] = Word { text, class, value };
        n += 1;
        k += 1;
    }
    let mut g = 0;
    while g < GROUPS.len() {
        let (class, words) = GROUPS[g];
        let mut k = 0;
        while k < words.len() {
            out[n] = Word {
                text: words[k],
                class,
                value: 0,
            };
            n += 1;
            k += 1;
        }
        g += 1;
    }
    let mut h = 0;
    while h < HOLIDAYS.len() {
        let first = HOLIDAYS[h].0[0];
        let mut k = 0;
        while k < n && !same(out[k].text, first) {
            k += 1;
        }
        if k == n {
            out[n] = Word {
                text: first,
                class: 0,
                value: 0,
            };
            n += 1;
        }
        out[k].class |= holiday_class(h);
        h += 1;
    }
    (out, n)
}

/// Upper bound of the table's length (every holiday's first word counted).
const MAX_WORDS: usize = {
    let mut n = VALUED.len() + HOLIDAYS.len();
    let mut g = 0;
    while g < GROUPS.len() {
        n += GROUPS[g].1.len();
        g += 1;
    }
    n
};

/// Number of words in the table.
const N_WORDS: usize = build::<MAX_WORDS>().1;

/// The word table (evaluated at compile time only).
const fn table() -> [Word; N_WORDS] {
    let (all, _) = build::<MAX_WORDS>();
    let mut out = [all[0]; N_WORDS];
    let mut k = 0;
    while k < N_WORDS {
        out[k] = all[k];
        k += 1;
    }
    out
}

/// Every word the matchers know, in the order written.
pub(super) static WORDS: [Word; N_WORDS] = table();

/// Slots of the hash index: a power of two, about twice the number of words, so a lookup
/// mostly finds its word, or an empty slot, at once.
const INDEX_SLOTS: usize = 2048;

/// Open-addressed hash index of the table `words`: `index[s]` is 1 + the position of a word
/// whose probe sequence passes slot `s` (0 = empty). Refuses a word written twice.
const fn index_of(words: &[Word]) -> [u16; INDEX_SLOTS] {
    assert!(words.len() < INDEX_SLOTS / 2 && words.len() < u16::MAX as usize);
    let mut index = [0u16; INDEX_SLOTS];
    let mut k = 0;
    while k < words.len() {
        let text = words[k].text;
        let mut s = index_slot(text);
        while index[s] != 0 {
            assert!(
                !same(words[index[s] as usize - 1].text, text),
                "a word is written twice in the word table"
            );
            s = (s + 1) % INDEX_SLOTS;
        }
        index[s] = k as u16 + 1;
        k += 1;
    }
    index
}

// Builds the index once at compile time, so that a word written twice fails the build.
const _: [u16; INDEX_SLOTS] = index_of(&table());

/// The hash index of [`WORDS`], built on first use (some 30,000 instructions, once) rather than
/// stored in the binary, where it would take 4 KB of the page's download.
fn index() -> &'static [u16; INDEX_SLOTS] {
    static INDEX: OnceLock<[u16; INDEX_SLOTS]> = OnceLock::new();
    INDEX.get_or_init(|| index_of(&WORDS))
}

/// First probe of a word in the index (ignores ASCII case, like [`WordFilter::slot`]).
const fn index_slot(w: &str) -> usize {
    WordFilter::slot(w) % INDEX_SLOTS
}

/// The table entry of word `w` (exact, case-sensitive).
#[inline]
pub(super) fn lookup(w: &str) -> Option<&'static Word> {
    at(position(w))
}

/// 1 + the position of word `w` in [`WORDS`], or 0 when it is not there.
pub(super) fn position(w: &str) -> u16 {
    // Most words looked up are not in the table: the filter tells so for most of them.
    let s = WordFilter::slot(w);
    if !KNOWN.has(s) {
        return 0;
    }
    let index = index();
    let mut s = s % INDEX_SLOTS;
    loop {
        let k = index[s];
        match WORDS.get(usize::from(k).wrapping_sub(1)) {
            Some(e) if !same(e.text, w) => s = (s + 1) % INDEX_SLOTS,
            _ => return k,
        }
    }
}

/// The entry at `position` as [`position`] gives it.
#[inline]
pub(super) fn at(position: u16) -> Option<&'static Word> {
    // Position 0 wraps around to an index past the end: no entry.
    WORDS.get(usize::from(position).wrapping_sub(1))
}

/// The classes of word `w` (0 when it is not in the table).
#[inline]
pub(super) fn class(w: &str) -> u32 {
    lookup(w).map_or(0, |e| e.class)
}

/// True when word `w` has one of the classes `mask`.
#[inline]
fn is(w: &str, mask: u32) -> bool {
    class(w) & mask != 0
}

/// The entry of `w` when it has one of the classes `mask`.
#[inline]
fn with(w: &str, mask: u32) -> Option<&'static Word> {
    lookup(w).filter(|e| e.class & mask != 0)
}

/// Month number (1–12) for a month name or abbreviation, and whether it is the full name.
pub(super) fn month(w: &str) -> Option<(u8, bool)> {
    month_of(lookup(w))
}

/// [`month`] of a table entry.
pub(super) fn month_of(e: Option<&Word>) -> Option<(u8, bool)> {
    e.filter(|e| e.class & MONTH != 0)
        .map(|e| (e.value as u8, e.class & FULL != 0))
}

/// True for a full month or weekday name in any case ("March", "TUESDAY"). The name rules use
/// it so that a date word is never taken for a title or a name.
pub(crate) fn is_calendar_name(word: &str) -> bool {
    const LONGEST: usize = "wednesday".len();
    if word.len() > LONGEST || !word.is_ascii() {
        return false;
    }
    // Lower-cased on the stack: the names are short.
    let mut buf = [0u8; LONGEST];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let Ok(lower) = std::str::from_utf8(lower) else {
        return false;
    };
    with(lower, MONTH | WEEKDAY).is_some_and(|e| e.class & (FULL | PLURAL) == FULL)
}

/// Weekday (1–7) for a weekday name; `(day, plural, full)`.
pub(super) fn weekday(w: &str) -> Option<(u8, bool, bool)> {
    weekday_of(lookup(w))
}

/// [`weekday`] of a table entry.
pub(super) fn weekday_of(e: Option<&Word>) -> Option<(u8, bool, bool)> {
    e.filter(|e| e.class & WEEKDAY != 0)
        .map(|e| (e.value as u8, e.class & PLURAL != 0, e.class & FULL != 0))
}

/// Value of a number word below a hundred: "one" … "ninety-nine".
pub(super) fn small_number(w: &str) -> Option<u32> {
    // Number words have 3 to 13 letters ("one" … "seventy-seven"), hyphenated ones at least 9
    // ("forty-one"): the length tests spare most words the search for a hyphen.
    if !(3..=13).contains(&w.len()) {
        return None;
    }
    if w.len() >= 9
        && let Some((a, b)) = w.split_once('-')
    {
        let t = tens(a)?;
        let u = unit_number(b)?;
        return (u < 10).then_some(t + u);
    }
    with(w, UNIT_NUMBER | TENS).map(|e| u32::from(e.value))
}

fn unit_number(w: &str) -> Option<u32> {
    with(w, UNIT_NUMBER).map(|e| u32::from(e.value))
}

fn tens(w: &str) -> Option<u32> {
    with(w, TENS).map(|e| u32::from(e.value))
}

/// Multiplier of a scale word written out ("million") or abbreviated ("bn", "mn").
pub(super) fn scale(w: &str) -> Option<f64> {
    scale_of(lookup(w))
}

/// [`scale`] of a table entry.
pub(super) fn scale_of(e: Option<&Word>) -> Option<f64> {
    const POW10: [f64; 13] = [
        1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    ];
    e.filter(|e| e.class & SCALE != 0)
        .and_then(|e| POW10.get(usize::from(e.value)).copied())
}

/// Plural scale words that stand for a vague count: "dozens", "hundreds", "millions".
pub(super) fn vague_number(w: &str) -> bool {
    is(w, VAGUE)
}

/// Value of an ordinal word: "first" … "twentieth", "thirtieth", "hundredth".
pub(super) fn ordinal_word(w: &str) -> Option<u32> {
    // Ordinal words have 5 to 15 letters ("first" … "seventy-seventh"), hyphenated ones at
    // least 11 ("forty-first"): the length tests spare most words the search for a hyphen.
    if !(5..=15).contains(&w.len()) {
        return None;
    }
    if w.len() >= 11
        && let Some((a, b)) = w.split_once('-')
    {
        let t = tens(a)?;
        let u = ordinal_word(b)?;
        return (u < 10).then_some(t + u);
    }
    with(w, ORDINAL).map(|e| u32::from(e.value))
}

/// True for an ordinal suffix after digits: "st", "nd", "rd", "th".
pub(super) fn ordinal_suffix(w: &str) -> bool {
    is(w, ORD_SUFFIX)
}

/// Currency codes and abbreviations written before an amount ("USD 5", "Rs 500", "Tk 3,000").
/// Case-sensitive.
pub(super) fn currency_code(s: &str) -> bool {
    is(s, CURRENCY_CODE)
}

/// Codes that may also be ordinary words or initials, so they need a number glued to them or
/// right after them ("P500" yes, "P. 500" no).
pub(super) fn weak_code(s: &str) -> bool {
    is(s, WEAK_CODE)
}

/// Currency names written after an amount ("225 rupees", "5 million yuan").
pub(super) fn currency_name(w: &str) -> bool {
    is(w, CURRENCY_NAME)
}

/// Units of measure written after an amount ("5 km", "10 tonnes", "30 miles").
pub(super) fn unit(w: &str) -> bool {
    is(w, UNIT)
}

/// Units of time that make a DATE duration ("three years", "a decade").
pub(super) fn date_unit(w: &str) -> bool {
    is(w, DATE_UNIT)
}

/// Seasons, which make a DATE with a modifier or year ("last summer", "summer 2020").
pub(super) fn season(w: &str) -> bool {
    is(w, SEASON)
}

/// Words that announce a year before a bare number ("in 1265", "since 1881").
pub(super) fn year_cue(w: &str) -> bool {
    is(w, YEAR_CUE)
}

/// Function words that may be capitalised at the start of a sentence.
pub(super) fn function_word(w: &str) -> bool {
    is(w, FUNCTION_WORD)
}

/// Classes that let a word start a match in any case: number and scale words, "noon".
pub(super) const OPENS_NOW: u32 = UNIT_NUMBER | TENS | ORDINAL | VAGUE | DECADE | SCALE | OPENER;
/// [`OPENS_NOW`] and the words that start a match before certain words ("a hundred").
pub(super) const OPENS: u32 = OPENS_NOW | IF_NEXT;
/// Classes that let a capitalised word start a match: months, weekdays, currency codes and
/// dollar prefixes, holidays.
pub(super) const OPENS_CAP: u32 = MONTH | WEEKDAY | CURRENCY_CODE | DOLLAR_PREFIX | HOLIDAY_CORE;
/// [`OPENS`] in OntoNotes style adds these.
pub(super) const OPENS_RELATIVE: u32 = OPEN_REL;
/// [`OPENS_CAP`] in OntoNotes style adds these.
pub(super) const OPENS_RELATIVE_CAP: u32 = HOLIDAY;

/// A set of words as one bit per hash slot: a word not in the set is usually (about 19 times in
/// 20) found absent at the cost of a few instructions; a word in it, or one that shares its
/// slot, must then be tested in full. It spares the matchers the full word tests for most words
/// without remembering anything per text.
pub(super) struct WordFilter([u64; 64]);

impl WordFilter {
    /// The words of the table with one of the classes `mask`.
    const fn of(mask: u32) -> Self {
        let words = table();
        let mut bits = [0u64; 64];
        let mut k = 0;
        while k < N_WORDS {
            if words[k].class & mask != 0 {
                let s = Self::slot(words[k].text);
                bits[s / 64] |= 1 << (s % 64);
            }
            k += 1;
        }
        WordFilter(bits)
    }

    /// The slot (of 4096) of a word, from its length and first two and last two bytes,
    /// ignoring ASCII case (`| 0x20` lower-cases a letter; other bytes may then collide, which
    /// only lets more words through).
    pub(super) const fn slot(w: &str) -> usize {
        let w = w.as_bytes();
        let n = w.len();
        if n == 0 {
            return 0;
        }
        let (b1, b2) = if n > 1 {
            (w[1], w[n - 2])
        } else {
            (w[0], w[0])
        };
        let key = (u32::from_le_bytes([w[0], b1, b2, w[n - 1]]) | 0x2020_2020)
            .wrapping_add((n as u32).wrapping_mul(0x9E37_79B9));
        (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    /// False when no word of the set has slot `s`.
    pub(super) fn has(&self, s: usize) -> bool {
        self.0[s / 64] >> (s % 64) & 1 == 1
    }
}

/// Every word of the table.
static KNOWN: WordFilter = WordFilter::of(u32::MAX);
/// Words with a class of [`OPENS`].
pub(super) static OPENERS: WordFilter = WordFilter::of(OPENS);
/// Words with a class of [`OPENS_CAP`].
pub(super) static OPENERS_CAP: WordFilter = WordFilter::of(OPENS_CAP);
/// Words with a class of [`OPENS_RELATIVE`].
pub(super) static OPENERS_RELATIVE: WordFilter = WordFilter::of(OPENS_RELATIVE);
/// Words with a class of [`OPENS_RELATIVE_CAP`].
pub(super) static OPENERS_RELATIVE_CAP: WordFilter = WordFilter::of(OPENS_RELATIVE_CAP);
