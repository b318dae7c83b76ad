//! Entity labels: the OntoNotes 5 set.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An OntoNotes entity type. Serialised as its upper-case name (`"PERSON"`, `"WORK_OF_ART"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityLabel {
    /// People, including fictional.
    Person,
    /// Nationalities, religious or political groups.
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: mountains, bodies of water, regions.
    Loc,
    /// Objects, vehicles, foods, software (not services).
    Product,
    /// Named hurricanes, battles, wars, sports events.
    Event,
    /// Titles of books, songs, series.
    WorkOfArt,
    /// Named documents made into laws.
    Law,
    /// Any named language.
    Language,
    /// Absolute or relative dates or periods.
    Date,
    /// Times smaller than a day.
    Time,
    /// Percentages.
    Percent,
    /// Monetary values.
    Money,
    /// Measurements, as of weight or distance.
    Quantity,
    /// "first", "second", …
    Ordinal,
    /// Numerals that fall under no other type.
    Cardinal,
}

impl EntityLabel {
    /// Every label, in display order.
    pub const ALL: [EntityLabel; 18] = [
        EntityLabel::Person,
        EntityLabel::Org,
        EntityLabel::Gpe,
        EntityLabel::Loc,
        EntityLabel::Norp,
        EntityLabel::Fac,
        EntityLabel::Event,
        EntityLabel::Product,
        EntityLabel::WorkOfArt,
        EntityLabel::Law,
        EntityLabel::Language,
        EntityLabel::Date,
        EntityLabel::Time,
        EntityLabel::Money,
        EntityLabel::Percent,
        EntityLabel::Quantity,
        EntityLabel::Ordinal,
        EntityLabel::Cardinal,
    ];

    /// The OntoNotes name, e.g. `"WORK_OF_ART"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Norp => "NORP",
            EntityLabel::Fac => "FAC",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Product => "PRODUCT",
            EntityLabel::Event => "EVENT",
            EntityLabel::WorkOfArt => "WORK_OF_ART",
            EntityLabel::Law => "LAW",
            EntityLabel::Language => "LANGUAGE",
            EntityLabel::Date => "DATE",
            EntityLabel::Time => "TIME",
            EntityLabel::Percent => "PERCENT",
            EntityLabel::Money => "MONEY",
            EntityLabel::Quantity => "QUANTITY",
            EntityLabel::Ordinal => "ORDINAL",
            EntityLabel::Cardinal => "CARDINAL",
        }
    }

    /// A short human description for legends and help.
    pub const fn description(self) -> &'static str {
        match self {
            EntityLabel::Person => "Person",
            EntityLabel::Norp => "Nationality, religious or political group",
            EntityLabel::Fac => "Facility: building, airport, road",
            EntityLabel::Org => "Organisation",
            EntityLabel::Gpe => "Country, city, state",
            EntityLabel::Loc => "Other location",
            EntityLabel::Product => "Product",
            EntityLabel::Event => "Event",
            EntityLabel::WorkOfArt => "Work of art",
            EntityLabel::Law => "Law",
            EntityLabel::Language => "Language",
            EntityLabel::Date => "Date",
            EntityLabel::Time => "Time",
            EntityLabel::Percent => "Percentage",
            EntityLabel::Money => "Money",
            EntityLabel::Quantity => "Quantity",
            EntityLabel::Ordinal => "Ordinal",
            EntityLabel::Cardinal => "Number",
        }
    }

    /// True for the name types (found by the name recogniser), false for the numeric ones
    /// (found by patterns).
    pub const fn is_name(self) -> bool {
        !matches!(
            self,
            EntityLabel::Date
                | EntityLabel::Time
                | EntityLabel::Percent
                | EntityLabel::Money
                | EntityLabel::Quantity
                | EntityLabel::Ordinal
                | EntityLabel::Cardinal
        )
    }
}

impl fmt::Display for EntityLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text was not one of the OntoNotes label names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown entity label {0:?}")]
pub struct UnknownLabel(pub String);

impl FromStr for EntityLabel {
    type Err = UnknownLabel;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EntityLabel::ALL
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownLabel(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in EntityLabel::ALL {
            assert_eq!(l.as_str().parse::<EntityLabel>().unwrap(), l);
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.as_str()));
        }
        assert!("PERSONS".parse::<EntityLabel>().is_err());
    }
}
