//! `apostil-train`: builds the gazetteer and trains the name model.
//!
//! ```text
//! cargo run --release -p apostil-train -- [--data DIR] [--out DIR] [--epochs N]
//!     [--max-features N] [--min-count N] [--seeds N] [--passes 1|2]
//!     [--gazetteer-only] [--eval-only] [--bench FILE.jsonl]
//! ```
//!
//! Reads `DIR/gazetteers/*.tsv` and writes `crates/core/data/gazetteer.txt`; reads
//! `DIR/train/conll_train.jsonl`, trains an averaged structured perceptron over the core's
//! features and writes `crates/core/data/names-model.bin`; then scores the result on
//! `DIR/train/conll_dev.jsonl` (held out). Deterministic: fixed seed, fixed order.

mod gazetteer;
mod perceptron;

use apostil_core::entities::names::features::DocFeatures;
use apostil_core::entities::names::gazetteer::Gazetteer;
use apostil_core::entities::names::model::{self, Model};
use apostil_core::entities::names::{Tagger, spans_from_tags};
use apostil_core::text::Prepared;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct Doc {
    text: String,
    entities: Vec<GoldEntity>,
}

/// One training sequence: a run of tokens with feature keys and gold tags.
pub struct Seq {
    /// Feature keys per token.
    pub feats: Vec<Vec<u32>>,
    /// Gold tag per token.
    pub gold: Vec<u8>,
}

struct Args {
    data: PathBuf,
    out_dir: PathBuf,
    epochs: usize,
    max_features: usize,
    min_count: u32,
    gazetteer_only: bool,
    eval_only: bool,
    bench: Option<PathBuf>,
    passes: usize,
    seeds: usize,
}

fn parse_args() -> Args {
    let mut a = Args {
        data: PathBuf::from("../shared/data"),
        out_dir: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../core/data")),
        epochs: 8,
        max_features: 15_000,
        min_count: 2,
        gazetteer_only: false,
        eval_only: false,
        bench: None,
        passes: 1,
        seeds: 5,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--data" => a.data = it.next().expect("--data DIR").into(),
            "--out" => a.out_dir = it.next().expect("--out DIR").into(),
            "--epochs" => a.epochs = it.next().and_then(|v| v.parse().ok()).expect("--epochs N"),
            "--max-features" => {
                a.max_features = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--max-features N")
            }
            "--min-count" => {
                a.min_count = it
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--min-count N")
            }
            "--gazetteer-only" => a.gazetteer_only = true,
            "--eval-only" => a.eval_only = true,
            "--seeds" => a.seeds = it.next().and_then(|v| v.parse().ok()).expect("--seeds N"),
            "--passes" => a.passes = it.next().and_then(|v| v.parse().ok()).expect("--passes N"),
            "--bench" => a.bench = Some(it.next().expect("--bench FILE.jsonl").into()),
            _ => {
                eprintln!(
                    "usage: apostil-train [--data DIR] [--out DIR] [--epochs N] [--max-features N] [--min-count N] [--seeds N] [--passes 1|2] [--gazetteer-only] [--eval-only] [--bench FILE.jsonl]"
                );
                std::process::exit(2);
            }
        }
    }
    a
}

fn read_docs(path: &Path) -> Vec<Doc> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("bad JSON line"))
        .collect()
}

fn type_index(label: &str) -> Option<usize> {
    model::TYPES.iter().position(|t| *t == label)
}

/// Gold BIO tags for every token of `doc`.
fn gold_tags(p: &Prepared<'_>, ents: &[GoldEntity]) -> Vec<u8> {
    let mut tags = vec![0u8; p.tokens.len()];
    for e in ents {
        let Some(ty) = type_index(&e.label) else {
            continue;
        };
        let mut first = true;
        for (i, t) in p.tokens.iter().enumerate() {
            if t.span.start >= e.start && t.span.end <= e.end {
                tags[i] = if first {
                    model::begin(ty)
                } else {
                    model::inside(ty)
                } as u8;
                first = false;
            }
        }
    }
    tags
}

/// Training sequences of `docs` (pairs of corpus index and document). With `hinters`, the
/// second-pass features are on, with hints from `hinters[index % 2]`'s first pass (each
/// hinter must be trained on the other parity, so hints are as noisy as at run time).
fn sequences(
    docs: &[(usize, &Doc)],
    gaz: &Gazetteer,
    hinters: Option<[&Tagger; 2]>,
) -> (Vec<Seq>, usize, usize) {
    let mut out = Vec::new();
    let (mut gold_n, mut in_runs) = (0usize, 0usize);
    for (di, d) in docs {
        let p = Prepared::new(&d.text);
        let mut f = DocFeatures::new(&p, gaz);
        if let Some(h) = hinters {
            let first = Tagger::decode(&h[di % 2].model, &f);
            let hints: Vec<(std::ops::Range<usize>, usize)> =
                first.iter().map(|m| (m.tokens.clone(), m.ty)).collect();
            f.set_hints(&hints);
        }
        let tags = gold_tags(&p, &d.entities);
        let runs = f.runs();
        let mut in_run = vec![false; tags.len()];
        for r in &runs {
            for i in r.clone() {
                in_run[i] = true;
            }
        }
        for (i, &t) in tags.iter().enumerate() {
            if t & 1 == 1 {
                gold_n += 1;
                let mut j = i + 1;
                while j < tags.len() && tags[j] != 0 && tags[j] & 1 == 0 {
                    j += 1;
                }
                if (i..j).all(|k| in_run[k]) {
                    in_runs += 1;
                }
            }
        }
        for r in runs {
            let mut feats = Vec::with_capacity(r.len());
            let mut gold = Vec::with_capacity(r.len());
            for (k, i) in r.clone().enumerate() {
                let mut v = Vec::with_capacity(48);
                f.features(i, &mut v);
                feats.push(v);
                let mut t = tags[i];
                // A run that starts inside a gold mention starts it.
                if k == 0 && t != 0 && t & 1 == 0 {
                    t -= 1;
                }
                gold.push(t);
            }
            out.push(Seq { feats, gold });
        }
    }
    (out, gold_n, in_runs)
}

/// Exact-match precision, recall and F1 of CoNLL-type mentions.
fn evaluate(tagger: &Tagger, docs: &[Doc]) -> (f64, f64, f64, Vec<(usize, usize, usize)>) {
    let mut per = vec![(0usize, 0usize, 0usize); model::TYPES.len()]; // tp, pred, gold
    for d in docs {
        let p = Prepared::new(&d.text);
        let (mentions, _) = tagger.mentions(&p);
        let gold = gold_tags(&p, &d.entities);
        let gm = spans_from_tags(&gold, 0);
        for m in &mentions {
            per[m.ty].1 += 1;
            if gm.contains(m) {
                per[m.ty].0 += 1;
            }
        }
        for g in &gm {
            per[g.ty].2 += 1;
        }
    }
    let (tp, pr, go) = per
        .iter()
        .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    let p = tp as f64 / pr.max(1) as f64;
    let r = tp as f64 / go.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f, per)
}

/// CPU time of this thread in seconds (Linux `schedstat`), or wall time elsewhere; the machine
/// is shared, so CPU time is the fairer measure.
fn cpu_now(wall: std::time::Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

/// Single-thread throughput of the whole pipeline and of the name recogniser on a JSONL file.
fn bench(path: &Path) {
    use apostil_core::entities::NameRecognizer;
    let texts: Vec<String> = std::fs::read_to_string(path)
        .expect("read bench file")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let analyzer = apostil_core::Analyzer::default();
    let names = apostil_core::entities::names::DefaultNames::default();
    let _ = analyzer.analyze(&texts[0]);
    let w = std::time::Instant::now();
    let t = cpu_now(w);
    let mut n = 0;
    for x in &texts {
        n += analyzer.analyze(x).entities.len();
    }
    let whole = cpu_now(w) - t;
    let t = cpu_now(w);
    let preps: Vec<Prepared<'_>> = texts.iter().map(|x| Prepared::new(x)).collect();
    let prep = cpu_now(w) - t;
    let t = cpu_now(w);
    for p in &preps {
        n += names.recognize(p).len();
    }
    let nm = cpu_now(w) - t;
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "{:.2} MB, CPU time: pipeline {:.1} MB/s, prepare {:.1} MB/s, names {:.1} MB/s ({n} entities)",
        mb,
        mb / whole,
        mb / prep,
        mb / nm
    );
}

fn main() {
    let args = parse_args();
    if let Some(p) = &args.bench {
        bench(p);
        return;
    }
    let t0 = std::time::Instant::now();
    let gaz_path = args.out_dir.join("gazetteer.txt");
    let model_path = args.out_dir.join("names-model.bin");
    if !args.eval_only {
        let mut raw: Vec<String> = read_docs(&args.data.join("train/conll_train.jsonl"))
            .into_iter()
            .map(|d| d.text)
            .collect();
        raw.extend(
            read_docs(&args.data.join("train/polnear_train.jsonl"))
                .into_iter()
                .map(|d| d.text),
        );
        let text = gazetteer::build(&args.data.join("gazetteers"), &raw);
        std::fs::write(&gaz_path, &text).expect("write gazetteer");
        eprintln!("gazetteer: {} bytes -> {}", text.len(), gaz_path.display());
        if args.gazetteer_only {
            return;
        }
    }
    let gaz = Gazetteer::parse(&std::fs::read_to_string(&gaz_path).expect("read gazetteer"));
    eprintln!("gazetteer entries: {}", gaz.len());
    let dev = read_docs(&args.data.join("train/conll_dev.jsonl"));
    if !args.eval_only {
        let train = read_docs(&args.data.join("train/conll_train.jsonl"));
        let all: Vec<(usize, &Doc)> = train.iter().enumerate().collect();
        let (seqs, gold_n, in_runs) = sequences(&all, &gaz, None);
        eprintln!(
            "train: {} docs, {} runs, {} gold mentions, {:.1}% inside runs ({:.1}s)",
            train.len(),
            seqs.len(),
            gold_n,
            100.0 * in_runs as f64 / gold_n.max(1) as f64,
            t0.elapsed().as_secs_f64()
        );
        let fit = |seqs: &[Seq]| {
            let (feats, trans, start) = perceptron::train_bagged(
                seqs,
                args.epochs,
                args.min_count,
                args.max_features,
                args.seeds,
            );
            Model::to_bytes(&feats, &trans, &start)
        };
        let mut bytes = fit(&seqs);
        eprintln!(
            "first pass: {} bytes ({:.1}s)",
            bytes.len(),
            t0.elapsed().as_secs_f64()
        );
        if args.passes >= 2 {
            // Jackknifed first-pass taggers: one per half of the corpus.
            let half = |parity: usize| -> Tagger {
                let docs: Vec<(usize, &Doc)> = all
                    .iter()
                    .filter(|(i, _)| i % 2 == parity)
                    .cloned()
                    .collect();
                let (s, _, _) = sequences(&docs, &gaz, None);
                Tagger::new(Model::from_bytes(&fit(&s)).expect("model"), gaz.clone())
            };
            let (even, odd) = (half(0), half(1));
            // Even documents get hints from the tagger trained on odd ones, and vice versa.
            let (seqs2, _, _) = sequences(&all, &gaz, Some([&odd, &even]));
            bytes.extend(fit(&seqs2));
        }
        std::fs::write(&model_path, &bytes).expect("write model");
        eprintln!(
            "model: {} bytes -> {} ({:.1}s)",
            bytes.len(),
            model_path.display(),
            t0.elapsed().as_secs_f64()
        );
    }
    let tagger =
        Tagger::from_bytes(&std::fs::read(&model_path).expect("read model"), gaz).expect("model");
    let (p, r, f, per) = evaluate(&tagger, &dev);
    eprintln!("conll_dev (CoNLL types, exact): P {p:.4} R {r:.4} F1 {f:.4}");
    for (t, (tp, pr, go)) in model::TYPES.iter().zip(per) {
        let p = tp as f64 / pr.max(1) as f64;
        let r = tp as f64 / go.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        eprintln!("  {t:5} P {p:.4} R {r:.4} F1 {f:.4} (gold {go})");
    }
    eprintln!("done in {:.1}s", t0.elapsed().as_secs_f64());
}
