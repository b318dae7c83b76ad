//! Typed errors. Each names what is wrong so the page and the CLI can say it plainly.

use crate::document::{AnnotationId, ClusterId};
use crate::span::Span;

/// An edit could not be applied; the document is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No annotation has this id.
    #[error("no annotation with id {0:?}")]
    NoSuchAnnotation(AnnotationId),
    /// No cluster has this id.
    #[error("no cluster with id {0:?}")]
    NoSuchCluster(ClusterId),
    /// The id is already used.
    #[error("id {0} is already used")]
    DuplicateId(u64),
    /// The span is empty or reaches past the end of the text.
    #[error("span {start}..{end} is empty or outside the text of {len} characters", start = .span.start, end = .span.end)]
    BadSpan {
        /// The span.
        span: Span,
        /// Text length in code points.
        len: usize,
    },
    /// A label was empty.
    #[error("a label cannot be empty")]
    EmptyLabel,
    /// A cluster still has members (annotations or speakers) and cannot be removed.
    #[error("cluster {0:?} still has members; move or clear them first")]
    ClusterNotEmpty(ClusterId),
    /// A cluster cannot be merged into itself.
    #[error("cannot merge cluster {0:?} into itself")]
    SameCluster(ClusterId),
}

/// Import or export failed; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The input is not valid JSON (or not the expected shape).
    #[error("line {line}: not valid {format}: {message}")]
    Syntax {
        /// The format being read.
        format: &'static str,
        /// 1-based line.
        line: usize,
        /// What the parser said.
        message: String,
    },
    /// A document of a schema version this build does not know.
    #[error(
        "this file is Apostil JSON version {found}; this version of Apostil reads versions up to {supported}. Update Apostil to open it."
    )]
    UnsupportedVersion {
        /// The version in the file.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// A span lies outside the text or is empty.
    #[error("{what}: span {start}..{end} is outside the text of {len} characters", start = .span.start, end = .span.end)]
    SpanOutsideText {
        /// Which annotation or field.
        what: String,
        /// The span.
        span: Span,
        /// Text length in code points.
        len: usize,
    },
    /// The stored text hash does not match the text.
    #[error(
        "the text does not match its hash (expected {expected}, found {found}); the file was edited or is damaged"
    )]
    HashMismatch {
        /// The hash in the file.
        expected: String,
        /// The hash of the text.
        found: String,
    },
    /// The `exact` text does not match the text at the span.
    #[error("{what}: the text at {start}..{end} is {found:?}, not {expected:?}", start = .span.start, end = .span.end)]
    ExactMismatch {
        /// Which annotation.
        what: String,
        /// The span.
        span: Span,
        /// The exact text in the file.
        expected: String,
        /// The text at the span.
        found: String,
    },
    /// Two spans overlap where the format does not allow it.
    #[error("{first} and {second} overlap, which {format} cannot represent")]
    Overlap {
        /// The format.
        format: &'static str,
        /// One span, described.
        first: String,
        /// The other span, described.
        second: String,
    },
    /// A span is empty or its end lies before its start.
    #[error("{what}: span {start}..{end} is empty", start = .span.start, end = .span.end)]
    EmptySpan {
        /// Which annotation or field.
        what: String,
        /// The span.
        span: Span,
    },
    /// Two things share an id that must be unique.
    #[error("{what}: id {id} is used twice")]
    DuplicateId {
        /// What kind of thing.
        what: &'static str,
        /// The id.
        id: u64,
    },
    /// A reference points at nothing.
    #[error("{what} refers to {target}, which does not exist")]
    DanglingReference {
        /// What refers.
        what: String,
        /// What it refers to.
        target: String,
    },
    /// The format cannot be read (import) or written (export) in this way.
    #[error("{format} cannot be {action}: {reason}")]
    Unsupported {
        /// The format.
        format: &'static str,
        /// "imported" or "exported".
        action: &'static str,
        /// Why, and what to do instead.
        reason: String,
    },
    /// Something required is missing or invalid.
    #[error("{0}")]
    Invalid(String),
}
