//! Apostil's page: starts the Yew app in `lib.rs`.

fn main() {
    apostil_app::run();
}
