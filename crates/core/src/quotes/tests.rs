//! Table-driven tests for quotations and speakers, on sentences written for these tests.

use super::*;
use crate::text::Prepared;
use proptest::prelude::*;

/// (quote text, speaker text) for the reported quotations of `text`, without entities.
fn run(text: &str) -> Vec<(String, Option<String>)> {
    let doc = Prepared::new(text);
    let mut clusters = Vec::new();
    find(&doc, &[], &mut clusters)
        .into_iter()
        .filter(|q| q.is_reported())
        .map(|q| {
            (
                doc.slice(q.span).to_string(),
                q.speaker.map(|s| doc.slice(s.mention).to_string()),
            )
        })
        .collect()
}

fn canonical_of_speakers(text: &str) -> Vec<Option<String>> {
    let doc = Prepared::new(text);
    let mut clusters = Vec::new();
    find(&doc, &[], &mut clusters)
        .into_iter()
        .filter(|q| q.is_reported())
        .map(|q| {
            q.speaker
                .and_then(|s| s.cluster)
                .map(|c| clusters[c].canonical.clone())
        })
        .collect()
}

/// Each text holds exactly one reported quotation, attributed to the given speaker mention.
fn assert_single_speakers(cases: &[(&str, &str)]) {
    for (text, want) in cases {
        let got = run(text);
        assert_eq!(got.len(), 1, "in {text:?}: {got:?}");
        assert_eq!(got[0].1.as_deref(), Some(*want), "in {text:?}");
    }
}

#[test]
fn speakers_table() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            "“We will never accept this outcome,” Chen said on Tuesday.",
            &[("We will never accept this outcome,", "Chen")],
        ),
        (
            "\"The talks went well and will continue,\" said Geng Shuang, a ministry spokesman.",
            &[("The talks went well and will continue,", "Geng Shuang")],
        ),
        (
            "Geng told reporters: “The door remains open for more talks.”",
            &[("The door remains open for more talks.", "Geng")],
        ),
        (
            "Minister of State Security Chen Yixin wrote: “Security work must be done well.”",
            &[("Security work must be done well.", "Chen Yixin")],
        ),
        (
            "Norvian Trade Ministry spokesperson Ilse Marken said, “We firmly oppose this.”",
            &[("We firmly oppose this.", "Ilse Marken")],
        ),
        (
            "According to Maria Lopez, “nothing has changed in the last year at all.”",
            &[(
                "nothing has changed in the last year at all.",
                "Maria Lopez",
            )],
        ),
        (
            "“This is a dangerous step for everyone,” the ministry wrote in a statement.",
            &[("This is a dangerous step for everyone,", "the ministry")],
        ),
        (
            "“We are reviewing the report very carefully,” the White House said.",
            &[(
                "We are reviewing the report very carefully,",
                "the White House",
            )],
        ),
        (
            "“We are ready,” Rep. Jane Miller (D-Ohio), a panel member, said in an interview.",
            &[("We are ready,", "Jane Miller")],
        ),
        (
            "“I have nothing more to add today,” she added.",
            &[("I have nothing more to add today,", "she")],
        ),
        (
            "Zhao added: “The sanctions will be lifted when the talks end.”",
            &[("The sanctions will be lifted when the talks end.", "Zhao")],
        ),
        (
            "“The agency acted lawfully at every step,” the Justice Department said in a statement.",
            &[(
                "The agency acted lawfully at every step,",
                "the Justice Department",
            )],
        ),
        (
            "“We are not going anywhere,” Lena Park wrote on her blog.",
            &[("We are not going anywhere,", "Lena Park")],
        ),
        (
            "Mayor Dan Ruiz told reporters that the storm was “the worst in a decade.”",
            &[("the worst in a decade.", "Dan Ruiz")],
        ),
        (
            "“It’s over,” said Mr. Abbott, the party’s chairman.",
            &[("It’s over,", "Abbott")],
        ),
    ];
    for (text, want) in cases {
        let got = run(text);
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(q, s)| (q.to_string(), Some(s.to_string())))
            .collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn interrupted_and_continued_quotes_keep_their_speaker() {
    let text = "“The first part is settled,” Anna Berg said. “The second part is not.”\n\n\
                Reporters asked about the budget.\n\n\
                “We will publish the numbers next week,” she said.\n\n\
                “Nobody will be surprised by them at all.”";
    let got = run(text);
    let speakers: Vec<Option<&str>> = got.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(
        speakers,
        vec![
            Some("Anna Berg"),
            Some("Anna Berg"),
            Some("she"),
            Some("she")
        ]
    );
}

#[test]
fn pronoun_speakers_join_the_right_cluster() {
    let text = "Geng Shuang spoke first. “We are calm,” Geng said.\n\n“There is no reason for panic,” he said.";
    let canon = canonical_of_speakers(text);
    assert_eq!(
        canon,
        vec![
            Some("Geng Shuang".to_string()),
            Some("Geng Shuang".to_string())
        ]
    );
}

#[test]
fn multi_paragraph_quote_continues_speaker() {
    let text = "The senator said:\n\n“The first paragraph of my remarks is here.\n\n“The second paragraph follows it.\n\n“And the last one ends here.”";
    let got = run(text);
    assert_eq!(got.len(), 3);
    assert!(
        got.iter()
            .all(|(_, s)| s.as_deref() == Some("The senator") || s.as_deref() == Some("senator")),
        "{got:?}"
    );
}

#[test]
fn scare_quotes_and_titles_are_not_reported() {
    let cases = [
        "The so-called “core” of the plan was small.",
        "He watched “Face the Nation” on Sunday.",
        "The leak was named “Vault 7” by the group.",
        "It is the new “normal” for the region.",
        "Reed said on CBS's “Face the Nation” that taxes would rise.",
    ];
    for text in cases {
        assert_eq!(run(text), vec![], "in {text:?}");
    }
    // A short quotation with a reporting verb is direct.
    assert_eq!(
        run("“Never,” said Geng."),
        vec![("Never,".to_string(), Some("Geng".to_string()))]
    );
}

#[test]
fn nested_quotes_are_kept_but_not_reported() {
    let text = "“They keep calling it ‘a hoax’ and that is wrong,” Lee said.";
    let doc = Prepared::new(text);
    let mut cl = Vec::new();
    let qs = find(&doc, &[], &mut cl);
    assert_eq!(qs.len(), 2);
    assert_eq!(doc.slice(qs[1].span), "a hoax");
    assert_eq!(qs[1].depth, 1);
    assert!(!qs[1].is_reported());
    assert!(qs[0].is_reported());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]
    #[test]
    fn never_panics_and_spans_are_valid(s in "(\\PC|[\"'“”‘’«» \n]){0,200}") {
        let doc = Prepared::new(&s);
        let mut cl = Vec::new();
        let n = doc.len_chars();
        for q in find(&doc, &[], &mut cl) {
            prop_assert!(q.outer.contains(q.span));
            prop_assert!(q.outer.end <= n);
            if let Some(sp) = q.speaker {
                prop_assert!(sp.mention.end <= n);
                if let Some(c) = sp.cluster { prop_assert!(c < cl.len()); }
            }
        }
    }
}

#[test]
fn appositions_and_participles() {
    let text = "“Our plan will pass easily,” Senate Majority Leader Ann Holt, R-Ky., said Tuesday.";
    assert_eq!(run(text)[0].1.as_deref(), Some("Ann Holt"));
    let text = "\"People do not agree with him,\" Ortiz said, suggesting a few questions, including, \"Do you really need a tax break?\"";
    let got = run(text);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter().all(|(_, s)| s.as_deref() == Some("Ortiz")),
        "{got:?}"
    );
}

#[test]
fn possessive_speech_nouns_and_fronted_verbs() {
    let cases: &[(&str, &str)] = &[
        (
            "Critics seized on Marlow's claim that there were “thousands of cases” in the city.",
            "Marlow",
        ),
        (
            "The board rejected her claim that “the vote was a total sham.”",
            "her",
        ),
        ("Said Okafor: “We will not move an inch on this.”", "Okafor"),
    ];
    assert_single_speakers(cases);
}

#[test]
fn unattributed_unclosed_blocks_are_not_reported() {
    // An excerpt opened by a mark that is never closed, with no attribution.
    let text = "The report follows.\n\n\"Kevin was asleep on the couch when the results came in.\n\nLater that night the town was quiet.";
    assert_eq!(run(text), vec![]);
}

#[test]
fn sentence_final_and_phrasal_attributions() {
    // A possessive next to a speech noun far from the quotation is not the speaker.
    let got = run("Lee called Ruiz's remarks on the budget “a new low for the council.”");
    assert_eq!(got[0].1.as_deref(), Some("Lee"));
    let cases: &[(&str, &str)] = &[
        (
            "Donations were “flat for about a month” as donors waited, he said.",
            "he",
        ),
        (
            "“Stop talking and let me finish,” Moreno shot back.",
            "Moreno",
        ),
        (
            "Reached for comment, Ines Ward called the plan “a total waste of money.”",
            "Ines Ward",
        ),
    ];
    assert_single_speakers(cases);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]
    /// Sentences built from attribution-heavy pieces: exercises every attribution path.
    #[test]
    fn attribution_paths_never_panic(parts in proptest::collection::vec(
        prop_oneof![
            Just("\""), Just("“"), Just("”"), Just("'"), Just("‘"), Just("’"), Just("«"),
            Just("»"), Just("''"), Just(" said "), Just(" Geng Shuang "), Just(" he "),
            Just(", "), Just(": "), Just(". "), Just("\n\n"), Just("\n"), Just(" according to "),
            Just(" the ministry "), Just(" told reporters "), Just(" who "), Just(" and "),
            Just("Mr. "), Just(" (R-Ky.) "), Just(" ― "), Just("—"), Just(" saying "),
            Just(" we will win "), Just(" Chen's claim that "), Just(" on Monday "), Just("x"),
        ],
        0..60,
    )) {
        let text: String = parts.concat();
        let doc = Prepared::new(&text);
        let mut cl = Vec::new();
        let n = doc.len_chars();
        let qs = find(&doc, &[], &mut cl);
        for w in qs.windows(2) {
            prop_assert!(w[0].outer.start <= w[1].outer.start);
        }
        for q in qs {
            prop_assert!(q.outer.contains(q.span) && q.outer.end <= n);
            if let Some(sp) = q.speaker {
                prop_assert!(sp.mention.end <= n && !sp.mention.is_empty());
                if let Some(c) = sp.cluster { prop_assert!(c < cl.len()); }
            }
        }
    }
}

#[test]
fn quotes_in_page_junk_are_not_reported() {
    let text = "“We will rebuild the bridge this year,” Mayor Ruth Okoye said on Monday.\n\nYou May Also Like\n\n“Why the council said no to the new stadium plan,” says reader poll\n\n“Ten things to do this weekend in the city centre,” says our guide";
    let doc = Prepared::new(text);
    assert!(doc.intake.regions.iter().any(|r| r.kind.is_junk()));
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Ruth Okoye"));
}

#[test]
fn title_of_department_keeps_only_the_name() {
    let cases: &[(&str, &str)] = &[
        (
            "\"We will not back down,\" Minister of Public Security Maria Santos wrote.",
            "Maria Santos",
        ),
        (
            "Secretary of Rural Roads Oyelaran Adebanjo said: \"The work starts now.\"",
            "Oyelaran Adebanjo",
        ),
        (
            "\"The work starts now,\" said Minister of Trade Ilse Varga.",
            "Ilse Varga",
        ),
        (
            "\"The work starts now,\" Senator Ilse Varga said.",
            "Ilse Varga",
        ),
    ];
    for (text, want) in cases {
        let got = run(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].1.as_deref(), Some(*want), "{text}: {got:?}");
    }
}
