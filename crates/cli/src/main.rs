//! `apostil`: the command-line face of the Apostil core.
//!
//! - `apostil annotate FILE…` annotates articles and writes Apostil JSON (or another format);
//! - `apostil annotate --jsonl` is the evaluation path: `{"id","text"}` lines in, one prediction
//!   line per document out, in the form `../shared/eval/score.py` reads;
//! - `apostil convert IN --from X --to Y` converts between exchange formats.
//!
//! Exit codes: 0 success, 1 runtime failure (writing failed, a format cannot hold the
//! annotations), 2 usage error or malformed input.

use apostil_core::Document;
use apostil_core::formats::{self, ExportFile, Format};
use rayon::prelude::*;
use serde::Deserialize;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc rather than the system allocator: every article builds and drops many short-lived
/// per-token tables, and glibc's malloc hands large freed blocks back to the kernel, so the next
/// article faults in fresh zeroed pages again. With mimalloc the whole pipeline runs about
/// 10-40 % faster (README, "Speed and memory"); the benches use the same allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HELP: &str = "\
apostil — find people, organisations, places, dates, money and quotations (with who said
them) in news articles, and convert annotations between formats.

USAGE
  apostil annotate [OPTIONS] FILE...     annotate plain-text articles (use - for standard input)
  apostil annotate --jsonl [FILE...]     evaluation mode (see below)
  apostil convert IN --to FORMAT [OPTIONS]
  apostil formats                        list the formats
  apostil help | --help | -h             this help
  apostil --version                      the version

ANNOTATE
  Each FILE is one article as plain UTF-8 text, pasted page junk and all. The result is Apostil
  JSON on standard output: one document for one file, a library for several.
    -f, --format FORMAT   write FORMAT instead: apostil, w3c, brat, conll, csv, jsonl
    -o, --output PATH     write to PATH instead of standard output; for brat (a .txt and an
                          .ann per article) PATH is a directory, created if missing (without
                          -o, brat prints the .ann of a single article)
    --jsonl               read {\"id\": …, \"text\": …} lines (standard input, or the FILEs) and
                          write one line per article, in input order:
                          {\"id\", \"entities\": [{\"start\",\"end\",\"label\"}],
                           \"quotes\": [{\"start\",\"end\",\"speaker\": {\"start\",\"end\"} | null}]}
                          Runs on all cores, in batches, so any input size works.
    --relative-dates      DATE also covers relative dates and periods (\"last week\", \"recent
                          years\"), as OntoNotes does; by default only calendar dates are
                          marked, as news-wire annotation does

CONVERT
  Reads IN (a file, or - for standard input) and writes it in another format.
    --from FORMAT         the input format; when left out, guessed from IN's extension
                          (.json apostil, .jsonld w3c, .ann brat, .conll/.iob conll, .jsonl
                          jsonl), else from its content
    --to FORMAT           the output format (required)
    --text FILE           the article text, for brat (default: the .txt beside the .ann) and for
                          W3C annotations that do not carry their text
    -o, --output PATH     as for annotate

  Readable: apostil, w3c, brat, conll, jsonl. Writable: all six.

FORMATS
  apostil   Apostil JSON: everything, lossless and versioned (schema/apostil-document.schema.json)
  w3c       W3C Web Annotation JSON-LD: one AnnotationCollection per article, lossless
  brat      brat standoff: .txt + .ann (T lines, notes, Speaker relations, Status attributes)
  conll     CoNLL/IOB: one token per line with a BIO tag; entities only, no overlaps
  csv       one row per annotation, for spreadsheets (write only)
  jsonl     spaCy-style lines: {\"text\", \"ents\", \"spans\", \"quotes\"}

OFFSETS
  Every offset read or written is a Unicode code point index (a Python string index),
  end-exclusive.

EXIT CODES
  0 success · 1 failure while running (e.g. cannot write, format cannot hold the annotations)
  2 usage error or malformed input

EXAMPLES
  apostil annotate article.txt > article.apostil.json
  apostil annotate -f csv -o article.csv article.txt
  apostil annotate --jsonl < gold.jsonl > predictions.jsonl
  apostil convert article.apostil.json --to brat -o brat/
  apostil convert brat/article.ann --to w3c -o article.jsonld
";

/// A failure with its exit code.
struct Failure {
    code: u8,
    message: String,
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: format!("{}\nTry `apostil --help`.", message.into()),
    }
}

fn malformed(message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: message.into(),
    }
}

fn runtime(message: impl Into<String>) -> Failure {
    Failure {
        code: 1,
        message: message.into(),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("apostil: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn run(args: &[String]) -> Result<(), Failure> {
    let Some(cmd) = args.first() else {
        eprint!("{HELP}");
        return Err(Failure {
            code: 2,
            message: "no command given".into(),
        });
    };
    match cmd.as_str() {
        "-h" | "--help" | "help" => {
            print!("{HELP}");
            Ok(())
        }
        "-V" | "--version" | "version" => {
            println!("apostil {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        "formats" => {
            for f in Format::ALL {
                println!(
                    "{:<8} {:<30} .{:<7} {}",
                    f.name(),
                    f.label(),
                    f.extension(),
                    if f.can_import() || f == Format::Brat {
                        "read + write"
                    } else {
                        "write"
                    }
                );
            }
            Ok(())
        }
        "annotate" => annotate(&args[1..]),
        "convert" => convert(&args[1..]),
        other => Err(usage(format!("unknown command {other:?}"))),
    }
}

/// Parsed options shared by the commands.
#[derive(Default)]
struct Opts {
    inputs: Vec<String>,
    format: Option<Format>,
    from: Option<Format>,
    to: Option<Format>,
    output: Option<PathBuf>,
    text: Option<PathBuf>,
    jsonl: bool,
    relative_dates: bool,
}

fn parse_format(flag: &str, v: &str) -> Result<Format, Failure> {
    Format::from_name(v).ok_or_else(|| {
        usage(format!(
            "{flag}: unknown format {v:?}; choose one of apostil, w3c, brat, conll, csv, jsonl"
        ))
    })
}

fn parse(args: &[String], allowed: &[&str]) -> Result<Opts, Failure> {
    let mut o = Opts::default();
    let mut i = 0;
    let mut only_files = false;
    while i < args.len() {
        let a = args[i].as_str();
        i += 1;
        if only_files || a == "-" || !a.starts_with('-') {
            o.inputs.push(a.to_string());
            continue;
        }
        if a == "--" {
            only_files = true;
            continue;
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (a, None),
        };
        let canonical = match flag {
            "-f" | "--format" => "--format",
            "-o" | "--output" => "--output",
            "-h" | "--help" => {
                print!("{HELP}");
                std::process::exit(0);
            }
            f => f,
        };
        if !allowed.contains(&canonical) {
            return Err(usage(format!("unknown option {flag}")));
        }
        if canonical == "--jsonl" {
            o.jsonl = true;
            continue;
        }
        if canonical == "--relative-dates" {
            o.relative_dates = true;
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => {
                let v = args
                    .get(i)
                    .ok_or_else(|| usage(format!("{flag} needs a value")))?;
                i += 1;
                v.clone()
            }
        };
        match canonical {
            "--format" => o.format = Some(parse_format(flag, &value)?),
            "--from" => o.from = Some(parse_format(flag, &value)?),
            "--to" => o.to = Some(parse_format(flag, &value)?),
            "--output" => o.output = Some(PathBuf::from(value)),
            "--text" => o.text = Some(PathBuf::from(value)),
            _ => unreachable!("every allowed option is handled"),
        }
    }
    Ok(o)
}

fn read_input(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| malformed(format!("cannot read standard input: {e}")))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| malformed(format!("cannot read {path}: {e}")))
    }
}

fn doc_id(path: &str) -> String {
    if path == "-" {
        return "stdin".into();
    }
    let p = Path::new(path);
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    // "article.apostil.json" → "article"; "story.txt" → "story".
    match name.find('.') {
        Some(0) | None => name,
        Some(i) => name[..i].to_string(),
    }
}

fn annotate(args: &[String]) -> Result<(), Failure> {
    let o = parse(
        args,
        &["--format", "--output", "--jsonl", "--relative-dates"],
    )?;
    if o.jsonl {
        if o.format.is_some() {
            return Err(usage(
                "--jsonl writes predictions; it cannot be combined with --format",
            ));
        }
        return annotate_jsonl(&o);
    }
    if o.inputs.is_empty() {
        return Err(usage(
            "annotate needs at least one FILE (or - for standard input)",
        ));
    }
    let texts = o
        .inputs
        .iter()
        .map(|p| read_input(p).map(|t| (p, t)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut docs: Vec<Document> = texts
        .par_iter()
        .map(|(path, text)| {
            let analysis = apostil_core::analysis::shared_analyzer(o.relative_dates).analyze(text);
            let mut d = Document::from_analysis(doc_id(path), text.as_str(), &analysis);
            if path.as_str() != "-" {
                d.meta.source = Some(path.to_string());
            }
            d
        })
        .collect();
    unique_ids(&mut docs);
    write_docs(
        &docs,
        o.format.unwrap_or(Format::Apostil),
        o.output.as_deref(),
    )
}

/// Makes document ids unique by suffixing `-2`, `-3`, ….
fn unique_ids(docs: &mut [Document]) {
    let mut seen = std::collections::HashSet::new();
    for d in docs {
        let base = d.id.clone();
        let mut n = 2;
        while !seen.insert(d.id.clone()) {
            d.id = format!("{base}-{n}");
            n += 1;
        }
    }
}

fn write_docs(docs: &[Document], format: Format, output: Option<&Path>) -> Result<(), Failure> {
    let files = match docs {
        [one] => formats::export(one, format),
        many => formats::export_library(many, format),
    }
    .map_err(|e| runtime(format!("cannot write {}: {e}", format.label())))?;
    write_files(&files, format, output)
}

fn write_files(files: &[ExportFile], format: Format, output: Option<&Path>) -> Result<(), Failure> {
    if files.len() == 1 {
        let content = &files[0].content;
        return match output {
            Some(p) if p.is_dir() => write_file(&p.join(&files[0].name), content),
            Some(p) => write_file(p, content),
            None => write_stdout(content),
        };
    }
    match output {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .map_err(|e| runtime(format!("cannot create {}: {e}", dir.display())))?;
            for f in files {
                write_file(&dir.join(&f.name), &f.content)?;
            }
            Ok(())
        }
        // One brat document: the .txt is the input; print the .ann.
        None if format == Format::Brat && files.len() == 2 => write_stdout(&files[1].content),
        None => Err(usage(format!(
            "{} writes {} files; give a directory with -o DIR",
            format.label(),
            files.len()
        ))),
    }
}

fn write_file(path: &Path, content: &str) -> Result<(), Failure> {
    std::fs::write(path, content)
        .map_err(|e| runtime(format!("cannot write {}: {e}", path.display())))
}

fn write_stdout(content: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(content.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(runtime(format!("cannot write standard output: {e}"))),
    }
}

#[derive(Deserialize)]
struct InputLine {
    id: String,
    text: String,
}

/// Predictions for `inputs`, in order. They are analysed in small groups, each stage over a
/// group of short articles in a row, which keeps its code hot (about a quarter faster).
fn predictions(inputs: &[InputLine], relative_dates: bool) -> Vec<String> {
    use apostil_core::analysis::{ARTICLES_PER_BATCH, BYTES_PER_BATCH};
    let analyzer = apostil_core::analysis::shared_analyzer(relative_dates);
    let mut groups: Vec<&[InputLine]> = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, input) in inputs.iter().enumerate() {
        if i > start
            && (i - start == ARTICLES_PER_BATCH || bytes + input.text.len() > BYTES_PER_BATCH)
        {
            groups.push(&inputs[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += input.text.len();
    }
    if start < inputs.len() {
        groups.push(&inputs[start..]);
    }
    groups
        .par_iter()
        .flat_map_iter(|group| {
            let texts: Vec<&str> = group.iter().map(|g| g.text.as_str()).collect();
            let analyses = analyzer.analyze_many(&texts);
            group
                .iter()
                .zip(analyses)
                .map(|(input, a)| formats::jsonl::prediction(&input.id, &a))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `annotate --jsonl`: bounded batches, each analysed in parallel, written in input order.
fn annotate_jsonl(o: &Opts) -> Result<(), Failure> {
    let batch = (rayon::current_num_threads() * 32).max(64);
    let sink: Box<dyn Write> = match &o.output {
        Some(p) => Box::new(
            std::fs::File::create(p)
                .map_err(|e| runtime(format!("cannot write {}: {e}", p.display())))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = std::io::BufWriter::new(sink);
    let result = if o.inputs.is_empty() || o.inputs == ["-"] {
        let stdin = std::io::stdin();
        predict_stream(
            &mut stdin.lock(),
            "standard input",
            &mut w,
            batch,
            o.relative_dates,
        )
    } else {
        o.inputs.iter().try_for_each(|path| {
            let f = std::fs::File::open(path)
                .map_err(|e| malformed(format!("cannot read {path}: {e}")))?;
            predict_stream(
                &mut std::io::BufReader::new(f),
                path,
                &mut w,
                batch,
                o.relative_dates,
            )
        })
    };
    let flushed = w.flush();
    match result {
        Err(f) if f.code == 0 => Ok(()),
        Err(f) => Err(f),
        Ok(()) => match flushed {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(runtime(format!("cannot write the predictions: {e}")))
            }
            _ => Ok(()),
        },
    }
}

/// Reads `{"id","text"}` lines from `reader` in batches of `batch`, writes predictions to `w`.
/// A closed output pipe ends quietly (a `Failure` with code 0).
fn predict_stream(
    reader: &mut dyn BufRead,
    name: &str,
    w: &mut dyn Write,
    batch: usize,
    relative_dates: bool,
) -> Result<(), Failure> {
    let mut lineno = 0usize;
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(batch);
    let mut eof = false;
    while !eof {
        lines.clear();
        while lines.len() < batch {
            let mut s = String::new();
            match reader.read_line(&mut s) {
                Ok(0) => {
                    eof = true;
                    break;
                }
                Ok(_) => {
                    lineno += 1;
                    if !s.trim().is_empty() {
                        lines.push((lineno, s));
                    }
                }
                Err(e) => return Err(malformed(format!("{name}: line {}: {e}", lineno + 1))),
            }
        }
        let parsed: Vec<Result<InputLine, String>> = lines
            .par_iter()
            .map(|(_, l)| serde_json::from_str(l).map_err(|e| e.to_string()))
            .collect();
        // Lines before the first malformed one are still written, then the error is reported.
        let mut inputs = Vec::with_capacity(parsed.len());
        let mut bad = None;
        for (p, (n, _)) in parsed.into_iter().zip(&lines) {
            match p {
                Ok(input) => inputs.push(input),
                Err(e) => {
                    bad = Some(malformed(format!("{name}: line {n}: {e}")));
                    break;
                }
            }
        }
        let out = predictions(&inputs, relative_dates);
        for s in &out {
            if let Err(e) = writeln!(w, "{s}") {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Err(Failure {
                        code: 0,
                        message: String::new(),
                    });
                }
                return Err(runtime(format!("cannot write the predictions: {e}")));
            }
        }
        if let Some(failure) = bad {
            return Err(failure);
        }
    }
    Ok(())
}

fn guess_format(path: &str) -> Option<Format> {
    let lower = path.to_ascii_lowercase();
    let ext = lower.rsplit('.').next()?;
    match ext {
        "json" => Some(Format::Apostil),
        "jsonld" => Some(Format::W3c),
        "ann" => Some(Format::Brat),
        "conll" | "iob" | "bio" => Some(Format::Conll),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}

fn convert(args: &[String]) -> Result<(), Failure> {
    let o = parse(args, &["--from", "--to", "--format", "--output", "--text"])?;
    let [input] = o.inputs.as_slice() else {
        return Err(usage("convert needs exactly one input file (or -)"));
    };
    let to =
        o.to.or(o.format)
            .ok_or_else(|| usage("convert needs --to FORMAT"))?;
    let content = read_input(input)?;
    let from = match o
        .from
        .or_else(|| guess_format(input))
        .or_else(|| Format::detect(&content))
    {
        Some(f) => f,
        None => {
            return Err(usage(format!(
                "cannot tell the format of {input}; say it with --from FORMAT"
            )));
        }
    };
    let bad = |e: apostil_core::FormatError| malformed(format!("{input}: {e}"));
    let docs = match from {
        Format::Brat => {
            let txt_path = match &o.text {
                Some(p) => p.clone(),
                None if input != "-" => Path::new(input).with_extension("txt"),
                None => {
                    return Err(usage(
                        "brat from standard input needs the text: --text ARTICLE.txt",
                    ));
                }
            };
            let text = std::fs::read_to_string(&txt_path).map_err(|e| {
                malformed(format!(
                    "brat needs the article text beside the .ann: cannot read {}: {e} (give it with --text)",
                    txt_path.display()
                ))
            })?;
            vec![formats::brat::import_named(&doc_id(input), &text, &content).map_err(bad)?]
        }
        Format::W3c if o.text.is_some() => {
            let p = o.text.as_ref().expect("checked");
            let text = std::fs::read_to_string(p)
                .map_err(|e| malformed(format!("cannot read {}: {e}", p.display())))?;
            vec![formats::w3c::import_with_text(&doc_id(input), &text, &content).map_err(bad)?]
        }
        f => formats::import(&content, f).map_err(bad)?,
    };
    if docs.is_empty() {
        return Err(malformed(format!("{input}: no documents found")));
    }
    write_docs(&docs, to, o.output.as_deref())
}
