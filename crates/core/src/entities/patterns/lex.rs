//! Word classes for the pattern matchers. Every lookup takes a word (lower-case ASCII unless
//! said otherwise) and matches it against static tables, so nothing allocates.

/// Month number (1–12) for a month name or abbreviation, and whether it is the full name.
pub(super) fn month(w: &str) -> Option<(u8, bool)> {
    Some(match w {
        "january" => (1, true),
        "jan" | "jan." => (1, false),
        "february" => (2, true),
        "feb" | "feb." => (2, false),
        "march" => (3, true),
        "mar" | "mar." => (3, false),
        "april" => (4, true),
        "apr" | "apr." => (4, false),
        "may" => (5, true),
        "june" => (6, true),
        "jun" | "jun." => (6, false),
        "july" => (7, true),
        "jul" | "jul." => (7, false),
        "august" => (8, true),
        "aug" | "aug." => (8, false),
        "september" => (9, true),
        "sep" | "sep." | "sept" | "sept." => (9, false),
        "october" => (10, true),
        "oct" | "oct." => (10, false),
        "november" => (11, true),
        "nov" | "nov." => (11, false),
        "december" => (12, true),
        "dec" | "dec." => (12, false),
        _ => return None,
    })
}

/// True for a full month or weekday name in any case ("March", "TUESDAY"). The name rules use
/// it so that a date word is never taken for a title or a name.
pub(crate) fn is_calendar_name(word: &str) -> bool {
    if word.len() > "september".len() || !word.is_ascii() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    matches!(month(&lower), Some((_, true))) || matches!(weekday(&lower), Some((_, false, true)))
}

/// Weekday (1–7) for a weekday name; `(day, plural, full)`.
pub(super) fn weekday(w: &str) -> Option<(u8, bool, bool)> {
    Some(match w {
        "monday" => (1, false, true),
        "mondays" => (1, true, true),
        "mon." => (1, false, false),
        "tuesday" => (2, false, true),
        "tuesdays" => (2, true, true),
        "tue." | "tues." => (2, false, false),
        "wednesday" => (3, false, true),
        "wednesdays" => (3, true, true),
        "wed." => (3, false, false),
        "thursday" => (4, false, true),
        "thursdays" => (4, true, true),
        "thu." | "thur." | "thurs." => (4, false, false),
        "friday" => (5, false, true),
        "fridays" => (5, true, true),
        "fri." => (5, false, false),
        "saturday" => (6, false, true),
        "saturdays" => (6, true, true),
        "sat." => (6, false, false),
        "sunday" => (7, false, true),
        "sundays" => (7, true, true),
        "sun." => (7, false, false),
        _ => return None,
    })
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
    unit_number(w).or_else(|| tens(w))
}

fn unit_number(w: &str) -> Option<u32> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Multiplier of a scale word written out ("million") or abbreviated ("bn", "mn").
pub(super) fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "million" | "mn" | "mln" | "m" | "mil" => 1e6,
        "crore" | "crores" | "cr" => 1e7,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Plural scale words that stand for a vague count: "dozens", "hundreds", "millions".
pub(super) fn vague_number(w: &str) -> bool {
    matches!(
        w,
        "dozens"
            | "scores"
            | "tens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "trillions"
            | "lakhs"
            | "crores"
    )
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
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        _ => return None,
    })
}

/// True for an ordinal suffix after digits: "st", "nd", "rd", "th".
pub(super) fn ordinal_suffix(w: &str) -> bool {
    matches!(w, "st" | "nd" | "rd" | "th")
}

/// Decades written as words: "nineties", "eighties".
pub(super) fn decade_word(w: &str) -> bool {
    matches!(
        w,
        "twenties"
            | "thirties"
            | "forties"
            | "fifties"
            | "sixties"
            | "seventies"
            | "eighties"
            | "nineties"
    )
}

/// Currency symbols (one character each).
pub(super) fn currency_symbol(s: &str) -> bool {
    matches!(
        s,
        "$" | "€"
            | "£"
            | "¥"
            | "₹"
            | "₡"
            | "₦"
            | "₱"
            | "₩"
            | "₺"
            | "₽"
            | "₴"
            | "₫"
            | "₪"
            | "₵"
            | "₭"
            | "₮"
            | "₨"
            | "৳"
            | "฿"
            | "₸"
            | "₼"
            | "₾"
            | "﷼"
            | "￥"
            | "＄"
            | "￡"
            | "¢"
    )
}

/// Letters written before `$` (or another symbol) to say which dollar: "US$", "HK$", "NT$".
/// Case-sensitive: these are upper-case in running text.
pub(super) fn dollar_prefix(s: &str) -> bool {
    matches!(
        s,
        "US" | "U.S."
            | "HK"
            | "NT"
            | "A"
            | "AU"
            | "C"
            | "CA"
            | "CAN"
            | "S"
            | "SG"
            | "NZ"
            | "R"
            | "N"
            | "Z"
            | "J"
            | "T"
            | "TT"
            | "EC"
            | "BZ"
            | "FJ"
            | "SI"
            | "RD"
            | "M"
            | "Mex"
            | "GH"
            | "E"
            | "B"
            | "BD"
            | "US "
    )
}

/// Currency codes and abbreviations written before an amount ("USD 5", "Rs 500", "Tk 3,000").
/// Case-sensitive.
pub(super) fn currency_code(s: &str) -> bool {
    matches!(
        s,
        "USD"
            | "EUR"
            | "GBP"
            | "JPY"
            | "CNY"
            | "RMB"
            | "INR"
            | "PKR"
            | "LKR"
            | "BDT"
            | "NPR"
            | "IDR"
            | "MYR"
            | "SGD"
            | "HKD"
            | "TWD"
            | "NTD"
            | "THB"
            | "PHP"
            | "VND"
            | "KRW"
            | "AUD"
            | "NZD"
            | "CAD"
            | "CHF"
            | "ZAR"
            | "NGN"
            | "KES"
            | "KSh"
            | "Ksh"
            | "Kshs"
            | "GHS"
            | "GH¢"
            | "EGP"
            | "SAR"
            | "AED"
            | "QAR"
            | "KWD"
            | "BHD"
            | "OMR"
            | "JOD"
            | "ILS"
            | "NIS"
            | "TRY"
            | "RUB"
            | "UAH"
            | "BRL"
            | "MXN"
            | "ARS"
            | "CLP"
            | "PEN"
            | "CUP"
            | "CRC"
            | "BND"
            | "ETB"
            | "TZS"
            | "UGX"
            | "XOF"
            | "XAF"
            | "MAD"
            | "DZD"
            | "TND"
            | "LBP"
            | "IQD"
            | "IRR"
            | "AFN"
            | "MMK"
            | "KHR"
            | "LAK"
            | "MNT"
            | "KZT"
            | "PLN"
            | "HUF"
            | "CZK"
            | "SEK"
            | "NOK"
            | "DKK"
            | "RON"
            | "ZMW"
            | "MWK"
            | "NAD"
            | "BWP"
            | "MUR"
            | "MVR"
            | "FJD"
            | "PGK"
            | "KD"
            | "QR"
            | "JD"
            | "BD"
            | "RO"
            | "OR"
            | "Dh"
            | "Dhs"
            | "AED."
            | "Rs"
            | "Rs."
            | "Re"
            | "Re."
            | "Tk"
            | "Tk."
            | "Rp"
            | "Rp."
            | "RM"
            | "LE"
            | "Le"
            | "Php"
            | "P"
            | "N"
            | "R"
            | "K"
            | "Sh"
            | "Shs"
            | "Br"
            | "MK"
            | "GH"
            | "Tsh"
            | "TSh"
            | "TShs"
            | "Ush"
            | "USh"
            | "UShs"
            | "USDT"
    )
}

/// Codes that may also be ordinary words or initials, so they need a number glued to them or
/// right after them ("P500" yes, "P. 500" no).
pub(super) fn weak_code(s: &str) -> bool {
    matches!(
        s,
        "P" | "N"
            | "R"
            | "K"
            | "Re"
            | "Re."
            | "Le"
            | "OR"
            | "Br"
            | "GH"
            | "Sh"
            | "TRY"
            | "PEN"
            | "CUP"
            | "RO"
            | "BD"
            | "MAD"
    )
}

/// Currency names written after an amount ("225 rupees", "5 million yuan").
pub(super) fn currency_name(w: &str) -> bool {
    matches!(
        w,
        "dollar"
            | "dollars"
            | "cent"
            | "cents"
            | "euro"
            | "euros"
            | "pound"
            | "pounds"
            | "sterling"
            | "pence"
            | "penny"
            | "yen"
            | "yuan"
            | "renminbi"
            | "rupee"
            | "rupees"
            | "rupiah"
            | "ringgit"
            | "baht"
            | "peso"
            | "pesos"
            | "won"
            | "dong"
            | "rand"
            | "naira"
            | "kobo"
            | "shilling"
            | "shillings"
            | "franc"
            | "francs"
            | "dinar"
            | "dinars"
            | "dirham"
            | "dirhams"
            | "riyal"
            | "riyals"
            | "rial"
            | "rials"
            | "lira"
            | "liras"
            | "lire"
            | "ruble"
            | "rubles"
            | "rouble"
            | "roubles"
            | "hryvnia"
            | "hryvnias"
            | "zloty"
            | "zlotys"
            | "kyat"
            | "kyats"
            | "taka"
            | "birr"
            | "cedi"
            | "cedis"
            | "kwacha"
            | "leone"
            | "leones"
            | "shekel"
            | "shekels"
            | "colon"
            | "colones"
            | "kip"
            | "riel"
            | "riels"
            | "tugrik"
            | "afghani"
            | "afghanis"
            | "manat"
            | "tenge"
            | "lari"
            | "forint"
            | "koruna"
            | "krona"
            | "kronor"
            | "krone"
            | "kroner"
            | "pula"
            | "quetzal"
            | "quetzales"
            | "lempira"
            | "lempiras"
            | "cordoba"
            | "cordobas"
            | "soles"
            | "boliviano"
            | "bolivianos"
            | "guarani"
            | "bolivar"
            | "bolivars"
            | "reais"
            | "real"
            | "paise"
            | "paisa"
            | "fils"
            | "halalas"
            | "usd"
            | "cup"
            | "rs"
            | "rs."
            | "bucks"
            | "dollar-denominated"
    )
}

/// Currency names that are also common words: need an amount with a scale word, or a
/// country adjective, before them ("5 billion won", "Korean won").
pub(super) fn weak_currency_name(w: &str) -> bool {
    matches!(
        w,
        "won" | "real" | "rand" | "pound" | "pounds" | "colon" | "dong" | "kip" | "cup" | "pula"
    )
}

/// Adjectives naming whose currency ("U.S. dollars", "Hong Kong dollars", "Korean won").
/// Matched case-sensitively as a capitalised word; `Hong Kong`, `New Zealand`, `Saudi` etc.
/// span two words at most.
pub(super) fn currency_country(s: &str) -> bool {
    matches!(
        s,
        "US" | "U.S."
            | "American"
            | "Australian"
            | "Canadian"
            | "Singapore"
            | "Singaporean"
            | "Hong"
            | "Kong"
            | "Taiwan"
            | "Taiwanese"
            | "New"
            | "Zealand"
            | "Korean"
            | "Japanese"
            | "Chinese"
            | "Thai"
            | "Indian"
            | "Pakistani"
            | "Nepali"
            | "Nepalese"
            | "Sri"
            | "Lankan"
            | "Indonesian"
            | "Malaysian"
            | "Philippine"
            | "Mexican"
            | "Argentine"
            | "Argentinian"
            | "Chilean"
            | "Colombian"
            | "Brazilian"
            | "Nigerian"
            | "Kenyan"
            | "Ugandan"
            | "Tanzanian"
            | "Ghanaian"
            | "Egyptian"
            | "Saudi"
            | "Emirati"
            | "Qatari"
            | "Kuwaiti"
            | "Jordanian"
            | "Iraqi"
            | "Iranian"
            | "Israeli"
            | "Turkish"
            | "Russian"
            | "Ukrainian"
            | "Swiss"
            | "Swedish"
            | "Norwegian"
            | "Danish"
            | "Zimbabwean"
            | "Namibian"
            | "Jamaican"
            | "Fijian"
            | "Costa"
            | "Rican"
            | "Cuban"
            | "Bangladeshi"
            | "Vietnamese"
            | "Cambodian"
            | "South"
            | "African"
            | "Hongkong"
            | "Libyan"
            | "Tunisian"
            | "Algerian"
            | "Moroccan"
            | "Ethiopian"
            | "Zambian"
            | "Malawian"
            | "Botswana"
            | "Bahraini"
            | "Omani"
    )
}

/// Units of measure written after an amount ("5 km", "10 tonnes", "30 miles").
pub(super) fn unit(w: &str) -> bool {
    matches!(
        w,
        "km" | "kms"
            | "kilometre"
            | "kilometres"
            | "kilometer"
            | "kilometers"
            | "mile"
            | "miles"
            | "metre"
            | "metres"
            | "meter"
            | "meters"
            | "cm"
            | "centimetres"
            | "centimeters"
            | "mm"
            | "millimetres"
            | "millimeters"
            | "feet"
            | "foot"
            | "ft"
            | "inch"
            | "inches"
            | "yard"
            | "yards"
            | "kg"
            | "kgs"
            | "kilo"
            | "kilos"
            | "kilogram"
            | "kilograms"
            | "kilogramme"
            | "kilogrammes"
            | "gram"
            | "grams"
            | "gramme"
            | "grammes"
            | "mg"
            | "milligrams"
            | "tonne"
            | "tonnes"
            | "ton"
            | "tons"
            | "mt"
            | "lb"
            | "lbs"
            | "ounce"
            | "ounces"
            | "oz"
            | "litre"
            | "litres"
            | "liter"
            | "liters"
            | "ml"
            | "millilitres"
            | "gallon"
            | "gallons"
            | "barrel"
            | "barrels"
            | "bpd"
            | "acre"
            | "acres"
            | "hectare"
            | "hectares"
            | "ha"
            | "sq"
            | "square"
            | "cubic"
            | "degree"
            | "degrees"
            | "°c"
            | "°f"
            | "mw"
            | "gw"
            | "kw"
            | "kwh"
            | "mwh"
            | "gwh"
            | "megawatt"
            | "megawatts"
            | "gigawatt"
            | "gigawatts"
            | "kilowatt"
            | "kilowatts"
            | "kph"
            | "mph"
            | "km/h"
            | "knots"
            | "teu"
            | "teus"
            | "carat"
            | "carats"
            | "calories"
            | "kcal"
            | "gb"
            | "tb"
            | "mb"
            | "mbps"
            | "gbps"
            | "ghz"
            | "mhz"
            | "decibels"
            | "db"
            | "quintals"
            | "quintal"
            | "bushels"
            | "cusecs"
            | "nautical"
    )
}

/// Units of time that make a DATE duration ("three years", "a decade").
pub(super) fn date_unit(w: &str) -> bool {
    matches!(
        w,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "fortnight"
            | "fortnights"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "quarter"
            | "quarters"
            | "weekend"
            | "weekends"
            | "semester"
            | "season"
            | "seasons"
            | "millennium"
            | "millennia"
    )
}

/// Units of time that make a TIME duration ("two hours").
pub(super) fn time_unit(w: &str) -> bool {
    matches!(
        w,
        "hour" | "hours" | "minute" | "minutes" | "second" | "seconds" | "hrs" | "mins"
    )
}

/// Parts of a day: "morning", "night".
pub(super) fn day_part(w: &str) -> bool {
    matches!(w, "morning" | "afternoon" | "evening" | "night" | "midday")
}

/// Seasons, which make a DATE with a modifier or year ("last summer", "summer 2020").
pub(super) fn season(w: &str) -> bool {
    matches!(
        w,
        "spring" | "summer" | "autumn" | "fall" | "winter" | "monsoon"
    )
}

/// Time-zone abbreviations after a clock time. Case-sensitive.
pub(super) fn time_zone(s: &str) -> bool {
    matches!(
        s,
        "IST"
            | "GMT"
            | "UTC"
            | "BST"
            | "CET"
            | "CEST"
            | "EET"
            | "EEST"
            | "EST"
            | "EDT"
            | "CST"
            | "CDT"
            | "MST"
            | "MDT"
            | "PST"
            | "PDT"
            | "JST"
            | "KST"
            | "HKT"
            | "SGT"
            | "PHT"
            | "WIB"
            | "AEST"
            | "AEDT"
            | "ACST"
            | "AWST"
            | "NZST"
            | "NZDT"
            | "SAST"
            | "EAT"
            | "WAT"
            | "CAT"
            | "PKT"
            | "NPT"
            | "MSK"
            | "ICT"
            | "AST"
            | "GST"
            | "ET"
            | "PT"
            | "CT"
            | "hrs"
            | "hours"
    )
}

/// Words that announce a year before a bare number ("in 1265", "since 1881").
pub(super) fn year_cue(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "from"
            | "until"
            | "till"
            | "by"
            | "before"
            | "after"
            | "during"
            | "circa"
            | "c."
            | "ca."
            | "year"
            | "between"
            | "through"
            | "early"
            | "late"
            | "mid"
            | "summer"
            | "spring"
            | "autumn"
            | "winter"
            | "of"
            | "around"
            | "and"
            | "to"
    )
}

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

/// Function words that may be capitalised at the start of a sentence.
pub(super) fn function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "with"
            | "for"
            | "at"
            | "on"
            | "as"
            | "this"
            | "that"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "unlike"
            | "like"
            | "than"
            | "but"
            | "so"
            | "if"
            | "when"
            | "while"
            | "since"
            | "only"
            | "also"
            | "even"
            | "not"
            | "all"
            | "both"
            | "fiscal"
            | "by"
            | "about"
            | "over"
            | "under"
            | "within"
            | "against"
            | "into"
            | "across"
            | "beyond"
            | "except"
            | "per"
            | "via"
            | "or"
            | "nor"
            | "yet"
            | "however"
            | "still"
            | "then"
            | "now"
            | "later"
            | "earlier"
            | "again"
    )
}

/// Lower-case words that can start a match (besides numbers, symbols, month and weekday names,
/// number words, currency codes and holidays, which are checked separately). `relative` adds
/// the openers of relative expressions.
pub(super) fn opener(w: &str, relative: bool) -> bool {
    if matches!(w, "noon" | "midnight" | "midday" | "fiscal" | "fy") {
        return true;
    }
    relative
        && matches!(
            w,
            "the"
                | "this"
                | "last"
                | "next"
                | "past"
                | "coming"
                | "previous"
                | "following"
                | "current"
                | "recent"
                | "same"
                | "that"
                | "first"
                | "final"
                | "upcoming"
                | "early"
                | "late"
                | "mid"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "tomorrow"
                | "tonight"
                | "overnight"
                | "several"
                | "few"
                | "many"
                | "decades"
                | "centuries"
                | "a"
                | "an"
        )
}

/// True for the first word of a holiday in [`HOLIDAYS`] (case-sensitive).
pub(super) fn holiday_start(t: &str) -> bool {
    matches!(
        t,
        "Christmas"
            | "Arafah"
            | "Arafat"
            | "Cinco"
            | "Easter"
            | "Good"
            | "Holy"
            | "Palm"
            | "Ash"
            | "New"
            | "Lunar"
            | "Chinese"
            | "Eid"
            | "Eid-ul-Adha"
            | "Eid-ul-Fitr"
            | "Eid-al-Adha"
            | "Eid-al-Fitr"
            | "Eid-ul-Azha"
            | "Ramadan"
            | "Ramazan"
            | "Ramzan"
            | "Diwali"
            | "Deepavali"
            | "Holi"
            | "Navratri"
            | "Dussehra"
            | "Durga"
            | "Ganesh"
            | "Janmashtami"
            | "Raksha"
            | "Ram"
            | "Onam"
            | "Pongal"
            | "Thanksgiving"
            | "Hanukkah"
            | "Passover"
            | "Yom"
            | "Rosh"
            | "Halloween"
            | "Valentine"
            | "Boxing"
            | "Labor"
            | "Labour"
            | "Mother"
            | "Father"
            | "Vesak"
            | "Songkran"
            | "Nowruz"
            | "Hari"
            | "Ashura"
            | "Mawlid"
            | "Kwanzaa"
    )
}

// The words that may start a match ([`super::Cx::word_start`] accepts them), lower-case, for
// plain words (ASCII, no digit, no hyphen). A test checks them against the word tables above.

/// Words that may start a match in any case: numbers, scale words, "a", "noon".
const OPEN_WORDS: &[&str] = &[
    "a",
    "an",
    "b",
    "between",
    "billion",
    "billions",
    "bln",
    "bn",
    "cr",
    "crore",
    "crores",
    "dozens",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eighties",
    "eightieth",
    "eighty",
    "eleven",
    "eleventh",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifties",
    "fiftieth",
    "fifty",
    "first",
    "fiscal",
    "five",
    "forties",
    "fortieth",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "fy",
    "half",
    "hundred",
    "hundreds",
    "hundredth",
    "k",
    "lac",
    "lacs",
    "lakh",
    "lakhs",
    "m",
    "midday",
    "midnight",
    "mil",
    "million",
    "millions",
    "mln",
    "mn",
    "nine",
    "nineteen",
    "nineteenth",
    "nineties",
    "ninetieth",
    "ninety",
    "ninth",
    "noon",
    "one",
    "scores",
    "second",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventies",
    "seventieth",
    "seventy",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixties",
    "sixtieth",
    "sixty",
    "ten",
    "tens",
    "tenth",
    "third",
    "thirteen",
    "thirteenth",
    "thirties",
    "thirtieth",
    "thirty",
    "thousand",
    "thousands",
    "thousandth",
    "three",
    "tn",
    "trillion",
    "trillions",
    "trn",
    "twelfth",
    "twelve",
    "twenties",
    "twentieth",
    "twenty",
    "two",
    "zero",
];

/// Words that may start a match only when capitalised: months, weekdays, currency codes,
/// holidays.
const OPEN_WORDS_CAP: &[&str] = &[
    "aed",
    "aed.",
    "afn",
    "apr",
    "apr.",
    "april",
    "arafah",
    "arafat",
    "ars",
    "ashura",
    "au",
    "aud",
    "aug",
    "aug.",
    "august",
    "bd",
    "bdt",
    "bhd",
    "bnd",
    "br",
    "brl",
    "bwp",
    "bz",
    "c",
    "ca",
    "cad",
    "can",
    "chf",
    "christmas",
    "cinco",
    "clp",
    "cny",
    "crc",
    "cup",
    "czk",
    "dec",
    "dec.",
    "december",
    "deepavali",
    "dh",
    "dhs",
    "diwali",
    "dkk",
    "durga",
    "dussehra",
    "dzd",
    "e",
    "easter",
    "ec",
    "egp",
    "eid",
    "etb",
    "eur",
    "feb",
    "feb.",
    "february",
    "fj",
    "fjd",
    "fri.",
    "friday",
    "fridays",
    "ganesh",
    "gbp",
    "gh",
    "ghs",
    "good",
    "hanukkah",
    "hari",
    "hk",
    "hkd",
    "holi",
    "huf",
    "idr",
    "ils",
    "inr",
    "iqd",
    "irr",
    "j",
    "jan",
    "jan.",
    "janmashtami",
    "january",
    "jd",
    "jod",
    "jpy",
    "jul",
    "jul.",
    "july",
    "jun",
    "jun.",
    "june",
    "kd",
    "kes",
    "khr",
    "krw",
    "ksh",
    "kshs",
    "kwanzaa",
    "kwd",
    "kzt",
    "lak",
    "lbp",
    "le",
    "lkr",
    "mad",
    "mar",
    "mar.",
    "march",
    "mawlid",
    "may",
    "mex",
    "mk",
    "mmk",
    "mnt",
    "mon.",
    "monday",
    "mondays",
    "mur",
    "mvr",
    "mwk",
    "mxn",
    "myr",
    "n",
    "nad",
    "navratri",
    "ngn",
    "nis",
    "nok",
    "nov",
    "nov.",
    "november",
    "nowruz",
    "npr",
    "nt",
    "ntd",
    "nz",
    "nzd",
    "oct",
    "oct.",
    "october",
    "omr",
    "onam",
    "or",
    "p",
    "passover",
    "pen",
    "pgk",
    "php",
    "pkr",
    "pln",
    "pongal",
    "qar",
    "qr",
    "r",
    "raksha",
    "ramadan",
    "ramazan",
    "ramzan",
    "rd",
    "re",
    "re.",
    "rm",
    "rmb",
    "ro",
    "ron",
    "rosh",
    "rp",
    "rp.",
    "rs",
    "rs.",
    "rub",
    "s",
    "sar",
    "sat.",
    "saturday",
    "saturdays",
    "sek",
    "sep",
    "sep.",
    "sept",
    "sept.",
    "september",
    "sg",
    "sgd",
    "sh",
    "shs",
    "si",
    "songkran",
    "sun.",
    "sunday",
    "sundays",
    "t",
    "thanksgiving",
    "thb",
    "thu.",
    "thur.",
    "thurs.",
    "thursday",
    "thursdays",
    "tk",
    "tk.",
    "tnd",
    "try",
    "tsh",
    "tshs",
    "tt",
    "tue.",
    "tues.",
    "tuesday",
    "tuesdays",
    "twd",
    "tzs",
    "u.s.",
    "uah",
    "ugx",
    "us",
    "usd",
    "usdt",
    "ush",
    "ushs",
    "vesak",
    "vnd",
    "wed.",
    "wednesday",
    "wednesdays",
    "xaf",
    "xof",
    "yom",
    "z",
    "zar",
    "zmw",
];

/// Words that may start a match in any case, in OntoNotes style only.
const OPEN_WORDS_RELATIVE: &[&str] = &[
    "centuries",
    "coming",
    "current",
    "decades",
    "earlier",
    "early",
    "few",
    "final",
    "following",
    "last",
    "late",
    "later",
    "many",
    "mid",
    "next",
    "overnight",
    "past",
    "previous",
    "recent",
    "same",
    "several",
    "that",
    "the",
    "this",
    "today",
    "tomorrow",
    "tonight",
    "upcoming",
    "yesterday",
];

/// Words that may start a match when capitalised, in OntoNotes style only.
const OPEN_WORDS_RELATIVE_CAP: &[&str] = &[
    "ash",
    "boxing",
    "chinese",
    "father",
    "halloween",
    "holy",
    "labor",
    "labour",
    "lunar",
    "mother",
    "new",
    "palm",
    "ram",
    "valentine",
];

/// A set of words as one bit per hash slot: a word not in the set is usually (about 19 times in
/// 20) found absent at the cost of a few instructions; a word in it, or one that shares its
/// slot, must then be tested in full. It spares the matchers the full word tests for most words
/// without remembering anything per text.
pub(super) struct WordFilter([u64; 64]);

impl WordFilter {
    const fn new(words: &[&str]) -> Self {
        let mut bits = [0u64; 64];
        let mut k = 0;
        while k < words.len() {
            let s = Self::slot(words[k]);
            bits[s / 64] |= 1 << (s % 64);
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

/// [`OPEN_WORDS`] as a filter.
pub(super) static OPENERS: WordFilter = WordFilter::new(OPEN_WORDS);
/// [`OPEN_WORDS_CAP`] as a filter.
pub(super) static OPENERS_CAP: WordFilter = WordFilter::new(OPEN_WORDS_CAP);
/// [`OPEN_WORDS_RELATIVE`] as a filter.
pub(super) static OPENERS_RELATIVE: WordFilter = WordFilter::new(OPEN_WORDS_RELATIVE);
/// [`OPEN_WORDS_RELATIVE_CAP`] as a filter.
pub(super) static OPENERS_RELATIVE_CAP: WordFilter = WordFilter::new(OPEN_WORDS_RELATIVE_CAP);
