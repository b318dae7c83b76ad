//! The user's analysis settings, kept in `localStorage` on the page. A worker has no
//! `localStorage`: the page puts the settings in each [`crate::worker::Request`].

use apostil_core::Analysis;

/// `localStorage` key: "1" when relative dates ("last week", "recent years") count as DATE.
const RELATIVE_DATES: &str = "apostil.relative-dates";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// True when the user asked for relative dates and periods to be marked as DATE (OntoNotes
/// practice); false (the default) keeps news-wire practice: calendar dates only.
pub fn relative_dates() -> bool {
    local_storage()
        .and_then(|s| s.get_item(RELATIVE_DATES).ok()?)
        .is_some_and(|v| v == "1")
}

/// Remembers the relative-dates choice (best effort: a page without storage keeps the default).
pub fn set_relative_dates(on: bool) {
    if let Some(s) = local_storage() {
        let _ = s.set_item(RELATIVE_DATES, if on { "1" } else { "0" });
    }
}

/// Analyses `text` on the page with the user's settings.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(text, relative_dates())
}

/// Analyses `text` with explicit settings (the worker's path: no `localStorage` there).
pub fn analyze_with(text: &str, relative_dates: bool) -> Analysis {
    apostil_core::analysis::shared_analyzer(relative_dates).analyze(text)
}
