//! One component per file.

pub mod app;
pub mod article;
pub mod chart;
pub mod entities;
pub mod help;
pub mod import;
pub mod inspector;
pub mod intake;
pub mod legend;
pub mod library;
pub mod notices;
pub mod paragraph;
pub mod progress;
pub mod quotes;
pub mod relative_dates;
pub mod toolbar;
