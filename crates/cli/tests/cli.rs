//! The `apostil` binary, run as a user would.

use apostil_core::document::Document;
use apostil_core::formats::{self, Format};
use apostil_core::{AnnotationKind, Edit, Origin, Span};
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = "Council approves night buses\n\n\
Leeds City Council approved a night bus trial on Wednesday, its transport chief Priya Shah said.\n\
\"People need a way home after the late shift,\" Shah told the meeting. The trial costs £2 million.\n";

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_apostil"))
}

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run apostil");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(data.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("apostil-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn help_explains_the_commands() {
    for args in [&["--help"][..], &["help"], &["-h"], &["annotate", "--help"]] {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let s = stdout(&o);
        for word in [
            "annotate",
            "convert",
            "--jsonl",
            "--format",
            "EXIT CODES",
            "code point",
        ] {
            assert!(s.contains(word), "{args:?}: help lacks {word}");
        }
    }
    let o = run(&["--version"], "");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("apostil "));
    let o = run(&["formats"], "");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).lines().count(), Format::ALL.len());
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["annotate"],
        &["annotate", "--format"],
        &["annotate", "--format", "xml", "-"],
        &["annotate", "--colour", "-"],
        &["convert", "x.json"],
        &["convert", "--to", "w3c"],
        &["convert", "x.unknown", "--to", "w3c"],
        &["annotate", "/definitely/not/here.txt"],
    ];
    for args in cases {
        let o = run(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains("apostil:"), "{args:?}: {e}");
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn annotate_writes_apostil_json() {
    let dir = tmp("annotate");
    let a = dir.join("buses.txt");
    std::fs::write(&a, ARTICLE).unwrap();
    let o = run(&["annotate", a.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs = formats::import(&stdout(&o), Format::Apostil).unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "buses");
    assert_eq!(docs[0].text, ARTICLE);
    for ann in &docs[0].annotations {
        assert_eq!(docs[0].slice(ann.span), Some(ann.exact.as_str()));
    }

    // Standard input, and two files make a library.
    let o = run(&["annotate", "-"], ARTICLE);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        formats::import(&stdout(&o), Format::Apostil).unwrap()[0].id,
        "stdin"
    );
    let b = dir.join("other.txt");
    std::fs::write(&b, "Short note from Oslo.").unwrap();
    let o = run(&["annotate", a.to_str().unwrap(), b.to_str().unwrap()], "");
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["apostil"], 1);
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
}

#[test]
fn annotate_in_every_format() {
    let dir = tmp("formats");
    for f in Format::ALL {
        let o = run(&["annotate", "--format", f.name(), "-"], ARTICLE);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
        // brat prints the .ann, which is empty when nothing was found.
        assert!(f == Format::Brat || !stdout(&o).is_empty(), "{f}");
        let out = dir.join(format!("out.{}", f.extension()));
        let o = run(
            &["annotate", "-f", f.name(), "-o", out.to_str().unwrap(), "-"],
            ARTICLE,
        );
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
        if f == Format::Brat {
            assert!(out.join("stdin.txt").exists() && out.join("stdin.ann").exists());
            assert_eq!(
                std::fs::read_to_string(out.join("stdin.txt")).unwrap(),
                ARTICLE
            );
        } else {
            assert!(out.is_file(), "{f}");
        }
    }
    let o = run(&["annotate", "--format=csv", "-"], ARTICLE);
    assert!(stdout(&o).starts_with("id,kind,label,start,end,exact,"));
}

#[test]
fn jsonl_keeps_the_prediction_shape_and_order() {
    let mut input = String::new();
    let n = 300;
    for i in 0..n {
        let text = format!(
            "Report {i}: on {} March 2024 Ana Costa said \"we paid $4{i} million\".",
            i % 28 + 1
        );
        input.push_str(&serde_json::json!({"id": format!("doc-{i}"), "text": text}).to_string());
        input.push('\n');
        if i % 50 == 0 {
            input.push('\n'); // blank lines are skipped
        }
    }
    let o = run(&["annotate", "--jsonl"], &input);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), n);
    for (i, line) in lines.iter().enumerate() {
        let v: Value = serde_json::from_str(line).unwrap();
        let obj = v.as_object().unwrap();
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(keys, ["entities", "id", "quotes"]);
        assert_eq!(v["id"], format!("doc-{i}"), "output order = input order");
        for e in v["entities"].as_array().unwrap() {
            let mut k: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
            k.sort();
            assert_eq!(k, ["end", "label", "start"]);
            assert!(e["start"].as_u64().unwrap() < e["end"].as_u64().unwrap());
        }
        for q in v["quotes"].as_array().unwrap() {
            let mut k: Vec<&str> = q.as_object().unwrap().keys().map(String::as_str).collect();
            k.sort();
            assert_eq!(k, ["end", "speaker", "start"]);
            assert!(q["speaker"].is_null() || q["speaker"]["start"].is_u64());
        }
    }
}

#[test]
fn jsonl_reads_files_and_writes_to_output() {
    let dir = tmp("jsonl-files");
    let a = dir.join("a.jsonl");
    let b = dir.join("b.jsonl");
    std::fs::write(&a, "{\"id\": \"a1\", \"text\": \"Ana Costa spoke.\"}\r\n").unwrap();
    std::fs::write(&b, "{\"id\": 7, \"text\": \"x\"}\n").unwrap();
    let out = dir.join("pred.jsonl");
    let o = run(
        &[
            "annotate",
            "--jsonl",
            a.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 1);
    assert!(written.contains("\"id\":\"a1\""));
    // An id must be a string, as in the gold files; the error names file and line.
    let o = run(&["annotate", "--jsonl", b.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("b.jsonl: line 1"), "{}", stderr(&o));
}

#[test]
fn jsonl_malformed_line_exits_2_naming_the_line() {
    let input = "{\"id\": \"a\", \"text\": \"fine\"}\n{\"id\": \"b\", \"txt\": \"oops\"}\n";
    let o = run(&["annotate", "--jsonl"], input);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("line 2"), "{}", stderr(&o));
    // What came before the bad line is still written.
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    assert!(stdout(&o).contains("\"a\""), "{}", stdout(&o));
    let o = run(&["annotate", "--jsonl"], "not json\n");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn convert_between_formats() {
    let dir = tmp("convert");
    let txt = dir.join("buses.txt");
    std::fs::write(&txt, ARTICLE).unwrap();
    let json = dir.join("buses.apostil.json");
    let o = run(
        &[
            "annotate",
            txt.to_str().unwrap(),
            "-o",
            json.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let original = formats::import(&std::fs::read_to_string(&json).unwrap(), Format::Apostil)
        .unwrap()
        .remove(0);

    // Apostil → W3C → Apostil is lossless.
    let w3c = dir.join("buses.jsonld");
    let o = run(
        &[
            "convert",
            json.to_str().unwrap(),
            "--to",
            "w3c",
            "-o",
            w3c.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&["convert", w3c.to_str().unwrap(), "--to", "apostil"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let back = formats::import(&stdout(&o), Format::Apostil)
        .unwrap()
        .remove(0);
    assert_eq!(back, original);

    // Apostil → brat directory → Apostil keeps the spans (the .txt is found beside the .ann).
    let brat = dir.join("brat");
    let o = run(
        &[
            "convert",
            json.to_str().unwrap(),
            "--to",
            "brat",
            "-o",
            brat.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ann = brat.join("buses.ann");
    let o = run(&["convert", ann.to_str().unwrap(), "--to", "jsonl"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let docs = formats::import(&stdout(&o), Format::Jsonl).unwrap();
    assert_eq!(docs[0].text, ARTICLE);

    // Standard input with --from.
    let o = run(
        &["convert", "-", "--from", "apostil", "--to", "csv"],
        &std::fs::read_to_string(&json).unwrap(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("id,kind"));
    // Without --from, standard input is recognised by its content.
    let o = run(
        &["convert", "-", "--to", "jsonl"],
        &std::fs::read_to_string(&w3c).unwrap(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with('{'));
    let o = run(&["convert", "-", "--to", "jsonl"], "plain prose, no format");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--from"), "{}", stderr(&o));
}

#[test]
fn convert_refuses_malformed_input_with_exit_2() {
    let dir = tmp("malformed");
    let doc = Document::new("x", "Ada met Bob.");
    let good = formats::apostil::export(&doc).unwrap();
    let cases = [
        ("broken.json", "{\"apostil\": 1,".to_string(), "not valid"),
        (
            "future.json",
            good.replace("\"apostil\": 1", "\"apostil\": 7"),
            "version 7",
        ),
        (
            "hash.json",
            good.replace("Ada met Bob.", "Ada met Cy."),
            "hash",
        ),
    ];
    for (name, content, needle) in cases {
        let p = dir.join(name);
        std::fs::write(&p, content).unwrap();
        let o = run(&["convert", p.to_str().unwrap(), "--to", "w3c"], "");
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(stderr(&o).contains(needle), "{name}: {}", stderr(&o));
        assert!(stdout(&o).is_empty());
    }
    // brat without its text.
    let ann = dir.join("lonely.ann");
    std::fs::write(&ann, "T1\tPERSON 0 3\tAda\n").unwrap();
    let o = run(&["convert", ann.to_str().unwrap(), "--to", "apostil"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("text"), "{}", stderr(&o));
}

#[test]
fn a_format_that_cannot_hold_the_annotations_exits_1() {
    let dir = tmp("overlap");
    let mut doc = Document::new("o", "New York City Hall");
    for span in [Span::new(0, 13), Span::new(9, 18)] {
        let a = doc
            .new_annotation(AnnotationKind::Entity, "GPE", span, Origin::User)
            .unwrap();
        doc.apply(Edit::Add { annotation: a }).unwrap();
    }
    let p = dir.join("o.apostil.json");
    std::fs::write(&p, formats::apostil::export(&doc).unwrap()).unwrap();
    let o = run(&["convert", p.to_str().unwrap(), "--to", "conll"], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("overlap"), "{}", stderr(&o));
}

#[test]
fn relative_dates_are_reported_only_with_the_flag() {
    let line = r#"{"id": "r1", "text": "Prices rose in recent years and fell on 3 March 2021."}"#;
    let labels = |o: &Output| -> Vec<(u64, u64)> {
        let v: serde_json::Value = serde_json::from_str(stdout(o).trim()).unwrap();
        v["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["label"] == "DATE")
            .map(|e| (e["start"].as_u64().unwrap(), e["end"].as_u64().unwrap()))
            .collect()
    };
    let plain = run(&["annotate", "--jsonl"], line);
    assert!(plain.status.success(), "{}", stderr(&plain));
    assert_eq!(labels(&plain), vec![(40, 52)], "only the calendar date");
    let onto = run(&["annotate", "--jsonl", "--relative-dates"], line);
    assert!(onto.status.success(), "{}", stderr(&onto));
    assert!(labels(&onto).contains(&(15, 27)), "\"recent years\" too");
}
