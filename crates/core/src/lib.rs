//! Apostil's core: everything the annotator knows, with no web dependencies.
//!
//! The data flow (see `DESIGN.md` at the repository root):
//!
//! ```text
//! pasted text ─▶ text::intake (paragraphs, junk regions, metadata)
//!             ─▶ text::token + text::sentence (tokens and sentences, code-point spans)
//!             ─▶ entities::patterns (DATE, MONEY, …) + entities::names (PERSON, ORG, …)
//!             ─▶ clusters (mentions of the same thing)
//!             ─▶ quotes (quotations, their kind, their speaker)
//!             ─▶ Analysis ─▶ document::Document (annotations the user edits) ─▶ formats
//! ```
//!
//! Every public offset is a [`Span`] of Unicode code points, end-exclusive. Conversion to
//! UTF-8 bytes or UTF-16 units happens only in [`text::offsets`].
#![deny(missing_docs)]

pub mod analysis;
pub mod clusters;
pub mod document;
pub mod edit;
pub mod entities;
pub mod error;
pub mod formats;
pub mod label;
pub mod pack;
pub mod quotes;
pub mod sort;
pub mod span;
pub mod text;

pub use analysis::{Analysis, Analyzer, analyze};
pub use document::{Annotation, AnnotationId, AnnotationKind, Document, Origin, Status};
pub use edit::{Edit, History};
pub use error::{EditError, FormatError};
pub use label::EntityLabel;
pub use span::Span;
