//! Times each pipeline stage on the sample articles repeated, to find slow stages. Run with
//! `cargo run --release -p apostil-bench --bin stages -- [MB] [RUNS] [ARTICLES.jsonl]`; with
//! several runs each stage reports its fastest run (the machine may be shared). With a JSONL
//! file of `{"text": …}` lines, the stages run on each of those articles in turn instead (MB
//! is then ignored).

use apostil_bench::{corpus_of_size, cpu_seconds, jsonl_texts};
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
    let texts = match std::env::args().nth(3) {
        Some(path) => jsonl_texts(&path),
        None => vec![corpus_of_size(mb << 20)],
    };
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    // Called through an opaque trait object, as the Analyzer does, so that it is not inlined
    // here: the instruction-count script finds the stage by its symbol.
    let default_names = DefaultNames::default();
    let names: &dyn NameRecognizer = std::hint::black_box(&default_names);
    let mut best = [f64::INFINITY; STAGES.len()];
    let mut summary = String::new();
    for _ in 0..runs {
        let mut secs = [0f64; STAGES.len()];
        let (mut tokens, mut n_found, mut n_clusters, mut n_quotes) = (0, 0, 0, 0);
        for text in &texts {
            let mut t = cpu_seconds();
            let mut lap = |k: usize| {
                let now = cpu_seconds();
                secs[k] += now - t;
                t = now;
            };
            let doc = Prepared::new(text);
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
            tokens += doc.tokens.len();
            n_found += found.len();
            n_clusters += clusters.len();
            n_quotes += q.len();
        }
        for (b, s) in best.iter_mut().zip(secs) {
            *b = b.min(s);
        }
        summary = format!(
            "{:.2} MB in {} texts: {tokens} tokens, {n_found} entities, {n_clusters} clusters, \
             {n_quotes} quotes",
            bytes as f64 / 1e6,
            texts.len()
        );
    }
    let mb_s = |s: f64| bytes as f64 / 1e6 / s;
    let mut total = 0.0;
    for (what, s) in STAGES.iter().zip(best) {
        total += s;
        println!("{what:<12} {s:8.3} s CPU ({:8.2} MB/s)", mb_s(s));
    }
    println!("{:<12} {total:8.3} s CPU ({:8.2} MB/s)", "sum", mb_s(total));
    println!("{summary}");
}
