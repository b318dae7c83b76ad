//! The "relative dates" switch: news-wire practice marks only calendar dates as DATE; with it
//! on, relative dates and periods ("last week", "in recent years") are DATE too (OntoNotes).

use yew::prelude::*;

/// Props: what to do after the choice is stored (e.g. re-analyse the open document).
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called with the new value after it is saved.
    #[prop_or_default]
    pub on_change: Callback<bool>,
    /// Label text.
    pub label: AttrValue,
    /// The input's id (unique on the page).
    pub id: AttrValue,
}

/// A checkbox bound to [`crate::settings::relative_dates`].
#[function_component(RelativeDates)]
pub fn relative_dates(props: &Props) -> Html {
    let on = use_state(crate::settings::relative_dates);
    let onchange = {
        let on = on.clone();
        let after = props.on_change.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let value = input.checked();
            crate::settings::set_relative_dates(value);
            on.set(value);
            after.emit(value);
        })
    };
    html! {
        <label class="option" for={props.id.clone()} title="News wires mark only calendar dates; OntoNotes also marks relative dates and periods">
            <input type="checkbox" id={props.id.clone()} checked={*on} {onchange} />
            { props.label.clone() }
        </label>
    }
}
