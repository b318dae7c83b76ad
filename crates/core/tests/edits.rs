//! Edits, inverses, undo/redo and re-analysis on texts written for these tests.

use apostil_core::analysis::Analysis;
use apostil_core::clusters::{Cluster, Mention, MentionKind};
use apostil_core::document::{ClusterId, ClusterInfo, QUOTE_LABEL, SpeakerLink};
use apostil_core::entities::{Entity, EntitySource};
use apostil_core::quotes::{Quote, QuoteKind, Speaker};
use apostil_core::{
    AnnotationId, AnnotationKind, Document, Edit, EditError, EntityLabel, History, Origin, Span,
    Status,
};
use proptest::prelude::*;

const TEXT: &str = "Mara Quist met the Harbour Board in Tallinn on Monday. \
\"We will not sell the pier,\" Quist said.";

fn find(text: &str, needle: &str) -> Span {
    let b = text.find(needle).expect("needle in text");
    let start = text[..b].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn ent(text: &str, needle: &str, label: EntityLabel, cluster: Option<usize>) -> Entity {
    let mut e = Entity::new(find(text, needle), label, EntitySource::Rule, 1.0);
    e.cluster = cluster;
    e
}

fn analysis() -> Analysis {
    let quist = find(TEXT, "Quist said").start;
    Analysis {
        text_len: TEXT.chars().count(),
        entities: vec![
            ent(TEXT, "Mara Quist", EntityLabel::Person, Some(0)),
            ent(TEXT, "the Harbour Board", EntityLabel::Org, None),
            ent(TEXT, "Tallinn", EntityLabel::Gpe, None),
            ent(TEXT, "Monday", EntityLabel::Date, None),
            ent(TEXT, "Quist said", EntityLabel::Person, Some(0)),
        ]
        .into_iter()
        .map(|mut e| {
            if e.span.start == quist {
                e.span = Span::new(quist, quist + 5);
            }
            e
        })
        .collect(),
        clusters: vec![Cluster {
            canonical: "Mara Quist".into(),
            label: EntityLabel::Person,
            mentions: vec![Mention {
                span: find(TEXT, "Mara Quist"),
                kind: MentionKind::Name,
            }],
        }],
        quotes: vec![Quote {
            span: find(TEXT, "We will not sell the pier,"),
            outer: find(TEXT, "\"We will not sell the pier,\""),
            kind: QuoteKind::Direct,
            depth: 0,
            speaker: Some(Speaker {
                mention: Span::new(quist, quist + 5),
                cluster: Some(0),
            }),
        }],
        ..Analysis::default()
    }
}

fn doc() -> Document {
    Document::from_analysis("harbour", TEXT, &analysis())
}

fn id_of(doc: &Document, exact: &str) -> AnnotationId {
    doc.annotations
        .iter()
        .find(|a| a.exact == exact)
        .unwrap_or_else(|| panic!("no annotation {exact:?}"))
        .id
}

#[test]
fn from_analysis_builds_suggestions() {
    let d = doc();
    assert_eq!(d.annotations.len(), 6);
    assert_eq!(d.clusters.len(), 1);
    let c = d.clusters[0].id;
    for a in &d.annotations {
        assert_eq!(d.slice(a.span), Some(a.exact.as_str()));
        assert_eq!(a.origin, Origin::Auto);
        assert_eq!(a.status, Status::Suggested);
    }
    let mara = d.get(id_of(&d, "Mara Quist")).unwrap();
    assert_eq!(mara.kind, AnnotationKind::Entity);
    assert_eq!(mara.label, "PERSON");
    assert_eq!(mara.cluster, Some(c));
    let q = d.get(id_of(&d, "We will not sell the pier,")).unwrap();
    assert_eq!(q.kind, AnnotationKind::Quote);
    assert_eq!(q.label, QUOTE_LABEL);
    assert_eq!(q.quote_kind, Some(QuoteKind::Direct));
    let sp = q.speaker.as_ref().unwrap();
    assert_eq!(d.slice(sp.span), Some("Quist"));
    assert_eq!(sp.cluster, Some(c));
    // Sorted by start; ids unique and below next_id.
    assert!(
        d.annotations
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start)
    );
    assert!(d.annotations.iter().all(|a| a.id.0 < d.next_id));
}

#[test]
fn every_edit_has_an_exact_inverse() {
    let base = doc();
    let mara = id_of(&base, "Mara Quist");
    let board = id_of(&base, "the Harbour Board");
    let quote = id_of(&base, "We will not sell the pier,");
    let c = base.clusters[0].id;
    let mut d2 = base.clone();
    let fresh = d2
        .new_annotation(
            AnnotationKind::User,
            "PLACE",
            find(TEXT, "the pier"),
            Origin::User,
        )
        .unwrap();
    let new_cluster = ClusterInfo {
        id: ClusterId(900),
        canonical: "Harbour Board".into(),
        label: "ORG".into(),
    };
    let edits = vec![
        Edit::Add {
            annotation: fresh.clone(),
        },
        Edit::Delete { id: mara },
        Edit::Relabel {
            id: board,
            label: "GPE".into(),
        },
        Edit::Relabel {
            id: board,
            label: "port authority".into(),
        },
        Edit::SetKind {
            id: board,
            kind: AnnotationKind::User,
        },
        Edit::Resize {
            id: board,
            span: find(TEXT, "Harbour Board"),
        },
        Edit::SetStatus {
            id: board,
            status: Status::Rejected,
        },
        Edit::SetNote {
            id: mara,
            note: Some("chair since 2019".into()),
        },
        Edit::SetSpeaker {
            id: quote,
            speaker: None,
        },
        Edit::SetSpeaker {
            id: quote,
            speaker: Some(SpeakerLink {
                span: find(TEXT, "Mara Quist"),
                cluster: None,
            }),
        },
        Edit::SetCluster {
            id: mara,
            cluster: None,
        },
        Edit::AddCluster {
            cluster: new_cluster.clone(),
        },
        Edit::RenameCluster {
            id: c,
            canonical: "M. Quist".into(),
        },
        Edit::Batch {
            edits: vec![
                Edit::AddCluster {
                    cluster: new_cluster.clone(),
                },
                Edit::SetCluster {
                    id: board,
                    cluster: Some(ClusterId(900)),
                },
                Edit::MergeClusters {
                    into: ClusterId(900),
                    from: c,
                },
            ],
        },
    ];
    for edit in edits {
        let mut d = d2.clone();
        let inverse = d
            .apply(edit.clone())
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        assert_ne!(d, d2, "{edit:?} changed nothing");
        for a in &d.annotations {
            assert_eq!(d.slice(a.span), Some(a.exact.as_str()), "{edit:?}");
        }
        let again = d.apply(inverse).unwrap();
        assert_eq!(d, d2, "inverse of {edit:?} did not restore");
        d.apply(again).unwrap();
        let mut redo = d2.clone();
        redo.apply(edit.clone()).unwrap();
        assert_eq!(d, redo, "inverse of the inverse of {edit:?}");
    }
}

#[test]
fn relabel_keeps_kind_in_step_with_the_label() {
    let mut d = doc();
    let board = id_of(&d, "the Harbour Board");
    let quote = id_of(&d, "We will not sell the pier,");
    let before = d.clone();
    let inv = d
        .apply(Edit::Relabel {
            id: board,
            label: "port authority".into(),
        })
        .unwrap();
    assert_eq!(d.get(board).unwrap().kind, AnnotationKind::User);
    d.apply(Edit::Relabel {
        id: board,
        label: "FAC".into(),
    })
    .unwrap();
    assert_eq!(d.get(board).unwrap().kind, AnnotationKind::Entity);
    d.apply(Edit::Relabel {
        id: quote,
        label: "PERSON".into(),
    })
    .unwrap();
    assert_eq!(
        d.get(quote).unwrap().kind,
        AnnotationKind::Quote,
        "quotes stay quotes"
    );
    let mut e = before.clone();
    e.apply(Edit::Relabel {
        id: board,
        label: "port authority".into(),
    })
    .unwrap();
    e.apply(inv).unwrap();
    assert_eq!(e, before);
}

#[test]
fn hand_corrections_of_suggestions_survive_reanalysis() {
    let a = analysis();
    let mut d = Document::from_analysis("harbour", TEXT, &a);
    let board = id_of(&d, "the Harbour Board");
    let tallinn = id_of(&d, "Tallinn");
    let resize = d.accepting(Edit::Resize {
        id: board,
        span: find(TEXT, "Harbour Board"),
    });
    assert!(matches!(resize, Edit::Batch { .. }));
    d.apply(resize).unwrap();
    // A note is not a correction of the suggestion itself, but notes are kept anyway.
    let note = Edit::SetNote {
        id: tallinn,
        note: Some("capital".into()),
    };
    assert_eq!(d.accepting(note.clone()), note);
    d.reanalyze(&a);
    let b = d.get(board).unwrap();
    assert_eq!(b.exact, "Harbour Board");
    assert_eq!(b.status, Status::Accepted);
    // The analyser's old extent does not come back beside the correction.
    assert_eq!(
        d.annotations
            .iter()
            .filter(|x| x.exact == "the Harbour Board")
            .count(),
        0
    );
    // Accepted annotations are not wrapped again.
    let again = Edit::Relabel {
        id: board,
        label: "ORG".into(),
    };
    assert_eq!(d.accepting(again.clone()), again);
}

#[test]
fn resize_updates_exact() {
    let mut d = doc();
    let board = id_of(&d, "the Harbour Board");
    d.apply(Edit::Resize {
        id: board,
        span: find(TEXT, "Harbour Board"),
    })
    .unwrap();
    assert_eq!(d.get(board).unwrap().exact, "Harbour Board");
}

#[test]
fn merge_moves_members_and_speakers() {
    let mut d = doc();
    let c = d.clusters[0].id;
    let other = d.new_cluster("Quist", "PERSON");
    let oid = other.id;
    d.apply(Edit::AddCluster { cluster: other }).unwrap();
    let before = d.clone();
    let inv = d.apply(Edit::MergeClusters { into: oid, from: c }).unwrap();
    assert!(d.cluster(c).is_none());
    assert!(d.annotations.iter().all(|a| a.cluster != Some(c)));
    assert!(d.annotations.iter().any(|a| a.cluster == Some(oid)));
    let q = d.get(id_of(&d, "We will not sell the pier,")).unwrap();
    assert_eq!(q.speaker.as_ref().unwrap().cluster, Some(oid));
    assert!(matches!(inv, Edit::Batch { .. }));
    d.apply(inv).unwrap();
    assert_eq!(d, before);
}

#[test]
fn invalid_edits_fail_and_change_nothing() {
    let base = doc();
    let mara = id_of(&base, "Mara Quist");
    let c = base.clusters[0].id;
    let len = TEXT.chars().count();
    let mut dup = base.get(mara).unwrap().clone();
    dup.span = Span::new(0, 1);
    let cases: Vec<(Edit, EditError)> = vec![
        (
            Edit::Delete {
                id: AnnotationId(777),
            },
            EditError::NoSuchAnnotation(AnnotationId(777)),
        ),
        (
            Edit::Add { annotation: dup },
            EditError::DuplicateId(mara.0),
        ),
        (
            Edit::Resize {
                id: mara,
                span: Span::new(3, 3),
            },
            EditError::BadSpan {
                span: Span::new(3, 3),
                len,
            },
        ),
        (
            Edit::Resize {
                id: mara,
                span: Span::new(len - 2, len + 1),
            },
            EditError::BadSpan {
                span: Span::new(len - 2, len + 1),
                len,
            },
        ),
        (
            Edit::Relabel {
                id: mara,
                label: "  ".into(),
            },
            EditError::EmptyLabel,
        ),
        (
            Edit::SetCluster {
                id: mara,
                cluster: Some(ClusterId(555)),
            },
            EditError::NoSuchCluster(ClusterId(555)),
        ),
        (Edit::RemoveCluster { id: c }, EditError::ClusterNotEmpty(c)),
        (
            Edit::MergeClusters { into: c, from: c },
            EditError::SameCluster(c),
        ),
        (
            Edit::SetSpeaker {
                id: mara,
                speaker: Some(SpeakerLink {
                    span: Span::new(0, len + 5),
                    cluster: None,
                }),
            },
            EditError::BadSpan {
                span: Span::new(0, len + 5),
                len,
            },
        ),
        // A batch whose last edit fails leaves the first ones undone too.
        (
            Edit::Batch {
                edits: vec![
                    Edit::Relabel {
                        id: mara,
                        label: "ORG".into(),
                    },
                    Edit::Delete { id: mara },
                    Edit::Delete { id: mara },
                ],
            },
            EditError::NoSuchAnnotation(mara),
        ),
    ];
    for (edit, want) in cases {
        let mut d = base.clone();
        let got = d.apply(edit.clone()).unwrap_err();
        assert_eq!(got, want, "{edit:?}");
        assert_eq!(d, base, "{edit:?} changed the document");
        assert!(!got.to_string().is_empty());
    }
}

#[test]
fn history_undo_redo() {
    let mut d = doc();
    let base = d.clone();
    let mut h = History::new();
    assert!(!h.can_undo() && !h.can_redo());
    assert_eq!(h.undo(&mut d), Ok(false));
    let mara = id_of(&d, "Mara Quist");
    h.apply(
        &mut d,
        Edit::SetStatus {
            id: mara,
            status: Status::Accepted,
        },
    )
    .unwrap();
    let after_one = d.clone();
    h.apply(&mut d, Edit::Delete { id: mara }).unwrap();
    assert!(h.can_undo());
    assert_eq!(h.undo(&mut d), Ok(true));
    assert_eq!(d, after_one);
    assert!(h.can_redo());
    assert_eq!(h.undo(&mut d), Ok(true));
    assert_eq!(d, base);
    assert_eq!(h.redo(&mut d), Ok(true));
    assert_eq!(d, after_one);
    // A failing edit changes neither the document nor the history.
    let h_before = h.clone();
    assert!(
        h.apply(
            &mut d,
            Edit::Delete {
                id: AnnotationId(999)
            }
        )
        .is_err()
    );
    assert_eq!(h, h_before);
    // A new edit clears redo.
    h.apply(
        &mut d,
        Edit::SetNote {
            id: mara,
            note: Some("n".into()),
        },
    )
    .unwrap();
    assert!(!h.can_redo());
    assert_eq!(h.redo(&mut d), Ok(false));
}

#[test]
fn reanalyze_keeps_user_decisions() {
    let mut d = doc();
    let a = analysis();
    let mara = id_of(&d, "Mara Quist");
    let board = id_of(&d, "the Harbour Board");
    let tallinn = id_of(&d, "Tallinn");
    let monday = id_of(&d, "Monday");
    d.apply(Edit::SetStatus {
        id: mara,
        status: Status::Accepted,
    })
    .unwrap();
    d.apply(Edit::SetStatus {
        id: board,
        status: Status::Rejected,
    })
    .unwrap();
    d.apply(Edit::SetNote {
        id: monday,
        note: Some("which Monday?".into()),
    })
    .unwrap();
    let user = d
        .new_annotation(
            AnnotationKind::User,
            "STRUCTURE",
            find(TEXT, "pier"),
            Origin::User,
        )
        .unwrap();
    let user_id = user.id;
    d.apply(Edit::Add { annotation: user }).unwrap();

    // Same analysis: nothing changes at all.
    let before = d.clone();
    d.reanalyze(&a);
    assert_eq!(d, before);

    // A new analysis that no longer finds Tallinn, Monday or the board, and finds "pier".
    let mut b = a.clone();
    b.entities.retain(|e| {
        let t = TEXT;
        let s = apostil_core::text::offsets::slice_chars(t, e.span).unwrap();
        !matches!(s, "Tallinn" | "Monday" | "the Harbour Board")
    });
    b.entities
        .push(ent(TEXT, "the pier", EntityLabel::Fac, None));
    b.entities.sort_by_key(|e| e.span.start);
    d.reanalyze(&b);
    assert_eq!(d.get(mara).unwrap().status, Status::Accepted);
    assert_eq!(
        d.get(board).unwrap().status,
        Status::Rejected,
        "rejected stays rejected"
    );
    assert!(
        d.get(tallinn).is_none(),
        "stale untouched suggestion dropped"
    );
    assert_eq!(
        d.get(monday).unwrap().note.as_deref(),
        Some("which Monday?"),
        "notes kept"
    );
    assert!(d.get(user_id).is_some(), "user annotation kept");
    let pier = d
        .annotations
        .iter()
        .find(|x| x.exact == "the pier")
        .unwrap();
    assert_eq!(pier.status, Status::Suggested);
    assert_eq!(pier.label, "FAC");
    assert!(pier.id.0 < d.next_id);

    // Running the old analysis again does not re-suggest the rejected board.
    d.reanalyze(&a);
    let boards: Vec<_> = d
        .annotations
        .iter()
        .filter(|x| x.exact == "the Harbour Board")
        .collect();
    assert_eq!(boards.len(), 1);
    assert_eq!(boards[0].status, Status::Rejected);
    let ids: std::collections::HashSet<_> = d.annotations.iter().map(|x| x.id).collect();
    assert_eq!(ids.len(), d.annotations.len(), "ids unique");
}

#[test]
fn new_annotation_validates() {
    let mut d = doc();
    let next = d.next_id;
    assert_eq!(
        d.new_annotation(AnnotationKind::User, "X", Span::new(5, 500), Origin::User),
        Err(EditError::BadSpan {
            span: Span::new(5, 500),
            len: TEXT.chars().count()
        })
    );
    assert_eq!(d.next_id, next, "no id reserved on failure");
    let a = d
        .new_annotation(
            AnnotationKind::Entity,
            "GPE",
            find(TEXT, "Tallinn"),
            Origin::User,
        )
        .unwrap();
    assert_eq!(a.exact, "Tallinn");
    assert!(d.get(a.id).is_none(), "not added until applied");
    assert!(a.id.0 >= next);
}

// ---- property tests -------------------------------------------------------------------------

fn arb_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("a"),
            Just("Zoë "),
            Just("€"),
            Just("😀"),
            Just(" "),
            Just("\n"),
            Just("said "),
            Just("\""),
            Just("東京"),
        ],
        1..30,
    )
    .prop_map(|v| v.concat())
}

#[derive(Clone, Debug)]
enum Op {
    Add(usize, usize, u8),
    Delete(usize),
    Relabel(usize, u8),
    Resize(usize, usize, usize),
    Status(usize, u8),
    Note(usize, Option<u8>),
    Cluster(usize),
    Merge,
    Undo,
    Redo,
}

fn arb_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), any::<u8>()).prop_map(|(a, b, l)| Op::Add(a, b, l)),
        any::<usize>().prop_map(Op::Delete),
        (any::<usize>(), any::<u8>()).prop_map(|(a, l)| Op::Relabel(a, l)),
        (any::<usize>(), any::<usize>(), any::<usize>()).prop_map(|(a, b, c)| Op::Resize(a, b, c)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, s)| Op::Status(a, s)),
        (any::<usize>(), proptest::option::of(any::<u8>())).prop_map(|(a, n)| Op::Note(a, n)),
        any::<usize>().prop_map(Op::Cluster),
        Just(Op::Merge),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

fn pick(d: &Document, i: usize) -> AnnotationId {
    if d.annotations.is_empty() {
        AnnotationId(i as u64 % 5)
    } else {
        d.annotations[i % d.annotations.len()].id
    }
}

fn span_in(len: usize, a: usize, b: usize) -> Span {
    let s = a % (len + 2);
    Span::new(s, s + b % 6)
}

/// The document without its id counter (allocating ids moves it forward outside the history).
fn norm(d: &Document) -> Document {
    let mut d = d.clone();
    d.next_id = 0;
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Random edit sequences: every edit either fails without change or returns an inverse that
    /// restores the document exactly; undo and redo walk the same states back and forth.
    #[test]
    fn random_edits_undo_redo(text in arb_text(), ops in proptest::collection::vec(arb_op(), 1..25)) {
        let len = text.chars().count();
        let mut d = Document::new("p", text);
        let mut h = History::new();
        let labels = ["PERSON", "ORG", "QUOTE", "mine"];
        let mut states = vec![norm(&d)];
        let mut undone: Vec<Document> = Vec::new();
        for op in ops {
            let edit = match op {
                Op::Add(a, b, l) => {
                    match d.new_annotation(AnnotationKind::Entity, labels[l as usize % 4], span_in(len, a, b), Origin::User) {
                        Ok(ann) => Edit::Add { annotation: ann },
                        Err(_) => continue,
                    }
                }
                Op::Delete(i) => Edit::Delete { id: pick(&d, i) },
                Op::Relabel(i, l) => Edit::Relabel { id: pick(&d, i), label: labels[l as usize % 4].into() },
                Op::Resize(i, a, b) => Edit::Resize { id: pick(&d, i), span: span_in(len, a, b) },
                Op::Status(i, s) => Edit::SetStatus { id: pick(&d, i), status: [Status::Suggested, Status::Accepted, Status::Rejected][s as usize % 3] },
                Op::Note(i, n) => Edit::SetNote { id: pick(&d, i), note: n.map(|n| format!("note {n}")) },
                Op::Cluster(i) => {
                    let c = d.new_cluster("c", "PERSON");
                    Edit::Batch { edits: vec![Edit::AddCluster { cluster: c.clone() }, Edit::SetCluster { id: pick(&d, i), cluster: Some(c.id) }] }
                }
                Op::Merge => {
                    if d.clusters.len() < 2 { continue; }
                    Edit::MergeClusters { into: d.clusters[0].id, from: d.clusters[1].id }
                }
                Op::Undo => {
                    prop_assert_eq!(h.can_undo(), states.len() > 1);
                    if h.undo(&mut d).unwrap() {
                        undone.push(states.pop().unwrap());
                    }
                    prop_assert_eq!(norm(&d), states.last().unwrap().clone());
                    continue;
                }
                Op::Redo => {
                    prop_assert_eq!(h.can_redo(), !undone.is_empty());
                    if h.redo(&mut d).unwrap() {
                        states.push(undone.pop().unwrap());
                    }
                    prop_assert_eq!(norm(&d), states.last().unwrap().clone());
                    continue;
                }
            };
            let before = d.clone();
            let mut probe = d.clone();
            match probe.apply(edit.clone()) {
                Err(_) => {
                    prop_assert_eq!(&probe, &before);
                    prop_assert!(h.apply(&mut d, edit).is_err());
                    prop_assert_eq!(&d, &before);
                }
                Ok(inverse) => {
                    for a in &probe.annotations {
                        prop_assert_eq!(probe.slice(a.span), Some(a.exact.as_str()));
                    }
                    prop_assert!(probe.annotations.windows(2).all(|w| w[0].span.start <= w[1].span.start));
                    let mut back = probe.clone();
                    back.apply(inverse).unwrap();
                    prop_assert_eq!(&back, &before);
                    h.apply(&mut d, edit).unwrap();
                    prop_assert_eq!(&d, &probe);
                    states.push(norm(&d));
                    undone.clear();
                }
            }
        }
        while h.undo(&mut d).unwrap() {}
        prop_assert_eq!(norm(&d), states[0].clone());
    }
}

#[test]
fn lookups() {
    let d = doc();
    let at: Vec<&str> = d
        .annotations_at(find(TEXT, "Tallinn").start + 2)
        .map(|a| a.exact.as_str())
        .collect();
    assert_eq!(at, ["Tallinn"]);
    let within: Vec<&str> = d
        .annotations_in(find(TEXT, "Board in Tallinn on Monday"))
        .map(|a| a.exact.as_str())
        .collect();
    assert_eq!(within, ["the Harbour Board", "Tallinn", "Monday"]);
    assert_eq!(d.annotations_at(TEXT.chars().count() + 3).count(), 0);
    let c = d.clusters[0].id;
    assert_eq!(d.cluster_members(c).count(), 2);
    assert!(d.cluster_used(c));
}

const ARTICLE: &str = "Port deal signed\n\n\
TALLINN, May 4 — Estonia's port authority signed a €40 million deal with Baltic Cargo Lines \
on Thursday, chief executive Mara Quist said.\n\n\
\"This secures the harbour for a decade,\" Quist told reporters. \"We are not done,\" she added.\n\n\
The company, founded in 1998, employs 1,200 people.\n";

#[test]
fn real_analysis_round_trips_through_reanalysis() {
    let a = apostil_core::analyze(ARTICLE);
    let mut d = Document::from_analysis("port", ARTICLE, &a);
    for x in &d.annotations {
        assert_eq!(d.slice(x.span), Some(x.exact.as_str()));
        if let Some(c) = x.cluster {
            assert!(d.cluster(c).is_some());
        }
        if let Some(s) = &x.speaker {
            assert!(d.slice(s.span).is_some());
            if let Some(c) = s.cluster {
                assert!(d.cluster(c).is_some());
            }
        }
    }
    let before = d.clone();
    d.reanalyze(&a);
    assert_eq!(d, before, "re-running the same analysis changes nothing");
    // Reject everything, re-run: nothing comes back as a suggestion.
    let ids: Vec<_> = d.annotations.iter().map(|x| x.id).collect();
    for id in ids {
        d.apply(Edit::SetStatus {
            id,
            status: Status::Rejected,
        })
        .unwrap();
    }
    d.reanalyze(&a);
    assert_eq!(d.annotations.len(), before.annotations.len());
    assert!(d.annotations.iter().all(|x| x.status == Status::Rejected));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any text: the analysis makes a consistent document, and re-analysis is stable.
    #[test]
    fn from_analysis_is_consistent_on_any_text(text in "\\PC{0,120}") {
        let a = apostil_core::analyze(&text);
        let mut d = Document::from_analysis("any", text.as_str(), &a);
        for x in &d.annotations {
            prop_assert_eq!(d.slice(x.span), Some(x.exact.as_str()));
            prop_assert!(x.id.0 < d.next_id);
        }
        let before = d.clone();
        d.reanalyze(&a);
        prop_assert_eq!(d, before);
    }
}
