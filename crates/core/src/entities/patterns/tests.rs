//! Table-driven tests of the pattern matchers on sentences written for them.

use super::*;

/// Entities found in `text` as (span text, label).
fn found(text: &str, opts: Options) -> Vec<(String, EntityLabel)> {
    let doc = Prepared::new(text);
    find_with(&doc, opts)
        .into_iter()
        .map(|e| (doc.slice(e.span).to_string(), e.label))
        .collect()
}

fn check(rows: &[(&str, &str, EntityLabel)], opts: Options) {
    let mut failures = Vec::new();
    for (text, want, label) in rows {
        let got = found(text, opts);
        if !got.iter().any(|(s, l)| s == want && l == label) {
            failures.push(format!("{text:?}: want {want:?} {label}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use EntityLabel::{Cardinal, Date, Money, Ordinal, Percent, Quantity, Time};

#[test]
fn calendar_dates() {
    let rows: &[(&str, &str, EntityLabel)] = &[
        (
            "The team flies out on July 24/25 for the games.",
            "July 24/25",
            Date,
        ),
        (
            "The course runs July 31 to August 4 in Doha.",
            "August 4",
            Date,
        ),
        (
            "The course runs July 31-August 4 in Doha.",
            "July 31-August 4",
            Date,
        ),
        ("The FY2021-22 budget passed.", "FY2021-22", Date),
        (
            "The event runs Aug 1-3, 2022 in town.",
            "Aug 1-3, 2022",
            Date,
        ),
        ("The ledger of 2022/07/25 was lost.", "2022/07/25", Date),
        (
            "Results for the year ended 31st March, 2022 were good.",
            "31st March, 2022",
            Date,
        ),
        (
            "Dozens escaped during the May riot at the jail.",
            "May",
            Date,
        ),
        (
            "The safest month is still May, with few deaths.",
            "May",
            Date,
        ),
        ("In its March report, the bank saw gains.", "March", Date),
        (
            "A jury paid victims of the deadly 2020 wildfires.",
            "2020",
            Date,
        ),
        (
            "He led it from 01 July 2017 until 01 July.",
            "01 July 2017",
            Date,
        ),
        ("The Aug. 13 and Nov. 5 tours are full.", "Nov. 5", Date),
        (
            "Growth will pick up in 3Q2022 and 4Q2022 here.",
            "3Q2022",
            Date,
        ),
        (
            "He appeared on the 20th of July 2022 in court.",
            "20th of July 2022",
            Date,
        ),
        (
            "Prices peaked in mid-February, traders said.",
            "February",
            Date,
        ),
        (
            "Poverty fell from 60% in 2006 to 36% in 2017.",
            "2006",
            Date,
        ),
        (
            "Poverty fell from 60% in 2006 to 36% in 2017.",
            "36%",
            Percent,
        ),
        ("He led the cabinet (2008-2009) briefly.", "2008-2009", Date),
        ("Fraud marred the 2019 elections there.", "2019", Date),
        (
            "He has held the post since 2016 of his own will.",
            "2016",
            Date,
        ),
        (
            "The market was busy on Tuesday 26/07/2022 at dawn.",
            "Tuesday 26/07/2022",
            Date,
        ),
        (
            "He appeared on Monday the 25 July 2022 in court.",
            "Monday the 25 July 2022",
            Date,
        ),
        ("Sales rose in Q4 for the group.", "Q4", Date),
        ("Last updated Mar 09 2017 at noon.", "Mar 09 2017", Date),
        (
            "The law passed on March 9, 2017, in Delhi.",
            "March 9, 2017",
            Date,
        ),
        (
            "She arrived on 9 March 2017 with her son.",
            "9 March 2017",
            Date,
        ),
        (
            "The file is dated 2017-03-09 in the archive.",
            "2017-03-09",
            Date,
        ),
        (
            "The form was signed 09/03/2017 by both.",
            "09/03/2017",
            Date,
        ),
        (
            "Sales fell in September 2020 after the ban.",
            "September 2020",
            Date,
        ),
        ("The court met on Tuesday to hear it.", "Tuesday", Date),
        ("Prices rose 3% in 2016, the bank said.", "2016", Date),
        (
            "Rain is expected by the end of March in the hills.",
            "March",
            Date,
        ),
        (
            "The plant opens in early 2021, officials said.",
            "2021",
            Date,
        ),
        (
            "Voting ends on 25 March across the state.",
            "25 March",
            Date,
        ),
        (
            "Flights resumed after Sept. 11 in that year.",
            "Sept. 11",
            Date,
        ),
        (
            "They met on Monday, February 14, 2022 in Lagos.",
            "Monday, February 14, 2022",
            Date,
        ),
        (
            "The festival runs July 15 to 24 in the old town.",
            "July 15 to 24",
            Date,
        ),
        ("The show airs on Sundays at nine.", "Sundays", Date),
        ("He served from 2013 to 2016 as mayor.", "2013", Date),
        ("He served from 2013 to 2016 as mayor.", "2016", Date),
        ("The 2022-23 budget was tabled.", "2022-23", Date),
        ("The war ended in 1648 with a treaty.", "1648", Date),
        (
            "Families gathered for Eid al-Adha in the capital.",
            "Eid al-Adha",
            Date,
        ),
        (
            "Shops close on Christmas Eve at six.",
            "Christmas Eve",
            Date,
        ),
        ("Profit rose in the first quarter of 2022.", "2022", Date),
        ("Growth slowed in Q3 2022 for the group.", "Q3 2022", Date),
        // News corpora mark the year of a decade.
        ("The city grew in the 1990s at speed.", "1990", Date),
        ("Tuition was free in the '80s there.", "'80", Date),
        (
            "The season ran from December to April that year.",
            "December to April",
            Date,
        ),
        (
            "Records were updated on 27.08.2022 by staff.",
            "27.08.2022",
            Date,
        ),
        ("She was born in May 1990 in Pune.", "May 1990", Date),
        ("Talks resume in May, a spokesman said.", "May", Date),
        (
            "A protest is planned for March 3 in Accra.",
            "March 3",
            Date,
        ),
    ];
    check(rows, Options::default());
}

#[test]
fn relative_dates_with_ontonotes_options() {
    let rows: &[(&str, &str, EntityLabel)] = &[
        (
            "The course runs July 31 to August 4 in Doha.",
            "July 31 to August 4",
            Date,
        ),
        ("The same day, the bank held rates.", "The same day", Date),
        ("The one-year-old unit made money.", "one-year-old", Date),
        (
            "Shares doubled over the past five years here.",
            "the past five years",
            Date,
        ),
        (
            "Earlier this month, he resigned.",
            "Earlier this month",
            Date,
        ),
        ("A decade ago it was tiny.", "A decade ago", Date),
        (
            "The firm will hire by the end of the year.",
            "the end of the year",
            Date,
        ),
        ("One son is 14 years old now.", "14 years old", Date),
        (
            "He appeared on the 20th of July 2022 in court.",
            "the 20th of July 2022",
            Date,
        ),
        (
            "The rule dates from the 19th century in law.",
            "the 19th century",
            Date,
        ),
        (
            "Prices peaked in mid-February, traders said.",
            "mid-February",
            Date,
        ),
        (
            "Prices rose last week across the country.",
            "last week",
            Date,
        ),
        (
            "Such cases have risen in recent years, he said.",
            "recent years",
            Date,
        ),
        (
            "It was the worst storm in the past decade here.",
            "the past decade",
            Date,
        ),
        ("The 1990s were hard for the town.", "The 1990s", Date),
        (
            "He served from 2013 to 2016 as mayor.",
            "2013 to 2016",
            Date,
        ),
        ("We will decide this year or next month.", "this year", Date),
        (
            "We will decide this year or next month.",
            "next month",
            Date,
        ),
        ("He left yesterday for Nairobi.", "yesterday", Date),
        ("The results are out today, the board said.", "today", Date),
        (
            "Rain is expected by the end of March in the hills.",
            "the end of March",
            Date,
        ),
        (
            "The plant opens in early 2021, officials said.",
            "early 2021",
            Date,
        ),
        (
            "Profit rose in the first quarter, it said.",
            "the first quarter",
            Date,
        ),
        ("A 42-year-old man was arrested.", "42-year-old", Date),
        (
            "The bridge was built two years ago by the state.",
            "two years ago",
            Date,
        ),
        ("The court met on Tuesday to hear it.", "Tuesday", Date),
        (
            "Polls closed on Monday night in the north.",
            "Monday night",
            Time,
        ),
        (
            "The rally began this morning near the square.",
            "this morning",
            Time,
        ),
        (
            "The meeting lasted two hours on the day.",
            "two hours",
            Time,
        ),
    ];
    check(rows, Options::ONTONOTES);
}

#[test]
fn times() {
    let rows: &[(&str, &str, EntityLabel)] = &[
        (
            "The plane landed at nine o'clock that night.",
            "nine o'clock",
            Time,
        ),
        (
            "The plane landed at 9 o’clock that night.",
            "9 o’clock",
            Time,
        ),
        (
            "He fled to Israel in 2008 hours after the charge.",
            "2008 hours",
            Time,
        ),
        (
            "Page updated: Mar 09 2017 | 5:58 PM IST",
            "5:58 PM IST",
            Time,
        ),
        ("The vote starts at 10 a.m. on the day.", "10 a.m.", Time),
        ("The vote starts at noon on the day.", "noon", Time),
        ("Doors open at 7pm for guests.", "7pm", Time),
        (
            "Polls closed on Monday night in the north.",
            "Monday night",
            Time,
        ),
    ];
    check(rows, Options::default());
}

#[test]
fn money() {
    let rows: &[(&str, &str, EntityLabel)] = &[
        (
            "Rs. 2,500 crore was spent on roads.",
            "Rs. 2,500 crore",
            Money,
        ),
        ("They paid Rs.500 each.", "Rs.500", Money),
        ("They earn KSh 5,000 a month.", "KSh 5,000", Money),
        (
            "A jury awards $85 million to 9 victims.",
            "$85 million",
            Money,
        ),
        (
            "The total value is LE 1.29 billion, he said.",
            "LE 1.29 billion",
            Money,
        ),
        (
            "He is wanted over a 336-million-ringgit scam.",
            "336-million-ringgit",
            Money,
        ),
        ("The 50,000-pound prize was split.", "50,000-pound", Money),
        (
            "The road worth Tsh217 billion opened.",
            "Tsh217 billion",
            Money,
        ),
        (
            "Nickel was worth between 2 and 2.2 billion dollars a year.",
            "between 2 and 2.2 billion dollars",
            Money,
        ),
        ("Entry costs from $5 to $15 per person.", "$5", Money),
        ("Entry costs from $5 to $15 per person.", "$15", Money),
        ("Fares rose from $3.18-$3.81 a day.", "$3.18-$3.81", Money),
        ("He was fined N$200 000 by the court.", "N$200 000", Money),
        (
            "The firm paid JD105-million in fees.",
            "JD105-million",
            Money,
        ),
        (
            "It cost $300 million US dollars to build.",
            "$300 million US dollars",
            Money,
        ),
        (
            "They owed half a trillion pesos in bonds.",
            "half a trillion pesos",
            Money,
        ),
        (
            "The deal is worth about $85 million, the firm said.",
            "$85 million",
            Money,
        ),
        ("A ticket costs ₹2,700 on the website.", "₹2,700", Money),
        ("The bank raised €3bn from investors.", "€3bn", Money),
        ("Each worker gets 225 rupees a day.", "225 rupees", Money),
        ("He paid US$5 for the map.", "US$5", Money),
        (
            "The scheme costs Rs 500 crore, the state said.",
            "Rs 500 crore",
            Money,
        ),
        ("It sold for £1.2 billion last year.", "£1.2 billion", Money),
        (
            "The fine was 5 million yuan in total.",
            "5 million yuan",
            Money,
        ),
        ("Shares valued at $5.5bn changed hands.", "$5.5bn", Money),
        ("A cup of tea costs 50 cents here.", "50 cents", Money),
        (
            "Imports were valued at nearly 5 billion euros.",
            "5 billion euros",
            Money,
        ),
        (
            "The firm lost billions of dollars in the crash.",
            "billions of dollars",
            Money,
        ),
        (
            "Estimates range from $12-14 billion for the dam.",
            "$12-14 billion",
            Money,
        ),
        (
            "He earned 1 million Australian dollars last year.",
            "1 million Australian dollars",
            Money,
        ),
        ("The fund has HK$2,000 per member.", "HK$2,000", Money),
        ("The bribe of Rs500 was paid in cash.", "Rs500", Money),
        (
            "Fees rose to KD200 million in the year.",
            "KD200 million",
            Money,
        ),
        (
            "They paid USD 2.5 million to settle.",
            "USD 2.5 million",
            Money,
        ),
        (
            "Seoul approved 145 billion Korean won in aid.",
            "145 billion Korean won",
            Money,
        ),
        (
            "It was a billion-dollar deal for the port.",
            "a billion-dollar",
            Money,
        ),
    ];
    check(rows, Options::default());
}

#[test]
fn percent_quantity_ordinal_cardinal() {
    let rows: &[(&str, &str, EntityLabel)] = &[
        ("A jury awards $85 million to 9 victims.", "9", Cardinal),
        ("Turnout rose 25% in the north.", "25%", Percent),
        (
            "Turnout rose 25 percent in the north.",
            "25 percent",
            Percent,
        ),
        (
            "Turnout rose 25 per cent in the north.",
            "25 per cent",
            Percent,
        ),
        ("The road is 5 km long.", "5 km", Quantity),
        (
            "The truck carried 10 tonnes of rice.",
            "10 tonnes",
            Quantity,
        ),
        ("They walked 30 miles to the camp.", "30 miles", Quantity),
        (
            "The leak released 8,761 documents to the press.",
            "8,761",
            Cardinal,
        ),
        ("She came first in the race.", "first", Ordinal),
        ("He finished 2nd in the final.", "2nd", Ordinal),
        ("It is the third time this happened.", "third", Ordinal),
        ("Nine people were hurt in the blast.", "Nine", Cardinal),
        ("Dozens of homes were lost.", "Dozens", Cardinal),
        ("The state has two million voters.", "two million", Cardinal),
        ("About 2000 people marched to the court.", "2000", Cardinal),
    ];
    check(rows, Options::default());
}

#[test]
fn negatives() {
    let none_of: &[(&str, &str)] = &[
        ("Prime Minister Theresa May said no.", "May"),
        ("The Long March rocket flew.", "March"),
        ("He said, May we begin?", "May"),
        ("A case under FIR number 21/2022 was registered.", "2022"),
        ("The series \"Year Zero\" leaked.", "Zero"),
        ("Q4: Would you comment on the plan?", "Q4"),
        ("The aircraft P81 landed at noon.", "P81"),
        ("Theresa May said the vote would go ahead.", "May"),
        ("Thousands joined a protest march in the capital.", "march"),
        ("Wait a second, she said.", "second"),
        ("He is one of the best players.", "one"),
        ("Call 555-123-4567 for details.", "555"),
        ("Call +91 98765 43210 for details.", "98765"),
        ("See https://example.com/2016/03/09/story for more.", "2016"),
        ("Write to news2016@example.com for more.", "2016"),
        ("May God bless the people.", "May"),
        ("June Carter sang in the hall.", "June"),
        ("The Vision 2030 plan was unveiled.", "2030"),
        ("Trucks use the N10 road daily.", "N10"),
    ];
    let mut failures = Vec::new();
    for (text, word) in none_of {
        for opts in [Options::default(), Options::ONTONOTES] {
            let got = found(text, opts);
            if got.iter().any(|(s, _)| s.contains(word)) {
                failures.push(format!(
                    "{text:?}: {word:?} should not be an entity, got {got:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn festivals_are_dates_only_in_ontonotes_style() {
    let t = "Clashes broke out during Ram Navami processions.";
    assert!(found(t, Options::default()).is_empty());
    assert_eq!(
        found(t, Options::ONTONOTES),
        vec![("Ram Navami".to_string(), Date)]
    );
}

#[test]
fn relative_dates_off_by_default() {
    let got = found("Prices rose last week and yesterday.", Options::default());
    assert!(got.iter().all(|(_, l)| *l != Date), "{got:?}");
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        "$",
        "US$",
        "1,",
        "Rs.",
        "'",
        "2017-",
        "5:",
        "Q",
        "FY",
        "mid-",
        "the end of",
        "₹ ₹ 5 -",
        "12.",
        "a",
    ] {
        let doc = Prepared::new(t);
        let _ = find_with(&doc, Options::ONTONOTES);
        let _ = find_with(&doc, Options::default());
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that the matchers react to, to build adversarial inputs.
    const PIECES: &[&str] = &[
        "$",
        "US",
        "US$",
        "Rs",
        "Rs.",
        "₹",
        "€",
        "N",
        "LE",
        "5",
        "12",
        "2016",
        "1990s",
        "'80s",
        "mid-",
        "mid-2014",
        "3bn",
        "5.5",
        ".",
        ",",
        "-",
        "–",
        "/",
        "to",
        "and",
        "between",
        "of",
        "the",
        "a",
        "half",
        "million",
        "billion",
        "crore",
        "dollars",
        "yuan",
        "pounds",
        "%",
        "percent",
        "per",
        "cent",
        "March",
        "May",
        "Monday",
        "night",
        "Sept.",
        "Q3",
        "FY2022",
        "fiscal",
        "last",
        "week",
        "years",
        "ago",
        "two",
        "twenty-five",
        "hundred",
        "first",
        "2nd",
        "km",
        "5:58",
        "PM",
        "IST",
        "a.m.",
        "noon",
        "(",
        ")",
        "+91",
        "98765",
        "Eid",
        "Christmas",
        "Eve",
        "hours",
        "Ñ5",
        "GH₵",
        "¢",
        "2022-23",
        "09/03/2017",
        "27.08.2022",
        "Chinese",
        "New",
        "Year",
        "Ram",
        "Navami",
        "HK",
        "A",
        "an",
        "dozen",
        "billion-dollar",
        "*",
        "&",
        "'",
        "‘",
        "“",
        "\"",
        "90s",
        "+",
    ];

    fn joined() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::sample::select(PIECES),
                prop::sample::select(&["", " ", "\n"][..]),
            ),
            0..14,
        )
        .prop_map(|v| v.into_iter().map(|(p, sep)| format!("{p}{sep}")).collect())
    }

    proptest! {
        #[test]
        fn pieces_never_panic_and_stay_disjoint(s in joined()) {
            let doc = Prepared::new(&s);
            for opts in [Options::default(), Options::ONTONOTES] {
                let es = find_with(&doc, opts);
                for w in es.windows(2) {
                    prop_assert!(w[0].span.end <= w[1].span.start);
                }
                for e in &es {
                    prop_assert!(e.span.start < e.span.end && e.span.end <= doc.len_chars());
                }
            }
        }

        #[test]
        fn has_mark_reads_every_byte(s in "[ -~]{0,40}") {
            let naive = s.bytes().any(|b| (b'-'..=b'9').contains(&b));
            prop_assert_eq!(has_mark(s.as_bytes()), naive);
        }

        #[test]
        fn the_start_filter_hides_no_match(s in joined()) {
            let doc = Prepared::new(&s);
            for opts in [Options::default(), Options::ONTONOTES] {
                let mut cx = Cx::new(&doc, opts);
                for (lo, hi) in lines(&doc.tokens) {
                    cx.set_line(lo, hi);
                    for i in lo..hi {
                        if !cx.starts_ok(i) {
                            let m = cx.longest(i);
                            prop_assert_eq!(m, None, "token {} of {:?}", i, s);
                        }
                    }
                }
            }
        }

        #[test]
        fn spans_are_sorted_in_bounds_and_disjoint(s in "\\PC{0,80}") {
            let doc = Prepared::new(&s);
            for opts in [Options::default(), Options::ONTONOTES] {
                let es = find_with(&doc, opts);
                let n = doc.len_chars();
                for w in es.windows(2) {
                    prop_assert!(w[0].span.end <= w[1].span.start);
                }
                for e in &es {
                    prop_assert!(e.span.start < e.span.end && e.span.end <= n);
                }
            }
        }
    }
}

#[test]
fn the_word_table_finds_every_word_and_its_values() {
    for w in &lex::WORDS {
        let found = lex::lookup(w.text).map(|e| e.text);
        assert_eq!(found, Some(w.text));
    }
    // Keys are exact: other spellings are other words.
    for (word, known) in [
        ("usd", true),
        ("USD", true),
        ("Usd", false),
        ("march", true),
        ("March", false),
        ("Christmas", true),
        ("christmas", false),
        ("", false),
        ("said", false),
        ("the", true),
        ("The", false),
    ] {
        assert_eq!(lex::lookup(word).is_some(), known, "{word:?}");
    }
    assert_eq!(lex::month("sept."), Some((9, false)));
    assert_eq!(lex::month("may"), Some((5, true)));
    assert_eq!(lex::month("monday"), None);
    assert_eq!(lex::weekday("thursdays"), Some((4, true, true)));
    assert_eq!(lex::weekday("thurs."), Some((4, false, false)));
    assert_eq!(lex::small_number("zero"), Some(0));
    assert_eq!(lex::small_number("nineteen"), Some(19));
    assert_eq!(lex::small_number("forty-two"), Some(42));
    assert_eq!(lex::small_number("forty-twelve"), None);
    assert_eq!(lex::small_number("hundred"), None);
    assert_eq!(lex::ordinal_word("twenty-first"), Some(21));
    assert_eq!(lex::ordinal_word("thousandth"), Some(1000));
    assert_eq!(lex::ordinal_word("first-class"), None);
    assert_eq!(lex::scale("lakh"), Some(1e5));
    assert_eq!(lex::scale("bn"), Some(1e9));
    assert_eq!(lex::scale("trillion"), Some(1e12));
    assert_eq!(lex::scale("hundreds"), None);
    assert!(lex::currency_code("KSh") && !lex::currency_code("KSH"));
    assert!(lex::weak_code("TRY") && !lex::weak_code("USD"));
    let us = lex::DOLLAR_PREFIX | lex::CURRENCY_COUNTRY;
    assert_eq!(lex::class("US"), us);
    assert_eq!(lex::class("second"), lex::ORDINAL | lex::TIME_UNIT);
    assert_eq!(lex::ordinal_word("second"), Some(2));
    assert!(is_calendar_name("WEDNESDAY") && is_calendar_name("March"));
    assert!(!is_calendar_name("Mar.") && !is_calendar_name("Mondays"));
}

#[test]
fn every_holiday_first_word_is_in_the_table() {
    for &(h, core) in lex::HOLIDAYS {
        let class = lex::class(h[0]);
        assert!(class & lex::HOLIDAY != 0, "{h:?}");
        if core {
            assert!(class & lex::HOLIDAY_CORE != 0, "{h:?}");
        }
    }
    // A first word is a core start only when some holiday it starts is a core one.
    assert_eq!(lex::class("Halloween") & lex::HOLIDAY_CORE, 0);
    assert_ne!(lex::class("Easter") & lex::HOLIDAY_CORE, 0);
    // "New" is a currency country as well ("New Zealand dollars").
    assert_ne!(lex::class("New") & lex::CURRENCY_COUNTRY, 0);
}

/// The opener filters hold every plain word that [`Cx::word_start`] accepts, in either style
/// (a word missing from them would silently never start a match). Besides words with digits
/// or hyphens, which the filters let through, `word_start` accepts only words of the table, so
/// trying every word of the table in every case covers them all.
#[test]
fn opener_filter_holds_every_opening_word() {
    let doc = Prepared::new("x");
    let mut missing = Vec::new();
    let mut opening = 0;
    for opts in [Options::default(), Options::ONTONOTES] {
        let cx = Cx::new(&doc, opts);
        for s in lex::WORDS.iter().map(|w| w.text).filter(|s| s.is_ascii()) {
            let mut cap = s.to_ascii_lowercase();
            cap[..1].make_ascii_uppercase();
            for v in [
                s.to_string(),
                s.to_ascii_lowercase(),
                s.to_ascii_uppercase(),
                cap,
            ] {
                let w = v.to_ascii_lowercase();
                if cx.word_start(&v, &w, lex::class(&w), lex::class(&v)) != Opens::No {
                    opening += 1;
                    if !cx.may_open(&v, true) {
                        missing.push((opts.relative, v));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "not in the opener filter: {missing:?}");
    assert!(opening > 1000, "{opening}");
    // The filters pass few other words.
    let cx = Cx::new(&doc, Options::default());
    let common = "the said and of to in was for that may can or us The Government President";
    let passed: Vec<_> = common.split(' ').filter(|w| cx.may_open(w, true)).collect();
    assert!(passed.len() <= 1, "{passed:?}");
}
