//! A small SVG chart drawn by the app: most quoted speakers and most mentioned entities.

use crate::components::entities::groups_of;
use crate::components::quotes::by_speaker;
use crate::hooks::Ctx;
use crate::labels;
use crate::text::fixed;
use yew::prelude::*;

fn bars(title: &str, rows: &[(String, usize, String)], y0: f64) -> (Html, f64) {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1) as f64;
    let mut y = y0;
    let head = html! { <text x="0" y={fixed(y + 12.0, 0)} class="chart-title">{ title.to_string() }</text> };
    y += 20.0;
    let mut items = Vec::new();
    for (name, n, color) in rows {
        let w = 150.0 * (*n as f64) / max;
        let short: String = if name.chars().count() > 18 {
            name.chars().take(17).chain("…".chars()).collect()
        } else {
            name.clone()
        };
        items.push(html! {
            <g>
                <title>{ format!("{name}: {n}") }</title>
                <text x="0" y={fixed(y + 11.0, 0)} class="chart-label">{ short }</text>
                <rect x="120" y={fixed(y, 0)} width={fixed(w, 1)} height="14" rx="2" fill={color.clone()} />
                <text x={fixed(124.0 + w, 1)} y={fixed(y + 11.0, 0)} class="chart-value">{ n.to_string() }</text>
            </g>
        });
        y += 20.0;
    }
    if rows.is_empty() {
        items.push(
            html! { <text x="0" y={fixed(y + 11.0, 0)} class="chart-label">{ "none yet" }</text> },
        );
        y += 20.0;
    }
    (html! { <>{ head }{ for items }</> }, y + 8.0)
}

/// The chart panel.
#[function_component(Chart)]
pub fn chart() -> Html {
    let ctx = use_context::<Ctx>().expect("ctx");
    let state = &ctx.state;
    let Some(doc) = &state.doc else {
        return html! {};
    };
    // Counted again only when the document or the filter changed.
    let rows = {
        let doc = doc.clone();
        let custom = state.custom.clone();
        use_memo(
            (state.doc_key(), state.hidden.clone(), state.custom.clone()),
            move |(_, hidden, _)| {
                let speakers: Vec<(String, usize, String)> = by_speaker(&doc)
                    .into_iter()
                    .filter(|(w, _)| w != "Unattributed")
                    .take(5)
                    .map(|(w, q)| (w, q.len(), labels::OKABE_ITO[0].to_string()))
                    .collect();
                let ents: Vec<(String, usize, String)> = groups_of(&doc, hidden)
                    .into_iter()
                    .take(5)
                    .map(|g| (g.name, g.count, labels::color_of(&g.label, &custom)))
                    .collect();
                (speakers, ents)
            },
        )
    };
    let (speakers, ents) = (&rows.0, &rows.1);
    let (a, y) = bars("Most quoted", speakers, 0.0);
    let (b, y) = bars("Most mentioned", ents, y);
    let summary = format!(
        "Most quoted: {}. Most mentioned: {}.",
        speakers
            .iter()
            .map(|(n, c, _)| format!("{n} {c}"))
            .collect::<Vec<_>>()
            .join(", "),
        ents.iter()
            .map(|(n, c, _)| format!("{n} {c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    html! {
        <section class="card chart" aria-labelledby="chart-title">
            <h2 id="chart-title">{ "At a glance" }</h2>
            <svg viewBox={format!("0 0 300 {}", fixed(y, 0))} width="100%" role="img" aria-label={summary}>
                { a }{ b }
            </svg>
        </section>
    }
}
