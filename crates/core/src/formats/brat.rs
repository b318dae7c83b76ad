//! brat standoff (<https://brat.nlplab.org/standoff.html>): the text in `.txt`, the annotations
//! in `.ann`.
//!
//! Offsets are character offsets of the `.txt` as a Python string, that is Unicode code points,
//! end-exclusive — the same as Apostil's spans.
//!
//! What is written (columns are separated by tabs, shown here as two spaces):
//!
//! ```text
//! T7  PERSON 0 10  Mara Quist          (annotation 7; the T number is the Apostil id)
//! T9  QUOTE 56 82  We will not sell the pier,
//! #1  AnnotatorNotes T7  chair since 2019
//! R1  Speaker Arg1:T9 Arg2:T8          (quote T9 was said by T8)
//! A1  Status T7 Suggested              (only when not Accepted)
//! A2  Origin T9 Auto                   (only when the status does not imply it)
//! A3  QuoteKind T9 Scare               (only for scare quotes)
//! *  Coref T7 T8                      (annotations of one cluster, two or more)
//! ```
//!
//! - A label with white space gets `_` for it (brat types are single words).
//! - A span that crosses a line break is written as fragments (`0 5;6 10`), as brat does; its
//!   text field joins the fragments with a space. Read back, the fragments' cover is the span.
//! - A speaker mention that is no annotation gets a `Speaker` T line of its own.
//! - Notes lose line breaks and tabs (brat lines cannot hold them).
//! - Cluster names and single-member clusters are not represented.
//!
//! The origin is implied by the status: suggestions are [`Origin::Auto`], decided annotations
//! [`Origin::User`]; an `Origin` attribute is written only for the exceptions (an accepted or
//! rejected suggestion of the analyser). Rejected annotations are written too, with their status,
//! so nothing is lost; drop them before export if the file is meant as a gold standard.
//!
//! Import defaults what the `.ann` does not say to [`Origin::User`] and [`Status::Accepted`];
//! a label that is an OntoNotes name makes an entity, `QUOTE` a quote, any other a user
//! annotation. Event (`E`), normalisation (`N`) and unknown lines are skipped.

use crate::document::{
    Annotation, AnnotationId, AnnotationKind, ClusterId, ClusterInfo, Document, Origin,
    QUOTE_LABEL, SpeakerLink, Status,
};
use crate::error::FormatError;
use crate::formats::{check_span, validate};
use crate::label::EntityLabel;
use crate::quotes::QuoteKind;
use crate::span::Span;
use crate::text::offsets::CharMap;
use std::collections::HashMap;
use std::fmt::Write;

const NAME: &str = "brat";

fn brat_type(label: &str) -> String {
    let t: String = label
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if t.is_empty() { "Entity".into() } else { t }
}

fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The fragments of a span split at line breaks, and the brat text field for them.
fn fragments(text: &str, map: &CharMap, span: Span) -> (Vec<Span>, String) {
    let s = map.slice(text, span);
    let mut frags = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.chars().enumerate() {
        let pos = span.start + i;
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
            if let Some(st) = start.take() {
                frags.push(Span::new(st, pos));
            }
        } else if start.is_none() {
            start = Some(pos);
        }
    }
    if let Some(st) = start {
        frags.push(Span::new(st, span.end));
    }
    if frags.is_empty() {
        return (vec![span], one_line(s));
    }
    // Line breaks at the very start or end stay inside the outer fragments, so the cover of
    // the fragments is the span.
    frags[0].start = span.start;
    let last = frags.len() - 1;
    frags[last].end = span.end;
    let field = frags
        .iter()
        .map(|f| map.slice(text, *f))
        .collect::<Vec<_>>()
        .join(" ");
    (frags, field)
}

fn t_line(out: &mut String, text: &str, map: &CharMap, id: u64, ty: &str, span: Span) {
    let (frags, field) = fragments(text, map, span);
    let offsets = frags
        .iter()
        .map(|f| format!("{} {}", f.start, f.end))
        .collect::<Vec<_>>()
        .join(";");
    let _ = writeln!(out, "T{id}\t{ty} {offsets}\t{}", one_line(&field));
}

/// The `.txt` (the text unchanged) and `.ann` of one document.
pub fn export(doc: &Document) -> Result<(String, String), FormatError> {
    let map = CharMap::new(&doc.text);
    let text = &doc.text;
    let mut ann = String::new();
    for a in &doc.annotations {
        t_line(&mut ann, text, &map, a.id.0, &brat_type(&a.label), a.span);
    }
    // Speaker mentions that are no annotation get a T line of their own.
    let mut extra_id = doc
        .annotations
        .iter()
        .map(|a| a.id.0)
        .chain(doc.clusters.iter().map(|c| c.id.0))
        .max()
        .unwrap_or(0)
        .max(doc.next_id);
    let mut speaker_t: HashMap<Span, u64> = HashMap::new();
    let mut relations = Vec::new();
    for a in &doc.annotations {
        let Some(s) = &a.speaker else { continue };
        let t = match doc
            .annotations
            .iter()
            .find(|b| b.span == s.span && b.kind != AnnotationKind::Quote)
        {
            Some(b) => b.id.0,
            None => *speaker_t.entry(s.span).or_insert_with(|| {
                extra_id += 1;
                t_line(&mut ann, text, &map, extra_id, "Speaker", s.span);
                extra_id
            }),
        };
        relations.push((a.id.0, t));
    }
    for (n, (quote, speaker)) in relations.iter().enumerate() {
        let _ = writeln!(ann, "R{}\tSpeaker Arg1:T{quote} Arg2:T{speaker}", n + 1);
    }
    let mut notes = 0;
    let mut attrs = 0;
    for a in &doc.annotations {
        if let Some(note) = &a.note {
            notes += 1;
            let _ = writeln!(
                ann,
                "#{notes}\tAnnotatorNotes T{}\t{}",
                a.id.0,
                one_line(note)
            );
        }
        let status = match a.status {
            Status::Accepted => None,
            Status::Suggested => Some("Suggested"),
            Status::Rejected => Some("Rejected"),
        };
        let mut attr = |name: &str, value: &str| {
            attrs += 1;
            let _ = writeln!(ann, "A{attrs}\t{name} T{} {value}", a.id.0);
        };
        if let Some(s) = status {
            attr("Status", s);
        }
        // Origin is written only when it is not the one the status implies (suggestions come
        // from the analyser, decisions from the user).
        let implied = if a.status == Status::Suggested {
            Origin::Auto
        } else {
            Origin::User
        };
        if a.origin != implied {
            attr(
                "Origin",
                if a.origin == Origin::Auto {
                    "Auto"
                } else {
                    "User"
                },
            );
        }
        if a.quote_kind == Some(QuoteKind::Scare) {
            attr("QuoteKind", "Scare");
        }
    }
    for c in &doc.clusters {
        let members: Vec<String> = doc
            .annotations
            .iter()
            .filter(|a| a.cluster == Some(c.id))
            .map(|a| format!("T{}", a.id.0))
            .collect();
        if members.len() >= 2 {
            let _ = writeln!(ann, "*\tCoref {}", members.join(" "));
        }
    }
    Ok((doc.text.clone(), ann))
}

/// A brat `annotation.conf` declaring every type, relation and attribute the documents use,
/// so brat opens the export without warnings.
pub fn annotation_conf(docs: &[Document]) -> String {
    let mut types: Vec<String> = docs
        .iter()
        .flat_map(|d| d.annotations.iter().map(|a| brat_type(&a.label)))
        .collect();
    if docs
        .iter()
        .flat_map(|d| &d.annotations)
        .any(|a| a.speaker.is_some())
    {
        types.push("Speaker".into());
    }
    crate::sort::sort(&mut types);
    types.dedup();
    let mut out = String::from("[entities]\n");
    for t in &types {
        out.push_str(t);
        out.push('\n');
    }
    out.push_str("\n[relations]\nSpeaker\tArg1:<ENTITY>, Arg2:<ENTITY>\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\nCoref\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive\n");
    out.push_str("\n[events]\n\n[attributes]\nStatus\tArg:<ENTITY>, Value:Suggested|Accepted|Rejected\nOrigin\tArg:<ENTITY>, Value:Auto|User\nQuoteKind\tArg:<ENTITY>, Value:Direct|Scare\n");
    out
}

/// Reads a `.txt` and its `.ann` into a document with id `"document"`.
pub fn import(txt: &str, ann: &str) -> Result<Document, FormatError> {
    import_named("document", txt, ann)
}

fn syntax(line: usize, message: impl Into<String>) -> FormatError {
    FormatError::Syntax {
        format: NAME,
        line,
        message: message.into(),
    }
}

struct TLine {
    ty: String,
    span: Span,
}

/// Reads a `.txt` and its `.ann` into a document with id `id`.
pub fn import_named(id: &str, txt: &str, ann: &str) -> Result<Document, FormatError> {
    let mut doc = Document::new(id, txt);
    let map = CharMap::new(&doc.text);
    let len = map.len_chars();
    let mut ts: HashMap<String, TLine> = HashMap::new();
    let mut t_order: Vec<String> = Vec::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut speakers: Vec<(String, String, usize)> = Vec::new();
    let mut attrs: Vec<(String, String, String)> = Vec::new();
    let mut corefs: Vec<Vec<String>> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let lineno = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let key = cols.next().unwrap_or("");
        let mid = cols.next().unwrap_or("");
        let rest = cols.next();
        match key.chars().next() {
            Some('T') => {
                let (ty, offs) = mid
                    .split_once(' ')
                    .ok_or_else(|| syntax(lineno, format!("{key}: expected \"TYPE START END\"")))?;
                let mut cover: Option<Span> = None;
                let mut frags = Vec::new();
                for frag in offs.split(';') {
                    let mut it = frag.split_whitespace();
                    let (Some(a), Some(b), None) = (it.next(), it.next(), it.next()) else {
                        return Err(syntax(lineno, format!("{key}: bad offsets {frag:?}")));
                    };
                    let num = |s: &str| {
                        s.parse::<usize>().map_err(|_| {
                            syntax(
                                lineno,
                                format!("{key}: offset {s:?} is not a character index"),
                            )
                        })
                    };
                    let span = Span {
                        start: num(a)?,
                        end: num(b)?,
                    };
                    check_span(&format!("line {lineno}, {key}"), span, len)?;
                    frags.push(span);
                    cover = Some(cover.map_or(span, |c| c.cover(span)));
                }
                let span = cover.ok_or_else(|| syntax(lineno, format!("{key}: no offsets")))?;
                if let Some(field) = rest {
                    let expected = frags
                        .iter()
                        .map(|f| map.slice(&doc.text, *f))
                        .collect::<Vec<_>>()
                        .join(" ");
                    if one_line(&expected) != field {
                        return Err(FormatError::ExactMismatch {
                            what: format!("line {lineno}, {key}"),
                            span,
                            expected: field.to_string(),
                            found: expected,
                        });
                    }
                }
                if ts.contains_key(key) {
                    return Err(syntax(lineno, format!("{key} is defined twice")));
                }
                t_order.push(key.to_string());
                ts.insert(
                    key.to_string(),
                    TLine {
                        ty: ty.to_string(),
                        span,
                    },
                );
            }
            Some('#') => {
                let mut it = mid.split_whitespace();
                if it.next() == Some("AnnotatorNotes") {
                    let target = it
                        .next()
                        .ok_or_else(|| syntax(lineno, "AnnotatorNotes without a target"))?;
                    notes.push((target.to_string(), rest.unwrap_or("").to_string()));
                }
            }
            Some('R') => {
                let mut it = mid.split_whitespace();
                let ty = it.next().unwrap_or("");
                let mut a1 = None;
                let mut a2 = None;
                for arg in it {
                    if let Some(v) = arg.strip_prefix("Arg1:") {
                        a1 = Some(v.to_string());
                    } else if let Some(v) = arg.strip_prefix("Arg2:") {
                        a2 = Some(v.to_string());
                    }
                }
                if ty == "Speaker" {
                    let (Some(q), Some(s)) = (a1, a2) else {
                        return Err(syntax(
                            lineno,
                            format!("{key}: Speaker needs Arg1 and Arg2"),
                        ));
                    };
                    speakers.push((q, s, lineno));
                }
            }
            Some('A') | Some('M') => {
                let mut it = mid.split_whitespace();
                if let (Some(name), Some(target)) = (it.next(), it.next()) {
                    attrs.push((
                        name.to_string(),
                        target.to_string(),
                        it.next().unwrap_or("true").to_string(),
                    ));
                }
            }
            Some('*') => {
                let mut it = mid.split_whitespace();
                let _ty = it.next();
                corefs.push(it.map(String::from).collect());
            }
            _ => {}
        }
    }
    let speaker_only: std::collections::HashSet<&str> = speakers
        .iter()
        .map(|(_, s, _)| s.as_str())
        .filter(|s| ts.get(*s).is_some_and(|t| t.ty == "Speaker"))
        .collect();
    // Annotation ids: the T number when it is a unique positive number, otherwise fresh.
    let mut ids: HashMap<String, AnnotationId> = HashMap::new();
    let mut used = std::collections::HashSet::new();
    for key in &t_order {
        if speaker_only.contains(key.as_str()) {
            continue;
        }
        if let Some(n) = key[1..].parse::<u64>().ok().filter(|&n| n > 0) {
            used.insert(n);
            ids.insert(key.clone(), AnnotationId(n));
        }
    }
    let mut next = used.iter().max().copied().unwrap_or(0) + 1;
    for key in &t_order {
        if speaker_only.contains(key.as_str()) || ids.contains_key(key) {
            continue;
        }
        ids.insert(key.clone(), AnnotationId(next));
        next += 1;
    }
    for key in &t_order {
        let Some(&id) = ids.get(key) else { continue };
        let t = &ts[key];
        let kind = if t.ty == QUOTE_LABEL {
            AnnotationKind::Quote
        } else if t.ty.parse::<EntityLabel>().is_ok() {
            AnnotationKind::Entity
        } else {
            AnnotationKind::User
        };
        doc.annotations.push(Annotation {
            id,
            kind,
            label: t.ty.clone(),
            span: t.span,
            exact: map.slice(&doc.text, t.span).to_string(),
            origin: Origin::User,
            status: Status::Accepted,
            note: None,
            cluster: None,
            speaker: None,
            quote_kind: (kind == AnnotationKind::Quote).then_some(QuoteKind::Direct),
        });
    }
    let index: HashMap<AnnotationId, usize> = doc
        .annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let find = |key: &str, what: &str| -> Result<usize, FormatError> {
        ids.get(key)
            .and_then(|id| index.get(id).copied())
            .ok_or_else(|| FormatError::DanglingReference {
                what: what.to_string(),
                target: key.to_string(),
            })
    };
    for (target, note) in notes {
        let i = find(&target, "AnnotatorNotes")?;
        let a = &mut doc.annotations[i];
        a.note = Some(match a.note.take() {
            Some(old) => format!("{old}\n{note}"),
            None => note,
        });
    }
    for (q, s, line) in speakers {
        let what = format!("line {line}, Speaker");
        let qi = find(&q, &what)?;
        let span = ts
            .get(&s)
            .map(|t| t.span)
            .ok_or_else(|| FormatError::DanglingReference {
                what: what.clone(),
                target: s.clone(),
            })?;
        doc.annotations[qi].speaker = Some(SpeakerLink {
            span,
            cluster: None,
        });
    }
    // Status first (it implies the origin), then the rest.
    crate::sort::sort_by_key(&mut attrs, |(name, _, _)| name != "Status");
    for (name, target, value) in attrs {
        let i = find(&target, &format!("attribute {name}"))?;
        let a = &mut doc.annotations[i];
        match (name.as_str(), value.as_str()) {
            ("Status", "Suggested") => {
                a.status = Status::Suggested;
                a.origin = Origin::Auto;
            }
            ("Status", "Rejected") => a.status = Status::Rejected,
            ("Status", "Accepted") => a.status = Status::Accepted,
            ("Origin", "Auto") => a.origin = Origin::Auto,
            ("Origin", "User") => a.origin = Origin::User,
            ("QuoteKind", "Scare") => a.quote_kind = Some(QuoteKind::Scare),
            ("QuoteKind", "Direct") => a.quote_kind = Some(QuoteKind::Direct),
            _ => {}
        }
    }
    let mut next_id = next.max(
        doc.annotations
            .iter()
            .map(|a| a.id.0 + 1)
            .max()
            .unwrap_or(1),
    );
    for group in corefs {
        let members = group
            .iter()
            .map(|k| find(k, "Coref"))
            .collect::<Result<Vec<_>, _>>()?;
        let Some(&first) = members.first() else {
            continue;
        };
        let id = ClusterId(next_id);
        next_id += 1;
        let f = &doc.annotations[first];
        doc.clusters.push(ClusterInfo {
            id,
            canonical: f.exact.clone(),
            label: f.label.clone(),
        });
        for i in members {
            doc.annotations[i].cluster = Some(id);
        }
    }
    // A speaker that is an annotation of a cluster belongs to that cluster.
    let spans: HashMap<Span, ClusterId> = doc
        .annotations
        .iter()
        .filter_map(|a| a.cluster.map(|c| (a.span, c)))
        .collect();
    for a in &mut doc.annotations {
        if let Some(s) = &mut a.speaker {
            s.cluster = spans.get(&s.span).copied();
        }
    }
    doc.next_id = next_id;
    validate(&mut doc)?;
    Ok(doc)
}
