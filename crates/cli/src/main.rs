//! `apostil`: the command-line face of the Apostil core.

fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let analysis = apostil_core::analyze(&text);
    println!(
        "{}",
        serde_json::to_string_pretty(&analysis).expect("analysis serialises")
    );
}
