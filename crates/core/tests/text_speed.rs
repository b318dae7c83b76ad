//! Manual tools for the text stage (ignored by default; they read files named in the
//! environment, so no article text lives in the repository).
//!
//! - `APOSTIL_TEXT=path cargo test --release -p apostil-core --test text_speed -- --ignored --nocapture`

use apostil_core::text::Prepared;
use std::time::Instant;

/// CPU time of this thread in seconds (Linux; wall time elsewhere), so a busy machine does
/// not distort the figures.
fn cpu_now() -> f64 {
    let ns = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok());
    if let Some(ns) = ns {
        return ns / 1e9;
    }
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64()
}

fn input() -> Option<String> {
    let path = std::env::var("APOSTIL_TEXT").ok()?;
    std::fs::read_to_string(path).ok()
}

/// Prints the regions, metadata, paragraphs and sentences found in the file.
#[test]
#[ignore]
fn dump() {
    let Some(text) = input() else { return };
    let p = Prepared::new(&text);
    for r in &p.intake.regions {
        println!("{:?} {:?}", r.kind, p.slice(r.span));
    }
    println!("{:?}", p.intake.metadata);
    if std::env::var("APOSTIL_TOKENS").is_ok() {
        for t in &p.tokens {
            print!("{}/{:?} ", p.slice(t.span), t.kind);
        }
        println!();
    }
    if std::env::var("APOSTIL_SENTENCES").is_ok() {
        for s in &p.sentences {
            println!("S {:?}", p.slice(s.span));
        }
    }
}

/// Measures tokenising, sentence splitting and intake speed on the file repeated to ~4 MB.
#[test]
#[ignore]
fn speed() {
    let Some(text) = input() else { return };
    let reps = (4_000_000 / text.len().max(1)).max(1);
    let big = text.repeat(reps);
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = cpu_now();
        let p = Prepared::new(&big);
        std::hint::black_box(&p.tokens);
        best = best.min(cpu_now() - t);
    }
    println!(
        "{} bytes: {:.1} MB/s (CPU time)",
        big.len(),
        big.len() as f64 / best / 1e6
    );
}

/// Times each stage separately (best of five).
#[test]
#[ignore]
fn stages() {
    use apostil_core::text::{intake, offsets::CharMap, sentence, token};
    let Some(text) = input() else { return };
    let reps = (4_000_000 / text.len().max(1)).max(1);
    let big = text.repeat(reps);
    let mb = big.len() as f64 / 1e6;
    let best = |f: &mut dyn FnMut()| {
        let mut b = f64::MAX;
        for _ in 0..5 {
            let t = cpu_now();
            f();
            b = b.min(cpu_now() - t);
        }
        mb / b
    };
    let map = CharMap::new(&big);
    let ik = intake::read(&big, &map);
    let toks = token::tokenize(&big, &map);
    let r = best(&mut || {
        std::hint::black_box(CharMap::new(&big));
    });
    println!("charmap {r:.1} MB/s");
    let r = best(&mut || {
        std::hint::black_box(intake::read(&big, &map));
    });
    println!("intake {r:.1} MB/s");
    let r = best(&mut || {
        std::hint::black_box(token::tokenize(&big, &map));
    });
    println!("tokens {r:.1} MB/s");
    let r = best(&mut || {
        std::hint::black_box(sentence::split(&big, &map, &toks, &ik));
    });
    println!("sentences {r:.1} MB/s");
}

/// For a gold JSONL file (`APOSTIL_GOLD`): how many gold entities fall in junk regions
/// (false junk), and the region kinds found. Prints up to 40 entities lost to junk.
#[test]
#[ignore]
fn gold_entities_in_junk() {
    let Ok(path) = std::env::var("APOSTIL_GOLD") else {
        return;
    };
    let Ok(data) = std::fs::read_to_string(path) else {
        return;
    };
    let mut total = 0;
    let mut lost = 0;
    let mut shown = 0;
    let mut kinds = std::collections::BTreeMap::new();
    let mut bytes = 0usize;
    let t = Instant::now();
    for line in data.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap_or("");
        bytes += text.len();
        let p = Prepared::new(text);
        for r in &p.intake.regions {
            *kinds.entry(format!("{:?}", r.kind)).or_insert(0) += 1;
            if std::env::var("APOSTIL_SHOW_REGIONS").is_ok() {
                let rt: String = p.slice(r.span).chars().take(90).collect();
                println!("R {:?} {rt:?}", r.kind);
            }
        }
        if std::env::var("APOSTIL_SHOW_SENTENCES").is_ok() {
            for s in &p.sentences {
                println!("S {}", serde_json::to_string(p.slice(s.span)).unwrap());
            }
        }
        for e in v["entities"].as_array().into_iter().flatten() {
            total += 1;
            let s = e["start"].as_u64().unwrap_or(0) as usize;
            if p.intake.is_junk(s) {
                lost += 1;
                if shown < 40 {
                    shown += 1;
                    let r = p.intake.region_at(s).unwrap();
                    let rt: String = p.slice(r.span).chars().take(100).collect();
                    println!("{:?} {:?} in {:?}", e["label"], rt, r.kind);
                }
            }
        }
    }
    println!("{lost} of {total} gold entities in junk; regions {kinds:?}");
    println!("{:.1} MB/s", bytes as f64 / t.elapsed().as_secs_f64() / 1e6);
}
