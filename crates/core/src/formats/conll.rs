//! CoNLL / IOB: one token per line with its BIO tag (tab-separated), a blank line between
//! sentences.
//!
//! ```text
//! -DOCSTART-  O
//!
//! Mara  B-PERSON
//! Quist  I-PERSON
//! met  O
//! ```
//!
//! Tokens and sentences come from the core's tokenizer ([`crate::text::Prepared`]), so
//! clitics are split (`Quist` `'s`) as in the CoNLL corpora. Only entity annotations that are
//! not rejected are written (quotes and user labels are not names; BIO has no place for them).
//! A token belongs to an entity when they overlap. BIO cannot represent overlapping entities:
//! exporting a document with two overlapping entities fails with [`FormatError::Overlap`].
//!
//! Import reads two or more whitespace-separated columns (token first, tag last; `-DOCSTART-`
//! lines split documents; lines starting with `# ` are comments), accepts IOB1, IOB2 and
//! BIOES tags, and rebuilds the text by joining tokens with spaces and sentences with line
//! breaks — the original spacing is not in the file.

use crate::document::{Annotation, AnnotationId, AnnotationKind, Document, Origin, Status};
use crate::error::FormatError;
use crate::formats::validate;
use crate::label::EntityLabel;
use crate::span::Span;
use crate::text::Prepared;

const NAME: &str = "CoNLL";

/// One document as CoNLL lines, opened by a `-DOCSTART-` line.
pub fn export(doc: &Document) -> Result<String, FormatError> {
    let mut ents: Vec<&Annotation> = doc
        .annotations
        .iter()
        .filter(|a| a.kind == AnnotationKind::Entity && a.status != Status::Rejected)
        .collect();
    crate::sort::sort_by_key(&mut ents, |a| (a.span.start, a.span.end));
    for w in ents.windows(2) {
        if w[0].span.overlaps(w[1].span) {
            let d = |a: &Annotation| {
                format!(
                    "{} {:?} ({}..{})",
                    a.label, a.exact, a.span.start, a.span.end
                )
            };
            return Err(FormatError::Overlap {
                format: NAME,
                first: d(w[0]),
                second: d(w[1]),
            });
        }
    }
    let prepared = Prepared::new(&doc.text);
    let mut out = String::from("-DOCSTART-\tO\n\n");
    let mut e = 0;
    for sentence in &prepared.sentences {
        for i in sentence.tokens.clone() {
            let tok = prepared.tokens[i].span;
            while e < ents.len() && ents[e].span.end <= tok.start {
                e += 1;
            }
            let tag = match ents.get(e) {
                Some(a) if a.span.overlaps(tok) => {
                    let first = i == 0 || !a.span.overlaps(prepared.tokens[i - 1].span);
                    format!(
                        "{}-{}",
                        if first { "B" } else { "I" },
                        a.label.replace(char::is_whitespace, "_")
                    )
                }
                _ => "O".to_string(),
            };
            out.push_str(prepared.slice(tok));
            out.push('\t');
            out.push_str(&tag);
            out.push('\n');
        }
        out.push('\n');
    }
    Ok(out)
}

struct Builder {
    docs: Vec<Document>,
    text: String,
    len: usize,
    sentence_open: bool,
    spans: Vec<(Span, String)>,
    open: Option<(usize, usize, String)>,
}

impl Builder {
    fn close_entity(&mut self) {
        if let Some((s, e, label)) = self.open.take() {
            self.spans.push((Span::new(s, e), label));
        }
    }

    fn end_sentence(&mut self) {
        self.close_entity();
        self.sentence_open = false;
    }

    fn finish(&mut self) -> Result<(), FormatError> {
        self.end_sentence();
        if self.text.is_empty() && self.spans.is_empty() {
            return Ok(());
        }
        let n = self.docs.len() + 1;
        let text = std::mem::take(&mut self.text);
        let mut doc = Document::new(format!("conll-{n}"), text);
        for (i, (span, label)) in std::mem::take(&mut self.spans).into_iter().enumerate() {
            let kind = if label.parse::<EntityLabel>().is_ok() {
                AnnotationKind::Entity
            } else {
                AnnotationKind::User
            };
            let exact = doc.slice(span).unwrap_or_default().to_string();
            doc.annotations.push(Annotation {
                id: AnnotationId(i as u64 + 1),
                kind,
                label,
                span,
                exact,
                origin: Origin::User,
                status: Status::Accepted,
                note: None,
                cluster: None,
                speaker: None,
                quote_kind: None,
            });
        }
        doc.next_id = doc.annotations.len() as u64 + 1;
        validate(&mut doc)?;
        self.docs.push(doc);
        self.len = 0;
        Ok(())
    }
}

/// Reads CoNLL/IOB documents.
pub fn import(input: &str) -> Result<Vec<Document>, FormatError> {
    let mut b = Builder {
        docs: Vec::new(),
        text: String::new(),
        len: 0,
        sentence_open: false,
        spans: Vec::new(),
        open: None,
    };
    for (n, line) in input.lines().enumerate() {
        let lineno = n + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            b.end_sentence();
            continue;
        }
        if line.starts_with("# ") || line == "#" {
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            b.finish()?;
            continue;
        }
        if cols.len() < 2 {
            return Err(FormatError::Syntax {
                format: NAME,
                line: lineno,
                message: format!("expected a token and a tag, found {line:?}"),
            });
        }
        let token = cols[0];
        let tag = cols[cols.len() - 1];
        let (prefix, label) = if tag == "O" {
            ("O", "")
        } else {
            tag.split_once('-')
                .filter(|(p, l)| !l.is_empty() && matches!(*p, "B" | "I" | "E" | "S"))
                .ok_or_else(|| FormatError::Syntax {
                    format: NAME,
                    line: lineno,
                    message: format!("{tag:?} is not a BIO tag (O, B-X, I-X, E-X, S-X)"),
                })?
        };
        if b.sentence_open {
            b.text.push(' ');
            b.len += 1;
        } else if !b.text.is_empty() {
            b.text.push('\n');
            b.len += 1;
        }
        b.sentence_open = true;
        let start = b.len;
        b.text.push_str(token);
        b.len += token.chars().count();
        let end = b.len;
        match prefix {
            "O" => b.close_entity(),
            "B" | "S" => {
                b.close_entity();
                b.open = Some((start, end, label.to_string()));
            }
            _ => match &mut b.open {
                Some((_, e, l)) if l == label => *e = end,
                _ => {
                    b.close_entity();
                    b.open = Some((start, end, label.to_string()));
                }
            },
        }
        if matches!(prefix, "E" | "S") {
            b.close_entity();
        }
    }
    b.finish()?;
    Ok(b.docs)
}
