//! Times each pipeline stage on the sample articles repeated, to find slow stages. Run with
//! `cargo run --release -p apostil-bench --bin stages -- [MB] [RUNS]`; with several runs each
//! stage reports its fastest run (the machine may be shared).

use apostil_bench::{corpus_of_size, cpu_seconds};
use apostil_core::entities::{self, NameRecognizer, names::DefaultNames};
use apostil_core::text::Prepared;

const STAGES: [&str; 7] = [
    "prepare",
    "patterns",
    "names",
    "merge",
    "junk filter",
    "clusters",
    "quotes",
];

fn main() {
    let arg = |k: usize, default: usize| {
        std::env::args()
            .nth(k)
            .and_then(|a| a.parse().ok())
            .unwrap_or(default)
    };
    let mb = arg(1, 1);
    let runs = arg(2, 1).max(1);
    let text = corpus_of_size(mb << 20);
    let names = DefaultNames::default();
    let mut best = [f64::INFINITY; STAGES.len()];
    let mut summary = String::new();
    for _ in 0..runs {
        let mut secs = [0f64; STAGES.len()];
        let mut t = cpu_seconds();
        let mut lap = |k: usize| {
            let now = cpu_seconds();
            secs[k] = now - t;
            t = now;
        };
        let doc = Prepared::new(&text);
        lap(0);
        let p = entities::patterns::find(&doc);
        lap(1);
        let n = names.recognize(&doc);
        lap(2);
        let mut found = entities::merge(p, n);
        lap(3);
        found.retain(|e| !doc.intake.is_junk(e.span.start));
        lap(4);
        let mut clusters = apostil_core::clusters::build(&doc, &mut found);
        lap(5);
        let q = apostil_core::quotes::find(&doc, &found, &mut clusters);
        lap(6);
        for (b, s) in best.iter_mut().zip(secs) {
            *b = b.min(s);
        }
        summary = format!(
            "{} MB: {} tokens, {} entities, {} clusters, {} quotes",
            mb,
            doc.tokens.len(),
            found.len(),
            clusters.len(),
            q.len()
        );
    }
    let mb_s = |s: f64| text.len() as f64 / 1e6 / s;
    let mut total = 0.0;
    for (what, s) in STAGES.iter().zip(best) {
        total += s;
        println!("{what:<12} {s:8.3} s CPU ({:8.2} MB/s)", mb_s(s));
    }
    println!("{:<12} {total:8.3} s CPU ({:8.2} MB/s)", "sum", mb_s(total));
    println!("{summary}");
}
