//! Names: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE.

use super::{Entity, NameRecognizer};
use crate::text::Prepared;

/// The default name recogniser.
#[derive(Debug, Default)]
pub struct DefaultNames;

impl NameRecognizer for DefaultNames {
    fn recognize(&self, _doc: &Prepared<'_>) -> Vec<Entity> {
        Vec::new()
    }
}
