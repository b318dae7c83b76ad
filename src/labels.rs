//! Label appearance: a colour-blind-safe palette (Okabe–Ito) plus a letter badge per label,
//! so colour is never the only signal.

use apostil_core::EntityLabel;
use serde::{Deserialize, Serialize};

/// A label the user made, with its colour. Kept per library.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomLabel {
    /// Its name (upper case by convention).
    pub name: String,
    /// A CSS colour, `#rrggbb`.
    pub color: String,
}

/// The Okabe–Ito palette (plus two greys), safe for the common colour-vision deficiencies.
pub const OKABE_ITO: [&str; 9] = [
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    "#6B6B6B",
];

/// Colour of a built-in label.
pub fn color(label: &str) -> &'static str {
    match label.parse::<EntityLabel>() {
        Ok(EntityLabel::Person) => OKABE_ITO[0],
        Ok(EntityLabel::Org) => OKABE_ITO[1],
        Ok(EntityLabel::Gpe) => OKABE_ITO[2],
        Ok(EntityLabel::Loc) => OKABE_ITO[2],
        Ok(EntityLabel::Fac) => OKABE_ITO[2],
        Ok(EntityLabel::Norp) => OKABE_ITO[6],
        Ok(EntityLabel::Date) | Ok(EntityLabel::Time) => OKABE_ITO[3],
        Ok(EntityLabel::Money) | Ok(EntityLabel::Percent) => OKABE_ITO[5],
        Ok(EntityLabel::Event) | Ok(EntityLabel::Law) | Ok(EntityLabel::WorkOfArt) => OKABE_ITO[4],
        Ok(_) => OKABE_ITO[7],
        Err(_) => OKABE_ITO[8],
    }
}

/// The colour for any label, custom ones included.
pub fn color_of(label: &str, custom: &[CustomLabel]) -> String {
    custom
        .iter()
        .find(|c| c.name == label)
        .map(|c| c.color.clone())
        .unwrap_or_else(|| color(label).to_string())
}

/// The short badge shown before a highlight.
pub fn badge(label: &str) -> String {
    match label.parse::<EntityLabel>() {
        Ok(l) => match l {
            EntityLabel::Person => "P",
            EntityLabel::Org => "O",
            EntityLabel::Gpe => "G",
            EntityLabel::Loc => "L",
            EntityLabel::Norp => "N",
            EntityLabel::Fac => "F",
            EntityLabel::Event => "E",
            EntityLabel::Product => "Pr",
            EntityLabel::WorkOfArt => "W",
            EntityLabel::Law => "Lw",
            EntityLabel::Language => "La",
            EntityLabel::Date => "D",
            EntityLabel::Time => "T",
            EntityLabel::Money => "$",
            EntityLabel::Percent => "%",
            EntityLabel::Quantity => "Q",
            EntityLabel::Ordinal => "#",
            EntityLabel::Cardinal => "C",
        }
        .to_string(),
        Err(_) if label == "QUOTE" => "“".into(),
        Err(_) => label.chars().take(2).collect(),
    }
}

/// A human description of a label.
pub fn describe(label: &str) -> String {
    match label.parse::<EntityLabel>() {
        Ok(l) => l.description().to_string(),
        Err(_) if label == "QUOTE" => "Quotation".into(),
        Err(_) => format!("Custom label {label}"),
    }
}

/// Every label the user can pick, the common ones first (number keys 1–9 pick these), then custom ones.
pub fn all_labels(custom: &[CustomLabel]) -> Vec<String> {
    use EntityLabel::*;
    let first = [Person, Org, Gpe, Loc, Norp, Date, Money, Percent, Event];
    first
        .iter()
        .chain(EntityLabel::ALL.iter().filter(|l| !first.contains(l)))
        .map(|l| l.as_str().to_string())
        .chain(custom.iter().map(|c| c.name.clone()))
        .collect()
}

/// The next colour for a new custom label.
pub fn next_custom_color(custom: &[CustomLabel]) -> String {
    OKABE_ITO[custom.len() % OKABE_ITO.len()].to_string()
}
