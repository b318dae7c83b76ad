//! `apostil-train`: trains the name model (placeholder until the name-model work lands).

fn main() {
    eprintln!("apostil-train: not implemented yet");
    std::process::exit(2);
}
