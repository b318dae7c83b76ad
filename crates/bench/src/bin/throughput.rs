//! Prints MB/s of the whole pipeline on the sample articles repeated, and peak memory growth
//! for growing inputs (to show it is linear). Run with
//! `cargo run --release -p apostil-bench --bin throughput -- [RUNS] [ARTICLES.jsonl]`.
//!
//! With a JSONL file of `{"text": …}` lines (e.g. a dev set), it also times those articles one
//! by one: distinct articles repeat fewer words than the samples repeated, so per-word memos
//! help less there.
//!
//! Each size is analysed `RUNS` times (default 5) and the median and best runs are printed:
//! the benchmark machines are shared, and a single run swings by ±20 %.

use apostil_bench::{corpus_of_size, cpu_seconds, cpu_split, jsonl_texts, sample_articles};
use apostil_core::analysis::ARTICLES_PER_BATCH;

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Median and best of `mb_s` (which is not empty).
fn median_best(mut mb_s: Vec<f64>) -> (f64, f64) {
    mb_s.sort_by(f64::total_cmp);
    (mb_s[mb_s.len() / 2], mb_s[mb_s.len() - 1])
}

/// ", kernel N %": the share of CPU time since `before` spent in the kernel (page zeroing).
fn kernel_share(before: Option<(f64, f64)>) -> String {
    match (before, cpu_split()) {
        (Some((u0, s0)), Some((u1, s1))) if u1 + s1 > u0 + s0 => {
            format!(", kernel {:.0} %", 100.0 * (s1 - s0) / (u1 + s1 - u0 - s0))
        }
        _ => String::new(),
    }
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5)
        .max(1);
    let analyzer = apostil_core::Analyzer::default();
    let warm = corpus_of_size(1 << 20);
    analyzer.analyze(&warm);
    for mb in [1usize, 4, 16] {
        let text = corpus_of_size(mb << 20);
        let before = peak_rss_kb().unwrap_or(0);
        let mut mb_s = Vec::new();
        let mut counts = (0, 0);
        let split_before = cpu_split();
        for _ in 0..runs {
            let t = cpu_seconds();
            let a = analyzer.analyze(&text);
            mb_s.push(text.len() as f64 / 1e6 / (cpu_seconds() - t));
            counts = (a.entities.len(), a.quotes.len());
        }
        let after = peak_rss_kb().unwrap_or(0);
        let (median, best) = median_best(mb_s);
        println!(
            "{mb:>3} MB as one text: median {median:6.2} MB/s, best {best:6.2} (CPU time, {runs} runs), \
             {} entities, {} quotes, peak RSS {} MB (+{} MB){}",
            counts.0,
            counts.1,
            after / 1024,
            after.saturating_sub(before) / 1024,
            kernel_share(split_before)
        );
    }
    // The same articles as separate documents, as `apostil annotate --jsonl` reads a stream.
    let articles = sample_articles();
    let one: usize = articles.iter().map(|a| a.len()).sum();
    let repeats = (4 << 20) / one.max(1) + 1;
    let stream: Vec<&str> = (0..repeats)
        .flat_map(|_| articles.iter().map(String::as_str))
        .collect();
    let (mut mb_s, mut batched) = (Vec::new(), Vec::new());
    let split_before = cpu_split();
    for _ in 0..runs {
        let t = cpu_seconds();
        for _ in 0..repeats {
            for a in &articles {
                std::hint::black_box(analyzer.analyze(a));
            }
        }
        mb_s.push((one * repeats) as f64 / 1e6 / (cpu_seconds() - t));
        // The same, in batches through `analyze_many`, as `apostil annotate --jsonl` runs them
        // (timed in the same rounds, so both see the same machine).
        let t = cpu_seconds();
        for batch in stream.chunks(ARTICLES_PER_BATCH) {
            std::hint::black_box(analyzer.analyze_many(batch));
        }
        batched.push((one * repeats) as f64 / 1e6 / (cpu_seconds() - t));
    }
    let (median, best) = median_best(mb_s);
    println!(
        "  4 MB as {} separate articles: median {median:6.2} MB/s, best {best:6.2} (CPU time, {runs} runs){}",
        repeats * articles.len(),
        kernel_share(split_before)
    );
    let (median, best) = median_best(batched);
    println!(
        "  the same, {ARTICLES_PER_BATCH} at a time (annotate --jsonl): median {median:6.2} MB/s, best {best:6.2}"
    );
    if let Some(path) = std::env::args().nth(2) {
        let texts = jsonl_texts(&path);
        let bytes: usize = texts.iter().map(|t| t.len()).sum();
        let mut mb_s = Vec::new();
        for _ in 0..runs {
            let t = cpu_seconds();
            for text in &texts {
                std::hint::black_box(analyzer.analyze(text));
            }
            mb_s.push(bytes as f64 / 1e6 / (cpu_seconds() - t));
        }
        let (median, best) = median_best(mb_s);
        println!(
            "{:5.2} MB as {} articles of {path}: median {median:6.2} MB/s, best {best:6.2} (CPU time, {runs} runs)",
            bytes as f64 / 1e6,
            texts.len()
        );
    }
}
