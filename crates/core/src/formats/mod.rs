//! Exchange formats: Apostil JSON, W3C Web Annotation, brat, CoNLL/IOB, CSV, spaCy-style JSONL.

use serde::{Deserialize, Serialize};

/// A format Apostil reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Apostil's own JSON (lossless).
    Apostil,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// brat standoff (.txt + .ann).
    Brat,
    /// CoNLL / IOB tokens.
    Conll,
    /// CSV, one row per annotation.
    Csv,
    /// spaCy-style JSONL.
    Jsonl,
}
