//! Test helpers shared by the name modules' tests.

use crate::entities::NameRecognizer;
use crate::entities::names::DefaultNames;
use crate::text::Prepared;

/// The default recogniser's mentions of `text`: (exact text, label).
pub fn names(text: &str) -> Vec<(String, &'static str)> {
    let doc = Prepared::new(text);
    DefaultNames::default()
        .recognize(&doc)
        .iter()
        .map(|e| (doc.slice(e.span).to_string(), e.label.as_str()))
        .collect()
}

/// A sentence, mentions that must be found, and (string, label) pairs that must not be
/// mentions ("" = with any label).
pub type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [(&'a str, &'a str)]);

/// Checks every [`Case`].
pub fn check(cases: &[Case<'_>]) {
    for (text, want, not) in cases {
        let found = names(text);
        for (s, l) in *want {
            assert!(
                found.iter().any(|(a, b)| a == s && b == l),
                "{text}: want {s} {l}, got {found:?}"
            );
        }
        for (s, l) in *not {
            assert!(
                !found
                    .iter()
                    .any(|(a, b)| a == s && (l.is_empty() || b == l)),
                "{text}: did not want {s} {l}, got {found:?}"
            );
        }
    }
}
