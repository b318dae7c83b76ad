//! Times each pipeline stage on the sample articles repeated, to find slow stages. Run with
//! `cargo run --release -p apostil-bench --bin stages -- [MB]`.

use apostil_bench::{corpus_of_size, cpu_seconds};
use apostil_core::entities::{self, NameRecognizer, names::DefaultNames};
use apostil_core::text::Prepared;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let text = corpus_of_size(mb << 20);
    let names = DefaultNames::default();
    let t0 = cpu_seconds();
    let lap = |what: &str| {
        let s = cpu_seconds() - t0;
        let mbs = text.len() as f64 / 1e6 / s;
        println!("{what:<28} {s:8.3} s CPU cumulative ({mbs:7.2} MB/s)");
    };
    let doc = Prepared::new(&text);
    lap("prepare");
    let p = entities::patterns::find(&doc);
    lap("patterns");
    let n = names.recognize(&doc);
    lap("names");
    let mut found = entities::merge(p, n);
    lap("merge");
    found.retain(|e| !doc.intake.is_junk(e.span.start));
    lap("junk filter");
    let mut clusters = apostil_core::clusters::build(&doc, &mut found);
    lap("clusters");
    let q = apostil_core::quotes::find(&doc, &found, &mut clusters);
    lap("quotes");
    println!(
        "{} MB: {} tokens, {} entities, {} clusters, {} quotes",
        mb,
        doc.tokens.len(),
        found.len(),
        clusters.len(),
        q.len()
    );
}
