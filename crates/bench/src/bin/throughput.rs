//! Prints MB/s of the whole pipeline on the sample articles repeated, and peak memory growth
//! for growing inputs (to show it is linear). Run with
//! `cargo run --release -p apostil-bench --bin throughput`.

use apostil_bench::{corpus_of_size, cpu_seconds};

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    let analyzer = apostil_core::Analyzer::default();
    let warm = corpus_of_size(1 << 20);
    analyzer.analyze(&warm);
    for mb in [1usize, 4, 16] {
        let text = corpus_of_size(mb << 20);
        let before = peak_rss_kb().unwrap_or(0);
        let t = cpu_seconds();
        let a = analyzer.analyze(&text);
        let secs = cpu_seconds() - t;
        let after = peak_rss_kb().unwrap_or(0);
        println!(
            "{:>3} MB: {:7.2} MB/s (CPU time), {} entities, {} quotes, peak RSS {} MB (+{} MB)",
            mb,
            text.len() as f64 / 1e6 / secs,
            a.entities.len(),
            a.quotes.len(),
            after / 1024,
            after.saturating_sub(before) / 1024
        );
    }
}
