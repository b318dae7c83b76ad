//! Shared inputs for Apostil's benchmarks.
//!
//! The benchmarks run on the real pasted articles in `../shared/data/samples` when that folder
//! is beside the repository (as on developer and CI machines), repeated to a target size; else
//! on an article written for this repository.
#![deny(missing_docs)]

use std::path::{Path, PathBuf};

/// The allocator the `apostil` CLI uses (see `crates/cli/src/main.rs`), so that the benchmarks
/// measure what the CLI runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An invented news article (written for Apostil) with names, dates, money and quotes.
pub const FALLBACK_ARTICLE: &str = include_str!("article.txt");

/// The sample articles from `../shared/data/samples`, or the fallback article.
pub fn sample_articles() -> Vec<String> {
    let dir = samples_dir();
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|x| x == "txt")
                && let Ok(t) = std::fs::read_to_string(&p)
            {
                out.push(t);
            }
        }
    }
    if out.is_empty() {
        out.push(FALLBACK_ARTICLE.to_string());
    }
    out
}

fn samples_dir() -> PathBuf {
    // `APOSTIL_SAMPLES` lets a git worktree outside the usual layout find the samples.
    if let Some(d) = std::env::var_os("APOSTIL_SAMPLES") {
        return PathBuf::from(d);
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.join("../../../shared/data/samples")
}

/// The sample articles joined with blank lines and repeated until at least `bytes` long.
pub fn corpus_of_size(bytes: usize) -> String {
    let one = sample_articles().join("\n\n");
    let mut s = String::with_capacity(bytes + one.len());
    while s.len() < bytes {
        s.push_str(&one);
        s.push_str("\n\n");
    }
    s
}

/// Seconds this process has spent on a CPU (from `/proc/self/schedstat`, nanosecond
/// resolution), or wall-clock seconds since the first call where that file is missing.
///
/// The benchmark machines are shared, so CPU time is the fair measure of throughput.
pub fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let start = *START.get_or_init(std::time::Instant::now);
    std::fs::read_to_string("/proc/self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns as f64 / 1e9)
}

/// User and system (kernel) CPU seconds of this process so far, from `/proc/self/stat` (clock
/// ticks, usually 10 ms), or `None` where that file is missing.
///
/// The system share is mostly the kernel zeroing pages the process touches for the first time:
/// on virtual machines that costs about as much per megabyte as analysing a few kilobytes, so
/// the benchmarks report it beside the total.
pub fn cpu_split() -> Option<(f64, f64)> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut f = rest.split_whitespace().skip(11);
    let ticks = |v: Option<&str>| v?.parse::<f64>().ok();
    let (user, sys) = (ticks(f.next())?, ticks(f.next())?);
    Some((user / 100.0, sys / 100.0))
}

/// The `text` of every line of a JSONL file such as a dev set (lines without one are skipped).
/// Panics with the path when the file cannot be read: benchmarks only.
pub fn jsonl_texts(path: &str) -> Vec<String> {
    let all = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    all.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| Some(v.get("text")?.as_str()?.to_string()))
        .collect()
}
