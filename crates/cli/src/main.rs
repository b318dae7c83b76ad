//! `apostil`: the command-line face of the Apostil core.
//!
//! This first version only has the evaluation path: `apostil annotate --jsonl` reads
//! `{"id","text"}` lines on stdin and writes one prediction line per document in the form
//! `../shared/eval/score.py` reads.

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::json;
use std::io::{BufRead, Write};

#[derive(Deserialize)]
struct InputLine {
    id: String,
    text: String,
}

fn prediction(line: &str) -> Result<String, String> {
    let input: InputLine = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let a = apostil_core::analyze(&input.text);
    let entities: Vec<_> = a
        .entities
        .iter()
        .map(|e| json!({"start": e.span.start, "end": e.span.end, "label": e.label.as_str()}))
        .collect();
    let quotes: Vec<_> = a
        .quotes
        .iter()
        .map(|q| {
            json!({"start": q.span.start, "end": q.span.end,
                   "speaker": q.speaker.as_ref().map(|s| json!({"start": s.mention.start, "end": s.mention.end}))})
        })
        .collect();
    Ok(json!({"id": input.id, "entities": entities, "quotes": quotes}).to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("annotate") || !args.iter().any(|a| a == "--jsonl")
    {
        eprintln!("usage: apostil annotate --jsonl < docs.jsonl > predictions.jsonl");
        std::process::exit(2);
    }
    let stdin = std::io::stdin();
    let lines: Vec<String> = stdin
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .collect();
    let out: Vec<Result<String, String>> = lines.par_iter().map(|l| prediction(l)).collect();
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for (n, r) in out.into_iter().enumerate() {
        match r {
            Ok(s) => writeln!(w, "{s}").expect("write stdout"),
            Err(e) => {
                eprintln!("apostil: line {}: {e}", n + 1);
                std::process::exit(1);
            }
        }
    }
}
