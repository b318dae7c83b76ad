//! Apostil's page: a Yew app over the core.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <main><h1>{ "Apostil" }</h1></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
