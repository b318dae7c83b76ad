//! Intake on invented pastes: junk regions, metadata and paragraphs.

use apostil_core::text::Prepared;
use apostil_core::text::intake::RegionKind;

const BODY: &str = "Harbor officials in the coastal town of Brenmouth said on Monday that the old pier would close for repairs, after inspectors found rotten beams beneath the boardwalk.\n\n\"We cannot take chances with people's safety,\" said Marta Lindqvist, who chairs the harbor board. She added that the work should take about six months and cost roughly $2.4 million.\n\nLocal fishermen, who use the pier every morning, have asked the council for a temporary landing stage while the repairs go ahead.";

fn regions(text: &str) -> Vec<(RegionKind, String)> {
    let p = Prepared::new(text);
    p.intake
        .regions
        .iter()
        .map(|r| (r.kind, p.slice(r.span).to_string()))
        .collect()
}

fn junk(text: &str) -> Vec<(RegionKind, String)> {
    regions(text)
        .into_iter()
        .filter(|(k, _)| k.is_junk())
        .collect()
}

#[test]
fn clean_article_has_no_junk() {
    assert_eq!(junk(BODY), vec![]);
    let with_headline = format!("Brenmouth Pier To Close For Repairs\n\n{BODY}");
    assert_eq!(junk(&with_headline), vec![]);
    // Short lines and lists inside an article are not junk.
    let listy = format!(
        "{BODY}\n\nThe board listed three reasons:\n\nRotten beams\n\nLoose railings\n\nA cracked landing\n\nThe council will vote on the plan next week, a spokesman for the mayor said on Tuesday."
    );
    assert_eq!(junk(&listy), vec![]);
}

#[test]
fn tail_junk_is_marked() {
    let paste = format!(
        "{BODY}\n\nSource: | This story first ran on the Brenmouth Gazette website\n\nLeave a Reply\n\nYour email stays private. Fields marked * must be filled in.\n\nRelated Stories\n\nCouncil approves new budget for coastal defences\n\nThe town council voted late on Thursday to spend more on sea walls and…\n\nFerry timetable changes from next month\n\nPassengers travelling to the islands will have to check the new…"
    );
    let got = junk(&paste);
    let kinds: Vec<RegionKind> = got.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            RegionKind::Credit,
            RegionKind::CommentForm,
            RegionKind::RelatedLinks
        ],
        "{got:#?}"
    );
    assert!(got[1].1.starts_with("Leave a Reply"));
    assert!(got[1].1.ends_with("must be filled in."));
    assert!(got[2].1.starts_with("Related Stories"));
    assert!(got[2].1.ends_with("check the new…"));
    // The article itself is untouched.
    let p = Prepared::new(&paste);
    let lindqvist = paste.find("Marta").unwrap();
    assert!(!p.intake.is_junk(paste[..lindqvist].chars().count()));
}

#[test]
fn price_table_and_signoff() {
    let paste = format!(
        "{BODY}\n\n--PTI\n\nab/cd\n\nDisclaimer: This story was produced from a syndicated feed\n\nSubscribe to the Daily Ledger and read without limits\n\nBasic\n\n$5\n\n1 Month\n\n$5/Month\n\nPlus\n\n$45\n\n1 Year\n\n$3.75/Month\n\nSAVE 25%\n\nRenews automatically, cancel anytime\n\n  • Unlimited articles on any device\n\n  • Ad-free reading"
    );
    let got = junk(&paste);
    let kinds: Vec<RegionKind> = got.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [RegionKind::Credit, RegionKind::Subscription],
        "{got:#?}"
    );
    assert!(got[0].1.starts_with("--PTI") && got[0].1.ends_with("syndicated feed"));
    assert!(got[1].1.starts_with("Subscribe to") && got[1].1.ends_with("Ad-free reading"));
}

#[test]
fn price_table_without_heading() {
    let paste = format!("{BODY}\n\nStarter\n\n€4\n\n3 Months\n\n€2/Month\n\nPro\n\n€30\n\n1 Year");
    let got = junk(&paste);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].0, RegionKind::Subscription);
    assert!(got[0].1.starts_with("Starter") && got[0].1.ends_with("1 Year"));
}

#[test]
fn headline_byline_dateline() {
    let paste = format!(
        "Brenmouth pier to close for six months of repairs\n\nImage\nPTI Brenmouth\nLast Updated : Apr 14 2021 | 9:12 AM IST\n\n{BODY}"
    );
    let got = regions(&paste);
    assert_eq!(
        got,
        vec![
            (
                RegionKind::Headline,
                "Brenmouth pier to close for six months of repairs".to_string()
            ),
            (RegionKind::ShareOrCookie, "Image".to_string()),
            (RegionKind::Byline, "PTI Brenmouth".to_string()),
            (
                RegionKind::Dateline,
                "Last Updated : Apr 14 2021 | 9:12 AM IST".to_string()
            ),
        ]
    );
    let p = Prepared::new(&paste);
    let m = &p.intake.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Brenmouth pier to close for six months of repairs")
    );
    assert_eq!(m.byline.as_deref(), Some("PTI Brenmouth"));
    assert_eq!(
        m.dateline.as_deref(),
        Some("Last Updated : Apr 14 2021 | 9:12 AM IST")
    );
}

#[test]
fn by_line_and_place_dateline() {
    let paste = "Storm Floods Coastal Roads\nBy Jane Okafor\nPublished: March 3, 2022\n\nBRENMOUTH, Eastshire — Heavy rain flooded the coastal road on Sunday, cutting off two villages for most of the day, the county council said.\n\nCrews worked through the night to clear the debris, and the road reopened early on Monday morning.";
    let got = regions(paste);
    assert_eq!(
        got,
        vec![
            (
                RegionKind::Headline,
                "Storm Floods Coastal Roads".to_string()
            ),
            (RegionKind::Byline, "By Jane Okafor".to_string()),
            (RegionKind::Dateline, "Published: March 3, 2022".to_string()),
            (RegionKind::Dateline, "BRENMOUTH, Eastshire".to_string()),
        ]
    );
}

#[test]
fn share_cookie_and_newsletter_lines() {
    let paste = format!(
        "Share Tweet Email\n\nWe use cookies to improve your experience on our site. By continuing you accept our use of cookies.\n\n{BODY}\n\nSign up for our morning newsletter and get the news delivered to your inbox"
    );
    let got = junk(&paste);
    // The share line and the cookie notice are next to each other: one region.
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got.iter().all(|(k, _)| *k == RegionKind::ShareOrCookie));
    assert!(got[0].1.starts_with("Share") && got[0].1.ends_with("use of cookies."));
    assert!(got[1].1.starts_with("Sign up"));
}

#[test]
fn line_breaks_and_invisible_characters_do_not_change_regions() {
    let lf = format!(
        "Brenmouth pier to close\n\n{BODY}\n\nLeave a Reply\n\nYour email stays private. Fields marked * must be filled in."
    );
    let want: Vec<(RegionKind, String)> = regions(&lf);
    assert_eq!(want.len(), 2);
    for (from, to) in [
        ("\n", "\r\n"),
        ("\n", "\r"),
        ("\n\n", "\u{2029}"),
        ("\n", "\u{2028}"),
        (" ", "\u{00A0}"),
    ] {
        let t = lf.replace(from, to);
        let got = regions(&t);
        let norm = |s: &str| {
            s.replace(to, from)
                .replace('\u{2029}', "\n\n")
                .replace('\u{00A0}', " ")
        };
        let got: Vec<(RegionKind, String)> = got.into_iter().map(|(k, s)| (k, norm(&s))).collect();
        assert_eq!(got, want, "with {to:?}");
    }
}

#[test]
fn paragraphs_are_lines_and_runs_of_wrapped_text() {
    let wrapped = "The harbor board met on Monday evening to discuss the pier and\nagreed that the repairs could not wait until the summer season had\nended, because the inspectors had found the beams in a worse state\nthan anyone expected.\n\nA second paragraph.";
    let p = Prepared::new(wrapped);
    assert_eq!(p.intake.paragraphs.len(), 2);
    assert_eq!(p.sentences.len(), 2);
    let lines = "Short line one\nShort line two\n\nThird";
    let p = Prepared::new(lines);
    let paras: Vec<&str> = p.intake.paragraphs.iter().map(|s| p.slice(*s)).collect();
    assert_eq!(paras, ["Short line one", "Short line two", "Third"]);
}

#[test]
fn article_lists_and_credits_are_not_junk() {
    // A ranked list with money amounts is article content, not a price table.
    let ranked = format!(
        "{BODY}\n\nThe five richest families on the coast are:\n\n1) The Harlow family; $3.1 billion\n2) Peter Voss and relatives; $2.2 billion\n3) The Imrie trust; $1.9 billion\n4) Ana Quiroga; $1.1 billion"
    );
    assert_eq!(junk(&ranked), vec![]);
    // A photo credit names people and organisations: kept.
    let credit = format!("{BODY}\n\n© Jonas Ek/Coastal Photo Agency");
    assert_eq!(junk(&credit), vec![]);
    // A site footer is junk.
    let footer = format!("{BODY}\n\n© 2023 The Brenmouth Gazette. All rights reserved.");
    assert_eq!(junk(&footer).len(), 1);
    // "Related" inside a sentence is not a heading.
    let related = format!(
        "{BODY}\n\nRelated talks with the council are expected to resume in May, officials said."
    );
    assert_eq!(junk(&related), vec![]);
}

#[test]
fn shouted_wire_headline_is_a_headline_not_a_dateline() {
    let conll = "SAILING - BRENMOUTH CREW WINS COASTAL REGATTA .\nBRENMOUTH 1996-08-30\nThe Brenmouth crew won the coastal regatta on Friday , beating the holders by two minutes in strong winds .\nThe race was sailed over 40 miles .";
    let got = regions(conll);
    assert_eq!(got[0].0, RegionKind::Headline, "{got:#?}");
    assert_eq!(got[0].1, "SAILING - BRENMOUTH CREW WINS COASTAL REGATTA .");
    assert!(got.iter().all(|(k, _)| !k.is_junk()));
}

#[test]
fn junk_in_the_middle_stops_at_the_next_paragraphs() {
    let paste = format!(
        "{BODY}\n\nAlso Read: Ferry timetable changes from next month\n\nAdvertisement\n\nThe council said a decision on the temporary landing stage would be taken by the end of the month, after a public consultation.\n\nFishermen welcomed the promise but said they needed an answer sooner."
    );
    let got = junk(&paste);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[0].0, RegionKind::RelatedLinks);
    assert_eq!(
        got[1],
        (RegionKind::ShareOrCookie, "Advertisement".to_string())
    );
}

#[test]
fn more_page_furniture() {
    let paste = format!(
        "Story continues below advertisement\n\n[PHOTO]https://example.com/pier.jpg[/PHOTO]\n\n{BODY}\n\nComments (12)\n\nThe views expressed in this article are the author's own.\n\nMore in Business\n\nHarbor fees rise for the third year running\n\nFerry firm posts record summer profits"
    );
    let kinds: Vec<RegionKind> = junk(&paste).iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        [
            RegionKind::ShareOrCookie,
            RegionKind::CommentForm,
            RegionKind::Credit,
            RegionKind::RelatedLinks
        ],
        "{:#?}",
        junk(&paste)
    );
    assert!(junk(&paste)[0].1.ends_with("[/PHOTO]"));
}

#[test]
fn readers_comments_stay_in_the_comment_block() {
    let paste = format!(
        "{BODY}\n\n3 Comments\n\nTom Baker says:\n\nMarch 3, 2022 at 9:12 am\n\nThis pier has been falling apart for years and the council has done nothing about it until now.\n\nReply\n\nAnn Lowe says:\n\nMarch 3, 2022 at 11:40 am\n\nFinally some action, though six months seems far too long for a job like this one.\n\nReply"
    );
    let got = junk(&paste);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].0, RegionKind::CommentForm);
    assert!(got[0].1.starts_with("3 Comments") && got[0].1.ends_with("Reply"));
}

#[test]
fn analysis_reports_regions_and_drops_entities_in_junk() {
    let paste = format!(
        "{BODY}\n\nYou May Also Like\n\nMayor Ruth Okonkwo opens new bridge in Eastport\n\nThe mayor of Eastport cut the ribbon on Tuesday in front of hundreds of…\n\nSmart Plan\n\n$120\n\n1 Year\n\n$10/Month"
    );
    let a = apostil_core::analyze(&paste);
    let p = Prepared::new(&paste);
    assert_eq!(a.regions, p.intake.regions);
    assert!(a.regions.iter().any(|r| r.kind.is_junk()));
    for e in &a.entities {
        assert!(!p.intake.is_junk(e.span.start), "entity {e:?} in junk");
    }
}

#[test]
fn a_long_paragraph_after_a_link_list_is_article_again() {
    let paste = format!(
        "{BODY}\n\nRelated Stories\n\nFerry timetable changes from next month\n\nHarbor fees rise again\n\nThe harbor board's decision follows years of complaints from residents, boat owners and shopkeepers on the seafront, who say the pier has been neglected since the storm of 2009 and that temporary fixes have only made the problem worse over time, according to a letter sent to the council last spring.\n\nWhat happens next\n\nThe council will vote on the landing stage on Thursday."
    );
    let got = junk(&paste);
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].1.starts_with("Related Stories") && got[0].1.ends_with("rise again"));
}
